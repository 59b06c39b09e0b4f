//! A spreadsheet cell as an answer: what a vendor may type or pick in the
//! workbook of `ccvet form`, read back by `ccvet import`.
//!
//! Option labels and option ids are both accepted, in either language, so a
//! workbook filled in Chinese imports into an English session and back.

use super::answers::Value;
use super::date::Date;
use super::input::parse_input;
use super::questionnaire::{ChoiceOption, Kind, Question};
use super::text::Lang;
use crate::i18n::domain as msg;

/// A cell's content, as typed by the spreadsheet program.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    Date(Date),
}

/// What a filled cell means for its question.
#[derive(Clone, Debug, PartialEq)]
pub enum CellAnswer {
    Value(Value),
    NotApplicable,
}

/// The words for "not applicable" a cell may hold.
pub const NA_WORDS: [&str; 4] = ["n/a", "na", "不适用", "不適用"];

/// The words for "none of the options" in a multi cell.
pub const NONE_WORDS: [&str; 3] = ["(none)", "none", "（无）"];

/// Separators between the options of a multi cell.
pub const MULTI_SEPARATORS: [char; 7] = [',', '，', '、', ';', '；', '\n', '\r'];

/// Reads `cell` as the answer to `question`, or says in one sentence (in
/// `lang`) what the question takes.
pub fn parse_cell(question: &Question, cell: &Cell, lang: Lang) -> Result<CellAnswer, String> {
    if let Cell::Text(text) = cell
        && NA_WORDS.contains(&fold(text).as_str())
    {
        return if question.allow_na && question.kind.is_scored() {
            Ok(CellAnswer::NotApplicable)
        } else {
            Err(msg::THIS_QUESTION_DOES_NOT_ALLOW.text(lang).to_string())
        };
    }
    let value = match (&question.kind, cell) {
        (Kind::YesNo { .. }, Cell::Bool(b)) => Ok(Value::Bool(*b)),
        (Kind::YesNo { .. }, Cell::Text(t)) => match fold(t).as_str() {
            "yes" | "y" | "true" | "是" | "有" => Ok(Value::Bool(true)),
            "no" | "n" | "false" | "否" | "无" => Ok(Value::Bool(false)),
            _ => Err(msg::A_YES_NO_QUESTION_TAKES.text(lang).to_string()),
        },
        (Kind::Choice { options }, Cell::Text(t)) => {
            find_option(options, t).map(|o| Value::Str(o.id.clone())).ok_or_else(|| choice_error(options, lang))
        }
        (Kind::Choice { options }, Cell::Number(n)) => find_option(options, &number_text(*n))
            .map(|o| Value::Str(o.id.clone()))
            .ok_or_else(|| choice_error(options, lang)),
        (Kind::Multi { options }, Cell::Text(t)) => parse_multi(options, t, lang),
        (Kind::Multi { options }, Cell::Number(n)) => parse_multi(options, &number_text(*n), lang),
        (Kind::Rating { max }, Cell::Number(n)) if n.fract() == 0.0 && (0.0..=f64::from(*max)).contains(n) => {
            Ok(Value::Integer(*n as i64))
        }
        (Kind::Rating { max }, Cell::Text(t)) => {
            // "3" or "3/5", as the form and the reports write a rating.
            let whole = t.trim().split('/').next().unwrap_or("").trim();
            match whole.parse::<i64>() {
                Ok(n) if (0..=i64::from(*max)).contains(&n) => Ok(Value::Integer(n)),
                _ => Err(rating_error(*max, lang)),
            }
        }
        (Kind::Rating { max }, _) => Err(rating_error(*max, lang)),
        (Kind::Number { .. }, Cell::Number(n)) if n.is_finite() => {
            Ok(if n.fract() == 0.0 && n.abs() < 9.0e15 { Value::Integer(*n as i64) } else { Value::Float(*n) })
        }
        (Kind::Number { .. }, Cell::Text(t)) => {
            // Full-width digits, separators and the question's unit, as
            // in the app; a unit of another kind is refused, saying why.
            super::input::parse_input_in(question, t, lang)
        }
        (Kind::Number { .. }, _) => Err(number_error(lang)),
        (Kind::Date { .. }, Cell::Date(d)) => Ok(Value::Date(*d)),
        (Kind::Date { .. }, Cell::Text(t)) => parse_input(question, t).map_err(|_| date_error(lang)),
        (Kind::Date { .. }, _) => Err(date_error(lang)),
        (Kind::Text, Cell::Text(t)) => Ok(Value::Str(t.clone())),
        (Kind::Text, Cell::Number(n)) => Ok(Value::Str(number_text(*n))),
        (Kind::Text, Cell::Bool(b)) => Ok(Value::Str(super::present::yes_no(*b, lang).to_string())),
        (Kind::Text, Cell::Date(d)) => Ok(Value::Str(d.to_string())),
        (Kind::YesNo { .. }, _) => Err(msg::A_YES_NO_QUESTION_TAKES.text(lang).to_string()),
        (Kind::Choice { options } | Kind::Multi { options }, _) => Err(choice_error(options, lang)),
    }?;
    Ok(CellAnswer::Value(value))
}

/// The option a person means by `text`: its id or its label in either
/// language, ignoring case and spacing.
pub fn find_option<'a>(options: &'a [ChoiceOption], text: &str) -> Option<&'a ChoiceOption> {
    let wanted = fold(text);
    options
        .iter()
        .find(|o| fold(&o.id) == wanted)
        .or_else(|| options.iter().find(|o| fold(&o.label.zh) == wanted || fold(&o.label.en) == wanted))
}

fn parse_multi(options: &[ChoiceOption], text: &str, lang: Lang) -> Result<Value, String> {
    if NONE_WORDS.contains(&fold(text).as_str()) {
        return Ok(Value::List(Vec::new()));
    }
    // Pieces between separators, by position: a label may itself hold a
    // comma or a 、, so the longest run of pieces naming an option wins.
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if MULTI_SEPARATORS.contains(&c) {
            pieces.push((start, i));
            start = i + c.len_utf8();
        }
    }
    pieces.push((start, text.len()));
    pieces.retain(|&(a, b)| !text[a..b].trim().is_empty());
    let mut chosen = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let found = (i + 1..=pieces.len())
            .rev()
            .find_map(|j| find_option(options, &text[pieces[i].0..pieces[j - 1].1]).map(|o| (j, o)));
        let Some((next, option)) = found else {
            let item = text[pieces[i].0..pieces[i].1].trim();
            return Err(msg::CELL_NOT_AN_OPTION.fill(lang, &[("item", &item), ("options", &labels(options, lang))]));
        };
        let value = Value::Str(option.id.clone());
        if !chosen.contains(&value) {
            chosen.push(value);
        }
        i = next;
    }
    if chosen.is_empty() {
        return Err(msg::NO_OPTION_NAMED_WRITE_NONE.text(lang).to_string());
    }
    Ok(Value::List(chosen))
}

/// The text a cell should show for `value`, in `lang`: what the form
/// pre-fills and what [`parse_cell`] reads back as the same value.
pub fn cell_text(question: &Question, value: &Value, lang: Lang) -> String {
    let label = |id: &str| {
        question
            .kind
            .options()
            .iter()
            .find(|o| o.id == id)
            .map_or_else(|| id.to_string(), |o| o.label.get(lang).to_string())
    };
    match (&question.kind, value) {
        (Kind::Multi { .. }, Value::List(items)) if items.is_empty() => NONE_WORDS[0].to_string(),
        (Kind::Multi { .. }, Value::List(items)) => items
            .iter()
            .map(|i| match i {
                Value::Str(id) => label(id),
                other => format!("{other:?}"),
            })
            .collect::<Vec<_>>()
            .join(", "),
        (Kind::Choice { .. }, Value::Str(id)) => label(id),
        (Kind::YesNo { .. }, Value::Bool(b)) => super::present::yes_no(*b, lang).to_string(),
        (_, Value::Integer(n)) => n.to_string(),
        (_, Value::Float(f)) => f.to_string(),
        (_, Value::Str(s)) => s.clone(),
        (_, Value::Date(d)) => d.to_string(),
        (_, Value::Bool(b)) => super::present::yes_no(*b, lang).to_string(),
        (_, Value::List(items)) => items.iter().map(|i| cell_text(question, i, lang)).collect::<Vec<_>>().join(", "),
        (_, Value::Other(_)) => String::new(),
    }
}

/// The labels of `options` in `lang`, separated by slashes (a label may hold a comma).
pub fn labels(options: &[ChoiceOption], lang: Lang) -> String {
    options.iter().map(|o| o.label.get(lang)).collect::<Vec<_>>().join(" / ")
}

fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 { format!("{}", n as i64) } else { n.to_string() }
}

fn choice_error(options: &[ChoiceOption], lang: Lang) -> String {
    msg::CELL_PICK_ONE.fill(lang, &[("options", &labels(options, lang))])
}

fn rating_error(max: u32, lang: Lang) -> String {
    msg::CELL_RATING.fill(lang, &[("max", &max)])
}

fn number_error(lang: Lang) -> String {
    msg::A_NUMBER_QUESTION_TAKES_A.text(lang).to_string()
}

fn date_error(lang: Lang) -> String {
    msg::A_DATE_QUESTION_TAKES_A.text(lang).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::LText;

    fn question(kind: Kind, allow_na: bool) -> Question {
        Question {
            id: "q".into(),
            key: "s.q".into(),
            kind,
            weight: 1.0,
            text: LText::same("Q"),
            help: None,
            area: None,
            allow_na,
            show_if: None,
            renamed_from: None,
            span: 0..0,
        }
    }

    fn options() -> Vec<ChoiceOption> {
        vec![
            ChoiceOption { id: "nationwide".into(), label: LText::new("全国", "Nationwide"), ..Default::default() },
            ChoiceOption { id: "provincial".into(), label: LText::new("省内", "Provincial"), ..Default::default() },
        ]
    }

    #[test]
    fn labels_and_ids_in_either_language() {
        let q = question(Kind::Choice { options: options() }, false);
        for text in ["nationwide", "Nationwide", " NATIONWIDE ", "全国"] {
            assert_eq!(
                parse_cell(&q, &Cell::Text(text.into()), Lang::En),
                Ok(CellAnswer::Value(Value::Str("nationwide".into()))),
                "{text}"
            );
        }
        assert!(parse_cell(&q, &Cell::Text("global".into()), Lang::En).unwrap_err().contains("Nationwide"));
        assert!(parse_cell(&q, &Cell::Text("global".into()), Lang::Zh).unwrap_err().contains("全国"));
    }

    #[test]
    fn multi_takes_a_list_and_none() {
        let q = question(Kind::Multi { options: options() }, false);
        let both = Value::List(vec![Value::Str("nationwide".into()), Value::Str("provincial".into())]);
        assert_eq!(
            parse_cell(&q, &Cell::Text("全国、Provincial".into()), Lang::En),
            Ok(CellAnswer::Value(both.clone()))
        );
        assert_eq!(cell_text(&q, &both, Lang::Zh), "全国, 省内");
        assert_eq!(parse_cell(&q, &Cell::Text(cell_text(&q, &both, Lang::Zh)), Lang::En), Ok(CellAnswer::Value(both)));
        assert_eq!(parse_cell(&q, &Cell::Text("(none)".into()), Lang::En), Ok(CellAnswer::Value(Value::List(vec![]))));
        assert!(parse_cell(&q, &Cell::Text("全国, mars".into()), Lang::En).unwrap_err().contains("`mars`"));
        // Labels holding the separators themselves.
        let mut opts = options();
        opts[0].label = LText::new("金融（录音、质检）", "Finance (recording, QA)");
        let q = question(Kind::Multi { options: opts }, false);
        let both = Value::List(vec![Value::Str("nationwide".into()), Value::Str("provincial".into())]);
        for lang in [Lang::En, Lang::Zh] {
            let text = cell_text(&q, &both, lang);
            assert_eq!(parse_cell(&q, &Cell::Text(text.clone()), lang), Ok(CellAnswer::Value(both.clone())), "{text}");
        }
    }

    #[test]
    fn numbers_ratings_dates_and_na() {
        let seats = Some(LText::new("席", "seats"));
        let n = question(Kind::Number { thresholds: vec![], unit: seats }, true);
        assert_eq!(parse_cell(&n, &Cell::Number(500.0), Lang::En), Ok(CellAnswer::Value(Value::Integer(500))));
        assert_eq!(parse_cell(&n, &Cell::Number(2.5), Lang::En), Ok(CellAnswer::Value(Value::Float(2.5))));
        assert_eq!(
            parse_cell(&n, &Cell::Text("5,000 seats".into()), Lang::En),
            Ok(CellAnswer::Value(Value::Integer(5000)))
        );
        assert_eq!(
            parse_cell(&n, &Cell::Text("５０００席".into()), Lang::En),
            Ok(CellAnswer::Value(Value::Integer(5000)))
        );
        // Another unit is refused, saying which one the question takes.
        assert!(parse_cell(&n, &Cell::Text("12%".into()), Lang::Zh).unwrap_err().contains("席"));
        assert_eq!(parse_cell(&n, &Cell::Text("不适用".into()), Lang::En), Ok(CellAnswer::NotApplicable));
        assert!(parse_cell(&n, &Cell::Text("lots".into()), Lang::En).is_err());
        let r = question(Kind::Rating { max: 5 }, false);
        assert_eq!(parse_cell(&r, &Cell::Number(3.0), Lang::En), Ok(CellAnswer::Value(Value::Integer(3))));
        assert_eq!(parse_cell(&r, &Cell::Text("4/5".into()), Lang::En), Ok(CellAnswer::Value(Value::Integer(4))));
        assert!(parse_cell(&r, &Cell::Number(6.0), Lang::En).is_err());
        assert!(parse_cell(&r, &Cell::Number(2.5), Lang::En).is_err());
        assert!(parse_cell(&r, &Cell::Text("N/A".into()), Lang::En).unwrap_err().contains("N/A"));
        let d = question(Kind::Date { thresholds: vec![], knockout: None }, false);
        let date = Date::new(2028, 5, 31).unwrap();
        assert_eq!(parse_cell(&d, &Cell::Date(date), Lang::En), Ok(CellAnswer::Value(Value::Date(date))));
        assert_eq!(parse_cell(&d, &Cell::Text("2028/5/31".into()), Lang::En), Ok(CellAnswer::Value(Value::Date(date))));
        assert!(parse_cell(&d, &Cell::Number(3.0), Lang::En).is_err());
        let y = question(Kind::YesNo { good: true, knockout: None }, false);
        assert_eq!(parse_cell(&y, &Cell::Text("是".into()), Lang::En), Ok(CellAnswer::Value(Value::Bool(true))));
        assert_eq!(parse_cell(&y, &Cell::Bool(false), Lang::En), Ok(CellAnswer::Value(Value::Bool(false))));
        assert!(parse_cell(&y, &Cell::Text("maybe".into()), Lang::En).is_err());
    }
}
