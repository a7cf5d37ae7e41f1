//! `member-*` events: add, role, remove, and the member list.

use serde_json::Value;

use super::access::{Place, Request, Target};
use super::{Ctx, OnExists, Outcome, allow, find_profile, page, profile_for, profile_ref_for};
use crate::error::{Error, Result};
use crate::model::{Member, Profile, ProfileRef, Role, RoleDef, Scope, User, new_id};
use crate::store::{MemberQuery, Tx};

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
    let member = insert_row(tx, ctx, profile, user, role)?;
    ctx.audit(
        tx,
        event,
        &member.id,
        Joined {
            profile: &profile.slug,
            user_id: &user.id,
            role: member.role.as_str(),
        },
    )?;
    Ok(member)
}

/// The audit data of a membership made: `{"profile", "user_id", "role"}`.
#[derive(serde::Serialize)]
struct Joined<'a> {
    profile: &'a str,
    user_id: &'a str,
    role: &'a str,
}

/// Inserts a membership, making the profile the active one of the user's sessions that
/// have none when it is their first; the caller writes the audit row of the change it is
/// part of (`member-add`, `invite-accept`, `profile-transfer`).
pub fn insert_row(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    user: &User,
    role: Role,
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
    super::session::joined_profile(tx, ctx, &user.id, &profile.id)?;
    Ok(member)
}

/// The decision of a `member-*` event on `target` (a member, when the user is one) in
/// `profile`, granting `grant` (None when it names no role, or one not defined: the
/// decision comes first, then the 67).
fn decide(
    tx: &Tx<'_>,
    ctx: &Ctx,
    event: &'static str,
    profile: &Profile,
    target: Option<&Member>,
    grant: Option<&RoleDef>,
) -> Result<()> {
    let mut req = Request::new(event).at(Place::Profile {
        id: &profile.id,
        slug: &profile.slug,
    });
    if let Some(m) = target {
        req = req.on(Target::Member(m));
    }
    if let Some(def) = grant {
        req = req.granting(def);
        req.new_role = Some(&def.name);
    }
    allow(tx, ctx, req)
}

/// `member-add`: whoever holds `member-add` in the profile (its owners and admins, global
/// admins), granting only a role whose every permission they hold. Several users form one
/// transaction with the caller's.
pub fn add(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
    role: &Role,
    on_exists: OnExists,
) -> Result<Vec<Outcome<Member>>> {
    let mut profile = profile_for(tx, ctx, profile_ref, "member-add")?;
    let def = tx.role_get(Scope::Profile, role.as_str())?;
    decide(tx, ctx, "member-add", &profile, None, def.as_ref())?;
    let def = match def {
        Some(d) => d,
        None => return Err(super::role::not_defined(tx, Scope::Profile, role.as_str())),
    };
    let mut out = Vec::with_capacity(user_refs.len());
    for reference in user_refs {
        let user = user_to_add(tx, &profile, reference)?;
        if let Some(current) = tx.member_of(&profile.id, &profile.slug, &user)? {
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
                    out.push(change_role(tx, ctx, &profile, current, &def)?);
                }
            }
            continue;
        }
        check_room(&profile)?;
        let member = insert(tx, ctx, &profile, &user, role.clone(), "member-add")?;
        profile.member_count += 1;
        out.push(Outcome::Created(member));
    }
    Ok(out)
}

/// The users a `member add` into `profile_ref` names, each found or refused as [`add`]
/// refuses them (the profile's permission first). Nothing is written: a prompt checks its
/// answer with it, to ask again before the change is made.
pub fn users_to_add(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
) -> Result<Vec<User>> {
    let profile = profile_for(tx, ctx, profile_ref, "member-add")?;
    user_refs
        .iter()
        .map(|r| user_to_add(tx, &profile, r))
        .collect()
}

/// The user `reference` names, or the not-found error of [`no_account`].
fn user_to_add(tx: &Tx<'_>, profile: &Profile, reference: &str) -> Result<User> {
    super::find_user(tx, reference)?.ok_or_else(|| no_account(tx, profile, reference))
}

/// `member add` of someone with no account: an email that is no near miss of a user's is
/// pointed at an invitation, which needs no account until it is accepted.
fn no_account(tx: &Tx<'_>, profile: &Profile, reference: &str) -> Error {
    let e = super::user_not_found(tx, reference);
    let near_miss = e.hints.iter().any(|h| h.starts_with("did you mean"));
    match super::validate::email(reference) {
        Ok(email) if !near_miss => e.hint(format!(
            "to offer them a place instead: roster invite send {} {}",
            profile.slug,
            crate::output::shell_quote(&email)
        )),
        _ => e,
    }
}

fn change_role(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    current: Member,
    role: &RoleDef,
) -> Result<Outcome<Member>> {
    if current.role.as_str() == role.name {
        return Ok(Outcome::Unchanged(current));
    }
    decide(tx, ctx, "member-role", profile, Some(&current), Some(role))?;
    let before = current.role.clone();
    let mut next = current;
    next.role = Role::parse(&role.name).ok_or_else(|| Error::internal("stored role name"))?;
    next.updated_at = ctx.now_text.clone();
    tx.member_set_role(&next.id, &next.role, &next.updated_at)?;
    // `role_before` lets `roster audit` say `role member → admin`.
    ctx.audit(
        tx,
        "member-role",
        &next.id,
        serde_json::json!({
            "profile": profile.slug,
            "user_id": next.user_id,
            "role": next.role.as_str(),
            "role_before": before.as_str(),
        }),
    )?;
    Ok(Outcome::Updated(next))
}

/// `member-role`: whoever holds `member-role` in the profile, holding every permission of
/// both the member's role and the new one; the last owner keeps the role.
pub fn set_role(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_ref: &str,
    role: &Role,
) -> Result<Outcome<Member>> {
    let profile = profile_for(tx, ctx, profile_ref, "member-role")?;
    let user = super::find_user(tx, user_ref)?;
    let current = match &user {
        Some(u) => tx.member_of(&profile.id, &profile.slug, u)?,
        None => None,
    };
    let def = tx.role_get(Scope::Profile, role.as_str())?;
    decide(
        tx,
        ctx,
        "member-role",
        &profile,
        current.as_ref(),
        def.as_ref(),
    )?;
    let user = match user {
        Some(u) => u,
        None => return Err(super::user_not_found(tx, user_ref)),
    };
    let current = current.ok_or_else(|| not_a_member(&user, &profile))?;
    let def = match def {
        Some(d) => d,
        None => return Err(super::role::not_defined(tx, Scope::Profile, role.as_str())),
    };
    change_role(tx, ctx, &profile, current, &def)
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

/// The profile and the members `member remove` would take away, each decided: whoever
/// holds `member-remove` there (holding every permission of the member's role), or a
/// member removing themself; never the last owner. With `OnExists::Converge` (seeds) a
/// user who is no longer a member is skipped.
fn removals(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
    on_missing: OnExists,
) -> Result<(Profile, Vec<Member>)> {
    let found = find_profile(tx, profile_ref)?;
    let Some(profile) = found else {
        allow(
            tx,
            ctx,
            Request::new("member-remove").at(Place::Missing(profile_ref)),
        )?;
        return Err(super::profile_not_found(tx, profile_ref));
    };
    let mut members = Vec::with_capacity(user_refs.len());
    let mut missing = None;
    for reference in user_refs {
        let user = super::find_user(tx, reference)?;
        let member = match &user {
            Some(u) => tx.member_of(&profile.id, &profile.slug, u)?,
            None => None,
        };
        // Named as given, whether or not they are a member: a refusal tells no one who
        // is a member, nor the email of an id.
        let mut req = Request::new("member-remove").at(Place::Profile {
            id: &profile.id,
            slug: &profile.slug,
        });
        if let Some(m) = &member {
            req = req.on(Target::Member(m));
        }
        if member
            .as_ref()
            .is_none_or(|m| ctx.actor.user_id() != Some(m.user_id.as_str()))
        {
            req.named = Some(reference.trim());
        }
        allow(tx, ctx, req)?;
        match (user, member) {
            (_, Some(m)) => members.push(m),
            (Some(_), None) if on_missing == OnExists::Converge => {}
            (Some(u), None) => {
                missing.get_or_insert_with(|| not_a_member(&u, &profile));
            }
            (None, None) => {
                missing.get_or_insert_with(|| super::user_not_found(tx, reference));
            }
        }
    }
    match missing {
        Some(e) => Err(e),
        None => Ok((profile, members)),
    }
}

/// `member-remove`; see [`removals`]. The owner count is asked again for each removal, so
/// that removing two of three owners at once leaves one.
pub fn remove(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
    on_missing: OnExists,
) -> Result<Vec<Outcome<Member>>> {
    let (profile, members) = removals(tx, ctx, profile_ref, user_refs, on_missing)?;
    let mut out = Vec::with_capacity(members.len());
    for member in members {
        decide(tx, ctx, "member-remove", &profile, Some(&member), None)?;
        tx.member_delete(&member.id)?;
        super::session::left_profile(tx, &member.user_id, &profile.id)?;
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

/// `member leave`: the acting user removing themself, which is [`remove`] of their own
/// membership (the rule of a member leaving, the last owner's refusal, the audit row, the
/// active profile of their sessions cleared). Profiles are public (`profile-show` is
/// anyone's) and a user's own memberships are theirs to know, so a profile that does not
/// exist, or one they are not in, is a plain 67. The operator belongs to no profile: 2.
pub fn leave(tx: &mut Tx<'_>, ctx: &Ctx, profile_ref: &str) -> Result<Outcome<Member>> {
    let Some(user) = ctx.actor.user() else {
        let shown = profile_ref.trim();
        return Err(Error::usage(
            "member leave: the operator is no member of any profile; a user leaves",
        )
        .hint(format!(
            "name who leaves with --as: `roster --as USER member leave {shown}`, or remove them with `roster member remove {shown} USER`"
        )));
    };
    let profile = super::need_profile(tx, profile_ref)?;
    if tx.member_get(&profile.id, &user.id)?.is_none() {
        return Err(Error::not_found(format!(
            "user {} is not a member of profile {}",
            user.label(),
            profile.slug
        ))
        .hint(format!(
            "`roster --as {} whoami` lists your memberships",
            user.label()
        )));
    }
    let mut out = remove(
        tx,
        ctx,
        &profile.id,
        std::slice::from_ref(&user.id),
        OnExists::Fail,
    )?;
    out.pop()
        .ok_or_else(|| Error::internal("member leave removed nothing"))
}

/// What `member remove` will take away, checked against the rules: for the confirmation.
pub fn remove_plan(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    user_refs: &[String],
) -> Result<(Profile, Vec<Member>)> {
    removals(tx, ctx, profile_ref, user_refs, OnExists::Fail)
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
    /// The `--format json` document of a page ([`super::page::document`]).
    pub fn to_json(&self) -> Value {
        super::page::document(&self.items, self.next_cursor.as_deref())
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
    let profile = profile_ref_for(tx, ctx, profile_ref, "member-list")?;
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
            .map(|(role, created_at, id)| (role, created_at.as_str(), id.as_str())),
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
            role: Role::admin(),
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
            (Role::admin(), m.created_at.clone(), m.id.clone())
        );
        for bad in [
            String::new(),
            "not-a-cursor".into(),
            crate::actions::media::encode_cursor(&crate::store::MediaPlace::start()),
            page::encode(CURSOR_TAG, &["ADMIN", "t", "id"]),
            page::encode(CURSOR_TAG, &["Boss!", "t", "id"]),
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

    /// A membership read by its own row (`member_of`) is the one the join reads
    /// (`member_get`), labels and all, also after the user's labels change in the same
    /// transaction; and a profile found by slug from the transaction's cache is found
    /// under its new slug only, once renamed.
    #[test]
    fn a_membership_read_alone_is_the_joined_one() {
        use crate::actions::Actor;
        use crate::actions::{profile, user};
        use crate::store::{OpenMode, Store};
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("t.db"), OpenMode::Create, 1000).unwrap();
        let now = crate::model::parse_timestamp("2026-11-21T12:00:00Z").unwrap();
        let ctx = Ctx::new(
            Actor::Operator {
                login: "test".into(),
            },
            now,
            "test",
        );
        store
            .write(|tx| {
                let p = profile::NewProfile {
                    slug: Some("family".into()),
                    name: Some("Family".into()),
                    ..Default::default()
                };
                profile::create(tx, &ctx, p, OnExists::Fail)?;
                for (id, email, username) in [
                    ("u1", Some("one@example.com"), None),
                    ("u2", None, Some("two")),
                    ("u3", Some("three@example.com"), Some("three")),
                ] {
                    let u = user::NewUser {
                        id: Some(id.into()),
                        email: email.map(Into::into),
                        username: username.map(Into::into),
                        name: Some(format!("User {id}")),
                        ..Default::default()
                    };
                    user::create(tx, &ctx, u, OnExists::Fail)?;
                }
                add(
                    tx,
                    &ctx,
                    "family",
                    &["u1".into(), "u2".into()],
                    &Role::admin(),
                    OnExists::Fail,
                )?;
                let both = |tx: &Tx<'_>| -> Result<()> {
                    let p = tx.profile_by_slug("family")?.expect("family");
                    for id in ["u1", "u2", "u3"] {
                        let u = tx.user_by_id(id)?.expect("user");
                        let alone = tx.member_of(&p.id, &p.slug, &u)?;
                        assert_eq!(alone, tx.member_get(&p.id, id)?, "{id}");
                        assert_eq!(alone.is_some(), id != "u3", "{id}");
                    }
                    Ok(())
                };
                both(tx)?;
                let changes = user::UserChanges {
                    name: Some("Renamed".into()),
                    email: Some(Some("new@example.com".into())),
                    ..Default::default()
                };
                user::update(tx, &ctx, "u1", changes)?;
                both(tx)?;

                let before = tx.profile_ref_by_slug("family")?.expect("by slug");
                let renamed = profile::ProfileChanges {
                    slug: Some("household".into()),
                    ..Default::default()
                };
                profile::update(tx, &ctx, "family", renamed)?;
                assert_eq!(tx.profile_ref_by_slug("family")?, None);
                let after = tx.profile_ref_by_slug("household")?.expect("renamed");
                assert_eq!((after.id, after.slug.as_str()), (before.id, "household"));
                Ok(())
            })
            .unwrap();
    }
}
