//! `roster member …`

use clap::{Args, Subcommand};

use super::App;
use super::page::{self, shell_quote};
use crate::actions::member::{self, ListQuery, label};
use crate::actions::page::DEFAULT_LIMIT;
use crate::actions::{OnExists, Outcome};
use crate::error::{Error, Result};
use crate::model::{Member, Role};
use crate::output::{Format, Said, render_json};
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// Add users to a profile (its owners and admins, global admins), all in one transaction
    #[command(
        after_help = "On a terminal, a missing PROFILE or USER is asked for.\n\n\
        Examples:\n  roster member add the-smiths bob@example.com carol\n  \
        roster member add office dave@example.com --role admin --if-not-exists"
    )]
    Add(MemberAdd),
    /// Remove users from a profile (a member may remove themself); asks first for several
    #[command(
        after_help = "Examples:\n  roster member remove the-smiths bob@example.com\n  \
        roster --as bob@example.com member remove the-smiths bob@example.com   (leave)"
    )]
    Remove {
        /// Slug or id
        profile: String,
        /// Id, email or username of each user
        #[arg(required = true, num_args = 1..)]
        users: Vec<String>,
    },
    /// Leave a profile: remove your own membership (as a user, with --as; the last owner
    /// transfers ownership first)
    #[command(
        after_help = "Examples:\n  roster --as bob@example.com member leave the-smiths\n  \
        ROSTER_AS=carol roster member leave office"
    )]
    Leave {
        /// Slug or id
        profile: String,
    },
    /// List a profile's members, owners first: all of them, or a page at a time with
    /// --limit (its members and global admins)
    #[command(
        after_help = "Examples:\n  roster member list the-smiths\n  roster --format csv member list office\n  \
        roster --json member list office --limit 200 --after \"$CURSOR\"   (the next_cursor of the previous page)"
    )]
    List(MemberList),
    /// Change a member's role (anything touching `owner` needs an owner or a global admin)
    #[command(
        after_help = "Examples:\n  roster member role the-smiths bob@example.com admin\n  \
        roster member role the-smiths carol owner   (share ownership; `profile transfer` hands it on)"
    )]
    Role {
        /// Slug or id
        profile: String,
        /// Id, email or username
        user: String,
        /// owner, admin, member or a custom profile role
        role: String,
    },
}

#[derive(Debug, Args)]
pub struct MemberAdd {
    /// Slug or id (asked for on a terminal when left out)
    pub profile: Option<String>,
    /// Id, email or username of each user (asked for on a terminal when left out)
    #[arg(value_name = "USER")]
    pub users: Vec<String>,
    /// The role to give: owner, admin, member or a custom profile role
    #[arg(long, default_value = "member")]
    pub role: String,
    /// Succeed without change for users who are already members
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct MemberList {
    /// Slug or id
    pub profile: String,
    /// Members per page, 1 to 1000 [default: every member; 50 with --after]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<i64>,
    /// Continue after this cursor (the next_cursor a previous page gave)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

/// `added bob@example.com to the-smiths as member`, and the like for each outcome.
fn changed(o: &Outcome<Member>) -> Said {
    let m = o.value();
    let line = match o {
        Outcome::Created(_) => format!(
            "added {} to {} as {}",
            label(m),
            m.profile_slug,
            m.role.as_str()
        ),
        Outcome::Unchanged(_) => format!(
            "unchanged: {} is already a member of {} ({})",
            label(m),
            m.profile_slug,
            m.role.as_str()
        ),
        Outcome::Updated(_) => format!(
            "{} is now {} of {}",
            label(m),
            m.role.as_str(),
            m.profile_slug
        ),
        Outcome::Deleted(_) => format!("removed {} from {}", label(m), m.profile_slug),
    };
    Said::from(line)
}

/// A membership whose role was set (`member role`, `profile transfer`): `bob@example.com
/// is now admin of the-smiths`, or `unchanged: … is already admin of the-smiths`.
pub fn role_said(o: &Outcome<Member>) -> Said {
    match o {
        Outcome::Unchanged(m) => format!(
            "unchanged: {} is already {} of {}",
            label(m),
            m.role.as_str(),
            m.profile_slug
        )
        .into(),
        _ => changed(o),
    }
}

/// `member add` without its profile or users: asked for on a terminal, else exit 2.
fn ask_missing(
    app: &App,
    profile: Option<String>,
    users: Vec<String>,
) -> Result<(String, Vec<String>)> {
    if let (Some(p), false) = (&profile, users.is_empty()) {
        return Ok((p.clone(), users));
    }
    let mut missing = Vec::new();
    if profile.is_none() {
        missing.push("PROFILE");
    }
    if users.is_empty() {
        missing.push("USER");
    }
    app.may_prompt(
        "member add",
        &missing,
        "roster member add the-smiths bob@example.com",
    )?;
    let profile = match profile {
        Some(p) => p,
        None => app.ask_profile(&app.known_profiles()?)?,
    };
    let users = if users.is_empty() {
        // The profile, and the right to add to it, before the users are typed: a refusal
        // there ends the command, where a user's typo below is asked again.
        app.peek(|tx, ctx| member::users_to_add(tx, ctx, &profile, &[]))?;
        let answer = app.ask(
            "Users to add (email, username or id; several separated by spaces)",
            "the USER arguments",
            None,
            "a user is needed here",
            |v| {
                let refs = super::prompt::several(v);
                if refs.is_empty() {
                    return Err(Error::usage("a user is needed here"));
                }
                // Looked up now, as the profile was: a user who does not exist is asked
                // again rather than ending the command (nothing of the line is kept).
                app.peek(|tx, ctx| member::users_to_add(tx, ctx, &profile, &refs))?;
                Ok(v.to_string())
            },
        )?;
        super::prompt::several(&answer)
    } else {
        users
    };
    Ok((profile, users))
}

pub fn run(app: &App, cmd: MemberCmd) -> Result<()> {
    match cmd {
        MemberCmd::Add(mut a) => {
            let (profile, users) =
                ask_missing(app, a.profile.take(), std::mem::take(&mut a.users))?;
            let on_exists = if a.if_not_exists {
                OnExists::Skip
            } else {
                OnExists::Fail
            };
            let role = profile_role(&a.role)?;
            let outcomes = app.write(OpenMode::Existing, |tx, ctx| {
                member::add(tx, ctx, &profile, &users, &role, on_exists)
            })?;
            app.out.changed(&outcomes, changed)
        }
        MemberCmd::Remove { profile, users } => {
            if users.len() > 1 {
                let (p, members) =
                    app.read(|tx, ctx| member::remove_plan(tx, ctx, &profile, &users))?;
                let names: Vec<&str> = members.iter().map(label).collect();
                app.out.note(&format!(
                    "this removes {} members from profile {}: {}",
                    members.len(),
                    p.slug,
                    names.join(", ")
                ));
                app.confirm(&format!("remove {} members from {}", members.len(), p.slug))?;
            }
            let outcomes = app.write(OpenMode::Existing, |tx, ctx| {
                member::remove(tx, ctx, &profile, &users, OnExists::Fail)
            })?;
            app.out.changed(&outcomes, changed)
        }
        MemberCmd::List(a) => list(app, a),
        MemberCmd::Role {
            profile,
            user,
            role,
        } => {
            let role = profile_role(&role)?;
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                member::set_role(tx, ctx, &profile, &user, &role)
            })?;
            app.out.changed(&o, role_said)
        }
        MemberCmd::Leave { profile } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                member::leave(tx, ctx, &profile)
            })?;
            app.out.changed(&o, |o| {
                let m = o.value();
                Said::from(format!("{} left {}", label(m), m.profile_slug))
            })
        }
    }
}

/// `member list`: without --limit and --after, every member, as a list (a JSON array) as
/// it always was; with either, one page: JSON `{"items": [...], "next_cursor": ...}` as
/// `media list` prints, and the next page's command on stderr under the other formats.
fn list(app: &App, a: MemberList) -> Result<()> {
    let query = ListQuery {
        limit: a.limit,
        after: a.after,
    };
    let pages = query.pages();
    let page = app.read(|tx, ctx| member::list(tx, ctx, &a.profile, query))?;
    if pages && app.out.format == Format::Json {
        app.out.out(&render_json(&page.to_json()))?;
    } else {
        app.out.list(&page.items)?;
    }
    let mut command = vec!["member list".to_string(), shell_quote(&page.profile.slug)];
    if let Some(limit) = page.limit.filter(|l| *l != DEFAULT_LIMIT) {
        command.push(format!("--limit {limit}"));
    }
    page::hint_next(app, &command, page.next_cursor.as_deref());
    Ok(())
}

/// A profile role's name as given on the command line (any case), or 65.
pub fn profile_role(given: &str) -> Result<Role> {
    let name = crate::actions::role::name(given).map_err(|e| {
        e.hint("the built-in profile roles are owner, admin and member; `roster role list` shows the rest")
    })?;
    Role::parse(&name).ok_or_else(|| Error::internal("a checked role name"))
}
