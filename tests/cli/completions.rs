//! `roster completions`: the checked-in scripts match the command tree, the shells load
//! them, and bash, zsh and fish complete the database's names through them.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::common::*;

/// Each shell and its checked-in file under `completions/`.
const SCRIPTS: &[(&str, &str)] = &[
    ("bash", "roster.bash"),
    ("zsh", "_roster"),
    ("fish", "roster.fish"),
    ("powershell", "_roster.ps1"),
    ("elvish", "roster.elv"),
];

const REGENERATE: &str = "completions/regenerate.sh";

fn checked_in(file: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file)
}

/// True when `shell` can run; otherwise fails under CI, or says why the test skips.
fn have(shell: &str) -> bool {
    let found = Command::new(shell)
        .args(["-c", "exit 0"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    crate::common::tool_present(shell, found)
}

#[test]
fn the_checked_in_scripts_match_the_command_tree() {
    let env = Env::new();
    let mut stale = Vec::new();
    for (shell, file) in SCRIPTS {
        let generated = env.ok(&["completions", shell]);
        assert!(generated.contains("roster"), "{shell}: {generated}");
        let on_disk = std::fs::read_to_string(checked_in(file)).unwrap_or_default();
        if generated != on_disk {
            stale.push(format!("completions/{file}"));
        }
    }
    assert!(
        stale.is_empty(),
        "out of date: {}\nthe command line changed; rewrite them with `{REGENERATE}` and commit the result",
        stale.join(", ")
    );
}

#[test]
fn the_scripts_complete_commands_and_values() {
    let env = Env::new();
    // bash, zsh and fish register the dynamic engine: each Tab asks roster itself.
    for (shell, asks) in [
        ("bash", r#"COMPLETE="bash""#),
        ("zsh", r#"COMPLETE="zsh""#),
        ("fish", "COMPLETE=fish roster --"),
    ] {
        let script = env.ok(&["completions", shell]);
        assert!(script.contains(asks), "{shell}: {script}");
    }
    // The static scripts of the other shells list the commands and values themselves.
    for shell in ["powershell", "elvish"] {
        let script = env.ok(&["completions", shell]);
        for word in [
            "doctor",
            "completions",
            "member",
            "invite",
            "--no-input",
            "powershell",
        ] {
            assert!(script.contains(word), "{shell}: {word} is not completed");
        }
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error_listing_the_shells() {
    let env = Env::new();
    let err = env.fails(2, &["completions", "tcsh"]);
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        assert!(err.contains(shell), "{err}");
    }
    // Without ROSTER_DB, as in SQLite mode: clap's usage line lists --db when the variable
    // gives it (PostgreSQL mode), whichever the backend.
    let out = env
        .cmd()
        .env_remove("ROSTER_DB")
        .arg("completions")
        .output()
        .expect("run roster");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    insta::assert_snapshot!(err, @"
    error: the following required arguments were not provided:
      <SHELL>

    Usage: roster completions <SHELL>

    For more information, try '--help'.
    ");
}

#[test]
fn bash_loads_the_script() {
    if !have("bash") {
        return;
    }
    let o = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            "source completions/roster.bash && complete -p roster",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{stderr}");
    assert_eq!(stderr, "");
    assert!(
        stdout.contains("-F _clap_complete_roster roster"),
        "{stdout}"
    );
}

#[test]
fn bash_completes_a_subcommand() {
    if !have("bash") {
        return;
    }
    let env = Env::new();
    let got = bash(&env, &["roster", "doc"]);
    assert_eq!(got, ["doctor"]);
}

#[test]
fn zsh_finds_and_loads_the_script() {
    if !have("zsh") {
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    // The way users install it: the directory on $fpath, then compinit.
    let o = Command::new("zsh")
        .args([
            "-f",
            "-c",
            r#"fpath=(completions $fpath)
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump" || exit 3
print -r -- "${_comps[roster]}"
source completions/_roster || exit 4"#,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("HOME", home.path())
        .output()
        .expect("zsh");
    let stderr = String::from_utf8_lossy(&o.stderr);
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "exit {:?}: {stderr}", o.status.code());
    assert_eq!(stderr, "");
    assert_eq!(stdout.trim(), "_roster");
}

#[test]
fn fish_loads_the_script_when_installed() {
    if !have("fish") {
        return;
    }
    let env = Env::new();
    assert!(fish(&env, "roster doc").contains(&"doctor".to_string()));
}

#[test]
fn a_closed_stdout_is_still_success() {
    let env = Env::new();
    for shell in ["bash", "zsh"] {
        let (reader, writer) = std::io::pipe().expect("pipe");
        drop(reader);
        let o = env
            .roster()
            .args(["completions", shell])
            .stdin(Stdio::null())
            .stdout(Stdio::from(writer))
            .stderr(Stdio::piped())
            .output()
            .expect("run roster");
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&o.stderr), "");
    }
}

// ------------------------------------------------------------------ names from the database

/// `PATH` with the directory of the roster under test first: the registered scripts run
/// `roster` from `$PATH`, as an installed one would.
fn path_with_roster() -> OsString {
    let bin = Path::new(env!("CARGO_BIN_EXE_roster"))
        .parent()
        .expect("the binary's directory")
        .to_path_buf();
    let mut dirs = vec![bin];
    dirs.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    std::env::join_paths(dirs).expect("PATH")
}

/// `program` as `env` runs commands (its directory, its database), with the roster under
/// test on `PATH`.
fn shell(env: &Env, program: &str) -> Command {
    let mut c = env.command(program);
    c.env("PATH", path_with_roster());
    c
}

fn lines(o: &Output, what: &str) -> Vec<String> {
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        o.status.success(),
        "{what}: exit {:?}: {stderr}",
        o.status.code()
    );
    assert_eq!(stderr, "", "{what}: stderr");
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// `words` quoted for bash and zsh, separated by spaces.
fn sh_words(words: &[&str]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| format!("'{}'", w.replace('\'', r"'\''")))
        .collect();
    quoted.join(" ")
}

/// What bash offers at the end of `words` (the last one is the word being completed): the
/// registration `roster completions bash` prints, sourced, and its function called as
/// bash's programmable completion calls it; COMPREPLY, one a line.
fn bash(env: &Env, words: &[&str]) -> Vec<String> {
    bash_with(env, &env.ok(&["completions", "bash"]), words)
}

/// [`bash`] with the registration `script`.
fn bash_with(env: &Env, script: &str, words: &[&str]) -> Vec<String> {
    let program = format!(
        r#"{script}
COMP_WORDS=({words}); COMP_CWORD={cword}; COMP_LINE="${{COMP_WORDS[*]}}"; COMP_POINT=${{#COMP_LINE}}
_clap_complete_roster roster "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
printf '%s\n' "${{COMPREPLY[@]}}""#,
        words = sh_words(words),
        cword = words.len() - 1,
    );
    let o = shell(env, "bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .output()
        .expect("bash");
    lines(&o, "bash")
}

/// What zsh offers at the end of `words`: `_roster` installed as users install it (the
/// output of `roster completions zsh` in a directory on `$fpath`, then compinit), called
/// the way compsys calls it, with `words` and `CURRENT` set. `_describe`, through which
/// it hands its candidates to compsys, prints them instead (`value:description`).
fn zsh(env: &Env, words: &[&str]) -> Vec<String> {
    let zfunc = env.tmpdir().join("zfunc");
    std::fs::create_dir_all(&zfunc).expect("zfunc");
    std::fs::write(zfunc.join("_roster"), env.ok(&["completions", "zsh"])).expect("_roster");
    let program = format!(
        r#"fpath=({zfunc} $fpath)
autoload -Uz compinit && compinit -u -d "$HOME/.zcompdump" || exit 3
[[ ${{_comps[roster]}} == _roster ]] || exit 4
_describe() {{ print -rl -- "${{(@P)${{@[-1]}}}}" }}
words=({words}); CURRENT={current}
_roster"#,
        zfunc = zfunc.display(),
        words = sh_words(words),
        current = words.len(),
    );
    let o = shell(env, "zsh")
        .args(["-f", "-c", &program])
        .output()
        .expect("zsh");
    lines(&o, "zsh")
}

/// What fish offers for `line` (`complete -C`), with the registration sourced: values
/// only, without their descriptions.
fn fish(env: &Env, line: &str) -> Vec<String> {
    let script = env.ok(&["completions", "fish"]);
    let o = shell(env, "fish")
        .args([
            "--no-config",
            "-c",
            &format!("{script}\ncomplete -C {}", fish_quote(line)),
        ])
        .output()
        .expect("fish");
    lines(&o, "fish")
        .into_iter()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .collect()
}

fn fish_quote(s: &str) -> String {
    format!("'{}'", s.replace('\\', r"\\").replace('\'', r"\'"))
}

/// The engine asked directly, as the fish script asks it (`COMPLETE=fish roster -- WORDS`,
/// the last word the one being completed): the values offered, flags left out.
fn names(env: &Env, words: &[&str]) -> Vec<String> {
    let o = complete_raw(env, words);
    lines(&o, &format!("completing {words:?}"))
        .into_iter()
        .map(|l| l.split('\t').next().unwrap_or_default().to_string())
        .filter(|v| !v.starts_with('-'))
        .collect()
}

fn complete_raw(env: &Env, words: &[&str]) -> Output {
    env.roster()
        .env("COMPLETE", "fish")
        .arg("--")
        .args(words)
        .output()
        .expect("run roster")
}

/// A database with two users (one with a username), two profiles, a custom role of each
/// scope, a pending invitation and a live session.
fn with_names() -> Env {
    let env = Env::init();
    env.ok(&[
        "user",
        "create",
        "--email",
        "ann@example.com",
        "--name",
        "Ann Smith",
        "--username",
        "ann",
    ]);
    env.user("bob@example.com", "Bob");
    env.ok(&["profile", "create", "--name", "Smith Family"]);
    env.ok(&["profile", "create", "--name", "Book Club"]);
    env.ok(&["member", "add", "smith-family", "bob@example.com"]);
    env.ok(&[
        "role", "create", "editor", "--scope", "profile", "--allow", "media-*",
    ]);
    env.global_roles(&["support"]);
    env.ok(&["invite", "send", "smith-family", "dan@example.com"]);
    env.ok(&["session", "issue", "bob@example.com"]);
    env
}

#[test]
fn bash_completes_a_profile_slug_from_the_database() {
    if !have("bash") {
        return;
    }
    let env = with_names();
    assert_eq!(
        bash(&env, &["roster", "profile", "show", "sm"]),
        ["smith-family"]
    );
    assert_eq!(
        bash(&env, &["roster", "member", "add", "smith-family", "a"]),
        ["ann", "ann@example.com"]
    );
    // `--db` on the command line names the database: here, one that does not exist.
    assert!(
        bash(
            &env,
            &["roster", "--db", "other.db", "profile", "show", "sm"]
        )
        .is_empty()
    );
}

#[test]
fn every_file_argument_completes_file_names() {
    let env = with_names();
    std::fs::write(env.path("pw200.json"), "[]").expect("file");
    std::fs::write(env.path("pw.csv"), "email\n").expect("file");
    std::fs::create_dir_all(env.path("pwdir")).expect("dir");
    for words in [
        &["roster", "seed", "pw"][..],
        &["roster", "seed", "--dry-run", "pw200.json", "pw"],
        &["roster", "invite", "send", "book-club", "--csv", "pw"],
        &["roster", "backup", "pw"],
        &["roster", "export", "--output", "pw"],
        &["roster", "init", "--audit-key", "pw"],
    ] {
        let offered = names(&env, words);
        assert!(
            offered.iter().any(|n| n == "pw200.json") && offered.iter().any(|n| n == "pwdir/"),
            "{words:?}: {offered:?}"
        );
    }
    if have("bash") {
        for words in [
            &["roster", "seed", "pw2"][..],
            &["roster", "invite", "send", "book-club", "--csv", "pw2"],
        ] {
            assert_eq!(bash(&env, words), ["pw200.json"], "{words:?}");
        }
    }
    if have("zsh") {
        let offered = zsh(&env, &["roster", "seed", "pw2"]);
        assert!(
            offered.iter().any(|n| n.starts_with("pw200.json")),
            "{offered:?}"
        );
    }
}

#[test]
fn zsh_completes_a_profile_slug_from_the_database() {
    if !have("zsh") {
        return;
    }
    let env = with_names();
    assert_eq!(
        zsh(&env, &["roster", "profile", "show", "sm"]),
        ["smith-family:Smith Family"]
    );
    assert_eq!(zsh(&env, &["roster", "--as", "b"]), ["bob@example.com:Bob"]);
}

#[test]
fn fish_completes_a_profile_slug_from_the_database() {
    if !have("fish") {
        return;
    }
    let env = with_names();
    assert_eq!(fish(&env, "roster profile show sm"), ["smith-family"]);
    assert_eq!(
        fish(&env, "roster user show an"),
        ["ann", "ann@example.com"]
    );
}

#[test]
fn users_complete_by_email_and_username() {
    let env = with_names();
    assert_eq!(
        names(&env, &["roster", "user", "show", ""]),
        ["ann", "ann@example.com", "bob@example.com"]
    );
    assert_eq!(
        names(&env, &["roster", "user", "show", "an"]),
        ["ann", "ann@example.com"]
    );
    assert_eq!(names(&env, &["roster", "can", "b"]), ["bob@example.com"]);
    // Each comes with who it is.
    let o = complete_raw(&env, &["roster", "user", "show", "ann"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "ann\tAnn Smith\nann@example.com\tAnn Smith\n"
    );
}

#[test]
fn as_completes_users_not_file_names() {
    let env = with_names();
    std::fs::write(env.path("ann-notes.txt"), "a file").expect("file");
    assert_eq!(
        names(&env, &["roster", "--as", "an"]),
        ["ann", "ann@example.com"]
    );
    assert_eq!(
        names(&env, &["roster", "profile", "list", "--as", "an"]),
        ["ann", "ann@example.com"]
    );
    let o = complete_raw(&env, &["roster", "--as=an"]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        "--as=ann\tAnn Smith\n--as=ann@example.com\tAnn Smith\n"
    );
}

#[test]
fn profiles_invitations_and_sessions_complete_by_id_or_slug() {
    let env = with_names();
    assert_eq!(
        names(&env, &["roster", "profile", "show", ""]),
        ["book-club", "smith-family"]
    );
    assert_eq!(
        names(
            &env,
            &[
                "roster",
                "session",
                "issue",
                "bob@example.com",
                "--profile",
                "s"
            ]
        ),
        ["smith-family"]
    );
    let invitation = env.sql_value("SELECT id FROM invitations");
    let o = complete_raw(&env, &["roster", "invite", "show", &invitation[..4]]);
    assert_eq!(
        String::from_utf8_lossy(&o.stdout),
        format!("{invitation}\tdan@example.com to smith-family as member\n")
    );
    let session = env.sql_value("SELECT id FROM sessions");
    assert_eq!(
        names(&env, &["roster", "session", "show", ""]),
        std::slice::from_ref(&session)
    );
    // A revoked session and a canceled invitation are no longer offered.
    env.ok(&["--yes", "session", "revoke", &session]);
    env.ok(&["invite", "cancel", &invitation]);
    assert!(names(&env, &["roster", "session", "revoke", ""]).is_empty());
    assert!(names(&env, &["roster", "invite", "accept", ""]).is_empty());
}

#[test]
fn role_names_complete_by_scope() {
    let env = with_names();
    // Profile roles where a membership or an invitation takes one.
    assert_eq!(
        names(
            &env,
            &[
                "roster",
                "member",
                "add",
                "smith-family",
                "ann",
                "--role",
                ""
            ]
        ),
        ["admin", "editor", "member", "owner"]
    );
    assert_eq!(
        names(
            &env,
            &["roster", "member", "role", "smith-family", "bob", "e"]
        ),
        ["editor"]
    );
    // Global roles for users.
    assert_eq!(
        names(&env, &["roster", "user", "grant", "ann", ""]),
        ["admin", "support"]
    );
    // Every role for the role commands.
    assert_eq!(
        names(&env, &["roster", "role", "show", ""]),
        ["admin", "editor", "member", "owner", "support"]
    );
    // A new role's name is not completed from the old ones.
    assert!(names(&env, &["roster", "role", "create", "e"]).is_empty());
}

#[test]
fn event_names_complete_for_can_audit_and_role_patterns() {
    let env = with_names();
    assert_eq!(
        names(&env, &["roster", "can", "bob", "member-r"]),
        ["member-role", "member-remove"]
    );
    assert_eq!(
        names(&env, &["roster", "audit", "--event", "login"]),
        ["login", "login-failed"]
    );
    assert_eq!(
        names(
            &env,
            &[
                "roster", "role", "create", "x", "--scope", "profile", "--allow", "media-a"
            ]
        ),
        ["media-add"]
    );
    // Patterns after a comma, globs and `:own`.
    assert_eq!(
        names(
            &env,
            &[
                "roster",
                "role",
                "update",
                "editor",
                "--allow",
                "media-add,media-r"
            ]
        ),
        ["media-add,media-remove", "media-add,media-remove:own"]
    );
    assert!(
        names(
            &env,
            &["roster", "role", "update", "editor", "--deny", "media-"]
        )
        .contains(&"media-*".to_string())
    );
}

#[test]
fn without_a_database_there_are_no_names_and_no_errors() {
    let env = Env::new();
    // No database at all (PostgreSQL: a schema that was never created).
    for words in [
        &["roster", "profile", "show", ""][..],
        &["roster", "--as", ""],
        &["roster", "invite", "show", ""],
    ] {
        assert!(names(&env, words).is_empty(), "{words:?}");
    }
    // Flags and commands still complete.
    let o = complete_raw(&env, &["roster", "profile", "show", "--j"]);
    assert_eq!(lines(&o, "flags"), ["--json\tSame as --format json"]);
    // A server that does not answer, a file that is not a database, a directory.
    std::fs::write(env.path("foreign.db"), "not a database, but text").expect("file");
    std::fs::create_dir(env.path("dir.db")).expect("dir");
    for db in [
        "postgres://nobody@127.0.0.1:1/roster",
        "foreign.db",
        "dir.db",
        "postgres://bad url",
    ] {
        assert!(
            names(&env, &["roster", "--db", db, "profile", "show", ""]).is_empty(),
            "{db}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(env.path("foreign.db")).expect("read"),
        "not a database, but text"
    );
    assert!(!env.path("roster.db").exists());
}

#[test]
fn completion_reads_without_writing() {
    let env = with_names();
    let audit = env.audit_len();
    for _ in 0..3 {
        assert_eq!(
            names(&env, &["roster", "profile", "show", "b"]),
            ["book-club"]
        );
    }
    assert_eq!(env.audit_len(), audit);
    if !env.sqlite_only("the files beside a SQLite database") {
        return;
    }
    let before = env.bytes(&env.db());
    assert_eq!(
        names(&env, &["roster", "user", "show", "b"]),
        ["bob@example.com"]
    );
    assert_eq!(env.bytes(&env.db()), before);
    for companion in ["roster.db-wal", "roster.db-shm", "roster.db-journal"] {
        assert!(!env.path(companion).exists(), "{companion} was created");
    }
}

#[test]
fn a_database_in_use_is_read_with_its_newest_rows() {
    let env = Env::file();
    env.ok(&["init"]);
    // Another program holds the database open, so the WAL is not folded back into the
    // file when roster's own connections close: the new profile is in the WAL only.
    let holder = sqlite(&env.db());
    let _: i64 = holder
        .query_row("SELECT count(*) FROM profiles", [], |r| r.get(0))
        .expect("read");
    env.ok(&["profile", "create", "--name", "Chess Club"]);
    assert!(env.path("roster.db-wal").exists());
    assert_eq!(
        names(&env, &["roster", "profile", "show", "ch"]),
        ["chess-club"]
    );
    drop(holder);
}

#[test]
fn complete_env_prints_a_registration_that_runs_this_binary() {
    let env = with_names();
    let o = env
        .roster()
        .env("COMPLETE", "bash")
        .output()
        .expect("run roster");
    let script = lines(&o, "COMPLETE=bash roster").join("\n");
    assert!(script.contains(env!("CARGO_BIN_EXE_roster")), "{script}");
    if have("bash") {
        assert_eq!(
            bash_with(&env, &script, &["roster", "profile", "show", "b"]),
            ["book-club"]
        );
    }
    // Also through `source <(COMPLETE=bash roster)`, as the README says.
    if have("bash") {
        let o = shell(&env, "bash")
            .args([
                "--norc",
                "--noprofile",
                "-c",
                r#"source <(COMPLETE=bash roster) && complete -p roster"#,
            ])
            .output()
            .expect("bash");
        assert_eq!(
            lines(&o, "source"),
            ["complete -o bashdefault -o nosort -o nospace -F _clap_complete_roster roster"]
        );
    }
    // A closed stdout is success, as for every output.
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    let o = env
        .roster()
        .env("COMPLETE", "zsh")
        .stdout(Stdio::from(writer))
        .stderr(Stdio::piped())
        .output()
        .expect("run roster");
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}

#[test]
fn complete_env_for_another_shell_is_refused_and_a_completion_stays_silent() {
    let env = Env::new();
    let o = env
        .roster()
        .env("COMPLETE", "tcsh")
        .output()
        .expect("run roster");
    assert_eq!(o.status.code(), Some(2));
    insta::assert_snapshot!(String::from_utf8_lossy(&o.stderr), @"
    error: COMPLETE=tcsh: roster registers its completion with bash, zsh or fish
    hint: for another shell, `roster completions SHELL` prints a static script
    ");
    let o = complete_raw(&env, &["roster", "doc"]);
    assert_eq!(
        lines(&o, "fish"),
        ["doctor\tCheck integrity, the audit chain and the invariants; suggest fixes"]
    );
    let o = env
        .roster()
        .env("COMPLETE", "tcsh")
        .args(["--", "roster", "doc"])
        .output()
        .expect("run roster");
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&o.stdout), "");
    assert_eq!(String::from_utf8_lossy(&o.stderr), "");
}
