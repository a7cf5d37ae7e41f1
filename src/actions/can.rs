//! `roster can`: the decision [`super::access::authorize`] makes for a user, printed with
//! its steps. It asks the very function the actions ask; it never computes access a
//! second way.

use super::access::{self, Decision, Place, Request, Target, catalogue};
use super::{Actor, Ctx, allow, find_profile, find_user, nearest};
use crate::error::{Error, Result};
use crate::model::{Invitation, Media, Member, RoleDef, Scope, User};
use crate::store::Tx;

/// What `roster can` asks.
#[derive(Debug, Clone, Default)]
pub struct Question {
    pub user: String,
    pub event: String,
    pub profile: Option<String>,
    pub record: Option<String>,
    /// The role granted (`member-add`, `member-role`, `invite-send`, `user-grant`).
    pub role: Option<String>,
}

/// Who is asked about: a user may ask about themself; asking about others needs `can`
/// (global admins).
fn subject(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<User> {
    let found = find_user(tx, reference)?;
    let nobody = super::nobody();
    let req = super::on_user(&ctx.actor, "can", found.as_ref(), &nobody, reference);
    allow(tx, ctx, req)?;
    found.ok_or_else(|| super::user_not_found(tx, reference))
}

fn event(given: &str) -> Result<&'static catalogue::Permission> {
    let name = given.trim().to_ascii_lowercase();
    catalogue::get(&name).ok_or_else(|| {
        let mut e = Error::invalid(format!("event {given:?} does not exist"));
        if let Some(near) = nearest(&name, &catalogue::names()) {
            e = e.hint(format!("did you mean {near:?}?"));
        }
        e.hint("`roster can USER --all` lists every event")
    })
}

/// The record `--record` names, for the event's family.
enum Record {
    None,
    User(User),
    Member(Member),
    Media(Media),
    Invitation(Invitation),
    Session(crate::model::Session),
    /// A media item or invitation that does not exist: decided as the command decides it
    /// (77 unless a global role reaches it, then 67), so that `can` tells no one more.
    Missing,
    /// A user who does not exist, or (for member events) who is no member of the profile:
    /// decided as the command decides it, then the 67 the command would give.
    NoUser(Error),
}

fn record(
    tx: &Tx<'_>,
    perm: &catalogue::Permission,
    profile: Option<&crate::model::Profile>,
    given: &str,
) -> Result<Record> {
    let family = match perm.name {
        // Their record is the user whose sessions they are.
        "session-issue" | "session-list" => "user",
        other => catalogue::family(other).unwrap_or(other),
    };
    Ok(match family {
        "user" | "can" => match find_user(tx, given)? {
            Some(u) => Record::User(u),
            None => Record::NoUser(super::user_not_found(tx, given)),
        },
        "member" => {
            let Some(p) = profile else {
                return Err(Error::usage(format!(
                    "{}: --record names a member of PROFILE: give the profile too",
                    perm.name
                )));
            };
            let Some(user) = find_user(tx, given)? else {
                return Ok(Record::NoUser(super::user_not_found(tx, given)));
            };
            match tx.member_get(&p.id, &user.id)? {
                Some(m) => Record::Member(m),
                None => Record::NoUser(Error::not_found(format!(
                    "user {} is not a member of profile {}",
                    user.label(),
                    p.slug
                ))),
            }
        }
        "media" => tx
            .media_by_id(given)?
            .map_or(Record::Missing, Record::Media),
        // A session by id or prefix; the user whose sessions they are otherwise (what a
        // refusal of `session revoke --user` names).
        "session"
            if given.contains('@')
                || !given.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') =>
        {
            match find_user(tx, given)? {
                Some(u) => Record::User(u),
                None => Record::NoUser(super::user_not_found(tx, given)),
            }
        }
        "session" => match super::session::find(tx, given) {
            Ok(s) => Record::Session(s),
            Err(e) if e.kind == crate::error::Kind::NotFound => Record::Missing,
            Err(e) => return Err(e),
        },
        "invite" => tx
            .invite_by_id(&super::invite::resolve(tx, None, given)?)?
            .map_or(Record::Missing, Record::Invitation),
        _ => {
            return Err(Error::usage(format!(
                "{} acts on no record: leave out --record",
                perm.name
            )));
        }
    })
}

/// The role a grant names: a profile role for member and invitation events, a global one
/// for user events.
fn granted(tx: &Tx<'_>, perm: &catalogue::Permission, given: &str) -> Result<RoleDef> {
    let scope = match perm.name {
        "member-add" | "member-role" | "invite-send" => Scope::Profile,
        "user-grant" | "user-revoke" | "user-create" => Scope::Global,
        other => {
            return Err(Error::usage(format!(
                "{other} grants no role: leave out --role"
            ))
            .hint("--role goes with member-add, member-role, invite-send, user-create, user-grant and user-revoke"));
        }
    };
    let name = super::role::name(given)?;
    super::role::need(tx, scope, &name)
}

/// `roster can USER EVENT [PROFILE] [--record ID] [--role R]`: the decision, for `USER`.
pub fn explain(tx: &Tx<'_>, ctx: &Ctx, q: &Question) -> Result<Decision> {
    let user = subject(tx, ctx, &q.user)?;
    let perm = event(&q.event)?;
    let profile = match &q.profile {
        Some(r) => Some(find_profile(tx, r)?.ok_or_else(|| super::profile_not_found(tx, r))?),
        None => None,
    };
    if perm.scope == Scope::Global && profile.is_some() {
        return Err(Error::usage(format!(
            "{} is not done in a profile: leave out PROFILE",
            perm.name
        )));
    }
    let rec = match &q.record {
        // A session is looked for as the command looks for it: a user's among their own,
        // so that `can` tells no one whether someone else's exists.
        Some(r)
            if matches!(perm.name, "session-show" | "session-use" | "session-revoke")
                && !r.contains('@')
                && r.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-') =>
        {
            let actor = Actor::User(Box::new(user.clone()));
            match super::session::named(tx, &actor, r, perm.name)? {
                super::session::Named::Found(s) => Record::Session(s),
                super::session::Named::Refused(d) => return Ok(d),
            }
        }
        Some(r) => record(tx, perm, profile.as_ref(), r)?,
        None => Record::None,
    };
    // A record's profile is where the event acts.
    let record_profile = match &rec {
        Record::Media(m) => Some(m.profile_id.clone()),
        Record::Invitation(i) => Some(i.profile_id.clone()),
        _ => None,
    };
    let mut place_profile = profile.as_ref().map(|p| (p.id.clone(), p.slug.clone()));
    if let Some(pid) = record_profile {
        if let Some((id, slug)) = &place_profile
            && *id != pid
        {
            return Err(Error::invalid(format!(
                "--record {}: it belongs to another profile than {slug}",
                q.record.as_deref().unwrap_or_default()
            )));
        }
        let p = tx
            .profile_ref_by_id(&pid)?
            .ok_or_else(|| Error::internal("record without its profile"))?;
        place_profile = Some((p.id, p.slug));
    }
    if let Record::Missing = rec {
        let given = q.record.as_deref().unwrap_or_default();
        // Answering one is decided as on an invitation sent to someone else, as the
        // command decides it.
        let nobodys = super::invite::nobodys(given);
        let mut req = Request::new(perm.name).at(Place::Missing(""));
        if matches!(perm.name, "invite-accept" | "invite-reject") {
            req = Request::new(perm.name).on(Target::Invitation(&nobodys));
        }
        req.named = Some(given);
        let d = access::authorize(tx, &Actor::User(Box::new(user)), &req)?;
        if !d.allowed() {
            return Ok(d);
        }
        let what = if perm.name.starts_with("media-") {
            "media item"
        } else if perm.name.starts_with("session-") {
            "session"
        } else {
            "invitation"
        };
        return Err(Error::not_found(format!("{what} {given:?} does not exist")));
    }
    if perm.scope == Scope::Profile && place_profile.is_none() {
        return Err(Error::usage(format!(
            "{} is done in a profile: give PROFILE (or --record)",
            perm.name
        ))
        .hint(format!(
            "for example `roster can {} {} PROFILE`",
            q.user, perm.name
        )));
    }
    // The commands that grant a profile role grant `member` when none is named: so does
    // the question.
    let default_role = match perm.name {
        "member-add" | "invite-send" => Some("member"),
        _ => None,
    };
    let role = q
        .role
        .as_deref()
        .or(default_role)
        .map(|r| granted(tx, perm, r))
        .transpose()?;
    let place = match &place_profile {
        Some((id, slug)) => Place::Profile { id, slug },
        None => Place::Global,
    };
    let nobody = super::nobody();
    let mut req = Request::new(perm.name).at(place);
    // A record's profile is not named when the answer is no, as the command does not.
    req.place_of_record = matches!(rec, Record::Media(_) | Record::Invitation(_));
    req.target = match &rec {
        Record::None | Record::Missing => Target::None,
        // A user who is no member is decided as the member commands decide it: on no
        // record; one who does not exist as someone else.
        Record::NoUser(_) if perm.name.starts_with("member-") => Target::None,
        Record::NoUser(_) => Target::User(&nobody),
        Record::User(u) => Target::User(u),
        Record::Member(m) => Target::Member(m),
        Record::Media(m) => Target::Media(m),
        Record::Invitation(i) => Target::Invitation(i),
        Record::Session(s) => Target::Session(s),
    };
    if let Some(r) = &role {
        req = req.granting(r);
        req.new_role = Some(&r.name);
    }
    let actor = Actor::User(Box::new(user));
    if let (Some(given), Record::User(_) | Record::Member(_) | Record::NoUser(_)) =
        (&q.record, &rec)
    {
        // Named as given, as the command names them: no email of an id.
        let own = match &rec {
            Record::User(u) => actor.is(u),
            Record::Member(m) => actor.user_id() == Some(m.user_id.as_str()),
            _ => false,
        };
        if !own {
            req.named = Some(given.trim());
        }
    }
    let d = access::authorize(tx, &actor, &req)?;
    match rec {
        Record::NoUser(e) if d.allowed() => Err(e),
        _ => Ok(d),
    }
}

/// `roster can USER --all [PROFILE]`: every event's decision, without a record: the access
/// matrix. Profile events are decided in PROFILE, or by global roles alone without one.
pub fn matrix(
    tx: &Tx<'_>,
    ctx: &Ctx,
    user_ref: &str,
    profile_ref: Option<&str>,
) -> Result<Vec<Decision>> {
    let user = subject(tx, ctx, user_ref)?;
    let profile = match profile_ref {
        Some(r) => Some(find_profile(tx, r)?.ok_or_else(|| super::profile_not_found(tx, r))?),
        None => None,
    };
    decisions(tx, &user, profile.as_ref().map(|p| p.id.as_str()))
}

/// Every event's decision for `user`, in the profile `profile_id` for profile events:
/// the matrix of `can --all` and the `may` of `session show`.
pub fn decisions(tx: &Tx<'_>, user: &User, profile_id: Option<&str>) -> Result<Vec<Decision>> {
    let profile = match profile_id {
        Some(id) => tx.profile_ref_by_id(id)?,
        None => None,
    };
    let actor = Actor::User(Box::new(user.clone()));
    let member = tx.role_get(Scope::Profile, "member")?;
    let mut out = Vec::with_capacity(catalogue::PERMISSIONS.len());
    for perm in catalogue::PERMISSIONS {
        let place = match (&profile, perm.scope) {
            (Some(p), Scope::Profile) => Place::Profile {
                id: &p.id,
                slug: &p.slug,
            },
            _ => Place::Global,
        };
        let mut req = Request::new(perm.name).at(place);
        // As the single question does: the role these commands grant by default.
        if let (Some(m), "member-add" | "invite-send") = (&member, perm.name) {
            req = req.granting(m);
            req.new_role = Some("member");
        }
        out.push(access::authorize(tx, &actor, &req)?);
    }
    Ok(out)
}
