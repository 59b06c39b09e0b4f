//! `ccvet man`: the manual page, made from the same clap definition as the
//! parser (clap_mangen), plus the sections clap does not know: exit status,
//! environment, files. `--dir DIR` writes `ccvet.1` and one
//! `ccvet-COMMAND.1` per subcommand, for packaging.

use std::path::Path;

use clap::CommandFactory;
use clap_mangen::Man;

use super::args::Args;
use super::{CliError, Output};

/// Sections after the generated ones, in roff. Kept to plain requests
/// (`.SH`, `.TP`, `.PP`, `.B`, `.I`) that every man formatter knows.
const EXTRA: &str = r#".SH "EXIT STATUS"
.TP
.B 0
Success.
.TP
.B 1
Bad data: a file that does not parse or validate, a failed save, a vendor
locked by someone else.
.TP
.B 2
A wrong command line.
.PP
Errors are one sentence on standard error, led by
.I path:line:col
where there is one. A closed pipe is not an error.
.SH ENVIRONMENT
.TP
.B CCVET_WORKSPACE
The workspace folder, unless
.B \-\-workspace
is given.
.TP
.B CCVET_CONFIG
The config file to read instead of the standard one.
.TP
.B CCVET_LANG
The language,
.B zh
or
.BR en ,
unless
.B \-\-lang
is given; it wins over the config file's
.B lang
(which
.B L
in the app writes) and the locale.
.TP
.B CCVET_WATCH
Set to
.B poll
to poll the workspace every 500 ms instead of relying on file
notifications (network file systems).
.TP
.B NO_COLOR
When set and not empty, the app uses no colour; every state still has a
mark or a word.
.TP
.B CCVET_ASCII
Set to
.B 1
to draw with ASCII only (also chosen when the locale's character set is not
UTF\-8, or with
.B ascii = true
in the config file).
.TP
.BR LC_ALL ", " LC_CTYPE ", " LANG
The locale: its language picks Chinese or English when neither
.BR \-\-lang ,
.B CCVET_LANG
nor the config says, and its character set decides whether the terminal
can show UTF\-8.
.TP
.B CCVET_COMPLETE
Set by the completion scripts of
.B ccvet completions
to ask for completions; not for interactive use.
.SH FILES
.TP
.I ~/.config/ccvet/config.toml
The config file (or
.BR $CCVET_CONFIG ):
.BR workspace ", " lang " (" """zh""" " or " """en""" "; " L " in the app writes it), " interviewer " and " ascii .
.TP
.I WORKSPACE/questionnaire.toml
The team's questionnaire, if any; otherwise the built\-in one.
.TP
.I WORKSPACE/vendors/SLUG.toml
One file per vendor: its details, answers and notes.
.TP
.I WORKSPACE/vendors/SLUG.lock
Held by the one session that writes the vendor; freed by the OS when it
exits.
.TP
.I WORKSPACE/vendors/archive/SLUG.toml
An archived vendor
.RB ( "ccvet archive" ),
out of every list until restored.
.TP
.I WORKSPACE/reviews/SLUG/USER.toml
One reviewer's comments and sign\-off on a vendor.
.TP
.I ~/.local/share/ccvet
The default workspace on Linux.
.SH EXAMPLES
.nf
ccvet init ~/vendor\-review
export CCVET_WORKSPACE=~/vendor\-review
ccvet new "Acme Call"
ccvet answer acme\-call basic.licence\-scope nationwide
ccvet compare \-\-csv
.fi
"#;

fn failed(what: &Path, e: &std::io::Error) -> CliError {
    CliError::Failed(format!("cannot write {}: {e}", what.display()))
}

/// The main page, `ccvet(1)`.
pub fn page() -> Result<Vec<u8>, std::io::Error> {
    let mut cmd = Args::command().disable_help_subcommand(true);
    cmd.build();
    let man = Man::new(cmd).manual("ccvet manual");
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    out.extend_from_slice(EXTRA.as_bytes());
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// `ccvet man [--dir DIR]`.
pub fn man(dir: Option<&Path>) -> Result<Output, CliError> {
    let main = page().map_err(|e| CliError::Failed(format!("cannot make the manual page: {e}")))?;
    let Some(dir) = dir else {
        return Ok(Output { stdout: String::from_utf8_lossy(&main).into_owned(), ..Output::default() });
    };
    std::fs::create_dir_all(dir).map_err(|e| failed(dir, &e))?;
    let path = dir.join("ccvet.1");
    std::fs::write(&path, &main).map_err(|e| failed(&path, &e))?;
    let mut written = vec![path];
    let mut cmd = Args::command().disable_help_subcommand(true);
    cmd.build();
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = Man::new(sub.clone()).manual("ccvet manual");
        let path = dir.join(man.get_filename());
        let mut buf = Vec::new();
        man.render(&mut buf).map_err(|e| failed(&path, &e))?;
        std::fs::write(&path, buf).map_err(|e| failed(&path, &e))?;
        written.push(path);
    }
    let stdout = written.iter().map(|p| format!("{}\n", crate::safe_text::visible(&p.display().to_string()))).collect();
    Ok(Output { stdout, ..Output::default() })
}
