//! Any bytes as a vendor file: never a panic; what loads, once edited and
//! saved, reads back with the edit and every other answer unchanged.
#![no_main]

use std::path::Path;

use ccvet::domain::answers::{Answer, Edit};
use ccvet::storage::vendor::{VendorFile, apply};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("/fuzz/vendors/fuzz.toml");
    let Ok(v) = VendorFile::parse(path, text.to_string()) else { return };
    let Ok(q) = ccvet::storage::questionnaire::embedded() else { return };
    let q = q.questionnaire;
    let _ = ccvet::domain::scoring::score(&q, &v.answers, v.meta.assessed_on);
    let edit = Edit::Note(Some("fuzz".into()));
    if let Ok(saved) = apply(text, &q, "tech.iso27001", &edit) {
        let back = VendorFile::parse(path, saved).expect("a saved file reads back");
        for (key, answer) in &v.answers {
            if key != "tech.iso27001" {
                assert!(Answer::same_content(back.answers.get(key), Some(answer)), "{key} changed");
            }
        }
    }
});
