//! Strict JSON: what serde_json accepts silently and roster refuses. A duplicated key is
//! resolved by serde_json to its last value, and an integer beyond 64 bits becomes a
//! float that has lost digits; both would store something other than what was written.
//!
//! [`check`] walks the text of one value that serde_json has already parsed, so it only
//! needs to find keys and number tokens, not to judge the syntax. It allocates only for
//! the keys of objects, and reads strings as runs of bytes. Nothing here panics on any
//! input, valid JSON or not.

use std::collections::HashSet;
use std::fmt::Write;

/// One problem, at a 1-based line and column (in characters) of the text checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: usize,
    pub col: usize,
    pub message: String,
}

/// Containers nested deeper than this are not looked into (serde_json refuses past 128).
const MAX_DEPTH: usize = 256;

/// The duplicate keys (in objects at any depth) and the integers beyond 64 bits in the JSON
/// text `raw`, whose value is named `name` in messages (`metadata`, `metadata.plan`).
pub fn check(raw: &[u8], name: &str) -> Vec<Problem> {
    // A lone number (a year, a limit), the most common value after strings: no walk, and
    // nothing allocated unless it is refused.
    if matches!(raw.first(), Some(b'-' | b'0'..=b'9')) {
        let end = raw.iter().position(|b| !is_number_byte(*b));
        if !integer_too_large(raw.get(..end.unwrap_or(raw.len())).unwrap_or(raw)) {
            return Vec::new();
        }
    }
    let mut walk = Walk {
        b: raw,
        i: 0,
        line: 1,
        col: 1,
        problems: Vec::new(),
    };
    let mut path = name.to_string();
    walk.value(&mut path, 0);
    walk.problems
}

fn is_number_byte(b: u8) -> bool {
    matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
}

/// Whether serde_json would have to turn this number token into a float though it was
/// written as an integer (no fraction, no exponent): it does not fit in an i64 or a u64.
fn integer_too_large(token: &[u8]) -> bool {
    if token.iter().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return false;
    }
    let digits = token.strip_prefix(b"-").unwrap_or(token);
    if digits.len() < 19 {
        return false;
    }
    let Ok(text) = std::str::from_utf8(token) else {
        return false;
    };
    if token.first() == Some(&b'-') {
        text.parse::<i64>().is_err()
    } else {
        text.parse::<u64>().is_err()
    }
}

/// `metadata.plan`, `metadata["a b"]`, `metadata.items[2]`.
fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        let _ = write!(path, "[{key:?}]");
    }
}

/// The keys of one object: a short list, a set once it grows.
#[derive(Default)]
struct Keys {
    few: Vec<String>,
    many: HashSet<String>,
}

impl Keys {
    /// Adds `key`, or gives it back when it was there already.
    fn insert(&mut self, key: String) -> Option<String> {
        if self.many.is_empty() {
            if self.few.contains(&key) {
                return Some(key);
            }
            self.few.push(key);
            if self.few.len() > 16 {
                self.many = self.few.drain(..).collect();
            }
            None
        } else if self.many.contains(&key) {
            Some(key)
        } else {
            self.many.insert(key);
            None
        }
    }
}

struct Walk<'a> {
    b: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
    problems: Vec<Problem>,
}

impl Walk<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn bump(&mut self) {
        if let Some(c) = self.peek() {
            self.i += 1;
            if c == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if c & 0xC0 != 0x80 {
                self.col += 1;
            }
        }
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn problem(&mut self, line: usize, col: usize, message: String) {
        self.problems.push(Problem { line, col, message });
    }

    fn value(&mut self, path: &mut String, depth: usize) {
        self.ws();
        match self.peek() {
            Some(b'{') if depth < MAX_DEPTH => self.object(path, depth),
            Some(b'[') if depth < MAX_DEPTH => self.array(path, depth),
            Some(b'"') => {
                self.string();
            }
            Some(b'-' | b'0'..=b'9') => self.number(path),
            // true, false, null (or, past MAX_DEPTH, whatever is there: one byte at a time).
            Some(_) => {
                self.bump();
                while matches!(self.peek(), Some(b'a'..=b'z')) {
                    self.bump();
                }
            }
            None => {}
        }
    }

    /// Skips a string at `"`; returns its body's byte range and whether it has escapes.
    fn string(&mut self) -> (usize, usize, bool) {
        self.bump();
        let start = self.i;
        let mut escapes = false;
        loop {
            let rest = self.b.get(self.i..).unwrap_or_default();
            let n = rest
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c == b'\n')
                .unwrap_or(rest.len());
            self.col += rest[..n].iter().filter(|&&c| c & 0xC0 != 0x80).count();
            self.i += n;
            match self.peek() {
                Some(b'"') => {
                    let end = self.i;
                    self.bump();
                    return (start, end, escapes);
                }
                Some(b'\\') => {
                    escapes = true;
                    self.bump();
                    self.bump();
                }
                // A line break or the end: not JSON that serde_json accepted; stop here.
                Some(_) | None => return (start, self.i, escapes),
            }
        }
    }

    fn number(&mut self, path: &str) {
        let (line, col, start) = (self.line, self.col, self.i);
        while self.peek().is_some_and(is_number_byte) {
            self.bump();
        }
        let token = self.b.get(start..self.i).unwrap_or_default();
        if integer_too_large(token) {
            let text = String::from_utf8_lossy(token);
            let shown: String = text.chars().take(40).collect();
            let more = if text.chars().count() > 40 { "…" } else { "" };
            self.problem(
                line,
                col,
                format!(
                    "{path}: the integer {shown}{more} does not fit in 64 bits (from {} to {}); write it as a string to keep every digit",
                    i64::MIN,
                    u64::MAX
                ),
            );
        }
    }

    fn object(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut keys = Keys::default();
        loop {
            self.ws();
            match self.peek() {
                Some(b'"') => {}
                Some(b',') => {
                    self.bump();
                    continue;
                }
                Some(b'}') => {
                    self.bump();
                    return;
                }
                // Not JSON that serde_json accepted; stop here.
                _ => return,
            }
            let (line, col) = (self.line, self.col);
            let (start, end, escapes) = self.string();
            let body = self.b.get(start..end).unwrap_or_default();
            let key = if escapes {
                let quoted = self.b.get(start.saturating_sub(1)..end + 1).unwrap_or(body);
                serde_json::from_slice::<String>(quoted)
                    .unwrap_or_else(|_| String::from_utf8_lossy(body).into_owned())
            } else {
                String::from_utf8_lossy(body).into_owned()
            };
            self.ws();
            if self.peek() == Some(b':') {
                self.bump();
            }
            let len = path.len();
            push_key(path, &key);
            self.value(path, depth + 1);
            path.truncate(len);
            if let Some(key) = keys.insert(key) {
                self.problem(line, col, format!("{path}: key {key:?} is given twice"));
            }
        }
    }

    fn array(&mut self, path: &mut String, depth: usize) {
        self.bump();
        let mut index = 0usize;
        loop {
            self.ws();
            match self.peek() {
                Some(b']') => {
                    self.bump();
                    return;
                }
                Some(b',') => {
                    self.bump();
                    index += 1;
                    continue;
                }
                None => return,
                Some(_) => {}
            }
            let at = self.i;
            let len = path.len();
            let _ = write!(path, "[{index}]");
            self.value(path, depth + 1);
            path.truncate(len);
            if self.i == at {
                // Nothing read (not JSON that serde_json accepted): never loop in place.
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(text: &str) -> Vec<String> {
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_ok(),
            "not JSON: {text}"
        );
        check(text.as_bytes(), "metadata")
            .into_iter()
            .map(|p| format!("{}:{}: {}", p.line, p.col, p.message))
            .collect()
    }

    #[test]
    fn plain_values_pass() {
        for text in [
            r#"{}"#,
            r#"{"a": 1, "b": [1, 2.5, -3e10, true, null], "c": {"a": "x\"y"}}"#,
            r#"[{"a": 1}, {"a": 2}]"#,
            "9223372036854775807",
            "-9223372036854775808",
            "18446744073709551615",
            "1.8446744073709551616e19",
            "123456789012345678901234567890.5",
            r#""{\"a\": 1, \"a\": 2}""#,
        ] {
            assert_eq!(messages(text), Vec::<String>::new(), "{text}");
        }
    }

    #[test]
    fn duplicate_keys_at_any_depth() {
        assert_eq!(
            messages(r#"{"plan": 1, "plan": 2}"#),
            [r#"1:13: metadata: key "plan" is given twice"#]
        );
        assert_eq!(
            messages("{\"a\": {\"b\": [{\"c\": 1,\n  \"c\": 2}]}}"),
            [r#"2:3: metadata.a.b[0]: key "c" is given twice"#]
        );
        // The same key however it is written.
        assert_eq!(
            messages(r#"{"a b": {"x": 1, "\u0078": 2}}"#),
            [r#"1:18: metadata["a b"]: key "x" is given twice"#]
        );
        // Many keys: the set takes over from the list.
        let many: Vec<String> = (0..40).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k33\": 0}}", many.join(", "));
        assert_eq!(messages(&text).len(), 1);
        // Same names in different objects are fine.
        assert!(messages(r#"{"a": {"x": 1}, "b": {"x": 1}}"#).is_empty());
    }

    #[test]
    fn integers_beyond_64_bits() {
        let m = messages(r#"{"n": [1, 18446744073709551616]}"#);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(
            m[0].starts_with(
                "1:11: metadata.n[1]: the integer 18446744073709551616 does not fit in 64 bits"
            ),
            "{m:?}"
        );
        assert_eq!(messages("-9223372036854775809").len(), 1);
        assert_eq!(messages("99999999999999999999999").len(), 1);
        let long = "9".repeat(300);
        let m = messages(&long);
        assert!(m[0].contains("…"), "{m:?}");
    }

    #[test]
    fn never_panics_or_hangs_on_garbage() {
        for text in [
            "",
            "{",
            "[",
            "{\"a\"",
            "{\"a\":",
            "[1,",
            "\"abc",
            "{\"a\\",
            "[}",
            "{]",
            "::",
            "[[[[[[[[",
            "{\"a\": [1 2]}",
            "-",
            "\u{0}",
            "{\"\\u12\": 1}",
        ] {
            let _ = check(text.as_bytes(), "m");
        }
        let deep = "[".repeat(10_000);
        let _ = check(deep.as_bytes(), "m");
        let deep = "{\"a\":".repeat(10_000);
        let _ = check(deep.as_bytes(), "m");
        let _ = check(&[0xff, 0xfe, b'"', 0xc3], "m");
    }
}
