//! Prompts for missing values and the onboarding of `init`: driven through a
//! pseudo-terminal (see `pty.rs`), and refused without one.

use serde_json::Value;

use crate::common::*;
use crate::pty::{self, Pty};

const PASSWORD: &str = "correct horse battery";

/// An initialised database with a profile `family` (owned by nobody) and the user Bob.
fn family_and_bob() -> Env {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.user("bob@example.com", "Bob");
    env.profile("Family");
    env
}

// ---------------------------------------------------------------- on a terminal

#[test]
fn user_create_asks_for_email_name_and_a_hidden_password() {
    if !pty::available() {
        return;
    }
    let env = Env::init();
    let mut t = Pty::spawn(&env, &["user", "create"]);
    t.expect("Email");
    t.line("Ann@Example.com");
    t.expect("Name");
    t.line("Ann Smith");
    t.expect("Password (Enter for none)");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("created user ann@example.com"), "{screen}");
    assert!(
        !screen.contains(PASSWORD),
        "the password was shown: {screen}"
    );

    let ann = env.json(&["user", "show", "ann@example.com"]);
    assert_eq!(ann["name"], "Ann Smith");
    assert_eq!(ann["has_password"], true);
    assert_eq!(ann["is_admin"], true, "the first user is a global admin");
    // The password typed at the prompt is the one stored: Ann can change it with it.
    env.ok_with(
        &[
            "--as",
            "ann@example.com",
            "user",
            "passwd",
            "ann@example.com",
            "--password-stdin",
        ],
        &format!("{PASSWORD}\nanother password\n"),
    );
}

#[test]
fn a_wrong_answer_is_asked_again_and_an_empty_password_means_none() {
    if !pty::available() {
        return;
    }
    let env = Env::init();
    let mut t = Pty::spawn(&env, &["user", "create", "--name", "Bob"]);
    t.expect("Email");
    t.line("bob-at-example.com");
    t.expect("has no '@'");
    t.expect("Email");
    t.line("bob@example.com");
    t.expect("Password (Enter for none)");
    // Too short: refused with the rule, then asked again.
    t.secret("short");
    t.expect("at least 8");
    t.expect("Password (Enter for none)");
    t.secret("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(!screen.contains("Name:"), "--name was given: {screen}");
    let bob = env.json(&["user", "show", "bob@example.com"]);
    assert_eq!(bob["name"], "Bob");
    assert_eq!(bob["has_password"], false);
}

#[test]
fn mistyped_passwords_are_asked_again() {
    if !pty::available() {
        return;
    }
    let env = Env::init();
    let mut t = Pty::spawn(&env, &["user", "create", "--email", "c@example.com"]);
    t.expect("Name");
    t.line("Cy");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret("something else");
    t.expect("differ");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(
        env.json(&["user", "show", "c@example.com"])["has_password"],
        true
    );
}

#[test]
fn profile_create_asks_for_the_name_and_offers_the_derived_slug() {
    if !pty::available() {
        return;
    }
    let env = Env::init();
    let mut t = Pty::spawn(&env, &["profile", "create", "--member-limit", "5"]);
    t.expect("Name");
    t.line("The Smiths");
    t.expect("the-smiths");
    t.line("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    let p = env.json(&["profile", "show", "the-smiths"]);
    assert_eq!(p["name"], "The Smiths");
    assert_eq!(p["member_limit"], 5);

    // A slug already taken is refused at the prompt, before anything is written.
    let mut t = Pty::spawn(&env, &["profile", "create"]);
    t.expect("Name");
    t.line("The Smiths");
    t.expect("Slug");
    t.line("");
    t.expect("already belongs to another profile");
    t.line("smiths-2");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(
        env.json(&["profile", "show", "smiths-2"])["name"],
        "The Smiths"
    );
}

#[test]
fn member_add_asks_for_the_profile_with_a_suggestion_and_for_the_users() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    let mut t = Pty::spawn(&env, &["member", "add", "--role", "admin"]);
    t.expect("profiles: family");
    t.expect("Profile");
    t.line("famly");
    t.expect("did you mean \"family\"?");
    t.line("family");
    t.expect("Users to add");
    t.line("bob@example.com ann@example.com");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains("added bob@example.com to family as admin"),
        "{screen}"
    );
    let members = env.json(&["member", "list", "family"]);
    assert_eq!(members.as_array().map(Vec::len), Some(2));
}

#[test]
fn invite_send_asks_for_the_emails() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    let mut t = Pty::spawn(&env, &["invite", "send", "family"]);
    t.expect("Emails to invite");
    t.line("dan-example.com");
    t.expect("has no '@'");
    t.expect("Emails to invite");
    t.line("dan@example.com, eve@example.com");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains("accept with: roster --as dan@example.com"),
        "{screen}"
    );
    let list = env.json(&["invite", "list", "family"]);
    let mut emails: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["email"].as_str())
        .collect();
    emails.sort();
    assert_eq!(emails, ["dan@example.com", "eve@example.com"]);
}

#[test]
fn no_input_on_a_terminal_never_prompts() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    for args in [
        &["--no-input", "user", "create"][..],
        &["--no-input", "profile", "create"],
        &["--no-input", "member", "add", "family"],
        &["--no-input", "invite", "send"],
    ] {
        let t = Pty::spawn(&env, args);
        let (code, screen) = t.finish();
        assert_eq!(code, Some(2), "{args:?}: {screen}");
        assert!(screen.contains("prompts are off"), "{args:?}: {screen}");
    }
    assert_eq!(
        env.json(&["user", "list"]).as_array().map(Vec::len),
        Some(2)
    );
}

// ---------------------------------------------------------------- onboarding

/// How roster names the environment's database: `roster.db`, or the PostgreSQL URL.
fn shown_db(env: &Env) -> String {
    if env.is_pg() {
        env.db_url()
    } else {
        "roster.db".to_string()
    }
}

#[test]
fn init_on_a_terminal_onboards_the_first_admin_and_profile() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    let mut t = Pty::spawn(&env, &["init"]);
    // The screen is not redacted: the database as roster names it.
    t.expect(&format!("created {}", shown_db(&env)));
    t.expect("Create the first admin account now?");
    t.key("y");
    t.expect("Email");
    t.line("ann@example.com");
    t.expect("Name");
    t.line("Ann Admin");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    t.expect("Create the first profile now?");
    t.key("y");
    t.expect("Profile name");
    t.line("The Smiths");
    t.expect("Slug");
    t.expect("the-smiths");
    t.line("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("a global admin"), "{screen}");
    assert!(screen.contains("owned by ann@example.com"), "{screen}");
    assert!(screen.contains("roster invite send the-smiths"), "{screen}");
    assert!(!screen.contains(PASSWORD), "{screen}");

    let ann = env.json(&["user", "show", "ann@example.com"]);
    assert_eq!(ann["is_admin"], true);
    assert_eq!(ann["has_password"], true);
    let members = env.json(&["member", "list", "the-smiths"]);
    assert_eq!(members[0]["email"], "ann@example.com");
    assert_eq!(members[0]["role"], "owner");
    // The profile was created by Ann herself, as the audit log records.
    let audit = env.json(&["audit", "--event", "profile-create"]);
    assert_eq!(
        audit[0]["actor"],
        format!("user:{}", ann["id"].as_str().unwrap())
    );
    let audit = env.json(&["audit", "--event", "user-create"]);
    assert_eq!(audit[0]["actor"], "operator:tester");
    env.ok(&["doctor"]);
}

#[test]
fn onboarding_may_skip_the_profile() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    let mut t = Pty::spawn(&env, &["init"]);
    t.expect("Create the first admin account now?");
    t.key("y");
    t.expect("Email");
    t.line("ann@example.com");
    t.expect("Name");
    t.line("Ann");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    t.expect("Create the first profile now?");
    t.key("n");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("roster profile create"), "{screen}");
    assert_eq!(
        env.json(&["user", "show", "ann@example.com"])["is_admin"],
        true
    );
    assert_eq!(env.json(&["profile", "list"]), Value::Array(vec![]));
}

#[test]
fn onboarding_may_be_declined_and_is_offered_again() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    let mut t = Pty::spawn(&env, &["init"]);
    t.expect("Create the first admin account now?");
    t.key("n");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("roster user create"), "{screen}");
    assert_eq!(env.json(&["user", "list"]), Value::Array(vec![]));

    let t = Pty::spawn(&env, &["init"]);
    let mut t = t;
    t.expect("Create the first admin account now?");
    t.key("n");
    assert_eq!(t.finish().0, Some(0));
}

#[test]
fn init_with_users_or_without_a_terminal_does_not_onboard() {
    let env = Env::init();
    // No terminal: the plain report, nothing asked (stdin is empty and never read).
    let out = env.ok(&["--format", "table", "init"]);
    assert_eq!(
        env.redact(&out),
        "ready: roster.db (schema version 7 of 7)\n"
    );
    if !pty::available() {
        return;
    }
    env.user("ann@example.com", "Ann");
    let t = Pty::spawn(&env, &["init"]);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    let ready = format!("ready: {}", shown_db(&env));
    assert!(screen.contains(&ready), "{screen}");
    assert!(!screen.contains("Welcome"), "{screen}");
}

// ---------------------------------------------------------------- without a terminal

#[test]
fn without_a_terminal_missing_values_are_usage_errors_naming_them() {
    let env = family_and_bob();
    let mut transcript = String::new();
    for args in [
        &["user", "create"][..],
        &["profile", "create"],
        &["member", "add"],
        &["member", "add", "family"],
        &["invite", "send"],
        &["invite", "send", "family"],
    ] {
        let mut all = vec!["--format", "table"];
        all.extend_from_slice(args);
        let err = env.fails(2, &all);
        transcript.push_str(&format!("$ roster {}\n{err}", args.join(" ")));
    }
    insta::assert_snapshot!(transcript, @"
    $ roster user create
    error: user create: one of --email, --username and --phone and --name are missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster user create --email ann@example.com --name Ann
    $ roster profile create
    error: profile create: --name is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster profile create --name 'The Smiths'
    $ roster member add
    error: member add: PROFILE and USER are missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster member add the-smiths bob@example.com
    $ roster member add family
    error: member add: USER is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster member add the-smiths bob@example.com
    $ roster invite send
    error: invite send: PROFILE and EMAIL are missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster invite send the-smiths dan@example.com
    $ roster invite send family
    error: invite send: EMAIL is missing, and prompts are off (no terminal, or --no-input)
    hint: for example: roster invite send the-smiths dan@example.com
    ");

    // Nothing was written.
    assert_eq!(
        env.json(&["member", "list", "family"]),
        Value::Array(vec![])
    );
    assert_eq!(env.json(&["invite", "list"]), Value::Array(vec![]));
}

#[test]
fn given_every_value_nothing_is_asked() {
    let env = family_and_bob();
    env.ok(&["member", "add", "family", "bob@example.com"]);
    env.ok(&["invite", "send", "family", "dan@example.com"]);
    env.ok(&["profile", "create", "--name", "Office"]);
    env.ok(&["user", "create", "--email", "c@example.com", "--name", "C"]);
}
