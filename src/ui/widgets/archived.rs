//! The archived vendors (`A` on the vendor list): a small list in a box,
//! Enter restores the highlighted one.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::ui::text::fit;
use crate::ui::theme::Theme;

pub struct ArchivedList<'a> {
    /// (slug, name)
    pub rows: &'a [(String, String)],
    pub selected: usize,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for ArchivedList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        // The rows, a blank line and the keys, placed as every popup.
        let rect = super::popup_rect(area, self.rows.len() + 2);
        super::clear_popup(rect, buf);
        let block = super::panel(msg::ARCHIVED_VENDORS.text(self.lang), th.key, th);
        let inner = block.inner(rect);
        block.render(rect, buf);
        if inner.height == 0 {
            return;
        }
        let rows = usize::from(inner.height.saturating_sub(2)).max(1);
        let first = self.selected.saturating_sub(rows - 1);
        let w = usize::from(inner.width);
        for (line, (i, (slug, name))) in self.rows.iter().enumerate().skip(first).take(rows).enumerate() {
            let chosen = i == self.selected;
            let mark = if chosen { "▶ " } else { "  " };
            let text = fit(&format!("{}  [{}]", visible(name), visible(slug)), w.saturating_sub(2));
            let style = if chosen { th.selected } else { ratatui::style::Style::new() };
            let y = inner.y + u16::try_from(line).unwrap_or(0);
            buf.set_line(inner.x, y, &Line::from(vec![Span::raw(mark), Span::styled(text, style)]), inner.width);
        }
        if inner.height > 2 {
            let keys = msg::ENTER_RESTORES_ESC_CLOSES.text(self.lang);
            buf.set_line(inner.x, inner.bottom() - 1, &Line::styled(keys, th.muted), inner.width);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_in_any_area_and_marks_the_choice() {
        let th = Theme::new(false);
        let rows = vec![("acme".to_string(), "Acme".to_string()), ("yun".to_string(), "云联科技".to_string())];
        for (w, h) in [(0, 0), (20, 5), (80, 24)] {
            let area = Rect::new(0, 0, w, h);
            let mut buf = Buffer::empty(area);
            ArchivedList { rows: &rows, selected: 1, lang: Lang::Zh, theme: &th }.render(area, &mut buf);
        }
        let area = Rect::new(0, 0, 80, 24);
        let mut buf = Buffer::empty(area);
        ArchivedList { rows: &rows, selected: 1, lang: Lang::En, theme: &th }.render(area, &mut buf);
        let text: String = buf.content.iter().map(|c| c.symbol()).collect();
        // (a wide character's second cell is blank in the buffer)
        assert!(text.contains("▶ 云") && text.contains("[yun]") && text.contains("  Acme  [acme]"), "{text}");
        assert!(text.contains("Enter restores"), "{text}");
    }
}
