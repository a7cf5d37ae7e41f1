//! Tables at a real terminal's widths (60, 100 and 200 columns) on the demo with long names
//! and emails: no line wider than the terminal, no id, email or timestamp split or cut
//! (each is in the output whole, or its column is named as left out), a count line under
//! lists, and doctor's fix commands whole on their lines.

use serde_json::Value;

use crate::common::*;

const WIDTHS: [u16; 3] = [60, 100, 200];
const LONG_EMAIL: &str = "alexandra.konstantinou@example.com";
const LONG_NAME: &str = "Alexandra Konstantinou-Papadopoulos of Thessaloniki";

/// The demo seed, and records with generated (UUID) ids, long names and long emails; a
/// profile the operator made, so with no owner (a doctor finding).
fn demo() -> Env {
    let env = Env::new();
    env.ok(&["seed", concat!(env!("CARGO_MANIFEST_DIR"), "/seed.json")]);
    env.ok(&[
        "user",
        "create",
        "--email",
        LONG_EMAIL,
        "--username",
        "alexandra_konstantinou",
        "--name",
        LONG_NAME,
        "--tag",
        "family",
        "--tag",
        "early-adopter",
    ]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "bartholomew.featherstonehaugh@example.org",
        "--name",
        "Bartholomew Featherstonehaugh",
    ]);
    env.ok(&[
        "member",
        "add",
        "smith-family",
        LONG_EMAIL,
        "--role",
        "admin",
    ]);
    env.ok(&[
        "profile",
        "create",
        "--name",
        "The Long-Named Reading Society of Upper Wessex",
    ]);
    env.ok(&[
        "media",
        "add",
        "smith-family",
        "--type",
        "movie",
        "--title",
        "Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb",
        "--year",
        "1964",
    ]);
    env
}

/// Runs a table command at `width` columns: (stdout, stderr) and whether it exited 0.
fn at(env: &Env, width: u16, args: &[&str]) -> (String, String, bool) {
    in_format(env, width, "table", args)
}

/// [`at`] in another `--format`.
fn in_format(env: &Env, width: u16, format: &str, args: &[&str]) -> (String, String, bool) {
    let out = env
        .cmd()
        .env("COLUMNS", width.to_string())
        .args(["--format", format])
        .args(args)
        .output()
        .expect("run roster");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.success(),
    )
}

/// No line of `stdout` is wider than `width`, but for those `exempt` allows.
fn fits(stdout: &str, width: u16, exempt: impl Fn(&str) -> bool) {
    for line in stdout.lines() {
        assert!(
            line.chars().count() <= usize::from(width) || exempt(line),
            "wider than {width}: {line:?}\n{stdout}"
        );
    }
}

/// Every value of `columns` in `items` is in `stdout` whole, or the hint on stderr names
/// its column as left out; and a left-out column is not in the header.
fn whole_or_left_out(stdout: &str, stderr: &str, items: &[Value], columns: &[&str]) {
    let left_out: Vec<&str> = stderr
        .lines()
        .find_map(|l| l.strip_prefix("hint: left out to fit "))
        .and_then(|l| l.split_once(": "))
        .map(|(_, names)| names.split("; ").next().unwrap_or("").split(", ").collect())
        .unwrap_or_default();
    let header = stdout.lines().nth(1).unwrap_or("");
    for c in columns {
        if left_out.contains(c) {
            assert!(
                !header.split([' ', '│', '┆']).any(|h| h == *c),
                "{c} is both shown and left out\n{stdout}{stderr}"
            );
            continue;
        }
        for item in items {
            if let Some(v) = item
                .get(*c)
                .and_then(Value::as_str)
                .filter(|v| !v.is_empty())
            {
                assert!(
                    stdout.contains(v),
                    "{c} {v:?} is not whole in the table, nor its column left out\n{stdout}{stderr}"
                );
            }
        }
    }
}

fn snapshot(env: &Env, name: &str, width: u16, stdout: &str, stderr: &str) {
    insta::assert_snapshot!(
        format!("{name}_{width}"),
        format!("{}--- stderr\n{}", env.redact(stdout), env.redact(stderr))
    );
}

fn items(v: Value) -> Vec<Value> {
    match v {
        Value::Array(items) => items,
        Value::Object(mut o) => match o.remove("items") {
            Some(Value::Array(items)) => items,
            _ => vec![Value::Object(o)],
        },
        other => vec![other],
    }
}

#[test]
fn lists_fit_the_terminal_and_never_split_an_id() {
    let env = demo();
    let lists: [(&str, &[&str], &[&str]); 4] = [
        ("user_list", &["user", "list"], &["id", "email", "username"]),
        ("profile_list", &["profile", "list"], &["slug", "color"]),
        (
            "member_list",
            &["member", "list", "smith-family"],
            &["email", "username", "role", "created_at"],
        ),
        (
            "media_list",
            &["media", "list", "smith-family"],
            &["id", "type", "status"],
        ),
    ];
    for (name, args, whole) in lists {
        let data = items(env.json(args));
        let noun = match name {
            "user_list" => "users",
            "profile_list" => "profiles",
            "member_list" => "members",
            _ => "media items",
        };
        for width in WIDTHS {
            let (stdout, stderr, ok) = at(&env, width, args);
            assert!(ok, "{args:?} at {width}: {stderr}");
            fits(&stdout, width, |_| false);
            whole_or_left_out(&stdout, &stderr, &data, whole);
            // The count line, on stderr (stdout is the table alone).
            assert!(
                stderr
                    .lines()
                    .any(|l| l == format!("{} {noun}", data.len())),
                "{stderr}"
            );
            snapshot(&env, name, width, &stdout, &stderr);
        }
        // Wide enough, nothing is left out; at 60 something is (the UUIDs take 36).
        let (_, wide, _) = at(&env, 200, args);
        assert!(!wide.contains("left out"), "{wide}");
    }
    let (stdout, stderr, _) = at(&env, 60, &["user", "list"]);
    assert!(
        stdout.contains("Alexandra K…") && stdout.contains("alexandra.konstantinou@example.com"),
        "{stdout}"
    );
    assert!(
        stderr.contains("`--format json` every field"),
        "the note says how to see the rest: {stderr}"
    );
}

#[test]
fn a_record_keeps_its_keys_and_ids_whole_and_wraps_at_spaces() {
    let env = demo();
    let user = env.json(&["user", "show", LONG_EMAIL]);
    for width in WIDTHS {
        let (stdout, stderr, ok) = at(&env, width, &["user", "show", LONG_EMAIL]);
        assert!(ok, "{stderr}");
        fits(&stdout, width, |_| false);
        for f in ["id", "email", "username", "created_at", "updated_at"] {
            let v = user[f].as_str().unwrap();
            assert!(stdout.contains(v), "{f} {v:?} split at {width}\n{stdout}");
        }
        // Every key, whole, at the start of its row.
        for f in ["email_verified_at", "phone_verified_at", "has_password"] {
            assert!(
                stdout.contains(&format!("│ {f} ")),
                "{f} at {width}\n{stdout}"
            );
        }
        snapshot(&env, "user_show", width, &stdout, &stderr);
    }
    // At 60 the long name wraps at its spaces, every word whole.
    let (stdout, _, _) = at(&env, 60, &["user", "show", LONG_EMAIL]);
    for word in LONG_NAME.split(' ') {
        assert!(stdout.contains(word), "{word}\n{stdout}");
    }
}

#[test]
fn doctor_prints_each_fix_whole_on_one_line() {
    let env = demo();
    let report = doctor_json(&env);
    for width in WIDTHS {
        let (stdout, stderr, ok) = at(&env, width, &["doctor"]);
        assert!(!ok);
        // A fix command is never split; only a command longer than the terminal may be.
        fits(&stdout, width, |l| {
            l.starts_with("    roster ") || l.starts_with("  fix: roster ")
        });
        for f in report["findings"].as_array().unwrap() {
            let fix = f["fix"].as_str().unwrap();
            let command = &fix[fix.find("roster ").unwrap()..];
            assert!(
                stdout.lines().any(|l| l.ends_with(command)),
                "{command:?} not whole on a line at {width}\n{stdout}"
            );
            assert!(stdout.contains(f["subject"].as_str().unwrap()), "{stdout}");
        }
        snapshot(&env, "doctor", width, &stdout, &stderr);
    }
}

/// `roster --json doctor`, which exits 1 with findings.
fn doctor_json(env: &Env) -> Value {
    let out = env.run(&["--json", "doctor"]);
    assert_eq!(out.status.code(), Some(1));
    serde_json::from_slice(&out.stdout).expect("doctor's JSON")
}

#[test]
fn csv_and_json_keep_every_column_uncut() {
    let env = demo();
    let (csv, _, _) = in_format(&env, 60, "csv", &["user", "list"]);
    assert!(csv.starts_with("id,email,username,phone,name,"), "{csv}");
    assert!(csv.contains(LONG_NAME) && csv.contains(LONG_EMAIL), "{csv}");
    let (json, stderr, _) = in_format(&env, 60, "json", &["user", "list"]);
    assert!(
        stderr.is_empty(),
        "no count line nor note for JSON: {stderr}"
    );
    let users: Value = serde_json::from_str(&json).unwrap();
    assert!(
        users
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["name"] == LONG_NAME)
    );
}

#[test]
fn quiet_prints_the_table_without_the_count_or_the_note() {
    let env = demo();
    let (stdout, stderr, ok) = at(&env, 60, &["-q", "user", "list"]);
    assert!(ok);
    assert!(
        stdout.contains(LONG_EMAIL) || stdout.contains("Alexandra"),
        "{stdout}"
    );
    assert!(stderr.is_empty(), "{stderr}");
}
