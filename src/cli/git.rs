//! The git commands: `git-setup`, `merge-file` (the merge driver),
//! `resolve`, `show` (the diff textconv).

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use super::context::Context;
use super::{CliError, Output};
use crate::domain::answers::Answer;
use crate::domain::present::{answer_text, pct};
use crate::domain::scoring::Outcome;
use crate::domain::text::Lang;
use crate::git::GitError;
use crate::safe_text::visible;
use crate::storage::Error;
use crate::storage::atomic::{RealFs, write_atomic};
use crate::storage::lock::{self, Acquired};
use crate::storage::merge::{Side, merge_review, merge_vendor, resolve_text};
use crate::storage::vendor::VendorFile;
use crate::system::holder;

fn git_failed(e: GitError, lang: Lang) -> CliError {
    CliError::Failed(e.message(lang))
}

/// `ccvet git-setup`: registers the drivers in the clone's config.
pub fn git_setup(ctx: &Context) -> Result<Output, CliError> {
    let exe = std::env::current_exe()
        .map_err(|e| CliError::Failed(format!("cannot tell where this ccvet program is: {e}")))?;
    let top = crate::git::setup::git_setup(&ctx.workspace.root, &exe).map_err(|e| git_failed(e, ctx.lang))?;
    let mut out = Output::default();
    let lang = ctx.lang;
    let _ = writeln!(
        out.stdout,
        "{} {}",
        msg::GIT_DRIVERS_REGISTERED_IN.text(lang),
        visible(&top.join(".git").join("config").display().to_string())
    );
    let _ = writeln!(out.stdout, "  merge.ccvet.driver, diff.ccvet.textconv → {}", visible(&exe.display().to_string()));
    Ok(out)
}

/// Writes `.gitignore`/`.gitattributes` and, in a git repository,
/// registers the drivers: the git part of `ccvet init`.
pub fn init_git(root: &Path, mode: u32, lang: Lang) -> Result<String, CliError> {
    let mut out = String::new();
    let changed = crate::git::files::write_workspace_files(root, &RealFs, mode)?;
    for name in changed {
        let what = if name == ".gitignore" {
            msg::LOCK_AND_SIDE_FILES_STAY.text(lang)
        } else {
            msg::VENDOR_AND_REVIEW_FILES_USE.text(lang)
        };
        let _ = writeln!(out, "  {name}: {what}");
    }
    // Only a workspace that is a repository's own top folder: one nested in
    // an unrelated repository (a dotfiles repo in $HOME) is left alone;
    // `ccvet git-setup` there is an explicit choice.
    let same = |a: &Path, b: &Path| a.canonicalize().ok().is_some_and(|a| b.canonicalize().ok() == Some(a));
    match crate::git::toplevel(root) {
        Ok(top) if !same(&top, root) => {
            let _ = writeln!(out, "  {}", msg::INSIDE_A_GIT_REPOSITORY_RUN.text(lang));
        }
        Ok(_) => {
            let exe = std::env::current_exe().map_err(|e| CliError::Failed(e.to_string()))?;
            crate::git::setup::git_setup(root, &exe).map_err(|e| git_failed(e, lang))?;
            let _ = writeln!(out, "  {}", msg::GIT_DRIVERS_REGISTERED_CCVET_GIT.text(lang));
        }
        Err(GitError::NotARepo(_) | GitError::NoGit) => {
            let _ = writeln!(out, "  {}", msg::NOT_A_GIT_REPOSITORY_AFTER.text(lang));
        }
        Err(e) => return Err(git_failed(e, lang)),
    }
    Ok(out)
}

fn read(path: &Path) -> Result<String, CliError> {
    Ok(crate::storage::read_text(path)?)
}

/// `ccvet merge-file BASE OURS THEIRS [PATH]`: git's `%O %A %B %P`. The
/// result goes over OURS; exit 0 when clean, 1 when conflicts are left
/// (recorded in the file, which still parses). On any error OURS is left
/// as it was and the exit is non-zero, so git marks the path conflicted.
pub fn merge_file(
    ctx: &Context,
    base: &Path,
    ours: &Path,
    theirs: &Path,
    path: Option<&str>,
) -> Result<Output, CliError> {
    let (b, o, t) = (read(base)?, read(ours)?, read(theirs)?);
    let shown = path.map_or_else(|| ours.to_path_buf(), std::path::PathBuf::from);
    let is_review = match path {
        Some(p) => p.starts_with("reviews/") || p.contains("/reviews/"),
        None => {
            o.lines().any(|l| l.trim_start().starts_with("reviewer")) && !o.lines().any(|l| l.starts_with("vendor"))
        }
    };
    let merged = if is_review {
        merge_review(&shown, &b, &o, &t)?
    } else {
        let loaded = ctx.questionnaire()?;
        merge_vendor(&shown, &b, &o, &t, &loaded.questionnaire)?
    };
    if merged.text != o {
        write_atomic(&RealFs, ours, merged.text.as_bytes(), 0o600).map_err(|e| Error::io(ours, e))?;
    }
    let mut out = Output::default();
    if !merged.conflicts.is_empty() {
        out.failed = true;
        let lang = ctx.lang;
        for key in &merged.conflicts {
            let _ = writeln!(
                out.stderr,
                "{}: `{}` {}",
                visible(&shown.display().to_string()),
                visible(key),
                msg::WAS_CHANGED_DIFFERENTLY_ON_BOTH.text(lang)
            );
        }
    }
    Ok(out)
}

/// `ccvet resolve VENDOR KEY --ours|--theirs`.
pub fn resolve(ctx: &Context, wanted: &str, key: &str, side: Side) -> Result<Output, CliError> {
    let vendor = ctx.find_vendor(wanted)?;
    let _lock = match lock::acquire_patiently(&vendor.path, &holder(&ctx.user), ctx.workspace.modes.file) {
        Ok(Acquired::Mine(lock)) => lock,
        Ok(Acquired::Theirs(_)) => {
            return Err(CliError::Failed(
                msg::RESOLVE_LOCKED.fill(ctx.lang, &[("vendor", &visible(&vendor.meta.vendor))]),
            ));
        }
        Err(e) => return Err(CliError::Data(Error::io(&lock::lock_path(&vendor.path), e))),
    };
    // The file as it is now, not as found a moment before the lock.
    let vendor = VendorFile::load(&vendor.path)?;
    let text = resolve_text(vendor.text(), key, side)
        .map_err(|m| CliError::Data(Error::refused(&vendor.path, m)))?
        .ok_or_else(|| {
            let open: Vec<&str> = vendor.conflicts.iter().map(|c| c.key.as_str()).collect();
            CliError::Usage(if open.is_empty() {
                msg::NO_MERGE_CONFLICTS.fill(ctx.lang, &[("vendor", &visible(&vendor.meta.vendor))])
            } else {
                msg::NOT_IN_CONFLICT_THESE
                    .fill(ctx.lang, &[("key", &visible(key)), ("open", &visible(&open.join(", ")))])
            })
        })?;
    // Never write what does not read back.
    let next = VendorFile::parse(&vendor.path, text.clone())?;
    write_atomic(&RealFs, &vendor.path, text.as_bytes(), ctx.workspace.modes.file)
        .map_err(|e| Error::io(&vendor.path, e))?;
    let lang = ctx.lang;
    let which = match side {
        Side::Ours => msg::OURS.text(lang),
        Side::Theirs => msg::THEIRS.text(lang),
    };
    let mut stdout = format!(
        "{} {} {} · {} {}\n",
        visible(key),
        msg::RESOLVED_KEEPING.text(lang),
        which,
        visible(&next.meta.vendor),
        next.conflicts.len()
    );
    stdout.push_str(msg::CONFLICTS_LEFT.text(lang));
    Ok(Output { stdout, ..Output::default() })
}

/// `ccvet show FILE`: the vendor file as lines a person reads in a diff.
pub fn show(ctx: &Context, file: &Path) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let text = crate::storage::read_text(file)?;
    // `.gitattributes` routes review files here too.
    if let Ok(review) = toml::from_str::<crate::storage::review::ReviewFile>(&text) {
        return Ok(Output { stdout: review_text(&review, ctx.lang), ..Output::default() });
    }
    let vendor = VendorFile::parse(file, text)?;
    Ok(Output { stdout: show_text(q, &vendor, ctx.lang), ..Output::default() })
}

/// A review file as lines: the reviewer, the sign-off, one line per comment.
fn review_text(review: &crate::storage::review::ReviewFile, lang: Lang) -> String {
    let one_line = |s: &str| visible(&s.replace("\r\n", "⏎").replace('\n', "⏎")).into_owned();
    let mut out = format!("{}{}\n", msg::REVIEWER.text(lang), one_line(&review.reviewer));
    match &review.signoff {
        Some(s) => {
            let _ = writeln!(
                out,
                "{}{} {} ({}){}",
                msg::SIGN_OFF.text(lang),
                s.decision.mark(),
                s.decision.name(),
                one_line(&s.at),
                s.comment.as_deref().map(|c| format!(": {}", one_line(c))).unwrap_or_default()
            );
        }
        None => {
            let _ = writeln!(out, "{}–", msg::SIGN_OFF.text(lang));
        }
    }
    for c in &review.comments {
        let on = c.question.as_deref().map_or_else(|| msg::THE_VENDOR.text(lang).to_string(), one_line);
        let _ = writeln!(out, "{} · {on}: {}", one_line(&c.at), one_line(&c.text));
    }
    out
}

/// One block per question: key and question text, then the answer, the
/// note and the score, each on its own line (line breaks in notes shown as
/// `⏎`, so one answer never spills over another's lines).
pub fn show_text(q: &crate::domain::questionnaire::Questionnaire, vendor: &VendorFile, lang: Lang) -> String {
    let report = score_of_q(q, vendor);
    let mut out = String::new();
    let one_line = |s: &str| visible(&s.replace("\r\n", "⏎").replace('\n', "⏎")).into_owned();
    let _ = writeln!(out, "{}{}", msg::VENDOR.text(lang), one_line(&vendor.meta.vendor));
    let _ = writeln!(
        out,
        "{}{} · {} {}",
        msg::ASSESSED.text(lang),
        vendor.meta.assessed_on.map_or_else(|| "–".to_string(), |d| d.to_string()),
        msg::INTERVIEWER.text(lang),
        one_line(vendor.meta.interviewer.as_deref().unwrap_or("–"))
    );
    let band = report.band.and_then(|i| q.bands.get(i)).map_or("", |b| b.label.get(lang));
    let _ = writeln!(
        out,
        "{}{} {}{}",
        msg::SCORE_COLON.text(lang),
        pct(report.score),
        visible(band),
        if report.disqualified() { msg::DISQUALIFIED.text(lang) } else { "" }
    );
    for (si, section) in q.sections.iter().enumerate() {
        let _ = writeln!(out, "\n## {}", visible(section.title.get(lang)));
        for (qi, question) in section.questions.iter().enumerate() {
            let answer = q.answer(&vendor.answers, question);
            let _ = writeln!(out, "\n{}  {}", question.key, one_line(question.text.get(lang)));
            let shown = answer_text(question, answer, lang);
            let _ = writeln!(
                out,
                "  {}{}",
                msg::ANSWER.text(lang),
                if shown.is_empty() { "–".to_string() } else { one_line(&shown) }
            );
            if let Some(note) = answer.and_then(|a| a.note.as_deref()) {
                let _ = writeln!(out, "  {}{}", msg::NOTE.text(lang), one_line(note));
            }
            let outcome = report.outcomes.get(si).and_then(|s| s.get(qi));
            if let Some(line) = outcome.and_then(|o| outcome_text(o, question.weight, lang)) {
                let _ = writeln!(out, "  {}{line}", msg::SCORE_COLON_LC.text(lang));
            }
            if let Some(c) = vendor.conflicts.iter().find(|c| c.key == question.key) {
                let side = |a: &Option<Answer>| {
                    let t = answer_text(question, a.as_ref(), lang);
                    if t.is_empty() { "–".to_string() } else { one_line(&t) }
                };
                let _ = writeln!(
                    out,
                    "  {} {} · {} {}",
                    msg::CONFLICT_THEIRS.text(lang),
                    side(&c.theirs),
                    msg::BASE.text(lang),
                    side(&c.base)
                );
            }
        }
    }
    for orphan in &report.orphans {
        let _ = writeln!(out, "\n? {}  {}", visible(orphan), msg::NO_SUCH_QUESTION.text(lang));
    }
    out
}

fn score_of_q(
    q: &crate::domain::questionnaire::Questionnaire,
    vendor: &VendorFile,
) -> crate::domain::scoring::ScoreReport {
    crate::domain::scoring::score(q, &vendor.answers, vendor.meta.assessed_on)
}

fn outcome_text(o: &Outcome, weight: f64, lang: Lang) -> Option<String> {
    match o {
        Outcome::Scored { s, knockout } => {
            Some(format!("{:.0}% × {weight}{}", s * 100.0, if *knockout { msg::RED_LINE.text(lang) } else { "" }))
        }
        Outcome::NotApplicable => Some(msg::N_A.text(lang).to_string()),
        Outcome::Invalid(why) => Some(format!("! {}", visible(why))),
        Outcome::Hidden => Some(msg::HIDDEN_CONDITION_NOT_MET.text(lang).to_string()),
        Outcome::Unanswered | Outcome::Unscored { .. } => None,
    }
}
