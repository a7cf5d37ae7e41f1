//! `roster media …`: the clap definitions of the media commands, and their thin runner.

use clap::{Args, Subcommand};

use super::page::{self, shell_quote};
use super::{App, said};
use crate::actions::OnExists;
use crate::actions::media::{self, ListQuery, MediaPage, NewMedia};
use crate::error::{Error, Result};
use crate::model::MediaType;
use crate::output::{Format, Said, render_json};
use crate::store::OpenMode;

#[derive(Debug, Subcommand)]
pub enum MediaCmd {
    /// Add an item to a profile's library (its members, global admins)
    #[command(
        after_help = "Examples:\n  roster media add family --type movie --title 'The Matrix' --year 1999 --tmdb-id 603\n  \
        roster media add family --type episode --title Pilot --parent bb --season 1 --episode 1 --if-not-exists"
    )]
    Add(MediaAdd),
    /// List a profile's library in title order, a page at a time (its members, global admins)
    #[command(
        after_help = "Examples:\n  roster media list family --type movie --search matrix\n  \
        roster --json media list family --limit 200 --after \"$CURSOR\"   (the next_cursor of the previous page)"
    )]
    List(MediaList),
    /// Show one media item (members of its profile, global admins)
    #[command(
        after_help = "Examples:\n  roster media show 0192f0c1-7a3e-7b6e-9d1a-3c5e8f2a4b6d\n  roster --json media show matrix"
    )]
    Show {
        /// The item's id
        id: String,
    },
    /// Remove a media item; a show's episodes go with it (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster media remove matrix\n  roster --yes media remove bb   (a show, with its episodes)"
    )]
    Remove {
        /// The item's id
        id: String,
    },
}

#[derive(Debug, Args)]
pub struct MediaAdd {
    /// The profile: slug or id
    pub profile: String,
    /// movie, show or episode
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Title (1 to 500 characters)
    #[arg(long)]
    pub title: Option<String>,
    /// Release year
    #[arg(long, value_name = "YEAR", allow_negative_numbers = true)]
    pub year: Option<i64>,
    /// The Movie Database id (a positive number)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub tmdb_id: Option<i64>,
    /// IMDb id, such as tt0133093
    #[arg(long, value_name = "ID")]
    pub imdb_id: Option<String>,
    /// BitTorrent infohash: 40 or 64 hex digits (at most once per profile)
    #[arg(long, value_name = "HEX")]
    pub infohash: Option<String>,
    /// Path of the media file
    #[arg(long, value_name = "PATH")]
    pub path: Option<String>,
    /// Episodes: the id of their show, in the same profile
    #[arg(long, value_name = "ID")]
    pub parent: Option<String>,
    /// Episodes: season number (0 for specials)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub season: Option<i64>,
    /// Episodes: episode number (from 1)
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub episode: Option<i64>,
    /// An explicit id ([A-Za-z0-9._-], at most 64)
    #[arg(long)]
    pub id: Option<String>,
    /// Succeed without change when the item already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct MediaList {
    /// The profile: slug or id
    pub profile: String,
    /// Only items of this type: movie, show or episode
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only titles containing this text, ignoring case
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Items per page, 1 to 1000 [default: 50]
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    pub limit: Option<i64>,
    /// Continue after this cursor (the next_cursor a previous page gave)
    #[arg(long, value_name = "CURSOR")]
    pub after: Option<String>,
}

pub fn run(app: &App, cmd: MediaCmd) -> Result<()> {
    match cmd {
        MediaCmd::Add(a) => add(app, a),
        MediaCmd::List(a) => list(app, a),
        MediaCmd::Show { id } => {
            let m = app.read(|tx, ctx| media::show(tx, ctx, &id))?;
            app.out.record(&m)
        }
        MediaCmd::Remove { id } => remove(app, &id),
    }
}

/// A required flag left out: asked for on a terminal, else a usage error naming it.
fn required(app: &App, value: Option<String>, flag: &str, example: &str) -> Result<String> {
    if let Some(v) = value {
        return Ok(v);
    }
    if !app.interactive {
        return Err(Error::usage(format!("media add: --{flag} is required"))
            .hint(format!("for example: {example}")));
    }
    if flag != "type" {
        return app.ask("Title", "--title", None, "a title is needed here", |v| {
            Ok(v.to_string())
        });
    }
    let term = dialoguer::console::Term::stderr();
    let answer = {
        dialoguer::Select::new()
            .with_prompt("Type")
            .items(MediaType::ALL)
            .default(0)
            .interact_on(&term)
            .map(|i| {
                MediaType::ALL
                    .get(i)
                    .copied()
                    .unwrap_or("movie")
                    .to_string()
            })
    };
    answer.map_err(|e| {
        Error::usage(format!("media add: could not ask for --{flag} ({e})"))
            .hint(format!("give it on the command line: {example}"))
    })
}

fn add(app: &App, a: MediaAdd) -> Result<()> {
    let example = "roster media add family --type movie --title 'The Matrix' --year 1999";
    let kind = required(app, a.kind, "type", example)?;
    let title = required(app, a.title, "title", example)?;
    let input = NewMedia {
        id: a.id,
        kind: Some(kind),
        title: Some(title),
        year: a.year,
        tmdb_id: a.tmdb_id,
        imdb_id: a.imdb_id,
        infohash: a.infohash,
        path: a.path,
        parent: a.parent,
        season: a.season,
        episode: a.episode,
        ..NewMedia::default()
    };
    let on_exists = if a.if_not_exists {
        OnExists::Skip
    } else {
        OnExists::Fail
    };
    // An item needs a profile, so a missing database is refused (66) rather than created.
    let o = app.write(OpenMode::Existing, |tx, ctx| {
        media::add(tx, ctx, &a.profile, input, on_exists)
    })?;
    app.out.changed(&o, |o| {
        let m = o.value();
        Said::from(said(
            o.label(),
            "media item",
            &format!("{:?}", m.title),
            &m.id,
        ))
        .unchanged(format!(
            "{} already exists (id {}); nothing changed",
            media::label(m),
            m.id
        ))
    })
}

fn list(app: &App, a: MediaList) -> Result<()> {
    let query = ListQuery {
        kind: a.kind.clone(),
        search: a.search.clone(),
        limit: a.limit,
        after: a.after.clone(),
    };
    let page = app.read(|tx, ctx| media::list(tx, ctx, &a.profile, query))?;
    match app.out.format {
        Format::Json => app.out.out(&render_json(&page.to_json()))?,
        Format::Table if page.items.is_empty() => {
            let what = if a.search.is_some() || a.kind.is_some() || a.after.is_some() {
                "no media items match"
            } else {
                "no media items yet"
            };
            app.out
                .note(&format!("{what} in profile {}", page.profile.slug));
            if a.after.is_none() && a.search.is_none() && a.kind.is_none() {
                app.out.hint(&format!(
                    "add one with `roster media add {} --type movie --title 'The Matrix' --year 1999`",
                    page.profile.slug
                ));
            }
        }
        _ => app.out.list(&page.items)?,
    }
    page::hint_next(app, &list_command(&a, &page), page.next_cursor.as_deref());
    Ok(())
}

/// `media list` with the flags of this page, for the next page's command.
fn list_command(a: &MediaList, page: &MediaPage) -> Vec<String> {
    let mut words: Vec<String> = vec!["media list".into(), shell_quote(&page.profile.slug)];
    if let Some(kind) = &a.kind {
        words.push("--type".into());
        words.push(shell_quote(kind));
    }
    if let Some(search) = &a.search {
        words.push("--search".into());
        words.push(shell_quote(search));
    }
    if page.limit != media::DEFAULT_LIMIT {
        words.push(format!("--limit {}", page.limit));
    }
    words
}

fn remove(app: &App, id: &str) -> Result<()> {
    let (item, episodes) = app.read(|tx, ctx| media::remove_plan(tx, ctx, id))?;
    if episodes > 0 {
        app.out.note(&format!(
            "this removes {} (id {}) with its {episodes} episode(s)",
            media::label(&item),
            item.id
        ));
        app.confirm(&format!("remove show {:?} and its episodes", item.title))?;
    }
    let o = app.write(OpenMode::Existing, |tx, ctx| media::remove(tx, ctx, id))?;
    app.out.changed(&o, |o| {
        let m = o.value();
        let mut line = said("removed", "media item", &format!("{:?}", m.title), &m.id);
        if episodes > 0 {
            line.push_str(&format!(" and its {episodes} episode(s)"));
        }
        line
    })
}
