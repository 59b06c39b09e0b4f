//! What is drawn over a screen and takes the keys until it closes: help,
//! prompts (a new vendor's name, a new name, a comment), confirmations,
//! the archived vendors, a question's history. Apart from `state.rs` so
//! that file stays one room.

use crate::app::editor::TextBuffer;

#[derive(Clone, Debug)]
pub enum Overlay {
    /// The keys of where you are; `scroll`: the first row shown, when
    /// they do not all fit.
    Help { scroll: usize },
    /// Asking for a new vendor's name.
    NewVendor(TextBuffer),
    /// Asking for a vendor's new name (prefilled with the current one).
    Rename { path: std::path::PathBuf, buffer: TextBuffer },
    /// The archived vendors, (slug, name) by file name; Enter restores one.
    Archived { rows: Vec<(String, String)>, selected: usize },
    /// A comment on a question (`Some(key)`) or on the vendor.
    Comment { question: Option<String>, buffer: TextBuffer },
    /// A step that needs a second thought: `y` does it, `n` or Esc not.
    Confirm(Confirm),
    /// Asking for a follow-up or for evidence: two fields, one at a time.
    Form(Box<super::super::followups::Form>),
    /// The git history of one question's answer, or why there is none.
    History { key: String, changes: Result<Vec<crate::git::changes::AnswerChange>, String> },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Become the writer of the open vendor, in place of its interviewer.
    TakeOver { from: Option<String> },
    /// A sign-off on a vendor that is disqualified or not fully answered.
    SignOff { decision: crate::storage::review::Decision, cautions: Vec<crate::domain::signoff::Caution> },
    /// Start a new assessment cycle of `vendor` on `on` (the current one,
    /// of `from`, is kept as history).
    Reassess {
        path: std::path::PathBuf,
        vendor: String,
        from: crate::domain::date::Date,
        on: crate::domain::date::Date,
    },
    /// Move a vendor into `vendors/archive/`, out of the lists.
    Archive { path: std::path::PathBuf, name: String },
}
