//! The rules a questionnaire must follow beyond being well-typed TOML:
//! unique ids, sane weights and scores, ordered thresholds and bands.
//!
//! Every problem is reported, each with the span it comes from, so a person
//! fixing a file sees them all at once.

use std::collections::HashSet;

use super::Span;
use super::questionnaire::{ChoiceOption, Kind, Questionnaire, Threshold};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub severity: Severity,
    pub span: Span,
    pub message: String,
}

impl Problem {
    pub fn error(span: Span, message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Error, span, message: message.into() }
    }

    pub fn warning(span: Span, message: impl Into<String>) -> Problem {
        Problem { severity: Severity::Warning, span, message: message.into() }
    }
}

/// Checks an id used in `section.question` keys: non-empty, and made only of
/// letters, digits, `-` and `_`, so keys can be split and written bare.
pub fn check_id(id: &str, what: &str, span: &Span, out: &mut Vec<Problem>) {
    if id.is_empty() {
        out.push(Problem::error(span.clone(), format!("{what} id is empty")));
    } else if !id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        out.push(Problem::error(
            span.clone(),
            format!("{what} id `{id}` may hold only ASCII letters, digits, `-` and `_`"),
        ));
    }
}

/// Weights beyond this make sums of weights overflow to infinity.
pub const MAX_WEIGHT: f64 = 1e9;

pub fn check_weight(weight: f64, what: &str, span: &Span, out: &mut Vec<Problem>) {
    if !weight.is_finite() {
        out.push(Problem::error(span.clone(), format!("{what} weight must be a finite number")));
    } else if weight < 0.0 {
        out.push(Problem::error(span.clone(), format!("{what} weight {weight} is negative")));
    } else if weight > MAX_WEIGHT {
        out.push(Problem::error(
            span.clone(),
            format!("{what} weight {weight:e} is too large (at most {MAX_WEIGHT:e})"),
        ));
    }
}

fn check_fraction(score: f64, what: &str, span: &Span, out: &mut Vec<Problem>) {
    if !(0.0..=1.0).contains(&score) {
        out.push(Problem::error(span.clone(), format!("{what} score {score} is outside 0..=1")));
    }
}

/// Semantic checks over a questionnaire built from a file.
pub fn validate(q: &Questionnaire) -> Vec<Problem> {
    let mut out = Vec::new();
    check_bands(q, &mut out);
    let mut section_ids: HashSet<&str> = HashSet::new();
    for section in &q.sections {
        if !section_ids.insert(&section.id) {
            out.push(Problem::error(section.span.clone(), format!("section id `{}` is used twice", section.id)));
        }
        let mut question_ids: HashSet<&str> = HashSet::new();
        for question in &section.questions {
            if !question_ids.insert(&question.id) {
                out.push(Problem::error(
                    question.span.clone(),
                    format!("question id `{}` is used twice in section `{}`", question.id, section.id),
                ));
            }
            match &question.kind {
                Kind::Choice { options } | Kind::Multi { options } => {
                    check_options(options, &mut out);
                }
                Kind::Number { thresholds, .. } | Kind::Date { thresholds, .. } => {
                    check_thresholds(thresholds, &mut out);
                }
                Kind::Rating { max } if *max == 0 => {
                    out.push(Problem::error(question.span.clone(), "a rating question needs `max` of at least 1"));
                }
                _ => {}
            }
        }
    }
    super::validate_v2::check(q, &mut out);
    out
}

fn check_bands(q: &Questionnaire, out: &mut Vec<Problem>) {
    for pair in q.bands.windows(2) {
        if pair[1].min >= pair[0].min {
            out.push(Problem::error(
                pair[1].span.clone(),
                format!(
                    "bands must be listed highest first with distinct `min`: {} follows {}",
                    pair[1].min, pair[0].min
                ),
            ));
        }
    }
    let mut ids: HashSet<&str> = HashSet::new();
    for band in &q.bands {
        if !band.min.is_finite() {
            out.push(Problem::error(band.span.clone(), "band `min` must be a finite number"));
        }
        // `band_id` is the stable key scripts read (§13): it must name one band.
        let Some(id) = band.id.as_deref() else { continue };
        if id.trim().is_empty() {
            out.push(Problem::error(band.span.clone(), "band `id` must not be empty"));
        } else if id.bytes().all(|b| b.is_ascii_digit()) {
            out.push(Problem::error(
                band.span.clone(),
                format!("band id `{id}` is a number; numbers stand for bands without an id, so give it a word"),
            ));
        } else if !ids.insert(id) {
            out.push(Problem::error(band.span.clone(), format!("band id `{id}` is used twice")));
        }
    }
}

/// Options must be there at all: the file reader reports a missing or
/// empty list where it stands; these are the rules on the options given.
fn check_options(options: &[ChoiceOption], out: &mut Vec<Problem>) {
    let mut seen: HashSet<&str> = HashSet::new();
    for option in options {
        if !seen.insert(&option.id) {
            out.push(Problem::error(option.span.clone(), format!("option id `{}` is used twice", option.id)));
        }
        check_fraction(option.score, "option", &option.span, out);
    }
}

/// As for options, presence is the reader's to check.
fn check_thresholds(thresholds: &[Threshold], out: &mut Vec<Problem>) {
    for t in thresholds {
        if !t.min.is_finite() {
            out.push(Problem::error(t.span.clone(), "threshold `min` must be a finite number"));
        }
        check_fraction(t.score, "threshold", &t.span, out);
    }
    // Either strictly rising or strictly falling: a mixed or repeated `min`
    // is almost always a typo. Report the first threshold that breaks order.
    let rising = thresholds.len() > 1 && thresholds[1].min > thresholds[0].min;
    for pair in thresholds.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if next.min == prev.min {
            out.push(Problem::error(next.span.clone(), format!("threshold `min` {} is repeated", next.min)));
            return;
        }
        if (next.min > prev.min) != rising {
            out.push(Problem::error(
                next.span.clone(),
                format!(
                    "thresholds must be sorted by `min`, rising or falling, not mixed: {} follows {}",
                    next.min, prev.min
                ),
            ));
            return;
        }
    }
}
