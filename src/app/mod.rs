//! The interview app: state and actions apart from drawing.
//!
//! `update` turns an [`Action`] into changes of [`App`] and a list of
//! [`Effect`]s (I/O to do); `run` is the only code that reads keys, does
//! I/O and draws. The keymap is one table that drives keys, the hint bar
//! and the help overlay.

pub mod action;
pub mod confirm;
pub mod editor;
pub mod followups;
pub mod hints;
pub mod keymap;
pub mod poll;
pub mod run;
pub mod saver;
pub mod state;
pub mod undo;
pub mod update;
pub mod vendor_rows;
pub mod watch;
