//! The vendor list's rows and its selection and filter.

use crate::app::editor::TextBuffer;
use crate::summary::Summary;

/// A line in the vendor list: a vendor, or a file that could not be read.
#[derive(Clone, Debug)]
pub enum VendorRow {
    /// `changed`: when the file last changed, formatted when it was loaded
    /// (drawing reads no clock and no time zone).
    Ok {
        summary: Box<Summary>,
        changed: String,
    },
    Unreadable {
        path: std::path::PathBuf,
        slug: String,
        error: String,
    },
    /// Not read yet (a large workspace loads in the background): the file
    /// name stands in for the vendor's name until then.
    Loading {
        path: std::path::PathBuf,
        slug: String,
    },
}

impl VendorRow {
    pub fn name(&self) -> &str {
        match self {
            VendorRow::Ok { summary, .. } => &summary.meta.vendor,
            VendorRow::Unreadable { slug, .. } | VendorRow::Loading { slug, .. } => slug,
        }
    }

    pub fn path(&self) -> &std::path::Path {
        match self {
            VendorRow::Ok { summary, .. } => &summary.path,
            VendorRow::Unreadable { path, .. } | VendorRow::Loading { path, .. } => path,
        }
    }
}

#[derive(Clone, Debug, Default)]
pub struct VendorList {
    /// Every vendor, in file name order (which is the slug's, made from the
    /// name): rows never move as a large workspace loads. Unreadable files
    /// with their error.
    pub rows: Vec<VendorRow>,
    /// While vendors load in the background: how many of how many are in.
    pub loading: Option<(usize, usize)>,
    /// Rows re-read after a file event while a background load runs: the
    /// load may have read the file before that change, so its row for them
    /// is older and is not used.
    pub refreshed: std::collections::HashSet<std::path::PathBuf>,
    /// Indexes into `rows` that pass the filter, in display order.
    pub visible: Vec<usize>,
    pub selected: usize,
    pub offset: usize,
    pub filter: TextBuffer,
    pub filtering: bool,
}

impl VendorList {
    pub fn selected_row(&self) -> Option<&VendorRow> {
        self.visible.get(self.selected).and_then(|&i| self.rows.get(i))
    }

    /// Recomputes which rows pass the filter (case-insensitive, on name
    /// and slug).
    pub fn refilter(&mut self) {
        let needle = self.filter.text().to_lowercase();
        self.visible = (0..self.rows.len())
            .filter(|&i| {
                needle.is_empty() || {
                    let row = &self.rows[i];
                    let slug = row.path().file_stem().map(|s| s.to_string_lossy().to_lowercase()).unwrap_or_default();
                    row.name().to_lowercase().contains(&needle) || slug.contains(&needle)
                }
            })
            .collect();
        self.selected = self.selected.min(self.visible.len().saturating_sub(1));
    }

    /// Changes the rows with `change`, filters again, and keeps the
    /// selection on the same file where it still shows.
    pub(super) fn refilter_with(&mut self, change: impl FnOnce(&mut VendorList)) {
        let keep = self.selected_row().map(|r| r.path().to_path_buf());
        change(self);
        self.refilter();
        if let Some(pos) = keep.and_then(|p| self.visible.iter().position(|&i| self.rows[i].path() == p)) {
            self.selected = pos;
        }
    }
}
