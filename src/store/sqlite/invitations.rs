use rusqlite::params;

use super::{SqliteTx, one};
use crate::error::Result;
use crate::model::{Invitation, InviteStatus, Role};
use crate::store::traits::*;

/// An invitation with what its invitee is shown of the profile (slug, name) and of the
/// inviter (email alone).
macro_rules! select {
    () => {
        "SELECT i.id, i.profile_id, p.slug, i.email, i.role, i.status, i.inviter_id, \
     i.expires_at, i.created_at, i.updated_at, p.name, inviter.email \
     FROM invitations i JOIN profiles p ON p.id = i.profile_id \
     LEFT JOIN users inviter ON inviter.id = i.inviter_id"
    };
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Invitation> {
    let bad = |idx: usize, what: String| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, what.into())
    };
    let role: String = r.get(4)?;
    let status: String = r.get(5)?;
    Ok(Invitation {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        profile_slug: r.get(2)?,
        profile_name: r.get(10)?,
        email: r.get(3)?,
        role: Role::parse(&role).ok_or_else(|| bad(4, format!("unknown role {role:?}")))?,
        status: InviteStatus::parse(&status)
            .ok_or_else(|| bad(5, format!("unknown status {status:?}")))?,
        inviter_id: r.get(6)?,
        inviter_email: r.get(11)?,
        expires_at: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

impl InviteReads for SqliteTx<'_> {
    fn invite_by_id(&self, id: &str) -> Result<Option<Invitation>> {
        one(
            self.conn,
            concat!(select!(), " WHERE i.id = ?1"),
            [id],
            from_row,
        )
    }

    fn invites_by_prefix(&self, prefix: &str, limit: i64) -> Result<Vec<Invitation>> {
        let mut stmt = self.stmt(concat!(
            select!(),
            " WHERE i.id >= ?1 AND i.id < ?1 || '~' ORDER BY i.id LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![prefix, limit], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn invite_pending(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        one(
            self.conn,
            concat!(
                select!(),
                " WHERE i.profile_id = ?1 AND i.email = ?2 AND i.status = 'pending'"
            ),
            [profile_id, email],
            from_row,
        )
    }

    fn invite_latest(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        one(
            self.conn,
            concat!(
                select!(),
                " WHERE i.profile_id = ?1 AND i.email = ?2 ORDER BY i.created_at DESC, i.rowid DESC LIMIT 1"
            ),
            [profile_id, email],
            from_row,
        )
    }

    fn invite_list(
        &self,
        profile_id: Option<&str>,
        status: Option<InviteStatus>,
        now: &str,
    ) -> Result<Vec<Invitation>> {
        let mut sql = format!("{} WHERE (?1 IS NULL OR i.profile_id = ?1)", select!());
        match status {
            None => {}
            Some(InviteStatus::Pending) => {
                sql.push_str(" AND i.status = 'pending' AND i.expires_at > ?2")
            }
            Some(InviteStatus::Expired) => sql.push_str(
                " AND (i.status = 'expired' OR (i.status = 'pending' AND i.expires_at <= ?2))",
            ),
            Some(other) => sql.push_str(&format!(" AND i.status = '{}'", other.as_str())),
        }
        sql.push_str(" AND ?2 IS NOT NULL ORDER BY i.created_at DESC, i.id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![profile_id, now], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn invite_lapsed(&self, now: &str) -> Result<Vec<String>> {
        let mut stmt = self.stmt(
            "SELECT id FROM invitations WHERE status = 'pending' AND expires_at <= ?1 ORDER BY expires_at, id",
        )?;
        let rows = stmt.query_map([now], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn invite_pending_count(&self, profile_id: &str, now: &str) -> Result<i64> {
        Ok(self.stmt(
                "SELECT count(*) FROM invitations WHERE profile_id = ?1 AND status = 'pending' AND expires_at > ?2",
            )?
            .query_row([profile_id, now], |r| r.get(0))?)
    }

    fn invite_to_members(&self, now: &str) -> Result<Vec<Invitation>> {
        let mut stmt = self.stmt(concat!(
            select!(),
            " WHERE i.status = 'pending' AND i.expires_at > ?1 AND EXISTS (
                SELECT 1 FROM members m JOIN users u ON u.id = m.user_id
                WHERE m.profile_id = i.profile_id AND u.email = i.email)
             ORDER BY i.created_at, i.id"
        ))?;
        let rows = stmt.query_map([now], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl InviteWrites for SqliteTx<'_> {
    fn invite_insert(&self, i: &Invitation) -> Result<()> {
        self.stmt(
                "INSERT INTO invitations (id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            )?
            .execute(params![
                i.id,
                i.profile_id,
                i.email,
                i.role.as_str(),
                i.status.as_str(),
                i.inviter_id,
                i.expires_at,
                i.created_at,
                i.updated_at
            ])?;
        self.tapped(|| crate::store::Written::Invitation(i.clone()))?;
        Ok(())
    }

    fn invite_update(&self, i: &Invitation) -> Result<()> {
        self.untapped(crate::store::table::INVITATIONS);
        self.stmt(
                "UPDATE invitations SET role = ?2, status = ?3, expires_at = ?4, updated_at = ?5 WHERE id = ?1",
            )?
            .execute(params![i.id, i.role.as_str(), i.status.as_str(), i.expires_at, i.updated_at])?;
        Ok(())
    }
}
