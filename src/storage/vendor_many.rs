//! Saving many answers of one vendor file at once (`ccvet import`), and
//! the `source = "vendor"` mark such answers carry.

use crate::i18n::{Text, errors};
use toml_edit::{Item, TableLike};

use super::super::Error;
use super::super::atomic::{FileSystem, write_atomic};
use super::{VendorFile, apply, keep_line_style};
use crate::domain::answers::{Answer, Edit};
use crate::domain::questionnaire::Questionnaire;

impl VendorFile {
    /// Saves edits of many answers in one atomic write (`ccvet import`):
    /// the caller holds the vendor's lock and read this version under it,
    /// so a file changed on disk meanwhile (by hand) is refused, not merged.
    /// Nothing is written unless every edit reads back as intended.
    pub fn save_many(
        &mut self,
        questionnaire: &Questionnaire,
        changes: &[(String, Vec<Edit>)],
        fs: &dyn FileSystem,
        mode: u32,
    ) -> Result<(), Error> {
        let on_disk = std::fs::read(&self.path).map_err(|e| Error::io(&self.path, e))?;
        if on_disk != self.text.as_bytes() {
            return Err(Error::refused(&self.path, Text::new(errors::CHANGED_WHILE_IMPORTING, &[])));
        }
        let mut text = self.text.clone();
        for (key, edits) in changes {
            for edit in edits {
                text = apply(&text, questionnaire, key, edit)?;
            }
        }
        let text = keep_line_style(&self.text, text);
        let next = VendorFile::parse(&self.path, text.clone()).map_err(|e| {
            Error::refused(&self.path, format!("internal error: the saved file would not read back: {e}"))
        })?;
        for (key, edits) in changes {
            let expected = edits.iter().fold(self.answers.get(key).cloned(), |a, e| Answer::edited(a.as_ref(), e));
            if !Answer::same_content(next.answers.get(key), expected.as_ref()) {
                return Err(Error::refused(&self.path, "internal error: the saved file would not hold the change"));
            }
        }
        write_atomic(fs, &self.path, text.as_bytes(), mode).map_err(|e| Error::io(&self.path, e))?;
        *self = next;
        Ok(())
    }
}

/// Takes off the mark of an answer imported from the vendor; a `source`
/// of a person's own stays.
pub(super) fn remove_vendor_source(fields: &mut dyn TableLike) {
    if fields.get("source").and_then(Item::as_str) == Some(crate::domain::answers::VENDOR_SOURCE) {
        fields.remove("source");
    }
}
