//! The workspace: a folder holding `vendors/*.toml`, an optional
//! `questionnaire.toml` and (later) `reviews/`.

use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;

use super::atomic::{FileSystem, create_atomic};
use super::perms::{Modes, create_dir_all};
use super::vendor::{Meta, VendorFile};
use super::{Error, questionnaire};
use crate::i18n::{Text, errors};
use crate::safe_text::is_hostile;

pub struct Workspace {
    pub root: PathBuf,
    pub modes: Modes,
}

/// Longest slug, in bytes, before a collision suffix.
const MAX_SLUG: usize = 48;

impl Workspace {
    /// The workspace at `root` (which need not exist yet).
    pub fn at(root: &Path) -> Workspace {
        Workspace { root: root.to_path_buf(), modes: Modes::for_root(root) }
    }

    pub fn vendors_dir(&self) -> PathBuf {
        self.root.join("vendors")
    }

    pub fn vendor_path(&self, slug: &str) -> PathBuf {
        self.vendors_dir().join(format!("{slug}.toml"))
    }

    /// Every vendor file, sorted by file name. Hidden files (temporary
    /// files of a save in progress) and other extensions are passed over.
    pub fn vendor_paths(&self) -> Result<Vec<PathBuf>, Error> {
        self.vendor_paths_in(&self.vendors_dir())
    }

    /// The vendor files in `dir` (`vendors/` or `vendors/archive/`).
    pub fn vendor_paths_in(&self, dir: &Path) -> Result<Vec<PathBuf>, Error> {
        let dir = dir.to_path_buf();
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let path = entry.path();
                let wanted = path.extension().is_some_and(|e| e == "toml")
                    && path.file_name().is_some_and(|n| !n.to_string_lossy().starts_with('.'));
                // The directory entry's own type saves a stat per file (a
                // thousand of them at start-up); a link is followed.
                let file = || match entry.file_type() {
                    Ok(t) if t.is_symlink() => path.is_file(),
                    Ok(t) => t.is_file(),
                    Err(_) => path.is_file(),
                };
                (wanted && file()).then_some(path)
            })
            .collect();
        paths.sort();
        Ok(paths)
    }

    /// Loads every vendor file; one that fails is returned as its error and
    /// the rest still load.
    pub fn load_all(&self) -> Result<Vec<Result<VendorFile, Error>>, Error> {
        Ok(self.vendor_paths()?.iter().map(|p| VendorFile::load(p)).collect())
    }

    /// Finds a vendor by slug or by exact name. The slug is any listed
    /// file's stem (hand-made files need not follow our slug rules); only
    /// listed files are ever opened.
    pub fn find(&self, wanted: &str) -> Result<VendorFile, Error> {
        let paths = self.vendor_paths()?;
        if let Some(path) = paths.iter().find(|p| p.file_stem().is_some_and(|s| s == wanted)) {
            return VendorFile::load(path);
        }
        let wanted_nfc: String = wanted.nfc().collect();
        let mut found = Vec::new();
        let mut unreadable = 0;
        let mut renamed = None;
        for path in paths {
            // A file that does not load cannot be the one named; its error
            // shows where the vendors are listed.
            match VendorFile::load(&path) {
                Ok(v) if v.meta.vendor.nfc().collect::<String>() == wanted_nfc => found.push(v),
                Ok(v) if v.meta.renamed_from.iter().any(|s| *s == wanted) => renamed = Some(v),
                Ok(_) => {}
                Err(_) => unreadable += 1,
            }
        }
        let archived =
            is_safe_slug(wanted) && self.vendors_dir().join(ARCHIVE).join(format!("{wanted}.toml")).is_file();
        match (found.len(), renamed) {
            (1, _) => Ok(found.remove(0)),
            // An old slug in a script: say where the vendor went.
            (0, Some(v)) => Err(Error::NotFound(Text::new(
                errors::VENDOR_RENAMED,
                &[("wanted", &wanted), ("name", &v.meta.vendor), ("slug", &v.slug)],
            ))),
            (0, None) if archived => Err(Error::NotFound(Text::new(errors::VENDOR_ARCHIVED, &[("wanted", &wanted)]))),
            (0, None) => {
                let dir = self.vendors_dir().display().to_string();
                Err(Error::NotFound(match unreadable {
                    0 => Text::new(errors::UNKNOWN_VENDOR, &[("wanted", &wanted), ("dir", &dir)]),
                    n => Text::new(
                        errors::UNKNOWN_VENDOR_SOME_UNREADABLE,
                        &[("wanted", &wanted), ("dir", &dir), ("n", &n)],
                    ),
                }))
            }
            _ => Err(Error::NotFound(Text::new(
                errors::VENDOR_NAME_TWICE,
                &[
                    ("n", &found.len()),
                    ("wanted", &wanted),
                    ("slugs", &found.iter().map(|v| v.slug.as_str()).collect::<Vec<_>>().join(", ")),
                ],
            ))),
        }
    }

    /// Creates the workspace folders (private unless the root already grants
    /// its group access).
    pub fn ensure(&mut self) -> Result<(), Error> {
        let existed = self.root.is_dir();
        create_dir_all(&self.root, Modes::PRIVATE.dir).map_err(|e| Error::io(&self.root, e))?;
        if !existed {
            self.modes = Modes::for_root(&self.root);
        }
        let vendors = self.vendors_dir();
        create_dir_all(&vendors, self.modes.dir).map_err(|e| Error::io(&vendors, e))
    }

    /// Creates a workspace with a copy of the default questionnaire to
    /// customise. An existing questionnaire is left as it is.
    pub fn init(&mut self, fs: &dyn FileSystem) -> Result<bool, Error> {
        self.ensure()?;
        let reviews = self.root.join("reviews");
        create_dir_all(&reviews, self.modes.review_dir()).map_err(|e| Error::io(&reviews, e))?;
        let target = self.root.join("questionnaire.toml");
        match create_atomic(fs, &target, questionnaire::EMBEDDED.as_bytes(), self.modes.file) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(Error::io(&target, e)),
        }
    }

    /// Creates a vendor file for `meta.vendor` under a fresh slug. Refuses a
    /// name that another vendor already has.
    pub fn create_vendor(&mut self, meta: &Meta, fs: &dyn FileSystem) -> Result<VendorFile, Error> {
        self.create_vendor_for(meta, None, fs)
    }

    /// [`Workspace::create_vendor`], the file listing a placeholder for every
    /// question of `questionnaire` so that it merges well as plain text.
    pub fn create_vendor_for(
        &mut self,
        meta: &Meta,
        questionnaire: Option<&crate::domain::questionnaire::Questionnaire>,
        fs: &dyn FileSystem,
    ) -> Result<VendorFile, Error> {
        let name: String = meta.vendor.trim().nfc().collect();
        // A name needs a letter or digit (of any script): zero-width and
        // filler characters alone would make an invisible vendor.
        if !name.chars().any(is_visible_letter) {
            return Err(Error::NotFound(Text::new(errors::VENDOR_NAME_INVISIBLE, &[])));
        }
        self.ensure()?;
        // One creator at a time, so two sessions creating the same name at
        // once cannot both pass the check below.
        let lock_path = self.vendors_dir().join(".create.lock");
        let guard = super::perms::open_lock_file(&lock_path, self.modes.file).map_err(|e| Error::io(&lock_path, e))?;
        guard.lock().map_err(|e| Error::io(&lock_path, e))?;
        let mut vendors = Vec::new();
        for path in self.vendor_paths()? {
            if let Ok(v) = VendorFile::load(&path) {
                if v.meta.vendor.nfc().collect::<String>() == name {
                    return Err(Error::refused(&path, Text::new(errors::VENDOR_EXISTS, &[("name", &name)])));
                }
                vendors.push(v);
            }
        }
        // Archived vendors and earlier slugs keep their slug: a new vendor
        // must not inherit their reviews, evidence or history.
        let archived = super::housekeeping::archived_paths(self)?;
        vendors.extend(archived.iter().filter_map(|p| VendorFile::load(p).ok()));
        let meta = Meta { vendor: name.clone(), ..meta.clone() };
        let text = match questionnaire {
            Some(q) => VendorFile::new_text_for(&meta, q),
            None => VendorFile::new_text(&meta),
        };
        let base = slug_for(&name);
        // Try the slug, then -2, -3, …: creation fails rather than replaces
        // if another process took the same name a moment ago.
        for n in 1..10_000 {
            let slug = if n == 1 { base.clone() } else { format!("{base}-{n}") };
            let path = self.vendor_path(&slug);
            if !super::housekeeping::slug_is_free(self, &slug, &vendors) {
                continue;
            }
            match create_atomic(fs, &path, text.as_bytes(), self.modes.file) {
                Ok(()) => return VendorFile::parse(&path, text),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
        Err(Error::refused(&self.vendors_dir(), Text::new(errors::NO_FREE_FILE_NAME, &[])))
    }
}

/// The workspace root of the vendor file at `path`: `<root>/vendors/x.toml`
/// or, archived, `<root>/vendors/archive/x.toml`.
pub fn root_of_vendor(path: &Path) -> PathBuf {
    let mut dir = path.parent().unwrap_or(Path::new("."));
    if dir.file_name().is_some_and(|n| n == ARCHIVE) {
        dir = dir.parent().unwrap_or(Path::new("."));
    }
    dir.parent().unwrap_or(Path::new(".")).to_path_buf()
}

/// The folder of archived vendor files, inside `vendors/`.
pub const ARCHIVE: &str = "archive";

/// A safe file stem for a vendor name of any script: NFC, transliterated to
/// ASCII (云联科技 → yun-lian-ke-ji), lower case, runs of anything else as
/// one `-`. Never empty, never `.` or `..`, never a path separator or a
/// control character.
pub fn slug_for(name: &str) -> String {
    let clean: String = name.nfc().filter(|c| !is_hostile(*c)).collect();
    let ascii = deunicode::deunicode_with_tofu(&clean, "-");
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_matches('-').to_string();
    if slug.len() > MAX_SLUG {
        slug.truncate(MAX_SLUG);
        slug = slug.trim_end_matches('-').to_string();
    }
    if slug.is_empty() { "vendor".to_string() } else { slug }
}

/// A letter or digit of any script that shows: Hangul fillers are letters
/// that draw nothing.
fn is_visible_letter(c: char) -> bool {
    c.is_alphanumeric() && !matches!(c, '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}')
}

/// Could `s` be a slug (so it is safe to join to a path)?
pub fn is_safe_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && !s.starts_with('.')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_and_readable() {
        assert_eq!(slug_for("云联科技 Yunlian Tech"), "yun-lian-ke-ji-yunlian-tech");
        assert_eq!(slug_for("Acme, Inc."), "acme-inc");
        assert_eq!(slug_for("../.."), "vendor");
        assert_eq!(slug_for("a/b\\c"), "a-b-c");
        assert_eq!(slug_for("\x1b[31mred"), "31mred");
        assert_eq!(slug_for("   "), "vendor");
        assert_eq!(slug_for("🙂"), "slight-smile");
        assert!(slug_for(&"长".repeat(500)).len() <= MAX_SLUG);
        for name in ["..", ".", "/", "\u{202e}", "con", "a\0b"] {
            let s = slug_for(name);
            assert!(is_safe_slug(&s), "{name:?} -> {s:?}");
        }
    }
}
