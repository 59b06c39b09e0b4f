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

    /// The edits that turn any answer into `target` (value, N/A mark, note,
    /// source, follow-up and "carried" mark; evidence aside), for undo and
    /// redo: they go through the same saver as any other change.
    pub fn edits_to(target: Option<&Answer>) -> Vec<Edit> {
        let Some(t) = target.filter(|t| !t.is_empty()) else {
            return vec![Edit::Clear, Edit::Note(None), Edit::Source(None), Edit::Followup(None), Edit::Carried(false)];
        };
        let first = match &t.value {
            Some(v) => Edit::Value(v.clone()),
            None => Edit::Clear,
        };
        vec![
            first,
            Edit::NotApplicable(t.na),
            Edit::Note(t.note.clone()),
            Edit::Source(t.source.clone()),
            Edit::Followup(t.followup.clone()),
            Edit::Carried(t.carried),
        ]
    }

    /// Same content apart from the evidence (which undo never takes back:
    /// its file stays in the workspace).
    pub fn same_but_evidence(a: Option<&Answer>, b: Option<&Answer>) -> bool {
        let bare = |a: Option<&Answer>| a.map(|a| Answer { evidence: Vec::new(), ..a.clone() });
        Answer::same_content(bare(a).as_ref(), bare(b).as_ref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(value: Option<Value>, na: bool, note: Option<&str>, source: Option<&str>) -> Answer {
        Answer { value, na, note: note.map(str::to_string), source: source.map(str::to_string), ..Answer::default() }
    }

    #[test]
    fn edits_to_reach_the_target_from_any_answer() {
        let answers = [
            None,
            Some(answer(Some(Value::Integer(45)), false, None, None)),
            Some(answer(Some(Value::Integer(3)), true, Some("审计中"), Some("vendor"))),
            Some(answer(None, true, None, None)),
            Some(answer(None, false, Some("note only"), None)),
            Some(answer(Some(Value::Str("provincial".into())), false, None, Some("li.wei's own"))),
        ];
        for from in &answers {
            for to in &answers {
                let got = Answer::edits_to(to.as_ref()).iter().fold(from.clone(), |a, e| Answer::edited(a.as_ref(), e));
                assert!(Answer::same_content(got.as_ref(), to.as_ref()), "{from:?} -> {to:?} gave {got:?}");
            }
        }
    }

    #[test]
    fn na_over_a_value_keeps_the_value_underneath() {
        let target = answer(Some(Value::Integer(45)), true, None, None);
        let got =
            Answer::edits_to(Some(&target)).iter().fold(None, |a: Option<Answer>, e| Answer::edited(a.as_ref(), e));
        assert_eq!(got.and_then(|a| a.value), Some(Value::Integer(45)));
    }
}
