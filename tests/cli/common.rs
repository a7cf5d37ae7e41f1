//! The test environment: a temporary directory, a pinned environment (jj's
//! `TestEnvironment`), and helpers to run the real binary.
//!
//! Everything a run's output could take from the machine is pinned: the clock
//! (`ROSTER_NOW`), the terminal width, colour, the login, `HOME` and `TMPDIR`. What is left
//! (generated ids, audit hashes, timings, the temporary directory's path) is taken out by
//! [`redact`] and [`Env::redact`], so that whole outputs can be compared with inline
//! snapshots (`insta::assert_snapshot!(redact(&out), @"...")`, as jj's tests do).
//!
//! Every test runs against SQLite, or, with `ROSTER_TEST_BACKEND=postgres`, against
//! PostgreSQL ([`backend`]): each [`Env`] then has a schema of its own and gives roster its
//! URL in `ROSTER_DB` ([`Env::db_url`]); `crate::pg` finds or starts the server. A test about
//! database files uses [`Env::file`], or returns early unless [`Env::sqlite_only`].

#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::Once;
use std::sync::atomic::{AtomicI64, Ordering};

use assert_cmd::Command;
use serde_json::Value;

use crate::pg;

/// The "now" (`ROSTER_NOW`) of an environment's first run; each later run is one second
/// later (as jj's `TestEnvironment` does with `JJ_TIMESTAMP`), so that outputs are the same
/// on every machine and yet a command that should leave `updated_at` alone, or one that
/// should stamp it, is still told apart from the command before it. A test that sets its
/// own `ROSTER_NOW` keeps it.
pub const NOW: &str = "2026-11-21T12:00:00Z";

/// The database the tests run against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// `ROSTER_TEST_BACKEND`: unset, empty or `sqlite` is SQLite; `postgres` (or `postgresql`)
/// is PostgreSQL, for every [`Env::new`].
pub fn backend() -> Backend {
    match std::env::var("ROSTER_TEST_BACKEND").as_deref() {
        Err(_) | Ok("" | "sqlite") => Backend::Sqlite,
        Ok("postgres" | "postgresql") => Backend::Postgres,
        Ok(other) => panic!("ROSTER_TEST_BACKEND={other:?}: expected sqlite or postgres"),
    }
}

/// The PostgreSQL schema of an environment, in the database at `base`.
struct PgSchema {
    base: &'static str,
    psql: Option<&'static Path>,
    name: String,
}

/// The base URL of this process's PostgreSQL database, and its `psql`. When there is none
/// and none is required, says so on one line and ends the process with success: the
/// PostgreSQL run of every test is then a no-op (libtest has no way for one test to skip).
fn pg_server() -> (&'static str, Option<&'static Path>) {
    match pg::server() {
        Ok(server) => (server.url.as_str(), server.psql.as_deref()),
        Err(pg::Unavailable::Broken(why)) => panic!("PostgreSQL could not be started: {why}"),
        Err(pg::Unavailable::Missing(why)) => {
            assert!(
                !pg::required(),
                "PostgreSQL is needed by ROSTER_TEST_BACKEND=postgres and is missing ({why}), \
                 and is required (ROSTER_TEST_REQUIRE_PG=1 or CI set): install it or set \
                 ROSTER_TEST_PG_URL"
            );
            static SKIP: Once = Once::new();
            SKIP.call_once(|| {
                // Past libtest's capture, which would drop it when the process ends.
                let _ = writeln!(
                    std::io::stderr(),
                    "skipped: PostgreSQL not available ({why}); every test of this run is a no-op"
                );
                std::process::exit(0);
            });
            unreachable!("the process has ended")
        }
    }
}

/// A temporary directory holding the working directory (also `HOME`) and, beside it, the
/// directory `TMPDIR` points at, so that a test listing the working directory never sees
/// roster's temporary files.
pub struct Env {
    root: tempfile::TempDir,
    dir: PathBuf,
    tmp: PathBuf,
    /// How many commands this environment has started.
    runs: AtomicI64,
    /// In PostgreSQL mode, the schema that is this environment's database.
    pg: Option<PgSchema>,
}

impl Env {
    /// An environment on the [`backend`] of this run.
    pub fn new() -> Env {
        Env::on(backend())
    }

    /// An environment that uses SQLite (`roster.db` in the working directory) whatever the
    /// [`backend`]: for the tests that are about database files.
    pub fn file() -> Env {
        Env::on(Backend::Sqlite)
    }

    fn on(backend: Backend) -> Env {
        let pg = (backend == Backend::Postgres).then(|| {
            let (base, psql) = pg_server();
            PgSchema {
                base,
                psql,
                name: pg::new_schema(),
            }
        });
        let root = tempfile::tempdir().expect("temp dir");
        let dir = root.path().join("work");
        let tmp = root.path().join("tmp");
        std::fs::create_dir(&dir).expect("working directory");
        std::fs::create_dir(&tmp).expect("TMPDIR");
        Env {
            root,
            dir,
            tmp,
            runs: AtomicI64::new(0),
            pg,
        }
    }

    /// Whether this environment's database is PostgreSQL.
    pub fn is_pg(&self) -> bool {
        self.pg.is_some()
    }

    /// For a test that only makes sense on SQLite: true when this environment is SQLite's;
    /// otherwise says so on one line and is false, so that the test can
    /// `if !env.sqlite_only("file mode") { return; }`.
    pub fn sqlite_only(&self, why: &str) -> bool {
        if self.is_pg() {
            eprintln!("sqlite only ({why}): covered by the SQLite run");
        }
        !self.is_pg()
    }

    /// For a test that only makes sense on PostgreSQL: true when this environment is
    /// PostgreSQL's; otherwise says so on one line and is false.
    pub fn pg_only(&self, why: &str) -> bool {
        if !self.is_pg() {
            eprintln!("postgres only ({why}): covered by the PostgreSQL run");
        }
        self.is_pg()
    }

    /// The PostgreSQL schema of this environment, if it has one.
    pub fn pg_schema(&self) -> Option<&str> {
        self.pg.as_ref().map(|pg| pg.name.as_str())
    }

    /// What names this environment's database for `--db` and `ROSTER_DB`: in PostgreSQL
    /// mode its URL, `postgresql:///DB?host=SOCKETDIR&user=postgres&schema=SCHEMA` (what
    /// [`Env::command`] puts in `ROSTER_DB`); otherwise the path of [`Env::db`].
    pub fn db_url(&self) -> String {
        match &self.pg {
            Some(pg) => pg::with_param(pg.base, "schema", &pg.name),
            None => self.db().display().to_string(),
        }
    }

    /// Runs SQL with `psql` in this environment's PostgreSQL schema (its `search_path`),
    /// for tests that look at or tamper with the database; returns the rows, one a line,
    /// values `|`-separated. Panics in SQLite mode and when the SQL fails.
    pub fn psql(&self, sql: &str) -> String {
        let pg = self
            .pg
            .as_ref()
            .expect("Env::psql needs a PostgreSQL environment");
        let program = pg
            .psql
            .expect("psql is needed by this test and is missing (.ci/run installs it)");
        let out = pg::psql(program, pg.base)
            .env("PGOPTIONS", format!("-c search_path={}", pg.name))
            .arg("-c")
            .arg(sql)
            .output()
            .expect("run psql");
        assert!(
            out.status.success(),
            "psql {sql:?} failed\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs SQL statements on this environment's database, whichever the backend: through
    /// rusqlite on SQLite, `psql` on PostgreSQL (in the environment's schema). For tests
    /// that tamper with the database in SQL both engines read the same way (plain
    /// INSERT/UPDATE/DELETE; timestamps as RFC 3339 text literals, JSON as text).
    pub fn sql(&self, sql: &str) {
        if self.is_pg() {
            self.psql(sql);
        } else {
            sqlite(&self.db())
                .execute_batch(sql)
                .unwrap_or_else(|e| panic!("sql {sql:?}: {e}"));
        }
    }

    /// [`Env::sql`] for a statement that may be refused (a CHECK, a trigger): the
    /// database's message when it is.
    pub fn try_sql(&self, sql: &str) -> Result<(), String> {
        if let Some(pg) = &self.pg {
            let program = pg
                .psql
                .expect("psql is needed by this test and is missing (.ci/run installs it)");
            let out = pg::psql(program, pg.base)
                .env("PGOPTIONS", format!("-c search_path={}", pg.name))
                .arg("-c")
                .arg(sql)
                .output()
                .expect("run psql");
            if out.status.success() {
                Ok(())
            } else {
                Err(String::from_utf8_lossy(&out.stderr).into_owned())
            }
        } else {
            sqlite(&self.db())
                .execute_batch(sql)
                .map_err(|e| e.to_string())
        }
    }

    /// One value of a query (the first column of the first row, as text; empty when
    /// null or no row), whichever the backend.
    pub fn sql_value(&self, sql: &str) -> String {
        if self.is_pg() {
            let out = self.psql(sql);
            out.lines()
                .next()
                .unwrap_or("")
                .split('|')
                .next()
                .unwrap_or("")
                .to_string()
        } else {
            sqlite(&self.db())
                .query_row(sql, [], |r| {
                    Ok(match r.get_ref(0)? {
                        rusqlite::types::ValueRef::Null => String::new(),
                        rusqlite::types::ValueRef::Integer(i) => i.to_string(),
                        rusqlite::types::ValueRef::Real(f) => f.to_string(),
                        rusqlite::types::ValueRef::Text(t) => {
                            String::from_utf8_lossy(t).into_owned()
                        }
                        rusqlite::types::ValueRef::Blob(b) => format!("{b:?}"),
                    })
                })
                .unwrap_or_else(|e| panic!("sql {sql:?}: {e}"))
        }
    }

    /// A new environment holding a copy of this one's database, on the same backend: for a
    /// command that must not change the original. A SQLite file is copied with its WAL
    /// and shared-memory files; a PostgreSQL schema with `roster copy --to`.
    pub fn fork(&self) -> Env {
        let copy = if self.is_pg() {
            Env::new()
        } else {
            Env::file()
        };
        if self.is_pg() {
            self.ok(&["copy", "--to", &copy.db_url()]);
        } else {
            std::fs::copy(self.db(), copy.db()).expect("copy the database");
            for ext in ["-wal", "-shm"] {
                let f = PathBuf::from(format!("{}{ext}", self.db().display()));
                if f.exists() {
                    std::fs::copy(&f, format!("{}{ext}", copy.db().display()))
                        .expect("copy a companion");
                }
            }
        }
        copy
    }

    /// The `ROSTER_NOW` of the next command: [`NOW`] plus one second per command started
    /// before it.
    fn next_now(&self) -> String {
        let n = self.runs.fetch_add(1, Ordering::SeqCst);
        let start = chrono::DateTime::parse_from_rfc3339(NOW).expect("NOW is RFC 3339");
        (start + chrono::Duration::seconds(n))
            .with_timezone(&chrono::Utc)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    }

    /// The working directory of every run, and its `HOME`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where `TMPDIR` points.
    pub fn tmpdir(&self) -> &Path {
        &self.tmp
    }

    /// An environment whose database already exists (via `roster init`).
    pub fn init() -> Env {
        let env = Env::new();
        env.ok(&["init"]);
        env
    }

    /// Defines custom global roles (granting `user-list`), so that tests may grant them.
    pub fn global_roles(&self, names: &[&str]) {
        for name in names {
            self.ok(&[
                "role",
                "create",
                name,
                "--scope",
                "global",
                "--allow",
                "user-list",
            ]);
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// The SQLite database file (in PostgreSQL mode, where roster does not use it; see
    /// [`Env::db_url`]).
    pub fn db(&self) -> PathBuf {
        self.path("roster.db")
    }

    /// `program` with a cleared, pinned environment, running in the working directory:
    /// for the tests that start roster through a shell, `script` or their own process. In
    /// PostgreSQL mode `ROSTER_DB` is the environment's [`Env::db_url`].
    pub fn command(&self, program: impl AsRef<OsStr>) -> std::process::Command {
        let mut c = std::process::Command::new(program);
        c.env_clear()
            .current_dir(&self.dir)
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", &self.dir)
            .env("TMPDIR", &self.tmp)
            .env("USER", "tester")
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .env("ROSTER_NOW", self.next_now())
            .env("ROSTER_TEST_FAST_HASH", "1");
        if self.is_pg() {
            c.env("ROSTER_DB", self.db_url());
        }
        c
    }

    /// The roster binary, as [`Env::command`] starts it.
    pub fn roster(&self) -> std::process::Command {
        self.command(env!("CARGO_BIN_EXE_roster"))
    }

    /// `roster` with a cleared, pinned environment, running in the working directory.
    pub fn cmd(&self) -> Command {
        Command::from_std(self.roster())
    }

    /// [`redact`], and the temporary directory's paths as `[dir]` (the working directory)
    /// and `[tmpdir]`.
    /// On PostgreSQL, the environment's URL reads `roster.db`, the name the same output
    /// shows on SQLite, so that one snapshot serves both backends.
    pub fn redact(&self, text: &str) -> String {
        let text = if self.is_pg() {
            text.replace(&self.db_url(), "roster.db")
        } else {
            text.to_string()
        };
        let text = text
            .replace(&self.dir.display().to_string(), "[dir]")
            .replace(&self.tmp.display().to_string(), "[tmpdir]");
        redact(&text)
    }

    /// Runs roster with these arguments and stdin.
    pub fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        self.cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("run roster")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// Runs and expects exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with(args, "")
    }

    pub fn ok_with(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        assert_eq!(
            out.status.code(),
            Some(0),
            "roster {args:?} failed\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs with `--json` and expects exit 0; returns the parsed stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("roster {args:?}: stdout is not JSON ({e}): {out}"))
    }

    pub fn json_with(&self, args: &[&str], stdin: &str) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok_with(&all, stdin);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("roster {args:?}: stdout is not JSON ({e}): {out}"))
    }

    /// Runs and expects exit `code`; returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        self.fails_with(code, args, "")
    }

    pub fn fails_with(&self, code: i32, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "roster {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !stderr.contains("panicked"),
            "roster {args:?} panicked: {stderr}"
        );
        stderr
    }

    /// Creates a user with an email and a name (as the operator); returns its JSON.
    pub fn user(&self, email: &str, name: &str) -> Value {
        self.json(&["user", "create", "--email", email, "--name", name])
    }

    /// Creates a profile by name (as the operator); returns its JSON.
    pub fn profile(&self, name: &str) -> Value {
        self.json(&["profile", "create", "--name", name])
    }

    /// The number of audit rows.
    pub fn audit_len(&self) -> usize {
        self.json(&["audit"]).as_array().map_or(0, Vec::len)
    }

    pub fn bytes(&self, p: &Path) -> Vec<u8> {
        std::fs::read(p).expect("read file")
    }
}

/// Opens the database directly, for tests that tamper with it.
pub fn sqlite(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open sqlite")
}

/// Whether a tool a test needs is here. Missing under CI (`CI` set) is a failure, since
/// `.ci/run` installs every tool the tests use; elsewhere the test says on one line that it
/// skips, and why.
pub fn tool_present(tool: &str, found: bool) -> bool {
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is needed by this test and is missing under CI: .ci/run must install it"
        );
        eprintln!("skipped: {tool} is not installed (.ci/run installs it)");
    }
    found
}

/// Generated ids (UUIDs: v7 for records, v4 for invitations) replaced by `[id]`, audit
/// hashes (64 hex digits, which cover ids and times) by `[hash]`, and timings (`13 ms`) by
/// `[n] ms`. In a table cell the placeholder keeps the id's width, so that the columns stay
/// aligned.
pub fn redact(text: &str) -> String {
    let text = redact_hashes(&redact_ids(text));
    // Timings, and the rates a seed's summary gives (`1,234 ms, 81,037 events/s`).
    redact_unit(&redact_unit(&text, " ms"), " events/s")
}

/// A number (digits, maybe with thousands separators) before `unit` as `[n]`.
fn redact_unit(text: &str, unit: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(unit) {
        let (before, after) = rest.split_at(at);
        let number = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
        let number = before.len() - number.len();
        let digits = before[before.len() - number..]
            .trim_start_matches(',')
            .len();
        let word_start = before.len() - digits;
        let starts = before[..word_start]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        let ends = after[unit.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if digits > 0 && starts && ends {
            out.push_str(&before[..word_start]);
            out.push_str("[n]");
        } else {
            out.push_str(before);
        }
        out.push_str(unit);
        rest = &after[unit.len()..];
    }
    out.push_str(rest);
    out
}

fn redact_hashes(text: &str) -> String {
    const LEN: usize = 64;
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        let starts = at == 0 || !bytes[at - 1].is_ascii_alphanumeric();
        let run = bytes[at..]
            .iter()
            .take_while(|b| b.is_ascii_hexdigit())
            .count();
        if starts
            && run == LEN
            && bytes
                .get(at + LEN)
                .is_none_or(|b| !b.is_ascii_alphanumeric())
        {
            out.push_str(&text[copied..at]);
            out.push_str("[hash]");
            at += LEN;
            copied = at;
        } else {
            at += run.max(1);
        }
    }
    out.push_str(&text[copied..]);
    out
}

fn redact_ids(text: &str) -> String {
    const LEN: usize = 36;
    let is_uuid = |s: &[u8]| {
        s.len() >= LEN
            && s[..LEN].iter().enumerate().all(|(i, b)| match i {
                8 | 13 | 18 | 23 => *b == b'-',
                _ => b.is_ascii_hexdigit(),
            })
    };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        let starts = at == 0 || !word(bytes[at - 1]);
        let ends = bytes.get(at + LEN).is_none_or(|b| !word(*b));
        if starts && ends && is_uuid(&bytes[at..]) {
            out.push_str(&text[copied..at]);
            let rest = text[at + LEN..].trim_start_matches(' ');
            if rest.starts_with(['│', '┆']) {
                out.push_str(&format!("{:LEN$}", "[id]"));
            } else {
                out.push_str("[id]");
            }
            at += LEN;
            copied = at;
        } else {
            at += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[test]
fn redact_replaces_ids_and_keeps_table_columns() {
    assert_eq!(
        redact(
            "user 019a9c1e-4f00-7c3a-8d2e-0123456789ab and b74e6be4-fdf0-49b7-be1a-32f2db83ae44."
        ),
        "user [id] and [id]."
    );
    assert_eq!(
        redact("│ 019a9c1e-4f00-7c3a-8d2e-0123456789ab ┆ ann │"),
        "│ [id]                                 ┆ ann │"
    );
    // Not an id: too long, or part of a longer word.
    let longer = "019a9c1e-4f00-7c3a-8d2e-0123456789abc x019a9c1e-4f00-7c3a-8d2e-0123456789ab";
    assert_eq!(redact(longer), longer);
    let hash = "ab".repeat(32);
    assert_eq!(redact(&format!("8:{hash}.")), "8:[hash].");
    assert_eq!(redact(&format!("8:{hash}0")), format!("8:{hash}0"));
    assert_eq!(
        redact("applied 5 events in 13 ms (check 2 ms); 10 msgs, a2 ms"),
        "applied 5 events in [n] ms (check [n] ms); 10 msgs, a2 ms"
    );
    assert_eq!(
        redact("applied 1,201 events (1,234 ms, 81,037 events/s)"),
        "applied 1,201 events ([n] ms, [n] events/s)"
    );
}
