//! `roster doctor`: integrity and invariant checks, for the operator and global admins.
//!
//! Every check looks for something the actions never write: a finding means a bug, an
//! older roster, or a hand edit of the file (or, for lapsed invitations, only that nobody
//! ran `roster invite prune`). Each finding names what it is about and how to fix it.

use serde_json::{Value, json};

use super::access::{Place, Request};
use super::{Ctx, allow, audit};
use crate::error::Result;
use crate::output::{Column, Record, Shape};
use crate::store::Tx;

/// The checks, in the order they run and report.
pub const CHECKS: &[&str] = &[
    "integrity",
    "foreign-keys",
    "audit-chain",
    "unexplained-admin",
    "role-grants-nothing",
    "profile-owner",
    "member-limit",
    "invitation-limit",
    "invitation-expired",
    "invitation-to-member",
    "mail-queued",
    "media-parent",
    "session-of-disabled",
    "session-profile",
    "search-index",
];

/// One problem found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// One of [`CHECKS`].
    pub check: &'static str,
    /// What it is about: a slug, an id, `audit row 7`, `members row 3`.
    pub subject: String,
    pub message: String,
    /// The suggested fix, a command where there is one.
    pub fix: String,
}

impl Finding {
    fn new(
        check: &'static str,
        subject: impl Into<String>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) -> Finding {
        Finding {
            check,
            subject: subject.into(),
            message: message.into(),
            fix: fix.into(),
        }
    }
}

impl Record for Finding {
    const SHAPE: Shape = Shape {
        noun: "finding",
        fields: &["check", "subject", "message", "fix"],
        columns: &[
            Column::whole("check", 9),
            Column::whole("subject", 8),
            Column::text("message", 7),
            Column::whole("fix", 6),
        ],
    };

    fn to_json(&self) -> Value {
        json!({
            "check": self.check,
            "subject": self.subject,
            "message": self.message,
            "fix": self.fix,
        })
    }
}

/// Runs every check. Only the operator and global admins may.
pub fn run(tx: &Tx<'_>, ctx: &Ctx) -> Result<Vec<Finding>> {
    allow(tx, ctx, Request::new("doctor").at(Place::Global))?;
    let mut findings = Vec::new();
    integrity(tx, &mut findings)?;
    audit_chain(tx, &mut findings)?;
    unexplained_admins(tx, &mut findings)?;
    empty_roles(tx, &mut findings)?;
    owners(tx, &mut findings)?;
    limits(tx, ctx, &mut findings)?;
    invitations(tx, ctx, &mut findings)?;
    outbox(tx, ctx, &mut findings)?;
    media(tx, &mut findings)?;
    sessions(tx, ctx, &mut findings)?;
    search_index(tx, &mut findings)?;
    Ok(findings)
}

/// What doctor says without counting it as a problem (PostgreSQL without `pg_trgm`: title
/// search scans). Asked after [`run`], which checks who may.
pub fn notes(tx: &Tx<'_>) -> Result<Vec<String>> {
    tx.doctor_notes()
}

/// Sessions that should not be: live ones of disabled users, and active profiles their
/// user is not a member of.
fn sessions(tx: &Tx<'_>, ctx: &Ctx, out: &mut Vec<Finding>) -> Result<()> {
    for s in tx.sessions_of_disabled(&ctx.now_text)? {
        out.push(Finding::new(
            "session-of-disabled",
            format!("session {}", s.id),
            format!("{} is disabled but this session of theirs is live", s.user),
            format!("roster session revoke {}", s.id),
        ));
    }
    for s in tx.sessions_outside_profile()? {
        out.push(Finding::new(
            "session-profile",
            format!("session {}", s.id),
            format!(
                "its active profile {} is not one {} belongs to",
                s.active_profile.as_deref().unwrap_or("?"),
                s.user
            ),
            format!("roster session use {} --none", s.id),
        ));
    }
    Ok(())
}

/// A custom role held by someone that grants nothing: a role some user held before roles
/// were defined (the migration made it so), or one whose last pattern was denied.
fn empty_roles(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    for r in tx.role_list()? {
        if r.builtin || !super::access::pattern::expand(&r).is_empty() {
            continue;
        }
        let holders = tx.role_holders(r.scope, &r.name)?;
        if holders == 0 {
            continue;
        }
        out.push(Finding::new(
            "role-grants-nothing",
            format!("{} role {}", r.scope.as_str(), r.name),
            format!(
                "role {} grants nothing, and {holders} hold{} it",
                r.name,
                if holders == 1 { "s" } else { "" }
            ),
            format!(
                "give it permissions: roster role update {} --scope {} --allow PATTERN",
                r.name,
                r.scope.as_str()
            ),
        ));
    }
    Ok(())
}

/// SQLite's own `integrity_check` and `foreign_key_check`.
fn integrity(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    for line in tx.integrity_problems()? {
        if let Some(rest) = line.strip_prefix("foreign_key_check: ") {
            let subject = rest.split(" refers to ").next().unwrap_or(rest);
            out.push(Finding::new(
                "foreign-keys",
                subject,
                rest,
                "delete the orphan row, or restore the missing record from a backup",
            ));
        } else {
            let rest = line.strip_prefix("integrity_check: ").unwrap_or(&line);
            let (subject, fix) = tx.integrity_remedy();
            out.push(Finding::new("integrity", subject, rest, fix));
        }
    }
    Ok(())
}

/// The checks that need no rules, only the data: the engine's integrity and foreign-key
/// checks and the audit chain (what `roster backup --verify` asks of a copy); with the
/// chain's walk.
pub fn soundness(tx: &Tx<'_>) -> Result<(Vec<Finding>, crate::audit_chain::Verification)> {
    let mut findings = Vec::new();
    integrity(tx, &mut findings)?;
    let v = audit_chain(tx, &mut findings)?;
    Ok((findings, v))
}

fn audit_chain(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<crate::audit_chain::Verification> {
    let v = audit::verify_chain(tx)?;
    if let Some(b) = &v.first_bad {
        out.push(Finding::new(
            "audit-chain",
            format!("audit row {}", b.seq),
            if b.unchecked {
                format!("the audit chain cannot be checked from here: {}", b.problem)
            } else {
                format!("the audit chain breaks here: {}", b.problem)
            },
            format!("{} (`roster audit verify`)", b.hint),
        ));
    }
    Ok(v)
}

/// The audit events whose `data` may carry a user's whole list of global roles
/// (`{"roles": [...]}`): `user-create` the roles it was created with, `user-grant` and
/// `user-revoke` the list after the change. (`user-update` never does today; a row of it
/// that did would count the same.)
const ROLE_EVENTS: &[&str] = &["user-create", "user-grant", "user-revoke", "user-update"];

/// Users holding the global role `admin` that no audit row explains: the last row that set
/// their roles does not list `admin`, or there is no such row. Only a hand edit of the
/// file (or a program writing `users` without roster) gives admin that way.
fn unexplained_admins(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    let admins = tx.user_global_admins()?;
    if admins.is_empty() {
        return Ok(());
    }
    let ids: std::collections::HashSet<&str> = admins.iter().map(|u| u.id.as_str()).collect();
    // The last roles-setting row of each admin: (seq, event, lists admin).
    let mut last: std::collections::HashMap<String, (i64, String, bool)> =
        std::collections::HashMap::new();
    tx.audit_each_of_events(ROLE_EVENTS, &mut |e| {
        if !ids.contains(e.subject.as_str()) {
            return Ok(true);
        }
        let data: Value = serde_json::from_str(&e.data).unwrap_or(Value::Null);
        if let Some(roles) = data.get("roles").and_then(Value::as_array) {
            let admin = roles.iter().any(|r| r.as_str() == Some("admin"));
            last.insert(e.subject.clone(), (e.seq, e.event.clone(), admin));
        }
        Ok(true)
    })?;
    for u in admins {
        let message = match last.get(&u.id) {
            Some((_, _, true)) => continue,
            Some((seq, event, false)) => format!(
                "holds the global role admin, but the last audit row that set their roles (row {seq}, {event}) does not list it"
            ),
            None => "holds the global role admin, but no audit row gave it (no user-create or user-grant row for this user lists admin)".to_string(),
        };
        let who = u.label();
        out.push(Finding::new(
            "unexplained-admin",
            who,
            message,
            format!(
                "find out who edited the database; to keep the role on record, run `roster user revoke {who} admin` then `roster user grant {who} admin`; to remove it, only the revoke"
            ),
        ));
    }
    Ok(())
}

fn owners(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    for p in tx.doctor_ownerless_profiles()? {
        let (message, fix) = if p.members == 0 {
            (
                "profile has no owner and no members".to_string(),
                format!(
                    "give it an owner: roster member add {} USER --role owner",
                    p.slug
                ),
            )
        } else {
            (
                format!(
                    "profile has no owner among its {} member{}",
                    p.members,
                    if p.members == 1 { "" } else { "s" }
                ),
                format!(
                    "make a member its owner: roster member role {} USER owner",
                    p.slug
                ),
            )
        };
        out.push(Finding::new("profile-owner", p.slug, message, fix));
    }
    Ok(())
}

fn limits(tx: &Tx<'_>, ctx: &Ctx, out: &mut Vec<Finding>) -> Result<()> {
    for p in tx.doctor_overfull_profiles()? {
        out.push(Finding::new(
            "member-limit",
            p.slug.clone(),
            format!(
                "{} members, over its member limit of {}",
                p.members, p.member_limit
            ),
            format!(
                "raise the limit (roster profile update {} --member-limit {}) or remove members (roster member remove {} USER)",
                p.slug, p.members, p.slug
            ),
        ));
    }
    for p in tx.profile_list()? {
        let pending = tx.invite_pending_count(&p.id, &ctx.now_text)?;
        if pending <= p.invitation_limit {
            continue;
        }
        out.push(Finding::new(
            "invitation-limit",
            p.slug.clone(),
            format!(
                "{pending} pending invitations, over its invitation limit of {}",
                p.invitation_limit
            ),
            format!(
                "raise the limit (roster profile update {} --invitation-limit {pending}) or cancel invitations (roster invite cancel ID)",
                p.slug
            ),
        ));
    }
    Ok(())
}

fn invitations(tx: &Tx<'_>, ctx: &Ctx, out: &mut Vec<Finding>) -> Result<()> {
    for i in tx.doctor_lapsed_invitations(&ctx.now_text)? {
        out.push(Finding::new(
            "invitation-expired",
            i.id,
            format!(
                "invitation of {} to {} is still stored as pending, but expired at {}",
                i.email, i.profile_slug, i.expires_at
            ),
            "roster invite prune",
        ));
    }
    for i in tx.invite_to_members(&ctx.now_text)? {
        out.push(Finding::new(
            "invitation-to-member",
            i.id.clone(),
            format!(
                "{} is already a member of {} but has a pending invitation to it",
                i.email, i.profile_slug
            ),
            format!("roster invite cancel {}", i.id),
        ));
    }
    Ok(())
}

/// Invitation emails still queued an hour after they were written: the mail server is
/// down, or nobody runs `roster mail deliver`.
fn outbox(tx: &Tx<'_>, ctx: &Ctx, out: &mut Vec<Finding>) -> Result<()> {
    let hour_ago = crate::model::timestamp(ctx.now - chrono::TimeDelta::hours(1));
    for m in tx.outbox_queued_since(&hour_ago)? {
        let why = match &m.last_error {
            Some(e) => format!("{} attempt(s), the last failed: {e}", m.attempts),
            None => "never attempted".to_string(),
        };
        out.push(Finding::new(
            "mail-queued",
            m.id,
            format!(
                "the invitation email to {} (invitation {}) is queued since {}: {why}",
                m.recipient, m.invitation_id, m.created_at
            ),
            "roster mail deliver (with ROSTER_SMTP_URL set; --all retries at once)",
        ));
    }
    Ok(())
}

fn media(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    for m in tx.doctor_misplaced_media()? {
        let message = if m.same_profile {
            format!(
                "{:?} in {} has parent {}, a {} rather than a show",
                m.title, m.profile_slug, m.parent_id, m.parent_type
            )
        } else {
            format!(
                "{:?} in {} has parent {} in another profile ({})",
                m.title, m.profile_slug, m.parent_id, m.parent_profile_slug
            )
        };
        out.push(Finding::new(
            "media-parent",
            m.id.clone(),
            message,
            format!(
                "remove it (roster media remove {}) and add it again under a show of {}",
                m.id, m.profile_slug
            ),
        ));
    }
    Ok(())
}

/// The title search index covers exactly the media rows (a program that inserts into
/// `media` itself must index the row too; see the README's schema section).
fn search_index(tx: &Tx<'_>, out: &mut Vec<Finding>) -> Result<()> {
    let (missing, stale) = tx.doctor_search_index()?;
    if missing > 0 || stale > 0 {
        out.push(Finding::new(
            "search-index",
            "media_fts",
            format!(
                "the title search index misses {missing} media item(s) and has {stale} entry(ies) for removed ones: searches can miss items"
            ),
            "rebuild it: sqlite3 DB \"INSERT INTO media_fts(media_fts) VALUES ('rebuild')\"",
        ));
    }
    Ok(())
}
