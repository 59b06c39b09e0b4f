//! Property-based fuzzing: the parsers on arbitrary and mutated input, and
//! random key sequences through `update()`. Nothing may panic; scores stay
//! within their range; what is saved reads back as the answers it holds.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::app::action::{Action, Effect};
use ccvet::app::keymap::{Key, context, lookup};
use ccvet::app::state::{App, Interview, Screen};
use ccvet::app::update::update;
use ccvet::domain::answers::Answer;
use ccvet::domain::text::Lang;
use ccvet::storage::questionnaire::{EMBEDDED, parse};
use ccvet::storage::vendor::{VendorFile, apply};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;

const VENDOR: &str = "vendor = \"Fuzz\"\nassessed_on = 2026-11-24\n\n[answers.\"basic.licence-scope\"]\nvalue = \"nationwide\"\nnote = \"n\"\n\n[answers.\"fit.industries\"]\nvalue = [\"finance\"]\n";

/// Text like `base` with a few bytes changed, inserted or removed: close
/// enough to TOML to get past the first line of the parser.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec((any::<usize>(), 0u8..3, any::<char>()), 1..8).prop_map(move |edits| {
        let mut chars: Vec<char> = base.chars().collect();
        for (at, op, c) in edits {
            if chars.is_empty() {
                chars.push(c);
                continue;
            }
            let i = at % chars.len();
            match op {
                0 => chars[i] = c,
                1 => chars.insert(i, c),
                _ => {
                    chars.remove(i);
                }
            }
        }
        chars.into_iter().collect()
    })
}

fn scores_in_range(r: &ccvet::domain::scoring::ScoreReport) {
    if let (Some(lo), Some(hi)) = (r.min, r.max) {
        assert!(lo <= hi + 1e-9);
        if let Some(s) = r.score {
            assert!(lo <= s + 1e-9 && s <= hi + 1e-9);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_questionnaire_parser_never_panics_on_bytes(text in ".{0,400}") {
        let _ = parse(&text);
    }

    #[test]
    fn the_questionnaire_parser_never_panics_on_mutations(text in mutated(EMBEDDED)) {
        if let Ok((q, _)) = parse(&text) {
            // whatever loads, scores within range on no answers
            scores_in_range(&ccvet::domain::scoring::score(&q, &Default::default(), None));
        }
    }

    #[test]
    fn the_vendor_parser_never_panics_and_what_loads_saves_and_reads_back(text in mutated(VENDOR)) {
        let q = common::default_questionnaire();
        let path = Path::new("/ws/vendors/fuzz.toml");
        if let Ok(v) = VendorFile::parse(path, text.clone()) {
            scores_in_range(&ccvet::domain::scoring::score(&q, &v.answers, v.meta.assessed_on));
            // an edit of a loaded file reads back with the edit and the rest
            let edit = ccvet::domain::answers::Edit::Note(Some("fuzz".into()));
            if let Ok(saved) = apply(&text, &q, "tech.iso27001", &edit) {
                let back = VendorFile::parse(path, saved).expect("a saved file must read back");
                prop_assert_eq!(back.answers.get("tech.iso27001").and_then(|a| a.note.as_deref()), Some("fuzz"));
                for (key, answer) in &v.answers {
                    if key != "tech.iso27001" {
                        prop_assert!(Answer::same_content(back.answers.get(key), Some(answer)), "{key} changed");
                    }
                }
            }
        }
    }

    #[test]
    fn random_keys_through_update_never_panic_and_keep_scores_in_range(
        keys in prop::collection::vec(0usize..KEYS.len(), 1..120),
        size in (1u16..200, 1u16..60),
        zh in any::<bool>(),
    ) {
        let q = common::default_questionnaire();
        let lang = if zh { Lang::Zh } else { Lang::En };
        let mut app = App::new(q.clone(), lang, size.0, size.1);
        let v = VendorFile::parse(Path::new("/ws/vendors/fuzz.toml"), VENDOR.to_string()).unwrap();
        app.interview = Some(Interview::new(&q, v));
        app.screen = Screen::Interview;
        for k in keys {
            let key = Key::from_event(&KeyEvent::new(KEYS[k].0, KEYS[k].1));
            if let Some(action) = lookup(context(&app), key) {
                for effect in update(&mut app, action) {
                    // saves "succeed" at once, as on a healthy disk
                    if effect == Effect::SaveVendor
                        && let Some(iv) = app.interview.as_mut() {
                            let pending = std::mem::take(&mut iv.pending);
                            for p in pending {
                                update(&mut app, Action::Saved { key: p.key, merged: false });
                            }
                        }
                }
            }
            if let Some(iv) = &app.interview {
                scores_in_range(&iv.report);
            }
            // every state draws at every size
            let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(size.0, size.1)).unwrap();
            terminal.draw(|f| ccvet::ui::render(&app, f)).unwrap();
        }
    }
}

/// Keys the fuzzer presses: every binding's kind, and typing.
const KEYS: &[(KeyCode, KeyModifiers)] = &[
    (KeyCode::Char('j'), KeyModifiers::NONE),
    (KeyCode::Char('k'), KeyModifiers::NONE),
    (KeyCode::Tab, KeyModifiers::NONE),
    (KeyCode::BackTab, KeyModifiers::SHIFT),
    (KeyCode::Char('u'), KeyModifiers::NONE),
    (KeyCode::Char('y'), KeyModifiers::NONE),
    (KeyCode::Char('n'), KeyModifiers::NONE),
    (KeyCode::Char('1'), KeyModifiers::NONE),
    (KeyCode::Char('3'), KeyModifiers::NONE),
    (KeyCode::Char('9'), KeyModifiers::NONE),
    (KeyCode::Char('0'), KeyModifiers::NONE),
    (KeyCode::Char(' '), KeyModifiers::NONE),
    (KeyCode::Left, KeyModifiers::NONE),
    (KeyCode::Right, KeyModifiers::NONE),
    (KeyCode::Enter, KeyModifiers::NONE),
    (KeyCode::Esc, KeyModifiers::NONE),
    (KeyCode::Char('x'), KeyModifiers::NONE),
    (KeyCode::Char('e'), KeyModifiers::NONE),
    (KeyCode::Delete, KeyModifiers::NONE),
    (KeyCode::Backspace, KeyModifiers::NONE),
    (KeyCode::Char('s'), KeyModifiers::NONE),
    (KeyCode::Char('S'), KeyModifiers::NONE),
    (KeyCode::Char('r'), KeyModifiers::NONE),
    (KeyCode::Char('?'), KeyModifiers::NONE),
    (KeyCode::Char('L'), KeyModifiers::NONE),
    (KeyCode::PageDown, KeyModifiers::NONE),
    (KeyCode::PageUp, KeyModifiers::NONE),
    (KeyCode::Char('云'), KeyModifiers::NONE),
    (KeyCode::Char('a'), KeyModifiers::NONE),
    (KeyCode::Char('j'), KeyModifiers::CONTROL),
    (KeyCode::Home, KeyModifiers::NONE),
    (KeyCode::End, KeyModifiers::NONE),
];
