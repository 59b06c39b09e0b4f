//! `.gitignore` and `.gitattributes` of a workspace, written by `ccvet
//! init`: lines already there are left alone, missing ones are added.

use std::path::Path;

use crate::storage::Error;
use crate::storage::atomic::{FileSystem, write_atomic};

/// Per-machine files that must never be committed: the writer locks
/// (`vendors/<slug>.lock`, `vendors/.create.lock`, review locks), the side
/// files of a save that met someone else's change (`<slug>.toml.mine-…`) and
/// the temporary files of an atomic save (`.<name>.tmp-…`).
pub const GITIGNORE: &[&str] = &["*.lock", "*.mine-*", ".*.tmp-*"];

/// TOML with LF line ends everywhere, and ccvet's drivers for vendor and
/// review files (registered per clone by `ccvet git-setup`).
///
/// Evidence files (`evidence/<slug>/…`) are committed: the team needs them
/// in every clone, and `ccvet evidence check` can only vouch for a file
/// that is there. They are marked binary (no line-end conversion, which
/// would change their SHA-256; no text diff or merge). A team whose PDFs
/// grow large adds `git lfs track 'evidence/**'` on top: the recorded
/// digest is of the real file either way.
pub const GITATTRIBUTES: &[&str] = &[
    "*.toml text eol=lf",
    "vendors/*.toml merge=ccvet diff=ccvet",
    "reviews/**/*.toml merge=ccvet diff=ccvet",
    "evidence/** binary",
];

const HEADER_IGNORE: &str = "# ccvet: per-machine lock and side files, never committed";
const HEADER_ATTRIBUTES: &str =
    "# ccvet: answer-by-answer merges and readable diffs (each clone runs `ccvet git-setup` once)";

/// Writes or completes `.gitignore` and `.gitattributes` in `root`. Returns
/// the names of the files it changed.
pub fn write_workspace_files(root: &Path, fs: &dyn FileSystem, mode: u32) -> Result<Vec<&'static str>, Error> {
    let mut changed = Vec::new();
    for (name, header, lines) in
        [(".gitignore", HEADER_IGNORE, GITIGNORE), (".gitattributes", HEADER_ATTRIBUTES, GITATTRIBUTES)]
    {
        let path = root.join(name);
        let old = match std::fs::read(&path) {
            Ok(bytes) => {
                String::from_utf8(bytes).map_err(|_| Error::refused(&path, "is not UTF-8 text; left as it is"))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(Error::io(&path, e)),
        };
        if let Some(new) = completed(&old, header, lines) {
            write_atomic(fs, &path, new.as_bytes(), mode).map_err(|e| Error::io(&path, e))?;
            changed.push(name);
        }
    }
    Ok(changed)
}

/// `old` with the `lines` it lacks appended under `header`; `None` when
/// nothing lacks.
pub fn completed(old: &str, header: &str, lines: &[&str]) -> Option<String> {
    let have: Vec<&str> = old.lines().map(str::trim).collect();
    let missing: Vec<&&str> = lines.iter().filter(|l| !have.contains(l)).collect();
    if missing.is_empty() {
        return None;
    }
    let mut new = old.to_string();
    if !new.is_empty() && !new.ends_with('\n') {
        new.push('\n');
    }
    if !new.is_empty() {
        new.push('\n');
    }
    new.push_str(header);
    new.push('\n');
    for line in missing {
        new.push_str(line);
        new.push('\n');
    }
    Some(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_added_once_and_a_persons_own_lines_stay() {
        let first = completed("", "# h", GITIGNORE);
        assert_eq!(first.as_deref(), Some("# h\n*.lock\n*.mine-*\n.*.tmp-*\n"));
        assert_eq!(completed(first.as_deref().unwrap_or_default(), "# h", GITIGNORE), None);
        let mine = completed("target/\n*.lock", "# h", GITIGNORE);
        assert_eq!(mine.as_deref(), Some("target/\n*.lock\n\n# h\n*.mine-*\n.*.tmp-*\n"));
    }
}
