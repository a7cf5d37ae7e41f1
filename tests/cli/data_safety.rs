//! Data safety: outputs never written over the database, inputs read exactly once, no
//! input waited for while the write lock is held, no copy of stdin visible by name, and
//! exit codes that tell a full disk from a bug.

use std::io::Write;
use std::process::{Command as StdCommand, Stdio};

use serde_json::Value;

use crate::common::*;
use crate::seeds::{all_unchanged, demo, snapshot, write};

/// `bash -c SCRIPT` in the environment's directory, with roster's pinned environment and
/// `$ROSTER` naming the binary. `None` (the test skips) when bash is missing, which fails
/// under CI.
fn bash(env: &Env, script: &str) -> Option<std::process::Output> {
    let found = StdCommand::new("bash")
        .args(["-c", "command -v mkfifo"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_present("bash (with coreutils' mkfifo)", found) {
        return None;
    }
    let out = env
        .command("bash")
        .arg("-c")
        .arg(script)
        .env("ROSTER", env!("CARGO_BIN_EXE_roster"))
        .output()
        .expect("run bash");
    Some(out)
}

fn code(out: &std::process::Output) -> Option<i32> {
    out.status.code()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn seeded() -> Env {
    let env = Env::new();
    demo(&env);
    env.ok(&["seed", "-q"]);
    env
}

/// The database still opens and still holds the demo.
fn intact(env: &Env) {
    let users = env.json(&["user", "list"]);
    assert!(users.as_array().is_some_and(|u| u.len() >= 4), "{users}");
    env.ok(&["audit", "verify"]);
}

// ------------------------------------------------------------------ export -o

#[test]
fn export_refuses_to_write_over_the_database_or_its_companions() {
    let env = seeded();
    if !env.sqlite_only("the database file and its -wal/-shm/-journal companions") {
        return;
    }
    let before = env.bytes(&env.db());
    let mut refusals = String::new();
    // -journal is not there (WAL mode), and is still the database's.
    for target in [
        "roster.db",
        "./roster.db",
        "roster.db-wal",
        "roster.db-shm",
        "roster.db-journal",
    ] {
        let stderr = env.fails(65, &["--format", "table", "export", "-o", target]);
        refusals.push_str(&stderr);
    }
    insta::assert_snapshot!(refusals, @"
    error: refusing to write roster.db: that is roster.db, a file roster has open (the database's, or its audit key)
    hint: choose another output file; the database was not touched
    error: refusing to write ./roster.db: that is roster.db, a file roster has open (the database's, or its audit key)
    hint: choose another output file; the database was not touched
    error: refusing to write roster.db-wal: that is roster.db-wal, a file roster has open (the database's, or its audit key)
    hint: choose another output file; the database was not touched
    error: refusing to write roster.db-shm: that is roster.db-shm, a file roster has open (the database's, or its audit key)
    hint: choose another output file; the database was not touched
    error: refusing to write roster.db-journal: that is roster.db-journal, a file roster has open (the database's, or its audit key)
    hint: choose another output file; the database was not touched
    ");
    // The same file by another name: a symbolic link, a hard link, an absolute path.
    std::os::unix::fs::symlink("roster.db", env.path("link.json")).expect("symlink");
    std::fs::hard_link(env.db(), env.path("hard.json")).expect("hard link");
    let absolute = env.db().display().to_string();
    for target in ["link.json", "hard.json", absolute.as_str()] {
        let stderr = env.fails(65, &["export", "-o", target]);
        assert!(stderr.contains("refusing to write"), "{target}: {stderr}");
    }
    assert_eq!(env.bytes(&env.db()), before, "the database was modified");
    intact(&env);
}

#[test]
fn export_replaces_a_file_whole_and_leaves_no_temporary_file() {
    let env = seeded();
    std::fs::write(env.path("out.json"), "x".repeat(100_000)).expect("write");
    env.ok(&["export", "-o", "out.json"]);
    let written = std::fs::read_to_string(env.path("out.json")).expect("read");
    let doc: Value = serde_json::from_str(&written).expect("a whole JSON document");
    assert_eq!(doc["version"], 1);
    let leftovers: Vec<String> = std::fs::read_dir(env.dir())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(env.path("out.json"))
        .expect("stat")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn export_through_a_symlink_replaces_the_file_it_names() {
    let env = seeded();
    std::fs::create_dir(env.path("backups")).expect("mkdir");
    std::fs::write(env.path("backups/today.json"), "old").expect("write");
    std::os::unix::fs::symlink("backups/today.json", env.path("latest.json")).expect("symlink");
    env.ok(&["export", "-o", "latest.json"]);
    assert!(
        std::fs::symlink_metadata(env.path("latest.json"))
            .expect("stat")
            .file_type()
            .is_symlink(),
        "the link itself was replaced"
    );
    let doc: Value = serde_json::from_str(
        &std::fs::read_to_string(env.path("backups/today.json")).expect("read"),
    )
    .expect("JSON");
    assert_eq!(doc["version"], 1);
}

#[test]
fn an_output_that_cannot_be_written_is_exit_74() {
    let env = seeded();
    let stderr = env.fails(74, &["export", "-o", "/dev/full"]);
    insta::assert_snapshot!(stderr, @"error: could not write /dev/full: no space left on device");
    for command in ["export", "--json user list", "--format csv user list"] {
        let Some(out) = bash(&env, &format!("\"$ROSTER\" {command} > /dev/full")) else {
            return;
        };
        assert_eq!(code(&out), Some(74), "{command}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("could not write output: no space left on device"),
            "{command}: {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn export_to_a_stream_writes_in_place() {
    let env = seeded();
    let Some(out) = bash(&env, "\"$ROSTER\" export -o /dev/stdout | head -c 12") else {
        return;
    };
    assert_eq!(code(&out), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "{\"version\": ");
}

// ------------------------------------------------------------------ settings and paths

#[test]
fn out_of_range_settings_are_usage_errors() {
    let env = Env::init();
    let mut refusals = String::new();
    for (var, value) in [
        ("ROSTER_BUSY_TIMEOUT_MS", "2147483648"),
        ("ROSTER_BUSY_TIMEOUT_MS", "-1"),
        ("ROSTER_MAX_INPUT", "0"),
        ("ROSTER_MAX_INPUT", "lots"),
    ] {
        let out = env
            .cmd()
            .env(var, value)
            .args(["--format", "table", "user", "list"])
            .output()
            .expect("run");
        assert_eq!(code(&out), Some(2), "{var}={value}: {}", text(&out.stderr));
        refusals.push_str(&text(&out.stderr));
    }
    insta::assert_snapshot!(refusals, @r#"
    error: ROSTER_BUSY_TIMEOUT_MS "2147483648" is not a number of milliseconds from 0 to 2147483647
    hint: for example ROSTER_BUSY_TIMEOUT_MS=5000 (the default), or unset it
    error: ROSTER_BUSY_TIMEOUT_MS "-1" is not a number of milliseconds from 0 to 2147483647
    hint: for example ROSTER_BUSY_TIMEOUT_MS=5000 (the default), or unset it
    error: ROSTER_MAX_INPUT "0" is not a positive number of bytes
    hint: for example ROSTER_MAX_INPUT=8589934592 (8 GiB), or unset it for 4 GiB
    error: ROSTER_MAX_INPUT "lots" is not a positive number of bytes
    hint: for example ROSTER_MAX_INPUT=8589934592 (8 GiB), or unset it for 4 GiB
    "#);
}

#[test]
fn a_database_path_that_is_not_a_regular_file_is_78() {
    let env = Env::new();
    let mut refusals = String::new();
    for args in [
        vec!["--db", "/dev/null", "user", "list"],
        vec!["--db", "/dev/null", "init"],
        vec!["--db", "/dev/zero", "seed", "--dry-run"],
    ] {
        if args.contains(&"seed") {
            demo(&env);
        }
        let mut all = vec!["--format", "table"];
        all.extend_from_slice(&args);
        refusals.push_str(&env.fails(78, &all));
    }
    insta::assert_snapshot!(refusals, @"
    error: /dev/null is not a regular file (a character device), so it cannot be a roster database
    hint: give the path of a database file with --db or ROSTER_DB
    error: /dev/null is not a regular file (a character device), so it cannot be a roster database
    hint: give the path of a database file with --db or ROSTER_DB
    error: /dev/zero is not a regular file (a character device), so it cannot be a roster database
    hint: give the path of a database file with --db or ROSTER_DB
    ");
}

// ------------------------------------------------------------------ seeds read once

#[test]
fn a_seed_from_a_fifo_is_read_once_and_applied() {
    let env = Env::new();
    demo(&env);
    let Some(out) = bash(
        &env,
        "mkfifo in.fifo && (cat seed.json > in.fifo &) && \"$ROSTER\" --json seed in.fifo",
    ) else {
        return;
    };
    assert_eq!(code(&out), Some(0), "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(report["changed"], true, "{report}");
    assert!(report["events"].as_u64().is_some_and(|n| n > 10));
}

#[test]
fn process_substitution_and_dev_stdin_work() {
    let env = Env::new();
    demo(&env);
    let Some(out) = bash(&env, "\"$ROSTER\" --json seed <(cat seed.json)") else {
        return;
    };
    assert_eq!(code(&out), Some(0), "<(…): {}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["changed"], true);
    // The same again through /dev/stdin (a pipe): all unchanged.
    let Some(out) = bash(&env, "cat seed.json | \"$ROSTER\" --json seed /dev/stdin") else {
        return;
    };
    assert_eq!(code(&out), Some(0), "/dev/stdin: {}", text(&out.stderr));
    all_unchanged(&serde_json::from_slice(&out.stdout).expect("JSON"));
    // And from a file redirected to /dev/stdin.
    let Some(out) = bash(&env, "\"$ROSTER\" --json seed /dev/stdin < seed.json") else {
        return;
    };
    assert_eq!(code(&out), Some(0), "< file: {}", text(&out.stderr));
    all_unchanged(&serde_json::from_slice(&out.stdout).expect("JSON"));
}

#[test]
fn a_seed_waiting_on_a_fifo_holds_no_lock() {
    let env = seeded();
    let fifo = env.path("slow.fifo");
    let made = StdCommand::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo");
    assert!(made.success());
    write(
        &env,
        "extra.json",
        r#"[{"event": "user-create", "data": {"email": "late@example.com", "name": "Late"}}]"#,
    );
    // The seed blocks opening the FIFO, which has no writer yet.
    let seed = env
        .roster()
        .args(["--json", "seed", "extra.json", "slow.fifo"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the seed");
    // Meanwhile another writer is not kept waiting: a short busy timeout would expire.
    let out = env
        .cmd()
        .env("ROSTER_BUSY_TIMEOUT_MS", "300")
        .args([
            "--json",
            "user",
            "create",
            "--email",
            "now@example.com",
            "--name",
            "Now",
        ])
        .output()
        .expect("run");
    assert_eq!(code(&out), Some(0), "{}", text(&out.stderr));
    // Then the FIFO gets its events, and the seed completes.
    let mut writer = std::fs::OpenOptions::new()
        .write(true)
        .open(&fifo)
        .expect("open the FIFO");
    writer
        .write_all(
            br#"[{"event": "user-create", "data": {"email": "piped@example.com", "name": "Piped"}}]"#,
        )
        .expect("write the FIFO");
    drop(writer);
    let done = seed.wait_with_output().expect("wait for the seed");
    assert_eq!(code(&done), Some(0), "{}", text(&done.stderr));
    let emails: Vec<String> = env
        .json(&["user", "list"])
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|u| u["email"].as_str().map(str::to_string))
        .collect();
    for e in ["late@example.com", "now@example.com", "piped@example.com"] {
        assert!(emails.iter().any(|x| x == e), "{e} missing: {emails:?}");
    }
}

#[test]
fn the_copy_of_stdin_is_never_visible_by_name() {
    let env = Env::init();
    // TMPDIR is a directory of its own (see `Env`), empty before the seed starts.
    let tmp = env.tmpdir().to_path_buf();
    assert_eq!(std::fs::read_dir(&tmp).expect("list").count(), 0);
    let mut child = env
        .roster()
        .args(["seed", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start");
    let mut stdin = child.stdin.take().expect("stdin");
    // Half a seed, with a password in it; the process is now reading the rest.
    stdin
        .write_all(br#"[{"event": "user-create", "data": {"email": "a@example.com", "name": "A", "password": "secret-password-1"}}"#)
        .expect("write");
    stdin.flush().expect("flush");
    // Wait until the seed has read what was written: its spool is open in /proc.
    let fd_dir = format!("/proc/{}/fd", child.id());
    let mut spooled = false;
    for _ in 0..2000 {
        spooled = std::fs::read_dir(&fd_dir).is_ok_and(|fds| {
            fds.filter_map(|e| e.ok()).any(|e| {
                std::fs::read_link(e.path())
                    .is_ok_and(|l| l.to_string_lossy().contains("(deleted)") || l.starts_with(&tmp))
            })
        });
        if spooled {
            break;
        }
        std::thread::yield_now();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(spooled, "the seed never opened its spool");
    let names: Vec<_> = std::fs::read_dir(&tmp).expect("list").collect();
    assert!(names.is_empty(), "a spool is visible by name: {names:?}");
    child.kill().expect("kill -9");
    let _ = child.wait();
    let names: Vec<_> = std::fs::read_dir(&tmp).expect("list").collect();
    assert!(
        names.is_empty(),
        "the spool outlived the process: {names:?}"
    );
}

#[test]
fn stdin_beyond_the_input_limit_is_refused_and_nothing_is_written() {
    let env = Env::init();
    let before = snapshot(&env);
    let big = format!(
        "[{}]",
        (0..200)
            .map(|i| format!(
                r#"{{"event": "user-create", "data": {{"email": "u{i}@example.com", "name": "U"}}}}"#
            ))
            .collect::<Vec<_>>()
            .join(",")
    );
    let out = env
        .cmd()
        .env("ROSTER_MAX_INPUT", "4096")
        .args(["seed", "-"])
        .write_stdin(big.clone())
        .output()
        .expect("run");
    assert_eq!(code(&out), Some(65), "{}", text(&out.stderr));
    insta::assert_snapshot!(text(&out.stderr), @"
    error: <stdin> is larger than the input limit of 4096 bytes; nothing was written
    hint: split the seed into several files, or raise ROSTER_MAX_INPUT (bytes)
    ");
    // A file over the limit is refused before it is read.
    write(&env, "big.json", &big);
    let out = env
        .cmd()
        .env("ROSTER_MAX_INPUT", "4096")
        .args(["seed", "big.json"])
        .output()
        .expect("run");
    assert_eq!(code(&out), Some(65), "{}", text(&out.stderr));
    insta::assert_snapshot!(text(&out.stderr), @"
    error: big.json is larger than the input limit of 4096 bytes; nothing was written
    hint: split the seed into several files, or raise ROSTER_MAX_INPUT (bytes)
    ");
    assert_eq!(snapshot(&env), before);
}

/// Two identical seeds started together: whichever commits second finds every user as the
/// first left it and reports unchanged, writing no `user-passwd` rows.
#[test]
fn two_identical_seeds_at_once_are_idempotent() {
    let users: Vec<String> = (0..12)
        .map(|i| {
            format!(
                r#"{{"event": "user-create", "data": {{"email": "p{i}@example.com", "name": "P{i}", "password": "password-{i}-long"}}}}"#
            )
        })
        .collect();
    let seed = format!("[{}]", users.join(",\n"));
    for round in 0..4 {
        let env = Env::new();
        write(&env, "race.json", &seed);
        let start = || {
            env.roster()
                .args(["--json", "seed", "race.json"])
                .env("ROSTER_BUSY_TIMEOUT_MS", "20000")
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .expect("start")
        };
        let (a, b) = (start(), start());
        let reports: Vec<Value> = [a, b]
            .into_iter()
            .map(|c| {
                let out = c.wait_with_output().expect("wait");
                assert_eq!(code(&out), Some(0), "round {round}: {}", text(&out.stderr));
                serde_json::from_slice(&out.stdout).expect("JSON")
            })
            .collect();
        let changed = reports.iter().filter(|r| r["changed"] == true).count();
        assert_eq!(changed, 1, "round {round}: {reports:?}");
        let passwd = env.json(&["audit", "--event", "user-passwd"]);
        assert_eq!(
            passwd.as_array().map(Vec::len),
            Some(0),
            "round {round}: {passwd}"
        );
        assert_eq!(env.audit_len(), 12, "round {round}");
    }
}

#[test]
fn a_database_path_that_is_a_dangling_link_is_refused() {
    let env = Env::new();
    if !env.sqlite_only("a symbolic link as the database file") {
        return;
    }
    std::os::unix::fs::symlink("nowhere.db", env.path("roster.db")).expect("symlink");
    let stderr = env.fails(66, &["init"]);
    assert!(
        stderr.contains("roster.db is a symbolic link to a file that does not exist"),
        "{stderr}"
    );
    assert!(!env.path("nowhere.db").exists());
}

#[test]
fn export_never_writes_over_the_audit_key() {
    let env = seeded();
    let key = env.path("audit.key");
    std::fs::write(&key, [7u8; 40]).expect("write key");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    let out = env
        .cmd()
        .env("ROSTER_AUDIT_KEY_FILE", &key)
        .args(["export", "-o", "audit.key"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(65));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("refusing to write audit.key"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(&key).expect("read key"), vec![7u8; 40]);
}

#[test]
fn a_path_with_a_line_break_cannot_forge_a_line_of_its_own() {
    let env = Env::new();
    let out = env
        .cmd()
        .args([
            "--format",
            "table",
            "--db",
            "q\nhint: fake.db",
            "user",
            "list",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(66));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.lines().any(|l| l.starts_with("hint: fake")),
        "{stderr}"
    );
    assert!(stderr.contains("q\\nhint: fake.db"), "{stderr}");
}

#[test]
fn export_through_a_linked_database_still_protects_its_real_companions() {
    let env = seeded();
    if !env.sqlite_only("a symbolic link to the database file, and its companions") {
        return;
    }
    std::os::unix::fs::symlink("roster.db", env.path("link.db")).expect("symlink");
    for target in ["roster.db-wal", "roster.db-journal"] {
        let stderr = env.fails(65, &["--db", "link.db", "export", "-o", target]);
        assert!(stderr.contains("refusing to write"), "{target}: {stderr}");
    }
}

#[test]
fn export_to_dev_stdout_appends_through_the_descriptor_and_never_onto_the_database() {
    let env = seeded();
    std::fs::write(env.path("log.txt"), "PRECIOUS\n").expect("write");
    let Some(out) = bash(&env, "\"$ROSTER\" export -o /dev/stdout >> log.txt") else {
        return;
    };
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let log = std::fs::read_to_string(env.path("log.txt")).expect("read");
    assert!(log.starts_with("PRECIOUS\n{\"version\": 1"), "{log}");
    if !env.sqlite_only("standard output appended to the database file") {
        return;
    }
    let before = env.bytes(&env.db());
    for command in ["export >> roster.db", "export -o - >> roster.db"] {
        let Some(out) = bash(&env, &format!("\"$ROSTER\" {command}")) else {
            return;
        };
        assert_eq!(
            out.status.code(),
            Some(65),
            "{command}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("refusing to write standard output: it is roster.db"),
            "{}",
            text(&out.stderr)
        );
    }
    assert_eq!(env.bytes(&env.db()), before);
}

#[test]
fn a_damaged_database_is_78_naming_it_not_a_bug() {
    let env = seeded();
    if !env.sqlite_only("a truncated SQLite file") {
        return;
    }
    let db = env.db();
    let len = std::fs::metadata(&db).expect("stat").len();
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .expect("open");
    file.set_len(len / 3).expect("truncate");
    drop(file);
    let stderr = env.fails(78, &["user", "list"]);
    assert!(
        stderr.contains("roster.db: the database file is damaged") && stderr.contains(".recover"),
        "{stderr}"
    );
}

#[test]
fn a_keyed_log_is_never_given_a_second_key() {
    let env = Env::new();
    env.ok(&["init", "--audit-key", "first.key"]);
    let key = env.path("first.key");
    let out = env
        .cmd()
        .env("ROSTER_AUDIT_KEY_FILE", &key)
        .args(["user", "create", "--email", "a@example.com", "--name", "A"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stderr = env.fails(68, &["init", "--audit-key", "second.key"]);
    assert!(
        stderr.contains("already keyed") && stderr.contains("the new key file was removed"),
        "{stderr}"
    );
    assert!(!env.path("second.key").exists());
    assert!(key.exists());
}

#[test]
fn a_dry_run_leaves_an_empty_file_empty() {
    let env = Env::new();
    demo(&env);
    if env.is_pg() {
        // The same guarantee in a schema: a dry run and a check create no tables, a real
        // seed does.
        env.ok(&["-q", "seed", "--dry-run"]);
        env.fails(1, &["-q", "seed", "--check"]);
        assert_eq!(
            env.sql_value("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"),
            "0"
        );
        env.ok(&["-q", "seed"]);
        assert_eq!(
            env.sql_value("SELECT to_regclass('roster_schema') IS NOT NULL"),
            "t"
        );
        intact(&env);
        return;
    }
    std::fs::write(env.db(), "").expect("touch");
    env.ok(&["-q", "seed", "--dry-run"]);
    env.fails(1, &["-q", "seed", "--check"]);
    assert_eq!(std::fs::metadata(env.db()).expect("stat").len(), 0);
    // A real seed then replaces it with the database, private to its owner.
    env.ok(&["-q", "seed"]);
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(env.db()).expect("stat");
    assert!(meta.len() > 0);
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    intact(&env);
}

#[test]
fn odd_database_and_key_paths_are_refused_before_anything_is_made() {
    let env = Env::new();
    let stderr = env.fails(
        78,
        &[
            "--db",
            "x.db/",
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
        ],
    );
    assert!(stderr.contains("x.db/ ends with '/'"), "{stderr}");
    let stderr = env.fails(2, &["--db", "k.db", "init", "--audit-key", "k.db"]);
    assert!(
        stderr.contains("that is the database's own path"),
        "{stderr}"
    );
    assert!(!env.path("k.db").exists());
}
