//! The layers stay apart: the domain core does no I/O and knows no
//! terminal, clock or environment; storage prints nothing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

fn sources(dir: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "rs") {
            out.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
        }
    }
    assert!(!out.is_empty(), "no sources in {dir}");
    out
}

/// The code of a file without its `#[cfg(test)]` module.
fn non_test(text: &str) -> &str {
    text.split("#[cfg(test)]").next().unwrap_or(text)
}

#[test]
fn the_domain_core_is_pure() {
    let forbidden = [
        "std::fs",
        "std::env",
        "std::io",
        "std::net",
        "std::process",
        "SystemTime",
        "Instant",
        "jiff",
        "ratatui",
        "crossterm",
        "toml",
        "println!",
        "eprintln!",
        "crate::storage",
        "crate::cli",
    ];
    for (path, text) in sources("src/domain") {
        for word in forbidden {
            assert!(!non_test(&text).contains(word), "{path} uses {word}");
        }
    }
}

#[test]
fn storage_prints_nothing_and_draws_nothing() {
    for (path, text) in sources("src/storage") {
        for word in ["println!", "eprintln!", "print!(", "ratatui", "crossterm", "crate::cli"] {
            assert!(!non_test(&text).contains(word), "{path} uses {word}");
        }
    }
}
