//! Text helpers for widgets: safe display, width-aware cutting and
//! wrapping (CJK counts two cells).

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use crate::app::editor::wrap_ranges;
use crate::safe_text::visible;

/// Text from a file or a person, safe to draw.
pub fn safe(text: &str) -> Cow<'_, str> {
    visible(text)
}

pub use crate::cells::{cut, fit, fit_right};

/// `text` (made safe) wrapped to `width` cells as lines in `style`, each
/// line starting with `indent`.
pub fn wrapped(text: &str, width: u16, indent: &str, style: Style) -> Vec<Line<'static>> {
    let text = crate::safe_text::visible_multiline(text).replace('\t', " ");
    let inner = width.saturating_sub(u16::try_from(indent.width()).unwrap_or(0)).max(1);
    wrap_ranges(&text, inner)
        .into_iter()
        .map(|(a, b)| Line::from(vec![Span::raw(indent.to_string()), Span::styled(text[a..b].to_string(), style)]))
        .collect()
}

/// A bar of `width` cells, `fraction` full: `█` full, `░` empty (plain
/// characters, one cell wide in every terminal).
pub fn bar(fraction: f64, width: usize) -> (String, String) {
    let full = ((fraction.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    ("█".repeat(full), "░".repeat(width - full))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_by_fraction() {
        assert_eq!(bar(0.5, 4), ("██".to_string(), "░░".to_string()));
        assert_eq!(bar(2.0, 3), ("███".to_string(), String::new()));
    }
}
