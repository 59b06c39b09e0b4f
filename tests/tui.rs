//! The interview app without a terminal: action sequences through
//! `update`, and every screen drawn on ratatui's `TestBackend` (snapshots
//! at 80×24 and 120×40 in both languages, tiny sizes, key cell styles, and
//! hostile text that must never reach a cell).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{chars, press};

use std::path::Path;

use ccvet::app::action::{Action, Effect};
use ccvet::app::keymap::{Key, context, lookup};
use ccvet::app::state::{App, Interview, Overlay, Screen, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use ccvet::summary::Summary;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

const YUNLIAN: &str = r#"vendor = "云联科技 Yunlian Tech"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2026-11-24
interviewer = "li.wei"

[answers."basic.licence-scope"]
value = "nationwide"
note = "证书编号 B2-20240001"

[answers."basic.licence-expiry"]
value = 2028-05-31

[answers."tech.iso27001"]
value = true

[answers."fit.industries"]
value = ["finance", "ecommerce"]
"#;

const ACME: &str = r#"vendor = "Acme Call"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "none"

[answers."tech.iso27001"]
value = true
"#;

fn vendor(slug: &str, text: &str) -> VendorFile {
    VendorFile::parse(Path::new(&format!("/ws/vendors/{slug}.toml")), text.to_string()).unwrap()
}

/// An app on the vendor list with three vendors and one unreadable file.
fn app(lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, width, height);
    let mut rows: Vec<VendorRow> = [("yunlian", YUNLIAN), ("acme", ACME), ("empty", "vendor = \"Empty Ltd\"\n")]
        .into_iter()
        .map(|(slug, text)| VendorRow::Ok {
            summary: Box::new(Summary::of(&q, vendor(slug, text))),
            changed: "11-24 10:02".into(),
        })
        .collect();
    rows.push(VendorRow::Unreadable {
        path: "/ws/vendors/broken.toml".into(),
        slug: "broken".into(),
        error: "/ws/vendors/broken.toml:3:9: TOML syntax error: string values must be quoted".into(),
    });
    app.set_vendors(rows);
    app
}

/// The same app with the interview of 云联科技 open.
fn interview(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    let iv = Interview::new(&app.questionnaire, vendor("yunlian", YUNLIAN));
    app.interview = Some(iv);
    app.screen = Screen::Interview;
    app
}

fn draw(app: &App) -> Buffer {
    common::draw(app)
}

/// The screen as text, one line per row (wide characters once).
fn text(buf: &Buffer) -> String {
    common::buffer_text(buf)
}

fn answer(app: &App, key: &str) -> Option<Value> {
    app.interview.as_ref().unwrap().answers.get(key).and_then(|a| a.value.clone())
}

// ---------------------------------------------------------------- update

#[test]
fn answering_each_kind_rescores_and_asks_for_a_save() {
    let mut app = interview(Lang::En, 120, 40);
    let before = app.interview.as_ref().unwrap().report.clone();
    // basic.licence-scope is the first question: choice
    assert_eq!(press(&mut app, &chars("2")), vec![Effect::SaveVendor]);
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("provincial".into())));
    let after = app.interview.as_ref().unwrap().report.clone();
    assert!(after.score < before.score, "a worse licence lowers the score");
    // a provincial licence shows the question of which provinces it covers
    press(&mut app, &chars("j"));
    assert_eq!(app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key, "basic.licence-provinces");
    // down to annual-inspection (yesno), answer no
    press(&mut app, &chars("jjj"));
    assert_eq!(app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key, "basic.annual-inspection");
    assert_eq!(press(&mut app, &chars("n")), vec![Effect::SaveVendor]);
    assert_eq!(answer(&app, "basic.annual-inspection"), Some(Value::Bool(false)));
    // registered capital: a number typed in the editor, wrong first
    press(&mut app, &chars("jj"));
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &chars("lots"));
    let err = app.interview.as_ref().unwrap().editor.as_ref().unwrap().error.clone();
    assert!(err.unwrap().contains("a number question takes a number"));
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty(), "an invalid value is not saved");
    for _ in 0..4 {
        press(&mut app, &[KeyCode::Backspace]);
    }
    assert_eq!(
        press(&mut app, &chars("1200").into_iter().chain([KeyCode::Enter]).collect::<Vec<_>>()),
        vec![Effect::SaveVendor]
    );
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(1200)));
    assert!(app.interview.as_ref().unwrap().editor.is_none());
    // company documents: multi, toggled by number and by space
    press(&mut app, &chars("j"));
    press(&mut app, &chars("1"));
    press(&mut app, &[KeyCode::Right, KeyCode::Right, KeyCode::Char(' ')]);
    match answer(&app, "basic.company-documents") {
        Some(Value::List(items)) => assert_eq!(items.len(), 2),
        other => panic!("{other:?}"),
    }
    press(&mut app, &chars("1"));
    match answer(&app, "basic.company-documents") {
        Some(Value::List(items)) => assert_eq!(items.len(), 1),
        other => panic!("{other:?}"),
    }
}

#[test]
fn na_note_clear_and_next_unanswered() {
    let mut app = interview(Lang::En, 80, 24);
    // service.multi-site allows N/A: jump there by section and keys
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab]);
    press(&mut app, &chars("j"));
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.current(&app.questionnaire).unwrap().key, "service.multi-site");
    press(&mut app, &chars("x"));
    assert!(app.interview.as_ref().unwrap().answers["service.multi-site"].na);
    press(&mut app, &chars("x"));
    assert!(!app.interview.as_ref().unwrap().answers.contains_key("service.multi-site"));
    // N/A is refused where not allowed, with a word
    press(&mut app, &chars("k"));
    assert!(press(&mut app, &chars("x")).is_empty());
    assert!(app.status.text.contains("does not allow"));
    // a note in Chinese, over two lines; q is typed, not quit
    press(&mut app, &chars("e"));
    press(&mut app, &chars("审计中 q"));
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &chars("ok"));
    assert!(!app.quit);
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![Effect::SaveVendor]);
    let key = app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key.clone();
    assert_eq!(app.interview.as_ref().unwrap().answers[&key].note.as_deref(), Some("审计中 q\nok"));
    // u goes to the next question without an answer
    press(&mut app, &chars("u"));
    let iv = app.interview.as_ref().unwrap();
    let next = iv.current(&app.questionnaire).unwrap().key.clone();
    assert!(iv.answers.get(&next).is_none_or(|a| a.value.is_none()), "{next} is answered");
    // Delete clears an answer
    press(&mut app, &[KeyCode::BackTab, KeyCode::BackTab]);
    press(&mut app, &[KeyCode::Delete]);
    assert_eq!(answer(&app, "basic.licence-scope"), None);
}

#[test]
fn a_failed_save_keeps_the_answer_and_r_retries() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2"));
    update(
        &mut app,
        Action::SaveFailed { key: "basic.licence-scope".into(), message: "the disk is full".into(), conflict: false },
    );
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("provincial".into())));
    assert!(app.status.text.contains("the disk is full") && app.status.text.contains("R retries"));
    assert_eq!(app.interview.as_ref().unwrap().pending.len(), 1);
    assert_eq!(press(&mut app, &chars("R")), vec![Effect::SaveVendor]);
    // Esc with edits unsaved tries again and stays while the save fails...
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![Effect::SaveVendor]);
    update(
        &mut app,
        Action::SaveFailed { key: "basic.licence-scope".into(), message: "still full".into(), conflict: false },
    );
    assert_eq!(app.screen, Screen::Interview);
    // ...and leaves once the save lands
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![Effect::SaveVendor]);
    app.interview.as_mut().unwrap().pending.clear();
    let effects = update(&mut app, Action::Saved { key: "basic.licence-scope".into(), merged: false });
    assert_eq!(effects, vec![Effect::CloseVendor, Effect::ReloadVendors]);
    assert_eq!(app.screen, Screen::Vendors);
}

#[test]
fn edits_being_saved_are_not_unsaved_and_are_never_added_to() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2"));
    // The runner hands the edit to the saving thread...
    app.interview.as_mut().unwrap().saving = 1;
    assert!(!text(&draw(&app)).contains("unsaved"), "on its way to disk is not unsaved");
    // ...and the same answer changed meanwhile is a new edit, saved after it.
    press(&mut app, &chars("1"));
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.pending.len(), 2);
    assert_eq!(iv.pending[1].edits, vec![ccvet::domain::answers::Edit::Value(Value::Str("nationwide".into()))]);
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("nationwide".into())));
    // q while saving quits: the runner finishes the saves on the way out.
    assert_eq!(press(&mut app, &chars("q")), vec![Effect::Quit]);
}

#[test]
fn the_saving_thread_saves_a_batch_in_order_and_hands_back_the_file_on_disk() {
    use ccvet::app::action::PendingEdit;
    use ccvet::app::saver::{Job, Outcome};
    use ccvet::domain::answers::Edit;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("acme.toml");
    std::fs::write(&path, "vendor = \"Acme\"\nassessed_on = 2026-11-24\n").unwrap();
    let vendor = VendorFile::load(&path).unwrap();
    let edit = |key: &str, value: Value| PendingEdit { key: key.into(), edits: vec![Edit::Value(value)] };
    let job = Job {
        vendor,
        questionnaire: std::sync::Arc::new(common::default_questionnaire()),
        edits: vec![
            edit("basic.licence-scope", Value::Str("provincial".into())),
            edit("tech.iso27001", Value::Bool(true)),
            edit("basic.licence-scope", Value::Str("nationwide".into())),
        ],
        mode: 0o600,
    };
    let done = job.run(&ccvet::storage::atomic::RealFs);
    assert_eq!(done.outcomes.len(), 3);
    assert!(done.outcomes.iter().all(|(_, o)| matches!(o, Outcome::Saved { merged: false })));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), done.vendor.text());
    let on_disk = VendorFile::load(&path).unwrap();
    assert_eq!(on_disk.answers.get("basic.licence-scope").unwrap().value, Some(Value::Str("nationwide".into())));
    assert_eq!(on_disk.answers.get("tech.iso27001").unwrap().value, Some(Value::Bool(true)));
}

#[test]
fn a_large_workspace_shows_file_names_first_and_fills_rows_in_as_they_load() {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), Lang::En, 80, 24);
    let loading =
        |slug: &str| VendorRow::Loading { path: format!("/ws/vendors/{slug}.toml").into(), slug: slug.into() };
    app.set_vendors(vec![loading("acme"), loading("empty"), loading("yunlian")]);
    app.vendors.loading = Some((0, 3));
    update(&mut app, Action::Down);
    let screen = text(&draw(&app));
    assert!(screen.contains("0/3 loaded"), "{screen}");
    assert!(screen.contains("▶ empty"), "{screen}");
    // A row comes in at its index; another whose index moved is found by path.
    let ok = |slug: &str, text: &str| VendorRow::Ok {
        summary: Box::new(Summary::of(&q, vendor(slug, text))),
        changed: "11-24 10:02".into(),
    };
    app.vendors_loaded(vec![(2, ok("yunlian", YUNLIAN)), (0, ok("empty", "vendor = \"Empty Ltd\"\n"))]);
    let screen = text(&draw(&app));
    assert!(screen.contains("云联科技 Yunlian") && screen.contains("91.2"), "{screen}");
    assert!(screen.contains("▶ Empty Ltd"), "the selection stays on its file: {screen}");
    assert!(screen.contains("acme"), "{screen}");
    assert_eq!(app.ranking.len(), 2, "loaded vendors are ranked at once");
    // A file event re-reads acme while the load runs; the load's own row
    // for it, read before that change, comes later and is not used.
    let acme = |name: &str| ok("acme", &format!("vendor = \"{name}\"\n"));
    app.replace_row(Path::new("/ws/vendors/acme.toml"), Some(acme("Acme Fresh")));
    app.vendors_loaded(vec![(0, acme("Acme Old"))]);
    let screen = text(&draw(&app));
    assert!(screen.contains("Acme Fresh") && !screen.contains("Acme Old"), "{screen}");
    // A row still loading can be opened.
    update(&mut app, Action::Up);
    let effects = update(&mut app, Action::Open);
    assert_eq!(effects, vec![Effect::OpenVendor { path: "/ws/vendors/acme.toml".into(), review: false }]);
}

#[test]
fn a_save_that_merged_someone_elses_answer_shows_it_and_rescores() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2"));
    let before = app.interview.as_ref().unwrap().report.clone();
    // The saving thread hands back the file as on disk: our answer, and
    // another that someone else saved meanwhile.
    let theirs = format!("{YUNLIAN}\n[answers.\"basic.annual-inspection\"]\nvalue = false\n");
    let mut on_disk = vendor("yunlian", &theirs);
    on_disk.answers.insert(
        "basic.licence-scope".into(),
        ccvet::domain::answers::Answer { value: Some(Value::Str("provincial".into())), ..Default::default() },
    );
    {
        let iv = app.interview.as_mut().unwrap();
        iv.vendor = on_disk;
        iv.pending.clear();
    }
    update(&mut app, Action::Saved { key: "basic.licence-scope".into(), merged: true });
    assert_eq!(answer(&app, "basic.annual-inspection"), Some(Value::Bool(false)));
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("provincial".into())));
    assert_ne!(app.interview.as_ref().unwrap().report, before, "re-scored with their answer");
}

// Regression tests from the review of the app, one per finding.

#[test]
fn q_with_unsaved_answers_retries_and_quits_only_when_pressed_again() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2"));
    update(
        &mut app,
        Action::SaveFailed { key: "basic.licence-scope".into(), message: "disk full".into(), conflict: false },
    );
    assert!(text(&draw(&app)).contains("! 1 unsaved"), "the title bar says so on a narrow screen");
    assert_eq!(press(&mut app, &chars("q")), vec![Effect::SaveVendor]);
    assert!(!app.quit);
    assert!(app.status.text.contains("not saved"));
    assert_eq!(press(&mut app, &chars("q")), vec![Effect::Quit]);
    assert!(app.quit);
}

#[test]
fn a_signal_keeps_the_note_being_typed() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("e"));
    press(&mut app, &chars(" typed during the meeting"));
    let effects = update(&mut app, Action::Shutdown);
    assert_eq!(effects, vec![Effect::SaveVendor, Effect::Quit]);
    let note = app.interview.as_ref().unwrap().answers["basic.licence-scope"].note.clone();
    assert_eq!(note.as_deref(), Some("证书编号 B2-20240001 typed during the meeting"));
}

#[test]
fn the_disqualified_mark_leads_the_title_on_a_narrow_screen() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("4")); // licence scope: none, a red line
    let title = text(&draw(&app)).lines().next().unwrap().to_string();
    assert!(title.starts_with(" ccvet │ ✗ DISQUALIFIED "), "{title}");
}

#[test]
fn enter_on_a_choice_keeps_its_answer_and_the_highlight_starts_there() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2jk"));
    assert_eq!(app.interview.as_ref().unwrap().option, 1);
    press(&mut app, &[KeyCode::Enter]);
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("provincial".into())));
}

#[test]
fn digits_on_a_number_question_start_the_editor_and_esc_cancels_it() {
    let mut app = interview(Lang::Zh, 80, 24);
    press(&mut app, &chars("jjjjj")); // basic.registered-capital
    press(&mut app, &chars("15"));
    let editor = app.interview.as_ref().unwrap().editor.as_ref().unwrap().buffer.text().to_string();
    assert_eq!(editor, "15");
    // the cursor sits right after "15", past a prompt of wide characters
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ccvet::ui::render(&app, f)).unwrap();
    let cursor = terminal.get_cursor_position().unwrap();
    let buf = terminal.backend().buffer().clone();
    let row = text(&buf).lines().position(|l| l.contains("数值")).unwrap() as u16;
    let one = (0..80).find(|&x| buf[(x, row)].symbol() == "1").unwrap();
    assert_eq!((cursor.x, cursor.y), (one + 2, row));
    // Esc cancels: nothing saved, no answer
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert_eq!(answer(&app, "basic.registered-capital"), None);
    assert!(app.interview.as_ref().unwrap().editor.is_none());
    assert!(app.status.text.contains("已取消"), "{}", app.status.text);
    // Enter keeps a value
    assert_eq!(press(&mut app, &[KeyCode::Char('4'), KeyCode::Char('5'), KeyCode::Enter]), vec![Effect::SaveVendor]);
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(45)));
    // a digit on the answered question starts an edit that Esc cancels
    press(&mut app, &chars("3"));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(45)));
    // and so does Enter then a digit (the editor holds "459")
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &chars("9"));
    assert_eq!(app.interview.as_ref().unwrap().editor.as_ref().unwrap().buffer.text(), "459");
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(45)));
}

#[test]
fn esc_on_every_editor() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("jjjjj")); // basic.registered-capital, a number
    press(&mut app, &[KeyCode::Char('1'), KeyCode::Char('2'), KeyCode::Enter]);
    // the value editor: Esc cancels, the hint bar says so
    press(&mut app, &[KeyCode::Enter, KeyCode::Backspace, KeyCode::Backspace]);
    press(&mut app, &chars("99"));
    assert!(text(&draw(&app)).contains("Esc cancel"));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(12)));
    // the note editor: Esc closes keeping the text (and saves it)
    press(&mut app, &chars("e"));
    press(&mut app, &chars("said 12 in the meeting"));
    assert!(text(&draw(&app)).contains("Esc close, keeping the text"));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![Effect::SaveVendor]);
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.answers["basic.registered-capital"].note.as_deref(), Some("said 12 in the meeting"));
    assert!(iv.editor.is_none());
    // the vendor-name prompt: Esc cancels, nothing created
    let mut list = crate::app(Lang::En, 80, 24);
    press(&mut list, &chars("n"));
    press(&mut list, &chars("Acme"));
    assert_eq!(press(&mut list, &[KeyCode::Esc]), vec![]);
    assert!(list.overlay.is_none());
}

#[test]
fn esc_on_a_comment_keeps_it_as_a_draft_for_that_question() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("r"));
    press(&mut app, &chars("ask for the original"));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert!(app.overlay.is_none());
    assert!(app.status.text.contains("draft"));
    // another question's comment starts empty; this one's comes back
    press(&mut app, &chars("j"));
    press(&mut app, &chars("r"));
    match &app.overlay {
        Some(Overlay::Comment { buffer, .. }) => assert_eq!(buffer.text(), ""),
        other => panic!("{other:?}"),
    }
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &chars("k"));
    press(&mut app, &chars("r"));
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        vec![Effect::Comment { question: Some("basic.licence-scope".into()), text: "ask for the original".into() }]
    );
}

#[test]
fn undo_and_redo_answers_na_clear_and_notes() {
    let mut app = interview(Lang::En, 120, 40);
    let first = answer(&app, "basic.licence-scope");
    // choice 2, then 3
    press(&mut app, &chars("2"));
    press(&mut app, &chars("3"));
    let third = answer(&app, "basic.licence-scope");
    assert_ne!(third, first);
    // a note, N/A and a clear on a number that allows N/A elsewhere
    press(&mut app, &chars("e"));
    press(&mut app, &chars(" extra"));
    press(&mut app, &[KeyCode::Esc]);
    let noted = app.interview.as_ref().unwrap().answers["basic.licence-scope"].note.clone();
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('j')]); // service.multi-site allows N/A
    let key = "service.multi-site";
    let before = app.interview.as_ref().unwrap().answers.get(key).cloned();
    assert_eq!(press(&mut app, &chars("x")), vec![Effect::SaveVendor]);
    assert!(app.interview.as_ref().unwrap().answers[key].na);
    press(&mut app, &[KeyCode::Delete]);
    let cleared = app.interview.as_ref().unwrap().answers.get(key).cloned();
    // z takes back the clear, then the N/A: each step asks for a save
    assert_eq!(press(&mut app, &chars("z")), vec![Effect::SaveVendor]);
    assert!(app.interview.as_ref().unwrap().answers[key].na);
    assert_eq!(press(&mut app, &chars("z")), vec![Effect::SaveVendor]);
    assert_eq!(app.interview.as_ref().unwrap().answers.get(key).map(|a| a.na), before.as_ref().map(|a| a.na));
    // the next z goes back to the first question and takes the note back
    press(&mut app, &chars("z"));
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.current(&app.questionnaire).unwrap().key, "basic.licence-scope");
    assert_ne!(iv.answers["basic.licence-scope"].note, noted);
    press(&mut app, &chars("z"));
    assert_ne!(answer(&app, "basic.licence-scope"), third);
    press(&mut app, &chars("z"));
    assert_eq!(answer(&app, "basic.licence-scope"), first);
    assert!(press(&mut app, &chars("z")).is_empty());
    assert!(app.status.text.contains("nothing to undo"));
    // Z makes them again, in order
    for _ in 0..3 {
        assert_eq!(press(&mut app, &chars("Z")), vec![Effect::SaveVendor]);
    }
    assert_eq!(answer(&app, "basic.licence-scope"), third);
    assert_eq!(app.interview.as_ref().unwrap().answers["basic.licence-scope"].note, noted);
    press(&mut app, &chars("ZZ"));
    assert_eq!(
        app.interview.as_ref().unwrap().answers.get(key).cloned().map(|a| (a.value, a.na)),
        cleared.map(|a| (a.value, a.na))
    );
    // a new change forgets what was undone
    press(&mut app, &chars("z"));
    press(&mut app, &chars("x"));
    assert!(press(&mut app, &chars("Z")).is_empty());
    assert!(app.status.text.contains("nothing to redo"));
    // the hint bar lists undo
    press(&mut app, &chars("k"));
    let screen = text(&draw(&app));
    assert!(screen.contains("undo / redo"), "{screen}");
}

#[test]
fn na_twice_brings_the_answer_back_and_unticking_everything_clears() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &[KeyCode::BackTab]); // fit
    assert_eq!(app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key, "fit.industries");
    press(&mut app, &chars("1"));
    press(&mut app, &chars("3"));
    assert!(!app.interview.as_ref().unwrap().answers.contains_key("fit.industries"), "nothing ticked: unanswered");
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &[KeyCode::Tab, KeyCode::Tab, KeyCode::Char('j')]); // service.multi-site: a rating, allows N/A
    press(&mut app, &chars("3"));
    press(&mut app, &chars("x"));
    assert!(app.interview.as_ref().unwrap().answers["service.multi-site"].na);
    press(&mut app, &chars("x"));
    assert_eq!(answer(&app, "service.multi-site"), Some(Value::Integer(3)));
    assert!(!app.interview.as_ref().unwrap().answers["service.multi-site"].na);
}

#[test]
fn the_filter_matches_names_and_slugs_not_paths() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &chars("/toml"));
    assert_eq!(app.vendors.visible.len(), 0);
    press(&mut app, &[KeyCode::Esc]);
    press(&mut app, &chars("/yunl"));
    assert_eq!(app.vendors.visible.len(), 1);
}

#[test]
fn esc_from_a_vendor_opened_in_the_comparison_goes_back_there() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &chars("c"));
    press(&mut app, &[KeyCode::Enter]);
    app.interview = Some(Interview::new(&app.questionnaire, vendor("yunlian", YUNLIAN)));
    app.screen = Screen::Interview;
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.screen, Screen::Compare);
}

#[test]
fn a_failed_create_brings_the_name_back() {
    let mut app = app(Lang::En, 80, 24);
    update(
        &mut app,
        Action::CreateFailed { name: "Acme Call".into(), message: "a vendor named `Acme Call` already exists".into() },
    );
    match &app.overlay {
        Some(Overlay::NewVendor(b)) => assert_eq!(b.text(), "Acme Call"),
        other => panic!("{other:?}"),
    }
    assert!(app.status.text.contains("already exists"));
}

#[test]
fn a_line_feed_ends_the_line_instead_of_joining_digits() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("jjjjj"));
    press(&mut app, &chars("5000"));
    let lf = Key::from_event(&KeyEvent::new(KeyCode::Char('j'), KeyModifiers::CONTROL));
    let action = lookup(context(&app), lf).unwrap();
    let effects = update(&mut app, action);
    assert_eq!(effects, vec![Effect::SaveVendor]);
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(5000)));
}

#[test]
fn help_on_a_short_terminal_scrolls_to_every_key_and_l_switches_language() {
    let mut app = interview(Lang::En, 60, 15);
    press(&mut app, &chars("?"));
    let screen = text(&draw(&app));
    assert!(screen.contains("quit") && screen.contains("question"), "{screen}");
    // The interview has more keys than 15 rows hold: the last ones are
    // reached by scrolling, and the help stays open while it scrolls.
    assert!(!screen.contains("new assessment cycle") && screen.contains("1–10 of"), "{screen}");
    press(&mut app, &[KeyCode::PageDown; 5]);
    let screen = text(&draw(&app));
    assert!(screen.contains("new assessment cycle") && !screen.contains("1–10 of"), "{screen}");
    // However far past the end PgDn went, ↑ moves at once.
    press(&mut app, &[KeyCode::PageDown; 10]);
    let bottom = text(&draw(&app));
    press(&mut app, &[KeyCode::Up]);
    assert_ne!(text(&draw(&app)), bottom);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    press(&mut app, &chars("L"));
    assert_eq!(app.lang, Lang::Zh);
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
}

#[test]
fn the_question_list_keeps_no_stale_scroll_after_a_resize() {
    let mut app = interview(Lang::En, 60, 15);
    // to the last question: the list scrolls down to it
    press(&mut app, &[KeyCode::BackTab]);
    press(&mut app, &chars("jjjjjjjjjjjj"));
    let small = app.interview.as_ref().unwrap().list_offset;
    assert!(small > 0);
    update(&mut app, Action::Resize(120, 40));
    let iv = app.interview.as_ref().unwrap();
    let rows = ccvet::ui::layout::question_rows(40);
    let len = iv.list_len(&app.questionnaire);
    assert!(iv.list_offset + rows <= len.max(rows), "offset {} rows {rows} of {len}", iv.list_offset);
    // the whole list fits at 120x40 when it is short enough: then from the top
    if len <= rows {
        assert_eq!(iv.list_offset, 0);
    }
}

#[test]
fn a_finished_section_draws_its_score_not_a_full_bar() {
    use ccvet::domain::questionnaire::Kind;
    let mut app = interview(Lang::En, 120, 40);
    let s = app.questionnaire.sections.iter().position(|s| s.title.get(Lang::En) == "Industry fit").unwrap();
    // answer every question of the section with its first option, a no, a 1
    for i in 0..app.questionnaire.sections[s].questions.len() {
        let kind = app.questionnaire.sections[s].questions[i].kind.clone();
        let iv = app.interview.as_mut().unwrap();
        (iv.section, iv.question) = (s, i);
        if !iv.shown(s, i) {
            continue;
        }
        let actions = match kind {
            Kind::YesNo { .. } => vec![Action::AnswerNo],
            Kind::Number { .. } => vec![Action::Pick(1)],
            Kind::Date { .. } => "2020-01-01".chars().map(Action::Type).chain([Action::Submit]).collect(),
            Kind::Text => "-".chars().map(Action::Type).chain([Action::Submit]).collect(),
            Kind::Multi { .. }
                if app
                    .interview
                    .as_ref()
                    .unwrap()
                    .answers
                    .contains_key(&app.questionnaire.sections[s].questions[i].key) =>
            {
                vec![]
            }
            _ => vec![Action::Pick(1)],
        };
        for a in actions {
            update(&mut app, a);
        }
        if matches!(kind, Kind::Number { .. }) {
            update(&mut app, Action::Submit);
        }
    }
    let r = &app.interview.as_ref().unwrap().report.sections[s];
    assert_eq!(r.answered, r.total, "{r:?}");
    let score = r.score.unwrap();
    assert!(score < 90.0, "{score}");
    let screen = text(&draw(&app));
    let lines: Vec<&str> = screen.lines().collect();
    let at = lines.iter().rposition(|l| l.contains("Industry fit") && l.contains('×')).unwrap();
    let bar = lines[at + 1];
    let full = bar.matches('█').count();
    let cells = full + bar.matches('░').count() + bar.matches('▒').count();
    assert_eq!(bar.matches('▒').count(), 0, "a finished section has no range left: {bar}");
    let expected = (score / 100.0 * cells as f64).round() as usize;
    assert_eq!(full, expected, "{score}: {bar}");
}

#[test]
fn the_chosen_rating_is_marked_in_plain_text() {
    use ccvet::domain::questionnaire::Kind;
    let mut app = interview(Lang::En, 80, 24);
    app.no_color = true;
    let at = app.questionnaire.questions().position(|q| matches!(q.kind, Kind::Rating { max } if max <= 9)).unwrap();
    let key = app.questionnaire.questions().nth(at).unwrap().key.clone();
    let (s, i) = app.questionnaire.position(&key).unwrap();
    let iv = app.interview.as_mut().unwrap();
    (iv.section, iv.question) = (s, i);
    assert!(!text(&draw(&app)).contains("[3]"));
    assert_eq!(press(&mut app, &chars("3")), vec![Effect::SaveVendor]);
    let screen = text(&draw(&app));
    assert!(screen.contains(" 2 [3] 4 "), "{screen}");
}

#[test]
fn the_hint_bar_offers_only_keys_that_work_on_this_question() {
    use ccvet::app::hints::hints;
    use ccvet::domain::questionnaire::Kind;
    let mut app = interview(Lang::En, 200, 40);
    let actions = |app: &App| hints(app).iter().map(|b| b.action.clone()).collect::<Vec<_>>();
    for key in app.questionnaire.questions().map(|q| q.key.clone()).collect::<Vec<_>>() {
        let question = app.questionnaire.question(&key).unwrap().clone();
        let (s, i) = app.questionnaire.position(&key).unwrap();
        let iv = app.interview.as_mut().unwrap();
        (iv.section, iv.question) = (s, i);
        let shown = actions(&app);
        let yes_no = matches!(question.kind, Kind::YesNo { .. });
        assert_eq!(shown.contains(&Action::AnswerYes), yes_no, "{key}");
        assert_eq!(shown.contains(&Action::ToggleNa), question.allow_na && question.kind.is_scored(), "{key}");
        let picks = matches!(question.kind, Kind::Choice { .. } | Kind::Multi { .. } | Kind::Rating { .. });
        assert_eq!(shown.contains(&Action::Pick(1)), picks, "{key}");
        assert!(!shown.contains(&Action::TakeOver) && !shown.contains(&Action::Undo), "{key}");
    }
    // after a change, undo is offered
    let iv = app.interview.as_mut().unwrap();
    (iv.section, iv.question) = (0, 0);
    press(&mut app, &chars("2"));
    assert!(actions(&app).contains(&Action::Undo));
    // read-only: nothing that edits; T only once the writer has left
    let iv = app.interview.as_mut().unwrap();
    iv.read_only = Some(ccvet::storage::lock::Holder { user: "li.wei".into(), ..Default::default() });
    let shown = actions(&app);
    for edit in
        [Action::AnswerYes, Action::Pick(1), Action::EditValue, Action::ToggleNa, Action::EditNote, Action::Undo]
    {
        assert!(!shown.contains(&edit), "{edit:?} offered read-only");
    }
    assert!(!shown.contains(&Action::TakeOver));
    app.interview.as_mut().unwrap().writer_left = true;
    assert_eq!(actions(&app).first(), Some(&Action::TakeOver));
}

/// Lists and the review screen offer only what can work: nothing to open
/// or rename once the filter empties the list, nothing to move in an
/// empty comparison, no sign-off for the vendor's own interviewer.
#[test]
fn the_hint_bar_offers_list_and_review_keys_only_where_they_work() {
    use ccvet::app::hints::hints;
    let actions = |app: &App| hints(app).iter().map(|b| b.action.clone()).collect::<Vec<_>>();
    let mut app = app(Lang::En, 200, 40);
    assert!(actions(&app).contains(&Action::Open) && actions(&app).contains(&Action::Rename));
    press(&mut app, &chars("/zzz"));
    press(&mut app, &[KeyCode::Enter]);
    let shown = actions(&app);
    for gone in [Action::Open, Action::ReviewScreen, Action::Rename, Action::Archive, Action::Up] {
        assert!(!shown.contains(&gone), "{gone:?} offered with no vendor shown: {shown:?}");
    }
    assert!(shown.contains(&Action::NewVendor) && shown.contains(&Action::Filter), "{shown:?}");
    let mut empty = App::new(common::default_questionnaire(), Lang::En, 200, 40);
    empty.screen = Screen::Compare;
    assert!(!actions(&empty).contains(&Action::Open) && !actions(&empty).contains(&Action::Up));
    let mut app = interview(Lang::En, 200, 40);
    app.screen = Screen::Review;
    app.me = "somebody".into();
    assert!(actions(&app).contains(&Action::SignOff(ccvet::storage::review::Decision::Approve)));
    app.interview.as_mut().unwrap().vendor.meta.interviewer = Some("somebody".into());
    assert!(!actions(&app).contains(&Action::SignOff(ccvet::storage::review::Decision::Approve)));
    app.self_signoff = true;
    assert!(actions(&app).contains(&Action::SignOff(ccvet::storage::review::Decision::Approve)));
}

#[test]
fn keys_on_the_too_small_screen_change_nothing() {
    let mut app = interview(Lang::En, 40, 10);
    let before = app.interview.as_ref().unwrap().answers.clone();
    assert!(text(&draw(&app)).contains("terminal too small"));
    for keys in ["5", "2", "y", "x", "j", "z"] {
        assert_eq!(press(&mut app, &chars(keys)), vec![]);
    }
    assert_eq!(press(&mut app, &[KeyCode::Enter, KeyCode::Delete, KeyCode::Esc]), vec![]);
    let iv = app.interview.as_ref().unwrap();
    assert_eq!(iv.answers, before);
    assert!(iv.editor.is_none() && iv.question == 0);
    assert_eq!(app.screen, ccvet::app::state::Screen::Interview);
    // q still quits
    assert_eq!(press(&mut app, &chars("q")), vec![Effect::Quit]);
}

#[test]
fn vendor_list_moves_filters_opens_and_creates() {
    let mut app = app(Lang::En, 80, 24);
    // sorted by name: Acme Call, broken, Empty Ltd, 云联科技
    assert_eq!(app.vendors.selected_row().unwrap().name(), "Acme Call");
    assert_eq!(
        press(&mut app, &[KeyCode::Enter]),
        vec![Effect::OpenVendor { path: "/ws/vendors/acme.toml".into(), review: false }]
    );
    press(&mut app, &chars("j"));
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty(), "an unreadable file does not open");
    assert!(app.status.text.contains("broken.toml:3:9"));
    press(&mut app, &chars("/云联"));
    assert_eq!(app.vendors.visible.len(), 1);
    press(&mut app, &[KeyCode::Enter]);
    assert!(!app.vendors.filtering);
    assert_eq!(app.vendors.selected_row().unwrap().name(), "云联科技 Yunlian Tech");
    press(&mut app, &[KeyCode::Esc]);
    assert_eq!(app.vendors.visible.len(), 4);
    press(&mut app, &chars("n"));
    assert!(matches!(app.overlay, Some(Overlay::NewVendor(_))));
    let effects = press(&mut app, &chars("新供应商 q").into_iter().chain([KeyCode::Enter]).collect::<Vec<_>>());
    assert_eq!(effects, vec![Effect::CreateVendor { name: "新供应商 q".into() }]);
    assert!(!app.quit);
    // the comparison ranks the disqualified vendor last
    press(&mut app, &chars("c"));
    assert_eq!(app.screen, Screen::Compare);
    let names: Vec<&str> = app.ranking.iter().map(|&i| app.vendors.rows[i].name()).collect();
    assert_eq!(names, ["云联科技 Yunlian Tech", "Empty Ltd", "Acme Call"]);
}

#[test]
fn language_switches_everywhere_at_once() {
    let mut app = interview(Lang::En, 80, 24);
    assert!(text(&draw(&app)).contains("What is the scope"));
    press(&mut app, &chars("L"));
    let screen = text(&draw(&app));
    assert!(screen.contains("基础资质") && screen.contains("许可证"), "{screen}");
}

// ---------------------------------------------------------------- screens

macro_rules! snapshot {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!($name, text(&draw(&$app)));
    };
}

#[test]
fn snapshots_of_every_screen_in_both_languages_and_sizes() {
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        for (w, h) in [(80, 24), (120, 40)] {
            snapshot!(format!("vendors_{tag}_{w}x{h}"), app(lang, w, h));
            snapshot!(format!("interview_{tag}_{w}x{h}"), interview(lang, w, h));
            let mut compare = app(lang, w, h);
            press(&mut compare, &chars("c"));
            snapshot!(format!("compare_{tag}_{w}x{h}"), compare);
        }
        let mut help = interview(lang, 80, 24);
        press(&mut help, &chars("?"));
        snapshot!(format!("help_{tag}_80x24"), help);
        let mut narrow_score = interview(lang, 80, 24);
        press(&mut narrow_score, &chars("s"));
        snapshot!(format!("interview_score_panel_{tag}_80x24"), narrow_score);
    }
    let mut prompt = app(Lang::En, 80, 24);
    press(&mut prompt, &chars("n云联"));
    snapshot!("new_vendor_prompt_80x24", prompt);
    let mut editing = interview(Lang::En, 80, 24);
    press(&mut editing, &chars("e"));
    snapshot!("note_editor_80x24", editing);
    snapshot!("too_small_20x5", app(Lang::En, 20, 5));
}

#[test]
fn every_tiny_size_draws_without_panic() {
    for w in 1..=20 {
        for h in 1..=5 {
            draw(&app(Lang::En, w, h));
            draw(&interview(Lang::Zh, w, h));
        }
    }
    // narrow and tall: the Chinese "too small" message wraps over many
    // rows (2x48 once overflowed the buffer)
    for w in 1..=8 {
        for h in [15, 48, 60] {
            draw(&app(Lang::Zh, w, h));
            draw(&interview(Lang::En, w, h));
        }
    }
    draw(&interview(Lang::En, 400, 120));
}

#[test]
fn knockouts_and_selection_are_marked_by_style_and_symbol() {
    let mut app = app(Lang::En, 80, 24);
    let buf = draw(&app);
    let screen = text(&buf);
    // Acme is disqualified: a mark and a word, in bold red
    let row = screen.lines().position(|l| l.contains("Acme Call")).unwrap() as u16;
    let line = screen.lines().nth(row as usize).unwrap();
    assert!(line.contains("✗ DISQUALIFIED"));
    let col = (0..80).find(|&x| buf[(x, row)].symbol() == "✗").unwrap();
    let cell = &buf[(col, row)];
    assert_eq!(cell.fg, Color::Red);
    assert!(cell.modifier.contains(Modifier::BOLD));
    // The selection: a marker, and the name in reverse video
    assert_eq!(buf[(1, row)].symbol(), "▶");
    let name = (0..80).find(|&x| buf[(x, row)].symbol() == "A").unwrap();
    assert!(buf[(name, row)].modifier.contains(Modifier::REVERSED), "the selected name is reversed");
    let other = screen.lines().position(|l| l.contains("Empty Ltd")).unwrap() as u16;
    assert_eq!(buf[(1, other)].symbol(), " ");
    assert!(!buf[(name, other)].modifier.contains(Modifier::REVERSED));
    // NO_COLOR: no colour at all, the selection still shows
    app.no_color = true;
    let buf = draw(&app);
    for cell in buf.content() {
        assert_eq!(cell.fg, Color::Reset, "a colour under NO_COLOR");
    }
    assert!(buf[(name, row)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn hostile_names_and_notes_never_reach_a_cell() {
    let q = common::default_questionnaire();
    let evil = "Evil\x1b[2J\u{202e}gnp\u{2066}\0\u{7}";
    // JSON's string escapes are TOML's too.
    let lit = |s: &str| serde_json::to_string(s).unwrap();
    let text_of = format!(
        "vendor = {}\nassessed_on = 2026-11-24\n[answers.\"tech.iso27001\"]\nvalue = true\nnote = {}\n[answers.\"basic.licence-number\"]\nvalue = {}\n",
        lit(evil),
        lit(&format!("{}\x1b]0;title\x07{}", "长".repeat(350_000), "\u{2028}end")),
        lit("\x1b[31m red \u{202e}")
    );
    let v = vendor("evil", &text_of);
    let mut app = App::new(q.clone(), Lang::En, 120, 40);
    app.set_vendors(vec![VendorRow::Ok { summary: Box::new(Summary::of(&q, v.clone())), changed: String::new() }]);
    let mut screens = vec![draw(&app)];
    press(&mut app, &chars("c"));
    screens.push(draw(&app));
    app.interview = Some(Interview::new(&q, v));
    app.screen = Screen::Interview;
    press(&mut app, &[KeyCode::Tab]);
    press(&mut app, &chars("jjjjj")); // tech.iso27001 with its 1 MB note
    screens.push(draw(&app));
    press(&mut app, &chars("e"));
    screens.push(draw(&app));
    press(&mut app, &[KeyCode::Esc]);
    // the review screen with hostile reviewer names, comments and times
    {
        use ccvet::storage::review::{Comment, Decision, Review, ReviewFile, SignOff};
        let iv = app.interview.as_mut().unwrap();
        iv.set_reviews(vec![Review {
            verified: false,
            owner: "mallory\x1b[2J".into(),
            user: "evil\x1b[2J\u{202e}".into(),
            file: ReviewFile {
                reviewer: "evil".into(),
                signoff: Some(SignOff {
                    decision: Decision::Reject,
                    at: "\x1b]0;t\x07".into(),
                    digest: "x".into(),
                    comment: Some("\u{9b}31m c1 \u{2066}".into()),
                }),
                comments: vec![
                    Comment { question: None, at: "now\u{2028}".into(), text: "\x1b[31mred\u{202e}".into() },
                    Comment { question: Some("tech.iso27001".into()), at: "t".into(), text: "\0nul\x7fdel".into() },
                ],
            },
        }]);
        iv.review_errors = vec!["reviews/x/\x1b[2J.toml:1:1: broken\u{202e}".into()];
    }
    press(&mut app, &chars("S"));
    screens.push(draw(&app));
    press(&mut app, &chars("c"));
    update(&mut app, Action::Paste("\x1b[2Jpasted\u{202e}".into()));
    screens.push(draw(&app));
    for buf in &screens {
        for cell in buf.content() {
            assert!(!cell.symbol().chars().any(ccvet::safe_text::is_hostile), "hostile {:?} in a cell", cell.symbol());
        }
    }
    assert!(text(&screens[0]).contains("Evil^[[2J<U+202E>gnp"));
    let review = text(&screens[4]);
    assert!(review.contains("evil^[[2J<U+202E>") && review.contains("Reviews and sign-offs"), "{review}");
}

#[test]
fn a_paste_goes_into_the_note_and_the_cursor_sits_at_the_caret() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("e"));
    // bracketed paste: newlines stay newlines, escapes never enter
    update(&mut app, Action::Paste("第一行\r\n云联\x1b[31m".into()));
    let note = app.interview.as_ref().unwrap().editor.as_ref().unwrap().buffer.text().to_string();
    assert_eq!(note, "证书编号 B2-20240001第一行\n云联[31m");
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    terminal.draw(|f| ccvet::ui::render(&app, f)).unwrap();
    let cursor = terminal.get_cursor_position().unwrap();
    let buf = terminal.backend().buffer().clone();
    // the caret is right after "云联[31m", on the note's second line
    let row = text(&buf).lines().position(|l| l.contains("云联[31m")).unwrap() as u16;
    assert_eq!(cursor.y, row);
    let col = (0..80).find(|&x| buf[(x, row)].symbol() == "云").unwrap();
    assert_eq!(cursor.x, col + 4 + 4, "two CJK characters (4 cells) and 4 ASCII");
    // Esc ends the note and saves it
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![Effect::SaveVendor]);
}

#[test]
fn a_paste_in_a_one_line_editor_becomes_one_line() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &chars("n"));
    update(&mut app, Action::Paste("云联\n科技".into()));
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(effects, vec![Effect::CreateVendor { name: "云联 科技".into() }]);
}

#[test]
fn snapshots_of_the_review_screen_and_the_read_only_banner() {
    use ccvet::storage::lock::Holder;
    use ccvet::storage::review::{Comment, Decision, Review, ReviewFile, SignOff, digest};
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut app = interview(lang, 80, 24);
        let iv = app.interview.as_mut().unwrap();
        let current = digest(iv.vendor.text());
        let signoff = |decision, digest: &str| {
            Some(SignOff { decision, at: "2026-11-24T10:02:00+08:00".into(), digest: digest.into(), comment: None })
        };
        iv.set_reviews(vec![
            Review {
                verified: true,
                owner: "wang-fang".into(),
                user: "wang-fang".into(),
                file: ReviewFile {
                    reviewer: "wang.fang".into(),
                    signoff: signoff(Decision::Approve, &current),
                    comments: vec![Comment {
                        question: Some("basic.licence-scope".into()),
                        at: "2026-11-24T10:05:00+08:00".into(),
                        text: "证书原件已核对 checked the original".into(),
                    }],
                },
            },
            Review {
                verified: true,
                owner: "zhao-lei".into(),
                user: "zhao-lei".into(),
                file: ReviewFile {
                    reviewer: "zhao.lei".into(),
                    signoff: signoff(Decision::NeedsInfo, "sha256:old"),
                    comments: vec![Comment {
                        question: None,
                        at: "2026-11-24T11:00:00+08:00".into(),
                        text: "ask for the DR test report".into(),
                    }],
                },
            },
        ]);
        iv.read_only = Some(Holder {
            user: "li.wei".into(),
            host: "laptop".into(),
            pid: 1,
            since: "2026-11-24T10:02:00+08:00".into(),
        });
        snapshot!(format!("read_only_interview_{tag}_80x24"), app);
        press(&mut app, &chars("S"));
        assert_eq!(app.screen, Screen::Review);
        let screen = text(&draw(&app));
        assert!(screen.contains("✓") && screen.contains("~"), "{screen}");
        // Partly answered: the band is provisional here as everywhere.
        assert!(screen.contains("≥ 85?"), "{screen}");
        snapshot!(format!("review_screen_{tag}_80x24"), app);
    }
}

// Regression tests from the review of working together.

#[test]
fn a_pending_edit_of_an_answer_someone_else_changed_goes_to_a_side_file() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("2")); // pending: licence scope = provincial
    // meanwhile someone sets it by hand; the file event brings their version
    let theirs = YUNLIAN.replace("value = \"nationwide\"", "value = \"none\"");
    let effects = update(&mut app, Action::VendorChanged(Ok(Box::new(vendor("yunlian", &theirs)))));
    assert_eq!(effects.len(), 1);
    assert!(matches!(&effects[0], Effect::KeepMine { key, .. } if key == "basic.licence-scope"));
    assert_eq!(answer(&app, "basic.licence-scope"), Some(Value::Str("none".into())), "theirs is shown");
    assert!(app.interview.as_ref().unwrap().pending.is_empty());
}

#[test]
fn a_value_typed_while_someone_else_changed_it_goes_to_a_side_file() {
    let mut app = interview(Lang::En, 80, 24);
    press(&mut app, &chars("jjjjj")); // registered capital
    press(&mut app, &chars("15"));
    let theirs = format!("{YUNLIAN}\n[answers.\"basic.registered-capital\"]\nvalue = 2000\n");
    update(&mut app, Action::VendorChanged(Ok(Box::new(vendor("yunlian", &theirs)))));
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert!(matches!(&effects[..], [Effect::KeepMine { key, .. }] if key == "basic.registered-capital"), "{effects:?}");
    assert_eq!(answer(&app, "basic.registered-capital"), Some(Value::Integer(2000)));
}

#[test]
fn a_file_that_reads_again_clears_its_error() {
    let mut app = interview(Lang::En, 80, 24);
    update(&mut app, Action::VendorChanged(Err("vendors/yunlian.toml:3:9: broken".into())));
    assert!(text(&draw(&app)).contains("does not read"));
    update(&mut app, Action::VendorChanged(Ok(Box::new(vendor("yunlian", YUNLIAN)))));
    assert!(app.interview.as_ref().unwrap().disk_error.is_none());
    assert!(!text(&draw(&app)).contains("does not read"));
}

#[test]
fn a_hundred_sections_leave_room_for_the_red_lines_in_the_score_panel() {
    let mut rng = ccvet::workload::Rng::new(7);
    let g = ccvet::workload::questionnaire(4000, &mut rng);
    let q = common::questionnaire(&g.text);
    // s0.q1 is a choice whose option o3 is a red line
    let file = "vendor = \"Big\"\nassessed_on = 2026-11-24\n[answers.\"s0.q1\"]\nvalue = \"o3\"\n";
    let mut app = App::new(q.clone(), Lang::En, 120, 40);
    app.interview = Some(Interview::new(&q, vendor("big", file)));
    app.screen = Screen::Interview;
    let screen = text(&draw(&app));
    assert!(screen.contains("more sections"), "{screen}");
    assert!(screen.contains("Red lines crossed:"), "{screen}");
}

// ---------------------------------------------------------------- trust

#[test]
fn signing_off_asks_first_when_incomplete_and_never_for_the_interviewer() {
    use ccvet::storage::review::Decision;
    for (lang, tag) in [(Lang::En, "en"), (Lang::Zh, "zh")] {
        let mut app = interview(lang, 80, 24);
        app.screen = Screen::Review;
        // the interviewer (li.wei in the file) cannot sign it off
        app.me = "li.wei".into();
        assert_eq!(press(&mut app, &chars("A")), vec![]);
        assert!(app.overlay.is_none());
        assert!(app.status.text.contains('✗'), "{}", app.status.text);
        // a reviewer is asked first: 4 of 38 answered
        app.me = "wang.fang".into();
        assert_eq!(press(&mut app, &chars("A")), vec![]);
        insta::assert_snapshot!(format!("confirm_signoff_{tag}_80x24"), text(&draw(&app)));
        assert_eq!(press(&mut app, &chars("n")), vec![]);
        assert!(app.overlay.is_none());
        press(&mut app, &chars("X"));
        assert_eq!(press(&mut app, &[KeyCode::Enter]), vec![Effect::SignOff { decision: Decision::Reject }]);
        // where the workspace allows it, the interviewer may sign too
        app.me = "li.wei".into();
        app.self_signoff = true;
        press(&mut app, &chars("N"));
        assert_eq!(press(&mut app, &chars("y")), vec![Effect::SignOff { decision: Decision::NeedsInfo }]);
    }
}

#[test]
fn taking_over_names_the_interviewer_and_waits_for_yes() {
    use ccvet::storage::lock::Holder;
    let mut app = interview(Lang::En, 80, 24);
    app.me = "wang.fang".into();
    let iv = app.interview.as_mut().unwrap();
    iv.read_only = Some(Holder { user: "li.wei".into(), host: "laptop".into(), pid: 7, since: "10:02".into() });
    // the interviewer is still there: T says when it will work
    assert_eq!(press(&mut app, &chars("T")), vec![]);
    assert!(app.status.text.contains("T works once they leave"), "{}", app.status.text);
    // gone: T asks, naming them; Esc is no
    app.interview.as_mut().unwrap().writer_left = true;
    press(&mut app, &chars("T"));
    insta::assert_snapshot!("confirm_take_over_en_80x24", text(&draw(&app)));
    assert_eq!(press(&mut app, &[KeyCode::Esc]), vec![]);
    assert!(app.overlay.is_none() && app.status.text.contains("cancelled"));
    press(&mut app, &chars("T"));
    assert_eq!(press(&mut app, &chars("y")), vec![Effect::TakeOver]);
}

#[test]
fn an_answer_imported_from_the_vendor_says_so_in_the_question_panel() {
    for (lang, words) in [(Lang::En, "(stated by the vendor)"), (Lang::Zh, "(供应商自述)")] {
        let mut app = interview(lang, 120, 30);
        assert!(!text(&draw(&app)).contains(words));
        let stated = YUNLIAN.replace("value = \"nationwide\"\n", "value = \"nationwide\"\nsource = \"vendor\"\n");
        app.interview = Some(Interview::new(&app.questionnaire, vendor("yunlian", &stated)));
        assert!(text(&draw(&app)).contains(words), "{}", text(&draw(&app)));
    }
}

// ------------------------------------------------------- show_if (§10)

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

#[test]
fn a_value_that_is_not_an_answer_is_refused_in_the_apps_language() {
    let mut app = interview(Lang::Zh, 120, 40);
    // down to registered capital, a number question, as above
    press(&mut app, &chars("2jjjjnjj"));
    assert_eq!(app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key, "basic.registered-capital");
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &chars("lots"));
    let err = app.interview.as_ref().unwrap().editor.as_ref().unwrap().error.clone().unwrap();
    assert!(err.contains("数值题只能填数字"), "{err}");
    assert!(text(&draw(&app)).contains("数值题只能填数字"));
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty(), "an invalid value is not saved");
}

/// The comparison opens on the vendor selected in the list, whatever row
/// it was left on before.
#[test]
fn the_comparison_opens_on_the_vendor_selected_in_the_list() {
    let mut app = app(Lang::En, 80, 24);
    for name in ["Acme Call", "Empty Ltd", "云联科技 Yunlian Tech"] {
        while app.vendors.selected_row().unwrap().name() != name {
            press(&mut app, &[KeyCode::Down]);
        }
        press(&mut app, &chars("c"));
        assert_eq!(app.screen, Screen::Compare);
        let shown = text(&draw(&app));
        let selected = shown.lines().find(|l| l.contains(name)).unwrap_or_default().to_string();
        let effects = press(&mut app, &[KeyCode::Enter]);
        assert!(
            matches!(&effects[..], [Effect::OpenVendor { path, .. }] if app.vendors.rows.iter().any(|r| r.path() == path && r.name() == name)),
            "{name}: {effects:?}\n{selected}"
        );
        app.screen = Screen::Vendors;
        press(&mut app, &[KeyCode::Home]);
    }
}

/// A vendor just created is opened, and it is the one selected when Esc
/// goes back to the list (before, the selection stayed where it was, and
/// Enter opened another vendor).
#[test]
fn a_new_vendor_is_the_selected_one_back_on_the_list() {
    let mut app = app(Lang::En, 80, 24);
    assert!(!text(&draw(&app)).contains("▶ Empty Ltd"), "another row is selected to begin with");
    let effects = update(&mut app, Action::VendorCreated { slug: "empty".into() });
    assert!(
        matches!(&effects[..], [Effect::OpenVendor { path, review: false }] if path.ends_with("empty.toml")),
        "{effects:?}"
    );
    let screen = text(&draw(&app));
    assert!(screen.contains("▶ Empty Ltd"), "{screen}");
    assert_eq!(update(&mut app, Action::Open).len(), 1);
}
