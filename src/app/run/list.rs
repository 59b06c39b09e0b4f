//! The vendor list: listing the files, loading rows (at once when few,
//! else in the background), creating a vendor.

use super::*;

impl super::Runner {
    pub(super) fn reload_vendors(&mut self, now: bool) {
        if let Some(paths) = self.list_vendors() {
            self.load_rows(paths, now);
        }
    }

    /// The vendor files (a large folder takes a millisecond or two to list:
    /// once per load).
    pub(super) fn list_vendors(&mut self) -> Option<Vec<PathBuf>> {
        self.workspace.vendor_paths().map_err(|e| self.app.say(StatusKind::Error, e.message(self.app.lang))).ok()
    }

    pub(super) fn load_rows(&mut self, paths: Vec<PathBuf>, now: bool) {
        self.load_generation += 1;
        let root = self.root_prefix();
        // Before the questionnaire is in, rows can only be file names.
        if self.questionnaire_ready && few_and_small(&paths) {
            let loaded = summary::load(&self.app.questionnaire, &paths);
            let rows = loaded
                .into_iter()
                .zip(&paths)
                .map(|(result, path)| row_of(path, result, &root, self.app.lang))
                .collect();
            self.app.set_vendors(rows);
            self.app.vendors.loading = None;
            return;
        }
        let old = std::mem::take(&mut self.app.vendors.rows);
        let rows: Vec<VendorRow> = paths
            .iter()
            .map(|path| match old.binary_search_by(|r| r.path().cmp(path)) {
                Ok(at) => old[at].clone(),
                Err(_) => VendorRow::Loading { path: path.clone(), slug: crate::storage::vendor::slug_of(path) },
            })
            .collect();
        self.app.set_vendors(rows);
        self.app.vendors.loading = Some((0, paths.len()));
        self.app.vendors.refreshed.clear();
        if !now {
            return;
        }
        let (tx, generation, lang) = (self.events.clone(), self.load_generation, self.app.lang);
        let batch = (paths.len() / 16).max(32);
        let send = move |loaded: Vec<(usize, PathBuf, Result<summary::Summary, Error>)>| {
            let rows = loaded.into_iter().map(|(i, path, result)| (i, row_of(&path, result, &root, lang))).collect();
            tx.send(Incoming::Loaded { generation, rows }).is_ok()
        };
        if let Err(e) = summary::load_in_background(self.app.questionnaire.clone(), paths, batch, send) {
            let text = crate::i18n::status::CANNOT_LOAD_IN_BACKGROUND.fill(self.app.lang, &[("why", &e)]);
            self.app.say(StatusKind::Error, text);
        }
    }

    pub(super) fn rows_loaded(&mut self, rows: Vec<(usize, VendorRow)>) {
        let n = rows.len();
        self.app.vendors_loaded(rows);
        if let Some((done, all)) = self.app.vendors.loading {
            self.app.vendors.loading = (done + n < all).then_some((done + n, all));
            if self.app.vendors.loading.is_none() {
                self.app.vendors.refreshed.clear();
            }
        }
    }

    pub(super) fn create_vendor(&mut self, name: String) -> Vec<Action> {
        let q = &self.app.questionnaire;
        let meta = Meta {
            vendor: name,
            questionnaire: Some(q.id.clone()),
            questionnaire_version: Some(q.version),
            assessed_on: Some(self.app.today),
            interviewer: Some(self.user.clone()),
            renamed_from: Vec::new(),
        };
        let name = meta.vendor.clone();
        match self.workspace.create_vendor_for(&meta, Some(q), &RealFs) {
            Ok(v) => {
                self.reload_vendors(true);
                vec![Action::VendorCreated { slug: v.slug }]
            }
            Err(e) => vec![Action::CreateFailed { name, message: self.short(&e.message(self.app.lang)) }],
        }
    }
}

pub(super) fn few_and_small(paths: &[PathBuf]) -> bool {
    let (files, bytes) = LOAD_BEFORE_FIRST_FRAME;
    paths.len() <= files
        && paths.iter().filter_map(|p| std::fs::metadata(p).ok()).map(|m| m.len()).sum::<u64>() <= bytes
}

/// A vendor list row from a loaded summary or the error that stopped it,
/// with "changed" in local time and paths relative to the workspace.
pub(super) fn row_of(path: &Path, result: Result<summary::Summary, Error>, root: &str, lang: Lang) -> VendorRow {
    match result {
        Ok(s) => {
            let changed = s.modified.map(crate::system::local_short).unwrap_or_default();
            VendorRow::Ok { summary: Box::new(s), changed }
        }
        Err(e) => VendorRow::Unreadable {
            path: path.to_path_buf(),
            slug: crate::storage::vendor::slug_of(path),
            error: e.message(lang).lines().next().unwrap_or_default().replace(root, ""),
        },
    }
}
