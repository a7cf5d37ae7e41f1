//! What the paged lists (`media list`, `member list`) print about the next page: the
//! exact command that shows it, under a table, and its cursor for the other formats.

use super::App;
use crate::output::Format;
pub use crate::output::shell_quote;

/// The command that prints the next page: `roster`, the global flags this run was given
/// that change what a list shows (`--db`, `--as`, a jsonl or csv `--format`), then
/// `command` (the list and its own flags, already quoted), then `--after CURSOR`.
pub fn next_page_command(app: &App, command: &[String], cursor: &str) -> String {
    let mut words: Vec<String> = vec!["roster".into()];
    if let Some(flag) = &app.out.db_flag {
        words.push(flag.words.clone());
    }
    if let Some(user) = &app.as_user {
        words.push("--as".into());
        words.push(shell_quote(user));
    }
    match app.out.format {
        Format::Jsonl => words.push("--format jsonl".into()),
        Format::Csv => words.push("--format csv".into()),
        Format::Table | Format::Json => {}
    }
    words.extend(command.iter().cloned());
    words.push("--after".into());
    words.push(shell_quote(cursor));
    words.join(" ")
}

/// Says where the next page starts, on stderr: the command under a table, the cursor and
/// the command for jsonl and csv, nothing for JSON (whose document carries `next_cursor`).
pub fn hint_next(app: &App, command: &[String], cursor: Option<&str>) {
    let Some(cursor) = cursor else {
        return;
    };
    let next = next_page_command(app, command, cursor);
    match app.out.format {
        Format::Json => {}
        Format::Table => app.out.hint(&format!("next page: {next}")),
        Format::Jsonl | Format::Csv => app
            .out
            .hint(&format!("next_cursor: {cursor}  (next page: {next})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(shell_quote("family"), "family");
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote(""), "''");
        assert_eq!(shell_quote("Zm9v-_"), "Zm9v-_");
    }
}
