//! The layout of a vendor file that merges well as plain text.
//!
//! Git's line merge (GitHub, libgit2, a clone without `ccvet git-setup`)
//! conflicts when both sides change the same or *adjacent* lines. So a
//! vendor file lists every question of its questionnaire from the start, in
//! questionnaire order, one `[answers."section.question"]` block each, an
//! unanswered one as its bare header line, blocks separated by one blank
//! line:
//!
//! ```toml
//! [answers."basic.teams"]
//! value = ["technical"]
//!
//! [answers."basic.staff-certificates"]
//!
//! [answers."basic.licence-scope"]
//! ```
//!
//! An answer then only adds, changes or removes lines inside its own block,
//! below its header; between two blocks stand at least the blank line and
//! the next header, which no save ever changes. Two people answering
//! neighbouring questions never touch adjacent lines.
//!
//! Files written before this layout (answers only, inserted as they were
//! given) are upgraded on their next save: the missing placeholders are
//! added in questionnaire order, and everything else (the person's comments,
//! own fields, hand formatting) stays as it is. Files whose answers are
//! written as inline tables (`[answers]` then `"a.b" = { … }`), a person's
//! own style, are left in that style.

use toml_edit::{DocumentMut, Item, Table, TableLike};

use crate::domain::questionnaire::Questionnaire;

/// The text of a new vendor file: the header fields, then a placeholder for
/// every question in questionnaire order.
pub fn skeleton(header: &str, questionnaire: &Questionnaire) -> String {
    let mut doc: DocumentMut = header.parse().unwrap_or_default();
    let root = doc.as_table_mut();
    let mut answers = Table::new();
    answers.set_implicit(true);
    for q in questionnaire.questions() {
        answers.insert(&q.key, Item::Table(Table::new()));
    }
    root.insert("answers", Item::Table(answers));
    doc.to_string()
}

/// Adds a placeholder for every question the answers table lacks, each in
/// questionnaire order among the entries already there. Entries already
/// there keep their place, key and formatting. Returns whether anything was
/// added. Inline-table answers are left as they are.
pub fn add_placeholders(answers: &mut dyn TableLike, questionnaire: &Questionnaire) -> bool {
    if answers.iter().any(|(_, item)| item.is_value()) {
        return false;
    }
    let missing: Vec<&str> =
        questionnaire.questions().map(|q| q.key.as_str()).filter(|k| !answers.contains_key(k)).collect();
    if missing.is_empty() {
        return false;
    }
    let keys: Vec<String> = answers.iter().map(|(k, _)| k.to_string()).collect();
    let existing: Vec<(toml_edit::Key, Item)> = keys
        .iter()
        .filter_map(|k| {
            let key = answers.key(k)?.clone();
            let item = answers.remove(k)?;
            Some((key, item))
        })
        .collect();
    let mut missing = missing.into_iter().peekable();
    for (key, item) in existing {
        let rank = questionnaire.order_of(key.get());
        while let Some(m) = missing.next_if(|m| questionnaire.order_of(m) < rank) {
            answers.insert(m, Item::Table(Table::new()));
        }
        answers.entry_format(&key).or_insert(item);
    }
    for m in missing {
        answers.insert(m, Item::Table(Table::new()));
    }
    true
}

/// Whether an entry for `key` must stay even when it holds nothing: the
/// placeholders of the questionnaire's questions do.
pub fn keeps_placeholder(questionnaire: &Questionnaire, key: &str, inline: bool) -> bool {
    !inline && questionnaire.position(key).is_some()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
    use super::*;

    fn q() -> Questionnaire {
        crate::storage::questionnaire::parse(crate::storage::questionnaire::EMBEDDED).unwrap().0
    }

    #[test]
    fn a_new_file_lists_every_question_in_order_separated_by_blank_lines() {
        let q = q();
        let text = skeleton("vendor = \"A\"\n", &q);
        let headers: Vec<&str> = text.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(headers.len(), q.questions().count());
        for (h, question) in headers.iter().zip(q.questions()) {
            assert_eq!(*h, format!("[answers.\"{}\"]", question.key));
        }
        assert!(text.starts_with("vendor = \"A\"\n\n[answers."), "{text}");
        assert!(!text.contains("\n\n\n"));
        assert!(!text.contains("[answers]\n"));
    }

    #[test]
    fn placeholders_fill_in_around_existing_answers_which_keep_their_place() {
        let q = q();
        let keys: Vec<&str> = q.questions().map(|x| x.key.as_str()).collect();
        let text = format!(
            "vendor = \"A\"\n\n# mine\n[answers.\"{}\"]\nvalue = 1 # hand\n\n[answers.\"zz.orphan\"]\nvalue = 2\n",
            keys[2]
        );
        let mut doc: DocumentMut = text.parse().unwrap();
        let answers = doc.get_mut("answers").and_then(Item::as_table_like_mut).unwrap();
        assert!(add_placeholders(answers, &q));
        let out = doc.to_string();
        assert!(out.contains(&format!("# mine\n[answers.\"{}\"]\nvalue = 1 # hand\n", keys[2])), "{out}");
        let headers: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
        assert_eq!(headers.len(), keys.len() + 1);
        assert_eq!(headers[0], format!("[answers.\"{}\"]", keys[0]));
        assert_eq!(headers[2], format!("[answers.\"{}\"]", keys[2]));
        // Again: nothing left to add.
        let mut doc: DocumentMut = out.parse().unwrap();
        let answers = doc.get_mut("answers").and_then(Item::as_table_like_mut).unwrap();
        assert!(!add_placeholders(answers, &q));
        assert_eq!(doc.to_string(), out);
    }
}
