//! Git as the team's engine (product brief §12): the workspace files that
//! tell git how to treat ccvet's files, the merge and diff drivers'
//! registration, and history read from the `git` command line.
//!
//! ccvet runs the `git` program rather than linking a git library: `git`
//! is present wherever a workspace is a git repository (the team uses it
//! to clone, pull and push), it reads the user's own configuration,
//! credentials and hooks exactly as their other git commands do, and it
//! adds nothing to ccvet's size or build. Its plumbing output
//! (`--format`, `-z`, `config --get`) is a stable interface.

pub mod changes;
pub mod files;
pub mod history;
pub mod setup;

use std::path::{Path, PathBuf};
use std::process::Command;

/// What went wrong running git, as one sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// `git` is not installed (or not on PATH).
    NoGit,
    /// The workspace is not inside a git repository.
    NotARepo(PathBuf),
    /// git ran and refused; its first line of complaint.
    Failed(String),
}

impl GitError {
    /// The sentence in `lang` (`Display` is the English); git's own words
    /// stay as git wrote them.
    pub fn message(&self, lang: crate::domain::text::Lang) -> String {
        use crate::i18n::cli as msg;
        match self {
            GitError::NoGit => msg::GIT_NOT_INSTALLED.text(lang).to_string(),
            GitError::NotARepo(p) => {
                msg::GIT_NOT_A_REPO.fill(lang, &[("path", &crate::safe_text::visible(&p.display().to_string()))])
            }
            GitError::Failed(m) => format!("git: {}", crate::safe_text::visible(m)),
        }
    }
}

impl std::fmt::Display for GitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(crate::domain::text::Lang::En))
    }
}

/// Runs `git -C dir ARGS` and returns its standard output; git's own
/// configuration and environment apply, but never a pager or a prompt.
pub fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound { GitError::NoGit } else { GitError::Failed(e.to_string()) }
        })?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        let line = err.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed").trim();
        let line = line.strip_prefix("fatal: ").unwrap_or(line);
        Err(GitError::Failed(line.to_string()))
    }
}

/// The top folder of the git repository holding `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    if !dir.is_dir() {
        return Err(GitError::NotARepo(dir.to_path_buf()));
    }
    match git(dir, &["rev-parse", "--show-toplevel"]) {
        Ok(out) => Ok(PathBuf::from(String::from_utf8_lossy(&out).trim_end_matches(['\n', '\r']))),
        Err(GitError::Failed(_)) => Err(GitError::NotARepo(dir.to_path_buf())),
        Err(e) => Err(e),
    }
}

/// `path` relative to the repository's top folder, with `/` separators, as
/// git names files.
pub fn repo_path(top: &Path, path: &Path) -> Option<String> {
    let top = top.canonicalize().ok()?;
    let full = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.canonicalize().ok()?.join(path.file_name()?),
        _ => std::env::current_dir().ok()?.join(path),
    };
    let rel = full.strip_prefix(&top).ok()?;
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    Some(parts.join("/"))
}
