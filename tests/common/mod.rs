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
