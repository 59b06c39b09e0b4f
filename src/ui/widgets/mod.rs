//! One widget per panel. Each is a struct of borrowed data that only reads.

pub mod comparison;
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

use ratatui::style::Style;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders};

use crate::ui::theme::Theme;

/// The frame every panel is drawn in: a border and a title.
pub fn panel<'a>(title: &str, border: Style, th: &Theme) -> Block<'a> {
    Block::new().borders(Borders::ALL).border_style(border).title(Span::styled(format!(" {title} "), th.header))
}
