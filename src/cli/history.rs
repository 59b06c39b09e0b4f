//! `ccvet log` and `ccvet diff`: answers across commits and across vendors.

use crate::i18n::cli as msg;
use std::fmt::Write;

use serde::Serialize;

use super::context::Context;
use super::git_json::AnswerJson;
use super::json;
use super::{CliError, Output};
use crate::domain::answers::Answer;
use crate::domain::present::{answer_text, pct};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::score;
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::vendor::VendorFile;

/// One change of one answer in one commit.
#[derive(Serialize)]
pub struct ChangeJson {
    pub commit: String,
    pub author: String,
    pub date: String,
    pub question: String,
    pub old: Option<AnswerJson>,
    pub new: Option<AnswerJson>,
    /// The vendor's score after the commit (percent, or null).
    pub score: Option<f64>,
}

fn git_err(e: crate::git::GitError, lang: crate::domain::text::Lang) -> CliError {
    CliError::Failed(e.message(lang))
}

fn repo_of(ctx: &Context, vendor: &VendorFile) -> Result<(std::path::PathBuf, String), CliError> {
    let top = crate::git::toplevel(&ctx.workspace.root).map_err(|e| git_err(e, ctx.lang))?;
    let rel = crate::git::repo_path(&top, &vendor.path).ok_or_else(|| {
        let path = visible(&vendor.path.display().to_string()).into_owned();
        CliError::Failed(msg::NOT_IN_THE_GIT_REPO.fill(ctx.lang, &[("path", &path)]))
    })?;
    Ok((top, rel))
}

/// `ccvet log VENDOR [--question KEY] [--json]`.
pub fn log(ctx: &Context, wanted: &str, question: Option<&str>, as_json: bool) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    if let Some(key) = question
        && q.question(key).is_none()
    {
        return Err(super::followup::unknown_question(ctx.lang, q, key, false));
    }
    let vendor = ctx.find_vendor(wanted)?;
    let found = crate::git::changes::answer_changes(&ctx.workspace.root, &vendor.path, q, question)
        .map_err(|e| git_err(e, ctx.lang))?;
    let texts: Vec<(String, String)> = found
        .iter()
        .map(|c| (shown(q, &c.key, c.old.as_ref(), ctx.lang), shown(q, &c.key, c.new.as_ref(), ctx.lang)))
        .collect();
    let changes: Vec<ChangeJson> = found
        .into_iter()
        .map(|c| ChangeJson {
            commit: c.commit,
            author: c.author,
            date: c.date,
            old: AnswerJson::of(c.old.as_ref()),
            new: AnswerJson::of(c.new.as_ref()),
            question: c.key,
            score: c.score,
        })
        .collect();
    if as_json {
        return Ok(Output { stdout: json::to_string(&changes), ..Output::default() });
    }
    let lang = ctx.lang;
    let mut out = String::new();
    if changes.is_empty() {
        let _ = writeln!(out, "{}", msg::NO_ANSWER_HAS_CHANGED_IN.text(lang));
    }
    for (c, (old, new)) in changes.iter().zip(&texts) {
        let _ = writeln!(
            out,
            "{}  {}  {}  {}: {} → {}  ({} {})",
            &c.date.get(..16).unwrap_or(&c.date).replace('T', " "),
            &c.commit[..c.commit.len().min(8)],
            visible(&c.author),
            c.question,
            visible(old),
            visible(new),
            msg::SCORE_LC.text(lang),
            pct(c.score)
        );
    }
    Ok(Output { stdout: out, ..Output::default() })
}

/// An answer in the question's own terms, its note after it, on one line.
fn shown(q: &Questionnaire, key: &str, a: Option<&Answer>, lang: Lang) -> String {
    let mut s = match q.question(key) {
        Some(question) => answer_text(question, a, lang),
        None => a.and_then(|a| a.value.as_ref()).map(|v| format!("{v:?}")).unwrap_or_default(),
    };
    if s.is_empty() {
        s = "–".into();
    }
    if let Some(note) = a.and_then(|a| a.note.as_deref()) {
        s.push_str(&format!(" ({})", note.replace("\r\n", "⏎").replace('\n', "⏎")));
    }
    s
}

#[derive(Serialize)]
struct PairJson {
    question: String,
    a: Option<AnswerJson>,
    b: Option<AnswerJson>,
}

#[derive(Serialize)]
struct VendorsDiffJson<'a> {
    a: &'a str,
    b: &'a str,
    score_a: Option<f64>,
    score_b: Option<f64>,
    differences: Vec<PairJson>,
}

#[derive(Serialize)]
struct SinceDiffJson<'a> {
    vendor: &'a str,
    since: &'a str,
    score_then: Option<f64>,
    score_now: Option<f64>,
    changes: Vec<PairJson>,
}

/// `ccvet diff VENDOR_A VENDOR_B` or `ccvet diff VENDOR --since REV`.
pub fn diff(
    ctx: &Context,
    a: &str,
    b: Option<&str>,
    since: Option<&str>,
    cycle: Option<&str>,
    as_json: bool,
) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let lang = ctx.lang;
    let left = ctx.find_vendor(a)?;
    let (right, then_label, now_label) = match (b, since) {
        (Some(b), None) => {
            let right = ctx.find_vendor(b)?;
            (right, left.slug.clone(), String::new())
        }
        (None, Some(rev)) => {
            let (top, rel) = repo_of(ctx, &left)?;
            let text =
                crate::git::history::file_at(&top, rev, &rel).map_err(|e| git_err(e, ctx.lang))?.ok_or_else(|| {
                    let args: [(&str, &dyn std::fmt::Display); 2] =
                        [("vendor", &visible(&left.meta.vendor)), ("rev", &visible(rev))];
                    CliError::Failed(msg::DID_NOT_EXIST_AT.fill(ctx.lang, &args))
                })?;
            let then = VendorFile::parse(&left.path, text)?;
            (then, rev.to_string(), msg::NOW.text(lang).to_string())
        }
        // An earlier assessment cycle, kept by `ccvet reassess` (§11).
        (None, None) if cycle.is_some() => {
            let date = cycle.unwrap_or_default();
            let d = crate::domain::date::Date::parse(date)
                .ok_or_else(|| CliError::Usage(msg::CYCLE_FLAG.fill(ctx.lang, &[("text", &visible(date))])))?;
            let then = VendorFile::load(&crate::storage::cycle::history_path(&left.path, d))?;
            (then, date.to_string(), msg::NOW.text(lang).to_string())
        }
        _ => return Err(CliError::Usage(msg::DIFF_NEEDS_WHAT.text(ctx.lang).to_string())),
    };
    // A cycle reads as a revision: old → new, labelled by its date.
    let since = since.or(cycle);
    // For --since, `right` is the old version: show old → new.
    let (old, new) = if since.is_some() { (&right, &left) } else { (&left, &right) };
    let keys = crate::git::changes::changed_keys(q, &old.answers, &new.answers);
    let pairs: Vec<PairJson> = keys
        .iter()
        .map(|k| PairJson {
            question: k.clone(),
            a: AnswerJson::of(old.answers.get(k)),
            b: AnswerJson::of(new.answers.get(k)),
        })
        .collect();
    let (s_old, s_new) =
        (score(q, &old.answers, old.meta.assessed_on).score, score(q, &new.answers, new.meta.assessed_on).score);
    if as_json {
        let stdout = match since {
            Some(rev) => json::to_string(&SinceDiffJson {
                vendor: &left.slug,
                since: rev,
                score_then: s_old,
                score_now: s_new,
                changes: pairs,
            }),
            None => json::to_string(&VendorsDiffJson {
                a: &left.slug,
                b: &right.slug,
                score_a: s_old,
                score_b: s_new,
                differences: pairs,
            }),
        };
        return Ok(Output { stdout, ..Output::default() });
    }
    let (head_old, head_new) = if since.is_some() {
        (then_label, now_label)
    } else {
        (visible(&left.meta.vendor).into_owned(), visible(&right.meta.vendor).into_owned())
    };
    Ok(Output {
        stdout: diff_text(q, &keys, old, new, (&head_old, &head_new), (s_old, s_new), lang),
        ..Output::default()
    })
}

fn diff_text(
    q: &Questionnaire,
    keys: &[String],
    old: &VendorFile,
    new: &VendorFile,
    heads: (&str, &str),
    scores: (Option<f64>, Option<f64>),
    lang: Lang,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} {} → {}: {} → {}",
        msg::SCORE_LC.text(lang),
        visible(heads.0),
        visible(heads.1),
        pct(scores.0),
        pct(scores.1)
    );
    if keys.is_empty() {
        let _ = writeln!(out, "{}", msg::NO_ANSWERS_DIFFER.text(lang));
    }
    for key in keys {
        let text = |v: &VendorFile| visible(&shown(q, key, v.answers.get(key), lang)).into_owned();
        let title = q.question(key).map_or("", |x| x.text.get(lang));
        let _ = writeln!(out, "{key}  {}", visible(title));
        let _ = writeln!(out, "  {}: {}", visible(heads.0), text(old));
        let _ = writeln!(out, "  {}: {}", visible(heads.1), text(new));
    }
    out
}
