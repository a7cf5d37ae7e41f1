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
    assert!(text(&o.stderr).contains("no audit rows match"));
    let csv = env.ok(&["--format", "csv", "audit"]);
    assert_eq!(
        csv,
        "seq,at,actor,event,subject,data,source,prev_hash,hash\n"
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
    assert_eq!(
        env.json(&["audit", "--event", "no-such-event"]),
        serde_json::json!([])
    );
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
    env.fails(2, &["audit", "--limit", "-1"]);
    env.fails(2, &["audit", "--limit", "many"]);
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
    for bad in ["yesterday", "2026-13-01", "5", "-3h"] {
        let arg = format!("--since={bad}");
        let err = env.fails(65, &["audit", &arg]);
        assert!(err.contains("--since"), "{bad}: {err}");
        assert!(err.contains("hint:"), "{bad}: {err}");
    }
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
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("seq,at,actor,event,subject,data,source,prev_hash,hash")
    );
    let row = lines.next().unwrap();
    assert!(row.starts_with("7,2026-01-06T10:00:00.000Z,user:"), "{row}");
    assert!(row.contains(r#","{""tags"":[""x""]}",cli,"#), "{row}");
    let table = env.ok(&["--format", "table", "audit"]);
    let header = table.lines().nth(1).unwrap();
    for col in ["seq", "at", "actor", "event", "subject", "source"] {
        assert!(header.contains(col), "{col}: {table}");
    }
    assert!(!header.contains("hash"), "{table}");
}

// ---------------------------------------------------------------- permissions

#[test]
fn only_the_operator_and_global_admins_read_the_audit() {
    let (env, _, _) = history();
    let err = env.fails(77, &["--as", "bob@example.com", "audit"]);
    assert!(
        err.contains("permission denied: reading the audit log"),
        "{err}"
    );
    let err = env.fails(77, &["--as", "bob@example.com", "audit", "verify"]);
    assert!(err.contains("permission denied"), "{err}");
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
        serde_json::json!({"ok": true, "rows": 8, "first_bad_seq": null, "problem": null})
    );
    let out = env.ok(&["--format", "table", "audit", "verify"]);
    assert_eq!(out, "audit chain ok: 8 rows verified\n");
}

#[test]
fn verify_names_a_row_whose_data_was_edited() {
    let (env, _, _) = history();
    sqlite(&env.db())
        .execute(
            "UPDATE audit SET data = '{\"name\":\"Mallory\"}' WHERE seq = 5",
            [],
        )
        .unwrap();
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let err = text(&o.stderr);
    assert!(err.contains("error: audit chain broken at row 5"), "{err}");
    assert!(err.contains("the row was altered"), "{err}");
    assert!(err.contains("hint:"), "{err}");
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
    assert!(text(&o.stderr).contains("row 5"));
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
        sqlite(&env.db()).execute(sql, []).unwrap();
        let o = verify(&env);
        assert_eq!(o.status.code(), Some(1), "{sql}");
        assert!(
            text(&o.stderr).contains(&format!("audit chain broken at row {row}")),
            "{sql}: {}",
            text(&o.stderr)
        );
    }
}

#[test]
fn verify_notices_a_row_deleted_from_the_end() {
    let (env, _, _) = history();
    sqlite(&env.db())
        .execute(
            "DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)",
            [],
        )
        .unwrap();
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("audit chain broken at row 8"), "{err}");
    assert!(err.contains("removed from the end"), "{err}");
    let report: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(report["first_bad_seq"], 8);
    assert_eq!(report["rows"], 7);
}

#[test]
fn verify_notices_every_row_deleted() {
    let (env, _, _) = history();
    sqlite(&env.db()).execute("DELETE FROM audit", []).unwrap();
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("row 1"), "{}", text(&o.stderr));
}

#[test]
fn verify_notices_a_row_deleted_from_the_middle() {
    let (env, _, _) = history();
    sqlite(&env.db())
        .execute("DELETE FROM audit WHERE seq = 4", [])
        .unwrap();
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert!(err.contains("audit chain broken at row 5"), "{err}");
    assert!(err.contains("rows 4..4 were removed"), "{err}");
}

#[test]
fn verify_notices_a_forged_row_appended_at_the_end() {
    let (env, _, _) = history();
    sqlite(&env.db())
        .execute(
            "INSERT INTO audit (seq, at, actor, event, subject, data, source, prev_hash, hash)
             SELECT 9, at, actor, event, subject, data, source, hash, hash FROM audit WHERE seq = 8",
            [],
        )
        .unwrap();
    let o = verify(&env);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("row 9"), "{}", text(&o.stderr));
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
    sqlite(&env.db())
        .execute("UPDATE audit SET subject = 'x' WHERE seq = 2", [])
        .unwrap();
    let o = env.run(&["-q", "--json", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout), "");
    assert!(text(&o.stderr).contains("row 2"), "{}", text(&o.stderr));
}

#[test]
fn verify_reports_in_every_format() {
    let (env, _, _) = history();
    let out = env.ok(&["--format", "jsonl", "audit", "verify"]);
    assert_eq!(
        out,
        "{\"ok\":true,\"rows\":8,\"first_bad_seq\":null,\"problem\":null}\n"
    );
    let out = env.ok(&["--format", "csv", "audit", "verify"]);
    assert_eq!(out, "ok,rows,first_bad_seq,problem\ntrue,8,,\n");
    sqlite(&env.db())
        .execute("UPDATE audit SET source = 'seed:x' WHERE seq = 6", [])
        .unwrap();
    let o = env.run(&["--format", "csv", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    let out = text(&o.stdout);
    assert!(
        out.starts_with("ok,rows,first_bad_seq,problem\nfalse,"),
        "{out}"
    );
    assert!(out.contains(",6,"), "{out}");
    let o = env.run(&["--format", "jsonl", "audit", "verify"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(text(&o.stdout).lines().count(), 1);
    let v: Value = serde_json::from_str(text(&o.stdout).trim()).unwrap();
    assert_eq!(v["first_bad_seq"], 6);
}
