//! One widget per panel. Each is a struct of borrowed data that only reads.

pub mod comparison;
pub mod help;
pub mod hint_bar;
pub mod prompt;
pub mod question;
pub mod question_list;
pub mod score_panel;
pub mod title_bar;
pub mod vendor_list;
