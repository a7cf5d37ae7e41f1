//! Reading names for shell completion from a SQLite file (see [`crate::store::names`]).
//!
//! Opened read-only, through a URI. A read-only connection to a WAL database whose `-wal`
//! and `-shm` files are absent would create them, and could not remove them when it
//! closes (removing them is a checkpoint, which is a write): the file would be left with
//! companions it did not have. So when they are absent — no connection has the database
//! open, and its last writer checkpointed into the file — the file is opened `immutable`:
//! no lock, no companion file, just the pages. When they are present (roster or another
//! program has the database open), it is opened read-only in the ordinary way, reading
//! the WAL too. A writer that starts in between can at worst make this read fail or miss
//! its newest rows: completion then offers fewer names, never wrong data to a command.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::types::ValueRef;
use rusqlite::{Connection, OpenFlags};

use super::APPLICATION_ID;
use crate::error::{Error, Result};
use crate::store::names::Rows;

/// How long a read waits for a lock (a checkpoint or a WAL recovery in progress).
const BUSY_MS: u64 = 20;

pub struct Reader {
    conn: Connection,
}

impl Reader {
    pub fn open(path: &Path) -> Result<Reader> {
        let shown = path.display();
        let meta = std::fs::metadata(path)?;
        if !meta.is_file() || meta.len() == 0 {
            return Err(Error::no_input(format!("{shown}: no database")));
        }
        let companion = |suffix: &str| {
            let mut p = path.as_os_str().to_owned();
            p.push(suffix);
            PathBuf::from(p).exists()
        };
        let live = companion("-wal") && companion("-shm");
        let uri = format!(
            "file:{}?mode=ro{}",
            uri_path(path),
            if live { "" } else { "&immutable=1" }
        );
        let conn = Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_millis(BUSY_MS))?;
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        if app != APPLICATION_ID {
            return Err(Error::unusable(format!("{shown} is not a roster database")));
        }
        Ok(Reader { conn })
    }

    pub fn rows(&mut self, sql: &str, params: &[&str], limit: i64) -> Result<Rows> {
        let mut stmt = self.conn.prepare(sql)?;
        let mut bound: Vec<&dyn rusqlite::ToSql> =
            params.iter().map(|p| p as &dyn rusqlite::ToSql).collect();
        bound.push(&limit);
        let columns = stmt.column_count();
        let mut rows = stmt.query(bound.as_slice())?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut values = Vec::with_capacity(columns);
            for i in 0..columns {
                values.push(match row.get_ref(i)? {
                    ValueRef::Text(t) => Some(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Integer(n) => Some(n.to_string()),
                    _ => None,
                });
            }
            out.push(values);
        }
        Ok(out)
    }
}

/// `path` as the path part of a `file:` URI: every byte but the unreserved ones and `/`
/// %-escaped (a `?`, `#` or `%` in a file name would otherwise end or alter it).
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for &b in path.as_os_str().as_encoded_bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_uri_path_escapes_what_a_uri_reads() {
        assert_eq!(uri_path(Path::new("/a b/r?#%.db")), "/a%20b/r%3F%23%25.db");
        assert_eq!(uri_path(Path::new("roster.db")), "roster.db");
    }
}
