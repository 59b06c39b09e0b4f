//! Reading and writing an answer's `followup`, `evidence` and `carried`
//! fields (product brief §11) in a vendor file. A field of the wrong shape
//! is a warning naming where it is, and counts as absent; the file keeps it
//! as written until it is set again.

use toml::Spanned;
use toml::de::DeValue;

use super::toml_read::answer_value;
use super::toml_write::{string_value, toml_date};
use crate::domain::answers::Value;
use crate::domain::date::Date;
use crate::domain::followup::{Evidence, Followup, Source, Status};
use crate::domain::validate::Problem;

fn date_of(v: &DeValue<'_>) -> Option<Date> {
    match answer_value(v) {
        Value::Date(d) => Some(d),
        _ => None,
    }
}

fn str_of<'a>(v: &'a DeValue<'_>) -> Option<&'a str> {
    match v {
        DeValue::String(s) => Some(s),
        _ => None,
    }
}

/// `followup = { ask, due, status }` of answer `key`.
pub(super) fn read_followup(key: &str, v: &Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) -> Option<Followup> {
    let bad = |problems: &mut Vec<Problem>, why: &str| {
        problems.push(Problem::warning(v.span(), format!("`followup` of answer `{key}` {why} (kept, not read)")));
    };
    let DeValue::Table(t) = v.get_ref() else {
        bad(problems, "must be a table { ask = \"…\", due = YYYY-MM-DD, status = \"requested\" }");
        return None;
    };
    let Some(ask) = t.get("ask").and_then(|a| str_of(a.get_ref())) else {
        bad(problems, "needs `ask`, the text asked of the vendor");
        return None;
    };
    let due = match t.get("due") {
        None => None,
        Some(d) => match date_of(d.get_ref()) {
            Some(d) => Some(d),
            None => {
                bad(problems, "has a `due` that is not a date written YYYY-MM-DD");
                return None;
            }
        },
    };
    let status = match t.get("status") {
        None => Status::Requested,
        Some(s) => match str_of(s.get_ref()).and_then(Status::parse) {
            Some(s) => s,
            None => {
                bad(problems, "has a `status` other than requested, received or closed");
                return None;
            }
        },
    };
    Some(Followup { ask: ask.to_string(), due, status })
}

/// `evidence = [{ file, sha256, seen_on, expires? } | { url, seen_on, expires? }]`.
pub(super) fn read_evidence(key: &str, v: &Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) -> Vec<Evidence> {
    let DeValue::Array(items) = v.get_ref() else {
        problems.push(Problem::warning(
            v.span(),
            format!("`evidence` of answer `{key}` must be an array of {{ file, sha256, seen_on }} or {{ url, seen_on }} (kept, not read)"),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let entry = match item.get_ref() {
            DeValue::Table(t) => {
                let get_str = |k: &str| t.get(k).and_then(|x| str_of(x.get_ref()).map(str::to_string));
                let source = match (get_str("file"), get_str("sha256"), get_str("url")) {
                    (Some(file), Some(sha256), None) => Some(Source::File { file, sha256 }),
                    (None, None, Some(url)) => Some(Source::Url(url)),
                    _ => None,
                };
                let seen_on = t.get("seen_on").and_then(|d| date_of(d.get_ref()));
                let expires = t.get("expires").map(|d| date_of(d.get_ref()));
                match (source, seen_on, expires) {
                    (Some(source), Some(seen_on), None) => Some(Evidence { source, seen_on, expires: None }),
                    (Some(source), Some(seen_on), Some(Some(x))) => {
                        Some(Evidence { source, seen_on, expires: Some(x) })
                    }
                    _ => None,
                }
            }
            _ => None,
        };
        match entry {
            Some(e) => out.push(e),
            None => problems.push(Problem::warning(
                item.span(),
                format!(
                    "an `evidence` entry of answer `{key}` needs `file` and `sha256`, or `url`, and `seen_on` \
                     (and `expires`, if any) as dates YYYY-MM-DD (kept, not read)"
                ),
            )),
        }
    }
    out
}

/// `carried = true`.
pub(super) fn read_carried(key: &str, v: &Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) -> bool {
    match v.get_ref() {
        DeValue::Boolean(b) => *b,
        _ => {
            problems.push(Problem::warning(v.span(), format!("`carried` of answer `{key}` must be true or false")));
            false
        }
    }
}

pub(super) fn followup_value(f: &Followup, one_line: bool) -> toml_edit::Value {
    let mut t = toml_edit::InlineTable::new();
    t.insert("ask", string_value(&f.ask, one_line));
    if let Some(d) = f.due {
        t.insert("due", toml_date(d).into());
    }
    t.insert("status", f.status.name().into());
    t.fmt();
    toml_edit::Value::InlineTable(t)
}

pub(super) fn evidence_entry(e: &Evidence) -> toml_edit::Value {
    let mut t = toml_edit::InlineTable::new();
    match &e.source {
        Source::File { file, sha256 } => {
            t.insert("file", file.as_str().into());
            t.insert("sha256", sha256.as_str().into());
        }
        Source::Url(url) => {
            t.insert("url", url.as_str().into());
        }
    }
    t.insert("seen_on", toml_date(e.seen_on).into());
    if let Some(x) = e.expires {
        t.insert("expires", toml_date(x).into());
    }
    t.fmt();
    toml_edit::Value::InlineTable(t)
}

/// Appends `e` to the answer's `evidence` array, one entry a line, keeping
/// the entries already written as they are.
/// In an inline answer (`"a.b" = { … }`) the array stays on one line.
pub(super) fn add_evidence(fields: &mut dyn toml_edit::TableLike, e: &Evidence, multiline: bool) {
    let mut entry = evidence_entry(e);
    if !multiline {
        let mut array = fields.get("evidence").and_then(|i| i.as_array()).cloned().unwrap_or_default();
        array.push(entry);
        array.fmt();
        fields.insert("evidence", toml_edit::Item::Value(toml_edit::Value::Array(array)));
        return;
    }
    entry.decor_mut().set_prefix("\n  ");
    match fields.get_mut("evidence").and_then(|i| i.as_array_mut()) {
        Some(array) => {
            array.push_formatted(entry);
            array.set_trailing("\n");
            array.set_trailing_comma(true);
        }
        None => {
            let mut array = toml_edit::Array::new();
            array.push_formatted(entry);
            array.set_trailing("\n");
            array.set_trailing_comma(true);
            fields.insert("evidence", toml_edit::Item::Value(toml_edit::Value::Array(array)));
        }
    }
}
