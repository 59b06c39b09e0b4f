//! The JSON of `score --json` and `compare --json` (product brief §6).
//!
//! Fields: `vendor`, `slug`, `questionnaire`, `assessed_on`, `score`
//! (percent, or null when nothing is answered), `min`, `max`, `band` (label
//! in the current language, or null), `disqualified`, `knockouts`
//! (`section.question` ids in questionnaire order), `knockout_reasons`,
//! `answered`, `total`, `sections` (`id`, `title`, `weight`, `score`, `min`,
//! `max`, `answered`, `total`, in questionnaire order), `orphans` (answer
//! ids no question has), `hidden` (`section.question` ids a `show_if`
//! hides: out of the score and the counts, never unanswered), `issues`
//! (answers that could not be scored) and `warnings`. `compare` adds
//! `rank`. Scores are at full precision.
//! `band_id` is a stable key for the band: its index in the questionnaire's
//! list of bands (0 = the highest), whatever the language. `bands_possible`
//! lists the labels of every band the range [min, max] still allows, in
//! questionnaire order (one once the band is certain). `score` adds
//! `questions`: every question in order with `key`, `kind`, `value`,
//! `note`, `s` (the fraction it scores, 0–1), `state`, `source`,
//! `followup` (`{ ask, due, status }` or null), `evidence` (a list of
//! `{ file, sha256, url, seen_on, expires }`, `[]` when none) and `carried`
//! (answered in the last cycle, to confirm).
//! Optional fields are `null`, never absent.

use serde::Serialize;

use crate::domain::questionnaire::Questionnaire;
use crate::domain::text::Lang;
use crate::summary::Summary;

#[derive(Serialize)]
pub struct VendorJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    pub vendor: &'a str,
    pub slug: &'a str,
    pub questionnaire: &'a str,
    pub assessed_on: Option<String>,
    pub score: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub band: Option<&'a str>,
    /// The band's stable key: its `id` (a string) where the questionnaire
    /// gives one, else its index among the bands (a number); null with no
    /// score.
    pub band_id: Option<serde_json::Value>,
    /// Labels of every band the range [`min`, `max`] still allows, in
    /// questionnaire order: one once the band is certain.
    pub bands_possible: Vec<&'a str>,
    pub disqualified: bool,
    pub knockouts: Vec<&'a str>,
    pub knockout_reasons: Vec<KnockoutJson<'a>>,
    pub answered: usize,
    pub total: usize,
    pub sections: Vec<SectionJson<'a>>,
    pub orphans: Vec<&'a str>,
    pub hidden: Vec<&'a str>,
    pub issues: Vec<IssueJson<'a>>,
    pub warnings: Vec<String>,
    /// Every reviewer's sign-off: `user`, `decision` (approve, reject,
    /// needs-info), `at`, and `stale` when the answers changed since.
    pub signoffs: &'a [crate::storage::review::SignOffState],
    /// Who is interviewing now: `user`, `host`, `pid`, `since`; or null.
    pub locked_by: Option<&'a crate::storage::lock::Holder>,
    /// `score --json` only: every question's answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub questions: Option<Vec<QuestionJson>>,
    /// What a git merge left in conflict: `key`, and `ours`, `theirs`,
    /// `base` (each `{ value, na, note }`, or null for no answer there).
    pub conflicts: Vec<super::git_json::ConflictJson>,
}

#[derive(Serialize)]
pub struct QuestionJson {
    pub key: String,
    pub kind: &'static str,
    pub value: serde_json::Value,
    pub note: Option<String>,
    pub s: Option<f64>,
    /// `unanswered`, `na`, `scored`, `knockout`, `unscored` or `invalid`.
    pub state: &'static str,
    /// `"vendor"` for an answer imported from the vendor's workbook, else null.
    pub source: Option<String>,
    /// The follow-up `{ ask, due, status }`, or null (§11).
    pub followup: Option<super::followup_json::FollowupJson>,
    /// The evidence entries, `[]` when none (§11).
    pub evidence: Vec<super::followup_json::EvidenceJson>,
    /// Carried over from the last cycle, to confirm.
    pub carried: bool,
}

/// Every question of `q` with the vendor's answer and its outcome.
pub fn questions_json(
    q: &Questionnaire,
    answers: &crate::domain::answers::Answers,
    report: &crate::domain::scoring::ScoreReport,
) -> Vec<QuestionJson> {
    use crate::domain::scoring::Outcome;
    let mut out = Vec::new();
    for (si, section) in q.sections.iter().enumerate() {
        for (qi, question) in section.questions.iter().enumerate() {
            let answer = q.answer(answers, question);
            let outcome = report.outcomes.get(si).and_then(|o| o.get(qi));
            out.push(QuestionJson {
                key: question.key.clone(),
                kind: question.kind.name(),
                value: answer.and_then(|a| a.value.as_ref()).map_or(serde_json::Value::Null, value_json),
                note: answer.and_then(|a| a.note.clone()),
                s: match outcome {
                    Some(Outcome::Scored { s, .. }) => Some(*s),
                    _ => None,
                },
                state: match outcome {
                    Some(Outcome::NotApplicable) => "na",
                    Some(Outcome::Scored { knockout: true, .. }) => "knockout",
                    Some(Outcome::Scored { .. }) => "scored",
                    Some(Outcome::Unscored { answered: true }) => "unscored",
                    Some(Outcome::Invalid(_)) => "invalid",
                    Some(Outcome::Hidden) => "hidden",
                    _ => "unanswered",
                },
                source: answer.and_then(|a| a.source.clone()),
                followup: answer.and_then(|a| a.followup.as_ref()).map(super::followup_json::followup_json),
                evidence: answer.map_or_else(Vec::new, |a| super::followup_json::evidence_json(&a.evidence)),
                carried: answer.is_some_and(|a| a.carried),
            });
        }
    }
    out
}

fn value_json(v: &crate::domain::answers::Value) -> serde_json::Value {
    use crate::domain::answers::Value;
    match v {
        Value::Bool(b) => (*b).into(),
        Value::Integer(n) => (*n).into(),
        Value::Float(f) => serde_json::Number::from_f64(*f).map_or(serde_json::Value::Null, serde_json::Value::Number),
        Value::Str(s) => s.clone().into(),
        Value::Date(d) => d.to_string().into(),
        Value::List(items) => serde_json::Value::Array(items.iter().map(value_json).collect()),
        Value::Other(_) => serde_json::Value::Null,
    }
}

#[derive(Serialize)]
pub struct KnockoutJson<'a> {
    pub id: &'a str,
    pub reason: Option<&'a str>,
}

#[derive(Serialize)]
pub struct SectionJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub weight: f64,
    pub score: Option<f64>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub answered: usize,
    pub total: usize,
}

#[derive(Serialize)]
pub struct IssueJson<'a> {
    pub id: &'a str,
    pub message: &'a str,
}

pub fn vendor_json<'a>(q: &'a Questionnaire, vendor: &'a Summary, lang: Lang, rank: Option<usize>) -> VendorJson<'a> {
    let report = &vendor.report;
    VendorJson {
        rank,
        vendor: &vendor.meta.vendor,
        slug: &vendor.slug,
        questionnaire: &q.id,
        assessed_on: vendor.meta.assessed_on.map(|d| d.to_string()),
        score: report.score,
        min: report.min,
        max: report.max,
        band: report.band.and_then(|i| q.bands.get(i)).map(|b| b.label.get(lang)),
        band_id: report.band.and_then(|i| {
            let band = q.bands.get(i)?;
            Some(band.id.clone().map_or_else(|| serde_json::Value::from(i), serde_json::Value::from))
        }),
        bands_possible: q
            .bands_possible(report.min, report.max)
            .into_iter()
            .filter_map(|i| q.bands.get(i))
            .map(|b| b.label.get(lang))
            .collect(),
        disqualified: report.disqualified(),
        knockouts: report.knockouts.iter().map(|k| k.key.as_str()).collect(),
        knockout_reasons: report
            .knockouts
            .iter()
            .map(|k| KnockoutJson { id: &k.key, reason: k.reason.as_ref().map(|r| r.get(lang)) })
            .collect(),
        answered: report.answered,
        total: report.total,
        sections: q
            .sections
            .iter()
            .zip(&report.sections)
            .map(|(s, r)| SectionJson {
                id: &s.id,
                title: s.title.get(lang),
                weight: s.weight,
                score: r.score,
                min: r.min,
                max: r.max,
                answered: r.answered,
                total: r.total,
            })
            .collect(),
        orphans: report.orphans.iter().map(String::as_str).collect(),
        hidden: report.hidden.iter().map(String::as_str).collect(),
        issues: report.issues.iter().map(|i| IssueJson { id: &i.key, message: &i.message }).collect(),
        warnings: vendor.warnings.clone(),
        signoffs: &vendor.signoffs,
        locked_by: vendor.locked_by.as_ref(),
        questions: None,
        conflicts: vendor.conflicts.iter().map(super::git_json::ConflictJson::of).collect(),
    }
}

pub fn to_string<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    // serde_json escapes only C0 controls; DEL, C1 and bidirectional
    // characters are written as \uXXXX too, since JSON often lands in a
    // terminal. The data is unchanged for any JSON reader.
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        // A raw newline is layout: serde_json escapes those inside strings.
        if crate::safe_text::is_hostile(c) && c != '\n' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out.push('\n');
    out
}
