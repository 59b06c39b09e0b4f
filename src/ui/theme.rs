//! Styles. Only the 16 basic colours (readable on any terminal), and with
//! `NO_COLOR` none at all: selection is reverse video, knockouts bold, and
//! every state also carries a mark or a word, never colour alone.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub selected: Style,
    pub title: Style,
    pub header: Style,
    pub muted: Style,
    pub knockout: Style,
    pub good: Style,
    pub warn: Style,
    pub error: Style,
    pub saved: Style,
    pub key: Style,
    pub bar_full: Style,
    pub bar_empty: Style,
    pub border: Style,
}

impl Theme {
    pub fn new(no_color: bool) -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if no_color {
            return Theme {
                selected: Style::new().add_modifier(Modifier::REVERSED),
                title: bold,
                header: bold,
                muted: Style::new(),
                knockout: bold,
                good: Style::new(),
                warn: Style::new(),
                error: bold,
                saved: Style::new(),
                key: bold,
                bar_full: Style::new(),
                bar_empty: Style::new(),
                border: Style::new(),
            };
        }
        Theme {
            selected: Style::new().add_modifier(Modifier::REVERSED),
            title: bold.fg(Color::Cyan),
            header: bold,
            // Dim, not dark grey: readable on 16-colour terminals too.
            muted: Style::new().add_modifier(Modifier::DIM),
            knockout: bold.fg(Color::Red),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow),
            error: bold.fg(Color::Red),
            saved: Style::new().fg(Color::Green),
            key: bold.fg(Color::Cyan),
            bar_full: Style::new().fg(Color::Green),
            bar_empty: Style::new().add_modifier(Modifier::DIM),
            border: Style::new().add_modifier(Modifier::DIM),
        }
    }
}
