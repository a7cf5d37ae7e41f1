//! PLACEHOLDER: to be ported from ../sqlite/sessions.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl SessionReads for PgTx<'_> {
    fn session_by_id(&self, id: &str) -> Result<Option<Session>> {
        Err(Error::internal("postgres: session_by_id not ported"))
    }
    fn sessions_by_prefix(
        &self,
        prefix: &str,
        user_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Session>> {
        Err(Error::internal("postgres: sessions_by_prefix not ported"))
    }
    fn session_by_token_hash(&self, hash: &str) -> Result<Option<Session>> {
        Err(Error::internal(
            "postgres: session_by_token_hash not ported",
        ))
    }
    fn session_list(&self, q: &SessionQuery<'_>) -> Result<Vec<Session>> {
        Err(Error::internal("postgres: session_list not ported"))
    }
    fn sessions_of_disabled(&self, now: &str) -> Result<Vec<Session>> {
        Err(Error::internal("postgres: sessions_of_disabled not ported"))
    }
    fn sessions_outside_profile(&self) -> Result<Vec<Session>> {
        Err(Error::internal(
            "postgres: sessions_outside_profile not ported",
        ))
    }
}

impl SessionWrites for PgTx<'_> {
    fn session_insert(&self, s: &Session, token_hash: &str) -> Result<()> {
        Err(Error::internal("postgres: session_insert not ported"))
    }
    fn session_set_profile(&self, id: &str, profile_id: Option<&str>) -> Result<()> {
        Err(Error::internal("postgres: session_set_profile not ported"))
    }
    fn session_revoke(&self, id: &str, at: &str) -> Result<()> {
        Err(Error::internal("postgres: session_revoke not ported"))
    }
    fn sessions_revoke_user(&self, user_id: &str, at: &str) -> Result<Vec<String>> {
        Err(Error::internal("postgres: sessions_revoke_user not ported"))
    }
    fn sessions_clear_profile(&self, user_id: &str, profile_id: &str) -> Result<usize> {
        Err(Error::internal(
            "postgres: sessions_clear_profile not ported",
        ))
    }
    fn sessions_adopt_profile(&self, user_id: &str, profile_id: &str, now: &str) -> Result<usize> {
        Err(Error::internal(
            "postgres: sessions_adopt_profile not ported",
        ))
    }
    fn sessions_prune(&self, before: &str) -> Result<usize> {
        Err(Error::internal("postgres: sessions_prune not ported"))
    }
}
