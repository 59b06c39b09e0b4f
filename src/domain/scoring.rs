//! Scoring: a pure function of (questionnaire, answers, assessment date).
//!
//! The exact semantics are those of the product brief §3; the comments name
//! the rule each step implements.

use super::answers::{Answer, Answers, Value};
use super::conditions::{is_visible, visibility};
use super::date::Date;
use super::questionnaire::{ChoiceOption, Kind, Knockout, Question, Questionnaire, Section, threshold_score};
use super::text::LText;

/// What one question's answer amounts to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Unanswered,
    NotApplicable,
    /// A fraction s in [0, 1] and whether the answer crosses a red line.
    Scored {
        s: f64,
        knockout: bool,
    },
    /// A `text` question: never scored, never counted.
    Unscored {
        answered: bool,
    },
    /// A value that does not fit the question; counted as unanswered.
    Invalid(String),
    /// Its `show_if` (or its section's) is not met: out of the score, the
    /// range, the counts and the knockouts, like N/A; the answer is kept.
    Hidden,
}

impl Outcome {
    pub fn is_answered(&self) -> bool {
        matches!(self, Outcome::NotApplicable | Outcome::Scored { .. })
    }

    pub fn is_knockout(&self) -> bool {
        matches!(self, Outcome::Scored { knockout: true, .. })
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SectionScore {
    /// Percent over answered, scored, non-N/A questions; `None` until their
    /// weights sum to more than 0.
    pub score: Option<f64>,
    /// The lowest and highest section score still possible; `None` when the
    /// section's scored, non-N/A weights sum to 0.
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KnockoutHit {
    /// `section.question`
    pub key: String,
    pub reason: Option<LText>,
}

/// A problem with one stored answer (wrong type, unknown option, …).
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerIssue {
    pub key: String,
    pub message: String,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScoreReport {
    pub score: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Index into the questionnaire's bands.
    pub band: Option<usize>,
    /// In questionnaire order.
    pub knockouts: Vec<KnockoutHit>,
    pub answered: usize,
    pub total: usize,
    pub sections: Vec<SectionScore>,
    /// Per section, per question, in questionnaire order.
    pub outcomes: Vec<Vec<Outcome>>,
    /// Answer keys that name no question of the questionnaire.
    pub orphans: Vec<String>,
    /// Keys of the questions hidden by `show_if`, in questionnaire order.
    pub hidden: Vec<String>,
    pub issues: Vec<AnswerIssue>,
}

impl ScoreReport {
    pub fn disqualified(&self) -> bool {
        !self.knockouts.is_empty()
    }

    /// Fraction of scored questions answered, 0..=1 (1 when there are none).
    pub fn completion(&self) -> f64 {
        if self.total == 0 { 1.0 } else { self.answered as f64 / self.total as f64 }
    }
}

/// Scores `answers` against `questionnaire`, with `assessed_on` as "today"
/// for date questions.
pub fn score(questionnaire: &Questionnaire, answers: &Answers, assessed_on: Option<Date>) -> ScoreReport {
    let mut report = ScoreReport::default();
    let visible = visibility(questionnaire, answers);
    let mut at = 0;
    for section in &questionnaire.sections {
        let mut outcomes = Vec::with_capacity(section.questions.len());
        for question in &section.questions {
            let shown = visible.get(at).copied().unwrap_or(true);
            at += 1;
            if !shown {
                report.hidden.push(question.key.clone());
                outcomes.push(Outcome::Hidden);
                continue;
            }
            let answer = questionnaire.answer(answers, question);
            let outcome = evaluate(question, answer, assessed_on);
            if let Outcome::Invalid(message) = &outcome {
                report.issues.push(AnswerIssue { key: question.key.clone(), message: message.clone() });
            }
            if outcome.is_knockout() {
                report
                    .knockouts
                    .push(KnockoutHit { key: question.key.clone(), reason: knockout_reason(question, answer) });
            }
            outcomes.push(outcome);
        }
        report.sections.push(section_score(section, &outcomes));
        report.outcomes.push(outcomes);
    }
    overall(questionnaire, &mut report);
    report.orphans = answers.keys().filter(|k| questionnaire.is_orphan(answers, k)).cloned().collect();
    report
}

/// Updates `report` (made by [`score`] from the same questionnaire) after
/// the answer to `key` alone changed: the same result as scoring every
/// answer again, bit for bit, in time that does not grow with the number
/// of questions beyond one pass over the section totals. An interview
/// re-scores on every answer; at 4,000 questions a full pass is ~0.5 ms.
///
/// An answer that a `show_if` depends on can show or hide other questions
/// anywhere: for those the whole questionnaire is scored again.
pub fn rescore(
    questionnaire: &Questionnaire,
    report: &mut ScoreReport,
    answers: &Answers,
    assessed_on: Option<Date>,
    key: &str,
) {
    let Some((s, i)) = questionnaire.position(key) else { return };
    if questionnaire.controls(key) {
        *report = score(questionnaire, answers, assessed_on);
        return;
    }
    let (section, question) = (&questionnaire.sections[s], &questionnaire.sections[s].questions[i]);
    let answer = questionnaire.answer(answers, question);
    // Visibility depends only on other answers, which did not change.
    let outcome = if is_visible(questionnaire, answers, questionnaire.flat_index((s, i))) {
        evaluate(question, answer, assessed_on)
    } else {
        Outcome::Hidden
    };
    // Issues and red lines stay in questionnaire order.
    let after = |k: &str| questionnaire.position(k).is_some_and(|p| p > (s, i));
    report.issues.retain(|x| x.key != key);
    if let Outcome::Invalid(message) = &outcome {
        let at = report.issues.iter().position(|x| after(&x.key)).unwrap_or(report.issues.len());
        report.issues.insert(at, AnswerIssue { key: key.to_string(), message: message.clone() });
    }
    report.knockouts.retain(|x| x.key != key);
    if outcome.is_knockout() {
        let at = report.knockouts.iter().position(|x| after(&x.key)).unwrap_or(report.knockouts.len());
        report.knockouts.insert(at, KnockoutHit { key: key.to_string(), reason: knockout_reason(question, answer) });
    }
    report.outcomes[s][i] = outcome;
    report.sections[s] = section_score(section, &report.outcomes[s]);
    overall(questionnaire, report);
}

fn section_score(section: &Section, outcomes: &[Outcome]) -> SectionScore {
    let mut acc = SectionAcc::default();
    for (question, outcome) in section.questions.iter().zip(outcomes) {
        acc.add(question, outcome);
    }
    acc.finish()
}

/// The overall score, range, band and counts from the section scores.
fn overall(questionnaire: &Questionnaire, report: &mut ScoreReport) {
    // Σ W·score / Σ W over sections with a score, and the W-weighted means
    // of section min and max over sections that take part.
    let (mut score_num, mut score_den) = (0.0, 0.0);
    let (mut min_num, mut max_num, mut range_den) = (0.0, 0.0, 0.0);
    let mut any_range = false;
    let (mut answered, mut total) = (0, 0);
    for (section, sec) in questionnaire.sections.iter().zip(&report.sections) {
        let weight = section.weight;
        if let Some(s) = sec.score {
            score_num += weight * s;
            score_den += weight;
        }
        if let (Some(lo), Some(hi)) = (sec.min, sec.max) {
            min_num += weight * lo;
            max_num += weight * hi;
            range_den += weight;
            any_range = true;
        }
        answered += sec.answered;
        total += sec.total;
    }
    report.answered = answered;
    report.total = total;
    // Overall score over sections that have one; when their weights sum to 0
    // there is nothing to weigh, so there is no overall score either.
    report.score = (score_den > 0.0).then(|| score_num / score_den);
    (report.min, report.max) = if any_range && range_den > 0.0 {
        (Some(min_num / range_den), Some(max_num / range_den))
    } else {
        (None, None)
    };
    report.band = report.score.and_then(|s| questionnaire.band_index(s));
}

#[derive(Default)]
struct SectionAcc {
    /// Σ w·s over answered, scored, non-N/A questions.
    num: f64,
    /// Σ w over answered, scored, non-N/A questions.
    answered_weight: f64,
    /// Σ w over unanswered scored questions (counted as s = 1 for max).
    open_weight: f64,
    answered: usize,
    total: usize,
}

impl SectionAcc {
    fn add(&mut self, question: &Question, outcome: &Outcome) {
        if !question.kind.is_scored() || *outcome == Outcome::Hidden {
            return;
        }
        self.total += 1;
        let w = question.weight;
        match outcome {
            Outcome::NotApplicable => self.answered += 1,
            Outcome::Scored { s, .. } => {
                self.answered += 1;
                self.num += w * s;
                self.answered_weight += w;
            }
            Outcome::Unanswered | Outcome::Invalid(_) | Outcome::Unscored { .. } | Outcome::Hidden => {
                self.open_weight += w;
            }
        }
    }

    fn finish(self) -> SectionScore {
        let all_weight = self.answered_weight + self.open_weight;
        let score = (self.answered_weight > 0.0).then(|| self.num / self.answered_weight * 100.0);
        let (min, max) = if all_weight > 0.0 {
            (Some(self.num / all_weight * 100.0), Some((self.num + self.open_weight) / all_weight * 100.0))
        } else {
            (None, None)
        };
        SectionScore { score, min, max, answered: self.answered, total: self.total }
    }
}

/// What `answer` amounts to for `question`.
pub fn evaluate(question: &Question, answer: Option<&Answer>, assessed_on: Option<Date>) -> Outcome {
    let Some(answer) = answer else {
        return if question.kind.is_scored() { Outcome::Unanswered } else { Outcome::Unscored { answered: false } };
    };
    if !question.kind.is_scored() {
        return match &answer.value {
            None | Some(Value::Str(_)) => Outcome::Unscored { answered: answer.value.is_some() },
            Some(other) => Outcome::Invalid(format!("a text question takes a string, not {}", other.type_name())),
        };
    }
    if answer.na {
        return if question.allow_na {
            Outcome::NotApplicable
        } else {
            Outcome::Invalid("marked N/A, but this question does not allow N/A".to_string())
        };
    }
    let Some(value) = &answer.value else {
        return Outcome::Unanswered;
    };
    // Nothing ticked is no answer (as in the app); "none of these" is an
    // exclusive option.
    if matches!((&question.kind, value), (Kind::Multi { .. }, Value::List(items)) if items.is_empty()) {
        return Outcome::Unanswered;
    }
    match scored_value(question, value, assessed_on) {
        Ok((s, knockout)) => Outcome::Scored { s, knockout },
        Err(message) => Outcome::Invalid(message),
    }
}

fn scored_value(question: &Question, value: &Value, assessed_on: Option<Date>) -> Result<(f64, bool), String> {
    let wrong = |wanted: &str| format!("a {} question takes {wanted}, not {}", question.kind.name(), value.type_name());
    match (&question.kind, value) {
        (Kind::YesNo { good, knockout }, Value::Bool(b)) => {
            let is_good = b == good;
            Ok((f64::from(u8::from(is_good)), !is_good && knockout.is_some()))
        }
        (Kind::YesNo { .. }, _) => Err(wrong("true or false")),
        (Kind::Choice { options }, Value::Str(id)) => {
            let option = find_option(options, id)?;
            Ok((option.score, option.knockout.is_some()))
        }
        (Kind::Choice { .. }, _) => Err(wrong("an option id")),
        (Kind::Multi { options }, Value::List(items)) => {
            let mut chosen: Vec<&ChoiceOption> = Vec::with_capacity(items.len());
            for item in items {
                let Value::Str(id) = item else {
                    return Err(wrong("an array of option ids"));
                };
                let option = find_option(options, id)?;
                // Choosing an option twice counts it once.
                if !chosen.iter().any(|c| c.id == option.id) {
                    chosen.push(option);
                }
            }
            if chosen.len() > 1
                && let Some(alone) = chosen.iter().find(|o| o.exclusive)
            {
                return Err(format!("`{}` is chosen alone or not at all, yet other options are chosen too", alone.id));
            }
            // `+ 0.0`: the sum of nothing is -0.0 in Rust, which would print
            // as "-0".
            let sum: f64 = chosen.iter().map(|o| o.score).sum::<f64>() + 0.0;
            Ok((sum.min(1.0), chosen.iter().any(|o| o.knockout.is_some())))
        }
        (Kind::Multi { .. }, _) => Err(wrong("an array of option ids")),
        (Kind::Rating { max }, Value::Integer(n)) => {
            if *max == 0 || *n < 0 || *n > i64::from(*max) {
                Err(format!("rating {n} is outside 0..={max}"))
            } else {
                Ok((*n as f64 / f64::from(*max), false))
            }
        }
        (Kind::Rating { .. }, _) => Err(wrong("a whole number")),
        (Kind::Number { thresholds, .. }, Value::Integer(n)) => Ok((threshold_score(thresholds, *n as f64), false)),
        (Kind::Number { thresholds, .. }, Value::Float(f)) if f.is_finite() => {
            Ok((threshold_score(thresholds, *f), false))
        }
        (Kind::Number { .. }, Value::Float(_)) => Err("a number question takes a finite number".to_string()),
        (Kind::Number { .. }, _) => Err(wrong("a number")),
        (Kind::Date { thresholds, knockout }, Value::Date(date)) => {
            let Some(today) = assessed_on else {
                return Err("the vendor file has no assessed_on date, so date answers cannot be scored".to_string());
            };
            if *date < today {
                // Expired: scores 0 and, on a knockout question, disqualifies.
                Ok((0.0, knockout.is_some()))
            } else {
                let months = today.months_until(*date);
                Ok((threshold_score(thresholds, months as f64), false))
            }
        }
        (Kind::Date { .. }, _) => Err(wrong("a date (YYYY-MM-DD)")),
        (Kind::Text, _) => Err(wrong("a string")),
    }
}

fn find_option<'a>(options: &'a [ChoiceOption], id: &str) -> Result<&'a ChoiceOption, String> {
    options.iter().find(|o| o.id == id).ok_or_else(|| format!("`{id}` is not one of this question's options"))
}

/// The reason to show for a knockout answer: the chosen option's, else the
/// question's.
fn knockout_reason(question: &Question, answer: Option<&Answer>) -> Option<LText> {
    let from = |k: &Option<Knockout>| k.as_ref().and_then(|k| k.reason.clone());
    match (&question.kind, answer.and_then(|a| a.value.as_ref())) {
        (Kind::YesNo { knockout, .. } | Kind::Date { knockout, .. }, _) => from(knockout),
        (Kind::Choice { options }, Some(Value::Str(id))) => {
            options.iter().find(|o| &o.id == id).and_then(|o| from(&o.knockout))
        }
        (Kind::Multi { options }, Some(Value::List(items))) => items.iter().find_map(|item| match item {
            Value::Str(id) => {
                options.iter().find(|o| &o.id == id && o.knockout.is_some()).and_then(|o| from(&o.knockout))
            }
            _ => None,
        }),
        _ => None,
    }
}
