//! ASCII mode (a terminal without UTF-8): every screen, in both languages,
//! at 80x24 and 120x40, drawn on ratatui's `TestBackend` with no cell
//! holding anything but printable ASCII; marks and borders keep their
//! places; and the binary's text output follows the same rule.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;
use ccvet::app::keymap::{Key, context, lookup};
use ccvet::app::state::{App, Interview, Screen, VendorRow};
use ccvet::app::update::update;
use ccvet::domain::text::Lang;
use ccvet::summary::Summary;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use common::fixtures::vendor;

const YUNLIAN: &str = r#"vendor = "云联科技 Yunlian Tech"
questionnaire = "cloud-call-center"
questionnaire_version = 1
assessed_on = 2026-11-24
interviewer = "李伟"

[answers."basic.licence-scope"]
value = "nationwide"
note = "证书编号 B2-20240001, Société Générale"

[answers."tech.iso27001"]
value = true
"#;

const ACME: &str = r#"vendor = "Acme Call"
assessed_on = 2026-11-24

[answers."basic.licence-scope"]
value = "none"
"#;

fn app(lang: Lang, width: u16, height: u16) -> App {
    let q = common::default_questionnaire();
    let mut app = App::new(q.clone(), lang, width, height);
    let mut rows: Vec<VendorRow> = [("yunlian", YUNLIAN), ("acme", ACME)]
        .into_iter()
        .map(|(slug, text)| VendorRow::Ok {
            summary: Box::new(Summary::of(&q, vendor(slug, text))),
            changed: "11-24 10:02".into(),
        })
        .collect();
    rows.push(VendorRow::Unreadable {
        path: "/ws/vendors/坏.toml".into(),
        slug: "坏".into(),
        error: "/ws/vendors/坏.toml:3:9: TOML syntax error".into(),
    });
    app.set_vendors(rows);
    app.ascii = true;
    app
}

fn interview(lang: Lang, width: u16, height: u16) -> App {
    let mut app = app(lang, width, height);
    app.interview = Some(Interview::new(&app.questionnaire, vendor("yunlian", YUNLIAN)));
    app.screen = Screen::Interview;
    app
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let key = Key::from_event(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        if let Some(action) = lookup(context(app), key) {
            update(app, action);
        }
    }
}

fn draw(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).unwrap();
    terminal.draw(|f| ccvet::ui::render(app, f)).unwrap();
    terminal.backend().buffer().clone()
}

fn rows(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// Every screen the app has, at one size and language.
fn screens(lang: Lang, w: u16, h: u16) -> Vec<(String, App)> {
    let mut all = vec![("vendors".to_string(), app(lang, w, h)), ("interview".to_string(), interview(lang, w, h))];
    let with = |name: &str, mut app: App, keys: &str| {
        press(&mut app, keys);
        (name.to_string(), app)
    };
    all.push(with("compare", app(lang, w, h), "c"));
    all.push(with("filter", app(lang, w, h), "/yun"));
    all.push(with("new vendor", app(lang, w, h), "n"));
    all.push(with("help", interview(lang, w, h), "?"));
    all.push(with("score panel", interview(lang, w, h), "s"));
    all.push(with("note", interview(lang, w, h), "e"));
    all.push(with("comment", interview(lang, w, h), "r"));
    all.push(with("review", interview(lang, w, h), "S"));
    all.push(with("next question", interview(lang, w, h), "jjjjj"));
    all
}

/// Nothing moved: every ASCII character of the UTF-8 frame is at the same
/// place in the ASCII frame, and every mark or line has its stand-in there.
fn assert_in_place(utf8: &Buffer, ascii: &Buffer, what: &str) {
    for y in 0..utf8.area.height {
        for x in 0..utf8.area.width {
            let before = utf8[(x, y)].symbol();
            let mut chars = before.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else { continue };
            let expected = if c.is_ascii() && c != ' ' {
                c
            } else if let Some(s) =
                ccvet::ascii::symbol(c).filter(|_| unicode_width::UnicodeWidthChar::width(c) == Some(1))
            {
                s
            } else {
                continue;
            };
            assert_eq!(
                ascii[(x, y)].symbol(),
                expected.to_string(),
                "{what}: {before:?} at {x},{y} moved\n{}",
                rows(ascii)
            );
        }
    }
}

#[test]
fn every_screen_draws_printable_ascii_only_at_both_sizes_in_both_languages() {
    let mut seen = 0;
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(80, 24), (120, 40)] {
            for (name, mut app) in screens(lang, w, h) {
                let buf = draw(&app);
                app.ascii = false;
                assert_in_place(&draw(&app), &buf, &format!("{name} {lang:?} {w}x{h}"));
                for (i, cell) in buf.content().iter().enumerate() {
                    let bad = cell.symbol().bytes().find(|b| !(0x20..=0x7e).contains(b));
                    assert!(bad.is_none(), "{name} {lang:?} {w}x{h}: cell {i} is {:?}\n{}", cell.symbol(), rows(&buf));
                    assert_eq!(cell.symbol().len(), 1, "{name}: one character per cell");
                }
                seen += 1;
            }
        }
    }
    assert_eq!(seen, 44);
    // The too-small message has a `×` in it.
    let tiny = draw(&app(Lang::Zh, 30, 6));
    assert!(tiny.content().iter().all(|c| c.symbol().is_ascii()), "{}", rows(&tiny));
}

#[test]
fn marks_and_borders_become_their_ascii_stand_ins_in_place() {
    let app = interview(Lang::En, 120, 40);
    let screen = rows(&draw(&app));
    insta::assert_snapshot!("ascii_interview_en_120x40", screen);
    // Answered (v), open (-) and the pinyin of the vendor's name.
    assert!(screen.contains("v "), "{screen}");
    assert!(screen.contains("Yun Lian Yunlian Tech"), "{screen}");
    // Chinese on an ASCII terminal: pinyin cut to the cells, nothing moved.
    insta::assert_snapshot!("ascii_interview_zh_80x24", rows(&draw(&interview(Lang::Zh, 80, 24))));
    let list = rows(&draw(&self::app(Lang::En, 80, 24)));
    insta::assert_snapshot!("ascii_vendors_en_80x24", list);
    assert!(list.contains("x DISQUALIFIED"), "{list}");
    assert!(list.contains('+') && list.contains('|'), "borders: {list}");
    // The same screen in UTF-8 has exactly as many cells per row: nothing
    // moved (the layout does not depend on the mode).
    let mut utf8 = self::app(Lang::En, 80, 24);
    utf8.ascii = false;
    let before = draw(&utf8);
    let after = draw(&self::app(Lang::En, 80, 24));
    for y in 0..24 {
        let plain = |buf: &Buffer, x: u16| buf[(x, y)].symbol().is_ascii() && buf[(x, y)].symbol() != " ";
        for x in 0..80 {
            if plain(&before, x) {
                assert_eq!(before[(x, y)].symbol(), after[(x, y)].symbol(), "ASCII text moved at {x},{y}");
            }
        }
    }
}

// ---------------------------------------------------------------- CLI

fn ccvet(home: &Path, locale: &str) -> Command {
    let mut cmd = Command::cargo_bin("ccvet").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("CCVET_CONFIG", home.join("config.toml"))
        .env("CCVET_WORKSPACE", home.join("ws"))
        .env("USER", "li.wei")
        .env("LANG", locale)
        .stdin(Stdio::null());
    cmd
}

fn run(home: &Path, locale: &str, args: &[&str]) -> (String, String) {
    let out = ccvet(home, locale).args(args).output().unwrap();
    assert!(out.status.success() || args[0] == "score", "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap())
}

fn printable(text: &str) -> bool {
    text.bytes().all(|b| (0x20..=0x7e).contains(&b) || b == b'\n' || b == b'\t')
}

#[test]
fn the_cli_prints_ascii_text_on_a_latin1_locale_and_leaves_json_and_csv_alone() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    let utf8 = "C.UTF-8";
    run(home, utf8, &["init"]);
    run(home, utf8, &["new", "云联科技 Yunlian Tech", "--assessed-on", "2026-11-24"]);
    run(home, utf8, &["new", "Acme Call", "--assessed-on", "2026-11-24"]);
    let y = "yun-lian-ke-ji-yunlian-tech";
    run(home, utf8, &["answer", y, "basic.licence-scope", "nationwide", "--note", "证书编号 B2"]);
    run(home, utf8, &["answer", "Acme Call", "basic.licence-scope", "none"]);

    let latin1 = "en_US.ISO-8859-1";
    for args in [
        vec!["list"],
        vec!["compare"],
        vec!["score", y],
        vec!["--lang", "zh", "score", y],
        vec!["--lang", "zh", "compare"],
        vec!["answer", y, "tech.iso27001", "yes"],
        vec!["validate"],
    ] {
        let (stdout, stderr) = run(home, latin1, &args);
        assert!(printable(&stdout), "{args:?} printed non-ASCII:\n{stdout}");
        assert!(printable(&stderr), "{args:?} printed non-ASCII on stderr:\n{stderr}");
    }
    let (text, _) = run(home, latin1, &["compare"]);
    assert!(text.contains("Yun Lian Yunlian Tech"), "{text}");
    // The same table in UTF-8 has the same shape: every line as wide.
    let (wide, _) = run(home, utf8, &["compare"]);
    let widths = |t: &str| t.lines().map(unicode_width::UnicodeWidthStr::width).collect::<Vec<_>>();
    assert_eq!(widths(&text), widths(&wide));

    // Data formats are not terminal text.
    let (json, _) = run(home, latin1, &["compare", "--json"]);
    assert!(json.contains("云联科技"));
    let (csv, _) = run(home, latin1, &["compare", "--csv"]);
    assert!(csv.contains("云联科技"));

    // Errors too, file names included.
    std::fs::write(home.join("ws/vendors/坏.toml"), "vendor = \"坏\"\n[answers\n").unwrap();
    let broken = ccvet(home, latin1).args(["score", "坏"]).output().unwrap();
    let stderr = String::from_utf8(broken.stderr).unwrap();
    assert_eq!(broken.status.code(), Some(1));
    assert!(printable(&stderr) && stderr.contains(".toml:2:9: TOML syntax error"), "{stderr}");
    std::fs::remove_file(home.join("ws/vendors/坏.toml")).unwrap();

    // CCVET_ASCII=1 on a UTF-8 locale; `ascii = true` in the config.
    let forced = ccvet(home, utf8).env("CCVET_ASCII", "1").arg("list").output().unwrap();
    assert!(printable(&String::from_utf8(forced.stdout).unwrap()));
    std::fs::write(home.join("config.toml"), "ascii = true\n").unwrap();
    let (configured, _) = run(home, utf8, &["list"]);
    assert!(printable(&configured) && configured.contains("Yun Lian"), "{configured}");
    let overruled = ccvet(home, utf8).env("CCVET_ASCII", "0").arg("list").output().unwrap();
    assert!(String::from_utf8(overruled.stdout).unwrap().contains("云联科技"));
}

// ---------------------------------------------------------------- terminal

/// The real app on a pseudo-terminal with a Latin-1 locale and a vt100:
/// every byte it writes (escape sequences included) is ASCII, the notice
/// says why, and a Chinese vendor name shows as pinyin.
#[test]
#[cfg(unix)]
fn the_app_on_a_latin1_vt100_writes_only_ascii_bytes() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    run(home, "C.UTF-8", &["new", "云联科技 Yunlian Tech", "--assessed-on", "2026-11-24"]);

    let pair = native_pty_system().openpty(PtySize { rows: 24, cols: 80, pixel_width: 0, pixel_height: 0 }).unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ccvet"));
    cmd.env_clear();
    cmd.cwd(home);
    for (k, v) in
        [("TERM", "vt100"), ("LANG", "en_US.ISO-8859-1"), ("USER", "li.wei"), ("HOME", home.to_str().unwrap())]
    {
        cmd.env(k, v);
    }
    cmd.env("CCVET_CONFIG", home.join("config.toml"));
    cmd.env("CCVET_WORKSPACE", home.join("ws"));
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let bytes = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&bytes);
    let mut reader = pair.master.try_clone_reader().unwrap();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    });
    let screen = || {
        let mut parser =
            vt100::Parser::new(std::num::NonZero::new(24).unwrap(), std::num::NonZero::new(80).unwrap(), 0);
        parser.process(&bytes.lock().unwrap());
        parser.screen().contents()
    };
    let deadline = Instant::now() + Duration::from_secs(10);
    while !(screen().contains("Yun Lian") && screen().contains("ASCII mode")) {
        assert!(Instant::now() < deadline, "waited for the vendor list in ASCII:\n{}", screen());
        std::thread::sleep(Duration::from_millis(5));
    }
    let mut writer = pair.master.take_writer().unwrap();
    writer.write_all(b"q").unwrap();
    writer.flush().unwrap();
    while child.try_wait().unwrap().is_none() {
        assert!(Instant::now() < deadline, "the app did not quit:\n{}", screen());
        std::thread::sleep(Duration::from_millis(5));
    }
    let written = bytes.lock().unwrap().clone();
    let high: Vec<usize> = written.iter().enumerate().filter(|(_, b)| **b > 0x7e).map(|(i, _)| i).collect();
    assert!(high.is_empty(), "bytes above 0x7E at {high:?} of {}", written.len());
}
