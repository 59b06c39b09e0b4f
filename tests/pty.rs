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

mod common;
use common::team::Team;

const DEADLINE: Duration = Duration::from_secs(10);

struct App {
    screen: Arc<Mutex<vt100::Parser>>,
    /// Bytes the program has written to its terminal so far.
    written: Arc<std::sync::atomic::AtomicUsize>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl App {
    fn start(workspace: &Path, cols: u16, rows: u16) -> App {
        App::start_as(workspace, cols, rows, "li.wei")
    }

    fn start_as(workspace: &Path, cols: u16, rows: u16, user: &str) -> App {
        let home = workspace.parent().unwrap();
        App::launch(home, workspace.to_str().unwrap(), cols, rows, user)
    }

    /// Starts ccvet in `cwd` with `--workspace workspace` (which may be
    /// relative to `cwd`), as `user`, in a terminal of `cols` x `rows`.
    fn launch(cwd: &Path, workspace: &str, cols: u16, rows: u16, user: &str) -> App {
        let program = [env!("CARGO_BIN_EXE_ccvet").to_string()];
        App::launch_program(cwd, workspace, cols, rows, &program, &[("USER", user)])
    }

    /// Starts ccvet as a real account of `team`, on its workspace (given
    /// relative to the team's folder), with `env` besides the usual.
    fn start_in_team(team: &Team, user: &str, workspace: &str, env: &[(&str, &str)]) -> App {
        let mut program = team.as_user(user);
        program.push(team.bin.display().to_string());
        App::launch_program(team.dir.path(), workspace, 100, 30, &program, env)
    }

    /// Runs `program` (its first word, then arguments) with `--workspace`
    /// in a terminal of `cols` x `rows`.
    fn launch_program(
        cwd: &Path,
        workspace: &str,
        cols: u16,
        rows: u16,
        program: &[String],
        env: &[(&str, &str)],
    ) -> App {
        let pair = native_pty_system().openpty(PtySize { rows, cols, pixel_width: 0, pixel_height: 0 }).unwrap();
        let mut cmd = CommandBuilder::new(&program[0]);
        cmd.env_clear();
        cmd.cwd(cwd);
        cmd.args(&program[1..]);
        cmd.args(["--workspace", workspace]);
        let path = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";
        for (k, v) in
            [("TERM", "xterm-256color"), ("LANG", "C.UTF-8"), ("CCVET_CONFIG", "/nonexistent"), ("PATH", path)]
        {
            cmd.env(k, v);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.env("HOME", cwd);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZero::new(rows).unwrap(),
            std::num::NonZero::new(cols).unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = Arc::clone(&screen);
        let written = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let count = Arc::clone(&written);
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                count.fetch_add(n, std::sync::atomic::Ordering::SeqCst);
                sink.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().unwrap();
        App { screen, written, writer, child, _master: pair.master }
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

    /// Asserts the program writes nothing for `window`: no redraw without a
    /// change (a redraw loop once came from the app's own file reads).
    fn assert_quiet(&self, window: Duration) {
        let before = self.written.load(std::sync::atomic::Ordering::SeqCst);
        std::thread::sleep(window);
        let after = self.written.load(std::sync::atomic::Ordering::SeqCst);
        assert_eq!(after, before, "{} bytes written while idle", after - before);
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
    app.wait_for("Note (Esc closes, text kept");
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

/// Waits until the file at `path` reads as `ok` says, with a deadline.
fn wait_for_file(path: &Path, what: &str, ok: impl Fn(&str) -> bool) -> String {
    let start = Instant::now();
    loop {
        let text = std::fs::read_to_string(path).unwrap_or_default();
        if ok(&text) {
            return text;
        }
        assert!(start.elapsed() < DEADLINE, "waited {DEADLINE:?} for {what}; the file holds:\n{text}");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn esc_cancels_an_edit_and_undo_and_redo_reach_the_file() {
    let (_dir, ws) = workspace();
    let file = ws.join("vendors/undo-test.toml");
    let mut app = App::start(&ws, 100, 30);
    app.wait_for("No vendors yet");
    app.keys("nUndo Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    app.keys("jjjjj");
    app.wait_for("registered capital");
    app.keys(ENTER);
    app.keys("45");
    app.keys(ENTER);
    app.wait_for("saved basic.registered-capital");
    wait_for_file(&file, "45 saved", |t| t.contains("value = 45"));
    // a digit on the answered question starts an edit; Esc cancels it
    app.keys("3");
    app.wait_for("Enter keeps the value");
    app.keys(ESC);
    app.wait_for("edit cancelled");
    // and Enter, a digit, Esc too
    app.keys(ENTER);
    app.keys("9");
    app.wait_for("459");
    app.keys(ESC);
    app.wait_for("edit cancelled");
    // z takes the answer back on disk, Z puts it there again
    app.keys("z");
    let text = wait_for_file(&file, "the answer undone", |t| !t.contains("value = 45"));
    assert!(!text.contains("value = 3") && !text.contains("value = 459"), "{text}");
    app.wait_until("the answer gone from the screen", |s| !s.contains("45 10k CNY"));
    app.keys("Z");
    wait_for_file(&file, "the answer redone", |t| t.contains("value = 45"));
    app.wait_for("45 10k CNY");
    app.keys("q");
    assert!(app.wait_exit().success());
    let json = score_json(&ws, "undo-test");
    assert_eq!(json["answered"], 1, "{json}");
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
        [("2", "basic.licence-scope"), ("jjjjn", "basic.annual-inspection"), ("jy", "basic.domestic-entity")]
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

fn cli(ws: &Path, user: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ccvet"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env("CCVET_CONFIG", "/nonexistent")
        .env("USER", user)
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// A team workspace with vendor `slug` (named `name`) that the team's
/// first account, the interviewer, made.
fn team_vendor(accounts: usize, name: &str) -> Option<Team> {
    let team = Team::new(accounts)?;
    let team = team.with_workspace();
    team.ok(&team.users[0], &["new", name, "--assessed-on", "2026-11-24"]);
    Some(team)
}

#[test]
fn a_second_session_follows_read_only_and_takes_over_after_a_kill_with_a_confirmation() {
    let Some(team) = team_vendor(2, "Duo Co") else { return };
    let (alice, bob) = (team.users[0].clone(), team.users[1].clone());
    let mut writer = App::start_in_team(&team, &alice, "ws", &[]);
    writer.wait_for("Duo Co");
    writer.keys(ENTER);
    writer.wait_for("What is the scope");
    let mut follower = App::start_in_team(&team, &bob, "ws", &[]);
    follower.wait_for(&format!("● {alice}"));
    follower.keys(ENTER);
    follower.wait_for(&format!("{alice} is interviewing"));
    follower.wait_for("read-only");
    // the follower cannot answer, and says why; T waits for the writer
    follower.keys("2");
    follower.wait_for("T takes over when they leave");
    follower.keys("T");
    follower.wait_for("T works once they leave the vendor");
    // left alone, neither session draws anything
    follower.assert_quiet(Duration::from_millis(300));
    writer.assert_quiet(Duration::from_millis(10));
    // an answer in the writer appears in the follower with no key pressed
    writer.keys("1");
    writer.wait_for("saved basic.licence-scope");
    follower.wait_for("(●) Nationwide licence");
    writer.keys("jjjy");
    writer.wait_for("saved basic.annual-inspection");
    follower.wait_for("✓ Can the vendor show");
    // the writer dies; T asks first, naming the interviewer; n keeps all
    writer.child.kill().unwrap();
    let _ = writer.child.wait();
    follower.wait_for("is not writing now");
    follower.keys("T");
    follower.wait_for(&format!("{alice} is this vendor's interviewer"));
    follower.keys("n");
    follower.wait_for("cancelled: nothing changed");
    follower.keys("T");
    follower.wait_for("Take over as interviewer?");
    follower.keys("y");
    follower.wait_for("you are the interviewer now");
    follower.keys("2");
    follower.wait_for("saved basic.licence-scope");
    follower.keys("q");
    follower.wait_exit();
    let json: serde_json::Value = serde_json::from_str(&team.ok(&alice, &["score", "duo-co", "--json"])).unwrap();
    assert_eq!(json["answered"], 2);
    let file = std::fs::read_to_string(team.ws().join("vendors/duo-co.toml")).unwrap();
    assert!(file.contains(&format!("interviewer = \"{bob}\"")), "{file}");
}

#[test]
fn a_reviewer_reading_an_idle_vendor_never_blocks_the_interviewers_cli() {
    let Some(team) = team_vendor(2, "Idle Co") else { return };
    let (alice, bob) = (team.users[0].clone(), team.users[1].clone());
    let mut reader = App::start_in_team(&team, &bob, "ws", &[]);
    reader.wait_for("Idle Co");
    reader.keys(ENTER);
    reader.wait_for(&format!("{alice} is not writing now"));
    // a stray key changes nothing
    reader.keys("2");
    reader.wait_for("read-only");
    // the interviewer's CLI saves while the reviewer reads, and it shows
    team.ok(&alice, &["answer", "idle-co", "basic.licence-scope", "nationwide"]);
    reader.wait_for("(●) Nationwide licence");
    team.ok(&alice, &["answer", "idle-co", "basic.licence-scope", "provincial"]);
    reader.wait_for("(●) Provincial");
    reader.keys("q");
    reader.wait_exit();
    let file = std::fs::read_to_string(team.ws().join("vendors/idle-co.toml")).unwrap();
    assert!(file.contains(&format!("interviewer = \"{alice}\"")), "{file}");
}

#[test]
fn a_signoff_goes_stale_on_screen_and_the_interviewer_cannot_sign_their_own() {
    let Some(team) = team_vendor(2, "Stale Co") else { return };
    let (alice, bob) = (team.users[0].clone(), team.users[1].clone());
    team.ok(&alice, &["answer", "stale-co", "tech.iso27001", "yes"]);
    let mut interviewer = App::start_in_team(&team, &alice, "ws", &[]);
    interviewer.wait_for("Stale Co");
    interviewer.keys("S");
    interviewer.wait_for("Reviews and sign-offs");
    interviewer.keys("A");
    interviewer.wait_for("you interviewed this vendor");
    interviewer.keys("q");
    interviewer.wait_exit();
    let mut reviewer = App::start_in_team(&team, &bob, "ws", &[]);
    reviewer.wait_for("Stale Co");
    reviewer.keys("S");
    reviewer.wait_for("Reviews and sign-offs");
    // the screen says what is being signed: score, completion, and asks
    reviewer.wait_for("answered 1/37");
    reviewer.keys("A");
    reviewer.wait_for("only 1 of 37 scored questions are answered");
    reviewer.keys("y");
    reviewer.wait_for(&format!("✓ approved {bob}"));
    reviewer.keys("c");
    reviewer.keys("总体良好 fine");
    reviewer.keys(ENTER);
    reviewer.wait_for("总体良好 fine");
    // reading reviews does not hold the vendor: the interviewer answers
    // meanwhile, and the open review screen marks the sign-off stale
    team.ok(&alice, &["answer", "stale-co", "tech.iso27001", "no"]);
    reviewer.wait_for("STALE: answers changed since");
    let json: serde_json::Value = serde_json::from_str(&team.ok(&bob, &["score", "stale-co", "--json"])).unwrap();
    assert_eq!(json["signoffs"][0]["stale"], true);
    assert_eq!(json["signoffs"][0]["verified"], true);
    // and so does the list, where Esc goes straight back
    reviewer.keys(ESC);
    reviewer.wait_for(&format!("✓{bob}~"));
    reviewer.keys("q");
    reviewer.wait_exit();
}

#[test]
fn polling_sees_two_saves_in_one_second_and_a_killed_writer() {
    let Some(team) = team_vendor(2, "Poll Co") else { return };
    let (alice, bob) = (team.users[0].clone(), team.users[1].clone());
    let poll = [("CCVET_WATCH", "poll")];
    let mut follower = App::start_in_team(&team, &bob, "ws", &poll);
    follower.wait_for("Poll Co");
    follower.keys(ENTER);
    follower.wait_for("read-only");
    follower.keys("jjjjj");
    follower.wait_for("registered capital");
    // two saves of the same size within one second: both are seen
    for value in ["1200", "1300"] {
        team.ok(&alice, &["answer", "poll-co", "basic.registered-capital", value]);
        follower.wait_for(value);
    }
    // the interviewer opens it, then dies: the follower learns without a key
    let mut writer = App::start_in_team(&team, &alice, "ws", &poll);
    writer.wait_for("Poll Co");
    writer.keys(ENTER);
    writer.wait_for("What is the scope");
    follower.wait_for(&format!("{alice} is interviewing"));
    writer.child.kill().unwrap();
    let _ = writer.child.wait();
    follower.wait_for("is not writing now");
    follower.keys("q");
    follower.wait_exit();
}

#[test]
fn a_killed_writer_is_noticed_without_a_key_and_a_relative_workspace_follows() {
    let Some(team) = team_vendor(2, "Kill Co") else { return };
    let (alice, bob) = (team.users[0].clone(), team.users[1].clone());
    let mut writer = App::start_in_team(&team, &alice, &team.ws().display().to_string(), &[]);
    writer.wait_for("Kill Co");
    writer.keys(ENTER);
    writer.wait_for("What is the scope");
    // the follower names its workspace relatively
    let mut follower = App::start_in_team(&team, &bob, "ws", &[]);
    follower.wait_for(&format!("● {alice}"));
    follower.keys(ENTER);
    follower.wait_for(&format!("{alice} is interviewing"));
    writer.keys("1");
    follower.wait_for("(●) Nationwide licence");
    // kill -9: no key is pressed, yet the follower learns the writer left
    writer.child.kill().unwrap();
    let _ = writer.child.wait();
    follower.wait_for(&format!("{alice} is not writing now · T takes over"));
    follower.keys("q");
    follower.wait_exit();
}

#[test]
fn a_file_that_stops_reading_keeps_the_last_good_version_on_screen() {
    let (_dir, ws) = workspace();
    cli(&ws, "li.wei", &["new", "Half Co", "--assessed-on", "2026-11-24"]);
    cli(&ws, "li.wei", &["answer", "half-co", "basic.licence-scope", "nationwide"]);
    let mut app = App::start_as(&ws, 100, 30, "wang.fang");
    app.wait_for("Half Co");
    app.keys(ENTER);
    app.wait_for("(●) Nationwide licence");
    // someone saves a half-written file by hand
    std::fs::write(
        ws.join("vendors/half-co.toml"),
        "vendor = \"Half Co\"\n[answers.\"basic.licence-scope\"]\nvalue = \"prov",
    )
    .unwrap();
    app.wait_for("does not read");
    assert!(app.contents().contains("(●) Nationwide licence"));
    app.keys("q");
    app.wait_exit();
}

#[test]
fn a_large_workspace_opens_at_once_and_loads_every_vendor_in_the_background() {
    let (_dir, ws) = workspace();
    let vendors = ws.join("vendors");
    std::fs::create_dir_all(&vendors).unwrap();
    // More vendors than load before the first frame.
    for n in 0..150 {
        let text = format!(
            "vendor = \"Bulk {n:03}\"\nassessed_on = 2026-11-24\n[answers.\"tech.iso27001\"]\nvalue = {}\n",
            n % 2 == 0
        );
        std::fs::write(vendors.join(format!("bulk-{n:03}.toml")), text).unwrap();
    }
    let mut app = App::start(&ws, 100, 30);
    app.wait_until("every vendor loaded", |s| s.contains("Vendors (150)") && s.contains("Bulk 000"));
    // The end of the list is loaded too, with its score.
    app.keys("G");
    app.wait_until("the last vendor's row", |s| s.lines().any(|l| l.contains("Bulk 149") && l.contains('%')));
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn a_questionnaire_that_does_not_read_ends_the_app_with_its_lines_and_the_screen_back() {
    let (_dir, ws) = workspace();
    std::fs::create_dir_all(&ws).unwrap();
    std::fs::write(ws.join("questionnaire.toml"), "id = \"x\"\nversion = \"oops\"\n").unwrap();
    let mut app = App::start(&ws, 100, 30);
    let status = app.wait_exit();
    assert_eq!(status.exit_code(), 1);
    app.wait_for("questionnaire.toml:2:11: `version` of the questionnaire must be a whole number");
    let screen = app.screen.lock().unwrap();
    assert!(!screen.screen().alternate_screen(), "the main screen is back");
    assert!(!screen.screen().bracketed_paste());
}

#[test]
fn comments_from_other_sessions_show_live_in_review_folders_that_appear_later() {
    let (_dir, ws) = workspace();
    cli(&ws, "li.wei", &["new", "Late Co", "--assessed-on", "2026-11-24"]);
    assert!(!ws.join("reviews").exists(), "no review folder yet");
    let mut reviewer = App::start_as(&ws, 100, 30, "wang.fang");
    reviewer.wait_for("Late Co");
    reviewer.keys("S");
    reviewer.wait_for("Reviews and sign-offs");
    // The first comment makes `reviews/` and `reviews/late-co/`...
    cli(&ws, "zhang.san", &["review", "late-co", "--comment", "first 第一条"]);
    reviewer.wait_for("first 第一条");
    // ...and the next, another reviewer's file in that folder, is seen too:
    // the folder is watched from when it appeared.
    cli(&ws, "li.si", &["review", "late-co", "--comment", "second 第二条"]);
    reviewer.wait_for("second 第二条");
    cli(&ws, "zhang.san", &["review", "late-co", "--comment", "third 第三条"]);
    reviewer.wait_for("third 第三条");
    reviewer.keys("q");
    reviewer.wait_exit();
}

#[test]
fn a_follow_up_and_evidence_typed_in_the_app_reach_the_vendor_file() {
    let (dir, ws) = workspace();
    let file = ws.join("vendors/followup-test.toml");
    let home = dir.path().to_path_buf();
    let program = [env!("CARGO_BIN_EXE_ccvet").to_string()];
    let env = [("USER", "li.wei"), ("CCVET_TODAY", "2026-12-03")];
    let mut app = App::launch_program(&home, ws.to_str().unwrap(), 100, 30, &program, &env);
    app.wait_for("No vendors yet");
    app.keys("nFollowup Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    app.keys("1");
    app.wait_for("saved basic.licence-scope");
    // f: the guidance, editable; then the due date, 14 days on.
    app.keys("f");
    app.wait_for("New follow-up");
    app.keys(" 请附扫描件");
    app.keys(ENTER);
    app.wait_for("2026-12-17");
    app.keys(ENTER);
    let text = wait_for_file(&file, "the follow-up", |t| t.contains("followup = {"));
    assert!(text.contains("请附扫描件\", due = 2026-12-17, status = \"requested\" }"), "{text}");
    assert!(text.contains("ask = \"Cloud call centres are a class-2"), "{text}");
    app.wait_for("│ +1 │");
    // F: received.
    app.keys("F");
    wait_for_file(&file, "received", |t| t.contains("status = \"received\""));
    // a: a file relative to the workspace, copied in with its digest.
    std::fs::create_dir_all(ws.join("incoming")).unwrap();
    std::fs::write(ws.join("incoming/licence.pdf"), b"first").unwrap();
    app.keys("a");
    app.wait_for("Add evidence");
    app.keys("incoming/nothing.pdf");
    app.keys(ENTER);
    app.keys(ENTER);
    app.wait_for("no file incoming/nothing.pdf");
    for _ in 0.."nothing.pdf".len() {
        app.keys("\x7f");
    }
    app.keys("licence.pdf");
    app.keys(ENTER);
    app.keys("2028-05-31");
    app.keys(ENTER);
    // sha256("first")
    let sha = "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e";
    let text = wait_for_file(&file, "the evidence", |t| t.contains(sha));
    assert!(text.contains("file = \"evidence/followup-test/licence.pdf\""), "{text}");
    assert!(text.contains("expires = 2028-05-31"), "{text}");
    assert_eq!(std::fs::read(ws.join("evidence/followup-test/licence.pdf")).unwrap(), b"first");
    app.wait_for("digest matches");
    app.keys("q");
    assert!(app.wait_exit().success());
    // Opened again, the digest is checked in the background; a changed
    // file shows as changed.
    std::fs::write(ws.join("evidence/followup-test/licence.pdf"), b"tampered").unwrap();
    let mut app = App::launch_program(&home, ws.to_str().unwrap(), 100, 30, &program, &env);
    app.wait_for("Followup Test");
    app.keys(ENTER);
    app.wait_for("file changed since added");
    app.keys("q");
    assert!(app.wait_exit().success());
}

#[test]
fn a_new_cycle_started_from_the_vendor_list_keeps_the_last_one_as_history() {
    let (dir, ws) = workspace();
    let home = dir.path().to_path_buf();
    let program = [env!("CARGO_BIN_EXE_ccvet").to_string()];
    let env = [("USER", "li.wei"), ("CCVET_TODAY", "2025-11-24")];
    let mut app = App::launch_program(&home, ws.to_str().unwrap(), 100, 30, &program, &env);
    app.wait_for("No vendors yet");
    app.keys("nCycle Test");
    app.keys(ENTER);
    app.wait_for("What is the scope");
    app.keys("1");
    app.wait_for("saved basic.licence-scope");
    app.keys("q");
    assert!(app.wait_exit().success());
    let file = ws.join("vendors/cycle-test.toml");
    let before = std::fs::read(&file).unwrap();
    // A year on: the vendor is due (`!`), `d` finds it, `C` asks, `y` starts.
    let env = [("USER", "li.wei"), ("CCVET_TODAY", "2026-12-03")];
    let mut app = App::launch_program(&home, ws.to_str().unwrap(), 100, 30, &program, &env);
    app.wait_for("!Cycle Test");
    app.keys("d");
    app.keys("C");
    app.wait_for("Start a new assessment cycle on 2026-12-03?");
    app.keys("y");
    app.wait_for("new cycle assessed on 2026-12-03");
    app.wait_until("the due mark gone", |s| s.contains("  Cycle Test") || s.contains("▶ Cycle Test"));
    let history = ws.join("vendors/history/cycle-test/2025-11-24.toml");
    assert_eq!(std::fs::read(&history).unwrap(), before, "the last cycle is kept byte for byte");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.contains("assessed_on = 2026-12-03") && text.contains("carried = true"), "{text}");
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// `L` is remembered in the user's config: the next start speaks the
/// language chosen (the comment and other keys of the file stay), unless
/// `--lang` or `$CCVET_LANG` say otherwise.
#[test]
fn the_language_chosen_with_l_is_used_at_the_next_start() {
    let (dir, ws) = workspace();
    std::fs::create_dir_all(&ws).unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "# my settings\nname = \"李伟\"\n").unwrap();
    let program = [env!("CARGO_BIN_EXE_ccvet").to_string()];
    let start = |extra: &[&str], env: &[(&str, &str)]| {
        let mut program = program.to_vec();
        program.extend(extra.iter().map(|s| s.to_string()));
        let mut all = vec![("USER", "li.wei"), ("CCVET_CONFIG", config.to_str().unwrap())];
        all.extend_from_slice(env);
        App::launch_program(dir.path(), ws.to_str().unwrap(), 80, 24, &program, &all)
    };
    let mut app = start(&[], &[]);
    app.wait_for("No vendors yet");
    app.keys("L");
    app.wait_for("还没有服务商");
    let text = wait_for_file(&config, "lang = \"zh\"", |t| t.contains("lang = \"zh\""));
    assert_eq!(text, "# my settings\nname = \"李伟\"\nlang = \"zh\"\n");
    app.keys("q");
    assert!(app.wait_exit().success());
    // The next start is in Chinese.
    let mut app = start(&[], &[]);
    app.wait_for("还没有服务商");
    app.keys("q");
    assert!(app.wait_exit().success());
    // --lang and $CCVET_LANG win over the config, and change nothing in it.
    for (extra, env) in [(&["--lang", "en"][..], &[][..]), (&[], &[("CCVET_LANG", "en")][..])] {
        let mut app = start(extra, env);
        app.wait_for("No vendors yet");
        app.keys("q");
        assert!(app.wait_exit().success());
    }
    assert_eq!(std::fs::read_to_string(&config).unwrap(), text);
}

/// A vendor opened again in the same session resumes on the question it
/// was left on, not on the first.
#[test]
fn a_vendor_opened_again_resumes_where_it_was_left() {
    let (dir, ws) = workspace();
    let program = [env!("CARGO_BIN_EXE_ccvet").to_string()];
    let env = [("USER", "li.wei")];
    let mut app = App::launch_program(dir.path(), ws.to_str().unwrap(), 100, 30, &program, &env);
    app.wait_for("No vendors yet");
    app.keys("nResume Test");
    app.keys(ENTER);
    app.wait_for("1/11 ·");
    app.keys("jjj");
    app.wait_for("4/11 ·");
    app.keys(ESC);
    // The list, with no question on screen, before opening it again.
    app.wait_until("the vendor list", |s| s.contains("Vendors (1)") && !s.contains("4/11"));
    app.keys(ENTER);
    app.wait_for("4/11 ·");
    app.keys("q");
    assert!(app.wait_exit().success());
}

/// A terminal that hangs up without a SIGHUP reaching ccvet (it runs in a
/// session of its own, as under sudo or a detached wrapper): the app ends
/// rather than spinning a core on a read that returns nothing (crossterm
/// #793), which on a shared server burns CPU until someone kills it.
#[test]
fn a_terminal_that_hangs_up_ends_the_app_without_a_sighup() {
    let (dir, ws) = workspace();
    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    // `setsid -w`: ccvet in a new session (the pty is not its controlling
    // terminal, so closing it sends no SIGHUP); setsid waits for it.
    let mut cmd = CommandBuilder::new("setsid");
    cmd.args(["-w", env!("CARGO_BIN_EXE_ccvet"), "--workspace", ws.to_str().unwrap()]);
    cmd.env_clear();
    for (k, v) in [("TERM", "xterm-256color"), ("LANG", "C.UTF-8"), ("CCVET_CONFIG", "/nonexistent")] {
        cmd.env(k, v);
    }
    cmd.env("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
    cmd.env("HOME", dir.path());
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    // Read until the first frame is drawn, then let go of every end of
    // the master: the terminal hangs up.
    let mut reader = pair.master.try_clone_reader().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buf = [0u8; 4096];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if String::from_utf8_lossy(&seen).contains("No vendors yet") {
                break;
            }
        }
        let _ = tx.send(());
    });
    rx.recv_timeout(DEADLINE).expect("the first frame");
    // ccvet itself (setsid, the session leader, is hung up with the pty).
    let pgrep = std::process::Command::new("pgrep").args(["-f", ws.to_str().unwrap()]).output().unwrap();
    let pids: Vec<String> = String::from_utf8_lossy(&pgrep.stdout)
        .lines()
        .map(str::to_string)
        .filter(|p| {
            std::fs::read(format!("/proc/{p}/cmdline"))
                .is_ok_and(|c| c.starts_with(env!("CARGO_BIN_EXE_ccvet").as_bytes()))
        })
        .collect();
    assert_eq!(pids.len(), 1, "one ccvet running: {pids:?}");
    let alive = || {
        std::path::Path::new(&format!("/proc/{}", pids[0])).exists()
            && !std::fs::read_to_string(format!("/proc/{}/stat", pids[0])).is_ok_and(|s| s.contains(") Z "))
    };
    drop(pair.master);
    let _ = child.wait();
    let start = Instant::now();
    let ended = loop {
        if !alive() {
            break true;
        }
        if start.elapsed() > DEADLINE {
            break false;
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    if !ended {
        // Leave no spinning process behind.
        let _ = std::process::Command::new("kill").args(["-9", &pids[0]]).status();
    }
    assert!(ended, "ccvet kept running after its terminal hung up");
}
