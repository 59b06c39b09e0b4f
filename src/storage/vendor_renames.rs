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
        // The new key in the old one's place, with its decor (comments):
        // the entries from there on are taken out and put back in order.
        let keys: Vec<String> = answers.iter().map(|(k, _)| k.to_string()).collect();
        let Some(at) = keys.iter().position(|k| k == old) else { continue };
        let tail: Vec<(toml_edit::Key, Item)> = keys[at..]
            .iter()
            .filter_map(|k| {
                let key = answers.key(k)?.clone();
                let item = answers.remove(k)?;
                Some((key, item))
            })
            .collect();
        for (mut key, item) in tail {
            if key.get() == old {
                let decor = key.leaf_decor().clone();
                key = toml_edit::Key::new(new.as_str());
                *key.leaf_decor_mut() = decor;
            }
            answers.entry_format(&key).or_insert(item);
        }
    }
    if !moves.is_empty() {
        doc["questionnaire_version"] = toml_edit::value(questionnaire.version);
    }
}
