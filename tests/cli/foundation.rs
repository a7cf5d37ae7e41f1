//! Store, global options, output formats and exit codes.

use std::process::{Output, Stdio};

use serde_json::Value;

use crate::common::*;
use crate::seeds::database_exists;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs roster with extra environment variables.
fn run_env(env: &Env, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = env.cmd();
    for (k, v) in vars {
        c.env(k, v);
    }
    c.args(args).output().expect("run roster")
}

/// The JSON error object: the last line of stderr.
fn error_json(stderr: &str) -> Value {
    let last = stderr.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("no JSON error ({e}) in: {stderr}"))
}

/// [`Env::redact`], and the environment's PostgreSQL schema as `[schema]`.
fn redact_schema(env: &Env, text: &str) -> String {
    let text = env.redact(text);
    match env.pg_schema() {
        Some(schema) => text.replace(schema, "[schema]"),
        None => text,
    }
}

/// On PostgreSQL, what a refused command must leave as it was: roster's marker, the users
/// and the audit log, as text.
fn pg_contents(env: &Env) -> String {
    env.psql(
        "SELECT version, updated_at FROM roster_schema;
         SELECT id, email, updated_at FROM users ORDER BY id;
         SELECT seq, hash FROM audit ORDER BY seq;
         SELECT count(*) FROM profiles",
    )
}

fn user_count(env: &Env) -> usize {
    env.json(&["user", "list"]).as_array().map_or(0, Vec::len)
}

// ---------------------------------------------------------------- the database file

#[test]
fn read_commands_refuse_a_missing_database_and_create_nothing() {
    let env = Env::new();
    let err = env.fails(66, &["user", "list"]);
    if env.is_pg() {
        // A URL names a server and a schema, not a file: the hint says how to name another.
        insta::assert_snapshot!(redact_schema(&env, &err), @r#"
        error: no roster database in roster.db: the schema "[schema]" holds no roster tables
        hint: create it with `roster init` (or load data with `roster seed`), or name another schema with ?schema= or ROSTER_PG_SCHEMA
        "#);
    } else {
        insta::assert_snapshot!(err, @"
        error: database not found: roster.db
        hint: create it with `roster init` (or load data with `roster seed`), or point --db / ROSTER_DB at an existing file
        ");
    }
    for args in [
        &["user", "show", "ann@example.com"][..],
        &["profile", "list"],
        &["profile", "show", "family"],
        &["audit"],
        &["audit", "verify"],
        &["user", "grant", "ann@example.com", "admin"],
        &["user", "disable", "ann@example.com"],
        &["user", "update", "ann@example.com", "--name", "Ann"],
        &["--yes", "user", "delete", "ann@example.com"],
        &["profile", "update", "family", "--name", "Family"],
        &["--yes", "profile", "delete", "family"],
    ] {
        let err = env.fails(66, args);
        let why = if env.is_pg() {
            "holds no roster tables"
        } else {
            "database not found"
        };
        assert!(err.contains(why), "{args:?}: {err}");
    }
    assert!(!database_exists(&env));
    assert!(!env.db().exists());
    assert_eq!(std::fs::read_dir(env.dir()).unwrap().count(), 0);
}

#[test]
fn create_commands_create_the_database() {
    let env = Env::new();
    let u = env.user("ann@example.com", "Ann");
    assert_eq!(u["email"], "ann@example.com");
    assert!(database_exists(&env));
    let env = Env::new();
    let p = env.profile("Family");
    assert_eq!(p["slug"], "family");
    assert!(database_exists(&env));
}

#[test]
fn init_creates_a_private_database() {
    let env = Env::new();
    let v = env.json(&["init"]);
    assert_eq!(v["created"], true);
    assert_eq!(v["schema_version"], roster::store::schema::CURRENT);
    assert!(database_exists(&env));
    #[cfg(unix)]
    if env.sqlite_only("the file mode 0600") {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.db()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = env.json(&["init"]);
    assert_eq!(again["created"], false);
    assert_eq!(again["schema_version"], roster::store::schema::CURRENT);
}

#[test]
fn init_marks_the_file_and_sets_the_pragmas() {
    let env = Env::init();
    if env.is_pg() {
        // PostgreSQL's mark is the marker table, holding the schema version.
        assert_eq!(
            env.psql("SELECT marker, version FROM roster_schema").trim(),
            format!("roster|{}", roster::store::schema::CURRENT)
        );
        return;
    }
    let c = sqlite(&env.db());
    let app: i64 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(app, 0x5253_5452, "application_id spells RSTR");
    assert_eq!(version, roster::store::schema::CURRENT);
    assert_eq!(mode, "wal");
    let strict: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(strict >= 6, "every table is STRICT ({strict})");
}

#[test]
fn init_twice_keeps_the_data() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.ok(&["init"]);
    assert_eq!(user_count(&env), 1);
}

#[test]
fn init_in_table_format_says_what_it_did() {
    let env = Env::new();
    let out = env.ok(&["--format", "table", "init"]);
    insta::assert_snapshot!(env.redact(&out), @"created roster.db (schema version 9 of 9)");
    let out = env.ok(&["--format", "table", "init"]);
    insta::assert_snapshot!(env.redact(&out), @"ready: roster.db (schema version 9 of 9)");
}

#[test]
fn a_database_from_a_newer_roster_is_refused_and_left_byte_identical() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    // SQLite keeps the version in the file's header, PostgreSQL in the marker table.
    let contents = |env: &Env| {
        if env.is_pg() {
            pg_contents(env).into_bytes()
        } else {
            env.bytes(&env.db())
        }
    };
    if env.is_pg() {
        env.sql("UPDATE roster_schema SET version = 99");
    } else {
        sqlite(&env.db())
            .pragma_update(None, "user_version", 99)
            .unwrap();
    }
    let before = contents(&env);
    for args in [
        &["user", "list"][..],
        &["init"],
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "Bob",
        ],
        &["profile", "create", "--name", "Family"],
        &["audit", "verify"],
    ] {
        let err = env.redact(&env.fails(78, args));
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @"
            error: roster.db was written by a newer roster (schema version 99; this roster knows up to 9)
            hint: upgrade roster to open this database; it has not been modified
            ");
        }
    }
    assert_eq!(contents(&env), before, "the database was modified");
}

#[test]
fn a_fresh_sqlite_file_marked_as_roster_with_a_newer_version_is_refused() {
    let env = Env::new();
    // (PostgreSQL's newer marker: a_database_from_a_newer_roster_is_refused_…)
    if !env.sqlite_only("a SQLite file's application_id and user_version") {
        return;
    }
    {
        let c = sqlite(&env.db());
        c.pragma_update(None, "application_id", 0x5253_5452)
            .unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
    }
    let before = env.bytes(&env.db());
    assert!(!before.is_empty());
    let err = env.fails(78, &["init"]);
    insta::assert_snapshot!(err, @"
    error: roster.db was written by a newer roster (schema version 99; this roster knows up to 9)
    hint: upgrade roster to open this database; it has not been modified
    ");
    env.fails(
        78,
        &["user", "create", "--email", "a@example.com", "--name", "A"],
    );
    assert_eq!(env.bytes(&env.db()), before);
}

#[test]
fn a_plain_sqlite_database_is_refused_and_left_byte_identical() {
    let env = Env::new();
    let path = env.path("other.db");
    {
        let c = sqlite(&path);
        c.execute_batch("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('keep me');")
            .unwrap();
    }
    let before = env.bytes(&path);
    for args in [
        &["--db", "other.db", "user", "list"][..],
        &["--db", "other.db", "init"],
        &[
            "--db",
            "other.db",
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
        ],
    ] {
        let err = env.fails(78, args);
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @"
            error: other.db is not a roster database (its application_id is 0)
            hint: point --db at a roster database, or choose a new file name to create one
            ");
        }
    }
    assert_eq!(env.bytes(&path), before);
    assert!(!env.path("other.db-wal").exists());
    assert!(!env.path("other.db-journal").exists());
    let body: String = sqlite(&path)
        .query_row("SELECT body FROM notes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(body, "keep me");
}

#[test]
fn a_sqlite_file_of_another_application_is_refused() {
    let env = Env::new();
    if let Some(schema) = env.pg_schema() {
        // PostgreSQL's other application: a schema of that name holding its tables.
        env.psql(&format!(
            "CREATE SCHEMA {schema}; CREATE TABLE notes (id int PRIMARY KEY, body text);
             INSERT INTO notes VALUES (1, 'keep me');"
        ));
        for args in [
            &["init"][..],
            &["user", "list"],
            &["user", "create", "--email", "a@example.com", "--name", "A"],
        ] {
            let err = redact_schema(&env, &env.fails(78, args));
            insta::allow_duplicates! {
                insta::assert_snapshot!(err, @r#"
                error: the schema "[schema]" of roster.db is not roster's: it holds objects of its own and no roster marker
                hint: name another schema with ?schema=NAME in the URL or ROSTER_PG_SCHEMA; this one has not been modified
                "#);
            }
        }
        let tables = format!(
            "SELECT string_agg(relname::text, ',' ORDER BY relname) FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}'"
        );
        assert_eq!(env.sql_value(&tables), "notes,notes_pkey");
        assert_eq!(env.sql_value("SELECT body FROM notes"), "keep me");
        return;
    }
    sqlite(&env.db())
        .pragma_update(None, "application_id", 42)
        .unwrap();
    let before = env.bytes(&env.db());
    let err = env.fails(78, &["init"]);
    insta::assert_snapshot!(err, @"
    error: roster.db is not a roster database (its application_id is 42)
    hint: point --db at a roster database, or choose a new file name to create one
    ");
    assert_eq!(env.bytes(&env.db()), before);
}

#[test]
fn a_text_file_is_refused_and_left_alone() {
    let env = Env::new();
    if !env.sqlite_only("a text file where the database file should be") {
        return;
    }
    let text = "name,email\nann,ann@example.com\n".repeat(40);
    std::fs::write(env.db(), &text).unwrap();
    for args in [
        &["user", "list"][..],
        &["init"],
        &["user", "create", "--email", "a@example.com", "--name", "A"],
    ] {
        let err = env.fails(78, args);
        assert!(err.contains("not a roster database"), "{args:?}: {err}");
    }
    assert_eq!(std::fs::read_to_string(env.db()).unwrap(), text);
}

#[test]
fn a_directory_is_refused() {
    let env = Env::new();
    std::fs::create_dir(env.path("dir.db")).unwrap();
    let err = env.fails(78, &["--db", "dir.db", "user", "list"]);
    insta::assert_snapshot!(err, @"
    error: dir.db is a directory, not a roster database
    hint: give the path of a database file with --db or ROSTER_DB
    ");
}

#[test]
fn a_database_in_a_missing_directory_cannot_be_created() {
    let env = Env::new();
    let err = env.fails(66, &["--db", "nowhere/roster.db", "init"]);
    insta::assert_snapshot!(err, @"error: cannot create the database nowhere/roster.db: its directory does not exist");
}

#[test]
fn db_flag_and_roster_db_choose_the_file() {
    let env = Env::new();
    std::fs::create_dir(env.path("data")).unwrap();
    env.json(&[
        "--db",
        "data/a.db",
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
    ]);
    assert!(env.path("data/a.db").exists());
    assert!(!env.db().exists());
    // ROSTER_DB finds the same file.
    let o = run_env(&env, &[("ROSTER_DB", "data/a.db")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list[0]["email"], "ann@example.com");
    // --db wins over ROSTER_DB (the file roster.db whatever the backend of this run).
    env.ok(&["--db", "roster.db", "init"]);
    let o = run_env(
        &env,
        &[("ROSTER_DB", "data/a.db")],
        &["--db", "roster.db", "user", "list"],
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).trim(), "[]");
    if env.is_pg() {
        // A URL given with --db wins over a file in ROSTER_DB, too.
        env.ok(&["init"]);
        let url = env.db_url();
        let o = run_env(
            &env,
            &[("ROSTER_DB", "data/a.db")],
            &["--db", &url, "user", "list"],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        assert_eq!(stdout(&o).trim(), "[]");
    }
    // A missing ROSTER_DB file is refused like a missing --db.
    let o = run_env(&env, &[("ROSTER_DB", "data/none.db")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(66));
    assert!(stderr(&o).contains("data/none.db"), "{}", stderr(&o));
}

#[test]
fn roster_as_acts_as_a_user() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.user("bob@example.com", "Bob");
    let o = run_env(&env, &[("ROSTER_AS", "bob@example.com")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["email"], "bob@example.com");
    // The rules apply: bob is not an admin.
    let o = run_env(
        &env,
        &[("ROSTER_AS", "bob@example.com")],
        &["profile", "create", "--name", "Family"],
    );
    assert_eq!(o.status.code(), Some(77), "{}", stderr(&o));
    // --as wins over ROSTER_AS.
    let o = run_env(
        &env,
        &[("ROSTER_AS", "bob@example.com")],
        &["--as", "ann@example.com", "user", "list"],
    );
    assert_eq!(o.status.code(), Some(0));
    let list: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(list.as_array().unwrap().len(), 2);
    // An empty ROSTER_AS is the operator.
    let o = run_env(&env, &[("ROSTER_AS", "")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(0));
    // An unknown user is a 67.
    let o = run_env(
        &env,
        &[("ROSTER_AS", "nobody@example.com")],
        &["user", "list"],
    );
    assert_eq!(o.status.code(), Some(67));
    insta::assert_snapshot!(stderr(&o), @r#"
    error: --as: user "nobody@example.com" does not exist
    hint: list users with `roster user list`
    "#);
}

#[test]
fn a_busy_database_exits_75() {
    let env = Env::init();
    // Another writer holds the write lock: SQLite's BEGIN IMMEDIATE, or on PostgreSQL the
    // advisory lock every roster writer of the schema takes first.
    let c = (!env.is_pg()).then(|| sqlite(&env.db()));
    let pg = env.is_pg().then(|| PgLock::hold(&env));
    if let Some(c) = &c {
        c.execute_batch("BEGIN IMMEDIATE").unwrap();
    }
    let o = run_env(
        &env,
        &[("ROSTER_BUSY_TIMEOUT_MS", "50")],
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
    );
    assert_eq!(o.status.code(), Some(75), "{}", stderr(&o));
    insta::assert_snapshot!(stderr(&o), @"
    error: the database is busy (locked by another process)
    hint: retry, or raise ROSTER_BUSY_TIMEOUT_MS (milliseconds, default 5000)
    ");
    if let Some(c) = c {
        c.execute_batch("ROLLBACK").unwrap();
    }
    if let Some(pg) = pg {
        pg.release();
    }
    assert_eq!(user_count(&env), 0);
}

/// A psql session holding the advisory lock roster's writers of an environment's schema
/// take (`lock_key` of src/store/postgres: FNV-1a of `roster:` and the schema name).
struct PgLock(std::process::Child);

impl PgLock {
    fn hold(env: &Env) -> PgLock {
        use std::io::{BufRead, Write};
        let schema = env.pg_schema().expect("a PostgreSQL environment");
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in "roster:".bytes().chain(schema.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let key = h as i64;
        let Ok(server) = crate::pg::server() else {
            panic!("no PostgreSQL server")
        };
        let program = server.psql.as_deref().expect("psql");
        let mut child = crate::pg::psql(program, &server.url)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("psql");
        let stdin = child.stdin.as_mut().expect("stdin");
        writeln!(
            stdin,
            "BEGIN; SELECT 'locked' FROM (SELECT pg_advisory_xact_lock({key})) AS l;"
        )
        .expect("write to psql");
        stdin.flush().expect("flush");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.as_mut().expect("stdout"))
            .read_line(&mut line)
            .expect("read from psql");
        assert_eq!(line.trim(), "locked");
        PgLock(child)
    }

    fn release(mut self) {
        use std::io::Write;
        let mut stdin = self.0.stdin.take().expect("stdin");
        writeln!(stdin, "ROLLBACK;").expect("write to psql");
        drop(stdin);
        assert!(self.0.wait().expect("psql").success());
    }
}

// ---------------------------------------------------------------- clock

#[test]
fn roster_now_pins_the_clock() {
    let env = Env::init();
    let o = run_env(
        &env,
        &[("ROSTER_NOW", "2026-03-04T05:06:07Z")],
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let u: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(u["created_at"], "2026-03-04T05:06:07.000Z");
    assert_eq!(u["updated_at"], "2026-03-04T05:06:07.000Z");
    let audit = env.json(&["audit"]);
    assert_eq!(audit[0]["at"], "2026-03-04T05:06:07.000Z");
}

#[test]
fn a_malformed_roster_now_is_a_usage_error() {
    let env = Env::init();
    let o = run_env(&env, &[("ROSTER_NOW", "yesterday")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&o), @r#"
    error: ROSTER_NOW "yesterday" is not an RFC 3339 time
    hint: for example ROSTER_NOW=2026-11-21T12:00:00Z, or unset it
    "#);
}

/// ROSTER_NOW pins the time part of new ids too (README "Global options"): a session
/// started at a known time is named by that time's prefix (the README's examples do).
#[test]
fn roster_now_pins_the_time_of_new_ids() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    let started = |at: &str| -> String {
        let o = run_env(
            &env,
            &[("ROSTER_NOW", at)],
            &["session", "issue", "ann@example.com"],
        );
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let v: Value = serde_json::from_str(&stdout(&o)).expect("the session");
        v["id"].as_str().expect("an id").to_string()
    };
    // 2026-12-01T12:30:00Z is 0x01a231955540 milliseconds after the epoch.
    let first = started("2026-12-01T12:30:00Z");
    let second = started("2026-12-01T12:31:00Z");
    assert!(first.starts_with("01a23195-5540-7"), "{first}");
    assert!(second.starts_with("01a23196-3fa0-7"), "{second}");
    let shown = env.json(&["session", "show", "01a23195-5540"]);
    assert_eq!(shown["id"], first.as_str());
    // Two ids made at one pinned instant, by one command, share the time and keep their
    // order: the profile, then its owner's membership.
    let out = env.ok(&[
        "profile",
        "create",
        "--name",
        "One",
        "--slug",
        "one",
        "--owner",
        "ann@example.com",
    ]);
    let profile: Value = serde_json::from_str(&out).expect("a profile");
    let members = env.json(&["member", "list", "one"]);
    let (profile, member) = (
        profile["id"].as_str().expect("an id"),
        members[0]["id"].as_str().expect("an id"),
    );
    assert_eq!(profile[..13], member[..13], "{profile} {member}");
    assert!(profile < member, "{profile} {member}");
}

/// ROSTER_FORMAT is the default --format; --format and --json win over it; another value
/// is a usage error naming it.
#[test]
fn roster_format_is_the_default_format() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    let o = run_env(&env, &[("ROSTER_FORMAT", "csv")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).starts_with("id,email,"), "{}", stdout(&o));
    let o = run_env(&env, &[("ROSTER_FORMAT", "TABLE")], &["user", "list"]);
    assert!(stdout(&o).contains("┆ ann@example.com"), "{}", stdout(&o));
    let o = run_env(
        &env,
        &[("ROSTER_FORMAT", "table")],
        &["--json", "user", "list"],
    );
    let v: Value = serde_json::from_str(&stdout(&o)).expect("--json wins");
    assert_eq!(v[0]["email"], "ann@example.com");
    let o = run_env(
        &env,
        &[("ROSTER_FORMAT", "table")],
        &["--format", "jsonl", "user", "list"],
    );
    assert_eq!(stdout(&o).lines().count(), 1, "{}", stdout(&o));
    // Asked for through the variable, JSON errors carry the object too.
    let o = run_env(
        &env,
        &[("ROSTER_FORMAT", "json")],
        &["user", "show", "nobody"],
    );
    assert_eq!(o.status.code(), Some(67));
    assert_eq!(error_json(&stderr(&o))["error"]["code"], 67);
    let o = run_env(&env, &[("ROSTER_FORMAT", "yaml")], &["user", "list"]);
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!(stderr(&o), @r#"
    error: ROSTER_FORMAT "yaml" is not one of table, json, jsonl, csv
    hint: for example ROSTER_FORMAT=table, or unset it
    "#);
}

// ---------------------------------------------------------------- usage

#[test]
fn usage_errors_exit_2() {
    let env = Env::init();
    // Every malformed command line: exit 2 and clap's message (or roster's, for flags that
    // contradict each other), never a panic or another code.
    let mut transcript = String::new();
    for args in [
        &["user", "list", "--bogus"][..],
        &["user"],
        &["frobnicate"],
        &["--format", "xml", "user", "list"],
        &["--json", "--format", "csv", "user", "list"],
        &["user", "show"],
        &["user", "grant", "ann@example.com"],
        &["user", "create", "--password", "secret123"],
    ] {
        // Without ROSTER_DB (how a PostgreSQL run names its database), which clap counts
        // as a --db given: a usage error never opens the database.
        let o = env
            .cmd()
            .env_remove("ROSTER_DB")
            .args(args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        let err = stderr(&o);
        transcript.push_str(&format!("$ roster {}\n{err}", args.join(" ")));
    }
    insta::assert_snapshot!(transcript, @r#"
    $ roster user list --bogus
    error: unexpected argument '--bogus' found

    Usage: roster user list [OPTIONS]

    For more information, try '--help'.
    $ roster user
    Users: people who can sign in

    Usage: roster user [OPTIONS] <COMMAND>

    Commands:
      create   Create a user (the first user ever created becomes a global admin)
      list     List users, oldest first; a page at a time with --limit (a non-admin sees only themself)
      show     Show one user and the profiles they belong to
      update   Change a user's name, image, tags or metadata (identity fields: global admins only)
      passwd   Set a user's password (read from stdin; never from the command line)
      grant    Add global roles to a user (global admins only, never yourself)
      revoke   Remove global roles from a user (global admins only, never yourself)
      disable  Disable a user: they can no longer act or accept invitations
      enable   Enable a disabled user
      delete   Delete a user and their memberships (asks first; --yes skips)
      verify   Mark a user's email or phone verified, or not with --undo (global admins, never yourself)
      help     Print this message or the help of the given subcommand(s)

    Options:
      -h, --help  Print help

    Global options:
          --db <PATH>        The database: a SQLite file, or a PostgreSQL URL
                             (postgres://USER@HOST:PORT/DB) [env: ROSTER_DB] [default: roster.db]
          --as <USER>        Act as this user (id, email or username) under the rules; default: the
                             operator [env: ROSTER_AS=]
          --format <FORMAT>  Output format [default: table on a terminal, json otherwise] [possible
                             values: table, json, jsonl, csv]
          --json             Same as --format json
      -y, --yes              Answer yes to confirmations (needed for destructive commands without a
                             terminal)
          --no-input         Never prompt; a missing value is an error
      -q, --quiet            No confirmations, notes or hints on success (data asked for still prints)
      -v, --verbose...       More detail on stderr

    Examples:
      roster user create --email ann@example.com --name 'Ann Smith'
      roster user list
    $ roster frobnicate
    error: unrecognized subcommand 'frobnicate'

    Usage: roster [OPTIONS] <COMMAND>

    For more information, try '--help'.
    $ roster --format xml user list
    error: invalid value 'xml' for '--format <FORMAT>'
      [possible values: table, json, jsonl, csv]

    For more information, try '--help'.
    $ roster --json --format csv user list
    error: the argument '--json' cannot be used with '--format <FORMAT>'

    Usage: roster --json <COMMAND>

    For more information, try '--help'.
    {"error":{"code":2,"kind":"usage","message":"the argument '--json' cannot be used with '--format <FORMAT>'","hint":"see `roster --help`"}}
    $ roster user show
    error: the following required arguments were not provided:
      <USER>

    Usage: roster user show <USER>

    For more information, try '--help'.
    $ roster user grant ann@example.com
    error: the following required arguments were not provided:
      <ROLES>...

    Usage: roster user grant <USER> <ROLES>...

    For more information, try '--help'.
    $ roster user create --password secret123
    error: unexpected argument '--password' found
    hint: a similar argument exists: `--password-stdin`

    Usage: roster user create --password-stdin

    For more information, try '--help'.
    "#);
}

#[test]
fn help_shows_examples_and_exits_0() {
    let env = Env::new();
    for args in [
        &["--help"][..],
        &["user", "create", "--help"],
        &["user", "passwd", "--help"],
        &["profile", "create", "--help"],
        &["audit", "--help"],
    ] {
        let out = env.ok(args);
        assert!(out.contains("Examples:"), "{args:?}: {out}");
        assert!(out.contains("roster"), "{args:?}: {out}");
    }
    let v = env.ok(&["--version"]);
    assert!(v.starts_with("roster "), "{v}");
}

// ---------------------------------------------------------------- output formats

#[test]
fn without_a_terminal_the_default_format_is_json() {
    let env = Env::init();
    let out = env.ok(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
    ]);
    let v: Value = serde_json::from_str(&out).expect("a JSON object");
    assert_eq!(v["email"], "ann@example.com");
    let out = env.ok(&["user", "list"]);
    let v: Value = serde_json::from_str(&out).expect("a JSON array");
    assert_eq!(v.as_array().unwrap().len(), 1);
    let out = env.ok(&["user", "show", "ann@example.com"]);
    assert!(serde_json::from_str::<Value>(&out).unwrap().is_object());
}

#[test]
fn jsonl_prints_one_object_per_line() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.user("bob@example.com", "Bob");
    let out = env.ok(&["--format", "jsonl", "user", "list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    let emails: Vec<String> = lines
        .iter()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap();
            v["email"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(emails, ["ann@example.com", "bob@example.com"]);
    // A single record is one line too.
    let out = env.ok(&["--format", "jsonl", "user", "show", "bob@example.com"]);
    assert_eq!(out.lines().count(), 1);
    let out = env.ok(&[
        "--format",
        "jsonl",
        "user",
        "create",
        "--email",
        "cy@example.com",
        "--name",
        "Cy",
    ]);
    assert_eq!(out.lines().count(), 1);
    assert_eq!(
        serde_json::from_str::<Value>(out.trim()).unwrap()["email"],
        "cy@example.com"
    );
}

#[test]
fn csv_has_a_header_and_quotes_fields() {
    let env = Env::init();
    env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Smith, \"Ann\"",
        "--tag",
        "a",
        "--tag",
        "b",
        "--metadata",
        r#"{"plan":"family"}"#,
    ]);
    env.user("bob@example.com", "Bob");
    let out = env.ok(&["--format", "csv", "user", "list"]);
    insta::assert_snapshot!(redact(&out), @r#"
    id,email,username,phone,name,image,type,roles,tags,metadata,active,has_password,is_admin,email_verified_at,phone_verified_at,created_at,updated_at
    [id],ann@example.com,,,"Smith, ""Ann""",,person,"[""admin""]","[""a"",""b""]","{""plan"":""family""}",true,false,true,,,2026-11-21T12:00:01.000Z,2026-11-21T12:00:01.000Z
    [id],bob@example.com,,,Bob,,person,[],[],{},true,false,false,,,2026-11-21T12:00:02.000Z,2026-11-21T12:00:02.000Z
    "#);
    // Every row has as many fields as the header (outside quotes).
    let count = |l: &str| {
        let mut n = 1;
        let mut quoted = false;
        for c in l.chars() {
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => n += 1,
                _ => {}
            }
        }
        n
    };
    for l in out.lines() {
        assert_eq!(count(l), 17, "{l}");
    }
}

#[test]
fn csv_of_an_empty_list_is_just_the_header() {
    let env = Env::init();
    let out = env.ok(&["--format", "csv", "user", "list"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("id,email,"), "{out}");
    let out = env.ok(&["--format", "csv", "profile", "list"]);
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("id,slug,name,"), "{out}");
}

#[test]
fn table_format_draws_tables_and_confirmation_lines() {
    let env = Env::init();
    let out = env.ok(&[
        "--format",
        "table",
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
    ]);
    insta::assert_snapshot!(redact(&out), @"created user ann@example.com (id [id])");
    let out = env.ok(&["--format", "table", "user", "list"]);
    insta::assert_snapshot!(redact(&out), @"
    ╭──────────────────────────────────────┬─────────────────┬──────┬───────┬────────╮
    │ id                                   ┆ email           ┆ name ┆ roles ┆ active │
    ╞══════════════════════════════════════╪═════════════════╪══════╪═══════╪════════╡
    │ [id]                                 ┆ ann@example.com ┆ Ann  ┆ admin ┆ true   │
    ╰──────────────────────────────────────┴─────────────────┴──────┴───────┴────────╯
    ");
    assert!(!out.contains("\x1b["), "NO_COLOR: no escapes: {out}");
    let width = out.lines().map(|l| l.chars().count()).max().unwrap();
    assert!(width <= 100, "COLUMNS=100 bounds the table ({width})");
    let out = env.ok(&["--format", "table", "user", "show", "ann@example.com"]);
    insta::assert_snapshot!(redact(&out), @"
    ╭───────────────────┬──────────────────────────────────────╮
    │ field             ┆ value                                │
    ╞═══════════════════╪══════════════════════════════════════╡
    │ id                ┆ [id]                                 │
    │ email             ┆ ann@example.com                      │
    │ username          ┆                                      │
    │ phone             ┆                                      │
    │ name              ┆ Ann                                  │
    │ image             ┆                                      │
    │ type              ┆ person                               │
    │ roles             ┆ admin                                │
    │ tags              ┆                                      │
    │ metadata          ┆ {}                                   │
    │ active            ┆ true                                 │
    │ has_password      ┆ false                                │
    │ is_admin          ┆ true                                 │
    │ email_verified_at ┆                                      │
    │ phone_verified_at ┆                                      │
    │ created_at        ┆ 2026-11-21T12:00:01.000Z             │
    │ updated_at        ┆ 2026-11-21T12:00:01.000Z             │
    ╰───────────────────┴──────────────────────────────────────╯
    ");
    assert!(!out.contains("password_hash"), "{out}");
}

#[test]
fn table_format_explains_an_empty_list_on_stderr() {
    let env = Env::init();
    let o = env.run(&["--format", "table", "user", "list"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "");
    insta::assert_snapshot!(stderr(&o), @"
    no users yet
    hint: create the first one (it becomes a global admin): roster user create --email you@example.com --name 'Your Name'
    ");
}

// ---------------------------------------------------------------- errors

#[test]
fn errors_in_json_format_carry_a_json_object_on_stderr() {
    let env = Env::init();
    let o = env.run(&["--json", "user", "show", "nobody@example.com"]);
    assert_eq!(o.status.code(), Some(67));
    assert_eq!(stdout(&o), "", "errors never go to stdout");
    let err = stderr(&o);
    assert!(
        err.starts_with("error: user \"nobody@example.com\" does not exist"),
        "{err}"
    );
    assert!(err.contains("\nhint: "), "{err}");
    let v = error_json(&err);
    assert_eq!(v["error"]["code"], 67);
    assert_eq!(v["error"]["kind"], "not_found");
    assert_eq!(
        v["error"]["message"],
        "user \"nobody@example.com\" does not exist"
    );
    assert!(
        v["error"]["hint"]
            .as_str()
            .unwrap()
            .contains("roster user list")
    );
    // `--format json` asks for it too.
    let err = env.fails(
        67,
        &["--format", "json", "user", "show", "nobody@example.com"],
    );
    assert_eq!(error_json(&err)["error"]["kind"], "not_found");
    // JSON chosen only because stdout is not a terminal (as in CI) prints each error once:
    // the text lines, without the object.
    let err = env.fails(67, &["user", "show", "nobody@example.com"]);
    assert!(!err.contains('{'), "no JSON object: {err}");
    assert_eq!(
        err.lines().filter(|l| l.starts_with("error: ")).count(),
        1,
        "{err}"
    );
    assert!(
        err.lines()
            .all(|l| l.starts_with("error: ") || l.starts_with("hint: ")),
        "{err}"
    );
}

#[test]
fn errors_in_other_formats_are_plain_lines() {
    let env = Env::init();
    for format in ["table", "csv", "jsonl"] {
        let err = env.fails(
            67,
            &["--format", format, "user", "show", "nobody@example.com"],
        );
        assert!(err.starts_with("error: "), "{format}: {err}");
        assert!(!err.contains('{'), "{format}: no JSON object: {err}");
        assert!(
            err.lines()
                .all(|l| l.starts_with("error: ") || l.starts_with("hint: ")),
            "{err}"
        );
    }
}

#[test]
fn a_json_error_without_a_hint_has_a_null_hint() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.user("bob@example.com", "Bob");
    let err = env.fails(
        68,
        &[
            "--json",
            "user",
            "update",
            "bob@example.com",
            "--email",
            "ann@example.com",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"
    error: email "ann@example.com" already belongs to user ann@example.com ([id])
    {"error":{"code":68,"kind":"conflict","message":"email \"ann@example.com\" already belongs to user ann@example.com ([id])","hint":null}}
    "#);
    let v = error_json(&err);
    assert_eq!(v["error"]["code"], 68);
    assert_eq!(v["error"]["kind"], "conflict");
    assert!(v["error"]["hint"].is_null(), "{v}");
}

// ---------------------------------------------------------------- -q

#[test]
fn quiet_prints_nothing_on_success() {
    let env = Env::new();
    let quiet_ok = |args: &[&str], stdin: &str| {
        let o = env.run_with(args, stdin);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stdout(&o), "", "{args:?}");
        assert_eq!(stderr(&o), "", "{args:?}");
    };
    quiet_ok(&["-q", "init"], "");
    quiet_ok(&["-q", "--format", "table", "init"], "");
    quiet_ok(
        &[
            "-q",
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
        "",
    );
    quiet_ok(
        &[
            "-q",
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--if-not-exists",
        ],
        "",
    );
    quiet_ok(
        &[
            "-q",
            "--format",
            "table",
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "Bob",
        ],
        "",
    );
    quiet_ok(
        &[
            "-q",
            "user",
            "update",
            "bob@example.com",
            "--name",
            "Robert",
        ],
        "",
    );
    quiet_ok(
        &[
            "-q",
            "role",
            "create",
            "support",
            "--scope",
            "global",
            "--allow",
            "user-list",
        ],
        "",
    );
    quiet_ok(&["-q", "user", "grant", "bob@example.com", "support"], "");
    quiet_ok(
        &[
            "-q",
            "user",
            "passwd",
            "bob@example.com",
            "--password-stdin",
        ],
        "a long password\n",
    );
    quiet_ok(&["-q", "profile", "create", "--name", "Family"], "");
    quiet_ok(
        &["-q", "profile", "update", "family", "--color", "#abc"],
        "",
    );
    quiet_ok(&["-q", "--yes", "profile", "delete", "family"], "");
    quiet_ok(&["-q", "--yes", "user", "delete", "bob@example.com"], "");
    quiet_ok(&["-q", "audit", "verify"], "");
    quiet_ok(&["-q", "--format", "table", "audit", "verify"], "");
    // The changes happened.
    let users = env.json(&["user", "list"]);
    assert_eq!(users.as_array().unwrap().len(), 1);
    assert_eq!(env.audit_len(), 10);
}

#[test]
fn quiet_still_reports_errors() {
    let env = Env::init();
    let err = env.fails(67, &["-q", "user", "show", "nobody@example.com"]);
    insta::assert_snapshot!(err, @r#"
    error: user "nobody@example.com" does not exist
    hint: list users with `roster user list`
    "#);
}

// ---------------------------------------------------------------- closed stdout

/// Runs roster with its stdout a pipe whose reading end is already closed.
fn run_into_closed_pipe(env: &Env, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    env.roster()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run roster")
}

#[test]
fn a_closed_stdout_is_success_without_a_message() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.profile("Family");
    for args in [
        &["user", "list"][..],
        &["--format", "table", "user", "list"],
        &["--format", "csv", "profile", "list"],
        &["user", "show", "ann@example.com"],
        &["audit"],
        &["audit", "verify"],
        &["--help"],
    ] {
        let o = run_into_closed_pipe(&env, args);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert_eq!(stderr(&o), "", "{args:?}");
    }
    // A change whose output cannot be written is still made.
    let o = run_into_closed_pipe(
        &env,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "Bob",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stderr(&o), "");
    env.json(&["user", "show", "bob@example.com"]);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    let env = Env::init();
    for i in 0..5 {
        env.user(&format!("u{i}@example.com"), "U");
    }
    let bin = env!("CARGO_BIN_EXE_roster");
    let o = env
        .command("sh")
        .arg("-c")
        .arg(r#"{ "$0" --format jsonl user list; echo "$?" > rc; } | head -c 1"#)
        .arg(bin)
        .output()
        .expect("sh");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "{");
    assert_eq!(stderr(&o), "");
    let rc = std::fs::read_to_string(env.path("rc")).unwrap();
    assert_eq!(rc.trim(), "0");
}

#[test]
fn a_read_command_leaves_an_empty_file_alone() {
    let env = Env::new();
    if let Some(schema) = env.pg_schema() {
        // PostgreSQL's empty file: an empty schema, made for roster by an administrator.
        env.psql(&format!("CREATE SCHEMA {schema}"));
        let err = env.fails(66, &["user", "list"]);
        assert!(err.contains("holds no roster tables"), "{err}");
        let objects = format!(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = '{schema}'"
        );
        assert_eq!(env.sql_value(&objects), "0");
        assert!(database_exists(&env));
        return;
    }
    std::fs::write(env.db(), b"").unwrap();
    let err = env.fails(66, &["user", "list"]);
    assert!(err.contains("empty"), "{err}");
    assert_eq!(std::fs::metadata(env.db()).unwrap().len(), 0);
}

#[test]
fn a_usage_error_is_also_a_json_object_with_json() {
    let env = Env::init();
    let err = env.fails(2, &["--json", "user", "frob"]);
    insta::assert_snapshot!(err, @r#"
    error: unrecognized subcommand 'frob'

    Usage: roster user [OPTIONS] <COMMAND>

    For more information, try '--help'.
    {"error":{"code":2,"kind":"usage","message":"unrecognized subcommand 'frob'","hint":"see `roster --help`"}}
    "#);
}
