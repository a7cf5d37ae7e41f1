//! `roster invite …`: sending, answering, canceling, expiry (with an injected clock, never
//! sleeping), listing, the audit rows, and racing accepts.

use std::process::Output;

use chrono::{DateTime, Duration, Utc};
use serde_json::Value;

use crate::common::*;
use crate::members::{
    ADMIN, MEMBER, OUTSIDER, OWNER, ROOT, audit_since, events, family, race, roles,
};

/// A user in no profile, the usual invitee.
const DAN: &str = "dan@example.com";

/// A fixed "now" for the tests that let time pass.
const T0: &str = "2031-03-01T12:00:00Z";

fn time(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text:?} is not RFC 3339: {e}"))
        .with_timezone(&Utc)
}

/// `T0` plus this many minutes, as RFC 3339.
fn later(minutes: i64) -> String {
    (time(T0) + Duration::minutes(minutes)).to_rfc3339()
}

fn str_of<'a>(v: &'a Value, field: &str) -> &'a str {
    v[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} is not a string in {v}"))
}

/// Seconds from `created_at` to `expires_at`.
fn lifetime(inv: &Value) -> i64 {
    (time(str_of(inv, "expires_at")) - time(str_of(inv, "created_at"))).num_seconds()
}

/// Runs roster with `ROSTER_NOW` set.
fn at(env: &Env, now: &str, args: &[&str]) -> Output {
    env.cmd()
        .env("ROSTER_NOW", now)
        .args(args)
        .output()
        .expect("run roster")
}

/// Runs with `--json` at `now`, expects 0, returns the parsed stdout.
fn json_at(env: &Env, now: &str, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let out = at(env, now, &all);
    assert_eq!(
        out.status.code(),
        Some(0),
        "roster {args:?} at {now} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

/// Runs at `now`, expects `code`, returns stderr.
fn fails_at(env: &Env, code: i32, now: &str, args: &[&str]) -> String {
    let out = at(env, now, args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(
        out.status.code(),
        Some(code),
        "roster {args:?} at {now}: expected {code}\nstdout: {}\nstderr: {stderr}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// `invite send` of one email; returns the one invitation.
fn send(env: &Env, args: &[&str]) -> Value {
    let v = env.json(args);
    let list = v.as_array().expect("invite send prints an array");
    assert_eq!(list.len(), 1, "{v}");
    list[0].clone()
}

fn id(inv: &Value) -> String {
    str_of(inv, "id").to_string()
}

/// The stored status, read past roster.
fn stored_status(env: &Env, id: &str) -> String {
    let status = env.sql_value(&format!(
        "SELECT status FROM invitations WHERE id = '{}'",
        id.replace('\'', "''")
    ));
    assert!(!status.is_empty(), "no invitation row {id}");
    status
}

/// `(email, status)` of each invitation in a list, sorted.
fn summary(list: &Value) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|i| {
            (
                str_of(i, "profile").to_string(),
                str_of(i, "email").to_string(),
                str_of(i, "status").to_string(),
            )
        })
        .collect();
    v.sort();
    v
}

fn triple(profile: &str, email: &str, status: &str) -> (String, String, String) {
    (profile.into(), email.into(), status.into())
}

/// A UUID v4 as text: 8-4-4-4-12 lower-case hex, version nibble 4, variant 10xx.
fn is_uuid_v4(id: &str) -> bool {
    let b = id.as_bytes();
    id.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && id
            .bytes()
            .enumerate()
            .all(|(i, c)| [8, 13, 18, 23].contains(&i) || matches!(c, b'0'..=b'9' | b'a'..=b'f'))
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
}

fn invite_env() -> Env {
    let env = family();
    env.user(DAN, "Dan");
    env
}

// ---------------------------------------------------------------- send

#[test]
fn send_defaults_to_48_hours_a_uuid_v4_and_prints_the_accept_command() {
    let env = invite_env();
    let before = env.audit_len();
    let inv = send(&env, &["invite", "send", "family", "Dan@Example.COM"]);
    let id = id(&inv);
    assert_eq!(inv["email"], DAN, "stored lower-case");
    assert_eq!(inv["profile"], "family");
    assert_eq!(inv["role"], "member");
    assert_eq!(inv["status"], "pending");
    assert_eq!(inv["inviter_id"], Value::Null, "the operator is no user");
    assert_eq!(lifetime(&inv), 48 * 3600);
    assert!(is_uuid_v4(&id), "{id}");
    assert_eq!(
        uuid::Uuid::parse_str(&id).map(|u| u.get_version_num()).ok(),
        Some(4)
    );
    assert_eq!(
        inv["accept_command"],
        format!("roster --as {DAN} invite accept {id}").as_str()
    );
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "invite-send");
    assert_eq!(rows[0]["subject"], id.as_str());

    // The printed command works as printed.
    let command = str_of(&inv, "accept_command").to_string();
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    let accepted = env.json(&args);
    assert_eq!(accepted["status"], "accepted");
}

#[test]
fn several_emails_get_distinct_random_ids_and_the_inviter_is_recorded() {
    let env = invite_env();
    let owner_id = env.json(&["user", "show", OWNER])["id"].clone();
    let v = env.json(&[
        "--as",
        OWNER,
        "invite",
        "send",
        "family",
        "eve@example.com",
        "fay@example.com",
    ]);
    let list = v.as_array().expect("array");
    assert_eq!(list.len(), 2);
    assert_ne!(list[0]["id"], list[1]["id"]);
    for inv in list {
        assert!(is_uuid_v4(str_of(inv, "id")), "{inv}");
        assert_eq!(inv["inviter_id"], owner_id);
    }
    // An explicit id is taken as given, for one email only (the action's rule: 65).
    let inv = send(
        &env,
        &["invite", "send", "family", DAN, "--id", "welcome-dan"],
    );
    assert_eq!(inv["id"], "welcome-dan");
    let err = env.fails(
        65,
        &[
            "invite",
            "send",
            "family",
            "g@example.com",
            "h@example.com",
            "--id",
            "x",
        ],
    );
    insta::assert_snapshot!(err, @"error: id: an explicit id needs exactly one email");
}

#[test]
fn expires_in_takes_durations_and_refuses_bad_ones() {
    let env = invite_env();
    for (i, (text, seconds)) in [
        ("90s", 90),
        ("30m", 30 * 60),
        ("48h", 48 * 3600),
        ("7d", 7 * 86_400),
        ("1d12h", 36 * 3600),
    ]
    .into_iter()
    .enumerate()
    {
        let email = format!("d{i}@example.com");
        let inv = send(
            &env,
            &["invite", "send", "family", &email, "--expires-in", text],
        );
        assert_eq!(lifetime(&inv), seconds, "--expires-in {text}");
    }
    let before = env.audit_len();
    let mut refusals = String::new();
    for bad in [
        "48",
        "abc",
        "1.5h",
        "0s",
        "-1h",
        "",
        "99999999999999999999d",
    ] {
        let flag = format!("--expires-in={bad}");
        let err = env.fails(
            65,
            &[
                "--format",
                "table",
                "invite",
                "send",
                "family",
                "bad@example.com",
                &flag,
            ],
        );
        refusals.push_str(&format!("{flag}\n{err}"));
    }
    insta::assert_snapshot!(refusals, @r#"
    --expires-in=48
    error: --expires-in "48": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    --expires-in=abc
    error: --expires-in "abc": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    --expires-in=1.5h
    error: --expires-in "1.5h": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    --expires-in=0s
    error: --expires-in "0s": must be longer than zero
    --expires-in=-1h
    error: --expires-in "-1h": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    --expires-in=
    error: --expires-in "": is not a duration
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    --expires-in=99999999999999999999d
    error: --expires-in "99999999999999999999d": is longer than 100 years
    "#);
    assert_eq!(env.audit_len(), before);
    let list = env.json(&["invite", "list", "family"]);
    assert_eq!(list.as_array().map(Vec::len), Some(5));
}

#[test]
fn bad_emails_are_65_and_several_emails_are_one_transaction() {
    let env = invite_env();
    let before = env.audit_len();
    let err = env.fails(65, &["invite", "send", "family", "not-an-email"]);
    insta::assert_snapshot!(err, @r#"
    error: email "not-an-email": has no '@'
    hint: an email looks like name@example.com
    "#);
    env.fails(
        65,
        &[
            "invite",
            "send",
            "family",
            "eve@example.com",
            "not-an-email",
        ],
    );
    // A conflict on the second email undoes the first.
    env.fails(68, &["invite", "send", "family", "eve@example.com", MEMBER]);
    assert_eq!(env.audit_len(), before);
    assert_eq!(
        env.json(&["invite", "list", "family"])
            .as_array()
            .map(Vec::len),
        Some(0)
    );
}

#[test]
fn owners_admins_and_global_admins_send_invitations() {
    let env = invite_env();
    for (i, actor) in [OWNER, ADMIN, ROOT].into_iter().enumerate() {
        let email = format!("e{i}@example.com");
        send(&env, &["--as", actor, "invite", "send", "family", &email]);
    }
    send(&env, &["invite", "send", "family", "e3@example.com"]);
    // Inviting as owner needs an owner or a global admin.
    let before = env.audit_len();
    let err = env.fails(
        77,
        &[
            "--as", ADMIN, "invite", "send", "family", DAN, "--role", "owner",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: alice@example.com may not invite-send in family: granting the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com invite-send family --role owner` explains the decision
    ");
    assert_eq!(env.audit_len(), before);
    let inv = send(
        &env,
        &[
            "--as", OWNER, "invite", "send", "family", DAN, "--role", "owner",
        ],
    );
    assert_eq!(inv["role"], "owner");
    let inv = send(
        &env,
        &[
            "--as",
            ADMIN,
            "invite",
            "send",
            "family",
            "f@example.com",
            "--role",
            "admin",
        ],
    );
    assert_eq!(inv["role"], "admin");
}

#[test]
fn members_and_outsiders_may_not_send_and_learn_nothing() {
    let env = invite_env();
    let before = env.audit_len();
    for actor in [MEMBER, OUTSIDER, DAN] {
        let err = env.fails(
            77,
            &["--as", actor, "invite", "send", "family", "x@example.com"],
        );
        insta::allow_duplicates! {
            insta::assert_snapshot!(err.replace(actor, "ACTOR"), @"
            error: permission denied: ACTOR may not invite-send in family: no role of theirs grants invite-send
            hint: the profile roles owner and admin, and the global role admin grant invite-send
            hint: `roster can ACTOR invite-send family` explains the decision
            ");
        }
        let missing = env.fails(
            77,
            &[
                "--as",
                actor,
                "invite",
                "send",
                "nonexistent",
                "x@example.com",
            ],
        );
        assert!(!missing.contains("does not exist"), "{missing}");
        assert_eq!(missing.replace("nonexistent", "family"), err);
        env.fails(77, &["--as", actor, "invite", "list", "family"]);
        env.fails(77, &["--as", actor, "invite", "list", "nonexistent"]);
    }
    assert_eq!(env.audit_len(), before);
    let err = env.fails(67, &["invite", "send", "nonexistent", "x@example.com"]);
    insta::assert_snapshot!(err, @r#"
    error: profile "nonexistent" does not exist
    hint: list profiles with `roster profile list`
    "#);
    env.fails(67, &["--as", ROOT, "invite", "list", "nonexistent"]);
}

#[test]
fn a_member_or_a_pending_invitee_is_not_invited_again_and_resend_extends() {
    let env = invite_env();
    let before = env.audit_len();
    let err = fails_at(&env, 68, T0, &["invite", "send", "family", MEMBER]);
    insta::assert_snapshot!(err, @"
    error: mike@example.com is already a member of profile family (role member)
    hint: change their role with `roster member role family mike@example.com ROLE`
    ");
    assert_eq!(env.audit_len(), before);

    let first = json_at(&env, T0, &["invite", "send", "family", DAN]);
    let first = &first[0];
    let err = fails_at(
        &env,
        68,
        &later(60),
        &["invite", "send", "family", "DAN@example.com"],
    );
    insta::assert_snapshot!(redact(&err), @"
    error: dan@example.com already has a pending invitation to profile family (id [id], expires 2031-03-03T12:00:00.000Z)
    hint: add --resend to extend it
    ");
    assert_eq!(env.audit_len(), before + 1);

    let resent = json_at(
        &env,
        &later(60),
        &["invite", "send", "family", DAN, "--resend"],
    );
    let resent = &resent[0];
    assert_eq!(resent["id"], first["id"], "the same invitation");
    assert!(
        time(str_of(resent, "expires_at")) > time(str_of(first, "expires_at")),
        "{first} / {resent}"
    );
    assert_eq!(
        time(str_of(resent, "expires_at")),
        time(&later(60)) + Duration::hours(48)
    );
    assert_eq!(resent["status"], "pending");
    assert_eq!(events(&env)[before..], ["invite-send", "invite-resend"]);
    let list = json_at(&env, &later(60), &["invite", "list", "family"]);
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[test]
fn resend_keeps_the_role_offered() {
    let env = invite_env();
    let first = send(
        &env,
        &[
            "--as", ADMIN, "invite", "send", "family", DAN, "--role", "admin",
        ],
    );
    // Without --role (which defaults to member), the admin offer stands.
    let resent = send(
        &env,
        &[
            "--as",
            ADMIN,
            "invite",
            "send",
            "family",
            DAN,
            "--resend",
            "--expires-in",
            "7d",
        ],
    );
    assert_eq!(resent["id"], first["id"]);
    assert_eq!(resent["role"], "admin");
    assert!(lifetime(&resent) > lifetime(&first));
    let v = env.json(&["--as", DAN, "invite", "accept", str_of(&first, "id")]);
    assert_eq!(v["member"]["role"], "admin");
}

#[test]
fn resend_does_not_revive_an_invitation_to_someone_who_became_a_member() {
    let env = invite_env();
    let inv = send(&env, &["invite", "send", "family", DAN]);
    // Added directly while the invitation was pending.
    env.json(&["member", "add", "family", DAN]);
    let before = env.audit_len();
    for extra in [&[][..], &["--resend"]] {
        let mut args = vec!["invite", "send", "family", DAN];
        args.extend_from_slice(extra);
        let err = env.fails(68, &args);
        assert!(!err.contains("add --resend"), "{extra:?}: {err}");
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @"
            error: dan@example.com is already a member of profile family (role member)
            hint: change their role with `roster member role family dan@example.com ROLE`
            ");
        }
    }
    assert_eq!(env.audit_len(), before);
    let shown = env.json(&["invite", "show", str_of(&inv, "id")]);
    assert_eq!(shown["expires_at"], inv["expires_at"]);
}

// ---------------------------------------------------------------- accept

#[test]
fn accept_creates_the_membership_with_the_invitations_role_once() {
    let env = invite_env();
    let inv = send(
        &env,
        &[
            "--as", ADMIN, "invite", "send", "family", DAN, "--role", "admin",
        ],
    );
    let id = id(&inv);
    let before = env.audit_len();
    let v = env.json(&["--as", "DAN@EXAMPLE.COM", "invite", "accept", &id]);
    assert_eq!(v["status"], "accepted");
    assert_eq!(v["member"]["email"], DAN);
    assert_eq!(v["member"]["role"], "admin");
    assert_eq!(roles(&env, "family")[DAN], "admin");
    assert_eq!(env.json(&["invite", "show", &id])["status"], "accepted");
    assert_eq!(stored_status(&env, &id), "accepted");
    let rows = audit_since(&env, before);
    let got: Vec<&str> = rows.iter().map(|r| r["event"].as_str().unwrap()).collect();
    assert_eq!(got, ["member-add", "invite-accept"]);
    assert_eq!(rows[1]["subject"], id.as_str());

    // Accepted once: answering again is a conflict, and so is canceling.
    let before = env.audit_len();
    let err = env.fails(68, &["--as", DAN, "invite", "accept", &id]);
    insta::assert_snapshot!(redact(&err), @"error: invitation [id] is accepted, not pending");
    env.fails(68, &["--as", DAN, "invite", "reject", &id]);
    env.fails(68, &["invite", "cancel", &id]);
    assert_eq!(env.audit_len(), before);
    // Now a member: a new invitation is refused.
    env.fails(68, &["invite", "send", "family", DAN]);
}

#[test]
fn only_the_invitee_may_answer() {
    let env = invite_env();
    let id = id(&send(&env, &["invite", "send", "family", DAN]));
    let before = env.audit_len();
    let mut refusals = String::new();
    for verb in ["accept", "reject"] {
        let err = env.fails(77, &["--format", "table", "invite", verb, &id]);
        assert!(
            err.contains("--as"),
            "the operator is told to name the invitee: {err}"
        );
        refusals.push_str(&format!("$ roster invite {verb} ID\n{err}"));
        for actor in [MEMBER, ADMIN, OWNER, ROOT, OUTSIDER] {
            let err = env.fails(
                77,
                &["--format", "table", "--as", actor, "invite", verb, &id],
            );
            refusals.push_str(&format!("$ roster --as {actor} invite {verb} ID\n{err}"));
        }
        // Refused as someone else's would be: nobody learns whether it exists.
        let err = env.fails(
            77,
            &[
                "--format",
                "table",
                "--as",
                DAN,
                "invite",
                verb,
                "no-such-invitation",
            ],
        );
        refusals.push_str(&format!(
            "$ roster --as {DAN} invite {verb} no-such-invitation\n{err}"
        ));
    }
    insta::assert_snapshot!(redact(&refusals), @r#"
    $ roster invite accept ID
    error: permission denied: operator:tester may not invite-accept: only the invitee may answer an invitation
    hint: name the invitee: `roster --as EMAIL invite accept ID`
    hint: `roster can USER invite-accept` explains the decision
    $ roster --as mike@example.com invite accept ID
    error: permission denied: mike@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can mike@example.com invite-accept --record [id]` explains the decision
    $ roster --as alice@example.com invite accept ID
    error: permission denied: alice@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can alice@example.com invite-accept --record [id]` explains the decision
    $ roster --as olive@example.com invite accept ID
    error: permission denied: olive@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can olive@example.com invite-accept --record [id]` explains the decision
    $ roster --as root@example.com invite accept ID
    error: permission denied: root@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can root@example.com invite-accept --record [id]` explains the decision
    $ roster --as nora@example.com invite accept ID
    error: permission denied: nora@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can nora@example.com invite-accept --record [id]` explains the decision
    $ roster --as dan@example.com invite accept no-such-invitation
    error: permission denied: dan@example.com may not invite-accept: only the invitee may answer an invitation
    hint: `roster can dan@example.com invite-accept --record no-such-invitation` explains the decision
    $ roster invite reject ID
    error: permission denied: operator:tester may not invite-reject: only the invitee may answer an invitation
    hint: name the invitee: `roster --as EMAIL invite reject ID`
    hint: `roster can USER invite-reject` explains the decision
    $ roster --as mike@example.com invite reject ID
    error: permission denied: mike@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can mike@example.com invite-reject --record [id]` explains the decision
    $ roster --as alice@example.com invite reject ID
    error: permission denied: alice@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can alice@example.com invite-reject --record [id]` explains the decision
    $ roster --as olive@example.com invite reject ID
    error: permission denied: olive@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can olive@example.com invite-reject --record [id]` explains the decision
    $ roster --as root@example.com invite reject ID
    error: permission denied: root@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can root@example.com invite-reject --record [id]` explains the decision
    $ roster --as nora@example.com invite reject ID
    error: permission denied: nora@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can nora@example.com invite-reject --record [id]` explains the decision
    $ roster --as dan@example.com invite reject no-such-invitation
    error: permission denied: dan@example.com may not invite-reject: only the invitee may answer an invitation
    hint: `roster can dan@example.com invite-reject --record no-such-invitation` explains the decision
    "#);
    // A disabled invitee cannot act at all.
    env.ok(&["user", "disable", DAN]);
    let before_disabled = env.audit_len();
    let err = env.fails(77, &["--as", DAN, "invite", "accept", &id]);
    insta::assert_snapshot!(err, @"
    error: user dan@example.com is disabled and cannot act
    hint: a global admin can run `roster user enable dan@example.com`
    ");
    assert_eq!(env.audit_len(), before_disabled);
    env.ok(&["user", "enable", DAN]);
    assert_eq!(stored_status(&env, &id), "pending");
    assert!(!roles(&env, "family").contains_key(DAN));
    // Nothing but the disable/enable was written.
    assert_eq!(env.audit_len(), before + 2);

    env.json(&["--as", DAN, "invite", "accept", &id]);
    assert_eq!(roles(&env, "family")[DAN], "member");
}

#[test]
fn member_limit_holds_for_accept() {
    let env = invite_env();
    let id = id(&send(&env, &["invite", "send", "family", DAN]));
    env.ok(&["profile", "update", "family", "--member-limit", "3"]);
    let before = env.audit_len();
    let err = env.fails(68, &["--as", DAN, "invite", "accept", &id]);
    insta::assert_snapshot!(err, @"
    error: profile family is full (3 of 3 members)
    hint: raise the limit with `roster profile update family --member-limit 4`
    ");
    assert_eq!(env.audit_len(), before);
    assert_eq!(stored_status(&env, &id), "pending");
    assert_eq!(roles(&env, "family").len(), 3);

    env.ok(&["profile", "update", "family", "--member-limit", "4"]);
    env.json(&["--as", DAN, "invite", "accept", &id]);
    assert_eq!(roles(&env, "family").len(), 4);
}

// ---------------------------------------------------------------- reject and cancel

#[test]
fn reject_closes_the_invitation_and_a_new_one_may_follow() {
    let env = invite_env();
    let id = id(&send(
        &env,
        &["--as", OWNER, "invite", "send", "family", DAN],
    ));
    let before = env.audit_len();
    let v = env.json(&["--as", DAN, "invite", "reject", &id]);
    assert_eq!(v["status"], "rejected");
    assert_eq!(stored_status(&env, &id), "rejected");
    assert!(!roles(&env, "family").contains_key(DAN));
    assert_eq!(events(&env)[before..], ["invite-reject"]);

    let before = env.audit_len();
    let err = env.fails(68, &["--as", DAN, "invite", "accept", &id]);
    insta::assert_snapshot!(redact(&err), @"error: invitation [id] is rejected, not pending");
    env.fails(68, &["--as", DAN, "invite", "reject", &id]);
    env.fails(68, &["--as", OWNER, "invite", "cancel", &id]);
    assert_eq!(env.audit_len(), before);
    assert_eq!(env.json(&["invite", "show", &id])["status"], "rejected");

    let again = send(&env, &["--as", OWNER, "invite", "send", "family", DAN]);
    assert_ne!(again["id"], id.as_str());
    assert_eq!(again["status"], "pending");
    env.json(&["--as", DAN, "invite", "accept", str_of(&again, "id")]);
}

#[test]
fn cancel_is_for_managers_and_closes_the_invitation() {
    let env = invite_env();
    let id = id(&send(&env, &["invite", "send", "family", DAN]));
    let before = env.audit_len();
    for actor in [MEMBER, OUTSIDER, DAN] {
        env.fails(77, &["--as", actor, "invite", "cancel", &id]);
        // No hint of what exists.
        env.fails(
            77,
            &["--as", actor, "invite", "cancel", "no-such-invitation"],
        );
    }
    let err = env.fails(67, &["invite", "cancel", "no-such-invitation"]);
    insta::assert_snapshot!(err, @r#"error: invitation "no-such-invitation" does not exist"#);
    assert_eq!(env.audit_len(), before);
    assert_eq!(stored_status(&env, &id), "pending");

    let v = env.json(&["--as", ADMIN, "invite", "cancel", &id]);
    assert_eq!(v["status"], "canceled");
    assert_eq!(stored_status(&env, &id), "canceled");
    assert_eq!(events(&env)[before..], ["invite-cancel"]);

    let before = env.audit_len();
    let err = env.fails(68, &["--as", DAN, "invite", "accept", &id]);
    insta::assert_snapshot!(redact(&err), @"error: invitation [id] is canceled, not pending");
    env.fails(68, &["--as", DAN, "invite", "reject", &id]);
    env.fails(68, &["invite", "cancel", &id]);
    assert_eq!(env.audit_len(), before);
    assert!(!roles(&env, "family").contains_key(DAN));

    // Owners and global admins cancel as well; a new invitation may follow a canceled one.
    let second = id_of_send(&env, OWNER);
    env.json(&["--as", OWNER, "invite", "cancel", &second]);
    let third = id_of_send(&env, ROOT);
    env.json(&["--as", ROOT, "invite", "cancel", &third]);
    let fourth = id_of_send(&env, OWNER);
    env.json(&["--as", DAN, "invite", "accept", &fourth]);
    assert_eq!(roles(&env, "family")[DAN], "member");
}

fn id_of_send(env: &Env, actor: &str) -> String {
    id(&send(
        env,
        &["--as", actor, "invite", "send", "family", DAN],
    ))
}

// ---------------------------------------------------------------- expiry

#[test]
fn a_lapsed_invitation_is_expired_everywhere_and_prune_writes_it() {
    let env = invite_env();
    let dan = json_at(
        &env,
        T0,
        &["invite", "send", "family", DAN, "--expires-in", "1h"],
    );
    let dan = id(&dan[0]);
    let eve = json_at(
        &env,
        T0,
        &[
            "invite",
            "send",
            "family",
            "eve@example.com",
            "--expires-in",
            "7d",
        ],
    );
    let eve = id(&eve[0]);
    // Exactly at expiry it has lapsed; a minute before it has not.
    assert_eq!(
        json_at(&env, &later(59), &["invite", "show", &dan])["status"],
        "pending"
    );
    let t = &later(120);
    let before = env.audit_len();

    assert_eq!(
        json_at(&env, &later(60), &["invite", "show", &dan])["status"],
        "expired"
    );
    assert_eq!(
        json_at(&env, t, &["invite", "show", &dan])["status"],
        "expired"
    );
    assert_eq!(
        json_at(&env, t, &["--as", DAN, "invite", "show", &dan])["status"],
        "expired"
    );
    assert_eq!(
        summary(&json_at(&env, t, &["invite", "list", "family"])),
        [
            triple("family", DAN, "expired"),
            triple("family", "eve@example.com", "pending")
        ]
    );
    assert_eq!(
        summary(&json_at(
            &env,
            t,
            &["invite", "list", "--status", "expired"]
        )),
        [triple("family", DAN, "expired")]
    );
    assert_eq!(
        summary(&json_at(
            &env,
            t,
            &["invite", "list", "family", "--status", "pending"]
        )),
        [triple("family", "eve@example.com", "pending")]
    );
    assert_eq!(
        summary(&json_at(&env, t, &["--as", DAN, "invite", "list"])),
        [triple("family", DAN, "expired")]
    );
    assert_eq!(stored_status(&env, &dan), "pending", "reads write nothing");

    let err = fails_at(&env, 68, t, &["--as", DAN, "invite", "accept", &dan]);
    insta::assert_snapshot!(redact(&err), @"
    error: invitation [id] expired at 2031-03-01T13:00:00.000Z
    hint: ask an owner or admin of the profile to send a new one
    ");
    assert!(!roles(&env, "family").contains_key(DAN));
    assert_eq!(env.audit_len(), before);

    // Prune: global admins and the operator.
    fails_at(&env, 77, t, &["--as", OWNER, "invite", "prune"]);
    assert_eq!(env.audit_len(), before);
    let pruned = json_at(&env, t, &["invite", "prune"]);
    assert_eq!(summary(&pruned), [triple("family", DAN, "expired")]);
    assert_eq!(stored_status(&env, &dan), "expired");
    assert_eq!(stored_status(&env, &eve), "pending");
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "invite-expire");
    assert_eq!(rows[0]["subject"], dan.as_str());

    // Again: nothing left to prune, nothing written.
    let pruned = json_at(&env, t, &["--as", ROOT, "invite", "prune"]);
    assert_eq!(pruned.as_array().map(Vec::len), Some(0));
    assert_eq!(env.audit_len(), before + 1);
    assert_eq!(
        summary(&json_at(
            &env,
            t,
            &["invite", "list", "--status", "expired"]
        )),
        [triple("family", DAN, "expired")]
    );
    fails_at(&env, 68, t, &["--as", DAN, "invite", "accept", &dan]);

    // A new invitation may follow the expired one, and be accepted.
    let next = json_at(&env, t, &["invite", "send", "family", DAN]);
    let next = id(&next[0]);
    assert_ne!(next, dan);
    json_at(&env, t, &["--as", DAN, "invite", "accept", &next]);
    assert_eq!(roles(&env, "family")[DAN], "member");
}

/// `invite send family EMAIL --expires-in 1h` at `T0`, after the global options `as_`;
/// returns the id.
fn send_for_an_hour(env: &Env, as_: &[&str], email: &str) -> String {
    let mut args = as_.to_vec();
    args.extend(["invite", "send", "family", email, "--expires-in", "1h"]);
    id(&json_at(env, T0, &args)[0])
}

/// The keys of an invitation's JSON.
fn keys(inv: &Value) -> Vec<&str> {
    inv.as_object()
        .expect("an invitation is an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn the_invitee_may_reject_an_expired_invitation_and_show_offers_that_not_accept() {
    let env = invite_env();
    env.user("eve@example.com", "Eve");
    let dan = send_for_an_hour(&env, &["--as", OWNER], DAN);
    let eve = send_for_an_hour(&env, &["--as", OWNER], "eve@example.com");
    let t = &later(120);

    // While pending, show offers the accept command only.
    let shown = json_at(&env, &later(59), &["--as", DAN, "invite", "show", &dan]);
    assert_eq!(
        shown["accept_command"],
        format!("roster --as {DAN} invite accept {dan}").as_str()
    );
    assert!(!keys(&shown).contains(&"reject_command"), "{shown}");

    // Expired: no accept command (it could only fail), the reject command instead, for
    // the invitee and the profile's managers alike.
    for actor in [DAN, OWNER, ROOT] {
        let shown = json_at(&env, t, &["--as", actor, "invite", "show", &dan]);
        assert_eq!(shown["status"], "expired");
        assert!(!keys(&shown).contains(&"accept_command"), "{shown}");
        assert_eq!(
            shown["reject_command"],
            format!("roster --as {DAN} invite reject {dan}").as_str()
        );
    }
    let table = at(
        &env,
        t,
        &["--format", "table", "--as", DAN, "invite", "show", &dan],
    );
    assert_eq!(table.status.code(), Some(0));
    insta::assert_snapshot!(redact(&String::from_utf8_lossy(&table.stdout)), @"
    ╭────────────────┬────────────────────────────────────────────────────────────────────────────────╮
    │ field          ┆ value                                                                          │
    ╞════════════════╪════════════════════════════════════════════════════════════════════════════════╡
    │ id             ┆ [id]                                                                           │
    │ profile_id     ┆ [id]                                                                           │
    │ profile        ┆ family                                                                         │
    │ profile_name   ┆ Family                                                                         │
    │ email          ┆ dan@example.com                                                                │
    │ role           ┆ member                                                                         │
    │ status         ┆ expired                                                                        │
    │ inviter_id     ┆ [id]                                                                           │
    │ inviter_email  ┆ olive@example.com                                                              │
    │ expires_at     ┆ 2031-03-01T13:00:00.000Z                                                       │
    │ created_at     ┆ 2031-03-01T12:00:00.000Z                                                       │
    │ updated_at     ┆ 2031-03-01T12:00:00.000Z                                                       │
    │ reject_command ┆ roster --as dan@example.com invite reject [id]                                 │
    ╰────────────────┴────────────────────────────────────────────────────────────────────────────────╯
    ");

    // Accepting stays refused; rejecting is the invitee's alone, and nothing is written
    // by a refusal.
    let before = env.audit_len();
    fails_at(&env, 68, t, &["--as", DAN, "invite", "accept", &dan]);
    for actor in [OWNER, ADMIN, OUTSIDER, ROOT] {
        fails_at(&env, 77, t, &["--as", actor, "invite", "reject", &dan]);
    }
    let err = fails_at(&env, 77, t, &["invite", "reject", &dan]);
    assert!(
        err.contains("operator:tester may not invite-reject"),
        "{err}"
    );
    assert!(err.contains("--as EMAIL"), "{err}");
    assert_eq!(env.audit_len(), before);
    assert_eq!(stored_status(&env, &dan), "pending");

    let v = json_at(&env, t, &["--as", DAN, "invite", "reject", &dan]);
    assert_eq!(v["status"], "rejected");
    assert_eq!(stored_status(&env, &dan), "rejected");
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "invite-reject");
    assert_eq!(rows[0]["subject"], dan.as_str());
    assert_eq!(rows[0]["data"]["email"], DAN);

    // Answered: show offers no command at all, and a second answer is refused.
    let shown = json_at(&env, t, &["--as", DAN, "invite", "show", &dan]);
    assert!(
        !keys(&shown).iter().any(|k| k.ends_with("_command")),
        "{shown}"
    );
    let err = fails_at(&env, 68, t, &["--as", DAN, "invite", "reject", &dan]);
    assert!(err.contains("is rejected, not pending"), "{err}");
    fails_at(&env, 68, t, &["--as", DAN, "invite", "accept", &dan]);

    // One that `prune` already marked expired is rejected just the same.
    json_at(&env, t, &["invite", "prune"]);
    assert_eq!(stored_status(&env, &eve), "expired");
    fails_at(
        &env,
        68,
        t,
        &["--as", "eve@example.com", "invite", "accept", &eve],
    );
    let before = env.audit_len();
    let v = json_at(
        &env,
        t,
        &["--as", "eve@example.com", "invite", "reject", &eve],
    );
    assert_eq!(v["status"], "rejected");
    assert_eq!(stored_status(&env, &eve), "rejected");
    assert_eq!(events(&env)[before..], ["invite-reject"]);
    assert!(!roles(&env, "family").contains_key("eve@example.com"));
}

#[test]
fn the_profiles_managers_may_cancel_an_expired_invitation() {
    let env = invite_env();
    env.user("eve@example.com", "Eve");
    let dan = send_for_an_hour(&env, &[], DAN);
    let eve = send_for_an_hour(&env, &[], "eve@example.com");
    let t = &later(120);
    let before = env.audit_len();
    for actor in [MEMBER, OUTSIDER, DAN] {
        fails_at(&env, 77, t, &["--as", actor, "invite", "cancel", &dan]);
    }
    assert_eq!(env.audit_len(), before);

    // Lapsed but still stored as pending.
    let v = json_at(&env, t, &["--as", OWNER, "invite", "cancel", &dan]);
    assert_eq!(v["status"], "canceled");
    assert_eq!(stored_status(&env, &dan), "canceled");
    // Written `expired` by prune.
    json_at(&env, t, &["invite", "prune"]);
    let before = env.audit_len();
    let v = json_at(&env, t, &["--as", ADMIN, "invite", "cancel", &eve]);
    assert_eq!(v["status"], "canceled");
    assert_eq!(events(&env)[before..], ["invite-cancel"]);

    // Canceled, it is neither canceled again nor answered.
    let err = fails_at(&env, 68, t, &["invite", "cancel", &dan]);
    insta::assert_snapshot!(redact(&err), @"error: invitation [id] is canceled; only a pending or expired invitation can be canceled");
    fails_at(&env, 68, t, &["--as", DAN, "invite", "reject", &dan]);
}

#[test]
fn the_seed_event_invite_reject_declines_an_expired_invitation() {
    let env = invite_env();
    json_at(
        &env,
        T0,
        &[
            "invite",
            "send",
            "family",
            DAN,
            "--id",
            "inv-dan",
            "--expires-in",
            "1h",
        ],
    );
    let t = &later(120);
    crate::seeds::write(
        &env,
        "accept.json",
        r#"[{"event": "invite-accept", "as": "dan@example.com", "data": {"id": "inv-dan"}}]"#,
    );
    let err = fails_at(&env, 68, t, &["seed", "accept.json"]);
    assert!(err.contains("expired at"), "{err}");
    crate::seeds::write(
        &env,
        "reject.json",
        r#"[{"event": "invite-reject", "as": "dan@example.com", "data": {"id": "inv-dan"}}]"#,
    );
    let before = env.audit_len();
    let report = json_at(&env, t, &["seed", "reject.json"]);
    assert_eq!(crate::seeds::counts(&report)["invite-reject"], [0, 1, 0, 0]);
    assert_eq!(stored_status(&env, "inv-dan"), "rejected");
    assert!(events(&env)[before..].contains(&"invite-reject".to_string()));
    // Run again, it finds its answer given.
    let report = json_at(&env, t, &["seed", "reject.json"]);
    assert_eq!(crate::seeds::counts(&report)["invite-reject"], [0, 0, 1, 0]);
}

#[test]
fn the_invitee_sees_the_profiles_name_and_the_inviters_email_only() {
    let env = invite_env();
    let owner = env.json(&["user", "show", OWNER]);
    let sent = send(&env, &["--as", OWNER, "invite", "send", "family", DAN]);
    let sent_id = id(&sent);
    assert_eq!(sent["profile_name"], "Family");
    assert_eq!(sent["inviter_email"], OWNER);

    // What the invitee is shown, by show and by their own list: the profile's slug and
    // name, and of the inviter their id and email, nothing else of them.
    let shown = env.json(&["--as", DAN, "invite", "show", &sent_id]);
    let mine = env.json(&["--as", DAN, "invite", "list"]);
    let mine = mine.as_array().expect("a list");
    assert_eq!(mine.len(), 1);
    for inv in [&shown, &mine[0]] {
        assert_eq!(inv["profile"], "family");
        assert_eq!(inv["profile_name"], "Family");
        assert_eq!(inv["inviter_email"], OWNER);
        assert_eq!(inv["inviter_id"], owner["id"]);
        let of_inviter: Vec<&str> = keys(inv)
            .into_iter()
            .filter(|k| k.starts_with("inviter"))
            .collect();
        assert_eq!(of_inviter, ["inviter_id", "inviter_email"], "{inv}");
        let text = inv.to_string();
        assert!(!text.contains("Olive"), "the inviter's name: {text}");
    }
    assert_eq!(
        keys(&shown),
        [
            "id",
            "profile_id",
            "profile",
            "profile_name",
            "email",
            "role",
            "status",
            "inviter_id",
            "inviter_email",
            "expires_at",
            "created_at",
            "updated_at",
            "accept_command"
        ]
    );
    // Which the invitee could not have looked up themself.
    env.fails(77, &["--as", DAN, "user", "show", OWNER]);
    let csv = env.ok(&["--as", DAN, "--format", "csv", "invite", "list"]);
    insta::assert_snapshot!(csv.lines().next().unwrap_or_default(), @"id,profile_id,profile,profile_name,email,role,status,inviter_id,inviter_email,expires_at,created_at,updated_at");
    assert!(csv.contains(",Family,") && csv.contains(OWNER), "{csv}");

    // Managers and global admins listing see the same fields.
    for actor in [OWNER, ADMIN, ROOT] {
        for args in [&["invite", "list"][..], &["invite", "list", "family"]] {
            let mut all = vec!["--as", actor];
            all.extend_from_slice(args);
            let list = env.json(&all);
            assert_eq!(list[0]["profile_name"], "Family", "{actor} {args:?}");
            assert_eq!(list[0]["inviter_email"], OWNER, "{actor} {args:?}");
        }
    }

    // Sent by the operator, or by a user since deleted: no inviter email.
    env.user("eve@example.com", "Eve");
    let by_operator = send(&env, &["invite", "send", "family", "eve@example.com"]);
    assert_eq!(by_operator["inviter_email"], Value::Null);
    env.user("fay@example.com", "Fay");
    let by_admin = id(&send(
        &env,
        &["--as", ADMIN, "invite", "send", "family", "fay@example.com"],
    ));
    env.ok(&["--yes", "user", "delete", ADMIN]);
    let shown = env.json(&["--as", "fay@example.com", "invite", "show", &by_admin]);
    assert_eq!(shown["inviter_id"], Value::Null);
    assert_eq!(shown["inviter_email"], Value::Null);
    assert_eq!(shown["profile_name"], "Family");
}

#[test]
fn a_new_invitation_replaces_a_lapsed_one_without_prune() {
    let env = invite_env();
    let old = json_at(
        &env,
        T0,
        &["invite", "send", "family", DAN, "--expires-in", "90s"],
    );
    let old = id(&old[0]);
    let t = &later(2);
    let before = env.audit_len();
    let new = json_at(&env, t, &["invite", "send", "family", DAN]);
    let new = id(&new[0]);
    assert_ne!(new, old);
    assert_eq!(stored_status(&env, &old), "expired");
    assert_eq!(stored_status(&env, &new), "pending");
    assert_eq!(events(&env)[before..], ["invite-expire", "invite-send"]);
    // --resend of a lapsed invitation sends a new one as well.
    let eve = json_at(
        &env,
        T0,
        &[
            "invite",
            "send",
            "family",
            "eve@example.com",
            "--expires-in",
            "1m",
        ],
    );
    let resent = json_at(
        &env,
        t,
        &["invite", "send", "family", "eve@example.com", "--resend"],
    );
    assert_ne!(resent[0]["id"], eve[0]["id"]);
    assert_eq!(resent[0]["status"], "pending");
}

// ---------------------------------------------------------------- show and list

#[test]
fn show_is_for_the_invitee_and_the_profiles_managers() {
    let env = invite_env();
    let id = id(&send(&env, &["invite", "send", "family", DAN]));
    for prefix in [
        &[][..],
        &["--as", DAN],
        &["--as", OWNER],
        &["--as", ADMIN],
        &["--as", ROOT],
    ] {
        let mut args = prefix.to_vec();
        args.extend(["invite", "show", &id]);
        let v = env.json(&args);
        assert_eq!(v["id"], id.as_str());
        assert_eq!(v["status"], "pending");
        assert_eq!(
            v["accept_command"],
            format!("roster --as {DAN} invite accept {id}").as_str()
        );
    }
    env.fails(77, &["--as", MEMBER, "invite", "show", &id]);
    env.fails(77, &["--as", OUTSIDER, "invite", "show", &id]);
    env.fails(
        77,
        &["--as", OUTSIDER, "invite", "show", "no-such-invitation"],
    );
    let err = env.fails(67, &["invite", "show", "no-such-invitation"]);
    insta::assert_snapshot!(err, @r#"error: invitation "no-such-invitation" does not exist"#);
}

#[test]
fn invite_list_with_and_without_a_profile_and_a_status() {
    let env = invite_env();
    for (email, name) in [
        ("eve@example.com", "Eve"),
        ("fay@example.com", "Fay"),
        ("gil@example.com", "Gil"),
    ] {
        env.user(email, name);
    }
    env.profile("Office");
    env.ok(&["member", "add", "office", ROOT, "--role", "owner"]);
    send(&env, &["invite", "send", "family", DAN]);
    let eve = id(&send(
        &env,
        &["invite", "send", "family", "eve@example.com"],
    ));
    env.json(&["--as", "eve@example.com", "invite", "accept", &eve]);
    let fay = id(&send(
        &env,
        &["invite", "send", "family", "fay@example.com"],
    ));
    env.json(&["invite", "cancel", &fay]);
    send(&env, &["invite", "send", "office", DAN]);
    let gil = id(&send(
        &env,
        &["invite", "send", "office", "gil@example.com"],
    ));
    env.json(&["--as", "gil@example.com", "invite", "reject", &gil]);

    let all = [
        triple("family", DAN, "pending"),
        triple("family", "eve@example.com", "accepted"),
        triple("family", "fay@example.com", "canceled"),
        triple("office", DAN, "pending"),
        triple("office", "gil@example.com", "rejected"),
    ];
    assert_eq!(summary(&env.json(&["invite", "list"])), all);
    let table = env.ok(&["--format", "table", "invite", "list"]);
    insta::assert_snapshot!(redact(&table), @"
    ╭──────────────────────────────────────┬─────────┬─────────────────┬────────┬──────────╮
    │ id                                   ┆ profile ┆ email           ┆ role   ┆ status   │
    ╞══════════════════════════════════════╪═════════╪═════════════════╪════════╪══════════╡
    │ [id]                                 ┆ office  ┆ gil@example.com ┆ member ┆ rejected │
    │ [id]                                 ┆ office  ┆ dan@example.com ┆ member ┆ pending  │
    │ [id]                                 ┆ family  ┆ fay@example.com ┆ member ┆ canceled │
    │ [id]                                 ┆ family  ┆ eve@example.com ┆ member ┆ accepted │
    │ [id]                                 ┆ family  ┆ dan@example.com ┆ member ┆ pending  │
    ╰──────────────────────────────────────┴─────────┴─────────────────┴────────┴──────────╯
    ");
    assert_eq!(summary(&env.json(&["--as", ROOT, "invite", "list"])), all);
    assert_eq!(summary(&env.json(&["invite", "list", "family"])), all[..3]);
    assert_eq!(summary(&env.json(&["invite", "list", "office"])), all[3..]);
    for (status, want) in [
        ("pending", vec![all[0].clone(), all[3].clone()]),
        ("accepted", vec![all[1].clone()]),
        ("canceled", vec![all[2].clone()]),
        ("rejected", vec![all[4].clone()]),
        ("expired", vec![]),
    ] {
        assert_eq!(
            summary(&env.json(&["invite", "list", "--status", status])),
            want,
            "--status {status}"
        );
    }
    assert_eq!(
        summary(&env.json(&["invite", "list", "office", "--status", "rejected"])),
        all[4..]
    );
    assert!(summary(&env.json(&["invite", "list", "family", "--status", "rejected"])).is_empty());
    let err = env.fails(2, &["invite", "list", "--status", "bogus"]);
    insta::assert_snapshot!(err, @"
    error: invalid value 'bogus' for '--status <STATUS>'
      [possible values: pending, accepted, rejected, canceled, expired]

    For more information, try '--help'.
    ");

    // A user sees the profiles they manage, and what was sent to them.
    assert_eq!(
        summary(&env.json(&["--as", OWNER, "invite", "list"])),
        all[..3]
    );
    assert_eq!(
        summary(&env.json(&["--as", ADMIN, "invite", "list"])),
        all[..3]
    );
    assert_eq!(
        summary(&env.json(&["--as", DAN, "invite", "list"])),
        [all[0].clone(), all[3].clone()]
    );
    assert_eq!(
        summary(&env.json(&["--as", DAN, "invite", "list", "--status", "pending"])),
        [all[0].clone(), all[3].clone()]
    );
    assert!(summary(&env.json(&["--as", MEMBER, "invite", "list"])).is_empty());
    env.fails(77, &["--as", DAN, "invite", "list", "family"]);
    env.fails(77, &["--as", MEMBER, "invite", "list", "family"]);
    env.fails(77, &["--as", OWNER, "invite", "list", "office"]);
}

// ---------------------------------------------------------------- processes

#[test]
fn eight_processes_racing_to_accept_one_invitation_make_one_membership() {
    let env = invite_env();
    let id = id(&send(&env, &["invite", "send", "family", DAN]));
    let before = env.audit_len();
    let runs = (0..8)
        .map(|_| {
            ["--json", "--as", DAN, "invite", "accept", id.as_str()]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let outputs = race(&env, runs);
    let codes: Vec<Option<i32>> = outputs.iter().map(|o| o.status.code()).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(68)).count(),
        7,
        "{codes:?}"
    );
    for out in &outputs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("locked"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let members: Vec<Value> = env
        .json(&["member", "list", "family"])
        .as_array()
        .expect("array")
        .iter()
        .filter(|m| m["email"] == DAN)
        .cloned()
        .collect();
    assert_eq!(members.len(), 1);
    assert_eq!(stored_status(&env, &id), "accepted");
    assert_eq!(events(&env)[before..], ["member-add", "invite-accept"]);
}

#[test]
fn inviting_as_owner_is_refused_before_the_email_is_looked_at() {
    let env = Env::init();
    env.user("root@x.io", "Root");
    env.user("adm@x.io", "Adm");
    env.profile("Family");
    env.ok(&["member", "add", "family", "adm@x.io", "--role", "admin"]);
    let err = env.fails(
        77,
        &[
            "--as",
            "adm@x.io",
            "invite",
            "send",
            "family",
            "not-an-email",
            "--role",
            "owner",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: adm@x.io may not invite-send in family: granting the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can adm@x.io invite-send family --role owner` explains the decision
    ");
}

#[test]
fn invite_show_in_a_table_has_the_accept_command() {
    let env = Env::init();
    env.user("root@x.io", "Root");
    env.profile("Family");
    let sent = env.json(&["invite", "send", "family", "dan@x.io"]);
    let id = sent[0]["id"].as_str().unwrap().to_string();
    let table = env.ok(&["--format", "table", "invite", "show", &id]);
    insta::assert_snapshot!(redact(&table), @"
    ╭────────────────┬─────────────────────────────────────────────────────────────────────────╮
    │ field          ┆ value                                                                   │
    ╞════════════════╪═════════════════════════════════════════════════════════════════════════╡
    │ id             ┆ [id]                                                                    │
    │ profile_id     ┆ [id]                                                                    │
    │ profile        ┆ family                                                                  │
    │ profile_name   ┆ Family                                                                  │
    │ email          ┆ dan@x.io                                                                │
    │ role           ┆ member                                                                  │
    │ status         ┆ pending                                                                 │
    │ inviter_id     ┆                                                                         │
    │ inviter_email  ┆                                                                         │
    │ expires_at     ┆ 2026-11-23T12:00:03.000Z                                                │
    │ created_at     ┆ 2026-11-21T12:00:03.000Z                                                │
    │ updated_at     ┆ 2026-11-21T12:00:03.000Z                                                │
    │ accept_command ┆ roster --as dan@x.io invite accept [id]                                 │
    ╰────────────────┴─────────────────────────────────────────────────────────────────────────╯
    ");
    // Ids never wrap in a list, so they can be copied whole.
    let list = env.ok(&["--format", "table", "invite", "list"]);
    assert!(list.contains(&id), "{list}");
}

#[test]
fn an_email_given_twice_is_refused_and_nothing_is_sent() {
    let env = Env::init();
    env.user("root@x.io", "Root");
    env.profile("Family");
    let err = env.fails(
        65,
        &["invite", "send", "family", "a@x.io", "b@x.io", "A@x.io"],
    );
    insta::assert_snapshot!(err, @r#"error: email "a@x.io" is given twice"#);
    assert_eq!(
        env.json(&["invite", "list"]).as_array().map(Vec::len),
        Some(0)
    );
}
