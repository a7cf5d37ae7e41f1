//! `roster profile transfer` and `roster member leave` (issue 14): ownership handed on in
//! one change, whose it is, what refuses it (77 by permission, 68 by state, 2 by usage),
//! the `profile-transfer` audit row and seed event, leaving a profile, and the last-owner
//! refusals that name the transfer.

use serde_json::{Value, json};

use crate::common::*;
use crate::members::{ADMIN, MEMBER, OUTSIDER, OWNER, ROOT, audit_since, events, family, roles};
use crate::seeds::{all_unchanged, counts, seed, snapshot, write};

/// email → role, as a literal.
fn map(rows: &[(&str, &str)]) -> std::collections::BTreeMap<String, String> {
    rows.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// The `id` of what `args` prints (`user show`, `profile show`, `session issue`).
fn id(env: &Env, args: &[&str]) -> String {
    env.json(args)["id"]
        .as_str()
        .unwrap_or_else(|| panic!("no id from {args:?}"))
        .to_string()
}

fn user_id(env: &Env, email: &str) -> String {
    id(env, &["user", "show", email])
}

fn profile_id(env: &Env, slug: &str) -> String {
    id(env, &["profile", "show", slug])
}

/// A new session of `user` (issued by the operator): its id.
fn session(env: &Env, user: &str) -> String {
    id(env, &["session", "issue", user])
}

/// The active profile of a session.
fn active(env: &Env, sid: &str) -> Value {
    env.json(&["session", "show", sid])["active_profile"].clone()
}

/// Runs `args` expecting `code`; asserts nothing was written (members, audit); returns
/// stderr.
fn refused(env: &Env, code: i32, args: &[&str]) -> String {
    let before = (roles(env, "family"), env.audit_len());
    let err = env.fails(code, args);
    assert_eq!((roles(env, "family"), env.audit_len()), before, "{args:?}");
    err
}

// ---------------------------------------------------------------- the owner hands it on

#[test]
fn an_owner_hands_the_profile_on_and_steps_down_to_admin() {
    let env = family();
    let before = env.audit_len();
    let table = env.ok(&[
        "--as", OWNER, "--format", "table", "profile", "transfer", "family", OUTSIDER,
    ]);
    insta::assert_snapshot!(table, @"
    added nora@example.com to family as owner
    olive@example.com is now admin of family
    ");
    assert_eq!(
        roles(&env, "family"),
        map(&[
            (OUTSIDER, "owner"),
            (OWNER, "admin"),
            (ADMIN, "admin"),
            (MEMBER, "member")
        ])
    );
    // One audit row for the one change: the new owner added, the old one stepped down.
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["event"], "profile-transfer");
    assert_eq!(rows[0]["actor"], format!("user:{}", user_id(&env, OWNER)));
    assert_eq!(rows[0]["subject"], profile_id(&env, "family"));
    assert_eq!(
        rows[0]["data"],
        json!({
            "profile": "family",
            "user_id": user_id(&env, OUTSIDER),
            "role_before": null,
            "from_user_id": user_id(&env, OWNER),
            "keep_as": "admin",
        })
    );
    // The old owner may no longer transfer: 77, by the permission.
    let err = refused(
        &env,
        77,
        &["--as", OWNER, "profile", "transfer", "family", MEMBER],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: olive@example.com may not profile-transfer in family: no role of theirs grants profile-transfer
    hint: the profile role owner, and the global role admin grant profile-transfer
    hint: `roster can olive@example.com profile-transfer family` explains the decision
    ");
}

#[test]
fn keep_as_member_and_a_member_raised_print_the_two_memberships() {
    let env = family();
    let out = env.json(&[
        "--as",
        OWNER,
        "profile",
        "transfer",
        "family",
        MEMBER,
        "--keep-as",
        "member",
    ]);
    let got: Vec<(&str, &str)> = out
        .as_array()
        .expect("an array of members")
        .iter()
        .map(|m| (m["email"].as_str().unwrap(), m["role"].as_str().unwrap()))
        .collect();
    assert_eq!(got, [(MEMBER, "owner"), (OWNER, "member")]);
    let rows = audit_since(&env, env.audit_len() - 1);
    assert_eq!(rows[0]["data"]["role_before"], "member");
    assert_eq!(rows[0]["data"]["keep_as"], "member");
    // --keep-as owner is not offered (it would be no transfer), nor a custom role.
    for bad in ["owner", "viewer"] {
        let err = refused(
            &env,
            2,
            &[
                "--as",
                MEMBER,
                "profile",
                "transfer",
                "family",
                ADMIN,
                "--keep-as",
                bad,
            ],
        );
        assert!(err.contains("[possible values: admin, member]"), "{err}");
    }
}

#[test]
fn a_new_owner_who_was_no_member_is_added_within_the_limit_and_gets_an_active_profile() {
    let env = family();
    let sid = session(&env, OUTSIDER);
    assert_eq!(active(&env, &sid), Value::Null);
    // Full: 68 naming the limit, nothing written.
    env.ok(&["profile", "update", "family", "--member-limit", "3"]);
    let err = refused(
        &env,
        68,
        &["--as", OWNER, "profile", "transfer", "family", OUTSIDER],
    );
    insta::assert_snapshot!(err, @"
    error: profile family is full (3 of 3 members)
    hint: raise the limit with `roster profile update family --member-limit 4`
    ");
    // A member of a full profile may still become its owner: nobody is added.
    env.json(&["--as", OWNER, "profile", "transfer", "family", ADMIN]);
    env.ok(&["profile", "update", "family", "--member-limit", "4"]);
    env.json(&["--as", ADMIN, "profile", "transfer", "family", OUTSIDER]);
    assert_eq!(roles(&env, "family")[OUTSIDER], "owner");
    // Their first membership becomes their session's active profile, as after member add.
    assert_eq!(active(&env, &sid), "family");
}

// ---------------------------------------------------------------- whose ownership

#[test]
fn the_operator_and_a_global_admin_move_the_one_owner_or_the_one_from_names() {
    let env = family();
    // One owner: it is theirs that moves.
    let out = env.json(&["profile", "transfer", "family", MEMBER]);
    assert_eq!(out[1]["email"], OWNER);
    assert_eq!(out[1]["role"], "admin");
    // Two owners (Mike, and Olive again): --from says whose, else 2 naming them.
    env.ok(&["member", "role", "family", OWNER, "owner"]);
    let err = refused(
        &env,
        2,
        &["--as", ROOT, "profile", "transfer", "family", ADMIN],
    );
    insta::assert_snapshot!(err, @"
    error: profile family has 2 owners besides alice@example.com (olive@example.com, mike@example.com): say whose ownership moves with --from
    hint: for example `roster profile transfer family alice@example.com --from olive@example.com`
    ");
    let out = env.json(&[
        "--as", ROOT, "profile", "transfer", "family", ADMIN, "--from", MEMBER,
    ]);
    assert_eq!(out[0]["email"], ADMIN);
    assert_eq!(out[1]["email"], MEMBER);
    assert_eq!(
        roles(&env, "family"),
        map(&[(OWNER, "owner"), (ADMIN, "owner"), (MEMBER, "admin")])
    );
    // --from naming a member who owns nothing: 68 listing the owners; no such user: 67.
    let err = refused(
        &env,
        68,
        &["profile", "transfer", "family", OUTSIDER, "--from", MEMBER],
    );
    insta::assert_snapshot!(err, @"
    error: --from mike@example.com: user mike@example.com is not an owner of profile family (is admin of it)
    hint: the owners of family: olive@example.com, alice@example.com
    ");
    refused(
        &env,
        68,
        &[
            "profile", "transfer", "family", OUTSIDER, "--from", OUTSIDER,
        ],
    );
    refused(
        &env,
        67,
        &[
            "profile",
            "transfer",
            "family",
            OUTSIDER,
            "--from",
            "ghost@example.com",
        ],
    );
}

#[test]
fn an_owner_moves_their_own_ownership_only() {
    let env = family();
    env.ok(&["member", "role", "family", ADMIN, "owner"]);
    // --from naming another owner is a usage error for an owner: 2.
    let err = refused(
        &env,
        2,
        &[
            "--as", OWNER, "profile", "transfer", "family", MEMBER, "--from", ADMIN,
        ],
    );
    insta::assert_snapshot!(err, @"
    error: --from alice@example.com: olive@example.com is an owner of profile family, and a transfer moves their own ownership
    hint: leave out --from; to move another owner's, the operator or a global admin who is no owner runs `roster profile transfer family mike@example.com --from alice@example.com`
    ");
    // --from naming themself is what they would do anyway.
    env.json(&[
        "--as", OWNER, "profile", "transfer", "family", MEMBER, "--from", OWNER,
    ]);
    assert_eq!(roles(&env, "family")[OWNER], "admin");
    assert_eq!(roles(&env, "family")[ADMIN], "owner");
}

#[test]
fn transferring_to_a_co_owner_still_steps_the_previous_owner_down() {
    let env = family();
    env.ok(&["member", "role", "family", ADMIN, "owner"]);
    let before = env.audit_len();
    let table = env.ok(&[
        "--as", OWNER, "--format", "table", "profile", "transfer", "family", ADMIN,
    ]);
    insta::assert_snapshot!(table, @"
    unchanged: alice@example.com is already owner of family
    olive@example.com is now admin of family
    ");
    assert_eq!(roles(&env, "family")[OWNER], "admin");
    assert_eq!(events(&env)[before..], ["profile-transfer"]);
    assert_eq!(audit_since(&env, before)[0]["data"]["role_before"], "owner");
    // The operator the same: the one other owner steps down.
    env.ok(&["member", "role", "family", MEMBER, "owner"]);
    env.json(&["profile", "transfer", "family", ADMIN]);
    assert_eq!(roles(&env, "family")[MEMBER], "admin");
    assert_eq!(roles(&env, "family")[ADMIN], "owner");
}

#[test]
fn a_done_transfer_is_unchanged_and_an_ownerless_profile_gets_an_owner() {
    let env = family();
    env.json(&["profile", "transfer", "family", ADMIN]);
    // Again: Alice owns it and nobody else does; with --from, Olive owns it no more.
    let before = env.audit_len();
    let out = env.run(&["profile", "transfer", "family", ADMIN]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"alice@example.com already owns family; nothing changed");
    let table = env.ok(&[
        "--format", "table", "profile", "transfer", "family", ADMIN, "--from", OWNER,
    ]);
    insta::assert_snapshot!(table, @"unchanged: alice@example.com is already owner of family");
    assert_eq!(env.audit_len(), before);
    // A profile the operator made has no owner: the transfer gives it one, nobody steps down.
    env.profile("Office");
    let out = env.json(&["profile", "transfer", "office", MEMBER]);
    assert_eq!(out.as_array().map(Vec::len), Some(1), "{out}");
    assert_eq!(out[0]["role"], "owner");
    let row = &audit_since(&env, env.audit_len() - 1)[0];
    assert_eq!(row["data"]["from_user_id"], Value::Null);
    assert_eq!(row["data"]["keep_as"], Value::Null);
}

// ---------------------------------------------------------------- refusals

#[test]
fn who_may_not_transfer_and_what_refuses_it() {
    let env = family();
    // Admins, members and outsiders: 77, the same for a profile that does not exist.
    for actor in [ADMIN, MEMBER, OUTSIDER] {
        refused(
            &env,
            77,
            &["--as", actor, "profile", "transfer", "family", ROOT],
        );
        refused(
            &env,
            77,
            &["--as", actor, "profile", "transfer", "nope", ROOT],
        );
    }
    // No custom role may grant it, as profile-delete.
    let err = env.fails(
        65,
        &[
            "role",
            "create",
            "heir",
            "--scope",
            "profile",
            "--allow",
            "profile-transfer",
        ],
    );
    assert!(
        err.contains("profile-transfer belongs to the built-in owner role alone"),
        "{err}"
    );
    // To oneself: 68. To a disabled user: 68. To nobody: 67. In no profile: 67.
    let err = refused(
        &env,
        68,
        &["--as", OWNER, "profile", "transfer", "family", OWNER],
    );
    insta::assert_snapshot!(err, @"
    error: user olive@example.com already owns profile family: a transfer moves ownership to another user
    hint: name the new owner: `roster profile transfer family USER`
    ");
    refused(
        &env,
        68,
        &["profile", "transfer", "family", OWNER, "--from", OWNER],
    );
    env.ok(&["user", "disable", OUTSIDER]);
    let err = refused(
        &env,
        68,
        &["--as", OWNER, "profile", "transfer", "family", OUTSIDER],
    );
    insta::assert_snapshot!(err, @"
    error: user nora@example.com is disabled and cannot own profile family
    hint: a global admin can run `roster user enable nora@example.com` first
    ");
    refused(
        &env,
        67,
        &[
            "--as",
            OWNER,
            "profile",
            "transfer",
            "family",
            "ghost@example.com",
        ],
    );
    refused(&env, 67, &["profile", "transfer", "nope", MEMBER]);
    // A disabled owner cannot act at all.
    env.ok(&["user", "disable", OWNER]);
    refused(
        &env,
        77,
        &["--as", OWNER, "profile", "transfer", "family", MEMBER],
    );
}

#[test]
fn can_explains_profile_transfer_as_the_command_decides_it() {
    let env = family();
    let owner = env.run(&["can", OWNER, "profile-transfer", "family"]);
    assert_eq!(owner.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&owner.stdout), @r#"
    {
      "allowed": true,
      "actor": "olive@example.com",
      "event": "profile-transfer",
      "profile": "family",
      "verdict": "allowed",
      "by": "profile role owner (profile-*)",
      "steps": [
        "olive@example.com is active",
        "global roles: none",
        "member of family as owner — grants profile-*, member-*, invite-*, media-*",
        "profile role owner (profile-*) grants profile-transfer"
      ],
      "hint": null
    }
    "#);
    // At a terminal: the steps, and the roles that would grant it.
    let admin = env.run(&[
        "--format",
        "table",
        "can",
        ADMIN,
        "profile-transfer",
        "family",
    ]);
    assert_eq!(admin.status.code(), Some(1));
    insta::assert_snapshot!(String::from_utf8_lossy(&admin.stdout), @"
    denied: alice@example.com may not profile-transfer in family
      1. alice@example.com is active
      2. global roles: none
      3. member of family as admin — grants profile-update, member-add, member-role, member-remove, member-list, invite-send, invite-cancel, invite-list, invite-show, media-*; not profile-transfer
      hint: the profile role owner, and the global role admin grant profile-transfer
    ");
    let root = env.json(&["can", ROOT, "profile-transfer", "family"]);
    assert_eq!(root["allowed"], true);
    env.fails(2, &["can", OWNER, "profile-transfer"]);
}

// ---------------------------------------------------------------- the seed event

#[test]
fn the_profile_transfer_event_applies_once() {
    let env = family();
    env.user("zed@example.com", "Zed");
    env.json(&["profile", "create", "--name", "Office", "--owner", ADMIN]);
    env.json(&["profile", "create", "--name", "Club", "--owner", ROOT]);
    write(
        &env,
        "t.json",
        &json!({"version": 1, "events": [
            {"event": "profile-transfer", "as": OWNER, "data": {"profile": "family", "user": MEMBER}},
            {"event": "profile-transfer", "data": {"profile": "office", "user": OUTSIDER, "from": ADMIN, "keep_as": "MEMBER"}},
            {"event": "profile-transfer", "data": {"profile": "club", "user": "zed@example.com"}},
        ]})
        .to_string(),
    );
    let before = env.audit_len();
    let first = seed(&env, &["t.json"]);
    assert_eq!(counts(&first)["profile-transfer"], [0, 3, 0, 0]);
    assert_eq!(roles(&env, "family")[MEMBER], "owner");
    assert_eq!(roles(&env, "family")[OWNER], "admin");
    assert_eq!(
        roles(&env, "office"),
        map(&[(OUTSIDER, "owner"), (ADMIN, "member")])
    );
    assert_eq!(
        roles(&env, "club"),
        map(&[("zed@example.com", "owner"), (ROOT, "admin")])
    );
    let written: Vec<String> = events(&env)[before..].to_vec();
    assert_eq!(
        written.iter().filter(|e| *e == "profile-transfer").count(),
        3
    );
    // Again: every event unchanged, nothing written — though Olive, as whom the first
    // applies, may no longer transfer family.
    let again = snapshot(&env);
    let second = seed(&env, &["t.json"]);
    all_unchanged(&second);
    assert_eq!(snapshot(&env), again);
}

#[test]
fn the_profile_transfer_event_is_checked_first() {
    let env = family();
    write(
        &env,
        "bad.json",
        &json!([
            {"event": "profile-transfer", "data": {"profile": "family", "user": MEMBER, "keep_as": "owner"}},
            {"event": "profile-transfer", "data": {"profile": "family", "usr": MEMBER}},
        ])
        .to_string(),
    );
    let before = snapshot(&env);
    let err = env.fails(65, &["seed", "bad.json"]);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 2 errors; nothing was written
      bad.json:1:93: event 1 (profile-transfer): keep_as "owner": must be one of admin, member
      bad.json:1:158: event 2 (profile-transfer): unknown field "usr"; did you mean "user"?
    "#);
    assert_eq!(snapshot(&env), before);
    // A seed's refusal is the command's: an admin may not.
    write(
        &env,
        "denied.json",
        &json!([{"event": "profile-transfer", "as": ADMIN, "data": {"profile": "family", "user": MEMBER}}]).to_string(),
    );
    env.fails(77, &["seed", "denied.json"]);
    assert_eq!(snapshot(&env), before);
}

// ---------------------------------------------------------------- member leave

#[test]
fn a_member_leaves_and_their_sessions_lose_the_profile() {
    let env = family();
    let sid = session(&env, MEMBER);
    assert_eq!(active(&env, &sid), "family");
    let before = env.audit_len();
    let table = env.ok(&[
        "--as", MEMBER, "--format", "table", "member", "leave", "family",
    ]);
    insta::assert_snapshot!(table, @"mike@example.com left family");
    assert!(!roles(&env, "family").contains_key(MEMBER));
    assert_eq!(active(&env, &sid), Value::Null);
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["event"], "member-remove");
    assert_eq!(rows[0]["actor"], format!("user:{}", user_id(&env, MEMBER)));
    assert_eq!(rows[0]["data"]["user_id"], user_id(&env, MEMBER));
    // JSON: the membership that went, one object.
    let left = env.json(&["--as", ADMIN, "member", "leave", "FAMILY"]);
    assert_eq!(left["email"], ADMIN);
    assert_eq!(left["role"], "admin");
}

#[test]
fn leaving_is_refused_to_the_last_owner_the_operator_and_non_members() {
    let env = family();
    let err = refused(&env, 68, &["--as", OWNER, "member", "leave", "family"]);
    insta::assert_snapshot!(err, @"
    error: removing the member: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    ");
    let err = refused(&env, 2, &["member", "leave", "family"]);
    insta::assert_snapshot!(err, @"
    error: member leave: the operator is no member of any profile; a user leaves
    hint: name who leaves with --as: `roster --as USER member leave family`, or remove them with `roster member remove family USER`
    ");
    let err = refused(&env, 67, &["--as", OUTSIDER, "member", "leave", "family"]);
    insta::assert_snapshot!(err, @"
    error: user nora@example.com is not a member of profile family
    hint: `roster --as nora@example.com whoami` lists your memberships
    ");
    refused(&env, 67, &["--as", OUTSIDER, "member", "leave", "nope"]);
    // Once ownership moved, the old owner may leave.
    env.json(&["--as", OWNER, "profile", "transfer", "family", ADMIN]);
    env.json(&["--as", OWNER, "member", "leave", "family"]);
    assert_eq!(
        roles(&env, "family"),
        map(&[(ADMIN, "owner"), (MEMBER, "member")])
    );
}

// ---------------------------------------------------------------- the last owner's hints

#[test]
fn the_last_owner_refusals_name_the_transfer() {
    let env = family();
    let remove = refused(&env, 68, &["member", "remove", "family", OWNER]);
    let demote = refused(&env, 68, &["member", "role", "family", OWNER, "member"]);
    let admin = refused(&env, 68, &["member", "role", "family", OWNER, "admin"]);
    let delete = refused(&env, 68, &["--yes", "user", "delete", OWNER]);
    insta::assert_snapshot!([remove, demote, admin, delete].concat(), @"
    error: removing the member: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    error: changing the role: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER --keep-as member`
    error: changing the role: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    error: user olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`, then delete
    ");
    // And what the hint says, done, lets each through.
    env.json(&[
        "profile",
        "transfer",
        "family",
        MEMBER,
        "--keep-as",
        "member",
    ]);
    assert_eq!(roles(&env, "family")[OWNER], "member");
    env.ok(&["--yes", "user", "delete", OWNER]);
}

// ---------------------------------------------------------------- racing writers

/// Transfers racing in separate processes keep the rules each keeps alone: the member
/// limit holds, and the profile ends with owners, one audit row per transfer that won.
#[test]
fn racing_transfers_keep_the_member_limit_and_an_owner() {
    let env = family();
    env.ok(&["profile", "update", "family", "--member-limit", "4"]);
    let newcomers: Vec<String> = (0..6).map(|i| format!("n{i}@example.com")).collect();
    for e in &newcomers {
        env.user(e, "N");
    }
    let before = env.audit_len();
    let runs: Vec<Vec<String>> = newcomers
        .iter()
        .map(|e| {
            ["profile", "transfer", "family", e.as_str()]
                .iter()
                .map(|s| s.to_string())
                .collect()
        })
        .collect();
    let outputs = crate::members::race(&env, runs);
    let codes: Vec<Option<i32>> = outputs.iter().map(|o| o.status.code()).collect();
    // One room left: one newcomer got it, every other found the profile full.
    assert_eq!(
        codes.iter().filter(|c| **c == Some(0)).count(),
        1,
        "{codes:?}"
    );
    assert_eq!(
        codes.iter().filter(|c| **c == Some(68)).count(),
        5,
        "{codes:?}"
    );
    let now = roles(&env, "family");
    assert_eq!(now.len(), 4, "{now:?}");
    assert_eq!(now.values().filter(|r| *r == "owner").count(), 1, "{now:?}");
    assert_eq!(now[OWNER], "admin");
    assert_eq!(events(&env)[before..], ["profile-transfer"]);
}

/// The natural seed of a hand-over — a profile created with its first owner, then
/// transferred — applies once: a second run changes nothing and writes no audit row (the
/// `owner` of a profile-create only gives an ownerless profile its owner).
#[test]
fn a_seed_that_creates_a_profile_and_transfers_it_applies_once() {
    let env = Env::new();
    write(
        &env,
        "handover.json",
        r#"[
  {"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
  {"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}},
  {"event": "profile-create", "data": {"name": "Family", "owner": "ann@example.com"}},
  {"event": "profile-transfer", "data": {"profile": "family", "user": "bob@example.com", "from": "ann@example.com"}}
]"#,
    );
    seed(&env, &["handover.json"]);
    let want = map(&[("ann@example.com", "admin"), ("bob@example.com", "owner")]);
    assert_eq!(roles(&env, "family"), want);
    let before = snapshot(&env);
    all_unchanged(&seed(&env, &["handover.json"]));
    assert_eq!(snapshot(&env), before, "the second run wrote nothing");
    assert_eq!(roles(&env, "family"), want);
}
