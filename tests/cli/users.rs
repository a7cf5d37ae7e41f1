//! `roster user …`: creation and validation, the rules of README "Concepts and rules" for users, passwords.

use std::process::Output;

use serde_json::Value;

use crate::common::*;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn emails(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|u| u["email"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// `user show` as JSON without its `memberships` (an array, checked), to compare with
/// the user as `user create` and `user update` print it.
fn shown(env: &Env, args: &[&str]) -> Value {
    let mut v = env.json(args);
    let memberships = v
        .as_object_mut()
        .and_then(|o| o.shift_remove("memberships"))
        .unwrap_or_else(|| panic!("no memberships in {v}"));
    assert!(memberships.is_array(), "{memberships}");
    v
}

fn user_count(env: &Env) -> usize {
    env.json(&["user", "list"]).as_array().map_or(0, Vec::len)
}

/// The audit rows with this event.
fn audit_events(env: &Env, event: &str) -> Vec<Value> {
    env.json(&["audit", "--event", event])
        .as_array()
        .unwrap()
        .clone()
}

/// Ann (the first user: a global admin) and Bob (a plain user).
fn ann_and_bob() -> (Env, Value, Value) {
    let env = Env::init();
    let ann = env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--username",
        "ann",
    ]);
    let bob = env.json(&[
        "user",
        "create",
        "--email",
        "bob@example.com",
        "--name",
        "Bob",
        "--username",
        "bob",
    ]);
    env.global_roles(&["support", "billing", "superuser"]);
    (env, ann, bob)
}

fn set_password(env: &Env, user: &str, pw: &str) {
    env.json_with(
        &["user", "passwd", user, "--password-stdin"],
        &format!("{pw}\n"),
    );
}

// ---------------------------------------------------------------- create

#[test]
fn the_first_user_becomes_a_global_admin_and_later_ones_do_not() {
    let env = Env::init();
    let ann = env.user("Ann@Example.COM", "Ann");
    assert_eq!(ann["roles"], serde_json::json!(["admin"]));
    assert_eq!(ann["is_admin"], true);
    let bob = env.user("bob@example.com", "Bob");
    assert_eq!(bob["roles"], serde_json::json!([]));
    assert_eq!(bob["is_admin"], false);
    // Stored so.
    let list = env.json(&["user", "list"]);
    assert_eq!(list[0]["is_admin"], true);
    assert_eq!(list[1]["is_admin"], false);
}

#[test]
fn the_first_user_keeps_other_roles_and_admin_once() {
    let env = Env::init();
    env.global_roles(&["support"]);
    let ann = env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--role",
        "support",
    ]);
    assert_eq!(ann["roles"], serde_json::json!(["admin", "support"]));
    let env = Env::init();
    let ann = env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--role",
        "ADMIN",
    ]);
    assert_eq!(ann["roles"], serde_json::json!(["admin"]));
}

#[test]
fn create_fills_in_the_defaults() {
    let env = Env::init();
    let u = env.user("  Ann.Smith@Example.COM ", "  Ann Smith  ");
    assert_eq!(u["email"], "ann.smith@example.com");
    assert_eq!(u["name"], "Ann Smith");
    assert_eq!(u["username"], Value::Null);
    assert_eq!(u["phone"], Value::Null);
    assert_eq!(u["image"], Value::Null);
    assert_eq!(u["type"], "person");
    assert_eq!(u["tags"], serde_json::json!([]));
    assert_eq!(u["metadata"], serde_json::json!({}));
    assert_eq!(u["active"], true);
    assert_eq!(u["has_password"], false);
    assert!(u.get("password_hash").is_none());
    let id = u["id"].as_str().unwrap();
    assert_eq!(id.len(), 36, "{id}");
    assert_eq!(&id[14..15], "7", "a UUID v7: {id}");
    let at = u["created_at"].as_str().unwrap();
    assert!(at.ends_with('Z') && at.len() == 24, "{at}");
    assert_eq!(u["created_at"], u["updated_at"]);
}

#[test]
fn create_takes_every_field() {
    let env = Env::init();
    env.global_roles(&["support", "billing"]);
    let u = env.json(&[
        "user",
        "create",
        "--id",
        "ann-01",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--username",
        "Ann_B.1",
        "--phone",
        "+1 (415) 555-0123",
        "--image",
        "https://img.example.com/ann.png",
        "--type",
        "Service",
        "--role",
        "Support",
        "--role",
        "billing",
        "--role",
        "support",
        "--tag",
        "beta",
        "--tag",
        "early adopter",
        "--tag",
        "beta",
        "--metadata",
        r#"{"theme":"dark","n":1}"#,
    ]);
    assert_eq!(u["id"], "ann-01");
    assert_eq!(u["username"], "Ann_B.1");
    assert_eq!(u["phone"], "+14155550123");
    assert_eq!(u["image"], "https://img.example.com/ann.png");
    assert_eq!(u["type"], "service");
    assert_eq!(
        u["roles"],
        serde_json::json!(["admin", "support", "billing"])
    );
    assert_eq!(u["tags"], serde_json::json!(["beta", "early adopter"]));
    assert_eq!(u["metadata"], serde_json::json!({"theme": "dark", "n": 1}));
    // Found again by id, email in any case, username in any case, and phone.
    for r in [
        "ann-01",
        "ANN@example.com",
        "ann_b.1",
        "+14155550123",
        "+1 415 555 0123",
    ] {
        let v = env.json(&["user", "show", r]);
        assert_eq!(v["id"], "ann-01", "{r}");
    }
}

#[test]
fn a_user_needs_an_email_username_or_phone_and_a_name() {
    let env = Env::init();
    let err = env.fails(2, &["user", "create", "--name", "Ann"]);
    insta::assert_snapshot!(err, @"
    error: user create: one of --email, --username and --phone is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster user create --email ann@example.com --name Ann
    ");
    let err = env.fails(2, &["user", "create", "--email", "ann@example.com"]);
    insta::assert_snapshot!(err, @"
    error: user create: --name is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster user create --email ann@example.com --name Ann
    ");
    // A username alone, or a phone alone, is enough.
    let u = env.json(&["user", "create", "--username", "ann", "--name", "Ann"]);
    assert_eq!(u["email"], Value::Null);
    let u = env.json(&[
        "user",
        "create",
        "--phone",
        "+442071838750",
        "--name",
        "Phil",
    ]);
    assert_eq!(u["phone"], "+442071838750");
    assert_eq!(user_count(&env), 2);
}

/// Every invalid value is refused with 65, naming the field and the value, and writes
/// nothing.
fn refuses_65(env: &Env, args: &[&str], field: &str, value_shown: &str) {
    let mut all = vec!["user", "create", "--name", "Ann"];
    if !args.contains(&"--email") {
        all.extend_from_slice(&["--email", "ann@example.com"]);
    }
    all.extend_from_slice(args);
    let err = env.fails(65, &all);
    assert!(err.contains(field), "{args:?}: no field {field:?} in {err}");
    assert!(
        err.contains(value_shown),
        "{args:?}: no value {value_shown:?} in {err}"
    );
}

#[test]
fn emails_are_validated() {
    let env = Env::init();
    for bad in [
        "bob",
        "bob@",
        "@example.com",
        "bob@localhost",
        "a b@example.com",
        "a@@example.com",
        "a@example..com",
        "a@-example.com",
        ".a@example.com",
        "a.@example.com",
        "a@exa_mple.com",
        "a<b>@example.com",
    ] {
        refuses_65(&env, &["--email", bad], "email", bad);
    }
    let long = format!("{}@example.com", "a".repeat(250));
    let err = env.fails(65, &["user", "create", "--name", "A", "--email", &long]);
    insta::assert_snapshot!(err, @r#"
    error: email "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…": is longer than 254 characters
    hint: an email looks like name@example.com
    "#);
    let err = env.fails(65, &["user", "create", "--name", "A", "--email", ""]);
    insta::assert_snapshot!(err, @r#"
    error: email "": is empty
    hint: an email looks like name@example.com
    "#);
    assert_eq!(user_count(&env), 0);
}

#[test]
fn usernames_are_validated() {
    let env = Env::init();
    for bad in ["a", "-ann", ".ann", "an n", "ann@home", "ann!", "ånn"] {
        let arg = format!("--username={bad}");
        refuses_65(&env, &[&arg], "username", bad);
    }
    refuses_65(&env, &["--username", &"a".repeat(33)], "username", "aaaa");
    env.json(&[
        "user",
        "create",
        "--name",
        "A",
        "--username",
        &"a".repeat(32),
    ]);
    env.json(&["user", "create", "--name", "B", "--username", "b2"]);
    assert_eq!(user_count(&env), 2);
}

#[test]
fn phones_are_validated() {
    let env = Env::init();
    for bad in [
        "4155550123",
        "+0123456789",
        "+12ab5550123",
        "+123456",
        "+1234567890123456",
    ] {
        let err = env.fails(65, &["user", "create", "--name", "P", "--phone", bad]);
        assert!(err.contains("phone"), "{bad}: {err}");
        assert!(err.contains("E.164"), "{bad}: {err}");
    }
    assert_eq!(user_count(&env), 0);
}

#[test]
fn names_are_validated() {
    let env = Env::init();
    for bad in ["", "   ", "a\u{7}b", "tab\there"] {
        let err = env.fails(
            65,
            &["user", "create", "--email", "a@example.com", "--name", bad],
        );
        assert!(err.contains("name"), "{bad:?}: {err}");
    }
    let long = "n".repeat(201);
    let err = env.fails(
        65,
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            &long,
        ],
    );
    insta::assert_snapshot!(err, @r#"error: name "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn…": is longer than 200 characters"#);
    env.json(&[
        "user",
        "create",
        "--email",
        "a@example.com",
        "--name",
        &"n".repeat(200),
    ]);
}

#[test]
fn images_are_validated() {
    let env = Env::init();
    for bad in [
        "ftp://example.com/a.png",
        "example.com/a.png",
        "https://",
        "https:///a.png",
        "https://example.com/a b.png",
    ] {
        refuses_65(&env, &["--image", bad], "image", bad);
    }
    let u = env.json(&[
        "user",
        "create",
        "--email",
        "a@example.com",
        "--name",
        "A",
        "--image",
        "http://example.com/a.png?size=64#x",
    ]);
    assert_eq!(u["image"], "http://example.com/a.png?size=64#x");
}

#[test]
fn ids_are_validated() {
    let env = Env::init();
    for bad in ["a/b", "a b", "ann@x", "é"] {
        refuses_65(&env, &["--id", bad], "id", bad);
    }
    refuses_65(&env, &["--id", &"i".repeat(65)], "id", "iiii");
    refuses_65(&env, &["--id", ""], "id", "\"\"");
    let u = env.json(&[
        "user",
        "create",
        "--email",
        "a@example.com",
        "--name",
        "A",
        "--id",
        &"i".repeat(64),
    ]);
    assert_eq!(u["id"], "i".repeat(64));
}

#[test]
fn roles_and_types_are_lower_case_words() {
    let env = Env::init();
    for bad in ["1admin", "super user", "", "a.b", &"r".repeat(33)] {
        let err = env.fails(
            65,
            &[
                "user",
                "create",
                "--email",
                "a@example.com",
                "--name",
                "A",
                "--role",
                bad,
            ],
        );
        assert!(err.contains("role"), "{bad:?}: {err}");
    }
    let err = env.fails(
        65,
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--type",
            "bot!",
        ],
    );
    assert!(err.contains("type"), "{err}");
    assert_eq!(user_count(&env), 0);
}

#[test]
fn tags_are_validated() {
    let env = Env::init();
    for bad in ["", "  ", "a\nb"] {
        let err = env.fails(
            65,
            &[
                "user",
                "create",
                "--email",
                "a@example.com",
                "--name",
                "A",
                "--tag",
                bad,
            ],
        );
        assert!(err.contains("tag"), "{bad:?}: {err}");
    }
    let long = "t".repeat(65);
    let err = env.fails(
        65,
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--tag",
            &long,
        ],
    );
    assert!(err.contains("longer than 64"), "{err}");
    assert_eq!(user_count(&env), 0);
}

#[test]
fn metadata_must_be_a_json_object() {
    let env = Env::init();
    for bad in ["{", "[1,2]", "3", "\"text\"", "null", "{'a':1}"] {
        let err = env.fails(
            65,
            &[
                "user",
                "create",
                "--email",
                "a@example.com",
                "--name",
                "A",
                "--metadata",
                bad,
            ],
        );
        assert!(err.contains("metadata"), "{bad}: {err}");
        assert!(err.contains("hint:"), "{bad}: {err}");
    }
    let big = format!(r#"{{"k":"{}"}}"#, "x".repeat(70_000));
    let err = env.fails(
        65,
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--metadata",
            &big,
        ],
    );
    insta::assert_snapshot!(err, @"error: metadata: 70008 bytes of JSON; at most 65536");
    assert_eq!(user_count(&env), 0);
    let u = env.json(&[
        "user",
        "create",
        "--email",
        "a@example.com",
        "--name",
        "A",
        "--metadata",
        r#"{"nested":{"list":[1,"two",null]}}"#,
    ]);
    assert_eq!(u["metadata"]["nested"]["list"][1], "two");
}

#[test]
fn a_duplicate_email_username_phone_or_id_is_a_conflict() {
    let env = Env::init();
    env.json(&[
        "user",
        "create",
        "--id",
        "ann",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--username",
        "annie",
        "--phone",
        "+14155550123",
    ]);
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "ANN@example.com",
            "--name",
            "Other",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"
    error: user "ann@example.com" already exists (id ann)
    hint: add --if-not-exists to treat an existing user as success
    "#);
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "x@example.com",
            "--username",
            "ANNIE",
            "--name",
            "X",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"error: username "ANNIE" already belongs to user ann@example.com (ann)"#);
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "y@example.com",
            "--phone",
            "+1 415 555 0123",
            "--name",
            "Y",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"error: phone "+14155550123" already belongs to user ann@example.com (ann)"#);
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--id",
            "ann",
            "--email",
            "z@example.com",
            "--name",
            "Z",
        ],
    );
    assert!(err.contains("ann"), "{err}");
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--id",
            "zed",
            "--email",
            "ann@example.com",
            "--name",
            "Z",
        ],
    );
    assert!(err.contains("ann@example.com"), "{err}");
    assert_eq!(user_count(&env), 1);
    assert_eq!(env.audit_len(), 1);
}

#[test]
fn if_not_exists_returns_the_existing_user_unchanged() {
    let env = Env::init();
    let ann = env.user("ann@example.com", "Ann");
    let out = env.run(&[
        "user",
        "create",
        "--email",
        "ANN@example.com",
        "--name",
        "Someone Else",
        "--if-not-exists",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let again: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(again, ann, "the existing record, untouched");
    insta::assert_snapshot!(text(&out.stderr), @"user ann@example.com already exists; nothing changed");
    assert_eq!(user_count(&env), 1);
    assert_eq!(env.audit_len(), 1, "nothing written");
    // In a table: one line saying so.
    let line = env.ok(&[
        "--format",
        "table",
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--if-not-exists",
    ]);
    insta::assert_snapshot!(redact(&line), @"unchanged user ann@example.com (id [id])");
    // A new user is still created.
    let bob = env.json(&[
        "user",
        "create",
        "--email",
        "bob@example.com",
        "--name",
        "Bob",
        "--if-not-exists",
    ]);
    assert_eq!(bob["name"], "Bob");
    assert_eq!(user_count(&env), 2);
}

#[test]
fn if_not_exists_does_not_pass_off_another_user_as_the_one_asked_for() {
    let env = Env::init();
    let ann = env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--username",
        "ann",
    ]);
    // carol@example.com does not exist, but the username belongs to Ann: a conflict, not
    // Ann's record reported as Carol's.
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "carol@example.com",
            "--username",
            "ANN",
            "--name",
            "Carol",
            "--if-not-exists",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"error: username "ANN" already belongs to user ann@example.com ([id])"#);
    assert_eq!(user_count(&env), 1);
    assert_eq!(shown(&env, &["user", "show", "ann"]), ann);
    // The same with an explicit id that is free.
    env.fails(
        68,
        &[
            "user",
            "create",
            "--id",
            "carol",
            "--email",
            "ann@example.com",
            "--name",
            "Carol",
            "--if-not-exists",
        ],
    );
    assert_eq!(user_count(&env), 1);
}

#[test]
fn if_not_exists_recognises_the_user_by_explicit_id() {
    let env = Env::init();
    let ann = env.json(&[
        "user",
        "create",
        "--id",
        "ann",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
    ]);
    let again = env.json(&[
        "user",
        "create",
        "--id",
        "ann",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--if-not-exists",
    ]);
    assert_eq!(again, ann);
    assert_eq!(env.audit_len(), 1);
}

#[test]
fn only_global_admins_create_users() {
    let (env, ann, _) = ann_and_bob();
    let before = env.audit_len();
    let err = env.fails(
        77,
        &[
            "--as",
            "bob",
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not user-create: no role of theirs grants user-create
    hint: the global role admin grants user-create
    hint: `roster can bob@example.com user-create` explains the decision
    ");
    // Even with --if-not-exists on an existing user, bob learns nothing.
    let err = env.fails(
        77,
        &[
            "--as",
            "bob",
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--if-not-exists",
        ],
    );
    assert!(!err.contains(ann["id"].as_str().unwrap()), "{err}");
    assert_eq!(user_count(&env), 2);
    assert_eq!(env.audit_len(), before);
    // A global admin may.
    let cy = env.json(&[
        "--as",
        "ann",
        "user",
        "create",
        "--email",
        "cy@example.com",
        "--name",
        "Cy",
    ]);
    assert_eq!(cy["is_admin"], false);
    let rows = audit_events(&env, "user-create");
    assert_eq!(
        rows.last().unwrap()["actor"],
        format!("user:{}", ann["id"].as_str().unwrap())
    );
}

// ---------------------------------------------------------------- list and show

#[test]
fn admins_list_everyone_and_a_user_only_themself() {
    let (env, _, _) = ann_and_bob();
    env.user("cy@example.com", "Cy");
    let all = ["ann@example.com", "bob@example.com", "cy@example.com"];
    assert_eq!(emails(&env.json(&["user", "list"])), all);
    assert_eq!(emails(&env.json(&["--as", "ann", "user", "list"])), all);
    assert_eq!(
        emails(&env.json(&["--as", "bob", "user", "list"])),
        ["bob@example.com"]
    );
    assert_eq!(
        emails(&env.json(&["--as", "CY@example.com", "user", "list"])),
        ["cy@example.com"]
    );
    let csv = env.ok(&["--as", "bob", "--format", "csv", "user", "list"]);
    assert_eq!(csv.lines().count(), 2, "{csv}");
}

#[test]
fn a_user_sees_themself_and_admins_see_anyone() {
    let (env, ann, bob) = ann_and_bob();
    assert_eq!(shown(&env, &["--as", "bob", "user", "show", "bob"]), bob);
    assert_eq!(
        shown(
            &env,
            &["--as", "bob", "user", "show", bob["id"].as_str().unwrap()]
        ),
        bob
    );
    let err = env.fails(77, &["--as", "bob", "user", "show", "ann"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not user-show: no role of theirs grants user-show
    hint: the global role admin grants user-show
    hint: `roster can bob@example.com user-show --record ann` explains the decision
    ");
    assert!(!err.contains(ann["id"].as_str().unwrap()), "{err}");
    // A missing user looks the same as a forbidden one to a non-admin.
    let err = env.fails(77, &["--as", "bob", "user", "show", "nobody@example.com"]);
    assert!(err.contains("permission denied"), "{err}");
    assert_eq!(shown(&env, &["--as", "ann", "user", "show", "bob"]), bob);
    assert_eq!(shown(&env, &["user", "show", "BOB@EXAMPLE.COM"]), bob);
}

#[test]
fn a_missing_user_is_67_with_a_suggestion() {
    let (env, _, _) = ann_and_bob();
    let err = env.fails(67, &["user", "show", "bbo@example.com"]);
    insta::assert_snapshot!(err, @r#"
    error: user "bbo@example.com" does not exist
    hint: did you mean "bob@example.com"?
    hint: list users with `roster user list`
    "#);
    let err = env.fails(67, &["--as", "ann", "user", "show", "zed"]);
    insta::assert_snapshot!(err, @r#"
    error: user "zed" does not exist
    hint: list users with `roster user list`
    "#);
    for args in [
        &["user", "update", "zed", "--name", "Z"][..],
        &["user", "grant", "zed", "admin"],
        &["user", "revoke", "zed", "admin"],
        &["user", "disable", "zed"],
        &["user", "enable", "zed"],
        &["--yes", "user", "delete", "zed"],
    ] {
        let err = env.fails(67, args);
        assert!(err.contains("\"zed\" does not exist"), "{args:?}: {err}");
    }
    let err = env.fails_with(
        67,
        &["user", "passwd", "zed", "--password-stdin"],
        "long enough\n",
    );
    assert!(err.contains("does not exist"), "{err}");
}

// ---------------------------------------------------------------- update

#[test]
fn a_user_updates_their_own_name_image_tags_and_metadata() {
    let (env, _, bob) = ann_and_bob();
    let v = env.json(&[
        "--as",
        "bob",
        "user",
        "update",
        "bob",
        "--name",
        "Robert",
        "--image",
        "https://example.com/bob.png",
        "--tag",
        "beta",
        "--tag",
        "night owl",
        "--metadata",
        r#"{"theme":"dark"}"#,
    ]);
    assert_eq!(v["id"], bob["id"]);
    assert_eq!(v["name"], "Robert");
    assert_eq!(v["image"], "https://example.com/bob.png");
    assert_eq!(v["tags"], serde_json::json!(["beta", "night owl"]));
    assert_eq!(v["metadata"], serde_json::json!({"theme": "dark"}));
    assert_eq!(v["email"], "bob@example.com");
    assert_eq!(shown(&env, &["user", "show", "bob"]), v);
    // '' removes the image; --clear-tags removes the tags.
    let v = env.json(&[
        "--as",
        "bob",
        "user",
        "update",
        "bob",
        "--image",
        "",
        "--clear-tags",
    ]);
    assert_eq!(v["image"], Value::Null);
    assert_eq!(v["tags"], serde_json::json!([]));
    let rows = audit_events(&env, "user-update");
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[0]["actor"],
        format!("user:{}", bob["id"].as_str().unwrap())
    );
    assert_eq!(rows[0]["data"]["name"], "Robert");
    assert!(rows[0]["data"].get("email").is_none(), "only what changed");
}

#[test]
fn a_user_may_not_change_their_own_identity_fields() {
    let (env, _, bob) = ann_and_bob();
    let before = env.audit_len();
    for args in [
        &["--email", "robert@example.com"][..],
        &["--username", "robert"],
        &["--phone", "+14155550123"],
        &["--type", "service"],
        &["--name", "Robert", "--email", "robert@example.com"],
    ] {
        let mut all = vec!["--as", "bob", "user", "update", "bob"];
        all.extend_from_slice(args);
        let err = env.fails(77, &all);
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @"
            error: permission denied: bob@example.com may not user-update: changing an email, username, phone or type needs a global admin
            hint: a global admin can change them; the user may change name, image, tags and metadata
            hint: `roster can bob@example.com user-update --record bob@example.com` explains the decision
            ");
        }
    }
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
    assert_eq!(env.audit_len(), before);
}

#[test]
fn a_user_may_not_update_someone_else() {
    let (env, ann, _) = ann_and_bob();
    let err = env.fails(
        77,
        &["--as", "bob", "user", "update", "ann", "--name", "Annie"],
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not user-update: no role of theirs grants user-update
    hint: the global role admin grants user-update
    hint: `roster can bob@example.com user-update --record ann` explains the decision
    ");
    let err = env.fails(
        77,
        &["--as", "bob", "user", "update", "nobody", "--name", "N"],
    );
    assert!(err.contains("permission denied"), "{err}");
    assert_eq!(shown(&env, &["user", "show", "ann"]), ann);
}

#[test]
fn admins_change_identity_fields() {
    let (env, _, _) = ann_and_bob();
    let v = env.json(&[
        "--as",
        "ann",
        "user",
        "update",
        "bob",
        "--email",
        "Robert@Example.com",
        "--username",
        "robert",
        "--phone",
        "+44 20 7183 8750",
        "--type",
        "Service",
    ]);
    assert_eq!(v["email"], "robert@example.com");
    assert_eq!(v["username"], "robert");
    assert_eq!(v["phone"], "+442071838750");
    assert_eq!(v["type"], "service");
    env.fails(67, &["user", "show", "bob@example.com"]);
    env.json(&["user", "show", "robert@example.com"]);
    // The operator too; '' removes an identifier while another remains.
    let v = env.json(&["user", "update", "robert", "--email", "", "--phone", ""]);
    assert_eq!(v["email"], Value::Null);
    assert_eq!(v["phone"], Value::Null);
    // ...but never the last one.
    let err = env.fails(65, &["user", "update", "robert", "--username", ""]);
    insta::assert_snapshot!(err, @"error: user robert: would have none of email, username and phone left");
    assert_eq!(env.json(&["user", "show", "robert"])["username"], "robert");
}

#[test]
fn update_validates_and_refuses_duplicates() {
    let (env, _, bob) = ann_and_bob();
    for (args, field) in [
        (&["--email", "not-an-email"][..], "email"),
        (&["--username", "x"], "username"),
        (&["--phone", "12"], "phone"),
        (&["--image", "ftp://x.example.com"], "image"),
        (&["--metadata", "[]"], "metadata"),
        (&["--name", " "], "name"),
        (&["--tag", ""], "tag"),
        (&["--type", "9"], "type"),
    ] {
        let mut all = vec!["user", "update", "bob"];
        all.extend_from_slice(args);
        let err = env.fails(65, &all);
        assert!(err.contains(field), "{args:?}: {err}");
    }
    let err = env.fails(68, &["user", "update", "bob", "--email", "ANN@example.com"]);
    insta::assert_snapshot!(redact(&err), @r#"error: email "ann@example.com" already belongs to user ann@example.com ([id])"#);
    let err = env.fails(68, &["user", "update", "bob", "--username", "Ann"]);
    insta::assert_snapshot!(redact(&err), @r#"error: username "Ann" already belongs to user ann@example.com ([id])"#);
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
    let err = env.fails(2, &["user", "update", "bob"]);
    insta::assert_snapshot!(err, @"
    error: user update: nothing to change
    hint: give at least one of --name, --image, --tag, --clear-tags, --metadata, --email, --username, --phone, --type
    ");
    // Without ROSTER_DB (how a PostgreSQL run names its database), which clap counts as a
    // --db given and would add to the usage line: a usage error never opens the database.
    let out = env
        .cmd()
        .env_remove("ROSTER_DB")
        .args(["user", "update", "bob", "--tag", "a", "--clear-tags"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(err, @"
    error: the argument '--tag <TAG>' cannot be used with '--clear-tags'

    Usage: roster user update --tag <TAG> <USER>

    For more information, try '--help'.
    ");
}

#[test]
fn an_update_that_changes_nothing_is_unchanged_and_not_audited() {
    let (env, _, bob) = ann_and_bob();
    let before = env.audit_len();
    let v = env.json(&["user", "update", "bob", "--name", "Bob"]);
    assert_eq!(v, bob, "updated_at untouched");
    assert_eq!(env.audit_len(), before);
    let line = env.ok(&[
        "--format", "table", "user", "update", "bob", "--name", "Bob",
    ]);
    insta::assert_snapshot!(redact(&line), @"unchanged user bob@example.com (id [id])");
}

#[test]
fn update_stamps_updated_at() {
    let (env, _, bob) = ann_and_bob();
    let o = env
        .cmd()
        .env("ROSTER_NOW", "2030-01-01T00:00:00Z")
        .args(["user", "update", "bob", "--name", "Robert"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(v["updated_at"], "2030-01-01T00:00:00.000Z");
    assert_eq!(v["created_at"], bob["created_at"]);
}

// ---------------------------------------------------------------- roles

#[test]
fn admins_grant_and_revoke_global_roles() {
    let (env, ann, bob) = ann_and_bob();
    let v = env.json(&["--as", "ann", "user", "grant", "bob", "Support", "billing"]);
    assert_eq!(v["roles"], serde_json::json!(["support", "billing"]));
    assert_eq!(v["is_admin"], false);
    let v = env.json(&["user", "grant", "bob", "admin"]);
    assert_eq!(v["is_admin"], true);
    // Bob, now an admin, may create users.
    env.json(&[
        "--as",
        "bob",
        "user",
        "create",
        "--email",
        "cy@example.com",
        "--name",
        "Cy",
    ]);
    let v = env.json(&["--as", "ann", "user", "revoke", "bob", "admin", "billing"]);
    assert_eq!(v["roles"], serde_json::json!(["support"]));
    assert_eq!(v["is_admin"], false);
    env.fails(
        77,
        &[
            "--as",
            "bob",
            "user",
            "create",
            "--email",
            "dee@example.com",
            "--name",
            "Dee",
        ],
    );
    let grants = audit_events(&env, "user-grant");
    assert_eq!(grants.len(), 2);
    assert_eq!(
        grants[0]["actor"],
        format!("user:{}", ann["id"].as_str().unwrap())
    );
    assert_eq!(grants[0]["subject"], bob["id"]);
    assert_eq!(
        grants[0]["data"]["roles"],
        serde_json::json!(["support", "billing"])
    );
    assert_eq!(audit_events(&env, "user-revoke").len(), 1);
}

#[test]
fn granting_a_role_held_already_is_unchanged() {
    let (env, _, _) = ann_and_bob();
    env.json(&["user", "grant", "bob", "support"]);
    let before = env.audit_len();
    let v = env.json(&["user", "grant", "bob", "SUPPORT"]);
    assert_eq!(v["roles"], serde_json::json!(["support"]));
    env.json(&["user", "revoke", "bob", "billing"]);
    assert_eq!(env.audit_len(), before);
}

#[test]
fn role_words_are_validated() {
    let (env, _, bob) = ann_and_bob();
    let err = env.fails(65, &["user", "grant", "bob", "super user"]);
    insta::assert_snapshot!(err, @r#"error: role "super user": must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter"#);
    let err = env.fails(65, &["user", "grant", "bob", "ok", "9lives"]);
    insta::assert_snapshot!(err, @r#"error: role "9lives": must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter"#);
    let err = env.fails(65, &["user", "revoke", "bob", "_x"]);
    insta::assert_snapshot!(err, @r#"error: role "_x": must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter"#);
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
}

#[test]
fn nobody_raises_their_own_roles() {
    let (env, ann, bob) = ann_and_bob();
    let before = env.audit_len();
    let err = env.fails(77, &["--as", "bob", "user", "grant", "bob", "admin"]);
    assert!(err.contains("permission denied"), "{err}");
    // Even a global admin may not change their own roles.
    let err = env.fails(77, &["--as", "ann", "user", "grant", "ann", "superuser"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: ann@example.com may not user-grant: user-grant is never done to oneself
    hint: another global admin, or the operator (without --as), can do this
    hint: `roster can ann@example.com user-grant --record ann@example.com --role superuser` explains the decision
    ");
    let err = env.fails(
        77,
        &["--as", "ann", "user", "revoke", "ann@example.com", "admin"],
    );
    assert!(err.contains("never done to oneself"), "{err}");
    // A non-admin may not touch anyone's roles.
    env.fails(77, &["--as", "bob", "user", "grant", "ann", "support"]);
    env.fails(77, &["--as", "bob", "user", "revoke", "ann", "admin"]);
    assert_eq!(shown(&env, &["user", "show", "ann"]), ann);
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
    assert_eq!(env.audit_len(), before);
}

// ---------------------------------------------------------------- disable and enable

#[test]
fn a_disabled_user_cannot_act_until_enabled() {
    let (env, _, bob) = ann_and_bob();
    let v = env.json(&["--as", "ann", "user", "disable", "bob"]);
    assert_eq!(v["active"], false);
    for args in [
        &["--as", "bob", "user", "list"][..],
        &["--as", "bob", "user", "show", "bob"],
        &["--as", "bob", "user", "update", "bob", "--name", "B"],
        &["--as", "bob@example.com", "profile", "list"],
        &["--as", bob["id"].as_str().unwrap(), "profile", "list"],
    ] {
        let err = env.fails(77, args);
        insta::allow_duplicates! {
            insta::assert_snapshot!(err, @"
            error: user bob@example.com is disabled and cannot act
            hint: a global admin can run `roster user enable bob@example.com`
            ");
        }
    }
    assert_eq!(env.json(&["user", "show", "bob"])["active"], false);
    let v = env.json(&["user", "enable", "bob"]);
    assert_eq!(v["active"], true);
    env.json(&["--as", "bob", "user", "list"]);
    assert_eq!(audit_events(&env, "user-disable").len(), 1);
    assert_eq!(audit_events(&env, "user-enable").len(), 1);
}

#[test]
fn a_disabled_admin_loses_their_powers() {
    let (env, _, _) = ann_and_bob();
    env.json(&["user", "grant", "bob", "admin"]);
    env.json(&["user", "disable", "bob"]);
    env.fails(
        77,
        &[
            "--as",
            "bob",
            "user",
            "create",
            "--email",
            "cy@example.com",
            "--name",
            "Cy",
        ],
    );
    env.fails(77, &["--as", "bob", "user", "enable", "bob"]);
    assert_eq!(user_count(&env), 2);
}

#[test]
fn only_admins_disable_and_never_themselves() {
    let (env, ann, bob) = ann_and_bob();
    let before = env.audit_len();
    env.fails(77, &["--as", "bob", "user", "disable", "ann"]);
    env.fails(77, &["--as", "bob", "user", "disable", "bob"]);
    let err = env.fails(77, &["--as", "ann", "user", "disable", "ann"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: ann@example.com may not user-disable: user-disable is never done to oneself
    hint: another global admin, or the operator (without --as), can do this
    hint: `roster can ann@example.com user-disable --record ann@example.com` explains the decision
    ");
    env.fails(77, &["--as", "bob", "user", "enable", "bob"]);
    assert_eq!(shown(&env, &["user", "show", "ann"]), ann);
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
    assert_eq!(env.audit_len(), before);
    // Disabling twice is unchanged.
    env.json(&["user", "disable", "bob"]);
    let n = env.audit_len();
    env.json(&["user", "disable", "bob"]);
    assert_eq!(env.audit_len(), n);
}

// ---------------------------------------------------------------- delete

#[test]
fn delete_needs_yes_without_a_terminal() {
    let (env, _, bob) = ann_and_bob();
    let err = env.fails(2, &["user", "delete", "bob"]);
    insta::assert_snapshot!(redact(&err), @"
    this deletes user bob@example.com ([id]) and their 0 memberships
    error: delete user bob@example.com: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    ");
    let err = env.fails(2, &["--no-input", "user", "delete", "bob"]);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(shown(&env, &["user", "show", "bob"]), bob);
}

#[test]
fn admins_delete_users() {
    let (env, ann, bob) = ann_and_bob();
    let v = env.json(&["--as", "ann", "--yes", "user", "delete", "bob"]);
    assert_eq!(v["id"], bob["id"]);
    env.fails(67, &["user", "show", "bob"]);
    assert_eq!(user_count(&env), 1);
    let rows = audit_events(&env, "user-delete");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["subject"], bob["id"]);
    assert_eq!(
        rows[0]["actor"],
        format!("user:{}", ann["id"].as_str().unwrap())
    );
    assert_eq!(rows[0]["data"]["email"], "bob@example.com");
    // -y works too, and a table says what went.
    env.user("cy@example.com", "Cy");
    let line = env.ok(&[
        "-y",
        "--format",
        "table",
        "user",
        "delete",
        "cy@example.com",
    ]);
    insta::assert_snapshot!(redact(&line), @"deleted user cy@example.com (id [id])");
}

#[test]
fn only_admins_delete_and_never_themselves() {
    let (env, _, _) = ann_and_bob();
    let before = env.audit_len();
    let err = env.fails(77, &["--as", "bob", "--yes", "user", "delete", "ann"]);
    assert!(err.contains("permission denied"), "{err}");
    // Refused before any confirmation is asked for.
    env.fails(77, &["--as", "bob", "user", "delete", "ann"]);
    env.fails(77, &["--as", "bob", "--yes", "user", "delete", "bob"]);
    let err = env.fails(77, &["--as", "ann", "--yes", "user", "delete", "ann"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: ann@example.com may not user-delete: user-delete is never done to oneself
    hint: another global admin, or the operator (without --as), can do this
    hint: `roster can ann@example.com user-delete --record ann@example.com` explains the decision
    ");
    assert_eq!(user_count(&env), 2);
    assert_eq!(env.audit_len(), before);
}

#[test]
fn the_last_owner_of_a_profile_cannot_be_deleted() {
    let (env, _, bob) = ann_and_bob();
    // Bob owns a profile: made an admin, he creates it as himself, then loses the role.
    env.json(&["user", "grant", "bob", "admin"]);
    let p = env.json(&["--as", "bob", "profile", "create", "--name", "Bob's Family"]);
    assert_eq!(p["slug"], "bob-s-family");
    assert_eq!(p["member_count"], 1);
    env.json(&["user", "revoke", "bob", "admin"]);
    let before = env.audit_len();
    let err = env.fails(68, &["--yes", "user", "delete", "bob"]);
    insta::assert_snapshot!(err, @"
    error: user bob@example.com is the last owner of profile bob-s-family
    hint: transfer ownership first: `roster profile transfer bob-s-family USER`, then delete
    ");
    // Refused before any confirmation, too.
    env.fails(68, &["user", "delete", "bob"]);
    assert_eq!(env.json(&["user", "show", "bob"])["id"], bob["id"]);
    assert_eq!(env.audit_len(), before);
    // Once the profile is gone, so can he be.
    env.json(&["--yes", "profile", "delete", "bob-s-family"]);
    env.json(&["--yes", "user", "delete", "bob"]);
    assert_eq!(user_count(&env), 1);
}

// ---------------------------------------------------------------- passwords

#[test]
fn create_with_a_password_from_stdin() {
    let env = Env::init();
    let u = env.json_with(
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--password-stdin",
        ],
        "correct horse battery\n",
    );
    assert_eq!(u["has_password"], true);
    let hash = env.sql_value("SELECT password_hash FROM users WHERE email = 'ann@example.com'");
    assert!(hash.starts_with("$argon2id$v=19$"), "{hash}");
    assert!(!hash.contains("correct horse"));
    // A CRLF line ending is not part of the password: the same password verifies.
    env.json_with(
        &[
            "--as",
            "ann@example.com",
            "user",
            "passwd",
            "ann@example.com",
            "--password-stdin",
        ],
        "correct horse battery\r\nanother password\r\n",
    );
}

#[test]
fn passwords_are_checked_for_length() {
    let env = Env::init();
    let err = env.fails_with(
        65,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--password-stdin",
        ],
        "short\n",
    );
    insta::assert_snapshot!(err, @"error: password: too short (5 characters; at least 8 are needed)");
    let long = "x".repeat(1025);
    let err = env.fails_with(
        65,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--password-stdin",
        ],
        &format!("{long}\n"),
    );
    insta::assert_snapshot!(err, @"error: password: too long (1025 bytes; at most 1024)");
    assert_eq!(user_count(&env), 0);
    // Eight characters and 1024 bytes are fine.
    env.json_with(
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--password-stdin",
        ],
        "12345678\n",
    );
    env.json_with(
        &[
            "user",
            "create",
            "--email",
            "b@example.com",
            "--name",
            "B",
            "--password-stdin",
        ],
        &"x".repeat(1024),
    );
}

#[test]
fn an_empty_password_stdin_is_invalid() {
    let env = Env::init();
    for stdin in ["", "\n", "\r\n"] {
        let err = env.fails_with(
            65,
            &[
                "user",
                "create",
                "--email",
                "ann@example.com",
                "--name",
                "Ann",
                "--password-stdin",
            ],
            stdin,
        );
        assert!(err.contains("--password-stdin"), "{stdin:?}: {err}");
    }
    assert_eq!(user_count(&env), 0);
    env.user("ann@example.com", "Ann");
    let err = env.fails_with(
        65,
        &["user", "passwd", "ann@example.com", "--password-stdin"],
        "",
    );
    insta::assert_snapshot!(err, @"error: --password-stdin: expected 1 non-empty line on stdin");
    assert_eq!(
        env.json(&["user", "show", "ann@example.com"])["has_password"],
        false
    );
}

#[test]
fn create_validates_before_reading_a_password() {
    let env = Env::init();
    // The bad email is reported, not the missing password.
    let err = env.fails_with(
        65,
        &[
            "user",
            "create",
            "--email",
            "bad",
            "--name",
            "Ann",
            "--password-stdin",
        ],
        "",
    );
    assert!(err.contains("email"), "{err}");
}

#[test]
fn passwd_without_stdin_and_without_a_terminal_is_a_usage_error() {
    let (env, _, _) = ann_and_bob();
    let err = env.fails(2, &["user", "passwd", "bob"]);
    insta::assert_snapshot!(err, @"
    error: New password: no password given, and there is no terminal to ask
    hint: pipe it in with --password-stdin (passwords are never taken as arguments)
    ");
    set_password(&env, "bob", "first password");
    let err = env.fails(2, &["--as", "bob", "user", "passwd", "bob"]);
    insta::assert_snapshot!(err, @"
    error: user passwd: the current password is needed, and there is no terminal to ask
    hint: pipe the current and the new password, one per line, with --password-stdin
    ");
}

#[test]
fn admins_set_anyones_password_without_the_current_one() {
    let (env, ann, bob) = ann_and_bob();
    set_password(&env, "bob", "first password");
    let v = env.json_with(
        &["--as", "ann", "user", "passwd", "bob", "--password-stdin"],
        "second password\n",
    );
    assert_eq!(v["id"], bob["id"]);
    assert_eq!(v["has_password"], true);
    let line = env.ok_with(
        &[
            "--format",
            "table",
            "user",
            "passwd",
            "bob",
            "--password-stdin",
        ],
        "third password\n",
    );
    assert_eq!(line, "password changed for user bob@example.com\n");
    let rows = audit_events(&env, "user-passwd");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["actor"], "operator:tester");
    assert_eq!(
        rows[1]["actor"],
        format!("user:{}", ann["id"].as_str().unwrap())
    );
    assert_eq!(rows[1]["data"], serde_json::json!({"password": "changed"}));
    // Bob's password is now the third one.
    env.json_with(
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "third password\nfourth password\n",
    );
}

#[test]
fn a_user_changes_their_own_password_with_the_current_one() {
    let (env, _, bob) = ann_and_bob();
    // No password yet: one line, the new one.
    let v = env.json_with(
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\n",
    );
    assert_eq!(v["has_password"], true);
    // Now two lines: the current, then the new.
    let before = env.audit_len();
    let err = env.fails_with(
        77,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "wrong password\nsecond password\n",
    );
    insta::assert_snapshot!(err, @"
    error: wrong current password
    hint: changing your own password needs the current one first
    ");
    assert_eq!(env.audit_len(), before, "a refused change writes nothing");
    let err = env.fails_with(
        65,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\n",
    );
    insta::assert_snapshot!(err, @"error: --password-stdin: expected 2 non-empty lines on stdin");
    env.json_with(
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\nsecond password\n",
    );
    assert_eq!(env.audit_len(), before + 1);
    // The old one no longer works; the new one does.
    env.fails_with(
        77,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\nthird password\n",
    );
    env.json_with(
        &[
            "--as",
            bob["id"].as_str().unwrap(),
            "user",
            "passwd",
            "bob@example.com",
            "--password-stdin",
        ],
        "second password\nthird password\n",
    );
}

#[test]
fn a_new_password_that_is_too_short_is_refused_even_on_yourself() {
    let (env, _, _) = ann_and_bob();
    set_password(&env, "bob", "first password");
    let err = env.fails_with(
        65,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\nshort\n",
    );
    assert!(err.contains("too short"), "{err}");
    env.json_with(
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        "first password\nlong enough now\n",
    );
}

#[test]
fn a_user_may_not_set_someone_elses_password() {
    let (env, ann, _) = ann_and_bob();
    let before = env.audit_len();
    let err = env.fails_with(
        77,
        &["--as", "bob", "user", "passwd", "ann", "--password-stdin"],
        "a new password\n",
    );
    assert!(err.contains("permission denied"), "{err}");
    env.fails_with(
        77,
        &[
            "--as",
            "bob",
            "user",
            "passwd",
            "nobody",
            "--password-stdin",
        ],
        "a new password\n",
    );
    assert_eq!(shown(&env, &["user", "show", "ann"]), ann);
    assert_eq!(env.audit_len(), before);
}

/// Every output of every command, stdout and stderr, in every format.
fn all_output(o: &Output) -> String {
    format!("{}{}", text(&o.stdout), text(&o.stderr))
}

#[test]
fn a_password_never_appears_in_any_output_or_the_audit() {
    let env = Env::init();
    let secret = "Tr0ub4dor&3-very-secret";
    let mut seen = String::new();
    let mut run = |code: i32, args: &[&str], stdin: &str| {
        let o = env.run_with(args, stdin);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {}", text(&o.stderr));
        seen.push_str(&all_output(&o));
    };
    run(
        0,
        &[
            "user",
            "create",
            "--email",
            "ann@example.com",
            "--name",
            "Ann",
            "--password-stdin",
        ],
        &format!("{secret}\n"),
    );
    run(
        0,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--username",
            "bob",
            "--name",
            "Bob",
            "--password-stdin",
        ],
        &format!("{secret}\n"),
    );
    run(
        0,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        &format!("{secret}\n{secret}-2\n"),
    );
    run(
        77,
        &["--as", "bob", "user", "passwd", "bob", "--password-stdin"],
        &format!("wrong-{secret}\n{secret}-3\n"),
    );
    run(
        65,
        &["user", "passwd", "ann@example.com", "--password-stdin"],
        "short\n",
    );
    run(
        68,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "B",
            "--password-stdin",
        ],
        &format!("{secret}\n"),
    );
    run(
        0,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--name",
            "B",
            "--password-stdin",
            "--if-not-exists",
        ],
        &format!("{secret}\n"),
    );
    run(0, &["user", "update", "bob", "--name", "Robert"], "");
    run(
        0,
        &[
            "role",
            "create",
            "support",
            "--scope",
            "global",
            "--allow",
            "user-list",
        ],
        "",
    );
    run(0, &["user", "grant", "bob", "support"], "");
    run(0, &["user", "disable", "bob"], "");
    for format in ["json", "jsonl", "csv", "table"] {
        run(0, &["--format", format, "user", "list"], "");
        run(0, &["--format", format, "user", "show", "bob"], "");
        run(0, &["--format", format, "audit"], "");
        run(0, &["--format", format, "audit", "verify"], "");
    }
    run(0, &["--yes", "user", "delete", "bob"], "");
    run(0, &["--json", "audit"], "");
    run(0, &["--json", "-v", "audit", "--event", "user-passwd"], "");
    assert!(seen.contains("has_password"), "sanity: {seen}");
    for needle in ["password_hash", "$argon2", "argon2id", secret] {
        assert!(!seen.contains(needle), "{needle:?} appeared in:\n{seen}");
    }
    // The audit rows themselves, read directly.
    let rows: usize = env.sql_value("SELECT count(*) FROM audit").parse().unwrap();
    let data: Vec<String> = (0..rows)
        .map(|i| {
            env.sql_value(&format!(
                "SELECT data FROM audit ORDER BY seq LIMIT 1 OFFSET {i}"
            ))
        })
        .collect();
    assert_eq!(data.len(), 8, "{data:?}");
    for d in data {
        assert!(
            !d.contains("argon2") && !d.contains(secret) && !d.contains("password_hash"),
            "{d}"
        );
    }
}

/// Adds a membership directly in the database (the `member` commands are tested
/// elsewhere).
fn add_member_row(env: &Env, profile_slug: &str, user_email: &str, role: &str) {
    env.sql(&format!(
        "INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
         SELECT 'm-{profile_slug}-{user_email}', p.id, u.id, '{role}',
                '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'
         FROM profiles p, users u WHERE p.slug = '{profile_slug}' AND u.email = '{user_email}'"
    ));
}

#[test]
fn deleting_a_user_removes_their_memberships() {
    let (env, _, bob) = ann_and_bob();
    env.profile("Family");
    env.profile("Office");
    add_member_row(&env, "family", "bob@example.com", "member");
    add_member_row(&env, "office", "bob@example.com", "admin");
    let err = env.fails(2, &["user", "delete", "bob"]);
    insta::assert_snapshot!(redact(&err), @"
    this deletes user bob@example.com ([id]) and their 2 memberships
    error: delete user bob@example.com: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    ");
    env.json(&["--yes", "user", "delete", "bob"]);
    assert_eq!(env.sql_value("SELECT count(*) FROM members"), "0");
    let rows = audit_events(&env, "user-delete");
    assert_eq!(rows[0]["subject"], bob["id"]);
    assert_eq!(rows[0]["data"]["memberships"], 2);
    let family = env.json(&["profile", "show", "family"]);
    assert_eq!(family["member_count"], 0);
}

#[test]
fn one_of_two_owners_may_be_deleted() {
    let (env, _, _) = ann_and_bob();
    env.json(&["user", "grant", "bob", "admin"]);
    env.json(&["--as", "bob", "profile", "create", "--name", "Family"]);
    env.json(&["user", "revoke", "bob", "admin"]);
    env.user("cy@example.com", "Cy");
    add_member_row(&env, "family", "cy@example.com", "owner");
    env.json(&["--yes", "user", "delete", "bob"]);
    let p = env.json(&["profile", "show", "family"]);
    assert_eq!(p["member_count"], 1);
    // Cy is now the last owner.
    let err = env.fails(68, &["--yes", "user", "delete", "cy@example.com"]);
    assert!(err.contains("last owner of profile family"), "{err}");
}

#[test]
fn deeply_nested_metadata_is_refused_without_a_panic() {
    let env = Env::init();
    let deep = format!(
        "{}{}",
        "{\"a\":".repeat(5000),
        "1".to_string() + &"}".repeat(5000)
    );
    let err = env.fails(
        65,
        &[
            "user",
            "create",
            "--email",
            "a@example.com",
            "--name",
            "A",
            "--metadata",
            &deep,
        ],
    );
    insta::assert_snapshot!(err, @r#"
    error: metadata "{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":…": is not valid JSON (recursion limit exceeded at line 1 column 636)
    hint: give a JSON object, such as --metadata '{"plan":"family"}'
    "#);
    assert_eq!(user_count(&env), 0);
}

#[test]
fn an_id_may_not_be_another_users_username_or_the_reverse() {
    let env = Env::init();
    env.json(&[
        "user",
        "create",
        "--email",
        "a@x.io",
        "--name",
        "A",
        "--username",
        "bob",
    ]);
    let err = env.fails(
        68,
        &[
            "user", "create", "--email", "b@x.io", "--name", "B", "--id", "bob",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"error: id "bob" is the username of user a@x.io; a reference to it would be ambiguous"#);
    env.json(&[
        "user", "create", "--email", "c@x.io", "--name", "C", "--id", "carol",
    ]);
    let err = env.fails(
        68,
        &[
            "user",
            "create",
            "--email",
            "d@x.io",
            "--name",
            "D",
            "--username",
            "carol",
        ],
    );
    insta::assert_snapshot!(redact(&err), @r#"error: username "carol" is the id of user c@x.io; a reference to it would be ambiguous"#);
    // The same name for one user's id and username is fine.
    env.json(&[
        "user",
        "create",
        "--email",
        "e@x.io",
        "--name",
        "E",
        "--id",
        "eve",
        "--username",
        "eve",
    ]);
}

#[test]
fn passwd_refuses_a_stranger_before_looking_at_the_password() {
    let env = Env::init();
    env.user("admin@x.io", "Admin");
    env.user("a@x.io", "A");
    env.user("b@x.io", "B");
    // Too short, but the rule comes first: 77, not 65.
    let err = env.fails_with(
        77,
        &[
            "--as",
            "a@x.io",
            "user",
            "passwd",
            "b@x.io",
            "--password-stdin",
        ],
        "short\n",
    );
    insta::assert_snapshot!(err, @"
    error: permission denied: a@x.io may not user-passwd: no role of theirs grants user-passwd
    hint: the global role admin grants user-passwd
    hint: `roster can a@x.io user-passwd --record b@x.io` explains the decision
    ");
}

#[test]
fn a_setup_error_is_also_a_json_object_with_json() {
    let env = Env::init();
    let out = env
        .cmd()
        .env("ROSTER_NOW", "yesterday")
        .args(["--json", "user", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(text(&out.stderr), @r#"
    error: ROSTER_NOW "yesterday" is not an RFC 3339 time
    hint: for example ROSTER_NOW=2026-11-21T12:00:00Z, or unset it
    {"error":{"code":2,"kind":"usage","message":"ROSTER_NOW \"yesterday\" is not an RFC 3339 time","hint":"for example ROSTER_NOW=2026-11-21T12:00:00Z, or unset it"}}
    "#);
}
