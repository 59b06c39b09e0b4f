//! `score`, `compare` and the default vendor listing, as text, JSON or CSV.

use crate::i18n::report as msg;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::cells::{fit as pad, fit_right as rpad};

use super::context::{Context, score_of};
use super::json::{self, vendor_json};
use super::{CliError, Output};
use crate::domain::present::{pct, range};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::ScoreReport;
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::source::Position;
use crate::storage::vendor::VendorFile;
use crate::summary::{self, Summary};

pub fn score(ctx: &Context, wanted: &str, as_json: bool) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let vendor = ctx.find_vendor(wanted)?;
    let report = score_of(&loaded, &vendor);
    let stdout = if as_json {
        let questions = json::questions_json(q, &vendor.answers, &report);
        let summary = Summary::of(q, vendor);
        let mut j = vendor_json(q, &summary, ctx.lang, None);
        j.questions = Some(questions);
        json::to_string(&j)
    } else {
        score_text(q, &vendor, &report, ctx.lang)
    };
    Ok(Output { stdout, ..Output::default() })
}

fn score_text(q: &Questionnaire, vendor: &VendorFile, report: &ScoreReport, lang: Lang) -> String {
    let mut out = String::new();
    let band = crate::domain::present::band_text(q, report, lang);
    let band = band.as_str();
    let _ = writeln!(out, "{}  [{}]", visible(&vendor.meta.vendor), visible(&vendor.slug));
    let _ = writeln!(
        out,
        "{} {} v{} · {} {} · {} {}",
        msg::QUESTIONNAIRE.text(lang),
        visible(&q.id),
        q.version,
        msg::ASSESSED.text(lang),
        vendor.meta.assessed_on.map_or_else(|| "–".to_string(), |d| d.to_string()),
        msg::INTERVIEWER.text(lang),
        visible(vendor.meta.interviewer.as_deref().unwrap_or("–")),
    );
    // A red line leads, before any score or band.
    if report.disqualified() {
        let _ = writeln!(out, "✗ {}", msg::DISQUALIFIED_RED_LINE_CROSSED.text(lang));
        for k in &report.knockouts {
            let reason = k.reason.as_ref().map_or("", |r| r.get(lang));
            let _ = writeln!(out, "  ✗ {} {}", k.key, visible(reason));
        }
    }
    let _ = writeln!(out, "{} {}  {}", pad(msg::SCORE.text(lang), 10), pct(report.score), visible(band));
    let _ = writeln!(
        out,
        "{} {}",
        pad(msg::RANGE.text(lang), 10),
        msg::STILL_POSSIBLE.fill(lang, &[("range", &range(report.min, report.max))])
    );
    let texts = crate::domain::present::unscored_counts(report.outcomes.iter().flatten());
    let counts = crate::domain::present::counts_text(report.answered, report.total, texts, lang);
    let _ = writeln!(out, "{} {counts}", pad(msg::ANSWERED.text(lang), 10));
    if !report.hidden.is_empty() {
        let _ = writeln!(
            out,
            "{} {} {}: {}",
            pad(msg::HIDDEN.text(lang), 10),
            report.hidden.len(),
            msg::CONDITION_NOT_MET_NOT_SCORED.text(lang),
            report.hidden.join(", ")
        );
    }
    let _ = writeln!(out);
    let title_width = q.sections.iter().map(|s| s.title.get(lang).width()).max().unwrap_or(0).max(8);
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}",
        pad(msg::SECTION.text(lang), title_width),
        rpad(msg::WEIGHT.text(lang), 6),
        rpad(msg::SCORE.text(lang), 6),
        pad(msg::RANGE_COLUMN.text(lang), 11),
        msg::ANSWERED.text(lang),
    );
    for (section, s) in q.sections.iter().zip(&report.sections) {
        let _ = writeln!(
            out,
            "{}  {}  {}  {}  {}/{}",
            pad(&visible(section.title.get(lang)), title_width),
            rpad(&format_weight(section.weight), 6),
            rpad(&pct(s.score), 6),
            pad(&range(s.min, s.max), 11),
            s.answered,
            s.total
        );
    }
    for issue in &report.issues {
        let at = vendor.answers.get(&issue.key).map(|a| Position::of(vendor.text(), a.span.start));
        let place = at.map_or_else(String::new, |p| format!(" ({}:{}:{})", vendor.path.display(), p.line, p.col));
        let _ = writeln!(out, "! {}: {}{}", issue.key, visible(&issue.message), visible(&place));
    }
    for orphan in &report.orphans {
        let _ = writeln!(out, "? {}: {}", visible(orphan), msg::ANSWER_TO_A_QUESTION_THE.text(lang));
    }
    for w in &vendor.warnings {
        let _ = writeln!(out, "! {}", w.in_lang(lang));
    }
    for c in &vendor.conflicts {
        let _ = writeln!(out, "⚠ {}: {}", visible(&c.key), msg::MERGE_CONFLICT_OURS_IS_IN.text(lang));
    }
    if let Some(w) = crate::summary::questionnaire_mismatch(q, &vendor.meta, lang) {
        let _ = writeln!(out, "! {}", visible(&w));
    }
    if let Some(h) = crate::storage::lock::holder_of(&vendor.path) {
        let _ = writeln!(
            out,
            "● {} {} ({}, since {})",
            visible(&h.user),
            msg::IS_INTERVIEWING.text(lang),
            visible(&h.host),
            visible(&h.since)
        );
    }
    out.push_str(&super::reviews::signoffs_text(vendor, false, lang));
    out
}

fn format_weight(w: f64) -> String {
    if w.fract() == 0.0 && w.abs() < 1e15 { format!("{w:.0}") } else { format!("{w}") }
}

/// Every vendor of the workspace, scored and ranked; unreadable files as
/// their errors.
struct Ranked {
    loaded: crate::storage::questionnaire::Loaded,
    vendors: Vec<Summary>,
    errors: Vec<String>,
}

fn ranked(ctx: &Context) -> Result<Ranked, CliError> {
    let loaded = ctx.questionnaire()?;
    let paths = ctx.workspace.vendor_paths()?;
    let mut vendors = Vec::with_capacity(paths.len());
    let mut errors = Vec::new();
    for result in summary::load(&loaded.questionnaire, &paths) {
        match result {
            Ok(v) => vendors.push(v),
            Err(e) => errors.push(format!("{}\n", e.message(ctx.lang))),
        }
    }
    summary::rank(&mut vendors);
    Ok(Ranked { loaded, vendors, errors })
}

/// How `compare --csv` writes: `excel` adds a byte-order mark and
/// localised headers; scores are rounded to `precision` decimals.
#[derive(Clone, Copy, Debug)]
pub struct CsvStyle {
    pub excel: bool,
    pub precision: usize,
}

pub fn compare(ctx: &Context, as_json: bool, as_csv: Option<CsvStyle>) -> Result<Output, CliError> {
    let r = ranked(ctx)?;
    let q = &r.loaded.questionnaire;
    let stdout = if as_json {
        let list: Vec<_> =
            r.vendors.iter().enumerate().map(|(i, v)| vendor_json(q, v, ctx.lang, Some(i + 1))).collect();
        json::to_string(&list)
    } else if let Some(style) = as_csv {
        csv(q, &r.vendors, ctx.lang, style)
    } else {
        ranking_text(q, &r.vendors, ctx.lang)
    };
    Ok(Output { stdout, failed: !r.errors.is_empty(), stderr: r.errors.concat() })
}

/// `ccvet` with no command: the workspace's vendors, ranked.
pub fn list(ctx: &Context) -> Result<Output, CliError> {
    let r = ranked(ctx)?;
    let lang = ctx.lang;
    let mut stdout = format!("{} {}\n", msg::WORKSPACE.text(lang), visible(&ctx.workspace.root.display().to_string()));
    if r.vendors.is_empty() && r.errors.is_empty() {
        let _ = writeln!(stdout, "{}", msg::NO_VENDORS_YET_CREATE_ONE.text(lang));
    } else {
        stdout.push_str(&ranking_text(&r.loaded.questionnaire, &r.vendors, lang));
    }
    Ok(Output { stdout, failed: !r.errors.is_empty(), stderr: r.errors.concat() })
}

fn ranking_text(q: &Questionnaire, vendors: &[Summary], lang: Lang) -> String {
    let names: Vec<String> = vendors.iter().map(|v| visible(&v.meta.vendor).into_owned()).collect();
    let bands: Vec<String> = vendors.iter().map(|v| crate::domain::present::band_short(q, &v.report, lang)).collect();
    let name_w = names.iter().map(|n| n.width()).max().unwrap_or(0).clamp(6, 40);
    let band_w = bands.iter().map(|b| b.width()).max().unwrap_or(0).max(4);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  {}  {}  {}  {}  {}",
        rpad("#", 3),
        pad(msg::VENDOR.text(lang), name_w),
        rpad(msg::SCORE.text(lang), 6),
        pad(msg::BAND.text(lang), band_w),
        pad(msg::RANGE_COLUMN.text(lang), 11),
        rpad(msg::DONE.text(lang), 5),
        msg::STATUS_SIGN_OFFS_STALE.text(lang),
    );
    for (i, (vendor, (name, band))) in vendors.iter().zip(names.iter().zip(&bands)).enumerate() {
        let report = &vendor.report;
        let mut status = if report.disqualified() {
            format!("✗ {} ({}) ", msg::DISQUALIFIED.text(lang), report.knockouts.len())
        } else {
            String::new()
        };
        if let Some(h) = &vendor.locked_by {
            status.push_str(&format!("● {} ", visible(&h.user)));
        }
        status.push_str(&visible(&summary::signoff_text(&vendor.signoffs)));
        let status = status.trim_end().to_string();
        let _ = writeln!(
            out,
            "{}  {}  {}  {}  {}  {}  {}",
            rpad(&(i + 1).to_string(), 3),
            pad(name, name_w),
            rpad(&pct(report.score), 6),
            pad(&visible(band), band_w),
            pad(&range(report.min, report.max), 11),
            rpad(&format!("{:.0}%", report.completion() * 100.0), 5),
            status
        );
    }
    out
}

fn csv(q: &Questionnaire, vendors: &[Summary], lang: Lang, style: CsvStyle) -> String {
    let mut header =
        vec!["rank", "vendor", "slug", "score", "min", "max", "band", "disqualified", "knockouts", "answered", "total"]
            .into_iter()
            .map(String::from)
            .collect::<Vec<_>>();
    header.extend(q.sections.iter().map(|s| format!("{}_score", s.id)));
    header.extend(["band_id", "red_lines", "signoffs"].map(String::from));
    let mut out = String::new();
    if style.excel {
        // Excel on Chinese Windows reads UTF-8 only with a byte-order mark.
        out.push('\u{feff}');
        let words = csv_headers(lang);
        let mut localised: Vec<String> = words[..11].iter().map(|w| w.to_string()).collect();
        localised.extend(q.sections.iter().map(|s| format!("{} {}", s.title.get(lang), words[3])));
        localised.extend(words[11..].iter().map(|w| w.to_string()));
        header = localised.iter().map(|h| csv_field(h)).collect();
    }
    out.push_str(&header.join(","));
    out.push('\n');
    let num = |v: Option<f64>| v.map_or_else(String::new, |x| format!("{x:.*}", style.precision));
    for (i, v) in vendors.iter().enumerate() {
        let r = &v.report;
        let mut row = vec![
            (i + 1).to_string(),
            csv_field(&v.meta.vendor),
            csv_field(&v.slug),
            num(r.score),
            num(r.min),
            num(r.max),
            csv_field(r.band.and_then(|b| q.bands.get(b)).map_or("", |b| b.label.get(lang))),
            r.disqualified().to_string(),
            csv_field(&r.knockouts.iter().map(|k| k.key.as_str()).collect::<Vec<_>>().join(" ")),
            r.answered.to_string(),
            r.total.to_string(),
        ];
        row.extend(r.sections.iter().map(|s| num(s.score)));
        row.push(r.band.and_then(|i| q.bands.get(i).map(|b| b.key(i))).map_or_else(String::new, |k| csv_field(&k)));
        let red: Vec<&str> =
            r.knockouts.iter().map(|k| q.question(&k.key).map_or(k.key.as_str(), |x| x.text.get(lang))).collect();
        row.push(csv_field(&red.join("; ")));
        row.push(csv_field(&summary::signoff_text(&v.signoffs)));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// The CSV headers for people, in order: the 11 fixed columns, then (after
/// the sections) band id, red lines and sign-offs; `[3]` also ends each
/// section's score header.
fn csv_headers(lang: Lang) -> [&'static str; 14] {
    [
        msg::CSV_RANK,
        msg::CSV_VENDOR,
        msg::CSV_SLUG,
        msg::CSV_SCORE,
        msg::CSV_LOWEST,
        msg::CSV_HIGHEST,
        msg::CSV_BAND,
        msg::CSV_DISQUALIFIED,
        msg::CSV_RED_LINE_IDS,
        msg::CSV_ANSWERED,
        msg::CSV_QUESTIONS,
        msg::CSV_BAND_ID,
        msg::CSV_RED_LINES,
        msg::CSV_SIGN_OFFS,
    ]
    .map(|m| m.text(lang))
}

/// A CSV field: control characters made visible, quoted where needed, and
/// a leading `= + - @` defused so a spreadsheet never runs it as a formula.
pub(super) fn csv_field(text: &str) -> String {
    let mut text = visible(text).into_owned();
    if text.starts_with(['=', '+', '-', '@']) {
        text.insert(0, '\'');
    }
    if text.contains([',', '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ') {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("Acme, Inc."), "\"Acme, Inc.\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("a\x1bb"), "a^[b");
        assert_eq!(csv_field("云联"), "云联");
    }
}
