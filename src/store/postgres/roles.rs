use super::{Get, PgTx, json, ts};
use crate::error::{Error, Result};
use crate::model::{RoleDef, Scope};
use crate::store::traits::*;

macro_rules! cols {
    () => {
        "scope, name, permissions, description, builtin, created_at, updated_at"
    };
}

fn from_row(r: &postgres::Row) -> Result<RoleDef> {
    let scope = r.text(0)?;
    Ok(RoleDef {
        scope: Scope::parse(&scope)
            .ok_or_else(|| Error::internal(format!("unknown role scope {scope:?}")))?,
        name: r.text(1)?,
        permissions: r.json(2)?,
        description: r.text_opt(3)?,
        builtin: r.flag(4)?,
        created_at: r.time(5)?,
        updated_at: r.time(6)?,
        holders: None,
        events: None,
    })
}

impl RoleReads for PgTx<'_> {
    fn role_get(&self, scope: Scope, name: &str) -> Result<Option<RoleDef>> {
        let key = (scope, name.to_string());
        if let Some(found) = self.roles.borrow().get(&key) {
            return Ok(found.clone());
        }
        let found = self
            .opt(
                concat!(
                    "SELECT ",
                    cols!(),
                    " FROM roles WHERE scope = $1 AND name = $2"
                ),
                &[&scope.as_str(), &name],
            )?
            .as_ref()
            .map(from_row)
            .transpose()?;
        self.roles.borrow_mut().insert(key, found.clone());
        Ok(found)
    }

    fn role_list(&self) -> Result<Vec<RoleDef>> {
        self.query(
            concat!(
                "SELECT ",
                cols!(),
                " FROM roles ORDER BY builtin DESC, scope, \
                 CASE name WHEN 'admin' THEN 1 WHEN 'owner' THEN 0 WHEN 'member' THEN 2 ELSE 3 END, name"
            ),
            &[],
        )?
        .iter()
        .map(from_row)
        .collect()
    }

    fn role_holders(&self, scope: Scope, name: &str) -> Result<i64> {
        match scope {
            Scope::Global => self.one(
                "SELECT count(*) FROM users WHERE roles @> jsonb_build_array($1::text)",
                &[&name],
            )?,
            Scope::Profile => self.one(
                "SELECT (SELECT count(*) FROM members WHERE role = $1) + \
                 (SELECT count(*) FROM invitations WHERE role = $1 AND status = 'pending')",
                &[&name],
            )?,
        }
        .int(0)
    }
}

impl RoleWrites for PgTx<'_> {
    fn role_insert(&self, r: &RoleDef) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.exec(
            concat!(
                "INSERT INTO roles (",
                cols!(),
                ") VALUES ($1, $2, $3, $4, $5, $6, $7)"
            ),
            &[
                &r.scope.as_str(),
                &r.name,
                &json(&r.permissions),
                &r.description,
                &r.builtin,
                &ts(&r.created_at)?,
                &ts(&r.updated_at)?,
            ],
        )?;
        Ok(())
    }

    fn role_update(&self, r: &RoleDef) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.exec(
            "UPDATE roles SET permissions = $3, description = $4, updated_at = $5 \
             WHERE scope = $1 AND name = $2 AND NOT builtin",
            &[
                &r.scope.as_str(),
                &r.name,
                &json(&r.permissions),
                &r.description,
                &ts(&r.updated_at)?,
            ],
        )?;
        Ok(())
    }

    fn role_delete(&self, scope: Scope, name: &str) -> Result<()> {
        self.roles.borrow_mut().clear();
        self.exec(
            "DELETE FROM roles WHERE scope = $1 AND name = $2 AND NOT builtin",
            &[&scope.as_str(), &name],
        )?;
        Ok(())
    }
}
