use std::collections::HashMap;

use rusqlite::params;

use super::{SqliteTx, one};
use crate::error::{Error, Result};
use crate::model::{Member, Role, User};
use crate::store::MemberQuery;
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT m.id, m.profile_id, m.user_id, m.role, m.created_at, m.updated_at, \
     p.slug, u.email, u.username, u.name \
     FROM members m JOIN profiles p ON p.id = m.profile_id JOIN users u ON u.id = m.user_id"
    };
}

/// A role's rank in list order, of a column or a parameter: the expression of the index
/// `members_in_list_order` (migration 3), which SQLite uses only for this same expression.
macro_rules! rank {
    ($e:literal) => {
        concat!(
            "(CASE ",
            $e,
            " WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END)"
        )
    };
}

/// The list order: rank, join time, id (a total order: ids are unique).
macro_rules! list_order {
    () => {
        concat!(rank!("m.role"), ", m.created_at, m.id")
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

/// The first page: `?1` the profile, `?2` the limit.
const PAGE_FIRST: &str = concat!(
    select!(),
    " WHERE m.profile_id = ?1 ORDER BY ",
    list_order!(),
    " LIMIT ?2"
);

/// A page after the member `(?2 role, ?3 created_at, ?4 id)`: `?1` the profile, `?5` the
/// limit. SQLite seeks an index with a row value only over plain columns, and the rank is
/// an expression; so the keyset is split in two, each one seek of `members_in_list_order`
/// read in its order: the rest of the cursor's rank (that rank, then `(created_at, id)`
/// after the cursor's) and every later rank. Each takes at most `?5` rows; the merge sorts
/// those few, never the profile.
const PAGE_AFTER: &str = concat!(
    "SELECT * FROM (SELECT * FROM (",
    select!(),
    " WHERE m.profile_id = ?1 AND ",
    rank!("m.role"),
    " = ",
    rank!("?2"),
    " AND (m.created_at, m.id) > (?3, ?4) ORDER BY m.created_at, m.id LIMIT ?5)",
    " UNION ALL SELECT * FROM (",
    select!(),
    " WHERE m.profile_id = ?1 AND ",
    rank!("m.role"),
    " > ",
    rank!("?2"),
    " ORDER BY ",
    list_order!(),
    " LIMIT ?5)) ORDER BY ",
    rank!("role"),
    ", created_at, id LIMIT ?5"
);

impl MemberReads for SqliteTx<'_> {
    fn member_get(&self, profile_id: &str, user_id: &str) -> Result<Option<Member>> {
        if self.member_surely_absent(profile_id, user_id)? {
            return Ok(None);
        }
        one(
            self.conn,
            concat!(select!(), " WHERE m.profile_id = ?1 AND m.user_id = ?2"),
            [profile_id, user_id],
            from_row,
        )
    }

    fn member_of(&self, profile_id: &str, slug: &str, user: &User) -> Result<Option<Member>> {
        if self.member_surely_absent(profile_id, &user.id)? {
            return Ok(None);
        }
        // The row alone: the join's four B-tree searches (profile, user) give what the
        // caller holds.
        one(
            self.conn,
            "SELECT id, role, created_at, updated_at FROM members \
             WHERE profile_id = ?1 AND user_id = ?2",
            [profile_id, &user.id],
            |r| {
                Ok(Member {
                    id: r.get(0)?,
                    profile_id: profile_id.to_string(),
                    user_id: user.id.clone(),
                    role: role_col(r, 1)?,
                    created_at: r.get(2)?,
                    updated_at: r.get(3)?,
                    profile_slug: slug.to_string(),
                    user_email: user.email.clone(),
                    user_username: user.username.clone(),
                    user_name: user.name.clone(),
                })
            },
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
        let mut stmt = self.stmt(concat!(
            select!(),
            " WHERE m.profile_id = ?1 ORDER BY ",
            list_order!()
        ))?;
        let rows = stmt.query_map([profile_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn member_page(&self, q: &MemberQuery<'_>) -> Result<Vec<Member>> {
        let Some((role, created_at, id)) = q.after else {
            let mut stmt = self.stmt(PAGE_FIRST)?;
            let rows = stmt.query_map(params![q.profile_id, q.limit], from_row)?;
            return Ok(rows.collect::<rusqlite::Result<_>>()?);
        };
        let mut stmt = self.stmt(PAGE_AFTER)?;
        let rows = stmt.query_map(
            params![q.profile_id, role.as_str(), created_at, id, q.limit],
            from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn member_count(&self, profile_id: &str) -> Result<i64> {
        Ok(self
            .stmt("SELECT count(*) FROM members WHERE profile_id = ?1")?
            .query_row([profile_id], |r| r.get(0))?)
    }

    fn owner_count(&self, profile_id: &str) -> Result<i64> {
        Ok(self
            .stmt("SELECT count(*) FROM members WHERE profile_id = ?1 AND role = 'owner'")?
            .query_row([profile_id], |r| r.get(0))?)
    }

    fn profiles_solely_owned_by(&self, user_id: &str) -> Result<Vec<String>> {
        let mut stmt = self.stmt(
            "SELECT p.slug FROM members m JOIN profiles p ON p.id = m.profile_id
             WHERE m.user_id = ?1 AND m.role = 'owner'
               AND (SELECT count(*) FROM members o WHERE o.profile_id = m.profile_id AND o.role = 'owner') = 1
             ORDER BY p.slug",
        )?;
        let rows = stmt.query_map([user_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn memberships_of(&self, user_id: &str) -> Result<HashMap<String, Role>> {
        let mut stmt = self.stmt("SELECT profile_id, role FROM members WHERE user_id = ?1")?;
        let rows = stmt.query_map([user_id], |r| Ok((r.get::<_, String>(0)?, role_col(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn member_of_user(&self, user_id: &str) -> Result<Vec<Member>> {
        let mut stmt = self.stmt(concat!(select!(), " WHERE m.user_id = ?1 ORDER BY p.slug"))?;
        let rows = stmt.query_map([user_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl MemberWrites for SqliteTx<'_> {
    fn member_insert(&self, m: &Member) -> Result<()> {
        self.absent_members
            .borrow_mut()
            .add(super::absent::member(&m.profile_id, &m.user_id));
        let mut stmt = self.stmt(
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
        self.profiles.borrow_mut().member_added(&m.profile_id);
        self.tapped(|| crate::store::Written::Member(m.clone()))?;
        Ok(())
    }

    fn member_set_role(&self, id: &str, role: &Role, updated_at: &str) -> Result<()> {
        // Only the role and its time change: the server gets the last of them at the end.
        if let Some(tap) = self.tap {
            tap.members_updated.borrow_mut().insert(
                id.to_string(),
                (role.as_str().to_string(), updated_at.to_string()),
            );
        }
        self.stmt("UPDATE members SET role = ?2, updated_at = ?3 WHERE id = ?1")?
            .execute(params![id, role.as_str(), updated_at])?;
        Ok(())
    }

    fn member_delete(&self, id: &str) -> Result<()> {
        self.untapped(crate::store::table::MEMBERS);
        self.profiles.borrow_mut().clear();
        self.stmt("DELETE FROM members WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// Surely no such membership ([`super::absent`]): then no look-up is made.
    fn member_surely_absent(&self, profile_id: &str, user_id: &str) -> Result<bool> {
        self.absent_members
            .borrow_mut()
            .surely(self.conn, || super::absent::member(profile_id, user_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::schema::MIGRATIONS;

    fn plan(conn: &rusqlite::Connection, sql: &str) -> Vec<String> {
        let mut stmt = conn
            .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .expect("explain");
        let unbound = vec![rusqlite::types::Null; stmt.parameter_count()];
        let rows = stmt
            .query_map(rusqlite::params_from_iter(unbound), |r| {
                Ok((r.get::<_, i64>(1)?, r.get::<_, String>(3)?))
            })
            .expect("plan rows");
        rows.map(|r| {
            let (parent, detail) = r.expect("plan row");
            format!("{parent}: {detail}")
        })
        .collect()
    }

    /// Every list query reads `members` by seeking `members_in_list_order` in its order,
    /// so that no page sorts or walks a profile's members: only the merge of the two
    /// halves of a later page sorts, and it sorts at most twice the page.
    #[test]
    fn member_pages_seek_the_list_order_index() {
        let conn = rusqlite::Connection::open_in_memory().expect("memory db");
        for m in MIGRATIONS {
            conn.execute_batch(m).expect("migration");
        }
        let list = concat!(
            select!(),
            " WHERE m.profile_id = ?1 ORDER BY ",
            list_order!()
        );
        for sql in [list, PAGE_FIRST, PAGE_AFTER] {
            let steps = plan(&conn, sql);
            // `members` is `m` in every query; nothing else is called `m`.
            let reads: Vec<&String> = steps
                .iter()
                .filter(|s| s.contains("SCAN m") || s.contains("SEARCH m"))
                .collect();
            assert!(!reads.is_empty(), "{steps:#?}");
            for s in &reads {
                assert!(
                    s.contains("SEARCH m USING INDEX members_in_list_order (profile_id=?"),
                    "{steps:#?}"
                );
            }
            let sorts: Vec<&String> = steps.iter().filter(|s| s.contains("TEMP B-TREE")).collect();
            if sql == PAGE_AFTER {
                assert_eq!(sorts.len(), 1, "{steps:#?}");
                assert!(
                    sorts[0].starts_with("0: "),
                    "only the outer merge sorts: {steps:#?}"
                );
            } else {
                assert!(sorts.is_empty(), "{steps:#?}");
            }
        }
        let after = plan(&conn, PAGE_AFTER).join("\n");
        assert!(
            after.contains("=? AND (created_at,id)>(?,?))") && after.contains("<expr>>?)"),
            "the keyset is a seek, not a filter: {after}"
        );
    }
}
