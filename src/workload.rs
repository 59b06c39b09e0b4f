//! Generated workloads for measurements and scale tests: a questionnaire of
//! N questions of every kind, and vendor files answering it at random. A
//! function of the size and the seed, so a measured workload can be made
//! again exactly. Used by `examples/generate.rs` and the benchmarks.

use std::fmt::Write;

/// xorshift64*: plenty for test data, and no dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

const KINDS: [&str; 7] = ["yesno", "choice", "multi", "rating", "number", "date", "text"];

/// A generated questionnaire: its TOML, and its (key, kind) pairs in order.
pub struct Generated {
    pub text: String,
    pub keys: Vec<(String, &'static str)>,
}

/// A questionnaire of `questions` questions in sections of about 40, kinds
/// in turn; a few red lines in the first 40.
pub fn questionnaire(questions: usize, rng: &mut Rng) -> Generated {
    generate(questions, rng, false)
}

/// The same with `show_if` conditions (questionnaire v2): every yes/no
/// question after the first few is shown only when the choice question
/// before it is answered `o0` or `o1`, every rating only when the yes/no
/// three before it is `true`, and every tenth section only when the first
/// question of the section before it is `true`.
pub fn questionnaire_with_conditions(questions: usize, rng: &mut Rng) -> Generated {
    generate(questions, rng, true)
}

fn generate(questions: usize, rng: &mut Rng, conditions: bool) -> Generated {
    let sections = (questions / 40).clamp(1, 100);
    let mut q = String::from(
        "id = \"generated\"\nversion = 1\ntitle = { zh = \"生成的问卷\", en = \"Generated questionnaire\" }\n\n",
    );
    for (min, zh, en) in [(85, "推荐", "Recommended"), (70, "可接受", "Acceptable"), (0, "不推荐", "Not recommended")]
    {
        let _ = writeln!(q, "[[bands]]\nmin = {min}\nlabel = {{ zh = \"{zh}\", en = \"{en}\" }}\n");
    }
    let mut keys: Vec<(String, &'static str)> = Vec::with_capacity(questions);
    for s in 0..sections {
        let _ = writeln!(
            q,
            "[[sections]]\nid = \"s{s}\"\nweight = {}\ntitle = {{ zh = \"第{s}部分\", en = \"Section {s}\" }}\n",
            1 + rng.below(30)
        );
        if conditions && s % 10 == 9 {
            let before = format!("s{}.", s - 1);
            if let Some((key, _)) = keys.iter().find(|(k, kind)| *kind == "yesno" && k.starts_with(&before)) {
                let _ = writeln!(q, "show_if = {{ question = \"{key}\", is = true }}\n");
            }
        }
        let per = questions / sections + usize::from(s < questions % sections);
        for i in 0..per {
            let n = keys.len();
            let kind = KINDS[n % KINDS.len()];
            keys.push((format!("s{s}.q{i}"), kind));
            let _ = write!(
                q,
                "[[sections.questions]]\nid = \"q{i}\"\nkind = \"{kind}\"\nweight = {}\nallow_na = {}\n\
                 text = {{ zh = \"第{n}题：服务商是否满足这项要求？\", en = \"Question {n}: does the vendor meet this requirement?\" }}\n\
                 help = {{ zh = \"请服务商出示书面证据。\", en = \"Ask the vendor for written evidence.\" }}\n",
                1 + rng.below(10),
                n.is_multiple_of(5)
            );
            if conditions && n >= 7 {
                match kind {
                    "yesno" => {
                        let _ = writeln!(q, "show_if = {{ question = \"{}\", any = [\"o0\", \"o1\"] }}", keys[n - 6].0);
                    }
                    "rating" => {
                        let _ = writeln!(q, "show_if = {{ question = \"{}\", is = true }}", keys[n - 3].0);
                    }
                    _ => {}
                }
            }
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
    Generated { text: q, keys }
}

/// A vendor file answering about 80% of `keys` at random.
pub fn vendor(number: usize, keys: &[(String, &'static str)], rng: &mut Rng) -> String {
    let mut text = format!(
        "vendor = \"供应商 Vendor {number:05}\"\nquestionnaire = \"generated\"\nquestionnaire_version = 1\nassessed_on = 2026-11-24\ninterviewer = \"gen\"\n"
    );
    for (key, kind) in keys {
        if rng.below(10) < 2 {
            continue;
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
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_conditional_workload_is_a_valid_questionnaire_with_conditions() {
        let g = questionnaire_with_conditions(400, &mut Rng::new(42));
        let parsed = crate::storage::questionnaire::parse(&g.text);
        let Ok((q, warnings)) = parsed else { panic!("{parsed:?}") };
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(q.has_conditions());
        assert!(q.sections[9].show_if.is_some());
        let conditional = q.questions().filter(|x| x.show_if.is_some()).count();
        assert!(conditional > 100, "{conditional}");
    }
}
