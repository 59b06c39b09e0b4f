//! JSON shapes of the git commands and of `conflicts` in `score --json`.

use serde::Serialize;

use crate::domain::answers::{Answer, Value};
use crate::summary::ConflictState;

/// An answer as JSON: `value` (null when none), `na`, `note`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AnswerJson {
    pub value: serde_json::Value,
    pub na: bool,
    pub note: Option<String>,
}

impl AnswerJson {
    pub fn of(answer: Option<&Answer>) -> Option<AnswerJson> {
        let a = answer.filter(|a| !a.is_empty())?;
        Some(AnswerJson {
            value: a.value.as_ref().map_or(serde_json::Value::Null, value_json),
            na: a.na,
            note: a.note.clone(),
        })
    }
}

pub fn value_json(v: &Value) -> serde_json::Value {
    match v {
        Value::Bool(b) => (*b).into(),
        Value::Integer(n) => (*n).into(),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Str(s) => s.clone().into(),
        Value::Date(d) => d.to_string().into(),
        Value::List(items) => items.iter().map(value_json).collect::<Vec<_>>().into(),
        Value::Other(what) => (*what).into(),
    }
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ConflictJson {
    pub key: String,
    pub ours: Option<AnswerJson>,
    pub theirs: Option<AnswerJson>,
    pub base: Option<AnswerJson>,
}

impl ConflictJson {
    pub fn of(c: &ConflictState) -> ConflictJson {
        ConflictJson {
            key: c.key.clone(),
            ours: AnswerJson::of(c.ours.as_ref()),
            theirs: AnswerJson::of(c.theirs.as_ref()),
            base: AnswerJson::of(c.base.as_ref()),
        }
    }
}
