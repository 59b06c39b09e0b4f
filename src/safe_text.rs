//! Making untrusted text safe to show.
//!
//! Vendor names, notes and file contents come from people and files, and a
//! terminal obeys escape sequences. Everything that leaves ccvet for a
//! terminal or a report passes through [`visible`], which shows control,
//! bidirectional and line-separator characters as visible text instead.

use std::borrow::Cow;
use std::fmt::Write;

/// True for characters that must never reach a terminal raw.
pub fn is_hostile(c: char) -> bool {
    c.is_control()            // C0, DEL and C1
        || matches!(c,
            '\u{200e}' | '\u{200f}'             // LRM, RLM
            | '\u{202a}'..='\u{202e}'           // LRE RLE PDF LRO RLO
            | '\u{2066}'..='\u{2069}'           // LRI RLI FSI PDI
            | '\u{2028}' | '\u{2029}'           // line / paragraph separator
            | '\u{061c}'                        // Arabic letter mark
            | '\u{feff}') // BOM / zero-width no-break space
}

/// `text` with every hostile character replaced by a visible stand-in:
/// `^[` for ESC and other C0 controls (as git and less do), `<U+XXXX>` for
/// the rest. Borrowed when nothing needed replacing.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_hostile) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`visible`], but keeps line breaks and tabs: for multi-line notes
/// printed one line after another.
pub fn visible_multiline(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_hostile(c) && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c == '\n' || c == '\t' {
            out.push(c);
        } else {
            push_visible(&mut out, c);
        }
    }
    Cow::Owned(out)
}

fn push_visible(out: &mut String, c: char) {
    if !is_hostile(c) {
        out.push(c);
    } else if (c as u32) < 0x20 {
        out.push('^');
        out.push(char::from(b'@' + c as u8));
    } else if c == '\u{7f}' {
        out.push_str("^?");
    } else {
        let _ = write!(out, "<U+{:04X}>", c as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_bidi() {
        assert_eq!(visible("a\x1b[31mb"), "a^[[31mb");
        assert_eq!(visible("x\u{202e}y"), "x<U+202E>y");
        assert_eq!(visible("nul\0"), "nul^@");
        assert_eq!(visible("del\x7f"), "del^?");
        assert_eq!(visible("c1\u{9b}"), "c1<U+009B>");
        assert_eq!(visible("ls\u{2028}"), "ls<U+2028>");
        assert_eq!(visible("line\nbreak"), "line^Jbreak");
        assert_eq!(visible_multiline("line\nbreak\x1b"), "line\nbreak^[");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        assert!(matches!(visible("云联科技 Yunlian"), Cow::Borrowed(_)));
    }
}
