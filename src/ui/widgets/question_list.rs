//! The section and question list: a header per section, a mark per
//! question (✓ answered, · open, – N/A, ✗ red line, ! invalid, ⚠ merge
//! conflict, ◌ hidden by its `show_if`, listed only with `H`; ? an answer
//! carried over from the last cycle, to confirm), `+` before a question
//! with an open follow-up (`!` once it is past its due date), `"` after
//! the mark of a question reviewers commented on, the current question
//! highlighted. Only the rows that show are built.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::state::Interview;
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::Outcome;
use crate::domain::text::Lang;
use crate::ui::text::{fit, safe};
use crate::ui::theme::Theme;

pub struct QuestionList<'a> {
    pub questionnaire: &'a Questionnaire,
    pub interview: &'a Interview,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// What is overdue is decided against it.
    pub today: crate::domain::date::Date,
}

/// The mark and style of a question's outcome.
pub fn mark(outcome: &Outcome, th: &Theme) -> (&'static str, ratatui::style::Style) {
    match outcome {
        Outcome::Scored { knockout: true, .. } => ("✗", th.knockout),
        Outcome::Scored { .. } => ("✓", th.good),
        Outcome::NotApplicable => ("–", th.muted),
        Outcome::Invalid(_) => ("!", th.warn),
        Outcome::Unscored { answered: true } => ("✓", th.muted),
        Outcome::Unanswered | Outcome::Unscored { answered: false } => ("·", th.muted),
        Outcome::Hidden => ("◌", th.muted),
    }
}

/// A question's text in `width` cells, cut so that it reads apart from the
/// questions beside it (two SLA questions both read "Under the SLA, within
/// ho…" otherwise).
fn list_label(questions: &[crate::domain::questionnaire::Question], at: usize, lang: Lang, width: usize) -> String {
    let text = safe(questions[at].text.get(lang));
    let alike = [at.checked_sub(1), Some(at + 1)]
        .into_iter()
        .flatten()
        .filter_map(|i| questions.get(i))
        .map(|other| safe(other.text.get(lang)).into_owned())
        .find(|other| crate::cells::cut(other, width) == crate::cells::cut(&text, width));
    match alike {
        Some(other) => fit(&crate::cells::cut_apart(&text, &other, width), width),
        None => fit(&text, width),
    }
}

impl Widget for QuestionList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (q, iv, th, lang) = (self.questionnaire, self.interview, self.theme, self.lang);
        let block = super::panel(msg::QUESTIONS.text(lang), th.border, th);
        let inner = block.inner(area);
        block.render(area, buf);
        let rows = usize::from(inner.height);
        let width = usize::from(inner.width);
        let current = iv.list_row(q);
        let commented = super::comments::commented(iv);
        // Walk sections to the first visible row, then build `rows` rows.
        let mut row = 0usize;
        let mut y = inner.y;
        let end = iv.list_offset + rows;
        for (si, section) in q.sections.iter().enumerate() {
            let section_rows = iv.shown_in(q, si) + 1;
            if row + section_rows <= iv.list_offset {
                row += section_rows;
                continue;
            }
            if row >= end {
                break;
            }
            if row >= iv.list_offset {
                let s = &iv.report.sections[si];
                // Text questions are counted apart and named ("10/10 + 1
                // text" for 11 listed: a bare "+1" read as a follow-up).
                // The counts keep their place; a long title gives way.
                let (_, texts) = crate::domain::present::unscored_counts(&iv.report.outcomes[si]);
                let counts = match texts {
                    0 => format!("{}/{}", s.answered, s.total),
                    n => msg::SECTION_COUNTS_WITH_TEXT
                        .fill(lang, &[("answered", &s.answered), ("total", &s.total), ("texts", &n)]),
                };
                let title_w = width.saturating_sub(unicode_width::UnicodeWidthStr::width(counts.as_str()) + 1);
                let text = format!("{} {counts}", fit(&safe(section.title.get(lang)), title_w));
                buf.set_line(inner.x, y, &Line::styled(fit(&text, width), th.header), inner.width);
                y += 1;
            }
            row += 1;
            for (qi, question) in section.questions.iter().enumerate() {
                if row >= end {
                    break;
                }
                if !iv.shown(si, qi) {
                    continue;
                }
                if row >= iv.list_offset {
                    let outcome = &iv.report.outcomes[si][qi];
                    let (mut m, mut style) = mark(outcome, th);
                    // A merge conflict outranks the outcome: it needs a decision.
                    let answer = iv.answer(&question.key);
                    if iv.vendor.conflicts.iter().any(|c| c.key == question.key) {
                        (m, style) = ("⚠", th.warn);
                    } else if answer.is_some_and(|a| a.carried) {
                        (m, style) = ("?", th.warn);
                    }
                    let followup = answer.and_then(|a| a.followup.as_ref()).filter(|f| f.status.is_open());
                    let lead = match followup {
                        Some(f) if f.overdue(self.today) => Span::styled("!", th.error),
                        Some(_) => Span::styled("+", th.warn),
                        None => Span::raw(" "),
                    };
                    let text = list_label(&section.questions, qi, lang, width.saturating_sub(3));
                    let text = if *outcome == Outcome::Hidden { Span::styled(text, th.muted) } else { Span::raw(text) };
                    // `"` after the mark: reviewers commented on it.
                    let gap = if commented.contains(question.key.as_str()) {
                        Span::styled(super::comments::MARK, th.key)
                    } else {
                        Span::raw(" ")
                    };
                    let mut line = Line::from(vec![lead, Span::styled(m, style), gap, text]);
                    if row == current {
                        line = line.patch_style(th.selected);
                        buf.set_line(inner.x, y, &line, inner.width);
                        buf.set_style(Rect::new(inner.x, y, inner.width, 1), th.selected);
                    } else {
                        buf.set_line(inner.x, y, &line, inner.width);
                    }
                    y += 1;
                }
                row += 1;
            }
        }
    }
}
