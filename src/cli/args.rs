//! The command line's shape (clap).

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Default, PartialEq, Parser)]
#[command(name = "ccvet", version, about = "Vet cloud call-center vendors: a due-diligence interview, scored live.")]
pub struct Args {
    /// The workspace folder (default: $CCVET_WORKSPACE, the config file, or the user's data folder).
    #[arg(long, global = true, value_name = "DIR")]
    pub workspace: Option<PathBuf>,

    /// The questionnaire (default: <workspace>/questionnaire.toml, else the built-in one).
    #[arg(long, global = true, value_name = "FILE")]
    pub questionnaire: Option<PathBuf>,

    /// Language of questionnaire text and labels.
    #[arg(long, global = true, value_name = "zh|en")]
    pub lang: Option<String>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Md,
    Html,
    /// An Excel workbook with the vendor's sheet (needs -o FILE).
    Xlsx,
}

#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Check a questionnaire file (default: the one in use), or a vendor file against it, and list every problem.
    Validate { file: Option<PathBuf> },

    /// Create a workspace, with a copy of the default questionnaire to customise; or repair one's modes.
    Init {
        dir: Option<PathBuf>,
        /// Make it a team workspace of this Unix group: setgid folders, sticky review folders, group modes.
        #[arg(long, value_name = "GROUP")]
        group: Option<String>,
    },

    /// Check a workspace: owners, group, modes, sticky review folders, unverified reviews, side files, git set-up.
    Doctor {
        /// Repair what this account can (the rest is named with who can).
        #[arg(long)]
        fix: bool,
    },

    /// Create a vendor file.
    New {
        /// The vendor's name, in any script.
        name: String,
        /// Who interviews (default: the config's interviewer, else your user name).
        #[arg(long)]
        interviewer: Option<String>,
        /// The assessment date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        assessed_on: Option<String>,
    },

    /// Answer one question (for scripts): a value, --na, --clear, and/or --note.
    Answer {
        /// Vendor slug (file name without .toml) or exact name.
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        /// `section.question`, e.g. basic.licence-scope.
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::questions))]
        question: String,
        /// yes/no, an option id, option ids separated by commas, a number, YYYY-MM-DD or text, by the question's kind.
        value: Option<String>,
        /// Set the note (an empty text removes it).
        #[arg(long)]
        note: Option<String>,
        /// Mark the question not applicable (where it allows that).
        #[arg(long, conflicts_with_all = ["value", "clear"])]
        na: bool,
        /// Remove the answer (the note stays).
        #[arg(long, conflicts_with = "value")]
        clear: bool,
    },

    /// Show one vendor's score breakdown.
    Score {
        /// Vendor slug (file name without .toml) or exact name.
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        #[arg(long)]
        json: bool,
    },

    /// Rank all vendors, disqualified last.
    Compare {
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        #[arg(long)]
        csv: bool,
        /// The management workbook (ranking, questions side by side, a sheet per vendor); needs -o FILE.
        #[arg(long, conflicts_with_all = ["json", "csv"])]
        xlsx: bool,
        /// CSV for Excel: a byte-order mark and headers in the --lang language (with --csv).
        #[arg(long, requires = "csv")]
        excel: bool,
        /// Decimals of the scores in CSV.
        #[arg(long, value_name = "N", default_value_t = 1, value_parser = clap::value_parser!(u8).range(0..=15))]
        precision: u8,
        /// Write to this file (with --xlsx).
        #[arg(long, short, value_name = "FILE", requires = "xlsx")]
        output: Option<PathBuf>,
    },

    /// Sign off on a vendor, or comment on it or on one of its questions, as your OS account; alone, list the reviews.
    Review {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        #[arg(long, value_name = "approve|reject|needs-info")]
        decision: Option<String>,
        /// A comment: on the sign-off with --decision, else on the vendor or --question.
        #[arg(long)]
        comment: Option<String>,
        /// `section.question` to comment on.
        #[arg(long, conflicts_with = "decision")]
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::questions))]
        question: Option<String>,
        /// Sign off although the vendor is not fully answered, or approve it although it crossed a red line.
        #[arg(long, requires = "decision")]
        force: bool,
    },

    /// Write a report on one vendor for management (or, with --compare, on all of them side by side).
    Report {
        #[arg(required_unless_present = "compare", add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: Option<String>,
        /// Every vendor side by side: the ranking, then every question (md or html).
        #[arg(long, conflicts_with = "vendor")]
        compare: bool,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// Write the workbook a vendor fills in (pre-filled with VENDOR's answers when given).
    Form {
        vendor: Option<String>,
        /// An Excel workbook (.xlsx).
        #[arg(long)]
        xlsx: bool,
        #[arg(long, short, value_name = "FILE")]
        output: PathBuf,
    },

    /// Import a vendor's filled-in workbook (answers marked as stated by the vendor).
    Import {
        vendor: String,
        file: PathBuf,
        /// Replace answers the interviewer gave differently (listed either way).
        #[arg(long)]
        overwrite: bool,
    },

    /// List the workspace's vendors with their scores (what `ccvet` prints when not on a terminal).
    List {
        /// List the archived vendors instead (`ccvet archive`).
        #[arg(long)]
        archived: bool,
    },

    /// Rename a vendor: its name, file, evidence and history move to the new name's slug; reviews follow.
    Rename {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        /// The new name, in any script.
        new_name: String,
    },

    /// Move a vendor out of lists and rankings into vendors/archive/ (or, with --restore, back).
    Archive {
        /// Vendor slug or exact name (with --restore: of an archived vendor).
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        /// Bring an archived vendor back.
        #[arg(long)]
        restore: bool,
    },

    /// The interview app (what `ccvet` opens on a terminal).
    App,

    /// Register ccvet's git merge and diff drivers in this clone's git config.
    GitSetup,

    /// The git merge driver (%O %A %B %P): merges answer by answer into OURS; exit 1 if conflicts are left.
    MergeFile {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        /// The file's path in the repository (git's %P), for messages.
        path: Option<String>,
    },

    /// Settle an answer (or header field) a git merge left in conflict.
    Resolve {
        vendor: String,
        /// `section.question` (or a header field such as assessed_on).
        question: String,
        /// Keep our version.
        #[arg(long, conflicts_with = "theirs", required_unless_present = "theirs")]
        ours: bool,
        /// Take their version.
        #[arg(long)]
        theirs: bool,
    },

    /// Print a vendor file as question, answer, note and score lines (git's textconv).
    Show { file: PathBuf },

    /// Who changed which answer when, from the git history, with the score after each commit.
    Log {
        vendor: String,
        /// Only this `section.question`.
        #[arg(long)]
        question: Option<String>,
        #[arg(long)]
        json: bool,
    },

    /// The answers that differ between two vendors, or in one vendor since a git revision.
    Diff {
        vendor: String,
        /// The second vendor.
        #[arg(conflicts_with_all = ["since", "cycle"], required_unless_present_any = ["since", "cycle"])]
        other: Option<String>,
        /// A git revision (commit, tag, branch) to compare the vendor with.
        #[arg(long, value_name = "REV", conflicts_with = "cycle")]
        since: Option<String>,
        /// An earlier assessment cycle (its assessed_on, kept by `reassess`) to compare the vendor with.
        #[arg(long, value_name = "DATE")]
        cycle: Option<String>,
        #[arg(long)]
        json: bool,
    },

    /// Ask the vendor for something on one question (a follow-up), or move it on with --status.
    Followup {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::questions))]
        question: String,
        /// What the vendor should provide.
        text: Option<String>,
        /// When it is due, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        due: Option<String>,
        #[arg(long, value_name = "requested|received|closed")]
        status: Option<String>,
    },

    /// The open follow-ups: the list (a letter in md) to send the vendor.
    Followups {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: Option<String>,
        #[arg(long, value_enum, default_value = "md")]
        format: super::followup::ListFormat,
    },

    /// Evidence per answer: add a file (copied, SHA-256 recorded) or a URL; check the files.
    Evidence {
        #[command(subcommand)]
        action: EvidenceAction,
    },

    /// What is due: re-assessments, date answers and evidence expiring, overdue follow-ups.
    Due {
        /// The window, in days from today.
        #[arg(long, value_name = "DAYS", default_value_t = 90, value_parser = clap::value_parser!(i64).range(0..=36_500))]
        within: i64,
        #[arg(long)]
        json: bool,
    },

    /// Start a new assessment cycle: the current file goes to vendors/history/, answers carried over to confirm.
    Reassess {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        /// The new cycle's assessment date, YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },

    /// Print the shell completion script (vendor slugs and question keys included).
    ///
    /// For example: `ccvet completions bash > ~/.local/share/bash-completion/completions/ccvet`.
    /// The script calls ccvet back on each Tab, so slugs and keys are always current.
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },

    /// Print the manual page (roff), or write one page per command into --dir.
    Man {
        /// Write ccvet.1 and ccvet-COMMAND.1 into this folder instead.
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// The shells `ccvet completions` writes a script for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Args {
    /// The usual way to start the app, `ccvet` with at most the global
    /// options (`--workspace DIR`, `--questionnaire FILE`, `--lang zh|en`),
    /// read without building clap's command tree (0.2 ms of a 4 ms first
    /// frame). Anything else, help and mistakes included, is `None`: clap
    /// reads it.
    pub fn quick(argv: &[std::ffi::OsString]) -> Option<Args> {
        let mut args = Args::default();
        let mut rest = argv.iter().skip(1);
        while let Some(arg) = rest.next() {
            let arg = arg.to_str()?;
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) => (name, Some(value.to_string())),
                None => (arg, None),
            };
            let mut value = || -> Option<String> {
                let v = match inline.clone() {
                    Some(v) => v,
                    None => rest.next()?.to_str()?.to_string(),
                };
                // An empty or option-like value is for clap to judge.
                (!v.is_empty() && !v.starts_with('-')).then_some(v)
            };
            match name {
                "--workspace" if args.workspace.is_none() => args.workspace = Some(value()?.into()),
                "--questionnaire" if args.questionnaire.is_none() => args.questionnaire = Some(value()?.into()),
                "--lang" if args.lang.is_none() => args.lang = Some(value()?),
                _ => return None,
            }
        }
        Some(args)
    }
}

#[derive(Debug, PartialEq, Subcommand)]
pub enum EvidenceAction {
    /// Add a file (copied into evidence/<slug>/, never overwriting) or a URL to one answer.
    Add {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: String,
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::questions))]
        question: String,
        /// A file (relative to the current folder, or absolute) or an http(s) URL.
        path: String,
        /// When the document stops being valid, YYYY-MM-DD.
        #[arg(long, value_name = "DATE")]
        expires: Option<String>,
    },
    /// Check every evidence file against its recorded SHA-256 (exit 1 naming each missing or changed one).
    Check {
        #[arg(add = clap_complete::ArgValueCandidates::new(super::complete::vendors))]
        vendor: Option<String>,
    },
}
