//! Typed seed events: a [`RawEvent`] checked for shape (known event, known fields, right
//! types, valid values, `${env:…}` substituted) and turned into the input of the action of
//! the same name. Nothing here touches the database.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::scan::{Field, Pos, RawEvent};
use crate::actions::invite::{Lifetime, NewInvite, one_email_per_id};
use crate::actions::media::NewMedia;
use crate::actions::profile::{NewProfile, ProfileChanges};
use crate::actions::user::{NewUser, UserChanges};
use crate::actions::{clearable, nearest, validate};
use crate::model::{InviteStatus, Role};
use crate::password;

/// A shape error: where, which event, which field, what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShapeError {
    pub pos: Pos,
    pub message: String,
}

/// Every event a seed may hold, with the fields its `data` accepts.
pub const EVENTS: &[(&str, &[&str])] = &[
    (
        "user-create",
        &[
            "id",
            "email",
            "username",
            "phone",
            "name",
            "image",
            "type",
            "role",
            "roles",
            "tag",
            "tags",
            "metadata",
            "active",
            "password",
            "password_hash",
            "if_not_exists",
        ],
    ),
    (
        "user-update",
        &[
            "user", "name", "image", "tag", "tags", "metadata", "email", "username", "phone",
            "type",
        ],
    ),
    ("user-grant", &["user", "role", "roles"]),
    ("user-revoke", &["user", "role", "roles"]),
    (
        "profile-create",
        &[
            "id",
            "slug",
            "name",
            "logo",
            "color",
            "member_limit",
            "metadata",
            "if_not_exists",
        ],
    ),
    (
        "profile-update",
        &[
            "profile",
            "name",
            "slug",
            "logo",
            "color",
            "member_limit",
            "metadata",
        ],
    ),
    (
        "member-add",
        &["profile", "user", "users", "role", "if_not_exists"],
    ),
    ("member-role", &["profile", "user", "role"]),
    ("member-remove", &["profile", "user", "users"]),
    (
        "invite-send",
        &[
            "profile",
            "email",
            "emails",
            "role",
            "expires_in",
            "resend",
            "id",
            "status",
            "expires_at",
            "inviter",
        ],
    ),
    ("invite-accept", &["id"]),
    ("invite-reject", &["id"]),
    ("invite-cancel", &["id"]),
    (
        "media-add",
        &[
            "profile",
            "id",
            "type",
            "title",
            "year",
            "tmdb_id",
            "imdb_id",
            "infohash",
            "path",
            "parent",
            "season",
            "episode",
            "status",
            "added_by",
            "if_not_exists",
        ],
    ),
    ("media-remove", &["profile", "id"]),
];

/// A plain-text password waiting to be hashed before the write transaction.
#[derive(Debug, Clone, PartialEq)]
pub struct PlainPassword {
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    UserCreate(Box<NewUser>, Option<PlainPassword>),
    UserUpdate {
        user: String,
        changes: UserChanges,
    },
    UserGrant {
        user: String,
        roles: Vec<String>,
    },
    UserRevoke {
        user: String,
        roles: Vec<String>,
    },
    ProfileCreate(NewProfile),
    ProfileUpdate {
        profile: String,
        changes: ProfileChanges,
    },
    MemberAdd {
        profile: String,
        users: Vec<String>,
        role: Role,
    },
    MemberRole {
        profile: String,
        user: String,
        role: Role,
    },
    MemberRemove {
        profile: String,
        users: Vec<String>,
    },
    InviteSend {
        profile: String,
        invites: Vec<NewInvite>,
        resend: bool,
    },
    InviteAccept {
        id: String,
    },
    InviteReject {
        id: String,
    },
    InviteCancel {
        id: String,
    },
    MediaAdd {
        profile: String,
        input: Box<NewMedia>,
    },
    MediaRemove {
        profile: String,
        id: String,
    },
}

/// A checked event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// 1-based position in the seed (across all files).
    pub index: usize,
    pub name: &'static str,
    pub pos: Pos,
    pub as_user: Option<String>,
    pub op: Op,
}

/// Reads fields of one event's data, collecting every problem instead of stopping.
struct Data<'a> {
    fields: &'a [Field],
    event_pos: Pos,
    errors: Vec<ShapeError>,
    /// Run the inputs' own validation (the first pass); see [`Data::valid`].
    validate: bool,
}

impl<'a> Data<'a> {
    fn field(&self, key: &str) -> Option<&'a Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    fn push(&mut self, pos: Pos, message: String) {
        self.errors.push(ShapeError { pos, message });
    }

    fn wrong_type(&mut self, f: &Field, want: &str) {
        // A value already refused as written (an integer beyond 64 bits) is not reported
        // again for the type serde_json gave it.
        if self.errors.iter().any(|e| e.pos == f.value_pos) {
            return;
        }
        let got = match &f.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        self.push(
            f.value_pos,
            format!("{}: expected {want}, found {got}", f.key),
        );
    }

    fn string(&mut self, key: &str) -> Option<String> {
        let f = self.field(key)?;
        match &f.value {
            Value::String(s) => Some(s.clone()),
            Value::Null => None,
            _ => {
                self.wrong_type(f, "a string");
                None
            }
        }
    }

    fn required(&mut self, key: &str) -> String {
        match self.field(key) {
            Some(_) => self.string(key).unwrap_or_default(),
            None => {
                let pos = self.event_pos;
                self.push(pos, format!("{key}: required"));
                String::new()
            }
        }
    }

    fn int(&mut self, key: &str) -> Option<i64> {
        let f = self.field(key)?;
        match &f.value {
            Value::Number(n) if n.as_i64().is_some() => n.as_i64(),
            Value::Null => None,
            _ => {
                self.wrong_type(f, "an integer");
                None
            }
        }
    }

    fn boolean(&mut self, key: &str) -> Option<bool> {
        let f = self.field(key)?;
        match &f.value {
            Value::Bool(b) => Some(*b),
            Value::Null => None,
            _ => {
                self.wrong_type(f, "true or false");
                None
            }
        }
    }

    /// A string or an array of strings, under either of two keys (`role`/`roles`).
    fn strings(&mut self, one: &str, many: &str) -> Option<Vec<String>> {
        let mut out: Option<Vec<String>> = None;
        for key in [one, many] {
            let Some(f) = self.field(key) else { continue };
            match &f.value {
                Value::String(s) => out.get_or_insert_with(Vec::new).push(s.clone()),
                Value::Array(items) if items.iter().all(Value::is_string) => out
                    .get_or_insert_with(Vec::new)
                    .extend(items.iter().filter_map(|v| v.as_str().map(str::to_string))),
                Value::Null => {}
                _ => self.wrong_type(f, "a string or an array of strings"),
            }
        }
        out
    }

    fn object(&mut self, key: &str) -> Option<crate::model::JsonObject> {
        let f = self.field(key)?;
        match validate::metadata(f.value.clone()) {
            Ok(o) => Some(o),
            Err(e) => {
                self.push(f.value_pos, e.message);
                None
            }
        }
    }

    fn role(&mut self, key: &str) -> Role {
        match self.string(key) {
            None => Role::Member,
            Some(r) => Role::parse(&r).unwrap_or_else(|| {
                let pos = self.field(key).map_or(self.event_pos, |f| f.value_pos);
                self.push(pos, format!("{key} {r:?}: must be owner, admin or member"));
                Role::Member
            }),
        }
    }

    /// Files a validation error at the field its message names (`email "x": …`), else at
    /// the event.
    /// A field already reported (a wrong type, an unset variable) is not reported again
    /// for the placeholder value that stood in for it (`name "": must not be empty`).
    fn invalid(&mut self, e: crate::error::Error) {
        let first = e.message.split([' ', ':']).next().unwrap_or("");
        let pos = self.field(first).map_or(self.event_pos, |f| f.value_pos);
        if self.field(first).is_some() && self.errors.iter().any(|x| x.pos == pos) {
            return;
        }
        let mut message = e.message;
        for h in e.hints {
            message.push_str(&format!(" (hint: {h})"));
        }
        self.push(pos, message);
    }

    /// Validates with `f` in the first pass; the second pass builds the input only (the
    /// action validates it again anyway).
    fn valid<T>(&mut self, v: T, f: impl FnOnce(T) -> crate::error::Result<T>) -> Option<T> {
        if self.validate {
            self.check(f(v))
        } else {
            Some(v)
        }
    }

    fn check<T>(&mut self, r: crate::error::Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.invalid(e);
                None
            }
        }
    }
}

/// Writes `v` so that [`substitute`] reads it back unchanged: every string holding `${env:`
/// (a value, or a key of an object) has each `$` doubled. Used by `roster export`, whose
/// values are data, never references to the environment of whoever seeds the export.
pub fn escape(v: &mut Value) {
    match v {
        Value::String(s) if s.contains("${env:") => *s = s.replace('$', "$$"),
        Value::Array(items) => items.iter_mut().for_each(escape),
        Value::Object(map) => {
            map.values_mut().for_each(escape);
            if map.keys().any(|k| k.contains("${env:")) {
                // Doubling is one-to-one and keeps `${env:` in the key, so no two keys meet.
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| {
                        if k.contains("${env:") {
                            (k.replace('$', "$$"), v)
                        } else {
                            (k, v)
                        }
                    })
                    .collect();
            }
        }
        _ => {}
    }
}

/// Replaces `${env:NAME}` and `${env:NAME:-default}` in every string of `v`: values, and
/// the keys of objects (in the same order; a key that becomes another key of the same
/// object is refused).
pub fn substitute(v: &mut Value, env: &dyn Fn(&str) -> Option<String>) -> Result<(), String> {
    match v {
        Value::String(s) if s.contains("${env:") => {
            *s = substitute_str(s, env)?;
            Ok(())
        }
        Value::Array(items) => items.iter_mut().try_for_each(|i| substitute(i, env)),
        Value::Object(map) => {
            map.values_mut().try_for_each(|i| substitute(i, env))?;
            if !map.keys().any(|k| k.contains("${env:")) {
                return Ok(());
            }
            let mut out = serde_json::Map::with_capacity(map.len());
            for (k, v) in std::mem::take(map) {
                let key = if k.contains("${env:") {
                    substitute_str(&k, env).map_err(|e| format!("key {k:?}: {e}"))?
                } else {
                    k
                };
                if out.contains_key(&key) {
                    return Err(format!(
                        "key {key:?} is given twice once ${{env:…}} is read"
                    ));
                }
                out.insert(key, v);
            }
            *map = out;
            Ok(())
        }
        _ => Ok(()),
    }
}

/// In a string that holds `${env:`, `$$` stands for one literal `$`, so that a value
/// which itself reads `${env:X}` can be written (`$${env:X}`): `roster export` writes such
/// values that way (see [`escape`]). Strings without `${env:` are left exactly as written.
fn substitute_str(s: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<String, String> {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(start) = rest.find('$') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix("$$") {
            out.push('$');
            rest = after;
            continue;
        }
        let Some(after) = rest.strip_prefix("${env:") else {
            out.push('$');
            rest = &rest[1..];
            continue;
        };
        let Some(end) = after.find('}') else {
            return Err(format!("unterminated ${{env:…}} in {s:?}"));
        };
        let spec = &after[..end];
        let (name, default) = match spec.split_once(":-") {
            Some((n, d)) => (n, Some(d)),
            None => (spec, None),
        };
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!("${{env:{spec}}}: {name:?} is not a variable name"));
        }
        // As in the shell and docker compose, `:-` also stands in for a variable that is
        // set but empty.
        match (env(name), default) {
            (Some(v), Some(d)) if v.is_empty() => out.push_str(d),
            (Some(v), _) => out.push_str(&v),
            (None, Some(d)) => out.push_str(d),
            (None, None) => {
                return Err(format!(
                    "environment variable {name} is not set (write ${{env:{name}:-default}} to give a default)"
                ));
            }
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Checks one raw event and builds its typed form, or returns every problem found in it.
/// `validate`: also run each input's validation (pass one); pass two, whose events were
/// all checked already, only builds them, and the action validates again.
pub fn check(
    raw: RawEvent,
    index: usize,
    now: DateTime<Utc>,
    env: &dyn Fn(&str) -> Option<String>,
    validate: bool,
) -> Result<Event, Vec<ShapeError>> {
    let mut errors: Vec<ShapeError> = raw
        .problems
        .iter()
        .map(|p| ShapeError {
            pos: p.pos,
            message: p.message.clone(),
        })
        .collect();
    let mut name_pos = raw.pos;
    let mut as_user = None;
    let mut event_name: Option<String> = None;
    for (i, f) in raw.top.iter().enumerate() {
        // As JSON readers differ on which of two values of one key wins, a key given twice
        // is refused, and only its first value is read (for the other errors).
        if raw.top[..i].iter().any(|g| g.key == f.key) {
            errors.push(ShapeError {
                pos: f.key_pos,
                message: format!("key {:?} is given twice in the event", f.key),
            });
            continue;
        }
        match f.key.as_str() {
            "event" => {
                name_pos = f.value_pos;
                match &f.value {
                    Value::String(s) => event_name = Some(s.clone()),
                    _ => errors.push(ShapeError {
                        pos: f.value_pos,
                        message: "event: expected the event name as a string".into(),
                    }),
                }
            }
            "as" => {
                let mut v = f.value.clone();
                match substitute(&mut v, env) {
                    Err(e) => errors.push(ShapeError {
                        pos: f.value_pos,
                        message: format!("as: {e}"),
                    }),
                    Ok(()) => match v {
                        Value::String(s) => as_user = Some(s),
                        Value::Null => {}
                        _ => errors.push(ShapeError {
                            pos: f.value_pos,
                            message: "as: expected a user (id, email or username) as a string"
                                .into(),
                        }),
                    },
                }
            }
            "data" => {
                if raw.data.is_none() {
                    errors.push(ShapeError {
                        pos: f.value_pos,
                        message: "data: expected an object".into(),
                    });
                }
            }
            other => {
                let top = ["event".to_string(), "data".to_string(), "as".to_string()];
                let hint = nearest(other, &top)
                    .map(|n| format!("; did you mean {n:?}?"))
                    .unwrap_or_default();
                errors.push(ShapeError {
                    pos: f.key_pos,
                    message: format!("unknown key {other:?} in the event (expected \"event\", \"data\" and \"as\"){hint}"),
                });
            }
        }
    }
    let Some(given) = event_name else {
        if raw.top("event").is_none() {
            errors.push(ShapeError {
                pos: raw.pos,
                message: "event: required (such as \"user-create\")".into(),
            });
        }
        return Err(errors);
    };
    let Some(&(name, allowed)) = EVENTS.iter().find(|(n, _)| *n == given) else {
        let names: Vec<String> = EVENTS.iter().map(|(n, _)| n.to_string()).collect();
        let hint = match nearest(&given, &names) {
            Some(n) => format!("; did you mean {n:?}?"),
            None => format!("; known events: {}", names.join(", ")),
        };
        errors.push(ShapeError {
            pos: name_pos,
            message: format!("unknown event {given:?}{hint}"),
        });
        return Err(errors);
    };

    let event_pos = raw.pos;
    let mut fields: Vec<Field> = raw.data.unwrap_or_default();
    for (i, f) in fields.iter().enumerate() {
        if fields[..i].iter().any(|g| g.key == f.key) {
            errors.push(ShapeError {
                pos: f.key_pos,
                message: format!("field {:?} is given twice", f.key),
            });
        }
    }
    for f in &mut fields {
        if let Err(e) = substitute(&mut f.value, env) {
            errors.push(ShapeError {
                pos: f.value_pos,
                message: format!("{}: {e}", f.key),
            });
        }
        if !allowed.contains(&f.key.as_str()) {
            let known: Vec<String> = allowed.iter().map(|s| s.to_string()).collect();
            let hint = match nearest(&f.key, &known) {
                Some(n) => format!("; did you mean {n:?}?"),
                None => format!("; {name} takes {}", allowed.join(", ")),
            };
            errors.push(ShapeError {
                pos: f.key_pos,
                message: format!("unknown field {:?}{hint}", f.key),
            });
        }
    }
    let mut d = Data {
        fields: &fields,
        event_pos,
        errors,
        validate,
    };
    let op = build(name, &mut d, now);
    if d.errors.is_empty() {
        match op {
            Some(op) => Ok(Event {
                index,
                name,
                pos: event_pos,
                as_user,
                op,
            }),
            None => Err(vec![ShapeError {
                pos: event_pos,
                message: "invalid event".into(),
            }]),
        }
    } else {
        Err(d.errors)
    }
}

fn build(name: &str, d: &mut Data<'_>, now: DateTime<Utc>) -> Option<Op> {
    match name {
        "user-create" => {
            let plain = d.string("password");
            let input = NewUser {
                id: d.string("id"),
                email: d.string("email"),
                username: d.string("username"),
                phone: d.string("phone"),
                name: Some(d.required("name")),
                image: d.string("image"),
                kind: d.string("type"),
                roles: d.strings("role", "roles").unwrap_or_default(),
                tags: d.strings("tag", "tags"),
                metadata: d.object("metadata"),
                active: d.boolean("active"),
                password_hash: d.string("password_hash"),
            };
            d.boolean("if_not_exists");
            if plain.is_some() && input.password_hash.is_some() {
                let pos = d.field("password").map_or(d.event_pos, |f| f.key_pos);
                d.push(
                    pos,
                    "password: give either password or password_hash, not both".into(),
                );
            }
            if let Some(p) = &plain
                && let Err(e) = password::validate(p)
            {
                let pos = d.field("password").map_or(d.event_pos, |f| f.value_pos);
                d.push(pos, e.message);
            }
            let input = d.valid(input, NewUser::validated)?;
            Some(Op::UserCreate(
                Box::new(input),
                plain.map(|text| PlainPassword { text }),
            ))
        }
        "user-update" => {
            let user = d.required("user");
            let changes = UserChanges {
                name: d.string("name"),
                image: clearable(d.string("image")),
                tags: d.strings("tag", "tags"),
                metadata: d.object("metadata"),
                email: clearable(d.string("email")),
                username: clearable(d.string("username")),
                phone: clearable(d.string("phone")),
                kind: d.string("type"),
            };
            let changes = d.valid(changes, UserChanges::validated)?;
            Some(Op::UserUpdate { user, changes })
        }
        "user-grant" | "user-revoke" => {
            let user = d.required("user");
            let roles = d.strings("role", "roles").unwrap_or_default();
            if roles.is_empty() {
                let pos = d.event_pos;
                d.push(pos, "roles: at least one role is required".into());
            }
            let roles = d.check(validate::words("role", &roles))?;
            Some(if name == "user-grant" {
                Op::UserGrant { user, roles }
            } else {
                Op::UserRevoke { user, roles }
            })
        }
        "profile-create" => {
            let input = NewProfile {
                id: d.string("id"),
                slug: d.string("slug"),
                name: Some(d.required("name")),
                logo: d.string("logo"),
                color: d.string("color"),
                member_limit: d.int("member_limit"),
                metadata: d.object("metadata"),
            };
            d.boolean("if_not_exists");
            let input = d.valid(input, NewProfile::validated)?;
            Some(Op::ProfileCreate(input))
        }
        "profile-update" => {
            let profile = d.required("profile");
            let changes = ProfileChanges {
                name: d.string("name"),
                slug: d.string("slug"),
                logo: clearable(d.string("logo")),
                color: d.string("color"),
                member_limit: d.int("member_limit"),
                metadata: d.object("metadata"),
            };
            let changes = d.valid(changes, ProfileChanges::validated)?;
            Some(Op::ProfileUpdate { profile, changes })
        }
        "member-add" | "member-remove" => {
            let profile = d.required("profile");
            let users = d.strings("user", "users").unwrap_or_default();
            if users.is_empty() {
                let pos = d.event_pos;
                d.push(pos, "user: required (or users, an array)".into());
            }
            if name == "member-add" {
                let role = d.role("role");
                d.boolean("if_not_exists");
                Some(Op::MemberAdd {
                    profile,
                    users,
                    role,
                })
            } else {
                Some(Op::MemberRemove { profile, users })
            }
        }
        "member-role" => {
            let profile = d.required("profile");
            let user = d.required("user");
            if d.field("role").is_none() {
                let pos = d.event_pos;
                d.push(pos, "role: required (owner, admin or member)".into());
            }
            let role = d.role("role");
            Some(Op::MemberRole {
                profile,
                user,
                role,
            })
        }
        "invite-send" => {
            let profile = d.required("profile");
            let emails = d.strings("email", "emails").unwrap_or_default();
            if emails.is_empty() {
                let pos = d.event_pos;
                d.push(pos, "email: required (or emails, an array)".into());
            }
            let role = d.role("role");
            let text = d.string("expires_in");
            let expires_in = d.check(Lifetime::parse("expires_in", text.as_deref()))?;
            let resend = d.boolean("resend").unwrap_or(false);
            let id = d.string("id");
            if let Err(e) = one_email_per_id(id.as_deref(), emails.len()) {
                let pos = d.event_pos;
                d.push(pos, e.message);
            }
            let status = match d.string("status") {
                None => None,
                Some(s) => match InviteStatus::parse(&s) {
                    Some(st) => Some(st),
                    None => {
                        let pos = d.field("status").map_or(d.event_pos, |f| f.value_pos);
                        d.push(
                            pos,
                            format!(
                                "status {s:?}: must be one of {}",
                                InviteStatus::ALL.join(", ")
                            ),
                        );
                        None
                    }
                },
            };
            let expires_at = match d.string("expires_at") {
                None => None,
                Some(t) => match crate::model::parse_timestamp(&t) {
                    Some(t) => Some(crate::model::timestamp(t)),
                    None => {
                        let pos = d.field("expires_at").map_or(d.event_pos, |f| f.value_pos);
                        d.push(pos, format!("expires_at {t:?}: not an RFC 3339 time"));
                        None
                    }
                },
            };
            let inviter = d.string("inviter");
            let mut invites = Vec::with_capacity(emails.len());
            for email in emails {
                let input = NewInvite {
                    id: id.clone(),
                    email,
                    role,
                    expires_in,
                    restore: crate::actions::invite::Restore {
                        status,
                        expires_at: expires_at.clone(),
                        inviter: inviter.clone(),
                    },
                };
                invites.push(d.valid(input, NewInvite::validated)?);
            }
            Some(Op::InviteSend {
                profile,
                invites,
                resend,
            })
        }
        "invite-accept" => Some(Op::InviteAccept {
            id: d.required("id"),
        }),
        "invite-reject" => Some(Op::InviteReject {
            id: d.required("id"),
        }),
        "invite-cancel" => Some(Op::InviteCancel {
            id: d.required("id"),
        }),
        "media-add" => {
            let profile = d.required("profile");
            let input = NewMedia {
                id: d.string("id"),
                kind: Some(d.required("type")),
                title: Some(d.required("title")),
                year: d.int("year"),
                tmdb_id: d.int("tmdb_id"),
                imdb_id: d.string("imdb_id"),
                infohash: d.string("infohash"),
                path: d.string("path"),
                parent: d.string("parent"),
                season: d.int("season"),
                episode: d.int("episode"),
                status: d.string("status"),
                added_by: d.string("added_by"),
            };
            d.boolean("if_not_exists");
            let input = d.valid(input, |i| i.validated(now))?;
            Some(Op::MediaAdd {
                profile,
                input: Box::new(input),
            })
        }
        "media-remove" => Some(Op::MediaRemove {
            profile: d.required("profile"),
            id: d.required("id"),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::seed::scan::Scanner;

    fn env(name: &str) -> Option<String> {
        (name == "PW").then(|| "from-the-env".to_string())
    }

    fn one(text: &str) -> Result<Event, Vec<ShapeError>> {
        let mut s = Scanner::new(text.as_bytes(), None);
        let raw = s.next_event().unwrap().unwrap();
        check(raw, 1, chrono::Utc::now(), &env, true)
    }

    #[test]
    fn a_good_user_create() {
        let e = one(r#"[{"event": "user-create", "data": {"email": "A@X.io", "name": "A", "roles": ["admin"], "password": "${env:PW}"}}]"#).unwrap();
        match e.op {
            Op::UserCreate(u, pw) => {
                assert_eq!(u.email.as_deref(), Some("a@x.io"));
                assert_eq!(pw.unwrap().text, "from-the-env");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn unknown_names_get_the_nearest_spelling() {
        let errs = one(r#"[{"event": "user-craete", "data": {}}]"#).unwrap_err();
        assert!(
            errs[0].message.contains("did you mean \"user-create\""),
            "{errs:?}"
        );
        let errs = one(r#"[{"event": "user-create", "data": {"emial": "a@x.io", "name": "A"}}]"#)
            .unwrap_err();
        assert!(
            errs.iter()
                .any(|e| e.message.contains("did you mean \"email\"")),
            "{errs:?}"
        );
        assert_eq!(errs[0].pos.col, 36);
    }

    #[test]
    fn a_field_is_reported_once() {
        let errs = one(r#"[{"event": "profile-create", "data": {"name": 3}}]"#).unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("expected a string"), "{errs:?}");
        let errs =
            one(r#"[{"event": "user-create", "data": {"email": "${env:NOPE}", "name": "A"}}]"#)
                .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].message.contains("NOPE is not set"), "{errs:?}");
    }

    #[test]
    fn all_problems_of_an_event_are_reported() {
        let errs = one(r#"[{"event": "profile-create", "data": {"name": 3, "color": "blue", "member_limit": "x"}}]"#).unwrap_err();
        assert!(errs.len() >= 2, "{errs:?}");
    }

    #[test]
    fn env_substitution() {
        let get = |n: &str| (n == "A").then(|| "1".to_string());
        assert_eq!(substitute_str("x${env:A}y", &get).unwrap(), "x1y");
        assert_eq!(substitute_str("${env:B:-dflt}", &get).unwrap(), "dflt");
        assert_eq!(substitute_str("${env:A:-dflt}", &get).unwrap(), "1");
        let empty = |n: &str| (n == "E").then(String::new);
        assert_eq!(substitute_str("${env:E:-dflt}", &empty).unwrap(), "dflt");
        assert_eq!(substitute_str("<${env:E}>", &empty).unwrap(), "<>");
        assert!(
            substitute_str("${env:B}", &get)
                .unwrap_err()
                .contains("not set")
        );
        assert!(substitute_str("${env:A", &get).is_err());
        // `$$` is a literal `$` in strings that hold `${env:`; others are left alone.
        assert_eq!(substitute_str("$${env:A}", &get).unwrap(), "${env:A}");
        assert_eq!(substitute_str("$$${env:A}$x$", &get).unwrap(), "$1$x$");
        for literal in [
            "${env:B}",
            "a$b${env:A}$$",
            "$$$${env:}",
            "$5 ${env:NOPE:-x",
        ] {
            let mut v = Value::from(literal);
            escape(&mut v);
            let mut back = v.clone();
            substitute(&mut back, &get).unwrap();
            assert_eq!(back, Value::from(literal), "{v}");
        }
        let mut v = Value::from("$$5 and $argon2id$");
        escape(&mut v);
        assert_eq!(
            v,
            Value::from("$$5 and $argon2id$"),
            "only strings holding ${{env:"
        );
        assert!(substitute_str("${env:}", &get).is_err());
    }

    #[test]
    fn env_substitution_in_keys() {
        let get = |n: &str| (n == "A").then(|| "k".to_string());
        let mut v = serde_json::json!({"x": 1, "${env:A}": {"${env:B:-d}": "${env:A}"}, "z": 2});
        substitute(&mut v, &get).unwrap();
        assert_eq!(v, serde_json::json!({"x": 1, "k": {"d": "k"}, "z": 2}));
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["x", "k", "z"], "the order is kept");
        let mut v = serde_json::json!({"${env:B}": 1});
        assert!(
            substitute(&mut v, &get)
                .unwrap_err()
                .contains("B is not set")
        );
        let mut v = serde_json::json!({"k": 1, "${env:A}": 2});
        assert!(
            substitute(&mut v, &get)
                .unwrap_err()
                .contains("given twice")
        );
        // Export's escaping reads back unchanged, keys included.
        for literal in [
            serde_json::json!({"${env:B}": 1, "a$b${env:A}$$": {"${env:A}": ["${env:A}"]}}),
            serde_json::json!({"$${env:A}": 1, "${env:A}": 2}),
        ] {
            let mut v = literal.clone();
            escape(&mut v);
            let mut back = v.clone();
            substitute(&mut back, &get).unwrap();
            assert_eq!(back, literal, "{v}");
        }
    }

    #[test]
    fn keys_given_twice_and_integers_beyond_64_bits_are_refused() {
        let errs =
            one(r#"[{"event": "profile-create", "data": {"name": "F"}, "event": "user-create"}]"#)
                .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].message, "key \"event\" is given twice in the event");
        assert_eq!(errs[0].pos.col, 53);
        let errs = one(r#"[{"event": "profile-create", "data": {"name": "F", "metadata": {"a": {"b": 1, "b": 2}}}}]"#)
            .unwrap_err();
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].message, "metadata.a: key \"b\" is given twice");
        assert_eq!(errs[0].pos.col, 79);
        let errs = one(r#"[{"event": "media-add", "data": {"profile": "f", "type": "movie", "title": "T", "year": 99999999999999999999}}]"#)
            .unwrap_err();
        assert_eq!(errs.len(), 1, "reported once: {errs:?}");
        assert!(
            errs[0]
                .message
                .starts_with("year: the integer 99999999999999999999 does not fit in 64 bits"),
            "{errs:?}"
        );
    }
}
