//! `role-*` events: the definitions of README "Roles". Writing a definition is a global
//! permission (a definition applies in every profile), and no one defines a role with a
//! permission they do not hold themselves.

use serde_json::json;

use super::access::{Place, Request, pattern};
use super::{Ctx, OnExists, Outcome, allow, nearest};
use crate::error::{Error, Result};
use crate::model::{RoleDef, Scope, role_name};
use crate::store::Tx;

/// A role name as given, lower-cased, or 65.
pub fn name(given: &str) -> Result<String> {
    role_name(given.trim()).ok_or_else(|| {
        super::validate::bad(
            "role",
            given,
            "a role name is a letter, then up to 31 letters, digits, '-' or '_'",
        )
    })
}

/// The 67 of a role that is not defined, with the `roster role create` that would define it.
pub fn not_defined(tx: &Tx<'_>, scope: Scope, name: &str) -> Error {
    let mut e = Error::not_found(format!("{} role {name:?} is not defined", scope.as_str()));
    if let Ok(roles) = tx.role_list() {
        let names: Vec<String> = roles
            .into_iter()
            .filter(|r| r.scope == scope)
            .map(|r| r.name)
            .collect();
        if let Some(near) = nearest(name, &names) {
            e = e.hint(format!("did you mean {near:?}?"));
        }
    }
    let example = match scope {
        Scope::Global => "user-list,user-show",
        Scope::Profile => "member-list,media-*",
    };
    e.hint(format!(
        "define it: `roster role create {name} --scope {} --allow {example}`",
        scope.as_str()
    ))
}

/// The definition of a role that must exist (67 otherwise).
pub fn need(tx: &Tx<'_>, scope: Scope, name: &str) -> Result<RoleDef> {
    tx.role_get(scope, name)?
        .ok_or_else(|| not_defined(tx, scope, name))
}

/// Finds a role by name: in the scope given, or in whichever scope defines it (`admin`,
/// defined in both, needs the scope).
pub fn find(tx: &Tx<'_>, given: &str, scope: Option<Scope>) -> Result<RoleDef> {
    let name = name(given)?;
    if let Some(scope) = scope {
        return need(tx, scope, &name);
    }
    let global = tx.role_get(Scope::Global, &name)?;
    let profile = tx.role_get(Scope::Profile, &name)?;
    match (global, profile) {
        (Some(_), Some(_)) => Err(
            Error::usage(format!("role {name:?} is defined in both scopes"))
                .hint("name one with --scope global or --scope profile"),
        ),
        (Some(r), None) | (None, Some(r)) => Ok(r),
        (None, None) => {
            let mut e = Error::not_found(format!("role {name:?} is not defined"));
            let names: Vec<String> = tx.role_list()?.into_iter().map(|r| r.name).collect();
            if let Some(near) = nearest(&name, &names) {
                e = e.hint(format!("did you mean {near:?}?"));
            }
            Err(e.hint("list roles with `roster role list`"))
        }
    }
}

fn refuse_builtin(role: &RoleDef, verb: &str) -> Result<()> {
    if role.builtin {
        return Err(Error::conflict(format!(
            "the {} role {} is built in: it cannot be {verb}",
            role.scope.as_str(),
            role.name
        ))
        .hint("define a custom role with `roster role create`"));
    }
    Ok(())
}

/// A new role as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewRole {
    pub name: String,
    pub scope: Option<Scope>,
    pub allow: Vec<String>,
    pub description: Option<String>,
}

fn audit_data(r: &RoleDef) -> serde_json::Value {
    json!({
        "scope": r.scope.as_str(),
        "name": r.name,
        "permissions": r.permissions,
        "description": r.description,
    })
}

/// `role-create`: whoever holds `role-create` globally, holding every permission the new
/// role carries. With [`OnExists::Converge`] (seeds) an existing custom role is brought to
/// the permissions and description given.
pub fn create(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewRole,
    on_exists: OnExists,
) -> Result<Outcome<RoleDef>> {
    let name = name(&input.name)?;
    let scope = input.scope.ok_or_else(|| {
        Error::usage(format!("role {name}: --scope is required"))
            .hint("--scope global (held by users) or --scope profile (held in a profile)")
    })?;
    let permissions = pattern::check(scope, &input.allow)?;
    let description = input.description.filter(|d| !d.trim().is_empty());
    let role = RoleDef {
        scope,
        name: name.clone(),
        permissions,
        description,
        builtin: false,
        created_at: ctx.now_text.clone(),
        updated_at: ctx.now_text.clone(),
        holders: None,
        events: None,
    };
    allow(
        tx,
        ctx,
        Request::new("role-create")
            .at(Place::Global)
            .granting(&role),
    )?;
    if let Some(current) = tx.role_get(scope, &name)? {
        return match on_exists {
            OnExists::Fail => Err(Error::conflict(format!(
                "{} role {name:?} already exists",
                scope.as_str()
            ))
            .hint("add --if-not-exists to treat an existing role as success, or change it with `roster role update`")),
            OnExists::Skip => Ok(Outcome::Unchanged(current)),
            OnExists::Converge => {
                refuse_builtin(&current, "changed")?;
                save(tx, ctx, current, role.permissions, role.description)
            }
        };
    }
    tx.role_insert(&role)?;
    ctx.audit(tx, "role-create", &role_subject(&role), audit_data(&role))?;
    Ok(Outcome::Created(role))
}

/// How the audit names a role: `profile:editor`.
fn role_subject(r: &RoleDef) -> String {
    format!("{}:{}", r.scope.as_str(), r.name)
}

fn save(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    current: RoleDef,
    permissions: Vec<String>,
    description: Option<String>,
) -> Result<Outcome<RoleDef>> {
    let mut next = current.clone();
    next.permissions = permissions;
    next.description = description;
    allow(
        tx,
        ctx,
        Request::new("role-update")
            .at(Place::Global)
            .granting(&current)
            .granting(&next),
    )?;
    if next.permissions == current.permissions && next.description == current.description {
        return Ok(Outcome::Unchanged(current));
    }
    next.updated_at = ctx.now_text.clone();
    tx.role_update(&next)?;
    ctx.audit(tx, "role-update", &role_subject(&next), audit_data(&next))?;
    Ok(Outcome::Updated(next))
}

/// What `role update` changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoleChanges {
    pub allow: Vec<String>,
    pub deny: Vec<String>,
    /// `Some("")` clears it.
    pub description: Option<String>,
}

/// `role-update`: adds the `allow` patterns, takes away the `deny` ones; holding, as for
/// `role-create`, every permission of the role before and after. With
/// [`OnExists::Converge`] (seeds) denying what the role no longer grants is no change, so
/// that a seed run twice is `unchanged` the second time.
pub fn update(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    given: &str,
    scope: Option<Scope>,
    changes: RoleChanges,
    on_exists: OnExists,
) -> Result<Outcome<RoleDef>> {
    allow(tx, ctx, Request::new("role-update").at(Place::Global))?;
    let current = find(tx, given, scope)?;
    refuse_builtin(&current, "changed")?;
    if changes.allow.is_empty() && changes.deny.is_empty() && changes.description.is_none() {
        return Err(
            Error::usage(format!("role {}: nothing to change", current.name))
                .hint("give --allow PATTERN, --deny PATTERN or --description TEXT"),
        );
    }
    let mut permissions = pattern::deny(&current, &changes.deny, on_exists != OnExists::Converge)?;
    for p in pattern::check(current.scope, &changes.allow)? {
        if !permissions.contains(&p) {
            permissions.push(p);
        }
    }
    let description = match changes.description {
        Some(d) if d.trim().is_empty() => None,
        Some(d) => Some(d),
        None => current.description.clone(),
    };
    save(tx, ctx, current, permissions, description)
}

/// `role-delete`: whoever holds `role-delete` globally; never a built-in, never a role
/// someone holds (68, naming how many). With [`OnExists::Converge`] (seeds) a role that is
/// already gone is `Unchanged`.
pub fn delete(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    given: &str,
    scope: Option<Scope>,
    on_missing: OnExists,
) -> Result<Option<Outcome<RoleDef>>> {
    let role = delete_plan(tx, ctx, given, scope, on_missing)?;
    let Some(role) = role else {
        return Ok(None);
    };
    tx.role_delete(role.scope, &role.name)?;
    ctx.audit(tx, "role-delete", &role_subject(&role), audit_data(&role))?;
    Ok(Some(Outcome::Deleted(role)))
}

/// The checks of `role-delete`, for the confirmation.
pub fn delete_plan(
    tx: &Tx<'_>,
    ctx: &Ctx,
    given: &str,
    scope: Option<Scope>,
    on_missing: OnExists,
) -> Result<Option<RoleDef>> {
    allow(tx, ctx, Request::new("role-delete").at(Place::Global))?;
    let role = match find(tx, given, scope) {
        Ok(r) => r,
        Err(e) if on_missing == OnExists::Converge && e.kind == crate::error::Kind::NotFound => {
            return Ok(None);
        }
        Err(e) => return Err(e),
    };
    refuse_builtin(&role, "deleted")?;
    let holders = tx.role_holders(role.scope, &role.name)?;
    if holders > 0 {
        let who = match role.scope {
            Scope::Global => format!("{holders} user{}", if holders == 1 { "" } else { "s" }),
            Scope::Profile => format!(
                "{holders} member{} or pending invitation{}",
                if holders == 1 { "" } else { "s" },
                if holders == 1 { "" } else { "s" }
            ),
        };
        let fix = match role.scope {
            Scope::Global => format!("`roster user revoke USER {}`", role.name),
            Scope::Profile => {
                "`roster member role PROFILE USER member` (and cancel its invitations)".to_string()
            }
        };
        return Err(Error::conflict(format!(
            "{} role {} is held by {who}",
            role.scope.as_str(),
            role.name
        ))
        .hint(format!(
            "take it away first with {fix}; `roster role show {}` counts them",
            role.name
        )));
    }
    Ok(Some(role))
}

/// `role-list`: anyone. Every role, with how many hold it.
pub fn list(tx: &Tx<'_>, ctx: &Ctx) -> Result<Vec<RoleDef>> {
    allow(tx, ctx, Request::new("role-list").at(Place::Global))?;
    let mut roles = tx.role_list()?;
    for r in &mut roles {
        r.holders = Some(tx.role_holders(r.scope, &r.name)?);
    }
    Ok(roles)
}

/// `role-show`: anyone. The role, the events its patterns grant, and how many hold it.
pub fn show(tx: &Tx<'_>, ctx: &Ctx, given: &str, scope: Option<Scope>) -> Result<RoleDef> {
    allow(tx, ctx, Request::new("role-show").at(Place::Global))?;
    let mut role = find(tx, given, scope)?;
    role.holders = Some(tx.role_holders(role.scope, &role.name)?);
    role.events = Some(pattern::expanded_names(&role));
    Ok(role)
}
