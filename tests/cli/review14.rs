//! Found in the hostile review of issue 14 (operator essentials): each test is one way a
//! careless or hostile user broke a new command, and shows it refused or fixed.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::Value;

use crate::common::*;
use crate::seeds::write;

/// Two profiles, each with a member of its own, and a show with episodes in the first.
const TWO_LIBRARIES: &str = r#"{"version": 1, "events": [
  {"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
  {"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}},
  {"event": "profile-create", "data": {"slug": "family", "name": "Family", "owner": "ann@example.com"}},
  {"event": "profile-create", "data": {"slug": "club", "name": "Club", "owner": "bob@example.com"}},
  {"event": "media-add", "data": {"id": "secret-show", "profile": "family", "type": "show", "title": "Secret Show"}},
  {"event": "media-add", "data": {"id": "secret-ep", "profile": "family", "type": "episode", "title": "Private Episode", "parent": "secret-show", "season": 1, "episode": 1}},
  {"event": "media-add", "data": {"id": "club-movie", "profile": "club", "type": "movie", "title": "Club Movie", "year": 2019}}
]}"#;

fn titles(page: &Value) -> Vec<String> {
    page.as_array()
        .or_else(|| page["items"].as_array())
        .expect("a list of items")
        .iter()
        .map(|m| m["title"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// A `media list` cursor, written by hand as anyone can.
fn cursor(fields: &[&str]) -> String {
    let mut text = String::from("m2");
    for f in fields {
        text.push('\u{1f}');
        text.push_str(f);
    }
    Base64UrlUnpadded::encode_string(text.as_bytes())
}

/// The titles `user` sees on the page of `profile`'s library after the cursor `after`.
fn page_after(env: &Env, user: &str, profile: &str, after: &str, extra: &[&str]) -> Vec<String> {
    let mut args = vec!["--as", user, "media", "list", profile, "--after", after];
    args.extend_from_slice(extra);
    titles(&env.json(&args))
}

#[test]
fn a_crafted_cursor_naming_another_profiles_show_lists_none_of_its_episodes() {
    let env = Env::new();
    write(&env, "two.json", TWO_LIBRARIES);
    env.ok(&["seed", "two.json"]);
    let bob = "bob@example.com";
    // Bob belongs to club only; the cursors place him on family's show, and inside it,
    // with and without a search or a type.
    let on_show = cursor(&["Secret Show", "secret-show", "h", "-1", "-1", "secret-show"]);
    let in_show = cursor(&["Secret Show", "secret-show", "e", "0", "0", "a"]);
    for after in [&on_show, &in_show] {
        for extra in [
            &[][..],
            &["--search", "episode"][..],
            &["--type", "episode"][..],
        ] {
            let seen = page_after(&env, bob, "club", after, extra);
            assert!(
                !seen.iter().any(|t| t == "Private Episode"),
                "another profile's episode leaked through a cursor ({extra:?}): {seen:?}"
            );
        }
    }
    // Ann, in family, still sees the show's episodes after the show.
    assert_eq!(
        page_after(&env, "ann@example.com", "family", &on_show, &[]),
        vec!["Private Episode".to_string()]
    );
}

#[test]
fn a_backup_is_not_renamed_over_a_database_whose_journal_lies_beside_it() {
    let env = Env::file();
    env.ok(&["init"]);
    env.user("ann@example.com", "Ann");
    // A file FILE with a write-ahead log of its own: an open database, or a killed one.
    env.ok(&["--yes", "backup", "old.db"]);
    let before = env.bytes(&env.path("old.db"));
    for journal in ["old.db-wal", "old.db-journal"] {
        std::fs::write(env.path(journal), b"a log of the old database").expect("journal");
        let err = env.fails(68, &["--yes", "backup", "old.db"]);
        assert!(
            err.contains(&format!(
                "refusing to replace old.db: {journal} beside it is a SQLite journal"
            )),
            "{err}"
        );
        assert!(err.contains("hint: choose another file name"), "{err}");
        // Refused before the question too, and nothing was written.
        let err = env.fails(68, &["backup", "old.db"]);
        assert!(!err.contains("confirmation"), "{err}");
        assert_eq!(env.bytes(&env.path("old.db")), before);
        std::fs::remove_file(env.path(journal)).expect("remove the journal");
    }
    // A symbolic link is refused by the journal of the file it names.
    std::fs::write(env.path("old.db-wal"), b"log").expect("journal");
    std::os::unix::fs::symlink("old.db", env.path("link.db")).expect("symlink");
    env.fails(68, &["--yes", "backup", "link.db"]);
    // An empty log is nothing to apply: the copy replaces the file.
    std::fs::write(env.path("old.db-wal"), b"").expect("empty journal");
    env.ok(&["--yes", "backup", "old.db"]);
    let leftovers: Vec<String> = std::fs::read_dir(env.dir())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    assert!(
        env.ok(&["--db", "old.db", "--json", "user", "list"])
            .contains("ann@example.com")
    );
}

#[test]
fn an_export_of_a_profile_past_its_invitation_limit_seeds_back_as_it_was() {
    let env = Env::init();
    env.profile("Club");
    env.ok(&[
        "invite",
        "send",
        "club",
        "a@example.com",
        "b@example.com",
        "c@example.com",
    ]);
    // Past its limit, as migration 6 leaves a profile that had more than 100 pending
    // invitations, or as another program sharing the database may write it.
    env.sql("UPDATE profiles SET invitation_limit = 1");
    let exported = env.ok(&["export"]);
    let other = Env::init();
    write(&other, "export.json", &exported);
    other.json(&["seed", "export.json"]);
    assert_eq!(other.ok(&["export"]), exported, "the same bytes again");
    // The restored state is still past the limit, as doctor says, and new invitations are
    // refused there as here.
    let doctor = other.run(&["--json", "doctor"]);
    assert!(
        String::from_utf8_lossy(&doctor.stdout).contains("invitation-limit"),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );
    let err = other.fails(68, &["invite", "send", "club", "d@example.com"]);
    assert!(err.contains("has 3 of 1 pending invitations"), "{err}");
}

/// What `seed --check` says of a seed in a fresh database: its exit code and stderr.
fn checked(seed: &str) -> (Option<i32>, String) {
    let env = Env::new();
    write(&env, "s.json", seed);
    let out = env.run(&["seed", "--check", "s.json"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{err}");
    (out.status.code(), err)
}

#[test]
fn a_word_field_takes_exactly_the_words_the_schema_gives_in_any_case() {
    let people = r#"{"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
      {"event": "user-create", "data": {"email": "bob@example.com", "name": "Bob"}},
      {"event": "profile-create", "data": {"slug": "family", "name": "Family", "owner": "ann@example.com"}}"#;
    // Refused: what the schema refuses (spaces around the word, another spelling).
    for (field, event) in [
        (
            "keep_as \" admin \"",
            r#"{"event": "profile-transfer", "data": {"profile": "family", "user": "bob@example.com", "keep_as": " admin "}}"#,
        ),
        (
            "status \"cancelled\"",
            r#"{"event": "invite-send", "data": {"profile": "family", "email": "c@example.com", "status": "cancelled", "expires_at": "2030-01-01T00:00:00Z"}}"#,
        ),
        (
            "scope \"profile \"",
            r#"{"event": "role-create", "data": {"name": "editor", "scope": "profile ", "allow": ["media-list"]}}"#,
        ),
    ] {
        let (code, err) = checked(&format!("[{people},\n{event}]"));
        assert_eq!(code, Some(65), "{err}");
        assert!(err.contains(&format!("{field}: must be one of")), "{err}");
    }
    // Taken: the words in any case, which the schema takes (a scope included).
    for event in [
        r#"{"event": "profile-transfer", "data": {"profile": "family", "user": "bob@example.com", "keep_as": "MEMBER"}}"#,
        r#"{"event": "invite-send", "data": {"profile": "family", "email": "c@example.com", "status": "Canceled", "expires_at": "2030-01-01T00:00:00Z"}}"#,
        r#"{"event": "role-create", "data": {"name": "editor", "scope": "PROFILE", "allow": ["media-list"]}}"#,
    ] {
        let (code, err) = checked(&format!("[{people},\n{event}]"));
        // 1: it would change the (empty) database; nothing is wrong with it.
        assert_eq!(code, Some(1), "{event}: {err}");
    }
}

#[test]
fn a_huge_csv_field_is_quoted_in_its_error_cut_short() {
    let env = Env::init();
    env.profile("Club");
    let long = "r".repeat(100_000);
    let text = format!("email,role\nann@example.com,{long}\n");
    let err = env.fails_with(65, &["invite", "send", "club", "--csv", "-"], &text);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(
        err.contains(&format!(
            "<stdin>:2: role \"{}…\": a role name is",
            "r".repeat(80)
        )),
        "{err}"
    );
    // The header's unknown column, and the same on the command line and in a seed.
    let err = env.fails_with(
        65,
        &["invite", "send", "club", "--csv", "-"],
        &format!("email,{long}\n"),
    );
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    let err = env.fails(
        65,
        &["invite", "send", "club", "ann@example.com", "--role", &long],
    );
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    write(
        &env,
        "s.json",
        &format!(
            r#"[{{"event": "invite-send", "data": {{"profile": "club", "email": "ann@example.com", "role": "{long}"}}}}, {{"event": "role-create", "data": {{"name": "x", "scope": "{long}"}}}}]"#
        ),
    );
    let err = env.fails(65, &["seed", "s.json"]);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
}
