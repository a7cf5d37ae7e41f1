//! Every permission roster knows: one per event (README "Permissions are events"), with
//! the scope it applies in and what `:own` means for it. Role patterns are checked and
//! matched against this list only.

use crate::model::Scope;

/// How an event may be granted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grant {
    /// By any role whose patterns match it.
    Role,
    /// Only by the built-in `owner` profile role (and global admins): never by a custom role.
    OwnerOnly,
    /// By no role: decided by who the actor is (the invitee).
    Identity,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Permission {
    pub name: &'static str,
    /// `Profile`: granted by a profile role within its profile (and by global roles
    /// everywhere); `Global`: by global roles only.
    pub scope: Scope,
    pub grant: Grant,
    /// What a record must be for `NAME:own` to grant the event on it, when it can.
    pub own: Option<&'static str>,
}

const fn p(name: &'static str, scope: Scope) -> Permission {
    Permission {
        name,
        scope,
        grant: Grant::Role,
        own: None,
    }
}

const fn own(name: &'static str, scope: Scope, what: &'static str) -> Permission {
    Permission {
        name,
        scope,
        grant: Grant::Role,
        own: Some(what),
    }
}

const fn only(name: &'static str, scope: Scope, grant: Grant) -> Permission {
    Permission {
        name,
        scope,
        grant,
        own: None,
    }
}

use Scope::{Global as G, Profile as P};

/// Every event, grouped by family, in the order `roster can --all` lists them.
pub const PERMISSIONS: &[Permission] = &[
    p("user-create", G),
    p("user-list", G),
    p("user-show", G),
    p("user-update", G),
    p("user-passwd", G),
    p("user-grant", G),
    p("user-revoke", G),
    p("user-disable", G),
    p("user-enable", G),
    p("user-delete", G),
    p("user-verify", G),
    p("profile-create", G),
    p("profile-list", G),
    p("profile-show", G),
    p("profile-update", P),
    only("profile-delete", P, Grant::OwnerOnly),
    only("profile-transfer", P, Grant::OwnerOnly),
    p("member-add", P),
    p("member-role", P),
    own("member-remove", P, "their own membership"),
    p("member-list", P),
    p("invite-send", P),
    p("invite-cancel", P),
    p("invite-list", P),
    p("invite-show", P),
    only("invite-accept", G, Grant::Identity),
    only("invite-reject", G, Grant::Identity),
    p("invite-prune", G),
    p("mail-deliver", G),
    p("mail-list", G),
    p("media-add", P),
    p("media-list", P),
    own("media-show", P, "media they added"),
    own("media-remove", P, "media they added"),
    p("session-issue", G),
    own("session-list", G, "their own sessions"),
    own("session-show", G, "their own sessions"),
    own("session-use", G, "their own sessions"),
    own("session-revoke", G, "their own sessions"),
    p("session-prune", G),
    p("role-create", G),
    p("role-list", G),
    p("role-show", G),
    p("role-update", G),
    p("role-delete", G),
    p("audit", G),
    p("export", G),
    p("backup", G),
    p("doctor", G),
    p("can", G),
];

pub fn get(name: &str) -> Option<&'static Permission> {
    PERMISSIONS.iter().find(|p| p.name == name)
}

/// The family of an event: the part before its first `-` (`media` of `media-add`), or
/// None for a one-word event (`audit`).
pub fn family(name: &str) -> Option<&str> {
    name.split_once('-').map(|(f, _)| f)
}

/// Every family glob there is (`user-*`, `profile-*`, …), in catalogue order.
pub fn families() -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in PERMISSIONS {
        if let Some(f) = family(p.name) {
            let glob = format!("{f}-*");
            if !out.contains(&glob) {
                out.push(glob);
            }
        }
    }
    out
}

/// The events whose names may be given (for "did you mean" hints and completion).
pub fn names() -> Vec<String> {
    PERMISSIONS.iter().map(|p| p.name.to_string()).collect()
}

/// Events the audit log holds that are not permissions of their own (README "audit"): a
/// resend, an expiry, a seed converging an item, a sign-in, a seeded session, mail.
pub const AUDIT_ONLY: &[&str] = &[
    "invite-resend",
    "invite-expire",
    "media-update",
    "login",
    "login-failed",
    "session-create",
    "mail-sent",
    "mail-failed",
];

/// Every event name an audit row may hold: the permissions, then [`AUDIT_ONLY`].
pub fn audit_names() -> Vec<String> {
    let mut out = names();
    out.extend(AUDIT_ONLY.iter().map(|n| n.to_string()));
    out
}
