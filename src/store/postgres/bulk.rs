//! Loading a whole database at once: `COPY … FROM STDIN` per table, inside the one
//! transaction, instead of a statement (and a network round trip) per row. Used by `roster
//! copy` into PostgreSQL, and by seeds into an empty PostgreSQL database (see
//! [`super::PgStore::write_staged`]).

use std::io::Write;

use super::PgTx;
use crate::error::{Error, Result};
use crate::model::{AuditEntry, Session};
use crate::store::Written;
use crate::store::traits::*;

/// One row of COPY's text format: fields separated by tabs, `\N` for null, backslash,
/// tab, line feed and carriage return escaped.
#[derive(Default)]
struct Line(Vec<u8>);

impl Line {
    fn sep(&mut self) {
        if !self.0.is_empty() {
            self.0.push(b'\t');
        }
    }
    fn text(&mut self, s: &str) -> &mut Self {
        self.sep();
        for b in s.bytes() {
            match b {
                b'\\' => self.0.extend_from_slice(b"\\\\"),
                b'\t' => self.0.extend_from_slice(b"\\t"),
                b'\n' => self.0.extend_from_slice(b"\\n"),
                b'\r' => self.0.extend_from_slice(b"\\r"),
                _ => self.0.push(b),
            }
        }
        self
    }
    fn null(&mut self) -> &mut Self {
        self.sep();
        self.0.extend_from_slice(b"\\N");
        self
    }
    fn opt(&mut self, s: &Option<String>) -> &mut Self {
        match s {
            Some(s) => self.text(s),
            None => self.null(),
        }
    }
    fn int(&mut self, n: i64) -> &mut Self {
        self.text(&n.to_string())
    }
    fn int_opt(&mut self, n: Option<i64>) -> &mut Self {
        match n {
            Some(n) => self.int(n),
            None => self.null(),
        }
    }
    fn flag(&mut self, b: bool) -> &mut Self {
        self.text(if b { "t" } else { "f" })
    }
    fn json(&mut self, v: &impl serde::Serialize) -> &mut Self {
        let s = serde_json::to_string(v).unwrap_or_else(|_| "null".into());
        self.text(&s)
    }
}

/// A `COPY table (columns) FROM STDIN` in progress.
struct Copy<'t> {
    writer: postgres::CopyInWriter<'t>,
    line: Line,
    rows: u64,
}

impl Copy<'_> {
    fn row(&mut self, fill: impl FnOnce(&mut Line)) -> Result<()> {
        self.line.0.clear();
        fill(&mut self.line);
        self.line.0.push(b'\n');
        self.writer.write_all(&self.line.0).map_err(|e| {
            Error::new(
                crate::error::Kind::Busy,
                format!("lost the database server while loading rows: {e}"),
            )
        })?;
        self.rows += 1;
        Ok(())
    }
    fn finish(self) -> Result<u64> {
        let n = self.writer.finish()?;
        debug_assert_eq!(n, self.rows);
        Ok(n)
    }
}

impl PgTx<'_> {
    fn copy_in(
        &self,
        table: &str,
        columns: &str,
        body: &mut dyn FnMut(&mut Copy<'_>) -> Result<()>,
    ) -> Result<u64> {
        let mut txn = self.txn.borrow_mut();
        let writer = txn.copy_in(&format!("COPY {table} ({columns}) FROM STDIN"))?;
        let mut copy = Copy {
            writer,
            line: Line::default(),
            rows: 0,
        };
        body(&mut copy)?;
        copy.finish()
    }
}

/// The foreign keys, unique constraints and secondary indexes of roster's schema, as
/// PostgreSQL itself spells them (so the list is never out of step with the migrations):
/// what a bulk load drops first and builds again once the rows are in, as a restore of
/// `pg_dump`'s output does. Building an index once over sorted rows, and checking a
/// foreign key with one join, costs a fraction of doing both row by row.
pub(super) struct Deferred {
    /// `(table, name, definition)` of foreign keys and unique constraints.
    constraints: Vec<(String, String, String, bool)>,
    /// `(name, CREATE INDEX …)` of the indexes no constraint owns.
    indexes: Vec<(String, String)>,
}

impl PgTx<'_> {
    pub(super) fn defer_checks(&self) -> Result<Deferred> {
        use super::Get;
        // Index builds sort in memory up to this much, per index (released at commit).
        self.txn
            .borrow_mut()
            .batch_execute("SET LOCAL maintenance_work_mem = '256MB'")?;
        let constraints = self
            .query(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid), c.contype = 'f'
                   FROM pg_constraint c
                  WHERE c.connamespace = current_schema()::regnamespace AND c.contype IN ('f', 'u')
                  ORDER BY c.contype = 'f' DESC, c.conname",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?, r.text(2)?, r.flag(3)?)))
            .collect::<Result<Vec<_>>>()?;
        let indexes = self
            .query(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i
                  WHERE i.schemaname = current_schema()
                    AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                     WHERE c.connamespace = current_schema()::regnamespace
                                       AND c.conname = i.indexname)
                  ORDER BY i.indexname",
                &[],
            )?
            .iter()
            .map(|r| Ok((r.text(0)?, r.text(1)?)))
            .collect::<Result<Vec<_>>>()?;
        let mut sql = String::new();
        for (table, name, _, _) in &constraints {
            sql.push_str(&format!(
                "ALTER TABLE {table} DROP CONSTRAINT \"{name}\";\n"
            ));
        }
        for (name, _) in &indexes {
            sql.push_str(&format!("DROP INDEX \"{name}\";\n"));
        }
        self.txn.borrow_mut().batch_execute(&sql)?;
        Ok(Deferred {
            constraints,
            indexes,
        })
    }

    /// Builds again what [`PgTx::defer_checks`] dropped: the indexes, then the unique
    /// constraints, then the foreign keys (which need them). Rows that break one make the
    /// whole load fail, and the transaction roll back.
    pub(super) fn restore_checks(&self, d: &Deferred) -> Result<()> {
        let mut sql = String::new();
        for (_, def) in &d.indexes {
            sql.push_str(def);
            sql.push_str(";\n");
        }
        for fk in [false, true] {
            for (table, name, def, is_fk) in &d.constraints {
                if *is_fk == fk {
                    sql.push_str(&format!(
                        "ALTER TABLE {table} ADD CONSTRAINT \"{name}\" {def};\n"
                    ));
                }
            }
        }
        self.txn.borrow_mut().batch_execute(&sql)?;
        Ok(())
    }
}

impl CopyWrites for PgTx<'_> {
    fn load_from(&mut self, src: &dyn ReadTx) -> Result<()> {
        self.forget_cached();
        let deferred = self.defer_checks()?;
        // Prepared statements name the indexes' tables, not the indexes: they stay good.
        self.load_rows(src, Load::All)?;
        self.restore_checks(&deferred)
    }
}

/// Which tables [`PgTx::load_rows`] loads.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Load {
    /// Every table.
    All,
    /// The custom roles, and these tables ([`crate::store::table`]); never the audit log.
    Tables(u8),
}

impl Load {
    fn has(self, t: u8) -> bool {
        match self {
            Load::All => true,
            Load::Tables(set) => set & t != 0,
        }
    }
}

impl PgTx<'_> {
    pub(super) fn load_rows(&mut self, src: &dyn ReadTx, what: Load) -> Result<()> {
        self.copy_in(ROLES.0, ROLES.1, &mut |c| {
            for r in src.role_list()? {
                if !r.builtin {
                    c.row(|l| role_line(l, &r))?;
                }
            }
            Ok(())
        })?;
        use crate::store::table;
        if what.has(table::USERS) {
            self.copy_in(USERS.0, USERS.1, &mut |c| {
                src.users_each(&mut |u| c.row(|l| user_line(l, &u)))
            })?;
        }
        if what.has(table::PROFILES) {
            self.copy_in(PROFILES.0, PROFILES.1, &mut |c| {
                src.profiles_each(&mut |p| c.row(|l| profile_line(l, &p)))
            })?;
        }
        if what.has(table::MEMBERS) {
            self.copy_in(MEMBERS.0, MEMBERS.1, &mut |c| {
                src.members_each(&mut |m| c.row(|l| member_line(l, &m)))
            })?;
        }
        if what.has(table::INVITATIONS) {
            self.copy_in(INVITATIONS.0, INVITATIONS.1, &mut |c| {
                src.invitations_each(&mut |i| c.row(|l| invitation_line(l, &i)))
            })?;
        }
        if what.has(table::OUTBOX) {
            self.copy_in(OUTBOX.0, OUTBOX.1, &mut |c| {
                src.outbox_each(&mut |m| c.row(|l| outbox_line(l, &m)))
            })?;
        }
        if what.has(table::MEDIA) {
            self.copy_in(MEDIA.0, MEDIA.1, &mut |c| {
                src.media_each(&mut |m, _slug| c.row(|l| media_line(l, &m)))
            })?;
        }
        if what.has(table::SESSIONS) {
            self.copy_in(SESSIONS.0, SESSIONS.1, &mut |c| {
                src.sessions_each_with_hash(&mut |s, hash| c.row(|l| session_line(l, &s, &hash)))
            })?;
        }
        if what == Load::All {
            self.copy_in(AUDIT.0, AUDIT.1, &mut |c| {
                src.audit_each(&mut |e| c.row(|l| audit_line(l, e)).map(|()| true))
            })?;
        }
        Ok(())
    }

    /// Gives the memberships a seed streamed and then changed the role of their last role
    /// and time (`(id, role, updated_at)`), in one statement.
    pub(super) fn set_member_roles(
        &mut self,
        changes: &[crate::store::sqlite::RoleChange],
    ) -> Result<()> {
        if changes.is_empty() {
            return Ok(());
        }
        let ids: Vec<&str> = changes.iter().map(|c| c.0.as_str()).collect();
        let roles: Vec<&str> = changes.iter().map(|c| c.1.as_str()).collect();
        let ats = changes
            .iter()
            .map(|c| super::ts(&c.2))
            .collect::<Result<Vec<_>>>()?;
        self.txn.borrow_mut().execute(
            "UPDATE members m SET role = v.role, updated_at = v.at
               FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS v(id, role, at)
              WHERE m.id = v.id",
            &[&ids, &roles, &ats],
        )?;
        Ok(())
    }

    /// Empties the tables ([`crate::store::table`]) a stream filled with rows that were
    /// then changed, before they are loaded again from their final state.
    pub(super) fn truncate(&self, tables: u8) -> Result<()> {
        use crate::store::table;
        let names: Vec<&str> = [
            (table::USERS, USERS.0),
            (table::PROFILES, PROFILES.0),
            (table::MEMBERS, MEMBERS.0),
            (table::INVITATIONS, INVITATIONS.0),
            (table::OUTBOX, OUTBOX.0),
            (table::MEDIA, MEDIA.0),
            (table::SESSIONS, SESSIONS.0),
        ]
        .into_iter()
        .filter(|(t, _)| tables & t != 0)
        .map(|(_, name)| name)
        .collect();
        if !names.is_empty() {
            self.txn
                .borrow_mut()
                .batch_execute(&format!("TRUNCATE {}", names.join(", ")))?;
        }
        Ok(())
    }
}

/// Each table's name and columns, in COPY order.
const ROLES: (&str, &str) = (
    "roles",
    "scope, name, permissions, description, builtin, created_at, updated_at",
);
const USERS: (&str, &str) = (
    "users",
    "id, email, username, phone, name, image, type, roles, tags, metadata, active, password_hash, created_at, updated_at, email_verified_at, phone_verified_at",
);
const PROFILES: (&str, &str) = (
    "profiles",
    "id, slug, name, logo, color, member_limit, metadata, created_at, updated_at, require_verified_email, invitation_limit",
);
const MEMBERS: (&str, &str) = (
    "members",
    "id, profile_id, user_id, role, created_at, updated_at",
);
const INVITATIONS: (&str, &str) = (
    "invitations",
    "id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at",
);
const OUTBOX: (&str, &str) = (
    "outbox",
    "id, invitation_id, recipient, subject, body_text, body_html, status, attempts, last_error, next_attempt_at, claimed_until, created_at, sent_at",
);
const MEDIA: (&str, &str) = (
    "media",
    "id, profile_id, type, title, year, tmdb_id, imdb_id, infohash, file_path, parent_id, season_number, episode_number, status, added_by, added_at",
);
const SESSIONS: (&str, &str) = (
    "sessions",
    "id, user_id, token_hash, active_profile_id, roles, origin, user_agent, ip, created_at, expires_at, last_used_at, revoked_at",
);
const AUDIT: (&str, &str) = (
    "audit",
    "seq, at, actor, event, subject, data, source, prev_hash, hash, keyed",
);

fn role_line(l: &mut Line, r: &crate::model::RoleDef) {
    l.text(r.scope.as_str())
        .text(&r.name)
        .json(&r.permissions)
        .opt(&r.description)
        .flag(false)
        .text(&r.created_at)
        .text(&r.updated_at);
}

fn user_line(l: &mut Line, u: &crate::model::User) {
    l.text(&u.id)
        .opt(&u.email)
        .opt(&u.username)
        .opt(&u.phone)
        .text(&u.name)
        .opt(&u.image)
        .text(&u.kind)
        .json(&u.roles)
        .json(&u.tags)
        .json(&u.metadata)
        .flag(u.active)
        .opt(&u.password_hash)
        .text(&u.created_at)
        .text(&u.updated_at)
        .opt(&u.email_verified_at)
        .opt(&u.phone_verified_at);
}

fn profile_line(l: &mut Line, p: &crate::model::Profile) {
    l.text(&p.id)
        .text(&p.slug)
        .text(&p.name)
        .opt(&p.logo)
        .text(&p.color)
        .int(p.member_limit)
        .json(&p.metadata)
        .text(&p.created_at)
        .text(&p.updated_at)
        .flag(p.require_verified_email)
        .int(p.invitation_limit);
}

fn member_line(l: &mut Line, m: &crate::model::Member) {
    l.text(&m.id)
        .text(&m.profile_id)
        .text(&m.user_id)
        .text(m.role.as_str())
        .text(&m.created_at)
        .text(&m.updated_at);
}

fn invitation_line(l: &mut Line, i: &crate::model::Invitation) {
    l.text(&i.id)
        .text(&i.profile_id)
        .text(&i.email)
        .text(i.role.as_str())
        .text(i.status.as_str())
        .opt(&i.inviter_id)
        .text(&i.expires_at)
        .text(&i.created_at)
        .text(&i.updated_at);
}

fn outbox_line(l: &mut Line, m: &crate::model::OutboxMessage) {
    l.text(&m.id)
        .text(&m.invitation_id)
        .text(&m.recipient)
        .text(&m.subject)
        .text(&m.body_text)
        .text(&m.body_html)
        .text(m.status.as_str())
        .int(m.attempts)
        .opt(&m.last_error)
        .text(&m.next_attempt_at)
        .opt(&m.claimed_until)
        .text(&m.created_at)
        .opt(&m.sent_at);
}

fn media_line(l: &mut Line, m: &crate::model::Media) {
    l.text(&m.id)
        .text(&m.profile_id)
        .text(m.kind.as_str())
        .text(&m.title)
        .int_opt(m.year)
        .int_opt(m.tmdb_id)
        .opt(&m.imdb_id)
        .opt(&m.infohash)
        .opt(&m.file_path)
        .opt(&m.parent_id)
        .int_opt(m.season_number)
        .int_opt(m.episode_number)
        .text(&m.status)
        .opt(&m.added_by)
        .text(&m.added_at);
}

fn session_line(l: &mut Line, s: &Session, hash: &str) {
    l.text(&s.id)
        .text(&s.user_id)
        .text(hash)
        .opt(&s.active_profile_id)
        .json(&s.roles)
        .text(s.origin.as_str())
        .opt(&s.user_agent)
        .opt(&s.ip)
        .text(&s.created_at)
        .text(&s.expires_at)
        .opt(&s.last_used_at)
        .opt(&s.revoked_at);
}

fn audit_line(l: &mut Line, e: &AuditEntry) {
    l.int(e.seq)
        .text(&e.at)
        .text(&e.actor)
        .text(&e.event)
        .text(&e.subject)
        .text(&e.data)
        .text(&e.source)
        .text(&e.prev_hash)
        .text(&e.hash)
        .flag(e.keyed);
}

/// Streams rows, as a scratch database inserts them, into `COPY` on `txn`: run on a
/// thread of its own while a seed is applied there, so that the rows are sent and stored
/// while the rest are still being made. Each batch is sent as one COPY per table it holds
/// (rows of a table keep their order; the foreign keys wait until the end, so the order
/// across tables does not matter). Ends when every sender is gone; the number of rows.
pub(super) fn stream_rows(
    txn: &mut postgres::Transaction<'_>,
    rows: std::sync::mpsc::Receiver<Vec<Written>>,
) -> Result<u64> {
    const TABLES: [(&str, &str); 8] = [
        USERS,
        PROFILES,
        MEMBERS,
        INVITATIONS,
        MEDIA,
        SESSIONS,
        AUDIT,
        OUTBOX,
    ];
    let table_of = |row: &Written| match row {
        Written::User(_) => 0,
        Written::Profile(_) => 1,
        Written::Member(_) => 2,
        Written::Invitation(_) => 3,
        Written::Media(_) => 4,
        Written::Session(..) => 5,
        Written::Audit(_) => 6,
        Written::Outbox(_) => 7,
    };
    let mut total = 0;
    for batch in rows {
        for (t, (table, columns)) in TABLES.iter().enumerate() {
            if !batch.iter().any(|r| table_of(r) == t) {
                continue;
            }
            let writer = txn.copy_in(&format!("COPY {table} ({columns}) FROM STDIN"))?;
            let mut copy = Copy {
                writer,
                line: Line::default(),
                rows: 0,
            };
            for row in batch.iter().filter(|r| table_of(r) == t) {
                copy.row(|l| match row {
                    Written::User(u) => user_line(l, u),
                    Written::Profile(p) => profile_line(l, p),
                    Written::Member(m) => member_line(l, m),
                    Written::Invitation(i) => invitation_line(l, i),
                    Written::Media(m) => media_line(l, m),
                    Written::Session(s, hash) => session_line(l, s, hash),
                    Written::Audit(e) => audit_line(l, e),
                    Written::Outbox(m) => outbox_line(l, m),
                })?;
            }
            total += copy.finish()?;
        }
    }
    Ok(total)
}
