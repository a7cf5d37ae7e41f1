//! `${env:NAME}` and `${env:NAME:-default}` in a seed's strings: read from the environment
//! when a seed is checked, and escaped by `roster export` so that data which looks like a
//! reference reads back as the data it is.

use serde_json::Value;

/// Whether `s` holds `${env:`: a search for `$` first (`memchr`), since nearly every string
/// of a seed has none, and a substring search costs its setup on every call.
fn has_reference(s: &str) -> bool {
    memchr::memchr(b'$', s.as_bytes()).is_some() && s.contains("${env:")
}

/// Writes `v` so that [`substitute`] reads it back unchanged: every string holding `${env:`
/// (a value, or a key of an object) has each `$` doubled. Used by `roster export`, whose
/// values are data, never references to the environment of whoever seeds the export.
pub fn escape(v: &mut Value) {
    match v {
        Value::String(s) if has_reference(s) => *s = s.replace('$', "$$"),
        Value::Array(items) => items.iter_mut().for_each(escape),
        Value::Object(map) => {
            map.values_mut().for_each(escape);
            if map.keys().any(|k| has_reference(k)) {
                // Doubling is one-to-one and keeps `${env:` in the key, so no two keys meet.
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| {
                        if has_reference(&k) {
                            (k.replace('$', "$$"), v)
                        } else {
                            (k, v)
                        }
                    })
                    .collect();
            }
        }
        _ => {}
    }
}

/// Replaces `${env:NAME}` and `${env:NAME:-default}` in every string of `v`: values, and
/// the keys of objects (in the same order; a key that becomes another key of the same
/// object is refused).
pub fn substitute(v: &mut Value, env: &dyn Fn(&str) -> Option<String>) -> Result<(), String> {
    match v {
        Value::String(s) if has_reference(s) => {
            *s = substitute_str(s, env)?;
            Ok(())
        }
        Value::Array(items) => items.iter_mut().try_for_each(|i| substitute(i, env)),
        Value::Object(map) => {
            map.values_mut().try_for_each(|i| substitute(i, env))?;
            if !map.keys().any(|k| has_reference(k)) {
                return Ok(());
            }
            let mut out = serde_json::Map::with_capacity(map.len());
            for (k, v) in std::mem::take(map) {
                let key = if has_reference(&k) {
                    substitute_str(&k, env).map_err(|e| format!("key {k:?}: {e}"))?
                } else {
                    k
                };
                if out.contains_key(&key) {
                    return Err(format!(
                        "key {key:?} is given twice once ${{env:…}} is read"
                    ));
                }
                out.insert(key, v);
            }
            *map = out;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// In a string that holds `${env:`, `$$` stands for one literal `$`, so that a value
/// which itself reads `${env:X}` can be written (`$${env:X}`): `roster export` writes such
/// values that way (see [`escape`]). Strings without `${env:` are left exactly as written.
fn substitute_str(s: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('$') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("$$") {
            out.push('$');
            rest = after;
            continue;
        }
        let Some(after) = rest.strip_prefix("${env:") else {
            out.push('$');
            rest = &rest[1..];
            continue;
        };
        let Some(end) = after.find('}') else {
            return Err(format!("unterminated ${{env:…}} in {s:?}"));
        };
        let spec = &after[..end];
        let (name, default) = match spec.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (spec, None),
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!("${{env:{spec}}}: {name:?} is not a variable name"));
        }
        // As in the shell and docker compose, `:-` also stands in for a variable that is
        // set but empty.
        match (env(name), default) {
            (Some(v), Some(d)) if v.is_empty() => out.push_str(d),
            (Some(v), _) => out.push_str(&v),
            (None, Some(d)) => out.push_str(d),
            (None, None) => {
                return Err(format!(
                    "environment variable {name} is not set (write ${{env:{name}:-default}} to give a default)"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_substitution() {
        let get = |n: &str| (n == "A").then(|| "1".to_string());
        assert_eq!(substitute_str("x${env:A}y", &get).unwrap(), "x1y");
        assert_eq!(substitute_str("${env:B:-dflt}", &get).unwrap(), "dflt");
        assert_eq!(substitute_str("${env:A:-dflt}", &get).unwrap(), "1");
        let empty = |n: &str| (n == "E").then(String::new);
        assert_eq!(substitute_str("${env:E:-dflt}", &empty).unwrap(), "dflt");
        assert_eq!(substitute_str("<${env:E}>", &empty).unwrap(), "<>");
        assert!(
            substitute_str("${env:B}", &get)
                .unwrap_err()
                .contains("not set")
        );
        assert!(substitute_str("${env:A", &get).is_err());
        // `$$` is a literal `$` in strings that hold `${env:`; others are left alone.
        assert_eq!(substitute_str("$${env:A}", &get).unwrap(), "${env:A}");
        assert_eq!(substitute_str("$$${env:A}$x$", &get).unwrap(), "$1$x$");
        for literal in [
            "${env:B}",
            "a$b${env:A}$$",
            "$$$${env:}",
            "$5 ${env:NOPE:-x",
        ] {
            let mut v = Value::from(literal);
            escape(&mut v);
            let mut back = v.clone();
            substitute(&mut back, &get).unwrap();
            assert_eq!(back, Value::from(literal), "{v}");
        }
        let mut v = Value::from("$$5 and $argon2id$");
        escape(&mut v);
        assert_eq!(
            v,
            Value::from("$$5 and $argon2id$"),
            "only strings holding ${{env:"
        );
        assert!(substitute_str("${env:}", &get).is_err());
    }

    #[test]
    fn env_substitution_in_keys() {
        let get = |n: &str| (n == "A").then(|| "k".to_string());
        let mut v = serde_json::json!({"x": 1, "${env:A}": {"${env:B:-d}": "${env:A}"}, "z": 2});
        substitute(&mut v, &get).unwrap();
        assert_eq!(v, serde_json::json!({"x": 1, "k": {"d": "k"}, "z": 2}));
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["x", "k", "z"], "the order is kept");
        let mut v = serde_json::json!({"${env:B}": 1});
        assert!(
            substitute(&mut v, &get)
                .unwrap_err()
                .contains("B is not set")
        );
        let mut v = serde_json::json!({"k": 1, "${env:A}": 2});
        assert!(
            substitute(&mut v, &get)
                .unwrap_err()
                .contains("given twice")
        );
        // Export's escaping reads back unchanged, keys included.
        for literal in [
            serde_json::json!({"${env:B}": 1, "a$b${env:A}$$": {"${env:A}": ["${env:A}"]}}),
            serde_json::json!({"$${env:A}": 1, "${env:A}": 2}),
        ] {
            let mut v = literal.clone();
            escape(&mut v);
            let mut back = v.clone();
            substitute(&mut back, &get).unwrap();
            assert_eq!(back, literal, "{v}");
        }
    }
}
