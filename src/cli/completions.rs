//! Shell completion (README "Shell completions"): `roster completions SHELL`, and the
//! engine that answers each Tab.
//!
//! bash, zsh and fish use clap_complete's dynamic engine: the script registered with the
//! shell runs `COMPLETE=SHELL roster -- WORDS…` on every Tab, and roster answers from the
//! real command tree ([`answer_if_asked`]), with names read from the database that the
//! command line being completed names (`--db`, else `ROSTER_DB`, else `./roster.db`):
//! profile slugs, users (email and username), pending invitation ids, unrevoked session
//! ids, role names, event names and permission patterns. Which argument gets which names
//! is decided here, once, by walking the tree ([`attach`]) and reading each argument's
//! value name (`PROFILE`, `USER`, …) and the command it belongs to, so the command files
//! under `cli/` know nothing of completion. elvish and PowerShell get clap_complete's
//! static scripts (flags, subcommands and fixed value lists only).
//!
//! Completion runs as the operator of the database: it lists every name there, whatever
//! `--as` says. It reads through [`crate::store::names`] (read-only, no migration, no
//! audit, no lock wait), and any failure — no database, a foreign file, a server that
//! does not answer — gives no names and prints nothing.

use std::ffi::{OsStr, OsString};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use clap::Args;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate, PathCompleter};
use clap_complete::env::{EnvCompleter, Shells};
use clap_complete::{CompleteEnv, Shell};

use super::App;
use crate::actions::access::{catalogue, pattern};
use crate::error::{Error, Result};
use crate::model::Scope;
use crate::output::safe;
use crate::store::Location;
use crate::store::names::{NameKind, NameReader};

#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    roster completions bash > ~/.local/share/bash-completion/completions/roster\n  \
    roster completions zsh > ~/.zfunc/_roster      (a directory in $fpath)\n  \
    source <(COMPLETE=bash roster)                 (the same, for this session only)\n\n\
    bash, zsh and fish complete names from the database (slugs, users, ids, roles, events);\n\
    every shell's setup is in the README (\"Shell completions\"); copies live in completions/.")]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

/// The variable that makes a run of roster a completion: `COMPLETE=bash roster -- …`.
const VAR: &str = "COMPLETE";

/// The shells the dynamic engine serves here (the ones tested and documented).
const SHELLS: Shells<'static> = Shells(&[
    &clap_complete::env::Bash,
    &clap_complete::env::Zsh,
    &clap_complete::env::Fish,
]);

/// The engine's adapter for `shell`, when roster completes that shell dynamically.
fn dynamic(shell: Shell) -> Option<&'static dyn EnvCompleter> {
    SHELLS.completer(&shell.to_string())
}

/// The script for `shell`, as bytes: for bash, zsh and fish the registration of the
/// dynamic engine (which runs `roster` from `$PATH` on each Tab); for the others the
/// static script.
pub fn script(shell: Shell) -> Result<Vec<u8>> {
    let buf = match dynamic(shell) {
        Some(adapter) => registration(adapter, "roster")?,
        None => {
            let mut buf = Vec::new();
            let mut cmd = super::help::command();
            // clap_complete panics when its writer fails, so it writes to memory and the
            // printer, which treats a closed stdout as success, writes the result.
            clap_complete::generate(shell, &mut cmd, "roster", &mut buf);
            buf
        }
    };
    if buf.is_empty() {
        return Err(Error::internal(format!(
            "no completion script was generated for {shell}"
        )));
    }
    Ok(buf)
}

/// The engine's registration for one shell, running `completer` on each Tab.
fn registration(adapter: &dyn EnvCompleter, completer: &str) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    adapter
        .write_registration(VAR, "roster", "roster", completer, &mut buf)
        .map_err(|e| Error::internal(format!("the {} registration: {e}", adapter.name())))?;
    Ok(if adapter.name() == "zsh" {
        autoloadable(buf)
    } else {
        buf
    })
}

/// The zsh registration ends with `compdef`, which is right when it is sourced but, in a
/// file `_roster` that compinit autoloads from `$fpath`, only binds the completer on the
/// first Tab (which then completes nothing). As zsh's own completion files do, the file
/// completes at once when it runs as `_roster`, and registers itself otherwise.
fn autoloadable(script: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&script);
    let last = "compdef _clap_dynamic_completer_roster roster";
    match text.trim_end().strip_suffix(last) {
        Some(body) => format!(
            "{body}if [ \"$funcstack[1]\" = \"_roster\" ]; then\n    \
             _clap_dynamic_completer_roster \"$@\"\nelse\n    {last}\nfi\n"
        )
        .into_bytes(),
        None => script,
    }
}

pub fn run(app: &App, a: CompletionsArgs) -> Result<()> {
    let bytes = script(a.shell)?;
    let text = String::from_utf8(bytes)
        .map_err(|e| Error::internal(format!("the completion script is not UTF-8: {e}")))?;
    app.out.out(&text)
}

/// Runs first in every process: with `COMPLETE` set to bash, zsh or fish, prints the
/// registration (no words after `--`: `source <(COMPLETE=bash roster)`) or the candidates
/// for the words after `--`, and exits; otherwise returns at once. A completion that fails
/// (another shell included) prints nothing and exits 1 (the shells then offer nothing); a
/// registration asked for another shell is a usage error naming the three.
pub fn answer_if_asked() {
    let Some(shell) = std::env::var_os(VAR).filter(|v| !v.is_empty() && v != "0") else {
        return;
    };
    let args: Vec<OsString> = std::env::args_os().collect();
    let completing = args.iter().any(|a| a == "--");
    // `$SHELL` may be given: its file name is the shell.
    let name = std::path::Path::new(&shell)
        .file_stem()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(adapter) = SHELLS.completer(&name).filter(|_| !completing) {
        // The registration runs this binary on each Tab, as it was started (a relative
        // path made absolute); written as every output is, so a closed pipe is success.
        let mut path = PathBuf::from(args.first().cloned().unwrap_or_else(|| "roster".into()));
        if path.components().count() > 1
            && let Ok(cwd) = std::env::current_dir()
        {
            path = cwd.join(path);
        }
        let code = match registration(adapter, &path.to_string_lossy()) {
            Ok(bytes) => match std::io::Write::write_all(&mut std::io::stdout(), &bytes) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: could not write the registration: {e}");
                    crate::error::Kind::Output.exit_code()
                }
                _ => 0,
            },
            Err(e) => {
                eprintln!("error: {}", e.message);
                e.exit_code()
            }
        };
        std::process::exit(code);
    }
    if !completing {
        eprintln!(
            "error: COMPLETE={}: roster registers its completion with bash, zsh or fish",
            safe(&shell.to_string_lossy())
        );
        eprintln!("hint: for another shell, `roster completions SHELL` prints a static script");
        std::process::exit(crate::error::Kind::Usage.exit_code());
    }
    let cwd = std::env::current_dir().ok();
    match CompleteEnv::with_factory(command)
        .var(VAR)
        .shells(SHELLS)
        .try_complete(args, cwd.as_deref())
    {
        Ok(true) => std::process::exit(0),
        Ok(false) => {}
        Err(_) => std::process::exit(1),
    }
}

/// The command tree the engine completes: the real one, with names attached.
fn command() -> clap::Command {
    let source = Arc::new(Source::new(db_of(completed_words())));
    attach(super::help::command(), &[], &source)
}

/// The words of the command line being completed: what follows `--`.
fn completed_words() -> Vec<String> {
    std::env::args_os()
        .skip_while(|a| a != "--")
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect()
}

/// The database the completed command would use: its last `--db`, else `ROSTER_DB`, else
/// `roster.db`. None when it cannot be read (a malformed URL).
fn db_of(words: Vec<String>) -> Option<Location> {
    let mut given = None;
    let mut words = words.into_iter();
    while let Some(w) = words.next() {
        if w == "--" {
            break;
        }
        if w == "--db" {
            given = words.next();
        } else if let Some(v) = w.strip_prefix("--db=") {
            given = Some(v.to_string());
        }
    }
    let raw = given
        .map(|w| unquoted(&w))
        .or_else(|| super::env("ROSTER_DB"))
        .unwrap_or_else(|| "roster.db".to_string());
    let schema = super::env("ROSTER_PG_SCHEMA");
    Location::parse(&PathBuf::from(raw), schema.as_deref(), &super::pg_env()).ok()
}

/// A word as typed, as the command would receive it: surrounding quotes removed and a
/// leading `~/` made the home directory (shells hand completion the raw words).
fn unquoted(word: &str) -> String {
    let w = ['\'', '"']
        .iter()
        .find_map(|q| {
            word.strip_prefix(*q)
                .map(|rest| rest.strip_suffix(*q).unwrap_or(rest))
        })
        .unwrap_or(word);
    match (w.strip_prefix("~/"), super::env("HOME")) {
        (Some(rest), Some(home)) => format!("{home}/{rest}"),
        _ => w.to_string(),
    }
}

/// The database names come from, opened on the first question (once per completion).
struct Source {
    db: Option<Location>,
    reader: Mutex<Option<Option<NameReader>>>,
}

impl Source {
    fn new(db: Option<Location>) -> Source {
        Source {
            db,
            reader: Mutex::new(None),
        }
    }

    /// The names of `kind` that start with `prefix`; none on any error.
    fn names(&self, kind: NameKind, prefix: &str) -> Vec<CompletionCandidate> {
        let Some(at) = &self.db else {
            return Vec::new();
        };
        let Ok(mut reader) = self.reader.lock() else {
            return Vec::new();
        };
        let Some(reader) = reader.get_or_insert_with(|| NameReader::open(at).ok()) else {
            return Vec::new();
        };
        let names = reader.names(kind, prefix).unwrap_or_default();
        names
            .into_iter()
            .filter_map(|n| candidate(n.value, n.help.as_deref()))
            .collect()
    }
}

/// A candidate, unless its value could not be typed back as it is shown (a control
/// character, a space: another program may have written it): offering it would insert
/// something else. Its help line is printed safely.
fn candidate(value: String, help: Option<&str>) -> Option<CompletionCandidate> {
    if value.is_empty() || value.chars().any(char::is_whitespace) || safe(&value) != value {
        return None;
    }
    let help = help.map(|h| safe(h.lines().next().unwrap_or("")).into_owned());
    Some(CompletionCandidate::new(value).help(help.map(Into::into)))
}

/// What an argument completes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Names {
    /// Names read from the database.
    Db(NameKind),
    /// Event names (`can`'s EVENT).
    Events,
    /// Event names as the audit log holds them (`audit --event`).
    AuditEvents,
    /// Permission patterns (`role create/update --allow/--deny`).
    Patterns,
    /// File names, for a file argument that clap does not know is one (`seed FILE…`,
    /// `invite send --csv FILE`: text, as `-` means stdin there). One a `PathBuf` holds
    /// completes as a path already.
    Paths,
}

/// The names an argument of the command at `path` (`["member", "add"]`) completes to,
/// from its value name and its command; None leaves clap_complete's own completion
/// (paths, fixed value lists) or none.
fn names_of(path: &[String], arg: &clap::Arg) -> Option<Names> {
    if !arg.get_num_args().is_some_and(|n| n.takes_values())
        || arg.get_value_parser().possible_values().is_some()
    {
        return None;
    }
    let value_name = arg
        .get_value_names()
        .and_then(|v| v.first())
        .map_or_else(|| arg.get_id().as_str().to_uppercase(), |n| n.to_string());
    let family = path.first().map(String::as_str);
    let verb = path.get(1).map(String::as_str);
    let positional = arg.is_positional();
    Some(match value_name.as_str() {
        "PROFILE" | "PROFILES" => Names::Db(NameKind::Profiles),
        "USER" | "USERS" | "ACTOR" => Names::Db(NameKind::Users),
        "ROLE" | "ROLES" => Names::Db(NameKind::Roles(match family {
            Some("user") => Some(Scope::Global),
            Some("member" | "invite") => Some(Scope::Profile),
            _ => None,
        })),
        "NAME" if positional && family == Some("role") && verb != Some("create") => {
            Names::Db(NameKind::Roles(None))
        }
        "SESSION" | "SESSIONS" => Names::Db(NameKind::Sessions),
        "ID" | "IDS" if positional && family == Some("invite") => Names::Db(NameKind::Invitations),
        "EVENT" if family == Some("audit") => Names::AuditEvents,
        "EVENT" => Names::Events,
        "PATTERN" | "PATTERNS" => Names::Patterns,
        "FILE" | "FILES" | "PATH" | "DIR" if arg.get_value_hint() == clap::ValueHint::Unknown => {
            Names::Paths
        }
        _ => return None,
    })
}

/// `cmd` and every command under it, each argument that takes names given its completer.
fn attach(cmd: clap::Command, path: &[String], source: &Arc<Source>) -> clap::Command {
    let cmd = cmd.mut_args(|arg| match names_of(path, &arg) {
        Some(names) => arg.add(completer(names, source)),
        None => arg,
    });
    cmd.mut_subcommands(|sub| {
        let mut below = path.to_vec();
        below.push(sub.get_name().to_string());
        attach(sub, &below, source)
    })
}

fn completer(names: Names, source: &Arc<Source>) -> ArgValueCompleter {
    if names == Names::Paths {
        // Directories too, to descend into; `-` (stdin) is typed, not offered.
        return ArgValueCompleter::new(PathCompleter::file());
    }
    let source = Arc::clone(source);
    ArgValueCompleter::new(move |current: &OsStr| {
        let Some(prefix) = current.to_str() else {
            return Vec::new();
        };
        let fixed = |all: Vec<String>| -> Vec<CompletionCandidate> {
            all.into_iter()
                .filter(|n| n.starts_with(prefix))
                .map(CompletionCandidate::new)
                .collect()
        };
        match names {
            Names::Db(kind) => source.names(kind, prefix),
            Names::Events => fixed(catalogue::names()),
            Names::AuditEvents => fixed(catalogue::audit_names()),
            Names::Patterns => fixed(pattern::names()),
            Names::Paths => Vec::new(),
        }
    })
}

/// Which arguments complete to which names, one line each, for the test that shows the
/// whole mapping.
#[cfg(test)]
fn mapping() -> Vec<String> {
    fn walk(cmd: &clap::Command, path: &mut Vec<String>, out: &mut Vec<String>) {
        for arg in cmd.get_arguments() {
            // Global arguments are listed once, at the top.
            if !path.is_empty() && arg.is_global_set() {
                continue;
            }
            if let Some(names) = names_of(path, arg) {
                let shown = match arg.get_long() {
                    Some(long) => format!("--{long}"),
                    None => format!("<{}>", arg.get_id().as_str().to_uppercase()),
                };
                let mut line = vec!["roster".to_string()];
                line.extend(path.iter().cloned());
                line.push(shown);
                out.push(format!("{}: {names:?}", line.join(" ")));
            }
        }
        for sub in cmd.get_subcommands() {
            path.push(sub.get_name().to_string());
            walk(sub, path, out);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(&super::help::command(), &mut Vec::new(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_found_on_the_command_line_being_completed() {
        let words = |w: &[&str]| w.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let file = |w: &[&str]| db_of(words(w)).and_then(|l| l.file().map(|p| p.to_path_buf()));
        assert_eq!(
            file(&["roster", "--db", "a.db", "profile", "show", ""]),
            Some(PathBuf::from("a.db"))
        );
        assert_eq!(
            file(&["roster", "--db='my db.db'", "profile", "show"]),
            Some(PathBuf::from("my db.db"))
        );
        assert_eq!(
            file(&["roster", "--db", "a.db", "--db=b.db", "user", "show"]),
            Some(PathBuf::from("b.db"))
        );
    }

    #[test]
    fn a_value_that_cannot_be_typed_back_is_not_offered() {
        assert!(candidate("ann@example.com".into(), Some("Ann")).is_some());
        assert!(candidate("a\u{1b}[2Jb".into(), None).is_none());
        assert!(candidate("two words".into(), None).is_none());
        let c = candidate("ann".into(), Some("Ann\u{1b}[31m\nsecond")).expect("offered");
        assert_eq!(
            c.get_help().map(|h| h.to_string()).as_deref(),
            Some("Ann\\u{1b}[31m")
        );
    }

    #[test]
    fn the_zsh_script_completes_when_autoloaded_and_registers_when_sourced() {
        let text = String::from_utf8(script(Shell::Zsh).expect("script")).expect("utf-8");
        assert!(text.starts_with("#compdef roster"), "{text}");
        assert!(
            text.contains("if [ \"$funcstack[1]\" = \"_roster\" ]"),
            "{text}"
        );
        assert!(text.trim_end().ends_with("fi"), "{text}");
    }

    #[test]
    fn every_argument_that_names_a_record_completes_its_names() {
        insta::assert_snapshot!(mapping().join("\n"), @"
        roster --as: Db(Users)
        roster user create --role: Db(Roles(Some(Global)))
        roster user show <USER>: Db(Users)
        roster user update <USER>: Db(Users)
        roster user passwd <USER>: Db(Users)
        roster user grant <USER>: Db(Users)
        roster user grant <ROLES>: Db(Roles(Some(Global)))
        roster user revoke <USER>: Db(Users)
        roster user revoke <ROLES>: Db(Roles(Some(Global)))
        roster user disable <USER>: Db(Users)
        roster user enable <USER>: Db(Users)
        roster user delete <USER>: Db(Users)
        roster user verify <USER>: Db(Users)
        roster profile create --owner: Db(Users)
        roster profile show <PROFILE>: Db(Profiles)
        roster profile update <PROFILE>: Db(Profiles)
        roster profile transfer <PROFILE>: Db(Profiles)
        roster profile transfer <USER>: Db(Users)
        roster profile transfer --from: Db(Users)
        roster profile delete <PROFILE>: Db(Profiles)
        roster member add <PROFILE>: Db(Profiles)
        roster member add <USERS>: Db(Users)
        roster member add --role: Db(Roles(Some(Profile)))
        roster member remove <PROFILE>: Db(Profiles)
        roster member remove <USERS>: Db(Users)
        roster member leave <PROFILE>: Db(Profiles)
        roster member list <PROFILE>: Db(Profiles)
        roster member role <PROFILE>: Db(Profiles)
        roster member role <USER>: Db(Users)
        roster member role <ROLE>: Db(Roles(Some(Profile)))
        roster invite send <PROFILE>: Db(Profiles)
        roster invite send --csv: Paths
        roster invite send --role: Db(Roles(Some(Profile)))
        roster invite accept <ID>: Db(Invitations)
        roster invite reject <ID>: Db(Invitations)
        roster invite cancel <ID>: Db(Invitations)
        roster invite show <ID>: Db(Invitations)
        roster invite list <PROFILE>: Db(Profiles)
        roster media add <PROFILE>: Db(Profiles)
        roster media add --path: Paths
        roster media list <PROFILE>: Db(Profiles)
        roster role create --allow: Patterns
        roster role show <NAME>: Db(Roles(None))
        roster role update <NAME>: Db(Roles(None))
        roster role update --allow: Patterns
        roster role update --deny: Patterns
        roster role delete <NAME>: Db(Roles(None))
        roster can <USER>: Db(Users)
        roster can <EVENT>: Events
        roster can <PROFILE>: Db(Profiles)
        roster can --role: Db(Roles(None))
        roster login <USER>: Db(Users)
        roster login --profile: Db(Profiles)
        roster session issue <USER>: Db(Users)
        roster session issue --profile: Db(Profiles)
        roster session list --user: Db(Users)
        roster session list --profile: Db(Profiles)
        roster session show <SESSION>: Db(Sessions)
        roster session use <SESSION>: Db(Sessions)
        roster session use <PROFILE>: Db(Profiles)
        roster session revoke <SESSIONS>: Db(Sessions)
        roster session revoke --user: Db(Users)
        roster seed <FILES>: Paths
        roster audit --actor: Db(Users)
        roster audit --event: AuditEvents
        ");
    }
}
