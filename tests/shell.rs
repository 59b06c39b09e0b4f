//! Shell integration from outside: completion scripts loaded into a real
//! bash (and completing vendor slugs and question keys of a temporary
//! workspace), and the manual page rendered by groff with warnings on.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::CommandCargoExt;

fn ccvet(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("ccvet").unwrap();
    cmd.env_clear()
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("CCVET_CONFIG", home.join("config.toml"))
        .env("CCVET_WORKSPACE", home.join("ws"))
        .env("USER", "li.wei")
        .env("LANG", "C.UTF-8")
        .stdin(Stdio::null());
    cmd
}

fn ok(home: &Path, args: &[&str]) -> String {
    let out = ccvet(home).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// `program` if it runs here; otherwise says why the test is skipped.
fn have(program: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        eprintln!("skipped: `{program}` is not installed");
    }
    found
}

fn bin_dir() -> PathBuf {
    let bin = assert_cmd::cargo::cargo_bin("ccvet");
    bin.parent().unwrap().to_path_buf()
}

/// Runs `script` in bash with the ccvet under test first on PATH and the
/// sandbox's environment; returns stdout.
fn bash(home: &Path, script: &str) -> String {
    run_in(home, "bash", &["--norc", "--noprofile", "-c", script])
}

fn run_in(home: &Path, program: &str, args: &[&str]) -> String {
    let path = format!("{}:{}", bin_dir().display(), std::env::var("PATH").unwrap_or_default());
    let out = Command::new(program)
        .args(args)
        .env_clear()
        .env("PATH", path)
        .env("HOME", home)
        .env("CCVET_CONFIG", home.join("config.toml"))
        .env("CCVET_WORKSPACE", home.join("ws"))
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    assert!(out.status.success(), "{program} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Completes the last word of `line` as bash would on Tab.
fn tab(home: &Path, script: &Path, line: &[&str]) -> Vec<String> {
    let words: Vec<String> = line.iter().map(|w| format!("'{w}'")).collect();
    let cword = line.len() - 1;
    let cur = line[cword];
    let prev = if cword > 0 { line[cword - 1] } else { "" };
    let out = bash(
        home,
        &format!(
            "source '{}'; COMP_WORDS=({}); COMP_CWORD={cword}; _clap_complete_ccvet ccvet '{cur}' '{prev}'; \
             printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            script.display(),
            words.join(" ")
        ),
    );
    out.lines().map(str::to_string).filter(|l| !l.is_empty()).collect()
}

#[test]
fn the_bash_script_registers_and_completes_slugs_keys_and_commands() {
    if !have("bash") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path();
    ok(home, &["init"]);
    ok(home, &["new", "Acme Call"]);
    ok(home, &["new", "云联科技 Yunlian Tech"]);
    let script = home.join("ccvet.bash");
    std::fs::write(&script, ok(home, &["completions", "bash"])).unwrap();

    let registered = bash(home, &format!("source '{}'; complete -p ccvet", script.display()));
    assert!(registered.contains("-F _clap_complete_ccvet ccvet"), "{registered}");

    assert_eq!(tab(home, &script, &["ccvet", "sco"]), ["score"]);
    let slugs = tab(home, &script, &["ccvet", "score", "a"]);
    assert_eq!(slugs, ["acme-call"]);
    let all = tab(home, &script, &["ccvet", "report", ""]);
    assert!(all.contains(&"yun-lian-ke-ji-yunlian-tech".to_string()), "{all:?}");
    let keys = tab(home, &script, &["ccvet", "answer", "acme-call", "basic.licence-s"]);
    assert_eq!(keys, ["basic.licence-scope"]);
    let on_review = tab(home, &script, &["ccvet", "review", "acme-call", "--question", "tech.iso"]);
    assert_eq!(on_review, ["tech.iso27001"]);

    // --workspace typed on the line wins over $CCVET_WORKSPACE.
    let other = home.join("other");
    let out = ccvet(home).args(["--workspace", other.to_str().unwrap(), "new", "Beta Voice"]).output().unwrap();
    assert!(out.status.success());
    let there = tab(home, &script, &["ccvet", "--workspace", other.to_str().unwrap(), "score", ""]);
    assert!(there.contains(&"beta-voice".to_string()) && !there.contains(&"acme-call".to_string()), "{there:?}");
}

/// A workspace with one vendor, and `ccvet completions SHELL` in a file.
fn workspace_and_script(shell: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["new", "Acme Call"]);
    let script = dir.path().join(format!("ccvet.{shell}"));
    std::fs::write(&script, ok(dir.path(), &["completions", shell])).unwrap();
    (dir, script)
}

#[test]
fn fish_completes_slugs_and_keys_with_their_text() {
    if !have("fish") {
        return;
    }
    let (dir, script) = workspace_and_script("fish");
    let complete = |line: &str| {
        run_in(
            dir.path(),
            "fish",
            &["--no-config", "-c", &format!("source '{}'; complete -C '{line}'", script.display())],
        )
    };
    assert_eq!(complete("ccvet score a").trim(), "acme-call");
    let keys = complete("ccvet answer acme-call basic.licence-s");
    assert!(keys.starts_with("basic.licence-scope\tWhat is the scope"), "{keys}");
}

#[test]
fn zsh_completes_slugs_and_keys_with_their_text() {
    if !have("zsh") {
        return;
    }
    let (dir, script) = workspace_and_script("zsh");
    // compdef and _describe belong to zsh's completion system; stand-ins
    // print what the script registers and offers.
    let complete = |words: &str, current: usize| {
        let stubs = r#"compdef() { print -r -- "compdef $*"; }; _describe() { print -rl -- "${(@P)3}"; }"#;
        run_in(
            dir.path(),
            "zsh",
            &[
                "-f",
                "-c",
                &format!(
                    "{stubs}; source '{}'; words=({words}); CURRENT={current}; _clap_dynamic_completer_ccvet",
                    script.display()
                ),
            ],
        )
    };
    let out = complete("ccvet score a", 3);
    assert_eq!(out, "compdef _clap_dynamic_completer_ccvet ccvet\nacme-call\n");
    let keys = complete("ccvet answer acme-call basic.licence-s", 4);
    assert!(keys.contains("\nbasic.licence-scope:What is the scope"), "{keys}");
}

#[test]
fn every_shell_gets_a_script_and_the_ones_installed_here_accept_it() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, check) in
        [("bash", Some(("bash", "-n"))), ("zsh", Some(("zsh", "-n"))), ("fish", Some(("fish", "--no-execute")))]
            .into_iter()
            .chain([("powershell", None), ("elvish", None)])
    {
        let script = ok(dir.path(), &["completions", shell]);
        assert!(script.contains("CCVET_COMPLETE") && script.contains("ccvet"), "{shell}: {script}");
        if let Some((program, flag)) = check
            && have(program)
        {
            let file = dir.path().join(format!("ccvet.{shell}"));
            std::fs::write(&file, &script).unwrap();
            let status = Command::new(program).arg(flag).arg(&file).status().unwrap();
            assert!(status.success(), "{program} rejects the {shell} script");
        }
    }
    let out = ccvet(dir.path()).args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an unknown shell is a usage error");
}

/// groff's complaints about `page`, with every warning turned on.
fn groff_warnings(page: &Path) -> String {
    let out = Command::new("groff").args(["-man", "-Tutf8", "-ww", "-z"]).arg(page).output().unwrap();
    assert!(out.status.success(), "groff failed on {}", page.display());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn the_manual_page_renders_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let page = ok(dir.path(), &["man"]);
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH SUBCOMMANDS", "EXIT STATUS", ".SH ENVIRONMENT", ".SH FILES"] {
        assert!(page.contains(section), "no {section}");
    }
    for var in ["CCVET_WORKSPACE", "CCVET_CONFIG", "CCVET_WATCH", "NO_COLOR", "CCVET_ASCII"] {
        assert!(page.contains(var), "{var} is not documented");
    }
    for command in ["validate", "init", "new", "answer", "score", "compare", "review", "report", "list", "completions"]
    {
        assert!(page.contains(&format!("ccvet\\-{command}(1)")), "{command} is not listed");
    }
    assert!(page.is_ascii(), "a man page in plain ASCII reads on any terminal");

    let pages = dir.path().join("man1");
    let listed = ok(dir.path(), &["man", "--dir", pages.to_str().unwrap()]);
    // One page per visible subcommand (other than help), and ccvet.1.
    use clap::CommandFactory;
    let commands = ccvet::cli::Args::command().get_subcommands().filter(|c| !c.is_hide_set()).count();
    assert_eq!(listed.lines().count(), commands + 1, "{listed}");
    assert_eq!(std::fs::read_to_string(pages.join("ccvet.1")).unwrap(), page);
    assert!(pages.join("ccvet-answer.1").is_file());

    if !have("groff") {
        return;
    }
    let main = dir.path().join("ccvet.1");
    std::fs::write(&main, &page).unwrap();
    assert_eq!(groff_warnings(&main), "");
    for entry in std::fs::read_dir(&pages).unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(groff_warnings(&path), "", "{}", path.display());
    }
}
