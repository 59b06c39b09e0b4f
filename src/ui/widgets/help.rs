//! The help overlay, generated from the keymap table for where you are.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

use crate::app::keymap::{Context, shown};
use crate::domain::text::Lang;
use crate::ui::text::fit;
use crate::ui::theme::Theme;
use crate::ui::tr;

pub struct Help<'a> {
    pub context: Context,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let bindings: Vec<_> = shown(self.context).collect();
        let height = u16::try_from(bindings.len() + 4).unwrap_or(u16::MAX).min(area.height);
        let width = 56.min(area.width);
        let x = area.x + (area.width - width) / 2;
        let y = area.y + (area.height - height) / 2;
        let rect = Rect::new(x, y, width, height);
        Clear.render(rect, buf);
        let block = super::panel(tr(self.lang, "Keys", "按键"), th.key, th);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let mut lines: Vec<Line> = bindings
            .iter()
            .map(|b| Line::from(vec![Span::styled(fit(b.shown, 12), th.key), Span::raw(b.label(self.lang))]))
            .collect();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            tr(self.lang, "Every change is saved at once. Esc or ? closes.", "每次修改都会立即保存。Esc 或 ? 关闭。"),
            th.muted,
        ));
        for (i, line) in lines.iter().take(usize::from(inner.height)).enumerate() {
            buf.set_line(inner.x + 1, inner.y + u16::try_from(i).unwrap_or(0), line, inner.width.saturating_sub(1));
        }
    }
}
