//! `user-*` events: create, update, passwd, grant, revoke, disable, enable, delete.

use serde_json::{Value, json};

use super::access::{Place, Request};
use super::{Ctx, OnExists, Outcome, allow, find_user, validate};
use crate::error::{Error, Result};
use crate::model::{JsonObject, Membership, User, UserDetail, new_id};
use crate::model::{RoleDef, Scope};
use crate::output::Record;
use crate::password;
use crate::store::Tx;

/// The input of `user-create`. `password_hash` is an argon2id PHC string: plain passwords
/// are hashed by the caller before the write transaction begins.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewUser {
    pub id: Option<String>,
    pub email: Option<String>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub name: Option<String>,
    pub image: Option<String>,
    pub kind: Option<String>,
    pub roles: Vec<String>,
    pub tags: Option<Vec<String>>,
    pub metadata: Option<JsonObject>,
    pub active: Option<bool>,
    pub password_hash: Option<String>,
    /// A seed's `email_verified` / `phone_verified`: the identifier is (true) or is not
    /// (false) verified; verified now when it was not.
    pub email_verified: Option<bool>,
    pub phone_verified: Option<bool>,
}

impl NewUser {
    /// Validates and normalises every field; needs no database, so seeds can check all
    /// their events before writing anything.
    pub fn validated(self) -> Result<NewUser> {
        let mut s = self.names_validated()?;
        if s.email.is_none() && s.username.is_none() && s.phone.is_none() {
            return Err(
                Error::invalid("a user needs at least one of email, username and phone")
                    .hint("add --email (or --username / --phone)"),
            );
        }
        let name = s
            .name
            .as_deref()
            .ok_or_else(|| Error::invalid("name: required").hint("add --name"))?;
        s.name = Some(validate::text("name", name, 200)?);
        s.image = s.image.map(|v| validate::url("image", &v)).transpose()?;
        s.kind = s.kind.map(|v| validate::word("type", &v)).transpose()?;
        s.roles = validate::words("role", &s.roles)?;
        s.tags = s.tags.map(|t| validate::tags(&t)).transpose()?;
        if let Some(h) = &s.password_hash {
            password::check_phc(h)?;
        }
        Ok(s)
    }

    /// The names a user is found by (id, email, username, phone) validated and normalised,
    /// the rest untouched: enough for [`check_free`] before the other values are known.
    pub fn names_validated(mut self) -> Result<NewUser> {
        self.id = self.id.map(|v| validate::id("id", &v)).transpose()?;
        self.email = self.email.map(|v| validate::email(&v)).transpose()?;
        self.username = self.username.map(|v| validate::username(&v)).transpose()?;
        self.phone = self.phone.map(|v| validate::phone(&v)).transpose()?;
        Ok(self)
    }

    /// The key a seed or `--if-not-exists` recognises the user by.
    pub fn key(&self) -> String {
        self.id
            .clone()
            .or_else(|| self.email.clone())
            .or_else(|| self.username.clone())
            .or_else(|| self.phone.clone())
            .unwrap_or_default()
    }
}

/// The existing user this input names: by its key (see [`NewUser::key`]) only, that is by
/// id when given, else email, else username, else phone. Falling through to the other
/// identifiers would take a different user holding, say, the username for the one asked
/// for (reported `unchanged`, or converged by a seed); [`check_unique`] reports such a
/// clash as a conflict instead.
pub fn existing(tx: &Tx<'_>, input: &NewUser) -> Result<Option<User>> {
    if let Some(id) = &input.id {
        return tx.user_by_id(id);
    }
    if let Some(email) = &input.email {
        return tx.user_by_email(email);
    }
    if let Some(username) = &input.username {
        return tx.user_by_username(username);
    }
    match &input.phone {
        Some(phone) => tx.user_by_phone(phone),
        None => Ok(None),
    }
}

/// What `create` would refuse `input` for because of another user, read-only: an email,
/// username, phone or id that another user holds — unless `on_exists` takes the user that
/// `input` names as success. The prompts of `user create` and `init` ask it of each
/// answer, so a taken email is asked again at its prompt, before the password is typed;
/// the permission is checked first, as `create` does.
pub fn check_free(tx: &Tx<'_>, ctx: &Ctx, input: &NewUser, on_exists: OnExists) -> Result<()> {
    allow(tx, ctx, Request::new("user-create").at(Place::Global))?;
    if on_exists != OnExists::Fail && existing(tx, input)?.is_some() {
        return Ok(());
    }
    if let Some(id) = &input.id
        && let Some(other) = tx.user_by_id(id)?
    {
        return Err(Error::conflict(format!(
            "id {id:?} already belongs to user {}",
            other.label()
        )));
    }
    let handles = Handles {
        id: input.id.as_deref().unwrap_or_default(),
        email: input.email.as_deref(),
        username: input.username.as_deref(),
        phone: input.phone.as_deref(),
    };
    handles.check(tx)
}

/// A user's names, as [`check_unique`] looks them up.
struct Handles<'a> {
    id: &'a str,
    email: Option<&'a str>,
    username: Option<&'a str>,
    phone: Option<&'a str>,
}

/// Refuses an email, username or phone that another user already holds.
fn check_unique(tx: &Tx<'_>, u: &User) -> Result<()> {
    Handles {
        id: &u.id,
        email: u.email.as_deref(),
        username: u.username.as_deref(),
        phone: u.phone.as_deref(),
    }
    .check(tx)
}

impl Handles<'_> {
    fn check(&self, tx: &Tx<'_>) -> Result<()> {
        let u = self;
        let clash = |field: &str, value: &str, other: User| {
            Err(Error::conflict(format!(
                "{field} {value:?} already belongs to user {} ({})",
                other.label(),
                other.id
            )))
        };
        if let Some(email) = &u.email
            && let Some(other) = tx.user_by_email(email)?.filter(|o| o.id != u.id)
        {
            return clash("email", email, other);
        }
        if let Some(username) = &u.username
            && let Some(other) = tx.user_by_username(username)?.filter(|o| o.id != u.id)
        {
            return clash("username", username, other);
        }
        if let Some(phone) = &u.phone
            && let Some(other) = tx.user_by_phone(phone)?.filter(|o| o.id != u.id)
        {
            return clash("phone", phone, other);
        }
        // Users are named on the command line by id or username: neither may be the other's.
        if let Some(username) = &u.username
            && let Some(other) = tx.user_by_id(username)?.filter(|o| o.id != u.id)
        {
            return Err(Error::conflict(format!(
                "username {username:?} is the id of user {}; a reference to it would be ambiguous",
                other.label()
            )));
        }
        if !u.id.is_empty()
            && let Some(other) = tx.user_by_username(u.id)?.filter(|o| o.id != u.id)
        {
            return Err(Error::conflict(format!(
                "id {:?} is the username of user {}; a reference to it would be ambiguous",
                u.id,
                other.label()
            )));
        }
        Ok(())
    }
}

/// `user-create`. Only the operator and global admins may create users; the first user
/// ever created becomes a global admin.
pub fn create(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewUser,
    on_exists: OnExists,
) -> Result<Outcome<User>> {
    create_with(tx, ctx, input, on_exists, NewUser::validated)
}

/// [`create`] of an input [`NewUser::validated`] returned, as it returned it: a seed
/// validates each event as it builds it, and its action would validate the same values
/// again. The same permission checks, in the same order.
pub fn create_valid(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewUser,
    on_exists: OnExists,
) -> Result<Outcome<User>> {
    create_with(tx, ctx, input, on_exists, Ok)
}

fn create_with(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewUser,
    on_exists: OnExists,
    validate: fn(NewUser) -> Result<NewUser>,
) -> Result<Outcome<User>> {
    allow(tx, ctx, Request::new("user-create").at(Place::Global))?;
    let input = validate(input)?;
    let defs = global_roles(tx, &input.roles)?;
    let mut req = Request::new("user-create").at(Place::Global);
    req.grants = defs.iter().collect();
    allow(tx, ctx, req)?;

    if let Some(current) = existing(tx, &input)? {
        return match on_exists {
            OnExists::Fail => Err(Error::conflict(format!(
                "user {:?} already exists (id {})",
                input.key(),
                current.id
            ))
            .hint("add --if-not-exists to treat an existing user as success")),
            OnExists::Skip => Ok(Outcome::Unchanged(current)),
            OnExists::Converge => converge(tx, ctx, current, input),
        };
    }

    let input_verified = (input.email_verified, input.phone_verified);
    let mut roles = input.roles.clone();
    if tx.no_users()? && !roles.iter().any(|r| r == "admin") {
        roles.insert(0, "admin".to_string());
    }
    let user = User {
        id: input.id.clone().unwrap_or_else(new_id),
        email: input.email,
        username: input.username,
        phone: input.phone,
        name: input.name.unwrap_or_default(),
        image: input.image,
        kind: input.kind.unwrap_or_else(|| "person".to_string()),
        roles,
        tags: input.tags.unwrap_or_default(),
        metadata: input.metadata.unwrap_or_default(),
        active: input.active.unwrap_or(true),
        password_hash: input.password_hash,
        created_at: ctx.now_text.clone(),
        updated_at: ctx.now_text.clone(),
        email_verified_at: None,
        phone_verified_at: None,
    };
    let mut user = user;
    verified(&mut user, &input_verified, &ctx.now_text);
    check_unique(tx, &user)?;
    tx.user_insert(&user)?;
    // What the audit log keeps of a user: everything public, and whether a password is set.
    ctx.audit(tx, "user-create", &user.id, &user)?;
    Ok(Outcome::Created(user))
}

/// A changed email or phone is not verified: the verification was of the old one.
fn unverify_changed(current: &User, next: &mut User) {
    if next.email != current.email {
        next.email_verified_at = None;
    }
    if next.phone != current.phone {
        next.phone_verified_at = None;
    }
}

/// A seed's `email_verified` / `phone_verified` on a user: true verifies now what is not
/// verified yet (a verified identifier keeps its time, so a second run changes nothing),
/// false clears it.
fn verified(u: &mut User, given: &(Option<bool>, Option<bool>), now: &str) {
    for (flag, at) in [
        (given.0, &mut u.email_verified_at),
        (given.1, &mut u.phone_verified_at),
    ] {
        match flag {
            Some(true) if at.is_none() => *at = Some(now.to_string()),
            Some(false) => *at = None,
            _ => {}
        }
    }
}

/// Brings an existing user to the values a seed gives. Roles are only ever added, so the
/// admin role the first user received is not taken away by a second run.
fn converge(tx: &mut Tx<'_>, ctx: &Ctx, current: User, input: NewUser) -> Result<Outcome<User>> {
    let mut next = current.clone();
    for role in &input.roles {
        if !next.roles.contains(role) {
            next.roles.push(role.clone());
        }
    }
    // Optional columns: a value given replaces the stored one (a seed never clears them).
    if input.email.is_some() {
        next.email = input.email;
    }
    if input.username.is_some() {
        next.username = input.username;
    }
    if input.phone.is_some() {
        next.phone = input.phone;
    }
    if input.image.is_some() {
        next.image = input.image;
    }
    if input.password_hash.is_some() {
        next.password_hash = input.password_hash;
    }
    set_given!(next, input; name, kind, tags, metadata, active);
    unverify_changed(&current, &mut next);
    verified(
        &mut next,
        &(input.email_verified, input.phone_verified),
        &ctx.now_text,
    );
    save_changes(tx, ctx, current, next, "user-update")
}

/// Writes `next` when it differs from `current`, with an audit row naming what changed.
/// A `user-update` that also changes global roles, the active flag or the password (a seed
/// converging a user) logs those under their own events (`user-grant`, `user-disable` /
/// `user-enable`, `user-passwd`), and is refused (77) when the actor is that very user:
/// nobody changes their own roles or active state, or their password without the current
/// one.
fn save_changes(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    current: User,
    mut next: User,
    event: &str,
) -> Result<Outcome<User>> {
    // The same record is unchanged without comparing its JSON (a seed's re-run).
    if next == current {
        return Ok(Outcome::Unchanged(current));
    }
    let mut changed = super::changed_fields(
        &current.to_json(),
        &next.to_json(),
        &["updated_at", "has_password", "is_admin"],
    );
    let password_changed = current.password_hash != next.password_hash;
    if changed.is_empty() && !password_changed {
        return Ok(Outcome::Unchanged(current));
    }
    let mut rows: Vec<(&str, Value)> = Vec::new();
    if event == "user-update" {
        let roles = changed.remove("roles");
        let active = changed.remove("active");
        if ctx.actor.is(&current) && (roles.is_some() || active.is_some() || password_changed) {
            return Err(Error::denied(
                "permission denied: changing your own global roles, active state or password this way",
            )
            .hint("another global admin, or the operator, can; change your own password with `roster user passwd`"));
        }
        if !changed.is_empty() {
            rows.push(("user-update", Value::Object(changed)));
        }
        if let Some(roles) = roles {
            rows.push(("user-grant", json!({ "roles": roles })));
        }
        if active.is_some() {
            let e = if next.active {
                "user-enable"
            } else {
                "user-disable"
            };
            rows.push((e, json!({ "active": next.active })));
        }
        if password_changed {
            rows.push(("user-passwd", json!({ "password": "changed" })));
        }
    } else {
        if password_changed {
            changed.insert("password".into(), json!("changed"));
        }
        rows.push((event, Value::Object(changed)));
    }
    check_unique(tx, &next)?;
    next.updated_at = ctx.now_text.clone();
    tx.user_update(&next)?;
    for (e, data) in rows {
        ctx.audit(tx, e, &next.id, data)?;
    }
    // Sessions end with what they were begun on (README "Sessions"): a disabled user has
    // none; a lost global role or a new password ends them.
    let lost_role = current.roles.iter().any(|r| !next.roles.contains(r));
    let why = if current.active && !next.active {
        Some("user-disable")
    } else if lost_role {
        Some("user-revoke")
    } else if password_changed {
        Some("user-passwd")
    } else {
        None
    };
    if let Some(why) = why {
        super::session::end_all(tx, ctx, &next, why)?;
    }
    Ok(Outcome::Updated(next))
}

/// The input of `user-update`. `Some(None)` clears an optional field.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UserChanges {
    pub name: Option<String>,
    pub image: Option<Option<String>>,
    pub tags: Option<Vec<String>>,
    pub metadata: Option<JsonObject>,
    pub email: Option<Option<String>>,
    pub username: Option<Option<String>>,
    pub phone: Option<Option<String>>,
    pub kind: Option<String>,
}

impl UserChanges {
    pub fn validated(mut self) -> Result<UserChanges> {
        self.name = self
            .name
            .map(|v| validate::text("name", &v, 200))
            .transpose()?;
        self.image = self
            .image
            .map(|o| o.map(|v| validate::url("image", &v)).transpose())
            .transpose()?;
        self.tags = self.tags.map(|t| validate::tags(&t)).transpose()?;
        self.email = self
            .email
            .map(|o| o.map(|v| validate::email(&v)).transpose())
            .transpose()?;
        self.username = self
            .username
            .map(|o| o.map(|v| validate::username(&v)).transpose())
            .transpose()?;
        self.phone = self
            .phone
            .map(|o| o.map(|v| validate::phone(&v)).transpose())
            .transpose()?;
        self.kind = self.kind.map(|v| validate::word("type", &v)).transpose()?;
        Ok(self)
    }

    /// Email, username, phone and type are identity: only global admins change them (a user
    /// who could change their own email could accept invitations meant for someone else).
    fn touches_identity(&self) -> bool {
        self.email.is_some()
            || self.username.is_some()
            || self.phone.is_some()
            || self.kind.is_some()
    }

    pub fn is_empty(&self) -> bool {
        *self == UserChanges::default()
    }
}

/// `user-update`: the user themself (name, image, tags, metadata) or a global admin.
pub fn update(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    changes: UserChanges,
) -> Result<Outcome<User>> {
    let target = find_user(tx, reference)?;
    let nobody = super::nobody();
    let mut req = super::on_user(
        &ctx.actor,
        "user-update",
        target.as_ref(),
        &nobody,
        reference,
    );
    req.identity = changes.touches_identity();
    allow(tx, ctx, req)?;
    let current = match target {
        Some(t) => t,
        None => return Err(super::user_not_found(tx, reference)),
    };
    let changes = changes.validated()?;
    let mut next = current.clone();
    set_given!(next, changes; name, image, tags, metadata, email, username, phone, kind);
    unverify_changed(&current, &mut next);
    if next.email.is_none() && next.username.is_none() && next.phone.is_none() {
        return Err(Error::invalid(format!(
            "user {}: would have none of email, username and phone left",
            current.label()
        )));
    }
    save_changes(tx, ctx, current, next, "user-update")
}

/// `user-passwd`: the user themself, who must give the current password, or a global admin.
/// `new_hash` is the argon2id PHC string of the new password.
/// Whose password `user passwd` would set, checked against the rules, and whether the
/// actor is that user (who must then give the current password). The CLI asks this before
/// reading or hashing any password, so a refusal comes first.
pub fn passwd_target(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<(User, bool)> {
    let target = decided_user(tx, ctx, reference, "user-passwd")?;
    let is_self = ctx.actor.is(&target);
    Ok((target, is_self))
}

/// Decides `event` on the user named, then finds them: a missing user is a 67 only for an
/// actor the decision allows without a record of their own.
fn decided_user(tx: &Tx<'_>, ctx: &Ctx, reference: &str, event: &'static str) -> Result<User> {
    let target = find_user(tx, reference)?;
    let nobody = super::nobody();
    let req = super::on_user(&ctx.actor, event, target.as_ref(), &nobody, reference);
    allow(tx, ctx, req)?;
    target.ok_or_else(|| super::user_not_found(tx, reference))
}

/// The definitions of the global roles named (each must be defined: 67 otherwise).
fn global_roles(tx: &Tx<'_>, names: &[String]) -> Result<Vec<RoleDef>> {
    names
        .iter()
        .map(|n| super::role::need(tx, Scope::Global, n))
        .collect()
}

pub fn passwd(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    current_password: Option<&str>,
    new_hash: &str,
) -> Result<Outcome<User>> {
    let (user, is_self) = passwd_target(tx, ctx, reference)?;
    if is_self && let Some(stored) = &user.password_hash {
        let ok = current_password.is_some_and(|p| password::verify(p, stored));
        if !ok {
            return Err(Error::denied("wrong current password")
                .hint("changing your own password needs the current one first"));
        }
    }
    password::check_phc(new_hash)?;
    let mut next = user.clone();
    next.password_hash = Some(new_hash.to_string());
    next.updated_at = ctx.now_text.clone();
    tx.user_update(&next)?;
    ctx.audit(
        tx,
        "user-passwd",
        &next.id,
        json!({ "password": "changed" }),
    )?;
    // A new password ends the sessions begun with the old one.
    super::session::end_all(tx, ctx, &next, "user-passwd")?;
    Ok(Outcome::Updated(next))
}

/// `user-grant`: adds global roles. Global admins only, never on themselves.
pub fn grant(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    roles: &[String],
) -> Result<Outcome<User>> {
    change_roles(tx, ctx, reference, roles, "user-grant", |held, given| {
        for r in given {
            if !held.contains(&r) {
                held.push(r);
            }
        }
    })
}

/// `user-revoke`: removes global roles. Global admins only, never on themselves.
pub fn revoke(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    roles: &[String],
) -> Result<Outcome<User>> {
    change_roles(tx, ctx, reference, roles, "user-revoke", |held, given| {
        held.retain(|r| !given.contains(r));
    })
}

/// The checks both `user-grant` and `user-revoke` make — the decision on the user, with
/// every role named granted (no escalation) — then `apply` to the roles held.
fn change_roles(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    roles: &[String],
    event: &'static str,
    apply: impl FnOnce(&mut Vec<String>, Vec<String>),
) -> Result<Outcome<User>> {
    let target = find_user(tx, reference)?;
    let roles = validate::words("role", roles)?;
    let mut defs: Vec<RoleDef> = Vec::new();
    let mut undefined = None;
    for name in &roles {
        match tx.role_get(Scope::Global, name)? {
            Some(d) => defs.push(d),
            None => {
                undefined.get_or_insert_with(|| name.clone());
            }
        }
    }
    let nobody = super::nobody();
    let mut req = super::on_user(&ctx.actor, event, target.as_ref(), &nobody, reference);
    req.grants = defs.iter().collect();
    allow(tx, ctx, req)?;
    let user = target.ok_or_else(|| super::user_not_found(tx, reference))?;
    if event == "user-grant"
        && let Some(name) = undefined
    {
        return Err(super::role::not_defined(tx, Scope::Global, &name));
    }
    let mut next = user.clone();
    apply(&mut next.roles, roles);
    save_changes(tx, ctx, user, next, event)
}

/// `user-disable` and `user-enable`.
pub fn set_active(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    active: bool,
) -> Result<Outcome<User>> {
    let event = if active {
        "user-enable"
    } else {
        "user-disable"
    };
    let user = decided_user(tx, ctx, reference, event)?;
    let mut next = user.clone();
    next.active = active;
    save_changes(tx, ctx, user, next, event)
}

/// What deleting a user takes with it, checked against the rules: for the confirmation.
pub fn delete_plan(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<(User, usize)> {
    let user = decided_user(tx, ctx, reference, "user-delete")?;
    let memberships = tx.memberships_of(&user.id)?.len();
    Ok((user, memberships))
}

/// `user-delete`: global admins only, never themselves, never the last owner of a profile.
pub fn delete(tx: &mut Tx<'_>, ctx: &Ctx, reference: &str) -> Result<Outcome<User>> {
    let (user, memberships) = delete_plan(tx, ctx, reference)?;
    // Their sessions go with them (the foreign key cascades); the audit row counts them.
    let sessions = tx
        .session_list(&crate::store::SessionQuery {
            user_id: Some(&user.id),
            profile_id: None,
            all: false,
            now: &ctx.now_text,
        })?
        .len();
    tx.user_delete(&user.id)?;
    let mut data =
        json!({ "email": user.email, "username": user.username, "memberships": memberships });
    if sessions > 0 {
        data["sessions"] = json!(sessions);
    }
    ctx.audit(tx, "user-delete", &user.id, data)?;
    Ok(Outcome::Deleted(user))
}

/// The `--search`, `--limit` and `--after` of `user list`, as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// Only users whose email, username, name or phone contains this, ignoring case.
    pub search: Option<String>,
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub after: Option<String>,
}

impl ListQuery {
    /// Without `--limit` and `--after`, `user list` is the whole list (a JSON array), as it
    /// always was; with either, one page (`member list` pages the same way).
    pub fn pages(&self) -> bool {
        self.limit.is_some() || self.after.is_some()
    }
}

/// The users `user list` shows: all of them, or one page.
#[derive(Debug, Clone, PartialEq)]
pub struct UserPage {
    pub items: Vec<User>,
    /// Where the next page starts; None on the last page and for the whole list.
    pub next_cursor: Option<String>,
    /// The page size; None for the whole list.
    pub limit: Option<i64>,
}

impl UserPage {
    /// The `--format json` document of a page ([`super::page::document`]).
    pub fn to_json(&self) -> Value {
        super::page::document(&self.items, self.next_cursor.as_deref())
    }
}

/// `user list` cursors: the last user of a page, `(created_at, id)`, in the shared cursor
/// encoding of [`super::page`], tagged "u1".
const CURSOR_TAG: &str = "u1";

pub fn encode_cursor(u: &User) -> String {
    super::page::encode(CURSOR_TAG, &[&u.created_at, &u.id])
}

pub fn decode_cursor(cursor: &str) -> Result<(String, String)> {
    let malformed = || super::page::malformed(cursor, "user list");
    let Some([created_at, id]) =
        super::page::decode(cursor, CURSOR_TAG, 2).and_then(|f| <[String; 2]>::try_from(f).ok())
    else {
        return Err(malformed());
    };
    if created_at.is_empty() || validate::id("id", &id).is_err() {
        return Err(malformed());
    }
    Ok((created_at, id))
}

/// The longest `--search` text.
const MAX_SEARCH_CHARS: usize = 200;

/// `user list`: global admins (and holders of `user-list`) see everyone; a user sees only
/// themself. Oldest first (`created_at`, then id): all of them (no `--limit` nor
/// `--after`), or `limit` per page (default 50) after the cursor of the previous page;
/// with `search`, only those whose email, username, name or phone contains it.
pub fn list(tx: &Tx<'_>, ctx: &Ctx, q: ListQuery) -> Result<UserPage> {
    let d = super::access::authorize(tx, &ctx.actor, &Request::new("user-list").at(Place::Global))?;
    d.check()?;
    let only = match ctx.actor.user() {
        Some(u) if d.by_rule() => Some(u.id.as_str()),
        _ => None,
    };
    let search = q
        .search
        .as_deref()
        .map(|s| validate::text("search", s, MAX_SEARCH_CHARS))
        .transpose()?;
    let limit = q.pages().then(|| super::page::limit(q.limit)).transpose()?;
    let after = q.after.as_deref().map(decode_cursor).transpose()?;
    let mut items = tx.user_page(&crate::store::UserQuery {
        only,
        search: search.as_deref(),
        after: after.as_ref().map(|(at, id)| (at.as_str(), id.as_str())),
        // One more than a page: whether another follows.
        limit: limit.map(|l| l + 1),
    })?;
    let next_cursor = limit.and_then(|l| super::page::cut(&mut items, l, encode_cursor));
    Ok(UserPage {
        items,
        next_cursor,
        limit,
    })
}

/// `user show`: the user themself, and whoever holds `user-show` (global admins). With
/// the user, the profiles they belong to, by slug: who may see the user sees where they
/// belong (as `whoami` shows a user their own).
pub fn show(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<UserDetail> {
    let user = decided_user(tx, ctx, reference, "user-show")?;
    let memberships = tx
        .member_of_user(&user.id)?
        .into_iter()
        .map(|m| Membership {
            role: m.role.as_str().to_string(),
            profile: m.profile_slug,
            joined_at: m.created_at,
        })
        .collect();
    Ok(UserDetail { user, memberships })
}

/// Which identifier `user verify` marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identifier {
    Email,
    Phone,
}

/// `user-verify`: marks a user's email or phone verified (now), or with `undo` not
/// verified. Global admins, never on themselves. Already so is `Unchanged`.
pub fn verify(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    which: Identifier,
    undo: bool,
) -> Result<Outcome<User>> {
    let user = decided_user(tx, ctx, reference, "user-verify")?;
    let (name, has) = match which {
        Identifier::Email => ("email", user.email.is_some()),
        Identifier::Phone => ("phone", user.phone.is_some()),
    };
    if !has && !undo {
        return Err(
            Error::conflict(format!("user {} has no {name} to verify", user.label())).hint(
                format!(
                    "give them one with `roster user update {} --{name} …`",
                    user.label()
                ),
            ),
        );
    }
    let mut next = user.clone();
    let at = match which {
        Identifier::Email => &mut next.email_verified_at,
        Identifier::Phone => &mut next.phone_verified_at,
    };
    match (undo, at.is_some()) {
        (false, true) | (true, false) => return Ok(Outcome::Unchanged(user)),
        (false, false) => *at = Some(ctx.now_text.clone()),
        (true, true) => *at = None,
    }
    next.updated_at = ctx.now_text.clone();
    tx.user_update(&next)?;
    ctx.audit(
        tx,
        "user-verify",
        &next.id,
        json!({ format!("{name}_verified"): !undo }),
    )?;
    Ok(Outcome::Updated(next))
}
