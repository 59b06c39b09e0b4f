//! The interview shows what §11 holds for the current answer: "carried,
//! to confirm", the open follow-up and the evidence (TestBackend, both
//! languages).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{chars as keys, press};

use std::path::Path;

use ccvet::app::state::{App, Interview, Screen};
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;

const VENDOR: &str = r#"vendor = "云联科技"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2027-01-20
interviewer = "li.wei"

[answers."basic.licence-scope"]
value = "nationwide"
followup = { ask = "请提供近三年年检记录", due = 2026-12-15, status = "requested" }
evidence = [
  { file = "evidence/yun/licence.pdf", sha256 = "9f2c0000000000000000000000000000000000000000000000000000000000aa", seen_on = 2026-11-24, expires = 2028-05-31 },
]
carried = true
"#;

fn screen(lang: Lang) -> String {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, 120, 40);
    let vendor = VendorFile::parse(Path::new("/ws/vendors/yun.toml"), VENDOR.to_string()).unwrap();
    app.interview = Some(Interview::new(&app.questionnaire, vendor));
    app.screen = Screen::Interview;
    app.width = 120;
    app.height = 40;
    common::buffer_text(&common::draw(&app))
}

#[test]
fn the_question_shows_to_confirm_the_follow_up_and_the_evidence() {
    let en = screen(Lang::En);
    // (wrapped to the panel's width)
    assert!(en.contains("· Carried over from the last assessment"), "{en}");
    assert!(en.contains("· Follow-up (requested, due 2026-12-15): 请提"), "{en}");
    assert!(en.contains("· Evidence: licence.pdf (seen 2026-11-24,"), "{en}");
    assert!(en.contains("expires 2028-05-31, SHA-256 9f2c00000000…)"), "{en}");
    // The list: `+` an open follow-up, `?` carried over, to confirm.
    assert!(en.contains("│+? What is the scope of the"), "{en}");
    let zh = screen(Lang::Zh);
    assert!(zh.contains("沿用上一周期的答案：待确认"), "{zh}");
    assert!(zh.contains("待补充材料（已请求，截止 2026-12-15）"), "{zh}");
    assert!(zh.contains("证明材料：licence.pdf"), "{zh}");
}

// ---- the app's keys for §11: f, F, a, C, d (update sequences + screens) ----

use ccvet::app::action::{Action, Effect};
use ccvet::app::followups::Check;

use ccvet::app::state::{Overlay, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::date::Date;
use ccvet::domain::followup::{Evidence, Source, Status};
use ccvet::summary::Summary;
use crossterm::event::KeyCode;

/// A vendor with no follow-up yet, assessed a year ago.
const PLAIN: &str = r#"vendor = "云联科技 Yunlian Tech"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2025-11-24
interviewer = "li.wei"

[answers."basic.licence-scope"]
value = "nationwide"
"#;

fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

fn open(text: &str, lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q, lang, width, height);
    app.today = d("2026-12-03");
    let vendor = VendorFile::parse(Path::new("/ws/vendors/yun.toml"), text.to_string()).unwrap();
    app.interview = Some(Interview::new(&app.questionnaire, vendor));
    app.screen = Screen::Interview;
    app
}

fn text(app: &App) -> String {
    common::buffer_text(&common::draw(app))
}

fn followup(app: &App, key: &str) -> Option<ccvet::domain::followup::Followup> {
    app.interview.as_ref().unwrap().answers.get(key).and_then(|a| a.followup.clone())
}

#[test]
fn f_asks_a_follow_up_from_the_guidance_due_in_two_weeks_and_saves_it() {
    let mut app = open(PLAIN, Lang::En, 80, 24);
    assert!(press(&mut app, &keys("f")).is_empty());
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("no form: {:?}", app.overlay) };
    assert!(form.first.text().starts_with("Cloud call centres are a class-2"), "{}", form.first.text());
    assert_eq!(form.second.text(), "2026-12-17");
    insta::assert_snapshot!("followup_form_en_80x24", text(&app));
    // The text is editable: Enter goes on to the due date, Esc back to it.
    press(&mut app, &[KeyCode::End]);
    press(&mut app, &keys(" Send a scan."));
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &[KeyCode::Esc]);
    assert!(matches!(&app.overlay, Some(Overlay::Form(f)) if f.step == 0));
    press(&mut app, &[KeyCode::Enter]);
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(effects, vec![Effect::SaveVendor]);
    assert!(app.overlay.is_none());
    let f = followup(&app, "basic.licence-scope").unwrap();
    assert!(f.ask.ends_with("every region we operate in. Send a scan."), "{}", f.ask);
    assert_eq!((f.due, f.status), (Some(d("2026-12-17")), Status::Requested));
    let screen = text(&app);
    // The list marks it, the title counts it, the question says it.
    assert!(screen.contains("│+✓ What is the scope"), "{screen}");
    assert!(screen.contains("│ +1 │") && !screen.contains("!0"), "{screen}");
    assert!(screen.contains("· Follow-up (requested, due 2026-12-17)"), "{screen}");
    // Undo takes it back, redo makes it again; each is saved.
    assert_eq!(press(&mut app, &keys("z")), vec![Effect::SaveVendor]);
    assert_eq!(followup(&app, "basic.licence-scope"), None);
    assert_eq!(press(&mut app, &keys("Z")), vec![Effect::SaveVendor]);
    assert_eq!(followup(&app, "basic.licence-scope"), Some(f));
}

#[test]
fn an_empty_due_date_is_none_and_a_wrong_one_is_said_with_nothing_lost() {
    let mut app = open(PLAIN, Lang::Zh, 80, 24);
    press(&mut app, &keys("f"));
    press(&mut app, &[KeyCode::Enter]);
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Backspace]);
    }
    press(&mut app, &keys("2026-13-45"));
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form must stay open") };
    assert_eq!(form.second.text(), "2026-13-45");
    assert!(form.error.as_deref().unwrap().contains("不是日期"), "{:?}", form.error);
    insta::assert_snapshot!("followup_form_bad_date_zh_80x24", text(&app));
    for _ in 0..10 {
        press(&mut app, &[KeyCode::Backspace]);
    }
    assert_eq!(press(&mut app, &[KeyCode::Enter]), vec![Effect::SaveVendor]);
    assert_eq!(followup(&app, "basic.licence-scope").unwrap().due, None);
    // An empty text is not a follow-up: said, and the form stays.
    press(&mut app, &keys("j"));
    press(&mut app, &keys("f"));
    if let Some(Overlay::Form(form)) = app.overlay.as_mut() {
        **form = ccvet::app::followups::Form::followup("basic.x".into(), None, "", None);
    }
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());
    assert!(matches!(&app.overlay, Some(Overlay::Form(f)) if f.error.is_some() && f.step == 0));
    // Esc from the first field cancels, saying so.
    press(&mut app, &[KeyCode::Esc]);
    assert!(app.overlay.is_none());
    assert!(app.status.text.contains("未保存"), "{}", app.status.text);
}

#[test]
fn capital_f_moves_the_status_on_and_f_edits_what_is_there() {
    let mut app = open(VENDOR, Lang::En, 120, 40);
    app.today = d("2026-12-20");
    let screen = text(&app);
    // Past its due date: `!` in the list, counted overdue in the title.
    assert!(screen.contains("│!? What is the scope"), "{screen}");
    assert!(screen.contains("+1 follow-up(s), !1 overdue"), "{screen}");
    let mut seen = Vec::new();
    for _ in 0..3 {
        assert_eq!(press(&mut app, &keys("F")), vec![Effect::SaveVendor]);
        seen.push(followup(&app, "basic.licence-scope").unwrap().status);
    }
    assert_eq!(seen, vec![Status::Received, Status::Closed, Status::Requested]);
    press(&mut app, &keys("F"));
    let screen = text(&app);
    assert!(screen.contains("· Follow-up (received, to review, due"), "{screen}");
    assert!(screen.contains("│+? What is the scope"), "received is open, not overdue: {screen}");
    insta::assert_snapshot!("followup_received_en_120x40", screen);
    // f on it edits the text and the date; the status stays.
    press(&mut app, &keys("f"));
    let Some(Overlay::Form(form)) = &app.overlay else { panic!() };
    assert_eq!((form.first.text(), form.second.text()), ("请提供近三年年检记录", "2026-12-15"));
    press(&mut app, &keys("!"));
    press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    let f = followup(&app, "basic.licence-scope").unwrap();
    assert_eq!((f.ask.as_str(), f.status), ("请提供近三年年检记录!", Status::Received));
    // F where there is none says how to ask one.
    press(&mut app, &keys("j"));
    assert!(press(&mut app, &keys("F")).is_empty());
    assert!(app.status.text.contains("f asks one"), "{}", app.status.text);
}

#[test]
fn a_follow_up_typed_while_someone_else_changed_the_answer_goes_to_a_side_file() {
    let mut app = open(PLAIN, Lang::En, 80, 24);
    press(&mut app, &keys("f"));
    // Meanwhile, on disk: someone else's note on the same answer.
    let theirs = format!("{PLAIN}note = \"theirs\"\n");
    let vendor = VendorFile::parse(Path::new("/ws/vendors/yun.toml"), theirs).unwrap();
    update(&mut app, Action::VendorChanged(Ok(Box::new(vendor))));
    let effects = press(&mut app, &[KeyCode::Enter, KeyCode::Enter]);
    assert!(
        matches!(effects.as_slice(), [Effect::KeepMine { key, .. }] if key == "basic.licence-scope"),
        "{effects:?}"
    );
}

#[test]
fn a_adds_evidence_errors_bring_the_form_back_and_digests_show_checked() {
    let mut app = open(PLAIN, Lang::En, 120, 40);
    press(&mut app, &keys("a"));
    press(&mut app, &keys("scans/licence.pdf"));
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &keys("2028-05-31"));
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(
        effects,
        vec![Effect::AddEvidence {
            key: "basic.licence-scope".into(),
            path: "scans/licence.pdf".into(),
            expires: Some(d("2028-05-31")),
            expires_text: "2028-05-31".into(),
        }]
    );
    // The file is not there: said as a sentence, the form back as typed.
    update(
        &mut app,
        Action::EvidenceFailed {
            key: "basic.licence-scope".into(),
            path: "scans/licence.pdf".into(),
            expires: "2028-05-31".into(),
            message: "no file scans/licence.pdf (a path is relative to the workspace /ws/)".into(),
        },
    );
    let Some(Overlay::Form(form)) = &app.overlay else { panic!("the form must come back") };
    assert_eq!((form.first.text(), form.second.text()), ("scans/licence.pdf", "2028-05-31"));
    insta::assert_snapshot!("evidence_form_error_en_120x40", text(&app));
    press(&mut app, &[KeyCode::Esc]);
    // Copied: recorded through the saver, its digest known to match.
    let sha = "9f2c0000000000000000000000000000000000000000000000000000000000aa".to_string();
    let file = "evidence/yun/licence.pdf".to_string();
    let entry = Evidence {
        source: Source::File { file: file.clone(), sha256: sha.clone() },
        seen_on: d("2026-12-03"),
        expires: Some(d("2028-05-31")),
    };
    let effects = update(&mut app, Action::EvidenceCopied { key: "basic.licence-scope".into(), entry });
    assert_eq!(effects, vec![Effect::SaveVendor]);
    let url =
        Evidence { source: Source::Url("https://tsm.miit.gov.cn/x".into()), seen_on: d("2026-12-03"), expires: None };
    update(&mut app, Action::EvidenceCopied { key: "basic.licence-scope".into(), entry: url });
    let screen = text(&app);
    assert!(screen.contains("licence.pdf (seen 2026-12-03,"), "{screen}");
    assert!(screen.contains("SHA-256 9f2c00000000…) ✓"), "{screen}");
    assert!(screen.contains("· Evidence: https://tsm.miit.gov.cn/x (seen"), "{screen}");
    assert_eq!(screen.matches("digest matches").count(), 1, "a URL has no check mark: {screen}");
    // Someone changed the file since: the check says so.
    update(&mut app, Action::EvidenceChecked(vec![(file, sha, Check::Changed)]));
    let screen = text(&app);
    assert!(screen.contains("…) ✗") && screen.contains("file changed since added"), "{screen}");
    insta::assert_snapshot!("evidence_checked_en_120x40", screen);
    // Not a date for the expiry: said, the form stays.
    press(&mut app, &keys("a"));
    press(&mut app, &keys("x.pdf"));
    press(&mut app, &[KeyCode::Enter]);
    press(&mut app, &keys("soon"));
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());
    assert!(
        matches!(&app.overlay, Some(Overlay::Form(f)) if f.error.as_deref().is_some_and(|e| e.contains("not a date")))
    );
}

#[test]
fn opening_a_vendor_asks_for_its_digests_once() {
    let mut app = open(VENDOR, Lang::En, 120, 40);
    let effects = update(
        &mut app,
        Action::VendorChanged(Ok(Box::new(
            VendorFile::parse(Path::new("/ws/vendors/yun.toml"), VENDOR.to_string()).unwrap(),
        ))),
    );
    let sha = "9f2c0000000000000000000000000000000000000000000000000000000000aa".to_string();
    assert_eq!(effects, vec![Effect::CheckEvidence { files: vec![("evidence/yun/licence.pdf".into(), sha.clone())] }]);
    assert!(text(&app).contains("checking"), "{}", text(&app));
    // Not again while it is known.
    let again = update(
        &mut app,
        Action::VendorChanged(Ok(Box::new(
            VendorFile::parse(Path::new("/ws/vendors/yun.toml"), VENDOR.to_string()).unwrap(),
        ))),
    );
    assert!(again.is_empty(), "{again:?}");
    update(&mut app, Action::EvidenceChecked(vec![("evidence/yun/licence.pdf".into(), sha, Check::Missing)]));
    assert!(text(&app).contains("file missing"), "{}", text(&app));
}

#[test]
fn read_only_views_offer_none_of_it() {
    let mut app = open(VENDOR, Lang::En, 120, 40);
    app.interview.as_mut().unwrap().read_only =
        Some(ccvet::storage::lock::Holder { user: "wang".into(), ..Default::default() });
    for k in ["f", "F", "a", "C"] {
        assert!(press(&mut app, &keys(k)).is_empty(), "{k}");
        assert!(app.overlay.is_none(), "{k}");
    }
    let screen = text(&app);
    assert!(!screen.contains("f follow-up"), "{screen}");
    press(&mut app, &keys("?"));
    let help = text(&app);
    assert!(!help.contains("follow-up status") && !help.contains("add evidence"), "{help}");
    assert!(help.contains("next open follow-up"), "moving is not editing: {help}");
}

#[test]
fn capital_c_asks_naming_the_date_then_starts_the_cycle() {
    let mut app = open(PLAIN, Lang::En, 80, 24);
    assert!(press(&mut app, &keys("C")).is_empty());
    let screen = text(&app);
    assert!(screen.contains("Start a new assessment cycle on 2026-12-03?"), "{screen}");
    assert!(screen.contains("vendors/history/yun/2025-11-24.toml"), "{screen}");
    insta::assert_snapshot!("reassess_confirm_en_80x24", screen);
    assert!(press(&mut app, &keys("n")).is_empty());
    assert!(app.overlay.is_none());
    press(&mut app, &keys("C"));
    let effects = press(&mut app, &keys("y"));
    assert_eq!(effects, vec![Effect::Reassess { path: "/ws/vendors/yun.toml".into(), on: d("2026-12-03") }]);
    // The runner hands back the new cycle.
    let next = ccvet::storage::cycle::next_cycle_text(PLAIN, d("2026-12-03")).unwrap();
    let vendor = VendorFile::parse(Path::new("/ws/vendors/yun.toml"), next).unwrap();
    update(
        &mut app,
        Action::Reassessed { vendor: Box::new(vendor), history: "vendors/history/yun/2025-11-24.toml".into() },
    );
    let screen = text(&app);
    assert!(app.status.text.contains("new cycle assessed on 2026-12-03"), "{}", app.status.text);
    assert!(screen.contains("│ ? What is the scope"), "carried, to confirm: {screen}");
    // A cycle cannot start on or before the current one.
    app.today = d("2026-12-03");
    press(&mut app, &keys("C"));
    assert!(app.overlay.is_none());
    assert!(app.status.text.contains("can start after that day"), "{}", app.status.text);
}

#[test]
fn the_vendor_list_marks_what_is_due_and_d_goes_to_the_next() {
    for lang in [Lang::En, Lang::Zh] {
        let q = common::default_questionnaire();
        let mut app = App::new(q.clone(), lang, 80, 24);
        app.today = d("2026-12-20");
        let row = |slug: &str, text: &str| VendorRow::Ok {
            summary: Box::new(Summary::of(
                &q,
                VendorFile::parse(Path::new(&format!("/ws/vendors/{slug}.toml")), text.to_string()).unwrap(),
            )),
            changed: "11-24 10:02".into(),
        };
        // a: nothing due; b: re-assessment in the window; c: an overdue follow-up.
        let fresh = PLAIN.replace("2025-11-24", "2026-11-24").replace("云联科技 Yunlian Tech", "A fresh");
        let soon = PLAIN.replace("2025-11-24", "2026-01-10").replace("云联科技 Yunlian Tech", "B soon");
        let late = VENDOR.replace("云联科技", "C late");
        app.set_vendors(vec![row("a", &fresh), row("b", &soon), row("c", &late)]);
        let screen = text(&app);
        assert!(screen.contains("│▶ A fresh"), "{screen}");
        assert!(screen.contains("│ *B soon"), "{screen}");
        assert!(screen.contains("│ !C late"), "{screen}");
        insta::assert_snapshot!(format!("vendor_list_due_{}_80x24", lang.code()), screen);
        press(&mut app, &keys("d"));
        assert_eq!(app.vendors.selected, 1);
        press(&mut app, &keys("d"));
        assert_eq!(app.vendors.selected, 2);
        press(&mut app, &keys("d"));
        assert_eq!(app.vendors.selected, 1, "wraps around");
    }
}

#[test]
fn d_in_the_interview_goes_to_the_next_open_follow_up() {
    let text_with_two = format!(
        "{PLAIN}followup = {{ ask = \"A\", status = \"requested\" }}\n\n[answers.\"tech.iso27001\"]\nvalue = true\nfollowup = {{ ask = \"B\", status = \"received\" }}\n\n[answers.\"basic.annual-inspection\"]\nvalue = true\nfollowup = {{ ask = \"C\", status = \"closed\" }}\n"
    );
    let mut app = open(&text_with_two, Lang::En, 120, 40);
    let key = |app: &App| app.interview.as_ref().unwrap().current(&app.questionnaire).unwrap().key.clone();
    press(&mut app, &keys("d"));
    assert_eq!(key(&app), "tech.iso27001");
    press(&mut app, &keys("d"));
    assert_eq!(key(&app), "basic.licence-scope", "closed ones are passed over; wraps around");
    let screen = text(&app);
    assert!(
        screen.contains("+2 open follow-up(s)") && !screen.contains("!0"),
        "nothing overdue, so no count of it: {screen}"
    );
}

#[test]
fn undo_of_an_answer_still_works_after_evidence_was_added_to_it() {
    let mut app = open(PLAIN, Lang::En, 120, 40);
    press(&mut app, &keys("2"));
    let url = Evidence { source: Source::Url("https://x.example/a".into()), seen_on: d("2026-12-03"), expires: None };
    update(&mut app, Action::EvidenceCopied { key: "basic.licence-scope".into(), entry: url.clone() });
    assert_eq!(press(&mut app, &keys("z")), vec![Effect::SaveVendor], "{}", app.status.text);
    let a = app.interview.as_ref().unwrap().answers["basic.licence-scope"].clone();
    assert_eq!(a.value, Some(ccvet::domain::answers::Value::Str("nationwide".into())));
    assert_eq!(a.evidence, vec![url], "undo never takes evidence back");
}

#[test]
fn the_interview_marks_open_and_overdue_follow_ups_in_both_languages() {
    let two = format!(
        "{VENDOR}\n[answers.\"tech.iso27001\"]\nvalue = true\nfollowup = {{ ask = \"ISO 27001 证书\", due = 2027-01-31, status = \"requested\" }}\n"
    );
    for lang in [Lang::En, Lang::Zh] {
        let mut app = open(&two, lang, 80, 24);
        app.today = d("2026-12-20");
        let sha = "9f2c0000000000000000000000000000000000000000000000000000000000aa".to_string();
        update(&mut app, Action::EvidenceChecked(vec![("evidence/yun/licence.pdf".into(), sha, Check::Ok)]));
        let screen = text(&app);
        // The title counts both, one overdue; the list marks the overdue `!`.
        assert!(screen.lines().next().unwrap().contains("+2 !1"), "{screen}");
        assert!(screen.contains("│!?"), "{screen}");
        insta::assert_snapshot!(format!("interview_marks_{}_80x24", lang.code()), screen);
    }
}

#[test]
fn a_follow_up_being_typed_is_saved_on_the_way_out() {
    let mut app = open(PLAIN, Lang::En, 80, 24);
    press(&mut app, &keys("f"));
    let effects = update(&mut app, Action::Shutdown);
    assert_eq!(effects, vec![Effect::SaveVendor, Effect::Quit]);
    assert_eq!(followup(&app, "basic.licence-scope").unwrap().due, Some(d("2026-12-17")));
    // Evidence is not copied on the way out.
    let mut app = open(PLAIN, Lang::En, 80, 24);
    press(&mut app, &keys("a"));
    press(&mut app, &keys("x.pdf"));
    assert_eq!(update(&mut app, Action::Shutdown), vec![Effect::Quit]);
}
