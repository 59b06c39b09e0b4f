//! Reviews: every reviewer writes only their own file,
//! `reviews/<slug>/<user>.toml`, so reviewers never contend. It holds their
//! comments (on a question or on the vendor) and their sign-off, which
//! records a digest of the vendor file as signed: when the answers change,
//! the sign-off is stale until it is renewed.

use crate::i18n::{Text, errors};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::Error;
use super::atomic::{FileSystem, write_atomic};
use super::perms::{Modes, create_dir_all};

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

/// A reviewer's file as read: who (from the file name) and what, and
/// whether the operating system vouches for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Review {
    pub user: String,
    pub file: ReviewFile,
    /// The file is owned by the account it is named after, and says so
    /// inside. Only then does its sign-off count: anyone in the team's
    /// group could have planted a file under someone else's name.
    pub verified: bool,
    /// The account that owns the file (who really wrote it).
    pub owner: String,
}

/// A sign-off as shown: stale when the vendor file changed since;
/// unverified when the file is not owned by the account it names (shown,
/// marked, never counted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignOffState {
    pub user: String,
    pub decision: Decision,
    pub at: String,
    pub stale: bool,
    pub verified: bool,
    /// Null when the sign-off has no comment (never absent).
    pub comment: Option<String>,
}

impl SignOffState {
    /// Counts as the team's decision: verified and not stale.
    pub fn counts(&self) -> bool {
        self.verified && !self.stale
    }
}

/// The digest a sign-off records.
pub fn digest(vendor_text: &str) -> String {
    let hash = Sha256::digest(vendor_text.as_bytes());
    let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// `reviews/<slug>/` for the vendor file at `vendor_path`
/// (`<workspace>/vendors/<slug>.toml`, or `vendors/archive/<slug>.toml`).
pub fn dir_for(vendor_path: &Path) -> PathBuf {
    let slug = super::vendor::slug_of(vendor_path);
    super::workspace::root_of_vendor(vendor_path).join("reviews").join(slug)
}

/// Every folder that may hold reviews of the vendor at `vendor_path`:
/// `reviews/<slug>/`, then the folders of its earlier slugs (`renamed_from`,
/// newest first). A rename cannot always move a review folder (in a team
/// workspace it belongs to its first reviewer, inside a sticky folder), so
/// reviews are found where they are. Aliases that are not safe slugs are
/// never joined to a path.
pub fn dirs_for(vendor_path: &Path, aliases: &[String]) -> Vec<PathBuf> {
    let primary = dir_for(vendor_path);
    let reviews = primary.parent().map(Path::to_path_buf).unwrap_or_default();
    let mut out = vec![primary];
    for alias in aliases.iter().rev().filter(|a| super::workspace::is_safe_slug(a)) {
        let dir = reviews.join(alias);
        if !out.contains(&dir) {
            out.push(dir);
        }
    }
    out
}

/// Reviewer `user`'s file for a vendor with earlier slugs `aliases`: the one
/// that exists already (a reviewer keeps writing into their own file after a
/// rename), else a new one in `reviews/<slug>/`.
pub fn own_path(vendor_path: &Path, aliases: &[String], user: &str) -> PathBuf {
    let name = format!("{}.toml", encode_user(user));
    dirs_for(vendor_path, aliases)
        .into_iter()
        .map(|d| d.join(&name))
        .find(|p| std::fs::symlink_metadata(p).is_ok())
        .unwrap_or_else(|| path_for(vendor_path, user))
}

/// The file of reviewer `user`. The name is the user percent-encoded:
/// safe for a path and one-to-one, so `li.wei`, `li_wei` and `李伟` never
/// share a file.
pub fn path_for(vendor_path: &Path, user: &str) -> PathBuf {
    dir_for(vendor_path).join(format!("{}.toml", encode_user(user)))
}

/// Letters, digits, `-`, `_` and `.` (not leading) stay; every other byte
/// becomes `%XX`.
pub fn encode_user(user: &str) -> String {
    let mut out = String::with_capacity(user.len());
    for (i, b) in user.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || (b == b'.' && i > 0);
        if keep {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    if out.is_empty() { "%00".to_string() } else { out }
}

/// The user a review file name stands for.
pub fn decode_user(stem: &str) -> String {
    let bytes = stem.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            // Bytes, not a str slice: a hand-named file may hold UTF-8 here.
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every review of the vendor at `vendor_path` (and in the folders of its
/// earlier slugs, `aliases`), by reviewer; a file that does not parse is
/// its error and the others still load. A reviewer with a file in two of
/// these folders (a merge from a clone that had not seen the rename) counts
/// once: the file in the newest folder.
pub fn load_all(vendor_path: &Path, aliases: &[String]) -> Vec<Result<Review, Error>> {
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for dir in dirs_for(vendor_path, aliases) {
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|e| e == "toml")
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .filter(|p| seen.insert(p.file_name().map(|n| n.to_os_string()).unwrap_or_default()))
            .collect();
        paths.sort();
        out.extend(paths.iter().map(|p| load(p)));
    }
    out
}

/// [`load_all`] for a vendor as loaded.
pub fn load_all_of(vendor: &super::vendor::VendorFile) -> Vec<Result<Review, Error>> {
    load_all(&vendor.path, &vendor.meta.renamed_from)
}

fn load(path: &Path) -> Result<Review, Error> {
    let file: ReviewFile = super::read_toml(path)?;
    let user = decode_user(&super::vendor::slug_of(path));
    let owner = owner_of(path).map_or_else(|| "?".to_string(), super::identity::name_of);
    let verified = owner == user && file.reviewer == user;
    Ok(Review { user, file, verified, owner })
}

/// The uid owning `path` (not following a link: a link planted under
/// someone's name must not borrow its target's owner).
fn owner_of(path: &Path) -> Option<u32> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::symlink_metadata(path).ok().filter(|m| m.is_file()).map(|m| m.uid())
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
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
                verified: r.verified,
                comment: s.comment.clone(),
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
    aliases: &[String],
    user: &str,
    change: impl FnOnce(&mut ReviewFile),
    fs: &dyn FileSystem,
    modes: Modes,
) -> Result<ReviewFile, Error> {
    let path = own_path(vendor_path, aliases, user);
    let dir = path.parent().map_or_else(|| dir_for(vendor_path), Path::to_path_buf);
    // Sticky folders: no other account can replace or delete this file.
    for folder in [dir.parent().unwrap_or(&dir), dir.as_path()] {
        create_dir_all(folder, modes.review_dir()).map_err(|e| Error::io(folder, e))?;
        super::perms::upgrade_review_dir(folder, modes);
    }
    let lock_path = path.with_extension("lock");
    let lock = super::perms::open_lock_file(&lock_path, modes.review_file()).map_err(|e| Error::io(&lock_path, e))?;
    // A blocking lock: the critical section is one small read and write.
    lock.lock().map_err(|e| Error::io(&lock_path, e))?;
    refuse_someone_elses(&path, user)?;
    let mut file = match load(&path) {
        Ok(review) if review.file.reviewer != user => {
            let reviewer = review.file.reviewer;
            return Err(Error::refused(&path, Text::new(errors::REVIEW_NOT_YOURS, &[("reviewer", &reviewer)])));
        }
        Ok(review) => review.file,
        Err(Error::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            ReviewFile { reviewer: user.to_string(), ..ReviewFile::default() }
        }
        Err(e) => return Err(e),
    };
    change(&mut file);
    let text = toml::to_string(&file)
        .map_err(|e| Error::refused(&path, Text::new(errors::CANNOT_WRITE_REVIEW, &[("why", &e)])))?;
    write_atomic(fs, &path, text.as_bytes(), modes.review_file()).map_err(|e| Error::io(&path, e))?;
    drop(lock);
    Ok(file)
}

/// A review file belongs to the account that created it: a file under
/// our name that another account owns (planted) is never written into;
/// its owner or root must remove it (`ccvet doctor` names it).
fn refuse_someone_elses(path: &Path, user: &str) -> Result<(), Error> {
    if let Some(uid) = owner_of(path)
        && uid != rustix::process::geteuid().as_raw()
    {
        let owner = super::identity::name_of(uid);
        return Err(Error::refused(
            path,
            format!(
                "this review file carries `{user}`'s name but belongs to account `{owner}`, so it is shown as \
                 unverified and ccvet will not write into it; ask `{owner}` or root to remove it"
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_and_staleness() {
        let a = digest("vendor = \"A\"\n");
        assert!(a.starts_with("sha256:") && a.len() == 7 + 64);
        let review = Review {
            verified: true,
            owner: "wang".into(),
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
    fn the_file_name_is_the_user_made_safe_and_one_to_one() {
        let p = path_for(Path::new("/ws/vendors/acme.toml"), "../../etc/passwd");
        assert_eq!(p, Path::new("/ws/reviews/acme/%2E.%2F..%2Fetc%2Fpasswd.toml"));
        let names: Vec<String> =
            ["li.wei", "li_wei", "LI.WEI", "李伟", "...", "../x y", ""].iter().map(|u| encode_user(u)).collect();
        let unique: std::collections::HashSet<_> = names.iter().collect();
        assert_eq!(unique.len(), names.len(), "{names:?}");
        for user in ["li.wei", "李伟", "../x y", "a%b"] {
            assert_eq!(decode_user(&encode_user(user)), user);
            assert!(!encode_user(user).contains('/'));
        }
    }
}
