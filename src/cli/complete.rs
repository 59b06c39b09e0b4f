//! Shell completion.
//!
//! `ccvet completions SHELL` prints a small registration script (clap_complete's
//! environment-driven, "dynamic" completion). On every Tab the shell runs
//! `CCVET_COMPLETE=SHELL ccvet -- ccvet WORDS…`; `main` sees the variable
//! before anything else and answers with the candidates: subcommands and
//! options from the same clap definition as the parser, vendor slugs from the
//! workspace and `section.question` keys from the questionnaire in use,
//! honouring `--workspace`, `--questionnaire` and `--lang` already typed on
//! the line. So completions never go stale when the workspace changes, and
//! one mechanism serves bash, zsh, fish, PowerShell and elvish.

use std::ffi::OsString;

use clap::CommandFactory;
use clap_complete::CompletionCandidate;
use clap_complete::env::{EnvCompleter, Shells};

use super::args::{Args, Shell};
use super::context::{Context, Env};
use super::{CliError, Output};
use crate::safe_text::visible;

/// The variable that turns a run of ccvet into a completion request. Ours,
/// not clap's generic `COMPLETE`, so an unrelated variable of that name in a
/// user's environment cannot change what ccvet does.
pub const VAR: &str = "CCVET_COMPLETE";

/// Answers a completion request and exits, when the shell made one;
/// otherwise returns at once (one environment lookup).
pub fn answer_if_asked() {
    if std::env::var_os(VAR).is_none() {
        return;
    }
    clap_complete::CompleteEnv::with_factory(Args::command).var(VAR).bin("ccvet").completer("ccvet").complete();
}

/// `ccvet completions SHELL`: the script that registers the completion.
pub fn script(shell: Shell) -> Result<Output, CliError> {
    let name = match shell {
        Shell::Bash => "bash",
        Shell::Zsh => "zsh",
        Shell::Fish => "fish",
        Shell::Powershell => "powershell",
        Shell::Elvish => "elvish",
    };
    let shells = Shells::builtins();
    let completer: &dyn EnvCompleter =
        shells.completer(name).ok_or_else(|| CliError::Failed(format!("no completion support for {name}")))?;
    let mut buf = Vec::new();
    completer
        .write_registration(VAR, "ccvet", "ccvet", "ccvet", &mut buf)
        .map_err(|e| CliError::Failed(format!("cannot write the completion script: {e}")))?;
    Ok(Output { stdout: String::from_utf8_lossy(&buf).into_owned(), ..Output::default() })
}

/// The global options already on the command line being completed (the
/// words after `--`), read leniently: a half-typed line is normal here.
pub fn typed_globals(words: &[OsString]) -> Args {
    let words: Vec<String> = words.iter().map(|w| w.to_string_lossy().into_owned()).collect();
    let start = words.iter().position(|w| w == "--").map_or(0, |i| i + 1);
    let mut args = Args::default();
    let mut rest = words.iter().skip(start);
    while let Some(word) = rest.next() {
        let (name, inline) = match word.split_once('=') {
            Some((name, value)) => (name, Some(value.to_string())),
            None => (word.as_str(), None),
        };
        if !matches!(name, "--workspace" | "--questionnaire" | "--lang") {
            continue;
        }
        let Some(value) = inline.or_else(|| rest.next().cloned()).filter(|v| !v.is_empty()) else { break };
        match name {
            "--workspace" => args.workspace = Some(value.into()),
            "--questionnaire" => args.questionnaire = Some(value.into()),
            _ => args.lang = Some(value),
        }
    }
    args
}

fn context() -> Option<Context> {
    let words: Vec<OsString> = std::env::args_os().collect();
    Context::new(&typed_globals(&words), &Env::from_process()).ok()
}

/// Vendor slugs of the workspace in use (file names without `.toml`).
pub fn vendors() -> Vec<CompletionCandidate> {
    context().map_or_else(Vec::new, |ctx| vendor_slugs(&ctx))
}

fn vendor_slugs(ctx: &Context) -> Vec<CompletionCandidate> {
    let paths = ctx.workspace.vendor_paths().unwrap_or_default();
    paths
        .iter()
        .filter_map(|p| p.file_stem()?.to_str().map(str::to_string))
        // A name that would steer the terminal or split into two words is
        // not offered.
        .filter(|slug| !slug.chars().any(|c| crate::safe_text::is_hostile(c) || c.is_whitespace()))
        .map(CompletionCandidate::new)
        .collect()
}

/// `section.question` keys of the questionnaire in use, each with its text.
pub fn questions() -> Vec<CompletionCandidate> {
    let Some(ctx) = context() else { return Vec::new() };
    let Ok(loaded) = ctx.questionnaire() else { return Vec::new() };
    loaded
        .questionnaire
        .questions()
        .map(|q| {
            let text = visible(q.text.get(ctx.lang)).into_owned();
            CompletionCandidate::new(q.key.clone()).help(Some(text.into()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<OsString> {
        line.split(' ').map(OsString::from).collect()
    }

    #[test]
    fn reads_the_global_options_typed_so_far() {
        let a = typed_globals(&words("/usr/bin/ccvet -- ccvet --workspace /w score --lang=zh "));
        assert_eq!(a.workspace, Some("/w".into()));
        assert_eq!(a.lang.as_deref(), Some("zh"));
        assert_eq!(a.questionnaire, None);
        let b = typed_globals(&words("ccvet -- ccvet --questionnaire=q.toml answer x --workspace"));
        assert_eq!(b.questionnaire, Some("q.toml".into()));
        assert_eq!(b.workspace, None, "a flag still waiting for its value is ignored");
    }

    #[test]
    fn every_shell_gets_a_script_that_calls_ccvet_back() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Powershell, Shell::Elvish] {
            let out = script(shell).map(|o| o.stdout).unwrap_or_default();
            assert!(out.contains(VAR), "{shell:?}: {out}");
            assert!(out.contains("ccvet"), "{shell:?}");
        }
    }
}
