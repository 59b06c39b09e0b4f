//! Three-way merge of records, the core of `ccvet merge-file` (the git
//! merge driver, product brief §12).
//!
//! A vendor file is a set of slots: each header field, and each field of
//! each answer. A slot that only one side changed takes that side's
//! version; a slot both sides changed the same way is that version; a slot
//! both changed differently is a conflict. An answer with a conflicting
//! slot is a conflict as a whole: ours stays, theirs and the base are
//! recorded beside it. Different answers never conflict, wherever they sit
//! in the file. Generic over the value type, so the rules are tested here
//! without any file format.

use std::collections::{BTreeMap, BTreeSet};

use super::answers::Answer;

/// Whose version a slot takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pick {
    Ours,
    Theirs,
    Conflict,
}

/// The three-way rule for one slot (`None`: the slot is absent).
pub fn pick<V: PartialEq>(base: Option<&V>, ours: Option<&V>, theirs: Option<&V>) -> Pick {
    if ours == theirs || theirs == base {
        Pick::Ours
    } else if ours == base {
        Pick::Theirs
    } else {
        Pick::Conflict
    }
}

/// What merging two maps of slots decided: the keys to take from theirs
/// (a key absent there is removed) and the keys in conflict, both sorted.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapMerge {
    pub take_theirs: Vec<String>,
    pub conflicts: Vec<String>,
}

/// Merges maps slot by slot.
pub fn merge_maps<V: PartialEq>(
    base: &BTreeMap<String, V>,
    ours: &BTreeMap<String, V>,
    theirs: &BTreeMap<String, V>,
) -> MapMerge {
    let keys: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    let mut out = MapMerge::default();
    for key in keys {
        match pick(base.get(key), ours.get(key), theirs.get(key)) {
            Pick::Ours => {}
            Pick::Theirs => out.take_theirs.push(key.clone()),
            Pick::Conflict => out.conflicts.push(key.clone()),
        }
    }
    out
}

/// The fields of one answer (or of any record), by name.
pub type Fields<V> = BTreeMap<String, V>;

/// What to do with one record (answer) of ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordMerge {
    /// Take these fields from theirs (removing those theirs lacks).
    TakeFields(Vec<String>),
    /// Both sides changed it differently: ours stays, theirs and the base
    /// are recorded beside it.
    Conflict,
}

/// Merges records (answers) key by key, each field by field. An absent
/// record is the same as one without fields. Only records that change are
/// listed, in key order.
pub fn merge_records<V: PartialEq>(
    base: &BTreeMap<String, Fields<V>>,
    ours: &BTreeMap<String, Fields<V>>,
    theirs: &BTreeMap<String, Fields<V>>,
) -> Vec<(String, RecordMerge)> {
    let empty = Fields::new();
    let keys: BTreeSet<&String> = base.keys().chain(ours.keys()).chain(theirs.keys()).collect();
    let mut out = Vec::new();
    for key in keys {
        let fields = merge_maps(
            base.get(key).unwrap_or(&empty),
            ours.get(key).unwrap_or(&empty),
            theirs.get(key).unwrap_or(&empty),
        );
        if !fields.conflicts.is_empty() {
            out.push((key.clone(), RecordMerge::Conflict));
        } else if !fields.take_theirs.is_empty() {
            out.push((key.clone(), RecordMerge::TakeFields(fields.take_theirs)));
        }
    }
    out
}

/// Merges lists of items with identity (review comments): ours in order,
/// then what theirs added; an item one side removed from the base is gone.
pub fn merge_list<T: PartialEq + Clone>(base: &[T], ours: &[T], theirs: &[T]) -> Vec<T> {
    let removed_by_theirs = |item: &T| base.contains(item) && !theirs.contains(item);
    let mut out: Vec<T> = ours.iter().filter(|i| !removed_by_theirs(i)).cloned().collect();
    for item in theirs {
        if !base.contains(item) && !out.contains(item) {
            out.push(item.clone());
        }
    }
    out
}

/// An answer left in conflict by a merge: ours is the answer in force;
/// theirs and the base (`None`: no answer there) are recorded beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct AnswerConflict {
    pub key: String,
    pub theirs: Option<Answer>,
    pub base: Option<Answer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(pairs: &[(&str, i32)]) -> BTreeMap<String, i32> {
        pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect()
    }

    #[test]
    fn one_sided_changes_win_and_different_changes_conflict() {
        assert_eq!(pick(Some(&1), Some(&1), Some(&2)), Pick::Theirs);
        assert_eq!(pick(Some(&1), Some(&2), Some(&1)), Pick::Ours);
        assert_eq!(pick(Some(&1), Some(&2), Some(&2)), Pick::Ours);
        assert_eq!(pick(Some(&1), Some(&2), Some(&3)), Pick::Conflict);
        assert_eq!(pick(None, Some(&2), None), Pick::Ours);
        assert_eq!(pick(None, None, Some(&2)), Pick::Theirs);
        assert_eq!(pick(Some(&1), None, Some(&1)), Pick::Ours);
        assert_eq!(pick(Some(&1), Some(&1), None), Pick::Theirs);
        assert_eq!(pick(Some(&1), None, Some(&2)), Pick::Conflict);
        let out = merge_maps(&m(&[("a", 1), ("b", 1)]), &m(&[("a", 2), ("b", 1)]), &m(&[("a", 1), ("c", 3)]));
        assert_eq!(out.take_theirs, vec!["b".to_string(), "c".to_string()]);
        assert!(out.conflicts.is_empty());
    }

    #[test]
    fn records_conflict_only_when_a_field_does() {
        let r = |pairs: &[(&str, &[(&str, i32)])]| -> BTreeMap<String, Fields<i32>> {
            pairs.iter().map(|(k, f)| (k.to_string(), m(f))).collect()
        };
        let base = r(&[("x", &[("value", 1)]), ("y", &[("value", 1)])]);
        let ours = r(&[("x", &[("value", 1), ("note", 5)]), ("y", &[("value", 2)])]);
        let theirs = r(&[("x", &[("value", 3)]), ("y", &[("value", 3)]), ("z", &[("na", 1)])]);
        assert_eq!(
            merge_records(&base, &ours, &theirs),
            vec![
                ("x".to_string(), RecordMerge::TakeFields(vec!["value".to_string()])),
                ("y".to_string(), RecordMerge::Conflict),
                ("z".to_string(), RecordMerge::TakeFields(vec!["na".to_string()])),
            ]
        );
    }

    #[test]
    fn lists_keep_both_sides_additions_and_either_sides_removals() {
        assert_eq!(merge_list(&[1, 2, 3], &[1, 3, 4], &[2, 3, 5]), vec![3, 4, 5]);
        assert_eq!(merge_list(&[], &[1], &[1, 2]), vec![1, 2]);
    }
}
