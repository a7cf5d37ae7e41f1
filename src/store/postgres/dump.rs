//! Streaming reads of whole tables in a stable order, for `roster export`.

use super::{Get, PgTx};
use crate::error::Result;
use crate::model::{Invitation, User};
use crate::store::traits::*;

impl ExportReads for PgTx<'_> {
    fn users_each(&self, visit: &mut dyn FnMut(User) -> Result<()>) -> Result<()> {
        let ids = self
            .query("SELECT id FROM users ORDER BY id", &[])?
            .iter()
            .map(|r| r.text(0))
            .collect::<Result<Vec<_>>>()?;
        for id in ids {
            if let Some(u) = self.user_by_id(&id)? {
                visit(u)?;
            }
        }
        Ok(())
    }

    fn invitations_each(&self, visit: &mut dyn FnMut(Invitation) -> Result<()>) -> Result<()> {
        let ids = self
            .query("SELECT id FROM invitations ORDER BY id", &[])?
            .iter()
            .map(|r| r.text(0))
            .collect::<Result<Vec<_>>>()?;
        for id in ids {
            if let Some(i) = self.invite_by_id(&id)? {
                visit(i)?;
            }
        }
        Ok(())
    }
}
