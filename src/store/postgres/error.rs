//! PostgreSQL's errors as roster's kinds, by SQLSTATE: a lock not granted in time, a
//! serialization failure or a deadlock is 75 (retry); a lost connection 75; a wrong
//! password 77; a missing database 66; a missing privilege 77; a full disk 74; a unique
//! violation 68. Anything else is a bug. No message carries the URL's password.

use postgres::error::SqlState;

use crate::error::{Error, Kind};
use crate::store::location::{PgUrl, mask};

/// The busy error of a write lock not granted in time.
pub(super) fn busy() -> Error {
    Error::new(
        Kind::Busy,
        "the database is busy (locked by another process)",
    )
    .hint("retry, or raise ROSTER_BUSY_TIMEOUT_MS (milliseconds, default 5000)")
}

impl From<postgres::Error> for Error {
    fn from(err: postgres::Error) -> Self {
        from_ref(&err)
    }
}

/// The kind and message of a PostgreSQL error.
pub(super) fn from_ref(err: &postgres::Error) -> Error {
    {
        let text = describe(err);
        if let Some(db) = err.as_db_error() {
            let code = db.code();
            let message = mask(db.message());
            if *code == SqlState::LOCK_NOT_AVAILABLE
                || *code == SqlState::T_R_SERIALIZATION_FAILURE
                || *code == SqlState::T_R_DEADLOCK_DETECTED
                || *code == SqlState::QUERY_CANCELED
            {
                return busy();
            }
            if *code == SqlState::INVALID_PASSWORD
                || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
            {
                return Error::new(
                    Kind::Denied,
                    format!("the server refused the sign-in: {message}"),
                )
                .hint("check the user and password of the --db URL (or ~/.pgpass)");
            }
            if *code == SqlState::INVALID_CATALOG_NAME {
                return Error::no_input(format!("database not found: {message}")).hint(
                    "create it first (createdb NAME), or point --db at an existing database",
                );
            }
            if *code == SqlState::INSUFFICIENT_PRIVILEGE {
                return Error::new(Kind::Denied, format!("the server refused: {message}")).hint(
                    "roster needs CREATE on the database (or a schema pre-created for it) and the rights to read and write its own schema",
                );
            }
            if *code == SqlState::DISK_FULL || *code == SqlState::OUT_OF_MEMORY {
                return Error::new(
                    Kind::Output,
                    format!("the server could not write: {message}; nothing was written"),
                )
                .hint("free space on the database server, then run the command again");
            }
            if *code == SqlState::UNIQUE_VIOLATION {
                return Error::conflict(format!("already exists: {message}"));
            }
            if code.code().starts_with("08") || code.code().starts_with("57P") {
                return Error::new(
                    Kind::Busy,
                    format!("lost the database server: {message}; nothing was written"),
                )
                .hint("retry when the server is back");
            }
            return Error::internal(format!("database error: {text}"));
        }
        if err.is_closed()
            || std::error::Error::source(err).is_some_and(|s| s.is::<std::io::Error>())
        {
            return Error::new(
                Kind::Busy,
                format!("lost the connection to the database server ({text}); nothing was written"),
            )
            .hint("retry when the server is back");
        }
        Error::internal(format!("database error: {text}"))
    }
}

/// A failed connection: the server is named, never the password.
pub(super) fn connect_error(err: &postgres::Error, server: &str, url: &PgUrl) -> Error {
    if err.as_db_error().is_some() {
        // The server answered: a sign-in, database or privilege refusal.
        return from_ref(err);
    }
    let said = format!(
        "{err}: {}",
        std::error::Error::source(err).map_or_else(String::new, |s| s.to_string())
    );
    if said.contains("password missing") {
        return Error::new(
            Kind::Denied,
            format!("the server {server} asks for a password and none was given"),
        )
        .hint("give it with PGPASSWORD or a line in ~/.pgpass (PGPASSFILE), never on the command line");
    }
    let detail =
        mask(&std::error::Error::source(err).map_or_else(|| err.to_string(), |s| s.to_string()));
    Error::new(
        Kind::Busy,
        format!("cannot reach the database server {server}: {detail}"),
    )
    .hint(format!(
        "is PostgreSQL running and reachable there? (--db {})",
        url.shown()
    ))
}

/// What went wrong, in full: the server's message with its detail and SQLSTATE, or the
/// driver's own words (`postgres::Error` displays a bare "db error").
pub(super) fn describe(err: &postgres::Error) -> String {
    match err.as_db_error() {
        Some(db) => {
            let mut s = format!("{} (SQLSTATE {})", db.message(), db.code().code());
            if let Some(d) = db.detail() {
                s.push_str(&format!("; {d}"));
            }
            if let Some(w) = db.where_() {
                s.push_str(&format!("; at {w}"));
            }
            mask(&s)
        }
        None => mask(
            &std::error::Error::source(err)
                .map_or_else(|| err.to_string(), |s| format!("{err}: {s}")),
        ),
    }
}
