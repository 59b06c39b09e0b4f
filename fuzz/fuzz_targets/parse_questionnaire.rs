//! Any bytes as a questionnaire: never a panic; what loads scores within
//! its range.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok((q, _)) = ccvet::storage::questionnaire::parse(text) {
        let r = ccvet::domain::scoring::score(&q, &Default::default(), None);
        if let (Some(lo), Some(hi)) = (r.min, r.max) {
            assert!(lo <= hi + 1e-9);
        }
    }
});
