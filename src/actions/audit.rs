//! `roster audit`, `audit verify` and `audit anchor`: the operator and global admins only.
//! The chain itself is computed in [`crate::audit_chain`].

use std::collections::HashMap;

use serde_json::{Value, json};

use super::access::{Place, Request, catalogue};
use super::{Ctx, allow, find_profile_ref, find_user, nearest};
use crate::audit_chain::{self, Anchor, Verification};
use crate::error::{Error, Result};
use crate::model::AuditEntry;
use crate::output::{Column, Record, Shape};
use crate::store::{AuditFilter, AuditProfile, LabelKind, Tx};

fn allowed(tx: &Tx<'_>, ctx: &Ctx) -> Result<()> {
    allow(tx, ctx, Request::new("audit").at(Place::Global))
}

/// Turns `--actor` into the stored form: `operator:NAME` and `user:ID` pass through; a
/// user's email, username or id becomes `user:<id>`; anything else is an operator login.
pub fn actor_key(tx: &Tx<'_>, given: &str) -> Result<String> {
    if given.starts_with("operator:") || given.starts_with("user:") {
        return Ok(given.to_string());
    }
    Ok(match find_user(tx, given)? {
        Some(u) => format!("user:{}", u.id),
        None => format!("operator:{given}"),
    })
}

/// What `roster audit` was asked for, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Query {
    pub actor: Option<String>,
    pub event: Option<String>,
    pub subject: Option<String>,
    pub profile: Option<String>,
    /// Already a stored timestamp.
    pub since: Option<String>,
    /// Already a stored timestamp.
    pub until: Option<String>,
    pub limit: Option<i64>,
}

/// `--event`: a name an audit row may hold (the catalogue's [`catalogue::audit_names`]),
/// else a usage error (2) with the nearest one, as for any unknown value of a flag.
pub fn event_name(given: &str) -> Result<String> {
    let name = given.trim().to_ascii_lowercase();
    let names = catalogue::audit_names();
    if names.contains(&name) {
        return Ok(name);
    }
    let e = Error::usage(format!("--event {given:?}: no audit event has that name"));
    Err(match nearest(&name, &names) {
        Some(near) => e.hint(format!("did you mean {near:?}?")),
        None => e.hint(format!("the events: {}", names.join(", "))),
    })
}

/// `--subject`: the stored subjects it may name. A user (id, email, username or phone),
/// a profile (slug or id) and a role (by name, in either scope) all count; what names
/// none of them (a deleted record, an invitation or session id) is taken as it is.
fn subjects(tx: &Tx<'_>, given: &str) -> Result<Vec<String>> {
    let mut out = Vec::new();
    if let Some(u) = find_user(tx, given)? {
        out.push(u.id);
    }
    if let Some(p) = find_profile_ref(tx, given)? {
        out.push(p.id);
    }
    let name = given.trim().to_ascii_lowercase();
    for r in tx.role_list()? {
        if r.name == name {
            out.push(format!("{}:{}", r.scope.as_str(), r.name));
        }
    }
    if !out.iter().any(|s| s == given) {
        out.push(given.to_string());
    }
    out.dedup();
    Ok(out)
}

pub fn list(tx: &Tx<'_>, ctx: &Ctx, q: Query) -> Result<Vec<AuditView>> {
    allowed(tx, ctx)?;
    let event = q.event.as_deref().map(event_name).transpose()?;
    let actor = q.actor.as_deref().map(|a| actor_key(tx, a)).transpose()?;
    let subjects = q.subject.as_deref().map(|s| subjects(tx, s)).transpose()?;
    // A profile that is gone is still found by the id or slug its rows recorded.
    let profile = match q.profile.as_deref() {
        None => None,
        Some(given) => Some(match find_profile_ref(tx, given)? {
            Some(p) => AuditProfile {
                id: p.id,
                slug: p.slug,
            },
            None => gone_profile(tx, given)?,
        }),
    };
    let rows = tx.audit_list(&AuditFilter {
        actor,
        event,
        since: q.since,
        until: q.until,
        subjects,
        profile,
        limit: q.limit,
    })?;
    labelled(tx, rows)
}

/// A profile that is gone, given by its id or its slug: the id its deletion recorded for
/// that slug (the latest, should a slug have been reused), else what was given.
fn gone_profile(tx: &Tx<'_>, given: &str) -> Result<AuditProfile> {
    let given = given.trim();
    let lower = given.to_ascii_lowercase();
    let deletions = tx.audit_list(&AuditFilter {
        event: Some("profile-delete".into()),
        ..AuditFilter::default()
    })?;
    for r in deletions.iter().rev() {
        let data: Value = serde_json::from_str(&r.data).unwrap_or(Value::Null);
        let Some(slug) = text(&data, "slug") else {
            continue;
        };
        if r.subject == given || slug == lower {
            return Ok(AuditProfile {
                id: r.subject.clone(),
                slug: slug.to_string(),
            });
        }
    }
    Ok(AuditProfile {
        id: given.to_string(),
        slug: lower,
    })
}

/// An audit row as `roster audit` shows it: the row, its actor and subject by their labels
/// (see [`labelled`]) and a [`summary`] of what changed.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditView {
    pub entry: AuditEntry,
    pub actor_label: String,
    pub subject_label: String,
    pub summary: String,
}

/// What an audit row's subject is, from its event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Subject {
    Kind(LabelKind),
    /// `scope:name`: shown by the name.
    Role,
    /// An invitation: the first 8 characters of its id (random: a UUID v4).
    Short,
    /// A session: `session of <user>`. Its id is a UUID v7, whose first characters are a
    /// clock shared by every record made in the same minute, so no prefix of it labels it.
    Session,
    /// An email of the outbox (a UUID v7 too): `mail to <recipient>`.
    Mail,
    /// Shown as stored.
    Raw,
}

fn subject_of(event: &str, data: &Value) -> Subject {
    match catalogue::family(event).unwrap_or(event) {
        "session" if event == "session-revoke" && data.get("sessions").is_some() => {
            Subject::Kind(LabelKind::User)
        }
        "user" => Subject::Kind(LabelKind::User),
        "login" if event == "login-failed" => Subject::Kind(LabelKind::User),
        "profile" => Subject::Kind(LabelKind::Profile),
        "member" => Subject::Kind(LabelKind::Member),
        "media" => Subject::Kind(LabelKind::Media),
        "role" => Subject::Role,
        "invite" => Subject::Short,
        "session" | "login" if event != "session-prune" => Subject::Session,
        "mail" => Subject::Mail,
        _ => Subject::Raw,
    }
}

fn text<'a>(data: &'a Value, key: &str) -> Option<&'a str> {
    data.get(key)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

/// The first 8 characters of an id.
fn short(id: &str) -> String {
    id.chars().take(8).collect()
}

/// Labels the rows, with one query per kind of record for all of them (users, profiles,
/// memberships, media). A record that is gone is named by what its rows recorded (a
/// deleted user's email, a removed item's title), else by its id.
pub fn labelled(tx: &Tx<'_>, rows: Vec<AuditEntry>) -> Result<Vec<AuditView>> {
    let datas: Vec<Value> = rows
        .iter()
        .map(|r| serde_json::from_str(&r.data).unwrap_or(Value::Null))
        .collect();
    let mut wanted: HashMap<LabelKind, Vec<String>> = HashMap::new();
    let mut want = |kind: LabelKind, id: &str| {
        let ids = wanted.entry(kind).or_default();
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_string());
        }
    };
    for (r, data) in rows.iter().zip(&datas) {
        if let Some(id) = r.actor.strip_prefix("user:") {
            want(LabelKind::User, id);
        }
        if subject_of(&r.event, data) == Subject::Session
            && let Some(u) = text(data, "user_id")
        {
            want(LabelKind::User, u);
        }
        if let Subject::Kind(kind) = subject_of(&r.event, data) {
            want(kind, &r.subject);
            if kind == LabelKind::Member
                && let Some(u) = text(data, "user_id")
            {
                want(LabelKind::User, u);
            }
            if kind == LabelKind::Media
                && let Some(p) = text(data, "profile_id")
            {
                want(LabelKind::Profile, p);
            }
        }
    }
    let mut found: HashMap<(LabelKind, String), String> = HashMap::new();
    for (kind, ids) in &wanted {
        for (id, label) in tx.audit_labels(*kind, ids)? {
            found.insert((*kind, id), label);
        }
    }
    let label = |kind: LabelKind, id: &str| found.get(&(kind, id.to_string())).cloned();
    let mut out = Vec::with_capacity(rows.len());
    for (entry, data) in rows.into_iter().zip(datas) {
        let actor_label = match entry.actor.strip_prefix("user:") {
            Some(id) => label(LabelKind::User, id).unwrap_or_else(|| id.to_string()),
            None => entry.actor.clone(),
        };
        let id = entry.subject.as_str();
        let subject_label = match subject_of(&entry.event, &data) {
            Subject::Kind(kind) => label(kind, id).unwrap_or_else(|| {
                gone_label(kind, &data, &label).unwrap_or_else(|| id.to_string())
            }),
            Subject::Role => id.split_once(':').map_or(id, |(_, name)| name).to_string(),
            Subject::Short => short(id),
            Subject::Session => match text(&data, "user_id") {
                Some(u) => format!(
                    "session of {}",
                    label(LabelKind::User, u).unwrap_or_else(|| u.to_string())
                ),
                None => id.to_string(),
            },
            Subject::Mail => match text(&data, "recipient") {
                Some(r) => format!("mail to {r}"),
                None => id.to_string(),
            },
            Subject::Raw => id.to_string(),
        };
        let summary = summary(&entry.event, &data);
        out.push(AuditView {
            entry,
            actor_label,
            subject_label,
            summary,
        });
    }
    Ok(out)
}

/// The label of a record that is gone, from what its row recorded.
fn gone_label(
    kind: LabelKind,
    data: &Value,
    label: &dyn Fn(LabelKind, &str) -> Option<String>,
) -> Option<String> {
    match kind {
        LabelKind::User => text(data, "email")
            .or(text(data, "username"))
            .or(text(data, "phone"))
            .map(str::to_string),
        LabelKind::Profile => text(data, "slug")
            .or(text(data, "profile"))
            .map(str::to_string),
        LabelKind::Member => {
            let slug = text(data, "profile")?;
            let user = text(data, "user_id")?;
            let who = label(LabelKind::User, user).unwrap_or_else(|| user.to_string());
            Some(format!("{slug}: {who}"))
        }
        LabelKind::Media => {
            let title = text(data, "title")?;
            Some(
                match text(data, "profile_id").and_then(|p| label(LabelKind::Profile, p)) {
                    Some(slug) => format!("{slug}: {title}"),
                    None => title.to_string(),
                },
            )
        }
    }
}

/// `1 member`, `2 members`.
fn counted(n: i64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A short account of what an audit row changed, from its data: `role member → admin`,
/// `name, tags`, `expires 2026-12-09`. One rendering for the table and for json, jsonl and
/// csv; empty when the row's event says it all.
pub fn summary(event: &str, data: &Value) -> String {
    let Some(obj) = data.as_object() else {
        return String::new();
    };
    let t = |k: &str| text(data, k);
    let day = |k: &str| t(k).map(|v| v.chars().take(10).collect::<String>());
    let count = |k: &str| data.get(k).and_then(Value::as_i64).filter(|&n| n > 0);
    let list = |k: &str| {
        data.get(k).and_then(Value::as_array).map(|a| {
            a.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let mut parts: Vec<String> = Vec::new();
    match event {
        "member-role" => match (t("role_before"), t("role")) {
            (Some(before), Some(role)) => parts.push(format!("role {before} → {role}")),
            (None, Some(role)) => parts.push(format!("role → {role}")),
            _ => {}
        },
        "profile-transfer" => {
            parts.push(match t("role_before") {
                Some(before) => format!("owner, was {before}"),
                None => "owner".into(),
            });
            if let Some(keep) = t("keep_as") {
                parts.push(format!("previous owner kept as {keep}"));
            }
        }
        "member-add" | "member-remove" | "invite-accept" => {
            if let Some(role) = t("role") {
                parts.push(format!("role {role}"));
            }
        }
        "invite-send" | "invite-resend" | "invite-cancel" | "invite-reject" | "invite-expire" => {
            if let (Some(email), Some(profile)) = (t("email"), t("profile")) {
                parts.push(format!("{email} to {profile}"));
            }
            if event == "invite-send"
                && let Some(role) = t("role")
            {
                parts.push(format!("role {role}"));
            }
            if let Some(d) = day("expires_at") {
                parts.push(format!("expires {d}"));
            }
        }
        "user-create" => {
            if let Some(roles) = list("roles").filter(|r| !r.is_empty()) {
                parts.push(format!("roles {roles}"));
            }
        }
        "user-grant" | "user-revoke" => {
            if let Some(roles) = list("roles") {
                parts.push(if roles.is_empty() {
                    "no global roles".into()
                } else {
                    format!("roles {roles}")
                });
            }
        }
        "user-enable" | "user-disable" => {}
        "user-verify" => {
            for (k, v) in obj {
                let what = k.strip_suffix("_verified").unwrap_or(k);
                let done = if v.as_bool() == Some(true) {
                    "verified"
                } else {
                    "unverified"
                };
                parts.push(format!("{what} {done}"));
            }
        }
        "user-delete" | "profile-delete" => {
            for (k, one) in [
                ("memberships", "membership"),
                ("members", "member"),
                ("invitations", "invitation"),
                ("media", "media"),
                ("sessions", "session"),
            ] {
                if let Some(n) = count(k) {
                    parts.push(counted(n, one, k));
                }
            }
        }
        "media-remove" => {
            if let Some(n) = count("episodes_removed") {
                parts.push(counted(n, "episode", "episodes"));
            }
        }
        "login" | "session-issue" | "session-create" | "session-use" => {
            if event == "session-use" || t("active_profile").is_some() {
                parts.push(match t("active_profile") {
                    Some(p) => format!("profile {p}"),
                    None => "no profile".into(),
                });
            }
            if let Some(d) = day("expires_at") {
                parts.push(format!("expires {d}"));
            }
        }
        "session-revoke" => {
            if let Some(n) = data.get("sessions").and_then(Value::as_array) {
                parts.push(counted(n.len() as i64, "session", "sessions"));
            }
            if let Some(why) = t("reason") {
                parts.push(why.to_string());
            }
        }
        "session-prune" => {
            if let Some(n) = data.get("removed").and_then(Value::as_i64) {
                parts.push(format!("{n} removed"));
            }
        }
        "login-failed" => parts.extend(t("reason").map(str::to_string)),
        "mail-sent" | "mail-failed" => {
            if let Some(n) = count("attempts") {
                parts.push(format!("attempt {n}"));
            }
            parts.extend(t("error").map(str::to_string));
        }
        "role-create" | "role-update" => {
            if let Some(p) = list("permissions") {
                parts.push(format!("allows {p}"));
            }
        }
        "role-delete" | "profile-create" | "media-add" => {}
        // An update records what it changed: the names of the fields.
        _ => parts.push(obj.keys().cloned().collect::<Vec<_>>().join(", ")),
    }
    parts.join(", ")
}

/// json, jsonl and csv: every field of the row as stored, then the labels and the summary.
impl Record for AuditView {
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
            "actor_label",
            "subject_label",
            "summary",
        ],
        columns: AuditLine::SHAPE.columns,
    };

    fn to_json(&self) -> Value {
        let mut v = self.entry.to_json();
        if let Some(obj) = v.as_object_mut() {
            obj.insert("actor_label".into(), json!(self.actor_label));
            obj.insert("subject_label".into(), json!(self.subject_label));
            obj.insert("summary".into(), json!(self.summary));
        }
        v
    }
}

/// A row in the table: the actor and the subject by their labels (the ids are in json).
pub struct AuditLine<'a>(pub &'a AuditView);

impl Record for AuditLine<'_> {
    const SHAPE: Shape = Shape {
        noun: "audit row",
        fields: &[
            "seq", "at", "actor", "event", "subject", "summary", "source",
        ],
        columns: &[
            Column::number("seq", 9),
            Column::whole("at", 7),
            Column::whole("actor", 6),
            Column::whole("event", 8),
            Column::whole("subject", 5),
            Column::text("summary", 4),
            Column::text("source", 3),
        ],
    };

    fn to_json(&self) -> Value {
        let v = self.0;
        json!({
            "seq": v.entry.seq,
            "at": v.entry.at,
            "actor": v.actor_label,
            "event": v.entry.event,
            "subject": v.subject_label,
            "summary": v.summary,
            "source": v.entry.source,
        })
    }
}

/// Walks the whole log (see [`audit_chain::verify`]), with the store's audit key and, when
/// given, an anchor that row `anchor.seq` must still match.
pub fn verify(tx: &Tx<'_>, ctx: &Ctx, anchor: Option<&Anchor>) -> Result<Verification> {
    allowed(tx, ctx)?;
    audit_chain::verify(tx, tx.audit_key(), anchor)
}

/// The head of a log that verifies, to keep elsewhere as an anchor; `None` for an empty
/// log. A log that does not verify is refused (1): an anchor must vouch for a good chain.
pub fn anchor(tx: &Tx<'_>, ctx: &Ctx) -> Result<Option<Anchor>> {
    allowed(tx, ctx)?;
    let v = audit_chain::verify(tx, tx.audit_key(), None)?;
    if let Some(b) = v.first_bad {
        return Err(Error::differs(format!("no anchor taken: {}", b.message())).hint(b.hint));
    }
    Ok(v.head.map(|(seq, hash)| Anchor { seq, hash }))
}

/// The chain check with the store's key, shared with `roster doctor`.
pub fn verify_chain(tx: &Tx<'_>) -> Result<Verification> {
    audit_chain::verify(tx, tx.audit_key(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_say_what_changed() {
        let s = |event: &str, data: Value| summary(event, &data);
        assert_eq!(
            s(
                "member-role",
                json!({"role": "admin", "role_before": "member"})
            ),
            "role member → admin"
        );
        // Rows written before `role_before` was recorded.
        assert_eq!(s("member-role", json!({"role": "admin"})), "role → admin");
        assert_eq!(
            s("profile-update", json!({"name": "X", "tags": []})),
            "name, tags"
        );
        assert_eq!(
            s(
                "invite-resend",
                json!({"expires_at": "2026-12-09T10:00:00.000Z"})
            ),
            "expires 2026-12-09"
        );
        assert_eq!(
            s("user-verify", json!({"email_verified": false})),
            "email unverified"
        );
        assert_eq!(s("user-grant", json!({"roles": []})), "no global roles");
        assert_eq!(
            s(
                "session-revoke",
                json!({"sessions": ["a"], "reason": "disabled"})
            ),
            "1 session, disabled"
        );
        assert_eq!(
            s("media-remove", json!({"episodes_removed": 2})),
            "2 episodes"
        );
        assert_eq!(s("profile-create", json!({"slug": "x"})), "");
        // Data that is not an object (a row written by another program) says nothing.
        assert_eq!(s("user-update", json!("text")), "");
    }

    #[test]
    fn subjects_by_event() {
        let none = Value::Null;
        assert_eq!(
            subject_of("user-passwd", &none),
            Subject::Kind(LabelKind::User)
        );
        assert_eq!(
            subject_of("login-failed", &none),
            Subject::Kind(LabelKind::User)
        );
        assert_eq!(subject_of("login", &none), Subject::Session);
        assert_eq!(
            subject_of("session-revoke", &json!({"sessions": []})),
            Subject::Kind(LabelKind::User)
        );
        assert_eq!(
            subject_of("session-revoke", &json!({"user_id": "u"})),
            Subject::Session
        );
        assert_eq!(subject_of("session-prune", &none), Subject::Raw);
        assert_eq!(subject_of("invite-accept", &none), Subject::Short);
        assert_eq!(subject_of("mail-sent", &none), Subject::Mail);
        assert_eq!(subject_of("role-delete", &none), Subject::Role);
    }

    #[test]
    fn every_catalogued_event_is_a_valid_filter() {
        for name in catalogue::audit_names() {
            assert_eq!(event_name(&name).unwrap(), name);
        }
        let e = event_name("membr-add").unwrap_err();
        assert_eq!(e.exit_code(), 2);
    }
}
