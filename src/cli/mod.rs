//! The command line. Parsing starts here, with the root of the one clap tree ([`Cli`]);
//! each command family's file under `cli/` owns its arguments, calls an action and renders
//! the outcome. No SQL and no rules here.

mod audit;
mod backup;
mod can;
pub mod completions;
mod copy;
mod doctor;
pub mod help;
mod init;
mod invite;
mod mail;
mod media;
mod member;
mod page;
mod profile;
mod prompt;
mod role;
mod seed;
mod session;
mod user;

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use chrono::{DateTime, Utc};
use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::actions::{self, Ctx};
use crate::audit_chain::{self, AuditKey};
use crate::error::{Error, Result};
use crate::output::{Format, Printer, safe};
use crate::store::{
    DEFAULT_BUSY_TIMEOUT_MS, Location, MAX_BUSY_TIMEOUT_MS, OpenMode, PgEnv, Store, Tx,
};

/// Everything a command needs from the world outside: options, clock, terminal, login.
/// The environment is read here, once, and nowhere else in the CLI.
pub struct App {
    /// The database: a file, or a PostgreSQL URL (shown with its password masked).
    pub db: Location,
    /// `--db` was given as `ROSTER_DB` holds it (so a printed command need not repeat it).
    pub db_from_env: bool,
    /// What a PostgreSQL URL takes from the environment (a password).
    pub pg_env: PgEnv,
    pub as_user: Option<String>,
    pub yes: bool,
    pub out: Printer,
    /// The operator's login name, for the audit log.
    pub login: String,
    pub now: DateTime<Utc>,
    pub busy_timeout_ms: u64,
    /// stdin and stderr are terminals and --no-input was not given: prompts are allowed.
    pub interactive: bool,
    /// --no-input was given: why nothing is asked, even at a terminal.
    pub no_input: bool,
    /// Threads a seed may use (password hashing; from 2, pass two read on its own thread):
    /// `ROSTER_THREADS`, else every core.
    pub threads: usize,
    /// The largest seed input accepted: `ROSTER_MAX_INPUT` bytes, else 4 GiB.
    pub max_input: crate::seed::Limit,
    /// `ROSTER_AUDIT_KEY_FILE`: the key file audit rows are keyed and verified with.
    pub audit_key_file: Option<PathBuf>,
    /// That file's key, read once, on the first open of the database (so that `roster
    /// init --audit-key` can create the very file the variable names).
    audit_key: OnceLock<Result<Option<Arc<AuditKey>>>>,
    /// The mail variables (README "Mail"), read in full by the commands that email.
    pub mail: mail::MailEnv,
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The login name of the OS account roster runs as, for when `USER` and `LOGNAME` are
/// unset (cron, systemd units, containers): the password database's entry for the real
/// uid, else `uid:N`.
#[cfg(unix)]
fn os_login() -> String {
    use std::ffi::CStr;
    // SAFETY: getuid has no preconditions and cannot fail.
    let uid = unsafe { libc::getuid() };
    // SAFETY: an all-zero passwd is a valid value of the plain C struct (null pointers,
    // zero ids); getpwuid_r fills it in and points its strings into `buf`.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut buf: Vec<libc::c_char> = vec![0; 1024];
    let mut found: *mut libc::passwd = std::ptr::null_mut();
    loop {
        // SAFETY: every pointer is to live memory of the size given; `found` is set to
        // `&mut pwd` or null.
        let rc =
            unsafe { libc::getpwuid_r(uid, &mut pwd, buf.as_mut_ptr(), buf.len(), &mut found) };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        break;
    }
    if found.is_null() || pwd.pw_name.is_null() {
        return format!("uid:{uid}");
    }
    // SAFETY: pw_name is a NUL-terminated string in `buf`, which is still alive.
    let name = unsafe { CStr::from_ptr(pwd.pw_name) }
        .to_string_lossy()
        .into_owned();
    if name.is_empty() {
        format!("uid:{uid}")
    } else {
        name
    }
}

#[cfg(not(unix))]
fn os_login() -> String {
    env("USERNAME").unwrap_or_else(|| "unknown".to_string())
}

/// What a PostgreSQL URL takes from the environment: `PGPASSWORD`, the password file.
fn pg_env() -> PgEnv {
    PgEnv {
        password: env("PGPASSWORD"),
        passfile: env("PGPASSFILE")
            .map(PathBuf::from)
            .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".pgpass")))
            .and_then(|p| std::fs::read_to_string(p).ok()),
    }
}

/// A numeric setting from the environment: unset is `None`; a value that does not parse,
/// or that `ok` refuses, is a usage error (2) naming the variable and what it takes.
fn env_number<T: std::str::FromStr>(
    name: &str,
    ok: impl Fn(&T) -> bool,
    what: &str,
    hint: &str,
) -> Result<Option<T>> {
    let Some(v) = env(name) else {
        return Ok(None);
    };
    match v.parse::<T>() {
        Ok(n) if ok(&n) => Ok(Some(n)),
        _ => Err(Error::usage(format!("{name} {v:?} is not {what}")).hint(hint)),
    }
}

/// Format, colours, width and verbosity: decided once, from the flags, the terminal and
/// `NO_COLOR` / `TERM` / `COLUMNS`.
/// `--db PATH` for the commands roster prints, when the database is neither the default
/// `roster.db` nor `ROSTER_DB`'s (where a command printed without it finds it anyway).
fn db_flag(db: &Location, from_env: bool) -> Option<crate::output::DbFlag> {
    if from_env || db.file() == Some(std::path::Path::new("roster.db")) {
        return None;
    }
    let words = format!("--db {}", crate::output::shell_quote(&db.to_string()));
    Some(crate::output::DbFlag {
        words: safe(&words).into_owned(),
        commands: command_names,
    })
}

/// The top-level command names, read from the tree once, when first asked.
fn command_names() -> &'static [String] {
    static NAMES: OnceLock<Vec<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        Cli::command()
            .get_subcommands()
            .map(|c| c.get_name().to_string())
            .collect()
    })
}

fn printer(g: &Global, stderr_tty: bool) -> Result<Printer> {
    let stdout_tty = std::io::stdout().is_terminal();
    // ROSTER_FORMAT is the default --format (the README's examples run with it set to
    // table); read here rather than by clap, so that `--json` still wins over it.
    let env_format = match env("ROSTER_FORMAT") {
        None => None,
        Some(v) => Some(Format::from_str(&v, true).map_err(|_| {
            Error::usage(format!(
                "ROSTER_FORMAT {v:?} is not one of table, json, jsonl, csv"
            ))
            .hint("for example ROSTER_FORMAT=table, or unset it")
        })?),
    };
    let format_asked = g.format.or(env_format);
    let no_color = env("NO_COLOR").is_some() || env("TERM").as_deref() == Some("dumb");
    let (color, err_color) = match g.color {
        ColorChoice::Always => (true, true),
        ColorChoice::Never => (false, false),
        ColorChoice::Auto => (stdout_tty && !no_color, stderr_tty && !no_color),
    };
    let format = if g.json {
        Format::Json
    } else {
        format_asked.unwrap_or(if stdout_tty {
            Format::Table
        } else {
            Format::Json
        })
    };
    let width = env("COLUMNS")
        .and_then(|c| c.parse::<u16>().ok())
        .filter(|w| *w >= 20)
        .or_else(|| if stdout_tty { terminal_width() } else { None });
    Ok(Printer {
        format,
        color,
        err_color,
        quiet: g.quiet,
        verbose: g.verbose,
        width,
        json_asked: g.json || format_asked == Some(Format::Json),
        db_flag: None,
    })
}

impl App {
    pub fn new(cli: &Cli) -> Result<App> {
        let g = &cli.global;
        let stderr_tty = std::io::stderr().is_terminal();
        let now = match env("ROSTER_NOW") {
            Some(t) => {
                let at = crate::model::parse_timestamp(&t).ok_or_else(|| {
                    Error::usage(format!("ROSTER_NOW {t:?} is not an RFC 3339 time"))
                        .hint("for example ROSTER_NOW=2026-11-21T12:00:00Z, or unset it")
                })?;
                // A pinned clock pins the time part of new ids too (README "Global options").
                crate::model::pin_id_clock(at);
                at
            }
            None => Utc::now(),
        };
        let busy_timeout_ms = env_number(
            "ROSTER_BUSY_TIMEOUT_MS",
            |ms: &u64| *ms <= MAX_BUSY_TIMEOUT_MS,
            &format!("a number of milliseconds from 0 to {MAX_BUSY_TIMEOUT_MS}"),
            "for example ROSTER_BUSY_TIMEOUT_MS=5000 (the default), or unset it",
        )?
        .unwrap_or(DEFAULT_BUSY_TIMEOUT_MS);
        let max_input = env_number(
            "ROSTER_MAX_INPUT",
            |n: &u64| *n > 0,
            "a positive number of bytes",
            "for example ROSTER_MAX_INPUT=8589934592 (8 GiB), or unset it for 4 GiB",
        )?
        .map_or_else(crate::seed::Limit::default, crate::seed::Limit);
        let threads = env_number(
            "ROSTER_THREADS",
            |n: &usize| *n >= 1,
            "a positive number",
            "for example ROSTER_THREADS=2, or unset it to use every core",
        )?
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        // Recorded in the audit log as `operator:<login>`: stored escaped, so that a login
        // name holding control characters never reaches a terminal raw.
        let login = safe(
            &env("USER")
                .or_else(|| env("LOGNAME"))
                .unwrap_or_else(os_login),
        )
        .into_owned();
        let pg_env = pg_env();
        let db = Location::parse(&g.db, env("ROSTER_PG_SCHEMA").as_deref(), &pg_env)?;
        let db_from_env = std::env::var_os("ROSTER_DB").is_some_and(|v| v == g.db.as_os_str());
        let mut out = printer(g, stderr_tty)?;
        out.db_flag = db_flag(&db, db_from_env);
        Ok(App {
            db,
            db_from_env,
            pg_env,
            as_user: g.as_user.clone().filter(|s| !s.is_empty()),
            yes: g.yes,
            out,
            login,
            now,
            busy_timeout_ms,
            interactive: !g.no_input && std::io::stdin().is_terminal() && stderr_tty,
            no_input: g.no_input,
            threads,
            max_input,
            audit_key_file: env("ROSTER_AUDIT_KEY_FILE").map(PathBuf::from),
            audit_key: OnceLock::new(),
            mail: mail::MailEnv {
                smtp_url: env("ROSTER_SMTP_URL"),
                from: env("ROSTER_MAIL_FROM"),
                link: env("ROSTER_INVITE_LINK"),
                templates: env("ROSTER_MAIL_TEMPLATES").map(PathBuf::from),
                timeout_ms: env_number(
                    "ROSTER_SMTP_TIMEOUT_MS",
                    |ms: &u64| (1..=600_000).contains(ms),
                    "a number of milliseconds from 1 to 600000",
                    "for example ROSTER_SMTP_TIMEOUT_MS=10000 (the default), or unset it",
                )?,
            },
        })
    }

    /// The audit key of `ROSTER_AUDIT_KEY_FILE`, read on first use; a bad key file is a
    /// usage error (2) naming it.
    pub fn audit_key(&self) -> Result<Option<Arc<AuditKey>>> {
        self.audit_key
            .get_or_init(|| {
                self.audit_key_file
                    .as_deref()
                    .map(|p| audit_chain::load_key_file(p).map(Arc::new))
                    .transpose()
            })
            .clone()
    }

    pub fn open(&self, mode: OpenMode) -> Result<Store> {
        let key = self.audit_key()?;
        let store = Store::open_at(&self.db, mode, self.busy_timeout_ms)?.with_audit_key(key);
        if self.out.verbose > 0 {
            // The location as every message shows it: a URL's password masked.
            self.out
                .note(&format!("database: {} ({})", self.db, store.backend_name()));
        }
        Ok(store)
    }

    /// The context of this command, with the `--as` user resolved inside `tx`.
    pub fn ctx(&self, tx: &Tx<'_>) -> Result<Ctx> {
        let actor = actions::resolve_actor(tx, &self.login, self.as_user.as_deref())?;
        Ok(Ctx::new(actor, self.now, "cli"))
    }

    /// Runs a change in one immediate transaction. `mode` says whether a missing database
    /// may be created (commands that create records) or is refused (the others).
    pub fn write<T>(
        &self,
        mode: OpenMode,
        f: impl FnOnce(&mut Tx<'_>, &Ctx) -> Result<T>,
    ) -> Result<T> {
        let mut store = self.open(mode)?;
        store.write(|tx| {
            let ctx = self.ctx(tx)?;
            f(tx, &ctx)
        })
    }

    /// [`App::write`], emailing the invitations it sends through `notify` (README "Mail").
    pub fn write_notifying<T>(
        &self,
        mode: OpenMode,
        notify: Option<Arc<actions::mail::Notify>>,
        f: impl FnOnce(&mut Tx<'_>, &Ctx) -> Result<T>,
    ) -> Result<T> {
        let mut store = self.open(mode)?;
        store.write(|tx| {
            let ctx = self.ctx(tx)?.notifying(notify);
            f(tx, &ctx)
        })
    }

    /// Runs a read in one snapshot; a missing database is refused (66).
    pub fn read<T>(&self, f: impl FnOnce(&mut Tx<'_>, &Ctx) -> Result<T>) -> Result<T> {
        let mut store = self.open(OpenMode::Existing)?;
        store.read(|tx| {
            let ctx = self.ctx(tx)?;
            f(tx, &ctx)
        })
    }

    /// Asks before a change (`what`: `remove 3 members from office`), reading a whole
    /// line: `y`/`yes` goes ahead, Enter or `n`/`no` changes nothing (exit 2). `--yes`
    /// skips the question; without a terminal (or with --no-input) and without `--yes` the
    /// command is refused with exit 2. The most destructive changes ask for a name to be
    /// typed instead ([`App::confirm_by_typing`]).
    pub fn confirm(&self, what: &str) -> Result<()> {
        if self.yes {
            return Ok(());
        }
        self.may_confirm(what)?;
        let answer = self
            .ask_yes_no(&format!("{what}?"), Some(false))
            .map_err(|e| {
                Error::usage(format!(
                    "{what}: could not ask for confirmation ({})",
                    e.message
                ))
                .hint("add --yes to confirm")
            })?;
        if answer {
            Ok(())
        } else {
            Err(Error::usage(format!(
                "{what}: not confirmed; nothing was changed"
            )))
        }
    }

    /// Ok when a confirmation can be asked; else the usage error that names `--yes`.
    pub fn may_confirm(&self, what: &str) -> Result<()> {
        if self.interactive {
            return Ok(());
        }
        Err(Error::usage(format!(
            "{what}: confirmation needed, and {}",
            self.not_asking()
        ))
        .hint("add --yes to confirm"))
    }

    /// Why a question cannot be asked (when not [`App::interactive`]): `--no-input` was
    /// given, or there is no terminal.
    pub fn not_asking(&self) -> &'static str {
        if self.no_input {
            "--no-input forbids asking"
        } else {
            "there is no terminal to ask"
        }
    }

    /// Reads a password from stdin: one line, without its line ending.
    pub fn read_stdin_lines(&self, count: usize) -> Result<Vec<String>> {
        let mut text = String::new();
        std::io::stdin()
            .take(64 * 1024)
            .read_to_string(&mut text)
            .map_err(|e| Error::invalid(format!("could not read the password from stdin: {e}")))?;
        let lines: Vec<String> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l).to_string())
            .take(count)
            .collect();
        if lines.len() < count || lines.iter().any(String::is_empty) {
            return Err(Error::invalid(format!(
                "--password-stdin: expected {count} non-empty line{} on stdin",
                if count == 1 { "" } else { "s" }
            )));
        }
        Ok(lines)
    }

    /// A new password: from stdin with `--password-stdin`, else a hidden prompt with
    /// confirmation on a terminal, else a usage error naming the flag.
    pub fn new_password(&self, from_stdin: bool, what: &str) -> Result<String> {
        if from_stdin {
            return Ok(self.read_stdin_lines(1)?.remove(0));
        }
        self.prompt_password(what)
    }

    pub fn prompt_password(&self, what: &str) -> Result<String> {
        if !self.interactive {
            return Err(Error::usage(format!(
                "{what}: no password given, and {}",
                self.not_asking()
            ))
            .hint("pipe it in with --password-stdin (passwords are never taken as arguments)"));
        }
        Ok(self.ask_new_password(what, false)?.unwrap_or_default())
    }
}

fn terminal_width() -> Option<u16> {
    let mut t = comfy_table::Table::new();
    t.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
    t.width()
}

/// `created user ann@example.com (id …)`: the one-line confirmation of a table-format change.
pub fn said(outcome: &str, noun: &str, name: &str, id: &str) -> String {
    if name == id {
        format!("{outcome} {noun} {name}")
    } else {
        format!("{outcome} {noun} {name} (id {id})")
    }
}

// ---------------------------------------------------------------- the command tree

// The root of the clap tree: the global flags and one variant per command family. Each
// family's subcommands and flags live in its own file (`user::UserCmd`, …). Help text
// only; no behaviour.

const ABOUT: &str =
    "Administer users, profiles, memberships, invitations and media, in SQLite or PostgreSQL";

const EXAMPLES: &str = "\
Examples:
  roster init                                   create ./roster.db
  roster user create --email ann@example.com --name Ann
  roster profile create --name 'The Smiths'     slug: the-smiths
  roster --json profile list                    machine-readable output

Environment: ROSTER_DB, ROSTER_AS, ROSTER_BUSY_TIMEOUT_MS, NO_COLOR (see the README).";

/// The widest help text, whatever the terminal.
pub const MAX_HELP_WIDTH: usize = 100;

#[derive(Debug, Parser)]
#[command(name = "roster", version, about = ABOUT, after_help = EXAMPLES, max_term_width = MAX_HELP_WIDTH)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// The flags every command takes. Each subcommand's help lists its own options first and
/// these under their own heading, as gh's "INHERITED FLAGS".
#[derive(Debug, Args)]
#[command(next_help_heading = "Global options")]
pub struct Global {
    /// The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)
    #[arg(
        long,
        global = true,
        env = "ROSTER_DB",
        default_value = "roster.db",
        value_name = "PATH",
        // A URL's password must not show in --help.
        hide_env_values = true
    )]
    pub db: PathBuf,
    /// Act as this user (id, email or username) under the rules; default: the operator
    #[arg(long = "as", global = true, env = "ROSTER_AS", value_name = "USER")]
    pub as_user: Option<String>,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Same as --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,
    /// Answer yes to confirmations (needed for destructive commands without a terminal)
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Never prompt; a missing value is an error
    #[arg(long, global = true)]
    pub no_input: bool,
    /// No confirmations, notes or hints on success (data asked for still prints)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// More detail on stderr
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to use colours; give it before the command (NO_COLOR turns them off in auto)
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database, with onboarding on a terminal
    #[command(
        after_help = "On a terminal, a database without users starts the onboarding: the first admin\n\
        account, then the first profile (optional). --no-input, or no terminal, skips it.\n\n\
        Examples:\n  roster init\n  roster --db /srv/roster/roster.db --no-input init\n  \
        roster init --audit-key /etc/roster/audit.key   then set ROSTER_AUDIT_KEY_FILE to it"
    )]
    Init(init::InitArgs),
    /// Users: people who can sign in
    #[command(
        subcommand,
        after_help = "Examples:\n  roster user create --email ann@example.com --name 'Ann Smith'\n  \
        roster user list"
    )]
    User(user::UserCmd),
    /// Profiles: isolated groups, each with its own media library
    #[command(
        subcommand,
        after_help = "Examples:\n  roster profile create --name 'The Smiths'\n  roster profile list"
    )]
    Profile(profile::ProfileCmd),
    /// Memberships: who belongs to a profile, with which role
    #[command(
        subcommand,
        after_help = "Examples:\n  roster member add the-smiths bob@example.com\n  \
        roster member list the-smiths"
    )]
    Member(member::MemberCmd),
    /// Invitations by email to join a profile
    #[command(
        subcommand,
        after_help = "Examples:\n  roster invite send the-smiths dan@example.com\n  \
        roster invite list --status pending"
    )]
    Invite(invite::InviteCmd),
    /// The outbox of invitation emails: deliver and list them
    #[command(
        subcommand,
        after_help = "Examples:\n  roster mail deliver\n  roster mail list --status queued"
    )]
    Mail(mail::MailCmd),
    /// Media: each profile's library of movies, shows and episodes
    #[command(
        subcommand,
        after_help = "Examples:\n  roster media add the-smiths --type movie --title 'Arrival' --year 2016\n  \
            roster media list the-smiths --search arr"
    )]
    Media(media::MediaCmd),
    /// Roles: what each role lets its holders do
    #[command(
        subcommand,
        after_help = "Examples:\n  roster role list\n  \
        roster role create editor --scope profile --allow media-*,member-list"
    )]
    Role(role::RoleCmd),
    /// Explain whether a user may do something, and why: one decision, or --all
    #[command(after_help = "Exit 0 when allowed, 1 when denied.\n\n\
        Examples:\n  roster can bob@example.com member-add smith-family\n  \
        roster can bob@example.com media-remove --record 0193…\n  \
        roster can bob@example.com --all smith-family")]
    Can(can::CanArgs),
    /// Sign a user in with their password: a session, and its token (printed once)
    #[command(
        after_help = "The token is printed once, on stdout (with -q, the token alone); only its SHA-256 is kept.\n\n\
        Examples:\n  roster login bob@example.com\n  \
        printf '%s\\n' \"$PW\" | roster -q login bob@example.com --password-stdin --profile smith-family"
    )]
    Login(session::LoginArgs),
    /// Sessions: signed-in people, their active profile, revocation
    #[command(
        subcommand,
        after_help = "Examples:\n  roster session list --user bob@example.com\n  \
        roster --yes session revoke --user bob@example.com"
    )]
    Session(session::SessionCmd),
    /// Who is acting: the operator, or the --as user with their roles and memberships
    #[command(after_help = "Examples:\n  roster whoami\n  roster --as bob@example.com whoami")]
    Whoami,
    /// Load seed files: events applied atomically and idempotently
    Seed(seed::SeedArgs),
    /// Write the whole database as a seed document
    Export(seed::ExportArgs),
    /// Copy every row (audit log, sessions, secrets) into an empty database of either backend
    #[command(
        after_help = "One transaction on the target: it is filled, its row counts compared with this database's and its audit chain verified, or nothing is written.\n\n\
        Examples:\n  roster copy --to postgres://roster@db.example.com/app\n  \
        roster --db postgres://roster@db.example.com/app copy --to roster-backup.db"
    )]
    Copy(copy::CopyArgs),
    /// A consistent copy of a live SQLite database (SQLite's online backup), optionally verified
    #[command(
        after_help = "Other processes keep reading and writing while the copy is taken; the copy is one snapshot. It is written under a temporary name beside FILE (mode 0600) and renamed into place only when complete (and, with --verify, checked).\n\n\
        Examples:\n  roster backup /var/backups/roster-2026-12-01.db --verify\n  \
        roster --yes backup roster-latest.db   (replace yesterday's)"
    )]
    Backup(backup::BackupArgs),
    /// The audit log of every change, and its verification
    Audit(audit::AuditArgs),
    /// Check integrity, the audit chain and the invariants; suggest fixes
    #[command(after_help = "Examples:\n  roster doctor\n  \
        roster --json doctor | jq -r '.findings[].fix'   (the suggested fixes, one per line)")]
    Doctor,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(completions::CompletionsArgs),
}

/// Parses the process arguments (see [`parse_from`]: the tree as declared, the whole one
/// with its grouped help when help is asked for).
pub fn parse() -> Result<Cli, clap::Error> {
    parse_from(std::env::args_os())
}

pub fn parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    use clap::error::ErrorKind;
    let args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    // The tree as declared, built by clap only along the path the arguments take: what
    // every command pays before it starts. Help is rendered from the whole tree with its
    // grouped template ([`help::command`]), so a request for help parses again with that.
    match parse_with(<Cli as CommandFactory>::command(), &args) {
        Err(e)
            if matches!(
                e.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
            ) =>
        {
            parse_with(help::command(), &args)
        }
        parsed => parsed,
    }
}

fn parse_with(mut cmd: clap::Command, args: &[std::ffi::OsString]) -> Result<Cli, clap::Error> {
    let mut matches = cmd.try_get_matches_from_mut(args)?;
    // An empty ROSTER_AS is unset (the operator); an empty --as is a mistake — a script's
    // empty variable — and must not run as the operator, who may do everything.
    if matches.value_source("as_user") == Some(clap::parser::ValueSource::CommandLine)
        && matches
            .get_one::<String>("as_user")
            .is_some_and(|s| s.is_empty())
    {
        return Err(cmd.error(
            clap::error::ErrorKind::InvalidValue,
            "--as needs a user (id, email or username); leave it out to act as the operator",
        ));
    }
    Cli::from_arg_matches_mut(&mut matches).map_err(|e| e.format(&mut cmd))
}

/// Runs one parsed command.
pub fn dispatch(app: &App, command: Command) -> Result<()> {
    match command {
        Command::Init(a) => init::run(app, a),
        Command::User(cmd) => user::run(app, cmd),
        Command::Profile(cmd) => profile::run(app, cmd),
        Command::Member(cmd) => member::run(app, cmd),
        Command::Invite(cmd) => invite::run(app, cmd),
        Command::Mail(cmd) => mail::run(app, cmd),
        Command::Role(cmd) => role::run(app, cmd),
        Command::Can(a) => can::run(app, a),
        Command::Login(a) => session::login(app, a),
        Command::Session(cmd) => session::run(app, cmd),
        Command::Whoami => session::whoami(app),
        Command::Seed(a) => seed::seed(app, a),
        Command::Export(a) => seed::export(app, a),
        Command::Copy(a) => copy::run(app, a),
        Command::Backup(a) => backup::run(app, a),
        Command::Media(cmd) => media::run(app, cmd),
        Command::Audit(cmd) => audit::run(app, cmd),
        Command::Doctor => doctor::run(app),
        Command::Completions(a) => completions::run(app, a),
    }
}
