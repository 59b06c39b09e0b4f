//! After the meeting (§11): copying evidence into the workspace, hashing
//! evidence files off the draw path, and starting a new cycle. The same
//! storage functions as `ccvet evidence add` and `ccvet reassess`.

use super::*;
use crate::app::followups::Check;
use crate::domain::date::Date;
use crate::domain::followup::{Evidence, Source};
use crate::i18n::status as msg;

/// "Today" at the edge: `$CCVET_TODAY` (YYYY-MM-DD) when set, as for the
/// command line, else the local calendar day.
pub(super) fn today() -> Date {
    std::env::var("CCVET_TODAY").ok().and_then(|t| Date::parse(&t)).unwrap_or_else(crate::system::today)
}

impl super::Runner {
    /// Adds evidence to answer `key` of the open vendor: a URL as it is, a
    /// file copied into `evidence/<slug>/` (never over another) with its
    /// SHA-256. A path is relative to the workspace (or absolute, or `~/…`).
    pub(super) fn add_evidence(
        &mut self,
        key: String,
        path: String,
        expires: Option<Date>,
        expires_text: String,
    ) -> Vec<Action> {
        let Some(slug) = self.app.interview.as_ref().map(|iv| iv.vendor.slug.clone()) else { return vec![] };
        let failed = |message: String| Action::EvidenceFailed {
            key: key.clone(),
            path: path.clone(),
            expires: expires_text.clone(),
            message,
        };
        let seen_on = self.app.today;
        if crate::storage::evidence::is_url(&path) {
            let entry = Evidence { source: Source::Url(path.clone()), seen_on, expires };
            return vec![Action::EvidenceCopied { key, entry }];
        }
        let typed = std::path::PathBuf::from(&path);
        let relative = !typed.is_absolute() && !path.starts_with("~/");
        let file = match path.strip_prefix("~/").zip(std::env::var_os("HOME")) {
            Some((rest, home)) => PathBuf::from(home).join(rest),
            None if typed.is_absolute() => typed,
            None => self.workspace.root.join(typed),
        };
        let shown = crate::safe_text::visible(&path).into_owned();
        match std::fs::metadata(&file) {
            Ok(m) if m.is_file() => {}
            Ok(_) => {
                let message = msg::SHOWN_IS_NOT_A_FILE.fill(self.app.lang, &[("shown", &shown)]);
                return vec![failed(message)];
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                // Where a relative path was looked for; an absolute one
                // needs no explaining.
                let root = self.root_prefix();
                let message = if relative {
                    msg::NO_SUCH_EVIDENCE_FILE.fill(self.app.lang, &[("shown", &shown), ("root", &root)])
                } else {
                    msg::NO_SUCH_FILE.fill(self.app.lang, &[("shown", &shown)])
                };
                return vec![failed(message)];
            }
            Err(e) => return vec![failed(self.short(&Error::io(&file, e).to_string()))],
        }
        match crate::storage::evidence::copy_in(&self.workspace.root, &slug, &file, self.workspace.modes) {
            Ok(c) => {
                let entry = Evidence { source: Source::File { file: c.file, sha256: c.sha256 }, seen_on, expires };
                vec![Action::EvidenceCopied { key, entry }]
            }
            Err(e) => vec![failed(self.short(&e.to_string()))],
        }
    }

    /// Hashes evidence files on a thread of its own (a large PDF never
    /// holds up a key or a frame); the results come back as an event.
    pub(super) fn check_evidence(&mut self, files: Vec<(String, String)>) -> Vec<Action> {
        let (root, tx) = (self.workspace.root.clone(), self.events.clone());
        let spawned = std::thread::Builder::new().name("evidence".into()).spawn(move || {
            crate::system::background_thread();
            let results = files
                .into_iter()
                .map(|(file, sha)| {
                    let check = match crate::storage::evidence::check(&root, &file, &sha) {
                        crate::storage::evidence::Check::Ok => Check::Ok,
                        crate::storage::evidence::Check::Missing => Check::Missing,
                        crate::storage::evidence::Check::Changed { .. } => Check::Changed,
                        crate::storage::evidence::Check::Unreadable(why) => Check::Unreadable(why),
                    };
                    (file, sha, check)
                })
                .collect();
            let _ = tx.send(Incoming::EvidenceChecked(results));
        });
        match spawned {
            Ok(_) => vec![],
            Err(e) => vec![Action::Failed(msg::CANNOT_CHECK_EVIDENCE.fill(self.app.lang, &[("why", &e)]))],
        }
    }

    /// Starts a new cycle of the vendor at `path` (as `ccvet reassess`),
    /// holding its lock: the open vendor's, or taken for the step.
    pub(super) fn reassess(&mut self, path: &Path, on: Date) -> Vec<Action> {
        let open = self.app.interview.as_ref().is_some_and(|iv| iv.vendor.path == path) && self.lock.is_some();
        let _taken = if open {
            None
        } else {
            match self.acquire(path) {
                Ok(Acquired::Mine(lock)) => Some(lock),
                Ok(Acquired::Theirs(holder)) => {
                    let who = holder.map_or_else(String::new, |h| h.user);
                    let text = msg::WHO_IS_INTERVIEWING_THIS_VENDOR.fill(self.app.lang, &[("who", &who)]);
                    return vec![Action::Failed(text)];
                }
                Err(e) => {
                    let why = Error::io(&lock::lock_path(path), e).message(self.app.lang);
                    return vec![Action::Failed(self.short(&why))];
                }
            }
        };
        let result =
            VendorFile::load(path).and_then(|v| crate::storage::cycle::start_cycle(&v, on, self.workspace.modes));
        match result {
            Ok((vendor, history)) => {
                let history = self.short(&history.display().to_string());
                self.reload_vendors(true);
                vec![Action::VendorsLoaded, Action::Reassessed { vendor: Box::new(vendor), history }]
            }
            Err(e) => vec![Action::Failed(format!("✗ {}", self.short(&e.message(self.app.lang))))],
        }
    }
}
