use rusqlite::params;

use super::{SqliteTx, absent, json_col, one};
use crate::error::Result;
use crate::model::User;
use crate::store::UserQuery;
use crate::store::traits::*;

macro_rules! cols {
    () => {
        "id, email, username, phone, name, image, type, roles, tags, metadata, active, password_hash, created_at, updated_at, email_verified_at, phone_verified_at"
    };
}

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<User> {
    Ok(User {
        id: r.get(0)?,
        email: r.get(1)?,
        username: r.get(2)?,
        phone: r.get(3)?,
        name: r.get(4)?,
        image: r.get(5)?,
        kind: r.get(6)?,
        roles: json_col(r, 7)?,
        tags: json_col(r, 8)?,
        metadata: json_col(r, 9)?,
        active: r.get(10)?,
        password_hash: r.get(11)?,
        created_at: r.get(12)?,
        updated_at: r.get(13)?,
        email_verified_at: r.get(14)?,
        phone_verified_at: r.get(15)?,
    })
}

fn json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

/// The query of one user by a unique column.
macro_rules! by {
    ($col:literal) => {
        concat!("SELECT ", cols!(), " FROM users WHERE ", $col, " = ?1")
    };
}

impl UserReads for SqliteTx<'_> {
    fn user_by_id(&self, id: &str) -> Result<Option<User>> {
        if self.user_surely_absent(|| absent::key(&[&"id", &id]))? {
            return Ok(None);
        }
        one(self.conn, by!("id"), [id], from_row)
    }

    fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        if self.user_surely_absent(|| absent::key(&[&"email", &email]))? {
            return Ok(None);
        }
        one(self.conn, by!("email"), [email], from_row)
    }

    fn user_by_username(&self, username: &str) -> Result<Option<User>> {
        // NOCASE: ASCII case folded, as the column compares.
        let probe = || absent::key(&[&"username", &username.to_ascii_lowercase()]);
        if self.user_surely_absent(probe)? {
            return Ok(None);
        }
        one(self.conn, by!("username"), [username], from_row)
    }

    fn user_by_phone(&self, phone: &str) -> Result<Option<User>> {
        if self.user_surely_absent(|| absent::key(&[&"phone", &phone]))? {
            return Ok(None);
        }
        one(self.conn, by!("phone"), [phone], from_row)
    }

    fn no_users(&self) -> Result<bool> {
        Ok(self
            .stmt("SELECT NOT EXISTS (SELECT 1 FROM users)")?
            .query_row([], |r| r.get(0))?)
    }

    fn user_page(&self, q: &UserQuery<'_>) -> Result<Vec<User>> {
        let mut sql = String::from(concat!("SELECT ", cols!(), " FROM users WHERE true"));
        let folded = q.search.map(super::media::fold);
        let mut args: Vec<(&str, &dyn rusqlite::ToSql)> = Vec::new();
        if let Some(id) = &q.only {
            sql.push_str(" AND id = :only");
            args.push((":only", id));
        }
        if let Some(term) = &folded {
            // roster_contains folds each column as the term was folded; null never matches.
            sql.push_str(
                " AND (roster_contains(email, :term) OR roster_contains(username, :term) \
                 OR roster_contains(name, :term) OR roster_contains(phone, :term))",
            );
            args.push((":term", term));
        }
        if let Some((at, id)) = &q.after {
            sql.push_str(" AND (created_at, id) > (:at, :id)");
            args.push((":at", at));
            args.push((":id", id));
        }
        sql.push_str(" ORDER BY created_at, id");
        if let Some(limit) = &q.limit {
            sql.push_str(" LIMIT :limit");
            args.push((":limit", limit));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(args.as_slice(), from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn user_global_admins(&self) -> Result<Vec<User>> {
        let mut stmt = self.stmt(concat!(
            "SELECT ",
            cols!(),
            " FROM users WHERE EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value = 'admin')
             ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn user_handles(&self) -> Result<Vec<String>> {
        let mut stmt = self.stmt(
            "SELECT email FROM users WHERE email IS NOT NULL
             UNION ALL SELECT username FROM users WHERE username IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

impl UserWrites for SqliteTx<'_> {
    fn user_insert(&self, u: &User) -> Result<()> {
        self.user_written(u);
        let mut stmt = self.stmt(concat!(
            "INSERT INTO users (",
            cols!(),
            ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)"
        ))?;
        stmt.execute(params![
            u.id,
            u.email,
            u.username,
            u.phone,
            u.name,
            u.image,
            u.kind,
            json(&u.roles),
            json(&u.tags),
            json(&u.metadata),
            u.active,
            u.password_hash,
            u.created_at,
            u.updated_at,
            u.email_verified_at,
            u.phone_verified_at
        ])?;
        self.tapped(|| crate::store::Written::User(u.clone()))?;
        Ok(())
    }

    fn user_update(&self, u: &User) -> Result<()> {
        self.untapped(crate::store::table::USERS);
        self.user_written(u);
        let mut stmt = self.stmt(
            "UPDATE users SET email = ?2, username = ?3, phone = ?4, name = ?5, image = ?6, type = ?7,
             roles = ?8, tags = ?9, metadata = ?10, active = ?11, password_hash = ?12, updated_at = ?13,
             email_verified_at = ?14, phone_verified_at = ?15
             WHERE id = ?1",
        )?;
        stmt.execute(params![
            u.id,
            u.email,
            u.username,
            u.phone,
            u.name,
            u.image,
            u.kind,
            json(&u.roles),
            json(&u.tags),
            json(&u.metadata),
            u.active,
            u.password_hash,
            u.updated_at,
            u.email_verified_at,
            u.phone_verified_at
        ])?;
        Ok(())
    }

    fn user_delete(&self, id: &str) -> Result<()> {
        self.untapped(
            crate::store::table::USERS
                | crate::store::table::MEMBERS
                | crate::store::table::INVITATIONS
                | crate::store::table::MEDIA
                | crate::store::table::SESSIONS,
        );
        self.profiles.borrow_mut().clear();
        self.stmt("DELETE FROM users WHERE id = ?1")?
            .execute([id])?;
        Ok(())
    }
}

impl SqliteTx<'_> {
    /// Whether no user row has this key ([`absent`]): then the look-up is not made.
    fn user_surely_absent(&self, key: impl FnOnce() -> u64) -> Result<bool> {
        self.absent_users.borrow_mut().surely(self.conn, key)
    }

    /// Records the keys of a user row about to be written.
    fn user_written(&self, u: &User) {
        let mut absent = self.absent_users.borrow_mut();
        absent.add(absent::key(&[&"id", &u.id]));
        if let Some(email) = &u.email {
            absent.add(absent::key(&[&"email", email]));
        }
        if let Some(username) = &u.username {
            absent.add(absent::key(&[&"username", &username.to_ascii_lowercase()]));
        }
        if let Some(phone) = &u.phone {
            absent.add(absent::key(&[&"phone", phone]));
        }
    }
}
