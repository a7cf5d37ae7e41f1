//! `role-*` events: create, update, delete — Stackpress's `session.access`, for real.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::access::pattern;
use crate::actions::role::{self, NewRole, RoleChanges};
use crate::actions::{Ctx, OnExists};
use crate::error::{Error, Result};
use crate::model::Scope;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[
    def::<RoleCreate>(),
    def::<RoleUpdate>(),
    def::<RoleDelete>(),
];

const SCOPES: &[&str] = &["global", "profile"];

/// `role-create`: `{"name", "scope", "allow": [...], "description"}`; a seed converges an
/// existing custom role to the patterns given.
#[derive(Debug)]
pub struct RoleCreate(NewRole);

impl NewRole {
    /// The checks a seed makes before anything is written: the name, the scope, every
    /// pattern.
    pub fn validated(mut self) -> Result<NewRole> {
        self.name = role::name(&self.name)?;
        let scope = self.scope.ok_or_else(|| {
            Error::invalid(format!("scope: required for role {}", self.name))
                .hint("\"global\" (held by users) or \"profile\" (held in a profile)")
        })?;
        self.allow = pattern::check(scope, &self.allow)?;
        Ok(self)
    }
}

impl SeedEvent for RoleCreate {
    const NAME: &'static str = "role-create";
    const FIELDS: &'static [F] = &[
        F::required("name"),
        F::one_of("scope", SCOPES),
        F::texts("allow"),
        F::text("description"),
        F::boolean("if_not_exists"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let input = NewRole {
            name: d.required("name"),
            scope: d.word("scope", SCOPES, Scope::parse),
            allow: d.texts("allow").unwrap_or_default(),
            description: d.string("description"),
        };
        d.boolean("if_not_exists");
        d.valid(input, NewRole::validated).map(RoleCreate)
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = role::create(tx, ctx, self.0, OnExists::Converge)?;
        Ok((label(&o), o.value().name.clone()))
    }
}

/// `role-update`: `{"name", "scope", "allow", "deny", "description"}`.
#[derive(Debug)]
pub struct RoleUpdate {
    name: String,
    scope: Option<Scope>,
    changes: RoleChanges,
}

impl SeedEvent for RoleUpdate {
    const NAME: &'static str = "role-update";
    const FIELDS: &'static [F] = &[
        F::required("name"),
        F::one_of("scope", SCOPES),
        F::texts("allow"),
        F::texts("deny"),
        F::text("description"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let name = d.required("name");
        let scope = d.word("scope", SCOPES, Scope::parse);
        let changes = RoleChanges {
            allow: d.texts("allow").unwrap_or_default(),
            deny: d.texts("deny").unwrap_or_default(),
            description: d.string("description"),
        };
        let name = d.check(role::name(&name))?;
        if let Some(scope) = scope {
            d.check(pattern::check(scope, &changes.allow))?;
        }
        Some(RoleUpdate {
            name,
            scope,
            changes,
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = role::update(
            tx,
            ctx,
            &self.name,
            self.scope,
            self.changes,
            OnExists::Converge,
        )?;
        Ok((label(&o), o.value().name.clone()))
    }
}

/// `role-delete`: `{"name", "scope"}`; a role already gone is `unchanged`.
#[derive(Debug)]
pub struct RoleDelete {
    name: String,
    scope: Option<Scope>,
}

impl SeedEvent for RoleDelete {
    const NAME: &'static str = "role-delete";
    const FIELDS: &'static [F] = &[F::required("name"), F::one_of("scope", SCOPES)];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let name = d.required("name");
        let scope = d.word("scope", SCOPES, Scope::parse);
        let name = d.check(role::name(&name))?;
        Some(RoleDelete { name, scope })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        match role::delete(tx, ctx, &self.name, self.scope, OnExists::Converge)? {
            Some(o) => Ok((label(&o), o.value().name.clone())),
            None => Ok(("unchanged", self.name)),
        }
    }
}
