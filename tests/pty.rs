//! End to end: the real binary in a pseudo-terminal, driven by keys as a
//! person would, read back from a terminal emulator's screen. Every wait is
//! for text on the screen (or a file), with a deadline; nothing sleeps and
//! hopes.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const DEADLINE: Duration = Duration::from_secs(10);

struct App {
    screen: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl App {
    fn start(workspace: &Path, cols: u16, rows: u16) -> App {
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ccvet"));
        cmd.env_clear();
        cmd.args(["--workspace", workspace.to_str().unwrap()]);
        for (k, v) in
            [("TERM", "xterm-256color"), ("LANG", "C.UTF-8"), ("USER", "li.wei"), ("CCVET_CONFIG", "/nonexistent")]
        {
            cmd.env(k, v);
        }
        cmd.env("HOME", workspace.parent().unwrap());
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        App { screen, writer, child, _master: pair.master }
    }

    fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Waits until `text` is on the screen.
    fn wait_for(&self, text: &str) {
        self.wait_until(text, |screen| screen.contains(text));
    }

    /// Waits until the screen satisfies `ready`.
    fn wait_until(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if ready(&self.contents()) {
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("waited {DEADLINE:?} for {what}; the screen shows:\n{}", self.contents());
    }

    fn keys(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end by itself.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        while start.elapsed() < DEADLINE {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        panic!("the app did not quit; the screen shows:\n{}", self.contents());
    }
}

fn workspace() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("ws");
    (dir, ws)
}

fn score_json(ws: &Path, slug: &str) -> serde_json::Value {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ccvet"))
        .args(["--workspace", ws.to_str().unwrap(), "score", slug, "--json"])
        .env("CCVET_CONFIG", "/nonexistent")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

const ESC: &str = "\x1b";
const ENTER: &str = "\r";

#[test]
fn an_interview_survives_quitting_and_reopening() {
    let (_dir, ws) = workspace();
    let mut app = App::start(&ws, 100, 30);
    app.wait_for("No vendors yet");
    // a new vendor with a Chinese name, typed as a person would
    app.keys("n");
    app.wait_for("New vendor");
    app.keys("测试供应商 Test");
    app.wait_for("测试供应商 Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    // choice, date, yes/no, number, multi, and a note in Chinese
    app.keys("1");
    app.wait_for("saved basic.licence-scope");
    app.keys("jj");
    app.wait_for("When does the licence expire");
    app.keys(ENTER);
    app.keys("2028-05-31");
    app.keys(ENTER);
    app.wait_for("saved basic.licence-expiry");
    app.keys("j");
    app.wait_for("annual inspection");
    app.keys("y");
    app.wait_for("saved basic.annual-inspection");
    app.keys("jj");
    app.wait_for("registered capital");
    app.keys(ENTER);
    app.keys("1200");
    app.keys(ENTER);
    app.wait_for("saved basic.registered-capital");
    app.keys("e");
    app.wait_for("Note (Esc saves");
    app.keys("备注：已查看原件 seen");
    app.keys(ESC);
    app.wait_for("saved basic.registered-capital");
    app.wait_for("备注：已查看原件 seen");
    app.keys("j13");
    app.wait_until("two ticked options", |s| s.matches("[x]").count() == 2);
    app.wait_for("saved basic.company-documents");
    let screen = app.contents();
    let shown = screen.lines().next().unwrap().to_string();
    app.keys("q");
    assert!(app.wait_exit().success());

    // the answers are on disk and score as the screen showed
    let json = score_json(&ws, "ce-shi-gong-ying-shang-test");
    assert_eq!(json["answered"], 5);
    let score = format!("{:.1}", json["score"].as_f64().unwrap());
    assert!(shown.contains(&score), "title bar {shown:?} vs score {score}");

    // and come back on screen when the app starts again
    let mut app = App::start(&ws, 100, 30);
    app.wait_for("测试供应商 Test");
    app.keys(ENTER);
    app.wait_for("(●) Nationwide licence");
    app.wait_for(&score);
    app.keys("jjjjj");
    app.wait_for("备注：已查看原件 seen");
    app.keys(ESC);
    app.wait_for("Vendors (1)");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn sigkill_mid_interview_keeps_every_saved_answer() {
    let (_dir, ws) = workspace();
    let mut app = App::start(&ws, 80, 24);
    app.wait_for("No vendors yet");
    app.keys("nKill Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    let mut saved = Vec::new();
    for (keys, key) in
        [("2", "basic.licence-scope"), ("jjjn", "basic.annual-inspection"), ("jy", "basic.domestic-entity")]
    {
        app.keys(keys);
        app.wait_for(&format!("saved {key}"));
        saved.push(key);
    }
    // the next answer may or may not be on disk when the kill comes
    app.keys("\t1");
    app.child.kill().unwrap();
    let _ = app.child.wait();
    let json = score_json(&ws, "kill-test");
    let answered = json["answered"].as_u64().unwrap();
    assert!(answered == 3 || answered == 4, "{json}");
    let text = std::fs::read_to_string(ws.join("vendors/kill-test.toml")).unwrap();
    for key in saved {
        assert!(text.contains(&format!("[answers.\"{key}\"]")), "{key} lost:\n{text}");
    }
    // the lock died with the process: the vendor opens again at once
    let mut app = App::start(&ws, 80, 24);
    app.wait_for("Kill Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn sigterm_and_sighup_restore_the_terminal_and_keep_answers() {
    for signal in ["TERM", "HUP"] {
        let (_dir, ws) = workspace();
        let mut app = App::start(&ws, 80, 24);
        app.wait_for("No vendors yet");
        app.keys("nSignal Test");
        app.keys(ENTER);
        app.wait_for("What is the scope");
        app.keys("1");
        app.wait_for("saved basic.licence-scope");
        let pid = app.child.process_id().unwrap();
        let sent = std::process::Command::new("kill").args([&format!("-{signal}"), &pid.to_string()]).status().unwrap();
        assert!(sent.success());
        app.wait_exit();
        // back on the main screen, cursor shown, no bracketed paste left on
        let parser = app.screen.lock().unwrap();
        assert!(!parser.screen().alternate_screen(), "SIG{signal}: still on the alternate screen");
        assert!(!parser.screen().hide_cursor(), "SIG{signal}: the cursor is still hidden");
        assert!(!parser.screen().bracketed_paste(), "SIG{signal}: bracketed paste is still on");
        drop(parser);
        assert_eq!(score_json(&ws, "signal-test")["answered"], 1);
    }
}
