//! PLACEHOLDER: to be ported from ../sqlite/media.rs
#![allow(unused_variables)]
use super::PgTx;
use crate::error::{Error, Result};
use crate::model::*;
use crate::store::traits::*;
use crate::store::*;
use std::collections::HashMap;

impl MediaReads for PgTx<'_> {
    fn media_by_id(&self, id: &str) -> Result<Option<Media>> {
        Err(Error::internal("postgres: media_by_id not ported"))
    }
    fn media_by_infohash(&self, profile_id: &str, infohash: &str) -> Result<Option<Media>> {
        Err(Error::internal("postgres: media_by_infohash not ported"))
    }
    fn media_find(
        &self,
        profile_id: &str,
        key: &MediaKey<'_>,
        except_id: &str,
    ) -> Result<Option<Media>> {
        Err(Error::internal("postgres: media_find not ported"))
    }
    fn media_children(&self, parent_id: &str, user_id: Option<&str>) -> Result<(i64, i64)> {
        Err(Error::internal("postgres: media_children not ported"))
    }
    fn media_search_cap(&self) -> Result<i64> {
        Err(Error::internal("postgres: media_search_cap not ported"))
    }
    fn media_search_plan(&self, term: &str) -> Result<SearchPlan> {
        Err(Error::internal("postgres: media_search_plan not ported"))
    }
    fn media_page(&self, q: &MediaQuery<'_>) -> Result<Vec<Media>> {
        Err(Error::internal("postgres: media_page not ported"))
    }
    fn media_each(&self, visit: &mut dyn FnMut(Media, &str) -> Result<()>) -> Result<()> {
        Err(Error::internal("postgres: media_each not ported"))
    }
}

impl MediaWrites for PgTx<'_> {
    fn media_insert(&self, m: &Media) -> Result<()> {
        Err(Error::internal("postgres: media_insert not ported"))
    }
    fn media_update(&self, m: &Media) -> Result<()> {
        Err(Error::internal("postgres: media_update not ported"))
    }
    fn media_delete(&self, id: &str) -> Result<()> {
        Err(Error::internal("postgres: media_delete not ported"))
    }
}
