//! The interview shows what §11 holds for the current answer: "carried,
//! to confirm", the open follow-up and the evidence (TestBackend, both
//! languages).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

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
