//! Steps that need a second thought: taking over a vendor from its
//! interviewer, and a sign-off on a vendor that is disqualified or not
//! fully answered. Separation of duties (the interviewer may not sign
//! their own vendor) is decided here too, by the same rule as the CLI.

use super::action::{Action, Effect};
use super::state::{App, Confirm, Overlay, StatusKind};
use crate::domain::signoff::{Gate, Request, gate};
use crate::i18n::status as msg;
use crate::storage::review::Decision;

/// `T` in a read-only view: asks to confirm, naming the interviewer, when
/// taking over can work now; says why not otherwise.
pub fn ask_take_over(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let Some(holder) = iv.read_only.as_ref() else {
        app.say(StatusKind::Info, msg::YOU_ARE_THE_INTERVIEWER_ALREADY.text(lang));
        return vec![];
    };
    if !holder.user.is_empty() && !iv.writer_left {
        let text = msg::TAKE_OVER_WAIT.fill(lang, &[("user", &holder.user)]);
        app.say(StatusKind::Info, text);
        return vec![];
    }
    let from = iv.vendor.meta.interviewer.clone().filter(|who| *who != app.me);
    app.overlay = Some(Overlay::Confirm(Confirm::TakeOver { from }));
    vec![]
}

/// `A`, `X` or `N` on the review screen.
pub fn ask_sign_off(app: &mut App, decision: Decision) -> Vec<Effect> {
    let lang = app.lang;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let request = Request {
        approve: decision == Decision::Approve,
        signer: &app.me,
        interviewer: iv.vendor.meta.interviewer.as_deref(),
        self_signoff_allowed: app.self_signoff,
    };
    match gate(&request, &iv.report) {
        Gate::Open => vec![Effect::SignOff { decision }],
        Gate::Refused(_) => {
            app.say(StatusKind::Error, msg::YOU_INTERVIEWED_THIS_VENDOR_ITS.text(lang));
            vec![]
        }
        Gate::Confirm(cautions) => {
            app.overlay = Some(Overlay::Confirm(Confirm::SignOff { decision, cautions }));
            vec![]
        }
    }
}

/// A key while a confirmation is asked: `y`/Enter does it; anything else
/// (`n`, Esc) leaves everything as it was.
pub fn answered(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(Overlay::Confirm(confirm)) = app.overlay.take() else { return vec![] };
    match (action, confirm) {
        (Action::Submit, Confirm::TakeOver { .. }) => vec![Effect::TakeOver],
        (Action::Submit, Confirm::SignOff { decision, .. }) => vec![Effect::SignOff { decision }],
        (Action::Submit, Confirm::Reassess { path, on, .. }) => vec![Effect::Reassess { path, on }],
        (Action::Submit, Confirm::Archive { path, .. }) => vec![Effect::ArchiveVendor { path }],
        (Action::Quit, _) => super::update::update(app, Action::Quit),
        _ => {
            app.say(StatusKind::Info, msg::CANCELLED_NOTHING_CHANGED.text(app.lang));
            vec![]
        }
    }
}
