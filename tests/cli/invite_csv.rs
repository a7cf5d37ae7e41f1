//! `roster invite send PROFILE --csv FILE` (README "Inviting from a CSV file"): the header,
//! quoting, defaults from `--role` and `--expires-in`, every error of the file at once with
//! `FILE:LINE`, state refusals of every row at once, all or nothing, standard input, and
//! the report (a line and an accept command a row; JSON, an array).

use serde_json::Value;

use crate::common::*;
use crate::members::{ADMIN, MEMBER, OWNER, audit_since, family};
use crate::seeds::{snapshot, write};

/// `(email, role, seconds valid)` of each invitation in a report.
fn rows(v: &Value) -> Vec<(String, String, i64)> {
    let t =
        |i: &Value, f: &str| chrono::DateTime::parse_from_rfc3339(i[f].as_str().unwrap()).unwrap();
    v.as_array()
        .expect("an array")
        .iter()
        .map(|i| {
            (
                i["email"].as_str().unwrap().to_string(),
                i["role"].as_str().unwrap().to_string(),
                (t(i, "expires_at") - t(i, "created_at")).num_seconds(),
            )
        })
        .collect()
}

fn row(email: &str, role: &str, seconds: i64) -> (String, String, i64) {
    (email.into(), role.into(), seconds)
}

const H48: i64 = 48 * 3600;

#[test]
fn every_row_is_sent_in_one_command_with_its_accept_command() {
    let env = family();
    // A byte order mark, the header in another order and case, quoting, an empty line,
    // trailing columns left out, and whitespace around values.
    write(
        &env,
        "people.csv",
        "\u{feff}Expires_In,EMAIL,role\r\n7d,Dan@Example.com,admin\r\n\r\n,\"eve@example.com\",\n 1h , fay@example.com\n",
    );
    let before = env.audit_len();
    let v = env.json(&[
        "--as",
        OWNER,
        "invite",
        "send",
        "family",
        "--csv",
        "people.csv",
    ]);
    assert_eq!(
        rows(&v),
        vec![
            row("dan@example.com", "admin", 7 * 24 * 3600),
            row("eve@example.com", "member", H48),
            row("fay@example.com", "member", 3600),
        ]
    );
    for inv in v.as_array().unwrap() {
        let id = inv["id"].as_str().unwrap();
        assert_eq!(
            inv["accept_command"],
            format!(
                "roster --as {} invite accept {id}",
                inv["email"].as_str().unwrap()
            )
            .as_str()
        );
        assert_eq!(inv["status"], "pending");
    }
    // One invite-send audit row an invitation, in the file's order.
    let audit = audit_since(&env, before);
    let sent: Vec<&str> = audit
        .iter()
        .map(|r| r["data"]["email"].as_str().unwrap())
        .collect();
    assert_eq!(
        sent,
        ["dan@example.com", "eve@example.com", "fay@example.com"]
    );
    assert!(audit.iter().all(|r| r["event"] == "invite-send"));

    // The table: one line and one accept command a row, after the `user create` of an
    // invitee with no account (gus has one, hal none).
    env.user("gus@example.com", "Gus");
    write(
        &env,
        "more.csv",
        "email\ngus@example.com\nhal@example.com\n",
    );
    let out = env.ok(&[
        "--format", "table", "invite", "send", "family", "--csv", "more.csv",
    ]);
    insta::assert_snapshot!(redact(&out), @"
    sent invitation [id] to gus@example.com for family as member, expires 2026-11-23T12:00:14.000Z
      accept with: roster --as gus@example.com invite accept [id]
    sent invitation [id] to hal@example.com for family as member, expires 2026-11-23T12:00:14.000Z
      hal@example.com has no account yet: create it first with
        roster user create --email hal@example.com
      then accept with: roster --as hal@example.com invite accept [id]
    ");
}

#[test]
fn role_and_expires_in_are_the_defaults_of_empty_cells() {
    let env = family();
    write(
        &env,
        "p.csv",
        "email,role,expires_in\na@example.com,,\nb@example.com,member,\nc@example.com\n",
    );
    let v = env.json(&[
        "invite",
        "send",
        "family",
        "--csv",
        "p.csv",
        "--role",
        "admin",
        "--expires-in",
        "2h",
    ]);
    assert_eq!(
        rows(&v),
        vec![
            row("a@example.com", "admin", 7200),
            row("b@example.com", "member", 7200),
            row("c@example.com", "admin", 7200),
        ]
    );
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let env = family();
    let v = env.json_with(
        &["invite", "send", "family", "--csv", "-"],
        "email\ndan@example.com\n",
    );
    assert_eq!(rows(&v), vec![row("dan@example.com", "member", H48)]);
    // A report of one row is still an array.
    assert!(v.is_array());
    let err = env.fails_with(
        68,
        &["invite", "send", "family", "--csv", "-"],
        "email\ndan@example.com\n",
    );
    assert!(
        err.contains("\n  <stdin>:2: dan@example.com already has a pending invitation"),
        "{err}"
    );
}

#[test]
fn every_error_of_the_file_is_listed_at_once_and_nothing_is_written() {
    let env = family();
    write(
        &env,
        "bad.csv",
        "email,role,expires_in\n\
         not-an-email,member,48h\n\
         ok@example.com,Bad Role,forever\n\
         \"dup@example.com\"\n\
         DUP@example.com,,\n\
         x@example.com,,,extra\n\
         ,admin\n",
    );
    let before = snapshot(&env);
    let err = env.fails(65, &["invite", "send", "family", "--csv", "bad.csv"]);
    insta::assert_snapshot!(err, @r#"
    error: bad.csv has 6 errors; nothing was written
      bad.csv:2: email "not-an-email": has no '@'
      bad.csv:3: role "Bad Role": a role name is a letter, then up to 31 letters, digits, '-' or '_'
      bad.csv:3: expires_in "forever": is not a duration
      bad.csv:5: email "dup@example.com" is given twice (first on line 4)
      bad.csv:6: 4 fields, but the header names 3 columns
      bad.csv:7: email: required
    hint: an email looks like name@example.com
    hint: the built-in profile roles are owner, admin and member; `roster role list` shows the rest
    hint: write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)
    "#);
    assert_eq!(snapshot(&env), before);
}

#[test]
fn the_header_is_checked_with_the_nearest_spelling() {
    let env = family();
    write(
        &env,
        "h.csv",
        "emial,role,expires\na@example.com,member,48h\n",
    );
    let err = env.fails(65, &["invite", "send", "family", "--csv", "h.csv"]);
    insta::assert_snapshot!(err, @r#"
    error: h.csv has 2 errors; nothing was written
      h.csv:1: unknown column "emial"; did you mean "email"?
      h.csv:1: unknown column "expires"
    hint: the columns are email, role and expires_in
    "#);
    write(&env, "no-email.csv", "role\nadmin\n");
    let err = env.fails(65, &["invite", "send", "family", "--csv", "no-email.csv"]);
    assert!(
        err.contains("no-email.csv:1: the header row has no email column"),
        "{err}"
    );
    write(&env, "empty.csv", "\n\n");
    let err = env.fails(65, &["invite", "send", "family", "--csv", "empty.csv"]);
    assert!(err.contains("error: empty.csv: no header row"), "{err}");
    write(&env, "header.csv", "email\n");
    let err = env.fails(65, &["invite", "send", "family", "--csv", "header.csv"]);
    assert!(
        err.contains("header.csv: no invitations, only a header row"),
        "{err}"
    );
    std::fs::write(env.path("latin1.csv"), b"email\n\xe9@example.com\n").unwrap();
    let err = env.fails(65, &["invite", "send", "family", "--csv", "latin1.csv"]);
    assert!(
        err.contains("latin1.csv:2: field 1 is not UTF-8 text"),
        "{err}"
    );
}

#[test]
fn refusals_of_every_row_are_listed_and_the_first_gives_the_code() {
    let env = family();
    env.ok(&["invite", "send", "family", "pending@example.com"]);
    write(
        &env,
        "state.csv",
        "email,role\n\
         new@example.com,member\n\
         alice@example.com,member\n\
         pending@example.com,member\n\
         other@example.com,member\n",
    );
    let before = snapshot(&env);
    let err = env.fails(68, &["invite", "send", "family", "--csv", "state.csv"]);
    insta::assert_snapshot!(redact(&err), @"
    error: state.csv has 2 errors; nothing was written
      state.csv:3: alice@example.com is already a member of profile family (role admin)
      state.csv:4: pending@example.com already has a pending invitation to profile family (id [id], expires 2026-11-23T12:00:10.000Z)
    hint: change their role with `roster member role family alice@example.com ROLE`
    hint: add --resend to extend it
    ");
    assert_eq!(
        snapshot(&env),
        before,
        "new@ and other@ were not sent either"
    );

    // A role nobody defined is 67, named by its line.
    write(
        &env,
        "role.csv",
        "email,role\nnew@example.com,editor\nb@example.com,viewer\n",
    );
    let err = env.fails(67, &["invite", "send", "family", "--csv", "role.csv"]);
    assert!(
        err.contains("role.csv has 2 errors; nothing was written"),
        "{err}"
    );
    assert!(err.contains("\n  role.csv:2: "), "{err}");
    assert!(err.contains("\n  role.csv:3: "), "{err}");

    // No escalation: an admin may not offer owner (77, by line), and learns nothing of the
    // other rows' state.
    write(
        &env,
        "owner.csv",
        "email,role\npending@example.com,member\nboss@example.com,owner\n",
    );
    let err = env.fails(
        77,
        &[
            "--as",
            ADMIN,
            "invite",
            "send",
            "family",
            "--csv",
            "owner.csv",
        ],
    );
    assert!(
        err.contains("owner.csv has 1 error; nothing was written"),
        "{err}"
    );
    assert!(err.contains("\n  owner.csv:3: permission denied"), "{err}");
    assert!(!err.contains("pending invitation"), "{err}");
    assert_eq!(snapshot(&env), before);

    // A member may not invite at all: one refusal for the command, as without --csv.
    let err = env.fails(
        77,
        &[
            "--as",
            MEMBER,
            "invite",
            "send",
            "family",
            "--csv",
            "state.csv",
        ],
    );
    assert!(
        err.starts_with("error: permission denied: mike@example.com may not invite-send in family"),
        "{err}"
    );
}

#[test]
fn the_invitation_limit_names_the_rows_past_it() {
    let env = family();
    env.ok(&["profile", "update", "family", "--invitation-limit", "2"]);
    write(
        &env,
        "four.csv",
        "email\na@example.com\nb@example.com\nc@example.com\nd@example.com\n",
    );
    let before = snapshot(&env);
    let err = env.fails(68, &["invite", "send", "family", "--csv", "four.csv"]);
    insta::assert_snapshot!(err, @"
    error: four.csv has 2 errors; nothing was written
      four.csv:4: profile family has 2 of 2 pending invitations (its invitation_limit)
      four.csv:5: profile family has 2 of 2 pending invitations (its invitation_limit)
    hint: raise the limit with `roster profile update family --invitation-limit 3`, or cancel pending invitations
    ");
    assert_eq!(snapshot(&env), before);
    env.ok(&["profile", "update", "family", "--invitation-limit", "4"]);
    let v = env.json(&["invite", "send", "family", "--csv", "four.csv"]);
    assert_eq!(v.as_array().map(Vec::len), Some(4));
}

#[test]
fn resend_extends_the_pending_rows() {
    let env = family();
    write(&env, "p.csv", "email\na@example.com\nb@example.com\n");
    let first = env.json(&[
        "invite",
        "send",
        "family",
        "a@example.com",
        "--expires-in",
        "1h",
    ]);
    let before = env.audit_len();
    let v = env.json(&["invite", "send", "family", "--csv", "p.csv", "--resend"]);
    assert_eq!(v[0]["id"], first[0]["id"], "the same invitation, extended");
    assert!(
        v[0]["expires_at"].as_str().unwrap() > first[0]["expires_at"].as_str().unwrap(),
        "{v}"
    );
    assert_eq!(rows(&v)[1], row("b@example.com", "member", H48));
    let events: Vec<String> = audit_since(&env, before)
        .iter()
        .map(|r| r["event"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(events, ["invite-resend", "invite-send"]);
}

#[test]
fn usage_and_input_errors() {
    let env = family();
    write(&env, "p.csv", "email\na@example.com\n");
    let before = snapshot(&env);
    // --csv goes with neither EMAILs nor --id.
    let err = env.fails(
        2,
        &[
            "invite",
            "send",
            "family",
            "b@example.com",
            "--csv",
            "p.csv",
        ],
    );
    assert!(err.contains("cannot be used with"), "{err}");
    let err = env.fails(
        2,
        &["invite", "send", "family", "--csv", "p.csv", "--id", "x"],
    );
    assert!(err.contains("cannot be used with"), "{err}");
    // A missing file is 66; so is a directory.
    let err = env.fails(66, &["invite", "send", "family", "--csv", "nope.csv"]);
    insta::assert_snapshot!(err, @"
    error: CSV file not found: nope.csv
    hint: give the path of a CSV file, or - to read standard input
    ");
    std::fs::create_dir(env.path("dir.csv")).unwrap();
    let err = env.fails(66, &["invite", "send", "family", "--csv", "dir.csv"]);
    assert!(
        err.contains("dir.csv is a directory, not a CSV file"),
        "{err}"
    );
    // A bad default is refused before the file is read.
    let err = env.fails(
        65,
        &[
            "invite",
            "send",
            "family",
            "--csv",
            "nope.csv",
            "--expires-in",
            "0s",
        ],
    );
    assert!(
        err.contains("--expires-in \"0s\": must be longer than zero"),
        "{err}"
    );
    // Beyond the input limit: refused, from a file or from standard input.
    let big = format!("email\n{}", "a@example.com\n".repeat(10));
    write(&env, "big.csv", &big);
    for (file, stdin) in [("big.csv", ""), ("-", big.as_str())] {
        let out = env
            .cmd()
            .env("ROSTER_MAX_INPUT", "64")
            .args(["invite", "send", "family", "--csv", file])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(65), "{file}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is larger than the input limit of 64 bytes"),
            "{err}"
        );
    }
    assert_eq!(snapshot(&env), before);
}
