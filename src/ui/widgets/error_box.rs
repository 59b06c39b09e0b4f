//! A status message too long for the hint bar (a save error naming a path
//! and its reason, a refused name): shown whole, wrapped, in a box just
//! above the hint bar until the next key, instead of cut at the edge.

use crate::i18n::tui as msg;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::state::{Status, StatusKind};
use crate::domain::text::Lang;
use crate::ui::text::{safe, wrapped};
use crate::ui::theme::Theme;

pub struct ErrorBox<'a> {
    pub status: &'a Status,
    pub lang: Lang,
    pub theme: &'a Theme,
}

impl ErrorBox<'_> {
    /// Whether the message needs the box: an error longer than the hint
    /// bar gives a status (see `hint_bar`).
    pub fn needed(status: &Status, width: u16) -> bool {
        let width = usize::from(width);
        status.kind == StatusKind::Error && safe(&status.text).width() > super::hint_bar::status_room(width)
    }
}

impl Widget for ErrorBox<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        if !ErrorBox::needed(self.status, body.width) || body.height < 4 {
            return;
        }
        let th = self.theme;
        let lines = wrapped(&self.status.text, body.width.saturating_sub(2), "", th.error);
        // At most half the body: the screen under it stays readable.
        let shown = lines.len().min(usize::from(body.height / 2).saturating_sub(2)).max(1);
        let height = u16::try_from(shown).unwrap_or(1) + 2;
        let area = Rect::new(body.x, body.bottom() - height, body.width, height);
        super::clear_popup(area, buf);
        let block = super::panel(msg::ERROR.text(self.lang), th.error, th);
        let inner = block.inner(area);
        block.render(area, buf);
        for (i, line) in lines.into_iter().take(shown).enumerate() {
            buf.set_line(inner.x, inner.y + u16::try_from(i).unwrap_or(0), &line, inner.width);
        }
    }
}
