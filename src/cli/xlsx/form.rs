//! `ccvet form [VENDOR] --xlsx -o FILE`: the workbook a vendor fills in.
//!
//! Sheets: instructions; the questions (one row per question, the hidden
//! `section.question` id in column A, answer and note the only unlocked
//! cells, a dropdown or a validation on every answer cell); and a hidden
//! sheet holding the dropdown lists (Excel caps an inline list at 255
//! characters, and a label may hold a comma).

use crate::i18n::xlsx as msg;
use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, ExcelDateTime, Format, FormatBorder, Formula,
    ProtectionOptions, Workbook, Worksheet,
};

use super::{ANSWER, ID, NOTE, clip, write_workbook, xlsx_error};
use crate::cli::context::Context;
use crate::cli::{CliError, Output};
use crate::domain::answers::{Answer, Value};
use crate::domain::cell::{NONE_WORDS, cell_text, labels};
use crate::domain::questionnaire::{Kind, Question, Questionnaire};
use crate::domain::text::Lang;
use crate::storage::vendor::VendorFile;

pub const LISTS_SHEET: &str = "Lists";

/// The column of each field on the questions sheet.
pub mod col {
    pub const ID: u16 = 0;
    pub const SECTION: u16 = 1;
    pub const QUESTION: u16 = 2;
    pub const ANSWER: u16 = 3;
    pub const NOTE: u16 = 4;
    pub const EVIDENCE: u16 = 5;
    pub const UNIT: u16 = 6;
    pub const HOW: u16 = 7;
}

pub fn questions_sheet_name(lang: Lang) -> &'static str {
    msg::QUESTIONS_SHEET.text(lang)
}

pub fn form(ctx: &Context, wanted: Option<&str>, xlsx: bool, output: &Path) -> Result<Output, CliError> {
    if !xlsx {
        return Err(CliError::Usage("form writes a workbook: give --xlsx -o FILE.xlsx".to_string()));
    }
    let loaded = ctx.questionnaire()?;
    let vendor = wanted.map(|w| ctx.find_vendor(w)).transpose()?;
    let today = crate::system::today().to_string();
    let mut workbook = build(&loaded.questionnaire, vendor.as_ref(), ctx.lang, &today).map_err(xlsx_error)?;
    write_workbook(&mut workbook, output, ctx.workspace.modes.file)
}

/// The whole workbook, in `lang`, pre-filled from `vendor` when given.
pub fn build(
    q: &Questionnaire,
    vendor: Option<&VendorFile>,
    lang: Lang,
    today: &str,
) -> Result<Workbook, rust_xlsxwriter::XlsxError> {
    let mut workbook = Workbook::new();
    workbook.push_worksheet(instructions(q, vendor, lang, today)?);
    let mut lists = Worksheet::new();
    lists.set_name(LISTS_SHEET)?;
    let questions = questions(q, vendor, lang, &mut lists)?;
    workbook.push_worksheet(questions);
    lists.set_hidden(true);
    lists.protect();
    workbook.push_worksheet(lists);
    Ok(workbook)
}

fn instructions(
    q: &Questionnaire,
    vendor: Option<&VendorFile>,
    lang: Lang,
    today: &str,
) -> Result<Worksheet, rust_xlsxwriter::XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(msg::INSTRUCTIONS.text(lang))?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 80)?;
    ws.write_string_with_format(
        0,
        0,
        format!("{} · {}", msg::VENDOR_QUESTIONNAIRE.text(lang), q.title.get(lang)),
        &title,
    )?;
    let vendor_name = vendor.map_or_else(|| msg::YOUR_COMPANY.text(lang).to_string(), |v| v.meta.vendor.clone());
    let facts = [
        (msg::VENDOR_FORM.text(lang), vendor_name),
        (msg::DATE.text(lang), today.to_string()),
        (msg::QUESTIONNAIRE.text(lang), format!("{} v{}", q.id, q.version)),
        (msg::QUESTION_COUNT.text(lang), q.questions().count().to_string()),
    ];
    for (i, (k, v)) in facts.iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string_with_format(row, 0, *k, &bold)?;
        ws.write_string(row, 1, v)?;
    }
    ws.write_string_with_format(7, 0, msg::HOW_TO_FILL_IT_IN.text(lang), &bold)?;
    let sheet = questions_sheet_name(lang);
    // The word for "none" a person writes: `(none)`, or `（无）` in Chinese.
    let none = none_word(lang);
    let steps: Vec<String> = [
        msg::STEP_YELLOW_CELLS,
        msg::STEP_DROPDOWNS,
        msg::STEP_SEVERAL,
        msg::STEP_NA,
        msg::STEP_EVIDENCE,
        msg::STEP_DO_NOT_CHANGE,
        msg::STEP_EMPTY,
    ]
    .iter()
    .map(|m| m.fill(lang, &[("sheet", &sheet), ("none", &none)]))
    .collect();
    for (i, step) in steps.iter().enumerate() {
        ws.write_string_with_format(8 + i as u32, 1, step, &wrap)?;
    }
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.protect();
    ws.set_active(true);
    Ok(ws)
}

fn questions(
    q: &Questionnaire,
    vendor: Option<&VendorFile>,
    lang: Lang,
    lists: &mut Worksheet,
) -> Result<Worksheet, rust_xlsxwriter::XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(questions_sheet_name(lang))?;
    let header = Format::new().set_bold().set_background_color(0xD9D9D9).set_border(FormatBorder::Thin).set_text_wrap();
    let locked = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    let open =
        Format::new().set_unlocked().set_text_wrap().set_background_color(0xFFF2CC).set_border(FormatBorder::Thin);
    let open_date = open.clone().set_num_format("yyyy-mm-dd");
    let headers: [(u16, String, f64); 8] = [
        (col::ID, ID.to_string(), 24.0),
        (col::SECTION, msg::FORM_SECTION.text(lang).to_string(), 16.0),
        (col::QUESTION, msg::FORM_QUESTION.text(lang).to_string(), 48.0),
        (col::ANSWER, msg::FORM_ANSWER.text(lang).to_string(), 24.0),
        (col::NOTE, msg::FORM_NOTE.text(lang).to_string(), 32.0),
        (col::EVIDENCE, msg::EVIDENCE_TO_PROVIDE.text(lang).to_string(), 40.0),
        (col::UNIT, msg::UNIT.text(lang).to_string(), 10.0),
        (col::HOW, msg::HOW_TO_ANSWER.text(lang).to_string(), 36.0),
    ];
    debug_assert!(headers[3].1.starts_with(ANSWER) && headers[4].1.starts_with(NOTE));
    for (c, text, width) in &headers {
        ws.write_string_with_format(0, *c, text, &header)?;
        ws.set_column_width(*c, *width)?;
    }
    ws.set_column_hidden(col::ID)?;
    ws.set_freeze_panes(1, 0)?;
    let mut list_col: u16 = 0;
    let mut row: u32 = 1;
    for section in &q.sections {
        for question in &section.questions {
            ws.write_string_with_format(row, col::ID, &question.key, &locked)?;
            ws.write_string_with_format(row, col::SECTION, section.title.get(lang), &locked)?;
            ws.write_string_with_format(row, col::QUESTION, question.text.get(lang), &locked)?;
            let help = question.help.as_ref().map_or("", |h| h.get(lang));
            ws.write_string_with_format(row, col::EVIDENCE, help, &locked)?;
            let unit = match &question.kind {
                Kind::Number { unit: Some(u), .. } => u.get(lang),
                _ => "",
            };
            ws.write_string_with_format(row, col::UNIT, unit, &locked)?;
            // A conditional question says when it applies (its section's
            // condition first).
            let conditions: Vec<String> = [section.show_if.as_ref(), question.show_if.as_ref()]
                .into_iter()
                .flatten()
                .map(|c| crate::domain::present::condition_text(q, c, lang))
                .collect();
            let how = how_to_answer(question, lang);
            let how = if conditions.is_empty() { how } else { format!("{}\n{how}", conditions.join(" ")) };
            ws.write_string_with_format(row, col::HOW, &how, &locked)?;
            let validation = validation(question, lang, lists, &mut list_col)?;
            ws.add_data_validation(row, col::ANSWER, row, col::ANSWER, &validation)?;
            let answer = vendor.and_then(|v| v.answers.get(&question.key));
            let is_date = matches!(question.kind, Kind::Date { .. });
            write_answer(&mut ws, row, question, answer, lang, if is_date { &open_date } else { &open })?;
            let note = answer.and_then(|a| a.note.as_deref()).unwrap_or("");
            ws.write_string_with_format(row, col::NOTE, note, &open)?;
            row += 1;
        }
    }
    // Printed: A4 landscape, one page wide, the header on every page.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
    Ok(ws)
}

fn write_answer(
    ws: &mut Worksheet,
    row: u32,
    question: &Question,
    answer: Option<&Answer>,
    lang: Lang,
    format: &Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let c = col::ANSWER;
    match answer {
        Some(a) if a.na => {
            ws.write_string_with_format(row, c, na_word(lang), format)?;
        }
        Some(Answer { value: Some(value), .. }) => match (&question.kind, value) {
            (Kind::Number { .. } | Kind::Rating { .. }, Value::Integer(n)) => {
                ws.write_number_with_format(row, c, *n as f64, format)?;
            }
            (Kind::Number { .. }, Value::Float(f)) => {
                ws.write_number_with_format(row, c, *f, format)?;
            }
            (Kind::Date { .. }, Value::Date(d)) => {
                let date = ExcelDateTime::from_ymd(u16::try_from(d.year()).unwrap_or(1900), d.month(), d.day())?;
                ws.write_datetime_with_format(row, c, &date, format)?;
            }
            _ => {
                ws.write_string_with_format(row, c, cell_text(question, value, lang), format)?;
            }
        },
        _ => {
            ws.write_blank(row, c, format)?;
        }
    }
    Ok(())
}

pub fn na_word(lang: Lang) -> &'static str {
    msg::N_A.text(lang)
}

/// The word a person writes to choose no option, in `lang`.
fn none_word(lang: Lang) -> &'static str {
    match lang {
        Lang::En => NONE_WORDS[0],
        Lang::Zh => NONE_WORDS[2],
    }
}

/// What the answer cell takes, in words (column H and the input message).
pub fn how_to_answer(question: &Question, lang: Lang) -> String {
    let none = none_word(lang);
    let mut text = match &question.kind {
        Kind::YesNo { .. } => msg::TAKES_YES_NO.text(lang).to_string(),
        Kind::Choice { options } => msg::TAKES_ONE_OPTION.fill(lang, &[("options", &labels(options, lang))]),
        Kind::Multi { options } => {
            msg::TAKES_ANY_OPTIONS.fill(lang, &[("none", &none), ("options", &labels(options, lang))])
        }
        Kind::Rating { max } => msg::TAKES_RATING.fill(lang, &[("max", max)]),
        Kind::Number { .. } => msg::TAKES_NUMBER.text(lang).to_string(),
        Kind::Date { .. } => msg::TAKES_DATE.text(lang).to_string(),
        Kind::Text => msg::TAKES_TEXT.text(lang).to_string(),
    };
    if question.allow_na && question.kind.is_scored() {
        text.push_str(msg::N_A_ALLOWED.text(lang));
    }
    text
}

/// The answer cell's validation: a dropdown for yes/no, choice and
/// rating, a number or date rule, a length rule with the list syntax for
/// multi; every one with an input message saying what the cell takes.
fn validation(
    question: &Question,
    lang: Lang,
    lists: &mut Worksheet,
    list_col: &mut u16,
) -> Result<DataValidation, rust_xlsxwriter::XlsxError> {
    let na = question.allow_na && question.kind.is_scored();
    let mut entries: Vec<String> = match &question.kind {
        Kind::YesNo { .. } => {
            vec![crate::domain::present::yes_no(true, lang).into(), crate::domain::present::yes_no(false, lang).into()]
        }
        Kind::Choice { options } => options.iter().map(|o| o.label.get(lang).to_string()).collect(),
        Kind::Rating { max } => (0..=*max).map(|n| n.to_string()).collect(),
        _ => Vec::new(),
    };
    let dv = if entries.is_empty() {
        match &question.kind {
            Kind::Number { .. } => {
                DataValidation::new().allow_decimal_number(DataValidationRule::Between(-1.0e15, 1.0e15))
            }
            Kind::Date { .. } => DataValidation::new().allow_date(DataValidationRule::Between(
                ExcelDateTime::from_ymd(1900, 1, 1)?,
                ExcelDateTime::from_ymd(9999, 12, 31)?,
            )),
            Kind::Multi { .. } => DataValidation::new().allow_text_length(DataValidationRule::Between(1, 4000)),
            _ => DataValidation::new().allow_any_value(),
        }
    } else {
        if na {
            entries.push(na_word(lang).to_string());
        }
        // Every list on the hidden sheet: no 255-character cap, and a
        // label may hold a comma.
        let c = *list_col;
        *list_col += 1;
        for (i, entry) in entries.iter().enumerate() {
            lists.write_string(i as u32, c, entry)?;
        }
        let range = format!(
            "={LISTS_SHEET}!${}$1:${}${}",
            super::column_name(u32::from(c)),
            super::column_name(u32::from(c)),
            entries.len()
        );
        DataValidation::new().allow_list_formula(Formula::new(range))
    };
    // A number or date question that allows N/A must let the word through.
    let style = if na && matches!(question.kind, Kind::Number { .. } | Kind::Date { .. } | Kind::Multi { .. }) {
        DataValidationErrorStyle::Warning
    } else {
        DataValidationErrorStyle::Stop
    };
    let message = clip(&how_to_answer(question, lang), 250);
    dv.set_input_title(clip(&question.key, 31))?
        .set_input_message(message.clone())?
        .set_error_title(clip(msg::NOT_AN_ANSWER_TO_THIS.text(lang), 31))?
        .set_error_message(message)
        .map(|dv| dv.set_error_style(style))
}
