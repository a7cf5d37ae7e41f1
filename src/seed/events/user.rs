//! `user-*` events: create, update, grant, revoke.

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::user::{self, NewUser, UserChanges};
use crate::actions::{Ctx, OnExists, clearable, validate};
use crate::error::Result;
use crate::password;
use crate::seed::{PlainPassword, Prepared};
use crate::store::Tx;

pub const EVENTS: &[Def] = &[
    def::<UserCreate>(),
    def::<UserUpdate>(),
    def::<UserGrant>(),
    def::<UserRevoke>(),
    def::<UserVerify>(),
];

/// `user-create`, and the plain-text password hashed before the write transaction.
#[derive(Debug)]
pub struct UserCreate {
    input: Box<NewUser>,
    password: Option<String>,
}

impl SeedEvent for UserCreate {
    const NAME: &'static str = "user-create";
    const FIELDS: &'static [F] = &[
        F::text("id"),
        F::text("email"),
        F::text("username"),
        F::text("phone"),
        F::required("name"),
        F::text("image"),
        F::text("type"),
        F::texts("role"),
        F::texts("roles"),
        F::texts("tag"),
        F::texts("tags"),
        F::object("metadata"),
        F::boolean("active"),
        F::text("password"),
        F::text("password_hash"),
        F::boolean("email_verified"),
        F::boolean("phone_verified"),
        F::boolean("if_not_exists"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let plain = d.string("password");
        let input = NewUser {
            id: d.string("id"),
            email: d.string("email"),
            username: d.string("username"),
            phone: d.string("phone"),
            name: Some(d.required("name")),
            image: d.string("image"),
            kind: d.string("type"),
            roles: d.strings("role", "roles").unwrap_or_default(),
            tags: d.strings("tag", "tags"),
            metadata: d.object("metadata"),
            active: d.boolean("active"),
            password_hash: d.string("password_hash"),
            email_verified: d.boolean("email_verified"),
            phone_verified: d.boolean("phone_verified"),
        };
        d.boolean("if_not_exists");
        if plain.is_some() && input.password_hash.is_some() {
            let pos = d.key_pos("password");
            d.push(
                pos,
                "password: give either password or password_hash, not both".into(),
            );
        }
        if let Some(p) = &plain
            && let Err(e) = password::validate(p)
        {
            let pos = d.value_pos("password");
            d.push(pos, e.message);
        }
        let input = d.validated(input, NewUser::validated)?;
        Some(UserCreate {
            input: Box::new(input),
            password: plain,
        })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, prepared: &Prepared<'_>) -> Result<Applied> {
        // Validated as it was built, in pass two too (`Data::validated`): only the hash of a
        // plain password is new, and it is checked as `validated` checks a given one (it may
        // be the user's stored hash, kept because the password verifies against it).
        let mut input = *self.input;
        if let Some(plain) = &self.password {
            let hash = prepared.password_hash(tx, &input, plain)?;
            password::check_phc(&hash)?;
            input.password_hash = Some(hash);
        }
        let o = user::create_valid(tx, ctx, input, OnExists::Converge)?;
        Ok((label(&o), o.value().label().to_string()))
    }

    fn into_password(self) -> Option<PlainPassword> {
        Some((self.input, self.password?))
    }
}

/// `user-update`.
#[derive(Debug)]
pub struct UserUpdate {
    user: String,
    changes: UserChanges,
}

impl SeedEvent for UserUpdate {
    const NAME: &'static str = "user-update";
    const FIELDS: &'static [F] = &[
        F::required("user"),
        F::text("name"),
        F::text("image"),
        F::texts("tag"),
        F::texts("tags"),
        F::object("metadata"),
        F::text("email"),
        F::text("username"),
        F::text("phone"),
        F::text("type"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let user = d.required("user");
        let changes = UserChanges {
            name: d.string("name"),
            image: clearable(d.string("image")),
            tags: d.strings("tag", "tags"),
            metadata: d.object("metadata"),
            email: clearable(d.string("email")),
            username: clearable(d.string("username")),
            phone: clearable(d.string("phone")),
            kind: d.string("type"),
        };
        let changes = d.valid(changes, UserChanges::validated)?;
        Some(UserUpdate { user, changes })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = user::update(tx, ctx, &self.user, self.changes)?;
        Ok((label(&o), o.value().label().to_string()))
    }
}

const ROLES_FIELDS: &[F] = &[F::required("user"), F::texts("role"), F::texts("roles")];

/// The user and the global roles of `user-grant` and `user-revoke`.
fn user_and_roles(d: &mut Data<'_>) -> Option<(String, Vec<String>)> {
    let user = d.required("user");
    let roles = d.strings("role", "roles").unwrap_or_default();
    if roles.is_empty() {
        let pos = d.event_pos();
        d.push(pos, "roles: at least one role is required".into());
    }
    let roles = d.check(validate::words("role", &roles))?;
    Some((user, roles))
}

/// `user-grant`: global roles.
#[derive(Debug)]
pub struct UserGrant {
    user: String,
    roles: Vec<String>,
}

impl SeedEvent for UserGrant {
    const NAME: &'static str = "user-grant";
    const FIELDS: &'static [F] = ROLES_FIELDS;

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let (user, roles) = user_and_roles(d)?;
        Some(UserGrant { user, roles })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = user::grant(tx, ctx, &self.user, &self.roles)?;
        Ok((label(&o), o.value().label().to_string()))
    }
}

/// `user-revoke`: global roles.
#[derive(Debug)]
pub struct UserRevoke {
    user: String,
    roles: Vec<String>,
}

impl SeedEvent for UserRevoke {
    const NAME: &'static str = "user-revoke";
    const FIELDS: &'static [F] = ROLES_FIELDS;

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let (user, roles) = user_and_roles(d)?;
        Some(UserRevoke { user, roles })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = user::revoke(tx, ctx, &self.user, &self.roles)?;
        Ok((label(&o), o.value().label().to_string()))
    }
}

/// `user-verify`: `{"user", "email": true}` or `{"user", "phone": true}`, `"undo": true`
/// to mark it not verified.
#[derive(Debug)]
pub struct UserVerify {
    user: String,
    which: user::Identifier,
    undo: bool,
}

impl SeedEvent for UserVerify {
    const NAME: &'static str = "user-verify";
    const FIELDS: &'static [F] = &[
        F::required("user"),
        F::boolean("email"),
        F::boolean("phone"),
        F::boolean("undo"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let user = d.required("user");
        let email = d.boolean("email").unwrap_or(false);
        let phone = d.boolean("phone").unwrap_or(false);
        let undo = d.boolean("undo").unwrap_or(false);
        if email == phone {
            let pos = d.event_pos();
            d.push(
                pos,
                "give exactly one of \"email\": true and \"phone\": true".into(),
            );
            return None;
        }
        let which = if email {
            user::Identifier::Email
        } else {
            user::Identifier::Phone
        };
        Some(UserVerify { user, which, undo })
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> Result<Applied> {
        let o = user::verify(tx, ctx, &self.user, self.which, self.undo)?;
        Ok((label(&o), o.value().label().to_string()))
    }
}
