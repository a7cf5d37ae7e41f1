//! Drives roster through a pseudo-terminal, expect-style, with util-linux `script`
//! (Debian's bsdutils, always installed): `script -qec CMD /dev/null` gives CMD a new
//! terminal and relays our pipe to it, so roster sees terminals on stdin and stderr.
//!
//! Waits poll every 10 ms up to a generous deadline (debug builds on a shared machine),
//! so a passing test takes only as long as roster needs, and a failing one says what the
//! screen showed.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::common::Env;

const DEADLINE: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(10);

pub struct Pty {
    child: Child,
    stdin: Option<ChildStdin>,
    screen: Arc<Mutex<Vec<u8>>>,
    reader: Option<JoinHandle<()>>,
    /// Where the text after the last match starts, in the plain (escape-free) screen.
    seen: usize,
    /// A file the shell fills with the terminal's name (for `stty -F`).
    tty_file: PathBuf,
}

/// `'…'` for sh.
fn quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The screen without terminal escape sequences (CSI and two-byte escapes).
pub fn plain(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if ('\x40'..='\x7e').contains(&d) {
                        break;
                    }
                }
            } else {
                chars.next();
            }
        } else if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// True when `script` can be run; otherwise fails under CI, or says why the test skips.
pub fn available() -> bool {
    let ok = Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    crate::common::tool_present("util-linux `script`", ok)
}

impl Pty {
    /// Starts `roster ARGS` on a new terminal in the test's directory and environment.
    pub fn spawn(env: &Env, args: &[&str]) -> Pty {
        Pty::spawn_env(env, args, &[])
    }

    /// [`Pty::spawn`] with variables set (`Some`) or removed (`None`) from the
    /// environment (a seed whose passwords take real time to hash, say).
    pub fn spawn_env(env: &Env, args: &[&str], vars: &[(&str, Option<&str>)]) -> Pty {
        let mut roster = format!("exec {}", quote(env!("CARGO_BIN_EXE_roster")));
        for a in args {
            roster.push(' ');
            roster.push_str(&quote(a));
        }
        Pty::start_with(env, &roster, vars)
    }

    /// Runs the shell command `then` on a new terminal, once its name is written down.
    fn start(env: &Env, then: &str) -> Pty {
        Pty::start_with(env, then, &[])
    }

    /// [`Pty::start`] with variables set or removed, as [`Pty::spawn_env`] says.
    fn start_with(env: &Env, then: &str, vars: &[(&str, Option<&str>)]) -> Pty {
        let tty_file = env.path(&format!("tty-{}", std::process::id()));
        let _ = std::fs::remove_file(&tty_file);
        let cmd = format!("tty > {} && {then}", quote(&tty_file.display().to_string()),);
        let mut script = env.command("script");
        for (name, value) in vars {
            match value {
                Some(v) => script.env(name, v),
                None => script.env_remove(name),
            };
        }
        let mut child = script
            .args(["-qec", &cmd, "/dev/null"])
            .env("SHELL", "/bin/sh")
            .env("TERM", "xterm")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run script");
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().expect("script's stdout");
        let screen = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&screen);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = stdout.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock().expect("screen").extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            child,
            stdin,
            screen,
            reader: Some(reader),
            seen: 0,
            tty_file,
        }
    }

    /// Starts `roster ARGS` as [`Pty::spawn`] does, but from a shell that stays on the
    /// terminal after roster exits: it prints `exit: CODE`, then reads one line and shows it
    /// as `next: [LINE]`. Whatever roster left unread of what was typed arrives there first,
    /// as it would at the prompt of an interactive shell.
    pub fn spawn_then_read(env: &Env, args: &[&str]) -> Pty {
        let mut roster = quote(env!("CARGO_BIN_EXE_roster"));
        for a in args {
            roster.push(' ');
            roster.push_str(&quote(a));
        }
        Pty::start(
            env,
            &format!(r#"{roster}; echo "exit: $?"; read -r rest; echo "next: [$rest]""#),
        )
    }

    /// Everything shown so far, without escape sequences.
    pub fn screen(&self) -> String {
        plain(&self.screen.lock().expect("screen"))
    }

    fn fail(&mut self, what: &str) -> ! {
        let _ = self.child.kill();
        let _ = self.child.wait();
        panic!("{what}\n--- screen ---\n{}\n--- end ---", self.screen());
    }

    /// Waits until `text` shows after the previous match.
    pub fn expect(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if let Some(at) = screen.get(self.seen..).and_then(|s| s.find(text)) {
                self.seen += at + text.len();
                return;
            }
            if start.elapsed() > DEADLINE {
                self.fail(&format!("timed out waiting for {text:?}"));
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                // Let the reader drain what is left, then look once more.
                std::thread::sleep(Duration::from_millis(50));
                if self
                    .screen()
                    .get(self.seen..)
                    .is_some_and(|s| s.contains(text))
                {
                    continue;
                }
                self.fail(&format!("roster exited ({status}) before showing {text:?}"));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Types `text` (no Enter): a single key for a yes/no question.
    pub fn key(&mut self, text: &str) {
        let Some(stdin) = self.stdin.as_mut() else {
            self.fail("stdin already closed")
        };
        if stdin
            .write_all(text.as_bytes())
            .and_then(|()| stdin.flush())
            .is_err()
        {
            self.fail(&format!("could not type {text:?}"));
        }
    }

    /// Types a line and Enter.
    pub fn line(&mut self, text: &str) {
        self.key(&format!("{text}\r"));
    }

    /// Types a line at a hidden prompt. The prompt turns echo off with TCSAFLUSH, which
    /// throws away anything typed before, so this waits until echo is off.
    pub fn secret(&mut self, text: &str) {
        let start = Instant::now();
        loop {
            if self.echo_is_off() {
                break;
            }
            if start.elapsed() > DEADLINE {
                self.fail("timed out waiting for the terminal to hide input");
            }
            std::thread::sleep(POLL);
        }
        self.line(text);
    }

    fn echo_is_off(&self) -> bool {
        let Ok(name) = std::fs::read_to_string(&self.tty_file) else {
            return false;
        };
        let name = name.trim();
        if name.is_empty() {
            return false;
        }
        Command::new("stty")
            .args(["-F", name, "-a"])
            .output()
            .is_ok_and(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .split_whitespace()
                    .any(|w| w == "-echo")
            })
    }

    /// Waits for roster to exit; returns its exit code and the whole screen.
    pub fn finish(mut self) -> (Option<i32>, String) {
        let start = Instant::now();
        let status = loop {
            match self.child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if start.elapsed() > DEADLINE => {
                    self.fail("timed out waiting for roster to exit")
                }
                Ok(None) => std::thread::sleep(POLL),
                Err(e) => self.fail(&format!("could not wait for roster: {e}")),
            }
        };
        self.stdin.take();
        if let Some(r) = self.reader.take() {
            let _ = r.join();
        }
        (status.code(), self.screen())
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}
