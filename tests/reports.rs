//! Reports for management, from outside: snapshots of Markdown and HTML
//! with sign-offs, comments and vendor-stated answers, a note of hostile
//! structure, the side-by-side report, and (where Chromium is installed)
//! the HTML printed to PDF on A4.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

mod common;
use common::team::Team;

/// Real accounts play the team (reviewers are who the OS says they are);
/// their names are shown as these roles in what the tests compare.
const ROLES: [&str; 4] = ["li.wei", "wang.fang", "zhao.min", "qian.li"];

struct Sandbox {
    team: Team,
}

impl Sandbox {
    /// A team workspace, or `None` (said why) where accounts cannot be made.
    fn new() -> Option<Sandbox> {
        let team = Team::new(ROLES.len())?;
        // The accounts write reports beside the workspace.
        common::team::set_mode(team.dir.path(), 0o1777);
        let team = team.with_workspace();
        Some(Sandbox { team })
    }

    fn path(&self, name: &str) -> PathBuf {
        self.team.dir.path().join(name)
    }

    fn account(&self, role: &str) -> &str {
        let at = ROLES.iter().position(|r| *r == role).unwrap();
        &self.team.users[at]
    }

    fn run(&self, role: &str, args: &[&str]) -> (i32, String, String) {
        let out = self.team.ccvet(self.account(role), args).current_dir(self.team.dir.path()).output().unwrap();
        let clean = |b: &[u8]| {
            let mut text = String::from_utf8_lossy(b).replace(&self.team.dir.path().display().to_string(), "[TMP]");
            for (at, role) in ROLES.iter().enumerate() {
                text = text.replace(&self.team.users[at], role);
            }
            text
        };
        (out.status.code().unwrap_or(-1), clean(&out.stdout), clean(&out.stderr))
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_as("li.wei", args)
    }

    fn ok_as(&self, user: &str, args: &[&str]) -> String {
        let (code, stdout, stderr) = self.run(user, args);
        assert_eq!(code, 0, "{args:?} failed:\n{stdout}{stderr}");
        stdout
    }
}

/// Two vendors: one reviewed with comments, a stale sign-off and an answer
/// stated by the vendor; one disqualified.
fn reviewed() -> Option<Sandbox> {
    let sb = Sandbox::new()?;
    sb.ok(&["new", "云联科技 Yunlian Tech", "--assessed-on", "2026-11-24"]);
    let y = "yun-lian-ke-ji-yunlian-tech";
    for (q, v) in [
        ("basic.licence-scope", "nationwide"),
        ("basic.licence-expiry", "2028-05-31"),
        ("tech.iso27001", "yes"),
        ("fit.industries", "finance,ecommerce"),
    ] {
        sb.ok(&["answer", y, q, v]);
    }
    sb.ok(&["answer", y, "service.multi-site", "--na"]);
    sb.ok(&["answer", y, "basic.licence-number", "京B2-20240001", "--note", "copy\tattached\nsecond line"]);
    sb.ok_as("wang.fang", &["review", y, "--comment", "ask for the audit report", "--question", "tech.iso27001"]);
    sb.ok_as("wang.fang", &["review", y, "--comment", "good references"]);
    sb.ok_as("zhao.min", &["review", y, "--decision", "approve", "--comment", "fine by me", "--force"]);
    // An answer after the sign-off makes it stale; one stated by the vendor.
    let file = sb.path(&format!("ws/vendors/{y}.toml"));
    let header = "[answers.\"tech.tls-in-transit\"]\n";
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains(header), "{text}");
    std::fs::write(&file, text.replace(header, &format!("{header}value = true\nsource = \"vendor\"\n"))).unwrap();
    sb.ok(&["new", "Acme Call", "--assessed-on", "2026-11-24"]);
    sb.ok(&["answer", "acme-call", "basic.licence-scope", "none"]);
    sb.ok(&["answer", "acme-call", "service.multi-site", "--na"]);
    Some(sb)
}

/// Review times change on every run: one placeholder.
fn stable(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let mut line = line.to_string();
        let is_time = |l: &str, i: usize| {
            let b = l.as_bytes();
            b.len() >= i + 16 && b[i + 4] == b'-' && b[i + 7] == b'-' && b[i + 10] == b' ' && b[i + 13] == b':'
        };
        while let Some(at) = line.match_indices("202").map(|(i, _)| i).find(|&i| is_time(&line, i)) {
            line.replace_range(at..at + 16, "[TIME]");
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

#[test]
fn markdown_and_html_reports_carry_the_teams_decision() {
    let Some(sb) = reviewed() else { return };
    let y = "yun-lian-ke-ji-yunlian-tech";
    let md = sb.ok(&["report", y]);
    insta::assert_snapshot!("report_reviewed_md", stable(&md));
    for expected in [
        "| ✓ approved ~ stale: the answers changed since | zhao.min |",
        "- 💬 **wang.fang**",
        "ask for the audit report",
        "good references",
        "*stated by the vendor*",
        "> copy    attached\\\n> second line\n",
        "## Signatures",
    ] {
        assert!(md.contains(expected), "no {expected:?} in\n{md}");
    }
    assert!(!md.contains("^I") && !md.contains("N/A N/A") && !md.contains("(("), "{md}");
    let html = sb.ok(&["--lang", "zh", "report", y, "--format", "html"]);
    insta::assert_snapshot!("report_reviewed_html_zh", stable(&html));
    for expected in [
        "<html lang=\"zh-CN\">",
        "@page{size:A4",
        "Microsoft YaHei",
        "PingFang SC",
        "Noto Sans CJK SC",
        "<svg",
        "<thead>",
        "供应商自述",
        "已过期",
    ] {
        assert!(html.contains(expected), "no {expected:?}");
    }
    assert!(!html.contains("不适用 不适用") && !html.contains("^I"));
    // Every table has a header row and fixed column widths.
    assert_eq!(html.matches("<table").count(), html.matches("<thead>").count());
    assert_eq!(html.matches("<table").count(), html.matches("<colgroup>").count());
    // Red lines by question text, not by id.
    let acme = sb.ok(&["report", "acme-call"]);
    assert!(acme.contains("- ✗ What is the scope of the vendor"), "{acme}");
    assert!(!acme.contains("basic.licence-scope"), "{acme}");
}

#[test]
fn a_note_of_hostile_structure_stays_inside_its_quote() {
    let Some(sb) = Sandbox::new() else { return };
    sb.ok(&["new", "Acme", "--assessed-on", "2026-11-24"]);
    let note = "# heading\n---\n1. one\n- item\n    code\n> quote\n===\n| a | b |\n<b>bold</b>";
    sb.ok(&["answer", "acme", "tech.iso27001", "yes", "--note", note]);
    let md = sb.ok(&["report", "acme"]);
    let start = md.find("> \\# heading").unwrap_or_else(|| panic!("{md}"));
    let quote: Vec<&str> = md[start..].lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        quote,
        [
            "> \\# heading\\",
            "> \\---\\",
            "> 1\\. one\\",
            "> \\- item\\",
            "> code\\",
            "> \\> quote\\",
            "> \\===\\",
            "> \\| a \\| b \\|\\",
            "> \\<b\\>bold\\</b\\>",
        ]
    );
    // A blank line before and after the quote.
    assert!(md[..start].ends_with("\n\n"));
}

#[test]
fn all_vendors_side_by_side() {
    let Some(sb) = reviewed() else { return };
    let md = sb.ok(&["report", "--compare"]);
    insta::assert_snapshot!("report_compare_md", stable(&md));
    let html = sb.ok(&["report", "--compare", "--format", "html"]);
    assert!(html.contains("<td class=\"ko\">✗ DISQUALIFIED: What is the scope"), "{html}");
    assert_eq!(html.matches("<table").count(), 2);
    let (code, _, stderr) = sb.run("li.wei", &["report", "--compare", "--format", "xlsx"]);
    assert_eq!(code, 2, "{stderr}");
    let (code, _, _) = sb.run("li.wei", &["report"]);
    assert_eq!(code, 2);
}

/// Chromium, where installed, prints the HTML report on A4 pages.
#[test]
fn the_html_report_prints_on_a4() {
    let Some(chromium) = ["chromium", "chromium-browser", "google-chrome"].into_iter().find(|p| {
        Command::new(p).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    }) else {
        println!("skipped: Chromium is not installed");
        return;
    };
    if Command::new("pdfinfo").arg("-v").stderr(Stdio::null()).status().is_err() {
        println!("skipped: pdfinfo (poppler-utils) is not installed");
        return;
    }
    let Some(sb) = reviewed() else { return };
    sb.ok(&["--lang", "zh", "report", "yun-lian-ke-ji-yunlian-tech", "--format", "html", "-o", "r.html"]);
    let pdf = sb.path("r.pdf");
    let status = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", sb.path("chromium").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", sb.path("r.html").display()))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success() && pdf.exists(), "chromium did not print");
    let info = Command::new("pdfinfo").arg(&pdf).output().unwrap();
    let info = String::from_utf8_lossy(&info.stdout);
    let size = info.lines().find(|l| l.starts_with("Page size:")).unwrap_or_default();
    // A4 is 595 × 842 points (US Letter would be 612 × 792).
    let points: Vec<f64> = size.split_whitespace().filter_map(|w| w.parse().ok()).collect();
    assert!(points.len() == 2 && (points[0] - 595.3).abs() < 1.0 && (points[1] - 841.9).abs() < 1.0, "not A4: {size}");
}

#[test]
fn csv_and_json_for_scripts_and_for_excel() {
    let Some(sb) = reviewed() else { return };
    sb.ok_as("qian.li", &["review", "acme-call", "--decision", "reject", "--force"]);
    let plain = sb.ok(&["--lang", "zh", "compare", "--csv"]);
    assert!(plain.starts_with("rank,vendor,slug,score,"), "{plain}");
    assert!(plain.lines().next().unwrap().ends_with(",band_id,red_lines,signoffs"));
    let first: Vec<&str> = plain.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(first[3], "91.2", "{plain}");
    let precise = sb.ok(&["compare", "--csv", "--precision", "3"]);
    assert_eq!(precise.lines().nth(1).unwrap().split(',').nth(4), Some("15.183"), "{precise}");
    assert_eq!(first[4], "15.2");
    let excel = sb.ok(&["--lang", "zh", "compare", "--csv", "--excel"]);
    assert!(excel.starts_with("\u{feff}排名,服务商,标识,得分,"), "{excel}");
    assert!(excel.contains("云联科技 Yunlian Tech") && excel.contains("✗qian.li"), "{excel}");
    assert!(!sb.ok(&["compare", "--csv"]).starts_with('\u{feff}'));
    let (code, _, _) = sb.run("li.wei", &["compare", "--excel"]);
    assert_eq!(code, 2, "--excel needs --csv");

    let json: serde_json::Value =
        serde_json::from_str(&sb.ok(&["--lang", "zh", "score", "yun-lian-ke-ji-yunlian-tech", "--json"])).unwrap();
    assert_eq!(json["band_id"], "recommended", "the band's id from the questionnaire");
    assert_eq!(json["signoffs"][0]["comment"], "fine by me");
    let questions = json["questions"].as_array().unwrap();
    let default = ccvet::storage::questionnaire::parse(ccvet::storage::questionnaire::EMBEDDED).unwrap().0;
    assert_eq!(questions.len(), default.questions().count());
    assert_eq!(questions.iter().filter(|q| q["state"] == "hidden").count(), 2, "provinces and patient records");
    let find = |key: &str| questions.iter().find(|q| q["key"] == key).unwrap();
    assert_eq!(find("tech.tls-in-transit")["source"], "vendor");
    assert_eq!(find("tech.iso27001")["source"], serde_json::Value::Null);
    assert_eq!(find("service.multi-site")["state"], "na");
    assert_eq!(find("fit.industries")["value"], serde_json::json!(["finance", "ecommerce"]));
    assert_eq!(find("basic.licence-number")["note"], "copy\tattached\nsecond line");
    for q in questions {
        for field in ["key", "kind", "value", "note", "s", "state", "source"] {
            assert!(q.get(field).is_some(), "{field} absent in {q}");
        }
    }
    let acme: serde_json::Value = serde_json::from_str(&sb.ok(&["score", "acme-call", "--json"])).unwrap();
    assert_eq!(acme["signoffs"][0]["comment"], serde_json::Value::Null);
    assert!(acme["signoffs"][0].get("comment").is_some());
}

#[test]
fn band_id_is_the_bands_index_where_the_questionnaire_gives_no_id() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_ccvet"))
            .arg("--workspace")
            .arg(&ws)
            .args(args)
            .env("CCVET_CONFIG", "/nonexistent")
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    run(&["init"]);
    let q = std::fs::read_to_string(ws.join("questionnaire.toml")).unwrap();
    std::fs::write(ws.join("questionnaire.toml"), q.replace("id = \"recommended\"\n", "")).unwrap();
    run(&["new", "Acme", "--assessed-on", "2026-11-24"]);
    run(&["answer", "acme", "basic.licence-scope", "nationwide"]);
    let json: serde_json::Value = serde_json::from_str(&run(&["score", "acme", "--json"])).unwrap();
    assert_eq!(json["band"], "Recommended");
    assert_eq!(json["band_id"], 0, "the first band, which has no id here");
    run(&["answer", "acme", "basic.licence-scope", "none"]);
    let json: serde_json::Value = serde_json::from_str(&run(&["score", "acme", "--json"])).unwrap();
    assert_eq!(json["band_id"], "not-recommended");
}
