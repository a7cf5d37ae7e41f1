//! Who may do what (README "Who may do what"). Every action asks [`authorize`] before it
//! changes or shows anything, and `roster can` prints the very [`Decision`] it returns:
//! the permission an actor's roles grant, the fixed rules (self-service, the invitee,
//! never on oneself), no escalation, and the last owner are all steps of this one
//! decision, and nowhere else.

pub mod catalogue;
pub mod pattern;

use serde_json::{Value, json};

use self::catalogue::{Grant, Permission};
use self::pattern::Reach;
use super::Actor;
use crate::error::{Error, Result};
use crate::model::{Invitation, Media, MediaType, Member, RoleDef, Scope, Session, User};
use crate::store::Tx;

/// Where an event acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'a> {
    /// Not in a profile (a global event, or a list over every profile).
    Global,
    /// In this profile.
    Profile { id: &'a str, slug: &'a str },
    /// In a profile the command named that does not exist (`""`: the profile of a record
    /// that does not exist): only a global grant reaches it (and the action then says it
    /// does not exist).
    Missing(&'a str),
}

/// The record an event acts on, when the decision depends on it.
#[derive(Debug, Clone, Copy, Default)]
pub enum Target<'a> {
    #[default]
    None,
    User(&'a User),
    Member(&'a Member),
    Media(&'a Media),
    Invitation(&'a Invitation),
    Session(&'a Session),
}

/// One question for [`authorize`].
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    pub event: &'static str,
    pub place: Option<Place<'a>>,
    pub target: Target<'a>,
    /// Roles the change grants or revokes: the actor must hold every permission each one
    /// carries (no escalation).
    pub grants: Vec<&'a RoleDef>,
    /// The new role of a `member-role` (whether the last owner would step down).
    pub new_role: Option<&'a str>,
    /// A part of the change only global admins may make (a seed restoring a status), named.
    pub admin_only: Option<&'a str>,
    /// `user-update` of identity fields (email, username, phone, type): not self-service.
    pub identity: bool,
    /// The place is the profile of the record acted on: a refusal does not name it, so
    /// that nobody learns where a record they may not see lives.
    pub place_of_record: bool,
    /// The record as the command named it (an id), for the `roster can` a refusal
    /// suggests: the same words whether or not it exists.
    pub named: Option<&'a str>,
}

impl<'a> Request<'a> {
    pub fn new(event: &'static str) -> Self {
        Request {
            event,
            ..Default::default()
        }
    }

    pub fn at(mut self, place: Place<'a>) -> Self {
        self.place = Some(place);
        self
    }

    pub fn on(mut self, target: Target<'a>) -> Self {
        self.target = target;
        self
    }

    pub fn granting(mut self, role: &'a RoleDef) -> Self {
        self.grants.push(role);
        self
    }
}

/// What decided a [`Decision`], for the access matrix (`roster can --all`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Allowed only on records the actor owns or that are the actor: a `:own` grant or a
    /// self-service rule, asked about without a record.
    OwnOnly,
    /// Refused by the rules of permission (77).
    Denied,
    /// Allowed, but an invariant refuses it (68): the last owner.
    Conflict,
}

/// An answer of [`authorize`]: allowed or not, and the steps that led there.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub verdict: Verdict,
    /// How the actor is named: an email (else username, id) or `operator:<login>`.
    pub actor: String,
    pub event: &'static str,
    /// The profile's slug (or the name given, when it does not exist).
    pub profile: Option<String>,
    pub steps: Vec<String>,
    /// The record asked about, as `roster can --record` names it (a user's or media
    /// item's or invitation's id; a member's user id), and the role granted: for the
    /// `roster can` that explains a refusal.
    pub record: Option<String>,
    pub role: Option<String>,
    /// The role or rule that decided, in a few words.
    pub by: String,
    pub hint: Option<String>,
}

impl Decision {
    pub fn allowed(&self) -> bool {
        self.verdict == Verdict::Allowed
    }

    /// True when a fixed rule decided (the user themself, anyone, the invitee), not a role.
    pub fn by_rule(&self) -> bool {
        self.by.starts_with("rule: ")
    }

    fn finish(mut self, verdict: Verdict, by: impl Into<String>) -> Self {
        self.verdict = verdict;
        self.by = by.into();
        self
    }

    fn step(&mut self, s: impl Into<String>) {
        self.steps.push(s.into());
    }

    /// `may not member-add in smith-family` and the like: the question, in words.
    pub fn question(&self) -> String {
        match &self.profile {
            Some(p) => format!("{} in {p}", self.event),
            None => self.event.to_string(),
        }
    }

    /// Ok when allowed; else the error the action refuses with: 77 naming the actor and the
    /// event, with the decision's hint and the `roster can` that explains it, or the 68 of
    /// an invariant.
    pub fn check(&self) -> Result<()> {
        match self.verdict {
            Verdict::Allowed => Ok(()),
            Verdict::Conflict => {
                let mut e = Error::conflict(self.by.clone());
                if let Some(h) = &self.hint {
                    e = e.hint(h.clone());
                }
                Err(e)
            }
            Verdict::Denied | Verdict::OwnOnly => {
                let why = if self.verdict == Verdict::OwnOnly {
                    format!("{} allows it on their own records only", self.by)
                } else {
                    self.by.clone()
                };
                let mut e = Error::denied(format!(
                    "permission denied: {} may not {}: {why}",
                    self.actor,
                    self.question(),
                ));
                if let Some(h) = &self.hint {
                    e = e.hint(h.clone());
                }
                if matches!(self.event, "role-create" | "role-update")
                    && self.by.starts_with("defining")
                {
                    // `roster can` asks about permissions, not about a definition not
                    // yet written; the step says what is lacking.
                    let lacking = self.steps.last().cloned().unwrap_or_default();
                    return Err(e.hint(lacking));
                }
                Err(e.hint(format!("`{}` explains the decision", self.can_command())))
            }
        }
    }

    /// The `roster can` that prints this decision.
    pub fn can_command(&self) -> String {
        let who = if self.actor.starts_with("operator:") {
            "USER".to_string()
        } else {
            self.actor.clone()
        };
        let mut c = format!("roster can {who} {}", self.event);
        if let Some(p) = &self.profile {
            c.push(' ');
            c.push_str(p);
        }
        if let Some(r) = &self.record {
            c.push_str(&format!(" --record {r}"));
        }
        if let Some(r) = &self.role {
            c.push_str(&format!(" --role {r}"));
        }
        c
    }

    /// The JSON of `roster can --json`.
    pub fn to_json(&self) -> Value {
        json!({
            "allowed": self.allowed(),
            "actor": self.actor,
            "event": self.event,
            "profile": self.profile,
            "verdict": match self.verdict {
                Verdict::Allowed => "allowed",
                Verdict::OwnOnly => "own-only",
                Verdict::Denied => "denied",
                Verdict::Conflict => "conflict",
            },
            "by": self.by,
            "steps": self.steps,
            "hint": self.hint,
        })
    }
}

/// The events `roster can --role` asks about (the role granted or revoked).
const CAN_ROLE: &[&str] = &[
    "member-add",
    "member-role",
    "invite-send",
    "user-create",
    "user-grant",
    "user-revoke",
];

/// The events whose record is a user and that nobody may do to themself.
const NEVER_ON_ONESELF: &[&str] = &[
    "user-grant",
    "user-revoke",
    "user-disable",
    "user-enable",
    "user-delete",
    "user-verify",
];

/// Events anyone may do (lists are filtered by the action, as the README says).
const ANYONE: &[(&str, &str)] = &[
    ("profile-list", "anyone may list profiles"),
    ("profile-show", "anyone may show a profile"),
    ("role-list", "anyone may list roles"),
    ("role-show", "anyone may show a role"),
    ("user-list", "a user may list users, seeing only themself"),
];

/// Events a user may do to their own sessions.
const SESSIONS: &[&str] = &[
    "session-list",
    "session-show",
    "session-use",
    "session-revoke",
];

/// Events a user may do to their own user record.
const SELF_SERVICE: &[&str] = &["user-show", "user-update", "user-passwd", "can"];

/// The actor's roles as loaded once for one decision.
struct Held {
    /// Global roles: name and definition (None: not defined, grants nothing).
    global: Vec<(String, Option<RoleDef>)>,
    /// The membership in the place's profile: the role's name and definition.
    profile: Option<(String, Option<RoleDef>)>,
}

impl Held {
    fn load(tx: &Tx<'_>, user: &User, place: Option<Place<'_>>) -> Result<Held> {
        let mut global = Vec::with_capacity(user.roles.len());
        for name in &user.roles {
            global.push((name.clone(), tx.role_get(Scope::Global, name)?));
        }
        let profile = match place {
            Some(Place::Profile { id, .. }) => match tx.member_role(id, &user.id)? {
                Some(role) => {
                    let def = tx.role_get(Scope::Profile, role.as_str())?;
                    Some((role.as_str().to_string(), def))
                }
                None => None,
            },
            _ => None,
        };
        Ok(Held { global, profile })
    }

    /// The roles in `slot`, loaded into it the first time.
    fn once<'h>(
        slot: &'h mut Option<Held>,
        tx: &Tx<'_>,
        user: &User,
        place: Option<Place<'_>>,
    ) -> Result<&'h Held> {
        if slot.is_none() {
            *slot = Some(Held::load(tx, user, place)?);
        }
        slot.as_ref()
            .ok_or_else(|| Error::internal("roles not loaded"))
    }

    fn is_global_admin(&self) -> bool {
        self.global
            .iter()
            .any(|(_, d)| d.as_ref().is_some_and(|d| d.builtin && d.name == "admin"))
    }

    /// The widest reach of `perm` the actor holds here, and the role and pattern giving it.
    fn reach(&self, perm: &Permission, in_profile: bool) -> Option<(Reach, String)> {
        let mut best: Option<(Reach, String)> = None;
        let mut consider = |def: &RoleDef, label: String| {
            if let Some((r, pat)) = pattern::reach(def, perm)
                && best.as_ref().is_none_or(|(b, _)| r > *b)
            {
                best = Some((r, format!("{label} ({pat})")));
            }
        };
        for (name, def) in &self.global {
            if let Some(def) = def {
                consider(def, format!("global role {name}"));
            }
        }
        if in_profile && let Some((name, Some(def))) = &self.profile {
            consider(def, format!("profile role {name}"));
        }
        best
    }
}

/// A list of what a role grants, for a step: `grants a, b, c`.
fn grants_text(def: &RoleDef) -> String {
    let names = pattern::expanded_names(def);
    if names.is_empty() {
        "grants nothing".into()
    } else if def.permissions.iter().any(|p| p == "*") {
        "grants *".into()
    } else {
        format!("grants {}", def.permissions.join(", "))
    }
}

/// [`grants_text`], ending `; not EVENT` when the role does not grant the event asked
/// about (as the README's example shows).
fn grants_text_for(def: &RoleDef, perm: &Permission) -> String {
    let text = grants_text(def);
    match pattern::reach(def, perm) {
        Some(_) => text,
        None => format!("{text}; not {}", perm.name),
    }
}

/// Whether the actor owns the target, for a `:own` grant: media they added (a show only
/// when no one else added any of its episodes), their own membership.
fn owns(tx: &Tx<'_>, user: &User, perm: &Permission, target: Target<'_>) -> Result<Option<String>> {
    Ok(match target {
        Target::Media(m) => {
            let added_it = m.added_by.as_deref() == Some(user.id.as_str());
            // A show is theirs only when no one else added any of its episodes.
            let others_episodes = added_it
                && m.kind == MediaType::Show
                && tx.media_children(&m.id, Some(&user.id))?.1 > 0;
            (added_it && !others_episodes).then(|| format!("{} added {}", user.label(), m.id))
        }
        Target::Member(m) if m.user_id == user.id => {
            Some(format!("the membership is {}'s own", user.label()))
        }
        Target::Session(s) if s.user_id == user.id => {
            Some(format!("the session is {}'s own", user.label()))
        }
        Target::User(u) if u.id == user.id && perm.name.starts_with("session-") => {
            Some(format!("the sessions are {}'s own", user.label()))
        }
        _ => None,
    })
}

/// The one decision: may `actor` do `req`? Reads only what it needs: the actor's global
/// roles, their membership of the place's profile, and the target's roles.
pub fn authorize(tx: &Tx<'_>, actor: &Actor, req: &Request<'_>) -> Result<Decision> {
    let perm = catalogue::get(req.event)
        .ok_or_else(|| Error::internal(format!("event {} has no permission", req.event)))?;
    let profile = match req.place {
        Some(Place::Profile { slug, .. }) => Some(slug.to_string()),
        Some(Place::Missing(slug)) if !slug.is_empty() => Some(slug.to_string()),
        _ => None,
    };
    let d = Decision {
        verdict: Verdict::Denied,
        actor: match actor {
            Actor::Operator { login } => format!("operator:{login}"),
            Actor::User(u) => u.label().to_string(),
        },
        event: perm.name,
        profile,
        steps: Vec::new(),
        record: match req.target {
            _ if req.named.is_some() => req.named.map(str::to_string),
            Target::None => None,
            Target::User(u) => Some(u.label().to_string()),
            Target::Member(m) => Some(super::member::label(m).to_string()),
            Target::Media(m) => Some(m.id.clone()),
            Target::Invitation(i) => Some(i.id.clone()),
            Target::Session(s) => Some(s.id.clone()),
        },
        role: req
            .grants
            .first()
            .filter(|_| CAN_ROLE.contains(&perm.name))
            .map(|r| r.name.clone()),
        by: String::new(),
        hint: None,
    };
    // The actor's roles, read once for both phases that need them.
    let mut held = None;
    let mut d = permission(tx, actor, req, perm, d, &mut held)?;
    if d.verdict != Verdict::Allowed {
        let of_record = req.place_of_record && matches!(req.place, Some(Place::Profile { .. }));
        if of_record && let Some(Place::Profile { slug, .. }) = req.place {
            // Nobody learns from a refusal where a record lives.
            d.profile = None;
            for s in &mut d.steps {
                *s = s.replace(slug, "the record's profile");
            }
        }
        if (of_record || req.place == Some(Place::Missing("")))
            && d.by.starts_with("no role of theirs grants")
        {
            // Nor whether it exists, nor whether it lives in a profile of theirs: the
            // membership step reads the same in every case, as the command's refusal does.
            for s in &mut d.steps {
                if s.starts_with("member of the record's profile")
                    || s.starts_with("not a member of the record's profile")
                    || s.starts_with("no such record:")
                {
                    *s = format!("no role of theirs grants {} where the record is", perm.name);
                }
            }
        }
        return Ok(d);
    }
    let d = escalation(tx, actor, req, d, &mut held)?;
    if d.verdict != Verdict::Allowed {
        return Ok(d);
    }
    last_owner(tx, req, d)
}

/// The first phase: does anything the actor holds, or a fixed rule, allow the event?
fn permission(
    tx: &Tx<'_>,
    actor: &Actor,
    req: &Request<'_>,
    perm: &Permission,
    mut d: Decision,
    held: &mut Option<Held>,
) -> Result<Decision> {
    let user = match actor {
        Actor::Operator { login } => {
            if perm.grant == Grant::Identity {
                d.step(format!(
                    "operator:{login} is no invitee: {} is the invitee's alone",
                    perm.name
                ));
                d.hint = Some(format!(
                    "name the invitee: `roster --as EMAIL invite {} ID`",
                    perm.name.trim_start_matches("invite-")
                ));
                return Ok(d.finish(Verdict::Denied, "only the invitee may answer an invitation"));
            }
            // The operator holds the database and may do what a global admin may. Their
            // decisions are never explained (`can` asks about users) and they are most of
            // a seed's: no steps to write.
            return Ok(d.finish(Verdict::Allowed, "the operator"));
        }
        Actor::User(u) => u,
    };
    if !user.active {
        d.step(format!("{} is disabled", user.label()));
        d.hint = Some(format!(
            "a global admin can run `roster user enable {}`",
            user.label()
        ));
        return Ok(d.finish(Verdict::Denied, "a disabled user cannot act"));
    }
    d.step(format!("{} is active", user.label()));

    // Identity: the invitee, and no one else, answers an invitation.
    if perm.grant == Grant::Identity {
        return Ok(match req.target {
            Target::Invitation(i) if is_invitee(user, i) => {
                d.step(format!("{} is the invitee ({})", user.label(), i.email));
                // better-auth's requireEmailVerificationOnInvitation.
                if perm.name == "invite-accept"
                    && user.email_verified_at.is_none()
                    && tx
                        .profile_by_id(&i.profile_id)?
                        .is_some_and(|p| p.require_verified_email)
                {
                    d.step(format!(
                        "profile {} accepts only verified emails, and {}'s is not verified",
                        i.profile_slug,
                        user.label()
                    ));
                    d.hint = Some(format!(
                        "a global admin can run `roster user verify {} --email`",
                        user.label()
                    ));
                    return Ok(d.finish(
                        Verdict::Denied,
                        format!("profile {} accepts only verified emails", i.profile_slug),
                    ));
                }
                d.finish(Verdict::Allowed, "the invitee")
            }
            Target::Invitation(_) => {
                // Whom it was sent to is the invitee's business, not the asker's.
                d.step(format!("the invitation was not sent to {}", user.label()));
                d.finish(Verdict::Denied, "only the invitee may answer an invitation")
            }
            _ => {
                d.step("only the invitee, whose email the invitation was sent to, may".to_string());
                d.finish(
                    Verdict::OwnOnly,
                    "only the invitee may answer an invitation",
                )
            }
        });
    }

    // Never on oneself, whatever one holds.
    if NEVER_ON_ONESELF.contains(&perm.name)
        && let Target::User(t) = req.target
        && t.id == user.id
    {
        d.step(format!("{} is never done by a user to themself", perm.name));
        d.hint = Some("another global admin, or the operator (without --as), can do this".into());
        return Ok(d.finish(
            Verdict::Denied,
            format!("{} is never done to oneself", perm.name),
        ));
    }

    let held = Held::once(held, tx, user, req.place)?;
    let in_profile =
        perm.scope == Scope::Profile && matches!(req.place, Some(Place::Profile { .. }));

    // Global roles, everywhere.
    if held.global.is_empty() {
        d.step("global roles: none");
    } else {
        let parts: Vec<String> = held
            .global
            .iter()
            .map(|(name, def)| match def {
                Some(def) => format!("{name} — {}", grants_text_for(def, perm)),
                None => format!("{name} — not defined, grants nothing"),
            })
            .collect();
        d.step(format!("global roles: {}", parts.join("; ")));
    }
    // The membership, in a profile event.
    if perm.scope == Scope::Profile {
        match (req.place, &held.profile) {
            (Some(Place::Profile { slug, .. }), Some((name, def))) => d.step(format!(
                "member of {slug} as {name} — {}",
                def.as_ref()
                    .map(|def| grants_text_for(def, perm))
                    .unwrap_or_else(|| "not defined, grants nothing".into())
            )),
            (Some(Place::Profile { slug, .. }), None) => d.step(format!("not a member of {slug}")),
            (Some(Place::Missing("")), _) => {
                d.step("no such record: only a global role reaches it".to_string())
            }
            (Some(Place::Missing(name)), _) => d.step(format!(
                "no profile {name:?}: only a global role reaches it"
            )),
            _ => {}
        }
    }

    let own_only = |d: &mut Decision, what: &str| {
        d.step(format!("{what}; ask with --record ID about one"));
    };
    let mut partial: Option<String> = None;
    let mut not_theirs: Option<String> = None;
    if let Some((reach, by)) = held.reach(perm, in_profile) {
        match reach {
            Reach::All => {
                if let Some(what) = req.admin_only
                    && !held.is_global_admin()
                {
                    d.step(format!("{what} needs a global admin"));
                    return Ok(d.finish(Verdict::Denied, format!("{what} needs a global admin")));
                }
                d.step(format!("{by} grants {}", perm.name));
                return Ok(d.finish(Verdict::Allowed, by));
            }
            Reach::Own => match owns(tx, user, perm, req.target)? {
                Some(why) => {
                    d.step(format!(
                        "{by} grants {} on their own records: {why}",
                        perm.name
                    ));
                    return Ok(d.finish(Verdict::Allowed, by));
                }
                None if matches!(req.target, Target::None) => {
                    own_only(
                        &mut d,
                        &format!(
                            "{by} grants it on {} only",
                            perm.own.unwrap_or("their own records")
                        ),
                    );
                    partial = Some(by);
                }
                None => {
                    let why = format!(
                        "{by} grants it on {} only, and this is not",
                        perm.own.unwrap_or("their own records")
                    );
                    d.step(why.clone());
                    not_theirs = Some(why);
                }
            },
        }
    }

    // The fixed rules.
    if let Some((_, why)) = ANYONE.iter().find(|(e, _)| *e == perm.name) {
        d.step(why.to_string());
        return Ok(d.finish(Verdict::Allowed, "rule: anyone"));
    }
    if req.identity
        && perm.name == "user-update"
        && let Target::User(t) = req.target
        && t.id == user.id
    {
        d.step("changing one's own email, username, phone or type is not self-service");
        d.hint = Some(
            "a global admin can change them; the user may change name, image, tags and metadata"
                .into(),
        );
        return Ok(d.finish(
            Verdict::Denied,
            "changing an email, username, phone or type needs a global admin",
        ));
    }
    if SELF_SERVICE.contains(&perm.name) && !(req.identity && perm.name == "user-update") {
        match req.target {
            Target::User(t) if t.id == user.id => {
                d.step(format!("{} is the user themself", user.label()));
                return Ok(d.finish(Verdict::Allowed, "rule: the user themself"));
            }
            Target::None => {
                own_only(&mut d, "a user may do this to themself only");
                return Ok(d.finish(Verdict::OwnOnly, "rule: the user themself"));
            }
            _ => {}
        }
    }
    if perm.name == "member-remove" {
        match req.target {
            Target::Member(m) if m.user_id == user.id => {
                d.step(format!(
                    "a member may remove themself ({} leaves)",
                    user.label()
                ));
                return Ok(d.finish(Verdict::Allowed, "rule: a member leaving"));
            }
            Target::None if held.profile.is_some() => {
                own_only(&mut d, "a member may remove themself only");
                return Ok(d.finish(Verdict::OwnOnly, "rule: a member leaving"));
            }
            _ => {}
        }
    }
    if SESSIONS.contains(&perm.name) {
        match req.target {
            Target::Session(s) if s.user_id == user.id => {
                d.step(format!("the session is {}'s own", user.label()));
                return Ok(d.finish(Verdict::Allowed, "rule: their own sessions"));
            }
            Target::User(u) if u.id == user.id => {
                d.step(format!("the sessions are {}'s own", user.label()));
                return Ok(d.finish(Verdict::Allowed, "rule: their own sessions"));
            }
            Target::None if perm.name == "session-list" => {
                d.step("a user may list sessions, seeing only their own");
                return Ok(d.finish(Verdict::Allowed, "rule: their own sessions"));
            }
            Target::None => {
                own_only(&mut d, "a user may do this to their own sessions only");
                return Ok(d.finish(Verdict::OwnOnly, "rule: their own sessions"));
            }
            _ => {}
        }
    }
    if perm.name == "invite-show"
        && let Target::Invitation(i) = req.target
        && is_invitee(user, i)
    {
        d.step(format!("{} is the invitee ({})", user.label(), i.email));
        return Ok(d.finish(Verdict::Allowed, "rule: the invitee"));
    }
    if perm.name == "invite-list" && req.place == Some(Place::Global) {
        d.step("a user may list invitations, seeing those sent to them and those of profiles where they may invite-list");
        return Ok(d.finish(Verdict::Allowed, "rule: their own invitations"));
    }
    if let Some(by) = partial {
        return Ok(d.finish(Verdict::OwnOnly, by));
    }

    d.hint = who_grants(
        tx,
        perm,
        in_profile || matches!(req.place, Some(Place::Missing(_))),
    )?;
    // The same words whether or not the profile or record exists: a refusal says nothing
    // of the records involved.
    let by = not_theirs.unwrap_or_else(|| format!("no role of theirs grants {}", perm.name));
    Ok(d.finish(Verdict::Denied, by))
}

fn is_invitee(user: &User, i: &Invitation) -> bool {
    user.email
        .as_deref()
        .is_some_and(|e| e.eq_ignore_ascii_case(&i.email))
}

/// `hint: the profile roles owner and admin grant member-add`.
fn who_grants(tx: &Tx<'_>, perm: &Permission, in_profile: bool) -> Result<Option<String>> {
    let roles = tx.role_list()?;
    let names = |scope: Scope| -> Vec<String> {
        roles
            .iter()
            .filter(|r| {
                r.scope == scope && pattern::reach(r, perm).is_some_and(|(x, _)| x == Reach::All)
            })
            .map(|r| r.name.clone())
            .collect()
    };
    let both = |v: Vec<String>| match v.len() {
        0 => String::new(),
        1 => v[0].clone(),
        _ => format!("{} and {}", v[..v.len() - 1].join(", "), v[v.len() - 1]),
    };
    let profile = if perm.scope == Scope::Profile && in_profile {
        names(Scope::Profile)
    } else {
        Vec::new()
    };
    let global = names(Scope::Global);
    let mut parts = Vec::new();
    if !profile.is_empty() {
        let s = if profile.len() > 1 { "s" } else { "" };
        parts.push(format!("the profile role{s} {}", both(profile)));
    }
    if !global.is_empty() {
        let s = if global.len() > 1 { "s" } else { "" };
        parts.push(format!("the global role{s} {}", both(global)));
    }
    if parts.is_empty() {
        return Ok(None);
    }
    let verb = if parts.len() > 1 || parts[0].contains(" and ") {
        "grant"
    } else {
        "grants"
    };
    Ok(Some(format!(
        "{} {verb} {}",
        parts.join(", and "),
        perm.name
    )))
}

/// No escalation: an actor who grants, revokes or acts through a role — or acts on a
/// member or user holding one — must hold every permission it carries, in its scope.
fn escalation(
    tx: &Tx<'_>,
    actor: &Actor,
    req: &Request<'_>,
    mut d: Decision,
    held: &mut Option<Held>,
) -> Result<Decision> {
    let Actor::User(user) = actor else {
        return Ok(d);
    };
    let mut touched: Vec<RoleDef> = Vec::new();
    match req.target {
        Target::Member(m)
            if m.user_id != user.id && matches!(req.event, "member-role" | "member-remove") =>
        {
            if let Some(def) = tx.role_get(Scope::Profile, m.role.as_str())? {
                touched.push(def);
            }
        }
        Target::User(t)
            if t.id != user.id
                && req.event.starts_with("user-")
                && !matches!(req.event, "user-show" | "user-list") =>
        {
            for name in &t.roles {
                if let Some(def) = tx.role_get(Scope::Global, name)? {
                    touched.push(def);
                }
            }
        }
        _ => {}
    }
    let roles: Vec<&RoleDef> = req.grants.iter().copied().chain(touched.iter()).collect();
    if roles.is_empty() {
        return Ok(d);
    }
    let held = Held::once(held, tx, user, req.place)?;
    if held.is_global_admin() {
        d.step("a global admin may grant every role".to_string());
        return Ok(d);
    }
    let in_profile = matches!(req.place, Some(Place::Profile { .. }));
    for role in roles {
        let lacking: Vec<String> = pattern::expand(role)
            .into_iter()
            .filter(|(p, need)| {
                // What anyone may do, everyone holds: granting it is no escalation.
                if ANYONE.iter().any(|(e, _)| *e == p.name) {
                    return false;
                }
                let in_scope = in_profile && role.scope == Scope::Profile;
                held.reach(p, in_scope).is_none_or(|(have, _)| have < *need)
            })
            .map(|(p, need)| match need {
                Reach::All => p.name.to_string(),
                Reach::Own => format!("{}:own", p.name),
            })
            .collect();
        if !lacking.is_empty() {
            let whose = match req.target {
                Target::Member(m)
                    if m.role.as_str() == role.name
                        && !req.grants.iter().any(|g| g.name == role.name) =>
                {
                    format!(
                        "acting on a holder of the {} role {}",
                        role.scope.as_str(),
                        role.name
                    )
                }
                Target::User(t)
                    if t.roles.contains(&role.name)
                        && !req.grants.iter().any(|g| g.name == role.name) =>
                {
                    format!(
                        "acting on a holder of the {} role {}",
                        role.scope.as_str(),
                        role.name
                    )
                }
                _ if matches!(req.event, "role-create" | "role-update") => {
                    format!("defining the {} role {}", role.scope.as_str(), role.name)
                }
                _ => format!("granting the {} role {}", role.scope.as_str(), role.name),
            };
            d.step(format!(
                "{whose} needs every permission it carries; {} lacks {}",
                user.label(),
                lacking.join(", ")
            ));
            // The `roster can --role` that explains it names the role refused.
            if CAN_ROLE.contains(&req.event) && req.grants.iter().any(|g| g.name == role.name) {
                d.role = Some(role.name.clone());
            }
            let owners =
                role.scope == Scope::Profile && !matches!(req.event, "role-create" | "role-update");
            d.hint = Some(format!(
                "a global admin{} can do this",
                if owners {
                    ", or an owner of the profile,"
                } else {
                    ""
                }
            ));
            return Ok(d.finish(
                Verdict::Denied,
                format!("{whose} needs every permission it carries"),
            ));
        }
        d.step(format!(
            "{} holds every permission of the {} role {}",
            user.label(),
            role.scope.as_str(),
            role.name
        ));
    }
    Ok(d)
}

/// A profile never loses its last owner.
fn last_owner(tx: &Tx<'_>, req: &Request<'_>, mut d: Decision) -> Result<Decision> {
    match (req.event, req.target) {
        ("member-remove" | "member-role", Target::Member(m)) if m.role.is_owner() => {
            if req.event == "member-role" && req.new_role.is_none_or(|r| r == "owner") {
                return Ok(d);
            }
            if tx.owner_count(&m.profile_id)? <= 1 {
                let who = super::member::label(m);
                d.step(format!("{who} is the last owner of {}", m.profile_slug));
                // The transfer that hands the profile on, stepping down as asked.
                let keep = if req.new_role == Some("member") {
                    " --keep-as member"
                } else {
                    ""
                };
                d.hint = Some(format!(
                    "transfer ownership first: `roster profile transfer {} USER{keep}`",
                    m.profile_slug
                ));
                let what = if req.event == "member-remove" {
                    "removing the member"
                } else {
                    "changing the role"
                };
                return Ok(d.finish(
                    Verdict::Conflict,
                    format!(
                        "{what}: {who} is the last owner of profile {}",
                        m.profile_slug
                    ),
                ));
            }
            d.step(format!("{} has another owner", m.profile_slug));
        }
        ("user-delete", Target::User(t)) => {
            let owned = tx.profiles_solely_owned_by(&t.id)?;
            if let Some(first) = owned.first() {
                d.step(format!(
                    "{} is the last owner of {}",
                    t.label(),
                    owned.join(", ")
                ));
                d.hint = Some(format!(
                    "transfer ownership first: `roster profile transfer {first} USER`, then delete"
                ));
                return Ok(d.finish(
                    Verdict::Conflict,
                    format!(
                        "user {} is the last owner of profile{} {}",
                        t.label(),
                        if owned.len() > 1 { "s" } else { "" },
                        owned.join(", ")
                    ),
                ));
            }
        }
        _ => {}
    }
    Ok(d)
}

impl crate::output::Record for Decision {
    const SHAPE: crate::output::Shape = crate::output::Shape {
        noun: "decision",
        fields: &[
            "allowed", "actor", "event", "profile", "verdict", "by", "steps", "hint",
        ],
        columns: &[
            crate::output::Column::whole("event", 9),
            crate::output::Column::whole("verdict", 8),
            crate::output::Column::text("by", 7),
        ],
    };

    fn to_json(&self) -> Value {
        Decision::to_json(self)
    }
}

impl Decision {
    /// The decision as `roster can` prints it at a terminal:
    /// `denied: bob may not member-add in smith-family`, the numbered steps, the hint.
    pub fn render(&self) -> String {
        let head = match self.verdict {
            Verdict::Allowed => format!("allowed: {} may {}", self.actor, self.question()),
            Verdict::OwnOnly => format!(
                "denied: {} may {} only on their own records",
                self.actor,
                self.question()
            ),
            Verdict::Denied => format!("denied: {} may not {}", self.actor, self.question()),
            Verdict::Conflict => format!(
                "denied: {} may {}, but not this: {}",
                self.actor,
                self.question(),
                self.by
            ),
        };
        let mut out = crate::output::safe(&head).into_owned();
        out.push('\n');
        for (i, s) in self.steps.iter().enumerate() {
            out.push_str(&format!("  {}. {}\n", i + 1, crate::output::safe(s)));
        }
        if let Some(h) = &self.hint {
            out.push_str(&format!("  hint: {}\n", crate::output::safe(h)));
        }
        out
    }
}
