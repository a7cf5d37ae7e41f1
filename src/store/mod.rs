//! The only module that speaks SQL (README "Storage: the schema is a contract").
//!
//! The actions see two things: [`Store`], an open database that runs closures in
//! transactions, and [`Tx`], the transaction those closures get. `Tx` dereferences to
//! [`traits::WriteTx`], the narrow interface of [`traits`] — one pair of traits per record
//! family, reads and writes — so actions call `tx.user_by_id(…)` without knowing which
//! backend answers. Each backend lives in its own folder (`sqlite/`) with its open, schema,
//! migrations, queries and the mapping of its errors to kinds; nothing outside `store/`
//! names a driver. What is not SQL stays above: the audit chain's arithmetic is in
//! [`crate::audit_chain`], the rules in [`crate::actions`].

pub mod location;
pub mod names;
mod postgres;
mod sqlite;
pub mod traits;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::audit_chain::AuditKey;
use crate::error::{Error, Kind, Result};
use crate::model::{MediaType, Role};
pub use location::{Location, PgEnv};
use postgres::PgStore;
use sqlite::SqliteStore;
pub use sqlite::alloc::{choose_pages, use_mimalloc as sqlite_uses_mimalloc};
pub use sqlite::schema;
pub use traits::{ReadTx, WriteTx};

/// `application_id` marking a SQLite file as roster's: "RSTR".
pub const APPLICATION_ID: i64 = sqlite::APPLICATION_ID;

/// Default busy timeout; `ROSTER_BUSY_TIMEOUT_MS` overrides it (read by the CLI).
pub const DEFAULT_BUSY_TIMEOUT_MS: u64 = 5000;

/// The longest busy timeout accepted (SQLite's argument is a C `int` of milliseconds).
pub const MAX_BUSY_TIMEOUT_MS: u64 = i32::MAX as u64;

/// Whether a command may create the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Commands that only read: a missing database is refused with exit 66.
    Existing,
    /// Commands that write, `init` and `seed`: a missing database is created (mode 0600).
    Create,
}

/// What [`Store::publish`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Published {
    /// The database is in place (or was already: this open did not create it).
    Done,
    /// Another process created a database at the same place first; this one was discarded.
    Taken,
}

/// The open database of one backend (one per process: the size of the variants does not
/// matter).
#[allow(clippy::large_enum_variant)]
enum Backend {
    Sqlite(SqliteStore),
    Postgres(PgStore),
}

/// An open database of any backend.
pub struct Store {
    backend: Backend,
    /// The audit key new rows are keyed with and keyed rows are verified with (the CLI
    /// reads `ROSTER_AUDIT_KEY_FILE`; the store only holds the key).
    audit_key: Option<Arc<AuditKey>>,
    /// The writes to come are many rows (a seed): a backend may load them in bulk.
    bulk: bool,
}

/// A transaction: every family's reads and writes (through `Deref` to [`WriteTx`]), and
/// the audit key the chain is computed with.
pub struct Tx<'c> {
    inner: &'c mut (dyn WriteTx + 'c),
    audit_key: Option<&'c AuditKey>,
}

impl<'c> Tx<'c> {
    fn new(inner: &'c mut (dyn WriteTx + 'c), audit_key: Option<&'c AuditKey>) -> Self {
        Tx { inner, audit_key }
    }

    /// The audit key of this store, if one is configured.
    pub fn audit_key(&self) -> Option<&'c AuditKey> {
        self.audit_key
    }
}

impl<'c> std::ops::Deref for Tx<'c> {
    type Target = dyn WriteTx + 'c;
    fn deref(&self) -> &Self::Target {
        &*self.inner
    }
}

impl std::ops::DerefMut for Tx<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut *self.inner
    }
}

impl Store {
    /// Opens (or, with [`OpenMode::Create`], prepares to create) the SQLite database at
    /// `path`.
    pub fn open(path: &Path, mode: OpenMode, busy_timeout_ms: u64) -> Result<Store> {
        Self::open_at(&Location::File(path.to_path_buf()), mode, busy_timeout_ms)
    }

    /// Opens (or, with [`OpenMode::Create`], prepares to create) the database `at`, of
    /// either backend.
    pub fn open_at(at: &Location, mode: OpenMode, busy_timeout_ms: u64) -> Result<Store> {
        let backend = match at {
            Location::File(path) => {
                Backend::Sqlite(SqliteStore::open(path, mode, busy_timeout_ms)?)
            }
            Location::Postgres(url) => {
                Backend::Postgres(PgStore::open(url, mode, busy_timeout_ms)?)
            }
        };
        Ok(Store {
            backend,
            audit_key: None,
            bulk: false,
        })
    }

    /// Which backend this is, for messages: `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match &self.backend {
            Backend::Sqlite(_) => "sqlite",
            Backend::Postgres(_) => "postgres",
        }
    }

    /// Keys the audit rows this store writes, and verifies keyed rows, with `key`.
    pub fn with_audit_key(mut self, key: Option<Arc<AuditKey>>) -> Store {
        self.audit_key = key;
        self
    }

    /// Says that the writes to come carry many rows (a seed), so that a backend may load
    /// them in bulk (PostgreSQL, into an empty database: see `PgStore::write_staged`).
    /// What is written is the same either way.
    pub fn expect_many_rows(&mut self) {
        self.bulk = true;
    }

    /// The schema version of the open database.
    pub fn schema_version(&mut self) -> Result<i64> {
        match &mut self.backend {
            Backend::Sqlite(b) => b.schema_version(),
            Backend::Postgres(b) => b.schema_version(),
        }
    }

    /// True when this open created the database.
    pub fn created(&self) -> bool {
        match &self.backend {
            Backend::Sqlite(b) => b.created(),
            Backend::Postgres(b) => b.created(),
        }
    }

    /// Puts a database this open created in place (see the backend's `publish`); a no-op
    /// for one that already existed.
    pub fn publish(&mut self) -> Result<Published> {
        match &mut self.backend {
            Backend::Sqlite(b) => b.publish(),
            Backend::Postgres(b) => b.publish(),
        }
    }

    /// The files this store keeps open or writes beside the database: no output may be
    /// written over any of them.
    pub fn own_files(&self) -> Vec<PathBuf> {
        match &self.backend {
            Backend::Sqlite(b) => b.own_files(),
            Backend::Postgres(_) => Vec::new(),
        }
    }

    /// Runs `f` in a write transaction; commits when it returns Ok. A database this open
    /// created is then put in place ([`Store::publish`]); should another process have
    /// created one at the same place meanwhile, this change is discarded and the command is
    /// told to run again (75).
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let out = self.write_unpublished(f)?;
        match self.publish()? {
            Published::Done => Ok(out),
            Published::Taken => Err(Error::new(
                Kind::Busy,
                "another roster created the database at the same moment; this change was not applied",
            )
            .hint("run the command again")),
        }
    }

    /// [`Store::write`] without putting a new database in place: for a caller that
    /// handles [`Published::Taken`] itself (a seed applies itself again to the other
    /// database).
    pub fn write_unpublished<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let key = self.audit_key.as_deref();
        match &mut self.backend {
            Backend::Sqlite(b) if self.bulk => {
                b.write_created_in_bulk(|inner| f(&mut Tx::new(inner, key)))
            }
            Backend::Sqlite(b) => b.write(|inner| f(&mut Tx::new(inner, key))),
            Backend::Postgres(b) if self.bulk => {
                b.write_staged(true, |inner| f(&mut Tx::new(inner, key)))
            }
            Backend::Postgres(b) => b.write(|inner| f(&mut Tx::new(inner, key))),
        }
    }

    /// Runs `f` in a write transaction that is always rolled back.
    pub fn write_rolled_back<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let key = self.audit_key.as_deref();
        match &mut self.backend {
            Backend::Sqlite(b) => b.write_rolled_back(|inner| f(&mut Tx::new(inner, key))),
            Backend::Postgres(b) if self.bulk => {
                b.write_staged(false, |inner| f(&mut Tx::new(inner, key)))
            }
            Backend::Postgres(b) => b.write_rolled_back(|inner| f(&mut Tx::new(inner, key))),
        }
    }

    /// Runs `f` in a read transaction: one consistent snapshot.
    /// Copies a SQLite database into the empty file `dest` with SQLite's online backup,
    /// from the snapshot in which `f` (the permission check) runs. PostgreSQL has its own
    /// tools: a usage error (2) names them.
    pub fn backup_into<T>(
        &mut self,
        dest: &Path,
        f: impl FnOnce(&mut Tx<'_>) -> Result<T>,
    ) -> Result<T> {
        let key = self.audit_key.as_deref();
        match &mut self.backend {
            Backend::Sqlite(b) => b.backup_into(dest, |inner| f(&mut Tx::new(inner, key))),
            Backend::Postgres(_) => Err(postgres_backup("roster")),
        }
    }

    pub fn read<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let key = self.audit_key.as_deref();
        match &mut self.backend {
            Backend::Sqlite(b) => b.read(|inner| f(&mut Tx::new(inner, key))),
            Backend::Postgres(b) => b.read(|inner| f(&mut Tx::new(inner, key))),
        }
    }
}

/// `roster backup` on PostgreSQL: the server's own tools, or `roster copy`.
pub fn postgres_backup(schema: &str) -> Error {
    Error::usage("roster backup copies a SQLite database; this one is on a PostgreSQL server")
        .hint(format!("use the server's own `pg_dump --schema={schema} DBNAME > roster.sql`, or `roster copy --to roster-backup.db` for a SQLite copy with every row and the audit log"))
}

/// A stored row that breaks a form a migration is about to enforce (migration 8's slugs,
/// colours and infohashes): found before the migration runs, by each backend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BadRow {
    pub table: String,
    pub id: String,
    pub column: String,
    pub value: Option<String>,
}

/// What each form of migration 8 is, for the refusal (the triggers and constraints say the
/// same): `(table, column, form)`.
const FORMS_8: &[(&str, &str, &str)] = &[
    (
        "profiles",
        "slug",
        "lower-case letters and digits in words joined by single hyphens, at most 64 characters",
    ),
    ("profiles", "color", "#RRGGBB, six upper-case hex digits"),
    ("media", "infohash", "40 or 64 lower-case hex digits"),
];

/// The refusal (78) of a database whose rows break migration 8's forms: the first rows
/// named (`bad`, a few of `total`), and how to go on. The migration has not run: nothing
/// was changed, and the database stays at its version, readable by the roster that wrote it.
pub(crate) fn refuse_migration_8(shown: &str, bad: &[BadRow], total: i64) -> Error {
    let rows: Vec<String> = bad
        .iter()
        .map(|b| {
            let form = FORMS_8
                .iter()
                .find(|(t, c, _)| *t == b.table && *c == b.column)
                .map_or("", |f| f.2);
            let value = match &b.value {
                Some(v) => format!("{v:?}"),
                None => "null".into(),
            };
            format!(
                "{} row {:?}: {} {value} is not {form}",
                b.table, b.id, b.column
            )
        })
        .collect();
    let more = total - bad.len() as i64;
    let mut message = format!(
        "cannot upgrade {shown} to schema version 8: {total} row{} break{} the forms it enforces\n  {}",
        if total == 1 { "" } else { "s" },
        if total == 1 { "s" } else { "" },
        rows.join("\n  ")
    );
    if more > 0 {
        message.push_str(&format!("\n  and {more} more"));
    }
    let example = bad.first().map_or(String::new(), |b| {
        format!(
            " (UPDATE {} SET {} = … WHERE id = '{}')",
            b.table,
            b.column,
            b.id.replace('\'', "''")
        )
    });
    Error::unusable(message).hint(format!(
        "nothing was changed; correct those rows{example} with the roster that wrote them or another SQL client, then run roster again (README \"Storage\": migration 8)"
    ))
}

/// A row a scratch database wrote, passed on as it was written (see
/// `PgStore::write_staged`).
#[derive(Debug, Clone)]
pub(crate) enum Written {
    User(crate::model::User),
    Profile(crate::model::Profile),
    Member(crate::model::Member),
    Invitation(crate::model::Invitation),
    Outbox(crate::model::OutboxMessage),
    Media(crate::model::Media),
    /// A session and its token hash.
    Session(crate::model::Session, String),
    Audit(crate::model::AuditEntry),
}

/// roster's tables (but roles and the audit log) as bits of a set: which tables a scratch
/// database changed rows of after passing them on.
pub(crate) mod table {
    pub const USERS: u8 = 1;
    pub const PROFILES: u8 = 2;
    pub const MEMBERS: u8 = 4;
    pub const INVITATIONS: u8 = 8;
    pub const MEDIA: u8 = 16;
    pub const SESSIONS: u8 = 32;
    pub const OUTBOX: u8 = 64;
}

/// The last row of the audit log, which the next one chains to.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditHead {
    pub row: crate::model::AuditEntry,
    /// The row was inserted by this transaction (not read from the database).
    pub written_here: bool,
}
/// Filters of `roster audit`.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub actor: Option<String>,
    pub event: Option<String>,
    /// Rows at or after this time.
    pub since: Option<String>,
    /// Rows before this time.
    pub until: Option<String>,
    /// Rows about one of these subjects, as stored (`subject = ?`, which the
    /// `audit_by_subject (subject, seq)` index serves).
    pub subjects: Option<Vec<String>>,
    /// Rows about a profile: see [`AuditProfile`].
    pub profile: Option<AuditProfile>,
    /// The most recent N rows (still printed oldest first).
    pub limit: Option<i64>,
}

/// `audit --profile`: rows whose subject is the profile (`id`), or whose data names it,
/// by id (`profile_id`: media) or by slug (`profile`: memberships, invitations, a transfer;
/// `active_profile`: sessions), as the rows record them.
#[derive(Debug, Clone, Default)]
pub struct AuditProfile {
    pub id: String,
    pub slug: String,
}

impl AuditProfile {
    /// The SQL condition, the same on both backends but for how a key of `data` is read
    /// (`field("profile")`) and the placeholders of the id and the slug.
    pub fn sql(field: impl Fn(&str) -> String, id: &str, slug: &str) -> String {
        format!(
            "(subject = {id} OR {} = {id} OR {} = {slug} OR {} = {slug})",
            field("profile_id"),
            field("profile"),
            field("active_profile"),
        )
    }
}

/// What the ids given to [`traits::AuditReads::audit_labels`] are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LabelKind {
    /// A user: their email, else username, else phone, else id.
    User,
    /// A profile: its slug.
    Profile,
    /// A membership: `slug: email` (the user as [`LabelKind::User`]).
    Member,
    /// A media item: `slug: title`.
    Media,
}

impl LabelKind {
    /// `SELECT id, label FROM ... WHERE <id column>`, the same on both backends; each
    /// appends its own `IN (...)` or `= ANY($1)`.
    pub fn sql(self) -> &'static str {
        match self {
            LabelKind::User => {
                "SELECT id, COALESCE(email, username, phone, id) FROM users WHERE id"
            }
            LabelKind::Profile => "SELECT id, slug FROM profiles WHERE id",
            LabelKind::Member => {
                "SELECT m.id, p.slug || ': ' || COALESCE(u.email, u.username, u.phone, u.id) \
                 FROM members m JOIN profiles p ON p.id = m.profile_id \
                 JOIN users u ON u.id = m.user_id WHERE m.id"
            }
            LabelKind::Media => {
                "SELECT m.id, p.slug || ': ' || m.title FROM media m \
                 JOIN profiles p ON p.id = m.profile_id WHERE m.id"
            }
        }
    }
}

/// How a title search is answered (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchPlan {
    Index,
    Scan,
}

/// The key by which an item is found again within its profile (README "Storage: the schema is a contract"; the choices
/// for episodes are in the README, "Media").
#[derive(Debug, Clone, PartialEq)]
pub enum MediaKey<'a> {
    /// `(type, tmdb_id)`.
    Tmdb { kind: MediaType, tmdb_id: i64 },
    /// An episode's place in its show: `(parent, season, episode)`.
    Episode {
        parent_id: &'a str,
        season: Option<i64>,
        episode: i64,
        /// Only items without a tmdb id (the input has one that matched nothing).
        without_tmdb: bool,
    },
    /// `(type, title, year)`, titles compared ignoring ASCII case; an episode's parent too.
    Title {
        kind: MediaType,
        title: &'a str,
        year: Option<i64>,
        parent_id: Option<&'a str>,
        without_tmdb: bool,
    },
}

/// Where an item stands in `media list`'s natural order (README "Media"): by the title of
/// its group ignoring ASCII case — an episode's group is its show, anything else is its
/// own — then the group's id (two shows of one title stay apart), the group's head before
/// its episodes, episodes by season (none first) and number, and the id last. Both
/// backends sort and page by exactly this key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaPlace {
    /// The group's title: the show's for an episode of one, else the item's own.
    pub title: String,
    /// The group's id: the show's for an episode of one, else the item's own.
    pub group: String,
    /// An episode of a show (after the show itself).
    pub episode: bool,
    /// The season number, -1 for none.
    pub season: i64,
    /// The episode number, -1 for none.
    pub number: i64,
    pub id: String,
}

impl MediaPlace {
    /// Before every item (titles are never empty; numbers never below -1).
    pub fn start() -> MediaPlace {
        MediaPlace {
            title: String::new(),
            group: String::new(),
            episode: false,
            season: -2,
            number: -2,
            id: String::new(),
        }
    }

    /// The place of `m`, whose group (its show, or itself) is titled `group_title`.
    pub fn of(m: &crate::model::Media, group_title: String) -> MediaPlace {
        MediaPlace {
            title: group_title,
            group: m.parent_id.clone().unwrap_or_else(|| m.id.clone()),
            episode: m.parent_id.is_some(),
            season: m.season_number.unwrap_or(-1),
            number: m.episode_number.unwrap_or(-1),
            id: m.id.clone(),
        }
    }
}

/// Which group heads `media list` walks ([`traits::MediaReads::media_heads`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadKinds {
    All,
    /// Only this type.
    Only(MediaType),
    /// Shows and episodes of no show (listing episodes: each show is visited for its own).
    NotMovies,
}

/// The heads of `media list`'s groups, after a place.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HeadQuery<'a> {
    pub profile_id: &'a str,
    pub kinds: HeadKinds,
    /// Only heads whose title contains this (ignoring case) — or, when `episodes`, shows
    /// with an episode whose title does.
    pub search: Option<&'a str>,
    /// Episodes are listed: each show says whether it has (matching) episodes to visit.
    pub episodes: bool,
    /// After this (title, id).
    pub after: (&'a str, &'a str),
    /// And up to this one, inclusive (the end of a window from
    /// [`traits::MediaReads::media_window_end`]); None: to the end of the list.
    pub until: Option<(&'a str, &'a str)>,
    pub limit: i64,
}

/// One page of `media list`.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaQuery<'a> {
    pub profile_id: &'a str,
    pub kind: Option<MediaType>,
    /// A case-insensitive substring of the title.
    pub search: Option<&'a str>,
    /// How the search is answered, as the caller asked
    /// ([`traits::MediaReads::media_search_plan`]: asking costs a look at the index, so
    /// it is asked once); none with a search: the scan's SQL.
    pub plan: Option<SearchPlan>,
    /// Keyset: only items after this place in list order.
    pub after: Option<&'a MediaPlace>,
    /// At most this many items.
    pub limit: i64,
}

/// What `session list` asks for.
#[derive(Debug, Clone, Copy)]
pub struct SessionQuery<'a> {
    pub user_id: Option<&'a str>,
    pub profile_id: Option<&'a str>,
    /// Every session (else live ones only).
    pub all: bool,
    pub now: &'a str,
}

/// What `user list` asks for: users in list order (`created_at`, then id), all of them or
/// one page, optionally only those matching a search.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct UserQuery<'a> {
    /// Only this user (a user who may list no one but themself).
    pub only: Option<&'a str>,
    /// Only users whose email, username, name or phone contains this text, ignoring case
    /// (every character lower-cased, as media search folds), taken literally.
    pub search: Option<&'a str>,
    /// Keyset: only users after this `(created_at, id)` (the last user of the previous page).
    pub after: Option<(&'a str, &'a str)>,
    /// At most this many users; None: all of them.
    pub limit: Option<i64>,
}

/// One page of `member list`.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberQuery<'a> {
    pub profile_id: &'a str,
    /// Keyset: only members after this `(role, created_at, id)` in list order (the last
    /// member of the previous page).
    pub after: Option<(&'a Role, &'a str, &'a str)>,
    /// At most this many members.
    pub limit: i64,
}

/// What deleting a profile removes with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ProfileContents {
    pub members: i64,
    pub invitations: i64,
    pub media: i64,
}

/// A profile with no member whose role is `owner`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OwnerlessProfile {
    pub id: String,
    pub slug: String,
    pub members: i64,
}

/// A profile with more members than its `member_limit`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverfullProfile {
    pub id: String,
    pub slug: String,
    pub member_limit: i64,
    pub members: i64,
}

/// A stored-pending invitation whose expiry has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LapsedInvitation {
    pub id: String,
    pub profile_slug: String,
    pub email: String,
    pub expires_at: String,
}

/// A media item whose parent is in another profile, or is not a show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MisplacedMedia {
    pub id: String,
    pub title: String,
    pub profile_slug: String,
    pub parent_id: String,
    pub parent_type: String,
    pub parent_profile_slug: String,
    pub same_profile: bool,
}

/// Bounds of the search plan threshold (see [`Tx::media_search_cap`]).
pub const SEARCH_CAP_MIN: i64 = 64;
pub const SEARCH_CAP_MAX: i64 = 4096;
