//! Commands that check or change files: `validate`, `init`, `new`, `answer`.

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use super::context::{Context, score_of};
use super::{CliError, Output};
use crate::domain::answers::Edit;
use crate::domain::date::Date;
use crate::domain::input::parse_input_in;
use crate::domain::present::{answer_text, pct};
use crate::safe_text::visible;
use crate::storage::Error;
use crate::storage::atomic::RealFs;
use crate::storage::lock::{self, Acquired};
use crate::storage::questionnaire;
use crate::storage::vendor::Meta;
use crate::storage::workspace::Workspace;
use crate::system::{holder, today};

pub fn validate(ctx: &Context, file: Option<&Path>) -> Result<Output, CliError> {
    // A vendor file is checked against the questionnaire in use.
    if let Some(path) = file
        && super::validate_vendor::is_vendor_file(path, std::fs::read_to_string(path).ok().as_deref())
    {
        return super::validate_vendor::validate(ctx, path);
    }
    let loaded = match file {
        Some(path) => questionnaire::load(path),
        None => ctx.questionnaire().map_err(|e| match e {
            CliError::Data(e) => e,
            other => Error::NotFound(other.to_string().into()),
        }),
    };
    match loaded {
        Ok(loaded) => {
            let q = &loaded.questionnaire;
            let questions = q.questions().count();
            let scored = q.questions().filter(|x| x.kind.is_scored()).count();
            let mut out = Output::default();
            for w in &loaded.warnings {
                let _ = writeln!(out.stderr, "{}", w.in_lang(ctx.lang));
            }
            let warnings = match loaded.warnings.len() {
                0 => String::new(),
                1 => msg::VALIDATE_ONE_WARNING.text(ctx.lang).to_string(),
                n => msg::VALIDATE_WARNINGS.fill(ctx.lang, &[("n", &n)]),
            };
            let path = visible(&loaded.origin.display_path().display().to_string()).into_owned();
            let args: [(&str, &dyn std::fmt::Display); 8] = [
                ("path", &path),
                ("id", &visible(&q.id)),
                ("version", &q.version),
                ("sections", &q.sections.len()),
                ("questions", &questions),
                ("scored", &scored),
                ("bands", &q.bands.len()),
                ("warnings", &warnings),
            ];
            let _ = writeln!(out.stdout, "{}", msg::VALIDATE_OK.fill(ctx.lang, &args));
            Ok(out)
        }
        Err(Error::Invalid { diagnostics, .. }) => {
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            let mut out = Output { failed: true, ..Output::default() };
            for d in &diagnostics {
                let _ = writeln!(out.stderr, "{}", d.in_lang(ctx.lang));
            }
            let found = if errors == 1 { msg::ONE_ERROR_FOUND } else { msg::ERRORS_FOUND };
            let _ = writeln!(out.stderr, "{}", found.fill(ctx.lang, &[("n", &errors)]));
            Ok(out)
        }
        Err(e) => Err(CliError::Data(e)),
    }
}

pub fn new_vendor(
    ctx: &Context,
    name: &str,
    interviewer: Option<String>,
    assessed_on: Option<&str>,
) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let assessed_on = match assessed_on {
        Some(text) => Date::parse(text).ok_or_else(|| {
            CliError::Usage(msg::DATE_FLAG.fill(ctx.lang, &[("flag", &"--assessed-on"), ("text", &visible(text))]))
        })?,
        None => today(),
    };
    let meta = Meta {
        vendor: name.to_string(),
        questionnaire: Some(loaded.questionnaire.id.clone()),
        questionnaire_version: Some(loaded.questionnaire.version),
        assessed_on: Some(assessed_on),
        interviewer: Some(interviewer.unwrap_or_else(|| ctx.user.clone())),
        renamed_from: Vec::new(),
    };
    let mut ws = Workspace::at(&ctx.workspace.root);
    let vendor = ws.create_vendor_for(&meta, Some(&loaded.questionnaire), &RealFs).map_err(|e| match e {
        Error::NotFound(m) => CliError::Usage(m.get(ctx.lang)),
        other => CliError::Data(other),
    })?;
    Ok(Output {
        stdout: format!(
            "{}\n",
            msg::CREATED.fill(
                ctx.lang,
                &[
                    ("name", &visible(&vendor.meta.vendor)),
                    ("slug", &vendor.slug),
                    ("path", &visible(&vendor.path.display().to_string()))
                ]
            )
        ),
        ..Output::default()
    })
}

pub fn answer(
    ctx: &Context,
    wanted: &str,
    key: &str,
    value: Option<&str>,
    note: Option<String>,
    na: bool,
    clear: bool,
) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let question = q.question(key).ok_or_else(|| super::followup::unknown_question(ctx.lang, q, key, true))?;
    let mut edits = Vec::new();
    if clear {
        edits.push(Edit::Clear);
    } else if na {
        if !question.allow_na || !question.kind.is_scored() {
            return Err(CliError::Usage(msg::QUESTION_NO_NA.fill(ctx.lang, &[("key", &key)])));
        }
        edits.push(Edit::NotApplicable(true));
    } else if let Some(text) = value {
        let v = parse_input_in(question, text, ctx.lang).map_err(|why| {
            CliError::Usage(msg::NOT_AN_ANSWER.fill(ctx.lang, &[("text", &text), ("key", &key), ("why", &why)]))
        })?;
        edits.push(Edit::Value(v));
    }
    if let Some(note) = note {
        edits.push(Edit::Note((!note.is_empty()).then_some(note)));
    }
    if edits.is_empty() {
        return Err(CliError::Usage(msg::ANSWER_NEEDS_WHAT.text(ctx.lang).to_string()));
    }
    let mut vendor = ctx.find_vendor(wanted)?;
    let modes = ctx.workspace.modes;
    // One writer per vendor: hold its lock for the save.
    let _lock = match lock::acquire_patiently(&vendor.path, &holder(&ctx.user), modes.file) {
        Ok(Acquired::Mine(lock)) => lock,
        Ok(Acquired::Theirs(who)) => return Err(super::followup::locked(ctx.lang, &vendor.meta.vendor, who)),
        Err(e) => return Err(CliError::Data(Error::io(&lock::lock_path(&vendor.path), e))),
    };
    let saved = vendor.save(q, key, &edits, &RealFs, modes.file)?;
    let report = score_of(&loaded, &vendor);
    let lang = ctx.lang;
    let shown = answer_text(question, vendor.answers.get(key), lang);
    let value = if shown.is_empty() { "–".to_string() } else { visible(&shown).into_owned() };
    let dq = if report.disqualified() { msg::DISQUALIFIED.text(lang) } else { "" };
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("key", &key),
        ("value", &value),
        ("vendor", &visible(&vendor.meta.vendor)),
        ("score", &pct(report.score)),
        ("dq", &dq),
    ];
    let mut stdout = format!("{}\n", msg::ANSWER_SAVED.fill(lang, &args));
    if saved.merged {
        let _ = writeln!(stdout, "{}", msg::MERGED_THEIRS_KEPT.text(lang));
    }
    Ok(Output { stdout, ..Output::default() })
}

/// `ccvet review`: a sign-off or a comment, written to the caller's own
/// review file only (the file is named after the OS account, and the OS
/// keeps everyone else out of it).
pub fn review(
    ctx: &Context,
    wanted: &str,
    decision: Option<&str>,
    comment: Option<String>,
    question: Option<String>,
    force: bool,
) -> Result<Output, CliError> {
    use crate::domain::signoff::{Gate, Request, gate};
    use crate::storage::review::{Comment, Decision, SignOff, digest, update};
    let decision = match decision {
        None => None,
        Some(d) => Some(
            Decision::parse(d)
                .ok_or_else(|| CliError::Usage(msg::DECISION_FLAG.fill(ctx.lang, &[("d", &visible(d))])))?,
        ),
    };
    if decision.is_none() && comment.is_none() {
        return super::reviews::reviews(ctx, wanted);
    }
    if decision.is_none() && comment.as_deref().is_none_or(|c| c.trim().is_empty()) {
        return Err(CliError::Usage(msg::REVIEW_NEEDS_WHAT.text(ctx.lang).to_string()));
    }
    if let Some(key) = &question {
        let loaded = ctx.questionnaire()?;
        if loaded.questionnaire.question(key).is_none() {
            return Err(super::followup::unknown_question(ctx.lang, &loaded.questionnaire, key, false));
        }
    }
    let vendor = ctx.find_vendor(wanted)?;
    if let Some(decision) = decision {
        let loaded = ctx.questionnaire()?;
        let report = score_of(&loaded, &vendor);
        let policy = crate::storage::policy::load(&ctx.workspace.root)?;
        let request = Request {
            approve: decision == Decision::Approve,
            signer: &ctx.user,
            interviewer: vendor.meta.interviewer.as_deref(),
            self_signoff_allowed: policy.self_signoff,
        };
        match gate(&request, &report) {
            Gate::Open => {}
            Gate::Refused(_) => {
                return Err(CliError::Failed(
                    msg::SELF_SIGNOFF_REFUSED
                        .fill(ctx.lang, &[("vendor", &visible(&vendor.meta.vendor)), ("user", &visible(&ctx.user))]),
                ));
            }
            Gate::Confirm(cautions) if !force => {
                let why: Vec<String> = cautions.iter().map(|c| c.describe(ctx.lang)).collect();
                return Err(CliError::Failed(msg::NOT_SIGNED_FORCE.fill(ctx.lang, &[("why", &why.join("; "))])));
            }
            Gate::Confirm(_) => {}
        }
    }
    let at = crate::system::now_rfc3339();
    let signed = digest(vendor.text());
    update(
        &vendor.path,
        &vendor.meta.renamed_from,
        &ctx.user,
        |file| match decision {
            Some(decision) => file.signoff = Some(SignOff { decision, at, digest: signed, comment }),
            None => file.comments.push(Comment { question, at, text: comment.unwrap_or_default() }),
        },
        &RealFs,
        ctx.workspace.modes,
    )?;
    let me = crate::storage::identity::shown(&ctx.user, ctx.display_name.as_deref());
    let (name, me) = (visible(&vendor.meta.vendor), visible(&me));
    let line = match decision {
        Some(d) => msg::SIGNED_OFF_AS.fill(ctx.lang, &[("decision", &d.name()), ("vendor", &name), ("me", &me)]),
        None => msg::COMMENTED_AS.fill(ctx.lang, &[("vendor", &name), ("me", &me)]),
    };
    Ok(Output { stdout: format!("{line}\n"), ..Output::default() })
}
