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
//! - `errors`: file and storage errors (`src/storage`).
//!
//! Adding a message is one entry in one file:
//!
//! ```text
//! UNKNOWN_VENDOR {
//!     en: "no vendor with slug or name `{wanted}`",
//!     zh: "没有名为或简称为 `{wanted}` 的供应商",
//! }
//! ```
//!
//! and using it is `errors::UNKNOWN_VENDOR.fill(lang, &[("wanted", &name)])`
//! (or `.text(lang)` when it has no placeholder). A text that is meant to
//! read the same in Chinese (an abbreviation such as "ID") says so with
//! `same` after its `zh`; the completeness test (below) checks the rest.

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
