//! Vendor housekeeping in the app, through the keymap as the terminal
//! would send it: `R` renames (the current name prefilled), `a` archives
//! after a confirmation naming the vendor, `A` lists archived vendors and
//! Enter restores one, `L` asks for the language to be remembered.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::app::action::{Action, Effect};
use ccvet::app::state::{App, Confirm, Overlay, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use ccvet::summary::Summary;
use common::{chars, press};
use crossterm::event::KeyCode;

fn app(lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, width, height);
    let rows = [("acme", "Acme Call"), ("yun-lian", "云联科技 Yunlian")]
        .into_iter()
        .map(|(slug, name)| {
            let v = VendorFile::parse(Path::new(&format!("/ws/vendors/{slug}.toml")), format!("vendor = \"{name}\"\n"))
                .unwrap();
            VendorRow::Ok { summary: Box::new(Summary::of(&q, v)), changed: "11-24 10:02".into() }
        })
        .collect();
    app.set_vendors(rows);
    app
}

fn screen(app: &App) -> String {
    common::buffer_text(&common::draw(app))
}

#[test]
fn r_asks_for_the_new_name_with_the_current_one_and_enter_renames() {
    let mut app = app(Lang::En, 80, 24);
    assert!(press(&mut app, &chars("R")).is_empty());
    let Some(Overlay::Rename { path, buffer }) = &app.overlay else { panic!("{:?}", app.overlay) };
    assert_eq!((path.as_path(), buffer.text()), (Path::new("/ws/vendors/acme.toml"), "Acme Call"));
    let shown = screen(&app);
    assert!(shown.contains("Rename vendor: new name") && shown.contains("Acme Call"), "{shown}");
    // Esc: nothing happens.
    assert!(press(&mut app, &[KeyCode::Esc]).is_empty());
    assert!(app.overlay.is_none());
    // Typing replaces the end of the name; Enter asks for the rename.
    press(&mut app, &chars("R"));
    let effects = press(&mut app, &[&[KeyCode::Backspace; 4][..], &chars("Global q"), &[KeyCode::Enter]].concat());
    assert_eq!(
        effects,
        vec![Effect::RenameVendor { path: "/ws/vendors/acme.toml".into(), name: "Acme Global q".into() }]
    );
    assert!(!app.quit);
    // A refusal brings the prompt back with the name and why.
    update(
        &mut app,
        Action::RenameFailed {
            path: "/ws/vendors/acme.toml".into(),
            name: "Acme Global q".into(),
            message: "✗ a vendor with that name exists already (acme-global-q)".into(),
        },
    );
    assert!(matches!(&app.overlay, Some(Overlay::Rename { buffer, .. }) if buffer.text() == "Acme Global q"));
    assert!(screen(&app).contains("exists already"), "{}", screen(&app));
    // An empty name is refused in place.
    press(&mut app, &[KeyCode::End]);
    press(&mut app, &[KeyCode::Backspace; 20]);
    assert!(press(&mut app, &[KeyCode::Enter]).is_empty());
    assert!(matches!(app.overlay, Some(Overlay::Rename { .. })));
    assert_eq!(app.status.text, "a vendor needs a name");
}

#[test]
fn a_asks_to_confirm_naming_the_vendor_and_only_y_archives() {
    for lang in [Lang::En, Lang::Zh] {
        let mut app = app(lang, 80, 24);
        press(&mut app, &chars("j"));
        assert!(press(&mut app, &chars("a")).is_empty());
        let expected =
            Confirm::Archive { path: "/ws/vendors/yun-lian.toml".into(), name: "云联科技 Yunlian".into() };
        assert!(matches!(&app.overlay, Some(Overlay::Confirm(c)) if *c == expected), "{:?}", app.overlay);
        let shown = screen(&app);
        let (title, keep) = match lang {
            Lang::En => ("Archive 云联科技 Yunlian?", "its reviews, evidence and"),
            Lang::Zh => ("归档 云联科技 Yunlian？", "其评审、证据"),
        };
        assert!(shown.contains(title) && shown.contains(keep), "{shown}");
        insta::assert_snapshot!(format!("archive_confirm_{lang:?}"), shown);
        assert!(press(&mut app, &chars("n")).is_empty());
        assert!(app.overlay.is_none());
        press(&mut app, &chars("a"));
        assert_eq!(
            press(&mut app, &chars("y")),
            vec![Effect::ArchiveVendor { path: "/ws/vendors/yun-lian.toml".into() }]
        );
    }
}

#[test]
fn capital_a_lists_archived_vendors_and_enter_restores_one() {
    let mut app = app(Lang::En, 80, 24);
    assert_eq!(press(&mut app, &chars("A")), vec![Effect::ListArchived]);
    update(&mut app, Action::ArchivedListed(vec![]));
    assert!(app.overlay.is_none());
    assert_eq!(app.status.text, "no archived vendors");
    press(&mut app, &chars("A"));
    update(
        &mut app,
        Action::ArchivedListed(vec![("old".into(), "Old Vendor".into()), ("older".into(), "更旧的服务商".into())]),
    );
    let shown = screen(&app);
    assert!(shown.contains("Archived vendors") && shown.contains("▶ Old Vendor  [old]"), "{shown}");
    press(&mut app, &chars("j"));
    insta::assert_snapshot!("archived_list_en", screen(&app));
    // q closes the list rather than quitting the app
    press(&mut app, &chars("q"));
    assert!(app.overlay.is_none() && !app.quit);
    press(&mut app, &chars("A"));
    update(&mut app, Action::ArchivedListed(vec![("old".into(), "Old".into()), ("older".into(), "Older".into())]));
    let effects = press(&mut app, &[KeyCode::Down, KeyCode::Enter]);
    assert_eq!(effects, vec![Effect::RestoreVendor { slug: "older".into() }]);
    assert!(app.overlay.is_none());
}

#[test]
fn housekeeping_keys_are_in_the_help_and_in_the_hint_bar_where_there_is_room() {
    for (lang, words) in [
        (Lang::En, ["R", "rename", "archive", "archived vendors (restore)"]),
        (Lang::Zh, ["R", "改名", "归档", "已归档（恢复）"]),
    ] {
        let mut app = app(lang, 120, 40);
        press(&mut app, &chars("?"));
        let help = screen(&app);
        for w in words {
            assert!(help.contains(w), "{w}: {help}");
        }
    }
    // On a wide screen the hint bar offers them after the keys that matter more.
    let app = app(Lang::En, 160, 40);
    let last = screen(&app).lines().last().unwrap().to_string();
    assert!(last.contains("q quit  R rename  a archive"), "{last}");
}

#[test]
fn l_switches_the_language_and_asks_for_it_to_be_remembered() {
    let mut app = app(Lang::En, 80, 24);
    assert_eq!(press(&mut app, &chars("L")), vec![Effect::SaveLanguage(Lang::Zh)]);
    assert_eq!(app.lang, Lang::Zh);
    // from the help overlay too
    press(&mut app, &chars("?"));
    assert_eq!(press(&mut app, &chars("L")), vec![Effect::SaveLanguage(Lang::En)]);
    assert_eq!(app.lang, Lang::En);
}
