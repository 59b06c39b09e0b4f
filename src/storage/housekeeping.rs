//! Vendor housekeeping: renaming a vendor and archiving it.
//!
//! **Rename.** The vendor file moves to the new name's slug with only its
//! `vendor =` line (and, where its evidence folder moved, the evidence
//! paths) changed, plus the old slug appended to `renamed_from`; so git
//! sees a rename. The evidence folder (`evidence/<slug>/`) and the history
//! of earlier cycles (`vendors/history/<slug>/`) sit in group-writable
//! folders and move along. The review folder may not: in a team workspace
//! `reviews/` is sticky and `reviews/<slug>/` belongs to its first reviewer,
//! so only that account (or root) may rename it. So every vendor records its
//! earlier slugs in `renamed_from`, and reviews are read from
//! `reviews/<slug>/` and then from the folders of those slugs
//! (`review::load_all`): a reviewer whose file stayed in the old folder keeps
//! writing there, and the folder is moved whenever the account renaming the
//! vendor may move it. An old slug stays reserved while any vendor lists it,
//! so a new vendor never inherits someone else's reviews.
//!
//! **Archive.** The file moves to `vendors/archive/<slug>.toml`, which no
//! list, ranking, comparison, due list or report reads; reviews, evidence
//! and history stay where they are, keyed by the slug, which stays reserved.

use crate::i18n::errors;
use std::path::{Path, PathBuf};

use toml_edit::{DocumentMut, Item, Value};
use unicode_normalization::UnicodeNormalization;

use super::Error;
use super::atomic::{FileSystem, RealFs, create_atomic, write_atomic};
use super::lock::{Acquired, Holder, VendorLock, acquire_patiently};
use super::perms::{create_dir_all, open_lock_file};
use super::vendor::VendorFile;
use super::workspace::{ARCHIVE, Workspace, slug_for};
use crate::domain::text::Lang;
use crate::safe_text::visible;

/// Why a rename, archive or restore was refused (nothing changed).
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// The new name has no visible letter or digit.
    NoName,
    /// The new name is the current one.
    SameName,
    /// Another vendor (live or archived) has this name.
    NameTaken { slug: String },
    /// The new name's slug is another vendor's file name.
    SlugTaken { slug: String, vendor: String },
    /// The new name's slug still names another vendor's reviews, evidence
    /// or history (an earlier slug of it, or left by a removed vendor).
    SlugInUse { slug: String, folder: PathBuf },
    /// Someone holds the vendor's writer lock.
    Locked(Option<Holder>),
    /// No archived vendor by that slug or name.
    NotArchived(String),
    /// This account may not create or remove files in a folder it must.
    NotWritable(PathBuf),
}

#[derive(Debug)]
pub enum HkError {
    Refused(Refusal),
    Storage(Error),
}

impl From<Error> for HkError {
    fn from(e: Error) -> Self {
        HkError::Storage(e)
    }
}

impl From<Refusal> for HkError {
    fn from(r: Refusal) -> Self {
        HkError::Refused(r)
    }
}

impl HkError {
    /// One sentence, in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        match self {
            HkError::Refused(r) => r.sentence(lang),
            HkError::Storage(e) => e.message(lang),
        }
    }
}

impl Refusal {
    /// One sentence saying why, in `lang`.
    pub fn sentence(&self, lang: Lang) -> String {
        let path = |p: &std::path::Path| visible(&p.display().to_string()).into_owned();
        match self {
            Refusal::NoName => errors::VENDOR_NAME_INVISIBLE.text(lang).to_string(),
            Refusal::SameName => errors::RENAME_SAME_NAME.text(lang).to_string(),
            Refusal::NameTaken { slug } => errors::RENAME_NAME_TAKEN.fill(lang, &[("slug", &visible(slug))]),
            Refusal::SlugTaken { slug, vendor } => {
                errors::RENAME_SLUG_TAKEN.fill(lang, &[("slug", &visible(slug)), ("vendor", &visible(vendor))])
            }
            Refusal::SlugInUse { slug, folder } => {
                errors::RENAME_SLUG_IN_USE.fill(lang, &[("slug", &visible(slug)), ("folder", &path(folder))])
            }
            Refusal::Locked(h) => match h.as_ref().map(|h| h.user.as_str()).filter(|u| !u.is_empty()) {
                Some(u) => errors::HOUSEKEEPING_LOCKED_BY.fill(lang, &[("who", &visible(u))]),
                None => errors::HOUSEKEEPING_LOCKED.text(lang).to_string(),
            },
            Refusal::NotWritable(dir) => errors::HOUSEKEEPING_NOT_WRITABLE.fill(lang, &[("dir", &path(dir))]),
            Refusal::NotArchived(w) => errors::NOT_ARCHIVED.fill(lang, &[("wanted", &visible(w))]),
        }
    }
}

/// What a rename did.
#[derive(Debug)]
pub struct Renamed {
    pub vendor: VendorFile,
    pub old_slug: String,
    /// Folders that moved to the new slug.
    pub moved: Vec<PathBuf>,
    /// Folders that stay under the old slug (followed through
    /// `renamed_from`), each with why.
    pub kept: Vec<(PathBuf, String)>,
}

/// Renames the vendor at `path` to `new_name` (see the module docs).
pub fn rename(ws: &Workspace, path: &Path, new_name: &str, me: &Holder) -> Result<Renamed, HkError> {
    let name: String = new_name.trim().nfc().collect();
    if !name.chars().any(|c| c.is_alphanumeric() && !matches!(c, '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}')) {
        return Err(Refusal::NoName.into());
    }
    writable(&ws.vendors_dir())?;
    let _creating = creation_lock(ws)?;
    let _old_lock = writer_lock(ws, path, me)?;
    let vendor = VendorFile::load(path)?;
    let old_slug = vendor.slug.clone();
    if vendor.meta.vendor.nfc().collect::<String>() == name {
        return Err(Refusal::SameName.into());
    }
    let others = every_vendor(ws)?.into_iter().filter(|v| v.path != vendor.path).collect::<Vec<_>>();
    if let Some(other) = others.iter().find(|v| v.meta.vendor.nfc().collect::<String>() == name) {
        return Err(Refusal::NameTaken { slug: other.slug.clone() }.into());
    }
    let new_slug = slug_for(&name);
    if new_slug == old_slug {
        // Only the name changes: the same file, one line.
        let text = edited_text(&vendor, &name, None, None)?;
        VendorFile::parse(path, text.clone())?;
        write_atomic(&RealFs, path, text.as_bytes(), ws.modes.file).map_err(|e| Error::io(path, e))?;
        let vendor = VendorFile::load(path)?;
        return Ok(Renamed { vendor, old_slug, moved: Vec::new(), kept: Vec::new() });
    }
    if let Some(other) = others.iter().find(|v| v.slug == new_slug) {
        return Err(Refusal::SlugTaken { slug: new_slug, vendor: other.meta.vendor.clone() }.into());
    }
    if others.iter().any(|v| v.meta.renamed_from.contains(&new_slug)) {
        let folder = ws.root.join("reviews").join(&new_slug);
        return Err(Refusal::SlugInUse { slug: new_slug, folder }.into());
    }
    // Folders of the new slug may stay only if they are this vendor's own
    // (renamed back to an earlier name).
    if !vendor.meta.renamed_from.contains(&new_slug) {
        let archived = archive_dir(ws).join(format!("{new_slug}.toml"));
        for folder in slug_folders(ws, &new_slug).into_iter().chain([archived]) {
            if std::fs::symlink_metadata(&folder).is_ok() {
                return Err(Refusal::SlugInUse { slug: new_slug, folder }.into());
            }
        }
    }
    let new_path = ws.vendor_path(&new_slug);
    let _new_lock = writer_lock(ws, &new_path, me)?;
    let mut moved = Vec::new();
    let mut kept = Vec::new();
    // Evidence first: the file records its paths, so they change only if
    // the folder really moved.
    let evidence = move_folder(&ws.root.join("evidence"), &old_slug, &new_slug, &mut moved, &mut kept);
    let text = edited_text(&vendor, &name, Some(&old_slug), evidence.then_some((&old_slug, &new_slug)))?;
    let written = VendorFile::parse(&new_path, text.clone()).map_err(HkError::from).and_then(|_| {
        create_atomic(&RealFs, &new_path, text.as_bytes(), ws.modes.file).map_err(|e| Error::io(&new_path, e).into())
    });
    if let Err(e) = written {
        if evidence {
            let _ = std::fs::rename(ws.root.join("evidence").join(&new_slug), ws.root.join("evidence").join(&old_slug));
        }
        return Err(e);
    }
    std::fs::remove_file(path).map_err(|e| Error::io(path, e))?;
    RealFs.sync_dir(&ws.vendors_dir()).map_err(|e| Error::io(&ws.vendors_dir(), e))?;
    move_history(ws, &old_slug, &new_slug, &mut moved, &mut kept);
    move_folder(&ws.root.join("reviews"), &old_slug, &new_slug, &mut moved, &mut kept);
    // The old lock file names nothing any more (held by us: no one waits on it).
    let _ = std::fs::remove_file(super::lock::lock_path(path));
    let vendor = VendorFile::load(&new_path)?;
    Ok(Renamed { vendor, old_slug, moved, kept })
}

/// Moves the vendor at `path` into `vendors/archive/`; gives the vendor
/// as it was read and where it went.
pub fn archive(ws: &Workspace, path: &Path, me: &Holder) -> Result<(VendorFile, PathBuf), HkError> {
    writable(&ws.vendors_dir())?;
    writable(&archive_dir(ws))?;
    let _creating = creation_lock(ws)?;
    let _lock = writer_lock(ws, path, me)?;
    let vendor = VendorFile::load(path)?;
    let dir = archive_dir(ws);
    create_dir_all(&dir, ws.modes.dir).map_err(|e| Error::io(&dir, e))?;
    let target = dir.join(format!("{}.toml", vendor.slug));
    move_file(path, &target)?;
    let _ = std::fs::remove_file(super::lock::lock_path(path));
    Ok((vendor, target))
}

/// Brings an archived vendor (by slug or exact name) back into `vendors/`.
pub fn restore(ws: &Workspace, wanted: &str, me: &Holder) -> Result<VendorFile, HkError> {
    writable(&ws.vendors_dir())?;
    writable(&archive_dir(ws))?;
    let _creating = creation_lock(ws)?;
    let vendor = find_archived(ws, wanted)?;
    let target = ws.vendor_path(&vendor.slug);
    let _lock = writer_lock(ws, &target, me)?;
    let name: String = vendor.meta.vendor.nfc().collect();
    for p in ws.vendor_paths()? {
        if let Ok(v) = VendorFile::load(&p) {
            if v.slug == vendor.slug {
                return Err(Refusal::SlugTaken { slug: v.slug, vendor: v.meta.vendor }.into());
            }
            if v.meta.vendor.nfc().collect::<String>() == name {
                return Err(Refusal::NameTaken { slug: v.slug }.into());
            }
        }
    }
    move_file(&vendor.path, &target)?;
    Ok(VendorFile::load(&target)?)
}

/// `vendors/archive/`.
pub fn archive_dir(ws: &Workspace) -> PathBuf {
    ws.vendors_dir().join(ARCHIVE)
}

/// The archived vendor files, sorted by file name.
pub fn archived_paths(ws: &Workspace) -> Result<Vec<PathBuf>, Error> {
    ws.vendor_paths_in(&archive_dir(ws))
}

/// An archived vendor by slug or exact name.
pub fn find_archived(ws: &Workspace, wanted: &str) -> Result<VendorFile, HkError> {
    let paths = archived_paths(ws)?;
    if let Some(p) = paths.iter().find(|p| p.file_stem().is_some_and(|s| s == wanted)) {
        return Ok(VendorFile::load(p)?);
    }
    let wanted_nfc: String = wanted.nfc().collect();
    paths
        .iter()
        .filter_map(|p| VendorFile::load(p).ok())
        .find(|v| v.meta.vendor.nfc().collect::<String>() == wanted_nfc)
        .ok_or_else(|| Refusal::NotArchived(wanted.to_string()).into())
}

/// Is `slug` free for a new vendor: no vendor file (live or archived), no
/// folder of reviews, evidence or history, and no vendor's earlier slug?
pub fn slug_is_free(ws: &Workspace, slug: &str, vendors: &[VendorFile]) -> bool {
    !ws.vendor_path(slug).exists()
        && !archive_dir(ws).join(format!("{slug}.toml")).exists()
        && slug_folders(ws, slug).iter().all(|f| std::fs::symlink_metadata(f).is_err())
        && !vendors.iter().any(|v| v.meta.renamed_from.iter().any(|s| s == slug))
}

fn slug_folders(ws: &Workspace, slug: &str) -> [PathBuf; 3] {
    [
        ws.root.join("reviews").join(slug),
        ws.root.join("evidence").join(slug),
        ws.vendors_dir().join("history").join(slug),
    ]
}

/// Every vendor file that reads, live and archived.
fn every_vendor(ws: &Workspace) -> Result<Vec<VendorFile>, Error> {
    let mut paths = ws.vendor_paths()?;
    paths.extend(archived_paths(ws)?);
    Ok(paths.iter().filter_map(|p| VendorFile::load(p).ok()).collect())
}

/// Refuses, before anything changes, a folder (that exists) this account
/// may not create or remove files in.
fn writable(dir: &Path) -> Result<(), Refusal> {
    use rustix::fs::{Access, access};
    match access(dir, Access::WRITE_OK | Access::EXEC_OK) {
        Err(rustix::io::Errno::ACCESS | rustix::io::Errno::PERM | rustix::io::Errno::ROFS) => {
            Err(Refusal::NotWritable(dir.to_path_buf()))
        }
        _ => Ok(()),
    }
}

/// The lock `create_vendor` takes: one namer at a time.
fn creation_lock(ws: &Workspace) -> Result<std::fs::File, Error> {
    let dir = ws.vendors_dir();
    create_dir_all(&dir, ws.modes.dir).map_err(|e| Error::io(&dir, e))?;
    let path = dir.join(".create.lock");
    let file = open_lock_file(&path, ws.modes.file).map_err(|e| Error::io(&path, e))?;
    file.lock().map_err(|e| Error::io(&path, e))?;
    Ok(file)
}

fn writer_lock(ws: &Workspace, path: &Path, me: &Holder) -> Result<VendorLock, HkError> {
    match acquire_patiently(path, me, ws.modes.file) {
        Ok(Acquired::Mine(lock)) => Ok(lock),
        Ok(Acquired::Theirs(holder)) => Err(Refusal::Locked(holder).into()),
        Err(e) => Err(Error::io(&super::lock::lock_path(path), e).into()),
    }
}

/// Moves a file without ever replacing one (a hard link, then the old name
/// goes), and makes both folders durable.
fn move_file(from: &Path, to: &Path) -> Result<(), Error> {
    std::fs::hard_link(from, to).map_err(|e| Error::io(to, e))?;
    std::fs::remove_file(from).map_err(|e| Error::io(from, e))?;
    for dir in [from.parent(), to.parent()].into_iter().flatten() {
        RealFs.sync_dir(dir).map_err(|e| Error::io(dir, e))?;
    }
    Ok(())
}

/// Renames `<parent>/<old>` to `<parent>/<new>` when there is one and the
/// new name is free; records what moved and what stayed (and why).
fn move_folder(
    parent: &Path,
    old: &str,
    new: &str,
    moved: &mut Vec<PathBuf>,
    kept: &mut Vec<(PathBuf, String)>,
) -> bool {
    let (from, to) = (parent.join(old), parent.join(new));
    if !from.is_dir() {
        return false;
    }
    if std::fs::symlink_metadata(&to).is_ok() {
        kept.push((from, "the new folder exists already".to_string()));
        return false;
    }
    match std::fs::rename(&from, &to) {
        Ok(()) => {
            let _ = RealFs.sync_dir(parent);
            moved.push(to);
            true
        }
        Err(e) => {
            kept.push((from, super::io_sentence(&e)));
            false
        }
    }
}

/// The history folder moves whole, or file by file into a folder of the
/// new slug that exists already (renamed back and forth).
fn move_history(ws: &Workspace, old: &str, new: &str, moved: &mut Vec<PathBuf>, kept: &mut Vec<(PathBuf, String)>) {
    let parent = ws.vendors_dir().join("history");
    let (from, to) = (parent.join(old), parent.join(new));
    if !to.exists() {
        move_folder(&parent, old, new, moved, kept);
        return;
    }
    let Ok(entries) = std::fs::read_dir(&from) else { return };
    for entry in entries.filter_map(Result::ok) {
        let target = to.join(entry.file_name());
        if move_file(&entry.path(), &target).is_err() {
            kept.push((entry.path(), "not moved".to_string()));
        }
    }
    let _ = std::fs::remove_dir(&from);
}

/// The vendor's text with the new name, the old slug appended to
/// `renamed_from` (and the new one taken out of it), and evidence paths
/// `evidence/<old>/…` made `evidence/<new>/…` when that folder moved.
fn edited_text(
    vendor: &VendorFile,
    name: &str,
    old_slug: Option<&str>,
    evidence: Option<(&str, &str)>,
) -> Result<String, Error> {
    let mut doc: DocumentMut = vendor
        .text()
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::refused(&vendor.path, format!("cannot edit: {}", e.message())))?;
    set_keeping_decor(doc.get_mut("vendor"), name);
    if doc.get("vendor").is_none() {
        doc["vendor"] = toml_edit::value(name);
    }
    if let Some(old) = old_slug {
        let new = slug_for(name);
        let mut list: Vec<String> = vendor.meta.renamed_from.iter().filter(|s| **s != new).cloned().collect();
        if !list.iter().any(|s| s == old) {
            list.push(old.to_string());
        }
        let array: toml_edit::Array = list.iter().map(String::as_str).collect();
        match doc.get_mut("renamed_from") {
            Some(item) => set_keeping_value_decor(item, Value::Array(array)),
            None => {
                // Right after the header fields, before the answers.
                doc.insert("renamed_from", toml_edit::value(array));
            }
        }
    }
    if let Some((old, new)) = evidence {
        let (from, to) = (format!("evidence/{old}/"), format!("evidence/{new}/"));
        if let Some(answers) = doc.get_mut("answers").and_then(Item::as_table_like_mut) {
            for (_, answer) in answers.iter_mut() {
                let Some(list) = answer.as_table_like_mut().and_then(|t| t.get_mut("evidence")) else { continue };
                let Some(array) = list.as_array_mut() else { continue };
                for entry in array.iter_mut() {
                    let Some(file) = entry.as_inline_table_mut().and_then(|t| t.get_mut("file")) else { continue };
                    if let Some(rest) = file.as_str().and_then(|f| f.strip_prefix(&from)) {
                        let decor = file.decor().clone();
                        *file = Value::from(format!("{to}{rest}"));
                        *file.decor_mut() = decor;
                    }
                }
            }
        }
    }
    Ok(doc.to_string())
}

fn set_keeping_decor(item: Option<&mut Item>, text: &str) {
    if let Some(item) = item {
        set_keeping_value_decor(item, Value::from(text));
    }
}

fn set_keeping_value_decor(item: &mut Item, mut value: Value) {
    if let Some(old) = item.as_value() {
        *value.decor_mut() = old.decor().clone();
    }
    *item = Item::Value(value);
}
