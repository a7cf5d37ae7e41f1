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

#[test]
fn a_crafted_cursor_naming_another_profiles_show_lists_none_of_its_episodes() {
    let env = Env::new();
    write(&env, "two.json", TWO_LIBRARIES);
    env.ok(&["seed", "two.json"]);
    // Bob belongs to club only; the cursor places him inside family's show.
    let after = cursor(&["Secret Show", "secret-show", "h", "-1", "-1", "secret-show"]);
    let page = env.json(&[
        "--as",
        "bob@example.com",
        "media",
        "list",
        "club",
        "--after",
        &after,
    ]);
    let seen = titles(&page);
    assert!(
        !seen.iter().any(|t| t == "Private Episode"),
        "another profile's episode leaked through a cursor: {seen:?}"
    );
    // The same from inside an episode of it, and with a search.
    let after = cursor(&["Secret Show", "secret-show", "e", "0", "0", "a"]);
    for extra in [&[][..], &["--search", "episode"][..], &["--type", "episode"][..]] {
        let mut args = vec![
            "--as",
            "bob@example.com",
            "media",
            "list",
            "club",
            "--after",
            &after,
        ];
        args.extend_from_slice(extra);
        let seen = titles(&env.json(&args));
        assert!(
            !seen.iter().any(|t| t == "Private Episode"),
            "{extra:?}: {seen:?}"
        );
    }
    // Ann, in family, still sees the show's episodes after the show.
    let after = cursor(&["Secret Show", "secret-show", "h", "-1", "-1", "secret-show"]);
    let page = env.json(&[
        "--as",
        "ann@example.com",
        "media",
        "list",
        "family",
        "--after",
        &after,
    ]);
    assert_eq!(titles(&page), vec!["Private Episode".to_string()]);
}
