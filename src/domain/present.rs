//! Answers and scores as words and numbers for people: shared by the
//! command line, the reports and the app.

use super::answers::{Answer, Value};
use super::questionnaire::{Kind, Question};
use super::text::Lang;
use crate::i18n::domain as msg;

/// A percentage with one decimal, or an en dash when there is none.
pub fn pct(value: Option<f64>) -> String {
    value.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

/// The min–max range, e.g. `42.0–88.5`.
pub fn range(min: Option<f64>, max: Option<f64>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("{lo:.1}–{hi:.1}"),
        _ => "–".to_string(),
    }
}

/// What stands for the band where a red line is hit.
fn disqualified(lang: Lang) -> &'static str {
    msg::DISQUALIFIED_MARK.text(lang)
}

/// Unscored (text) questions among `outcomes`: (answered, shown).
pub fn unscored_counts<'a>(outcomes: impl IntoIterator<Item = &'a super::scoring::Outcome>) -> (usize, usize) {
    outcomes.into_iter().fold((0, 0), |(a, n), o| match o {
        super::scoring::Outcome::Unscored { answered } => (a + usize::from(*answered), n + 1),
        _ => (a, n),
    })
}

/// Answered counts that add up to what a person counts: "4/37 scored +
/// 0/1 text" (only "4/37" when every question scores).
pub fn counts_text(answered: usize, total: usize, (text_answered, texts): (usize, usize), lang: Lang) -> String {
    if texts == 0 {
        return format!("{answered}/{total}");
    }
    let args: [(&str, &dyn std::fmt::Display); 4] =
        [("answered", &answered), ("total", &total), ("text_answered", &text_answered), ("texts", &texts)];
    msg::COUNTS_SCORED_AND_TEXT.fill(lang, &args)
}

/// The band as far as it is certain: its label once one band remains,
/// else provisional, e.g. "≥ 85? · possible: Recommended / Acceptable"
/// (the bar the best possible band sets, then every band still possible);
/// "–" when none can be had.
pub fn band_text(q: &super::questionnaire::Questionnaire, report: &super::scoring::ScoreReport, lang: Lang) -> String {
    if report.disqualified() {
        return disqualified(lang).to_string();
    }
    let possible = q.bands_possible(report.min, report.max);
    match possible.as_slice() {
        [] => report.band.and_then(|b| q.bands.get(b)).map_or_else(|| "–".to_string(), |b| b.label.get(lang).into()),
        [one] => q.bands.get(*one).map_or_else(|| "–".to_string(), |b| b.label.get(lang).to_string()),
        [top, ..] => {
            let labels: Vec<&str> =
                possible.iter().filter_map(|&i| q.bands.get(i)).map(|b| b.label.get(lang)).collect();
            let bar = q.bands.get(*top).map_or(0.0, |b| b.min);
            let word = msg::POSSIBLE.text(lang);
            format!("≥ {bar}? · {word}{}", labels.join(" / "))
        }
    }
}

/// The band in a narrow column: its label once certain, else the best band
/// still possible with a question mark ("Recommended?").
pub fn band_short(q: &super::questionnaire::Questionnaire, report: &super::scoring::ScoreReport, lang: Lang) -> String {
    if report.disqualified() {
        return disqualified(lang).to_string();
    }
    let possible = q.bands_possible(report.min, report.max);
    match possible.as_slice() {
        [top, _, ..] => q.bands.get(*top).map_or_else(String::new, |b| format!("{}?", b.label.get(lang))),
        _ => band_text(q, report, lang),
    }
}

/// [`band_short`] where ✗ DISQUALIFIED already leads the line: nothing for
/// a disqualified vendor.
pub fn band_beside_mark(
    q: &super::questionnaire::Questionnaire,
    report: &super::scoring::ScoreReport,
    lang: Lang,
) -> String {
    if report.disqualified() { String::new() } else { band_short(q, report, lang) }
}

/// Whether the band is still open (more than one band possible).
pub fn band_provisional(q: &super::questionnaire::Questionnaire, report: &super::scoring::ScoreReport) -> bool {
    q.bands_possible(report.min, report.max).len() > 1
}

/// A stored answer in the question's own terms: option labels, yes/no,
/// the unit of a number. Empty when unanswered.
pub fn answer_text(question: &Question, answer: Option<&Answer>, lang: Lang) -> String {
    let Some(answer) = answer else {
        return String::new();
    };
    if answer.na {
        return msg::NA.text(lang).to_string();
    }
    answer.value.as_ref().map_or_else(String::new, |v| value_text(question, v, lang))
}

pub fn value_text(question: &Question, value: &Value, lang: Lang) -> String {
    let label = |id: &str| {
        question
            .kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string())
    };
    match (&question.kind, value) {
        (_, Value::Bool(true)) => yes_no(true, lang).to_string(),
        (_, Value::Bool(false)) => yes_no(false, lang).to_string(),
        (Kind::Choice { .. }, Value::Str(id)) => label(id),
        (Kind::Multi { .. }, Value::List(items)) => {
            let labels: Vec<String> = items
                .iter()
                .map(|i| match i {
                    Value::Str(id) => label(id),
                    other => value_text(question, other, lang),
                })
                .collect();
            let sep = if lang == Lang::Zh { "、" } else { ", " };
            if labels.is_empty() { msg::NONE_CHOSEN.text(lang).to_string() } else { labels.join(sep) }
        }
        (Kind::Rating { max }, Value::Integer(n)) => format!("{n}/{max}"),
        (Kind::Number { unit, .. }, Value::Integer(_) | Value::Float(_)) => {
            let n = match value {
                Value::Integer(n) => n.to_string(),
                Value::Float(f) => f.to_string(),
                _ => String::new(),
            };
            match unit {
                Some(u) => format!("{n} {}", u.get(lang)),
                None => n,
            }
        }
        (_, Value::Integer(n)) => n.to_string(),
        (_, Value::Float(f)) => f.to_string(),
        (_, Value::Str(s)) => s.clone(),
        (_, Value::Date(d)) => d.to_string(),
        (_, Value::List(items)) => items.iter().map(|i| value_text(question, i, lang)).collect::<Vec<_>>().join(", "),
        (_, Value::Other(what)) => format!("({what})"),
    }
}

pub fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b { msg::YES.text(lang) } else { msg::NO.text(lang) }
}

/// Who gave an answer, when not the interviewer: "stated by the vendor"
/// for an answer imported from the vendor's workbook.
pub fn source_text(answer: Option<&Answer>, lang: Lang) -> Option<&'static str> {
    // Another `source` text is a person's own field, not ccvet's mark.
    (answer?.source.as_deref()? == super::answers::VENDOR_SOURCE).then_some(msg::STATED_BY_VENDOR.text(lang))
}

/// A `show_if` as a sentence for people filling a form offline: "Only if
/// “Which industries…” is Finance or Healthcare."
pub fn condition_text(
    q: &super::questionnaire::Questionnaire,
    condition: &super::conditions::Condition,
    lang: Lang,
) -> String {
    use super::conditions::Test;
    let Some(controller) = q.question(&condition.question) else { return String::new() };
    let label = |id: &str| {
        controller
            .kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string())
    };
    let number = |x: f64| if x.fract() == 0.0 { format!("{x:.0}") } else { format!("{x}") };
    let (or, yes, no) = (msg::OR.text(lang), msg::YES.text(lang), msg::NO.text(lang));
    let test = match &condition.test {
        Test::Any(ids) => ids.iter().map(|id| label(id)).collect::<Vec<_>>().join(or),
        Test::Is(b) => (if *b { yes } else { no }).to_string(),
        Test::Range { min: Some(lo), max: Some(hi) } => {
            msg::BETWEEN.fill(lang, &[("lo", &number(*lo)), ("hi", &number(*hi))])
        }
        Test::Range { min: Some(lo), .. } => msg::AT_LEAST.fill(lang, &[("lo", &number(*lo))]),
        Test::Range { max: Some(hi), .. } => msg::AT_MOST.fill(lang, &[("hi", &number(*hi))]),
        Test::Range { .. } => String::new(),
    };
    let text = controller.text.get(lang);
    msg::ONLY_IF.fill(lang, &[("text", &text), ("test", &test)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up_to_what_a_person_counts() {
        use crate::domain::scoring::Outcome;
        let outcomes = [
            Outcome::Unanswered,
            Outcome::Unscored { answered: true },
            Outcome::NotApplicable,
            Outcome::Unscored { answered: false },
        ];
        assert_eq!(unscored_counts(&outcomes), (1, 2));
        assert_eq!(counts_text(37, 37, (1, 1), Lang::En), "37/37 scored + 1/1 text");
        assert_eq!(counts_text(3, 37, (0, 1), Lang::Zh), "3/37 计分题 + 0/1 文字题");
        assert_eq!(counts_text(3, 37, (0, 0), Lang::En), "3/37");
    }
}
