//! The management workbook: `ccvet compare --xlsx -o FILE` (ranking, the
//! questions side by side, a sheet per vendor) and `ccvet report VENDOR
//! --format xlsx -o FILE` (that vendor's sheet alone).
//!
//! Numbers are numbers with a format (a score is 85.3, not "85.3"),
//! headers frozen, filters on, printed on A4 landscape.

use crate::i18n::xlsx as msg;
use std::collections::HashSet;
use std::path::Path;

use rust_xlsxwriter::{Color, Format, FormatBorder, Workbook, Worksheet, XlsxError};

use super::{write_workbook, xlsx_error};
use crate::cli::context::{Context, score_of};
use crate::cli::{CliError, Output};
use crate::domain::answers::Answer;
use crate::domain::date::Date;
use crate::domain::followup::{Source, Status};
use crate::domain::present::{answer_text, source_text};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Outcome, ScoreReport};
use crate::domain::text::Lang;
use crate::storage::review::SignOffState;
use crate::storage::vendor::VendorFile;
use crate::summary::{self, Summary};

const A4: u8 = 9;

struct Styles {
    header: Format,
    text: Format,
    score: Format,
    percent: Format,
    red_text: Format,
    red_score: Format,
    red_percent: Format,
}

impl Styles {
    fn new() -> Styles {
        let header =
            Format::new().set_bold().set_background_color(0xD9D9D9).set_border(FormatBorder::Thin).set_text_wrap();
        let text = Format::new().set_text_wrap();
        let score = Format::new().set_num_format("0.0");
        let percent = Format::new().set_num_format("0%");
        let red = |f: Format| f.set_font_color(Color::RGB(0x9C0006)).set_background_color(0xFFC7CE);
        Styles {
            red_text: red(text.clone()),
            red_score: red(score.clone()),
            red_percent: red(percent.clone()),
            header,
            text,
            score,
            percent,
        }
    }
}

fn print_setup(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_paper_size(A4);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    Ok(())
}

pub fn compare(ctx: &Context, output: Option<&Path>) -> Result<Output, CliError> {
    let Some(output) = output else {
        return Err(CliError::Usage("compare --xlsx writes a workbook: give -o FILE.xlsx".to_string()));
    };
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let paths = ctx.workspace.vendor_paths()?;
    let mut vendors = Vec::with_capacity(paths.len());
    let mut out = Output::default();
    for result in summary::load(q, &paths) {
        match result {
            Ok(v) => vendors.push(v),
            Err(e) => {
                out.stderr.push_str(&format!("{}\n", e.message(ctx.lang)));
                out.failed = true;
            }
        }
    }
    summary::rank(&mut vendors);
    let today = crate::cli::followup::today(ctx.lang)?;
    let mut workbook = Workbook::new();
    build_compare(&mut workbook, q, &vendors, ctx.lang, today).map_err(|e| match e {
        Built::Xlsx(e) => xlsx_error(e),
        Built::Data(e) => CliError::Data(e),
    })?;
    let written = write_workbook(&mut workbook, output, ctx.workspace.modes.file)?;
    out.stdout = written.stdout;
    Ok(out)
}

enum Built {
    Xlsx(XlsxError),
    Data(crate::storage::Error),
}

impl From<XlsxError> for Built {
    fn from(e: XlsxError) -> Self {
        Built::Xlsx(e)
    }
}

fn build_compare(
    workbook: &mut Workbook,
    q: &Questionnaire,
    vendors: &[Summary],
    lang: Lang,
    today: Date,
) -> Result<(), Built> {
    let st = Styles::new();
    ranking_sheet(workbook.add_worksheet(), q, vendors, lang, &st)?;
    let side = workbook.add_worksheet();
    side.set_name(msg::QUESTIONS.text(lang))?;
    let fixed = question_columns(side, q, lang, &st)?;
    let mut names = HashSet::from([msg::RANKING.text(lang).to_lowercase(), msg::QUESTIONS.text(lang).to_lowercase()]);
    for (i, summary) in vendors.iter().enumerate() {
        // One vendor at a time: its answers are needed only for its column
        // and its own sheet, which is written row by row to a temporary
        // file (1,000 vendors would otherwise be held in memory at once).
        let vendor = VendorFile::load(&summary.path).map_err(Built::Data)?;
        let report = crate::domain::scoring::score(q, &vendor.answers, vendor.meta.assessed_on);
        // The ranking sheet's follow-up columns need the answers too.
        let (open, overdue) = open_followups(&vendor, today);
        let ranking = workbook.worksheet_from_index(0)?;
        let row = i as u32 + 1;
        let style = if report.disqualified() { &st.red_text } else { &st.text };
        ranking.write_number_with_format(row, FOLLOWUPS_COL, open as f64, style)?;
        ranking.write_number_with_format(row, FOLLOWUPS_COL + 1, overdue as f64, style)?;
        let col = fixed + u16::try_from(i).map_err(|_| XlsxError::ParameterError("too many vendors".into()))?;
        let side = workbook.worksheet_from_index(1)?;
        side.write_string_with_format(0, col, &vendor.meta.vendor, &st.header)?;
        side.set_column_width(col, 24)?;
        let mut row = 1;
        for (si, section) in q.sections.iter().enumerate() {
            for (qi, question) in section.questions.iter().enumerate() {
                let text = answer_text(question, q.answer(&vendor.answers, question), lang);
                let red = report.outcomes.get(si).and_then(|o| o.get(qi)).is_some_and(Outcome::is_knockout);
                if !text.is_empty() {
                    side.write_string_with_format(row, col, &text, if red { &st.red_text } else { &st.text })?;
                }
                row += 1;
            }
        }
        let sheet = workbook.add_worksheet_with_low_memory()?;
        sheet.set_name(sheet_name(&vendor.meta.vendor, &mut names))?;
        vendor_sheet(sheet, q, &vendor, &report, &summary.signoffs, lang, &st)?;
    }
    let side = workbook.worksheet_from_index(1)?;
    side.set_freeze_panes(1, fixed)?;
    print_setup(side)?;
    workbook.worksheet_from_index(0)?.set_active(true);
    Ok(())
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`,
/// unique in the workbook (case-insensitively).
pub fn sheet_name(vendor: &str, taken: &mut HashSet<String>) -> String {
    let clean: String = vendor
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) || c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .trim_matches('\'')
        .to_string();
    let base: String = if clean.is_empty() { "vendor".to_string() } else { clean.chars().take(26).collect() };
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.to_lowercase()) {
        name = format!("{base} ({n})");
        n += 1;
    }
    name
}

fn ranking_sheet(
    ws: &mut Worksheet,
    q: &Questionnaire,
    vendors: &[Summary],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    ws.set_name(msg::RANKING.text(lang))?;
    let mut headers: Vec<(String, f64)> = vec![
        ("#".into(), 5.0),
        (msg::VENDOR.text(lang).into(), 28.0),
        (msg::SCORE.text(lang).into(), 8.0),
        (msg::BAND.text(lang).into(), 22.0),
        (msg::LOWEST_POSSIBLE.text(lang).into(), 9.0),
        (msg::HIGHEST_POSSIBLE.text(lang).into(), 9.0),
        (msg::COMPLETION.text(lang).into(), 10.0),
        (msg::STATUS.text(lang).into(), 16.0),
        (msg::RED_LINES.text(lang).into(), 40.0),
        (msg::SIGN_OFFS_STALE.text(lang).into(), 30.0),
        (msg::OPEN_FOLLOW_UPS.text(lang).into(), 10.0),
        (msg::OVERDUE.text(lang).into(), 9.0),
    ];
    debug_assert_eq!(headers.len(), usize::from(FOLLOWUPS_COL) + 2);
    let fixed = headers.len() as u16;
    headers.extend(q.sections.iter().map(|s| (s.title.get(lang).to_string(), 12.0)));
    for (c, (text, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, text, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    for (i, v) in vendors.iter().enumerate() {
        let row = i as u32 + 1;
        let r = &v.report;
        let red = r.disqualified();
        let (text, score, percent) =
            if red { (&st.red_text, &st.red_score, &st.red_percent) } else { (&st.text, &st.score, &st.percent) };
        ws.write_number_with_format(row, 0, (i + 1) as f64, text)?;
        ws.write_string_with_format(row, 1, &v.meta.vendor, text)?;
        number(ws, row, 2, r.score, score)?;
        let band = r.band.and_then(|b| q.bands.get(b)).map_or("", |b| b.label.get(lang));
        ws.write_string_with_format(row, 3, band, text)?;
        number(ws, row, 4, r.min, score)?;
        number(ws, row, 5, r.max, score)?;
        ws.write_number_with_format(row, 6, r.completion(), percent)?;
        let status = if red { format!("✗ {}", msg::DISQUALIFIED.text(lang)) } else { String::new() };
        ws.write_string_with_format(row, 7, &status, text)?;
        ws.write_string_with_format(row, 8, red_lines(q, r, lang), text)?;
        ws.write_string_with_format(row, 9, signoffs_text(&v.signoffs, lang), text)?;
        for (j, s) in r.sections.iter().enumerate() {
            number(ws, row, fixed + j as u16, s.score, score)?;
        }
    }
    let last_col = fixed + q.sections.len().saturating_sub(1) as u16;
    ws.autofilter(0, 0, vendors.len() as u32, last_col)?;
    ws.set_freeze_panes(1, 2)?;
    print_setup(ws)
}

/// The ranking sheet's column of open follow-ups (overdue ones beside it),
/// filled in as each vendor's answers are read.
const FOLLOWUPS_COL: u16 = 10;

/// Follow-ups still waiting on the vendor, and how many of them are late.
fn open_followups(vendor: &VendorFile, today: Date) -> (usize, usize) {
    let open: Vec<_> =
        vendor.answers.values().filter_map(|a| a.followup.as_ref()).filter(|f| f.status.is_open()).collect();
    let overdue = open.iter().filter(|f| f.overdue(today)).count();
    (open.len(), overdue)
}

/// A follow-up as one cell: status, due date, what was asked.
fn followup_cell(answer: Option<&Answer>, lang: Lang) -> String {
    let Some(f) = answer.and_then(|a| a.followup.as_ref()) else { return String::new() };
    let status = match f.status {
        Status::Requested => msg::REQUESTED.text(lang),
        Status::Received => msg::RECEIVED.text(lang),
        Status::Closed => msg::CLOSED.text(lang),
    };
    let due = f.due.map_or_else(String::new, |d| format!("{}{d}", msg::DUE.text(lang)));
    format!("{status}{due}{}{}", msg::COLON.text(lang), f.ask)
}

/// Evidence as one cell: a line per item (name or URL, seen, expiry, digest).
fn evidence_cell(answer: Option<&Answer>, lang: Lang) -> String {
    let Some(a) = answer else { return String::new() };
    a.evidence
        .iter()
        .map(|e| {
            let mut line = format!("{} ({} {}", e.label(), msg::SEEN.text(lang), e.seen_on);
            if let Some(x) = e.expires {
                line.push_str(&format!(", {} {x}", msg::EXPIRES.text(lang)));
            }
            if let Source::File { sha256, .. } = &e.source {
                line.push_str(&format!(", SHA-256 {}", sha256.get(..12).unwrap_or(sha256)));
            }
            line.push(')');
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn number(ws: &mut Worksheet, row: u32, col: u16, value: Option<f64>, format: &Format) -> Result<(), XlsxError> {
    match value {
        // Rounded as shown: a filter or a sum then agrees with the screen.
        Some(v) => ws.write_number_with_format(row, col, (v * 10.0).round() / 10.0, format)?,
        None => ws.write_blank(row, col, format)?,
    };
    Ok(())
}

/// The red lines crossed, by question text, with their reasons.
pub fn red_lines(q: &Questionnaire, r: &ScoreReport, lang: Lang) -> String {
    r.knockouts
        .iter()
        .map(|k| {
            let text = q.question(&k.key).map_or(k.key.as_str(), |x| x.text.get(lang));
            match &k.reason {
                Some(reason) => format!("✗ {text}: {}", reason.get(lang)),
                None => format!("✗ {text}"),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn signoffs_text(signoffs: &[SignOffState], lang: Lang) -> String {
    signoffs
        .iter()
        .map(|s| {
            let stale = if s.stale { msg::STALE.text(lang) } else { "" };
            let unverified = if s.verified { "" } else { msg::UNVERIFIED.text(lang) };
            format!("{} {} {} {}{stale}{unverified}", s.decision.mark(), s.decision.name(), s.user, s.at)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The fixed columns of the question-by-question sheet; vendors follow.
fn question_columns(ws: &mut Worksheet, q: &Questionnaire, lang: Lang, st: &Styles) -> Result<u16, XlsxError> {
    let headers = [(crate::cli::xlsx::ID, 22.0), (msg::SECTION.text(lang), 14.0), (msg::QUESTION.text(lang), 44.0)];
    for (c, (text, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *text, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    let mut row = 1;
    for section in &q.sections {
        for question in &section.questions {
            ws.write_string(row, 0, &question.key)?;
            ws.write_string(row, 1, section.title.get(lang))?;
            ws.write_string_with_format(row, 2, question.text.get(lang), &st.text)?;
            row += 1;
        }
    }
    Ok(headers.len() as u16)
}

fn vendor_sheet(
    ws: &mut Worksheet,
    q: &Questionnaire,
    vendor: &VendorFile,
    report: &ScoreReport,
    signoffs: &[SignOffState],
    lang: Lang,
    st: &Styles,
) -> Result<(), XlsxError> {
    let headers = [
        (crate::cli::xlsx::ID, 22.0),
        (msg::SECTION.text(lang), 14.0),
        (msg::QUESTION.text(lang), 44.0),
        (msg::ANSWER.text(lang), 28.0),
        (msg::NOTE.text(lang), 36.0),
        (msg::SOURCE.text(lang), 16.0),
        (msg::SCORE.text(lang), 8.0),
        (msg::STATE.text(lang), 16.0),
        (msg::EVIDENCE_TO_ASK_FOR.text(lang), 36.0),
        (msg::FOLLOW_UP.text(lang), 36.0),
        (msg::EVIDENCE.text(lang), 40.0),
    ];
    for (c, (text, width)) in headers.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *text, &st.header)?;
        ws.set_column_width(c as u16, *width)?;
    }
    let mut row = 1;
    for (si, section) in q.sections.iter().enumerate() {
        for (qi, question) in section.questions.iter().enumerate() {
            let answer = q.answer(&vendor.answers, question);
            let outcome = report.outcomes.get(si).and_then(|o| o.get(qi)).unwrap_or(&Outcome::Unanswered);
            let red = outcome.is_knockout();
            let (text, score) = if red { (&st.red_text, &st.red_score) } else { (&st.text, &st.score) };
            ws.write_string_with_format(row, 0, &question.key, text)?;
            ws.write_string_with_format(row, 1, section.title.get(lang), text)?;
            ws.write_string_with_format(row, 2, question.text.get(lang), text)?;
            ws.write_string_with_format(row, 3, answer_text(question, answer, lang), text)?;
            ws.write_string_with_format(row, 4, answer.and_then(|a| a.note.as_deref()).unwrap_or(""), text)?;
            let source = match source_text(answer, lang) {
                Some(s) => s,
                None if answer.is_some_and(|a| a.value.is_some() || a.na) => msg::INTERVIEWER.text(lang),
                None => "",
            };
            ws.write_string_with_format(row, 5, source, text)?;
            match outcome {
                Outcome::Scored { s, .. } => number(ws, row, 6, Some(s * 100.0), score)?,
                _ => number(ws, row, 6, None, score)?,
            }
            let state = match outcome {
                Outcome::Unanswered => msg::OPEN.text(lang).to_string(),
                Outcome::NotApplicable => msg::N_A.text(lang).to_string(),
                Outcome::Scored { knockout: true, .. } => format!("✗ {}", msg::RED_LINE.text(lang)),
                Outcome::Scored { .. } => msg::SCORED.text(lang).to_string(),
                Outcome::Unscored { answered: true } => msg::NOT_SCORED.text(lang).to_string(),
                Outcome::Unscored { answered: false } => msg::OPEN_NOT_SCORED.text(lang).to_string(),
                Outcome::Invalid(why) => format!("! {why}"),
                Outcome::Hidden => msg::HIDDEN_CONDITION_NOT_MET.text(lang).to_string(),
            };
            ws.write_string_with_format(row, 7, &state, text)?;
            ws.write_string_with_format(row, 8, question.help.as_ref().map_or("", |h| h.get(lang)), text)?;
            ws.write_string_with_format(row, 9, followup_cell(answer, lang), text)?;
            ws.write_string_with_format(row, 10, evidence_cell(answer, lang), text)?;
            row += 1;
        }
    }
    // Below the questions: the verdict and the sign-offs, for the printout.
    row += 1;
    let facts = [
        (msg::VENDOR.text(lang), vendor.meta.vendor.clone()),
        (msg::SCORE.text(lang), crate::domain::present::pct(report.score)),
        (msg::BAND.text(lang), report.band.and_then(|b| q.bands.get(b)).map_or("", |b| b.label.get(lang)).to_string()),
        (msg::RED_LINES.text(lang), red_lines(q, report, lang)),
        (msg::SIGN_OFFS.text(lang), signoffs_text(signoffs, lang)),
    ];
    for (k, v) in facts {
        ws.write_string_with_format(row, 2, k, &st.header)?;
        ws.write_string_with_format(row, 3, &v, &st.text)?;
        row += 1;
    }
    ws.autofilter(0, 0, q.questions().count() as u32, headers.len() as u16 - 1)?;
    ws.set_freeze_panes(1, 3)?;
    print_setup(ws)
}

/// `ccvet report VENDOR --format xlsx -o FILE`: that vendor's sheet alone.
pub fn report(ctx: &Context, wanted: &str, output: Option<&Path>) -> Result<Output, CliError> {
    let Some(output) = output else {
        return Err(CliError::Usage("report --format xlsx writes a workbook: give -o FILE.xlsx".to_string()));
    };
    let loaded = ctx.questionnaire()?;
    let vendor = ctx.find_vendor(wanted)?;
    let report = score_of(&loaded, &vendor);
    let mut reviews = Vec::new();
    for r in crate::storage::review::load_all_of(&vendor).into_iter().flatten() {
        reviews.push(r);
    }
    let signoffs = crate::storage::review::signoff_states(&reviews, vendor.text());
    let mut ws = Worksheet::new();
    let st = Styles::new();
    let build = |ws: &mut Worksheet| -> Result<(), XlsxError> {
        ws.set_name(sheet_name(&vendor.meta.vendor, &mut HashSet::new()))?;
        vendor_sheet(ws, &loaded.questionnaire, &vendor, &report, &signoffs, ctx.lang, &st)
    };
    build(&mut ws).map_err(xlsx_error)?;
    let mut workbook = Workbook::new();
    workbook.push_worksheet(ws);
    write_workbook(&mut workbook, output, ctx.workspace.modes.file)
}
