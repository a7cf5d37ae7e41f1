//! The README is a manual that runs.
//!
//! Every ```console block of README.md is run, in the order the README gives them, by
//! trycmd against one database: the demo `seed.json`, seeded into a temporary directory.
//! Each `$ roster …` line is a command; the lines under it, up to the next `$` or the end
//! of the block, are what it prints (stdout and stderr as a terminal shows them, merged);
//! `? N` under a command is its exit code when it is not 0. `[..]` matches anything within
//! a line, `...` alone on a line any number of lines: they stand for what changes from run
//! to run (random ids, tokens, hashes, timings).
//!
//! When the output changes on purpose, rewrite the README's expected outputs with
//!
//! ```text
//! TRYCMD=overwrite cargo test --test readme
//! ```
//!
//! and read the diff (`git diff README.md`): new random values need `[..]` by hand.
//!
//! The second test walks the command tree and fails when a long flag of any subcommand is
//! not mentioned in the README.
//!
//! SQLite only: the README is about one database and its files (`roster.db`, backups,
//! exports), and the integration tests (`tests/cli`) already hold both backends to
//! byte-for-byte the same output.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The clock of every example: the demo is seeded at this time, and every command runs at
/// it unless its line pins another (`$ ROSTER_NOW=… roster …`).
const NOW: &str = "2026-12-01T12:00:00Z";

/// What each example runs with; nothing else of the environment reaches roster (see
/// `clear_roster_environment`).
const ENV: &[(&str, &str)] = &[
    ("ROSTER_DB", "roster.db"),
    ("ROSTER_NOW", NOW),
    // What a person at a terminal sees: tables (stdout is not a terminal under the test).
    ("ROSTER_FORMAT", "table"),
    ("COLUMNS", "100"),
    ("USER", "root"),
    ("LOGNAME", "root"),
    ("NO_COLOR", "1"),
    ("ROSTER_TEST_FAST_HASH", "1"),
];

/// Files the examples read, besides the demo seed: written here, shown in the README by
/// `$ cat FILE`, so the two cannot drift apart.
const FILES: &[(&str, &str)] = &[
    (
        "people.csv",
        "email,role,expires_in\nivy@example.com,admin,7d\njo@example.com,,\n\"kim@example.com\"\n",
    ),
    (
        "e2e-session.json",
        r#"{"version": 1, "events": [
  {"event": "session-create", "data": {"user": "bob@example.com", "token": "${env:E2E_TOKEN}", "profile": "smith-family", "expires_in": "1d", "user_agent": "playwright"}}
]}
"#,
    ),
    (
        "populate.json",
        r#"[
  {"event": "profile-create", "data": {"id": "developer", "name": "Developer", "type": "person", "roles": ["ADMIN"]}},
  {"event": "profile-create", "data": {"id": "jane", "name": "Jane Doe", "image": "https://example.com/jane.png", "type": "person", "tags": ["beta"], "references": {"crm": "J-17"}}},
  {"event": "auth-create", "data": {"profileId": "jane", "type": "email", "token": "jane@example.com", "secret": "${env:JANE_PASSWORD}", "verified": true}},
  {"event": "auth-create", "data": {"profileId": "jane", "type": "username", "token": "jane", "secret": "${env:JANE_PASSWORD}"}}
]
"#,
    ),
];

/// Held by each test of this binary: the README test changes the process environment,
/// which must not happen while another thread reads it.
static ENVIRONMENT: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The test's own environment reaches every command trycmd runs: take out whatever would
/// change roster's behaviour (a `ROSTER_AS`, an SMTP server, an audit key, a database).
fn clear_roster_environment() {
    for (key, _) in std::env::vars_os() {
        let Some(key) = key.to_str() else { continue };
        if key.starts_with("ROSTER_") || key.starts_with("PG") {
            // SAFETY: the tests of this binary hold ENVIRONMENT while they run, so no
            // other thread reads the environment while it is changed.
            unsafe { std::env::remove_var(key) };
        }
    }
}

#[test]
fn every_readme_example_runs_in_order_on_the_demo_database() {
    let _env = ENVIRONMENT.lock().unwrap_or_else(|e| e.into_inner());
    clear_roster_environment();
    let roster = PathBuf::from(env!("CARGO_BIN_EXE_roster"));
    let tmp = tempfile::tempdir().expect("a temporary directory");
    // trycmd runs a case's commands in the directory named like it with `.in`.
    let case = tmp.path().join("README.md");
    let dir = tmp.path().join("README.in");
    std::fs::copy(repo().join("README.md"), &case).expect("copy README.md");
    std::fs::create_dir(&dir).expect("README.in");
    std::fs::copy(repo().join("seed.json"), dir.join("seed.json")).expect("copy seed.json");
    for (name, text) in FILES {
        std::fs::write(dir.join(name), text).expect("an example's file");
    }

    let seeded = Command::new(&roster)
        .args(["seed", "seed.json"])
        .current_dir(&dir)
        .envs(ENV.iter().copied())
        .output()
        .expect("run roster seed");
    assert!(
        seeded.status.success(),
        "seeding the demo failed: {}",
        String::from_utf8_lossy(&seeded.stderr)
    );

    // The examples' environment is this process's, which every command inherits (trycmd's
    // own defaults would override a line's `ROSTER_NOW=… roster …`).
    for (key, value) in ENV {
        // SAFETY: as in clear_roster_environment.
        unsafe { std::env::set_var(key, value) };
    }
    let cases = trycmd::TestCases::new();
    cases.register_bin("roster", &roster);
    cases.register_bin("cat", Path::new("/bin/cat"));
    cases.case(&case);
    let overwrite = std::env::var_os("TRYCMD").is_some_and(|m| m == "overwrite");
    // In overwrite mode trycmd rewrites the copy: carry its outputs back to the README,
    // whether or not every step could be rewritten.
    struct CopyBack<'a>(bool, &'a Path);
    impl Drop for CopyBack<'_> {
        fn drop(&mut self) {
            if self.0 {
                let text = std::fs::read_to_string(self.1).expect("the rewritten README");
                std::fs::write(repo().join("README.md"), redact_new_outputs(&text))
                    .expect("write README.md back");
            }
        }
    }
    let _copy_back = CopyBack(overwrite, &case);
    cases.run();
}

/// What changes from run to run, in the outputs of ```console blocks, becomes `[..]`, so
/// that `TRYCMD=overwrite` leaves a README that passes the next run: the random part of ids
/// (a UUID v7 keeps its time, the first 13 characters, which `ROSTER_NOW` pins), tokens,
/// hashes, cursors and timings. Command lines are left as written.
fn redact_new_outputs(readme: &str) -> String {
    let rules: Vec<(regex::Regex, &str)> = [
        (
            r"\b([0-9a-f]{8}-[0-9a-f]{4})-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\b",
            "$1-[..]",
        ),
        (
            r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b",
            "[..]",
        ),
        (r"\brst_[A-Za-z0-9_-]{43}\b", "rst_[..]"),
        (r"\b[0-9a-f]{64}\b", "[..]"),
        (r"--after [A-Za-z0-9_-]{20,}", "--after [..]"),
        (r"\b(next_cursor\W+)[A-Za-z0-9_-]{20,}", "$1[..]"),
        (r"\b[0-9][0-9,]* ms\b", "[..] ms"),
        (r"\b[0-9][0-9,]* events/s\b", "[..] events/s"),
    ]
    .into_iter()
    .map(|(re, with)| (regex::Regex::new(re).expect("a valid pattern"), with))
    .collect();
    let mut out = String::with_capacity(readme.len());
    let mut fence: Option<bool> = None; // Some(true) inside a console block
    for line in readme.split_inclusive('\n') {
        if line.starts_with("```") {
            fence = match fence {
                None => Some(line.trim_end() == "```console"),
                Some(_) => None,
            };
            out.push_str(line);
        } else if fence == Some(true) && !line.starts_with("$ ") && !line.starts_with("> ") {
            let mut line = std::borrow::Cow::Borrowed(line);
            for (re, with) in &rules {
                if let std::borrow::Cow::Owned(s) = re.replace_all(&line, *with) {
                    line = std::borrow::Cow::Owned(s);
                }
            }
            out.push_str(&line);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Every long flag that `--help` shows, of every subcommand, is documented in the README:
/// named (`--flag`) in a paragraph that names its command (`profile create`), or in a
/// paragraph under a heading that does (the flag tables of `### roster media add …`).
/// Global flags (`--db`, `--format`, …) count once, anywhere.
#[test]
fn every_flag_of_every_command_is_in_the_readme() {
    let _env = ENVIRONMENT.lock().unwrap_or_else(|e| e.into_inner());
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    // Paragraphs, each with the heading it stands under.
    let mut paragraphs: Vec<(String, String)> = Vec::new();
    // A line of a code block is a paragraph of its own: `roster profile update … --logo`
    // documents `profile update --logo`, not the `profile create` on the line above.
    let (mut heading, mut text) = (String::new(), String::new());
    let mut in_code = false;
    for line in readme.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            paragraphs.push((heading.clone(), std::mem::take(&mut text)));
        } else if in_code {
            paragraphs.push((heading.clone(), format!("{line}\n")));
        } else if line.starts_with('#') {
            paragraphs.push((heading.clone(), std::mem::take(&mut text)));
            heading = line.to_string();
        } else if line.trim().is_empty() {
            paragraphs.push((heading.clone(), std::mem::take(&mut text)));
        } else {
            text.push_str(line);
            text.push('\n');
        }
    }
    paragraphs.push((heading, text));
    let names = |text: &str, flag: &str| {
        text.match_indices(flag).any(|(at, _)| {
            // `--as` is not named by `--ask`: the next character ends the flag.
            !text[at + flag.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphanumeric() || c == '-')
        })
    };

    let root = roster::cli::help::command();
    let globals: BTreeSet<String> = root
        .get_arguments()
        .filter_map(|a| a.get_long().map(str::to_string))
        .collect();
    let mut missing = BTreeSet::new();
    let shorts = root.get_arguments().filter_map(|a| a.get_short());
    for short in shorts
        .chain(root.get_version().map(|_| 'V'))
        .filter(|c| *c != 'h')
    {
        if !names(&readme, &format!("`-{short}`")) && !names(&readme, &format!("`-{short},")) {
            missing.insert(format!("roster -{short}"));
        }
    }
    for long in &globals {
        if long != "help" && long != "version" && !names(&readme, &format!("--{long}")) {
            missing.insert(format!("roster --{long}"));
        }
    }
    let mut stack: Vec<(String, clap::Command)> = root
        .get_subcommands()
        .map(|c| (c.get_name().to_string(), c.clone()))
        .collect();
    while let Some((path, cmd)) = stack.pop() {
        for arg in cmd.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if arg.is_hide_set() || long == "help" || globals.contains(long) {
                continue;
            }
            let flag = format!("--{long}");
            let documented = paragraphs.iter().any(|(heading, text)| {
                names(text, &flag) && (text.contains(&path) || heading.contains(&path))
            });
            if !documented {
                missing.insert(format!("roster {path} {flag}"));
            }
        }
        for sub in cmd.get_subcommands() {
            if !sub.is_hide_set() && sub.get_name() != "help" {
                stack.push((format!("{path} {}", sub.get_name()), sub.clone()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "flags that --help shows and README.md does not document (name each in a paragraph \
         that names its command, or under a heading that does):\n  {}",
        missing.into_iter().collect::<Vec<_>>().join("\n  ")
    );
}
