//! `show_if`: which questions the current answers leave visible
//! (product brief §10).
//!
//! A question is shown when its section's condition and its own are met. A
//! condition is met only by a visible controlling question holding a valid
//! value: an unanswered, N/A, invalid or hidden one meets none. Pure: a
//! function of (questionnaire, answers).

use serde::{Deserialize, Serialize};

use super::Span;
use super::answers::{Answers, Value};
use super::questionnaire::Questionnaire;
use super::scoring::{Outcome, evaluate};

/// `show_if = { question = "section.question", … }` on a question or a
/// section.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Condition {
    /// The controlling question's `section.question` key (a bare id in the
    /// file means a question of the same section).
    pub question: String,
    pub test: Test,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Test {
    /// `any = [option ids]` (choice, multi): one of these is chosen.
    Any(Vec<String>),
    /// `is = true|false` (yesno).
    Is(bool),
    /// `min` and/or `max` (number, rating), bounds inclusive.
    Range { min: Option<f64>, max: Option<f64> },
}

impl Test {
    /// Whether a (valid) value meets this test.
    pub fn met_by(&self, value: &Value) -> bool {
        let within =
            |x: f64, min: &Option<f64>, max: &Option<f64>| min.is_none_or(|m| x >= m) && max.is_none_or(|m| x <= m);
        match (self, value) {
            (Test::Any(ids), Value::Str(id)) => ids.contains(id),
            (Test::Any(ids), Value::List(items)) => {
                items.iter().any(|item| matches!(item, Value::Str(id) if ids.contains(id)))
            }
            (Test::Is(want), Value::Bool(b)) => want == b,
            (Test::Range { min, max }, Value::Integer(n)) => within(*n as f64, min, max),
            (Test::Range { min, max }, Value::Float(f)) => f.is_finite() && within(*f, min, max),
            _ => false,
        }
    }

    /// The form's name as written in the file.
    pub fn form(&self) -> &'static str {
        match self {
            Test::Any(_) => "any",
            Test::Is(_) => "is",
            Test::Range { .. } => "min/max",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Unknown,
    Visiting,
    Shown,
    Hidden,
}

/// Visibility of every question, flat in questionnaire order (see
/// [`Questionnaire::flat_index`]).
pub fn visibility(q: &Questionnaire, answers: &Answers) -> Vec<bool> {
    let total = q.question_count();
    if !q.has_conditions() {
        return vec![true; total];
    }
    let mut state = vec![State::Unknown; total];
    for i in 0..total {
        if q.depends_on(i) == [None, None] && state[i] == State::Unknown {
            // no condition (or one naming no question, met by nothing)
            state[i] = if unconditional(q, i) { State::Shown } else { State::Hidden };
        } else {
            resolve(q, answers, &mut state, i);
        }
    }
    state.into_iter().map(|s| s == State::Shown).collect()
}

/// Whether the question at flat index `at` is visible. Costs nothing for a
/// question with no condition on it or its section.
pub fn is_visible(q: &Questionnaire, answers: &Answers, at: usize) -> bool {
    let Some((section, question)) = q.flat_position(at) else { return false };
    if section.show_if.is_none() && question.show_if.is_none() {
        return true;
    }
    let mut state = vec![State::Unknown; q.question_count()];
    resolve(q, answers, &mut state, at) == State::Shown
}

/// True for a question with no `show_if` on it or its section; false for
/// one whose condition names no question (never met).
fn unconditional(q: &Questionnaire, at: usize) -> bool {
    q.flat_position(at).is_some_and(|(section, question)| section.show_if.is_none() && question.show_if.is_none())
}

/// The controllers a question's visibility depends on (section's, own).
fn dependencies(q: &Questionnaire, at: usize) -> [Option<usize>; 2] {
    q.depends_on(at)
}

/// Resolves the question at `at` and whatever it depends on, without
/// recursion (a chain of thousands of conditions must not exhaust the
/// stack). A cycle (refused by validation) resolves to hidden.
fn resolve(q: &Questionnaire, answers: &Answers, state: &mut [State], at: usize) -> State {
    if matches!(state[at], State::Shown | State::Hidden) {
        return state[at];
    }
    let mut stack = vec![at];
    state[at] = State::Visiting;
    while let Some(&top) = stack.last() {
        if let Some(dep) = dependencies(q, top).into_iter().flatten().find(|&d| state[d] == State::Unknown) {
            state[dep] = State::Visiting;
            stack.push(dep);
            continue;
        }
        let shown = {
            let Some((section, question)) = q.flat_position(top) else { return State::Hidden };
            let [of_section, own] = dependencies(q, top);
            let met = |c: &Option<Condition>, at: Option<usize>| match (c, at) {
                (None, _) => true,
                (Some(c), Some(at)) => condition_met(q, answers, state, c, at),
                (Some(_), None) => false,
            };
            met(&section.show_if, of_section) && met(&question.show_if, own)
        };
        state[top] = if shown { State::Shown } else { State::Hidden };
        stack.pop();
    }
    state[at]
}

fn condition_met(q: &Questionnaire, answers: &Answers, state: &[State], c: &Condition, at: usize) -> bool {
    if state[at] != State::Shown {
        return false;
    }
    let Some((_, controller)) = q.flat_position(at) else { return false };
    let answer = q.answer(answers, controller);
    match (evaluate(controller, answer, None), answer.and_then(|a| a.value.as_ref())) {
        (Outcome::Scored { .. }, Some(value)) => c.test.met_by(value),
        _ => false,
    }
}
