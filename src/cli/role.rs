//! `roster role …`: the definitions of what each role lets its holders do.

use clap::{Args, Subcommand};

use super::App;
use crate::actions::role::{self, NewRole, RoleChanges};
use crate::actions::{OnExists, Outcome};
use crate::error::Result;
use crate::model::{RoleDef, Scope};
use crate::output::Said;
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum RoleCmd {
    /// Define a role: the events it grants (needs every permission it carries)
    #[command(
        after_help = "Patterns: an event (member-list), a family (media-*), an event ending in :own
(media-remove:own: only on media the holder added). `roster can USER --all` lists the events.

Examples:
  roster role create support --scope global --allow user-list,user-show,member-list,invite-*
  roster role create editor --scope profile --allow media-*,member-list --description 'runs the library'"
    )]
    Create(RoleCreate),
    /// List every role, built-in and custom, with how many hold it
    #[command(after_help = "Examples:\n  roster role list\n  roster --json role list")]
    List,
    /// Show a role: its patterns, the events they grant, and how many hold it
    #[command(
        after_help = "Examples:\n  roster role show editor\n  roster role show admin --scope profile"
    )]
    Show {
        /// The role's name (any case)
        name: String,
        /// global or profile: needed for admin, which both scopes define
        #[arg(long, value_enum)]
        scope: Option<Scope>,
    },
    /// Change a custom role: grant more (--allow) or less (--deny)
    #[command(
        after_help = "Examples:\n  roster role update editor --allow invite-send\n  \
        roster role update support --deny invite-cancel --description 'first-line support'"
    )]
    Update(RoleUpdate),
    /// Delete a custom role nobody holds (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster role delete viewer\n  roster --yes role delete viewer"
    )]
    Delete {
        /// The role's name (any case)
        name: String,
        /// global or profile: needed for a name both scopes define
        #[arg(long, value_enum)]
        scope: Option<Scope>,
    },
}

#[derive(Debug, Args)]
pub struct RoleCreate {
    /// Name: a letter, then up to 31 letters, digits, '-' or '_' (stored lower-case)
    pub name: String,
    /// global: held by users, applies everywhere; profile: held in a profile
    #[arg(long, value_enum)]
    pub scope: Scope,
    /// Permission patterns it grants (repeat, or separate with commas)
    #[arg(long, value_name = "PATTERN", value_delimiter = ',', required = true, num_args = 1..)]
    pub allow: Vec<String>,
    /// What the role is for
    #[arg(long)]
    pub description: Option<String>,
    /// Succeed without change when the role exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct RoleUpdate {
    /// The role's name (any case)
    pub name: String,
    /// global or profile: needed for a name both scopes define
    #[arg(long, value_enum)]
    pub scope: Option<Scope>,
    /// Patterns to add (repeat, or separate with commas)
    #[arg(long, value_name = "PATTERN", value_delimiter = ',', num_args = 1..)]
    pub allow: Vec<String>,
    /// Patterns, or events a family glob covers, to take away
    #[arg(long, value_name = "PATTERN", value_delimiter = ',', num_args = 1..)]
    pub deny: Vec<String>,
    /// What the role is for ('' clears it)
    #[arg(long)]
    pub description: Option<String>,
}

/// `created profile role editor`.
fn changed(o: &Outcome<RoleDef>) -> Said {
    let r = o.value();
    Said::from(format!(
        "{} {} role {}",
        o.label(),
        r.scope.as_str(),
        r.name
    ))
    .unchanged(format!(
        "{} role {} already exists; nothing changed",
        r.scope.as_str(),
        r.name
    ))
}

pub fn run(app: &App, cmd: RoleCmd) -> Result<()> {
    match cmd {
        RoleCmd::Create(a) => {
            let input = NewRole {
                name: a.name,
                scope: Some(a.scope),
                allow: a.allow,
                description: a.description,
            };
            let on_exists = if a.if_not_exists {
                OnExists::Skip
            } else {
                OnExists::Fail
            };
            let o = app.write(OpenMode::Create, |tx, ctx| {
                role::create(tx, ctx, input, on_exists)
            })?;
            app.out.changed(&o, changed)
        }
        RoleCmd::List => {
            let roles = app.read(|tx, ctx| role::list(tx, ctx))?;
            app.out.list(&roles)
        }
        RoleCmd::Show { name, scope } => {
            let r = app.read(|tx, ctx| role::show(tx, ctx, &name, scope))?;
            app.out.record(&r)
        }
        RoleCmd::Update(a) => {
            let changes = RoleChanges {
                allow: a.allow,
                deny: a.deny,
                description: a.description,
            };
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                role::update(tx, ctx, &a.name, a.scope, changes, OnExists::Fail)
            })?;
            app.out.changed(&o, changed)
        }
        RoleCmd::Delete { name, scope } => {
            let plan =
                app.read(|tx, ctx| role::delete_plan(tx, ctx, &name, scope, OnExists::Fail))?;
            if let Some(r) = &plan {
                app.confirm(&format!("delete {} role {}", r.scope.as_str(), r.name))?;
            }
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                role::delete(tx, ctx, &name, scope, OnExists::Fail)
            })?;
            match o {
                Some(o) => app.out.changed(&o, changed),
                None => Ok(()),
            }
        }
    }
}
