//! `ccvet validate FILE` on a vendor file: checked against the workspace's
//! questionnaire (unknown question keys, values of the wrong kind, bad
//! dates, follow-up and evidence shapes), every problem as
//! `path:line:col: sentence`, exit 1 when there is an error.

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use super::context::Context;
use super::{CliError, Output};
use crate::domain::scoring::{Outcome, evaluate};
use crate::domain::text::Lang;
use crate::domain::validate::Severity;
use crate::safe_text::visible;
use crate::storage::Error;
use crate::storage::source::Diagnostic;
use crate::storage::vendor::VendorFile;

/// Is the file at `path` (with `text`, when it reads) a vendor file rather
/// than a questionnaire? One with `vendor =` or `[answers]` and no
/// `[[sections]]`, or one under a `vendors/` folder that has no sections.
pub fn is_vendor_file(path: &Path, text: Option<&str>) -> bool {
    let under_vendors = path.ancestors().skip(1).any(|a| a.file_name().is_some_and(|n| n == "vendors"));
    let Some(text) = text else { return under_vendors };
    match toml::de::DeTable::parse(text) {
        Ok(doc) => {
            let doc = doc.get_ref();
            let sections = doc.contains_key("sections");
            !sections && (under_vendors || doc.contains_key("vendor") || doc.contains_key("answers"))
        }
        // A file that does not parse: where it lives decides.
        Err(_) => under_vendors,
    }
}

pub fn validate(ctx: &Context, path: &Path) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let loaded = ctx.questionnaire()?;
    let q = &loaded.questionnaire;
    let vendor = match VendorFile::load(path) {
        Ok(v) => v,
        Err(Error::Invalid { diagnostics, .. }) => return Ok(report(&diagnostics, lang)),
        Err(e) => return Err(CliError::Data(e)),
    };
    // What reading let pass with a warning (a follow-up or evidence entry
    // of the wrong shape, a key that is not `section.question`) is an
    // error here: the file says something ccvet cannot read.
    let mut found: Vec<Diagnostic> =
        vendor.warnings.iter().cloned().map(|d| Diagnostic { severity: Severity::Error, ..d }).collect();
    let at = |span: &crate::domain::Span, severity, message: String| {
        Diagnostic::at(path, vendor.text(), span, severity, message)
    };
    for question in q.questions() {
        let Some(answer) = q.answer(&vendor.answers, question) else { continue };
        if let Outcome::Invalid(why) = evaluate(question, Some(answer), vendor.meta.assessed_on) {
            found.push(at(&answer.span, Severity::Error, format!("answer `{}`: {why}", question.key)));
        }
    }
    for (key, answer) in &vendor.answers {
        if q.is_orphan(&vendor.answers, key) && key.contains('.') {
            let message = msg::NOT_A_QUESTION_OF.fill(lang, &[("key", key), ("id", &q.id)]);
            found.push(at(&answer.span, Severity::Error, message));
        }
    }
    if let Some(mismatch) = crate::summary::questionnaire_mismatch(q, &vendor.meta, lang) {
        found.push(Diagnostic {
            path: path.to_path_buf(),
            position: None,
            severity: Severity::Warning,
            message: mismatch,
        });
    }
    found.sort_by_key(|d| (d.severity != Severity::Error, d.position.map(|p| (p.line, p.col))));
    if found.iter().any(Diagnostic::is_error) {
        return Ok(report(&found, lang));
    }
    let mut out = report(&found, lang);
    let answers = vendor.answers.values().filter(|a| a.value.is_some() || a.na).count();
    let ok = if answers == 1 { msg::VENDOR_FILE_OK_ONE } else { msg::VENDOR_FILE_OK_MANY };
    let line = ok.fill(
        lang,
        &[
            ("path", &visible(&path.display().to_string())),
            ("name", &visible(&vendor.meta.vendor)),
            ("answers", &answers),
            ("id", &visible(&q.id)),
            ("version", &q.version),
            ("warnings", &warnings(found.len(), lang)),
        ],
    );
    let _ = writeln!(out.stdout, "{line}");
    Ok(out)
}

fn warnings(n: usize, lang: Lang) -> String {
    match n {
        0 => String::new(),
        1 => msg::VALIDATE_ONE_WARNING.text(lang).to_string(),
        n => msg::VALIDATE_WARNINGS.fill(lang, &[("n", &n)]),
    }
}

/// Every diagnostic on stderr, then how many errors; failed when any.
fn report(diagnostics: &[Diagnostic], lang: Lang) -> Output {
    let mut out = Output::default();
    for d in diagnostics {
        let _ = writeln!(out.stderr, "{}", d.in_lang(lang));
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    if errors > 0 {
        out.failed = true;
        let found = if errors == 1 { msg::ONE_ERROR_FOUND } else { msg::ERRORS_FOUND };
        let _ = writeln!(out.stderr, "{}", found.fill(lang, &[("n", &errors)]));
    }
    out
}
