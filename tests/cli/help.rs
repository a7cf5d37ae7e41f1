//! Help: every command shows real examples, and the top-level help groups every command.

use crate::common::*;

/// Every command path below the top, such as `["member", "add"]` (clap's `help` aside).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&roster::cli::help::command(), &[], &mut out);
    out
}

/// The help text of a command, as `roster PATH --help` prints it in the pinned
/// environment (100 columns), whatever the terminal that runs the tests: rendered in this
/// process, the help would wrap to the caller's COLUMNS, and at 50 an example is cut
/// across lines.
fn help_of(env: &Env, path: &[String]) -> String {
    let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
    args.push("--help");
    help_ok(env, &args)
}

/// `roster ARGS` run without `ROSTER_DB`, expecting exit 0; returns stdout. Help is the
/// same on both backends, but clap prints the variable's value in it (`[env:
/// ROSTER_DB=…]`), which in PostgreSQL mode is the environment's URL: the help shown is
/// the one a shell without the variable sees, as in SQLite mode.
fn help_ok(env: &Env, args: &[&str]) -> String {
    let out = env
        .cmd()
        .env_remove("ROSTER_DB")
        .args(args)
        .output()
        .expect("run roster");
    assert_eq!(
        out.status.code(),
        Some(0),
        "roster {args:?} failed\nstderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Splits a command line into words, honouring single and double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// The roster commands in a help text's examples: from `roster` to the end of the command
/// (before a pipe, a redirection, or two spaces that start a comment).
fn examples(help: &str) -> Vec<String> {
    let Some((_, block)) = help.split_once("Examples:\n") else {
        return Vec::new();
    };
    block
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| {
            let at = l.find("roster ")?;
            let cmd = &l[at..];
            let end = [cmd.find("  "), cmd.find(" |"), cmd.find(" >")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(cmd.len());
            Some(cmd[..end].to_string())
        })
        .collect()
}

#[test]
fn every_command_shows_examples_that_parse() {
    let paths = command_paths();
    assert!(paths.len() > 30, "{paths:?}");
    let mut checked = 0;
    let env = Env::new();
    for path in paths {
        let help = help_of(&env, &path);
        let found = examples(&help);
        assert!(
            !found.is_empty(),
            "roster {} --help has no examples:\n{help}",
            path.join(" ")
        );
        for example in found {
            checked += 1;
            let parsed = roster::cli::help::parse_from(words(&example));
            assert!(
                parsed.is_ok(),
                "roster {} --help: the example `{example}` does not parse: {}",
                path.join(" "),
                parsed.err().map(|e| e.to_string()).unwrap_or_default()
            );
        }
    }
    assert!(checked > 50, "only {checked} examples were found");
}

#[test]
fn the_top_level_help_lists_every_command_under_a_heading() {
    let env = Env::new();
    let help = help_ok(&env, &["--help"]);
    for sub in roster::cli::help::command().get_subcommands() {
        let name = sub.get_name();
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} "))),
            "`{name}` is missing from roster --help:\n{help}"
        );
    }
    assert!(
        !help.contains(roster::cli::help::OTHER),
        "a command is in no group: place it in GROUPS (src/cli/help.rs)\n{help}"
    );
    let cmd = roster::cli::help::command();
    for (heading, names) in roster::cli::help::GROUPS {
        if names.iter().any(|n| cmd.find_subcommand(n).is_some()) {
            assert!(help.contains(&format!("{heading}:\n")), "{heading}: {help}");
        }
    }
}

#[test]
fn top_level_help() {
    let env = Env::new();
    insta::assert_snapshot!(help_ok(&env, &["--help"]), @"
    Administer users, profiles, memberships, invitations and media, in SQLite or PostgreSQL

    Usage: roster [OPTIONS] <COMMAND>

    Getting started:
      init         Create or migrate the database, with onboarding on a terminal
      seed         Load seed files: events applied atomically and idempotently
      completions  Print a shell completion script (bash, zsh, fish, powershell, elvish)
      help         Print this message or the help of the given subcommand(s)

    People and profiles:
      user         Users: people who can sign in
      profile      Profiles: isolated groups, each with its own media library
      member       Memberships: who belongs to a profile, with which role
      invite       Invitations by email to join a profile
      mail         The outbox of invitation emails: deliver and list them

    Access:
      role         Roles: what each role lets its holders do
      can          Explain whether a user may do something, and why: one decision, or --all

    Sessions:
      login        Sign a user in with their password: a session, and its token (printed once)
      session      Sessions: signed-in people, their active profile, revocation
      whoami       Who is acting: the operator, or the --as user with their roles and memberships

    Media libraries:
      media        Media: each profile's library of movies, shows and episodes

    Checks and records:
      doctor       Check integrity, the audit chain and the invariants; suggest fixes
      audit        The audit log of every change, and its verification
      export       Write the whole database as a seed document
      backup       A consistent copy of a live SQLite database (SQLite's online backup), optionally verified
      copy         Copy every row (audit log, sessions, secrets) into an empty database of either backend

    Options:
      -h, --help     Print help
      -V, --version  Print version

    Global options:
          --db <PATH>        The database: a SQLite file, or a PostgreSQL URL
                             (postgres://USER@HOST:PORT/DB) [env: ROSTER_DB] [default: roster.db]
          --as <USER>        Act as this user (id, email or username) under the rules; default: the
                             operator [env: ROSTER_AS=]
          --format <FORMAT>  Output format [default: table on a terminal, json otherwise] [possible
                             values: table, json, jsonl, csv]
          --json             Same as --format json
      -y, --yes              Answer yes to confirmations (needed for destructive commands without a
                             terminal)
          --no-input         Never prompt; a missing value is an error
      -q, --quiet            No confirmations, notes or hints on success (data asked for still prints)
      -v, --verbose...       More detail on stderr
          --color <WHEN>     When to use colours; give it before the command (NO_COLOR turns them off in
                             auto) [default: auto] [possible values: auto, always, never]

    Examples:
      roster init                                   create ./roster.db
      roster user create --email ann@example.com --name Ann
      roster profile create --name 'The Smiths'     slug: the-smiths
      roster --json profile list                    machine-readable output

    Environment: ROSTER_DB, ROSTER_AS, ROSTER_BUSY_TIMEOUT_MS, NO_COLOR (see the README).
    ");
}

#[test]
fn a_command_help_shows_its_arguments_and_examples() {
    let env = Env::new();
    insta::assert_snapshot!(help_ok(&env, &["user", "create", "--help"]), @r#"
    Create a user (the first user ever created becomes a global admin)

    Usage: roster user create [OPTIONS]

    Options:
          --email <EMAIL>        Email address (stored lower-case)
          --name <NAME>          Display name
          --username <USERNAME>  Username (2-32 of letters, digits, '.', '_', '-')
          --phone <PHONE>        Phone number in E.164 form, such as +14155550123
          --role <ROLE>          A global role; repeat for several
          --image <IMAGE>        Avatar URL
          --type <TYPE>          User type [default: person]
          --tag <TAG>            A tag; repeat for several
          --metadata <JSON>      Metadata as a JSON object
          --password-stdin       Read the password from the first line of stdin
          --id <ID>              An explicit id ([A-Za-z0-9._-], at most 64)
          --if-not-exists        Succeed without change when the user already exists
      -h, --help                 Print help

    Global options:
          --db <PATH>        The database: a SQLite file, or a PostgreSQL URL
                             (postgres://USER@HOST:PORT/DB) [env: ROSTER_DB] [default: roster.db]
          --as <USER>        Act as this user (id, email or username) under the rules; default: the
                             operator [env: ROSTER_AS=]
          --format <FORMAT>  Output format [default: table on a terminal, json otherwise] [possible
                             values: table, json, jsonl, csv]
          --json             Same as --format json
      -y, --yes              Answer yes to confirmations (needed for destructive commands without a
                             terminal)
          --no-input         Never prompt; a missing value is an error
      -q, --quiet            No confirmations, notes or hints on success (data asked for still prints)
      -v, --verbose...       More detail on stderr

    On a terminal, a missing email or name is asked for, then a password (hidden, typed
    twice; an empty answer leaves the user without one).

    Examples:
      roster user create --email ann@example.com --name 'Ann Smith'
      printf '%s\n' "$PW" | roster user create --email bob@example.com --name Bob --password-stdin
      --if-not-exists
    "#);
}

#[test]
fn help_goes_to_stdout_and_a_help_subcommand_works() {
    let env = Env::new();
    let out = help_ok(&env, &["help", "doctor"]);
    assert_eq!(out, help_ok(&env, &["doctor", "--help"]));
    insta::assert_snapshot!(out, @"
    Check integrity, the audit chain and the invariants; suggest fixes

    Usage: roster doctor [OPTIONS]

    Options:
      -h, --help  Print help

    Global options:
          --db <PATH>        The database: a SQLite file, or a PostgreSQL URL
                             (postgres://USER@HOST:PORT/DB) [env: ROSTER_DB] [default: roster.db]
          --as <USER>        Act as this user (id, email or username) under the rules; default: the
                             operator [env: ROSTER_AS=]
          --format <FORMAT>  Output format [default: table on a terminal, json otherwise] [possible
                             values: table, json, jsonl, csv]
          --json             Same as --format json
      -y, --yes              Answer yes to confirmations (needed for destructive commands without a
                             terminal)
          --no-input         Never prompt; a missing value is an error
      -q, --quiet            No confirmations, notes or hints on success (data asked for still prints)
      -v, --verbose...       More detail on stderr

    Examples:
      roster doctor
      roster --json doctor | jq -r '.findings[].fix'   (the suggested fixes, one per line)
    ");
    let out = help_ok(&env, &["completions", "--help"]);
    assert!(out.contains("roster completions zsh"), "{out}");
}
