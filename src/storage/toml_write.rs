//! Values as `toml_edit` writes them into vendor files: dates, answers of
//! every kind, and strings that stay on one line in CRLF files.

use crate::domain::answers::Value;
use crate::domain::date::Date;

pub(super) fn toml_date(d: Date) -> toml_edit::Datetime {
    toml_edit::Datetime {
        date: Some(toml_edit::Date { year: u16::try_from(d.year()).unwrap_or(0), month: d.month(), day: d.day() }),
        time: None,
        offset: None,
    }
}

pub(super) fn to_edit_value(v: &Value, one_line: bool) -> toml_edit::Value {
    match v {
        Value::Bool(b) => (*b).into(),
        Value::Integer(n) => (*n).into(),
        Value::Float(f) => (*f).into(),
        Value::Str(s) => string_value(s, one_line),
        Value::Date(d) => toml_date(*d).into(),
        Value::List(items) => {
            let mut array = toml_edit::Array::new();
            for item in items {
                array.push(to_edit_value(item, one_line));
            }
            toml_edit::Value::Array(array)
        }
        Value::Other(what) => what.to_string().into(),
    }
}

/// A string value; with `one_line`, a basic string with its line breaks
/// (and every other control character) escaped, never a multi-line string.
pub(super) fn string_value(s: &str, one_line: bool) -> toml_edit::Value {
    if !one_line || !s.contains(['\n', '\r']) {
        return s.into();
    }
    let mut literal = String::with_capacity(s.len() + 8);
    literal.push('"');
    for c in s.chars() {
        match c {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\n"),
            '\r' => literal.push_str("\\r"),
            '\t' => literal.push_str("\\t"),
            c if c.is_control() => literal.push_str(&format!("\\u{:04X}", c as u32)),
            c => literal.push(c),
        }
    }
    literal.push('"');
    literal.parse().unwrap_or_else(|_| s.into())
}
