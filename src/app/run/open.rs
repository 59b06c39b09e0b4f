//! Opening a vendor as its writer or read-only, taking over, and the
//! answer-level steps that touch its file (history, resolve, keep mine).

use super::*;

impl super::Runner {
    /// Opens a vendor: as its writer when this account is its interviewer
    /// (or it has none) and no one else holds it; read-only otherwise,
    /// without taking the lock, so reading never blocks the interviewer.
    pub(super) fn open_vendor(&mut self, path: &Path, review: bool) -> Vec<Action> {
        self.lock = None;
        let vendor = match VendorFile::load(path) {
            Ok(vendor) => vendor,
            Err(e) => {
                return vec![Action::Failed(self.short(e.message(self.app.lang).lines().next().unwrap_or_default()))];
            }
        };
        let mine = vendor.meta.interviewer.as_deref().is_none_or(|who| who == self.user);
        let (lock, read_only) = if review || !mine {
            (None, Some(local_since(lock::holder_of(path).unwrap_or_default())))
        } else {
            match self.acquire(path) {
                Ok(Acquired::Mine(lock)) => (Some(lock), None),
                Ok(Acquired::Theirs(holder)) => (None, Some(local_since(holder.unwrap_or_default()))),
                Err(e) => {
                    return vec![Action::Failed(
                        self.short(&Error::io(&lock::lock_path(path), e).message(self.app.lang)),
                    )];
                }
            }
        };
        self.lock = lock;
        let mut iv = Interview::new(&self.app.questionnaire, vendor);
        // No one writing: free to take over at once.
        iv.writer_left = read_only.as_ref().is_some_and(|h| h.user.is_empty());
        iv.read_only = read_only;
        iv.last_change = modified(path);
        // Back to a vendor left earlier this session: where it was left.
        if let Some((section, question)) =
            self.app.left_on.get(path).and_then(|key| self.app.questionnaire.position(key))
        {
            (iv.section, iv.question) = (section, question);
        }
        // Evidence digests are checked off the draw path, once per opening.
        let check = crate::app::update::check_new_evidence(&mut iv);
        self.app.interview = Some(iv);
        // Reviews are found through the vendor's earlier slugs too, which
        // are in the file just put in place.
        let (reviews, errors) = self.load_reviews(path);
        if let Some(iv) = self.app.interview.as_mut() {
            iv.set_reviews(reviews);
            iv.review_errors = errors;
        }
        for effect in check {
            if let Effect::CheckEvidence { files } = effect {
                self.check_evidence(files);
            }
        }
        self.app.screen = if review { Screen::Review } else { Screen::Interview };
        self.app.overlay = None;
        vec![Action::Resize(self.app.width, self.app.height)]
    }

    /// The open vendor's reviews (following its earlier slugs).
    pub(super) fn load_reviews(&self, vendor: &Path) -> (Vec<review::Review>, Vec<String>) {
        let aliases = self.app.interview.as_ref().map(|iv| iv.vendor.meta.renamed_from.clone()).unwrap_or_default();
        let mut reviews = Vec::new();
        let mut errors = Vec::new();
        for r in review::load_all(vendor, &aliases) {
            match r {
                Ok(r) => reviews.push(r),
                Err(e) => errors.push(self.short(e.message(self.app.lang).lines().next().unwrap_or_default())),
            }
        }
        (reviews, errors)
    }

    pub(super) fn acquire(&self, path: &Path) -> std::io::Result<Acquired> {
        lock::acquire_patiently(path, &crate::system::holder(&self.user), self.workspace.modes.file)
    }

    pub(super) fn take_over(&mut self) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        match self.acquire(&path) {
            Ok(Acquired::Mine(lock)) => {
                // Start from what is on disk now, with this account recorded
                // as the interviewer.
                let recorded =
                    crate::storage::handover::record_interviewer(&path, &self.user, &RealFs, self.workspace.modes.file);
                match recorded {
                    Ok(fresh) => {
                        self.lock = Some(lock);
                        vec![Action::VendorChanged(Ok(Box::new(fresh))), Action::TookOver(true)]
                    }
                    Err(e) => vec![Action::Failed(self.short(&e.message(self.app.lang)))],
                }
            }
            Ok(Acquired::Theirs(holder)) => vec![Action::LockChanged(holder), Action::TookOver(false)],
            Err(e) => vec![Action::Failed(e.to_string())],
        }
    }

    /// The git history of answer `key` of the open vendor (as `ccvet log
    /// VENDOR --question KEY`); one git log and one git cat-file.
    pub(super) fn history(&mut self, key: String) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        let changes =
            crate::git::changes::answer_changes(&self.workspace.root, &path, &self.app.questionnaire, Some(&key))
                .map_err(|e| self.short(&e.message(self.app.lang)));
        vec![Action::HistoryLoaded { key, changes }]
    }

    /// Settles a merge conflict in the open vendor's file, as `ccvet
    /// resolve` does: from the file on disk, never writing what does not read.
    pub(super) fn resolve(&mut self, key: &str, theirs: bool) -> Vec<Action> {
        let Some(path) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return vec![] };
        let side = if theirs { crate::storage::merge::Side::Theirs } else { crate::storage::merge::Side::Ours };
        let result = VendorFile::load(&path).and_then(|v| {
            let text = crate::storage::merge::resolve_text(v.text(), key, side)
                .map_err(|m| crate::storage::Error::refused(&path, m))?
                .ok_or_else(|| {
                    let text = crate::i18n::Text::new(crate::i18n::errors::NOT_IN_CONFLICT, &[("key", &key)]);
                    crate::storage::Error::refused(&path, text)
                })?;
            let next = VendorFile::parse(&path, text.clone())?;
            crate::storage::atomic::write_atomic(&RealFs, &path, text.as_bytes(), self.workspace.modes.file)
                .map_err(|e| crate::storage::Error::io(&path, e))?;
            Ok(next)
        });
        match result {
            Ok(next) => vec![Action::VendorChanged(Ok(Box::new(next)))],
            Err(e) => vec![Action::Failed(self.short(&e.message(self.app.lang)))],
        }
    }

    /// Someone else changed the answer being edited: theirs stays on disk,
    /// ours is written beside it.
    pub(super) fn keep_mine(&mut self, key: &str, edits: &[crate::domain::answers::Edit]) -> Vec<Action> {
        let Some(iv) = self.app.interview.as_ref() else { return vec![] };
        match iv.vendor.keep_mine(&self.app.questionnaire, key, edits, &RealFs, self.workspace.modes.file) {
            Ok(mine) => {
                let name = mine.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let text =
                    crate::i18n::status::SAVE_CONFLICT_MARKED.fill(self.app.lang, &[("key", &key), ("name", &name)]);
                vec![Action::Failed(text)]
            }
            Err(e) => vec![Action::Failed(self.short(&e.message(self.app.lang)))],
        }
    }
}

/// The holder with `since` as this user's local time: a writer in Shanghai
/// and a reviewer in Frankfurt each read their own clock.
/// When `path` last changed, in Unix seconds.
pub(super) fn modified(path: &Path) -> Option<i64> {
    let time = std::fs::metadata(path).and_then(|m| m.modified()).ok()?;
    let secs = time.duration_since(std::time::UNIX_EPOCH).ok()?.as_secs();
    i64::try_from(secs).ok()
}

pub(super) fn local_since(mut holder: lock::Holder) -> lock::Holder {
    if let Ok(t) = holder.since.parse::<jiff::Timestamp>() {
        holder.since = t.to_zoned_datetime(crate::system::local_zone()).strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    }
    holder
}
