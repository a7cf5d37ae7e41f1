//! The names shell completion offers (README "Shell completions"): profile slugs, users'
//! emails and usernames, pending invitation ids, unrevoked session ids and role names,
//! read from a database opened only to read them.
//!
//! A completion runs on every Tab, so this open is not [`super::Store::open_at`]: no
//! migration, no journal mode set, no audit, no write lock, a short busy timeout, and on
//! SQLite nothing created beside the file (see `sqlite::names`). Anything unexpected is an
//! error, which the caller turns into no candidates. The SQL is shared by both backends:
//! every column compared is bytewise on both (SQLite's BINARY, PostgreSQL's `COLLATE "C"`),
//! so a prefix is the range `[prefix, prefix + U+10FFFF)` and the unique indexes serve it.
//! Parameters are written `$1`, `$2`, … in order of first use, which SQLite numbers the
//! same way PostgreSQL does.

use super::Location;
use super::postgres::names as pg;
use super::sqlite::names as lite;
use crate::error::Result;
use crate::model::Scope;

/// What to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Profiles,
    /// Emails and usernames, both.
    Users,
    /// Pending invitations (lapsed ones included: they may still be rejected or canceled).
    Invitations,
    /// Sessions not revoked, newest first.
    Sessions,
    /// Role names of one scope, or of both.
    Roles(Option<Scope>),
}

/// One name, and a line that tells it apart (a profile's name, a user's display name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    pub value: String,
    pub help: Option<String>,
}

/// At most this many names of one kind (a list longer than that is no help at a prompt;
/// typing a few characters narrows it).
pub const LIMIT: i64 = 500;

pub(crate) const PROFILES: &str =
    "SELECT slug, name FROM profiles WHERE slug >= $1 AND slug < $2 ORDER BY slug LIMIT $3";
pub(crate) const USERS_BY_EMAIL: &str = "SELECT email, name, active FROM users \
     WHERE email >= $1 AND email < $2 ORDER BY email LIMIT $3";
pub(crate) const USERS_BY_USERNAME: &str = "SELECT username, name, active FROM users \
     WHERE username >= $1 AND username < $2 ORDER BY username LIMIT $3";
pub(crate) const INVITATIONS: &str = "SELECT i.id, i.email, p.slug, i.role \
     FROM invitations i JOIN profiles p ON p.id = i.profile_id \
     WHERE i.status = 'pending' AND i.id >= $1 AND i.id < $2 ORDER BY i.id LIMIT $3";
pub(crate) const SESSIONS: &str = "SELECT s.id, coalesce(u.email, u.username, u.phone, u.id), \
     p.slug FROM sessions s JOIN users u ON u.id = s.user_id \
     LEFT JOIN profiles p ON p.id = s.active_profile_id \
     WHERE s.revoked_at IS NULL AND s.id >= $1 AND s.id < $2 ORDER BY s.id DESC LIMIT $3";
pub(crate) const ROLES: &str = "SELECT name, scope, description FROM roles \
     WHERE name >= $1 AND name < $2 AND ($3 = '' OR scope = $3) ORDER BY name, scope LIMIT $4";

/// The rows one query gives, each column as text (a null as `None`).
pub(crate) type Rows = Vec<Vec<Option<String>>>;

/// A database opened to read names.
pub struct NameReader {
    backend: Backend,
}

enum Backend {
    Sqlite(lite::Reader),
    Postgres(pg::Reader),
}

impl NameReader {
    /// Opens the database `at` to read names: refuses a missing or foreign one.
    pub fn open(at: &Location) -> Result<NameReader> {
        let backend = match at {
            Location::File(path) => Backend::Sqlite(lite::Reader::open(path)?),
            Location::Postgres(url) => Backend::Postgres(pg::Reader::open(url)?),
        };
        Ok(NameReader { backend })
    }

    fn rows(&mut self, sql: &'static str, params: &[&str]) -> Result<Rows> {
        match &mut self.backend {
            Backend::Sqlite(r) => r.rows(sql, params, LIMIT),
            Backend::Postgres(r) => r.rows(sql, params, LIMIT),
        }
    }

    /// The names of `kind` that start with `prefix`, in order.
    pub fn names(&mut self, kind: NameKind, prefix: &str) -> Result<Vec<Name>> {
        let end = format!("{prefix}\u{10FFFF}");
        let range = [prefix, end.as_str()];
        let text = |row: &[Option<String>], i: usize| row.get(i).cloned().flatten();
        let mut out = Vec::new();
        match kind {
            NameKind::Profiles => {
                for row in self.rows(PROFILES, &range)? {
                    out.extend(text(&row, 0).map(|value| Name {
                        value,
                        help: text(&row, 1),
                    }));
                }
            }
            NameKind::Users => {
                for sql in [USERS_BY_EMAIL, USERS_BY_USERNAME] {
                    for row in self.rows(sql, &range)? {
                        let disabled = matches!(text(&row, 2).as_deref(), Some("0" | "false"));
                        let help = text(&row, 1).map(|n| {
                            if disabled {
                                format!("{n} (disabled)")
                            } else {
                                n
                            }
                        });
                        out.extend(text(&row, 0).map(|value| Name { value, help }));
                    }
                }
                out.sort_by(|a, b| a.value.cmp(&b.value));
                out.dedup_by(|a, b| a.value == b.value);
            }
            NameKind::Invitations => {
                for row in self.rows(INVITATIONS, &range)? {
                    let help = match (text(&row, 1), text(&row, 2), text(&row, 3)) {
                        (Some(email), Some(slug), Some(role)) => {
                            Some(format!("{email} to {slug} as {role}"))
                        }
                        _ => None,
                    };
                    out.extend(text(&row, 0).map(|value| Name { value, help }));
                }
            }
            NameKind::Sessions => {
                for row in self.rows(SESSIONS, &range)? {
                    let help = text(&row, 1).map(|user| match text(&row, 2) {
                        Some(slug) => format!("{user} in {slug}"),
                        None => user,
                    });
                    out.extend(text(&row, 0).map(|value| Name { value, help }));
                }
            }
            NameKind::Roles(scope) => {
                let scope = scope.map_or("", Scope::as_str);
                for row in self.rows(ROLES, &[prefix, end.as_str(), scope])? {
                    let Some(value) = text(&row, 0) else { continue };
                    let scope = text(&row, 1).unwrap_or_default();
                    let help = match text(&row, 2).filter(|d| !d.is_empty()) {
                        Some(d) => format!("{scope} role: {d}"),
                        None => format!("{scope} role"),
                    };
                    // `admin` is a role of both scopes: one name, both said.
                    if let Some(last) = out.last_mut().filter(|n: &&mut Name| n.value == value) {
                        last.help = Some("global and profile role".to_string());
                        continue;
                    }
                    out.push(Name {
                        value,
                        help: Some(help),
                    });
                }
            }
        }
        Ok(out)
    }
}
