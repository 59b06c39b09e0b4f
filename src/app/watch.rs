//! Watching the workspace for other people's changes: an answer saved in
//! another session, a sign-off, a writer leaving.
//!
//! Folders are watched (not single files: an atomic save replaces the
//! inode and a watch on the old one goes silent): the workspace, `vendors`,
//! `reviews` and each vendor's folder in `reviews`, one by one. A recursive
//! watch would walk every file to find the folders: 10,000 vendor files
//! took seconds. Folders that appear later are added as their events come
//! in ([`Watch::add`]). Native notifications (inotify) first; where they
//! cannot be had, or with `CCVET_WATCH=poll` (NFS gives no notifications),
//! a poll every 500 ms ([`super::poll`]) that compares inode, size and
//! nanosecond times, and whether each lock is held.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Config, Event, EventKind, RecommendedWatcher, RecursiveMode, Watcher};

/// Keeps the watch alive; dropping it stops watching.
pub struct Watch {
    watcher: Option<Box<dyn Watcher + Send>>,
    _poller: Option<super::poll::Poller>,
    pub polling: bool,
}

impl Watch {
    /// Starts watching a folder that appeared in the workspace (`vendors`,
    /// `reviews`, a vendor's review folder), and the folders already in it:
    /// `reviews/acme/` may have been made before `reviews/` was watched.
    /// Polling watches everything already.
    pub fn add(&mut self, folder: &Path) {
        let Some(watcher) = self.watcher.as_mut() else { return };
        let _ = watcher.watch(folder, RecursiveMode::NonRecursive);
        if let Ok(entries) = std::fs::read_dir(folder) {
            for entry in entries.filter_map(Result::ok).filter(|e| e.file_type().is_ok_and(|t| t.is_dir())) {
                let _ = watcher.watch(&entry.path(), RecursiveMode::NonRecursive);
            }
        }
    }
}

/// The folders whose files ccvet follows, as they are now.
pub fn folders(root: &Path) -> Vec<PathBuf> {
    let reviews = root.join("reviews");
    let mut out = vec![root.to_path_buf(), root.join("vendors")];
    if let Ok(entries) = std::fs::read_dir(&reviews) {
        out.extend(
            entries.filter_map(Result::ok).filter(|e| e.file_type().is_ok_and(|t| t.is_dir())).map(|e| e.path()),
        );
    }
    out.push(reviews);
    out
}

/// Whether `path` is a folder ccvet follows in the workspace at `root`.
pub fn is_followed_folder(root: &Path, path: &Path) -> bool {
    let reviews = root.join("reviews");
    (path == root.join("vendors") || path == reviews || path.parent() == Some(reviews.as_path())) && path.is_dir()
}

/// Watches `root` (recursively) and calls `changed` with the paths of files
/// ccvet cares about (`*.toml` and `*.lock`, never our hidden temporary
/// files).
pub fn start(
    root: &Path,
    force_poll: bool,
    changed: impl Fn(Vec<PathBuf>) + Send + Clone + 'static,
) -> Result<Watch, String> {
    let notified = changed.clone();
    let handler = move |result: notify::Result<Event>| {
        if let Ok(event) = result {
            // Opening and reading a file is not a change, and reacting to
            // it would loop: every reload opens the files again. Closing a
            // lock file that was open for writing is: its writer has gone,
            // even one killed with -9.
            let lock_closed = matches!(event.kind, EventKind::Access(AccessKind::Close(AccessMode::Write)))
                && event.paths.iter().any(|p| p.extension().is_some_and(|e| e == "lock"));
            if matches!(event.kind, EventKind::Access(_)) && !lock_closed {
                return;
            }
            let paths: Vec<PathBuf> = event.paths.into_iter().filter(|p| relevant(p)).collect();
            if !paths.is_empty() {
                notified(paths);
            }
        }
    };
    if !force_poll
        && let Ok(mut w) = RecommendedWatcher::new(handler.clone(), Config::default())
        && w.watch(root, RecursiveMode::NonRecursive).is_ok()
    {
        for folder in folders(root).iter().skip(1) {
            // `vendors` or `reviews` may not exist yet: the root's events
            // say when they appear.
            let _ = w.watch(folder, RecursiveMode::NonRecursive);
        }
        return Ok(Watch { watcher: Some(Box::new(w)), _poller: None, polling: false });
    }
    let poller = super::poll::Poller::start(root, POLL_INTERVAL, changed)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    Ok(Watch { watcher: None, _poller: Some(poller), polling: true })
}

/// How often a poll looks (NFS, or `CCVET_WATCH=poll`).
pub const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Vendor, review and lock files; and folders (a `git checkout` or a
/// copy can replace the whole `vendors` folder at once).
pub fn relevant(path: &Path) -> bool {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && path.extension().is_none_or(|e| e == "toml" || e == "lock")
}
