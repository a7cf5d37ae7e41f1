use std::collections::HashMap;

use rusqlite::params;

use super::{SqliteTx, one};
use crate::error::{Error, Result};
use crate::model::{Member, Role};
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT m.id, m.profile_id, m.user_id, m.role, m.created_at, m.updated_at, \
     p.slug, u.email, u.username, u.name \
     FROM members m JOIN profiles p ON p.id = m.profile_id JOIN users u ON u.id = m.user_id"
    };
}

fn role_col(r: &rusqlite::Row<'_>, idx: usize) -> rusqlite::Result<Role> {
    let text: String = r.get(idx)?;
    Role::parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("unknown role {text:?}").into(),
        )
    })
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Member> {
    Ok(Member {
        id: r.get(0)?,
        profile_id: r.get(1)?,
        user_id: r.get(2)?,
        role: role_col(r, 3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
        profile_slug: r.get(6)?,
        user_email: r.get(7)?,
        user_username: r.get(8)?,
        user_name: r.get(9)?,
    })
}

impl MemberReads for SqliteTx<'_> {
    fn member_get(&self, profile_id: &str, user_id: &str) -> Result<Option<Member>> {
        one(
            self.conn,
            concat!(select!(), " WHERE m.profile_id = ?1 AND m.user_id = ?2"),
            [profile_id, user_id],
            from_row,
        )
    }

    fn member_role(&self, profile_id: &str, user_id: &str) -> Result<Option<Role>> {
        one(
            self.conn,
            "SELECT role FROM members WHERE profile_id = ?1 AND user_id = ?2",
            [profile_id, user_id],
            |r| role_col(r, 0),
        )
    }

    fn member_list(&self, profile_id: &str) -> Result<Vec<Member>> {
        let mut stmt = self.conn.prepare_cached(concat!(select!(), " WHERE m.profile_id = ?1
             ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END, m.created_at, m.id"))?;
        let rows = stmt.query_map([profile_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn member_count(&self, profile_id: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM members WHERE profile_id = ?1")?
            .query_row([profile_id], |r| r.get(0))?)
    }

    fn owner_count(&self, profile_id: &str) -> Result<i64> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM members WHERE profile_id = ?1 AND role = 'owner'",
            )?
            .query_row([profile_id], |r| r.get(0))?)
    }

    fn profiles_solely_owned_by(&self, user_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.slug FROM members m JOIN profiles p ON p.id = m.profile_id
             WHERE m.user_id = ?1 AND m.role = 'owner'
               AND (SELECT count(*) FROM members o WHERE o.profile_id = m.profile_id AND o.role = 'owner') = 1
             ORDER BY p.slug",
        )?;
        let rows = stmt.query_map([user_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn memberships_of(&self, user_id: &str) -> Result<HashMap<String, Role>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT profile_id, role FROM members WHERE user_id = ?1")?;
        let rows = stmt.query_map([user_id], |r| Ok((r.get::<_, String>(0)?, role_col(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl MemberWrites for SqliteTx<'_> {
    fn member_insert(&self, m: &Member) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        stmt.execute(params![
            m.id,
            m.profile_id,
            m.user_id,
            m.role.as_str(),
            m.created_at,
            m.updated_at
        ])
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ConstraintViolation) => Error::conflict(format!(
                "user {} is already a member of profile {}",
                m.user_id, m.profile_slug
            )),
            _ => e.into(),
        })?;
        Ok(())
    }

    fn member_set_role(&self, id: &str, role: Role, updated_at: &str) -> Result<()> {
        self.conn
            .prepare_cached("UPDATE members SET role = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![id, role.as_str(), updated_at])?;
        Ok(())
    }

    fn member_delete(&self, id: &str) -> Result<()> {
        self.conn
            .prepare_cached("DELETE FROM members WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}
