//! Renaming, archiving and restoring vendors from the list, and
//! remembering the language: the I/O behind `R`, `a`, `A` and `L`.

use super::*;
use crate::i18n::status as msg;
use crate::storage::housekeeping::{self, HkError};

impl super::Runner {
    pub(super) fn rename_vendor(&mut self, path: PathBuf, name: String) -> Vec<Action> {
        let lang = self.app.lang;
        match housekeeping::rename(&self.workspace, &path, &name, &crate::system::holder(&self.user)) {
            Ok(done) => {
                self.reload_vendors(true);
                self.select(&done.vendor.path);
                let text = msg::RENAMED.fill(lang, &[("name", &done.vendor.meta.vendor), ("slug", &done.vendor.slug)]);
                vec![Action::VendorsLoaded, Action::HousekeepingDone(text)]
            }
            Err(HkError::Refused(r @ housekeeping::Refusal::SameName)) => {
                vec![Action::HousekeepingDone(r.sentence(lang))]
            }
            Err(e) => {
                vec![Action::RenameFailed { path, name, message: self.short(&format!("✗ {}", e.sentence(lang))) }]
            }
        }
    }

    pub(super) fn archive_vendor(&mut self, path: &Path) -> Vec<Action> {
        let lang = self.app.lang;
        match housekeeping::archive(&self.workspace, path, &crate::system::holder(&self.user)) {
            Ok((vendor, _)) => {
                self.reload_vendors(true);
                let text = msg::ARCHIVED_NAME_A_LISTS_ARCHIVED.fill(lang, &[("name", &vendor.meta.vendor)]);
                vec![Action::VendorsLoaded, Action::HousekeepingDone(text)]
            }
            Err(e) => vec![Action::Failed(self.short(&format!("✗ {}", e.sentence(lang))))],
        }
    }

    pub(super) fn list_archived(&mut self) -> Vec<Action> {
        match housekeeping::archived_paths(&self.workspace) {
            Ok(paths) => {
                let rows = paths
                    .iter()
                    .map(|p| {
                        let slug = crate::storage::vendor::slug_of(p);
                        let name = VendorFile::load(p).map_or_else(|_| slug.clone(), |v| v.meta.vendor);
                        (slug, name)
                    })
                    .collect();
                vec![Action::ArchivedListed(rows)]
            }
            Err(e) => vec![Action::Failed(self.short(&e.to_string()))],
        }
    }

    pub(super) fn restore_vendor(&mut self, slug: &str) -> Vec<Action> {
        let lang = self.app.lang;
        match housekeeping::restore(&self.workspace, slug, &crate::system::holder(&self.user)) {
            Ok(vendor) => {
                self.reload_vendors(true);
                self.select(&vendor.path);
                let text = msg::RESTORED.fill(lang, &[("name", &vendor.meta.vendor), ("slug", &vendor.slug)]);
                vec![Action::VendorsLoaded, Action::HousekeepingDone(text)]
            }
            Err(e) => vec![Action::Failed(self.short(&format!("✗ {}", e.sentence(lang))))],
        }
    }

    /// `L` was pressed: the next start uses this language too (unless
    /// `--lang` or `$CCVET_LANG` says otherwise). Not being able to write
    /// the config is said, and changes nothing else.
    pub(super) fn save_language(&mut self, lang: Lang) -> Vec<Action> {
        let Some(path) = self.config_path.clone() else { return vec![] };
        match crate::storage::config::save_lang(&path, lang) {
            Ok(()) => vec![],
            Err(e) => {
                let lead = msg::LANGUAGE_NOT_REMEMBERED.text(lang);
                vec![Action::Failed(format!("{lead} {e}"))]
            }
        }
    }

    /// Highlights the row of `path` in the vendor list, where it shows.
    fn select(&mut self, path: &Path) {
        let list = &mut self.app.vendors;
        if let Some(pos) = list.visible.iter().position(|&i| list.rows[i].path() == path) {
            list.selected = pos;
        }
    }
}
