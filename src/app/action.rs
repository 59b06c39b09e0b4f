//! What a user can ask for ([`Action`]) and the I/O that `update` asks
//! `run` to do ([`Effect`]), with its results fed back as [`Action`]s.

use std::path::PathBuf;

use crate::domain::answers::Edit;

/// A user's intent, or the result of I/O coming back. Named as verbs.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    // moving
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    NextUnanswered,
    OptionLeft,
    OptionRight,
    // vendor list and comparison
    Open,
    NewVendor,
    Compare,
    Filter,
    /// Rename the highlighted vendor (asks for the new name).
    Rename,
    /// Archive the highlighted vendor (asks to confirm).
    Archive,
    /// List the archived vendors, to restore one.
    ShowArchived,
    // answering
    AnswerYes,
    AnswerNo,
    /// Pick option or rating N (1-based; 0 for a rating of 0).
    Pick(u8),
    ToggleOption,
    EditValue,
    ToggleNa,
    EditNote,
    ClearAnswer,
    RetrySave,
    // anywhere
    ToggleScorePanel,
    /// List the questions `show_if` hides (greyed), or pass over them.
    ToggleHidden,
    ToggleLanguage,
    Help,
    Back,
    Quit,
    // while editing text
    Type(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    Home,
    End,
    Newline,
    Submit,
    // results of effects and events from outside
    Resize(u16, u16),
    Saved {
        key: String,
        /// Someone else's changes (to other answers) were merged in: what
        /// the screen shows must be worked out again.
        merged: bool,
    },
    SaveFailed {
        key: String,
        message: String,
        conflict: bool,
    },
    VendorCreated {
        slug: String,
    },
    /// Creating a vendor failed: the prompt comes back with the name.
    CreateFailed {
        name: String,
        message: String,
    },
    /// A rename failed: the prompt comes back with the name typed.
    RenameFailed {
        path: PathBuf,
        name: String,
        message: String,
    },
    /// A rename, archive or restore is done: what to say.
    HousekeepingDone(String),
    /// The archived vendors, (slug, name), or why they could not be listed.
    ArchivedListed(Vec<(String, String)>),
    /// A signal asks the app to stop: finish what is being typed, save, go.
    Shutdown,
    // following and reviewing
    TakeOver,
    ReviewScreen,
    CommentQuestion,
    CommentVendor,
    SignOff(crate::storage::review::Decision),
    /// Settle the current question's merge conflict: keep ours (false) or
    /// take theirs (true).
    ResolveConflict {
        theirs: bool,
    },
    /// Take back this session's last change to the vendor (`z`), or make
    /// the last one taken back again (`Z`).
    Undo,
    Redo,
    /// Show the git history of the current question's answer.
    QuestionHistory,
    /// That history, read (or why it could not be).
    HistoryLoaded {
        key: String,
        changes: Result<Vec<crate::git::changes::AnswerChange>, String>,
    },
    /// The open vendor's file changed on disk: its new version, or why it
    /// does not read.
    VendorChanged(Result<Box<crate::storage::vendor::VendorFile>, String>),
    /// The open vendor's writer lock: who holds it now.
    LockChanged(Option<crate::storage::lock::Holder>),
    /// Every reviewer's file for the open vendor, and why any did not read.
    ReviewsChanged(Vec<crate::storage::review::Review>, Vec<String>),
    /// Taking over as writer worked (true) or someone still holds it.
    TookOver(bool),
    Failed(String),
    /// The vendor list has been (re)loaded from disk.
    VendorsLoaded,
}

/// I/O for `run` to do after drawing the frame that shows the change.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Save the open vendor's pending edits.
    SaveVendor,
    CreateVendor {
        name: String,
    },
    RenameVendor {
        path: PathBuf,
        name: String,
    },
    ArchiveVendor {
        path: PathBuf,
    },
    ListArchived,
    RestoreVendor {
        slug: String,
    },
    /// Remember the language in the user's config file.
    SaveLanguage(crate::domain::text::Lang),
    /// Open a vendor: as writer if no one holds it, else read-only; with
    /// `review`, on its review screen.
    OpenVendor {
        path: PathBuf,
        review: bool,
    },
    /// Try to become the writer of the open vendor.
    TakeOver,
    SignOff {
        decision: crate::storage::review::Decision,
    },
    Comment {
        question: Option<String>,
        text: String,
    },
    /// Someone else changed this answer meanwhile: theirs stays, ours goes
    /// to a side file.
    KeepMine {
        key: String,
        edits: Vec<crate::domain::answers::Edit>,
    },
    /// Settle the merge conflict recorded for `key` (see `storage::merge`).
    Resolve {
        key: String,
        theirs: bool,
    },
    /// Read the git history of answer `key` of the open vendor.
    History {
        key: String,
    },
    /// Leave the open vendor (releases its lock).
    CloseVendor,
    ReloadVendors,
    Quit,
}

/// One pending change of the open vendor, kept until it is on disk.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingEdit {
    pub key: String,
    pub edits: Vec<Edit>,
}
