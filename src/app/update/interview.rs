//! The interview: answering, moving between questions, N/A, notes.

use super::*;
use crate::i18n::status as msg;

pub(super) fn interview(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else {
        app.screen = Screen::Vendors;
        return vec![];
    };
    let Some(question) = iv.current(q) else { return vec![] };
    let key = question.key.clone();
    let options = question.kind.options().len();
    let changes_answers = matches!(
        action,
        Action::AnswerYes
            | Action::AnswerNo
            | Action::Pick(_)
            | Action::ToggleOption
            | Action::EditValue
            | Action::ToggleNa
            | Action::EditNote
            | Action::ClearAnswer
            | Action::ResolveConflict { .. }
            | Action::Undo
            | Action::Redo
            | Action::Followup
            | Action::FollowupStatus
            | Action::AddEvidence
            | Action::Reassess
    );
    if let Some(holder) = iv.read_only.as_ref().filter(|_| changes_answers) {
        let text = if holder.user.is_empty() || iv.writer_left {
            msg::READ_ONLY_T_TO_ANSWER.text(lang).to_string()
        } else {
            msg::READ_ONLY_INTERVIEWING.fill(lang, &[("user", &holder.user)])
        };
        app.say(StatusKind::Info, text);
        return vec![];
    }
    match action {
        Action::TakeOver => crate::app::confirm::ask_take_over(app),
        Action::ReviewScreen => {
            iv.review_scroll = 0;
            app.review_direct = false;
            app.screen = Screen::Review;
            vec![]
        }
        Action::CommentQuestion => {
            let buffer = comment_buffer(app, Some(&key));
            app.overlay = Some(Overlay::Comment { question: Some(key), buffer });
            vec![]
        }
        Action::QuestionHistory => vec![Effect::History { key }],
        Action::Followup => ask_followup(app),
        Action::FollowupStatus => cycle_status(app),
        Action::AddEvidence => ask_evidence(app),
        Action::Reassess => ask_reassess(app),
        Action::NextDue => {
            next_open_followup(app);
            vec![]
        }
        Action::Undo | Action::Redo => {
            let effects = crate::app::undo::step(app, action == Action::Redo);
            fix_scroll(app);
            effects
        }
        Action::ResolveConflict { theirs } => {
            if !iv.vendor.conflicts.iter().any(|c| c.key == key) {
                app.say(StatusKind::Info, msg::NO_MERGE_CONFLICT_ON_THIS.text(lang));
                vec![]
            } else if !iv.pending.is_empty() {
                app.say(StatusKind::Info, msg::SAVING_FIRST_PRESS_AGAIN.text(lang));
                vec![]
            } else {
                vec![Effect::Resolve { key, theirs }]
            }
        }
        Action::Up | Action::Down => {
            step_question(iv, q, matches!(action, Action::Down));
            fix_scroll(app);
            vec![]
        }
        Action::NextSection | Action::PrevSection => {
            let n = q.sections.len().max(1);
            // The next section with a question in the list, at its first.
            let mut s = iv.section;
            for _ in 0..n {
                s = if action == Action::NextSection { (s + 1) % n } else { (s + n - 1) % n };
                if iv.shown_in(q, s) > 0 {
                    break;
                }
            }
            let first = (0..q.sections.get(s).map_or(0, |x| x.questions.len())).find(|&i| iv.shown(s, i));
            if let Some(i) = first {
                iv.section = s;
                iv.question = i;
            }
            focus_answer(iv, q);
            fix_scroll(app);
            vec![]
        }
        Action::NextUnanswered => {
            if !jump_to_unanswered(iv, q) {
                app.say(StatusKind::Info, msg::EVERY_QUESTION_HAS_AN_ANSWER.text(lang));
            }
            fix_scroll(app);
            vec![]
        }
        Action::OptionLeft => {
            iv.option = iv.option.saturating_sub(1);
            iv.scroll = 0;
            vec![]
        }
        Action::OptionRight => {
            iv.option = (iv.option + 1).min(options.saturating_sub(1));
            iv.scroll = 0;
            vec![]
        }
        Action::AnswerYes | Action::AnswerNo => match question.kind {
            Kind::YesNo { .. } => apply(app, key, Edit::Value(Value::Bool(action == Action::AnswerYes))),
            _ => {
                app.say(StatusKind::Info, msg::Y_N_ANSWER_YES_NO.text(lang));
                vec![]
            }
        },
        Action::Pick(n) if typed_by_digit(&question.kind) => {
            // Typing a number starts the editor with it, so "15" is 15.
            let digit = char::from(b'0' + n.min(9));
            let base = iv.answer(&key).cloned();
            iv.editor = Some(Editor {
                target: EditTarget::Value,
                buffer: TextBuffer::new(&digit.to_string(), false),
                error: None,
                base,
            });
            vec![]
        }
        Action::Pick(n) => pick(app, key, n),
        Action::ToggleOption => {
            let n = u8::try_from(iv.option + 1).unwrap_or(u8::MAX);
            pick(app, key, n)
        }
        Action::EditValue => match &question.kind {
            Kind::Choice { .. } => {
                let n = u8::try_from(iv.option + 1).unwrap_or(u8::MAX);
                pick(app, key, n)
            }
            Kind::Multi { .. } => {
                app.say(StatusKind::Info, msg::SPACE_OR_1_9_TOGGLES.text(lang));
                vec![]
            }
            Kind::YesNo { .. } => {
                app.say(StatusKind::Info, msg::ANSWER_WITH_Y_OR_N.text(lang));
                vec![]
            }
            _ => {
                let current = iv.answer(&key).and_then(|a| a.value.as_ref()).map(raw_text).unwrap_or_default();
                iv.editor = Some(Editor {
                    target: EditTarget::Value,
                    buffer: TextBuffer::new(&current, false),
                    error: None,
                    base: iv.answer(&key).cloned(),
                });
                vec![]
            }
        },
        Action::EditNote => {
            let note = iv.answer(&key).and_then(|a| a.note.clone()).unwrap_or_default();
            let base = iv.answer(&key).cloned();
            iv.editor =
                Some(Editor { target: EditTarget::Note, buffer: TextBuffer::new(&note, true), error: None, base });
            vec![]
        }
        Action::ToggleNa => {
            if !question.allow_na || !question.kind.is_scored() {
                app.say(StatusKind::Info, msg::THIS_QUESTION_DOES_NOT_ALLOW.text(lang));
                return vec![];
            }
            let na = iv.answer(&key).is_some_and(|a| a.na);
            let edit = Edit::NotApplicable(!na);
            apply(app, key, edit)
        }
        Action::ClearAnswer => {
            if iv.answer(&key).is_some_and(|a| a.value.is_some() || a.na) {
                apply(app, key, Edit::Clear)
            } else {
                vec![]
            }
        }
        Action::RetrySave => {
            if iv.pending.is_empty() {
                vec![]
            } else {
                vec![Effect::SaveVendor]
            }
        }
        Action::ToggleScorePanel => {
            iv.show_score = !iv.show_score;
            vec![]
        }
        Action::ToggleHidden => {
            iv.show_hidden = !iv.show_hidden;
            iv.keep_cursor_shown(q);
            let n = iv.report.hidden.len();
            let text = if iv.show_hidden { msg::SHOWING_HIDDEN } else { msg::HIDING_HIDDEN }.fill(lang, &[("n", &n)]);
            app.say(StatusKind::Info, text);
            fix_scroll(app);
            vec![]
        }
        Action::Back => {
            if iv.pending.is_empty() {
                return leave_interview(app);
            }
            // Leave once the edits still being saved are on disk; if the
            // save fails, stay and say so.
            iv.leave_after_save = true;
            vec![Effect::SaveVendor]
        }
        Action::PageDown => {
            iv.scroll = iv.scroll.saturating_add(5);
            vec![]
        }
        Action::PageUp => {
            iv.scroll = iv.scroll.saturating_sub(5);
            vec![]
        }
        _ => vec![],
    }
}

/// Kinds whose digits are typed, not picked: a 0-10 rating takes "10".
pub(super) fn typed_by_digit(kind: &Kind) -> bool {
    match kind {
        Kind::Number { .. } | Kind::Date { .. } | Kind::Text => true,
        Kind::Rating { max } => *max > 9,
        _ => false,
    }
}

/// The value as typed in an editor.
pub(super) fn raw_text(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Integer(n) => n.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::List(_) | Value::Other(_) => String::new(),
    }
}

/// Option or rating `n` (1-based; 0 is a rating of 0).
pub(super) fn pick(app: &mut App, key: String, n: u8) -> Vec<Effect> {
    let lang = app.lang;
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let Some(question) = q.question(&key) else { return vec![] };
    let index = usize::from(n).wrapping_sub(1);
    let edit = match &question.kind {
        Kind::Choice { options } => match options.get(index) {
            Some(o) => {
                iv.option = index;
                Edit::Value(Value::Str(o.id.clone()))
            }
            None => return vec![],
        },
        Kind::Multi { options } => match options.get(index) {
            Some(o) => {
                iv.option = index;
                let before = match iv.answer(&key).and_then(|a| a.value.clone()) {
                    Some(Value::List(items)) => items,
                    _ => Vec::new(),
                };
                let chosen = crate::domain::input::toggle_option(options, &before, &o.id);
                if chosen.is_empty() { Edit::Clear } else { Edit::Value(Value::List(chosen)) }
            }
            None => return vec![],
        },
        Kind::Rating { max } if u32::from(n) <= *max => Edit::Value(Value::Integer(i64::from(n))),
        Kind::Rating { max } => {
            app.say(StatusKind::Info, format!("{} 0–{max}", msg::RATE.text(lang)));
            return vec![];
        }
        _ => return vec![],
    };
    apply(app, key, edit)
}

pub(super) fn step_question(iv: &mut Interview, q: &Questionnaire, down: bool) {
    let (mut s, mut i) = (iv.section, iv.question);
    loop {
        if down {
            if i + 1 < q.sections[s].questions.len() {
                i += 1;
            } else if s + 1 < q.sections.len() {
                s += 1;
                i = 0;
            } else {
                return;
            }
        } else if i > 0 {
            i -= 1;
        } else if s > 0 {
            s -= 1;
            i = q.sections[s].questions.len().saturating_sub(1);
        } else {
            return;
        }
        // Sections without questions, and hidden questions, are passed over.
        if !q.sections[s].questions.is_empty() && iv.shown(s, i) {
            break;
        }
    }
    iv.section = s;
    iv.question = i;
    focus_answer(iv, q);
}

/// On arriving at a question: the option highlight on its answer, the
/// panel scrolled to the top.
pub(super) fn focus_answer(iv: &mut Interview, q: &Questionnaire) {
    iv.scroll = 0;
    iv.option = 0;
    let Some(question) = iv.current(q) else { return };
    let chosen = match iv.answers.get(&question.key).and_then(|a| a.value.as_ref()) {
        Some(Value::Str(id)) => Some(id.clone()),
        Some(Value::List(items)) => items.iter().find_map(|v| match v {
            Value::Str(id) => Some(id.clone()),
            _ => None,
        }),
        _ => None,
    };
    if let Some(id) = chosen {
        iv.option = question.kind.options().iter().position(|o| o.id == id).unwrap_or(0);
    }
}

/// Moves to the next scored question without a valid answer, wrapping
/// around; false when there is none.
pub(super) fn jump_to_unanswered(iv: &mut Interview, q: &Questionnaire) -> bool {
    let flat: Vec<(usize, usize)> =
        q.sections.iter().enumerate().flat_map(|(s, sec)| (0..sec.questions.len()).map(move |i| (s, i))).collect();
    let here = flat.iter().position(|&p| p == (iv.section, iv.question)).unwrap_or(0);
    for step in 1..=flat.len() {
        let (s, i) = flat[(here + step) % flat.len()];
        let open = matches!(
            iv.report.outcomes[s][i],
            Outcome::Unanswered | Outcome::Invalid(_) | Outcome::Unscored { answered: false }
        );
        if open {
            iv.section = s;
            iv.question = i;
            focus_answer(iv, q);
            return true;
        }
    }
    false
}
