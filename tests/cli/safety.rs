//! Stored text never reaches the terminal raw (README "Output, errors and exit codes"): control characters, escape
//! sequences and bidi overrides in names, titles, emails, the seed file name and the login
//! name show escaped (`\u{1b}`) in tables, csv, confirmations, plans, prompts and
//! messages, while JSON keeps the exact text in JSON's own escaping.

use std::process::Output;

use serde_json::Value;

use crate::common::*;
use crate::pty::{self, Pty};
use crate::seeds::write;

/// Sets the terminal's title, then clears the screen.
const EVIL: &str = "\x1b]0;pwned\x07\x1b[2J";
/// [`EVIL`] as roster shows it.
const SHOWN: &str = r"\u{1b}]0;pwned\u{7}\u{1b}[2J";
/// The part of [`EVIL`] that an email can hold (stored emails are lower-case).
const TITLE: &str = "\x1b]0;pwned\x07";
const TITLE_SHOWN: &str = r"\u{1b}]0;pwned\u{7}";
/// An email roster accepts whose right-to-left override turns what follows around.
const BIDI_EMAIL: &str = "ann\u{202e}moc.elgoog@example.com";
const BIDI_SHOWN: &str = r"ann\u{202e}moc.elgoog@example.com";

/// Asserts `text` holds nothing a terminal would obey: no control character but line
/// breaks, no bidi override.
#[track_caller]
fn inert(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| {
            (c.is_control() && *c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect();
    assert!(bad.is_empty(), "raw {bad:?} in {text:?}");
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs with a wide table, so that no cell wraps; expects 0 and returns stdout.
fn wide(env: &Env, args: &[&str]) -> String {
    let out = env.cmd().env("COLUMNS", "400").args(args).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{args:?}: {}",
        text(&out.stderr)
    );
    inert(&text(&out.stderr));
    text(&out.stdout)
}

/// A user, a profile and a media item whose names hold [`EVIL`], written straight into the
/// file, as by an older roster or another tool (roster itself refuses control characters
/// in names).
fn tampered() -> Env {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.profile("Family");
    env.ok(&[
        "media", "add", "family", "--type", "movie", "--title", "Heat", "--year", "1995",
    ]);
    let evil = quoted(EVIL);
    env.sql(&format!(
        "UPDATE users SET name = {evil}; UPDATE profiles SET name = {evil};
         UPDATE media SET title = {evil};"
    ));
    env
}

/// `text` as an SQL string literal (control characters and all, as both engines take
/// them).
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[test]
fn stored_names_are_escaped_in_tables_csv_and_record_tables() {
    let env = tampered();
    let mut shown = String::new();
    for args in [
        &["--format", "table", "user", "list"][..],
        &["--format", "csv", "user", "list"],
        &["--format", "table", "user", "show", "ann@example.com"],
        &["--format", "csv", "user", "show", "ann@example.com"],
        &["--format", "table", "profile", "list"],
        &["--format", "csv", "profile", "list"],
        &["--format", "table", "profile", "show", "family"],
        &["--format", "table", "media", "list", "family"],
        &["--format", "csv", "media", "list", "family"],
    ] {
        let out = wide(&env, args);
        inert(&out);
        assert!(out.contains(SHOWN), "{args:?}: {out}");
        shown.push_str(&format!("$ roster {}\n{out}", args.join(" ")));
    }
    insta::assert_snapshot!(redact(&shown), @r#"
    $ roster --format table user list
    ╭──────────────────────────────────────┬─────────────────┬──────────────────────────────┬───────┬────────╮
    │ id                                   ┆ email           ┆ name                         ┆ roles ┆ active │
    ╞══════════════════════════════════════╪═════════════════╪══════════════════════════════╪═══════╪════════╡
    │ [id]                                 ┆ ann@example.com ┆ \u{1b}]0;pwned\u{7}\u{1b}[2J ┆ admin ┆ true   │
    ╰──────────────────────────────────────┴─────────────────┴──────────────────────────────┴───────┴────────╯
    $ roster --format csv user list
    id,email,username,phone,name,image,type,roles,tags,metadata,active,has_password,is_admin,email_verified_at,phone_verified_at,created_at,updated_at
    [id],ann@example.com,,,\u{1b}]0;pwned\u{7}\u{1b}[2J,,person,"[""admin""]",[],{},true,false,true,,,2026-11-21T12:00:01.000Z,2026-11-21T12:00:01.000Z
    $ roster --format table user show ann@example.com
    ╭───────────────────┬──────────────────────────────────────╮
    │ field             ┆ value                                │
    ╞═══════════════════╪══════════════════════════════════════╡
    │ id                ┆ [id]                                 │
    │ email             ┆ ann@example.com                      │
    │ username          ┆                                      │
    │ phone             ┆                                      │
    │ name              ┆ \u{1b}]0;pwned\u{7}\u{1b}[2J         │
    │ image             ┆                                      │
    │ type              ┆ person                               │
    │ roles             ┆ admin                                │
    │ tags              ┆                                      │
    │ metadata          ┆ {}                                   │
    │ active            ┆ true                                 │
    │ has_password      ┆ false                                │
    │ is_admin          ┆ true                                 │
    │ email_verified_at ┆                                      │
    │ phone_verified_at ┆                                      │
    │ created_at        ┆ 2026-11-21T12:00:01.000Z             │
    │ updated_at        ┆ 2026-11-21T12:00:01.000Z             │
    ╰───────────────────┴──────────────────────────────────────╯
    $ roster --format csv user show ann@example.com
    id,email,username,phone,name,image,type,roles,tags,metadata,active,has_password,is_admin,email_verified_at,phone_verified_at,created_at,updated_at,memberships
    [id],ann@example.com,,,\u{1b}]0;pwned\u{7}\u{1b}[2J,,person,"[""admin""]",[],{},true,false,true,,,2026-11-21T12:00:01.000Z,2026-11-21T12:00:01.000Z,[]
    $ roster --format table profile list
    ╭────────┬──────────────────────────────┬─────────┬──────────────┬──────────────┬──────────────────╮
    │ slug   ┆ name                         ┆ color   ┆ member_count ┆ member_limit ┆ invitation_limit │
    ╞════════╪══════════════════════════════╪═════════╪══════════════╪══════════════╪══════════════════╡
    │ family ┆ \u{1b}]0;pwned\u{7}\u{1b}[2J ┆ #6366F1 ┆            0 ┆          100 ┆              100 │
    ╰────────┴──────────────────────────────┴─────────┴──────────────┴──────────────┴──────────────────╯
    $ roster --format csv profile list
    id,slug,name,logo,color,member_limit,invitation_limit,require_verified_email,metadata,member_count,created_at,updated_at
    [id],family,\u{1b}]0;pwned\u{7}\u{1b}[2J,,#6366F1,100,100,false,{},0,2026-11-21T12:00:02.000Z,2026-11-21T12:00:02.000Z
    $ roster --format table profile show family
    ╭────────────────────────┬──────────────────────────────────────╮
    │ field                  ┆ value                                │
    ╞════════════════════════╪══════════════════════════════════════╡
    │ id                     ┆ [id]                                 │
    │ slug                   ┆ family                               │
    │ name                   ┆ \u{1b}]0;pwned\u{7}\u{1b}[2J         │
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
    $ roster --format table media list family
    ╭──────────────────────────────────────┬───────┬──────────────────────────────┬──────┬─────────╮
    │ id                                   ┆ type  ┆ title                        ┆ year ┆ status  │
    ╞══════════════════════════════════════╪═══════╪══════════════════════════════╪══════╪═════════╡
    │ [id]                                 ┆ movie ┆ \u{1b}]0;pwned\u{7}\u{1b}[2J ┆ 1995 ┆ pending │
    ╰──────────────────────────────────────┴───────┴──────────────────────────────┴──────┴─────────╯
    $ roster --format csv media list family
    id,profile_id,type,title,year,tmdb_id,imdb_id,infohash,file_path,parent_id,season_number,episode_number,status,added_by,added_at
    [id],[id],movie,\u{1b}]0;pwned\u{7}\u{1b}[2J,1995,,,,,,,,pending,,2026-11-21T12:00:03.000Z
    "#);
    // Colours are roster's own escape sequences: they stay, around the escaped text.
    let coloured = wide(
        &env,
        &["--color", "always", "--format", "table", "user", "list"],
    );
    assert!(coloured.contains("\x1b[1m"), "{coloured:?}");
    assert!(coloured.contains(SHOWN), "{coloured:?}");
    assert!(!coloured.contains(EVIL) && !coloured.contains('\x07'));
}

#[test]
fn json_keeps_the_exact_text() {
    let env = tampered();
    assert_eq!(env.json(&["user", "show", "ann@example.com"])["name"], EVIL);
    assert_eq!(env.json(&["profile", "show", "family"])["name"], EVIL);
    let out = env.ok(&["--format", "jsonl", "user", "list"]);
    assert!(out.contains(r"\u001b]0;pwned\u0007\u001b[2J"), "{out}");
    let items = env.json(&["media", "list", "family"]);
    assert_eq!(items["items"][0]["title"], EVIL, "{items}");
}

#[test]
fn confirmation_lines_escape_the_names_they_quote() {
    let env = Env::init();
    let out = wide(
        &env,
        &[
            "--format", "table", "user", "create", "--email", BIDI_EMAIL, "--name", "Ann",
        ],
    );
    inert(&out);
    assert!(
        out.starts_with(&format!("created user {BIDI_SHOWN} (id ")),
        "{out}"
    );
    // The record itself is what was given.
    assert_eq!(env.json(&["user", "show", BIDI_EMAIL])["email"], BIDI_EMAIL);

    env.profile("Family");
    let out = wide(
        &env,
        &["--format", "table", "member", "add", "family", BIDI_EMAIL],
    );
    inert(&out);
    assert!(
        out.contains(&format!("added {BIDI_SHOWN} to family as member")),
        "{out}"
    );

    let title = "Heat\u{202e}";
    let out = wide(
        &env,
        &[
            "--format", "table", "media", "add", "family", "--type", "movie", "--title", title,
        ],
    );
    inert(&out);
    assert!(out.contains(r"Heat\u{202e}"), "{out}");

    // A stored email with an escape sequence, quoted by `user update`'s line.
    env.sql(&format!(
        "UPDATE users SET email = {}",
        quoted(&format!("a{TITLE}@x.io"))
    ));
    let id = env.json(&["user", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let out = wide(
        &env,
        &[
            "--format", "table", "user", "update", &id, "--name", "Ann B",
        ],
    );
    inert(&out);
    assert!(
        out.contains(&format!("updated user a{TITLE_SHOWN}@x.io (id {id})")),
        "{out}"
    );
}

fn stderr_of(out: &Output) -> String {
    let err = text(&out.stderr);
    inert(&err);
    err
}

#[test]
fn errors_and_hints_escape_the_values_they_echo() {
    let env = tampered();
    let err = env.fails(67, &["profile", "show", "\x1b[2J"]);
    inert(&err);
    insta::assert_snapshot!(err, @r#"
    error: profile "\u{1b}[2J" does not exist
    hint: list profiles with `roster profile list`
    "#);
    // The JSON error object keeps JSON's escaping of the same message.
    let err = env.fails(67, &["--json", "user", "show", EVIL]);
    inert(&err);
    let object: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(object["error"]["code"], 67);
    assert!(
        object["error"]["message"]
            .as_str()
            .unwrap()
            .contains(r"\u{1b}]0;pwned"),
        "{object}"
    );

    // A path echoed as it is: the database named by --db.
    let out = env
        .cmd()
        .args(["--db", "gone\x1b[2J/roster.db", "user", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    insta::assert_snapshot!(stderr_of(&out), @r"
    error: database not found: gone\u{1b}[2J/roster.db
    hint: create it with `roster --db 'gone\u{1b}[2J/roster.db' init` (or load data with `roster --db 'gone\u{1b}[2J/roster.db' seed`), or point --db / ROSTER_DB at an existing file
    ");

    // The refusal of a confirmation quotes the record.
    env.sql(&format!(
        "UPDATE users SET email = {}",
        quoted(&format!("ann{TITLE}@example.com"))
    ));
    let id = env.json(&["user", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let err = env.fails(2, &["user", "delete", &id]);
    inert(&err);
    assert!(
        err.contains(&format!("delete user ann{TITLE_SHOWN}@example.com")),
        "{err}"
    );
    insta::assert_snapshot!(redact(&err), @r"
    this deletes user ann\u{1b}]0;pwned\u{7}@example.com ([id]) and their 0 memberships
    error: delete user ann\u{1b}]0;pwned\u{7}@example.com: confirmation needed, and there is no terminal to ask
    hint: add --yes to confirm
    ");
}

#[test]
fn errors_before_the_command_runs_are_escaped_too() {
    let env = Env::init();
    // Unknown arguments, quoted by the command-line parser.
    let mut refusals = String::new();
    for args in [
        &["\x1b[2J"][..],
        &["user", "list", "--bogus\x1b]0;x\x07"],
        &["--format", "\x1b[2J", "user", "list"],
    ] {
        let out = env.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = stderr_of(&out);
        assert!(err.contains(r"\u{1b}"), "{args:?}: {err}");
        refusals.push_str(&err);
    }
    insta::assert_snapshot!(refusals, @r"
    error: unrecognized subcommand '\u{1b}[2J'

    Usage: roster [OPTIONS] <COMMAND>

    For more information, try '--help'.
    error: unexpected argument '--bogus\u{1b}]0;x\u{7}' found

    Usage: roster user list [OPTIONS]

    For more information, try '--help'.
    error: invalid value '\u{1b}[2J' for '--format <FORMAT>'
      [possible values: table, json, jsonl, csv]

    For more information, try '--help'.
    ");
    let out = env.run(&["--json", "\x1b[2J"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr_of(&out);
    let object: Value = serde_json::from_str(err.lines().last().unwrap()).unwrap();
    assert_eq!(object["error"]["kind"], "usage", "{err}");

    // Settings read from the environment.
    let out = env
        .cmd()
        .env("ROSTER_NOW", "\x1b[2J")
        .args(["user", "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    insta::assert_snapshot!(stderr_of(&out), @r#"
    error: ROSTER_NOW "\u{1b}[2J" is not an RFC 3339 time
    hint: for example ROSTER_NOW=2026-11-21T12:00:00Z, or unset it
    "#);
}

#[test]
fn a_seed_file_name_is_stored_escaped_in_the_audit_source() {
    let env = Env::init();
    let name = "demo\x1b[2J.json";
    write(
        &env,
        name,
        r#"[{"event": "profile-create", "data": {"name": "Family"}}]"#,
    );
    env.ok(&["seed", name]);
    let rows = env.json(&["audit"]);
    let source = rows.as_array().unwrap().last().unwrap()["source"].clone();
    assert_eq!(source, r"seed:demo\u{1b}[2J.json");
    let table = wide(&env, &["--format", "table", "audit"]);
    inert(&table);
    assert!(table.contains(r"seed:demo\u{1b}[2J.json"), "{table}");

    // Messages naming the file escape it as well.
    write(&env, name, r#"[{"event": "profile-craete", "data": {}}]"#);
    let err = env.fails(65, &["seed", name]);
    inert(&err);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 1 error; nothing was written
      demo\u{1b}[2J.json:1:12: event 1: unknown event "profile-craete"; did you mean "profile-create"?
    "#);
}

#[test]
fn a_login_name_is_stored_escaped_in_the_audit_actor() {
    let env = Env::init();
    let out = env
        .cmd()
        .env("USER", format!("eve{EVIL}"))
        .args(["--json", "profile", "create", "--name", "Family"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = env.json(&["audit"]);
    assert_eq!(
        rows.as_array().unwrap().last().unwrap()["actor"],
        format!("operator:eve{SHOWN}")
    );
    // LOGNAME, when USER is not set.
    let out = env
        .cmd()
        .env_remove("USER")
        .env("LOGNAME", "\u{202e}bob")
        .args(["--json", "profile", "create", "--name", "Office"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let rows = env.json(&["audit"]);
    assert_eq!(
        rows.as_array().unwrap().last().unwrap()["actor"],
        r"operator:\u{202e}bob"
    );
}

#[test]
fn seed_plans_escape_their_subjects() {
    let env = Env::init();
    write(
        &env,
        "seed.json",
        &serde_json::json!([{"event": "user-create", "data": {"email": BIDI_EMAIL, "name": "Ann"}}])
            .to_string(),
    );
    let mut plans = String::new();
    for format in ["table", "csv"] {
        let out = wide(
            &env,
            &["--format", format, "seed", "--dry-run", "seed.json"],
        );
        inert(&out);
        assert!(out.contains(BIDI_SHOWN), "{format}: {out}");
        plans.push_str(&out);
    }
    insta::assert_snapshot!(redact(&plans), @r"
         1  user-create     created   ann\u{202e}moc.elgoog@example.com
    ╭─────────────┬─────────┬─────────┬───────────┬─────────╮
    │ event       ┆ created ┆ updated ┆ unchanged ┆ removed │
    ╞═════════════╪═════════╪═════════╪═══════════╪═════════╡
    │ user-create ┆       1 ┆       0 ┆         0 ┆       0 │
    ╰─────────────┴─────────┴─────────┴───────────┴─────────╯
    dry run: 1 event checked ([n] ms, [n] events/s): 1 would change, 0 unchanged; nothing was written
    1,user-create,created,ann\u{202e}moc.elgoog@example.com
    event,created,updated,unchanged,removed
    user-create,1,0,0,0
    ");
    let plan = env.json(&["seed", "--dry-run", "seed.json"]);
    assert_eq!(plan["plan"][0]["subject"], BIDI_EMAIL, "{plan}");
}

#[test]
fn a_confirmation_prompt_escapes_what_it_asks_about() {
    if !pty::available() {
        return;
    }
    let env = Env::init();
    env.user("root@example.com", "Root");
    env.user("ann@example.com", "Ann");
    env.sql(&format!(
        "UPDATE users SET email = {} WHERE email = 'ann@example.com'",
        quoted(&format!("ann{TITLE}\u{202e}@example.com"))
    ));
    let id = env
        .json(&["user", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["name"] == "Ann")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut t = Pty::spawn(&env, &["user", "delete", &id]);
    let shown = format!(r"ann{TITLE_SHOWN}\u{{202e}}@example.com");
    t.expect(&format!("this deletes user {shown}"));
    t.expect(&format!("Type {shown} to confirm"));
    t.line("n");
    let (code, screen) = t.finish();
    assert_eq!(code, Some(2), "{screen}");
    // The screen as read has its CSI sequences taken out; what is left must hold no bell
    // (the end of the title-setting sequence) and no override.
    assert!(
        !screen.contains('\x07') && !screen.contains('\u{202e}'),
        "{screen:?}"
    );
    assert_eq!(env.json(&["user", "list"]).as_array().unwrap().len(), 2);
}

/// Issue 14's commands: transfer, leave, CSV invitations, backup and Stackpress files print
/// the names, emails, cells, paths and keys they echo escaped, in output and in errors.
#[test]
fn the_operator_commands_escape_what_they_echo() {
    let env = Env::init();
    env.user("root@example.com", "Root");
    env.json(&["user", "create", "--email", BIDI_EMAIL, "--name", "Ann"]);
    env.profile("Family");
    env.ok(&[
        "member",
        "add",
        "family",
        "root@example.com",
        "--role",
        "owner",
    ]);
    let out = wide(
        &env,
        &[
            "--format", "table", "profile", "transfer", "family", BIDI_EMAIL,
        ],
    );
    inert(&out);
    assert!(out.contains(BIDI_SHOWN), "{out}");
    let out = wide(
        &env,
        &[
            "--format",
            "table",
            "--as",
            "root@example.com",
            "member",
            "leave",
            "family",
        ],
    );
    inert(&out);

    // CSV invitations: an accepted address in the report, a bad cell in the error.
    write(&env, "ok.csv", &format!("email\n{BIDI_EMAIL}x\n"));
    let out = wide(
        &env,
        &[
            "--format", "table", "invite", "send", "family", "--csv", "ok.csv",
        ],
    );
    inert(&out);
    write(
        &env,
        "bad.csv",
        &format!("email,r{TITLE}ole\nbob{EVIL}@example.com\n"),
    );
    let err = stderr_of(&env.run(&["invite", "send", "family", "--csv", "bad.csv"]));
    assert!(err.contains(r"\u{1b}"), "{err}");

    // A backup path with an escape in its name.
    if !env.is_pg() {
        let name = format!("b{TITLE}.db");
        let out = wide(&env, &["--format", "table", "backup", &name]);
        inert(&out);
        assert!(out.contains(&format!("b{TITLE_SHOWN}.db")), "{out}");
    }

    // A Stackpress file whose person has a field name and a value holding escapes.
    write(
        &env,
        "sp.json",
        &format!(
            r#"[{{"event": "profile-create", "data": {{"id": "dev", "name": "Dev", "type": "person", "r{TITLE}oles": ["x"]}}}}]"#
        )
        .replace('\x1b', "\\u001b")
        .replace('\x07', "\\u0007"),
    );
    let err = stderr_of(&env.run(&["seed", "--from", "stackpress", "sp.json"]));
    assert!(err.contains(r"\u{1b}"), "{err}");
    let err = stderr_of(&env.run(&["seed", "sp.json"]));
    assert!(err.contains(r"\u{1b}"), "{err}");
}
