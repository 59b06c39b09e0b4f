//! Generates a workspace for measurements and scale tests: a questionnaire
//! of N questions of every kind and V vendor files with random answers.
//!
//!     cargo run --release --example generate -- --questions 400 --vendors 1000 --out /tmp/ws
//!
//! The output is a function of the arguments and `--seed`, so a measured
//! workload can be made again exactly.

use std::path::PathBuf;

use ccvet::workload::{Rng, questionnaire, vendor};

fn main() {
    let mut questions = 400usize;
    let mut vendors = 1000usize;
    let mut seed = 42u64;
    let mut out: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next().unwrap_or_default();
        match arg.as_str() {
            "--questions" => questions = value.parse().unwrap_or(questions),
            "--vendors" => vendors = value.parse().unwrap_or(vendors),
            "--seed" => seed = value.parse().unwrap_or(seed),
            "--out" => out = Some(PathBuf::from(value)),
            _ => {
                eprintln!("usage: generate --questions N --vendors N --out DIR [--seed N]");
                std::process::exit(2);
            }
        }
    }
    let Some(out) = out else {
        eprintln!("generate: --out DIR is required");
        std::process::exit(2);
    };
    let mut rng = Rng::new(seed);
    let generated = questionnaire(questions, &mut rng);
    let vendors_dir = out.join("vendors");
    if let Err(e) = std::fs::create_dir_all(&vendors_dir)
        .and_then(|()| std::fs::write(out.join("questionnaire.toml"), &generated.text))
    {
        eprintln!("generate: {e}");
        std::process::exit(1);
    }
    for v in 0..vendors {
        let text = vendor(v, &generated.keys, &mut rng);
        if let Err(e) = std::fs::write(vendors_dir.join(format!("vendor-{v:05}.toml")), text) {
            eprintln!("generate: {e}");
            std::process::exit(1);
        }
    }
    println!("generated {} questions and {vendors} vendors in {}", generated.keys.len(), out.display());
}
