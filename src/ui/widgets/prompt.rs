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
    /// The box: the text on one line, the hint wrapped below it.
    pub fn rect(&self, area: Rect) -> Rect {
        let width = 60.min(area.width);
        let hint_lines = u16::try_from(self.hint_lines(width.saturating_sub(2)).len()).unwrap_or(1);
        let height = (3 + hint_lines).min(area.height);
        Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 3, width, height)
    }

    /// Where the caret is on screen.
    pub fn caret(&self, area: Rect) -> Position {
        let inner = Block::new().borders(Borders::ALL).inner(self.rect(area));
        let (_, col) = self.buffer.caret_position(u16::MAX);
        Position::new(inner.x + col.min(inner.width.saturating_sub(1)), inner.y)
    }

    fn hint_lines(&self, width: u16) -> Vec<Line<'static>> {
        crate::ui::text::wrapped(self.hint, width, "", self.theme.muted)
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
        let rect = self.rect(area);
        super::clear_popup(rect, buf);
        let block = super::panel(self.title, self.theme.key, self.theme);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let text = fit(&self.visible(usize::from(inner.width)), usize::from(inner.width));
        buf.set_line(inner.x, inner.y, &Line::styled(text, self.theme.selected), inner.width);
        for (i, line) in
            self.hint_lines(inner.width).iter().enumerate().take(usize::from(inner.height.saturating_sub(1)))
        {
            buf.set_line(inner.x, inner.y + 1 + u16::try_from(i).unwrap_or(0), line, inner.width);
        }
    }
}
