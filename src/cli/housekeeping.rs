//! `ccvet rename`, `ccvet archive [--restore]` and `ccvet list --archived`.
//! The work is in `storage::housekeeping`; this prints it, in zh or en.

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use super::context::Context;
use super::{CliError, Output};
use crate::safe_text::visible;
use crate::storage::housekeeping::{self, HkError, Refusal};
use crate::storage::vendor::VendorFile;

pub fn rename(ctx: &Context, wanted: &str, new_name: &str) -> Result<Output, CliError> {
    let vendor = ctx.find_vendor(wanted)?;
    let me = crate::system::holder(&ctx.user);
    let done = match housekeeping::rename(&ctx.workspace, &vendor.path, new_name, &me) {
        Ok(done) => done,
        // Nothing to do is not a failure.
        Err(HkError::Refused(r @ Refusal::SameName)) => {
            return Ok(Output { stdout: format!("{}\n", r.sentence(ctx.lang)), ..Output::default() });
        }
        Err(e) => return Err(refused(ctx, e)),
    };
    let lang = ctx.lang;
    let mut stdout = msg::RENAMED_FROM_TO.fill(
        lang,
        &[
            ("old", &visible(&vendor.meta.vendor)),
            ("old_slug", &visible(&done.old_slug)),
            ("new", &visible(&done.vendor.meta.vendor)),
            ("slug", &visible(&done.vendor.slug)),
            ("path", &shown(ctx, &done.vendor.path)),
        ],
    );
    stdout.push('\n');
    for dir in &done.moved {
        let _ = writeln!(stdout, "  {} {}", msg::MOVED.text(lang), shown(ctx, dir));
    }
    for (dir, why) in &done.kept {
        let line = msg::STAYS_FOUND_THROUGH_ALIAS.fill(lang, &[("dir", &shown(ctx, dir)), ("why", &visible(why))]);
        let _ = writeln!(stdout, "  {line}");
    }
    Ok(Output { stdout, ..Output::default() })
}

pub fn archive(ctx: &Context, wanted: &str) -> Result<Output, CliError> {
    let vendor = ctx.find_vendor(wanted)?;
    let me = crate::system::holder(&ctx.user);
    let (_, target) = housekeeping::archive(&ctx.workspace, &vendor.path, &me).map_err(|e| refused(ctx, e))?;
    let mut stdout = msg::ARCHIVED_TO.fill(
        ctx.lang,
        &[("name", &visible(&vendor.meta.vendor)), ("slug", &visible(&vendor.slug)), ("path", &shown(ctx, &target))],
    );
    stdout.push('\n');
    Ok(Output { stdout, ..Output::default() })
}

pub fn restore(ctx: &Context, wanted: &str) -> Result<Output, CliError> {
    let me = crate::system::holder(&ctx.user);
    let vendor = housekeeping::restore(&ctx.workspace, wanted, &me).map_err(|e| refused(ctx, e))?;
    let mut stdout = msg::RESTORED_TO.fill(
        ctx.lang,
        &[
            ("name", &visible(&vendor.meta.vendor)),
            ("slug", &visible(&vendor.slug)),
            ("path", &shown(ctx, &vendor.path)),
        ],
    );
    stdout.push('\n');
    Ok(Output { stdout, ..Output::default() })
}

pub fn list_archived(ctx: &Context) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let paths = housekeeping::archived_paths(&ctx.workspace)?;
    let mut out = Output::default();
    let _ = writeln!(
        out.stdout,
        "{} {}",
        msg::ARCHIVED_VENDORS_IN.text(lang),
        shown(ctx, &housekeeping::archive_dir(&ctx.workspace))
    );
    if paths.is_empty() {
        let _ = writeln!(out.stdout, "{}", msg::NONE.text(lang));
    }
    for path in paths {
        match VendorFile::load(&path) {
            Ok(v) => {
                let on = v.meta.assessed_on.map(|d| d.to_string()).unwrap_or_else(|| "-".to_string());
                let _ = writeln!(
                    out.stdout,
                    "  {} [{}]  {} {on}",
                    visible(&v.meta.vendor),
                    visible(&v.slug),
                    msg::ASSESSED_ON.text(lang)
                );
            }
            Err(e) => {
                let _ = writeln!(out.stderr, "{e}");
                out.failed = true;
            }
        }
    }
    Ok(out)
}

/// A refusal as one sentence in the output language (exit 1; a vendor
/// that is not there is a usage error, exit 2, as everywhere).
fn refused(ctx: &Context, e: HkError) -> CliError {
    match e {
        HkError::Refused(r @ Refusal::NotArchived(_)) => CliError::Usage(r.sentence(ctx.lang)),
        HkError::Refused(r) => CliError::Failed(r.sentence(ctx.lang)),
        HkError::Storage(e) => CliError::Data(e),
    }
}

fn shown(ctx: &Context, path: &Path) -> String {
    let rel = path.strip_prefix(&ctx.workspace.root).unwrap_or(path);
    visible(&rel.display().to_string()).into_owned()
}
