//! Hand-computed scoring cases: every kind and every edge case of the
//! product brief §3.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use ccvet::domain::answers::{Answer, Answers, Value};
use ccvet::domain::date::Date;
use ccvet::domain::scoring::{Outcome, score};
use common::questionnaire;

const Q: &str = r#"
id = "t"
title = "T"
[[bands]]
min = 80
label = { zh = "好", en = "Good" }
[[bands]]
min = 50
label = { zh = "中", en = "Fair" }
[[bands]]
min = 0
label = { zh = "差", en = "Poor" }

[[sections]]
id = "a"
weight = 3
title = "A"
[[sections.questions]]
id = "yes"
kind = "yesno"
weight = 2
text = "yes good"
[[sections.questions]]
id = "bad-yes"
kind = "yesno"
good = false
knockout = true
reason = { zh = "有", en = "says yes" }
text = "yes is bad"
[[sections.questions]]
id = "pick"
kind = "choice"
weight = 3
text = "choice"
options = [
  { id = "hi", label = "hi", score = 1.0 },
  { id = "mid", label = "mid", score = 0.5 },
  { id = "ko", label = "ko", score = 0.0, knockout = true, reason = "red" },
]
[[sections.questions]]
id = "many"
kind = "multi"
text = "multi"
allow_na = true
options = [
  { id = "x", label = "x", score = 0.5 },
  { id = "y", label = "y", score = 0.75 },
  { id = "z", label = "z", score = 0.1, knockout = true },
]
[[sections.questions]]
id = "note"
kind = "text"
weight = 100
text = "free text"

[[sections]]
id = "b"
weight = 1
title = "B"
[[sections.questions]]
id = "stars"
kind = "rating"
max = 4
weight = 1.5
text = "rating"
[[sections.questions]]
id = "money"
kind = "number"
text = "number"
thresholds = [ { min = 1000, score = 1.0 }, { min = 500, score = 0.5 }, { min = 100, score = 0.2 } ]
[[sections.questions]]
id = "expiry"
kind = "date"
knockout = true
text = "date"
thresholds = [ { min = 12, score = 1.0 }, { min = 6, score = 0.6 }, { min = 0, score = 0.2 } ]
[[sections.questions]]
id = "zero"
kind = "yesno"
weight = 0
allow_na = true
text = "weightless"
"#;

fn val(v: Value) -> Answer {
    Answer { value: Some(v), ..Answer::default() }
}

fn na() -> Answer {
    Answer { na: true, ..Answer::default() }
}

fn answers(list: &[(&str, Answer)]) -> Answers {
    list.iter().map(|(k, a)| (k.to_string(), a.clone())).collect()
}

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn s(v: &str) -> Value {
    Value::Str(v.to_string())
}

const TODAY: &str = "2026-11-24";

fn close(a: Option<f64>, b: f64) {
    let a = a.unwrap_or_else(|| panic!("expected {b}, got None"));
    assert!((a - b).abs() < 1e-9, "expected {b}, got {a}");
}

#[test]
fn nothing_answered_has_no_score_but_a_full_range() {
    let q = questionnaire(Q);
    let r = score(&q, &Answers::new(), Some(d(TODAY)));
    assert_eq!(r.score, None);
    assert_eq!(r.band, None);
    close(r.min, 0.0);
    close(r.max, 100.0);
    assert_eq!(r.answered, 0);
    // text questions are never counted
    assert_eq!(r.total, 8);
    assert_eq!(r.sections[0].total, 4);
    assert_eq!(r.sections[1].total, 4);
    assert!(r.sections.iter().all(|s| s.score.is_none()));
}

#[test]
fn yesno_choice_and_multi_by_hand() {
    let q = questionnaire(Q);
    let a = answers(&[
        ("a.yes", val(Value::Bool(true))),                  // w2 s1
        ("a.bad-yes", val(Value::Bool(false))),             // w1 s1 (good = false)
        ("a.pick", val(s("mid"))),                          // w3 s0.5
        ("a.many", val(Value::List(vec![s("x"), s("y")]))), // w1 min(1, 1.25) = 1
    ]);
    let r = score(&q, &a, Some(d(TODAY)));
    // section a: (2 + 1 + 1.5 + 1) / 7 = 5.5 / 7
    close(r.sections[0].score, 5.5 / 7.0 * 100.0);
    close(r.sections[0].min, 5.5 / 7.0 * 100.0);
    assert_eq!(r.sections[0].answered, 4);
    // section b has nothing answered: no score; overall = section a's
    assert_eq!(r.sections[1].score, None);
    close(r.score, 5.5 / 7.0 * 100.0);
    assert_eq!(r.band, Some(1)); // 78.6 → Fair
    // range: a is complete (78.57); b is 0..100 with weight 1 of 4
    close(r.min, (3.0 * 5.5 / 7.0 * 100.0) / 4.0);
    close(r.max, (3.0 * 5.5 / 7.0 * 100.0 + 100.0) / 4.0);
    assert!(!r.disqualified());
}

#[test]
fn knockouts_from_every_source_in_questionnaire_order() {
    let q = questionnaire(Q);
    let a = answers(&[
        ("b.expiry", val(Value::Date(d("2026-11-23")))), // yesterday: expired
        ("a.bad-yes", val(Value::Bool(true))),
        ("a.pick", val(s("ko"))),
        ("a.many", val(Value::List(vec![s("z")]))),
    ]);
    let r = score(&q, &a, Some(d(TODAY)));
    let keys: Vec<&str> = r.knockouts.iter().map(|k| k.key.as_str()).collect();
    assert_eq!(keys, ["a.bad-yes", "a.pick", "a.many", "b.expiry"]);
    assert_eq!(r.knockouts[0].reason.as_ref().unwrap().en, "says yes");
    assert_eq!(r.knockouts[1].reason.as_ref().unwrap().en, "red");
    assert!(r.knockouts[2].reason.is_none());
    assert!(r.disqualified());
    // the score is still computed
    // a: bad-yes 0 (w1) + pick 0 (w3) + many 0.1 (w1) = 0.1 / 5
    close(r.sections[0].score, 0.1 / 5.0 * 100.0);
    // b: expired date scores 0
    close(r.sections[1].score, 0.0);
}

#[test]
fn rating_number_and_date_by_hand() {
    let q = questionnaire(Q);
    let a = answers(&[
        ("b.stars", val(Value::Integer(3))),             // w1.5 s0.75
        ("b.money", val(Value::Float(999.5))),           // w1 s0.5
        ("b.expiry", val(Value::Date(d("2027-11-23")))), // 11 months → 0.6
    ]);
    let r = score(&q, &a, Some(d(TODAY)));
    let expected = (1.5 * 0.75 + 0.5 + 0.6) / 3.5 * 100.0;
    close(r.sections[1].score, expected);
    // the weight-0 question is open: it widens nothing
    close(r.sections[1].min, expected);
    close(r.sections[1].max, expected);
    let a = answers(&[
        ("b.money", val(Value::Integer(99))),            // below every threshold → 0
        ("b.expiry", val(Value::Date(d("2027-11-24")))), // 12 months → 1.0
    ]);
    let r = score(&q, &a, Some(d(TODAY)));
    close(r.sections[1].score, (0.0 + 1.0) / 2.0 * 100.0);
    // today itself is not expired: 0 months → 0.2
    let a = answers(&[("b.expiry", val(Value::Date(d(TODAY))))]);
    let r = score(&q, &a, Some(d(TODAY)));
    close(r.sections[1].score, 20.0);
    assert!(!r.disqualified());
}

#[test]
fn na_leaves_numerator_and_denominator_only_where_allowed() {
    let q = questionnaire(Q);
    let a = answers(&[("a.yes", val(Value::Bool(true))), ("a.many", na())]);
    let r = score(&q, &a, Some(d(TODAY)));
    close(r.sections[0].score, 100.0);
    assert_eq!(r.sections[0].answered, 2);
    // section a max: answered 2 of weight 2, open bad-yes (1) and pick (3)
    close(r.sections[0].min, 2.0 / 6.0 * 100.0);
    // N/A where not allowed: a warning, and the question is unanswered
    let a = answers(&[("a.yes", na())]);
    let r = score(&q, &a, Some(d(TODAY)));
    assert_eq!(r.sections[0].score, None);
    assert_eq!(r.answered, 0);
    assert!(matches!(r.outcomes[0][0], Outcome::Invalid(_)));
    assert_eq!(r.issues.len(), 1);
    assert_eq!(r.issues[0].key, "a.yes");
}

#[test]
fn a_section_of_only_zero_weights_has_no_score_and_no_range() {
    let q = questionnaire(
        r#"
id = "z"
title = "Z"
[[sections]]
id = "a"
title = "A"
[[sections.questions]]
id = "q"
kind = "yesno"
weight = 0
text = "q"
[[sections]]
id = "b"
title = "B"
weight = 2
[[sections.questions]]
id = "q"
kind = "yesno"
text = "q"
"#,
    );
    let a = answers(&[("a.q", val(Value::Bool(true)))]);
    let r = score(&q, &a, None);
    assert_eq!(r.sections[0].score, None);
    assert_eq!(r.sections[0].min, None);
    assert_eq!(r.sections[0].answered, 1);
    assert_eq!(r.score, None);
    // only section b takes part in the range
    close(r.min, 0.0);
    close(r.max, 100.0);
}

#[test]
fn all_na_has_no_range_and_overall_is_null() {
    let q = questionnaire(
        r#"
id = "z"
title = "Z"
[[sections]]
id = "a"
title = "A"
[[sections.questions]]
id = "q"
kind = "yesno"
allow_na = true
text = "q"
"#,
    );
    let r = score(&q, &answers(&[("a.q", na())]), None);
    assert_eq!((r.score, r.min, r.max), (None, None, None));
    assert_eq!((r.answered, r.total), (1, 1));
}

#[test]
fn fractional_and_zero_section_weights() {
    let q = questionnaire(
        r#"
id = "w"
title = "W"
[[sections]]
id = "a"
title = "A"
weight = 0.5
[[sections.questions]]
id = "q"
kind = "yesno"
text = "q"
[[sections]]
id = "b"
title = "B"
weight = 0
[[sections.questions]]
id = "q"
kind = "yesno"
text = "q"
[[sections]]
id = "c"
title = "C"
weight = 1.5
[[sections.questions]]
id = "q"
kind = "rating"
max = 10
text = "q"
"#,
    );
    let a =
        answers(&[("a.q", val(Value::Bool(true))), ("b.q", val(Value::Bool(false))), ("c.q", val(Value::Integer(7)))]);
    let r = score(&q, &a, None);
    close(r.score, (0.5 * 100.0 + 0.0 * 0.0 + 1.5 * 70.0) / 2.0);
    close(r.min, (0.5 * 100.0 + 1.5 * 70.0) / 2.0);
    close(r.max, (0.5 * 100.0 + 1.5 * 70.0) / 2.0);
}

#[test]
fn only_zero_weight_sections_scored_gives_null_overall() {
    let q = questionnaire(
        r#"
id = "w"
title = "W"
[[sections]]
id = "a"
title = "A"
weight = 0
[[sections.questions]]
id = "q"
kind = "yesno"
text = "q"
"#,
    );
    let r = score(&q, &answers(&[("a.q", val(Value::Bool(true)))]), None);
    close(r.sections[0].score, 100.0);
    assert_eq!((r.score, r.min, r.max), (None, None, None));
}

#[test]
fn orphans_and_wrong_values_are_kept_flagged_and_never_scored() {
    let q = questionnaire(Q);
    let a = answers(&[
        ("a.gone", val(Value::Bool(true))),
        ("zz.old", val(s("x"))),
        ("a.yes", val(s("yes"))),   // wrong type
        ("a.pick", val(s("nope"))), // unknown option
        ("a.many", val(Value::List(vec![s("x"), Value::Integer(1)]))),
        ("b.stars", val(Value::Integer(5))), // above max 4
        ("b.money", val(Value::Float(f64::NAN))),
        ("b.expiry", val(s("2027-01-01"))), // a string, not a date
        ("a.note", val(Value::Integer(3))), // text takes a string
    ]);
    let r = score(&q, &a, Some(d(TODAY)));
    assert_eq!(r.orphans, ["a.gone", "zz.old"]);
    assert_eq!(r.score, None);
    assert_eq!(r.answered, 0);
    let flagged: Vec<&str> = r.issues.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(flagged, ["a.yes", "a.pick", "a.many", "a.note", "b.stars", "b.money", "b.expiry"]);
}

#[test]
fn a_date_cannot_be_scored_without_an_assessment_date() {
    let q = questionnaire(Q);
    let a = answers(&[("b.expiry", val(Value::Date(d("2030-01-01"))))]);
    let r = score(&q, &a, None);
    assert_eq!(r.answered, 0);
    assert_eq!(r.issues.len(), 1);
}

#[test]
fn multi_counts_a_repeated_option_once_and_empty_as_unanswered() {
    let q = questionnaire(Q);
    let r = score(&q, &answers(&[("a.many", val(Value::List(vec![s("x"), s("x")])))]), None);
    close(r.sections[0].score, 50.0);
    // Nothing ticked is no answer, as when every box is unticked in the
    // app; "none of these" is an exclusive option.
    let r = score(&q, &answers(&[("a.many", val(Value::List(vec![])))]), None);
    assert_eq!(r.sections[0].score, None);
    assert_eq!(r.outcomes[0][3], Outcome::Unanswered);
    assert_eq!(r.answered, 0);
}

#[test]
fn bands_pick_the_first_whose_min_is_reached() {
    let q = questionnaire(Q);
    let r = score(&q, &answers(&[("a.yes", val(Value::Bool(true)))]), None);
    assert_eq!(r.band, Some(0));
    let r = score(&q, &answers(&[("a.pick", val(s("mid")))]), None);
    close(r.score, 50.0);
    assert_eq!(r.band, Some(1), "50 is exactly the Fair band's min");
    let r = score(&q, &answers(&[("a.yes", val(Value::Bool(false)))]), None);
    assert_eq!(r.band, Some(2));
}

#[test]
fn a_complete_default_interview_has_min_max_and_score_equal() {
    let q = common::default_questionnaire();
    // answer every question with its best value
    let mut a = Answers::new();
    for question in q.questions() {
        use ccvet::domain::questionnaire::Kind;
        let v = match &question.kind {
            Kind::YesNo { good, .. } => Value::Bool(*good),
            Kind::Choice { options } => s(&options[0].id),
            Kind::Multi { options } => Value::List(options.iter().filter(|o| !o.exclusive).map(|o| s(&o.id)).collect()),
            Kind::Rating { max } => Value::Integer(i64::from(*max)),
            Kind::Number { .. } => Value::Integer(1),
            Kind::Date { .. } => Value::Date(d("2030-01-01")),
            Kind::Text => s("x"),
        };
        a.insert(question.key.clone(), val(v));
    }
    let r = score(&q, &a, Some(d(TODAY)));
    // the best licence is a nationwide one: no provinces to list
    assert_eq!(r.hidden, ["basic.licence-provinces"]);
    assert!(r.issues.is_empty(), "{:?}", r.issues);
    assert_eq!(r.answered, r.total);
    assert_eq!(r.min, r.score);
    assert_eq!(r.max, r.score);
}

#[test]
fn a_score_on_a_band_boundary_reaches_the_band_despite_rounding() {
    // (7·0.7 + 7·1) / 14 × 100 is 85 on paper, 84.99999999999999 in f64.
    let q = questionnaire(
        r#"
id = "b"
title = "B"
[[bands]]
min = 85
label = "Recommended"
[[bands]]
min = 0
label = "Other"
[[sections]]
id = "s"
title = "S"
[[sections.questions]]
id = "c"
kind = "choice"
weight = 7
text = "c"
options = [ { id = "mature", label = "m", score = 0.7 } ]
[[sections.questions]]
id = "y"
kind = "yesno"
weight = 7
text = "y"
"#,
    );
    let r = score(&q, &answers(&[("s.c", val(s("mature"))), ("s.y", val(Value::Bool(true)))]), None);
    assert!(r.score.unwrap() < 85.0, "the premise: f64 lands below 85");
    assert_eq!(r.band, Some(0));
}
