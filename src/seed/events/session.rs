//! `session-create`: a session a test suite knows the token of (`"token": "${env:…}"`).

use super::{Applied, Data, Def, FieldSpec as F, SeedEvent, def, label};
use crate::actions::session::{self, NewSession};
use crate::actions::{Ctx, OnExists};
use crate::model::SessionOrigin;
use crate::seed::Prepared;
use crate::store::Tx;

pub const EVENTS: &[Def] = &[def::<SessionCreate>()];

/// `session-create`: idempotent by the token's hash, so re-seeding is `unchanged`.
#[derive(Debug)]
pub struct SessionCreate(NewSession);

impl SeedEvent for SessionCreate {
    const NAME: &'static str = "session-create";
    const FIELDS: &'static [F] = &[
        F::required("user"),
        F::required("token"),
        F::text("profile"),
        F::text("expires_in"),
        F::text("user_agent"),
        F::text("ip"),
    ];

    fn build(d: &mut Data<'_>) -> Option<Self> {
        let user = d.required("user");
        let token = d.required("token");
        let profile = d.string("profile");
        let expires_in = d.string("expires_in");
        let user_agent = d.string("user_agent");
        let ip = d.string("ip");
        if !token.is_empty()
            && let Err(e) = session::check_token(&token)
        {
            let pos = d.value_pos("token");
            d.push(pos, e.message);
        }
        let expires_in = d.check(session::lifetime("expires_in", expires_in.as_deref()))?;
        Some(SessionCreate(NewSession {
            user,
            profile,
            expires_in,
            user_agent,
            ip,
            origin: SessionOrigin::Seed,
            token: Some(token),
        }))
    }

    fn apply(self, tx: &mut Tx<'_>, ctx: &Ctx, _: &Prepared<'_>) -> crate::error::Result<Applied> {
        let o = session::issue(tx, ctx, self.0, OnExists::Converge)?;
        Ok((label(&o), o.value().session.id.clone()))
    }
}
