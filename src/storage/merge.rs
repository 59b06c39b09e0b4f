//! `ccvet merge-file`: the three-way merge of vendor and review files,
//! applied to OURS with `toml_edit` so that its comments and formatting
//! survive (the rules are in [`crate::domain::merge`]).
//!
//! A conflict is recorded in the file itself, which still parses:
//!
//! ```toml
//! [answers."basic.teams"]
//! value = ["technical"]          # ours: the answer in force
//! conflict = { theirs = { value = ["support"] }, base = {} }
//! ```
//!
//! `theirs` and `base` hold that side's fields of the answer (`{}`: no
//! answer there). A header field both sides changed differently keeps ours
//! and is recorded in a top-level `[conflicts]` table the same way
//! (`assessed_on = { theirs = 2026-12-01, base = 2026-11-24 }`; a missing
//! `theirs` or `base` means the field was absent there).
//! `ccvet resolve VENDOR KEY --ours|--theirs` settles either.

use std::collections::BTreeMap;
use std::path::Path;

use toml::de::{DeTable, DeValue};
use toml_edit::{DocumentMut, InlineTable, Item, TableLike};

use super::Error;
use crate::domain::answers::Answer;
use crate::domain::merge::{AnswerConflict, RecordMerge, merge_list, merge_maps, merge_records};
use crate::domain::questionnaire::Questionnaire;

/// The field of an answer that records a conflict.
pub const CONFLICT: &str = "conflict";
/// The top-level table that records conflicts of header fields.
pub const CONFLICTS: &str = "conflicts";

/// The result of a merge: the text to write over OURS, and the keys left in
/// conflict (answer keys, or header field names).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    pub text: String,
    pub conflicts: Vec<String>,
}

/// The byte offset of the first line that is a git conflict marker
/// (`<<<<<<< `, `=======`, `>>>>>>> `, `|||||||`), if the text has a
/// `<<<<<<<` line at all.
pub fn conflict_marker(text: &str) -> Option<usize> {
    let mut offset = 0;
    let mut first = None;
    let mut opened = false;
    for line in text.split_inclusive('\n') {
        let l = line.trim_end_matches(['\n', '\r']);
        let is_marker = |m: &str| l == m || l.strip_prefix(m).is_some_and(|rest| rest.starts_with(' '));
        if is_marker("<<<<<<<") {
            opened = true;
            first.get_or_insert(offset);
        } else if is_marker("=======") || is_marker(">>>>>>>") || is_marker("|||||||") {
            first.get_or_insert(offset);
        }
        offset += line.len();
    }
    if opened { first } else { None }
}

/// The sentence for a file with raw git conflict markers.
pub fn marker_message() -> &'static str {
    "unresolved git merge conflict (a `<<<<<<<`/`=======`/`>>>>>>>` marker starts here): \
     resolve it with git (e.g. `git checkout --ours` or `--theirs` on this file, or edit out the markers), \
     or register ccvet's merge driver with `ccvet git-setup` and merge again"
}

fn invalid(path: &Path, what: &str, text: &str, message: String, at: usize) -> Error {
    Error::Invalid {
        path: path.to_path_buf(),
        diagnostics: vec![super::source::Diagnostic::at(
            path,
            text,
            &(at..at),
            crate::domain::validate::Severity::Error,
            format!("{what}: {message}"),
        )],
    }
}

fn parse_both(path: &Path, what: &str, text: &str) -> Result<(toml::Table, DocumentMut), Error> {
    if let Some(at) = conflict_marker(text) {
        return Err(invalid(path, what, text, marker_message().to_string(), at));
    }
    let table: toml::Table = toml::from_str(text)
        .map_err(|e| invalid(path, what, text, e.message().to_string(), e.span().map_or(0, |s| s.start)))?;
    let doc: DocumentMut =
        text.parse().map_err(|e: toml_edit::TomlError| invalid(path, what, text, e.message().to_string(), 0))?;
    Ok((table, doc))
}

/// Three-way merge of vendor file texts. `path` names the file in errors.
pub fn merge_vendor(
    path: &Path,
    base: &str,
    ours: &str,
    theirs: &str,
    questionnaire: &Questionnaire,
) -> Result<Merged, Error> {
    let (tb, docb) = parse_both(path, "the merge base", base)?;
    let (to, mut doc) = parse_both(path, "our version", ours)?;
    let (tt, doct) = parse_both(path, "their version", theirs)?;
    let mut conflicts = Vec::new();
    // Strings copied into a CRLF file are written on one line (see `vendor`).
    let crlf = ours.contains("\r\n");
    let fit = |v: &toml_edit::Value| if crlf { one_line(v) } else { v.clone() };

    // Header fields (and a person's own top-level fields), one by one.
    let top = |t: &toml::Table| -> BTreeMap<String, toml::Value> {
        t.iter().filter(|(k, _)| *k != "answers" && *k != CONFLICTS).map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    let header = merge_maps(&top(&tb), &top(&to), &top(&tt));
    for key in &header.take_theirs {
        match doct.get(key) {
            Some(Item::Value(v)) => {
                doc.insert(key, Item::Value(fit(v)));
            }
            Some(item) => {
                doc.insert(key, item.clone());
            }
            None => {
                doc.remove(key);
            }
        }
    }
    if !header.conflicts.is_empty() {
        let root = doc.as_table_mut();
        if !root.get(CONFLICTS).is_some_and(Item::is_table_like) {
            root.insert(CONFLICTS, Item::Table(toml_edit::Table::new()));
        }
        if let Some(table) = root.get_mut(CONFLICTS).and_then(Item::as_table_like_mut) {
            for key in &header.conflicts {
                let mut record = InlineTable::new();
                if let Some(v) = doct.get(key).and_then(item_value) {
                    record.insert("theirs", fit(&v));
                }
                if let Some(v) = docb.get(key).and_then(item_value) {
                    record.insert("base", fit(&v));
                }
                record.fmt();
                table.insert(key, Item::Value(toml_edit::Value::InlineTable(record)));
                conflicts.push(key.clone());
            }
        }
    }

    // Answers, one by one, each field by field.
    let records = |t: &toml::Table| -> BTreeMap<String, BTreeMap<String, toml::Value>> {
        let Some(toml::Value::Table(answers)) = t.get("answers") else { return BTreeMap::new() };
        answers
            .iter()
            .map(|(k, v)| {
                let fields = match v {
                    toml::Value::Table(f) => f.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
                    bare => BTreeMap::from([("value".to_string(), bare.clone())]),
                };
                (k.clone(), fields)
            })
            .collect()
    };
    let plan = merge_records(&records(&tb), &records(&to), &records(&tt));
    if !plan.is_empty() {
        ensure_answers(&mut doc);
        for (key, decision) in plan {
            let theirs_fields: BTreeMap<String, toml_edit::Value> =
                answer_fields(&doct, &key).iter().map(|(k, v)| (k.clone(), fit(v))).collect();
            match decision {
                RecordMerge::TakeFields(fields) => {
                    let Some(entry) = entry_mut(&mut doc, &key, questionnaire) else { continue };
                    for field in fields {
                        match theirs_fields.get(&field) {
                            Some(v) => set_field(entry, &field, v.clone()),
                            None => {
                                entry.remove(&field);
                            }
                        }
                    }
                }
                RecordMerge::Conflict => {
                    let base_fields: BTreeMap<String, toml_edit::Value> =
                        answer_fields(&docb, &key).iter().map(|(k, v)| (k.clone(), fit(v))).collect();
                    let Some(entry) = entry_mut(&mut doc, &key, questionnaire) else { continue };
                    let mut record = InlineTable::new();
                    record.insert("theirs", toml_edit::Value::InlineTable(fields_table(&theirs_fields)));
                    record.insert("base", toml_edit::Value::InlineTable(fields_table(&base_fields)));
                    record.fmt();
                    set_field(entry, CONFLICT, toml_edit::Value::InlineTable(record));
                    conflicts.push(key);
                }
            }
        }
    }
    let text = super::vendor::keep_line_style(ours, doc.to_string());
    // Never write what does not read back.
    super::vendor::VendorFile::parse(path, text.clone())?;
    Ok(Merged { text, conflicts })
}

/// The fields of answer `key` in `doc` (a bare value as `value`), without a
/// recorded conflict, as inline values.
fn answer_fields(doc: &DocumentMut, key: &str) -> BTreeMap<String, toml_edit::Value> {
    let Some(entry) = doc.get("answers").and_then(Item::as_table_like).and_then(|a| a.get(key)) else {
        return BTreeMap::new();
    };
    match entry.as_table_like() {
        Some(fields) => fields
            .iter()
            .filter(|(k, _)| *k != CONFLICT)
            .filter_map(|(k, item)| Some((k.to_string(), item_value(item)?)))
            .collect(),
        None => item_value(entry).map(|v| BTreeMap::from([("value".to_string(), v)])).unwrap_or_default(),
    }
}

/// An item as a value with no decoration (a table as an inline table).
fn item_value(item: &Item) -> Option<toml_edit::Value> {
    let mut v = match item {
        Item::Value(v) => v.clone(),
        Item::Table(t) => toml_edit::Value::InlineTable(t.clone().into_inline_table()),
        _ => return None,
    };
    v.decor_mut().clear();
    Some(v)
}

/// `v` with every string that holds a line break written on one line,
/// its breaks escaped.
fn one_line(v: &toml_edit::Value) -> toml_edit::Value {
    let mut out = match v {
        toml_edit::Value::String(s) if s.value().contains(['\n', '\r']) => {
            super::toml_write::string_value(s.value(), true)
        }
        toml_edit::Value::Array(a) => {
            let mut new = toml_edit::Array::new();
            for item in a.iter() {
                new.push(one_line(item));
            }
            toml_edit::Value::Array(new)
        }
        toml_edit::Value::InlineTable(t) => {
            let mut new = InlineTable::new();
            for (k, item) in t.iter() {
                new.insert(k, one_line(item));
            }
            new.fmt();
            toml_edit::Value::InlineTable(new)
        }
        other => other.clone(),
    };
    *out.decor_mut() = v.decor().clone();
    out
}

fn fields_table(fields: &BTreeMap<String, toml_edit::Value>) -> InlineTable {
    let mut t = InlineTable::new();
    for (k, v) in fields {
        t.insert(k, v.clone());
    }
    t.fmt();
    t
}

fn ensure_answers(doc: &mut DocumentMut) {
    let root = doc.as_table_mut();
    if !root.get("answers").is_some_and(Item::is_table_like) {
        let mut t = toml_edit::Table::new();
        t.set_implicit(true);
        root.insert("answers", Item::Table(t));
    }
}

/// The fields of answer `key` in ours, created in questionnaire order if
/// missing; a bare value becomes a table holding it.
fn entry_mut<'d>(doc: &'d mut DocumentMut, key: &str, questionnaire: &Questionnaire) -> Option<&'d mut dyn TableLike> {
    let answers = doc.get_mut("answers").and_then(Item::as_table_like_mut)?;
    let inline = answers.iter().any(|(_, item)| item.is_value());
    if !answers.contains_key(key) {
        super::vendor::insert_in_order(answers, key, inline, questionnaire);
    }
    let entry = answers.get_mut(key)?;
    if !entry.is_table_like() {
        let mut t = InlineTable::new();
        if let Ok(v) = std::mem::take(entry).into_value() {
            t.insert("value", v);
        }
        *entry = Item::Value(toml_edit::Value::InlineTable(t));
    }
    entry.as_table_like_mut()
}

fn set_field(fields: &mut dyn TableLike, name: &str, value: toml_edit::Value) {
    match fields.get_mut(name) {
        Some(Item::Value(existing)) => {
            let decor = existing.decor().clone();
            *existing = value;
            *existing.decor_mut() = decor;
        }
        _ => {
            fields.insert(name, Item::Value(value));
        }
    }
}

/// The conflicts recorded in a vendor file (see the module's comment).
pub fn read_conflicts(root: &DeTable<'_>) -> Vec<AnswerConflict> {
    let mut out = Vec::new();
    if let Some(DeValue::Table(answers)) = root.get("answers").map(|v| v.get_ref()) {
        for (key, entry) in answers.iter() {
            let DeValue::Table(fields) = entry.get_ref() else { continue };
            let Some(DeValue::Table(record)) = fields.get(CONFLICT).map(|v| v.get_ref()) else { continue };
            let side = |name: &str| match record.get(name) {
                Some(v) => {
                    let answer = super::vendor::read_answer(key.get_ref(), v, &mut Vec::new());
                    (!answer.is_empty()).then_some(Answer { span: 0..0, ..answer })
                }
                None => None,
            };
            out.push(AnswerConflict { key: key.get_ref().to_string(), theirs: side("theirs"), base: side("base") });
        }
    }
    if let Some(DeValue::Table(header)) = root.get(CONFLICTS).map(|v| v.get_ref()) {
        for (key, record) in header.iter() {
            let DeValue::Table(record) = record.get_ref() else { continue };
            let side = |name: &str| {
                record
                    .get(name)
                    .map(|v| Answer { value: Some(super::toml_read::answer_value(v.get_ref())), ..Answer::default() })
            };
            out.push(AnswerConflict { key: key.get_ref().to_string(), theirs: side("theirs"), base: side("base") });
        }
    }
    out
}

/// Which side `resolve` keeps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Ours,
    Theirs,
}

/// Settles the conflict recorded for `key` (an answer key or a header
/// field): ours drops the record; theirs puts their fields in place first.
/// `None` when there is no conflict for `key`.
pub fn resolve_text(text: &str, key: &str, side: Side) -> Result<Option<String>, String> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| e.message().to_string())?;
    let in_answer = doc
        .get("answers")
        .and_then(Item::as_table_like)
        .and_then(|a| a.get(key))
        .and_then(Item::as_table_like)
        .and_then(|f| f.get(CONFLICT))
        .cloned();
    if let Some(record) = in_answer {
        let theirs = record
            .as_table_like()
            .and_then(|r| r.get("theirs"))
            .and_then(Item::as_table_like)
            .map(|t| t.iter().filter_map(|(k, v)| Some((k.to_string(), item_value(v)?))).collect::<Vec<_>>());
        let Some(fields) = doc
            .get_mut("answers")
            .and_then(Item::as_table_like_mut)
            .and_then(|a| a.get_mut(key))
            .and_then(Item::as_table_like_mut)
        else {
            return Ok(None);
        };
        fields.remove(CONFLICT);
        if side == Side::Theirs {
            let keep: Vec<String> = fields.iter().map(|(k, _)| k.to_string()).collect();
            for k in keep {
                fields.remove(&k);
            }
            for (k, v) in theirs.unwrap_or_default() {
                fields.insert(&k, Item::Value(v));
            }
        }
        return Ok(Some(keep_style(text, doc.to_string())));
    }
    let record = doc.get(CONFLICTS).and_then(Item::as_table_like).and_then(|c| c.get(key)).cloned();
    let Some(record) = record else { return Ok(None) };
    if side == Side::Theirs {
        match record.as_table_like().and_then(|r| r.get("theirs")).and_then(item_value) {
            Some(mut v) => {
                let decor = doc.get(key).and_then(Item::as_value).map(|v| v.decor().clone());
                if let Some(d) = decor {
                    *v.decor_mut() = d;
                }
                doc.insert(key, Item::Value(v));
            }
            None => {
                doc.remove(key);
            }
        }
    }
    if let Some(c) = doc.get_mut(CONFLICTS).and_then(Item::as_table_like_mut) {
        c.remove(key);
        if c.is_empty() {
            doc.remove(CONFLICTS);
        }
    }
    Ok(Some(keep_style(text, doc.to_string())))
}

fn keep_style(original: &str, text: String) -> String {
    super::vendor::keep_line_style(original, text)
}

/// Three-way merge of review files (`reviews/<slug>/<user>.toml`): comments
/// merge one by one (both sides' new comments kept, a comment either side
/// removed is gone); the sign-off is the later of the two when both
/// changed it (a sign-off is a state with a time). Never a conflict.
pub fn merge_review(path: &Path, base: &str, ours: &str, theirs: &str) -> Result<Merged, Error> {
    use super::review::ReviewFile;
    let read = |what: &str, text: &str| -> Result<ReviewFile, Error> {
        if let Some(at) = conflict_marker(text) {
            return Err(invalid(path, what, text, marker_message().to_string(), at));
        }
        toml::from_str(text)
            .map_err(|e| invalid(path, what, text, e.message().to_string(), e.span().map_or(0, |s| s.start)))
    };
    let base_text = if base.trim().is_empty() { None } else { Some(base) };
    let b = match base_text {
        Some(t) => read("the merge base", t)?,
        None => ReviewFile::default(),
    };
    let (o, t) = (read("our version", ours)?, read("their version", theirs)?);
    let signoff = match crate::domain::merge::pick(b.signoff.as_ref(), o.signoff.as_ref(), t.signoff.as_ref()) {
        crate::domain::merge::Pick::Ours => o.signoff.clone(),
        crate::domain::merge::Pick::Theirs => t.signoff.clone(),
        crate::domain::merge::Pick::Conflict => match (&o.signoff, &t.signoff) {
            (Some(a), Some(b)) if b.at > a.at => Some(b.clone()),
            (Some(a), _) => Some(a.clone()),
            (None, other) => other.clone(),
        },
    };
    let merged = ReviewFile {
        reviewer: if o.reviewer.is_empty() { t.reviewer.clone() } else { o.reviewer.clone() },
        signoff,
        comments: merge_list(&b.comments, &o.comments, &t.comments),
    };
    let text = toml::to_string(&merged).map_err(|e| Error::refused(path, format!("cannot write the merge: {e}")))?;
    let _: ReviewFile = toml::from_str(&text).map_err(|e| Error::refused(path, format!("internal error: {e}")))?;
    Ok(Merged { text, conflicts: Vec::new() })
}
