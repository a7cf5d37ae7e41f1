//! PLACEHOLDER: to be ported from ../sqlite/audit.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl AuditReads for PgTx<'_> {
    fn audit_head(&mut self) -> Result<Option<&AuditHead>> {
        Err(Error::internal("postgres: audit_head not ported"))
    }
    fn audit_first_keyed(&self) -> Result<Option<i64>> {
        Err(Error::internal("postgres: audit_first_keyed not ported"))
    }
    fn audit_list(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>> {
        Err(Error::internal("postgres: audit_list not ported"))
    }
    fn audit_each(&self, visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>) -> Result<()> {
        Err(Error::internal("postgres: audit_each not ported"))
    }
    fn audit_each_of_events(
        &self,
        events: &[&str],
        visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>,
    ) -> Result<()> {
        Err(Error::internal("postgres: audit_each_of_events not ported"))
    }
    fn audit_high_water(&self) -> Result<i64> {
        Err(Error::internal("postgres: audit_high_water not ported"))
    }
    fn audit_count(&self) -> Result<i64> {
        Err(Error::internal("postgres: audit_count not ported"))
    }
}

impl AuditWrites for PgTx<'_> {
    fn audit_insert(&mut self, e: AuditEntry) -> Result<()> {
        Err(Error::internal("postgres: audit_insert not ported"))
    }
}
