//! `roster completions`: the checked-in scripts match the command tree, and the shells
//! load them.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

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
    let bash = env.ok(&["completions", "bash"]);
    for word in [
        "doctor",
        "completions",
        "member",
        "invite",
        "--no-input",
        "powershell",
    ] {
        assert!(bash.contains(word), "{word} is not completed");
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
    assert!(stdout.contains("-F _roster roster"), "{stdout}");
}

#[test]
fn bash_completes_a_subcommand() {
    if !have("bash") {
        return;
    }
    // What bash's programmable completion does on `roster doc<TAB>`.
    let o = Command::new("bash")
        .args([
            "--norc",
            "--noprofile",
            "-c",
            r#"source completions/roster.bash
COMP_WORDS=(roster doc); COMP_CWORD=1; COMP_LINE="roster doc"; COMP_POINT=${#COMP_LINE}
_roster roster doc roster
printf '%s\n' "${COMPREPLY[@]}""#,
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(stdout.trim(), "doctor");
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
    let o = Command::new("fish")
        .args([
            "--no-config",
            "-c",
            "source completions/roster.fish && complete -C 'roster doc'",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("fish");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(String::from_utf8_lossy(&o.stdout).contains("doctor"));
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
