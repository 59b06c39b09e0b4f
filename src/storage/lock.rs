//! One writer per vendor: an OS file lock on a lock file beside the vendor
//! file. The lock file is never renamed (a lock on the vendor file itself
//! would be lost when a save renames a new inode over it), and the OS frees
//! the lock when the process dies, so a kill -9 or a dropped SSH link never
//! leaves a stale lock.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

/// Who holds a lock, as written into the lock file for others to read.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Holder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// RFC 3339 time the lock was taken.
    pub since: String,
}

/// A held lock; dropping it releases the lock.
#[derive(Debug)]
pub struct VendorLock {
    _file: File,
    pub path: PathBuf,
}

#[derive(Debug)]
pub enum Acquired {
    Mine(VendorLock),
    /// Someone else holds it (their record, if it could be read).
    Theirs(Option<Holder>),
}

/// The lock file of the vendor file at `vendor_path`.
pub fn lock_path(vendor_path: &Path) -> PathBuf {
    vendor_path.with_extension("lock")
}

/// Tries to take the writer lock of `vendor_path` without waiting.
pub fn try_acquire(vendor_path: &Path, me: &Holder, mode: u32) -> io::Result<Acquired> {
    let path = lock_path(vendor_path);
    let mut file = super::perms::open_lock_file(&path, mode)?;
    match file.try_lock() {
        Ok(()) => {
            // The lock is held whatever happens to the record: on a full
            // disk the record cannot be written, and the save that follows
            // should say so, not fail on the lock file.
            let record = toml::to_string(me).unwrap_or_default();
            let _ = file.set_len(0).and_then(|()| file.rewind()).and_then(|()| file.write_all(record.as_bytes()));
            Ok(Acquired::Mine(VendorLock { _file: file, path }))
        }
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Ok(Acquired::Theirs(toml::from_str(&text).ok()))
        }
        Err(std::fs::TryLockError::Error(e)) => Err(e),
    }
}

/// Like [`try_acquire`], but looks again a few times over a few
/// milliseconds when the lock seems held by no one in particular: another
/// session's probe of who holds it (a shared lock for microseconds) must not
/// read as "someone is interviewing".
pub fn acquire_patiently(vendor_path: &Path, me: &Holder, mode: u32) -> io::Result<Acquired> {
    let mut result = try_acquire(vendor_path, me, mode);
    for _ in 0..5 {
        match &result {
            Ok(Acquired::Theirs(Some(h))) if !h.user.is_empty() => break,
            Ok(Acquired::Theirs(_)) => {
                std::thread::sleep(std::time::Duration::from_millis(2));
                result = try_acquire(vendor_path, me, mode);
            }
            _ => break,
        }
    }
    result
}

/// Who holds the writer lock of `vendor_path` now, if anyone (`Some` with
/// an empty record when the holder's record could not be read).
///
/// Probes with a shared lock, which fails only while a writer holds the
/// exclusive one; the probe is released at once.
pub fn holder_of(vendor_path: &Path) -> Option<Holder> {
    let path = lock_path(vendor_path);
    let mut file = OpenOptions::new().read(true).open(path).ok()?;
    match file.try_lock_shared() {
        Ok(()) => None,
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            Some(toml::from_str(&text).unwrap_or_default())
        }
        Err(std::fs::TryLockError::Error(_)) => None,
    }
}

impl Drop for VendorLock {
    /// Empties the record before the lock goes, so that followers watching
    /// the folder see a change and know the writer has left.
    fn drop(&mut self) {
        let _ = self._file.set_len(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_taker_sees_the_holder_until_release() {
        let dir = tempfile::tempdir().unwrap();
        let vendor = dir.path().join("acme.toml");
        let me =
            Holder { user: "li.wei".into(), host: "box".into(), pid: 42, since: "2026-11-24T10:02:00+08:00".into() };
        let first = try_acquire(&vendor, &me, 0o600).unwrap();
        assert!(matches!(first, Acquired::Mine(_)));
        match try_acquire(&vendor, &Holder::default(), 0o600).unwrap() {
            Acquired::Theirs(Some(holder)) => assert_eq!(holder, me),
            other => panic!("expected the first holder, got {other:?}"),
        }
        assert_eq!(holder_of(&vendor), Some(me.clone()));
        drop(first);
        assert_eq!(holder_of(&vendor), None);
        assert!(matches!(try_acquire(&vendor, &Holder::default(), 0o600).unwrap(), Acquired::Mine(_)));
    }
}
