//! `media list` cursors. A cursor is the last item of a page, `(title, id)`, as base64url
//! (no padding) of "m1" US title US id, where US is the unit separator 0x1F, which no
//! title or id may contain. Opaque to users: they pass back what a page gave them.

use super::validate::bad;
use crate::actions::validate;
use crate::error::Result;

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
    use crate::error::Kind;

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
}
