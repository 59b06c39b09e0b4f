//! Hostile vendor files: every fixture in `tests/fixtures/vendors/` says
//! what must happen to it: `# expect: LINE:COL: MESSAGE` (refused, never
//! written), `# expect-warning: …` or `# expect-issue: KEY: MESSAGE`
//! (loaded, the bad part flagged), or `# expect-ok`. Cases too big or too
//! binary for a fixture file are made here: a 10 MB string, deep nesting,
//! invalid UTF-8. Nothing may panic or hang; nothing refused is written.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::path::Path;

use ccvet::domain::scoring::score;
use ccvet::storage::Error;
use ccvet::storage::vendor::VendorFile;

/// What loading `path` amounts to, as `# expect…` lines.
fn outcome(path: &Path) -> Vec<String> {
    let q = common::default_questionnaire();
    let strip = |s: String| s.strip_prefix(&format!("{}:", path.display())).map(str::to_string).unwrap_or(s);
    match VendorFile::load(path) {
        Err(Error::Invalid { diagnostics, .. }) => {
            diagnostics.iter().map(|d| format!("expect: {}", strip(d.to_string()))).collect()
        }
        Err(other) => vec![format!("expect: (other error) {other}")],
        Ok(v) => {
            let mut lines: Vec<String> =
                v.warnings.iter().map(|w| format!("expect-warning: {}", strip(w.to_string()))).collect();
            let report = score(&q, &v.answers, v.meta.assessed_on);
            lines.extend(report.issues.iter().map(|i| format!("expect-issue: {}: {}", i.key, i.message)));
            if lines.is_empty() {
                lines.push("expect-ok".to_string());
            }
            lines
        }
    }
}

#[test]
fn every_hostile_vendor_fixture_gives_exactly_its_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vendors");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    assert!(paths.len() >= 15);
    let mut failures = Vec::new();
    for path in &paths {
        let text = String::from_utf8_lossy(&std::fs::read(path).unwrap()).into_owned();
        let want: Vec<String> = text
            .lines()
            .map(|l| l.trim_start_matches('\u{feff}').trim_end_matches('\r'))
            .filter_map(|l| l.strip_prefix("# "))
            .filter(|l| l.starts_with("expect"))
            .map(str::to_string)
            .collect();
        let got = outcome(path);
        if got != want {
            failures
                .push(format!("{}\n  want: {want:?}\n  got:  {got:?}", path.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn a_ten_megabyte_string_loads() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "vendor = \"Huge\"\n[answers.\"tech.iso27001\"]\nvalue = true\nnote = \"{}\"\n",
        "长".repeat(3_500_000)
    );
    let path = write(dir.path(), "huge.toml", text.as_bytes());
    let v = VendorFile::load(&path).unwrap();
    assert_eq!(v.answers["tech.iso27001"].note.as_ref().unwrap().len(), 10_500_000);
}

#[test]
fn deep_nesting_is_refused_with_its_position_not_a_stack_overflow() {
    let dir = tempfile::tempdir().unwrap();
    for depth in [1_000, 100_000] {
        let text = format!("vendor = \"Deep\"\nx = {}{}\n", "[".repeat(depth), "]".repeat(depth));
        let path = write(dir.path(), "deep.toml", text.as_bytes());
        match VendorFile::load(&path) {
            Err(Error::Invalid { diagnostics, .. }) => {
                assert!(diagnostics[0].message.contains("recurse"), "{}", diagnostics[0]);
                assert_eq!(diagnostics[0].position.unwrap().line, 2);
            }
            other => panic!("depth {depth}: {other:?}"),
        }
    }
}

#[test]
fn invalid_utf8_is_refused_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "latin1.toml", b"vendor = \"Caf\xe9\"\n");
    match VendorFile::load(&path) {
        Err(Error::Invalid { diagnostics, .. }) => {
            let p = diagnostics[0].position.unwrap();
            assert_eq!((p.line, p.col), (1, 14));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_refused_file_is_never_written_by_a_save() {
    let q = common::default_questionnaire();
    let dir = tempfile::tempdir().unwrap();
    let good = "vendor = \"G\"\nassessed_on = 2026-11-24\n";
    let path = write(dir.path(), "g.toml", good.as_bytes());
    let mut v = VendorFile::load(&path).unwrap();
    // the file is replaced by each hostile fixture that is refused
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vendors");
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let hostile = std::fs::read(entry.unwrap().path()).unwrap();
        if !String::from_utf8_lossy(&hostile).contains("# expect: ") {
            continue;
        }
        std::fs::write(&path, &hostile).unwrap();
        let edit = [ccvet::domain::answers::Edit::Value(ccvet::domain::answers::Value::Bool(true))];
        assert!(v.save(&q, "tech.iso27001", &edit, &ccvet::storage::atomic::RealFs, 0o600).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), hostile, "a refused file was written");
    }
}
