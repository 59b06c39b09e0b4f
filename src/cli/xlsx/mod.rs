//! Excel workbooks: the vendor's form (`form --xlsx`), reading it back
//! (`import`), and the management workbook (`compare --xlsx`,
//! `report --format xlsx`).

pub mod form;
pub mod import;
pub mod workbook;

use std::path::Path;

use super::{CliError, Output};
use crate::safe_text::visible;
use crate::storage::atomic::{RealFs, write_atomic};

/// The header words the import looks for (a header cell may go on with
/// localised text, e.g. `answer 回答`).
pub const ID: &str = "id";
pub const ANSWER: &str = "answer";
pub const NOTE: &str = "note";

/// A column letter as a spreadsheet names it: 0 → A, 25 → Z, 26 → AA.
pub fn column_name(col: u32) -> String {
    let mut n = col + 1;
    let mut name = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        name.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// `Sheet!C12` for a zero-based row and column.
pub fn cell_ref(sheet: &str, row: u32, col: u32) -> String {
    format!("{sheet}!{}{}", column_name(col), row + 1)
}

/// At most `max` characters of `text` (Excel limits validation messages).
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

pub fn xlsx_error(e: rust_xlsxwriter::XlsxError) -> CliError {
    CliError::Failed(format!("cannot build the workbook: {e}"))
}

/// Writes a finished workbook atomically to `path`.
pub fn write_workbook(workbook: &mut rust_xlsxwriter::Workbook, path: &Path, mode: u32) -> Result<Output, CliError> {
    let bytes = workbook.save_to_buffer().map_err(xlsx_error)?;
    write_atomic(&RealFs, path, &bytes, mode).map_err(|e| CliError::Data(crate::storage::Error::io(path, e)))?;
    Ok(Output { stdout: format!("wrote {}\n", visible(&path.display().to_string())), ..Output::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
        assert_eq!(cell_ref("Questions", 11, 2), "Questions!C12");
    }
}
