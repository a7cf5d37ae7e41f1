//! `member-*` events: add, role, remove, and the member list.

use serde_json::{Value, json};

use super::{
    Ctx, OnExists, Outcome, find_profile, find_profile_ref, managed_profile, need_user, page,
    require, role_in,
};
use crate::error::{Error, Result};
use crate::model::{Member, Profile, ProfileRef, Role, User, new_id};
use crate::output::Record;
use crate::store::{MemberQuery, Tx};

/// Only an owner or a global admin may grant, change or remove the `owner` role.
fn require_owner_power(ctx: &Ctx, actor_role: Option<Role>, action: &str) -> Result<()> {
    require(
        ctx.actor.is_global_admin() || actor_role == Some(Role::Owner),
        action,
        "the profile's owners and global admins",
    )
}

/// Refuses a change that would leave the profile without an owner.
fn keep_an_owner(tx: &Tx<'_>, profile: &Profile, member: &Member, what: &str) -> Result<()> {
    if member.role == Role::Owner && tx.owner_count(&profile.id)? <= 1 {
        return Err(Error::conflict(format!(
            "{what}: {} is the last owner of profile {}",
            label(member),
            profile.slug
        ))
        .hint(format!(
            "transfer ownership first: `roster member role {} OTHER_USER owner`",
            profile.slug
        )));
    }
    Ok(())
}

/// How a member is named in messages: their email, else their username, else their id.
pub fn label(m: &Member) -> &str {
    m.user_email
        .as_deref()
        .or(m.user_username.as_deref())
        .unwrap_or(&m.user_id)
}

/// Refuses an add when the profile is full.
/// `profile.member_count` must be current (the store loads it with the profile).
pub fn check_room(profile: &Profile) -> Result<()> {
    let count = profile.member_count;
    if count >= profile.member_limit {
        return Err(Error::conflict(format!(
            "profile {} is full ({count} of {} members)",
            profile.slug, profile.member_limit
        ))
        .hint(format!(
            "raise the limit with `roster profile update {} --member-limit {}`",
            profile.slug,
            profile.member_limit + 1
        )));
    }
    Ok(())
}

/// Inserts a membership and its audit row. The caller has checked the rules.
pub fn insert(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    user: &User,
    role: Role,
    event: &str,
) -> Result<Member> {
    let member = Member {
        id: new_id(),
        profile_id: profile.id.clone(),
        user_id: user.id.clone(),
        role,
        created_at: ctx.now_text.clone(),
        updated_at: ctx.now_text.clone(),
        profile_slug: profile.slug.clone(),
        user_email: user.email.clone(),
        user_username: user.username.clone(),
        user_name: user.name.clone(),
    };
    tx.member_insert(&member)?;
    ctx.audit(
        tx,
        event,
        &member.id,
        serde_json::json!({ "profile": profile.slug, "user_id": user.id, "role": role.as_str() }),
    )?;
    Ok(member)
}

/// `member-add`: the profile's owners and admins, and global admins; granting `owner` needs
/// an owner or a global admin. Several users form one transaction with the caller's.
pub fn add(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
    role: Role,
    on_exists: OnExists,
) -> Result<Vec<Outcome<Member>>> {
    let (mut profile, actor_role) = managed_profile(tx, ctx, profile_ref, "adding members")?;
    if role == Role::Owner {
        require_owner_power(ctx, actor_role, "granting the owner role")?;
    }
    let mut out = Vec::with_capacity(user_refs.len());
    for reference in user_refs {
        let user = need_user(tx, reference)?;
        if let Some(current) = tx.member_get(&profile.id, &user.id)? {
            match on_exists {
                OnExists::Fail => {
                    return Err(Error::conflict(format!(
                        "user {} is already a member of profile {} (role {})",
                        user.label(),
                        profile.slug,
                        current.role.as_str()
                    ))
                    .hint("add --if-not-exists to skip existing members, or change a role with `roster member role`"));
                }
                OnExists::Skip => out.push(Outcome::Unchanged(current)),
                OnExists::Converge => {
                    out.push(change_role(tx, ctx, &profile, actor_role, current, role)?);
                }
            }
            continue;
        }
        check_room(&profile)?;
        let member = insert(tx, ctx, &profile, &user, role, "member-add")?;
        profile.member_count += 1;
        out.push(Outcome::Created(member));
    }
    Ok(out)
}

fn change_role(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    actor_role: Option<Role>,
    current: Member,
    role: Role,
) -> Result<Outcome<Member>> {
    if current.role == role {
        return Ok(Outcome::Unchanged(current));
    }
    if current.role == Role::Owner || role == Role::Owner {
        require_owner_power(ctx, actor_role, "granting or changing the owner role")?;
    }
    keep_an_owner(tx, profile, &current, "changing the role")?;
    let mut next = current;
    next.role = role;
    next.updated_at = ctx.now_text.clone();
    tx.member_set_role(&next.id, role, &next.updated_at)?;
    ctx.audit(
        tx,
        "member-role",
        &next.id,
        serde_json::json!({ "profile": profile.slug, "user_id": next.user_id, "role": role.as_str() }),
    )?;
    Ok(Outcome::Updated(next))
}

/// `member-role`: the profile's owners and admins, and global admins; anything touching
/// the owner role needs an owner or a global admin; the last owner keeps the role.
pub fn set_role(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_ref: &str,
    role: Role,
) -> Result<Outcome<Member>> {
    let (profile, actor_role) = managed_profile(tx, ctx, profile_ref, "changing member roles")?;
    let user = need_user(tx, user_ref)?;
    let current = tx
        .member_get(&profile.id, &user.id)?
        .ok_or_else(|| not_a_member(&user, &profile))?;
    change_role(tx, ctx, &profile, actor_role, current, role)
}

fn not_a_member(user: &User, profile: &Profile) -> Error {
    Error::not_found(format!(
        "user {} is not a member of profile {}",
        user.label(),
        profile.slug
    ))
    .hint(format!(
        "list members with `roster member list {}`",
        profile.slug
    ))
}

/// `member-remove`: the profile's owners and admins, and global admins; removing an owner
/// needs an owner or a global admin; a member may remove themself; never the last owner.
/// With `OnExists::Converge` (seeds) a user who is no longer a member is skipped.
pub fn remove(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
    on_missing: OnExists,
) -> Result<Vec<Outcome<Member>>> {
    let (profile, actor_role) = removal_rights(tx, ctx, profile_ref, user_refs)?;
    let mut out = Vec::with_capacity(user_refs.len());
    for reference in user_refs {
        let user = need_user(tx, reference)?;
        let Some(member) = tx.member_get(&profile.id, &user.id)? else {
            if on_missing == OnExists::Converge {
                continue;
            }
            return Err(not_a_member(&user, &profile));
        };
        if member.role == Role::Owner && !ctx.actor.is(&user) {
            require_owner_power(ctx, actor_role, "removing an owner")?;
        }
        keep_an_owner(tx, &profile, &member, "removing the member")?;
        tx.member_delete(&member.id)?;
        ctx.audit(
            tx,
            "member-remove",
            &member.id,
            serde_json::json!({ "profile": profile.slug, "user_id": member.user_id, "role": member.role.as_str() }),
        )?;
        out.push(Outcome::Deleted(member));
    }
    Ok(out)
}

/// Who may remove: managers of the profile, or a member removing only themself.
fn removal_rights(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
) -> Result<(Profile, Option<Role>)> {
    if let (Some(actor), [only]) = (ctx.actor.user(), user_refs)
        && let (Some(profile), Some(target)) =
            (find_profile(tx, profile_ref)?, super::find_user(tx, only)?)
    {
        let role = role_in(tx, ctx, &profile.id)?;
        if target.id == actor.id && role.is_some() {
            return Ok((profile, role));
        }
    }
    managed_profile(tx, ctx, profile_ref, "removing members")
}

/// What `member remove` will take away, checked against the rules: for the confirmation.
pub fn remove_plan(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
) -> Result<(Profile, Vec<Member>)> {
    let (profile, _) = removal_rights(tx, ctx, profile_ref, user_refs)?;
    let mut members = Vec::new();
    for reference in user_refs {
        let user = need_user(tx, reference)?;
        members.push(
            tx.member_get(&profile.id, &user.id)?
                .ok_or_else(|| not_a_member(&user, &profile))?,
        );
    }
    Ok((profile, members))
}

/// The `--limit` and `--after` of `member list`, as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub after: Option<String>,
}

impl ListQuery {
    /// Without `--limit` and `--after`, `member list` is the whole list, as it always was.
    pub fn pages(&self) -> bool {
        self.limit.is_some() || self.after.is_some()
    }
}

/// A profile's members: the whole list, or one page of it.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberPage {
    pub profile: ProfileRef,
    pub items: Vec<Member>,
    /// Where the next page starts; None on the last page and for the whole list.
    pub next_cursor: Option<String>,
    /// The page size; None for the whole list.
    pub limit: Option<i64>,
}

impl MemberPage {
    /// The `--format json` document of a page: `{"items": [...], "next_cursor": "..." | null}`,
    /// as `media list` prints.
    pub fn to_json(&self) -> Value {
        json!({
            "items": self.items.iter().map(Member::to_json).collect::<Vec<_>>(),
            "next_cursor": self.next_cursor,
        })
    }
}

/// `member list` cursors: the last member of a page, `(role, created_at, id)`, in the
/// shared cursor encoding of [`super::page`], tagged "mb1".
const CURSOR_TAG: &str = "mb1";

pub fn encode_cursor(m: &Member) -> String {
    page::encode(CURSOR_TAG, &[m.role.as_str(), &m.created_at, &m.id])
}

pub fn decode_cursor(cursor: &str) -> Result<(Role, String, String)> {
    let malformed = || page::malformed(cursor, "member list");
    let Some([role, created_at, id]) =
        page::decode(cursor, CURSOR_TAG, 3).and_then(|f| <[String; 3]>::try_from(f).ok())
    else {
        return Err(malformed());
    };
    let role = Role::parse(&role)
        .filter(|r| r.as_str() == role)
        .ok_or_else(malformed)?;
    if created_at.is_empty() || id.is_empty() {
        return Err(malformed());
    }
    Ok((role, created_at, id))
}

/// `member-list`: members of the profile, and global admins. In list order — owners, then
/// admins, then members, each by join time, then id — either all of them (no `--limit`
/// nor `--after`) or `limit` per page (default 50), continuing after the cursor of the
/// previous page.
pub fn list(tx: &Tx<'_>, ctx: &Ctx, profile_ref: &str, q: ListQuery) -> Result<MemberPage> {
    let found = find_profile_ref(tx, profile_ref)?;
    let role = match &found {
        Some(p) => role_in(tx, ctx, &p.id)?,
        None => None,
    };
    require(
        ctx.actor.is_global_admin() || role.is_some(),
        &format!("listing the members of profile {profile_ref:?}"),
        "the profile's members and global admins",
    )?;
    let profile = found.ok_or_else(|| super::profile_not_found(tx, profile_ref))?;
    if !q.pages() {
        let items = tx.member_list(&profile.id)?;
        return Ok(MemberPage {
            profile,
            items,
            next_cursor: None,
            limit: None,
        });
    }
    let limit = page::limit(q.limit)?;
    let after = q.after.as_deref().map(decode_cursor).transpose()?;
    let mut items = tx.member_page(&MemberQuery {
        profile_id: &profile.id,
        after: after
            .as_ref()
            .map(|(role, created_at, id)| (*role, created_at.as_str(), id.as_str())),
        limit: limit + 1,
    })?;
    let next_cursor = page::cut(&mut items, limit, encode_cursor);
    Ok(MemberPage {
        profile,
        items,
        next_cursor,
        limit: Some(limit),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    #[test]
    fn cursors_round_trip_and_refuse_what_no_page_gave() {
        let m = Member {
            id: "0192f0c1-7a3e-7b6e-9d1a-3c5e8f2a4b6d".into(),
            profile_id: "p".into(),
            user_id: "u".into(),
            role: Role::Admin,
            created_at: "2026-11-21T19:52:55.453Z".into(),
            updated_at: "2026-11-21T19:52:55.453Z".into(),
            profile_slug: "the-smiths".into(),
            user_email: None,
            user_username: Some("olive".into()),
            user_name: "Olive".into(),
        };
        let c = encode_cursor(&m);
        assert_eq!(
            decode_cursor(&c).unwrap(),
            (Role::Admin, m.created_at.clone(), m.id.clone())
        );
        for bad in [
            String::new(),
            "not-a-cursor".into(),
            crate::actions::media::encode_cursor("Breaking Bad", "bb"),
            page::encode(CURSOR_TAG, &["ADMIN", "t", "id"]),
            page::encode(CURSOR_TAG, &["boss", "t", "id"]),
            page::encode(CURSOR_TAG, &["admin", "", "id"]),
            page::encode(CURSOR_TAG, &["admin", "t", ""]),
            page::encode(CURSOR_TAG, &["admin", "t"]),
            page::encode("mb2", &["admin", "t", "id"]),
        ] {
            assert_eq!(
                decode_cursor(&bad).unwrap_err().kind,
                Kind::Invalid,
                "{bad:?}"
            );
        }
    }
}
