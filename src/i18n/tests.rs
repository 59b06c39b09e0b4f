//! The catalogue is complete, and no message lives outside it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::*;

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3000}'..='\u{303f}' | '\u{3400}'..='\u{9fff}' | '\u{ff00}'..='\u{ffef}'))
}

/// English texts that read differently in Chinese by place, on purpose:
/// the English word is ambiguous and Chinese needs two words, or the
/// Chinese already printed differs by place and changing it would change
/// reports people keep. (Candidates to unify in their own change:
/// "rejected", "Vendor", the N/A sentence, the score panel's "Score".)
const SAME_EN_ON_PURPOSE: &[&str] = &[
    // a person (访谈人) vs where an answer came from (访谈记录)
    "interviewer",
    // the number (得分) vs the panel that rates (评分)
    "Score",
    // the table column (区间) vs the report line (可能区间)
    "Range",
    // the form's header uses the buyer's word 供应商
    "Vendor",
    // a sign-off decision in reports (否决) and in the app (拒绝)
    "rejected",
    // a point on a screen (当前) vs in history lines (现在)
    "now",
    // a list (问题), a sheet (逐题对比), the questionnaire (问卷), a count (题数)
    "Questions",
    // a form header that the import also reads (`note 备注`) vs a plain word
    "note",
    // the status line vs the spreadsheet import
    "this question does not allow N/A",
    // a key that opens (打开) vs a question not answered yet (未答)
    "open",
    // a key that moves to the next one (切换问题, 切换部分) vs a column
    "question",
    "section",
];

#[test]
fn every_message_has_both_languages_and_the_same_placeholders() {
    let mut names = BTreeSet::new();
    for (area, m) in all() {
        assert!(names.insert((area, m.id)), "{area}::{} twice", m.id);
        assert!(!m.en.trim().is_empty(), "{area}::{} has no English", m.id);
        assert!(!m.zh.trim().is_empty(), "{area}::{} has no Chinese", m.id);
        let en: BTreeSet<&str> = placeholders(m.en).into_iter().collect();
        let zh: BTreeSet<&str> = placeholders(m.zh).into_iter().collect();
        assert_eq!(en, zh, "{area}::{}: placeholders differ between en and zh", m.id);
        assert!(
            has_cjk(m.zh) != m.same,
            "{area}::{}: {}",
            m.id,
            if m.same {
                "marked `same` but has Chinese"
            } else {
                "the Chinese text has no Chinese (mark it `same` if meant)"
            }
        );
    }
    assert!(names.len() > 200, "the catalogue lost its messages: {}", names.len());
}

#[test]
fn one_english_text_has_one_chinese_text() {
    let mut by_en: BTreeMap<&str, Vec<(&str, Msg)>> = BTreeMap::new();
    for (area, m) in all() {
        by_en.entry(m.en).or_default().push((area, m));
    }
    for listed in SAME_EN_ON_PURPOSE {
        let zh: BTreeSet<&str> = by_en.get(listed).into_iter().flatten().map(|(_, m)| m.zh).collect();
        assert!(zh.len() > 1, "`{listed}` reads one way now: take it out of SAME_EN_ON_PURPOSE");
    }
    for (en, uses) in by_en {
        let zh: BTreeSet<&str> = uses.iter().map(|(_, m)| m.zh).collect();
        if zh.len() > 1 {
            let named: Vec<String> = uses.iter().map(|(a, m)| format!("{a}::{}", m.id)).collect();
            assert!(
                SAME_EN_ON_PURPOSE.contains(&en),
                "`{en}` reads differently in Chinese in {named:?}: pick one, or list it in SAME_EN_ON_PURPOSE with why"
            );
        }
    }
}

#[test]
fn placeholders_fill_by_name() {
    let args: [(&str, &dyn Display); 2] = [("name", &"acme"), ("n", &3)];
    assert_eq!(fill("{name} has {n} {n}", &args), "acme has 3 3");
    assert_eq!(fill("{missing} {name}", &args), "{missing} acme");
    assert_eq!(fill("{ {} }{name", &args), "{ {} }{name");
    assert_eq!(fill("云{name}联", &args), "云acme联");
    assert_eq!(placeholders("`{wanted}` in {dir}{hint} {}"), vec!["wanted", "dir", "hint"]);
}

#[test]
fn english_made_from_a_message_is_put_into_chinese() {
    let known = [errors::TOML_SYNTAX, errors::NOT_UTF8, errors::CONFLICT];
    assert_eq!(
        relocalise("TOML syntax error: expected `=`", Lang::Zh, &known).as_deref(),
        Some("文件无法解析（TOML 语法错误）：expected `=`")
    );
    assert_eq!(relocalise("the file is not valid UTF-8 text", Lang::Zh, &known).as_deref(), Some(errors::NOT_UTF8.zh));
    let conflict = errors::CONFLICT.fill(Lang::En, &[("path", &"v/a.toml"), ("key", &"b.c"), ("mine", &"v/a.mine")]);
    assert_eq!(relocalise(&conflict, Lang::En, &known).as_deref(), Some(conflict.as_str()));
    assert!(relocalise(&conflict, Lang::Zh, &known).is_some_and(|z| z.starts_with("v/a.toml：`b.c` ")));
    assert_eq!(relocalise("something else", Lang::Zh, &known), None);
    assert_eq!(relocalise("the file is not valid UTF-8 text!", Lang::Zh, &known), None);
}

/// Where a source file still pairs English and Chinese inline.
fn inline_pairs(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        // a `fn tr(lang: Lang, en: &str, zh: &str)`-style helper
        if code.contains("en: &'static str, zh: &'static str") || code.contains("en: &str, zh: &str") {
            found.push(format!("{}: a helper taking en and zh", n + 1));
        }
        // a `Lang::Zh => "…中文…"` arm: a message paired by `match lang`
        if (code.contains("Lang::Zh =>") || code.contains("Lang::Zh) =>"))
            && code.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c))
        {
            found.push(format!("{}: a `match lang` arm with Chinese text", n + 1));
        }
        // `en: "…", zh: "…"` written as a pair
        if let Some(i) = code.find("en: \"")
            && code[i..].contains("zh: \"")
        {
            found.push(format!("{}: an en/zh literal pair", n + 1));
        }
    }
    // `tr(lang, "…", "…")`, `t(…)`, `l(…)`, also across lines
    let bytes = text.as_bytes();
    for name in ["tr(", "t(", "l("] {
        let mut from = 0;
        while let Some(i) = text[from..].find(name).map(|i| i + from) {
            from = i + name.len();
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == ':') {
                continue;
            }
            let rest = text[from..].trim_start();
            let arg_len = rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.')).unwrap_or(0);
            let after = rest[arg_len..].trim_start();
            let first = after.strip_prefix(',').map(str::trim_start);
            let literal_first = first.is_some_and(|a| a.starts_with('"'));
            let two_literals = rest.starts_with('"')
                && rest[1..].find('"').is_some_and(|j| rest[j + 2..].trim_start().starts_with(','));
            if literal_first || (name == "l(" && two_literals) {
                let line = bytes[..i].iter().filter(|&&b| b == b'\n').count() + 1;
                found.push(format!("{line}: an inline {name}…) pair"));
            }
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_message_is_paired_inline_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut problems = Vec::new();
    for path in files {
        if path.starts_with(root.join("i18n")) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for p in inline_pairs(&text) {
            problems.push(format!("{}:{p}", path.display()));
        }
    }
    assert!(problems.is_empty(), "move these into src/i18n:\n{}", problems.join("\n"));
}

#[test]
fn the_scan_sees_the_shapes_it_forbids() {
    assert_eq!(inline_pairs("let a = tr(lang, \"Vendors\", \"服务商\");").len(), 1);
    assert_eq!(inline_pairs("x(t(\n    app.lang,\n    \"a\",\n    \"乙\"))").len(), 1);
    assert_eq!(inline_pairs("l(\"Nothing due.\", \"没有到期事项。\")").len(), 1);
    assert_eq!(inline_pairs("Msg { en: \"a\", zh: \"乙\" }").len(), 1);
    assert_eq!(inline_pairs("    Lang::Zh => format!(\"已撤销：{key}\"),").len(), 1);
    assert_eq!(inline_pairs("    (true, Lang::Zh) => \"没有\",").len(), 1);
    assert!(inline_pairs("    Lang::Zh => (\"（\", \"）\"),").is_empty());
    assert_eq!(inline_pairs("fn tr(lang: Lang, en: &'static str, zh: &'static str) {}").len(), 1);
    assert!(inline_pairs("msg::VENDORS.text(lang); fit(\"x\", 3); s.get(\"a\"); format(\"a\", b)").is_empty());
}

/// Files outside the catalogue whose code may hold Chinese text, and why:
/// none of it is a message.
const CHINESE_ON_PURPOSE: &[(&str, &str)] = &[
    ("domain/cell.rs", "words a spreadsheet cell may hold (是, 不适用, （无）), read not shown"),
    ("domain/input.rs", "words an interviewer may type (是, 否), read not shown"),
    ("domain/number.rs", "unit words an interviewer may type (万元, 分钟, 小时), read not shown"),
    ("workload.rs", "the generated questionnaire and vendors of the benchmarks"),
    ("cli/followup.rs", "the Chinese way to write a date (2026年12月3日), a format, not a sentence"),
];

/// Chinese in a string literal of non-test code: a message that escaped
/// the catalogue whatever shape it takes (a helper, a tuple, an `if`).
#[test]
fn no_chinese_text_outside_the_catalogue() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut problems = Vec::new();
    for path in files {
        let rel = path.strip_prefix(&root).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("i18n/") || CHINESE_ON_PURPOSE.iter().any(|(f, _)| *f == rel) {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        // Unit tests sit at the end of a file, after `#[cfg(test)]`.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (n, line) in code.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            // Ideographs only: CJK brackets and commas are punctuation
            // rules (line breaking, `（`), not words.
            let ideograph = |t: &str| t.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c));
            if line.split('"').skip(1).step_by(2).any(ideograph) {
                problems.push(format!("{rel}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(problems.is_empty(), "move these into src/i18n:\n{}", problems.join("\n"));
}
