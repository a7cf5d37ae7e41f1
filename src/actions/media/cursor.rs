//! `media list` cursors: the place of the last item of a page ([`MediaPlace`]: group
//! title, group id, head or episode, season, number, id), in the shared cursor encoding of
//! [`crate::actions::page`] with the tag "m2", which no title or id may disturb (neither
//! may contain the unit separator 0x1F). The "m1" cursors of the title order that came
//! before are refused as any other foreign cursor is.

use crate::actions::{page, validate};
use crate::error::Result;
use crate::store::MediaPlace;

const CURSOR_TAG: &str = "m2";

pub fn encode_cursor(p: &MediaPlace) -> String {
    let (season, number) = (p.season.to_string(), p.number.to_string());
    page::encode(
        CURSOR_TAG,
        &[
            &p.title,
            &p.group,
            if p.episode { "e" } else { "h" },
            &season,
            &number,
            &p.id,
        ],
    )
}

pub fn decode_cursor(cursor: &str) -> Result<MediaPlace> {
    let malformed = || page::malformed(cursor, "media list");
    let Some([title, group, kind, season, number, id]) =
        page::decode(cursor, CURSOR_TAG, 6).and_then(|f| <[String; 6]>::try_from(f).ok())
    else {
        return Err(malformed());
    };
    // A number as `media list` writes it: -1 (none) or a canonical non-negative integer.
    let number_of = |s: &str| {
        s.parse::<i64>()
            .ok()
            .filter(|n| *n >= -1 && n.to_string() == s)
    };
    let episode = match kind.as_str() {
        "h" => false,
        "e" => true,
        _ => return Err(malformed()),
    };
    let (Some(season), Some(number)) = (number_of(&season), number_of(&number)) else {
        return Err(malformed());
    };
    if title.is_empty() || validate::id("id", &id).is_err() || validate::id("id", &group).is_err() {
        return Err(malformed());
    }
    Ok(MediaPlace {
        title,
        group,
        episode,
        season,
        number,
        id,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;
    use base64ct::{Base64UrlUnpadded, Encoding};

    fn b64(bytes: &[u8]) -> String {
        Base64UrlUnpadded::encode_string(bytes)
    }

    fn place(
        title: &str,
        group: &str,
        episode: bool,
        season: i64,
        number: i64,
        id: &str,
    ) -> MediaPlace {
        MediaPlace {
            title: title.into(),
            group: group.into(),
            episode,
            season,
            number,
            id: id.into(),
        }
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        for p in [
            place(
                "The Matrix",
                "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
                false,
                -1,
                -1,
                "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
            ),
            place("Amélie — «Le fabuleux destin»", "x", false, -1, -1, "x"),
            place("Bluey", "bluey", true, 1, 12, "a.b_c-d"),
            place("Bluey", "bluey", true, -1, 3, "e"),
        ] {
            let c = encode_cursor(&p);
            assert!(
                c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{c}"
            );
            assert_eq!(decode_cursor(&c).unwrap(), p);
        }
        for bad in [
            "",
            "!!!!",
            "abc",
            "a",
            // The title order's cursors (m1) are not this order's.
            "bTEfQnJlYWtpbmcgQmFkH2Ji",
            &b64(b"m2\x1ft\x1fg\x1fh\x1f-1\x1f-1"),
            &b64(b"m2\x1f\x1fg\x1fh\x1f-1\x1f-1\x1fid"),
            &b64(b"m2\x1ft\x1fbad id\x1fh\x1f-1\x1f-1\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fx\x1f-1\x1f-1\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fe\x1f-2\x1f1\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fe\x1f01\x1f1\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fe\x1f1\x1f+1\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fe\x1f1\x1f99999999999999999999\x1fid"),
            &b64(b"m2\x1ft\x1fg\x1fh\x1f-1\x1f-1\x1fbad id"),
            &b64(b"m2\x1ft\x1fg\x1fh\x1f-1\x1f-1\x1fid\x1fmore"),
            &b64(&[0xff, 0xfe, 0x1f]),
        ] {
            let e = decode_cursor(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Invalid, "{bad:?}");
        }
    }

    #[test]
    fn the_format_is_base64url_without_padding() {
        // The README's example.
        assert_eq!(
            encode_cursor(&place("Bluey", "bluey", true, 1, 2, "bluey-s1e2")),
            "bTIfQmx1ZXkfYmx1ZXkfZR8xHzIfYmx1ZXktczFlMg"
        );
        assert_eq!(b64(b""), "");
        assert_eq!(b64(b"f"), "Zg");
        assert_eq!(b64(b"fo"), "Zm8");
        assert_eq!(b64(b"foo"), "Zm9v");
        assert_eq!(b64(b"foob"), "Zm9vYg");
        assert_eq!(b64(&[0xfb, 0xff]), "-_8");
    }
}
