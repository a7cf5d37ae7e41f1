//! `roster doctor`: each problem is made by editing the file directly, as only a bug, an
//! older roster or a hand edit could, and doctor must find it and say how to fix it.

use serde_json::Value;

use crate::common::*;

const ANN: &str = "ann@example.com";
const BOB: &str = "bob@example.com";

/// Ann (global admin) owns `family`, where Bob is a member; Dan has a pending invitation;
/// `family` has a show with one episode. Everything doctor checks is in order.
fn healthy() -> Env {
    let env = Env::init();
    env.user(ANN, "Ann");
    env.user(BOB, "Bob");
    env.json(&["--as", ANN, "profile", "create", "--name", "Family"]);
    env.ok(&["member", "add", "family", BOB]);
    env.ok(&["invite", "send", "family", "dan@example.com"]);
    let family = profile_id(&env, "family");
    add_media(&env, "show-1", &family, "show", None);
    add_media(&env, "ep-1", &family, "episode", Some("show-1"));
    env
}

fn profile_id(env: &Env, slug: &str) -> String {
    env.json(&["profile", "show", slug])["id"]
        .as_str()
        .unwrap()
        .to_string()
}

/// Inserts a media item directly, indexing it for search as any program writing media
/// rows must on SQLite (the media commands live in another module). PostgreSQL's search
/// index is an index of `media` itself.
fn add_media(env: &Env, id: &str, profile_id: &str, kind: &str, parent: Option<&str>) {
    let title = format!("Title of {id}");
    if env.is_pg() {
        // Ids and kinds of this module: nothing to quote.
        let parent = parent.map_or("NULL".to_string(), |p| format!("'{p}'"));
        env.sql(&format!(
            "INSERT INTO media (id, profile_id, type, title, parent_id, added_at)
             VALUES ('{id}', '{profile_id}', '{kind}', '{title}', {parent}, '2026-11-21T12:00:00.000Z')"
        ));
        return;
    }
    let db = sqlite(&env.db());
    db.execute(
        "INSERT INTO media (id, profile_id, type, title, parent_id, added_at)
         VALUES (?1, ?2, ?3, ?4, ?5, '2026-11-21T12:00:00.000Z')",
        rusqlite::params![id, profile_id, kind, title, parent],
    )
    .expect("insert media");
    db.execute(
        "INSERT INTO media_fts (rowid, title) VALUES (last_insert_rowid(), ?1)",
        [title],
    )
    .expect("index media");
}

fn tamper(env: &Env, sql: &str) {
    env.sql(sql);
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

/// Runs `doctor --json`, expecting exit 1; returns the findings.
fn findings(env: &Env) -> Vec<Value> {
    let out = env.run(&["--json", "doctor"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stdout: {stdout}\nstderr: {stderr}"
    );
    assert!(stderr.contains("error: doctor found"), "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("a JSON report");
    assert_eq!(report["ok"], false);
    let list = report["findings"].as_array().expect("findings").clone();
    for f in &list {
        for key in ["check", "subject", "message", "fix"] {
            assert!(f[key].as_str().is_some_and(|s| !s.is_empty()), "{key}: {f}");
        }
    }
    list
}

/// A finding as indented JSON, its generated ids redacted, for a snapshot.
fn shown(finding: &Value) -> String {
    redact(&serde_json::to_string_pretty(finding).expect("JSON"))
}

/// The one finding of `check`.
fn only(list: &[Value], check: &str) -> Value {
    let of: Vec<&Value> = list.iter().filter(|f| f["check"] == check).collect();
    assert_eq!(of.len(), 1, "{check}: {list:#?}");
    of[0].clone()
}

#[test]
fn a_healthy_database_passes_every_check() {
    let env = healthy();
    let rows = env.audit_len();
    let report = env.json(&["doctor"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["findings"], Value::Array(vec![]));
    assert_eq!(report["checks"].as_array().map(Vec::len), Some(15));
    let out = env.ok(&["--format", "table", "doctor"]);
    insta::assert_snapshot!(out, @"no problems found (15 checks: integrity, foreign-keys, audit-chain, unexplained-admin, role-grants-nothing, profile-owner, member-limit, invitation-limit, invitation-expired, invitation-to-member, mail-queued, media-parent, session-of-disabled, session-profile, search-index)");
    assert_eq!(env.ok(&["-q", "doctor"]), "");
    // Doctor only reads: no audit row.
    assert_eq!(env.audit_len(), rows);
}

#[test]
fn doctor_is_for_the_operator_and_global_admins() {
    let env = healthy();
    let err = env.fails(77, &["--as", BOB, "doctor"]);
    insta::assert_snapshot!(err, @"
    error: permission denied: bob@example.com may not doctor: no role of theirs grants doctor
    hint: the global role admin grants doctor
    hint: `roster can bob@example.com doctor` explains the decision
    ");
    assert_eq!(env.json(&["--as", ANN, "doctor"])["ok"], true);
    let env = Env::new();
    env.fails(66, &["doctor"]);
    assert!(!db_exists(&env));
}

#[test]
fn a_profile_without_an_owner() {
    let env = healthy();
    env.profile("Office");
    let f = only(&findings(&env), "profile-owner");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "profile-owner",
      "subject": "office",
      "message": "profile has no owner and no members",
      "fix": "give it an owner: roster member add office USER --role owner"
    }
    "#);
    env.ok(&["member", "add", "office", BOB]);
    let f = only(&findings(&env), "profile-owner");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "profile-owner",
      "subject": "office",
      "message": "profile has no owner among its 1 member",
      "fix": "make a member its owner: roster member role office USER owner"
    }
    "#);
    // Applying the fix clears it.
    env.ok(&["member", "role", "office", BOB, "owner"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn a_profile_over_its_member_limit() {
    let env = healthy();
    tamper(
        &env,
        "UPDATE profiles SET member_limit = 1 WHERE slug = 'family'",
    );
    let f = only(&findings(&env), "member-limit");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "member-limit",
      "subject": "family",
      "message": "2 members, over its member limit of 1",
      "fix": "raise the limit (roster profile update family --member-limit 2) or remove members (roster member remove family USER)"
    }
    "#);
}

#[test]
fn a_profile_over_its_invitation_limit() {
    let env = healthy();
    env.ok(&["invite", "send", "family", "eve@example.com"]);
    tamper(
        &env,
        "UPDATE profiles SET invitation_limit = 1 WHERE slug = 'family'",
    );
    let f = only(&findings(&env), "invitation-limit");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "invitation-limit",
      "subject": "family",
      "message": "2 pending invitations, over its invitation limit of 1",
      "fix": "raise the limit (roster profile update family --invitation-limit 2) or cancel invitations (roster invite cancel ID)"
    }
    "#);
    // An expired invitation does not count: with one of the two lapsed, the profile is
    // within its limit again.
    tamper(
        &env,
        "UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z' WHERE email = 'eve@example.com'",
    );
    let all = findings(&env);
    assert!(
        all.iter().all(|f| f["check"] != "invitation-limit"),
        "{all:#?}"
    );
}

#[test]
fn a_pending_invitation_past_its_expiry() {
    let env = healthy();
    tamper(
        &env,
        "UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z'",
    );
    let f = only(&findings(&env), "invitation-expired");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "invitation-expired",
      "subject": "[id]",
      "message": "invitation of dan@example.com to family is still stored as pending, but expired at 2000-01-01T00:00:00.000Z",
      "fix": "roster invite prune"
    }
    "#);
    env.ok(&["invite", "prune"]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn a_pending_invitation_to_someone_already_a_member() {
    let env = healthy();
    env.user("dan@example.com", "Dan");
    env.ok(&["member", "add", "family", "dan@example.com"]);
    let list = findings(&env);
    let f = only(&list, "invitation-to-member");
    let id = f["subject"].as_str().unwrap();
    assert_eq!(f["fix"], format!("roster invite cancel {id}"));
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "invitation-to-member",
      "subject": "[id]",
      "message": "dan@example.com is already a member of family but has a pending invitation to it",
      "fix": "roster invite cancel [id]"
    }
    "#);
    env.ok(&["invite", "cancel", id]);
    assert_eq!(env.json(&["doctor"])["ok"], true);
}

#[test]
fn an_episode_whose_parent_is_in_another_profile_or_not_a_show() {
    let env = healthy();
    env.json(&["--as", ANN, "profile", "create", "--name", "Office"]);
    let family = profile_id(&env, "family");
    let office = profile_id(&env, "office");
    add_media(&env, "show-2", &office, "show", None);
    add_media(&env, "ep-2", &family, "episode", Some("show-2"));
    add_media(&env, "movie-1", &family, "movie", None);
    add_media(&env, "ep-3", &family, "episode", Some("movie-1"));
    let list = findings(&env);
    let media: Vec<&Value> = list
        .iter()
        .filter(|f| f["check"] == "media-parent")
        .collect();
    assert_eq!(media.len(), 2, "{list:#?}");
    let ep2 = media.iter().find(|f| f["subject"] == "ep-2").unwrap();
    insta::assert_snapshot!(shown(ep2), @r#"
    {
      "check": "media-parent",
      "subject": "ep-2",
      "message": "\"Title of ep-2\" in family has parent show-2 in another profile (office)",
      "fix": "remove it (roster media remove ep-2) and add it again under a show of family"
    }
    "#);
    let ep3 = media.iter().find(|f| f["subject"] == "ep-3").unwrap();
    insta::assert_snapshot!(shown(ep3), @r#"
    {
      "check": "media-parent",
      "subject": "ep-3",
      "message": "\"Title of ep-3\" in family has parent movie-1, a movie rather than a show",
      "fix": "remove it (roster media remove ep-3) and add it again under a show of family"
    }
    "#);
    assert_eq!(list.len(), 2, "{list:#?}");
}

#[test]
fn an_altered_audit_row() {
    let env = healthy();
    tamper(&env, "UPDATE audit SET data = '{}' WHERE seq = 2");
    let f = only(&findings(&env), "audit-chain");
    insta::assert_snapshot!(shown(&f), @r#"
    {
      "check": "audit-chain",
      "subject": "audit row 2",
      "message": "the audit chain breaks here: its content does not match its hash: the row was altered",
      "fix": "the rows from this one on cannot be trusted; compare with a backup (`roster audit verify`)"
    }
    "#);
}

#[test]
fn a_row_pointing_at_a_missing_record() {
    let env = healthy();
    // A script that turned foreign keys off, as SQLite's own shell has them by default;
    // on PostgreSQL, one that runs as a replica (no foreign-key triggers fire).
    let off = if env.is_pg() {
        "SET session_replication_role = replica;"
    } else {
        "PRAGMA foreign_keys = OFF;"
    };
    tamper(
        &env,
        &format!(
            "{off}
             INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
             SELECT 'm-ghost', id, 'ghost', 'member', '2026-11-21T12:00:00.000Z', '2026-11-21T12:00:00.000Z'
             FROM profiles WHERE slug = 'family'"
        ),
    );
    let list = findings(&env);
    let f = only(&list, "foreign-keys");
    // SQLite names the row by its rowid, PostgreSQL (which has none) by its primary key.
    if env.is_pg() {
        insta::assert_snapshot!(shown(&f), @r#"
        {
          "check": "foreign-keys",
          "subject": "members row m-ghost",
          "message": "members row m-ghost refers to a missing users",
          "fix": "delete the orphan row, or restore the missing record from a backup"
        }
        "#);
    } else {
        insta::assert_snapshot!(shown(&f), @r#"
        {
          "check": "foreign-keys",
          "subject": "members row 3",
          "message": "members row 3 refers to a missing users",
          "fix": "delete the orphan row, or restore the missing record from a backup"
        }
        "#);
    }
}

#[test]
fn a_corrupt_index() {
    let env = healthy();
    // The index's entries no longer match its definition: what integrity_check is for. On
    // PostgreSQL, an index left invalid (as an interrupted CREATE INDEX CONCURRENTLY or
    // REINDEX leaves it), which the catalog says.
    tamper(
        &env,
        if env.is_pg() {
            "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'members_by_user'::regclass"
        } else {
            "PRAGMA writable_schema = ON;
             UPDATE sqlite_schema SET sql = 'CREATE INDEX members_by_user ON members(role)'
              WHERE name = 'members_by_user';
             PRAGMA writable_schema = OFF;"
        },
    );
    let list = findings(&env);
    assert!(
        list.iter().any(|f| f["check"] == "integrity"
            && f["message"].as_str().unwrap().contains("members_by_user")),
        "{list:#?}"
    );
}

#[test]
fn the_table_report_has_one_line_per_finding_with_its_fix() {
    let env = healthy();
    env.profile("Office");
    // A fixed id (a real one is random), so that the table, which cuts it across two
    // lines at 100 columns, can be compared whole.
    tamper(
        &env,
        "UPDATE invitations SET expires_at = '2000-01-01T00:00:00.000Z',
                                id = '00000000-0000-4000-8000-000000000001'",
    );
    let out = env.run(&["--format", "table", "doctor"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(redact(&stdout), @"
    profile-owner  office
      profile has no owner and no members
      fix: give it an owner: roster member add office USER --role owner

    invitation-expired  [id]
      invitation of dan@example.com to family is still stored as pending, but expired at
      2000-01-01T00:00:00.000Z
      fix: roster invite prune
    ");
    insta::assert_snapshot!(stderr, @"
    error: doctor found 2 problems
    hint: apply the suggested fixes, then run `roster doctor` again
    ");
    // jsonl: one finding per line; csv: a header and a row each.
    let out = env.run(&["--format", "jsonl", "doctor"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let out = env.run(&["--format", "csv", "doctor"]);
    let csv = String::from_utf8_lossy(&out.stdout).into_owned();
    insta::assert_snapshot!(redact(&csv), @r#"
    check,subject,message,fix
    profile-owner,office,profile has no owner and no members,give it an owner: roster member add office USER --role owner
    invitation-expired,[id],"invitation of dan@example.com to family is still stored as pending, but expired at 2000-01-01T00:00:00.000Z",roster invite prune
    "#);
}

#[test]
fn media_rows_written_without_indexing_them_are_found_and_a_rebuild_fixes_them() {
    let env = Env::init();
    if !env.sqlite_only("SQLite's FTS table: PostgreSQL's search index is an index of media") {
        return;
    }
    env.user("root@x.io", "Root");
    let p = env.profile("Family");
    env.ok(&["member", "add", "family", "root@x.io", "--role", "owner"]);
    let db = sqlite(&env.db());
    db.execute(
        "INSERT INTO media (id, profile_id, type, title, added_at)
         VALUES ('m1', ?1, 'movie', 'Hand Written', '2026-01-01T00:00:00.000Z')",
        [p["id"].as_str().unwrap()],
    )
    .unwrap();
    let err = env.fails(1, &["doctor"]);
    insta::assert_snapshot!(err, @"
    error: doctor found 1 problem
    hint: apply the suggested fixes, then run `roster doctor` again
    ");
    let report = env.run(&["--json", "doctor"]);
    let v: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["check"] == "search-index"),
        "{v}"
    );
    db.execute_batch("INSERT INTO media_fts(media_fts) VALUES ('rebuild')")
        .unwrap();
    env.ok(&["doctor"]);
}
