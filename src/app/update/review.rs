//! The review screen: scroll, sign off, comment on the vendor.

use super::*;

/// The review screen: scroll, sign off, comment on the vendor.
pub(super) fn review_screen(app: &mut App, action: Action) -> Vec<Effect> {
    let Some(iv) = app.interview.as_mut() else {
        app.screen = app.return_to;
        return vec![];
    };
    match action {
        Action::Up => {
            iv.review_scroll = iv.review_scroll.saturating_sub(1);
            vec![]
        }
        Action::Down => {
            iv.review_scroll = iv.review_scroll.saturating_add(1);
            vec![]
        }
        Action::SignOff(decision) => crate::app::confirm::ask_sign_off(app, decision),
        Action::CommentVendor => {
            let buffer = comment_buffer(app, None);
            app.overlay = Some(Overlay::Comment { question: None, buffer });
            vec![]
        }
        Action::Back if app.review_direct => leave_interview(app),
        Action::Back => {
            app.screen = Screen::Interview;
            vec![]
        }
        _ => vec![],
    }
}
