//! The SQLite backend: one file, rusqlite with SQLite compiled in.
//!
//! [`SqliteStore::open`] identifies the file before touching it, refuses what is not
//! roster's or is too new (exit 78, file untouched), sets the pragmas and runs migrations.
//! Every write runs in a `BEGIN IMMEDIATE` transaction. [`SqliteTx`] implements the
//! families of [`crate::store::traits`], one file each; SQLite's errors become kinds in
//! `error.rs`.

mod absent;
pub mod alloc;
mod audit;
mod copy;
mod doctor;
mod dump;
mod error;
mod invitations;
mod media;
mod members;
pub(super) mod names;
mod outbox;
mod profiles;
mod roles;
pub mod schema;
mod sessions;
mod users;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use super::{AuditHead, OpenMode, Published};
use crate::error::{Error, Result};

/// `application_id` marking a SQLite file as roster's: "RSTR".
pub const APPLICATION_ID: i64 = 0x5253_5452;

/// Indexes no seed reads: nothing a seed's rules ask looks rows up by them (they serve
/// listings, reports, search order and `doctor`). A seed's scratch database goes without
/// them; a seed into a database it creates builds them once, at the end.
const SEED_UNREAD_INDEXES: [&str; 14] = [
    "audit_by_event",
    "audit_by_actor",
    "audit_by_subject",
    "media_by_added_by",
    "media_by_title",
    "invitations_by_inviter",
    "invitations_pending_by_expiry",
    "invitations_pending_by_role",
    "sessions_by_profile",
    "users_by_created",
    "members_in_list_order",
    "members_by_role",
    "outbox_by_created",
    "outbox_unsent",
];

/// The triggers that keep the title search index (`media_fts`) in step with `media`'s
/// deletes and retitles (a media insert indexes its title itself: `media_insert`).
const SEARCH_INDEX_TRIGGERS: [&str; 2] = ["media_fts_delete", "media_fts_update"];

/// The page cache of a connection, in KiB.
const CACHE_KIB: i64 = 16_000;
/// The page cache while a seed writes the database it created, in KiB: smaller than
/// [`CACHE_KIB`], so that the index builds at its end fit beside it within the seed's
/// memory bound (README, "Seeds at speed").
const BULK_CACHE_KIB: i64 = 12_000;
/// The page cache while those indexes are built, in KiB (each build's sort takes at most
/// as much memory as this, and never less than 1 MiB).
const BUILD_CACHE_KIB: i64 = 1_000;

/// An open SQLite database.
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
    created: bool,
    /// A database this open is creating lives under a private temporary name in the same
    /// directory until [`SqliteStore::publish`] links it into place; dropped unpublished (a dry
    /// run, a failed seed), it is removed, and nothing ever appeared at `path`. Declared
    /// after `conn`, so the connection closes before the file is removed.
    staged: Option<tempfile::TempPath>,
    busy_timeout_ms: u64,
    /// Whether media titles are indexed for search (not in a scratch database, which is
    /// never searched).
    search_index: bool,
    /// Where a scratch database sends each row it inserts, as it inserts it.
    tap: Option<RowTap>,
}

/// A transaction on a SQLite database.
pub struct SqliteTx<'c> {
    conn: &'c Connection,
    /// The last audit row, cached after the first read or append.
    audit_head: Option<AuditHead>,
    /// Role definitions read in this transaction (a permission check reads the same few
    /// again and again); any role write empties it.
    /// Whether any session exists, asked once per transaction (None: not asked yet): the
    /// session hooks of a membership change cost nothing in a database without sessions.
    any_session: std::cell::Cell<Option<bool>>,
    /// The ids, natural keys and infohashes surely in no media row, and the memberships in
    /// no members row ([`absent`]).
    absent_media: std::cell::RefCell<absent::Absent>,
    absent_members: std::cell::RefCell<absent::Absent>,
    absent_users: std::cell::RefCell<absent::Absent>,
    /// Profiles read by slug in this transaction ([`profiles::Cache`]): a seed names the
    /// same few profiles in event after event.
    profiles: std::cell::RefCell<profiles::Cache>,
    roles: std::cell::RefCell<
        std::collections::HashMap<(crate::model::Scope, String), Option<crate::model::RoleDef>>,
    >,
    /// See [`SqliteStore::search_index`].
    search_index: bool,
    /// See [`SqliteStore::tap`].
    tap: Option<&'c RowTap>,
    /// The statements this transaction prepared ([`SqliteTx::stmt`]).
    stmts: std::cell::RefCell<Vec<(StmtKey, rusqlite::Statement<'c>)>>,
}

/// A statement's SQL, by address and length: every statement [`SqliteTx::stmt`] prepares
/// is a `&'static str`, and two with the same address and length have the same text.
type StmtKey = (usize, usize);

/// A prepared statement borrowed from its transaction's cache, handed back when dropped.
pub(super) struct Stmt<'t, 'c> {
    cache: &'t std::cell::RefCell<Vec<(StmtKey, rusqlite::Statement<'c>)>>,
    key: StmtKey,
    stmt: Option<rusqlite::Statement<'c>>,
}

impl<'c> std::ops::Deref for Stmt<'_, 'c> {
    type Target = rusqlite::Statement<'c>;
    fn deref(&self) -> &Self::Target {
        // Some until dropped.
        self.stmt
            .as_ref()
            .expect("a statement borrowed from the cache")
    }
}

impl std::ops::DerefMut for Stmt<'_, '_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.stmt
            .as_mut()
            .expect("a statement borrowed from the cache")
    }
}

impl Drop for Stmt<'_, '_> {
    fn drop(&mut self) {
        if let (Some(stmt), Ok(mut cache)) = (self.stmt.take(), self.cache.try_borrow_mut()) {
            cache.push((self.key, stmt));
        }
    }
}

impl SqliteStore {
    pub fn open(path: &Path, mode: OpenMode, busy_timeout_ms: u64) -> Result<SqliteStore> {
        let staged = check_path(path, mode)?;
        let file: &Path = staged.as_deref().unwrap_or(path);
        let conn = connect(file, path, busy_timeout_ms)?;
        let version = identify(&conn, path, mode)?;
        // A file this open creates is private until it is published, and discarded if
        // anything fails: it keeps its rollback journal in memory (so a failed write still
        // rolls back), and its pages are written once, into the file, not into the WAL
        // and then again by the checkpoint. It takes WAL mode when it is published.
        let journal = if staged.is_some() { "MEMORY" } else { "WAL" };
        conn.pragma_update(None, "journal_mode", journal)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        media::register_functions(&conn)?;

        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
            created: staged.is_some(),
            staged,
            busy_timeout_ms,
            search_index: true,
            tap: None,
        };
        if version < schema::CURRENT {
            store.migrate()?;
        }
        Ok(store)
    }

    /// A private database in a temporary file that SQLite deletes as soon as it opens it
    /// (so nothing is left behind, even after kill -9), with roster's schema: where a seed
    /// into an empty PostgreSQL database is applied first. Nothing in it outlives the
    /// store, so it is written without a journal's durability.
    pub fn scratch(
        tap: Option<std::sync::mpsc::SyncSender<Vec<crate::store::Written>>>,
    ) -> Result<SqliteStore> {
        let tap = tap.map(|sender| RowTap {
            sender,
            rows: Default::default(),
            changed: Default::default(),
            members_updated: Default::default(),
        });
        let conn = Connection::open("")?;
        conn.pragma_update(None, "journal_mode", "MEMORY")?;
        conn.pragma_update(None, "synchronous", "OFF")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        statements(&conn)?;
        media::register_functions(&conn)?;
        let mut store = SqliteStore {
            conn,
            path: PathBuf::new(),
            created: false,
            staged: None,
            busy_timeout_ms: 0,
            search_index: false,
            tap,
        };
        store.migrate()?;
        // Never searched, nor listed by audit event, actor, subject or inviter, nor its users
        // paged: no title index, and none of the indexes only reports and doctor read (fewer
        // indexes to write). Migration 8's profile form triggers go too: every row here
        // passed the actions' validation, and the server's CHECKs test each row again as
        // it arrives. (Media's form is a CHECK since migration 9, which costs nothing.)
        let mut drop = String::from(
            "DROP TABLE media_fts;
             DROP TRIGGER profiles_check_insert; DROP TRIGGER profiles_check_update;",
        );
        for name in SEARCH_INDEX_TRIGGERS {
            drop.push_str(&format!("DROP TRIGGER {name};"));
        }
        for name in SEED_UNREAD_INDEXES {
            drop.push_str(&format!("DROP INDEX {name};"));
        }
        store.conn.execute_batch(&drop)?;
        Ok(store)
    }

    /// Sends what is left and stops sending rows (the receiver then sees the end); the
    /// tables ([`crate::store::table`]) whose rows were changed or deleted after they were
    /// sent, and the memberships whose role alone changed after they were sent, with their
    /// last role and time (`(id, role, updated_at)`, in no order; their table is not among
    /// the first).
    pub fn close_tap(&mut self) -> Result<(u8, Vec<RoleChange>)> {
        match self.tap.take() {
            Some(tap) => tap.flush().map(|()| {
                let changed = tap.changed.get();
                let members = if changed & crate::store::table::MEMBERS != 0 {
                    Vec::new()
                } else {
                    tap.members_updated
                        .into_inner()
                        .into_iter()
                        .map(|(id, (role, at))| (id, role, at))
                        .collect()
                };
                (changed, members)
            }),
            None => Ok((0, Vec::new())),
        }
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
            if i + 1 == 8 {
                refuse_bad_rows_8(&txn, &self.path)?;
            }
            txn.execute_batch(sql)
                .map_err(|e| Error::internal(format!("migration {} failed: {e}", i + 1)))?;
        }
        txn.pragma_update(None, "application_id", APPLICATION_ID)?;
        txn.pragma_update(None, "user_version", schema::CURRENT)?;
        txn.commit()?;
        Ok(())
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
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        let conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        conn.close().map_err(|(_, e)| Error::from(e))?;
        let shown = self.path.display();
        match std::fs::hard_link(&staged, &self.path) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                // Still the empty file this open found: the new database replaces it.
                // Anything else there now is another process's database.
                let empty = std::fs::symlink_metadata(&self.path)
                    .is_ok_and(|m| m.is_file() && m.len() == 0);
                if !empty {
                    return Ok(Published::Taken);
                }
                std::fs::rename(&staged, &self.path).map_err(|e| {
                    Error::new(
                        crate::error::Kind::Output,
                        format!("cannot create the database {shown}: {e}"),
                    )
                })?;
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
        *self = SqliteStore::open(&path, OpenMode::Existing, self.busy_timeout_ms)?;
        self.created = true;
        Ok(Published::Done)
    }

    /// The files this store keeps open or writes beside the database (its WAL, shared
    /// memory and rollback journal): no output may be written over any of them.
    pub fn own_files(&self) -> Vec<PathBuf> {
        // SQLite names its companions after the database's real path, a symbolic link
        // resolved: protect both spellings.
        let mut bases = vec![self.path.clone()];
        if let Ok(real) = std::fs::canonicalize(&self.path)
            && real != self.path
        {
            bases.push(real);
        }
        let mut files = Vec::new();
        for base in bases {
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let mut p = base.as_os_str().to_owned();
                p.push(suffix);
                files.push(PathBuf::from(p));
            }
        }
        files
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction; commits when it returns Ok.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut tx = SqliteTx::new(&txn, self.search_index, self.tap.as_ref());
            f(&mut tx)?
        };
        txn.commit()?;
        Ok(out)
    }

    /// Runs `f`, a seed, in a `BEGIN IMMEDIATE` transaction; commits when it returns Ok.
    /// Into a database this open created (private until published, discarded on failure),
    /// the indexes no seed reads ([`SEED_UNREAD_INDEXES`]) and the title search index are
    /// built once, at the end, from all the rows, instead of row by row: they are dropped
    /// as the transaction begins and created again, from the very statements the schema
    /// holds, before it commits. Anything else is [`SqliteStore::write`].
    ///
    /// Memory stays flat: the sorts that build the indexes spill to temporary files
    /// (SQLite's, deleted as they are opened) rather than to memory, and take their page
    /// cache's place while they run ([`BULK_CACHE_KIB`], [`BUILD_CACHE_KIB`]).
    pub fn write_created_in_bulk<T>(
        &mut self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        if !self.created || !self.search_index {
            return self.write(f);
        }
        self.conn.pragma_update(None, "temp_store", "FILE")?;
        self.conn
            .pragma_update(None, "cache_size", -BULK_CACHE_KIB)?;
        let out = self.write_deferring_indexes(f).map_err(|e| match e.kind {
            crate::error::Kind::Output => e.hint(
                "a seed into a new file sorts its indexes in the temporary directory \
                 (SQLITE_TMPDIR, else TMPDIR, else /var/tmp or /tmp): it needs free space too",
            ),
            _ => e,
        });
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        self.conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
        out
    }

    fn write_deferring_indexes<T>(
        &mut self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let names = |list: &[&str]| -> rusqlite::vtab::array::Array {
            std::rc::Rc::new(
                list.iter()
                    .map(|n| rusqlite::types::Value::from(n.to_string()))
                    .collect(),
            )
        };
        let deferred = txn
            .prepare(
                "SELECT type, name, sql FROM sqlite_schema \
                 WHERE (type = 'index' AND name IN rarray(?1)) \
                    OR (type = 'trigger' AND name IN rarray(?2)) \
                 ORDER BY rowid",
            )?
            .query_map(
                [names(&SEED_UNREAD_INDEXES), names(&SEARCH_INDEX_TRIGGERS)],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let expected = SEED_UNREAD_INDEXES.len() + SEARCH_INDEX_TRIGGERS.len();
        if deferred.len() != expected {
            return Err(Error::internal(format!(
                "the schema holds {} of the {expected} indexes and triggers a seed builds at its end",
                deferred.len(),
            )));
        }
        let mut drop = String::new();
        for (kind, name, _) in &deferred {
            drop.push_str(&format!("DROP {} {name};", kind.to_uppercase()));
        }
        txn.execute_batch(&drop)?;
        // The title index is left empty while the rows go in (no trigger, no insert: see
        // `media_insert`), and filled from them at the end.
        let out = {
            let mut tx = SqliteTx::new(&txn, false, self.tap.as_ref());
            f(&mut tx)?
        };
        txn.pragma_update(None, "cache_size", -BUILD_CACHE_KIB)?;
        for (_, _, sql) in &deferred {
            txn.execute_batch(sql)?;
        }
        // The title index is filled in rowid order, from the table itself: FTS5 writes its
        // pending terms out as a new segment whenever a rowid goes down, and its own
        // 'rebuild' reads `media` through whichever covering index the planner picks
        // (`media_by_type_title`), out of rowid order, which wrote hundreds of small
        // segments and merged them again: four times as long.
        txn.execute_batch(
            "INSERT INTO media_fts (media_fts) VALUES ('delete-all');
             INSERT INTO media_fts (rowid, title)
                 SELECT rowid, title FROM media NOT INDEXED ORDER BY rowid",
        )?;
        txn.commit()?;
        Ok(out)
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction that is always rolled back.
    pub fn write_rolled_back<T>(
        &mut self,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = {
            let mut tx = SqliteTx::new(&txn, self.search_index, self.tap.as_ref());
            f(&mut tx)
        };
        txn.rollback()?;
        out
    }

    /// Copies the database, page by page with SQLite's online backup, into the empty file
    /// `dest`, from the snapshot of a read transaction in which `f` runs first (the
    /// permission check): what `f` saw is what is copied, however many processes write
    /// meanwhile (WAL readers never block writers, nor wait for them). The copy is
    /// flushed to disk before this returns.
    pub fn backup_into<T>(
        &mut self,
        dest: &Path,
        f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>,
    ) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = {
            let mut tx = SqliteTx::new(&txn, self.search_index, self.tap.as_ref());
            f(&mut tx)?
        };
        let shown = dest.display();
        let mut target = Connection::open_with_flags(
            dest,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| {
            Error::new(
                crate::error::Kind::Output,
                format!("could not write {shown}: {e}"),
            )
        })?;
        // The copy has no readers until it is renamed into place: no journal to write.
        target.pragma_update(None, "journal_mode", "OFF")?;
        // A full disk, a read-only directory: the copy could not be written (74).
        let unwritten = |e: rusqlite::Error| match e.sqlite_error_code() {
            Some(
                rusqlite::ErrorCode::DiskFull
                | rusqlite::ErrorCode::SystemIoFailure
                | rusqlite::ErrorCode::ReadOnly
                | rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::PermissionDenied,
            ) => Error::new(
                crate::error::Kind::Output,
                format!("could not write {shown}: {e}"),
            ),
            _ => Error::from(e),
        };
        {
            let backup = rusqlite::backup::Backup::new(&txn, &mut target).map_err(unwritten)?;
            // Every page in one step, inside the read transaction opened above: one snapshot.
            loop {
                match backup.step(-1).map_err(unwritten)? {
                    rusqlite::backup::StepResult::Done => break,
                    rusqlite::backup::StepResult::More => continue,
                    _ => {
                        return Err(Error::new(
                            crate::error::Kind::Busy,
                            format!(
                                "the backup of {} could not read the database: it is locked",
                                self.path.display()
                            ),
                        )
                        .hint("retry; raise ROSTER_BUSY_TIMEOUT_MS if it persists"));
                    }
                }
            }
        }
        target.close().map_err(|(_, e)| unwritten(e))?;
        txn.commit()?;
        Ok(out)
    }

    /// Runs `f` in a read transaction: one consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&mut SqliteTx<'_>) -> Result<T>) -> Result<T> {
        let txn = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = {
            let mut tx = SqliteTx::new(&txn, self.search_index, self.tap.as_ref());
            f(&mut tx)?
        };
        txn.commit()?;
        Ok(out)
    }
}

/// Refuses a path that cannot be a database (a directory, a device, a FIFO) and, for a
/// missing one, either refuses it ([`OpenMode::Existing`]) or stages the new file.
fn check_path(path: &Path, mode: OpenMode) -> Result<Option<tempfile::TempPath>> {
    let shown = path.display();
    if path.as_os_str().as_encoded_bytes().ends_with(b"/") {
        return Err(Error::unusable(format!(
            "{shown} ends with '/': it names a directory, not a roster database file"
        ))
        .hint("give the path of a database file with --db or ROSTER_DB"));
    }
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(Error::unusable(format!(
            "{shown} is a directory, not a roster database"
        ))
        .hint("give the path of a database file with --db or ROSTER_DB")),
        Ok(meta) if !meta.is_file() => Err(Error::unusable(format!(
            "{shown} is not a regular file ({}), so it cannot be a roster database",
            file_type_name(&meta)
        ))
        .hint("give the path of a database file with --db or ROSTER_DB")),
        // An empty file (`touch roster.db`) is built like a missing one, under a private
        // name, and replaced only when the command commits: a dry run leaves it empty.
        Ok(meta) if meta.len() == 0 && mode == OpenMode::Create => Ok(Some(stage_new_file(path)?)),
        Ok(_) => Ok(None),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if std::fs::symlink_metadata(path).is_ok() {
                // A dangling link: a database created here would not be where it names.
                return Err(Error::no_input(format!(
                    "{shown} is a symbolic link to a file that does not exist"
                ))
                .hint("point --db at the database itself, or remove the link"));
            }
            if mode == OpenMode::Existing {
                return Err(Error::no_input(format!("database not found: {shown}")).hint(
                    "create it with `roster init` (or load data with `roster seed`), or point --db / ROSTER_DB at an existing file",
                ));
            }
            Ok(Some(stage_new_file(path)?))
        }
        Err(e) => Err(Error::no_input(format!(
            "cannot read the database {shown}: {e}"
        ))),
    }
}

/// Opens `file` (the database at `path`, or the staged file that will become it).
fn connect(file: &Path, path: &Path, busy_timeout_ms: u64) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(file, flags).map_err(|e| {
        Error::no_input(format!("cannot open the database {}: {e}", path.display()))
    })?;
    conn.busy_timeout(Duration::from_millis(busy_timeout_ms))?;
    statements(&conn)?;
    Ok(conn)
}

/// How statements are kept: a cache big enough for every query, and plans that do not
/// depend on bound values (with STAT4 compiled in, SQLite would otherwise re-prepare
/// cached statements on every new binding — the "query planner stability guarantee" —
/// which costs more than the query itself).
fn statements(conn: &Connection) -> Result<()> {
    conn.set_prepared_statement_cache_capacity(256);
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

/// Identifies the file before anything could modify it, and returns its schema version:
/// a blank file (to become a database), or roster's at a version this roster knows.
fn identify(conn: &Connection, path: &Path, mode: OpenMode) -> Result<i64> {
    let shown = path.display();
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
        // A failed read has ended the transaction already: its error is the one to
        // report, not the COMMIT's "no transaction is active".
        match read {
            Ok(v) => conn.execute_batch("COMMIT").map(|()| v),
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    })();
    let (app, version, objects) = identity.map_err(|e| {
        let err = Error::from(e);
        if err.kind == crate::error::Kind::Unusable && !err.message.contains("damaged") {
            not_ours("not a SQLite file")
        } else {
            err.context(&shown)
        }
    })?;
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
    Ok(version)
}

/// Refuses (78) to run migration 8 on a database holding rows its triggers would refuse
/// (written by hand or by another program): the migration would succeed and leave them,
/// and every later update of such a row would fail far from its cause.
fn refuse_bad_rows_8(conn: &Connection, path: &Path) -> Result<()> {
    let mut stmt = conn.prepare(schema::BAD_ROWS_8)?;
    let mut total = 0;
    let bad = stmt
        .query_map([], |r| {
            total = r.get(4)?;
            Ok(crate::store::BadRow {
                table: r.get(0)?,
                id: r.get(1)?,
                column: r.get(2)?,
                value: r.get(3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if bad.is_empty() {
        return Ok(());
    }
    Err(crate::store::refuse_migration_8(
        &path.display().to_string(),
        &bad,
        total,
    ))
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
            // The directory exists but cannot be written: an output that cannot be
            // written (74), like a full disk.
            _ => Error::new(
                crate::error::Kind::Output,
                format!(
                    "cannot create the database {}: {}",
                    path.display(),
                    crate::error::io_text(&e)
                ),
            ),
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

impl<'c> SqliteTx<'c> {
    fn new(conn: &'c Connection, search_index: bool, tap: Option<&'c RowTap>) -> Self {
        SqliteTx {
            conn,
            search_index,
            tap,
            audit_head: None,
            roles: Default::default(),
            any_session: Default::default(),
            absent_media: std::cell::RefCell::new(absent::Absent::new("media", 23)),
            absent_members: std::cell::RefCell::new(absent::Absent::new("members", 22)),
            absent_users: std::cell::RefCell::new(absent::Absent::new("users", 22)),
            profiles: Default::default(),
            stmts: Default::default(),
        }
    }

    /// The statement `sql`, prepared once in this transaction and found again by its
    /// text's address: what rusqlite's `prepare_cached` does, without hashing the whole
    /// text twice a use (taken out of its cache and put back), which was a twentieth of
    /// what a seed did beside SQLite. A statement in use when the same one is asked for
    /// again (a nested use) is prepared anew.
    pub(super) fn stmt(&self, sql: &'static str) -> Result<Stmt<'_, 'c>> {
        let key = (sql.as_ptr() as usize, sql.len());
        let found = self.stmts.try_borrow_mut().ok().and_then(|mut cache| {
            let i = cache.iter().position(|(k, _)| *k == key)?;
            Some(cache.swap_remove(i).1)
        });
        let stmt = match found {
            Some(stmt) => stmt,
            None => self.conn.prepare(sql)?,
        };
        Ok(Stmt {
            cache: &self.stmts,
            key,
            stmt: Some(stmt),
        })
    }
}

/// A membership's last role and time: `(id, role, updated_at)`.
pub type RoleChange = (String, String, String);

/// The rows a scratch database passes on as it inserts them, in batches (one hand-over
/// per row would cost more than the row), and whether it ever changed or deleted one
/// (then the rows passed on are not the final ones, but for the audit log's, which is only
/// ever appended to).
pub struct RowTap {
    sender: std::sync::mpsc::SyncSender<Vec<crate::store::Written>>,
    rows: std::cell::RefCell<Vec<crate::store::Written>>,
    changed: std::cell::Cell<u8>,
    /// Memberships whose role changed after they were passed on (a seed converging a
    /// member's role), by id, with the last role and time: the server updates just those
    /// rows, not the whole table.
    members_updated: std::cell::RefCell<std::collections::HashMap<String, (String, String)>>,
}

impl RowTap {
    const BATCH: usize = 4096;

    pub(super) fn push(&self, row: crate::store::Written) -> Result<()> {
        let full = {
            let mut rows = self.rows.borrow_mut();
            rows.push(row);
            rows.len() >= Self::BATCH
        };
        if full { self.flush() } else { Ok(()) }
    }

    /// Rows of these tables were changed or deleted (or may have been).
    pub(super) fn changed(&self, tables: u8) {
        self.changed.set(self.changed.get() | tables);
    }

    fn flush(&self) -> Result<()> {
        let rows = std::mem::take(&mut *self.rows.borrow_mut());
        if rows.is_empty() {
            return Ok(());
        }
        self.sender
            .send(rows)
            .map_err(|_| Error::internal("the row stream to the database server stopped"))
    }
}

/// Reads a JSON text column into a value of type `T`.
fn json_col<T: serde::de::DeserializeOwned>(
    row: &rusqlite::Row<'_>,
    idx: usize,
) -> rusqlite::Result<T> {
    // Parsed where SQLite holds the text: no copy of it first. Either failure names the
    // column, as `row.get` would.
    let failure = |e: Box<dyn std::error::Error + Send + Sync>| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, e)
    };
    let text = row
        .get_ref(idx)?
        .as_str()
        .map_err(|e| failure(Box::new(e)))?;
    serde_json::from_str(text).map_err(|e| failure(Box::new(e)))
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

impl SqliteTx<'_> {
    /// Passes an inserted row on, when a tap listens.
    fn tapped(&self, row: impl FnOnce() -> crate::store::Written) -> Result<()> {
        match self.tap {
            Some(tap) => tap.push(row()),
            None => Ok(()),
        }
    }

    /// Says that rows of these tables ([`crate::store::table`]) were changed or deleted,
    /// when a tap listens.
    fn untapped(&self, tables: u8) {
        if let Some(tap) = self.tap {
            tap.changed(tables);
        }
    }
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
        let store = SqliteStore::open(&path, OpenMode::Create, 1000)?;
        assert!(!path.exists(), "visible before publish");
        drop(store);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));

        let mut store = SqliteStore::open(&path, OpenMode::Create, 1000)?;
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
        let mut first = SqliteStore::open(&path, OpenMode::Create, 1000)?;
        let mut second = SqliteStore::open(&path, OpenMode::Create, 1000)?;
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
