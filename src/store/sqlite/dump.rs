//! Streaming reads of whole tables in a stable order, for `roster export`.

use super::SqliteTx;
use crate::error::Result;
use crate::model::{Invitation, User};
use crate::store::traits::*;

impl ExportReads for SqliteTx<'_> {
    fn users_each(&self, visit: &mut dyn FnMut(User) -> Result<()>) -> Result<()> {
        let ids: Vec<String> = {
            let mut stmt = self.conn.prepare("SELECT id FROM users ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in ids {
            if let Some(u) = self.user_by_id(&id)? {
                visit(u)?;
            }
        }
        Ok(())
    }

    fn invitations_each(&self, visit: &mut dyn FnMut(Invitation) -> Result<()>) -> Result<()> {
        let ids: Vec<String> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id FROM invitations ORDER BY id")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for id in ids {
            if let Some(i) = self.invite_by_id(&id)? {
                visit(i)?;
            }
        }
        Ok(())
    }
}
