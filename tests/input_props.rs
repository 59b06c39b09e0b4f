//! Numbers as people type them: any plain ASCII number means the same
//! with full-width digits, thousands separators and the question's unit.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ccvet::domain::answers::Value;
use ccvet::domain::number::parse_number;
use ccvet::domain::text::{LText, Lang};
use proptest::prelude::*;

/// `digits` grouped by three from the right with `sep`.
fn grouped(digits: &str, sep: &str) -> String {
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// ASCII digits, signs, points and commas in full width (U+FF01..).
fn full_width(text: &str) -> String {
    text.chars()
        .map(|c| if ('!'..='~').contains(&c) { char::from_u32(c as u32 - 0x21 + 0xFF01).unwrap() } else { c })
        .collect()
}

/// A plain ASCII number: sign, integer digits, maybe a fraction.
fn plain() -> impl Strategy<Value = (bool, String, Option<String>)> {
    (any::<bool>(), "[1-9][0-9]{0,14}|0", proptest::option::of("[0-9]{1,6}"))
}

fn text_of(negative: bool, int: &str, frac: &Option<String>) -> String {
    let sign = if negative { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    }
}

proptest! {
    #[test]
    fn formatting_never_changes_the_value(
        (negative, int, frac) in plain(),
        sep in prop::sample::select(vec![",", "，", " ", "_", "\u{a0}", "\u{3000}"]),
        wide in any::<bool>(),
        unit in prop::sample::select(vec![None, Some("万元"), Some("万"), Some(" 10k CNY")]),
    ) {
        let wan = LText::new("万元", "10k CNY");
        let plain_text = text_of(negative, &int, &frac);
        let expected = parse_number(&plain_text, Some(&wan), Lang::En).unwrap();
        // The same as Rust reads it, as an integer when written as one.
        match (&expected, &frac) {
            (Value::Integer(n), None) => prop_assert_eq!(*n, plain_text.parse::<i64>().unwrap()),
            (Value::Float(f), Some(_)) => prop_assert_eq!(*f, plain_text.parse::<f64>().unwrap()),
            other => prop_assert!(false, "{other:?} for {plain_text}"),
        }
        let mut typed = text_of(negative, &grouped(&int, sep), &frac);
        if wide {
            typed = full_width(&typed);
        }
        if let Some(u) = unit {
            typed.push_str(u);
        }
        prop_assert_eq!(parse_number(&typed, Some(&wan), Lang::En), Ok(expected), "{}", typed);
    }

    #[test]
    fn hours_on_a_minutes_question_are_sixty_minutes(h in 0i64..10_000, word in prop::sample::select(vec!["h", "小时", " hours", "ｈ"])) {
        let minutes = LText::new("分钟", "minutes");
        prop_assert_eq!(parse_number(&format!("{h}{word}"), Some(&minutes), Lang::Zh), Ok(Value::Integer(h * 60)));
    }

    #[test]
    fn nothing_typed_panics(text in "\\PC{0,12}", lang in prop::sample::select(vec![Lang::En, Lang::Zh])) {
        let _ = parse_number(&text, Some(&LText::new("小时", "hours")), lang);
        let _ = parse_number(&text, None, lang);
    }
}
