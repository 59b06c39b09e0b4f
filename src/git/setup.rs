//! `ccvet git-setup`: registers the `ccvet` merge and diff drivers in the
//! repository's own config (`.git/config`). Git never takes driver commands
//! from committed files, so every clone runs this once (`ccvet init` does it
//! when the workspace is already a repository).
//!
//! The commands name the running binary by its absolute path, not `ccvet`
//! on PATH: git runs drivers through the shell of whatever started the
//! merge (an IDE, a GUI client, a cron job), whose PATH often lacks
//! `~/.cargo/bin` or `~/.local/bin`; a driver that is not found makes every
//! merge of a vendor file fail. A path that goes stale (the binary moved)
//! is reported by [`git_setup_status`] (and `ccvet doctor`), and running
//! `ccvet git-setup` again fixes it.

use std::path::{Path, PathBuf};

use super::{GitError, git, toplevel};

pub const KEYS: [&str; 3] = ["merge.ccvet.name", "merge.ccvet.driver", "diff.ccvet.textconv"];

/// The config values `git-setup` writes for the binary `exe` and the
/// workspace at `workspace` (relative to the repository's top folder,
/// where git runs drivers).
pub fn values(exe: &Path, workspace_in_repo: &str) -> [String; 3] {
    let exe = shell_quote(&exe.display().to_string());
    let ws = shell_quote(if workspace_in_repo.is_empty() { "." } else { workspace_in_repo });
    [
        "ccvet: answer-by-answer merge of vendor and review files".to_string(),
        format!("{exe} --workspace {ws} merge-file %O %A %B %P"),
        format!("{exe} --workspace {ws} show"),
    ]
}

/// Registers the drivers for the repository holding `workspace`; returns
/// the repository's top folder.
pub fn git_setup(workspace: &Path, exe: &Path) -> Result<PathBuf, GitError> {
    let top = toplevel(workspace)?;
    let rel = match (workspace.canonicalize(), top.canonicalize()) {
        (Ok(ws), Ok(top)) => ws
            .strip_prefix(&top)
            .map(|r| r.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
            .unwrap_or_default(),
        _ => String::new(),
    };
    for (key, value) in KEYS.iter().zip(values(exe, &rel)) {
        git(workspace, &["config", "--local", key, &value])?;
    }
    Ok(top)
}

/// Whether a clone is set up for ccvet's drivers (for `ccvet doctor`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GitSetupStatus {
    /// The workspace is not in a git repository: nothing to set up.
    NotARepo,
    /// git is not installed.
    NoGit,
    /// These config keys are missing: run `ccvet git-setup`.
    Missing(Vec<&'static str>),
    /// The driver names a program that is not there (any more).
    Stale {
        program: String,
    },
    /// `.gitattributes` does not route vendor files to the drivers.
    NoAttributes,
    Ready,
}

impl GitSetupStatus {
    /// One sentence for a person, English or Chinese.
    pub fn sentence(&self, lang: crate::domain::text::Lang) -> String {
        use crate::i18n::cli as msg;
        match self {
            GitSetupStatus::NotARepo => msg::SETUP_NOT_A_REPO.text(lang).to_string(),
            GitSetupStatus::NoGit => msg::SETUP_NO_GIT.text(lang).to_string(),
            GitSetupStatus::Missing(keys) => msg::SETUP_MISSING.fill(lang, &[("keys", &keys.join(", "))]),
            GitSetupStatus::Stale { program } => {
                msg::SETUP_STALE.fill(lang, &[("program", &crate::safe_text::visible(program))])
            }
            GitSetupStatus::NoAttributes => msg::SETUP_NO_ATTRIBUTES.text(lang).to_string(),
            GitSetupStatus::Ready => msg::SETUP_READY.text(lang).to_string(),
        }
    }
}

/// Checks the clone holding `workspace` (see [`GitSetupStatus`]).
pub fn git_setup_status(workspace: &Path) -> GitSetupStatus {
    match toplevel(workspace) {
        Ok(_) => {}
        Err(GitError::NoGit) => return GitSetupStatus::NoGit,
        Err(_) => return GitSetupStatus::NotARepo,
    }
    let get = |key: &str| {
        git(workspace, &["config", "--get", key]).ok().map(|v| String::from_utf8_lossy(&v).trim_end().to_string())
    };
    let got: Vec<Option<String>> = KEYS.iter().map(|k| get(k)).collect();
    let missing: Vec<&'static str> = KEYS.iter().zip(&got).filter(|(_, v)| v.is_none()).map(|(k, _)| *k).collect();
    if !missing.is_empty() {
        return GitSetupStatus::Missing(missing);
    }
    if let Some(Some(driver)) = got.get(1) {
        let program = first_word(driver);
        if program.contains('/') && !Path::new(&program).is_file() {
            return GitSetupStatus::Stale { program };
        }
    }
    let attrs = git(workspace, &["check-attr", "merge", "--", "vendors/x.toml"]).unwrap_or_default();
    if !String::from_utf8_lossy(&attrs).trim_end().ends_with(": merge: ccvet") {
        return GitSetupStatus::NoAttributes;
    }
    GitSetupStatus::Ready
}

/// `s` quoted for a POSIX shell (git runs driver commands with `sh -c`).
pub fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "/._-+:@%".contains(c)) {
        return s.to_string();
    }
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// The first word of a shell command as [`shell_quote`] writes it.
fn first_word(command: &str) -> String {
    let mut word = String::new();
    let mut chars = command.trim_start().chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match c {
            '\'' => quoted = !quoted,
            '\\' if !quoted => {
                if let Some(n) = chars.next() {
                    word.push(n);
                }
            }
            c if c.is_whitespace() && !quoted => break,
            c => word.push(c),
        }
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trips_through_first_word() {
        for s in ["/usr/bin/ccvet", "/home/li wei/bin/ccvet", "/tmp/it's/ccvet", "/a/\"b\"/c"] {
            assert_eq!(first_word(&format!("{} merge-file %O", shell_quote(s))), s);
        }
        assert_eq!(shell_quote("/usr/bin/ccvet"), "/usr/bin/ccvet");
        let [_, merge, show] = values(Path::new("/opt/cc vet/ccvet"), "");
        assert_eq!(merge, "'/opt/cc vet/ccvet' --workspace . merge-file %O %A %B %P");
        assert_eq!(show, "'/opt/cc vet/ccvet' --workspace . show");
    }
}
