//! The records of README "Storage: the schema is a contract", as the store returns them and the actions pass them on,
//! and, in each one's [`Record`] impl, their one JSON shape (field names = column names,
//! plus derived fields) and the fields every output format shows, used by the output, the
//! audit log and export alike. No `to_json` includes a password hash.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::{Map, Value, json};

use crate::output::{Column, Record, Shape};

pub type JsonObject = Map<String, Value>;

/// A record's JSON value, from its one shape, its `Serialize` impl (which the audit log
/// writes as text directly, with no `Value` built in between). Serializing a record into
/// a `Value` cannot fail: every key is a string.
fn json_value(record: &impl Serialize) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

/// RFC 3339 UTC with milliseconds: `2026-11-21T19:52:55.453Z`.
pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Parses a stored or user-given RFC 3339 timestamp.
pub fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

/// The clock of generated ids when `ROSTER_NOW` pins the time: (seconds, nanoseconds).
static ID_CLOCK: std::sync::OnceLock<(u64, u32)> = std::sync::OnceLock::new();

thread_local! {
    /// Keeps ids made at one pinned instant in the order they were made.
    static ID_CONTEXT: uuid::ContextV7 = const { uuid::ContextV7::new() };
}

/// Pins the time part of the ids this process generates (`ROSTER_NOW`), so that a
/// session or media id made at a known time starts with a known prefix (the README's
/// examples name sessions that way). Only the first call counts.
pub fn pin_id_clock(at: DateTime<Utc>) {
    if let Ok(secs) = u64::try_from(at.timestamp()) {
        let _ = ID_CLOCK.set((secs, at.timestamp_subsec_nanos()));
    }
}

/// A time-ordered id (UUID v7) for users, profiles, members and media.
pub fn new_id() -> String {
    match ID_CLOCK.get() {
        None => uuid::Uuid::now_v7().to_string(),
        Some(&(secs, nanos)) => ID_CONTEXT.with(|ctx| {
            uuid::Uuid::new_v7(uuid::Timestamp::from_unix(ctx, secs, nanos)).to_string()
        }),
    }
}

/// A random, unguessable id (UUID v4) for invitations: the id is the invitation link.
pub fn new_secret_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[derive(Debug, Clone, PartialEq)]
pub struct User {
    pub id: String,
    pub email: Option<String>,
    pub username: Option<String>,
    pub phone: Option<String>,
    pub name: String,
    pub image: Option<String>,
    pub kind: String,
    pub roles: Vec<String>,
    pub tags: Vec<String>,
    pub metadata: JsonObject,
    pub active: bool,
    pub password_hash: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// When the email was verified (Stackpress keeps a verified flag on each sign-in
    /// identifier); None: not verified.
    pub email_verified_at: Option<String>,
    pub phone_verified_at: Option<String>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.roles.iter().any(|r| r == "admin")
    }

    /// How the user is named in messages: email, else username, else phone, else id.
    pub fn label(&self) -> &str {
        self.email
            .as_deref()
            .or(self.username.as_deref())
            .or(self.phone.as_deref())
            .unwrap_or(&self.id)
    }
}

/// The fields of a user, in JSON and CSV order.
const USER_FIELDS: [&str; 17] = [
    "id",
    "email",
    "username",
    "phone",
    "name",
    "image",
    "type",
    "roles",
    "tags",
    "metadata",
    "active",
    "has_password",
    "is_admin",
    "email_verified_at",
    "phone_verified_at",
    "created_at",
    "updated_at",
];

/// The fields of `user show`: a user's, then their memberships.
const USER_DETAIL_FIELDS: [&str; 18] = {
    let mut out = [""; 18];
    let mut i = 0;
    while i < USER_FIELDS.len() {
        out[i] = USER_FIELDS[i];
        i += 1;
    }
    out[17] = "memberships";
    out
};

const USER_COLUMNS: &[Column] = &[
    Column::whole("id", 6),
    Column::whole("email", 9),
    Column::whole("username", 7),
    Column::text("name", 8),
    Column::whole("roles", 5),
    Column::whole("active", 4),
];

impl Record for User {
    const SHAPE: Shape = Shape {
        noun: "user",
        fields: &USER_FIELDS,
        columns: USER_COLUMNS,
    };

    /// The public JSON shape: see the `Serialize` impl.
    fn to_json(&self) -> Value {
        json_value(self)
    }
}

/// The public JSON shape: every column but `password_hash`, plus `has_password` and
/// `is_admin`.
impl Serialize for User {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("User", 17)?;
        o.serialize_field("id", &self.id)?;
        o.serialize_field("email", &self.email)?;
        o.serialize_field("username", &self.username)?;
        o.serialize_field("phone", &self.phone)?;
        o.serialize_field("name", &self.name)?;
        o.serialize_field("image", &self.image)?;
        o.serialize_field("type", &self.kind)?;
        o.serialize_field("roles", &self.roles)?;
        o.serialize_field("tags", &self.tags)?;
        o.serialize_field("metadata", &self.metadata)?;
        o.serialize_field("active", &self.active)?;
        o.serialize_field("has_password", &self.password_hash.is_some())?;
        o.serialize_field("is_admin", &self.is_admin())?;
        o.serialize_field("email_verified_at", &self.email_verified_at)?;
        o.serialize_field("phone_verified_at", &self.phone_verified_at)?;
        o.serialize_field("created_at", &self.created_at)?;
        o.serialize_field("updated_at", &self.updated_at)?;
        o.end()
    }
}

/// One of a user's memberships, as `user show` lists them: the profile's slug, the role
/// held there, and when they joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Membership {
    pub profile: String,
    pub role: String,
    pub joined_at: String,
}

impl Record for Membership {
    const SHAPE: Shape = Shape {
        noun: "membership",
        fields: &["profile", "role", "joined_at"],
        columns: &[
            Column::whole("profile", 9),
            Column::whole("role", 8),
            Column::whole("joined_at", 7),
        ],
    };

    fn to_json(&self) -> Value {
        json!({
            "profile": self.profile,
            "role": self.role,
            "joined_at": self.joined_at,
        })
    }
}

/// `user show`: the user, and the profiles they belong to (by slug).
#[derive(Debug, Clone, PartialEq)]
pub struct UserDetail {
    pub user: User,
    pub memberships: Vec<Membership>,
}

impl Record for UserDetail {
    const SHAPE: Shape = Shape {
        noun: "user",
        fields: &USER_DETAIL_FIELDS,
        columns: USER_COLUMNS,
    };

    /// The user's JSON, every key in its place, then `memberships`.
    fn to_json(&self) -> Value {
        let mut v = self.user.to_json();
        if let Value::Object(o) = &mut v {
            o.insert(
                "memberships".into(),
                Value::Array(self.memberships.iter().map(Membership::to_json).collect()),
            );
        }
        v
    }
}

/// A profile as another record names it: its id and slug, nothing counted. What media
/// needs of the profile an item belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRef {
    pub id: String,
    pub slug: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Profile {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub logo: Option<String>,
    pub color: String,
    pub member_limit: i64,
    /// How many pending, unexpired invitations the profile may have at once.
    pub invitation_limit: i64,
    pub metadata: JsonObject,
    pub created_at: String,
    pub updated_at: String,
    /// Derived: how many members the profile has.
    pub member_count: i64,
    /// Invitees must have a verified email to accept (better-auth's
    /// `requireEmailVerificationOnInvitation`).
    pub require_verified_email: bool,
    /// Derived, for a user actor only: whether that user may enter the profile.
    pub access: Option<bool>,
}

impl Record for Profile {
    const SHAPE: Shape = Shape {
        noun: "profile",
        fields: &[
            "id",
            "slug",
            "name",
            "logo",
            "color",
            "member_limit",
            "invitation_limit",
            "require_verified_email",
            "metadata",
            "member_count",
            "access",
            "created_at",
            "updated_at",
        ],
        columns: &[
            Column::whole("slug", 9),
            Column::text("name", 8),
            Column::whole("color", 2),
            Column::number("member_count", 6),
            Column::number("member_limit", 4),
            Column::number("invitation_limit", 3),
            Column::whole("access", 7),
        ],
    };

    /// Every column plus `member_count`, and `access` (last) when computed for a user actor.
    fn to_json(&self) -> Value {
        let mut v = json!({
            "id": self.id,
            "slug": self.slug,
            "name": self.name,
            "logo": self.logo,
            "color": self.color,
            "member_limit": self.member_limit,
            "invitation_limit": self.invitation_limit,
            "require_verified_email": self.require_verified_email,
            "metadata": self.metadata,
            "member_count": self.member_count,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let (Some(access), Some(obj)) = (self.access, v.as_object_mut()) {
            obj.insert("access".into(), access.into());
        }
        v
    }
}

/// The name of a profile role, held in `members.role` and `invitations.role`: a built-in
/// (`owner`, `admin`, `member`) or a custom one (README "Roles"). Always lower-case and of
/// the form `[a-z][a-z0-9_-]{0,31}`; the store only ever holds names that parse.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Role(String);

impl Role {
    /// The built-in profile roles, highest first.
    pub const BUILTIN: [&'static str; 3] = ["owner", "admin", "member"];

    pub fn owner() -> Role {
        Role("owner".into())
    }

    pub fn admin() -> Role {
        Role("admin".into())
    }

    pub fn member() -> Role {
        Role("member".into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_owner(&self) -> bool {
        self.0 == "owner"
    }

    /// A role name as given (any case): lower-cased, or None when it is not of the form
    /// `[a-z][a-z0-9_-]{0,31}`.
    pub fn parse(s: &str) -> Option<Role> {
        role_name(s).map(Role)
    }
}

/// A role name of either scope, as given (any case), lower-cased; None unless it has the
/// form `[a-z][a-z0-9_-]{0,31}`.
pub fn role_name(s: &str) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let mut chars = lower.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_lowercase());
    let rest_ok =
        chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-');
    (first_ok && rest_ok && lower.len() <= 32).then_some(lower)
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a role applies: `global` roles are held in `users.roles`, `profile` roles in a
/// membership (README "Roles").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]
pub enum Scope {
    Global,
    Profile,
}

impl Scope {
    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Global => "global",
            Scope::Profile => "profile",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        match s {
            "global" => Some(Scope::Global),
            "profile" => Some(Scope::Profile),
            _ => None,
        }
    }
}

/// A row of `roles`: what a role lets its holders do.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleDef {
    pub scope: Scope,
    pub name: String,
    /// Permission patterns (README "Permissions"), as stored.
    pub permissions: Vec<String>,
    pub description: Option<String>,
    pub builtin: bool,
    pub created_at: String,
    pub updated_at: String,
    /// Derived: how many hold it (users for a global role; members and pending invitations
    /// for a profile role). Filled by `role list` and `role show`.
    pub holders: Option<i64>,
    /// Derived: the events its patterns grant, for `role show`.
    pub events: Option<Vec<String>>,
}

impl Record for RoleDef {
    const SHAPE: Shape = Shape {
        noun: "role",
        fields: &[
            "scope",
            "name",
            "permissions",
            "description",
            "builtin",
            "holders",
            "events",
            "created_at",
            "updated_at",
        ],
        columns: &[
            Column::whole("scope", 8),
            Column::whole("name", 9),
            Column::text("permissions", 5),
            Column::whole("builtin", 3),
            Column::number("holders", 4),
            Column::text("description", 6),
        ],
    };

    fn to_json(&self) -> Value {
        let mut v = json!({
            "scope": self.scope.as_str(),
            "name": self.name,
            "permissions": self.permissions,
            "description": self.description,
            "builtin": self.builtin,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        });
        if let Some(obj) = v.as_object_mut() {
            if let Some(h) = self.holders {
                obj.insert("holders".into(), h.into());
            }
            if let Some(e) = &self.events {
                obj.insert("events".into(), json!(e));
            }
        }
        v
    }
}

/// A membership, with the user's and profile's names for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub id: String,
    pub profile_id: String,
    pub user_id: String,
    pub role: Role,
    pub created_at: String,
    pub updated_at: String,
    pub profile_slug: String,
    pub user_email: Option<String>,
    pub user_username: Option<String>,
    pub user_name: String,
}

impl Record for Member {
    const SHAPE: Shape = Shape {
        noun: "member",
        fields: &[
            "id",
            "profile_id",
            "profile",
            "user_id",
            "email",
            "username",
            "name",
            "role",
            "created_at",
            "updated_at",
        ],
        columns: &[
            Column::whole("email", 9),
            Column::whole("username", 6),
            Column::text("name", 7),
            Column::whole("role", 8),
            Column::whole("created_at", 4),
        ],
    };

    /// The membership, with the user's email, username and name and the profile's slug.
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "profile_id": self.profile_id,
            "profile": self.profile_slug,
            "user_id": self.user_id,
            "email": self.user_email,
            "username": self.user_username,
            "name": self.user_name,
            "role": self.role.as_str(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        })
    }
}

/// Also the command line's value of `invite list --status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InviteStatus {
    Pending,
    Accepted,
    Rejected,
    Canceled,
    Expired,
}

impl InviteStatus {
    pub const ALL: [&'static str; 5] = ["pending", "accepted", "rejected", "canceled", "expired"];

    pub fn as_str(self) -> &'static str {
        match self {
            InviteStatus::Pending => "pending",
            InviteStatus::Accepted => "accepted",
            InviteStatus::Rejected => "rejected",
            InviteStatus::Canceled => "canceled",
            InviteStatus::Expired => "expired",
        }
    }

    pub fn parse(s: &str) -> Option<InviteStatus> {
        match s.to_ascii_lowercase().as_str() {
            "pending" => Some(InviteStatus::Pending),
            "accepted" => Some(InviteStatus::Accepted),
            "rejected" => Some(InviteStatus::Rejected),
            "canceled" | "cancelled" => Some(InviteStatus::Canceled),
            "expired" => Some(InviteStatus::Expired),
            _ => None,
        }
    }
}

/// How an invitee answers an invitation (`invite accept`, `invite reject`). Which answers
/// an invitation still takes is the action's rule (`actions::invite::may_answer`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Accept,
    Reject,
}

impl Answer {
    pub fn verb(self) -> &'static str {
        match self {
            Answer::Accept => "accept",
            Answer::Reject => "reject",
        }
    }

    /// The field of an invitation's JSON that holds the command giving this answer.
    pub fn field(self) -> &'static str {
        match self {
            Answer::Accept => "accept_command",
            Answer::Reject => "reject_command",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub id: String,
    pub profile_id: String,
    pub profile_slug: String,
    /// Derived: the profile's name, for the invitee (who may not look the profile up).
    pub profile_name: String,
    pub email: String,
    pub role: Role,
    /// The stored status; see [`Invitation::effective_status`].
    pub status: InviteStatus,
    pub inviter_id: Option<String>,
    /// Derived: the inviting user's email (none when the operator sent it, the inviter was
    /// deleted, or has no email). The one field of the inviter an invitee is shown.
    pub inviter_email: Option<String>,
    pub expires_at: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Invitation {
    /// A pending invitation past its expiry is `expired` everywhere.
    pub fn effective_status(&self, now: &str) -> InviteStatus {
        if self.status == InviteStatus::Pending && self.expires_at.as_str() <= now {
            InviteStatus::Expired
        } else {
            self.status
        }
    }
}

impl Invitation {
    /// The command the invitee runs to give this answer.
    pub fn command(&self, answer: Answer) -> String {
        format!(
            "roster --as {} invite {} {}",
            self.email,
            answer.verb(),
            self.id
        )
    }

    /// The invitation as shown at `now`.
    pub fn at(self, now: &str) -> InvitationAt<'_> {
        InvitationAt {
            invitation: self,
            now,
            offer: None,
            member: None,
            delivery: None,
        }
    }

    /// The JSON shape, with the effective status at `now` (the audit log's too).
    pub fn to_json(&self, now: &str) -> Value {
        json_value(&self.shape_at(now))
    }

    /// The JSON shape at `now`, to serialize ([`InvitationShape`]).
    pub fn shape_at<'a>(&'a self, now: &'a str) -> InvitationShape<'a> {
        InvitationShape {
            invitation: self,
            now,
        }
    }
}

/// An invitation's JSON shape, with its effective status at `now`.
pub struct InvitationShape<'a> {
    invitation: &'a Invitation,
    now: &'a str,
}

impl Serialize for InvitationShape<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let i = self.invitation;
        let mut o = s.serialize_struct("Invitation", 12)?;
        o.serialize_field("id", &i.id)?;
        o.serialize_field("profile_id", &i.profile_id)?;
        o.serialize_field("profile", &i.profile_slug)?;
        o.serialize_field("profile_name", &i.profile_name)?;
        o.serialize_field("email", &i.email)?;
        o.serialize_field("role", i.role.as_str())?;
        o.serialize_field("status", i.effective_status(self.now).as_str())?;
        o.serialize_field("inviter_id", &i.inviter_id)?;
        o.serialize_field("inviter_email", &i.inviter_email)?;
        o.serialize_field("expires_at", &i.expires_at)?;
        o.serialize_field("created_at", &i.created_at)?;
        o.serialize_field("updated_at", &i.updated_at)?;
        o.end()
    }
}

/// An invitation as shown at one moment (its status is the effective one then), with what
/// a command adds for its reader: `offer`, the answer whose command the invitee may run
/// (`invite send`, `invite show`: `accept_command` while pending, `reject_command` once
/// expired, neither once answered), and `member`, the membership that accepting it made
/// (`invite accept`; a nested object, so in JSON only).
#[derive(Debug, Clone, PartialEq)]
pub struct InvitationAt<'a> {
    pub invitation: Invitation,
    pub now: &'a str,
    pub offer: Option<Answer>,
    pub member: Option<Member>,
    /// `invite send`: what became of the invitation's email (`delivery`: `sent`,
    /// `queued`, or null when none was queued); other commands leave the key out.
    pub delivery: Option<Option<MailStatus>>,
}

impl Record for InvitationAt<'_> {
    const SHAPE: Shape = Shape {
        noun: "invitation",
        fields: &[
            "id",
            "profile_id",
            "profile",
            "profile_name",
            "email",
            "role",
            "status",
            "inviter_id",
            "inviter_email",
            "expires_at",
            "created_at",
            "updated_at",
            "accept_command",
            "reject_command",
            "delivery",
        ],
        columns: &[
            Column::whole("id", 9),
            Column::whole("profile", 6),
            Column::whole("email", 8),
            Column::whole("role", 5),
            Column::whole("status", 7),
            Column::whole("expires_at", 4),
        ],
    };

    fn to_json(&self) -> Value {
        let mut v = self.invitation.to_json(self.now);
        if let Some(obj) = v.as_object_mut() {
            if let Some(answer) = self.offer {
                obj.insert(
                    answer.field().into(),
                    self.invitation.command(answer).into(),
                );
            }
            if let Some(member) = &self.member {
                obj.insert("member".into(), member.to_json());
            }
            if let Some(delivery) = self.delivery {
                obj.insert("delivery".into(), delivery.map(MailStatus::as_str).into());
            }
        }
        v
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaType {
    Movie,
    Show,
    Episode,
}

impl MediaType {
    pub const ALL: [&'static str; 3] = ["movie", "show", "episode"];

    pub fn as_str(self) -> &'static str {
        match self {
            MediaType::Movie => "movie",
            MediaType::Show => "show",
            MediaType::Episode => "episode",
        }
    }

    pub fn parse(s: &str) -> Option<MediaType> {
        match s.to_ascii_lowercase().as_str() {
            "movie" => Some(MediaType::Movie),
            "show" => Some(MediaType::Show),
            "episode" => Some(MediaType::Episode),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    pub id: String,
    pub profile_id: String,
    pub kind: MediaType,
    pub title: String,
    pub year: Option<i64>,
    pub tmdb_id: Option<i64>,
    pub imdb_id: Option<String>,
    pub infohash: Option<String>,
    pub file_path: Option<String>,
    pub parent_id: Option<String>,
    pub season_number: Option<i64>,
    pub episode_number: Option<i64>,
    pub status: String,
    pub added_by: Option<String>,
    pub added_at: String,
}

impl Record for Media {
    const SHAPE: Shape = Shape {
        noun: "media item",
        fields: &[
            "id",
            "profile_id",
            "type",
            "title",
            "year",
            "tmdb_id",
            "imdb_id",
            "infohash",
            "file_path",
            "parent_id",
            "season_number",
            "episode_number",
            "status",
            "added_by",
            "added_at",
        ],
        columns: &[
            Column::whole("id", 7),
            Column::whole("type", 6),
            Column::text("title", 9),
            Column::number("year", 5),
            Column::number("season_number", 3),
            Column::number("episode_number", 4),
            Column::whole("status", 2),
        ],
    };

    fn to_json(&self) -> Value {
        json_value(self)
    }
}

/// A media item's JSON shape: its columns.
impl Serialize for Media {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut o = s.serialize_struct("Media", 15)?;
        o.serialize_field("id", &self.id)?;
        o.serialize_field("profile_id", &self.profile_id)?;
        o.serialize_field("type", self.kind.as_str())?;
        o.serialize_field("title", &self.title)?;
        o.serialize_field("year", &self.year)?;
        o.serialize_field("tmdb_id", &self.tmdb_id)?;
        o.serialize_field("imdb_id", &self.imdb_id)?;
        o.serialize_field("infohash", &self.infohash)?;
        o.serialize_field("file_path", &self.file_path)?;
        o.serialize_field("parent_id", &self.parent_id)?;
        o.serialize_field("season_number", &self.season_number)?;
        o.serialize_field("episode_number", &self.episode_number)?;
        o.serialize_field("status", &self.status)?;
        o.serialize_field("added_by", &self.added_by)?;
        o.serialize_field("added_at", &self.added_at)?;
        o.end()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    pub seq: i64,
    pub at: String,
    pub actor: String,
    pub event: String,
    pub subject: String,
    pub data: String,
    pub source: String,
    pub prev_hash: String,
    pub hash: String,
    /// The hash is a keyed MAC under the audit key (`ROSTER_AUDIT_KEY_FILE`), not a plain
    /// BLAKE2b-256 hash.
    pub keyed: bool,
}

impl Record for AuditEntry {
    const SHAPE: Shape = Shape {
        noun: "audit row",
        fields: &[
            "seq",
            "at",
            "actor",
            "event",
            "subject",
            "data",
            "source",
            "prev_hash",
            "hash",
            "keyed",
        ],
        columns: &[
            Column::number("seq", 9),
            Column::whole("at", 7),
            Column::whole("actor", 6),
            Column::whole("event", 8),
            Column::whole("subject", 5),
            Column::text("source", 3),
        ],
    };

    /// Every column, `data` as the JSON it holds (as text if it is not JSON).
    fn to_json(&self) -> Value {
        let data: Value =
            serde_json::from_str(&self.data).unwrap_or(Value::String(self.data.clone()));
        json!({
            "seq": self.seq,
            "at": self.at,
            "actor": self.actor,
            "event": self.event,
            "subject": self.subject,
            "data": data,
            "source": self.source,
            "prev_hash": self.prev_hash,
            "hash": self.hash,
            "keyed": self.keyed,
        })
    }
}

/// Where a session came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionOrigin {
    /// `roster login`: the password was verified.
    Login,
    /// `roster session issue`: a global admin issued it without a password.
    Issued,
    /// A `session-create` seed event.
    Seed,
}

impl SessionOrigin {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionOrigin::Login => "login",
            SessionOrigin::Issued => "issued",
            SessionOrigin::Seed => "seed",
        }
    }

    pub fn parse(s: &str) -> Option<SessionOrigin> {
        match s {
            "login" => Some(SessionOrigin::Login),
            "issued" => Some(SessionOrigin::Issued),
            "seed" => Some(SessionOrigin::Seed),
            _ => None,
        }
    }
}

/// A row of `sessions`, without its token hash (which never leaves the store), with the
/// user's and the active profile's names for display.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub id: String,
    pub user_id: String,
    /// Derived: the user's email, else username, else id.
    pub user: String,
    pub active_profile_id: Option<String>,
    /// Derived: the active profile's slug.
    pub active_profile: Option<String>,
    /// The user's global roles when the session began.
    pub roles: Vec<String>,
    pub origin: SessionOrigin,
    pub user_agent: Option<String>,
    pub ip: Option<String>,
    pub created_at: String,
    pub expires_at: String,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
}

impl Session {
    /// `live`, `expired` or `revoked` at `now`.
    pub fn status(&self, now: &str) -> &'static str {
        if self.revoked_at.is_some() {
            "revoked"
        } else if self.expires_at.as_str() <= now {
            "expired"
        } else {
            "live"
        }
    }

    /// The session as shown at `now` (its status is the one then).
    pub fn at(self, now: &str) -> SessionAt<'_> {
        SessionAt {
            session: self,
            now,
            stale: None,
            may: None,
        }
    }
}

/// A session as shown at one moment, with what `session show` adds: whether its roles
/// snapshot still matches the user's (`stale`), and what it may do in its active profile.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionAt<'a> {
    pub session: Session,
    pub now: &'a str,
    pub stale: Option<bool>,
    pub may: Option<Vec<String>>,
}

impl Record for SessionAt<'_> {
    const SHAPE: Shape = Shape {
        noun: "session",
        fields: &[
            "id",
            "user_id",
            "user",
            "status",
            "active_profile_id",
            "active_profile",
            "roles",
            "stale",
            "may",
            "origin",
            "user_agent",
            "ip",
            "created_at",
            "expires_at",
            "last_used_at",
            "revoked_at",
        ],
        columns: &[
            Column::whole("id", 9),
            Column::whole("user", 8),
            Column::whole("status", 7),
            Column::whole("active_profile", 5),
            Column::whole("origin", 3),
            Column::whole("created_at", 4),
            Column::whole("expires_at", 6),
        ],
    };

    /// Every column but the token hash, with the status at `now`.
    fn to_json(&self) -> Value {
        let s = &self.session;
        let mut v = json!({
            "id": s.id,
            "user_id": s.user_id,
            "user": s.user,
            "status": s.status(self.now),
            "active_profile_id": s.active_profile_id,
            "active_profile": s.active_profile,
            "roles": s.roles,
            "origin": s.origin.as_str(),
            "user_agent": s.user_agent,
            "ip": s.ip,
            "created_at": s.created_at,
            "expires_at": s.expires_at,
            "last_used_at": s.last_used_at,
            "revoked_at": s.revoked_at,
        });
        if let Some(obj) = v.as_object_mut() {
            if let Some(stale) = self.stale {
                obj.insert("stale".into(), stale.into());
            }
            if let Some(may) = &self.may {
                obj.insert("may".into(), json!(may));
            }
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{assert_shape, assert_shape_of_all};

    fn invitation() -> Invitation {
        Invitation {
            id: "i".into(),
            profile_id: "p".into(),
            profile_slug: "p".into(),
            profile_name: "P".into(),
            email: "a@b.co".into(),
            role: Role::member(),
            status: InviteStatus::Pending,
            inviter_id: Some("u".into()),
            inviter_email: Some("ann@b.co".into()),
            expires_at: "2026-01-01T00:00:00.000Z".into(),
            created_at: String::new(),
            updated_at: String::new(),
        }
    }

    fn user() -> User {
        User {
            id: "u".into(),
            email: None,
            username: None,
            phone: None,
            name: "Ann".into(),
            image: None,
            kind: "person".into(),
            roles: vec![],
            tags: vec![],
            metadata: JsonObject::new(),
            active: true,
            password_hash: Some("$argon2id$secret".into()),
            created_at: String::new(),
            updated_at: String::new(),
            email_verified_at: None,
            phone_verified_at: None,
        }
    }

    fn member() -> Member {
        Member {
            id: "m".into(),
            profile_id: "p".into(),
            user_id: "u".into(),
            role: Role::admin(),
            created_at: String::new(),
            updated_at: String::new(),
            profile_slug: "p".into(),
            user_email: None,
            user_username: None,
            user_name: "Ann".into(),
        }
    }

    #[test]
    fn every_field_of_a_shape_is_in_its_json() {
        assert_shape(&user(), &[]);
        assert_shape(
            &Profile {
                id: "p".into(),
                slug: "p".into(),
                name: "P".into(),
                logo: None,
                color: "#6366F1".into(),
                member_limit: 100,
                invitation_limit: 100,
                metadata: JsonObject::new(),
                created_at: String::new(),
                updated_at: String::new(),
                member_count: 1,
                require_verified_email: false,
                access: Some(true),
            },
            &[],
        );
        assert_shape(&member(), &[]);
        let accept = InvitationAt {
            offer: Some(Answer::Accept),
            member: Some(member()),
            ..invitation().at("2026-01-02T00:00:00.000Z")
        };
        let reject = InvitationAt {
            offer: Some(Answer::Reject),
            delivery: Some(Some(MailStatus::Sent)),
            ..accept.clone()
        };
        assert_shape_of_all(&[&accept, &reject], &["member"]);
        assert_shape(
            &OutboxMessage {
                id: "o".into(),
                invitation_id: "i".into(),
                recipient: "dan@example.com".into(),
                subject: "s".into(),
                body_text: "t".into(),
                body_html: "h".into(),
                status: MailStatus::Failed,
                attempts: 5,
                last_error: Some("refused".into()),
                next_attempt_at: String::new(),
                claimed_until: None,
                created_at: String::new(),
                sent_at: Some(String::new()),
            },
            &[],
        );
        assert_shape(
            &Media {
                id: "m".into(),
                profile_id: "p".into(),
                kind: MediaType::Movie,
                title: "T".into(),
                year: None,
                tmdb_id: None,
                imdb_id: None,
                infohash: None,
                file_path: None,
                parent_id: None,
                season_number: None,
                episode_number: None,
                status: "available".into(),
                added_by: None,
                added_at: String::new(),
            },
            &[],
        );
        assert_shape(
            &AuditEntry {
                seq: 1,
                at: String::new(),
                actor: "operator:op".into(),
                event: "user-create".into(),
                subject: "u".into(),
                data: "{}".into(),
                source: "cli".into(),
                prev_hash: String::new(),
                hash: String::new(),
                keyed: false,
            },
            &[],
        );
    }

    #[test]
    fn no_json_holds_a_password_hash() {
        let u = user();
        assert!(!u.to_json().to_string().contains("secret"));
    }

    #[test]
    fn timestamps_have_milliseconds_and_z() {
        let t = parse_timestamp("2026-11-21T19:52:55.453Z").unwrap();
        assert_eq!(timestamp(t), "2026-11-21T19:52:55.453Z");
        let t = parse_timestamp("2026-11-21T20:52:55+01:00").unwrap();
        assert_eq!(timestamp(t), "2026-11-21T19:52:55.000Z");
    }

    #[test]
    fn ids_are_uuid_v7_and_v4() {
        let a = uuid::Uuid::parse_str(&new_id()).unwrap();
        assert_eq!(a.get_version_num(), 7);
        let b = uuid::Uuid::parse_str(&new_secret_id()).unwrap();
        assert_eq!(b.get_version_num(), 4);
    }

    #[test]
    fn a_lapsed_pending_invitation_is_expired() {
        let mut i = Invitation {
            id: "i".into(),
            profile_id: "p".into(),
            profile_slug: "p".into(),
            profile_name: "P".into(),
            email: "a@b.co".into(),
            role: Role::member(),
            status: InviteStatus::Pending,
            inviter_id: Some("u".into()),
            inviter_email: Some("ann@b.co".into()),
            expires_at: "2026-01-01T00:00:00.000Z".into(),
            created_at: String::new(),
            updated_at: String::new(),
        };
        assert_eq!(
            i.effective_status("2026-01-02T00:00:00.000Z"),
            InviteStatus::Expired
        );
        assert_eq!(
            i.effective_status("2025-12-31T00:00:00.000Z"),
            InviteStatus::Pending
        );
        i.status = InviteStatus::Accepted;
        assert_eq!(
            i.effective_status("2026-01-02T00:00:00.000Z"),
            InviteStatus::Accepted
        );
    }
}

/// Where an outbox message stands (README "Mail").
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum MailStatus {
    /// Waiting to be delivered (again, after a failed attempt, once it is due).
    Queued,
    Sent,
    /// Every attempt failed: only `mail deliver --all` tries it again.
    Failed,
}

impl MailStatus {
    pub const ALL: [&'static str; 3] = ["queued", "sent", "failed"];

    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Queued => "queued",
            MailStatus::Sent => "sent",
            MailStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<MailStatus> {
        match s {
            "queued" => Some(MailStatus::Queued),
            "sent" => Some(MailStatus::Sent),
            "failed" => Some(MailStatus::Failed),
            _ => None,
        }
    }
}

/// An invitation email in the outbox (a transactional outbox: written with the
/// invitation, delivered after commit).
#[derive(Debug, Clone, PartialEq)]
pub struct OutboxMessage {
    pub id: String,
    pub invitation_id: String,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub status: MailStatus,
    /// Delivery attempts begun (a claim counts one).
    pub attempts: i64,
    pub last_error: Option<String>,
    /// When `mail deliver` may try it (again).
    pub next_attempt_at: String,
    /// A deliverer holds it until then (so that two never send it twice); null when none.
    pub claimed_until: Option<String>,
    pub created_at: String,
    pub sent_at: Option<String>,
}

impl Record for OutboxMessage {
    const SHAPE: Shape = Shape {
        noun: "message",
        fields: &[
            "id",
            "invitation_id",
            "recipient",
            "subject",
            "status",
            "attempts",
            "last_error",
            "next_attempt_at",
            "created_at",
            "sent_at",
        ],
        columns: &[
            Column::whole("id", 9),
            Column::whole("recipient", 8),
            Column::whole("status", 7),
            Column::number("attempts", 4),
            Column::whole("created_at", 5),
            Column::whole("sent_at", 6),
        ],
    };

    /// The message without its bodies (they are long; they are in the table for whoever
    /// needs them).
    fn to_json(&self) -> Value {
        json!({
            "id": self.id,
            "invitation_id": self.invitation_id,
            "recipient": self.recipient,
            "subject": self.subject,
            "status": self.status.as_str(),
            "attempts": self.attempts,
            "last_error": self.last_error,
            "next_attempt_at": self.next_attempt_at,
            "created_at": self.created_at,
            "sent_at": self.sent_at,
        })
    }
}
