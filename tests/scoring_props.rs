//! Property tests of the scoring invariants (product brief §3) on random
//! questionnaires and random answers, including wrong and N/A answers.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use ccvet::domain::answers::{Answer, Answers, Value};
use ccvet::domain::conditions::{Condition, Test};
use ccvet::domain::date::Date;
use ccvet::domain::questionnaire::{ChoiceOption, Kind, Knockout, Question, Questionnaire, Section, Threshold};
use ccvet::domain::scoring::{Outcome, ScoreReport, rescore, score};
use ccvet::domain::text::LText;
use ccvet::storage::vendor::VendorFile;
use proptest::prelude::*;

const EPS: f64 = 1e-9;

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.0), Just(1.0), Just(0.5), Just(2.0), 0.0f64..20.0]
}

fn options() -> impl Strategy<Value = Vec<ChoiceOption>> {
    prop::collection::vec((0.0f64..=1.0, any::<bool>()), 1..5).prop_map(|v| {
        v.into_iter()
            .enumerate()
            .map(|(i, (score, ko))| ChoiceOption {
                id: format!("o{i}"),
                label: LText::same(format!("o{i}")),
                score,
                knockout: (ko && i % 3 == 2).then(Knockout::default),
                span: 0..0,
                exclusive: false,
            })
            .collect()
    })
}

fn thresholds() -> impl Strategy<Value = Vec<Threshold>> {
    prop::collection::btree_map(-5i32..40, 0.0f64..=1.0, 1..4)
        .prop_map(|m| m.into_iter().map(|(min, score)| Threshold { min: f64::from(min), score, span: 0..0 }).collect())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        (any::<bool>(), any::<bool>())
            .prop_map(|(good, ko)| Kind::YesNo { good, knockout: ko.then(Knockout::default) }),
        options().prop_map(|options| Kind::Choice { options }),
        (options(), any::<bool>()).prop_map(|(mut options, none)| {
            // now and then a last "none of these" option
            if none {
                let i = options.len();
                options.push(ChoiceOption {
                    id: format!("o{i}"),
                    label: LText::same("none"),
                    score: 0.0,
                    knockout: None,
                    span: 0..0,
                    exclusive: true,
                });
            }
            Kind::Multi { options }
        }),
        (1u32..10).prop_map(|max| Kind::Rating { max }),
        thresholds().prop_map(|thresholds| Kind::Number { thresholds, unit: None }),
        (thresholds(), any::<bool>())
            .prop_map(|(thresholds, ko)| Kind::Date { thresholds, knockout: ko.then(Knockout::default) }),
        Just(Kind::Text),
    ]
}

/// A `show_if` on the question at `at` controlled by an earlier one (so
/// never a cycle), with a test that fits its kind; `None` for some picks.
fn condition(flat: &[Question], at: usize, (c, p): (u8, u64)) -> Option<Condition> {
    if at == 0 || c % 3 != 0 {
        return None;
    }
    let controller = &flat[p as usize % at];
    let test = match &controller.kind {
        Kind::Choice { options } | Kind::Multi { options } => {
            let ids: Vec<String> = options
                .iter()
                .enumerate()
                .filter(|(i, _)| (p >> (8 + i)) & 1 == 1)
                .map(|(_, o)| o.id.clone())
                .collect();
            Test::Any(if ids.is_empty() { vec![options[0].id.clone()] } else { ids })
        }
        Kind::YesNo { .. } => Test::Is(p >> 9 & 1 == 1),
        Kind::Rating { max } => Test::Range { min: Some(((p >> 9) % (u64::from(*max) + 1)) as f64), max: None },
        Kind::Number { .. } => match (p >> 9) % 3 {
            0 => Test::Range { min: Some(100.0), max: None },
            1 => Test::Range { min: None, max: Some(250.0) },
            _ => Test::Range { min: Some(0.0), max: Some(300.0) },
        },
        Kind::Date { .. } | Kind::Text => return None,
    };
    Some(Condition { question: controller.key.clone(), test, span: 0..0 })
}

fn questionnaire() -> impl Strategy<Value = Questionnaire> {
    let question = (kind(), weight(), any::<bool>());
    let section = (weight(), prop::collection::vec(question, 1..7));
    (prop::collection::vec(section, 1..5), prop::collection::vec((any::<u8>(), any::<u64>()), 40)).prop_map(
        |(sections, conds)| {
            let q = plain_questionnaire(sections);
            // Conditions on questions and on sections, all pointing back.
            let flat: Vec<Question> = q.questions().cloned().collect();
            let mut sections = q.sections.clone();
            let mut at = 0;
            for (si, section) in sections.iter_mut().enumerate() {
                let pick = conds[(si * 7 + 3) % conds.len()];
                if si > 0 && pick.0 % 4 == 0 {
                    section.show_if = condition(&flat, at, (0, pick.1));
                }
                for question in &mut section.questions {
                    question.show_if = condition(&flat, at, conds[at % conds.len()]);
                    at += 1;
                }
            }
            Questionnaire::new(q.id.clone(), 1, q.title.clone(), vec![], sections)
        },
    )
}

#[allow(clippy::type_complexity)]
fn plain_questionnaire(sections: Vec<(f64, Vec<(Kind, f64, bool)>)>) -> Questionnaire {
    {
        let sections = sections
            .into_iter()
            .enumerate()
            .map(|(si, (w, qs))| Section {
                id: format!("s{si}"),
                weight: w,
                title: LText::same("s"),
                questions: qs
                    .into_iter()
                    .enumerate()
                    .map(|(qi, (kind, weight, allow_na))| Question {
                        id: format!("q{qi}"),
                        key: format!("s{si}.q{qi}"),
                        kind,
                        weight,
                        text: LText::same("q"),
                        help: None,
                        area: None,
                        allow_na,
                        span: 0..0,
                        show_if: None,
                        renamed_from: None,
                    })
                    .collect(),
                span: 0..0,
                show_if: None,
            })
            .collect();
        Questionnaire::new("p".into(), 1, LText::same("p"), vec![], sections)
    }
}

/// A valid value for the question, chosen by `pick` (a random number).
fn valid_value(q: &Question, pick: u64) -> Value {
    let today = Date::parse("2026-11-24").unwrap();
    match &q.kind {
        Kind::YesNo { .. } => Value::Bool(pick.is_multiple_of(2)),
        Kind::Choice { options } => Value::Str(options[pick as usize % options.len()].id.clone()),
        Kind::Multi { options } => {
            // at least one option, and an exclusive one only alone
            let chosen: Vec<&ChoiceOption> =
                options.iter().enumerate().filter(|(i, _)| pick >> i & 1 == 1).map(|(_, o)| o).collect();
            let chosen = match chosen.iter().find(|o| o.exclusive) {
                _ if chosen.is_empty() => vec![&options[0]],
                Some(alone) => vec![*alone],
                None => chosen,
            };
            Value::List(chosen.into_iter().map(|o| Value::Str(o.id.clone())).collect())
        }
        Kind::Rating { max } => Value::Integer((pick % (u64::from(*max) + 1)) as i64),
        Kind::Number { .. } => Value::Float((pick % 5000) as f64 / 10.0 - 10.0),
        Kind::Date { .. } => {
            let y = today.year() + (pick % 5) as i32 - 1;
            Value::Date(Date::new(y, (pick % 12) as u8 + 1, (pick % 28) as u8 + 1).unwrap())
        }
        Kind::Text => Value::Str("t".into()),
    }
}

/// 0 unanswered, 1 N/A, 2 a wrong value, else a valid value.
fn answer_for(q: &Question, choice: u8, pick: u64) -> Option<Answer> {
    match choice % 6 {
        0 => None,
        1 => Some(Answer { na: true, ..Answer::default() }),
        2 => Some(Answer { value: Some(Value::Other("a table")), ..Answer::default() }),
        _ => Some(Answer { value: Some(valid_value(q, pick)), ..Answer::default() }),
    }
}

fn case() -> impl Strategy<Value = (Questionnaire, Vec<(u8, u64)>)> {
    questionnaire().prop_flat_map(|q| {
        let n = q.questions().count();
        (Just(q), prop::collection::vec((any::<u8>(), any::<u64>()), n))
    })
}

fn answers_of(q: &Questionnaire, picks: &[(u8, u64)]) -> Answers {
    q.questions()
        .zip(picks)
        .filter_map(|(question, (c, p))| answer_for(question, *c, *p).map(|a| (question.key.clone(), a)))
        .collect()
}

fn today() -> Option<Date> {
    Date::parse("2026-11-24")
}

fn assert_in_range(r: &ScoreReport) {
    if let (Some(lo), Some(hi)) = (r.min, r.max) {
        assert!(lo <= hi + EPS, "min {lo} > max {hi}");
        assert!((-EPS..=100.0 + EPS).contains(&lo) && (-EPS..=100.0 + EPS).contains(&hi));
    }
    if let Some(s) = r.score {
        let (lo, hi) = (r.min.unwrap(), r.max.unwrap());
        assert!(lo <= s + EPS && s <= hi + EPS, "score {s} outside {lo}..{hi}");
    }
    for sec in &r.sections {
        if let Some(s) = sec.score {
            assert!(sec.min.unwrap() <= s + EPS && s <= sec.max.unwrap() + EPS);
        }
    }
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(x), Some(y)) => (x - y).abs() <= EPS * (1.0 + x.abs().max(y.abs())),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn rescoring_one_changed_answer_equals_scoring_all_again(
        (q, picks) in case(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u64>()), 1..12),
    ) {
        let mut answers = answers_of(&q, &picks);
        let mut report = score(&q, &answers, today());
        let questions: Vec<_> = q.questions().collect();
        for (which, c, p) in edits {
            let question = questions[which % questions.len()];
            // Any answer, a wrong one or none included.
            match answer_for(question, c, p) {
                Some(a) => answers.insert(question.key.clone(), a),
                None => answers.remove(&question.key),
            };
            rescore(&q, &mut report, &answers, today(), &question.key);
            // Exactly equal: the same sums in the same order.
            prop_assert_eq!(&report, &score(&q, &answers, today()));
        }
    }

    #[test]
    fn hidden_questions_count_as_if_they_were_not_there((q, picks) in case()) {
        let answers = answers_of(&q, &picks);
        let r = score(&q, &answers, today());
        // The same questionnaire with the hidden questions left out and no
        // conditions: the same score, range, counts and red lines.
        let mut sections = q.sections.clone();
        for s in &mut sections {
            s.show_if = None;
            s.questions.retain(|x| !r.hidden.contains(&x.key));
            for x in &mut s.questions { x.show_if = None; }
        }
        let visible = Questionnaire::new(q.id.clone(), 1, q.title.clone(), vec![], sections);
        let v = score(&visible, &answers, today());
        prop_assert!(close(r.score, v.score), "{:?} vs {:?}", r.score, v.score);
        prop_assert!(close(r.min, v.min), "{:?} vs {:?}", r.min, v.min);
        prop_assert!(close(r.max, v.max), "{:?} vs {:?}", r.max, v.max);
        prop_assert_eq!((r.answered, r.total), (v.answered, v.total));
        prop_assert_eq!(&r.knockouts, &v.knockouts);
        // every hidden question's outcome says so, and no other's
        for (question, outcome) in q.questions().zip(r.outcomes.iter().flatten()) {
            prop_assert_eq!(r.hidden.contains(&question.key), *outcome == Outcome::Hidden);
        }
    }

    #[test]
    fn score_lies_within_min_and_max((q, picks) in case()) {
        assert_in_range(&score(&q, &answers_of(&q, &picks), today()));
    }

    #[test]
    fn answering_or_marking_na_never_widens_the_range((q, picks) in case(), extra in any::<(u8, u64)>()) {
        let mut answers = answers_of(&q, &picks);
        let before = score(&q, &answers, today());
        // answer one unanswered question, with a valid value or N/A
        // (answering a question a `show_if` depends on may show others)
        let Some(open) = q.questions().find(|x| !answers.contains_key(&x.key) && !q.controls(&x.key)) else { return Ok(()); };
        let answer = if extra.0 % 2 == 0 && open.allow_na {
            Answer { na: true, ..Answer::default() }
        } else {
            Answer { value: Some(valid_value(open, extra.1)), ..Answer::default() }
        };
        answers.insert(open.key.clone(), answer);
        let after = score(&q, &answers, today());
        match (before.min, after.min) {
            (Some(b), Some(a)) => prop_assert!(a >= b - EPS, "min fell from {b} to {a}"),
            (Some(_), None) | (None, None) => {}
            (None, Some(a)) => prop_assert!(false, "a range appeared from nowhere: {a}"),
        }
        if let (Some(b), Some(a)) = (before.max, after.max) {
            prop_assert!(a <= b + EPS, "max rose from {b} to {a}");
        }
        assert_in_range(&after);
    }

    #[test]
    fn full_completion_pins_min_max_and_score((q, picks) in case()) {
        // every question answered validly, or N/A where allowed
        let answers: Answers = q.questions().zip(&picks).map(|(question, (c, p))| {
            let a = if c % 3 == 0 && question.allow_na {
                Answer { na: true, ..Answer::default() }
            } else {
                Answer { value: Some(valid_value(question, *p)), ..Answer::default() }
            };
            (question.key.clone(), a)
        }).collect();
        let r = score(&q, &answers, today());
        prop_assert_eq!(r.answered, r.total);
        prop_assert_eq!(r.min, r.score);
        prop_assert_eq!(r.max, r.score);
    }

    #[test]
    fn scaling_every_weight_changes_nothing((q, picks) in case(), k in prop_oneof![Just(1e-3), Just(3.0), 0.01f64..1000.0]) {
        let answers = answers_of(&q, &picks);
        let base = score(&q, &answers, today());
        let mut scaled = q.clone();
        for s in &mut scaled.sections {
            s.weight *= k;
            for x in &mut s.questions { x.weight *= k; }
        }
        let scaled = Questionnaire::new(scaled.id.clone(), 1, scaled.title.clone(), vec![], scaled.sections.clone());
        let r = score(&scaled, &answers, today());
        prop_assert!(close(base.score, r.score), "{:?} vs {:?}", base.score, r.score);
        prop_assert!(close(base.min, r.min));
        prop_assert!(close(base.max, r.max));
        prop_assert_eq!(&base.knockouts, &r.knockouts);
        prop_assert_eq!((base.answered, base.total), (r.answered, r.total));
    }

    #[test]
    fn order_of_answers_in_the_file_changes_nothing((q, picks) in case(), seed in any::<u64>()) {
        let answers = answers_of(&q, &picks);
        let mut entries: Vec<String> = answers.iter().filter_map(|(k, a)| entry(k, a)).collect();
        let forward = file(&entries);
        // a deterministic shuffle by the seed
        let n = entries.len();
        for i in (1..n).rev() {
            let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) >> 33) as usize % (i + 1);
            entries.swap(i, j);
        }
        let shuffled = file(&entries);
        let path = std::path::Path::new("v.toml");
        let a = VendorFile::parse(path, forward).unwrap();
        let b = VendorFile::parse(path, shuffled).unwrap();
        let ra = score(&q, &a.answers, a.meta.assessed_on);
        let rb = score(&q, &b.answers, b.meta.assessed_on);
        prop_assert_eq!(ra, rb);
    }
}

/// One answer as a TOML table, for the file-order property.
fn entry(key: &str, a: &Answer) -> Option<String> {
    let value = match &a.value {
        None => None,
        Some(v) => Some(toml_value(v)?),
    };
    let mut out = format!("[answers.\"{key}\"]\n");
    if let Some(v) = value {
        out.push_str(&format!("value = {v}\n"));
    }
    if a.na {
        out.push_str("na = true\n");
    }
    Some(out)
}

fn toml_value(v: &Value) -> Option<String> {
    Some(match v {
        Value::Bool(b) => b.to_string(),
        Value::Integer(n) => n.to_string(),
        Value::Float(f) => format!("{f:?}"),
        Value::Str(s) => format!("{s:?}"),
        Value::Date(d) => d.to_string(),
        Value::List(items) => format!("[{}]", items.iter().map(toml_value).collect::<Option<Vec<_>>>()?.join(", ")),
        Value::Other(_) => "{ a = 1 }".to_string(),
    })
}

fn file(entries: &[String]) -> String {
    format!("vendor = \"v\"\nassessed_on = 2026-11-24\n\n{}", entries.join("\n"))
}
