//! `roster media …`: access rules, isolation between profiles, validation, natural keys,
//! pagination and search, audit rows.

use std::collections::HashMap;

use serde_json::Value;

use crate::common::*;
use crate::seeds::database_exists;

const ROOT: &str = "root@example.com";
const OWNER: &str = "olga@example.com";
const PADMIN: &str = "pat@example.com";
const ANN: &str = "ann@example.com";
const BOB: &str = "bob@example.com";
const EVE: &str = "eve@example.com";
const HASH: &str = "C12FE1C06BBA254A9DC9F519B335AA7C1367A88A";

/// A database with a global admin (root), two profiles, and users with roles in them:
/// family: olga owner, pat admin, ann and bob members; office: bob member. Eve is in none.
struct Lib {
    env: Env,
    family: String,
    office: String,
}

fn users_id(env: &Env, email: &str) -> String {
    let v = env.json(&["user", "show", email]);
    v["id"].as_str().expect("user id").to_string()
}

/// Makes a user a member of a profile directly in the database (`member add` is built on
/// another branch).
fn add_member(env: &Env, profile_id: &str, email: &str, role: &str) {
    let user_id = users_id(env, email);
    env.sql(&format!(
        "INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
         VALUES ('m-{profile_id}-{user_id}', '{profile_id}', '{user_id}', '{role}',
                 '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')"
    ));
}

fn lib() -> Lib {
    let env = Env::init();
    env.user(ROOT, "Root");
    for (email, name) in [
        (OWNER, "Olga"),
        (PADMIN, "Pat"),
        (ANN, "Ann"),
        (BOB, "Bob"),
        (EVE, "Eve"),
    ] {
        env.user(email, name);
    }
    let family = env.profile("Family")["id"].as_str().unwrap().to_string();
    let office = env.profile("Office")["id"].as_str().unwrap().to_string();
    add_member(&env, &family, OWNER, "owner");
    add_member(&env, &family, PADMIN, "admin");
    add_member(&env, &family, ANN, "member");
    add_member(&env, &family, BOB, "member");
    add_member(&env, &office, BOB, "member");
    Lib {
        env,
        family,
        office,
    }
}

fn with_as<'a>(user: &'a str, args: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec!["--as", user];
    all.extend_from_slice(args);
    all
}

impl Lib {
    /// `media add` as `user` (None: the operator); returns the item.
    fn add(&self, user: Option<&str>, args: &[&str]) -> Value {
        let mut all = vec!["media", "add"];
        all.extend_from_slice(args);
        match user {
            Some(u) => self.env.json(&with_as(u, &all)),
            None => self.env.json(&all),
        }
    }

    fn movie(&self, user: Option<&str>, profile: &str, title: &str) -> String {
        let v = self.add(user, &[profile, "--type", "movie", "--title", title]);
        v["id"].as_str().unwrap().to_string()
    }

    fn list(&self, user: Option<&str>, args: &[&str]) -> Value {
        let mut all = vec!["media", "list"];
        all.extend_from_slice(args);
        match user {
            Some(u) => self.env.json(&with_as(u, &all)),
            None => self.env.json(&all),
        }
    }

    fn titles(&self, user: Option<&str>, args: &[&str]) -> Vec<String> {
        self.list(user, args)["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["title"].as_str().unwrap().to_string())
            .collect()
    }

    fn fails_as(&self, code: i32, user: &str, args: &[&str]) -> String {
        self.env.fails(code, &with_as(user, args))
    }
}

fn audit_events(env: &Env, event: &str) -> Vec<Value> {
    env.json(&["audit", "--event", event])
        .as_array()
        .unwrap()
        .clone()
}

// ------------------------------------------------------------------ access

#[test]
fn members_and_global_admins_add_list_and_show() {
    let l = lib();
    let ann_item = l.movie(Some(ANN), "family", "Alien");
    let list = l.list(Some(BOB), &["family"]);
    assert_eq!(list["items"][0]["id"], ann_item.as_str());
    assert_eq!(list["next_cursor"], Value::Null);
    let shown = l.env.json(&with_as(OWNER, &["media", "show", &ann_item]));
    assert_eq!(shown["title"], "Alien");
    assert_eq!(shown["added_by"], users_id(&l.env, ANN).as_str());

    // A global admin who is not a member, and the operator, may do all three.
    l.movie(Some(ROOT), "family", "Brazil");
    l.movie(None, "family", "Casablanca");
    assert_eq!(
        l.titles(Some(ROOT), &["family"]),
        ["Alien", "Brazil", "Casablanca"]
    );
    assert_eq!(l.titles(None, &["family"]).len(), 3);
    l.env.json(&with_as(ROOT, &["media", "show", &ann_item]));
    l.env.json(&["media", "show", &ann_item]);
}

#[test]
fn outsiders_get_77_and_learn_nothing() {
    let l = lib();
    let item = l.movie(Some(ANN), "family", "Alien");

    // Eve is in no profile: every media command is refused, whether or not the profile or
    // the item exists, with the same words.
    let existing = l.fails_as(77, EVE, &["media", "list", "family"]);
    let missing = l.fails_as(77, EVE, &["media", "list", "no-such-profile"]);
    assert_eq!(
        existing.replace("family", "X"),
        missing.replace("no-such-profile", "X")
    );
    assert!(!missing.contains("does not exist"), "{missing}");
    insta::assert_snapshot!(existing, @"
    error: permission denied: eve@example.com may not media-list in family: no role of theirs grants media-list
    hint: the profile roles owner, admin and member, and the global role admin grant media-list
    hint: `roster can eve@example.com media-list family` explains the decision
    ");

    let shown = l.fails_as(77, EVE, &["media", "show", &item]);
    let shown_missing = l.fails_as(77, EVE, &["media", "show", "no-such-item"]);
    assert_eq!(
        shown.replace(&item, "X"),
        shown_missing.replace("no-such-item", "X")
    );
    insta::assert_snapshot!(shown_missing, @"
    error: permission denied: eve@example.com may not media-show: no role of theirs grants media-show
    hint: the profile roles owner, admin and member, and the global role admin grant media-show
    hint: `roster can eve@example.com media-show --record no-such-item` explains the decision
    ");
    l.fails_as(
        77,
        EVE,
        &["media", "add", "family", "--type", "movie", "--title", "X"],
    );
    l.fails_as(
        77,
        EVE,
        &["media", "add", "nope", "--type", "movie", "--title", "X"],
    );
    let removed = l.fails_as(77, EVE, &["media", "remove", &item]);
    let removed_missing = l.fails_as(77, EVE, &["media", "remove", "no-such-item"]);
    assert_eq!(
        removed.replace(&item, "X"),
        removed_missing.replace("no-such-item", "X")
    );
    insta::assert_snapshot!(removed_missing, @"
    error: permission denied: eve@example.com may not media-remove: no role of theirs grants media-remove
    hint: the profile roles owner and admin, and the global role admin grant media-remove
    hint: `roster can eve@example.com media-remove --record no-such-item` explains the decision
    ");
    // Permission comes before validation: bad input from an outsider is still 77.
    l.fails_as(
        77,
        EVE,
        &["media", "add", "family", "--type", "film", "--title", "X"],
    );
    l.fails_as(77, EVE, &["media", "list", "family", "--limit", "0"]);

    // Global admins are told what is missing (67), with a hint.
    let e = l.fails_as(67, ROOT, &["media", "list", "famly"]);
    insta::assert_snapshot!(e, @r#"
    error: profile "famly" does not exist
    hint: did you mean "family"?
    hint: list profiles with `roster profile list`
    "#);
    let e = l.env.fails(67, &["media", "show", "no-such-item"]);
    insta::assert_snapshot!(e, @r#"
    error: media item "no-such-item" does not exist
    hint: list a profile's items with `roster media list PROFILE`
    "#);
    l.env.fails(67, &["media", "remove", "no-such-item"]);
    l.env.fails(
        67,
        &["media", "add", "nope", "--type", "movie", "--title", "X"],
    );
}

#[test]
fn profiles_are_isolated_from_every_side() {
    let l = lib();
    let fam = l.movie(Some(ANN), "family", "Family Film");
    let off = l.movie(Some(BOB), "office", "Office Film");
    let show = l.add(
        Some(ANN),
        &["family", "--type", "show", "--title", "Family Show"],
    );
    let show = show["id"].as_str().unwrap();

    // Lists, searches and type filters see only their own profile.
    assert_eq!(l.titles(Some(BOB), &["office"]), ["Office Film"]);
    assert_eq!(
        l.titles(Some(BOB), &["office", "--search", "film"]),
        ["Office Film"]
    );
    assert!(
        l.titles(Some(BOB), &["office", "--type", "show"])
            .is_empty()
    );
    assert_eq!(
        l.titles(Some(ANN), &["family", "--search", "film"]),
        ["Family Film"]
    );

    // Ann (family only) cannot reach office, by profile or by item id.
    l.fails_as(77, ANN, &["media", "list", "office"]);
    l.fails_as(77, ANN, &["media", "show", &off]);
    l.fails_as(77, ANN, &["media", "remove", &off]);
    l.fails_as(
        77,
        ANN,
        &["media", "add", "office", "--type", "movie", "--title", "X"],
    );
    // Olga owns family, which gives her nothing in office.
    l.fails_as(77, OWNER, &["media", "remove", &off]);
    l.fails_as(77, OWNER, &["media", "list", "office"]);

    // Bob is in both: an office episode cannot hang under a family show (the parent must
    // be in the same profile), and the error does not say where it is.
    let e = l.fails_as(
        67,
        BOB,
        &[
            "media", "add", "office", "--type", "episode", "--title", "E1", "--parent", show,
        ],
    );
    insta::assert_snapshot!(redact(&e), @r#"
    error: parent "[id]": no media item with that id in profile office
    hint: list the profile's shows with `roster media list office --type show`
    "#);
    assert!(!e.contains("belongs to"), "{e}");

    // The same natural key and the same infohash may live in two profiles.
    l.add(
        Some(ANN),
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "Dune",
            "--infohash",
            HASH,
        ],
    );
    l.add(
        Some(BOB),
        &[
            "office",
            "--type",
            "movie",
            "--title",
            "Dune",
            "--infohash",
            HASH,
        ],
    );
    // An explicit id is global: another profile cannot take it.
    let e = l.fails_as(
        68,
        BOB,
        &[
            "media", "add", "office", "--type", "movie", "--title", "Y", "--id", &fam,
        ],
    );
    insta::assert_snapshot!(redact(&e), @r#"
    error: media id "[id]" is already in use by another profile's item
    hint: choose another --id
    "#);
}

#[test]
fn removal_rules() {
    let l = lib();
    let anns = l.movie(Some(ANN), "family", "Ann's");
    // Another member may not remove it; its adder, the owner, an admin, a global admin may.
    let e = l.fails_as(77, BOB, &["media", "remove", &anns]);
    insta::assert_snapshot!(redact(&e), @"
    error: permission denied: bob@example.com may not media-remove: profile role member (media-remove:own) grants it on media they added only, and this is not
    hint: the profile roles owner and admin, and the global role admin grant media-remove
    hint: `roster can bob@example.com media-remove --record [id]` explains the decision
    ");
    l.env.json(&with_as(ANN, &["media", "remove", &anns]));
    l.env.fails(67, &["media", "show", &anns]);

    let bobs = l.movie(Some(BOB), "family", "Bob's");
    l.env.json(&with_as(PADMIN, &["media", "remove", &bobs]));
    let bobs = l.movie(Some(BOB), "family", "Bob's");
    l.env.json(&with_as(OWNER, &["media", "remove", &bobs]));
    let bobs = l.movie(Some(BOB), "family", "Bob's");
    l.env.json(&with_as(ROOT, &["media", "remove", &bobs]));
    let ops = l.movie(None, "family", "Operator's");
    l.fails_as(77, ANN, &["media", "remove", &ops]);
    l.env.json(&["media", "remove", &ops]);

    // A show goes with its episodes: its adder may remove it only when they added every
    // episode too, and anyone must confirm.
    let show = l.add(
        Some(ANN),
        &[
            "family", "--type", "show", "--title", "Lost", "--id", "lost",
        ],
    );
    assert_eq!(show["id"], "lost");
    for (user, n) in [(ANN, "1"), (BOB, "2")] {
        l.add(
            Some(user),
            &[
                "family",
                "--type",
                "episode",
                "--title",
                "Ep",
                "--parent",
                "lost",
                "--season",
                "1",
                "--episode",
                n,
            ],
        );
    }
    let e = l.fails_as(77, ANN, &["--yes", "media", "remove", "lost"]);
    insta::assert_snapshot!(e, @"
    error: permission denied: ann@example.com may not media-remove: profile role member (media-remove:own) grants it on media they added only, and this is not
    hint: the profile roles owner and admin, and the global role admin grant media-remove
    hint: `roster can ann@example.com media-remove --record lost` explains the decision
    ");
    let e = l.fails_as(2, OWNER, &["media", "remove", "lost"]);
    insta::assert_snapshot!(e, @r#"
    this removes show "Lost" (id lost) with its 2 episode(s)
    error: remove show "Lost" and its episodes: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    "#);
    let removed = l
        .env
        .json(&with_as(OWNER, &["--yes", "media", "remove", "lost"]));
    assert_eq!(removed["id"], "lost");
    assert!(l.titles(Some(ANN), &["family"]).is_empty());
    let audit = audit_events(&l.env, "media-remove");
    let last = audit.last().unwrap();
    assert_eq!(last["subject"], "lost");
    assert_eq!(last["data"]["episodes_removed"], 2);
    assert!(
        last["actor"].as_str().unwrap().starts_with("user:"),
        "{last}"
    );
}

// ------------------------------------------------------------------ validation

/// Runs `media add family ARGS` as the operator with a pinned clock and expects 65;
/// returns stderr.
fn invalid(env: &Env, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env("ROSTER_NOW", "2026-11-21T12:00:00Z")
        .args(["media", "add", "family"])
        .args(args)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(65), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn every_field_is_validated() {
    let l = lib();
    let env = &l.env;
    let long_title = "x".repeat(501);
    let long_path = format!("/{}", "p".repeat(4096));
    fn with<'a>(extra: &[&'a str]) -> Vec<&'a str> {
        let mut v = vec!["--type", "movie", "--title", "T"];
        v.extend_from_slice(extra);
        v
    }
    let cases: Vec<Vec<&str>> = vec![
        vec!["--type", "film", "--title", "T"],
        vec!["--type", "movie", "--title", "  "],
        vec!["--type", "movie", "--title", &long_title],
        with(&["--year", "1869"]),
        with(&["--year", "2037"]),
        with(&["--tmdb-id", "0"]),
        with(&["--tmdb-id", "-3"]),
        with(&["--imdb-id", "tt123"]),
        with(&["--imdb-id", "nm0000206"]),
        with(&["--imdb-id", "tt1"]),
        with(&["--infohash", "abc"]),
        with(&["--infohash", &HASH[1..]]),
        with(&["--infohash", "Z12FE1C06BBA254A9DC9F519B335AA7C1367A88A"]),
        with(&["--path", "a\u{7}b"]),
        with(&["--path", &long_path]),
        with(&["--parent", "x"]),
        with(&["--season", "1"]),
        with(&["--episode", "1"]),
        with(&["--id", "has space"]),
        vec!["--type", "episode", "--title", "E", "--season", "-1"],
        vec!["--type", "episode", "--title", "E", "--episode", "0"],
    ];
    // Each refusal names the field and the value (cut short when long), with a hint
    // where one helps.
    let mut refusals = String::new();
    for args in &cases {
        let shown: Vec<String> = args
            .iter()
            .map(|a| {
                if a.chars().count() > 20 {
                    format!("<{} chars>", a.chars().count())
                } else {
                    format!("{a:?}")
                }
            })
            .collect();
        refusals.push_str(&format!("{}\n{}", shown.join(" "), invalid(env, args)));
    }
    // A flag's value that is not a whole number is a usage error, as for every numeric flag.
    let err = env.fails(
        2,
        &[
            "media", "add", "family", "--type", "movie", "--title", "T", "--year", "nineteen",
        ],
    );
    assert!(
        err.contains("'nineteen'") && err.contains("--year"),
        "{err}"
    );
    insta::assert_snapshot!(refusals, @r#"
    "--type" "film" "--title" "T"
    error: type "film": is not a media type
    hint: use one of: movie, show, episode
    "--type" "movie" "--title" "  "
    error: title "  ": must not be empty
    "--type" "movie" "--title" <501 chars>
    error: title "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…": is longer than 500 characters
    "--type" "movie" "--title" "T" "--year" "1869"
    error: year "1869": must be between 1870 and 2036
    hint: give the release year, such as --year 1999
    "--type" "movie" "--title" "T" "--year" "2037"
    error: year "2037": must be between 1870 and 2036
    hint: give the release year, such as --year 1999
    "--type" "movie" "--title" "T" "--tmdb-id" "0"
    error: tmdb_id "0": must be a positive number
    hint: the id in a TMDB URL: themoviedb.org/movie/603 is --tmdb-id 603
    "--type" "movie" "--title" "T" "--tmdb-id" "-3"
    error: tmdb_id "-3": must be a positive number
    hint: the id in a TMDB URL: themoviedb.org/movie/603 is --tmdb-id 603
    "--type" "movie" "--title" "T" "--imdb-id" "tt123"
    error: imdb_id "tt123": is not an IMDb id
    hint: an IMDb id is 'tt' and 7 to 10 digits, such as tt0133093
    "--type" "movie" "--title" "T" "--imdb-id" "nm0000206"
    error: imdb_id "nm0000206": is not an IMDb id
    hint: an IMDb id is 'tt' and 7 to 10 digits, such as tt0133093
    "--type" "movie" "--title" "T" "--imdb-id" "tt1"
    error: imdb_id "tt1": is not an IMDb id
    hint: an IMDb id is 'tt' and 7 to 10 digits, such as tt0133093
    "--type" "movie" "--title" "T" "--infohash" "abc"
    error: infohash "abc": is not an infohash
    hint: an infohash is 40 hex digits (BitTorrent v1) or 64 (v2), as in magnet:?xt=urn:btih:<hash>
    "--type" "movie" "--title" "T" "--infohash" <39 chars>
    error: infohash "12FE1C06BBA254A9DC9F519B335AA7C1367A88A": is not an infohash
    hint: an infohash is 40 hex digits (BitTorrent v1) or 64 (v2), as in magnet:?xt=urn:btih:<hash>
    "--type" "movie" "--title" "T" "--infohash" <40 chars>
    error: infohash "Z12FE1C06BBA254A9DC9F519B335AA7C1367A88A": is not an infohash
    hint: an infohash is 40 hex digits (BitTorrent v1) or 64 (v2), as in magnet:?xt=urn:btih:<hash>
    "--type" "movie" "--title" "T" "--path" "a\u{7}b"
    error: path "a\u{7}b": contains control characters
    "--type" "movie" "--title" "T" "--path" <4097 chars>
    error: path "/ppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppppp": is longer than 4096 bytes
    "--type" "movie" "--title" "T" "--parent" "x"
    error: parent "x": only episodes have one, and this is a movie
    hint: use --type episode, or leave out --parent, --season and --episode
    "--type" "movie" "--title" "T" "--season" "1"
    error: season "1": only episodes have one, and this is a movie
    hint: use --type episode, or leave out --parent, --season and --episode
    "--type" "movie" "--title" "T" "--episode" "1"
    error: episode "1": only episodes have one, and this is a movie
    hint: use --type episode, or leave out --parent, --season and --episode
    "--type" "movie" "--title" "T" "--id" "has space"
    error: id "has space": may contain only letters, digits, '.', '_' and '-'
    hint: ids look like `alice`, `family-2`, or a UUID
    "--type" "episode" "--title" "E" "--season" "-1"
    error: season "-1": must be between 0 and 9999 (0 for specials)
    "--type" "episode" "--title" "E" "--episode" "0"
    error: episode "0": must be between 1 and 99999
    "#);
    // The year bound follows the clock: 2036 is fine in 2026.
    let out = env
        .cmd()
        .env("ROSTER_NOW", "2026-11-21T12:00:00Z")
        .args([
            "--json", "media", "add", "family", "--type", "movie", "--title", "Future", "--year",
            "2036",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));

    // Normalised on the way in.
    let v = l.add(
        None,
        &[
            "family",
            "--type",
            "MOVIE",
            "--title",
            "  The Matrix ",
            "--imdb-id",
            "TT0133093",
            "--infohash",
            HASH,
            "--tmdb-id",
            "603",
        ],
    );
    assert_eq!(v["type"], "movie");
    assert_eq!(v["title"], "The Matrix");
    assert_eq!(v["imdb_id"], "tt0133093");
    assert_eq!(v["infohash"], HASH.to_lowercase());
    assert_eq!(v["tmdb_id"], 603);

    // Missing required flags are usage errors without a terminal.
    let e = env.fails(2, &["media", "add", "family", "--title", "T"]);
    insta::assert_snapshot!(e, @"
    error: media add: --type is required
    hint: for example: roster media add family --type movie --title 'The Matrix' --year 1999
    ");
    let e = env.fails(2, &["media", "add", "family", "--type", "movie"]);
    insta::assert_snapshot!(e, @"
    error: media add: --title is required
    hint: for example: roster media add family --type movie --title 'The Matrix' --year 1999
    ");

    // A parent must exist in the profile (67) and be a show (65).
    let movie = v["id"].as_str().unwrap();
    let e = invalid(
        env,
        &["--type", "episode", "--title", "E", "--parent", movie],
    );
    insta::assert_snapshot!(redact(&e), @r#"
    error: parent "[id]": is movie "The Matrix"; an episode's parent must be a show
    hint: list the profile's shows with `roster media list family --type show`
    "#);
    let e = env.fails(
        67,
        &[
            "media", "add", "family", "--type", "episode", "--title", "E", "--parent", "nope",
        ],
    );
    insta::assert_snapshot!(e, @r#"
    error: parent "nope": no media item with that id in profile family
    hint: list the profile's shows with `roster media list family --type show`
    "#);

    // List flags. ("bTIfVB9pZA" is well-formed base64url, but not a cursor of this
    // version.)
    let mut refusals = String::new();
    for args in [
        ["--limit", "0"],
        ["--limit", "1001"],
        ["--limit", "-5"],
        ["--after", "not-a-cursor"],
        ["--after", "bTIfVB9pZA"],
        ["--type", "film"],
        ["--search", " "],
    ] {
        let mut all = vec!["--format", "table", "media", "list", "family"];
        all.extend_from_slice(&args);
        let e = env.fails(65, &all);
        refusals.push_str(&format!("{args:?}\n{e}"));
    }
    // A value that is not a whole number is a usage error, as for every numeric flag.
    let e = env.fails(2, &["media", "list", "family", "--limit", "many"]);
    assert!(e.contains("'many'") && e.contains("--limit"), "{e}");
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
    error: after "not-a-cursor": is not a cursor from `roster media list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    ["--after", "bTIfVB9pZA"]
    error: after "bTIfVB9pZA": is not a cursor from `roster media list`
    hint: pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning
    ["--type", "film"]
    error: type "film": is not a media type
    hint: use one of: movie, show, episode
    ["--search", " "]
    error: search " ": must not be empty
    "#);
    env.json(&["media", "list", "family", "--limit", "1000"]);
    env.json(&["media", "list", "family", "--limit", "1"]);
    // A well-formed cursor is just a place in the order, even one no page gave.
    env.json(&[
        "media",
        "list",
        "family",
        "--after",
        "bTIfQmx1ZXkfYmx1ZXkfZR8xHzIfYmx1ZXktczFlMg",
    ]);
}

// ------------------------------------------------------------------ natural keys

#[test]
fn natural_keys_conflict_and_if_not_exists_is_a_no_op() {
    let l = lib();
    let env = &l.env;
    let first = l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "The Matrix",
            "--year",
            "1999",
        ],
    );
    let id = first["id"].as_str().unwrap();
    let audit_before = env.audit_len();

    // (type, title, year), title ignoring case: a conflict naming the existing item.
    let e = env.fails(
        68,
        &[
            "media",
            "add",
            "family",
            "--type",
            "movie",
            "--title",
            "the MATRIX",
            "--year",
            "1999",
        ],
    );
    assert!(e.contains(id), "{e}");
    insta::assert_snapshot!(redact(&e), @r#"
    error: movie "The Matrix" (1999) already exists in profile family (id [id])
    hint: add --if-not-exists to treat an existing item as success
    "#);
    // --if-not-exists: exit 0, the existing item, nothing written.
    let out = env.run(&[
        "--json",
        "media",
        "add",
        "family",
        "--type",
        "movie",
        "--title",
        "The Matrix",
        "--year",
        "1999",
        "--if-not-exists",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let same: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(same["id"], id);
    insta::assert_snapshot!(redact(&String::from_utf8_lossy(&out.stderr)), @r#"movie "The Matrix" (1999) already exists (id [id]); nothing changed"#);
    let table = env.ok(&[
        "--format",
        "table",
        "media",
        "add",
        "family",
        "--type",
        "movie",
        "--title",
        "The Matrix",
        "--year",
        "1999",
        "--if-not-exists",
    ]);
    insta::assert_snapshot!(redact(&table), @r#"unchanged media item "The Matrix" (id [id])"#);
    assert_eq!(env.audit_len(), audit_before);

    // Another year, or another type, is another item.
    l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "The Matrix",
            "--year",
            "2029",
        ],
    );
    l.add(
        None,
        &[
            "family",
            "--type",
            "show",
            "--title",
            "The Matrix",
            "--year",
            "1999",
        ],
    );
    // No year is a year of its own.
    l.add(
        None,
        &["family", "--type", "movie", "--title", "The Matrix"],
    );
    env.fails(
        68,
        &[
            "media",
            "add",
            "family",
            "--type",
            "movie",
            "--title",
            "The Matrix",
        ],
    );

    // (type, tmdb_id) when a tmdb id is given, whatever the title.
    l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "Dune",
            "--year",
            "2021",
            "--tmdb-id",
            "438631",
        ],
    );
    let e = env.fails(
        68,
        &[
            "media",
            "add",
            "family",
            "--type",
            "movie",
            "--title",
            "Dune: Part One",
            "--tmdb-id",
            "438631",
        ],
    );
    assert!(e.contains("movie \"Dune\" (2021)"), "{e}");
    // ...and an item without a tmdb id is still found by its title and year,
    let e = env.fails(
        68,
        &[
            "media",
            "add",
            "family",
            "--type",
            "movie",
            "--title",
            "the matrix",
            "--year",
            "1999",
            "--tmdb-id",
            "603",
        ],
    );
    assert!(e.contains(id), "{e}");
    // ...but one with another tmdb id is another work (a remake the same year).
    l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "Dune",
            "--year",
            "2021",
            "--tmdb-id",
            "1",
        ],
    );
    // And without a tmdb id, title and year find an item that has one.
    let e = env.fails(
        68,
        &[
            "media", "add", "family", "--type", "movie", "--title", "DUNE", "--year", "2021",
        ],
    );
    assert!(e.contains("movie \"Dune\" (2021)"), "{e}");
}

#[test]
fn episode_keys() {
    let l = lib();
    let env = &l.env;
    l.add(
        None,
        &[
            "family", "--type", "show", "--title", "Lost", "--id", "lost",
        ],
    );
    l.add(
        None,
        &[
            "family", "--type", "show", "--title", "Fringe", "--id", "fringe",
        ],
    );
    let ep = |parent: &str, title: &str, extra: &[&str]| {
        let mut a = vec![
            "media", "add", "family", "--type", "episode", "--title", title, "--parent", parent,
        ];
        a.extend_from_slice(extra);
        a.iter().map(|s| s.to_string()).collect::<Vec<_>>()
    };
    let run = |args: Vec<String>| {
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        env.run(&refs).status.code()
    };
    // A numbered episode is (parent, season, episode): another title is the same episode.
    assert_eq!(
        run(ep("lost", "Pilot", &["--season", "1", "--episode", "1"])),
        Some(0)
    );
    assert_eq!(
        run(ep(
            "lost",
            "Pilot, Part 1",
            &["--season", "1", "--episode", "1"]
        )),
        Some(68)
    );
    assert_eq!(
        run(ep("lost", "Pilot", &["--season", "1", "--episode", "2"])),
        Some(0)
    );
    assert_eq!(
        run(ep("lost", "Pilot", &["--season", "2", "--episode", "1"])),
        Some(0)
    );
    // The same numbers under another show are another episode.
    assert_eq!(
        run(ep("fringe", "Pilot", &["--season", "1", "--episode", "1"])),
        Some(0)
    );
    // Unnumbered episodes are (title, year, parent).
    assert_eq!(run(ep("lost", "Special", &[])), Some(0));
    assert_eq!(run(ep("lost", "special", &[])), Some(68));
    assert_eq!(run(ep("fringe", "Special", &[])), Some(0));
    assert_eq!(run(ep("lost", "Special", &["--year", "2005"])), Some(0));
    // With --if-not-exists a repeat is a no-op.
    assert_eq!(
        run(ep(
            "lost",
            "Renamed",
            &["--season", "1", "--episode", "1", "--if-not-exists"]
        )),
        Some(0)
    );
    let titles = l.titles(None, &["family", "--type", "episode", "--search", "pilot"]);
    assert_eq!(titles.len(), 4, "{titles:?}");
}

#[test]
fn an_infohash_is_in_a_profile_at_most_once() {
    let l = lib();
    let env = &l.env;
    let a = l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "A",
            "--infohash",
            HASH,
        ],
    );
    let lower = HASH.to_lowercase();
    // Another item with the same content: refused, naming the holder, even with
    // --if-not-exists (it is not the same item).
    for extra in [&[][..], &["--if-not-exists"][..]] {
        let mut args = vec![
            "media",
            "add",
            "family",
            "--type",
            "movie",
            "--title",
            "B",
            "--infohash",
            &lower,
        ];
        args.extend_from_slice(extra);
        let e = env.fails(68, &args);
        assert!(e.contains(a["id"].as_str().unwrap()), "{e}");
        insta::allow_duplicates! {
            insta::assert_snapshot!(redact(&e), @r#"
            error: infohash c12fe1c06bba254a9dc9f519b335aa7c1367a88a is already in profile family: movie "A" (id [id])
            hint: the same content may be in a profile only once
            "#);
        }
    }
    // Other profiles may hold it, and a 64-digit (v2) hash is fine.
    l.add(
        None,
        &[
            "office",
            "--type",
            "movie",
            "--title",
            "B",
            "--infohash",
            HASH,
        ],
    );
    l.add(
        None,
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "C",
            "--infohash",
            &"ab".repeat(32),
        ],
    );
}

// ------------------------------------------------------------------ listing

/// Inserts items straight into the database: `(id, type, title)`.
fn insert_items(env: &Env, profile_id: &str, items: &[(String, &str, String)]) {
    let rows: Vec<String> = items
        .iter()
        .map(|(id, kind, title)| {
            let title = title.replace('\'', "''");
            format!("('{id}', '{profile_id}', '{kind}', '{title}', '2026-01-01T00:00:00.000Z')")
        })
        .collect();
    let inserts: Vec<String> = rows
        .chunks(500)
        .map(|chunk| {
            format!(
                "INSERT INTO media (id, profile_id, type, title, added_at) VALUES {};\n",
                chunk.join(", ")
            )
        })
        .collect();
    if env.is_pg() {
        // One psql argument per chunk, well below the kernel's limit on one argument; the
        // search index follows the table by itself.
        for insert in &inserts {
            env.sql(insert);
        }
    } else {
        // A program writing media rows itself indexes them for search (README: schema).
        env.sql(&format!(
            "BEGIN;\n{}INSERT INTO media_fts(media_fts) VALUES ('rebuild');\nCOMMIT;",
            inserts.concat()
        ));
    }
}

/// Follows next_cursor from the first page to the last; returns every item and the number
/// of pages.
fn all_pages(env: &Env, args: &[&str]) -> (Vec<Value>, usize) {
    let mut items = Vec::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut all = vec!["media", "list"];
        all.extend_from_slice(args);
        if let Some(c) = &cursor {
            all.push("--after");
            all.push(c);
        }
        let page = env.json(&all);
        pages += 1;
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(pages < 1000, "pagination does not end");
    }
    (items, pages)
}

fn sort_key(v: &Value) -> (String, String) {
    (
        v["title"].as_str().unwrap().to_ascii_lowercase(),
        v["id"].as_str().unwrap().to_string(),
    )
}

#[test]
fn pagination_returns_every_item_exactly_once_in_order() {
    let l = lib();
    let env = &l.env;
    // 120 items with duplicate titles, titles differing only in case, and non-ASCII ones.
    let mut items = Vec::new();
    for i in 0..120 {
        let title = match i % 6 {
            0 => "Same Title".to_string(),
            1 => format!("alpha {}", i % 4),
            2 => format!("ALPHA {}", i % 4),
            3 => format!("Été {i}"),
            4 => format!("Zebra {i:03}"),
            _ => format!("movie {i}"),
        };
        let kind = ["movie", "show", "episode"][i % 3];
        items.push((format!("item-{i:03}"), kind, title));
    }
    insert_items(env, &l.family, &items);
    // Noise in another profile that must never show up.
    insert_items(
        env,
        &l.office,
        &[("office-1".into(), "movie", "Same Title".into())],
    );

    let (got, pages) = all_pages(env, &["family", "--limit", "7"]);
    assert_eq!(pages, 120usize.div_ceil(7));
    assert_eq!(got.len(), 120);
    let mut ids: Vec<&str> = got.iter().map(|v| v["id"].as_str().unwrap()).collect();
    let keys: Vec<_> = got.iter().map(sort_key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted, "title (ignoring case), then id");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 120, "every item exactly once");

    // Filters paginate the same way.
    let (movies, _) = all_pages(env, &["family", "--type", "movie", "--limit", "7"]);
    assert_eq!(movies.len(), 40);
    assert!(movies.iter().all(|m| m["type"] == "movie"));
    let (alphas, _) = all_pages(env, &["family", "--search", "ALPHA", "--limit", "7"]);
    assert_eq!(alphas.len(), 40);
    let (same, _) = all_pages(env, &["family", "--search", "same title", "--limit", "3"]);
    assert_eq!(same.len(), 20);
    assert!(same.iter().all(|m| m["profile_id"] == l.family.as_str()));
    // A two-letter term (no trigram) and a non-ASCII one, in either case.
    let (short, _) = all_pages(env, &["family", "--search", "ZE", "--limit", "7"]);
    assert_eq!(short.len(), 20);
    let (ete, _) = all_pages(env, &["family", "--search", "ÉTÉ", "--limit", "7"]);
    assert_eq!(ete.len(), 20);

    // The default page is 50; the last page has a null cursor.
    let first = env.json(&["media", "list", "family"]);
    assert_eq!(first["items"].as_array().unwrap().len(), 50);
    assert!(first["next_cursor"].is_string());
    let last = env.json(&["media", "list", "family", "--limit", "1000"]);
    assert_eq!(last["items"].as_array().unwrap().len(), 120);
    assert_eq!(last["next_cursor"], Value::Null);
}

/// A page cursor (it holds an id) as `[cursor]`.
fn redact_cursor(text: &str) -> String {
    let mut out = String::new();
    let mut words = text.split(' ').peekable();
    while let Some(w) = words.next() {
        out.push_str(w);
        if (w == "--after" || w == "next_cursor:")
            && let Some(cursor) = words.next()
        {
            let end = cursor.find('\n').unwrap_or(cursor.len());
            out.push_str(" [cursor]");
            out.push_str(&cursor[end..]);
        }
        if words.peek().is_some() {
            out.push(' ');
        }
    }
    out
}

#[test]
fn other_formats_print_items_and_the_next_page_on_stderr() {
    let l = lib();
    let env = &l.env;
    for t in ["A", "B", "C"] {
        l.movie(None, "family", t);
    }
    // jsonl and csv: items only on stdout; the cursor as a hint on stderr.
    let out = env.run(&[
        "--format", "jsonl", "media", "list", "family", "--limit", "2",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.starts_with("hint: next_cursor: "), "{stderr}");
    let out = env.run(&["--format", "csv", "media", "list", "family", "--limit", "2"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 3);
    assert!(String::from_utf8_lossy(&out.stderr).contains("next_cursor: "));

    // The table gives the exact command for the next page; running it gives the rest.
    let out = env.run(&[
        "--as", ANN, "--format", "table", "media", "list", "family", "--limit", "2",
    ]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    insta::assert_snapshot!(redact(&stdout), @"
    ╭──────────────────────────────────────┬───────┬───────┬─────────╮
    │ id                                   ┆ type  ┆ title ┆ status  │
    ╞══════════════════════════════════════╪═══════╪═══════╪═════════╡
    │ [id]                                 ┆ movie ┆ A     ┆ pending │
    │ [id]                                 ┆ movie ┆ B     ┆ pending │
    ╰──────────────────────────────────────┴───────┴───────┴─────────╯
    ");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    insta::assert_snapshot!(redact_cursor(&stderr), @"
    2 media items
    hint: next page: roster --as ann@example.com media list family --limit 2 --after [cursor]
    ");
    let command = stderr
        .lines()
        .find_map(|l| l.strip_prefix("hint: next page: "))
        .unwrap_or_else(|| panic!("no next page hint: {stderr}"));
    assert!(
        command.starts_with(&format!(
            "roster --as {ANN} media list family --limit 2 --after "
        )),
        "{command}"
    );
    // (On a terminal the table is the default; here it has to be asked for.)
    let mut words = vec!["--format", "table"];
    words.extend(command.split(' ').skip(1));
    let rest = env.ok(&words);
    insta::assert_snapshot!(redact(&rest), @"
    ╭──────────────────────────────────────┬───────┬───────┬─────────╮
    │ id                                   ┆ type  ┆ title ┆ status  │
    ╞══════════════════════════════════════╪═══════╪═══════╪═════════╡
    │ [id]                                 ┆ movie ┆ C     ┆ pending │
    ╰──────────────────────────────────────┴───────┴───────┴─────────╯
    ");
    let out = env.run(&words);
    assert!(!String::from_utf8_lossy(&out.stderr).contains("next page"));

    // An empty library says so on a table, and is an empty page in JSON.
    let out = env.run(&["--format", "table", "media", "list", "office"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"
    no media items yet in profile office
    hint: add one with `roster media add office --type movie --title 'The Matrix' --year 1999`
    ");
    let empty = env.json(&["media", "list", "office"]);
    assert_eq!(empty, serde_json::json!({"items": [], "next_cursor": null}));
}

#[test]
fn search_ignores_case_and_takes_text_literally() {
    let l = lib();
    for t in [
        "The Dark Knight",
        "МАТРИЦА",
        "Amélie",
        "100% \"Pure\"",
        "Darkness_Falls",
    ] {
        l.movie(None, "family", t);
    }
    let s = |term: &str| l.titles(None, &["family", "--search", term]);
    assert_eq!(s("dark kn"), ["The Dark Knight"]);
    assert_eq!(s("DARK"), ["Darkness_Falls", "The Dark Knight"]);
    assert_eq!(s("матрица"), ["МАТРИЦА"]);
    assert_eq!(s("AMÉLIE"), ["Amélie"]);
    assert_eq!(s("% \"p"), ["100% \"Pure\""]);
    assert_eq!(s("%"), ["100% \"Pure\""]);
    assert_eq!(s("s_f"), ["Darkness_Falls"]);
    assert!(s("k_n").is_empty());
    assert!(s("nothing like it").is_empty());
    // Searches combine with the type filter.
    assert!(
        l.titles(None, &["family", "--search", "dark", "--type", "show"])
            .is_empty()
    );
}

#[test]
fn common_terms_take_the_ordered_scan_and_agree_with_the_index() {
    // Far more titles than √N contain "common": the search walks the list in order
    // instead of using the trigram index. Most are in office; family's must come
    // out exactly, in order, across pages.
    let l = lib();
    let env = &l.env;
    let office: Vec<_> = (0..2100)
        .map(|i| (format!("o-{i}"), "movie", format!("Common Ground {i}")))
        .collect();
    insert_items(env, &l.office, &office);
    let family: Vec<_> = (0..30)
        .map(|i| {
            let title = if i % 3 == 0 {
                format!("Uncommon Valor {i}")
            } else {
                format!("Rare {i}")
            };
            (format!("f-{i:02}"), "movie", title)
        })
        .collect();
    insert_items(env, &l.family, &family);
    let (got, _) = all_pages(env, &["family", "--search", "COMMON", "--limit", "4"]);
    assert_eq!(got.len(), 10);
    let keys: Vec<_> = got.iter().map(sort_key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    // The index still answers rare terms in the same database.
    assert_eq!(
        l.titles(None, &["family", "--search", "valor 2"]),
        [
            "Uncommon Valor 21",
            "Uncommon Valor 24",
            "Uncommon Valor 27"
        ]
    );
}

// ------------------------------------------------------------------ audit, storage

#[test]
fn changes_write_audit_rows_and_keep_the_search_index_in_sync() {
    let l = lib();
    let env = &l.env;
    let item = l.add(
        Some(ANN),
        &[
            "family",
            "--type",
            "movie",
            "--title",
            "Heat",
            "--year",
            "1995",
            "--path",
            "/films/heat.mkv",
        ],
    );
    let id = item["id"].as_str().unwrap();
    let adds = audit_events(env, "media-add");
    let row = adds.last().unwrap();
    assert_eq!(row["subject"], id);
    assert_eq!(row["data"]["title"], "Heat");
    assert_eq!(row["data"]["file_path"], "/films/heat.mkv");
    assert_eq!(
        row["actor"],
        format!("user:{}", users_id(env, ANN)).as_str()
    );
    assert_eq!(row["source"], "cli");

    env.json(&["media", "remove", id]);
    let removes = audit_events(env, "media-remove");
    let row = removes.last().unwrap();
    assert_eq!(row["subject"], id);
    assert_eq!(row["data"]["title"], "Heat");
    assert_eq!(row["actor"], "operator:tester");
    let v = env.json(&["audit", "verify"]);
    assert_eq!(v["ok"], true);

    // Removing items, a show's episodes by cascade, and a whole profile keep the trigram
    // index equal to the table.
    l.add(
        None,
        &[
            "family", "--type", "show", "--title", "Lost", "--id", "lost",
        ],
    );
    l.add(
        None,
        &[
            "family",
            "--type",
            "episode",
            "--title",
            "Pilot",
            "--parent",
            "lost",
            "--episode",
            "1",
        ],
    );
    l.movie(None, "office", "Office Film");
    env.json(&["--yes", "media", "remove", "lost"]);
    assert!(l.titles(None, &["family", "--search", "pilot"]).is_empty());
    env.ok(&["--yes", "profile", "delete", "office"]);
    if !env.is_pg() {
        // PostgreSQL searches the table itself (an expression index), so only SQLite's
        // FTS table can drift.
        env.sql("INSERT INTO media_fts(media_fts, rank) VALUES ('integrity-check', 1)");
    }
    assert_eq!(env.sql_value("SELECT count(*) FROM media"), "0");
}

#[test]
fn media_commands_need_an_existing_database() {
    let env = Env::new();
    env.fails(66, &["media", "list", "family"]);
    env.fails(
        66,
        &["media", "add", "family", "--type", "movie", "--title", "X"],
    );
    env.fails(66, &["media", "show", "x"]);
    env.fails(66, &["media", "remove", "x"]);
    assert!(!database_exists(&env));
}

#[test]
fn help_shows_examples() {
    let env = Env::new();
    for cmd in ["add", "list", "show", "remove"] {
        let help = env.ok(&["media", cmd, "--help"]);
        assert!(help.contains("Examples:\n  roster"), "{cmd}: {help}");
    }
}

// ------------------------------------------------------------------ natural order

/// The key of README "Media": (group title ignoring ASCII case, group id, head before its
/// episodes, season (none first), number, id), computed here from the listed items alone.
fn natural_key(
    v: &Value,
    titles: &HashMap<String, String>,
) -> (String, String, u8, i64, i64, String) {
    let id = v["id"].as_str().unwrap().to_string();
    match v["parent_id"].as_str() {
        Some(parent) => (
            titles[parent].to_ascii_lowercase(),
            parent.to_string(),
            1,
            v["season_number"].as_i64().unwrap_or(-1),
            v["episode_number"].as_i64().unwrap_or(-1),
            id,
        ),
        None => (
            v["title"].as_str().unwrap().to_ascii_lowercase(),
            id.clone(),
            0,
            -1,
            -1,
            id,
        ),
    }
}

fn ids(items: &[Value]) -> Vec<&str> {
    items.iter().map(|v| v["id"].as_str().unwrap()).collect()
}

#[test]
fn a_library_lists_in_natural_order_each_show_followed_by_its_episodes() {
    let env = Env::new();
    env.profile("Kids");
    let add = |args: &[&str]| {
        let mut all = vec!["media", "add", "kids"];
        all.extend_from_slice(args);
        env.ok(&all);
    };
    add(&["--type", "show", "--title", "Bluey", "--id", "bluey"]);
    // Added out of order, titled against their numbers (the old order, by title, put
    // "Hospital" S1E2 before "Magic Xylophone" S1E1).
    add(&[
        "--type",
        "episode",
        "--title",
        "Zebra",
        "--parent",
        "bluey",
        "--season",
        "2",
        "--episode",
        "1",
        "--id",
        "b-s2e1",
    ]);
    add(&[
        "--type",
        "episode",
        "--title",
        "Hospital",
        "--parent",
        "bluey",
        "--season",
        "1",
        "--episode",
        "2",
        "--id",
        "b-s1e2",
    ]);
    add(&[
        "--type",
        "episode",
        "--title",
        "Magic Xylophone",
        "--parent",
        "bluey",
        "--season",
        "1",
        "--episode",
        "1",
        "--id",
        "b-s1e1",
    ]);
    add(&[
        "--type",
        "episode",
        "--title",
        "Christmas Special",
        "--parent",
        "bluey",
        "--episode",
        "1",
        "--id",
        "b-special",
    ]);
    add(&[
        "--type",
        "episode",
        "--title",
        "Season 10 Opener",
        "--parent",
        "bluey",
        "--season",
        "10",
        "--episode",
        "1",
        "--id",
        "b-s10e1",
    ]);
    add(&["--type", "movie", "--title", "arrival", "--id", "arrival"]);
    add(&["--type", "movie", "--title", "Cars", "--id", "cars"]);
    add(&[
        "--type",
        "movie",
        "--title",
        "BLUEY the movie",
        "--id",
        "bluey-movie",
    ]);
    add(&["--type", "show", "--title", "Adventure Time", "--id", "at"]);
    add(&[
        "--type",
        "episode",
        "--title",
        "Slumber Party Panic",
        "--parent",
        "at",
        "--season",
        "1",
        "--episode",
        "1",
        "--id",
        "at-s1e1",
    ]);
    let want = [
        "at",
        "at-s1e1",
        "arrival",
        "bluey",
        "b-special",
        "b-s1e1",
        "b-s1e2",
        "b-s2e1",
        "b-s10e1",
        "bluey-movie",
        "cars",
    ];
    let all = env.json(&["media", "list", "kids"]);
    assert_eq!(ids(all["items"].as_array().unwrap()), want);
    // The same order a page at a time, whatever the page size.
    for limit in ["1", "2", "3", "4"] {
        let (got, _) = all_pages(&env, &["kids", "--limit", limit]);
        assert_eq!(ids(&got), want, "--limit {limit}");
    }
    // Episodes alone keep their shows' order; a search keeps the order too, through the
    // ordered walk (two letters) and through the title index (a rare phrase).
    let (episodes, _) = all_pages(&env, &["kids", "--type", "episode", "--limit", "2"]);
    assert_eq!(
        ids(&episodes),
        [
            "at-s1e1",
            "b-special",
            "b-s1e1",
            "b-s1e2",
            "b-s2e1",
            "b-s10e1"
        ]
    );
    let (a, _) = all_pages(&env, &["kids", "--search", "a", "--limit", "2"]);
    assert_eq!(
        ids(&a),
        [
            "at",
            "at-s1e1",
            "arrival",
            "b-special",
            "b-s1e1",
            "b-s1e2",
            "b-s2e1",
            "b-s10e1",
            "cars"
        ]
    );
    let (xylo, _) = all_pages(&env, &["kids", "--search", "xylophone", "--limit", "1"]);
    assert_eq!(ids(&xylo), ["b-s1e1"]);
    // The table shows it as the README does.
    let table = env.ok(&["--format", "table", "media", "list", "kids", "--limit", "6"]);
    insta::assert_snapshot!(env.redact(&table));
}

#[test]
fn the_natural_order_holds_on_a_mixed_library_across_every_page_size_and_filter() {
    let env = Env::new();
    env.profile("Mixed");
    // A deterministic mixture: shows with episodes in every season (and none), movies and
    // shows sharing titles that differ in case only, episodes of no show.
    let mut events = Vec::new();
    let mut seed = 7u64;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) % n
    };
    let names = [
        "Alpha", "alpha", "ALPHA", "Beta", "beta", "Gamma", "Zeta", "Ärger",
    ];
    for s in 0..6 {
        let show = format!("show-{s}");
        events.push(serde_json::json!({"event": "media-add", "data": {
            "profile": "mixed", "type": "show", "id": show, "year": 2000 + s,
            "title": names[next(names.len() as u64) as usize]}}));
        for e in 0..(1 + next(6)) {
            let mut data = serde_json::json!({"profile": "mixed", "type": "episode",
                "id": format!("{show}-e{e}"), "parent": show, "episode": 1 + next(3) + 3 * e,
                "title": format!("{} {e}", names[next(names.len() as u64) as usize])});
            if next(4) > 0 {
                data["season"] = serde_json::json!(next(3));
            }
            events.push(serde_json::json!({"event": "media-add", "data": data}));
        }
    }
    for m in 0..14 {
        let kind = if m % 5 == 4 { "episode" } else { "movie" };
        events.push(serde_json::json!({"event": "media-add", "data": {
            "profile": "mixed", "type": kind, "id": format!("m-{m:02}"), "year": 1990 + m,
            "title": format!("{} {}", names[next(names.len() as u64) as usize], next(3))}}));
    }
    let file = env.path("mixed.json");
    std::fs::write(
        &file,
        serde_json::json!({"version": 1, "events": events}).to_string(),
    )
    .unwrap();
    env.ok(&["seed", "mixed.json"]);
    let everything = env.json(&["media", "list", "mixed", "--limit", "1000"]);
    let everything = everything["items"].as_array().unwrap().clone();
    let titles: HashMap<String, String> = everything
        .iter()
        .map(|v| {
            (
                v["id"].as_str().unwrap().to_string(),
                v["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut sorted = everything.clone();
    sorted.sort_by_key(|v| natural_key(v, &titles));
    assert_eq!(
        ids(&everything),
        ids(&sorted),
        "the whole list is in natural order"
    );
    for filter in [
        vec![],
        vec!["--type", "episode"],
        vec!["--type", "show"],
        vec!["--type", "movie"],
        vec!["--search", "a"],
        vec!["--search", "ALPHA"],
        vec!["--search", "ärg"],
        vec!["--type", "episode", "--search", "eta"],
    ] {
        let expected: Vec<&Value> = sorted
            .iter()
            .filter(|v| {
                let kind_ok = filter
                    .windows(2)
                    .all(|w| w[0] != "--type" || v["type"] == w[1]);
                let search_ok = filter.windows(2).all(|w| {
                    w[0] != "--search"
                        || v["title"]
                            .as_str()
                            .unwrap()
                            .to_lowercase()
                            .contains(&w[1].to_lowercase())
                });
                kind_ok && search_ok
            })
            .collect();
        let expected: Vec<&str> = expected.iter().map(|v| v["id"].as_str().unwrap()).collect();
        for limit in ["1", "2", "5", "50"] {
            let mut args = vec!["mixed", "--limit", limit];
            args.extend_from_slice(&filter);
            let (got, _) = all_pages(&env, &args);
            assert_eq!(ids(&got), expected, "{args:?}");
        }
    }
}
