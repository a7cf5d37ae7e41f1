//! `profile-*` events: create, update.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::profile::{self, NewProfile, ProfileChanges};
use crate::actions::{Ctx, OnExists, clearable};
use crate::error::Result;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[def::<ProfileCreate>(), def::<ProfileUpdate>()];

/// `profile-create`.
#[derive(Debug)]
pub struct ProfileCreate(NewProfile);

impl SeedEvent for ProfileCreate {
    const NAME: &'static str = "profile-create";
    const FIELDS: &'static [F] = &[
        F::text("id"),
        F::text("slug"),
        F::required("name"),
        F::text("logo"),
        F::text("color"),
        F::integer("member_limit"),
        F::integer("invitation_limit"),
        F::boolean("require_verified_email"),
        F::object("metadata"),
        F::text("owner"),
        F::boolean("if_not_exists"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let input = NewProfile {
            id: d.string("id"),
            slug: d.string("slug"),
            name: Some(d.required("name")),
            logo: d.string("logo"),
            color: d.string("color"),
            member_limit: d.int("member_limit"),
            invitation_limit: d.int("invitation_limit"),
            require_verified_email: d.boolean("require_verified_email"),
            metadata: d.object("metadata"),
            owner: d.string("owner"),
        };
        d.boolean("if_not_exists");
        d.valid(input, NewProfile::validated).map(ProfileCreate)
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = profile::create(tx, ctx, self.0, OnExists::Converge)?;
        Ok((label(&o), o.value().slug.clone()))
    }
}

/// `profile-update`.
#[derive(Debug)]
pub struct ProfileUpdate {
    profile: String,
    changes: ProfileChanges,
}

impl SeedEvent for ProfileUpdate {
    const NAME: &'static str = "profile-update";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::text("name"),
        F::text("slug"),
        F::text("logo"),
        F::text("color"),
        F::integer("member_limit"),
        F::integer("invitation_limit"),
        F::boolean("require_verified_email"),
        F::object("metadata"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let profile = d.required("profile");
        let changes = ProfileChanges {
            name: d.string("name"),
            slug: d.string("slug"),
            logo: clearable(d.string("logo")),
            color: d.string("color"),
            member_limit: d.int("member_limit"),
            invitation_limit: d.int("invitation_limit"),
            require_verified_email: d.boolean("require_verified_email"),
            metadata: d.object("metadata"),
        };
        let changes = d.valid(changes, ProfileChanges::validated)?;
        Some(ProfileUpdate { profile, changes })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = profile::update(tx, ctx, &self.profile, self.changes)?;
        Ok((label(&o), o.value().slug.clone()))
    }
}
