//! `roster member …`: the rules of README "Concepts and rules" for memberships, each refusing and
//! allowing, their invariants (last owner, member limit, one transaction per command), the
//! audit rows they write, and concurrent writers.

use std::collections::BTreeMap;
use std::process::Output;
use std::sync::{Arc, Barrier};

use serde_json::Value;

use crate::common::*;

/// The first user: a global admin who belongs to no profile.
pub const ROOT: &str = "root@example.com";
/// Owner of `family`.
pub const OWNER: &str = "olive@example.com";
/// Admin of `family`.
pub const ADMIN: &str = "alice@example.com";
/// Plain member of `family`.
pub const MEMBER: &str = "mike@example.com";
/// A user in no profile.
pub const OUTSIDER: &str = "nora@example.com";

/// A database with the cast above and the profile `family` (created by the operator, so
/// it has exactly the owner, admin and member above).
pub fn family() -> Env {
    let env = Env::init();
    for (email, name) in [
        (ROOT, "Root"),
        (OWNER, "Olive"),
        (ADMIN, "Alice"),
        (MEMBER, "Mike"),
        (OUTSIDER, "Nora"),
    ] {
        env.user(email, name);
    }
    env.profile("Family");
    env.ok(&["member", "add", "family", OWNER, "--role", "owner"]);
    env.ok(&["member", "add", "family", ADMIN, "--role", "admin"]);
    env.ok(&["member", "add", "family", MEMBER]);
    env
}

/// email → role of every member of a profile, as the operator sees them.
pub fn roles(env: &Env, profile: &str) -> BTreeMap<String, String> {
    env.json(&["member", "list", profile])
        .as_array()
        .expect("member list is an array")
        .iter()
        .map(|m| {
            (
                m["email"].as_str().unwrap_or_default().to_string(),
                m["role"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

/// The audit rows' event names, in order.
pub fn events(env: &Env) -> Vec<String> {
    env.json(&["audit"])
        .as_array()
        .expect("audit is an array")
        .iter()
        .map(|r| r["event"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The audit rows after the first `skip`.
pub fn audit_since(env: &Env, skip: usize) -> Vec<Value> {
    env.json(&["audit"])
        .as_array()
        .expect("audit is an array")
        .iter()
        .skip(skip)
        .cloned()
        .collect()
}

fn id_of(env: &Env, email: &str) -> String {
    env.json(&["user", "show", email])["id"]
        .as_str()
        .expect("user id")
        .to_string()
}

/// Runs every argument list as its own process, all released by one barrier, and
/// returns their outputs in the order given.
pub fn race(env: &Env, runs: Vec<Vec<String>>) -> Vec<Output> {
    let barrier = Arc::new(Barrier::new(runs.len()));
    let threads: Vec<_> = runs
        .into_iter()
        .map(|args| {
            let barrier = Arc::clone(&barrier);
            let mut cmd = env.roster();
            cmd.args(&args);
            std::thread::spawn(move || {
                barrier.wait();
                cmd.output().expect("run roster")
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect()
}

// ---------------------------------------------------------------- member add

#[test]
fn owners_admins_global_admins_and_the_operator_add_members() {
    let env = family();
    for (i, actor) in [OWNER, ADMIN, ROOT].into_iter().enumerate() {
        let email = format!("new{i}@example.com");
        env.user(&email, "New");
        let v = env.json(&["--as", actor, "member", "add", "family", &email]);
        let added = v.as_array().expect("an array of members");
        assert_eq!(added.len(), 1);
        assert_eq!(added[0]["email"], email.as_str());
        assert_eq!(added[0]["profile"], "family");
        assert_eq!(added[0]["role"], "member");
    }
    env.user("new3@example.com", "New");
    let v = env.json(&[
        "member",
        "add",
        "family",
        "new3@example.com",
        "--role",
        "admin",
    ]);
    assert_eq!(v[0]["role"], "admin");
    let roles = roles(&env, "family");
    assert_eq!(roles.len(), 7);
    assert_eq!(roles["new3@example.com"], "admin");
}

#[test]
fn plain_members_and_outsiders_may_not_add_members() {
    let env = family();
    env.user("new@example.com", "New");
    let before = env.audit_len();
    for actor in [MEMBER, OUTSIDER] {
        let err = env.fails(
            77,
            &["--as", actor, "member", "add", "family", "new@example.com"],
        );
        insta::allow_duplicates! {
            insta::assert_snapshot!(err.replace(actor, "ACTOR"), @"
            error: permission denied: ACTOR may not member-add in family: no role of theirs grants member-add
            hint: the profile roles owner and admin, and the global role admin grant member-add
            hint: `roster can ACTOR member-add family` explains the decision
            ");
        }
        // A member may not even add an existing member: permission comes first.
        env.fails(77, &["--as", actor, "member", "add", "family", MEMBER]);
        env.fails(
            77,
            &[
                "--as",
                actor,
                "member",
                "add",
                "family",
                "ghost@example.com",
            ],
        );
    }
    assert_eq!(env.audit_len(), before);
    assert!(!roles(&env, "family").contains_key("new@example.com"));
}

#[test]
fn outsiders_learn_nothing_not_even_whether_a_profile_exists() {
    let env = family();
    env.profile("Other");
    for actor in [OUTSIDER, MEMBER, ADMIN] {
        for profile in ["nonexistent", "other"] {
            let add = env.fails(
                77,
                &["--as", actor, "member", "add", profile, "ghost@example.com"],
            );
            assert!(!add.contains("does not exist"), "{add}");
            let list = env.fails(77, &["--as", actor, "member", "list", profile]);
            assert!(!list.contains("does not exist"), "{list}");
            // Word for word the refusal of an existing profile.
            let named = |text: &str| text.replace(profile, "PROFILE").replace(actor, "ACTOR");
            insta::allow_duplicates! {
                insta::assert_snapshot!(named(&add), @"
                error: permission denied: ACTOR may not member-add in PROFILE: no role of theirs grants member-add
                hint: the profile roles owner and admin, and the global role admin grant member-add
                hint: `roster can ACTOR member-add PROFILE` explains the decision
                ");
                insta::assert_snapshot!(named(&list), @"
                error: permission denied: ACTOR may not member-list in PROFILE: no role of theirs grants member-list
                hint: the profile roles owner, admin and member, and the global role admin grant member-list
                hint: `roster can ACTOR member-list PROFILE` explains the decision
                ");
            }
            env.fails(
                77,
                &["--as", actor, "member", "role", profile, MEMBER, "admin"],
            );
            env.fails(
                77,
                &[
                    "--as", actor, "--yes", "member", "remove", profile, MEMBER, ADMIN,
                ],
            );
        }
    }
    // Those who may manage every profile are told what is missing.
    for prefix in [&[][..], &["--as", ROOT][..]] {
        let mut args = prefix.to_vec();
        args.extend(["member", "add", "nonexistent", MEMBER]);
        let err = env.fails(67, &args);
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @r#"
            error: profile "nonexistent" does not exist
            hint: list profiles with `roster profile list`
            "#);
        }
    }
}

#[test]
fn an_unknown_user_is_67_naming_it() {
    let env = family();
    let err = env.fails(67, &["member", "add", "family", "ghost@example.com"]);
    insta::assert_snapshot!(err, @r#"
    error: user "ghost@example.com" does not exist
    hint: list users with `roster user list`
    hint: to offer them a place instead: roster invite send family ghost@example.com
    "#);
    let err = env.fails(67, &["member", "role", "family", "ghost", "admin"]);
    insta::assert_snapshot!(err, @r#"
    error: user "ghost" does not exist
    hint: list users with `roster user list`
    "#);
    // A user who exists but is not a member is also 67, and says so.
    let err = env.fails(67, &["member", "role", "family", OUTSIDER, "admin"]);
    insta::assert_snapshot!(err, @"
    error: user nora@example.com is not a member of profile family
    hint: list members with `roster member list family`
    ");
    let err = env.fails(67, &["member", "remove", "family", OUTSIDER]);
    insta::assert_snapshot!(err, @"
    error: user nora@example.com is not a member of profile family
    hint: list members with `roster member list family`
    ");
}

#[test]
fn adding_a_member_twice_conflicts_unless_if_not_exists() {
    let env = family();
    let before = env.audit_len();
    let err = env.fails(68, &["member", "add", "family", MEMBER]);
    insta::assert_snapshot!(redact(&err), @"
    error: user mike@example.com is already a member of profile family (role member)
    hint: add --if-not-exists to skip existing members, or change a role with `roster member role`
    ");
    env.fails(68, &["--as", OWNER, "member", "add", "family", ADMIN]);
    assert_eq!(env.audit_len(), before);

    // --if-not-exists: exit 0, the existing membership reported as it is, nothing written.
    let v = env.json(&[
        "member",
        "add",
        "family",
        MEMBER,
        "--role",
        "admin",
        "--if-not-exists",
    ]);
    assert_eq!(v[0]["email"], MEMBER);
    assert_eq!(v[0]["role"], "member", "an existing role is left as it is");
    assert_eq!(env.audit_len(), before);
    assert_eq!(roles(&env, "family")[MEMBER], "member");

    // Mixed: the existing one is skipped, the new one added.
    env.user("new@example.com", "New");
    let before = env.audit_len();
    let v = env.json(&[
        "member",
        "add",
        "family",
        MEMBER,
        "new@example.com",
        "--if-not-exists",
    ]);
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(env.audit_len(), before + 1);
    assert!(roles(&env, "family").contains_key("new@example.com"));
}

#[test]
fn several_users_are_one_transaction() {
    let env = family();
    env.user("u1@example.com", "U1");
    env.user("u2@example.com", "U2");
    let members_before = roles(&env, "family");
    let audit_before = env.audit_len();

    let err = env.fails(
        67,
        &[
            "member",
            "add",
            "family",
            "u1@example.com",
            "ghost@example.com",
            "u2@example.com",
        ],
    );
    insta::assert_snapshot!(err, @r#"
    error: user "ghost@example.com" does not exist
    hint: list users with `roster user list`
    hint: to offer them a place instead: roster invite send family ghost@example.com
    "#);
    assert_eq!(roles(&env, "family"), members_before, "nobody was added");
    assert_eq!(env.audit_len(), audit_before);

    // One already a member: the same, as a conflict.
    env.fails(
        68,
        &[
            "member",
            "add",
            "family",
            "u1@example.com",
            MEMBER,
            "u2@example.com",
        ],
    );
    assert_eq!(roles(&env, "family"), members_before);
    assert_eq!(env.audit_len(), audit_before);

    let v = env.json(&[
        "--as",
        ADMIN,
        "member",
        "add",
        "family",
        "u1@example.com",
        "u2@example.com",
    ]);
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    let after = roles(&env, "family");
    assert_eq!(after.len(), members_before.len() + 2);
    let rows = audit_since(&env, audit_before);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["event"] == "member-add"));
}

#[test]
fn member_limit_holds_for_member_add() {
    let env = family();
    env.user("u1@example.com", "U1");
    env.user("u2@example.com", "U2");
    env.ok(&["profile", "update", "family", "--member-limit", "3"]);
    let before = env.audit_len();
    let err = env.fails(68, &["member", "add", "family", "u1@example.com"]);
    insta::assert_snapshot!(err, @"
    error: profile family is full (3 of 3 members)
    hint: raise the limit with `roster profile update family --member-limit 4`
    ");
    env.fails(
        68,
        &["--as", OWNER, "member", "add", "family", "u1@example.com"],
    );
    assert_eq!(env.audit_len(), before);

    // Room for one, two asked for: neither is added.
    env.ok(&["profile", "update", "family", "--member-limit", "4"]);
    let before = env.audit_len();
    env.fails(
        68,
        &[
            "member",
            "add",
            "family",
            "u1@example.com",
            "u2@example.com",
        ],
    );
    assert_eq!(roles(&env, "family").len(), 3);
    assert_eq!(env.audit_len(), before);

    env.json(&["member", "add", "family", "u1@example.com"]);
    assert_eq!(roles(&env, "family").len(), 4);
    env.fails(68, &["member", "add", "family", "u2@example.com"]);
    // --if-not-exists does not bypass the limit for someone new.
    env.fails(
        68,
        &[
            "member",
            "add",
            "family",
            "u2@example.com",
            "--if-not-exists",
        ],
    );
}

// ---------------------------------------------------------------- the owner role

#[test]
fn an_admin_may_not_touch_the_owner_role() {
    let env = family();
    env.user("new@example.com", "New");
    let before = env.audit_len();
    let refused: [&[&str]; 5] = [
        &[
            "member",
            "add",
            "family",
            "new@example.com",
            "--role",
            "owner",
        ],
        &["member", "role", "family", MEMBER, "owner"],
        &["member", "role", "family", ADMIN, "owner"],
        &["member", "role", "family", OWNER, "admin"],
        &["member", "remove", "family", OWNER],
    ];
    let mut refusals = String::new();
    for args in refused {
        let mut all = vec!["--as", ADMIN];
        all.extend_from_slice(args);
        let err = env.fails(77, &all);
        assert!(err.contains("owner"), "{args:?}: {err}");
        refusals.push_str(&format!("$ roster {}\n{err}", all.join(" ")));
    }
    insta::assert_snapshot!(refusals, @"
    $ roster --as alice@example.com member add family new@example.com --role owner
    error: permission denied: alice@example.com may not member-add in family: granting the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com member-add family --role owner` explains the decision
    $ roster --as alice@example.com member role family mike@example.com owner
    error: permission denied: alice@example.com may not member-role in family: granting the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com member-role family --record mike@example.com --role owner` explains the decision
    $ roster --as alice@example.com member role family alice@example.com owner
    error: permission denied: alice@example.com may not member-role in family: granting the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com member-role family --record alice@example.com --role owner` explains the decision
    $ roster --as alice@example.com member role family olive@example.com admin
    error: permission denied: alice@example.com may not member-role in family: acting on a holder of the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com member-role family --record olive@example.com --role admin` explains the decision
    $ roster --as alice@example.com member remove family olive@example.com
    error: permission denied: alice@example.com may not member-remove in family: acting on a holder of the profile role owner needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can alice@example.com member-remove family --record olive@example.com` explains the decision
    ");
    assert_eq!(env.audit_len(), before);
    let roles = roles(&env, "family");
    assert_eq!(roles[OWNER], "owner");
    assert_eq!(roles[ADMIN], "admin");
    assert_eq!(roles[MEMBER], "member");
    assert!(!roles.contains_key("new@example.com"));
}

#[test]
fn an_owner_grants_changes_and_removes_the_owner_role() {
    let env = family();
    env.user("new@example.com", "New");
    let v = env.json(&[
        "--as",
        OWNER,
        "member",
        "add",
        "family",
        "new@example.com",
        "--role",
        "owner",
    ]);
    assert_eq!(v[0]["role"], "owner");
    let v = env.json(&["--as", OWNER, "member", "role", "family", MEMBER, "owner"]);
    assert_eq!(v["role"], "owner");
    assert_eq!(v["email"], MEMBER);
    let v = env.json(&["--as", OWNER, "member", "role", "family", MEMBER, "admin"]);
    assert_eq!(v["role"], "admin");
    env.json(&[
        "--as",
        OWNER,
        "member",
        "remove",
        "family",
        "new@example.com",
    ]);
    let roles = roles(&env, "family");
    assert_eq!(roles[MEMBER], "admin");
    assert!(!roles.contains_key("new@example.com"));
}

#[test]
fn a_global_admin_grants_changes_and_removes_the_owner_role() {
    let env = family();
    // Root is in no profile; its global role is enough.
    env.json(&["--as", ROOT, "member", "role", "family", ADMIN, "owner"]);
    env.json(&["--as", ROOT, "member", "role", "family", OWNER, "member"]);
    assert_eq!(roles(&env, "family")[ADMIN], "owner");
    assert_eq!(roles(&env, "family")[OWNER], "member");
    // The operator likewise.
    env.json(&["member", "role", "family", OWNER, "owner"]);
    env.json(&["member", "remove", "family", ADMIN]);
    let roles = roles(&env, "family");
    assert_eq!(roles[OWNER], "owner");
    assert!(!roles.contains_key(ADMIN));
}

#[test]
fn admins_manage_roles_below_owner() {
    let env = family();
    env.json(&["--as", ADMIN, "member", "role", "family", MEMBER, "admin"]);
    assert_eq!(roles(&env, "family")[MEMBER], "admin");
    env.json(&["--as", ADMIN, "member", "role", "family", MEMBER, "member"]);
    assert_eq!(roles(&env, "family")[MEMBER], "member");
    // ... and members cannot.
    let before = env.audit_len();
    env.fails(
        77,
        &["--as", MEMBER, "member", "role", "family", MEMBER, "admin"],
    );
    env.fails(
        77,
        &["--as", MEMBER, "member", "role", "family", ADMIN, "member"],
    );
    env.fails(
        77,
        &[
            "--as", OUTSIDER, "member", "role", "family", MEMBER, "admin",
        ],
    );
    assert_eq!(env.audit_len(), before);
    assert_eq!(roles(&env, "family")[MEMBER], "member");
}

#[test]
fn member_role_writes_an_audit_row_only_when_it_changes_something() {
    let env = family();
    let before = env.audit_len();
    let v = env.json(&["--as", OWNER, "member", "role", "family", MEMBER, "member"]);
    assert_eq!(v["role"], "member");
    assert_eq!(env.audit_len(), before, "an unchanged role writes nothing");
    let member = env.json(&["--as", OWNER, "member", "role", "family", MEMBER, "admin"]);
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["event"], "member-role");
    assert_eq!(rows[0]["subject"], member["id"]);
    assert_eq!(
        rows[0]["actor"],
        format!("user:{}", id_of(&env, OWNER)).as_str()
    );
}

// ---------------------------------------------------------------- the last owner

#[test]
fn the_last_owner_cannot_be_removed_demoted_or_deleted() {
    let env = family();
    let before = env.audit_len();
    let checks: [(&[&str], &str); 5] = [
        (&["member", "remove", "family", OWNER], "operator removes"),
        (
            &["--as", ROOT, "member", "role", "family", OWNER, "admin"],
            "demote",
        ),
        (
            &["--as", OWNER, "member", "remove", "family", OWNER],
            "leave",
        ),
        (
            &["--as", OWNER, "member", "role", "family", OWNER, "member"],
            "self-demote",
        ),
        (&["--yes", "user", "delete", OWNER], "user delete"),
    ];
    let mut refusals = String::new();
    for (args, what) in checks {
        let err = env.fails(68, args);
        assert!(
            err.contains("`roster profile transfer family USER"),
            "{what}: the hint names the way out: {err}"
        );
        refusals.push_str(&format!("$ roster {}\n{err}", args.join(" ")));
    }
    insta::assert_snapshot!(refusals, @"
    $ roster member remove family olive@example.com
    error: removing the member: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    $ roster --as root@example.com member role family olive@example.com admin
    error: changing the role: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    $ roster --as olive@example.com member remove family olive@example.com
    error: removing the member: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`
    $ roster --as olive@example.com member role family olive@example.com member
    error: changing the role: olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER --keep-as member`
    $ roster --yes user delete olive@example.com
    error: user olive@example.com is the last owner of profile family
    hint: transfer ownership first: `roster profile transfer family USER`, then delete
    ");
    assert_eq!(env.audit_len(), before);
    assert_eq!(roles(&env, "family")[OWNER], "owner");
    // The user still exists.
    env.json(&["user", "show", OWNER]);
}

#[test]
fn with_a_second_owner_the_first_may_go() {
    let env = family();
    env.json(&["--as", OWNER, "member", "role", "family", ADMIN, "owner"]);
    // Demoting one of two owners is allowed...
    env.json(&["--as", ADMIN, "member", "role", "family", OWNER, "admin"]);
    // ...but now ADMIN is the last owner again.
    env.fails(
        68,
        &["--as", ROOT, "member", "role", "family", ADMIN, "member"],
    );
    env.json(&["--as", ADMIN, "member", "role", "family", OWNER, "owner"]);
    // An owner may leave while another owner remains.
    env.json(&["--as", OWNER, "member", "remove", "family", OWNER]);
    assert!(!roles(&env, "family").contains_key(OWNER));
    // And a user who is the only owner nowhere may be deleted.
    env.json(&["member", "add", "family", OWNER, "--role", "owner"]);
    env.ok(&["--yes", "user", "delete", OWNER]);
    let roles = roles(&env, "family");
    assert!(!roles.contains_key(OWNER));
    assert_eq!(roles[ADMIN], "owner");
}

// ---------------------------------------------------------------- member remove

#[test]
fn a_member_may_remove_themself_but_nobody_else() {
    let env = family();
    env.user("other@example.com", "Other");
    env.ok(&["member", "add", "family", "other@example.com"]);
    let before = env.audit_len();
    env.fails(
        77,
        &[
            "--as",
            MEMBER,
            "member",
            "remove",
            "family",
            "other@example.com",
        ],
    );
    env.fails(77, &["--as", MEMBER, "member", "remove", "family", ADMIN]);
    env.fails(
        77,
        &[
            "--as",
            MEMBER,
            "--yes",
            "member",
            "remove",
            "family",
            MEMBER,
            "other@example.com",
        ],
    );
    // An outsider cannot "remove themself" from a profile they are not in.
    env.fails(
        77,
        &["--as", OUTSIDER, "member", "remove", "family", OUTSIDER],
    );
    assert_eq!(env.audit_len(), before);

    let v = env.json(&["--as", MEMBER, "member", "remove", "family", MEMBER]);
    assert_eq!(v[0]["email"], MEMBER);
    // Users may be named by id too; an admin may leave as well.
    let admin_id = id_of(&env, ADMIN);
    env.json(&["--as", &admin_id, "member", "remove", "family", &admin_id]);
    let roles = roles(&env, "family");
    assert!(!roles.contains_key(MEMBER));
    assert!(!roles.contains_key(ADMIN));
    let rows = audit_since(&env, before);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["event"] == "member-remove"));
}

#[test]
fn owners_admins_and_global_admins_remove_members() {
    let env = family();
    for i in 0..3 {
        env.user(&format!("u{i}@example.com"), "U");
        env.ok(&["member", "add", "family", &format!("u{i}@example.com")]);
    }
    env.json(&[
        "--as",
        OWNER,
        "member",
        "remove",
        "family",
        "u0@example.com",
    ]);
    env.json(&[
        "--as",
        ADMIN,
        "member",
        "remove",
        "family",
        "u1@example.com",
    ]);
    env.json(&["--as", ROOT, "member", "remove", "family", "u2@example.com"]);
    env.json(&["member", "remove", "family", MEMBER]);
    let roles = roles(&env, "family");
    assert_eq!(roles.len(), 2, "{roles:?}");
    // An admin removes another admin.
    env.user("a2@example.com", "A2");
    env.ok(&[
        "member",
        "add",
        "family",
        "a2@example.com",
        "--role",
        "admin",
    ]);
    env.json(&[
        "--as",
        ADMIN,
        "member",
        "remove",
        "family",
        "a2@example.com",
    ]);
}

#[test]
fn removing_several_needs_yes_and_is_one_transaction() {
    let env = family();
    let members = roles(&env, "family");
    let before = env.audit_len();

    let err = env.fails(2, &["member", "remove", "family", ADMIN, MEMBER]);
    insta::assert_snapshot!(redact(&err), @"
    this removes 2 members from profile family: alice@example.com, mike@example.com
    error: remove 2 members from family: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    ");
    let err = env.fails(
        67,
        &[
            "--yes",
            "member",
            "remove",
            "family",
            ADMIN,
            "ghost@example.com",
            MEMBER,
        ],
    );
    insta::assert_snapshot!(err, @r#"
    error: user "ghost@example.com" does not exist
    hint: list users with `roster user list`
    "#);
    env.fails(
        67,
        &[
            "--yes", "member", "remove", "family", ADMIN, OUTSIDER, MEMBER,
        ],
    );
    // The last owner among them stops them all.
    env.fails(68, &["--yes", "member", "remove", "family", MEMBER, OWNER]);
    assert_eq!(roles(&env, "family"), members);
    assert_eq!(env.audit_len(), before);

    let v = env.json(&[
        "--yes", "--as", OWNER, "member", "remove", "family", ADMIN, MEMBER,
    ]);
    assert_eq!(v.as_array().map(Vec::len), Some(2));
    assert_eq!(roles(&env, "family").len(), 1);
    assert_eq!(events(&env)[before..], ["member-remove", "member-remove"]);
}

// ---------------------------------------------------------------- member list

#[test]
fn member_list_is_for_members_and_global_admins() {
    let env = family();
    for actor in [MEMBER, ADMIN, OWNER, ROOT] {
        let v = env.json(&["--as", actor, "member", "list", "family"]);
        let list = v.as_array().expect("array");
        let got: Vec<(&str, &str)> = list
            .iter()
            .map(|m| (m["email"].as_str().unwrap(), m["role"].as_str().unwrap()))
            .collect();
        assert_eq!(
            got,
            [(OWNER, "owner"), (ADMIN, "admin"), (MEMBER, "member")],
            "owners first, then admins, then members"
        );
    }
    assert_eq!(roles(&env, "family").len(), 3, "and the operator");
    let err = env.fails(77, &["--as", OUTSIDER, "member", "list", "family"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: nora@example.com may not member-list in family: no role of theirs grants member-list
    hint: the profile roles owner, admin and member, and the global role admin grant member-list
    hint: `roster can nora@example.com member-list family` explains the decision
    ");
    let table = env.ok(&[
        "--as", MEMBER, "--format", "table", "member", "list", "family",
    ]);
    insta::assert_snapshot!(table, @"
    ╭───────────────────┬───────┬────────┬──────────────────────────╮
    │ email             ┆ name  ┆ role   ┆ created_at               │
    ╞═══════════════════╪═══════╪════════╪══════════════════════════╡
    │ olive@example.com ┆ Olive ┆ owner  ┆ 2026-11-21T12:00:07.000Z │
    │ alice@example.com ┆ Alice ┆ admin  ┆ 2026-11-21T12:00:08.000Z │
    │ mike@example.com  ┆ Mike  ┆ member ┆ 2026-11-21T12:00:09.000Z │
    ╰───────────────────┴───────┴────────┴──────────────────────────╯
    ");
    // The profile may also be named by id.
    let id = env.json(&["profile", "show", "family"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.json(&["--as", MEMBER, "member", "list", &id]);
    env.fails(77, &["--as", OUTSIDER, "member", "list", &id]);
}

// ---------------------------------------------------------------- member list pages

/// `family()` with six more members: a second owner, two admins added in one command (one
/// `created_at`, so their ids decide), three members added in one command; and a profile
/// `office` whose member must never show up.
fn big_family() -> Env {
    let env = family();
    for i in 1..=6 {
        env.user(&format!("p{i}@example.com"), &format!("P{i}"));
    }
    env.ok(&[
        "member",
        "add",
        "family",
        "p1@example.com",
        "--role",
        "owner",
    ]);
    env.ok(&[
        "member",
        "add",
        "family",
        "p2@example.com",
        "p3@example.com",
        "--role",
        "admin",
    ]);
    env.ok(&[
        "member",
        "add",
        "family",
        "p4@example.com",
        "p5@example.com",
        "p6@example.com",
    ]);
    env.profile("Office");
    env.ok(&["member", "add", "office", OUTSIDER]);
    env
}

/// Follows next_cursor from the first page to the last (`member list PROFILE ARGS…` in
/// JSON, as `actor`); returns every member and the number of pages.
fn member_pages(env: &Env, actor: &str, args: &[&str]) -> (Vec<Value>, usize) {
    let mut members = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut all = vec!["--as", actor, "member", "list"];
        all.extend_from_slice(args);
        if let Some(c) = &cursor {
            all.push("--after");
            all.push(c);
        }
        let page = env.json(&all);
        pages += 1;
        let items = page["items"].as_array().expect("a page has items");
        members.extend(items.iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(pages < 100, "pagination does not end");
    }
    (members, pages)
}

fn ids(members: &[Value]) -> Vec<String> {
    members
        .iter()
        .map(|m| m["id"].as_str().expect("id").to_string())
        .collect()
}

#[test]
fn pages_of_two_give_every_member_once_in_the_list_order() {
    let env = big_family();
    let all = env.json(&["member", "list", "family"]);
    let all = all
        .as_array()
        .expect("without --limit: the whole list, an array");
    assert_eq!(all.len(), 9);
    // The list order: owners, admins, members, each by join time, then id.
    let rank = |m: &Value| match m["role"].as_str() {
        Some("owner") => 0,
        Some("admin") => 1,
        _ => 2,
    };
    let keys: Vec<(i32, String, String)> = all
        .iter()
        .map(|m| {
            (
                rank(m),
                m["created_at"].as_str().unwrap().to_string(),
                m["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);

    for actor in [MEMBER, ROOT] {
        let (paged, pages) = member_pages(&env, actor, &["family", "--limit", "2"]);
        assert_eq!(pages, 5, "9 members, 2 a page");
        assert_eq!(
            ids(&paged),
            ids(all),
            "every member once, in the order of the list"
        );
    }
    for limit in ["1", "3", "8", "9", "1000"] {
        let (paged, pages) = member_pages(&env, OWNER, &["family", "--limit", limit]);
        assert_eq!(ids(&paged), ids(all), "--limit {limit}");
        assert_eq!(
            pages,
            9usize.div_ceil(limit.parse().unwrap()),
            "--limit {limit}"
        );
    }
    // A page is an object: the members and the cursor of the next page, null on the last.
    let first = env.json(&["member", "list", "family", "--limit", "2"]);
    let cursor = first["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let last = env.json(&["member", "list", "family", "--limit", "1000"]);
    assert_eq!(last["items"].as_array().unwrap().len(), 9);
    assert_eq!(last["next_cursor"], Value::Null);
    // --after alone pages 50 at a time.
    let rest = env.json(&["member", "list", "family", "--after", &cursor]);
    assert_eq!(ids(rest["items"].as_array().unwrap()), ids(&all[2..]));
    assert_eq!(rest["next_cursor"], Value::Null);

    // A cursor is a place in the order: it still holds when its member is gone.
    let second = env.json(&[
        "member", "list", "family", "--limit", "3", "--after", &cursor,
    ]);
    let second = ids(second["items"].as_array().unwrap());
    assert_eq!(second, ids(&all[2..5]));
    let gone = all[1]["email"].as_str().unwrap();
    env.ok(&["member", "remove", "family", gone]);
    let after_gone = env.json(&[
        "member", "list", "family", "--limit", "3", "--after", &cursor,
    ]);
    assert_eq!(ids(after_gone["items"].as_array().unwrap()), second);
}

#[test]
fn a_table_page_prints_the_command_of_the_next_one() {
    let env = family();
    let out = env.run(&[
        "--as", MEMBER, "--format", "table", "member", "list", "family", "--limit", "2",
    ]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout), @"
    ╭───────────────────┬───────┬───────┬──────────────────────────╮
    │ email             ┆ name  ┆ role  ┆ created_at               │
    ╞═══════════════════╪═══════╪═══════╪══════════════════════════╡
    │ olive@example.com ┆ Olive ┆ owner ┆ 2026-11-21T12:00:07.000Z │
    │ alice@example.com ┆ Alice ┆ admin ┆ 2026-11-21T12:00:08.000Z │
    ╰───────────────────┴───────┴───────┴──────────────────────────╯
    ");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let command = stderr
        .lines()
        .find_map(|l| l.strip_prefix("hint: next page: "))
        .unwrap_or_else(|| panic!("no next page hint: {stderr}"));
    let prefix = format!("roster --as {MEMBER} member list family --limit 2 --after ");
    let cursor = command
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{command}"));
    // The count line, then the next page's command.
    assert_eq!(stderr, format!("2 members\nhint: next page: {command}\n"));
    // The same cursor as the JSON page's.
    let page = env.json(&["--as", MEMBER, "member", "list", "family", "--limit", "2"]);
    assert_eq!(page["next_cursor"], cursor);
    // Running it gives the rest, and no further page.
    let mut words = vec!["--format", "table"];
    words.extend(command.split(' ').skip(1));
    let out = env.run(&words);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stdout), @"
    ╭──────────────────┬──────┬────────┬──────────────────────────╮
    │ email            ┆ name ┆ role   ┆ created_at               │
    ╞══════════════════╪══════╪════════╪══════════════════════════╡
    │ mike@example.com ┆ Mike ┆ member ┆ 2026-11-21T12:00:09.000Z │
    ╰──────────────────┴──────┴────────┴──────────────────────────╯
    ");
    // The last page: its count line, and no next page.
    assert_eq!(String::from_utf8_lossy(&out.stderr), "1 member\n");

    // jsonl and csv: the members on stdout, the cursor and the command on stderr.
    let out = env.run(&[
        "--format", "jsonl", "member", "list", "family", "--limit", "2",
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        stderr,
        format!(
            "hint: next_cursor: {cursor}  (next page: roster --format jsonl member list family --limit 2 --after {cursor})\n"
        )
    );
    let out = env.run(&[
        "--format", "csv", "member", "list", "family", "--limit", "2",
    ]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains(&format!("next_cursor: {cursor}")));
    // Without --limit, nothing about pages: the whole list, as before.
    let out = env.run(&["--format", "table", "member", "list", "family"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 7);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "3 members\n");
}

#[test]
fn bad_limits_and_cursors_are_refused_as_media_list_refuses_them() {
    let env = family();
    let unknown_role =
        roster::actions::page::encode("mb1", &["Boss!", "2026-11-21T12:00:07.000Z", "x"]);
    let short = roster::actions::page::encode("mb1", &["owner", "2026-11-21T12:00:07.000Z"]);
    let mut refusals = String::new();
    for args in [
        ["--limit", "0"],
        ["--limit", "1001"],
        ["--limit", "-5"],
        ["--after", "not-a-cursor"],
        // A media list cursor is not a member list one.
        ["--after", "bTEfQnJlYWtpbmcgQmFkH2Ji"],
        ["--after", &unknown_role],
        ["--after", &short],
    ] {
        let mut all = vec!["--format", "table", "member", "list", "family"];
        all.extend_from_slice(&args);
        let e = env.fails(65, &all);
        refusals.push_str(&format!("{args:?}\n{e}"));
    }
    insta::assert_snapshot!(refusals, @r#"
    ["--limit", "0"]
    error: limit "0": must be between 1 and 1000
    hint: page through long lists with --after and the cursor each page gives
    ["--limit", "1001"]
    error: limit "1001": must be between 1 and 1000
    hint: page through long lists with --after and the cursor each page gives
    ["--limit", "-5"]
    error: limit "-5": must be between 1 and 1000
    hint: page through long lists with --after and the cursor each page gives
    ["--after", "not-a-cursor"]
    error: after "not-a-cursor": is not a cursor from `roster member list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    ["--after", "bTEfQnJlYWtpbmcgQmFkH2Ji"]
    error: after "bTEfQnJlYWtpbmcgQmFkH2Ji": is not a cursor from `roster member list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    ["--after", "bWIxH0Jvc3MhHzIwMjYtMTEtMjFUMTI6MDA6MDcuMDAwWh94"]
    error: after "bWIxH0Jvc3MhHzIwMjYtMTEtMjFUMTI6MDA6MDcuMDAwWh94": is not a cursor from `roster member list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    ["--after", "bWIxH293bmVyHzIwMjYtMTEtMjFUMTI6MDA6MDcuMDAwWg"]
    error: after "bWIxH293bmVyHzIwMjYtMTEtMjFUMTI6MDA6MDcuMDAwWg": is not a cursor from `roster member list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    "#);
    // Not a whole number: a usage error, as for every numeric flag.
    let e = env.fails(2, &["member", "list", "family", "--limit", "many"]);
    assert!(e.contains("'many'") && e.contains("--limit"), "{e}");
    let e = env.fails(2, &["member", "list", "family", "--after"]);
    assert!(e.contains("--after"), "{e}");
    env.json(&["member", "list", "family", "--limit", "1"]);
    env.json(&["member", "list", "family", "--limit", "1000"]);
}

#[test]
fn pages_are_for_members_and_global_admins_as_the_list_is() {
    let env = family();
    let cursor = env.json(&["member", "list", "family", "--limit", "1"])["next_cursor"]
        .as_str()
        .expect("a next page")
        .to_string();
    for actor in [MEMBER, ADMIN, OWNER, ROOT] {
        let page = env.json(&[
            "--as", actor, "member", "list", "family", "--limit", "1", "--after", &cursor,
        ]);
        assert_eq!(page["items"][0]["email"], ADMIN, "{actor}");
    }
    // An outsider gets the list's 77 whatever the page asked for, a bad one included,
    // and learns nothing about whether the profile exists.
    let plain = env.fails(77, &["--as", OUTSIDER, "member", "list", "family"]);
    for args in [
        vec!["family", "--limit", "1"],
        vec!["family", "--after", &cursor],
        vec!["family", "--limit", "0"],
        vec!["family", "--after", "not-a-cursor"],
    ] {
        let mut all = vec!["--as", OUTSIDER, "member", "list"];
        all.extend_from_slice(&args);
        assert_eq!(env.fails(77, &all), plain, "{args:?}");
    }
    let missing = env.fails(
        77,
        &["--as", OUTSIDER, "member", "list", "nope", "--limit", "1"],
    );
    assert!(missing.contains("may not member-list in nope"), "{missing}");
    // A global admin is told the profile does not exist.
    env.fails(
        67,
        &["--as", ROOT, "member", "list", "nope", "--limit", "1"],
    );
    env.fails(67, &["member", "list", "nope", "--after", &cursor]);
}

// ---------------------------------------------------------------- disabled users and audit

#[test]
fn a_disabled_owner_cannot_act() {
    let env = family();
    env.user("new@example.com", "New");
    env.ok(&["user", "disable", OWNER]);
    let err = env.fails(
        77,
        &["--as", OWNER, "member", "add", "family", "new@example.com"],
    );
    insta::assert_snapshot!(err, @"
    error: user olive@example.com is disabled and cannot act
    hint: a global admin can run `roster user enable olive@example.com`
    ");
    env.fails(77, &["--as", OWNER, "member", "list", "family"]);
    env.ok(&["user", "enable", OWNER]);
    env.json(&["--as", OWNER, "member", "add", "family", "new@example.com"]);
}

#[test]
fn every_member_change_is_audited_with_its_actor_and_subject() {
    let env = Env::init();
    env.user(ROOT, "Root");
    env.user(OWNER, "Olive");
    env.user(MEMBER, "Mike");
    env.ok(&["user", "grant", OWNER, "admin"]);
    // The creator of a profile becomes its owner.
    env.json(&["--as", OWNER, "profile", "create", "--name", "Family"]);
    env.ok(&["user", "revoke", OWNER, "admin"]);
    assert_eq!(roles(&env, "family")[OWNER], "owner");
    let before = env.audit_len();

    let added = env.json(&["--as", OWNER, "member", "add", "family", MEMBER]);
    let changed = env.json(&["--as", OWNER, "member", "role", "family", MEMBER, "admin"]);
    let removed = env.json(&["--as", OWNER, "member", "remove", "family", MEMBER]);
    let id = added[0]["id"].as_str().unwrap();
    assert_eq!(changed["id"], id);
    assert_eq!(removed[0]["id"], id);

    let rows = audit_since(&env, before);
    let got: Vec<(&str, &str)> = rows
        .iter()
        .map(|r| (r["event"].as_str().unwrap(), r["subject"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("member-add", id),
            ("member-role", id),
            ("member-remove", id)
        ]
    );
    let actor = format!("user:{}", id_of(&env, OWNER));
    assert!(
        rows.iter().all(|r| r["actor"] == actor.as_str()),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| r["source"] == "cli"));
    // The operator is recorded by login name.
    env.json(&["member", "add", "family", MEMBER]);
    let last = audit_since(&env, before + 3);
    assert_eq!(last[0]["actor"], "operator:tester");
    env.ok(&["audit", "verify"]);
}

// ---------------------------------------------------------------- processes

#[test]
fn sixteen_processes_add_sixteen_users_at_once() {
    let env = family();
    let emails: Vec<String> = (0..16)
        .map(|i| format!("racer{i:02}@example.com"))
        .collect();
    for email in &emails {
        env.user(email, "Racer");
    }
    let before = env.audit_len();
    let runs = emails
        .iter()
        .map(|e| {
            ["--json", "member", "add", "family", e.as_str()]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let outputs = race(&env, runs);
    for (email, out) in emails.iter().zip(&outputs) {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{email}: {stderr}");
        assert!(!stderr.contains("locked"), "{email}: {stderr}");
        let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v[0]["email"], email.as_str());
    }
    let roles = roles(&env, "family");
    assert_eq!(roles.len(), 3 + 16);
    assert!(
        emails
            .iter()
            .all(|e| roles.get(e).map(String::as_str) == Some("member"))
    );
    assert_eq!(env.audit_len(), before + 16);
    env.ok(&["audit", "verify"]);
}
