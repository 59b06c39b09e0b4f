//! The `followup` and `evidence` of a question in `score --json` (§11):
//! `followup` is `{ ask, due, status, overdue }` or null; `evidence` is a
//! list of `{ file, sha256, url, seen_on, expires }` (null where a field
//! does not apply), empty when there is none.

use serde::Serialize;

use crate::domain::followup::{Evidence, Followup, Source};

#[derive(Serialize)]
pub struct FollowupJson {
    pub ask: String,
    pub due: Option<String>,
    pub status: &'static str,
}

#[derive(Serialize)]
pub struct EvidenceJson {
    pub file: Option<String>,
    pub sha256: Option<String>,
    pub url: Option<String>,
    pub seen_on: String,
    pub expires: Option<String>,
}

pub fn followup_json(f: &Followup) -> FollowupJson {
    FollowupJson { ask: f.ask.clone(), due: f.due.map(|d| d.to_string()), status: f.status.name() }
}

pub fn evidence_json(list: &[Evidence]) -> Vec<EvidenceJson> {
    list.iter()
        .map(|e| {
            let (file, sha256, url) = match &e.source {
                Source::File { file, sha256 } => (Some(file.clone()), Some(sha256.clone()), None),
                Source::Url(url) => (None, None, Some(url.clone())),
            };
            EvidenceJson {
                file,
                sha256,
                url,
                seen_on: e.seen_on.to_string(),
                expires: e.expires.map(|d| d.to_string()),
            }
        })
        .collect()
}
