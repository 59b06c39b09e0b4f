//! A team workspace made right, and checked: the group, setgid folders,
//! sticky review folders and group modes, whatever the umask; review files
//! writable by their author alone; nothing for "other".
//!
//! [`check`] walks the workspace and lists every problem; [`fix`] repairs
//! what the running account may (its own files), and says who must do the
//! rest. `ccvet init`, `ccvet init --group` and `ccvet doctor --fix` all
//! go through them, so a workspace grouped after `init` is repaired by the
//! same rules that made it.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use super::identity;
use super::perms::Modes;

/// What a path should be, worked out from the workspace root.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Expected {
    pub mode: u32,
    /// The team's group, in a team workspace.
    pub gid: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Any permission for "other": vendor assessments are confidential.
    OpenToOthers,
    /// Not the team's group: the others cannot read or write it.
    WrongGroup { has: u32 },
    /// The mode differs from what the workspace needs.
    WrongMode { has: u32 },
    /// A review file not owned by the account it is named after.
    UnverifiedReview { named: String, owner: String },
    /// A side file kept from a conflicting save, to be looked at.
    SideFile,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub path: PathBuf,
    pub problem: Problem,
    pub expected: Expected,
    /// The account that owns the path (only it or root can fix modes).
    pub owner: u32,
}

/// What became of a finding under [`fix`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    Fixed,
    /// Only this account (or root) can do it.
    NeedsOwner(String),
    /// Left for a person to decide (a side file, a planted review).
    ForAPerson,
    Failed(String),
}

/// The kinds of path in a workspace, for their expected modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Root,
    Folder,
    ReviewFolder,
    File,
    ReviewFile,
}

/// The modes and group the workspace at `root` asks for, from the root
/// folder itself: a folder of a group with group access is a team
/// workspace.
pub fn team_of(root: &Path) -> Option<(Modes, Option<u32>)> {
    let meta = std::fs::metadata(root).ok()?;
    let mut modes = Modes::for_root_mode(meta.permissions().mode());
    if modes.is_team() {
        // Setgid, so that everything made inside takes the team's group.
        modes.dir |= 0o2000;
    }
    Some((modes, modes.is_team().then_some(meta.gid())))
}

fn expected(kind: Kind, modes: Modes, gid: Option<u32>) -> Expected {
    let mode = match kind {
        Kind::Root | Kind::Folder => modes.dir,
        Kind::ReviewFolder => modes.review_dir(),
        Kind::File => modes.file,
        Kind::ReviewFile => modes.review_file(),
    };
    Expected { mode, gid }
}

/// Every problem in the workspace at `root`, in path order. `.git` and
/// anything that is not a file or folder (a link) are passed over.
pub fn check(root: &Path) -> Vec<Finding> {
    let Some((modes, gid)) = team_of(root) else { return Vec::new() };
    let mut findings = Vec::new();
    let mut stack = vec![(root.to_path_buf(), Kind::Root)];
    while let Some((path, kind)) = stack.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&path) else { continue };
        let want = expected(kind, modes, gid);
        findings.extend(check_one(&path, &meta, kind, want));
        if !meta.is_dir() {
            continue;
        }
        let Ok(entries) = std::fs::read_dir(&path) else { continue };
        let in_reviews = path.starts_with(root.join("reviews"));
        for entry in entries.filter_map(Result::ok) {
            let child = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(t) = entry.file_type() else { continue };
            if kind == Kind::Root && name == ".git" || t.is_symlink() {
                continue;
            }
            let child_kind = match (t.is_dir(), in_reviews || (kind == Kind::Root && name == "reviews")) {
                (true, true) => Kind::ReviewFolder,
                (true, false) => Kind::Folder,
                (false, true) if kind == Kind::ReviewFolder && path != root.join("reviews") => Kind::ReviewFile,
                (false, _) => Kind::File,
            };
            stack.push((child, child_kind));
        }
    }
    findings.sort_by(|a, b| a.path.cmp(&b.path));
    findings
}

fn check_one(path: &Path, meta: &std::fs::Metadata, kind: Kind, want: Expected) -> Vec<Finding> {
    let mode = meta.permissions().mode() & 0o7777;
    let finding = |problem| Finding { path: path.to_path_buf(), problem, expected: want, owner: meta.uid() };
    let mut out = Vec::new();
    if mode & 0o007 != 0 {
        out.push(finding(Problem::OpenToOthers));
    }
    if let Some(gid) = want.gid
        && meta.gid() != gid
    {
        out.push(finding(Problem::WrongGroup { has: meta.gid() }));
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    // Files may be stricter than asked, never looser, but in a team the
    // group must read them, and take the locks of vendors (open to write);
    // folders need exactly their bits (setgid, sticky, group access).
    let team = want.gid.is_some();
    let wrong = match kind {
        Kind::File => {
            mode & !want.mode & 0o7770 != 0
                || (team && mode & 0o040 == 0)
                || (team && name.ends_with(".lock") && mode & 0o020 == 0)
        }
        Kind::ReviewFile => mode & !want.mode & 0o7770 != 0 || (team && mode & 0o040 == 0),
        Kind::Root | Kind::Folder | Kind::ReviewFolder => mode & 0o7770 != want.mode & 0o7770,
    };
    if mode & 0o007 == 0 && wrong {
        out.push(finding(Problem::WrongMode { has: mode }));
    }
    if kind == Kind::ReviewFile && name.ends_with(".toml") {
        let named = super::review::decode_user(name.trim_end_matches(".toml"));
        let owner = identity::name_of(meta.uid());
        if owner != named {
            out.push(finding(Problem::UnverifiedReview { named, owner }));
        }
    }
    if name.contains(".mine-") {
        out.push(finding(Problem::SideFile));
    }
    out
}

/// Repairs what this account may: modes and group of what it owns (root:
/// of everything). Planted reviews and side files are for a person.
pub fn fix(findings: &[Finding]) -> Vec<(Finding, Repair)> {
    let me = rustix::process::geteuid().as_raw();
    findings
        .iter()
        .map(|f| {
            let repair = match &f.problem {
                Problem::UnverifiedReview { .. } | Problem::SideFile => Repair::ForAPerson,
                _ if f.owner != me && me != 0 => Repair::NeedsOwner(identity::name_of(f.owner)),
                Problem::WrongGroup { .. } => match f.expected.gid {
                    Some(gid) => match std::os::unix::fs::lchown(&f.path, None, Some(gid)) {
                        // A change of group clears setgid on some systems: set the mode again.
                        Ok(()) => set_mode(&f.path, f.expected.mode),
                        Err(e) => Repair::Failed(e.to_string()),
                    },
                    None => Repair::Fixed,
                },
                Problem::OpenToOthers | Problem::WrongMode { .. } => set_mode(&f.path, f.expected.mode),
            };
            (f.clone(), repair)
        })
        .collect()
}

fn set_mode(path: &Path, mode: u32) -> Repair {
    match super::perms::set_mode(path, mode) {
        Ok(()) => Repair::Fixed,
        Err(e) => Repair::Failed(e.to_string()),
    }
}

/// Makes `root` the team `gid`'s workspace folder: its group, setgid, and
/// group access, whatever the umask. The folder is created if missing.
pub fn make_team_root(root: &Path, gid: u32) -> std::io::Result<()> {
    super::perms::create_dir_all(root, 0o2770)?;
    std::os::unix::fs::chown(root, None, Some(gid))?;
    super::perms::set_mode(root, 0o2770)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_private_workspace_needs_no_group_and_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        super::super::perms::set_mode(root, 0o700).unwrap();
        std::fs::create_dir_all(root.join("vendors")).unwrap();
        super::super::perms::set_mode(&root.join("vendors"), 0o700).unwrap();
        std::fs::write(root.join("vendors/a.toml"), "").unwrap();
        super::super::perms::set_mode(&root.join("vendors/a.toml"), 0o644).unwrap();
        let found = check(root);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].path.ends_with("vendors/a.toml"));
        assert_eq!(found[0].problem, Problem::OpenToOthers);
        let fixed = fix(&found);
        assert!(fixed.iter().all(|(_, r)| *r == Repair::Fixed), "{fixed:?}");
        assert_eq!(check(root), vec![]);
        let mode = std::fs::metadata(root.join("vendors/a.toml")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn review_folders_must_be_sticky_and_side_files_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        super::super::perms::set_mode(root, 0o700).unwrap();
        for d in ["reviews", "reviews/acme", "vendors"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
            super::super::perms::set_mode(&root.join(d), 0o700).unwrap();
        }
        std::fs::write(root.join("vendors/acme.toml.mine-1-2"), "").unwrap();
        super::super::perms::set_mode(&root.join("vendors/acme.toml.mine-1-2"), 0o600).unwrap();
        let found = check(root);
        let sticky: Vec<_> = found.iter().filter(|f| matches!(f.problem, Problem::WrongMode { .. })).collect();
        assert_eq!(sticky.len(), 2, "{found:?}");
        assert!(sticky.iter().all(|f| f.expected.mode == 0o1700));
        assert!(found.iter().any(|f| f.problem == Problem::SideFile));
        fix(&found);
        let left = check(root);
        assert_eq!(left.len(), 1, "{left:?}");
        assert_eq!(left[0].problem, Problem::SideFile);
    }
}
