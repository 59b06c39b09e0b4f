//! `ccvet init [--group TEAM] [DIR]` and `ccvet doctor [--fix]`: a team
//! workspace made right, and checked. Every problem is one sentence with
//! its fix.

use crate::i18n::cli as msg;
use std::fmt::Write;
use std::path::Path;

use super::context::Context;
use super::{CliError, Output};
use crate::domain::text::Lang;
use crate::safe_text::visible;
use crate::storage::atomic::RealFs;
use crate::storage::identity;
use crate::storage::team::{self, Finding, Problem, Repair};
use crate::storage::workspace::Workspace;

pub fn init(ctx: &Context, dir: Option<&Path>, group: Option<&str>) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let root = dir.map_or_else(|| ctx.workspace.root.clone(), Path::to_path_buf);
    let mut out = Output::default();
    if let Some(group) = group {
        let gid = identity::gid_of_group(group)
            .ok_or_else(|| CliError::Usage(msg::NO_SUCH_GROUP.fill(ctx.lang, &[("group", &visible(group))])))?;
        let is_workspace = root.join("vendors").is_dir() || root.join("questionnaire.toml").is_file();
        let empty = std::fs::read_dir(&root).map_or(true, |mut entries| entries.next().is_none());
        if !empty && !is_workspace {
            let path = visible(&root.display().to_string()).into_owned();
            return Err(CliError::Failed(msg::INIT_NOT_EMPTY.fill(ctx.lang, &[("path", &path)])));
        }
        team::make_team_root(&root, gid).map_err(|e| {
            let path = visible(&root.display().to_string()).into_owned();
            CliError::Failed(msg::INIT_CANNOT_CHGRP.fill(ctx.lang, &[("path", &path), ("group", &group), ("why", &e)]))
        })?;
    }
    let mut ws = Workspace::at(&root);
    let copied = ws.init(&RealFs)?;
    // Whatever made before the folder was shared (or with a narrow umask)
    // gets the workspace's modes now.
    let repairs = team::fix(&team::check(&ws.root));
    let shown_root = visible(&ws.root.display().to_string()).into_owned();
    let _ = writeln!(out.stdout, "{} {shown_root}", msg::WORKSPACE_READY.text(lang));
    if let Some((modes, Some(gid))) = team::team_of(&ws.root) {
        let _ = writeln!(
            out.stdout,
            "  {} `{}`: {} {:04o}, {} {:04o}, {} {:04o}",
            msg::TEAM_WORKSPACE_OF_GROUP.text(lang),
            visible(&identity::group_name(gid)),
            msg::FOLDERS.text(lang),
            modes.dir,
            msg::REVIEW_FOLDERS.text(lang),
            modes.review_dir(),
            msg::FILES.text(lang),
            modes.file
        );
    }
    let _ = writeln!(
        out.stdout,
        "  {}",
        if copied { msg::INIT_QUESTIONNAIRE_COPIED } else { msg::INIT_QUESTIONNAIRE_KEPT }.text(lang)
    );
    let _ = writeln!(out.stdout, "  {}", msg::VENDORS_ONE_FILE_PER_VENDOR.text(lang));
    let _ = writeln!(out.stdout, "  {}", msg::REVIEWS_REVIEWERS_COMMENTS_AND_SIGN.text(lang));
    report_repairs(&mut out, &ws.root, &repairs, lang);
    out.stdout.push_str(&super::git::init_git(&ws.root, ws.modes.file, lang)?);
    Ok(out)
}

pub fn doctor(ctx: &Context, fix: bool) -> Result<Output, CliError> {
    let lang = ctx.lang;
    let root = &ctx.workspace.root;
    if !root.is_dir() {
        return Err(CliError::Failed(format!(
            "{}: {}",
            visible(&root.display().to_string()),
            msg::NO_WORKSPACE_HERE_CCVET_INIT.text(lang)
        )));
    }
    let mut out = Output::default();
    let findings = team::check(root);
    let mut problems = 0;
    if fix {
        let repairs = team::fix(&findings);
        problems += repairs.iter().filter(|(_, r)| *r != Repair::Fixed).count();
        report_repairs(&mut out, root, &repairs, lang);
    } else {
        for f in &findings {
            let _ = writeln!(out.stdout, "✗ {}", sentence(root, f, lang));
        }
        problems += findings.len();
    }
    for line in git_problems(root, lang) {
        let _ = writeln!(out.stdout, "✗ {line}");
        problems += 1;
    }
    if let Some(advice) = sshd_advice(lang) {
        let _ = writeln!(out.stdout, "· {advice}");
    }
    if problems == 0 {
        let _ = writeln!(out.stdout, "✓ {}", msg::THE_WORKSPACE_IS_IN_ORDER.text(lang));
    } else {
        let _ = writeln!(out.stdout, "{problems} {}", msg::PROBLEM_S_CCVET_DOCTOR_FIX.text(lang));
        out.failed = true;
    }
    Ok(out)
}

fn report_repairs(out: &mut Output, root: &Path, repairs: &[(Finding, Repair)], lang: Lang) {
    for (f, repair) in repairs {
        let what = sentence(root, f, lang);
        let line = match repair {
            Repair::Fixed => msg::REPAIR_FIXED.fill(lang, &[("what", &what)]),
            Repair::NeedsOwner(who) => msg::REPAIR_NEEDS_OWNER.fill(lang, &[("what", &what), ("who", &visible(who))]),
            Repair::ForAPerson => format!("✗ {what}"),
            Repair::Failed(why) => msg::REPAIR_FAILED.fill(lang, &[("what", &what), ("why", &visible(why))]),
        };
        let _ = writeln!(out.stdout, "{line}");
    }
}

/// One finding as a sentence with its fix.
fn sentence(root: &Path, f: &Finding, lang: Lang) -> String {
    let path = f.path.strip_prefix(root).map_or_else(|_| f.path.clone(), Path::to_path_buf);
    let path = if path.as_os_str().is_empty() { ".".to_string() } else { path.display().to_string() };
    let path = visible(&path).into_owned();
    let full = visible(&f.path.display().to_string()).into_owned();
    let want = format!("{:04o}", f.expected.mode);
    let group = f.expected.gid.map(identity::group_name).unwrap_or_default();
    let base: [(&str, &dyn std::fmt::Display); 4] =
        [("path", &path), ("full", &full), ("want", &want), ("group", &group)];
    let with = |m: crate::i18n::Msg, more: &[(&str, &dyn std::fmt::Display)]| {
        let args: Vec<(&str, &dyn std::fmt::Display)> = base.iter().chain(more).copied().collect();
        m.fill(lang, &args)
    };
    match &f.problem {
        Problem::OpenToOthers => with(msg::DOCTOR_OPEN_TO_OTHERS, &[]),
        Problem::WrongGroup { has } => with(msg::DOCTOR_WRONG_GROUP, &[("has", &identity::group_name(*has))]),
        Problem::WrongMode { has } => with(msg::DOCTOR_WRONG_MODE, &[("has", &format!("{has:04o}"))]),
        Problem::UnverifiedReview { named, owner } => {
            with(msg::DOCTOR_UNVERIFIED_REVIEW, &[("named", &visible(named)), ("owner", &visible(owner))])
        }
        Problem::SideFile => with(msg::DOCTOR_SIDE_FILE, &[]),
    }
}

/// Where the workspace is a git repository: the attributes that route
/// vendor and review files to ccvet's merge and diff drivers, and the
/// drivers themselves in this clone's config (git cannot carry them).
fn git_problems(root: &Path, lang: Lang) -> Vec<String> {
    use crate::git::setup::{GitSetupStatus, git_setup_status};
    match git_setup_status(root) {
        GitSetupStatus::NotARepo | GitSetupStatus::NoGit | GitSetupStatus::Ready => Vec::new(),
        problem => vec![problem.sentence(lang)],
    }
}

/// A frozen SSH link (client stopped, TCP still up) keeps a vendor locked
/// until the server drops it: sshd does that only with ClientAlive*.
fn sshd_advice(lang: Lang) -> Option<String> {
    let mut text = std::fs::read_to_string("/etc/ssh/sshd_config").ok()?;
    if let Ok(entries) = std::fs::read_dir("/etc/ssh/sshd_config.d") {
        let mut extra: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        extra.sort();
        // Included files come first where sshd_config includes them at
        // its top (Debian's default); the first value given wins.
        let included: String = extra.iter().filter_map(|p| std::fs::read_to_string(p).ok()).collect();
        text = included + &text;
    }
    let interval = text
        .lines()
        .map(str::trim)
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let mut words = line.split_whitespace();
            words.next().filter(|w| w.eq_ignore_ascii_case("ClientAliveInterval")).and(words.next())
        })
        .and_then(|v| v.trim_end_matches('s').parse::<u64>().ok())
        .unwrap_or(0);
    (interval == 0).then(|| msg::SSHD_HAS_NO_CLIENTALIVEINTERVAL_A.text(lang).to_string())
}
