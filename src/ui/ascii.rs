//! ASCII mode's last pass over a drawn frame: every cell that is not plain
//! ASCII becomes ASCII, run by run, each run keeping its width (see
//! [`crate::ascii`]). Widgets draw as usual; nothing moves, so the caret
//! and the layout stay right.

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use crate::ascii::{fit_run, is_plain};
use crate::domain::text::Lang;

/// Said once when the app starts in ASCII mode. ASCII in both languages:
/// Chinese could not be read here anyway.
pub fn notice(lang: Lang) -> &'static str {
    crate::i18n::tui::ASCII_NOTICE.text(lang)
}

fn plain(symbol: &str) -> bool {
    symbol.chars().all(is_plain)
}

/// The ASCII stand-in of a one-cell mark or line (`✓`, `│`, `█`, ...).
fn mark(symbol: &str) -> Option<char> {
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() || symbol.width() != 1 {
        return None;
    }
    crate::ascii::symbol(c)
}

/// Turns every non-ASCII cell of `buf` into ASCII.
pub fn flatten(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            if plain(buf[(x, y)].symbol()) {
                x += 1;
                continue;
            }
            // "≥ 1000 → 100%" reads ">=1000-> 100%": a comparison or an
            // arrow takes the space beside it rather than become a lone
            // ">" that could mean either.
            let compare = match buf[(x, y)].symbol() {
                "≥" => Some('>'),
                "≤" => Some('<'),
                _ => None,
            };
            if let Some(c) = compare
                && x + 1 < area.right()
                && buf[(x + 1, y)].symbol() == " "
            {
                buf[(x, y)].set_char(c);
                buf[(x + 1, y)].set_char('=');
                x += 2;
                continue;
            }
            if buf[(x, y)].symbol() == "→" && x > area.left() && buf[(x - 1, y)].symbol() == " " {
                buf[(x - 1, y)].set_char('-');
                buf[(x, y)].set_char('>');
                x += 1;
                continue;
            }
            if let Some(c) = mark(buf[(x, y)].symbol()) {
                buf[(x, y)].set_char(c);
                x += 1;
                continue;
            }
            // A run: non-ASCII cells of one style (one widget's text) and
            // the cells their wide characters cover; a border or a mark
            // ends it, so text never slides past them.
            let start = x;
            let style = buf[(start, y)].style();
            let mut text = String::new();
            while x < area.right()
                && !plain(buf[(x, y)].symbol())
                && mark(buf[(x, y)].symbol()).is_none()
                && buf[(x, y)].style() == style
            {
                let symbol = buf[(x, y)].symbol();
                let width = u16::try_from(symbol.width()).unwrap_or(1).max(1);
                text.push_str(symbol);
                x = x.saturating_add(width).min(area.right());
            }
            for (i, c) in fit_run(&text, usize::from(x - start)).chars().enumerate() {
                let cx = start + u16::try_from(i).unwrap_or(0);
                let cell = &mut buf[(cx, y)];
                if i > 0 && cell.symbol() == " " {
                    // The cover of a wide character takes its style.
                    cell.set_style(style);
                }
                cell.set_char(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    fn row(buf: &Buffer) -> String {
        (0..buf.area.width).map(|x| buf[(x, 0)].symbol().to_string()).collect()
    }

    #[test]
    fn wide_and_narrow_runs_keep_their_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        buf.set_string(0, 0, "│✓ 云联科技 Société…│", ratatui::style::Style::new());
        flatten(&mut buf);
        assert_eq!(row(&buf), "|v Yun Lian Societe.|   ");
    }

    #[test]
    fn comparisons_and_arrows_take_the_space_beside_them() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 24, 1));
        buf.set_string(0, 0, "≥ 1000 → 100% · ≤ 5", ratatui::style::Style::new());
        flatten(&mut buf);
        assert_eq!(row(&buf), ">=1000-> 100% - <=5     ");
    }

    #[test]
    fn a_border_between_two_texts_stays_put() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 13, 1));
        buf.set_string(0, 0, "服务商│许可证", ratatui::style::Style::new());
        flatten(&mut buf);
        assert_eq!(row(&buf), "Fu Wu |Xu Ke ");
    }
}
