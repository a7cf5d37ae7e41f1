//! The onboarding of `roster init` on a terminal: the first admin account, then
//! optionally the first profile, owned by that admin. It is the web app's onboarding page
//! on the command line, and goes through the same actions as `user create` and
//! `profile create`, in one transaction.

use super::access::{Place, Request};
use super::profile::{self, NewProfile};
use super::user::{self, NewUser};
use super::{Actor, Ctx, OnExists, allow};
use crate::error::{Error, Result};
use crate::model::{Profile, User};
use crate::store::Tx;

/// True while the database has no user: onboarding is offered only then.
pub fn needed(tx: &Tx<'_>) -> Result<bool> {
    tx.no_users()
}

/// Creates the first user (who becomes a global admin, as the first user always does)
/// and, when given, a profile created *by that user*, so they become its owner. Refused
/// with a conflict when another user appeared meanwhile.
pub fn first_admin(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    admin: NewUser,
    first_profile: Option<NewProfile>,
) -> Result<(User, Option<Profile>)> {
    allow(tx, ctx, Request::new("user-create").at(Place::Global))?;
    if !needed(tx)? {
        return Err(Error::conflict(
            "the database already has users: onboarding is for an empty database",
        )
        .hint("add users with `roster user create`"));
    }
    let admin = user::create(tx, ctx, admin, OnExists::Fail)?.into_value();
    let created = match first_profile {
        Some(p) => {
            let as_admin = ctx.with_actor(Actor::User(Box::new(admin.clone())));
            Some(profile::create(tx, &as_admin, p, OnExists::Fail)?.into_value())
        }
        None => None,
    };
    Ok((admin, created))
}
