//! After the meeting (product brief §11), the app's part of it: the form
//! that asks for a follow-up or for evidence (two fields, one at a time),
//! and what is known of each evidence file's digest. The behaviour is in
//! `update::followups`; the I/O (copying, hashing, a new cycle) in
//! `run::followups`.

use crate::i18n::status as msg;
use std::collections::HashMap;

use super::editor::TextBuffer;
use crate::domain::answers::Answer;
use crate::domain::date::Date;
use crate::domain::followup::{Source, Status};
use crate::domain::text::Lang;

/// What checking an evidence file's digest found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    /// Being hashed (in the background).
    Pending,
    /// Present, and its SHA-256 is the one recorded.
    Ok,
    Missing,
    /// Present, but its bytes are not the ones recorded.
    Changed,
    Unreadable(String),
}

impl Check {
    /// The mark after an evidence line: ✓ or ✗ and a word (never colour
    /// alone).
    pub fn mark(&self, lang: Lang) -> String {
        match self {
            Check::Pending => msg::CHECKING.text(lang).to_string(),
            Check::Ok => msg::DIGEST_MATCHES.text(lang).to_string(),
            Check::Missing => msg::FILE_MISSING.text(lang).to_string(),
            Check::Changed => msg::FILE_CHANGED_SINCE_ADDED.text(lang).to_string(),
            Check::Unreadable(why) => format!("{} {why}", msg::CANNOT_READ.text(lang)),
        }
    }
}

/// Digests checked, by (file, recorded sha256).
pub type Checks = HashMap<(String, String), Check>;

/// The evidence files of `answers` not checked yet (each once, however
/// many answers name it).
pub fn unchecked<'a>(answers: impl Iterator<Item = &'a Answer>, checks: &Checks) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = answers
        .flat_map(|a| a.evidence.iter())
        .filter_map(|e| match &e.source {
            Source::File { file, sha256 } => Some((file.clone(), sha256.clone())),
            Source::Url(_) => None,
        })
        .filter(|k| !checks.contains_key(k))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// What the form asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum FormKind {
    /// A follow-up on answer `key`: what to provide, then the due date.
    /// `base` is the answer when the form opened (if it changes on disk
    /// meanwhile, what was typed goes to a side file, as for any answer);
    /// `status` that of the follow-up being edited.
    Followup { key: String, base: Option<Answer>, status: Status, editing: bool },
    /// Evidence for answer `key`: a path or URL, then the expiry.
    Evidence { key: String },
}

/// A two-field form: `step` 0 types the first field, 1 the second.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub kind: FormKind,
    pub step: u8,
    pub first: TextBuffer,
    pub second: TextBuffer,
    /// Why the text typed is not taken (not a date, no such file), as a
    /// sentence; what was typed stays.
    pub error: Option<String>,
}

impl Form {
    pub fn followup(key: String, base: Option<Answer>, ask: &str, due: Option<Date>) -> Form {
        let (status, editing) = match base.as_ref().and_then(|a| a.followup.as_ref()) {
            Some(f) => (f.status, true),
            None => (Status::Requested, false),
        };
        Form {
            kind: FormKind::Followup { key, base, status, editing },
            step: 0,
            first: TextBuffer::new(ask, false),
            second: TextBuffer::new(&due.map(|d| d.to_string()).unwrap_or_default(), false),
            error: None,
        }
    }

    pub fn evidence(key: String, path: &str, expires: &str) -> Form {
        Form {
            kind: FormKind::Evidence { key },
            step: 0,
            first: TextBuffer::new(path, false),
            second: TextBuffer::new(expires, false),
            error: None,
        }
    }

    /// The field being typed.
    pub fn buffer_mut(&mut self) -> &mut TextBuffer {
        if self.step == 0 { &mut self.first } else { &mut self.second }
    }

    pub fn key(&self) -> &str {
        match &self.kind {
            FormKind::Followup { key, .. } | FormKind::Evidence { key } => key,
        }
    }
}

/// The guidance of a question as one line to start a follow-up from.
pub fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
