//! Permissions for what ccvet creates. Vendor assessments are confidential:
//! nothing is ever readable by "other"; the group gets access only where the
//! workspace folder itself grants it (a shared team workspace).

use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Modes {
    pub file: u32,
    pub dir: u32,
}

impl Modes {
    /// Owner only: a private workspace.
    pub const PRIVATE: Modes = Modes { file: 0o600, dir: 0o700 };

    /// The modes for files and folders created inside a workspace whose
    /// root folder has mode `root_mode`.
    pub fn for_root_mode(root_mode: u32) -> Modes {
        let group = root_mode & 0o070;
        let setgid = root_mode & 0o2000;
        Modes { file: 0o600 | (group & 0o060), dir: 0o700 | group | setgid }
    }

    /// A review file: readable by the group where the workspace is shared,
    /// writable by its author alone.
    pub fn review_file(self) -> u32 {
        self.file & !0o022
    }

    /// A folder under `reviews/`: sticky, as `/tmp`, so that no account
    /// can rename over or delete another's review file.
    pub fn review_dir(self) -> u32 {
        self.dir | 0o1000
    }

    /// A workspace whose group shares it.
    pub fn is_team(self) -> bool {
        self.dir & 0o070 != 0
    }

    /// The modes for the workspace at `root`; private if it cannot be read.
    pub fn for_root(root: &Path) -> Modes {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            if let Ok(meta) = std::fs::metadata(root) {
                return Modes::for_root_mode(meta.permissions().mode());
            }
        }
        let _ = root;
        Modes::PRIVATE
    }
}

/// Creates `dir` and its missing parents with `mode` (exactly, whatever the
/// umask), leaving existing folders as they are.
///
/// Each folder is made under a temporary name, given its mode, then
/// renamed into place: another account never sees it with the umask's
/// mode (a team member's session would be refused its files there).
pub fn create_dir_all(dir: &Path, mode: u32) -> std::io::Result<()> {
    if dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent()
        && !parent.as_os_str().is_empty()
    {
        create_dir_all(parent, mode)?;
    }
    let Some(name) = dir.file_name() else { return Ok(()) };
    let temp = dir.with_file_name(format!(".{}.mkdir-{}", name.to_string_lossy(), std::process::id()));
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(mode & 0o777);
    }
    match builder.create(&temp) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => return if dir.is_dir() { Ok(()) } else { Err(e) },
    }
    set_mode(&temp, mode)?;
    match std::fs::rename(&temp, dir) {
        Ok(()) => Ok(()),
        // Someone else made it meanwhile: theirs stays.
        Err(_) if dir.is_dir() => {
            let _ = std::fs::remove_dir(&temp);
            Ok(())
        }
        Err(e) => {
            let _ = std::fs::remove_dir(&temp);
            Err(e)
        }
    }
}

/// Opens (creating if needed) a lock file for reading and writing, with
/// exactly `mode`: the umask must not take group bits a shared workspace
/// grants, or no one else in the team could ever take the lock. Only the
/// owner may change the mode; for anyone else it is already right.
pub fn open_lock_file(path: &Path, mode: u32) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        options.mode(mode);
        let file = options.open(path)?;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
        Ok(file)
    }
    #[cfg(not(unix))]
    {
        let _ = mode;
        options.open(path)
    }
}

/// Gives a review folder made before review folders were sticky its sticky
/// bit (and the workspace's modes), where this account owns it; anyone
/// else's folder is left for `ccvet doctor` to report.
pub fn upgrade_review_dir(dir: &Path, modes: Modes) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        if let Ok(meta) = std::fs::symlink_metadata(dir)
            && meta.is_dir()
            && meta.uid() == rustix::process::geteuid().as_raw()
            && meta.permissions().mode() & 0o1000 == 0
        {
            let _ = set_mode(dir, (meta.permissions().mode() & 0o7777) | modes.review_dir());
        }
    }
    let _ = (dir, modes);
}

pub fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    let _ = (path, mode);
    Ok(())
}

/// A warning when the workspace folder lets other users in: vendor
/// assessments are confidential. `None` when it is private or group-only
/// (or cannot be read, in which case nothing else will work either).
pub fn exposure_warning(root: &Path) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(root).ok()?.permissions().mode();
        if mode & 0o007 != 0 {
            return Some(format!(
                "{}: warning: the workspace is open to every user on this machine (mode {:04o}); \
                 vendor assessments are confidential: chmod o-rwx {}",
                root.display(),
                mode & 0o7777,
                root.display()
            ));
        }
    }
    let _ = root;
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_workspace_open_to_others_is_warned_about() {
        let dir = tempfile::tempdir().unwrap();
        set_mode(dir.path(), 0o755).unwrap();
        let w = exposure_warning(dir.path()).unwrap();
        assert!(w.contains("mode 0755") && w.contains("chmod o-rwx"), "{w}");
        set_mode(dir.path(), 0o2770).unwrap();
        assert_eq!(exposure_warning(dir.path()), None);
        set_mode(dir.path(), 0o700).unwrap();
        assert_eq!(exposure_warning(dir.path()), None);
    }

    #[test]
    fn never_other_and_group_only_where_granted() {
        assert_eq!(Modes::for_root_mode(0o700), Modes::PRIVATE);
        assert_eq!(Modes::for_root_mode(0o755), Modes { file: 0o640, dir: 0o750 });
        assert_eq!(Modes::for_root_mode(0o2770), Modes { file: 0o660, dir: 0o2770 });
        assert_eq!(Modes::for_root_mode(0o777).file & 0o007, 0);
    }
}
