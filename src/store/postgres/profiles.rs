//! PLACEHOLDER: to be ported from ../sqlite/profiles.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl ProfileReads for PgTx<'_> {
    fn profile_by_id(&self, id: &str) -> Result<Option<Profile>> {
        Err(Error::internal("postgres: profile_by_id not ported"))
    }
    fn profile_by_slug(&self, slug: &str) -> Result<Option<Profile>> {
        Err(Error::internal("postgres: profile_by_slug not ported"))
    }
    fn profile_ref_by_slug(&self, slug: &str) -> Result<Option<ProfileRef>> {
        Err(Error::internal("postgres: profile_ref_by_slug not ported"))
    }
    fn profile_ref_by_id(&self, id: &str) -> Result<Option<ProfileRef>> {
        Err(Error::internal("postgres: profile_ref_by_id not ported"))
    }
    fn profile_list(&self) -> Result<Vec<Profile>> {
        Err(Error::internal("postgres: profile_list not ported"))
    }
    fn profile_slugs(&self) -> Result<Vec<String>> {
        Err(Error::internal("postgres: profile_slugs not ported"))
    }
    fn profile_contents(&self, id: &str) -> Result<ProfileContents> {
        Err(Error::internal("postgres: profile_contents not ported"))
    }
}

impl ProfileWrites for PgTx<'_> {
    fn profile_insert(&self, p: &Profile) -> Result<()> {
        Err(Error::internal("postgres: profile_insert not ported"))
    }
    fn profile_update(&self, p: &Profile) -> Result<()> {
        Err(Error::internal("postgres: profile_update not ported"))
    }
    fn profile_delete(&self, id: &str) -> Result<()> {
        Err(Error::internal("postgres: profile_delete not ported"))
    }
}
