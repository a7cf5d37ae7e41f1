//! The PostgreSQL backend: a server database, through the synchronous `postgres` crate.
//!
//! Why that client: roster is a one-shot command whose actions run inside closure-scoped
//! transactions. `postgres` (the blocking face of `tokio-postgres`) maps onto that one to
//! one — `Client::transaction`, statements prepared once per connection — and keeps its
//! small runtime to itself, so nothing async reaches `actions/`. TLS is rustls (through
//! `tokio-postgres-rustls`), so no system OpenSSL is needed.
//!
//! How the rules of README "Concepts and rules" hold under concurrent writers: every write
//! transaction first takes one transaction-scoped advisory lock of roster's schema
//! (`pg_advisory_xact_lock`), so roster's writers run one at a time, as SQLite's `BEGIN
//! IMMEDIATE` makes them. That is not a simplification but what the audit log needs anyway:
//! every change appends a row chained to the previous one, so the writers of the whole
//! database share one tail. Each statement then runs under READ COMMITTED and sees every
//! transaction committed before the lock was granted: a count-then-write (last owner,
//! member limit, one pending invitation) counts what is really there. A lock not granted
//! within `ROSTER_BUSY_TIMEOUT_MS` (`lock_timeout`) is exit 75. Reads run in a read-only
//! REPEATABLE READ transaction: one snapshot.
//!
//! A schema this open has to create is created inside the command's own write transaction
//! (PostgreSQL's DDL is transactional), so a seed that fails, or a dry run, leaves no
//! empty schema behind.

mod audit;
mod bulk;
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
mod tls;
mod users;

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};
use postgres::types::ToSql;
use postgres::{Client, Row, Statement, Transaction};

use super::location::{PgUrl, TlsMode};
use super::{AuditHead, OpenMode, Published};
use crate::error::{Error, Kind, Result};
use crate::model::{RoleDef, Scope};

pub(crate) type Params<'a> = &'a [&'a (dyn ToSql + Sync)];

/// An open PostgreSQL database (a connection, and roster's schema in it).
pub struct PgStore {
    client: Client,
    url: PgUrl,
    /// Statements prepared on this connection, by their text.
    stmts: RefCell<HashMap<&'static str, Statement>>,
    /// The schema is missing and this open may create it: the next write transaction
    /// does, inside itself.
    pending_create: bool,
    created: bool,
    busy_timeout_ms: u64,
}

/// A transaction on a PostgreSQL database.
pub struct PgTx<'c> {
    txn: RefCell<Transaction<'c>>,
    stmts: &'c RefCell<HashMap<&'static str, Statement>>,
    audit_head: Option<AuditHead>,
    /// Role definitions read in this transaction; any role write empties it.
    roles: RefCell<HashMap<(Scope, String), Option<RoleDef>>>,
    /// Whether any session exists, asked once per transaction.
    any_session: Cell<Option<bool>>,
}

/// What roster's schema in the database is.
enum Found {
    /// No schema of that name, or an empty one (a schema pre-created for roster).
    Blank,
    /// roster's, at this version.
    Roster(i64),
}

impl PgStore {
    pub fn open(url: &PgUrl, mode: OpenMode, busy_timeout_ms: u64) -> Result<PgStore> {
        let mut client = connect(url, busy_timeout_ms)?;
        let schema = &url.schema;
        // One round trip: the session's settings. Times are read and written as UTC, and
        // roster's schema comes first on the search path (then `public`, where extensions
        // such as pg_trgm usually live).
        let lock_timeout = if busy_timeout_ms == 0 {
            // 0 would mean "wait forever" to PostgreSQL; roster's 0 means "never wait",
            // which the write lock does with a try-lock instead.
            1
        } else {
            busy_timeout_ms
        };
        client
            .batch_execute(&format!(
                "SET search_path TO \"{schema}\", public; SET TIME ZONE 'UTC'; \
                 SET lock_timeout = {lock_timeout}; SET client_min_messages = warning"
            ))
            .map_err(|e| Error::from(e).context(url.shown()))?;
        let found = identify(&mut client, url)?;
        let mut store = PgStore {
            client,
            url: url.clone(),
            stmts: RefCell::new(HashMap::new()),
            pending_create: false,
            created: false,
            busy_timeout_ms,
        };
        match found {
            Found::Blank if mode == OpenMode::Existing => {
                return Err(Error::no_input(format!(
                    "no roster database in {}: the schema {schema:?} holds no roster tables",
                    url.shown()
                ))
                .hint("create it with `roster init` (or load data with `roster seed`), or name another schema with ?schema= or ROSTER_PG_SCHEMA"));
            }
            Found::Blank => store.pending_create = true,
            Found::Roster(v) if v < schema::CURRENT => {
                let mut txn = store.client.transaction()?;
                lock(&mut txn, url, busy_timeout_ms)?;
                migrate(&mut txn, url)?;
                txn.commit()?;
            }
            Found::Roster(_) => {}
        }
        Ok(store)
    }

    pub fn schema_version(&mut self) -> Result<i64> {
        if self.pending_create {
            return Ok(0);
        }
        let row = self
            .client
            .query_one("SELECT version FROM roster_schema", &[])?;
        Ok(row.try_get(0)?)
    }

    pub fn created(&self) -> bool {
        self.created
    }

    /// Creates the schema now if this open is to create it (`init`); a no-op otherwise.
    pub fn publish(&mut self) -> Result<Published> {
        if self.pending_create {
            let mut txn = self.client.transaction()?;
            lock(&mut txn, &self.url, self.busy_timeout_ms)?;
            let made = migrate(&mut txn, &self.url)?;
            txn.commit()?;
            self.pending_create = false;
            self.created = made;
        }
        Ok(Published::Done)
    }

    pub fn write<T>(&mut self, f: impl FnOnce(&mut PgTx<'_>) -> Result<T>) -> Result<T> {
        self.run(true, true, f)
    }

    pub fn write_rolled_back<T>(
        &mut self,
        f: impl FnOnce(&mut PgTx<'_>) -> Result<T>,
    ) -> Result<T> {
        self.run(true, false, f)
    }

    /// [`PgStore::write`] (or, without `commit`, [`PgStore::write_rolled_back`]) for a
    /// change of many rows — a seed. Into an empty database, `f` runs against a scratch
    /// SQLite database (a private temporary file, gone when closed, even after kill -9),
    /// whose rows are then streamed into this one with COPY, inside this transaction that
    /// holds the write lock throughout: the same actions, rules and audit rows, without a
    /// network round trip per statement. Into a database that holds anything, `f` runs
    /// here directly, as any command does.
    pub fn write_staged<T>(
        &mut self,
        commit: bool,
        f: impl FnOnce(&mut dyn super::WriteTx) -> Result<T>,
    ) -> Result<T> {
        self.run(true, commit, |pg| {
            if !pg.is_empty()? {
                return f(pg);
            }
            if !commit {
                let mut scratch = super::sqlite::SqliteStore::scratch(None)?;
                return scratch.write_rolled_back(|s| f(s));
            }
            pg.forget_cached();
            let deferred = pg.defer_checks()?;
            // The rows go to the server as the scratch database inserts them, on a thread of
            // their own. Should the seed change or delete a row after inserting it, the
            // streamed tables (but the audit log, only ever appended to) are emptied and
            // loaded again from their final state.
            let (sender, rows) = std::sync::mpsc::sync_channel(8);
            let mut scratch = super::sqlite::SqliteStore::scratch(Some(sender))?;
            let txn = pg.txn.get_mut();
            let out = std::thread::scope(|s| {
                let streamer = s.spawn(move || bulk::stream_rows(txn, rows));
                let applied = scratch.write(|st| f(st));
                let closed = scratch.close_tap();
                let applied = applied.and_then(|out| closed.map(|changed| (out, changed)));
                let streamed = streamer
                    .join()
                    .unwrap_or_else(|_| Err(Error::internal("the audit stream stopped")));
                // The stream's own failure explains a seed that stopped for it.
                match (applied, streamed) {
                    (Ok(out), Ok(_)) => Ok(out),
                    (Err(e), Ok(_)) => Err(e),
                    (_, Err(e)) => Err(e),
                }
            })?;
            let (out, (changed, members)) = out;
            // Tables whose rows changed after they were streamed are loaded again whole;
            // memberships whose role alone changed get their last role.
            pg.truncate(changed)?;
            scratch.read(|s| pg.load_rows(s, bulk::Load::Tables(changed)))?;
            pg.set_member_roles(&members)?;
            pg.restore_checks(&deferred)?;
            Ok(out)
        })
    }

    pub fn read<T>(&mut self, f: impl FnOnce(&mut PgTx<'_>) -> Result<T>) -> Result<T> {
        if self.pending_create {
            // A command that may create the database but only reads (a seed looking up
            // its users' password hashes before a dry run): an empty roster schema is what
            // it reads, made inside this transaction and rolled back with it, as a read
            // never puts SQLite's staged file in place. A dry run leaves no schema behind.
            return self.run(true, false, f);
        }
        self.run(false, true, f)
    }

    fn run<T>(
        &mut self,
        write: bool,
        commit: bool,
        f: impl FnOnce(&mut PgTx<'_>) -> Result<T>,
    ) -> Result<T> {
        let PgStore {
            client,
            url,
            stmts,
            pending_create,
            busy_timeout_ms,
            created,
        } = self;
        let mut txn = if write {
            let mut txn = client.transaction()?;
            lock(&mut txn, url, *busy_timeout_ms)?;
            txn
        } else {
            client
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()?
        };
        let creating = write && *pending_create;
        if creating {
            migrate(&mut txn, url)?;
        }
        let mut tx = PgTx {
            txn: RefCell::new(txn),
            stmts,
            audit_head: None,
            roles: RefCell::new(HashMap::new()),
            any_session: Cell::new(None),
        };
        let out = f(&mut tx);
        let txn = tx.txn.into_inner();
        match (out, commit) {
            (Ok(v), true) => {
                txn.commit()?;
                if creating {
                    *pending_create = false;
                    *created = true;
                }
                Ok(v)
            }
            (out, _) => {
                let _ = txn.rollback();
                if creating {
                    // The statements were prepared against tables that are gone again.
                    stmts.borrow_mut().clear();
                }
                out
            }
        }
    }
}

/// Connects, mapping what can go wrong to exit codes that say what to do: an unreachable
/// server is 75 (retry), a wrong password 77, a missing database 66. The password is never
/// in a message.
fn connect(url: &PgUrl, busy_timeout_ms: u64) -> Result<Client> {
    connect_within(
        url,
        Duration::from_millis(busy_timeout_ms.clamp(1000, 30_000)),
    )
}

/// [`connect`], waiting at most `timeout` for the server unless the URL sets its own
/// `connect_timeout`.
fn connect_within(url: &PgUrl, timeout: Duration) -> Result<Client> {
    let mut config: postgres::Config = url.driver.parse().map_err(|e: postgres::Error| {
        Error::usage(format!(
            "--db {}: {}",
            url.shown(),
            super::location::mask(&e.to_string())
        ))
    })?;
    if let Some(pw) = &url.password {
        config.password(pw);
    }
    if config.get_application_name().is_none() {
        config.application_name("roster");
    }
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(timeout);
    }
    let where_ = server_name(&config);
    let result = match url.tls {
        TlsMode::Disable => {
            config.ssl_mode(postgres::config::SslMode::Disable);
            config.connect(postgres::NoTls)
        }
        mode => {
            config.ssl_mode(if mode == TlsMode::Prefer {
                postgres::config::SslMode::Prefer
            } else {
                postgres::config::SslMode::Require
            });
            config.connect(tls::connector(mode, url.root_cert.as_deref())?)
        }
    };
    result.map_err(|e| error::connect_error(&e, &where_, url))
}

/// The server a configuration points at, for messages: `host:port` or the socket
/// directory.
fn server_name(config: &postgres::Config) -> String {
    use postgres::config::Host;
    let port = config.get_ports().first().copied().unwrap_or(5432);
    match config.get_hosts().first() {
        Some(Host::Tcp(h)) => format!("{h}:{port}"),
        #[cfg(unix)]
        Some(Host::Unix(p)) => format!("{} (socket, port {port})", p.display()),
        None => format!("localhost:{port}"),
    }
}

/// The advisory lock every roster write of this schema takes first: its key is the
/// 64-bit FNV-1a hash of `roster:` and the schema name (the same in every roster version,
/// so that two versions never write at once either).
pub(crate) fn lock_key(schema: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in "roster:".bytes().chain(schema.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h as i64
}

fn lock(txn: &mut Transaction<'_>, url: &PgUrl, busy_timeout_ms: u64) -> Result<()> {
    let key = lock_key(&url.schema);
    if busy_timeout_ms == 0 {
        let row = txn.query_one("SELECT pg_try_advisory_xact_lock($1)", &[&key])?;
        if !row.try_get::<_, bool>(0)? {
            return Err(error::busy());
        }
    } else {
        txn.execute("SELECT pg_advisory_xact_lock($1)", &[&key])?;
    }
    Ok(())
}

/// What the schema named by the URL is: missing or empty, roster's (at a version this
/// roster knows), or something else (78, untouched).
fn identify(client: &mut Client, url: &PgUrl) -> Result<Found> {
    let schema = &url.schema;
    let row = client
        .query_one(
            "WITH s AS (SELECT oid FROM pg_namespace WHERE nspname = $1)
             SELECT EXISTS (SELECT 1 FROM s),
                    (SELECT count(*) FROM pg_class WHERE relnamespace IN (SELECT oid FROM s))
                    + (SELECT count(*) FROM pg_proc WHERE pronamespace IN (SELECT oid FROM s))
                    + (SELECT count(*) FROM pg_type WHERE typnamespace IN (SELECT oid FROM s) AND typrelid = 0)
                    + (SELECT count(*) FROM pg_collation WHERE collnamespace IN (SELECT oid FROM s))
                    + (SELECT count(*) FROM pg_operator WHERE oprnamespace IN (SELECT oid FROM s))
                    + (SELECT count(*) FROM pg_conversion WHERE connamespace IN (SELECT oid FROM s)),
                    to_regclass(quote_ident($1) || '.roster_schema') IS NOT NULL",
            &[schema],
        )
        .map_err(|e| Error::from(e).context(url.shown()))?;
    let exists: bool = row.try_get(0)?;
    let objects: i64 = row.try_get(1)?;
    let marked: bool = row.try_get(2)?;
    let not_ours = || {
        Error::unusable(format!(
            "the schema {schema:?} of {} is not roster's: it holds objects of its own and no roster marker",
            url.shown()
        ))
        .hint("name another schema with ?schema=NAME in the URL or ROSTER_PG_SCHEMA; this one has not been modified")
    };
    if !exists || (objects == 0 && !marked) {
        return Ok(Found::Blank);
    }
    if !marked {
        return Err(not_ours());
    }
    let row = client
        .query_opt(
            &format!("SELECT version FROM \"{schema}\".roster_schema WHERE marker = 'roster'"),
            &[],
        )
        .map_err(|e| Error::from(e).context(url.shown()))?;
    let Some(row) = row else {
        return Err(not_ours());
    };
    let version: i64 = row.try_get(0)?;
    if version > schema::CURRENT {
        return Err(Error::unusable(format!(
            "{} was written by a newer roster (schema version {version}; this roster knows up to {})",
            url.shown(),
            schema::CURRENT
        ))
        .hint("upgrade roster to open this database; it has not been modified"));
    }
    if version < schema::BASE {
        return Err(Error::unusable(format!(
            "the schema {schema:?} of {} has roster's marker with schema version {version}, which no roster writes on PostgreSQL (they start at {})",
            url.shown(),
            schema::BASE
        ))
        .hint("restore the marker row (UPDATE roster_schema SET version = …) from a backup, or name another schema; this one has not been modified"));
    }
    Ok(Found::Roster(version))
}

/// Brings the schema to [`schema::CURRENT`] inside `txn`, which holds the write lock: the
/// state is read again first, since another process may have migrated meanwhile. True when
/// this call created the schema.
fn migrate(txn: &mut Transaction<'_>, url: &PgUrl) -> Result<bool> {
    let schema = &url.schema;
    let shown = url.shown();
    let ctx = |e: postgres::Error| Error::from(e).context(shown);
    let row = txn
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1),
                    to_regclass(quote_ident($1) || '.roster_schema') IS NOT NULL",
            &[schema],
        )
        .map_err(ctx)?;
    let exists: bool = row.try_get(0)?;
    let marked: bool = row.try_get(1)?;
    let mut version = schema::BASE - 1;
    let creating = !marked;
    if !exists {
        txn.batch_execute(&format!("CREATE SCHEMA \"{schema}\""))
            .map_err(|e| {
                let err = Error::from(e);
                if err.kind == Kind::Denied {
                    err.hint(format!(
                        "roster needs CREATE on the database to make its schema; or have an administrator run CREATE SCHEMA {schema} AUTHORIZATION <this user>"
                    ))
                } else {
                    err
                }
            })?;
    } else if marked {
        let row = txn
            .query_one("SELECT version FROM roster_schema", &[])
            .map_err(ctx)?;
        version = row.try_get(0)?;
    }
    if version >= schema::CURRENT {
        return Ok(false);
    }
    let fold = fold_collation(txn)?;
    for (i, sql) in schema::MIGRATIONS.iter().enumerate() {
        let v = schema::BASE + i as i64;
        if v <= version {
            continue;
        }
        if v == 8 {
            refuse_bad_rows_8(txn, url)?;
        }
        txn.batch_execute(&sql.replace("{fold}", &fold))
            .map_err(|e| {
                Error::internal(format!("migration {v} failed: {}", error::describe(&e)))
            })?;
    }
    if let Some(trgm) = trigram_schema(txn)? {
        txn.batch_execute(&schema::TRGM_INDEX.replace("{trgm}", &format!("\"{trgm}\"")))?;
    }
    txn.execute(
        "UPDATE roster_schema SET version = $1, updated_at = now()",
        &[&schema::CURRENT],
    )?;
    Ok(creating)
}

/// Refuses (78) to run migration 8 on a schema holding rows its CHECKs would refuse, naming
/// them (the failed `ALTER TABLE … ADD CONSTRAINT` would name only the constraint).
fn refuse_bad_rows_8(txn: &mut Transaction<'_>, url: &PgUrl) -> Result<()> {
    let rows = txn.query(schema::BAD_ROWS_8, &[])?;
    let mut total = 0;
    let mut bad = Vec::new();
    for r in &rows {
        total = r.try_get(4)?;
        bad.push(crate::store::BadRow {
            table: r.try_get(0)?,
            id: r.try_get(1)?,
            column: r.try_get(2)?,
            value: r.try_get(3)?,
        });
    }
    if bad.is_empty() {
        return Ok(());
    }
    Err(crate::store::refuse_migration_8(url.shown(), &bad, total))
}

/// The collation title search lower-cases under: ICU's root locale when the server has ICU
/// (its full case mapping is the one Rust's `to_lowercase` uses), else libc's `C.UTF-8`,
/// else the database's default.
fn fold_collation(txn: &mut Transaction<'_>) -> Result<String> {
    let row = txn.query_opt(
        "SELECT collname FROM pg_collation
          WHERE collname IN ('und-x-icu', 'C.utf8', 'C.UTF-8')
            AND collencoding IN (-1, pg_char_to_encoding(current_setting('server_encoding')))
          ORDER BY collname = 'und-x-icu' DESC, collname LIMIT 1",
        &[],
    )?;
    Ok(match row {
        Some(r) => format!("pg_catalog.\"{}\"", r.try_get::<_, String>(0)?),
        None => "pg_catalog.\"default\"".to_string(),
    })
}

/// The schema holding `pg_trgm`, creating the extension when it is missing and this user
/// may (in a savepoint: a refusal leaves the migration standing). None: search scans.
/// An extension is one per database, not per schema: it is created in `public` (never in
/// roster's schema, whose removal would take it from every other), under a lock of the
/// whole database so that two rosters migrating two schemas do not both create it.
fn trigram_schema(txn: &mut Transaction<'_>) -> Result<Option<String>> {
    txn.execute(
        "SELECT pg_advisory_xact_lock($1)",
        &[&lock_key("extension pg_trgm")],
    )?;
    let find = "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
                 WHERE e.extname = 'pg_trgm'";
    if let Some(r) = txn.query_opt(find, &[])? {
        return Ok(Some(r.try_get(0)?));
    }
    let available = txn
        .query_opt(
            "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'",
            &[],
        )?
        .is_some();
    if !available {
        return Ok(None);
    }
    let mut sp = txn.savepoint("trgm")?;
    match sp.batch_execute("CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public") {
        Ok(()) => {
            sp.commit()?;
        }
        Err(_) => {
            sp.rollback()?;
            return Ok(None);
        }
    }
    Ok(txn.query_opt(find, &[])?.map(|r| r.get(0)))
}

impl<'c> PgTx<'c> {
    /// Drops what this transaction remembers of the tables (role definitions, whether a
    /// session exists, the audit head): for a bulk load, which writes past them.
    fn forget_cached(&mut self) {
        self.roles.borrow_mut().clear();
        self.any_session.set(None);
        self.audit_head = None;
    }

    /// No row in any of roster's tables but the built-in roles.
    fn is_empty(&self) -> Result<bool> {
        self.one(
            "SELECT NOT EXISTS (SELECT 1 FROM users) AND NOT EXISTS (SELECT 1 FROM profiles)
                AND NOT EXISTS (SELECT 1 FROM members) AND NOT EXISTS (SELECT 1 FROM invitations)
                AND NOT EXISTS (SELECT 1 FROM media) AND NOT EXISTS (SELECT 1 FROM sessions)
                AND NOT EXISTS (SELECT 1 FROM audit) AND NOT EXISTS (SELECT 1 FROM roles WHERE NOT builtin)",
            &[],
        )?
        .flag(0)
    }

    /// The prepared statement of `sql`, preparing it on first use on this connection.
    fn stmt(&self, sql: &'static str) -> Result<Statement> {
        if let Some(s) = self.stmts.borrow().get(sql) {
            return Ok(s.clone());
        }
        let s = self.txn.borrow_mut().prepare(sql)?;
        self.stmts.borrow_mut().insert(sql, s.clone());
        Ok(s)
    }

    /// Every row of a prepared query.
    fn query(&self, sql: &'static str, params: Params<'_>) -> Result<Vec<Row>> {
        let s = self.stmt(sql)?;
        Ok(self.txn.borrow_mut().query(&s, params)?)
    }

    /// The first row of a prepared query, if any.
    fn opt(&self, sql: &'static str, params: Params<'_>) -> Result<Option<Row>> {
        let s = self.stmt(sql)?;
        Ok(self.txn.borrow_mut().query_opt(&s, params)?)
    }

    /// The one row of a prepared query.
    fn one(&self, sql: &'static str, params: Params<'_>) -> Result<Row> {
        let s = self.stmt(sql)?;
        Ok(self.txn.borrow_mut().query_one(&s, params)?)
    }

    /// Runs a prepared statement; the number of rows it changed.
    fn exec(&self, sql: &'static str, params: Params<'_>) -> Result<u64> {
        let s = self.stmt(sql)?;
        Ok(self.txn.borrow_mut().execute(&s, params)?)
    }

    /// Every row of a query built at run time (not cached).
    fn query_dyn(&self, sql: &str, params: Params<'_>) -> Result<Vec<Row>> {
        Ok(self.txn.borrow_mut().query(sql, params)?)
    }

    /// Visits the rows of a prepared query as they arrive, without loading them all; stops
    /// when `visit` says so. The rows come through a cursor (a portal) in batches.
    fn each(
        &self,
        sql: &'static str,
        params: Params<'_>,
        visit: &mut dyn FnMut(&Row) -> Result<bool>,
    ) -> Result<()> {
        let s = self.stmt(sql)?;
        let mut txn = self.txn.borrow_mut();
        let portal = txn.bind(&s, params)?;
        loop {
            let rows = txn.query_portal(&portal, 1000)?;
            if rows.is_empty() {
                return Ok(());
            }
            for row in &rows {
                if !visit(row)? {
                    return Ok(());
                }
            }
        }
    }
}

/// A stored timestamp, as roster writes it (RFC 3339 UTC with milliseconds) to a
/// `timestamptz` parameter.
pub(crate) fn ts(s: &str) -> Result<DateTime<Utc>> {
    crate::model::parse_timestamp(s)
        .ok_or_else(|| Error::internal(format!("not an RFC 3339 timestamp: {s:?}")))
}

pub(crate) fn ts_opt(s: &Option<String>) -> Result<Option<DateTime<Utc>>> {
    s.as_deref().map(ts).transpose()
}

/// Typed reads of a row's columns; a value of the wrong type is a bug (70).
pub(crate) trait Get {
    fn text(&self, i: usize) -> Result<String>;
    fn text_opt(&self, i: usize) -> Result<Option<String>>;
    fn int(&self, i: usize) -> Result<i64>;
    fn int_opt(&self, i: usize) -> Result<Option<i64>>;
    fn flag(&self, i: usize) -> Result<bool>;
    /// A `timestamptz`, as RFC 3339 UTC with milliseconds.
    fn time(&self, i: usize) -> Result<String>;
    fn time_opt(&self, i: usize) -> Result<Option<String>>;
    /// A `json` or `jsonb` column, decoded.
    fn json<T: serde::de::DeserializeOwned>(&self, i: usize) -> Result<T>;
}

impl Get for Row {
    fn text(&self, i: usize) -> Result<String> {
        Ok(self.try_get(i)?)
    }
    fn text_opt(&self, i: usize) -> Result<Option<String>> {
        Ok(self.try_get(i)?)
    }
    fn int(&self, i: usize) -> Result<i64> {
        Ok(self.try_get(i)?)
    }
    fn int_opt(&self, i: usize) -> Result<Option<i64>> {
        Ok(self.try_get(i)?)
    }
    fn flag(&self, i: usize) -> Result<bool> {
        Ok(self.try_get(i)?)
    }
    fn time(&self, i: usize) -> Result<String> {
        Ok(crate::model::timestamp(
            self.try_get::<_, DateTime<Utc>>(i)?,
        ))
    }
    fn time_opt(&self, i: usize) -> Result<Option<String>> {
        Ok(self
            .try_get::<_, Option<DateTime<Utc>>>(i)?
            .map(crate::model::timestamp))
    }
    fn json<T: serde::de::DeserializeOwned>(&self, i: usize) -> Result<T> {
        let postgres::types::Json(v) = self.try_get::<_, postgres::types::Json<T>>(i)?;
        Ok(v)
    }
}

/// A value as a `json`/`jsonb` parameter.
pub(crate) fn json<T: serde::Serialize>(v: &T) -> postgres::types::Json<&T> {
    postgres::types::Json(v)
}
