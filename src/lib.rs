//! roster: the administrative command line of a multi-profile membership system.
//! The README is the manual: its sections are cited in comments by their titles.

pub mod actions;
pub mod audit_chain;
pub mod cli;
pub mod error;
pub mod json;
pub mod mail;
pub mod model;
pub mod outfile;
pub mod output;
pub mod password;
pub mod seed;
pub mod store;

use crate::error::{Error, Kind};

/// Runs roster with the process arguments and returns the exit code.
pub fn run() -> i32 {
    install_panic_hook();
    // `COMPLETE=bash roster -- …`: a shell asking for completions (README "Shell
    // completions"); answered and exited before anything else is read.
    cli::completions::answer_if_asked();
    let cli = match cli::parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    let app = match cli::App::new(&cli) {
        Ok(app) => app,
        Err(e) => {
            // No Printer yet: the same lines, escaped the same way.
            eprintln!("error: {}", output::safe_lines(&e.message));
            for h in &e.hints {
                eprintln!("hint: {}", output::safe_lines(h));
            }
            let json = cli.global.json || cli.global.format == Some(output::Format::Json);
            if json {
                eprintln!("{}", e.to_json());
            }
            return e.exit_code();
        }
    };
    match cli::dispatch(&app, cli.command) {
        Ok(()) => 0,
        Err(e) => {
            app.out.error(&e);
            e.exit_code()
        }
    }
}

/// Prints clap's help, version or usage error. Help and version exit 0 (a closed pipe
/// included); usage errors exit 2.
fn clap_exit(e: clap::Error) -> i32 {
    use clap::error::ErrorKind;
    let code = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => 0,
        _ => Kind::Usage.exit_code(),
    };
    if code == 0 {
        let _ = e.print();
        return code;
    }
    let e = quoting_safely(e);
    // roster's own error style: clap's `tip:` lines read as roster's `hint:` lines.
    let _ = std::io::Write::write_all(
        &mut std::io::stderr(),
        cli::help::render_error(&e, stderr_color(std::env::args_os().skip(1))).as_bytes(),
    );
    if wants_json(std::env::args_os().skip(1)) {
        // The command line did not parse, but it asked for JSON: give the error object too.
        let rendered = e.render().to_string();
        let first = rendered.lines().next().unwrap_or("invalid command line");
        let text = first.strip_prefix("error: ").unwrap_or(first).to_string();
        let tips = rendered
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix("tip: "))
            .map(cli::help::backticks);
        let err = tips
            .fold(Error::usage(text), Error::hint)
            .hint("see `roster --help`");
        eprintln!("{}", err.to_json());
    }
    code
}

/// A usage error quotes the argument it could not read. When an argument holds control
/// characters or bidi overrides, the error is made again from the arguments escaped
/// ([`output::safe`]), so that it quotes `\u{1b}[2J` rather than sending it to the
/// terminal raw. Help and version hold only roster's own text and are left alone.
fn quoting_safely(e: clap::Error) -> clap::Error {
    use std::borrow::Cow;
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let escaped: Vec<Cow<'_, str>> = args
        .iter()
        .map(|a| match a.to_str() {
            Some(s) => output::safe(s),
            None => Cow::Borrowed(""),
        })
        .collect();
    if !escaped.iter().any(|a| matches!(a, Cow::Owned(_))) {
        return e;
    }
    let escaped: Vec<std::ffi::OsString> = args
        .iter()
        .zip(escaped)
        .map(|(raw, safe)| match safe {
            Cow::Owned(s) => s.into(),
            Cow::Borrowed(_) => raw.clone(),
        })
        .collect();
    match cli::parse_from(escaped) {
        Err(again) if again.kind() == e.kind() => again,
        // The escaped arguments read differently: say only that the command line is wrong.
        _ => clap::Error::raw(
            e.kind(),
            "the command line holds control characters and could not be read\n",
        )
        .with_cmd(&cli::help::command()),
    }
}

/// Whether a usage error is painted: `--color always` or `never` if the raw arguments
/// say so, else when stderr is a terminal and neither `NO_COLOR` nor `TERM=dumb` is set
/// (as the Printer decides for every other error).
fn stderr_color(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    let asked = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--color=")
            .map(str::to_string)
            .or_else(|| (a == "--color").then(|| args.get(i + 1).cloned().unwrap_or_default()))
    });
    match asked.as_deref() {
        Some("always") => true,
        Some("never") => false,
        _ => {
            use std::io::IsTerminal;
            let set = |v: &str| std::env::var_os(v).is_some_and(|x| !x.is_empty());
            std::io::stderr().is_terminal()
                && !set("NO_COLOR")
                && std::env::var("TERM").ok().as_deref() != Some("dumb")
        }
    }
}

/// Whether raw arguments ask for JSON output (`--json`, `--format json`, `--format=json`).
fn wants_json(args: impl Iterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<String> = args.map(|a| a.to_string_lossy().into_owned()).collect();
    args.iter().enumerate().any(|(i, a)| {
        a == "--json"
            || a == "--format=json"
            || (a == "--format" && args.get(i + 1).is_some_and(|n| n == "json"))
    })
}

/// A panic is a bug: say so plainly and exit 70, never with a Rust backtrace dump.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let where_ = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        let what = info.to_string();
        eprintln!(
            "error: internal error{}: {}",
            output::safe_lines(&where_),
            output::safe_lines(&what)
        );
        eprintln!("hint: this is a bug in roster; please report it with the command you ran");
        std::process::exit(Error::internal("panic").exit_code());
    }));
}
