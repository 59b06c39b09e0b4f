//! Shared helpers for the integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use ccvet::domain::questionnaire::Questionnaire;
use ccvet::storage::questionnaire::parse;

/// Parses questionnaire text that must be valid.
pub fn questionnaire(text: &str) -> Questionnaire {
    match parse(text) {
        Ok((q, _)) => q,
        Err(problems) => panic!("test questionnaire is invalid: {problems:#?}"),
    }
}

/// The default questionnaire.
pub fn default_questionnaire() -> Questionnaire {
    questionnaire(ccvet::storage::questionnaire::EMBEDDED)
}
pub mod fixtures;
pub mod sandbox;
pub mod team;

/// The app drawn on a TestBackend of its own size.
pub fn draw(app: &ccvet::app::state::App) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| ccvet::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

/// A buffer as text, one line per row (a wide character once).
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// Presses keys (by the keymap, as the terminal would) and collects the
/// effects.
pub fn press(app: &mut ccvet::app::state::App, keys: &[crossterm::event::KeyCode]) -> Vec<ccvet::app::action::Effect> {
    use ccvet::app::keymap::{Key, context, lookup};
    use crossterm::event::{KeyEvent, KeyModifiers};
    let mut effects = Vec::new();
    for code in keys {
        let key = Key::from_event(&KeyEvent::new(*code, KeyModifiers::NONE));
        if let Some(action) = lookup(context(app), key) {
            effects.extend(ccvet::app::update::update(app, action));
        }
    }
    effects
}

/// Each character of `s` as a key.
pub fn chars(s: &str) -> Vec<crossterm::event::KeyCode> {
    s.chars().map(crossterm::event::KeyCode::Char).collect()
}
