//! Hand-computed cases of questionnaire v2 (product brief §10): every
//! `show_if` form on questions and sections, exclusive options, renamed
//! questions, and the incremental re-score agreeing with a full one.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use ccvet::domain::answers::{Answer, Answers, Value};
use ccvet::domain::input::{parse_input, toggle_option};
use ccvet::domain::scoring::{Outcome, rescore, score};
use common::questionnaire;

const Q: &str = r#"
id = "v2"
title = "V2"

[[sections]]
id = "a"
title = "A"
[[sections.questions]]
id = "kind"
kind = "choice"
allow_na = true
text = "kind"
options = [ { id = "p", label = "p", score = 1.0 }, { id = "n", label = "n", score = 0.0 } ]
[[sections.questions]]
id = "yes"
kind = "yesno"
text = "yes"
[[sections.questions]]
id = "num"
kind = "number"
text = "num"
thresholds = [ { min = 0, score = 0.5 }, { min = 100, score = 1.0 } ]
[[sections.questions]]
id = "rate"
kind = "rating"
text = "rate"
[[sections.questions]]
id = "tags"
kind = "multi"
text = "tags"
options = [
  { id = "t1", label = "t1", score = 0.5 },
  { id = "t2", label = "t2", score = 0.5 },
  { id = "none", label = "none", score = 0.0, exclusive = true },
]
[[sections.questions]]
id = "if-any"
kind = "yesno"
weight = 2
text = "shown when kind is p"
show_if = { question = "a.kind", any = ["p"] }
[[sections.questions]]
id = "if-is"
kind = "yesno"
weight = 2
knockout = true
text = "shown when yes is true"
show_if = { question = "yes", is = true }
[[sections.questions]]
id = "if-min"
kind = "yesno"
weight = 2
text = "shown when num >= 100"
show_if = { question = "a.num", min = 100 }
[[sections.questions]]
id = "if-max"
kind = "yesno"
weight = 2
text = "shown when rate <= 2"
show_if = { question = "a.rate", max = 2 }
[[sections.questions]]
id = "if-multi"
kind = "yesno"
weight = 2
text = "shown when t2 is ticked"
show_if = { question = "a.tags", any = ["t2"] }
[[sections.questions]]
id = "chain"
kind = "yesno"
text = "shown when if-any is yes"
show_if = { question = "a.if-any", is = true }

[[sections]]
id = "b"
title = "B"
show_if = { question = "a.yes", is = false }
[[sections.questions]]
id = "q"
kind = "yesno"
text = "b"

[[sections]]
id = "c"
title = "C"
[[sections.questions]]
id = "q"
kind = "yesno"
text = "c"
renamed_from = "old"
"#;

fn val(v: Value) -> Answer {
    Answer { value: Some(v), ..Answer::default() }
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter().map(|(k, a)| (k.to_string(), a.clone())).collect()
}

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got None"));
    assert!((a - b).abs() < 1e-9, "expected {b}, got {a}");
}

#[test]
fn an_unanswered_controller_meets_no_condition() {
    let q = questionnaire(Q);
    let r = score(&q, &Answers::new(), None);
    assert_eq!(r.hidden, ["a.if-any", "a.if-is", "a.if-min", "a.if-max", "a.if-multi", "a.chain", "b.q"]);
    // five questions of a, one of c; b takes no part in the range
    assert_eq!((r.answered, r.total), (0, 6));
    assert_eq!(r.sections[1].total, 0);
    assert_eq!((r.sections[1].min, r.sections[1].max), (None, None));
    close(r.min, 0.0);
    close(r.max, 100.0);
}

#[test]
fn every_condition_form_by_hand() {
    let q = questionnaire(Q);
    let a = answers(&[
        ("a.kind", val(s("p"))),                     // shows if-any
        ("a.yes", val(Value::Bool(true))),           // shows if-is, hides section b
        ("a.num", val(Value::Integer(150))),         // shows if-min
        ("a.rate", val(Value::Integer(3))),          // 3 > 2: if-max hidden
        ("a.tags", val(Value::List(vec![s("t1")]))), // no t2: if-multi hidden
        ("a.if-any", val(Value::Bool(true))),        // shows chain
        ("a.if-is", val(Value::Bool(false))),        // a red line
        ("a.if-max", val(Value::Bool(true))),        // hidden: kept, not counted
        ("b.q", val(Value::Bool(true))),             // hidden section: kept, not counted
    ]);
    let r = score(&q, &a, None);
    assert_eq!(r.hidden, ["a.if-max", "a.if-multi", "b.q"]);
    assert_eq!(r.outcomes[0][8], Outcome::Hidden);
    assert_eq!(r.outcomes[1][0], Outcome::Hidden);
    assert!(r.orphans.is_empty());
    // a: kind 1·1, yes 1·1, num 1·1, rate 1·0.6, tags 1·0.5, if-any 2·1,
    // if-is 2·0 over 9 answered; if-min (2) and chain (1) open.
    close(r.sections[0].score, 6.1 / 9.0 * 100.0);
    close(r.sections[0].min, 6.1 / 12.0 * 100.0);
    close(r.sections[0].max, 9.1 / 12.0 * 100.0);
    assert_eq!((r.sections[0].answered, r.sections[0].total), (7, 9));
    // c has no score yet: the overall is a's; the range averages a and c.
    close(r.score, 6.1 / 9.0 * 100.0);
    close(r.min, (6.1 / 12.0 * 100.0 + 0.0) / 2.0);
    close(r.max, (9.1 / 12.0 * 100.0 + 100.0) / 2.0);
    assert_eq!((r.answered, r.total), (7, 10));
    assert_eq!(r.knockouts.iter().map(|k| k.key.as_str()).collect::<Vec<_>>(), ["a.if-is"]);

    // yes = false: if-is goes (and its red line with it), section b comes.
    let mut a2 = a.clone();
    a2.insert("a.yes".into(), val(Value::Bool(false)));
    let r = score(&q, &a2, None);
    assert!(r.knockouts.is_empty());
    assert_eq!(r.hidden, ["a.if-is", "a.if-max", "a.if-multi"]);
    close(r.sections[1].score, 100.0);
    assert_eq!((r.answered, r.total), (7, 10));

    // Bounds are inclusive: num = 100 and rate = 2 meet min and max;
    // 99.5 does not.
    let mut a3 = a.clone();
    a3.insert("a.num".into(), val(Value::Integer(100)));
    a3.insert("a.rate".into(), val(Value::Integer(2)));
    assert!(!score(&q, &a3, None).hidden.contains(&"a.if-min".to_string()));
    assert!(!score(&q, &a3, None).hidden.contains(&"a.if-max".to_string()));
    a3.insert("a.num".into(), val(Value::Float(99.5)));
    assert!(score(&q, &a3, None).hidden.contains(&"a.if-min".to_string()));

    // any on a multi: t2 among the ticks.
    let mut a4 = a.clone();
    a4.insert("a.tags".into(), val(Value::List(vec![s("t1"), s("t2")])));
    assert!(!score(&q, &a4, None).hidden.contains(&"a.if-multi".to_string()));
}

#[test]
fn an_na_invalid_or_hidden_controller_meets_no_condition() {
    let q = questionnaire(Q);
    let na = Answer { na: true, ..Answer::default() };
    let r = score(&q, &answers(&[("a.kind", na)]), None);
    assert!(r.hidden.contains(&"a.if-any".to_string()));
    let r = score(&q, &answers(&[("a.kind", val(s("nope")))]), None);
    assert!(r.hidden.contains(&"a.if-any".to_string()));
    // if-any answered yes but hidden (kind = n): chain stays hidden.
    let r = score(&q, &answers(&[("a.kind", val(s("n"))), ("a.if-any", val(Value::Bool(true)))]), None);
    assert!(r.hidden.contains(&"a.if-any".to_string()) && r.hidden.contains(&"a.chain".to_string()));
    let r = score(&q, &answers(&[("a.kind", val(s("p"))), ("a.if-any", val(Value::Bool(true)))]), None);
    assert!(!r.hidden.contains(&"a.chain".to_string()));
}

#[test]
fn incremental_rescoring_follows_the_questions_a_controller_shows_and_hides() {
    let q = questionnaire(Q);
    let mut a = answers(&[("a.if-is", val(Value::Bool(false))), ("b.q", val(Value::Bool(false)))]);
    let mut r = score(&q, &a, None);
    for (key, v) in [
        ("a.yes", Value::Bool(true)),
        ("a.if-any", Value::Bool(true)),
        ("a.kind", s("p")),
        ("a.yes", Value::Bool(false)),
        ("a.tags", Value::List(vec![s("t2")])),
        ("a.kind", s("n")),
    ] {
        a.insert(key.into(), val(v));
        rescore(&q, &mut r, &a, None, key);
        assert_eq!(r, score(&q, &a, None), "after {key}");
    }
}

#[test]
fn exclusive_options_stand_alone() {
    let q = questionnaire(Q);
    let r = score(&q, &answers(&[("a.tags", val(Value::List(vec![s("none")])))]), None);
    assert_eq!(r.outcomes[0][4], Outcome::Scored { s: 0.0, knockout: false });
    assert_eq!(r.answered, 1);
    // combined with another: flagged, never silently fixed
    let r = score(&q, &answers(&[("a.tags", val(Value::List(vec![s("t1"), s("none")])))]), None);
    assert!(matches!(&r.outcomes[0][4], Outcome::Invalid(m) if m.contains("`none` is chosen alone")));
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.answered, 0);

    // typing: refused with a sentence
    let tags = q.question("a.tags").unwrap();
    let err = parse_input(tags, "t1,none").unwrap_err();
    assert_eq!(err, "`none` is chosen alone or not at all, not together with other options");
    let err = parse_input(tags, "").unwrap_err();
    assert_eq!(err, "a multi question takes at least one option id; if none applies, answer `none`");
    assert_eq!(parse_input(tags, "none").unwrap(), Value::List(vec![s("none")]));

    // toggling: none clears the others, another clears none
    let options = tags.kind.options();
    let chosen = toggle_option(options, &[s("t1"), s("t2")], "none");
    assert_eq!(chosen, [s("none")]);
    let chosen = toggle_option(options, &chosen, "t2");
    assert_eq!(chosen, [s("t2")]);
    let chosen = toggle_option(options, &chosen, "t1");
    assert_eq!(chosen, [s("t1"), s("t2")]);
    assert!(toggle_option(options, &[s("t1")], "t1").is_empty());
}

#[test]
fn answers_under_a_renamed_key_count_for_the_new_question() {
    let q = questionnaire(Q);
    let r = score(&q, &answers(&[("c.old", val(Value::Bool(true)))]), None);
    assert!(r.orphans.is_empty());
    assert_eq!(r.outcomes[2][0], Outcome::Scored { s: 1.0, knockout: false });
    close(r.score, 100.0);
    // both keys: the new one counts, the old one is an orphan (kept)
    let r = score(&q, &answers(&[("c.old", val(Value::Bool(true))), ("c.q", val(Value::Bool(false)))]), None);
    assert_eq!(r.orphans, ["c.old"]);
    close(r.score, 0.0);
    // moved in memory as the next save moves it in the file
    let mut a = answers(&[("c.old", val(Value::Bool(true)))]);
    assert_eq!(q.adopt_renamed(&mut a), 1);
    assert_eq!(a.keys().collect::<Vec<_>>(), ["c.q"]);
}

#[test]
fn a_save_moves_renamed_answers_in_an_inline_styled_file_with_their_comments() {
    let q = questionnaire(Q);
    let text = "vendor = \"v\"\nquestionnaire_version = 1\n\n[answers]\n# checked by hand\n\"c.old\" = { value = true, note = \"seen\" }\n\"a.yes\" = { value = true }\n";
    let edit = ccvet::domain::answers::Edit::Value(Value::Bool(false));
    let out = ccvet::storage::vendor::apply(text, &q, "a.yes", &edit).unwrap();
    assert_eq!(
        out,
        "vendor = \"v\"\nquestionnaire_version = 1\n\n[answers]\n# checked by hand\n\"c.q\" = { value = true, note = \"seen\" }\n\"a.yes\" = { value = false }\n"
    );
    // and a file with nothing to move keeps its version and gains no answer
    // (only the empty per-question headers every vendor file now has)
    let plain = "vendor = \"v\"\nquestionnaire_version = 1\n";
    let edit = ccvet::domain::answers::Edit::Clear;
    let out = ccvet::storage::vendor::apply(plain, &q, "a.yes", &edit).unwrap();
    assert!(out.starts_with(plain), "{out}");
    assert!(!out.contains("value") && !out.contains("c.old"), "{out}");
}
