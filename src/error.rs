//! The one error type of roster. Every failure carries a [`Kind`]; the kind alone decides
//! the exit code (README "Output, errors and exit codes"), and this is the only place where that mapping lives.

use std::fmt;

/// What kind of failure happened. Each kind has exactly one exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `seed --check`, `audit verify`, `doctor`: the check found a difference (exit 1).
    Differs,
    /// Bad usage: unknown flag, missing value, confirmation needed without a terminal (2).
    Usage,
    /// Invalid input: malformed seed, bad email, slug, colour, JSON (65).
    Invalid,
    /// An input file or the database does not exist (66).
    NoInput,
    /// A referenced user, profile, invitation or media item does not exist (67).
    NotFound,
    /// Conflict with the current state (68).
    Conflict,
    /// A bug (70).
    Internal,
    /// An output could not be written: disk full, no permission, a device that refuses
    /// writes (74, sysexits' EX_IOERR). Nothing was left half-written.
    Output,
    /// The database stayed busy or locked beyond the timeout (75).
    Busy,
    /// Permission denied by the rules, or a wrong password (77).
    Denied,
    /// The database is unusable: newer schema, or not a roster database (78).
    Unusable,
    /// stdout was closed by the reader (`roster user list | head -1`): exit 0, say nothing.
    BrokenPipe,
    /// Stopped by Ctrl-C (SIGINT) or SIGTERM before it committed: rolled back (130, as a
    /// shell reports a command ended by Ctrl-C).
    Interrupted,
}

impl Kind {
    /// The process exit code for this kind (README "Output, errors and exit codes").
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::BrokenPipe => 0,
            Kind::Differs => 1,
            Kind::Usage => 2,
            Kind::Invalid => 65,
            Kind::NoInput => 66,
            Kind::NotFound => 67,
            Kind::Conflict => 68,
            Kind::Internal => 70,
            Kind::Output => 74,
            Kind::Busy => 75,
            Kind::Denied => 77,
            Kind::Unusable => 78,
            Kind::Interrupted => 130,
        }
    }

    /// The stable machine name used in JSON error objects.
    pub fn name(self) -> &'static str {
        match self {
            Kind::BrokenPipe => "broken_pipe",
            Kind::Differs => "differs",
            Kind::Usage => "usage",
            Kind::Invalid => "invalid",
            Kind::NoInput => "no_input",
            Kind::NotFound => "not_found",
            Kind::Conflict => "conflict",
            Kind::Internal => "internal",
            Kind::Output => "output",
            Kind::Busy => "busy",
            Kind::Denied => "denied",
            Kind::Unusable => "unusable",
            Kind::Interrupted => "interrupted",
        }
    }
}

/// A failure with a kind, a message naming the record and value, and optional hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub hints: Vec<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            hints: Vec::new(),
        }
    }

    pub fn usage(message: impl Into<String>) -> Self {
        Self::new(Kind::Usage, message)
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(Kind::Invalid, message)
    }
    pub fn no_input(message: impl Into<String>) -> Self {
        Self::new(Kind::NoInput, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(Kind::NotFound, message)
    }
    pub fn conflict(message: impl Into<String>) -> Self {
        Self::new(Kind::Conflict, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(Kind::Internal, message)
    }
    pub fn denied(message: impl Into<String>) -> Self {
        Self::new(Kind::Denied, message)
    }
    pub fn unusable(message: impl Into<String>) -> Self {
        Self::new(Kind::Unusable, message)
    }
    pub fn differs(message: impl Into<String>) -> Self {
        Self::new(Kind::Differs, message)
    }
    /// Ctrl-C or SIGTERM, heeded before anything was committed.
    pub fn interrupted() -> Self {
        Self::new(
            Kind::Interrupted,
            "interrupted: rolled back, nothing was written",
        )
    }

    /// Adds a `hint:` line.
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// Prefixes the message with where it happened (a seed event, a field).
    pub fn context(mut self, context: impl fmt::Display) -> Self {
        self.message = format!("{context}: {}", self.message);
        self
    }

    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
    }

    /// The JSON error object printed on stderr with `--format json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "error": {
                "code": self.exit_code(),
                "kind": self.kind.name(),
                "message": self.message,
                "hint": if self.hints.is_empty() { serde_json::Value::Null } else { self.hints.join("\n").into() },
            }
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Self {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            return Error::new(Kind::BrokenPipe, "broken pipe");
        }
        // Every implicit conversion is of a write to an output (stdout, an export file):
        // reads name their input themselves.
        Error::new(
            Kind::Output,
            format!("could not write output: {}", io_text(&err)),
        )
    }
}

/// An I/O error's text without Rust's `(os error N)` suffix: `no space left on device`.
pub fn io_text(err: &std::io::Error) -> String {
    let text = err.to_string();
    let text = match text.rfind(" (os error ") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_design_exit_code() {
        let table = [
            (Kind::Differs, 1),
            (Kind::Usage, 2),
            (Kind::Invalid, 65),
            (Kind::NoInput, 66),
            (Kind::NotFound, 67),
            (Kind::Conflict, 68),
            (Kind::Internal, 70),
            (Kind::Output, 74),
            (Kind::Busy, 75),
            (Kind::Denied, 77),
            (Kind::Unusable, 78),
            (Kind::BrokenPipe, 0),
            (Kind::Interrupted, 130),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
        }
    }

    #[test]
    fn json_error_object_has_code_kind_message_hint() {
        let e = Error::not_found("user 'bob' does not exist")
            .hint("list users with `roster user list`");
        let v = e.to_json();
        assert_eq!(v["error"]["code"], 67);
        assert_eq!(v["error"]["kind"], "not_found");
        assert_eq!(v["error"]["message"], "user 'bob' does not exist");
        assert_eq!(v["error"]["hint"], "list users with `roster user list`");
    }
}
