//! Vendor housekeeping from the command line: `rename`, `archive`,
//! `archive --restore`, `list --archived`; every refusal; reviews of other
//! accounts following a rename (real Unix accounts, as root); and
//! `validate` on a vendor file.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::storage::lock::{Acquired, Holder, try_acquire};

use common::sandbox::Sandbox;

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox::with_env(&[("CCVET_TODAY", "2026-11-24")])
    }

    /// Runs, asserts success, and gives stdout.
    fn out(&self, args: &[&str]) -> String {
        self.ok(args).stdout
    }

    fn refused(&self, args: &[&str], code: i32, says: &str) {
        self.fails(args, code, says);
    }
}

fn listed(tree: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![tree.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
            let p = e.path();
            let name = p.strip_prefix(tree).unwrap().display().to_string();
            if p.is_dir() {
                stack.push(p);
            } else if !name.ends_with(".lock") {
                out.push(name);
            }
        }
    }
    out.sort();
    out
}

/// A vendor with an answer, an evidence file, a comment and an earlier cycle.
fn furnished() -> Sandbox {
    let s = Sandbox::new();
    s.out(&["new", "Acme Call", "--assessed-on", "2026-01-10"]);
    s.out(&["answer", "acme-call", "basic.licence-scope", "nationwide", "--note", "B2-123"]);
    let scan = s.dir.path().join("licence.pdf");
    std::fs::write(&scan, b"scan").unwrap();
    s.out(&["evidence", "add", "acme-call", "basic.licence-scope", scan.to_str().unwrap()]);
    s.out(&["review", "acme-call", "--comment", "looks fine"]);
    s.out(&["reassess", "acme-call", "--on", "2026-11-24"]);
    s
}

#[test]
fn a_rename_moves_file_evidence_history_and_reviews_and_changes_only_what_it_must() {
    let s = furnished();
    let before = s.read("vendors/acme-call.toml");
    let out = s.out(&["rename", "acme-call", "云联科技 Yunlian"]);
    assert!(out.starts_with("renamed Acme Call [acme-call] to 云联科技 Yunlian [yun-lian-ke-ji-yunlian]"), "{out}");
    let slug = "yun-lian-ke-ji-yunlian";
    assert_eq!(
        listed(&s.ws()).into_iter().filter(|p| !p.starts_with('.') && p != "questionnaire.toml").collect::<Vec<_>>(),
        vec![
            format!("evidence/{slug}/licence.pdf"),
            format!("reviews/{slug}/{}.toml", ccvet::storage::review::encode_user(&me())),
            format!("vendors/history/{slug}/2026-01-10.toml"),
            format!("vendors/{slug}.toml"),
        ]
    );
    let after = s.read(&format!("vendors/{slug}.toml"));
    // The same file but for the name, the evidence path and renamed_from.
    let expected = before
        .replace("vendor = \"Acme Call\"", "vendor = \"云联科技 Yunlian\"")
        .replace("evidence/acme-call/", &format!("evidence/{slug}/"))
        .replacen("\n\n[answers.", "\nrenamed_from = [\"acme-call\"]\n\n[answers.", 1);
    assert_eq!(after, expected);
    // Everything reads under the new slug and name; the old slug is gone.
    let score: serde_json::Value = serde_json::from_str(&s.out(&["score", slug, "--json"])).unwrap();
    assert_eq!(score["vendor"], "云联科技 Yunlian");
    assert!(s.out(&["review", slug]).contains("looks fine"));
    s.out(&["evidence", "check", slug]);
    s.out(&["diff", slug, "--cycle", "2026-01-10"]);
    s.refused(
        &["score", "acme-call"],
        2,
        "`acme-call` was renamed: it is now `云联科技 Yunlian`, slug `yun-lian-ke-ji-yunlian`",
    );
    // The old slug stays reserved: a new "Acme Call" does not inherit anything.
    assert!(s.out(&["new", "Acme Call"]).contains("[acme-call-2]"));
}

fn me() -> String {
    ccvet::storage::identity::me().name
}

#[test]
fn a_rename_to_a_name_with_the_same_slug_changes_one_line_of_the_same_file() {
    let s = Sandbox::new();
    s.out(&["new", "Acme Call"]);
    let before = s.read("vendors/acme-call.toml");
    assert!(s.out(&["rename", "Acme Call", "ACME call"]).contains("[acme-call]"));
    assert_eq!(s.read("vendors/acme-call.toml"), before.replace("\"Acme Call\"", "\"ACME call\""));
    // The same name again: nothing to do, not an error.
    assert!(s.out(&["rename", "acme-call", "ACME call"]).contains("nothing changed"));
}

#[test]
fn a_rename_is_refused_with_a_sentence_and_changes_nothing() {
    let s = Sandbox::new();
    s.out(&["new", "Acme Call"]);
    s.out(&["new", "Beta, Call"]);
    let tree = listed(&s.ws());
    // another vendor's name
    s.refused(&["rename", "acme-call", "Beta, Call"], 1, "a vendor with that name exists already (beta-call)");
    // another vendor's file name
    s.refused(&["rename", "acme-call", "beta call"], 1, "vendors/beta-call.toml is taken by vendor `Beta, Call`");
    // a folder left by a removed vendor
    std::fs::create_dir_all(s.path("reviews/gamma")).unwrap();
    s.refused(&["rename", "acme-call", "Gamma"], 1, "still used by");
    // no visible name
    s.refused(&["rename", "acme-call", " \u{3164} "], 1, "a vendor needs a name with visible characters");
    // an unknown vendor
    s.refused(&["rename", "nobody", "X"], 2, "no vendor with slug or name `nobody`");
    // in Chinese
    s.refused(&["--lang", "zh", "rename", "acme-call", "Beta, Call"], 1, "已有同名服务商");
    std::fs::remove_dir(s.path("reviews/gamma")).unwrap();
    assert_eq!(listed(&s.ws()), tree);
}

#[test]
fn a_vendor_someone_holds_is_neither_renamed_nor_archived() {
    let s = Sandbox::new();
    s.out(&["new", "Acme Call"]);
    let holder = Holder { user: "zhang.san".into(), host: "box".into(), pid: 1, since: "2026-11-24T10:00:00Z".into() };
    let Acquired::Mine(lock) = try_acquire(&s.path("vendors/acme-call.toml"), &holder, 0o600).unwrap() else {
        panic!("lock")
    };
    s.refused(&["rename", "acme-call", "Other"], 1, "zhang.san is writing this vendor; try again when they leave it");
    s.refused(&["archive", "acme-call"], 1, "zhang.san is writing this vendor");
    s.refused(&["--lang", "zh", "archive", "acme-call"], 1, "zhang.san 正在写入该服务商");
    assert!(s.path("vendors/acme-call.toml").exists());
    drop(lock);
    s.out(&["rename", "acme-call", "Other"]);
}

#[test]
fn archive_takes_a_vendor_out_of_everything_and_restore_brings_it_back() {
    let s = furnished();
    s.out(&["new", "Beta"]);
    let out = s.out(&["archive", "Acme Call"]);
    assert!(out.contains("archived Acme Call [acme-call]: vendors/archive/acme-call.toml"), "{out}");
    for args in [&["list"][..], &["compare"], &["compare", "--json"], &["due", "--within", "36500"]] {
        let out = s.out(args);
        assert!(!out.contains("Acme"), "{args:?}: {out}");
    }
    assert!(s.out(&["report", "--compare"]).contains("Beta"));
    assert!(!s.out(&["report", "--compare"]).contains("Acme"));
    s.refused(
        &["score", "acme-call"],
        2,
        "`acme-call` is archived; `ccvet archive --restore acme-call` brings it back",
    );
    let archived = s.out(&["list", "--archived"]);
    assert!(archived.contains("Acme Call [acme-call]") && !archived.contains("Beta"), "{archived}");
    // Reviews, evidence and history stay; the slug stays reserved.
    assert!(s.path("reviews/acme-call").is_dir() && s.path("evidence/acme-call/licence.pdf").is_file());
    assert!(s.out(&["new", "Acme Call"]).contains("[acme-call-2]"));
    // Restoring: refused while a live vendor has the same name.
    s.refused(&["archive", "--restore", "acme-call"], 1, "a vendor with that name exists already (acme-call-2)");
    s.out(&["rename", "acme-call-2", "Acme Two"]);
    let out = s.out(&["archive", "--restore", "Acme Call"]);
    assert!(out.contains("restored Acme Call [acme-call]"), "{out}");
    assert!(s.out(&["review", "acme-call"]).contains("looks fine"));
    assert!(s.out(&["list"]).contains("Acme Call"));
    assert!(s.out(&["list", "--archived"]).contains("none"));
    s.refused(&["archive", "--restore", "acme-call"], 2, "no archived vendor with slug or name `acme-call`");
}

/// Another account's reviews follow a rename: bob's review folder is his
/// (first reviewer, sticky `reviews/`), so alice cannot move it; the reviews
/// are found through `renamed_from`, bob keeps writing into his own file,
/// and a new reviewer writes under the new slug.
#[cfg(unix)]
#[test]
fn other_accounts_reviews_follow_a_rename_they_cannot_be_moved_with() {
    let Some(team) = common::team::Team::new(3).map(common::team::Team::with_workspace) else { return };
    let (alice, bob, carol) = (&team.users[0], &team.users[1], &team.users[2]);
    team.ok(alice, &["new", "Acme", "--assessed-on", "2026-11-24"]);
    team.ok(bob, &["review", "acme", "--decision", "needs-info", "--comment", "DR site?", "--force"]);
    // bob's evidence folder (a group-writable folder) moves with the vendor
    let scan = team.dir.path().join("scan.pdf");
    std::fs::write(&scan, b"scan").unwrap();
    common::team::set_mode(&scan, 0o644);
    team.ok(bob, &["evidence", "add", "acme", "basic.licence-scope", scan.to_str().unwrap()]);
    let out = team.ok(alice, &["rename", "acme", "Acme Global"]);
    assert!(out.contains("stays: reviews/acme (permission denied)"), "{out}");
    assert!(out.contains("moved: evidence/acme-global"), "{out}");
    team.ok(carol, &["evidence", "check", "acme-global"]);
    assert!(team.ws().join(format!("reviews/acme/{bob}.toml")).is_file());
    let score: serde_json::Value = serde_json::from_str(&team.ok(carol, &["score", "acme-global", "--json"])).unwrap();
    assert_eq!(score["signoffs"][0]["user"], bob.as_str());
    assert_eq!(score["signoffs"][0]["verified"], true);
    // bob comments again: into his own file, where it is
    team.ok(bob, &["review", "acme-global", "--comment", "still waiting"]);
    assert!(!team.ws().join(format!("reviews/acme-global/{bob}.toml")).exists());
    let bobs = std::fs::read_to_string(team.ws().join(format!("reviews/acme/{bob}.toml"))).unwrap();
    assert!(bobs.contains("still waiting") && bobs.contains("DR site?"), "{bobs}");
    // carol, a new reviewer, writes under the new slug
    team.ok(carol, &["review", "acme-global", "--comment", "fine by me"]);
    assert!(team.ws().join(format!("reviews/acme-global/{carol}.toml")).is_file());
    let all = team.ok(alice, &["review", "acme-global"]);
    for said in ["DR site?", "still waiting", "fine by me"] {
        assert!(all.contains(said), "{said}: {all}");
    }
    // Renamed again (by bob this time): carol's folder stays too, and
    // both earlier slugs are followed.
    let out = team.ok(bob, &["rename", "acme-global", "Acme Worldwide"]);
    assert!(out.contains("stays: reviews/acme-global (permission denied)"), "{out}");
    let all = team.ok(carol, &["review", "acme-worldwide"]);
    for said in ["DR site?", "still waiting", "fine by me"] {
        assert!(all.contains(said), "{said}: {all}");
    }
    // Not writable: a vendors folder the account may not write.
    common::team::set_mode(&team.ws().join("vendors"), 0o2750);
    let out = team.run(carol, &["rename", "acme-worldwide", "Acme Three"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("you may not create or remove files in") && err.contains("ws/vendors;"), "{err}");
    let out = team.run(carol, &["--lang", "zh", "archive", "acme-worldwide"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("您无权在"), "{out:?}");
    assert!(team.ws().join("vendors/acme-worldwide.toml").is_file());
}

const BAD_VENDOR: &str = r#"vendor = "Bad"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "worldwide"

[answers."basic.licence-expiry"]
value = "2028-13-01"
followup = { ask = "x", due = "soon", status = "requested" }

[answers."basic.licence-scop"]
value = "nationwide"

[answers."tech.iso27001"]
value = 3
evidence = [{ file = "x.pdf" }]

[answers."service.multi-site"]
na = true
"#;

#[test]
fn validate_recognises_a_vendor_file_and_checks_it_against_the_questionnaire() {
    let s = Sandbox::new();
    s.out(&["new", "Acme Call"]);
    s.out(&["answer", "acme-call", "basic.licence-scope", "nationwide"]);
    let good = s.path("vendors/acme-call.toml");
    let out = s.out(&["validate", good.to_str().unwrap()]);
    assert!(
        out.ends_with("acme-call.toml: ok: vendor `Acme Call`, 1 answer checked against `cloud-call-center` v1\n"),
        "{out}"
    );
    assert!(s.out(&["--lang", "zh", "validate", good.to_str().unwrap()]).contains("通过：服务商“Acme Call”"));
    // The same file outside vendors/ is still recognised by its content.
    let copy = s.dir.path().join("copy.toml");
    std::fs::copy(&good, &copy).unwrap();
    assert!(s.out(&["validate", copy.to_str().unwrap()]).contains("ok: vendor `Acme Call`"));
    // A questionnaire is still checked as one.
    assert!(s.out(&["validate", s.path("questionnaire.toml").to_str().unwrap()]).contains("ok: `cloud-call-center`"));
    // Every problem, in file order, with path:line:col; exit 1.
    let bad = s.path("vendors/bad.toml");
    std::fs::write(&bad, BAD_VENDOR).unwrap();
    let r = s.run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let root = s.dir.path().display().to_string();
    insta::assert_snapshot!("validate_bad_vendor", r.stderr.replace(&root, "[TMP]"));
    let zh = s.run(&["--lang", "zh", "validate", bad.to_str().unwrap()]);
    assert!(
        zh.stderr.contains("不是问卷 `cloud-call-center` 中的问题")
            && zh.stderr.contains("发现 6 处错误")
            && zh.stderr.contains("文件内容有误："),
        "{}",
        zh.stderr
    );
    // A vendor file that does not parse: its syntax error, exit 1.
    std::fs::write(&bad, "vendor = \"x\"\n[answers\n").unwrap();
    let r = s.run(&["validate", bad.to_str().unwrap()]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("bad.toml:2:9: TOML syntax error") && r.stderr.ends_with("1 error found\n"),
        "{}",
        r.stderr
    );
}

// ---------------------------------------------------------------- storage

fn review_file(dir: &Path, user: &str, comment: &str) {
    std::fs::create_dir_all(dir).unwrap();
    let text = format!("reviewer = \"{user}\"\n[[comments]]\nat = \"2026-11-24T10:00:00Z\"\ntext = \"{comment}\"\n");
    std::fs::write(dir.join(format!("{}.toml", ccvet::storage::review::encode_user(user))), text).unwrap();
}

#[test]
fn reviews_are_read_from_the_slug_and_every_earlier_slug_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path();
    let vendor = ws.join("vendors/acme-global.toml");
    let aliases = ["acme".to_string(), "acme-intl".to_string(), "../etc".to_string()];
    review_file(&ws.join("reviews/acme"), "bob", "oldest");
    review_file(&ws.join("reviews/acme"), "carol", "carol's");
    review_file(&ws.join("reviews/acme-intl"), "bob", "newer");
    review_file(&ws.join("reviews/acme-global"), "dan", "current");
    review_file(&ws.join("etc"), "eve", "never read: not a safe slug");
    let all = ccvet::storage::review::load_all(&vendor, &aliases);
    let mut seen: Vec<(String, String)> =
        all.into_iter().map(Result::unwrap).map(|r| (r.user.clone(), r.file.comments[0].text.clone())).collect();
    seen.sort();
    assert_eq!(
        seen,
        [("bob", "newer"), ("carol", "carol's"), ("dan", "current")].map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // A reviewer keeps writing where their file is; a new one writes under the slug.
    let own = |user| ccvet::storage::review::own_path(&vendor, &aliases, user);
    assert_eq!(own("bob"), ws.join("reviews/acme-intl/bob.toml"));
    assert_eq!(own("carol"), ws.join("reviews/acme/carol.toml"));
    assert_eq!(own("fay"), ws.join("reviews/acme-global/fay.toml"));
    // An archived vendor finds the same folder as the live one.
    let archived = ws.join("vendors/archive/acme-global.toml");
    assert_eq!(ccvet::storage::review::dir_for(&archived), ws.join("reviews/acme-global"));
}

#[test]
fn renamed_from_holds_only_safe_slugs() {
    let text = "vendor = \"A\"\nrenamed_from = [\"acme\", \"../x\", 3]\n";
    let v = ccvet::storage::vendor::VendorFile::parse(Path::new("/ws/vendors/a.toml"), text.to_string()).unwrap();
    assert_eq!(v.meta.renamed_from, ["acme"]);
    assert_eq!(v.warnings.len(), 2, "{:?}", v.warnings);
    assert!(v.warnings[0].to_string().contains("a.toml:2:25: warning: `renamed_from` lists"), "{}", v.warnings[0]);
}
