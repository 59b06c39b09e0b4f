//! Storage: questionnaire and vendor files, the workspace, saving and
//! locking. Files only: nothing here draws or prints.

pub mod atomic;
pub mod config;
pub mod cycle;
pub mod evidence;
mod followup;
pub mod handover;
pub mod housekeeping;
pub mod identity;
pub mod layout;
pub mod lock;
pub mod merge;
pub mod perms;
pub mod policy;
pub mod questionnaire;
pub mod questionnaire_v2;
pub mod review;
pub mod source;
pub mod team;
pub mod toml_read;
mod toml_write;
pub mod vendor;
pub mod vendor_renames;
pub mod workspace;

use std::io;
use std::path::{Path, PathBuf};

use source::{Diagnostic, Position};

use crate::domain::text::Lang;
use crate::domain::validate::Severity;
use crate::i18n::{Text, errors};
use crate::safe_text::visible;

/// Files larger than this are refused rather than read: no real vendor or
/// questionnaire file comes near it, and reading one must never exhaust
/// memory.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {}", shown(path), io_sentence(source))]
    Io { path: PathBuf, source: io::Error },

    /// A file that does not parse or validate; every diagnostic, in order.
    #[error("{}", join(diagnostics))]
    Invalid { path: PathBuf, diagnostics: Vec<Diagnostic> },

    /// Someone else changed the same answer on disk since we read it. Their
    /// version stays in place; ours is kept beside it.
    #[error(
        "{}: `{}` was changed on disk by someone else since it was read; their answer is kept and yours was saved to {}",
        shown(path),
        visible(key),
        shown(mine)
    )]
    Conflict { path: PathBuf, key: String, mine: PathBuf },

    #[error("{}: {}", shown(path), visible(&message.to_string()))]
    Refused { path: PathBuf, message: Text },

    #[error("{}", visible(&.0.to_string()))]
    NotFound(Text),
}

impl Error {
    pub fn io(path: &Path, source: io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }

    pub fn refused(path: &Path, message: impl Into<Text>) -> Error {
        Error::Refused { path: path.to_path_buf(), message: message.into() }
    }

    /// The error in `lang` (`Display` is the English). Details that come
    /// from elsewhere (a parser, the system) stay in their own words.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        let at = |path: &Path, why: &str| errors::AT_PATH.fill(lang, &[("path", &shown(path)), ("why", &why)]);
        match self {
            Error::Io { path, source } => at(path, &io_sentence_in(source, lang)),
            Error::Invalid { diagnostics, .. } => {
                sorted(diagnostics).map(|d| d.in_lang(lang)).collect::<Vec<_>>().join("\n")
            }
            Error::Conflict { path, key, mine } => {
                errors::CONFLICT.fill(lang, &[("path", &shown(path)), ("key", &visible(key)), ("mine", &shown(mine))])
            }
            Error::Refused { path, message } => at(path, &visible(&message.get(lang))),
            Error::NotFound(text) => visible(&text.get(lang)).into_owned(),
        }
    }
}

fn shown(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

/// Errors first, then warnings.
fn sorted(diagnostics: &[Diagnostic]) -> impl Iterator<Item = &Diagnostic> {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .chain(diagnostics.iter().filter(|d| d.severity == Severity::Warning))
}

fn join(diagnostics: &[Diagnostic]) -> String {
    sorted(diagnostics).map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

/// An I/O error as a plain sentence, without Rust's "(os error 28)".
pub fn io_sentence(error: &io::Error) -> String {
    io_sentence_in(error, Lang::En)
}

/// An I/O error as a plain sentence in `lang` (the system's own words for
/// the rarer kinds).
pub fn io_sentence_in(error: &io::Error, lang: Lang) -> String {
    use io::ErrorKind as K;
    let known = match error.kind() {
        K::NotFound => Some(errors::IO_NOT_FOUND),
        K::PermissionDenied => Some(errors::IO_PERMISSION_DENIED),
        K::StorageFull => Some(errors::IO_DISK_FULL),
        K::ReadOnlyFilesystem => Some(errors::IO_READ_ONLY),
        K::AlreadyExists => Some(errors::IO_ALREADY_EXISTS),
        _ => None,
    };
    let text = match known {
        Some(m) => m.text(lang).to_string(),
        None => {
            let s = error.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    };
    visible(&text).into_owned()
}

/// Reads a whole file as UTF-8 text, refusing oversized files and pointing
/// at the first byte that is not UTF-8.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.is_dir() {
        return Err(Error::refused(path, Text::new(errors::A_FOLDER, &[])));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::refused(
            path,
            Text::new(errors::TOO_LARGE, &[("size", &meta.len()), ("max", &MAX_FILE_BYTES)]),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    text_of(path, bytes)
}

/// Reads a small TOML file into `T` with serde (the config, a review),
/// reporting a problem as `path:line:col: message`.
pub fn read_toml<T: serde::de::DeserializeOwned>(path: &Path) -> Result<T, Error> {
    let text = read_text(path)?;
    if let Some(at) = merge::conflict_marker(&text) {
        return Err(Error::Invalid {
            path: path.to_path_buf(),
            diagnostics: vec![Diagnostic::at(path, &text, &(at..at), Severity::Error, merge::marker_message())],
        });
    }
    toml::from_str(&text).map_err(|e| Error::Invalid {
        path: path.to_path_buf(),
        diagnostics: vec![Diagnostic::at(
            path,
            &text,
            &e.span().unwrap_or(0..0),
            Severity::Error,
            e.message().to_string(),
        )],
    })
}

/// Bytes to text, or a diagnostic at the first invalid byte.
pub fn text_of(path: &Path, bytes: Vec<u8>) -> Result<String, Error> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.into_bytes();
        let prefix = String::from_utf8_lossy(&bytes[..valid]);
        Error::Invalid {
            path: path.to_path_buf(),
            diagnostics: vec![Diagnostic {
                path: path.to_path_buf(),
                position: Some(Position::of(&prefix, prefix.len())),
                severity: Severity::Error,
                message: errors::NOT_UTF8.text(Lang::En).to_string(),
            }],
        }
    })
}
