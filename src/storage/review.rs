//! Reviews: every reviewer writes only their own file,
//! `reviews/<slug>/<user>.toml`, so reviewers never contend. It holds their
//! comments (on a question or on the vendor) and their sign-off, which
//! records a digest of the vendor file as signed: when the answers change,
//! the sign-off is stale until it is renewed.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::atomic::{FileSystem, write_atomic};
use super::perms::{Modes, create_dir_all};
use super::source::Diagnostic;
use super::workspace::slug_for;
use super::{Error, read_text};
use crate::domain::validate::Severity;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Approve,
    Reject,
    NeedsInfo,
}

impl Decision {
    pub fn parse(text: &str) -> Option<Decision> {
        match text {
            "approve" => Some(Decision::Approve),
            "reject" => Some(Decision::Reject),
            "needs-info" => Some(Decision::NeedsInfo),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Decision::Approve => "approve",
            Decision::Reject => "reject",
            Decision::NeedsInfo => "needs-info",
        }
    }

    /// A mark that needs no colour: ✓ approve, ✗ reject, ? needs info.
    pub fn mark(self) -> char {
        match self {
            Decision::Approve => '✓',
            Decision::Reject => '✗',
            Decision::NeedsInfo => '?',
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    /// `section.question`; none for a comment on the vendor as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub question: Option<String>,
    pub at: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    pub decision: Decision,
    pub at: String,
    /// `sha256:<hex>` of the vendor file as it was signed.
    pub digest: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewFile {
    pub reviewer: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signoff: Option<SignOff>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub comments: Vec<Comment>,
}

/// A reviewer's file as read: who (from the file name, which only that
/// user's sessions write) and what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub user: String,
    pub file: ReviewFile,
}

/// A sign-off as shown: stale when the vendor file changed since.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignOffState {
    pub user: String,
    pub decision: Decision,
    pub at: String,
    pub stale: bool,
}

/// The digest a sign-off records.
pub fn digest(vendor_text: &str) -> String {
    let hash = Sha256::digest(vendor_text.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// `reviews/<slug>/` for the vendor file at `vendor_path`
/// (`<workspace>/vendors/<slug>.toml`).
pub fn dir_for(vendor_path: &Path) -> PathBuf {
    let slug = super::vendor::slug_of(vendor_path);
    let root = vendor_path.parent().and_then(Path::parent).unwrap_or(Path::new("."));
    root.join("reviews").join(slug)
}

/// The file of reviewer `user`: its name is the user made safe for a path.
pub fn path_for(vendor_path: &Path, user: &str) -> PathBuf {
    dir_for(vendor_path).join(format!("{}.toml", slug_for(user)))
}

/// Every review of the vendor at `vendor_path`, by reviewer; a file that
/// does not parse is its error and the others still load.
pub fn load_all(vendor_path: &Path) -> Vec<Result<Review, Error>> {
    let dir = dir_for(vendor_path);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    paths.sort();
    paths.iter().map(|p| load(p)).collect()
}

fn load(path: &Path) -> Result<Review, Error> {
    let text = read_text(path)?;
    let file: ReviewFile = toml::from_str(&text).map_err(|e| Error::Invalid {
        path: path.to_path_buf(),
        diagnostics: vec![Diagnostic::at(
            path,
            &text,
            &e.span().unwrap_or(0..0),
            Severity::Error,
            e.message().to_string(),
        )],
    })?;
    Ok(Review { user: super::vendor::slug_of(path), file })
}

/// The sign-offs among `reviews`, each marked stale or current against the
/// vendor file's text now.
pub fn signoff_states(reviews: &[Review], vendor_text: &str) -> Vec<SignOffState> {
    let mut now: Option<String> = None;
    reviews
        .iter()
        .filter_map(|r| {
            let s = r.file.signoff.as_ref()?;
            let current = now.get_or_insert_with(|| digest(vendor_text));
            Some(SignOffState {
                user: r.user.clone(),
                decision: s.decision,
                at: s.at.clone(),
                stale: s.digest != *current,
            })
        })
        .collect()
}

/// Changes reviewer `user`'s own file for the vendor at `vendor_path`:
/// read, `change`, write atomically, all under that file's lock so two
/// sessions of the same reviewer never lose each other's comments. A file
/// that does not parse is never overwritten.
pub fn update(
    vendor_path: &Path,
    user: &str,
    change: impl FnOnce(&mut ReviewFile),
    fs: &dyn FileSystem,
    modes: Modes,
) -> Result<ReviewFile, Error> {
    let path = path_for(vendor_path, user);
    let dir = dir_for(vendor_path);
    create_dir_all(&dir, modes.dir).map_err(|e| Error::io(&dir, e))?;
    let lock_path = path.with_extension("lock");
    let lock = super::perms::open_lock_file(&lock_path, modes.file).map_err(|e| Error::io(&lock_path, e))?;
    // A blocking lock: the critical section is one small read and write.
    lock.lock().map_err(|e| Error::io(&lock_path, e))?;
    let mut file = match load(&path) {
        Ok(review) => review.file,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            ReviewFile { reviewer: user.to_string(), ..ReviewFile::default() }
        }
        Err(e) => return Err(e),
    };
    change(&mut file);
    let text = toml::to_string(&file).map_err(|e| Error::refused(&path, format!("cannot write the review: {e}")))?;
    write_atomic(fs, &path, text.as_bytes(), modes.file).map_err(|e| Error::io(&path, e))?;
    drop(lock);
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_and_staleness() {
        let a = digest("vendor = \"A\"\n");
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
        let review = Review {
            user: "wang".into(),
            file: ReviewFile {
                reviewer: "wang".into(),
                signoff: Some(SignOff { decision: Decision::Approve, at: "t".into(), digest: a, comment: None }),
                comments: vec![],
            },
        };
        assert!(!signoff_states(std::slice::from_ref(&review), "vendor = \"A\"\n")[0].stale);
        assert!(signoff_states(&[review], "vendor = \"B\"\n")[0].stale);
    }

    #[test]
    fn the_file_name_is_the_user_made_safe() {
        let p = path_for(Path::new("/ws/vendors/acme.toml"), "../../etc/passwd");
        assert_eq!(p, Path::new("/ws/reviews/acme/etc-passwd.toml"));
    }
}
