//! The binary from outside: every subcommand, good and bad input, exit
//! codes, with snapshots of what it prints. Each test runs in a sealed
//! environment: its own workspace, config and user, nothing inherited.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

struct Sandbox {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Exit code, stdout and stderr as one text for a snapshot.
    fn transcript(&self) -> String {
        format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox { dir: tempfile::tempdir().unwrap() }
    }

    fn ws(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    fn command(&self) -> Command {
        let mut cmd = Command::cargo_bin("ccvet").unwrap();
        cmd.env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("CCVET_CONFIG", self.dir.path().join("config.toml"))
            .env("CCVET_WORKSPACE", self.ws())
            .env("USER", "li.wei")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = self.command().args(args).output().unwrap();
        let root = self.dir.path().display().to_string();
        let clean = |b: &[u8]| without_account(&String::from_utf8_lossy(b).replace(&root, "[TMP]"));
        Run { code: out.status.code().unwrap_or(-1), stdout: clean(&out.stdout), stderr: clean(&out.stderr) }
    }

    fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(r.code, 0, "{args:?} failed:\n{}", r.transcript());
        r
    }

    fn vendor_file(&self, slug: &str) -> PathBuf {
        self.ws().join("vendors").join(format!("{slug}.toml"))
    }
}

/// The text with this account's name as `[ME]`: who runs the tests
/// decides it (never `$USER`, which the sandbox sets to `li.wei`).
fn without_account(text: &str) -> String {
    let me = ccvet::storage::identity::me().name;
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&me) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + me.len()..].chars().next();
        let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-');
        out.push_str(&rest[..at]);
        out.push_str(if word(before) || word(after) { &me } else { "[ME]" });
        rest = &rest[at + me.len()..];
    }
    out.push_str(rest);
    out
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name).display().to_string()
}

/// A workspace with three vendors: one good, one disqualified, one empty.
fn three_vendors() -> Sandbox {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["new", "云联科技 Yunlian Tech", "--assessed-on", "2026-11-24"]);
    sb.ok(&["new", "Acme Call", "--assessed-on", "2026-11-24", "--interviewer", "wang.fang"]);
    sb.ok(&["new", "Empty Ltd", "--assessed-on", "2026-11-24"]);
    let y = "yun-lian-ke-ji-yunlian-tech";
    for (q, v) in [
        ("basic.licence-scope", "nationwide"),
        ("basic.licence-expiry", "2028-05-31"),
        ("basic.registered-capital", "1200"),
        ("tech.iso27001", "yes"),
        ("fit.industries", "finance,ecommerce"),
        ("service.sla-response-minutes", "20"),
    ] {
        sb.ok(&["answer", y, q, v]);
    }
    sb.ok(&["answer", y, "basic.licence-scope", "--note", "证书编号 B2-20240001"]);
    sb.ok(&["answer", "Acme Call", "basic.licence-scope", "none"]);
    sb.ok(&["answer", "Acme Call", "tech.iso27001", "yes"]);
    sb
}

#[test]
fn validate_the_default_and_a_broken_file() {
    let sb = Sandbox::new();
    insta::assert_snapshot!("validate_default", sb.run(&["validate"]).transcript());
    let broken = fixture("invalid/many-problems.toml");
    let r = sb.run(&["validate", &broken]);
    assert_eq!(r.code, 1);
    let expected: Vec<String> = std::fs::read_to_string(&broken)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("# expect: "))
        .map(|m| format!("{broken}:{m}"))
        .collect();
    let printed: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(printed[..expected.len()], expected.iter().map(String::as_str).collect::<Vec<_>>()[..]);
    assert!(printed.last().unwrap().ends_with("errors found"));
    let r = sb.run(&["validate", "/no/such/file.toml"]);
    insta::assert_snapshot!("validate_missing_file", r.transcript());
    let r = sb.run(&["validate", &fixture("valid/vsaq-webapp.toml")]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("`vsaq-webapp` v1, 3 sections"), "{}", r.stdout);
}

#[test]
fn init_new_and_the_default_listing() {
    let sb = Sandbox::new();
    insta::assert_snapshot!("list_empty", sb.run(&[]).transcript());
    insta::assert_snapshot!("init", sb.run(&["init"]).transcript());
    insta::assert_snapshot!("init_again", sb.run(&["init"]).transcript());
    insta::assert_snapshot!(
        "new",
        sb.run(&["new", "云联科技 Yunlian Tech", "--assessed-on", "2026-11-24"]).transcript()
    );
    insta::assert_snapshot!("new_duplicate", sb.run(&["new", "云联科技 Yunlian Tech"]).transcript());
    insta::assert_snapshot!("new_blank", sb.run(&["new", " \t "]).transcript());
    insta::assert_snapshot!("new_bad_date", sb.run(&["new", "X", "--assessed-on", "2026-02-30"]).transcript());
    let text = std::fs::read_to_string(sb.vendor_file("yun-lian-ke-ji-yunlian-tech")).unwrap();
    insta::assert_snapshot!("new_vendor_file", without_account(&text));
}

#[test]
fn answer_every_kind_and_refuse_bad_values_with_what_the_kind_accepts() {
    let sb = three_vendors();
    let v = "empty-ltd";
    let mut transcript = String::new();
    for args in [
        vec!["tech.iso27001", "no"],
        vec!["tech.iso27001", "maybe"],
        vec!["basic.licence-scope", "provincial"],
        vec!["basic.licence-scope", "galactic"],
        vec!["fit.industries", "finance, healthcare"],
        vec!["fit.industries", "finance,mining"],
        vec!["fit.case-whitepapers", "4"],
        vec!["fit.case-whitepapers", "9"],
        vec!["basic.registered-capital", "750.5"],
        vec!["basic.registered-capital", "lots"],
        vec!["basic.licence-expiry", "2027-06-30"],
        vec!["basic.licence-expiry", "30/06/2027"],
        vec!["basic.licence-number", "京B2-20240001"],
        vec!["service.multi-site", "--na"],
        vec!["tech.iso27001", "--na"],
        vec!["tech.iso27001", "--clear"],
        vec!["tech.iso27001", "--note", "审计中 in audit"],
        vec!["no.such-question", "yes"],
        vec!["tech.iso27001"],
    ] {
        let mut full = vec!["answer", v];
        full.extend(&args);
        let r = sb.run(&full);
        transcript.push_str(&format!("$ ccvet answer {v} {}\n{}\n", args.join(" "), r.transcript()));
    }
    insta::assert_snapshot!("answer_kinds", transcript);
    let r = sb.run(&["answer", "nobody", "tech.iso27001", "yes"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    insta::assert_snapshot!("answer_unknown_vendor", r.transcript());
    insta::assert_snapshot!("answered_file", without_account(&std::fs::read_to_string(sb.vendor_file(v)).unwrap()));
}

#[test]
fn answer_refuses_while_someone_else_holds_the_vendor() {
    use ccvet::storage::lock::{Acquired, Holder, try_acquire};
    let sb = three_vendors();
    let holder = Holder {
        user: "wang.fang".into(),
        host: "review-box".into(),
        pid: 4242,
        since: "2026-11-24T10:02:00+08:00".into(),
    };
    let lock = try_acquire(&sb.vendor_file("acme-call"), &holder, 0o600).unwrap();
    assert!(matches!(lock, Acquired::Mine(_)));
    let before = std::fs::read(sb.vendor_file("acme-call")).unwrap();
    let r = sb.run(&["answer", "acme-call", "tech.seat-scaling", "yes"]);
    insta::assert_snapshot!("answer_locked", r.transcript());
    assert_eq!(std::fs::read(sb.vendor_file("acme-call")).unwrap(), before);
    drop(lock);
    sb.ok(&["answer", "acme-call", "tech.seat-scaling", "yes"]);
}

#[test]
fn score_as_text_json_and_in_chinese() {
    let sb = three_vendors();
    insta::assert_snapshot!("score_text", sb.run(&["score", "yun-lian-ke-ji-yunlian-tech"]).transcript());
    insta::assert_snapshot!("score_text_zh", sb.run(&["--lang", "zh", "score", "Acme Call"]).transcript());
    let r = sb.ok(&["score", "云联科技 Yunlian Tech", "--json"]);
    insta::assert_snapshot!("score_json", r.stdout);
    let json: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    for field in ["vendor", "score", "min", "max", "band", "disqualified", "knockouts", "answered", "total", "sections"]
    {
        assert!(json.get(field).is_some(), "missing {field}");
    }
    for field in ["id", "weight", "score", "min", "max", "answered", "total"] {
        assert!(json["sections"][0].get(field).is_some(), "section missing {field}");
    }
    let empty: serde_json::Value = serde_json::from_str(&sb.ok(&["score", "empty-ltd", "--json"]).stdout).unwrap();
    assert!(empty["score"].is_null() && empty["band"].is_null());
    assert_eq!(empty["min"], 0.0);
    assert_eq!(empty["max"], 100.0);
    let acme: serde_json::Value = serde_json::from_str(&sb.ok(&["score", "acme-call", "--json"]).stdout).unwrap();
    assert_eq!(acme["disqualified"], true);
    assert_eq!(acme["knockouts"], serde_json::json!(["basic.licence-scope"]));
}

#[test]
fn compare_ranks_disqualified_last_in_every_format() {
    let sb = three_vendors();
    insta::assert_snapshot!("compare_text", sb.run(&["compare"]).transcript());
    insta::assert_snapshot!("compare_csv", sb.run(&["compare", "--csv"]).transcript());
    let r = sb.ok(&["compare", "--json"]);
    let list: Vec<serde_json::Value> = serde_json::from_str(&r.stdout).unwrap();
    let order: Vec<&str> = list.iter().map(|v| v["slug"].as_str().unwrap()).collect();
    assert_eq!(order, ["yun-lian-ke-ji-yunlian-tech", "empty-ltd", "acme-call"]);
    assert_eq!(list[2]["rank"], 3);
    insta::assert_snapshot!("list", sb.run(&[]).transcript());
    let r = sb.run(&["compare", "--json", "--csv"]);
    assert_eq!(r.code, 2);
}

#[test]
fn an_unreadable_vendor_file_is_reported_and_the_rest_still_compare() {
    let sb = three_vendors();
    let broken = sb.vendor_file("broken");
    std::fs::write(&broken, "vendor = \"Broken\"\n[answers.\"tech.iso27001\"]\nvalue = yes\n").unwrap();
    let r = sb.run(&["compare"]);
    insta::assert_snapshot!("compare_with_broken_file", r.transcript());
    assert_eq!(
        std::fs::read_to_string(&broken).unwrap(),
        "vendor = \"Broken\"\n[answers.\"tech.iso27001\"]\nvalue = yes\n"
    );
    let r = sb.run(&["answer", "broken", "tech.iso27001", "yes"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("[TMP]/ws/vendors/broken.toml:3:9: "), "{}", r.stderr);
}

#[test]
fn reports_in_markdown_and_self_contained_html() {
    let sb = three_vendors();
    insta::assert_snapshot!("report_md", sb.ok(&["report", "yun-lian-ke-ji-yunlian-tech"]).stdout);
    let html = sb.ok(&["report", "acme-call", "--format", "html"]).stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@media print"));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("href="));
    assert!(html.contains("DISQUALIFIED"));
    let out = sb.dir.path().join("report.html");
    let r = sb.ok(&["report", "acme-call", "--format", "html", "-o", out.to_str().unwrap()]);
    assert!(r.stdout.starts_with("wrote "));
    assert_eq!(std::fs::read_to_string(out).unwrap(), html);
}

#[test]
fn hostile_names_and_notes_never_reach_the_output_raw() {
    let sb = Sandbox::new();
    let evil = "Evil\x1b[2J\x1b]0;pwned\x07 \u{202e}gnp.exe\u{2028}<script>alert(1)</script>";
    sb.ok(&["new", evil, "--assessed-on", "2026-11-24"]);
    let slug = "evil-2j-0-pwned-gnp-exe-script-alert-1-script";
    sb.ok(&["answer", slug, "tech.iso27001", "yes", "--note", "note\x1b[31m red \u{2066}x\u{2069}\x7f"]);
    sb.ok(&["answer", slug, "basic.licence-number", "\x1b]8;;http://x\x07link"]);
    let outputs = [
        sb.ok(&["score", slug, "--json"]).stdout,
        sb.ok(&["compare", "--json"]).stdout,
        sb.ok(&["score", slug]).stdout,
        sb.ok(&["compare"]).stdout,
        sb.ok(&["compare", "--csv"]).stdout,
        sb.ok(&[]).stdout,
        sb.ok(&["report", slug]).stdout,
        sb.ok(&["report", slug, "--format", "html"]).stdout,
        sb.ok(&["answer", slug, "tech.seat-scaling", "yes"]).stdout,
    ];
    for out in &outputs {
        let bad: Vec<char> = out.chars().filter(|&c| ccvet::safe_text::is_hostile(c) && c != '\n').collect();
        assert!(bad.is_empty(), "hostile characters {bad:?} in:\n{out}");
    }
    assert!(outputs[7].contains("&lt;script&gt;"));
    assert!(outputs[2].contains("^[[2J"));
    // JSON keeps the data exactly, escaped
    let json: serde_json::Value = serde_json::from_str(&outputs[0]).unwrap();
    assert_eq!(json["vendor"], evil);
    // the file keeps the text exactly as given
    let v = ccvet::storage::vendor::VendorFile::load(&sb.vendor_file(slug)).unwrap();
    assert_eq!(v.meta.vendor, evil);
    assert_eq!(v.answers["tech.iso27001"].note.as_deref(), Some("note\x1b[31m red \u{2066}x\u{2069}\x7f"));
}

#[test]
fn a_file_stem_with_control_characters_is_shown_visibly() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    std::fs::write(sb.ws().join("vendors").join("\x1b[2Jx\x07.toml"), "vendor = \"Esc\"\n").unwrap();
    let r = sb.ok(&["score", "Esc"]);
    assert!(r.stdout.starts_with("Esc  [^[[2Jx^G]"), "{}", r.stdout);
    let r = sb.ok(&["compare", "--json"]);
    assert!(!r.stdout.contains('\x1b') && r.stdout.contains("\\u001b[2Jx\\u0007"), "{}", r.stdout);
}

#[test]
fn a_vendor_from_another_questionnaire_is_flagged() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    std::fs::write(sb.vendor_file("other"), "vendor = \"O\"\nquestionnaire = \"vsaq\"\n").unwrap();
    let r = sb.ok(&["score", "other"]);
    assert!(
        r.stdout.contains("! this vendor was assessed with questionnaire `vsaq`, but `cloud-call-center` is in use"),
        "{}",
        r.stdout
    );
    let r = sb.ok(&["--lang", "zh", "score", "other"]);
    assert!(r.stdout.contains("! 该服务商是按问卷 `vsaq` 评估的，但当前使用的是 `cloud-call-center`"), "{}", r.stdout);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let sb = Sandbox::new();
    assert_eq!(sb.run(&["frobnicate"]).code, 2);
    let r = sb.run(&["--lang", "fr", "compare"]);
    insta::assert_snapshot!("bad_lang", r.transcript());
    assert_eq!(sb.run(&["report", "x", "--format", "pdf"]).code, 2);
    let help = sb.run(&["--help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("compare"));
}

#[test]
fn the_config_file_sets_workspace_language_and_a_display_name_never_the_account() {
    let sb = Sandbox::new();
    let team = sb.dir.path().join("team-ws");
    std::fs::write(
        sb.dir.path().join("config.toml"),
        format!("workspace = {:?}\nlang = \"zh\"\ninterviewer = \"zhang.san\"\n", team.display().to_string()),
    )
    .unwrap();
    let r = sb
        .command()
        .env_remove("CCVET_WORKSPACE")
        .args(["new", "Acme", "--assessed-on", "2026-11-24"])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(team.join("vendors/acme.toml")).unwrap();
    let me = ccvet::storage::identity::me().name;
    assert!(text.contains(&format!("interviewer = \"{me}\"")), "{text}");
    assert!(!text.contains("zhang.san"), "{text}");
    let r = sb.command().env_remove("CCVET_WORKSPACE").args(["score", "acme"]).output().unwrap();
    assert!(String::from_utf8_lossy(&r.stdout).contains("得分"));
    std::fs::write(sb.dir.path().join("config.toml"), "lang = \"zh\"\nworkspace = [\n").unwrap();
    let r = sb.run(&["compare"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("[TMP]/config.toml:2:"), "{}", r.stderr);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let sb = three_vendors();
    let mut child =
        sb.command().args(["compare", "--json"]).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(unix)]
#[test]
fn a_workspace_open_to_other_users_is_warned_about_on_stderr() {
    use std::os::unix::fs::PermissionsExt;
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    assert!(!sb.run(&["compare", "--json"]).stderr.contains("warning"));
    std::fs::set_permissions(sb.ws(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let r = sb.run(&["compare", "--json"]);
    assert_eq!(r.code, 0);
    assert!(r.stderr.starts_with("[TMP]/ws: warning: the workspace is open to every user"), "{}", r.stderr);
    assert!(r.stdout.starts_with('['), "stdout stays clean JSON");
}

#[test]
fn the_quick_reading_of_the_usual_command_line_agrees_with_clap() {
    use ccvet::cli::Args;
    use clap::Parser;
    let cases: &[&[&str]] = &[
        &[],
        &["--workspace", "ws"],
        &["--workspace=ws"],
        &["--lang", "zh", "--workspace", "a b"],
        &["--questionnaire", "q.toml", "--lang=en"],
        &["--lang", "fr"],
        &["--workspace"],
        &["--workspace", "--lang"],
        &["--workspace", ""],
        &["--workspace", "a", "--workspace", "b"],
        &["list"],
        &["--workspace", "ws", "score", "acme"],
        &["--help"],
        &["-V"],
        &["--bogus"],
    ];
    let mut quick = 0;
    for case in cases {
        let argv: Vec<std::ffi::OsString> =
            std::iter::once("ccvet").chain(case.iter().copied()).map(Into::into).collect();
        if let Some(args) = Args::quick(&argv) {
            quick += 1;
            assert_eq!(Some(args), Args::try_parse_from(&argv).ok(), "{case:?}");
        }
    }
    assert_eq!(quick, 6, "the usual command lines are read without clap");
}

#[test]
fn answer_takes_numbers_as_a_chinese_interviewer_types_them() {
    let sb = Sandbox::new();
    sb.ok(&["init"]);
    sb.ok(&["new", "Acme Call", "--assessed-on", "2026-11-24"]);
    sb.ok(&["answer", "acme-call", "basic.registered-capital", "１，２００万"]);
    sb.ok(&["answer", "acme-call", "service.sla-response-minutes", "2小时"]);
    sb.ok(&["answer", "acme-call", "service.sla-fix-hours", "30 min"]);
    let file = std::fs::read_to_string(sb.vendor_file("acme-call")).unwrap();
    for line in ["value = 1200\n", "value = 120\n", "value = 0.5\n"] {
        assert!(file.contains(line), "{line:?} missing in\n{file}");
    }
    // A unit of another kind is refused, in the language asked for.
    let r = sb.run(&["--lang", "zh", "answer", "acme-call", "basic.registered-capital", "12%"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
    assert!(r.stderr.contains("单位“%”与本题不符：请按万元填写数字"), "{}", r.transcript());
    // What is saved, and a sign-off refused, read in Chinese too.
    let r = sb.ok(&["--lang", "zh", "answer", "acme-call", "basic.registered-capital", "1200"]);
    assert!(
        r.stdout.starts_with("已保存 basic.registered-capital = ") && r.stdout.contains(" 得分 "),
        "{}",
        r.transcript()
    );
    let r = sb.run(&["--lang", "zh", "review", "acme-call", "--decision", "approve"]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert!(r.stderr.contains("访谈人不能签核自己访谈的服务商"), "{}", r.transcript());
    let r = sb.run(&["--lang", "zh", "report", "--compare", "--format", "xlsx", "-o", "x.xlsx"]);
    assert!(r.stderr.contains("report --compare 只能输出 md 或 html"), "{}", r.transcript());
}
