//! Generates a workspace for measurements and scale tests: a questionnaire
//! of N questions of every kind and V vendor files with random answers.
//!
//!     cargo run --release --example generate -- --questions 400 --vendors 1000 --out /tmp/ws
//!
//! The output is a function of the arguments and `--seed`, so a measured
//! workload can be made again exactly.

use std::fmt::Write;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    /// xorshift64*: plenty for test data, and no dependency.
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

const KINDS: [&str; 7] = ["yesno", "choice", "multi", "rating", "number", "date", "text"];

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
    let mut rng = Rng(seed.max(1));
    let sections = (questions / 40).clamp(1, 100);
    let kinds: Vec<&str> = (0..questions).map(|i| KINDS[i % KINDS.len()]).collect();
    let mut q = String::from(
        "id = \"generated\"\nversion = 1\ntitle = { zh = \"生成的问卷\", en = \"Generated questionnaire\" }\n\n",
    );
    for (min, zh, en) in [(85, "推荐", "Recommended"), (70, "可接受", "Acceptable"), (0, "不推荐", "Not recommended")]
    {
        let _ = writeln!(q, "[[bands]]\nmin = {min}\nlabel = {{ zh = \"{zh}\", en = \"{en}\" }}\n");
    }
    let mut keys = Vec::with_capacity(questions);
    for s in 0..sections {
        let _ = writeln!(
            q,
            "[[sections]]\nid = \"s{s}\"\nweight = {}\ntitle = {{ zh = \"第{s}部分\", en = \"Section {s}\" }}\n",
            1 + rng.below(30)
        );
        let per = questions / sections + usize::from(s < questions % sections);
        for i in 0..per {
            let n = keys.len();
            let kind = kinds[n];
            keys.push((format!("s{s}.q{i}"), kind));
            let _ = write!(
                q,
                "[[sections.questions]]\nid = \"q{i}\"\nkind = \"{kind}\"\nweight = {}\nallow_na = {}\n\
                 text = {{ zh = \"第{n}题：服务商是否满足这项要求？\", en = \"Question {n}: does the vendor meet this requirement?\" }}\n\
                 help = {{ zh = \"请服务商出示书面证据。\", en = \"Ask the vendor for written evidence.\" }}\n",
                1 + rng.below(10),
                n % 5 == 0
            );
            match kind {
                "choice" | "multi" => {
                    q.push_str("options = [\n");
                    for o in 0..4 {
                        let ko = if kind == "choice" && o == 3 && n < 40 { ", knockout = true" } else { "" };
                        let _ = writeln!(
                            q,
                            "  {{ id = \"o{o}\", label = \"Option {o}\", score = {}{ko} }},",
                            (3 - o) as f64 / 3.0
                        );
                    }
                    q.push_str("]\n");
                }
                "rating" => q.push_str("max = 5\n"),
                "number" => q.push_str(
                    "unit = \"10k CNY\"\nthresholds = [ { min = 1000, score = 1.0 }, { min = 100, score = 0.5 } ]\n",
                ),
                "date" if n < 40 => {
                    q.push_str(
                        "knockout = true\nthresholds = [ { min = 12, score = 1.0 }, { min = 0, score = 0.5 } ]\n",
                    );
                }
                "date" => q.push_str("thresholds = [ { min = 12, score = 1.0 }, { min = 0, score = 0.5 } ]\n"),
                _ => {}
            }
            q.push('\n');
        }
    }
    let vendors_dir = out.join("vendors");
    if let Err(e) =
        std::fs::create_dir_all(&vendors_dir).and_then(|()| std::fs::write(out.join("questionnaire.toml"), &q))
    {
        eprintln!("generate: {e}");
        std::process::exit(1);
    }
    for v in 0..vendors {
        let mut text = format!(
            "vendor = \"供应商 Vendor {v:05}\"\nquestionnaire = \"generated\"\nquestionnaire_version = 1\nassessed_on = 2026-11-24\ninterviewer = \"gen\"\n"
        );
        for (key, kind) in &keys {
            if rng.below(10) < 2 {
                continue; // about 80% answered
            }
            let value = match *kind {
                "yesno" => (rng.below(2) == 0).to_string(),
                "choice" => {
                    // the knockout option (o3) now and then, not in every vendor
                    let options = if rng.below(20) == 0 { 4 } else { 3 };
                    format!("\"o{}\"", rng.below(options))
                }
                "multi" => format!("[\"o{}\", \"o{}\"]", rng.below(4), rng.below(4)),
                "rating" => rng.below(6).to_string(),
                "number" => rng.below(2000).to_string(),
                "date" => format!("{}-{:02}-{:02}", 2027 + rng.below(4), 1 + rng.below(12), 1 + rng.below(28)),
                _ => "\"free text answer 自由文本\"".to_string(),
            };
            let _ = write!(text, "\n[answers.\"{key}\"]\nvalue = {value}\n");
            if rng.below(8) == 0 {
                text.push_str("note = \"会议记录：已查看原件 / seen the original\"\n");
            }
        }
        if let Err(e) = std::fs::write(vendors_dir.join(format!("vendor-{v:05}.toml")), text) {
            eprintln!("generate: {e}");
            std::process::exit(1);
        }
    }
    println!("generated {} questions in {sections} sections and {vendors} vendors in {}", keys.len(), out.display());
}
