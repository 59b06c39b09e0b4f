//! Follow-ups, evidence and re-assessment cycles (product brief §11), from
//! outside: every command, its errors, and that the fields survive saves,
//! hand edits and merges. "Today" is fixed with $CCVET_TODAY.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
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

impl Sandbox {
    fn new() -> Sandbox {
        let s = Sandbox { dir: tempfile::tempdir().unwrap() };
        s.ok(&["init"]);
        s.ok(&["new", "云联科技", "--assessed-on", "2026-01-15", "--interviewer", "王芳"]);
        s
    }

    fn ws(&self) -> PathBuf {
        self.dir.path().join("ws")
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = Command::cargo_bin("ccvet")
            .unwrap()
            .env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("CCVET_CONFIG", self.dir.path().join("config.toml"))
            .env("CCVET_WORKSPACE", self.ws())
            .env("CCVET_TODAY", "2026-12-02")
            .env("LANG", "C.UTF-8")
            .current_dir(self.dir.path())
            .stdin(Stdio::null())
            .args(args)
            .output()
            .unwrap();
        let root = self.dir.path().display().to_string();
        let clean = |b: &[u8]| String::from_utf8_lossy(b).replace(&root, "[TMP]");
        Run { code: out.status.code().unwrap_or(-1), stdout: clean(&out.stdout), stderr: clean(&out.stderr) }
    }

    fn ok(&self, args: &[&str]) -> Run {
        let r = self.run(args);
        assert_eq!(r.code, 0, "{args:?} failed:\n{}{}", r.stdout, r.stderr);
        r
    }

    fn fails(&self, args: &[&str], code: i32, says: &str) {
        let r = self.run(args);
        assert_eq!(r.code, code, "{args:?}:\n{}{}", r.stdout, r.stderr);
        assert!(r.stderr.contains(says), "{args:?} should say `{says}`:\n{}", r.stderr);
    }

    fn vendor(&self) -> PathBuf {
        self.ws().join("vendors/yun-lian-ke-ji.toml")
    }

    fn text(&self) -> String {
        std::fs::read_to_string(self.vendor()).unwrap()
    }
}

const V: &str = "yun-lian-ke-ji";

#[test]
fn a_follow_up_is_written_moved_on_and_survives_answers_and_hand_edits() {
    let s = Sandbox::new();
    s.ok(&["followup", V, "basic.licence-scope", "请提供许可证原件扫描件", "--due", "2026-12-15"]);
    assert!(
        s.text().contains(r#"followup = { ask = "请提供许可证原件扫描件", due = 2026-12-15, status = "requested" }"#),
        "{}",
        s.text()
    );
    // A hand edit (a comment) and an answer keep the follow-up as written.
    let hand =
        s.text().replace("[answers.\"basic.licence-scope\"]", "# 会上说下周寄\n[answers.\"basic.licence-scope\"]");
    std::fs::write(s.vendor(), hand).unwrap();
    s.ok(&["answer", V, "basic.licence-scope", "nationwide", "--note", "会后补"]);
    let t = s.text();
    assert!(
        t.contains("# 会上说下周寄") && t.contains("status = \"requested\"") && t.contains("value = \"nationwide\"")
    );
    s.ok(&["followup", V, "basic.licence-scope", "--status", "received"]);
    assert!(s.text().contains(r#"due = 2026-12-15, status = "received""#), "{}", s.text());
    s.ok(&["followup", V, "basic.licence-scope", "--due", "2027-01-10"]);
    assert!(s.text().contains(r#"due = 2027-01-10, status = "received""#));
}

#[test]
fn follow_up_errors_are_one_sentence() {
    let s = Sandbox::new();
    s.fails(&["followup", V, "basic.nope", "x"], 2, "no question `basic.nope`");
    s.fails(&["followup", V, "basic.licence-scope", "x", "--due", "2026-02-30"], 2, "real date written YYYY-MM-DD");
    s.fails(&["followup", V, "basic.licence-scope", "x", "--due", "tomorrow"], 2, "not `tomorrow`");
    s.fails(
        &["followup", V, "basic.licence-scope", "--status", "closed"],
        2,
        "has no follow-up on `basic.licence-scope`",
    );
    s.ok(&["followup", V, "basic.licence-scope", "x"]);
    s.fails(&["followup", V, "basic.licence-scope", "--status", "done"], 2, "requested, received or closed");
    s.fails(&["followup", V, "basic.licence-scope", "  "], 2, "TEXT is empty");
    s.fails(&["followup", "nobody", "basic.licence-scope", "x"], 2, "no vendor");
    // Nothing of the refused commands reached the file.
    assert!(s.text().contains(r#"followup = { ask = "x", status = "requested" }"#), "{}", s.text());
}

#[test]
fn the_list_to_send_is_a_letter_in_chinese_and_data_in_csv_and_json() {
    let s = Sandbox::new();
    s.ok(&["followup", V, "basic.licence-scope", "请提供《增值电信业务经营许可证》原件扫描件", "--due", "2026-12-15"]);
    s.ok(&["followup", V, "basic.licence-number", "请提供许可证编号及工信部公示截图", "--due", "2026-11-30"]);
    s.ok(&["followup", V, "basic.licence-expiry", "请提供近三年年检记录", "--due", "2026-12-20"]);
    s.ok(&["followup", V, "basic.licence-provinces", "已收到", "--status", "closed"]);
    let zh = s.ok(&["--lang", "zh", "followups", V]).stdout;
    insta::assert_snapshot!("followups_zh_md", zh);
    assert!(!zh.contains("已收到"), "a closed follow-up is not asked again");
    let en = s.ok(&["--lang", "en", "followups"]).stdout;
    assert!(en.starts_with("# Documents requested: 云联科技") && en.contains("Due: 2026-12-20"), "{en}");
    let csv = s.ok(&["followups", "--format", "csv"]).stdout;
    assert_eq!(csv.lines().count(), 4, "{csv}");
    assert!(csv.contains("basic.licence-number,") && csv.contains(",2026-11-30,requested,true"), "{csv}");
    let json: serde_json::Value = serde_json::from_str(&s.ok(&["followups", "--format", "json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 3);
    assert_eq!(json[0]["question"], "basic.licence-scope");
    assert_eq!(json[1]["overdue"], true);
    assert_eq!(json[0]["due"], "2026-12-15");
}

#[test]
fn evidence_is_copied_never_overwritten_and_checked() {
    let s = Sandbox::new();
    let doc = s.dir.path().join("licence.pdf");
    std::fs::write(&doc, b"%PDF first").unwrap();
    let r = s.ok(&["evidence", "add", V, "basic.licence-scope", "licence.pdf", "--expires", "2027-01-31"]);
    assert!(r.stdout.contains("evidence/yun-lian-ke-ji/licence.pdf"), "{}", r.stdout);
    std::fs::write(&doc, b"%PDF second").unwrap();
    let r = s.ok(&["evidence", "add", V, "basic.licence-scope", doc.to_str().unwrap()]);
    assert!(r.stdout.contains("evidence/yun-lian-ke-ji/licence-2.pdf"), "{}", r.stdout);
    s.ok(&["evidence", "add", V, "basic.licence-scope", "https://tsm.miit.gov.cn/licence/123"]);
    let dir = s.ws().join("evidence").join(V);
    assert_eq!(std::fs::read(dir.join("licence.pdf")).unwrap(), b"%PDF first");
    assert_eq!(std::fs::read(dir.join("licence-2.pdf")).unwrap(), b"%PDF second");
    let t = s.text();
    assert!(t.contains("seen_on = 2026-12-02, expires = 2027-01-31"), "{t}");
    assert!(t.contains(r#"{ url = "https://tsm.miit.gov.cn/licence/123", seen_on = 2026-12-02 }"#), "{t}");
    // An answer afterwards keeps the evidence.
    s.ok(&["answer", V, "basic.licence-scope", "nationwide"]);
    assert!(s.text().contains("licence-2.pdf"));
    // `init` marked evidence binary for git (no line-end conversion changes a digest).
    let attributes = std::fs::read_to_string(s.ws().join(".gitattributes")).unwrap();
    assert!(attributes.lines().any(|l| l == "evidence/** binary"), "{attributes}");
    let md = s.ok(&["--lang", "en", "report", V, "--format", "md"]).stdout;
    assert!(md.contains("- Evidence: licence.pdf (seen 2026-12-02, expires 2027-01-31, SHA-256 "), "{md}");
    assert!(md.contains("- Evidence: https://tsm.miit.gov.cn/licence/123 (seen 2026-12-02)"), "{md}");
    let ok = s.ok(&["evidence", "check"]);
    assert!(ok.stdout.contains("2 evidence files checked, 0 missing or changed"), "{}", ok.stdout);
    let j: serde_json::Value = serde_json::from_str(&s.ok(&["score", V, "--json"]).stdout).unwrap();
    let scope = j["questions"].as_array().unwrap().iter().find(|q| q["key"] == "basic.licence-scope").unwrap().clone();
    assert_eq!(scope["evidence"][0]["file"], "evidence/yun-lian-ke-ji/licence.pdf");
    assert_eq!(scope["evidence"][0]["expires"], "2027-01-31");
    assert!(scope["evidence"][0]["url"].is_null());
    assert_eq!(scope["evidence"][2]["url"], "https://tsm.miit.gov.cn/licence/123");
    assert_eq!(scope["evidence"][0]["sha256"].as_str().unwrap().len(), 64);
    std::fs::write(dir.join("licence.pdf"), b"%PDF edited").unwrap();
    std::fs::remove_file(dir.join("licence-2.pdf")).unwrap();
    let bad = s.run(&["evidence", "check", V]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("evidence/yun-lian-ke-ji/licence.pdf: changed since it was added"), "{}", bad.stderr);
    assert!(bad.stderr.contains("evidence/yun-lian-ke-ji/licence-2.pdf: missing"), "{}", bad.stderr);
}

#[test]
fn evidence_errors_name_what_is_wrong_and_leave_nothing_behind() {
    let s = Sandbox::new();
    let before = s.text();
    s.fails(&["evidence", "add", V, "basic.licence-scope", "nowhere.pdf"], 1, "nowhere.pdf: no such file");
    s.fails(&["evidence", "add", V, "basic.nope", "nowhere.pdf"], 2, "no question `basic.nope`");
    std::fs::write(s.dir.path().join("a.pdf"), b"x").unwrap();
    s.fails(&["evidence", "add", V, "basic.licence-scope", "a.pdf", "--expires", "2027-13-01"], 2, "--expires");
    s.fails(&["evidence", "add", V, "basic.licence-scope", "."], 2, "is not a file");
    assert_eq!(s.text(), before);
    assert!(!s.ws().join("evidence").join(V).join("a.pdf").exists());
}

#[test]
fn due_lists_reassessment_expiring_dates_and_evidence_and_overdue_follow_ups() {
    let s = Sandbox::new();
    s.ok(&["answer", V, "basic.licence-expiry", "2027-02-20"]);
    s.ok(&["followup", V, "basic.licence-number", "编号", "--due", "2026-11-30"]);
    s.ok(&["followup", V, "basic.licence-scope", "未到期", "--due", "2026-12-30"]);
    std::fs::write(s.dir.path().join("iso.pdf"), b"iso").unwrap();
    s.ok(&["evidence", "add", V, "basic.licence-scope", "iso.pdf", "--expires", "2026-12-31"]);
    let json: serde_json::Value = serde_json::from_str(&s.ok(&["due", "--json"]).stdout).unwrap();
    let got: Vec<(String, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["kind"].as_str().unwrap().to_string(), r["date"].as_str().unwrap().to_string()))
        .collect();
    let want = [
        ("followup-overdue", "2026-11-30"),
        ("evidence-expires", "2026-12-31"),
        ("reassess", "2027-01-15"),
        ("answer-expires", "2027-02-20"),
    ];
    assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())).to_vec());
    assert_eq!(json[0]["days"], -2);
    assert_eq!(json[0]["question"], "basic.licence-number");
    assert!(json[2]["question"].is_null());
    let short = s.ok(&["due", "--within", "0"]).stdout;
    assert_eq!(short.lines().count(), 1, "{short}");
    assert!(short.contains("2026-11-30  yun-lian-ke-ji  follow-up overdue  basic.licence-number"), "{short}");
    s.fails(&["due", "--within", "-3"], 2, "");
}

#[test]
fn reassess_months_comes_from_the_questionnaire_and_is_validated() {
    let s = Sandbox::new();
    let qfile = s.ws().join("questionnaire.toml");
    let q = std::fs::read_to_string(&qfile).unwrap();
    std::fs::write(&qfile, format!("reassess_months = 6\n{q}")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&s.ok(&["due", "--json"]).stdout).unwrap();
    assert_eq!(json[0]["kind"], "reassess");
    assert_eq!(json[0]["date"], "2026-07-15");
    std::fs::write(&qfile, format!("reassess_months = 0\n{q}")).unwrap();
    let r = s.run(&["due"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("questionnaire.toml:1:19") && r.stderr.contains("reassess_months 0"), "{}", r.stderr);
}

#[test]
fn reassess_keeps_the_old_cycle_byte_identical_and_carries_answers() {
    let s = Sandbox::new();
    s.ok(&["answer", V, "basic.licence-scope", "nationwide"]);
    s.ok(&["followup", V, "basic.licence-scope", "still open"]);
    s.ok(&["answer", V, "basic.licence-number", "B2-20201234"]);
    s.ok(&["followup", V, "basic.licence-number", "done", "--status", "closed"]);
    let before = std::fs::read(s.vendor()).unwrap();
    let score =
        |s: &Sandbox| -> serde_json::Value { serde_json::from_str(&s.ok(&["score", V, "--json"]).stdout).unwrap() };
    let scored_before = score(&s);
    let r = s.ok(&["reassess", V, "--on", "2027-01-20"]);
    assert!(r.stdout.contains("vendors/history/yun-lian-ke-ji/2026-01-15.toml"), "{}", r.stdout);
    let kept = std::fs::read(s.ws().join("vendors/history/yun-lian-ke-ji/2026-01-15.toml")).unwrap();
    assert_eq!(kept, before);
    let t = s.text();
    assert!(t.contains("assessed_on = 2027-01-20"));
    assert!(t.contains("still open") && !t.contains("\"done\""), "{t}");
    assert_eq!(t.matches("carried = true").count(), 2, "{t}");
    // Carried answers still count; the history is never a vendor.
    let list = s.ok(&["compare", "--json"]).stdout;
    let json: serde_json::Value = serde_json::from_str(&list).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["answered"], scored_before["answered"]);
    assert_eq!(score(&s)["score"], scored_before["score"]);
    // score --json has the fields per question (null or [] where none).
    let j = score(&s);
    let qs = j["questions"].as_array().unwrap();
    let scope = qs.iter().find(|q| q["key"] == "basic.licence-scope").unwrap();
    assert_eq!(scope["carried"], true);
    assert_eq!(scope["followup"]["ask"], "still open");
    assert_eq!(scope["followup"]["status"], "requested");
    assert!(scope["followup"]["due"].is_null());
    assert_eq!(scope["evidence"], serde_json::json!([]));
    let other = qs.iter().find(|q| q["key"] == "basic.licence-expiry").unwrap();
    assert!(other["followup"].is_null() && other["carried"] == false);
    // The reports list the open follow-up and the mark.
    let md = s.ok(&["--lang", "en", "report", V, "--format", "md"]).stdout;
    assert!(md.contains("- Carried over from the last assessment: to confirm"), "{md}");
    assert!(md.contains("- Follow-up (requested): still open"), "{md}");
    let html = s.ok(&["--lang", "zh", "report", V, "--format", "html"]).stdout;
    assert!(html.contains("<p class=\"comment\">待补充材料（已请求）：still open</p>"), "{html}");
    // Answering again clears the mark.
    s.ok(&["answer", V, "basic.licence-scope", "provincial"]);
    assert_eq!(s.text().matches("carried = true").count(), 1);
    // `diff --cycle` shows what changed since the kept cycle.
    let d = s.ok(&["--lang", "en", "diff", V, "--cycle", "2026-01-15"]).stdout;
    assert!(d.starts_with("score 2026-01-15 → now:"), "{d}");
    assert!(d.contains("basic.licence-scope") && d.contains("2026-01-15: Nationwide licence"), "{d}");
    let j: serde_json::Value =
        serde_json::from_str(&s.ok(&["diff", V, "--cycle", "2026-01-15", "--json"]).stdout).unwrap();
    assert_eq!(j["since"], "2026-01-15");
    assert_eq!(j["changes"].as_array().unwrap().len(), 1, "{j}");
    s.fails(&["diff", V, "--cycle", "2020-01-01"], 1, "2020-01-01.toml: no such file");
    s.fails(&["diff", V, "--cycle", "last-year"], 2, "--cycle takes a date");
    // The same cycle twice, or going back, is refused; the history stays.
    s.fails(&["reassess", V, "--on", "2027-01-20"], 2, "must be after");
    s.fails(&["reassess", V, "--on", "2027-02-31"], 2, "real date");
    assert_eq!(std::fs::read(s.ws().join("vendors/history/yun-lian-ke-ji/2026-01-15.toml")).unwrap(), before);
}

#[test]
fn the_merge_driver_merges_follow_ups_and_evidence_per_field() {
    let s = Sandbox::new();
    let base = s.text();
    s.ok(&["followup", V, "basic.licence-scope", "theirs asks"]);
    let theirs = s.text();
    std::fs::write(s.vendor(), &base).unwrap();
    s.ok(&["answer", V, "basic.licence-scope", "nationwide"]);
    std::fs::write(s.dir.path().join("e.pdf"), b"e").unwrap();
    s.ok(&["evidence", "add", V, "basic.licence-number", "e.pdf"]);
    let ours = s.text();
    let d = s.dir.path();
    std::fs::write(d.join("base.toml"), &base).unwrap();
    std::fs::write(d.join("ours.toml"), &ours).unwrap();
    std::fs::write(d.join("theirs.toml"), &theirs).unwrap();
    s.ok(&["merge-file", "base.toml", "ours.toml", "theirs.toml"]);
    let merged = std::fs::read_to_string(d.join("ours.toml")).unwrap();
    assert!(merged.contains("value = \"nationwide\""), "{merged}");
    assert!(merged.contains(r#"followup = { ask = "theirs asks", status = "requested" }"#), "{merged}");
    assert!(merged.contains("evidence/yun-lian-ke-ji/e.pdf"), "{merged}");
}

#[test]
fn follow_ups_evidence_reviews_and_cycles_speak_chinese_under_lang_zh() {
    let s = Sandbox::new();
    let zh = |args: &[&str]| s.ok(&[&["--lang", "zh"], args].concat()).stdout;
    let out = zh(&["answer", V, "basic.licence-scope", "nationwide"]);
    assert!(out.starts_with("已保存 basic.licence-scope = "), "{out}");
    let out = zh(&["followup", V, "basic.licence-scope", "营业执照", "--due", "2026-12-31"]);
    assert_eq!(out, "云联科技 basic.licence-scope：requested · 营业执照 · 截止 2026-12-31\n");
    std::fs::write(s.dir.path().join("licence.pdf"), b"pdf").unwrap();
    let out = zh(&["evidence", "add", V, "basic.licence-scope", "licence.pdf", "--expires", "2027-01-31"]);
    assert!(out.contains("：已添加证明材料 evidence/yun-lian-ke-ji/licence.pdf（sha256 "), "{out}");
    assert!(out.ends_with("，2027-01-31 到期\n"), "{out}");
    assert_eq!(zh(&["evidence", "check"]), "已检查 1 个证明材料文件，0 个缺失或被改动\n");
    std::fs::write(s.ws().join("evidence/yun-lian-ke-ji/licence.pdf"), b"changed").unwrap();
    let r = s.run(&["--lang", "zh", "evidence", "check"]);
    assert!(r.stderr.contains("licence.pdf：添加后已被改动（现在的 sha256 为 "), "{}", r.stderr);
    s.fails(&["--lang", "zh", "evidence", "add", V, "basic.licence-scope", "."], 2, ". 不是文件");
    s.fails(&["--lang", "zh", "followup", V, "basic.licence-number", "--status", "closed"], 2, "上没有补充材料请求");
    let out = zh(&["review", V, "--comment", "请核对执照"]);
    assert!(out.starts_with("已以 ") && out.contains("的身份对 云联科技 发表评论"), "{out}");
    s.fails(&["--lang", "zh", "review", V, "--decision", "approve"], 1, "；如仍要签核，请加 --force");
    let out = zh(&["reassess", V, "--on", "2027-01-20"]);
    assert!(out.starts_with("云联科技：已开始 2027-01-20 的新一轮评估；2026-01-15 那一轮保存在 "), "{out}");
    // English stays as it was.
    let out = s.ok(&["--lang", "en", "answer", V, "basic.licence-scope", "provincial"]).stdout;
    assert!(out.starts_with("saved basic.licence-scope = ") && out.contains(" score "), "{out}");
}
