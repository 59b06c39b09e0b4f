//! Vendor files on disk: round trips, hand formatting that survives saves,
//! no lost update, never writing over a file that does not parse,
//! permissions, disk faults and SIGKILL in the middle of saving.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::io;
use std::path::{Path, PathBuf};

use ccvet::domain::answers::{Edit, Value};
use ccvet::domain::date::Date;
use ccvet::domain::questionnaire::Questionnaire;
use ccvet::storage::Error;
use ccvet::storage::atomic::{FileSystem, RealFs};
use ccvet::storage::vendor::{Meta, VendorFile};
use ccvet::storage::workspace::Workspace;
use common::default_questionnaire;

fn meta(name: &str) -> Meta {
    Meta {
        vendor: name.to_string(),
        questionnaire: Some("cloud-call-center".into()),
        questionnaire_version: Some(1),
        assessed_on: Date::parse("2026-11-24"),
        interviewer: Some("li.wei".into()),
        renamed_from: Vec::new(),
    }
}

fn new_vendor(dir: &Path, name: &str) -> (Workspace, VendorFile) {
    let mut ws = Workspace::at(&dir.join("ws"));
    let v = ws.create_vendor(&meta(name), &RealFs).unwrap();
    (ws, v)
}

fn set(v: &mut VendorFile, q: &Questionnaire, key: &str, edit: Edit) {
    v.save(q, key, &[edit], &RealFs, 0o600).unwrap();
}

fn s(x: &str) -> Value {
    Value::Str(x.into())
}

#[test]
fn round_trip_of_every_kind_in_questionnaire_order() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut v) = new_vendor(dir.path(), "云联科技 Yunlian Tech");
    // answered out of questionnaire order on purpose
    set(&mut v, &q, "fit.industries", Edit::Value(Value::List(vec![s("finance"), s("ecommerce")])));
    set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    set(&mut v, &q, "basic.licence-scope", Edit::Value(s("nationwide")));
    set(&mut v, &q, "basic.licence-scope", Edit::Note(Some("证书编号 B2-…\n有效期至 2028-05".into())));
    set(&mut v, &q, "basic.registered-capital", Edit::Value(Value::Integer(1200)));
    set(&mut v, &q, "basic.licence-expiry", Edit::Value(Value::Date(Date::parse("2028-05-31").unwrap())));
    set(&mut v, &q, "basic.licence-number", Edit::Value(s("B2-20240001")));
    set(&mut v, &q, "service.sla-fix-hours", Edit::Value(Value::Float(1.5)));
    set(&mut v, &q, "service.multi-site", Edit::NotApplicable(true));
    let reloaded = VendorFile::load(&v.path).unwrap();
    assert_eq!(reloaded.answers, v.answers);
    assert_eq!(reloaded.meta, v.meta);
    insta::assert_snapshot!("round_trip_file", std::fs::read_to_string(&v.path).unwrap());
}

const HAND_WRITTEN: &str = r#"# Vendor assessment — kept in git
vendor = "Acme"   # the legal name is longer
assessed_on = 2026-11-24
contract_owner = "wang.fang"   # not a ccvet field: must survive

[answers."basic.licence-scope"]
value   =   "provincial"      # checked on the MIIT site
note = 'scan in the shared drive'
source = "meeting 1"          # a person's own field

[answers."zz.removed-question"]
value = true                  # orphaned: the question was removed

[answers."tech.iso27001"]
value = true

[extra]
anything = [1, 2, 3]
"#;

fn write_vendor(dir: &Path, slug: &str, text: &str) -> PathBuf {
    let vendors = dir.join("ws").join("vendors");
    std::fs::create_dir_all(&vendors).unwrap();
    let path = vendors.join(format!("{slug}.toml"));
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn comments_unknown_fields_orphans_and_formatting_survive_saves() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let path = write_vendor(dir.path(), "acme", HAND_WRITTEN);
    let mut v = VendorFile::load(&path).unwrap();
    set(&mut v, &q, "basic.licence-scope", Edit::Value(s("nationwide")));
    set(&mut v, &q, "basic.domestic-entity", Edit::Value(Value::Bool(true)));
    set(&mut v, &q, "tech.iso27001", Edit::Note(Some("cert 2025".into())));
    let after = std::fs::read_to_string(&path).unwrap();
    // exactly the changed lines differ; everything else is byte for byte
    insta::assert_snapshot!("hand_written_after_saves", after);
    assert!(after.contains("value   =   \"nationwide\"      # checked on the MIIT site"));
    assert!(after.contains("contract_owner = \"wang.fang\"   # not a ccvet field: must survive"));
    assert!(after.contains("[answers.\"zz.removed-question\"]"));
    assert!(v.answers.contains_key("zz.removed-question"));
}

#[test]
fn inline_and_bare_answers_written_by_hand_are_edited_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let text = "vendor = \"Inline\"\nassessed_on = 2026-11-24\n\n[answers]\n\"tech.iso27001\" = true\n\"basic.licence-scope\" = { value = \"provincial\", note = \"x\" }\n";
    let path = write_vendor(dir.path(), "inline", text);
    let mut v = VendorFile::load(&path).unwrap();
    assert_eq!(v.answers["tech.iso27001"].value, Some(Value::Bool(true)));
    set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(false)));
    set(&mut v, &q, "basic.licence-scope", Edit::Value(s("nationwide")));
    set(&mut v, &q, "basic.annual-inspection", Edit::Value(Value::Bool(true)));
    let reloaded = VendorFile::load(&path).unwrap();
    assert_eq!(reloaded.answers["tech.iso27001"].value, Some(Value::Bool(false)));
    assert_eq!(reloaded.answers["basic.licence-scope"].note.as_deref(), Some("x"));
    assert_eq!(reloaded.answers["basic.annual-inspection"].value, Some(Value::Bool(true)));
    insta::assert_snapshot!("inline_after_saves", std::fs::read_to_string(&path).unwrap());
}

#[test]
fn clearing_keeps_the_note_and_removes_an_empty_entry() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut v) = new_vendor(dir.path(), "Clear");
    set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    set(&mut v, &q, "tech.iso27001", Edit::Note(Some("n".into())));
    set(&mut v, &q, "tech.iso27001", Edit::Clear);
    assert_eq!(v.answers["tech.iso27001"].value, None);
    assert_eq!(v.answers["tech.iso27001"].note.as_deref(), Some("n"));
    set(&mut v, &q, "tech.iso27001", Edit::Note(None));
    assert!(!v.answers.contains_key("tech.iso27001"));
    // The question's placeholder stays, bare, so the file merges well as text.
    let text = std::fs::read_to_string(&v.path).unwrap();
    assert!(text.contains("[answers.\"tech.iso27001\"]\n\n"), "{text}");
    assert!(!text.contains("value = true") && !text.contains("note = "));
}

#[test]
fn a_file_that_does_not_parse_is_reported_with_its_position_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut v) = new_vendor(dir.path(), "Broken");
    set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    // someone breaks the file by hand while it is open
    let broken = "vendor = \"Broken\"\n[answers.\"tech.iso27001\"]\nvalue = tru\n";
    std::fs::write(&v.path, broken).unwrap();
    let err = v.save(&q, "tech.seat-scaling", &[Edit::Value(Value::Bool(true))], &RealFs, 0o600).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("no longer reads"), "{message}");
    assert!(message.contains(":3:9:"), "{message}");
    assert_eq!(std::fs::read_to_string(&v.path).unwrap(), broken);
    // and loading it says where
    match VendorFile::load(&v.path) {
        Err(Error::Invalid { diagnostics, .. }) => {
            let p = diagnostics[0].position.unwrap();
            assert_eq!((p.line, p.col), (3, 9));
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn a_change_on_disk_to_another_answer_is_merged_not_clobbered() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut mine) = new_vendor(dir.path(), "Merge");
    let mut theirs = VendorFile::load(&mine.path).unwrap();
    set(&mut theirs, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    // my copy is stale; my save must keep their answer
    let saved = mine.save(&q, "tech.seat-scaling", &[Edit::Value(Value::Bool(false))], &RealFs, 0o600).unwrap();
    assert!(saved.merged);
    let on_disk = VendorFile::load(&mine.path).unwrap();
    assert_eq!(on_disk.answers["tech.iso27001"].value, Some(Value::Bool(true)));
    assert_eq!(on_disk.answers["tech.seat-scaling"].value, Some(Value::Bool(false)));
}

#[test]
fn a_change_on_disk_to_the_same_answer_keeps_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut mine) = new_vendor(dir.path(), "Conflict");
    let mut theirs = VendorFile::load(&mine.path).unwrap();
    set(&mut theirs, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    let before = std::fs::read_to_string(&mine.path).unwrap();
    let err = mine.save(&q, "tech.iso27001", &[Edit::Value(Value::Bool(false))], &RealFs, 0o600).unwrap_err();
    let Error::Conflict { mine: side, key, .. } = err else { panic!("expected a conflict, got {err:?}") };
    assert_eq!(key, "tech.iso27001");
    // theirs stays on disk, untouched; mine is beside it; memory shows theirs
    assert_eq!(std::fs::read_to_string(&mine.path).unwrap(), before);
    let side = VendorFile::parse(&side, std::fs::read_to_string(&side).unwrap()).unwrap();
    assert_eq!(side.answers["tech.iso27001"].value, Some(Value::Bool(false)));
    assert_eq!(mine.answers["tech.iso27001"].value, Some(Value::Bool(true)));
    // the side file is not listed as a vendor
    let ws = Workspace::at(&dir.path().join("ws"));
    assert_eq!(ws.vendor_paths().unwrap().len(), 1);
}

#[test]
fn slugs_collide_into_suffixes_and_names_are_unique() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::at(&dir.path().join("ws"));
    let a = ws.create_vendor(&meta("云联"), &RealFs).unwrap();
    let b = ws.create_vendor(&meta("Yun Lian"), &RealFs).unwrap();
    assert_eq!((a.slug.as_str(), b.slug.as_str()), ("yun-lian", "yun-lian-2"));
    assert!(ws.create_vendor(&meta("云联"), &RealFs).is_err(), "same name twice");
    let hostile = ws.create_vendor(&meta("../../etc/passwd\x1b[2J"), &RealFs).unwrap();
    assert_eq!(hostile.path.parent().unwrap(), ws.vendors_dir());
    assert_eq!(ws.find("云联").unwrap().slug, "yun-lian");
    assert_eq!(ws.find("yun-lian-2").unwrap().meta.vendor, "Yun Lian");
    assert!(ws.find("../ws/vendors/yun-lian").is_err());
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn a_private_workspace_is_owner_only() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let mut ws = Workspace::at(&dir.path().join("private"));
    ws.init(&RealFs).unwrap();
    let mut v = ws.create_vendor(&meta("P"), &RealFs).unwrap();
    v.save(&q, "tech.seat-scaling", &[Edit::Value(Value::Bool(true))], &RealFs, ws.modes.file).unwrap();
    assert_eq!(mode(&ws.root), 0o700);
    assert_eq!(mode(&ws.vendors_dir()), 0o700);
    assert_eq!(mode(&ws.root.join("reviews")), 0o1700);
    assert_eq!(mode(&ws.root.join("questionnaire.toml")), 0o600);
    assert_eq!(mode(&v.path), 0o600);
}

#[cfg(unix)]
#[test]
fn a_group_shared_setgid_workspace_gives_the_group_access_and_other_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let root = dir.path().join("team");
    std::fs::create_dir(&root).unwrap();
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let mut ws = Workspace::at(&root);
    ws.init(&RealFs).unwrap();
    let mut v = ws.create_vendor(&meta("G"), &RealFs).unwrap();
    v.save(&q, "tech.seat-scaling", &[Edit::Value(Value::Bool(true))], &RealFs, ws.modes.file).unwrap();
    assert_eq!(mode(&ws.vendors_dir()), 0o2770);
    assert_eq!(mode(&v.path), 0o660);
    assert_eq!(mode(&ws.root.join("questionnaire.toml")), 0o660);
    for entry in walk(&root) {
        assert_eq!(mode(&entry) & 0o007, 0, "{} is open to other", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

/// Fails one step of a save with one OS error; the rest is real.
struct FaultyFs {
    step: &'static str,
    errno: i32,
}

impl FaultyFs {
    fn check(&self, step: &str) -> io::Result<()> {
        if step == self.step { Err(io::Error::from_raw_os_error(self.errno)) } else { Ok(()) }
    }
}

impl FileSystem for FaultyFs {
    fn create_new(&self, path: &Path, mode: u32) -> io::Result<std::fs::File> {
        self.check("create")?;
        RealFs.create_new(path, mode)
    }
    fn write_all(&self, file: &mut std::fs::File, bytes: &[u8]) -> io::Result<()> {
        // a short write before the failure, as a full disk does
        if self.step == "write" {
            RealFs.write_all(file, &bytes[..bytes.len() / 2])?;
        }
        self.check("write")?;
        RealFs.write_all(file, bytes)
    }
    fn sync_file(&self, file: &std::fs::File) -> io::Result<()> {
        self.check("fsync")?;
        RealFs.sync_file(file)
    }
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("rename")?;
        RealFs.rename(from, to)
    }
    fn link(&self, from: &Path, to: &Path) -> io::Result<()> {
        self.check("link")?;
        RealFs.link(from, to)
    }
    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        self.check("fsync-dir")?;
        RealFs.sync_dir(dir)
    }
    fn remove(&self, path: &Path) -> io::Result<()> {
        RealFs.remove(path)
    }
}

#[test]
fn a_failed_save_at_any_step_leaves_the_old_or_new_file_and_a_retry_succeeds() {
    const ENOSPC: i32 = 28;
    const EIO: i32 = 5;
    const EACCES: i32 = 13;
    const EROFS: i32 = 30;
    let q = default_questionnaire();
    let mut injected = 0;
    for step in ["create", "write", "fsync", "rename", "fsync-dir"] {
        for errno in [ENOSPC, EIO, EACCES, EROFS] {
            let dir = tempfile::tempdir().unwrap();
            let (_ws, mut v) = new_vendor(dir.path(), "Faults");
            set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
            let old = std::fs::read_to_string(&v.path).unwrap();
            let edit = [Edit::Value(Value::Bool(true))];
            let err = v.save(&q, "tech.seat-scaling", &edit, &FaultyFs { step, errno }, 0o600).unwrap_err();
            injected += 1;
            assert!(matches!(err, Error::Io { .. }), "{step}/{errno}: {err:?}");
            let on_disk = std::fs::read_to_string(&v.path).unwrap();
            if step == "fsync-dir" {
                // renamed but not yet durable: the new version, whole
                assert!(VendorFile::parse(&v.path, on_disk.clone()).is_ok());
            } else {
                assert_eq!(on_disk, old, "{step}/{errno}: the old version must stand");
                // memory still describes what is on disk: nothing is lost
                assert!(!v.answers.contains_key("tech.seat-scaling"));
            }
            let names: Vec<String> = std::fs::read_dir(v.path.parent().unwrap())
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains(".tmp-"))
                .collect();
            assert!(names.is_empty(), "{step}/{errno}: temp files left: {names:?}");
            // the retry writes the whole file again
            let mut retry = VendorFile::load(&v.path).unwrap();
            retry.save(&q, "tech.seat-scaling", &edit, &RealFs, 0o600).unwrap();
            let final_ = VendorFile::load(&v.path).unwrap();
            assert_eq!(final_.answers["tech.seat-scaling"].value, Some(Value::Bool(true)));
            assert_eq!(final_.answers["tech.iso27001"].value, Some(Value::Bool(true)));
        }
    }
    assert_eq!(injected, 20);
}

/// The sequence of saves the child makes: save i sets `KEYS[i % n]` to
/// the i-th value, so the parent can replay it.
const KEYS: [&str; 4] = ["tech.iso27001", "basic.registered-capital", "fit.industries", "tech.seat-scaling"];

fn nth_edit(i: usize) -> (&'static str, Edit) {
    let key = KEYS[i % KEYS.len()];
    let value = match key {
        "basic.registered-capital" => Value::Integer(i as i64),
        "fit.industries" => {
            Value::List(if i.is_multiple_of(2) { vec![s("finance")] } else { vec![s("healthcare"), s("ecommerce")] })
        }
        _ => Value::Bool(!i.is_multiple_of(3)),
    };
    let edit = if i % 7 == 6 { Edit::Note(Some(format!("note {i} 备注"))) } else { Edit::Value(value) };
    (key, edit)
}

/// Run as a child by `sigkill_during_saves_never_loses_a_reported_answer`:
/// saves forever, printing the index of each save once it is on disk.
#[test]
fn child_save_loop() {
    let Some(path) = std::env::var_os("CCVET_TEST_SAVE_LOOP") else {
        return;
    };
    use std::io::Write;
    let q = default_questionnaire();
    let mut v = VendorFile::load(Path::new(&path)).unwrap();
    let mut out = io::stdout().lock();
    for i in 0.. {
        let (key, edit) = nth_edit(i);
        v.save(&q, key, &[edit], &RealFs, 0o600).unwrap();
        writeln!(out, "saved {i}").unwrap();
        out.flush().unwrap();
    }
}

#[cfg(unix)]
#[test]
fn sigkill_during_saves_never_loses_a_reported_answer() {
    use std::io::{BufRead, BufReader};
    use std::process::{Command, Stdio};
    let q = default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let (_ws, v) = new_vendor(dir.path(), "Kill");
    let exe = std::env::current_exe().unwrap();
    let mut rng = fastrand::Rng::new();
    // 200 in the suite; the soak runs more:
    // CCVET_KILL_ROUNDS=1000 cargo test --release --test storage sigkill -- --nocapture
    let rounds: usize = std::env::var("CCVET_KILL_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let mut kills = 0;
    for _ in 0..rounds {
        let start = VendorFile::load(&v.path).unwrap();
        let mut child = Command::new(&exe)
            .args(["--exact", "child_save_loop", "--nocapture", "--test-threads=1"])
            .env("CCVET_TEST_SAVE_LOOP", &v.path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // wait for a random number of reported saves, then kill at once
        let target = rng.usize(1..12);
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut reported = 0usize;
        for line in lines.by_ref() {
            if line.unwrap().starts_with("saved ") {
                reported += 1;
                if reported == target {
                    break;
                }
            }
        }
        child.kill().unwrap();
        kills += 1;
        reported += lines.map_while(Result::ok).filter(|l| l.starts_with("saved ")).count();
        child.wait().unwrap();
        // the file parses and holds the state after `reported` saves, or
        // after one more (the save in flight when the kill came)
        let after = VendorFile::load(&v.path).expect("the file must parse after a kill");
        let replay = |n: usize| {
            let mut expected = start.answers.clone();
            for i in 0..n {
                let (key, edit) = nth_edit(i);
                match ccvet::domain::answers::Answer::edited(expected.get(key), &edit) {
                    Some(a) => expected.insert(key.to_string(), a),
                    None => expected.remove(key),
                };
            }
            expected
        };
        let same = |n: usize| {
            let e = replay(n);
            e.len() == after.answers.len()
                && e.iter().all(|(k, a)| ccvet::domain::answers::Answer::same_content(Some(a), after.answers.get(k)))
        };
        // The file is whole and holds every reported save: it is exactly
        // the state after some n >= reported saves (the child may have got
        // further than the lines read before the kill).
        assert!(
            (reported..=reported + 8).any(same),
            "after {reported} reported saves the file holds something else:\n{:#?}\nexpected:\n{:#?}",
            after.answers,
            replay(reported)
        );
        // the next round starts from what is there now
        let _ = &q;
        std::fs::write(&v.path, VendorFile::new_text(&meta("Kill"))).unwrap();
    }
    assert_eq!(kills, rounds);
    println!("sigkill during saves: {kills} kills, the file read back whole after every one");
}

/// The real binary: `ccvet answer` killed at a random moment of its run
/// (start, lock, load, merge check, write, fsync, rename), over and over.
#[cfg(unix)]
#[test]
fn sigkill_of_ccvet_answer_never_corrupts_the_file() {
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let (_ws, v) = new_vendor(dir.path(), "Answer Kill");
    let ws = dir.path().join("ws");
    let mut rng = fastrand::Rng::new();
    let rounds: usize = std::env::var("CCVET_KILL_ROUNDS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let (mut killed, mut finished) = (0, 0);
    // Round i saves the number i: a later round only ever writes more.
    let mut last_finished: Option<i64> = None;
    for i in 0..rounds {
        let value = i as i64;
        let mut child = Command::new(env!("CARGO_BIN_EXE_ccvet"))
            .arg("--workspace")
            .arg(&ws)
            .args(["answer", "answer-kill", "basic.registered-capital", &value.to_string()])
            .env("CCVET_CONFIG", "/nonexistent")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // a random moment of its short life, sometimes after it is done
        std::thread::sleep(std::time::Duration::from_micros(rng.u64(0..40_000)));
        let done = matches!(child.try_wait(), Ok(Some(s)) if s.success());
        child.kill().ok();
        child.wait().unwrap();
        if done {
            finished += 1;
            last_finished = Some(value);
        } else {
            killed += 1;
        }
        let after = VendorFile::load(&v.path).expect("the file must read after a kill");
        let shown = match after.answers.get("basic.registered-capital").and_then(|a| a.value.clone()) {
            Some(Value::Integer(n)) => Some(n),
            None => None,
            other => panic!("round {i}: {other:?}"),
        };
        // every finished save is there (or a later round's), and nothing
        // that no round wrote
        if let Some(saved) = last_finished {
            assert!(shown.is_some_and(|n| n >= saved && n <= value), "round {i}: {shown:?}, last finished {saved}");
        }
        assert!(shown.is_none_or(|n| n <= value), "round {i}: {shown:?} was never written");
    }
    println!("sigkill of ccvet answer: {killed} killed mid-run, {finished} finished, the file read back every time");
    assert_eq!(killed + finished, rounds);
}

// Regression tests from the review of the core (each names its finding).

#[test]
fn clearing_an_answer_that_holds_a_persons_own_field_works() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let text = "vendor = \"C\"\n[answers.\"tech.iso27001\"]\nnote = \"ask later\"\nsource = \"email\"\n";
    let path = write_vendor(dir.path(), "c", text);
    let mut v = VendorFile::load(&path).unwrap();
    set(&mut v, &q, "tech.iso27001", Edit::Note(None));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("source = \"email\""), "{after}");
    assert!(!after.contains("ask later"));
}

#[test]
fn clearing_an_answer_keeps_the_comment_written_above_it() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let text = "vendor = \"C\"\nassessed_on = 2026-11-24\n\n# Interview notes: NDA signed\n# Follow-up owed: ISO scan.\n\n[answers.\"basic.licence-scope\"]\nvalue = \"nationwide\"\n";
    let path = write_vendor(dir.path(), "c", text);
    let mut v = VendorFile::load(&path).unwrap();
    set(&mut v, &q, "basic.licence-scope", Edit::Clear);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.contains("# Interview notes: NDA signed\n# Follow-up owed: ISO scan."), "{after}");
    assert!(!after.contains("nationwide"));
    assert!(VendorFile::load(&path).unwrap().answers.get("basic.licence-scope").is_none_or(|a| a.is_empty()));
}

#[test]
fn crlf_files_and_a_byte_order_mark_keep_their_style() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let text = "\u{feff}vendor = \"CRLF\"\r\nassessed_on = 2026-11-24\r\n\r\n[answers.\"basic.licence-scope\"]\r\nvalue = \"nationwide\"\r\n";
    let path = write_vendor(dir.path(), "crlf", text);
    let mut v = VendorFile::load(&path).unwrap();
    set(&mut v, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    set(&mut v, &q, "tech.iso27001", Edit::Note(Some("line one\nline two".into())));
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(after.starts_with('\u{feff}'));
    assert!(!after.replace("\r\n", "").contains('\n'), "a bare LF in {after:?}");
    assert!(after.starts_with("\u{feff}vendor = \"CRLF\"\r\nassessed_on = 2026-11-24\r\n"));
    // the note reads back exactly, line break included
    let back = VendorFile::load(&path).unwrap();
    assert_eq!(back.answers["tech.iso27001"].note.as_deref(), Some("line one\nline two"));
}

#[test]
fn one_bad_field_in_one_answer_is_a_warning_not_an_unreadable_file() {
    let dir = tempfile::tempdir().unwrap();
    let text = "vendor = \"W\"\n[answers.\"tech.iso27001\"]\nvalue = true\nna = \"no\"\n[answers.\"tech.seat-scaling\"]\nnote = 5\n[answers]\nbasic.licence-scope = \"nationwide\"\n";
    // (the last table repeats [answers]: TOML refuses that, so test it apart)
    let text = text.split("[answers]\n").next().unwrap();
    let path = write_vendor(dir.path(), "w", text);
    let v = VendorFile::load(&path).unwrap();
    assert_eq!(v.answers["tech.iso27001"].value, Some(Value::Bool(true)));
    let messages: Vec<String> = v.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].contains(":4:6: warning: `na` of answer `tech.iso27001` must be true or false"),
        "{messages:?}"
    );
}

#[test]
fn a_dotted_answer_key_is_flagged_with_how_to_write_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = "vendor = \"D\"\n[answers]\nbasic.licence-scope = \"nationwide\"\n";
    let path = write_vendor(dir.path(), "d", text);
    let v = VendorFile::load(&path).unwrap();
    let w = v.warnings[0].to_string();
    assert!(w.contains(":3:1: warning: answer key `basic` is not `section.question`"), "{w}");
}

#[test]
fn the_same_change_made_twice_is_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut mine) = new_vendor(dir.path(), "Same");
    let mut theirs = VendorFile::load(&mine.path).unwrap();
    set(&mut theirs, &q, "tech.iso27001", Edit::Value(Value::Bool(true)));
    mine.save(&q, "tech.iso27001", &[Edit::Value(Value::Bool(true))], &RealFs, 0o600).unwrap();
    assert_eq!(visible_files(mine.path.parent().unwrap()), 1, "no side file");
}

#[test]
fn a_retry_after_a_failed_folder_fsync_is_not_taken_for_someone_elses_change() {
    let dir = tempfile::tempdir().unwrap();
    let q = default_questionnaire();
    let (_ws, mut v) = new_vendor(dir.path(), "Retry");
    let edit = [Edit::Value(Value::Bool(true))];
    v.save(&q, "tech.iso27001", &edit, &FaultyFs { step: "fsync-dir", errno: 5 }, 0o600).unwrap_err();
    // the same object retries, as the app does
    let saved = v.save(&q, "tech.iso27001", &edit, &RealFs, 0o600).unwrap();
    assert!(!saved.merged);
    assert_eq!(visible_files(v.path.parent().unwrap()), 1, "no side file");
}

#[test]
fn any_listed_file_stem_finds_its_vendor() {
    let dir = tempfile::tempdir().unwrap();
    write_vendor(dir.path(), "acme.v2", "vendor = \"Acme Two\"\n");
    write_vendor(dir.path(), "Beta Corp", "vendor = \"Beta\"\n");
    let ws = Workspace::at(&dir.path().join("ws"));
    assert_eq!(ws.find("acme.v2").unwrap().meta.vendor, "Acme Two");
    assert_eq!(ws.find("Beta Corp").unwrap().meta.vendor, "Beta");
    assert!(ws.find("../ws/vendors/acme.v2").is_err());
}

#[test]
fn invisible_names_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::at(&dir.path().join("ws"));
    for name in ["\u{200b}", "\u{3164}\u{ad}", " \t", "\x1b\x07", "\u{202e}\u{2066}"] {
        assert!(ws.create_vendor(&meta(name), &RealFs).is_err(), "{name:?}");
    }
}

#[cfg(unix)]
#[test]
fn the_lock_file_in_a_shared_workspace_is_group_writable() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("team");
    std::fs::create_dir(&root).unwrap();
    std::fs::set_permissions(&root, std::fs::Permissions::from_mode(0o2770)).unwrap();
    let mut ws = Workspace::at(&root);
    let v = ws.create_vendor(&meta("L"), &RealFs).unwrap();
    let lock = ccvet::storage::lock::try_acquire(&v.path, &Default::default(), ws.modes.file).unwrap();
    assert_eq!(mode(&ccvet::storage::lock::lock_path(&v.path)), 0o660);
    drop(lock);
}

/// Files in `dir` a person would see (not the hidden lock of vendor
/// creation).
fn visible_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| !e.as_ref().unwrap().file_name().to_string_lossy().starts_with('.'))
        .count()
}

#[test]
fn an_empty_or_nameless_vendor_file_is_unreadable_and_never_a_base() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write_vendor(dir.path(), "empty", "");
    assert!(matches!(VendorFile::load(&empty), Err(Error::Invalid { .. })));
    let cut = write_vendor(dir.path(), "cut", "[answers.\"tech.iso27001\"]\nvalue = true\n");
    match VendorFile::load(&cut) {
        Err(Error::Invalid { diagnostics, .. }) => assert!(diagnostics[0].message.contains("partly written")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_creators_of_one_name_at_once_make_one_vendor() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("ws");
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let root = root.clone();
            std::thread::spawn(move || Workspace::at(&root).create_vendor(&meta("Delta Call"), &RealFs).is_ok())
        })
        .collect();
    let made: usize = handles.into_iter().map(|h| usize::from(h.join().unwrap())).sum();
    assert_eq!(made, 1);
    assert_eq!(Workspace::at(&root).vendor_paths().unwrap().len(), 1);
}
