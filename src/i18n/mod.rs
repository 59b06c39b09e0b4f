//! Every user-visible message, in English and Chinese, in one place.
//!
//! A typed table rather than Fluent (`fluent-bundle`, `i18n-embed`) or
//! `rust-i18n`: each message is a `const` named at compile time, so a
//! typo in a name is a build error, not a missing string at run time;
//! nothing is parsed or looked up when ccvet starts (start-up time is
//! benchmarked, see BENCHMARKS.md); and `text` is a field read. What we
//! give up is plural rules and gender, which neither of our two languages
//! needs for these sentences.
//!
//! The table is split by area, one file each, and every entry holds both
//! languages side by side, so a message cannot gain one language and
//! forget the other, and a reviewer sees the pair together:
//!
//! - `tui`: the interview app's screens (`src/ui`);
//! - `status`: the app's status line and prompts (`src/app`);
//! - `cli`: the command line's text and its errors (`src/cli`);
//! - `report`: reports, `score`, `compare`, lists (`src/cli/report`, tables);
//! - `xlsx`: the Excel form, workbook and import (`src/cli/xlsx`);
//! - `domain`: answers typed in, presentation words (`src/domain`);
//! - `errors`: file and storage errors (`src/storage`);
//! - `keys`: what each key does (`src/app/keymap.rs`).
//!
//! Adding a message is one entry in one file:
//!
//! ```text
//! UNKNOWN_VENDOR {
//!     en: "no vendor with slug or name `{wanted}` in {dir}",
//!     zh: "{dir} 中没有简称或名称为 `{wanted}` 的服务商",
//! }
//! ```
//!
//! and using it is `errors::UNKNOWN_VENDOR.fill(lang, &[("wanted", &name), ("dir", &dir)])`
//! (or `.text(lang)` when it has no placeholder); where the language is not
//! known yet (storage), `Text::new(msg, args)` keeps the values and is put
//! in words later with `get(lang)`. A text that is meant to
//! read the same in Chinese (the ASCII-mode notice) says so with `same`
//! after its `zh`; the completeness test (`tests.rs`) checks the rest, and
//! fails on an en/zh pair written inline anywhere else in `src/`.

use std::fmt::{Display, Write};

use crate::domain::text::Lang;

/// One message: its name, and its text in each language. Placeholders are
/// `{name}`; every other brace is text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Msg {
    pub id: &'static str,
    pub en: &'static str,
    pub zh: &'static str,
    /// The Chinese text is meant to have no Chinese in it (e.g. "ID").
    pub same: bool,
}

impl Msg {
    /// The text in `lang`, placeholders as they are.
    pub const fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }

    /// The text in `lang` with each `{name}` replaced by its value; a
    /// placeholder without a value stays as it is written.
    pub fn fill(self, lang: Lang, args: &[(&str, &dyn Display)]) -> String {
        fill(self.text(lang), args)
    }
}

/// A message with its values, to be put in words later, in whichever
/// language the reader has (errors made where the language is not known,
/// such as in storage). Shown with `Display` it reads in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    msg: Option<Msg>,
    args: Vec<(&'static str, String)>,
}

impl Text {
    pub fn new(msg: Msg, args: &[(&'static str, &dyn Display)]) -> Text {
        Text { msg: Some(msg), args: args.iter().map(|(n, v)| (*n, v.to_string())).collect() }
    }

    /// The text in `lang`. A text that came in as a plain string (not from
    /// the catalogue) reads the same in both.
    pub fn get(&self, lang: Lang) -> String {
        let args: Vec<(&str, &dyn Display)> = self.args.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
        match self.msg {
            Some(m) => m.fill(lang, &args),
            None => self.args.first().map(|(_, v)| v.clone()).unwrap_or_default(),
        }
    }
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.get(Lang::En))
    }
}

/// Text made outside the catalogue (a library's own words): as it is.
impl From<String> for Text {
    fn from(text: String) -> Text {
        Text { msg: None, args: vec![("", text)] }
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text::from(text.to_string())
    }
}

/// Replaces `{name}` in `template` with the named values.
pub fn fill(template: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        let name = &after[..name_len];
        match (after[name_len..].starts_with('}'), args.iter().find(|(n, _)| *n == name)) {
            (true, Some((_, value))) if !name.is_empty() => {
                let _ = write!(out, "{value}");
                rest = &after[name_len + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Puts an English text that was made from one of `known` into `lang`:
/// for errors that travel as English strings from where the reader's
/// language is not known (a file's diagnostics). `None` when the text was
/// made from none of them.
pub fn relocalise(text: &str, lang: Lang, known: &[Msg]) -> Option<String> {
    known.iter().find_map(|m| {
        let values = capture(m.en, text)?;
        let args: Vec<(&str, &dyn Display)> = values.iter().map(|(n, v)| (*n, v as &dyn Display)).collect();
        Some(m.fill(lang, &args))
    })
}

/// The values of `template`'s placeholders in `text`, if `text` has its shape.
fn capture<'a, 't>(template: &'a str, text: &'t str) -> Option<Vec<(&'a str, &'t str)>> {
    // literal, then (name, literal) pairs
    let mut pieces: Vec<(&str, &str)> = Vec::new();
    let mut first = "";
    let mut rest = template;
    let mut name = None;
    loop {
        let next = placeholders(rest).into_iter().next().and_then(|n| rest.find(&format!("{{{n}}}")).map(|i| (n, i)));
        let (lit, after) = match next {
            Some((n, i)) => (&rest[..i], Some((n, &rest[i + n.len() + 2..]))),
            None => (rest, None),
        };
        match name {
            None => first = lit,
            Some(n) => pieces.push((n, lit)),
        }
        match after {
            Some((n, r)) => {
                name = Some(n);
                rest = r;
            }
            None => break,
        }
    }
    let mut at = text.strip_prefix(first)?;
    let mut values = Vec::new();
    let count = pieces.len();
    for (i, (n, lit)) in pieces.into_iter().enumerate() {
        let end = if i + 1 == count {
            at.strip_suffix(lit)?.len()
        } else if lit.is_empty() {
            return None;
        } else {
            at.find(lit)?
        };
        values.push((n, &at[..end]));
        at = &at[end + lit.len()..];
    }
    (count > 0 || at.is_empty()).then_some(values)
}

/// The names of the `{name}` placeholders of a text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let len = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(after.len());
        if len > 0 && after[len..].starts_with('}') {
            names.push(&after[..len]);
        }
        rest = after;
    }
    names
}

/// Declares messages: `NAME { en: "…", zh: "…" }` (add `, same` when the
/// Chinese is meant to read as the English), and `ALL`, every message of
/// the file, for the completeness test.
macro_rules! messages {
    ($( $(#[$meta:meta])* $id:ident { en: $en:literal, zh: $zh:literal $(, $same:ident)? $(,)? } )*) => {
        use $crate::i18n::Msg;
        $(
            $(#[$meta])*
            pub const $id: Msg = Msg { id: stringify!($id), en: $en, zh: $zh, same: messages!(@same $($same)?) };
        )*
        /// Every message of this file.
        pub const ALL: &[Msg] = &[$($id),*];
    };
    (@same) => { false };
    (@same same) => { true };
}

pub mod cli;
pub mod domain;
pub mod errors;
pub mod keys;
pub mod report;
pub mod status;
pub mod tui;
pub mod xlsx;

/// Every message of every area.
pub fn all() -> impl Iterator<Item = (&'static str, Msg)> {
    [
        ("cli", cli::ALL),
        ("domain", domain::ALL),
        ("errors", errors::ALL),
        ("keys", keys::ALL),
        ("report", report::ALL),
        ("status", status::ALL),
        ("tui", tui::ALL),
        ("xlsx", xlsx::ALL),
    ]
    .into_iter()
    .flat_map(|(area, all)| all.iter().map(move |m| (area, *m)))
}

#[cfg(test)]
mod tests;
