//! `roster audit` and `roster audit verify`: one row per change, filters, the hash chain.

use std::process::Output;

use serde_json::Value;

use crate::common::*;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs roster with the clock pinned at `now`; expects success.
fn at(env: &Env, now: &str, args: &[&str]) -> Value {
    let o = env
        .cmd()
        .env("ROSTER_NOW", now)
        .arg("--json")
        .args(args)
        .output()
        .expect("run roster");
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
    serde_json::from_str(&text(&o.stdout)).unwrap()
}

fn events(rows: &Value) -> Vec<String> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["event"].as_str().unwrap().to_string())
        .collect()
}

fn seqs(rows: &Value) -> Vec<i64> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["seq"].as_i64().unwrap())
        .collect()
}

/// Defines the global role `support` straight in the database, outside the audit log, so
/// that the histories below keep their row numbers (a `role create` would be a row of its
/// own).
fn define_support_unaudited(env: &Env) {
    env.sql(
        "INSERT INTO roles (scope, name, permissions, builtin, created_at, updated_at) \
         VALUES ('global', 'support', '[\"user-list\"]', false, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') \
         ON CONFLICT DO NOTHING",
    );
}

/// A small history: ann (admin) creates bob and a profile, and so on; 8 rows.
fn history() -> (Env, Value, Value) {
    let env = Env::init();
    let ann = at(
        &env,
        "2026-01-01T10:00:00Z",
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--username",
            "ann",
        ],
    );
    let bob = at(
        &env,
        "2026-01-02T10:00:00Z",
        &[
            "--as",
            "ann",
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "Bob",
        ],
    );
    at(
        &env,
        "2026-01-03T10:00:00Z",
        &["--as", "ann", "profile", "create", "--name", "Family"],
    );
    at(
        &env,
        "2026-01-04T10:00:00Z",
        &["user", "update", "bob@example.com", "--name", "Robert"],
    );
    define_support_unaudited(&env);
    at(
        &env,
        "2026-01-05T10:00:00Z",
        &["user", "grant", "bob@example.com", "support"],
    );
    at(
        &env,
        "2026-01-06T10:00:00Z",
        &[
            "--as",
            "bob@example.com",
            "user",
            "update",
            "bob@example.com",
            "--tag",
            "x",
        ],
    );
    at(
        &env,
        "2026-01-07T10:00:00Z",
        &["profile", "update", "family", "--color", "#abc"],
    );
    (env, ann, bob)
}

fn verify(env: &Env) -> Output {
    env.run(&["--json", "audit", "verify"])
}

// ---------------------------------------------------------------- rows

#[test]
fn each_change_writes_one_chained_row() {
    let (env, ann, bob) = history();
    let rows = env.json(&["audit"]);
    assert_eq!(
        events(&rows),
        [
            "user-create",
            "user-create",
            "profile-create",
            "member-add",
            "user-update",
            "user-grant",
            "user-update",
            "profile-update",
        ]
    );
    assert_eq!(seqs(&rows), (1..=8).collect::<Vec<_>>());
    let ann_actor = format!("user:{}", ann["id"].as_str().unwrap());
    let bob_actor = format!("user:{}", bob["id"].as_str().unwrap());
    let actors: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["actor"].as_str().unwrap())
        .collect();
    assert_eq!(
        actors,
        [
            "operator:tester",
            &ann_actor,
            &ann_actor,
            &ann_actor,
            "operator:tester",
            "operator:tester",
            &bob_actor,
            "operator:tester",
        ]
    );
    assert_eq!(rows[0]["subject"], ann["id"]);
    assert_eq!(rows[1]["subject"], bob["id"]);
    assert_eq!(rows[0]["at"], "2026-01-01T10:00:00.000Z");
    assert_eq!(rows[0]["data"]["email"], "ann@example.com");
    assert_eq!(rows[4]["data"], serde_json::json!({"name": "Robert"}));
    let mut prev = "0".repeat(64);
    for r in rows.as_array().unwrap() {
        assert_eq!(r["source"], "cli");
        assert_eq!(r["prev_hash"], prev.as_str());
        let hash = r["hash"].as_str().unwrap();
        assert_eq!(hash.len(), 64);
        assert!(hash.bytes().all(|b| b.is_ascii_hexdigit()));
        prev = hash.to_string();
    }
}

#[test]
fn refused_failed_and_unchanged_commands_write_nothing() {
    let (env, _, _) = history();
    let before = env.json(&["audit"]);
    // 77: permission denied.
    env.fails(
        77,
        &[
            "--as",
            "bob@example.com",
            "user",
            "grant",
            "bob@example.com",
            "admin",
        ],
    );
    env.fails(
        77,
        &[
            "--as",
            "bob@example.com",
            "profile",
            "create",
            "--name",
            "Mine",
        ],
    );
    env.fails(
        77,
        &[
            "--as",
            "bob@example.com",
            "profile",
            "update",
            "family",
            "--name",
            "M",
        ],
    );
    env.fails(77, &["--as", "ann", "--yes", "user", "delete", "ann"]);
    // 65, 67, 68, 2.
    env.fails(65, &["user", "create", "--email", "nope", "--name", "N"]);
    env.fails(67, &["user", "grant", "nobody", "x"]);
    env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "B",
        ],
    );
    env.fails(68, &["profile", "create", "--name", "Family"]);
    env.fails(2, &["--as", "ann", "profile", "delete", "family"]);
    // Unchanged.
    env.json(&[
        "user",
        "create",
        "--email",
        "bob@example.com",
        "--name",
        "B",
        "--if-not-exists",
    ]);
    env.json(&["profile", "create", "--name", "Family", "--if-not-exists"]);
    env.json(&["user", "update", "bob@example.com", "--name", "Robert"]);
    define_support_unaudited(&env);
    env.json(&["user", "grant", "bob@example.com", "support"]);
    env.json(&["profile", "update", "family", "--color", "#AABBCC"]);
    // Reads.
    env.json(&["user", "list"]);
    env.json(&["profile", "list"]);
    env.json(&["audit", "verify"]);
    assert_eq!(env.json(&["audit"]), before);
    assert_eq!(env.json(&["audit", "verify"])["ok"], true);
}

#[test]
fn a_fresh_database_has_an_empty_log() {
    let env = Env::init();
    assert_eq!(env.json(&["audit"]), serde_json::json!([]));
    let v = env.json(&["audit", "verify"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["rows"], 0);
    let o = env.run(&["--format", "table", "audit"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "");
    insta::assert_snapshot!(text(&o.stderr), @"no audit rows match");
    let csv = env.ok(&["--format", "csv", "audit"]);
    assert_eq!(
        csv,
        "seq,at,actor,event,subject,data,source,prev_hash,hash,keyed,actor_label,subject_label,summary\n"
    );
}

// ---------------------------------------------------------------- filters

#[test]
fn filter_by_event() {
    let (env, _, _) = history();
    let rows = env.json(&["audit", "--event", "user-update"]);
    assert_eq!(seqs(&rows), [5, 7]);
    let rows = env.json(&["audit", "--event", "member-add"]);
    assert_eq!(seqs(&rows), [4]);
    // An unknown name is refused (2) with the nearest one: tests/cli/audit_view.rs.
}

#[test]
fn filter_by_actor() {
    let (env, ann, bob) = history();
    let ann_actor = format!("user:{}", ann["id"].as_str().unwrap());
    for given in [
        "ann",
        "ANN@example.com",
        ann["id"].as_str().unwrap(),
        &ann_actor,
    ] {
        let rows = env.json(&["audit", "--actor", given]);
        assert_eq!(seqs(&rows), [2, 3, 4], "{given}");
    }
    let rows = env.json(&["audit", "--actor", "bob@example.com"]);
    assert_eq!(seqs(&rows), [7]);
    assert_eq!(
        rows[0]["actor"],
        format!("user:{}", bob["id"].as_str().unwrap())
    );
    for given in ["operator:tester", "tester"] {
        let rows = env.json(&["audit", "--actor", given]);
        assert_eq!(seqs(&rows), [1, 5, 6, 8], "{given}");
    }
    assert_eq!(
        env.json(&["audit", "--actor", "someone"]),
        serde_json::json!([])
    );
    // Filters combine.
    let rows = env.json(&["audit", "--actor", "ann", "--event", "profile-create"]);
    assert_eq!(seqs(&rows), [3]);
}

#[test]
fn filter_by_limit_keeps_the_most_recent_oldest_first() {
    let (env, _, _) = history();
    assert_eq!(seqs(&env.json(&["audit", "--limit", "3"])), [6, 7, 8]);
    assert_eq!(seqs(&env.json(&["audit", "--limit", "1"])), [8]);
    assert_eq!(seqs(&env.json(&["audit", "--limit", "100"])).len(), 8);
    assert_eq!(
        seqs(&env.json(&["audit", "--event", "user-create", "--limit", "1"])),
        [2]
    );
    let err = env.fails(2, &["audit", "--limit", "-1"]);
    insta::assert_snapshot!(err, @"
    error: unexpected argument '-1' found

    Usage: roster audit [OPTIONS]
           roster audit <COMMAND>

    For more information, try '--help'.
    ");
    let err = env.fails(2, &["audit", "--limit", "many"]);
    insta::assert_snapshot!(err, @"
    error: invalid value 'many' for '--limit <N>': invalid digit found in string

    For more information, try '--help'.
    ");
}

#[test]
fn filter_by_since() {
    let (env, _, _) = history();
    // A time: at or after.
    let rows = env.json(&["audit", "--since", "2026-01-05T10:00:00Z"]);
    assert_eq!(seqs(&rows), [6, 7, 8]);
    let rows = env.json(&["audit", "--since", "2026-01-05T11:00:00+01:00"]);
    assert_eq!(seqs(&rows), [6, 7, 8]);
    // A date: from its midnight.
    let rows = env.json(&["audit", "--since", "2026-01-06"]);
    assert_eq!(seqs(&rows), [7, 8]);
    // An age, counted back from now.
    let rows = at(&env, "2026-01-07T12:00:00Z", &["audit", "--since", "2d"]);
    assert_eq!(seqs(&rows), [7, 8]);
    let rows = at(
        &env,
        "2026-01-07T12:00:00Z",
        &["audit", "--since", "1d3h", "--event", "user-update"],
    );
    assert_eq!(seqs(&rows), [7]);
    let rows = at(&env, "2026-01-07T12:00:00Z", &["audit", "--since", "90m"]);
    assert_eq!(rows, serde_json::json!([]));
    let mut refusals = String::new();
    for bad in ["yesterday", "2026-13-01", "5", "-3h"] {
        let arg = format!("--since={bad}");
        let err = env.fails(65, &["--format", "table", "audit", &arg]);
        refusals.push_str(&format!("{arg}\n{err}"));
    }
    insta::assert_snapshot!(refusals, @r#"
    --since=yesterday
    error: --since "yesterday": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    hint: or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)
    --since=2026-13-01
    error: --since "2026-13-01": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    hint: or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)
    --since=5
    error: --since "5": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    hint: or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)
    --since=-3h
    error: --since "-3h": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    hint: or give a time (2026-11-21T12:00:00Z) or a date (2026-11-21)
    "#);
}

#[test]
fn audit_in_every_format() {
    let (env, _, _) = history();
    let jsonl = env.ok(&["--format", "jsonl", "audit"]);
    assert_eq!(jsonl.lines().count(), 8);
    for l in jsonl.lines() {
        let v: Value = serde_json::from_str(l).unwrap();
        assert!(v["data"].is_object(), "data is JSON, not a string: {l}");
    }
    let csv = env.ok(&[
        "--format",
        "csv",
        "audit",
        "--limit",
        "1",
        "--event",
        "user-update",
    ]);
    insta::assert_snapshot!(redact(&csv), @r#"
    seq,at,actor,event,subject,data,source,prev_hash,hash,keyed,actor_label,subject_label,summary
    7,2026-01-06T10:00:00.000Z,user:[id],user-update,[id],"{""tags"":[""x""]}",cli,[hash],[hash],false,bob@example.com,bob@example.com,tags
    "#);
    // The actor and the subject by their labels, with a summary of each change.
    let o = env
        .cmd()
        .env("COLUMNS", "160")
        .args(["--format", "table", "audit"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    insta::assert_snapshot!(redact(&text(&o.stdout)), @"
    ╭─────┬──────────────────────────┬─────────────────┬────────────────┬─────────────────────────┬───────────────┬────────╮
    │ seq ┆ at                       ┆ actor           ┆ event          ┆ subject                 ┆ summary       ┆ source │
    ╞═════╪══════════════════════════╪═════════════════╪════════════════╪═════════════════════════╪═══════════════╪════════╡
    │   1 ┆ 2026-01-01T10:00:00.000Z ┆ operator:tester ┆ user-create    ┆ ann@example.com         ┆ roles admin   ┆ cli    │
    │   2 ┆ 2026-01-02T10:00:00.000Z ┆ ann@example.com ┆ user-create    ┆ bob@example.com         ┆               ┆ cli    │
    │   3 ┆ 2026-01-03T10:00:00.000Z ┆ ann@example.com ┆ profile-create ┆ family                  ┆               ┆ cli    │
    │   4 ┆ 2026-01-03T10:00:00.000Z ┆ ann@example.com ┆ member-add     ┆ family: ann@example.com ┆ role owner    ┆ cli    │
    │   5 ┆ 2026-01-04T10:00:00.000Z ┆ operator:tester ┆ user-update    ┆ bob@example.com         ┆ name          ┆ cli    │
    │   6 ┆ 2026-01-05T10:00:00.000Z ┆ operator:tester ┆ user-grant     ┆ bob@example.com         ┆ roles support ┆ cli    │
    │   7 ┆ 2026-01-06T10:00:00.000Z ┆ bob@example.com ┆ user-update    ┆ bob@example.com         ┆ tags          ┆ cli    │
    │   8 ┆ 2026-01-07T10:00:00.000Z ┆ operator:tester ┆ profile-update ┆ family                  ┆ color         ┆ cli    │
    ╰─────┴──────────────────────────┴─────────────────┴────────────────┴─────────────────────────┴───────────────┴────────╯
    ");
}

// ---------------------------------------------------------------- permissions

#[test]
fn only_the_operator_and_global_admins_read_the_audit() {
    let (env, _, _) = history();
    let err = env.fails(77, &["--as", "bob@example.com", "audit"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not audit: no role of theirs grants audit
    hint: the global role admin grants audit
    hint: `roster can bob@example.com audit` explains the decision
    ");
    let err = env.fails(77, &["--as", "bob@example.com", "audit", "verify"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not audit: no role of theirs grants audit
    hint: the global role admin grants audit
    hint: `roster can bob@example.com audit` explains the decision
    ");
    env.fails(
        77,
        &["--as", "bob@example.com", "audit", "--event", "user-create"],
    );
    assert_eq!(
        env.json(&["--as", "ann", "audit"])
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(env.json(&["--as", "ann", "audit", "verify"])["ok"], true);
    // Granting bob admin lets him read it.
    env.json(&["user", "grant", "bob@example.com", "admin"]);
    assert_eq!(
        env.json(&["--as", "bob@example.com", "audit"])
            .as_array()
            .unwrap()
            .len(),
        9
    );
}

// ---------------------------------------------------------------- verify

#[test]
fn verify_passes_on_a_clean_log() {
    let (env, _, _) = history();
    let v = env.json(&["audit", "verify"]);
    assert_eq!(
        v,
        serde_json::json!({"ok": true, "rows": 8, "keyed": 0, "unkeyed": 8, "anchor": null, "first_bad_seq": null, "problem": null})
    );
    let out = env.ok(&["--format", "table", "audit", "verify"]);
    assert_eq!(
        out,
        "audit chain ok: 8 rows verified (0 keyed, 8 unkeyed)\n"
    );
}

#[test]
fn verify_names_a_row_whose_data_was_edited() {
    let (env, _, _) = history();
    env.sql("UPDATE audit SET data = '{\"name\":\"Mallory\"}' WHERE seq = 5");
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    insta::assert_snapshot!(err, @r#"
    error: audit chain broken at row 5: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 5: its content does not match its hash: the row was altered","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
    let last: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], 1);
    assert_eq!(last["error"]["kind"], "differs");
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_bad_seq"], 5);
    // In a table: only the error.
    let o = env.run(&["--format", "table", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    insta::assert_snapshot!(text(&o.stderr), @"
    error: audit chain broken at row 5: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    ");
}

#[test]
fn verify_notices_other_edits() {
    for (sql, row) in [
        (
            "UPDATE audit SET actor = 'operator:mallory' WHERE seq = 3",
            3,
        ),
        (
            "UPDATE audit SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1",
            1,
        ),
        ("UPDATE audit SET event = 'user-enable' WHERE seq = 8", 8),
        ("UPDATE audit SET prev_hash = hash WHERE seq = 4", 4),
    ] {
        let (env, _, _) = history();
        env.sql(sql);
        let o = verify(&env);
        assert_eq!(o.status.code(), Some(1), "{sql}");
        assert!(
            text(&o.stderr).starts_with(&format!("error: audit chain broken at row {row}:")),
            "{sql}: {}",
            text(&o.stderr)
        );
    }
}

#[test]
fn verify_notices_a_row_deleted_from_the_end() {
    let (env, _, _) = history();
    env.sql("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)");
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    insta::assert_snapshot!(err, @r#"
    error: audit chain broken at row 8: rows 8..8 were removed from the end of the log
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 8: rows 8..8 were removed from the end of the log","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["first_bad_seq"], 8);
    assert_eq!(report["rows"], 7);
}

#[test]
fn verify_notices_every_row_deleted() {
    let (env, _, _) = history();
    env.sql("DELETE FROM audit");
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(text(&o.stderr), @r#"
    error: audit chain broken at row 1: rows 1..8 were removed from the end of the log
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 1: rows 1..8 were removed from the end of the log","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
}

#[test]
fn verify_notices_a_row_deleted_from_the_middle() {
    let (env, _, _) = history();
    env.sql("DELETE FROM audit WHERE seq = 4");
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    insta::assert_snapshot!(err, @r#"
    error: audit chain broken at row 5: sequence jumps from 3 to 5: rows 4..4 were removed
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 5: sequence jumps from 3 to 5: rows 4..4 were removed","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
}

#[test]
fn verify_notices_a_forged_row_appended_at_the_end() {
    let (env, _, _) = history();
    env.sql("INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash)
             SELECT 9, at, actor, event, subject, data, source, hash, hash FROM audit WHERE seq = 8");
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(text(&o.stderr), @r#"
    error: audit chain broken at row 9: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 9: its content does not match its hash: the row was altered","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
}

#[test]
fn new_rows_after_verify_still_chain() {
    let (env, _, _) = history();
    env.json(&[
        "user",
        "create",
        "--email",
        "cy@example.com",
        "--name",
        "Cy",
    ]);
    env.json(&["--yes", "user", "delete", "cy@example.com"]);
    let v = env.json(&["audit", "verify"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["rows"], 10);
    let rows = env.json(&["audit", "--limit", "2"]);
    assert_eq!(events(&rows), ["user-create", "user-delete"]);
    assert_eq!(rows[1]["prev_hash"], rows[0]["hash"]);
}

#[test]
fn quiet_verify_prints_nothing_but_still_fails() {
    let (env, _, _) = history();
    let o = env.run(&["-q", "--json", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "");
    assert_eq!(text(&o.stderr), "");
    env.sql("UPDATE audit SET subject = 'x' WHERE seq = 2");
    let o = env.run(&["-q", "--json", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    insta::assert_snapshot!(text(&o.stderr), @r#"
    error: audit chain broken at row 2: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 2: its content does not match its hash: the row was altered","hint":"the rows from this one on cannot be trusted; compare with a backup"}}
    "#);
}

#[test]
fn verify_reports_in_every_format() {
    let (env, _, _) = history();
    let out = env.ok(&["--format", "jsonl", "audit", "verify"]);
    assert_eq!(
        out,
        "{\"ok\":true,\"rows\":8,\"keyed\":0,\"unkeyed\":8,\"anchor\":null,\"first_bad_seq\":null,\"problem\":null}\n"
    );
    let out = env.ok(&["--format", "csv", "audit", "verify"]);
    assert_eq!(
        out,
        "ok,rows,keyed,unkeyed,anchor,first_bad_seq,problem\ntrue,8,0,8,,,\n"
    );
    env.sql("UPDATE audit SET source = 'seed:x' WHERE seq = 6");
    let o = env.run(&["--format", "csv", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    insta::assert_snapshot!(text(&o.stdout), @"
    ok,rows,keyed,unkeyed,anchor,first_bad_seq,problem
    false,6,0,6,,6,its content does not match its hash: the row was altered
    ");
    let o = env.run(&["--format", "jsonl", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout).lines().count(), 1);
    let v: Value = serde_json::from_str(text(&o.stdout).trim()).unwrap();
    assert_eq!(v["first_bad_seq"], 6);
}

// ---------------------------------------------------------------- keyed chain

/// Writes a key file of `bytes` with `mode`.
fn key_file(env: &Env, name: &str, bytes: &[u8], mode: u32) -> std::path::PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let p = env.path(name);
    std::fs::write(&p, bytes).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(mode)).unwrap();
    p
}

/// Runs roster with `ROSTER_AUDIT_KEY_FILE` set to `key`.
fn with_key(env: &Env, key: &std::path::Path, args: &[&str]) -> Output {
    env.cmd()
        .env("ROSTER_AUDIT_KEY_FILE", key)
        .args(args)
        .output()
        .expect("run roster")
}

/// As [`with_key`], expecting exit 0 and JSON on stdout.
fn keyed_json(env: &Env, key: &std::path::Path, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let o = with_key(env, key, &all);
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
    serde_json::from_str(&text(&o.stdout)).unwrap()
}

/// As [`with_key`], expecting exit `code`; returns stderr.
fn keyed_fails(env: &Env, key: &std::path::Path, code: i32, args: &[&str]) -> String {
    let o = with_key(env, key, args);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

fn keyed_flags(rows: &Value) -> Vec<bool> {
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["keyed"].as_bool().unwrap())
        .collect()
}

/// The audit rows as they are stored (`data` as its exact text), whichever the backend.
fn stored_rows(env: &Env) -> Vec<roster::model::AuditEntry> {
    if env.is_pg() {
        // One JSON array a row: the values need no escaping of psql's own.
        let out = env.psql(
            "SELECT json_build_array(seq,
                    to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'),
                    actor, event, subject, data::text, source, prev_hash, hash, keyed)
             FROM audit ORDER BY seq",
        );
        return out
            .lines()
            .map(|l| {
                let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"));
                let s = |i: usize| v[i].as_str().unwrap().to_string();
                roster::model::AuditEntry {
                    seq: v[0].as_i64().unwrap(),
                    at: s(1),
                    actor: s(2),
                    event: s(3),
                    subject: s(4),
                    data: s(5),
                    source: s(6),
                    prev_hash: s(7),
                    hash: s(8),
                    keyed: v[9].as_bool().unwrap(),
                }
            })
            .collect();
    }
    let db = sqlite(&env.db());
    let mut stmt = db
        .prepare(
            "SELECT seq, at, actor, event, subject, data, source, prev_hash, hash, keyed
             FROM audit ORDER BY seq",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok(roster::model::AuditEntry {
            seq: r.get(0)?,
            at: r.get(1)?,
            actor: r.get(2)?,
            event: r.get(3)?,
            subject: r.get(4)?,
            data: r.get(5)?,
            source: r.get(6)?,
            prev_hash: r.get(7)?,
            hash: r.get(8)?,
            keyed: r.get(9)?,
        })
    })
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

/// What a hostile script does: rewrites every row from `from` on with the plain hash (it
/// has no key), marking them `keyed` as `keyed`, so that the chain links again.
fn rehash_from(env: &Env, from: i64, keyed: Option<bool>) {
    let mut prev = "0".repeat(64);
    for mut e in stored_rows(env) {
        if e.seq >= from {
            e.prev_hash = prev.clone();
            e.hash = roster::audit_chain::unkeyed_hash(&e);
            if let Some(k) = keyed {
                e.keyed = k;
            }
            // Hex digits, a boolean and a number: nothing to quote.
            env.sql(&format!(
                "UPDATE audit SET prev_hash = '{}', hash = '{}', keyed = {} WHERE seq = {}",
                e.prev_hash, e.hash, e.keyed, e.seq
            ));
        }
        prev = e.hash;
    }
}

/// A database whose audit key was made by `init --audit-key`, with three keyed rows.
fn keyed_history() -> (Env, std::path::PathBuf) {
    let env = Env::new();
    let key = env.path("audit.key");
    let o = with_key(&env, &key, &["init", "--audit-key", "audit.key"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
    );
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "Bob",
        ],
    );
    keyed_json(&env, &key, &["profile", "create", "--name", "Family"]);
    (env, key)
}

#[test]
fn keyed_rows_verify_with_their_key_and_not_without_it() {
    let (env, key) = keyed_history();
    let rows = keyed_json(&env, &key, &["audit"]);
    assert_eq!(keyed_flags(&rows), [true, true, true]);
    // The MAC is not the plain hash of the row.
    let first: roster::model::AuditEntry = roster::model::AuditEntry {
        seq: 1,
        at: rows[0]["at"].as_str().unwrap().into(),
        actor: rows[0]["actor"].as_str().unwrap().into(),
        event: rows[0]["event"].as_str().unwrap().into(),
        subject: rows[0]["subject"].as_str().unwrap().into(),
        data: stored_rows(&env).swap_remove(0).data,
        source: "cli".into(),
        prev_hash: "0".repeat(64),
        hash: String::new(),
        keyed: true,
    };
    assert_ne!(
        rows[0]["hash"].as_str().unwrap(),
        roster::audit_chain::unkeyed_hash(&first)
    );
    let v = keyed_json(&env, &key, &["audit", "verify"]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["rows"], 3);
    assert_eq!(v["keyed"], 3);
    assert_eq!(v["unkeyed"], 0);
    let o = with_key(&env, &key, &["--format", "table", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        text(&o.stdout),
        "audit chain ok: 3 rows verified (3 keyed, 0 unkeyed)\n"
    );
    // Without the key a keyed row cannot be checked: exit 1, and the hint names the variable.
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    insta::assert_snapshot!(err, @r#"
    error: audit chain not verified from row 1: the row is keyed, and no audit key is configured to check it
    hint: set ROSTER_AUDIT_KEY_FILE to the key file this database's audit rows are written with, and verify again
    {"error":{"code":1,"kind":"differs","message":"audit chain not verified from row 1: the row is keyed, and no audit key is configured to check it","hint":"set ROSTER_AUDIT_KEY_FILE to the key file this database's audit rows are written with, and verify again"}}
    "#);
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_bad_seq"], 1);
    // Doctor says the same, and passes with the key.
    let o = env.run(&["--json", "doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let f = &report["findings"][0];
    assert_eq!(f["check"], "audit-chain", "{report:#}");
    assert!(
        f["message"]
            .as_str()
            .unwrap()
            .contains("cannot be checked from here"),
        "{f}"
    );
    assert!(
        f["fix"].as_str().unwrap().contains("ROSTER_AUDIT_KEY_FILE"),
        "{f}"
    );
    // With the key the chain passes (the one finding left: the profile has no owner).
    let o = with_key(&env, &key, &["--json", "doctor"]);
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let checks: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["check"].as_str().unwrap())
        .collect();
    assert_eq!(checks, ["profile-owner"], "{report:#}");
}

#[test]
fn a_keyed_row_edited_and_rehashed_without_the_key_fails() {
    let (env, key) = keyed_history();
    env.sql("UPDATE audit SET data = '{\"email\":\"mallory@example.com\"}' WHERE seq = 2");
    // The ten-line script: every row from 2 on re-hashed so that the chain links again.
    rehash_from(&env, 2, None);
    let err = keyed_fails(&env, &key, 1, &["--json", "audit", "verify"]);
    insta::assert_snapshot!(err, @r#"
    error: audit chain broken at row 2: its content does not match its MAC: the row was altered, or the audit key is not the one it was written with
    hint: check that ROSTER_AUDIT_KEY_FILE names this database's key; if it does, the rows from this one on cannot be trusted: compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 2: its content does not match its MAC: the row was altered, or the audit key is not the one it was written with","hint":"check that ROSTER_AUDIT_KEY_FILE names this database's key; if it does, the rows from this one on cannot be trusted: compare with a backup"}}
    "#);
}

#[test]
fn a_different_key_fails_verification() {
    let (env, _) = keyed_history();
    let other = key_file(&env, "other.key", &[9u8; 32], 0o600);
    let o = with_key(&env, &other, &["--json", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    insta::assert_snapshot!(err, @r#"
    error: audit chain broken at row 1: its content does not match its MAC: the row was altered, or the audit key is not the one it was written with
    hint: check that ROSTER_AUDIT_KEY_FILE names this database's key; if it does, the rows from this one on cannot be trusted: compare with a backup
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 1: its content does not match its MAC: the row was altered, or the audit key is not the one it was written with","hint":"check that ROSTER_AUDIT_KEY_FILE names this database's key; if it does, the rows from this one on cannot be trusted: compare with a backup"}}
    "#);
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["first_bad_seq"], 1);
    // Writing on with another key is refused: no single key would verify the log after.
    let err = keyed_fails(
        &env,
        &other,
        2,
        &[
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: the audit key does not verify the last audit row (3): ROSTER_AUDIT_KEY_FILE names another key, or the row was altered; nothing was changed
    hint: point ROSTER_AUDIT_KEY_FILE at this database's key; `roster audit verify` shows whether the log was altered
    ");
    assert_eq!(env.sql_value("SELECT count(*) FROM audit"), "3");
    assert_eq!(env.sql_value("SELECT count(*) FROM users"), "2");
}

#[test]
fn keys_longer_than_64_bytes_are_hashed_down_and_work() {
    let env = Env::init();
    let key = key_file(&env, "long.key", &[5u8; 200], 0o600);
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
    );
    assert_eq!(keyed_json(&env, &key, &["audit", "verify"])["keyed"], 1);
    // A key file that differs only after its 64th byte is a different key.
    let mut bytes = vec![5u8; 200];
    bytes[150] = 6;
    let near = key_file(&env, "near.key", &bytes, 0o600);
    let err = keyed_fails(&env, &near, 1, &["audit", "verify"]);
    assert!(err.contains("does not match its MAC"), "{err}");
}

#[test]
fn unkeyed_rows_written_before_the_key_still_verify() {
    let (env, _, _) = history();
    let key = key_file(&env, "audit.key", &[3u8; 32], 0o600);
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    keyed_json(&env, &key, &["profile", "create", "--name", "Office"]);
    let rows = keyed_json(&env, &key, &["audit"]);
    assert_eq!(
        keyed_flags(&rows),
        [
            false, false, false, false, false, false, false, false, true, true
        ]
    );
    // The first keyed row chains to the last unkeyed one.
    assert_eq!(rows[8]["prev_hash"], rows[7]["hash"]);
    let v = keyed_json(&env, &key, &["audit", "verify"]);
    assert_eq!(
        v,
        serde_json::json!({"ok": true, "rows": 10, "keyed": 2, "unkeyed": 8, "anchor": null, "first_bad_seq": null, "problem": null})
    );
    // An edit of an old unkeyed row is still found, with the key configured.
    env.sql("UPDATE audit SET subject = 'x' WHERE seq = 3");
    let err = keyed_fails(&env, &key, 1, &["audit", "verify"]);
    insta::assert_snapshot!(err, @"
    error: audit chain broken at row 3: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    ");
}

#[test]
fn an_unkeyed_row_after_a_keyed_one_fails_verification() {
    let (env, key) = keyed_history();
    // Row 3 turned into a plain-hashed row that links correctly: a downgrade.
    rehash_from(&env, 3, Some(false));
    let err = keyed_fails(&env, &key, 1, &["audit", "verify"]);
    insta::assert_snapshot!(err, @"
    error: audit chain broken at row 3: the row is unkeyed, but the log is keyed since row 1: rows after a keyed row must be keyed (a downgrade)
    hint: the rows from this one on cannot be trusted; compare with a backup
    ");
}

#[test]
fn writing_without_the_key_after_a_keyed_head_is_refused() {
    let (env, key) = keyed_history();
    let err = env.fails(
        2,
        &[
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: the audit log is keyed since row 1; set ROSTER_AUDIT_KEY_FILE
    hint: point ROSTER_AUDIT_KEY_FILE at the key file this database's audit rows are written with; nothing was changed
    ");
    // Nothing was written: no user, no row.
    let users = keyed_json(&env, &key, &["user", "list"]);
    assert_eq!(users.as_array().unwrap().len(), 2);
    assert_eq!(
        keyed_json(&env, &key, &["audit"]).as_array().unwrap().len(),
        3
    );
    // Seeds too.
    std::fs::write(
        env.path("s.json"),
        r#"[{"event": "profile-create", "data": {"name": "Office"}}]"#,
    )
    .unwrap();
    let err = env.fails(2, &["seed", "s.json"]);
    insta::assert_snapshot!(err, @"
    error: s.json:1:2: event 1 (profile-create): the audit log is keyed since row 1; set ROSTER_AUDIT_KEY_FILE
    hint: point ROSTER_AUDIT_KEY_FILE at the key file this database's audit rows are written with; nothing was changed
    ");
    // Reads and no-op writes need no key.
    env.json(&["profile", "list"]);
    // With the key it works, and the log stays whole.
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    assert_eq!(keyed_json(&env, &key, &["audit", "verify"])["keyed"], 4);
}

#[test]
fn bad_key_files_are_refused_with_2() {
    let env = Env::init();
    let short = key_file(&env, "short.key", &[1u8; 31], 0o600);
    let err = keyed_fails(&env, &short, 2, &["audit", "verify"]);
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: ROSTER_AUDIT_KEY_FILE "[dir]/short.key": is 31 bytes; an audit key needs at least 32
    hint: create a key with `roster init --audit-key FILE`, or unset ROSTER_AUDIT_KEY_FILE
    "#);

    let open = key_file(&env, "open.key", &[1u8; 32], 0o644);
    let err = keyed_fails(
        &env,
        &open,
        2,
        &["user", "create", "--email", "a@example.com", "--name", "A"],
    );
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: ROSTER_AUDIT_KEY_FILE "[dir]/open.key": its mode is 0644, which lets group or others read it; an audit key must be 0600 or stricter
    hint: chmod 600 "[dir]/open.key"
    "#);
    let group = key_file(&env, "group.key", &[1u8; 32], 0o640);
    let err = keyed_fails(&env, &group, 2, &["audit"]);
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: ROSTER_AUDIT_KEY_FILE "[dir]/group.key": its mode is 0640, which lets group or others read it; an audit key must be 0600 or stricter
    hint: chmod 600 "[dir]/group.key"
    "#);

    std::fs::create_dir(env.path("keydir")).unwrap();
    let err = keyed_fails(&env, &env.path("keydir"), 2, &["audit", "verify"]);
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: ROSTER_AUDIT_KEY_FILE "[dir]/keydir": is a directory, not a key file
    hint: create a key with `roster init --audit-key FILE`, or unset ROSTER_AUDIT_KEY_FILE
    "#);

    let err = keyed_fails(&env, &env.path("missing.key"), 2, &["audit", "verify"]);
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: ROSTER_AUDIT_KEY_FILE "[dir]/missing.key": no such file
    hint: create a key with `roster init --audit-key FILE`, or unset ROSTER_AUDIT_KEY_FILE
    "#);

    // A symlink is judged by the file it opens: to a 0644 file, refused; to a 0600 one, fine.
    std::os::unix::fs::symlink(&open, env.path("link.key")).unwrap();
    let err = keyed_fails(&env, &env.path("link.key"), 2, &["audit", "verify"]);
    assert!(err.contains("its mode is 0644"), "{err}");
    let good = key_file(&env, "good.key", &[1u8; 32], 0o400);
    std::os::unix::fs::symlink(&good, env.path("good-link.key")).unwrap();
    assert_eq!(
        keyed_json(&env, &env.path("good-link.key"), &["audit", "verify"])["ok"],
        true
    );
    // Nothing was written by the refused commands.
    assert_eq!(env.audit_len(), 0);
    // --json also gets the error object.
    let o = with_key(&env, &short, &["--json", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(2));
    let last: Value = serde_json::from_str(text(&o.stderr).lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["kind"], "usage");
}

#[test]
fn init_audit_key_creates_a_private_32_byte_key_and_never_overwrites() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let o = env.run(&["--format", "table", "init", "--audit-key", "audit.key"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let key = env.path("audit.key");
    let meta = std::fs::metadata(&key).unwrap();
    assert!(meta.is_file());
    assert_eq!(meta.len(), 32);
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    insta::assert_snapshot!(env.redact(&text(&o.stdout)), @r#"
    created roster.db (schema version 9 of 9)
    created audit key "audit.key" (32 random bytes, mode 0600)
    "#);
    insta::assert_snapshot!(text(&o.stderr), @r#"
    set ROSTER_AUDIT_KEY_FILE="audit.key" for every roster command on this database, so that its audit rows are keyed
    keep a copy of the key away from this database's machine: whoever holds it can rewrite the log, and without it keyed rows cannot be verified
    "#);
    let bytes = env.bytes(&key);
    // Random: not all one value.
    assert!(bytes.iter().any(|b| *b != bytes[0]), "{bytes:?}");

    // Never over an existing file (68), which is left exactly as it was.
    let err = env.fails(68, &["init", "--audit-key", "audit.key"]);
    insta::assert_snapshot!(err, @r#"
    error: --audit-key "audit.key": the file already exists; roster never overwrites a key
    hint: choose a new file name, or keep using the existing key with ROSTER_AUDIT_KEY_FILE
    "#);
    assert_eq!(env.bytes(&key), bytes);

    // JSON names the key; a second key for the same database is another file.
    let v = env.json(&["init", "--audit-key", "second.key"]);
    assert_eq!(v["audit_key"], "second.key");
    assert_eq!(v["created"], false);
    assert_ne!(env.bytes(&env.path("second.key")), bytes);

    // The key works as ROSTER_AUDIT_KEY_FILE.
    keyed_json(
        &env,
        &key,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
        ],
    );
    assert_eq!(keyed_json(&env, &key, &["audit", "verify"])["keyed"], 1);
}

#[test]
fn init_audit_key_is_all_or_nothing() {
    let env = Env::new();
    // The database cannot be created (its directory is missing): no key is left behind.
    let o = env.run(&[
        "--db",
        "no/such/dir/r.db",
        "init",
        "--audit-key",
        "audit.key",
    ]);
    insta::assert_snapshot!(text(&o.stderr), @"error: cannot create the database no/such/dir/r.db: its directory does not exist");
    assert_eq!(o.status.code(), Some(66));
    assert!(!env.path("audit.key").exists());
    // A key whose directory is missing: no database is created.
    let err = env.fails(66, &["init", "--audit-key", "no/such/dir/audit.key"]);
    insta::assert_snapshot!(err, @r#"error: --audit-key "no/such/dir/audit.key": cannot create the key file: its directory does not exist"#);
    assert!(!db_exists(&env));
    // ROSTER_AUDIT_KEY_FILE may name the key being created.
    let key = env.path("audit.key");
    let o = with_key(&env, &key, &["--json", "init", "--audit-key", "audit.key"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(key.exists() && db_exists(&env));
}

/// Whether the environment's database exists: the SQLite file, or roster's tables in the
/// PostgreSQL schema (which roster creates on its first write).
fn db_exists(env: &Env) -> bool {
    if env.is_pg() {
        env.sql_value("SELECT to_regclass('roster_schema') IS NOT NULL") == "t"
    } else {
        env.db().exists()
    }
}

// ---------------------------------------------------------------- anchors

#[test]
fn anchor_round_trip() {
    let env = Env::init();
    // An empty log has no head: said on stderr, nothing on stdout, exit 0; nulls in JSON.
    let o = env.run(&["--format", "table", "audit", "anchor"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(text(&o.stdout), "");
    insta::assert_snapshot!(text(&o.stderr), @"the audit log is empty: there is no head to anchor yet");
    assert_eq!(
        env.json(&["audit", "anchor"]),
        serde_json::json!({"seq": null, "hash": null, "anchor": null})
    );

    let (env, _, _) = history();
    let rows = env.json(&["audit"]);
    let head = rows[7]["hash"].as_str().unwrap().to_string();
    let table = env.ok(&["--format", "table", "audit", "anchor"]);
    assert_eq!(table, format!("8:{head}\n"));
    let v = env.json(&["audit", "anchor"]);
    assert_eq!(
        v,
        serde_json::json!({"seq": 8, "hash": head, "anchor": format!("8:{head}")})
    );
    let anchor = table.trim().to_string();
    let v = env.json(&["audit", "verify", "--anchor", &anchor]);
    assert_eq!(v["ok"], true);
    assert_eq!(v["anchor"], anchor.as_str());
    // Upper-case hex is the same anchor.
    let upper = format!("8:{}", head.to_uppercase());
    assert_eq!(
        env.json(&["audit", "verify", "--anchor", &upper])["ok"],
        true
    );
    // Later rows do not disturb an older anchor.
    env.user("cy@example.com", "Cy");
    let out = env.ok(&["--format", "table", "audit", "verify", "--anchor", &anchor]);
    assert_eq!(
        out,
        "audit chain ok: 9 rows verified (0 keyed, 9 unkeyed); row 8 matches the anchor\n"
    );
    // Only the operator and global admins.
    let err = env.fails(77, &["--as", "bob@example.com", "audit", "anchor"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not audit: no role of theirs grants audit
    hint: the global role admin grants audit
    hint: `roster can bob@example.com audit` explains the decision
    ");
}

#[test]
fn anchor_refuses_a_broken_chain() {
    let (env, _, _) = history();
    env.sql("UPDATE audit SET subject = 'x' WHERE seq = 4");
    let err = env.fails(1, &["audit", "anchor"]);
    insta::assert_snapshot!(err, @"
    error: no anchor taken: audit chain broken at row 4: its content does not match its hash: the row was altered
    hint: the rows from this one on cannot be trusted; compare with a backup
    ");
}

#[test]
fn verify_anchor_catches_a_truncated_tail() {
    let (env, _, _) = history();
    let anchor = env.ok(&["--format", "table", "audit", "anchor"]);
    let anchor = anchor.trim();
    // Remove rows 7 and 8 and reset the high-water mark: plain verify cannot tell.
    env.sql(if env.is_pg() {
        "DELETE FROM audit WHERE seq >= 7;
         UPDATE audit_high_water SET seq = 6 WHERE one = 1;"
    } else {
        "DELETE FROM audit WHERE seq >= 7;
         UPDATE sqlite_sequence SET seq = 6 WHERE name = 'audit';"
    });
    assert_eq!(env.json(&["audit", "verify"])["ok"], true);
    let o = env.run(&["--json", "audit", "verify", "--anchor", anchor]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    insta::assert_snapshot!(redact(&err), @r#"
    error: audit chain broken at row 8: row 8 of the anchor is gone (the log ends at row 6): the log was truncated or rolled back since the anchor was taken
    hint: restore the database from a backup taken after the anchor; the rows since were lost or removed
    {"error":{"code":1,"kind":"differs","message":"audit chain broken at row 8: row 8 of the anchor is gone (the log ends at row 6): the log was truncated or rolled back since the anchor was taken","hint":"restore the database from a backup taken after the anchor; the rows since were lost or removed"}}
    "#);
    let last: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(last["error"]["kind"], "differs");
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["first_bad_seq"], 8);
    assert_eq!(report["anchor"], anchor);

    // Rolled back, then written on: row 8 exists again, with another hash.
    env.user("cy@example.com", "Cy");
    env.user("dee@example.com", "Dee");
    assert_eq!(env.json(&["audit", "verify"])["ok"], true);
    let err = env.fails(1, &["audit", "verify", "--anchor", anchor]);
    insta::assert_snapshot!(redact(&err), @"
    error: audit chain broken at row 8: its hash differs from the anchor 8:[hash]: the log was rewritten or rolled back since the anchor was taken
    hint: restore the database from a backup that matches the anchor, and find out who rewrote the log
    ");
}

#[test]
fn verify_anchor_catches_a_keyed_log_rewritten_as_unkeyed() {
    let (env, key) = keyed_history();
    let anchor = keyed_json(&env, &key, &["audit", "anchor"])["anchor"]
        .as_str()
        .unwrap()
        .to_string();
    // The whole log rewritten as plain-hashed rows: without an anchor this verifies (which
    // is why anchors are kept elsewhere), and no keyed row remains.
    rehash_from(&env, 1, Some(false));
    let v = keyed_json(&env, &key, &["audit", "verify"]);
    assert_eq!(
        (v["ok"].clone(), v["keyed"].clone()),
        (Value::Bool(true), 0.into())
    );
    let err = keyed_fails(&env, &key, 1, &["audit", "verify", "--anchor", &anchor]);
    insta::assert_snapshot!(redact(&err), @"
    error: audit chain broken at row 3: its hash differs from the anchor 3:[hash]: the log was rewritten or rolled back since the anchor was taken
    hint: restore the database from a backup that matches the anchor, and find out who rewrote the log
    ");
}

#[test]
fn a_malformed_anchor_is_65() {
    let (env, _, _) = history();
    let h = "a".repeat(64);
    let mut refusals = String::new();
    for bad in [
        "8".to_string(),
        "eight:".to_string() + &h,
        format!("0:{h}"),
        format!("8:{}", &h[..63]),
        format!("8:{}z", &h[..63]),
        format!("8:{h}:1"),
        "8:\u{1b}[2J".to_string(),
    ] {
        let err = env.fails(
            65,
            &["--format", "table", "audit", "verify", "--anchor", &bad],
        );
        assert!(!err.contains('\u{1b}'), "{bad}: raw escape in {err:?}");
        refusals.push_str(&err);
    }
    insta::assert_snapshot!(refusals, @r#"
    error: --anchor "8" is not an anchor: expected SEQ:HASH
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "eight:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not an anchor: SEQ must be a row number, 1 or more
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "0:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not an anchor: SEQ must be a row number, 1 or more
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "8:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not an anchor: HASH must be 64 hex digits
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "8:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaz" is not an anchor: HASH must be 64 hex digits
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "8:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:1" is not an anchor: HASH must be 64 hex digits
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    error: --anchor "8:\u{1b}[2J" is not an anchor: HASH must be 64 hex digits
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    "#);
    // Refused before the database is looked at.
    let empty = Env::new();
    let err = empty.fails(65, &["audit", "verify", "--anchor", "x"]);
    insta::assert_snapshot!(err, @r#"
    error: --anchor "x" is not an anchor: expected SEQ:HASH
    hint: an anchor is what `roster audit anchor` prints: a row number, a colon and 64 hex digits (12:3f5a…)
    "#);
}

// ---------------------------------------------------------------- old databases

#[test]
fn a_database_from_before_keys_migrates_and_still_verifies() {
    // A schema-1 database with two rows hashed as roster always hashed them.
    let env = Env::new();
    if !env.sqlite_only("SQLite's schema versions: PostgreSQL's schema starts at version 5") {
        return;
    }
    let db = sqlite(&env.db());
    db.execute_batch(roster::store::schema::MIGRATIONS[0])
        .unwrap();
    db.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 1;",
        roster::store::APPLICATION_ID
    ))
    .unwrap();
    let mut prev = "0".repeat(64);
    for seq in 1..=2i64 {
        let mut e = roster::model::AuditEntry {
            seq,
            at: "2026-01-01T00:00:00.000Z".into(),
            actor: "operator:tester".into(),
            event: "profile-create".into(),
            subject: format!("p{seq}"),
            data: "{}".into(),
            source: "cli".into(),
            prev_hash: prev.clone(),
            hash: String::new(),
            keyed: false,
        };
        e.hash = roster::audit_chain::unkeyed_hash(&e);
        db.execute(
            "INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            rusqlite::params![
                e.seq,
                e.at,
                e.actor,
                e.event,
                e.subject,
                e.data,
                e.source,
                e.prev_hash,
                e.hash
            ],
        )
        .unwrap();
        prev = e.hash;
    }
    drop(db);
    let v = env.json(&["audit", "verify"]);
    assert_eq!(v["ok"], true, "{v}");
    assert_eq!(
        (v["rows"].clone(), v["unkeyed"].clone()),
        (2.into(), 2.into())
    );
    assert_eq!(
        env.json(&["init"])["schema_version"],
        roster::store::schema::CURRENT
    );
    assert_eq!(keyed_flags(&env.json(&["audit"])), [false, false]);
}

// ---------------------------------------------------------------- doctor

#[test]
fn doctor_reports_an_admin_no_audit_row_explains() {
    let (env, _, bob) = history();
    // History: ann is admin as the first user; bob was granted `support` only.
    assert_eq!(env.json(&["doctor"])["ok"], true);
    // A hand edit gives bob admin: no row explains it.
    env.sql("UPDATE users SET roles = '[\"support\",\"admin\"]' WHERE email = 'bob@example.com'");
    assert_eq!(env.json(&["audit", "verify"])["ok"], true);
    let o = env.run(&["--json", "doctor"]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    insta::assert_snapshot!(text(&o.stderr), @r#"
    error: doctor found 1 problem
    hint: apply the suggested fixes, then run `roster doctor` again
    {"error":{"code":1,"kind":"differs","message":"doctor found 1 problem","hint":"apply the suggested fixes, then run `roster doctor` again"}}
    "#);
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{report:#}");
    let f = &findings[0];
    assert_eq!(f["check"], "unexplained-admin");
    assert_eq!(f["subject"], "bob@example.com");
    let msg = f["message"].as_str().unwrap();
    assert!(msg.contains("holds the global role admin"), "{msg}");
    assert!(msg.contains("row 6, user-grant"), "{msg}");
    assert!(
        f["fix"]
            .as_str()
            .unwrap()
            .contains("roster user revoke bob@example.com admin"),
        "{f}"
    );
    // A grant through roster explains it.
    env.json(&["user", "revoke", "bob@example.com", "admin"]);
    env.json(&["user", "grant", "bob@example.com", "admin"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
    // Revoked through roster, then edited back in: the last roles row says no admin.
    env.json(&["user", "revoke", "bob@example.com", "admin"]);
    env.sql("UPDATE users SET roles = '[\"admin\"]' WHERE email = 'bob@example.com'");
    let o = env.run(&["--json", "doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("user-revoke"),
        "{report:#}"
    );
    // A user with no roles row at all (inserted by another program) as admin. SQLite
    // takes any text as a time, PostgreSQL only a time.
    let at = if env.is_pg() {
        "'2026-01-01T00:00:00.000Z'"
    } else {
        "'x'"
    };
    env.sql(&format!(
        "INSERT INTO users (id, email, name, roles, created_at, updated_at)
         VALUES ('eve', 'eve@example.com', 'Eve', '[\"admin\"]', {at}, {at})"
    ));
    let o = env.run(&["--json", "doctor"]);
    assert_eq!(o.status.code(), Some(1));
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    let eve: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["subject"] == "eve@example.com")
        .collect();
    assert_eq!(eve.len(), 1, "{report:#}");
    assert!(
        eve[0]["message"]
            .as_str()
            .unwrap()
            .contains("no audit row gave it"),
        "{report:#}"
    );
    let _ = bob;
}
