use super::{Get, PgTx, json, ts};
use crate::error::Result;
use crate::model::{Profile, ProfileRef};
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

fn from_row(r: &postgres::Row) -> Result<Profile> {
    Ok(Profile {
        id: r.text(0)?,
        slug: r.text(1)?,
        name: r.text(2)?,
        logo: r.text_opt(3)?,
        color: r.text(4)?,
        member_limit: r.int(5)?,
        metadata: r.json(6)?,
        created_at: r.time(7)?,
        updated_at: r.time(8)?,
        member_count: r.int(9)?,
        require_verified_email: r.flag(10)?,
        invitation_limit: r.int(11)?,
        access: None,
    })
}

fn ref_from_row(r: &postgres::Row) -> Result<ProfileRef> {
    Ok(ProfileRef {
        id: r.text(0)?,
        slug: r.text(1)?,
    })
}

impl ProfileReads for PgTx<'_> {
    fn profile_by_id(&self, id: &str) -> Result<Option<Profile>> {
        self.opt(concat!(select!(), " WHERE p.id = $1"), &[&id])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn profile_by_slug(&self, slug: &str) -> Result<Option<Profile>> {
        self.opt(concat!(select!(), " WHERE p.slug = $1"), &[&slug])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn profile_ref_by_slug(&self, slug: &str) -> Result<Option<ProfileRef>> {
        self.opt("SELECT id, slug FROM profiles WHERE slug = $1", &[&slug])?
            .as_ref()
            .map(ref_from_row)
            .transpose()
    }

    fn profile_ref_by_id(&self, id: &str) -> Result<Option<ProfileRef>> {
        self.opt("SELECT id, slug FROM profiles WHERE id = $1", &[&id])?
            .as_ref()
            .map(ref_from_row)
            .transpose()
    }

    fn profile_list(&self) -> Result<Vec<Profile>> {
        self.query(concat!(select!(), " ORDER BY p.slug"), &[])?
            .iter()
            .map(from_row)
            .collect()
    }

    fn profile_slugs(&self) -> Result<Vec<String>> {
        self.query("SELECT slug FROM profiles", &[])?
            .iter()
            .map(|r| r.text(0))
            .collect()
    }

    fn profile_contents(&self, id: &str) -> Result<ProfileContents> {
        // One round trip for SQLite's three counts.
        let r = self.one(
            "SELECT (SELECT count(*) FROM members WHERE profile_id = $1),
                    (SELECT count(*) FROM invitations WHERE profile_id = $1),
                    (SELECT count(*) FROM media WHERE profile_id = $1)",
            &[&id],
        )?;
        Ok(ProfileContents {
            members: r.int(0)?,
            invitations: r.int(1)?,
            media: r.int(2)?,
        })
    }
}

impl ProfileWrites for PgTx<'_> {
    fn profile_insert(&self, p: &Profile) -> Result<()> {
        self.exec(
            "INSERT INTO profiles (id, slug, name, logo, color, member_limit, metadata, created_at, updated_at, require_verified_email, invitation_limit)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            &[
                &p.id,
                &p.slug,
                &p.name,
                &p.logo,
                &p.color,
                &p.member_limit,
                &json(&p.metadata),
                &ts(&p.created_at)?,
                &ts(&p.updated_at)?,
                &p.require_verified_email,
                &p.invitation_limit,
            ],
        )?;
        Ok(())
    }

    fn profile_update(&self, p: &Profile) -> Result<()> {
        self.exec(
            "UPDATE profiles SET slug = $2, name = $3, logo = $4, color = $5, member_limit = $6,
             metadata = $7, updated_at = $8, require_verified_email = $9, invitation_limit = $10 WHERE id = $1",
            &[
                &p.id,
                &p.slug,
                &p.name,
                &p.logo,
                &p.color,
                &p.member_limit,
                &json(&p.metadata),
                &ts(&p.updated_at)?,
                &p.require_verified_email,
                &p.invitation_limit,
            ],
        )?;
        Ok(())
    }

    fn profile_delete(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM profiles WHERE id = $1", &[&id])?;
        Ok(())
    }
}
