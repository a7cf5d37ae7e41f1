//! Naming invitations (issue 16, item 8): a unique prefix of the id, among the invitations
//! the actor may see; one rule for a missing id on every command; the account a newcomer
//! needs before the accept command; `member add` of an email with no account.

use crate::common::*;
use crate::members::{ADMIN, MEMBER, OUTSIDER, OWNER, ROOT, family};

/// `family` with a second profile `club` (owned by OUTSIDER), and invitations with ids
/// chosen to share prefixes: two in `family`, one in `club`, one of them to MEMBER.
fn invitations() -> Env {
    let env = family();
    env.profile("Club");
    env.ok(&["member", "add", "club", OUTSIDER, "--role", "owner"]);
    for (profile, email, id) in [
        ("family", "pat@example.com", "inv-pat-family"),
        ("family", "quinn@example.com", "inv-quinn"),
        ("club", MEMBER, "inv-pat-club"),
    ] {
        env.ok(&["invite", "send", profile, email, "--id", id, "--no-notify"]);
    }
    env
}

fn shown_id(env: &Env, args: &[&str]) -> String {
    env.json(args)["id"]
        .as_str()
        .expect("an invitation has an id")
        .to_string()
}

#[test]
fn a_unique_prefix_names_an_invitation_in_every_command() {
    let env = invitations();
    assert_eq!(
        shown_id(&env, &["invite", "show", "inv-q"]),
        "inv-quinn",
        "show by prefix"
    );
    assert_eq!(
        shown_id(&env, &["invite", "show", "inv-pat-f"]),
        "inv-pat-family"
    );
    let out = env.json(&["invite", "cancel", "inv-qu"]);
    assert_eq!(out["id"], "inv-quinn");
    assert_eq!(out["status"], "canceled");
    let out = env.json(&["--as", MEMBER, "invite", "accept", "inv-pat-c"]);
    assert_eq!(out["id"], "inv-pat-club");
    assert_eq!(out["status"], "accepted");
    env.ok(&[
        "invite",
        "send",
        "family",
        "ray@example.com",
        "--id",
        "inv-ray",
    ]);
    env.user("ray@example.com", "Ray");
    let out = env.json(&["--as", "ray@example.com", "invite", "reject", "inv-r"]);
    assert_eq!(out["id"], "inv-ray");
    assert_eq!(out["status"], "rejected");
    // `can --record` resolves it too.
    let out = env.json(&["can", ADMIN, "invite-cancel", "--record", "inv-pat-f"]);
    assert_eq!(out["allowed"], true, "{out}");
}

#[test]
fn an_ambiguous_prefix_is_68_listing_only_what_the_actor_may_see() {
    let env = invitations();
    let err = env.fails(68, &["invite", "show", "inv-pat"]);
    assert!(
        err.contains(
            r#"error: invitation "inv-pat" is ambiguous: it is the start of inv-pat-club, inv-pat-family"#
        ),
        "{err}"
    );
    assert!(err.contains("hint: give more of the id"), "{err}");
    // The family's admin sees only the family's invitation among the two: the prefix is
    // theirs alone, and the club's invitation is not named to them.
    assert_eq!(
        shown_id(&env, &["--as", ADMIN, "invite", "show", "inv-pat"]),
        "inv-pat-family"
    );
    // The invitee sees their own: the same prefix names the club's invitation to them.
    assert_eq!(
        shown_id(&env, &["--as", MEMBER, "invite", "show", "inv-pat"]),
        "inv-pat-club"
    );
    // Someone who may see neither gets the refusal of a missing invitation, naming
    // nothing of either.
    let err = env.fails(77, &["--as", "nora@example.com", "invite", "show", "inv-q"]);
    assert!(!err.contains("inv-quinn"), "{err}");
    assert!(!err.contains("quinn@"), "{err}");
}

#[test]
fn an_exact_id_wins_over_longer_ids_it_starts_and_short_names_are_not_prefixes() {
    let env = invitations();
    env.ok(&[
        "invite",
        "send",
        "family",
        "sam@example.com",
        "--id",
        "inv-p",
        "--no-notify",
    ]);
    assert_eq!(shown_id(&env, &["invite", "show", "inv-p"]), "inv-p");
    // Fewer than 4 characters never match by prefix.
    env.ok(&[
        "invite",
        "send",
        "family",
        "tim@example.com",
        "--id",
        "abcdef",
        "--no-notify",
    ]);
    let err = env.fails(67, &["invite", "show", "abc"]);
    assert!(err.contains(r#"invitation "abc" does not exist"#), "{err}");
    assert_eq!(shown_id(&env, &["invite", "show", "abcd"]), "abcdef");
}

#[test]
fn a_missing_invitation_is_one_rule_on_every_command() {
    let env = invitations();
    // Whoever may act on any invitation learns it is missing (67); anyone else is refused
    // as for an invitation of someone else (77); answering is the invitee's alone, so
    // a missing one is 77 to everyone, the operator too.
    for (actor, show_cancel, answer) in [
        (None, 67, 77),
        (Some(ROOT), 67, 77),
        (Some(OWNER), 77, 77),
        (Some(MEMBER), 77, 77),
    ] {
        for (verb, code) in [
            ("show", show_cancel),
            ("cancel", show_cancel),
            ("accept", answer),
            ("reject", answer),
        ] {
            let mut args = Vec::new();
            if let Some(a) = actor {
                args.extend(["--as", a]);
            }
            args.extend(["invite", verb, "no-such-invitation"]);
            let err = env.fails(code, &args);
            if code == 67 {
                assert!(err.contains("does not exist"), "{args:?}: {err}");
            } else {
                assert!(err.contains("permission denied"), "{args:?}: {err}");
            }
        }
    }
}

#[test]
fn the_accept_command_for_someone_with_no_account_comes_after_user_create() {
    let env = family();
    let newcomer = env.ok(&[
        "--format",
        "table",
        "invite",
        "send",
        "family",
        "newbie@example.com",
        "--id",
        "inv-new",
        "--no-notify",
    ]);
    assert!(
        newcomer.contains(
            "  newbie@example.com has no account yet: create it first with\n    roster user create --email newbie@example.com\n  then accept with: roster --as newbie@example.com invite accept inv-new\n"
        ),
        "{newcomer}"
    );
    let known = env.ok(&[
        "--format",
        "table",
        "invite",
        "send",
        "family",
        OUTSIDER,
        "--id",
        "inv-nora",
        "--no-notify",
    ]);
    assert!(
        known.contains("  accept with: roster --as nora@example.com invite accept inv-nora\n"),
        "{known}"
    );
    assert!(!known.contains("user create"), "{known}");
    // JSON keeps its shape: the same accept command, no extra field.
    let json = env.json(&["invite", "send", "family", "zoe@example.com", "--no-notify"]);
    let inv = &json[0];
    assert!(inv.get("accept_command").is_some(), "{json}");
    // The commands printed work, in that order.
    env.user("newbie@example.com", "Newbie");
    env.ok(&["--as", "newbie@example.com", "invite", "accept", "inv-new"]);
}

#[test]
fn member_add_of_an_email_with_no_account_suggests_an_invitation() {
    let env = family();
    let err = env.fails(67, &["member", "add", "family", "zed@example.com"]);
    assert!(
        err.contains(r#"error: user "zed@example.com" does not exist"#),
        "{err}"
    );
    assert!(
        err.contains(
            "hint: to offer them a place instead: roster invite send family zed@example.com"
        ),
        "{err}"
    );
    // A username is no email: no invitation is suggested.
    let err = env.fails(67, &["member", "add", "family", "zed"]);
    assert!(!err.contains("invite send"), "{err}");
    // The hinted command works.
    env.ok(&["invite", "send", "family", "zed@example.com", "--no-notify"]);
}
