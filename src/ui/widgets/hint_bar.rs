//! The bottom line: the keys that matter here (from the keymap table) and
//! the last status ("saved", or the save error).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

use crate::app::keymap::Binding;
use crate::app::state::{Status, StatusKind};
use crate::domain::text::Lang;
use crate::ui::text::{cut, safe};
use crate::ui::theme::Theme;

pub struct HintBar<'a> {
    /// The keys that work here, in order (see `app::hints`).
    pub hints: Vec<&'static Binding>,
    pub status: &'a Status,
    pub lang: Lang,
    pub theme: &'a Theme,
}

/// The most of the bottom line a status may take: all but ten cells, and
/// at least half. A longer error shows in the box above (`error_box`).
pub fn status_room(width: usize) -> usize {
    width.saturating_sub(10).max(width / 2)
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let th = self.theme;
        let width = usize::from(area.width);
        // An error too long for this line is shown whole above it (see
        // `error_box`); here it leaves the hints their room but its mark.
        let boxed = super::error_box::ErrorBox::needed(self.status, area.width);
        let status = if boxed { "!".into() } else { safe(&self.status.text) };
        // The status wins space over hints: it is what just happened.
        let status_w = status.width().min(status_room(width));
        let status = cut(&status, status_w);
        let mut spans = Vec::new();
        let mut used = 0;
        let room = width.saturating_sub(status.width() + 1);
        for b in self.hints {
            let label = b.label(self.lang);
            let w = b.shown.width() + label.width() + 3;
            if used + w > room {
                break;
            }
            spans.push(Span::styled(format!(" {}", b.shown), th.key));
            spans.push(Span::styled(format!(" {label} "), th.muted));
            used += w;
        }
        let style = match self.status.kind {
            StatusKind::Info => th.muted,
            StatusKind::Saved => th.saved,
            StatusKind::Error => th.error,
        };
        spans.push(Span::raw(" ".repeat(width.saturating_sub(used + status.width()))));
        spans.push(Span::styled(status, style));
        Line::from(spans).render(area, buf);
    }
}
