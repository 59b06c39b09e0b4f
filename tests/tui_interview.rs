//! The interview as a Chinese interviewer uses it: values typed as an IME
//! types them, the thresholds a number question scores by, and reviewers'
//! comments beside the questions (update sequences and TestBackend
//! screens, both languages, 80x24 and 120x40).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::app::action::Effect;
use ccvet::app::state::{App, Interview, Screen};
use ccvet::app::update::update;
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use common::{chars, press};
use crossterm::event::KeyCode;

const VENDOR: &str = r#"vendor = "云联科技"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2026-11-24
interviewer = "li.wei"

[answers."basic.licence-scope"]
value = "nationwide"
"#;

fn interview(lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q, lang, width, height);
    let vendor = VendorFile::parse(Path::new("/ws/vendors/yun.toml"), VENDOR.to_string()).unwrap();
    app.interview = Some(Interview::new(&app.questionnaire, vendor));
    app.screen = Screen::Interview;
    app
}

/// Moves the cursor to the top, then down (as `j` does) to question `key`.
fn go_to(app: &mut App, key: &str) {
    press(app, &[KeyCode::Char('k'); 60]);
    for _ in 0..100 {
        let iv = app.interview.as_ref().unwrap();
        if iv.current(&app.questionnaire).is_some_and(|q| q.key == key) {
            return;
        }
        press(app, &[KeyCode::Char('j')]);
    }
    panic!("{key} not reached");
}

/// Types `text` into the value editor (opened with Enter, emptied) and
/// presses Enter.
fn type_value(app: &mut App, text: &str) -> Vec<Effect> {
    press(app, &[KeyCode::Enter, KeyCode::End]);
    press(app, &[KeyCode::Backspace; 12]);
    let mut keys: Vec<KeyCode> = text.chars().map(KeyCode::Char).collect();
    keys.push(KeyCode::Enter);
    press(app, &keys)
}

fn value(app: &App, key: &str) -> Option<Value> {
    app.interview.as_ref().unwrap().answers.get(key).and_then(|a| a.value.clone())
}

fn editor_error(app: &App) -> Option<String> {
    app.interview.as_ref().unwrap().editor.as_ref().and_then(|e| e.error.clone())
}

fn screen(app: &App) -> String {
    common::buffer_text(&common::draw(app))
}

// ------------------------------------------------------------ input

#[test]
fn values_as_an_ime_types_them_are_saved_normalised() {
    let mut app = interview(Lang::Zh, 120, 40);
    go_to(&mut app, "basic.registered-capital");
    assert_eq!(type_value(&mut app, "１，２００万"), vec![Effect::SaveVendor]);
    assert_eq!(value(&app, "basic.registered-capital"), Some(Value::Integer(1200)));
    go_to(&mut app, "service.sla-response-minutes");
    assert_eq!(type_value(&mut app, "30分钟"), vec![Effect::SaveVendor]);
    assert_eq!(value(&app, "service.sla-response-minutes"), Some(Value::Integer(30)));
    assert_eq!(type_value(&mut app, "2小时"), vec![Effect::SaveVendor]);
    assert_eq!(value(&app, "service.sla-response-minutes"), Some(Value::Integer(120)));
    go_to(&mut app, "service.sla-fix-hours");
    assert_eq!(type_value(&mut app, "２ｈ"), vec![Effect::SaveVendor]);
    assert_eq!(value(&app, "service.sla-fix-hours"), Some(Value::Integer(2)));
}

/// An IME left in full-width mode: `２` picks option 2, `１２００` starts
/// and fills a number's edit, `ｘ` is N/A; typed into a note, full-width
/// text stays as it was typed.
#[test]
fn full_width_keys_work_as_the_keys_they_look_like() {
    let mut app = interview(Lang::Zh, 80, 24);
    go_to(&mut app, "basic.licence-scope");
    press(&mut app, &chars("２"));
    assert_eq!(value(&app, "basic.licence-scope"), Some(Value::Str("provincial".into())));
    go_to(&mut app, "basic.registered-capital");
    press(&mut app, &chars("１２００"));
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(value(&app, "basic.registered-capital"), Some(Value::Integer(1200)));
    press(&mut app, &chars("ｅ１，２"));
    press(&mut app, &[KeyCode::Esc]);
    let note = app.interview.as_ref().unwrap().answers.get("basic.registered-capital").and_then(|a| a.note.clone());
    assert_eq!(note.as_deref(), Some("１，２"));
}

#[test]
fn a_unit_of_another_kind_is_refused_naming_the_unit_expected() {
    for (lang, expected) in
        [(Lang::Zh, "单位“%”与本题不符：请按万元填写数字"), (Lang::En, "give the number in 10k CNY")]
    {
        let mut app = interview(lang, 80, 24);
        go_to(&mut app, "basic.registered-capital");
        assert!(type_value(&mut app, "12%").is_empty(), "not saved");
        let why = editor_error(&app).unwrap();
        assert!(why.contains(expected), "{why}");
        assert!(!why.starts_with("无效："), "one lead, not two: {why}");
        assert_eq!(value(&app, "basic.registered-capital"), None);
        // The sentence is on screen, whole (wrapped, not cut).
        let shown = screen(&app);
        assert!(shown.contains("%"), "{shown}");
    }
}

// ------------------------------------------------------------ kinsoku

#[test]
fn no_wrapped_line_of_the_questionnaire_starts_with_closing_punctuation() {
    use ccvet::app::editor::{is_closing, is_opening};
    use unicode_segmentation::UnicodeSegmentation;
    let q = common::default_questionnaire();
    let mut checked = 0;
    for question in q.questions() {
        let texts = [Some(&question.text), question.help.as_ref()];
        for text in texts.into_iter().flatten() {
            for width in (12..=60).step_by(3) {
                let lines = ccvet::ui::text::wrapped(&text.zh, width, "", ratatui::style::Style::new());
                for (n, line) in lines.iter().enumerate() {
                    let line: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
                    let first = line.graphemes(true).next().unwrap_or("");
                    let last = line.trim_end().graphemes(true).next_back().unwrap_or("");
                    assert!(n == 0 || !is_closing(first), "width {width}: {line:?} starts with {first:?}");
                    assert!(n + 1 == lines.len() || !is_opening(last), "width {width}: {line:?} ends with {last:?}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 1000, "only {checked} lines checked");
}

// ------------------------------------------------------------ thresholds

#[test]
fn a_number_question_shows_its_thresholds_before_it_is_answered() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = interview(lang, w, h);
            go_to(&mut app, "service.sla-response-minutes");
            let shown = screen(&app);
            insta::assert_snapshot!(format!("thresholds_{lang:?}_{w}x{h}"), shown);
        }
    }
    let mut app = interview(Lang::En, 120, 40);
    go_to(&mut app, "basic.registered-capital");
    let en = screen(&app);
    assert!(en.contains("Scores (10k CNY): ≥ 1000 → 100% · ≥ 500 → 60% ·"), "{en}");
    assert!(en.contains("≥ 100 → 30% · else → 0%"), "{en}");
    go_to(&mut app, "basic.licence-expiry");
    let en = screen(&app);
    assert!(en.contains("Scores by whole months left: ≥ 12 → 100% ·"), "{en}");
    assert!(en.contains("≥ 6 → 70% · ≥ 0 → 30% · expired → 0% ✗ red line"), "{en}");
    // Still there while the value is typed.
    let mut app = interview(Lang::Zh, 80, 24);
    go_to(&mut app, "service.sla-fix-hours");
    press(&mut app, &[KeyCode::Enter, KeyCode::Char('3')]);
    let zh = screen(&app);
    assert!(zh.contains("计分（小时）：< 2.01 → 100%"), "{zh}");
}

// ------------------------------------------------------------ comments

fn review(user: &str, verified: bool, comments: &[(&str, &str, &str)]) -> ccvet::storage::review::Review {
    use ccvet::storage::review::{Comment, Review, ReviewFile};
    Review {
        user: user.to_string(),
        file: ReviewFile {
            reviewer: user.to_string(),
            signoff: None,
            comments: comments
                .iter()
                .map(|(q, at, text)| Comment {
                    question: Some(q.to_string()),
                    at: at.to_string(),
                    text: text.to_string(),
                })
                .collect(),
        },
        verified,
        owner: if verified { user.to_string() } else { "mallory".to_string() },
    }
}

#[test]
fn reviewers_comments_show_on_the_interview_and_follow_the_files() {
    use ccvet::app::action::Action;
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (120, 40)] {
            let mut app = interview(lang, w, h);
            let before = screen(&app);
            assert!(!before.contains("│ ✓\""), "no mark before any comment: {before}");
            // A review file appears (the watcher reloads it): the marks and
            // the comments show at once.
            let reviews = vec![
                review(
                    "zhang.min",
                    true,
                    &[
                        ("basic.licence-scope", "2026-11-25T09:30:00+08:00", "许可证范围需附工信部查询截图。"),
                        ("basic.licence-number", "2026-11-25T09:31:00+08:00", "编号待核"),
                    ],
                ),
                review("wang.fang", false, &[("basic.licence-scope", "2026-11-24T16:02:00+08:00", "looks fine to me")]),
            ];
            assert!(update(&mut app, Action::ReviewsChanged(reviews, vec![])).is_empty());
            let shown = screen(&app);
            insta::assert_snapshot!(format!("comments_{lang:?}_{w}x{h}"), shown);
            assert!(shown.contains("│ ✓\""), "the answered, commented question is marked: {shown}");
            assert!(shown.contains(" ·\""), "the open, commented question is marked: {shown}");
            assert!(shown.contains("zhang.min 2026-11-25 09:30") && shown.contains("许可证范围需附"), "{shown}");
            assert!(shown.contains("wang.fang 2026-11-24 16:02 ⚠"), "unverified is marked: {shown}");
            // The oldest comment first.
            assert!(shown.find("wang.fang").unwrap() < shown.find("zhang.min").unwrap(), "{shown}");
            // The file goes away: so do the comments.
            update(&mut app, Action::ReviewsChanged(vec![], vec![]));
            assert_eq!(screen(&app), before);
        }
    }
}
