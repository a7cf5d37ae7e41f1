use super::{Get, PgTx, ts};
use crate::error::{Error, Result};
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

fn from_row(r: &postgres::Row) -> Result<Invitation> {
    let role = r.text(4)?;
    let status = r.text(5)?;
    Ok(Invitation {
        id: r.text(0)?,
        profile_id: r.text(1)?,
        profile_slug: r.text(2)?,
        profile_name: r.text(10)?,
        email: r.text(3)?,
        role: Role::parse(&role)
            .ok_or_else(|| Error::internal(format!("unknown role {role:?}")))?,
        status: InviteStatus::parse(&status)
            .ok_or_else(|| Error::internal(format!("unknown status {status:?}")))?,
        inviter_id: r.text_opt(6)?,
        inviter_email: r.text_opt(11)?,
        expires_at: r.time(7)?,
        created_at: r.time(8)?,
        updated_at: r.time(9)?,
    })
}

fn all(rows: Vec<postgres::Row>) -> Result<Vec<Invitation>> {
    rows.iter().map(from_row).collect()
}

/// `invite_list`'s query: `$1` the profile or null, then what the status filter takes.
macro_rules! list {
    ($filter:literal) => {
        concat!(
            select!(),
            " WHERE ($1::text IS NULL OR i.profile_id = $1)",
            $filter,
            " ORDER BY i.created_at DESC, i.id"
        )
    };
}

impl InviteReads for PgTx<'_> {
    fn invite_by_id(&self, id: &str) -> Result<Option<Invitation>> {
        self.opt(concat!(select!(), " WHERE i.id = $1"), &[&id])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn invites_by_prefix(&self, prefix: &str, limit: i64) -> Result<Vec<Invitation>> {
        // Ids compare byte-wise (COLLATE "C"): a range of the primary key.
        all(self.query(
            concat!(
                select!(),
                " WHERE i.id >= $1 AND i.id < ($1 || '~') ORDER BY i.id LIMIT $2"
            ),
            &[&prefix, &limit],
        )?)
    }

    fn invite_pending(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        self.opt(
            concat!(
                select!(),
                " WHERE i.profile_id = $1 AND i.email = $2 AND i.status = 'pending'"
            ),
            &[&profile_id, &email],
        )?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    fn invite_latest(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        // SQLite breaks a tie of `created_at` (two invitations sent by one command: a
        // seed) by insertion order, its rowid. PostgreSQL rows keep no such order, but the
        // audit log does: every invitation is inserted with its `invite-send` row, by
        // writers that run one at a time. So the tied ones are read, and the one whose
        // `invite-send` came last is the latest (one sent without an audit row, by some
        // other program, counts as older; then the lowest id).
        let mut tied = all(self.query(
            concat!(
                select!(),
                " WHERE i.profile_id = $1 AND i.email = $2 AND i.created_at = \
                 (SELECT max(created_at) FROM invitations WHERE profile_id = $1 AND email = $2) \
                 ORDER BY i.id"
            ),
            &[&profile_id, &email],
        )?)?;
        if tied.len() <= 1 {
            return Ok(tied.pop());
        }
        let ids: Vec<&str> = tied.iter().map(|i| i.id.as_str()).collect();
        let last = self
            .opt(
                "SELECT subject FROM audit WHERE event = 'invite-send' AND subject = ANY($1)
                 ORDER BY seq DESC LIMIT 1",
                &[&ids],
            )?
            .map(|r| r.text(0))
            .transpose()?;
        let at = last
            .and_then(|id| tied.iter().position(|i| i.id == id))
            .unwrap_or(0);
        Ok(Some(tied.swap_remove(at)))
    }

    fn invite_list(
        &self,
        profile_id: Option<&str>,
        status: Option<InviteStatus>,
        now: &str,
    ) -> Result<Vec<Invitation>> {
        let rows = match status {
            None => self.query(list!(""), &[&profile_id])?,
            Some(InviteStatus::Pending) => self.query(
                list!(" AND i.status = 'pending' AND i.expires_at > $2"),
                &[&profile_id, &ts(now)?],
            )?,
            Some(InviteStatus::Expired) => self.query(
                list!(
                    " AND (i.status = 'expired' OR (i.status = 'pending' AND i.expires_at <= $2))"
                ),
                &[&profile_id, &ts(now)?],
            )?,
            Some(other) => {
                self.query(list!(" AND i.status = $2"), &[&profile_id, &other.as_str()])?
            }
        };
        all(rows)
    }

    fn invite_lapsed(&self, now: &str) -> Result<Vec<String>> {
        self.query(
            "SELECT id FROM invitations WHERE status = 'pending' AND expires_at <= $1 ORDER BY expires_at, id",
            &[&ts(now)?],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect()
    }

    fn invite_pending_count(&self, profile_id: &str, now: &str) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM invitations WHERE profile_id = $1 AND status = 'pending' AND expires_at > $2",
            &[&profile_id, &ts(now)?],
        )?
        .int(0)
    }

    fn invite_to_members(&self, now: &str) -> Result<Vec<Invitation>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE i.status = 'pending' AND i.expires_at > $1 AND EXISTS (
                SELECT 1 FROM members m JOIN users u ON u.id = m.user_id
                WHERE m.profile_id = i.profile_id AND u.email = i.email)
             ORDER BY i.created_at, i.id"
            ),
            &[&ts(now)?],
        )?)
    }
}

impl InviteWrites for PgTx<'_> {
    fn invite_insert(&self, i: &Invitation) -> Result<()> {
        self.exec(
            "INSERT INTO invitations (id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            &[
                &i.id,
                &i.profile_id,
                &i.email,
                &i.role.as_str(),
                &i.status.as_str(),
                &i.inviter_id,
                &ts(&i.expires_at)?,
                &ts(&i.created_at)?,
                &ts(&i.updated_at)?,
            ],
        )?;
        Ok(())
    }

    fn invite_update(&self, i: &Invitation) -> Result<()> {
        self.exec(
            "UPDATE invitations SET role = $2, status = $3, expires_at = $4, updated_at = $5 WHERE id = $1",
            &[
                &i.id,
                &i.role.as_str(),
                &i.status.as_str(),
                &ts(&i.expires_at)?,
                &ts(&i.updated_at)?,
            ],
        )?;
        Ok(())
    }
}
