//! The user's config file and where things live by default.
//!
//! `config.toml` in the user's config dir (or `$CCVET_CONFIG`) may set
//! `workspace`, `lang` and `name` (a display name; `interviewer` is read
//! as the same). The display name is shown beside the account
//! (`李伟 (li.wei)`) and never decides who anyone is. The caller reads the environment
//! and passes it in, so this stays a function of its inputs.

use std::path::{Path, PathBuf};

use super::Error;
use crate::domain::text::Lang;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub workspace: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// How the user likes to be shown; never an identity.
    pub name: Option<String>,
    /// `ascii = true`: draw with ASCII only (a terminal without UTF-8).
    pub ascii: Option<bool>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    workspace: Option<PathBuf>,
    lang: Option<String>,
    name: Option<String>,
    interviewer: Option<String>,
    ascii: Option<bool>,
}

fn project_dirs() -> Option<directories::ProjectDirs> {
    directories::ProjectDirs::from("", "", "ccvet")
}

/// The config file: `explicit` (from `$CCVET_CONFIG`) or the standard place.
pub fn config_path(explicit: Option<PathBuf>) -> Option<PathBuf> {
    explicit.or_else(|| project_dirs().map(|d| d.config_dir().join("config.toml")))
}

/// The default workspace: the user's data dir.
pub fn default_workspace() -> PathBuf {
    project_dirs().map_or_else(|| PathBuf::from("ccvet-workspace"), |d| d.data_dir().to_path_buf())
}

/// Reads the config at `path`; a missing file is an empty config, a broken
/// one an error (never silently ignored).
pub fn load(path: &Path) -> Result<Config, Error> {
    if !path.exists() {
        return Ok(Config::default());
    }
    let raw: RawConfig = super::read_toml(path)?;
    let lang = match raw.lang {
        None => None,
        Some(code) => Some(Lang::parse(&code).ok_or_else(|| {
            Error::refused(path, format!("`lang = \"{code}\"` is not a language ccvet speaks; use \"zh\" or \"en\""))
        })?),
    };
    // A relative workspace is relative to the config file, not to wherever
    // ccvet happens to be started.
    let workspace = raw.workspace.map(|w| match path.parent() {
        Some(dir) if w.is_relative() => dir.join(w),
        _ => w,
    });
    Ok(Config { workspace, lang, name: raw.name.or(raw.interviewer), ascii: raw.ascii })
}
