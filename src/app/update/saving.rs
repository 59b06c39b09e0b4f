//! Edits on their way to disk, what the saver says back, and the file
//! changing under the open vendor.

use super::*;
use crate::i18n::status as msg;

/// Applies an edit to what the screen shows, re-scores, and asks for a
/// save. The edit stays pending until the save confirms it.
pub(in crate::app) fn apply(app: &mut App, key: String, edit: Edit) -> Vec<Effect> {
    if let Some(iv) = app.interview.as_mut() {
        let after = Answer::edited(iv.answers.get(&key), &edit);
        iv.history.record(&key, iv.answers.get(&key), after.as_ref());
    }
    apply_edits(app, key, vec![edit])
}

/// Applies edits of one answer (not recorded for undo) as [`apply`] does.
pub(in crate::app) fn apply_edits(app: &mut App, key: String, edits: Vec<Edit>) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    match edits.iter().fold(iv.answers.get(&key).cloned(), |a, e| Answer::edited(a.as_ref(), e)) {
        Some(a) => iv.answers.insert(key.clone(), a),
        None => iv.answers.remove(&key),
    };
    iv.rescore_key(q, &key);
    let height = app.height;
    iv.list_offset = keep_visible(iv.list_row(q), iv.list_offset, question_rows(height));
    // The same answer edited again joins its pending edit, unless that is
    // already being saved.
    let open = iv.pending.len() > iv.saving;
    match iv.pending.last_mut() {
        Some(last) if open && last.key == key => last.edits.extend(edits),
        _ => iv.pending.push(PendingEdit { key, edits }),
    }
    vec![Effect::SaveVendor]
}

/// What the screen shows after the file changed: the file's answers with
/// the edits still pending applied on top.
pub(super) fn reapply_pending(iv: &mut Interview, q: &Questionnaire) {
    let mut answers = iv.vendor.answers.clone();
    q.adopt_renamed(&mut answers);
    for p in &iv.pending {
        let a = p.edits.iter().fold(answers.get(&p.key).cloned(), |a, e| Answer::edited(a.as_ref(), e));
        match a {
            Some(a) => answers.insert(p.key.clone(), a),
            None => answers.remove(&p.key),
        };
    }
    iv.answers = answers;
    iv.rescore(q);
}

pub(super) fn saved(app: &mut App, key: &str, merged: bool) -> Vec<Effect> {
    let q = &app.questionnaire;
    let mut leave = false;
    if let Some(iv) = app.interview.as_mut() {
        // Without a merge the file now holds what the screen showed already
        // (a full re-score of 4,000 answers is not needed).
        if merged {
            reapply_pending(iv, q);
        }
        iv.disk_error = None;
        iv.save_failed = false;
        leave = iv.leave_after_save && iv.pending.is_empty();
    }
    app.say(StatusKind::Saved, format!("✓ {} {key}", msg::SAVED.text(app.lang)));
    if leave { leave_interview(app) } else { vec![] }
}

pub(super) fn save_failed(app: &mut App, key: &str, message: String, conflict: bool) -> Vec<Effect> {
    let q = &app.questionnaire;
    if let Some(iv) = app.interview.as_mut() {
        iv.leave_after_save = false;
        iv.save_failed |= !conflict;
        if conflict {
            // Their version is on disk and in `vendor`; ours is in a side file.
            iv.pending.retain(|p| p.key != key);
        }
        reapply_pending(iv, q);
    }
    let hint = if conflict { "" } else { msg::R_RETRIES.text(app.lang) };
    app.say(StatusKind::Error, format!("✗ {} {message}{hint}", msg::NOT_SAVED.text(app.lang)));
    vec![]
}

/// The open vendor's file changed on disk (someone else's save, a hand
/// edit, a git pull): show the new version with this session's unsaved
/// edits on top, or keep the last good one and say why the new one does
/// not read.
pub(super) fn vendor_changed(
    app: &mut App,
    result: Result<Box<crate::storage::vendor::VendorFile>, String>,
) -> Vec<Effect> {
    let q = &app.questionnaire;
    let Some(iv) = app.interview.as_mut() else { return vec![] };
    let mut effects = Vec::new();
    match result {
        Ok(vendor) => {
            // A pending edit of an answer that someone else changed too
            // must not land on top of theirs: it goes to a side file.
            let before = std::mem::replace(&mut iv.vendor, *vendor);
            let (clash, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut iv.pending)
                .into_iter()
                // (read through renames: someone else's save may have moved
                // an answer to its new key)
                .partition(|p| {
                    !Answer::same_content(q.answer_to(&before.answers, &p.key), q.answer_to(&iv.vendor.answers, &p.key))
                });
            iv.pending = keep;
            effects.extend(clash.into_iter().map(|p| Effect::KeepMine { key: p.key, edits: p.edits }));
            let changed = before.text() != iv.vendor.text();
            iv.disk_error = None;
            reapply_pending(iv, q);
            iv.refresh_signoffs();
            if changed && iv.read_only.is_none() && effects.is_empty() {
                let text = msg::THE_FILE_WAS_CHANGED_ON.text(app.lang);
                app.say(StatusKind::Info, text);
            }
        }
        Err(why) => iv.disk_error = Some(why),
    }
    effects
}
