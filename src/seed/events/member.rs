//! `member-*` events: add, role, remove.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label, label_of};
use crate::actions::member;
use crate::actions::{Ctx, OnExists};
use crate::error::Result;
use crate::model::Role;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[
    def::<MemberAdd>(),
    def::<MemberRole>(),
    def::<MemberRemove>(),
];

/// The profile and the users (`user`, or `users`, an array) of an add or a removal.
fn profile_and_users(d: &mut Data<'_>) -> (String, Vec<String>) {
    let profile = d.required("profile");
    let users = d.strings("user", "users").unwrap_or_default();
    if users.is_empty() {
        d.absent(
            &["user", "users"],
            "user: required (or users, an array)".into(),
        );
    }
    (profile, users)
}

/// `member-add`.
#[derive(Debug)]
pub struct MemberAdd {
    profile: String,
    users: Vec<String>,
    role: Role,
}

impl SeedEvent for MemberAdd {
    const NAME: &'static str = "member-add";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::texts("user"),
        F::texts("users"),
        F::text("role"),
        F::boolean("if_not_exists"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let (profile, users) = profile_and_users(d);
        let role = d.role("role");
        d.boolean("if_not_exists");
        Some(MemberAdd {
            profile,
            users,
            role,
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = member::add(
            tx,
            ctx,
            &self.profile,
            &self.users,
            &self.role,
            OnExists::Converge,
        )?;
        Ok((
            label_of(&o),
            format!("{}: {}", self.profile, self.users.join(", ")),
        ))
    }
}

/// `member-role`.
#[derive(Debug)]
pub struct MemberRole {
    profile: String,
    user: String,
    role: Role,
}

impl SeedEvent for MemberRole {
    const NAME: &'static str = "member-role";
    const FIELDS: &'static [F] = &[
        F::required("profile"),
        F::required("user"),
        F {
            required: true,
            ..F::text("role")
        },
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let profile = d.required("profile");
        let user = d.required("user");
        let role = d.required_role("role");
        Some(MemberRole {
            profile,
            user,
            role,
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = member::set_role(tx, ctx, &self.profile, &self.user, &self.role)?;
        let subject = format!("{}: {} {}", self.profile, self.user, self.role.as_str());
        Ok((label(&o), subject))
    }
}

/// `member-remove`.
#[derive(Debug)]
pub struct MemberRemove {
    profile: String,
    users: Vec<String>,
}

impl SeedEvent for MemberRemove {
    const NAME: &'static str = "member-remove";
    const FIELDS: &'static [F] = &[F::required("profile"), F::texts("user"), F::texts("users")];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let (profile, users) = profile_and_users(d);
        Some(MemberRemove { profile, users })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = member::remove(tx, ctx, &self.profile, &self.users, OnExists::Converge)?;
        Ok((
            label_of(&o),
            format!("{}: {}", self.profile, self.users.join(", ")),
        ))
    }
}
