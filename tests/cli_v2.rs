//! Questionnaire v2 from the command line (product brief §10): exclusive
//! options refused when combined, an empty multi answer refused, hidden
//! questions in `score`/`compare --json`, and renamed questions read,
//! scored and moved at the next save.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};

#[path = "common/sandbox.rs"]
#[allow(dead_code)]
mod sandbox;
use sandbox::Sandbox;

impl Sandbox {
    fn new() -> Sandbox {
        Sandbox::with_env(&[("USER", "li.wei")])
    }

    fn vendor_file(&self, slug: &str) -> PathBuf {
        self.ws().join("vendors").join(format!("{slug}.toml"))
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        serde_json::from_str(&self.ok(args).stdout).unwrap()
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rename").join(name)
}

fn ids(v: &serde_json::Value) -> Vec<&str> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect()
}

#[test]
fn an_exclusive_option_combined_with_others_is_refused_and_none_of_these_answers() {
    let sb = Sandbox::new();
    sb.ok(&["new", "Trunk Ltd", "--assessed-on", "2026-11-24"]);
    let before = std::fs::read_to_string(sb.vendor_file("trunk-ltd")).unwrap();
    let r = sb.run(&["answer", "trunk-ltd", "tech.carrier-trunks", "china-mobile,none"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        "ccvet: `china-mobile,none` is not an answer to `tech.carrier-trunks`: \
         `none` is chosen alone or not at all, not together with other options\n"
    );
    // nothing ticked is no answer: refused, with the way to say "none"
    let r = sb.run(&["answer", "trunk-ltd", "tech.carrier-trunks", ""]);
    assert_eq!(r.code, 2);
    assert_eq!(
        r.stderr,
        "ccvet: `` is not an answer to `tech.carrier-trunks`: \
         a multi question takes at least one option id; if none applies, answer `none`\n"
    );
    assert_eq!(std::fs::read_to_string(sb.vendor_file("trunk-ltd")).unwrap(), before, "nothing written");
    // "none of these" alone: answered, and for trunks a red line
    let r = sb.ok(&["answer", "trunk-ltd", "tech.carrier-trunks", "none"]);
    assert!(r.stdout.contains("DISQUALIFIED"), "{}", r.stdout);
    let j = sb.json(&["score", "trunk-ltd", "--json"]);
    assert_eq!(ids(&j["knockouts"]), ["tech.carrier-trunks"]);
    assert_eq!(j["answered"], 1);
}

#[test]
fn a_file_combining_an_exclusive_option_is_flagged_and_left_as_written() {
    let sb = Sandbox::new();
    sb.ok(&["new", "Hand Ltd", "--assessed-on", "2026-11-24"]);
    let path = sb.vendor_file("hand-ltd");
    // filled in by hand, in the question's place in the file
    let header = "[answers.\"tech.carrier-trunks\"]\n";
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(header), "{text}");
    let text = text.replace(header, &format!("{header}value = [\"china-mobile\", \"china-telecom\", \"none\"]\n"));
    std::fs::write(&path, &text).unwrap();
    let j = sb.json(&["score", "hand-ltd", "--json"]);
    assert_eq!(j["issues"][0]["id"], "tech.carrier-trunks");
    assert_eq!(j["issues"][0]["message"], "`none` is chosen alone or not at all, yet other options are chosen too");
    assert_eq!(j["answered"], 0, "an invalid answer counts as unanswered");
    assert!(j["knockouts"].as_array().unwrap().is_empty());
    let r = sb.ok(&["score", "hand-ltd"]);
    assert!(r.stdout.contains("! tech.carrier-trunks: `none` is chosen alone"), "{}", r.stdout);
    // answering another question keeps it exactly as written
    sb.ok(&["answer", "hand-ltd", "tech.iso27001", "yes"]);
    assert!(
        std::fs::read_to_string(&path).unwrap().contains("value = [\"china-mobile\", \"china-telecom\", \"none\"]")
    );
}

#[test]
fn hidden_questions_are_listed_as_hidden_in_score_and_compare() {
    let sb = Sandbox::new();
    sb.ok(&["new", "Prov Ltd", "--assessed-on", "2026-11-24"]);
    sb.ok(&["answer", "prov-ltd", "basic.licence-scope", "nationwide"]);
    sb.ok(&["answer", "prov-ltd", "basic.licence-provinces", "广东"]);
    let j = sb.json(&["score", "prov-ltd", "--json"]);
    assert_eq!(ids(&j["hidden"]), ["basic.licence-provinces", "fit.finance-compliance", "fit.patient-records"]);
    let r = sb.ok(&["score", "prov-ltd"]);
    assert!(r.stdout.contains("Hidden     3 (condition not met, not scored): basic.licence-provinces,"));
    // the hidden answer stays in the file, and counts again when shown
    assert!(std::fs::read_to_string(sb.vendor_file("prov-ltd")).unwrap().contains("广东"));
    sb.ok(&["answer", "prov-ltd", "basic.licence-scope", "provincial"]);
    sb.ok(&["answer", "prov-ltd", "fit.industries", "finance,healthcare"]);
    let j = sb.json(&["compare", "--json"]);
    assert!(ids(&j[0]["hidden"]).is_empty(), "{}", j[0]["hidden"]);
    // the report says hidden, never unanswered
    sb.ok(&["answer", "prov-ltd", "fit.industries", "none"]);
    let r = sb.ok(&["report", "prov-ltd", "--format", "md"]);
    let at = r.stdout.find("patient-record system").unwrap();
    let line = r.stdout[at..].lines().find(|l| l.contains("Answer")).unwrap();
    assert!(line.contains("hidden (condition not met)"), "{line}");
}

#[test]
fn answers_under_renamed_keys_are_read_scored_and_moved_at_the_next_save() {
    let sb = Sandbox::new();
    std::fs::copy(fixture("questionnaire-v2.toml"), sb.ws().join("questionnaire.toml")).unwrap();
    let path = sb.vendor_file("old-answers-ltd");
    std::fs::copy(fixture("vendor-v1.toml"), &path).unwrap();
    // read and counted as the new questions' answers, not orphans
    let j = sb.json(&["score", "old-answers-ltd", "--json"]);
    assert!(ids(&j["orphans"]).is_empty(), "{}", j["orphans"]);
    assert_eq!((j["answered"].as_u64(), j["total"].as_u64()), (Some(2), Some(3)));
    assert_eq!(j["sections"][0]["score"], 100.0);
    assert_eq!(j["sections"][1]["score"], 0.0);
    // the next save, of any answer, writes them under the new keys with
    // their notes and comments, and records the questionnaire version
    sb.ok(&["answer", "old-answers-ltd", "ops.backups", "yes"]);
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        "vendor = \"Old Answers Ltd\"\nquestionnaire = \"renames\"\nquestionnaire_version = 2\nassessed_on = 2026-11-24\n\
         \n# seen the certificate in the meeting\n[answers.\"sec.iso27001\"]\nvalue = true\nnote = \"证书编号 ISMS-001\"\n\
         \n[answers.\"ops.audit-log\"]\nvalue = false\n\
         \n[answers.\"ops.backups\"]\nvalue = true\n"
    );
    let j = sb.json(&["score", "old-answers-ltd", "--json"]);
    assert_eq!((j["answered"].as_u64(), j["total"].as_u64()), (Some(3), Some(3)));
    // against the old questionnaire the new keys would be orphans: kept
    let old = fixture("questionnaire-v1.toml");
    let j = sb.json(&["--questionnaire", old.to_str().unwrap(), "score", "old-answers-ltd", "--json"]);
    assert_eq!(ids(&j["orphans"]).len(), 3);
}
