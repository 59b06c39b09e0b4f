//! `ccvet report VENDOR --format md|html|xlsx` and `ccvet report --compare
//! --format md|html`: reports to hand to management.
//!
//! A report leads with the verdict (red lines by question text, then
//! score, band, range, completion), then the sign-offs, who answered, the
//! sections and every question with its answer, note and the reviewers'
//! comments beside it, and ends with a signature block. The content is
//! decided once here ([`Doc`]); `markdown` and `html` only escape and mark
//! it up.

mod compare;
mod followup_lines;
mod html;
mod markdown;

use crate::i18n::report as msg;
use std::collections::BTreeMap;
use std::path::Path;

use super::args::ReportFormat;
use super::context::{Context, score_of};
use super::{CliError, Output};
use crate::domain::present::{answer_text, pct, range, source_text};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::{Outcome, ScoreReport};
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::atomic::{RealFs, write_atomic};
use crate::storage::review::{Decision, Review, SignOffState, signoff_states};
use crate::storage::vendor::VendorFile;

pub fn report(ctx: &Context, wanted: &str, format: ReportFormat, output: Option<&Path>) -> Result<Output, CliError> {
    let loaded = ctx.questionnaire()?;
    let vendor = ctx.find_vendor(wanted)?;
    let report = score_of(&loaded, &vendor);
    let q = &loaded.questionnaire;
    let reviews: Vec<Review> = crate::storage::review::load_all_of(&vendor).into_iter().flatten().collect();
    let doc = Doc::build(q, &vendor, &report, &reviews, ctx.lang);
    let text = match format {
        ReportFormat::Md => markdown::markdown(&doc),
        ReportFormat::Html => html::html(&doc),
        ReportFormat::Xlsx => return super::xlsx::workbook::report(ctx, wanted, output),
    };
    write_or_print(ctx, text, output)
}

/// `ccvet report --compare`: every vendor side by side.
pub fn compare_report(ctx: &Context, format: ReportFormat, output: Option<&Path>) -> Result<Output, CliError> {
    compare::report(ctx, format, output)
}

fn write_or_print(ctx: &Context, text: String, output: Option<&Path>) -> Result<Output, CliError> {
    match output {
        None => Ok(Output { stdout: text, ..Output::default() }),
        Some(path) => {
            write_atomic(&RealFs, path, text.as_bytes(), ctx.workspace.modes.file)
                .map_err(|e| CliError::Data(crate::storage::Error::io(path, e)))?;
            Ok(Output { stdout: format!("wrote {}\n", visible(&path.display().to_string())), ..Output::default() })
        }
    }
}

/// The report's content, decided once; the renderers only escape and mark
/// it up.
struct Doc {
    lang: Lang,
    title: String,
    subtitle: String,
    facts: Vec<(&'static str, String)>,
    verdict: Verdict,
    signoffs: Vec<SignOffLine>,
    /// Comments on the vendor as a whole.
    comments: Vec<CommentLine>,
    /// Who gave the answers: (who, how many).
    answered_by: Vec<(String, usize)>,
    sections: Vec<SectionPart>,
    orphans: Vec<String>,
    interviewer: String,
    labels: Labels,
}

struct Verdict {
    disqualified: bool,
    /// (question text, reason)
    red_lines: Vec<(String, Option<String>)>,
    score: String,
    band: String,
    /// The band can still change: questions are open.
    provisional: bool,
    range: String,
    completion: String,
}

struct SignOffLine {
    mark: char,
    decision: &'static str,
    user: String,
    at: String,
    stale: bool,
    verified: bool,
    comment: Option<String>,
}

struct CommentLine {
    user: String,
    at: String,
    text: String,
}

struct SectionPart {
    title: String,
    weight: f64,
    score: String,
    range: String,
    answered: String,
    /// For the chart: score, min and max in 0–100.
    numbers: (Option<f64>, Option<f64>, Option<f64>),
    rows: Vec<Row>,
}

struct Row {
    question: String,
    answer: String,
    /// The question's score, e.g. `100%`; empty where it has none.
    score: String,
    /// A word on the state where the answer alone does not say it.
    state: &'static str,
    knockout: bool,
    note: Option<String>,
    source: Option<&'static str>,
    comments: Vec<CommentLine>,
    /// Open follow-up, evidence, "to confirm" (§11).
    extras: Vec<String>,
}

/// Interface words in the report's language.
struct Labels {
    verdict: &'static str,
    score: &'static str,
    band: &'static str,
    provisional: &'static str,
    range_possible: &'static str,
    completion: &'static str,
    disqualified: &'static str,
    qualified: &'static str,
    signoffs: &'static str,
    no_signoffs: &'static str,
    decision: &'static str,
    account: &'static str,
    time: &'static str,
    stale: &'static str,
    unverified: &'static str,
    comments: &'static str,
    answered_by: &'static str,
    sections: &'static str,
    section: &'static str,
    weight: &'static str,
    range: &'static str,
    answered: &'static str,
    question: &'static str,
    answer: &'static str,
    notes: &'static str,
    orphans: &'static str,
    signatures: &'static str,
    role: &'static str,
    name: &'static str,
    signature: &'static str,
    date: &'static str,
    interviewer: &'static str,
    reviewer: &'static str,
    approver: &'static str,
}

impl Labels {
    fn new(lang: Lang) -> Labels {
        Labels {
            verdict: msg::VERDICT.text(lang),
            score: msg::SCORE.text(lang),
            band: msg::BAND.text(lang),
            provisional: msg::PROVISIONAL_QUESTIONS_STILL_OPEN.text(lang),
            range_possible: msg::RANGE_STILL_POSSIBLE.text(lang),
            completion: msg::COMPLETION.text(lang),
            disqualified: msg::DISQUALIFIED_RED_LINES_CROSSED.text(lang),
            qualified: msg::NO_RED_LINE_CROSSED.text(lang),
            signoffs: msg::SIGN_OFFS.text(lang),
            no_signoffs: msg::NO_SIGN_OFFS_YET.text(lang),
            decision: msg::DECISION.text(lang),
            account: msg::ACCOUNT.text(lang),
            time: msg::TIME.text(lang),
            stale: msg::STALE_THE_ANSWERS_CHANGED_SINCE.text(lang),
            unverified: msg::UNVERIFIED_THE_FILE_IS_NOT.text(lang),
            comments: msg::REVIEWERS_COMMENTS.text(lang),
            answered_by: msg::WHO_ANSWERED.text(lang),
            sections: msg::SECTIONS.text(lang),
            section: msg::SECTION.text(lang),
            weight: msg::WEIGHT.text(lang),
            range: msg::RANGE_COLUMN.text(lang),
            answered: msg::ANSWERED.text(lang),
            question: msg::QUESTION.text(lang),
            answer: msg::ANSWER.text(lang),
            notes: msg::NOTE_AND_COMMENTS.text(lang),
            orphans: msg::ANSWERS_TO_REMOVED_QUESTIONS.text(lang),
            signatures: msg::SIGNATURES.text(lang),
            role: msg::ROLE.text(lang),
            name: msg::NAME.text(lang),
            signature: msg::SIGNATURE.text(lang),
            date: msg::DATE.text(lang),
            interviewer: msg::INTERVIEWER_HEADING.text(lang),
            reviewer: msg::REVIEWER.text(lang),
            approver: msg::APPROVER.text(lang),
        }
    }
}

fn decision_word(d: Decision, lang: Lang) -> &'static str {
    match d {
        Decision::Approve => msg::APPROVED.text(lang),
        Decision::Reject => msg::REJECTED.text(lang),
        Decision::NeedsInfo => msg::NEEDS_INFORMATION.text(lang),
    }
}

/// A word on a question's state, where the answer alone does not say it
/// (an N/A answer already reads "N/A": never twice).
fn state_word(outcome: &Outcome, lang: Lang) -> &'static str {
    match outcome {
        Outcome::Unanswered => msg::UNANSWERED.text(lang),
        Outcome::NotApplicable | Outcome::Scored { knockout: false, .. } => "",
        Outcome::Scored { knockout: true, .. } => msg::RED_LINE.text(lang),
        Outcome::Unscored { .. } => msg::NOT_SCORED.text(lang),
        Outcome::Invalid(_) => msg::INVALID_ANSWER.text(lang),
        Outcome::Hidden => msg::HIDDEN_CONDITION_NOT_MET.text(lang),
    }
}

/// The red lines crossed, by question text, with their reasons.
fn red_lines(q: &Questionnaire, report: &ScoreReport, lang: Lang) -> Vec<(String, Option<String>)> {
    report
        .knockouts
        .iter()
        .map(|k| {
            let text = q.question(&k.key).map_or_else(|| k.key.clone(), |x| x.text.get(lang).to_string());
            (text, k.reason.as_ref().map(|r| r.get(lang).to_string()))
        })
        .collect()
}

fn band_of(q: &Questionnaire, report: &ScoreReport, lang: Lang) -> String {
    crate::domain::present::band_text(q, report, lang)
}

fn signoff_lines(signoffs: &[SignOffState], lang: Lang) -> Vec<SignOffLine> {
    signoffs
        .iter()
        .map(|s| SignOffLine {
            mark: s.decision.mark(),
            decision: decision_word(s.decision, lang),
            user: s.user.clone(),
            at: when(&s.at),
            stale: s.stale,
            verified: s.verified,
            comment: s.comment.clone(),
        })
        .collect()
}

impl Doc {
    fn build(q: &Questionnaire, vendor: &VendorFile, report: &ScoreReport, reviews: &[Review], lang: Lang) -> Doc {
        let dash = || "–".to_string();
        let mut by_question: BTreeMap<&str, Vec<CommentLine>> = BTreeMap::new();
        let mut general = Vec::new();
        for r in reviews {
            for c in &r.file.comments {
                let line = CommentLine { user: r.user.clone(), at: when(&c.at), text: c.text.clone() };
                match &c.question {
                    Some(key) if q.question(key).is_some() => by_question.entry(key.as_str()).or_default().push(line),
                    _ => general.push(line),
                }
            }
        }
        let interviewer = vendor.meta.interviewer.clone().unwrap_or_else(dash);
        let (mut by_interviewer, mut by_vendor) = (0, 0);
        let sections = q
            .sections
            .iter()
            .zip(&report.sections)
            .zip(&report.outcomes)
            .map(|((section, s), outcomes)| SectionPart {
                title: section.title.get(lang).to_string(),
                weight: section.weight,
                score: pct(s.score),
                range: range(s.min, s.max),
                answered: format!("{}/{}", s.answered, s.total),
                numbers: (s.score, s.min, s.max),
                rows: section
                    .questions
                    .iter()
                    .zip(outcomes)
                    .map(|(question, outcome)| {
                        let answer = q.answer(&vendor.answers, question);
                        let shown = answer_text(question, answer, lang);
                        let source = source_text(answer, lang);
                        if answer.is_some_and(|a| a.value.is_some() || a.na) {
                            if source.is_some() {
                                by_vendor += 1;
                            } else {
                                by_interviewer += 1;
                            }
                        }
                        Row {
                            question: question.text.get(lang).to_string(),
                            answer: if shown.is_empty() { dash() } else { shown },
                            score: match outcome {
                                Outcome::Scored { s, .. } => format!("{:.0}%", s * 100.0),
                                _ => String::new(),
                            },
                            state: state_word(outcome, lang),
                            knockout: outcome.is_knockout(),
                            note: answer.and_then(|a| a.note.clone()),
                            source,
                            comments: by_question.remove(question.key.as_str()).unwrap_or_default(),
                            extras: followup_lines::lines(answer, lang),
                        }
                    })
                    .collect(),
            })
            .collect();
        let mut answered_by =
            vec![(format!("{} {}", msg::INTERVIEWER_HEADING.text(lang), interviewer), by_interviewer)];
        if by_vendor > 0 {
            answered_by.push((msg::STATED_BY_THE_VENDOR_IMPORTED.text(lang).to_string(), by_vendor));
        }
        let signoffs = signoff_states(reviews, vendor.text());
        Doc {
            lang,
            title: vendor.meta.vendor.clone(),
            subtitle: q.title.get(lang).to_string(),
            facts: vec![
                (msg::ASSESSED_ON.text(lang), vendor.meta.assessed_on.map_or_else(dash, |d| d.to_string())),
                (msg::INTERVIEWER_HEADING.text(lang), interviewer.clone()),
                (msg::QUESTIONNAIRE_HEADING.text(lang), format!("{} v{}", q.id, q.version)),
            ],
            verdict: Verdict {
                disqualified: report.disqualified(),
                red_lines: red_lines(q, report, lang),
                score: pct(report.score),
                band: band_of(q, report, lang),
                provisional: report.answered < report.total,
                range: range(report.min, report.max),
                completion: format!("{:.0}%", report.completion() * 100.0),
            },
            signoffs: signoff_lines(&signoffs, lang),
            comments: general,
            answered_by,
            sections,
            orphans: report.orphans.clone(),
            interviewer,
            labels: Labels::new(lang),
        }
    }
}

/// A review time for people: `2026-11-24 10:02 +08:00` (from RFC 3339).
fn when(at: &str) -> String {
    let b = at.as_bytes();
    if b.len() >= 16 && b[10] == b'T' && at.is_char_boundary(16) {
        let offset = at[16..].trim_start_matches(|c: char| c == ':' || c.is_ascii_digit() || c == '.');
        let offset = if offset == "Z" { "+00:00" } else { offset };
        format!("{} {} {offset}", &at[..10], &at[11..16]).trim_end().to_string()
    } else {
        at.to_string()
    }
}

/// A note as printed: tabs as spaces (never `^I`), other hostile
/// characters made visible, line breaks kept.
fn note_lines(note: &str) -> Vec<String> {
    let expanded = note.replace('\t', "    ");
    crate::safe_text::visible_multiline(&expanded).lines().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_keep_their_lines_and_lose_their_tabs() {
        assert_eq!(note_lines("a\tb\nc\x1b"), ["a    b", "c^["]);
        assert_eq!(when("2026-11-24T10:02:33+08:00"), "2026-11-24 10:02 +08:00");
        assert_eq!(when("2026-11-24T10:02:33.5Z"), "2026-11-24 10:02 +00:00");
        assert_eq!(when("yesterday"), "yesterday");
    }
}
