//! `roster seed --from stackpress`: a Stackpress populate list (README "Stackpress populate
//! files") — people and their sign-ins become users through the one user-create action,
//! atomically and idempotently, with errors located in the original file; and the hint a
//! person gets when it is read as a roster profile-create.

use serde_json::json;

use crate::common::*;
use crate::seeds::{
    all_unchanged, counts, database_exists, expect, pos, seed, snapshot, user_count, write,
};

/// The guide's own example: a person, without an auth.
const GUIDE: &str = r#"[
  {"event": "profile-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["ADMIN"]}}
]"#;

/// People with their sign-ins, the auths before and after the person they belong to.
const PEOPLE: &str = r#"[
  {"event": "profile-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["ADMIN"]}},
  {"event": "auth-create", "data": {"profileId": "jane", "type": "username", "token": "jane", "secret": "jane-password"}},
  {"event": "profile-create", "data": {"id": "jane", "name": "Jane Doe", "image": "https://example.com/jane.png", "type": "person", "roles": [], "tags": ["beta"], "references": {"crm": "J-17"}}},
  {"event": "auth-create", "data": {"profileId": "jane", "type": "email", "token": "Jane@Example.com", "secret": "jane-password", "verified": true}},
  {"event": "auth-create", "data": {"profileId": "sam", "type": "phone", "token": "+15551234567", "secret": "sam-password"}},
  {"event": "profile-create", "data": {"id": "sam", "name": "Sam", "type": "person"}}
]"#;

fn user(env: &Env, who: &str) -> serde_json::Value {
    env.json(&["user", "show", who])
}

#[test]
fn the_guides_example_loads_and_a_second_run_changes_nothing() {
    let env = Env::new();
    write(&env, "populate.json", GUIDE);
    let report = seed(&env, &["--from", "stackpress", "populate.json"]);
    assert_eq!(counts(&report), expect(&[("user-create", [1, 0, 0, 0])]));
    let u = user(&env, "developer");
    assert_eq!(u["id"], json!("developer"));
    // No auth-create: the person signs in by its id.
    assert_eq!(u["username"], json!("developer"));
    assert_eq!(u["type"], json!("person"));
    // Stackpress's ADMIN is roster's admin.
    assert_eq!(u["roles"], json!(["admin"]));
    let before = snapshot(&env);
    let again = seed(&env, &["--from", "stackpress", "populate.json"]);
    all_unchanged(&again);
    assert_eq!(snapshot(&env), before, "a second run wrote something");
    // What was applied is the user-create action: its audit row.
    let audit = env.json(&["audit", "--event", "user-create"]);
    assert_eq!(audit.as_array().map(Vec::len), Some(1), "{audit}");
    assert_eq!(audit[0]["source"], json!("seed:populate.json"));
}

#[test]
fn auths_give_people_their_email_username_phone_and_password() {
    let env = Env::new();
    write(&env, "populate.json", PEOPLE);
    let report = seed(&env, &["--from", "stackpress", "populate.json"]);
    // Six events written, three people: each person and its auths is one user-create.
    assert_eq!(report["events"], json!(3));
    assert_eq!(counts(&report), expect(&[("user-create", [3, 0, 0, 0])]));
    let jane = user(&env, "jane");
    assert_eq!(jane["email"], json!("jane@example.com"));
    assert_eq!(jane["username"], json!("jane"));
    assert_eq!(jane["image"], json!("https://example.com/jane.png"));
    assert_eq!(jane["tags"], json!(["beta"]));
    assert_eq!(jane["metadata"], json!({"crm": "J-17"}));
    assert_eq!(jane["has_password"], json!(true));
    assert!(jane["email_verified_at"].is_string(), "{jane}");
    let sam = user(&env, "sam");
    assert_eq!(sam["phone"], json!("+15551234567"));
    assert_eq!(
        sam["username"],
        json!(null),
        "an auth, not the id, is its sign-in"
    );
    // The secret is the password, hashed as every seed's is.
    let out = env.run_with(
        &["login", "jane@example.com", "--password-stdin"],
        "jane-password\n",
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let wrong = env.fails_with(
        77,
        &["login", "jane", "--password-stdin"],
        "not-hers-at-all\n",
    );
    assert!(wrong.contains("password"), "{wrong}");
    // Idempotent, the passwords included.
    let before = snapshot(&env);
    all_unchanged(&seed(&env, &["--from", "stackpress", "populate.json"]));
    assert_eq!(snapshot(&env), before);
}

#[test]
fn dry_run_and_check_read_stackpress_files_too() {
    let env = Env::new();
    write(&env, "populate.json", PEOPLE);
    env.fails(
        1,
        &["seed", "--check", "--from", "stackpress", "populate.json"],
    );
    let plan = env.ok(&[
        "--format",
        "table",
        "seed",
        "--dry-run",
        "--from",
        "stackpress",
        "populate.json",
    ]);
    assert!(
        plan.contains("user-create") && plan.contains("created"),
        "{plan}"
    );
    assert!(!database_exists(&env), "a dry run left a database behind");
    seed(&env, &["--from", "stackpress", "populate.json"]);
    env.ok(&["seed", "--check", "--from", "stackpress", "populate.json"]);
}

#[test]
fn an_undefined_role_is_refused_as_user_create_refuses_it_and_nothing_is_written() {
    let env = Env::new();
    let text = r#"[
  {"event": "profile-create", "data": {"id": "developer", "name": "Developer", "roles": ["ADMIN"]}},
  {"event": "profile-create", "data": {"id": "ann", "name": "Ann", "type": "person", "roles": ["USER"]}}
]"#;
    write(&env, "populate.json", text);
    let err = env.fails(67, &["seed", "--from", "stackpress", "populate.json"]);
    assert!(
        err.contains(&format!(
            "populate.json:{}: event 2 (profile-create as user-create): global role \"user\" is not defined",
            pos(text, 3, "{\"event\"")
        )),
        "{err}"
    );
    assert!(
        err.contains("hint: define it: `roster role create user --scope global"),
        "{err}"
    );
    assert_eq!(user_count(&env), 0, "the first person was written");
    // Allowed once the role is defined: a roster event in the same file passes through.
    let defined = text.replacen(
        "[\n",
        "[\n  {\"event\": \"role-create\", \"data\": {\"name\": \"user\", \"scope\": \"global\", \"allow\": [\"user-show\"]}},\n",
        1,
    );
    write(&env, "populate.json", &defined);
    let report = seed(&env, &["--from", "stackpress", "populate.json"]);
    assert_eq!(
        counts(&report),
        expect(&[("role-create", [1, 0, 0, 0]), ("user-create", [2, 0, 0, 0])])
    );
    assert_eq!(user(&env, "ann")["roles"], json!(["user"]));
}

#[test]
fn every_problem_is_located_in_the_original_file() {
    let env = Env::new();
    let text = r#"[
  {"event": "profile-create", "data": {"id": "ann", "name": "Ann", "rolse": ["ADMIN"]}},
  {"event": "auth-create", "data": {"profileId": "bob", "type": "email", "token": "bob@example.com"}},
  {"event": "auth-create", "data": {"profileId": "ann", "type": "2fa", "token": "JBSWY3DPEHPK3PXP"}},
  {"event": "auth-create", "data": {"profileId": "ann", "type": "email", "token": "not-an-email", "secret": "ann-password"}},
  {"event": "profile-create", "data": {"name": "Nobody"}}
]"#;
    write(&env, "populate.json", text);
    let err = env.fails(65, &["seed", "--from", "stackpress", "populate.json"]);
    let line = |n: usize, needle: &str, rest: &str| {
        let want = format!("populate.json:{}: {rest}", pos(text, n, needle));
        assert!(err.contains(&want), "missing {want:?} in\n{err}");
    };
    line(
        2,
        "\"rolse\"",
        "event 1 (profile-create as user-create): unknown field \"rolse\" of a Stackpress person; did you mean \"roles\"?",
    );
    line(
        3,
        "\"bob\"",
        "event 2 (auth-create): profileId \"bob\": no profile-create in this file has that id",
    );
    line(
        4,
        "\"2fa\"",
        "event 3 (auth-create): type \"2fa\": roster keeps the sign-ins email, username and phone",
    );
    // The email is checked where its token is written.
    line(
        5,
        "\"not-an-email\"",
        "event 1 (profile-create as user-create): email \"not-an-email\"",
    );
    line(
        6,
        "{\"event\"",
        "event 5 (profile-create): a Stackpress person needs an \"id\" or an auth-create",
    );
    assert!(
        err.contains("the seed has 5 errors; nothing was written"),
        "{err}"
    );
    assert!(!database_exists(&env));
}

#[test]
fn a_person_has_one_password_and_one_identifier_of_each_kind() {
    let env = Env::new();
    let text = r#"[
  {"event": "profile-create", "data": {"id": "ann", "name": "Ann"}},
  {"event": "auth-create", "data": {"profileId": "ann", "type": "email", "token": "ann@example.com", "secret": "first-password"}},
  {"event": "auth-create", "data": {"profileId": "ann", "type": "username", "token": "ann", "secret": "other-password"}},
  {"event": "auth-create", "data": {"profileId": "ann", "type": "email", "token": "ann@elsewhere.com"}}
]"#;
    write(&env, "populate.json", text);
    let err = env.fails(65, &["seed", "--from", "stackpress", "populate.json"]);
    assert!(
        err.contains(&format!(
            "populate.json:{}: event 3 (auth-create): secret: differs from the one event 2 gives this person",
            pos(text, 4, "\"other-password\"")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "populate.json:{}: event 4 (auth-create): type \"email\": event 2 already gives this person's email",
            pos(text, 5, "\"ann@elsewhere.com\"")
        )),
        "{err}"
    );
}

#[test]
fn without_the_flag_a_person_gets_the_flag_and_its_user_create_as_a_hint() {
    let env = Env::new();
    write(&env, "populate.json", GUIDE);
    let err = env.fails(65, &["seed", "populate.json"]);
    assert!(
        err.contains(&format!(
            "populate.json:{}: event 1 (profile-create): profile-create takes no \"type\" or \"roles\" (hint: this looks like a Stackpress person: use --from stackpress, or write it as {{\"event\": \"user-create\", \"data\": {{\"id\": \"developer\", \"name\": \"Developer\", \"type\": \"person\", \"roles\": [\"admin\"], \"username\": \"developer\"}}}})",
            pos(GUIDE, 2, "{\"event\"")
        )),
        "{err}"
    );
    // Reported once, not field by field.
    assert!(!err.contains("unknown field \"type\""), "{err}");
    assert!(err.contains("the seed has 1 error"), "{err}");
    // An auth-create names the flag too.
    write(&env, "populate.json", PEOPLE);
    let err = env.fails(65, &["seed", "populate.json"]);
    assert!(
        err.contains("unknown event \"auth-create\" (hint: it is a Stackpress event: read the file with --from stackpress"),
        "{err}"
    );
    // The user-create the hint shows is a seed that loads, as the flag would.
    let hinted = r#"[{"event": "user-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["admin"], "username": "developer"}}]"#;
    write(&env, "user.json", hinted);
    seed(&env, &["user.json"]);
    write(&env, "populate.json", GUIDE);
    all_unchanged(&seed(&env, &["--from", "stackpress", "populate.json"]));
    // A roster profile-create (no person fields) is no Stackpress person: no hint.
    write(
        &env,
        "p.json",
        r#"[{"event": "profile-create", "data": {"name": "Family", "colour": "blue"}}]"#,
    );
    let err = env.fails(65, &["seed", "p.json"]);
    assert!(
        err.contains("did you mean \"color\"") && !err.contains("Stackpress"),
        "{err}"
    );
}

#[test]
fn the_flag_takes_only_the_formats_it_knows() {
    let env = Env::new();
    write(&env, "populate.json", GUIDE);
    let err = env.fails(2, &["seed", "--from", "wordpress", "populate.json"]);
    assert!(err.contains("stackpress"), "{err}");
    assert!(!database_exists(&env));
}

/// `--from stackpress` reads the file it is given: roster's own seed.json is never taken
/// for a populate list.
#[test]
fn from_stackpress_needs_a_file() {
    let env = Env::new();
    std::fs::write(env.path("seed.json"), "[]").unwrap();
    let err = env.fails(2, &["seed", "--from", "stackpress"]);
    assert!(err.contains("name the populate file"), "{err}");
    assert!(!crate::seeds::database_exists(&env));
}
