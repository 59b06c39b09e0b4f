//! Property test of `merge-file`'s merge (product brief §12): for random
//! base/ours/theirs answer sets written as real vendor files, the merge keeps
//! every non-conflicting change of both sides and reports exactly the
//! conflicting keys; the result always parses, ours in force where they
//! conflict.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::domain::answers::{Edit, Value};
use ccvet::domain::merge::{Pick, pick};
use ccvet::storage::merge::merge_vendor;
use ccvet::storage::vendor::{Meta, VendorFile, apply};
use common::default_questionnaire;
use proptest::prelude::*;

const KEYS: usize = 6;

/// One answer as two fields: value and note.
type State = (Option<i64>, Option<String>);

fn state() -> impl Strategy<Value = State> {
    (prop::option::of(0i64..3), prop::option::of(prop_oneof![Just("x".to_string()), Just("y\nz".to_string())]))
}

/// A side: per key, keep the base's state (None) or a new one.
fn side() -> impl Strategy<Value = Vec<Option<State>>> {
    prop::collection::vec(prop::option::weighted(0.5, state()), KEYS)
}

fn write(start: &str, keys: &[String], states: &[State], crlf: bool) -> String {
    let q = default_questionnaire();
    let mut text = if crlf { start.replace('\n', "\r\n") } else { start.to_string() };
    for (key, (value, note)) in keys.iter().zip(states) {
        let value_edit = match value {
            Some(v) => Edit::Value(Value::Integer(*v)),
            None => Edit::Clear,
        };
        for edit in [value_edit, Edit::Note(note.clone())] {
            text = apply(&text, &q, key, &edit).unwrap();
            // As a save does: the file keeps its CRLF line ends.
            if crlf {
                text = text.replace("\r\n", "\n").replace('\n', "\r\n");
            }
        }
    }
    text
}

fn read(text: &str, keys: &[String]) -> Vec<State> {
    let v = VendorFile::parse(Path::new("m.toml"), text.to_string()).unwrap();
    keys.iter()
        .map(|k| {
            let a = v.answers.get(k);
            let value = a.and_then(|a| a.value.clone()).map(|v| match v {
                Value::Integer(n) => n,
                other => panic!("{other:?}"),
            });
            (value, a.and_then(|a| a.note.clone()))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn merge_keeps_every_non_conflicting_change_and_reports_exactly_the_conflicts(
        base in prop::collection::vec(state(), KEYS),
        ours in side(),
        theirs in side(),
        skeleton in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let q = default_questionnaire();
        // Neighbouring questions: the hardest case for a line merge.
        let keys: Vec<String> = q.questions().take(KEYS).map(|x| x.key.clone()).collect();
        let meta = Meta { vendor: "Acme".into(), ..Meta::default() };
        let start = if skeleton { VendorFile::new_text_for(&meta, &q) } else { VendorFile::new_text(&meta) };
        let resolve = |side: &[Option<State>]| -> Vec<State> {
            side.iter().zip(&base).map(|(s, b)| s.clone().unwrap_or_else(|| b.clone())).collect()
        };
        let (o, t) = (resolve(&ours), resolve(&theirs));
        let base_text = write(&start, &keys, &base, false);
        let ours_text = write(&base_text, &keys, &o, crlf);
        let theirs_text = write(&base_text, &keys, &t, false);
        let merged = merge_vendor(Path::new("m.toml"), &base_text, &ours_text, &theirs_text, &q).unwrap();
        let got = read(&merged.text, &keys);
        let mut expected_conflicts = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            let (b, o, t) = (&base[i], &o[i], &t[i]);
            let v = pick(b.0.as_ref(), o.0.as_ref(), t.0.as_ref());
            let n = pick(b.1.as_ref(), o.1.as_ref(), t.1.as_ref());
            if v == Pick::Conflict || n == Pick::Conflict {
                expected_conflicts.push(key.clone());
                prop_assert_eq!(&got[i], o, "{}: ours stays in force", key);
            } else {
                let value = if v == Pick::Theirs { t.0 } else { o.0 };
                let note = if n == Pick::Theirs { t.1.clone() } else { o.1.clone() };
                prop_assert_eq!(&got[i], &(value, note), "{}", key);
            }
        }
        let mut reported = merged.conflicts.clone();
        reported.sort();
        expected_conflicts.sort();
        prop_assert_eq!(reported, expected_conflicts);
        if crlf {
            prop_assert!(!merged.text.replace("\r\n", "").contains('\n'));
        }
        // Every conflict is readable from the file, theirs recorded beside ours.
        let v = VendorFile::parse(Path::new("m.toml"), merged.text.clone()).unwrap();
        let recorded: Vec<&str> = v.conflicts.iter().map(|c| c.key.as_str()).collect();
        prop_assert_eq!(recorded.len(), merged.conflicts.len());
        for c in &v.conflicts {
            let i = keys.iter().position(|k| *k == c.key).unwrap();
            let theirs_value = c.theirs.as_ref().and_then(|a| a.value.clone());
            prop_assert_eq!(theirs_value, t[i].0.map(Value::Integer));
        }
    }
}
