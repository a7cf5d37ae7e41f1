use postgres::types::ToSql;

use super::{Get, PgTx, json, ts, ts_opt};
use crate::error::Result;
use crate::model::User;
use crate::store::UserQuery;
use crate::store::traits::*;

macro_rules! cols {
    () => {
        "id, email, username, phone, name, image, type, roles, tags, metadata, active, password_hash, created_at, updated_at, email_verified_at, phone_verified_at"
    };
}

pub(super) fn from_row(r: &postgres::Row) -> Result<User> {
    Ok(User {
        id: r.text(0)?,
        email: r.text_opt(1)?,
        username: r.text_opt(2)?,
        phone: r.text_opt(3)?,
        name: r.text(4)?,
        image: r.text_opt(5)?,
        kind: r.text(6)?,
        roles: r.json(7)?,
        tags: r.json(8)?,
        metadata: r.json(9)?,
        active: r.flag(10)?,
        password_hash: r.text_opt(11)?,
        created_at: r.time(12)?,
        updated_at: r.time(13)?,
        email_verified_at: r.time_opt(14)?,
        phone_verified_at: r.time_opt(15)?,
    })
}

/// The query of one user by a unique column.
macro_rules! by {
    ($col:literal) => {
        concat!("SELECT ", cols!(), " FROM users WHERE ", $col, " = $1")
    };
}

fn all(rows: Vec<postgres::Row>) -> Result<Vec<User>> {
    rows.iter().map(from_row).collect()
}

impl UserReads for PgTx<'_> {
    fn user_by_id(&self, id: &str) -> Result<Option<User>> {
        self.opt(by!("id"), &[&id])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        self.opt(by!("email"), &[&email])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn user_by_username(&self, username: &str) -> Result<Option<User>> {
        self.opt(
            concat!(
                "SELECT ",
                cols!(),
                " FROM users WHERE nocase(username) = nocase($1)"
            ),
            &[&username],
        )?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    fn user_by_phone(&self, phone: &str) -> Result<Option<User>> {
        self.opt(by!("phone"), &[&phone])?
            .as_ref()
            .map(from_row)
            .transpose()
    }

    fn no_users(&self) -> Result<bool> {
        self.one("SELECT NOT EXISTS (SELECT 1 FROM users)", &[])?
            .flag(0)
    }

    fn user_page(&self, q: &UserQuery<'_>) -> Result<Vec<User>> {
        let mut sql = String::from(concat!("SELECT ", cols!(), " FROM users WHERE true"));
        let mut args: Vec<Box<dyn ToSql + Sync>> = Vec::new();
        // Adds a parameter, and `text` naming it (its `$` numbered).
        fn arg(
            sql: &mut String,
            args: &mut Vec<Box<dyn ToSql + Sync>>,
            text: &str,
            value: Box<dyn ToSql + Sync>,
        ) {
            args.push(value);
            sql.push_str(&text.replace('$', &format!("${}", args.len())));
        }
        if let Some(id) = q.only {
            arg(&mut sql, &mut args, " AND id = $", Box::new(id.to_string()));
        }
        if let Some(term) = q.search {
            // Each column folded per character, as SQLite's search folds it (see
            // `media`: the server's lower() alone would apply Final_Sigma); `%`, `_` and
            // `\` of the term are literal.
            let pattern = format!(
                "%{}%",
                super::media::like_escape(&super::media::sqlite_fold(term))
            );
            args.push(Box::new(pattern));
            let n = args.len();
            sql.push_str(&format!(
                " AND (fold(translate(email, 'Σ', 'σ')) LIKE ${n} OR fold(translate(username, 'Σ', 'σ')) LIKE ${n} \
                 OR fold(translate(name, 'Σ', 'σ')) LIKE ${n} OR fold(translate(phone, 'Σ', 'σ')) LIKE ${n})"
            ));
        }
        if let Some((at, id)) = q.after {
            // A creation time spelled as stored compares as that time; any other spelling
            // as SQLite compares it, byte-wise (see `members::first_time_after`).
            let stored =
                crate::model::parse_timestamp(at).filter(|t| crate::model::timestamp(*t) == at);
            match stored {
                Some(t) => {
                    args.push(Box::new(t));
                    args.push(Box::new(id.to_string()));
                    let n = args.len();
                    sql.push_str(&format!(" AND (created_at, id) > (${}, ${n})", n - 1));
                }
                None => arg(
                    &mut sql,
                    &mut args,
                    " AND created_at >= $",
                    Box::new(super::members::first_time_after(at)),
                ),
            }
        }
        sql.push_str(" ORDER BY created_at, id");
        if let Some(limit) = q.limit {
            arg(&mut sql, &mut args, " LIMIT $", Box::new(limit));
        }
        let params: Vec<&(dyn ToSql + Sync)> = args.iter().map(|a| a.as_ref()).collect();
        all(self.query_dyn(&sql, &params)?)
    }

    fn user_global_admins(&self) -> Result<Vec<User>> {
        all(self.query(
            concat!(
                "SELECT ",
                cols!(),
                " FROM users WHERE roles @> '[\"admin\"]' ORDER BY created_at, id"
            ),
            &[],
        )?)
    }

    fn user_handles(&self) -> Result<Vec<String>> {
        self.query(
            "SELECT email FROM users WHERE email IS NOT NULL
             UNION ALL SELECT username FROM users WHERE username IS NOT NULL",
            &[],
        )?
        .iter()
        .map(|r| r.text(0))
        .collect()
    }
}

impl UserWrites for PgTx<'_> {
    fn user_insert(&self, u: &User) -> Result<()> {
        self.exec(
            concat!(
                "INSERT INTO users (",
                cols!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)"
            ),
            &[
                &u.id,
                &u.email,
                &u.username,
                &u.phone,
                &u.name,
                &u.image,
                &u.kind,
                &json(&u.roles),
                &json(&u.tags),
                &json(&u.metadata),
                &u.active,
                &u.password_hash,
                &ts(&u.created_at)?,
                &ts(&u.updated_at)?,
                &ts_opt(&u.email_verified_at)?,
                &ts_opt(&u.phone_verified_at)?,
            ],
        )?;
        Ok(())
    }

    fn user_update(&self, u: &User) -> Result<()> {
        self.exec(
            "UPDATE users SET email = $2, username = $3, phone = $4, name = $5, image = $6, type = $7,
             roles = $8, tags = $9, metadata = $10, active = $11, password_hash = $12, updated_at = $13,
             email_verified_at = $14, phone_verified_at = $15
             WHERE id = $1",
            &[
                &u.id,
                &u.email,
                &u.username,
                &u.phone,
                &u.name,
                &u.image,
                &u.kind,
                &json(&u.roles),
                &json(&u.tags),
                &json(&u.metadata),
                &u.active,
                &u.password_hash,
                &ts(&u.updated_at)?,
                &ts_opt(&u.email_verified_at)?,
                &ts_opt(&u.phone_verified_at)?,
            ],
        )?;
        Ok(())
    }

    fn user_delete(&self, id: &str) -> Result<()> {
        self.exec("DELETE FROM users WHERE id = $1", &[&id])?;
        Ok(())
    }
}
