//! Seeds are read as strict JSON (README "Seeds and export"): a key given twice (in an event, in its
//! data, in metadata at any depth) and an integer beyond 64 bits are refused with 65 and
//! `FILE:LINE:COLUMN`, where serde_json alone would keep the last value or a rounded
//! float; `${env:…}` is read in the keys of metadata as in its values.

use serde_json::{Value, json};

use crate::common::*;
use crate::seeds::{database_exists, pos, seed, write};

/// Seeds `text` as `name`, expecting 65; returns stderr. Nothing was written: the
/// database was not even created.
#[track_caller]
fn refused(env: &Env, name: &str, text: &str) -> String {
    write(env, name, text);
    let err = env.fails(65, &["seed", name]);
    assert!(
        !database_exists(env),
        "a refused seed left a database behind"
    );
    err
}

/// `LINE:COLUMN` of the last `needle` on the 1-based `line` of `text` (ASCII).
fn last(text: &str, line: usize, needle: &str) -> String {
    let l = text.lines().nth(line - 1).unwrap();
    format!("{line}:{}", l.rfind(needle).unwrap() + 1)
}

#[test]
fn a_key_given_twice_in_an_event_is_refused_where_it_is_given_again() {
    let env = Env::new();
    let text = r#"{"version": 1, "events": [
  {"event": "profile-create", "event": "user-create", "data": {"name": "F"}},
  {"event": "profile-create", "data": {"name": "G"}, "data": {"name": "H"}},
  {"event": "profile-create", "as": "a@x.io", "data": {"name": "I"}, "as": "b@x.io"}
]}
"#;
    let err = refused(&env, "seed.json", text);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 3 errors; nothing was written
      seed.json:2:31: event 1 (profile-create): key "event" is given twice in the event
      seed.json:3:54: event 2 (profile-create): key "data" is given twice in the event
      seed.json:4:70: event 3 (profile-create): key "as" is given twice in the event
    "#);
    let second = |line: usize, key: &str| last(text, line, &format!("\"{key}\""));
    // The first "event" names the event; the second is the one refused.
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 1 (profile-create): key \"event\" is given twice in the event",
            second(2, "event")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 2 (profile-create): key \"data\" is given twice in the event",
            second(3, "data")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 3 (profile-create): key \"as\" is given twice in the event",
            second(4, "as")
        )),
        "{err}"
    );

    // In JSON Lines too, and a document's "version".
    let lines = "{\"event\": \"profile-create\", \"data\": {\"name\": \"F\"}}\n{\"event\": \"profile-create\", \"data\": {\"name\": \"G\"}, \"event\": \"x\"}\n";
    let err = refused(&env, "seed.jsonl", lines);
    assert!(
        err.contains(&format!(
            "seed.jsonl:{}: event 2 (profile-create): key \"event\" is given twice",
            last(lines, 2, "\"event\"")
        )),
        "{err}"
    );
    let doc = r#"{"version": 1, "events": [], "version": 1}"#;
    let err = refused(&env, "v.json", doc);
    assert!(
        err.contains(&format!(
            "v.json:{}: key \"version\" is given twice in the seed document",
            last(doc, 1, "\"version\"")
        )),
        "{err}"
    );
}

#[test]
fn a_key_given_twice_inside_metadata_is_refused_at_any_depth() {
    let env = Env::new();
    let text = r#"[
  {"event": "profile-create", "data": {"name": "F", "metadata": {"plan": "a", "plan": "b"}}},
  {"event": "user-create", "data": {"email": "a@x.io", "name": "A", "metadata": {"prefs": [{"theme": {"x": 1,
      "x": 2}}]}}}
]"#;
    let err = refused(&env, "seed.json", text);
    insta::assert_snapshot!(err, @r#"
    error: the seed has 2 errors; nothing was written
      seed.json:2:79: event 1 (profile-create): metadata: key "plan" is given twice
      seed.json:4:7: event 2 (user-create): metadata.prefs[0].theme: key "x" is given twice
    "#);
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 1 (profile-create): metadata: key \"plan\" is given twice",
            last(text, 2, "\"plan\"")
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 2 (user-create): metadata.prefs[0].theme: key \"x\" is given twice",
            pos(text, 4, "\"x\"")
        )),
        "{err}"
    );
    // Written differently, the same key.
    let err = refused(
        &env,
        "seed.json",
        r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"a": 1, "\u0061": 2}}}]"#,
    );
    insta::assert_snapshot!(err, @r#"
    error: the seed has 1 error; nothing was written
      seed.json:1:73: event 1 (profile-create): metadata: key "a" is given twice
    "#);
    // The same name in two objects is not a repetition.
    write(
        &env,
        "ok.json",
        r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"a": {"x": 1}, "b": {"x": 2}}}}]"#,
    );
    seed(&env, &["ok.json"]);
    let f = env.json(&["profile", "show", "f"]);
    assert_eq!(f["metadata"], json!({"a": {"x": 1}, "b": {"x": 2}}));
}

#[test]
fn integers_beyond_64_bits_are_refused_and_the_rest_kept_exactly() {
    let env = Env::new();
    let text = r#"[
  {"event": "profile-create", "data": {"name": "F", "metadata": {"limits": {"max": 18446744073709551616}}}},
  {"event": "profile-create", "data": {"name": "G", "metadata": {"ids": [1, -9223372036854775809]}}},
  {"event": "profile-create", "data": {"name": "H", "member_limit": 100000000000000000000}}
]"#;
    let err = refused(&env, "seed.json", text);
    insta::assert_snapshot!(err, @"
    error: the seed has 3 errors; nothing was written
      seed.json:2:84: event 1 (profile-create): metadata.limits.max: the integer 18446744073709551616 does not fit in 64 bits (from -9223372036854775808 to 18446744073709551615); write it as a string to keep every digit
      seed.json:3:77: event 2 (profile-create): metadata.ids[1]: the integer -9223372036854775809 does not fit in 64 bits (from -9223372036854775808 to 18446744073709551615); write it as a string to keep every digit
      seed.json:4:69: event 3 (profile-create): member_limit: the integer 100000000000000000000 does not fit in 64 bits (from -9223372036854775808 to 18446744073709551615); write it as a string to keep every digit
    ");
    for (line, needle, what) in [
        (
            2,
            "18446744073709551616",
            "metadata.limits.max: the integer 18446744073709551616",
        ),
        (
            3,
            "-9223372036854775809",
            "metadata.ids[1]: the integer -9223372036854775809",
        ),
        (
            4,
            "100000000000000000000",
            "member_limit: the integer 100000000000000000000",
        ),
    ] {
        assert!(
            err.contains(&format!(
                "seed.json:{}: event {} (profile-create): {what} does not fit in 64 bits",
                pos(text, line, needle),
                line - 1
            )),
            "{err}"
        );
    }
    // Said once: not again as "expected an integer, found a number".
    assert!(!err.contains("expected an integer"), "{err}");
    assert!(err.contains("write it as a string"), "{err}");

    // The limits themselves, and floats, are kept.
    write(
        &env,
        "ok.json",
        r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"min": -9223372036854775808, "max": 18446744073709551615, "big": 1.8446744073709552e19, "pi": 3.25}}}]"#,
    );
    seed(&env, &["ok.json"]);
    let f = env.ok(&["profile", "show", "f"]);
    assert!(f.contains("-9223372036854775808"), "{f}");
    assert!(f.contains("18446744073709551615"), "{f}");
    let f: Value = serde_json::from_str(&f).unwrap();
    assert_eq!(f["metadata"]["pi"], json!(3.25));
    assert!(f["metadata"]["big"].is_f64(), "{f}");
}

#[test]
fn command_line_metadata_is_as_strict() {
    let env = Env::init();
    let err = env.fails(
        65,
        &[
            "profile",
            "create",
            "--name",
            "F",
            "--metadata",
            r#"{"a": 1, "a": 2}"#,
        ],
    );
    insta::assert_snapshot!(err, @r#"error: metadata: key "a" is given twice"#);
    let err = env.fails(
        65,
        &[
            "profile",
            "create",
            "--name",
            "F",
            "--metadata",
            r#"{"n": 99999999999999999999}"#,
        ],
    );
    insta::assert_snapshot!(err, @"error: metadata.n: the integer 99999999999999999999 does not fit in 64 bits (from -9223372036854775808 to 18446744073709551615); write it as a string to keep every digit");
}

#[test]
fn env_references_in_metadata_keys_are_read() {
    let env = Env::new();
    write(
        &env,
        "seed.json",
        r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"${env:PLAN_KEY}": "gold", "nested": {"${env:UNSET:-fallback}": 1}, "$${env:PLAN_KEY}": "literal"}}}]"#,
    );
    let out = env
        .cmd()
        .env("PLAN_KEY", "plan")
        .args(["--json", "seed", "seed.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let f = env.json(&["profile", "show", "f"]);
    assert_eq!(
        f["metadata"],
        json!({"plan": "gold", "nested": {"fallback": 1}, "${env:PLAN_KEY}": "literal"})
    );
    // Order is kept.
    let keys: Vec<&String> = f["metadata"].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["plan", "nested", "${env:PLAN_KEY}"]);

    // An unset variable without a default is the same error as in a value.
    let other = Env::new();
    let text =
        r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"${env:NOPE}": 1}}}]"#;
    let err = refused(&other, "seed.json", text);
    assert!(
        err.contains(&format!(
            "seed.json:{}: event 1 (profile-create): metadata: key \"${{env:NOPE}}\": environment variable NOPE is not set",
            pos(text, 1, "{\"${")
        )),
        "{err}"
    );
    // A key that becomes another key of its object.
    let text = r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"plan": 1, "${env:PLAN_KEY}": 2}}}]"#;
    write(&other, "seed.json", text);
    let out = other
        .cmd()
        .env("PLAN_KEY", "plan")
        .args(["seed", "seed.json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(65));
    insta::assert_snapshot!(String::from_utf8_lossy(&out.stderr), @r#"
    error: the seed has 1 error; nothing was written
      seed.json:1:64: event 1 (profile-create): metadata: key "plan" is given twice once ${env:…} is read
    "#);
}

#[test]
fn metadata_keys_that_read_like_env_references_survive_export() {
    let env = Env::init();
    env.ok(&[
        "profile",
        "create",
        "--name",
        "F",
        "--metadata",
        r#"{"${env:HOME}": 1, "deep": {"$${env:X}": [{"${env:Y:-z}": 2}]}}"#,
    ]);
    let original = env.json(&["profile", "show", "f"]);
    let export = env.ok(&["export"]);
    assert!(export.contains(r#""$${env:HOME}":1"#), "{export}");

    let copy = Env::new();
    write(&copy, "export.json", &export);
    let out = copy
        .cmd()
        .env("X", "leaked")
        .env("Y", "leaked")
        .args(["seed", "export.json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        copy.json(&["profile", "show", "f"])["metadata"],
        original["metadata"]
    );
    assert_eq!(copy.ok(&["export"]), export);
}

/// A document's `$schema` key names the schema for editors and is otherwise ignored; it must
/// be a string.
#[test]
fn a_schema_key_is_ignored() {
    let env = Env::new();
    crate::seeds::write(
        &env,
        "s.json",
        r#"{"$schema": "https://example.com/roster-seed.json", "version": 1, "events": [
  {"event": "user-create", "data": {"email": "a@example.com", "name": "A"}}]}"#,
    );
    let report = env.json(&["seed", "s.json"]);
    assert_eq!(report["changed"], true, "{report}");
    crate::seeds::write(
        &env,
        "t.json",
        r#"{"$schema": 7, "version": 1, "events": []}"#,
    );
    let stderr = env.fails(65, &["seed", "t.json"]);
    insta::assert_snapshot!(stderr, @"
    error: the seed has 1 error; nothing was written
      t.json:1:13: $schema: expected a string (the URL or path of the seed schema)
    ");
}
