//! Layout that uses the room (issue #12): the vendor list and the
//! comparison size their columns from what the rows hold, show who holds a
//! vendor at every width, and give red-line reasons in full; alike
//! questions read apart in the question list (TestBackend).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::app::state::{App, Interview, Screen, VendorRow};
use ccvet::domain::text::Lang;
use ccvet::storage::lock::Holder;
use ccvet::storage::vendor::VendorFile;
use ccvet::summary::Summary;

const LONG: &str = r#"vendor = "Acme Global Contact Center Services International"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "none"

[answers."tech.iso27001"]
value = true
"#;

const HELD: &str = r#"vendor = "云联科技 Yunlian Tech"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "nationwide"
"#;

/// Two vendors: one disqualified with a long name, one open in someone
/// else's session (its lock held by `wang.fang`).
fn app(lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, width, height);
    let rows = [("acme", LONG, None), ("yunlian", HELD, Some("wang.fang"))]
        .into_iter()
        .map(|(slug, text, holder)| {
            let file = VendorFile::parse(Path::new(&format!("/ws/vendors/{slug}.toml")), text.to_string()).unwrap();
            let mut summary = Summary::of(&q, file);
            summary.locked_by = holder.map(|user| Holder {
                user: user.to_string(),
                host: "srv".to_string(),
                pid: 42,
                since: "2026-11-24T10:00:00+08:00".to_string(),
            });
            VendorRow::Ok { summary: Box::new(summary), changed: "11-24 10:02".into() }
        })
        .collect();
    app.set_vendors(rows);
    app
}

fn screen(app: &App) -> String {
    common::buffer_text(&common::draw(app))
}

fn line_with<'a>(screen: &'a str, text: &str) -> &'a str {
    screen.lines().find(|l| l.contains(text)).unwrap_or_else(|| panic!("no line with {text:?} in\n{screen}"))
}

#[test]
fn who_holds_a_vendor_shows_in_the_list_at_every_width() {
    for (lang, header) in [(Lang::En, "Open by"), (Lang::Zh, "正在访谈")] {
        for width in [60, 80, 120] {
            let s = screen(&app(lang, width, 20));
            assert!(s.contains(header), "{width}:\n{s}");
            assert!(line_with(&s, "云联科技").contains("● wang.fang"), "{width}:\n{s}");
            // The band of the held vendor is whole, not cut.
            let band = if lang == Lang::En { "Recommended?" } else { "推荐?" };
            assert!(line_with(&s, "云联科技").contains(band), "{width}:\n{s}");
            // "Changed" goes first when there is no room, never the holder.
            if width != 80 {
                assert_eq!(s.contains("11-24 10:02"), width > 80, "{width}:\n{s}");
            }
        }
    }
}

#[test]
fn a_wide_list_shows_whole_names() {
    let s = screen(&app(Lang::En, 120, 20));
    assert!(s.contains("Acme Global Contact Center Services International"), "{s}");
    let narrow = screen(&app(Lang::En, 80, 20));
    assert!(narrow.contains("Acme Global"), "{narrow}");
}

#[test]
fn the_comparison_shows_the_holder_and_the_red_lines_in_full() {
    for width in [60, 80, 120] {
        let mut app = app(Lang::En, width, 20);
        app.screen = Screen::Compare;
        // The disqualified vendor ranks last: select it.
        app.compare_selected = app.ranking.len() - 1;
        let s = screen(&app);
        let holder = if width < 80 { "●" } else { "● wang.fang" };
        assert!(line_with(&s, "云联").contains(holder), "{width}:\n{s}");
        // The disqualified row carries the mark at every width.
        assert!(line_with(&s, "Acme Glo").contains('✗'), "{width}:\n{s}");
        // Its reason, by question, in full below the table (wrapped).
        let joined: String = s.lines().map(|l| l.trim_matches('│').trim_end()).collect::<Vec<_>>().join(" ");
        let joined = joined.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(joined.contains("What is the scope of the vendor's value-added telecom"), "{width}:\n{s}");
    }
    let mut app = app(Lang::Zh, 80, 20);
    app.screen = Screen::Compare;
    app.compare_selected = app.ranking.len() - 1;
    let s = screen(&app);
    assert!(s.contains("✗ Acme Global Contact Center Services International："), "{s}");
}

/// A section's header counts its text questions apart, by name, and the
/// counts stay whole however long the title (a bare "+1" read as a
/// follow-up mark).
#[test]
fn section_headers_name_their_text_questions_and_keep_their_counts() {
    let q = common::default_questionnaire();
    for (lang, width, text) in
        [(Lang::En, 80, "0/10 + 1 text"), (Lang::En, 60, "0/10 + 1 text"), (Lang::Zh, 80, "0/10 + 1 文字题")]
    {
        let mut app = App::new(q.clone(), lang, width, 24);
        let file = VendorFile::parse(Path::new("/ws/vendors/y.toml"), "vendor = \"Y\"\n".to_string()).unwrap();
        app.interview = Some(Interview::new(&app.questionnaire, file));
        app.screen = Screen::Interview;
        let s = screen(&app);
        assert!(s.lines().nth(2).is_some_and(|l| l.contains(text)), "{lang:?} {width}:\n{s}");
    }
}

#[test]
fn questions_that_begin_alike_read_apart_in_the_list() {
    let q = common::default_questionnaire();
    for (lang, width) in [(Lang::En, 80), (Lang::En, 120), (Lang::Zh, 80)] {
        let mut app = App::new(q.clone(), lang, width, 40);
        let file = VendorFile::parse(Path::new("/ws/vendors/y.toml"), HELD.to_string()).unwrap();
        app.interview = Some(Interview::new(&app.questionnaire, file));
        app.screen = Screen::Interview;
        let s = screen(&app);
        let list: Vec<&str> = s.lines().filter_map(|l| l.split("││").next()).collect();
        let sla: Vec<&&str> =
            list.iter().filter(|l| l.contains("minutes") || l.contains("hours") || l.contains(" · SLA")).collect();
        assert_eq!(sla.len(), 2, "{lang:?} {width}:\n{s}");
        let mut seen = std::collections::HashSet::new();
        for line in &list {
            if line.contains(" · ") {
                assert!(seen.insert(line.trim()), "two list rows read the same: {line:?}\n{s}");
            }
        }
    }
}

#[test]
fn an_error_too_long_for_the_hint_bar_shows_whole_above_it() {
    use ccvet::app::state::StatusKind;
    let long = "vendors/acme-global-contact-center-services-internationa.toml: a vendor named \
                `Acme Global Contact Center Services International` already exists";
    for (width, lang) in [(80, Lang::En), (120, Lang::En), (80, Lang::Zh)] {
        let mut app = app(lang, width, 24);
        app.say(StatusKind::Error, long);
        let s = screen(&app);
        let joined = s.lines().map(|l| l.trim_matches('│').trim()).collect::<Vec<_>>().join(" ");
        assert!(joined.contains("already exists"), "{width}:\n{s}");
        assert!(joined.contains("`Acme Global Contact Center Services International`"), "{width}:\n{s}");
        assert!(s.contains(if lang == Lang::En { "┌ Error " } else { "┌ 错误 " }), "{width}:\n{s}");
    }
    // A short one stays in the hint bar, without a box.
    let mut app = app(Lang::En, 80, 24);
    app.say(StatusKind::Error, "disk full");
    let s = screen(&app);
    assert!(!s.contains("┌ Error ") && s.lines().last().unwrap().contains("disk full"), "{s}");
}
