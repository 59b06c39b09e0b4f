//! Undo and redo of this session's changes to the open vendor: `z` takes
//! the last change back, `Z` makes it again. Each step is an ordinary edit
//! of one answer, so it is saved like any other change (the same saver, the
//! same conflict rules: an answer someone else changed since stays theirs).

use super::action::Effect;
use super::state::{App, StatusKind};
use crate::domain::answers::Answer;
use crate::i18n::status as msg;

/// One change to one answer: what it was before and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub key: String,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

/// The session's changes, newest last, and those undone, most recent last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub undo: Vec<Step>,
    pub redo: Vec<Step>,
}

impl History {
    /// Remembers a change made by hand; a new change forgets what was undone.
    /// A change that changes nothing is no step.
    pub fn record(&mut self, key: &str, before: Option<&Answer>, after: Option<&Answer>) {
        if Answer::same_content(before, after) {
            return;
        }
        self.undo.push(Step { key: key.to_string(), before: before.cloned(), after: after.cloned() });
        self.redo.clear();
    }
}

/// `z` (redo false) or `Z` (redo true).
pub fn step(app: &mut App, redo: bool) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let popped = if redo { iv.history.redo.pop() } else { iv.history.undo.pop() };
    let Some(step) = popped else {
        let text = if redo { msg::NOTHING_TO_REDO } else { msg::NOTHING_TO_UNDO };
        app.say(StatusKind::Info, text.text(lang));
        return vec![];
    };
    let (now, then) = if redo { (&step.before, &step.after) } else { (&step.after, &step.before) };
    if !Answer::same_but_evidence(iv.answers.get(&step.key), now.as_ref()) {
        // Someone else's change came in since: theirs stays.
        app.say(StatusKind::Error, msg::NOT_UNDONE_THEIRS.fill(lang, &[("key", &step.key)]));
        return vec![];
    }
    let edits = Answer::edits_to(then.as_ref());
    // Show the question whose answer changes.
    let place = q.position(&step.key).filter(|&(s, i)| iv.show_hidden || iv.shown(s, i));
    if let Some((s, i)) = place.filter(|&at| at != (iv.section, iv.question)) {
        iv.section = s;
        iv.question = i;
        iv.option = 0;
        iv.scroll = 0;
    }
    let key = step.key.clone();
    if redo {
        iv.history.undo.push(step);
    } else {
        iv.history.redo.push(step);
    }
    let text = if redo { msg::REDONE } else { msg::UNDONE }.fill(lang, &[("key", &key)]);
    let effects = super::update::apply_edits(app, key, edits);
    app.say(StatusKind::Saved, text);
    effects
}
