//! Turning what a person types (on the command line or in the app) into a
//! value of the right type for a question's kind.

use unicode_normalization::UnicodeNormalization;

use super::answers::Value;
use super::date::Date;
use super::questionnaire::{ChoiceOption, Kind, Question};
use super::text::Lang;
use crate::i18n::domain as msg;

/// Parses `input` for `question`, or says in one sentence (in English)
/// what the kind accepts.
pub fn parse_input(question: &Question, input: &str) -> Result<Value, String> {
    parse_input_in(question, input, Lang::En)
}

/// [`parse_input`], saying why not in `lang` where the sentence has a
/// translation (numbers and their units).
pub fn parse_input_in(question: &Question, input: &str, lang: Lang) -> Result<Value, String> {
    // What an IME types in full width (１２００, ２０２８－０５－３１, ｙｅｓ)
    // is the ASCII it looks like; free text stays exactly as typed.
    let normal: String = if matches!(question.kind, Kind::Text) { String::new() } else { input.nfkc().collect() };
    let trimmed = normal.trim();
    match &question.kind {
        Kind::YesNo { .. } => match trimmed.to_lowercase().as_str() {
            "yes" | "y" | "true" | "是" => Ok(Value::Bool(true)),
            "no" | "n" | "false" | "否" => Ok(Value::Bool(false)),
            _ => Err(msg::INPUT_YESNO.text(lang).to_string()),
        },
        Kind::Choice { options } => {
            if options.iter().any(|o| o.id == trimmed) {
                Ok(Value::Str(trimmed.to_string()))
            } else {
                Err(msg::INPUT_CHOICE.fill(lang, &[("options", &option_list(question))]))
            }
        }
        Kind::Multi { options } => {
            let mut chosen: Vec<Value> = Vec::new();
            for id in trimmed.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !options.iter().any(|o| o.id == id) {
                    return Err(
                        msg::INPUT_MULTI_UNKNOWN.fill(lang, &[("id", &id), ("options", &option_list(question))])
                    );
                }
                let value = Value::Str(id.to_string());
                if !chosen.contains(&value) {
                    chosen.push(value);
                }
            }
            let alone = options.iter().find(|o| o.exclusive);
            if chosen.is_empty() {
                return Err(match alone {
                    Some(o) => msg::INPUT_MULTI_EMPTY_NONE.fill(lang, &[("none", &o.id)]),
                    None => msg::INPUT_MULTI_EMPTY.text(lang).to_string(),
                });
            }
            if chosen.len() > 1
                && let Some(o) = options.iter().find(|o| o.exclusive && chosen.contains(&Value::Str(o.id.clone())))
            {
                return Err(msg::INPUT_MULTI_ALONE.fill(lang, &[("id", &o.id)]));
            }
            Ok(Value::List(chosen))
        }
        Kind::Rating { max } => match trimmed.parse::<i64>() {
            Ok(n) if (0..=i64::from(*max)).contains(&n) => Ok(Value::Integer(n)),
            _ => Err(msg::INPUT_RATING.fill(lang, &[("max", max)])),
        },
        // Full-width digits, thousands separators and units: see `number`.
        Kind::Number { unit, .. } => super::number::parse_number(trimmed, unit.as_ref(), lang),
        Kind::Date { .. } => {
            loose_date(trimmed).map(Value::Date).ok_or_else(|| msg::A_DATE_QUESTION_TAKES_A.text(lang).to_string())
        }
        Kind::Text => Ok(Value::Str(input.to_string())),
    }
}

/// The options chosen after toggling `id` on a multi question: in the
/// options' own order (files diff cleanly); choosing an exclusive option
/// ("none of these") clears the others, choosing another clears it.
pub fn toggle_option(options: &[ChoiceOption], chosen: &[Value], id: &str) -> Vec<Value> {
    let item = Value::Str(id.to_string());
    let mut out: Vec<Value> = chosen.to_vec();
    if let Some(pos) = out.iter().position(|c| *c == item) {
        out.remove(pos);
        return out;
    }
    let exclusive = |v: &Value| matches!(v, Value::Str(s) if options.iter().any(|o| &o.id == s && o.exclusive));
    if exclusive(&item) {
        out.clear();
    } else {
        out.retain(|v| !exclusive(v));
    }
    out.push(item);
    out.sort_by_key(|c| match c {
        Value::Str(s) => options.iter().position(|o| &o.id == s).unwrap_or(usize::MAX),
        _ => usize::MAX,
    });
    out
}

/// A date as people type it: 2028-05-31, 2028-5-31, 2028/05/31 or
/// 2028.5.31 (year first, always).
fn loose_date(text: &str) -> Option<Date> {
    let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
    let [y, m, d] = parts.as_slice() else { return None };
    let digits = |s: &str, max_len: usize| -> Option<u32> {
        (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let year = i32::try_from(digits(y, 4)?).ok().filter(|y| *y >= 1000)?;
    Date::new(year, u8::try_from(digits(m, 2)?).ok()?, u8::try_from(digits(d, 2)?).ok()?)
}

fn option_list(question: &Question) -> String {
    let ids: Vec<&str> = question.kind.options().iter().map(|o| o.id.as_str()).collect();
    ids.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_numbers_as_people_type_them() {
        let d = |s| loose_date(s).map(|d| d.to_string());
        assert_eq!(d("2030-1-1").as_deref(), Some("2030-01-01"));
        assert_eq!(d("2030/01/31").as_deref(), Some("2030-01-31"));
        assert_eq!(d("2030.2.28").as_deref(), Some("2030-02-28"));
        assert_eq!(d("2030-02-30"), None);
        assert_eq!(d("30/01/2030"), None);
        assert_eq!(d("2030-01"), None);
    }
}
