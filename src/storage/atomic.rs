//! Saving a file so that a crash, a kill -9 or a full disk leaves either the
//! old or the new version, never a mix and never nothing.
//!
//! The order follows git's lockfile and SQLite's journal: write a temporary
//! file in the same folder with the final permissions, fsync it, rename it
//! over the target, fsync the folder. Only then is the save reported done.
//! Each step goes through [`FileSystem`] so tests can fail any one of them.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The steps of a save. [`RealFs`] does them; a test double can fail one.
pub trait FileSystem: Send + Sync {
    /// Creates a new file (never an existing one) with exactly `mode`.
    fn create_new(&self, path: &Path, mode: u32) -> io::Result<File>;
    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()>;
    fn sync_file(&self, file: &File) -> io::Result<()>;
    /// Replaces `to` with `from`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Gives `from` the second name `to`; fails if `to` exists.
    fn link(&self, from: &Path, to: &Path) -> io::Result<()>;
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    fn remove(&self, path: &Path) -> io::Result<()>;
}

pub struct RealFs;

impl FileSystem for RealFs {
    fn create_new(&self, path: &Path, mode: u32) -> io::Result<File> {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(mode);
        }
        let file = options.open(path)?;
        // The umask may have taken group bits the workspace grants: set the
        // mode exactly.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        Ok(file)
    }

    fn write_all(&self, file: &mut File, bytes: &[u8]) -> io::Result<()> {
        file.write_all(bytes)
    }

    fn sync_file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::rename(from, to)
    }

    fn link(&self, from: &Path, to: &Path) -> io::Result<()> {
        std::fs::hard_link(from, to)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        File::open(dir)?.sync_all()
    }

    fn remove(&self, path: &Path) -> io::Result<()> {
        std::fs::remove_file(path)
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A temporary name beside `target`, hidden (leading dot) so that listings
/// of the folder pass over it.
fn temp_path(target: &Path) -> PathBuf {
    let name = target.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    target.with_file_name(format!(".{name}.tmp-{}-{n}", std::process::id()))
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Writes `bytes` to a fresh, fsynced temporary file beside `target`.
fn write_temp(fs: &dyn FileSystem, target: &Path, bytes: &[u8], mode: u32) -> io::Result<PathBuf> {
    let temp = temp_path(target);
    let mut file = fs.create_new(&temp, mode)?;
    let written = fs.write_all(&mut file, bytes).and_then(|()| fs.sync_file(&file));
    drop(file);
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs.remove(&temp);
            Err(e)
        }
    }
}

/// Replaces `target` with `bytes` atomically and durably.
///
/// A failed fsync is a failed save: the caller keeps the content in memory
/// and a retry writes the whole file again (never trusting a second fsync of
/// the same pages).
pub fn write_atomic(fs: &dyn FileSystem, target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let temp = write_temp(fs, target, bytes, mode)?;
    if let Err(e) = fs.rename(&temp, target) {
        let _ = fs.remove(&temp);
        return Err(e);
    }
    fs.sync_dir(folder_of(target))
}

/// Creates `target` with `bytes` atomically, failing with `AlreadyExists`
/// rather than replacing a file someone else created meanwhile.
pub fn create_atomic(fs: &dyn FileSystem, target: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    let temp = write_temp(fs, target, bytes, mode)?;
    let linked = fs.link(&temp, target);
    let _ = fs.remove(&temp);
    linked?;
    fs.sync_dir(folder_of(target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_creates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.toml");
        create_atomic(&RealFs, &path, b"one", 0o600).unwrap();
        let again = create_atomic(&RealFs, &path, b"two", 0o600).unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&RealFs, &path, b"three", 0o600).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        // no temporary file is left behind
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, vec![std::ffi::OsString::from("v.toml")]);
    }

    #[cfg(unix)]
    #[test]
    fn mode_is_exact_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("v.toml");
        write_atomic(&RealFs, &path, b"x", 0o660).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o660);
    }
}
