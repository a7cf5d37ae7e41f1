//! `roster user …`

use super::args::{UserCmd, UserCreate, UserUpdate};
use super::{App, said};
use crate::actions::user::{self, NewUser, UserChanges};
use crate::actions::{OnExists, Outcome, clearable, validate};
use crate::error::{Error, Result};
use crate::model::User;
use crate::output::USER;
use crate::password;
use crate::store::OpenMode;

fn show_change(app: &App, outcome: &Outcome<User>) -> Result<()> {
    let u = outcome.value();
    if matches!(outcome, Outcome::Unchanged(_)) && app.out.format != crate::output::Format::Table {
        app.out.note(&format!(
            "user {} already exists; nothing changed",
            u.label()
        ));
    }
    app.out.changed(
        &USER,
        &u.to_json(),
        &said(outcome.label(), "user", u.label(), &u.id),
    )
}

pub fn run(app: &App, cmd: UserCmd) -> Result<()> {
    match cmd {
        UserCmd::Create(args) => create(app, args),
        UserCmd::List => {
            let users = app.read(|tx, ctx| user::list(tx, ctx))?;
            if users.is_empty() && app.out.format == crate::output::Format::Table {
                app.out.note("no users yet");
                app.out.hint("create the first one (it becomes a global admin): roster user create --email you@example.com --name 'Your Name'");
                return Ok(());
            }
            let items: Vec<_> = users.iter().map(User::to_json).collect();
            app.out.list(&USER, &items)
        }
        UserCmd::Show { user: reference } => {
            let u = app.read(|tx, ctx| user::show(tx, ctx, &reference))?;
            app.out.record(&USER, &u.to_json())
        }
        UserCmd::Update(args) => update(app, args),
        UserCmd::Passwd {
            user: reference,
            password_stdin,
        } => passwd(app, &reference, password_stdin),
        UserCmd::Grant {
            user: reference,
            roles,
        } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::grant(tx, ctx, &reference, &roles)
            })?;
            show_change(app, &o)
        }
        UserCmd::Revoke {
            user: reference,
            roles,
        } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::revoke(tx, ctx, &reference, &roles)
            })?;
            show_change(app, &o)
        }
        UserCmd::Disable { user: reference } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::set_active(tx, ctx, &reference, false)
            })?;
            show_change(app, &o)
        }
        UserCmd::Enable { user: reference } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::set_active(tx, ctx, &reference, true)
            })?;
            show_change(app, &o)
        }
        UserCmd::Delete { user: reference } => {
            let (target, memberships) =
                app.read(|tx, ctx| user::delete_plan(tx, ctx, &reference))?;
            app.out.note(&format!(
                "this deletes user {} ({}) and their {memberships} membership{}",
                target.label(),
                target.id,
                if memberships == 1 { "" } else { "s" }
            ));
            app.confirm(&format!("delete user {}", target.label()))?;
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::delete(tx, ctx, &target.id)
            })?;
            show_change(app, &o)
        }
    }
}

fn create(app: &App, a: UserCreate) -> Result<()> {
    let mut a = a;
    let no_handle = a.email.is_none() && a.username.is_none() && a.phone.is_none();
    let mut missing = Vec::new();
    if no_handle {
        missing.push("one of --email, --username and --phone");
    }
    if a.name.is_none() {
        missing.push("--name");
    }
    // A required value is missing: on a terminal the command becomes a short form (email,
    // name, then an optional password); otherwise it is a usage error naming the flags.
    let guided = !missing.is_empty();
    if guided {
        app.may_prompt(
            "user create",
            &missing,
            "roster user create --email ann@example.com --name Ann",
        )?;
        if no_handle {
            a.email = Some(app.ask_email("Email", "--email")?);
        }
        if a.name.is_none() {
            a.name = Some(app.ask_name("Name", "--name")?);
        }
    }
    let Some(name) = a.name else {
        return Err(Error::usage("user create: --name is required")
            .hint("for example: roster user create --email ann@example.com --name Ann"));
    };
    let metadata = a
        .metadata
        .as_deref()
        .map(validate::metadata_text)
        .transpose()?;
    let input = NewUser {
        id: a.id,
        email: a.email,
        username: a.username,
        phone: a.phone,
        name: Some(name),
        image: a.image,
        kind: a.kind,
        roles: a.roles,
        tags: (!a.tags.is_empty()).then_some(a.tags),
        metadata,
        active: None,
        password_hash: None,
    }
    // Validate before asking for, or hashing, a password.
    .validated()?;
    let mut input = input;
    if a.password_stdin {
        let pw = app.read_stdin_lines(1)?.remove(0);
        input.password_hash = Some(password::hash(&pw)?);
    } else if guided && let Some(pw) = app.ask_new_password("Password (Enter for none)", true)? {
        input.password_hash = Some(password::hash(&pw)?);
    }
    let on_exists = if a.if_not_exists {
        OnExists::Skip
    } else {
        OnExists::Fail
    };
    let o = app.write(OpenMode::Create, |tx, ctx| {
        user::create(tx, ctx, input, on_exists)
    })?;
    show_change(app, &o)
}

fn update(app: &App, a: UserUpdate) -> Result<()> {
    let changes = UserChanges {
        name: a.name,
        image: clearable(a.image),
        tags: if a.clear_tags {
            Some(Vec::new())
        } else {
            (!a.tags.is_empty()).then_some(a.tags)
        },
        metadata: a
            .metadata
            .as_deref()
            .map(validate::metadata_text)
            .transpose()?,
        email: clearable(a.email),
        username: clearable(a.username),
        phone: clearable(a.phone),
        kind: a.kind,
    };
    if changes.is_empty() {
        return Err(Error::usage("user update: nothing to change").hint(
            "give at least one of --name, --image, --tag, --clear-tags, --metadata, --email, --username, --phone, --type",
        ));
    }
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        user::update(tx, ctx, &a.user, changes)
    })?;
    show_change(app, &o)
}

fn passwd(app: &App, reference: &str, from_stdin: bool) -> Result<()> {
    // The rules first (77 before any password is read); whether the actor changes their
    // own password decides how many lines stdin holds. The action checks again.
    let (is_self, has_password) = app.read(|tx, ctx| {
        let (target, is_self) = user::passwd_target(tx, ctx, reference)?;
        Ok((is_self, target.password_hash.is_some()))
    })?;
    let needs_current = is_self && has_password;
    let (current, new) = if from_stdin {
        let mut lines = app.read_stdin_lines(if needs_current { 2 } else { 1 })?;
        let new = lines.pop().unwrap_or_default();
        (lines.pop(), new)
    } else {
        let current = if needs_current {
            if !app.interactive {
                return Err(Error::usage("user passwd: no terminal to ask for the passwords")
                    .hint("pipe the current and the new password, one per line, with --password-stdin"));
            }
            Some(
                dialoguer::Password::new()
                    .with_prompt("Current password")
                    .interact_on(&dialoguer::console::Term::stderr())
                    .map_err(|e| Error::usage(format!("could not read the password: {e}")))?,
            )
        } else {
            None
        };
        (current, app.prompt_password("New password")?)
    };
    let new_hash = password::hash(&new)?;
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        user::passwd(tx, ctx, reference, current.as_deref(), &new_hash)
    })?;
    let u = o.value();
    app.out.changed(
        &USER,
        &u.to_json(),
        &format!("password changed for user {}", u.label()),
    )
}
