//! The headless command line: `validate`, `init`, `new`, `score`,
//! `compare`, `report`, `answer`. No terminal UI here; every command builds
//! its whole output as text and writes it once.

mod args;
pub mod complete;
mod context;
mod doctor;
mod edit;
mod evidence;
mod followup;
mod followup_json;
mod git;
mod git_json;
mod history;
mod housekeeping;
mod json;
mod manual;
mod report;
mod reviews;
mod table;
mod validate_vendor;
mod xlsx;

use std::io::Write;
use std::process::ExitCode;

pub use args::{Args, Command};
pub use context::Env;

use crate::safe_text::visible;
use crate::storage;

/// What went wrong, sorted by exit code.
#[derive(Debug)]
pub enum CliError {
    /// The command line itself is wrong (exit 2).
    Usage(String),
    /// A file is bad, or saving failed (exit 1).
    Data(storage::Error),
    /// Something else failed (exit 1), in one sentence.
    Failed(String),
}

impl From<storage::Error> for CliError {
    fn from(e: storage::Error) -> Self {
        CliError::Data(e)
    }
}

impl CliError {
    pub fn names_a_file(&self) -> bool {
        matches!(self, CliError::Data(e) if !matches!(e, storage::Error::NotFound(_)))
    }

    /// The error as an ASCII sentence (ASCII mode), same exit code.
    fn into_ascii(self) -> CliError {
        if self.names_a_file() {
            return self;
        }
        let text = crate::ascii::to_ascii(&self.to_string());
        match self {
            CliError::Usage(_) => CliError::Usage(text),
            _ => CliError::Failed(text),
        }
    }

    /// The error in `lang` (`Display` is the English). Usage and other
    /// errors are worded in the reader's language where they are made.
    pub fn message(&self, lang: crate::domain::text::Lang) -> String {
        match self {
            CliError::Data(e) => e.message(lang),
            other => other.to_string(),
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            CliError::Usage(_) => 2,
            CliError::Data(_) | CliError::Failed(_) => 1,
        }
    }
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Usage(m) | CliError::Failed(m) => f.write_str(&visible(m)),
            CliError::Data(e) => write!(f, "{e}"),
        }
    }
}

/// Output of a command: what goes to stdout, what to stderr, and whether
/// the run still counts as failed (e.g. `compare` with one unreadable file).
#[derive(Default)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub failed: bool,
}

/// A command line clap refused (unknown command, missing argument, …):
/// under Chinese, a sentence saying what kind of mistake it is leads
/// clap's own (English) words, as a file's TOML errors are led.
pub fn usage_error(e: &clap::Error, argv: &[std::ffi::OsString], env: &Env) -> String {
    use clap::error::ErrorKind;
    let rendered = e.render().to_string();
    // `--lang zh` or `--lang=zh`, wherever it is on the line.
    let words: Vec<String> = argv.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let flag = words.iter().enumerate().find_map(|(i, w)| match w.strip_prefix("--lang") {
        Some("") => words.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_string),
        None => None,
    });
    let lang = context::error_lang(flag.as_deref(), env);
    if lang == crate::domain::text::Lang::En || !e.use_stderr() {
        return rendered;
    }
    let lead = match e.kind() {
        ErrorKind::InvalidSubcommand => crate::i18n::cli::USAGE_UNKNOWN_COMMAND,
        ErrorKind::UnknownArgument => crate::i18n::cli::USAGE_UNKNOWN_OPTION,
        ErrorKind::MissingRequiredArgument | ErrorKind::MissingSubcommand => crate::i18n::cli::USAGE_MISSING,
        ErrorKind::InvalidValue | ErrorKind::ValueValidation | ErrorKind::InvalidUtf8 => {
            crate::i18n::cli::USAGE_INVALID_VALUE
        }
        _ => crate::i18n::cli::USAGE_OTHER,
    };
    format!("ccvet: {}\n{rendered}", lead.text(lang))
}

/// Runs the command line and returns the process exit code.
pub fn main(args: Args, env: &Env) -> ExitCode {
    let lang_flag = args.lang.clone();
    let result = run(args, env);
    let (out, code) = match result {
        Ok(out) => {
            let code = u8::from(out.failed);
            (out, code)
        }
        Err(e) => {
            // Errors about a file lead with `path:line:col`; the others
            // say who is speaking.
            let message = e.message(context::error_lang(lang_flag.as_deref(), env));
            let text = if e.names_a_file() { format!("{message}\n") } else { format!("ccvet: {message}\n") };
            // A terminal without UTF-8 (the config may not have read).
            let stderr = if env.ascii.ascii(None) { crate::ascii::to_ascii(&text) } else { text };
            (Output { stderr, ..Output::default() }, e.exit_code())
        }
    };
    // A closed pipe (`ccvet compare | head`) is not an error worth a word.
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(out.stdout.as_bytes()).and_then(|()| stdout.flush())
        && e.kind() != std::io::ErrorKind::BrokenPipe
    {
        let why =
            crate::i18n::cli::CANNOT_WRITE_OUTPUT.fill(context::error_lang(lang_flag.as_deref(), env), &[("why", &e)]);
        let _ = writeln!(std::io::stderr(), "ccvet: {why}");
        return ExitCode::from(1);
    }
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    ExitCode::from(code)
}

pub fn run(args: Args, env: &Env) -> Result<Output, CliError> {
    // Install-time commands need no workspace or config.
    match &args.command {
        Some(Command::Completions { shell }) => return complete::script(*shell),
        Some(Command::Man { dir }) => return manual::man(dir.as_deref()),
        _ => {}
    }
    let ctx = context::Context::new(&args, env)?;
    let warning = crate::storage::perms::exposure_warning(&ctx.workspace.root);
    // Data formats (JSON, CSV, reports) stay as they are in ASCII mode;
    // what is meant for reading on the terminal follows it.
    let data = matches!(
        args.command,
        Some(Command::Score { json: true, .. } | Command::Compare { json: true, .. } | Command::Due { json: true, .. })
            | Some(Command::Followups { format: followup::ListFormat::Csv | followup::ListFormat::Json, .. })
            | Some(Command::Compare { csv: true, .. } | Command::Report { .. })
    );
    let mut out = dispatch(&ctx, args, env).map_err(|e| if ctx.ascii { e.into_ascii() } else { e })?;
    if let Some(w) = warning {
        out.stderr.insert_str(0, &format!("{}\n", crate::safe_text::visible(&w)));
    }
    if ctx.ascii {
        if !data {
            out.stdout = crate::ascii::to_ascii(&out.stdout);
        }
        out.stderr = crate::ascii::to_ascii(&out.stderr);
    }
    Ok(out)
}

fn dispatch(ctx: &context::Context, args: Args, env: &Env) -> Result<Output, CliError> {
    // With no command: the app on a terminal, the vendor list otherwise.
    let default = if env.interactive { Command::App } else { Command::List { archived: false } };
    match args.command.unwrap_or(default) {
        Command::Validate { file } => edit::validate(ctx, file.as_deref()),
        Command::Init { dir, group } => doctor::init(ctx, dir.as_deref(), group.as_deref()),
        Command::Doctor { fix } => doctor::doctor(ctx, fix),
        Command::New { name, interviewer, assessed_on } => {
            edit::new_vendor(ctx, &name, interviewer, assessed_on.as_deref())
        }
        Command::Answer { vendor, question, value, note, na, clear } => {
            edit::answer(ctx, &vendor, &question, value.as_deref(), note, na, clear)
        }
        Command::Score { vendor, json } => table::score(ctx, &vendor, json),
        Command::Compare { xlsx: true, output, .. } => xlsx::workbook::compare(ctx, output.as_deref()),
        Command::Compare { json, csv, excel, precision, .. } => {
            table::compare(ctx, json, csv.then_some(table::CsvStyle { excel, precision: usize::from(precision) }))
        }
        Command::Form { vendor, xlsx, output } => xlsx::form::form(ctx, vendor.as_deref(), xlsx, &output),
        Command::Import { vendor, file, overwrite } => xlsx::import::import(ctx, &vendor, &file, overwrite),
        Command::List { archived: false } => table::list(ctx),
        Command::List { archived: true } => housekeeping::list_archived(ctx),
        Command::Rename { vendor, new_name } => housekeeping::rename(ctx, &vendor, &new_name),
        Command::Archive { vendor, restore: false } => housekeeping::archive(ctx, &vendor),
        Command::Archive { vendor, restore: true } => housekeeping::restore(ctx, &vendor),
        Command::App => app(ctx),
        Command::Report { compare: true, format: args::ReportFormat::Xlsx, .. } => {
            Err(CliError::Usage(crate::i18n::cli::REPORT_COMPARE_NOT_XLSX.text(ctx.lang).to_string()))
        }
        Command::Report { compare: true, format, output, .. } => report::compare_report(ctx, format, output.as_deref()),
        Command::Report { vendor, format, output, .. } => {
            report::report(ctx, vendor.as_deref().unwrap_or_default(), format, output.as_deref())
        }
        Command::Review { vendor, decision, comment, question, force } => {
            edit::review(ctx, &vendor, decision.as_deref(), comment, question, force)
        }
        Command::Followup { vendor, question, text, due, status } => {
            followup::followup(ctx, &vendor, &question, text.as_deref(), due.as_deref(), status.as_deref())
        }
        Command::Followups { vendor, format } => followup::followups(ctx, vendor.as_deref(), format),
        Command::Evidence { action } => evidence::evidence(ctx, action),
        Command::Due { within, json } => evidence::due(ctx, within, json),
        Command::Reassess { vendor, on } => evidence::reassess(ctx, &vendor, on.as_deref()),
        Command::Completions { shell } => complete::script(shell),
        Command::Man { dir } => manual::man(dir.as_deref()),
        Command::GitSetup => git::git_setup(ctx),
        Command::MergeFile { base, ours, theirs, path } => git::merge_file(ctx, &base, &ours, &theirs, path.as_deref()),
        Command::Resolve { vendor, question, theirs, .. } => {
            let side = if theirs { storage::merge::Side::Theirs } else { storage::merge::Side::Ours };
            git::resolve(ctx, &vendor, &question, side)
        }
        Command::Show { file } => git::show(ctx, &file),
        Command::Log { vendor, question, json } => history::log(ctx, &vendor, question.as_deref(), json),
        Command::Diff { vendor, other, since, cycle, json } => {
            history::diff(ctx, &vendor, other.as_deref(), since.as_deref(), cycle.as_deref(), json)
        }
    }
}

/// The interview app, on the terminal.
fn app(ctx: &context::Context) -> Result<Output, CliError> {
    // Parsing a questionnaire file takes milliseconds: on another core,
    // while the terminal starts. The embedded one comes ready-made.
    let (flag, root) = (ctx.questionnaire_flag.clone(), ctx.workspace.root.clone());
    let file = crate::storage::questionnaire::file_of(flag.as_deref(), &root);
    let questionnaire_bytes = crate::storage::questionnaire::size(file.as_deref());
    let resolve = move || crate::storage::questionnaire::resolve(flag.as_deref(), &root);
    let questionnaire: Box<dyn FnOnce() -> Result<_, storage::Error>> =
        match file.is_some().then(|| std::thread::Builder::new().name("questionnaire".into()).spawn(resolve.clone())) {
            Some(Ok(handle)) => Box::new(move || handle.join().unwrap_or_else(|_| resolve())),
            _ => Box::new(resolve),
        };
    let setup = crate::app::run::Setup {
        questionnaire,
        questionnaire_bytes,
        workspace: crate::storage::workspace::Workspace::at(&ctx.workspace.root),
        lang: ctx.lang,
        config_path: ctx.config_path.clone(),
        user: ctx.user.clone(),
        no_color: ctx.no_color,
        ascii: ctx.ascii,
        force_poll: ctx.force_poll,
        notice: crate::storage::perms::exposure_warning(&ctx.workspace.root),
    };
    crate::app::run::run(setup).map_err(|failure| match failure {
        crate::app::run::Failure::Questionnaire(e) => CliError::Data(e),
        crate::app::run::Failure::Other(message) => CliError::Failed(message),
    })?;
    Ok(Output::default())
}
