//! Sessions (DESIGN §1 "sessions", §2 "Sessions"; issue 12): each way a session starts,
//! the active profile as Plank chooses it, `stale` and `may`, naming sessions by prefix,
//! the automatic revocations, listing, revoking and pruning, no token or hash in any
//! output, verified identifiers and `require_verified_email`, `whoami`, the doctor's two
//! session checks, export, and a race of logins against `revoke --user`.
//!
//! Every run's `ROSTER_NOW` is pinned (one second later per run); a test that needs time
//! to pass sets `ROSTER_NOW` itself, relative to [`NOW`], and never sleeps.

use std::io::Write;
use std::process::{Output, Stdio};

use serde_json::{Value, json};
use sha2::Digest;

use crate::common::*;
use crate::seeds::write;

/// The first user: a global admin in no profile, without a password.
const ROOT: &str = "root@example.com";
/// In no profile.
const BOB: &str = "bob@example.com";
/// A member of `family` only.
const ANN: &str = "ann@example.com";
/// A member of `family` and of `other`.
const MAX: &str = "max@example.com";
/// Owner of `family`.
const OLIVE: &str = "olive@example.com";

const BOB_PW: &str = "bob-password-1";
const ANN_PW: &str = "ann-password-1";
const MAX_PW: &str = "max-password-1";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// The cast: Root (admin), Bob (no profile), Ann (family), Max (family and other), Olive
/// (family's owner), a global role `support`, and Carl, invited to `family`
/// (`inv-carl`) but a member of nothing.
fn cast() -> Env {
    let env = Env::init();
    let seed = json!({"version": 1, "events": [
        {"event": "user-create", "data": {"email": ROOT, "name": "Root"}},
        {"event": "user-create", "data": {"email": BOB, "name": "Bob", "password": BOB_PW}},
        {"event": "user-create", "data": {"email": ANN, "name": "Ann", "password": ANN_PW}},
        {"event": "user-create", "data": {"email": MAX, "name": "Max", "password": MAX_PW}},
        {"event": "user-create", "data": {"email": OLIVE, "name": "Olive"}},
        {"event": "user-create", "data": {"email": "carl@example.com", "name": "Carl"}},
        {"event": "profile-create", "data": {"name": "Family", "slug": "family"}},
        {"event": "profile-create", "data": {"name": "Other", "slug": "other"}},
        {"event": "member-add", "data": {"profile": "family", "user": OLIVE, "role": "owner"}},
        {"event": "member-add", "data": {"profile": "other", "user": OLIVE, "role": "owner"}},
        {"event": "member-add", "data": {"profile": "family", "user": ANN}},
        {"event": "member-add", "data": {"profile": "family", "user": MAX}},
        {"event": "member-add", "data": {"profile": "other", "user": MAX}},
        {"event": "invite-send", "data": {"id": "inv-carl", "profile": "family", "email": "carl@example.com"}},
        {"event": "role-create", "data": {"name": "support", "scope": "global", "allow": ["user-list"]}},
    ]});
    write(&env, "cast.json", &seed.to_string());
    env.ok(&["seed", "cast.json"]);
    env
}

/// `roster login USER --password-stdin` with `password` (and `extra` arguments first).
fn login(env: &Env, extra: &[&str], user: &str, password: &str) -> Output {
    let mut args = extra.to_vec();
    args.extend(["login", user, "--password-stdin"]);
    env.run_with(&args, &format!("{password}\n"))
}

/// A session and its token, from the JSON a start prints.
struct Started {
    id: String,
    token: String,
    json: Value,
}

fn started(out: &str) -> Started {
    let json: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    Started {
        id: json["id"].as_str().expect("id").to_string(),
        token: json["token"].as_str().expect("token").to_string(),
        json,
    }
}

/// Logs `user` in (expects 0).
fn signed_in(env: &Env, extra: &[&str], user: &str, password: &str) -> Started {
    let out = login(env, extra, user, password);
    assert_eq!(code(&out), 0, "login {user}: {}", text(&out.stderr));
    started(&text(&out.stdout))
}

/// `session issue USER ARGS` as the operator (expects 0).
fn issue(env: &Env, user: &str, args: &[&str]) -> Started {
    let mut all = vec!["--json", "session", "issue", user];
    all.extend_from_slice(args);
    started(&env.ok(&all))
}

fn show(env: &Env, id: &str) -> Value {
    env.json(&["session", "show", id])
}

fn status(env: &Env, id: &str) -> String {
    show(env, id)["status"]
        .as_str()
        .expect("status")
        .to_string()
}

fn active(env: &Env, id: &str) -> Value {
    show(env, id)["active_profile"].clone()
}

/// Runs with `ROSTER_NOW` set to [`NOW`] plus `days` (and expects `want`).
fn at_day(env: &Env, days: i64, args: &[&str], want: i32) -> String {
    let now =
        chrono::DateTime::parse_from_rfc3339(NOW).expect("NOW") + chrono::Duration::days(days);
    let out = env
        .cmd()
        .env(
            "ROSTER_NOW",
            now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        )
        .args(args)
        .output()
        .expect("run roster");
    assert_eq!(code(&out), want, "roster {args:?}: {}", text(&out.stderr));
    text(&out.stdout)
}

fn ids(list: &Value) -> Vec<String> {
    let mut v: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["id"].as_str().expect("id").to_string())
        .collect();
    v.sort();
    v
}

fn live_of(env: &Env, user: &str) -> Vec<String> {
    ids(&env.json(&["session", "list", "--user", user]))
}

fn audit_of(env: &Env, event: &str) -> Vec<Value> {
    env.json(&["audit", "--event", event])
        .as_array()
        .expect("audit rows")
        .clone()
}

fn sha256_hex(s: &str) -> String {
    sha2::Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn is_token(t: &str) -> bool {
    t.len() == 4 + 43
        && t.starts_with("rst_")
        && t[4..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

// ---------------------------------------------------------------- starting a session

#[test]
fn login_with_the_right_password_prints_a_token_once() {
    let env = cast();
    let s = signed_in(&env, &["--json"], BOB, BOB_PW);
    assert!(is_token(&s.token), "{}", s.token);
    assert_eq!(s.json["user"], BOB);
    assert_eq!(s.json["origin"], "login");
    assert_eq!(s.json["status"], "live");
    // 30 days by default.
    assert_eq!(s.json["expires_at"], "2026-12-21T12:00:02.000Z");
    // -q: the token alone; table: the token on stdout, the rest a note on stderr.
    let out = login(&env, &["-q"], BOB, BOB_PW);
    assert_eq!(code(&out), 0);
    let quiet = text(&out.stdout);
    assert!(is_token(quiet.trim_end()), "{quiet:?}");
    assert_eq!(quiet.lines().count(), 1);
    let out = login(&env, &["--format", "table"], BOB, BOB_PW);
    assert_eq!(code(&out), 0);
    assert!(is_token(text(&out.stdout).trim_end()));
    assert!(
        text(&out.stderr).contains("the token is shown this once"),
        "{}",
        text(&out.stderr)
    );
    // Three tokens, three sessions, all different.
    assert_eq!(live_of(&env, BOB).len(), 3);
    let rows = audit_of(&env, "login");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["data"]["origin"], "login");
}

#[test]
fn a_wrong_password_is_77_and_audited_without_the_password() {
    let env = cast();
    let before = env.audit_len();
    let out = login(&env, &[], BOB, "not-the-password");
    assert_eq!(code(&out), 77);
    insta::assert_snapshot!(text(&out.stderr), @"
    error: wrong password for bob@example.com
    hint: the attempt is recorded in the audit log
    ");
    assert!(text(&out.stdout).is_empty());
    assert_eq!(env.audit_len(), before + 1);
    let rows = audit_of(&env, "login-failed");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["data"], json!({"reason": "wrong password"}));
    let audit = env.ok(&["audit"]);
    assert!(!audit.contains("not-the-password"));
    assert!(live_of(&env, BOB).is_empty());
    env.ok(&["audit", "verify"]);
}

#[test]
fn a_disabled_user_or_one_without_a_password_cannot_log_in() {
    let env = cast();
    env.ok(&["--yes", "user", "disable", BOB]);
    let out = login(&env, &[], BOB, BOB_PW);
    assert_eq!(code(&out), 77);
    assert!(
        text(&out.stderr).contains("user bob@example.com is disabled and cannot sign in"),
        "{}",
        text(&out.stderr)
    );
    // Root has no password: 77, with the way out.
    let out = login(&env, &[], ROOT, "whatever-it-is");
    assert_eq!(code(&out), 77);
    insta::assert_snapshot!(text(&out.stderr), @"
    error: user root@example.com has no password and cannot sign in with one
    hint: set one with `roster user passwd root@example.com`, or issue a session with `roster session issue root@example.com`
    ");
    // A user who does not exist: 67.
    assert_eq!(
        code(&login(&env, &[], "nobody@example.com", "x-password")),
        67
    );
    // Neither is a failed login to audit, and neither started a session.
    assert!(audit_of(&env, "login-failed").is_empty());
    assert!(
        env.json(&["session", "list", "--all"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn session_issue_is_for_global_admins_only() {
    let env = cast();
    // The operator and a global admin may.
    let a = issue(&env, BOB, &[]);
    assert!(is_token(&a.token));
    assert_eq!(a.json["origin"], "issued");
    let b = started(&env.ok(&["--json", "--as", ROOT, "session", "issue", ANN]));
    assert_eq!(b.json["origin"], "issued");
    let quiet = env.ok(&["-q", "session", "issue", BOB]);
    assert!(is_token(quiet.trim_end()), "{quiet:?}");
    // Anyone else may not, not even for themself.
    for (actor, whom) in [(ANN, BOB), (ANN, ANN), (OLIVE, ANN)] {
        let err = env.fails(77, &["--as", actor, "session", "issue", whom]);
        assert!(
            err.contains(&format!("{actor} may not session-issue")),
            "{err}"
        );
    }
    assert_eq!(live_of(&env, BOB).len(), 2);
    assert_eq!(live_of(&env, ANN).len(), 1);
    assert_eq!(audit_of(&env, "session-issue").len(), 3);
}

/// Runs `roster seed FILE` with `TEST_TOKEN` set.
fn seed_with_token(env: &Env, file: &str, token: &str) -> Output {
    env.cmd()
        .env("TEST_TOKEN", token)
        .args(["--json", "seed", file])
        .output()
        .expect("run roster")
}

#[test]
fn the_session_create_seed_event_takes_its_token_from_the_environment_and_is_idempotent() {
    let env = cast();
    let token = format!("rst_{}", "Ab3_-x".repeat(7) + "Z");
    let seed = json!({"version": 1, "events": [
        {"event": "session-create", "data": {"user": ANN, "token": "${env:TEST_TOKEN}"}},
    ]});
    write(&env, "s.json", &seed.to_string());
    let out = seed_with_token(&env, "s.json", &token);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"][0]["created"], 1, "{report}");
    assert!(!text(&out.stdout).contains(&token));
    let live = env.json(&["session", "list", "--user", ANN]);
    assert_eq!(live[0]["origin"], "seed");
    assert_eq!(live[0]["active_profile"], "family");
    let hash = env.sql_value("SELECT token_hash FROM sessions");
    assert_eq!(
        hash,
        sha256_hex(&token),
        "only the token's SHA-256 is stored"
    );

    // The second run changes nothing and writes no audit row.
    let rows = env.audit_len();
    let out = seed_with_token(&env, "s.json", &token);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    crate::seeds::all_unchanged(&report);
    assert_eq!(report["summary"][0]["unchanged"], 1);
    assert_eq!(env.audit_len(), rows);
    assert_eq!(live_of(&env, ANN).len(), 1);

    // A malformed token: 65, and the message does not quote it.
    for bad in [
        "rst_short-but-secret",
        "xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "rst_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!AAAAAAAA",
    ] {
        let out = seed_with_token(&env, "s.json", bad);
        assert_eq!(code(&out), 65, "{bad}: {}", text(&out.stderr));
        let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
        assert!(!all.contains(bad), "{bad} echoed: {all}");
        assert!(all.contains("token:"), "{all}");
    }

    // The same token for another user: 68, and nothing written.
    let other = json!({"version": 1, "events": [
        {"event": "session-create", "data": {"user": BOB, "token": "${env:TEST_TOKEN}"}},
    ]});
    write(&env, "other.json", &other.to_string());
    let out = seed_with_token(&env, "other.json", &token);
    assert_eq!(code(&out), 68, "{}", text(&out.stderr));
    assert!(!text(&out.stderr).contains(&token));
    assert!(live_of(&env, BOB).is_empty());
    assert_eq!(env.audit_len(), rows);

    // A seed's session-create is session-issue: a plain user may not.
    let out = env
        .cmd()
        .env("TEST_TOKEN", format!("rst_{}", "q".repeat(43)))
        .args(["--as", ANN, "seed", "other.json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 77, "{}", text(&out.stderr));
}

// ---------------------------------------------------------------- the active profile

#[test]
fn the_active_profile_is_the_only_membership_else_none() {
    let env = cast();
    // Zero memberships, one, two.
    assert_eq!(
        signed_in(&env, &[], BOB, BOB_PW).json["active_profile"],
        Value::Null
    );
    assert_eq!(
        signed_in(&env, &[], ANN, ANN_PW).json["active_profile"],
        "family"
    );
    assert_eq!(
        signed_in(&env, &[], MAX, MAX_PW).json["active_profile"],
        Value::Null
    );
    assert_eq!(issue(&env, ROOT, &[]).json["active_profile"], Value::Null);
    // --profile: a member's own.
    let out = env.run_with(
        &["login", MAX, "--password-stdin", "--profile", "other"],
        &format!("{MAX_PW}\n"),
    );
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    assert_eq!(started(&text(&out.stdout)).json["active_profile"], "other");
    assert_eq!(
        issue(&env, MAX, &["--profile", "family"]).json["active_profile"],
        "family"
    );
    // Not a member: 68.
    let out = env.run_with(
        &["login", ANN, "--password-stdin", "--profile", "other"],
        &format!("{ANN_PW}\n"),
    );
    assert_eq!(code(&out), 68, "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("ann@example.com is not a member of profile other"),
        "{}",
        text(&out.stderr)
    );
    let err = env.fails(68, &["session", "issue", BOB, "--profile", "family"]);
    assert!(
        err.contains("roster member add family bob@example.com"),
        "{err}"
    );
    // No such profile: 67.
    env.fails(67, &["session", "issue", ANN, "--profile", "nowhere"]);
    // A global admin may have any profile active.
    assert_eq!(
        issue(&env, ROOT, &["--profile", "other"]).json["active_profile"],
        "other"
    );
}

#[test]
fn session_use_picks_or_clears_the_active_profile() {
    let env = cast();
    let s = signed_in(&env, &[], MAX, MAX_PW);
    let v = env.json(&["--as", MAX, "session", "use", &s.id, "other"]);
    assert_eq!(v["active_profile"], "other");
    assert_eq!(active(&env, &s.id), "other");
    // Again: unchanged, and no audit row.
    let rows = env.audit_len();
    let out = env.ok(&["--format", "table", "session", "use", &s.id, "other"]);
    assert!(out.contains("already"), "{out}");
    assert_eq!(env.audit_len(), rows);
    env.json(&["session", "use", &s.id, "family"]);
    assert_eq!(active(&env, &s.id), "family");
    env.json(&["session", "use", &s.id, "--none"]);
    assert_eq!(active(&env, &s.id), Value::Null);
    assert_eq!(audit_of(&env, "session-use").len(), 3);
    // Neither a profile and --none, nor nothing.
    env.fails(2, &["session", "use", &s.id, "family", "--none"]);
    env.fails(2, &["session", "use", &s.id]);
    // Ann is no member of other: 68.
    let a = signed_in(&env, &[], ANN, ANN_PW);
    env.fails(68, &["session", "use", &a.id, "other"]);
    // Only a live session has an active profile.
    env.ok(&["session", "revoke", &a.id]);
    env.fails(68, &["session", "use", &a.id, "--none"]);
    // A user uses their own sessions, not others'.
    env.fails(77, &["--as", ANN, "session", "use", &s.id, "--none"]);
    // A global admin's session may have any profile.
    let r = issue(&env, ROOT, &[]);
    env.json(&["session", "use", &r.id, "other"]);
    assert_eq!(active(&env, &r.id), "other");
}

#[test]
fn a_first_membership_becomes_the_active_profile_of_sessions_without_one() {
    let env = cast();
    let bob = signed_in(&env, &[], BOB, BOB_PW);
    let ended = signed_in(&env, &[], BOB, BOB_PW);
    env.ok(&["session", "revoke", &ended.id]);
    assert_eq!(active(&env, &bob.id), Value::Null);
    env.ok(&["member", "add", "other", BOB]);
    assert_eq!(active(&env, &bob.id), "other");
    assert_eq!(
        active(&env, &ended.id),
        Value::Null,
        "a revoked session keeps none"
    );
    // A second membership changes nothing, and neither does a session that has one.
    env.ok(&["session", "use", &bob.id, "--none"]);
    env.ok(&["member", "add", "family", BOB]);
    assert_eq!(active(&env, &bob.id), Value::Null);

    // An invitation accepted is a membership too.
    let carl = issue(&env, "carl@example.com", &[]);
    assert_eq!(carl.json["active_profile"], Value::Null);
    env.ok(&["--as", "carl@example.com", "invite", "accept", "inv-carl"]);
    assert_eq!(active(&env, &carl.id), "family");
}

#[test]
fn leaving_removal_and_profile_deletion_clear_the_active_profile() {
    let env = cast();
    let ann = signed_in(&env, &[], ANN, ANN_PW);
    let max = issue(&env, MAX, &["--profile", "other"]);
    let max_family = issue(&env, MAX, &["--profile", "family"]);
    let olive = issue(&env, OLIVE, &["--profile", "other"]);
    assert_eq!(ann.json["active_profile"], "family");
    // Ann leaves family.
    env.ok(&["--as", ANN, "member", "remove", "family", ANN]);
    assert_eq!(active(&env, &ann.id), Value::Null);
    assert_eq!(status(&env, &ann.id), "live", "leaving ends no session");
    // Max is removed from other: only that session's profile is cleared.
    env.ok(&["--yes", "member", "remove", "other", MAX]);
    assert_eq!(active(&env, &max.id), Value::Null);
    assert_eq!(active(&env, &max_family.id), "family");
    // other is deleted: Olive's session has none.
    env.ok(&["--yes", "profile", "delete", "other"]);
    assert_eq!(active(&env, &olive.id), Value::Null);
    assert_eq!(status(&env, &olive.id), "live");
    let out = env.run(&["doctor"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let session_findings: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"].as_str().unwrap().starts_with("session"))
        .collect();
    assert!(session_findings.is_empty(), "{report}");
}

// ---------------------------------------------------------------- stale and may

#[test]
fn session_show_flags_a_stale_roles_snapshot() {
    let env = cast();
    let s = signed_in(&env, &[], BOB, BOB_PW);
    let v = show(&env, &s.id);
    assert_eq!(v["stale"], false);
    assert_eq!(v["roles"], json!([]));
    env.ok(&["user", "grant", BOB, "support"]);
    let v = show(&env, &s.id);
    assert_eq!(v["stale"], true, "{v}");
    assert_eq!(v["roles"], json!([]), "the snapshot is what it was");
    // A session begun now has the new roles, and is not stale.
    let t = issue(&env, BOB, &[]);
    assert_eq!(t.json["roles"], json!(["support"]));
    assert_eq!(show(&env, &t.id)["stale"], false);
    // The order of the roles is no change.
    env.ok(&[
        "role",
        "create",
        "desk",
        "--scope",
        "global",
        "--allow",
        "user-show",
    ]);
    env.ok(&["user", "grant", BOB, "desk"]);
    let u = issue(&env, BOB, &[]);
    env.sql(&format!(
        "UPDATE users SET roles = '[\"desk\",\"support\"]' WHERE email = '{BOB}'"
    ));
    assert_eq!(show(&env, &u.id)["stale"], false);
    // Revoking a role revokes the sessions: a revoked session is never stale-but-live.
    env.ok(&["user", "revoke", BOB, "desk"]);
    assert_eq!(status(&env, &u.id), "revoked");
}

#[test]
fn may_lists_what_the_session_may_do_in_its_active_profile() {
    let env = cast();
    let s = signed_in(&env, &[], ANN, ANN_PW);
    let may: Vec<String> = show(&env, &s.id)["may"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.as_str().unwrap().to_string())
        .collect();
    // The same decisions as `roster can ann --all family`.
    let can: Vec<String> = env
        .json(&["can", ANN, "--all", "family"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["allowed"] == true)
        .map(|d| d["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(may, can);
    for e in ["member-list", "media-add", "media-list", "profile-list"] {
        assert!(may.iter().any(|m| m == e), "{e} missing from {may:?}");
    }
    for e in [
        "member-add",
        "user-create",
        "session-issue",
        "profile-delete",
    ] {
        assert!(!may.iter().any(|m| m == e), "{e} in {may:?}");
    }
    // Without an active profile, no profile event is allowed.
    env.ok(&["session", "use", &s.id, "--none"]);
    let none = show(&env, &s.id)["may"].clone();
    assert!(
        !none.as_array().unwrap().contains(&json!("media-add")),
        "{none}"
    );
    // An owner's session in their profile may delete it.
    let o = issue(&env, OLIVE, &["--profile", "family"]);
    assert!(
        show(&env, &o.id)["may"]
            .as_array()
            .unwrap()
            .contains(&json!("profile-delete"))
    );
    // A revoked session may do nothing.
    env.ok(&["session", "revoke", &o.id]);
    assert_eq!(show(&env, &o.id)["may"], json!([]));
    // A table shows it too.
    let table = env.ok(&["--format", "table", "session", "show", &s.id]);
    assert!(table.contains("stale") && table.contains("may"), "{table}");
}

// ---------------------------------------------------------------- naming sessions

fn common_prefix(a: &str, b: &str) -> String {
    a.chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x)
        .collect()
}

#[test]
fn sessions_are_named_by_id_or_a_unique_prefix() {
    let env = cast();
    let a = issue(&env, BOB, &[]);
    let b = issue(&env, BOB, &[]);
    let shared = common_prefix(&a.id, &b.id);
    assert!(shared.len() >= 4, "{} {}", a.id, b.id);
    // The shortest unique prefix of each, in either case.
    let pa = &a.id[..shared.len() + 1];
    let pb = &b.id[..shared.len() + 1];
    assert_eq!(show(&env, pa)["id"], a.id.as_str());
    assert_eq!(show(&env, &pb.to_uppercase())["id"], b.id.as_str());
    assert_eq!(show(&env, &a.id)["id"], a.id.as_str());
    // Ambiguous: 68, naming both.
    let err = env.fails(68, &["session", "show", &shared]);
    assert!(err.contains(&a.id) && err.contains(&b.id), "{err}");
    assert!(err.contains("is ambiguous"), "{err}");
    env.fails(68, &["session", "revoke", &shared]);
    assert_eq!(
        live_of(&env, BOB).len(),
        2,
        "an ambiguous revoke revokes nothing"
    );
    // Unknown: 67.
    let err = env.fails(67, &["session", "show", "ffffffff"]);
    assert!(err.contains("session \"ffffffff\" does not exist"), "{err}");
    env.fails(67, &["session", "revoke", "ffffffff-ffff"]);
    env.fails(67, &["--as", ROOT, "session", "use", "ffffffff", "--none"]);
    // Too short, not hex, too long: 65.
    for bad in ["abc", "", "zzzzzz", "0193'--", &format!("{}0", a.id)] {
        let err = env.fails(65, &["session", "show", bad]);
        assert!(err.contains("name a session by its id"), "{bad}: {err}");
    }
}

#[test]
fn a_user_learns_nothing_of_sessions_not_theirs() {
    let env = cast();
    let mut a = issue(&env, BOB, &[]);
    let mut b = issue(&env, BOB, &[]);
    let mine = issue(&env, ANN, &[]);
    // Ids begin with the time: Bob's are renamed so that the prefix they share is none of
    // Ann's.
    env.sql(&format!(
        "UPDATE sessions SET id = 'abcd' || substr(id, 5) WHERE id IN ('{}', '{}')",
        a.id, b.id
    ));
    a.id = format!("abcd{}", &a.id[4..]);
    b.id = format!("abcd{}", &b.id[4..]);
    let shared = common_prefix(&a.id, &b.id);
    assert!(
        shared.len() >= 4 && !mine.id.starts_with(&shared),
        "{shared} {}",
        mine.id
    );
    // A missing id that looks like a real one.
    let missing = format!("{}ffffffffffff", &a.id[..24]);
    for event in ["show", "revoke"] {
        let existing = env.fails(77, &["--as", ANN, "session", event, &a.id]);
        let absent = env.fails(77, &["--as", ANN, "session", event, &missing]);
        assert_eq!(
            existing.replace(&a.id, "ID"),
            absent.replace(&missing, "ID"),
            "session {event}: the same words whether it exists or not"
        );
        let ambiguous = env.fails(77, &["--as", ANN, "session", event, &shared]);
        assert_eq!(
            existing.replace(&a.id, "ID"),
            ambiguous.replace(&shared, "ID"),
            "session {event}: an ambiguous prefix of others' sessions is no 68"
        );
        assert!(
            !ambiguous.contains(&a.id) && !ambiguous.contains(&b.id),
            "{ambiguous}"
        );
    }
    insta::assert_snapshot!(env.redact(&env.fails(77, &["--as", ANN, "session", "show", &missing])), @"
    error: permission denied: ann@example.com may not session-show: no role of theirs grants session-show
    hint: the global role admin grants session-show
    hint: `roster can ann@example.com session-show --record [id]` explains the decision
    ");
    let existing = env.fails(77, &["--as", ANN, "session", "use", &a.id, "--none"]);
    let absent = env.fails(77, &["--as", ANN, "session", "use", &missing, "--none"]);
    assert_eq!(
        existing.replace(&a.id, "ID"),
        absent.replace(&missing, "ID")
    );
    // `can` says no more than the command.
    let can_existing = env.run(&["can", ANN, "session-show", "--record", &a.id]);
    let can_absent = env.run(&["can", ANN, "session-show", "--record", &missing]);
    assert_eq!(code(&can_existing), 1, "{}", text(&can_existing.stderr));
    assert_eq!(code(&can_absent), 1, "{}", text(&can_absent.stderr));
    assert_eq!(
        text(&can_existing.stdout).replace(&a.id, "ID"),
        text(&can_absent.stdout).replace(&missing, "ID")
    );
    let can_ambiguous = env.run(&["can", ANN, "session-show", "--record", &shared]);
    assert_eq!(code(&can_ambiguous), 1, "{}", text(&can_ambiguous.stderr));
    // Their own: by id and by prefix.
    assert_eq!(
        env.json(&["--as", ANN, "session", "show", &mine.id])["id"],
        mine.id.as_str()
    );
    // A prefix that is also the start of Max's session: among Ann's own, it is unique.
    let max = issue(&env, MAX, &[]);
    let own_prefix = &mine.id[..common_prefix(&mine.id, &max.id).len().max(4)];
    assert!(max.id.starts_with(own_prefix), "{own_prefix} {}", max.id);
    assert_eq!(
        env.json(&["--as", ANN, "session", "show", own_prefix])["id"],
        mine.id.as_str()
    );
    let can_own = env.json(&["can", ANN, "session-revoke", "--record", &mine.id]);
    assert_eq!(can_own["allowed"], true);
    // The sessions are untouched.
    assert_eq!(live_of(&env, BOB).len(), 2);
}

// ---------------------------------------------------------------- automatic revocations

/// The `session-revoke` rows written for `user` with `reason`.
fn revocations(env: &Env, reason: &str) -> Vec<Value> {
    audit_of(env, "session-revoke")
        .into_iter()
        .filter(|r| r["data"]["reason"] == reason)
        .collect()
}

#[test]
fn disabling_a_user_revokes_their_sessions() {
    let env = cast();
    let a = signed_in(&env, &[], BOB, BOB_PW);
    let b = issue(&env, BOB, &[]);
    let ann = signed_in(&env, &[], ANN, ANN_PW);
    env.ok(&["--yes", "user", "disable", BOB]);
    assert_eq!(status(&env, &a.id), "revoked");
    assert_eq!(status(&env, &b.id), "revoked");
    assert_eq!(status(&env, &ann.id), "live");
    let rows = revocations(&env, "user-disable");
    assert_eq!(rows.len(), 1);
    let mut want = vec![a.id.clone(), b.id.clone()];
    want.sort();
    assert_eq!(rows[0]["data"]["sessions"], json!(want));
    // Enabling does not bring them back; disabling again writes nothing more.
    env.ok(&["user", "enable", BOB]);
    assert_eq!(status(&env, &a.id), "revoked");
    // A disabled user cannot act on their sessions either.
    let c = issue(&env, BOB, &[]);
    env.ok(&["--yes", "user", "disable", BOB]);
    env.fails(77, &["--as", BOB, "session", "list"]);
    assert_eq!(status(&env, &c.id), "revoked");
    assert_eq!(revocations(&env, "user-disable").len(), 2);
}

#[test]
fn losing_a_global_role_revokes_the_sessions_and_gaining_one_does_not() {
    let env = cast();
    env.ok(&["user", "grant", BOB, "support"]);
    let a = signed_in(&env, &[], BOB, BOB_PW);
    env.ok(&["user", "grant", ANN, "support"]);
    let ann = signed_in(&env, &[], ANN, ANN_PW);
    env.ok(&["user", "grant", ANN, "admin"]);
    assert_eq!(status(&env, &ann.id), "live", "a new role ends nothing");
    env.ok(&["user", "revoke", BOB, "support"]);
    assert_eq!(status(&env, &a.id), "revoked");
    assert_eq!(status(&env, &ann.id), "live");
    let rows = revocations(&env, "user-revoke");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["data"]["sessions"], json!([a.id]));
    // A revoke that changes nothing writes nothing.
    let n = env.audit_len();
    let _ = env.run(&["user", "revoke", BOB, "support"]);
    assert_eq!(env.audit_len(), n);
}

#[test]
fn a_new_password_revokes_the_sessions() {
    let env = cast();
    let a = signed_in(&env, &[], BOB, BOB_PW);
    let b = issue(&env, BOB, &[]);
    let ann = signed_in(&env, &[], ANN, ANN_PW);
    env.ok_with(
        &["user", "passwd", BOB, "--password-stdin"],
        "a-brand-new-one\n",
    );
    assert_eq!(status(&env, &a.id), "revoked");
    assert_eq!(status(&env, &b.id), "revoked");
    assert_eq!(status(&env, &ann.id), "live");
    assert_eq!(revocations(&env, "user-passwd").len(), 1);
    // The old password no longer signs in; the new one does.
    assert_eq!(code(&login(&env, &[], BOB, BOB_PW)), 77);
    signed_in(&env, &[], BOB, "a-brand-new-one");
    // Changing one's own password ends one's sessions too.
    env.ok_with(
        &["--as", ANN, "user", "passwd", ANN, "--password-stdin"],
        &format!("{ANN_PW}\nanother-new-one\n"),
    );
    assert_eq!(status(&env, &ann.id), "revoked");
    assert!(!env.ok(&["audit"]).contains("another-new-one"));
}

#[test]
fn deleting_a_user_deletes_their_sessions_and_the_audit_counts_them() {
    let env = cast();
    let a = signed_in(&env, &[], BOB, BOB_PW);
    let _b = issue(&env, BOB, &[]);
    let ended = issue(&env, BOB, &[]);
    env.ok(&["session", "revoke", &ended.id]);
    env.ok(&["--yes", "user", "delete", BOB]);
    assert_eq!(env.sql_value("SELECT count(*) FROM sessions"), "0");
    env.fails(67, &["session", "show", &a.id]);
    let rows = audit_of(&env, "user-delete");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["data"]["sessions"], 2, "the live ones: {}", rows[0]);
    // A user without sessions: no count.
    env.ok(&["--yes", "user", "delete", "carl@example.com"]);
    let rows = audit_of(&env, "user-delete");
    assert_eq!(rows[1]["data"].get("sessions"), None, "{}", rows[1]);
    env.ok(&["audit", "verify"]);
}

// ---------------------------------------------------------------- list, revoke, prune

#[test]
fn session_list_shows_live_sessions_and_with_all_every_one_with_its_status() {
    let env = cast();
    let live = signed_in(&env, &[], BOB, BOB_PW);
    let revoked = issue(&env, BOB, &[]);
    env.ok(&["session", "revoke", &revoked.id]);
    let short = issue(&env, ANN, &["--expires-in", "1h"]);
    let max = issue(&env, MAX, &["--profile", "other"]);
    let all = env.json(&["session", "list"]);
    assert_eq!(ids(&all), {
        let mut v = vec![live.id.clone(), short.id.clone(), max.id.clone()];
        v.sort();
        v
    });
    assert_eq!(
        env.json(&["session", "list", "--all"])
            .as_array()
            .unwrap()
            .len(),
        4
    );
    // Two hours later Ann's has expired.
    let later: Value = {
        let now = "2026-11-21T14:00:00Z";
        let out = env
            .cmd()
            .env("ROSTER_NOW", now)
            .args(["--json", "session", "list", "--all"])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let status_of = |id: &str| {
        later
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["status"].as_str().unwrap().to_string())
    };
    assert_eq!(status_of(&live.id).as_deref(), Some("live"));
    assert_eq!(status_of(&revoked.id).as_deref(), Some("revoked"));
    assert_eq!(status_of(&short.id).as_deref(), Some("expired"));
    // --user and --profile.
    assert_eq!(live_of(&env, BOB), vec![live.id.clone()]);
    assert_eq!(
        ids(&env.json(&["session", "list", "--user", BOB, "--all"])).len(),
        2
    );
    assert_eq!(
        ids(&env.json(&["session", "list", "--profile", "other"])),
        vec![max.id.clone()]
    );
    assert_eq!(
        ids(&env.json(&["session", "list", "--profile", "family"])),
        vec![short.id.clone()]
    );
    env.fails(67, &["session", "list", "--user", "nobody@example.com"]);
    env.fails(67, &["session", "list", "--profile", "nowhere"]);
    // A user sees only their own, whatever they ask for.
    assert_eq!(
        ids(&env.json(&["--as", BOB, "session", "list", "--all"])),
        {
            let mut v = vec![live.id.clone(), revoked.id.clone()];
            v.sort();
            v
        }
    );
    assert_eq!(
        ids(&env.json(&["--as", BOB, "session", "list", "--user", BOB])),
        vec![live.id.clone()]
    );
    env.fails(77, &["--as", BOB, "session", "list", "--user", ANN]);
    assert!(
        env.json(&["--as", BOB, "session", "list", "--profile", "other"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    // A global admin sees everyone's.
    assert_eq!(
        env.json(&["--as", ROOT, "session", "list"])
            .as_array()
            .unwrap()
            .len(),
        3
    );
    // Nothing to list: a note in a table, an empty list in JSON.
    let out = env.run(&["--format", "table", "session", "list", "--user", ROOT]);
    assert!(
        text(&out.stderr).contains("no live sessions"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(env.json(&["session", "list", "--user", ROOT]), json!([]));
}

#[test]
fn session_revoke_ends_the_sessions_named_and_an_ended_one_is_unchanged() {
    let env = cast();
    let a = issue(&env, BOB, &[]);
    let b = issue(&env, BOB, &[]);
    let c = signed_in(&env, &[], ANN, ANN_PW);
    let v = env.json(&["session", "revoke", &a.id, &b.id]);
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert_eq!(v[0]["status"], "revoked");
    assert_eq!(audit_of(&env, "session-revoke").len(), 2);
    // Again: unchanged, no audit row.
    let out = env.ok(&["--format", "table", "session", "revoke", &a.id]);
    assert!(out.starts_with("unchanged session"), "{out}");
    assert_eq!(audit_of(&env, "session-revoke").len(), 2);
    // A user revokes their own, not others'.
    env.fails(77, &["--as", BOB, "session", "revoke", &c.id]);
    assert_eq!(status(&env, &c.id), "live");
    env.ok(&["--as", ANN, "session", "revoke", &c.id]);
    assert_eq!(status(&env, &c.id), "revoked");
    // One name that fails revokes none of the others.
    let d = issue(&env, BOB, &[]);
    env.fails(67, &["session", "revoke", &d.id, "ffffffff"]);
    assert_eq!(status(&env, &d.id), "live");
}

#[test]
fn session_revoke_user_asks_first_and_ends_every_live_session() {
    let env = cast();
    let a = signed_in(&env, &[], BOB, BOB_PW);
    let b = issue(&env, BOB, &[]);
    let ann = issue(&env, ANN, &[]);
    // No terminal and no --yes: 2, and nothing revoked.
    let err = env.fails(2, &["session", "revoke", "--user", BOB]);
    assert!(
        err.contains("this revokes 2 live sessions of bob@example.com"),
        "{err}"
    );
    assert!(err.contains("add --yes"), "{err}");
    assert_eq!(live_of(&env, BOB).len(), 2);
    let v = env.json(&["--yes", "session", "revoke", "--user", BOB]);
    let mut want = vec![a.id.clone(), b.id.clone()];
    want.sort();
    assert_eq!(v, json!({"user": BOB, "revoked": want}));
    assert!(live_of(&env, BOB).is_empty());
    assert_eq!(status(&env, &ann.id), "live");
    let rows = audit_of(&env, "session-revoke");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["data"]["sessions"], json!(want));
    // None left: nothing to confirm, nothing written.
    let out = env.run(&["session", "revoke", "--user", BOB]);
    assert_eq!(code(&out), 0);
    assert!(text(&out.stderr).contains("has no live session"));
    assert_eq!(audit_of(&env, "session-revoke").len(), 1);
    // A user may end their own, not someone else's.
    env.fails(
        77,
        &["--yes", "--as", ANN, "session", "revoke", "--user", BOB],
    );
    env.ok(&["--yes", "--as", ANN, "session", "revoke", "--user", ANN]);
    assert_eq!(status(&env, &ann.id), "revoked");
    env.fails(
        67,
        &["--yes", "session", "revoke", "--user", "nobody@example.com"],
    );
}

#[test]
fn session_prune_removes_sessions_that_ended_over_30_days_ago() {
    let env = cast();
    // Revoked now; expiring in a day; live for 60 days; revoked on day 35.
    let revoked = issue(&env, BOB, &[]);
    env.ok(&["session", "revoke", &revoked.id]);
    let expiring = issue(&env, BOB, &["--expires-in", "1d"]);
    let long = issue(&env, BOB, &["--expires-in", "60d"]);
    let late = issue(&env, ANN, &["--expires-in", "60d"]);
    at_day(&env, 35, &["session", "revoke", &late.id], 0);
    // Today nothing is old enough.
    let out = env.json(&["session", "prune"]);
    assert_eq!(out, json!({"removed": 0}));
    assert!(audit_of(&env, "session-prune").is_empty());
    // On day 40: the one revoked on day 0 and the one that expired on day 1 go.
    let out = at_day(&env, 40, &["--json", "session", "prune"], 0);
    assert_eq!(
        serde_json::from_str::<Value>(&out).unwrap(),
        json!({"removed": 2})
    );
    let left = ids(&env.json(&["session", "list", "--all"]));
    let mut want = vec![long.id.clone(), late.id.clone()];
    want.sort();
    assert_eq!(left, want);
    let _ = expiring;
    let rows = audit_of(&env, "session-prune");
    assert_eq!(rows[0]["data"]["removed"], 2);
    // Only global admins prune.
    env.fails(77, &["--as", BOB, "session", "prune"]);
    env.ok(&["--as", ROOT, "session", "prune"]);
}

// ---------------------------------------------------------------- secrets

#[test]
fn no_token_and_no_token_hash_appears_in_any_output() {
    let env = cast();
    let token = format!("rst_{}", "S3cr3t-_".repeat(5) + "abc");
    let seed = json!({"version": 1, "events": [
        {"event": "session-create", "data": {"user": MAX, "token": "${env:TEST_TOKEN}", "profile": "other"}},
    ]});
    write(&env, "s.json", &seed.to_string());
    assert_eq!(code(&seed_with_token(&env, "s.json", &token)), 0);
    let mut secrets = vec![token.clone()];
    let a = signed_in(&env, &["--json"], BOB, BOB_PW);
    let b = issue(&env, ANN, &[]);
    let revoked = issue(&env, ANN, &[]);
    env.ok(&["session", "revoke", &revoked.id]);
    secrets.extend([a.token.clone(), b.token.clone(), revoked.token.clone()]);
    let hashes: Vec<String> = secrets.iter().map(|t| sha256_hex(t)).collect();
    // What is stored is those hashes.
    let n: usize = env
        .sql_value("SELECT count(*) FROM sessions")
        .parse()
        .unwrap();
    let mut stored: Vec<String> = (0..n)
        .map(|i| {
            env.sql_value(&format!(
                "SELECT token_hash FROM sessions ORDER BY token_hash LIMIT 1 OFFSET {i}"
            ))
        })
        .collect();
    stored.sort();
    let mut want = hashes.clone();
    want.sort();
    assert_eq!(stored, want);
    env.ok(&["session", "use", &b.id, "--none"]);
    env.ok(&["session", "use", &b.id, "family"]);

    let mut outputs: Vec<(String, String)> = Vec::new();
    let mut collect = |label: String, args: Vec<&str>| {
        let out = env.run(&args);
        assert!(
            matches!(code(&out), 0 | 1),
            "{label}: {}",
            text(&out.stderr)
        );
        outputs.push((label, format!("{}{}", text(&out.stdout), text(&out.stderr))));
    };
    for format in ["table", "json", "jsonl", "csv"] {
        for args in [
            vec!["session", "list"],
            vec!["session", "list", "--all"],
            vec!["session", "show", a.id.as_str()],
            vec!["session", "show", revoked.id.as_str()],
            vec!["audit"],
            vec!["export"],
            vec!["export", "--with-secrets"],
            vec!["whoami"],
            vec!["doctor"],
            vec!["user", "show", BOB],
        ] {
            let mut all = vec!["--format", format];
            all.extend(args.iter().copied());
            collect(all.join(" "), all);
        }
        collect(
            format!("--as bob {format} session list"),
            vec!["--format", format, "--as", BOB, "session", "list", "--all"],
        );
    }
    collect("audit verify".into(), vec!["audit", "verify"]);
    collect(
        "-v session show".into(),
        vec!["-vv", "session", "show", &b.id],
    );
    let _ = env.run(&["export", "-o", "full.json", "--with-secrets"]);
    outputs.push((
        "export file".into(),
        std::fs::read_to_string(env.path("full.json")).unwrap(),
    ));
    for (label, out) in &outputs {
        for (t, h) in secrets.iter().zip(&hashes) {
            assert!(!out.contains(t.as_str()), "{label} shows a token:\n{out}");
            assert!(
                !out.contains(h.as_str()),
                "{label} shows a token hash:\n{out}"
            );
            // Nor a good part of either.
            assert!(!out.contains(&t[4..24]), "{label} shows part of a token");
            assert!(!out.contains(&h[..24]), "{label} shows part of a hash");
        }
    }
    // The list has the sessions, so the search above looked at them.
    let list = &outputs
        .iter()
        .find(|(l, _)| l == "--format json session list --all")
        .unwrap()
        .1;
    assert!(list.contains(&a.id) && list.contains(&revoked.id), "{list}");
}

// ---------------------------------------------------------------- verified identifiers

#[test]
fn user_verify_marks_an_email_or_phone_verified_and_undoes_it() {
    let env = cast();
    env.ok(&["user", "update", BOB, "--phone", "+14155550123"]);
    let v = env.json(&["user", "verify", BOB, "--email"]);
    assert_eq!(v["email_verified_at"], "2026-11-21T12:00:03.000Z", "{v}");
    assert_eq!(v["phone_verified_at"], Value::Null);
    let shown = env.json(&["user", "show", BOB]);
    assert_eq!(shown["email_verified_at"], v["email_verified_at"]);
    let table = env.ok(&["--format", "table", "user", "show", BOB]);
    assert!(
        table.contains("email_verified_at") && table.contains("phone_verified_at"),
        "{table}"
    );
    // Again: unchanged, keeping the time, no audit row.
    let n = env.audit_len();
    let out = env.run(&["user", "verify", BOB, "--email"]);
    assert_eq!(code(&out), 0);
    assert!(
        text(&out.stderr).contains("already verified"),
        "{}",
        text(&out.stderr)
    );
    let table = env.ok(&["--format", "table", "user", "verify", BOB, "--email"]);
    assert!(
        table.contains("unchanged") || table.contains("already"),
        "{table}"
    );
    assert_eq!(env.audit_len(), n);
    assert_eq!(
        env.json(&["user", "show", BOB])["email_verified_at"],
        v["email_verified_at"]
    );
    // Phone; undo.
    let v = env.json(&["--as", ROOT, "user", "verify", BOB, "--phone"]);
    assert_ne!(v["phone_verified_at"], Value::Null);
    let v = env.json(&["user", "verify", BOB, "--email", "--undo"]);
    assert_eq!(v["email_verified_at"], Value::Null);
    assert_ne!(v["phone_verified_at"], Value::Null);
    let rows = audit_of(&env, "user-verify");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["data"], json!({"email_verified": false}));
    // Exactly one of --email and --phone.
    env.fails(2, &["user", "verify", BOB]);
    env.fails(2, &["user", "verify", BOB, "--email", "--phone"]);
    // Nothing to verify: 68.
    let err = env.fails(68, &["user", "verify", ANN, "--phone"]);
    assert!(err.contains("has no phone to verify"), "{err}");
    env.fails(67, &["user", "verify", "nobody@example.com", "--email"]);
    // Global admins only, never on oneself.
    let err = env.fails(77, &["--as", ANN, "user", "verify", BOB, "--email"]);
    assert!(err.contains("may not user-verify"), "{err}");
    let err = env.fails(77, &["--as", ANN, "user", "verify", ANN, "--email"]);
    assert!(err.contains("may not user-verify"), "{err}");
    let err = env.fails(77, &["--as", ROOT, "user", "verify", ROOT, "--email"]);
    assert!(
        err.contains("user-verify is never done to oneself"),
        "{err}"
    );
    // Changing the email is not verifying the new one? (The verified state stays with the
    // record; what an update does is the design's, not this test's.)
}

#[test]
fn the_user_verify_seed_event_and_email_verified_in_user_create() {
    let env = Env::init();
    let seed = json!({"version": 1, "events": [
        {"event": "user-create", "data": {"email": ROOT, "name": "Root"}},
        {"event": "user-create", "data": {"email": BOB, "name": "Bob", "email_verified": true}},
        {"event": "user-create", "data": {"email": ANN, "name": "Ann", "phone": "+14155550100"}},
        {"event": "user-verify", "data": {"user": ANN, "phone": true}},
    ]});
    write(&env, "v.json", &seed.to_string());
    env.ok(&["seed", "v.json"]);
    let bob = env.json(&["user", "show", BOB]);
    assert_ne!(bob["email_verified_at"], Value::Null);
    let ann = env.json(&["user", "show", ANN]);
    assert_eq!(ann["email_verified_at"], Value::Null);
    assert_ne!(ann["phone_verified_at"], Value::Null);
    // Idempotent: the second run changes nothing, and keeps the times.
    let n = env.audit_len();
    let report = crate::seeds::seed(&env, &["v.json"]);
    crate::seeds::all_unchanged(&report);
    assert_eq!(env.audit_len(), n);
    assert_eq!(
        env.json(&["user", "show", BOB])["email_verified_at"],
        bob["email_verified_at"]
    );
    // Neither or both of email and phone: 65.
    for data in [
        json!({"user": BOB}),
        json!({"user": BOB, "email": true, "phone": true}),
    ] {
        let bad = json!({"version": 1, "events": [{"event": "user-verify", "data": data}]});
        write(&env, "bad.json", &bad.to_string());
        let err = env.fails(65, &["seed", "bad.json"]);
        assert!(err.contains("give exactly one of"), "{err}");
    }
    // undo.
    let undo = json!({"version": 1, "events": [{"event": "user-verify", "data": {"user": BOB, "email": true, "undo": true}}]});
    write(&env, "undo.json", &undo.to_string());
    env.ok(&["seed", "undo.json"]);
    assert_eq!(
        env.json(&["user", "show", BOB])["email_verified_at"],
        Value::Null
    );
    // A plain user may not.
    let err = env.fails(77, &["--as", ANN, "seed", "v.json"]);
    assert!(err.contains("may not"), "{err}");
}

#[test]
fn a_profile_that_requires_verified_emails_refuses_an_unverified_invitee() {
    let env = cast();
    env.ok(&[
        "profile",
        "update",
        "family",
        "--require-verified-email",
        "true",
    ]);
    assert_eq!(
        env.json(&["profile", "show", "family"])["require_verified_email"],
        true
    );
    let err = env.fails(
        77,
        &["--as", "carl@example.com", "invite", "accept", "inv-carl"],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: carl@example.com may not invite-accept: profile family accepts only verified emails
    hint: a global admin can run `roster user verify carl@example.com --email`
    hint: `roster can carl@example.com invite-accept --record inv-carl` explains the decision
    ");
    let inv = env.json(&["invite", "show", "inv-carl"]);
    assert_eq!(inv["status"], "pending");
    env.ok(&["user", "verify", "carl@example.com", "--email"]);
    env.ok(&["--as", "carl@example.com", "invite", "accept", "inv-carl"]);
    assert_eq!(
        env.json(&["invite", "show", "inv-carl"])["status"],
        "accepted"
    );
    // A profile that does not require it accepts anyone (the default).
    env.user("dora@example.com", "Dora");
    assert_eq!(
        env.json(&["profile", "show", "other"])["require_verified_email"],
        false
    );
    env.ok(&[
        "invite",
        "send",
        "other",
        "dora@example.com",
        "--id",
        "inv-dora",
    ]);
    env.ok(&["--as", "dora@example.com", "invite", "accept", "inv-dora"]);
    // A profile created with it.
    let p = env.json(&[
        "profile",
        "create",
        "--name",
        "Strict",
        "--require-verified-email",
        "true",
    ]);
    assert_eq!(p["require_verified_email"], true);
}

// ---------------------------------------------------------------- whoami

#[test]
fn whoami_names_the_operator_or_the_user_with_roles_and_memberships() {
    let env = cast();
    assert_eq!(
        env.json(&["whoami"]),
        json!({"actor": "operator:tester", "kind": "operator", "user": null,
               "global_roles": [], "is_admin": true, "memberships": []})
    );
    env.ok(&["user", "grant", MAX, "support"]);
    let max_id = env.json(&["user", "show", MAX])["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        env.json(&["--as", MAX, "whoami"]),
        json!({"actor": format!("user:{max_id}"), "kind": "user", "user": MAX,
               "global_roles": ["support"], "is_admin": false,
               "memberships": [{"profile": "family", "role": "member"}, {"profile": "other", "role": "member"}]})
    );
    let root = env.json(&["--as", ROOT, "whoami"]);
    assert_eq!(root["is_admin"], true);
    assert_eq!(root["global_roles"], json!(["admin"]));
    assert_eq!(root["memberships"], json!([]));
    let table = env.ok(&["--format", "table", "--as", OLIVE, "whoami"]);
    assert!(
        table.contains("olive@example.com") && table.contains("family"),
        "{table}"
    );
    // A disabled user cannot act, so cannot ask either.
    env.ok(&["--yes", "user", "disable", BOB]);
    env.fails(77, &["--as", BOB, "whoami"]);
    env.fails(67, &["--as", "nobody@example.com", "whoami"]);
}

// ---------------------------------------------------------------- doctor

#[test]
fn doctor_reports_a_live_session_of_a_disabled_user_and_an_active_profile_outside_memberships() {
    let env = cast();
    let bob = issue(&env, BOB, &[]);
    let ann = issue(&env, ANN, &[]);
    let root = issue(&env, ROOT, &["--profile", "other"]);
    let healthy = env.run(&["doctor"]);
    let report: Value = serde_json::from_slice(&healthy.stdout).unwrap();
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"].as_str().unwrap().starts_with("session")),
        "{report}"
    );
    let checks = report["checks"].as_array().unwrap();
    assert!(
        checks.contains(&json!("session-of-disabled"))
            && checks.contains(&json!("session-profile"))
    );
    // What no command can do: edit the database.
    // (FALSE is 0 to SQLite, a boolean to PostgreSQL.)
    env.sql(&format!(
        "UPDATE users SET active = FALSE WHERE email = '{BOB}';
         UPDATE sessions SET active_profile_id = (SELECT id FROM profiles WHERE slug = 'other')
          WHERE id = '{}';",
        ann.id
    ));
    let out = env.run(&["doctor"]);
    assert_eq!(code(&out), 1, "{}", text(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["check"].as_str().unwrap().starts_with("session"))
        .collect();
    assert_eq!(
        findings,
        vec![
            &json!({"check": "session-of-disabled", "subject": format!("session {}", bob.id),
                    "message": "bob@example.com is disabled but this session of theirs is live",
                    "fix": format!("roster session revoke {}", bob.id)}),
            &json!({"check": "session-profile", "subject": format!("session {}", ann.id),
                    "message": "its active profile other is not one ann@example.com belongs to",
                    "fix": format!("roster session use {} --none", ann.id)}),
        ],
        "a global admin's session in any profile is fine ({})",
        root.id
    );
    // The fixes it suggests fix it.
    env.ok(&["session", "revoke", &bob.id]);
    env.ok(&["session", "use", &ann.id, "--none"]);
    let out = env.run(&["doctor"]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        !report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"].as_str().unwrap().starts_with("session")),
        "{report}"
    );
}

// ---------------------------------------------------------------- export

/// A new environment seeded from `export`.
fn reseed(export: &str) -> Env {
    let env = Env::init();
    write(&env, "export.json", export);
    env.ok(&["seed", "export.json"]);
    env
}

#[test]
fn export_leaves_sessions_out_and_round_trips_verified_users_and_strict_profiles() {
    let env = cast();
    env.ok(&["user", "verify", ANN, "--email"]);
    env.ok(&["user", "update", MAX, "--phone", "+14155550199"]);
    env.ok(&["user", "verify", MAX, "--phone"]);
    env.ok(&[
        "profile",
        "update",
        "family",
        "--require-verified-email",
        "true",
    ]);
    issue(&env, ANN, &[]);
    signed_in(&env, &[], BOB, BOB_PW);
    let token = format!("rst_{}", "E".repeat(43));
    let seed = json!({"version": 1, "events": [
        {"event": "session-create", "data": {"user": MAX, "token": "${env:TEST_TOKEN}"}},
    ]});
    write(&env, "s.json", &seed.to_string());
    assert_eq!(code(&seed_with_token(&env, "s.json", &token)), 0);

    let one = env.ok(&["export", "--with-secrets"]);
    assert!(!one.contains("session"), "sessions are credentials: {one}");
    let v: Value = serde_json::from_str(&one).unwrap();
    let events = v["events"].as_array().unwrap();
    let data_of = |event: &str, key: &str, value: &str| {
        events
            .iter()
            .find(|e| e["event"] == event && e["data"][key] == value)
            .map(|e| e["data"].clone())
            .unwrap_or_else(|| panic!("no {event} with {key} {value}: {one}"))
    };
    assert_eq!(data_of("user-create", "email", ANN)["email_verified"], true);
    assert_eq!(data_of("user-create", "email", MAX)["phone_verified"], true);
    assert_eq!(
        data_of("user-create", "email", BOB).get("email_verified"),
        None
    );
    assert_eq!(
        data_of("profile-create", "slug", "family")["require_verified_email"],
        true
    );
    assert_eq!(
        data_of("profile-create", "slug", "other").get("require_verified_email"),
        None
    );

    let copy = reseed(&one);
    let two = copy.ok(&["export", "--with-secrets"]);
    assert_eq!(two, one, "export → seed → export gives the same bytes");
    assert_eq!(copy.json(&["session", "list", "--all"]), json!([]));
    assert_ne!(
        copy.json(&["user", "show", ANN])["email_verified_at"],
        Value::Null
    );
    assert_eq!(
        copy.json(&["profile", "show", "family"])["require_verified_email"],
        true
    );
    let plain = env.ok(&["export"]);
    assert_eq!(reseed(&plain).ok(&["export"]), plain);
}

// ---------------------------------------------------------------- a race

/// Starts roster with `args` and `stdin`, waiting up to 20 s for the database.
fn start(env: &Env, args: &[&str], stdin: &str) -> std::process::Child {
    let mut child = env
        .roster()
        .args(args)
        .env("ROSTER_BUSY_TIMEOUT_MS", "20000")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start roster");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.as_bytes()).expect("write stdin");
    drop(input);
    child
}

#[test]
fn two_logins_racing_a_revoke_of_the_user_leave_no_live_session_once_revoked_again() {
    let env = cast();
    for round in 0..3 {
        issue(&env, BOB, &[]);
        let children = vec![
            start(
                &env,
                &["--json", "login", BOB, "--password-stdin"],
                &format!("{BOB_PW}\n"),
            ),
            start(
                &env,
                &["--yes", "--json", "session", "revoke", "--user", BOB],
                "",
            ),
            start(
                &env,
                &["--json", "login", BOB, "--password-stdin"],
                &format!("{BOB_PW}\n"),
            ),
        ];
        let outs: Vec<Output> = children
            .into_iter()
            .map(|c| c.wait_with_output().expect("wait"))
            .collect();
        for o in &outs {
            assert_eq!(code(o), 0, "round {round}: {}", text(&o.stderr));
            assert!(!text(&o.stderr).contains("panicked"));
        }
        // The logins printed tokens of sessions that exist.
        for o in [&outs[0], &outs[2]] {
            let s = started(&text(&o.stdout));
            assert!(is_token(&s.token));
            let st = status(&env, &s.id);
            assert!(st == "live" || st == "revoked", "{st}");
        }
        env.ok(&["--yes", "session", "revoke", "--user", BOB]);
        assert!(live_of(&env, BOB).is_empty(), "round {round}");
    }
    env.ok(&["audit", "verify"]);
    assert_eq!(audit_of(&env, "login").len(), 6);
}
