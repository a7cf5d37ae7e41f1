//! `profile-*` events: create, update, transfer.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::profile::{self, NewProfile, ProfileChanges};
use crate::actions::{Ctx, OnExists, clearable};
use crate::error::Result;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[
    def::<ProfileCreate>(),
    def::<ProfileUpdate>(),
    def::<ProfileTransfer>(),
];

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

/// `profile-transfer`: `{"profile", "user", "keep_as", "from"}`, as the command's
/// arguments. Run again, the new owner already owns the profile and `from` (or the actor)
/// no longer does: `unchanged`.
#[derive(Debug)]
pub struct ProfileTransfer(Transfer);

use crate::actions::Outcome;
use crate::actions::profile::Transfer;

impl SeedEvent for ProfileTransfer {
    const NAME: &'static str = "profile-transfer";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::required("user"),
        F::one_of("keep_as", profile::KEEP_AS),
        F::text("from"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let mut input = Transfer::new(d.required("profile"), d.required("user"));
        if let Some(role) = d.word("keep_as", profile::KEEP_AS, |s| Transfer::keep_as(s).ok()) {
            input.keep_as = role;
        }
        input.from = d.string("from");
        Some(ProfileTransfer(input))
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = profile::transfer(tx, ctx, &self.0, OnExists::Converge)?;
        // The profile's ownership changed (even when the new owner was added): updated.
        let done = if o.iter().all(|o| matches!(o, Outcome::Unchanged(_))) {
            "unchanged"
        } else {
            "updated"
        };
        Ok((done, format!("{}: {}", self.0.profile, self.0.user)))
    }
}
