//! Help: every command shows real examples, and the top-level help groups every command.

use crate::common::*;

/// Every command path below the top, such as `["member", "add"]` (clap's `help` aside).
fn command_paths() -> Vec<Vec<String>> {
    fn walk(cmd: &clap::Command, prefix: &[String], out: &mut Vec<Vec<String>>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let mut path = prefix.to_vec();
            path.push(sub.get_name().to_string());
            out.push(path.clone());
            walk(sub, &path, out);
        }
    }
    let mut out = Vec::new();
    walk(&roster::cli::help::command(), &[], &mut out);
    out
}

/// The help text of a command, as `roster PATH --help` prints it.
fn help_of(path: &[String]) -> String {
    let mut args = vec!["roster".to_string()];
    args.extend(path.iter().cloned());
    args.push("--help".into());
    match roster::cli::help::parse_from(args) {
        Ok(_) => panic!("{path:?} --help parsed as a command"),
        Err(e) => {
            assert_eq!(
                e.kind(),
                clap::error::ErrorKind::DisplayHelp,
                "{path:?}: {e}"
            );
            e.to_string()
        }
    }
}

/// Splits a command line into words, honouring single and double quotes.
fn words(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    out.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        out.push(word);
    }
    out
}

/// The roster commands in a help text's examples: from `roster` to the end of the command
/// (before a pipe, a redirection, or two spaces that start a comment).
fn examples(help: &str) -> Vec<String> {
    let Some((_, block)) = help.split_once("Examples:\n") else {
        return Vec::new();
    };
    block
        .lines()
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| {
            let at = l.find("roster ")?;
            let cmd = &l[at..];
            let end = [cmd.find("  "), cmd.find(" |"), cmd.find(" >")]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(cmd.len());
            Some(cmd[..end].to_string())
        })
        .collect()
}

#[test]
fn every_command_shows_examples_that_parse() {
    let paths = command_paths();
    assert!(paths.len() > 30, "{paths:?}");
    let mut checked = 0;
    for path in paths {
        let help = help_of(&path);
        let found = examples(&help);
        assert!(
            !found.is_empty(),
            "roster {} --help has no examples:\n{help}",
            path.join(" ")
        );
        for example in found {
            checked += 1;
            let parsed = roster::cli::help::parse_from(words(&example));
            assert!(
                parsed.is_ok(),
                "roster {} --help: the example `{example}` does not parse: {}",
                path.join(" "),
                parsed.err().map(|e| e.to_string()).unwrap_or_default()
            );
        }
    }
    assert!(checked > 50, "only {checked} examples were found");
}

#[test]
fn the_top_level_help_lists_every_command_under_a_heading() {
    let env = Env::new();
    let help = env.ok(&["--help"]);
    for sub in roster::cli::help::command().get_subcommands() {
        let name = sub.get_name();
        assert!(
            help.lines()
                .any(|l| l.trim_start().starts_with(&format!("{name} "))),
            "`{name}` is missing from roster --help:\n{help}"
        );
    }
    assert!(
        !help.contains(roster::cli::help::OTHER),
        "a command is in no group: place it in GROUPS (src/cli/help.rs)\n{help}"
    );
    let cmd = roster::cli::help::command();
    for (heading, names) in roster::cli::help::GROUPS {
        if names.iter().any(|n| cmd.find_subcommand(n).is_some()) {
            assert!(help.contains(&format!("{heading}:\n")), "{heading}: {help}");
        }
    }
}

#[test]
fn top_level_help() {
    let env = Env::new();
    insta::assert_snapshot!(env.ok(&["--help"]));
}

#[test]
fn help_goes_to_stdout_and_a_help_subcommand_works() {
    let env = Env::new();
    let out = env.ok(&["help", "doctor"]);
    assert!(out.contains("roster doctor"), "{out}");
    let out = env.ok(&["completions", "--help"]);
    assert!(out.contains("roster completions zsh"), "{out}");
}
