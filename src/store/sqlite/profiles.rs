use rusqlite::params;

use super::{SqliteTx, json_col, one};
use crate::error::Result;
use crate::model::{Profile, ProfileRef};

fn ref_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProfileRef> {
    Ok(ProfileRef {
        id: r.get(0)?,
        slug: r.get(1)?,
    })
}
use crate::store::ProfileContents;
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT p.id, p.slug, p.name, p.logo, p.color, p.member_limit, p.metadata, \
     p.created_at, p.updated_at, (SELECT count(*) FROM members m WHERE m.profile_id = p.id), \
     p.require_verified_email, p.invitation_limit \
     FROM profiles p"
    };
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Profile> {
    Ok(Profile {
        id: r.get(0)?,
        slug: r.get(1)?,
        name: r.get(2)?,
        logo: r.get(3)?,
        color: r.get(4)?,
        member_limit: r.get(5)?,
        metadata: json_col(r, 6)?,
        created_at: r.get(7)?,
        updated_at: r.get(8)?,
        member_count: r.get(9)?,
        require_verified_email: r.get(10)?,
        invitation_limit: r.get(11)?,
        access: None,
    })
}

/// The profiles a transaction has read by slug, with their member counts, kept right by
/// the transaction's own writes: a member added to a cached profile counts one more; a
/// profile changed or deleted, a member removed, or a user deleted (whose memberships go
/// with them) empties it. Nothing else writes these tables (a write transaction holds the
/// database's write lock).
#[derive(Default)]
pub(super) struct Cache {
    by_id: std::collections::HashMap<String, Profile>,
    /// slug → id.
    ids: std::collections::HashMap<String, String>,
}

impl Cache {
    fn get(&self, slug: &str) -> Option<Profile> {
        self.ids
            .get(slug)
            .and_then(|id| self.by_id.get(id))
            .cloned()
    }

    /// The id of the profile `slug`, when known.
    fn id(&self, slug: &str) -> Option<String> {
        self.ids.get(slug).cloned()
    }

    fn put(&mut self, p: &Profile) {
        self.make_room();
        self.ids.insert(p.slug.clone(), p.id.clone());
        self.by_id.insert(p.id.clone(), p.clone());
    }

    /// A profile read by slug without its row (media's look-up): its id alone.
    fn put_ref(&mut self, p: &ProfileRef) {
        self.make_room();
        self.ids.insert(p.slug.clone(), p.id.clone());
    }

    /// Bounded: a seed of many profiles keeps the last few thousand it read.
    fn make_room(&mut self) {
        if self.ids.len() >= 4096 {
            self.clear();
        }
    }

    pub(super) fn clear(&mut self) {
        self.by_id.clear();
        self.ids.clear();
    }

    /// A member was added to the profile `id`.
    pub(super) fn member_added(&mut self, id: &str) {
        if let Some(p) = self.by_id.get_mut(id) {
            p.member_count += 1;
        }
    }
}

impl ProfileReads for SqliteTx<'_> {
    fn profile_by_id(&self, id: &str) -> Result<Option<Profile>> {
        one(
            self.conn,
            concat!(select!(), " WHERE p.id = ?1"),
            [id],
            from_row,
        )
    }

    fn profile_by_slug(&self, slug: &str) -> Result<Option<Profile>> {
        if let Some(p) = self.profiles.borrow().get(slug) {
            return Ok(Some(p));
        }
        let found = one(
            self.conn,
            concat!(select!(), " WHERE p.slug = ?1"),
            [slug],
            from_row,
        )?;
        if let Some(p) = &found {
            self.profiles.borrow_mut().put(p);
        }
        Ok(found)
    }

    fn profile_ref_by_slug(&self, slug: &str) -> Result<Option<ProfileRef>> {
        if let Some(id) = self.profiles.borrow().id(slug) {
            return Ok(Some(ProfileRef {
                id,
                slug: slug.to_string(),
            }));
        }
        let found = one(
            self.conn,
            "SELECT id, slug FROM profiles WHERE slug = ?1",
            [slug],
            ref_from_row,
        )?;
        if let Some(p) = &found {
            self.profiles.borrow_mut().put_ref(p);
        }
        Ok(found)
    }

    fn profile_ref_by_id(&self, id: &str) -> Result<Option<ProfileRef>> {
        one(
            self.conn,
            "SELECT id, slug FROM profiles WHERE id = ?1",
            [id],
            ref_from_row,
        )
    }

    fn profile_list(&self) -> Result<Vec<Profile>> {
        let mut stmt = self.stmt(concat!(select!(), " ORDER BY p.slug"))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn profile_slugs(&self) -> Result<Vec<String>> {
        let mut stmt = self.stmt("SELECT slug FROM profiles")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn profile_contents(&self, id: &str) -> Result<ProfileContents> {
        let count = |table: &str| -> Result<i64> {
            Ok(self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM {table} WHERE profile_id = ?1"
                ))?
                .query_row([id], |r| r.get(0))?)
        };
        Ok(ProfileContents {
            members: count("members")?,
            invitations: count("invitations")?,
            media: count("media")?,
        })
    }
}

impl ProfileWrites for SqliteTx<'_> {
    fn profile_insert(&self, p: &Profile) -> Result<()> {
        let mut stmt = self.stmt(
            "INSERT INTO profiles (id, slug, name, logo, color, member_limit, metadata, created_at, updated_at, require_verified_email, invitation_limit)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        stmt.execute(params![
            p.id,
            p.slug,
            p.name,
            p.logo,
            p.color,
            p.member_limit,
            serde_json::Value::Object(p.metadata.clone()).to_string(),
            p.created_at,
            p.updated_at,
            p.require_verified_email,
            p.invitation_limit
        ])?;
        self.tapped(|| crate::store::Written::Profile(p.clone()))?;
        Ok(())
    }

    fn profile_update(&self, p: &Profile) -> Result<()> {
        self.untapped(crate::store::table::PROFILES);
        self.profiles.borrow_mut().clear();
        let mut stmt = self.stmt(
            "UPDATE profiles SET slug = ?2, name = ?3, logo = ?4, color = ?5, member_limit = ?6,
             metadata = ?7, updated_at = ?8, require_verified_email = ?9, invitation_limit = ?10 WHERE id = ?1",
        )?;
        stmt.execute(params![
            p.id,
            p.slug,
            p.name,
            p.logo,
            p.color,
            p.member_limit,
            serde_json::Value::Object(p.metadata.clone()).to_string(),
            p.updated_at,
            p.require_verified_email,
            p.invitation_limit
        ])?;
        Ok(())
    }

    fn profile_delete(&self, id: &str) -> Result<()> {
        self.untapped(
            crate::store::table::PROFILES
                | crate::store::table::MEMBERS
                | crate::store::table::INVITATIONS
                | crate::store::table::OUTBOX
                | crate::store::table::MEDIA
                | crate::store::table::SESSIONS,
        );
        self.profiles.borrow_mut().clear();
        self.stmt("DELETE FROM profiles WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}
