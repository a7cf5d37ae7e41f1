//! `invite send PROFILE --csv FILE`: the rows of a CSV file, checked whole before anything
//! is sent (README "Inviting from a CSV file").
//!
//! The first row that is not empty is the header: the columns `email` (required), `role`
//! and `expires_in`, in any order and any case. Every other row is one invitation; a role
//! or expiry left empty (or a row shorter than the header) takes `--role` and
//! `--expires-in`. Empty rows are skipped, a UTF-8 byte order mark is ignored, fields are
//! trimmed, and quoting is RFC 4180's.

use crate::actions::invite::{Lifetime, NewInvite, Refusal};
use crate::actions::{nearest, validate};
use crate::error::{Error, Result};

/// The largest CSV file read (it is held in memory whole): 64 MiB, or `ROSTER_MAX_INPUT`
/// when that is lower.
pub const MAX_CSV_INPUT: u64 = 64 << 20;

/// The most errors listed; the rest are counted.
const MAX_SHOWN_ERRORS: usize = 200;

/// The columns a header may name.
const COLUMNS: [&str; 3] = ["email", "role", "expires_in"];

/// The header a file must start with, for hints.
const HEADER_HINT: &str = "start the file with a header row such as: email,role,expires_in";

/// One row of the file: the invitation, and the line it starts on.
#[derive(Debug)]
pub struct Row {
    pub line: u64,
    pub invite: NewInvite,
}

/// Where each column is in a row.
#[derive(Debug, Default)]
struct Header {
    email: usize,
    role: Option<usize>,
    expires_in: Option<usize>,
    width: usize,
}

/// An error at a line of the file.
struct LineError {
    line: u64,
    error: Error,
}

/// The rows of `bytes` (the file `name`), every one checked: email syntax, the role's
/// name, the expiry, emails given twice. Any error refuses the whole file (65), listing
/// every error as `NAME:LINE: …`.
pub fn rows(name: &str, bytes: &[u8], role: &str, expires_in: &str) -> Result<Vec<Row>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(::csv::Trim::All)
        .from_reader(bytes);
    let mut errors: Vec<LineError> = Vec::new();
    let mut header: Option<Header> = None;
    let mut out: Vec<Row> = Vec::new();
    let mut first_line: std::collections::HashMap<String, u64> = Default::default();
    let mut record = ::csv::ByteRecord::new();
    let mut lines = Lines::default();
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                errors.push(LineError {
                    line,
                    error: Error::invalid(format!("not readable as CSV ({e})")),
                });
                // The reader cannot resynchronise after a malformed record.
                break;
            }
        }
        let line = lines.at(bytes, record.position().map_or(0, |p| p.byte()));
        let fields = match fields(&record) {
            Ok(f) => f,
            Err(error) => {
                errors.push(LineError { line, error });
                continue;
            }
        };
        if fields.iter().all(|f| f.is_empty()) {
            continue;
        }
        let Some(h) = &header else {
            match parse_header(&fields) {
                Ok(h) => header = Some(h),
                Err(errs) => {
                    errors.extend(errs.into_iter().map(|error| LineError { line, error }));
                    // Rows cannot be read without their header.
                    break;
                }
            }
            continue;
        };
        match row(h, &fields, role, expires_in) {
            Ok(invite) => {
                if let Some(first) = first_line.get(&invite.email) {
                    errors.push(LineError {
                        line,
                        error: Error::invalid(format!(
                            "email {:?} is given twice (first on line {first})",
                            invite.email
                        )),
                    });
                } else {
                    first_line.insert(invite.email.clone(), line);
                    out.push(Row { line, invite });
                }
            }
            Err(errs) => errors.extend(errs.into_iter().map(|error| LineError { line, error })),
        }
    }
    if errors.is_empty() && header.is_none() {
        return Err(Error::invalid(format!("{name}: no header row")).hint(HEADER_HINT));
    }
    if errors.is_empty() && out.is_empty() {
        return Err(
            Error::invalid(format!("{name}: no invitations, only a header row")).hint(
                "add one row per invitation below the header, such as: dan@example.com,member,48h",
            ),
        );
    }
    if !errors.is_empty() {
        return Err(refusal(name, errors));
    }
    Ok(out)
}

/// Line numbers of records. The reader's own count is of where it began to read, which is
/// before any empty lines it skipped; this counts from the record's first byte.
#[derive(Default)]
struct Lines {
    byte: usize,
    line: u64,
}

impl Lines {
    fn at(&mut self, bytes: &[u8], start: u64) -> u64 {
        let mut start = usize::try_from(start)
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\n' | b'\r') {
            start += 1;
        }
        let from = self.byte.min(start);
        self.line += bytes[from..start].iter().filter(|b| **b == b'\n').count() as u64;
        self.byte = start;
        self.line + 1
    }
}

/// The refusals of the action, each named by its row's line.
pub fn refused(name: &str, rows: &[u64], refusals: Vec<Refusal>) -> Error {
    let errors = refusals
        .into_iter()
        .map(|r| LineError {
            line: rows.get(r.index).copied().unwrap_or(0),
            error: r.error,
        })
        .collect();
    refusal(name, errors)
}

/// One error for all of them: `NAME has N errors; nothing was written`, then each as
/// `NAME:LINE: …`, in line order. The kind (so the exit code) is the first one's; the
/// hints are every distinct hint.
fn refusal(name: &str, mut errors: Vec<LineError>) -> Error {
    errors.sort_by_key(|e| e.line);
    let total = errors.len();
    let mut message = format!(
        "{name} has {total} error{}; nothing was written",
        if total == 1 { "" } else { "s" }
    );
    let mut hints: Vec<String> = Vec::new();
    for e in errors.iter().take(MAX_SHOWN_ERRORS) {
        message.push_str(&format!("\n  {name}:{}: {}", e.line, e.error.message));
        for h in &e.error.hints {
            if !hints.contains(h) {
                hints.push(h.clone());
            }
        }
    }
    if total > MAX_SHOWN_ERRORS {
        message.push_str(&format!("\n  … and {} more", total - MAX_SHOWN_ERRORS));
    }
    let kind = errors
        .first()
        .map_or(crate::error::Kind::Invalid, |e| e.error.kind);
    let mut err = Error::new(kind, message);
    err.hints = hints;
    err
}

/// A record's fields as text: refused when one is not UTF-8.
fn fields(record: &::csv::ByteRecord) -> Result<Vec<String>> {
    record
        .iter()
        .enumerate()
        .map(|(i, f)| {
            String::from_utf8(f.to_vec()).map_err(|_| {
                Error::invalid(format!("field {} is not UTF-8 text", i + 1))
                    .hint("save the file as UTF-8")
            })
        })
        .collect()
}

fn parse_header(fields: &[String]) -> std::result::Result<Header, Vec<Error>> {
    let known: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut errors = Vec::new();
    let mut at: [Option<usize>; 3] = [None; 3];
    for (i, f) in fields.iter().enumerate() {
        let name = f.to_ascii_lowercase();
        match COLUMNS.iter().position(|c| *c == name) {
            Some(c) if at[c].is_some() => {
                errors.push(Error::invalid(format!("column {name:?} is given twice")));
            }
            Some(c) => at[c] = Some(i),
            None => {
                let safe = crate::output::safe(f);
                let mut shown: String = safe.chars().take(80).collect();
                if safe.chars().count() > 80 {
                    shown.push('…');
                }
                let mut e = Error::invalid(match nearest(&name, &known) {
                    Some(n) => format!("unknown column \"{shown}\"; did you mean {n:?}?"),
                    None => format!("unknown column \"{shown}\""),
                });
                e = e.hint("the columns are email, role and expires_in");
                errors.push(e);
            }
        }
    }
    if at[0].is_none() && errors.is_empty() {
        errors.push(Error::invalid("the header row has no email column").hint(HEADER_HINT));
    }
    match (errors.is_empty(), at[0]) {
        (true, Some(email)) => Ok(Header {
            email,
            role: at[1],
            expires_in: at[2],
            width: fields.len(),
        }),
        _ => Err(errors),
    }
}

/// One row's invitation, or every error of it.
fn row(
    h: &Header,
    fields: &[String],
    role: &str,
    expires_in: &str,
) -> std::result::Result<NewInvite, Vec<Error>> {
    let mut errors = Vec::new();
    if fields.len() > h.width {
        errors.push(Error::invalid(format!(
            "{} fields, but the header names {} column{}",
            fields.len(),
            h.width,
            if h.width == 1 { "" } else { "s" }
        )));
    }
    let cell = |at: Option<usize>| {
        at.and_then(|i| fields.get(i))
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    };
    let email = match cell(Some(h.email)) {
        Some(e) => validate::email(e).map_err(|e| errors.push(e)).ok(),
        None => {
            errors.push(Error::invalid("email: required"));
            None
        }
    };
    let role = super::super::member::profile_role(cell(h.role).unwrap_or(role))
        .map_err(|e| errors.push(e))
        .ok();
    let lifetime = Lifetime::parse("expires_in", Some(cell(h.expires_in).unwrap_or(expires_in)))
        .map_err(|e| errors.push(e))
        .ok();
    match (email, role, lifetime) {
        (Some(email), Some(role), Some(expires_in)) if errors.is_empty() => Ok(NewInvite {
            id: None,
            email,
            role,
            expires_in,
            restore: Default::default(),
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(text: &str) -> Vec<(u64, String, String)> {
        rows("f.csv", text.as_bytes(), "member", "48h")
            .unwrap()
            .into_iter()
            .map(|r| (r.line, r.invite.email, r.invite.role.as_str().to_string()))
            .collect()
    }

    fn err(text: &str) -> String {
        rows("f.csv", text.as_bytes(), "member", "48h")
            .unwrap_err()
            .message
    }

    #[test]
    fn headers_in_any_order_and_case_with_defaults() {
        assert_eq!(
            ok("\u{feff}Role,EMAIL\n\nadmin,Dan@Example.com\n,eve@example.com\n"),
            vec![
                (3, "dan@example.com".into(), "admin".into()),
                (4, "eve@example.com".into(), "member".into())
            ]
        );
        assert_eq!(
            ok("email\n\"fay@example.com\"\n"),
            vec![(2, "fay@example.com".into(), "member".into())]
        );
    }

    #[test]
    fn every_error_is_listed_with_its_line() {
        let m = err(
            "email,role,expires_in\nnot-an-email,admin,48h\nb@x.io,Bad Role,2y\nb@x.io\nc@x.io,,1h,extra\n",
        );
        assert!(
            m.starts_with("f.csv has 4 errors; nothing was written"),
            "{m}"
        );
        assert!(m.contains("\n  f.csv:2: email \"not-an-email\""), "{m}");
        assert!(m.contains("\n  f.csv:3: role"), "{m}");
        assert!(m.contains("\n  f.csv:3: expires_in"), "{m}");
        assert!(
            m.contains("f.csv:5: 4 fields, but the header names 3 columns"),
            "{m}"
        );
        // The b@x.io of line 3 was refused, so line 4's is the first.
        assert!(!m.contains("f.csv:4:"), "{m}");
    }

    #[test]
    fn the_header_is_checked() {
        let m = err("emial,role\n");
        assert!(
            m.contains("f.csv:1: unknown column \"emial\"; did you mean \"email\"?"),
            "{m}"
        );
        assert!(err("role\nadmin\n").contains("no email column"));
        assert!(err("").contains("no header row"));
        assert!(err("email\n\n").contains("only a header row"));
        assert!(err("email,Email\n").contains("column \"email\" is given twice"));
    }

    #[test]
    fn lines_count_empty_lines_and_quoted_line_breaks() {
        let m = err("email,role\r\n\r\n\r\na@x.io,\"ad\nmin\"\n\nbad\n");
        assert!(m.contains("\n  f.csv:4: role \"ad\\nmin\""), "{m}");
        assert!(m.contains("\n  f.csv:7: email \"bad\""), "{m}");
    }

    #[test]
    fn duplicates_name_the_first_line() {
        let m = err("email\na@x.io\nA@X.io\n");
        assert!(
            m.contains("f.csv:3: email \"a@x.io\" is given twice (first on line 2)"),
            "{m}"
        );
    }
}
