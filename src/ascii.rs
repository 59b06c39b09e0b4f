//! Terminals without UTF-8: deciding when to draw ASCII only, and turning
//! text into ASCII without moving anything on screen.
//!
//! Everything here is a pure function of its inputs (the caller reads the
//! environment and the config). The conversion keeps display width: a run
//! of non-ASCII characters `w` cells wide becomes exactly `w` ASCII
//! characters (marks and box drawing by [`symbol`], other text
//! transliterated with deunicode, cut or padded to fit), so tables and
//! screens laid out for the original text stay aligned.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the environment says about ASCII mode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AsciiEnv {
    /// `$CCVET_ASCII`: `1` forces ASCII, `0` forces UTF-8; unset or other
    /// values leave the choice to the config and the locale.
    pub forced: Option<bool>,
    /// The locale's character set is known not to be UTF-8.
    pub non_utf8_locale: bool,
}

impl AsciiEnv {
    /// From the values of `CCVET_ASCII`, `LC_ALL`, `LC_CTYPE` and `LANG`.
    pub fn from_values(
        ccvet_ascii: Option<&str>,
        lc_all: Option<&str>,
        lc_ctype: Option<&str>,
        lang: Option<&str>,
    ) -> AsciiEnv {
        let forced = match ccvet_ascii.map(str::trim) {
            Some("1" | "true" | "yes") => Some(true),
            Some("0" | "false" | "no") => Some(false),
            _ => None,
        };
        AsciiEnv { forced, non_utf8_locale: !locale_is_utf8(lc_all, lc_ctype, lang) }
    }

    /// Whether to draw ASCII only: `$CCVET_ASCII`, else `ascii` in the
    /// config, else the locale.
    pub fn ascii(self, config: Option<bool>) -> bool {
        self.forced.or(config).unwrap_or(self.non_utf8_locale)
    }
}

/// POSIX resolution of the character-type locale: the first set and
/// non-empty of `LC_ALL`, `LC_CTYPE`, `LANG`; none means the "C" locale.
/// UTF-8 when its codeset (after `.`, before `@`) says so.
pub fn locale_is_utf8(lc_all: Option<&str>, lc_ctype: Option<&str>, lang: Option<&str>) -> bool {
    let locale = [lc_all, lc_ctype, lang].into_iter().flatten().find(|v| !v.is_empty()).unwrap_or("C");
    let Some((_, rest)) = locale.split_once('.') else { return false };
    let codeset = rest.split('@').next().unwrap_or("");
    let norm: String = codeset.chars().filter(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
    norm == "utf8"
}

/// The ASCII stand-in for a mark or a line-drawing character, one cell wide.
pub fn symbol(c: char) -> Option<char> {
    Some(match c {
        '✓' | '✔' => 'v',
        '✗' | '✘' | '×' => 'x',
        '–' | '—' | '·' | '•' | '░' | '−' => '-',
        '▶' | '▸' | '►' | '→' => '>',
        '◀' | '←' => '<',
        '↑' => '^',
        '↓' => 'v',
        '█' | '▇' | '■' => '#',
        '▒' | '▓' => '=',
        '●' | '◉' => '*',
        '○' => 'o',
        '…' => '.',
        '~' => '~',
        '‘' | '’' => '\'',
        '“' | '”' => '"',
        '│' | '┃' | '║' | '╎' | '┆' => '|',
        '─' | '━' | '═' | '╌' | '┄' => '-',
        '┌' | '┐' | '└' | '┘' | '├' | '┤' | '┬' | '┴' | '┼' | '╭' | '╮' | '╯' | '╰' | '╔' | '╗' | '╚' | '╝' | '┏'
        | '┓' | '┗' | '┛' => '+',
        _ => return None,
    })
}

/// Plain printable ASCII (what any terminal shows as-is).
pub fn is_plain(c: char) -> bool {
    matches!(c, ' '..='~')
}

/// `run` (characters that are not plain ASCII) as exactly `width` ASCII
/// characters.
pub fn fit_run(run: &str, width: usize) -> String {
    let mut text = String::new();
    for c in run.chars() {
        if let Some(s) = symbol(c) {
            text.push(s);
            continue;
        }
        let t = deunicode::deunicode_char(c).unwrap_or("");
        let t: String = t.chars().filter(|&c| is_plain(c)).collect();
        if t.is_empty() {
            // Nothing sensible (an emoji, a private-use character): a `?`
            // per cell.
            text.extend(std::iter::repeat_n('?', c.width().unwrap_or(0)));
        } else {
            text.push_str(&t);
        }
    }
    let text = text.trim_end();
    let mut out: String = text.chars().take(width).collect();
    let short = width.saturating_sub(out.chars().count());
    out.extend(std::iter::repeat_n(' ', short));
    out
}

/// `text` with every run of non-ASCII characters turned into ASCII of the
/// same display width; line breaks and tabs kept. For the CLI's text output.
pub fn to_ascii(text: &str) -> String {
    if text.chars().all(|c| is_plain(c) || c == '\n' || c == '\t') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut run = String::new();
    // A run's width is measured whole, as the terminal lays it out: an
    // emoji with a skin-tone modifier is two cells, not one plus two.
    let flush = |out: &mut String, run: &mut String| {
        if !run.is_empty() {
            out.push_str(&fit_run(run, run.as_str().width()));
            run.clear();
        }
    };
    for c in text.chars() {
        if is_plain(c) || c == '\n' || c == '\t' {
            flush(&mut out, &mut run);
            out.push(c);
        } else if let Some(s) = symbol(c).filter(|_| c.width() == Some(1)) {
            // A mark or a line keeps its own place: runs of text end there.
            flush(&mut out, &mut run);
            out.push(s);
        } else if c.is_control() {
            // Already made visible upstream; never pass one through.
            flush(&mut out, &mut run);
            out.push('?');
        } else {
            run.push(c);
        }
    }
    flush(&mut out, &mut run);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_locale_decides_utf8_as_posix_resolves_it() {
        assert!(locale_is_utf8(None, None, Some("en_US.UTF-8")));
        assert!(locale_is_utf8(None, None, Some("C.utf8")));
        assert!(locale_is_utf8(None, Some("zh_CN.UTF-8"), Some("C")));
        assert!(locale_is_utf8(Some("de_DE.utf-8@euro"), Some("C"), None));
        assert!(!locale_is_utf8(Some("C"), Some("en_US.UTF-8"), None), "LC_ALL wins");
        assert!(!locale_is_utf8(None, None, Some("C")));
        assert!(!locale_is_utf8(None, None, Some("POSIX")));
        assert!(!locale_is_utf8(None, None, Some("en_US.ISO-8859-1")));
        assert!(!locale_is_utf8(None, None, Some("zh_CN.GB18030")));
        assert!(!locale_is_utf8(None, None, Some("en_US")), "no codeset: the traditional 8-bit one");
        assert!(!locale_is_utf8(None, None, None), "nothing set: the C locale");
        assert!(locale_is_utf8(Some(""), None, Some("en_GB.UTF-8")), "an empty variable counts as unset");
    }

    #[test]
    fn ccvet_ascii_then_the_config_then_the_locale() {
        let latin1 = AsciiEnv::from_values(None, None, None, Some("en_US.ISO-8859-1"));
        let utf8 = AsciiEnv::from_values(None, None, None, Some("en_US.UTF-8"));
        assert!(latin1.ascii(None));
        assert!(!utf8.ascii(None));
        assert!(utf8.ascii(Some(true)));
        assert!(!latin1.ascii(Some(false)));
        assert!(AsciiEnv::from_values(Some("1"), None, None, Some("C.UTF-8")).ascii(Some(false)));
        assert!(!AsciiEnv::from_values(Some("0"), None, None, Some("C")).ascii(Some(true)));
        assert!(!AsciiEnv::from_values(Some("maybe"), None, None, Some("C.UTF-8")).ascii(None));
        assert!(!AsciiEnv::default().ascii(None), "the default is UTF-8");
    }

    #[test]
    fn marks_lines_and_text_become_ascii_of_the_same_width() {
        assert_eq!(to_ascii("✓ done ✗ failed – n/a"), "v done x failed - n/a");
        assert_eq!(to_ascii("┌──┐\n│ok│\n└──┘"), "+--+\n|ok|\n+--+");
        assert_eq!(to_ascii("██▒░░"), "##=--");
        assert_eq!(to_ascii("Société Générale"), "Societe Generale");
        // Eight cells of Chinese: eight ASCII characters of its pinyin.
        assert_eq!(to_ascii("云联科技 Yunlian"), "Yun Lian Yunlian");
        assert_eq!(to_ascii("名称|x"), "Ming|x");
        assert_eq!(to_ascii("a\u{1b}b"), "a?b");
        // A line between two texts stays where it was.
        assert_eq!(to_ascii("服务商持有│许可证"), "Fu Wu Shan|Xu Ke ");
        // An emoji with a skin-tone modifier takes the cells it takes as a
        // whole (found by the property below).
        assert_eq!(to_ascii("🕴🏻").width(), "🕴🏻".width());
    }

    proptest! {
        #[test]
        fn output_is_ascii_and_as_wide_as_the_input(text in "\\PC{0,40}") {
            let out = to_ascii(&text);
            prop_assert!(out.bytes().all(|b| (0x20..=0x7e).contains(&b) || b == b'\n' || b == b'\t'), "{out:?}");
            for (a, b) in text.split('\n').zip(out.split('\n')) {
                prop_assert_eq!(a.width(), b.width(), "{:?} -> {:?}", a, b);
            }
        }
    }
}
