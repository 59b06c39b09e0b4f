//! ccvet: vetting cloud call-center vendors from the terminal.
//!
//! - [`domain`]: the pure core (questionnaire, answers, scoring);
//! - [`storage`]: files (questionnaires, vendor files, workspace, locks);
//! - [`cli`]: the headless subcommands;
//! - [`safe_text`]: keeping untrusted text from steering the terminal.

pub mod app;
pub mod ascii;
pub mod cells;
pub mod cli;
pub mod domain;
pub mod git;
pub mod i18n;
pub mod safe_text;
pub mod storage;
pub mod summary;
pub mod system;
pub mod terminal;
pub mod ui;
pub mod workload;
