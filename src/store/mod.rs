//! The only module that speaks SQL (DESIGN.md §6).
//!
//! [`Store::open`] identifies the file before touching it, refuses what is not roster's or
//! is too new (exit 78, file untouched), sets the pragmas and runs migrations. Every write
//! runs inside [`Store::write`], a `BEGIN IMMEDIATE` transaction; the actions receive a
//! [`Tx`] and reach the tables only through its methods, so a PostgreSQL backend can later
//! implement the same narrow interface.

mod audit;
mod doctor;
mod dump;
mod invitations;
mod media;
mod members;
mod profiles;
pub mod schema;
mod users;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

pub use audit::AuditFilter;
pub use doctor::{LapsedInvitation, MisplacedMedia, OverfullProfile, OwnerlessProfile};
pub use media::{MediaKey, MediaQuery, SEARCH_CAP_MAX, SEARCH_CAP_MIN, SearchPlan};
pub use profiles::ProfileContents;

use crate::audit_chain::AuditKey;
use crate::error::{Error, Result};

/// `application_id` marking a SQLite file as roster's: "RSTR".
pub const APPLICATION_ID: i64 = 0x5253_5452;

/// Default busy timeout; `ROSTER_BUSY_TIMEOUT_MS` overrides it (read by the CLI).
pub const DEFAULT_BUSY_TIMEOUT_MS: u64 = 5000;

/// The longest busy timeout SQLite takes (its argument is a C `int` of milliseconds).
pub const MAX_BUSY_TIMEOUT_MS: u64 = i32::MAX as u64;

/// Whether a command may create the database file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Commands that only read: a missing file is refused with exit 66.
    Existing,
    /// Commands that write, `init` and `seed`: a missing file is created (mode 0600).
    Create,
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    created: bool,
    /// A database this open is creating lives under a private temporary name in the same
    /// directory until [`Store::publish`] links it into place; dropped unpublished (a dry
    /// run, a failed seed), it is removed, and nothing ever appeared at `path`. Declared
    /// after `conn`, so the connection closes before the file is removed.
    staged: Option<tempfile::TempPath>,
    busy_timeout_ms: u64,
    /// The audit key new rows are keyed with and keyed rows are verified with (the CLI
    /// reads `ROSTER_AUDIT_KEY_FILE`; the store only holds the key).
    audit_key: Option<Arc<AuditKey>>,
}

/// What [`Store::publish`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The database is in place (or was already: this open did not create it).
    Done,
    /// Another process created a database at the same path first; this one was discarded.
    Taken,
}

/// A transaction on the store. All table access goes through its methods.
pub struct Tx<'c> {
    conn: &'c Connection,
    /// The last audit row, cached after the first read or append.
    audit_head: Option<AuditHead>,
    audit_key: Option<&'c AuditKey>,
}

/// The last row of the audit log, which the next one chains to.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditHead {
    pub row: crate::model::AuditEntry,
    /// The row was inserted by this transaction (not read from the database).
    pub written_here: bool,
}

impl Store {
    pub fn open(path: &Path, mode: OpenMode, busy_timeout_ms: u64) -> Result<Store> {
        let shown = path.display();
        let mut created = false;
        let mut staged = None;
        match std::fs::metadata(path) {
            Ok(meta) if meta.is_dir() => {
                return Err(Error::unusable(format!(
                    "{shown} is a directory, not a roster database"
                ))
                .hint("give the path of a database file with --db or ROSTER_DB"));
            }
            Ok(meta) if !meta.is_file() => {
                return Err(Error::unusable(format!(
                    "{shown} is not a regular file ({}), so it cannot be a roster database",
                    file_type_name(&meta)
                ))
                .hint("give the path of a database file with --db or ROSTER_DB"));
            }
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                if mode == OpenMode::Existing {
                    return Err(Error::no_input(format!("database not found: {shown}")).hint(
                        "create it with `roster init` (or load data with `roster seed`), or point --db / ROSTER_DB at an existing file",
                    ));
                }
                staged = Some(stage_new_file(path)?);
                created = true;
            }
            Err(e) => {
                return Err(Error::no_input(format!(
                    "cannot read the database {shown}: {e}"
                )));
            }
        }

        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let file: &Path = staged.as_deref().unwrap_or(path);
        let conn = Connection::open_with_flags(file, flags)
            .map_err(|e| Error::no_input(format!("cannot open the database {shown}: {e}")))?;
        conn.busy_timeout(Duration::from_millis(busy_timeout_ms))?;
        conn.set_prepared_statement_cache_capacity(256);
        // Plans must not depend on bound values: with STAT4 compiled in, SQLite would otherwise
        // re-prepare cached statements on every new binding (the "query planner stability
        // guarantee"), which costs more than the query itself.
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
            true,
        )?;

        // Identify the file before anything could modify it.
        let not_ours = |detail: &str| {
            Error::unusable(format!("{shown} is not a roster database ({detail})"))
                .hint("point --db at a roster database, or choose a new file name to create one")
        };
        // The three facts come from one snapshot: another roster creating this very file
        // may commit its first migration between two separate reads.
        let identity = (|| -> rusqlite::Result<(i64, i64, i64)> {
            conn.execute_batch("BEGIN DEFERRED")?;
            let read = (|| {
                let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
                let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
                let objects: i64 =
                    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
                Ok((app, version, objects))
            })();
            conn.execute_batch("COMMIT")?;
            read
        })();
        let (app, version, objects) = match identity {
            Ok(v) => v,
            Err(e) => {
                let err = Error::from(e);
                if err.kind == crate::error::Kind::Unusable {
                    return Err(not_ours("not a SQLite file"));
                }
                return Err(err);
            }
        };
        let blank = app == 0 && version == 0 && objects == 0;
        if blank && mode == OpenMode::Existing {
            // Commands that only use an existing database never turn some other empty
            // file into one.
            return Err(
                Error::no_input(format!("{shown} is empty: not a roster database yet"))
                    .hint("create it with `roster init` (or load data with `roster seed`)"),
            );
        }
        if app != APPLICATION_ID && !blank {
            return Err(not_ours(&format!("its application_id is {app}")));
        }
        if version > schema::CURRENT {
            return Err(Error::unusable(format!(
                "{shown} was written by a newer roster (schema version {version}; this roster knows up to {})",
                schema::CURRENT
            ))
            .hint("upgrade roster to open this database; it has not been modified"));
        }

        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -16000)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        media::register_functions(&conn)?;

        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            created,
            staged,
            busy_timeout_ms,
            audit_key: None,
        };
        if version < schema::CURRENT {
            store.migrate()?;
        }
        Ok(store)
    }

    /// Runs the pending migrations in one immediate transaction. Another process may have
    /// migrated meanwhile, so the version is read again under the write lock.
    fn migrate(&mut self) -> Result<()> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let app: i64 = txn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = txn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if app != APPLICATION_ID && app != 0 {
            return Err(Error::unusable(format!(
                "{} is not a roster database",
                self.path.display()
            )));
        }
        for (i, sql) in schema::MIGRATIONS
            .iter()
            .enumerate()
            .skip(version.max(0) as usize)
        {
            txn.execute_batch(sql)
                .map_err(|e| Error::internal(format!("migration {} failed: {e}", i + 1)))?;
        }
        txn.pragma_update(None, "application_id", APPLICATION_ID)?;
        txn.pragma_update(None, "user_version", schema::CURRENT)?;
        txn.commit()?;
        Ok(())
    }

    /// Keys the audit rows this store writes, and verifies keyed rows, with `key`.
    pub fn with_audit_key(mut self, key: Option<Arc<AuditKey>>) -> Store {
        self.audit_key = key;
        self
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// True when this open created the file.
    pub fn created(&self) -> bool {
        self.created
    }

    /// Puts a database this open created in place, once it holds what it should (`init`
    /// at once; other commands after their write commits). The connection is closed first,
    /// so the file is complete without its WAL, then hard-linked to its name, which fails
    /// rather than replace a database another process created meanwhile. The store is
    /// then reopened at its real name. A no-op for a database that already existed.
    pub fn publish(&mut self) -> Result<Published> {
        let Some(staged) = self.staged.take() else {
            return Ok(Published::Done);
        };
        let conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        conn.close().map_err(|(_, e)| Error::from(e))?;
        let shown = self.path.display();
        match std::fs::hard_link(&staged, &self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Ok(Published::Taken);
            }
            Err(e) => {
                // A file system without hard links: rename, after a last look.
                if self.path.exists() {
                    return Ok(Published::Taken);
                }
                std::fs::rename(&staged, &self.path).map_err(|e2| {
                    Error::new(
                        crate::error::Kind::Output,
                        format!("cannot create the database {shown}: {e}; {e2}"),
                    )
                })?;
            }
        }
        drop(staged);
        let path = self.path.clone();
        let key = self.audit_key.take();
        *self = Store::open(&path, OpenMode::Existing, self.busy_timeout_ms)?.with_audit_key(key);
        self.created = true;
        Ok(Published::Done)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The files this store keeps open or writes beside the database (its WAL, shared
    /// memory and rollback journal): no output may be written over any of them.
    pub fn own_files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.path.clone()];
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut p = self.path.as_os_str().to_owned();
            p.push(suffix);
            files.push(PathBuf::from(p));
        }
        files
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction; commits when it returns Ok. A database
    /// this open created is then put in place ([`Store::publish`]); should another process
    /// have created one at the same path meanwhile, this change is discarded and the
    /// command is told to run again (75).
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let out = self.write_unpublished(f)?;
        match self.publish()? {
            Published::Done => Ok(out),
            Published::Taken => Err(Error::new(
                crate::error::Kind::Busy,
                format!(
                    "another roster created the database {} at the same moment; this change was not applied",
                    self.path.display()
                ),
            )
            .hint("run the command again")),
        }
    }

    /// [`Store::write`] without putting a new database in place: for a caller that
    /// handles [`Published::Taken`] itself (a seed applies itself again to the other
    /// database).
    pub fn write_unpublished<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut tx = Tx::new(&txn, self.audit_key.as_deref());
            f(&mut tx)?
        };
        txn.commit()?;
        Ok(out)
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction that is always rolled back.
    pub fn write_rolled_back<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut tx = Tx::new(&txn, self.audit_key.as_deref());
            f(&mut tx)
        };
        txn.rollback()?;
        out
    }

    /// Runs `f` in a read transaction: one consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = {
            let mut tx = Tx::new(&txn, self.audit_key.as_deref());
            f(&mut tx)?
        };
        txn.commit()?;
        Ok(out)
    }
}

/// What kind of file this is, for messages.
fn file_type_name(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_char_device() {
            return "a character device";
        }
        if t.is_block_device() {
            return "a block device";
        }
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
    }
    let _ = meta;
    "not a plain file"
}

/// Creates the empty file a new database is built in: readable only by its owner, in the
/// directory of `path`, under a private name until it is published.
fn stage_new_file(path: &Path) -> Result<tempfile::TempPath> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".new")
        .tempfile_in(dir)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::no_input(format!(
                "cannot create the database {}: its directory does not exist",
                path.display()
            )),
            _ => Error::no_input(format!(
                "cannot create the database {}: {e}",
                path.display()
            )),
        })?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .map_err(|e| {
                Error::no_input(format!(
                    "cannot create the database {}: {e}",
                    path.display()
                ))
            })?;
    }
    Ok(file.into_temp_path())
}

impl<'c> Tx<'c> {
    fn new(conn: &'c Connection, audit_key: Option<&'c AuditKey>) -> Self {
        Tx {
            conn,
            audit_head: None,
            audit_key,
        }
    }

    /// SQLite's own checks, for `roster doctor`: `integrity_check` then `foreign_key_check`.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let line = row?;
            if line != "ok" {
                problems.push(format!("integrity_check: {line}"));
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = stmt.query_map([], |r| {
            Ok(format!(
                "foreign_key_check: {} row {} refers to a missing {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?
                    .map_or("?".into(), |v| v.to_string()),
                r.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(problems)
    }
}

/// Reads a JSON text column into a value of type `T`.
fn json_col<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    let text: String = row.get(idx)?;
    serde_json::from_str(&text).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// Shorthand for `query_row(...).optional()` on a cached statement.
fn one<T>(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
    map: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Option<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    Ok(stmt.query_row(params, map).optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .map(|r| {
                r.filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_new_database_appears_only_when_published() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::internal(e.to_string()))?;
        let path = dir.path().join("r.db");
        let store = Store::open(&path, OpenMode::Create, 1000)?;
        assert!(!path.exists(), "visible before publish");
        drop(store);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));

        let mut store = Store::open(&path, OpenMode::Create, 1000)?;
        assert_eq!(store.publish()?, Published::Done);
        assert!(path.exists());
        assert_eq!(store.schema_version()?, schema::CURRENT);
        drop(store);
        assert_eq!(names(dir.path()), vec!["r.db".to_string()]);
        Ok(())
    }

    #[test]
    fn publishing_never_replaces_a_database_created_meanwhile() -> Result<()> {
        let dir = tempfile::tempdir().map_err(|e| Error::internal(e.to_string()))?;
        let path = dir.path().join("r.db");
        let mut first = Store::open(&path, OpenMode::Create, 1000)?;
        let mut second = Store::open(&path, OpenMode::Create, 1000)?;
        assert_eq!(second.publish()?, Published::Done);
        let before = std::fs::read(&path).map_err(|e| Error::internal(e.to_string()))?;
        assert_eq!(first.publish()?, Published::Taken);
        drop(first);
        drop(second);
        let after = std::fs::read(&path).map_err(|e| Error::internal(e.to_string()))?;
        assert_eq!(before, after);
        assert_eq!(names(dir.path()), vec!["r.db".to_string()]);
        Ok(())
    }
}
