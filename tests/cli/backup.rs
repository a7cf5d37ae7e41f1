//! `roster backup FILE [--verify]` (README "backup"): SQLite's online backup of a live
//! database, one snapshot while others write, mode 0600, never over the database, never
//! half-written, checked before it is kept when asked; on PostgreSQL, a pointer to the
//! server's tools.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::Value;

use crate::common::*;

/// A small database: an admin, a profile with a member, two media items.
fn demo() -> Env {
    let env = Env::init();
    env.user("root@example.com", "Root");
    env.user("bob@example.com", "Bob");
    env.profile("Family");
    env.ok(&["member", "add", "family", "bob@example.com"]);
    for t in ["Arrival", "Heat"] {
        env.ok(&["media", "add", "family", "--type", "movie", "--title", t]);
    }
    env
}

/// What `roster --db FILE ARGS` prints, for looking into a backup.
fn at(env: &Env, file: &Path, args: &[&str]) -> String {
    let mut all = vec!["--db", file.to_str().unwrap()];
    all.extend_from_slice(args);
    env.ok(&all)
}

/// The files in the working directory whose names start with `prefix` (temporary files
/// are `.NAME.XXXX.tmp`).
fn leftovers(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

#[test]
fn a_backup_is_the_whole_database_private_and_verified() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    let report = env.json(&["backup", "copy.db", "--verify"]);
    let copy = env.path("copy.db");
    assert_eq!(report["backup"], "copy.db");
    assert_eq!(report["verified"], true);
    let audit_rows = env.audit_len() as i64;
    assert_eq!(report["audit_verified"], audit_rows, "{report}");
    assert_eq!(report["rows"]["audit"], audit_rows, "{report}");
    assert_eq!(report["rows"]["media"], 2, "{report}");
    assert_eq!(
        report["bytes"],
        std::fs::metadata(&copy).unwrap().len(),
        "{report}"
    );
    let mode = std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "the backup is private");
    // The copy is a roster database with the same content: the same export, byte for byte,
    // and a chain that verifies there.
    assert_eq!(env.ok(&["export"]), at(&env, &copy, &["export"]));
    let v: Value = serde_json::from_str(&at(&env, &copy, &["--json", "audit", "verify"])).unwrap();
    assert_eq!(v["ok"], true, "{v}");
    assert!(leftovers(&env).is_empty(), "{:?}", leftovers(&env));
    // A backup adds nothing to the audit log.
    assert_eq!(env.audit_len() as i64, audit_rows);
}

#[test]
fn the_table_report_names_both_files_and_the_checks() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    let out = env.ok(&["--format", "table", "backup", "b.db", "--verify"]);
    let redacted = regex_bytes(&out);
    insta::assert_snapshot!(redacted, @"backed up roster.db to b.db ([n] bytes, 12 rows: roles 0, users 2, profiles 1, members 1, invitations 0, outbox 0, media 2, sessions 0, audit 6); verified: integrity ok, audit chain verifies (6 rows)");
    assert_eq!(env.ok(&["-q", "--yes", "backup", "b.db"]), "");
}

/// The byte count varies with SQLite's page layout: shown as `[n]`.
fn regex_bytes(out: &str) -> String {
    let out = out.trim_end();
    let (head, rest) = out.split_once(" (").expect("a byte count");
    let (_, tail) = rest.split_once(" bytes").expect("a byte count");
    format!("{head} ([n] bytes{tail}")
}

#[test]
fn an_existing_file_is_replaced_only_with_yes() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    std::fs::write(env.path("old.db"), b"yesterday").unwrap();
    let err = env.fails(2, &["--format", "table", "backup", "old.db"]);
    assert!(err.contains("replace the existing file old.db"), "{err}");
    assert!(err.contains("hint: add --yes"), "{err}");
    assert_eq!(
        env.bytes(&env.path("old.db")),
        b"yesterday",
        "refused: untouched"
    );
    env.ok(&["--yes", "backup", "old.db"]);
    assert_eq!(
        env.ok(&["export"]),
        at(&env, &env.path("old.db"), &["export"])
    );
    // Through a symbolic link: the file it names is replaced, the link stays.
    std::os::unix::fs::symlink("old.db", env.path("link.db")).unwrap();
    env.ok(&["--yes", "backup", "link.db"]);
    assert!(
        std::fs::symlink_metadata(env.path("link.db"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(leftovers(&env).is_empty(), "{:?}", leftovers(&env));
}

#[test]
fn the_database_itself_and_streams_are_refused_before_anything_is_written() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    let before = env.bytes(&env.db());
    for target in ["roster.db", "./roster.db-wal", "roster.db-shm"] {
        let err = env.fails(65, &["--yes", "backup", target]);
        assert!(err.contains("a file roster has open"), "{target}: {err}");
    }
    std::fs::hard_link(env.db(), env.path("hard.db")).unwrap();
    env.fails(65, &["--yes", "backup", "hard.db"]);
    assert_eq!(env.bytes(&env.db()), before);
    let fifo = env.path("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let err = env.fails(74, &["backup", "fifo"]);
    assert!(err.contains("not a regular file"), "{err}");
    let err = env.fails(74, &["backup", "no/such/dir.db"]);
    assert!(err.contains("no/such/dir.db"), "{err}");
    env.fails(66, &["--db", "missing.db", "backup", "x.db"]);
    assert!(!env.path("x.db").exists() && !env.path("missing.db").exists());
    assert!(leftovers(&env).is_empty(), "{:?}", leftovers(&env));
}

#[test]
fn only_holders_of_the_backup_permission_may_take_one() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    let err = env.fails(77, &["--as", "bob@example.com", "backup", "bob.db"]);
    assert!(err.contains("may not backup"), "{err}");
    assert!(!env.path("bob.db").exists(), "a refusal writes nothing");
    // Nor does a refusal learn whether FILE exists: the same answer for an existing one.
    std::fs::write(env.path("there.db"), b"x").unwrap();
    env.fails(77, &["--as", "bob@example.com", "backup", "there.db"]);
    assert_eq!(env.bytes(&env.path("there.db")), b"x");
    // `can` says the same as the command.
    env.fails(1, &["can", "bob@example.com", "backup"]);
    env.ok(&[
        "role", "create", "keeper", "--scope", "global", "--allow", "backup",
    ]);
    env.ok(&["user", "grant", "bob@example.com", "keeper"]);
    env.ok(&["can", "bob@example.com", "backup"]);
    env.ok(&["--as", "bob@example.com", "backup", "bob.db"]);
    // The first user is a global admin.
    env.ok(&["--as", "root@example.com", "backup", "root.db"]);
}

#[test]
fn a_copy_that_fails_its_checks_is_not_kept() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    sqlite(&env.db())
        .execute("UPDATE audit SET subject = 'forged' WHERE seq = 3", [])
        .unwrap();
    let err = env.fails(1, &["--format", "table", "backup", "bad.db", "--verify"]);
    assert!(err.contains("warning: audit-chain: audit row 3"), "{err}");
    assert!(
        err.contains("error: the backup failed its checks (1 problem"),
        "{err}"
    );
    assert!(err.contains("nothing was written to bad.db"), "{err}");
    assert!(!env.path("bad.db").exists());
    assert!(leftovers(&env).is_empty(), "{:?}", leftovers(&env));
    // Without --verify the copy is taken as it is (it is the same database).
    env.ok(&["backup", "as-is.db"]);
    assert!(env.path("as-is.db").exists());
}

#[test]
fn a_keyed_log_verifies_with_its_key() {
    let env = Env::file();
    let key = env.path("audit.key");
    let run = |args: &[&str]| {
        env.cmd()
            .env("ROSTER_AUDIT_KEY_FILE", &key)
            .args(args)
            .output()
            .unwrap()
    };
    assert!(run(&["init", "--audit-key", "audit.key"]).status.success());
    assert!(
        run(&["user", "create", "--email", "a@example.com", "--name", "A"])
            .status
            .success()
    );
    let o = run(&["--json", "backup", "keyed.db", "--verify"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Over the key file itself: refused, the key kept.
    let before = std::fs::read(&key).unwrap();
    let o = run(&["--yes", "backup", "audit.key"]);
    assert_eq!(
        o.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&key).unwrap(), before);
    // Without the key, the copy's keyed rows cannot be checked: not kept.
    let err = env.fails(1, &["--yes", "backup", "keyed.db", "--verify"]);
    assert!(err.contains("the backup failed its checks"), "{err}");
}

#[test]
fn backups_taken_while_others_write_are_each_one_snapshot() {
    let env = demo();
    if !env.sqlite_only("a SQLite file's online backup") {
        return;
    }
    const WRITERS: usize = 4;
    const EACH: usize = 12;
    let reports: Vec<Value> = std::thread::scope(|s| {
        for w in 0..WRITERS {
            let env = &env;
            s.spawn(move || {
                for i in 0..EACH {
                    env.ok(&[
                        "media",
                        "add",
                        "family",
                        "--type",
                        "movie",
                        "--title",
                        &format!("W{w} #{i}"),
                    ]);
                }
            });
        }
        (0..6)
            .map(|i| env.json(&["--yes", "backup", &format!("b{i}.db"), "--verify"]))
            .collect()
    });
    for (i, r) in reports.iter().enumerate() {
        let copy = env.path(&format!("b{i}.db"));
        // One snapshot: the media rows are exactly those whose media-add rows are in its
        // log (two before the writers started), and its chain verifies.
        let adds: Vec<Value> = serde_json::from_str(&at(
            &env,
            &copy,
            &["--json", "audit", "--event", "media-add"],
        ))
        .unwrap();
        assert_eq!(r["rows"]["media"], adds.len() as i64, "{r}");
        assert_eq!(r["rows"]["audit"], r["audit_verified"], "{r}");
        let media: Vec<Value> = serde_json::from_str(&at(
            &env,
            &copy,
            &["--json", "media", "list", "family", "--limit", "1000"],
        ))
        .map(|v: Value| v["items"].as_array().cloned().unwrap_or_default())
        .unwrap();
        assert_eq!(media.len(), adds.len(), "{r}");
    }
    // And the live database went on: every write landed.
    assert_eq!(
        env.json(&["audit", "--event", "media-add"])
            .as_array()
            .unwrap()
            .len(),
        2 + WRITERS * EACH
    );
}

#[test]
fn on_postgresql_it_names_the_servers_tools() {
    let env = demo();
    if !env.pg_only("PostgreSQL's backups are the server's") {
        return;
    }
    let err = env.fails(2, &["--format", "table", "backup", "b.db"]);
    let schema = env.pg_schema().unwrap();
    assert_eq!(
        err,
        format!(
            "error: roster backup copies a SQLite database; this one is on a PostgreSQL server\n\
            hint: use the server's own `pg_dump --schema={schema} DBNAME > roster.sql`, or `roster copy --to roster-backup.db` for a SQLite copy with every row and the audit log\n"
        )
    );
    assert!(!env.path("b.db").exists());
}
