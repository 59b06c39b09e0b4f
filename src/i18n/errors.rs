//! Messages: errors. Each entry holds both languages; see `crate::i18n`.

messages! {}
