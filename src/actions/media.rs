//! `media-*` events: add (and the seed's converge), remove, and the list and show views.
//!
//! Access (DESIGN.md §2): members of the item's profile and global admins list, show and
//! add; the profile's owners and admins, the member who added an item, and global admins
//! remove it. Everyone else gets 77 whether or not the profile or item exists; global admins
//! get 67 for what is missing.
//!
//! Natural key within a profile, in order (docs/media.md):
//! 1. `(type, tmdb_id)` when the input has a tmdb id;
//! 2. else (or when that finds nothing, among items without a tmdb id): for an episode with
//!    a parent and an episode number, `(parent, season, episode)`; for anything else
//!    `(type, title, year)` with the title compared ignoring ASCII case, plus the parent
//!    for episodes, so two shows may each have a "Pilot".

use chrono::{DateTime, Datelike, Utc};
use serde_json::{Value, json};

use super::{Ctx, OnExists, Outcome, profile_not_found, require, role_in, validate};
use crate::error::{Error, Result};
use crate::model::{Media, MediaType, Profile, Role, new_id};
use crate::output::Record;
use crate::store::{MediaKey, MediaQuery, Tx};

pub const MIN_YEAR: i64 = 1870;
/// How far past the current year a release year may be.
pub const YEARS_AHEAD: i64 = 10;
pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_PATH_BYTES: usize = 4096;
pub const MAX_SEASON: i64 = 9999;
pub const MAX_EPISODE: i64 = 99_999;
pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 1000;
pub const DEFAULT_STATUS: &str = "pending";

fn bad(field: &str, value: impl std::fmt::Display, why: impl std::fmt::Display) -> Error {
    let shown: String = value.to_string().chars().take(80).collect();
    Error::invalid(format!("{field} {shown:?}: {why}"))
}

/// `movie`, `show` or `episode`, any case.
pub fn media_type(value: &str) -> Result<MediaType> {
    MediaType::parse(value.trim()).ok_or_else(|| {
        bad("type", value, "is not a media type")
            .hint(format!("use one of: {}", MediaType::ALL.join(", ")))
    })
}

/// The highest release year accepted at `now`.
pub fn max_year(now: DateTime<Utc>) -> i64 {
    i64::from(now.year()) + YEARS_AHEAD
}

pub fn year(value: i64, now: DateTime<Utc>) -> Result<i64> {
    let max = max_year(now);
    if !(MIN_YEAR..=max).contains(&value) {
        return Err(bad(
            "year",
            value,
            format!("must be between {MIN_YEAR} and {max}"),
        )
        .hint("give the release year, such as --year 1999"));
    }
    Ok(value)
}

pub fn tmdb_id(value: i64) -> Result<i64> {
    if value <= 0 {
        return Err(bad("tmdb_id", value, "must be a positive number")
            .hint("the id in a TMDB URL: themoviedb.org/movie/603 is --tmdb-id 603"));
    }
    Ok(value)
}

/// `tt` and 7 to 10 digits, returned lower-case.
pub fn imdb_id(value: &str) -> Result<String> {
    let v = value.trim().to_ascii_lowercase();
    let digits = v.strip_prefix("tt").unwrap_or("");
    if !(7..=10).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad("imdb_id", value, "is not an IMDb id")
            .hint("an IMDb id is 'tt' and 7 to 10 digits, such as tt0133093"));
    }
    Ok(v)
}

/// 40 (BitTorrent v1) or 64 (v2) hex digits, returned lower-case.
pub fn infohash(value: &str) -> Result<String> {
    let v = value.trim();
    if !(v.len() == 40 || v.len() == 64) || !v.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(bad("infohash", value, "is not an infohash").hint(
            "an infohash is 40 hex digits (BitTorrent v1) or 64 (v2), as in magnet:?xt=urn:btih:<hash>",
        ));
    }
    Ok(v.to_ascii_lowercase())
}

/// A file path: not empty, at most 4096 bytes, no control characters. Kept as given.
pub fn file_path(value: &str) -> Result<String> {
    if value.trim().is_empty() {
        return Err(bad("path", value, "must not be empty"));
    }
    if value.len() > MAX_PATH_BYTES {
        return Err(bad(
            "path",
            value,
            format!("is longer than {MAX_PATH_BYTES} bytes"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(bad("path", value, "contains control characters"));
    }
    Ok(value.to_string())
}

/// The input of `media-add`: the command's flags, and a seed event's data fields.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewMedia {
    pub id: Option<String>,
    /// `type`: movie, show or episode.
    pub kind: Option<String>,
    pub title: Option<String>,
    pub year: Option<i64>,
    pub tmdb_id: Option<i64>,
    pub imdb_id: Option<String>,
    pub infohash: Option<String>,
    /// Stored as `file_path`.
    pub path: Option<String>,
    /// The id of an episode's show, in the same profile.
    pub parent: Option<String>,
    pub season: Option<i64>,
    pub episode: Option<i64>,
    /// Restored by seeds from an export (global admins only): the item's status.
    pub status: Option<String>,
    /// Restored by seeds from an export (global admins only): who added it.
    pub added_by: Option<String>,
}

impl NewMedia {
    /// Validates and normalises every field. Needs no database (seeds check all their
    /// events before writing anything); `now` bounds the year. Validating twice is harmless.
    pub fn validated(mut self, now: DateTime<Utc>) -> Result<NewMedia> {
        self.id = self.id.map(|v| validate::id("id", &v)).transpose()?;
        let kind = self
            .kind
            .as_deref()
            .ok_or_else(|| {
                Error::invalid("type: required")
                    .hint("add --type movie, --type show or --type episode")
            })
            .and_then(media_type)?;
        self.kind = Some(kind.as_str().to_string());
        let title = self
            .title
            .as_deref()
            .ok_or_else(|| Error::invalid("title: required").hint("add --title"))?;
        self.title = Some(validate::text("title", title, MAX_TITLE_CHARS)?);
        self.year = self.year.map(|v| year(v, now)).transpose()?;
        self.tmdb_id = self.tmdb_id.map(tmdb_id).transpose()?;
        self.imdb_id = self.imdb_id.map(|v| imdb_id(&v)).transpose()?;
        self.infohash = self.infohash.map(|v| infohash(&v)).transpose()?;
        self.path = self.path.map(|v| file_path(&v)).transpose()?;
        self.parent = self
            .parent
            .map(|v| validate::id("parent", &v))
            .transpose()?;
        self.status = self
            .status
            .map(|v| validate::word("status", &v))
            .transpose()?;
        if kind != MediaType::Episode {
            let only_episodes = |field: &str, value: String| {
                Err(bad(
                    field,
                    value,
                    format!("only episodes have one, and this is a {}", kind.as_str()),
                )
                .hint("use --type episode, or leave out --parent, --season and --episode"))
            };
            if let Some(p) = self.parent {
                return only_episodes("parent", p);
            }
            if let Some(s) = self.season {
                return only_episodes("season", s.to_string());
            }
            if let Some(e) = self.episode {
                return only_episodes("episode", e.to_string());
            }
        }
        if let Some(s) = self.season
            && !(0..=MAX_SEASON).contains(&s)
        {
            return Err(bad(
                "season",
                s,
                format!("must be between 0 and {MAX_SEASON} (0 for specials)"),
            ));
        }
        if let Some(e) = self.episode
            && !(1..=MAX_EPISODE).contains(&e)
        {
            return Err(bad(
                "episode",
                e,
                format!("must be between 1 and {MAX_EPISODE}"),
            ));
        }
        Ok(self)
    }

    /// The validated type.
    pub fn media_type(&self) -> Result<MediaType> {
        media_type(self.kind.as_deref().unwrap_or_default())
    }
}

/// How an item is named in messages: `movie "The Matrix" (1999)`, `episode "Pilot" S01E01`.
pub fn label(m: &Media) -> String {
    let mut s = format!("{} {:?}", m.kind.as_str(), m.title);
    if let Some(y) = m.year {
        s.push_str(&format!(" ({y})"));
    }
    match (m.season_number, m.episode_number) {
        (Some(season), Some(episode)) => s.push_str(&format!(" S{season:02}E{episode:02}")),
        (None, Some(episode)) => s.push_str(&format!(" E{episode:02}")),
        (Some(season), None) => s.push_str(&format!(" S{season:02}")),
        (None, None) => {}
    }
    s
}

fn media_not_found(id: &str) -> Error {
    Error::not_found(format!("media item {id:?} does not exist"))
        .hint("list a profile's items with `roster media list PROFILE`")
}

/// Finds a profile whose library the actor may use: its members, and global admins. A
/// profile that does not exist is a 67 only for global admins; everyone else gets the 77
/// they would get for a profile they are not in, and learns nothing.
/// The profile's `member_count` is not loaded (-1): media needs only its id and slug.
pub fn member_profile(
    tx: &Tx<'_>,
    ctx: &Ctx,
    reference: &str,
    action: &str,
) -> Result<(Profile, Option<Role>)> {
    let found = super::find_profile_bare(tx, reference)?;
    let role = match &found {
        Some(p) => role_in(tx, ctx, &p.id)?,
        None => None,
    };
    require(
        ctx.actor.is_global_admin() || role.is_some(),
        &format!("{action} in profile {reference:?}"),
        "the profile's members and global admins",
    )?;
    let profile = found.ok_or_else(|| profile_not_found(tx, reference))?;
    Ok((profile, role))
}

/// Finds an item the actor may see, with the actor's role in its profile; same rule as
/// [`member_profile`].
fn visible_item(tx: &Tx<'_>, ctx: &Ctx, id: &str, action: &str) -> Result<(Media, Option<Role>)> {
    let found = tx.media_by_id(id)?;
    let role = match &found {
        Some(m) => role_in(tx, ctx, &m.profile_id)?,
        None => None,
    };
    require(
        ctx.actor.is_global_admin() || role.is_some(),
        &format!("{action} media item {id:?}"),
        "the members of the item's profile and global admins",
    )?;
    let item = found.ok_or_else(|| media_not_found(id))?;
    Ok((item, role))
}

/// Checks an episode's parent: an item of the same profile (else 67, whether it is missing
/// or belongs to another profile) that is a show (else 65).
fn check_parent(tx: &Tx<'_>, ctx: &Ctx, profile: &Profile, parent: &str) -> Result<()> {
    let shows_hint = format!(
        "list the profile's shows with `roster media list {} --type show`",
        profile.slug
    );
    match tx.media_by_id(parent)? {
        Some(p) if p.profile_id == profile.id => {
            if p.kind != MediaType::Show {
                return Err(bad(
                    "parent",
                    parent,
                    format!("is {}; an episode's parent must be a show", label(&p)),
                )
                .hint(shows_hint));
            }
            Ok(())
        }
        other => {
            let mut e = Error::not_found(format!(
                "parent {parent:?}: no media item with that id in profile {}",
                profile.slug
            ));
            if ctx.actor.is_global_admin()
                && let Some(p) = other
            {
                e = e.hint(format!(
                    "{parent} belongs to another profile (id {}); a parent must be in the same profile",
                    p.profile_id
                ));
            }
            Err(e.hint(shows_hint))
        }
    }
}

/// The item of `m`'s profile that has `m`'s natural key, other than `m` itself.
fn find_by_key(tx: &Tx<'_>, m: &Media) -> Result<Option<Media>> {
    if let Some(tmdb_id) = m.tmdb_id
        && let Some(found) = tx.media_find(
            &m.profile_id,
            &MediaKey::Tmdb {
                kind: m.kind,
                tmdb_id,
            },
            &m.id,
        )?
    {
        return Ok(Some(found));
    }
    let without_tmdb = m.tmdb_id.is_some();
    let key = match (m.kind, m.parent_id.as_deref(), m.episode_number) {
        (MediaType::Episode, Some(parent_id), Some(episode)) => MediaKey::Episode {
            parent_id,
            season: m.season_number,
            episode,
            without_tmdb,
        },
        _ => MediaKey::Title {
            kind: m.kind,
            title: &m.title,
            year: m.year,
            parent_id: m.parent_id.as_deref(),
            without_tmdb,
        },
    };
    tx.media_find(&m.profile_id, &key, &m.id)
}

/// Refuses (68) a record whose natural key or infohash another item of its profile holds.
/// `key_checked`: the caller already looked the natural key up and found nothing.
fn check_unique(tx: &Tx<'_>, profile: &Profile, m: &Media, key_checked: bool) -> Result<()> {
    if !key_checked && let Some(other) = find_by_key(tx, m)? {
        return Err(Error::conflict(format!(
            "{} already exists in profile {} (id {})",
            label(&other),
            profile.slug,
            other.id
        ))
        .hint("an item is recognised by (type, tmdb id), else by (type, title, year); see `roster media show ID`"));
    }
    if let Some(hash) = &m.infohash
        && let Some(other) = tx
            .media_by_infohash(&m.profile_id, hash)?
            .filter(|o| o.id != m.id)
    {
        return Err(Error::conflict(format!(
            "infohash {hash} is already in profile {}: {} (id {})",
            profile.slug,
            label(&other),
            other.id
        ))
        .hint("the same content may be in a profile only once"));
    }
    Ok(())
}

/// `media-add`: the profile's members and global admins. With [`OnExists::Converge`] (seeds)
/// an existing item is brought to the given values; fields left out keep theirs.
pub fn add(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    input: NewMedia,
    on_exists: OnExists,
) -> Result<Outcome<Media>> {
    let (profile, _) = member_profile(tx, ctx, profile_ref, "adding media")?;
    let input = input.validated(ctx.now)?;
    if input.status.is_some() || input.added_by.is_some() {
        require(
            ctx.actor.is_global_admin(),
            "restoring a media item's status or adder",
            "global admins and the operator",
        )?;
    }
    let added_by = match &input.added_by {
        Some(r) => Some(super::need_user(tx, r)?.id),
        None => ctx.actor.user_id().map(str::to_string),
    };
    let kind = input.media_type()?;
    if let Some(parent) = &input.parent {
        check_parent(tx, ctx, &profile, parent)?;
    }
    let candidate = Media {
        id: input.id.clone().unwrap_or_else(new_id),
        profile_id: profile.id.clone(),
        kind,
        title: input.title.clone().unwrap_or_default(),
        year: input.year,
        tmdb_id: input.tmdb_id,
        imdb_id: input.imdb_id.clone(),
        infohash: input.infohash.clone(),
        file_path: input.path.clone(),
        parent_id: input.parent.clone(),
        season_number: input.season,
        episode_number: input.episode,
        status: input
            .status
            .clone()
            .unwrap_or_else(|| DEFAULT_STATUS.to_string()),
        added_by,
        added_at: ctx.now_text.clone(),
    };

    // The existing item this input names: by id when given, else by natural key.
    let existing = match &input.id {
        Some(id) => match tx.media_by_id(id)? {
            Some(m) if m.profile_id == profile.id => Some(m),
            Some(_) => {
                return Err(Error::conflict(format!(
                    "media id {id:?} is already in use by another profile's item"
                ))
                .hint("choose another --id"));
            }
            None => None,
        },
        None => find_by_key(tx, &candidate)?,
    };
    if let Some(current) = existing {
        return match on_exists {
            OnExists::Fail => Err(Error::conflict(format!(
                "{} already exists in profile {} (id {})",
                label(&current),
                profile.slug,
                current.id
            ))
            .hint("add --if-not-exists to treat an existing item as success")),
            OnExists::Skip => Ok(Outcome::Unchanged(current)),
            OnExists::Converge => converge(tx, ctx, &profile, current, candidate, &input),
        };
    }

    check_unique(tx, &profile, &candidate, input.id.is_none())?;
    tx.media_insert(&candidate)?;
    ctx.audit(tx, "media-add", &candidate.id, candidate.to_json())?;
    Ok(Outcome::Created(candidate))
}

/// Brings an existing item to the values given (those left out keep theirs), with one
/// `media-update` audit row naming what changed.
fn converge(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &Profile,
    current: Media,
    given: Media,
    input: &NewMedia,
) -> Result<Outcome<Media>> {
    if current.kind != given.kind {
        return Err(Error::conflict(format!(
            "{} (id {}) is a {}, not a {}; an item's type cannot change",
            label(&current),
            current.id,
            current.kind.as_str(),
            given.kind.as_str()
        ))
        .hint("remove it first, or give another id"));
    }
    let mut next = current.clone();
    next.title = given.title;
    if input.year.is_some() {
        next.year = given.year;
    }
    if input.tmdb_id.is_some() {
        next.tmdb_id = given.tmdb_id;
    }
    if input.imdb_id.is_some() {
        next.imdb_id = given.imdb_id;
    }
    if input.infohash.is_some() {
        next.infohash = given.infohash;
    }
    if input.path.is_some() {
        next.file_path = given.file_path;
    }
    if input.parent.is_some() {
        next.parent_id = given.parent_id;
    }
    if input.season.is_some() {
        next.season_number = given.season_number;
    }
    if input.episode.is_some() {
        next.episode_number = given.episode_number;
    }
    if input.status.is_some() {
        next.status = given.status;
    }
    if input.added_by.is_some() {
        next.added_by = given.added_by;
    }
    let changed = super::changed_fields(&current.to_json(), &next.to_json(), &[]);
    if changed.is_empty() {
        return Ok(Outcome::Unchanged(current));
    }
    check_unique(tx, profile, &next, false)?;
    tx.media_update(&next)?;
    ctx.audit(tx, "media-update", &next.id, Value::Object(changed))?;
    Ok(Outcome::Updated(next))
}

/// `media show`: the members of the item's profile and global admins.
pub fn show(tx: &Tx<'_>, ctx: &Ctx, id: &str) -> Result<Media> {
    Ok(visible_item(tx, ctx, id, "showing")?.0)
}

/// The checks of `media-remove`, and how many episodes would go with a show: for the
/// confirmation.
pub fn remove_plan(tx: &Tx<'_>, ctx: &Ctx, id: &str) -> Result<(Media, i64)> {
    let found = tx.media_by_id(id)?;
    let role = match &found {
        Some(m) => role_in(tx, ctx, &m.profile_id)?,
        None => None,
    };
    let admin = ctx.actor.is_global_admin();
    let manages = role.is_some_and(Role::manages);
    let added_it = role.is_some()
        && ctx.actor.user_id().is_some()
        && found.as_ref().and_then(|m| m.added_by.as_deref()) == ctx.actor.user_id();
    require(
        admin || manages || added_it,
        &format!("removing media item {id:?}"),
        "the profile's owners and admins, the member who added the item, and global admins,",
    )?;
    let item = found.ok_or_else(|| media_not_found(id))?;
    let (episodes, by_others) = if item.kind == MediaType::Show {
        tx.media_children(&item.id, ctx.actor.user_id())?
    } else {
        (0, 0)
    };
    if !admin && !manages && by_others > 0 {
        return Err(Error::denied(format!(
            "permission denied: removing {} would also remove {by_others} episode(s) that others added",
            label(&item)
        ))
        .hint("a profile owner or admin can remove it"));
    }
    Ok((item, episodes))
}

/// `media-remove`: the profile's owners and admins, the member who added the item, and
/// global admins. A show's episodes go with it.
pub fn remove(tx: &mut Tx<'_>, ctx: &Ctx, id: &str) -> Result<Outcome<Media>> {
    let (item, episodes) = remove_plan(tx, ctx, id)?;
    delete(tx, ctx, item, episodes)
}

/// `media-remove` for seeds, idempotent: the item is looked for in the named profile
/// (whose members may know what it holds), and one that is not there is `None`, to be
/// reported unchanged. Otherwise the same rules as [`remove`].
pub fn remove_if_exists(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    id: &str,
) -> Result<Option<Outcome<Media>>> {
    let (profile, _) = member_profile(tx, ctx, profile_ref, "removing media")?;
    match tx.media_by_id(id)? {
        Some(m) if m.profile_id == profile.id => {
            let (item, episodes) = remove_plan(tx, ctx, id)?;
            delete(tx, ctx, item, episodes).map(Some)
        }
        _ => Ok(None),
    }
}

fn delete(tx: &mut Tx<'_>, ctx: &Ctx, item: Media, episodes: i64) -> Result<Outcome<Media>> {
    tx.media_delete(&item.id)?;
    let mut data = item.to_json();
    if let Some(obj) = data.as_object_mut() {
        obj.insert("episodes_removed".into(), json!(episodes));
    }
    ctx.audit(tx, "media-remove", &item.id, data)?;
    Ok(Outcome::Deleted(item))
}

/// The filters and page of `media list`, as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    pub kind: Option<String>,
    pub search: Option<String>,
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub after: Option<String>,
}

/// One page of a profile's library.
#[derive(Debug, Clone, PartialEq)]
pub struct MediaPage {
    pub profile: Profile,
    pub items: Vec<Media>,
    /// Where the next page starts; None on the last page.
    pub next_cursor: Option<String>,
    pub limit: i64,
}

impl MediaPage {
    /// The `--format json` document: `{"items": [...], "next_cursor": "..." | null}`.
    pub fn to_json(&self) -> Value {
        json!({
            "items": self.items.iter().map(Media::to_json).collect::<Vec<_>>(),
            "next_cursor": self.next_cursor,
        })
    }
}

/// `media list`: the profile's members and global admins. Items in title order (ignoring
/// ASCII case), then id; `limit` per page, continuing after the cursor of the previous page.
pub fn list(tx: &Tx<'_>, ctx: &Ctx, profile_ref: &str, q: ListQuery) -> Result<MediaPage> {
    let (profile, _) = member_profile(tx, ctx, profile_ref, "listing media")?;
    let kind = q.kind.as_deref().map(media_type).transpose()?;
    let search = q
        .search
        .as_deref()
        .map(|s| validate::text("search", s, MAX_TITLE_CHARS))
        .transpose()?;
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT);
    if !(1..=MAX_LIMIT).contains(&limit) {
        return Err(
            bad("limit", limit, format!("must be between 1 and {MAX_LIMIT}"))
                .hint("page through long lists with --after and the cursor each page gives"),
        );
    }
    let after = q.after.as_deref().map(decode_cursor).transpose()?;
    let mut items = tx.media_page(&MediaQuery {
        profile_id: &profile.id,
        kind,
        search: search.as_deref(),
        after: after.as_ref().map(|(t, i)| (t.as_str(), i.as_str())),
        limit: limit + 1,
    })?;
    let next_cursor = if items.len() as i64 > limit {
        items.truncate(limit as usize);
        items.last().map(|m| encode_cursor(&m.title, &m.id))
    } else {
        None
    };
    Ok(MediaPage {
        profile,
        items,
        next_cursor,
        limit,
    })
}

// ------------------------------------------------------------------ cursors
//
// A cursor is the last item of a page, `(title, id)`, as base64url (no padding) of
// "m1" US title US id, where US is the unit separator 0x1F, which no title or id may
// contain. Opaque to users: they pass back what a page gave them.

const CURSOR_TAG: &str = "m1";
const SEP: char = '\u{1f}';
const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

pub fn encode_cursor(title: &str, id: &str) -> String {
    base64url(format!("{CURSOR_TAG}{SEP}{title}{SEP}{id}").as_bytes())
}

pub fn decode_cursor(cursor: &str) -> Result<(String, String)> {
    let malformed = || {
        bad("after", cursor, "is not a cursor from `roster media list`")
            .hint("pass the next_cursor of the previous page unchanged, or leave out --after to start at the beginning")
    };
    let bytes = unbase64url(cursor.trim()).ok_or_else(malformed)?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let mut parts = text.split(SEP);
    let (Some(tag), Some(title), Some(id), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(malformed());
    };
    if tag != CURSOR_TAG || title.is_empty() || validate::id("id", id).is_err() {
        return Err(malformed());
    }
    Ok((title.to_string(), id.to_string()))
}

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..=chunk.len() {
            out.push(char::from(B64[((n >> (18 - 6 * i)) & 63) as usize]));
        }
    }
    out
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for c in text.bytes() {
        let v = B64.iter().position(|&b| b == c)? as u32;
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    // Leftover bits must be zero padding, so that each byte string has one encoding.
    if acc != 0 {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::Actor;
    use crate::error::Kind;
    use crate::store::{OpenMode, Store};

    fn now() -> DateTime<Utc> {
        crate::model::parse_timestamp("2026-11-21T12:00:00Z").unwrap()
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        for (title, id) in [
            ("The Matrix", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
            ("Amélie — «Le fabuleux destin»", "x"),
            ("a", "a.b_c-d"),
        ] {
            let c = encode_cursor(title, id);
            assert!(c.bytes().all(|b| B64.contains(&b)), "{c}");
            assert_eq!(
                decode_cursor(&c).unwrap(),
                (title.to_string(), id.to_string())
            );
        }
        for bad in [
            "",
            "!!!!",
            "abc",
            "a",
            &base64url(b"m2\x1ft\x1fid"),
            &base64url(b"m1\x1ft"),
            &base64url(b"m1\x1f\x1fid"),
            &base64url(b"m1\x1ft\x1fbad id"),
            &base64url(b"m1\x1ft\x1fid\x1fmore"),
            &base64url(&[0xff, 0xfe, 0x1f]),
        ] {
            let e = decode_cursor(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Invalid, "{bad:?}");
        }
        // A non-canonical last character (non-zero padding bits) is refused.
        let c = encode_cursor("ab", "c");
        let mut tweaked = c.clone();
        let last = tweaked.pop().unwrap();
        let i = B64.iter().position(|&b| b == last as u8).unwrap();
        tweaked.push(B64[(i + 1) % 64] as char);
        assert!(decode_cursor(&tweaked).is_err() || tweaked == c);
    }

    #[test]
    fn base64url_matches_known_vectors() {
        assert_eq!(base64url(b""), "");
        assert_eq!(base64url(b"f"), "Zg");
        assert_eq!(base64url(b"fo"), "Zm8");
        assert_eq!(base64url(b"foo"), "Zm9v");
        assert_eq!(base64url(b"foob"), "Zm9vYg");
        assert_eq!(base64url(&[0xfb, 0xff]), "-_8");
        assert_eq!(unbase64url("Zm9vYg").unwrap(), b"foob");
    }

    #[test]
    fn validation_names_field_and_value() {
        let base = NewMedia {
            kind: Some("movie".into()),
            title: Some("Dune".into()),
            ..Default::default()
        };
        let check = |m: NewMedia, field: &str| {
            let e = m.validated(now()).unwrap_err();
            assert_eq!(e.kind, Kind::Invalid);
            assert!(e.message.starts_with(field), "{field}: {}", e.message);
        };
        check(
            NewMedia {
                kind: Some("film".into()),
                ..base.clone()
            },
            "type",
        );
        check(
            NewMedia {
                kind: None,
                ..base.clone()
            },
            "type",
        );
        check(
            NewMedia {
                title: Some(" ".into()),
                ..base.clone()
            },
            "title",
        );
        check(
            NewMedia {
                title: Some("x".repeat(501)),
                ..base.clone()
            },
            "title",
        );
        check(
            NewMedia {
                year: Some(1869),
                ..base.clone()
            },
            "year",
        );
        check(
            NewMedia {
                year: Some(2037),
                ..base.clone()
            },
            "year",
        );
        check(
            NewMedia {
                tmdb_id: Some(0),
                ..base.clone()
            },
            "tmdb_id",
        );
        check(
            NewMedia {
                imdb_id: Some("tt123".into()),
                ..base.clone()
            },
            "imdb_id",
        );
        check(
            NewMedia {
                imdb_id: Some("nm0000206".into()),
                ..base.clone()
            },
            "imdb_id",
        );
        check(
            NewMedia {
                infohash: Some("abc".into()),
                ..base.clone()
            },
            "infohash",
        );
        check(
            NewMedia {
                infohash: Some("g".repeat(40)),
                ..base.clone()
            },
            "infohash",
        );
        check(
            NewMedia {
                path: Some("a\nb".into()),
                ..base.clone()
            },
            "path",
        );
        check(
            NewMedia {
                path: Some("a".repeat(4097)),
                ..base.clone()
            },
            "path",
        );
        check(
            NewMedia {
                parent: Some("show".into()),
                ..base.clone()
            },
            "parent",
        );
        check(
            NewMedia {
                season: Some(1),
                ..base.clone()
            },
            "season",
        );
        check(
            NewMedia {
                episode: Some(1),
                ..base.clone()
            },
            "episode",
        );
        check(
            NewMedia {
                id: Some("a b".into()),
                ..base.clone()
            },
            "id",
        );
        let ep = NewMedia {
            kind: Some("Episode".into()),
            ..base.clone()
        };
        check(
            NewMedia {
                season: Some(-1),
                ..ep.clone()
            },
            "season",
        );
        check(
            NewMedia {
                episode: Some(0),
                ..ep.clone()
            },
            "episode",
        );

        let ok = NewMedia {
            year: Some(2036),
            tmdb_id: Some(438631),
            imdb_id: Some("TT1160419".into()),
            infohash: Some("A".repeat(64)),
            season: Some(0),
            episode: Some(1),
            ..ep
        }
        .validated(now())
        .unwrap();
        assert_eq!(ok.kind.as_deref(), Some("episode"));
        assert_eq!(ok.imdb_id.as_deref(), Some("tt1160419"));
        assert_eq!(ok.infohash.as_deref(), Some("a".repeat(64).as_str()));
        assert_eq!(
            ok.clone().validated(now()).unwrap(),
            ok,
            "validating twice is harmless"
        );
    }

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("t.db"), OpenMode::Create, 1000).unwrap();
        (dir, store)
    }

    fn operator() -> Ctx {
        Ctx::new(
            Actor::Operator {
                login: "test".into(),
            },
            now(),
            "seed:test.json",
        )
    }

    fn setup(store: &mut Store) {
        store
            .write(|tx| {
                let p = crate::actions::profile::NewProfile {
                    name: Some("Family".into()),
                    ..Default::default()
                };
                crate::actions::profile::create(tx, &operator(), p, OnExists::Fail)?;
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn converge_updates_changed_values_and_leaves_equal_ones() {
        let (_dir, mut store) = store();
        setup(&mut store);
        let ctx = operator();
        let input = NewMedia {
            kind: Some("movie".into()),
            title: Some("Dune".into()),
            year: Some(2021),
            tmdb_id: Some(438631),
            ..Default::default()
        };
        store
            .write(|tx| {
                let first = add(tx, &ctx, "family", input.clone(), OnExists::Converge)?;
                assert_eq!(first.label(), "created");
                let again = add(tx, &ctx, "family", input.clone(), OnExists::Converge)?;
                assert_eq!(again.label(), "unchanged");
                let changed = NewMedia {
                    title: Some("Dune: Part One".into()),
                    path: Some("/films/dune.mkv".into()),
                    ..input.clone()
                };
                let updated = add(tx, &ctx, "family", changed.clone(), OnExists::Converge)?;
                assert_eq!(updated.label(), "updated");
                assert_eq!(updated.value().title, "Dune: Part One");
                assert_eq!(updated.value().id, first.value().id);
                let last = add(tx, &ctx, "family", changed, OnExists::Converge)?;
                assert_eq!(last.label(), "unchanged");
                let wrong_type = NewMedia {
                    kind: Some("show".into()),
                    id: Some(first.value().id.clone()),
                    ..input.clone()
                };
                let e = add(tx, &ctx, "family", wrong_type, OnExists::Converge).unwrap_err();
                assert_eq!(e.kind, Kind::Conflict);
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn remove_if_exists_is_idempotent() {
        let (_dir, mut store) = store();
        setup(&mut store);
        let ctx = operator();
        store
            .write(|tx| {
                let input = NewMedia {
                    id: Some("dune".into()),
                    kind: Some("movie".into()),
                    title: Some("Dune".into()),
                    ..Default::default()
                };
                add(tx, &ctx, "family", input, OnExists::Fail)?;
                let first = remove_if_exists(tx, &ctx, "family", "dune")?;
                assert_eq!(first.map(|o| o.label()), Some("deleted"));
                assert_eq!(remove_if_exists(tx, &ctx, "family", "dune")?, None);
                let e = remove(tx, &ctx, "dune").unwrap_err();
                assert_eq!(e.kind, Kind::NotFound);
                Ok(())
            })
            .unwrap();
    }
}
