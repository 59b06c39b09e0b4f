//! The vendor list and the comparison: moving, filtering, opening,
//! creating, a large workspace loading, and the keys the hint bar offers
//! there.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::fixtures::{YUNLIAN, app, interview, text, vendor};
use common::{chars, draw, press};

use std::path::Path;

use ccvet::app::action::{Action, Effect};
use ccvet::app::state::{App, Interview, Overlay, Screen, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::text::Lang;
use ccvet::summary::Summary;
use crossterm::event::KeyCode;

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
fn a_paste_in_a_one_line_editor_becomes_one_line() {
    let mut app = app(Lang::En, 80, 24);
    press(&mut app, &chars("n"));
    update(&mut app, Action::Paste("云联\n科技".into()));
    let effects = press(&mut app, &[KeyCode::Enter]);
    assert_eq!(effects, vec![Effect::CreateVendor { name: "云联 科技".into() }]);
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
