//! A small text buffer for the value and note editors: moves by grapheme,
//! measures by display width (CJK takes two cells), wraps to a width, and
//! says where the caret is on screen so the terminal cursor, and with it an
//! IME's candidate window, can sit exactly there.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextBuffer {
    text: String,
    /// Byte offset of the caret, always on a grapheme boundary.
    caret: usize,
    multiline: bool,
}

/// Longest text an editor accepts; a paste beyond it is cut there. Keeps a
/// stray paste of a whole document from making every key slow.
pub const MAX_TEXT: usize = 64 * 1024;

impl TextBuffer {
    pub fn new(text: &str, multiline: bool) -> TextBuffer {
        let mut b = TextBuffer { text: String::new(), caret: 0, multiline };
        b.insert(text);
        b
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn caret(&self) -> usize {
        self.caret
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    /// Inserts text at the caret. In a single-line buffer line breaks become
    /// spaces; tabs become spaces everywhere (a tab's width is the
    /// terminal's guess).
    pub fn insert(&mut self, s: &str) {
        let room = MAX_TEXT.saturating_sub(self.text.len());
        let mut clean = String::with_capacity(s.len().min(room));
        let s = s.replace("\r\n", "\n");
        for c in s.chars() {
            // Control and bidirectional characters never enter the buffer:
            // they would steer the terminal or garble the caret position.
            if crate::safe_text::is_hostile(c) && !matches!(c, '\t' | '\n' | '\r') {
                continue;
            }
            let c = match c {
                '\t' => ' ',
                '\n' | '\r' if !self.multiline => ' ',
                '\r' => '\n',
                _ => c,
            };
            if clean.len() + c.len_utf8() > room {
                break;
            }
            clean.push(c);
        }
        self.text.insert_str(self.caret, &clean);
        self.caret += clean.len();
    }

    fn prev_boundary(&self) -> usize {
        self.text[..self.caret].grapheme_indices(true).next_back().map_or(0, |(i, _)| i)
    }

    fn next_boundary(&self) -> usize {
        self.text[self.caret..].graphemes(true).next().map_or(self.caret, |g| self.caret + g.len())
    }

    pub fn backspace(&mut self) {
        let start = self.prev_boundary();
        self.text.replace_range(start..self.caret, "");
        self.caret = start;
    }

    pub fn delete(&mut self) {
        let end = self.next_boundary();
        self.text.replace_range(self.caret..end, "");
    }

    pub fn left(&mut self) {
        self.caret = self.prev_boundary();
    }

    pub fn right(&mut self) {
        self.caret = self.next_boundary();
    }

    fn line_start(&self) -> usize {
        self.text[..self.caret].rfind('\n').map_or(0, |i| i + 1)
    }

    fn line_end(&self) -> usize {
        self.text[self.caret..].find('\n').map_or(self.text.len(), |i| self.caret + i)
    }

    pub fn home(&mut self) {
        self.caret = self.line_start();
    }

    pub fn end(&mut self) {
        self.caret = self.line_end();
    }

    /// Moves to the same display column of the previous logical line.
    pub fn up(&mut self) {
        let start = self.line_start();
        if start == 0 {
            self.caret = 0;
            return;
        }
        let col = self.text[start..self.caret].width();
        let prev_start = self.text[..start - 1].rfind('\n').map_or(0, |i| i + 1);
        self.caret = at_column(&self.text, prev_start, start - 1, col);
    }

    pub fn down(&mut self) {
        let end = self.line_end();
        if end == self.text.len() {
            self.caret = end;
            return;
        }
        let col = self.text[self.line_start()..self.caret].width();
        let next_end = self.text[end + 1..].find('\n').map_or(self.text.len(), |i| end + 1 + i);
        self.caret = at_column(&self.text, end + 1, next_end, col);
    }

    /// The text wrapped to `width` cells: each line with the byte range it
    /// shows. Wrapping is by grapheme and display width, so a CJK character
    /// never straddles the edge.
    pub fn wrap(&self, width: u16) -> Vec<(usize, usize)> {
        wrap_ranges(&self.text, width)
    }

    /// The caret's (row, column) in cells within the text wrapped to
    /// `width`.
    pub fn caret_position(&self, width: u16) -> (u16, u16) {
        let lines = self.wrap(width);
        for (row, &(start, end)) in lines.iter().enumerate() {
            // At a soft wrap the caret starts the next line; at a line break
            // it ends this one.
            let soft_wrap_here = lines.get(row + 1).is_some_and(|next| next.0 == end);
            if start <= self.caret && (self.caret < end || (self.caret == end && !soft_wrap_here)) {
                let col = self.text[start..self.caret].width();
                return (clamp16(row), clamp16(col));
            }
        }
        (clamp16(lines.len().saturating_sub(1)), 0)
    }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}

/// The byte offset in `text[start..end]` closest to display column `col`.
fn at_column(text: &str, start: usize, end: usize, col: usize) -> usize {
    let mut width = 0;
    for (i, g) in text[start..end].grapheme_indices(true) {
        let w = g.width();
        if width + w > col {
            return start + i;
        }
        width += w;
    }
    end
}

/// Closing punctuation, which never starts a line (kinsoku): Chinese and
/// full-width marks, and the ASCII ones that close or end a phrase.
pub fn is_closing(g: &str) -> bool {
    let mut chars = g.chars();
    let Some(c) = chars.next() else { return false };
    chars.all(|m| unicode_width::UnicodeWidthChar::width(m) == Some(0))
        && matches!(
            c,
            '。' | '，'
                | '、'
                | '：'
                | '；'
                | '！'
                | '？'
                | '）'
                | '」'
                | '』'
                | '】'
                | '》'
                | '〉'
                | '〕'
                | '〗'
                | '〙'
                | '〛'
                | '］'
                | '｝'
                | '＞'
                | '％'
                | '．'
                | '”'
                | '’'
                | '…'
                | '‥'
                | '・'
                | '～'
                | ')'
                | ']'
                | '}'
                | ','
                | '.'
                | ':'
                | ';'
                | '!'
                | '?'
                | '%'
        )
}

/// Opening punctuation, which never ends a line.
pub fn is_opening(g: &str) -> bool {
    matches!(
        g,
        "（" | "「"
            | "『"
            | "【"
            | "《"
            | "〈"
            | "〔"
            | "〖"
            | "〘"
            | "〚"
            | "［"
            | "｛"
            | "＜"
            | "“"
            | "‘"
            | "("
            | "["
            | "{"
    )
}

/// Whether a line may break between `before` and `after` as far as
/// punctuation goes.
fn may_break(before: Option<&str>, after: Option<&str>) -> bool {
    !before.is_some_and(is_opening) && !after.is_some_and(is_closing)
}

/// Where to cut a line that has no break opportunity before grapheme `n`
/// (which does not fit): right before it, unless it is closing
/// punctuation or follows opening punctuation; then before the character
/// the marks hold on to (as long as the line keeps something).
fn forced_cut(gs: &[(usize, &str)], n: usize, start: usize) -> usize {
    let bad = |k: usize| is_closing(gs[k].1) || (k > 0 && is_opening(gs[k - 1].1));
    let mut k = n;
    while bad(k) && k > 0 && gs[k - 1].0 > start {
        k -= 1;
    }
    if bad(k) { gs[n].0 } else { gs[k].0 }
}

/// Wraps `text` to `width` cells: (start, end) byte ranges, one per
/// screen line, without the line breaks themselves. Lines break after a
/// space or next to a wide (CJK) character, and mid-word only when a word
/// is longer than the line; a character never straddles the edge. Closing
/// punctuation (`。，、：）」` ...) never starts a line and opening
/// punctuation (`（「《` ...) never ends one: the character before moves
/// down with it (kinsoku).
pub fn wrap_ranges(text: &str, width: u16) -> Vec<(usize, usize)> {
    let width = usize::from(width.max(1));
    let mut lines = Vec::new();
    let mut offset = 0;
    for logical in text.split('\n') {
        let gs: Vec<(usize, &str)> = logical.grapheme_indices(true).collect();
        let mut start = 0;
        let mut used = 0;
        // The last place this line may break: (byte index, width before it).
        let mut brk: Option<(usize, usize)> = None;
        for (n, &(i, g)) in gs.iter().enumerate() {
            let w = g.width();
            let before = n.checked_sub(1).map(|p| gs[p].1);
            if w > 1 && may_break(before, Some(g)) {
                brk = Some((i, used));
            }
            if used + w > width && used > 0 {
                match brk.filter(|&(b, _)| b > start) {
                    Some((b, before)) => {
                        lines.push((offset + start, offset + b));
                        start = b;
                        used -= before;
                    }
                    None => {
                        let cut = forced_cut(&gs, n, start);
                        lines.push((offset + start, offset + cut));
                        used = logical[cut..i].width();
                        start = cut;
                    }
                }
                brk = None;
                if used + w > width && used > 0 {
                    let cut = forced_cut(&gs, n, start);
                    lines.push((offset + start, offset + cut));
                    used = logical[cut..i].width();
                    start = cut;
                }
            }
            used += w;
            let after = gs.get(n + 1).map(|x| x.1);
            if (w > 1 || g.chars().all(char::is_whitespace)) && may_break(Some(g), after) {
                brk = Some((i + g.len(), used));
            }
        }
        lines.push((offset + start, offset + logical.len()));
        offset += logical.len() + 1;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_and_deletes_by_grapheme() {
        let mut b = TextBuffer::new("a云e\u{301}", false);
        b.backspace(); // e + combining accent goes as one
        assert_eq!(b.text(), "a云");
        b.left();
        b.insert("联");
        assert_eq!(b.text(), "a联云");
        b.home();
        b.delete();
        assert_eq!(b.text(), "联云");
        b.end();
        b.right();
        assert_eq!(b.caret(), b.text().len());
    }

    #[test]
    fn single_line_turns_breaks_into_spaces() {
        let b = TextBuffer::new("a\r\nb\tc", false);
        assert_eq!(b.text(), "a b c");
        let m = TextBuffer::new("a\r\nb", true);
        assert_eq!(m.text(), "a\nb");
    }

    #[test]
    fn wraps_cjk_by_cells_and_places_the_caret() {
        let b = TextBuffer::new("云联科技有限公司", true);
        // 16 cells in lines of 5: two characters (4 cells) a line
        let lines = b.wrap(5);
        assert_eq!(lines.len(), 4);
        assert_eq!(&b.text()[lines[0].0..lines[0].1], "云联");
        assert_eq!(b.caret_position(5), (3, 4));
        let mut b = TextBuffer::new("ab\ncd", true);
        assert_eq!(b.caret_position(10), (1, 2));
        b.up();
        assert_eq!(b.caret_position(10), (0, 2));
        b.home();
        assert_eq!(b.caret_position(10), (0, 0));
        b.down();
        assert_eq!(b.caret(), 3);
    }

    #[test]
    fn caret_at_a_wrap_point_starts_the_next_line() {
        let b = TextBuffer::new("abcdef", true);
        // width 3: "abc" / "def"; caret at the end of "def"
        assert_eq!(b.caret_position(3), (1, 3));
        let mut b = TextBuffer::new("abcdef", true);
        for _ in 0..3 {
            b.left();
        }
        assert_eq!(b.caret_position(3), (1, 0));
    }

    #[test]
    fn wraps_at_spaces_and_between_cjk_characters() {
        let text = "the licence scope must cover every region 许可范围必须覆盖业务地区";
        let lines: Vec<&str> = wrap_ranges(text, 12).into_iter().map(|(a, b)| &text[a..b]).collect();
        assert_eq!(lines, ["the licence ", "scope must ", "cover every ", "region 许可", "范围必须覆盖", "业务地区"]);
        let long: Vec<(usize, usize)> = wrap_ranges("abcdefghij", 4);
        assert_eq!(long, [(0, 4), (4, 8), (8, 10)]);
        for (a, b) in wrap_ranges(text, 7) {
            assert!(text[a..b].width() <= 7, "{:?}", &text[a..b]);
        }
    }

    /// Every line of `text` wrapped to `width`, as text.
    fn lines(text: &str, width: u16) -> Vec<&str> {
        wrap_ranges(text, width).into_iter().map(|(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        let sentences = [
            "服务商是否具备有效的《增值电信业务经营许可证》（呼叫中心业务）？请核对：许可范围、有效期、发证机关。",
            "以书面 SLA 为准，不采信口头承诺；30分钟内响应为满分。同时确认夜间和节假日是否执行同样标准！",
            "地网证只能在发证省份内经营。按许可证上的“业务覆盖范围”逐一记录省份，并与我方的呼入呼出地区对照；跨省业务需要每个相关省份的许可或一张全网证。",
            "证书编号 B2-20240001（京），已年检、已公示：无异常。",
        ];
        for text in sentences {
            for width in 1..=40 {
                let got = lines(text, width);
                assert_eq!(got.concat(), text, "nothing lost at {width}");
                for line in &got {
                    assert!(line.width() <= usize::from(width.max(2)), "{line:?} wider than {width}");
                }
                // Below 8 cells "（京），" cannot share a line: the rule
                // gives way.
                if width < 8 {
                    continue;
                }
                for (n, line) in got.iter().enumerate() {
                    let first = line.graphemes(true).next().unwrap_or("");
                    assert!(n == 0 || !is_closing(first), "width {width}: line {n} starts with {first:?}: {got:?}");
                    let last = line.trim_end().graphemes(true).next_back().unwrap_or("");
                    assert!(
                        n + 1 == got.len() || !is_opening(last),
                        "width {width}: line {n} ends with {last:?}: {got:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_character_before_a_closing_mark_moves_down_with_it() {
        // 10 cells: "、" and "。" would start lines; 围 and 期 go with them.
        assert_eq!(lines("核对许可范围、有效期。", 10), ["核对许可范", "围、有效", "期。"]);
        assert_eq!(lines("请提供（原件）", 8), ["请提供", "（原件）"]);
        // ASCII punctuation after CJK stays with it too.
        assert_eq!(lines("许可范围)", 8), ["许可范", "围)"]);
    }

    #[test]
    fn huge_pastes_are_cut() {
        let b = TextBuffer::new(&"x".repeat(MAX_TEXT * 2), true);
        assert_eq!(b.text().len(), MAX_TEXT);
    }
}
