//! What only PostgreSQL has: a schema that is not roster's, one from a newer roster, a
//! server that cannot be reached, a wrong password, the write lock held elsewhere, several
//! rosters creating one schema at once, and moving data between the two backends (which
//! needs both). Each test runs in the PostgreSQL run (`ROSTER_TEST_BACKEND=postgres`) and
//! says on one line that it is covered there in the SQLite run.

use serde_json::Value;

use crate::common::*;
use crate::members::race;
use crate::pg;

/// The base URL of this process's database (no schema), in the PostgreSQL run.
fn base() -> String {
    match pg::server() {
        Ok(s) => s.url.clone(),
        Err(_) => panic!("no PostgreSQL server in the PostgreSQL run"),
    }
}

fn url_of(schema: &str) -> String {
    pg::with_param(&base(), "schema", schema)
}

/// Where the seed of the repository lives.
fn demo() -> String {
    format!("{}/seed.json", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn a_schema_that_is_not_rosters_is_refused_and_untouched() {
    let env = Env::new();
    if !env.pg_only("foreign schema") {
        return;
    }
    let schema = pg::new_schema();
    env.psql(&format!(
        "CREATE SCHEMA {schema}; CREATE TABLE {schema}.orders (id int); INSERT INTO {schema}.orders VALUES (7)"
    ));
    let url = url_of(&schema);
    for args in [
        vec!["--db", url.as_str(), "init"],
        vec!["--db", url.as_str(), "user", "list"],
        vec!["--db", url.as_str(), "seed", "-"],
    ] {
        let err = env.fails_with(78, &args, "[]");
        assert!(err.contains("is not roster's"), "{err}");
        assert!(err.contains("hint: name another schema"), "{err}");
    }
    assert_eq!(
        env.psql(&format!(
            "SELECT count(*) FROM pg_tables WHERE schemaname = '{schema}'"
        ))
        .trim(),
        "1"
    );
    assert_eq!(
        env.psql(&format!("SELECT id FROM {schema}.orders")).trim(),
        "7"
    );
}

#[test]
fn a_schema_holding_only_functions_or_types_is_not_rosters_either() {
    let env = Env::new();
    if !env.pg_only("foreign objects") {
        return;
    }
    for object in [
        "CREATE FUNCTION {s}.nocase(text) RETURNS text LANGUAGE sql IMMUTABLE AS 'SELECT $1'",
        "CREATE TYPE {s}.mood AS ENUM ('ok')",
        "CREATE DOMAIN {s}.positive AS int CHECK (VALUE > 0)",
    ] {
        let schema = pg::new_schema();
        env.psql(&format!(
            "CREATE SCHEMA {schema}; {}",
            object.replace("{s}", &schema)
        ));
        let err = env.fails(78, &["--db", &url_of(&schema), "init"]);
        assert!(err.contains("is not roster's"), "{err}");
        assert_eq!(
            env.psql(&format!(
                "SELECT count(*) FROM pg_class WHERE relnamespace = '{schema}'::regnamespace"
            ))
            .trim(),
            "0"
        );
    }
}

#[test]
fn an_empty_schema_made_for_roster_is_adopted() {
    let env = Env::new();
    if !env.pg_only("pre-created schema") {
        return;
    }
    let schema = pg::new_schema();
    env.psql(&format!("CREATE SCHEMA {schema}"));
    let url = url_of(&schema);
    let v = env.json(&["--db", &url, "init"]);
    assert_eq!(v["created"], true);
    assert_eq!(v["schema_version"], roster::store::schema::CURRENT);
    env.ok(&[
        "--db",
        &url,
        "user",
        "create",
        "--email",
        "a@example.com",
        "--name",
        "A",
    ]);
}

#[test]
fn a_schema_from_a_newer_roster_is_refused_and_untouched() {
    let env = Env::init();
    if !env.pg_only("newer schema") {
        return;
    }
    env.user("ann@example.com", "Ann");
    env.sql("UPDATE roster_schema SET version = 99");
    let err = env.fails(78, &["user", "list"]);
    assert!(err.contains("newer roster (schema version 99"), "{err}");
    env.fails(
        78,
        &["user", "create", "--email", "b@example.com", "--name", "B"],
    );
    assert_eq!(env.sql_value("SELECT count(*) FROM users"), "1");
    assert_eq!(env.sql_value("SELECT version FROM roster_schema"), "99");
}

#[test]
fn a_read_of_a_missing_schema_is_66_and_creates_nothing() {
    let env = Env::new();
    if !env.pg_only("missing schema") {
        return;
    }
    let err = env.fails(66, &["user", "list"]);
    assert!(
        err.contains("no roster database in roster.db")
            || err.contains("no roster database in postgres"),
        "{err}"
    );
    let schema = env.pg_schema().expect("schema").to_string();
    assert_eq!(
        env.psql(&format!(
            "SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'"
        ))
        .trim(),
        "0"
    );
    // A dry run of a seed creates nothing either: the schema is made inside the
    // transaction that is rolled back.
    env.ok(&["seed", "--dry-run", &demo()]);
    assert_eq!(
        env.psql(&format!(
            "SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'"
        ))
        .trim(),
        "0"
    );
}

#[test]
fn an_unreachable_server_is_75_naming_the_host_never_the_password() {
    let env = Env::new();
    if !env.pg_only("unreachable server") {
        return;
    }
    let url = "postgres://ann:s3cr3t-pw@127.0.0.1:1/app?connect_timeout=2";
    let out = env.run(&["-v", "--db", url, "user", "list"]);
    assert_eq!(out.status.code(), Some(75));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot reach the database server 127.0.0.1:1"),
        "{err}"
    );
    assert!(err.contains("postgres://ann:***@127.0.0.1:1/app"), "{err}");
    assert!(!err.contains("s3cr3t"), "{err}");
    // The JSON error object too.
    let out = env.run(&["--json", "--db", url, "user", "list"]);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("s3cr3t"));
    assert!(!String::from_utf8_lossy(&out.stdout).contains("s3cr3t"));
}

/// A role that signs in with a password: the cluster trusts local connections, so a line
/// asking this role for its password goes first in pg_hba.conf (idempotent), and the
/// configuration is reloaded.
fn password_role(env: &Env) -> &'static str {
    const ROLE: &str = "roster_pw_test";
    let hba = env.psql("SHOW hba_file").trim().to_string();
    let text = std::fs::read_to_string(&hba).expect("read pg_hba.conf");
    let line = format!("local all {ROLE} scram-sha-256");
    if !text.lines().any(|l| l == line) {
        std::fs::write(&hba, format!("{line}\n{text}")).expect("write pg_hba.conf");
        env.psql("SELECT pg_reload_conf()");
        std::thread::sleep(std::time::Duration::from_millis(300));
    }
    env.psql(&format!(
        "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN \
         CREATE ROLE {ROLE} LOGIN PASSWORD 'right-horse'; END IF; END $$; \
         GRANT CREATE ON DATABASE \"{}\" TO {ROLE}",
        env.psql("SELECT current_database()").trim()
    ));
    ROLE
}

#[test]
fn a_wrong_password_is_77_and_a_right_one_from_pgpassword_signs_in() {
    let env = Env::new();
    if !env.pg_only("password sign-in") {
        return;
    }
    let role = password_role(&env);
    let schema = pg::new_schema();
    let url = url_of(&schema).replace("user=postgres", &format!("user={role}"));
    let wrong = format!("{url}&password=wrong-horse");
    let err = env.fails(77, &["--db", &wrong, "init"]);
    assert!(err.contains("the server refused the sign-in"), "{err}");
    assert!(!err.contains("wrong-horse"), "{err}");
    // No password at all: the server asks for one, and the answer is the same refusal.
    env.fails(77, &["--db", &url, "init"]);
    // PGPASSWORD, never on the command line.
    let out = env
        .cmd()
        .env("PGPASSWORD", "right-horse")
        .args(["--json", "--db", &url, "init"])
        .output()
        .expect("run roster");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["created"], true);
    // A password file, as libpq reads it.
    let pass = env.path("pgpass");
    std::fs::write(&pass, format!("localhost:*:*:{role}:right-horse\n")).expect("pgpass");
    let out = env
        .cmd()
        .env("PGPASSFILE", &pass)
        .args(["--db", &url, "user", "list"])
        .output()
        .expect("run roster");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The advisory lock key roster's writers take: FNV-1a 64 of `roster:` and the schema.
fn lock_key(schema: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in "roster:".bytes().chain(schema.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

#[test]
fn a_write_lock_held_beyond_the_busy_timeout_is_75_and_changes_nothing() {
    let env = Env::init();
    if !env.pg_only("advisory lock") {
        return;
    }
    let key = lock_key(env.pg_schema().expect("schema"));
    // Another session holds the write lock for three seconds.
    let holder = {
        let Ok(server) = pg::server() else { panic!() };
        let program = server.psql.clone().expect("psql");
        let mut c = pg::psql(&program, &server.url);
        c.arg("-c").arg(format!(
            "BEGIN; SELECT pg_advisory_xact_lock({key}); SELECT pg_sleep(3); COMMIT;"
        ));
        c.spawn().expect("psql holding the lock")
    };
    std::thread::sleep(std::time::Duration::from_millis(700));
    for ms in ["300", "0"] {
        let out = env
            .cmd()
            .env("ROSTER_BUSY_TIMEOUT_MS", ms)
            .args([
                "user",
                "create",
                "--email",
                "late@example.com",
                "--name",
                "Late",
            ])
            .output()
            .expect("run roster");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(75), "{ms}: {err}");
        assert!(err.contains("busy"), "{err}");
    }
    // Reads do not wait for writers.
    env.ok(&["user", "list"]);
    let mut holder = holder;
    let _ = holder.wait();
    assert_eq!(env.sql_value("SELECT count(*) FROM users"), "0");
    env.ok(&[
        "user",
        "create",
        "--email",
        "late@example.com",
        "--name",
        "Late",
    ]);
}

#[test]
fn sixteen_rosters_creating_one_schema_at_once_migrate_it_once() {
    let env = Env::new();
    if !env.pg_only("concurrent migration") {
        return;
    }
    let runs = (0..16)
        .map(|_| vec!["--json".to_string(), "init".to_string()])
        .collect();
    let outputs = race(&env, runs);
    let mut created = 0;
    for out in &outputs {
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        if v["created"] == true {
            created += 1;
        }
    }
    assert_eq!(created, 1);
    assert_eq!(
        env.sql_value("SELECT count(*) FROM roles WHERE builtin"),
        "4"
    );
    assert_eq!(
        env.sql_value("SELECT version FROM roster_schema"),
        roster::store::schema::CURRENT.to_string()
    );
}

#[test]
fn copy_moves_everything_from_sqlite_to_postgresql_and_back() {
    let pg_env = Env::new();
    if !pg_env.pg_only("copy between backends") {
        return;
    }
    let file = Env::file();
    file.ok(&["seed", &demo()]);
    // A session, so that token hashes travel too.
    let token = file.ok(&["-q", "session", "issue", "bob@example.com"]);
    let token = token.trim();
    let export = |env: &Env| env.ok(&["export", "--with-secrets"]);
    let audit = |env: &Env| env.ok(&["--json", "audit"]);
    let from_file = export(&file);

    let v = file.json(&["copy", "--to", &pg_env.db_url()]);
    assert_eq!(v["rows"]["users"], 7);
    assert_eq!(v["rows"]["sessions"], 1);
    assert!(v["audit_verified"].as_i64().unwrap_or(0) > 20);
    assert!(!v.to_string().contains("password"), "{v}");
    assert_eq!(export(&pg_env), from_file);
    assert_eq!(audit(&pg_env), audit(&file));
    pg_env.ok(&["audit", "verify"]);
    // The copied session still signs in: its token hash came along, so the web
    // application's look-up by the token's SHA-256 finds it.
    assert_eq!(
        pg_env.sql_value(&format!(
            "SELECT count(*) FROM sessions WHERE token_hash = encode(sha256(convert_to('{token}', 'UTF8')), 'hex')"
        )),
        "1"
    );

    // Into a target that holds anything: refused, nothing written.
    let err = file.fails(68, &["copy", "--to", &pg_env.db_url()]);
    assert!(err.contains("the target is not empty"), "{err}");

    // And back, into a new file.
    let back = Env::file();
    pg_env.ok(&["copy", "--to", &back.db().display().to_string()]);
    assert_eq!(export(&back), from_file);
    assert_eq!(audit(&back), audit(&file));
    back.ok(&["audit", "verify"]);
    // The same database twice is a usage error.
    pg_env.fails(2, &["copy", "--to", &pg_env.db_url()]);
}

#[test]
fn an_export_seeded_into_postgresql_exports_the_same_bytes() {
    let pg_env = Env::new();
    if !pg_env.pg_only("export and seed between backends") {
        return;
    }
    let file = Env::file();
    file.ok(&["seed", &demo()]);
    let exported = file.ok(&["export"]);
    // Into an empty schema (loaded in bulk) ...
    pg_env.ok_with(&["seed", "-"], &exported);
    assert_eq!(pg_env.ok(&["export"]), exported);
    // ... a second time changes nothing ...
    let again = pg_env.json_with(&["seed", "-"], &exported);
    assert!(again.to_string().contains("unchanged"), "{again}");
    assert_eq!(pg_env.ok(&["export"]), exported);
    // ... and into a schema that already holds something (applied event by event), the
    // same rows again.
    let other = Env::new();
    other.user("first@example.com", "First");
    other.ok(&["--yes", "user", "delete", "first@example.com"]);
    other.ok_with(&["seed", "-"], &exported);
    let round = other.ok(&["export"]);
    assert_eq!(round, exported);
    pg_env.ok(&["audit", "verify"]);
    other.ok(&["audit", "verify"]);
}

#[test]
fn without_the_trigram_index_doctor_notes_that_search_scans_and_search_still_answers() {
    let env = Env::init();
    if !env.pg_only("pg_trgm") {
        return;
    }
    env.ok(&["seed", &demo()]);
    let before = env.json(&["media", "list", "smith-family", "--search", "the"]);
    let v = env.json(&["doctor"]);
    assert_eq!(v["notes"], serde_json::json!([]));
    env.sql("DROP INDEX media_title_trgm");
    let out = env.run(&["--format", "table", "doctor"]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("note: title search scans"), "{err}");
    let v = env.json(&["doctor"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["notes"].as_array().map(Vec::len), Some(1));
    assert_eq!(
        env.json(&["media", "list", "smith-family", "--search", "the"]),
        before
    );
}

#[test]
fn doctor_reports_an_invalid_index_in_postgresqls_words() {
    let env = Env::init();
    if !env.pg_only("invalid index") {
        return;
    }
    env.sql(
        "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'members_by_user'::regclass",
    );
    let v = env.json_fails_doctor();
    let f = &v["findings"][0];
    assert_eq!(f["check"], "integrity");
    assert_eq!(f["subject"], "database schema");
    assert!(
        f["message"]
            .as_str()
            .is_some_and(|m| m.contains("index members_by_user on members is not valid")),
        "{f}"
    );
}

trait DoctorFails {
    fn json_fails_doctor(&self) -> Value;
}

impl DoctorFails for Env {
    fn json_fails_doctor(&self) -> Value {
        let out = self.run(&["--json", "doctor"]);
        assert_eq!(out.status.code(), Some(1));
        serde_json::from_slice(&out.stdout).expect("JSON")
    }
}
