//! The history of one question's answer from git (`v` in the interview):
//! when, who, old → new, and the score after each commit, newest first.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::answers::Answer;
use crate::domain::present::{answer_text, pct};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::text::Lang;
use crate::git::changes::AnswerChange;
use crate::ui::text::{fit, safe};
use crate::ui::theme::Theme;

pub struct HistoryView<'a> {
    pub questionnaire: &'a Questionnaire,
    pub key: &'a str,
    pub changes: &'a Result<Vec<AnswerChange>, String>,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl HistoryView<'_> {
    fn answer(&self, a: Option<&Answer>) -> String {
        let text = match self.questionnaire.question(self.key) {
            Some(q) => answer_text(q, a, self.lang),
            None => String::new(),
        };
        let mut text = if text.is_empty() && a.is_some_and(|a| a.note.is_none()) || a.is_none() {
            "–".to_string()
        } else {
            text
        };
        if let Some(note) = a.and_then(|a| a.note.as_deref()) {
            text.push_str(&format!(" ({})", note.replace('\n', "⏎")));
        }
        safe(&text).into_owned()
    }
}

impl Widget for HistoryView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (th, lang) = (self.theme, self.lang);
        let title = format!("{} {}", msg::HISTORY_OF.text(lang), self.key);
        // Why there is no history (no git, …): a box the size of the
        // sentence, wrapped, not a screen-high box with it cut.
        if let Err(why) = self.changes {
            let lines = crate::ui::text::wrapped(why, super::popup_inner_width(area), "", th.warn);
            super::popup(area, buf, &title, &lines, th);
            return;
        }
        let width = 78.min(area.width);
        let rect = Rect::new(area.x + (area.width - width) / 2, area.y, width, area.height);
        super::clear_popup(rect, buf);
        let block = super::panel(&title, th.border, th);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let w = usize::from(inner.width);
        let mut lines: Vec<Line> = Vec::new();
        match self.changes {
            Err(why) => lines.push(Line::styled(fit(&safe(why), w), th.warn)),
            Ok(changes) if changes.is_empty() => {
                lines.push(Line::styled(fit(msg::NO_CHANGE_OF_THIS_ANSWER.text(lang), w), th.muted))
            }
            Ok(changes) => {
                for c in changes.iter().rev() {
                    let when = c.date.get(..16).unwrap_or(&c.date).replace('T', " ");
                    let head = format!(
                        "{when}  {}  {}  {} {}",
                        safe(&c.author),
                        c.commit.get(..8).unwrap_or(&c.commit),
                        msg::SCORE_LC.text(lang),
                        pct(c.score)
                    );
                    lines.push(Line::from(Span::styled(fit(&head, w), th.key)));
                    let change = format!("  {} → {}", self.answer(c.old.as_ref()), self.answer(c.new.as_ref()));
                    lines.push(Line::raw(fit(&change, w)));
                }
            }
        }
        let rows = usize::from(inner.height.saturating_sub(1));
        for (i, line) in lines.iter().take(rows).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width);
        }
        let close = msg::ESC_CLOSES.text(lang);
        buf.set_line(inner.x, inner.y + inner.height.saturating_sub(1), &Line::styled(close, th.muted), inner.width);
    }
}
