//! The top-level help, with the commands grouped under headings.
//!
//! clap lists subcommands under one heading only, so the top-level help uses a template
//! whose command section is built here from the real command tree: each command's name
//! and one-line description come from clap, only the grouping lives in [`GROUPS`]. A
//! command missing from every group still shows, under "Other commands", and a test
//! (`tests/cli/help.rs`) fails until it is placed; names listed here but not (yet) in the
//! tree are skipped.

use clap::CommandFactory;
use clap::builder::StyledStr;

use super::Cli;
/// Parsing starts in `cli/mod.rs`; the tests reach it here, next to the tree it parses.
pub use super::parse_from;

/// Headings and the commands under each, in the order they are shown.
pub const GROUPS: &[(&str, &[&str])] = &[
    ("Getting started", &["init", "seed", "completions", "help"]),
    (
        "People and profiles",
        &["user", "profile", "member", "invite", "mail"],
    ),
    ("Access", &["role", "can"]),
    ("Sessions", &["login", "session", "whoami"]),
    ("Media libraries", &["media"]),
    (
        "Checks and records",
        &["doctor", "audit", "export", "backup", "copy"],
    ),
];

/// The heading of commands that no group names.
pub const OTHER: &str = "Other commands";

/// The whole command tree, as its help is rendered, completed and documented (parsing
/// uses the tree as declared, and this one only to show help: [`parse_from`]).
pub fn command() -> clap::Command {
    let mut cmd = Cli::command();
    // Builds the tree (adding the `help` subcommand) so that every command is listed.
    cmd.build();
    let template = template(&cmd);
    cmd.help_template(template)
}

/// The top-level help template: clap's default layout with the grouped command list in
/// place of the single "Commands:" section.
fn template(cmd: &clap::Command) -> StyledStr {
    let styles = cmd.get_styles();
    let header = styles.get_header();
    let literal = styles.get_literal();
    let heading = |text: &str| format!("{}{text}:{}", header.render(), header.render_reset());

    let commands: Vec<(String, String)> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set())
        .map(|c| {
            let about = c.get_about().map(|a| a.to_string()).unwrap_or_default();
            (c.get_name().to_string(), about)
        })
        .collect();
    let width = commands.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
    let line = |(name, about): &(String, String)| {
        let pad = " ".repeat(width - name.len());
        format!(
            "  {}{name}{}{pad}  {about}\n",
            literal.render(),
            literal.render_reset()
        )
    };

    let mut sections = String::new();
    let mut placed: Vec<&str> = Vec::new();
    for (title, names) in GROUPS {
        let lines: String = names
            .iter()
            .filter_map(|n| commands.iter().find(|(name, _)| name == n))
            .map(line)
            .collect();
        if !lines.is_empty() {
            sections.push_str(&format!("{}\n{lines}\n", heading(title)));
        }
        placed.extend_from_slice(names);
    }
    let others: String = commands
        .iter()
        .filter(|(name, _)| !placed.contains(&name.as_str()))
        .map(line)
        .collect();
    if !others.is_empty() {
        sections.push_str(&format!("{}\n{others}\n", heading(OTHER)));
    }

    StyledStr::from(format!(
        "{{before-help}}{{about-with-newline}}\n{{usage-heading}} {{usage}}\n\n{sections}{}{{after-help}}",
        options(cmd)
    ))
}

/// The option sections of the top-level help, each under its heading as every
/// subcommand's help shows them (`Options:` for `--help` and `--version`, then `Global
/// options:`). A template's `{options}` lists every option under one heading, whatever
/// theirs, so the sections are rendered by clap from a command holding only the
/// top-level arguments, as wide as the help they go into.
fn options(cmd: &clap::Command) -> String {
    let mut only_args = clap::Command::new("roster")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .styles(cmd.get_styles().clone())
        .max_term_width(super::MAX_HELP_WIDTH)
        // The copied `--version` needs a version to pass clap's checks; never printed.
        .version(env!("CARGO_PKG_VERSION"))
        .help_template("{all-args}");
    for arg in cmd.get_arguments() {
        only_args = only_args.arg(arg.clone());
    }
    // Into the template as it is: these texts hold no braces, which would read as tags
    // (a test below keeps it so).
    only_args
        .render_help()
        .ansi()
        .to_string()
        .trim_end()
        .to_string()
}

/// A usage error as roster prints every error: clap's text, with each of its `tip:` lines
/// made a `hint:` line right under the error, quoting as roster's hints do (`` `list` ``
/// rather than `'list'`), and `error:` and `hint:` in roster's colours when `color`.
pub fn render_error(e: &clap::Error, color: bool) -> String {
    let paint = |word: &str, code: &str| {
        if color {
            format!("\x1b[{code}m{word}\x1b[0m")
        } else {
            word.to_string()
        }
    };
    // Plain text: roster paints its own two words, as Printer::error does.
    let text = e.render().to_string();
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        if let Some(tip) = line.trim_start().strip_prefix("tip: ") {
            while lines.last().is_some_and(|l| l.is_empty()) {
                lines.pop();
            }
            lines.push(format!("{} {}", paint("hint:", "1;36"), backticks(tip)));
        } else if let Some(message) = line.strip_prefix("error: ") {
            lines.push(format!("{} {message}", paint("error:", "1;31")));
        } else {
            lines.push(line.to_string());
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `'list'` as `` `list` ``, when the quotes pair up; else the text as it is.
pub fn backticks(tip: &str) -> String {
    if tip.matches('\'').count().is_multiple_of(2) {
        tip.replace('\'', "`")
    } else {
        tip.to_string()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_top_level_options_go_into_the_template_as_they_are() {
        let mut cmd = <super::Cli as clap::CommandFactory>::command();
        cmd.build();
        let text = super::options(&cmd);
        assert!(!text.contains(['{', '}']), "{text}");
        let plain = text
            .replace("\x1b[1m", "")
            .replace("\x1b[4m", "")
            .replace("\x1b[0m", "");
        let options = plain.find("Options:\n  -h, --help").expect("the options");
        let global = plain
            .find("\n\nGlobal options:\n      --db")
            .expect("the global options");
        assert!(options < global, "{plain}");
        assert!(!plain[global..].contains("--help"), "{plain}");
    }

    #[test]
    fn a_tip_reads_as_a_hint() {
        let e = super::parse_from(["roster", "user", "lst"]).unwrap_err();
        let text = super::render_error(&e, false);
        assert!(
            text.starts_with(
                "error: unrecognized subcommand 'lst'\nhint: a similar subcommand exists: `list`\n\nUsage: roster user"
            ),
            "{text}"
        );
        assert!(!text.contains("tip:"), "{text}");
        let painted = super::render_error(&e, true);
        assert!(
            painted.contains("\x1b[1;36mhint:\x1b[0m a similar"),
            "{painted}"
        );
    }
}
