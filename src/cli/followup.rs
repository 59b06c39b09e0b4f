//! `ccvet followup` and `ccvet followups` (product brief §11): what was
//! asked of a vendor per answer, and the list to send it.

use crate::i18n::cli as msg;
use std::fmt::Write;

use serde::Serialize;

use super::context::Context;
use super::table::csv_field;
use super::{CliError, Output};
use crate::domain::answers::Edit;
use crate::domain::date::Date;
use crate::domain::followup::{Followup, Status};
use crate::domain::questionnaire::{Question, Questionnaire};
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::Error;
use crate::storage::atomic::RealFs;
use crate::storage::lock::{self, Acquired};
use crate::storage::vendor::VendorFile;
use crate::system::holder;

/// "Today", injectable at the edge for tests and scripts: `$CCVET_TODAY`
/// (YYYY-MM-DD), else the local calendar day.
pub(super) fn today(lang: Lang) -> Result<Date, CliError> {
    match std::env::var("CCVET_TODAY") {
        Ok(text) if !text.is_empty() => {
            Date::parse(&text).ok_or_else(|| CliError::Usage(msg::TODAY_ENV.fill(lang, &[("text", &visible(&text))])))
        }
        _ => Ok(crate::system::today()),
    }
}

/// Parses a `--due`/`--expires`/`--on` date.
pub(super) fn date_arg(lang: Lang, flag: &str, text: &str) -> Result<Date, CliError> {
    Date::parse(text)
        .ok_or_else(|| CliError::Usage(msg::DATE_FLAG.fill(lang, &[("flag", &flag), ("text", &visible(text))])))
}

/// The question `key`, or a usage error naming an example.
pub(super) fn question<'q>(lang: Lang, q: &'q Questionnaire, key: &str) -> Result<&'q Question, CliError> {
    q.question(key).ok_or_else(|| unknown_question(lang, q, key, true))
}

/// "no question `key` in questionnaire `id`", naming an example if asked.
pub(super) fn unknown_question(lang: Lang, q: &Questionnaire, key: &str, example: bool) -> CliError {
    let (key, id) = (visible(key), visible(&q.id));
    CliError::Usage(match q.questions().next().filter(|_| example) {
        Some(x) => msg::UNKNOWN_QUESTION_EXAMPLE.fill(lang, &[("key", &key), ("id", &id), ("example", &x.key)]),
        None if example => msg::UNKNOWN_QUESTION_HOW.fill(lang, &[("key", &key), ("id", &id)]),
        None => msg::UNKNOWN_QUESTION.fill(lang, &[("key", &key), ("id", &id)]),
    })
}

/// The vendor is open for writing by someone else.
pub(super) fn locked(lang: Lang, vendor: &str, who: Option<crate::storage::lock::Holder>) -> CliError {
    let who = who.map_or_else(
        || msg::SOMEONE.text(lang).to_string(),
        |h| msg::LOCK_HOLDER.fill(lang, &[("user", &h.user), ("host", &h.host), ("pid", &h.pid), ("since", &h.since)]),
    );
    CliError::Failed(msg::VENDOR_LOCKED.fill(lang, &[("vendor", &visible(vendor)), ("who", &who)]))
}

/// Saves `edits` of answer `key` holding the vendor's lock, as `answer` does.
pub(super) fn save_edits(
    ctx: &Context,
    vendor: &mut VendorFile,
    q: &Questionnaire,
    key: &str,
    edits: &[Edit],
) -> Result<bool, CliError> {
    let modes = ctx.workspace.modes;
    let _lock = match lock::acquire_patiently(&vendor.path, &holder(&ctx.user), modes.file) {
        Ok(Acquired::Mine(lock)) => lock,
        Ok(Acquired::Theirs(who)) => return Err(locked(ctx.lang, &vendor.meta.vendor, who)),
        Err(e) => return Err(CliError::Data(Error::io(&lock::lock_path(&vendor.path), e))),
    };
    let saved = vendor.save(q, key, edits, &RealFs, modes.file)?;
    Ok(saved.merged)
}

/// `ccvet followup VENDOR QUESTION [TEXT] [--due DATE] [--status S]`.
pub fn followup(
    ctx: &Context,
    wanted: &str,
    key: &str,
    text: Option<&str>,
    due: Option<&str>,
    status: Option<&str>,
) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    question(ctx.lang, q, key)?;
    let due = due.map(|d| date_arg(ctx.lang, "--due", d)).transpose()?;
    let status = match status {
        None => None,
        Some(s) => Some(
            Status::parse(s).ok_or_else(|| CliError::Usage(msg::STATUS_FLAG.fill(ctx.lang, &[("s", &visible(s))])))?,
        ),
    };
    let mut vendor = ctx.find_vendor(wanted)?;
    let before = vendor.answers.get(key).and_then(|a| a.followup.clone());
    let next = match (text, before) {
        (Some(text), _) if text.trim().is_empty() => {
            return Err(CliError::Usage(msg::FOLLOWUP_EMPTY.text(ctx.lang).to_string()));
        }
        (Some(text), before) => Followup {
            ask: text.trim().to_string(),
            due: due.or(before.as_ref().and_then(|b| b.due)),
            status: status.unwrap_or(Status::Requested),
        },
        (None, Some(before)) if due.is_some() || status.is_some() => {
            Followup { ask: before.ask.clone(), due: due.or(before.due), status: status.unwrap_or(before.status) }
        }
        (None, Some(_)) => return Err(CliError::Usage(msg::FOLLOWUP_NEEDS_WHAT.text(ctx.lang).to_string())),
        (None, None) => {
            let args: [(&str, &dyn std::fmt::Display); 3] =
                [("vendor", &visible(&vendor.meta.vendor)), ("key", &key), ("slug", &vendor.slug)];
            return Err(CliError::Usage(msg::NO_FOLLOWUP_ON.fill(ctx.lang, &args)));
        }
    };
    let merged = save_edits(ctx, &mut vendor, q, key, &[Edit::Followup(Some(next.clone()))])?;
    let lang = ctx.lang;
    let due = next.due.map_or_else(String::new, |d| msg::FOLLOWUP_DUE_ON.fill(lang, &[("date", &d)]));
    let args: [(&str, &dyn std::fmt::Display); 5] = [
        ("vendor", &visible(&vendor.meta.vendor)),
        ("key", &key),
        ("status", &next.status.name()),
        ("ask", &visible(&next.ask)),
        ("due", &due),
    ];
    let mut stdout = format!("{}\n", msg::FOLLOWUP_SAVED.fill(lang, &args));
    if merged {
        let _ = writeln!(stdout, "{}", msg::MERGED_THEIRS_KEPT.text(lang));
    }
    Ok(Output { stdout, ..Output::default() })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Md,
    Csv,
    Json,
}

/// One follow-up of one vendor, as listed.
#[derive(Serialize)]
struct Item {
    vendor: String,
    slug: String,
    question: String,
    question_text: String,
    ask: String,
    due: Option<String>,
    status: &'static str,
    overdue: bool,
}

/// `ccvet followups [VENDOR] [--format md|csv|json]`: the open follow-ups
/// (md: the letter to send, with those still requested; csv and json: every
/// open one, requested or received, with its status).
pub fn followups(ctx: &Context, wanted: Option<&str>, format: ListFormat) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let today = today(ctx.lang)?;
    let vendors: Vec<VendorFile> = match wanted {
        Some(w) => vec![ctx.find_vendor(w)?],
        None => {
            let mut out = Vec::new();
            let mut stderr = String::new();
            for v in ctx.workspace.load_all()? {
                match v {
                    Ok(v) => out.push(v),
                    Err(e) => {
                        let _ = writeln!(stderr, "{}", e.message(ctx.lang));
                    }
                }
            }
            if !stderr.is_empty() {
                let list = stderr.trim_end();
                return Err(CliError::Failed(msg::SOME_VENDOR_FILES_DO_NOT_READ.fill(ctx.lang, &[("list", &list)])));
            }
            out
        }
    };
    let lang = ctx.lang;
    let mut items: Vec<(usize, Item)> = Vec::new();
    for (i, v) in vendors.iter().enumerate() {
        // In questionnaire order, then any key no question has.
        let mut keys: Vec<&String> = v.answers.keys().collect();
        keys.sort_by_key(|k| q.order_of(k));
        for key in keys {
            let Some(f) = v.answers.get(key).and_then(|a| a.followup.as_ref()) else { continue };
            if !f.status.is_open() {
                continue;
            }
            let text = q.question(key).map_or_else(|| key.clone(), |x| x.text.get(lang).to_string());
            items.push((
                i,
                Item {
                    vendor: v.meta.vendor.clone(),
                    slug: v.slug.clone(),
                    question: key.clone(),
                    question_text: text,
                    ask: f.ask.clone(),
                    due: f.due.map(|d| d.to_string()),
                    status: f.status.name(),
                    overdue: f.overdue(today),
                },
            ));
        }
    }
    let stdout = match format {
        ListFormat::Json => {
            let list: Vec<&Item> = items.iter().map(|(_, it)| it).collect();
            let mut s = serde_json::to_string_pretty(&list).map_err(|e| CliError::Failed(e.to_string()))?;
            s.push('\n');
            s
        }
        ListFormat::Csv => {
            let mut s = String::from("vendor,slug,question,question_text,ask,due,status,overdue\n");
            for (_, it) in &items {
                let _ = writeln!(
                    s,
                    "{},{},{},{},{},{},{},{}",
                    csv_field(&it.vendor),
                    csv_field(&it.slug),
                    csv_field(&it.question),
                    csv_field(&it.question_text),
                    csv_field(&it.ask),
                    it.due.as_deref().unwrap_or(""),
                    it.status,
                    it.overdue
                );
            }
            s
        }
        ListFormat::Md => {
            let mut letters = Vec::new();
            for (i, v) in vendors.iter().enumerate() {
                let mine: Vec<&Item> = items
                    .iter()
                    .filter(|(j, it)| *j == i && it.status == Status::Requested.name())
                    .map(|(_, it)| it)
                    .collect();
                if !mine.is_empty() {
                    letters.push(letter(v, &mine, lang, today));
                }
            }
            if letters.is_empty() {
                return Ok(Output { stderr: format!("{}\n", msg::NO_OPEN_FOLLOW_UPS.text(lang)), ..Output::default() });
            }
            letters.join("\n---\n\n")
        }
    };
    Ok(Output { stdout, ..Output::default() })
}

/// A date as a letter writes it: 2026年12月20日, or 2026-12-20 (a format
/// of numbers, not a message).
fn long_date(d: Date, lang: Lang) -> String {
    if lang == Lang::Zh { format!("{}年{}月{}日", d.year(), d.month(), d.day()) } else { d.to_string() }
}

/// The letter to one vendor: greeting, the numbered items (question, what
/// to provide, due date), closing, signed by the interviewer. The
/// question's `help` is the interviewer's guidance, never sent.
fn letter(v: &VendorFile, items: &[&Item], lang: Lang, today: Date) -> String {
    let name = visible(&v.meta.vendor).into_owned();
    let signer = v.meta.interviewer.as_deref().map(|s| visible(s).into_owned());
    let mut s = String::new();
    let met = v
        .meta
        .assessed_on
        .map_or_else(String::new, |d| msg::LETTER_MET_ON.fill(lang, &[("date", &long_date(d, lang))]));
    let _ = writeln!(s, "{}", msg::LETTER_OPENING.fill(lang, &[("name", &name), ("met", &met)]));
    for (n, it) in items.iter().enumerate() {
        let _ = writeln!(s, "{}. **{}**", n + 1, visible(&it.question_text));
        let _ = writeln!(s, "   {}{}", msg::PLEASE_PROVIDE.text(lang), visible(&it.ask));
        if let Some(due) = it.due.as_deref().and_then(Date::parse) {
            let _ = writeln!(s, "   {}{}", msg::DUE.text(lang), long_date(due, lang));
        }
        s.push('\n');
    }
    s.push_str(msg::LETTER_CLOSING.text(lang));
    if let Some(who) = &signer {
        let _ = writeln!(s, "{who}");
    }
    let _ = writeln!(s, "{}", long_date(today, lang));
    s
}
