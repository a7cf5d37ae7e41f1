//! Lists at scale and details (README "users"): `user list --limit/--after/--search`, the
//! count line under its pages, and `user show` with the user's memberships.

use serde_json::{Value, json};

use crate::common::*;

/// Ten users from one seed, so that they share one `created_at` (one transaction, one
/// "now") and their ids alone order them, plus Ann, created before, the global admin.
/// Names, usernames and phones give `--search` something to find in each column.
fn ten() -> Env {
    let env = Env::new();
    env.json(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann",
        "--id",
        "ann",
    ]);
    let people = [
        ("u03", "Émile Zola", Some("emile"), None),
        ("u01", "Bob Smith", Some("bob"), None),
        ("u07", "100% Real", None, Some("+14155550100")),
        ("u02", "Carol SMITH", None, None),
        ("u10", "Dan", Some("dan_the_man"), None),
        ("u05", "Erin", None, Some("+14155550123")),
        ("u04", "Frank", Some("frank"), None),
        ("u09", "Gil", None, None),
        ("u06", "Hal", Some("hal"), None),
        ("u08", "Ivy", None, None),
    ];
    let events: Vec<Value> = people
        .iter()
        .map(|(id, name, username, phone)| {
            let mut data = json!({"id": id, "name": name, "email": format!("{id}@example.com")});
            if let Some(u) = username {
                data["username"] = json!(u);
            }
            if let Some(p) = phone {
                data["phone"] = json!(p);
            }
            json!({"event": "user-create", "data": data})
        })
        .collect();
    let seed = json!({"version": 1, "events": events}).to_string();
    env.ok_with(&["seed", "-"], &seed);
    env
}

fn ids(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|u| u["id"].as_str().unwrap().to_string())
        .collect()
}

/// Every page of `user list ARGS --limit LIMIT` as JSON, following `next_cursor`.
fn pages(env: &Env, args: &[&str], limit: &str) -> Vec<Value> {
    let mut out = Vec::new();
    let mut after: Option<String> = None;
    loop {
        let mut all = vec!["user", "list"];
        all.extend_from_slice(args);
        all.extend(["--limit", limit]);
        if let Some(c) = &after {
            all.extend(["--after", c.as_str()]);
        }
        let page = env.json(&all);
        let keys: Vec<&str> = page
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["items", "next_cursor"], "{page}");
        after = page["next_cursor"].as_str().map(str::to_string);
        out.push(page);
        if after.is_none() {
            return out;
        }
        assert!(out.len() < 50, "pages never end");
    }
}

#[test]
fn pages_hold_every_user_once_in_the_list_order() {
    let env = ten();
    let all = env.json(&["user", "list"]);
    // Oldest first; the ten of one seed share a time and follow by id.
    let order = ids(&all);
    assert_eq!(
        order,
        [
            "ann", "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08", "u09", "u10"
        ]
    );
    for limit in ["1", "3", "11", "1000"] {
        let pages = pages(&env, &[], limit);
        let paged: Vec<String> = pages.iter().flat_map(|p| ids(&p["items"])).collect();
        assert_eq!(paged, order, "--limit {limit}");
        let n: usize = limit.parse().unwrap();
        assert_eq!(pages.len(), order.len().div_ceil(n), "--limit {limit}");
        for p in &pages[..pages.len() - 1] {
            assert_eq!(p["items"].as_array().unwrap().len(), n);
        }
    }
    // The same records as the whole list, field for field.
    let first = env.json(&["user", "list", "--limit", "3"]);
    assert_eq!(first["items"][2], all[2]);
    // --after alone pages by 50.
    let cursor = first["next_cursor"].as_str().unwrap();
    let rest = env.json(&["user", "list", "--after", cursor]);
    assert_eq!(ids(&rest["items"]), order[3..]);
    assert_eq!(rest["next_cursor"], Value::Null);
}

#[test]
fn a_page_stays_right_while_users_come_and_go() {
    let env = ten();
    let first = env.json(&["user", "list", "--limit", "4"]);
    assert_eq!(ids(&first["items"]), ["ann", "u01", "u02", "u03"]);
    let cursor = first["next_cursor"].as_str().unwrap().to_string();
    // The cursor's own user deleted, one before it too, and a newer user added.
    env.ok(&["--yes", "user", "delete", "u03@example.com"]);
    env.ok(&["--yes", "user", "delete", "u01@example.com"]);
    env.user("zed@example.com", "Zed");
    let next = env.json(&["user", "list", "--limit", "4", "--after", &cursor]);
    assert_eq!(ids(&next["items"]), ["u04", "u05", "u06", "u07"]);
    let last = pages(&env, &[], "100");
    assert_eq!(
        ids(&last[0]["items"]).last().map(String::as_str),
        Some(zed_id(&env).as_str())
    );
}

fn zed_id(env: &Env) -> String {
    env.json(&["user", "show", "zed@example.com"])["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn search_finds_text_in_email_username_name_or_phone_ignoring_case() {
    let env = ten();
    let found = |term: &str| ids(&env.json(&["user", "list", "--search", term]));
    // Name, in any case; the same term in two spellings.
    assert_eq!(found("smith"), ["u01", "u02"]);
    assert_eq!(found("SMITH"), ["u01", "u02"]);
    // Unicode lower-casing, as media search folds: É finds é.
    assert_eq!(found("ÉMILE"), ["u03"]);
    assert_eq!(found("émile zola"), ["u03"]);
    // Username (emile, in u03's username too) and email.
    assert_eq!(found("frank"), ["u04"]);
    assert_eq!(found("u09@"), ["u09"]);
    assert_eq!(found("@EXAMPLE.com"), ids(&env.json(&["user", "list"])));
    // Phone, stored in E.164.
    assert_eq!(found("55501"), ["u05", "u07"]);
    assert_eq!(found("+1415555010"), ["u07"]);
    // LIKE's wildcards and its escape are ordinary characters.
    assert_eq!(found("%"), ["u07"]);
    assert_eq!(found("_"), ["u10"]);
    assert_eq!(found("0%"), ["u07"]);
    assert_eq!(found("\\"), Vec::<String>::new());
    assert_eq!(found("nobody at all"), Vec::<String>::new());
    // Searching and paging together: the matches only, across pages.
    let paged: Vec<String> = pages(&env, &["--search", "EXAMPLE"], "4")
        .iter()
        .flat_map(|p| ids(&p["items"]))
        .collect();
    assert_eq!(paged, ids(&env.json(&["user", "list"])));
    // Blank or over-long terms are refused, naming the flag.
    let err = env.fails(65, &["user", "list", "--search", "  "]);
    assert!(
        err.contains("error: search \"  \": must not be empty"),
        "{err}"
    );
    let long = "x".repeat(201);
    let err = env.fails(65, &["user", "list", "--search", &long]);
    assert!(err.contains("is longer than 200 characters"), "{err}");
}

#[test]
fn a_user_without_user_list_sees_only_themself_in_pages_and_searches() {
    let env = ten();
    let me = |args: &[&str]| {
        let mut all = vec!["--as", "u02@example.com", "user", "list"];
        all.extend_from_slice(args);
        env.json(&all)
    };
    assert_eq!(ids(&me(&[])), ["u02"]);
    assert_eq!(ids(&me(&["--search", "carol"])), ["u02"]);
    assert_eq!(ids(&me(&["--search", "bob"])), Vec::<String>::new());
    let page = me(&["--limit", "5"]);
    assert_eq!(ids(&page["items"]), ["u02"]);
    assert_eq!(page["next_cursor"], Value::Null);
    // A cursor past themself: an empty page.
    let admin_page = env.json(&["user", "list", "--limit", "4"]);
    let cursor = admin_page["next_cursor"].as_str().unwrap();
    let after = me(&["--after", cursor]);
    assert_eq!(after["items"], json!([]));
    // Granted user-list through a role, they see everyone.
    env.global_roles(&["support"]);
    env.ok(&["user", "grant", "u02", "support"]);
    assert_eq!(ids(&me(&[])).len(), 11);
}

#[test]
fn limits_and_cursors_that_no_page_gave_are_refused() {
    let env = ten();
    for bad in ["0", "1001", "-1"] {
        let err = env.fails(65, &["user", "list", "--limit", bad]);
        assert!(
            err.contains(&format!("error: limit {bad:?}: must be between 1 and 1000"))
                || err.contains(&format!("error: limit {bad}: must be between 1 and 1000")),
            "{err}"
        );
    }
    env.fails(2, &["user", "list", "--limit", "ten"]);
    let member_cursor = {
        env.ok(&["profile", "create", "--name", "Family"]);
        env.ok(&["member", "add", "family", "u01", "u02"]);
        env.json(&["member", "list", "family", "--limit", "1"])["next_cursor"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for bad in ["not-a-cursor", "", member_cursor.as_str()] {
        let err = env.fails(65, &["user", "list", "--after", bad]);
        assert!(
            err.contains("is not a cursor from `roster user list`"),
            "{bad:?}: {err}"
        );
        assert!(err.contains("hint: pass the next_cursor"), "{err}");
    }
}

#[test]
fn a_table_page_has_its_count_and_the_next_page_command() {
    let env = ten();
    let out = env.run(&[
        "--format", "table", "user", "list", "--search", "example", "--limit", "2",
    ]);
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let cursor = env.json(&["user", "list", "--search", "example", "--limit", "2"])["next_cursor"]
        .as_str()
        .unwrap()
        .to_string();
    insta::assert_snapshot!(format!("{stdout}--- stderr\n{}", stderr.replace(&cursor, "[cursor]")), @r"
    ╭─────┬─────────────────┬──────────┬───────────┬───────┬────────╮
    │ id  ┆ email           ┆ username ┆ name      ┆ roles ┆ active │
    ╞═════╪═════════════════╪══════════╪═══════════╪═══════╪════════╡
    │ ann ┆ ann@example.com ┆          ┆ Ann       ┆ admin ┆ true   │
    │ u01 ┆ u01@example.com ┆ bob      ┆ Bob Smith ┆       ┆ true   │
    ╰─────┴─────────────────┴──────────┴───────────┴───────┴────────╯
    --- stderr
    2 users
    hint: next page: roster user list --search example --limit 2 --after [cursor]
    ");
    // The command it gives prints the next page.
    let next = env.json(&[
        "user", "list", "--search", "example", "--limit", "2", "--after", &cursor,
    ]);
    assert_eq!(ids(&next["items"]), ["u02", "u03"]);
    // jsonl and csv: the users, and the cursor on stderr.
    for format in ["jsonl", "csv"] {
        let out = env.run(&["--format", format, "user", "list", "--limit", "2"]);
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let rows = if format == "csv" { 3 } else { 2 };
        assert_eq!(stdout.lines().count(), rows, "{format}: {stdout}");
        assert!(
            stderr.starts_with("hint: next_cursor: ")
                && stderr.contains(&format!(
                    "(next page: roster --format {format} user list --limit 2 --after "
                )),
            "{format}: {stderr}"
        );
    }
    // The last page: no hint; a search matching nobody says so.
    let out = env.run(&["--format", "table", "user", "list", "--limit", "20"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr, "11 users\n");
    let out = env.run(&["--format", "table", "user", "list", "--search", "nobody"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "no users match\n");
}

#[test]
fn user_show_lists_the_profiles_a_user_belongs_to() {
    let env = ten();
    env.ok(&["profile", "create", "--name", "Office", "--owner", "u01"]);
    env.ok(&["profile", "create", "--name", "Family"]);
    env.ok(&["member", "add", "family", "u01", "--role", "admin"]);
    env.ok(&["member", "add", "family", "u02"]);
    let bob = env.json(&["user", "show", "bob"]);
    // Every key of the user, in its place, then the memberships, by slug.
    let keys: Vec<&str> = bob
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let listed = env.json(&["user", "list", "--search", "bob"]);
    let mut want: Vec<&str> = listed[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    want.push("memberships");
    assert_eq!(keys, want);
    let joined = |slug: &str| {
        env.json(&["member", "list", slug])
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["user_id"] == "u01")
            .unwrap()["created_at"]
            .clone()
    };
    assert_eq!(
        bob["memberships"],
        json!([
            {"profile": "family", "role": "admin", "joined_at": joined("family")},
            {"profile": "office", "role": "owner", "joined_at": joined("office")},
        ])
    );
    // The user themself sees them; someone else may not see the user at all (77).
    assert_eq!(env.json(&["--as", "bob", "user", "show", "bob"]), bob);
    env.fails(77, &["--as", "u02@example.com", "user", "show", "bob"]);
    // Under the user's table, a table of the memberships and its count.
    let out = env.run(&["--format", "table", "user", "show", "bob"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let tail: String = stdout.lines().skip(20).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(redact(&tail), @r"
    ╰───────────────────┴──────────────────────────╯

    ╭─────────┬───────┬──────────────────────────╮
    │ profile ┆ role  ┆ joined_at                │
    ╞═════════╪═══════╪══════════════════════════╡
    │ family  ┆ admin ┆ 2026-11-21T12:00:04.000Z │
    │ office  ┆ owner ┆ 2026-11-21T12:00:02.000Z │
    ╰─────────┴───────┴──────────────────────────╯
    ");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "2 memberships\n");
    // No membership: an empty array, and a note under the table.
    assert_eq!(env.json(&["user", "show", "u09"])["memberships"], json!([]));
    let out = env.run(&["--format", "table", "user", "show", "u09"]);
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "u09@example.com is a member of no profile\n"
    );
    // csv: the memberships as JSON text in the last column.
    let csv = env.ok(&["--format", "csv", "user", "show", "u02"]);
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",updated_at,memberships"), "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .contains(r#""[{""profile"":""family"",""role"":""member"","#),
        "{csv}"
    );
}
