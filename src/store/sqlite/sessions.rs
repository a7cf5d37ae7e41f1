use rusqlite::params;

use super::{SqliteTx, json_col, one};
use crate::error::Result;
use crate::model::{Session, SessionOrigin};
use crate::store::SessionQuery;
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT s.id, s.user_id, coalesce(u.email, u.username, u.id), s.active_profile_id, p.slug, \
         s.roles, s.origin, s.user_agent, s.ip, s.created_at, s.expires_at, s.last_used_at, s.revoked_at \
         FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN profiles p ON p.id = s.active_profile_id"
    };
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Session> {
    let origin: String = r.get(6)?;
    Ok(Session {
        id: r.get(0)?,
        user_id: r.get(1)?,
        user: r.get(2)?,
        active_profile_id: r.get(3)?,
        active_profile: r.get(4)?,
        roles: json_col(r, 5)?,
        origin: SessionOrigin::parse(&origin).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                6,
                rusqlite::types::Type::Text,
                format!("unknown session origin {origin:?}").into(),
            )
        })?,
        user_agent: r.get(7)?,
        ip: r.get(8)?,
        created_at: r.get(9)?,
        expires_at: r.get(10)?,
        last_used_at: r.get(11)?,
        revoked_at: r.get(12)?,
    })
}

impl SqliteTx<'_> {
    /// Whether the sessions table holds a row; asked once per transaction.
    fn any_session(&self) -> Result<bool> {
        if let Some(known) = self.any_session.get() {
            return Ok(known);
        }
        let any: bool = self
            .stmt("SELECT EXISTS (SELECT 1 FROM sessions)")?
            .query_row([], |r| r.get(0))?;
        self.any_session.set(Some(any));
        Ok(any)
    }
}

impl SessionReads for SqliteTx<'_> {
    fn session_by_id(&self, id: &str) -> Result<Option<Session>> {
        one(
            self.conn,
            concat!(select!(), " WHERE s.id = ?1"),
            [id],
            from_row,
        )
    }

    fn sessions_by_prefix(
        &self,
        prefix: &str,
        user_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Session>> {
        // `prefix` holds only [0-9a-f-] (the caller checks): no LIKE wildcard in it.
        let mut stmt = self.stmt(concat!(
            select!(),
            " WHERE s.id >= ?1 AND s.id < ?1 || 'g' AND (?2 IS NULL OR s.user_id = ?2) \
             ORDER BY s.id LIMIT ?3"
        ))?;
        let rows = stmt.query_map(params![prefix, user_id, limit], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn session_by_token_hash(&self, hash: &str) -> Result<Option<Session>> {
        one(
            self.conn,
            concat!(select!(), " WHERE s.token_hash = ?1"),
            [hash],
            from_row,
        )
    }

    fn session_list(&self, q: &SessionQuery<'_>) -> Result<Vec<Session>> {
        let mut stmt = self.stmt(concat!(
            select!(),
            " WHERE (?1 IS NULL OR s.user_id = ?1) AND (?2 IS NULL OR s.active_profile_id = ?2) \
             AND (?3 OR (s.revoked_at IS NULL AND s.expires_at > ?4)) \
             ORDER BY s.created_at, s.id"
        ))?;
        let rows = stmt.query_map(params![q.user_id, q.profile_id, q.all, q.now], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn sessions_of_disabled(&self, now: &str) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare(concat!(
            select!(),
            " WHERE u.active = 0 AND s.revoked_at IS NULL AND s.expires_at > ?1 ORDER BY s.id"
        ))?;
        let rows = stmt.query_map([now], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn sessions_outside_profile(&self) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare(concat!(
            select!(),
            " WHERE s.active_profile_id IS NOT NULL \
              AND NOT EXISTS (SELECT 1 FROM members m WHERE m.profile_id = s.active_profile_id AND m.user_id = s.user_id) \
              AND NOT EXISTS (SELECT 1 FROM json_each(u.roles) j WHERE j.value = 'admin') ORDER BY s.id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl SessionWrites for SqliteTx<'_> {
    fn session_insert(&self, s: &Session, token_hash: &str) -> Result<()> {
        self.any_session.set(Some(true));
        self.stmt(
            "INSERT INTO sessions (id, user_id, token_hash, active_profile_id, roles, origin, \
                 user_agent, ip, created_at, expires_at, last_used_at, revoked_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?
        .execute(params![
            s.id,
            s.user_id,
            token_hash,
            s.active_profile_id,
            serde_json::to_string(&s.roles).unwrap_or_else(|_| "[]".into()),
            s.origin.as_str(),
            s.user_agent,
            s.ip,
            s.created_at,
            s.expires_at,
            s.last_used_at,
            s.revoked_at
        ])?;
        self.tapped(|| crate::store::Written::Session(s.clone(), token_hash.to_string()))?;
        Ok(())
    }

    fn session_set_profile(&self, id: &str, profile_id: Option<&str>) -> Result<()> {
        self.untapped(crate::store::table::SESSIONS);
        self.stmt("UPDATE sessions SET active_profile_id = ?2 WHERE id = ?1")?
            .execute(params![id, profile_id])?;
        Ok(())
    }

    fn session_revoke(&self, id: &str, at: &str) -> Result<()> {
        self.untapped(crate::store::table::SESSIONS);
        self.stmt("UPDATE sessions SET revoked_at = ?2 WHERE id = ?1 AND revoked_at IS NULL")?
            .execute(params![id, at])?;
        Ok(())
    }

    fn sessions_revoke_user(&self, user_id: &str, at: &str) -> Result<Vec<String>> {
        let mut stmt = self.stmt(
            "UPDATE sessions SET revoked_at = ?2 \
             WHERE user_id = ?1 AND revoked_at IS NULL AND expires_at > ?2 RETURNING id",
        )?;
        let rows = stmt.query_map(params![user_id, at], |r| r.get(0))?;
        let mut ids: Vec<String> = rows.collect::<rusqlite::Result<_>>()?;
        if !ids.is_empty() {
            self.untapped(crate::store::table::SESSIONS);
        }
        ids.sort();
        Ok(ids)
    }

    fn sessions_clear_profile(&self, user_id: &str, profile_id: &str) -> Result<usize> {
        if !self.any_session()? {
            return Ok(0);
        }
        let n = self
            .stmt(
                "UPDATE sessions SET active_profile_id = NULL \
                 WHERE user_id = ?1 AND active_profile_id = ?2",
            )?
            .execute(params![user_id, profile_id])?;
        if n > 0 {
            self.untapped(crate::store::table::SESSIONS);
        }
        Ok(n)
    }

    fn sessions_adopt_profile(&self, user_id: &str, profile_id: &str, now: &str) -> Result<usize> {
        if !self.any_session()? {
            return Ok(0);
        }
        // Rows changed or not, the tap is told: this one statement is not worth counting.
        self.untapped(crate::store::table::SESSIONS);
        Ok(self
            .stmt(
                "UPDATE sessions SET active_profile_id = ?2 \
                 WHERE user_id = ?1 AND active_profile_id IS NULL \
                 AND revoked_at IS NULL AND expires_at > ?3 \
                 AND (SELECT count(*) FROM members m WHERE m.user_id = ?1) = 1",
            )?
            .execute(params![user_id, profile_id, now])?)
    }

    fn sessions_prune(&self, before: &str) -> Result<usize> {
        let n = self
            .stmt(
                "DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < ?1) \
                 OR expires_at < ?1",
            )?
            .execute([before])?;
        if n > 0 {
            self.untapped(crate::store::table::SESSIONS);
        }
        Ok(n)
    }
}
