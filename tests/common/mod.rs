//! Shared helpers for the integration tests.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![allow(dead_code)]

use ccvet::domain::questionnaire::Questionnaire;
use ccvet::storage::questionnaire::parse;

/// Parses questionnaire text that must be valid.
pub fn questionnaire(text: &str) -> Questionnaire {
    match parse(text) {
        Ok((q, _)) => q,
        Err(problems) => panic!("test questionnaire is invalid: {problems:#?}"),
    }
}

/// The default questionnaire.
pub fn default_questionnaire() -> Questionnaire {
    questionnaire(ccvet::storage::questionnaire::EMBEDDED)
}
pub mod team;
