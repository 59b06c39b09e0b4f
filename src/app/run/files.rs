//! Files changed on disk: which rows and which open vendor to refresh.

use super::*;

impl super::Runner {
    /// Files changed on disk: refresh the vendor list's rows for them, and
    /// the open vendor (its answers, its lock, its reviews) if among them.
    pub(super) fn files_changed(&mut self, paths: Vec<PathBuf>) -> Vec<Action> {
        // A folder that appeared is watched from now on (what was written
        // in it before that is read by the reload below).
        if let Some(watch) = self.watch.as_mut() {
            for folder in paths.iter().filter(|p| crate::app::watch::is_followed_folder(&self.workspace.root, p)) {
                watch.add(folder);
            }
        }
        let vendors = self.workspace.vendors_dir();
        let reviews = self.workspace.root.join("reviews");
        let mut affected: Vec<PathBuf> = paths
            .iter()
            .filter_map(|p| {
                let parent = p.parent()?;
                if parent == vendors {
                    Some(p.with_extension("toml"))
                } else if parent.parent() == Some(reviews.as_path()) {
                    Some(vendors.join(format!("{}.toml", parent.file_name()?.to_string_lossy())))
                } else {
                    None
                }
            })
            .collect();
        affected.sort();
        affected.dedup();
        // A folder appeared, went or was replaced (a git checkout, a copy):
        // everything may have changed.
        let whole = paths.iter().any(|p| p.extension().is_none() && !p.is_file());
        if whole {
            self.reload_vendors(true);
            if let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) {
                affected.push(open);
            }
        }
        let root = self.root_prefix();
        for path in &affected {
            let row = path.is_file().then(|| {
                let result = summary::load_one(&self.app.questionnaire, path);
                row_of(path, result, &root, self.app.lang)
            });
            self.app.replace_row(path, row);
        }
        let mut actions = vec![Action::VendorsLoaded];
        let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return actions };
        if !affected.contains(&open) {
            return actions;
        }
        if self.app.interview.as_ref().is_some_and(|iv| iv.saving > 0) {
            self.recheck_open = true;
            return actions;
        }
        actions.extend(self.check_open_vendor());
        actions
    }

    /// The open vendor's file, lock or reviews may have changed: what to
    /// tell the app.
    pub(super) fn check_open_vendor(&mut self) -> Vec<Action> {
        let mut actions = Vec::new();
        let Some(open) = self.app.interview.as_ref().map(|iv| iv.vendor.path.clone()) else { return actions };
        // Our own saves come back as events too: only a different text is
        // news (or the same text after an error: the file is back).
        let same = std::fs::read(&open)
            .is_ok_and(|b| Some(b.as_slice()) == self.app.interview.as_ref().map(|iv| iv.vendor.text().as_bytes()));
        let had_error = self.app.interview.as_ref().is_some_and(|iv| iv.disk_error.is_some());
        if !same || had_error {
            if let Some(iv) = self.app.interview.as_mut() {
                iv.last_change = modified(&open);
            }
            let fresh = VendorFile::load(&open)
                .map(Box::new)
                .map_err(|e| self.short(e.message(self.app.lang).lines().next().unwrap_or_default()));
            actions.push(Action::VendorChanged(fresh));
        }
        actions.push(Action::LockChanged(lock::holder_of(&open).map(local_since)));
        let (reviews, errors) = self.load_reviews(&open);
        actions.push(Action::ReviewsChanged(reviews, errors));
        actions
    }
}
