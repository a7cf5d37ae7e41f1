//! `roster login`, `roster session …` and `roster whoami`.

use clap::{Args, Subcommand};
use serde_json::json;

use super::App;
use crate::actions::Outcome;
use crate::actions::session::{self, ListQuery, Login, NewSession, Started};
use crate::error::{Error, Result};
use crate::model::{Session, SessionOrigin};
use crate::output::{Format, Record, Said, render_json};
use crate::store::OpenMode;

#[derive(Debug, Args)]
pub struct LoginArgs {
    /// Id, email or username
    pub user: String,
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub password_stdin: bool,
    /// The session's active profile (the user must be a member) [default: their only one]
    #[arg(long, value_name = "PROFILE")]
    pub profile: Option<String>,
    /// How long the session lasts: 12h, 30d, 2w
    #[arg(long, value_name = "DURATION", default_value = session::DEFAULT_LIFETIME)]
    pub expires_in: String,
    /// Recorded with the session, for the web application's own use
    #[arg(long)]
    pub user_agent: Option<String>,
    /// Recorded with the session, for the web application's own use
    #[arg(long)]
    pub ip: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    /// Start a session for a user without their password (global admins): for scripts and tests
    #[command(
        after_help = "The token is printed once, on stdout (with -q, the token alone); only its SHA-256 is kept.\n\n\
        Examples:\n  roster session issue bob@example.com --profile smith-family --expires-in 1d\n  \
        TOKEN=$(roster -q session issue bob@example.com)"
    )]
    Issue {
        /// Id, email or username
        user: String,
        /// The session's active profile (the user must be a member) [default: their only one]
        #[arg(long, value_name = "PROFILE")]
        profile: Option<String>,
        /// How long the session lasts: 12h, 30d, 2w
        #[arg(long, value_name = "DURATION", default_value = session::DEFAULT_LIFETIME)]
        expires_in: String,
    },
    /// List sessions: live ones, or every one with --all (a user sees their own)
    #[command(
        after_help = "Examples:\n  roster session list --user bob@example.com\n  \
        roster session list --profile smith-family --all"
    )]
    List {
        /// Only this user's
        #[arg(long, value_name = "USER")]
        user: Option<String>,
        /// Only those whose active profile this is
        #[arg(long, value_name = "PROFILE")]
        profile: Option<String>,
        /// Expired and revoked ones too
        #[arg(long)]
        all: bool,
    },
    /// Show a session: its user, status, active profile, roles, and what it may do there
    #[command(
        after_help = "Sessions are named by id or by a unique prefix of it (at least 4 characters).\n\n\
        Examples:\n  roster session show 0193a1b2"
    )]
    Show {
        /// Id or unique prefix
        session: String,
    },
    /// Set a live session's active profile, or clear it with --none
    #[command(
        after_help = "Examples:\n  roster session use 0193a1b2 book-club\n  roster session use 0193a1b2 --none"
    )]
    Use {
        /// Id or unique prefix
        session: String,
        /// The profile (the session's user must be a member)
        #[arg(required_unless_present = "none", conflicts_with = "none")]
        profile: Option<String>,
        /// Clear the active profile
        #[arg(long)]
        none: bool,
    },
    /// Revoke sessions, or every live session of a user with --user (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster session revoke 0193a1b2\n  roster --yes session revoke --user bob@example.com"
    )]
    Revoke {
        /// Ids or unique prefixes
        #[arg(required_unless_present = "user", conflicts_with = "user")]
        sessions: Vec<String>,
        /// Every live session of this user
        #[arg(long, value_name = "USER")]
        user: Option<String>,
    },
    /// Delete sessions that expired or were revoked more than 30 days ago
    #[command(after_help = "Examples:\n  roster session prune")]
    Prune,
}

/// What a started session prints: the session, and its token — once.
fn print_started(app: &App, started: &Started, now: &str) -> Result<()> {
    let Some(token) = &started.token else {
        return Err(Error::internal("a new session without its token"));
    };
    let s = &started.session;
    if app.out.quiet {
        // `TOKEN=$(roster -q session issue bob)`: the token alone.
        return app.out.out(&format!("{token}\n"));
    }
    match app.out.format {
        Format::Table => {
            let profile = s
                .active_profile
                .as_deref()
                .map(|p| format!(", active profile {}", crate::output::safe(p)))
                .unwrap_or_default();
            app.out.note(&format!(
                "signed in {} (session {}{profile}, until {}); the token is shown this once",
                s.user, s.id, s.expires_at
            ));
            app.out.out(&format!("{token}\n"))
        }
        _ => {
            let mut v = s.clone().at(now).to_json();
            v["token"] = json!(token);
            app.out.out(&render_json(&v))
        }
    }
}

pub fn login(app: &App, a: LoginArgs) -> Result<()> {
    let expires_in = session::lifetime("--expires-in", Some(&a.expires_in))?;
    // Who signs in, checked before the password is read.
    let stored = app.read(|tx, _| {
        let user = session::login_target(tx, &a.user)?;
        Ok(user.password_hash.unwrap_or_default())
    })?;
    let password = if a.password_stdin {
        app.read_stdin_lines(1)?.remove(0)
    } else {
        if !app.interactive {
            return Err(Error::usage(format!(
                "login: no password given, and {}",
                app.not_asking()
            ))
            .hint("pipe it in with --password-stdin (passwords are never taken as arguments)"));
        }
        app.ask_password("Password")?
    };
    // Verified outside the write transaction (argon2 takes a while); the action checks the
    // hash is still the stored one.
    let verified = crate::password::verify(&password, &stored);
    let input = NewSession {
        user: a.user,
        profile: a.profile,
        expires_in,
        user_agent: a.user_agent,
        ip: a.ip,
        origin: SessionOrigin::Login,
        token: None,
    };
    let mut now = String::new();
    let result = app.write(OpenMode::Existing, |tx, ctx| {
        now = ctx.now_text.clone();
        session::login(tx, ctx, input, &stored, verified)
    })?;
    match result {
        Login::Started(s) => print_started(app, &s, &now),
        // The refusal was audited and committed: now the command fails.
        Login::Refused(e) => Err(e),
    }
}

fn said(o: &Outcome<Session>) -> Said {
    let s = o.value();
    let what = match o {
        Outcome::Updated(_) if s.revoked_at.is_some() => "revoked",
        Outcome::Updated(_) => "updated",
        Outcome::Unchanged(_) => "unchanged",
        _ => o.label(),
    };
    Said::from(format!("{what} session {} of {}", s.id, s.user))
        .unchanged(format!("session {} was already so; nothing changed", s.id))
}

pub fn run(app: &App, cmd: SessionCmd) -> Result<()> {
    match cmd {
        SessionCmd::Issue {
            user,
            profile,
            expires_in,
        } => {
            let expires_in = session::lifetime("--expires-in", Some(&expires_in))?;
            let input = NewSession {
                user,
                profile,
                expires_in,
                user_agent: None,
                ip: None,
                origin: SessionOrigin::Issued,
                token: None,
            };
            let mut now = String::new();
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                now = ctx.now_text.clone();
                session::issue(tx, ctx, input, crate::actions::OnExists::Fail)
            })?;
            print_started(app, o.value(), &now)
        }
        SessionCmd::List { user, profile, all } => {
            let q = ListQuery { user, profile, all };
            let mut now = String::new();
            let sessions = app.read(|tx, ctx| {
                now = ctx.now_text.clone();
                session::list(tx, ctx, &q)
            })?;
            if sessions.is_empty() && app.out.format == Format::Table {
                app.out.note(if all {
                    "no sessions"
                } else {
                    "no live sessions"
                });
                return Ok(());
            }
            let shown: Vec<_> = sessions.into_iter().map(|s| s.at(&now)).collect();
            app.out.list(&shown)
        }
        SessionCmd::Show { session: given } => {
            let mut now = String::new();
            let shown = app.read(|tx, ctx| {
                now = ctx.now_text.clone();
                session::show(tx, ctx, &given)
            })?;
            let mut at = shown.session.at(&now);
            at.stale = Some(shown.stale);
            at.may = Some(shown.may);
            app.out.record(&at)
        }
        SessionCmd::Use {
            session: given,
            profile,
            none: _,
        } => {
            let mut now = String::new();
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                now = ctx.now_text.clone();
                session::use_profile(tx, ctx, &given, profile.as_deref())
            })?;
            let o = o.map(|s| s.at(&now));
            app.out.changed(&o, |o| {
                let s = &o.value().session;
                let profile = s.active_profile.as_deref().unwrap_or("none");
                let line = match o {
                    Outcome::Unchanged(_) => format!(
                        "unchanged: session {} of {} already has active profile {profile}",
                        s.id, s.user
                    ),
                    _ => format!("session {} of {}: active profile {profile}", s.id, s.user),
                };
                Said::from(line)
                    .unchanged(format!("session {} already had that active profile", s.id))
            })
        }
        SessionCmd::Revoke {
            sessions,
            user: Some(user),
        } => {
            let _ = sessions;
            let (u, live) = app.read(|tx, ctx| session::revoke_user_plan(tx, ctx, &user))?;
            if live.is_empty() {
                app.out.note(&format!(
                    "{} has no live session; nothing changed",
                    u.label()
                ));
                return Ok(());
            }
            app.out.note(&format!(
                "this revokes {} live session{} of {}",
                live.len(),
                if live.len() == 1 { "" } else { "s" },
                u.label()
            ));
            app.confirm_by_typing(&format!("revoke every session of {}", u.label()), u.label())?;
            let ids = app.write(OpenMode::Existing, |tx, ctx| {
                session::revoke_user(tx, ctx, &user)
            })?;
            if app.out.quiet {
                return Ok(());
            }
            match app.out.format {
                Format::Table => app.out.out(&format!(
                    "revoked {} session{} of {}\n",
                    ids.len(),
                    if ids.len() == 1 { "" } else { "s" },
                    crate::output::safe(u.label())
                )),
                _ => app.out.out(&render_json(&json!({
                    "user": u.label(),
                    "revoked": ids,
                }))),
            }
        }
        SessionCmd::Revoke {
            sessions,
            user: None,
        } => {
            let mut now = String::new();
            let outcomes = app.write(OpenMode::Existing, |tx, ctx| {
                now = ctx.now_text.clone();
                session::revoke(tx, ctx, &sessions)
            })?;
            let outcomes: Vec<Outcome<_>> = outcomes
                .into_iter()
                .map(|o| o.map(|s| s.at(&now)))
                .collect();
            app.out.changed(&outcomes, |o| {
                let s = &o.value().session;
                said(&match o {
                    Outcome::Unchanged(_) => Outcome::Unchanged(s.clone()),
                    _ => Outcome::Updated(s.clone()),
                })
            })
        }
        SessionCmd::Prune => {
            let n = app.write(OpenMode::Existing, session::prune)?;
            if app.out.quiet {
                return Ok(());
            }
            match app.out.format {
                Format::Table => app.out.out(&format!(
                    "removed {n} session{} that ended more than {} days ago\n",
                    if n == 1 { "" } else { "s" },
                    session::PRUNE_AFTER_DAYS
                )),
                _ => app.out.out(&render_json(&json!({ "removed": n }))),
            }
        }
    }
}

pub fn whoami(app: &App) -> Result<()> {
    let w = app.read(|tx, ctx| session::whoami(tx, ctx))?;
    app.out.record(&w)
}
