//! A number as a person types it, for a number question with (or
//! without) a unit.
//!
//! - Full-width digits and punctuation (`１２００`, `３０．５`, `１，２００`)
//!   are read through NFKC, as an IME types them.
//! - Thousands separators: `1,200`, `1，200`, `12 000`, `5_000`; groups of
//!   three after the first, one kind of separator (`1,2` is refused, not
//!   read as 12).
//! - A unit after the number is accepted when it is the question's own (its
//!   `zh` or `en` text) or a word for it: `万`/`万元` on a 万元 question;
//!   `min`, `mins`, `minutes`, `分钟`, `分` on a minutes question; `h`,
//!   `hr`, `hours`, `小时`, `钟头` on an hours question.
//! - Hours on a minutes question are converted when the result is a whole
//!   number of minutes (`2小时` → 120, `1.5h` → 90; `0.33h` is refused);
//!   minutes on an hours question when the hours need two decimals at most
//!   (`30分钟` → 0.5, `45 min` → 0.75; `20 min` is refused). A bare `分`
//!   converts nothing: it also means "points", so on an hours question it
//!   is refused and `分钟` is asked for.
//! - Any other unit is refused with a sentence naming the unit expected.

use unicode_normalization::UnicodeNormalization;

use super::answers::Value;
use super::text::{LText, Lang};
use crate::i18n::domain as msg;

/// What a unit measures, as far as conversions go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    TenThousandYuan,
    Minutes,
    Hours,
}

const WAN: &[&str] = &["万", "万元"];
const MINUTES: &[&str] = &["min", "mins", "minute", "minutes", "分钟", "分鐘", "分"];
const HOURS: &[&str] = &["h", "hr", "hrs", "hour", "hours", "小时", "个小时", "小時", "钟头", "个钟头"];

fn family_of_word(word: &str) -> Option<Family> {
    if WAN.contains(&word) {
        Some(Family::TenThousandYuan)
    } else if MINUTES.contains(&word) {
        Some(Family::Minutes)
    } else if HOURS.contains(&word) {
        Some(Family::Hours)
    } else {
        None
    }
}

/// The family of a question's unit, from either of its texts.
fn family_of_unit(unit: &LText) -> Option<Family> {
    family_of_word(&fold(&unit.zh)).or_else(|| family_of_word(&fold(&unit.en)))
}

/// A unit word folded for comparison: NFKC, lower case, no spaces.
fn fold(text: &str) -> String {
    text.nfkc().filter(|c| !c.is_whitespace()).flat_map(char::to_lowercase).collect()
}

/// The sentence for text that is no number at all.
pub fn not_a_number(lang: Lang) -> String {
    msg::INPUT_NUMBER.text(lang).to_string()
}

/// The value `input` means for a number question whose unit is `unit`, or
/// why it is refused (one sentence in `lang`).
pub fn parse_number(input: &str, unit: Option<&LText>, lang: Lang) -> Result<Value, String> {
    // NFKC turns full-width digits, signs, points, commas and spaces into
    // ASCII; the minus sign is the one character it leaves.
    let text: String = input.nfkc().map(|c| if c == '−' { '-' } else { c }).collect();
    let text = text.trim();
    // The question's own unit first: it may start with a digit ("10k CNY").
    for own in unit.iter().flat_map(|u| [&u.zh, &u.en]) {
        let own: String = own.nfkc().collect();
        if let Some(head) = strip_suffix_folded(text, own.trim())
            && let Some((plain, is_integer)) = plain_number(head.trim())
        {
            return to_value(&plain, is_integer).ok_or_else(|| not_a_number(lang));
        }
    }
    let split = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '_' | ' ' | '+' | '-')))
        .map_or(text.len(), |(i, _)| i);
    let (number, typed_unit) = (text[..split].trim(), text[split..].trim());
    let (plain, is_integer) = plain_number(number).ok_or_else(|| not_a_number(lang))?;
    if typed_unit.is_empty() {
        return to_value(&plain, is_integer).ok_or_else(|| not_a_number(lang));
    }
    let word = fold(typed_unit);
    let shown = shown_unit(typed_unit);
    let Some(unit) = unit else {
        return Err(msg::UNIT_NONE_TAKEN.fill(lang, &[("shown", &shown)]));
    };
    let expected = unit.get(lang);
    if word == fold(&unit.zh) || word == fold(&unit.en) {
        return to_value(&plain, is_integer).ok_or_else(|| not_a_number(lang));
    }
    let wrong = || msg::UNIT_NOT_THIS.fill(lang, &[("shown", &shown), ("expected", &expected)]);
    let asked = family_of_unit(unit);
    match (family_of_word(&word), asked) {
        (Some(typed), Some(asked)) if typed == asked => to_value(&plain, is_integer).ok_or_else(|| not_a_number(lang)),
        (Some(Family::Hours), Some(Family::Minutes)) => {
            let hours: f64 = plain.parse().map_err(|_| not_a_number(lang))?;
            let minutes = hours * 60.0;
            if is_whole(minutes) {
                Ok(whole(minutes))
            } else {
                Err(msg::UNIT_HOURS_NOT_WHOLE_MINUTES.fill(lang, &[("plain", &plain), ("expected", &expected)]))
            }
        }
        (Some(Family::Minutes), Some(Family::Hours)) if word == "分" => {
            Err(msg::UNIT_FEN_AMBIGUOUS.fill(lang, &[("expected", &expected)]))
        }
        (Some(Family::Minutes), Some(Family::Hours)) => {
            let minutes: f64 = plain.parse().map_err(|_| not_a_number(lang))?;
            let hours = minutes / 60.0;
            if is_whole(hours * 100.0) {
                Ok(if is_whole(hours) { whole(hours) } else { Value::Float((hours * 100.0).round() / 100.0) })
            } else {
                Err(msg::UNIT_MINUTES_NOT_ROUND_HOURS.fill(lang, &[("plain", &plain), ("expected", &expected)]))
            }
        }
        _ => Err(wrong()),
    }
}

/// `text` without `suffix` at its end, ignoring case.
fn strip_suffix_folded<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    if suffix.is_empty() || suffix.len() > text.len() {
        return None;
    }
    let at = text.len() - suffix.len();
    (text.is_char_boundary(at) && text[at..].to_lowercase() == suffix.to_lowercase()).then(|| &text[..at])
}

/// The unit as typed, safe to show in a sentence: no control characters,
/// at most 16 characters.
fn shown_unit(unit: &str) -> String {
    let clean: String = unit.chars().filter(|c| !c.is_control()).take(17).collect();
    if clean.chars().count() > 16 { format!("{}…", clean.chars().take(15).collect::<String>()) } else { clean }
}

fn is_whole(x: f64) -> bool {
    x.is_finite() && (x - x.round()).abs() < 1e-9 && x.abs() < 9.0e15
}

fn whole(x: f64) -> Value {
    Value::Integer(x.round() as i64)
}

fn to_value(plain: &str, is_integer: bool) -> Option<Value> {
    if is_integer && let Ok(n) = plain.parse::<i64>() {
        return Some(Value::Integer(n));
    }
    plain.parse::<f64>().ok().filter(|f| f.is_finite()).map(Value::Float)
}

/// `number` without its thousands separators (`-1,200.5` → `-1200.5`), and
/// whether it is a whole number as written (no decimal point); `None`
/// unless it is a number with separators in the right places.
fn plain_number(number: &str) -> Option<(String, bool)> {
    let (sign, rest) = match number.as_bytes().first() {
        Some(b'-') => ("-", &number[1..]),
        Some(b'+') => ("", &number[1..]),
        _ => ("", number),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    if frac.is_some_and(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    if int.is_empty() && frac.is_none_or(str::is_empty) {
        return None;
    }
    let separators: Vec<char> = int.chars().filter(|c| !c.is_ascii_digit()).collect();
    let digits: String = if let Some(&sep) = separators.first() {
        if separators.iter().any(|&c| c != sep) {
            return None;
        }
        let groups: Vec<&str> = int.split(sep).collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return None;
        }
        groups.concat()
    } else {
        int.to_string()
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut plain = format!("{sign}{digits}");
    if let Some(f) = frac {
        plain.push('.');
        plain.push_str(f);
    }
    Some((plain, frac.is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wan() -> LText {
        LText::new("万元", "10k CNY")
    }
    fn minutes() -> LText {
        LText::new("分钟", "minutes")
    }
    fn hours() -> LText {
        LText::new("小时", "hours")
    }

    fn ok(input: &str, unit: Option<&LText>) -> Value {
        match parse_number(input, unit, Lang::En) {
            Ok(v) => v,
            Err(why) => panic!("{input:?} refused: {why}"),
        }
    }

    #[test]
    fn full_width_and_thousands_separators() {
        assert_eq!(ok("１２００", None), Value::Integer(1200));
        assert_eq!(ok("３０．５", None), Value::Float(30.5));
        assert_eq!(ok("1,200", None), Value::Integer(1200));
        assert_eq!(ok("1，200", None), Value::Integer(1200));
        assert_eq!(ok("１，２００", None), Value::Integer(1200));
        assert_eq!(ok("12 000", None), Value::Integer(12000));
        assert_eq!(ok("12\u{a0}000", None), Value::Integer(12000));
        assert_eq!(ok("1,234,567.25", None), Value::Float(1234567.25));
        assert_eq!(ok("5_000", None), Value::Integer(5000));
        assert_eq!(ok("－３", None), Value::Integer(-3));
        assert_eq!(ok("−3", None), Value::Integer(-3));
        assert_eq!(ok(".5", None), Value::Float(0.5));
        for bad in ["1,2", "1,20", "1234,567", "1,200 000", "1.2.3", "", "-", ".", "abc", "1e3", "inf", "1,200.5,0"] {
            assert!(parse_number(bad, None, Lang::En).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn units_matching_the_question() {
        assert_eq!(ok("1200万", Some(&wan())), Value::Integer(1200));
        assert_eq!(ok("1200 万元", Some(&wan())), Value::Integer(1200));
        assert_eq!(ok("1,200 10k CNY", Some(&wan())), Value::Integer(1200));
        assert_eq!(ok("30min", Some(&minutes())), Value::Integer(30));
        assert_eq!(ok("30 mins", Some(&minutes())), Value::Integer(30));
        assert_eq!(ok("30分钟", Some(&minutes())), Value::Integer(30));
        assert_eq!(ok("30分", Some(&minutes())), Value::Integer(30));
        assert_eq!(ok("３０ＭＩＮ", Some(&minutes())), Value::Integer(30));
        assert_eq!(ok("2h", Some(&hours())), Value::Integer(2));
        assert_eq!(ok("2小时", Some(&hours())), Value::Integer(2));
        assert_eq!(ok("2 hours", Some(&hours())), Value::Integer(2));
        assert_eq!(ok("2.5 Hours", Some(&hours())), Value::Float(2.5));
        // A unit of the questionnaire's own, not one ccvet knows.
        let seats = LText::new("席", "seats");
        assert_eq!(ok("5,000 seats", Some(&seats)), Value::Integer(5000));
        assert_eq!(ok("5000席", Some(&seats)), Value::Integer(5000));
    }

    #[test]
    fn conversions_only_when_exact() {
        assert_eq!(ok("2小时", Some(&minutes())), Value::Integer(120));
        assert_eq!(ok("1.5h", Some(&minutes())), Value::Integer(90));
        assert!(parse_number("0.33h", Some(&minutes()), Lang::En).unwrap_err().contains("minutes"));
        assert_eq!(ok("30分钟", Some(&hours())), Value::Float(0.5));
        assert_eq!(ok("45 min", Some(&hours())), Value::Float(0.75));
        assert_eq!(ok("120 min", Some(&hours())), Value::Integer(2));
        assert!(parse_number("20 min", Some(&hours()), Lang::En).is_err());
        // 分 alone also means points: not converted to hours.
        let why = parse_number("30分", Some(&hours()), Lang::Zh).unwrap_err();
        assert!(why.contains("分钟") && why.contains("小时"), "{why}");
    }

    #[test]
    fn other_units_are_refused_naming_the_unit_expected() {
        let en = parse_number("12%", Some(&wan()), Lang::En).unwrap_err();
        assert_eq!(en, "“%” is not this question's unit: give the number in 10k CNY");
        let zh = parse_number("12%", Some(&wan()), Lang::Zh).unwrap_err();
        assert_eq!(zh, "单位“%”与本题不符：请按万元填写数字");
        assert!(parse_number("30分钟", Some(&wan()), Lang::En).is_err());
        assert!(parse_number("1200万", Some(&hours()), Lang::En).is_err());
        assert!(parse_number("1200万", None, Lang::Zh).unwrap_err().contains("本题不带单位"));
        assert!(parse_number("3 apples", None, Lang::En).unwrap_err().contains("apples"));
        assert!(parse_number("lots", Some(&wan()), Lang::Zh).unwrap_err().contains("数值题"));
        // Nothing hostile reaches the sentence.
        assert!(!parse_number("3 \u{1b}[2J", None, Lang::En).unwrap_err().contains('\u{1b}'));
    }
}
