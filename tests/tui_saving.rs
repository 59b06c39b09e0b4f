//! Saving from the interview and working together: failed saves and R,
//! the saving thread, q and signals with edits unsaved, and someone
//! else's change to the same file (merged, or mine to a side file).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{YUNLIAN, answer, interview, text, vendor};
use common::{chars, draw, press};

use ccvet::app::action::{Action, Effect};
use ccvet::app::state::Screen;
use ccvet::app::update::update;
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use crossterm::event::KeyCode;

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
