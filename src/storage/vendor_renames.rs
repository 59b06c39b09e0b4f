//! Questionnaire v2 renames in vendor files (product brief §10): reading
//! an answer through `renamed_from`, and moving answers to their new keys
//! at a save. Apart from `vendor.rs` so that file's layout can change
//! without touching this.

use toml_edit::{DocumentMut, Item};

use crate::domain::answers::{Answer, Answers};
use crate::domain::questionnaire::Questionnaire;

/// The answer to `key` as the questionnaire reads it: under the key, else
/// under the key its question was renamed from.
pub fn current(questionnaire: &Questionnaire, answers: &Answers, key: &str) -> Option<Answer> {
    questionnaire.answer_to(answers, key).cloned()
}

/// Questionnaire v2 migration (§10): answers under a key a question was
/// renamed from move to the question's own key, with their note, comments
/// and fields, unless that key holds an answer already; the vendor's
/// `questionnaire_version` then becomes the questionnaire's.
pub fn move_renamed(doc: &mut DocumentMut, questionnaire: &Questionnaire) {
    let Some(answers) = doc.get_mut("answers").and_then(Item::as_table_like_mut) else { return };
    let moves: Vec<(String, String)> = answers
        .iter()
        .filter_map(|(k, _)| {
            let new = &questionnaire.renamed_to(k)?.key;
            (!answers.contains_key(new)).then(|| (k.to_string(), new.clone()))
        })
        .collect();
    for (old, new) in &moves {
        let Some(position) = answers.key(old).cloned() else { continue };
        let Some(item) = answers.remove(old) else { continue };
        // The new key in the old one's place and with its decor (comments).
        let mut key = toml_edit::Key::new(new.as_str());
        *key.leaf_decor_mut() = position.leaf_decor().clone();
        answers.entry_format(&key).or_insert(item);
    }
    if !moves.is_empty() {
        doc["questionnaire_version"] = toml_edit::value(questionnaire.version);
    }
}
