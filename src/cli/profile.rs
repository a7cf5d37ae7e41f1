//! `roster profile …`

use clap::{Args, Subcommand};

use super::{App, said};
use crate::actions::member::label;
use crate::actions::profile::{self, NewProfile, ProfileChanges, Transfer};
use crate::actions::{OnExists, Outcome, validate};
use crate::error::{Error, Result};
use crate::model::{Profile, User};
use crate::output::{Format, Said};
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum ProfileCmd {
    /// Create a profile (global admins; owned by --owner, else by a user who creates it)
    #[command(
        after_help = "On a terminal, a missing name is asked for, then the slug (Enter keeps the derived one) \
        and, for the operator, the owner (Enter for none).\n\n\
        Examples:\n  roster profile create --name 'The Smiths' --owner ann@example.com\n  \
        roster profile create --name Office --slug office --color '#0a0' --member-limit 25 --if-not-exists"
    )]
    Create(ProfileCreate),
    /// List profiles with their member counts (and `access` for a user)
    #[command(
        after_help = "Examples:\n  roster profile list\n  roster --as ann --json profile list"
    )]
    List,
    /// Show one profile
    #[command(after_help = "Examples:\n  roster profile show the-smiths")]
    Show {
        /// Slug or id
        profile: String,
    },
    /// Change a profile (its owners and admins, global admins)
    #[command(
        after_help = "Examples:\n  roster profile update the-smiths --name 'Smith family' --color '#f60'\n  \
        roster profile update office --member-limit 50 --invitation-limit 20"
    )]
    Update(ProfileUpdate),
    /// Hand a profile's ownership to USER: they become an owner (added if need be) and
    /// the previous owner steps down (its owners, global admins)
    #[command(
        after_help = "The previous owner is you when you own the profile; otherwise --from names them \
        (needed only when the profile has several owners).\n\n\
        Examples:\n  roster --as ann@example.com profile transfer the-smiths bob@example.com\n  \
        roster profile transfer office carol --from dave@example.com --keep-as member"
    )]
    Transfer(ProfileTransfer),
    /// Delete a profile with its members, invitations and media (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster profile delete office\n  roster --yes profile delete office"
    )]
    Delete {
        /// Slug or id
        profile: String,
    },
}

#[derive(Debug, Args)]
pub struct ProfileCreate {
    /// Display name
    #[arg(long)]
    pub name: Option<String>,
    /// URL name [default: derived from the name]
    #[arg(long)]
    pub slug: Option<String>,
    /// Logo URL
    #[arg(long)]
    pub logo: Option<String>,
    /// Colour, #RRGGBB or #RGB [default: #6366F1]
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// Most members allowed [default: 100]
    #[arg(long, value_name = "N")]
    pub member_limit: Option<i64>,
    /// Most pending invitations at once [default: 100]
    #[arg(long, value_name = "N")]
    pub invitation_limit: Option<i64>,
    /// Invitees must have a verified email to accept (true or false) [default: false]
    #[arg(long, value_name = "BOOL")]
    pub require_verified_email: Option<bool>,
    /// Metadata as a JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// The owner: email, username or id [default: you, when acting as a user]
    #[arg(long, value_name = "USER")]
    pub owner: Option<String>,
    /// An explicit id ([A-Za-z0-9._-], at most 64)
    #[arg(long)]
    pub id: Option<String>,
    /// Succeed without change when the profile already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct ProfileTransfer {
    /// Slug or id
    pub profile: String,
    /// The new owner: id, email or username
    pub user: String,
    /// What the previous owner becomes
    #[arg(long, value_name = "ROLE", default_value = "admin", value_parser = ["admin", "member"])]
    pub keep_as: String,
    /// Whose ownership moves, when you are not an owner yourself: id, email or username
    /// [default: the profile's one owner]
    #[arg(long, value_name = "USER")]
    pub from: Option<String>,
}

#[derive(Debug, Args)]
pub struct ProfileUpdate {
    /// Slug or id
    pub profile: String,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New slug
    #[arg(long)]
    pub slug: Option<String>,
    /// New logo URL ('' removes it)
    #[arg(long)]
    pub logo: Option<String>,
    /// New colour
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// New member limit
    #[arg(long, value_name = "N")]
    pub member_limit: Option<i64>,
    /// New limit of pending invitations at once
    #[arg(long, value_name = "N")]
    pub invitation_limit: Option<i64>,
    /// Invitees must have a verified email to accept: true or false
    #[arg(long, value_name = "BOOL")]
    pub require_verified_email: Option<bool>,
    /// Replace the metadata with this JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
}

/// `created profile the-smiths (id …)`.
fn changed(o: &Outcome<Profile>) -> Said {
    let p = o.value();
    Said::from(said(o.label(), "profile", &p.slug, &p.id)).unchanged(format!(
        "profile {} already exists; nothing changed",
        p.slug
    ))
}

pub fn run(app: &App, cmd: ProfileCmd) -> Result<()> {
    match cmd {
        ProfileCmd::Create(a) => create(app, a),
        ProfileCmd::List => {
            let profiles = app.read(|tx, ctx| profile::list(tx, ctx))?;
            if profiles.is_empty() && app.out.format == Format::Table {
                app.out.note("no profiles yet");
                app.out.hint(
                    "create one with `roster profile create --name 'The Smiths'`, or load the demo with `roster seed seed.json`",
                );
                return Ok(());
            }
            app.out.list(&profiles)
        }
        ProfileCmd::Show { profile: reference } => {
            let p = app.read(|tx, ctx| profile::show(tx, ctx, &reference))?;
            app.out.record(&p)
        }
        ProfileCmd::Update(a) => update(app, a),
        ProfileCmd::Transfer(a) => transfer(app, a),
        ProfileCmd::Delete { profile: reference } => {
            let (p, contents) = app.read(|tx, ctx| profile::delete_plan(tx, ctx, &reference))?;
            app.out.note(&format!(
                "this deletes profile {} ({}) with {} member(s), {} invitation(s) and {} media item(s)",
                p.slug, p.name, contents.members, contents.invitations, contents.media
            ));
            app.confirm_by_typing(&format!("delete profile {}", p.slug), &p.slug)?;
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                profile::delete(tx, ctx, &p.id)
            })?;
            app.out.changed(&o, changed)
        }
    }
}

fn create(app: &App, a: ProfileCreate) -> Result<()> {
    let mut slug = a.slug;
    let mut owner = a.owner;
    let name = match a.name {
        Some(name) => name,
        None => {
            // On a terminal: the name, then the slug with the derived one as default.
            app.may_prompt(
                "profile create",
                &["--name"],
                "roster profile create --name 'The Smiths'",
            )?;
            let taken: Vec<String> = app.known_profiles()?.into_iter().map(|p| p.slug).collect();
            let name = app.ask_name("Name", "--name")?;
            if slug.is_none() {
                slug = Some(app.ask_slug(&name, &taken)?);
            }
            if owner.is_none() && app.as_user.is_none() {
                owner = ask_owner(app, slug.as_deref().unwrap_or(&name))?;
            }
            name
        }
    };
    let input = NewProfile {
        id: a.id,
        slug,
        name: Some(name),
        logo: a.logo,
        color: a.color,
        member_limit: a.member_limit,
        invitation_limit: a.invitation_limit,
        require_verified_email: a.require_verified_email,
        metadata: a
            .metadata
            .as_deref()
            .map(validate::metadata_text)
            .transpose()?,
        owner,
    };
    let unowned = input.owner.is_none() && app.as_user.is_none();
    let on_exists = if a.if_not_exists {
        OnExists::Skip
    } else {
        OnExists::Fail
    };
    let o = app.write(OpenMode::Create, |tx, ctx| {
        profile::create(tx, ctx, input, on_exists)
    })?;
    app.out.changed(&o, changed)?;
    if unowned && matches!(o, crate::actions::Outcome::Created(_)) && !app.out.quiet {
        let slug = &o.value().slug;
        app.out.warning(&format!(
            "profile {slug} has no owner: nobody but global admins can manage it"
        ));
        app.out.hint(&format!(
            "give it one with `roster member add {slug} USER --role owner` (or create profiles with --owner USER)"
        ));
    }
    Ok(())
}

/// The operator's prompted create may name the owner (Enter: none, warned about after).
/// An unknown or disabled user is refused at the prompt and asked again.
fn ask_owner(app: &App, slug: &str) -> Result<Option<String>> {
    app.ask_optional(
        "Owner (email, username or id; Enter for none)",
        "--owner",
        |v| {
            let user: Option<User> = app.peek(|tx, _| profile::new_owner(tx, v, slug))?;
            match user {
                Some(u) => Ok(u.id),
                None => Err(Error::not_found(format!("user {v:?} does not exist"))),
            }
        },
    )
}

fn update(app: &App, a: ProfileUpdate) -> Result<()> {
    let changes = ProfileChanges {
        name: a.name,
        slug: a.slug,
        logo: crate::actions::clearable(a.logo),
        color: a.color,
        member_limit: a.member_limit,
        invitation_limit: a.invitation_limit,
        require_verified_email: a.require_verified_email,
        metadata: a
            .metadata
            .as_deref()
            .map(validate::metadata_text)
            .transpose()?,
    };
    if changes.is_empty() {
        return Err(Error::usage("profile update: nothing to change").hint(
            "give at least one of --name, --slug, --logo, --color, --member-limit, --invitation-limit, --require-verified-email, --metadata",
        ));
    }
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        profile::update(tx, ctx, &a.profile, changes)
    })?;
    app.out.changed(&o, changed)
}

/// `bob@example.com is now owner of the-smiths`, `alice@example.com is now admin of
/// the-smiths`: the memberships the transfer left, as `member role` prints them.
fn transfer(app: &App, a: ProfileTransfer) -> Result<()> {
    let input = Transfer {
        profile: a.profile,
        user: a.user,
        keep_as: Transfer::keep_as(&a.keep_as)?,
        from: a.from,
    };
    let outcomes = app.write(OpenMode::Existing, |tx, ctx| {
        profile::transfer(tx, ctx, &input, OnExists::Fail)
    })?;
    app.out.changed(&outcomes, |o| {
        let m = o.value();
        super::member::role_said(o).unchanged(format!(
            "{} already owns {}; nothing changed",
            label(m),
            m.profile_slug
        ))
    })
}
