//! Sessions (README "Sessions"): `login`, `session issue`, the `session-create` seed event,
//! the active profile as Plank chooses it, revocation, and `whoami`. A token is 32 bytes
//! from the operating system, URL-safe base64 after `rst_`; it is returned once, to be
//! printed, and only its SHA-256 is stored.

use base64ct::Encoding;
use chrono::TimeDelta;
use serde_json::{Value, json};
use sha2::Digest;

use super::access::{Place, Request, Target};
use super::{Actor, Ctx, OnExists, Outcome, allow, find_profile, need_user, validate};
use crate::error::{Error, Result};
use crate::model::{Profile, Session, SessionOrigin, User, new_id, timestamp};
use crate::output::Record;
use crate::store::{SessionQuery, Tx};

pub const TOKEN_PREFIX: &str = "rst_";
/// How long a session lasts unless `--expires-in` says otherwise.
pub const DEFAULT_LIFETIME: &str = "30d";
/// `session prune` removes sessions that ended longer ago than this.
pub const PRUNE_AFTER_DAYS: i64 = 30;

/// A new token: `rst_` and 32 random bytes in URL-safe base64 (43 characters).
pub fn new_token() -> Result<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::internal(format!("the operating system gave no random bytes: {e}")))?;
    Ok(format!(
        "{TOKEN_PREFIX}{}",
        base64ct::Base64UrlUnpadded::encode_string(&bytes)
    ))
}

/// What is stored of a token: its SHA-256, lower-case hex.
pub fn token_hash(token: &str) -> String {
    let digest = sha2::Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A token a seed gives: `rst_` and at least 32 URL-safe base64 characters. The message
/// never quotes it.
pub fn check_token(token: &str) -> Result<()> {
    let body = token.strip_prefix(TOKEN_PREFIX).ok_or_else(|| {
        Error::invalid("token: must start with \"rst_\"")
            .hint("make one with `roster session issue`, or `printf 'rst_%s' \"$(openssl rand -base64 32 | tr '+/' '-_' | tr -d '=')\"`")
    })?;
    let ok = body.len() >= 32
        && body.len() <= 256
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !ok {
        return Err(Error::invalid(
            "token: after \"rst_\", 32 to 256 URL-safe base64 characters (A-Z a-z 0-9 - _)",
        ));
    }
    Ok(())
}

/// A session's lifetime as given (`--expires-in`, `expires_in`), default 30 days.
pub fn lifetime(field: &str, text: Option<&str>) -> Result<TimeDelta> {
    let text = text.unwrap_or(DEFAULT_LIFETIME);
    let d = validate::duration(field, text)?;
    if d <= TimeDelta::zero() {
        return Err(Error::invalid(format!(
            "{field} {text:?}: must be longer than zero"
        )));
    }
    Ok(d)
}

/// How a new session is to start.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSession {
    pub user: String,
    pub profile: Option<String>,
    pub expires_in: TimeDelta,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub origin: SessionOrigin,
    /// The token a seed gives; otherwise a new one is made.
    pub token: Option<String>,
}

/// A session that began, and its token (shown once).
#[derive(Debug, Clone, PartialEq)]
pub struct Started {
    pub session: Session,
    pub token: Option<String>,
}

/// The active profile of a new session, as Plank chooses it: the one given (the user must
/// be a member, or a global admin); otherwise the user's only profile when they have
/// exactly one; otherwise none.
fn active_profile(tx: &Tx<'_>, user: &User, given: Option<&str>) -> Result<Option<Profile>> {
    if let Some(reference) = given {
        let profile =
            find_profile(tx, reference)?.ok_or_else(|| super::profile_not_found(tx, reference))?;
        member_or_admin(tx, user, &profile)?;
        return Ok(Some(profile));
    }
    let memberships = tx.memberships_of(&user.id)?;
    if memberships.len() == 1
        && let Some(id) = memberships.keys().next()
    {
        return tx.profile_by_id(id);
    }
    Ok(None)
}

/// A session's active profile must be one its user belongs to (or any, for a global admin).
fn member_or_admin(tx: &Tx<'_>, user: &User, profile: &Profile) -> Result<()> {
    if user.is_admin() || tx.member_role(&profile.id, &user.id)?.is_some() {
        return Ok(());
    }
    Err(Error::conflict(format!(
        "{} is not a member of profile {}: it cannot be their active profile",
        user.label(),
        profile.slug
    ))
    .hint(format!(
        "add them first: `roster member add {} {}`",
        profile.slug,
        user.label()
    )))
}

/// Checks that `user` may sign in at all: active. Refused as `kind`: 77 for the user
/// signing in, 68 for an admin issuing them a session (the rules allowed it; the user's
/// state does not).
fn may_sign_in(user: &User, kind: crate::error::Kind) -> Result<()> {
    if !user.active {
        return Err(Error::new(
            kind,
            format!("user {} is disabled and cannot sign in", user.label()),
        )
        .hint(format!(
            "a global admin can run `roster user enable {}`",
            user.label()
        )));
    }
    Ok(())
}

/// Starts a session for `input.user` (already permitted: login verified the password,
/// issue and seeds asked `session-issue`). With [`OnExists::Converge`] (seeds), a token
/// already stored for the same user is `Unchanged`.
fn start(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    user: &User,
    input: NewSession,
    on_exists: OnExists,
) -> Result<Outcome<Started>> {
    may_sign_in(user, crate::error::Kind::Conflict)?;
    let token = match input.token {
        Some(t) => t,
        None => new_token()?,
    };
    let hash = token_hash(&token);
    if let Some(existing) = tx.session_by_token_hash(&hash)? {
        if existing.user_id == user.id && on_exists == OnExists::Converge {
            return Ok(Outcome::Unchanged(Started {
                session: existing,
                token: None,
            }));
        }
        return Err(Error::conflict(
            "token: a session with this token already exists (for another user, or not from a seed)",
        )
        .hint("give each session its own token"));
    }
    let profile = active_profile(tx, user, input.profile.as_deref())?;
    let expires_at = ctx
        .now
        .checked_add_signed(input.expires_in)
        .map(timestamp)
        .ok_or_else(|| Error::invalid("expires_in: too far in the future"))?;
    let session = Session {
        id: new_id(),
        user_id: user.id.clone(),
        user: user.label().to_string(),
        active_profile_id: profile.as_ref().map(|p| p.id.clone()),
        active_profile: profile.as_ref().map(|p| p.slug.clone()),
        roles: user.roles.clone(),
        origin: input.origin,
        user_agent: input.user_agent,
        ip: input.ip,
        created_at: ctx.now_text.clone(),
        expires_at,
        last_used_at: None,
        revoked_at: None,
    };
    tx.session_insert(&session, &hash)?;
    let event = match input.origin {
        SessionOrigin::Login => "login",
        SessionOrigin::Issued => "session-issue",
        SessionOrigin::Seed => "session-create",
    };
    ctx.audit(
        tx,
        event,
        &session.id,
        json!({
            "user_id": user.id,
            "origin": input.origin.as_str(),
            "active_profile": session.active_profile,
            "expires_at": session.expires_at,
        }),
    )?;
    Ok(Outcome::Created(Started {
        session,
        token: Some(token),
    }))
}

/// The user `roster login` signs in, checked before any password is read: 67 when there
/// is none, 77 when disabled or without a password.
pub fn login_target(tx: &Tx<'_>, reference: &str) -> Result<User> {
    let user = need_user(tx, reference)?;
    may_sign_in(&user, crate::error::Kind::Denied)?;
    if user.password_hash.is_none() {
        return Err(Error::denied(format!(
            "user {} has no password and cannot sign in with one",
            user.label()
        ))
        .hint(format!(
            "set one with `roster user passwd {}`, or issue a session with `roster session issue {}`",
            user.label(),
            user.label()
        )));
    }
    Ok(user)
}

/// What `login` ends with: a session, or a refusal that was audited (and so must be
/// committed before the command fails).
#[derive(Debug)]
pub enum Login {
    Started(Box<Started>),
    Refused(Error),
}

/// `roster login`: `verified` says whether the password given matched `verified_hash`,
/// the hash read (and checked, outside the write transaction) for this user. A wrong
/// password writes a `login-failed` row, never the password.
pub fn login(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewSession,
    verified_hash: &str,
    verified: bool,
) -> Result<Login> {
    let user = login_target(tx, &input.user)?;
    // The hash checked is still the stored one: a password changed meanwhile is refused.
    let current = user.password_hash.as_deref() == Some(verified_hash);
    if !verified || !current {
        ctx.audit(
            tx,
            "login-failed",
            &user.id,
            json!({ "reason": if verified { "password changed meanwhile" } else { "wrong password" } }),
        )?;
        return Ok(Login::Refused(
            Error::denied(format!("wrong password for {}", user.label()))
                .hint("the attempt is recorded in the audit log"),
        ));
    }
    match start(tx, ctx, &user, input, OnExists::Fail)? {
        Outcome::Created(s) => Ok(Login::Started(Box::new(s))),
        _ => Err(Error::internal("a login converged")),
    }
}

/// `session-issue` (and the `session-create` seed event): global admins start a session
/// for a user without a password.
pub fn issue(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: NewSession,
    on_exists: OnExists,
) -> Result<Outcome<Started>> {
    let target = super::find_user(tx, &input.user)?;
    let nobody = super::nobody();
    let req = super::on_user(
        &ctx.actor,
        "session-issue",
        target.as_ref(),
        &nobody,
        &input.user,
    );
    allow(tx, ctx, req)?;
    let user = target.ok_or_else(|| super::user_not_found(tx, &input.user))?;
    start(tx, ctx, &user, input, on_exists)
}

/// A session name as given, checked (65 when it cannot be an id or a prefix of one) and
/// lower-cased.
fn prefix_of(given: &str) -> Result<String> {
    let prefix = given.trim().to_ascii_lowercase();
    if prefix.len() < super::MIN_PREFIX
        || prefix.len() > 36
        || !prefix.bytes().all(|b| b.is_ascii_hexdigit() || b == b'-')
    {
        return Err(Error::invalid(format!(
            "session {given:?}: name a session by its id, or by at least 4 of its first characters"
        ))
        .hint("list sessions with `roster session list`"));
    }
    Ok(prefix)
}

/// Finds a session by its id or a unique prefix of it (as git names commits): 67 when
/// none matches, 68 listing the candidates when several do. With `only`, among that
/// user's sessions alone.
fn find_among(tx: &Tx<'_>, given: &str, only: Option<&str>) -> Result<Session> {
    let prefix = prefix_of(given)?;
    let found = tx.sessions_by_prefix(&prefix, only, 6)?;
    match found.as_slice() {
        [] => Err(
            Error::not_found(format!("session {given:?} does not exist"))
                .hint("list sessions with `roster session list --all`"),
        ),
        [one] => Ok(one.clone()),
        many => {
            let ids: Vec<String> = many.iter().map(|s| s.id.clone()).collect();
            Err(super::ambiguous("session", given, &ids))
        }
    }
}

/// Finds a session by its id or a unique prefix of it, among everyone's.
pub fn find(tx: &Tx<'_>, given: &str) -> Result<Session> {
    find_among(tx, given, None)
}

/// A session of no one, named as given: what a refusal is decided on when the actor may
/// not see the session, so that it reads the same whether the session is someone else's
/// or does not exist.
fn nobodys(given: &str) -> Session {
    Session {
        id: given.to_string(),
        user_id: String::new(),
        user: String::new(),
        active_profile_id: None,
        active_profile: None,
        roles: Vec::new(),
        origin: SessionOrigin::Issued,
        user_agent: None,
        ip: None,
        created_at: String::new(),
        expires_at: String::new(),
        last_used_at: None,
        revoked_at: None,
    }
}

/// A session named for an event: found, or refused without saying whether it exists.
pub enum Named {
    Found(Session),
    Refused(super::access::Decision),
}

/// Finds the session `given` names for `actor` to do `event` to. An actor whom a global
/// role lets do `event` to anyone's sessions looks among everyone's (67 when none
/// matches, 68 when several do); anyone else only among their own, and a name that
/// matches none of theirs — someone else's session, several of others', or none at all —
/// is refused in the same words (77), as someone else's session is.
pub fn named(tx: &Tx<'_>, actor: &Actor, given: &str, event: &'static str) -> Result<Named> {
    prefix_of(given)?;
    let nobody = nobodys(given);
    let mut req = Request::new(event)
        .at(Place::Global)
        .on(Target::Session(&nobody));
    req.named = Some(given);
    let anyone = super::access::authorize(tx, actor, &req)?;
    let only = match actor {
        Actor::User(u) if !anyone.allowed() => Some(u.id.as_str()),
        _ => None,
    };
    match find_among(tx, given, only) {
        Ok(s) => Ok(Named::Found(s)),
        Err(e) if only.is_some() && e.kind == crate::error::Kind::NotFound => {
            Ok(Named::Refused(anyone))
        }
        Err(e) => Err(e),
    }
}

/// Finds a session and decides `event` on it (see [`named`]).
fn decided(tx: &Tx<'_>, ctx: &Ctx, given: &str, event: &'static str) -> Result<Session> {
    match named(tx, &ctx.actor, given, event)? {
        Named::Found(s) => {
            let mut req = Request::new(event)
                .at(Place::Global)
                .on(Target::Session(&s));
            req.named = Some(given);
            allow(tx, ctx, req)?;
            Ok(s)
        }
        Named::Refused(d) => {
            d.check()?;
            Err(Error::internal("a refused session was allowed"))
        }
    }
}

/// What `session list` asks for, as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    pub user: Option<String>,
    pub profile: Option<String>,
    pub all: bool,
}

/// `session-list`: a user their own sessions; whoever holds `session-list` (global
/// admins) anyone's.
pub fn list(tx: &Tx<'_>, ctx: &Ctx, q: &ListQuery) -> Result<Vec<Session>> {
    let user = match &q.user {
        Some(r) => Some(super::find_user(tx, r)?),
        None => None,
    };
    let nobody = super::nobody();
    let req = match (&user, &q.user) {
        (Some(found), Some(given)) => {
            super::on_user(&ctx.actor, "session-list", found.as_ref(), &nobody, given)
        }
        _ => Request::new("session-list").at(Place::Global),
    };
    let d = super::access::authorize(tx, &ctx.actor, &req)?;
    d.check()?;
    let user = match (user, &q.user) {
        (Some(Some(u)), _) => Some(u),
        (Some(None), Some(r)) => return Err(super::user_not_found(tx, r)),
        _ => None,
    };
    // Without a grant, a user sees only their own.
    let only = match ctx.actor.user() {
        Some(me) if d.by_rule() => Some(me.id.clone()),
        _ => None,
    };
    let profile = match &q.profile {
        Some(r) => Some(find_profile(tx, r)?.ok_or_else(|| super::profile_not_found(tx, r))?),
        None => None,
    };
    let user_id = only.or(user.map(|u| u.id));
    tx.session_list(&SessionQuery {
        user_id: user_id.as_deref(),
        profile_id: profile.as_ref().map(|p| p.id.as_str()),
        all: q.all,
        now: &ctx.now_text,
    })
}

/// What `session show` prints: the session, whether its roles snapshot still matches the
/// user, and what it may do in its active profile.
#[derive(Debug, Clone, PartialEq)]
pub struct Shown {
    pub session: Session,
    pub stale: bool,
    pub may: Vec<String>,
}

/// `session-show`: the session's user and whoever holds `session-show`.
pub fn show(tx: &Tx<'_>, ctx: &Ctx, given: &str) -> Result<Shown> {
    let session = decided(tx, ctx, given, "session-show")?;
    let user = tx
        .user_by_id(&session.user_id)?
        .ok_or_else(|| Error::internal("session without its user"))?;
    let mut then = session.roles.clone();
    let mut now = user.roles.clone();
    then.sort();
    now.sort();
    let stale = then != now;
    let may = if session.status(&ctx.now_text) == "live" {
        super::can::decisions(tx, &user, session.active_profile_id.as_deref())?
            .into_iter()
            .filter(|d| d.allowed())
            .map(|d| d.event.to_string())
            .collect()
    } else {
        Vec::new()
    };
    Ok(Shown {
        session,
        stale,
        may,
    })
}

/// `session-use`: sets (or, with `None`, clears) a live session's active profile.
pub fn use_profile(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    given: &str,
    profile_ref: Option<&str>,
) -> Result<Outcome<Session>> {
    let mut session = decided(tx, ctx, given, "session-use")?;
    let status = session.status(&ctx.now_text);
    if status != "live" {
        return Err(Error::conflict(format!(
            "session {} is {status}: only a live session has an active profile",
            session.id
        )));
    }
    let profile = match profile_ref {
        Some(r) => {
            let p = find_profile(tx, r)?.ok_or_else(|| super::profile_not_found(tx, r))?;
            let user = tx
                .user_by_id(&session.user_id)?
                .ok_or_else(|| Error::internal("session without its user"))?;
            member_or_admin(tx, &user, &p)?;
            Some(p)
        }
        None => None,
    };
    let id = profile.as_ref().map(|p| p.id.clone());
    if session.active_profile_id == id {
        return Ok(Outcome::Unchanged(session));
    }
    tx.session_set_profile(&session.id, id.as_deref())?;
    session.active_profile_id = id;
    session.active_profile = profile.map(|p| p.slug);
    ctx.audit(
        tx,
        "session-use",
        &session.id,
        json!({ "active_profile": session.active_profile }),
    )?;
    Ok(Outcome::Updated(session))
}

/// `session-revoke` of the sessions named: each decided, then revoked; an ended session is
/// `Unchanged`.
pub fn revoke(tx: &mut Tx<'_>, ctx: &Ctx, given: &[String]) -> Result<Vec<Outcome<Session>>> {
    let mut sessions = Vec::with_capacity(given.len());
    for g in given {
        sessions.push(decided(tx, ctx, g, "session-revoke")?);
    }
    let mut out = Vec::with_capacity(sessions.len());
    for mut s in sessions {
        if s.revoked_at.is_some() || out.iter().any(|o: &Outcome<Session>| o.value().id == s.id) {
            out.push(Outcome::Unchanged(s));
            continue;
        }
        tx.session_revoke(&s.id, &ctx.now_text)?;
        s.revoked_at = Some(ctx.now_text.clone());
        ctx.audit(tx, "session-revoke", &s.id, json!({ "user_id": s.user_id }))?;
        out.push(Outcome::Updated(s));
    }
    Ok(out)
}

/// The user whose sessions `session revoke --user` ends, decided, and their live sessions:
/// for the confirmation.
pub fn revoke_user_plan(tx: &Tx<'_>, ctx: &Ctx, reference: &str) -> Result<(User, Vec<Session>)> {
    let target = super::find_user(tx, reference)?;
    let nobody = super::nobody();
    let req = super::on_user(
        &ctx.actor,
        "session-revoke",
        target.as_ref(),
        &nobody,
        reference,
    );
    allow(tx, ctx, req)?;
    let user = target.ok_or_else(|| super::user_not_found(tx, reference))?;
    let live = tx.session_list(&SessionQuery {
        user_id: Some(&user.id),
        profile_id: None,
        all: false,
        now: &ctx.now_text,
    })?;
    Ok((user, live))
}

/// `session revoke --user`: every live session of the user.
pub fn revoke_user(tx: &mut Tx<'_>, ctx: &Ctx, reference: &str) -> Result<Vec<String>> {
    let (user, _) = revoke_user_plan(tx, ctx, reference)?;
    end_all(tx, ctx, &user, "session-revoke")
}

/// Revokes every live session of `user`, with one audit row naming them and `why` (the
/// event that caused it): disabling, revoking a global role, a password change. Nothing
/// is written when there is none, so a seed that changes nothing writes nothing.
pub fn end_all(tx: &mut Tx<'_>, ctx: &Ctx, user: &User, why: &str) -> Result<Vec<String>> {
    let ids = tx.sessions_revoke_user(&user.id, &ctx.now_text)?;
    if !ids.is_empty() {
        ctx.audit(
            tx,
            "session-revoke",
            &user.id,
            json!({ "user_id": user.id, "sessions": ids, "reason": why }),
        )?;
    }
    Ok(ids)
}

/// Leaving, or being removed from, a profile clears it as the active one of the user's
/// sessions.
pub fn left_profile(tx: &mut Tx<'_>, user_id: &str, profile_id: &str) -> Result<()> {
    tx.sessions_clear_profile(user_id, profile_id)?;
    Ok(())
}

/// A user who comes to have exactly one membership gets it as the active profile of
/// their live sessions that have none, as Plank selects it.
pub fn joined_profile(tx: &mut Tx<'_>, ctx: &Ctx, user_id: &str, profile_id: &str) -> Result<()> {
    // One statement: with no session (the usual case in a seed) it reads one index entry.
    tx.sessions_adopt_profile(user_id, profile_id, &ctx.now_text)?;
    Ok(())
}

/// `session-prune`: deletes sessions that expired, or were revoked, more than 30 days ago.
pub fn prune(tx: &mut Tx<'_>, ctx: &Ctx) -> Result<usize> {
    allow(tx, ctx, Request::new("session-prune").at(Place::Global))?;
    let before = ctx
        .now
        .checked_sub_signed(TimeDelta::days(PRUNE_AFTER_DAYS))
        .map(timestamp)
        .unwrap_or_default();
    let n = tx.sessions_prune(&before)?;
    if n > 0 {
        ctx.audit(
            tx,
            "session-prune",
            "sessions",
            json!({ "removed": n, "ended_before": before }),
        )?;
    }
    Ok(n)
}

/// `roster whoami`: who acts, their global roles and their memberships.
#[derive(Debug, Clone, PartialEq)]
pub struct WhoAmI {
    pub actor: String,
    pub user: Option<User>,
    pub memberships: Vec<(String, String)>,
}

pub fn whoami(tx: &Tx<'_>, ctx: &Ctx) -> Result<WhoAmI> {
    match &ctx.actor {
        Actor::Operator { .. } => Ok(WhoAmI {
            actor: ctx.actor.audit_name(),
            user: None,
            memberships: Vec::new(),
        }),
        Actor::User(u) => {
            let mut memberships = Vec::new();
            for (pid, role) in tx.memberships_of(&u.id)? {
                if let Some(p) = tx.profile_ref_by_id(&pid)? {
                    memberships.push((p.slug, role.as_str().to_string()));
                }
            }
            memberships.sort();
            Ok(WhoAmI {
                actor: ctx.actor.audit_name(),
                user: Some((**u).clone()),
                memberships,
            })
        }
    }
}

impl Record for WhoAmI {
    const SHAPE: crate::output::Shape = crate::output::Shape {
        noun: "actor",
        fields: &[
            "actor",
            "kind",
            "user",
            "global_roles",
            "is_admin",
            "memberships",
        ],
        columns: &[
            crate::output::Column::whole("actor", 9),
            crate::output::Column::whole("kind", 8),
            crate::output::Column::whole("user", 7),
            crate::output::Column::whole("global_roles", 6),
            crate::output::Column::text("memberships", 5),
        ],
    };

    fn to_json(&self) -> Value {
        let (kind, user, roles, admin) = match &self.user {
            None => ("operator", Value::Null, Vec::new(), true),
            Some(u) => (
                "user",
                Value::String(u.label().to_string()),
                u.roles.clone(),
                u.is_admin(),
            ),
        };
        json!({
            "actor": self.actor,
            "kind": kind,
            "user": user,
            "global_roles": roles,
            "is_admin": admin,
            "memberships": self.memberships.iter()
                .map(|(p, r)| json!({"profile": p, "role": r}))
                .collect::<Vec<_>>(),
        })
    }
}
