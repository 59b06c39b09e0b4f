//! The interview without a terminal: action sequences through `update`
//! and the screen drawn on ratatui's `TestBackend` — answering each kind
//! of question, notes, N/A, the editors and Esc, undo and redo, the hint
//! bar, help, resizing and the language switch.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{answer, app, interview, text};
use common::{chars, draw, press};

use ccvet::app::action::{Action, Effect};
use ccvet::app::keymap::{Key, context, lookup};
use ccvet::app::state::{App, Overlay};
use ccvet::app::update::update;
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

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
fn language_switches_everywhere_at_once() {
    let mut app = interview(Lang::En, 80, 24);
    assert!(text(&draw(&app)).contains("What is the scope"));
    press(&mut app, &chars("L"));
    let screen = text(&draw(&app));
    assert!(screen.contains("基础资质") && screen.contains("许可证"), "{screen}");
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
