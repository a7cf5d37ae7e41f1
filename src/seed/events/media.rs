//! `media-*` events: add, remove.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::media::{self, NewMedia};
use crate::actions::{Ctx, OnExists};
use crate::error::Result;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[def::<MediaAdd>(), def::<MediaRemove>()];

/// `media-add`. `status` and `added_by` restore an exported item as it was.
#[derive(Debug)]
pub struct MediaAdd {
    profile: String,
    input: Box<NewMedia>,
}

impl SeedEvent for MediaAdd {
    const NAME: &'static str = "media-add";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::text("id"),
        F::required("type"),
        F::required("title"),
        F::integer("year"),
        F::integer("tmdb_id"),
        F::text("imdb_id"),
        F::text("infohash"),
        F::text("path"),
        F::text("parent"),
        F::integer("season"),
        F::integer("episode"),
        F::text("status"),
        F::text("added_by"),
        F::boolean("if_not_exists"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let profile = d.required("profile");
        let input = NewMedia {
            id: d.string("id"),
            kind: Some(d.required_or("type", "movie")),
            title: Some(d.required("title")),
            year: d.int("year"),
            tmdb_id: d.int("tmdb_id"),
            imdb_id: d.string("imdb_id"),
            infohash: d.string("infohash"),
            path: d.string("path"),
            parent: d.string("parent"),
            season: d.int("season"),
            episode: d.int("episode"),
            status: d.string("status"),
            added_by: d.string("added_by"),
        };
        d.boolean("if_not_exists");
        let now = d.now;
        let input = d.validated(input, |i| i.validated(now))?;
        Some(MediaAdd {
            profile,
            input: Box::new(input),
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        // Validated as it was built, in pass two too (`Data::validated`), at the seed's time
        // (which is `ctx.now`).
        let o = media::add_valid(tx, ctx, &self.profile, *self.input, OnExists::Converge)?;
        Ok((
            label(&o),
            format!("{}: {}", self.profile, media::label(o.value())),
        ))
    }
}

/// `media-remove`: an item already gone is `unchanged`.
#[derive(Debug)]
pub struct MediaRemove {
    profile: String,
    id: String,
}

impl SeedEvent for MediaRemove {
    const NAME: &'static str = "media-remove";
    const FIELDS: &'static [F] = &[F::required("profile"), F::required("id")];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        Some(MediaRemove {
            profile: d.required("profile"),
            id: d.required("id"),
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let subject = format!("{}: {}", self.profile, self.id);
        Ok(
            match media::remove_if_exists(tx, ctx, &self.profile, &self.id)? {
                Some(o) => (label(&o), subject),
                None => ("unchanged", subject),
            },
        )
    }
}
