//! `invite-*` events: send, accept, reject, cancel, prune, and the views.

use chrono::TimeDelta;
use serde_json::json;

use super::access::{Place, Request, Target};
use super::{Ctx, OnExists, Outcome, allow, profile_for, validate};
use crate::error::{Error, Kind, Result};
use crate::model::{
    Answer, Invitation, InviteStatus, Member, Profile, Role, Scope, User, new_secret_id, timestamp,
};
use crate::store::Tx;

/// The input of `invite-send` for one email.
#[derive(Debug, Clone, PartialEq)]
pub struct NewInvite {
    /// An explicit id (seeds); otherwise a random UUID v4.
    pub id: Option<String>,
    pub email: String,
    pub role: Role,
    pub expires_in: Lifetime,
    /// State restored from an export (seeds only; global admins only).
    pub restore: Restore,
}

/// Fields `roster export` writes so that a seed reproduces an invitation exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Restore {
    pub status: Option<InviteStatus>,
    /// An absolute expiry, instead of now + `expires_in`.
    pub expires_at: Option<String>,
    /// The inviting user (id, email or username).
    pub inviter: Option<String>,
}

impl Restore {
    pub fn is_empty(&self) -> bool {
        *self == Restore::default()
    }
}

impl NewInvite {
    pub fn validated(mut self) -> Result<NewInvite> {
        self.id = self.id.map(|v| validate::id("id", &v)).transpose()?;
        self.email = validate::email(&self.email)?;
        Ok(self)
    }
}

/// How long an invitation stays valid: longer than zero, by construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lifetime(TimeDelta);

impl Lifetime {
    /// The lifetime of an invitation sent without one.
    pub const DEFAULT: &str = "48h";

    /// A lifetime as written (`90s`, `30m`, `48h`, `7d`, `1d12h`; see
    /// [`validate::duration`]), or [`Lifetime::DEFAULT`] when `None`. `field` is the
    /// caller's name for it (`--expires-in`, `expires_in`), for the message.
    pub fn parse(field: &str, text: Option<&str>) -> Result<Lifetime> {
        let text = text.unwrap_or(Lifetime::DEFAULT);
        let d = validate::duration(field, text)?;
        if d <= TimeDelta::zero() {
            return Err(Error::invalid(format!(
                "{field} {text:?}: must be longer than zero"
            )));
        }
        Ok(Lifetime(d))
    }

    pub fn get(self) -> TimeDelta {
        self.0
    }
}

/// An explicit invitation id names one invitation, so it goes with exactly one email.
/// `send` checks it; a seed checks it before anything is written.
pub fn one_email_per_id(id: Option<&str>, emails: usize) -> Result<()> {
    if id.is_some() && emails > 1 {
        return Err(Error::invalid("id: an explicit id needs exactly one email"));
    }
    Ok(())
}

/// Writes an invitation's new status, with its audit row (`event`, naming the profile and
/// the email); an unsent email of it is dropped.
fn set_status(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    mut inv: Invitation,
    status: InviteStatus,
    event: &str,
) -> Result<Invitation> {
    inv.status = status;
    inv.updated_at = ctx.now_text.clone();
    tx.invite_update(&inv)?;
    super::mail::drop_unsent(tx, &inv.id)?;
    ctx.audit(
        tx,
        event,
        &inv.id,
        json!({ "profile": inv.profile_slug, "email": inv.email }),
    )?;
    Ok(inv)
}

fn expire(tx: &mut Tx<'_>, ctx: &Ctx, inv: Invitation) -> Result<Invitation> {
    set_status(tx, ctx, inv, InviteStatus::Expired, "invite-expire")
}

/// `invite-send`: the profile's owners and admins, and global admins; inviting as `owner`
/// needs an owner or a global admin. Refuses members and people with a pending, unexpired
/// invitation, unless `resend`, which extends that invitation instead, and an invitation
/// past the profile's `invitation_limit`. Seeds converge: an invitation that exists (by
/// id, or pending for the email) is left as it is. The first refusal is the error.
pub fn send(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    invites: Vec<NewInvite>,
    resend: bool,
    on_exists: OnExists,
) -> Result<Vec<Outcome<Invitation>>> {
    send_rows(tx, ctx, profile_ref, invites, resend, on_exists, false)?.map_err(|refusals| {
        refusals.into_iter().next().map_or_else(
            || Error::internal("a refusal without an error"),
            |r| r.error,
        )
    })
}

/// One invitation of several refused: its place in the input (from 0) and why.
#[derive(Debug)]
pub struct Refusal {
    pub index: usize,
    pub error: Error,
}

/// [`send`], looking at every invitation before refusing: `Ok(Err(refusals))` holds the
/// refusal of each invitation refused, in input order (`invite send --csv` reports them
/// all). The caller must not commit then: invitations that were not refused were written.
/// The rules are checked in stages, each for every invitation before the next: permission
/// (the role offered), then the values, then the state (membership, pending, the limit);
/// a stage with a refusal ends there, so an actor refused permission learns nothing more.
/// The outer error is the profile's own (missing, or not the actor's to invite to).
pub fn send_each(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    invites: Vec<NewInvite>,
    resend: bool,
    on_exists: OnExists,
) -> Result<std::result::Result<Vec<Outcome<Invitation>>, Vec<Refusal>>> {
    send_rows(tx, ctx, profile_ref, invites, resend, on_exists, true)
}

/// [`send_each`]; with `every` false the state stage stops at its first refusal, so that
/// [`send`] does nothing after the error it returns.
fn send_rows(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    invites: Vec<NewInvite>,
    resend: bool,
    on_exists: OnExists,
    every: bool,
) -> Result<std::result::Result<Vec<Outcome<Invitation>>, Vec<Refusal>>> {
    let profile = profile_for(tx, ctx, profile_ref, "invite-send")?;
    let place = Place::Profile {
        id: &profile.id,
        slug: &profile.slug,
    };
    let mut refused = Vec::new();
    // Permission first, for every invitation, before any value is looked at: the role
    // offered (no escalation), and restoring, which only global admins may.
    for (index, input) in invites.iter().enumerate() {
        let def = tx.role_get(Scope::Profile, input.role.as_str())?;
        let mut req = Request::new("invite-send").at(place);
        if let Some(def) = &def {
            req = req.granting(def);
        }
        if !input.restore.is_empty() {
            req.admin_only = Some("restoring an invitation's status, expiry or inviter");
        }
        let refusal = match allow(tx, ctx, req) {
            Err(e) => Some(e),
            Ok(()) if def.is_none() => Some(super::role::not_defined(
                tx,
                Scope::Profile,
                input.role.as_str(),
            )),
            Ok(()) => None,
        };
        if let Some(error) = refusal {
            refused.push(Refusal { index, error });
        }
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }
    one_email_per_id(invites.iter().find_map(|i| i.id.as_deref()), invites.len())?;
    let mut valid = Vec::with_capacity(invites.len());
    for (index, input) in invites.into_iter().enumerate() {
        match input.validated() {
            Ok(v) => valid.push(v),
            Err(error) => refused.push(Refusal { index, error }),
        }
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }
    for (index, input) in valid.iter().enumerate() {
        if valid[..index].iter().any(|o| o.email == input.email) {
            refused.push(Refusal {
                index,
                error: Error::invalid(format!("email {:?} is given twice", input.email)),
            });
        }
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }
    let mut out = Vec::with_capacity(valid.len());
    for (index, input) in valid.into_iter().enumerate() {
        match send_one(tx, ctx, &profile, input, resend, on_exists) {
            Ok(o) => out.push(o),
            // Anything but a refusal of the rules (the database) ends the command as it is.
            Err(error) if !is_refusal(&error) => return Err(error),
            // A refusal leaves the transaction usable: the next invitation is looked at.
            Err(error) if every => refused.push(Refusal { index, error }),
            Err(error) => return Ok(Err(vec![Refusal { index, error }])),
        }
    }
    if !refused.is_empty() {
        return Ok(Err(refused));
    }
    super::mail::queue(tx, ctx, &profile, &out)?;
    Ok(Ok(out))
}

/// An error of the rules (a refusal decided above the store), after which the
/// transaction can go on.
fn is_refusal(e: &Error) -> bool {
    matches!(
        e.kind,
        Kind::Conflict | Kind::NotFound | Kind::Denied | Kind::Invalid
    )
}

/// Refuses (68) one more pending invitation to a profile at its `invitation_limit`:
/// only pending invitations that have not expired count.
fn check_invitation_room(tx: &Tx<'_>, ctx: &Ctx, profile: &Profile) -> Result<()> {
    let pending = tx.invite_pending_count(&profile.id, &ctx.now_text)?;
    if pending >= profile.invitation_limit {
        return Err(Error::conflict(format!(
            "profile {} has {pending} of {} pending invitations (its invitation_limit)",
            profile.slug, profile.invitation_limit
        ))
        .hint(format!(
            "raise the limit with `roster profile update {} --invitation-limit {}`, or cancel pending invitations",
            profile.slug,
            pending + 1
        )));
    }
    Ok(())
}

fn send_one(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    input: NewInvite,
    resend: bool,
    on_exists: OnExists,
) -> Result<Outcome<Invitation>> {
    let expires_at = match &input.restore.expires_at {
        Some(t) => t.clone(),
        None => timestamp(ctx.now + input.expires_in.get()),
    };
    let status = input.restore.status.unwrap_or(InviteStatus::Pending);
    let inviter = match &input.restore.inviter {
        Some(r) => Some(super::need_user(tx, r)?),
        None => ctx.actor.user().cloned(),
    };

    if let Some(before) = sent_before(tx, profile, &input, on_exists)? {
        return Ok(Outcome::Unchanged(before));
    }
    if input.restore.status.is_some() {
        // A restored invitation (from an export) is written as it was: no member checks.
        return insert(tx, ctx, profile, input, status, inviter, expires_at);
    }

    let member = tx
        .user_by_email(&input.email)?
        .map(|u| tx.member_role(&profile.id, &u.id))
        .transpose()?
        .flatten();

    // A member is not invited again, not even by `--resend` of an invitation left pending
    // from before they were added.
    if on_exists != OnExists::Converge
        && let Some(role) = member
    {
        return Err(already_member(&input.email, profile, role));
    }

    if let Some(pending) = tx.invite_pending(&profile.id, &input.email)?
        && let Some(answered) =
            answer_pending(tx, ctx, profile, pending, resend, on_exists, &expires_at)?
    {
        return Ok(answered);
    }

    if let Some(role) = member {
        if on_exists == OnExists::Converge {
            // A seed that invited and then accepted: the accepted invitation stands.
            if let Some(done) = tx
                .invite_list(
                    Some(&profile.id),
                    Some(InviteStatus::Accepted),
                    &ctx.now_text,
                )?
                .into_iter()
                .find(|i| i.email == input.email)
            {
                return Ok(Outcome::Unchanged(done));
            }
        }
        return Err(already_member(&input.email, profile, role));
    }

    insert(tx, ctx, profile, input, status, inviter, expires_at)
}

/// The invitation this input names that exists already: by its explicit id (which must
/// be of the same profile and email, and is a conflict unless converging), or, for a seed
/// run again, the latest sent to the email, whatever became of it.
fn sent_before(
    tx: &Tx<'_>,
    profile: &Profile,
    input: &NewInvite,
    on_exists: OnExists,
) -> Result<Option<Invitation>> {
    if let Some(id) = &input.id
        && let Some(existing) = tx.invite_by_id(id)?
    {
        if existing.profile_id != profile.id || existing.email != input.email {
            return Err(Error::conflict(format!(
                "invitation id {id:?} already belongs to an invitation of {} to profile {}",
                existing.email, existing.profile_slug
            )));
        }
        if on_exists == OnExists::Converge {
            return Ok(Some(existing));
        }
        return Err(Error::conflict(format!("invitation {id:?} already exists")));
    }
    if on_exists == OnExists::Converge && input.id.is_none() {
        return tx.invite_latest(&profile.id, &input.email);
    }
    Ok(None)
}

/// A pending invitation to the same email: a lapsed one gives way to the new one (`None`);
/// `resend` extends it to `expires_at`; a seed leaves it as it is; otherwise a conflict.
fn answer_pending(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    pending: Invitation,
    resend: bool,
    on_exists: OnExists,
    expires_at: &str,
) -> Result<Option<Outcome<Invitation>>> {
    if pending.effective_status(&ctx.now_text) == InviteStatus::Expired {
        expire(tx, ctx, pending)?;
        return Ok(None);
    }
    if resend {
        let mut next = pending;
        // Extends only: the role stays what was offered (cancel and send again to
        // change it), rather than falling back to the default `member`.
        next.expires_at = expires_at.to_string();
        next.updated_at = ctx.now_text.clone();
        tx.invite_update(&next)?;
        ctx.audit(
            tx,
            "invite-resend",
            &next.id,
            json!({ "profile": profile.slug, "email": next.email, "role": next.role.as_str(), "expires_at": next.expires_at }),
        )?;
        return Ok(Some(Outcome::Updated(next)));
    }
    if on_exists == OnExists::Converge {
        return Ok(Some(Outcome::Unchanged(pending)));
    }
    Err(Error::conflict(format!(
        "{} already has a pending invitation to profile {} (id {}, expires {})",
        pending.email, profile.slug, pending.id, pending.expires_at
    ))
    .hint("add --resend to extend it"))
}

fn already_member(email: &str, profile: &Profile, role: Role) -> Error {
    Error::conflict(format!(
        "{email} is already a member of profile {} (role {})",
        profile.slug,
        role.as_str()
    ))
    .hint(format!(
        "change their role with `roster member role {} {email} ROLE`",
        profile.slug
    ))
}

fn insert(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    input: NewInvite,
    status: InviteStatus,
    inviter: Option<User>,
    expires_at: String,
) -> Result<Outcome<Invitation>> {
    // A restored invitation (an export's) is the state it was in, as its member checks
    // are skipped: a profile already past its limit (raised to 100 by migration 6, or
    // lowered by another program) is copied as it is, not refused half-way.
    if input.restore.status.is_none()
        && status == InviteStatus::Pending
        && expires_at.as_str() > ctx.now_text.as_str()
    {
        check_invitation_room(tx, ctx, profile)?;
    }
    let (inviter_id, inviter_email) = match inviter {
        Some(u) => (Some(u.id), u.email),
        None => (None, None),
    };
    let inv = Invitation {
        id: input.id.unwrap_or_else(new_secret_id),
        profile_id: profile.id.clone(),
        profile_slug: profile.slug.clone(),
        profile_name: profile.name.clone(),
        email: input.email,
        role: input.role,
        status,
        inviter_id,
        inviter_email,
        expires_at,
        created_at: ctx.now_text.clone(),
        updated_at: ctx.now_text.clone(),
    };
    tx.invite_insert(&inv)?;
    ctx.audit(tx, "invite-send", &inv.id, inv.shape_at(&ctx.now_text))?;
    Ok(Outcome::Created(inv))
}

/// Whether an invitation in this effective status still takes this answer: it is
/// accepted only while pending and unexpired, and rejected while pending, expired or not
/// (the invitee may decline a lapsed invitation, which closes it as `rejected`).
pub fn may_answer(answer: Answer, status: InviteStatus) -> bool {
    match answer {
        Answer::Accept => status == InviteStatus::Pending,
        Answer::Reject => matches!(status, InviteStatus::Pending | InviteStatus::Expired),
    }
}

/// The answer whose command `invite send` and `invite show` print for the invitee at
/// `now`: accept while it may be accepted, else reject while it may be rejected (an
/// expired invitation), else none (it was answered or canceled): never a command that can
/// only fail.
pub fn offer(inv: &Invitation, now: &str) -> Option<Answer> {
    let status = inv.effective_status(now);
    [Answer::Accept, Answer::Reject]
        .into_iter()
        .find(|a| may_answer(*a, status))
}

/// An invitation of no one, named as given: what answering one that does not exist is
/// decided on (its email is nobody's), so that the refusal is the one for an invitation
/// sent to someone else.
pub fn nobodys(id: &str) -> Invitation {
    Invitation {
        id: id.to_string(),
        profile_id: String::new(),
        profile_slug: String::new(),
        profile_name: String::new(),
        email: String::new(),
        role: Role::member(),
        status: InviteStatus::Pending,
        inviter_id: None,
        inviter_email: None,
        expires_at: String::new(),
        created_at: String::new(),
        updated_at: String::new(),
    }
}

/// The invitation an invitee answers: the actor must be a user whose email is the
/// invitation's, ignoring case, and the invitation must take the answer ([`may_answer`]).
/// One already in the `done` state gives `Ok(None)`: a seed run again finds its answer
/// given.
fn answerable_or(
    tx: &Tx<'_>,
    ctx: &Ctx,
    id: &str,
    answer: Answer,
    done: Option<InviteStatus>,
) -> Result<Option<Invitation>> {
    let event = match answer {
        Answer::Accept => "invite-accept",
        Answer::Reject => "invite-reject",
    };
    if ctx.actor.user().is_none() {
        // The operator is no invitee: refused before anything is looked up.
        allow(tx, ctx, Request::new(event))?;
    }
    let Some(inv) = tx.invite_by_id(id)? else {
        // Decided as an invitation sent to someone else: nobody learns whether it exists.
        let nobodys = nobodys(id);
        allow(
            tx,
            ctx,
            Request::new(event).on(Target::Invitation(&nobodys)),
        )?;
        return Err(Error::not_found(format!(
            "invitation {id:?} does not exist"
        )));
    };
    allow(tx, ctx, Request::new(event).on(Target::Invitation(&inv)))?;
    match inv.effective_status(&ctx.now_text) {
        s if may_answer(answer, s) => Ok(Some(inv)),
        s if Some(s) == done => Ok(None),
        InviteStatus::Expired => Err(Error::conflict(format!(
            "invitation {id} expired at {}",
            inv.expires_at
        ))
        .hint("ask an owner or admin of the profile to send a new one")),
        other => Err(Error::conflict(format!(
            "invitation {id} is {}, not pending",
            other.as_str()
        ))),
    }
}

/// `invite-accept`: the invitee only. Creates the membership with the invitation's role and
/// marks the invitation accepted, in the caller's transaction. With `OnExists::Converge`
/// (seeds) an invitation this invitee already accepted is `Unchanged`.
pub fn accept(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    id: &str,
    on_exists: OnExists,
) -> Result<Outcome<(Invitation, Member)>> {
    let done = (on_exists == OnExists::Converge).then_some(InviteStatus::Accepted);
    let Some(mut inv) = answerable_or(tx, ctx, id, Answer::Accept, done)? else {
        let inv = tx
            .invite_by_id(id)?
            .ok_or_else(|| Error::internal("invitation vanished"))?;
        let uid = ctx.actor.user_id().unwrap_or_default().to_string();
        let member = tx.member_get(&inv.profile_id, &uid)?.ok_or_else(|| {
            Error::conflict(format!(
                "invitation {id} was accepted, but the invitee is no longer a member"
            ))
        })?;
        return Ok(Outcome::Unchanged((inv, member)));
    };
    let user = ctx
        .actor
        .user()
        .cloned()
        .ok_or_else(|| Error::internal("accept without a user actor"))?;
    let profile = tx
        .profile_by_id(&inv.profile_id)?
        .ok_or_else(|| Error::internal("invitation without its profile"))?;
    if let Some(role) = tx.member_role(&profile.id, &user.id)? {
        return Err(Error::conflict(format!(
            "{} is already a member of profile {} (role {})",
            user.label(),
            profile.slug,
            role.as_str()
        )));
    }
    super::member::check_room(&profile)?;
    let member = super::member::insert(tx, ctx, &profile, &user, inv.role.clone(), "member-add")?;
    inv.status = InviteStatus::Accepted;
    inv.updated_at = ctx.now_text.clone();
    tx.invite_update(&inv)?;
    super::mail::drop_unsent(tx, &inv.id)?;
    ctx.audit(
        tx,
        "invite-accept",
        &inv.id,
        json!({ "profile": profile.slug, "email": inv.email, "role": inv.role.as_str(), "member_id": member.id }),
    )?;
    Ok(Outcome::Updated((inv, member)))
}

/// `invite-reject`: the invitee only, while pending, expired or not.
pub fn reject(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    id: &str,
    on_exists: OnExists,
) -> Result<Outcome<Invitation>> {
    let done = (on_exists == OnExists::Converge).then_some(InviteStatus::Rejected);
    let Some(inv) = answerable_or(tx, ctx, id, Answer::Reject, done)? else {
        return tx
            .invite_by_id(id)?
            .map(Outcome::Unchanged)
            .ok_or_else(|| Error::internal("invitation vanished"));
    };
    let inv = set_status(tx, ctx, inv, InviteStatus::Rejected, "invite-reject")?;
    Ok(Outcome::Updated(inv))
}

/// What deciding `event` on an invitation asks: at its profile, on it.
fn request_on<'a>(event: &'static str, i: &'a Invitation, named: &'a str) -> Request<'a> {
    let mut req = Request::new(event)
        .at(Place::Profile {
            id: &i.profile_id,
            slug: &i.profile_slug,
        })
        .on(Target::Invitation(i));
    req.place_of_record = true;
    req.named = Some(named);
    req
}

/// An invitation the actor may `event` (its profile's owners and admins, global admins;
/// for `invite-show` also the invitee). A missing invitation is refused as one sent to
/// someone else is: a 67 only for an actor a global role lets do it anywhere, 77 for anyone
/// else, so that nobody learns whether an id exists (README "Rules").
fn decided_invite(tx: &Tx<'_>, ctx: &Ctx, id: &str, event: &'static str) -> Result<Invitation> {
    let found = tx.invite_by_id(id)?;
    let req = match &found {
        Some(i) => request_on(event, i, id),
        None => {
            let mut req = Request::new(event).at(Place::Missing(""));
            req.place_of_record = true;
            req.named = Some(id);
            req
        }
    };
    allow(tx, ctx, req)?;
    found.ok_or_else(|| Error::not_found(format!("invitation {id:?} does not exist")))
}

/// The invitation id `given` names at the command line: the id itself, or a unique prefix
/// of at least [`super::MIN_PREFIX`] characters, as git names commits. Only invitations the
/// actor may see (`invite-show`: the profile's managers, global admins, the invitee) are
/// candidates (with `actor`; without, everyone's are, as for `can --record`), so a prefix
/// tells no one about invitations that are not theirs. Several
/// candidates are 68, listing them; none leaves `given` as it is, to be refused as a
/// missing invitation always is. Seeds name invitations by their whole id and never come
/// here.
pub fn resolve(tx: &Tx<'_>, actor: Option<&super::Actor>, given: &str) -> Result<String> {
    if given.len() < super::MIN_PREFIX
        || validate::id("invitation", given).is_err()
        || tx.invite_by_id(given)?.is_some()
    {
        return Ok(given.to_string());
    }
    let mut seen = Vec::new();
    for i in tx.invites_by_prefix(given, 6)? {
        let visible = match actor {
            Some(a @ super::Actor::User(_)) => {
                super::access::authorize(tx, a, &request_on("invite-show", &i, given))?.allowed()
            }
            _ => true,
        };
        if visible {
            seen.push(i.id);
        }
    }
    match seen.as_slice() {
        [] => Ok(given.to_string()),
        [one] => Ok(one.clone()),
        many => Err(super::ambiguous("invitation", given, many)),
    }
}

/// `invite-cancel`: the profile's owners and admins, and global admins; while pending,
/// expired or not (an expired invitation is closed as `canceled`).
pub fn cancel(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    id: &str,
    on_exists: OnExists,
) -> Result<Outcome<Invitation>> {
    let inv = decided_invite(tx, ctx, id, "invite-cancel")?;
    match inv.effective_status(&ctx.now_text) {
        InviteStatus::Pending | InviteStatus::Expired => {}
        InviteStatus::Canceled if on_exists == OnExists::Converge => {
            return Ok(Outcome::Unchanged(inv));
        }
        other => {
            return Err(Error::conflict(format!(
                "invitation {id} is {}; only a pending or expired invitation can be canceled",
                other.as_str()
            )));
        }
    }
    let inv = set_status(tx, ctx, inv, InviteStatus::Canceled, "invite-cancel")?;
    Ok(Outcome::Updated(inv))
}

/// `invite show`: the profile's managers, global admins, and the invitee.
pub fn show(tx: &Tx<'_>, ctx: &Ctx, id: &str) -> Result<Invitation> {
    decided_invite(tx, ctx, id, "invite-show")
}

/// `invite list`: of one profile (its managers and global admins), or of every profile: a
/// global admin sees all, a user the invitations of profiles they manage and those sent to
/// their own email.
pub fn list(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: Option<&str>,
    status: Option<InviteStatus>,
) -> Result<Vec<Invitation>> {
    if let Some(reference) = profile_ref {
        let profile = profile_for(tx, ctx, reference, "invite-list")?;
        return tx.invite_list(Some(&profile.id), status, &ctx.now_text);
    }
    allow(tx, ctx, Request::new("invite-list").at(Place::Global))?;
    let all = tx.invite_list(None, status, &ctx.now_text)?;
    let Some(user) = ctx.actor.user() else {
        return Ok(all);
    };
    // Each profile's invitations where the actor may invite-list there; and their own.
    let mut may: std::collections::HashMap<String, bool> = std::collections::HashMap::new();
    let mut out = Vec::with_capacity(all.len());
    for i in all {
        let mine = user.email.as_deref() == Some(i.email.as_str());
        let listed = match may.get(&i.profile_id) {
            Some(v) => *v,
            None => {
                let req = Request::new("invite-list").at(Place::Profile {
                    id: &i.profile_id,
                    slug: &i.profile_slug,
                });
                let v = super::access::authorize(tx, &ctx.actor, &req)?.allowed();
                may.insert(i.profile_id.clone(), v);
                v
            }
        };
        if mine || listed {
            out.push(i);
        }
    }
    Ok(out)
}

/// `invite prune`: writes `expired` on pending invitations past their expiry. The operator
/// and global admins.
pub fn prune(tx: &mut Tx<'_>, ctx: &Ctx) -> Result<Vec<Invitation>> {
    allow(tx, ctx, Request::new("invite-prune").at(Place::Global))?;
    let mut out = Vec::new();
    for id in tx.invite_lapsed(&ctx.now_text)? {
        if let Some(inv) = tx.invite_by_id(&id)? {
            out.push(expire(tx, ctx, inv)?);
        }
    }
    Ok(out)
}
