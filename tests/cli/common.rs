//! The test environment: a temporary directory, a pinned environment (jj's
//! `TestEnvironment`), and helpers to run the real binary.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

pub struct Env {
    pub dir: tempfile::TempDir,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// An environment whose database already exists (via `roster init`).
    pub fn init() -> Env {
        let env = Env::new();
        env.ok(&["init"]);
        env
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn db(&self) -> PathBuf {
        self.path("roster.db")
    }

    /// `roster` with a cleared, pinned environment, running in the temp dir.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("roster").expect("binary");
        c.env_clear()
            .current_dir(self.dir.path())
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.dir.path())
            .env("USER", "tester")
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .env("ROSTER_TEST_FAST_HASH", "1");
        c
    }

    /// Runs roster with these arguments and stdin.
    pub fn run_with(&self, args: &[&str], stdin: &str) -> Output {
        self.cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("run roster")
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, "")
    }

    /// Runs and expects exit 0; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        self.ok_with(args, "")
    }

    pub fn ok_with(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        assert_eq!(
            out.status.code(),
            Some(0),
            "roster {args:?} failed\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs with `--json` and expects exit 0; returns the parsed stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok(&all);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("roster {args:?}: stdout is not JSON ({e}): {out}"))
    }

    pub fn json_with(&self, args: &[&str], stdin: &str) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.ok_with(&all, stdin);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("roster {args:?}: stdout is not JSON ({e}): {out}"))
    }

    /// Runs and expects exit `code`; returns stderr.
    pub fn fails(&self, code: i32, args: &[&str]) -> String {
        self.fails_with(code, args, "")
    }

    pub fn fails_with(&self, code: i32, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, stdin);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(
            out.status.code(),
            Some(code),
            "roster {args:?}: expected exit {code}\nstdout: {}\nstderr: {stderr}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(
            !stderr.contains("panicked"),
            "roster {args:?} panicked: {stderr}"
        );
        stderr
    }

    /// Creates a user with an email and a name (as the operator); returns its JSON.
    pub fn user(&self, email: &str, name: &str) -> Value {
        self.json(&["user", "create", "--email", email, "--name", name])
    }

    /// Creates a profile by name (as the operator); returns its JSON.
    pub fn profile(&self, name: &str) -> Value {
        self.json(&["profile", "create", "--name", name])
    }

    /// The number of audit rows.
    pub fn audit_len(&self) -> usize {
        self.json(&["audit"]).as_array().map_or(0, Vec::len)
    }

    pub fn bytes(&self, p: &Path) -> Vec<u8> {
        std::fs::read(p).expect("read file")
    }
}

/// Opens the database directly, for tests that tamper with it.
pub fn sqlite(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("open sqlite")
}

/// Whether a tool a test needs is here. Missing under CI (`CI` set) is a failure, since
/// `.ci/run` installs every tool the tests use; elsewhere the test says on one line that it
/// skips, and why.
pub fn tool_present(tool: &str, found: bool) -> bool {
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "{tool} is needed by this test and is missing under CI: .ci/run must install it"
        );
        eprintln!("skipped: {tool} is not installed (.ci/run installs it)");
    }
    found
}
