//! The vendors and the app the TUI tests start from: 云联科技 (partly
//! answered), Acme Call (disqualified), Empty Ltd and one unreadable file;
//! the screen as text, and the `snapshot!` of it.

use std::path::Path;

use ccvet::app::state::{App, Interview, Screen, VendorRow};
use ccvet::domain::answers::Value;
use ccvet::domain::text::Lang;
use ccvet::storage::vendor::VendorFile;
use ccvet::summary::Summary;
use ratatui::buffer::Buffer;

pub const YUNLIAN: &str = r#"vendor = "云联科技 Yunlian Tech"
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

pub const ACME: &str = r#"vendor = "Acme Call"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "none"

[answers."tech.iso27001"]
value = true
"#;

pub fn vendor(slug: &str, text: &str) -> VendorFile {
    VendorFile::parse(Path::new(&format!("/ws/vendors/{slug}.toml")), text.to_string()).unwrap()
}

/// An app on the vendor list with three vendors and one unreadable file.
pub fn app(lang: Lang, width: u16, height: u16) -> App {
    let q = super::default_questionnaire();
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
pub fn interview(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    let iv = Interview::new(&app.questionnaire, vendor("yunlian", YUNLIAN));
    app.interview = Some(iv);
    app.screen = Screen::Interview;
    app
}

/// The screen as text, one line per row (wide characters once).
pub fn text(buf: &Buffer) -> String {
    super::buffer_text(buf)
}

pub fn answer(app: &App, key: &str) -> Option<Value> {
    app.interview.as_ref().unwrap().answers.get(key).and_then(|a| a.value.clone())
}

/// The screen drawn and snapshotted as text (`text` and `draw` as in
/// the calling test).
#[allow(unused_macros)]
macro_rules! snapshot {
    ($name:expr, $app:expr) => {
        insta::assert_snapshot!($name, text(&draw(&$app)));
    };
}
#[allow(unused_imports)]
pub(crate) use snapshot;
