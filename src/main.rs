use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    // A Tab in a shell with ccvet's completion script (see `ccvet completions`).
    ccvet::cli::complete::answer_if_asked();
    let argv: Vec<std::ffi::OsString> = std::env::args_os().collect();
    if let Some(args) = ccvet::cli::Args::quick(&argv) {
        return ccvet::cli::main(args, &ccvet::cli::Env::from_process());
    }
    let args = match ccvet::cli::Args::try_parse_from(&argv) {
        Ok(args) => args,
        Err(e) => {
            // --help and --version are not errors; everything else is a
            // usage error (exit 2).
            if !e.use_stderr() {
                let _ = e.print();
                return ExitCode::from(0);
            }
            let text = ccvet::cli::usage_error(&e, &argv, &ccvet::cli::Env::from_process());
            let _ = std::io::Write::write_all(&mut std::io::stderr(), text.as_bytes());
            return ExitCode::from(2);
        }
    };
    ccvet::cli::main(args, &ccvet::cli::Env::from_process())
}
