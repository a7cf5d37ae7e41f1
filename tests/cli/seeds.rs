//! `roster seed`: the three layouts and stdin, several files in one transaction, every
//! event type, `as` under the rules, validation of every event before anything is
//! written (with `FILE:LINE:COLUMN`), atomicity, idempotency, `${env:…}`, `--dry-run`,
//! `--check`, and passwords (README "Seeds and export").

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::*;

/// Writes `text` to `name` in the environment's directory.
pub fn write(env: &Env, name: &str, text: &str) {
    std::fs::write(env.path(name), text).expect("write seed file");
}

/// Copies the repository's demo `seed.json` into the environment's directory.
pub fn demo(env: &Env) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("seed.json");
    std::fs::copy(&from, env.path("seed.json")).expect("copy the demo seed.json");
}

/// Runs `roster seed ARGS`, expects 0, returns the JSON report.
pub fn seed(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["seed"];
    all.extend_from_slice(args);
    env.json(&all)
}

/// event name → [created, updated, unchanged, removed], from a report's summary.
pub fn counts(report: &Value) -> BTreeMap<String, [u64; 4]> {
    report["summary"]
        .as_array()
        .unwrap_or_else(|| panic!("no summary in {report}"))
        .iter()
        .map(|row| {
            let n = |k: &str| row[k].as_u64().unwrap_or_else(|| panic!("{k} in {row}"));
            (
                row["event"].as_str().expect("event name").to_string(),
                [n("created"), n("updated"), n("unchanged"), n("removed")],
            )
        })
        .collect()
}

/// The summary as a literal map, for comparisons.
pub fn expect(rows: &[(&str, [u64; 4])]) -> BTreeMap<String, [u64; 4]> {
    rows.iter().map(|(k, v)| (k.to_string(), *v)).collect()
}

/// Asserts a report says nothing was created, updated or removed.
pub fn all_unchanged(report: &Value) {
    assert_eq!(report["changed"], json!(false), "{report}");
    for (event, [c, u, _, r]) in counts(report) {
        assert_eq!((c, u, r), (0, 0, 0), "{event} changed something: {report}");
    }
}

/// Everything a seed could change: the export with secrets, and the audit row count.
pub fn snapshot(env: &Env) -> (String, usize) {
    (env.ok(&["export", "--with-secrets"]), env.audit_len())
}

/// `LINE:COLUMN` of the first `needle` on the 1-based `line` of `text`; columns count
/// characters, as roster's do.
pub fn pos(text: &str, line: usize, needle: &str) -> String {
    let l = text
        .lines()
        .nth(line - 1)
        .unwrap_or_else(|| panic!("no line {line} in {text}"));
    let byte = l
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not on line {line}: {l}"));
    format!("{line}:{}", l[..byte].chars().count() + 1)
}

/// Whether the environment's database exists: its file on SQLite, its schema on
/// PostgreSQL (roster creates either on its first write only, and a failed write
/// leaves neither behind).
pub fn database_exists(env: &Env) -> bool {
    match env.pg_schema() {
        Some(schema) => {
            let sql = format!("SELECT count(*) FROM pg_namespace WHERE nspname = '{schema}'");
            env.sql_value(&sql) != "0"
        }
        None => env.db().exists(),
    }
}

/// The number of users, read straight from the database (0 when there is none).
pub fn user_count(env: &Env) -> i64 {
    if !database_exists(env) {
        return 0;
    }
    env.sql_value("SELECT count(*) FROM users")
        .parse()
        .expect("count users")
}

/// A cast for the event tests: `root` (the first user, so a global admin), `olive`
/// (owner of `family`), `alice` (its admin), `mike` (a member), `nora` (in no profile).
const CAST: &str = r##"[
  {"event": "user-create", "data": {"id": "root", "email": "root@example.com", "name": "Root"}},
  {"event": "user-create", "data": {"id": "olive", "email": "olive@example.com", "name": "Olive"}},
  {"event": "user-create", "data": {"id": "alice", "email": "alice@example.com", "username": "alice", "name": "Alice"}},
  {"event": "user-create", "data": {"id": "mike", "email": "mike@example.com", "name": "Mike"}},
  {"event": "user-create", "data": {"id": "nora", "email": "nora@example.com", "name": "Nora"}},
  {"event": "profile-create", "data": {"id": "fam", "slug": "family", "name": "Family"}},
  {"event": "member-add", "data": {"profile": "family", "user": "olive", "role": "owner"}},
  {"event": "member-add", "as": "olive", "data": {"profile": "family", "user": "alice@example.com", "role": "admin"}},
  {"event": "member-add", "as": "alice", "data": {"profile": "family", "users": ["mike"]}}
]"##;

fn cast() -> Env {
    let env = Env::new();
    write(&env, "cast.json", CAST);
    let report = seed(&env, &["cast.json"]);
    assert_eq!(report["events"], json!(9), "{report}");
    env
}

/// email → role of the members of a profile.
fn roles(env: &Env, profile: &str) -> BTreeMap<String, String> {
    env.json(&["member", "list", profile])
        .as_array()
        .expect("member list")
        .iter()
        .map(|m| {
            (
                m["email"].as_str().unwrap_or_default().to_string(),
                m["role"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn role_map(rows: &[(&str, &str)]) -> BTreeMap<String, String> {
    rows.iter()
        .map(|(e, r)| (e.to_string(), r.to_string()))
        .collect()
}

/// The audit rows as (actor, event, source).
fn audit_rows(env: &Env) -> Vec<(String, String, String)> {
    env.json(&["audit"])
        .as_array()
        .expect("audit rows")
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
            (s("actor"), s("event"), s("source"))
        })
        .collect()
}

fn emails(env: &Env) -> Vec<String> {
    let mut v: Vec<String> = env
        .json(&["user", "list"])
        .as_array()
        .expect("user list")
        .iter()
        .map(|u| u["email"].as_str().unwrap_or_default().to_string())
        .collect();
    v.sort();
    v
}

// ---------------------------------------------------------------------------------------
// Formats

const TWO_USERS: &str = r##"{"event": "user-create", "data": {"id": "ann", "email": "ann@example.com", "name": "Ann"}},
  {"event": "user-create", "data": {"id": "ben", "email": "ben@example.com", "name": "Ben", "tags": ["x"]}}"##;

#[test]
fn the_version_1_document_is_applied() {
    let env = Env::new();
    write(
        &env,
        "doc.json",
        &format!("{{\"version\": 1, \"events\": [\n  {TWO_USERS}\n]}}\n"),
    );
    let report = seed(&env, &["doc.json"]);
    assert_eq!(report["events"], json!(2));
    assert_eq!(report["changed"], json!(true));
    assert_eq!(report["dry_run"], json!(false));
    assert!(report["elapsed_ms"].is_u64(), "{report}");
    assert!(report.get("plan").is_none(), "no plan without --dry-run");
    assert_eq!(counts(&report), expect(&[("user-create", [2, 0, 0, 0])]));
    assert_eq!(emails(&env), ["ann@example.com", "ben@example.com"]);
    // The first user ever created is a global admin, as with `user create`.
    assert_eq!(env.json(&["user", "show", "ann"])["is_admin"], json!(true));
    assert_eq!(env.json(&["user", "show", "ben"])["tags"], json!(["x"]));
    // The audit names the seed file as the source.
    let rows = audit_rows(&env);
    assert_eq!(rows.len(), 2);
    for (actor, event, source) in rows {
        assert_eq!(actor, "operator:tester");
        assert_eq!(event, "user-create");
        assert_eq!(source, "seed:doc.json");
    }
}

#[test]
fn a_bare_array_is_applied() {
    let env = Env::new();
    write(&env, "list.json", &format!("[\n  {TWO_USERS}\n]\n"));
    let report = seed(&env, &["list.json"]);
    assert_eq!(counts(&report), expect(&[("user-create", [2, 0, 0, 0])]));
    assert_eq!(emails(&env), ["ann@example.com", "ben@example.com"]);
}

#[test]
fn json_lines_are_read_from_a_jsonl_file() {
    let env = Env::new();
    let text = "{\"event\": \"user-create\", \"data\": {\"id\": \"ann\", \"email\": \"ann@example.com\", \"name\": \"Ann\"}}\n\n{\"event\": \"profile-create\", \"data\": {\"name\": \"Book Club\"}}\n{\"event\": \"member-add\", \"data\": {\"profile\": \"book-club\", \"user\": \"ann\", \"role\": \"owner\"}}\n";
    write(&env, "events.jsonl", text);
    let report = seed(&env, &["events.jsonl"]);
    assert_eq!(report["events"], json!(3));
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-create", [1, 0, 0, 0]),
            ("profile-create", [1, 0, 0, 0]),
            ("member-add", [1, 0, 0, 0]),
        ])
    );
    assert_eq!(
        roles(&env, "book-club"),
        role_map(&[("ann@example.com", "owner")])
    );
    // Positions in JSON Lines count lines of the file, blank ones included.
    let bad = "{\"event\": \"user-create\", \"data\": {\"email\": \"c@example.com\", \"name\": \"C\"}}\n\n{\"event\": \"user-create\", \"data\": {\"email\": \"d@example.com\", \"nmae\": \"D\"}}\n";
    write(&env, "bad.jsonl", bad);
    let before = snapshot(&env);
    let stderr = env.fails(65, &["seed", "bad.jsonl"]);
    let at = pos(bad, 3, "\"nmae\"");
    assert!(
        stderr.contains(&format!(
            "bad.jsonl:{at}: event 2 (user-create): unknown field \"nmae\"; did you mean \"name\"?"
        )),
        "{stderr}"
    );
    assert_eq!(snapshot(&env), before);
}

#[test]
fn json_lines_on_stdin_need_the_jsonl_flag() {
    let env = Env::new();
    let lines = "{\"event\": \"user-create\", \"data\": {\"id\": \"ann\", \"email\": \"ann@example.com\", \"name\": \"Ann\"}}\n{\"event\": \"user-create\", \"data\": {\"id\": \"ben\", \"email\": \"ben@example.com\", \"name\": \"Ben\"}}\n";
    // Without --jsonl the first line is read as a seed document, which it is not.
    let stderr = env.fails_with(65, &["seed", "-"], lines);
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 4 errors; nothing was written
      <stdin>:2:1: event 1: unexpected '{' after the end of the seed
      <stdin>:1:2: unknown key "event" in the seed document: this looks like JSON Lines (one event per line); name the file *.jsonl, or add --jsonl when reading stdin
      <stdin>:1:26: unknown key "data" in the seed document: this looks like JSON Lines (one event per line); name the file *.jsonl, or add --jsonl when reading stdin
      <stdin>:1:91: the seed document has no "events" array
    "#);
    assert_eq!(user_count(&env), 0);

    let out = env.ok_with(&["--json", "seed", "--jsonl", "-"], lines);
    let report: Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(counts(&report), expect(&[("user-create", [2, 0, 0, 0])]));
    assert_eq!(emails(&env), ["ann@example.com", "ben@example.com"]);
    assert!(
        audit_rows(&env)
            .iter()
            .all(|(_, _, source)| source == "seed:<stdin>"),
        "{:?}",
        audit_rows(&env)
    );
    // Errors on stdin are named <stdin>.
    let stderr = env.fails_with(
        65,
        &["seed", "--jsonl", "-"],
        "{\"event\": \"user-create\", \"data\": {\"email\": \"x\", \"name\": \"X\"}}\n",
    );
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 1 error; nothing was written
      <stdin>:1:44: event 1 (user-create): email "x": has no '@' (hint: an email looks like name@example.com)
    "#);
}

#[test]
fn a_document_is_read_from_stdin() {
    let env = Env::new();
    let doc = format!("{{\"version\": 1, \"events\": [{TWO_USERS}]}}");
    let out = env.ok_with(&["--json", "seed", "-"], &doc);
    let report: Value = serde_json::from_str(&out).expect("JSON report");
    assert_eq!(counts(&report), expect(&[("user-create", [2, 0, 0, 0])]));
    assert_eq!(emails(&env), ["ann@example.com", "ben@example.com"]);
    // Standard input may be named only once.
    let stderr = env.fails_with(2, &["seed", "-", "-"], &doc);
    insta::assert_snapshot!(stderr, @"error: seed: '-' (stdin) can be given only once");
}

#[test]
fn the_default_file_is_seed_json_in_the_current_directory() {
    let env = Env::new();
    let stderr = env.fails(66, &["seed"]);
    insta::assert_snapshot!(stderr, @"
    error: seed file not found: seed.json
    hint: run roster where seed.json is, or name the seed file: roster seed FILE
    ");
    assert!(!database_exists(&env), "a missing seed creates no database");
    let stderr = env.fails(66, &["seed", "nope.json"]);
    insta::assert_snapshot!(stderr, @"error: seed file not found: nope.json");

    write(&env, "seed.json", &format!("[{TWO_USERS}]"));
    let report = seed(&env, &[]);
    assert_eq!(counts(&report), expect(&[("user-create", [2, 0, 0, 0])]));
    let rows = audit_rows(&env);
    assert!(
        rows.iter().all(|(_, _, s)| s == "seed:seed.json"),
        "{rows:?}"
    );
}

#[test]
fn several_files_apply_in_order_in_one_transaction() {
    let env = Env::new();
    write(&env, "users.json", &format!("[{TWO_USERS}]"));
    write(
        &env,
        "profiles.jsonl",
        "{\"event\": \"profile-create\", \"data\": {\"name\": \"Club\"}}\n{\"event\": \"member-add\", \"data\": {\"profile\": \"club\", \"user\": \"ben\", \"role\": \"owner\"}}\n",
    );
    // In the wrong order the member-add names a user who does not exist yet: 67, and the
    // first file's profile is not written either.
    let stderr = env.fails(67, &["seed", "profiles.jsonl", "users.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: profiles.jsonl:2:1: event 2 (member-add): user "ben" does not exist
    hint: list users with `roster user list`
    "#);
    assert_eq!(user_count(&env), 0);
    // Nothing was written: not even the database the failed seed would have created.
    assert!(!database_exists(&env));

    let report = seed(&env, &["users.json", "profiles.jsonl"]);
    assert_eq!(report["events"], json!(4));
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-create", [2, 0, 0, 0]),
            ("profile-create", [1, 0, 0, 0]),
            ("member-add", [1, 0, 0, 0]),
        ])
    );
    assert_eq!(
        roles(&env, "club"),
        role_map(&[("ben@example.com", "owner")])
    );
    let sources: Vec<String> = audit_rows(&env).into_iter().map(|r| r.2).collect();
    assert_eq!(
        sources,
        [
            "seed:users.json",
            "seed:users.json",
            "seed:profiles.jsonl",
            "seed:profiles.jsonl"
        ]
    );
}

#[test]
fn a_failure_in_the_second_file_leaves_the_first_unwritten() {
    let env = Env::new();
    write(&env, "users.json", &format!("[{TWO_USERS}]"));
    // Shape error in the second file: nothing at all is applied.
    write(
        &env,
        "bad-shape.json",
        "[{\"event\": \"profile-create\", \"data\": {\"name\": \"Club\", \"colour\": \"#fff\"}}]",
    );
    let stderr = env.fails(65, &["seed", "users.json", "bad-shape.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 1 error; nothing was written
      bad-shape.json:1:55: event 3 (profile-create): unknown field "colour"; did you mean "color"?
    "#);
    assert_eq!(user_count(&env), 0);

    // A data error in the second file (a rule): the first file's users are rolled back.
    write(
        &env,
        "bad-rule.json",
        "[{\"event\": \"profile-create\", \"as\": \"ben\", \"data\": {\"name\": \"Club\"}}]",
    );
    let stderr = env.fails(77, &["seed", "users.json", "bad-rule.json"]);
    insta::assert_snapshot!(stderr, @"
    error: bad-rule.json:1:2: event 3 (profile-create): permission denied: ben@example.com may not profile-create: no role of theirs grants profile-create
    hint: the global role admin grants profile-create
    hint: `roster can ben@example.com profile-create` explains the decision
    ");
    assert_eq!(user_count(&env), 0);
}

// ---------------------------------------------------------------------------------------
// Every event type

#[test]
fn user_update_grant_and_revoke_from_a_seed() {
    let env = cast();
    env.ok(&[
        "user",
        "update",
        "mike",
        "--image",
        "https://example.com/m.png",
    ]);
    for role in ["viewer", "critic", "editor"] {
        env.ok(&[
            "role",
            "create",
            role,
            "--scope",
            "global",
            "--allow",
            "user-list",
        ]);
    }
    env.ok(&["user", "grant", "mike", "viewer", "critic"]);
    let text = r##"[
  {"event": "user-update", "data": {"user": "mike@example.com", "name": "Michael", "tags": ["kid", "reader"], "metadata": {"shoe": 38}}},
  {"event": "user-update", "as": "nora@example.com", "data": {"user": "nora", "name": "Nora North"}},
  {"event": "user-grant", "data": {"user": "alice", "roles": ["admin", "editor"]}},
  {"event": "user-revoke", "data": {"user": "mike@example.com", "role": "viewer"}},
  {"event": "user-update", "data": {"user": "mike", "image": ""}}
]"##;
    write(&env, "users.json", text);
    let audit_before = env.audit_len();
    let report = seed(&env, &["users.json"]);
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-update", [0, 3, 0, 0]),
            ("user-grant", [0, 1, 0, 0]),
            ("user-revoke", [0, 1, 0, 0]),
        ])
    );
    let mike = env.json(&["user", "show", "mike"]);
    assert_eq!(mike["name"], json!("Michael"));
    assert_eq!(mike["tags"], json!(["kid", "reader"]));
    assert_eq!(mike["metadata"], json!({"shoe": 38}));
    assert_eq!(mike["image"], Value::Null, "'' clears the image");
    assert_eq!(
        env.json(&["user", "show", "nora"])["name"],
        json!("Nora North")
    );
    let alice = env.json(&["user", "show", "alice"]);
    assert_eq!(alice["roles"], json!(["admin", "editor"]));
    assert_eq!(alice["is_admin"], json!(true));
    assert_eq!(mike["roles"], json!(["critic"]));

    let rows = audit_rows(&env)[audit_before..].to_vec();
    let events: Vec<&str> = rows.iter().map(|r| r.1.as_str()).collect();
    assert_eq!(
        events,
        [
            "user-update",
            "user-update",
            "user-grant",
            "user-revoke",
            "user-update"
        ]
    );
    assert_eq!(rows[1].0, "user:nora", "the self-update is nora's");

    let again = seed(&env, &["users.json"]);
    all_unchanged(&again);
    assert_eq!(
        counts(&again),
        expect(&[
            ("user-update", [0, 0, 3, 0]),
            ("user-grant", [0, 0, 1, 0]),
            ("user-revoke", [0, 0, 1, 0]),
        ])
    );
    assert_eq!(env.audit_len(), audit_before + 5);
}

#[test]
fn user_events_follow_the_rules_under_as() {
    let env = cast();
    let before = snapshot(&env);
    let mut refusals = String::new();
    for (text, code) in [
        (
            r##"[{"event": "user-update", "as": "mike", "data": {"user": "nora", "name": "N"}}]"##,
            77,
        ),
        (
            r##"[{"event": "user-update", "as": "mike", "data": {"user": "mike", "email": "m2@example.com"}}]"##,
            77,
        ),
        (
            r##"[{"event": "user-grant", "as": "mike", "data": {"user": "mike", "role": "admin"}}]"##,
            77,
        ),
        (
            r##"[{"event": "user-revoke", "as": "root", "data": {"user": "root", "role": "admin"}}]"##,
            77,
        ),
        (
            r##"[{"event": "user-grant", "data": {"user": "ghost", "role": "admin"}}]"##,
            67,
        ),
    ] {
        write(&env, "rule.json", text);
        let stderr = env.fails(code, &["--format", "table", "seed", "rule.json"]);
        refusals.push_str(&stderr);
        assert_eq!(snapshot(&env), before, "{text}");
    }
    insta::assert_snapshot!(refusals, @r#"
    error: rule.json:1:2: event 1 (user-update): permission denied: mike@example.com may not user-update: no role of theirs grants user-update
    hint: the global role admin grants user-update
    hint: `roster can mike@example.com user-update --record nora` explains the decision
    error: rule.json:1:2: event 1 (user-update): permission denied: mike@example.com may not user-update: changing an email, username, phone or type needs a global admin
    hint: a global admin can change them; the user may change name, image, tags and metadata
    hint: `roster can mike@example.com user-update --record mike@example.com` explains the decision
    error: rule.json:1:2: event 1 (user-grant): permission denied: mike@example.com may not user-grant: user-grant is never done to oneself
    hint: another global admin, or the operator (without --as), can do this
    hint: `roster can mike@example.com user-grant --record mike@example.com --role admin` explains the decision
    error: rule.json:1:2: event 1 (user-revoke): permission denied: root@example.com may not user-revoke: user-revoke is never done to oneself
    hint: another global admin, or the operator (without --as), can do this
    hint: `roster can root@example.com user-revoke --record root@example.com --role admin` explains the decision
    error: rule.json:1:2: event 1 (user-grant): user "ghost" does not exist
    hint: list users with `roster user list`
    "#);
}

#[test]
fn profile_update_from_a_seed() {
    let env = cast();
    env.ok(&[
        "profile",
        "update",
        "family",
        "--logo",
        "https://example.com/logo.png",
    ]);
    let text = r##"[
  {"event": "profile-update", "as": "alice", "data": {"profile": "family", "name": "The Family", "color": "#abc", "member_limit": 10, "metadata": {"plan": "pro"}}},
  {"event": "profile-update", "data": {"profile": "fam", "logo": ""}}
]"##;
    write(&env, "profiles.json", text);
    let audit_before = env.audit_len();
    let report = seed(&env, &["profiles.json"]);
    assert_eq!(counts(&report), expect(&[("profile-update", [0, 2, 0, 0])]));
    let p = env.json(&["profile", "show", "family"]);
    assert_eq!(p["name"], json!("The Family"));
    assert_eq!(p["color"], json!("#AABBCC"), "#abc is normalised");
    assert_eq!(p["member_limit"], json!(10));
    assert_eq!(p["metadata"], json!({"plan": "pro"}));
    assert_eq!(p["logo"], Value::Null, "'' removes the logo");
    assert_eq!(audit_rows(&env)[audit_before].0, "user:alice");

    all_unchanged(&seed(&env, &["profiles.json"]));
    assert_eq!(env.audit_len(), audit_before + 2);

    // A plain member may not update the profile; a limit below the member count is a
    // conflict.
    let before = snapshot(&env);
    write(
        &env,
        "member.json",
        r##"[{"event": "profile-update", "as": "mike", "data": {"profile": "family", "name": "Mine"}}]"##,
    );
    let stderr = env.fails(77, &["seed", "member.json"]);
    insta::assert_snapshot!(stderr, @"
    error: member.json:1:2: event 1 (profile-update): permission denied: mike@example.com may not profile-update in family: no role of theirs grants profile-update
    hint: the profile roles owner and admin, and the global role admin grant profile-update
    hint: `roster can mike@example.com profile-update family` explains the decision
    ");
    write(
        &env,
        "limit.json",
        r##"[{"event": "profile-update", "data": {"profile": "family", "member_limit": 2}}]"##,
    );
    let stderr = env.fails(68, &["seed", "limit.json"]);
    insta::assert_snapshot!(stderr, @"
    error: limit.json:1:2: event 1 (profile-update): profile family: member_limit 2 is below its 3 members
    hint: remove members first, or choose a higher limit
    ");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn member_role_and_member_remove_from_a_seed() {
    let env = cast();
    let text = r##"[
  {"event": "member-role", "as": "olive", "data": {"profile": "family", "user": "mike", "role": "admin"}},
  {"event": "member-remove", "as": "olive", "data": {"profile": "family", "user": "alice"}},
  {"event": "member-remove", "data": {"profile": "family", "users": ["nora@example.com"]}}
]"##;
    write(&env, "members.json", text);
    let report = seed(&env, &["members.json"]);
    assert_eq!(
        counts(&report),
        expect(&[
            ("member-role", [0, 1, 0, 0]),
            // nora is no member: nothing to remove.
            ("member-remove", [0, 0, 1, 1]),
        ])
    );
    assert_eq!(
        roles(&env, "family"),
        role_map(&[
            ("olive@example.com", "owner"),
            ("mike@example.com", "admin")
        ])
    );
    let audit = env.audit_len();
    let again = seed(&env, &["members.json"]);
    all_unchanged(&again);
    assert_eq!(
        counts(&again),
        expect(&[
            ("member-role", [0, 0, 1, 0]),
            ("member-remove", [0, 0, 2, 0])
        ])
    );
    assert_eq!(env.audit_len(), audit);

    // A member may remove themself.
    env.ok(&["member", "add", "family", "nora"]);
    write(
        &env,
        "leave.json",
        r##"[{"event": "member-remove", "as": "nora", "data": {"profile": "family", "user": "nora@example.com"}}]"##,
    );
    let report = seed(&env, &["leave.json"]);
    assert_eq!(counts(&report), expect(&[("member-remove", [0, 0, 0, 1])]));
    assert!(!roles(&env, "family").contains_key("nora@example.com"));

    // The last owner keeps the role (68); an admin may not touch an owner (77).
    let before = snapshot(&env);
    write(
        &env,
        "last.json",
        r##"[{"event": "member-role", "data": {"profile": "family", "user": "olive", "role": "member"}}]"##,
    );
    let stderr = env.fails(68, &["seed", "last.json"]);
    insta::assert_snapshot!(stderr, @"
    error: last.json:1:2: event 1 (member-role): changing the role: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER --keep-as member`
    ");
    write(
        &env,
        "owner.json",
        r##"[{"event": "member-remove", "as": "mike", "data": {"profile": "family", "user": "olive"}}]"##,
    );
    let stderr = env.fails(77, &["seed", "owner.json"]);
    insta::assert_snapshot!(stderr, @"
    error: owner.json:1:2: event 1 (member-remove): permission denied: mike@example.com may not member-remove in family: acting on a holder of the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can mike@example.com member-remove family --record olive` explains the decision
    ");
    write(
        &env,
        "notmember.json",
        r##"[{"event": "member-role", "data": {"profile": "family", "user": "nora", "role": "admin"}}]"##,
    );
    let stderr = env.fails(67, &["seed", "notmember.json"]);
    insta::assert_snapshot!(stderr, @"
    error: notmember.json:1:2: event 1 (member-role): user nora@example.com is not a member of profile family
    hint: list members with `roster member list family`
    ");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn invitations_are_sent_accepted_rejected_and_canceled_from_a_seed() {
    let env = cast();
    let text = r##"[
  {"event": "user-create", "data": {"id": "dan", "email": "dan@example.com", "name": "Dan"}},
  {"event": "user-create", "data": {"id": "eve", "email": "eve@example.com", "name": "Eve"}},
  {"event": "invite-send", "as": "alice", "data": {"id": "inv-dan", "profile": "family", "email": "DAN@example.com"}},
  {"event": "invite-send", "as": "alice", "data": {"id": "inv-eve", "profile": "family", "email": "eve@example.com", "expires_in": "7d"}},
  {"event": "invite-send", "as": "olive", "data": {"id": "inv-fay", "profile": "family", "email": "fay@example.com", "role": "admin"}},
  {"event": "invite-send", "data": {"profile": "family", "emails": ["gus@example.com", "hal@example.com"]}},
  {"event": "invite-accept", "as": "dan@example.com", "data": {"id": "inv-dan"}},
  {"event": "invite-reject", "as": "eve", "data": {"id": "inv-eve"}},
  {"event": "invite-cancel", "as": "alice", "data": {"id": "inv-fay"}}
]"##;
    write(&env, "invites.json", text);
    let report = seed(&env, &["invites.json"]);
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-create", [2, 0, 0, 0]),
            ("invite-send", [4, 0, 0, 0]),
            ("invite-accept", [0, 1, 0, 0]),
            ("invite-reject", [0, 1, 0, 0]),
            ("invite-cancel", [0, 1, 0, 0]),
        ])
    );
    let status = |id: &str| env.json(&["invite", "show", id])["status"].clone();
    assert_eq!(status("inv-dan"), json!("accepted"));
    assert_eq!(status("inv-eve"), json!("rejected"));
    assert_eq!(status("inv-fay"), json!("canceled"));
    assert_eq!(
        env.json(&["invite", "show", "inv-dan"])["email"],
        json!("dan@example.com")
    );
    assert_eq!(
        env.json(&["invite", "show", "inv-fay"])["role"],
        json!("admin")
    );
    let pending = env.json(&["invite", "list", "family", "--status", "pending"]);
    let mut pending: Vec<&str> = pending
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["email"].as_str().unwrap())
        .collect();
    pending.sort();
    assert_eq!(pending, ["gus@example.com", "hal@example.com"]);
    assert_eq!(
        roles(&env, "family").get("dan@example.com"),
        Some(&"member".to_string())
    );
    assert!(!roles(&env, "family").contains_key("eve@example.com"));

    let audit = env.audit_len();
    let again = seed(&env, &["invites.json"]);
    all_unchanged(&again);
    assert_eq!(
        counts(&again)["invite-send"],
        [0, 0, 4, 0],
        "invitations sent before stand, whatever became of them"
    );
    assert_eq!(env.audit_len(), audit);
}

#[test]
fn answering_an_invitation_is_for_the_invitee_only() {
    let env = cast();
    write(
        &env,
        "send.json",
        r##"[{"event": "invite-send", "data": {"id": "inv-dan", "profile": "family", "email": "dan@example.com"}},
            {"event": "user-create", "data": {"id": "dan", "email": "dan@example.com", "name": "Dan"}}]"##,
    );
    seed(&env, &["send.json"]);
    let before = snapshot(&env);
    let mut refusals = String::new();
    for (event, as_, code) in [
        ("invite-accept", None, 77),
        ("invite-accept", Some("nora"), 77),
        ("invite-reject", Some("mike"), 77),
        ("invite-cancel", Some("mike"), 77),
        ("invite-accept", Some("dan"), 0),
    ] {
        let as_field = as_.map_or(String::new(), |a| format!("\"as\": \"{a}\", "));
        let text = format!(
            "[{{\"event\": \"invite-send\", \"data\": {{\"profile\": \"family\", \"email\": \"zoe@example.com\"}}}},\n {{\"event\": \"{event}\", {as_field}\"data\": {{\"id\": \"inv-dan\"}}}}]"
        );
        write(&env, "answer.json", &text);
        if code == 0 {
            let report = seed(&env, &["answer.json"]);
            assert_eq!(counts(&report)["invite-accept"], [0, 1, 0, 0]);
            continue;
        }
        let stderr = env.fails(code, &["--format", "table", "seed", "answer.json"]);
        refusals.push_str(&stderr);
        assert_eq!(snapshot(&env), before, "{event} as {as_:?}");
    }
    insta::assert_snapshot!(refusals, @"
    error: answer.json:2:2: event 2 (invite-accept): permission denied: operator:tester may not invite-accept: only the invitee may answer an invitation
    hint: name the invitee: `roster --as EMAIL invite accept ID`
    hint: `roster can USER invite-accept` explains the decision
    error: answer.json:2:2: event 2 (invite-accept): permission denied: nora@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can nora@example.com invite-accept --record inv-dan` explains the decision
    error: answer.json:2:2: event 2 (invite-reject): permission denied: mike@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can mike@example.com invite-reject --record inv-dan` explains the decision
    error: answer.json:2:2: event 2 (invite-cancel): permission denied: mike@example.com may not invite-cancel: no role of theirs grants invite-cancel
    hint: the profile roles owner and admin, and the global role admin grant invite-cancel
    hint: `roster can mike@example.com invite-cancel --record inv-dan` explains the decision
    ");
    // A missing invitation is 67.
    write(
        &env,
        "missing.json",
        r##"[{"event": "invite-cancel", "data": {"id": "no-such-invite"}}]"##,
    );
    let stderr = env.fails(67, &["seed", "missing.json"]);
    insta::assert_snapshot!(stderr, @r#"error: missing.json:1:2: event 1 (invite-cancel): invitation "no-such-invite" does not exist"#);
}

#[test]
fn media_add_and_remove_from_a_seed() {
    let env = cast();
    let text = r##"[
  {"event": "media-add", "as": "mike", "data": {"id": "bluey", "profile": "family", "type": "show", "title": "Bluey", "year": 2018, "tmdb_id": 82728}},
  {"event": "media-add", "as": "mike", "data": {"profile": "family", "type": "episode", "title": "Magic Xylophone", "parent": "bluey", "season": 1, "episode": 1}},
  {"event": "media-add", "data": {"id": "up", "profile": "fam", "type": "movie", "title": "Up", "year": 2009, "imdb_id": "tt1049413", "infohash": "ABCDEF0123456789ABCDEF0123456789ABCDEF01", "path": "/media/Up (2009).mkv"}}
]"##;
    write(&env, "media.json", text);
    let report = seed(&env, &["media.json"]);
    assert_eq!(counts(&report), expect(&[("media-add", [3, 0, 0, 0])]));
    let items = env.json(&["media", "list", "family"])["items"].clone();
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 3, "{items:?}");
    let by_title = |t: &str| {
        items
            .iter()
            .find(|i| i["title"] == json!(t))
            .unwrap_or_else(|| panic!("{t} not in {items:?}"))
            .clone()
    };
    let episode = by_title("Magic Xylophone");
    assert_eq!(episode["type"], json!("episode"));
    assert_eq!(episode["parent_id"], json!("bluey"));
    assert_eq!(episode["season_number"], json!(1));
    assert_eq!(episode["episode_number"], json!(1));
    assert_eq!(episode["added_by"], json!("mike"));
    let up = by_title("Up");
    assert_eq!(up["id"], json!("up"));
    assert_eq!(
        up["infohash"],
        json!("abcdef0123456789abcdef0123456789abcdef01")
    );
    assert_eq!(up["file_path"], json!("/media/Up (2009).mkv"));
    assert_eq!(up["added_by"], Value::Null, "added by the operator");
    assert_eq!(by_title("Bluey")["tmdb_id"], json!(82728));

    // Again: every item is recognised (by id, or by its natural key).
    all_unchanged(&seed(&env, &["media.json"]));
    assert_eq!(
        env.json(&["media", "list", "family"])["items"],
        json!(items)
    );

    // Removing the show (mike added it and its episode) takes the episode with it.
    write(
        &env,
        "remove.json",
        r##"[{"event": "media-remove", "as": "mike", "data": {"profile": "family", "id": "bluey"}},
            {"event": "media-remove", "data": {"profile": "family", "id": "never-was"}}]"##,
    );
    let report = seed(&env, &["remove.json"]);
    assert_eq!(counts(&report), expect(&[("media-remove", [0, 0, 1, 1])]));
    let left = env.json(&["media", "list", "family"])["items"].clone();
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["id"], json!("up"));
    all_unchanged(&seed(&env, &["remove.json"]));

    // Rules: an outsider may not add; a member may not remove another's item; an
    // episode's parent must exist in the same profile.
    let before = snapshot(&env);
    let mut refusals = String::new();
    for (text, code) in [
        (
            r##"[{"event": "media-add", "as": "nora", "data": {"profile": "family", "type": "movie", "title": "Cars"}}]"##,
            77,
        ),
        (
            r##"[{"event": "media-remove", "as": "mike", "data": {"profile": "family", "id": "up"}}]"##,
            77,
        ),
        (
            r##"[{"event": "media-add", "data": {"profile": "family", "type": "episode", "title": "E", "parent": "bluey", "episode": 1}}]"##,
            67,
        ),
        (
            r##"[{"event": "media-add", "data": {"profile": "family", "type": "episode", "title": "E", "parent": "up", "episode": 1}}]"##,
            65,
        ),
    ] {
        write(&env, "rule.json", text);
        let stderr = env.fails(code, &["--format", "table", "seed", "rule.json"]);
        refusals.push_str(&stderr);
        assert_eq!(snapshot(&env), before, "{text}");
    }
    insta::assert_snapshot!(refusals, @r#"
    error: rule.json:1:2: event 1 (media-add): permission denied: nora@example.com may not media-add in family: no role of theirs grants media-add
    hint: the profile roles owner, admin and member, and the global role admin grant media-add
    hint: `roster can nora@example.com media-add family` explains the decision
    error: rule.json:1:2: event 1 (media-remove): permission denied: mike@example.com may not media-remove: profile role member (media-remove:own) grants it on media they added only, and this is not
    hint: the profile roles owner and admin, and the global role admin grant media-remove
    hint: `roster can mike@example.com media-remove --record up` explains the decision
    error: rule.json:1:2: event 1 (media-add): parent "bluey": no media item with that id in profile family
    hint: list the profile's shows with `roster media list family --type show`
    error: rule.json:1:2: event 1 (media-add): parent "up": is movie "Up" (2009); an episode's parent must be a show
    hint: list the profile's shows with `roster media list family --type show`
    "#);
}

#[test]
fn an_episodes_parent_is_checked_whenever_it_is_set_or_changed() {
    // A re-run does not read an episode's show again (the parent it has was checked when
    // it was set); a parent that changes is checked as a new one is.
    let env = cast();
    let shows = r##"[
  {"event": "media-add", "data": {"id": "bluey", "profile": "family", "type": "show", "title": "Bluey"}},
  {"event": "media-add", "data": {"id": "cosmos", "profile": "family", "type": "show", "title": "Cosmos"}},
  {"event": "media-add", "data": {"id": "up", "profile": "family", "type": "movie", "title": "Up"}},
  {"event": "profile-create", "data": {"id": "oth", "slug": "other", "name": "Other"}},
  {"event": "media-add", "data": {"id": "far", "profile": "other", "type": "show", "title": "Far"}}
]"##;
    write(&env, "shows.json", shows);
    seed(&env, &["shows.json"]);
    let episode = |parent: &str| {
        format!(
            r##"[{{"event": "media-add", "data": {{"id": "e1", "profile": "family", "type": "episode", "title": "E1", "parent": "{parent}", "episode": 1}}}}]"##
        )
    };
    write(&env, "e.json", &episode("bluey"));
    let report = seed(&env, &["e.json"]);
    assert_eq!(counts(&report), expect(&[("media-add", [1, 0, 0, 0])]));
    all_unchanged(&seed(&env, &["e.json"]));
    let before = snapshot(&env);
    let mut refusals = String::new();
    for (parent, code) in [("up", 65), ("nope", 67), ("far", 67)] {
        write(&env, "e.json", &episode(parent));
        refusals.push_str(&env.fails(code, &["--format", "table", "seed", "e.json"]));
        assert_eq!(snapshot(&env), before, "{parent}");
    }
    insta::assert_snapshot!(refusals, @r#"
    error: e.json:1:2: event 1 (media-add): parent "up": is movie "Up"; an episode's parent must be a show
    hint: list the profile's shows with `roster media list family --type show`
    error: e.json:1:2: event 1 (media-add): parent "nope": no media item with that id in profile family
    hint: list the profile's shows with `roster media list family --type show`
    error: e.json:1:2: event 1 (media-add): parent "far": no media item with that id in profile family
    hint: far belongs to another profile (id oth); a parent must be in the same profile
    hint: list the profile's shows with `roster media list family --type show`
    "#);
    write(&env, "e.json", &episode("cosmos"));
    let report = seed(&env, &["e.json"]);
    assert_eq!(counts(&report), expect(&[("media-add", [0, 1, 0, 0])]));
    assert_eq!(
        env.json(&["media", "show", "e1"])["parent_id"],
        json!("cosmos")
    );
    all_unchanged(&seed(&env, &["e.json"]));
}

#[test]
fn as_applies_an_event_as_that_user_under_the_rules() {
    let env = cast();
    // Allowed: the owner adds a member; the audit names the user.
    write(
        &env,
        "ok.json",
        r##"[{"event": "member-add", "as": "olive@example.com", "data": {"profile": "family", "user": "nora"}}]"##,
    );
    seed(&env, &["ok.json"]);
    let last = audit_rows(&env).pop().unwrap();
    assert_eq!(
        last,
        (
            "user:olive".into(),
            "member-add".into(),
            "seed:ok.json".into()
        )
    );

    // Refused: a plain member adds an owner. The earlier events of the same seed are not
    // written either.
    let before = snapshot(&env);
    let text = "[\n  {\"event\": \"profile-create\", \"data\": {\"name\": \"Other\"}},\n  {\"event\": \"user-create\", \"data\": {\"email\": \"new@example.com\", \"name\": \"New\"}},\n  {\"event\": \"member-add\", \"as\": \"mike\", \"data\": {\"profile\": \"family\", \"user\": \"new@example.com\", \"role\": \"owner\"}}\n]";
    write(&env, "refused.json", text);
    let stderr = env.fails(77, &["seed", "refused.json"]);
    assert!(
        stderr.contains(&format!(
            "refused.json:{}: event 3 (member-add): permission denied",
            pos(text, 4, "{")
        )),
        "{stderr}"
    );
    insta::assert_snapshot!(stderr, @"
    error: refused.json:4:3: event 3 (member-add): permission denied: mike@example.com may not member-add in family: no role of theirs grants member-add
    hint: the profile roles owner and admin, and the global role admin grant member-add
    hint: `roster can mike@example.com member-add family` explains the decision
    ");
    assert_eq!(snapshot(&env), before);

    // `as` a user who does not exist (67), or who is disabled (77).
    write(
        &env,
        "ghost.json",
        r##"[{"event": "member-add", "as": "ghost@example.com", "data": {"profile": "family", "user": "nora"}}]"##,
    );
    let stderr = env.fails(67, &["seed", "ghost.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: ghost.json:1:2: event 1 (member-add): --as: user "ghost@example.com" does not exist
    hint: list users with `roster user list`
    "#);
    env.ok(&["user", "disable", "alice"]);
    let before = snapshot(&env);
    write(
        &env,
        "disabled.json",
        r##"[{"event": "member-add", "as": "alice", "data": {"profile": "family", "user": "root"}}]"##,
    );
    let stderr = env.fails(77, &["seed", "disabled.json"]);
    insta::assert_snapshot!(stderr, @"
    error: disabled.json:1:2: event 1 (member-add): user alice@example.com is disabled and cannot act
    hint: a global admin can run `roster user enable alice@example.com`
    ");
    assert_eq!(snapshot(&env), before);
}

#[test]
fn the_global_as_flag_applies_to_a_seed() {
    let env = cast();
    let before = snapshot(&env);
    write(
        &env,
        "profile.json",
        r##"[{"event": "profile-create", "data": {"name": "Sneaky"}}]"##,
    );
    // mike is no global admin: the seed runs as mike, as any other command would.
    let stderr = env.fails(77, &["--as", "mike", "seed", "profile.json"]);
    insta::assert_snapshot!(stderr, @"
    error: profile.json:1:2: event 1 (profile-create): permission denied: mike@example.com may not profile-create: no role of theirs grants profile-create
    hint: the global role admin grants profile-create
    hint: `roster can mike@example.com profile-create` explains the decision
    ");
    let out = env
        .cmd()
        .env("ROSTER_AS", "mike@example.com")
        .args(["seed", "profile.json"])
        .output()
        .expect("run roster");
    assert_eq!(out.status.code(), Some(77), "ROSTER_AS counts as --as");
    let stderr = env.fails(67, &["--as", "ghost@example.com", "seed", "profile.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: --as: user "ghost@example.com" does not exist
    hint: list users with `roster user list`
    "#);
    // An event may not act as someone else than the user the seed runs as.
    write(
        &env,
        "switch.json",
        r##"[{"event": "profile-update", "as": "olive", "data": {"profile": "family", "name": "Mine"}}]"##,
    );
    let stderr = env.fails(77, &["--as", "mike", "seed", "switch.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: switch.json:1:2: event 1 (profile-update): permission denied: acting as "olive" in a seed run as mike@example.com
    hint: only the operator (without --as) may apply events as other users
    "#);
    assert_eq!(snapshot(&env), before);

    // A global admin may; the audit names the user, and an event "as" that same user is
    // fine.
    write(
        &env,
        "admin.json",
        r##"[{"event": "profile-create", "data": {"name": "Root Club"}},
            {"event": "profile-update", "as": "root@example.com", "data": {"profile": "root-club", "color": "#123"}}]"##,
    );
    let out = env.ok(&["--json", "--as", "root", "seed", "admin.json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        counts(&report),
        expect(&[
            ("profile-create", [1, 0, 0, 0]),
            ("profile-update", [0, 1, 0, 0])
        ])
    );
    let rows = audit_rows(&env);
    let mine: Vec<_> = rows.iter().rev().take(3).collect();
    assert!(
        mine.iter().all(|(actor, _, _)| actor == "user:root"),
        "{mine:?}"
    );
    // A global admin user who creates a profile becomes its owner, as with the command.
    assert_eq!(
        roles(&env, "root-club"),
        role_map(&[("root@example.com", "owner")])
    );
}

// ---------------------------------------------------------------------------------------
// Validation first

#[test]
fn every_shape_error_is_reported_at_once_and_nothing_is_written() {
    let env = Env::new();
    let text = r##"{"version": 1, "events": [
  {"event": "user-create", "data": {"email": "ok@example.com", "name": "Zoë Good"}},
  {"event": "user-craete", "data": {"email": "a@example.com", "name": "A"}},
  {"event": "user-create", "data": {"name": "Zoë B", "emial": "b@example.com", "email": "b2@example.com"}},
  {"event": "profile-create", "data": {"name": "F", "member_limit": "ten"}},
  {"event": "user-create", "data": {"email": "not-an-email", "name": "C"}},
  {"event": "profile-create", "data": {"name": "Gée", "color": "blue"}},
  {"event": "user-create", "data": {"email": "d@example.com", "name": "D", "password": "${env:ROSTER_TEST_UNSET_VAR}"}},
  {"event": "member-add", "data": {"profile": "g", "user": "d@example.com", "rolle": "admin"}}
]}
"##;
    write(&env, "bad.json", text);
    let stderr = env.fails(65, &["seed", "bad.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 7 errors; nothing was written
      bad.json:3:13: event 2: unknown event "user-craete"; did you mean "user-create"?
      bad.json:4:54: event 3 (user-create): unknown field "emial"; did you mean "email"?
      bad.json:5:69: event 4 (profile-create): member_limit: expected an integer, found a string
      bad.json:6:46: event 5 (user-create): email "not-an-email": has no '@' (hint: an email looks like name@example.com)
      bad.json:7:64: event 6 (profile-create): color "blue": is not a colour like #6366F1 or #abc
      bad.json:8:88: event 7 (user-create): password: environment variable ROSTER_TEST_UNSET_VAR is not set (write ${env:ROSTER_TEST_UNSET_VAR:-default} to give a default)
      bad.json:9:77: event 8 (member-add): unknown field "rolle"; did you mean "role"?
    "#);
    let expected = [
        format!(
            "bad.json:{}: event 2: unknown event \"user-craete\"; did you mean \"user-create\"?",
            pos(text, 3, "\"user-craete\"")
        ),
        format!(
            "bad.json:{}: event 3 (user-create): unknown field \"emial\"; did you mean \"email\"?",
            pos(text, 4, "\"emial\"")
        ),
        format!(
            "bad.json:{}: event 4 (profile-create): member_limit: expected an integer, found a string",
            pos(text, 5, "\"ten\"")
        ),
        format!(
            "bad.json:{}: event 5 (user-create): email \"not-an-email\"",
            pos(text, 6, "\"not-an-email\"")
        ),
        format!(
            "bad.json:{}: event 6 (profile-create): color \"blue\"",
            pos(text, 7, "\"blue\"")
        ),
        format!(
            "bad.json:{}: event 7 (user-create): password: environment variable ROSTER_TEST_UNSET_VAR is not set",
            pos(text, 8, "\"${env:")
        ),
        format!(
            "bad.json:{}: event 8 (member-add): unknown field \"rolle\"; did you mean \"role\"?",
            pos(text, 9, "\"rolle\"")
        ),
    ];
    // Every error, in file order, one per line.
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("  bad.json:"))
        .collect();
    assert_eq!(lines.len(), expected.len(), "{stderr}");
    for (line, want) in lines.iter().zip(&expected) {
        assert!(line.contains(want.as_str()), "want {want}\ngot  {line}");
    }
    // Nothing was written; not even the database file was created.
    assert!(
        !database_exists(&env),
        "a seed with shape errors creates no database"
    );
    assert_eq!(user_count(&env), 0);
    // With --format json the same message is a JSON error object on stderr.
    let stderr = env.fails(65, &["--json", "seed", "bad.json"]);
    let last = stderr.lines().last().unwrap();
    let e: Value = serde_json::from_str(last).expect("JSON error");
    assert_eq!(e["error"]["code"], json!(65));
    assert_eq!(e["error"]["kind"], json!("invalid"));
    assert!(
        e["error"]["message"]
            .as_str()
            .unwrap()
            .contains(expected[0].as_str())
    );
}

#[test]
fn shape_errors_leave_an_existing_database_as_it_was() {
    let env = cast();
    let before = snapshot(&env);
    write(
        &env,
        "bad.json",
        r##"[{"event": "member-add", "data": {"profile": "family", "user": "nora"}},
            {"event": "member-add", "data": {"profile": "family", "user": "root", "role": "Boss!"}}]"##,
    );
    let stderr = env.fails(65, &["seed", "bad.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 1 error; nothing was written
      bad.json:2:91: event 2 (member-add): role "Boss!": a role name is a letter, then up to 31 letters, digits, '-' or '_' (owner, admin, member, or a role defined with role-create)
    "#);
    assert_eq!(snapshot(&env), before);
}

#[test]
fn missing_required_fields_and_bad_event_shapes_are_named() {
    let env = Env::new();
    let text = "[\n  {\"data\": {}},\n  {\"event\": 3},\n  {\"event\": \"member-add\", \"data\": {\"profile\": \"x\"}},\n  {\"event\": \"user-grant\", \"data\": []},\n  {\"event\": \"profile-create\", \"data\": {\"name\": \"X\"}, \"az\": \"root\"}\n]";
    write(&env, "shapes.json", text);
    let stderr = env.fails(65, &["seed", "shapes.json"]);
    for want in [
        format!(
            "shapes.json:{}: event 1: event: required",
            pos(text, 2, "{")
        ),
        format!(
            "shapes.json:{}: event 2: event: expected the event name as a string",
            pos(text, 3, "3")
        ),
        format!(
            "shapes.json:{}: event 3 (member-add): user: required",
            pos(text, 4, "{")
        ),
        format!(
            "shapes.json:{}: event 4 (user-grant): data: expected an object",
            pos(text, 5, "[")
        ),
        format!(
            "shapes.json:{}: event 5 (profile-create): unknown key \"az\" in the event",
            pos(text, 6, "\"az\"")
        ),
    ] {
        assert!(stderr.contains(&want), "want {want}\n{stderr}");
    }
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 7 errors; nothing was written
      shapes.json:2:3: event 1: event: required (such as "user-create")
      shapes.json:3:13: event 2: event: expected the event name as a string
      shapes.json:4:3: event 3 (member-add): user: required (or users, an array)
      shapes.json:5:35: event 4 (user-grant): data: expected an object
      shapes.json:5:3: event 4 (user-grant): user: required
      shapes.json:5:3: event 4 (user-grant): roles: at least one role is required
      shapes.json:6:54: event 5 (profile-create): unknown key "az" in the event (expected "event", "data" and "as"); did you mean "as"?
    "#);
    assert!(!database_exists(&env));
}

#[test]
fn syntax_errors_name_their_position() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "[\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@example.com\", \"name\": \"A\",}}\n]\n",
            "2:75",
            "expected a quoted key, found '}'",
        ),
        (
            "{\"version\": 1, \"events\": [\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@example.com\", \"name\": \"A\"}},\n]}\n",
            "3:1",
            "expected an event object, found ']'",
        ),
        (
            "[\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@example.com\", \"name\": \"A",
            "2:71",
            "a string that starts here never ends",
        ),
        (
            "[\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@example.com\", \"name\": \"A\n\"}}\n]",
            "2:71",
            "line break",
        ),
        (
            "[\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@example.com\", \"active\": tru}}\n]",
            "2:",
            "invalid JSON",
        ),
        ("[]\nx\n", "2:1", "unexpected 'x' after the end of the seed"),
        ("", "1:1", "the file is empty"),
        ("\"events\"", "1:1", "expected a seed document"),
        (
            "{\"version\": 2, \"events\": []}",
            "1:13",
            "version: 2 is not supported",
        ),
    ];
    let env = Env::new();
    let mut refusals = String::new();
    for (text, at, what) in cases {
        write(&env, "syntax.json", text);
        let stderr = env.fails(65, &["--format", "table", "seed", "syntax.json"]);
        assert!(
            stderr.contains(&format!("syntax.json:{at}")),
            "{text:?}: want syntax.json:{at}\n{stderr}"
        );
        assert!(stderr.contains(what), "{text:?}: want {what}\n{stderr}");
        assert!(!database_exists(&env), "{text:?} created a database");
        refusals.push_str(&stderr);
    }
    insta::assert_snapshot!(refusals, @r#"
    error: the seed has 1 error; nothing was written
      syntax.json:2:75: event 1: expected a quoted key, found '}'
    error: the seed has 1 error; nothing was written
      syntax.json:3:1: event 2: expected an event object, found ']'
    error: the seed has 1 error; nothing was written
      syntax.json:2:71: event 1: name: a string that starts here never ends
    error: the seed has 1 error; nothing was written
      syntax.json:2:71: event 1: name: a string that starts here has a line break in it (write \n)
    error: the seed has 1 error; nothing was written
      syntax.json:2:75: event 1: active: invalid JSON: EOF while parsing a value
    error: the seed has 1 error; nothing was written
      syntax.json:2:1: event 1: unexpected 'x' after the end of the seed
    error: the seed has 1 error; nothing was written
      syntax.json:1:1: event 1: the file is empty
    error: the seed has 1 error; nothing was written
      syntax.json:1:1: event 1: expected a seed document '{"version": 1, "events": [...]}' or an array of events, found '"'
    error: the seed has 1 error; nothing was written
      syntax.json:1:13: version: 2 is not supported (this roster reads version 1)
    "#);
}

#[test]
fn a_long_list_of_errors_is_cut_short_with_a_count() {
    let env = Env::new();
    let mut text = String::from("[\n");
    for i in 0..250 {
        if i > 0 {
            text.push_str(",\n");
        }
        text.push_str(
            "{\"event\": \"user-create\", \"data\": {\"email\": \"bad\", \"name\": \"X\"}}",
        );
    }
    text.push_str("\n]");
    write(&env, "many.json", &text);
    let stderr = env.fails(65, &["seed", "many.json"]);
    assert!(stderr.contains("the seed has 250 errors"), "{stderr}");
    assert!(stderr.contains("… and 50 more"), "{stderr}");
    assert!(
        stderr.contains("many.json:201:"),
        "the 200th is on line 201: {stderr}"
    );
    assert!(!stderr.contains("many.json:202:"), "{stderr}");
}

// ---------------------------------------------------------------------------------------
// Atomicity

#[test]
fn any_failure_leaves_the_database_exactly_as_it_was() {
    let env = Env::new();
    demo(&env);
    seed(&env, &[]);
    write(&env, "cast.json", CAST);
    seed(&env, &["cast.json"]);
    env.global_roles(&["editor"]);
    let before = snapshot(&env);
    // Many changes of every kind, then one event that fails.
    let changes = r##"
  {"event": "user-create", "data": {"id": "new", "email": "new@example.com", "name": "New", "password": "a-new-password"}},
  {"event": "user-update", "data": {"user": "mike", "name": "Changed", "tags": ["t"]}},
  {"event": "user-grant", "data": {"user": "mike", "role": "editor"}},
  {"event": "profile-create", "data": {"name": "Fresh", "color": "#111"}},
  {"event": "profile-update", "data": {"profile": "family", "name": "Changed"}},
  {"event": "member-add", "data": {"profile": "fresh", "user": "new", "role": "owner"}},
  {"event": "member-role", "data": {"profile": "family", "user": "mike", "role": "admin"}},
  {"event": "member-remove", "data": {"profile": "family", "user": "alice"}},
  {"event": "invite-send", "data": {"id": "inv-x", "profile": "family", "email": "x@example.com"}},
  {"event": "invite-cancel", "data": {"id": "inv-x"}},
  {"event": "media-add", "data": {"id": "m1", "profile": "fresh", "type": "movie", "title": "M", "year": 2000}},
  {"event": "media-remove", "data": {"profile": "fresh", "id": "m1"}},"##;
    for (last, code) in [
        (
            r##"{"event": "member-add", "data": {"profile": "family", "user": "ghost"}}"##,
            67,
        ),
        (
            r##"{"event": "member-add", "data": {"profile": "fresh", "user": "new"}}"##,
            68,
        ),
        (
            r##"{"event": "profile-create", "as": "mike", "data": {"name": "Nope"}}"##,
            77,
        ),
        (
            r##"{"event": "invite-accept", "as": "nora", "data": {"id": "inv-x"}}"##,
            77,
        ),
    ] {
        let text = format!("[{changes}\n  {last}\n]");
        write(&env, "fails.json", &text);
        let stderr = env.fails(code, &["seed", "fails.json"]);
        assert!(
            stderr.contains("fails.json:14:3: event 13 ("),
            "{last}: {stderr}"
        );
        assert_eq!(snapshot(&env), before, "{last}");
        // --dry-run and --check stop the same way.
        env.fails(code, &["seed", "--dry-run", "fails.json"]);
        env.fails(code, &["seed", "--check", "fails.json"]);
        assert_eq!(snapshot(&env), before, "{last}");
    }
    env.ok(&["audit", "verify"]);
}

// ---------------------------------------------------------------------------------------
// Idempotency

#[test]
fn the_demo_seed_applied_twice_changes_nothing_the_second_time() {
    let env = Env::new();
    demo(&env);
    let first = seed(&env, &[]);
    assert_eq!(first["changed"], json!(true));
    let events = first["events"].as_u64().unwrap();
    assert!(events > 10, "the demo has a realistic size: {first}");
    let after_one = snapshot(&env);
    assert!(after_one.1 as u64 >= events, "{first}");

    let second = seed(&env, &[]);
    all_unchanged(&second);
    assert_eq!(second["events"], json!(events));
    let unchanged: u64 = counts(&second).values().map(|c| c[2]).sum();
    assert_eq!(unchanged, events, "every event reported unchanged");
    assert_eq!(
        snapshot(&env),
        after_one,
        "export and audit count unchanged"
    );
    env.ok(&["seed", "--check"]);
    env.ok(&["audit", "verify"]);
}

#[test]
fn an_event_whose_target_has_other_values_is_updated() {
    let env = Env::new();
    let one = r##"[
  {"event": "user-create", "data": {"id": "ann", "email": "ann@example.com", "name": "Ann", "tags": ["a"]}},
  {"event": "profile-create", "data": {"name": "Family", "slug": "family", "color": "#6366f1"}},
  {"event": "member-add", "data": {"profile": "family", "user": "ann", "role": "member"}},
  {"event": "media-add", "data": {"profile": "family", "type": "movie", "title": "Heat", "tmdb_id": 949}}
]"##;
    write(&env, "one.json", one);
    seed(&env, &["one.json"]);
    let audit = env.audit_len();
    let two = one
        .replace("\"Family\"", "\"The Family\"")
        .replace("[\"a\"]", "[\"a\", \"b\"]")
        .replace("\"role\": \"member\"", "\"role\": \"owner\"")
        .replace("\"tmdb_id\": 949", "\"tmdb_id\": 949, \"year\": 1995");
    write(&env, "two.json", &two);
    let report = seed(&env, &["two.json"]);
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-create", [0, 1, 0, 0]),
            ("profile-create", [0, 1, 0, 0]),
            ("member-add", [0, 1, 0, 0]),
            ("media-add", [0, 1, 0, 0]),
        ])
    );
    assert_eq!(env.audit_len(), audit + 4, "one audit row per change");
    let events: Vec<String> = audit_rows(&env)[audit..]
        .iter()
        .map(|r| r.1.clone())
        .collect();
    assert_eq!(
        events,
        [
            "user-update",
            "profile-update",
            "member-role",
            "media-update"
        ]
    );
    assert_eq!(
        env.json(&["profile", "show", "family"])["name"],
        json!("The Family")
    );
    assert_eq!(
        env.json(&["user", "show", "ann"])["tags"],
        json!(["a", "b"])
    );
    assert_eq!(
        roles(&env, "family"),
        role_map(&[("ann@example.com", "owner")])
    );
    let items = env.json(&["media", "list", "family"])["items"].clone();
    assert_eq!(items.as_array().unwrap().len(), 1, "the same item: {items}");
    assert_eq!(items[0]["year"], json!(1995));
    all_unchanged(&seed(&env, &["two.json"]));
    assert_eq!(env.audit_len(), audit + 4);
}

fn password_row(env: &Env, id: &str) -> (Option<String>, String) {
    let id = id.replace('\'', "''");
    let updated_at = env.sql_value(&format!("SELECT updated_at FROM users WHERE id = '{id}'"));
    assert!(!updated_at.is_empty(), "no user row {id}");
    let hash = env.sql_value(&format!(
        "SELECT password_hash FROM users WHERE id = '{id}'"
    ));
    ((!hash.is_empty()).then_some(hash), updated_at)
}

#[test]
fn a_plain_password_seed_run_again_keeps_the_hash() {
    let env = Env::new();
    let text = r##"[{"event": "user-create", "data": {"id": "ann", "email": "ann@example.com", "name": "Ann", "password": "correct-horse-battery"}}]"##;
    write(&env, "pw.json", text);
    seed(&env, &["pw.json"]);
    let (hash, updated_at) = password_row(&env, "ann");
    let hash = hash.expect("a hash was stored");
    assert!(hash.starts_with("$argon2id$"), "{hash}");
    assert!(!hash.contains("correct-horse-battery"));
    let audit = env.audit_len();
    let audit_text = env.ok(&["audit"]);
    assert!(!audit_text.contains("correct-horse"), "{audit_text}");
    assert!(!audit_text.contains("$argon2id$"), "{audit_text}");

    let again = seed(&env, &["pw.json"]);
    assert_eq!(counts(&again), expect(&[("user-create", [0, 0, 1, 0])]));
    assert_eq!(password_row(&env, "ann"), (Some(hash.clone()), updated_at));
    assert_eq!(env.audit_len(), audit);

    // The password works: the user can change it with the current one.
    env.ok_with(
        &["--as", "ann", "user", "passwd", "ann", "--password-stdin"],
        "correct-horse-battery\nanother-password\n",
    );
    // Now the seed's password no longer matches: it is hashed and written again.
    let changed = seed(&env, &["pw.json"]);
    assert_eq!(counts(&changed), expect(&[("user-create", [0, 1, 0, 0])]));
    let (rehash, _) = password_row(&env, "ann");
    let rehash = rehash.unwrap();
    assert_ne!(rehash, hash, "a fresh salt");
    env.ok_with(
        &["--as", "ann", "user", "passwd", "ann", "--password-stdin"],
        "correct-horse-battery\nthird-password\n",
    );
}

// ---------------------------------------------------------------------------------------
// ${env:…}

#[test]
fn env_references_read_the_environment() {
    let env = Env::new();
    let text = r##"[
  {"event": "user-create", "data": {"id": "ann", "email": "${env:ANN_EMAIL}", "name": "Ann ${env:ANN_LAST:-Default}", "password": "${env:ANN_PW}", "metadata": {"team": "${env:TEAM:-blue}"}}},
  {"event": "profile-create", "as": "${env:ACTOR:-ann@example.com}", "data": {"name": "${env:PROFILE_NAME:-Club}"}}
]"##;
    write(&env, "env.json", text);
    let run = |vars: &[(&str, &str)]| {
        let mut c = env.cmd();
        c.args(["--json", "seed", "env.json"]);
        for (k, v) in vars {
            c.env(k, v);
        }
        c.output().expect("run roster")
    };
    // Unset without a default: 65 naming the variable and the field; the others (with
    // defaults) are fine.
    let out = run(&[("ANN_PW", "a-secret-password")]);
    assert_eq!(out.status.code(), Some(65));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "env.json:{}: event 1 (user-create): email: environment variable ANN_EMAIL is not set",
            pos(text, 2, "\"${env:ANN_EMAIL}\"")
        )),
        "{stderr}"
    );
    assert!(stderr.contains("${env:ANN_EMAIL:-default}"), "{stderr}");
    assert!(
        stderr.contains("the seed has 1 error;"),
        "the placeholder is not reported again as a bad email: {stderr}"
    );
    assert!(!stderr.contains("ANN_PW"), "{stderr}");
    assert_eq!(user_count(&env), 0);

    let out = run(&[
        ("ANN_EMAIL", "Ann@Example.com"),
        ("ANN_PW", "a-secret-password"),
        ("TEAM", "red"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ann = env.json(&["user", "show", "ann"]);
    assert_eq!(ann["email"], json!("ann@example.com"));
    assert_eq!(ann["name"], json!("Ann Default"), "the default");
    assert_eq!(ann["metadata"], json!({"team": "red"}), "the variable");
    assert_eq!(ann["has_password"], json!(true));
    // `as` is substituted too: ann created the profile, so she owns it.
    assert_eq!(
        roles(&env, "club"),
        role_map(&[("ann@example.com", "owner")])
    );
    // The secret is not in the file, the audit or the export.
    for text in [env.ok(&["audit"]), env.ok(&["export", "--with-secrets"])] {
        assert!(!text.contains("a-secret-password"), "{text}");
    }

    // Same values again: unchanged (and the same password keeps its hash).
    let out = run(&[
        ("ANN_EMAIL", "ann@example.com"),
        ("ANN_PW", "a-secret-password"),
        ("TEAM", "red"),
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("report");
    all_unchanged(&report);
    // A variable that is set wins over the default.
    let out = run(&[
        ("ANN_EMAIL", "ann@example.com"),
        ("ANN_PW", "a-secret-password"),
        ("TEAM", "red"),
        ("ANN_LAST", "Arbor"),
    ]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("report");
    assert_eq!(counts(&report)["user-create"], [0, 1, 0, 0]);
    assert_eq!(
        env.json(&["user", "show", "ann"])["name"],
        json!("Ann Arbor")
    );
    // A variable set but empty takes the default, as `:-` does in the shell.
    let out = run(&[
        ("ANN_EMAIL", "ann@example.com"),
        ("ANN_PW", "a-secret-password"),
        ("TEAM", ""),
        ("ANN_LAST", ""),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let ann = env.json(&["user", "show", "ann"]);
    assert_eq!(ann["name"], json!("Ann Default"));
    assert_eq!(ann["metadata"], json!({"team": "blue"}));
}

#[test]
fn a_doubled_dollar_writes_a_literal_env_reference() {
    let env = Env::new();
    write(
        &env,
        "literal.json",
        r##"[{"event": "user-create", "data": {"id": "ann", "email": "ann@example.com", "name": "Ann", "metadata": {"template": "$${env:HOME} costs $$5 ${env:UNIT:-EUR}", "price": "$$5"}}}]"##,
    );
    seed(&env, &["literal.json"]);
    assert_eq!(
        env.json(&["user", "show", "ann"])["metadata"],
        json!({"template": "${env:HOME} costs $5 EUR", "price": "$$5"}),
        "$$ is a literal $ in strings that read the environment; others are kept as written"
    );
}

#[test]
fn a_malformed_env_reference_is_a_shape_error() {
    let env = Env::new();
    let text = r##"[{"event": "user-create", "data": {"email": "a@example.com", "name": "${env:NAME", "username": "${env:bad name}"}}]"##;
    write(&env, "env.json", text);
    let stderr = env.fails(65, &["seed", "env.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: the seed has 2 errors; nothing was written
      env.json:1:70: event 1 (user-create): name: unterminated ${env:…} in "${env:NAME"
      env.json:1:96: event 1 (user-create): username: ${env:bad name}: "bad name" is not a variable name
    "#);
}

// ---------------------------------------------------------------------------------------
// --dry-run and --check

#[test]
fn dry_run_prints_the_plan_and_writes_nothing() {
    let env = cast();
    write(
        &env,
        "plan.json",
        r##"[{"event": "user-create", "data": {"email": "new@example.com", "name": "New"}},
            {"event": "member-add", "data": {"profile": "family", "user": "new@example.com"}},
            {"event": "member-add", "data": {"profile": "family", "user": "mike"}},
            {"event": "profile-update", "data": {"profile": "family", "name": "Renamed"}},
            {"event": "member-remove", "data": {"profile": "family", "user": "alice"}}]"##,
    );
    let before = snapshot(&env);
    let report = seed(&env, &["--dry-run", "plan.json"]);
    assert_eq!(report["dry_run"], json!(true));
    assert_eq!(report["changed"], json!(true));
    assert_eq!(
        report["plan"],
        json!([
            {"index": 1, "event": "user-create", "outcome": "created", "subject": "new@example.com"},
            {"index": 2, "event": "member-add", "outcome": "created", "subject": "family: new@example.com"},
            {"index": 3, "event": "member-add", "outcome": "unchanged", "subject": "family: mike"},
            {"index": 4, "event": "profile-update", "outcome": "updated", "subject": "family"},
            {"index": 5, "event": "member-remove", "outcome": "removed", "subject": "family: alice"},
        ])
    );
    assert_eq!(
        counts(&report),
        expect(&[
            ("user-create", [1, 0, 0, 0]),
            ("profile-update", [0, 1, 0, 0]),
            ("member-add", [1, 0, 1, 0]),
            ("member-remove", [0, 0, 0, 1]),
        ])
    );
    assert_eq!(snapshot(&env), before, "a dry run writes nothing");

    // The table plan: one line per event, then the totals.
    let out = env.ok(&["--format", "table", "seed", "--dry-run", "plan.json"]);
    insta::assert_snapshot!(redact(&out), @"
         1  user-create     created   new@example.com
         2  member-add      created   family: new@example.com
         4  profile-update  updated   family
         5  member-remove   removed   family: alice
    ╭────────────────┬─────────┬─────────┬───────────┬─────────╮
    │ event          ┆ created ┆ updated ┆ unchanged ┆ removed │
    ╞════════════════╪═════════╪═════════╪═══════════╪═════════╡
    │ user-create    ┆       1 ┆       0 ┆         0 ┆       0 │
    │ profile-update ┆       0 ┆       1 ┆         0 ┆       0 │
    │ member-add     ┆       1 ┆       0 ┆         1 ┆       0 │
    │ member-remove  ┆       0 ┆       0 ┆         0 ┆       1 │
    ╰────────────────┴─────────┴─────────┴───────────┴─────────╯
    dry run: 5 events checked ([n] ms, [n] events/s): 4 would change, 1 unchanged; nothing was written
    ");
    let out = env.ok(&["--format", "jsonl", "seed", "--dry-run", "plan.json"]);
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["outcome"], json!("created"));
    assert_eq!(snapshot(&env), before);

    // --check and --dry-run do not go together.
    // Without ROSTER_DB (how a PostgreSQL run names its database), which clap counts as a
    // --db given and would add to the usage line: a usage error never opens the database.
    let out = env
        .cmd()
        .env_remove("ROSTER_DB")
        .args(["seed", "--check", "--dry-run", "plan.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(err, @"
    error: the argument '--check' cannot be used with '--dry-run'

    Usage: roster seed --check <FILES>...

    For more information, try '--help'.
    ");
}

#[test]
fn check_exits_0_when_nothing_would_change_and_1_otherwise() {
    let env = Env::new();
    demo(&env);
    // On an empty database everything would change.
    let out = env.run(&["seed", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty(), "--check is silent on stdout");
    let stderr = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(stderr, @"
    error: the database differs from the seed: 28 of 28 events would change it
    hint: apply it with `roster seed`, or see what would change with --dry-run
    ");
    assert_eq!(user_count(&env), 0, "--check writes nothing");

    seed(&env, &[]);
    let before = snapshot(&env);
    let out = env.ok(&["seed", "--check"]);
    assert!(out.is_empty(), "{out}");
    // One difference is enough.
    env.ok(&["profile", "create", "--name", "Extra"]);
    write(
        &env,
        "extra.json",
        r##"[{"event": "profile-create", "data": {"name": "Extra", "color": "#000"}}]"##,
    );
    let stderr = env.fails(1, &["seed", "--check", "extra.json"]);
    insta::assert_snapshot!(stderr, @"
    error: the database differs from the seed: 1 of 1 event would change it
    hint: apply it with `roster seed`, or see what would change with --dry-run
    ");
    env.ok(&["profile", "delete", "extra", "--yes"]);
    assert_eq!(snapshot(&env).0, before.0);
}

// ---------------------------------------------------------------------------------------
// Passwords

/// A valid argon2id PHC string (of "correct-horse-battery", OWASP parameters).
pub const PHC: &str = "$argon2id$v=19$m=19456,t=2,p=1$5C8pS+W0Aed5ZD+1jPEWSQ$qtZwJ66NQGAQp+PS9I09emzxW5N+SzfG6OWEs98mXBI";

#[test]
fn password_and_password_hash() {
    let env = Env::new();
    // Both: 65, naming the field.
    let both = format!(
        r##"[{{"event": "user-create", "data": {{"id": "ann", "email": "ann@example.com", "name": "Ann", "password": "correct-horse", "password_hash": "{PHC}"}}}}]"##
    );
    write(&env, "both.json", &both);
    let stderr = env.fails(65, &["seed", "both.json"]);
    assert!(
        stderr.contains(&format!(
            "both.json:{}: event 1 (user-create): password: give either password or password_hash, not both",
            pos(&both, 1, "\"password\"")
        )),
        "{stderr}"
    );
    // Malformed hashes and short passwords: 65.
    for (field, value, what) in [
        (
            "password_hash",
            "$argon2id$nonsense",
            "not an argon2id PHC string",
        ),
        ("password_hash", "plain-text", "not an argon2id PHC string"),
        (
            "password_hash",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
            "not an argon2id PHC string",
        ),
        ("password", "short", "too short"),
    ] {
        let text = format!(
            r##"[{{"event": "user-create", "data": {{"email": "ann@example.com", "name": "Ann", "{field}": "{value}"}}}}]"##
        );
        write(&env, "bad.json", &text);
        let stderr = env.fails(65, &["seed", "bad.json"]);
        assert!(
            stderr.contains(&format!(
                "bad.json:{}: event 1 (user-create): ",
                pos(&text, 1, &format!("\"{value}\""))
            )),
            "{value}: {stderr}"
        );
        assert!(stderr.contains(what), "{value}: {stderr}");
        assert!(!database_exists(&env));
    }

    // A valid PHC string is stored as given, and kept on a second run.
    let good = format!(
        r##"[{{"event": "user-create", "data": {{"id": "ann", "email": "ann@example.com", "name": "Ann", "password_hash": "{PHC}"}}}}]"##
    );
    write(&env, "good.json", &good);
    seed(&env, &["good.json"]);
    assert_eq!(password_row(&env, "ann").0.as_deref(), Some(PHC));
    assert_eq!(
        env.json(&["user", "show", "ann"])["has_password"],
        json!(true)
    );
    all_unchanged(&seed(&env, &["good.json"]));
    assert_eq!(password_row(&env, "ann").0.as_deref(), Some(PHC));
    // The hash is never printed, nor in the audit.
    assert!(!env.ok(&["user", "show", "ann"]).contains("argon2"));
    assert!(!env.ok(&["audit"]).contains("argon2"));
    // It is the hash of that password: ann can change hers by giving it.
    env.ok_with(
        &["--as", "ann", "user", "passwd", "ann", "--password-stdin"],
        "correct-horse-battery\nanother-password\n",
    );
}

#[test]
fn a_seed_cannot_change_the_acting_users_own_roles_active_state_or_password() {
    let env = Env::init();
    env.user("ada@x.io", "Ada");
    env.user("bob@x.io", "Bob");
    env.ok(&["user", "grant", "bob@x.io", "admin"]);
    std::fs::write(
        env.path("self.json"),
        r#"[{"event":"user-create","data":{"email":"bob@x.io","name":"Bob","active":false}}]"#,
    )
    .unwrap();
    let err = env.fails(77, &["--as", "bob@x.io", "seed", "self.json"]);
    insta::assert_snapshot!(err, @"
    error: self.json:1:2: event 1 (user-create): permission denied: changing your own global roles, active state or password this way
    hint: another global admin, or the operator, can; change your own password with `roster user passwd`
    ");
    // Another admin may, and the audit log names what happened.
    env.ok(&["--as", "ada@x.io", "seed", "self.json"]);
    let rows = env.json(&["audit", "--event", "user-disable"]);
    assert_eq!(rows.as_array().map(Vec::len), Some(1), "{rows}");
}

#[test]
fn repeated_fields_and_json_lines_without_the_flag_are_explained() {
    let env = Env::init();
    std::fs::write(
        env.path("dup.json"),
        r#"[{"event":"user-create","data":{"email":"a@x.io","name":"A","email":"b@x.io"}}]"#,
    )
    .unwrap();
    let err = env.fails(65, &["seed", "dup.json"]);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 1 error; nothing was written
      dup.json:1:61: event 1 (user-create): field "email" is given twice
    "#);
    let lines = "{\"event\":\"user-create\",\"data\":{\"email\":\"a@x.io\",\"name\":\"A\"}}\n";
    let err = env.fails_with(65, &["seed", "-"], lines);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 3 errors; nothing was written
      <stdin>:1:2: unknown key "event" in the seed document: this looks like JSON Lines (one event per line); name the file *.jsonl, or add --jsonl when reading stdin
      <stdin>:1:24: unknown key "data" in the seed document: this looks like JSON Lines (one event per line); name the file *.jsonl, or add --jsonl when reading stdin
      <stdin>:1:61: the seed document has no "events" array
    "#);
}

#[test]
fn a_password_hash_that_asks_for_too_much_work_is_refused() {
    let env = Env::init();
    let heavy = "$argon2id$v=19$m=4194304,t=4000000,p=16$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";
    std::fs::write(
        env.path("heavy.json"),
        format!(r#"[{{"event":"user-create","data":{{"email":"h@x.io","name":"H","password_hash":"{heavy}"}}}}]"#),
    )
    .unwrap();
    let err = env.fails(65, &["seed", "heavy.json"]);
    insta::assert_snapshot!(err, @"
    error: the seed has 1 error; nothing was written
      heavy.json:1:77: event 1 (user-create): password_hash: parameters m=4194304,t=4000000,p=16 ask for more work than roster allows (hint: at most m=262144 (KiB), t=16, p=16; roster itself uses m=19456,t=2,p=1)
    ");
}

/// Into an empty database, a seed that changes a member's role after adding it: on
/// PostgreSQL the membership was already streamed to the server, and just that row gets
/// its last role (store::postgres::bulk::set_member_roles); one row, with the last role.
#[test]
fn a_role_converged_in_the_same_seed_leaves_one_membership_with_the_last_role() {
    let env = Env::new();
    let path = env.path("converge.jsonl");
    std::fs::write(
        &path,
        [
            r#"{"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}}"#,
            r#"{"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}}"#,
            r#"{"event": "profile-create", "data": {"slug": "family", "name": "Family"}}"#,
            r#"{"event": "member-add", "data": {"profile": "family", "user": "ann@example.com", "role": "member"}}"#,
            r#"{"event": "member-add", "data": {"profile": "family", "user": "bob@example.com", "role": "member"}}"#,
            r#"{"event": "member-add", "data": {"profile": "family", "user": "ann@example.com", "role": "admin"}}"#,
            // A second change of the same membership: the last role is the one kept.
            r#"{"event": "member-add", "data": {"profile": "family", "user": "bob@example.com", "role": "admin"}}"#,
            r#"{"event": "member-add", "data": {"profile": "family", "user": "bob@example.com", "role": "owner"}}"#,
        ]
        .join("\n"),
    )
    .unwrap();
    env.ok(&["seed", &path.to_string_lossy()]);
    let members = env.json(&["member", "list", "family"]);
    let roles: Vec<(String, String)> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["email"].as_str().unwrap_or_default().to_string(),
                m["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        vec![
            ("bob@example.com".to_string(), "owner".to_string()),
            ("ann@example.com".to_string(), "admin".to_string())
        ],
        "{members}"
    );
    env.ok(&["audit", "verify"]);
}

#[test]
fn a_seed_into_a_new_file_builds_the_indexes_init_has_and_its_titles_are_found() {
    // A seed into a file it creates builds the indexes no seed reads, and the title
    // search index, once at its end (README "Seeds at speed"): the schema must come out
    // as `init` makes it, and search must find what the seed left, retitles and removals
    // included.
    let env = Env::file();
    write(&env, "cast.json", CAST);
    let media = r##"[
  {"event": "media-add", "data": {"id": "a", "profile": "family", "type": "movie", "title": "Alpha Film"}},
  {"event": "media-add", "data": {"id": "g", "profile": "family", "type": "movie", "title": "Gamma"}},
  {"event": "media-add", "data": {"id": "o", "profile": "family", "type": "movie", "title": "Omega Film"}},
  {"event": "media-add", "data": {"id": "g", "profile": "family", "type": "movie", "title": "Delta Film"}},
  {"event": "media-remove", "data": {"profile": "family", "id": "o"}},
  {"event": "media-add", "data": {"id": "b", "profile": "family", "type": "movie", "title": "Beta Film"}}
]"##;
    write(&env, "media.json", media);
    let report = seed(&env, &["cast.json", "media.json"]);
    assert_eq!(report["changed"], json!(true), "{report}");
    let made = Env::file();
    made.ok(&["init"]);
    let schema = |db: &Path| -> Vec<(String, String, String, Option<String>)> {
        let conn = sqlite(db);
        let mut stmt = conn
            .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name")
            .expect("schema query");
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("schema rows")
            .collect::<Result<_, _>>()
            .expect("schema")
    };
    let seeded = schema(&env.db());
    assert_eq!(seeded, schema(&made.db()));
    for name in [
        "audit_by_subject",
        "media_by_title",
        "members_in_list_order",
        "media_fts_update",
    ] {
        assert!(
            seeded.iter().any(|(_, n, _, _)| n == name),
            "{name} missing"
        );
    }
    let found = |term: &str| -> Vec<String> {
        let page = env.json(&["media", "list", "family", "--search", term]);
        let mut titles: Vec<String> = page["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|m| m["title"].as_str().expect("title").to_string())
            .collect();
        titles.sort();
        titles
    };
    assert_eq!(found("Film"), ["Alpha Film", "Beta Film", "Delta Film"]);
    assert!(found("Gamma").is_empty());
    assert!(found("Omega").is_empty());
    let doctor = env.json(&["doctor"]);
    assert_eq!(doctor["findings"], json!([]), "{doctor}");
    // The indexes are the schema's from here on: a later change keeps them, and search.
    write(
        &env,
        "retitle.json",
        r##"[{"event": "media-add", "data": {"id": "b", "profile": "family", "type": "movie", "title": "Beta Cut"}}]"##,
    );
    assert_eq!(
        counts(&seed(&env, &["retitle.json"])),
        expect(&[("media-add", [0, 1, 0, 0])])
    );
    assert_eq!(found("Film"), ["Alpha Film", "Delta Film"]);
    assert_eq!(found("Cut"), ["Beta Cut"]);
    assert_eq!(env.json(&["doctor"])["findings"], json!([]));
}
