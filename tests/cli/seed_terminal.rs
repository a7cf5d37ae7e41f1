//! `roster seed` at a terminal (README "Seeds and export"): the progress of each phase,
//! a plan that lists the changes, a summary people read (`1,201 events`, a rate), one
//! error per mistake, and Ctrl-C (or SIGTERM), which rolls back and leaves no database
//! the seed was creating.

use std::process::Stdio;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::common::*;
use crate::pty::{self, Pty};
use crate::seeds::{database_exists, snapshot, write};

/// `n` media items in a new profile `fam`: a seed whose apply takes a while.
fn library(n: usize) -> String {
    let mut events =
        vec![json!({"event": "profile-create", "data": {"name": "Fam", "slug": "fam"}})];
    events.extend((0..n).map(|i| {
        json!({"event": "media-add", "data": {"profile": "fam", "type": "movie", "title": format!("Film {i}"), "year": 2000}})
    }));
    Value::Array(events).to_string()
}

/// `n` users with plain-text passwords: a seed whose hashing takes a while at full cost.
fn people(n: usize) -> String {
    let events: Vec<Value> = (0..n)
        .map(|i| {
            json!({"event": "user-create", "data": {"email": format!("u{i}@example.com"), "name": format!("U {i}"), "password": "correct-horse-battery"}})
        })
        .collect();
    Value::Array(events).to_string()
}

/// Real argon2 cost, on one thread: hashing a hundred passwords lasts seconds.
const SLOW_HASHING: &[(&str, Option<&str>)] = &[
    ("ROSTER_TEST_FAST_HASH", None),
    ("ROSTER_THREADS", Some("1")),
];

const INTERRUPTED: &str = "interrupted: rolled back, nothing was written";

/// The files in the working directory but the seed files and the pty's own.
fn left_behind(env: &Env) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(env.dir())
        .expect("read the working directory")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json") && !n.starts_with("tty-"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------------------------------
// Progress

#[test]
fn a_seed_at_a_terminal_shows_each_phase_then_a_readable_summary() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    write(&env, "p.json", &people(3));
    let mut pty = Pty::spawn(&env, &["seed", "p.json"]);
    pty.expect("checking");
    pty.expect("hashing passwords");
    pty.expect("applying");
    pty.expect("applied 3 events (");
    let (code, screen) = pty.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains(" events/s)"), "a rate: {screen}");

    // Never in -q, nor when the output is JSON.
    for quiet in [&["-q", "seed", "p.json"][..], &["--json", "seed", "p.json"]] {
        let (code, screen) = Pty::spawn(&env, quiet).finish();
        assert_eq!(code, Some(0), "{screen}");
        assert!(!screen.contains("checking"), "{quiet:?}: {screen}");
        assert!(!screen.contains("applying"), "{quiet:?}: {screen}");
    }
}

#[test]
fn the_summary_separates_thousands_and_gives_a_rate_and_json_is_unchanged() {
    let env = Env::new();
    write(&env, "lib.json", &library(1200));
    let out = env.ok(&["--format", "table", "seed", "lib.json"]);
    insta::assert_snapshot!(redact(&out), @"
    ╭────────────────┬─────────┬─────────┬───────────┬─────────╮
    │ event          ┆ created ┆ updated ┆ unchanged ┆ removed │
    ╞════════════════╪═════════╪═════════╪═══════════╪═════════╡
    │ profile-create ┆       1 ┆       0 ┆         0 ┆       0 │
    │ media-add      ┆   1,200 ┆       0 ┆         0 ┆       0 │
    ╰────────────────┴─────────┴─────────┴───────────┴─────────╯
    applied 1,201 events ([n] ms, [n] events/s)
    ");
    let out = env.ok(&["--format", "table", "seed", "lib.json"]);
    assert!(
        redact(&out)
            .ends_with("1,201 events, all unchanged ([n] ms, [n] events/s); nothing was written\n"),
        "{out}"
    );
    // JSON keeps its numbers as numbers, and its keys.
    let report = env.json(&["seed", "lib.json"]);
    let keys: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        ["events", "changed", "summary", "elapsed_ms", "dry_run"]
    );
    assert_eq!(report["events"], json!(1201));
}

// ---------------------------------------------------------------------------------------
// --dry-run lists what would change

#[test]
fn a_dry_run_lists_the_changes_and_the_totals_and_v_lists_every_event() {
    let env = Env::new();
    write(
        &env,
        "base.json",
        r#"[{"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
            {"event": "profile-create", "data": {"name": "Fam", "slug": "fam"}},
            {"event": "member-add", "data": {"profile": "fam", "user": "ann@example.com"}}]"#,
    );
    env.ok(&["-q", "seed", "base.json"]);
    write(
        &env,
        "plan.json",
        r#"[{"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
            {"event": "profile-create", "data": {"name": "Fam", "slug": "fam"}},
            {"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}},
            {"event": "member-add", "data": {"profile": "fam", "user": "ann@example.com"}},
            {"event": "profile-update", "data": {"profile": "fam", "name": "Family"}},
            {"event": "member-remove", "data": {"profile": "fam", "user": "ann@example.com"}}]"#,
    );
    let before = snapshot(&env);
    let out = env
        .cmd()
        .args(["--format", "table", "seed", "--dry-run", "plan.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(redact(&String::from_utf8_lossy(&out.stdout)), @"
         3  user-create     created   bob@example.com
         5  profile-update  updated   fam
         6  member-remove   removed   fam: ann@example.com
    ╭────────────────┬─────────┬─────────┬───────────┬─────────╮
    │ event          ┆ created ┆ updated ┆ unchanged ┆ removed │
    ╞════════════════╪═════════╪═════════╪═══════════╪═════════╡
    │ user-create    ┆       1 ┆       0 ┆         1 ┆       0 │
    │ profile-create ┆       0 ┆       0 ┆         1 ┆       0 │
    │ profile-update ┆       0 ┆       1 ┆         0 ┆       0 │
    │ member-add     ┆       0 ┆       0 ┆         1 ┆       0 │
    │ member-remove  ┆       0 ┆       0 ┆         0 ┆       1 │
    ╰────────────────┴─────────┴─────────┴───────────┴─────────╯
    dry run: 6 events checked ([n] ms, [n] events/s): 3 would change, 3 unchanged; nothing was written
    ");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"hint: not listed: 3 events unchanged; `--dry-run -v` lists every event");

    // -v lists every event, and needs no hint.
    let out = env
        .cmd()
        .args(["-v", "--format", "table", "seed", "--dry-run", "plan.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let listed: Vec<&str> = stdout.lines().take_while(|l| !l.starts_with('╭')).collect();
    insta::assert_snapshot!(listed.join("\n"), @"
         1  user-create     unchanged ann@example.com
         2  profile-create  unchanged fam
         3  user-create     created   bob@example.com
         4  member-add      unchanged fam: ann@example.com
         5  profile-update  updated   fam
         6  member-remove   removed   fam: ann@example.com
    ");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("hint:"));

    // JSON, JSON Lines and CSV are read by programs: every event, as before.
    let plan = env.json(&["seed", "--dry-run", "plan.json"]);
    assert_eq!(plan["plan"].as_array().unwrap().len(), 6, "{plan}");
    assert_eq!(plan["plan"][0]["outcome"], json!("unchanged"));
    let jsonl = env.ok(&["--format", "jsonl", "seed", "--dry-run", "plan.json"]);
    assert_eq!(
        jsonl.lines().filter(|l| l.contains("\"index\"")).count(),
        6,
        "{jsonl}"
    );
    let csv = env.ok(&["--format", "csv", "seed", "--dry-run", "plan.json"]);
    assert!(
        csv.starts_with("1,user-create,unchanged,ann@example.com\n"),
        "{csv}"
    );

    // Nothing would change: no list, and the totals say so.
    let out = env.ok(&["--format", "table", "seed", "--dry-run", "base.json"]);
    assert!(
        redact(&out).ends_with("dry run: 3 events checked ([n] ms, [n] events/s): 0 would change, 3 unchanged; nothing was written\n"),
        "{out}"
    );
    assert!(out.starts_with('╭'), "no event listed: {out}");
    assert_eq!(snapshot(&env), before, "a dry run writes nothing");
}

// ---------------------------------------------------------------------------------------
// One mistake, one error

#[test]
fn a_misspelt_field_is_one_error_with_its_suggestion() {
    let env = Env::new();
    write(
        &env,
        "typo.json",
        r#"[{"event": "profile-create", "data": {"name": "Fam", "slug": "fam"}},
 {"event": "media-add", "data": {"profile": "fam", "type": "movie", "titel": "Heat"}},
 {"event": "media-add", "data": {"profile": "fam", "titel": "Heat", "year": "1995"}},
 {"event": "member-add", "data": {"profile": "fam", "usr": "ann"}},
 {"event": "invite-send", "data": {"profile": "fam", "emial": "ann@example.com"}},
 {"event": "user-create", "data": {"emial": "ann@example.com", "name": "Ann"}},
 {"event": "member-role", "data": {"profile": "fam", "user": "ann", "rol": "admin"}},
 {"event": "role-create", "data": {"nme": "helper", "scope": "profile"}}]"#,
    );
    let err = env.fails(65, &["seed", "typo.json"]);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 9 errors; nothing was written
      typo.json:2:69: event 2 (media-add): unknown field "titel"; did you mean "title"?
      typo.json:3:52: event 3 (media-add): unknown field "titel"; did you mean "title"?
      typo.json:3:2: event 3 (media-add): type: required
      typo.json:3:77: event 3 (media-add): year: expected an integer, found a string
      typo.json:4:53: event 4 (member-add): unknown field "usr"; did you mean "user"?
      typo.json:5:54: event 5 (invite-send): unknown field "emial"; did you mean "email"?
      typo.json:6:36: event 6 (user-create): unknown field "emial"; did you mean "email"?
      typo.json:7:69: event 7 (member-role): unknown field "rol"; did you mean "role"?
      typo.json:8:36: event 8 (role-create): unknown field "nme"; did you mean "name"?
    "#);
    assert!(!database_exists(&env));
}

#[test]
fn a_misspelt_event_key_is_one_error_and_seed_hints_name_fields() {
    let env = Env::new();
    write(
        &env,
        "ev.json",
        r#"{"version":1,"events":[{"evnt":"user-create","data":{"email":"k@example.com","name":"K"}},
 {"event":"user-create","dta":{"email":"k@example.com","name":"K"}},
 {"event":"user-create","data":{"name":"K"}}]}"#,
    );
    let err = env.fails(65, &["seed", "--dry-run", "ev.json"]);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 3 errors; nothing was written
      ev.json:1:25: event 1: unknown key "evnt" in the event (expected "event", "data" and "as"); did you mean "event"?
      ev.json:2:25: event 2 (user-create): unknown key "dta" in the event (expected "event", "data" and "as"); did you mean "data"?
      ev.json:3:2: event 3 (user-create): a user needs at least one of email, username and phone (hint: add "email" (or "username" / "phone"))
    "#);
    assert!(!database_exists(&env));
}

#[test]
fn a_missing_field_and_a_bad_value_are_both_reported() {
    let env = Env::new();
    write(
        &env,
        "two.json",
        r#"[{"event": "profile-create", "data": {"slug": "fam", "color": "blue"}},
 {"event": "user-create", "data": {"email": "ann@example", "tags": "x"}},
 {"event": "session-create", "data": {"user": "ann"}}]"#,
    );
    let err = env.fails(65, &["seed", "two.json"]);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 5 errors; nothing was written
      two.json:1:2: event 1 (profile-create): name: required
      two.json:1:63: event 1 (profile-create): color "blue": is not a colour like #6366F1 or #abc
      two.json:2:2: event 2 (user-create): name: required
      two.json:2:45: event 2 (user-create): email "ann@example": has a domain without a '.' (hint: an email looks like name@example.com)
      two.json:3:2: event 3 (session-create): token: required
    "#);
}

// ---------------------------------------------------------------------------------------
// Ctrl-C and SIGTERM

/// Runs `roster seed FILE` on a terminal, types Ctrl-C once `phase` shows, and expects
/// the roll-back's message and exit 130.
fn interrupt(env: &Env, file: &str, vars: &[(&str, Option<&str>)], phase: &str) {
    let mut pty = Pty::spawn_env(env, &["seed", file], vars);
    pty.expect(phase);
    pty.key("\x03");
    pty.expect(INTERRUPTED);
    let (code, screen) = pty.finish();
    assert_eq!(code, Some(130), "{screen}");
}

/// No database after a seed that was creating one: no file (nor its private name, WAL or
/// shared memory) on SQLite, no schema on PostgreSQL.
fn no_database_left(env: &Env) {
    assert!(
        !database_exists(env),
        "the seed created a database and left it"
    );
    assert_eq!(left_behind(env), Vec::<String>::new());
}

#[test]
fn ctrl_c_while_hashing_rolls_back_and_leaves_no_new_database() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    write(&env, "p.json", &people(100));
    interrupt(&env, "p.json", SLOW_HASHING, "hashing passwords");
    no_database_left(&env);
}

#[test]
fn ctrl_c_while_applying_rolls_back_a_new_database_and_an_existing_one() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    write(&env, "lib.json", &library(5000));
    interrupt(&env, "lib.json", &[], "applying");
    no_database_left(&env);

    // Into a database that exists: it is left as it was.
    env.ok(&["init"]);
    let before = snapshot(&env);
    interrupt(&env, "lib.json", &[], "applying");
    assert_eq!(
        snapshot(&env),
        before,
        "an interrupted seed wrote something"
    );
}

/// Whether `signal` is in the mask `field` of /proc/PID/status (Linux): `SigCgt`, the
/// signals it handles; `SigPnd` and `ShdPnd`, those sent and not delivered yet.
fn in_mask(pid: u32, field: &str, signal: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            let mask = s
                .lines()
                .find_map(|l| l.strip_prefix(field))?
                .trim()
                .to_string();
            u64::from_str_radix(&mask, 16).ok()
        })
        .is_some_and(|mask| mask & (1 << (signal - 1)) != 0)
}

fn kill(pid: u32, signal: &str) {
    let ok = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .is_ok_and(|s| s.success());
    assert!(ok, "kill -{signal} {pid}");
}

/// Polls `done` every 10 ms for up to a minute.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn sigterm_while_hashing_rolls_back_and_removes_the_staged_database() {
    let env = Env::new();
    if !env.sqlite_only("watches the private file a new SQLite database is built in") {
        return;
    }
    write(&env, "p.json", &people(100));
    let child = env
        .roster()
        .env_remove("ROSTER_TEST_FAST_HASH")
        .env("ROSTER_THREADS", "1")
        .args(["seed", "p.json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // The database is opened (under its private name) once every event is checked, and
    // the hashing begins.
    wait_for("the staged database", || {
        left_behind(&env)
            .iter()
            .any(|n| n.starts_with(".roster.db."))
    });
    kill(child.id(), "TERM");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("{INTERRUPTED}\n")
    );
    assert!(out.stdout.is_empty());
    no_database_left(&env);
}

#[test]
fn a_second_ctrl_c_ends_a_seed_that_cannot_stop_at_once() {
    let env = Env::new();
    // Reading a stdin that never ends: the first Ctrl-C is only noted, the second ends it.
    let mut child = env
        .roster()
        .args(["seed", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    wait_for("roster to watch for Ctrl-C", || in_mask(pid, "SigCgt:", 2));
    kill(pid, "INT");
    // Two signals sent before the first is delivered would be one.
    wait_for("the first Ctrl-C to be delivered", || {
        !in_mask(pid, "SigPnd:", 2) && !in_mask(pid, "ShdPnd:", 2)
    });
    assert!(
        child.try_wait().unwrap().is_none(),
        "one Ctrl-C ended a seed reading stdin"
    );
    kill(pid, "INT");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "a second Ctrl-C did not end roster"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    assert_eq!(status.code(), Some(130));
    assert!(!database_exists(&env));
}
