//! SQLite's errors as roster's kinds: busy and locked are 75 (retry), a file that is not a
//! database 78, a full disk 74, a file that cannot be opened 66; anything else is a bug.

use crate::error::{Error, Kind};

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        if let rusqlite::Error::SqliteFailure(e, _) = &err {
            match e.code {
                ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => {
                    return Error::new(
                        Kind::Busy,
                        "the database is busy (locked by another process)",
                    )
                    .hint("retry, or raise ROSTER_BUSY_TIMEOUT_MS (milliseconds, default 5000)");
                }
                ErrorCode::NotADatabase => {
                    return Error::unusable("the file is not a SQLite database");
                }
                ErrorCode::ReadOnly | ErrorCode::CannotOpen | ErrorCode::PermissionDenied => {
                    return Error::new(Kind::NoInput, format!("cannot open the database: {err}"));
                }
                ErrorCode::DatabaseCorrupt => {
                    return Error::unusable(
                        "the database file is damaged (SQLite: database disk image is malformed)",
                    )
                    .hint("restore it from a backup, or salvage what is left with sqlite3 FILE .recover");
                }
                ErrorCode::SystemIoFailure => {
                    return Error::new(
                        Kind::Output,
                        format!("an I/O error on the database: {err}; nothing was written"),
                    )
                    .hint("check the disk (free space, permissions, errors), then run the command again");
                }
                ErrorCode::DiskFull => {
                    return Error::new(
                        Kind::Output,
                        "could not write the database: the disk is full; nothing was written",
                    )
                    .hint("free some space and run the command again");
                }
                _ => {}
            }
        }
        Error::internal(format!("database error: {err}"))
    }
}
