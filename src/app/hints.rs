//! Which keys the hint bar offers now: only those that work on this
//! question kind in this state (y / n on a yes/no question, x where N/A is
//! allowed, T when taking over can work, nothing that edits in a read-only
//! view). The keys come from the one keymap table.

use super::action::Action;
use super::keymap::{Binding, Context, context, shown};
use super::state::{App, Interview, Screen};
use crate::domain::questionnaire::{Kind, Question};

/// The hint bar's keys, in table order, `? help` first.
pub fn hints(app: &App) -> Vec<&'static Binding> {
    let ctx = context(app);
    let iv = app.interview.as_ref().filter(|_| app.screen == Screen::Interview && ctx == Context::Interview);
    let question = iv.and_then(|iv| iv.current(&app.questionnaire));
    let mut hints: Vec<&'static Binding> = shown(ctx)
        .filter(|b| b.hint && iv.is_none_or(|iv| works(b, iv, question)) && available(app, ctx, &b.action))
        .collect();
    if let Some(i) = hints.iter().position(|b| b.action == Action::Help) {
        let help = hints.remove(i);
        hints.insert(0, help);
    }
    // Following someone: taking over comes first, once it can work.
    if iv.is_some_and(can_take_over) {
        let take = super::keymap::BINDINGS.iter().find(|b| b.action == Action::TakeOver);
        hints.splice(0..0, take);
    }
    hints
}

/// Whether a key of the lists and the review screen can do anything now:
/// nothing to open, move or rename in an empty list (or one the filter
/// emptied), no sign-off for the vendor's own interviewer (unless the
/// workspace allows it, as `confirm::ask_sign_off` decides).
fn available(app: &App, ctx: Context, action: &Action) -> bool {
    let needs_a_row = matches!(
        action,
        Action::Up
            | Action::Down
            | Action::Open
            | Action::ReviewScreen
            | Action::Rename
            | Action::Archive
            | Action::Reassess
            | Action::NextDue
            | Action::PageUp
            | Action::PageDown
            | Action::Top
            | Action::Bottom
    );
    match ctx {
        Context::Vendors => !needs_a_row || !app.vendors.visible.is_empty(),
        Context::Compare => !needs_a_row || !app.ranking.is_empty(),
        Context::Review => match action {
            Action::SignOff(_) => may_sign_off(app),
            _ => true,
        },
        _ => true,
    }
}

/// Whether this account may sign the open vendor off: anyone but its
/// interviewer, unless the workspace allows that too.
pub fn may_sign_off(app: &App) -> bool {
    let interviewer = app.interview.as_ref().and_then(|iv| iv.vendor.meta.interviewer.as_deref());
    crate::domain::signoff::may_sign(&app.me, interviewer, app.self_signoff)
}

/// Taking over works once the writer this view follows has left.
fn can_take_over(iv: &Interview) -> bool {
    iv.read_only.as_ref().is_some_and(|h| h.user.is_empty() || iv.writer_left)
}

/// Whether a key changes the vendor: never offered in a read-only view
/// (neither in the hint bar nor in the help overlay).
pub fn edits(action: &Action) -> bool {
    matches!(
        action,
        Action::AnswerYes
            | Action::AnswerNo
            | Action::Pick(_)
            | Action::ToggleOption
            | Action::EditValue
            | Action::ToggleNa
            | Action::EditNote
            | Action::ClearAnswer
            | Action::Undo
            | Action::Redo
            | Action::Followup
            | Action::FollowupStatus
            | Action::AddEvidence
            | Action::Reassess
    )
}

/// Whether an interview key does something on `question` now.
fn works(b: &Binding, iv: &Interview, question: Option<&Question>) -> bool {
    let edits = edits(&b.action);
    if edits && iv.read_only.is_some() {
        return false;
    }
    let Some(q) = question else { return !edits };
    match b.action {
        Action::AnswerYes | Action::AnswerNo => matches!(q.kind, Kind::YesNo { .. }),
        Action::Pick(_) => matches!(q.kind, Kind::Choice { .. } | Kind::Multi { .. } | Kind::Rating { .. }),
        Action::EditValue => !matches!(q.kind, Kind::YesNo { .. } | Kind::Multi { .. }),
        Action::ToggleNa => q.allow_na && q.kind.is_scored(),
        Action::Undo | Action::Redo => !iv.history.undo.is_empty() || !iv.history.redo.is_empty(),
        Action::FollowupStatus => iv.answer(&q.key).is_some_and(|a| a.followup.is_some()),
        _ => true,
    }
}
