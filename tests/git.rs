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
        self.ccvet("origin", &["new", "Acme", "--assessed-on", "2026-11-24"]);
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
