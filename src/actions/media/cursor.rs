//! `media list` cursors: the last item of a page, `(title, id)`, in the shared cursor
//! encoding of [`crate::actions::page`] with the tag "m1", which no title or id may
//! disturb (neither may contain the unit separator 0x1F).

use crate::actions::{page, validate};
use crate::error::Result;

const CURSOR_TAG: &str = "m1";

pub fn encode_cursor(title: &str, id: &str) -> String {
    page::encode(CURSOR_TAG, &[title, id])
}

pub fn decode_cursor(cursor: &str) -> Result<(String, String)> {
    let malformed = || page::malformed(cursor, "media list");
    let Some([title, id]) =
        page::decode(cursor, CURSOR_TAG, 2).and_then(|f| <[String; 2]>::try_from(f).ok())
    else {
        return Err(malformed());
    };
    if title.is_empty() || validate::id("id", &id).is_err() {
        return Err(malformed());
    }
    Ok((title, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Kind;
    use base64ct::{Base64UrlUnpadded, Encoding};

    fn b64(bytes: &[u8]) -> String {
        Base64UrlUnpadded::encode_string(bytes)
    }

    #[test]
    fn cursors_round_trip_and_reject_garbage() {
        for (title, id) in [
            ("The Matrix", "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"),
            ("Amélie — «Le fabuleux destin»", "x"),
            ("a", "a.b_c-d"),
        ] {
            let c = encode_cursor(title, id);
            assert!(
                c.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
                "{c}"
            );
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
            "bTEfVB9pZA==",
            &b64(b"m2\x1ft\x1fid"),
            &b64(b"m1\x1ft"),
            &b64(b"m1\x1f\x1fid"),
            &b64(b"m1\x1ft\x1fbad id"),
            &b64(b"m1\x1ft\x1fid\x1fmore"),
            &b64(&[0xff, 0xfe, 0x1f]),
        ] {
            let e = decode_cursor(bad).unwrap_err();
            assert_eq!(e.kind, Kind::Invalid, "{bad:?}");
        }
        // A non-canonical last character (non-zero padding bits) is refused: "bTEfVB9pZA"
        // is a cursor, "bTEfVB9pZB" spells the same bytes with a stray bit.
        assert!(decode_cursor("bTEfVB9pZA").is_ok());
        assert!(decode_cursor("bTEfVB9pZB").is_err());
    }

    #[test]
    fn the_format_is_base64url_without_padding() {
        // The README's example, and what `media list` has always printed.
        assert_eq!(
            encode_cursor("Breaking Bad", "bb"),
            "bTEfQnJlYWtpbmcgQmFkH2Ji"
        );
        assert_eq!(b64(b""), "");
        assert_eq!(b64(b"f"), "Zg");
        assert_eq!(b64(b"fo"), "Zm8");
        assert_eq!(b64(b"foo"), "Zm9v");
        assert_eq!(b64(b"foob"), "Zm9vYg");
        assert_eq!(b64(&[0xfb, 0xff]), "-_8");
    }
}
