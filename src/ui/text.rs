//! Text helpers for widgets: safe display, width-aware cutting and
//! wrapping (CJK counts two cells).

use std::borrow::Cow;

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::editor::wrap_ranges;
use crate::safe_text::visible;

/// Text from a file or a person, safe to draw.
pub fn safe(text: &str) -> Cow<'_, str> {
    visible(text)
}

/// `text` cut to at most `width` cells, with `…` where it was cut.
pub fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = g.width();
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` padded or cut to exactly `width` cells.
pub fn fit(text: &str, width: usize) -> String {
    let cut = cut(text, width);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// `text` right-aligned in `width` cells.
pub fn fit_right(text: &str, width: usize) -> String {
    let cut = cut(text, width);
    format!("{}{cut}", " ".repeat(width.saturating_sub(cut.width())))
}

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
    fn cuts_and_fits_by_cells() {
        assert_eq!(cut("云联科技", 5), "云联…");
        assert_eq!(fit("云", 4), "云  ");
        assert_eq!(fit_right("7", 3), "  7");
        assert_eq!(cut("abc", 0), "");
        assert_eq!(bar(0.5, 4), ("██".to_string(), "░░".to_string()));
    }
}
