//! A bounded fuzz of the seed reader, run with the unit tests: the demo seed mutated at
//! random (bytes flipped, dropped, inserted, cut short), in all three layouts, applied to a
//! database that already holds the demo. Whatever the bytes, roster never panics, and an
//! input it rejects writes nothing: the audit log and every table stay as they were.

use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::{Input, Limit, Options, RunAs, Source};
use crate::error::Result;
use crate::store::{OpenMode, Store};

/// The demo seed without plain-text passwords (hashing them would dominate every case),
/// one event per line.
fn base_document() -> String {
    let demo: serde_json::Value = serde_json::from_str(include_str!("../../seed.json"))
        .unwrap_or_else(|e| panic!("seed.json: {e}"));
    let events: Vec<String> = demo["events"]
        .as_array()
        .map(|events| {
            events
                .iter()
                .map(|e| {
                    let mut e = e.clone();
                    if let Some(data) = e["data"].as_object_mut() {
                        data.remove("password");
                    }
                    e.to_string()
                })
                .collect()
        })
        .unwrap_or_default();
    format!(
        "{{\"version\": 1, \"events\": [\n{}\n]}}\n",
        events.join(",\n")
    )
}

/// The same events as JSON Lines.
fn base_lines(doc: &str) -> String {
    doc.lines()
        .filter(|l| l.starts_with("{\"event\""))
        .map(|l| l.trim_end_matches(','))
        .collect::<Vec<_>>()
        .join("\n")
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Delete(usize, usize),
    Insert(usize, u8),
    Truncate(usize),
}

/// Bytes that matter to JSON, and a few that should never appear.
const ALPHABET: &[u8] = b"{}[]\":,\\ \n0123456789-+.eEtrufalsn$ab\x00\x1b\xff\xc3";

fn mutation() -> impl Strategy<Value = Mutation> {
    let byte = prop::sample::select(ALPHABET);
    prop_oneof![
        (any::<usize>(), byte.clone()).prop_map(|(p, b)| Mutation::Flip(p, b)),
        (any::<usize>(), 1usize..40).prop_map(|(p, n)| Mutation::Delete(p, n)),
        (any::<usize>(), byte).prop_map(|(p, b)| Mutation::Insert(p, b)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        if bytes.is_empty() {
            break;
        }
        let at = |p: usize, len: usize| p % len;
        match *m {
            Mutation::Flip(p, b) => {
                let i = at(p, bytes.len());
                bytes[i] = b;
            }
            Mutation::Delete(p, n) => {
                let i = at(p, bytes.len());
                let end = (i + n).min(bytes.len());
                bytes.drain(i..end);
            }
            Mutation::Insert(p, b) => {
                let i = at(p, bytes.len() + 1);
                bytes.insert(i, b);
            }
            Mutation::Truncate(p) => {
                let i = at(p, bytes.len());
                bytes.truncate(i);
            }
        }
    }
    bytes
}

fn operator() -> RunAs<'static> {
    RunAs {
        login: "fuzz",
        user: None,
    }
}

fn seed(db: &Path, file: &Path, lines: bool) -> Result<super::Report> {
    let open = || Store::open(db, OpenMode::Create, 1000);
    let inputs = [Input {
        source: Source::File(file.to_path_buf()),
        lines,
        from: super::Dialect::Roster,
    }];
    let options = Options {
        rollback: false,
        threads: 1,
        max_input: Limit::default(),
        notify: None,
        stop: Default::default(),
    };
    super::run(
        &open,
        operator(),
        chrono::Utc::now(),
        &inputs,
        options,
        &|_| None,
        &mut (),
    )
}

/// What "nothing was written" compares: the whole export (secrets included) and the
/// audit log's length.
fn contents(db: &Path) -> Result<(Vec<u8>, i64)> {
    let mut store = Store::open(db, OpenMode::Existing, 1000)?;
    store.read(|tx| {
        let actor = crate::actions::resolve_actor(tx, "fuzz", None)?;
        let ctx = crate::actions::Ctx::new(actor, chrono::Utc::now(), "fuzz");
        let mut out = Vec::new();
        super::export::export(tx, &ctx, true, &mut out)?;
        Ok((out, tx.audit_count()?))
    })
}

struct Fixture {
    _dir: tempfile::TempDir,
    template: PathBuf,
    work: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("temp dir: {e}"));
    let template = dir.path().join("template.db");
    let doc = dir.path().join("demo.json");
    std::fs::write(&doc, base_document()).unwrap_or_else(|e| panic!("write: {e}"));
    if let Err(e) = seed(&template, &doc, false) {
        panic!("the demo seed without passwords does not apply: {e}");
    }
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap_or_else(|e| panic!("mkdir: {e}"));
    Fixture {
        _dir: dir,
        template,
        work,
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("ROSTER_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn a_mutated_seed_never_panics_and_a_rejected_one_writes_nothing(
        layout in 0u8..3,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        thread_local! {
            static FIXTURE: Fixture = fixture();
        }
        FIXTURE.with(|f| -> std::result::Result<(), TestCaseError> {
            let doc = base_document();
            let (text, lines) = match layout {
                0 => (doc, false),
                1 => (format!("[{}]", base_lines(&doc).replace('\n', ",\n")), false),
                _ => (base_lines(&doc), true),
            };
            let input = mutate(text.into_bytes(), &mutations);
            let file = f.work.join(if lines { "m.jsonl" } else { "m.json" });
            std::fs::write(&file, &input).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let db = f.work.join("case.db");
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            std::fs::copy(&f.template, &db).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let before = contents(&db).map_err(|e| TestCaseError::fail(e.message))?;
            match seed(&db, &file, lines) {
                Ok(_) => {}
                Err(e) => {
                    prop_assert_ne!(e.kind, crate::error::Kind::Internal, "{}", e.message);
                    let after = contents(&db).map_err(|e| TestCaseError::fail(e.message))?;
                    prop_assert_eq!(before, after, "a rejected seed wrote: {}", e.message);
                }
            }
            Ok(())
        })?;
    }
}
