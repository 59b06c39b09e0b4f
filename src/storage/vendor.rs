//! Vendor answer files: `<workspace>/vendors/<slug>.toml`.
//!
//! Reading uses toml's spanned parser (fast, with positions for every
//! problem). Writing edits the file's own text through `toml_edit`, so a
//! person's comments, extra fields and hand formatting survive every save,
//! and a save changes only what changed.

use crate::i18n::{Text, errors};
use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};
use toml_edit::{DocumentMut, Item, Table, TableLike};

use super::atomic::{FileSystem, write_atomic};
use super::questionnaire::syntax_message;
use super::source::Diagnostic;
use super::toml_read::{Fields, answer_value};
use super::toml_write::{string_value, to_edit_value, toml_date};
use super::vendor_renames::{current, move_renamed};
use super::{Error, read_text, text_of};
use crate::domain::answers::{Answer, Answers, Edit, Value};
use crate::domain::date::Date;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::validate::Problem;

// Saving many answers at once (`ccvet import`) and the vendor's mark.
#[path = "vendor_many.rs"]
mod many;

// Applying one edit to the file's text.
#[path = "vendor_edit.rs"]
mod edit;

pub use edit::apply;
use edit::apply_all;
pub(super) use edit::{insert_in_order, keep_line_style};

/// The header fields of a vendor file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    pub vendor: String,
    pub questionnaire: Option<String>,
    pub questionnaire_version: Option<i64>,
    /// The "today" of date questions, so a score never changes overnight.
    pub assessed_on: Option<Date>,
    pub interviewer: Option<String>,
    /// The slugs this vendor had before `ccvet rename` (oldest first): its
    /// reviews may still sit in `reviews/<old-slug>/` (see `housekeeping`).
    pub renamed_from: Vec<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VendorFile {
    pub path: PathBuf,
    pub slug: String,
    pub meta: Meta,
    pub answers: Answers,
    /// Problems in the file that did not stop it loading.
    pub warnings: Vec<Diagnostic>,
    /// Answers (and header fields) a git merge left in conflict, recorded
    /// beside ours (see [`super::merge`]).
    pub conflicts: Vec<crate::domain::merge::AnswerConflict>,
    /// Exactly the text last read from or written to disk: the base for the
    /// next edit and for noticing that someone else changed the file.
    text: String,
}

/// What a successful save did besides saving.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Saved {
    /// The file had been changed on disk by someone else (in other answers);
    /// it was reloaded and the change applied on top.
    pub merged: bool,
}

impl VendorFile {
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Loads the vendor file at `path`.
    pub fn load(path: &Path) -> Result<VendorFile, Error> {
        let text = read_text(path)?;
        VendorFile::parse(path, text)
    }

    /// Parses vendor file text. A syntax error or a header of the wrong shape
    /// is an error (the file is then never written); problems in single
    /// answers are warnings and the answers are kept as written.
    pub fn parse(path: &Path, text: String) -> Result<VendorFile, Error> {
        // Raw git conflict markers: one sentence, not a pile of syntax errors.
        if let Some(at) = super::merge::conflict_marker(&text) {
            let problem = Problem::error(at..at, super::merge::marker_message());
            let diagnostics = vec![Diagnostic::from_problem(path, &text, &problem)];
            return Err(Error::Invalid { path: path.to_path_buf(), diagnostics });
        }
        let mut problems = Vec::new();
        let mut conflicts = Vec::new();
        let parsed = {
            let (doc, syntax) = DeTable::parse_recoverable(&text);
            if !syntax.is_empty() {
                problems.extend(
                    syntax.iter().map(|e| Problem::error(e.span().unwrap_or(0..0), syntax_message(e.message()))),
                );
                None
            } else {
                conflicts = super::merge::read_conflicts(doc.get_ref());
                Some(read(doc.get_ref(), path, &mut problems))
            }
        };
        let diagnostics: Vec<Diagnostic> = problems.iter().map(|p| Diagnostic::from_problem(path, &text, p)).collect();
        match parsed {
            Some((meta, answers)) if !diagnostics.iter().any(Diagnostic::is_error) => Ok(VendorFile {
                path: path.to_path_buf(),
                slug: slug_of(path),
                meta,
                answers,
                warnings: diagnostics,
                conflicts,
                text,
            }),
            _ => Err(Error::Invalid { path: path.to_path_buf(), diagnostics }),
        }
    }

    /// The content of a new vendor file.
    pub fn new_text(meta: &Meta) -> String {
        let mut doc = DocumentMut::new();
        doc["vendor"] = toml_edit::value(meta.vendor.as_str());
        if let Some(id) = &meta.questionnaire {
            doc["questionnaire"] = toml_edit::value(id.as_str());
        }
        if let Some(v) = meta.questionnaire_version {
            doc["questionnaire_version"] = toml_edit::value(v);
        }
        if let Some(d) = meta.assessed_on {
            doc["assessed_on"] = toml_edit::value(toml_date(d));
        }
        if let Some(who) = &meta.interviewer {
            doc["interviewer"] = toml_edit::value(who.as_str());
        }
        doc.to_string()
    }

    /// The content of a new vendor file with a placeholder for every
    /// question, so that it merges well as plain text (see [`super::layout`]).
    pub fn new_text_for(meta: &Meta, questionnaire: &Questionnaire) -> String {
        super::layout::skeleton(&VendorFile::new_text(meta), questionnaire)
    }

    /// Saves edits of one answer: checks that the file on disk is still
    /// the one last read, applies the edits to the file's own text, checks
    /// the result reads back as intended, and writes it atomically.
    ///
    /// If someone else changed the file meanwhile, their version is reloaded
    /// and the edits re-applied when they did not touch the same answer;
    /// when they did, nothing is overwritten: their version stays, these
    /// edits are written to a side file, and [`Error::Conflict`] says where.
    /// On any error `self` still describes a version that is on disk, so
    /// nothing saved is lost and the caller still has its edits.
    pub fn save(
        &mut self,
        questionnaire: &Questionnaire,
        key: &str,
        edits: &[Edit],
        fs: &dyn FileSystem,
        mode: u32,
    ) -> Result<Saved, Error> {
        let mut saved = Saved::default();
        let on_disk = std::fs::read(&self.path).map_err(|e| Error::io(&self.path, e))?;
        if on_disk != self.text.as_bytes() {
            let theirs = match text_of(&self.path, on_disk).and_then(|t| VendorFile::parse(&self.path, t)) {
                Ok(theirs) => theirs,
                Err(Error::Invalid { diagnostics, .. }) => {
                    return Err(Error::refused(
                        &self.path,
                        Text::new(
                            errors::CHANGED_NO_LONGER_READS,
                            &[("why", &diagnostics.first().map(|d| d.to_string()).unwrap_or_default())],
                        ),
                    ));
                }
                Err(e) => return Err(e),
            };
            let ours =
                edits.iter().fold(current(questionnaire, &self.answers, key), |a, e| Answer::edited(a.as_ref(), e));
            let theirs_now = current(questionnaire, &theirs.answers, key);
            let same_change = Answer::same_content(theirs_now.as_ref(), ours.as_ref());
            if !same_change
                && !Answer::same_content(current(questionnaire, &self.answers, key).as_ref(), theirs_now.as_ref())
            {
                let mine = self.keep_mine(questionnaire, key, edits, fs, mode)?;
                *self = theirs;
                return Err(Error::Conflict { path: self.path.clone(), key: key.to_string(), mine });
            }
            *self = theirs;
            saved.merged = true;
        }
        let expected =
            edits.iter().fold(current(questionnaire, &self.answers, key), |a, e| Answer::edited(a.as_ref(), e));
        let text = apply_all(&self.text, questionnaire, key, edits)?;
        // Never write what would not read back as the answer intended.
        let next = VendorFile::parse(&self.path, text.clone()).map_err(|e| {
            Error::refused(&self.path, format!("internal error: the saved file would not read back: {e}"))
        })?;
        if !Answer::same_content(next.answers.get(key), expected.as_ref()) {
            return Err(Error::refused(&self.path, "internal error: the saved file would not hold the change"));
        }
        if let Err(e) = write_atomic(fs, &self.path, text.as_bytes(), mode) {
            // If the rename happened (only the folder's fsync failed), the
            // new text is what is on disk now: describe that, so a retry
            // rewrites it instead of seeing someone else's change.
            if std::fs::read(&self.path).is_ok_and(|b| b == text.as_bytes()) {
                *self = next;
            }
            return Err(Error::io(&self.path, e));
        }
        *self = next;
        Ok(saved)
    }
}

impl VendorFile {
    /// Writes this version with `edits` applied to a side file beside the
    /// vendor file (`<slug>.toml.mine-<time>-<pid>`, never listed as a
    /// vendor) and returns its path: when someone else changed the same
    /// answer, theirs stays in place and ours is kept here, not lost.
    pub fn keep_mine(
        &self,
        questionnaire: &Questionnaire,
        key: &str,
        edits: &[Edit],
        fs: &dyn FileSystem,
        mode: u32,
    ) -> Result<PathBuf, Error> {
        let mine = conflict_path(&self.path);
        let text = apply_all(&self.text, questionnaire, key, edits)?;
        super::atomic::create_atomic(fs, &mine, text.as_bytes(), mode).map_err(|e| Error::io(&mine, e))?;
        Ok(mine)
    }
}

/// The slug of a vendor file: its file stem.
pub fn slug_of(path: &Path) -> String {
    path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn conflict_path(path: &Path) -> PathBuf {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!("{name}.mine-{stamp}-{}", std::process::id()))
}

fn read(root: &DeTable<'_>, path: &Path, problems: &mut Vec<Problem>) -> (Meta, Answers) {
    let mut top = Fields::new(root, 0..0, "the vendor file");
    let vendor = top.str("vendor", problems).map(|(v, _)| v);
    let meta = Meta {
        vendor: vendor.clone().unwrap_or_else(|| slug_of(path)),
        questionnaire: top.str("questionnaire", problems).map(|(v, _)| v),
        questionnaire_version: top.integer("questionnaire_version", problems).map(|(v, _)| v),
        assessed_on: match top.get("assessed_on") {
            None => None,
            Some(v) => match answer_value(v.get_ref()) {
                Value::Date(d) => Some(d),
                _ => {
                    problems.push(Problem::error(v.span(), "`assessed_on` must be a date written YYYY-MM-DD"));
                    None
                }
            },
        },
        interviewer: top.str("interviewer", problems).map(|(v, _)| v),
        renamed_from: top.get("renamed_from").map(|v| read_renamed_from(v, problems)).unwrap_or_default(),
    };
    if vendor.is_none() && root.get("vendor").is_none() {
        // An empty or cut-off file (a save interrupted by hand, a truncate
        // under way) must never become the base of the next save.
        problems
            .push(Problem::error(0..0, "the vendor file has no `vendor` name: is it empty or only partly written?"));
    }
    let mut answers = Answers::new();
    match top.get("answers") {
        None => {}
        Some(v) => match v.get_ref() {
            DeValue::Table(table) => {
                for (key, entry) in table.iter() {
                    if !key.get_ref().contains('.') {
                        problems.push(Problem::warning(
                            key.span(),
                            format!(
                                "answer key `{}` is not `section.question`; write such keys in quotes, \
                                 e.g. [answers.\"basic.licence-scope\"] (kept, not scored)",
                                key.get_ref()
                            ),
                        ));
                    }
                    // A question's bare placeholder (see `layout`) is no answer.
                    if matches!(entry.get_ref(), DeValue::Table(t) if t.is_empty()) {
                        continue;
                    }
                    let answer = read_answer(key.get_ref(), entry, problems);
                    answers.insert(key.get_ref().to_string(), answer);
                }
            }
            _ => problems.push(Problem::error(v.span(), "`answers` must be a table of answers")),
        },
    }
    // Extra top-level fields are a person's own: kept, never warned about.
    (meta, answers)
}

/// `renamed_from = ["old-slug", …]`: only safe slugs, since each names a
/// folder to read reviews from; anything else is a warning and left out.
fn read_renamed_from(v: &toml::Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) -> Vec<String> {
    let items = match v.get_ref() {
        DeValue::Array(items) => items.iter().map(|i| (i.get_ref(), i.span())).collect::<Vec<_>>(),
        other => vec![(other, v.span())],
    };
    let mut out = Vec::new();
    for (item, span) in items {
        match item {
            DeValue::String(s) if super::workspace::is_safe_slug(s) => out.push(s.to_string()),
            _ => problems.push(Problem::warning(
                span,
                "`renamed_from` lists the vendor's earlier slugs, e.g. [\"acme\"] (letters, digits, - and _); \
                 this entry is ignored",
            )),
        }
    }
    out
}

pub(super) fn read_answer(key: &str, entry: &toml::Spanned<DeValue<'_>>, problems: &mut Vec<Problem>) -> Answer {
    let span = entry.span();
    let DeValue::Table(table) = entry.get_ref() else {
        // A bare value (`"basic.iso" = true`) is accepted as the value.
        return Answer { value: Some(answer_value(entry.get_ref())), span, ..Answer::default() };
    };
    // A bad field in one answer must not make the whole vendor unreadable:
    // it is a warning, and the field counts as absent.
    let mut own = Vec::new();
    let mut f = Fields::new(table, span.clone(), format!("answer `{key}`"));
    let value = f.get("value").map(|v| answer_value(v.get_ref()));
    let na = f.bool("na", &mut own).unwrap_or(false);
    let note = f.str("note", &mut own).map(|(n, _)| n);
    // `source` of another type is a person's own field: kept, not read.
    let source = match f.get("source").map(|v| v.get_ref()) {
        Some(DeValue::String(s)) => Some(s.to_string()),
        _ => None,
    };
    let followup = f.get("followup").and_then(|v| super::followup::read_followup(key, v, &mut own));
    let evidence = f.get("evidence").map(|v| super::followup::read_evidence(key, v, &mut own)).unwrap_or_default();
    let carried = f.get("carried").is_some_and(|v| super::followup::read_carried(key, v, &mut own));
    problems.extend(own.into_iter().map(|p| Problem::warning(p.span, p.message)));
    // Other fields in an answer (a person's own) are kept and not warned about.
    Answer { value, na, note, source, followup, evidence, carried, span }
}
