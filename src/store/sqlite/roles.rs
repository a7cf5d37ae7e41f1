use rusqlite::params;

use super::{SqliteTx, json_col, one};
use crate::error::Result;
use crate::model::{RoleDef, Scope};
use crate::store::traits::*;

const COLS: &str = "scope, name, permissions, description, builtin, created_at, updated_at";

fn from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<RoleDef> {
    let scope: String = r.get(0)?;
    Ok(RoleDef {
        scope: Scope::parse(&scope).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                format!("unknown role scope {scope:?}").into(),
            )
        })?,
        name: r.get(1)?,
        permissions: json_col(r, 2)?,
        description: r.get(3)?,
        builtin: r.get(4)?,
        created_at: r.get(5)?,
        updated_at: r.get(6)?,
        holders: None,
        events: None,
    })
}

impl RoleReads for SqliteTx<'_> {
    fn role_get(&self, scope: Scope, name: &str) -> Result<Option<RoleDef>> {
        let key = (scope, name.to_string());
        if let Some(found) = self.roles.borrow().get(&key) {
            return Ok(found.clone());
        }
        let found = one(
            self.conn,
            concat!(
                "SELECT scope, name, permissions, description, builtin, created_at, updated_at ",
                "FROM roles WHERE scope = ?1 AND name = ?2"
            ),
            params![scope.as_str(), name],
            from_row,
        )?;
        self.roles.borrow_mut().insert(key, found.clone());
        Ok(found)
    }

    fn role_list(&self) -> Result<Vec<RoleDef>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLS} FROM roles ORDER BY builtin DESC, scope, \
             CASE name WHEN 'admin' THEN 1 WHEN 'owner' THEN 0 WHEN 'member' THEN 2 ELSE 3 END, name"
        ))?;
        let rows = stmt.query_map([], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn role_holders(&self, scope: Scope, name: &str) -> Result<i64> {
        let n = match scope {
            Scope::Global => self
                .stmt(
                    "SELECT count(*) FROM users WHERE EXISTS \
                     (SELECT 1 FROM json_each(users.roles) j WHERE j.value = ?1)",
                )?
                .query_row([name], |r| r.get(0))?,
            Scope::Profile => self
                .stmt(
                    "SELECT (SELECT count(*) FROM members WHERE role = ?1) + \
                     (SELECT count(*) FROM invitations WHERE role = ?1 AND status = 'pending')",
                )?
                .query_row([name], |r| r.get(0))?,
        };
        Ok(n)
    }
}

impl RoleWrites for SqliteTx<'_> {
    fn role_insert(&self, r: &RoleDef) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.conn
            .prepare_cached(&format!(
                "INSERT INTO roles ({COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
            ))?
            .execute(params![
                r.scope.as_str(),
                r.name,
                serde_json::to_string(&r.permissions).unwrap_or_else(|_| "[]".into()),
                r.description,
                r.builtin,
                r.created_at,
                r.updated_at
            ])?;
        Ok(())
    }

    fn role_update(&self, r: &RoleDef) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.stmt(
            "UPDATE roles SET permissions = ?3, description = ?4, updated_at = ?5 \
                 WHERE scope = ?1 AND name = ?2 AND builtin = 0",
        )?
        .execute(params![
            r.scope.as_str(),
            r.name,
            serde_json::to_string(&r.permissions).unwrap_or_else(|_| "[]".into()),
            r.description,
            r.updated_at
        ])?;
        Ok(())
    }

    fn role_delete(&self, scope: Scope, name: &str) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.stmt("DELETE FROM roles WHERE scope = ?1 AND name = ?2 AND builtin = 0")?
            .execute(params![scope.as_str(), name])?;
        Ok(())
    }
}
