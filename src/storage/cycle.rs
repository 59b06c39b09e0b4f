//! Re-assessment cycles (product brief §11): the current vendor file is
//! kept byte for byte as `vendors/history/<slug>/<assessed_on>.toml` (a
//! folder the vendor list never reads), and the vendor file starts the new
//! cycle: the new `assessed_on`, every answer marked `carried = true` (to
//! confirm), follow-ups closed in the last cycle dropped, open ones kept.

use crate::i18n::{Text, errors};
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item};

use super::Error;
use super::atomic::{RealFs, create_atomic};
use super::perms::{Modes, create_dir_all};
use super::toml_write::toml_date;
use crate::domain::date::Date;

/// `vendors/history/<slug>/<assessed_on>.toml` for the vendor file at
/// `vendor_path` (`<workspace>/vendors/<slug>.toml`).
pub fn history_path(vendor_path: &Path, assessed_on: Date) -> PathBuf {
    let slug = super::vendor::slug_of(vendor_path);
    let vendors = vendor_path.parent().unwrap_or(Path::new("."));
    vendors.join("history").join(slug).join(format!("{assessed_on}.toml"))
}

/// The earlier cycles of a vendor, oldest first.
pub fn history_of(vendor_path: &Path) -> Vec<PathBuf> {
    let slug = super::vendor::slug_of(vendor_path);
    let dir = vendor_path.parent().unwrap_or(Path::new(".")).join("history").join(slug);
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .filter(|p| p.file_stem().and_then(|s| s.to_str()).and_then(Date::parse).is_some())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Keeps `bytes` (the vendor file as it is) at `target`, refusing to
/// replace a history file already there.
pub fn keep(target: &Path, bytes: &[u8], modes: Modes) -> Result<(), Error> {
    if let Some(dir) = target.parent() {
        create_dir_all(dir, modes.dir).map_err(|e| Error::io(dir, e))?;
    }
    match create_atomic(&RealFs, target, bytes, modes.file) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            Err(Error::refused(target, Text::new(errors::HISTORY_KEPT_ALREADY, &[])))
        }
        Err(e) => Err(Error::io(target, e)),
    }
}

/// The text of the new cycle made from vendor file `text`.
pub fn next_cycle_text(text: &str, on: Date) -> Result<String, Error> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Error::refused(Path::new("<vendor>"), Text::new(errors::CANNOT_EDIT, &[("why", &e.message())]))
    })?;
    match doc.get_mut("assessed_on").and_then(Item::as_value_mut) {
        Some(v) => {
            let decor = v.decor().clone();
            *v = toml_date(on).into();
            *v.decor_mut() = decor;
        }
        None => {
            doc["assessed_on"] = toml_edit::value(toml_date(on));
        }
    }
    if let Some(answers) = doc.get_mut("answers").and_then(Item::as_table_like_mut) {
        for (_, entry) in answers.iter_mut() {
            let Some(fields) = entry.as_table_like_mut() else { continue };
            let closed = fields
                .get("followup")
                .and_then(|f| f.as_table_like())
                .and_then(|f| f.get("status"))
                .and_then(Item::as_str)
                .is_some_and(|s| s == "closed");
            if closed {
                fields.remove("followup");
            }
            if fields.contains_key("value") || fields.get("na").and_then(Item::as_bool) == Some(true) {
                fields.insert("carried", toml_edit::value(true));
            }
            if let Some(t) = entry.as_inline_table_mut() {
                t.fmt();
            }
        }
    }
    Ok(super::vendor::keep_line_style(text, doc.to_string()))
}

/// Starts a new cycle of `vendor` on `on`: keeps its file byte for byte as
/// `vendors/history/<slug>/<assessed_on>.toml`, then writes the new cycle
/// over it (never what would not read back). The caller holds the
/// vendor's lock. Gives the new vendor file and where the last cycle is.
pub fn start_cycle(
    vendor: &super::vendor::VendorFile,
    on: Date,
    modes: Modes,
) -> Result<(super::vendor::VendorFile, PathBuf), Error> {
    let path = &vendor.path;
    let Some(before) = vendor.meta.assessed_on else {
        return Err(Error::refused(path, Text::new(errors::CYCLE_NO_DATE, &[])));
    };
    if on <= before {
        return Err(Error::refused(path, Text::new(errors::CYCLE_NOT_AFTER, &[("on", &on), ("before", &before)])));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    if bytes != vendor.text().as_bytes() {
        return Err(Error::refused(path, Text::new(errors::CHANGED_WHILE_READING, &[])));
    }
    let text = next_cycle_text(vendor.text(), on)?;
    let next = super::vendor::VendorFile::parse(path, text.clone())?;
    let history = history_path(path, before);
    keep(&history, &bytes, modes)?;
    super::atomic::write_atomic(&RealFs, path, text.as_bytes(), modes.file).map_err(|e| Error::io(path, e))?;
    Ok((next, history))
}
