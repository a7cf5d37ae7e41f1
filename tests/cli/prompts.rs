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
    t.expect("Owner (email, username or id; Enter for none)");
    t.line("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("has no owner"), "{screen}");
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
    t.expect("Owner");
    t.line("");
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
fn member_add_asks_again_for_a_user_who_does_not_exist() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    let mut t = Pty::spawn(&env, &["member", "add", "family"]);
    t.expect("Users to add");
    // One unknown user refuses the whole line; nothing of it is kept.
    t.line("bob@example.com nobdy");
    t.expect("error: user \"nobdy\" does not exist");
    t.expect("Users to add");
    t.line("bob@example.com");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains("added bob@example.com to family as member"),
        "{screen}"
    );
    let members = env.json(&["member", "list", "family"]);
    assert_eq!(members.as_array().map(Vec::len), Some(1));

    // A profile that does not exist, given as the argument, ends the command before the
    // users are asked for.
    let t = Pty::spawn(&env, &["member", "add", "nosuch"]);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(67), "{screen}");
    assert!(!screen.contains("Users to add"), "{screen}");
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
        assert!(
            screen.contains("prompts are off (--no-input)"),
            "{args:?}: {screen}"
        );
    }
    // There is a terminal: the refusal names --no-input as the reason, not a missing terminal.
    for (args, said) in [
        (
            &["--no-input", "profile", "delete", "family"][..],
            "confirmation needed, and --no-input forbids asking",
        ),
        (
            &["--no-input", "user", "passwd", "bob@example.com"],
            "no password given, and --no-input forbids asking",
        ),
    ] {
        let t = Pty::spawn(&env, args);
        let (code, screen) = t.finish();
        assert_eq!(code, Some(2), "{args:?}: {screen}");
        assert!(screen.contains(said), "{args:?}: {screen}");
        assert!(!screen.contains("no terminal"), "{args:?}: {screen}");
    }
    assert_eq!(env.json(&["profile", "show", "family"])["slug"], "family");
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
    t.line("y");
    t.expect("Email");
    t.line("ann@example.com");
    t.expect("Name");
    t.line("Ann Admin");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    t.expect("Create the first profile now?");
    t.line("y");
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
    t.line("y");
    t.expect("Email");
    t.line("ann@example.com");
    t.expect("Name");
    t.line("Ann");
    t.expect("Password");
    t.secret(PASSWORD);
    t.expect("Repeat it");
    t.secret(PASSWORD);
    t.expect("Create the first profile now?");
    t.line("n");
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
    t.line("n");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(screen.contains("roster user create"), "{screen}");
    assert_eq!(env.json(&["user", "list"]), Value::Array(vec![]));

    let t = Pty::spawn(&env, &["init"]);
    let mut t = t;
    t.expect("Create the first admin account now?");
    t.line("n");
    assert_eq!(t.finish().0, Some(0));
}

#[test]
fn init_with_users_or_without_a_terminal_does_not_onboard() {
    let env = Env::init();
    // No terminal: the plain report, nothing asked (stdin is empty and never read).
    let out = env.ok(&["--format", "table", "init"]);
    assert_eq!(
        env.redact(&out),
        "ready: roster.db (schema version 9 of 9)\n"
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

// ---------------------------------------------------------------- confirmations

/// `family` with Bob as its member.
fn family_with_bob() -> Env {
    let env = family_and_bob();
    env.ok(&["member", "add", "family", "bob@example.com"]);
    env
}

/// How many members `family` has.
fn family_size(env: &Env) -> Option<usize> {
    env.json(&["member", "list", "family"])
        .as_array()
        .map(Vec::len)
}

/// Answers each prompt in turn: waits for the text shown, then types the line.
fn answer(t: &mut Pty, steps: &[(&str, &str)]) {
    for (shown, typed) in steps {
        t.expect(shown);
        t.line(typed);
    }
}

#[test]
fn a_typed_y_without_enter_deletes_nothing() {
    if !pty::available() {
        return;
    }
    let env = family_with_bob();
    let mut t = Pty::spawn(&env, &["profile", "delete", "family"]);
    t.expect("this deletes profile family");
    t.expect("Type family to confirm: ");
    t.key("y");
    // The key is echoed and waits for Enter: nothing has happened yet.
    t.expect("y");
    assert_eq!(env.json(&["profile", "show", "family"])["slug"], "family");
    // Enter: "y" is not the slug, so nothing is deleted either (exit 2).
    t.line("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(2), "{screen}");
    assert!(
        screen.contains(
            "error: delete profile family: not confirmed (\"y\" is not \"family\"); nothing was changed"
        ),
        "{screen}"
    );
    assert!(
        screen.contains("hint: type family exactly to confirm, or add --yes"),
        "{screen}"
    );
    assert_eq!(
        env.json(&["member", "list", "family"])[0]["email"],
        "bob@example.com"
    );

    // A yes/no confirmation waits for Enter too.
    env.user("cy@example.com", "Cy");
    env.ok(&["member", "add", "family", "cy@example.com"]);
    let mut t = Pty::spawn(
        &env,
        &[
            "member",
            "remove",
            "family",
            "bob@example.com",
            "cy@example.com",
        ],
    );
    t.expect("remove 2 members from family? [y/N] ");
    t.key("y");
    t.expect("y");
    assert_eq!(family_size(&env), Some(2));
    t.line("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(
        env.json(&["member", "list", "family"]),
        Value::Array(vec![])
    );
}

#[test]
fn yes_and_enter_is_one_answer_and_nothing_is_left_over() {
    if !pty::available() {
        return;
    }
    let env = family_with_bob();
    env.user("cy@example.com", "Cy");
    env.ok(&["member", "add", "family", "cy@example.com"]);
    let mut t = Pty::spawn_then_read(
        &env,
        &[
            "member",
            "remove",
            "family",
            "bob@example.com",
            "cy@example.com",
        ],
    );
    t.expect("[y/N]");
    t.line("yes");
    t.expect("exit: 0");
    // The shell reads the next line: had roster acted on the `y`, `es` would come first.
    t.line("after");
    t.expect("next: [after]");
    let (_, screen) = t.finish();
    assert!(!screen.contains("next: [es"), "{screen}");
    assert_eq!(
        env.json(&["member", "list", "family"]),
        Value::Array(vec![])
    );

    // Neither yes nor no: asked again.
    env.ok(&[
        "member",
        "add",
        "family",
        "bob@example.com",
        "cy@example.com",
    ]);
    let mut t = Pty::spawn(
        &env,
        &[
            "member",
            "remove",
            "family",
            "bob@example.com",
            "cy@example.com",
        ],
    );
    t.expect("[y/N]");
    t.line("yeah");
    t.expect("error: answer yes or no (y or n)");
    t.expect("[y/N]");
    t.line("No");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(2), "{screen}");
    assert!(
        screen.contains("not confirmed; nothing was changed"),
        "{screen}"
    );
    assert_eq!(family_size(&env), Some(2));
}

#[test]
fn destructive_commands_ask_for_the_slug_or_email_to_be_typed() {
    if !pty::available() {
        return;
    }
    let env = family_with_bob();
    env.ok(&["session", "issue", "bob@example.com"]);
    // A wrong slug, and an empty answer: nothing is deleted, exit 2.
    for typed in ["famly", ""] {
        let mut t = Pty::spawn(&env, &["profile", "delete", "family"]);
        t.expect("Type family to confirm");
        t.line(typed);
        let (code, screen) = t.finish();
        assert_eq!(code, Some(2), "{typed:?}: {screen}");
        assert!(screen.contains("nothing was changed"), "{screen}");
    }
    assert_eq!(env.json(&["profile", "show", "family"])["member_count"], 1);

    // The user's email for `user delete` and `session revoke --user`: wrong, then right.
    let mut t = Pty::spawn(&env, &["session", "revoke", "--user", "bob@example.com"]);
    t.expect("this revokes 1 live session of bob@example.com");
    t.expect("Type bob@example.com to confirm");
    t.line("bob");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(2), "{screen}");
    assert_eq!(
        env.json(&["session", "list", "--user", "bob@example.com"])
            .as_array()
            .map(Vec::len),
        Some(1)
    );
    let mut t = Pty::spawn(&env, &["session", "revoke", "--user", "bob@example.com"]);
    t.expect("Type bob@example.com to confirm");
    t.line("Bob@Example.com");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(
        screen.contains("revoked 1 session of bob@example.com"),
        "{screen}"
    );

    let mut t = Pty::spawn(&env, &["user", "delete", "bob@example.com"]);
    t.expect("this deletes user bob@example.com");
    t.expect("Type bob@example.com to confirm");
    t.line("yes");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(2), "{screen}");
    assert!(
        screen.contains("\"yes\" is not \"bob@example.com\""),
        "{screen}"
    );
    env.ok(&["user", "show", "bob@example.com"]);
    let mut t = Pty::spawn(&env, &["user", "delete", "bob@example.com"]);
    t.expect("Type bob@example.com to confirm");
    t.line("bob@example.com");
    assert_eq!(t.finish().0, Some(0));
    env.fails(67, &["user", "show", "bob@example.com"]);

    // The right slug deletes; --yes still skips the question.
    let mut t = Pty::spawn(&env, &["profile", "delete", "family"]);
    t.expect("Type family to confirm");
    t.line("family");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    env.fails(67, &["profile", "show", "family"]);
    env.profile("Office");
    let t = Pty::spawn(&env, &["--yes", "profile", "delete", "office"]);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(!screen.contains("to confirm"), "{screen}");
}

#[test]
fn without_a_terminal_a_confirmation_needs_yes() {
    let env = family_with_bob();
    env.ok(&["member", "add", "family", "ann@example.com"]);
    for args in [
        &["profile", "delete", "family"][..],
        &["user", "delete", "bob@example.com"],
        &[
            "member",
            "remove",
            "family",
            "bob@example.com",
            "ann@example.com",
        ],
    ] {
        let err = env.fails(2, args);
        assert!(
            err.contains("confirmation needed, and there is no terminal to ask"),
            "{err}"
        );
        assert!(err.contains("hint: add --yes to confirm"), "{err}");
    }
    assert_eq!(env.json(&["profile", "show", "family"])["member_count"], 2);
    env.ok(&["--yes", "profile", "delete", "family"]);
}

// ---------------------------------------------------------------- forms

#[test]
fn a_taken_email_is_asked_again_before_the_password() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    let mut t = Pty::spawn(&env, &["user", "create"]);
    t.expect("Email");
    t.line("");
    t.expect("error: an email is needed here");
    t.expect("Email");
    t.line("Bob@Example.com");
    t.expect("error: email \"bob@example.com\" already belongs to user bob@example.com");
    answer(&mut t, &[("Email", "cy@example.com"), ("Name", " ")]);
    t.expect("error: a name is needed here");
    t.expect("Name");
    t.line("Cy");
    t.expect("Password (Enter for none)");
    t.secret("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    // Refused before the password was asked: the refusal comes first on the screen.
    let refused = screen.find("already belongs").unwrap();
    let password = screen.find("Password").unwrap();
    assert!(refused < password, "{screen}");
    assert!(!screen.contains("warning:"), "{screen}");
    assert_eq!(env.json(&["user", "show", "cy@example.com"])["name"], "Cy");

    // A taken name given as a flag is refused before the first question (68, nothing
    // asked, so nothing typed is lost).
    env.ok(&["user", "update", "bob@example.com", "--username", "bobby"]);
    for args in [
        &["user", "create", "--username", "bobby"][..],
        &["user", "create", "--email", "BOB@example.com"],
    ] {
        let t = Pty::spawn(&env, args);
        let (code, screen) = t.finish();
        assert_eq!(code, Some(68), "{args:?}: {screen}");
        assert!(
            screen.contains("already belongs to user bob@example.com"),
            "{args:?}: {screen}"
        );
        assert!(!screen.contains("Name"), "{args:?}: {screen}");
        assert!(!screen.contains("Password"), "{args:?}: {screen}");
    }
    // With --if-not-exists the user named is success, not a clash: still asked.
    let mut t = Pty::spawn(
        &env,
        &[
            "user",
            "create",
            "--email",
            "bob@example.com",
            "--if-not-exists",
        ],
    );
    t.expect("Name");
    t.line("Bob");
    t.expect("Password (Enter for none)");
    t.secret("");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
}

#[test]
fn init_asks_again_for_an_email_taken_meanwhile_and_reads_yes_as_one_answer() {
    if !pty::available() {
        return;
    }
    let env = Env::new();
    let mut t = Pty::spawn(&env, &["init"]);
    t.expect("Create the first admin account now? [Y/n] ");
    t.line("yo");
    t.expect("error: answer yes or no (y or n)");
    // Someone else creates a user while the question waits.
    env.user("ann@example.com", "Ann");
    t.line("yes");
    t.expect("Email");
    t.line("ann@example.com");
    t.expect("already belongs to user ann@example.com");
    t.expect("Email");
    t.line("bob@example.com");
    t.expect("Name");
    let screen = t.screen();
    // `yes⏎` was one answer: nothing of it reached the email prompt.
    assert!(!screen.contains("\"es"), "{screen}");
    assert!(!screen.contains("Password"), "{screen}");
}

#[test]
fn a_bad_slug_offers_the_corrected_one_and_a_taken_one_the_next_free() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    let t = Pty::spawn(&env, &["profile", "create", "--name", "The Smiths"]);
    // --name given: nothing is asked (the slug is derived).
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    let mut t = Pty::spawn(&env, &["profile", "create"]);
    answer(
        &mut t,
        &[
            ("Name", "Smiths Again"),
            ("Slug (its name in URLs) [smiths-again]: ", "The Smiths!"),
        ],
    );
    t.expect("error: slug");
    t.expect("hint: press Enter for the-smiths-2");
    t.expect("Slug (its name in URLs) [the-smiths-2]: ");
    t.line("the-smiths");
    t.expect("error: slug \"the-smiths\" already belongs to another profile");
    t.expect("[the-smiths-2]");
    t.line("Family Two!");
    t.expect("hint: press Enter for family-two");
    answer(&mut t, &[("[family-two]", ""), ("Owner", "")]);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert_eq!(
        env.json(&["profile", "show", "family-two"])["name"],
        "Smiths Again"
    );
}

#[test]
fn the_operators_prompted_profile_may_name_its_owner() {
    if !pty::available() {
        return;
    }
    let env = family_and_bob();
    env.user("dan@example.com", "Dan");
    env.ok(&["user", "disable", "dan@example.com"]);
    let mut t = Pty::spawn(&env, &["profile", "create"]);
    answer(&mut t, &[("Name", "Book Club"), ("Slug", "")]);
    t.expect("Owner (email, username or id; Enter for none)");
    t.line("bob@exmple.com");
    t.expect("error: user \"bob@exmple.com\" does not exist");
    t.expect("did you mean \"bob@example.com\"?");
    t.expect("Owner");
    t.line("dan@example.com");
    t.expect("error: user dan@example.com is disabled and cannot own profile book-club");
    t.expect("Owner");
    t.line("bob@example.com");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(!screen.contains("has no owner"), "{screen}");
    let members = env.json(&["member", "list", "book-club"]);
    assert_eq!(members[0]["email"], "bob@example.com");
    assert_eq!(members[0]["role"], "owner");

    // A user's own prompted create makes them the owner: no owner is asked.
    let mut t = Pty::spawn(&env, &["--as", "ann@example.com", "profile", "create"]);
    answer(&mut t, &[("Name", "Ann's"), ("Slug", "")]);
    let (code, screen) = t.finish();
    assert_eq!(code, Some(0), "{screen}");
    assert!(!screen.contains("Owner"), "{screen}");
    let members = env.json(&["member", "list", "ann-s"]);
    assert_eq!(members[0]["email"], "ann@example.com");
    assert_eq!(members[0]["role"], "owner");
}
