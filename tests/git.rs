//! The workspace in real git: clones, merges with and without the `ccvet`
//! merge driver, history. Each test has its own HOME (no user git config),
//! fixed authors and dates from the environment.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use ccvet::domain::answers::{Answers, Value};
use ccvet::storage::vendor::VendorFile;

struct Lab {
    dir: tempfile::TempDir,
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Lab {
    fn new() -> Lab {
        Lab { dir: tempfile::tempdir().unwrap() }
    }

    fn path(&self, site: &str) -> PathBuf {
        self.dir.path().join(site)
    }

    fn env(&self, cmd: &mut Command, who: &str) {
        cmd.env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path().join("config"))
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("CCVET_CONFIG", self.dir.path().join("config.toml"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", who)
            .env("GIT_AUTHOR_EMAIL", format!("{who}@example.com"))
            .env("GIT_COMMITTER_NAME", who)
            .env("GIT_COMMITTER_EMAIL", format!("{who}@example.com"))
            .env("GIT_AUTHOR_DATE", "2026-11-24T10:00:00+08:00")
            .env("GIT_COMMITTER_DATE", "2026-11-24T10:00:00+08:00")
            .env("USER", who)
            .env("LANG", "C.UTF-8")
            .stdin(Stdio::null());
    }

    fn run(&self, mut cmd: Command) -> Out {
        let out = cmd.output().unwrap();
        Out {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// `git ARGS` in `site`, as `who`.
    fn git_as(&self, site: &str, who: &str, args: &[&str]) -> Out {
        let mut cmd = Command::new("git");
        self.env(&mut cmd, who);
        cmd.current_dir(self.path(site)).args(args);
        self.run(cmd)
    }

    fn git(&self, site: &str, args: &[&str]) -> Out {
        let out = self.git_as(site, "li.wei", args);
        assert_eq!(out.code, 0, "git {args:?} in {site} failed:\n{}{}", out.stdout, out.stderr);
        out
    }

    /// `ccvet --workspace SITE ARGS`, as `who`.
    fn ccvet_as(&self, site: &str, who: &str, args: &[&str]) -> Out {
        let mut cmd = Command::cargo_bin("ccvet").unwrap();
        self.env(&mut cmd, who);
        cmd.current_dir(self.path(site)).arg("--workspace").arg(self.path(site)).args(args);
        self.run(cmd)
    }

    fn ccvet(&self, site: &str, args: &[&str]) -> Out {
        let out = self.ccvet_as(site, "li.wei", args);
        assert_eq!(out.code, 0, "ccvet {args:?} in {site} failed:\n{}{}", out.stdout, out.stderr);
        out
    }

    /// A workspace in git (`origin`) with vendor `acme` committed, and
    /// clones `a` and `b` of it.
    fn two_clones(&self) {
        std::fs::create_dir_all(self.path("origin")).unwrap();
        self.git("origin", &["init", "-q", "-b", "main"]);
        self.ccvet("origin", &["init"]);
        // Interviewed by li.wei: this account reviews it.
        self.ccvet("origin", &["new", "Acme", "--assessed-on", "2026-11-24", "--interviewer", "li.wei"]);
        self.git("origin", &["add", "-A"]);
        self.git("origin", &["commit", "-q", "-m", "Acme"]);
        for site in ["a", "b"] {
            let out = self.git_as(".", "li.wei", &["clone", "-q", "origin", site]);
            assert_eq!(out.code, 0, "{}", out.stderr);
        }
    }

    /// Commits everything in `site` as `who`.
    fn commit(&self, site: &str, who: &str, message: &str) {
        let out = self.git_as(site, who, &["add", "-A"]);
        assert_eq!(out.code, 0, "{}", out.stderr);
        let out = self.git_as(site, who, &["commit", "-q", "-m", message]);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    }

    /// `git pull` of `from`'s main into `site` (a merge); the merge's output.
    fn pull(&self, site: &str, from: &str) -> Out {
        let from = self.path(from).display().to_string();
        self.git_as(site, "li.wei", &["pull", "-q", "--no-rebase", "--no-edit", &from, "main"])
    }

    fn vendor_text(&self, site: &str) -> String {
        std::fs::read_to_string(self.path(site).join("vendors/acme.toml")).unwrap()
    }
}

fn answers(lab: &Lab, site: &str) -> Answers {
    VendorFile::load(&lab.path(site).join("vendors/acme.toml")).unwrap().answers
}

fn value(answers: &Answers, key: &str) -> Option<Value> {
    answers.get(key).and_then(|a| a.value.clone())
}

fn note(answers: &Answers, key: &str) -> Option<String> {
    answers.get(key).and_then(|a| a.note.clone())
}

fn s(text: &str) -> Value {
    Value::Str(text.to_string())
}

#[test]
fn neighbouring_answers_merge_as_plain_text_without_the_driver() {
    let lab = Lab::new();
    lab.two_clones();
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical,support"]);
    lab.commit("a", "li.wei", "teams");
    lab.ccvet("b", &["answer", "acme", "basic.staff-certificates", "4", "--note", "two\nlines"]);
    lab.ccvet("b", &["answer", "acme", "basic.social-insurance", "yes"]);
    lab.commit("b", "wang.fang", "certificates and insurance");
    let merged = lab.pull("a", "b");
    assert_eq!(merged.code, 0, "git merge conflicted:\n{}{}", merged.stdout, merged.stderr);
    let text = lab.vendor_text("a");
    assert!(!text.contains("<<<<<<<"), "{text}");
    let a = answers(&lab, "a");
    assert_eq!(value(&a, "basic.teams"), Some(Value::List(vec![s("technical"), s("support")])));
    assert_eq!(value(&a, "basic.staff-certificates"), Some(Value::Integer(4)));
    assert_eq!(note(&a, "basic.staff-certificates").as_deref(), Some("two\nlines"));
    assert_eq!(value(&a, "basic.social-insurance"), Some(Value::Bool(true)));
}

#[test]
fn a_file_from_before_the_layout_upgrades_on_its_next_save_and_then_merges_well() {
    let lab = Lab::new();
    std::fs::create_dir_all(lab.path("origin")).unwrap();
    lab.git("origin", &["init", "-q", "-b", "main"]);
    lab.ccvet("origin", &["init"]);
    let old = "# kept by hand\nvendor = \"Acme\"\nassessed_on = 2026-11-24\n\n\
               [answers.\"tech.iso27001\"]\nvalue = true   # checked\n";
    std::fs::write(lab.path("origin/vendors/acme.toml"), old).unwrap();
    lab.ccvet("origin", &["answer", "acme", "basic.licence-scope", "nationwide"]);
    let text = std::fs::read_to_string(lab.path("origin/vendors/acme.toml")).unwrap();
    assert!(text.starts_with("# kept by hand\nvendor = \"Acme\"\n"), "{text}");
    assert!(text.contains("[answers.\"tech.iso27001\"]\nvalue = true   # checked\n"), "{text}");
    assert!(text.contains("[answers.\"basic.teams\"]\n\n[answers.\"basic.staff-certificates\"]\n"), "{text}");
    lab.commit("origin", "li.wei", "upgrade");
    for site in ["a", "b"] {
        assert_eq!(lab.git_as(".", "li.wei", &["clone", "-q", "origin", site]).code, 0);
    }
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical"]);
    lab.commit("a", "li.wei", "teams");
    lab.ccvet("b", &["answer", "acme", "basic.staff-certificates", "3"]);
    lab.commit("b", "wang.fang", "certificates");
    assert_eq!(lab.pull("a", "b").code, 0, "{}", lab.vendor_text("a"));
}

#[test]
fn crlf_vendor_files_take_multi_line_notes_and_values() {
    let lab = Lab::new();
    lab.two_clones();
    let path = lab.path("a/vendors/acme.toml");
    // A colleague on Windows: every line ends CRLF, with a multi-line note
    // written before the conversion.
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical", "--note", "first\nsecond"]);
    let crlf = std::fs::read_to_string(&path).unwrap().replace('\n', "\r\n");
    std::fs::write(&path, &crlf).unwrap();
    lab.ccvet("a", &["answer", "acme", "basic.teams", "support"]);
    lab.ccvet("a", &["answer", "acme", "basic.teams", "--note", "line 1\nline 2\r\nline 3\n"]);
    lab.ccvet("a", &["answer", "acme", "basic.licence-number", "B2\n20240001"]);
    lab.ccvet("a", &["answer", "acme", "basic.staff-certificates", "2", "--note", "a\n\"quoted\"\tb\n"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.replace("\r\n", "").contains('\n'), "every line break stays CRLF:\n{text:?}");
    let a = answers(&lab, "a");
    assert_eq!(note(&a, "basic.teams").as_deref(), Some("line 1\nline 2\r\nline 3\n"));
    assert_eq!(value(&a, "basic.teams"), Some(Value::List(vec![s("support")])));
    assert_eq!(note(&a, "basic.staff-certificates").as_deref(), Some("a\n\"quoted\"\tb\n"));
    assert_eq!(value(&a, "basic.licence-number"), Some(s("B2\n20240001")));
}

impl Lab {
    /// [`Lab::two_clones`] with ccvet's drivers registered in both clones.
    fn two_clones_with_driver(&self) {
        self.two_clones();
        for site in ["a", "b"] {
            let out = self.ccvet(site, &["git-setup"]);
            assert!(out.stdout.contains(".git/config"), "{}", out.stdout);
        }
    }

    fn score_json(&self, site: &str) -> serde_json::Value {
        serde_json::from_str(&self.ccvet(site, &["score", "acme", "--json"]).stdout).unwrap()
    }
}

#[test]
fn init_writes_gitignore_and_gitattributes_and_registers_the_drivers() {
    let lab = Lab::new();
    std::fs::create_dir_all(lab.path("origin")).unwrap();
    lab.git("origin", &["init", "-q", "-b", "main"]);
    assert!(matches!(
        ccvet::git::setup::git_setup_status(&lab.path("origin")),
        ccvet::git::setup::GitSetupStatus::Missing(_)
    ));
    lab.ccvet("origin", &["init"]);
    let ignore = std::fs::read_to_string(lab.path("origin/.gitignore")).unwrap();
    let attributes = std::fs::read_to_string(lab.path("origin/.gitattributes")).unwrap();
    for line in ["*.lock", "*.mine-*"] {
        assert!(ignore.lines().any(|l| l == line), "{ignore}");
    }
    for line in
        ["*.toml text eol=lf", "vendors/*.toml merge=ccvet diff=ccvet", "reviews/**/*.toml merge=ccvet diff=ccvet"]
    {
        assert!(attributes.lines().any(|l| l == line), "{attributes}");
    }
    assert_eq!(ccvet::git::setup::git_setup_status(&lab.path("origin")), ccvet::git::setup::GitSetupStatus::Ready);
    let driver = lab.git("origin", &["config", "--get", "merge.ccvet.driver"]).stdout;
    assert!(driver.contains(" merge-file %O %A %B %P"), "{driver}");
    // A vendor open for writing leaves nothing for `git add -A` but the vendor.
    lab.ccvet("origin", &["new", "Acme", "--assessed-on", "2026-11-24"]);
    lab.ccvet("origin", &["review", "acme", "--comment", "looks fine"]);
    std::fs::write(lab.path("origin/vendors/acme.lock"), "held").unwrap();
    std::fs::write(lab.path("origin/vendors/acme.toml.mine-20261124T100000-1"), "x").unwrap();
    lab.git("origin", &["add", "-A"]);
    let staged = lab.git("origin", &["diff", "--cached", "--name-only"]).stdout;
    assert!(!staged.contains(".lock") && !staged.contains(".mine-"), "{staged}");
    assert!(staged.contains("vendors/acme.toml") && staged.contains("reviews/acme/"), "{staged}");
    // init again changes nothing
    lab.ccvet("origin", &["init"]);
    assert_eq!(std::fs::read_to_string(lab.path("origin/.gitignore")).unwrap(), ignore);
    // A fresh clone lacks the drivers until git-setup.
    assert_eq!(lab.git_as(".", "li.wei", &["clone", "-q", "origin", "c"]).code, 0);
    assert!(matches!(
        ccvet::git::setup::git_setup_status(&lab.path("c")),
        ccvet::git::setup::GitSetupStatus::Missing(_)
    ));
}

#[test]
fn the_same_answer_changed_on_both_sides_is_a_conflict_that_still_parses_and_resolves() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    lab.ccvet("a", &["answer", "acme", "basic.staff-certificates", "2", "--note", "ours"]);
    lab.ccvet("a", &["answer", "acme", "tech.iso27001", "yes"]);
    lab.commit("a", "li.wei", "ours");
    lab.ccvet("b", &["answer", "acme", "basic.staff-certificates", "4"]);
    lab.ccvet("b", &["answer", "acme", "basic.teams", "support"]);
    lab.commit("b", "wang.fang", "theirs");
    let merged = lab.pull("a", "b");
    assert_ne!(merged.code, 0, "git must mark the path conflicted");
    assert!(merged.stderr.contains("basic.staff-certificates"), "{}", merged.stderr);
    let text = lab.vendor_text("a");
    assert!(!text.contains("<<<<<<<"), "{text}");
    let a = answers(&lab, "a");
    assert_eq!(value(&a, "basic.staff-certificates"), Some(Value::Integer(2)), "ours in force");
    assert_eq!(value(&a, "tech.iso27001"), Some(Value::Bool(true)));
    assert_eq!(value(&a, "basic.teams"), Some(Value::List(vec![s("support")])), "their other change merged");
    let json = lab.score_json("a");
    assert_eq!(
        json["conflicts"],
        serde_json::json!([{
            "key": "basic.staff-certificates",
            "ours": { "value": 2, "na": false, "note": "ours" },
            "theirs": { "value": 4, "na": false, "note": null },
            "base": null
        }])
    );
    let score = lab.ccvet("a", &["score", "acme"]).stdout;
    assert!(score.contains("⚠ basic.staff-certificates"), "{score}");
    // Unknown key: a usage error naming the keys in conflict.
    let wrong = lab.ccvet_as("a", "li.wei", &["resolve", "acme", "basic.teams", "--ours"]);
    assert_eq!(wrong.code, 2, "{}", wrong.stderr);
    assert!(wrong.stderr.contains("basic.staff-certificates"), "{}", wrong.stderr);
    lab.ccvet("a", &["resolve", "acme", "basic.staff-certificates", "--theirs"]);
    let a = answers(&lab, "a");
    assert_eq!(value(&a, "basic.staff-certificates"), Some(Value::Integer(4)));
    assert_eq!(note(&a, "basic.staff-certificates"), None);
    assert_eq!(lab.score_json("a")["conflicts"], serde_json::json!([]));
    assert!(!lab.vendor_text("a").contains("conflict"));
    lab.commit("a", "li.wei", "merged");
}

#[test]
fn resolving_ours_keeps_ours_and_a_header_field_conflict_resolves_too() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    for (site, date, v) in [("a", "2026-12-01", "nationwide"), ("b", "2026-12-02", "provincial")] {
        let path = lab.path(site).join("vendors/acme.toml");
        let text = std::fs::read_to_string(&path).unwrap().replace("2026-11-24", date);
        std::fs::write(&path, text).unwrap();
        lab.ccvet(site, &["answer", "acme", "basic.licence-scope", v]);
        lab.commit(site, "li.wei", site);
    }
    assert_ne!(lab.pull("a", "b").code, 0);
    let json = lab.score_json("a");
    let keys: Vec<&str> = json["conflicts"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["basic.licence-scope", "assessed_on"]);
    assert_eq!(json["conflicts"][1]["theirs"]["value"], "2026-12-02");
    lab.ccvet("a", &["resolve", "acme", "basic.licence-scope", "--ours"]);
    lab.ccvet("a", &["resolve", "acme", "assessed_on", "--theirs"]);
    let v = VendorFile::load(&lab.path("a/vendors/acme.toml")).unwrap();
    assert_eq!(value(&v.answers, "basic.licence-scope"), Some(s("nationwide")));
    assert_eq!(v.meta.assessed_on.map(|d| d.to_string()).as_deref(), Some("2026-12-02"));
    assert!(v.conflicts.is_empty());
    assert!(!v.text().contains("[conflicts]"), "{}", v.text());
}

#[test]
fn one_side_deleting_an_answer_the_other_changed_is_a_conflict_that_loses_neither() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    lab.ccvet("a", &["answer", "acme", "tech.iso27001", "yes"]);
    lab.commit("a", "li.wei", "iso");
    assert_eq!(lab.pull("b", "a").code, 0);
    lab.ccvet("a", &["answer", "acme", "tech.iso27001", "--clear"]);
    lab.commit("a", "li.wei", "clear iso");
    lab.ccvet("b", &["answer", "acme", "tech.iso27001", "no", "--note", "expired"]);
    lab.commit("b", "wang.fang", "iso expired");
    assert_ne!(lab.pull("a", "b").code, 0);
    let json = lab.score_json("a");
    assert_eq!(json["conflicts"][0]["key"], "tech.iso27001");
    assert_eq!(json["conflicts"][0]["ours"], serde_json::Value::Null);
    assert_eq!(json["conflicts"][0]["theirs"], serde_json::json!({ "value": false, "na": false, "note": "expired" }));
    assert_eq!(json["conflicts"][0]["base"], serde_json::json!({ "value": true, "na": false, "note": null }));
    lab.ccvet("a", &["resolve", "acme", "tech.iso27001", "--theirs"]);
    assert_eq!(value(&answers(&lab, "a"), "tech.iso27001"), Some(Value::Bool(false)));
}

#[test]
fn review_comments_on_both_sides_merge_one_by_one() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    lab.ccvet("a", &["review", "acme", "--comment", "first, in Beijing"]);
    lab.commit("a", "li.wei", "c1");
    assert_eq!(lab.pull("b", "a").code, 0);
    lab.ccvet("a", &["review", "acme", "--comment", "second, in Beijing", "--question", "basic.teams"]);
    lab.commit("a", "li.wei", "c2");
    lab.ccvet("b", &["review", "acme", "--comment", "third, in Shanghai"]);
    lab.ccvet("b", &["review", "acme", "--decision", "approve", "--force"]);
    lab.commit("b", "li.wei", "c3");
    let merged = lab.pull("a", "b");
    assert_eq!(merged.code, 0, "{}{}", merged.stdout, merged.stderr);
    let me = ccvet::storage::identity::me().name;
    let file = std::fs::read_to_string(lab.path(&format!("a/reviews/acme/{me}.toml"))).unwrap();
    for text in ["first, in Beijing", "second, in Beijing", "third, in Shanghai", "approve"] {
        assert_eq!(file.matches(text).count(), 1, "{text}:\n{file}");
    }
}

#[test]
fn comments_and_hand_formatting_of_ours_survive_a_merge() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    let path = lab.path("a/vendors/acme.toml");
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "[answers.\"basic.teams\"]\n",
        "# asked twice, same answer\n[answers.\"basic.teams\"]\nvalue   =   [ \"technical\" ]   # by phone\nsource = \"call\"\n",
        1,
    );
    std::fs::write(&path, text).unwrap();
    lab.commit("a", "li.wei", "hand edit");
    assert_eq!(lab.pull("b", "a").code, 0);
    // Both sides change other answers in the same places of the file.
    lab.ccvet("a", &["answer", "acme", "basic.staff-certificates", "3"]);
    lab.commit("a", "li.wei", "a");
    lab.ccvet("b", &["answer", "acme", "basic.staff-certificates", "3"]);
    lab.ccvet("b", &["answer", "acme", "basic.social-insurance", "no"]);
    lab.ccvet("b", &["answer", "acme", "basic.teams", "--note", "two teams"]);
    lab.commit("b", "wang.fang", "b");
    let merged = lab.pull("a", "b");
    assert_eq!(merged.code, 0, "{}{}", merged.stdout, merged.stderr);
    let text = lab.vendor_text("a");
    assert!(
        text.contains(
            "# asked twice, same answer\n[answers.\"basic.teams\"]\nvalue   =   [ \"technical\" ]   # by phone\nsource = \"call\"\nnote = \"two teams\"\n"
        ),
        "{text}"
    );
    let a = answers(&lab, "a");
    assert_eq!(value(&a, "basic.social-insurance"), Some(Value::Bool(false)));
    assert_eq!(value(&a, "basic.staff-certificates"), Some(Value::Integer(3)));
}

#[test]
fn merge_file_keeps_a_crlf_file_crlf_and_never_writes_what_does_not_parse() {
    let lab = Lab::new();
    std::fs::create_dir_all(lab.path("w")).unwrap();
    lab.ccvet("w", &["init"]);
    let dir = lab.path("m");
    std::fs::create_dir_all(&dir).unwrap();
    let base = "vendor = \"Acme\"\n\n[answers.\"basic.teams\"]\n\n[answers.\"basic.staff-certificates\"]\n";
    let ours =
        base.replace("teams\"]\n", "teams\"]\nvalue = [\"technical\"]\nnote = \"a\\nb\"\n").replace('\n', "\r\n");
    let theirs = base.replace("certificates\"]\n", "certificates\"]\nvalue = 4\n");
    for (name, text) in [("base", base.to_string()), ("ours", ours), ("theirs", theirs)] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let args = |o: &str| {
        vec![
            "merge-file".to_string(),
            dir.join("base").display().to_string(),
            dir.join(o).display().to_string(),
            dir.join("theirs").display().to_string(),
            "vendors/acme.toml".to_string(),
        ]
    };
    let run = |o: &str| {
        let a = args(o);
        lab.ccvet_as("w", "li.wei", &a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let out = run("ours");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let merged = std::fs::read_to_string(dir.join("ours")).unwrap();
    assert!(!merged.replace("\r\n", "").contains('\n'), "{merged:?}");
    let v = VendorFile::parse(&dir.join("ours"), merged).unwrap();
    assert_eq!(value(&v.answers, "basic.staff-certificates"), Some(Value::Integer(4)));
    assert_eq!(note(&v.answers, "basic.teams").as_deref(), Some("a\nb"));
    // Our side does not parse: nothing is written, git sees a conflict.
    std::fs::write(dir.join("bad"), "vendor = \"Acme\"\nvalue = = 1\n").unwrap();
    let out = run("bad");
    assert_ne!(out.code, 0);
    assert!(out.stderr.contains("our version"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(dir.join("bad")).unwrap(), "vendor = \"Acme\"\nvalue = = 1\n");
}

#[test]
fn a_file_with_raw_conflict_markers_is_one_sentence_and_never_written() {
    let lab = Lab::new();
    lab.two_clones();
    // Without the driver, the same answer changed on both sides gives markers.
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical"]);
    lab.commit("a", "li.wei", "a");
    lab.ccvet("b", &["answer", "acme", "basic.teams", "support"]);
    lab.commit("b", "wang.fang", "b");
    assert_ne!(lab.pull("a", "b").code, 0);
    let text = lab.vendor_text("a");
    let line = text.lines().position(|l| l.starts_with("<<<<<<<")).unwrap() + 1;
    for args in [
        &["score", "acme"][..],
        &["answer", "acme", "basic.staff-certificates", "3"],
        &["report", "acme"],
        &["show", "vendors/acme.toml"],
    ] {
        let out = lab.ccvet_as("a", "li.wei", args);
        assert_ne!(out.code, 0, "{args:?}");
        let lines: Vec<&str> = out.stderr.lines().filter(|l| !l.contains("warning:")).collect();
        assert_eq!(lines.len(), 1, "{args:?}: one sentence:\n{}", out.stderr);
        assert!(lines[0].contains(&format!("acme.toml:{line}:1: ")), "{}", lines[0]);
        assert!(lines[0].contains("unresolved git merge conflict"), "{}", lines[0]);
    }
    let compare = lab.ccvet_as("a", "li.wei", &["compare"]);
    assert!(
        compare.stderr.contains(&format!("acme.toml:{line}:1: unresolved git merge conflict")),
        "{}",
        compare.stderr
    );
    assert_eq!(lab.vendor_text("a"), text, "never written");
}

impl Lab {
    /// Commits everything in `site` as `who` at `date`.
    fn commit_at(&self, site: &str, who: &str, date: &str, message: &str) {
        for args in [&["add", "-A"][..], &["commit", "-q", "-m", message]] {
            let mut cmd = Command::new("git");
            self.env(&mut cmd, who);
            cmd.env("GIT_AUTHOR_DATE", date).env("GIT_COMMITTER_DATE", date);
            cmd.current_dir(self.path(site)).args(args);
            let out = self.run(cmd);
            assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        }
    }
}

#[test]
fn log_lists_who_changed_which_answer_when_with_the_score_after() {
    let lab = Lab::new();
    lab.two_clones();
    lab.ccvet("origin", &["answer", "acme", "basic.teams", "technical"]);
    lab.commit_at("origin", "li.wei", "2026-11-25T09:00:00+08:00", "teams");
    lab.ccvet("origin", &["answer", "acme", "basic.teams", "technical,support", "--note", "grew"]);
    lab.ccvet("origin", &["answer", "acme", "tech.iso27001", "yes"]);
    lab.commit_at("origin", "wang.fang", "2026-11-26T09:00:00+08:00", "teams and iso");
    lab.git("origin", &["tag", "v2025"]);
    lab.ccvet("origin", &["answer", "acme", "tech.iso27001", "no"]);
    lab.commit_at("origin", "zhao.min", "2026-11-27T09:00:00+08:00", "iso lapsed");
    let json: serde_json::Value =
        serde_json::from_str(&lab.ccvet("origin", &["log", "acme", "--json"]).stdout).unwrap();
    let rows: Vec<(String, String, String)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["author"].as_str().unwrap().to_string(),
                c["question"].as_str().unwrap().to_string(),
                c["date"].as_str().unwrap()[..10].to_string(),
            )
        })
        .collect();
    let expect = |a: &str, q: &str, d: &str| (a.to_string(), q.to_string(), d.to_string());
    assert_eq!(
        rows,
        vec![
            expect("li.wei", "basic.teams", "2026-11-25"),
            expect("wang.fang", "basic.teams", "2026-11-26"),
            expect("wang.fang", "tech.iso27001", "2026-11-26"),
            expect("zhao.min", "tech.iso27001", "2026-11-27"),
        ]
    );
    let last = &json[3];
    assert_eq!(last["old"]["value"], true);
    assert_eq!(last["new"]["value"], false);
    assert_eq!(json[1]["old"]["value"], serde_json::json!(["technical"]));
    assert_eq!(json[1]["new"]["note"], "grew");
    let score_after = |i: usize| json[i]["score"].as_f64().unwrap();
    assert!(score_after(3) < score_after(2), "iso lapsed lowers the score");
    let one: serde_json::Value =
        serde_json::from_str(&lab.ccvet("origin", &["log", "acme", "--question", "tech.iso27001", "--json"]).stdout)
            .unwrap();
    assert_eq!(one.as_array().unwrap().len(), 2);
    let text = lab.ccvet("origin", &["log", "acme", "--question", "basic.teams"]).stdout;
    assert!(text.contains("wang.fang") && text.contains("Technical / engineering team →"), "{text}");
    // diff since a tag: one vendor across time
    let since: serde_json::Value =
        serde_json::from_str(&lab.ccvet("origin", &["diff", "acme", "--since", "v2025", "--json"]).stdout).unwrap();
    assert_eq!(since["changes"].as_array().unwrap().len(), 1);
    assert_eq!(since["changes"][0]["question"], "tech.iso27001");
    assert_eq!(since["changes"][0]["a"]["value"], true);
    assert_eq!(since["changes"][0]["b"]["value"], false);
    let bad = lab.ccvet_as("origin", "li.wei", &["diff", "acme", "--since", "no-such-tag"]);
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("no revision `no-such-tag`"), "{}", bad.stderr);
}

#[test]
fn log_shows_a_merge_conflict_resolution_once_and_diff_compares_two_vendors() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical"]);
    lab.commit_at("a", "li.wei", "2026-11-25T09:00:00+08:00", "a");
    lab.ccvet("b", &["answer", "acme", "basic.teams", "support"]);
    lab.ccvet("b", &["answer", "acme", "tech.iso27001", "yes"]);
    lab.commit_at("b", "wang.fang", "2026-11-25T10:00:00+08:00", "b");
    assert_ne!(lab.pull("a", "b").code, 0);
    lab.ccvet("a", &["resolve", "acme", "basic.teams", "--theirs"]);
    lab.commit_at("a", "li.wei", "2026-11-25T11:00:00+08:00", "merge");
    let json: serde_json::Value = serde_json::from_str(&lab.ccvet("a", &["log", "acme", "--json"]).stdout).unwrap();
    let keys: Vec<(&str, &str)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["author"].as_str().unwrap(), c["question"].as_str().unwrap()))
        .collect();
    // The merge took theirs whole: it adds no change of its own.
    assert_eq!(keys, [("li.wei", "basic.teams"), ("wang.fang", "basic.teams"), ("wang.fang", "tech.iso27001")]);
    lab.ccvet("a", &["new", "Beta", "--assessed-on", "2026-11-24"]);
    lab.ccvet("a", &["answer", "beta", "basic.teams", "support"]);
    lab.ccvet("a", &["answer", "beta", "tech.iso27001", "no"]);
    lab.ccvet("a", &["answer", "beta", "basic.staff-certificates", "2"]);
    let both: serde_json::Value =
        serde_json::from_str(&lab.ccvet("a", &["diff", "acme", "beta", "--json"]).stdout).unwrap();
    let differ: Vec<&str> =
        both["differences"].as_array().unwrap().iter().map(|d| d["question"].as_str().unwrap()).collect();
    assert_eq!(differ, ["basic.staff-certificates", "tech.iso27001"]);
    let text = lab.ccvet("a", &["diff", "acme", "beta"]).stdout;
    assert!(text.contains("tech.iso27001") && text.contains("  Acme: ") && text.contains("  Beta: "), "{text}");
}

#[test]
fn history_in_a_workspace_outside_git_is_one_clear_sentence() {
    let lab = Lab::new();
    std::fs::create_dir_all(lab.path("plain")).unwrap();
    lab.ccvet("plain", &["init"]);
    lab.ccvet("plain", &["new", "Acme", "--assessed-on", "2026-11-24"]);
    for args in [&["log", "acme"][..], &["diff", "acme", "--since", "HEAD"], &["git-setup"]] {
        let out = lab.ccvet_as("plain", "li.wei", args);
        assert_eq!(out.code, 1, "{args:?}");
        let lines: Vec<&str> = out.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{}", out.stderr);
        assert!(lines[0].contains("is not in a git repository"), "{}", lines[0]);
    }
}

#[test]
fn git_diff_and_log_p_read_vendor_and_review_files_through_show() {
    let lab = Lab::new();
    lab.two_clones_with_driver();
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical", "--note", "two\nlines"]);
    lab.ccvet("a", &["review", "acme", "--comment", "checked the licence"]);
    let diff = lab.git("a", &["diff"]).stdout;
    assert!(diff.contains("+  answer: Technical / engineering team"), "{diff}");
    assert!(diff.contains("+  note: two⏎lines"), "{diff}");
    lab.commit("a", "li.wei", "answers and a review");
    let log = lab.git("a", &["log", "-p", "-1"]).stdout;
    let me = ccvet::storage::identity::me().name;
    assert!(log.contains(&format!("+Reviewer: {me}")), "{log}");
    assert!(log.contains("the vendor: checked the licence"), "{log}");
    let zh = lab.ccvet("a", &["--lang", "zh", "show", "vendors/acme.toml"]).stdout;
    assert!(zh.contains("回答：") && zh.contains("备注：two⏎lines"), "{zh}");
}

#[test]
fn the_same_vendor_created_on_both_sides_merges_from_an_empty_base() {
    let lab = Lab::new();
    std::fs::create_dir_all(lab.path("origin")).unwrap();
    lab.git("origin", &["init", "-q", "-b", "main"]);
    lab.ccvet("origin", &["init"]);
    lab.commit("origin", "li.wei", "workspace");
    for site in ["a", "b"] {
        assert_eq!(lab.git_as(".", "li.wei", &["clone", "-q", "origin", site]).code, 0);
        lab.ccvet(site, &["git-setup"]);
        lab.ccvet(site, &["new", "Acme", "--assessed-on", "2026-11-24"]);
    }
    lab.ccvet("a", &["answer", "acme", "basic.teams", "technical"]);
    lab.commit("a", "li.wei", "a");
    lab.ccvet("b", &["answer", "acme", "basic.staff-certificates", "3"]);
    lab.commit("b", "wang.fang", "b");
    let merged = lab.pull("a", "b");
    assert_eq!(merged.code, 0, "{}{}", merged.stdout, merged.stderr);
    let a = answers(&lab, "a");
    assert_eq!(value(&a, "basic.teams"), Some(Value::List(vec![s("technical")])));
    assert_eq!(value(&a, "basic.staff-certificates"), Some(Value::Integer(3)));
}
