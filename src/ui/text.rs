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

/// `lead` then `items` joined by " · ", wrapped to `width` between items
/// (a line ends with "·" where it goes on), and inside an item only when
/// it is longer than a line.
pub fn wrapped_items(lead: &str, items: &[String], width: u16, style: Style) -> Vec<Line<'static>> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = lead.to_string();
    let mut fresh = true;
    for item in items {
        let joined = if fresh { format!("{row}{item}") } else { format!("{row} · {item}") };
        if joined.width() <= usize::from(width) || (fresh && row.is_empty()) {
            row = joined;
        } else if fresh {
            // The lead alone, then the items.
            rows.push(std::mem::take(&mut row));
            row = item.clone();
        } else if format!("{row} ·").width() <= usize::from(width) {
            rows.push(format!("{row} ·"));
            row = item.clone();
        } else {
            rows.push(std::mem::take(&mut row));
            row = format!("· {item}");
        }
        fresh = false;
    }
    rows.push(row);
    rows.iter().flat_map(|r| wrapped(r, width, "", style)).collect()
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
    fn items_wrap_between_items() {
        let items: Vec<String> = ["< 31 → 100%", "< 61 → 60%", "< 241 → 30%", "else → 0%"].map(String::from).to_vec();
        let text = |w| -> Vec<String> {
            wrapped_items("Scores: ", &items, w, Style::new())
                .iter()
                .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
                .collect()
        };
        assert_eq!(text(50), ["Scores: < 31 → 100% · < 61 → 60% · < 241 → 30% ·", "else → 0%"]);
        assert_eq!(text(80), ["Scores: < 31 → 100% · < 61 → 60% · < 241 → 30% · else → 0%"]);
        assert_eq!(text(12), ["Scores: ", "< 31 → 100%", "· < 61 → 60%", "· < 241 → ", "30%", "· else → 0%"]);
    }

    #[test]
    fn bars_fill_by_fraction() {
        assert_eq!(bar(0.5, 4), ("██".to_string(), "░░".to_string()));
        assert_eq!(bar(2.0, 3), ("███".to_string(), String::new()));
    }
}
