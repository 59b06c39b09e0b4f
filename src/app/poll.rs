//! Following by polling, where the file system sends no notifications
//! (NFS) or with `CCVET_WATCH=poll`.
//!
//! Each look compares every followed file's inode, size and nanosecond
//! modification and change times with the last look: an atomic save is a
//! new inode, so two saves within one second (which a whole-second mtime
//! cannot tell apart) are both seen. A lock file's content does not change
//! when its writer is killed, so whether each non-empty lock is held is
//! part of what is compared: a writer's departure shows within one
//! interval.

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What is compared between two looks at a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    ino: u64,
    size: u64,
    mtime_ns: i128,
    ctime_ns: i128,
    /// A non-empty lock file is held by a live writer.
    held: bool,
}

/// The stamps of every followed file (and folder) under `root`.
pub fn look(root: &Path) -> HashMap<PathBuf, Stamp> {
    let mut out = HashMap::new();
    for folder in super::watch::folders(root) {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries.filter_map(Result::ok) {
            let path = entry.path();
            if !super::watch::relevant(&path) {
                continue;
            }
            let Ok(meta) = std::fs::metadata(&path) else { continue };
            if meta.is_dir() {
                // A folder that appears or is replaced (a checkout) is news;
                // its times change with every save inside it, which is not.
                out.insert(path, Stamp { ino: meta.ino(), size: 0, mtime_ns: 0, ctime_ns: 0, held: false });
                continue;
            }
            let is_lock = path.extension().is_some_and(|e| e == "lock");
            let held =
                is_lock && meta.len() > 0 && crate::storage::lock::holder_of(&path.with_extension("toml")).is_some();
            out.insert(
                path,
                Stamp {
                    ino: meta.ino(),
                    size: meta.len(),
                    mtime_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
                    ctime_ns: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
                    held,
                },
            );
        }
    }
    out
}

/// The paths that appeared, went or changed between two looks, sorted.
pub fn differences(before: &HashMap<PathBuf, Stamp>, after: &HashMap<PathBuf, Stamp>) -> Vec<PathBuf> {
    let mut changed: Vec<PathBuf> = after
        .iter()
        .filter(|(path, stamp)| before.get(*path) != Some(stamp))
        .map(|(path, _)| path.clone())
        .chain(before.keys().filter(|path| !after.contains_key(*path)).cloned())
        .collect();
    changed.sort();
    changed
}

/// The polling thread; dropping this stops it (within one interval).
pub struct Poller {
    stop: Arc<AtomicBool>,
}

impl Poller {
    pub fn start(
        root: &Path,
        interval: Duration,
        changed: impl Fn(Vec<PathBuf>) + Send + 'static,
    ) -> std::io::Result<Poller> {
        let stop = Arc::new(AtomicBool::new(false));
        let (root, stopped) = (root.to_path_buf(), stop.clone());
        std::thread::Builder::new().name("poll".into()).spawn(move || {
            crate::system::background_thread();
            let mut before = look(&root);
            while !stopped.load(Ordering::Relaxed) {
                std::thread::sleep(interval);
                let after = look(&root);
                let paths = differences(&before, &after);
                if !paths.is_empty() {
                    changed(paths);
                }
                before = after;
            }
        })?;
        Ok(Poller { stop })
    }
}

impl Drop for Poller {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_saves_in_one_second_of_the_same_size_are_both_seen() {
        let dir = tempfile::tempdir().unwrap();
        let vendors = dir.path().join("vendors");
        std::fs::create_dir(&vendors).unwrap();
        let file = vendors.join("acme.toml");
        std::fs::write(&file, "value = 1\n").unwrap();
        let first = look(dir.path());
        // An atomic save of the same length, well within the same second.
        let temp = vendors.join(".acme.tmp");
        std::fs::write(&temp, "value = 2\n").unwrap();
        std::fs::rename(&temp, &file).unwrap();
        let second = look(dir.path());
        assert_eq!(differences(&first, &second), vec![file.clone()]);
        assert_eq!(differences(&second, &look(dir.path())), Vec::<PathBuf>::new());
        std::fs::remove_file(&file).unwrap();
        assert_eq!(differences(&second, &look(dir.path())), vec![file]);
    }

    #[test]
    fn a_writer_killed_with_its_record_left_is_a_change() {
        let dir = tempfile::tempdir().unwrap();
        let vendors = dir.path().join("vendors");
        std::fs::create_dir(&vendors).unwrap();
        let vendor = vendors.join("acme.toml");
        std::fs::write(&vendor, "").unwrap();
        let lock_path = vendors.join("acme.lock");
        std::fs::write(&lock_path, "user = \"li.wei\"\n").unwrap();
        // Another process holds the lock, as a writer does.
        let Ok(mut writer) =
            std::process::Command::new("flock").arg("--no-fork").arg(&lock_path).args(["sleep", "60"]).spawn()
        else {
            eprintln!("skipped: no flock command to play the writer");
            return;
        };
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while crate::storage::lock::holder_of(&vendor).is_none() {
            assert!(std::time::Instant::now() < deadline, "the writer never took the lock");
            std::thread::yield_now();
        }
        let held = look(dir.path());
        assert!(held[&lock_path].held);
        writer.kill().unwrap();
        writer.wait().unwrap();
        // The record is still there, untouched; only the lock went.
        let after = look(dir.path());
        assert_eq!(std::fs::read_to_string(&lock_path).unwrap(), "user = \"li.wei\"\n");
        assert_eq!(differences(&held, &after), vec![lock_path]);
    }
}
