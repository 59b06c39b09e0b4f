//! Loading a questionnaire: TOML text to a validated [`Questionnaire`], with
//! every problem reported as `path:line:col`.

use std::path::{Path, PathBuf};

use toml::de::DeTable;

use super::source::Diagnostic;
use super::toml_read::Fields;
use super::{Error, read_text};
use crate::domain::Span;
use crate::domain::questionnaire::{
    Band, ChoiceOption, KIND_NAMES, Kind, Knockout, Question, Questionnaire, Section, Threshold,
};
use crate::domain::validate::{Problem, Severity, check_id, check_weight, validate};

/// The default questionnaire, built into the binary so ccvet runs with no
/// set-up.
pub const EMBEDDED: &str = include_str!("../../questionnaires/cloud-call-center.toml");
pub const EMBEDDED_NAME: &str = "<embedded>/cloud-call-center.toml";

/// Where the questionnaire in use came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl Origin {
    pub fn display_path(&self) -> PathBuf {
        match self {
            Origin::Embedded => PathBuf::from(EMBEDDED_NAME),
            Origin::File(p) => p.clone(),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Loaded {
    pub questionnaire: Questionnaire,
    pub origin: Origin,
    pub warnings: Vec<Diagnostic>,
}

/// The embedded default questionnaire.
pub fn embedded() -> Result<Loaded, Error> {
    if let Some(questionnaire) = unbake(BAKED) {
        return Ok(Loaded { questionnaire, origin: Origin::Embedded, warnings: Vec::new() });
    }
    parse_at(Path::new(EMBEDDED_NAME), EMBEDDED, Origin::Embedded)
}

/// The embedded questionnaire already parsed and checked, made by
/// `cargo run --example bake` from `EMBEDDED`: parsing the TOML took
/// 0.9 ms of a 4 ms first frame; decoding this takes a few microseconds.
/// A test fails when it no longer matches the TOML.
pub const BAKED: &[u8] = include_bytes!("../../questionnaires/cloud-call-center.baked");

/// FNV-1a of the TOML text, at compile time: a baked questionnaire made
/// from other text is not used (the TOML is parsed instead).
const EMBEDDED_HASH: u64 = fnv1a(EMBEDDED.as_bytes());

const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325_u64;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// The baked form of the embedded questionnaire: the hash of its TOML,
/// then the model in postcard.
pub fn bake(questionnaire: &Questionnaire) -> Vec<u8> {
    let mut out = EMBEDDED_HASH.to_le_bytes().to_vec();
    out.extend(postcard::to_allocvec(questionnaire).unwrap_or_default());
    out
}

fn unbake(baked: &[u8]) -> Option<Questionnaire> {
    let (hash, body) = baked.split_at_checked(8)?;
    if hash != EMBEDDED_HASH.to_le_bytes() {
        return None;
    }
    let q: Questionnaire = postcard::from_bytes(body).ok()?;
    Some(Questionnaire::new(q.id, q.version, q.title, q.bands, q.sections))
}

/// Loads and validates the questionnaire at `path`.
pub fn load(path: &Path) -> Result<Loaded, Error> {
    let text = read_text(path)?;
    parse_at(path, &text, Origin::File(path.to_path_buf()))
}

/// The questionnaire to use: `explicit` if given, else the workspace's own
/// `questionnaire.toml`, else the embedded default.
pub fn resolve(explicit: Option<&Path>, workspace: &Path) -> Result<Loaded, Error> {
    match file_of(explicit, workspace) {
        Some(path) => load(&path),
        None => embedded(),
    }
}

/// The questionnaire file [`resolve`] reads, or `None` for the embedded one.
pub fn file_of(explicit: Option<&Path>, workspace: &Path) -> Option<PathBuf> {
    let own = workspace.join("questionnaire.toml");
    explicit.map(Path::to_path_buf).or_else(|| own.is_file().then_some(own))
}

/// How many bytes [`resolve`] would parse, given [`file_of`] (a stat, not
/// a read): a large
/// questionnaire takes milliseconds, worth not waiting for.
pub fn size(file: Option<&Path>) -> u64 {
    match file {
        Some(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
        None => EMBEDDED.len() as u64,
    }
}

fn parse_at(path: &Path, text: &str, origin: Origin) -> Result<Loaded, Error> {
    match parse(text) {
        Ok((questionnaire, warnings)) => Ok(Loaded {
            questionnaire,
            origin,
            warnings: warnings.iter().map(|p| Diagnostic::from_problem(path, text, p)).collect(),
        }),
        Err(problems) => Err(Error::Invalid {
            path: path.to_path_buf(),
            diagnostics: problems.iter().map(|p| Diagnostic::from_problem(path, text, p)).collect(),
        }),
    }
}

/// Parses and validates questionnaire text. On success returns the
/// questionnaire and its warnings; otherwise every problem found, errors and
/// warnings, in file order.
pub fn parse(text: &str) -> Result<(Questionnaire, Vec<Problem>), Vec<Problem>> {
    let (doc, syntax) = DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Err(syntax
            .iter()
            .map(|e| Problem::error(e.span().unwrap_or(0..0), syntax_message(e.message())))
            .collect());
    }
    let mut problems = Vec::new();
    let questionnaire = build(doc.get_ref(), doc.span(), &mut problems);
    problems.extend(validate(&questionnaire));
    problems.sort_by_key(|p| p.span.start);
    if problems.iter().any(|p| p.severity == Severity::Error) { Err(problems) } else { Ok((questionnaire, problems)) }
}

/// toml's messages are multi-line in places; a diagnostic is one sentence.
pub fn syntax_message(message: &str) -> String {
    let one_line = message.split_whitespace().collect::<Vec<_>>().join(" ");
    crate::i18n::errors::TOML_SYNTAX.fill(crate::domain::text::Lang::En, &[("detail", &one_line)])
}

fn build(root: &DeTable<'_>, span: Span, problems: &mut Vec<Problem>) -> Questionnaire {
    let mut top = Fields::new(root, span.start..span.start, "the questionnaire");
    let id = top.req_str("id", problems);
    if let Some((id, span)) = &id {
        check_id(id, "questionnaire", span, problems);
    }
    let version = match top.integer("version", problems) {
        Some((v, span)) if v < 1 => {
            problems.push(Problem::error(span, format!("version {v} must be 1 or more")));
            1
        }
        Some((v, _)) => v,
        None => 1,
    };
    let title = top.req_ltext("title", problems).unwrap_or_default();
    let bands = top.tables("bands", problems).into_iter().filter_map(|(t, span)| band(t, span, problems)).collect();
    let section_tables = top.req_tables("sections", problems);
    let sections = section_tables.into_iter().enumerate().map(|(i, (t, span))| section(t, span, i, problems)).collect();
    let reassess_months = match top.integer("reassess_months", problems) {
        Some((m, span)) if !(1..=120).contains(&m) => {
            problems
                .push(Problem::error(span, format!("reassess_months {m} must be a number of months from 1 to 120")));
            None
        }
        other => other.map(|(m, _)| m),
    };
    top.finish(problems);
    let mut q = Questionnaire::new(id.map(|(id, _)| id).unwrap_or_default(), version, title, bands, sections);
    q.reassess_months = reassess_months;
    q
}

fn band(table: &DeTable<'_>, span: Span, problems: &mut Vec<Problem>) -> Option<Band> {
    let mut f = Fields::new(table, span.clone(), "a band");
    let min = f.req_number("min", problems);
    let label = f.req_ltext("label", problems);
    let id = f.str("id", problems).map(|(id, _)| id);
    f.finish(problems);
    Some(Band { min: min?.0, label: label?, id, span })
}

fn section(table: &DeTable<'_>, span: Span, index: usize, problems: &mut Vec<Problem>) -> Section {
    let mut f = Fields::new(table, span.clone(), format!("section {}", index + 1));
    let id = f.req_str("id", problems).map(|(id, id_span)| {
        check_id(&id, "section", &id_span, problems);
        id
    });
    if let Some(id) = &id {
        f.rename(format!("section `{id}`"));
    }
    let id = id.unwrap_or_else(|| format!("#{}", index + 1));
    let weight = weight(&mut f, "section", problems);
    let title = f.req_ltext("title", problems).unwrap_or_default();
    let _ = f.ltext("help", problems);
    let show_if = super::questionnaire_v2::show_if(&mut f, &id, problems);
    if table.get("questions").is_none() {
        problems.push(Problem::warning(span.clone(), format!("section `{id}` has no questions")));
    }
    let questions =
        f.tables("questions", problems).into_iter().filter_map(|(t, span)| question(t, span, &id, problems)).collect();
    f.finish(problems);
    Section { id, weight, title, questions, span, show_if }
}

fn weight(f: &mut Fields<'_, '_>, what: &str, problems: &mut Vec<Problem>) -> f64 {
    match f.number("weight", problems) {
        Some((w, span)) => {
            check_weight(w, what, &span, problems);
            w
        }
        None => 1.0,
    }
}

fn question(table: &DeTable<'_>, span: Span, section_id: &str, problems: &mut Vec<Problem>) -> Option<Question> {
    let mut f = Fields::new(table, span.clone(), format!("a question of section `{section_id}`"));
    let id = f.req_str("id", problems).map(|(id, id_span)| {
        check_id(&id, "question", &id_span, problems);
        id
    });
    if let Some(id) = &id {
        f.rename(format!("question `{section_id}.{id}`"));
    }
    let kind_name = f.req_str("kind", problems);
    let weight = weight(&mut f, "question", problems);
    let text = f.req_ltext("text", problems);
    let help = f.ltext("help", problems);
    let area = f.ltext("area", problems);
    let allow_na = f.bool("allow_na", problems).unwrap_or(false);
    let knockout = read_knockout(&mut f, problems);
    let show_if = super::questionnaire_v2::show_if(&mut f, section_id, problems);
    let renamed_from = super::questionnaire_v2::renamed_from(&mut f, section_id, problems);
    super::questionnaire_v2::reject_exclusive(&mut f, problems);
    let Some((kind_name, kind_span)) = kind_name else {
        f.finish(problems);
        return None;
    };
    let kind = match kind_name.as_str() {
        "yesno" => Kind::YesNo { good: f.bool("good", problems).unwrap_or(true), knockout: knockout.map(|(k, _)| k) },
        "choice" | "multi" => {
            let options = options(&mut f, &kind_name, problems);
            if let Some((_, span)) = knockout {
                problems.push(Problem::error(
                    span,
                    format!("a {kind_name} question takes `knockout` on its options, not on the question"),
                ));
            }
            if kind_name == "choice" { Kind::Choice { options } } else { Kind::Multi { options } }
        }
        "rating" => {
            reject_knockout(&kind_name, knockout, problems);
            let max = match f.integer("max", problems) {
                Some((m, _)) if (1..=i64::from(u16::MAX)).contains(&m) => m as u32,
                Some((m, span)) => {
                    problems.push(Problem::error(span, format!("rating `max` {m} must be from 1 to 65535")));
                    1
                }
                None => 5,
            };
            Kind::Rating { max }
        }
        "number" => {
            reject_knockout(&kind_name, knockout, problems);
            let thresholds = thresholds(&mut f, problems);
            Kind::Number { thresholds, unit: f.ltext("unit", problems) }
        }
        "date" => Kind::Date { thresholds: thresholds(&mut f, problems), knockout: knockout.map(|(k, _)| k) },
        "text" => {
            reject_knockout(&kind_name, knockout, problems);
            Kind::Text
        }
        other => {
            problems.push(Problem::error(
                kind_span,
                format!("unknown kind `{other}`; use one of {}", KIND_NAMES.join(", ")),
            ));
            f.finish(problems);
            return None;
        }
    };
    f.finish(problems);
    let id = id?;
    Some(Question {
        key: format!("{section_id}.{id}"),
        id,
        kind,
        weight,
        text: text?,
        help,
        area,
        allow_na,
        span,
        show_if,
        renamed_from,
    })
}

/// `knockout = true` with its optional `reason`.
fn read_knockout(f: &mut Fields<'_, '_>, problems: &mut Vec<Problem>) -> Option<(Knockout, Span)> {
    let flag = f.get("knockout").map(|v| v.span());
    let on = f.bool("knockout", problems).unwrap_or(false);
    let reason = f.ltext("reason", problems);
    on.then(|| (Knockout { reason }, flag.unwrap_or_default()))
}

fn reject_knockout(kind: &str, knockout: Option<(Knockout, Span)>, problems: &mut Vec<Problem>) {
    if let Some((_, span)) = knockout {
        problems.push(Problem::error(
            span,
            format!("`knockout` applies to yesno and date questions and to options, not to a {kind} question"),
        ));
    }
}

fn options(f: &mut Fields<'_, '_>, kind: &str, problems: &mut Vec<Problem>) -> Vec<ChoiceOption> {
    let mut out = Vec::new();
    for (i, (table, span)) in f.req_tables("options", problems).into_iter().enumerate() {
        let mut o = Fields::new(table, span.clone(), format!("option {}", i + 1));
        let id = o.req_str("id", problems).map(|(id, id_span)| {
            check_id(&id, "option", &id_span, problems);
            id
        });
        if let Some(id) = &id {
            o.rename(format!("option `{id}`"));
        }
        let label = o.req_ltext("label", problems);
        let score = o.req_number("score", problems);
        let knockout = read_knockout(&mut o, problems).map(|(k, _)| k);
        let exclusive_span = o.get("exclusive").map(|v| v.span());
        let exclusive = o.bool("exclusive", problems).unwrap_or(false);
        if let (true, Some(at)) = (exclusive && kind != "multi", exclusive_span) {
            problems.push(Problem::error(
                at,
                format!("`exclusive` applies to the options of a multi question, not of a {kind} question"),
            ));
        }
        o.finish(problems);
        if let (Some(id), Some(label), Some((score, _))) = (id, label, score) {
            out.push(ChoiceOption { id, label, score, knockout, span, exclusive });
        }
    }
    out
}

fn thresholds(f: &mut Fields<'_, '_>, problems: &mut Vec<Problem>) -> Vec<Threshold> {
    let mut out = Vec::new();
    for (table, span) in f.req_tables("thresholds", problems) {
        let mut t = Fields::new(table, span.clone(), "a threshold");
        let min = t.req_number("min", problems);
        let score = t.req_number("score", problems);
        t.finish(problems);
        if let (Some((min, _)), Some((score, _))) = (min, score) {
            out.push(Threshold { min, score, span });
        }
    }
    out
}
