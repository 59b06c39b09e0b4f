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
    // after the meeting (§11)
    /// Ask the vendor for something on this question, or edit what was asked.
    Followup,
    /// The follow-up's status: requested → received → closed (→ requested).
    FollowupStatus,
    /// Add a file (copied into the workspace) or a URL as evidence.
    AddEvidence,
    /// Start a new assessment cycle of the vendor (after a y/n).
    Reassess,
    /// Vendor list: the next vendor with something due; interview: the
    /// next question with an open follow-up.
    NextDue,
    /// An evidence file was copied into the workspace: record it.
    EvidenceCopied {
        key: String,
        entry: crate::domain::followup::Evidence,
    },
    /// Adding evidence failed: the form comes back with what was typed.
    EvidenceFailed {
        key: String,
        path: String,
        expires: String,
        message: String,
    },
    /// Digests checked off the draw path: (file, recorded sha256, result).
    EvidenceChecked(Vec<(String, String, crate::app::followups::Check)>),
    /// A new cycle started: the vendor file as it is now, and where the
    /// last cycle is kept.
    Reassessed {
        vendor: Box<crate::storage::vendor::VendorFile>,
        history: String,
    },
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
    /// Copy `path` (a file, relative to the workspace or absolute) into
    /// the workspace, or take it as a URL, as evidence for answer `key`.
    AddEvidence {
        key: String,
        path: String,
        expires: Option<crate::domain::date::Date>,
        /// The expiry as typed, given back if adding fails.
        expires_text: String,
    },
    /// Hash evidence files (file, recorded sha256) in the background.
    CheckEvidence {
        files: Vec<(String, String)>,
    },
    /// Keep the vendor file at `path` as history and start a new cycle on `on`.
    Reassess {
        path: PathBuf,
        on: crate::domain::date::Date,
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
