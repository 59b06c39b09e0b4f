//! The help overlay, generated from the keymap table for where you are.
//! When the terminal is short it lays the keys out in two columns; when
//! even two do not fit, in one column that scrolls (↑↓ PgUp PgDn).

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use crate::app::keymap::{Binding, Context, shown};
use crate::domain::text::Lang;
use crate::ui::text::fit;
use crate::ui::theme::Theme;

pub struct Help<'a> {
    pub context: Context,
    pub lang: Lang,
    pub theme: &'a Theme,
    /// A read-only view: keys that change the vendor are not offered.
    pub read_only: bool,
    /// The first row shown when the keys do not fit even in two columns
    /// (they are then one column that scrolls).
    pub scroll: usize,
}

impl Help<'_> {
    fn entry(&self, b: &Binding, width: usize) -> Line<'static> {
        let key_w = 11.min(width);
        Line::from(vec![
            Span::styled(fit(b.shown, key_w), self.theme.key),
            Span::raw(fit(b.label(self.lang), width.saturating_sub(key_w))),
        ])
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let read_only = self.read_only;
        let mut bindings: Vec<&Binding> =
            shown(self.context).filter(|b| !(read_only && crate::app::hints::edits(&b.action))).collect();
        // Too many for two columns of this height: the keys that work
        // everywhere (quit, help, back, language) come first, so they
        // never fall off the end.
        if bindings.len().div_ceil(2) + 4 > usize::from(area.height) {
            bindings.sort_by_key(|b| b.context != Context::Global);
        } else {
            // The screen's own keys, then those that work everywhere.
            bindings.sort_by_key(|b| b.context == Context::Global);
        }
        // Borders, a blank line and the closing sentence take 4 rows.
        let one_column = bindings.len() + 4 <= usize::from(area.height);
        let scrolls = bindings.len().div_ceil(2) + 4 > usize::from(area.height);
        let columns = if one_column || scrolls { 1 } else { 2 };
        let rows = bindings.len().div_ceil(columns);
        let width = if columns == 1 { 56 } else { 78 }.min(area.width);
        let height = u16::try_from(rows + 4).unwrap_or(u16::MAX).min(area.height);
        let rect = Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height);
        super::clear_popup(rect, buf);
        let block = super::panel(msg::KEYS.text(self.lang), th.key, th);
        let inner = block.inner(rect);
        block.render(rect, buf);
        // Scrolling: the last line says where you are and how to move.
        let visible = if scrolls { usize::from(inner.height.saturating_sub(1)) } else { rows };
        let offset = if scrolls { self.scroll.min(rows.saturating_sub(visible)) } else { 0 };
        let col_w = usize::from(inner.width.saturating_sub(1)) / columns;
        for (i, b) in bindings.iter().enumerate() {
            let (col, row) = (i / rows, i % rows);
            if row < offset || row - offset >= visible.min(usize::from(inner.height)) {
                continue;
            }
            let x = inner.x + 1 + u16::try_from(col * col_w).unwrap_or(0);
            let y = inner.y + u16::try_from(row - offset).unwrap_or(0);
            buf.set_line(x, y, &self.entry(b, col_w.saturating_sub(1)), u16::try_from(col_w).unwrap_or(0));
        }
        if scrolls && inner.height > 1 {
            let last = inner.y + inner.height - 1;
            let end = (offset + visible).min(rows);
            let text = msg::HELP_SCROLL.fill(self.lang, &[("from", &(offset + 1)), ("to", &end), ("all", &rows)]);
            buf.set_line(inner.x + 1, last, &Line::styled(text, th.key), inner.width.saturating_sub(1));
            return;
        }
        let last = inner.y + inner.height.saturating_sub(1);
        if inner.height > u16::try_from(rows).unwrap_or(u16::MAX) {
            let text = msg::EVERY_CHANGE_IS_SAVED_AT.text(self.lang);
            buf.set_line(inner.x + 1, last, &Line::styled(text, th.muted), inner.width.saturating_sub(1));
        }
    }
}
