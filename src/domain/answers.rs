//! Answers as a vendor file holds them, keyed by `section.question`.
//!
//! Values keep the TOML type they were written with; whether that type fits
//! the question's kind is decided when scoring, so a hand-edited file with a
//! wrong value still loads, shows the problem and loses nothing.

use std::collections::BTreeMap;

use super::Span;
use super::date::Date;

#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Bool(bool),
    Integer(i64),
    Float(f64),
    Str(String),
    Date(Date),
    List(Vec<Value>),
    /// A TOML value of a type no question takes (a table, a time, …).
    Other(&'static str),
}

impl Value {
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "a boolean",
            Value::Integer(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Str(_) => "a string",
            Value::Date(_) => "a date",
            Value::List(_) => "an array",
            Value::Other(name) => name,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Answer {
    pub value: Option<Value>,
    /// "Not applicable" (counts only where the question allows it).
    pub na: bool,
    pub note: Option<String>,
    /// Who gave the answer when not the interviewer: `"vendor"` for an
    /// answer imported from the vendor's own workbook (another text is a
    /// person's own field, kept as it is).
    pub source: Option<String>,
    /// What was asked of the vendor for this answer (§11).
    pub followup: Option<super::followup::Followup>,
    /// The evidence seen for it (§11).
    pub evidence: Vec<super::followup::Evidence>,
    /// Carried over from the last assessment cycle, to confirm (`carried = true`).
    pub carried: bool,
    /// Where the answer stands in its file.
    pub span: Span,
}

impl Answer {
    /// True when the entry holds neither a value, N/A nor a note.
    pub fn is_empty(&self) -> bool {
        self.value.is_none() && !self.na && self.note.is_none() && self.followup.is_none() && self.evidence.is_empty()
    }
}

/// All answers of one vendor. A `BTreeMap` so that iteration order never
/// depends on the order of the file.
pub type Answers = BTreeMap<String, Answer>;

/// One change to one answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Value(Value),
    /// Mark "not applicable" (true) or take the mark off (false). The value
    /// stays underneath, so toggling N/A off brings the answer back.
    NotApplicable(bool),
    /// Remove the value and the N/A mark (the note stays).
    Clear,
    Note(Option<String>),
    /// Set or remove who gave the answer (`"vendor"`). A new value, N/A or
    /// a clear removes the `"vendor"` mark: the interviewer then gave the
    /// answer (any other `source` is a person's own field, and stays).
    Source(Option<String>),
    /// Set or remove the follow-up.
    Followup(Option<super::followup::Followup>),
    /// Add one evidence entry (at the end).
    AddEvidence(super::followup::Evidence),
    /// Set or clear the "carried over, to confirm" mark.
    Carried(bool),
}

/// The `source` of an answer imported from the vendor's workbook.
pub const VENDOR_SOURCE: &str = "vendor";

impl Answer {
    /// What `edit` makes of `before`; `None` when nothing is left.
    pub fn edited(before: Option<&Answer>, edit: &Edit) -> Option<Answer> {
        let mut a = before.cloned().unwrap_or_default();
        match edit {
            Edit::Value(v) => {
                a.value = Some(v.clone());
                a.na = false;
                a.carried = false;
                a.source.take_if(|s| s == VENDOR_SOURCE);
            }
            Edit::NotApplicable(na) => {
                a.na = *na;
                a.carried = false;
                a.source.take_if(|s| s == VENDOR_SOURCE);
            }
            Edit::Clear => {
                a.value = None;
                a.na = false;
                a.source.take_if(|s| s == VENDOR_SOURCE);
            }
            Edit::Note(note) => a.note = note.clone(),
            Edit::Source(source) => a.source = source.clone(),
            Edit::Followup(f) => a.followup = f.clone(),
            Edit::AddEvidence(e) => a.evidence.push(e.clone()),
            Edit::Carried(c) => a.carried = *c,
        }
        (!a.is_empty()).then_some(a)
    }

    /// Same value, N/A mark, note and source: the answer itself, as an
    /// answer's history and `diff` show it (follow-ups, evidence and the
    /// "carried" mark aside).
    pub fn same_answer(a: Option<&Answer>, b: Option<&Answer>) -> bool {
        let bare = |a: Option<&Answer>| {
            a.map(|a| Answer { followup: None, evidence: Vec::new(), carried: false, ..a.clone() })
        };
        Answer::same_content(bare(a).as_ref(), bare(b).as_ref())
    }

    /// Same value, N/A mark, note, source, follow-up, evidence and
    /// "carried" mark (wherever in the file it stands). An
    /// entry with none of them (kept for a person's own fields) is the same
    /// as no answer.
    pub fn same_content(a: Option<&Answer>, b: Option<&Answer>) -> bool {
        let (a, b) = (a.filter(|a| !a.is_empty()), b.filter(|b| !b.is_empty()));
        match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a.value == b.value
                    && a.na == b.na
                    && a.note == b.note
                    && a.source == b.source
                    && a.followup == b.followup
                    && a.evidence == b.evidence
                    && a.carried == b.carried
            }
            _ => false,
        }
    }
}
