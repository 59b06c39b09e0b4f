//! One widget per panel. Each is a struct of borrowed data that only reads.

pub mod archived;
pub mod comments;
pub mod comparison;
pub mod confirm;
pub mod error_box;
pub mod form;
pub mod help;
pub mod hint_bar;
pub mod history;
pub mod prompt;
pub mod question;
pub mod question_list;
pub mod review;
pub mod score_panel;
pub mod title_bar;
pub mod vendor_list;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::ui::theme::Theme;

/// The frame every panel is drawn in: a border and a title.
pub fn panel<'a>(title: &str, border: Style, th: &Theme) -> Block<'a> {
    Block::new().borders(Borders::ALL).border_style(border).title(Span::styled(format!(" {title} "), th.header))
}

/// Where a centred popup of `lines` lines (plus its border) goes in
/// `area`: at most 64 cells wide, a third of the way down.
pub fn popup_rect(area: Rect, lines: usize) -> Rect {
    let width = POPUP_WIDTH.min(area.width);
    let height = u16::try_from(lines).unwrap_or(u16::MAX).saturating_add(2).min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 3, width, height)
}

/// How wide a popup is, at most (borders included).
const POPUP_WIDTH: u16 = 64;

/// The width inside a popup drawn in `area`: what its lines wrap to.
pub fn popup_inner_width(area: Rect) -> u16 {
    POPUP_WIDTH.min(area.width).saturating_sub(2)
}

/// Draws a centred popup titled `title` holding `lines` (a confirmation, a
/// form), over whatever is under it.
pub fn popup(area: Rect, buf: &mut Buffer, title: &str, lines: &[ratatui::text::Line], th: &Theme) {
    let rect = popup_rect(area, lines.len());
    clear_popup(rect, buf);
    let block = panel(title, th.key, th);
    let inner = block.inner(rect);
    block.render(rect, buf);
    for (i, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
        buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width);
    }
}

/// Clears the area of a popup, and the left half of any wide character
/// (Chinese text) that its left edge would cut: left there, the terminal
/// would draw the character over the popup's border.
pub fn clear_popup(rect: Rect, buf: &mut Buffer) {
    Clear.render(rect, buf);
    if rect.x == 0 {
        return;
    }
    for y in rect.top()..rect.bottom() {
        let left = &mut buf[(rect.x - 1, y)];
        if unicode_width::UnicodeWidthStr::width(left.symbol()) > 1 {
            left.set_symbol(" ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_popup_edge_through_a_wide_character_clears_its_left_half() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 2));
        buf.set_string(0, 0, "中文字", Style::new());
        buf.set_string(0, 1, "abcdef", Style::new());
        clear_popup(Rect::new(1, 0, 4, 2), &mut buf);
        assert_eq!(buf[(0, 0)].symbol(), " ");
        assert_eq!(buf[(0, 1)].symbol(), "a");
        assert_eq!(buf[(1, 0)].symbol(), " ");
    }
}
