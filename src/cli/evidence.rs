//! `ccvet evidence add|check`, `ccvet due` and `ccvet reassess` (product
//! brief §11).

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use serde::Serialize;

use super::args::EvidenceAction;
use super::context::Context;
use super::followup::{date_arg, question, save_edits, today};
use super::{CliError, Output};
use crate::domain::answers::Edit;
use crate::domain::followup::{DueKind, Evidence, Source, days, due_items};
use crate::domain::questionnaire::Kind;
use crate::safe_text::visible;
use crate::storage::evidence::{Check, check, copy_in, is_url};
use crate::storage::vendor::VendorFile;

pub fn evidence(ctx: &Context, action: EvidenceAction) -> Result<Output, CliError> {
    match action {
        EvidenceAction::Add { vendor, question, path, expires } => {
            add(ctx, &vendor, &question, &path, expires.as_deref())
        }
        EvidenceAction::Check { vendor } => check_all(ctx, vendor.as_deref()),
    }
}

fn add(ctx: &Context, wanted: &str, key: &str, path: &str, expires: Option<&str>) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    question(ctx.lang, q, key)?;
    let expires = expires.map(|d| date_arg(ctx.lang, "--expires", d)).transpose()?;
    let seen_on = today(ctx.lang)?;
    let mut vendor = ctx.find_vendor(wanted)?;
    let (source, copied) = if is_url(path) {
        (Source::Url(path.to_string()), None)
    } else {
        let file = Path::new(path);
        let meta = std::fs::metadata(file).map_err(|e| CliError::Data(crate::storage::Error::io(file, e)))?;
        if !meta.is_file() {
            let shown = visible(&file.display().to_string()).into_owned();
            return Err(CliError::Usage(msg::NOT_A_FILE.fill(ctx.lang, &[("shown", &shown)])));
        }
        let c = copy_in(&ctx.workspace.root, &vendor.slug, file, ctx.workspace.modes)?;
        (Source::File { file: c.file.clone(), sha256: c.sha256.clone() }, Some(c))
    };
    let entry = Evidence { source, seen_on, expires };
    if let Err(e) = save_edits(ctx, &mut vendor, q, key, &[Edit::AddEvidence(entry)]) {
        // The copy is recorded nowhere: take it back.
        if let Some(c) = &copied {
            let _ = std::fs::remove_file(ctx.workspace.root.join(&c.file));
        }
        return Err(e);
    }
    let lang = ctx.lang;
    let name = visible(&vendor.meta.vendor);
    let expires = expires.map_or_else(String::new, |d| msg::EVIDENCE_EXPIRES_ON.fill(lang, &[("date", &d)]));
    let line = match copied {
        Some(c) => msg::EVIDENCE_ADDED_FILE.fill(
            lang,
            &[
                ("vendor", &name),
                ("key", &key),
                ("file", &visible(&c.file)),
                ("sha256", &c.sha256),
                ("expires", &expires),
            ],
        ),
        None => msg::EVIDENCE_ADDED_URL
            .fill(lang, &[("vendor", &name), ("key", &key), ("url", &visible(path)), ("expires", &expires)]),
    };
    let stdout = format!("{line}\n");
    Ok(Output { stdout, ..Output::default() })
}

/// One vendor, or every vendor of the workspace (a file that does not read
/// is an error: its evidence cannot be checked).
fn vendors(ctx: &Context, wanted: Option<&str>) -> Result<Vec<VendorFile>, CliError> {
    match wanted {
        Some(w) => Ok(vec![ctx.find_vendor(w)?]),
        None => ctx.workspace.load_all()?.into_iter().map(|v| v.map_err(CliError::Data)).collect(),
    }
}

fn check_all(ctx: &Context, wanted: Option<&str>) -> Result<Output, CliError> {
    let vendors = vendors(ctx, wanted)?;
    let mut out = Output::default();
    let (mut files, mut bad) = (0, 0);
    for v in &vendors {
        for (key, answer) in &v.answers {
            for e in &answer.evidence {
                let Source::File { file, sha256 } = &e.source else { continue };
                files += 1;
                let shown = visible(file);
                let lang = ctx.lang;
                let problem = match check(&ctx.workspace.root, file, sha256) {
                    Check::Ok => None,
                    Check::Missing => Some(msg::EVIDENCE_MISSING.text(lang).to_string()),
                    Check::Changed { now } => {
                        Some(msg::EVIDENCE_CHANGED.fill(lang, &[("now", &now), ("recorded", &visible(sha256))]))
                    }
                    Check::Unreadable(why) => Some(msg::EVIDENCE_UNREADABLE.fill(lang, &[("why", &why)])),
                };
                if let Some(p) = problem {
                    bad += 1;
                    let args: [(&str, &dyn std::fmt::Display); 4] =
                        [("file", &shown), ("problem", &p), ("slug", &v.slug), ("key", &key)];
                    let _ = writeln!(out.stderr, "{}", msg::EVIDENCE_PROBLEM_AT.fill(lang, &args));
                }
            }
        }
    }
    let checked = if files == 1 { msg::EVIDENCE_CHECKED_ONE } else { msg::EVIDENCE_CHECKED_MANY };
    let _ = writeln!(out.stdout, "{}", checked.fill(ctx.lang, &[("files", &files), ("bad", &bad)]));
    out.failed = bad > 0;
    Ok(out)
}

#[derive(Serialize)]
struct DueJson {
    vendor: String,
    slug: String,
    kind: &'static str,
    date: String,
    /// Days from today (negative: past).
    days: i64,
    question: Option<String>,
    what: Option<String>,
}

pub fn due(ctx: &Context, within: i64, json: bool) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let today = today(ctx.lang)?;
    let months = q.reassess_months();
    let is_date = |key: &str| q.question(key).is_some_and(|x| matches!(x.kind, Kind::Date { .. }));
    let mut rows = Vec::new();
    let mut out = Output::default();
    // One vendor in memory at a time: a thousand of them never are.
    for path in ctx.workspace.vendor_paths()? {
        let v = match VendorFile::load(&path) {
            Ok(v) => v,
            Err(e) => {
                let _ = writeln!(out.stderr, "{}", e.message(ctx.lang));
                continue;
            }
        };
        for item in due_items(v.meta.assessed_on, months, &v.answers, is_date, today, within) {
            rows.push(DueJson {
                vendor: v.meta.vendor.clone(),
                slug: v.slug.clone(),
                kind: item.kind.name(),
                date: item.date.to_string(),
                days: days(item.date) - days(today),
                question: item.question,
                what: item.what,
            });
        }
    }
    rows.sort_by(|a, b| (&a.date, &a.slug, a.kind).cmp(&(&b.date, &b.slug, b.kind)));
    if json {
        out.stdout = serde_json::to_string_pretty(&rows).map_err(|e| CliError::Failed(e.to_string()))? + "\n";
        return Ok(out);
    }
    let lang = ctx.lang;
    if rows.is_empty() {
        let _ = writeln!(out.stdout, "{}", msg::NOTHING_DUE.text(lang));
        return Ok(out);
    }
    for r in &rows {
        let what = match r.kind {
            k if k == DueKind::Reassess.name() => msg::RE_ASSESSMENT_DUE.text(lang),
            k if k == DueKind::AnswerExpires.name() => msg::ANSWER_DATE_ENDS.text(lang),
            k if k == DueKind::EvidenceExpires.name() => msg::EVIDENCE_EXPIRES.text(lang),
            _ => msg::FOLLOW_UP_OVERDUE.text(lang),
        };
        let _ = writeln!(
            out.stdout,
            "{}  {}  {}{}{}",
            r.date,
            visible(&r.slug),
            what,
            r.question.as_deref().map_or_else(String::new, |k| format!("  {}", visible(k))),
            r.what.as_deref().map_or_else(String::new, |w| format!("  {}", visible(w)))
        );
    }
    Ok(out)
}

pub fn reassess(ctx: &Context, wanted: &str, on: Option<&str>) -> Result<Output, CliError> {
    let on = match on {
        Some(d) => date_arg(ctx.lang, "--on", d)?,
        None => today(ctx.lang)?,
    };
    let vendor = ctx.find_vendor(wanted)?;
    let Some(before) = vendor.meta.assessed_on else {
        return Err(CliError::Usage(
            msg::REASSESS_NO_DATE.fill(ctx.lang, &[("vendor", &visible(&vendor.meta.vendor))]),
        ));
    };
    if on <= before {
        return Err(CliError::Usage(msg::CYCLE_NOT_AFTER.fill(ctx.lang, &[("on", &on), ("before", &before)])));
    }
    let modes = ctx.workspace.modes;
    let _lock =
        match crate::storage::lock::acquire_patiently(&vendor.path, &crate::system::holder(&ctx.user), modes.file) {
            Ok(crate::storage::lock::Acquired::Mine(lock)) => lock,
            Ok(crate::storage::lock::Acquired::Theirs(_)) => {
                return Err(CliError::Failed(
                    msg::REASSESS_LOCKED.fill(ctx.lang, &[("vendor", &visible(&vendor.meta.vendor))]),
                ));
            }
            Err(e) => return Err(CliError::Data(crate::storage::Error::io(&vendor.path, e))),
        };
    let (_, history) = crate::storage::cycle::start_cycle(&vendor, on, modes)?;
    let history = history.display().to_string();
    let args: [(&str, &dyn std::fmt::Display); 4] =
        [("vendor", &visible(&vendor.meta.vendor)), ("on", &on), ("before", &before), ("history", &visible(&history))];
    Ok(Output { stdout: format!("{}\n", msg::REASSESSED.fill(ctx.lang, &args)), ..Output::default() })
}
