//! `roster profile …`

use super::args::{ProfileCmd, ProfileCreate, ProfileUpdate};
use super::{App, said};
use crate::actions::profile::{self, NewProfile, ProfileChanges};
use crate::actions::{OnExists, Outcome, validate};
use crate::error::{Error, Result};
use crate::model::Profile;
use crate::output::{Format, PROFILE};
use crate::store::OpenMode;

fn show_change(app: &App, outcome: &Outcome<Profile>) -> Result<()> {
    let p = outcome.value();
    if matches!(outcome, Outcome::Unchanged(_)) && app.out.format != Format::Table {
        app.out.note(&format!(
            "profile {} already exists; nothing changed",
            p.slug
        ));
    }
    app.out.changed(
        &PROFILE,
        &p.to_json(),
        &said(outcome.label(), "profile", &p.slug, &p.id),
    )
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
            let items: Vec<_> = profiles.iter().map(Profile::to_json).collect();
            app.out.list(&PROFILE, &items)
        }
        ProfileCmd::Show { profile: reference } => {
            let p = app.read(|tx, ctx| profile::show(tx, ctx, &reference))?;
            app.out.record(&PROFILE, &p.to_json())
        }
        ProfileCmd::Update(a) => update(app, a),
        ProfileCmd::Delete { profile: reference } => {
            let (p, contents) = app.read(|tx, ctx| profile::delete_plan(tx, ctx, &reference))?;
            app.out.note(&format!(
                "this deletes profile {} ({}) with {} member(s), {} invitation(s) and {} media item(s)",
                p.slug, p.name, contents.members, contents.invitations, contents.media
            ));
            app.confirm(&format!("delete profile {}", p.slug))?;
            let o = app.write(OpenMode::Existing, |tx, ctx| {
                profile::delete(tx, ctx, &p.id)
            })?;
            show_change(app, &o)
        }
    }
}

fn create(app: &App, a: ProfileCreate) -> Result<()> {
    let mut slug = a.slug;
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
        metadata: a
            .metadata
            .as_deref()
            .map(validate::metadata_text)
            .transpose()?,
    };
    let on_exists = if a.if_not_exists {
        OnExists::Skip
    } else {
        OnExists::Fail
    };
    let o = app.write(OpenMode::Create, |tx, ctx| {
        profile::create(tx, ctx, input, on_exists)
    })?;
    show_change(app, &o)
}

fn update(app: &App, a: ProfileUpdate) -> Result<()> {
    let changes = ProfileChanges {
        name: a.name,
        slug: a.slug,
        logo: crate::actions::clearable(a.logo),
        color: a.color,
        member_limit: a.member_limit,
        metadata: a
            .metadata
            .as_deref()
            .map(validate::metadata_text)
            .transpose()?,
    };
    if changes.is_empty() {
        return Err(Error::usage("profile update: nothing to change").hint(
            "give at least one of --name, --slug, --logo, --color, --member-limit, --metadata",
        ));
    }
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        profile::update(tx, ctx, &a.profile, changes)
    })?;
    show_change(app, &o)
}
