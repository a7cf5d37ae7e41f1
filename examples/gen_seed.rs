//! Generates a synthetic seed of N events in a realistic mix, for benchmarks:
//! users with pre-hashed passwords, profiles, memberships, invitations and media.
//!
//!     cargo run --release --example gen_seed -- 100000 [jsonl|document] > seed.jsonl
//!
//! The mix per 100 events: 20 users, 2 profiles, 30 memberships, 8 invitations, 40 media.

use std::io::{BufWriter, Write};

/// One argon2id hash reused by every user: the generator must not spend minutes hashing.
const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3ZpTgqY3n1Jg0d7mY4kq8m4bqQ3d8yY1o0mS3m8mC2k";

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let document = args.next().as_deref() == Some("document");
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    if document {
        let _ = out.write_all(b"{\"version\": 1, \"events\": [\n");
    }
    let (mut users, mut profiles, mut media, mut shows) =
        (0usize, 0usize, 0usize, Vec::<(usize, usize)>::new());
    let mut rng = 0x2545F4914F6CDD1Du64;
    let mut next = move || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    for i in 0..n {
        let slot = i % 100;
        // Always have a user and a profile before anything refers to them.
        let kind = if users == 0 {
            0
        } else if profiles == 0 {
            20
        } else {
            slot
        };
        let line = match kind {
            0..=19 => {
                users += 1;
                format!(
                    r#"{{"event":"user-create","data":{{"id":"u{users}","email":"user{users}@example.com","username":"user{users}","name":"User {users}","password_hash":"{HASH}","tags":["t{}"]}}}}"#,
                    users % 7
                )
            }
            20 | 21 => {
                profiles += 1;
                format!(
                    r#"{{"event":"profile-create","data":{{"id":"p{profiles}","slug":"profile-{profiles}","name":"Profile {profiles}","member_limit":1000}}}}"#
                )
            }
            22..=51 => {
                // Member k of profile p: distinct pairs, never over the limit.
                let p = 1 + (next() as usize) % profiles;
                let u = 1 + (next() as usize) % users;
                let role = if next() % 10 == 0 { "admin" } else { "member" };
                format!(
                    r#"{{"event":"member-add","data":{{"profile":"profile-{p}","user":"u{u}","role":"{role}"}}}}"#
                )
            }
            52..=59 => {
                let p = 1 + (next() as usize) % profiles;
                format!(
                    r#"{{"event":"invite-send","data":{{"id":"inv{i}","profile":"profile-{p}","email":"guest{i}@example.org","expires_in":"7d"}}}}"#
                )
            }
            _ => {
                media += 1;
                let p = 1 + (next() as usize) % profiles;
                let year = 1950 + next() % 75;
                if media % 10 == 0 {
                    shows.push((media, p));
                    format!(
                        r#"{{"event":"media-add","data":{{"id":"m{media}","profile":"profile-{p}","type":"show","title":"Show {media}","year":{year},"tmdb_id":{media}}}}}"#
                    )
                } else if media % 10 < 4 && !shows.is_empty() {
                    let (show, sp) = shows[(next() as usize) % shows.len()];
                    format!(
                        r#"{{"event":"media-add","data":{{"id":"m{media}","profile":"profile-{sp}","type":"episode","title":"Episode {media}","parent":"m{show}","season":{},"episode":{}}}}}"#,
                        // (parent, season, episode) is an episode's natural key: unique.
                        1 + media / 90_000,
                        1 + media % 90_000
                    )
                } else {
                    format!(
                        r#"{{"event":"media-add","data":{{"id":"m{media}","profile":"profile-{p}","type":"movie","title":"Movie {media}","year":{year},"tmdb_id":{},"infohash":"{:040x}"}}}}"#,
                        1_000_000 + media,
                        media as u128 * 7919
                    )
                }
            }
        };
        let sep = if document && i + 1 < n { ",\n" } else { "\n" };
        if out
            .write_all(line.as_bytes())
            .and_then(|_| out.write_all(sep.as_bytes()))
            .is_err()
        {
            return;
        }
    }
    if document {
        let _ = out.write_all(b"]}\n");
    }
    let _ = out.flush();
}
