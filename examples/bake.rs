//! Bakes the embedded default questionnaire: parses and checks
//! `questionnaires/cloud-call-center.toml` and writes the model, ready to
//! load, to `questionnaires/cloud-call-center.baked`, which the binary
//! embeds. Run it after editing the TOML (a test says when):
//!
//!     cargo run --example bake

use ccvet::storage::questionnaire::{EMBEDDED, bake, parse};

fn main() {
    let questionnaire = match parse(EMBEDDED) {
        Ok((q, warnings)) if warnings.is_empty() => q,
        Ok((_, warnings)) => {
            eprintln!("bake: the default questionnaire has warnings; fix them first: {warnings:?}");
            std::process::exit(1);
        }
        Err(problems) => {
            eprintln!("bake: the default questionnaire does not read: {problems:?}");
            std::process::exit(1);
        }
    };
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/questionnaires/cloud-call-center.baked");
    if let Err(e) = std::fs::write(path, bake(&questionnaire)) {
        eprintln!("bake: cannot write {path}: {e}");
        std::process::exit(1);
    }
    println!("wrote {path}");
}
