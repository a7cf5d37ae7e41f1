//! Rendering: table, json, jsonl and csv. Each kind of record says once, as a [`Record`],
//! which fields it has and what its JSON is; rendering is a pure function of that
//! (`render_*`), so it is tested without running the binary. [`Printer`] decides the
//! format and where the text goes, and [`Printer::changed`] turns any outcome of an
//! action, or list of them, into output.

pub mod fit;

use std::borrow::Cow;
use std::io::Write;

use comfy_table::{Attribute, Cell, CellAlignment, ContentArrangement, Table, presets};
use serde_json::Value;

pub use fit::{Cells, Column};

use crate::actions::Outcome;
use crate::error::{Error, Kind, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
    Jsonl,
    Csv,
}

/// The fields of one kind of record: all of them (JSON and CSV order) and the few a table
/// shows, each with what its cells are and how long it stays on a narrow terminal
/// ([`Column`]; the rules are in `output/fit.rs`).
#[derive(Debug, Clone, Copy)]
pub struct Shape {
    pub noun: &'static str,
    pub fields: &'static [&'static str],
    pub columns: &'static [Column],
}

impl Shape {
    /// `1 user`, `4 users`: the count line under a table.
    pub fn count(&self, n: usize) -> String {
        if n == 1 {
            format!("1 {}", self.noun)
        } else {
            format!("{n} {}s", self.noun)
        }
    }
}

/// A kind of record, and the one definition of how every format shows it: [`Self::SHAPE`]
/// gives the table's columns and the CSV header and field order, [`Self::to_json`] the JSON
/// (and so jsonl, and the values of every cell). Each kind implements it once, next to its
/// type (`model.rs` for the stored records); a test there checks that every field of the
/// shape is a key of the JSON.
pub trait Record {
    const SHAPE: Shape;
    /// A key for each field of the shape (an optional one only when it has a value) and
    /// nothing secret: no password hash is ever printed.
    fn to_json(&self) -> Value;
}

/// Whether `c` may not reach a terminal as it is: a control character (C0, ESC included,
/// DEL, C1) or a bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069), which
/// reorders the text after it.
fn unsafe_char(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text that came from storage or from outside, made safe to print on a terminal: every
/// control character and bidi override shows in Rust's escape form (`\u{1b}`, `\n`,
/// `\t`), never raw. Everything else, a backslash included, is left as it is, so text
/// without such characters comes back borrowed and unchanged. Tables, csv, confirmations
/// and messages all go through here; JSON output keeps JSON's own escaping instead.
pub fn safe(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// [`safe`] for a message of several lines. A line break stays only where roster itself
/// continues a message on an indented line (`\n` followed by two spaces, as a seed's list
/// of errors does); any other, such as one inside a file name, is escaped like every
/// control character, so no value can start a line of its own (a forged `hint:`).
pub fn safe_lines(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let kept = |i: usize, c: char| {
        !unsafe_char(c) || (keep_newlines && c == '\n' && s[i + 1..].starts_with("  "))
    };
    // Fast path: every character to escape starts with a byte below 0x20, DEL, 0xC2 (C1 is
    // U+0080–U+009F) or 0xE2 (the overrides); most text has none of them.
    let Some(start) = s
        .bytes()
        .position(|b| b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2)
    else {
        return Cow::Borrowed(s);
    };
    // `start` is a character boundary: these bytes are ASCII or the first of a sequence.
    let Some(first) = s[start..]
        .char_indices()
        .find(|&(i, c)| !kept(start + i, c))
        .map(|(i, _)| start + i)
    else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 8);
    out.push_str(&s[..first]);
    for (i, c) in s[first..].char_indices() {
        if kept(first + i, c) {
            out.push(c);
        } else {
            // Never a backslash or a quote here, so this is `\n`, `\t`, `\r`, `\0` or `\u{…}`.
            out.extend(c.escape_debug());
        }
    }
    Cow::Owned(out)
}

/// A cell's text: strings as they are, null as empty, arrays of strings joined by ", ",
/// anything else as compact JSON; made [`safe`] for a terminal (the colours of the table
/// itself are added afterwards, so they are not escaped).
pub fn cell_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => safe(s).into_owned(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.iter().all(Value::is_string) => items
            .iter()
            .filter_map(Value::as_str)
            .map(safe)
            .collect::<Vec<_>>()
            .join(", "),
        other => json_text(other),
    }
}

/// An array or object as compact JSON text for a cell. serde_json escapes control
/// characters in strings already, but not the bidi overrides.
fn json_text(v: &Value) -> String {
    let text = v.to_string();
    match safe(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(escaped) => escaped,
    }
}

/// A table in roster's style; its cells are already cut or wrapped to fit ([`fit`]), so
/// comfy-table lays them out as they are.
fn new_table(color: bool) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners());
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t.set_content_arrangement(ContentArrangement::Disabled);
    t
}

fn header(text: &str, color: bool) -> Cell {
    let c = Cell::new(text);
    if color {
        c.add_attribute(Attribute::Bold)
    } else {
        c
    }
}

/// A table of records, fitted to `width` characters (`None`: as wide as it takes), and
/// the columns it left out to fit (see `output/fit.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fitted {
    pub text: String,
    pub left_out: Vec<&'static str>,
}

/// A table of records with the shape's columns, as [`render_fitted`] fits it.
pub fn render_table(shape: &Shape, items: &[Value], width: Option<u16>, color: bool) -> String {
    render_fitted(shape, items, width, color).text
}

/// A table of records with the shape's columns: those empty in every record left out, ids
/// and other whole words never split nor cut, free text cut with `…`, numbers
/// right-aligned, and, when the table is wider than `width`, the least kept columns left
/// out (named in [`Fitted::left_out`]).
pub fn render_fitted(shape: &Shape, items: &[Value], width: Option<u16>, color: bool) -> Fitted {
    let rows: Vec<Vec<String>> = items
        .iter()
        .map(|item| {
            shape
                .columns
                .iter()
                .map(|c| cell_text(item.get(c.name).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    let fit = fit::fit(shape.columns, &rows, width.map(usize::from));
    let mut t = new_table(color);
    t.set_header(
        fit.shown
            .iter()
            .map(|(i, _)| header(shape.columns[*i].name, color)),
    );
    for row in &rows {
        t.add_row(
            fit.shown
                .iter()
                .map(|&(i, w)| match shape.columns[i].cells {
                    Cells::Text => fit::cut(&row[i], w),
                    Cells::Whole | Cells::Number => row[i].clone(),
                }),
        );
    }
    for (n, (i, _)) in fit.shown.iter().enumerate() {
        if shape.columns[*i].cells == Cells::Number
            && let Some(col) = t.column_mut(n)
        {
            col.set_cell_alignment(CellAlignment::Right);
        }
    }
    Fitted {
        text: format!("{t}\n"),
        left_out: fit
            .left_out
            .iter()
            .map(|i| shape.columns[*i].name)
            .collect(),
    }
}

/// One record as a two-column table of every field. Field names are never split; a long
/// value is wrapped to the width left, only after a space or a comma, so an id, an email
/// or a timestamp stays whole (one longer than the line stays whole too, on its own line).
pub fn render_record_table(shape: &Shape, item: &Value, width: Option<u16>, color: bool) -> String {
    let rows: Vec<(&str, String)> = shape
        .fields
        .iter()
        .filter_map(|f| {
            let v = item.get(*f)?;
            let text = match v {
                Value::Object(_) => json_text(v),
                other => cell_text(other),
            };
            Some((*f, text))
        })
        .collect();
    let key_width = rows
        .iter()
        .map(|(f, _)| fit::width(f))
        .chain([fit::width("field")])
        .max()
        .unwrap_or(0);
    let room = width.map(|w| {
        usize::from(w)
            .saturating_sub(key_width + fit::overhead(2))
            .max(fit::width("value"))
    });
    let mut t = new_table(color);
    t.set_header([header("field", color), header("value", color)]);
    for (f, text) in rows {
        let text = match room {
            Some(room) => fit::wrap(&text, room).join("\n"),
            None => text,
        };
        t.add_row([f.to_string(), text]);
    }
    format!("{t}\n")
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) || s.starts_with(' ') || s.ends_with(' ') {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A CSV header of all the shape's fields and one row per record (RFC 4180 quoting;
/// arrays and objects as JSON text).
pub fn render_csv(shape: &Shape, items: &[Value]) -> String {
    let fields: Vec<&str> = shape
        .fields
        .iter()
        .copied()
        .filter(|f| items.is_empty() || items.iter().any(|i| i.get(*f).is_some()))
        .collect();
    let mut out = fields.join(",");
    out.push('\n');
    for item in items {
        out.push_str(&render_csv_row(&fields, item));
    }
    out
}

/// One CSV row, without a header: the record's `fields` in that order (a missing one
/// empty), each made [`safe`] and quoted as RFC 4180 says; for rows printed one at a time.
pub fn render_csv_row(fields: &[&str], item: &Value) -> String {
    let row: Vec<String> = fields
        .iter()
        .map(|f| {
            let v = item.get(*f).unwrap_or(&Value::Null);
            let text = match v {
                Value::Array(_) | Value::Object(_) => json_text(v),
                other => cell_text(other),
            };
            csv_field(&text)
        })
        .collect();
    let mut out = row.join(",");
    out.push('\n');
    out
}

/// The hint under a table that left columns out to fit the terminal: which, and how to
/// see them.
pub fn left_out(columns: &[&str], width: u16) -> String {
    format!(
        "left out to fit {width} columns: {}; a wider terminal shows them, `--format json` every field",
        columns.join(", ")
    )
}

/// A table's report of a change: every line of every outcome, each made [`safe`], so a
/// line break inside a stored value shows as `\n` and only the report's own lines break.
pub fn render_said(said: impl IntoIterator<Item = Said>) -> String {
    let mut text = String::new();
    for line in said.into_iter().flat_map(|s| s.lines) {
        text.push_str(&safe(&line));
        text.push('\n');
    }
    text
}

pub fn render_json(v: &(impl serde::Serialize + ?Sized)) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s
}

pub fn render_jsonl(items: &[Value]) -> String {
    let mut out = String::new();
    for i in items {
        out.push_str(&i.to_string());
        out.push('\n');
    }
    out
}

/// What a table says about one outcome of a change: one line or a few, each escaped when
/// printed; and, for json, jsonl and csv, the note on stderr when the outcome is
/// `unchanged` (a create that found its record already there). A `String` is one line.
#[derive(Debug, Clone, Default)]
pub struct Said {
    lines: Vec<String>,
    unchanged: Option<String>,
}

impl Said {
    /// Another line after these.
    pub fn then(mut self, line: impl Into<String>) -> Said {
        self.lines.push(line.into());
        self
    }

    /// The note of an `unchanged` outcome outside a table (the table's line says it).
    pub fn unchanged(mut self, note: impl Into<String>) -> Said {
        self.unchanged = Some(note.into());
        self
    }
}

impl From<String> for Said {
    fn from(line: String) -> Said {
        Said {
            lines: vec![line],
            unchanged: None,
        }
    }
}

/// What [`Printer::changed`] reports: one [`Outcome`], shown as that record (a JSON
/// object), or several applied together, shown as a list (a JSON array).
pub trait Changes<R> {
    fn outcomes(&self) -> &[Outcome<R>];
    /// Several: a list, even of one.
    fn several(&self) -> bool;
}

impl<R> Changes<R> for Outcome<R> {
    fn outcomes(&self) -> &[Outcome<R>] {
        std::slice::from_ref(self)
    }
    fn several(&self) -> bool {
        false
    }
}

impl<R> Changes<R> for [Outcome<R>] {
    fn outcomes(&self) -> &[Outcome<R>] {
        self
    }
    fn several(&self) -> bool {
        true
    }
}

impl<R> Changes<R> for Vec<Outcome<R>> {
    fn outcomes(&self) -> &[Outcome<R>] {
        self
    }
    fn several(&self) -> bool {
        true
    }
}

/// Where output goes, in which format, with or without colour.
#[derive(Debug, Clone)]
pub struct Printer {
    pub format: Format,
    /// Colour on stdout (tables).
    pub color: bool,
    /// Colour on stderr (error:, hint:, warning:).
    pub err_color: bool,
    pub quiet: bool,
    pub verbose: u8,
    /// The table width: `COLUMNS`, else the terminal's, else unbounded.
    pub width: Option<u16>,
    /// JSON was asked for (`--json`, `--format json`), not only chosen because stdout is
    /// not a terminal: errors then carry the JSON error object too.
    pub json_asked: bool,
    /// The database named by `--db` (when it is not the default and not `ROSTER_DB`), to
    /// be carried by every command roster prints for a person to run.
    pub db_flag: Option<DbFlag>,
}

/// `--db PATH` as the commands roster prints must carry it, so that a hint run as shown
/// acts on the database it was given about (not on `./roster.db`, nor creates one).
#[derive(Debug, Clone)]
pub struct DbFlag {
    /// `--db WORD`, the location shell-quoted (a PostgreSQL URL with its password masked).
    pub words: String,
    /// The top-level command names: `roster ` starts a command only before one of them
    /// or a flag. Asked for only when a printed text holds `roster `.
    pub commands: fn() -> &'static [String],
}

impl DbFlag {
    /// `text` with `--db …` after every `roster` that starts a command and has none. A
    /// command starts where `roster` follows the start, a space, a backtick, a quote or
    /// `(`, and is followed by a space and a top-level command or a flag.
    pub fn apply<'a>(&self, text: &'a str) -> Cow<'a, str> {
        const WORD: &str = "roster ";
        if !text.contains(WORD) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len() + 32);
        let mut rest = text;
        let mut prev: Option<char> = None;
        while let Some(at) = rest.find(WORD) {
            let before = rest[..at].chars().next_back().or(prev);
            let starts = before.is_none_or(|c| c.is_whitespace() || "`'\"(".contains(c));
            let after = &rest[at + WORD.len()..];
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                .unwrap_or(after.len());
            let next = &after[..end];
            let command = !after.starts_with("--db")
                && (next.starts_with("--")
                    || next.starts_with('-') && next.len() == 2
                    || (self.commands)().iter().any(|c| c == next));
            out.push_str(&rest[..at + WORD.len()]);
            if starts && command {
                out.push_str(&self.words);
                out.push(' ');
            }
            prev = Some(' ');
            rest = after;
        }
        out.push_str(rest);
        Cow::Owned(out)
    }
}

impl Printer {
    /// `text` with `--db` carried into the commands it shows (see [`DbFlag`]).
    fn with_db<'a>(&self, text: &'a str) -> Cow<'a, str> {
        match &self.db_flag {
            Some(flag) => flag.apply(text),
            None => Cow::Borrowed(text),
        }
    }

    pub fn out(&self, text: &str) -> Result<()> {
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(text.as_bytes())?;
        stdout.flush()?;
        Ok(())
    }

    /// A list of records.
    pub fn list<R: Record>(&self, items: &[R]) -> Result<()> {
        let items: Vec<Value> = items.iter().map(R::to_json).collect();
        self.values(&R::SHAPE, &items)
    }

    /// One record in full.
    pub fn record<R: Record>(&self, item: &R) -> Result<()> {
        self.value(&R::SHAPE, &item.to_json())
    }

    /// What an action did: one outcome, or several applied together. In a table, the lines
    /// `said` gives for each outcome, escaped; otherwise the record, or the list of them for
    /// several, in full, after the note on stderr of each `unchanged` outcome that has one.
    /// `-q` prints nothing (notes included).
    pub fn changed<R: Record, S: Into<Said>>(
        &self,
        changes: &(impl Changes<R> + ?Sized),
        said: impl Fn(&Outcome<R>) -> S,
    ) -> Result<()> {
        if self.quiet {
            return Ok(());
        }
        let outcomes = changes.outcomes();
        if self.format == Format::Table {
            let text = render_said(outcomes.iter().map(|o| said(o).into()));
            return self.out(&self.with_db(&text));
        }
        for o in outcomes {
            if let Outcome::Unchanged(_) = o
                && let Some(note) = said(o).into().unchanged
            {
                self.note(&note);
            }
        }
        if let ([one], false) = (outcomes, changes.several()) {
            self.record(one.value())
        } else {
            let items: Vec<Value> = outcomes.iter().map(|o| o.value().to_json()).collect();
            self.values(&R::SHAPE, &items)
        }
    }

    /// A list of records given as their JSON.
    fn values(&self, shape: &Shape, items: &[Value]) -> Result<()> {
        let text = match self.format {
            Format::Table => {
                if items.is_empty() {
                    return Ok(());
                }
                let fitted = render_fitted(shape, items, self.width, self.color);
                self.out(&fitted.text)?;
                self.note(&shape.count(items.len()));
                if let (false, Some(width)) = (fitted.left_out.is_empty(), self.width) {
                    self.hint(&left_out(&fitted.left_out, width));
                }
                return Ok(());
            }
            // A slice is written as the array it is, without copying it into one.
            Format::Json => render_json(items),
            Format::Jsonl => render_jsonl(items),
            Format::Csv => render_csv(shape, items),
        };
        self.out(&text)
    }

    /// One record given as its JSON.
    fn value(&self, shape: &Shape, item: &Value) -> Result<()> {
        let text = match self.format {
            Format::Table => render_record_table(shape, item, self.width, self.color),
            Format::Json => render_json(item),
            Format::Jsonl => render_jsonl(std::slice::from_ref(item)),
            Format::Csv => render_csv(shape, std::slice::from_ref(item)),
        };
        self.out(&text)
    }

    /// Lines for a person on stdout (what `init` did, say): each line roster wrote is
    /// kept, and every stored value in it escaped.
    pub fn say(&self, text: &str) -> Result<()> {
        let text = self.with_db(text);
        let lines: Vec<Cow<'_, str>> = text.split('\n').map(safe).collect();
        self.out(&lines.join("\n"))
    }

    fn paint(&self, text: &str, code: &str) -> String {
        if self.err_color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn err_line(&self, text: &str) {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(stderr, "{text}");
    }

    /// A note on stderr (progress, what happened), unless `-q`.
    pub fn note(&self, text: &str) {
        if !self.quiet {
            self.err_line(&safe_lines(&self.with_db(text)));
        }
    }

    /// A hint on stderr, unless `-q`.
    pub fn hint(&self, text: &str) {
        if !self.quiet {
            self.err_line(&format!(
                "{} {}",
                self.paint("hint:", "1;36"),
                safe_lines(&self.with_db(text))
            ));
        }
    }

    pub fn warning(&self, text: &str) {
        self.err_line(&format!(
            "{} {}",
            self.paint("warning:", "1;33"),
            safe_lines(&self.with_db(text))
        ));
    }

    /// Prints an error: `error:` and `hint:` lines, and when JSON was asked for (`--json`,
    /// `--format json`) the JSON error object too (in JSON's own escaping, not [`safe`]'s),
    /// so that a CI log shows each failure once. Errors print even with `-q`.
    pub fn error(&self, e: &Error) {
        if e.kind == Kind::BrokenPipe || e.message.is_empty() {
            return;
        }
        // Not a mistake to explain: what the person asked for happened (`interrupted: …`).
        if e.kind == Kind::Interrupted {
            self.err_line(&safe_lines(&e.message));
            if self.json_asked {
                self.err_line(&e.to_json().to_string());
            }
            return;
        }
        self.refused(e);
        if self.json_asked {
            self.err_line(&e.to_json().to_string());
        }
    }

    /// An answer refused under a prompt: its `error:` and `hint:` lines alone (the question
    /// is asked again: no JSON error object, and shown even with `-q`).
    pub fn refused(&self, e: &Error) {
        self.err_line(&format!(
            "{} {}",
            self.paint("error:", "1;31"),
            safe_lines(&e.message)
        ));
        for h in &e.hints {
            self.err_line(&format!(
                "{} {}",
                self.paint("hint:", "1;36"),
                safe_lines(&self.with_db(h))
            ));
        }
    }
}

/// A test of a record's one definition against itself: every field of its shape is a key
/// of its JSON (so give it a record with every optional field set), no field is listed
/// twice, every column is a field, and every key of the JSON is a field, but for the
/// nested objects that `json_only` names (shown in JSON alone).
#[cfg(test)]
pub(crate) fn assert_shape<R: Record>(record: &R, json_only: &[&str]) {
    assert_shape_of_all(&[record], json_only);
}

/// [`assert_shape`] for a kind of record whose optional fields exclude each other (an
/// invitation offers either `accept_command` or `reject_command`): every field of the
/// shape is a key of some record's JSON, and every key of each is a field.
#[cfg(test)]
pub(crate) fn assert_shape_of_all<R: Record>(records: &[&R], json_only: &[&str]) {
    let shape = R::SHAPE;
    let all: Vec<Value> = records.iter().map(|r| r.to_json()).collect();
    let objects: Vec<_> = all
        .iter()
        .map(|j| j.as_object().expect("a record's JSON is an object"))
        .collect();
    for (i, f) in shape.fields.iter().enumerate() {
        assert!(
            objects.iter().any(|keys| keys.contains_key(*f)),
            "{}: {f:?} is not in its JSON",
            shape.noun
        );
        assert!(
            !shape.fields[..i].contains(f),
            "{}: {f:?} twice",
            shape.noun
        );
    }
    for (i, c) in shape.columns.iter().enumerate() {
        assert!(
            shape.fields.contains(&c.name),
            "{}: column {:?}",
            shape.noun,
            c.name
        );
        assert!(
            !shape.columns[..i].iter().any(|d| d.name == c.name),
            "{}: column {:?} twice",
            shape.noun,
            c.name
        );
    }
    for k in objects.iter().flat_map(|keys| keys.keys()) {
        assert!(
            shape.fields.contains(&k.as_str()) || json_only.contains(&k.as_str()),
            "{}: {k:?} is in its JSON but not in its shape, so csv and tables miss it",
            shape.noun
        );
    }
}

/// Quotes a word for a POSIX shell when it needs it.
pub fn shell_quote(word: &str) -> String {
    let plain = !word.is_empty()
        && word
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._-/:@%+=,".contains(&b));
    if plain {
        word.to_string()
    } else {
        format!("'{}'", word.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    fn flag() -> DbFlag {
        DbFlag {
            words: "--db 'my dir/x.db'".into(),
            commands: || {
                static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
                NAMES.get_or_init(|| {
                    ["user", "init", "invite", "seed"]
                        .map(String::from)
                        .to_vec()
                })
            },
        }
    }

    #[test]
    fn printed_commands_carry_the_db_flag() {
        let f = flag();
        assert_eq!(
            f.apply("list users with `roster user list`"),
            "list users with `roster --db 'my dir/x.db' user list`"
        );
        assert_eq!(
            f.apply("roster --as a@b.c invite accept X, then roster seed s.json"),
            "roster --db 'my dir/x.db' --as a@b.c invite accept X, then roster --db 'my dir/x.db' seed s.json"
        );
        assert_eq!(
            f.apply("(roster init) or \"roster -q init\""),
            "(roster --db 'my dir/x.db' init) or \"roster --db 'my dir/x.db' -q init\""
        );
        // Prose, a file name, a command already naming its database, an unknown word.
        for same in [
            "this roster writes version 8",
            "a newer roster reads it",
            "roster.db is the default",
            "roster's own",
            "`roster --db other.db user list`",
            "roster frobnicate",
            "myroster user list",
        ] {
            assert_eq!(f.apply(same), same);
        }
    }

    use super::*;
    use serde_json::json;

    use crate::model::{Profile, User};

    /// The shapes these tests render with.
    const USER: Shape = User::SHAPE;
    const PROFILE: Shape = Profile::SHAPE;

    fn users() -> Vec<Value> {
        vec![
            json!({"id": "u1", "email": "a@x.io", "username": null, "name": "Ann, \"A\"", "roles": ["admin"], "active": true, "metadata": {}}),
            json!({"id": "u2", "email": "b@x.io", "username": "bee", "name": "Bo", "roles": [], "active": false, "metadata": {"k": 1}}),
        ]
    }

    #[test]
    fn table_shows_the_columns() {
        let t = render_table(&USER, &users(), Some(80), false);
        insta::assert_snapshot!(t);
    }

    #[test]
    fn record_table_shows_every_field() {
        let t = render_record_table(&USER, &users()[1], Some(80), false);
        insta::assert_snapshot!(t);
    }

    #[test]
    fn csv_quotes_and_encodes() {
        let c = render_csv(&USER, &users());
        let mut lines = c.lines();
        assert_eq!(
            lines.next(),
            Some("id,email,username,name,roles,metadata,active")
        );
        assert_eq!(
            lines.next(),
            Some(r#"u1,a@x.io,,"Ann, ""A""","[""admin""]",{},true"#)
        );
        assert_eq!(
            lines.next(),
            Some(r#"u2,b@x.io,bee,Bo,[],"{""k"":1}",false"#)
        );
    }

    #[test]
    fn empty_csv_still_has_a_header() {
        assert_eq!(render_csv(&PROFILE, &[]).lines().count(), 1);
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let s = render_jsonl(&users());
        assert_eq!(s.lines().count(), 2);
        for l in s.lines() {
            assert!(serde_json::from_str::<Value>(l).unwrap().is_object());
        }
    }

    #[test]
    fn safe_escapes_what_a_terminal_would_obey() {
        assert!(matches!(safe("plain, ASCII"), Cow::Borrowed(_)));
        // Non-ASCII text starting with the bytes of the slow path is still borrowed.
        for text in ["£5 — café…", "\u{a0}", "\u{2026}", "\u{2065}", "\u{202f}"] {
            assert!(matches!(safe(text), Cow::Borrowed(_)), "{text:?}");
        }
        assert_eq!(safe("\x1b]0;pwned\x07"), r"\u{1b}]0;pwned\u{7}");
        assert_eq!(safe("a\x1b[2Jb"), r"a\u{1b}[2Jb");
        assert_eq!(safe("x\u{7f}\u{85}\u{9b}y"), r"x\u{7f}\u{85}\u{9b}y");
        assert_eq!(safe("evil\u{202e}txt.exe"), r"evil\u{202e}txt.exe");
        assert_eq!(
            safe("\u{202a}\u{202d}\u{2066}\u{2069}"),
            r"\u{202a}\u{202d}\u{2066}\u{2069}"
        );
        assert_eq!(safe("a\nb\tc\rd\0"), r"a\nb\tc\rd\0");
        // Backslashes are not doubled: text without control characters is shown as it is.
        assert_eq!(safe(r"C:\dir"), r"C:\dir");
        // Escaping twice changes nothing.
        let once = safe("\x1b[2J\u{202e}").into_owned();
        assert_eq!(safe(&once), once);
    }

    #[test]
    fn safe_lines_keeps_line_breaks() {
        assert!(matches!(safe_lines("one\n  two"), Cow::Borrowed(_)));
        assert_eq!(safe_lines("one\n  \x1b[2Jtwo\r"), "one\n  \\u{1b}[2Jtwo\\r");
    }

    #[test]
    fn tables_csv_and_records_escape_stored_text() {
        let evil = json!({"id": "u1", "email": "a@x.io", "name": "\x1b]0;pwned\x07\x1b[2J",
            "roles": ["a\u{202e}b"], "active": true, "metadata": {"k": "\x1b[31m\u{202e}"}});
        let items = [evil.clone()];
        for text in [
            render_table(&USER, &items, Some(100), false),
            render_table(&USER, &items, Some(100), true),
            render_record_table(&USER, &evil, Some(100), false),
            render_csv(&USER, &items),
        ] {
            assert!(!text.contains(['\x07', '\u{202e}']), "{text:?}");
            assert!(
                !text.contains("\x1b]") && !text.contains("\x1b[2J"),
                "{text:?}"
            );
            assert!(text.contains(r"\u{1b}]0;pwned\u{7}\u{1b}[2J"), "{text}");
            assert!(text.contains(r"a\u{202e}b"), "{text}");
        }
        // Our own colours are still there, around the escaped text.
        assert!(render_table(&USER, &items, Some(100), true).contains('\x1b'));
        let record = render_record_table(&USER, &evil, Some(200), false);
        assert!(record.contains(r#"{"k":"\u001b[31m\u{202e}"}"#), "{record}");
        // JSON keeps the exact text, in JSON's escaping.
        assert!(render_json(&evil).contains(r"\u001b]0;pwned\u0007\u001b[2J"));
    }

    #[test]
    fn a_change_report_escapes_each_line() {
        let said = [
            Said::from("added a\u{1b}[2J@x.io to family".to_string()),
            Said::from("sent invitation i1 to b\n@x.io".to_string())
                .then("  accept with: roster invite accept i1")
                .unchanged("not in a table"),
        ];
        assert_eq!(
            render_said(said),
            "added a\\u{1b}[2J@x.io to family\nsent invitation i1 to b\\n@x.io\n  accept with: roster invite accept i1\n"
        );
    }

    #[test]
    fn cells() {
        assert_eq!(cell_text(&json!(null)), "");
        assert_eq!(cell_text(&json!(["a", "b"])), "a, b");
        assert_eq!(cell_text(&json!({"a": 1})), r#"{"a":1}"#);
    }
}
