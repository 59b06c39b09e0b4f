//! Handing a vendor over: the new writer records itself as the vendor's
//! interviewer, so roles stay explicit in the file (and in git history).

use crate::i18n::{Text, errors};
use std::path::Path;

use super::Error;
use super::atomic::{FileSystem, write_atomic};
use super::vendor::VendorFile;

/// Sets `interviewer = who` in the vendor file at `path`, as it is on disk
/// now. The caller holds the vendor's writer lock; a file that does not
/// read is never written.
pub fn record_interviewer(path: &Path, who: &str, fs: &dyn FileSystem, mode: u32) -> Result<VendorFile, Error> {
    let current = VendorFile::load(path)?;
    if current.meta.interviewer.as_deref() == Some(who) {
        return Ok(current);
    }
    let mut doc: toml_edit::DocumentMut = current
        .text()
        .parse()
        .map_err(|e| Error::refused(path, Text::new(errors::CANNOT_RECORD_INTERVIEWER, &[("why", &e)])))?;
    doc["interviewer"] = toml_edit::value(who);
    let text = doc.to_string();
    let next = VendorFile::parse(path, text.clone())?;
    write_atomic(fs, path, text.as_bytes(), mode).map_err(|e| Error::io(path, e))?;
    Ok(next)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::atomic::RealFs;

    #[test]
    fn the_new_writer_is_recorded_and_the_rest_of_the_file_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("acme.toml");
        let text = "# our notes\nvendor = \"Acme\"\ninterviewer = \"li.wei\"\n\n[answers.\"tech.iso27001\"]\nvalue = true # seen\n";
        std::fs::write(&path, text).unwrap();
        let v = record_interviewer(&path, "wang.fang", &RealFs, 0o600).unwrap();
        assert_eq!(v.meta.interviewer.as_deref(), Some("wang.fang"));
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(after, text.replace("li.wei", "wang.fang"));
        std::fs::write(&path, "vendor = \n").unwrap();
        assert!(record_interviewer(&path, "x", &RealFs, 0o600).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "vendor = \n");
    }
}
