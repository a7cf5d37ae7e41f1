use std::collections::HashMap;

use chrono::{DateTime, Utc};

use super::{Get, PgTx, ts};
use crate::error::{Error, Result};
use crate::model::{Member, Role};
use crate::store::MemberQuery;
use crate::store::traits::*;

macro_rules! select {
    () => {
        "SELECT m.id, m.profile_id, m.user_id, m.role, m.created_at, m.updated_at, \
     p.slug, u.email, u.username, u.name \
     FROM members m JOIN profiles p ON p.id = m.profile_id JOIN users u ON u.id = m.user_id"
    };
}

/// A role's rank in list order: the expression of the index `members_in_list_order`,
/// spelled as there, which the planner matches to serve the order and the keyset.
macro_rules! rank {
    () => {
        "(CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END)"
    };
}

/// The list order: rank, join time, id (a total order: ids are unique).
macro_rules! list_order {
    () => {
        concat!(rank!(), ", m.created_at, m.id")
    };
}

fn role_col(r: &postgres::Row, idx: usize) -> Result<Role> {
    let text = r.text(idx)?;
    Role::parse(&text).ok_or_else(|| Error::internal(format!("unknown role {text:?}")))
}

fn from_row(r: &postgres::Row) -> Result<Member> {
    Ok(Member {
        id: r.text(0)?,
        profile_id: r.text(1)?,
        user_id: r.text(2)?,
        role: role_col(r, 3)?,
        created_at: r.time(4)?,
        updated_at: r.time(5)?,
        profile_slug: r.text(6)?,
        user_email: r.text_opt(7)?,
        user_username: r.text_opt(8)?,
        user_name: r.text(9)?,
    })
}

fn all(rows: Vec<postgres::Row>) -> Result<Vec<Member>> {
    rows.iter().map(from_row).collect()
}

/// The first page: `$1` the profile, `$2` the limit.
const PAGE_FIRST: &str = concat!(
    select!(),
    " WHERE m.profile_id = $1 ORDER BY ",
    list_order!(),
    " LIMIT $2"
);

/// The rank of the cursor's role, `$2`: the same as `rank!` of a column.
macro_rules! cursor_rank {
    () => {
        "(CASE $2::text WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END)"
    };
}

/// A page after the member `($2 role, $3 created_at, $4 id)`: `$1` the profile, `$5` the
/// limit. One row comparison in list order, which PostgreSQL seeks in
/// `members_in_list_order` after the profile (SQLite needs two seeks and a merge).
const PAGE_AFTER: &str = concat!(
    select!(),
    " WHERE m.profile_id = $1 AND (",
    list_order!(),
    ") > (",
    cursor_rank!(),
    ", $3, $4) ORDER BY ",
    list_order!(),
    " LIMIT $5"
);

/// [`PAGE_AFTER`] for a cursor whose join time is spelled as no stored one is (see
/// [`first_time_after`]): the members of the cursor's rank who joined at `$3` or later,
/// then every later rank; `$4` the limit.
const PAGE_FROM: &str = concat!(
    select!(),
    " WHERE m.profile_id = $1 AND (",
    rank!(),
    ", m.created_at) >= (",
    cursor_rank!(),
    ", $3) ORDER BY ",
    list_order!(),
    " LIMIT $4"
);

/// The earliest time whose stored spelling (RFC 3339 UTC with milliseconds) sorts after
/// `text` byte-wise: SQLite compares a cursor's join time as text, so a cursor whose time
/// is not spelled as roster stores times (which no page gave, but anyone may pass) means
/// "from this time on". Stored spellings have a fixed width over years 0 to 9999, where
/// their byte order is their time order, so this is a binary search; past that range, a
/// time after every stored one.
pub(super) fn first_time_after(text: &str) -> DateTime<Utc> {
    let at = |ms: i64| DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default();
    // 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z.
    let (mut lo, mut hi) = (-62_167_219_200_000_i64, 253_402_300_799_999_i64);
    if crate::model::timestamp(at(hi)).as_str() <= text {
        return at(hi + 1);
    }
    // The first in lo..=hi spelled after `text`.
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if crate::model::timestamp(at(mid)).as_str() > text {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    at(lo)
}

impl MemberReads for PgTx<'_> {
    fn member_get(&self, profile_id: &str, user_id: &str) -> Result<Option<Member>> {
        self.opt(
            concat!(select!(), " WHERE m.profile_id = $1 AND m.user_id = $2"),
            &[&profile_id, &user_id],
        )?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    fn member_role(&self, profile_id: &str, user_id: &str) -> Result<Option<Role>> {
        self.opt(
            "SELECT role FROM members WHERE profile_id = $1 AND user_id = $2",
            &[&profile_id, &user_id],
        )?
        .map(|r| role_col(&r, 0))
        .transpose()
    }

    fn member_list(&self, profile_id: &str) -> Result<Vec<Member>> {
        all(self.query(
            concat!(
                select!(),
                " WHERE m.profile_id = $1 ORDER BY ",
                list_order!()
            ),
            &[&profile_id],
        )?)
    }

    fn member_page(&self, q: &MemberQuery<'_>) -> Result<Vec<Member>> {
        let Some((role, created_at, id)) = q.after else {
            return all(self.query(PAGE_FIRST, &[&q.profile_id, &q.limit])?);
        };
        let role = role.as_str();
        // A join time spelled as stored compares as that time; any other spelling as
        // SQLite compares it, byte-wise.
        let stored = crate::model::parse_timestamp(created_at)
            .filter(|t| crate::model::timestamp(*t) == created_at);
        let rows = match stored {
            Some(t) => self.query(PAGE_AFTER, &[&q.profile_id, &role, &t, &id, &q.limit])?,
            None => {
                let from = first_time_after(created_at);
                self.query(PAGE_FROM, &[&q.profile_id, &role, &from, &q.limit])?
            }
        };
        all(rows)
    }

    fn member_count(&self, profile_id: &str) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM members WHERE profile_id = $1",
            &[&profile_id],
        )?
        .int(0)
    }

    fn owner_count(&self, profile_id: &str) -> Result<i64> {
        self.one(
            "SELECT count(*) FROM members WHERE profile_id = $1 AND role = 'owner'",
            &[&profile_id],
        )?
        .int(0)
    }

    fn profiles_solely_owned_by(&self, user_id: &str) -> Result<Vec<String>> {
        self.query(
            "SELECT p.slug FROM members m JOIN profiles p ON p.id = m.profile_id
             WHERE m.user_id = $1 AND m.role = 'owner'
               AND (SELECT count(*) FROM members o WHERE o.profile_id = m.profile_id AND o.role = 'owner') = 1
             ORDER BY p.slug",
            &[&user_id],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect()
    }

    fn memberships_of(&self, user_id: &str) -> Result<HashMap<String, Role>> {
        self.query(
            "SELECT profile_id, role FROM members WHERE user_id = $1",
            &[&user_id],
        )?
        .iter()
        .map(|r| Ok((r.text(0)?, role_col(r, 1)?)))
        .collect()
    }

    fn member_of_user(&self, user_id: &str) -> Result<Vec<Member>> {
        all(self.query(
            concat!(select!(), " WHERE m.user_id = $1 ORDER BY p.slug"),
            &[&user_id],
        )?)
    }
}

impl MemberWrites for PgTx<'_> {
    fn member_insert(&self, m: &Member) -> Result<()> {
        const SQL: &str =
            "INSERT INTO members (id, profile_id, user_id, role, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6)";
        let stmt = self.stmt(SQL)?;
        let done = self.txn.borrow_mut().execute(
            &stmt,
            &[
                &m.id,
                &m.profile_id,
                &m.user_id,
                &m.role.as_str(),
                &ts(&m.created_at)?,
                &ts(&m.updated_at)?,
            ],
        );
        // As SQLite's: any constraint refusing the row (class 23) is this conflict.
        done.map_err(|e| match e.code() {
            Some(code) if code.code().starts_with("23") => Error::conflict(format!(
                "user {} is already a member of profile {}",
                m.user_id, m.profile_slug
            )),
            _ => e.into(),
        })?;
        Ok(())
    }

    fn member_set_role(&self, id: &str, role: &Role, updated_at: &str) -> Result<()> {
        self.exec(
            "UPDATE members SET role = $2, updated_at = $3 WHERE id = $1",
            &[&id, &role.as_str(), &ts(updated_at)?],
        )?;
        Ok(())
    }

    fn member_delete(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM members WHERE id = $1", &[&id])?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_time_not_spelled_as_stored_compares_byte_wise() {
        let t = |s: &str| crate::model::timestamp(first_time_after(s));
        // Before the millisecond field: the same second's first millisecond.
        assert_eq!(t("2026-11-21T12:00:00Z"), "2026-11-21T12:00:01.000Z");
        assert_eq!(t("2026-11-21T12:00:00"), "2026-11-21T12:00:00.000Z");
        assert_eq!(t("2026-11-21T12:00:00.000Z"), "2026-11-21T12:00:00.001Z");
        assert_eq!(t("2026-11-21"), "2026-11-21T00:00:00.000Z");
        assert_eq!(t("2026-13"), "2027-01-01T00:00:00.000Z");
        assert_eq!(t(""), "0000-01-01T00:00:00.000Z");
        assert_eq!(t("x"), "+10000-01-01T00:00:00.000Z");
    }
}
