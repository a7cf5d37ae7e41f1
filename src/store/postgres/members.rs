//! PLACEHOLDER: to be ported from ../sqlite/members.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl MemberReads for PgTx<'_> {
    fn member_get(&self, profile_id: &str, user_id: &str) -> Result<Option<Member>> {
        Err(Error::internal("postgres: member_get not ported"))
    }
    fn member_role(&self, profile_id: &str, user_id: &str) -> Result<Option<Role>> {
        Err(Error::internal("postgres: member_role not ported"))
    }
    fn member_list(&self, profile_id: &str) -> Result<Vec<Member>> {
        Err(Error::internal("postgres: member_list not ported"))
    }
    fn member_page(&self, q: &MemberQuery<'_>) -> Result<Vec<Member>> {
        Err(Error::internal("postgres: member_page not ported"))
    }
    fn member_count(&self, profile_id: &str) -> Result<i64> {
        Err(Error::internal("postgres: member_count not ported"))
    }
    fn owner_count(&self, profile_id: &str) -> Result<i64> {
        Err(Error::internal("postgres: owner_count not ported"))
    }
    fn profiles_solely_owned_by(&self, user_id: &str) -> Result<Vec<String>> {
        Err(Error::internal(
            "postgres: profiles_solely_owned_by not ported",
        ))
    }
    fn memberships_of(&self, user_id: &str) -> Result<HashMap<String, Role>> {
        Err(Error::internal("postgres: memberships_of not ported"))
    }
}

impl MemberWrites for PgTx<'_> {
    fn member_insert(&self, m: &Member) -> Result<()> {
        Err(Error::internal("postgres: member_insert not ported"))
    }
    fn member_set_role(&self, id: &str, role: &Role, updated_at: &str) -> Result<()> {
        Err(Error::internal("postgres: member_set_role not ported"))
    }
    fn member_delete(&self, id: &str) -> Result<()> {
        Err(Error::internal("postgres: member_delete not ported"))
    }
}
