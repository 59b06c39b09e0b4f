//! Reviewers' comments on a question, where the interviewer sees them:
//! a mark in the question list and the comments under the question
//! (author, time, text; a file not written by the account it names is
//! marked ⚠, as on the review screen). They follow the review files live:
//! the app reloads them whenever a file in the vendor's review folder
//! changes.

use crate::i18n::tui as msg;
use std::collections::HashSet;

use ratatui::text::Line;

use crate::app::state::Interview;
use crate::domain::text::Lang;
use crate::storage::review::Comment;
use crate::ui::text::wrapped;
use crate::ui::theme::Theme;

/// The mark beside a question that has comments: plain ASCII, so it
/// reads the same under NO_COLOR and in ASCII mode.
pub const MARK: &str = "\"";

/// The keys of the questions that have at least one comment.
pub fn commented(iv: &Interview) -> HashSet<&str> {
    iv.reviews.iter().flat_map(|r| r.file.comments.iter().filter_map(|c| c.question.as_deref())).collect()
}

/// Every comment on question `key`, oldest first, with its reviewer and
/// whether the file is vouched for.
fn on_question<'a>(iv: &'a Interview, key: &str) -> Vec<(&'a str, bool, &'a Comment)> {
    let mut out: Vec<(&str, bool, &Comment)> = iv
        .reviews
        .iter()
        .flat_map(|r| r.file.comments.iter().map(move |c| (r.user.as_str(), r.verified, c)))
        .filter(|(_, _, c)| c.question.as_deref() == Some(key))
        .collect();
    out.sort_by(|a, b| a.2.at.cmp(&b.2.at));
    out
}

/// The comments on `key` as lines for the question pane: nothing when
/// there are none.
pub fn lines(iv: &Interview, key: &str, width: u16, lang: Lang, th: &Theme) -> Vec<Line<'static>> {
    let comments = on_question(iv, key);
    if comments.is_empty() {
        return Vec::new();
    }
    let mut lines = vec![Line::raw("")];
    let title = msg::REVIEWERS_COMMENTS.fill(lang, &[("mark", &MARK), ("n", &comments.len())]);
    lines.push(Line::styled(title, th.key));
    for (user, verified, c) in comments {
        let warn =
            if verified { String::new() } else { format!(" ⚠ {}", msg::UNVERIFIED_NOT_WRITTEN_HERE.text(lang)) };
        let colon = msg::COLON.text(lang);
        let head = format!("{user} {}{warn}{colon}", super::review::short_time(&c.at));
        let style = if verified { ratatui::style::Style::new() } else { th.warn };
        lines.extend(wrapped(&format!("{head}{}", c.text), width, "  ", style));
    }
    lines
}
