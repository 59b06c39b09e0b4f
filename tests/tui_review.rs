//! The review screen and trust: reviewers' comments and sign-offs, the
//! read-only banner, taking over from an interviewer who left, and
//! answers stated by the vendor.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{YUNLIAN, interview, snapshot, text, vendor};
use common::{chars, draw, press};

use ccvet::app::action::Effect;
use ccvet::app::state::{Interview, Overlay, Screen};
use ccvet::domain::text::Lang;
use crossterm::event::KeyCode;

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
