//! Messages in the reader's language (issue 12, item 12): errors about
//! vendors, questions, values, locks, git and broken files read in Chinese
//! under `--lang zh`, the config's `lang` or a Chinese locale, and stay as
//! they were in English. File errors keep leading with `path:line:col`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

struct Sandbox {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stderr: String,
}

impl Sandbox {
    /// A workspace with one vendor, `acme-call`.
    fn new() -> Sandbox {
        let sb = Sandbox { dir: tempfile::tempdir().unwrap() };
        assert_eq!(sb.run(&["init"]).code, 0);
        assert_eq!(sb.run(&["new", "Acme Call", "--assessed-on", "2026-11-24"]).code, 0);
        sb
    }

    fn vendors(&self) -> PathBuf {
        self.dir.path().join("ws").join("vendors")
    }

    fn command(&self) -> Command {
        let mut cmd = Command::cargo_bin("ccvet").unwrap();
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("CCVET_CONFIG", self.dir.path().join("config.toml"))
            .env("CCVET_WORKSPACE", self.dir.path().join("ws"))
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(args, &[])
    }

    fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut cmd = self.command();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        let root = self.dir.path().display().to_string();
        Run {
            code: out.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&out.stderr).replace(&root, "[TMP]"),
        }
    }
}

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

#[test]
fn an_unknown_vendor_is_said_in_chinese_under_lang_zh() {
    let sb = Sandbox::new();
    let zh = sb.run(&["--lang", "zh", "score", "nosuchvendor"]);
    assert_eq!(zh.code, 2, "{}", zh.stderr);
    assert!(zh.stderr.starts_with("ccvet: "), "{}", zh.stderr);
    assert!(has_cjk(&zh.stderr) && zh.stderr.contains("`nosuchvendor`"), "{}", zh.stderr);
    assert!(zh.stderr.contains("没有简称或名称为"), "{}", zh.stderr);
    let en = sb.run(&["--lang", "en", "score", "nosuchvendor"]);
    assert_eq!(en.code, 2);
    assert_eq!(en.stderr, "ccvet: no vendor with slug or name `nosuchvendor` in [TMP]/ws/vendors\n");
    // The language from the config, and from a Chinese locale.
    std::fs::write(sb.dir.path().join("config.toml"), "lang = \"zh\"\n").unwrap();
    let config = sb.run(&["score", "nosuchvendor"]);
    assert_eq!(config.stderr, zh.stderr);
    std::fs::remove_file(sb.dir.path().join("config.toml")).unwrap();
    let locale = sb.run_with(&["score", "nosuchvendor"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(locale.stderr, zh.stderr);
}

#[test]
fn a_broken_vendor_file_gets_a_chinese_lead_after_its_position() {
    let sb = Sandbox::new();
    std::fs::write(sb.vendors().join("x.toml"), "vendor = \"X\"\nanswers = [\n  = 3\n").unwrap();
    let zh = sb.run(&["--lang", "zh", "score", "x"]);
    assert_eq!(zh.code, 1, "{}", zh.stderr);
    let first = zh.stderr.lines().next().unwrap();
    assert!(first.starts_with("[TMP]/ws/vendors/x.toml:3:3: 文件无法解析"), "{}", zh.stderr);
    // the parser's own detail follows
    assert!(first.contains("unexpected `=`"), "{first}");
    let en = sb.run(&["--lang", "en", "score", "x"]);
    assert!(en.stderr.starts_with("[TMP]/ws/vendors/x.toml:3:3: TOML syntax error: unexpected `=`"), "{}", en.stderr);
    assert!(!has_cjk(&en.stderr));
    // `compare` reports the file in the same words and ranks the rest.
    let compare = sb.run(&["--lang", "zh", "compare"]);
    assert!(compare.stderr.contains("x.toml:3:3: 文件无法解析"), "{}", compare.stderr);
    // A file that parses but breaks a rule: a Chinese lead, the check's words.
    std::fs::write(sb.vendors().join("x.toml"), "vendor = 3\n").unwrap();
    let rule = sb.run(&["--lang", "zh", "score", "x"]);
    assert!(rule.stderr.starts_with("[TMP]/ws/vendors/x.toml:1:"), "{}", rule.stderr);
    assert!(rule.stderr.contains(": 文件内容有误："), "{}", rule.stderr);
}

#[test]
fn unknown_questions_bad_values_and_locks_are_said_in_chinese() {
    use ccvet::storage::lock::{Acquired, Holder, try_acquire};
    let sb = Sandbox::new();
    let mut transcript = String::new();
    for args in [
        vec!["answer", "acme-call", "no.such-question", "yes"],
        vec!["answer", "acme-call", "tech.iso27001", "maybe"],
        vec!["answer", "acme-call", "fit.case-whitepapers", "9"],
        vec!["answer", "acme-call", "fit.industries", "finance,mining"],
        vec!["answer", "acme-call", "tech.iso27001", "--na"],
        vec!["review", "acme-call", "--comment", "ok", "--question", "no.such"],
        vec!["log", "acme-call"],
    ] {
        let mut full = vec!["--lang", "zh"];
        full.extend(&args);
        let r = sb.run(&full);
        assert_ne!(r.code, 0, "{args:?}");
        assert!(has_cjk(&r.stderr), "{args:?}: {}", r.stderr);
        transcript.push_str(&format!("$ ccvet {}\nexit {}\n{}\n", full.join(" "), r.code, r.stderr));
    }
    let vendor = sb.vendors().join("acme-call.toml");
    let holder = Holder {
        user: "wang.fang".into(),
        host: "review-box".into(),
        pid: 4242,
        since: "2026-11-24T10:02:00+08:00".into(),
    };
    let lock = try_acquire(&vendor, &holder, 0o600).unwrap();
    assert!(matches!(lock, Acquired::Mine(_)));
    let r = sb.run(&["--lang", "zh", "answer", "acme-call", "tech.iso27001", "yes"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stderr.contains("wang.fang") && r.stderr.contains("正由"), "{}", r.stderr);
    transcript.push_str(&format!(
        "$ ccvet --lang zh answer acme-call tech.iso27001 yes (held)\nexit {}\n{}",
        r.code, r.stderr
    ));
    drop(lock);
    insta::assert_snapshot!("errors_in_chinese", transcript);
}

#[test]
fn a_language_ccvet_does_not_speak_is_refused_in_the_one_it_would_use() {
    let sb = Sandbox::new();
    let zh = sb.run_with(&["--lang", "fr", "compare"], &[("LANG", "zh_CN.UTF-8")]);
    assert_eq!(zh.code, 2, "{}", zh.stderr);
    assert_eq!(zh.stderr, "ccvet: --lang 只能是 zh 或 en，而不是 `fr`\n");
    let zh = sb.run_with(&["compare"], &[("LANG", "zh_CN.UTF-8"), ("CCVET_LANG", "fr")]);
    assert_eq!(zh.stderr, "ccvet: CCVET_LANG 只能是 zh 或 en，而不是 `fr`\n");
    let en = sb.run(&["--lang", "fr", "compare"]);
    assert_eq!(en.stderr, "ccvet: --lang takes zh or en, not `fr`\n");
}

/// A command line clap refuses: under Chinese a sentence saying what is
/// wrong leads clap's own words; in English clap's words alone, as before.
#[test]
fn a_refused_command_line_is_led_in_chinese_under_zh() {
    let sb = Sandbox::new();
    let cases = [
        (&["--lang", "zh", "frobnicate"][..], "没有这个命令", "unrecognized subcommand"),
        (&["--lang=zh", "score"][..], "缺少该命令必需的参数", "<VENDOR>"),
        (&["--lang", "zh", "list", "--bogus"][..], "该命令没有这个选项", "--bogus"),
    ];
    for (args, lead, detail) in cases {
        let r = sb.run(args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        assert!(r.stderr.starts_with(&format!("ccvet: {lead}")), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(detail), "{args:?}: {}", r.stderr);
    }
    let r = sb.run_with(&["list", "--bogus"], &[("LANG", "zh_CN.UTF-8")]);
    assert!(r.stderr.starts_with("ccvet: 该命令没有这个选项"), "{}", r.stderr);
    let r = sb.run(&["frobnicate"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.starts_with("error: unrecognized subcommand"), "{}", r.stderr);
}
