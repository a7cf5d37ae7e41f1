//! `roster user …`

use clap::{Args, Subcommand};

use super::page::{self, shell_quote};
use super::{App, said};
use crate::actions::page::DEFAULT_LIMIT;
use crate::actions::user::{self, NewUser, UserChanges};
use crate::actions::{OnExists, Outcome, clearable, validate};
use crate::error::{Error, Result};
use crate::model::User;
use crate::output::{Format, Said, render_json};
use crate::password;
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create a user (the first user ever created becomes a global admin)
    #[command(
        after_help = "On a terminal, a missing email or name is asked for, then a password (hidden, typed\n\
        twice; an empty answer leaves the user without one).\n\n\
        Examples:\n  roster user create --email ann@example.com --name 'Ann Smith'\n  \
        printf '%s\\n' \"$PW\" | roster user create --email bob@example.com --name Bob --password-stdin --if-not-exists"
    )]
    Create(UserCreate),
    /// List users, oldest first; a page at a time with --limit (a non-admin sees only themself)
    #[command(
        after_help = "Examples:\n  roster user list --search smith\n  roster user list --format csv > users.csv\n  \
        roster --json user list --limit 200 --after \"$CURSOR\"   (the next_cursor of the previous page)"
    )]
    List(UserList),
    /// Show one user and the profiles they belong to
    #[command(
        after_help = "Examples:\n  roster user show ann@example.com\n  roster --json user show ann"
    )]
    Show {
        /// Id, email or username
        user: String,
    },
    /// Change a user's name, image, tags or metadata (identity fields: global admins only)
    #[command(
        after_help = "Examples:\n  roster user update ann@example.com --name 'Ann B. Smith'\n  \
        roster --as ann user update ann --tag beta --metadata '{\"theme\":\"dark\"}'"
    )]
    Update(UserUpdate),
    /// Set a user's password (read from stdin; never from the command line)
    #[command(
        after_help = "Examples:\n  printf '%s\\n' \"$NEW\" | roster user passwd ann --password-stdin\n  \
        printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | roster --as ann user passwd ann --password-stdin   (yourself: current, then new)"
    )]
    Passwd {
        /// Id, email or username
        user: String,
        /// Read the password from the first line of stdin (yourself: current, then new, on two lines)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Add global roles to a user (global admins only, never yourself)
    #[command(
        after_help = "Examples:\n  roster user grant bob@example.com admin\n  roster user grant bob support billing"
    )]
    Grant {
        /// Id, email or username
        user: String,
        /// Roles to add (lower-case words such as admin)
        #[arg(required = true, num_args = 1..)]
        roles: Vec<String>,
    },
    /// Remove global roles from a user (global admins only, never yourself)
    #[command(after_help = "Examples:\n  roster user revoke bob@example.com admin")]
    Revoke {
        /// Id, email or username
        user: String,
        /// Roles to remove
        #[arg(required = true, num_args = 1..)]
        roles: Vec<String>,
    },
    /// Disable a user: they can no longer act or accept invitations
    #[command(after_help = "Examples:\n  roster user disable bob@example.com")]
    Disable {
        /// Id, email or username
        user: String,
    },
    /// Enable a disabled user
    #[command(after_help = "Examples:\n  roster user enable bob@example.com")]
    Enable {
        /// Id, email or username
        user: String,
    },
    /// Delete a user and their memberships (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster user delete bob@example.com\n  roster --yes user delete bob"
    )]
    Delete {
        /// Id, email or username
        user: String,
    },
    /// Mark a user's email or phone verified, or not with --undo (global admins, never yourself)
    #[command(
        after_help = "Examples:\n  roster user verify dan@example.com --email\n  roster user verify frank --phone --undo"
    )]
    Verify {
        /// Id, email or username
        user: String,
        /// The email address
        #[arg(long, required_unless_present = "phone", conflicts_with = "phone")]
        email: bool,
        /// The phone number
        #[arg(long)]
        phone: bool,
        /// Mark it not verified
        #[arg(long)]
        undo: bool,
    },
}

#[derive(Debug, Args)]
pub struct UserList {
    /// Only users whose email, username, name or phone contains this text, ignoring case
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Users per page, 1 to 1000 [default: every user; 50 with --after]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<i64>,
    /// Continue after this cursor (the next_cursor a previous page gave)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

#[derive(Debug, Args)]
pub struct UserCreate {
    /// Email address (stored lower-case)
    #[arg(long)]
    pub email: Option<String>,
    /// Display name
    #[arg(long)]
    pub name: Option<String>,
    /// Username (2-32 of letters, digits, '.', '_', '-')
    #[arg(long)]
    pub username: Option<String>,
    /// Phone number in E.164 form, such as +14155550123
    #[arg(long)]
    pub phone: Option<String>,
    /// A global role; repeat for several
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Avatar URL
    #[arg(long)]
    pub image: Option<String>,
    /// User type [default: person]
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// A tag; repeat for several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Metadata as a JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub password_stdin: bool,
    /// An explicit id ([A-Za-z0-9._-], at most 64)
    #[arg(long)]
    pub id: Option<String>,
    /// Succeed without change when the user already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct UserUpdate {
    /// Id, email or username
    pub user: String,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New avatar URL ('' removes it)
    #[arg(long)]
    pub image: Option<String>,
    /// Replace the tags; repeat for several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove every tag
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
    /// Replace the metadata with this JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// New email (global admins only; '' removes it)
    #[arg(long)]
    pub email: Option<String>,
    /// New username (global admins only; '' removes it)
    #[arg(long)]
    pub username: Option<String>,
    /// New phone (global admins only; '' removes it)
    #[arg(long)]
    pub phone: Option<String>,
    /// New user type (global admins only)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
}

/// `updated user ann@example.com (id …)`.
fn changed(o: &Outcome<User>) -> Said {
    let u = o.value();
    Said::from(said(o.label(), "user", u.label(), &u.id)).unchanged(format!(
        "user {} already exists; nothing changed",
        u.label()
    ))
}

pub fn run(app: &App, cmd: UserCmd) -> Result<()> {
    match cmd {
        UserCmd::Create(args) => create(app, args),
        UserCmd::List(a) => list(app, a),
        UserCmd::Show { user: reference } => {
            let d = app.read(|tx, ctx| user::show(tx, ctx, &reference))?;
            if app.out.format != Format::Table {
                return app.out.record(&d);
            }
            // The user, then a table of their memberships.
            app.out.record(&d.user)?;
            if d.memberships.is_empty() {
                app.out
                    .note(&format!("{} is a member of no profile", d.user.label()));
                Ok(())
            } else {
                app.out.out("\n")?;
                app.out.list(&d.memberships)
            }
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
            app.out.changed(&o, changed)
        }
        UserCmd::Revoke {
            user: reference,
            roles,
        } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::revoke(tx, ctx, &reference, &roles)
            })?;
            app.out.changed(&o, changed)
        }
        UserCmd::Disable { user: reference } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::set_active(tx, ctx, &reference, false)
            })?;
            app.out.changed(&o, changed)
        }
        UserCmd::Enable { user: reference } => {
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::set_active(tx, ctx, &reference, true)
            })?;
            app.out.changed(&o, changed)
        }
        UserCmd::Verify {
            user: reference,
            email,
            phone: _,
            undo,
        } => {
            let which = if email {
                user::Identifier::Email
            } else {
                user::Identifier::Phone
            };
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::verify(tx, ctx, &reference, which, undo)
            })?;
            let what = if email { "email" } else { "phone" };
            app.out.changed(&o, |o| {
                let u = o.value();
                let state = if undo { "not verified" } else { "verified" };
                let line = match o {
                    Outcome::Unchanged(_) => {
                        format!(
                            "unchanged: the {what} of user {} is already {state}",
                            u.label()
                        )
                    }
                    _ => format!("{what} of user {}: {state}", u.label()),
                };
                Said::from(line).unchanged(format!(
                    "the {what} of user {} was already {state}",
                    u.label()
                ))
            })
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
            app.confirm_by_typing(&format!("delete user {}", target.label()), target.label())?;
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                user::delete(tx, ctx, &target.id)
            })?;
            app.out.changed(&o, changed)
        }
    }
}

/// `user list`: without --limit and --after, every user (matching --search), as a list (a
/// JSON array) as it always was; with either, one page: JSON `{"items": [...],
/// "next_cursor": ...}` as `media list` prints, and the next page's command on stderr under
/// the other formats.
fn list(app: &App, a: UserList) -> Result<()> {
    let query = user::ListQuery {
        search: a.search.clone(),
        limit: a.limit,
        after: a.after.clone(),
    };
    let pages = query.pages();
    let page = app.read(|tx, ctx| user::list(tx, ctx, query))?;
    match app.out.format {
        Format::Json if pages => app.out.out(&render_json(&page.to_json()))?,
        Format::Table if page.items.is_empty() => {
            if a.search.is_some() || a.after.is_some() {
                app.out.note("no users match");
            } else {
                app.out.note("no users yet");
                app.out.hint("create the first one (it becomes a global admin): roster user create --email you@example.com --name 'Your Name'");
            }
        }
        _ => app.out.list(&page.items)?,
    }
    let mut command = vec!["user list".to_string()];
    if let Some(search) = &a.search {
        command.push("--search".into());
        command.push(shell_quote(search));
    }
    if let Some(limit) = page.limit.filter(|l| *l != DEFAULT_LIMIT) {
        command.push(format!("--limit {limit}"));
    }
    page::hint_next(app, &command, page.next_cursor.as_deref());
    Ok(())
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
    let on_exists = if a.if_not_exists {
        OnExists::Skip
    } else {
        OnExists::Fail
    };
    if guided {
        app.may_prompt(
            "user create",
            &missing,
            "roster user create --email ann@example.com --name Ann",
        )?;
        if a.id.is_some() || !no_handle {
            // What the flags name, checked before the first question: a taken email or
            // username is refused (68) before anything is typed.
            let given = NewUser {
                id: a.id.clone(),
                email: a.email.clone(),
                username: a.username.clone(),
                phone: a.phone.clone(),
                ..NewUser::default()
            }
            .names_validated()?;
            app.peek(|tx, ctx| user::check_free(tx, ctx, &given, on_exists))?;
        }
        if no_handle {
            // A taken email is refused at its prompt and asked again.
            a.email = Some(app.ask_new_email("Email", "--email", |email| {
                let probe = NewUser {
                    email: Some(email.to_string()),
                    ..NewUser::default()
                };
                app.peek(|tx, ctx| user::check_free(tx, ctx, &probe, on_exists))?;
                Ok(())
            })?);
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
        email_verified: None,
        phone_verified: None,
    }
    // Validate before asking for, or hashing, a password.
    .validated()?;
    let mut input = input;
    if guided {
        // What the flags name, taken by another user: refused before the password is typed.
        app.peek(|tx, ctx| user::check_free(tx, ctx, &input, on_exists))?;
    }
    if a.password_stdin {
        let pw = app.read_stdin_lines(1)?.remove(0);
        input.password_hash = Some(password::hash(&pw)?);
    } else if guided && let Some(pw) = app.ask_new_password("Password (Enter for none)", true)? {
        input.password_hash = Some(password::hash(&pw)?);
    }
    let o = app.write(OpenMode::Create, |tx, ctx| {
        user::create(tx, ctx, input, on_exists)
    })?;
    app.out.changed(&o, changed)
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
    app.out.changed(&o, changed)
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
                return Err(Error::usage(format!(
                    "user passwd: the current password is needed, and {}",
                    app.not_asking()
                ))
                .hint(
                    "pipe the current and the new password, one per line, with --password-stdin",
                ));
            }
            Some(app.ask_password("Current password")?)
        } else {
            None
        };
        (current, app.prompt_password("New password")?)
    };
    let new_hash = password::hash(&new)?;
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        user::passwd(tx, ctx, reference, current.as_deref(), &new_hash)
    })?;
    app.out.changed(&o, |o| {
        format!("password changed for user {}", o.value().label())
    })
}
