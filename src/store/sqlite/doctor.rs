//! The queries of `roster doctor`: records that break an invariant the actions keep, so
//! that only a bug, an older roster or a hand edit of the file can have put them there.
//! Each is a full scan at most; doctor is an occasional check, not a hot path.

use rusqlite::params;

use super::SqliteTx;
use crate::error::Result;
use crate::store::traits::*;
use crate::store::{LapsedInvitation, MisplacedMedia, OverfullProfile, OwnerlessProfile};

impl CheckReads for SqliteTx<'_> {
    fn integrity_remedy(&self) -> (&'static str, &'static str) {
        (
            "database file",
            "restore the file from a backup, or salvage it with `sqlite3 FILE .recover`",
        )
    }

    fn doctor_notes(&self) -> Result<Vec<String>> {
        Ok(Vec::new())
    }

    fn integrity_problems(&self) -> Result<Vec<String>> {
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

    fn doctor_ownerless_profiles(&self) -> Result<Vec<OwnerlessProfile>> {
        let mut stmt = self.stmt(
            "SELECT p.id, p.slug, (SELECT count(*) FROM members m WHERE m.profile_id = p.id)
             FROM profiles p
             WHERE NOT EXISTS (SELECT 1 FROM members o WHERE o.profile_id = p.id AND o.role = 'owner')
             ORDER BY p.slug",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OwnerlessProfile {
                id: r.get(0)?,
                slug: r.get(1)?,
                members: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn doctor_overfull_profiles(&self) -> Result<Vec<OverfullProfile>> {
        let mut stmt = self.stmt(
            "SELECT p.id, p.slug, p.member_limit, c.n
             FROM profiles p
             JOIN (SELECT profile_id, count(*) AS n FROM members GROUP BY profile_id) c
               ON c.profile_id = p.id
             WHERE c.n > p.member_limit
             ORDER BY p.slug",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OverfullProfile {
                id: r.get(0)?,
                slug: r.get(1)?,
                member_limit: r.get(2)?,
                members: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn doctor_lapsed_invitations(&self, now: &str) -> Result<Vec<LapsedInvitation>> {
        let mut stmt = self.stmt(
            "SELECT i.id, coalesce(p.slug, i.profile_id), i.email, i.expires_at
             FROM invitations i LEFT JOIN profiles p ON p.id = i.profile_id
             WHERE i.status = 'pending' AND i.expires_at <= ?1
             ORDER BY i.expires_at, i.id",
        )?;
        let rows = stmt.query_map(params![now], |r| {
            Ok(LapsedInvitation {
                id: r.get(0)?,
                profile_slug: r.get(1)?,
                email: r.get(2)?,
                expires_at: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn doctor_misplaced_media(&self) -> Result<Vec<MisplacedMedia>> {
        let mut stmt = self.stmt(
            "SELECT c.id, c.title, coalesce(cp.slug, c.profile_id), par.id, par.type,
                    coalesce(pp.slug, par.profile_id), c.profile_id = par.profile_id
             FROM media c
             JOIN media par ON par.id = c.parent_id
             LEFT JOIN profiles cp ON cp.id = c.profile_id
             LEFT JOIN profiles pp ON pp.id = par.profile_id
             WHERE c.parent_id IS NOT NULL
               AND (par.profile_id <> c.profile_id OR par.type <> 'show')
             ORDER BY c.profile_id, c.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(MisplacedMedia {
                id: r.get(0)?,
                title: r.get(1)?,
                profile_slug: r.get(2)?,
                parent_id: r.get(3)?,
                parent_type: r.get(4)?,
                parent_profile_slug: r.get(5)?,
                same_profile: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn doctor_search_index(&self) -> Result<(i64, i64)> {
        let count = |sql: &str| -> Result<i64> {
            Ok(self.conn.prepare_cached(sql)?.query_row([], |r| r.get(0))?)
        };
        let missing = count(
            "SELECT count(*) FROM media m WHERE NOT EXISTS
                 (SELECT 1 FROM media_fts_docsize d WHERE d.id = m.rowid)",
        )?;
        let stale = count(
            "SELECT count(*) FROM media_fts_docsize d WHERE NOT EXISTS
                 (SELECT 1 FROM media m WHERE m.rowid = d.id)",
        )?;
        Ok((missing, stale))
    }
}
