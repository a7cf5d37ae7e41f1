use super::{Get, PgTx, json, ts, ts_opt};
use crate::error::{Error, Result};
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

fn from_row(r: &postgres::Row) -> Result<Session> {
    let origin = r.text(6)?;
    Ok(Session {
        id: r.text(0)?,
        user_id: r.text(1)?,
        user: r.text(2)?,
        active_profile_id: r.text_opt(3)?,
        active_profile: r.text_opt(4)?,
        roles: r.json(5)?,
        origin: SessionOrigin::parse(&origin)
            .ok_or_else(|| Error::internal(format!("unknown session origin {origin:?}")))?,
        user_agent: r.text_opt(7)?,
        ip: r.text_opt(8)?,
        created_at: r.time(9)?,
        expires_at: r.time(10)?,
        last_used_at: r.time_opt(11)?,
        revoked_at: r.time_opt(12)?,
    })
}

fn all(rows: Vec<postgres::Row>) -> Result<Vec<Session>> {
    rows.iter().map(from_row).collect()
}

impl PgTx<'_> {
    /// Whether the sessions table holds a row; asked once per transaction.
    fn any_session(&self) -> Result<bool> {
        if let Some(known) = self.any_session.get() {
            return Ok(known);
        }
        let any = self
            .one("SELECT EXISTS (SELECT 1 FROM sessions)", &[])?
            .flag(0)?;
        self.any_session.set(Some(any));
        Ok(any)
    }
}

impl SessionReads for PgTx<'_> {
    fn session_by_id(&self, id: &str) -> Result<Option<Session>> {
        self.opt(concat!(select!(), " WHERE s.id = $1"), &[&id])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn sessions_by_prefix(
        &self,
        prefix: &str,
        user_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Session>> {
        // `prefix` holds only [0-9a-f-] (the caller checks): no LIKE wildcard in it. Ids
        // compare byte-wise (COLLATE "C"), so this is a range of the primary key.
        all(self.query(
            concat!(
                select!(),
                " WHERE s.id >= $1 AND s.id < ($1 || 'g') AND ($2::text IS NULL OR s.user_id = $2) \
                 ORDER BY s.id LIMIT $3"
            ),
            &[&prefix, &user_id, &limit],
        )?)
    }

    fn session_by_token_hash(&self, hash: &str) -> Result<Option<Session>> {
        self.opt(concat!(select!(), " WHERE s.token_hash = $1"), &[&hash])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn session_list(&self, q: &SessionQuery<'_>) -> Result<Vec<Session>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE ($1::text IS NULL OR s.user_id = $1) AND ($2::text IS NULL OR s.active_profile_id = $2) \
                 AND ($3::boolean OR (s.revoked_at IS NULL AND s.expires_at > $4)) \
                 ORDER BY s.created_at, s.id"
            ),
            &[&q.user_id, &q.profile_id, &q.all, &ts(q.now)?],
        )?)
    }

    fn sessions_of_disabled(&self, now: &str) -> Result<Vec<Session>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE NOT u.active AND s.revoked_at IS NULL AND s.expires_at > $1 ORDER BY s.id"
            ),
            &[&ts(now)?],
        )?)
    }

    fn sessions_outside_profile(&self) -> Result<Vec<Session>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE s.active_profile_id IS NOT NULL \
                  AND NOT EXISTS (SELECT 1 FROM members m WHERE m.profile_id = s.active_profile_id AND m.user_id = s.user_id) \
                  AND NOT (u.roles @> '[\"admin\"]') ORDER BY s.id"
            ),
            &[],
        )?)
    }
}

impl SessionWrites for PgTx<'_> {
    fn session_insert(&self, s: &Session, token_hash: &str) -> Result<()> {
        self.any_session.set(Some(true));
        self.exec(
            "INSERT INTO sessions (id, user_id, token_hash, active_profile_id, roles, origin, \
             user_agent, ip, created_at, expires_at, last_used_at, revoked_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            &[
                &s.id,
                &s.user_id,
                &token_hash,
                &s.active_profile_id,
                &json(&s.roles),
                &s.origin.as_str(),
                &s.user_agent,
                &s.ip,
                &ts(&s.created_at)?,
                &ts(&s.expires_at)?,
                &ts_opt(&s.last_used_at)?,
                &ts_opt(&s.revoked_at)?,
            ],
        )?;
        Ok(())
    }

    fn session_set_profile(&self, id: &str, profile_id: Option<&str>) -> Result<()> {
        self.exec(
            "UPDATE sessions SET active_profile_id = $2 WHERE id = $1",
            &[&id, &profile_id],
        )?;
        Ok(())
    }

    fn session_revoke(&self, id: &str, at: &str) -> Result<()> {
        self.exec(
            "UPDATE sessions SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL",
            &[&id, &ts(at)?],
        )?;
        Ok(())
    }

    fn sessions_revoke_user(&self, user_id: &str, at: &str) -> Result<Vec<String>> {
        let mut ids = self
            .query(
                "UPDATE sessions SET revoked_at = $2 \
                 WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > $2 RETURNING id",
                &[&user_id, &ts(at)?],
            )?
            .iter()
            .map(|r| r.text(0))
            .collect::<Result<Vec<String>>>()?;
        ids.sort();
        Ok(ids)
    }

    fn sessions_clear_profile(&self, user_id: &str, profile_id: &str) -> Result<usize> {
        if !self.any_session()? {
            return Ok(0);
        }
        let n = self.exec(
            "UPDATE sessions SET active_profile_id = NULL \
             WHERE user_id = $1 AND active_profile_id = $2",
            &[&user_id, &profile_id],
        )?;
        Ok(n as usize)
    }

    fn sessions_adopt_profile(&self, user_id: &str, profile_id: &str, now: &str) -> Result<usize> {
        if !self.any_session()? {
            return Ok(0);
        }
        let n = self.exec(
            "UPDATE sessions SET active_profile_id = $2 \
             WHERE user_id = $1 AND active_profile_id IS NULL \
             AND revoked_at IS NULL AND expires_at > $3 \
             AND (SELECT count(*) FROM members m WHERE m.user_id = $1) = 1",
            &[&user_id, &profile_id, &ts(now)?],
        )?;
        Ok(n as usize)
    }

    fn sessions_prune(&self, before: &str) -> Result<usize> {
        let n = self.exec(
            "DELETE FROM sessions WHERE (revoked_at IS NOT NULL AND revoked_at < $1) \
             OR expires_at < $1",
            &[&ts(before)?],
        )?;
        Ok(n as usize)
    }
}
