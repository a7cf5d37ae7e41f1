//! `roster profile …`: creation and validation, the rules of README "Concepts and rules" for profiles.

use serde_json::{Value, json};

use crate::common::*;

fn slugs(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["slug"].as_str().unwrap().to_string())
        .collect()
}

fn profile_count(env: &Env) -> usize {
    env.json(&["profile", "list"])
        .as_array()
        .map_or(0, Vec::len)
}

fn audit_events(env: &Env, event: &str) -> Vec<Value> {
    env.json(&["audit", "--event", event])
        .as_array()
        .unwrap()
        .clone()
}

/// Ann (global admin), Bob (plain user) and Olive, who owns the profile `olive-s` without
/// being a global admin (she created it while she was one).
fn cast() -> Env {
    let env = Env::init();
    env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--username",
        "ann",
    ]);
    env.json(&[
        "user",
        "create",
        "--email",
        "bob@example.com",
        "--name",
        "Bob",
        "--username",
        "bob",
    ]);
    env.json(&[
        "user",
        "create",
        "--email",
        "olive@example.com",
        "--name",
        "Olive",
        "--username",
        "olive",
    ]);
    env.json(&["user", "grant", "olive", "admin"]);
    let p = env.json(&["--as", "olive", "profile", "create", "--name", "Olive's"]);
    assert_eq!(p["slug"], "olive-s");
    env.json(&["user", "revoke", "olive", "admin"]);
    env
}

/// Adds a member directly in the database, for tests that need a crowd (the `member`
/// commands are tested elsewhere).
fn add_member_row(env: &Env, profile_slug: &str, user_email: &str, role: &str) {
    env.sql(&format!(
        "INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
         SELECT 'm-{profile_slug}-{user_email}', p.id, u.id, '{role}',
                '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
         FROM profiles p, users u WHERE p.slug = '{profile_slug}' AND u.email = '{user_email}'"
    ));
}

// ---------------------------------------------------------------- create

#[test]
fn create_fills_in_the_defaults() {
    let env = Env::init();
    let p = env.profile("The Smith Family");
    assert_eq!(p["slug"], "the-smith-family");
    assert_eq!(p["name"], "The Smith Family");
    assert_eq!(p["color"], "#6366F1");
    assert_eq!(p["member_limit"], 100);
    assert_eq!(p["metadata"], json!({}));
    assert_eq!(p["logo"], Value::Null);
    assert_eq!(p["member_count"], 0);
    assert!(p.get("access").is_none(), "no access for the operator");
    let id = p["id"].as_str().unwrap();
    assert_eq!(&id[14..15], "7", "a UUID v7: {id}");
    assert_eq!(env.json(&["profile", "show", "the-smith-family"]), p);
    // The operator does not become a member.
    let rows = env.json(&["audit"]);
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["event"], "profile-create");
    assert_eq!(rows[0]["actor"], "operator:tester");
    assert_eq!(rows[0]["subject"], p["id"]);
}

#[test]
fn create_takes_every_field() {
    let env = Env::init();
    let p = env.json(&[
        "profile",
        "create",
        "--id",
        "office-1",
        "--name",
        "  Head Office ",
        "--slug",
        "hq",
        "--logo",
        "https://cdn.example.com/logo.svg",
        "--color",
        "#0a0",
        "--member-limit",
        "25",
        "--metadata",
        r#"{"plan":"business","seats":[1,2]}"#,
    ]);
    assert_eq!(p["id"], "office-1");
    assert_eq!(p["name"], "Head Office");
    assert_eq!(p["slug"], "hq");
    assert_eq!(p["logo"], "https://cdn.example.com/logo.svg");
    assert_eq!(p["color"], "#00AA00");
    assert_eq!(p["member_limit"], 25);
    assert_eq!(p["metadata"], json!({"plan": "business", "seats": [1, 2]}));
    assert_eq!(env.json(&["profile", "show", "office-1"]), p);
    assert_eq!(env.json(&["profile", "show", "HQ"]), p);
}

#[test]
fn slugs_are_derived_from_names() {
    let env = Env::init();
    for (name, slug) in [
        ("Family", "family"),
        ("  Café & Crème!! ", "cafe-and-creme"),
        ("Ünïcödé  Straße 2", "unicode-strasse-2"),
        ("a--b__c", "a-b-c"),
        ("Zoë's Room", "zoe-s-room"),
    ] {
        let p = env.profile(name);
        assert_eq!(p["slug"], slug, "{name}");
    }
    let long = env.profile(&"word ".repeat(40));
    let s = long["slug"].as_str().unwrap();
    assert!(s.len() <= 64 && !s.ends_with('-'), "{s}");
    assert_eq!(profile_count(&env), 6);
}

#[test]
fn a_name_without_a_usable_slug_needs_one() {
    let env = Env::init();
    let err = env.fails(65, &["profile", "create", "--name", "日本の家族"]);
    insta::assert_snapshot!(err, @r#"
    error: name "日本の家族": no slug can be derived from it
    hint: give one with --slug, such as --slug family
    "#);
    let p = env.json(&[
        "profile",
        "create",
        "--name",
        "日本の家族",
        "--slug",
        "nihon",
    ]);
    assert_eq!(p["name"], "日本の家族");
    assert_eq!(p["slug"], "nihon");
}

#[test]
fn slugs_are_validated() {
    let env = Env::init();
    let err = env.fails(
        65,
        &[
            "profile",
            "create",
            "--name",
            "Family",
            "--slug",
            "My Family",
        ],
    );
    insta::assert_snapshot!(err, @r#"
    error: slug "My Family": must be lower-case letters and digits in words joined by single '-' (at most 64)
    hint: try --slug my-family
    "#);
    for bad in [
        "Family",
        "a--b",
        "-a",
        "a-",
        "a_b",
        "a.b",
        "é",
        &"a".repeat(65),
    ] {
        let arg = format!("--slug={bad}");
        let err = env.fails(65, &["profile", "create", "--name", "Family", &arg]);
        assert!(err.contains("slug"), "{bad}: {err}");
    }
    let err = env.fails(65, &["profile", "create", "--name", "Family", "--slug", ""]);
    insta::assert_snapshot!(err, @r#"error: slug "": must be lower-case letters and digits in words joined by single '-' (at most 64)"#);
    assert_eq!(profile_count(&env), 0);
    let p = env.json(&[
        "profile",
        "create",
        "--name",
        "Long",
        "--slug",
        &"a".repeat(64),
    ]);
    assert_eq!(p["slug"], "a".repeat(64));
    env.json(&["profile", "create", "--name", "Two", "--slug", "family-2"]);
}

#[test]
fn colours_are_normalised() {
    let env = Env::init();
    for (i, (given, stored)) in [
        ("#abc", "#AABBCC"),
        ("#ABC", "#AABBCC"),
        ("#6366f1", "#6366F1"),
        ("ff0000", "#FF0000"),
        ("f60", "#FF6600"),
    ]
    .iter()
    .enumerate()
    {
        let p = env.json(&[
            "profile",
            "create",
            "--name",
            &format!("P{i}"),
            "--color",
            given,
        ]);
        assert_eq!(p["color"], *stored, "{given}");
    }
    for bad in ["#12", "#ggg", "#12345", "blue", "#1234567", "", "#"] {
        let arg = format!("--color={bad}");
        let err = env.fails(65, &["profile", "create", "--name", "Bad", &arg]);
        assert!(err.contains("color"), "{bad}: {err}");
        assert!(err.contains("#6366F1"), "{bad}: {err}");
    }
    assert_eq!(profile_count(&env), 5);
}

#[test]
fn member_limit_defaults_to_100_and_is_bounded() {
    let env = Env::init();
    for bad in ["0", "-1", "1000001"] {
        let arg = format!("--member-limit={bad}");
        let err = env.fails(65, &["profile", "create", "--name", "Bad", &arg]);
        assert!(err.contains("member_limit"), "{bad}: {err}");
        assert!(err.contains("between 1 and 1000000"), "{bad}: {err}");
    }
    let err = env.fails(
        2,
        &[
            "profile",
            "create",
            "--name",
            "Bad",
            "--member-limit",
            "ten",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: invalid value 'ten' for '--member-limit <N>': invalid digit found in string

    For more information, try '--help'.
    ");
    assert_eq!(profile_count(&env), 0);
    let one = env.json(&["profile", "create", "--name", "One", "--member-limit", "1"]);
    assert_eq!(one["member_limit"], 1);
    let max = env.json(&[
        "profile",
        "create",
        "--name",
        "Max",
        "--member-limit",
        "1000000",
    ]);
    assert_eq!(max["member_limit"], 1_000_000);
    assert_eq!(env.profile("Default")["member_limit"], 100);
}

#[test]
fn names_logos_ids_and_metadata_are_validated() {
    let env = Env::init();
    for (args, field) in [
        (&["--name", ""][..], "name"),
        (&["--name", "   "], "name"),
        (&["--name", "a\u{1b}[31mred"], "name"),
        (
            &["--name", "Family", "--logo", "ftp://example.com/l.png"],
            "logo",
        ),
        (&["--name", "Family", "--logo", "logo.png"], "logo"),
        (&["--name", "Family", "--logo", "https://"], "logo"),
        (&["--name", "Family", "--id", "a/b"], "id"),
        (&["--name", "Family", "--id", "a b"], "id"),
        (&["--name", "Family", "--metadata", "[]"], "metadata"),
        (&["--name", "Family", "--metadata", "{\"a\":"], "metadata"),
        (&["--name", "Family", "--metadata", "true"], "metadata"),
    ] {
        let mut all = vec!["profile", "create"];
        all.extend_from_slice(args);
        let err = env.fails(65, &all);
        assert!(err.contains(field), "{args:?}: {err}");
    }
    let long = "n".repeat(201);
    let err = env.fails(
        65,
        &["profile", "create", "--name", &long, "--slug", "long"],
    );
    insta::assert_snapshot!(err, @r#"error: name "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…": is longer than 200 characters"#);
    let id = "i".repeat(65);
    let err = env.fails(65, &["profile", "create", "--name", "Family", "--id", &id]);
    insta::assert_snapshot!(err, @r#"error: id "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii": must be 1 to 64 characters"#);
    let err = env.fails(2, &["profile", "create", "--slug", "family"]);
    insta::assert_snapshot!(err, @"
    error: profile create: --name is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster profile create --name 'The Smiths'
    ");
    assert_eq!(profile_count(&env), 0);
    assert_eq!(env.audit_len(), 0);
}

#[test]
fn a_duplicate_slug_or_id_is_a_conflict() {
    let env = Env::init();
    let family = env.json(&["profile", "create", "--name", "Family", "--id", "fam"]);
    // Derived from the name, given, or in another case: the same slug.
    let err = env.fails(68, &["profile", "create", "--name", "family"]);
    insta::assert_snapshot!(redact(&err), @r#"
    error: profile "family" already exists (id fam)
    hint: add --if-not-exists to treat an existing profile as success, or choose another --slug
    "#);
    env.fails(
        68,
        &["profile", "create", "--name", "Other", "--slug", "family"],
    );
    // An explicit id that is taken, or a free id with a taken slug.
    env.fails(68, &["profile", "create", "--name", "Other", "--id", "fam"]);
    let err = env.fails(
        68,
        &["profile", "create", "--name", "Family", "--id", "fam-2"],
    );
    insta::assert_snapshot!(redact(&err), @r#"
    error: slug "family" already belongs to profile fam
    hint: choose another --slug for profile fam-2
    "#);
    assert_eq!(profile_count(&env), 1);
    assert_eq!(env.json(&["profile", "show", "family"]), family);
    assert_eq!(env.audit_len(), 1);
}

#[test]
fn if_not_exists_returns_the_existing_profile_unchanged() {
    let env = Env::init();
    let family = env.json(&["profile", "create", "--name", "Family", "--color", "#f00"]);
    let out = env.run(&[
        "profile",
        "create",
        "--name",
        "Family",
        "--color",
        "#0f0",
        "--member-limit",
        "5",
        "--if-not-exists",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let again: Value = serde_json::from_str(&String::from_utf8_lossy(&out.stdout)).unwrap();
    assert_eq!(again, family, "the existing record, untouched");
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @"profile family already exists; nothing changed");
    // By explicit slug, and in a table.
    let line = env.ok(&[
        "--format",
        "table",
        "profile",
        "create",
        "--name",
        "Whatever",
        "--slug",
        "family",
        "--if-not-exists",
    ]);
    insta::assert_snapshot!(redact(&line), @"unchanged profile family (id [id])");
    assert_eq!(profile_count(&env), 1);
    assert_eq!(env.audit_len(), 1);
    // A new one is still created.
    let office = env.json(&["profile", "create", "--name", "Office", "--if-not-exists"]);
    assert_eq!(office["slug"], "office");
    assert_eq!(profile_count(&env), 2);
}

#[test]
fn only_global_admins_create_profiles() {
    let env = cast();
    let before = env.audit_len();
    let err = env.fails(77, &["--as", "bob", "profile", "create", "--name", "Bob's"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not profile-create: no role of theirs grants profile-create
    hint: the global role admin grants profile-create
    hint: `roster can bob@example.com profile-create` explains the decision
    ");
    // An owner of another profile is not enough.
    env.fails(
        77,
        &["--as", "olive", "profile", "create", "--name", "Second"],
    );
    // Even --if-not-exists on an existing slug is refused without a hint of it.
    let err = env.fails(
        77,
        &[
            "--as",
            "bob",
            "profile",
            "create",
            "--name",
            "Olive's",
            "--if-not-exists",
        ],
    );
    assert!(!err.contains("olive-s"), "{err}");
    assert_eq!(profile_count(&env), 1);
    assert_eq!(env.audit_len(), before);
}

#[test]
fn a_user_who_creates_a_profile_becomes_its_owner() {
    let env = Env::init();
    let ann = env.user("ann@example.com", "Ann");
    let p = env.json(&[
        "--as",
        "ann@example.com",
        "profile",
        "create",
        "--name",
        "Family",
    ]);
    assert_eq!(p["member_count"], 1);
    assert_eq!(p["access"], true);
    let rows = env.json(&["audit"]);
    let events: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["event"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["user-create", "profile-create", "member-add"]);
    let actor = format!("user:{}", ann["id"].as_str().unwrap());
    assert_eq!(rows[1]["actor"], actor);
    assert_eq!(rows[2]["actor"], actor);
    assert_eq!(rows[2]["data"]["role"], "owner");
    assert_eq!(rows[2]["data"]["user_id"], ann["id"]);
    let role = env.sql_value(
        "SELECT role FROM members m JOIN profiles p ON p.id = m.profile_id WHERE p.slug = 'family'",
    );
    assert_eq!(role, "owner");
}

/// The role each member holds in a profile, by email.
fn roles_in(env: &Env, slug: &str) -> Vec<(String, String)> {
    let list = env.json(&["member", "list", slug]);
    let mut out: Vec<(String, String)> = list
        .as_array()
        .expect("an array")
        .iter()
        .map(|m| {
            (
                m["email"].as_str().unwrap_or_default().to_string(),
                m["role"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn owner_names_who_owns_a_new_profile() {
    let env = Env::init();
    env.user("ada@example.com", "Ada");
    env.user("bob@example.com", "Bob");
    // The operator, naming the owner: one transaction, profile and owner together.
    let p = env.json(&[
        "profile",
        "create",
        "--name",
        "Family",
        "--owner",
        "bob@example.com",
    ]);
    assert_eq!(p["member_count"], 1);
    assert_eq!(
        roles_in(&env, "family"),
        [("bob@example.com".to_string(), "owner".to_string())]
    );
    let events: Vec<String> = env
        .json(&["audit"])
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["event"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(events[events.len() - 2..], ["profile-create", "member-add"]);
    // A global admin creating a profile for someone else is not made a member of it.
    env.json(&[
        "--as",
        "ada@example.com",
        "profile",
        "create",
        "--name",
        "Office",
        "--owner",
        "bob@example.com",
    ]);
    assert_eq!(
        roles_in(&env, "office"),
        [("bob@example.com".to_string(), "owner".to_string())]
    );
    // An owner who does not exist: 67, and no profile.
    let err = env.fails(
        67,
        &[
            "profile",
            "create",
            "--name",
            "Club",
            "--owner",
            "nobody@example.com",
        ],
    );
    assert!(err.contains("nobody@example.com"), "{err}");
    let err = env.fails(65, &["profile", "create", "--name", "Club", "--owner", " "]);
    assert!(err.contains("owner"), "{err}");
    assert_eq!(profile_count(&env), 2);
}

#[test]
fn a_profile_the_operator_creates_without_an_owner_is_flagged() {
    let env = Env::init();
    let out = env.run(&["--format", "table", "profile", "create", "--name", "Family"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @r"
    warning: profile family has no owner: nobody but global admins can manage it
    hint: give it one with `roster member add family USER --role owner` (or create profiles with --owner USER)
    ");
    // -q says nothing; an owned profile, or one a user creates, needs no warning.
    env.user("bob@example.com", "Bob");
    for args in [
        vec!["-q", "profile", "create", "--name", "Quiet"],
        vec![
            "profile",
            "create",
            "--name",
            "Owned",
            "--owner",
            "bob@example.com",
        ],
        vec![
            "--as",
            "bob@example.com",
            "profile",
            "create",
            "--name",
            "Bob's",
        ],
    ] {
        let out = env.run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn owner_is_written_with_the_profile_and_audited_as_one_change() {
    let env = Env::init();
    env.user("ada@example.com", "Ada");
    let bob = env.user("bob@example.com", "Bob");
    env.ok(&["user", "update", "bob@example.com", "--username", "bobby"]);
    let before = env.audit_len();
    // By username; JSON shows the profile with its one member.
    let p = env.json(&["profile", "create", "--name", "Family", "--owner", "bobby"]);
    assert_eq!(p["slug"], "family");
    assert_eq!(p["member_count"], 1);
    let rows = env.json(&["audit"]);
    let rows = &rows.as_array().unwrap()[before..];
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0]["event"], "profile-create");
    assert_eq!(rows[0]["subject"], p["id"]);
    assert_eq!(rows[1]["event"], "member-add");
    assert_eq!(rows[1]["data"]["profile"], "family");
    assert_eq!(rows[1]["data"]["user_id"], bob["id"]);
    assert_eq!(rows[1]["data"]["role"], "owner");
    assert_eq!(rows[0]["actor"], rows[1]["actor"]);
    // The table line names the profile; no warning, as it has an owner.
    let out = env.run(&[
        "--format",
        "table",
        "profile",
        "create",
        "--name",
        "Office",
        "--owner",
        bob["id"].as_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("created profile office"));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    env.ok(&["doctor"]);
}

#[test]
fn a_disabled_or_unknown_owner_creates_nothing() {
    let env = Env::init();
    env.user("ada@example.com", "Ada");
    env.user("dan@example.com", "Dan");
    env.ok(&["user", "disable", "dan@example.com"]);
    let before = env.audit_len();
    let err = env.fails(
        68,
        &[
            "profile",
            "create",
            "--name",
            "Club",
            "--owner",
            "dan@example.com",
        ],
    );
    insta::assert_snapshot!(err, @r"
    error: user dan@example.com is disabled and cannot own profile club
    hint: a global admin can run `roster user enable dan@example.com` first
    ");
    let err = env.fails(
        67,
        &[
            "--json", "profile", "create", "--name", "Club", "--owner", "nobody",
        ],
    );
    let json: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(json["error"]["code"], 67);
    assert_eq!(profile_count(&env), 0);
    assert_eq!(env.audit_len(), before);
    // With --if-not-exists an existing profile is unchanged, whoever --owner names.
    env.profile("Club");
    let o = env.json(&[
        "profile",
        "create",
        "--name",
        "Club",
        "--owner",
        "ada@example.com",
        "--if-not-exists",
    ]);
    assert_eq!(o["member_count"], 0);
}

#[test]
fn the_command_the_ownerless_warning_gives_works() {
    let env = Env::init();
    env.user("ada@example.com", "Ada");
    env.user("bob@example.com", "Bob");
    let out = env.run(&["profile", "create", "--name", "Family"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // The command between the backquotes, with USER filled in.
    let command = stderr
        .split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no command in {stderr}"))
        .replace("USER", "bob@example.com");
    let args: Vec<&str> = command.split_whitespace().skip(1).collect();
    assert_eq!(args[..3], ["member", "add", "family"], "{command}");
    env.ok(&args);
    assert_eq!(
        roles_in(&env, "family"),
        [("bob@example.com".to_string(), "owner".to_string())]
    );
    // Bob now manages it himself: the profile has an owner.
    env.ok(&[
        "--as",
        "bob@example.com",
        "profile",
        "update",
        "family",
        "--name",
        "Smiths",
    ]);
    env.ok(&["doctor"]);
}

#[test]
fn a_seed_creates_an_owned_profile_in_one_event_and_gives_an_ownerless_one_its_owner() {
    let env = Env::new();
    let seed = r#"[
  {"event": "user-create", "data": {"email": "ada@example.com", "name": "Ada"}},
  {"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}},
  {"event": "profile-create", "data": {"name": "Family", "owner": "bob@example.com"}}
]"#;
    std::fs::write(env.path("s.json"), seed).unwrap();
    let report = env.json(&["seed", "s.json"]);
    assert_eq!(report["changed"], true);
    assert_eq!(
        roles_in(&env, "family"),
        [("bob@example.com".to_string(), "owner".to_string())]
    );
    // Again: all unchanged, nothing written.
    let audit = env.audit_len();
    let again = env.json(&["seed", "s.json"]);
    assert_eq!(again["changed"], false, "{again}");
    assert_eq!(env.audit_len(), audit);
    // A later seed naming another owner of a profile that has one changes nothing: the
    // owners stay as they are (ownership may have moved on with `profile-transfer`, which
    // is how a seed hands it over).
    std::fs::write(
        env.path("t.json"),
        seed.replace(
            "\"owner\": \"bob@example.com\"",
            "\"owner\": \"ada@example.com\"",
        ),
    )
    .unwrap();
    let report = env.json(&["seed", "t.json"]);
    assert_eq!(report["changed"], false, "{report}");
    assert_eq!(
        roles_in(&env, "family"),
        [("bob@example.com".to_string(), "owner".to_string())]
    );
    // A profile with no owner (the operator's) gets the seed's owner: `updated`.
    env.ok(&["profile", "create", "--name", "Office"]);
    std::fs::write(
        env.path("o.json"),
        r#"[{"event": "profile-create", "data": {"name": "Office", "owner": "ada@example.com"}}]"#,
    )
    .unwrap();
    let report = env.json(&["seed", "o.json"]);
    let pc = &report["summary"].as_array().unwrap()[0];
    assert_eq!(pc["updated"], 1, "{report}");
    assert_eq!(
        roles_in(&env, "office"),
        [("ada@example.com".to_string(), "owner".to_string())]
    );
    // An owner the seed does not know: 67 naming the event, nothing written.
    let before = env.audit_len();
    std::fs::write(
        env.path("u.json"),
        r#"[{"event": "profile-create", "data": {"name": "Club", "owner": "carol@example.com"}}]"#,
    )
    .unwrap();
    let err = env.fails(67, &["seed", "u.json"]);
    assert!(
        err.contains("u.json:1:2: event 1 (profile-create)") && err.contains("carol@example.com"),
        "{err}"
    );
    assert_eq!(env.audit_len(), before);
}

// ---------------------------------------------------------------- list and show

#[test]
fn anyone_lists_profiles_with_access_for_a_user() {
    let env = cast();
    env.profile("Zeta");
    env.profile("Alpha");
    // The operator: every profile, by slug, with member counts and no `access`.
    let list = env.json(&["profile", "list"]);
    assert_eq!(slugs(&list), ["alpha", "olive-s", "zeta"]);
    assert_eq!(list[1]["member_count"], 1);
    assert_eq!(list[0]["member_count"], 0);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p.get("access").is_none())
    );
    // A user who belongs nowhere sees them all, without access.
    let list = env.json(&["--as", "bob", "profile", "list"]);
    assert_eq!(slugs(&list), ["alpha", "olive-s", "zeta"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|p| p["access"] == false)
    );
    // A member has access where she belongs.
    let list = env.json(&["--as", "olive", "profile", "list"]);
    let access: Vec<bool> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["access"].as_bool().unwrap())
        .collect();
    assert_eq!(access, [false, true, false]);
    // A global admin has access everywhere.
    let list = env.json(&["--as", "ann", "profile", "list"]);
    assert!(list.as_array().unwrap().iter().all(|p| p["access"] == true));
}

#[test]
fn anyone_shows_a_profile_with_access_for_a_user() {
    let env = cast();
    let p = env.json(&["profile", "show", "olive-s"]);
    assert!(p.get("access").is_none());
    assert_eq!(
        env.json(&["--as", "bob", "profile", "show", "olive-s"])["access"],
        false
    );
    assert_eq!(
        env.json(&["--as", "olive", "profile", "show", "OLIVE-S"])["access"],
        true
    );
    assert_eq!(
        env.json(&["--as", "ann", "profile", "show", "olive-s"])["access"],
        true
    );
    let by_id = env.json(&["--as", "bob", "profile", "show", p["id"].as_str().unwrap()]);
    assert_eq!(by_id["slug"], "olive-s");
}

#[test]
fn a_missing_profile_is_67_with_a_suggestion() {
    let env = cast();
    let err = env.fails(67, &["profile", "show", "olives"]);
    insta::assert_snapshot!(err, @r#"
    error: profile "olives" does not exist
    hint: did you mean "olive-s"?
    hint: list profiles with `roster profile list`
    "#);
    env.fails(67, &["--as", "bob", "profile", "show", "nowhere"]);
    env.fails(67, &["profile", "update", "nowhere", "--name", "N"]);
    env.fails(
        67,
        &["--as", "ann", "profile", "update", "nowhere", "--name", "N"],
    );
    env.fails(67, &["--yes", "profile", "delete", "nowhere"]);
}

#[test]
fn profile_list_in_every_format() {
    let env = Env::init();
    env.json(&[
        "profile",
        "create",
        "--name",
        "Smith, \"The\" Family",
        "--slug",
        "smith",
    ]);
    env.profile("Office");
    let csv = env.ok(&["--format", "csv", "profile", "list"]);
    insta::assert_snapshot!(redact(&csv), @r#"
    id,slug,name,logo,color,member_limit,invitation_limit,require_verified_email,metadata,member_count,created_at,updated_at
    [id],office,Office,,#6366F1,100,100,false,{},0,2026-11-21T12:00:02.000Z,2026-11-21T12:00:02.000Z
    [id],smith,"Smith, ""The"" Family",,#6366F1,100,100,false,{},0,2026-11-21T12:00:01.000Z,2026-11-21T12:00:01.000Z
    "#);
    // For a user, `access` is a column too.
    env.user("ann@example.com", "Ann");
    let csv = env.ok(&[
        "--as",
        "ann@example.com",
        "--format",
        "csv",
        "profile",
        "list",
    ]);
    insta::assert_snapshot!(redact(&csv), @r#"
    id,slug,name,logo,color,member_limit,invitation_limit,require_verified_email,metadata,member_count,access,created_at,updated_at
    [id],office,Office,,#6366F1,100,100,false,{},0,true,2026-11-21T12:00:02.000Z,2026-11-21T12:00:02.000Z
    [id],smith,"Smith, ""The"" Family",,#6366F1,100,100,false,{},0,true,2026-11-21T12:00:01.000Z,2026-11-21T12:00:01.000Z
    "#);
    let jsonl = env.ok(&["--format", "jsonl", "profile", "list"]);
    assert_eq!(jsonl.lines().count(), 2);
    for l in jsonl.lines() {
        assert!(serde_json::from_str::<Value>(l).unwrap()["slug"].is_string());
    }
    let table = env.ok(&["--format", "table", "profile", "list"]);
    insta::assert_snapshot!(table, @r#"
    ╭────────┬─────────────────────┬─────────┬──────────────┬──────────────┬──────────────────╮
    │ slug   ┆ name                ┆ color   ┆ member_count ┆ member_limit ┆ invitation_limit │
    ╞════════╪═════════════════════╪═════════╪══════════════╪══════════════╪══════════════════╡
    │ office ┆ Office              ┆ #6366F1 ┆            0 ┆          100 ┆              100 │
    │ smith  ┆ Smith, "The" Family ┆ #6366F1 ┆            0 ┆          100 ┆              100 │
    ╰────────┴─────────────────────┴─────────┴──────────────┴──────────────┴──────────────────╯
    "#);
    // For a user, with the access column.
    let table = env.ok(&[
        "--as",
        "ann@example.com",
        "--format",
        "table",
        "profile",
        "list",
    ]);
    insta::assert_snapshot!(table, @r#"
    ╭────────┬─────────────────────┬─────────┬──────────────┬──────────────┬──────────────────┬────────╮
    │ slug   ┆ name                ┆ color   ┆ member_count ┆ member_limit ┆ invitation_limit ┆ access │
    ╞════════╪═════════════════════╪═════════╪══════════════╪══════════════╪══════════════════╪════════╡
    │ office ┆ Office              ┆ #6366F1 ┆            0 ┆          100 ┆              100 ┆ true   │
    │ smith  ┆ Smith, "The" Family ┆ #6366F1 ┆            0 ┆          100 ┆              100 ┆ true   │
    ╰────────┴─────────────────────┴─────────┴──────────────┴──────────────┴──────────────────┴────────╯
    "#);
    let out = env.ok(&["--format", "table", "profile", "show", "office"]);
    insta::assert_snapshot!(redact(&out), @"
    ╭────────────────────────┬──────────────────────────────────────╮
    │ field                  ┆ value                                │
    ╞════════════════════════╪══════════════════════════════════════╡
    │ id                     ┆ [id]                                 │
    │ slug                   ┆ office                               │
    │ name                   ┆ Office                               │
    │ logo                   ┆                                      │
    │ color                  ┆ #6366F1                              │
    │ member_limit           ┆ 100                                  │
    │ invitation_limit       ┆ 100                                  │
    │ require_verified_email ┆ false                                │
    │ metadata               ┆ {}                                   │
    │ member_count           ┆ 0                                    │
    │ created_at             ┆ 2026-11-21T12:00:02.000Z             │
    │ updated_at             ┆ 2026-11-21T12:00:02.000Z             │
    ╰────────────────────────┴──────────────────────────────────────╯
    ");
}

// ---------------------------------------------------------------- update

#[test]
fn the_operator_and_global_admins_update_any_profile() {
    let env = cast();
    let v = env.json(&[
        "profile",
        "update",
        "olive-s",
        "--name",
        "Olive's Place",
        "--color",
        "#abc",
        "--logo",
        "https://example.com/o.png",
        "--member-limit",
        "10",
        "--metadata",
        r#"{"x":1}"#,
    ]);
    assert_eq!(v["name"], "Olive's Place");
    assert_eq!(v["color"], "#AABBCC");
    assert_eq!(v["logo"], "https://example.com/o.png");
    assert_eq!(v["member_limit"], 10);
    assert_eq!(v["metadata"], json!({"x": 1}));
    assert_eq!(v["slug"], "olive-s", "the slug stays unless asked");
    assert_eq!(env.json(&["profile", "show", "olive-s"]), v);
    let v = env.json(&[
        "--as", "ann", "profile", "update", "olive-s", "--slug", "olives", "--logo", "",
    ]);
    assert_eq!(v["slug"], "olives");
    assert_eq!(v["logo"], Value::Null);
    env.fails(67, &["profile", "show", "olive-s"]);
    let rows = audit_events(&env, "profile-update");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["actor"], "operator:tester");
    assert_eq!(
        rows[0]["data"],
        json!({
            "name": "Olive's Place",
            "logo": "https://example.com/o.png",
            "color": "#AABBCC",
            "member_limit": 10,
            "metadata": {"x": 1},
        }),
        "only what changed"
    );
}

#[test]
fn a_profile_owner_and_admin_update_it() {
    let env = cast();
    // Olive owns it without being a global admin.
    let v = env.json(&[
        "--as", "olive", "profile", "update", "olive-s", "--color", "#123456",
    ]);
    assert_eq!(v["color"], "#123456");
    // A profile admin may too.
    add_member_row(&env, "olive-s", "bob@example.com", "admin");
    let v = env.json(&[
        "--as", "bob", "profile", "update", "olive-s", "--name", "By Bob",
    ]);
    assert_eq!(v["name"], "By Bob");
    assert_eq!(audit_events(&env, "profile-update").len(), 2);
}

#[test]
fn others_may_not_update_a_profile() {
    let env = cast();
    env.profile("Other");
    let before = env.audit_len();
    // Bob belongs nowhere.
    let err = env.fails(
        77,
        &[
            "--as", "bob", "profile", "update", "olive-s", "--name", "Mine",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not profile-update in olive-s: no role of theirs grants profile-update
    hint: the profile roles owner and admin, and the global role admin grant profile-update
    hint: `roster can bob@example.com profile-update olive-s` explains the decision
    ");
    // A missing profile looks the same as a forbidden one.
    let missing = env.fails(
        77,
        &["--as", "bob", "profile", "update", "nowhere", "--name", "N"],
    );
    assert!(!missing.contains("does not exist"), "{missing}");
    assert_eq!(missing.replace("nowhere", "olive-s"), err);
    // Olive owns olive-s, not other.
    env.fails(
        77,
        &[
            "--as", "olive", "profile", "update", "other", "--name", "Mine",
        ],
    );
    // A plain member may not.
    add_member_row(&env, "olive-s", "bob@example.com", "member");
    env.fails(
        77,
        &[
            "--as", "bob", "profile", "update", "olive-s", "--name", "Mine",
        ],
    );
    assert_eq!(env.json(&["profile", "show", "olive-s"])["name"], "Olive's");
    assert_eq!(env.audit_len(), before);
}

#[test]
fn update_validates_and_refuses_conflicts() {
    let env = cast();
    env.profile("Other");
    let before = env.json(&["profile", "show", "olive-s"]);
    for (args, field) in [
        (&["--slug", "Bad Slug"][..], "slug"),
        (&["--color", "red"], "color"),
        (&["--member-limit", "0"], "member_limit"),
        (&["--member-limit", "1000001"], "member_limit"),
        (&["--logo", "nope"], "logo"),
        (&["--metadata", "[1]"], "metadata"),
        (&["--name", ""], "name"),
    ] {
        let mut all = vec!["profile", "update", "olive-s"];
        all.extend_from_slice(args);
        let err = env.fails(65, &all);
        assert!(err.contains(field), "{args:?}: {err}");
    }
    let err = env.fails(68, &["profile", "update", "olive-s", "--slug", "other"]);
    insta::assert_snapshot!(redact(&err), @r#"error: slug "other" already belongs to profile [id]"#);
    // A limit below the current member count.
    add_member_row(&env, "olive-s", "bob@example.com", "member");
    let err = env.fails(68, &["profile", "update", "olive-s", "--member-limit", "1"]);
    insta::assert_snapshot!(err, @"
    error: profile olive-s: member_limit 1 is below its 2 members
    hint: remove members first, or choose a higher limit
    ");
    let mut after = env.json(&["profile", "show", "olive-s"]);
    assert_eq!(after["member_count"], 2);
    after["member_count"] = before["member_count"].clone();
    assert_eq!(after, before);
    env.json(&["profile", "update", "olive-s", "--member-limit", "2"]);
    let err = env.fails(2, &["profile", "update", "olive-s"]);
    insta::assert_snapshot!(err, @"
    error: profile update: nothing to change
    hint: give at least one of --name, --slug, --logo, --color, --member-limit, --invitation-limit, --require-verified-email, --metadata
    ");
}

#[test]
fn an_update_that_changes_nothing_is_unchanged_and_not_audited() {
    let env = Env::init();
    let p = env.json(&["profile", "create", "--name", "Family", "--color", "#abc"]);
    let before = env.audit_len();
    let v = env.json(&[
        "profile", "update", "family", "--color", "#AABBCC", "--name", "Family",
    ]);
    assert_eq!(v, p);
    assert_eq!(env.audit_len(), before);
    let line = env.ok(&[
        "--format", "table", "profile", "update", "family", "--color", "#aabbcc",
    ]);
    insta::assert_snapshot!(redact(&line), @"unchanged profile family (id [id])");
}

// ---------------------------------------------------------------- delete

#[test]
fn delete_needs_yes_without_a_terminal() {
    let env = cast();
    let err = env.fails(2, &["profile", "delete", "olive-s"]);
    insta::assert_snapshot!(redact(&err), @"
    this deletes profile olive-s (Olive's) with 1 member(s), 0 invitation(s) and 0 media item(s)
    error: delete profile olive-s: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    ");
    env.json(&["profile", "show", "olive-s"]);
}

#[test]
fn the_owner_and_global_admins_delete_a_profile_and_its_members() {
    let env = cast();
    add_member_row(&env, "olive-s", "bob@example.com", "admin");
    let p = env.json(&["profile", "show", "olive-s"]);
    let v = env.json(&["--as", "olive", "--yes", "profile", "delete", "olive-s"]);
    assert_eq!(v["id"], p["id"]);
    env.fails(67, &["profile", "show", "olive-s"]);
    let members = env.sql_value("SELECT count(*) FROM members");
    assert_eq!(members, "0", "memberships went with the profile");
    let rows = audit_events(&env, "profile-delete");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["subject"], p["id"]);
    assert_eq!(rows[0]["data"]["slug"], "olive-s");
    assert_eq!(rows[0]["data"]["members"], 2);
    // A global admin user, and the operator.
    env.profile("One");
    env.profile("Two");
    env.json(&["--as", "ann", "--yes", "profile", "delete", "one"]);
    let line = env.ok(&["--format", "table", "-y", "profile", "delete", "two"]);
    insta::assert_snapshot!(redact(&line), @"deleted profile two (id [id])");
    assert_eq!(profile_count(&env), 0);
}

#[test]
fn others_may_not_delete_a_profile() {
    let env = cast();
    let before = env.audit_len();
    // Not a member; a profile admin; a plain member: none may delete.
    env.fails(
        77,
        &["--as", "bob", "--yes", "profile", "delete", "olive-s"],
    );
    add_member_row(&env, "olive-s", "bob@example.com", "admin");
    let err = env.fails(
        77,
        &["--as", "bob", "--yes", "profile", "delete", "olive-s"],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not profile-delete in olive-s: no role of theirs grants profile-delete
    hint: the profile role owner, and the global role admin grant profile-delete
    hint: `roster can bob@example.com profile-delete olive-s` explains the decision
    ");
    // Refused before the confirmation is asked for.
    env.fails(77, &["--as", "bob", "profile", "delete", "olive-s"]);
    // A missing profile looks the same.
    env.fails(
        77,
        &["--as", "bob", "--yes", "profile", "delete", "nowhere"],
    );
    assert_eq!(profile_count(&env), 1);
    assert_eq!(env.audit_len(), before);
}

#[test]
fn a_slug_may_not_be_another_profiles_id_or_the_reverse() {
    let env = Env::init();
    env.json(&["profile", "create", "--name", "Home", "--id", "office"]);
    let err = env.fails(68, &["profile", "create", "--name", "Office"]);
    insta::assert_snapshot!(err, @r#"error: slug "office" is the id of profile home; a reference to it would be ambiguous"#);
    let err = env.fails(68, &["profile", "create", "--name", "X", "--id", "home"]);
    insta::assert_snapshot!(err, @r#"error: id "home" is the slug of profile office; a reference to it would be ambiguous"#);
    env.json(&[
        "profile", "create", "--name", "Same", "--id", "same", "--slug", "same",
    ]);
}

#[test]
fn an_update_may_not_give_a_profile_another_profiles_id_as_slug() {
    let env = Env::init();
    env.json(&[
        "profile", "create", "--name", "P", "--slug", "p", "--id", "pid",
    ]);
    env.json(&["profile", "create", "--name", "Q", "--slug", "q"]);
    let err = env.fails(68, &["profile", "update", "q", "--slug", "pid"]);
    insta::assert_snapshot!(err, @r#"error: slug "pid" is the id of profile p; a reference to it would be ambiguous"#);
}
