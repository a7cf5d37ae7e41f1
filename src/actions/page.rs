//! Keyset pages of the long lists (`media list`, `member list`, `user list`): the page size,
//! the cursor and the JSON document, shared so that every list takes the same `--limit`,
//! refuses the same way and prints its pages alike.
//!
//! A cursor is the list-order key of the last record of a page, as base64url (RFC 4648 §5,
//! no padding) of a tag naming the list and the version, then each field, joined by the
//! unit separator 0x1F, which no stored field may contain. Opaque to users: they pass back
//! what a page gave them. The tag keeps one list's cursor from being taken by another.
//!
//! The encoding is `base64ct`'s (already in the build for argon2's PHC strings), which
//! refuses non-canonical text, so each cursor has exactly one spelling.

use base64ct::{Base64UrlUnpadded, Encoding};
use serde_json::{Map, Value};

use crate::error::{Error, Result};
use crate::output::Record;

/// Records per page when `--limit` is left out (of a list that pages by default).
pub const DEFAULT_LIMIT: i64 = 50;
/// The largest `--limit`.
pub const MAX_LIMIT: i64 = 1000;

const SEP: char = '\u{1f}';

/// `FIELD "VALUE": WHY`, the value cut to 80 characters.
fn bad(field: &str, value: impl std::fmt::Display, why: impl std::fmt::Display) -> Error {
    let shown: String = value.to_string().chars().take(80).collect();
    Error::invalid(format!("{field} {shown:?}: {why}"))
}

/// The page size: `given`, else [`DEFAULT_LIMIT`]; outside 1..=[`MAX_LIMIT`] it is 65.
pub fn limit(given: Option<i64>) -> Result<i64> {
    let limit = given.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(
            bad("limit", limit, format!("must be between 1 and {MAX_LIMIT}"))
                .hint("page through long lists with --after and the cursor each page gives"),
        );
    }
    Ok(limit)
}

/// The `--format json` document of a page, as every paged list prints it:
/// `{"items": [...], "next_cursor": "..." | null}`. Built in place: `json!` would serialise
/// the items' values over again into new ones, a copy of the whole page.
pub fn document<T: Record>(items: &[T], next_cursor: Option<&str>) -> Value {
    let mut doc = Map::new();
    let items = items.iter().map(Record::to_json).collect();
    doc.insert("items".into(), Value::Array(items));
    let next = next_cursor.map_or(Value::Null, |c| Value::String(c.to_string()));
    doc.insert("next_cursor".into(), next);
    Value::Object(doc)
}

/// Cuts a page read with one record more than `limit` (which says whether another page
/// follows) down to `limit`; returns the next page's cursor, that of its last record.
pub fn cut<T>(items: &mut Vec<T>, limit: i64, cursor: impl Fn(&T) -> String) -> Option<String> {
    if items.len() as i64 > limit {
        items.truncate(usize::try_from(limit).unwrap_or(0));
        items.last().map(cursor)
    } else {
        None
    }
}

/// The cursor of a record whose list-order key is `fields`, in the list tagged `tag`.
pub fn encode(tag: &str, fields: &[&str]) -> String {
    let mut text = String::from(tag);
    for f in fields {
        text.push(SEP);
        text.push_str(f);
    }
    Base64UrlUnpadded::encode_string(text.as_bytes())
}

/// The `count` fields of a cursor of the list tagged `tag`; `None` for anything else
/// (not base64url, not UTF-8, another tag, another number of fields).
pub fn decode(cursor: &str, tag: &str, count: usize) -> Option<Vec<String>> {
    let bytes = Base64UrlUnpadded::decode_vec(cursor.trim()).ok()?;
    let text = String::from_utf8(bytes).ok()?;
    let mut parts = text.split(SEP);
    if parts.next() != Some(tag) {
        return None;
    }
    let fields: Vec<String> = parts.map(str::to_string).collect();
    (fields.len() == count).then_some(fields)
}

/// The refusal (65) of a cursor that `command` (`media list`) did not give.
pub fn malformed(cursor: &str, command: &str) -> Error {
    bad("after", cursor, format!("is not a cursor from `roster {command}`"))
        .hint("pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    #[test]
    fn fields_round_trip_and_the_tag_and_count_must_match() {
        let c = encode("t1", &["a b", "", "Amélie"]);
        assert!(
            c.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "{c}"
        );
        assert_eq!(
            decode(&c, "t1", 3),
            Some(vec!["a b".into(), "".into(), "Amélie".into()])
        );
        assert_eq!(decode(&c, "t2", 3), None);
        assert_eq!(decode(&c, "t1", 2), None);
        assert_eq!(decode(&c, "t1", 4), None);
        assert_eq!(
            decode(&format!(" {c}\n"), "t1", 3).map(|f| f.len()),
            Some(3)
        );
        for garbage in ["", "!!!!", "a", "/+=="] {
            assert_eq!(decode(garbage, "t1", 1), None, "{garbage:?}");
        }
    }

    #[test]
    fn limits_default_to_fifty_and_stay_within_one_to_a_thousand() {
        assert_eq!(limit(None).unwrap(), DEFAULT_LIMIT);
        assert_eq!(limit(Some(1)).unwrap(), 1);
        assert_eq!(limit(Some(MAX_LIMIT)).unwrap(), MAX_LIMIT);
        for n in [0, -1, MAX_LIMIT + 1, i64::MAX, i64::MIN] {
            assert_eq!(limit(Some(n)).unwrap_err().kind, Kind::Invalid, "{n}");
        }
    }
}
