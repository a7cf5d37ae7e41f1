//! Hints: "did you mean" for near-miss users and profiles, what to do on an empty list,
//! which role a refused action needs; and a reader that stops early.

use serde_json::Value;

use crate::common::*;

const ANN: &str = "ann@example.com";
const BOB: &str = "bob@example.com";
const CAROL: &str = "carol@example.com";

/// Ann (global admin) owns `family`; Bob is a plain member there; Carol belongs nowhere.
fn family() -> Env {
    let env = Env::init();
    env.user(ANN, "Ann");
    env.user(BOB, "Bob");
    env.user(CAROL, "Carol");
    env.json(&["--as", ANN, "profile", "create", "--name", "Family"]);
    env.ok(&["member", "add", "family", BOB]);
    env
}

// ---------------------------------------------------------------- did you mean

#[test]
fn a_near_miss_user_or_profile_gets_a_suggestion() {
    let env = family();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["user", "show", "bbo@example.com"],
            "user \"bbo@example.com\" does not exist",
            BOB,
        ),
        (
            &["user", "show", "carl@example.com"],
            "does not exist",
            CAROL,
        ),
        (
            &["profile", "show", "famliy"],
            "profile \"famliy\" does not exist",
            "family",
        ),
        (
            &["member", "add", "famly", CAROL],
            "profile \"famly\" does not exist",
            "family",
        ),
        (
            &["member", "add", "family", "carol@exmaple.com"],
            "user \"carol@exmaple.com\" does not exist",
            CAROL,
        ),
        (
            &["--as", "ann@exampel.com", "user", "list"],
            "--as: user \"ann@exampel.com\" does not exist",
            ANN,
        ),
    ];
    let mut transcript = String::new();
    for (args, message, near) in cases {
        let mut all = vec!["--format", "table"];
        all.extend_from_slice(args);
        let err = env.fails(67, &all);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(
            err.contains(&format!("hint: did you mean \"{near}\"?")),
            "{args:?}: {err}"
        );
        transcript.push_str(&format!("$ roster {}\n{err}", args.join(" ")));
    }
    // Far from everything: no guess, but where to look. A shared domain is not closeness.
    for far in ["zed@nowhere.org", "bill@example.com"] {
        let err = env.fails(67, &["--format", "table", "member", "add", "family", far]);
        assert!(!err.contains("did you mean"), "{far}: {err}");
        transcript.push_str(&format!("$ roster member add family {far}\n{err}"));
    }
    insta::assert_snapshot!(transcript, @r#"
    $ roster user show bbo@example.com
    error: user "bbo@example.com" does not exist
    hint: did you mean "bob@example.com"?
    hint: list users with `roster user list`
    $ roster user show carl@example.com
    error: user "carl@example.com" does not exist
    hint: did you mean "carol@example.com"?
    hint: list users with `roster user list`
    $ roster profile show famliy
    error: profile "famliy" does not exist
    hint: did you mean "family"?
    hint: list profiles with `roster profile list`
    $ roster member add famly carol@example.com
    error: profile "famly" does not exist
    hint: did you mean "family"?
    hint: list profiles with `roster profile list`
    $ roster member add family carol@exmaple.com
    error: user "carol@exmaple.com" does not exist
    hint: did you mean "carol@example.com"?
    hint: list users with `roster user list`
    $ roster --as ann@exampel.com user list
    error: --as: user "ann@exampel.com" does not exist
    hint: did you mean "ann@example.com"?
    hint: list users with `roster user list`
    $ roster member add family zed@nowhere.org
    error: user "zed@nowhere.org" does not exist
    hint: list users with `roster user list`
    hint: to offer them a place instead: roster invite send family zed@nowhere.org
    $ roster member add family bill@example.com
    error: user "bill@example.com" does not exist
    hint: list users with `roster user list`
    hint: to offer them a place instead: roster invite send family bill@example.com
    "#);
    // Nothing was added by the failed commands.
    assert_eq!(
        env.json(&["member", "list", "family"])
            .as_array()
            .map(Vec::len),
        Some(2)
    );
}

#[test]
fn a_suggestion_in_json_is_in_the_error_object() {
    let env = family();
    let out = env.run(&["--json", "profile", "show", "famliy"]);
    assert_eq!(out.status.code(), Some(67));
    let stderr = String::from_utf8_lossy(&out.stderr);
    let v: Value = serde_json::from_str(stderr.lines().last().unwrap()).unwrap();
    insta::assert_snapshot!(serde_json::to_string_pretty(&v).unwrap(), @r#"
    {
      "error": {
        "code": 67,
        "kind": "not_found",
        "message": "profile \"famliy\" does not exist",
        "hint": "did you mean \"family\"?\nlist profiles with `roster profile list`"
      }
    }
    "#);
}

// ---------------------------------------------------------------- empty lists

#[test]
fn an_empty_profile_list_says_how_to_make_one() {
    let env = Env::init();
    let out = env.run(&["--format", "table", "profile", "list"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"
    no profiles yet
    hint: create one with `roster profile create --name 'The Smiths'`, or load the demo with `roster seed seed.json`
    ");
    // Machine formats stay data only: an empty array, no hint.
    let out = env.run(&["--json", "profile", "list"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "[]");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

// ---------------------------------------------------------------- permission

#[test]
fn a_refusal_names_who_may_do_it() {
    let env = family();
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["--as", BOB, "profile", "create", "--name", "Bobs"],
            "permission denied: bob@example.com may not profile-create",
            "hint: the global role admin grants profile-create",
        ),
        (
            &["--as", BOB, "member", "add", "family", CAROL],
            "may not member-add in family",
            "hint: the profile roles owner and admin, and the global role admin grant member-add",
        ),
        (
            &["--as", BOB, "invite", "send", "family", "dan@example.com"],
            "may not invite-send in family",
            "hint: the profile roles owner and admin, and the global role admin grant invite-send",
        ),
        (
            &["--as", CAROL, "member", "list", "family"],
            "may not member-list in family",
            "explains the decision",
        ),
        (
            &["--as", BOB, "audit"],
            "permission denied: bob@example.com may not audit",
            "hint: the global role admin grants audit",
        ),
        (
            &["--as", BOB, "doctor"],
            "permission denied: bob@example.com may not doctor",
            "hint: the global role admin grants doctor",
        ),
    ];
    let mut transcript = String::new();
    for (args, message, hint) in cases {
        let mut all = vec!["--format", "table"];
        all.extend_from_slice(args);
        let err = env.fails(77, &all);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(err.contains(hint), "{args:?}: {err}");
        transcript.push_str(&format!("$ roster {}\n{err}", args.join(" ")));
    }
    insta::assert_snapshot!(transcript, @"
    $ roster --as bob@example.com profile create --name Bobs
    error: permission denied: bob@example.com may not profile-create: no role of theirs grants profile-create
    hint: the global role admin grants profile-create
    hint: `roster can bob@example.com profile-create` explains the decision
    $ roster --as bob@example.com member add family carol@example.com
    error: permission denied: bob@example.com may not member-add in family: no role of theirs grants member-add
    hint: the profile roles owner and admin, and the global role admin grant member-add
    hint: `roster can bob@example.com member-add family` explains the decision
    $ roster --as bob@example.com invite send family dan@example.com
    error: permission denied: bob@example.com may not invite-send in family: no role of theirs grants invite-send
    hint: the profile roles owner and admin, and the global role admin grant invite-send
    hint: `roster can bob@example.com invite-send family` explains the decision
    $ roster --as carol@example.com member list family
    error: permission denied: carol@example.com may not member-list in family: no role of theirs grants member-list
    hint: the profile roles owner, admin and member, and the global role admin grant member-list
    hint: `roster can carol@example.com member-list family` explains the decision
    $ roster --as bob@example.com audit
    error: permission denied: bob@example.com may not audit: no role of theirs grants audit
    hint: the global role admin grants audit
    hint: `roster can bob@example.com audit` explains the decision
    $ roster --as bob@example.com doctor
    error: permission denied: bob@example.com may not doctor: no role of theirs grants doctor
    hint: the global role admin grants doctor
    hint: `roster can bob@example.com doctor` explains the decision
    ");
    // The same commands by someone allowed.
    env.ok(&["--as", ANN, "member", "add", "family", CAROL]);
    env.ok(&["--as", CAROL, "member", "list", "family"]);
}

// ---------------------------------------------------------------- pipes

#[test]
fn a_long_table_into_head_is_success_without_a_message() {
    let env = Env::init();
    // Far more than a pipe holds, so roster is still writing when `head` goes away.
    env.sql(
        "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 2999)
         INSERT INTO profiles (id, slug, name, created_at, updated_at)
         SELECT 'p' || (10000 + i), 'p' || (10000 + i), 'Profile number ' || i || ' with a long name',
                '2026-11-21T12:00:00.000Z', '2026-11-21T12:00:00.000Z'
         FROM n",
    );
    let bin = env!("CARGO_BIN_EXE_roster");
    for format in ["table", "json", "csv"] {
        let o = env
            .command("sh")
            .arg("-c")
            .arg(r#"{ "$0" --format "$1" profile list; echo "$?" > rc; } | head -1"#)
            .arg(bin)
            .arg(format)
            .output()
            .expect("sh");
        assert_eq!(o.status.code(), Some(0));
        assert_eq!(String::from_utf8_lossy(&o.stdout).lines().count(), 1);
        assert_eq!(String::from_utf8_lossy(&o.stderr), "", "{format}");
        let rc = std::fs::read_to_string(env.path("rc")).unwrap();
        assert_eq!(rc.trim(), "0", "{format}");
    }
}

/// A database named by `--db` is named in every command roster prints for a person to
/// run, so that a hint run as shown acts on it, and never creates `./roster.db`.
#[test]
fn printed_commands_carry_the_db_they_were_given_about() {
    let env = Env::new();
    if !env.sqlite_only("--db names a file here; on PostgreSQL ROSTER_DB names the server") {
        return;
    }
    env.ok(&["--db", "other.db", "init"]);
    let err = env.fails(
        67,
        &[
            "--db",
            "other.db",
            "member",
            "add",
            "nope",
            "zed@example.com",
        ],
    );
    assert!(
        err.contains("hint: list profiles with `roster --db other.db profile list`"),
        "{err}"
    );
    assert!(!err.contains("`roster profile"), "{err}");
    let err = env.fails(66, &["--db", "missing dir.db", "user", "list"]);
    assert!(err.contains("`roster --db 'missing dir.db' init`"), "{err}");
    // The default database and ROSTER_DB's need no --db: commands print as before.
    let err = env.fails(66, &["user", "list"]);
    assert!(err.contains("`roster init`"), "{err}");
    let out = env
        .cmd()
        .env("ROSTER_DB", "other.db")
        .args(["member", "add", "nope", "zed@example.com"])
        .output()
        .expect("run roster");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("--db"), "{err}");
    assert!(
        !env.path("roster.db").exists(),
        "no command created ./roster.db"
    );
}
