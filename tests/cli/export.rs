//! `roster export`: a private file, secrets only on request, the rules, the order of the
//! document, and the round trip export → seed into an empty database → export giving the
//! same bytes (README "Seeds and export").

use std::os::unix::fs::PermissionsExt;

use serde_json::{Value, json};

use crate::common::*;
use crate::seeds::{all_unchanged, counts, demo, seed, snapshot, user_count, write};

fn mode(env: &Env, name: &str) -> u32 {
    std::fs::metadata(env.path(name))
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

/// The events of an export, parsed.
fn events(text: &str) -> Vec<Value> {
    let doc: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_eq!(doc["version"], json!(1), "{text}");
    doc["events"].as_array().expect("events").clone()
}

fn names(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["event"].as_str().unwrap().to_string())
        .collect()
}

/// Seeds `text` (an export) into a fresh database and returns that environment.
fn reseed(text: &str) -> Env {
    let env = Env::new();
    write(&env, "export.json", text);
    seed(&env, &["export.json"]);
    env
}

#[test]
fn export_to_a_file_is_private_to_its_owner() {
    let env = Env::new();
    demo(&env);
    seed(&env, &[]);
    let out = env.run(&["export", "-o", "backup.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty(), "the export went to the file");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let n = events(&std::fs::read_to_string(env.path("backup.json")).unwrap()).len();
    assert!(
        stderr.contains(&format!("exported {n} events to backup.json")),
        "{stderr}"
    );
    assert_eq!(mode(&env, "backup.json"), 0o600);
    assert_eq!(
        std::fs::read_to_string(env.path("backup.json")).unwrap(),
        env.ok(&["export"]),
        "the file holds what stdout would"
    );

    // An existing, world-readable file is replaced and made private.
    write(
        &env,
        "full.json",
        "old contents that are much longer than nothing\n",
    );
    std::fs::set_permissions(
        env.path("full.json"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    env.ok(&["export", "--with-secrets", "--output", "full.json"]);
    assert_eq!(mode(&env, "full.json"), 0o600);
    let full = std::fs::read_to_string(env.path("full.json")).unwrap();
    assert!(
        full.starts_with("{\"version\": 1, \"events\": [\n"),
        "{full}"
    );
    assert!(full.ends_with("\n]}\n"), "{full}");
    assert!(!full.contains("old contents"));
    // -q says nothing.
    let out = env.run(&["-q", "export", "-o", "quiet.json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A directory that does not exist: an output that cannot be written, 74.
    let stderr = env.fails(74, &["export", "-o", "no/such/dir/x.json"]);
    insta::assert_snapshot!(stderr, @"error: could not write no/such/dir/x.json: its directory no/such/dir: no such file or directory");
}

#[test]
fn password_hashes_appear_only_with_secrets() {
    let env = Env::new();
    demo(&env);
    seed(&env, &[]);
    let with_password = env
        .json(&["user", "list"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["has_password"] == json!(true))
        .count();
    assert!(with_password > 0, "the demo has users with passwords");

    let plain = env.ok(&["export"]);
    assert!(!plain.contains("$argon2id"), "{plain}");
    assert!(!plain.contains("password"), "{plain}");

    let secret = env.ok(&["export", "--with-secrets"]);
    let hashes: Vec<String> = events(&secret)
        .iter()
        .filter_map(|e| e["data"]["password_hash"].as_str().map(str::to_string))
        .collect();
    assert_eq!(hashes.len(), with_password, "{secret}");
    assert!(
        hashes.iter().all(|h| h.starts_with("$argon2id$")),
        "{hashes:?}"
    );
    // The hashes are the stored ones.
    let query = "SELECT password_hash FROM users WHERE password_hash IS NOT NULL ORDER BY id";
    let stored: Vec<String> = if env.is_pg() {
        env.psql(query).lines().map(str::to_string).collect()
    } else {
        let db = sqlite(&env.db());
        let mut stmt = db.prepare(query).unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(hashes, stored);
    // Without secrets, everything else is the same.
    let stripped: Vec<Value> = events(&secret)
        .into_iter()
        .map(|mut e| {
            if let Some(d) = e["data"].as_object_mut() {
                d.remove("password_hash");
            }
            e
        })
        .collect();
    assert_eq!(stripped, events(&plain));
}

/// The demo seed, plus state that only commands make: a disabled user, the first user's
/// admin role revoked, a user first by id who is no admin, a service account, tags and
/// metadata, a renamed slug, invitations expired (by time and by prune), canceled,
/// rejected and accepted, media with a parent, and records whose user was deleted.
fn rich(env: &Env) {
    demo(env);
    seed(env, &[]);
    let first = env.json(&["audit", "--event", "user-create"])[0]["subject"]
        .as_str()
        .expect("the first user-create row")
        .to_string();
    // Another admin first, so that the demo's own `as` events keep working elsewhere.
    env.ok(&[
        "user",
        "create",
        "--email",
        "root@example.com",
        "--name",
        "Root",
        "--role",
        "admin",
    ]);
    env.ok(&["user", "revoke", &first, "admin"]);
    env.ok(&[
        "user",
        "create",
        "--id",
        "0-zero",
        "--email",
        "zero@example.com",
        "--name",
        "Zero",
        "--username",
        "zero",
        "--phone",
        "+15550000000",
    ]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "off@example.com",
        "--name",
        "Off",
    ]);
    env.ok(&["user", "disable", "off@example.com"]);
    env.ok(&[
        "user",
        "update",
        "zero",
        "--tag",
        "b",
        "--tag",
        "a",
        "--metadata",
        r#"{"z": 1, "a": {"nested": [true, null, "é"]}}"#,
    ]);
    write(
        env,
        "extra.json",
        r#"[{"event": "role-create", "data": {"name": "robot", "scope": "global", "allow": ["media-list"]}},
            {"event": "user-create", "data": {"id": "svc", "username": "svc", "name": "Service", "type": "service", "roles": ["robot"]}}]"#,
    );
    seed(env, &["extra.json"]);

    env.ok(&[
        "profile",
        "create",
        "--name",
        "Extra Club",
        "--slug",
        "extra",
        "--color",
        "#0f0",
        "--member-limit",
        "5",
        "--metadata",
        r#"{"tier": 2}"#,
        "--id",
        "x-club",
    ]);
    env.ok(&["member", "add", "x-club", "zero", "--role", "owner"]);
    env.ok(&[
        "member",
        "add",
        "extra",
        "off@example.com",
        "root@example.com",
    ]);
    env.ok(&["profile", "update", "extra", "--slug", "extra-club"]);

    // Invitations in every state. Prune first: it expires every lapsed invitation.
    let id_of = |v: Value| v[0]["id"].as_str().unwrap().to_string();
    let pruned = id_of(env.json(&[
        "invite",
        "send",
        "extra-club",
        "pruned@example.com",
        "--expires-in",
        "1h",
    ]));
    let prune = env
        .cmd()
        .env("ROSTER_NOW", "2099-01-01T00:00:00Z")
        .args(["invite", "prune"])
        .output()
        .unwrap();
    assert_eq!(prune.status.code(), Some(0));
    assert_eq!(
        env.json(&["invite", "show", &pruned])["status"],
        json!("expired")
    );
    // Sent long ago: stored pending, read as expired.
    let old = env
        .cmd()
        .env("ROSTER_NOW", "2021-01-01T00:00:00Z")
        .args([
            "invite",
            "send",
            "extra-club",
            "late@example.com",
            "--expires-in",
            "1h",
        ])
        .output()
        .unwrap();
    assert_eq!(
        old.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&old.stderr)
    );
    let canceled = id_of(env.json(&["invite", "send", "extra-club", "nope@example.com"]));
    env.ok(&["invite", "cancel", &canceled]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "rej@example.com",
        "--name",
        "Rej",
    ]);
    let rejected = id_of(env.json(&[
        "--as",
        "zero",
        "invite",
        "send",
        "extra-club",
        "rej@example.com",
        "--role",
        "admin",
    ]));
    env.ok(&["--as", "rej@example.com", "invite", "reject", &rejected]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "acc@example.com",
        "--name",
        "Acc",
    ]);
    let accepted = id_of(env.json(&[
        "--as",
        "zero",
        "invite",
        "send",
        "extra-club",
        "acc@example.com",
    ]));
    env.ok(&["--as", "acc@example.com", "invite", "accept", &accepted]);
    env.ok(&[
        "invite",
        "send",
        "extra-club",
        "pending@example.com",
        "--expires-in",
        "30d",
    ]);

    // Media: a show with episodes (one with an infohash and path), a movie, a status.
    env.ok(&[
        "--as",
        "zero",
        "media",
        "add",
        "extra-club",
        "--type",
        "show",
        "--title",
        "Poirot",
        "--year",
        "1989",
        "--id",
        "poirot",
        "--tmdb-id",
        "790",
    ]);
    env.ok(&[
        "--as",
        "acc@example.com",
        "media",
        "add",
        "extra-club",
        "--type",
        "episode",
        "--title",
        "The Adventure of the Clapham Cook",
        "--parent",
        "poirot",
        "--season",
        "1",
        "--episode",
        "1",
        "--infohash",
        "ABCDEF0123456789ABCDEF0123456789ABCDEF01",
        "--path",
        "/media/Poirot/S01E01.mkv",
    ]);
    env.ok(&[
        "media",
        "add",
        "extra-club",
        "--type",
        "episode",
        "--title",
        "Murder in the Mews",
        "--parent",
        "poirot",
        "--season",
        "1",
        "--episode",
        "2",
    ]);
    env.ok(&[
        "media",
        "add",
        "extra-club",
        "--type",
        "movie",
        "--title",
        "Death on the Nile",
        "--year",
        "1978",
    ]);

    // A user who invited and added media, then was deleted: inviter and adder are null.
    env.ok(&[
        "user",
        "create",
        "--email",
        "gone@example.com",
        "--name",
        "Gone",
    ]);
    env.ok(&[
        "member",
        "add",
        "extra-club",
        "gone@example.com",
        "--role",
        "admin",
    ]);
    env.ok(&[
        "--as",
        "gone@example.com",
        "invite",
        "send",
        "extra-club",
        "orphan@example.com",
    ]);
    env.ok(&[
        "--as",
        "gone@example.com",
        "media",
        "add",
        "extra-club",
        "--type",
        "movie",
        "--title",
        "Evil Under the Sun",
        "--year",
        "1982",
    ]);
    env.ok(&["user", "delete", "gone@example.com", "--yes"]);
}

/// A listing without its timestamps (and membership ids, which an export does not keep),
/// its rows in a stable order.
fn comparable(v: Value, members: bool) -> Value {
    fn walk(v: &mut Value, members: bool) {
        match v {
            Value::Object(m) => {
                for k in ["created_at", "updated_at", "added_at"] {
                    m.remove(k);
                }
                if members {
                    m.remove("id");
                }
                m.values_mut().for_each(|v| walk(v, members));
            }
            Value::Array(a) => {
                a.iter_mut().for_each(|v| walk(v, members));
                a.sort_by_key(|v| v.to_string());
            }
            _ => {}
        }
    }
    let mut v = v;
    walk(&mut v, members);
    v
}

#[test]
fn export_then_seed_into_an_empty_database_then_export_gives_the_same_bytes() {
    let env = Env::new();
    rich(&env);
    env.ok(&["export", "--with-secrets", "-o", "one.json"]);
    let one = std::fs::read_to_string(env.path("one.json")).unwrap();

    // The export carries every state it should.
    let evs = events(&one);
    let find = |event: &str, key: &str, value: &str| {
        evs.iter()
            .find(|e| e["event"] == json!(event) && e["data"][key] == json!(value))
            .unwrap_or_else(|| panic!("no {event} with {key} = {value} in {one}"))
            .clone()
    };
    assert_eq!(
        find("user-create", "email", "off@example.com")["data"]["active"],
        json!(false)
    );
    assert_eq!(
        find("user-create", "id", "svc")["data"]["type"],
        json!("service")
    );
    assert_eq!(
        find("user-create", "id", "0-zero")["data"]["tags"],
        json!(["b", "a"])
    );
    for (email, status) in [
        ("late@example.com", "pending"),
        ("pruned@example.com", "expired"),
        ("nope@example.com", "canceled"),
        ("rej@example.com", "rejected"),
        ("acc@example.com", "accepted"),
        ("pending@example.com", "pending"),
    ] {
        assert_eq!(
            find("invite-send", "email", email)["data"]["status"],
            json!(status),
            "{email}"
        );
    }
    assert_eq!(
        find("invite-send", "email", "rej@example.com")["data"]["inviter"],
        json!("0-zero")
    );
    assert!(
        find("invite-send", "email", "orphan@example.com")["data"]
            .get("inviter")
            .is_none()
    );
    assert!(
        find("media-add", "title", "Evil Under the Sun")["data"]
            .get("added_by")
            .is_none()
    );
    let episode = find("media-add", "title", "The Adventure of the Clapham Cook");
    assert_eq!(episode["data"]["parent"], json!("poirot"));
    assert_eq!(
        episode["data"]["infohash"],
        json!("abcdef0123456789abcdef0123456789abcdef01")
    );
    assert_eq!(
        find("member-add", "user", "0-zero")["data"]["profile"],
        json!("extra-club")
    );
    // The first user by id is no admin, so the export ends by revoking the role the first
    // user of an empty database receives.
    let last = evs.last().unwrap();
    assert_eq!(
        last,
        &json!({"event": "user-revoke", "data": {"user": "0-zero", "roles": ["admin"]}})
    );
    // Late invitations read as expired, but are exported as stored.
    let copy = reseed(&one);
    assert_eq!(
        copy.json(&["invite", "list", "extra-club", "--status", "expired"])
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let two = copy.ok(&["export", "--with-secrets"]);
    assert_eq!(two, one, "export → seed → export gives the same bytes");
    // The same without secrets.
    let plain = env.ok(&["export"]);
    assert_eq!(reseed(&plain).ok(&["export"]), plain);

    // The copy behaves the same: the same users and roles, members, invitations (with
    // their effective status) and media; only timestamps and membership ids are new.
    for args in [
        &["user", "list"][..],
        &["profile", "list"],
        &["member", "list", "extra-club"],
        &["member", "list", "smith-family"],
        &["invite", "list"],
        &["media", "list", "extra-club"],
    ] {
        let members = args[0] == "member";
        assert_eq!(
            comparable(copy.json(args), members),
            comparable(env.json(args), members),
            "{args:?}"
        );
    }

    // Seeding the export into the database it came from changes nothing.
    let before = snapshot(&env);
    all_unchanged(&seed(&env, &["one.json"]));
    assert_eq!(snapshot(&env), before);
}

#[test]
fn values_that_read_like_env_references_survive_the_round_trip() {
    let env = Env::new();
    env.ok(&["user", "create", "--email", "a@example.com", "--name", "A"]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "b@example.com",
        "--name",
        "B ${env:NAME}",
    ]);
    // A user writes what looks like a reference to the environment into their own record.
    env.ok(&[
        "--as", "b@example.com", "user", "update", "b@example.com", "--metadata",
        r#"{"token": "${env:SECRET_TOKEN}", "price": "$5", "odd": "$${env:X:-y}$", "list": ["${env:NOPE}"]}"#,
        "--tag", "${env:TAG}",
    ]);
    let original = env.json(&["user", "show", "b@example.com"]);
    let export = env.ok(&["export"]);
    assert!(
        export.contains(r#""token":"$${env:SECRET_TOKEN}""#),
        "{export}"
    );
    assert!(export.contains(r#""price":"$5""#), "untouched: {export}");

    // Seeded elsewhere, with those variables set or not: the values are data, not read
    // from the environment of whoever restores the export.
    let copy = Env::new();
    write(&copy, "export.json", &export);
    let out = copy
        .cmd()
        .env("SECRET_TOKEN", "hunter2")
        .env("TAG", "leaked")
        .args(["seed", "export.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let restored = copy.json(&["user", "show", "b@example.com"]);
    for key in ["name", "tags", "metadata"] {
        assert_eq!(restored[key], original[key], "{key}");
    }
    assert_eq!(copy.ok(&["export"]), export);
}

#[test]
fn the_export_is_in_dependency_order() {
    let env = Env::new();
    // Created in an order that is not the export's.
    write(
        &env,
        "mixed.json",
        r#"[
  {"event": "user-create", "data": {"id": "zed", "email": "zed@example.com", "name": "Zed"}},
  {"event": "user-create", "data": {"id": "amy", "email": "amy@example.com", "name": "Amy"}},
  {"event": "profile-create", "data": {"id": "p2", "slug": "beta", "name": "Beta"}},
  {"event": "profile-create", "data": {"id": "p1", "slug": "alpha", "name": "Alpha"}},
  {"event": "member-add", "data": {"profile": "beta", "users": ["zed", "amy"], "role": "owner"}},
  {"event": "member-add", "data": {"profile": "alpha", "user": "zed", "role": "admin"}},
  {"event": "media-add", "data": {"id": "e1", "profile": "alpha", "type": "episode", "title": "E", "parent": "s9", "episode": 1}},
  {"event": "invite-send", "data": {"id": "i2", "profile": "alpha", "email": "x@example.com"}},
  {"event": "invite-send", "data": {"id": "i1", "profile": "beta", "email": "y@example.com"}},
  {"event": "media-add", "data": {"id": "m0", "profile": "alpha", "type": "movie", "title": "M"}}
]"#,
    );
    // The episode names a show that does not exist: 67, nothing written.
    let stderr = env.fails(67, &["seed", "mixed.json"]);
    insta::assert_snapshot!(stderr, @r#"
    error: mixed.json:8:3: event 7 (media-add): parent "s9": no media item with that id in profile alpha
    hint: list the profile's shows with `roster media list alpha --type show`
    "#);
    assert_eq!(user_count(&env), 0);
    let text = std::fs::read_to_string(env.path("mixed.json"))
        .unwrap()
        .replace(
            r#"{"event": "media-add", "data": {"id": "e1""#,
            r#"{"event": "media-add", "data": {"id": "s9", "profile": "alpha", "type": "show", "title": "S"}},
  {"event": "media-add", "data": {"id": "e1""#,
        );
    write(&env, "mixed.json", &text);
    seed(&env, &["mixed.json"]);

    let export = env.ok(&["export"]);
    let evs = events(&export);
    assert_eq!(
        names(&evs),
        [
            "user-create",
            "user-create",
            "profile-create",
            "profile-create",
            "member-add",
            "member-add",
            "member-add",
            "invite-send",
            "invite-send",
            "media-add",
            "media-add",
            "media-add",
            "user-revoke"
        ]
    );
    let key = |e: &Value, k: &str| e["data"][k].as_str().unwrap_or_default().to_string();
    let ids: Vec<String> = evs.iter().map(|e| key(e, "id")).collect();
    assert_eq!(
        &ids[..4],
        ["amy", "zed", "p1", "p2"],
        "users, then profiles, by id"
    );
    let members: Vec<(String, String)> = evs[4..7]
        .iter()
        .map(|e| (key(e, "profile"), key(e, "user")))
        .collect();
    assert_eq!(
        members,
        [
            ("alpha".to_string(), "zed".to_string()),
            ("beta".to_string(), "amy".to_string()),
            ("beta".to_string(), "zed".to_string())
        ],
        "members by profile slug, then user id"
    );
    assert_eq!(&ids[7..9], ["i1", "i2"], "invitations by id");
    assert_eq!(
        &ids[9..12],
        ["m0", "s9", "e1"],
        "movies and shows before episodes"
    );
    // zed was created first, so is the admin; amy comes first by id, so the copy would
    // make her the admin: the export ends by revoking that.
    assert_eq!(key(&evs[12], "user"), "amy");
    // One event per line between the header and the footer.
    let lines: Vec<&str> = export.lines().collect();
    assert_eq!(lines.len(), evs.len() + 2);
    assert_eq!(lines[0], "{\"version\": 1, \"events\": [");
    assert_eq!(*lines.last().unwrap(), "]}");
    let copy = reseed(&export);
    assert_eq!(copy.ok(&["export"]), export);
}

#[test]
fn the_first_user_of_the_copy_keeps_the_roles_of_the_original() {
    let env = Env::new();
    // zed is the first user (an admin); amy sorts first by id and is none.
    write(
        &env,
        "users.json",
        r#"[{"event": "role-create", "data": {"name": "editor", "scope": "global", "allow": ["user-list"]}},
            {"event": "user-create", "data": {"id": "zed", "email": "zed@example.com", "name": "Zed"}},
            {"event": "user-create", "data": {"id": "amy", "email": "amy@example.com", "name": "Amy", "roles": ["editor"]}}]"#,
    );
    seed(&env, &["users.json"]);
    let export = env.ok(&["export"]);
    let evs = events(&export);
    assert_eq!(
        evs.last().unwrap(),
        &json!({"event": "user-revoke", "data": {"user": "amy", "roles": ["admin"]}})
    );
    let copy = reseed(&export);
    assert_eq!(
        copy.json(&["user", "show", "amy"])["roles"],
        json!(["editor"])
    );
    assert_eq!(
        copy.json(&["user", "show", "zed"])["roles"],
        json!(["admin"])
    );
    assert_eq!(copy.ok(&["export"]), export);

    // No admin left at all: the copy has none either.
    env.ok(&["user", "revoke", "zed", "admin"]);
    let export = env.ok(&["export"]);
    let copy = reseed(&export);
    for u in ["amy", "zed"] {
        assert_eq!(
            copy.json(&["user", "show", u])["is_admin"],
            json!(false),
            "{u}"
        );
    }
    assert_eq!(copy.ok(&["export"]), export);
}

#[test]
fn an_empty_database_exports_an_empty_seed() {
    let env = Env::init();
    let export = env.ok(&["export"]);
    assert_eq!(export, "{\"version\": 1, \"events\": [\n]}\n");
    let copy = reseed(&export);
    assert_eq!(copy.ok(&["export"]), export);
    let report = seed(&copy, &["export.json"]);
    assert_eq!(report["events"], json!(0));
    assert_eq!(counts(&report).len(), 0);
}

#[test]
fn only_the_operator_and_global_admins_may_export() {
    let env = Env::new();
    demo(&env);
    seed(&env, &[]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "plain@example.com",
        "--name",
        "Plain",
    ]);
    env.ok(&[
        "user",
        "create",
        "--email",
        "boss@example.com",
        "--name",
        "Boss",
        "--role",
        "admin",
    ]);

    let stderr = env.fails(77, &["--as", "plain@example.com", "export"]);
    insta::assert_snapshot!(stderr, @"
    error: permission denied: plain@example.com may not export: no role of theirs grants export
    hint: the global role admin grants export
    hint: `roster can plain@example.com export` explains the decision
    ");
    // A refused export to a file creates no file, and leaves an existing one alone.
    let stderr = env.fails(
        77,
        &["--as", "plain@example.com", "export", "-o", "leak.json"],
    );
    assert!(stderr.contains("permission denied"), "{stderr}");
    assert!(
        !env.path("leak.json").exists(),
        "a refused export created its file"
    );
    write(&env, "keep.json", "precious\n");
    env.fails(
        77,
        &[
            "--as",
            "plain@example.com",
            "export",
            "--with-secrets",
            "-o",
            "keep.json",
        ],
    );
    assert_eq!(
        std::fs::read_to_string(env.path("keep.json")).unwrap(),
        "precious\n"
    );
    // A disabled or unknown --as user: 77 / 67.
    env.ok(&["user", "disable", "plain@example.com"]);
    env.fails(77, &["--as", "plain@example.com", "export"]);
    env.fails(67, &["--as", "nobody@example.com", "export"]);

    // A global admin user may, and sees what the operator sees.
    assert_eq!(
        env.ok(&["--as", "boss@example.com", "export", "--with-secrets"]),
        env.ok(&["export", "--with-secrets"])
    );
}

#[test]
fn export_refuses_a_missing_database() {
    let env = Env::new();
    let stderr = env.fails(66, &["export"]);
    if let Some(schema) = env.pg_schema() {
        // PostgreSQL's says what is missing there: roster's tables in the schema.
        let stderr = env.redact(&stderr).replace(schema, "[schema]");
        insta::assert_snapshot!(stderr, @r#"
        error: no roster database in roster.db: the schema "[schema]" holds no roster tables
        hint: create it with `roster init` (or load data with `roster seed`), or name another schema with ?schema= or ROSTER_PG_SCHEMA
        "#);
    } else {
        insta::assert_snapshot!(stderr, @"
        error: database not found: roster.db
        hint: create it with `roster init` (or load data with `roster seed`), or point --db / ROSTER_DB at an existing file
        ");
    }
    env.fails(66, &["export", "-o", "out.json"]);
    assert!(!db_exists(&env), "export does not create a database");
    assert!(!env.path("out.json").exists());
}

/// Whether the environment's database exists: the SQLite file, or roster's tables in the
/// PostgreSQL schema (which roster creates on its first write).
fn db_exists(env: &Env) -> bool {
    if env.is_pg() {
        env.sql_value("SELECT to_regclass('roster_schema') IS NOT NULL") == "t"
    } else {
        env.db().exists()
    }
}

#[test]
fn export_to_dash_is_stdout() {
    let env = Env::init();
    env.user("ann@x.io", "Ann");
    let out = env.ok(&["export", "-o", "-"]);
    insta::assert_snapshot!(redact(&out), @r#"
    {"version": 1, "events": [
    {"event":"user-create","data":{"id":"[id]","email":"ann@x.io","name":"Ann","roles":["admin"]}}
    ]}
    "#);
    assert!(!env.path("-").exists());
}
