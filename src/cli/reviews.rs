//! Reviews on the command line: `ccvet review VENDOR` alone lists them,
//! and `score` ends with the sign-offs. Unverified files (not owned by the
//! account they name) are shown, marked, and never counted.

use crate::i18n::cli as msg;
use std::fmt::Write;

use super::context::Context;
use super::{CliError, Output};
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::review::{self, Review};
use crate::storage::vendor::VendorFile;

/// `ccvet review VENDOR`: every sign-off and comment.
pub fn reviews(ctx: &Context, wanted: &str) -> Result<Output, CliError> {
    let vendor = ctx.find_vendor(wanted)?;
    let lang = ctx.lang;
    let mut out = format!("{}\n", visible(&vendor.meta.vendor));
    out.push_str(&signoffs_text(&vendor, true, lang));
    Ok(Output { stdout: out, ..Output::default() })
}

/// Reviews that read, and one line per file that does not.
fn load(vendor: &VendorFile, out: &mut String) -> Vec<Review> {
    let mut reviews = Vec::new();
    for r in review::load_all_of(vendor) {
        match r {
            Ok(r) => reviews.push(r),
            Err(e) => {
                let _ = writeln!(out, "! {e}");
            }
        }
    }
    reviews
}

/// Who holds the vendor, then each sign-off (and with `comments`, every
/// comment), one per line.
pub fn signoffs_text(vendor: &VendorFile, comments: bool, lang: Lang) -> String {
    let mut out = String::new();
    if let Some(h) = crate::storage::lock::holder_of(&vendor.path) {
        let _ = writeln!(
            out,
            "● {} {} ({}, since {})",
            visible(&h.user),
            msg::IS_INTERVIEWING.text(lang),
            visible(&h.host),
            visible(&h.since)
        );
    }
    let reviews = load(vendor, &mut out);
    let states = review::signoff_states(&reviews, vendor.text());
    if comments && states.is_empty() {
        let _ = writeln!(out, "{}", msg::NO_SIGN_OFFS_YET.text(lang));
    }
    for s in &states {
        let _ = writeln!(
            out,
            "{} {} {} {}{}{}{}",
            s.decision.mark(),
            s.decision.name(),
            visible(&s.user),
            visible(&s.at),
            if s.stale { msg::STALE_ANSWERS_CHANGED_SINCE.text(lang) } else { "" },
            if s.verified { "" } else { msg::UNVERIFIED_NOT_COUNTED.text(lang) },
            s.comment.as_deref().map_or(String::new(), |c| format!("\n    {}", visible(c)))
        );
    }
    for r in reviews.iter().filter(|r| !r.verified) {
        let _ = writeln!(
            out,
            "⚠ {}",
            visible(&msg::REVIEW_UNVERIFIED.fill(lang, &[("user", &r.user), ("owner", &r.owner)]))
        );
    }
    if comments {
        for r in &reviews {
            for c in &r.file.comments {
                let on = c.question.as_deref().map_or_else(|| msg::THE_VENDOR.text(lang).to_string(), str::to_string);
                let _ = writeln!(
                    out,
                    "💬 {}{} {} ({}): {}",
                    visible(&r.user),
                    if r.verified { "" } else { msg::UNVERIFIED.text(lang) },
                    visible(&c.at),
                    visible(&on),
                    visible(&c.text)
                );
            }
        }
    }
    out
}
