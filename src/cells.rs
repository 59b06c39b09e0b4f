//! Fitting text into terminal cells: CJK characters take two cells, and a
//! character is never cut in half. Shared by the command line's tables and
//! the app's widgets.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_and_fits_by_cells() {
        assert_eq!(cut("云联科技", 5), "云联…");
        assert_eq!(cut("云联科技有限公司", 7), "云联科…");
        assert_eq!(fit("云", 4), "云  ");
        assert_eq!(fit_right("7", 3), "  7");
        assert_eq!(cut("abc", 0), "");
    }
}
