//! Resolving where things are: workspace, questionnaire, language, user.

use std::path::PathBuf;

use super::CliError;
use super::args::Args;
use crate::domain::scoring::{ScoreReport, score};
use crate::domain::text::Lang;
use crate::i18n::cli as msg;
use crate::storage::config::{self, Config};
use crate::storage::questionnaire::{self, Loaded};
use crate::storage::vendor::VendorFile;
use crate::storage::workspace::Workspace;

/// The parts of the environment ccvet reads, gathered in `main` so that
/// everything below is a function of its inputs.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `$CCVET_WORKSPACE`
    pub workspace: Option<PathBuf>,
    /// `$CCVET_CONFIG`: the config file to use instead of the standard one.
    pub config: Option<PathBuf>,
    /// `$LANG` / `$LC_ALL`, for the default language.
    pub locale: Option<String>,
    /// `$CCVET_LANG`: the language, over the config file's.
    pub lang: Option<String>,
    /// `$NO_COLOR` is set (to anything but empty).
    pub no_color: bool,
    /// Standard input and output are a terminal.
    pub interactive: bool,
    /// `$CCVET_WATCH=poll`: poll the workspace instead of relying on
    /// notifications (network file systems).
    pub force_poll: bool,
    /// `$CCVET_ASCII` and the locale's character set.
    pub ascii: crate::ascii::AsciiEnv,
}

impl Env {
    pub fn from_process() -> Env {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        Env {
            workspace: var("CCVET_WORKSPACE").map(PathBuf::from),
            config: var("CCVET_CONFIG").map(PathBuf::from),
            lang: var("CCVET_LANG").map(|l| l.to_string_lossy().into_owned()),
            locale: var("LC_ALL").or_else(|| var("LANG")).map(|l| l.to_string_lossy().into_owned()),
            no_color: var("NO_COLOR").is_some(),
            force_poll: var("CCVET_WATCH").is_some_and(|v| v == "poll"),
            ascii: {
                let text = |name: &str| var(name).map(|v| v.to_string_lossy().into_owned());
                crate::ascii::AsciiEnv::from_values(
                    text("CCVET_ASCII").as_deref(),
                    text("LC_ALL").as_deref(),
                    text("LC_CTYPE").as_deref(),
                    text("LANG").as_deref(),
                )
            },
            interactive: {
                use std::io::IsTerminal;
                std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
            },
        }
    }
}

pub struct Context {
    pub workspace: Workspace,
    pub questionnaire_flag: Option<PathBuf>,
    pub lang: Lang,
    /// The OS account (the effective uid's name): who signs, locks and
    /// interviews. Never `$USER` or the config.
    pub user: String,
    /// The config's display name, shown beside the account.
    pub display_name: Option<String>,
    /// The user's config file (where `L` in the app remembers the language).
    pub config_path: Option<PathBuf>,
    pub no_color: bool,
    pub force_poll: bool,
    /// Draw and print with ASCII only.
    pub ascii: bool,
}

impl Context {
    pub fn new(args: &Args, env: &Env) -> Result<Context, CliError> {
        let config_path = config::config_path(env.config.clone());
        let config = match &config_path {
            Some(path) => config::load(path)?,
            None => Config::default(),
        };
        let root = args
            .workspace
            .clone()
            .or_else(|| env.workspace.clone())
            .or_else(|| config.workspace.clone())
            .unwrap_or_else(config::default_workspace);
        // --lang, then $CCVET_LANG, then the config file (which `L` in the
        // app writes), then the locale.
        // A code that is not a language is refused in the language the
        // reader would have had without it.
        let fallback = config.lang.unwrap_or_else(|| locale_lang(env));
        let refused = |m: crate::i18n::Msg, code: &str, lang: Lang| {
            CliError::Usage(m.fill(lang, &[("code", &crate::safe_text::visible(code))]))
        };
        let lang = match (&args.lang, &env.lang) {
            (Some(code), env_code) => Lang::parse(code).ok_or_else(|| {
                refused(msg::LANG_FLAG, code, env_code.as_deref().and_then(Lang::parse).unwrap_or(fallback))
            })?,
            (None, Some(code)) => Lang::parse(code).ok_or_else(|| refused(msg::LANG_ENV, code, fallback))?,
            (None, None) => fallback,
        };
        let user = crate::storage::identity::me().name;
        Ok(Context {
            workspace: Workspace::at(&root),
            questionnaire_flag: args.questionnaire.clone(),
            lang,
            user,
            display_name: config.name.clone(),
            config_path,
            no_color: env.no_color,
            force_poll: env.force_poll,
            ascii: env.ascii.ascii(config.ascii),
        })
    }

    /// The questionnaire in use (flag, workspace copy, or built in).
    pub fn questionnaire(&self) -> Result<Loaded, CliError> {
        Ok(questionnaire::resolve(self.questionnaire_flag.as_deref(), &self.workspace.root)?)
    }

    pub fn find_vendor(&self, wanted: &str) -> Result<VendorFile, CliError> {
        self.workspace.find(wanted).map_err(|e| match e {
            crate::storage::Error::NotFound(m) => CliError::Usage(m.get(self.lang)),
            other => CliError::Data(other),
        })
    }
}

/// The language of the locale (`$LC_ALL`, `$LANG`).
fn locale_lang(env: &Env) -> Lang {
    if env.locale.as_deref().is_some_and(|l| l.starts_with("zh")) { Lang::Zh } else { Lang::En }
}

/// The language to report an error in, as `Context::new` picks it, even
/// when the error was that the config or the flag could not be read.
/// Called only once a command failed, so a run that succeeds reads its
/// config once.
pub fn error_lang(flag: Option<&str>, env: &Env) -> Lang {
    if let Some(lang) = flag.and_then(Lang::parse) {
        return lang;
    }
    let config = config::config_path(env.config.clone()).and_then(|path| config::load(&path).ok());
    config.and_then(|c| c.lang).unwrap_or_else(|| locale_lang(env))
}

pub fn score_of(loaded: &Loaded, vendor: &VendorFile) -> ScoreReport {
    score(&loaded.questionnaire, &vendor.answers, vendor.meta.assessed_on)
}
