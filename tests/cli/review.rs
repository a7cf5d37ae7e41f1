//! A hostile review of roles, `can` and sessions: each test shows one defect found by
//! running the real binary, and stays as its regression test.

use crate::common::*;
use crate::seeds::demo;

/// The demo world (`seed.json`): Frank is a viewer of smith-family and a member of
/// book-club, with no global role; Sam holds the global role support; Carol is a user.
fn world() -> Env {
    let env = Env::init();
    demo(&env);
    env.ok(&["seed", "seed.json"]);
    env
}

/// Runs as `actor` and returns (exit code, stderr and stdout with `given` written as
/// `USER`), for comparing what two names get told.
fn told(env: &Env, args: &[&str], given: &str) -> (i32, String) {
    let out = env.run(args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.code().unwrap_or(-1), text.replace(given, "USER"))
}

/// A user who may not see other users is told the same about one who exists as about one
/// who does not, and never learns the email of an id (DESIGN §2: "an actor who may not do
/// something gets 77 and learns nothing else about the records involved").
#[test]
fn a_refusal_does_not_tell_whether_a_user_exists() {
    let env = world();
    let cases: &[&[&str]] = &[
        &["--as", "frank", "--format", "table", "user", "show", "WHO"],
        &[
            "--as", "frank", "--format", "table", "user", "update", "WHO", "--name", "X",
        ],
        &[
            "--as", "frank", "--format", "table", "user", "disable", "WHO",
        ],
        &[
            "--as", "frank", "--format", "table", "session", "list", "--user", "WHO",
        ],
        &[
            "--as", "frank", "--format", "table", "--yes", "session", "revoke", "--user", "WHO",
        ],
        &[
            "--as", "frank", "--format", "table", "session", "issue", "WHO",
        ],
        &[
            "--as",
            "frank",
            "--format",
            "table",
            "can",
            "WHO",
            "user-list",
        ],
        &[
            "--as",
            "frank",
            "--format",
            "table",
            "can",
            "frank",
            "user-show",
            "--record",
            "WHO",
        ],
        &[
            "--as",
            "frank",
            "--format",
            "table",
            "can",
            "frank",
            "session-list",
            "--record",
            "WHO",
        ],
        &[
            "--as",
            "frank",
            "--format",
            "table",
            "can",
            "frank",
            "session-revoke",
            "--record",
            "WHO",
        ],
        &[
            "--as",
            "sam",
            "--format",
            "table",
            "can",
            "sam",
            "member-remove",
            "smith-family",
            "--record",
            "WHO",
        ],
        &[
            "--as",
            "sam",
            "--format",
            "table",
            "--yes",
            "member",
            "remove",
            "smith-family",
            "WHO",
        ],
    ];
    for args in cases {
        fn with<'a>(args: &[&'a str], who: &'a str) -> Vec<&'a str> {
            args.iter()
                .map(|a| if *a == "WHO" { who } else { *a })
                .collect()
        }
        let carol = told(&env, &with(args, "carol"), "carol");
        let nobody = told(&env, &with(args, "nobody"), "nobody");
        assert_eq!(carol, nobody, "{args:?}");
        assert!(
            !carol.1.contains("carol@example.com"),
            "{args:?}: {}",
            carol.1
        );
        assert_ne!(carol.0, 67, "{args:?}");
        // Someone who exists but is no member of the profile is told the same too.
        let sam = told(&env, &with(args, "erin"), "erin");
        if args.contains(&"member-remove") || args.contains(&"remove") {
            assert_eq!(sam, nobody, "{args:?}");
        }
    }
}

/// `can --record` for a media item or invitation one may not touch says the same whether
/// the record does not exist, lives in a profile one is not in, or in one's own: the
/// command refuses all three in the same words, and `can` tells no one more.
#[test]
fn can_does_not_tell_where_a_record_lives() {
    let env = world();
    // Frank: a viewer of smith-family, a member of book-club.
    let ask = |record: &str| {
        let out = env.run(&[
            "--as",
            "frank",
            "--format",
            "table",
            "can",
            "frank",
            "invite-cancel",
            "--record",
            record,
        ]);
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).replace(record, "ID"),
        )
    };
    let missing = ask("inv-nobody");
    assert_eq!(missing.0, Some(1), "{}", missing.1);
    assert_eq!(
        ask("inv-grace-smith"),
        missing,
        "a profile frank is a viewer of"
    );
    assert_eq!(
        ask("inv-henry-book-club"),
        missing,
        "a profile frank is a member of"
    );
    // The media of a profile Dan is not in, against none at all.
    let show = |record: &str| {
        let out = env.run(&[
            "--as",
            "dan",
            "--format",
            "table",
            "can",
            "dan",
            "media-show",
            "--record",
            record,
        ]);
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).replace(record, "ID"),
        )
    };
    let items = env.json(&["media", "list", "book-club"]);
    let knives = items["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["title"] == "Knives Out")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(show(&knives), show("no-such-item"));
}

/// `--as ""` is a mistake (a script's empty variable), not a request to act as the
/// operator: refused as a usage error, where it ran every rule as a global admin. An
/// empty `ROSTER_AS` stays the operator, as unset.
#[test]
fn an_empty_as_is_refused_not_the_operator() {
    let env = world();
    let out = env.run(&["--as", "", "user", "delete", "bob", "--yes"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.run(&["--as=", "user", "list"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // Bob is still there.
    env.ok(&["user", "show", "bob"]);
}

/// Answering an invitation is the invitee's alone: anyone else is refused (77) in the
/// same words whether the invitation exists or not, so that nobody probes for ids; `can`
/// says the same.
#[test]
fn answering_tells_no_one_whether_an_invitation_exists() {
    let env = world();
    for verb in ["accept", "reject"] {
        let given = |id: &str| {
            let out = env.run(&["--as", "dan", "--format", "table", "invite", verb, id]);
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).replace(id, "ID"),
            )
        };
        let other = given("inv-henry-book-club");
        assert_eq!(other.0, Some(77), "{}", other.1);
        assert_eq!(given("inv-nobody"), other, "invite {verb}");
        let can = |id: &str| {
            let out = env.run(&[
                "--as",
                "dan",
                "--format",
                "table",
                "can",
                "dan",
                &format!("invite-{verb}"),
                "--record",
                id,
            ]);
            (
                out.status.code(),
                String::from_utf8_lossy(&out.stdout).replace(id, "ID"),
            )
        };
        assert_eq!(
            can("inv-nobody"),
            can("inv-henry-book-club"),
            "can invite-{verb}"
        );
    }
    // The invitee still answers theirs, and the operator is still told to name one.
    env.fails(77, &["invite", "accept", "inv-nobody"]);
}
