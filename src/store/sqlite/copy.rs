//! Reads of `roster copy`.

use super::SqliteTx;
use crate::error::Result;
use crate::model::Session;
use crate::store::traits::*;

impl CopyReads for SqliteTx<'_> {
    fn sessions_each_with_hash(
        &self,
        visit: &mut dyn FnMut(Session, String) -> Result<()>,
    ) -> Result<()> {
        let ids: Vec<(String, String)> = {
            let mut stmt = self
                .conn
                .prepare("SELECT id, token_hash FROM sessions ORDER BY id")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (id, hash) in ids {
            if let Some(s) = self.session_by_id(&id)? {
                visit(s, hash)?;
            }
        }
        Ok(())
    }

    fn table_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        COPIED_TABLES
            .iter()
            .map(|t| {
                let filter = if *t == "roles" {
                    " WHERE builtin = 0"
                } else {
                    ""
                };
                let n: i64 =
                    self.conn
                        .query_row(&format!("SELECT count(*) FROM {t}{filter}"), [], |r| {
                            r.get(0)
                        })?;
                Ok((*t, n))
            })
            .collect()
    }
}

impl CopyWrites for SqliteTx<'_> {
    fn load_from(&mut self, src: &dyn ReadTx) -> Result<()> {
        for r in src.role_list()? {
            if !r.builtin {
                self.role_insert(&r)?;
            }
        }
        src.users_each(&mut |u| self.user_insert(&u))?;
        src.profiles_each(&mut |p| self.profile_insert(&p))?;
        src.members_each(&mut |m| self.member_insert(&m))?;
        src.invitations_each(&mut |i| self.invite_insert(&i))?;
        src.outbox_each(&mut |m| self.outbox_insert(&m))?;
        src.media_each(&mut |m, _slug| self.media_insert(&m))?;
        src.sessions_each_with_hash(&mut |s, hash| self.session_insert(&s, &hash))?;
        src.audit_each(&mut |e| self.audit_insert(e.clone()).map(|()| true))
    }
}
