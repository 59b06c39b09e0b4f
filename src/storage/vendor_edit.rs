//! Editing a vendor file's text: one answer at a time through toml_edit,
//! so comments, hand formatting and other answers stay as they were.

use super::*;

pub(super) fn apply_all(
    original: &str,
    questionnaire: &Questionnaire,
    key: &str,
    edits: &[Edit],
) -> Result<String, Error> {
    let mut text = original.to_string();
    // toml_edit writes LF: a CRLF file is known by its original text only.
    let crlf = original.contains("\r\n");
    for edit in edits {
        text = apply_in(&text, questionnaire, key, edit, crlf)?;
    }
    Ok(keep_line_style(original, text))
}

/// Keeps the file's own line endings and byte-order mark, so a save on a
/// file written on Windows does not rewrite every line of it.
pub(in crate::storage) fn keep_line_style(original: &str, text: String) -> String {
    const BOM: char = '\u{feff}';
    let mut text = if original.contains("\r\n") { text.replace("\r\n", "\n").replace('\n', "\r\n") } else { text };
    if original.starts_with(BOM) && !text.starts_with(BOM) {
        text.insert(0, BOM);
    }
    text
}

/// Applies `change` to vendor file `text`, preserving everything else.
pub fn apply(text: &str, questionnaire: &Questionnaire, key: &str, edit: &Edit) -> Result<String, Error> {
    apply_in(text, questionnaire, key, edit, text.contains("\r\n"))
}

/// [`apply`] to text that is, or will be written with, CRLF line ends when
/// `crlf`.
pub(super) fn apply_in(
    text: &str,
    questionnaire: &Questionnaire,
    key: &str,
    edit: &Edit,
    crlf: bool,
) -> Result<String, Error> {
    let mut doc: DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Error::refused(Path::new("<vendor>"), format!("cannot edit: {}", e.message()))
    })?;
    // In a CRLF file every line break is rewritten as CRLF on save, and a
    // parser keeps a CRLF inside a multi-line string as part of the text:
    // strings there are written on one line, their breaks escaped.
    let one_line = crlf;
    move_renamed(&mut doc, questionnaire);
    let root = doc.as_table_mut();
    if !root.get("answers").is_some_and(Item::is_table_like) {
        let mut t = Table::new();
        // `[answers."…"]` headers only, no bare `[answers]` line.
        t.set_implicit(true);
        root.insert("answers", Item::Table(t));
    }
    let Some(answers) = root.get_mut("answers").and_then(Item::as_table_like_mut) else {
        return Ok(doc.to_string());
    };
    // Match the file's own style: inline tables if its answers are written
    // that way (`[answers]` then `"a.b" = { value = … }`), else sub-tables.
    let inline = answers.iter().any(|(_, item)| item.is_value());
    crate::storage::layout::add_placeholders(answers, questionnaire);
    if !answers.contains_key(key) {
        if matches!(
            edit,
            Edit::Clear
                | Edit::Note(None)
                | Edit::NotApplicable(false)
                | Edit::Source(None)
                | Edit::Followup(None)
                | Edit::Carried(false)
        ) {
            return Ok(doc.to_string());
        }
        insert_in_order(answers, key, inline, questionnaire);
    }
    let Some(entry) = answers.get_mut(key) else {
        return Ok(doc.to_string());
    };
    if !entry.is_table_like() {
        // A bare value written by hand becomes a table holding it.
        let mut t = toml_edit::InlineTable::new();
        if let Ok(v) = std::mem::take(entry).into_value() {
            t.insert("value", v);
        }
        *entry = Item::Value(toml_edit::Value::InlineTable(t));
    }
    let multiline = entry.is_table();
    if let Some(fields) = entry.as_table_like_mut() {
        match edit {
            Edit::Value(v) => {
                fields.remove("na");
                fields.remove("carried");
                many::remove_vendor_source(fields);
                set_field(fields, "value", to_edit_value(v, one_line));
            }
            Edit::NotApplicable(true) => {
                fields.remove("carried");
                many::remove_vendor_source(fields);
                set_field(fields, "na", toml_edit::Value::from(true));
            }
            Edit::NotApplicable(false) => {
                fields.remove("na");
                fields.remove("carried");
                many::remove_vendor_source(fields);
            }
            Edit::Clear => {
                fields.remove("value");
                fields.remove("na");
                many::remove_vendor_source(fields);
            }
            Edit::Source(Some(source)) => set_field(fields, "source", source.as_str().into()),
            Edit::Source(None) => {
                fields.remove("source");
            }
            // (the `"vendor"` mark goes with a new value, N/A or clear above)
            Edit::Note(Some(note)) => set_field(fields, "note", string_value(note, one_line)),
            Edit::Note(None) => {
                fields.remove("note");
            }
            Edit::Followup(Some(f)) => {
                set_field(fields, "followup", crate::storage::followup::followup_value(f, one_line))
            }
            Edit::Followup(None) => {
                fields.remove("followup");
            }
            Edit::AddEvidence(e) => crate::storage::followup::add_evidence(fields, e, multiline),
            Edit::Carried(true) => set_field(fields, "carried", toml_edit::Value::from(true)),
            Edit::Carried(false) => {
                fields.remove("carried");
            }
        }
    }
    order_fields(entry);
    if let Some(t) = entry.as_inline_table_mut() {
        // One line: the standard spacing beats a half-kept hand spacing.
        t.fmt();
    }
    // An entry left empty goes, unless a person wrote a comment above it:
    // removing the entry would remove the comment with it.
    // A question's placeholder stays (see `layout`).
    if entry.as_table_like().is_some_and(TableLike::is_empty)
        && !has_comment(entry)
        && !crate::storage::layout::keeps_placeholder(questionnaire, key, inline)
    {
        answers.remove(key);
    }
    Ok(doc.to_string())
}

pub(super) fn has_comment(item: &Item) -> bool {
    let prefix = match item {
        Item::Table(t) => t.decor().prefix(),
        Item::Value(v) => v.decor().prefix(),
        _ => None,
    };
    prefix.and_then(|p| p.as_str()).is_some_and(|p| p.contains('#'))
}

/// Inserts an empty answer for `key` after the last existing answer that
/// comes before it in questionnaire order, so new files read in
/// questionnaire order and existing entries never move.
pub(in crate::storage) fn insert_in_order(
    answers: &mut dyn TableLike,
    key: &str,
    inline: bool,
    questionnaire: &Questionnaire,
) {
    let rank = questionnaire.order_of(key);
    let keys: Vec<String> = answers.iter().map(|(k, _)| k.to_string()).collect();
    let insert_at = keys.iter().rposition(|k| questionnaire.order_of(k) <= rank).map_or(0, |i| i + 1);
    // Re-insert the entries after the insertion point with their own
    // formatting (key repr, decor, position), so the new one lands between.
    let tail: Vec<(toml_edit::Key, Item)> = keys[insert_at..]
        .iter()
        .filter_map(|k| {
            let key = answers.key(k)?.clone();
            let item = answers.remove(k)?;
            Some((key, item))
        })
        .collect();
    let new_item = if inline {
        Item::Value(toml_edit::Value::InlineTable(toml_edit::InlineTable::new()))
    } else {
        Item::Table(Table::new())
    };
    answers.insert(key, new_item);
    for (k, item) in tail {
        answers.entry_format(&k).or_insert(item);
    }
}

pub(super) fn set_field(fields: &mut dyn TableLike, name: &str, value: toml_edit::Value) {
    match fields.get_mut(name) {
        Some(Item::Value(existing)) => {
            // Keep the person's spacing around the value.
            let decor = existing.decor().clone();
            *existing = value;
            *existing.decor_mut() = decor;
        }
        _ => {
            fields.insert(name, Item::Value(value));
        }
    }
}

/// `value`/`na` first, then `note`, then anything else, as the app writes
/// them. Entries already in that order are left untouched.
pub(super) fn order_fields(entry: &mut Item) {
    fn rank(k: &str) -> u8 {
        match k {
            "value" | "na" => 0,
            "note" => 1,
            _ => 2,
        }
    }
    let Some(fields) = entry.as_table_like() else {
        return;
    };
    let keys: Vec<String> = fields.iter().map(|(k, _)| k.to_string()).collect();
    if keys.windows(2).all(|w| rank(&w[0]) <= rank(&w[1])) {
        return;
    }
    match entry {
        Item::Table(t) => t.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get()))),
        Item::Value(toml_edit::Value::InlineTable(t)) => {
            t.sort_values_by(|a, _, b, _| rank(a.get()).cmp(&rank(b.get())))
        }
        _ => {}
    }
}
