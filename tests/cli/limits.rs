//! A profile's `invitation_limit` (README "Profiles"): how many pending, unexpired
//! invitations it may have at once. The flag on create and update, the refusal past it
//! (commands and seeds alike), what counts (not expired, canceled or accepted ones; not a
//! `--resend`), lowering it below the pending count, export and the audit rows. Racing
//! senders are in `races.rs`; doctor's check in `doctor.rs`.

use serde_json::Value;

use crate::common::*;
use crate::members::{ADMIN, OWNER, audit_since, family};
use crate::seeds::{all_unchanged, snapshot, write};

/// `family` with its invitation limit at `limit`.
fn limited(limit: &str) -> Env {
    let env = family();
    env.ok(&["profile", "update", "family", "--invitation-limit", limit]);
    env
}

fn pending(env: &Env) -> usize {
    env.json(&["invite", "list", "family", "--status", "pending"])
        .as_array()
        .map_or(0, Vec::len)
}

/// Runs at `now` (RFC 3339) and returns the process output.
fn at(env: &Env, now: &str, args: &[&str]) -> std::process::Output {
    env.cmd()
        .env("ROSTER_NOW", now)
        .args(args)
        .output()
        .expect("run roster")
}

#[test]
fn invitation_limit_defaults_to_100_and_is_bounded() {
    let env = Env::init();
    let p = env.profile("Default");
    assert_eq!(p["invitation_limit"], 100);
    // In the JSON, right after member_limit.
    let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
    let at = keys.iter().position(|k| *k == "member_limit").unwrap();
    assert_eq!(keys[at + 1], "invitation_limit", "{keys:?}");

    let before = env.audit_len();
    for bad in ["0", "-1", "1000001"] {
        let arg = format!("--invitation-limit={bad}");
        let err = env.fails(65, &["profile", "create", "--name", "Bad", &arg]);
        assert!(
            err.contains(&format!(
                "invitation_limit \"{bad}\": must be between 1 and 1000000"
            )),
            "{bad}: {err}"
        );
        let err = env.fails(65, &["profile", "update", "default", &arg]);
        assert!(err.contains("invitation_limit"), "{bad}: {err}");
    }
    let err = env.fails(
        2,
        &["profile", "update", "default", "--invitation-limit", "ten"],
    );
    assert!(
        err.contains("invalid value 'ten' for '--invitation-limit <N>'"),
        "{err}"
    );
    assert_eq!(env.audit_len(), before, "nothing was written");

    let one = env.json(&[
        "profile",
        "create",
        "--name",
        "One",
        "--invitation-limit",
        "1",
    ]);
    assert_eq!(one["invitation_limit"], 1);
    assert_eq!(one["member_limit"], 100, "the member limit is its own");
    let max = env.json(&[
        "profile",
        "create",
        "--name",
        "Max",
        "--invitation-limit",
        "1000000",
    ]);
    assert_eq!(max["invitation_limit"], 1_000_000);
    let rows = audit_since(&env, before);
    assert_eq!(rows[0]["event"], "profile-create");
    assert_eq!(rows[0]["data"]["invitation_limit"], 1);
}

#[test]
fn sending_past_the_limit_is_68_and_names_how_to_raise_it() {
    let env = limited("2");
    env.ok(&["invite", "send", "family", "a@example.com", "b@example.com"]);
    let before = snapshot(&env);
    let err = env.fails(68, &["invite", "send", "family", "c@example.com"]);
    insta::assert_snapshot!(err, @"
    error: profile family has 2 of 2 pending invitations (its invitation_limit)
    hint: raise the limit with `roster profile update family --invitation-limit 3`, or cancel pending invitations
    ");
    // The limit holds for an owner as for the operator.
    env.fails(
        68,
        &["--as", OWNER, "invite", "send", "family", "c@example.com"],
    );
    assert_eq!(snapshot(&env), before, "nothing was written");

    // The hint's command makes room.
    env.ok(&["profile", "update", "family", "--invitation-limit", "3"]);
    env.ok(&["invite", "send", "family", "c@example.com"]);
    assert_eq!(pending(&env), 3);
}

#[test]
fn several_emails_past_the_limit_send_none() {
    let env = limited("2");
    env.ok(&["invite", "send", "family", "a@example.com"]);
    let before = snapshot(&env);
    let err = env.fails(
        68,
        &["invite", "send", "family", "b@example.com", "c@example.com"],
    );
    assert!(err.contains("has 2 of 2 pending invitations"), "{err}");
    assert_eq!(
        snapshot(&env),
        before,
        "one transaction: b was not sent either"
    );
    assert_eq!(pending(&env), 1);
}

#[test]
fn only_pending_unexpired_invitations_count() {
    let env = limited("2");
    let t0 = "2031-03-01T12:00:00Z";
    let sent = at(
        &env,
        t0,
        &[
            "--json",
            "invite",
            "send",
            "family",
            "a@example.com",
            "b@example.com",
            "--expires-in",
            "1h",
        ],
    );
    assert_eq!(sent.status.code(), Some(0));
    assert_eq!(
        at(&env, t0, &["invite", "send", "family", "c@example.com"])
            .status
            .code(),
        Some(68)
    );
    // Two hours later both have lapsed, though still stored as pending: room for two.
    let later = "2031-03-01T14:00:00Z";
    let out = at(
        &env,
        later,
        &[
            "--json",
            "invite",
            "send",
            "family",
            "c@example.com",
            "d@example.com",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A lapsed invitation sent again gives way to the new one, which counts.
    let out = at(&env, later, &["invite", "send", "family", "a@example.com"]);
    assert_eq!(out.status.code(), Some(68));
}

#[test]
fn canceled_and_accepted_invitations_free_their_place() {
    let env = limited("1");
    env.user("dan@example.com", "Dan");
    let v = env.json(&["invite", "send", "family", "dan@example.com"]);
    let id = v[0]["id"].as_str().unwrap().to_string();
    env.fails(68, &["invite", "send", "family", "eve@example.com"]);
    env.ok(&["--as", "dan@example.com", "invite", "accept", &id]);
    let v = env.json(&["invite", "send", "family", "eve@example.com"]);
    let id = v[0]["id"].as_str().unwrap().to_string();
    env.fails(68, &["invite", "send", "family", "fay@example.com"]);
    env.ok(&["invite", "cancel", &id]);
    env.ok(&["invite", "send", "family", "fay@example.com"]);
    assert_eq!(pending(&env), 1);
}

#[test]
fn resend_at_the_limit_extends_without_adding() {
    let env = limited("1");
    env.ok(&["invite", "send", "family", "a@example.com"]);
    let before = env.audit_len();
    let v = env.json(&["invite", "send", "family", "a@example.com", "--resend"]);
    assert_eq!(v[0]["email"], "a@example.com");
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "invite-resend");
    assert_eq!(pending(&env), 1);
}

#[test]
fn lowering_the_limit_below_the_pending_count_is_refused() {
    let env = family();
    env.ok(&["invite", "send", "family", "a@example.com", "b@example.com"]);
    let before = snapshot(&env);
    let err = env.fails(
        68,
        &[
            "--as",
            ADMIN,
            "profile",
            "update",
            "family",
            "--invitation-limit",
            "1",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: profile family: invitation_limit 1 is below its 2 pending invitations
    hint: cancel invitations first (roster invite list family --status pending), or choose a higher limit
    ");
    assert_eq!(snapshot(&env), before);
    // Down to the pending count is allowed, and audited as the change it is.
    let audit = env.audit_len();
    let p = env.json(&[
        "--as",
        ADMIN,
        "profile",
        "update",
        "family",
        "--invitation-limit",
        "2",
    ]);
    assert_eq!(p["invitation_limit"], 2);
    let rows = audit_since(&env, audit);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "profile-update");
    assert_eq!(rows[0]["data"], serde_json::json!({"invitation_limit": 2}));
    // The same value again changes nothing and writes nothing.
    env.ok(&["profile", "update", "family", "--invitation-limit", "2"]);
    assert_eq!(env.audit_len(), audit + 1);
}

#[test]
fn seeds_set_the_limit_and_are_refused_past_it() {
    let env = Env::init();
    write(
        &env,
        "ok.json",
        r#"[{"event": "profile-create", "data": {"name": "Family", "invitation_limit": 2}},
           {"event": "invite-send", "data": {"profile": "family", "email": "a@example.com"}},
           {"event": "invite-send", "data": {"profile": "family", "email": "b@example.com"}}]"#,
    );
    env.json(&["seed", "ok.json"]);
    assert_eq!(
        env.json(&["profile", "show", "family"])["invitation_limit"],
        2
    );
    // Run again: unchanged, and the converged invitations are not counted twice.
    all_unchanged(&env.json(&["seed", "ok.json"]));
    let before = snapshot(&env);
    write(
        &env,
        "over.json",
        r#"[{"event": "invite-send", "data": {"profile": "family", "email": "c@example.com"}}]"#,
    );
    let err = env.fails(68, &["seed", "over.json"]);
    insta::assert_snapshot!(err, @"
    error: over.json:1:2: event 1 (invite-send): profile family has 2 of 2 pending invitations (its invitation_limit)
    hint: raise the limit with `roster profile update family --invitation-limit 3`, or cancel pending invitations
    ");
    assert_eq!(
        snapshot(&env),
        before,
        "the seed's transaction was rolled back"
    );
    // A bad value is a shape error, before anything is written.
    write(
        &env,
        "bad.json",
        r#"[{"event": "profile-update", "data": {"profile": "family", "invitation_limit": 0}}]"#,
    );
    let err = env.fails(65, &["seed", "bad.json"]);
    assert!(
        err.contains("invitation_limit \"0\": must be between 1 and 1000000"),
        "{err}"
    );
    write(
        &env,
        "raise.json",
        r#"[{"event": "profile-update", "data": {"profile": "family", "invitation_limit": 3}},
           {"event": "invite-send", "data": {"profile": "family", "email": "c@example.com"}}]"#,
    );
    env.json(&["seed", "raise.json"]);
    assert_eq!(pending(&env), 3);
}

#[test]
fn export_writes_the_limit_and_a_seed_of_it_restores_it() {
    let env = limited("7");
    env.ok(&["invite", "send", "family", "a@example.com"]);
    let doc: Value = serde_json::from_str(&env.ok(&["export"])).unwrap();
    let create = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"] == "profile-create")
        .unwrap();
    let keys: Vec<&str> = create["data"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let at = keys.iter().position(|k| *k == "member_limit").unwrap();
    assert_eq!(keys[at + 1], "invitation_limit", "{keys:?}");
    assert_eq!(create["data"]["invitation_limit"], 7);

    let exported = env.ok(&["export"]);
    let other = Env::new();
    std::fs::write(other.path("export.json"), &exported).unwrap();
    other.json(&["seed", "export.json"]);
    assert_eq!(
        other.json(&["profile", "show", "family"])["invitation_limit"],
        7
    );
    assert_eq!(other.ok(&["export"]), exported, "the same bytes again");
}

#[test]
fn a_version_5_database_gets_the_default_limit() {
    // A database as roster wrote it before invitation limits: its profiles take 100.
    let env = Env::new();
    if !env.sqlite_only("SQLite's schema versions: PostgreSQL's migration 6 is run by every PostgreSQL test's schema") {
        return;
    }
    let db = sqlite(&env.db());
    for m in &roster::store::schema::MIGRATIONS[..5] {
        db.execute_batch(m).unwrap();
    }
    let t = "2026-01-01T00:00:00.000Z";
    db.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 5;
         INSERT INTO profiles (id, slug, name, member_limit, created_at, updated_at)
           VALUES ('p-family', 'family', 'Family', 7, '{t}', '{t}');",
        roster::store::APPLICATION_ID
    ))
    .unwrap();
    drop(db);
    let p = env.json(&["profile", "show", "family"]);
    assert_eq!(p["member_limit"], 7);
    assert_eq!(p["invitation_limit"], 100);
    let db = sqlite(&env.db());
    let version: i64 = db
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, roster::store::schema::CURRENT);
    // The column is checked as member_limit is, past roster too.
    let refused = db.execute("UPDATE profiles SET invitation_limit = 0", []);
    assert!(refused.is_err(), "the CHECK refuses 0");
}

/// A seed's transaction keeps the profiles it has read, member counts and all
/// (store::sqlite::profiles::Cache): the limit still counts each member added and freed.
#[test]
fn a_seed_counts_members_against_the_limit_as_it_adds_and_removes_them() {
    let env = Env::init();
    let seed = |name: &str, events: &[&str]| {
        let path = env.path(name);
        std::fs::write(&path, events.join("\n")).unwrap();
        path.to_string_lossy().into_owned()
    };
    let users: Vec<String> = (1..=4)
        .map(|i| format!(r#"{{"event": "user-create", "data": {{"email": "u{i}@example.com", "name": "U{i}"}}}}"#))
        .collect();
    let mut events: Vec<&str> = users.iter().map(String::as_str).collect();
    events.extend([
        r#"{"event": "profile-create", "data": {"slug": "two", "name": "Two", "member_limit": 2}}"#,
        r#"{"event": "member-add", "data": {"profile": "two", "user": "u1@example.com"}}"#,
        r#"{"event": "member-add", "data": {"profile": "two", "user": "u2@example.com"}}"#,
        r#"{"event": "member-remove", "data": {"profile": "two", "user": "u1@example.com"}}"#,
        r#"{"event": "member-add", "data": {"profile": "two", "user": "u3@example.com"}}"#,
    ]);
    let ok = seed("ok.jsonl", &events);
    env.ok(&["seed", &ok]);
    assert_eq!(env.json(&["profile", "show", "two"])["member_count"], 2);
    // In another transaction: a place freed and taken again, then one too many: refused,
    // and nothing of the seed written.
    let before = env.audit_len();
    let full = seed(
        "full.jsonl",
        &[
            r#"{"event": "member-remove", "data": {"profile": "two", "user": "u2@example.com"}}"#,
            r#"{"event": "member-add", "data": {"profile": "two", "user": "u1@example.com"}}"#,
            r#"{"event": "member-add", "data": {"profile": "two", "user": "u4@example.com"}}"#,
        ],
    );
    let err = env.fails(68, &["seed", &full]);
    assert!(err.contains("event 3"), "{err}");
    assert_eq!(env.audit_len(), before);
    assert_eq!(env.json(&["profile", "show", "two"])["member_count"], 2);
}
