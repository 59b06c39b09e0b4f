//! Every validation rule has a fixture in `tests/fixtures/invalid/` whose
//! `# expect: LINE:COL: MESSAGE` lines are exactly the diagnostics it must
//! produce, in order. The default questionnaire and the warnings fixtures
//! must load.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::Path;

use ccvet::storage::Error;
use ccvet::storage::questionnaire::{embedded, load};

fn expected(text: &str) -> Vec<String> {
    text.lines().filter_map(|l| l.strip_prefix("# expect: ")).map(str::to_string).collect()
}

/// `path:line:col: message` without the path.
fn actual(path: &Path) -> Vec<String> {
    match load(path) {
        Ok(_) => vec!["(loaded without an error)".to_string()],
        Err(Error::Invalid { diagnostics, .. }) => diagnostics
            .iter()
            .map(|d| {
                let line = d.to_string();
                let prefix = format!("{}:", path.display());
                line.strip_prefix(&prefix).unwrap_or(&line).to_string()
            })
            .collect(),
        Err(other) => vec![format!("(other error) {other}")],
    }
}

#[test]
fn every_invalid_fixture_gives_exactly_its_messages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 40, "expected a fixture per rule, found {}", paths.len());
    let mut failures = Vec::new();
    for path in &paths {
        let want = expected(&std::fs::read_to_string(path).unwrap());
        assert!(!want.is_empty(), "{} has no `# expect:` line", path.display());
        let got = actual(path);
        if got != want {
            failures
                .push(format!("{}\n  want: {want:#?}\n  got:  {got:#?}", path.file_name().unwrap().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "{} fixtures differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_embedded_default_is_valid_and_complete() {
    let loaded = embedded().unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let q = &loaded.questionnaire;
    assert_eq!(q.id, "cloud-call-center");
    let ids: Vec<(&str, f64)> = q.sections.iter().map(|s| (s.id.as_str(), s.weight)).collect();
    assert_eq!(ids, [("basic", 20.0), ("tech", 35.0), ("service", 25.0), ("fit", 20.0)]);
    // 25-40 asked of every vendor, a few more only where they apply
    let n = q.questions().filter(|x| x.show_if.is_none()).count();
    assert!((25..=40).contains(&n), "{n} questions");
    let conditional: Vec<&str> = q.questions().filter(|x| x.show_if.is_some()).map(|x| x.key.as_str()).collect();
    assert!(conditional.len() >= 3 && conditional.len() <= 6, "{conditional:?}");
    // every multi question can be answered "none of these", once
    for question in q.questions() {
        if let ccvet::domain::questionnaire::Kind::Multi { options } = &question.kind {
            let alone: Vec<&str> = options.iter().filter(|o| o.exclusive).map(|o| o.id.as_str()).collect();
            assert_eq!(alone, ["none"], "{}", question.key);
        }
    }
    for question in q.questions() {
        assert!(question.help.is_some(), "{} has no guidance", question.key);
        assert!(!question.text.zh.is_empty() && !question.text.en.is_empty());
        assert_ne!(question.text.zh, question.text.en, "{} is not translated", question.key);
    }
    // the facts the brief names, as the kinds that fit them
    use ccvet::domain::questionnaire::Kind;
    let kind = |key: &str| q.question(key).map(|x| x.kind.name()).unwrap_or("missing");
    assert_eq!(kind("basic.licence-scope"), "choice");
    assert_eq!(kind("basic.licence-expiry"), "date");
    assert_eq!(kind("basic.registered-capital"), "number");
    assert_eq!(kind("tech.iso27001"), "yesno");
    assert_eq!(kind("service.sla-response-minutes"), "number");
    assert_eq!(kind("fit.industries"), "multi");
    let Some(Kind::Choice { options }) = q.question("basic.licence-scope").map(|x| &x.kind) else { panic!() };
    assert!(options.iter().any(|o| o.id == "none" && o.knockout.is_some()));
    assert!(matches!(q.question("basic.licence-expiry").unwrap().kind, Kind::Date { knockout: Some(_), .. }));
}

#[test]
fn the_shipped_vsaq_style_fixtures_load() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let loaded = load(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert!(loaded.questionnaire.questions().count() > 0);
    }
}

#[test]
fn unknown_fields_are_warnings_with_positions() {
    let text = "id = \"w\"\ntitle = \"W\"\ncolour = \"red\"\n[[sections]]\nid = \"s\"\ntitle = \"S\"\n[[sections.questions]]\nid = \"q\"\nkind = \"yesno\"\ntext = \"q\"\nwieght = 3\n";
    let (q, warnings) = ccvet::storage::questionnaire::parse(text).unwrap();
    assert_eq!(q.questions().count(), 1);
    let messages: Vec<&str> = warnings.iter().map(|w| w.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "unknown field `colour` in the questionnaire is ignored",
            "unknown field `wieght` in question `s.q` is ignored"
        ]
    );
}

#[test]
fn a_file_that_is_not_utf8_is_refused_at_the_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("latin1.toml");
    std::fs::write(&path, b"id = \"x\"\ntitle = \"caf\xe9\"\n").unwrap();
    let Err(Error::Invalid { diagnostics, .. }) = load(&path) else { panic!("must be refused") };
    let p = diagnostics[0].position.unwrap();
    assert_eq!((p.line, p.col), (2, 13));
    assert_eq!(diagnostics[0].message, "the file is not valid UTF-8 text");
}

#[test]
fn the_baked_default_questionnaire_is_the_toml_as_parsed() {
    use ccvet::storage::questionnaire::{BAKED, EMBEDDED, bake, parse};
    let (parsed, warnings) = parse(EMBEDDED).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(
        bake(&parsed) == BAKED,
        "questionnaires/cloud-call-center.baked is stale: run `cargo run --example bake` after editing the TOML"
    );
    // What the app loads is that questionnaire, its index rebuilt.
    let loaded = embedded().unwrap().questionnaire;
    assert!(bake(&loaded) == BAKED);
    for q in parsed.questions() {
        assert_eq!(loaded.position(&q.key), parsed.position(&q.key), "{}", q.key);
    }
}
