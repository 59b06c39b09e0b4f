//! A one-line prompt in a box (the new vendor's name), with the caret's
//! screen position for the terminal cursor.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Widget};

use crate::app::editor::TextBuffer;
use crate::ui::text::fit;
use crate::ui::theme::Theme;

pub struct Prompt<'a> {
    pub title: &'a str,
    pub hint: &'a str,
    pub buffer: &'a TextBuffer,
    pub theme: &'a Theme,
}

impl Prompt<'_> {
    pub fn rect(area: Rect) -> Rect {
        let width = 60.min(area.width);
        let height = 4.min(area.height);
        Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 3, width, height)
    }

    /// Where the caret is on screen.
    pub fn caret(&self, area: Rect) -> Position {
        let inner = Block::new().borders(Borders::ALL).inner(Prompt::rect(area));
        let (_, col) = self.buffer.caret_position(u16::MAX);
        Position::new(inner.x + col.min(inner.width.saturating_sub(1)), inner.y)
    }

    /// What shows of the text: its end, when it is longer than the box.
    fn visible(&self, width: usize) -> String {
        use unicode_segmentation::UnicodeSegmentation;
        use unicode_width::UnicodeWidthStr;
        let text = self.buffer.text();
        if text.width() < width {
            return text.to_string();
        }
        let mut used = 0;
        let mut start = text.len();
        for (i, g) in text.grapheme_indices(true).rev() {
            if used + g.width() >= width {
                break;
            }
            used += g.width();
            start = i;
        }
        text[start..].to_string()
    }
}

impl Widget for Prompt<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let rect = Prompt::rect(area);
        super::clear_popup(rect, buf);
        let block = super::panel(self.title, self.theme.key, self.theme);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let text = fit(&self.visible(usize::from(inner.width)), usize::from(inner.width));
        buf.set_line(inner.x, inner.y, &Line::styled(text, self.theme.selected), inner.width);
        if inner.height > 1 {
            buf.set_line(inner.x, inner.y + 1, &Line::styled(self.hint, self.theme.muted), inner.width);
        }
    }
}
