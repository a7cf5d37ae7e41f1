//! PLACEHOLDER: to be ported from ../sqlite/invitations.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl InviteReads for PgTx<'_> {
    fn invite_by_id(&self, id: &str) -> Result<Option<Invitation>> {
        Err(Error::internal("postgres: invite_by_id not ported"))
    }
    fn invite_pending(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        Err(Error::internal("postgres: invite_pending not ported"))
    }
    fn invite_latest(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>> {
        Err(Error::internal("postgres: invite_latest not ported"))
    }
    fn invite_list(
        &self,
        profile_id: Option<&str>,
        status: Option<InviteStatus>,
        now: &str,
    ) -> Result<Vec<Invitation>> {
        Err(Error::internal("postgres: invite_list not ported"))
    }
    fn invite_lapsed(&self, now: &str) -> Result<Vec<String>> {
        Err(Error::internal("postgres: invite_lapsed not ported"))
    }
    fn invite_to_members(&self, now: &str) -> Result<Vec<Invitation>> {
        Err(Error::internal("postgres: invite_to_members not ported"))
    }
}

impl InviteWrites for PgTx<'_> {
    fn invite_insert(&self, i: &Invitation) -> Result<()> {
        Err(Error::internal("postgres: invite_insert not ported"))
    }
    fn invite_update(&self, i: &Invitation) -> Result<()> {
        Err(Error::internal("postgres: invite_update not ported"))
    }
}
