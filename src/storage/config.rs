//! The user's config file and where things live by default.
//!
//! `config.toml` in the user's config dir (or `$CCVET_CONFIG`) may set
//! `workspace`, `lang` and `name` (a display name; `interviewer` is read
//! as the same). The app writes one key, `lang`, when `L` switches the
//! language ([`save_lang`]), keeping everything else in the file. The display name is shown beside the account
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

/// Remembers `lang` in the config file at `path`: only the `lang` line
/// changes (or is added); the user's comments, other keys and formatting
/// stay. Saved atomically; a file that does not read is never written. A
/// config file that is a link (dotfiles) is written through the link.
pub fn save_lang(path: &Path, lang: Lang) -> Result<(), Error> {
    use super::atomic::{RealFs, write_atomic};
    let target =
        if path.is_symlink() { std::fs::canonicalize(path).map_err(|e| Error::io(path, e))? } else { path.into() };
    let (text, mode) = match std::fs::read_to_string(&target) {
        Ok(text) => {
            let mode = std::fs::metadata(&target).map(|m| std::os::unix::fs::PermissionsExt::mode(&m.permissions()));
            (text, mode.map_or(0o600, |m| m & 0o777))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (String::new(), 0o600),
        Err(e) => return Err(Error::io(&target, e)),
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e: toml_edit::TomlError| {
        Error::refused(
            &target,
            format!("the language is not remembered: the file does not read ({})", e.message().trim()),
        )
    })?;
    let code = lang.code();
    if doc.get("lang").and_then(toml_edit::Item::as_str) == Some(code) {
        return Ok(());
    }
    match doc.get_mut("lang").and_then(toml_edit::Item::as_value_mut) {
        Some(value) => {
            let decor = value.decor().clone();
            *value = toml_edit::Value::from(code);
            *value.decor_mut() = decor;
        }
        None => {
            doc.insert("lang", toml_edit::value(code));
        }
    }
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        super::perms::create_dir_all(dir, 0o700).map_err(|e| Error::io(dir, e))?;
    }
    write_atomic(&RealFs, &target, doc.to_string().as_bytes(), mode).map_err(|e| Error::io(&target, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn saving_the_language_keeps_comments_and_other_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let text = "# mine\nworkspace = \"/srv/ws\"  # shared\nlang = \"en\" # chosen\nname = \"李伟\"\n";
        std::fs::write(&path, text).unwrap();
        save_lang(&path, Lang::Zh).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text.replace("\"en\"", "\"zh\""));
        assert_eq!(load(&path).unwrap().lang, Some(Lang::Zh));
        // A new file in a new folder: private.
        let fresh = dir.path().join("sub/config.toml");
        save_lang(&fresh, Lang::En).unwrap();
        assert_eq!(std::fs::read_to_string(&fresh).unwrap(), "lang = \"en\"\n");
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&fresh).unwrap().permissions().mode() & 0o777, 0o600);
        // Without a lang line: added, the rest untouched.
        std::fs::write(&path, "# only a comment\nascii = true\n").unwrap();
        save_lang(&path, Lang::Zh).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "# only a comment\nascii = true\nlang = \"zh\"\n");
        // A file that does not read is left alone.
        std::fs::write(&path, "lang = [\n").unwrap();
        assert!(save_lang(&path, Lang::En).is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "lang = [\n");
    }

    #[test]
    fn a_linked_config_is_written_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("dotfiles-config.toml");
        std::fs::write(&real, "lang = \"en\"\n").unwrap();
        let link = dir.path().join("config.toml");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        save_lang(&link, Lang::Zh).unwrap();
        assert!(link.is_symlink());
        assert_eq!(std::fs::read_to_string(&real).unwrap(), "lang = \"zh\"\n");
    }
}
