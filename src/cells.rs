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

/// `text` cut to `width` cells so that it reads apart from `other`, which
/// begins the same way: when cutting the end would leave the two alike
/// ("Under the SLA, within ho…" twice), the shared beginning gives way to
/// `…` and the text shows from just before where they differ ("…many
/// hours are common…").
pub fn cut_apart(text: &str, other: &str, width: usize) -> String {
    let plain = cut(text, width);
    if plain != cut(other, width) || text == other || text.is_empty() || width < 2 {
        return plain;
    }
    let graphemes: Vec<&str> = text.graphemes(true).collect();
    let differ = graphemes.iter().zip(other.graphemes(true)).take_while(|(a, b)| *a == b).count();
    // Back to the start of the word that differs (after a space), as long
    // as the difference still shows; else (Chinese has no spaces) two
    // graphemes before it.
    let shows = |from: usize| graphemes[from..=differ.min(graphemes.len() - 1)].concat().width() < width;
    let mut from = differ;
    while from > 0 && graphemes[from - 1] != " " {
        from -= 1;
    }
    if !shows(from) {
        from = (differ.saturating_sub(2)..=differ).find(|&f| shows(f)).unwrap_or(differ);
    }
    let rest: String = graphemes[from..].concat();
    format!("…{}", cut(&rest, width.saturating_sub(1)))
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
    fn texts_alike_at_the_start_are_cut_apart() {
        let a = "Under the SLA, within how many minutes does the vendor respond?";
        let b = "Under the SLA, within how many hours are common faults resolved?";
        assert_eq!(cut_apart(a, b, 24), "…minutes does the vendo…");
        assert_eq!(cut_apart(b, a, 24), "…hours are common fault…");
        // Different within the width, or short enough: cut as usual.
        assert_eq!(cut_apart("Licence number", "Licence expiry", 24), "Licence number");
        assert_eq!(cut_apart(a, "Something else entirely", 10), cut(a, 10));
        // Chinese without spaces: from just before the difference.
        let c = "SLA 承诺故障发生后多少分钟内响应？";
        let d = "SLA 承诺故障发生后多少小时内解决？";
        let shown = cut_apart(c, d, 12);
        assert!(shown.starts_with('…') && shown.contains('分'), "{shown}");
        assert!(shown.width() <= 12);
        // Never a panic at the edges.
        for w in 0..4 {
            assert!(cut_apart("", "abc", w).width() <= w.max(1));
            assert!(cut_apart("ab", "abc", w).width() <= w.max(1));
        }
    }

    #[test]
    fn cuts_and_fits_by_cells() {
        assert_eq!(cut("云联科技", 5), "云联…");
        assert_eq!(cut("云联科技有限公司", 7), "云联科…");
        assert_eq!(fit("云", 4), "云  ");
        assert_eq!(fit_right("7", 3), "  7");
        assert_eq!(cut("abc", 0), "");
    }
}
