//! Reviews from the command line, as real accounts: sign-offs that go
//! stale when answers change, comments in each reviewer's own file only,
//! many reviewers at once without a lost comment, permissions, and who
//! holds the lock. (Skipped, saying why, where accounts cannot be made.)
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::PathBuf;

use common::team::Team;

fn json(team: &Team) -> serde_json::Value {
    serde_json::from_str(&team.ok(&team.users[0], &["score", "acme", "--json"])).unwrap()
}

/// A team workspace where the first account interviews `acme` and has
/// answered one question; the others review.
fn workspace(accounts: usize) -> Option<Team> {
    let team = Team::new(accounts)?;
    let team = team.with_workspace();
    let li = &team.users[0];
    team.ok(li, &["new", "Acme", "--assessed-on", "2026-11-24"]);
    team.ok(li, &["answer", "acme", "tech.iso27001", "yes"]);
    Some(team)
}

#[test]
fn a_signoff_goes_stale_when_the_answers_change_and_renews() {
    let Some(team) = workspace(3) else { return };
    let (li, wang, zhao) = (&team.users[0], &team.users[1], &team.users[2]);
    team.ok(wang, &["review", "acme", "--decision", "approve", "--comment", "looks fine", "--force"]);
    team.ok(zhao, &["review", "acme", "--decision", "needs-info", "--force"]);
    let signoffs = &json(&team)["signoffs"];
    assert_eq!(signoffs.as_array().unwrap().len(), 2);
    let first = signoffs.as_array().unwrap().iter().find(|s| s["user"] == wang.as_str()).unwrap();
    assert_eq!(first["decision"], "approve");
    assert_eq!(first["stale"], false);
    assert_eq!(first["comment"], "looks fine");
    // the interviewer changes an answer: both sign-offs are stale
    team.ok(li, &["answer", "acme", "tech.iso27001", "no"]);
    let j = json(&team);
    assert!(j["signoffs"].as_array().unwrap().iter().all(|s| s["stale"] == true), "{}", j["signoffs"]);
    // renewing makes it current again
    team.ok(wang, &["review", "acme", "--decision", "approve", "--force"]);
    let j = json(&team);
    for s in j["signoffs"].as_array().unwrap() {
        assert_eq!(s["stale"], s["user"] != wang.as_str(), "{s}");
        assert_eq!(s["verified"], true);
    }
    // compare shows them, stale marked
    let compare = team.ok(li, &["compare"]);
    assert!(compare.contains(&format!("✓{wang}")) && compare.contains(&format!("?{zhao}~")), "{compare}");
}

#[test]
fn comments_go_to_the_reviewers_own_file_only() {
    let Some(team) = workspace(3) else { return };
    let (wang, zhao) = (&team.users[1], &team.users[2]);
    team.ok(wang, &["review", "acme", "--comment", "ask for the ISO scope", "--question", "tech.iso27001"]);
    team.ok(zhao, &["review", "acme", "--comment", "overall fine 总体可以"]);
    let read = |user: &str| std::fs::read_to_string(team.ws().join(format!("reviews/acme/{user}.toml"))).unwrap();
    let (w, z) = (read(wang), read(zhao));
    assert!(w.contains("question = \"tech.iso27001\"") && w.contains("ask for the ISO scope"), "{w}");
    assert!(!w.contains("总体可以"));
    assert!(z.contains("总体可以") && !z.contains("question ="), "{z}");
    // `review acme` alone lists every comment
    let listed = team.ok(wang, &["review", "acme"]);
    assert!(listed.contains("ask for the ISO scope") && listed.contains("总体可以"), "{listed}");
    // refused: empty text; an unknown question; a bad decision
    assert_eq!(team.run(wang, &["review", "acme", "--comment", " "]).status.code(), Some(2));
    assert_eq!(team.run(wang, &["review", "acme", "--comment", "c", "--question", "no.such"]).status.code(), Some(2));
    assert_eq!(team.run(wang, &["review", "acme", "--decision", "maybe"]).status.code(), Some(2));
    // a review file that does not parse is never overwritten
    let broken = team.shell(zhao, &format!("printf 'reviewer = \\n' > reviews/acme/{zhao}.toml"));
    assert!(broken.status.success());
    let out = team.run(zhao, &["review", "acme", "--comment", "again"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(read(zhao), "reviewer = \n");
}

#[test]
fn many_reviewers_at_once_lose_nothing() {
    let Some(team) = workspace(5) else { return };
    let team = std::sync::Arc::new(team);
    // four reviewers, two sessions each, eight comments per session, all
    // at once (a reviewer's two sessions share one file)
    let mut handles = Vec::new();
    for user in &team.users[1..] {
        for session in 0..2 {
            let (team, user) = (team.clone(), user.clone());
            handles.push(std::thread::spawn(move || {
                for n in 0..8 {
                    team.ok(&user, &["review", "acme", "--comment", &format!("{user} s{session} c{n}")]);
                    if n == 7 {
                        team.ok(&user, &["review", "acme", "--decision", "approve", "--force"]);
                    }
                }
            }));
        }
    }
    for h in handles {
        h.join().unwrap();
    }
    for user in &team.users[1..] {
        let text = std::fs::read_to_string(team.ws().join(format!("reviews/acme/{user}.toml"))).unwrap();
        for session in 0..2 {
            for n in 0..8 {
                assert!(text.contains(&format!("{user} s{session} c{n}")), "{user} s{session} c{n} lost");
            }
        }
    }
    assert_eq!(json(&team)["signoffs"].as_array().unwrap().len(), 4);
}

#[test]
fn review_files_are_their_authors_alone_and_never_open_to_others() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: PathBuf| std::fs::metadata(p).unwrap().permissions().mode() & 0o7777;
    // a private workspace: owner only, sticky review folders
    let dir = tempfile::tempdir().unwrap();
    let private = dir.path().join("private");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ccvet"))
            .arg("--workspace")
            .arg(&private)
            .args(args)
            .env("CCVET_CONFIG", "/nonexistent")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    run(&["init"]);
    run(&["new", "Acme"]);
    run(&["review", "acme", "--comment", "c"]);
    let me = ccvet::storage::identity::me().name;
    assert_eq!(mode(private.join("reviews")), 0o1700);
    assert_eq!(mode(private.join("reviews/acme")), 0o1700);
    assert_eq!(mode(private.join(format!("reviews/acme/{me}.toml"))), 0o600);
    // a team workspace: group-readable, writable by the author alone
    let Some(team) = workspace(2) else { return };
    let wang = &team.users[1];
    team.ok(wang, &["review", "acme", "--decision", "reject", "--force"]);
    assert_eq!(mode(team.ws().join("reviews/acme")), 0o3770);
    assert_eq!(mode(team.ws().join(format!("reviews/acme/{wang}.toml"))), 0o640);
    assert_eq!(mode(team.ws().join(format!("reviews/acme/{wang}.lock"))), 0o640);
}

#[test]
fn score_and_compare_say_who_holds_the_vendor() {
    use ccvet::storage::lock::{Acquired, Holder, try_acquire};
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let ccvet = |args: &[&str]| -> serde_json::Value {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ccvet"))
            .arg("--workspace")
            .arg(&ws)
            .args(args)
            .env("CCVET_CONFIG", "/nonexistent")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice(&out.stdout).unwrap_or(serde_json::Value::Null)
    };
    ccvet(&["new", "Acme"]);
    assert!(ccvet(&["score", "acme", "--json"])["locked_by"].is_null());
    let me = Holder { user: "li.wei".into(), host: "laptop".into(), pid: 7, since: "2026-11-24T10:02:00+08:00".into() };
    let lock = try_acquire(&ws.join("vendors/acme.toml"), &me, 0o600).unwrap();
    assert!(matches!(lock, Acquired::Mine(_)));
    let j = ccvet(&["score", "acme", "--json"]);
    assert_eq!(j["locked_by"]["user"], "li.wei");
    assert_eq!(j["locked_by"]["since"], "2026-11-24T10:02:00+08:00");
    assert_eq!(ccvet(&["compare", "--json"])[0]["locked_by"]["host"], "laptop");
    drop(lock);
    assert!(ccvet(&["score", "acme", "--json"])["locked_by"].is_null());
}
