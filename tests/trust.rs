//! Trust between team members, with real Unix accounts: identity is the
//! OS account, review files are their author's alone (the OS enforces it),
//! planted files are unverified, roles and separation of duties, a team
//! workspace made and checked. Each test makes its own group and accounts
//! (as root; skipped with a reason otherwise) and runs ccvet as each.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::team::{Team, modes};

fn json(team: &Team, user: &str, vendor: &str) -> serde_json::Value {
    serde_json::from_str(&team.ok(user, &["score", vendor, "--json"])).unwrap()
}

/// A team workspace of three, with a vendor `acme` that alice interviews
/// and has answered in full.
fn team_with_vendor() -> Option<Team> {
    let team = Team::new(3)?.with_workspace();
    let alice = &team.users[0];
    team.ok(alice, &["new", "Acme", "--assessed-on", "2026-11-24"]);
    Some(team)
}

fn answer_everything(team: &Team, user: &str) {
    let q = ccvet::storage::questionnaire::parse(ccvet::storage::questionnaire::EMBEDDED).unwrap().0;
    for question in q.questions().filter(|x| x.kind.is_scored()) {
        use ccvet::domain::questionnaire::Kind;
        let value = match &question.kind {
            Kind::YesNo { .. } => "yes".to_string(),
            Kind::Choice { options } | Kind::Multi { options } => options[0].id.clone(),
            Kind::Rating { max } => max.to_string(),
            Kind::Number { .. } => "100".to_string(),
            Kind::Date { .. } => "2030-01-01".to_string(),
            Kind::Text => continue,
        };
        team.ok(user, &["answer", "acme", &question.key, &value]);
    }
}

#[test]
fn a_forged_user_or_config_name_signs_as_the_real_account() {
    let Some(team) = team_with_vendor() else { return };
    let (alice, bob) = (&team.users[0], &team.users[1]);
    answer_everything(&team, alice);
    // bob pretends to be alice through the environment and his config
    let config = team.dir.path().join("bob.toml");
    std::fs::write(&config, format!("name = \"{alice}\"\ninterviewer = \"{alice}\"\n")).unwrap();
    common::team::set_mode(&config, 0o644);
    let out = team
        .ccvet(bob, &["review", "acme", "--decision", "approve"])
        .env("USER", alice)
        .env("LOGNAME", alice)
        .env("CCVET_CONFIG", &config)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains(&format!("as {alice} ({bob})")), "{said}");
    assert!(!team.ws().join(format!("reviews/acme/{alice}.toml")).exists());
    assert!(team.ws().join(format!("reviews/acme/{bob}.toml")).exists());
    let j = json(&team, alice, "acme");
    assert_eq!(j["signoffs"].as_array().unwrap().len(), 1, "{}", j["signoffs"]);
    assert_eq!(j["signoffs"][0]["user"], bob.as_str());
    assert_eq!(j["signoffs"][0]["verified"], true);
}

#[test]
fn no_one_can_rewrite_replace_or_delete_another_reviewers_file() {
    let Some(team) = team_with_vendor() else { return };
    let (alice, bob, carol) = (&team.users[0], &team.users[1], &team.users[2]);
    answer_everything(&team, alice);
    team.ok(carol, &["review", "acme", "--decision", "reject", "--comment", "no DR site"]);
    let file = format!("reviews/acme/{carol}.toml");
    let before = std::fs::read(team.ws().join(&file)).unwrap();
    for attack in [
        format!("echo 'reviewer = \"{carol}\"' > {file}"),
        format!("echo x >> {file}"),
        format!("echo 'reviewer = \"{carol}\"' > /tmp/forged-$$ && mv -f /tmp/forged-$$ {file}"),
        format!("cp reviews/acme/{carol}.toml reviews/acme/x.toml 2>/dev/null; mv -f reviews/acme/x.toml {file}"),
        format!("rm -f {file}"),
        "mv reviews/acme reviews/acme-old".to_string(),
        "rm -rf reviews/acme".to_string(),
    ] {
        let out = team.shell(bob, &attack);
        assert!(!out.status.success(), "`{attack}` as bob succeeded");
        assert_eq!(std::fs::read(team.ws().join(&file)).unwrap(), before, "`{attack}` changed carol's file");
    }
    let j = json(&team, bob, "acme");
    assert_eq!(j["signoffs"][0]["user"], carol.as_str());
    assert_eq!(j["signoffs"][0]["decision"], "reject");
    assert_eq!(j["signoffs"][0]["verified"], true);
}

#[test]
fn a_planted_review_file_is_unverified_never_counted_and_blocks_no_one_silently() {
    let Some(team) = team_with_vendor() else { return };
    let (alice, bob, carol) = (&team.users[0], &team.users[1], &team.users[2]);
    answer_everything(&team, alice);
    team.ok(bob, &["review", "acme", "--comment", "first look"]);
    // bob plants an approval under carol's name before she ever reviews
    let digest = ccvet::storage::review::digest(&std::fs::read_to_string(team.ws().join("vendors/acme.toml")).unwrap());
    let planted = format!(
        "reviewer = \"{carol}\"\n[signoff]\ndecision = \"approve\"\nat = \"2026-11-24T10:00:00+08:00\"\ndigest = \"{digest}\"\n"
    );
    let out = team.shell(bob, &format!("printf '%s' '{planted}' > reviews/acme/{carol}.toml"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let j = json(&team, alice, "acme");
    let signoffs = j["signoffs"].as_array().unwrap();
    assert_eq!(signoffs.len(), 1, "{signoffs:?}");
    assert_eq!(signoffs[0]["user"], carol.as_str());
    assert_eq!(signoffs[0]["verified"], false);
    let compare = team.ok(alice, &["compare"]);
    assert!(compare.contains(&format!("⚠{carol}")) && !compare.contains(&format!("✓{carol}")), "{compare}");
    for format in ["md", "html"] {
        let report = team.ok(alice, &["report", "acme", "--format", format]);
        assert!(report.contains("⚠ unverified"), "{format}: {report}");
    }
    let listed = team.ok(alice, &["review", "acme"]);
    assert!(listed.contains("UNVERIFIED") && listed.contains(&format!("owned by account `{bob}`")), "{listed}");
    // carol's own sign-off is refused with who to ask, not written into bob's file
    let out = team.run(carol, &["review", "acme", "--decision", "reject"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&format!("belongs to account `{bob}`")), "{err}");
    // doctor names it; --fix leaves it for a person
    let doctor = team.run(alice, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert!(said.contains(&format!("carries `{carol}`'s name but belongs to account `{bob}`")), "{said}");
}

#[test]
fn the_interviewer_cannot_sign_off_their_own_vendor_unless_the_workspace_allows_it() {
    let Some(team) = team_with_vendor() else { return };
    let (alice, bob) = (&team.users[0], &team.users[1]);
    answer_everything(&team, alice);
    let out = team.run(alice, &["review", "acme", "--decision", "approve"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the interviewer cannot sign off their own vendor"), "{err}");
    assert!(!team.ws().join(format!("reviews/acme/{alice}.toml")).exists());
    // a comment is no sign-off: allowed
    team.ok(alice, &["review", "acme", "--comment", "answers checked against the documents"]);
    std::fs::write(team.ws().join("ccvet.toml"), "[policy]\nself_signoff = true\n").unwrap();
    team.ok(alice, &["review", "acme", "--decision", "approve"]);
    team.ok(bob, &["review", "acme", "--decision", "approve"]);
    assert_eq!(json(&team, bob, "acme")["signoffs"].as_array().unwrap().len(), 2);
}

#[test]
fn deciding_on_an_incomplete_vendor_or_approving_a_red_line_needs_force() {
    let Some(team) = team_with_vendor() else { return };
    let (alice, bob) = (&team.users[0], &team.users[1]);
    team.ok(alice, &["answer", "acme", "basic.licence-scope", "none"]);
    for decision in ["approve", "reject", "needs-info"] {
        let out = team.run(bob, &["review", "acme", "--decision", decision]);
        assert_eq!(out.status.code(), Some(1), "{decision}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("only 1 of 37 scored questions are answered") && err.contains("--force"), "{err}");
    }
    let err = String::from_utf8_lossy(&team.run(bob, &["review", "acme", "--decision", "approve"]).stderr).to_string();
    assert!(err.contains("DISQUALIFIED"), "{err}");
    assert!(
        !String::from_utf8_lossy(&team.run(bob, &["review", "acme", "--decision", "reject"]).stderr)
            .contains("DISQUALIFIED")
    );
    team.ok(bob, &["review", "acme", "--decision", "reject", "--force"]);
    assert_eq!(json(&team, alice, "acme")["signoffs"][0]["decision"], "reject");
}

#[test]
fn init_group_makes_a_team_workspace_whatever_the_umask() {
    let Some(team) = Team::new(2) else { return };
    let alice = &team.users[0];
    // alice makes it, with a umask that would keep everything private
    std::fs::create_dir(team.ws()).unwrap();
    std::os::unix::fs::chown(team.ws(), Some(ccvet::storage::identity::uid_of(alice).unwrap()), None).unwrap();
    let out = team.shell(alice, &format!("umask 077; {} init --group {} .", team.bin.display(), team.group));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    team.ok(alice, &["new", "Acme"]);
    let bob = &team.users[1];
    team.ok(bob, &["review", "acme", "--comment", "looks fine"]);
    let g = &team.group;
    let expected = format!(
        "2770 {alice} {g} ws\n660 {alice} {g} ws/.gitattributes\n660 {alice} {g} ws/.gitignore\n\
         660 {alice} {g} ws/questionnaire.toml\n3770 {alice} {g} ws/reviews\n\
         3770 {bob} {g} ws/reviews/acme\n640 {bob} {g} ws/reviews/acme/{bob}.lock\n640 {bob} {g} ws/reviews/acme/{bob}.toml\n\
         2770 {alice} {g} ws/vendors\n660 {alice} {g} ws/vendors/.create.lock\n660 {alice} {g} ws/vendors/acme.toml"
    );
    assert_eq!(modes(&team), expected);
    let doctor = team.run(bob, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", String::from_utf8_lossy(&doctor.stdout));
}

#[test]
fn a_workspace_grouped_after_init_is_repaired_by_init_or_doctor_fix() {
    let Some(team) = Team::new(2) else { return };
    let (alice, bob) = (&team.users[0], &team.users[1]);
    std::fs::create_dir(team.ws()).unwrap();
    std::os::unix::fs::chown(team.ws(), Some(ccvet::storage::identity::uid_of(alice).unwrap()), None).unwrap();
    common::team::set_mode(&team.ws(), 0o700);
    // the README's old steps, in that order
    let steps = format!("umask 022; {} init . && chgrp {} . && chmod 2770 .", team.bin.display(), team.group);
    let out = team.shell(alice, &steps);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doctor = team.run(alice, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    let said = String::from_utf8_lossy(&doctor.stdout).to_string();
    for line in [
        format!("vendors belongs to group `{alice}`, not the team's `{}`", team.group),
        "reviews has mode 1700 where the workspace needs 3770".to_string(),
        "vendors has mode 0700 where the workspace needs 2770".to_string(),
        "questionnaire.toml has mode 0600 where the workspace needs 0660".to_string(),
    ] {
        assert!(said.contains(&line), "missing `{line}` in:\n{said}");
    }
    // bob cannot repair alice's folders: doctor --fix says who can
    let fix = team.run(bob, &["doctor", "--fix"]);
    assert_eq!(fix.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&fix.stdout).contains(&format!("only its owner `{alice}` or root")));
    // running init again as alice repairs it
    let again = team.ok(alice, &["init"]);
    assert!(again.contains("✓ fixed: vendors"), "{again}");
    let doctor = team.run(bob, &["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", String::from_utf8_lossy(&doctor.stdout));
    // and doctor --fix repairs what its owner may
    team.shell(alice, "chmod 0604 questionnaire.toml");
    let fix = team.ok(alice, &["doctor", "--fix"]);
    assert!(fix.contains("✓ fixed: questionnaire.toml is open to every account"), "{fix}");
    assert_eq!(team.run(alice, &["doctor"]).status.code(), Some(0));
}

#[test]
fn doctor_names_a_git_clone_without_ccvets_drivers_until_git_setup() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_ccvet"))
            .arg("--workspace")
            .arg(&ws)
            .args(args)
            .env_clear()
            .env("CCVET_CONFIG", "/nonexistent")
            .env("HOME", dir.path())
            .env("LANG", "C.UTF-8")
            .env("PATH", "/usr/local/bin:/usr/bin:/bin")
            .output()
            .unwrap()
    };
    assert!(run(&["init"]).status.success());
    assert_eq!(run(&["doctor"]).status.code(), Some(0));
    let git =
        std::process::Command::new("git").arg("-C").arg(&ws).args(["init", "-q"]).env("HOME", dir.path()).status();
    if !git.is_ok_and(|s| s.success()) {
        eprintln!("skipped: git is not installed");
        return;
    }
    let doctor = run(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(1));
    let said = String::from_utf8_lossy(&doctor.stdout);
    assert!(said.contains("git-setup"), "{said}");
    assert!(run(&["git-setup"]).status.success());
    let doctor = run(&["doctor"]);
    assert_eq!(doctor.status.code(), Some(0), "{}", String::from_utf8_lossy(&doctor.stdout));
}
