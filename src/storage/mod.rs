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

use crate::domain::validate::Severity;
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

    #[error("{}: {}", shown(path), visible(message))]
    Refused { path: PathBuf, message: String },

    #[error("{}", visible(.0))]
    NotFound(String),
}

impl Error {
    pub fn io(path: &Path, source: io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), source }
    }

    pub fn refused(path: &Path, message: impl Into<String>) -> Error {
        Error::Refused { path: path.to_path_buf(), message: message.into() }
    }
}

fn shown(path: &Path) -> String {
    visible(&path.display().to_string()).into_owned()
}

fn join(diagnostics: &[Diagnostic]) -> String {
    diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .chain(diagnostics.iter().filter(|d| d.severity == Severity::Warning))
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// An I/O error as a plain sentence, without Rust's "(os error 28)".
pub fn io_sentence(error: &io::Error) -> String {
    use io::ErrorKind as K;
    let text = match error.kind() {
        K::NotFound => "no such file or folder".to_string(),
        K::PermissionDenied => "permission denied".to_string(),
        K::StorageFull => "the disk is full".to_string(),
        K::ReadOnlyFilesystem => "the file system is read-only".to_string(),
        K::AlreadyExists => "it already exists".to_string(),
        _ => {
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
        return Err(Error::refused(path, "this is a folder, not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(Error::refused(
            path,
            format!("the file is {} bytes; ccvet reads files of at most {MAX_FILE_BYTES}", meta.len()),
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
                message: "the file is not valid UTF-8 text".to_string(),
            }],
        }
    })
}
