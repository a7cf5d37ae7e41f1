//! Roles that grant permissions (DESIGN §1 "roles", §2): the built-in roles allowing and
//! refusing what they are meant to, custom roles of both scopes, pattern errors, no
//! escalation, `:own`, role deletion, the migration of an older database, `roster can`,
//! seeds and export of roles — and the agreement property: what `roster can` says is what
//! the command then does.

use std::process::Output;

use proptest::prelude::*;
use serde_json::{Value, json};

use crate::common::*;
use crate::seeds::{all_unchanged, write};

/// The first user: a global admin who belongs to no profile.
const ROOT: &str = "root@example.com";
/// Owner of `family`.
const OWNER: &str = "olive@example.com";
/// Admin of `family`.
const ADMIN: &str = "alice@example.com";
/// Plain member of `family` (adder of media `m-mike`).
const MEMBER: &str = "mike@example.com";
/// Another plain member of `family`.
const PAT: &str = "pat@example.com";
/// A user in no profile, invited to `family` (invitation `inv-nora`).
const OUTSIDER: &str = "nora@example.com";
/// A user no one acts as: the target of the `user-*` events.
const TESS: &str = "tess@example.com";
/// Owner of `other`.
const OSCAR: &str = "oscar@example.com";

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// The cast above: `family` (owner, admin, two members; media `m-mike` added by Mike,
/// `m-alice` by Alice; invitations `inv-guest` to a stranger and `inv-nora` to Nora), and
/// `other` (owned by Oscar, media `m-other`), and the unheld custom roles `viewer`
/// (profile) and `blank` (global, granting nothing).
fn family() -> Env {
    let env = Env::init();
    let seed = json!({"version": 1, "events": [
        {"event": "user-create", "data": {"email": ROOT, "name": "Root"}},
        {"event": "user-create", "data": {"email": OWNER, "name": "Olive"}},
        {"event": "user-create", "data": {"email": ADMIN, "name": "Alice"}},
        {"event": "user-create", "data": {"email": MEMBER, "name": "Mike"}},
        {"event": "user-create", "data": {"email": PAT, "name": "Pat"}},
        {"event": "user-create", "data": {"email": OUTSIDER, "name": "Nora"}},
        {"event": "user-create", "data": {"email": TESS, "name": "Tess"}},
        {"event": "user-create", "data": {"email": OSCAR, "name": "Oscar"}},
        {"event": "profile-create", "data": {"name": "Family", "slug": "family"}},
        {"event": "profile-create", "data": {"name": "Other", "slug": "other"}},
        {"event": "member-add", "data": {"profile": "family", "user": OWNER, "role": "owner"}},
        {"event": "member-add", "data": {"profile": "family", "user": ADMIN, "role": "admin"}},
        {"event": "member-add", "data": {"profile": "family", "user": MEMBER}},
        {"event": "member-add", "data": {"profile": "family", "user": PAT}},
        {"event": "member-add", "data": {"profile": "other", "user": OSCAR, "role": "owner"}},
        {"event": "media-add", "as": MEMBER, "data": {"id": "m-mike", "profile": "family", "type": "movie", "title": "Mike's"}},
        {"event": "media-add", "as": ADMIN, "data": {"id": "m-alice", "profile": "family", "type": "movie", "title": "Alice's"}},
        {"event": "media-add", "as": OSCAR, "data": {"id": "m-other", "profile": "other", "type": "movie", "title": "Oscar's"}},
        {"event": "invite-send", "data": {"id": "inv-guest", "profile": "family", "email": "guest@example.com"}},
        {"event": "invite-send", "data": {"id": "inv-nora", "profile": "family", "email": OUTSIDER}},
        {"event": "role-create", "data": {"name": "viewer", "scope": "profile", "allow": ["member-list", "media-list"]}},
        {"event": "role-create", "data": {"name": "blank", "scope": "global", "allow": []}},
    ]});
    write(&env, "cast.json", &seed.to_string());
    env.ok(&["seed", "cast.json"]);
    env
}

/// A copy of `env`'s database in a new environment, for a command that should not change
/// the original. The WAL and shared-memory files go along when they are there.
fn fork(env: &Env) -> Env {
    env.fork()
}

/// Runs `args` as `actor` (None: the operator) with `--yes`, on a copy of the database.
fn try_as(env: &Env, actor: Option<&str>, args: &[&str], stdin: &str) -> Output {
    let mut all: Vec<&str> = vec!["--yes"];
    if let Some(a) = actor {
        all.extend(["--as", a]);
    }
    all.extend_from_slice(args);
    fork(env).run_with(&all, stdin)
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// Runs `args` as `actor` on the environment itself and expects `want`; returns stderr.
fn as_user(env: &Env, actor: &str, want: i32, args: &[&str]) -> String {
    let mut all = vec!["--yes", "--as", actor];
    all.extend_from_slice(args);
    env.fails(want, &all)
}

/// The decision of `roster can ... --json` (exit 0 or 1).
fn can(env: &Env, args: &[&str]) -> Value {
    let mut all = vec!["--json", "can"];
    all.extend_from_slice(args);
    let out = env.run(&all);
    assert!(
        matches!(code(&out), 0 | 1),
        "roster {all:?}: exit {:?}\n{}",
        out.status.code(),
        text(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).expect("can --json prints JSON");
    assert_eq!(
        code(&out) == 0,
        v["allowed"] == true,
        "exit and `allowed` disagree: {v}"
    );
    v
}

// ---------------------------------------------------------------- 1. built-in roles

/// For every actor of the cast: operator, global admin, owner, admin, member, outsider.
/// `roster backup` (try_as confirms with --yes, replacing the file of the run before): on PostgreSQL an allowed backup
/// is refused with 2 (after the permission check), naming the server's tools.
const BACKUP: &[&str] = &["backup", "agree.db"];

const ACTORS: [Option<&str>; 6] = [
    None,
    Some(ROOT),
    Some(OWNER),
    Some(ADMIN),
    Some(MEMBER),
    Some(OUTSIDER),
];

#[test]
fn built_in_roles_allow_and_refuse_what_they_are_meant_to() {
    let env = family();
    env.ok(&["session", "issue", TESS]);
    let sid = env.json(&["session", "list", "--user", TESS])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    // event, command, and the exit for: operator, root, owner, admin, member, outsider.
    #[rustfmt::skip]
    let table: &[(&str, &[&str], [i32; 6])] = &[
        ("user-create", &["user", "create", "--email", "x@example.com", "--name", "X"], [0, 0, 77, 77, 77, 77]),
        ("user-list", &["user", "list"], [0, 0, 0, 0, 0, 0]),
        ("user-show", &["user", "show", TESS], [0, 0, 77, 77, 77, 77]),
        ("user-update", &["user", "update", TESS, "--name", "T"], [0, 0, 77, 77, 77, 77]),
        ("user-passwd", &["user", "passwd", TESS, "--password-stdin"], [0, 0, 77, 77, 77, 77]),
        ("user-grant", &["user", "grant", TESS, "admin"], [0, 0, 77, 77, 77, 77]),
        ("user-revoke", &["user", "revoke", TESS, "admin"], [0, 0, 77, 77, 77, 77]),
        ("user-disable", &["user", "disable", TESS], [0, 0, 77, 77, 77, 77]),
        ("user-enable", &["user", "enable", TESS], [0, 0, 77, 77, 77, 77]),
        ("user-delete", &["user", "delete", TESS], [0, 0, 77, 77, 77, 77]),
        ("user-verify", &["user", "verify", TESS, "--email"], [0, 0, 77, 77, 77, 77]),
        ("session-issue", &["session", "issue", TESS], [0, 0, 77, 77, 77, 77]),
        ("session-list", &["session", "list"], [0, 0, 0, 0, 0, 0]),
        ("session-list", &["session", "list", "--user", TESS], [0, 0, 77, 77, 77, 77]),
        ("session-show", &["session", "show", &sid], [0, 0, 77, 77, 77, 77]),
        ("session-use", &["session", "use", &sid, "--none"], [0, 0, 77, 77, 77, 77]),
        ("session-revoke", &["session", "revoke", &sid], [0, 0, 77, 77, 77, 77]),
        ("session-prune", &["session", "prune"], [0, 0, 77, 77, 77, 77]),
        ("profile-create", &["profile", "create", "--name", "New"], [0, 0, 77, 77, 77, 77]),
        ("profile-list", &["profile", "list"], [0, 0, 0, 0, 0, 0]),
        ("profile-show", &["profile", "show", "family"], [0, 0, 0, 0, 0, 0]),
        ("profile-update", &["profile", "update", "family", "--name", "F"], [0, 0, 0, 0, 77, 77]),
        ("profile-delete", &["profile", "delete", "family"], [0, 0, 0, 77, 77, 77]),
        ("profile-transfer", &["profile", "transfer", "family", PAT], [0, 0, 0, 77, 77, 77]),
        ("member-add", &["member", "add", "family", TESS], [0, 0, 0, 0, 77, 77]),
        ("member-add", &["member", "add", "family", TESS, "--role", "owner"], [0, 0, 0, 77, 77, 77]),
        ("member-role", &["member", "role", "family", PAT, "admin"], [0, 0, 0, 0, 77, 77]),
        // Alice demoting herself is hers to do; Olive the owner stepping down is not Alice's.
        ("member-role", &["member", "role", "family", ADMIN, "member"], [0, 0, 0, 0, 77, 77]),
        ("member-role", &["member", "role", "family", OWNER, "member"], [68, 68, 68, 77, 77, 77]),
        ("member-remove", &["member", "remove", "family", PAT], [0, 0, 0, 0, 77, 77]),
        ("member-remove", &["member", "remove", "family", MEMBER], [0, 0, 0, 0, 0, 77]),
        ("member-list", &["member", "list", "family"], [0, 0, 0, 0, 0, 77]),
        ("invite-send", &["invite", "send", "family", "new@example.com"], [0, 0, 0, 0, 77, 77]),
        ("invite-send", &["invite", "send", "family", "new@example.com", "--role", "owner"], [0, 0, 0, 77, 77, 77]),
        ("invite-cancel", &["invite", "cancel", "inv-guest"], [0, 0, 0, 0, 77, 77]),
        ("invite-list", &["invite", "list", "family"], [0, 0, 0, 0, 77, 77]),
        ("invite-show", &["invite", "show", "inv-guest"], [0, 0, 0, 0, 77, 77]),
        ("invite-show", &["invite", "show", "inv-nora"], [0, 0, 0, 0, 77, 0]),
        ("invite-accept", &["invite", "accept", "inv-nora"], [77, 77, 77, 77, 77, 0]),
        ("invite-reject", &["invite", "reject", "inv-nora"], [77, 77, 77, 77, 77, 0]),
        ("invite-prune", &["invite", "prune"], [0, 0, 77, 77, 77, 77]),
        // Nothing queued: an allowed deliver needs no mail server.
        ("mail-deliver", &["mail", "deliver"], [0, 0, 77, 77, 77, 77]),
        ("mail-list", &["mail", "list"], [0, 0, 77, 77, 77, 77]),
        ("media-add", &["media", "add", "family", "--type", "movie", "--title", "New"], [0, 0, 0, 0, 0, 77]),
        ("media-list", &["media", "list", "family"], [0, 0, 0, 0, 0, 77]),
        ("media-show", &["media", "show", "m-alice"], [0, 0, 0, 0, 0, 77]),
        ("media-remove", &["media", "remove", "m-alice"], [0, 0, 0, 0, 77, 77]),
        ("media-remove", &["media", "remove", "m-mike"], [0, 0, 0, 0, 0, 77]),
        ("media-remove", &["media", "remove", "m-other"], [0, 0, 77, 77, 77, 77]),
        ("role-create", &["role", "create", "lister", "--scope", "profile", "--allow", "member-list"], [0, 0, 77, 77, 77, 77]),
        ("role-list", &["role", "list"], [0, 0, 0, 0, 0, 0]),
        ("role-show", &["role", "show", "viewer"], [0, 0, 0, 0, 0, 0]),
        ("role-update", &["role", "update", "viewer", "--description", "d"], [0, 0, 77, 77, 77, 77]),
        ("role-delete", &["role", "delete", "viewer"], [0, 0, 77, 77, 77, 77]),
        ("audit", &["audit"], [0, 0, 77, 77, 77, 77]),
        ("export", &["export"], [0, 0, 77, 77, 77, 77]),
        ("backup", BACKUP, [0, 0, 77, 77, 77, 77]),
        ("doctor", &["doctor"], [0, 0, 77, 77, 77, 77]),
        ("can", &["can", TESS, "user-list"], [0, 0, 77, 77, 77, 77]),
    ];
    let mut wrong = Vec::new();
    for (event, args, want) in table {
        let pg_backup = env.is_pg() && *event == "backup";
        let want = &want.map(|c| if pg_backup && c == 0 { 2 } else { c });
        for (actor, want) in ACTORS.iter().zip(want) {
            let out = try_as(&env, *actor, args, "a new password\n");
            if code(&out) != *want {
                wrong.push(format!(
                    "{event} {args:?} as {}: exit {} (want {want}): {}",
                    actor.unwrap_or("operator"),
                    code(&out),
                    text(&out.stderr).lines().next().unwrap_or_default()
                ));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Every event the catalogue knows is in the table.
    let all: Vec<String> = env
        .json(&["can", ROOT, "--all"])
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["event"].as_str().unwrap().to_string())
        .collect();
    let covered: Vec<&str> = table.iter().map(|(e, _, _)| *e).collect();
    let missing: Vec<&String> = all
        .iter()
        .filter(|e| !covered.contains(&e.as_str()))
        .collect();
    assert!(missing.is_empty(), "events not in the table: {missing:?}");
}

#[test]
fn self_service_is_allowed_on_oneself_only() {
    let env = family();
    for args in [
        vec!["user", "show", MEMBER],
        vec!["user", "update", MEMBER, "--name", "Michael"],
        vec!["user", "list"],
        vec!["can", MEMBER, "media-add", "family"],
    ] {
        let out = try_as(&env, Some(MEMBER), &args, "");
        assert!(
            matches!(code(&out), 0 | 1),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A user lists only themself.
    let mut list = env.json(&["--as", MEMBER, "user", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["email"].take(), MEMBER);
    // Identity fields are not self-service.
    as_user(
        &env,
        MEMBER,
        77,
        &["user", "update", MEMBER, "--email", "m2@example.com"],
    );
    // Never on oneself, even for a global admin.
    for args in [
        vec!["user", "disable", ROOT],
        vec!["user", "revoke", ROOT, "admin"],
        vec!["user", "delete", ROOT],
    ] {
        let err = as_user(&env, ROOT, 77, &args);
        assert!(err.contains("never done to oneself"), "{err}");
    }
    // A disabled user cannot act at all.
    env.ok(&["user", "disable", PAT]);
    let err = as_user(&env, PAT, 77, &["media", "list", "family"]);
    assert!(err.contains("disabled"), "{err}");
}

// ---------------------------------------------------------------- 2. custom roles

#[test]
fn a_global_custom_role_grants_exactly_its_patterns_in_every_profile() {
    let env = family();
    let sam = "sam@example.com";
    env.user(sam, "Sam");
    let role = env.json(&[
        "role",
        "create",
        "support",
        "--scope",
        "global",
        "--allow",
        "user-list,user-show,member-list,invite-*",
        "--description",
        "the help desk",
    ]);
    assert_eq!(
        role["permissions"],
        json!(["user-list", "user-show", "member-list", "invite-*"])
    );
    let shown = env.json(&["role", "show", "support"]);
    assert_eq!(
        shown["events"],
        json!([
            "user-list",
            "user-show",
            "member-list",
            "invite-send",
            "invite-cancel",
            "invite-list",
            "invite-show",
            "invite-prune"
        ]),
        "invite-* never reaches the invitee's own events: {shown}"
    );
    env.ok(&["user", "grant", sam, "support"]);
    // Allowed: anyone's user record, every user, members and invitations of any profile.
    let all = env.json(&["--as", sam, "user", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 9, "support sees every user");
    env.ok(&["--as", sam, "user", "show", TESS]);
    for p in ["family", "other"] {
        env.ok(&["--as", sam, "member", "list", p]);
        env.ok(&["--as", sam, "invite", "list", p]);
    }
    env.ok(&["--as", sam, "invite", "show", "inv-guest"]);
    env.ok(&["--as", sam, "invite", "cancel", "inv-guest"]);
    // invite-send is granted, but the invitation offers the member role, whose media
    // permissions support lacks: no escalation.
    let err = as_user(&env, sam, 77, &["invite", "send", "other", "x@example.com"]);
    assert!(
        err.contains("granting the profile role member needs every permission"),
        "{err}"
    );
    // Refused: whatever the patterns do not name.
    for args in [
        vec!["member", "add", "family", TESS],
        vec!["member", "remove", "other", OSCAR],
        vec!["media", "list", "family"],
        vec!["user", "update", TESS, "--name", "T"],
        vec!["user", "disable", TESS],
        vec!["profile", "update", "other", "--name", "O"],
        vec!["audit"],
    ] {
        as_user(&env, sam, 77, &args);
    }
    // The invitee's events are not a support desk's to answer.
    as_user(&env, sam, 77, &["invite", "accept", "inv-nora"]);
    let err = as_user(&env, sam, 77, &["member", "add", "family", TESS]);
    insta::assert_snapshot!(err, @"
    error: permission denied: sam@example.com may not member-add in family: no role of theirs grants member-add
    hint: the profile roles owner and admin, and the global role admin grant member-add
    hint: `roster can sam@example.com member-add family` explains the decision
    ");
}

#[test]
fn a_profile_custom_role_grants_its_patterns_in_its_profile_only() {
    let env = family();
    let eddie = "eddie@example.com";
    env.user(eddie, "Eddie");
    env.ok(&[
        "role",
        "create",
        "editor",
        "--scope",
        "profile",
        "--allow",
        "media-*,member-list",
    ]);
    env.ok(&["member", "add", "family", eddie, "--role", "editor"]);
    env.ok(&["member", "add", "other", eddie]);
    // In family: anyone's media, the member list; not members, not invitations.
    env.ok(&["--as", eddie, "member", "list", "family"]);
    env.ok(&["--as", eddie, "media", "show", "m-alice"]);
    env.ok(&[
        "--as", eddie, "media", "add", "family", "--type", "show", "--title", "Ed's",
    ]);
    env.ok(&["--as", eddie, "--yes", "media", "remove", "m-alice"]);
    env.ok(&["--as", eddie, "--yes", "media", "remove", "m-mike"]);
    as_user(&env, eddie, 77, &["member", "add", "family", TESS]);
    as_user(&env, eddie, 77, &["invite", "list", "family"]);
    as_user(
        &env,
        eddie,
        77,
        &["profile", "update", "family", "--name", "F"],
    );
    // In other, where Eddie is a plain member: only what member grants.
    env.ok(&["--as", eddie, "media", "list", "other"]);
    let err = as_user(&env, eddie, 77, &["media", "remove", "m-other"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: eddie@example.com may not media-remove: profile role member (media-remove:own) grants it on media they added only, and this is not
    hint: the profile roles owner, admin and editor, and the global role admin grant media-remove
    hint: `roster can eddie@example.com media-remove --record m-other` explains the decision
    ");
    let gone = env.json(&["media", "list", "family"]);
    assert_eq!(gone["items"].as_array().map(Vec::len), Some(1), "{gone}");
}

#[test]
fn own_patterns_grant_only_on_what_the_holder_owns() {
    let env = family();
    env.ok(&[
        "role",
        "create",
        "curator",
        "--scope",
        "profile",
        "--allow",
        "media-add,media-remove:own,member-remove:own",
    ]);
    let cora = "cora@example.com";
    env.user(cora, "Cora");
    env.ok(&["member", "add", "family", cora, "--role", "curator"]);
    let added = env.json(&[
        "--as", cora, "media", "add", "family", "--type", "movie", "--title", "Cora's",
    ]);
    let id = added["id"].as_str().unwrap();
    as_user(&env, cora, 77, &["media", "remove", "m-mike"]);
    env.ok(&["--as", cora, "--yes", "media", "remove", id]);
    // media-show is not in the role: not even on her own items.
    as_user(&env, cora, 77, &["media", "show", "m-mike"]);
    // member-remove:own: her own membership only.
    as_user(&env, cora, 77, &["member", "remove", "family", PAT]);
    env.ok(&["--as", cora, "--yes", "member", "remove", "family", cora]);
}

// ---------------------------------------------------------------- 3. patterns and names

#[test]
fn patterns_that_grant_nothing_a_custom_role_may_hold_are_refused() {
    let env = family();
    let before = env.audit_len();
    let mut errors = String::new();
    for (scope, pattern) in [
        ("profile", "medai-add"),
        ("global", "*"),
        ("profile", "user-list"),
        ("profile", "user-*"),
        ("profile", "member-list:own"),
        ("profile", "profile-delete"),
        ("global", "invite-accept"),
    ] {
        let err = env.fails(
            65,
            &[
                "--format", "table", "role", "create", "r", "--scope", scope, "--allow", pattern,
            ],
        );
        errors.push_str(&format!("--scope {scope} --allow {pattern}\n{err}"));
    }
    insta::assert_snapshot!(errors, @r#"
    --scope profile --allow medai-add
    error: permission "medai-add": matches no event
    hint: did you mean "media-add"?
    hint: `roster can USER --all` lists every event
    --scope global --allow *
    error: permission "*": `*` is held by the built-in admin role only
    hint: make the user a global admin with `roster user grant USER admin`
    --scope profile --allow user-list
    error: permission "user-list": user-list is a global event; a profile role grants events within a profile only
    hint: define it with --scope global
    --scope profile --allow user-*
    error: permission "user-*": the user events are global; a profile role grants events within a profile only
    hint: define it with --scope global
    --scope profile --allow member-list:own
    error: permission "member-list:own": member-list has no records anyone owns
    hint: :own applies to member-remove, media-show, media-remove, session-list, session-show, session-use, session-revoke
    --scope profile --allow profile-delete
    error: permission "profile-delete": profile-delete belongs to the built-in owner role alone
    hint: make the member an owner with `roster member role PROFILE USER owner`
    --scope global --allow invite-accept
    error: permission "invite-accept": invite-accept is decided by who the invitee is; no role grants it
    "#);
    assert_eq!(env.audit_len(), before, "nothing was written");
    // The same checks apply to role update --allow.
    let err = env.fails(65, &["role", "update", "viewer", "--allow", "media-shwo"]);
    assert!(err.contains("did you mean \"media-show\"?"), "{err}");
}

#[test]
fn role_names_are_case_insensitive_and_creating_twice_conflicts() {
    let env = family();
    let r = env.json(&[
        "role",
        "create",
        "Editor",
        "--scope",
        "profile",
        "--allow",
        "Media-*,MEMBER-LIST",
    ]);
    assert_eq!(
        (&r["name"], &r["permissions"]),
        (&json!("editor"), &json!(["media-*", "member-list"]))
    );
    let err = env.fails(
        68,
        &[
            "role",
            "create",
            "EDITOR",
            "--scope",
            "profile",
            "--allow",
            "media-list",
        ],
    );
    insta::assert_snapshot!(err, @r#"
    error: profile role "editor" already exists
    hint: add --if-not-exists to treat an existing role as success, or change it with `roster role update`
    "#);
    let out = env.ok(&[
        "--format",
        "table",
        "role",
        "create",
        "editor",
        "--scope",
        "profile",
        "--allow",
        "media-list",
        "--if-not-exists",
    ]);
    insta::assert_snapshot!(out, @"unchanged profile role editor");
    // --if-not-exists changed nothing.
    assert_eq!(
        env.json(&["role", "show", "EDITOR"])["permissions"],
        json!(["media-*", "member-list"])
    );
    // Granting and naming a role go by any case, stored lower-case.
    env.ok(&["member", "add", "family", TESS, "--role", "EdItOr"]);
    assert_eq!(
        env.json(&["member", "list", "family"])
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["email"] == TESS)
            .unwrap()["role"],
        "editor"
    );
    // The same name in the other scope is another role; admin is defined in both.
    env.ok(&[
        "role",
        "create",
        "editor",
        "--scope",
        "global",
        "--allow",
        "user-list",
    ]);
    let err = env.fails(2, &["role", "show", "editor"]);
    assert!(err.contains("defined in both scopes"), "{err}");
    env.ok(&["role", "show", "editor", "--scope", "global"]);
    // Not a name.
    env.fails(
        65,
        &[
            "role",
            "create",
            "9lives",
            "--scope",
            "global",
            "--allow",
            "user-list",
        ],
    );
}

// ---------------------------------------------------------------- 4. no escalation

/// A database with `family` and a global role `granter` that lets its holder Gus grant
/// global roles and write role definitions but carries nothing else, and a global role
/// `lister` (user-list) that Gus holds too.
fn granters() -> Env {
    let env = family();
    env.ok(&[
        "role",
        "create",
        "lister",
        "--scope",
        "global",
        "--allow",
        "user-list",
    ]);
    env.ok(&[
        "role",
        "create",
        "granter",
        "--scope",
        "global",
        "--allow",
        "user-grant,user-revoke,role-create,role-update,user-show",
    ]);
    env.user("gus@example.com", "Gus");
    env.ok(&["user", "grant", "gus@example.com", "granter", "lister"]);
    env
}

const GUS: &str = "gus@example.com";

#[test]
fn user_grant_needs_every_permission_of_the_role_granted() {
    let env = granters();
    // lister carries user-list, which Gus holds: allowed.
    env.ok(&["--as", GUS, "user", "grant", TESS, "lister"]);
    // admin carries everything: refused, naming what is lacking.
    let err = as_user(
        &env,
        GUS,
        77,
        &["--format", "table", "user", "grant", TESS, "admin"],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: gus@example.com may not user-grant: granting the global role admin needs every permission it carries
    hint: a global admin can do this
    hint: `roster can gus@example.com user-grant --record tess@example.com --role admin` explains the decision
    ");
    env.ok(&[
        "role", "create", "auditor", "--scope", "global", "--allow", "audit",
    ]);
    as_user(&env, GUS, 77, &["user", "grant", TESS, "auditor"]);
    // Revoking is granting in reverse: the same rule.
    env.ok(&["user", "grant", TESS, "auditor"]);
    as_user(&env, GUS, 77, &["user", "revoke", TESS, "auditor"]);
    // Nor is a holder of a role beyond Gus's his to change at all.
    let err = as_user(&env, GUS, 77, &["user", "revoke", TESS, "lister"]);
    assert!(
        err.contains("acting on a holder of the global role auditor"),
        "{err}"
    );
    env.ok(&["user", "revoke", TESS, "auditor"]);
    env.ok(&["--as", GUS, "user", "revoke", TESS, "lister"]);
    assert_eq!(env.json(&["user", "show", TESS])["roles"], json!([]));
}

#[test]
fn member_add_member_role_and_invite_send_need_every_permission_of_the_role() {
    let env = family();
    env.ok(&[
        "role",
        "create",
        "editor",
        "--scope",
        "profile",
        "--allow",
        "media-*,member-list",
    ]);
    env.ok(&[
        "role",
        "create",
        "inviter",
        "--scope",
        "profile",
        "--allow",
        "invite-send,member-add,member-role,member-list,media-list",
    ]);
    let ivan = "ivan@example.com";
    env.user(ivan, "Ivan");
    env.ok(&["member", "add", "family", ivan, "--role", "inviter"]);
    // viewer (member-list, media-list) is within what Ivan holds; editor and member are not.
    env.ok(&[
        "--as", ivan, "member", "add", "family", TESS, "--role", "viewer",
    ]);
    let err = as_user(
        &env,
        ivan,
        77,
        &[
            "--format", "table", "member", "add", "family", OUTSIDER, "--role", "editor",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: ivan@example.com may not member-add in family: granting the profile role editor needs every permission it carries
    hint: a global admin, or an owner of the profile, can do this
    hint: `roster can ivan@example.com member-add family --role editor` explains the decision
    ");
    as_user(&env, ivan, 77, &["member", "add", "family", OUTSIDER]);
    // member role: the role given, and the role the member holds.
    as_user(
        &env,
        ivan,
        77,
        &["member", "role", "family", TESS, "editor"],
    );
    as_user(&env, ivan, 77, &["member", "role", "family", PAT, "viewer"]);
    // invite send --role.
    env.ok(&[
        "--as",
        ivan,
        "invite",
        "send",
        "family",
        "v@example.com",
        "--role",
        "viewer",
    ]);
    as_user(
        &env,
        ivan,
        77,
        &[
            "invite",
            "send",
            "family",
            "e@example.com",
            "--role",
            "editor",
        ],
    );
    as_user(
        &env,
        ivan,
        77,
        &["invite", "send", "family", "m@example.com"],
    );

    // An owner grants every profile role in their profile, the owner role included.
    env.ok(&[
        "--as", OWNER, "member", "add", "family", OUTSIDER, "--role", "editor",
    ]);
    env.ok(&["--as", OWNER, "member", "role", "family", OUTSIDER, "owner"]);
    env.ok(&[
        "--as",
        OWNER,
        "invite",
        "send",
        "family",
        "o@example.com",
        "--role",
        "owner",
    ]);
    env.ok(&[
        "--as", OWNER, "member", "role", "family", OUTSIDER, "member",
    ]);
    // An admin grants what an admin holds, and never touches owner.
    env.ok(&["--as", ADMIN, "member", "role", "family", TESS, "editor"]);
    for args in [
        vec!["member", "role", "family", PAT, "owner"],
        vec!["member", "role", "family", OWNER, "admin"],
        vec!["member", "remove", "family", OWNER],
        vec![
            "invite",
            "send",
            "family",
            "x@example.com",
            "--role",
            "owner",
        ],
        // Permission first: that the user does not exist is not Alice's to learn.
        vec![
            "member",
            "add",
            "family",
            "nobody@example.com",
            "--role",
            "owner",
        ],
    ] {
        as_user(&env, ADMIN, 77, &args);
    }
    // The owner of one profile is nobody in another.
    as_user(
        &env,
        OWNER,
        77,
        &["member", "add", "other", TESS, "--role", "editor"],
    );
}

#[test]
fn role_create_and_role_update_need_every_permission_the_role_carries() {
    let env = granters();
    // Within what Gus holds.
    env.ok(&[
        "--as",
        GUS,
        "role",
        "create",
        "reader",
        "--scope",
        "global",
        "--allow",
        "user-list,user-show",
    ]);
    // Beyond it.
    let err = as_user(
        &env,
        GUS,
        77,
        &[
            "--format", "table", "role", "create", "spy", "--scope", "global", "--allow", "audit",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: gus@example.com may not role-create: defining the global role spy needs every permission it carries
    hint: a global admin can do this
    hint: defining the global role spy needs every permission it carries; gus@example.com lacks audit
    ");
    as_user(
        &env,
        GUS,
        77,
        &["role", "update", "reader", "--allow", "audit"],
    );
    // Updating a role needs its current permissions too, even to change its description.
    env.ok(&[
        "--as",
        GUS,
        "role",
        "update",
        "reader",
        "--description",
        "reads",
    ]);
    as_user(
        &env,
        GUS,
        77,
        &["role", "update", "viewer", "--description", "views"],
    );
    // A profile owner writes no definitions.
    as_user(
        &env,
        OWNER,
        77,
        &[
            "role",
            "create",
            "x",
            "--scope",
            "profile",
            "--allow",
            "member-list",
        ],
    );
    as_user(
        &env,
        OWNER,
        77,
        &["role", "update", "viewer", "--allow", "media-add"],
    );
    as_user(&env, OWNER, 77, &["role", "delete", "viewer"]);
}

// ---------------------------------------------------------------- 5. :own

#[test]
fn a_member_removes_the_media_they_added_and_a_show_with_others_episodes_is_not_theirs() {
    let env = family();
    let show = env.json(&[
        "--as",
        MEMBER,
        "media",
        "add",
        "family",
        "--type",
        "show",
        "--title",
        "Mike's show",
    ]);
    let show = show["id"].as_str().unwrap().to_string();
    env.ok(&[
        "--as",
        MEMBER,
        "media",
        "add",
        "family",
        "--type",
        "episode",
        "--title",
        "E1",
        "--parent",
        &show,
        "--season",
        "1",
        "--episode",
        "1",
    ]);
    // Only Mike's episodes: the show is his.
    let d = can(&env, &[MEMBER, "media-remove", "--record", &show]);
    assert_eq!(d["verdict"], "allowed", "{d}");
    // Pat adds an episode: the show is no longer Mike's own.
    let ep = env.json(&[
        "--as",
        PAT,
        "media",
        "add",
        "family",
        "--type",
        "episode",
        "--title",
        "E2",
        "--parent",
        &show,
        "--season",
        "1",
        "--episode",
        "2",
    ]);
    let d = can(&env, &[MEMBER, "media-remove", "--record", &show]);
    assert_eq!(d["verdict"], "denied", "{d}");
    let err = as_user(&env, MEMBER, 77, &["media", "remove", &show]);
    assert!(err.contains("may not media-remove: profile role member (media-remove:own) grants it on media they added only"), "{err}");
    as_user(&env, MEMBER, 77, &["media", "remove", "m-alice"]);
    as_user(&env, PAT, 77, &["media", "remove", "m-mike"]);
    env.ok(&["--as", MEMBER, "--yes", "media", "remove", "m-mike"]);
    // Pat's episode goes, and then the show is Mike's alone again.
    env.ok(&[
        "--as",
        PAT,
        "--yes",
        "media",
        "remove",
        ep["id"].as_str().unwrap(),
    ]);
    env.ok(&["--as", MEMBER, "--yes", "media", "remove", &show]);
}

// ---------------------------------------------------------------- 6. deleting roles

#[test]
fn a_held_role_cannot_be_deleted_and_built_ins_cannot_change() {
    let env = family();
    env.ok(&[
        "role", "create", "editor", "--scope", "profile", "--allow", "media-*",
    ]);
    env.ok(&[
        "role",
        "create",
        "desk",
        "--scope",
        "global",
        "--allow",
        "user-list",
    ]);
    env.ok(&["member", "add", "family", TESS, "--role", "editor"]);
    env.ok(&[
        "invite",
        "send",
        "other",
        "e@example.com",
        "--role",
        "editor",
    ]);
    env.ok(&["user", "grant", TESS, "desk"]);
    let mut errs = String::new();
    for args in [
        vec!["role", "delete", "editor"],
        vec!["role", "delete", "desk"],
        vec!["role", "delete", "owner"],
        vec!["role", "delete", "admin", "--scope", "global"],
        vec!["role", "update", "member", "--allow", "invite-send"],
        vec![
            "role",
            "update",
            "admin",
            "--scope",
            "profile",
            "--description",
            "x",
        ],
    ] {
        let mut all = vec!["--yes", "--format", "table"];
        all.extend(args);
        errs.push_str(&env.fails(68, &all));
    }
    insta::assert_snapshot!(errs, @"
    error: profile role editor is held by 2 members or pending invitations
    hint: take it away first with `roster member role PROFILE USER member` (and cancel its invitations); `roster role show editor` counts them
    error: global role desk is held by 1 user
    hint: take it away first with `roster user revoke USER desk`; `roster role show desk` counts them
    error: the profile role owner is built in: it cannot be deleted
    hint: define a custom role with `roster role create`
    error: the global role admin is built in: it cannot be deleted
    hint: define a custom role with `roster role create`
    error: the profile role member is built in: it cannot be changed
    hint: define a custom role with `roster role create`
    error: the profile role admin is built in: it cannot be changed
    hint: define a custom role with `roster role create`
    ");
    // Once nobody holds it, it goes; a pending invitation counts, a canceled one does not.
    env.ok(&["member", "role", "family", TESS, "member"]);
    let inv = env.json(&["invite", "list", "other"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    env.ok(&["invite", "cancel", &inv]);
    env.ok(&["--yes", "role", "delete", "editor"]);
    env.fails(67, &["role", "show", "editor"]);
    // Without a terminal or --yes, a delete asks to be confirmed.
    env.fails(2, &["role", "delete", "viewer"]);
}

#[test]
fn granting_an_undefined_role_is_refused_with_the_create_that_defines_it() {
    let env = family();
    let mut errs = String::new();
    for args in [
        vec!["user", "grant", TESS, "support"],
        vec!["member", "add", "family", TESS, "--role", "editr"],
        vec!["member", "role", "family", PAT, "editor"],
        vec![
            "invite",
            "send",
            "family",
            "x@example.com",
            "--role",
            "editor",
        ],
        vec![
            "user",
            "create",
            "--email",
            "y@example.com",
            "--name",
            "Y",
            "--role",
            "support",
        ],
    ] {
        let mut all = vec!["--format", "table"];
        all.extend(args);
        errs.push_str(&env.fails(67, &all));
    }
    insta::assert_snapshot!(errs, @r#"
    error: global role "support" is not defined
    hint: define it: `roster role create support --scope global --allow user-list,user-show`
    error: profile role "editr" is not defined
    hint: define it: `roster role create editr --scope profile --allow member-list,media-*`
    error: profile role "editor" is not defined
    hint: define it: `roster role create editor --scope profile --allow member-list,media-*`
    error: profile role "editor" is not defined
    hint: define it: `roster role create editor --scope profile --allow member-list,media-*`
    error: global role "support" is not defined
    hint: define it: `roster role create support --scope global --allow user-list,user-show`
    "#);
}

// ---------------------------------------------------------------- 7. migration

#[test]
fn a_version_3_database_migrates_its_roles() {
    // A database as roster wrote it before roles were defined: the first three
    // migrations, a global admin, a user holding an undefined global role `support`, a
    // profile with each of the three roles of then, and a pending invitation.
    let env = Env::new();
    if !env.sqlite_only("SQLite's schema versions: PostgreSQL's schema starts at version 5") {
        return;
    }
    let db = sqlite(&env.db());
    for m in &roster::store::schema::MIGRATIONS[..3] {
        db.execute_batch(m).unwrap();
    }
    db.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 3;",
        roster::store::APPLICATION_ID
    ))
    .unwrap();
    let t = "2026-01-01T00:00:00.000Z";
    db.execute_batch(&format!(
        "INSERT INTO users (id, email, name, roles, created_at, updated_at) VALUES
           ('u-root', 'root@example.com', 'Root', '[\"admin\"]', '{t}', '{t}'),
           ('u-sam', 'sam@example.com', 'Sam', '[\"support\"]', '{t}', '{t}'),
           ('u-olive', 'olive@example.com', 'Olive', '[]', '{t}', '{t}'),
           ('u-alice', 'alice@example.com', 'Alice', '[]', '{t}', '{t}'),
           ('u-mike', 'mike@example.com', 'Mike', '[]', '{t}', '{t}');
         INSERT INTO profiles (id, slug, name, created_at, updated_at)
           VALUES ('p-family', 'family', 'Family', '{t}', '{t}');
         INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at) VALUES
           ('m1', 'p-family', 'u-olive', 'owner', '{t}', '{t}'),
           ('m2', 'p-family', 'u-alice', 'admin', '{t}', '{t}'),
           ('m3', 'p-family', 'u-mike', 'member', '{t}', '{t}');
         INSERT INTO invitations (id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at)
           VALUES ('inv1', 'p-family', 'guest@example.com', 'admin', 'pending', 'u-olive',
                   '2099-01-01T00:00:00.000Z', '{t}', '{t}');"
    ))
    .unwrap();
    let rows = |db: &rusqlite::Connection, sql: &str| -> Vec<String> {
        let mut st = db.prepare(sql).unwrap();
        st.query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let members_sql = "SELECT id || ' ' || profile_id || ' ' || user_id || ' ' || role || ' ' || created_at || ' ' || updated_at FROM members ORDER BY id";
    let invites_sql = "SELECT id || ' ' || email || ' ' || role || ' ' || status || ' ' || inviter_id || ' ' || expires_at FROM invitations ORDER BY id";
    let users_sql = "SELECT id || ' ' || roles || ' ' || updated_at FROM users ORDER BY id";
    let before = (
        rows(&db, members_sql),
        rows(&db, invites_sql),
        rows(&db, users_sql),
    );
    drop(db);

    // Opening migrates; doctor finds the role that grants nothing and exits 1.
    let out = env.run(&["--format", "table", "doctor"]);
    assert_eq!(code(&out), 1, "{}", text(&out.stderr));
    let report = text(&out.stdout) + &text(&out.stderr);
    assert!(report.contains("role-grants-nothing"), "{report}");
    assert!(report.contains("support"), "{report}");
    let findings = env.run(&["--json", "doctor"]);
    let findings: Value = serde_json::from_slice(&findings.stdout).unwrap();
    let checks: Vec<&Value> = findings["findings"]
        .as_array()
        .or(findings.as_array())
        .map(|a| a.iter().map(|f| &f["check"]).collect())
        .unwrap_or_default();
    // (The admin was written by hand, with no audit row: doctor says so too.)
    assert_eq!(
        checks,
        [&json!("unexplained-admin"), &json!("role-grants-nothing")],
        "only those: {findings}"
    );

    let db = sqlite(&env.db());
    let version: i64 = db
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, roster::store::schema::CURRENT);
    let roles = rows(
        &db,
        "SELECT scope || ' ' || name || ' ' || permissions || ' ' || builtin FROM roles ORDER BY scope, name",
    );
    insta::assert_snapshot!(roles.join("\n"), @r#"
    global admin ["*"] 1
    global support [] 0
    profile admin ["profile-update","member-add","member-role","member-remove","member-list","invite-send","invite-cancel","invite-list","invite-show","media-*"] 1
    profile member ["member-list","media-list","media-show","media-add","media-remove:own"] 1
    profile owner ["profile-*","member-*","invite-*","media-*"] 1
    "#);
    // Nothing else changed.
    let after = (
        rows(&db, members_sql),
        rows(&db, invites_sql),
        rows(&db, users_sql),
    );
    assert_eq!(after, before);
    drop(db);
    // The built-ins work as the roles of then did; support grants nothing.
    env.ok(&["--as", "olive@example.com", "member", "list", "family"]);
    env.ok(&["--as", "alice@example.com", "invite", "show", "inv1"]);
    as_user(&env, "mike@example.com", 77, &["invite", "show", "inv1"]);
    as_user(&env, "sam@example.com", 77, &["member", "list", "family"]);
    env.ok(&["role", "update", "support", "--allow", "member-list"]);
    env.ok(&["--as", "sam@example.com", "member", "list", "family"]);
    let findings = env.run(&["--json", "doctor"]);
    let findings: Value = serde_json::from_slice(&findings.stdout).unwrap();
    assert_eq!(
        findings["findings"].as_array().unwrap().len(),
        1,
        "{findings}"
    );
    assert_eq!(findings["findings"][0]["check"], "unexplained-admin");
}

// ---------------------------------------------------------------- 8. roster can

/// `roster can ARGS` in a table and as JSON, exit code first.
fn can_both(env: &Env, args: &[&str]) -> String {
    let mut out = String::new();
    for format in ["table", "json"] {
        let mut all = vec!["--format", format, "can"];
        all.extend_from_slice(args);
        let o = env.run(&all);
        out.push_str(&format!(
            "[exit {}]\n{}{}",
            code(&o),
            text(&o.stdout),
            text(&o.stderr)
        ));
    }
    out
}

#[test]
fn can_explains_allowed_and_denied_with_the_roles_that_would_grant() {
    let env = family();
    env.ok(&[
        "role",
        "create",
        "support",
        "--scope",
        "global",
        "--allow",
        "user-list,user-show,member-list,invite-*",
    ]);
    env.ok(&["user", "grant", PAT, "support"]);
    insta::assert_snapshot!(can_both(&env, &[ADMIN, "member-add", "family"]), @r#"
    [exit 0]
    allowed: alice@example.com may member-add in family
      1. alice@example.com is active
      2. global roles: none
      3. member of family as admin — grants profile-update, member-add, member-role, member-remove, member-list, invite-send, invite-cancel, invite-list, invite-show, media-*
      4. profile role admin (member-add) grants member-add
      5. alice@example.com holds every permission of the profile role member
    [exit 0]
    {
      "allowed": true,
      "actor": "alice@example.com",
      "event": "member-add",
      "profile": "family",
      "verdict": "allowed",
      "by": "profile role admin (member-add)",
      "steps": [
        "alice@example.com is active",
        "global roles: none",
        "member of family as admin — grants profile-update, member-add, member-role, member-remove, member-list, invite-send, invite-cancel, invite-list, invite-show, media-*",
        "profile role admin (member-add) grants member-add",
        "alice@example.com holds every permission of the profile role member"
      ],
      "hint": null
    }
    "#);
    insta::assert_snapshot!(can_both(&env, &[PAT, "member-add", "family"]), @r#"
    [exit 1]
    denied: pat@example.com may not member-add in family
      1. pat@example.com is active
      2. global roles: support — grants user-list, user-show, member-list, invite-*; not member-add
      3. member of family as member — grants member-list, media-list, media-show, media-add, media-remove:own; not member-add
      hint: the profile roles owner and admin, and the global role admin grant member-add
    [exit 1]
    {
      "allowed": false,
      "actor": "pat@example.com",
      "event": "member-add",
      "profile": "family",
      "verdict": "denied",
      "by": "no role of theirs grants member-add",
      "steps": [
        "pat@example.com is active",
        "global roles: support — grants user-list, user-show, member-list, invite-*; not member-add",
        "member of family as member — grants member-list, media-list, media-show, media-add, media-remove:own; not member-add"
      ],
      "hint": "the profile roles owner and admin, and the global role admin grant member-add"
    }
    "#);
    insta::assert_snapshot!(can_both(&env, &[PAT, "member-list", "other"]), @r#"
    [exit 0]
    allowed: pat@example.com may member-list in other
      1. pat@example.com is active
      2. global roles: support — grants user-list, user-show, member-list, invite-*
      3. not a member of other
      4. global role support (member-list) grants member-list
    [exit 0]
    {
      "allowed": true,
      "actor": "pat@example.com",
      "event": "member-list",
      "profile": "other",
      "verdict": "allowed",
      "by": "global role support (member-list)",
      "steps": [
        "pat@example.com is active",
        "global roles: support — grants user-list, user-show, member-list, invite-*",
        "not a member of other",
        "global role support (member-list) grants member-list"
      ],
      "hint": null
    }
    "#);
}

#[test]
fn can_explains_the_fixed_rules() {
    let env = family();
    // Self-service, the invitee, never on oneself.
    insta::assert_snapshot!(can_both(&env, &[MEMBER, "user-show", "--record", MEMBER]), @r#"
    [exit 0]
    allowed: mike@example.com may user-show
      1. mike@example.com is active
      2. global roles: none
      3. mike@example.com is the user themself
    [exit 0]
    {
      "allowed": true,
      "actor": "mike@example.com",
      "event": "user-show",
      "profile": null,
      "verdict": "allowed",
      "by": "rule: the user themself",
      "steps": [
        "mike@example.com is active",
        "global roles: none",
        "mike@example.com is the user themself"
      ],
      "hint": null
    }
    "#);
    insta::assert_snapshot!(can_both(&env, &[OUTSIDER, "invite-accept", "--record", "inv-nora"]), @r#"
    [exit 0]
    allowed: nora@example.com may invite-accept in family
      1. nora@example.com is active
      2. nora@example.com is the invitee (nora@example.com)
    [exit 0]
    {
      "allowed": true,
      "actor": "nora@example.com",
      "event": "invite-accept",
      "profile": "family",
      "verdict": "allowed",
      "by": "the invitee",
      "steps": [
        "nora@example.com is active",
        "nora@example.com is the invitee (nora@example.com)"
      ],
      "hint": null
    }
    "#);
    insta::assert_snapshot!(can_both(&env, &[MEMBER, "invite-accept", "--record", "inv-nora"]), @r#"
    [exit 1]
    denied: mike@example.com may not invite-accept
      1. mike@example.com is active
      2. the invitation was not sent to mike@example.com
    [exit 1]
    {
      "allowed": false,
      "actor": "mike@example.com",
      "event": "invite-accept",
      "profile": null,
      "verdict": "denied",
      "by": "only the invitee may answer an invitation",
      "steps": [
        "mike@example.com is active",
        "the invitation was not sent to mike@example.com"
      ],
      "hint": null
    }
    "#);
    insta::assert_snapshot!(can_both(&env, &[ROOT, "user-disable", "--record", ROOT]), @r#"
    [exit 1]
    denied: root@example.com may not user-disable
      1. root@example.com is active
      2. user-disable is never done by a user to themself
      hint: another global admin, or the operator (without --as), can do this
    [exit 1]
    {
      "allowed": false,
      "actor": "root@example.com",
      "event": "user-disable",
      "profile": null,
      "verdict": "denied",
      "by": "user-disable is never done to oneself",
      "steps": [
        "root@example.com is active",
        "user-disable is never done by a user to themself"
      ],
      "hint": "another global admin, or the operator (without --as), can do this"
    }
    "#);
    // The last owner: allowed by permission, refused by the invariant.
    insta::assert_snapshot!(can_both(&env, &[OWNER, "member-remove", "family", "--record", OWNER]), @r#"
    [exit 1]
    denied: olive@example.com may member-remove in family, but not this: removing the member: olive@example.com is the last owner of profile family
      1. olive@example.com is active
      2. global roles: none
      3. member of family as owner — grants profile-*, member-*, invite-*, media-*
      4. profile role owner (member-*) grants member-remove
      5. olive@example.com is the last owner of family
      hint: transfer ownership first: `roster profile transfer family USER`
    [exit 1]
    {
      "allowed": false,
      "actor": "olive@example.com",
      "event": "member-remove",
      "profile": "family",
      "verdict": "conflict",
      "by": "removing the member: olive@example.com is the last owner of profile family",
      "steps": [
        "olive@example.com is active",
        "global roles: none",
        "member of family as owner — grants profile-*, member-*, invite-*, media-*",
        "profile role owner (member-*) grants member-remove",
        "olive@example.com is the last owner of family"
      ],
      "hint": "transfer ownership first: `roster profile transfer family USER`"
    }
    "#);
    // Escalation.
    insta::assert_snapshot!(can_both(&env, &[ADMIN, "member-add", "family", "--role", "owner"]), @r#"
    [exit 1]
    denied: alice@example.com may not member-add in family
      1. alice@example.com is active
      2. global roles: none
      3. member of family as admin — grants profile-update, member-add, member-role, member-remove, member-list, invite-send, invite-cancel, invite-list, invite-show, media-*
      4. profile role admin (member-add) grants member-add
      5. granting the profile role owner needs every permission it carries; alice@example.com lacks profile-delete, profile-transfer
      hint: a global admin, or an owner of the profile, can do this
    [exit 1]
    {
      "allowed": false,
      "actor": "alice@example.com",
      "event": "member-add",
      "profile": "family",
      "verdict": "denied",
      "by": "granting the profile role owner needs every permission it carries",
      "steps": [
        "alice@example.com is active",
        "global roles: none",
        "member of family as admin — grants profile-update, member-add, member-role, member-remove, member-list, invite-send, invite-cancel, invite-list, invite-show, media-*",
        "profile role admin (member-add) grants member-add",
        "granting the profile role owner needs every permission it carries; alice@example.com lacks profile-delete, profile-transfer"
      ],
      "hint": "a global admin, or an owner of the profile, can do this"
    }
    "#);
    // A global admin, and the operator's own commands are always allowed.
    insta::assert_snapshot!(can_both(&env, &[ROOT, "profile-delete", "other"]), @r#"
    [exit 0]
    allowed: root@example.com may profile-delete in other
      1. root@example.com is active
      2. global roles: admin — grants *
      3. not a member of other
      4. global role admin (*) grants profile-delete
    [exit 0]
    {
      "allowed": true,
      "actor": "root@example.com",
      "event": "profile-delete",
      "profile": "other",
      "verdict": "allowed",
      "by": "global role admin (*)",
      "steps": [
        "root@example.com is active",
        "global roles: admin — grants *",
        "not a member of other",
        "global role admin (*) grants profile-delete"
      ],
      "hint": null
    }
    "#);
}

#[test]
fn can_all_is_the_access_matrix() {
    let env = family();
    let out = env.ok(&["--format", "table", "can", MEMBER, "--all", "family"]);
    insta::assert_snapshot!(out, @"
    ╭──────────────────┬──────────┬───────────────────────────────────────────╮
    │ event            ┆ verdict  ┆ by                                        │
    ╞══════════════════╪══════════╪═══════════════════════════════════════════╡
    │ user-create      ┆ denied   ┆ no role of theirs grants user-create      │
    │ user-list        ┆ allowed  ┆ rule: anyone                              │
    │ user-show        ┆ own-only ┆ rule: the user themself                   │
    │ user-update      ┆ own-only ┆ rule: the user themself                   │
    │ user-passwd      ┆ own-only ┆ rule: the user themself                   │
    │ user-grant       ┆ denied   ┆ no role of theirs grants user-grant       │
    │ user-revoke      ┆ denied   ┆ no role of theirs grants user-revoke      │
    │ user-disable     ┆ denied   ┆ no role of theirs grants user-disable     │
    │ user-enable      ┆ denied   ┆ no role of theirs grants user-enable      │
    │ user-delete      ┆ denied   ┆ no role of theirs grants user-delete      │
    │ user-verify      ┆ denied   ┆ no role of theirs grants user-verify      │
    │ profile-create   ┆ denied   ┆ no role of theirs grants profile-create   │
    │ profile-list     ┆ allowed  ┆ rule: anyone                              │
    │ profile-show     ┆ allowed  ┆ rule: anyone                              │
    │ profile-update   ┆ denied   ┆ no role of theirs grants profile-update   │
    │ profile-delete   ┆ denied   ┆ no role of theirs grants profile-delete   │
    │ profile-transfer ┆ denied   ┆ no role of theirs grants profile-transfer │
    │ member-add       ┆ denied   ┆ no role of theirs grants member-add       │
    │ member-role      ┆ denied   ┆ no role of theirs grants member-role      │
    │ member-remove    ┆ own-only ┆ rule: a member leaving                    │
    │ member-list      ┆ allowed  ┆ profile role member (member-list)         │
    │ invite-send      ┆ denied   ┆ no role of theirs grants invite-send      │
    │ invite-cancel    ┆ denied   ┆ no role of theirs grants invite-cancel    │
    │ invite-list      ┆ denied   ┆ no role of theirs grants invite-list      │
    │ invite-show      ┆ denied   ┆ no role of theirs grants invite-show      │
    │ invite-accept    ┆ own-only ┆ only the invitee may answer an invitation │
    │ invite-reject    ┆ own-only ┆ only the invitee may answer an invitation │
    │ invite-prune     ┆ denied   ┆ no role of theirs grants invite-prune     │
    │ mail-deliver     ┆ denied   ┆ no role of theirs grants mail-deliver     │
    │ mail-list        ┆ denied   ┆ no role of theirs grants mail-list        │
    │ media-add        ┆ allowed  ┆ profile role member (media-add)           │
    │ media-list       ┆ allowed  ┆ profile role member (media-list)          │
    │ media-show       ┆ allowed  ┆ profile role member (media-show)          │
    │ media-remove     ┆ own-only ┆ profile role member (media-remove:own)    │
    │ session-issue    ┆ denied   ┆ no role of theirs grants session-issue    │
    │ session-list     ┆ allowed  ┆ rule: their own sessions                  │
    │ session-show     ┆ own-only ┆ rule: their own sessions                  │
    │ session-use      ┆ own-only ┆ rule: their own sessions                  │
    │ session-revoke   ┆ own-only ┆ rule: their own sessions                  │
    │ session-prune    ┆ denied   ┆ no role of theirs grants session-prune    │
    │ role-create      ┆ denied   ┆ no role of theirs grants role-create      │
    │ role-list        ┆ allowed  ┆ rule: anyone                              │
    │ role-show        ┆ allowed  ┆ rule: anyone                              │
    │ role-update      ┆ denied   ┆ no role of theirs grants role-update      │
    │ role-delete      ┆ denied   ┆ no role of theirs grants role-delete      │
    │ audit            ┆ denied   ┆ no role of theirs grants audit            │
    │ export           ┆ denied   ┆ no role of theirs grants export           │
    │ backup           ┆ denied   ┆ no role of theirs grants backup           │
    │ doctor           ┆ denied   ┆ no role of theirs grants doctor           │
    │ can              ┆ own-only ┆ rule: the user themself                   │
    ╰──────────────────┴──────────┴───────────────────────────────────────────╯
    ");
    let rows = env.json(&["can", MEMBER, "--all", "family"]);
    let allowed: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["allowed"] == true)
        .map(|d| d["event"].as_str().unwrap())
        .collect();
    assert_eq!(
        allowed,
        [
            "user-list",
            "profile-list",
            "profile-show",
            "member-list",
            "media-add",
            "media-list",
            "media-show",
            "session-list",
            "role-list",
            "role-show"
        ]
    );
}

#[test]
fn can_refuses_what_it_cannot_answer() {
    let env = family();
    let mut errs = String::new();
    for (want, args) in [
        (67, vec!["nobody@example.com", "member-add", "family"]),
        (67, vec![MEMBER, "member-add", "famly"]),
        (65, vec![MEMBER, "membr-add", "family"]),
        (2, vec![MEMBER, "member-add"]),
        (2, vec![MEMBER, "user-list", "family"]),
    ] {
        let mut all = vec!["--format", "table", "can"];
        all.extend(args);
        errs.push_str(&env.fails(want, &all));
    }
    // Asking about someone else is a global admin's question.
    errs.push_str(&as_user(
        &env,
        MEMBER,
        77,
        &["--format", "table", "can", ADMIN, "member-add", "family"],
    ));
    insta::assert_snapshot!(errs, @r#"
    error: user "nobody@example.com" does not exist
    hint: list users with `roster user list`
    error: profile "famly" does not exist
    hint: did you mean "family"?
    hint: list profiles with `roster profile list`
    error: event "membr-add" does not exist
    hint: did you mean "member-add"?
    hint: `roster can USER --all` lists every event
    error: member-add is done in a profile: give PROFILE (or --record)
    hint: for example `roster can mike@example.com member-add PROFILE`
    error: user-list is not done in a profile: leave out PROFILE
    error: permission denied: mike@example.com may not can: no role of theirs grants can
    hint: the global role admin grants can
    hint: `roster can mike@example.com can --record alice@example.com` explains the decision
    "#);
    // About oneself, anyone may ask; the operator may ask about anyone.
    let out = env.run(&["--as", MEMBER, "can", MEMBER, "member-add", "family"]);
    assert_eq!(code(&out), 1, "{}", text(&out.stderr));
    let out = env.run(&["--as", ADMIN, "can", ADMIN, "member-add", "family"]);
    assert_eq!(code(&out), 0, "{}", text(&out.stderr));
    env.ok(&["--as", ROOT, "can", ADMIN, "member-add", "family"]);
}

// ---------------------------------------------------------------- 9. seeds and export

/// Roles, and users, members and an invitation holding them. Names in any case.
const ROLE_SEED: &str = r#"{"version": 1, "events": [
  {"event": "user-create", "data": {"email": "root@example.com", "name": "Root"}},
  {"event": "user-create", "data": {"email": "sam@example.com", "name": "Sam", "roles": ["ADMIN"]}},
  {"event": "role-create", "data": {"name": "Support", "scope": "global", "allow": ["user-list", "user-show", "member-list", "invite-*"], "description": "the help desk"}},
  {"event": "role-create", "data": {"name": "editor", "scope": "profile", "allow": ["media-*", "member-list"]}},
  {"event": "role-create", "data": {"name": "gone", "scope": "profile", "allow": ["media-list"]}},
  {"event": "user-create", "data": {"email": "desk@example.com", "name": "Desk", "roles": ["SUPPORT"]}},
  {"event": "profile-create", "data": {"name": "Family", "slug": "family"}},
  {"event": "member-add", "data": {"profile": "family", "user": "desk@example.com", "role": "Editor"}},
  {"event": "invite-send", "data": {"id": "inv-e", "profile": "family", "email": "e@example.com", "role": "editor"}}
]}"#;

/// Changes to the roles of [`ROLE_SEED`]: a seed of its own, since a seed that both
/// creates and changes one record converges it back and forth on every run.
const ROLE_CHANGES: &str = r#"[
  {"event": "role-update", "data": {"name": "EDITOR", "allow": ["invite-list"], "description": "runs the library"}},
  {"event": "role-update", "data": {"name": "support", "scope": "global", "deny": ["invite-prune"]}},
  {"event": "role-delete", "data": {"name": "gone"}}
]"#;

#[test]
fn role_events_seed_once_and_a_second_run_changes_nothing() {
    let env = Env::init();
    write(&env, "roles.json", ROLE_SEED);
    write(&env, "changes.json", ROLE_CHANGES);
    let first = env.json(&["seed", "roles.json"]);
    assert_eq!(first["changed"], true, "{first}");
    all_unchanged(&env.json(&["seed", "roles.json"]));
    let changes = env.json(&["seed", "changes.json"]);
    assert_eq!(changes["changed"], true, "{changes}");
    let roles = env.json(&["role", "list"]);
    let custom: Vec<(String, Value)> = roles
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["builtin"] == false)
        .map(|r| {
            (
                format!(
                    "{} {}",
                    r["scope"].as_str().unwrap(),
                    r["name"].as_str().unwrap()
                ),
                r["permissions"].clone(),
            )
        })
        .collect();
    assert_eq!(
        custom,
        [
            (
                "global support".to_string(),
                json!([
                    "user-list",
                    "user-show",
                    "member-list",
                    "invite-send",
                    "invite-cancel",
                    "invite-list",
                    "invite-show"
                ])
            ),
            (
                "profile editor".to_string(),
                json!(["media-*", "member-list", "invite-list"])
            ),
        ]
    );
    // Stackpress's upper-case ADMIN is the admin role.
    let sam = env.json(&["user", "show", "sam@example.com"]);
    assert_eq!(
        (&sam["roles"], &sam["is_admin"]),
        (&json!(["admin"]), &json!(true))
    );
    assert_eq!(
        env.json(&["user", "show", "desk@example.com"])["roles"],
        json!(["support"])
    );
    let audit = env.audit_len();
    // The deny is done already, the role already gone: all unchanged, nothing refused.
    all_unchanged(&env.json(&["seed", "changes.json"]));
    assert_eq!(env.audit_len(), audit, "a second run writes no audit row");
}

#[test]
fn export_writes_custom_roles_first_and_round_trips_byte_for_byte() {
    let env = Env::init();
    write(&env, "roles.json", ROLE_SEED);
    write(&env, "changes.json", ROLE_CHANGES);
    env.ok(&["seed", "roles.json", "changes.json"]);
    env.ok(&[
        "member",
        "add",
        "family",
        "sam@example.com",
        "--role",
        "editor",
    ]);
    let first = env.ok(&["export"]);
    let doc: Value = serde_json::from_str(&first).unwrap();
    let events: Vec<&str> = doc["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["event"].as_str().unwrap())
        .collect();
    assert_eq!(&events[..2], ["role-create", "role-create"], "{first}");
    assert!(!events[2..].contains(&"role-create"), "{events:?}");
    assert_eq!(doc["events"][0]["data"]["name"], "support");
    assert_eq!(doc["events"][1]["data"]["name"], "editor");
    // Into an empty database and out again: the same bytes.
    let copy = Env::new();
    std::fs::write(copy.path("export.json"), &first).unwrap();
    copy.ok(&["seed", "export.json"]);
    assert_eq!(copy.ok(&["export"]), first);
    let members = copy.json(&["member", "list", "family"]);
    let roles: Vec<&str> = members
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, ["editor", "editor"]);
    // And seeding the export again over its own result changes nothing.
    all_unchanged(&copy.json(&["seed", "export.json"]));
}

// ---------------------------------------------------------------- 10. agreement

/// Patterns a custom global role may be given: events of both scopes, families, `:own`.
const GLOBAL_POOL: &[&str] = &[
    "user-create",
    "user-list",
    "user-show",
    "user-update",
    "user-passwd",
    "user-grant",
    "user-revoke",
    "user-disable",
    "user-enable",
    "user-delete",
    "user-*",
    "profile-create",
    "profile-update",
    "profile-*",
    "member-add",
    "member-role",
    "member-remove",
    "member-remove:own",
    "member-list",
    "member-*",
    "invite-send",
    "invite-cancel",
    "invite-list",
    "invite-show",
    "invite-prune",
    "invite-*",
    "media-add",
    "media-list",
    "media-show",
    "media-show:own",
    "media-remove",
    "media-remove:own",
    "media-*",
    "role-create",
    "role-update",
    "role-delete",
    "role-*",
    "user-verify",
    "session-issue",
    "session-list",
    "session-show",
    "session-show:own",
    "session-use",
    "session-revoke",
    "session-revoke:own",
    "session-*",
    "audit",
    "export",
    "backup",
    "doctor",
    "can",
    "mail-deliver",
    "mail-list",
    "mail-*",
];

/// Patterns a custom profile role may be given.
const PROFILE_POOL: &[&str] = &[
    "profile-update",
    "profile-*",
    "member-add",
    "member-role",
    "member-remove",
    "member-remove:own",
    "member-list",
    "member-*",
    "invite-send",
    "invite-cancel",
    "invite-list",
    "invite-show",
    "invite-*",
    "media-add",
    "media-list",
    "media-show",
    "media-show:own",
    "media-remove",
    "media-remove:own",
    "media-*",
];

/// Users u0 (the first: a global admin) to u5.
const USERS: usize = 6;
const PROFILES: [&str; 2] = ["pa", "pb"];
/// A membership: none, or one of these profile roles (`p1` is the custom one).
const PROFILE_ROLES: [&str; 4] = ["owner", "admin", "member", "p1"];
const GLOBAL_ROLES: [&str; 3] = ["admin", "g1", "blank"];

/// Every event and how the agreement test asks about it and performs it.
const EVENTS: &[&str] = &[
    "user-create",
    "user-list",
    "user-show",
    "user-update",
    "user-passwd",
    "user-grant",
    "user-revoke",
    "user-disable",
    "user-enable",
    "user-delete",
    "user-verify",
    "profile-create",
    "profile-list",
    "profile-show",
    "profile-update",
    "profile-delete",
    "profile-transfer",
    "member-add",
    "member-role",
    "member-remove",
    "member-list",
    "invite-send",
    "invite-cancel",
    "invite-list",
    "invite-show",
    "invite-accept",
    "invite-reject",
    "invite-prune",
    "mail-deliver",
    "mail-list",
    "media-add",
    "media-list",
    "media-show",
    "media-remove",
    "session-issue",
    "session-list",
    "session-show",
    "session-use",
    "session-revoke",
    "session-prune",
    "role-create",
    "role-list",
    "role-show",
    "role-update",
    "role-delete",
    "audit",
    "export",
    "backup",
    "doctor",
    "can",
];

#[derive(Debug, Clone)]
struct Person {
    admin: bool,
    g1: bool,
    active: bool,
}

#[derive(Debug, Clone)]
struct Item {
    profile: usize,
    /// Who added it (a user index).
    by: usize,
    /// A show, with an episode added by this user.
    episode_by: Option<usize>,
}

#[derive(Debug, Clone)]
struct Pick {
    actor: usize,
    event: usize,
    profile: usize,
    /// Chooses the record: a user, a member, a media item, an invitation.
    record: usize,
    /// Chooses the role granted.
    role: usize,
}

#[derive(Debug, Clone)]
struct Access {
    g1: Vec<&'static str>,
    p1: Vec<&'static str>,
    people: Vec<Person>,
    /// The owner each profile surely has, and every user's membership (index into
    /// [`PROFILE_ROLES`], or None).
    owners: [usize; 2],
    members: Vec<[Option<usize>; 2]>,
    media: Vec<Item>,
    /// Whom each profile's pending invitation goes to: a user, or a guest when that
    /// user is a member already.
    invitees: [usize; 2],
    invite_roles: [usize; 2],
    picks: Vec<Pick>,
}

fn subset(pool: &'static [&'static str]) -> impl Strategy<Value = Vec<&'static str>> {
    prop::sample::subsequence(pool.to_vec(), 0..=6)
}

fn access_world() -> impl Strategy<Value = Access> {
    let person = (
        prop::bool::weighted(0.15),
        any::<bool>(),
        prop::bool::weighted(0.9),
    )
        .prop_map(|(admin, g1, active)| Person { admin, g1, active });
    let membership = prop::option::weighted(0.7, 0..PROFILE_ROLES.len());
    let item = (0..2usize, 0..USERS, prop::option::weighted(0.4, 0..USERS)).prop_map(
        |(profile, by, episode_by)| Item {
            profile,
            by,
            episode_by,
        },
    );
    let pick = (0..USERS, 0..EVENTS.len(), 0..2usize, 0..64usize, 0..12usize).prop_map(
        |(actor, event, profile, record, role)| Pick {
            actor,
            event,
            profile,
            record,
            role,
        },
    );
    (
        (subset(GLOBAL_POOL), subset(PROFILE_POOL)),
        prop::collection::vec(person, USERS - 1),
        (1..USERS, 1..USERS),
        prop::collection::vec([membership.clone(), membership], USERS - 1),
        prop::collection::vec(item, 1..5),
        ((1..USERS, 1..USERS), (0..3usize, 0..3usize)),
        prop::collection::vec(pick, 8),
    )
        .prop_map(
            |((g1, p1), people, (oa, ob), members, media, ((ia, ib), (ra, rb)), picks)| {
                let mut all = vec![Person {
                    admin: true,
                    g1: false,
                    active: true,
                }];
                all.extend(people);
                let mut m = vec![[None, None]];
                m.extend(members);
                // The surely-there owner is active, so that the profile can be run.
                m[oa][0] = Some(0);
                m[ob][1] = Some(0);
                all[oa].active = true;
                all[ob].active = true;
                Access {
                    g1,
                    p1,
                    people: all,
                    owners: [oa, ob],
                    members: m,
                    media,
                    invitees: [ia, ib],
                    invite_roles: [ra, rb],
                    picks,
                }
            },
        )
}

fn email(i: usize) -> String {
    format!("u{i}@example.com")
}

impl Access {
    fn seed(&self) -> Value {
        let mut ev = vec![
            json!({"event": "role-create", "data": {"name": "g1", "scope": "global", "allow": self.g1}}),
            json!({"event": "role-create", "data": {"name": "p1", "scope": "profile", "allow": self.p1}}),
            json!({"event": "role-create", "data": {"name": "blank", "scope": "global", "allow": []}}),
        ];
        for (i, p) in self.people.iter().enumerate() {
            let mut roles = Vec::new();
            if p.admin {
                roles.push("admin");
            }
            if p.g1 {
                roles.push("g1");
            }
            ev.push(json!({"event": "user-create", "data": {
                "email": email(i), "name": format!("U{i}"), "roles": roles,
            }}));
            // Everyone has a session; a disabled user's ends as they are disabled.
            ev.push(json!({"event": "session-create", "data": {
                "user": email(i), "token": format!("rst_user{i}{}", "a".repeat(40)),
            }}));
            if !p.active {
                // A second user-create converges: the user is disabled.
                ev.push(json!({"event": "user-create", "data": {
                    "email": email(i), "name": format!("U{i}"), "active": false,
                }}));
            }
        }
        for (pi, slug) in PROFILES.iter().enumerate() {
            ev.push(json!({"event": "profile-create", "data": {"name": slug, "slug": slug}}));
            for (ui, m) in self.members.iter().enumerate() {
                if let Some(r) = m[pi] {
                    ev.push(json!({"event": "member-add", "data": {
                        "profile": slug, "user": email(ui), "role": PROFILE_ROLES[r],
                    }}));
                }
            }
            let invitee = self.invitees[pi];
            let to = if self.members[invitee][pi].is_some() {
                format!("guest{pi}@example.com")
            } else {
                email(invitee)
            };
            ev.push(json!({"event": "invite-send", "data": {
                "id": format!("inv-{slug}"), "profile": slug, "email": to,
                "role": PROFILE_ROLES[self.invite_roles[pi]],
            }}));
        }
        for (n, item) in self.media.iter().enumerate() {
            let slug = PROFILES[item.profile];
            let kind = if item.episode_by.is_some() {
                "show"
            } else {
                "movie"
            };
            ev.push(json!({"event": "media-add", "data": {
                "id": format!("x{n}"), "profile": slug, "type": kind, "title": format!("T{n}"),
                "added_by": email(item.by),
            }}));
            if let Some(by) = item.episode_by {
                ev.push(json!({"event": "media-add", "data": {
                    "id": format!("x{n}e"), "profile": slug, "type": "episode",
                    "title": format!("E{n}"), "parent": format!("x{n}"), "season": 1,
                    "episode": 1, "added_by": email(by),
                }}));
            }
        }
        json!({"version": 1, "events": ev})
    }

    /// The members of a profile (user indices).
    fn members_of(&self, profile: usize) -> Vec<usize> {
        (0..USERS)
            .filter(|u| self.members[*u][profile].is_some())
            .collect()
    }

    /// Every media id.
    fn media_ids(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (n, item) in self.media.iter().enumerate() {
            out.push(format!("x{n}"));
            if item.episode_by.is_some() {
                out.push(format!("x{n}e"));
            }
        }
        out
    }
}

/// The question for `roster can` and the command that performs the event, for one pick.
fn plan(w: &Access, p: &Pick, sessions: &[String]) -> (Vec<String>, Vec<String>) {
    let event = EVENTS[p.event];
    let slug = PROFILES[p.profile].to_string();
    // A third of the picks of a user or a member name the profile's sure owner (maybe
    // its last), so that the last-owner rule is met often.
    let owner = p.record.is_multiple_of(3).then_some(w.owners[p.profile]);
    let user = email(owner.unwrap_or(p.record % USERS));
    let members = w.members_of(p.profile);
    let member = email(owner.unwrap_or(members[p.record % members.len()]));
    let media = w.media_ids();
    let item = media[p.record % media.len()].clone();
    let invite = format!("inv-{}", PROFILES[p.record % 2]);
    let grole = GLOBAL_ROLES[p.role % GLOBAL_ROLES.len()].to_string();
    let prole = PROFILE_ROLES[p.role % PROFILE_ROLES.len()].to_string();
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    let rec = |r: &str| s(&[event, "--record", r]);
    let (ask, run): (Vec<String>, Vec<String>) = match event {
        "user-create" => (
            s(&[event, "--role", &grole]),
            s(&[
                "user",
                "create",
                "--email",
                "new@example.com",
                "--name",
                "N",
                "--role",
                &grole,
            ]),
        ),
        "user-list" => (s(&[event]), s(&["user", "list"])),
        "user-show" => (rec(&user), s(&["user", "show", &user])),
        "user-update" => (
            rec(&user),
            s(&["user", "update", &user, "--name", "Renamed"]),
        ),
        "user-passwd" => (
            rec(&user),
            s(&["user", "passwd", &user, "--password-stdin"]),
        ),
        "user-grant" | "user-revoke" => (
            s(&[event, "--record", &user, "--role", &grole]),
            s(&["user", &event[5..], &user, &grole]),
        ),
        "user-disable" | "user-enable" | "user-delete" => {
            (rec(&user), s(&["user", &event[5..], &user]))
        }
        "profile-create" => (s(&[event]), s(&["profile", "create", "--name", "Fresh"])),
        "profile-list" => (s(&[event]), s(&["profile", "list"])),
        "profile-show" => (s(&[event]), s(&["profile", "show", &slug])),
        "profile-update" => (
            s(&[event, &slug]),
            s(&["profile", "update", &slug, "--name", "R"]),
        ),
        "profile-delete" => (s(&[event, &slug]), s(&["profile", "delete", &slug])),
        // Without --from: whoever may is refused only by state (2 for several owners, 68
        // for oneself, a disabled user or a full profile), never by permission.
        "profile-transfer" => (
            s(&[event, &slug]),
            s(&["profile", "transfer", &slug, &user]),
        ),
        "member-add" => (
            s(&[event, &slug, "--role", &prole]),
            s(&["member", "add", &slug, &user, "--role", &prole]),
        ),
        "member-role" => (
            s(&[event, &slug, "--record", &member, "--role", &prole]),
            s(&["member", "role", &slug, &member, &prole]),
        ),
        "member-remove" => (
            s(&[event, &slug, "--record", &member]),
            s(&["member", "remove", &slug, &member]),
        ),
        "member-list" => (s(&[event, &slug]), s(&["member", "list", &slug])),
        "invite-send" => (
            s(&[event, &slug, "--role", &prole]),
            s(&[
                "invite",
                "send",
                &slug,
                "fresh@example.com",
                "--role",
                &prole,
            ]),
        ),
        "invite-cancel" | "invite-show" | "invite-accept" | "invite-reject" => {
            (rec(&invite), s(&["invite", &event[7..], &invite]))
        }
        "invite-list" => (s(&[event, &slug]), s(&["invite", "list", &slug])),
        "invite-prune" => (s(&[event]), s(&["invite", "prune"])),
        "mail-deliver" => (s(&[event]), s(&["mail", "deliver"])),
        "mail-list" => (s(&[event]), s(&["mail", "list"])),
        "media-add" => (
            s(&[event, &slug]),
            s(&["media", "add", &slug, "--type", "movie", "--title", "Fresh"]),
        ),
        "media-list" => (s(&[event, &slug]), s(&["media", "list", &slug])),
        "media-show" | "media-remove" => (rec(&item), s(&["media", &event[6..], &item])),
        // A role granting role-create: what whoever may create roles holds.
        "role-create" => (
            s(&[event]),
            s(&[
                "role",
                "create",
                "fresh",
                "--scope",
                "global",
                "--allow",
                "role-create",
            ]),
        ),
        "user-verify" => (rec(&user), s(&["user", "verify", &user, "--email"])),
        "session-issue" => (rec(&user), s(&["session", "issue", &user])),
        "session-list" => (rec(&user), s(&["session", "list", "--user", &user])),
        "session-show" | "session-revoke" => {
            let sid = &sessions[p.record % sessions.len()];
            (rec(sid), s(&["session", &event[8..], sid]))
        }
        "session-use" => {
            let sid = &sessions[p.record % sessions.len()];
            (rec(sid), s(&["session", "use", sid, "--none"]))
        }
        "session-prune" => (s(&[event]), s(&["session", "prune"])),
        "role-list" => (s(&[event]), s(&["role", "list"])),
        "role-show" => (s(&[event]), s(&["role", "show", "g1"])),
        // blank grants nothing and nobody holds it: only the permission decides.
        "role-update" => (
            s(&[event]),
            s(&["role", "update", "blank", "--description", "d"]),
        ),
        "role-delete" => (s(&[event]), s(&["role", "delete", "blank"])),
        "audit" => (s(&[event]), s(&["audit"])),
        "export" => (s(&[event]), s(&["export"])),
        "backup" => (s(&[event]), s(BACKUP)),
        "doctor" => (s(&[event]), s(&["doctor"])),
        "can" => (rec(&user), s(&["can", &user, "user-list"])),
        other => panic!("event {other} has no command: map it in access::plan"),
    };
    (ask, run)
}

/// Cases of the agreement test: `ROSTER_ACCESS_CASES`, else `PROPTEST_CASES`, else 24.
fn agreement_cases() -> u32 {
    ["ROSTER_ACCESS_CASES", "PROPTEST_CASES"]
        .iter()
        .find_map(|v| std::env::var(v).ok()?.parse().ok())
        .unwrap_or(24)
}

#[test]
fn the_agreement_mapping_covers_every_event() {
    let env = family();
    let listed: Vec<String> = env
        .json(&["can", ROOT, "--all"])
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        listed, EVENTS,
        "map each new event in access::plan and add it to EVENTS"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(agreement_cases()))]

    /// What `roster can` says is what the command does: allowed ⇔ the command, run as
    /// that user on a copy of the database, does not exit 77; a conflict (the last owner)
    /// ⇔ it exits 68.
    #[test]
    fn can_agrees_with_what_the_command_does(w in access_world()) {
        let env = Env::new();
        write(&env, "w.json", &w.seed().to_string());
        let out = env.run(&["seed", "w.json"]);
        prop_assert_eq!(code(&out), 0, "the world seeds: {}", text(&out.stderr));
        // One session a user, in user order (their ids are made when seeded).
        let listed = env.json(&["session", "list", "--all"]);
        let sessions: Vec<String> = (0..USERS)
            .filter_map(|i| {
                listed.as_array()?.iter().find(|s| s["user"] == email(i).as_str())
                    .and_then(|s| s["id"].as_str()).map(str::to_string)
            })
            .collect();
        prop_assert_eq!(sessions.len(), USERS);
        for p in &w.picks {
            let actor = email(p.actor);
            let (ask, run) = plan(&w, p, &sessions);
            let mut q: Vec<&str> = vec!["--json", "can", &actor];
            q.extend(ask.iter().map(String::as_str));
            let asked = env.run(&q);
            prop_assert!(
                matches!(code(&asked), 0 | 1),
                "roster {:?}: exit {}: {}", q, code(&asked), text(&asked.stderr)
            );
            let d: Value = serde_json::from_slice(&asked.stdout).unwrap();
            let verdict = d["verdict"].as_str().unwrap().to_string();
            let args: Vec<&str> = run.iter().map(String::as_str).collect();
            let done = try_as(&env, Some(&actor), &args, "a new password\n");
            let c = code(&done);
            let why = format!(
                "\nroster {q:?} said {verdict}: {d}\nroster --as {actor} {args:?} exited {c}: {}",
                text(&done.stderr)
            );
            prop_assert!(!text(&done.stderr).contains("panicked"), "{}", why);
            prop_assert_eq!(d["allowed"] == true, c != 77 && verdict != "conflict", "{}", why);
            if matches!(EVENTS[p.event], "member-remove" | "member-role" | "user-delete") {
                prop_assert_eq!(verdict == "conflict", c == 68, "{}", why);
            } else if verdict == "conflict" {
                prop_assert_eq!(c, 68, "{}", why);
            }
        }
    }
}

/// The `roster can` a refusal names explains that very refusal: run, it says denied.
#[test]
fn the_can_a_refusal_names_asks_the_question_that_was_refused() {
    let env = granters();
    for (actor, args) in [
        (GUS, vec!["user", "grant", TESS, "admin"]),
        (
            ADMIN,
            vec!["member", "add", "family", TESS, "--role", "owner"],
        ),
        (ADMIN, vec!["member", "role", "family", OWNER, "member"]),
        (MEMBER, vec!["media", "remove", "m-alice"]),
        (MEMBER, vec!["member", "remove", "family", PAT]),
        (
            ADMIN,
            vec![
                "invite",
                "send",
                "family",
                "o@example.com",
                "--role",
                "owner",
            ],
        ),
        (MEMBER, vec!["invite", "accept", "inv-nora"]),
        (MEMBER, vec!["user", "show", TESS]),
    ] {
        let err = as_user(&env, actor, 77, &args);
        let can = err
            .lines()
            .find_map(|l| {
                l.strip_prefix("hint: `roster can ")?
                    .strip_suffix("` explains the decision")
            })
            .unwrap_or_else(|| panic!("{args:?}: no roster can in {err}"));
        let can_args: Vec<&str> = can.split(' ').collect();
        let d = crate::access::can(&env, &can_args);
        assert_eq!(
            d["allowed"], false,
            "{args:?} refused, but `roster can {can}` says {d}"
        );
    }
    let err = as_user(
        &env,
        GUS,
        77,
        &[
            "--format", "table", "user", "grant", TESS, "lister", "admin",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: gus@example.com may not user-grant: granting the global role admin needs every permission it carries
    hint: a global admin can do this
    hint: `roster can gus@example.com user-grant --record tess@example.com --role admin` explains the decision
    ");
}

/// What anyone may do (list and show profiles and roles, list users) everyone holds:
/// a role carrying it is no escalation.
#[test]
fn granting_what_anyone_may_do_is_no_escalation() {
    let env = granters();
    env.ok(&[
        "--as",
        GUS,
        "role",
        "create",
        "browser",
        "--scope",
        "global",
        "--allow",
        "profile-list,profile-show,role-list,role-show,user-list",
    ]);
    env.ok(&["--as", GUS, "user", "grant", TESS, "browser"]);
    // user-show is self-service only: not everyone's.
    env.ok(&[
        "role",
        "create",
        "shower",
        "--scope",
        "global",
        "--allow",
        "user-show,role-list",
    ]);
    env.ok(&["--as", GUS, "user", "grant", TESS, "shower"]);
    env.ok(&["role", "update", "granter", "--deny", "user-show"]);
    as_user(&env, GUS, 77, &["user", "grant", OUTSIDER, "shower"]);
}
