//! The pure domain core: questionnaire, answers and scoring.
//!
//! Nothing in here touches the file system, the terminal, the clock or the
//! environment (a test in `tests/architecture.rs` enforces it), so every rule
//! of the product brief can be tested as a plain function of its inputs.

pub mod answers;
pub mod cell;
pub mod conditions;
pub mod date;
pub mod followup;
pub mod input;
pub mod merge;
pub mod number;
pub mod present;
pub mod questionnaire;
pub mod ranking;
pub mod scale;
pub mod scoring;
pub mod signoff;
pub mod text;
pub mod validate;
pub mod validate_v2;

/// A byte range in the source text an element came from, kept so that
/// problems found later can still be reported as `path:line:col`.
pub type Span = std::ops::Range<usize>;
