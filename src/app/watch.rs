//! Watching the workspace for other people's changes: an answer saved in
//! another session, a sign-off, a writer leaving.
//!
//! The workspace folder is watched (not single files: an atomic save
//! replaces the inode and a watch on the old one goes silent). Native
//! notifications (inotify) first; where they cannot be had, or with
//! `CCVET_WATCH=poll` (NFS gives no notifications), a poll every 500 ms.

use std::path::{Path, PathBuf};
use std::time::Duration;

use notify::event::{AccessKind, AccessMode};
use notify::{Config, Event, EventKind, PollWatcher, RecommendedWatcher, RecursiveMode, Watcher};

/// Keeps the watch alive; dropping it stops watching.
pub struct Watch {
    _watcher: Box<dyn Watcher + Send>,
    pub polling: bool,
}

/// Watches `root` (recursively) and calls `changed` with the paths of files
/// ccvet cares about (`*.toml` and `*.lock`, never our hidden temporary
/// files).
pub fn start(
    root: &Path,
    force_poll: bool,
    changed: impl Fn(Vec<PathBuf>) + Send + Clone + 'static,
) -> Result<Watch, String> {
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
                changed(paths);
            }
        }
    };
    if !force_poll
        && let Ok(mut w) = RecommendedWatcher::new(handler.clone(), Config::default())
        && w.watch(root, RecursiveMode::Recursive).is_ok()
    {
        return Ok(Watch { _watcher: Box::new(w), polling: false });
    }
    let config = Config::default().with_poll_interval(Duration::from_millis(500)).with_compare_contents(false);
    let mut w = PollWatcher::new(handler, config).map_err(|e| format!("cannot watch the workspace: {e}"))?;
    w.watch(root, RecursiveMode::Recursive).map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    Ok(Watch { _watcher: Box::new(w), polling: true })
}

/// Vendor, review and lock files; and folders (a `git checkout` or a
/// copy can replace the whole `vendors` folder at once).
fn relevant(path: &Path) -> bool {
    let hidden = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
    !hidden && path.extension().is_none_or(|e| e == "toml" || e == "lock")
}
