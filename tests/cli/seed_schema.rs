//! `roster seed --schema`: the JSON Schema of seeds, derived from the event catalogue. The
//! checked-in `seed.schema.json` is its output; `seed.json`, the demo's export and every
//! seed written out in these tests that the checker accepts are valid against it (under a
//! real draft 2020-12 validator), and a misspelt field or an unknown event are not.

use std::path::Path;

use serde_json::{Value, json};

use crate::common::*;
use crate::seeds::{demo, write};

fn repo(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn generated(env: &Env) -> String {
    env.ok(&["seed", "--schema"])
}

fn validator(env: &Env) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&generated(env)).expect("the schema is JSON");
    jsonschema::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    jsonschema::draft202012::new(&schema).expect("the schema compiles")
}

/// The validator's complaints about `seed`, one per line (empty when valid).
fn errors(v: &jsonschema::Validator, seed: &Value) -> String {
    v.iter_errors(seed)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_checked_in_schema_is_the_generated_one() {
    let env = Env::new();
    let checked_in = std::fs::read_to_string(repo("seed.schema.json")).expect("seed.schema.json");
    assert!(
        checked_in == generated(&env),
        "seed.schema.json is not what `roster seed --schema` prints; regenerate it with\n  cargo run -q -- seed --schema > seed.schema.json"
    );
    // And seed.json names it.
    let demo: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("seed.json")).expect("seed.json"))
            .expect("seed.json is JSON");
    assert_eq!(demo["$schema"], json!("./seed.schema.json"));
    // Deterministic: the same bytes every time.
    assert_eq!(generated(&env), checked_in);
}

#[test]
fn the_schema_is_printed_alone() {
    let env = Env::new();
    let err = env.fails(2, &["seed", "--schema", "seed.json"]);
    assert!(err.contains("--schema"), "{err}");
    env.fails(2, &["seed", "--schema", "--from", "stackpress"]);
    // It reads no database and creates none.
    generated(&env);
    assert!(!env.db().exists());
}

#[test]
fn the_demo_seed_and_its_export_are_valid() {
    let env = Env::new();
    let v = validator(&env);
    let seed_json: Value =
        serde_json::from_str(&std::fs::read_to_string(repo("seed.json")).expect("seed.json"))
            .expect("seed.json is JSON");
    assert_eq!(errors(&v, &seed_json), "");
    // Every kind of record, as export writes it (with secrets), is a valid seed.
    demo(&env);
    env.ok(&["seed"]);
    let export: Value = serde_json::from_str(&env.ok(&["export", "--with-secrets"])).unwrap();
    assert_eq!(errors(&v, &export), "");
    // The bare array and an event of each layout.
    assert_eq!(errors(&v, &export["events"]), "");
}

/// Every raw string literal of the test sources that is a seed (a document or an array of
/// events).
fn seeds_in_the_tests() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let dir = repo("tests/cli");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/cli")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a test file");
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (i, part) in text.split("r#\"").enumerate().skip(1) {
            let Some(end) = part.find("\"#") else {
                continue;
            };
            let literal = &part[..end];
            let Ok(v) = serde_json::from_str::<Value>(literal) else {
                continue;
            };
            let events = v.get("events").unwrap_or(&v);
            let is_seed = events
                .as_array()
                .is_some_and(|a| !a.is_empty() && a.iter().all(|e| e.get("event").is_some()));
            if is_seed {
                out.push((format!("{name} literal {i}"), literal.to_string()));
            }
        }
    }
    out
}

#[test]
fn every_seed_the_tests_write_that_the_checker_accepts_is_valid() {
    let env = Env::new();
    let v = validator(&env);
    let seeds = seeds_in_the_tests();
    assert!(seeds.len() >= 20, "found only {} seeds", seeds.len());
    let mut checked = 0;
    for (i, (name, text)) in seeds.iter().enumerate() {
        let file = format!("s{i}.json");
        write(&env, &file, text);
        // The checker's verdict on shape: 65 is a refusal of the seed as written; any
        // other outcome (applied, or refused by the database's state) passed the check.
        let out = env
            .roster()
            .args(["seed", "--dry-run", &file])
            .env("PW", "a-password-from-env")
            .output()
            .expect("run roster");
        let value: Value = serde_json::from_str(text).unwrap();
        let problems = errors(&v, &value);
        if out.status.code() != Some(65) {
            checked += 1;
            assert_eq!(
                problems, "",
                "{name} passes the checker but not the schema:\n{text}"
            );
        }
    }
    assert!(checked >= 10, "only {checked} seeds were checked");
}

#[test]
fn a_misspelt_field_or_an_unknown_event_fails_there_too() {
    let env = Env::new();
    let v = validator(&env);
    let good = json!([
        {"event": "user-create", "data": {"email": "ann@example.com", "name": "Ann"}},
        {"event": "role-create", "data": {"name": "support", "scope": "${env:SCOPE}", "allow": ["user-list"]}},
        {"event": "profile-create", "data": {"name": "Family", "member_limit": 5, "logo": null}}
    ]);
    assert_eq!(errors(&v, &good), "");
    let bad = |seed: Value, want: &str| {
        let problems = errors(&v, &seed);
        assert!(!problems.is_empty(), "the schema accepts {seed}");
        assert!(problems.contains(want), "{want:?} not in {problems}");
        // The checker refuses it as well.
        write(&env, "bad.json", &seed.to_string());
        env.fails(65, &["seed", "--check", "bad.json"]);
    };
    bad(
        json!([{"event": "user-create", "data": {"emial": "ann@example.com", "name": "Ann"}}]),
        "emial",
    );
    bad(
        json!([{"event": "user-craete", "data": {"name": "Ann"}}]),
        "user-craete",
    );
    bad(
        json!({"version": 1, "events": [{"event": "profile-create"}]}),
        "data",
    );
    bad(
        json!([{"event": "profile-create", "data": {"name": "F", "member_limit": "${env:LIMIT}"}}]),
        "member_limit",
    );
    bad(json!({"version": 1, "evnets": []}), "evnets");
}
