//! `profile-*` events: create, update, delete, and the list and show views.

use serde_json::{Value, json};

use super::access::{self, Place, Request};
use super::{Ctx, OnExists, Outcome, allow, profile_for, validate};
use crate::error::{Error, Result};
use crate::model::{JsonObject, Member, Profile, Role, User, new_id};
use crate::output::Record;
use crate::store::Tx;

pub const DEFAULT_COLOR: &str = "#6366F1";
pub const DEFAULT_MEMBER_LIMIT: i64 = 100;
pub const DEFAULT_INVITATION_LIMIT: i64 = 100;

/// The input of `profile-create`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewProfile {
    pub id: Option<String>,
    pub slug: Option<String>,
    pub name: Option<String>,
    pub logo: Option<String>,
    pub color: Option<String>,
    pub member_limit: Option<i64>,
    pub invitation_limit: Option<i64>,
    pub require_verified_email: Option<bool>,
    pub metadata: Option<JsonObject>,
    /// The user who owns the new profile (`--owner`, a seed's `owner`): by default a user
    /// who creates a profile owns it, and the operator's profile has no owner.
    pub owner: Option<String>,
}

impl NewProfile {
    /// Validates every field and derives the slug from the name when it is left out.
    pub fn validated(mut self) -> Result<NewProfile> {
        self.id = self.id.map(|v| validate::id("id", &v)).transpose()?;
        let name = self
            .name
            .as_deref()
            .ok_or_else(|| Error::invalid("name: required").hint("add --name"))?;
        let name = validate::text("name", name, 200)?;
        self.slug = Some(match self.slug.take() {
            Some(s) => validate::slug(&s)?,
            None => validate::slug_from_name(&name).ok_or_else(|| {
                Error::invalid(format!("name {name:?}: no slug can be derived from it"))
                    .hint("give one with --slug, such as --slug family")
            })?,
        });
        self.name = Some(name);
        self.logo = self.logo.map(|v| validate::url("logo", &v)).transpose()?;
        self.color = self.color.map(|v| validate::color(&v)).transpose()?;
        self.member_limit = self.member_limit.map(validate::member_limit).transpose()?;
        self.invitation_limit = self
            .invitation_limit
            .map(validate::invitation_limit)
            .transpose()?;
        self.owner = match self.owner.map(|o| o.trim().to_string()) {
            Some(o) if o.is_empty() => {
                return Err(Error::invalid("owner \"\": names no user")
                    .hint("give the owner's email, username or id"));
            }
            other => other,
        };
        Ok(self)
    }
}

/// The existing profile this input names: by id when given, else by slug.
pub fn existing(tx: &Tx<'_>, input: &NewProfile) -> Result<Option<Profile>> {
    if let Some(id) = &input.id {
        return tx.profile_by_id(id);
    }
    match &input.slug {
        Some(slug) => tx.profile_by_slug(slug),
        None => Ok(None),
    }
}

/// `profile-create`: global admins only. The `owner` given, else a user who creates it,
/// becomes its owner, in the same transaction; a seed converging an existing profile that
/// has no owner makes the `owner` given its owner (adding them, or raising their role).
pub fn create(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewProfile,
    on_exists: OnExists,
) -> Result<Outcome<Profile>> {
    allow(tx, ctx, Request::new("profile-create").at(Place::Global))?;
    let input = input.validated()?;
    let slug = input.slug.clone().unwrap_or_default();
    let owner = input
        .owner
        .as_deref()
        .map(|o| super::need_user(tx, o))
        .transpose()?;

    if let Some(current) = existing(tx, &input)? {
        return match on_exists {
            OnExists::Fail => Err(Error::conflict(format!(
                "profile {:?} already exists (id {})",
                current.slug, current.id
            ))
            .hint("add --if-not-exists to treat an existing profile as success, or choose another --slug")),
            OnExists::Skip => Ok(Outcome::Unchanged(current)),
            OnExists::Converge => {
                let changes = ProfileChanges {
                    name: input.name,
                    slug: input.slug,
                    logo: input.logo.map(Some),
                    color: input.color,
                    member_limit: input.member_limit,
                    invitation_limit: input.invitation_limit,
                    require_verified_email: input.require_verified_email,
                    metadata: input.metadata,
                };
                let saved = save_changes(tx, ctx, current, changes)?;
                match &owner {
                    Some(user) => converge_owner(tx, ctx, saved, user),
                    None => Ok(saved),
                }
            }
        };
    }
    names_free(tx, input.id.as_deref(), &slug)?;
    if let Some(user) = &owner {
        may_own(user, &slug)?;
    }
    let mut profile = Profile {
        id: input.id.unwrap_or_else(new_id),
        slug,
        name: input.name.unwrap_or_default(),
        logo: input.logo,
        color: input.color.unwrap_or_else(|| DEFAULT_COLOR.to_string()),
        member_limit: input.member_limit.unwrap_or(DEFAULT_MEMBER_LIMIT),
        invitation_limit: input.invitation_limit.unwrap_or(DEFAULT_INVITATION_LIMIT),
        metadata: input.metadata.unwrap_or_default(),
        created_at: ctx.now_text.clone(),
        updated_at: ctx.now_text.clone(),
        member_count: 0,
        require_verified_email: input.require_verified_email.unwrap_or(false),
        access: None,
    };
    tx.profile_insert(&profile)?;
    ctx.audit(tx, "profile-create", &profile.id, profile.to_json())?;

    if let Some(user) = owner.as_ref().or(ctx.actor.user()) {
        super::member::insert(tx, ctx, &profile, user, Role::owner(), "member-add")?;
        profile.member_count = 1;
    }
    if ctx.actor.user().is_some() {
        // Only global admins create profiles, and they may enter every one.
        profile.access = Some(true);
    }
    Ok(Outcome::Created(profile))
}

/// A disabled user cannot be made an owner: of a new profile (`--owner`), or by a transfer.
fn may_own(user: &User, slug: &str) -> Result<()> {
    if user.active {
        return Ok(());
    }
    Err(Error::conflict(format!(
        "user {} is disabled and cannot own profile {slug}",
        user.label()
    ))
    .hint(format!(
        "a global admin can run `roster user enable {}` first",
        user.label()
    )))
}

/// The user `reference` names, checked as `create` checks its `owner` for the profile
/// `slug`: read-only, for the owner prompt of `profile create`.
pub fn new_owner(tx: &Tx<'_>, reference: &str, slug: &str) -> Result<User> {
    let user = super::need_user(tx, reference)?;
    may_own(&user, slug)?;
    Ok(user)
}

/// Gives an existing profile with no owner its `owner` (a converging seed's): added as a
/// member within the limit, or raised to owner, through the member rules. A profile that
/// has an owner keeps its owners as they are: ownership may have moved on since the seed
/// created it (`profile-transfer`), and a second run of that seed must change nothing. The
/// profile's outcome is `updated` when that changed anything.
fn converge_owner(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    saved: Outcome<Profile>,
    user: &crate::model::User,
) -> Result<Outcome<Profile>> {
    if tx.owner_count(&saved.value().id)? > 0 {
        return Ok(saved);
    }
    let slug = saved.value().slug.clone();
    let outcomes = super::member::add(
        tx,
        ctx,
        &slug,
        std::slice::from_ref(&user.id),
        &Role::owner(),
        OnExists::Converge,
    )?;
    if outcomes.iter().all(|o| matches!(o, Outcome::Unchanged(_))) {
        return Ok(saved);
    }
    let reloaded = super::need_profile(tx, &slug)?;
    Ok(Outcome::Updated(reloaded))
}

/// Refuses (68) a new profile's slug, or explicit id, that another profile holds, as its
/// slug or as its id: profiles are named by slug or id, so neither may be another
/// profile's other name.
fn names_free(tx: &Tx<'_>, id: Option<&str>, slug: &str) -> Result<()> {
    if let Some(id) = id
        && let Some(other) = tx.profile_by_slug(slug)?
    {
        return Err(Error::conflict(format!(
            "slug {slug:?} already belongs to profile {}",
            other.id
        ))
        .hint(format!("choose another --slug for profile {id}")));
    }
    if let Some(other) = tx.profile_by_id(slug)? {
        return Err(Error::conflict(format!(
            "slug {slug:?} is the id of profile {}; a reference to it would be ambiguous",
            other.slug
        )));
    }
    if let Some(id) = id
        && let Some(other) = tx.profile_by_slug(id)?
    {
        return Err(Error::conflict(format!(
            "id {id:?} is the slug of profile {}; a reference to it would be ambiguous",
            other.id
        )));
    }
    Ok(())
}

/// The input of `profile-update`. `logo: Some(None)` removes the logo.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ProfileChanges {
    pub name: Option<String>,
    pub slug: Option<String>,
    pub logo: Option<Option<String>>,
    pub color: Option<String>,
    pub member_limit: Option<i64>,
    pub invitation_limit: Option<i64>,
    pub require_verified_email: Option<bool>,
    pub metadata: Option<JsonObject>,
}

impl ProfileChanges {
    pub fn validated(mut self) -> Result<ProfileChanges> {
        self.name = self
            .name
            .map(|v| validate::text("name", &v, 200))
            .transpose()?;
        self.slug = self.slug.map(|v| validate::slug(&v)).transpose()?;
        self.logo = self
            .logo
            .map(|o| o.map(|v| validate::url("logo", &v)).transpose())
            .transpose()?;
        self.color = self.color.map(|v| validate::color(&v)).transpose()?;
        self.member_limit = self.member_limit.map(validate::member_limit).transpose()?;
        self.invitation_limit = self
            .invitation_limit
            .map(validate::invitation_limit)
            .transpose()?;
        Ok(self)
    }

    pub fn is_empty(&self) -> bool {
        *self == ProfileChanges::default()
    }
}

fn save_changes(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    current: Profile,
    changes: ProfileChanges,
) -> Result<Outcome<Profile>> {
    let changes = changes.validated()?;
    let mut next = current.clone();
    set_given!(next, changes; name, slug, logo, color, member_limit, invitation_limit, require_verified_email, metadata);
    if next == current {
        return Ok(Outcome::Unchanged(current));
    }
    let changed = super::changed_fields(&current.to_json(), &next.to_json(), &[]);
    if changed.is_empty() {
        return Ok(Outcome::Unchanged(current));
    }
    if next.slug != current.slug
        && let Some(other) = tx.profile_by_id(&next.slug)?.filter(|o| o.id != current.id)
    {
        return Err(Error::conflict(format!(
            "slug {:?} is the id of profile {}; a reference to it would be ambiguous",
            next.slug, other.slug
        )));
    }
    if next.slug != current.slug
        && let Some(other) = tx.profile_by_slug(&next.slug)?
    {
        return Err(Error::conflict(format!(
            "slug {:?} already belongs to profile {}",
            next.slug, other.id
        )));
    }
    if next.member_limit < next.member_count {
        return Err(Error::conflict(format!(
            "profile {}: member_limit {} is below its {} members",
            current.slug, next.member_limit, next.member_count
        ))
        .hint("remove members first, or choose a higher limit"));
    }
    if next.invitation_limit < current.invitation_limit {
        let pending = tx.invite_pending_count(&current.id, &ctx.now_text)?;
        if next.invitation_limit < pending {
            return Err(Error::conflict(format!(
                "profile {}: invitation_limit {} is below its {pending} pending invitations",
                current.slug, next.invitation_limit
            ))
            .hint(format!(
                "cancel invitations first (roster invite list {} --status pending), or choose a higher limit",
                next.slug
            )));
        }
    }
    next.updated_at = ctx.now_text.clone();
    tx.profile_update(&next)?;
    ctx.audit(tx, "profile-update", &next.id, Value::Object(changed))?;
    Ok(Outcome::Updated(next))
}

/// `profile-update`: the profile's owners and admins, and global admins.
pub fn update(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    changes: ProfileChanges,
) -> Result<Outcome<Profile>> {
    let profile = profile_for(tx, ctx, reference, "profile-update")?;
    save_changes(tx, ctx, profile, changes)
}

/// What deleting a profile removes, checked against the rules: for the confirmation.
pub fn delete_plan(
    tx: &Tx<'_>,
    ctx: &Ctx,
    reference: &str,
) -> Result<(Profile, crate::store::ProfileContents)> {
    let profile = profile_for(tx, ctx, reference, "profile-delete")?;
    let contents = tx.profile_contents(&profile.id)?;
    Ok((profile, contents))
}

/// `profile-delete`: the profile's owners and global admins. Members, invitations and media
/// go with it.
pub fn delete(tx: &mut Tx<'_>, ctx: &Ctx, reference: &str) -> Result<Outcome<Profile>> {
    let (profile, contents) = delete_plan(tx, ctx, reference)?;
    tx.profile_delete(&profile.id)?;
    ctx.audit(
        tx,
        "profile-delete",
        &profile.id,
        json!({
            "slug": profile.slug,
            "members": contents.members,
            "invitations": contents.invitations,
            "media": contents.media,
        }),
    )?;
    Ok(Outcome::Deleted(profile))
}

/// `profile-list`: anyone. A user actor sees `access` on each: true where they are a member,
/// everywhere for a global admin.
pub fn list(tx: &Tx<'_>, ctx: &Ctx) -> Result<Vec<Profile>> {
    allow(tx, ctx, Request::new("profile-list").at(Place::Global))?;
    let mut profiles = tx.profile_list()?;
    if let Some(user) = ctx.actor.user() {
        let mine = tx.memberships_of(&user.id)?;
        for p in &mut profiles {
            p.access = Some(user.is_admin() || mine.contains_key(&p.id));
        }
    }
    Ok(profiles)
}

/// `profile-show`: anyone, with `access` for a user actor.
pub fn show(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<Profile> {
    allow(tx, ctx, Request::new("profile-show").at(Place::Global))?;
    let mut profile = super::need_profile(tx, reference)?;
    if let Some(user) = ctx.actor.user() {
        let member = tx.member_role(&profile.id, &user.id)?.is_some();
        profile.access = Some(user.is_admin() || member);
    }
    Ok(profile)
}

/// The roles a transfer's previous owner may step down to (`--keep-as`): never `owner`,
/// which would be no transfer, nor a custom role (change it after with `member role`).
pub const KEEP_AS: &[&str] = &["admin", "member"];

/// The input of `profile-transfer`.
#[derive(Debug, Clone, PartialEq)]
pub struct Transfer {
    pub profile: String,
    /// The new owner.
    pub user: String,
    /// What the previous owner becomes: `admin` (the default) or `member`.
    pub keep_as: Role,
    /// Whose ownership moves, when the actor is not an owner of the profile.
    pub from: Option<String>,
}

impl Transfer {
    pub fn new(profile: impl Into<String>, user: impl Into<String>) -> Transfer {
        Transfer {
            profile: profile.into(),
            user: user.into(),
            keep_as: Role::admin(),
            from: None,
        }
    }

    /// `--keep-as` as given (any case): `admin` or `member`, else 65.
    pub fn keep_as(given: &str) -> Result<Role> {
        let lower = given.trim().to_ascii_lowercase();
        if !KEEP_AS.contains(&lower.as_str()) {
            return Err(Error::invalid(format!(
                "keep_as {given:?}: must be one of {}",
                KEEP_AS.join(", ")
            ))
            .hint("the previous owner steps down to admin (the default) or member"));
        }
        Role::parse(&lower).ok_or_else(|| Error::internal("a checked role name"))
    }
}

/// The profile's owners, in list order (owners come first in it: one page of that many).
fn owners_of(tx: &Tx<'_>, profile: &Profile) -> Result<Vec<Member>> {
    let n = tx.owner_count(&profile.id)?;
    if n == 0 {
        return Ok(Vec::new());
    }
    let mut page = tx.member_page(&crate::store::MemberQuery {
        profile_id: &profile.id,
        after: None,
        limit: n,
    })?;
    page.retain(|m| m.role.is_owner());
    Ok(page)
}

/// `profile-transfer`: the profile's owners and global admins (no custom role grants it).
/// In one change `user` becomes an owner — added as a member within the member limit, or
/// raised — and the previous owner steps down to `keep_as`. The previous owner is the
/// actor when they own the profile (and `from` may then name only them); otherwise
/// `from`, which may be left out when one owner other than `user` is there (none: an
/// ownerless profile gets `user` as its owner, and nobody steps down). Already done — the
/// new owner an owner and nobody left to step down — is `unchanged`, with no audit row.
/// Returns the new owner's outcome, then the previous owner's.
///
/// With `OnExists::Converge` (seeds), a transfer its actor may no longer make — the
/// previous owner, `"as"` the seed says, stepped down the first time — is `unchanged`
/// when it is done: the new owner owns the profile and the actor (or `from`) does not.
pub fn transfer(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: &Transfer,
    on_exists: OnExists,
) -> Result<Vec<Outcome<Member>>> {
    let found = super::find_profile(tx, &input.profile)?;
    let place = super::place_of(
        found.as_ref().map(|p| (p.id.as_str(), p.slug.as_str())),
        &input.profile,
    );
    let decision = access::authorize(tx, &ctx.actor, &Request::new("profile-transfer").at(place))?;
    if !decision.allowed() {
        if on_exists == OnExists::Converge
            && let Some(p) = &found
            && let Some(done) = already_transferred(tx, ctx, p, input)?
        {
            return Ok(vec![Outcome::Unchanged(done)]);
        }
        decision.check()?;
    }
    let mut profile = found.ok_or_else(|| super::profile_not_found(tx, &input.profile))?;
    let keep_as = Transfer::keep_as(input.keep_as.as_str())?;
    let user = super::need_user(tx, &input.user)?;
    let target = tx.member_get(&profile.id, &user.id)?;
    let target_owns = target.as_ref().is_some_and(|m| m.role.is_owner());
    let slug = profile.slug.clone();
    let mine = match ctx.actor.user() {
        Some(actor) => tx
            .member_get(&profile.id, &actor.id)?
            .filter(|m| m.role.is_owner()),
        None => None,
    };
    let unchanged = |target: Option<Member>| -> Result<Vec<Outcome<Member>>> {
        match target {
            Some(t) => Ok(vec![Outcome::Unchanged(t)]),
            None => Err(Error::internal("an unchanged transfer without its owner")),
        }
    };
    let from: Option<Member> = match (&input.from, mine) {
        (Some(given), Some(mine)) => {
            let named = super::need_user(tx, given)?;
            if named.id != mine.user_id {
                return Err(Error::usage(format!(
                    "--from {}: {} is an owner of profile {slug}, and a transfer moves their own ownership",
                    given.trim(),
                    super::member::label(&mine)
                ))
                .hint(format!(
                    "leave out --from; to move another owner's, the operator or a global admin who is no owner runs `roster profile transfer {slug} {} --from {}`",
                    input.user.trim(),
                    given.trim()
                )));
            }
            Some(mine)
        }
        (Some(given), None) => {
            let named = super::need_user(tx, given)?;
            match tx.member_get(&profile.id, &named.id)? {
                Some(m) if m.role.is_owner() => Some(m),
                // Done already: the new owner owns it, and `from` no longer does.
                _ if target_owns => return unchanged(target),
                current => {
                    let is = match current {
                        Some(m) => format!("is {} of it", m.role.as_str()),
                        None => "is not a member".to_string(),
                    };
                    return Err(Error::conflict(format!(
                        "--from {}: user {} is not an owner of profile {slug} ({is})",
                        given.trim(),
                        named.label()
                    ))
                    .hint(owners_hint(tx, &profile)?));
                }
            }
        }
        (None, Some(mine)) => Some(mine),
        (None, None) => {
            let mut others: Vec<Member> = owners_of(tx, &profile)?
                .into_iter()
                .filter(|m| m.user_id != user.id)
                .collect();
            match others.len() {
                0 if target_owns => return unchanged(target),
                0 => None,
                1 => others.pop(),
                n => {
                    let names: Vec<&str> = others.iter().map(super::member::label).collect();
                    return Err(Error::usage(format!(
                        "profile {slug} has {n} owners besides {} ({}): say whose ownership moves with --from",
                        user.label(),
                        names.join(", ")
                    ))
                    .hint(format!(
                        "for example `roster profile transfer {slug} {} --from {}`",
                        input.user.trim(),
                        names[0]
                    )));
                }
            }
        }
    };
    if let Some(f) = &from
        && f.user_id == user.id
    {
        return Err(Error::conflict(format!(
            "user {} already owns profile {slug}: a transfer moves ownership to another user",
            user.label()
        ))
        .hint(format!(
            "name the new owner: `roster profile transfer {slug} USER`"
        )));
    }
    may_own(&user, &slug)?;

    let role_before = target.as_ref().map(|m| m.role.as_str().to_string());
    let new_owner = match target {
        None => {
            super::member::check_room(&profile)?;
            let m = super::member::insert_row(tx, ctx, &profile, &user, Role::owner())?;
            profile.member_count += 1;
            Outcome::Created(m)
        }
        Some(m) if m.role.is_owner() => Outcome::Unchanged(m),
        Some(mut m) => {
            m.role = Role::owner();
            m.updated_at = ctx.now_text.clone();
            tx.member_set_role(&m.id, &m.role, &m.updated_at)?;
            Outcome::Updated(m)
        }
    };
    let mut out = vec![new_owner];
    if let Some(mut f) = from.clone() {
        f.role = keep_as.clone();
        f.updated_at = ctx.now_text.clone();
        tx.member_set_role(&f.id, &f.role, &f.updated_at)?;
        out.push(Outcome::Updated(f));
    }
    ctx.audit(
        tx,
        "profile-transfer",
        &profile.id,
        json!({
            "profile": slug,
            "user_id": user.id,
            "role_before": role_before,
            "from_user_id": from.as_ref().map(|f| f.user_id.clone()),
            "keep_as": from.as_ref().map(|_| keep_as.as_str()),
        }),
    )?;
    Ok(out)
}

/// The new owner's membership when the transfer is done: they own the profile, and the
/// previous owner — `from`, else the acting user — does not.
fn already_transferred(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    input: &Transfer,
) -> Result<Option<Member>> {
    let Some(user) = super::find_user(tx, &input.user)? else {
        return Ok(None);
    };
    let previous = match &input.from {
        Some(given) => super::find_user(tx, given)?,
        None => ctx.actor.user().cloned(),
    };
    let Some(previous) = previous else {
        return Ok(None);
    };
    let target = tx
        .member_get(&profile.id, &user.id)?
        .filter(|m| m.role.is_owner());
    let steps_down = tx
        .member_role(&profile.id, &previous.id)?
        .is_some_and(|r| r.is_owner());
    Ok(target.filter(|_| !steps_down && previous.id != user.id))
}

/// `the owners of family: olive@example.com, oscar@example.com`, or how to see none.
fn owners_hint(tx: &Tx<'_>, profile: &Profile) -> Result<String> {
    let owners = owners_of(tx, profile)?;
    Ok(if owners.is_empty() {
        format!(
            "profile {} has no owner: leave out --from to give it one",
            profile.slug
        )
    } else {
        let names: Vec<&str> = owners.iter().map(super::member::label).collect();
        format!("the owners of {}: {}", profile.slug, names.join(", "))
    })
}
