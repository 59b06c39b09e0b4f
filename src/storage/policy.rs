//! The workspace's own settings: `ccvet.toml` at its root, kept with the
//! workspace (and in its git repository), so the whole team works under
//! the same rules.
//!
//! ```toml
//! [policy]
//! self_signoff = false   # may a vendor's interviewer sign it off?
//! ```

use std::path::{Path, PathBuf};

use super::Error;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Policy {
    /// The vendor's interviewer may sign it off (separation of duties is
    /// the default).
    pub self_signoff: bool,
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    policy: RawPolicy,
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    #[serde(default)]
    self_signoff: bool,
}

pub fn path(root: &Path) -> PathBuf {
    root.join("ccvet.toml")
}

/// The workspace's policy; the defaults when it has no `ccvet.toml`, an
/// error (never a silent default) when the file does not read.
pub fn load(root: &Path) -> Result<Policy, Error> {
    let path = path(root);
    if !path.exists() {
        return Ok(Policy::default());
    }
    let raw: RawFile = super::read_toml(&path)?;
    Ok(Policy { self_signoff: raw.policy.self_signoff })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separation_of_duties_unless_the_workspace_says_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load(dir.path()).unwrap(), Policy::default());
        std::fs::write(path(dir.path()), "[policy]\nself_signoff = true\n").unwrap();
        assert!(load(dir.path()).unwrap().self_signoff);
        std::fs::write(path(dir.path()), "[policy]\nself_sign = true\n").unwrap();
        let e = load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("ccvet.toml:2:1"), "{e}");
    }
}
