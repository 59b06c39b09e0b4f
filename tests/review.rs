//! Reviews from the command line: sign-offs that go stale when answers
//! change, comments in each reviewer's own file only, many reviewers at
//! once without a lost comment, permissions, and who holds the lock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn ccvet(ws: &Path, user: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ccvet"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env_clear()
        .env("CCVET_CONFIG", "/nonexistent")
        .env("USER", user)
        .env("HOME", ws.parent().unwrap())
        // A UTF-8 terminal (with no locale at all, ccvet prints ASCII).
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap()
}

fn ok(ws: &Path, user: &str, args: &[&str]) -> String {
    let out = ccvet(ws, user, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(ws: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(ws, "anyone", &["score", "acme", "--json"])).unwrap()
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    ok(&ws, "li.wei", &["init"]);
    ok(&ws, "li.wei", &["new", "Acme", "--assessed-on", "2026-11-24"]);
    ok(&ws, "li.wei", &["answer", "acme", "tech.iso27001", "yes"]);
    (dir, ws)
}

#[test]
fn a_signoff_goes_stale_when_the_answers_change_and_renews() {
    let (_dir, ws) = workspace();
    ok(&ws, "wang.fang", &["review", "acme", "--decision", "approve", "--comment", "looks fine"]);
    ok(&ws, "zhao.lei", &["review", "acme", "--decision", "needs-info"]);
    let signoffs = &json(&ws)["signoffs"];
    assert_eq!(signoffs.as_array().unwrap().len(), 2);
    assert_eq!(signoffs[0]["user"], "wang.fang");
    assert_eq!(signoffs[0]["decision"], "approve");
    assert_eq!(signoffs[0]["stale"], false);
    // the interviewer changes an answer: both sign-offs are stale
    ok(&ws, "li.wei", &["answer", "acme", "tech.iso27001", "no"]);
    let j = json(&ws);
    assert!(j["signoffs"].as_array().unwrap().iter().all(|s| s["stale"] == true), "{}", j["signoffs"]);
    // renewing makes it current again
    ok(&ws, "wang.fang", &["review", "acme", "--decision", "approve"]);
    let j = json(&ws);
    assert_eq!(j["signoffs"][0]["stale"], false);
    assert_eq!(j["signoffs"][1]["stale"], true);
    // compare shows them, stale marked
    let compare = ok(&ws, "anyone", &["compare"]);
    assert!(compare.contains("✓wang.fang ?zhao.lei~"), "{compare}");
}

#[test]
fn comments_go_to_the_reviewers_own_file_only() {
    let (_dir, ws) = workspace();
    ok(&ws, "wang.fang", &["review", "acme", "--comment", "ask for the ISO scope", "--question", "tech.iso27001"]);
    ok(&ws, "zhao.lei", &["review", "acme", "--comment", "overall fine 总体可以"]);
    let wang = std::fs::read_to_string(ws.join("reviews/acme/wang.fang.toml")).unwrap();
    let zhao = std::fs::read_to_string(ws.join("reviews/acme/zhao.lei.toml")).unwrap();
    assert!(wang.contains("question = \"tech.iso27001\"") && wang.contains("ask for the ISO scope"), "{wang}");
    assert!(!wang.contains("总体可以"));
    assert!(zhao.contains("总体可以") && !zhao.contains("question ="), "{zhao}");
    // refused: no decision and no text; an unknown question; a bad decision
    assert_eq!(ccvet(&ws, "x", &["review", "acme"]).status.code(), Some(2));
    assert_eq!(ccvet(&ws, "x", &["review", "acme", "--comment", "c", "--question", "no.such"]).status.code(), Some(2));
    assert_eq!(ccvet(&ws, "x", &["review", "acme", "--decision", "maybe"]).status.code(), Some(2));
    // a review file that does not parse is never overwritten
    std::fs::write(ws.join("reviews/acme/zhao.lei.toml"), "reviewer = \n").unwrap();
    let out = ccvet(&ws, "zhao.lei", &["review", "acme", "--comment", "again"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(ws.join("reviews/acme/zhao.lei.toml")).unwrap(), "reviewer = \n");
}

#[test]
fn many_reviewers_at_once_lose_nothing() {
    let (_dir, ws) = workspace();
    // four reviewers, two sessions each, eight comments per session, all
    // at once (a reviewer's two sessions share one file)
    let mut handles = Vec::new();
    for user in ["wang", "zhao", "qian", "sun"] {
        for session in 0..2 {
            let ws = ws.clone();
            handles.push(std::thread::spawn(move || {
                for n in 0..8 {
                    ok(&ws, user, &["review", "acme", "--comment", &format!("{user} s{session} c{n}")]);
                    if n == 7 {
                        ok(&ws, user, &["review", "acme", "--decision", "approve"]);
                    }
                }
            }));
        }
    }
    for h in handles {
        h.join().unwrap();
    }
    for user in ["wang", "zhao", "qian", "sun"] {
        let text = std::fs::read_to_string(ws.join(format!("reviews/acme/{user}.toml"))).unwrap();
        for session in 0..2 {
            for n in 0..8 {
                assert!(text.contains(&format!("{user} s{session} c{n}")), "{user} s{session} c{n} lost");
            }
        }
    }
    let j = json(&ws);
    assert_eq!(j["signoffs"].as_array().unwrap().len(), 4);
}

#[cfg(unix)]
#[test]
fn review_files_follow_the_workspace_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    let (_dir, ws) = workspace();
    ok(&ws, "wang", &["review", "acme", "--comment", "c"]);
    assert_eq!(mode(ws.join("reviews/acme")), 0o700);
    assert_eq!(mode(ws.join("reviews/acme/wang.toml")), 0o600);
    let dir = tempfile::tempdir().unwrap();
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    std::fs::set_permissions(&team, std::fs::Permissions::from_mode(0o2770)).unwrap();
    ok(&team, "li", &["init"]);
    ok(&team, "li", &["new", "Acme"]);
    ok(&team, "wang", &["review", "acme", "--decision", "reject"]);
    assert_eq!(mode(team.join("reviews/acme")), 0o2770);
    assert_eq!(mode(team.join("reviews/acme/wang.toml")), 0o660);
    assert_eq!(mode(team.join("reviews/acme/wang.lock")), 0o660);
}

#[test]
fn score_and_compare_say_who_holds_the_vendor() {
    use ccvet::storage::lock::{Acquired, Holder, try_acquire};
    let (_dir, ws) = workspace();
    assert!(json(&ws)["locked_by"].is_null());
    let me = Holder { user: "li.wei".into(), host: "laptop".into(), pid: 7, since: "2026-11-24T10:02:00+08:00".into() };
    let lock = try_acquire(&ws.join("vendors/acme.toml"), &me, 0o600).unwrap();
    assert!(matches!(lock, Acquired::Mine(_)));
    let j = json(&ws);
    assert_eq!(j["locked_by"]["user"], "li.wei");
    assert_eq!(j["locked_by"]["since"], "2026-11-24T10:02:00+08:00");
    let compare: serde_json::Value = serde_json::from_str(&ok(&ws, "x", &["compare", "--json"])).unwrap();
    assert_eq!(compare[0]["locked_by"]["host"], "laptop");
    drop(lock);
    assert!(json(&ws)["locked_by"].is_null());
}
