//! PLACEHOLDER: to be ported from ../sqlite/doctor.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl CheckReads for PgTx<'_> {
    fn integrity_problems(&self) -> Result<Vec<String>> {
        Err(Error::internal("postgres: integrity_problems not ported"))
    }
    fn doctor_ownerless_profiles(&self) -> Result<Vec<OwnerlessProfile>> {
        Err(Error::internal(
            "postgres: doctor_ownerless_profiles not ported",
        ))
    }
    fn doctor_overfull_profiles(&self) -> Result<Vec<OverfullProfile>> {
        Err(Error::internal(
            "postgres: doctor_overfull_profiles not ported",
        ))
    }
    fn doctor_lapsed_invitations(&self, now: &str) -> Result<Vec<LapsedInvitation>> {
        Err(Error::internal(
            "postgres: doctor_lapsed_invitations not ported",
        ))
    }
    fn doctor_misplaced_media(&self) -> Result<Vec<MisplacedMedia>> {
        Err(Error::internal(
            "postgres: doctor_misplaced_media not ported",
        ))
    }
    fn doctor_search_index(&self) -> Result<(i64, i64)> {
        Err(Error::internal("postgres: doctor_search_index not ported"))
    }
}
