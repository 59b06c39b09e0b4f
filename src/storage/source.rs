//! Positions in files and the diagnostics that point at them.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::Span;
use crate::domain::text::Lang;
use crate::domain::validate::{Problem, Severity};
use crate::i18n::{errors, relocalise};
use crate::safe_text::visible;

/// A 1-based line and column; the column counts characters, not bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub col: usize,
}

impl Position {
    /// The position of byte `offset` in `text` (clamped to the text, and to
    /// a character boundary, so a bad span can never panic).
    pub fn of(text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
        // A byte-order mark is invisible in an editor: do not count it.
        let col_text = before[line_start..].trim_start_matches('\u{feff}');
        Position { line, col: col_text.chars().count() + 1 }
    }
}

/// A problem found in a file: `path:line:col: message`.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub path: PathBuf,
    pub position: Option<Position>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn at(path: &Path, text: &str, span: &Span, severity: Severity, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_path_buf(),
            position: Some(Position::of(text, span.start)),
            severity,
            message: message.into(),
        }
    }

    pub fn from_problem(path: &Path, text: &str, problem: &Problem) -> Diagnostic {
        Diagnostic::at(path, text, &problem.span, problem.severity, problem.message.clone())
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: message` in `lang` (`Display` is the English). In
    /// Chinese a lead sentence says what kind of problem it is; the detail
    /// (a parser's or a check's own words) follows as it was written.
    pub fn in_lang(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let message = visible(&self.message);
        let text = match relocalise(&message, lang, &[errors::TOML_SYNTAX, errors::NOT_UTF8]) {
            Some(text) if self.severity == Severity::Error => text,
            _ => {
                let lead = if self.severity == Severity::Warning { errors::FILE_WARNING } else { errors::FILE_PROBLEM };
                lead.fill(lang, &[("detail", &message)])
            }
        };
        format!("{}{text}", self.place())
    }

    /// `path:line:col: ` or `path: `.
    fn place(&self) -> String {
        let path = self.path.display().to_string();
        let path = visible(&path);
        match self.position {
            Some(p) => format!("{path}:{}:{}: ", p.line, p.col),
            None => format!("{path}: "),
        }
    }
}

impl fmt::Display for Diagnostic {
    /// Always safe to print: the path and message have their control and
    /// bidirectional characters made visible.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.place())?;
        if self.severity == Severity::Warning {
            f.write_str("warning: ")?;
        }
        f.write_str(&visible(&self.message))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let text = "a = 1\nname = \"云联\" x\n";
        let offset = text.find('x').unwrap();
        assert_eq!(Position::of(text, offset), Position { line: 2, col: 13 });
        assert_eq!(Position::of(text, 0), Position { line: 1, col: 1 });
        // past the end and inside a character are clamped, never a panic
        assert_eq!(Position::of(text, 10_000).line, 3);
        let inside = text.find('云').unwrap() + 1;
        assert_eq!(Position::of(text, inside), Position { line: 2, col: 9 });
    }

    #[test]
    fn bom_is_not_a_column() {
        assert_eq!(Position::of("\u{feff}ab", 4), Position { line: 1, col: 2 });
    }
}
