//! Field validation shared by the commands and the seed loader. Each function takes the raw
//! value and returns it normalised, or an `Invalid` error naming the field and the value.

use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::JsonObject;

/// `FIELD "VALUE": WHY`, the value cut at 80 characters: a message never quotes a huge
/// value (a line of a CSV file, a field of a seed) whole.
pub(crate) fn bad(field: &str, value: &str, why: impl std::fmt::Display) -> Error {
    let shown: String = value.chars().take(80).collect();
    let ellipsis = if value.chars().count() > 80 {
        "…"
    } else {
        ""
    };
    Error::invalid(format!("{field} {:?}: {why}", format!("{shown}{ellipsis}")))
}

fn no_controls(field: &str, value: &str) -> Result<()> {
    if value.chars().any(char::is_control) {
        return Err(bad(field, value, "contains control characters"));
    }
    Ok(())
}

/// An explicit record id: `[A-Za-z0-9._-]{1,64}`.
pub fn id(field: &str, value: &str) -> Result<String> {
    if value.is_empty() || value.len() > 64 {
        return Err(bad(field, value, "must be 1 to 64 characters"));
    }
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
    {
        return Err(bad(
            field,
            value,
            "may contain only letters, digits, '.', '_' and '-'",
        )
        .hint("ids look like `alice`, `family-2`, or a UUID"));
    }
    Ok(value.to_string())
}

/// An email address, returned lower-case.
pub fn email(value: &str) -> Result<String> {
    let v = value.trim();
    let err = |why: &str| bad("email", value, why).hint("an email looks like name@example.com");
    if v.is_empty() {
        return Err(err("is empty"));
    }
    if v.len() > 254 {
        return Err(err("is longer than 254 characters"));
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(err("contains spaces or control characters"));
    }
    let Some((local, domain)) = v.rsplit_once('@') else {
        return Err(err("has no '@'"));
    };
    if local.is_empty() {
        return Err(err("has nothing before the '@'"));
    }
    if local.len() > 64 {
        return Err(err("has more than 64 characters before the '@'"));
    }
    if local.contains('@')
        || local.contains(['<', '>', '(', ')', '[', ']', ',', ';', ':', '\\', '"'])
    {
        return Err(err("has characters that are not allowed before the '@'"));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(err("has a misplaced '.' before the '@'"));
    }
    if domain.is_empty() {
        return Err(err("has no domain after the '@'"));
    }
    if !domain.contains('.') {
        return Err(err("has a domain without a '.'"));
    }
    for label in domain.split('.') {
        if label.is_empty() || label.len() > 63 {
            return Err(err("has an empty or overlong part in its domain"));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(err("has a domain part that starts or ends with '-'"));
        }
        if !label.chars().all(|c| c.is_alphanumeric() || c == '-') {
            return Err(err("has characters that are not allowed in its domain"));
        }
    }
    Ok(v.to_lowercase())
}

/// A username: 2 to 32 of `[A-Za-z0-9._-]`, starting with a letter or digit. No '@', so it
/// can never be mistaken for an email.
pub fn username(value: &str) -> Result<String> {
    let len = value.chars().count();
    if !(2..=32).contains(&len) {
        return Err(bad("username", value, "must be 2 to 32 characters"));
    }
    let first_ok = value
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if !first_ok
        || !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
    {
        return Err(bad(
            "username",
            value,
            "may contain only letters, digits, '.', '_' and '-', and must start with a letter or digit",
        ));
    }
    Ok(value.to_string())
}

/// A phone number in E.164 form (`+` and 7 to 15 digits); spaces, dots, dashes and
/// parentheses are removed first.
pub fn phone(value: &str) -> Result<String> {
    let compact: String = value
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect();
    let digits = compact.strip_prefix('+').unwrap_or("");
    if !compact.starts_with('+')
        || !(7..=15).contains(&digits.len())
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.starts_with('0')
    {
        return Err(bad("phone", value, "is not an international number")
            .hint("write it in E.164 form, such as +14155550123"));
    }
    Ok(compact)
}

/// A display name or title: trimmed, not empty, at most `max` characters, no control
/// characters.
pub fn text(field: &str, value: &str, max: usize) -> Result<String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(bad(field, value, "must not be empty"));
    }
    if v.chars().count() > max {
        return Err(bad(
            field,
            value,
            format!("is longer than {max} characters"),
        ));
    }
    no_controls(field, v)?;
    Ok(v.to_string())
}

/// An http(s) URL of at most 2048 characters.
pub fn url(field: &str, value: &str) -> Result<String> {
    let v = value.trim();
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"))
        .ok_or_else(|| bad(field, value, "must be an http:// or https:// URL"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() {
        return Err(bad(field, value, "has no host"));
    }
    if v.len() > 2048 {
        return Err(bad(field, value, "is longer than 2048 characters"));
    }
    if v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(bad(field, value, "contains spaces or control characters"));
    }
    Ok(v.to_string())
}

/// A lower-case word: global roles, user types, tags' cousins. `[a-z][a-z0-9_-]{0,31}`.
pub fn word(field: &str, value: &str) -> Result<String> {
    // The one definition of the form, shared with role names.
    crate::model::role_name(value.trim()).ok_or_else(|| {
        bad(
            field,
            value,
            "must be 1 to 32 of a-z, 0-9, '_' and '-', starting with a letter",
        )
    })
}

/// A list of lower-case words, deduplicated, in the order given.
pub fn words(field: &str, values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for v in values {
        let w = word(field, v)?;
        if !out.contains(&w) {
            out.push(w);
        }
    }
    Ok(out)
}

/// Tags: free text of 1 to 64 characters each, at most 100, deduplicated.
pub fn tags(values: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for v in values {
        let t = text("tag", v, 64)?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    if out.len() > 100 {
        return Err(Error::invalid(format!(
            "tags: {} given; at most 100",
            out.len()
        )));
    }
    Ok(out)
}

/// A slug: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 64 characters.
pub fn slug(value: &str) -> Result<String> {
    let ok = !value.is_empty()
        && value.len() <= 64
        && value.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if !ok {
        let suggestion = slug_from_name(value);
        let mut e = bad(
            "slug",
            value,
            "must be lower-case letters and digits in words joined by single '-' (at most 64)",
        );
        if let Some(s) = suggestion {
            e = e.hint(format!("try --slug {s}"));
        }
        return Err(e);
    }
    Ok(value.to_string())
}

/// Derives a slug from a name: ASCII-folded, lower-cased, words joined by '-', at most 64
/// characters. `None` when nothing usable remains (a name in a non-Latin script).
pub fn slug_from_name(name: &str) -> Option<String> {
    let mut out = String::new();
    let mut pending_dash = false;
    for c in name.chars() {
        let folded = fold(c);
        for f in folded.chars() {
            if f.is_ascii_alphanumeric() {
                if pending_dash && !out.is_empty() {
                    out.push('-');
                }
                pending_dash = false;
                out.push(f.to_ascii_lowercase());
            } else {
                pending_dash = true;
            }
        }
    }
    if out.len() > 64 {
        out.truncate(64);
        while out.ends_with('-') {
            out.pop();
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Folds common accented Latin letters to ASCII.
fn fold(c: char) -> String {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' => "ae",
        'Æ' => "AE",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' | 'ð' => "d",
        'Ď' | 'Đ' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => "E",
        'ğ' => "g",
        'Ğ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => "I",
        'ł' | 'ľ' => "l",
        'Ł' | 'Ľ' => "L",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => "O",
        'œ' => "oe",
        'Œ' => "OE",
        'ř' => "r",
        'Ř' => "R",
        'ś' | 'š' | 'ş' => "s",
        'Ś' | 'Š' | 'Ş' => "S",
        'ß' => "ss",
        'ť' | 'ţ' => "t",
        'Ť' | 'Ţ' => "T",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' | 'Ÿ' => "Y",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'þ' => "th",
        'Þ' => "TH",
        '&' => " and ",
        other => return other.to_string(),
    };
    s.to_string()
}

/// A colour `#RRGGBB` or `#RGB`, any case, normalised to upper-case `#RRGGBB`.
pub fn color(value: &str) -> Result<String> {
    let v = value.trim();
    let hex = v.strip_prefix('#').unwrap_or(v);
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) || !(hex.len() == 3 || hex.len() == 6) {
        return Err(bad("color", value, "is not a colour like #6366F1 or #abc"));
    }
    let full: String = if hex.len() == 3 {
        hex.chars().flat_map(|c| [c, c]).collect()
    } else {
        hex.to_string()
    };
    Ok(format!("#{}", full.to_ascii_uppercase()))
}

pub const MAX_MEMBER_LIMIT: i64 = 1_000_000;
pub const MAX_INVITATION_LIMIT: i64 = 1_000_000;

pub fn member_limit(value: i64) -> Result<i64> {
    limit("member_limit", value, MAX_MEMBER_LIMIT)
}

/// How many pending invitations a profile may have at once: bounded as `member_limit` is.
pub fn invitation_limit(value: i64) -> Result<i64> {
    limit("invitation_limit", value, MAX_INVITATION_LIMIT)
}

fn limit(field: &str, value: i64, max: i64) -> Result<i64> {
    if !(1..=max).contains(&value) {
        return Err(bad(
            field,
            &value.to_string(),
            format!("must be between 1 and {max}"),
        ));
    }
    Ok(value)
}

/// Metadata given as JSON text on the command line: must be an object of at most 64 KiB,
/// with no key given twice and no integer beyond 64 bits (as in a seed: [`crate::json`]).
pub fn metadata_text(value: &str) -> Result<JsonObject> {
    let parsed: Value = serde_json::from_str(value).map_err(|e| {
        bad("metadata", value, format!("is not valid JSON ({e})"))
            .hint(r#"give a JSON object, such as --metadata '{"plan":"family"}'"#)
    })?;
    if let Some(p) = crate::json::check(value.as_bytes(), "metadata")
        .into_iter()
        .next()
    {
        return Err(Error::invalid(p.message));
    }
    metadata(parsed)
}

/// Metadata as a parsed JSON value: must be an object of at most 64 KiB.
pub fn metadata(value: Value) -> Result<JsonObject> {
    match value {
        Value::Object(map) => {
            let size = Value::Object(map.clone()).to_string().len();
            if size > 65536 {
                return Err(Error::invalid(format!(
                    "metadata: {size} bytes of JSON; at most 65536"
                )));
            }
            Ok(map)
        }
        other => Err(bad("metadata", &other.to_string(), "must be a JSON object")
            .hint(r#"give a JSON object, such as {"plan":"family"}"#)),
    }
}

/// A duration such as `90s`, `30m`, `48h`, `7d`, `2w` or `1d12h`.
pub fn duration(field: &str, value: &str) -> Result<chrono::TimeDelta> {
    let err = || {
        bad(field, value, "is not a duration")
            .hint("write a number and a unit: 90s, 30m, 48h, 7d, 2w (or 1d12h)")
    };
    let v = value.trim();
    if v.is_empty() {
        return Err(err());
    }
    let mut total: i64 = 0;
    let mut digits = String::new();
    for c in v.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 604_800,
            _ => return Err(err()),
        };
        let n: i64 = match digits.parse() {
            Ok(n) => n,
            Err(_) if !digits.is_empty() => {
                return Err(bad(field, value, "is longer than 100 years"));
            }
            Err(_) => return Err(err()),
        };
        digits.clear();
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .filter(|t| *t <= 100 * 365 * 86_400)
            .ok_or_else(|| bad(field, value, "is longer than 100 years"))?;
    }
    if !digits.is_empty() {
        return Err(err());
    }
    Ok(chrono::TimeDelta::seconds(total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails() {
        assert_eq!(email("Bob@Example.COM").unwrap(), "bob@example.com");
        assert_eq!(email(" a.b+c@x.io ").unwrap(), "a.b+c@x.io");
        for bad in [
            "",
            "bob",
            "bob@",
            "@x.io",
            "bob@localhost",
            "a b@x.io",
            "a@@x.io",
            "a@x..io",
            "a@-x.io",
            ".a@x.io",
        ] {
            let e = email(bad).unwrap_err();
            assert_eq!(e.kind, crate::error::Kind::Invalid, "{bad}");
            assert!(e.message.starts_with("email "), "{}", e.message);
        }
    }

    #[test]
    fn usernames_and_phones() {
        assert_eq!(username("alice_01").unwrap(), "alice_01");
        assert!(username("a").is_err());
        assert!(username("al@ce").is_err());
        assert!(username("-al").is_err());
        assert!(username(&"a".repeat(33)).is_err());
        assert_eq!(phone("+1 (415) 555-0123").unwrap(), "+14155550123");
        assert!(phone("4155550123").is_err());
        assert!(phone("+0123456789").is_err());
        assert!(phone("+12ab").is_err());
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("family-2").unwrap(), "family-2");
        for bad in ["", "Family", "a--b", "-a", "a-", "a b", &"a".repeat(65)] {
            assert!(slug(bad).is_err(), "{bad}");
        }
        assert_eq!(
            slug_from_name("The Smith Family").as_deref(),
            Some("the-smith-family")
        );
        assert_eq!(
            slug_from_name("  Café & Crème!! ").as_deref(),
            Some("cafe-and-creme")
        );
        assert_eq!(slug_from_name("日本"), None);
        let long = slug_from_name(&"word ".repeat(40)).unwrap();
        assert!(long.len() <= 64 && !long.ends_with('-'));
        slug(&long).unwrap();
    }

    #[test]
    fn colours() {
        assert_eq!(color("#abc").unwrap(), "#AABBCC");
        assert_eq!(color("#6366f1").unwrap(), "#6366F1");
        assert_eq!(color("6366f1").unwrap(), "#6366F1");
        for bad in ["#12", "#ggg", "#12345", "blue"] {
            assert!(color(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn metadata_must_be_an_object() {
        assert!(metadata_text(r#"{"a":1}"#).is_ok());
        assert!(metadata_text("[1]").is_err());
        assert!(metadata_text("{").is_err());
        assert!(metadata_text("3").is_err());
        let e = metadata_text(r#"{"a": {"b": 1, "b": 2}}"#).unwrap_err();
        assert_eq!(e.message, r#"metadata.a: key "b" is given twice"#);
        let e = metadata_text(r#"{"n": 36893488147419103232}"#).unwrap_err();
        assert!(
            e.message.starts_with(
                "metadata.n: the integer 36893488147419103232 does not fit in 64 bits"
            ),
            "{}",
            e.message
        );
        assert!(metadata_text(r#"{"n": 3.6893488147419103232e19}"#).is_ok());
    }

    #[test]
    fn durations() {
        assert_eq!(duration("d", "90s").unwrap().num_seconds(), 90);
        assert_eq!(duration("d", "48h").unwrap().num_hours(), 48);
        assert_eq!(duration("d", "7d").unwrap().num_days(), 7);
        assert_eq!(duration("d", "1d12h").unwrap().num_hours(), 36);
        for bad in ["", "48", "h", "4x", "-1h", "99999999999999999999d", "1.5h"] {
            assert!(duration("d", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn ids_words_urls_limits() {
        assert!(id("id", "alice.01_x-y").is_ok());
        assert!(id("id", "a/b").is_err());
        assert!(id("id", "").is_err());
        assert!(id("id", &"a".repeat(65)).is_err());
        assert_eq!(word("role", "Admin").unwrap(), "admin");
        assert!(word("role", "1admin").is_err());
        assert!(url("image", "https://x.io/a.png").is_ok());
        assert!(url("image", "ftp://x.io").is_err());
        assert!(url("image", "https://").is_err());
        assert!(member_limit(0).is_err());
        assert!(member_limit(100).is_ok());
        assert!(invitation_limit(0).is_err());
        assert!(invitation_limit(1).is_ok());
        assert!(invitation_limit(MAX_INVITATION_LIMIT).is_ok());
        assert!(invitation_limit(MAX_INVITATION_LIMIT + 1).is_err());
        assert!(text("name", "  ", 10).is_err());
        assert!(text("name", "a\u{7}b", 10).is_err());
    }
}
