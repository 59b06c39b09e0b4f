//! Real disk faults, not simulated ones: a full disk (a 64 KiB tmpfs,
//! filled) and a read-only file system (the same tmpfs remounted ro). Both
//! need a mount; where the test cannot mount (not root, no CAP_SYS_ADMIN) it
//! says so and checks nothing else. Injected faults at every step of a save
//! are in tests/storage.rs.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A small tmpfs, unmounted on drop.
struct Tmpfs {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Tmpfs {
    fn mount(size: &str) -> Result<Tmpfs, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let path = dir.path().join("mnt");
        std::fs::create_dir(&path).map_err(|e| e.to_string())?;
        let out = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size},mode=0700"), "tmpfs"])
            .arg(&path)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
        }
        Ok(Tmpfs { _dir: dir, path })
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount").args(["-o", "remount,ro"]).arg(&self.path).status().unwrap();
        assert!(ok.success());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.path).status();
    }
}

fn ccvet(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ccvet"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env("CCVET_CONFIG", "/nonexistent")
        .env("USER", "li.wei")
        .output()
        .unwrap()
}

fn mounted(size: &str) -> Option<Tmpfs> {
    match Tmpfs::mount(size) {
        Ok(t) => Some(t),
        Err(why) => {
            println!("skipped: cannot mount a tmpfs here ({why}); real full-disk and read-only tests need root");
            None
        }
    }
}

#[test]
fn a_full_disk_refuses_the_save_plainly_and_keeps_the_old_file() {
    let Some(fs) = mounted("64k") else { return };
    let ws = fs.path.join("ws");
    assert!(ccvet(&ws, &["new", "Full Co", "--assessed-on", "2026-11-24"]).status.success());
    assert!(ccvet(&ws, &["answer", "full-co", "tech.iso27001", "yes"]).status.success());
    let before = std::fs::read_to_string(ws.join("vendors/full-co.toml")).unwrap();
    // fill the disk to the last block
    let filler = fs.path.join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 64 * 1024]);
    let out = ccvet(&ws, &["answer", "full-co", "tech.seat-scaling", "yes", "--note", &"x".repeat(8 * 1024)]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("full-co.toml: the disk is full"), "{stderr}");
    assert_eq!(std::fs::read_to_string(ws.join("vendors/full-co.toml")).unwrap(), before);
    let temps: Vec<_> = std::fs::read_dir(ws.join("vendors"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "temporary files left: {temps:?}");
    // room again: the same answer saves
    std::fs::remove_file(&filler).unwrap();
    assert!(ccvet(&ws, &["answer", "full-co", "tech.seat-scaling", "yes"]).status.success());
}

#[test]
fn a_read_only_workspace_refuses_saves_and_still_reads() {
    let Some(fs) = mounted("256k") else { return };
    let ws = fs.path.join("ws");
    assert!(ccvet(&ws, &["new", "Ro Co", "--assessed-on", "2026-11-24"]).status.success());
    assert!(ccvet(&ws, &["answer", "ro-co", "tech.iso27001", "yes"]).status.success());
    fs.remount_read_only();
    let out = ccvet(&ws, &["answer", "ro-co", "tech.iso27001", "no"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("read-only"), "{stderr}");
    // reading still works, and shows the answer that was saved
    let out = ccvet(&ws, &["score", "ro-co", "--json"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["answered"], 1);
}
