//! `media-*` events: add (and the seed's converge), remove, and the list and show views.
//!
//! Access (README "Concepts and rules"): members of the item's profile and global admins list, show and
//! add; the profile's owners and admins, the member who added an item, and global admins
//! remove it. Everyone else gets 77 whether or not the profile or item exists; global admins
//! get 67 for what is missing.
//!
//! Natural key within a profile, in order (README "Media": "When is an item already there? The natural key"):
//! 1. `(type, tmdb_id)` when the input has a tmdb id;
//! 2. else (or when that finds nothing, among items without a tmdb id): for an episode with
//!    a parent and an episode number, `(parent, season, episode)`; for anything else
//!    `(type, title, year)` with the title compared ignoring ASCII case, plus the parent
//!    for episodes, so two shows may each have a "Pilot".

mod cursor;
mod validate;

use serde_json::{Value, json};

use super::access::{Place, Request, Target};
use super::{Ctx, OnExists, Outcome, allow, profile_ref_for};
use crate::error::{Error, Result};
use crate::model::{Media, MediaType, ProfileRef, new_id};
use crate::output::Record;
use crate::store::{HeadKinds, HeadQuery, MediaKey, MediaPlace, MediaQuery, SearchPlan, Tx};
pub use cursor::{decode_cursor, encode_cursor};
use validate::bad;
pub use validate::{
    MAX_EPISODE, MAX_PATH_BYTES, MAX_SEASON, MAX_TITLE_CHARS, MIN_YEAR, YEARS_AHEAD, file_path,
    imdb_id, infohash, max_year, media_type, tmdb_id, year,
};

pub use super::page::{DEFAULT_LIMIT, MAX_LIMIT};
pub const DEFAULT_STATUS: &str = "pending";

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

/// Decides `event` on an item, in its profile. A missing item is a 67 only for an actor
/// a global role lets do `event` anywhere; anyone else gets 77 and learns nothing.
fn decided_item(tx: &Tx<'_>, ctx: &Ctx, id: &str, event: &'static str) -> Result<Media> {
    let found = tx.media_by_id(id)?;
    let profile = match &found {
        Some(m) => tx.profile_ref_by_id(&m.profile_id)?,
        None => None,
    };
    let req = match (&found, &profile) {
        (Some(m), Some(p)) => Request::new(event)
            .at(Place::Profile {
                id: &p.id,
                slug: &p.slug,
            })
            .on(Target::Media(m)),
        _ => Request::new(event).at(Place::Missing("")),
    };
    let mut req = req;
    req.place_of_record = true;
    req.named = Some(id);
    allow(tx, ctx, req)?;
    found.ok_or_else(|| media_not_found(id))
}

/// Checks an episode's parent: an item of the same profile (else 67, whether it is missing
/// or belongs to another profile) that is a show (else 65).
fn check_parent(tx: &Tx<'_>, ctx: &Ctx, profile: &ProfileRef, parent: &str) -> Result<()> {
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
fn check_unique(tx: &Tx<'_>, profile: &ProfileRef, m: &Media, key_checked: bool) -> Result<()> {
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
    add_with(tx, ctx, profile_ref, input, on_exists, NewMedia::validated)
}

/// [`add`] of an input [`NewMedia::validated`] returned (at `ctx.now`), as it returned
/// it: a seed validates each event as it builds it, and its action would validate the
/// same values again. The same permission checks, in the same order.
pub fn add_valid(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    input: NewMedia,
    on_exists: OnExists,
) -> Result<Outcome<Media>> {
    add_with(tx, ctx, profile_ref, input, on_exists, |input, _| Ok(input))
}

fn add_with(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    input: NewMedia,
    on_exists: OnExists,
    validate: fn(NewMedia, chrono::DateTime<chrono::Utc>) -> Result<NewMedia>,
) -> Result<Outcome<Media>> {
    let found = super::find_profile_ref(tx, profile_ref)?;
    let mut req = Request::new("media-add").at(super::place_of(
        found.as_ref().map(|p| (p.id.as_str(), p.slug.as_str())),
        profile_ref,
    ));
    if input.status.is_some() || input.added_by.is_some() {
        req.admin_only = Some("restoring a media item's status or adder");
    }
    allow(tx, ctx, req)?;
    let profile = found.ok_or_else(|| super::profile_not_found(tx, profile_ref))?;
    let input = validate(input, ctx.now)?;
    let added_by = match &input.added_by {
        Some(r) => Some(super::need_user(tx, r)?.id),
        None => ctx.actor.user_id().map(str::to_string),
    };
    let kind = input.media_type()?;
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
    // A parent is checked when it is set. One the item already has was checked when it
    // was set, and holds: it exists (a foreign key), and an item's type and profile never
    // change. So a seed's re-run reads each episode once, not its show too.
    if let Some(parent) = &input.parent
        && existing
            .as_ref()
            .is_none_or(|m| m.parent_id.as_deref() != Some(parent.as_str()))
    {
        check_parent(tx, ctx, &profile, parent)?;
    }
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
    ctx.audit(tx, "media-add", &candidate.id, &candidate)?;
    Ok(Outcome::Created(candidate))
}

/// Brings an existing item to the values given (those left out keep theirs), with one
/// `media-update` audit row naming what changed.
fn converge(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    profile: &ProfileRef,
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
    keep_given!(next, given, input;
        year => year,
        tmdb_id => tmdb_id,
        imdb_id => imdb_id,
        infohash => infohash,
        path => file_path,
        parent => parent_id,
        season => season_number,
        episode => episode_number,
        status => status,
        added_by => added_by,
    );
    // The same record is unchanged without comparing its JSON (a seed's re-run: most events).
    if next == current {
        return Ok(Outcome::Unchanged(current));
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
    decided_item(tx, ctx, id, "media-show")
}

/// The checks of `media-remove`, and how many episodes would go with a show: for the
/// confirmation.
pub fn remove_plan(tx: &Tx<'_>, ctx: &Ctx, id: &str) -> Result<(Media, i64)> {
    let item = decided_item(tx, ctx, id, "media-remove")?;
    let episodes = if item.kind == MediaType::Show {
        tx.media_children(&item.id, ctx.actor.user_id())?.0
    } else {
        0
    };
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
    let profile = profile_ref_for(tx, ctx, profile_ref, "media-list")?;
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
    pub profile: ProfileRef,
    pub items: Vec<Media>,
    /// Where the next page starts; None on the last page.
    pub next_cursor: Option<String>,
    pub limit: i64,
}

impl MediaPage {
    /// The `--format json` document of a page ([`super::page::document`]).
    pub fn to_json(&self) -> Value {
        super::page::document(&self.items, self.next_cursor.as_deref())
    }
}

/// `media list`: the profile's members and global admins. Items in natural order (titles
/// ignoring ASCII case, each show followed by its episodes by season and number: see
/// [`crate::store::MediaPlace`]); `limit` per page, continuing after the cursor of the
/// previous page.
pub fn list(tx: &Tx<'_>, ctx: &Ctx, profile_ref: &str, q: ListQuery) -> Result<MediaPage> {
    list_in_windows(tx, ctx, profile_ref, q, WINDOW)
}

/// The first window of titles a walk with a search reads (see [`walk`]); each next one is
/// as large as all before it.
const WINDOW: i64 = 4096;

/// [`list`], with the walk's first window of `window` titles (small in tests, so that
/// they cross windows and switch plans on a small library).
fn list_in_windows(
    tx: &Tx<'_>,
    ctx: &Ctx,
    profile_ref: &str,
    q: ListQuery,
    window: i64,
) -> Result<MediaPage> {
    let profile = profile_ref_for(tx, ctx, profile_ref, "media-list")?;
    let kind = q.kind.as_deref().map(media_type).transpose()?;
    let search = q
        .search
        .as_deref()
        .map(|s| crate::actions::validate::text("search", s, MAX_TITLE_CHARS))
        .transpose()?;
    let limit = super::page::limit(q.limit)?;
    let after = q.after.as_deref().map(decode_cursor).transpose()?;
    // The rows of this page and the first of the next (whether there is one): when the
    // title index has few candidates, one query finds and sorts them all; else the walk.
    // Few is fewer than 4·√N for N items in the database: with the matches spread
    // evenly, the walk would be cheaper from √N on (store::sqlite::media), but by less
    // than the index costs at 4·√N (6 ms at a million items), while matches gathered far
    // into a library (`Film 0123` among `Film 0000000`…) would make the walk read them all.
    let indexed = match search.as_deref() {
        Some(_) => tx.media_index_page(
            &MediaQuery {
                profile_id: &profile.id,
                kind,
                search: search.as_deref(),
                plan: Some(SearchPlan::Index),
                after: after.as_ref(),
                limit: limit + 1,
            },
            4 * tx.media_search_cap()?,
        )?,
        None => None,
    };
    let mut rows = if let Some(rows) = indexed {
        rows
    } else {
        walk(
            tx,
            &profile.id,
            kind,
            search.as_deref(),
            after.as_ref(),
            limit + 1,
            window,
        )?
    };
    let next_cursor = super::page::cut(&mut rows, limit, |(_, place)| encode_cursor(place));
    let items = rows.into_iter().map(|(m, _)| m).collect();
    Ok(MediaPage {
        profile,
        items,
        next_cursor,
        limit,
    })
}

/// The next `want` items of `media list` after `after`, along the title index: the heads
/// of the groups in order (movies, shows, episodes of no show), each show followed by its
/// episodes, so that a page costs the same wherever it starts in the library. With a
/// search, a show with a matching episode is visited even when its own title does not
/// match; a show is asked for its episodes only when the heads' query saw it has some.
///
/// A search reads the heads one window of titles at a time (the first `window` titles,
/// then as many again as all before, so a long walk takes few windows), and after each
/// window that left the page short asks the store whether the title index would finish
/// it sooner ([`crate::store::traits::MediaReads::media_search_switch`]): a term whose
/// few matches sit far into a large library (`Film 0123` among `Film 0000000`…) is then
/// sorted from the index instead of walked to, and a term common elsewhere but absent
/// here no longer reads the whole profile. The index answers with exactly the items the
/// walk would have listed after the windows read, in the same order.
fn walk(
    tx: &Tx<'_>,
    profile_id: &str,
    kind: Option<MediaType>,
    search: Option<&str>,
    after: Option<&MediaPlace>,
    want: i64,
    window: i64,
) -> Result<Vec<(Media, MediaPlace)>> {
    let want = usize::try_from(want).unwrap_or(0);
    let episodes = matches!(kind, None | Some(MediaType::Episode));
    let kinds = match kind {
        None => HeadKinds::All,
        Some(MediaType::Episode) => HeadKinds::NotMovies,
        Some(k) => HeadKinds::Only(k),
    };
    let start = MediaPlace::start();
    let after = after.unwrap_or(&start);
    let mut out: Vec<(Media, MediaPlace)> = Vec::new();
    let episodes_of = |out: &mut Vec<(Media, MediaPlace)>,
                       show: &str,
                       title: &str,
                       from: (i64, i64, &str)|
     -> Result<()> {
        let need = want.saturating_sub(out.len());
        if episodes && need > 0 {
            for ep in tx.media_episodes(profile_id, show, search, from, need as i64)? {
                let place = MediaPlace::of(&ep, title.to_string());
                out.push((ep, place));
            }
        }
        Ok(())
    };
    // The rest of the group the cursor is in (none when it was a movie's).
    if !after.group.is_empty() {
        let from = if after.episode {
            (after.season, after.number, after.id.as_str())
        } else {
            (-2, -2, "")
        };
        episodes_of(&mut out, &after.group, &after.title, from)?;
    }
    let (mut title, mut id) = (after.title.clone(), after.group.clone());
    let mut walked = 0i64;
    while out.len() < want {
        // The window's last (title, id); None: the walk goes to the end of the list.
        let until = match search {
            Some(_) => tx.media_window_end(profile_id, (&title, &id), window.max(walked))?,
            None => None,
        };
        loop {
            let batch = (want - out.len()).max(16) as i64;
            let heads = tx.media_heads(&HeadQuery {
                profile_id,
                kinds,
                search,
                episodes,
                after: (&title, &id),
                until: until.as_ref().map(|(t, i)| (t.as_str(), i.as_str())),
                limit: batch,
            })?;
            let last_batch = (heads.len() as i64) < batch;
            for (head, matched, has_episodes) in heads {
                if out.len() >= want {
                    break;
                }
                (title, id) = (head.title.clone(), head.id.clone());
                if matched && kind.is_none_or(|k| head.kind == k) {
                    let place = MediaPlace::of(&head, head.title.clone());
                    out.push((head.clone(), place));
                }
                if has_episodes {
                    episodes_of(&mut out, &head.id, &head.title, (-2, -2, ""))?;
                }
            }
            if last_batch || out.len() >= want {
                break;
            }
        }
        let (Some(term), Some(end)) = (search, until) else {
            break;
        };
        if out.len() >= want {
            break;
        }
        // Every group whose head is up to the window's end is listed. The walk costs about
        // 0.15 µs a title, the index 1-2 µs a candidate (store::sqlite::media): the index
        // takes the rest when it has fewer candidates than a quarter of the titles walked.
        walked += window.max(walked);
        (title, id) = end;
        let past = MediaPlace {
            title: title.clone(),
            group: id.clone(),
            episode: true,
            season: i64::MAX,
            number: i64::MAX,
            id: char::MAX.to_string(),
        };
        let rest = MediaQuery {
            profile_id,
            kind,
            search: Some(term),
            plan: Some(SearchPlan::Index),
            after: Some(&past),
            limit: (want - out.len()) as i64,
        };
        if let Some(rows) = tx.media_index_page(&rest, (walked / 4).max(1))? {
            out.extend(rows);
            break;
        }
    }
    out.truncate(want);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actions::Actor;
    use crate::error::Kind;
    use crate::store::{OpenMode, Store};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        crate::model::parse_timestamp("2026-11-21T12:00:00Z").unwrap()
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

    /// Every page of `media list` with these filters, followed by its cursors.
    fn all_pages(tx: &Tx<'_>, q: &ListQuery, window: i64) -> Result<Vec<String>> {
        let mut ids = Vec::new();
        let mut after = None;
        loop {
            let page = list_in_windows(
                tx,
                &operator(),
                "family",
                ListQuery {
                    after: after.clone(),
                    ..q.clone()
                },
                window,
            )?;
            ids.extend(page.items.iter().map(|m| m.id.clone()));
            match page.next_cursor {
                Some(c) => after = Some(c),
                None => return Ok(ids),
            }
        }
    }

    #[test]
    fn a_walk_in_small_windows_that_switches_to_the_index_lists_what_one_long_walk_does() {
        let (_dir, mut store) = store();
        setup(&mut store);
        let ctx = operator();
        let item =
            |id: String, kind: &str, title: String, parent: Option<String>, n: i64| NewMedia {
                id: Some(id),
                kind: Some(kind.into()),
                title: Some(title),
                parent: parent.clone(),
                season: parent.as_ref().map(|_| 1 + n % 2),
                episode: parent.as_ref().map(|_| 1 + n),
                ..Default::default()
            };
        store
            .write(|tx| {
                crate::actions::profile::create(
                    tx,
                    &ctx,
                    crate::actions::profile::NewProfile {
                        name: Some("Other".into()),
                        ..Default::default()
                    },
                    OnExists::Fail,
                )?;
                let words = ["Dragon", "fire", "Moon", "dragon Fire", "Sea"];
                for i in 0..1200i64 {
                    let w = words[(i % 5) as usize];
                    let (kind, parent) = match i % 6 {
                        0 => ("show", None),
                        1 | 2 => ("episode", Some(format!("m{:04}", i - i % 6))),
                        _ => ("movie", None),
                    };
                    let title = format!("{w} {:04}", (i * 7919) % 1200);
                    add(
                        tx,
                        &ctx,
                        "family",
                        item(format!("m{i:04}"), kind, title, parent, i),
                        OnExists::Fail,
                    )?;
                }
                // Kraken: common in the other profile; in this one, only at the end of
                // the list (a movie, and an episode of an early show).
                for i in 0..120 {
                    add(
                        tx,
                        &ctx,
                        "other",
                        item(format!("o{i}"), "movie", format!("Kraken {i}"), None, i),
                        OnExists::Fail,
                    )?;
                }
                add(
                    tx,
                    &ctx,
                    "family",
                    item("k1".into(), "movie", "Zz Kraken".into(), None, 0),
                    OnExists::Fail,
                )?;
                add(
                    tx,
                    &ctx,
                    "family",
                    item(
                        "k2".into(),
                        "episode",
                        "Kraken Zz".into(),
                        Some("m0000".into()),
                        7,
                    ),
                    OnExists::Fail,
                )?;
                Ok(())
            })
            .unwrap();
        store
            .read(|tx| {
                // The case the windows are for: too many candidates for the index at
                // first, few enough once a window has been walked.
                let q = |term| MediaQuery {
                    profile_id: "",
                    kind: None,
                    search: Some(term),
                    plan: None,
                    after: None,
                    limit: 1,
                };
                let cap = tx.media_search_cap()?;
                assert!(tx.media_index_page(&q("kraken"), cap)?.is_none());
                assert!(tx.media_index_page(&q("kraken"), 256)?.is_some());
                assert!(tx.media_index_page(&q("dragon"), 256)?.is_none());
                for search in [
                    None,
                    Some("kraken"),
                    Some("dragon"),
                    Some("dragon fire"),
                    Some("0007"),
                    Some("e 1"),
                    Some("zz"),
                    Some("nothing"),
                ] {
                    for kind in [None, Some("movie"), Some("show"), Some("episode")] {
                        for limit in [1, 3, 50] {
                            let q = ListQuery {
                                kind: kind.map(str::to_string),
                                search: search.map(str::to_string),
                                limit: Some(limit),
                                after: None,
                            };
                            let long = all_pages(tx, &q, i64::MAX / 4)?;
                            for window in [1, 2, 5, WINDOW] {
                                assert_eq!(
                                    all_pages(tx, &q, window)?,
                                    long,
                                    "{search:?} {kind:?} limit {limit} window {window}"
                                );
                            }
                        }
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    /// The index is asked for the titles holding a term's rarest trigrams, weighed from
    /// FTS5's own tables (in any library, under the crate's tests), and the page tests every
    /// candidate: whatever trigrams it picks, the list is exactly the titles containing the
    /// term, in list order. (Here `AMÉLIE 59` takes the rare trigrams' path and the rest ask
    /// for the phrase; in the walk's test, `kraken` takes it and `nothing` finds a trigram
    /// no title holds.) The library is written in several transactions (so the index has
    /// several segments), with deletes and retitles (so its segments hold delete markers).
    #[test]
    fn a_search_lists_exactly_the_titles_that_contain_the_term() {
        let (_dir, mut store) = store();
        setup(&mut store);
        let ctx = operator();
        let movie = |id: String, title: String| NewMedia {
            id: Some(id),
            kind: Some("movie".into()),
            title: Some(title),
            ..Default::default()
        };
        for batch in 0..4i64 {
            store
                .write(|tx| {
                    for i in batch * 1500..(batch + 1) * 1500 {
                        let title = match i % 10 {
                            0 => format!("Amélie {i}"),
                            1 => format!("Say \"hi\" {i}"),
                            2 => format!("ÉCOLE {i:05}"),
                            _ => format!("Film {i:05}"),
                        };
                        add(
                            tx,
                            &ctx,
                            "family",
                            movie(format!("m{i:05}"), title),
                            OnExists::Fail,
                        )?;
                    }
                    Ok(())
                })
                .unwrap();
        }
        store
            .write(|tx| {
                for i in (0..6000).step_by(7) {
                    remove(tx, &ctx, &format!("m{i:05}"))?;
                }
                for i in (3..6000).step_by(11) {
                    if i % 7 != 0 {
                        let retitled =
                            movie(format!("m{i:05}"), format!("Film {:06}", 999_999 - i));
                        add(tx, &ctx, "family", retitled, OnExists::Converge)?;
                    }
                }
                Ok(())
            })
            .unwrap();
        store
            .read(|tx| {
                let mut all: Vec<(String, String)> = Vec::new();
                tx.media_each(&mut |m, _| {
                    all.push((m.title, m.id));
                    Ok(())
                })?;
                all.sort_by(|a, b| {
                    (a.0.to_ascii_lowercase(), &a.1).cmp(&(b.0.to_ascii_lowercase(), &b.1))
                });
                for term in [
                    "Film 0123",
                    "film 01",
                    "0123",
                    "m 04",
                    "ilm",
                    "Film 05999",
                    "Film 09",
                    "amélie 1",
                    "AMÉLIE 59",
                    "école 0",
                    "say \"hi\" 4",
                    "\"hi\"",
                    "i\" 1",
                    "05",
                    "zzz",
                    "Film 00000",
                ] {
                    let fold = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
                    let want: Vec<String> = all
                        .iter()
                        .filter(|(t, _)| fold(t).contains(&fold(term)))
                        .map(|(_, id)| id.clone())
                        .collect();
                    for limit in [1, 50, 1000] {
                        let q = ListQuery {
                            kind: None,
                            search: Some(term.to_string()),
                            limit: Some(limit),
                            after: None,
                        };
                        assert_eq!(all_pages(tx, &q, WINDOW)?, want, "{term:?} limit {limit}");
                    }
                }
                Ok(())
            })
            .unwrap();
    }

    /// In a transaction that began with no media, the store answers "not there" from
    /// memory (store::sqlite::absent): a key a write changed must still be found.
    #[test]
    fn an_item_retitled_earlier_in_the_same_transaction_is_found_by_its_new_title() {
        let (_dir, mut store) = store();
        setup(&mut store);
        let ctx = operator();
        store
            .write(|tx| {
                let dune = NewMedia {
                    id: Some("m1".into()),
                    kind: Some("movie".into()),
                    title: Some("Dune".into()),
                    year: Some(2021),
                    ..Default::default()
                };
                add(tx, &ctx, "family", dune.clone(), OnExists::Converge)?;
                let retitled = NewMedia {
                    title: Some("Arrival".into()),
                    infohash: Some("0123456789abcdef0123456789abcdef01234567".into()),
                    tmdb_id: Some(329865),
                    ..dune
                };
                assert_eq!(
                    add(tx, &ctx, "family", retitled, OnExists::Converge)?.label(),
                    "updated"
                );
                // Without an id: found by the natural key the update gave it.
                let by_title = NewMedia {
                    kind: Some("movie".into()),
                    title: Some("ARRIVAL".into()),
                    year: Some(2021),
                    ..Default::default()
                };
                let again = add(tx, &ctx, "family", by_title, OnExists::Converge)?;
                assert_eq!(again.value().id, "m1");
                let by_tmdb = NewMedia {
                    kind: Some("movie".into()),
                    title: Some("Something else".into()),
                    tmdb_id: Some(329865),
                    ..Default::default()
                };
                assert_eq!(
                    add(tx, &ctx, "family", by_tmdb, OnExists::Converge)?
                        .value()
                        .id,
                    "m1"
                );
                let same_hash = NewMedia {
                    kind: Some("movie".into()),
                    title: Some("Another".into()),
                    infohash: Some("0123456789abcdef0123456789abcdef01234567".into()),
                    ..Default::default()
                };
                let e = add(tx, &ctx, "family", same_hash, OnExists::Converge).unwrap_err();
                assert_eq!(e.kind, Kind::Conflict, "{e:?}");
                Ok(())
            })
            .unwrap();
    }
}
