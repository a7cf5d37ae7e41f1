//! PostgreSQL for the tests (`ROSTER_TEST_BACKEND=postgres`, see [`crate::common::backend`]):
//! where the server is, and the database this test process may create schemas in.
//!
//! - `ROSTER_TEST_PG_URL` set: that database is used as it is (for example the one
//!   `bench/pg-cluster.sh start` prints).
//! - Otherwise a throwaway cluster in `target/tmp/pg-cluster`, listening only on a Unix
//!   socket in that directory, is made and started by the first test process that needs it
//!   (under a lock, `pg-cluster.lock` beside it) and reused by every later one. It is left
//!   running; `bench/pg-cluster.sh stop target/tmp/pg-cluster` stops it (the script and this
//!   module share the layout, so either may start the cluster and both reuse it). Each test
//!   process creates its own database in it, `rt_<pid>`, so that processes running at once
//!   (cargo nextest) never meet.
//!
//! Each [`crate::common::Env`] then takes a schema of its own, `t_<pid>_<n>`
//! ([`new_schema`]), which roster creates on its first write. What dead processes left
//! (databases `rt_<pid>` in the throwaway cluster, schemas `t_<pid>_<n>` in the database of
//! `ROSTER_TEST_PG_URL`) is dropped, best effort, when a process starts.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::common::Env;

/// The server this process's tests use.
pub struct Server {
    /// The database this process may create schemas in, as a URL without a schema.
    pub url: String,
    /// `psql`, when it was found (needed by [`Env::psql`] and by the clean-up).
    pub psql: Option<PathBuf>,
}

/// Why there is no server.
pub enum Unavailable {
    /// Nothing to try: no PostgreSQL programs and no `ROSTER_TEST_PG_URL`. The tests skip
    /// (or fail, when PostgreSQL is required).
    Missing(String),
    /// PostgreSQL is here, but making or starting the cluster failed: always a failure.
    Broken(String),
}

/// The server, found or started once per test process.
pub fn server() -> &'static Result<Server, Unavailable> {
    static SERVER: OnceLock<Result<Server, Unavailable>> = OnceLock::new();
    SERVER.get_or_init(|| match std::env::var("ROSTER_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => given(url),
        _ => throwaway(),
    })
}

/// Whether a missing PostgreSQL is a failure rather than a skip: `ROSTER_TEST_REQUIRE_PG=1`,
/// or under CI (`CI` set), since `.ci/run` provides it.
pub fn required() -> bool {
    std::env::var_os("CI").is_some()
        || std::env::var("ROSTER_TEST_REQUIRE_PG").is_ok_and(|v| !v.is_empty() && v != "0")
}

/// A schema name no other environment of any test process has: `t_<pid>_<n>`, lower case
/// (so that it needs no quoting) and far below PostgreSQL's 63 bytes.
pub fn new_schema() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "t_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// `url` with `key=value` added to its query.
pub fn with_param(url: &str, key: &str, value: &str) -> String {
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}{key}={}", encode(value))
}

/// Percent-encodes what a URL's query value may not hold as it is.
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"/._~-".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URL of database `db` of the cluster whose socket is in `dir`.
fn cluster_url(dir: &Path, db: &str) -> String {
    let host = with_param(
        &format!("postgresql:///{db}"),
        "host",
        &dir.to_string_lossy(),
    );
    with_param(&host, "user", "postgres")
}

fn given(url: String) -> Result<Server, Unavailable> {
    let psql = psql_program(bindir().as_deref());
    if let Some(psql) = &psql {
        // Also proves that the URL can be reached, which roster's errors would say less
        // plainly.
        let names = query(
            psql,
            &url,
            "SELECT nspname FROM pg_namespace WHERE nspname ~ '^t_[0-9]+_[0-9]+$'",
        )
        .map_err(|e| Unavailable::Broken(format!("ROSTER_TEST_PG_URL={url}: {e}")))?;
        let dead: Vec<String> = names
            .lines()
            .filter(|name| name_of_dead(name.trim_start_matches("t_")))
            .map(|name| format!("DROP SCHEMA IF EXISTS \"{name}\" CASCADE"))
            .collect();
        // Best effort: another process may be dropping the same schemas.
        let _ = run_sql(psql, &url, &dead);
    }
    Ok(Server { url, psql })
}

/// Whether a name that starts with a process id (`123` or `123_4`) was made by a process
/// that is gone (and is not this one).
fn name_of_dead(name: &str) -> bool {
    let pid = name.split('_').next().unwrap_or("");
    pid.parse::<u32>()
        .is_ok_and(|pid| pid != std::process::id() && !Path::new(&format!("/proc/{pid}")).exists())
}

/// The throwaway cluster, made and started if need be, and this process's database in it.
fn throwaway() -> Result<Server, Unavailable> {
    let Some(bin) = bindir() else {
        return Err(Unavailable::Missing(
            "no initdb, pg_ctl and postgres in `pg_config --bindir`, PATH or \
             /usr/lib/postgresql/*/bin, and ROSTER_TEST_PG_URL is unset"
                .into(),
        ));
    };
    let Some(psql) = psql_program(Some(&bin)) else {
        return Err(Unavailable::Missing(format!(
            "no psql in {} or PATH, and ROSTER_TEST_PG_URL is unset",
            bin.display()
        )));
    };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("pg-cluster");
    let broken = |e: String| Unavailable::Broken(format!("cluster in {}: {e}", dir.display()));
    {
        // flock(2), released when the file is closed or the process dies. The descriptor is
        // close-on-exec, so the server started under it does not keep the lock.
        fs::create_dir_all(dir.parent().expect("pg-cluster has a parent"))
            .map_err(|e| broken(format!("cannot create its parent: {e}")))?;
        let lock_path = dir.with_extension("lock");
        let lock = File::create(&lock_path)
            .map_err(|e| broken(format!("cannot open {}: {e}", lock_path.display())))?;
        lock.lock()
            .map_err(|e| broken(format!("cannot lock {}: {e}", lock_path.display())))?;
        ensure_running(&bin, &dir).map_err(broken)?;
    }
    let admin = cluster_url(&dir, "postgres");
    let db = format!("rt_{}", std::process::id());
    let names = query(
        &psql,
        &admin,
        "SELECT datname FROM pg_database WHERE datname ~ '^rt_[0-9]+$'",
    )
    .map_err(broken)?;
    let dead: Vec<String> = names
        .lines()
        .filter(|name| name_of_dead(name.trim_start_matches("rt_")))
        .map(|name| format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
        .collect();
    // Best effort: another process may be dropping the same databases.
    let _ = run_sql(&psql, &admin, &dead);
    // A database of this pid is from a dead process whose pid this one now has.
    run_sql(
        &psql,
        &admin,
        &[
            format!("DROP DATABASE IF EXISTS \"{db}\" WITH (FORCE)"),
            format!("CREATE DATABASE \"{db}\""),
        ],
    )
    .map_err(broken)?;
    Ok(Server {
        url: cluster_url(&dir, &db),
        psql: Some(psql),
    })
}

/// The last line `postgresql.conf` gets, once the cluster is complete: a cluster without it
/// is what an interrupted `initdb` left, and is made again.
const MARK: &str = "# roster test cluster: complete";

/// The settings of the cluster (`bench/pg-cluster.sh` writes the same): only a Unix socket,
/// in `dir`, and no waiting for the disk.
fn settings(dir: &Path) -> String {
    format!(
        "\n# roster test cluster (tests/cli/pg.rs, bench/pg-cluster.sh)\n\
         listen_addresses = ''\n\
         unix_socket_directories = '{}'\n\
         fsync = off\n\
         synchronous_commit = off\n\
         full_page_writes = off\n\
         max_connections = 200\n\
         {MARK}\n",
        dir.display()
    )
}

/// Makes the cluster in `dir` unless it is complete, and starts it unless it runs. Called
/// under the lock.
fn ensure_running(bin: &Path, dir: &Path) -> Result<(), String> {
    let text = dir.to_string_lossy();
    if text.contains(['\'', '\n']) {
        return Err("its path may not hold a quote or a line break".into());
    }
    // sun_path holds 108 bytes, with the terminating NUL.
    if text.len() + "/.s.PGSQL.5432".len() > 107 {
        return Err(
            "its path is too long for a Unix socket; set ROSTER_TEST_PG_URL \
             (bench/pg-cluster.sh start DIR prints one)"
                .into(),
        );
    }
    let data = dir.join("data");
    let conf = data.join("postgresql.conf");
    let complete = fs::read_to_string(&conf).is_ok_and(|c| c.contains(MARK));
    if !complete {
        if data.exists() {
            fs::remove_dir_all(&data).map_err(|e| format!("cannot remove {e}"))?;
        }
        fs::create_dir_all(dir).map_err(|e| format!("cannot create it: {e}"))?;
        if is_root() {
            checked(
                Command::new("chown").arg("postgres:").arg(dir).output(),
                "chown postgres:",
            )?;
        }
        let initdb = |locale: &str| {
            checked(
                as_owner(dir, &bin.join("initdb"))
                    .arg("-D")
                    .arg(&data)
                    .args(["-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"])
                    .arg(locale)
                    .output(),
                "initdb",
            )
        };
        if initdb("--locale=C.UTF-8").is_err() {
            // No C.UTF-8 locale here; the next try says what else went wrong.
            if data.exists() {
                fs::remove_dir_all(&data).map_err(|e| format!("cannot remove {e}"))?;
            }
            initdb("--no-locale")?;
        }
        fs::OpenOptions::new()
            .append(true)
            .open(&conf)
            .and_then(|mut f| f.write_all(settings(dir).as_bytes()))
            .map_err(|e| format!("cannot write {}: {e}", conf.display()))?;
    }
    let status = as_owner(dir, &bin.join("pg_ctl"))
        .arg("status")
        .arg("-D")
        .arg(&data)
        .output()
        .map_err(|e| format!("pg_ctl status: {e}"))?;
    if status.status.success() {
        return Ok(());
    }
    let log = dir.join("server.log");
    checked(
        as_owner(dir, &bin.join("pg_ctl"))
            .args(["start", "-w", "-t", "120", "-s", "-D"])
            .arg(&data)
            .arg("-l")
            .arg(&log)
            .output(),
        "pg_ctl start",
    )
    .map(drop)
    .map_err(|e| {
        let tail = fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = tail.lines().rev().take(10).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        format!("{e}\n{}:\n{}", log.display(), tail.join("\n"))
    })
}

/// `program`, run as the owner of the cluster: the `postgres` user when we are root (the
/// server refuses to run as root), else ourselves; in `dir`, which that user can enter.
fn as_owner(dir: &Path, program: &Path) -> Command {
    let mut c = if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(program);
        c
    } else {
        Command::new(program)
    };
    c.current_dir(dir);
    c
}

fn is_root() -> bool {
    // The effective uid, the second number of `Uid:`.
    fs::read_to_string("/proc/self/status").is_ok_and(|s| {
        s.lines()
            .find_map(|l| l.strip_prefix("Uid:"))
            .and_then(|ids| ids.split_whitespace().nth(1))
            == Some("0")
    })
}

/// Ok when the command ran and exited 0; else its stderr (or why it did not run).
fn checked(out: std::io::Result<Output>, what: &str) -> Result<Output, String> {
    match out {
        Ok(out) if out.status.success() => Ok(out),
        Ok(out) => Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )),
        Err(e) => Err(format!("{what} did not run: {e}")),
    }
}

/// `psql` against `url`, with no startup file, quiet, unaligned, stopping at the first
/// error.
pub fn psql(program: &Path, url: &str) -> Command {
    let mut c = Command::new(program);
    c.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .args(["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", url]);
    c
}

/// One query's output (lines of `|`-separated values).
fn query(program: &Path, url: &str, sql: &str) -> Result<String, String> {
    let out = checked(psql(program, url).arg("-c").arg(sql).output(), "psql")?;
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Statements run one by one, each in its own transaction (`DROP DATABASE` may not run in
/// one).
fn run_sql(program: &Path, url: &str, statements: &[String]) -> Result<(), String> {
    if statements.is_empty() {
        return Ok(());
    }
    let mut c = psql(program, url);
    for s in statements {
        c.arg("-c").arg(s);
    }
    checked(c.output(), "psql").map(drop)
}

/// The directory of PostgreSQL's server programs: `pg_config --bindir`, then the directory
/// an `initdb` on PATH links to, then the newest `/usr/lib/postgresql/*/bin`; the first that
/// has `initdb`, `pg_ctl` and `postgres`.
fn bindir() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Ok(out) = Command::new("pg_config").arg("--bindir").output()
        && out.status.success()
    {
        candidates.push(PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    }
    for d in std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()) {
        if let Ok(real) = fs::canonicalize(d.join("initdb"))
            && let Some(parent) = real.parent()
        {
            candidates.push(parent.to_path_buf());
        }
    }
    let mut versions: Vec<(u32, PathBuf)> = fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let major = name.split('.').next().and_then(|m| m.parse().ok());
            (major.unwrap_or(0), e.path().join("bin"))
        })
        .collect();
    versions.sort_by_key(|v| std::cmp::Reverse(v.0));
    candidates.extend(versions.into_iter().map(|(_, d)| d));
    candidates.into_iter().find(|d| {
        ["initdb", "pg_ctl", "postgres"]
            .iter()
            .all(|p| d.join(p).is_file())
    })
}

/// `psql` beside the server programs, else on PATH.
fn psql_program(bin: Option<&Path>) -> Option<PathBuf> {
    bin.map(|b| b.join("psql"))
        .into_iter()
        .chain(
            std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())
                .map(|d| d.join("psql")),
        )
        .find(|p| p.is_file())
}

#[test]
fn schema_names_are_unique_lower_case_identifiers() {
    let names: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..8)
            .map(|_| s.spawn(|| (0..250).map(|_| new_schema()).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("worker"))
            .collect()
    });
    let distinct: HashSet<&String> = names.iter().collect();
    assert_eq!(distinct.len(), names.len(), "a schema name was given twice");
    let prefix = format!("t_{}_", std::process::id());
    for name in &names {
        let n = name
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("{name}"));
        assert!(
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()),
            "{name}"
        );
        assert!(name.len() <= 63, "{name}");
    }
}

#[test]
fn urls_get_the_schema_as_a_query_parameter() {
    assert_eq!(
        with_param(
            "postgresql:///rt_1?host=/tmp/x&user=postgres",
            "schema",
            "t_1_0"
        ),
        "postgresql:///rt_1?host=/tmp/x&user=postgres&schema=t_1_0"
    );
    assert_eq!(
        with_param("postgresql://localhost/db", "schema", "t_1_0"),
        "postgresql://localhost/db?schema=t_1_0"
    );
    assert_eq!(
        cluster_url(Path::new("/tmp/a dir&x"), "rt_7"),
        "postgresql:///rt_7?host=/tmp/a%20dir%26x&user=postgres"
    );
}

/// Runs in both modes: an environment made with [`Env::file`] is SQLite's as it always was
/// (no `ROSTER_DB`, `roster.db` in the working directory).
#[test]
fn file_environments_are_sqlite_in_every_mode() {
    let env = Env::file();
    assert!(!env.is_pg());
    assert!(env.sqlite_only("file mode"));
    assert_eq!(env.db_url(), env.db().display().to_string());
    let out = env
        .command("sh")
        .args(["-c", "printf %s \"${ROSTER_DB-unset}\""])
        .output()
        .expect("sh");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "unset");
}

#[test]
fn each_environment_has_its_own_schema_in_roster_db() {
    let a = Env::new();
    if !a.pg_only("schema per environment") {
        return;
    }
    let b = Env::new();
    assert!(a.is_pg() && !a.sqlite_only("file mode"));
    let (sa, sb) = (
        a.pg_schema().expect("schema"),
        b.pg_schema().expect("schema"),
    );
    assert_ne!(sa, sb);
    assert!(
        a.db_url().ends_with(&format!("schema={sa}")),
        "{}",
        a.db_url()
    );
    assert!(a.db_url().starts_with("postgresql"), "{}", a.db_url());
    let out = a
        .command("sh")
        .args(["-c", "printf %s \"$ROSTER_DB\""])
        .output()
        .expect("sh");
    assert_eq!(String::from_utf8_lossy(&out.stdout), a.db_url());
}

/// The harness reaches the server, each environment's schema is not there until something
/// makes it (roster does, on its first write), and [`Env::psql`] works in that schema only.
#[test]
fn the_server_answers_and_schemas_are_apart() {
    let a = Env::new();
    if !a.pg_only("server smoke test") {
        return;
    }
    assert_eq!(a.psql("SELECT 1").trim(), "1");
    let schema = a.pg_schema().expect("schema");
    let exists = format!("SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'");
    assert_eq!(a.psql(&exists).trim(), "0");
    a.psql(&format!(
        "CREATE SCHEMA {schema}; CREATE TABLE probe (x int); INSERT INTO probe VALUES (1);"
    ));
    assert_eq!(a.psql("SELECT count(*) FROM probe").trim(), "1");
    assert_eq!(
        a.psql(&format!("SELECT count(*) FROM {schema}.probe"))
            .trim(),
        "1"
    );
    let b = Env::new();
    assert_eq!(b.psql("SELECT to_regclass('probe') IS NULL").trim(), "t");
}
