//! The checks of a media item's fields, without the database: [`NewMedia::validated`] and
//! one function per field, each returning the value normalised or an `Invalid` error (65)
//! naming the field and the value. The commands and the seeds' first pass both call them.

use chrono::{DateTime, Datelike, Utc};

use super::NewMedia;
use crate::actions::validate;
use crate::error::{Error, Result};
use crate::model::MediaType;

pub const MIN_YEAR: i64 = 1870;
/// How far past the current year a release year may be.
pub const YEARS_AHEAD: i64 = 10;
pub const MAX_TITLE_CHARS: usize = 500;
pub const MAX_PATH_BYTES: usize = 4096;
pub const MAX_SEASON: i64 = 9999;
pub const MAX_EPISODE: i64 = 99_999;

/// `FIELD "VALUE": WHY`, the value cut to 80 characters.
pub(super) fn bad(
    field: &str,
    value: impl std::fmt::Display,
    why: impl std::fmt::Display,
) -> Error {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;

    fn now() -> DateTime<Utc> {
        crate::model::parse_timestamp("2026-11-21T12:00:00Z").unwrap()
    }

    #[test]
    fn validation_names_field_and_value() {
        let base = NewMedia {
            kind: Some("movie".into()),
            title: Some("Dune".into()),
            ..Default::default()
        };
        let ep = NewMedia {
            kind: Some("Episode".into()),
            ..base.clone()
        };
        // Each case: the input it starts from, the change that makes it invalid, and the
        // field the message must start with.
        type Case<'a> = (&'a NewMedia, fn(&mut NewMedia), &'a str);
        let cases: [Case; 19] = [
            (&base, |m| m.kind = Some("film".into()), "type"),
            (&base, |m| m.kind = None, "type"),
            (&base, |m| m.title = Some(" ".into()), "title"),
            (&base, |m| m.title = Some("x".repeat(501)), "title"),
            (&base, |m| m.year = Some(1869), "year"),
            (&base, |m| m.year = Some(2037), "year"),
            (&base, |m| m.tmdb_id = Some(0), "tmdb_id"),
            (&base, |m| m.imdb_id = Some("tt123".into()), "imdb_id"),
            (&base, |m| m.imdb_id = Some("nm0000206".into()), "imdb_id"),
            (&base, |m| m.infohash = Some("abc".into()), "infohash"),
            (&base, |m| m.infohash = Some("g".repeat(40)), "infohash"),
            (&base, |m| m.path = Some("a\nb".into()), "path"),
            (&base, |m| m.path = Some("a".repeat(4097)), "path"),
            (&base, |m| m.parent = Some("show".into()), "parent"),
            (&base, |m| m.season = Some(1), "season"),
            (&base, |m| m.episode = Some(1), "episode"),
            (&base, |m| m.id = Some("a b".into()), "id"),
            (&ep, |m| m.season = Some(-1), "season"),
            (&ep, |m| m.episode = Some(0), "episode"),
        ];
        for (start, change, field) in cases {
            let mut m = start.clone();
            change(&mut m);
            let e = m.validated(now()).unwrap_err();
            assert_eq!(e.kind, Kind::Invalid);
            assert!(e.message.starts_with(field), "{field}: {}", e.message);
        }

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
}
