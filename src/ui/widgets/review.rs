//! The review screen: every reviewer's sign-off (stale ones marked with a
//! word), their comments on the vendor, and their comments on each question
//! beside its answer.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::Interview;
use crate::domain::present::answer_text;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::text::Lang;
use crate::storage::review::Decision;
use crate::ui::text::{safe, wrapped};
use crate::ui::theme::Theme;

pub struct ReviewView<'a> {
    pub questionnaire: &'a Questionnaire,
    pub interview: &'a Interview,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// This account may sign off (it is not the vendor's interviewer).
    pub may_sign: bool,
}

/// An RFC 3339 time as `2026-11-24 10:02`: the seconds and the offset
/// cost a third of an 80-column line and tell a reviewer nothing.
pub(super) fn short_time(at: &str) -> String {
    at.get(..16).map_or_else(|| at.to_string(), |s| s.replacen('T', " ", 1))
}

fn decision_word(d: Decision, lang: Lang) -> &'static str {
    match d {
        Decision::Approve => msg::APPROVED.text(lang),
        Decision::Reject => msg::REJECTED.text(lang),
        Decision::NeedsInfo => msg::NEEDS_INFO.text(lang),
    }
}

/// What a reviewer weighs before deciding: red lines first, then score,
/// band, range and how much is answered.
fn verdict_lines(q: &Questionnaire, iv: &Interview, lang: Lang, th: &Theme, w: u16) -> Vec<Line<'static>> {
    use crate::domain::present::{pct, range};
    let r = &iv.report;
    let mut lines = Vec::new();
    if r.disqualified() {
        lines.push(Line::styled(msg::DISQUALIFIED_RED_LINES_CROSSED.text(lang), th.knockout));
        for hit in &r.knockouts {
            let text = q.question(&hit.key).map_or_else(|| hit.key.clone(), |x| x.text.get(lang).to_string());
            let reason = hit
                .reason
                .as_ref()
                .map_or_else(String::new, |why| format!("{}{}", msg::COLON.text(lang), why.get(lang)));
            lines.extend(wrapped(&format!("✗ {text}{reason}"), w, "  ", th.knockout));
        }
    }
    // The band only as far as it is certain, as everywhere else.
    let band = crate::domain::present::band_text(q, r, lang);
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("score", &pct(r.score)),
        ("band", &band),
        ("range", &range(r.min, r.max)),
        ("answered", &r.answered),
        ("total", &r.total),
    ];
    let text = msg::REVIEW_SCORE_LINE.fill(lang, &args);
    lines.extend(wrapped(&text, w, "", th.header));
    lines.push(Line::raw(""));
    lines
}

impl Widget for ReviewView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (q, iv, lang, th) = (self.questionnaire, self.interview, self.lang, self.theme);
        let block = super::panel(msg::REVIEWS_AND_SIGN_OFFS.text(lang), th.border, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let w = inner.width;
        let mut lines: Vec<Line> = Vec::new();
        lines.extend(verdict_lines(q, iv, lang, th, w));
        // What the reviewer must know before signing: who is changing the
        // answers, and whether the file on disk even reads.
        if let Some(h) = iv.read_only.as_ref().filter(|h| !h.user.is_empty() && !iv.writer_left) {
            let text = format!("◉ {} {}", safe(&h.user), msg::IS_INTERVIEWING_ANSWERS_MAY_STILL.text(lang));
            lines.push(Line::styled(text, th.warn));
        }
        if let Some(why) = &iv.disk_error {
            let text = format!("! {} {why}", msg::THE_VENDOR_FILE_DOES_NOT.text(lang));
            lines.extend(wrapped(&text, w, "", th.error));
        }
        for why in &iv.review_errors {
            lines.extend(wrapped(&format!("! {} {why}", msg::A_REVIEW_FILE_DOES_NOT.text(lang)), w, "", th.error));
        }
        lines.push(Line::styled(msg::SIGN_OFFS.text(lang), th.header));
        if iv.signoffs.is_empty() {
            let none = if self.may_sign { msg::NONE_YET_A_APPROVE_X } else { msg::NONE_YET_NOT_YOURS };
            lines.push(Line::styled(none.text(lang), th.muted));
        }
        for s in &iv.signoffs {
            let style = match s.decision {
                Decision::Approve => th.good,
                Decision::Reject => th.knockout,
                Decision::NeedsInfo => th.warn,
            };
            let mut spans = vec![
                Span::styled(format!("  {} {} ", s.decision.mark(), decision_word(s.decision, lang)), style),
                Span::raw(format!("{}  {}", safe(&s.user), safe(&short_time(&s.at)))),
            ];
            if s.stale {
                spans.push(Span::styled(format!("  ~ {}", msg::STALE_ANSWERS_CHANGED_SINCE.text(lang)), th.warn));
            }
            if !s.verified {
                spans
                    .push(Span::styled(format!("  ⚠ {}", msg::UNVERIFIED_NOT_WRITTEN_BY_THIS.text(lang)), th.knockout));
            }
            lines.push(Line::from(spans));
            if let Some(comment) = &s.comment {
                lines.extend(wrapped(comment, w, "      ", th.muted));
            }
        }
        let comments: Vec<(&str, &crate::storage::review::Comment)> =
            iv.reviews.iter().flat_map(|r| r.file.comments.iter().map(move |c| (r.user.as_str(), c))).collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(msg::ON_THE_VENDOR.text(lang), th.header));
        let general: Vec<_> = comments.iter().filter(|(_, c)| c.question.is_none()).collect();
        if general.is_empty() {
            lines.push(Line::styled(msg::NO_COMMENTS_C_ADDS_ONE.text(lang), th.muted));
        }
        for (user, c) in general {
            lines.extend(wrapped(
                &format!("{user} {}{}{}", short_time(&c.at), msg::COLON.text(lang), c.text),
                w,
                "  ",
                ratatui::style::Style::new(),
            ));
        }
        // Questions that have comments, in questionnaire order, with the answer.
        for question in q.questions() {
            let on_it: Vec<_> = comments.iter().filter(|(_, c)| c.question.as_deref() == Some(&question.key)).collect();
            if on_it.is_empty() {
                continue;
            }
            lines.push(Line::raw(""));
            lines.extend(wrapped(question.text.get(lang), w, "", th.header));
            let answer = answer_text(question, iv.answers.get(&question.key), lang);
            let answer = if answer.is_empty() { "–".to_string() } else { answer };
            lines.extend(wrapped(&format!("{} {answer}", msg::ANSWER.text(lang)), w, "  ", th.muted));
            for (user, c) in on_it {
                lines.extend(wrapped(
                    &format!("{user} {}{}{}", short_time(&c.at), msg::COLON.text(lang), c.text),
                    w,
                    "  ",
                    ratatui::style::Style::new(),
                ));
            }
        }
        let orphans: Vec<_> =
            comments.iter().filter(|(_, c)| c.question.as_deref().is_some_and(|k| q.question(k).is_none())).collect();
        for (user, c) in orphans {
            let text =
                format!("{user} {} ({}): {}", short_time(&c.at), c.question.as_deref().unwrap_or_default(), c.text);
            lines.extend(wrapped(&text, w, "  ", th.muted));
        }
        let skip = usize::from(iv.review_scroll).min(lines.len().saturating_sub(1));
        for (i, line) in lines.iter().skip(skip).take(usize::from(inner.height)).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width);
        }
    }
}
