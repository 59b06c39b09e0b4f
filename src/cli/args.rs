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
}

#[derive(Debug, PartialEq, Subcommand)]
pub enum Command {
    /// Check a questionnaire file (default: the one in use) and list every problem.
    Validate { file: Option<PathBuf> },

    /// Create a workspace, with a copy of the default questionnaire to customise.
    Init { dir: Option<PathBuf> },

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
        vendor: String,
        /// `section.question`, e.g. basic.licence-scope.
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
    },

    /// Sign off on a vendor, or comment on it or on one of its questions (as yourself).
    Review {
        vendor: String,
        #[arg(long, value_name = "approve|reject|needs-info")]
        decision: Option<String>,
        /// A comment: on the sign-off with --decision, else on the vendor or --question.
        #[arg(long)]
        comment: Option<String>,
        /// `section.question` to comment on.
        #[arg(long, conflicts_with = "decision")]
        question: Option<String>,
    },

    /// Write a report on one vendor for management.
    Report {
        vendor: String,
        #[arg(long, value_enum, default_value = "md")]
        format: ReportFormat,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },

    /// List the workspace's vendors with their scores (what `ccvet` prints when not on a terminal).
    List,

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
        #[arg(conflicts_with = "since", required_unless_present = "since")]
        other: Option<String>,
        /// A git revision (commit, tag, branch) to compare the vendor with.
        #[arg(long, value_name = "REV")]
        since: Option<String>,
        #[arg(long)]
        json: bool,
    },
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
