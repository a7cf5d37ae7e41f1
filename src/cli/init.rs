//! `roster init`: create or migrate the database. On a terminal, a database without users
//! starts the onboarding: the first admin account, then (optionally) the first profile.
//! `--audit-key FILE` also creates a new audit key.

use std::path::PathBuf;

use clap::Args;
use serde_json::{Value, json};

use super::{App, said};
use crate::actions::profile::NewProfile;
use crate::actions::user::NewUser;
use crate::actions::{OnExists, onboard};
use crate::audit_chain;
use crate::error::Result;
use crate::model::{Profile, User};
use crate::output::{Format, Record};
use crate::password;
use crate::store::{OpenMode, Published, Store, schema};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Also create a new audit key here: 32 random bytes, mode 0600; never overwrites a file
    #[arg(long, value_name = "FILE")]
    pub audit_key: Option<PathBuf>,
}

pub fn run(app: &App, a: InitArgs) -> Result<()> {
    // The key first: if it cannot be created (it exists: 68), no database is created either.
    // If the database then cannot be created or opened, the new key is removed again, so
    // that init is all or nothing and can simply be run again. (Not later: onboarding may
    // already have written rows keyed with it.)
    if let Some(key) = &a.audit_key {
        if app.db.file() == Some(key.as_path()) {
            return Err(crate::error::Error::usage(format!(
                "--audit-key {}: that is the database's own path",
                key.display()
            ))
            .hint("keep the key in a file of its own, away from the database"));
        }
        audit_chain::create_key_file(key)?;
    }
    // A new database is put in place at once, empty and migrated; should another roster
    // have created it meanwhile, that one is opened instead.
    let opened = app.open(OpenMode::Create).and_then(|mut store| {
        let created = match store.publish()? {
            Published::Done => store.created(),
            Published::Taken => {
                store = app.open(OpenMode::Existing)?;
                false
            }
        };
        if a.audit_key.is_some() {
            refuse_a_second_key(&mut store)?;
        }
        Ok((store, created))
    });
    let (store, created) = match opened {
        Ok(opened) => opened,
        Err(e) => {
            if let Some(key) = &a.audit_key {
                let _ = std::fs::remove_file(key);
            }
            return Err(e);
        }
    };
    init(app, &a, store, created)
}

/// A log already keyed keeps its key: a new one would leave rows no single key verifies.
fn refuse_a_second_key(store: &mut Store) -> Result<()> {
    let keyed_head =
        store.read(|tx| Ok(tx.audit_head()?.filter(|h| h.row.keyed).map(|h| h.row.seq)))?;
    match keyed_head {
        Some(seq) => Err(crate::error::Error::conflict(format!(
            "--audit-key: this database's audit log is already keyed (its last row, {seq}, is); the new key file was removed"
        ))
        .hint("keep using the key its rows are written with (ROSTER_AUDIT_KEY_FILE); roster never switches keys")),
        None => Ok(()),
    }
}

fn init(app: &App, a: &InitArgs, mut store: Store, created: bool) -> Result<()> {
    let version = store.schema_version()?;
    let table = app.out.format == Format::Table;
    if table && !app.out.quiet {
        let what = if created { "created" } else { "ready:" };
        app.out.say(&format!(
            "{what} {} (schema version {version} of {})\n",
            app.db,
            schema::CURRENT
        ))?;
    }

    if let Some(key) = &a.audit_key {
        let shown = format!("{:?}", key.display().to_string());
        if table && !app.out.quiet {
            app.out.out(&format!(
                "created audit key {shown} (32 random bytes, mode 0600)\n"
            ))?;
        }
        app.out.note(&format!(
            "set ROSTER_AUDIT_KEY_FILE={shown} for every roster command on this database, so that its audit rows are keyed"
        ));
        app.out.note(
            "keep a copy of the key away from this database's machine: whoever holds it can rewrite the log, and without it keyed rows cannot be verified",
        );
    }

    // Onboarding only for the operator, on a terminal, while there is nobody yet.
    let onboarded =
        if app.interactive && app.as_user.is_none() && store.read(|tx| onboard::needed(tx))? {
            onboarding(app, &mut store)?
        } else {
            None
        };

    if !table && !app.out.quiet {
        let mut report = json!({
            "path": app.db.to_string(),
            "created": created,
            "schema_version": version,
            "audit_key": a.audit_key.as_ref().map(|k| k.display().to_string()),
        });
        if let Some((user, profile)) = &onboarded
            && let Some(obj) = report.as_object_mut()
        {
            obj.insert("user".into(), user.to_json());
            obj.insert(
                "profile".into(),
                profile.as_ref().map_or(Value::Null, Profile::to_json),
            );
        }
        app.out.out(&crate::output::render_json(&report))?;
    }
    Ok(())
}

/// Asks for the first admin and the first profile, then creates both in one transaction.
/// `None` when the operator declines.
fn onboarding(app: &App, store: &mut Store) -> Result<Option<(User, Option<Profile>)>> {
    let out = &app.out;
    out.note("");
    out.note("Welcome to roster. This database has no users yet.");
    out.note("The first account becomes a global admin: it may do everything the operator can.");
    if !app.ask_yes_no("Create the first admin account now?", Some(true))? {
        out.hint("later: `roster user create --email you@example.com --name 'Your Name'`, or load a seed with `roster seed seed.json`");
        return Ok(None);
    }
    // Nobody holds an email yet, unless someone was created meanwhile: asked again then.
    let email = app.ask_new_email("Email", "roster user create --email", |email| {
        let probe = NewUser {
            email: Some(email.to_string()),
            ..NewUser::default()
        };
        app.peek(|tx, ctx| crate::actions::user::check_free(tx, ctx, &probe, OnExists::Fail))?;
        Ok(())
    })?;
    let name = app.ask_name("Name", "roster user create --name")?;
    let pw = app
        .ask_new_password("Password (at least 8 characters)", false)?
        .unwrap_or_default();

    out.note("");
    out.note("Next, the first profile: a group with its own media library, such as a family.");
    let profile = if app.ask_yes_no("Create the first profile now?", Some(true))? {
        let taken: Vec<String> = app.known_profiles()?.into_iter().map(|p| p.slug).collect();
        let name = app.ask_name("Profile name", "roster profile create --name")?;
        let slug = app.ask_slug(&name, &taken)?;
        Some(NewProfile {
            name: Some(name),
            slug: Some(slug),
            ..NewProfile::default()
        })
    } else {
        None
    };

    let admin = NewUser {
        email: Some(email),
        name: Some(name),
        password_hash: Some(password::hash(&pw)?),
        ..NewUser::default()
    };
    let (user, profile) = store.write(|tx| {
        let ctx = app.ctx(tx)?;
        onboard::first_admin(tx, &ctx, admin, profile)
    })?;

    if app.out.format == Format::Table && !out.quiet {
        let mut text = format!(
            "{}, a global admin\n",
            said("created", "user", user.label(), &user.id)
        );
        if let Some(p) = &profile {
            text.push_str(&format!(
                "{}, owned by {}\n",
                said("created", "profile", &p.slug, &p.id),
                user.label()
            ));
        }
        app.out.say(&text)?;
    }
    let slug = profile.as_ref().map_or("SLUG", |p| p.slug.as_str());
    out.note("");
    out.note("Next steps:");
    let mut steps: Vec<(String, &str)> = Vec::new();
    if profile.is_none() {
        steps.push((
            "roster profile create --name 'The Smiths'".into(),
            "create a profile",
        ));
    }
    steps.push((
        format!("roster member add {slug} bob@example.com"),
        "add someone who has an account",
    ));
    steps.push((
        format!("roster invite send {slug} dan@example.com"),
        "invite someone by email",
    ));
    steps.push(("roster doctor".into(), "check the database at any time"));
    let w = steps.iter().map(|(c, _)| c.len()).max().unwrap_or(0);
    for (command, what) in &steps {
        out.note(&format!("  {command:<w$}  {what}"));
    }
    Ok(Some((user, profile)))
}
