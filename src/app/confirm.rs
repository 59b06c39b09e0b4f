//! Steps that need a second thought: taking over a vendor from its
//! interviewer, and a sign-off on a vendor that is disqualified or not
//! fully answered. Separation of duties (the interviewer may not sign
//! their own vendor) is decided here too, by the same rule as the CLI.

use super::action::{Action, Effect};
use super::state::{App, Confirm, Overlay, StatusKind};
use crate::domain::signoff::{Gate, Request, gate};
use crate::domain::text::Lang;
use crate::storage::review::Decision;

/// `T` in a read-only view: asks to confirm, naming the interviewer, when
/// taking over can work now; says why not otherwise.
pub fn ask_take_over(app: &mut App) -> Vec<Effect> {
    let lang = app.lang;
    let Some(iv) = app.interview.as_ref() else { return vec![] };
    let Some(holder) = iv.read_only.as_ref() else {
        app.say(StatusKind::Info, tr(lang, "you are the interviewer already", "您已是访谈人"));
        return vec![];
    };
    if !holder.user.is_empty() && !iv.writer_left {
        let text = match lang {
            Lang::En => format!("{} is interviewing now; T works once they leave the vendor", holder.user),
            Lang::Zh => format!("{} 正在访谈；对方离开该服务商后才能按 T 接手", holder.user),
        };
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
            app.say(
                StatusKind::Error,
                tr(
                    lang,
                    "✗ you interviewed this vendor: its sign-off is for someone else (ccvet.toml may allow it)",
                    "✗ 您是该服务商的访谈人：签核须由他人进行（ccvet.toml 可另行允许）",
                ),
            );
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
            app.say(StatusKind::Info, tr(app.lang, "cancelled: nothing changed", "已取消：未做任何更改"));
            vec![]
        }
    }
}

fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}
