//! One function per event. The rules of README "Concepts and rules" live here and only here. An action
//! takes the transaction, the context (actor, clock, source) and a typed input, checks the
//! rules, writes, appends the audit row, and returns an [`Outcome`]. It never prints and
//! never reads the environment; the CLI and the seed loader are its two callers.

/// `set_given!(next, changes; a, b, …)`: each field the change gives (`Some`) replaces the
/// record's value; the others keep theirs. The one way an update or a converging seed
/// overlays what it was given.
macro_rules! set_given {
    ($next:ident, $from:expr; $($field:ident),+ $(,)?) => {
        $( if let Some(v) = $from.$field { $next.$field = v; } )+
    };
}

/// `keep_given!(next, given, input; flag => field, …)`: where the input set `flag`, the
/// record takes `given.field` (a value the input already validated and normalised).
macro_rules! keep_given {
    ($next:ident, $given:ident, $input:ident; $($flag:ident => $field:ident),+ $(,)?) => {
        $( if $input.$flag.is_some() { $next.$field = $given.$field; } )+
    };
}

pub mod access;
pub mod audit;
pub mod backup;
pub mod can;
pub mod copy;
pub mod doctor;
pub mod invite;
pub mod mail;
pub mod media;
pub mod member;
pub mod onboard;
pub mod page;
pub mod profile;
pub mod role;
pub mod session;
pub mod user;
pub mod validate;

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::error::{Error, Result};
use crate::model::{Profile, ProfileRef, User, timestamp};
use crate::store::Tx;

/// Who runs a command.
#[derive(Debug, Clone, PartialEq)]
pub enum Actor {
    /// Whoever holds the database file; may do what a global admin may do.
    Operator { login: String },
    /// A user, checked against every rule.
    User(Box<User>),
}

impl Actor {
    /// `operator:<login>` or `user:<id>`, as written in the audit log.
    pub fn audit_name(&self) -> String {
        match self {
            Actor::Operator { login } => format!("operator:{login}"),
            Actor::User(u) => format!("user:{}", u.id),
        }
    }

    /// The operator and users holding the global `admin` role.
    pub fn is_global_admin(&self) -> bool {
        match self {
            Actor::Operator { .. } => true,
            Actor::User(u) => u.is_admin(),
        }
    }

    pub fn user(&self) -> Option<&User> {
        match self {
            Actor::Operator { .. } => None,
            Actor::User(u) => Some(u),
        }
    }

    pub fn user_id(&self) -> Option<&str> {
        self.user().map(|u| u.id.as_str())
    }

    /// True when the actor is this very user.
    pub fn is(&self, user: &User) -> bool {
        self.user_id() == Some(user.id.as_str())
    }
}

/// Everything an action needs besides its input.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: Actor,
    pub now: DateTime<Utc>,
    /// `now` as stored: RFC 3339 with milliseconds.
    pub now_text: String,
    /// `cli` or `seed:<file name>`.
    pub source: String,
    /// Invitations sent in this context are emailed (README "Mail"): `invite send` with
    /// `ROSTER_SMTP_URL` set and without `--no-notify`, `seed --notify`.
    pub notify: Option<std::sync::Arc<mail::Notify>>,
}

impl Ctx {
    pub fn new(actor: Actor, now: DateTime<Utc>, source: impl Into<String>) -> Self {
        Ctx {
            actor,
            now,
            now_text: timestamp(now),
            source: source.into(),
            notify: None,
        }
    }

    /// The same context, emailing the invitations it sends through `notify`.
    pub fn notifying(mut self, notify: Option<std::sync::Arc<mail::Notify>>) -> Self {
        self.notify = notify;
        self
    }

    /// The same clock and source, another actor (a seed event's `"as"`).
    pub fn with_actor(&self, actor: Actor) -> Self {
        Ctx {
            actor,
            ..self.clone()
        }
    }

    /// Appends the audit row of a change made by this context's actor, its `data` written
    /// as compact JSON straight from the record's shape (a `Value`, or a record itself).
    pub fn audit(
        &self,
        tx: &mut Tx<'_>,
        event: &str,
        subject: &str,
        data: impl serde::Serialize,
    ) -> Result<()> {
        let data = serde_json::to_string(&data)
            .map_err(|e| Error::internal(format!("the audit data of {event} {subject}: {e}")))?;
        crate::audit_chain::append(
            tx,
            &self.now_text,
            &self.actor.audit_name(),
            event,
            subject,
            data,
            &self.source,
        )
    }
}

/// What an action did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome<T> {
    Created(T),
    Updated(T),
    Unchanged(T),
    Deleted(T),
}

impl<T> Outcome<T> {
    pub fn value(&self) -> &T {
        match self {
            Outcome::Created(v)
            | Outcome::Updated(v)
            | Outcome::Unchanged(v)
            | Outcome::Deleted(v) => v,
        }
    }

    pub fn into_value(self) -> T {
        match self {
            Outcome::Created(v)
            | Outcome::Updated(v)
            | Outcome::Unchanged(v)
            | Outcome::Deleted(v) => v,
        }
    }

    /// `created`, `updated`, `unchanged` or `deleted`.
    pub fn label(&self) -> &'static str {
        match self {
            Outcome::Created(_) => "created",
            Outcome::Updated(_) => "updated",
            Outcome::Unchanged(_) => "unchanged",
            Outcome::Deleted(_) => "deleted",
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Outcome<U> {
        match self {
            Outcome::Created(v) => Outcome::Created(f(v)),
            Outcome::Updated(v) => Outcome::Updated(f(v)),
            Outcome::Unchanged(v) => Outcome::Unchanged(f(v)),
            Outcome::Deleted(v) => Outcome::Deleted(f(v)),
        }
    }
}

/// What a create does when its natural key already exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnExists {
    /// A conflict (exit 68): the plain command.
    #[default]
    Fail,
    /// Nothing, reported `unchanged`: `--if-not-exists`.
    Skip,
    /// Bring the record to the given values, reported `updated` or `unchanged`: seeds.
    Converge,
}

/// The fields whose values differ between two JSON shapes of a record, with their new
/// values (ignoring `skip`): the `data` of an update's audit row, empty when nothing
/// changed.
pub fn changed_fields(
    before: &Value,
    after: &Value,
    skip: &[&str],
) -> serde_json::Map<String, Value> {
    let mut changed = serde_json::Map::new();
    if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
        for (k, v) in a {
            if !skip.contains(&k.as_str()) && b.get(k) != Some(v) {
                changed.insert(k.clone(), v.clone());
            }
        }
    }
    changed
}

/// An optional text field of an update, as given: `''` clears it (`Some(None)`), any other
/// text sets it, and a field not given (`None`) is left as it is. The command line and
/// seeds both write a clearing this way.
pub fn clearable(v: Option<String>) -> Option<Option<String>> {
    v.map(|s| if s.is_empty() { None } else { Some(s) })
}

/// Asks [`access::authorize`] and refuses (77, or 68 for the last owner) with its
/// decision: the one way an action checks who may do what.
pub fn allow(tx: &Tx<'_>, ctx: &Ctx, req: access::Request<'_>) -> Result<()> {
    access::authorize(tx, &ctx.actor, &req)?.check()
}

/// Resolves the user named by `--as` into an actor. A disabled user cannot act.
pub fn resolve_actor(tx: &Tx<'_>, login: &str, as_user: Option<&str>) -> Result<Actor> {
    match as_user {
        None => Ok(Actor::Operator {
            login: login.to_string(),
        }),
        Some(reference) => {
            let user = find_user(tx, reference)?
                .ok_or_else(|| user_not_found(tx, reference).context("--as"))?;
            if !user.active {
                return Err(Error::denied(format!(
                    "user {} is disabled and cannot act",
                    user.label()
                ))
                .hint(format!(
                    "a global admin can run `roster user enable {}`",
                    user.label()
                )));
            }
            Ok(Actor::User(Box::new(user)))
        }
    }
}

/// Finds a user by id, email (any case), username (any case) or phone.
pub fn find_user(tx: &Tx<'_>, reference: &str) -> Result<Option<User>> {
    let r = reference.trim();
    if r.is_empty() {
        return Ok(None);
    }
    if r.contains('@') {
        return tx.user_by_email(&r.to_lowercase());
    }
    if r.starts_with('+')
        && let Ok(phone) = validate::phone(r)
    {
        return tx.user_by_phone(&phone);
    }
    if let Some(u) = tx.user_by_id(r)? {
        return Ok(Some(u));
    }
    tx.user_by_username(r)
}

/// A user of no one: what a decision on a user who does not exist is made on, so that it
/// is made as on someone else (an empty id is nobody's).
pub fn nobody() -> User {
    User {
        id: String::new(),
        email: None,
        username: None,
        phone: None,
        name: String::new(),
        image: None,
        kind: String::new(),
        roles: Vec::new(),
        tags: Vec::new(),
        metadata: Default::default(),
        active: false,
        password_hash: None,
        created_at: String::new(),
        updated_at: String::new(),
        email_verified_at: None,
        phone_verified_at: None,
    }
}

/// `event` on the user `given` names, `found` or not (then on [`nobody`]), named as given
/// unless it is the actor: a refusal reads the same whether the user exists or not, and
/// never tells the email of an id.
pub fn on_user<'a>(
    actor: &Actor,
    event: &'static str,
    found: Option<&'a User>,
    nobody: &'a User,
    given: &'a str,
) -> access::Request<'a> {
    let mut req = access::Request::new(event)
        .at(access::Place::Global)
        .on(access::Target::User(found.unwrap_or(nobody)));
    if !found.is_some_and(|u| actor.is(u)) {
        req.named = Some(given.trim());
    }
    req
}

/// Like [`find_user`], but a missing user is a 67 with a "did you mean" hint.
pub fn need_user(tx: &Tx<'_>, reference: &str) -> Result<User> {
    find_user(tx, reference)?.ok_or_else(|| user_not_found(tx, reference))
}

/// The fewest characters of an id that name a record by prefix (sessions, invitations), as
/// git's short commit names do.
pub const MIN_PREFIX: usize = 4;

/// A name that starts several records' ids (`ids`, of which the store gave at most six):
/// 68, listing up to five of them.
pub fn ambiguous(kind: &str, given: &str, ids: &[String]) -> Error {
    let names: Vec<&str> = ids.iter().take(5).map(String::as_str).collect();
    Error::conflict(format!(
        "{kind} {given:?} is ambiguous: it is the start of {}{}",
        names.join(", "),
        if ids.len() > 5 { ", …" } else { "" }
    ))
    .hint("give more of the id")
}

pub fn user_not_found(tx: &Tx<'_>, reference: &str) -> Error {
    let mut e = Error::not_found(format!("user {reference:?} does not exist"));
    if let Ok(handles) = tx.user_handles()
        && let Some(near) = nearest(reference, &handles)
    {
        e = e.hint(format!("did you mean {near:?}?"));
    }
    e.hint("list users with `roster user list`")
}

/// Finds a profile by slug (any case) or id.
pub fn find_profile(tx: &Tx<'_>, reference: &str) -> Result<Option<Profile>> {
    let r = reference.trim();
    if r.is_empty() {
        return Ok(None);
    }
    if let Some(p) = tx.profile_by_slug(&r.to_ascii_lowercase())? {
        return Ok(Some(p));
    }
    tx.profile_by_id(r)
}

/// Like [`find_profile`], loading only the id and slug: for actions that need no more.
pub fn find_profile_ref(tx: &Tx<'_>, reference: &str) -> Result<Option<ProfileRef>> {
    let r = reference.trim();
    if r.is_empty() {
        return Ok(None);
    }
    if let Some(p) = tx.profile_ref_by_slug(&r.to_ascii_lowercase())? {
        return Ok(Some(p));
    }
    tx.profile_ref_by_id(r)
}

pub fn need_profile(tx: &Tx<'_>, reference: &str) -> Result<Profile> {
    find_profile(tx, reference)?.ok_or_else(|| profile_not_found(tx, reference))
}

pub fn profile_not_found(tx: &Tx<'_>, reference: &str) -> Error {
    let mut e = Error::not_found(format!("profile {reference:?} does not exist"));
    if let Ok(slugs) = tx.profile_slugs()
        && let Some(near) = nearest(reference, &slugs)
    {
        e = e.hint(format!("did you mean {near:?}?"));
    }
    e.hint("list profiles with `roster profile list`")
}

/// Finds the profile a profile event acts in, deciding first: a profile that does not
/// exist is a 67 only for an actor a global role lets do `event` anywhere; everyone else
/// gets the 77 they would get for a profile they may not act in, and learns nothing.
pub fn profile_for(
    tx: &Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    event: &'static str,
) -> Result<Profile> {
    let found = find_profile(tx, reference)?;
    allow(
        tx,
        ctx,
        access::Request::new(event).at(place_of(
            found.as_ref().map(|p| (p.id.as_str(), p.slug.as_str())),
            reference,
        )),
    )?;
    found.ok_or_else(|| profile_not_found(tx, reference))
}

/// [`profile_for`], loading only the profile's id and slug.
pub fn profile_ref_for(
    tx: &Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    event: &'static str,
) -> Result<ProfileRef> {
    let found = find_profile_ref(tx, reference)?;
    allow(
        tx,
        ctx,
        access::Request::new(event).at(place_of(
            found.as_ref().map(|p| (p.id.as_str(), p.slug.as_str())),
            reference,
        )),
    )?;
    found.ok_or_else(|| profile_not_found(tx, reference))
}

/// The place of a profile found (id, slug), or of the name given when it was not.
pub fn place_of<'a>(found: Option<(&'a str, &'a str)>, reference: &'a str) -> access::Place<'a> {
    match found {
        Some((id, slug)) => access::Place::Profile { id, slug },
        None => access::Place::Missing(reference),
    }
}

/// The closest candidate within a small edit distance, for "did you mean" hints. An email
/// whose part before the '@' is the needle (`ann` for `ann@example.com`) counts as close.
/// Two emails at the same domain are compared by the part before the '@' alone, so a
/// shared `@example.com` does not make `carl@example.com` look like `ann@example.com`.
pub fn nearest<'a>(needle: &str, candidates: &'a [String]) -> Option<&'a str> {
    let needle = needle.to_lowercase();
    let limit = |s: &str| (s.chars().count() / 3).clamp(1, 3);
    candidates
        .iter()
        .filter_map(|c| {
            let lower = c.to_lowercase();
            let (d, most) = match (needle.split_once('@'), lower.split_once('@')) {
                (Some((local, domain)), Some((c_local, c_domain))) if domain == c_domain => {
                    (edit_distance(local, c_local), limit(local))
                }
                (None, Some((c_local, _))) if c_local == needle => (1, 1),
                _ => (edit_distance(&needle, &lower), limit(&needle)),
            };
            (d > 0 && d <= most).then_some((d, c))
        })
        .min_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(b.1)))
        .map(|(_, c)| c.as_str())
}

/// Edit distance over characters, counting a swap of two neighbours as one edit
/// (optimal string alignment), so `emial` is one step from `email`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_finds_typos_only() {
        let c = vec![
            "alice@example.com".to_string(),
            "bob".to_string(),
            "family".to_string(),
        ];
        assert_eq!(nearest("alcie@example.com", &c), Some("alice@example.com"));
        assert_eq!(nearest("famly", &c), Some("family"));
        assert_eq!(nearest("zzzzzz", &c), None);
        assert_eq!(nearest("alice", &c), Some("alice@example.com"));
        // Emails at one domain are compared before the '@'.
        let people = vec![
            "ann@example.com".to_string(),
            "carol@example.com".to_string(),
        ];
        assert_eq!(
            nearest("carl@example.com", &people),
            Some("carol@example.com")
        );
        assert_eq!(nearest("bob@example.com", &people), None);
        assert_eq!(
            nearest("carol@exmaple.com", &people),
            Some("carol@example.com")
        );
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("emial", "email"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
