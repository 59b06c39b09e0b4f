//! `ccvet import VENDOR FILE.xlsx [--overwrite]`: the vendor's filled-in
//! workbook read back into the vendor file.
//!
//! Every bad cell is reported as `FILE:Sheet!D12: sentence`, and nothing is
//! written while any cell is bad. Answers imported are marked
//! `source = "vendor"`. An answer the interviewer gave differently is kept
//! unless `--overwrite`; each such conflict is listed. Empty cells change
//! nothing.

use crate::i18n::xlsx as msg;
use std::fmt::Write;
use std::io::Cursor;
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::{ANSWER, ID, NOTE, cell_ref};
use crate::cli::context::{Context, score_of};
use crate::cli::{CliError, Output};
use crate::domain::answers::{Answer, Edit};
use crate::domain::cell::{Cell, CellAnswer, parse_cell};
use crate::domain::date::Date;
use crate::domain::present::{answer_text, pct};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::Error;
use crate::storage::atomic::RealFs;
use crate::storage::lock::{self, Acquired};
use crate::storage::vendor::VendorFile;
use crate::system::holder;

pub use crate::domain::answers::VENDOR_SOURCE;

/// One question's row of the workbook, read and checked.
#[derive(Debug, PartialEq)]
pub struct Row {
    pub key: String,
    /// Where the answer cell is, `Sheet!D12`.
    pub at: String,
    pub answer: Option<CellAnswer>,
    pub note: Option<String>,
}

/// Reads the questions sheet of `bytes`: the rows with something to
/// import, or every bad cell as `Sheet!C12: sentence`.
pub fn read_rows(bytes: Vec<u8>, q: &Questionnaire, lang: Lang) -> Result<Vec<Row>, Vec<String>> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| vec![msg::NOT_A_WORKBOOK.fill(lang, &[("e", &e)])])?;
    for name in book.sheet_names() {
        let Ok(range) = book.worksheet_range(&name) else { continue };
        let Some((top, left)) = range.start() else { continue };
        let text = |r: usize, c: usize| match range.get((r, c)) {
            Some(Data::String(s)) => s.trim().to_lowercase(),
            _ => String::new(),
        };
        let width = range.width();
        // The header row: within the first rows, cells beginning `id` and `answer`.
        let header = (0..range.height().min(10)).find_map(|r| {
            let find = |word: &str| (0..width).find(|&c| begins_with_word(&text(r, c), word));
            Some((r, find(ID)?, find(ANSWER)?, find(NOTE)))
        });
        let Some((header_row, id_col, answer_col, note_col)) = header else { continue };
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        let mut seen = std::collections::HashMap::new();
        for r in header_row + 1..range.height() {
            let abs_row = top + r as u32;
            let at = |c: usize| cell_ref(&name, abs_row, left + c as u32);
            let id = match range.get((r, id_col)) {
                Some(Data::String(s)) => s.trim().to_string(),
                _ => String::new(),
            };
            let answer_cell = range.get((r, answer_col)).and_then(to_cell);
            let note = note_col.and_then(|c| range.get((r, c))).and_then(note_text);
            if id.is_empty() {
                if answer_cell.is_some() || note.is_some() {
                    errors.push(format!("{}: {}", at(answer_col), msg::THIS_ROW_HAS_NO_QUESTION.text(lang)));
                }
                continue;
            }
            let Some(question) = q.question(&id) else {
                if answer_cell.is_some() || note.is_some() {
                    errors
                        .push(msg::ROW_UNKNOWN_QUESTION.fill(lang, &[("at", &at(id_col)), ("id", &id), ("q", &q.id)]));
                }
                continue;
            };
            if let Some(first) = seen.insert(id.clone(), at(id_col)) {
                errors.push(msg::ROW_TWICE.fill(lang, &[("at", &at(id_col)), ("id", &id), ("first", &first)]));
                continue;
            }
            let answer = match answer_cell {
                None => None,
                Some(Err(why)) => {
                    errors.push(format!("{}: {why}", at(answer_col)));
                    continue;
                }
                Some(Ok(cell)) => match parse_cell(question, &cell, lang) {
                    Ok(a) => Some(a),
                    Err(why) => {
                        errors.push(format!("{}: {why}", at(answer_col)));
                        continue;
                    }
                },
            };
            if answer.is_some() || note.is_some() {
                rows.push(Row { key: id, at: at(answer_col), answer, note });
            }
        }
        return if errors.is_empty() { Ok(rows) } else { Err(errors) };
    }
    Err(vec![msg::NO_SHEET_HAS_A_HEADER.text(lang).to_string()])
}

fn begins_with_word(cell: &str, word: &str) -> bool {
    cell.strip_prefix(word).is_some_and(|rest| rest.is_empty() || !rest.starts_with(|c: char| c.is_alphanumeric()))
}

/// A cell as the domain reads it; `None` when empty.
fn to_cell(data: &Data) -> Option<Result<Cell, String>> {
    Some(Ok(match data {
        Data::Empty => return None,
        Data::String(s) if s.trim().is_empty() => return None,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(n) => Cell::Number(*n as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => match excel_date(dt.as_f64()) {
            Some(d) => Cell::Date(d),
            None => return Some(Err("the cell holds a date ccvet cannot read".to_string())),
        },
        Data::DateTimeIso(s) => Cell::Text(s.chars().take(10).collect()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => return Some(Err(format!("the cell holds a spreadsheet error ({e})"))),
    }))
}

fn note_text(data: &Data) -> Option<String> {
    let text = match data {
        Data::String(s) => s.trim_end().to_string(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::DateTime(dt) => excel_date(dt.as_f64()).map(|d| d.to_string()).unwrap_or_default(),
        Data::Empty | Data::Error(_) => String::new(),
    };
    (!text.trim().is_empty()).then_some(text)
}

/// The day of an Excel date serial (days since 1899-12-30).
pub fn excel_date(serial: f64) -> Option<Date> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let day = jiff::civil::date(1899, 12, 30).checked_add(jiff::Span::new().days(serial.floor() as i64)).ok()?;
    Date::new(i32::from(day.year()), u8::try_from(day.month()).ok()?, u8::try_from(day.day()).ok()?)
}

/// What importing the rows does to the answers in `vendor`.
#[derive(Debug, Default, PartialEq)]
pub struct Plan {
    pub changes: Vec<(String, Vec<Edit>)>,
    /// (where, key, what the file has, what the workbook says)
    pub conflicts: Vec<(String, String, String, String)>,
}

/// Decides the edits: an answer or note the interviewer gave differently
/// is a conflict, taken only with `overwrite`; an answer imported before
/// (`source = "vendor"`) is the vendor's own to change.
pub fn plan(q: &Questionnaire, vendor: &VendorFile, rows: &[Row], overwrite: bool, lang: Lang) -> Plan {
    let mut plan = Plan::default();
    for row in rows {
        let Some(question) = q.question(&row.key) else { continue };
        let before = vendor.answers.get(&row.key);
        let theirs = before.is_some_and(|a| a.source.as_deref() != Some(VENDOR_SOURCE));
        let mut edits = Vec::new();
        if let Some(answer) = &row.answer {
            let (edit, same) = match answer {
                CellAnswer::NotApplicable => (Edit::NotApplicable(true), before.is_some_and(|a| a.na)),
                CellAnswer::Value(v) => {
                    (Edit::Value(v.clone()), before.is_some_and(|a| !a.na && a.value.as_ref() == Some(v)))
                }
            };
            let given = before.is_some_and(|a| a.na || a.value.is_some());
            if !same {
                if given && theirs {
                    let after = Answer::edited(before, &edit);
                    plan.conflicts.push((
                        row.at.clone(),
                        row.key.clone(),
                        answer_text(question, before, lang),
                        answer_text(question, after.as_ref(), lang),
                    ));
                }
                if !(given && theirs) || overwrite {
                    edits.push(edit);
                    edits.push(Edit::Source(Some(VENDOR_SOURCE.to_string())));
                }
            }
        }
        if let Some(note) = &row.note {
            let old = before.and_then(|a| a.note.as_deref());
            if old != Some(note.as_str()) {
                if old.is_some() && theirs {
                    plan.conflicts.push((
                        row.at.clone(),
                        format!("{} ({})", row.key, msg::NOTE_WORD.text(lang)),
                        old.unwrap_or_default().to_string(),
                        note.clone(),
                    ));
                }
                if old.is_none() || !theirs || overwrite {
                    edits.push(Edit::Note(Some(note.clone())));
                }
            }
        }
        if !edits.is_empty() {
            plan.changes.push((row.key.clone(), edits));
        }
    }
    plan
}

pub fn import(ctx: &Context, wanted: &str, file: &Path, overwrite: bool) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let shown = visible(&file.display().to_string()).into_owned();
    let bytes = std::fs::read(file).map_err(|e| CliError::Data(Error::io(file, e)))?;
    let rows = match read_rows(bytes, q, lang) {
        Ok(rows) => rows,
        Err(errors) => {
            let mut stderr = String::new();
            for e in &errors {
                let _ = writeln!(stderr, "{shown}:{}", visible(e));
            }
            let _ = writeln!(stderr, "{}", msg::BAD_CELLS.fill(lang, &[("n", &errors.len())]));
            return Ok(Output { stderr, failed: true, ..Output::default() });
        }
    };
    let found = ctx.find_vendor(wanted)?;
    // One writer per vendor: hold its lock, and read the file under it.
    let _lock = match lock::acquire_patiently(&found.path, &holder(&ctx.user), ctx.workspace.modes.file) {
        Ok(Acquired::Mine(lock)) => lock,
        Ok(Acquired::Theirs(who)) => {
            use crate::i18n::cli;
            let who = who.map_or_else(
                || cli::SOMEONE.text(lang).to_string(),
                |h| cli::LOCK_HOLDER_NO_SINCE.fill(lang, &[("user", &h.user), ("host", &h.host), ("pid", &h.pid)]),
            );
            return Err(CliError::Failed(
                cli::VENDOR_LOCKED.fill(lang, &[("vendor", &found.meta.vendor), ("who", &who)]),
            ));
        }
        Err(e) => return Err(CliError::Data(Error::io(&lock::lock_path(&found.path), e))),
    };
    let mut vendor = VendorFile::load(&found.path)?;
    let plan = plan(q, &vendor, &rows, overwrite, lang);
    if !plan.changes.is_empty() {
        vendor.save_many(q, &plan.changes, &RealFs, ctx.workspace.modes.file)?;
    }
    let report = score_of(&loaded, &vendor);
    let mut out = Output::default();
    for (at, key, ours, theirs) in &plan.conflicts {
        let m = if overwrite { msg::CONFLICT_REPLACED } else { msg::CONFLICT_KEPT };
        let args: [(&str, &dyn std::fmt::Display); 5] =
            [("shown", &shown), ("at", at), ("key", key), ("ours", &visible(ours)), ("theirs", &visible(theirs))];
        let _ = writeln!(out.stderr, "{}", m.fill(lang, &args));
    }
    let how = if overwrite { msg::OVERWRITTEN } else { msg::KEPT }.text(lang);
    let args: [(&str, &dyn std::fmt::Display); 6] = [
        ("n", &plan.changes.len()),
        ("shown", &shown),
        ("vendor", &visible(&vendor.meta.vendor)),
        ("conflicts", &plan.conflicts.len()),
        ("how", &how),
        ("score", &pct(report.score)),
    ];
    let _ = writeln!(out.stdout, "{}", msg::IMPORTED.fill(lang, &args));
    // Conflicts left out are a partial import: say so in the exit code.
    out.failed = !overwrite && !plan.conflicts.is_empty();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_days_from_1899_12_30() {
        assert_eq!(excel_date(45_000.0).map(|d| d.to_string()).as_deref(), Some("2023-03-15"));
        assert_eq!(excel_date(45_000.75).map(|d| d.to_string()).as_deref(), Some("2023-03-15"));
        assert_eq!(excel_date(f64::NAN), None);
        assert!(begins_with_word("answer 回答", "answer"));
        assert!(begins_with_word("id", "id"));
        assert!(!begins_with_word("identity", "id"));
    }
}
