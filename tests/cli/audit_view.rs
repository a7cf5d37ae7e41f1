//! `roster audit` read by a person: actors and subjects by their labels, a summary of each
//! change, the `--subject`, `--profile` and `--until` filters, an unknown `--event`, and the
//! operator's name without `USER` and `LOGNAME`.

use serde_json::Value;

use crate::common::*;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn id(v: &Value) -> String {
    v["id"].as_str().expect("an id").to_string()
}

/// Runs roster with the clock pinned at `now`; expects success; returns stdout.
fn at(env: &Env, now: &str, args: &[&str]) -> String {
    let o = env
        .cmd()
        .env("ROSTER_NOW", now)
        .args(args)
        .output()
        .expect("run roster");
    assert_eq!(o.status.code(), Some(0), "{args:?}: {}", text(&o.stderr));
    text(&o.stdout)
}

/// The rows of `audit ARGS`.
fn rows(env: &Env, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["audit"];
    all.extend_from_slice(args);
    env.json(&all).as_array().expect("a list").clone()
}

/// (event, subject_label, summary) of each row.
fn told(rows: &[Value]) -> Vec<(String, String, String)> {
    rows.iter()
        .map(|r| {
            let s = |k: &str| {
                r[k].as_str()
                    .unwrap_or_else(|| panic!("{k}: {r}"))
                    .to_string()
            };
            (s("event"), s("subject_label"), s("summary"))
        })
        .collect()
}

fn events(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["event"].as_str().unwrap().to_string())
        .collect()
}

struct World {
    env: Env,
    ann: Value,
    bob: Value,
    family: Value,
    film: Value,
    invitation: String,
}

/// ann (an admin, by email) and bob (a username only); the profile family, bob a member
/// made admin, a film, an invitation, a profile role, a session of ann's; each by the
/// operator, then one change by ann.
fn world() -> World {
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
    let bob = env.json(&["user", "create", "--username", "bob", "--name", "Bob"]);
    let family = env.profile("Family");
    env.json(&["member", "add", "family", "bob"]);
    env.json(&["member", "role", "family", "bob", "admin"]);
    let film = env.json(&[
        "media", "add", "family", "--type", "movie", "--title", "Film 2",
    ]);
    let invitation = id(&env.json(&["invite", "send", "family", "dan@example.com"])[0]);
    env.json(&[
        "role",
        "create",
        "editor",
        "--scope",
        "profile",
        "--allow",
        "media-add",
    ]);
    env.ok(&["session", "issue", "ann@example.com", "--profile", "family"]);
    env.json(&[
        "--as",
        "ann@example.com",
        "profile",
        "update",
        "family",
        "--name",
        "The Family",
        "--color",
        "#112233",
    ]);
    World {
        env,
        ann,
        bob,
        family,
        film,
        invitation,
    }
}

// ---------------------------------------------------------------- labels and summaries

#[test]
fn json_keeps_the_ids_and_adds_labels_and_a_summary() {
    let w = world();
    let all = rows(&w.env, &[]);
    let short = &w.invitation[..8];
    let expected: Vec<(String, String, String)> = [
        ("user-create", "ann@example.com", "roles admin"),
        ("user-create", "bob", ""),
        ("profile-create", "family", ""),
        ("member-add", "family: bob", "role member"),
        ("member-role", "family: bob", "role member → admin"),
        ("media-add", "family: Film 2", ""),
        (
            "invite-send",
            short,
            "dan@example.com to family, role member, expires ",
        ),
        ("role-create", "editor", "allows media-add"),
        (
            "session-issue",
            "session of ann@example.com",
            "profile family, expires ",
        ),
        ("profile-update", "family", "name, color"),
    ]
    .iter()
    .map(|(e, s, m)| (e.to_string(), s.to_string(), m.to_string()))
    .collect();
    let got = told(&all);
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for (g, e) in got.iter().zip(&expected) {
        assert_eq!((&g.0, &g.1), (&e.0, &e.1));
        // The expiry dates depend on the clock: the rest is exact.
        if e.2.ends_with("expires ") {
            assert!(g.2.starts_with(&e.2), "{g:?}");
            assert_eq!(g.2.len(), e.2.len() + 10, "a date: {g:?}");
        } else {
            assert_eq!(g.2, e.2);
        }
    }
    // The stored actor and subject are unchanged: the labels are added after them.
    let first = &all[0];
    assert_eq!(first["subject"], w.ann["id"]);
    assert_eq!(first["actor"], "operator:tester");
    assert_eq!(first["actor_label"], "operator:tester");
    let last = all.last().unwrap();
    assert_eq!(last["actor"], format!("user:{}", id(&w.ann)));
    assert_eq!(last["actor_label"], "ann@example.com");
    assert_eq!(last["subject"], w.family["id"]);
    let keys: Vec<&String> = last.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "seq",
            "at",
            "actor",
            "event",
            "subject",
            "data",
            "source",
            "prev_hash",
            "hash",
            "keyed",
            "actor_label",
            "subject_label",
            "summary"
        ]
    );
    // jsonl and csv carry the same three.
    let jsonl = w.env.ok(&["--format", "jsonl", "audit", "--limit", "1"]);
    let line: Value = serde_json::from_str(jsonl.trim()).unwrap();
    assert_eq!(line["summary"], "name, color");
    let csv = w.env.ok(&["--format", "csv", "audit", "--limit", "1"]);
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",keyed,actor_label,subject_label,summary")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",false,ann@example.com,family,\"name, color\"")
    );
}

#[test]
fn the_table_shows_labels_and_summaries() {
    let w = world();
    let o = w
        .env
        .cmd()
        .env("COLUMNS", "130")
        .args(["--format", "table", "audit", "--event", "member-role"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let table = text(&o.stdout);
    let row = table.lines().nth(3).unwrap();
    assert!(
        row.contains("operator:tester ┆ member-role ┆ family: bob ┆ role member → admin ┆ cli"),
        "{table}"
    );
    assert!(!table.contains(&id(&w.bob)), "no ids in the table: {table}");
    // Narrow: the summary is cut with … or leaves; the labels are never split.
    let o = w
        .env
        .cmd()
        .env("COLUMNS", "60")
        .args(["--format", "table", "audit"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let table = text(&o.stdout);
    for line in table.lines() {
        assert!(
            unicode_width(line) <= 60,
            "wider than the terminal: {line}\n{table}"
        );
    }
    assert!(
        text(&o.stderr).contains("left out"),
        "the note names what left: {}",
        text(&o.stderr)
    );
}

fn unicode_width(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn records_that_are_gone_keep_the_labels_their_rows_recorded() {
    let w = world();
    let env = &w.env;
    env.ok(&["--yes", "media", "remove", &id(&w.film)]);
    env.ok(&["--yes", "member", "remove", "family", "bob"]);
    env.ok(&["--yes", "user", "delete", "bob"]);
    let all = rows(env, &[]);
    let by_event = |e: &str| -> Vec<&Value> { all.iter().filter(|r| r["event"] == e).collect() };
    // The item: `slug: title` from the removal's data (the profile is still there).
    for r in by_event("media-add")
        .iter()
        .chain(&by_event("media-remove"))
    {
        assert_eq!(r["subject_label"], "family: Film 2", "{r}");
    }
    // The membership: the slug and the user as the rows recorded them.
    for r in by_event("member-role") {
        assert_eq!(r["subject_label"], format!("family: {}", id(&w.bob)), "{r}");
    }
    // The user: the username the deletion recorded; the rows before name them the same way
    // when their data did (user-create records the user).
    for r in by_event("user-delete") {
        assert_eq!(r["subject_label"], "bob", "{r}");
    }
    assert_eq!(by_event("user-create")[1]["subject_label"], "bob");
}

#[test]
fn an_actor_who_is_gone_is_named_by_id() {
    let env = Env::init();
    env.user("root@example.com", "Root");
    let carl = env.user("carl@example.com", "Carl");
    env.ok(&["user", "grant", "carl@example.com", "admin"]);
    env.ok(&[
        "--as",
        "carl@example.com",
        "user",
        "update",
        "root@example.com",
        "--name",
        "R",
    ]);
    env.ok(&[
        "--as",
        "root@example.com",
        "--yes",
        "user",
        "delete",
        "carl@example.com",
    ]);
    let update = rows(&env, &["--event", "user-update"]);
    assert_eq!(update[0]["actor"], format!("user:{}", id(&carl)));
    assert_eq!(update[0]["actor_label"], id(&carl));
    assert_eq!(update[0]["subject_label"], "root@example.com");
}

#[test]
fn summaries_of_other_changes() {
    let w = world();
    let env = &w.env;
    env.ok(&["user", "update", "bob", "--name", "Robert", "--tag", "x"]);
    env.ok(&["user", "grant", "bob", "admin"]);
    env.ok(&["user", "disable", "bob"]);
    env.ok(&["--yes", "profile", "delete", "family"]);
    let all = rows(env, &["--limit", "4"]);
    let got: Vec<(String, String)> = told(&all).into_iter().map(|(e, _, s)| (e, s)).collect();
    let want: Vec<(String, String)> = [
        ("user-update", "name, tags"),
        ("user-grant", "roles admin"),
        ("user-disable", ""),
        ("profile-delete", "1 member, 1 invitation, 1 media"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
    // The deleted profile is named by the slug its deletion recorded.
    assert_eq!(all[3]["subject_label"], "family");
}

// ---------------------------------------------------------------- filters

#[test]
fn filter_by_subject_names_users_profiles_roles_and_raw_ids() {
    let w = world();
    let env = &w.env;
    for given in ["ann@example.com", "ann", id(&w.ann).as_str()] {
        assert_eq!(
            events(&rows(env, &["--subject", given])),
            ["user-create"],
            "{given}"
        );
    }
    assert_eq!(
        events(&rows(env, &["--subject", "family"])),
        ["profile-create", "profile-update"]
    );
    assert_eq!(
        events(&rows(env, &["--subject", &id(&w.family)])),
        ["profile-create", "profile-update"]
    );
    assert_eq!(
        events(&rows(env, &["--subject", "editor"])),
        ["role-create"]
    );
    assert_eq!(
        events(&rows(env, &["--subject", &w.invitation])),
        ["invite-send"]
    );
    // A raw subject that names nothing any more still finds its rows.
    env.ok(&["--yes", "media", "remove", &id(&w.film)]);
    assert_eq!(
        events(&rows(env, &["--subject", &id(&w.film)])),
        ["media-add", "media-remove"]
    );
    assert!(rows(env, &["--subject", "nobody@example.com"]).is_empty());
    // Combined with the other filters.
    assert_eq!(
        events(&rows(env, &["--subject", "family", "--actor", "ann"])),
        ["profile-update"]
    );
}

#[test]
fn filter_by_profile_takes_its_members_invitations_media_and_sessions() {
    let w = world();
    let env = &w.env;
    // Outside the profile: another profile and its member.
    env.profile("Other");
    env.json(&["member", "add", "other", "ann"]);
    let want = [
        "profile-create",
        "member-add",
        "member-role",
        "media-add",
        "invite-send",
        "session-issue",
        "profile-update",
    ];
    assert_eq!(events(&rows(env, &["--profile", "family"])), want);
    assert_eq!(events(&rows(env, &["--profile", &id(&w.family)])), want);
    assert_eq!(
        events(&rows(env, &["--profile", "other"])),
        ["profile-create", "member-add"]
    );
    // A deleted profile is still found by the slug and the id its rows recorded.
    env.ok(&["--yes", "profile", "delete", "family"]);
    let mut gone = want.to_vec();
    gone.push("profile-delete");
    assert_eq!(events(&rows(env, &["--profile", "family"])), gone);
    assert_eq!(events(&rows(env, &["--profile", &id(&w.family)])), gone);
}

#[test]
fn until_mirrors_since_with_times_dates_and_ages() {
    let env = Env::init();
    for (now, email) in [
        ("2026-03-01T10:00:00Z", "a@example.com"),
        ("2026-03-02T10:00:00Z", "b@example.com"),
        ("2026-03-03T10:00:00Z", "c@example.com"),
    ] {
        at(
            &env,
            now,
            &["user", "create", "--email", email, "--name", "X"],
        );
    }
    let labels = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--json", "audit"];
        all.extend_from_slice(args);
        let out = at(&env, "2026-03-03T12:00:00Z", &all);
        let v: Value = serde_json::from_str(&out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|r| r["subject_label"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(labels(&["--until", "2026-03-02"]), ["a@example.com"]);
    assert_eq!(
        labels(&["--until", "2026-03-02T10:00:00Z"]),
        ["a@example.com"],
        "before the time: not at it"
    );
    assert_eq!(
        labels(&["--since", "2026-03-02", "--until", "2026-03-03"]),
        ["b@example.com"]
    );
    // Ages count back from now (12:00 on the 3rd).
    assert_eq!(labels(&["--since", "3h"]), ["c@example.com"]);
    assert_eq!(
        labels(&["--until", "3h"]),
        ["a@example.com", "b@example.com"]
    );
    assert_eq!(
        labels(&["--since", "2d", "--until", "1d"]),
        ["b@example.com"]
    );
    let err = env.fails(65, &["audit", "--until", "soon"]);
    assert!(err.contains("--until"), "{err}");
}

// ---------------------------------------------------------------- --event

#[test]
fn an_unknown_event_is_a_usage_error_with_the_nearest_name() {
    let w = world();
    let env = &w.env;
    let err = env.fails(2, &["audit", "--event", "user-creat"]);
    insta::assert_snapshot!(err, @r#"
    error: --event "user-creat": no audit event has that name
    hint: did you mean "user-create"?
    "#);
    let err = env.fails(2, &["audit", "--event", "sesion-revoke"]);
    assert!(err.contains("did you mean \"session-revoke\"?"), "{err}");
    // Nothing near: the names are listed, audit-only events among them.
    let err = env.fails(2, &["audit", "--event", "zzzzzzzz"]);
    for name in ["user-create", "login", "invite-resend", "mail-sent"] {
        assert!(err.contains(name), "{name}: {err}");
    }
    // Events the audit log records that are not permissions are accepted.
    for e in [
        "login",
        "login-failed",
        "session-create",
        "invite-resend",
        "invite-expire",
        "mail-sent",
        "media-update",
    ] {
        assert!(rows(env, &["--event", e]).is_empty(), "{e}");
    }
    assert_eq!(
        events(&rows(env, &["--event", "Session-Issue"])),
        ["session-issue"]
    );
}

// ---------------------------------------------------------------- the operator's name

/// The OS account's login name, as `id -un` says.
fn os_login() -> String {
    let o = std::process::Command::new("id").arg("-un").output();
    match o {
        Ok(o) if o.status.success() => text(&o.stdout).trim().to_string(),
        _ => {
            let uid = std::process::Command::new("id").arg("-u").output().unwrap();
            format!("uid:{}", text(&uid.stdout).trim())
        }
    }
}

#[test]
fn without_user_and_logname_the_operator_is_the_os_account() {
    let env = Env::init();
    let o = env
        .cmd()
        .env_remove("USER")
        .env_remove("LOGNAME")
        .args([
            "--json",
            "user",
            "create",
            "--email",
            "os@example.com",
            "--name",
            "Os",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let row = &rows(&env, &[])[0];
    let login = os_login();
    assert!(!login.is_empty());
    assert_eq!(row["actor"], format!("operator:{login}"));
    assert_ne!(row["actor"], "operator:unknown");
    // LOGNAME alone is taken, as USER is.
    env.cmd()
        .env_remove("USER")
        .env("LOGNAME", "logger")
        .args([
            "--json",
            "user",
            "create",
            "--email",
            "lg@example.com",
            "--name",
            "Lg",
        ])
        .assert()
        .success();
    assert_eq!(rows(&env, &[])[1]["actor"], "operator:logger");
}

/// A uid with no entry in the password database is named `uid:N` (run as root only: the
/// test drops to an unused uid with `setpriv`).
#[test]
fn a_uid_without_an_account_is_named_by_number() {
    let uid = std::process::Command::new("id").arg("-u").output().unwrap();
    if text(&uid.stdout).trim() != "0" {
        eprintln!("skipped: needs root to run roster as an unused uid");
        return;
    }
    let setpriv = std::process::Command::new("setpriv")
        .arg("--help")
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool_present("setpriv", setpriv) {
        return;
    }
    let unused = "54321";
    let getent = std::process::Command::new("getent")
        .args(["passwd", unused])
        .output();
    if getent.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: uid {unused} has an account here");
        return;
    }
    let env = Env::init();
    // The unused uid must be able to open the database (SQLite: the directory and files).
    use std::os::unix::fs::PermissionsExt;
    let open = |p: &std::path::Path, mode: u32| {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    open(env.dir(), 0o777);
    for f in std::fs::read_dir(env.dir()).unwrap() {
        let f = f.unwrap().path();
        if f.is_file() {
            open(&f, 0o666);
        }
    }
    let mut c = env.command("setpriv");
    c.args([
        "--reuid",
        unused,
        "--regid",
        unused,
        "--clear-groups",
        env!("CARGO_BIN_EXE_roster"),
        "--json",
        "whoami",
    ])
    .env_remove("USER")
    .env_remove("LOGNAME");
    let o = c.output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    let v: Value = serde_json::from_str(&text(&o.stdout)).unwrap();
    assert_eq!(v["actor"], format!("operator:uid:{unused}"));
}
