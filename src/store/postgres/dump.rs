//! PLACEHOLDER: to be ported from ../sqlite/dump.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl ExportReads for PgTx<'_> {
    fn users_each(&self, visit: &mut dyn FnMut(User) -> Result<()>) -> Result<()> {
        Err(Error::internal("postgres: users_each not ported"))
    }
    fn profiles_each(&self, visit: &mut dyn FnMut(Profile) -> Result<()>) -> Result<()> {
        Err(Error::internal("postgres: profiles_each not ported"))
    }
    fn members_each(&self, visit: &mut dyn FnMut(Member) -> Result<()>) -> Result<()> {
        Err(Error::internal("postgres: members_each not ported"))
    }
    fn invitations_each(&self, visit: &mut dyn FnMut(Invitation) -> Result<()>) -> Result<()> {
        Err(Error::internal("postgres: invitations_each not ported"))
    }
}
