//! Questions shown by a condition (`show_if`, §10) in the interview: they
//! come and go with the answer they depend on, H lists the hidden ones,
//! and answers under a renamed key land on the new question.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{answer, interview, text, vendor};
use common::{chars, draw, press};

use std::path::Path;

use ccvet::app::action::Effect;
use ccvet::app::state::{App, Interview, Screen};
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use crossterm::event::KeyCode;

fn current_key(app: &App) -> String {
    app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key.clone()
}

#[test]
fn answering_the_controlling_question_shows_and_hides_its_dependants() {
    let mut app = interview(Lang::En, 80, 24);
    let provinces = "Which provinces does the";
    // nationwide: the provinces question is not in the list, j skips it
    assert!(!text(&draw(&app)).contains(provinces));
    assert_eq!(app.interview.as_ref().unwrap().report.hidden[0], "basic.licence-provinces");
    press(&mut app, &chars("j"));
    assert_eq!(current_key(&app), "basic.licence-number");
    // a provincial licence: it appears, right below, and j lands on it
    press(&mut app, &chars("k2"));
    assert!(text(&draw(&app)).contains(provinces));
    assert!(!app.interview.as_ref().unwrap().report.hidden.contains(&"basic.licence-provinces".to_string()));
    press(&mut app, &chars("j"));
    assert_eq!(current_key(&app), "basic.licence-provinces");
    // back to nationwide: gone again, and the list's counts with it
    press(&mut app, &chars("k1"));
    assert!(!text(&draw(&app)).contains(provinces));
    press(&mut app, &chars("j"));
    assert_eq!(current_key(&app), "basic.licence-number");
}

#[test]
fn finance_among_the_industries_shows_the_finance_compliance_question_and_the_range_follows() {
    let mut app = interview(Lang::En, 120, 40);
    press(&mut app, &[KeyCode::BackTab]); // fit.industries: finance and e-commerce ticked
    let shown = |app: &App| !app.interview.as_ref().unwrap().report.hidden.contains(&"fit.finance-compliance".into());
    assert!(shown(&app));
    let (total, max) = {
        let r = &app.interview.as_ref().unwrap().report;
        (r.total, r.max.unwrap())
    };
    press(&mut app, &chars("1")); // untick finance
    assert!(!shown(&app));
    let r = app.interview.as_ref().unwrap().report.clone();
    assert_eq!(r.total, total - 1, "one question fewer to answer");
    assert!(r.max.unwrap() != max, "the range is over the visible questions");
    // "none of these" clears the other ticks; hides it too
    press(&mut app, &chars("1"));
    assert!(shown(&app));
    press(&mut app, &chars("5"));
    assert_eq!(answer(&app, "fit.industries"), Some(Value::List(vec![Value::Str("none".into())])));
    assert!(!shown(&app));
    // and ticking another clears "none"
    press(&mut app, &chars("2"));
    assert_eq!(answer(&app, "fit.industries"), Some(Value::List(vec![Value::Str("healthcare".into())])));
    assert!(!app.interview.as_ref().unwrap().report.hidden.contains(&"fit.patient-records".into()));
}

#[test]
fn h_lists_hidden_questions_greyed_and_the_cursor_leaves_them_when_they_go() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("H"));
    let screen = text(&draw(&app));
    assert!(screen.contains("◌ Which provinces does the"), "{screen}");
    press(&mut app, &chars("j"));
    assert_eq!(current_key(&app), "basic.licence-provinces");
    assert!(text(&draw(&app)).contains("hidden: its condition is not met"));
    // passing over them again: the cursor never stays on one
    press(&mut app, &chars("H"));
    assert_eq!(current_key(&app), "basic.licence-number");
    assert!(!text(&draw(&app)).contains("Which provinces does the"));
}

#[test]
fn an_answer_under_a_renamed_key_shows_as_the_new_questions_and_is_edited_there() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rename");
    let q = common::questionnaire(&std::fs::read_to_string(dir.join("questionnaire-v2.toml")).unwrap());
    let mut app = App::new(q.clone(), Lang::En, 80, 24);
    let v = vendor("old-answers-ltd", &std::fs::read_to_string(dir.join("vendor-v1.toml")).unwrap());
    app.interview = Some(Interview::new(&q, v));
    app.screen = Screen::Interview;
    assert_eq!(answer(&app, "sec.iso27001"), Some(Value::Bool(true)));
    assert!(app.interview.as_ref().unwrap().report.orphans.is_empty());
    let screen = text(&draw(&app));
    assert!(screen.contains("证书编号 ISMS-001"), "the note comes along: {screen}");
    assert_eq!(press(&mut app, &chars("n")), vec![Effect::SaveVendor]);
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.answers.keys().collect::<Vec<_>>(), ["ops.audit-log", "sec.iso27001"]);
    assert_eq!(iv.answers["sec.iso27001"].note.as_deref(), Some("证书编号 ISMS-001"));
}
