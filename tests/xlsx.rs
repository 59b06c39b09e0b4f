//! Excel exchange from outside: `form --xlsx` → a vendor fills the cells
//! (written here with rust_xlsxwriter) → `import`, every bad cell reported
//! with its cell, conflicts with and without `--overwrite`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use calamine::{Data, Reader, open_workbook_auto};
use ccvet::domain::answers::Answers;
use ccvet::storage::vendor::VendorFile;

struct Sandbox {
    dir: tempfile::TempDir,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    fn transcript(&self) -> String {
        format!("exit: {}\n--- stdout\n{}--- stderr\n{}", self.code, self.stdout, self.stderr)
    }
}

impl Sandbox {
    fn new() -> Sandbox {
        let sb = Sandbox { dir: tempfile::tempdir().unwrap() };
        sb.ok(&["init"]);
        sb
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Run {
        let out = Command::cargo_bin("ccvet")
            .unwrap()
            .env_clear()
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("CCVET_CONFIG", self.dir.path().join("config.toml"))
            .env("CCVET_WORKSPACE", self.dir.path().join("ws"))
            .env("USER", "li.wei")
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
        assert_eq!(r.code, 0, "{args:?} failed:\n{}", r.transcript());
        r
    }

    fn vendor_path(&self, slug: &str) -> PathBuf {
        self.dir.path().join("ws/vendors").join(format!("{slug}.toml"))
    }

    fn answers(&self, slug: &str) -> Answers {
        VendorFile::load(&self.vendor_path(slug)).unwrap().answers
    }
}

/// A vendor with an answer of every kind, N/A, and notes (one multi-line).
fn answered(sb: &Sandbox, name: &str) {
    sb.ok(&["new", name, "--assessed-on", "2026-11-24"]);
    for (q, v) in [
        ("basic.licence-scope", "nationwide"),
        ("basic.licence-number", "京B2-20240001"),
        ("basic.licence-expiry", "2028-05-31"),
        ("basic.annual-inspection", "yes"),
        ("basic.domestic-entity", "yes"),
        ("basic.registered-capital", "1200.5"),
        ("basic.staff-certificates", "3"),
        ("fit.industries", "finance,ecommerce"),
        ("service.sla-response-minutes", "20"),
    ] {
        sb.ok(&["answer", name, q, v]);
    }
    sb.ok(&["answer", name, "service.multi-site", "--na"]);
    sb.ok(&["answer", name, "basic.licence-scope", "--note", "证书编号 B2\nline two"]);
    sb.ok(&["answer", name, "tech.iso27001", "--note", "in audit"]);
}

/// The cells of the questions sheet (the one whose header has `id`).
fn grid(path: &Path) -> (String, Vec<Vec<Data>>) {
    let mut book = open_workbook_auto(path).unwrap();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).unwrap();
        let rows: Vec<Vec<Data>> = range.rows().map(<[Data]>::to_vec).collect();
        if rows.first().is_some_and(|r| r.first() == Some(&Data::String("id".into()))) {
            return (name, rows);
        }
    }
    panic!("no questions sheet in {}", path.display());
}

/// Writes `rows` as the vendor's filled-in workbook, cell by cell.
fn write_grid(path: &Path, sheet: &str, rows: &[Vec<Data>]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    ws.set_name(sheet).unwrap();
    let date = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(s) => {
                    ws.write_string(r, c, s).unwrap();
                }
                Data::Float(f) => {
                    ws.write_number(r, c, *f).unwrap();
                }
                Data::Int(n) => {
                    ws.write_number(r, c, *n as f64).unwrap();
                }
                Data::Bool(b) => {
                    ws.write_boolean(r, c, *b).unwrap();
                }
                Data::DateTime(d) => {
                    ws.write_number_with_format(r, c, d.as_f64(), &date).unwrap();
                }
                _ => {}
            }
        }
    }
    book.save(path).unwrap();
}

fn row_of(rows: &[Vec<Data>], key: &str) -> usize {
    rows.iter().position(|r| r.first() == Some(&Data::String(key.into()))).unwrap()
}

const ANSWER: usize = 3;
const NOTE: usize = 4;

#[test]
fn the_form_has_a_row_per_question_and_dropdowns_validations_and_protection() {
    let sb = Sandbox::new();
    answered(&sb, "Acme");
    sb.ok(&["form", "acme", "--xlsx", "-o", "form.xlsx"]);
    let (sheet, rows) = grid(&sb.path("form.xlsx"));
    assert_eq!(sheet, "Questions");
    let header: Vec<String> = rows[0].iter().map(ToString::to_string).collect();
    assert_eq!(&header[..5], ["id", "section", "question", "answer", "note"]);
    let q = ccvet::storage::questionnaire::resolve(None, &sb.path("ws")).unwrap().questionnaire;
    let keys: Vec<String> = rows[1..].iter().map(|r| r[0].to_string()).collect();
    let expected: Vec<String> = q.questions().map(|x| x.key.clone()).collect();
    assert_eq!(keys, expected);
    // Pre-filled in the question's own terms, numbers and dates as such.
    let cell = |key: &str, c: usize| rows[row_of(&rows, key)][c].clone();
    assert_eq!(cell("basic.licence-scope", ANSWER), Data::String("Nationwide licence".into()));
    assert_eq!(cell("basic.licence-scope", NOTE), Data::String("证书编号 B2\nline two".into()));
    assert_eq!(cell("basic.registered-capital", ANSWER), Data::Float(1200.5));
    assert!(matches!(cell("basic.licence-expiry", ANSWER), Data::DateTime(_)));
    assert_eq!(cell("service.multi-site", ANSWER), Data::String("N/A".into()));
    // A conditional question says when it applies, in the how-to column.
    let how = cell("fit.patient-records", 7).to_string();
    assert!(how.starts_with("Only if “") && how.contains("” is Healthcare"), "{how}");
    assert!(!cell("basic.licence-scope", 7).to_string().contains("Only if"));
    assert_eq!(
        cell("fit.industries", ANSWER),
        Data::String(
            "Finance (call-recording retention, compliance QA), E-commerce (order sync, smart outbound calling)".into()
        )
    );

    // The sheet XML: a dropdown per yes/no, choice and rating row (lists
    // on a hidden sheet), number and date rules, protection, unlocked cells.
    let xml = zip_entry(&sb.path("form.xlsx"), "xl/worksheets/sheet2.xml");
    let count = |what: &str| xml.matches(what).count();
    let kinds: Vec<&str> = q.questions().map(|x| x.kind.name()).collect();
    let listed = kinds.iter().filter(|k| matches!(**k, "yesno" | "choice" | "rating")).count();
    assert_eq!(count("type=\"list\""), listed, "{xml}");
    assert_eq!(count("type=\"decimal\""), kinds.iter().filter(|k| **k == "number").count());
    assert_eq!(count("type=\"date\""), kinds.iter().filter(|k| **k == "date").count());
    assert_eq!(count("type=\"textLength\""), kinds.iter().filter(|k| **k == "multi").count());
    assert!(xml.contains("<sheetProtection"), "not protected");
    assert!(xml.contains("Lists!$A$1"), "lists not on the hidden sheet");
    assert!(count("promptTitle=") >= kinds.len(), "an answer cell without an input message");
    let workbook = zip_entry(&sb.path("form.xlsx"), "xl/workbook.xml");
    assert!(workbook.contains("name=\"Lists\"") && workbook.contains("state=\"hidden\""), "{workbook}");
    let styles = zip_entry(&sb.path("form.xlsx"), "xl/styles.xml");
    assert!(styles.contains("locked=\"0\""), "no unlocked cells");

    // Chinese: the sheet names and headers localised after the key word.
    sb.ok(&["--lang", "zh", "form", "--xlsx", "-o", "zh.xlsx"]);
    let (sheet, rows) = grid(&sb.path("zh.xlsx"));
    assert_eq!(sheet, "问卷");
    assert_eq!(rows[0][3], Data::String("answer 回答".into()));
    assert_eq!(rows[1][2], Data::String(q.questions().next().unwrap().text.zh.clone()));
}

fn zip_entry(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut text).unwrap();
    text
}

#[test]
fn form_then_import_gives_the_same_answers_marked_as_the_vendors() {
    let sb = Sandbox::new();
    answered(&sb, "Acme");
    sb.ok(&["new", "Blank Co", "--assessed-on", "2026-11-24"]);
    for lang in ["en", "zh"] {
        let form = format!("form-{lang}.xlsx");
        sb.ok(&["--lang", lang, "form", "acme", "--xlsx", "-o", &form]);
        // The vendor's copy: every cell written again by another writer.
        let (sheet, rows) = grid(&sb.path(&form));
        let filled = format!("filled-{lang}.xlsx");
        write_grid(&sb.path(&filled), &sheet, &rows);
        let target = format!("blank-{lang}");
        sb.ok(&["new", &target, "--assessed-on", "2026-11-24"]);
        let r = sb.ok(&["import", &target, &filled]);
        assert!(r.stdout.contains("imported 11 answer(s)"), "{}", r.transcript());
        let (ours, theirs) = (sb.answers("acme"), sb.answers(&target));
        assert_eq!(ours.keys().collect::<Vec<_>>(), theirs.keys().collect::<Vec<_>>());
        for (key, a) in &ours {
            let b = &theirs[key];
            assert_eq!((&a.value, a.na, &a.note), (&b.value, b.na, &b.note), "{lang} {key}");
            let expect = if a.value.is_some() || a.na { Some("vendor") } else { None };
            assert_eq!(b.source.as_deref(), expect, "{lang} {key}");
        }
        // Importing the same workbook again changes nothing.
        let before = std::fs::read(sb.vendor_path(&target)).unwrap();
        let r = sb.ok(&["import", &target, &filled]);
        assert!(r.stdout.contains("imported 0 answer(s)"), "{}", r.transcript());
        assert_eq!(before, std::fs::read(sb.vendor_path(&target)).unwrap());
    }
    let file = std::fs::read_to_string(sb.vendor_path("blank-en")).unwrap();
    assert!(file.contains("source = \"vendor\""), "{file}");
}

#[test]
fn every_bad_cell_is_reported_with_its_cell_and_nothing_is_written() {
    let sb = Sandbox::new();
    sb.ok(&["new", "Acme", "--assessed-on", "2026-11-24"]);
    sb.ok(&["form", "--xlsx", "-o", "form.xlsx"]);
    let (sheet, mut rows) = grid(&sb.path("form.xlsx"));
    let mut set = |key: &str, col: usize, value: Data| {
        let r = row_of(&rows, key);
        rows[r][col] = value;
    };
    set("basic.licence-scope", ANSWER, Data::String("galactic".into()));
    set("basic.annual-inspection", ANSWER, Data::String("maybe".into()));
    set("basic.registered-capital", ANSWER, Data::String("lots".into()));
    set("basic.licence-expiry", ANSWER, Data::String("30/06/2027".into()));
    set("basic.staff-certificates", ANSWER, Data::Float(9.0));
    set("basic.teams", ANSWER, Data::String("sales, mining".into()));
    set("tech.iso27001", ANSWER, Data::String("N/A".into()));
    set("tech.tls-in-transit", ANSWER, Data::String("yes".into()));
    set("tech.tls-in-transit", 0, Data::String("tech.no-such".into()));
    set("fit.api-sdk", ANSWER, Data::String("yes".into()));
    set("fit.upgrade-history", ANSWER, Data::String("yes".into()));
    set("fit.upgrade-history", 0, Data::String("fit.api-sdk".into()));
    set("basic.domestic-entity", ANSWER, Data::String("yes".into())); // a good one
    rows.push(vec![Data::Empty, Data::Empty, Data::Empty, Data::String("stray".into())]);
    write_grid(&sb.path("bad.xlsx"), &sheet, &rows);
    let before = std::fs::read(sb.vendor_path("acme")).unwrap();
    let r = sb.run(&["import", "acme", "bad.xlsx"]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    assert_eq!(before, std::fs::read(sb.vendor_path("acme")).unwrap(), "a file was written");
    for line in r.stderr.lines().take(r.stderr.lines().count() - 1) {
        assert!(line.starts_with("bad.xlsx:Questions!"), "{line}");
    }
    insta::assert_snapshot!("import_bad_cells", r.transcript());
    let r = sb.run(&["--lang", "zh", "import", "acme", "bad.xlsx"]);
    insta::assert_snapshot!("import_bad_cells_zh", r.transcript());
    // Not a workbook at all: one sentence, nothing written.
    std::fs::write(sb.path("notes.xlsx"), "just text").unwrap();
    let r = sb.run(&["import", "acme", "notes.xlsx"]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.starts_with("notes.xlsx:not a workbook"), "{}", r.stderr);
}

#[test]
fn an_interviewers_answer_is_kept_unless_overwrite_and_conflicts_are_listed() {
    let sb = Sandbox::new();
    sb.ok(&["new", "Acme", "--assessed-on", "2026-11-24"]);
    sb.ok(&["answer", "acme", "tech.iso27001", "yes", "--note", "seen the certificate"]);
    sb.ok(&["answer", "acme", "basic.annual-inspection", "yes"]);
    sb.ok(&["form", "acme", "--xlsx", "-o", "form.xlsx"]);
    let (sheet, mut rows) = grid(&sb.path("form.xlsx"));
    let mut set = |key: &str, col: usize, value: &str| {
        let r = row_of(&rows, key);
        rows[r][col] = Data::String(value.into());
    };
    set("tech.iso27001", ANSWER, "no");
    set("tech.iso27001", NOTE, "renewal pending");
    set("basic.annual-inspection", ANSWER, ""); // empty: changes nothing
    set("tech.tls-in-transit", ANSWER, "yes");
    write_grid(&sb.path("filled.xlsx"), &sheet, &rows);

    let r = sb.run(&["import", "acme", "filled.xlsx"]);
    assert_eq!(r.code, 1, "{}", r.transcript());
    insta::assert_snapshot!("import_conflicts_kept", r.transcript());
    let a = sb.answers("acme");
    assert_eq!(a["tech.iso27001"].value, Some(ccvet::domain::answers::Value::Bool(true)));
    assert_eq!(a["tech.iso27001"].note.as_deref(), Some("seen the certificate"));
    assert_eq!(a["tech.iso27001"].source, None);
    assert_eq!(a["basic.annual-inspection"].value, Some(ccvet::domain::answers::Value::Bool(true)));
    assert_eq!(a["tech.tls-in-transit"].source.as_deref(), Some("vendor"));

    let r = sb.run(&["import", "acme", "filled.xlsx", "--overwrite"]);
    assert_eq!(r.code, 0, "{}", r.transcript());
    insta::assert_snapshot!("import_conflicts_overwritten", r.transcript());
    let a = sb.answers("acme");
    assert_eq!(a["tech.iso27001"].value, Some(ccvet::domain::answers::Value::Bool(false)));
    assert_eq!(a["tech.iso27001"].note.as_deref(), Some("renewal pending"));
    assert_eq!(a["tech.iso27001"].source.as_deref(), Some("vendor"));
    assert_eq!(a["basic.annual-inspection"].value, Some(ccvet::domain::answers::Value::Bool(true)));

    // The interviewer answering again takes the answer back as theirs.
    sb.ok(&["answer", "acme", "tech.iso27001", "yes"]);
    assert_eq!(sb.answers("acme")["tech.iso27001"].source, None);
}

/// Three vendors: one answered, one disqualified and signed off, one empty.
fn three(sb: &Sandbox) {
    answered(sb, "云联科技 Yunlian Tech");
    // Interviewed by someone else: this account may sign it off.
    sb.ok(&["new", "Acme [Call]", "--assessed-on", "2026-11-24", "--interviewer", "li.wei"]);
    sb.ok(&["answer", "acme-call", "basic.licence-scope", "none"]);
    sb.ok(&["answer", "acme-call", "tech.iso27001", "yes"]);
    sb.ok(&["review", "acme-call", "--decision", "reject", "--comment", "no licence", "--force"]);
    sb.ok(&["new", "Empty Ltd", "--assessed-on", "2026-11-24"]);
}

fn sheet(path: &Path, name: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(path).unwrap();
    book.worksheet_range(name).unwrap().rows().map(<[Data]>::to_vec).collect()
}

#[test]
fn the_management_workbook_ranks_with_numbers_frozen_headers_filters_and_a4() {
    let sb = Sandbox::new();
    three(&sb);
    sb.ok(&["compare", "--xlsx", "-o", "board.xlsx"]);
    let path = sb.path("board.xlsx");
    let names = open_workbook_auto(&path).unwrap().sheet_names();
    assert_eq!(names, ["Ranking", "Questions", "云联科技 Yunlian Tech", "Empty Ltd", "Acme  Call"]);
    let ranking = sheet(&path, "Ranking");
    let col = |name: &str| ranking[0].iter().position(|c| *c == name).unwrap();
    let vendors: Vec<String> = ranking[1..].iter().map(|r| r[col("Vendor")].to_string()).collect();
    assert_eq!(vendors, ["云联科技 Yunlian Tech", "Empty Ltd", "Acme [Call]"]);
    // Scores as numbers rounded to one decimal; no score is an empty cell.
    let Data::Float(score) = ranking[1][col("Score")] else { panic!("{:?}", ranking[1]) };
    assert_eq!(score, (score * 10.0).round() / 10.0);
    assert!(score > 0.0);
    assert_eq!(ranking[2][col("Score")], Data::Empty);
    assert!(matches!(ranking[1][col("Completion")], Data::Float(c) if c > 0.0 && c < 1.0));
    let acme = &ranking[3];
    assert_eq!(acme[col("Status")].to_string(), "✗ DISQUALIFIED");
    // Red lines by question text, not by id; sign-offs with their decision.
    let red = acme[col("Red lines")].to_string();
    assert!(red.starts_with("✗ What is the scope of the vendor") && !red.contains("basic.licence-scope"), "{red}");
    let me = ccvet::storage::identity::me().name;
    assert!(acme[col("Sign-offs (~ stale)")].to_string().contains(&format!("reject {me}")), "{acme:?}");

    let xml = zip_entry(&path, "xl/worksheets/sheet1.xml");
    assert!(xml.contains(r#"state="frozen""#) && xml.contains(r#"ySplit="1""#), "header not frozen");
    assert!(xml.contains("<autoFilter ref=\"A1:"), "no filter");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#), "not A4 landscape");
    let styles = zip_entry(&path, "xl/styles.xml");
    assert!(styles.contains(r#"formatCode="0.0""#) && styles.contains(r#"formatCode="0%""#), "{styles}");

    // Question by question: rows are questions, columns vendors.
    let side = sheet(&path, "Questions");
    assert_eq!(side[0][3..].iter().map(ToString::to_string).collect::<Vec<_>>(), vendors);
    let row = side.iter().position(|r| r[0] == "basic.licence-scope").unwrap();
    assert_eq!(side[row][3].to_string(), "Nationwide licence");
    assert_eq!(side[row][5].to_string(), "No licence");

    // A vendor's own sheet: every question, answer, note, source.
    let own = sheet(&path, "云联科技 Yunlian Tech");
    let row = own.iter().position(|r| r[0] == "basic.licence-scope").unwrap();
    assert_eq!(own[row][3].to_string(), "Nationwide licence");
    assert_eq!(own[row][4].to_string(), "证书编号 B2\nline two");
    assert_eq!(own[row][5].to_string(), "interviewer");
    assert_eq!(own[row][6], Data::Float(100.0));

    // report --format xlsx: that sheet alone.
    sb.ok(&["--lang", "zh", "report", "acme-call", "--format", "xlsx", "-o", "acme.xlsx"]);
    let names = open_workbook_auto(sb.path("acme.xlsx")).unwrap().sheet_names();
    assert_eq!(names, ["Acme  Call"]);
    let own = sheet(&sb.path("acme.xlsx"), "Acme  Call");
    assert_eq!(own[0][3].to_string(), "回答");
    assert!(own.iter().any(|r| r.iter().any(|c| *c == "✗ 红线")));
    let r = sb.run(&["compare", "--xlsx"]);
    assert_eq!(r.code, 2, "{}", r.transcript());
}

/// Open and overdue follow-ups reach the ranking sheet (counted per vendor,
/// against a fixed "today"); each vendor sheet shows the follow-up and the
/// evidence beside their question.
#[test]
fn the_management_workbook_carries_follow_ups_and_evidence() {
    let sb = Sandbox::new();
    three(&sb);
    let name = "云联科技 Yunlian Tech";
    let slug = "yun-lian-ke-ji-yunlian-tech";
    sb.ok(&["followup", slug, "basic.annual-inspection", "Send three years of inspections", "--due", "2000-01-10"]);
    sb.ok(&["followup", slug, "tech.iso27001", "ISO 27001 certificate", "--due", "2999-12-31"]);
    sb.ok(&["followup", "acme-call", "tech.iso27001", "Certificate", "--due", "2999-01-01"]);
    sb.ok(&["followup", "acme-call", "tech.iso27001", "--status", "closed"]);
    std::fs::write(sb.path("licence.pdf"), b"%PDF-1.4 licence").unwrap();
    sb.ok(&["evidence", "add", slug, "basic.licence-scope", "licence.pdf", "--expires", "2028-05-31"]);
    sb.ok(&["compare", "--xlsx", "-o", "board.xlsx"]);
    let path = sb.path("board.xlsx");
    let ranking = sheet(&path, "Ranking");
    let col = |name: &str| ranking[0].iter().position(|c| *c == name).unwrap();
    let row = |vendor: &str| ranking.iter().position(|r| r[col("Vendor")] == vendor).unwrap();
    // Two open, one of them past its due date; a closed one is not open.
    assert_eq!(ranking[row(name)][col("Open follow-ups")], Data::Float(2.0), "{ranking:?}");
    assert_eq!(ranking[row(name)][col("Overdue")], Data::Float(1.0));
    assert_eq!(ranking[row("Acme [Call]")][col("Open follow-ups")], Data::Float(0.0));
    assert_eq!(ranking[row("Empty Ltd")][col("Overdue")], Data::Float(0.0));

    let own = sheet(&path, name);
    let col = |title: &str| own[0].iter().position(|c| *c == title).unwrap();
    let at = |key: &str| own.iter().position(|r| r[0] == key).unwrap();
    assert_eq!(
        own[at("basic.annual-inspection")][col("Follow-up")].to_string(),
        "requested, due 2000-01-10: Send three years of inspections"
    );
    let evidence = own[at("basic.licence-scope")][col("Evidence")].to_string();
    assert!(evidence.starts_with("licence.pdf (seen ") && evidence.contains("expires 2028-05-31"), "{evidence}");
    assert!(evidence.contains("SHA-256 "), "{evidence}");
    assert_eq!(own[at("tech.iso27001")][col("Evidence")], Data::Empty);

    // In Chinese, the same cells in Chinese.
    sb.ok(&["--lang", "zh", "report", slug, "--format", "xlsx", "-o", "zh.xlsx"]);
    let own = sheet(&sb.path("zh.xlsx"), &open_workbook_auto(sb.path("zh.xlsx")).unwrap().sheet_names()[0]);
    let col = own[0].iter().position(|c| *c == "待补充材料").unwrap();
    let at = own.iter().position(|r| r[0] == "basic.annual-inspection").unwrap();
    assert_eq!(own[at][col].to_string(), "已请求，截止 2000-01-10：Send three years of inspections");
}

/// LibreOffice, where installed, opens both workbooks: the management
/// workbook's first sheet and the form convert to CSV with their content.
#[test]
fn libreoffice_reads_the_workbooks() {
    let Some(soffice) = ["soffice", "libreoffice"].into_iter().find(|p| {
        Command::new(p).arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok_and(|s| s.success())
    }) else {
        println!("skipped: LibreOffice (soffice) is not installed");
        return;
    };
    let sb = Sandbox::new();
    three(&sb);
    sb.ok(&["compare", "--xlsx", "-o", "board.xlsx"]);
    sb.ok(&["form", "acme-call", "--xlsx", "-o", "form.xlsx"]);
    for name in ["board", "form"] {
        let status = Command::new(soffice)
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
            ])
            .arg("--outdir")
            .arg(sb.path("csv"))
            .arg(sb.path(&format!("{name}.xlsx")))
            .env("HOME", sb.dir.path())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success());
    }
    let csv = |file: &str| {
        std::fs::read_dir(sb.path("csv"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with(file))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let board = csv("board");
    assert!(board.contains("云联科技 Yunlian Tech") && board.contains("✗ DISQUALIFIED"), "{board}");
    let form = csv("form");
    assert!(form.contains("basic.licence-scope") && form.contains("No licence"), "{form}");
}
