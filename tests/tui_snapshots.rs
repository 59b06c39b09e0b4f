//! Every screen drawn on ratatui's `TestBackend`: snapshots at 80×24 and
//! 120×40 in both languages, tiny sizes, key cell styles, a hundred
//! sections, and hostile text that must never reach a cell.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{app, interview, snapshot, text, vendor};
use common::{chars, draw, press};

use ccvet::app::action::Action;
use ccvet::app::state::{App, Interview, Screen, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::text::Lang;
use ccvet::summary::Summary;
use crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};

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
