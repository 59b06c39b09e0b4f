//! Evidence files: copies under `<workspace>/evidence/<slug>/`, each
//! recorded in the vendor file with its SHA-256 (product brief §11).
//! A copy never replaces a file already there: a second file of the same
//! name gets a new name (`name-2.pdf`, …).

use crate::i18n::{Text, errors};
use std::io::Read;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::Error;
use super::perms::{Modes, create_dir_all};

/// The SHA-256 of a file's bytes, as lowercase hex, read in pieces (a PDF
/// of hundreds of megabytes never sits in memory).
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// Whether `text` names evidence on the web (an http(s) URL) rather than a
/// file to copy in.
pub fn is_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && text.len() > 8
}

/// `evidence/<slug>` under the workspace root.
pub fn dir_for(root: &Path, slug: &str) -> PathBuf {
    root.join("evidence").join(slug)
}

/// A copy made by [`copy_in`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Copied {
    /// Relative to the workspace, with `/`: what the vendor file records.
    pub file: String,
    pub sha256: String,
}

/// Copies `source` into `evidence/<slug>/` with the workspace's modes,
/// under its own name or, when that is taken, `stem-2.ext`, `stem-3.ext`, ….
/// The copy is made under a temporary name and linked into place, so a
/// file someone else creates meanwhile is never replaced, and the digest is
/// of the bytes copied.
pub fn copy_in(root: &Path, slug: &str, source: &Path, modes: Modes) -> Result<Copied, Error> {
    let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
    let name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .filter(|n| !n.is_empty() && !n.starts_with('.'))
        .unwrap_or_else(|| "evidence".to_string());
    let dir = dir_for(root, slug);
    create_dir_all(&dir, modes.dir).map_err(|e| Error::io(&dir, e))?;
    let (stem, ext) = match name.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() => (s.to_string(), format!(".{e}")),
        _ => (name.clone(), String::new()),
    };
    let sha256: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    for n in 1..10_000u32 {
        let candidate = if n == 1 { name.clone() } else { format!("{stem}-{n}{ext}") };
        let target = dir.join(&candidate);
        match super::atomic::create_atomic(&super::atomic::RealFs, &target, &bytes, modes.file) {
            Ok(()) => return Ok(Copied { file: format!("evidence/{slug}/{candidate}"), sha256 }),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(&target, e)),
        }
    }
    Err(Error::refused(&dir, Text::new(errors::EVIDENCE_NAME_TAKEN, &[])))
}

/// What checking one recorded file found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    Ok,
    Missing,
    /// The file's bytes are not the ones recorded.
    Changed {
        now: String,
    },
    Unreadable(String),
}

/// Checks the file recorded as `file` (relative to `root`) against `sha256`.
pub fn check(root: &Path, file: &str, sha256: &str) -> Check {
    let path = root.join(file);
    match sha256_file(&path) {
        Ok(now) if now.eq_ignore_ascii_case(sha256) => Check::Ok,
        Ok(now) => Check::Changed { now },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Check::Missing,
        Err(e) => Check::Unreadable(super::io_sentence(&e)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_never_overwrite_and_digests_match() {
        let ws = tempfile::tempdir().unwrap();
        let src = tempfile::tempdir().unwrap();
        let a = src.path().join("licence.pdf");
        std::fs::write(&a, b"first").unwrap();
        let one = copy_in(ws.path(), "acme", &a, Modes::PRIVATE).unwrap();
        assert_eq!(one.file, "evidence/acme/licence.pdf");
        std::fs::write(&a, b"second").unwrap();
        let two = copy_in(ws.path(), "acme", &a, Modes::PRIVATE).unwrap();
        assert_eq!(two.file, "evidence/acme/licence-2.pdf");
        assert_eq!(std::fs::read(ws.path().join(&one.file)).unwrap(), b"first");
        assert_eq!(std::fs::read(ws.path().join(&two.file)).unwrap(), b"second");
        // sha256("first")
        assert_eq!(one.sha256, "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e");
        assert_eq!(check(ws.path(), &one.file, &one.sha256), Check::Ok);
        std::fs::write(ws.path().join(&one.file), b"tampered").unwrap();
        assert!(matches!(check(ws.path(), &one.file, &one.sha256), Check::Changed { .. }));
        std::fs::remove_file(ws.path().join(&two.file)).unwrap();
        assert_eq!(check(ws.path(), &two.file, &two.sha256), Check::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn copies_take_the_workspace_modes() {
        use std::os::unix::fs::PermissionsExt;
        let ws = tempfile::tempdir().unwrap();
        let a = ws.path().join("x.txt");
        std::fs::write(&a, b"x").unwrap();
        let modes = Modes { file: 0o640, dir: 0o750 };
        let c = copy_in(ws.path(), "acme", &a, modes).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ws.path().join(&c.file)), 0o640);
        assert_eq!(mode(&ws.path().join("evidence/acme")), 0o750);
    }
}
