//! PLACEHOLDER: to be ported from ../sqlite/roles.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl RoleReads for PgTx<'_> {
    fn role_get(&self, scope: Scope, name: &str) -> Result<Option<RoleDef>> {
        Err(Error::internal("postgres: role_get not ported"))
    }
    fn role_list(&self) -> Result<Vec<RoleDef>> {
        Err(Error::internal("postgres: role_list not ported"))
    }
    fn role_holders(&self, scope: Scope, name: &str) -> Result<i64> {
        Err(Error::internal("postgres: role_holders not ported"))
    }
}

impl RoleWrites for PgTx<'_> {
    fn role_insert(&self, r: &RoleDef) -> Result<()> {
        Err(Error::internal("postgres: role_insert not ported"))
    }
    fn role_update(&self, r: &RoleDef) -> Result<()> {
        Err(Error::internal("postgres: role_update not ported"))
    }
    fn role_delete(&self, scope: Scope, name: &str) -> Result<()> {
        Err(Error::internal("postgres: role_delete not ported"))
    }
}
