//! The interview app with a vendor a git merge left in conflict: the
//! question shows theirs and the base, `<` keeps ours and `>` takes theirs
//! (through the keymap, as the terminal would).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::app::action::{Action, Effect};
use ccvet::app::keymap::{Key, context, lookup};
use ccvet::app::state::{App, Interview, Screen};
use ccvet::app::update::update;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const CONFLICTED: &str = r#"vendor = "Acme Call"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "nationwide"
conflict = { theirs = { value = "provincial", note = "per the 2026 scan" }, base = {} }

[answers."basic.licence-number"]
"#;

fn interview(lang: Lang) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, 80, 24);
    let v = VendorFile::parse(Path::new("/ws/vendors/acme.toml"), CONFLICTED.to_string()).unwrap();
    app.interview = Some(Interview::new(&app.questionnaire, v));
    app.screen = Screen::Interview;
    app
}

fn screen(app: &App) -> String {
    common::buffer_text(&common::draw(app))
}

fn press(app: &mut App, code: KeyCode) -> Vec<Effect> {
    let key = Key::from_event(&KeyEvent::new(code, KeyModifiers::NONE));
    lookup(context(app), key).map(|action| update(app, action)).unwrap_or_default()
}

#[test]
fn a_conflicted_question_shows_theirs_and_the_keys_to_settle_it() {
    for lang in [Lang::En, Lang::Zh] {
        let app = interview(lang);
        let shown = screen(&app);
        let mark = if lang == Lang::En { "⚠ merge conflict: theirs" } else { "⚠ 合并冲突：对方" };
        assert!(shown.contains(mark), "{shown}");
        insta::assert_snapshot!(format!("conflict_{lang:?}"), shown);
    }
}

#[test]
fn angle_brackets_keep_ours_or_take_theirs_only_where_there_is_a_conflict() {
    let mut app = interview(Lang::En);
    let key = "basic.licence-scope".to_string();
    assert_eq!(press(&mut app, KeyCode::Char('>')), vec![Effect::Resolve { key: key.clone(), theirs: true }]);
    assert_eq!(press(&mut app, KeyCode::Char('<')), vec![Effect::Resolve { key, theirs: false }]);
    // The next question has no conflict: a word, no effect.
    assert!(update(&mut app, Action::Down).is_empty());
    assert!(press(&mut app, KeyCode::Char('>')).is_empty());
    assert!(screen(&app).contains("no merge conflict on this question"));
}

#[test]
fn h_shows_the_history_of_the_current_answer_and_esc_closes_it() {
    use ccvet::domain::answers::{Answer, Value};
    use ccvet::git::changes::AnswerChange;
    for lang in [Lang::En, Lang::Zh] {
        let mut app = interview(lang);
        let key = "basic.licence-scope".to_string();
        assert_eq!(press(&mut app, KeyCode::Char('v')), vec![Effect::History { key: key.clone() }]);
        let answer = |v: &str, note: Option<&str>| Answer {
            value: Some(Value::Str(v.into())),
            note: note.map(str::to_string),
            ..Answer::default()
        };
        let changes = vec![
            AnswerChange {
                commit: "0123456789abcdef".into(),
                author: "li.wei".into(),
                date: "2026-11-24T10:02:00+08:00".into(),
                key: key.clone(),
                old: None,
                new: Some(answer("provincial", None)),
                score: Some(61.5),
            },
            AnswerChange {
                commit: "fedcba9876543210".into(),
                author: "wang.fang".into(),
                date: "2026-11-25T09:30:00+08:00".into(),
                key: key.clone(),
                old: Some(answer("provincial", None)),
                new: Some(answer("nationwide", Some("scan\nchecked"))),
                score: Some(80.0),
            },
        ];
        assert!(update(&mut app, Action::HistoryLoaded { key: key.clone(), changes: Ok(changes) }).is_empty());
        let shown = screen(&app);
        assert!(
            shown.contains("wang.fang") && shown.contains("→ Nationwide licence (scan⏎") || shown.contains("→ 全网证"),
            "{shown}"
        );
        insta::assert_snapshot!(format!("history_{lang:?}"), shown);
        press(&mut app, KeyCode::Esc);
        assert!(app.overlay.is_none());
        update(
            &mut app,
            Action::HistoryLoaded { key: key.clone(), changes: Err("/ws is not in a git repository".into()) },
        );
        assert!(screen(&app).contains("is not in a git repository"));
    }
}
