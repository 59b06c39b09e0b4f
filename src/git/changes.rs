//! Each change of an answer in a vendor file's git history: who, when,
//! old → new, and the vendor's score after the commit. Shared by `ccvet
//! log` and the app's history of the current question.

use std::path::Path;
use std::rc::Rc;

use super::{GitError, toplevel};
use crate::domain::answers::{Answer, Answers};
use crate::domain::questionnaire::Questionnaire;
use crate::domain::scoring::score;
use crate::storage::vendor::VendorFile;

#[derive(Clone, Debug, PartialEq)]
pub struct AnswerChange {
    pub commit: String,
    pub author: String,
    /// Author date, strict ISO 8601.
    pub date: String,
    pub key: String,
    pub old: Option<Answer>,
    pub new: Option<Answer>,
    /// The vendor's score after the commit (percent).
    pub score: Option<f64>,
}

/// The keys whose answer differs between `a` and `b`, in questionnaire
/// order (then orphans).
pub fn changed_keys(q: &Questionnaire, a: &Answers, b: &Answers) -> Vec<String> {
    // Both maps are sorted: the differing keys first, then only those in
    // questionnaire order (a history of 1,000 commits compares 1,000 pairs).
    let mut keys: Vec<&String> = a.keys().chain(b.keys().filter(|k| !a.contains_key(*k))).collect();
    keys.retain(|k| !Answer::same_answer(a.get(*k), b.get(*k)));
    let mut keys: Vec<(usize, String)> = keys.into_iter().map(|k| (q.order_of(k), k.clone())).collect();
    keys.sort();
    keys.into_iter().map(|(_, k)| k).collect()
}

/// Every change of an answer (of `question` only, if given) to the vendor
/// file at `vendor_path`, oldest first. Versions that do not parse are
/// skipped; a merge lists only what no parent had (its own resolution).
pub fn answer_changes(
    workspace: &Path,
    vendor_path: &Path,
    q: &Questionnaire,
    question: Option<&str>,
) -> Result<Vec<AnswerChange>, GitError> {
    let top = toplevel(workspace)?;
    let rel = super::repo_path(&top, vendor_path).ok_or_else(|| GitError::NotARepo(vendor_path.to_path_buf()))?;
    let versions = super::history::versions(&top, &rel)?;
    let empty = Answers::new();
    let mut changes = Vec::new();
    // The parent's text is nearly always the previous version's: parsed once.
    let mut last: Option<(String, Rc<VendorFile>)> = None;
    let mut parse = |text: Option<&String>| -> Option<Rc<VendorFile>> {
        let text = text?;
        if let Some((t, v)) = &last
            && t == text
        {
            return Some(v.clone());
        }
        let v = Rc::new(VendorFile::parse(vendor_path, text.clone()).ok()?);
        last = Some((text.clone(), v.clone()));
        Some(v)
    };
    for v in &versions {
        let parents: Vec<Option<Rc<VendorFile>>> = v.parents.iter().map(|p| parse(p.as_ref())).collect();
        let Some(now) = parse(v.text.as_ref()) else { continue };
        let first = parents.first().and_then(Option::as_ref).map_or(&empty, |p| &p.answers);
        let after = score(q, &now.answers, now.meta.assessed_on).score;
        for key in changed_keys(q, first, &now.answers) {
            if question.is_some_and(|k| k != key) {
                continue;
            }
            if parents.len() > 1
                && parents.iter().flatten().any(|p| Answer::same_answer(p.answers.get(&key), now.answers.get(&key)))
            {
                continue;
            }
            changes.push(AnswerChange {
                commit: v.commit.clone(),
                author: v.author.clone(),
                date: v.date.clone(),
                old: first.get(&key).filter(|a| !a.is_empty()).cloned(),
                new: now.answers.get(&key).filter(|a| !a.is_empty()).cloned(),
                key,
                score: after,
            });
        }
    }
    Ok(changes)
}
