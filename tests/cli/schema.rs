//! The schema as a contract (README "Storage: the schema is a contract"): migration 8's
//! forms hold for any program writing the database, older databases migrate to it (or are
//! refused, naming the rows in the way), and the README lists every index, trigger and
//! named constraint there is.

use std::collections::BTreeSet;

use crate::common::*;

/// The rows of README's "Indexes, triggers and named constraints": `(name, kind,
/// backend)`, one per name (a row may name several).
fn documented() -> Vec<(String, String, String)> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let start = readme
        .find("\n### Indexes, triggers and named constraints\n")
        .expect("the README's list of indexes");
    let section = &readme[start + 1..];
    let section = &section[..section[4..].find("\n#").map_or(section.len(), |i| i + 4)];
    let mut out = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.split(" | ").collect();
        let (names, kind, backend) = (cells[0], cells[1], cells[2]);
        for name in names.trim_start_matches("| ").split(", ") {
            out.push((
                name.trim_matches('`').to_string(),
                kind.to_string(),
                backend.to_string(),
            ));
        }
    }
    assert!(out.len() > 30, "the list was not found whole: {out:?}");
    out
}

/// The names the README lists of this kind (`index` matches every kind of index) that exist
/// on this backend; and those that may be missing (`media_title_trgm`, only with pg_trgm).
fn listed(kind: &str, pg: bool) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut sure = BTreeSet::new();
    let mut maybe = BTreeSet::new();
    for (name, k, backend) in documented() {
        let here = match backend.as_str() {
            "both" => true,
            "SQLite" => !pg,
            "PostgreSQL" => pg,
            b if b.starts_with("PostgreSQL, with") => {
                if pg && k.contains(kind) {
                    maybe.insert(name);
                }
                continue;
            }
            other => panic!("backend {other:?} of {name}"),
        };
        if here && k.contains(kind) {
            sure.insert(name);
        }
    }
    (sure, maybe)
}

fn lines(text: &str) -> BTreeSet<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_readme_lists_every_index_trigger_and_named_constraint_and_no_other() {
    let env = Env::init();
    if env.is_pg() {
        let indexes = lines(&env.psql(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
               AND indexname NOT IN (SELECT conname FROM pg_constraint
                                      WHERE connamespace = current_schema()::regnamespace
                                        AND contype IN ('p', 'u'))",
        ));
        let (sure, maybe) = listed("index", true);
        let missing: Vec<&String> = sure.difference(&indexes).collect();
        let unlisted: Vec<&String> = indexes
            .iter()
            .filter(|i| !sure.contains(*i) && !maybe.contains(*i))
            .collect();
        assert!(missing.is_empty(), "listed, not in the schema: {missing:?}");
        assert!(
            unlisted.is_empty(),
            "in the schema, not listed: {unlisted:?}"
        );
        let triggers = lines(&env.psql(
            "SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
              WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal",
        ));
        assert_eq!(triggers, listed("trigger", true).0);
        // Named CHECKs are listed; the others are the ones declared with their column (or
        // table), which PostgreSQL names TABLE_…check, TABLE_…check1: listed with the
        // tables' columns.
        let checks = lines(&env.psql(
            "SELECT conname FROM pg_constraint
              WHERE connamespace = current_schema()::regnamespace AND contype = 'c'",
        ));
        let named = listed("CHECK", true).0;
        assert!(named.is_subset(&checks), "{named:?} not all in {checks:?}");
        let auto = not_auto_named(&checks.difference(&named).cloned().collect::<Vec<_>>());
        assert!(auto.is_empty(), "named CHECKs not in the README: {auto:?}");
    } else {
        let db = sqlite(&env.db());
        let objects = |kind: &str| -> BTreeSet<String> {
            let mut stmt = db
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = ?1
                       AND name NOT LIKE 'sqlite_autoindex_%'",
                )
                .unwrap();
            stmt.query_map([kind], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        assert_eq!(objects("index"), listed("index", false).0);
        assert_eq!(objects("trigger"), listed("trigger", false).0);
        // Named CHECKs, as `CONSTRAINT name CHECK` in the tables' SQL.
        let mut checks = BTreeSet::new();
        for sql in objects_sql(&db) {
            let mut rest = sql.as_str();
            while let Some(i) = rest.find("CONSTRAINT ") {
                rest = &rest[i + "CONSTRAINT ".len()..];
                let (name, after) = rest.split_once(' ').unwrap_or((rest, ""));
                if after.trim_start().starts_with("CHECK") {
                    checks.insert(name.to_string());
                }
            }
        }
        assert_eq!(checks, listed("CHECK", false).0);
    }
}

/// The SQL of every table in a SQLite database.
fn objects_sql(db: &rusqlite::Connection) -> Vec<String> {
    let mut stmt = db
        .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL")
        .unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// The CHECK names that are not PostgreSQL's own naming of a column's or table's CHECK
/// (`users_name_check`, `users_check1`).
fn not_auto_named(names: &[String]) -> Vec<String> {
    names
        .iter()
        .filter(|n| {
            let base = n.trim_end_matches(|c: char| c.is_ascii_digit());
            !base.ends_with("_check")
        })
        .cloned()
        .collect()
}

/// A profile row written directly, as another program would: `slug`, `color` given.
fn insert_profile(id: &str, slug: &str, color: &str) -> String {
    format!(
        "INSERT INTO profiles (id, slug, name, color, created_at, updated_at)
         VALUES ('{id}', '{slug}', 'P', '{color}', '2026-11-21T12:00:00.000Z', '2026-11-21T12:00:00.000Z')"
    )
}

fn insert_media(id: &str, profile_id: &str, infohash: &str) -> String {
    format!(
        "INSERT INTO media (id, profile_id, type, title, infohash, added_at)
         VALUES ('{id}', '{profile_id}', 'movie', 'T {id}', '{infohash}', '2026-11-21T12:00:00.000Z')"
    )
}

#[test]
fn another_program_cannot_write_a_slug_colour_or_infohash_roster_would_refuse() {
    let env = Env::init();
    let refused = |sql: &str, field: &str| {
        let err = env
            .try_sql(sql)
            .expect_err(&format!("{sql} should be refused"));
        // SQLite's profile triggers name the column; a CHECK (PostgreSQL's, and media's
        // on SQLite since migration 9) names the constraint.
        let named = if env.is_pg() || field == "media.infohash" {
            format!("{}_form", field.replace('.', "_"))
        } else {
            format!("{field}: must be")
        };
        assert!(err.contains(&named), "{sql}: {err}");
    };
    for slug in [
        "Family",
        "a--b",
        "-a",
        "a-",
        "a_b",
        "a b",
        "é",
        &"a".repeat(65),
    ] {
        refused(&insert_profile("p-bad", slug, "#6366F1"), "profiles.slug");
    }
    for color in [
        "#6366f1", "#abc", "6366F1", "#6366F", "#6366F1F", "#GGGGGG", "blue",
    ] {
        refused(&insert_profile("p-bad", "fine", color), "profiles.color");
    }
    // What roster writes is accepted: the forms match validate.rs exactly.
    env.sql(&insert_profile("p-ok", "a1-b2", "#AABBCC"));
    env.sql(&insert_profile("p-long", &"a".repeat(64), "#000000"));
    // Updates are held to the same forms.
    refused(
        "UPDATE profiles SET slug = 'Not OK' WHERE id = 'p-ok'",
        "profiles.slug",
    );
    refused(
        "UPDATE profiles SET color = '#aabbcc' WHERE id = 'p-ok'",
        "profiles.color",
    );
    env.sql("UPDATE profiles SET slug = 'still-ok', color = '#123ABC' WHERE id = 'p-ok'");
    // A profile's default colour is in the form.
    env.sql(
        "INSERT INTO profiles (id, slug, name, created_at, updated_at)
         VALUES ('p-default', 'default', 'D', '2026-11-21T12:00:00.000Z', '2026-11-21T12:00:00.000Z')",
    );

    let hex40 = "0123456789abcdef0123456789abcdef01234567";
    for infohash in [
        "z".repeat(40),
        "0123456789abcdef0123456789abcdef0123456g".into(),
        format!("{}x", &hex40[..39]),
        format!("{hex40}0123456789abcdef0123456-"),
    ] {
        refused(&insert_media("m-bad", "p-ok", &infohash), "media.infohash");
    }
    env.sql(&insert_media("m40", "p-ok", hex40));
    env.sql(&insert_media(
        "m64",
        "p-ok",
        &format!("{hex40}0123456789abcdef01234567"),
    ));
    refused(
        &format!(
            "UPDATE media SET infohash = '{}' WHERE id = 'm40'",
            "q".repeat(40)
        ),
        "media.infohash",
    );
    env.sql("UPDATE media SET infohash = NULL WHERE id = 'm40'");
    // Nothing refused was written.
    assert_eq!(env.sql_value("SELECT count(*) FROM profiles"), "3");
    assert_eq!(env.sql_value("SELECT count(*) FROM media"), "2");
}

#[test]
fn a_healthy_database_at_version_8_passes_doctor() {
    let env = Env::init();
    env.user("ann@example.com", "Ann");
    env.ok(&[
        "profile",
        "create",
        "--name",
        "Family",
        "--color",
        "#abc",
        "--owner",
        "ann@example.com",
    ]);
    assert_eq!(env.json(&["profile", "show", "family"])["color"], "#AABBCC");
    env.ok(&[
        "media",
        "add",
        "family",
        "--type",
        "movie",
        "--title",
        "Arrival",
        "--infohash",
        "0123456789ABCDEF0123456789ABCDEF01234567",
    ]);
    let report = env.json(&["doctor"]);
    assert_eq!(report["ok"], true, "{report}");
    // The forms roster validates are the ones the schema enforces: roster's own refusals
    // come first, naming the flag (65), and never reach the database.
    let err = env.fails(
        65,
        &["profile", "create", "--name", "X", "--slug", "Bad--Slug"],
    );
    assert!(err.contains("error: slug \"Bad--Slug\""), "{err}");
    let err = env.fails(65, &["profile", "create", "--name", "X", "--color", "#12"]);
    assert!(err.contains("error: color \"#12\""), "{err}");
}

/// A SQLite database as roster wrote it at version 7, holding a profile and a media item.
fn version_7(env: &Env, slug: &str, color: &str, infohash: &str) {
    let db = sqlite(&env.db());
    // In WAL mode, as roster leaves a file: opening it then writes nothing by itself.
    db.pragma_update(None, "journal_mode", "WAL").unwrap();
    for m in &roster::store::schema::MIGRATIONS[..7] {
        db.execute_batch(m).unwrap();
    }
    db.execute_batch(&format!(
        "PRAGMA application_id = {}; PRAGMA user_version = 7;
         {};
         {};",
        roster::store::APPLICATION_ID,
        insert_profile("p-family", slug, color),
        insert_media("m-1", "p-family", infohash),
    ))
    .unwrap();
}

fn user_version(env: &Env) -> i64 {
    sqlite(&env.db())
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap()
}

#[test]
fn a_version_7_database_migrates_to_the_current_version() {
    let env = Env::new();
    if !env.sqlite_only("SQLite's schema versions: PostgreSQL's are tested below") {
        return;
    }
    version_7(
        &env,
        "family",
        "#6366F1",
        "0123456789abcdef0123456789abcdef01234567",
    );
    assert_eq!(env.json(&["profile", "show", "family"])["color"], "#6366F1");
    assert_eq!(user_version(&env), 9);
    assert_eq!(roster::store::schema::CURRENT, 9);
    let db = sqlite(&env.db());
    let count: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name IN ('users_by_created', 'audit_by_subject',
               'profiles_check_insert', 'profiles_check_update')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(count, 4);
    // Migration 9 took media's triggers back and put the CHECK in their place.
    let triggers: i64 = db
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name LIKE 'media_check_%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
    let err = env
        .try_sql("UPDATE media SET infohash = 'zz' || substr(infohash, 3)")
        .unwrap_err();
    assert!(err.contains("media_infohash_form"), "{err}");
    // The old rows are as they were; new bad rows are refused.
    let err = env
        .try_sql("UPDATE profiles SET color = '#6366f1'")
        .unwrap_err();
    assert!(err.contains("profiles.color: must be #RRGGBB"), "{err}");
    // Migrating is done once: opening again changes nothing.
    let before = env.bytes(&env.db());
    env.json(&["profile", "show", "family"]);
    assert!(
        env.bytes(&env.db()) == before,
        "opening again changed the file"
    );
}

#[test]
fn a_version_7_database_with_rows_breaking_the_forms_is_refused_and_left_as_it_was() {
    let env = Env::new();
    if !env.sqlite_only("SQLite's schema versions: PostgreSQL's are tested below") {
        return;
    }
    version_7(&env, "Family Room", "#6366f1", &"z".repeat(40));
    // Another bad row, so that the count says more than the first few.
    for i in 0..5 {
        env.sql(&insert_profile(&format!("p-{i}"), &format!("p{i}"), "#abc"));
    }
    let before = env.bytes(&env.db());
    let err = env.fails(78, &["user", "list"]);
    insta::assert_snapshot!(env.redact(&err), @r##"
    error: cannot upgrade roster.db to schema version 8: 8 rows break the forms it enforces
      media row "m-1": infohash "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz" is not 40 or 64 lower-case hex digits
      profiles row "p-0": color "#abc" is not #RRGGBB, six upper-case hex digits
      profiles row "p-1": color "#abc" is not #RRGGBB, six upper-case hex digits
      profiles row "p-2": color "#abc" is not #RRGGBB, six upper-case hex digits
      profiles row "p-3": color "#abc" is not #RRGGBB, six upper-case hex digits
      and 3 more
    hint: nothing was changed; correct those rows (UPDATE media SET infohash = … WHERE id = 'm-1') with the roster that wrote them or another SQL client, then run roster again (README "Storage": migration 8)
    "##);
    assert!(env.bytes(&env.db()) == before, "nothing was changed");
    assert_eq!(user_version(&env), 7);
    // Doctor opens the database too: the same refusal.
    env.fails(78, &["doctor"]);
    // Corrected, it migrates.
    env.sql(
        "UPDATE profiles SET color = '#AABBCC'; UPDATE profiles SET slug = 'family-room' WHERE id = 'p-family';
         UPDATE media SET infohash = NULL",
    );
    assert_eq!(
        env.json(&["profile", "show", "family-room"])["color"],
        "#AABBCC"
    );
    assert_eq!(user_version(&env), 9);
}

/// Takes a PostgreSQL schema back to version 7: what migration 8 added, removed.
fn back_to_7(env: &Env) {
    env.sql(
        "ALTER TABLE profiles DROP CONSTRAINT profiles_slug_form;
         ALTER TABLE profiles DROP CONSTRAINT profiles_color_form;
         ALTER TABLE media DROP CONSTRAINT media_infohash_form;
         DROP INDEX audit_by_subject;
         UPDATE roster_schema SET version = 7;",
    );
}

#[test]
fn a_version_7_postgresql_schema_migrates_or_names_the_rows_in_the_way() {
    let env = Env::init();
    if !env.pg_only("PostgreSQL's schema versions") {
        return;
    }
    back_to_7(&env);
    env.sql(&insert_profile("p-family", "Family", "#6366F1"));
    let err = env.fails(78, &["user", "list"]);
    insta::assert_snapshot!(env.redact(&err), @r#"
    error: cannot upgrade roster.db to schema version 8: 1 row breaks the forms it enforces
      profiles row "p-family": slug "Family" is not lower-case letters and digits in words joined by single hyphens, at most 64 characters
    hint: nothing was changed; correct those rows (UPDATE profiles SET slug = … WHERE id = 'p-family') with the roster that wrote them or another SQL client, then run roster again (README "Storage": migration 8)
    "#);
    assert_eq!(env.sql_value("SELECT version FROM roster_schema"), "7");
    env.sql("UPDATE profiles SET slug = 'family'");
    assert_eq!(env.json(&["profile", "show", "family"])["slug"], "family");
    assert_eq!(env.sql_value("SELECT version FROM roster_schema"), "9");
    assert_eq!(
        env.sql_value(
            "SELECT count(*) FROM pg_constraint WHERE connamespace = current_schema()::regnamespace
               AND conname IN ('profiles_slug_form', 'profiles_color_form', 'media_infohash_form')"
        ),
        "3"
    );
    assert_eq!(
        env.sql_value("SELECT to_regclass('audit_by_subject') IS NOT NULL"),
        "t"
    );
}
