//! Where the database is: a SQLite file (any `--db` value that is not a URL) or a
//! PostgreSQL server (`postgres://…` or `postgresql://…`). A URL's password is never shown:
//! [`Location`]'s `Display` masks it, and every message names the database that way.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::error::{Error, Kind, Result};

/// The PostgreSQL schema roster's tables live in, unless the URL (`?schema=`) or
/// `ROSTER_PG_SCHEMA` names another.
pub const DEFAULT_PG_SCHEMA: &str = "roster";

/// A database, as `--db` / `ROSTER_DB` names it.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    File(PathBuf),
    Postgres(PgUrl),
}

/// How a PostgreSQL connection is protected (`sslmode`, as libpq spells it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsMode {
    /// `disable`: never TLS.
    Disable,
    /// `prefer` (the default, as libpq's): TLS when the server offers it, the certificate
    /// not verified; plain otherwise. A Unix socket never uses TLS.
    Prefer,
    /// `require`: TLS or no connection; the certificate is not verified (as libpq).
    Require,
    /// `verify-ca`: TLS with a certificate signed by a trusted authority.
    VerifyCa,
    /// `verify-full`: `verify-ca`, and the certificate names the host.
    VerifyFull,
}

/// A PostgreSQL URL, split into what the driver is given and what roster reads itself.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    /// The URL without the parameters roster reads itself (`schema`, `sslmode`,
    /// `sslrootcert`): what the driver parses. Holds the password: never printed.
    pub(crate) driver: String,
    /// The URL with its password masked, for every message.
    shown: String,
    pub schema: String,
    pub tls: TlsMode,
    /// `sslrootcert=FILE`: the authorities trusted for `verify-ca`/`verify-full` (the
    /// bundled web PKI roots otherwise).
    pub root_cert: Option<PathBuf>,
    /// The password when the URL has none: `PGPASSWORD`, else the matching line of the
    /// password file (`PGPASSFILE`, default `~/.pgpass`), as libpq finds it. Never shown.
    pub(crate) password: Option<String>,
}

/// What a PostgreSQL URL takes from the environment (read by the CLI, which reads the
/// environment once): `PGPASSWORD`, the password file's contents.
#[derive(Debug, Clone, Default)]
pub struct PgEnv {
    pub password: Option<String>,
    pub passfile: Option<String>,
}

impl Location {
    /// Reads `--db`: a `postgres://` or `postgresql://` URL, or a file path. `schema_env`
    /// is `ROSTER_PG_SCHEMA`, which a `schema=` in the URL overrides.
    pub fn parse(raw: &Path, schema_env: Option<&str>, pg_env: &PgEnv) -> Result<Location> {
        let Some(text) = raw.to_str() else {
            return Ok(Location::File(raw.to_path_buf()));
        };
        let lower = text.get(..13).unwrap_or(text).to_ascii_lowercase();
        if !(lower.starts_with("postgres://") || lower.starts_with("postgresql://")) {
            return Ok(Location::File(raw.to_path_buf()));
        }
        let mut url = PgUrl::parse(text, schema_env)?;
        url.password = url.password_from(pg_env);
        Ok(Location::Postgres(url))
    }

    /// The file, for a SQLite database.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Location::File(p) => Some(p),
            Location::Postgres(_) => None,
        }
    }

    pub fn is_postgres(&self) -> bool {
        matches!(self, Location::Postgres(_))
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Location::File(p) => write!(f, "{}", p.display()),
            Location::Postgres(u) => f.write_str(&u.shown),
        }
    }
}

impl fmt::Debug for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Location({self})")
    }
}

impl PgUrl {
    fn parse(text: &str, schema_env: Option<&str>) -> Result<PgUrl> {
        // The driver ends the user part at the first '@', wherever a '/' or '?' stands: a
        // user or password holding '/', '?', '#' or '@' unescaped would be read one way by
        // the driver and another by any mask. Refused, and the URL is not quoted back.
        if let Some((_, rest)) = text.split_once("://") {
            let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
            let first_at = rest.find('@');
            let ambiguous = match first_at {
                Some(at) => {
                    at > authority_end || rest[at + 1..authority_end.max(at + 1)].contains('@')
                }
                None => false,
            };
            if ambiguous {
                return Err(Error::new(
                    Kind::Usage,
                    "--db: the PostgreSQL URL is ambiguous: its user or password holds '/', '?' or '#', or an '@' stands elsewhere than before the host (the URL is not shown, since it may hold a password)",
                )
                .hint("write such characters %-escaped (%2F, %3F, %23, %40), or give the password with PGPASSWORD or ~/.pgpass"));
            }
        }
        let shown = mask(text);
        let bad = |what: &str| {
            Error::new(
                Kind::Usage,
                format!("--db {shown}: {what}"),
            )
            .hint("a PostgreSQL URL reads postgres://USER@HOST:PORT/DATABASE (add ?sslmode=require for TLS, ?schema=NAME for another schema)")
        };
        let (base, query) = match text.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (text, None),
        };
        let mut kept = Vec::new();
        let mut schema = schema_env.filter(|s| !s.is_empty()).map(str::to_string);
        let mut tls = TlsMode::Prefer;
        let mut root_cert = None;
        for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value =
                percent_decode(value).ok_or_else(|| bad(&format!("{key}: bad %-escape")))?;
            match key {
                "schema" => schema = Some(value),
                "sslmode" => {
                    tls = match value.as_str() {
                        "disable" => TlsMode::Disable,
                        "allow" | "prefer" => TlsMode::Prefer,
                        "require" => TlsMode::Require,
                        "verify-ca" => TlsMode::VerifyCa,
                        "verify-full" => TlsMode::VerifyFull,
                        other => {
                            return Err(bad(&format!(
                                "sslmode {other:?} is not one of disable, prefer, require, verify-ca, verify-full"
                            )));
                        }
                    }
                }
                "sslrootcert" => root_cert = Some(PathBuf::from(value)),
                _ => kept.push(pair),
            }
        }
        let schema = schema.unwrap_or_else(|| DEFAULT_PG_SCHEMA.to_string());
        if !valid_schema(&schema) {
            return Err(Error::new(
                Kind::Usage,
                format!("--db {shown}: schema {schema:?} is not a plain lower-case name"),
            )
            .hint("a schema name is a lower-case letter or '_', then letters, digits or '_' (at most 63), e.g. roster"));
        }
        // The driver knows the scheme in lower case only.
        let base = match base.split_once("://") {
            Some((scheme, rest)) => format!("{}://{rest}", scheme.to_ascii_lowercase()),
            None => base.to_string(),
        };
        let driver = if kept.is_empty() {
            base
        } else {
            format!("{base}?{}", kept.join("&"))
        };
        // The driver's own reading, now, so that a malformed URL is a usage error before
        // anything connects.
        driver
            .parse::<postgres::Config>()
            .map_err(|e| bad(&mask(&e.to_string())))?;
        Ok(PgUrl {
            driver,
            shown,
            schema,
            tls,
            root_cert,
            password: None,
        })
    }

    /// The password to sign in with when the URL gives none: `PGPASSWORD`, else the first
    /// line of the password file matching host, port, database and user (`*` matches
    /// anything; a socket directory matches `localhost`, as libpq has it).
    fn password_from(&self, env: &PgEnv) -> Option<String> {
        let config: postgres::Config = self.driver.parse().ok()?;
        if config.get_password().is_some() {
            return None;
        }
        if let Some(p) = env.password.clone() {
            return Some(p);
        }
        let user = config.get_user()?.to_string();
        let db = config.get_dbname().unwrap_or(&user).to_string();
        let port = config
            .get_ports()
            .first()
            .copied()
            .unwrap_or(5432)
            .to_string();
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            _ => "localhost".to_string(),
        };
        let want = [host.as_str(), port.as_str(), db.as_str(), user.as_str()];
        env.passfile.as_deref()?.lines().find_map(|line| {
            let fields = passfile_fields(line)?;
            let matches = fields[..4]
                .iter()
                .zip(want)
                .all(|(f, w)| f == "*" || f == w);
            matches.then(|| fields[4].clone())
        })
    }

    /// The URL with its password masked.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// Whether two URLs name one schema of one database, however spelt: the same
    /// schema, database, hosts and ports as the driver reads them.
    pub fn same_database(&self, other: &PgUrl) -> bool {
        let key = |u: &PgUrl| {
            u.driver.parse::<postgres::Config>().ok().map(|c| {
                (
                    format!("{:?}", c.get_hosts()),
                    c.get_ports().to_vec(),
                    c.get_dbname()
                        .map(str::to_string)
                        .or_else(|| c.get_user().map(str::to_string)),
                )
            })
        };
        self.schema == other.schema && key(self).is_some() && key(self) == key(other)
    }
}

/// The five fields of a password-file line (`host:port:db:user:password`, `\:` and `\\`
/// escaped); None for comments, blank and malformed lines.
fn passfile_fields(line: &str) -> Option<Vec<String>> {
    if line.trim_start().starts_with('#') || line.trim().is_empty() {
        return None;
    }
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut()?.push(chars.next().unwrap_or('\\')),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut()?.push(c),
        }
    }
    (fields.len() == 5).then_some(fields)
}

/// A schema name roster accepts: lower-case, so it never needs quoting.
fn valid_schema(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some('a'..='z' | '_'))
        && s.len() <= 63
        && chars.all(|c| matches!(c, 'a'..='z' | '0'..='9' | '_'))
        && !s.starts_with("pg_")
}

/// `%XX` escapes decoded (URL query values).
pub(crate) fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `text` with any password in it replaced by `***`: the one in a URL's user part
/// (`user:secret@`) and a `password=` parameter, wherever they appear (a driver's message
/// may quote the URL).
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    // user:password@ after a scheme.
    while let Some(at) = rest.find("://") {
        let (head, tail) = rest.split_at(at + 3);
        out.push_str(head);
        let authority_end = tail.find(['/', '?', ' ', '"', '\'']).unwrap_or(tail.len());
        let authority = &tail[..authority_end];
        match (authority.rfind('@'), authority.find(':')) {
            (Some(at_sign), Some(colon)) if colon < at_sign => {
                out.push_str(&authority[..colon]);
                out.push_str(":***");
                out.push_str(&authority[at_sign..]);
            }
            _ => out.push_str(authority),
        }
        rest = &tail[authority_end..];
    }
    out.push_str(rest);
    // password=... in a query string or a key=value connection string.
    let mut masked = String::with_capacity(out.len());
    let mut rest = out.as_str();
    while let Some(at) = rest.find("password=") {
        let starts = at == 0 || matches!(rest.as_bytes()[at - 1], b'?' | b'&' | b' ');
        let (head, tail) = rest.split_at(at + "password=".len());
        masked.push_str(head);
        if starts {
            let end = tail.find(['&', ' ', '"', '\'']).unwrap_or(tail.len());
            masked.push_str("***");
            rest = &tail[end..];
        } else {
            rest = tail;
        }
    }
    masked.push_str(rest);
    masked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_paths_and_urls_become_postgres() {
        let f = Location::parse(Path::new("roster.db"), None, &PgEnv::default()).unwrap();
        assert_eq!(f.file(), Some(Path::new("roster.db")));
        let p = Location::parse(
            Path::new("postgres://ann:s3cret@db.example.com:5433/app?sslmode=require"),
            None,
            &PgEnv::default(),
        )
        .unwrap();
        let Location::Postgres(u) = &p else {
            panic!("not postgres")
        };
        assert_eq!(u.schema, "roster");
        assert_eq!(u.tls, TlsMode::Require);
        assert_eq!(u.driver, "postgres://ann:s3cret@db.example.com:5433/app");
        assert_eq!(
            p.to_string(),
            "postgres://ann:***@db.example.com:5433/app?sslmode=require"
        );
        let q = Location::parse(
            Path::new("POSTGRESQL:///app?host=/tmp/s&schema=t_1"),
            Some("other"),
            &PgEnv::default(),
        );
        // The scheme compares without case; the URL's schema wins over the environment's.
        let Ok(Location::Postgres(u)) = q else {
            panic!("{q:?}")
        };
        assert_eq!(u.schema, "t_1");
        let r = Location::parse(
            Path::new("postgresql:///app"),
            Some("mine"),
            &PgEnv::default(),
        )
        .unwrap();
        let Location::Postgres(u) = r else { panic!() };
        assert_eq!(u.schema, "mine");
    }

    #[test]
    fn bad_urls_are_usage_errors_without_the_password() {
        for bad in [
            "postgres://ann:s3cret@h/app?sslmode=sometimes",
            "postgres://ann:s3cret@h/app?schema=Bad-Name",
            "postgres://ann:s3cret@h/app?nonsense=1",
        ] {
            let e = Location::parse(Path::new(bad), None, &PgEnv::default()).unwrap_err();
            assert_eq!(e.kind, Kind::Usage, "{bad}");
            assert!(!e.message.contains("s3cret"), "{}", e.message);
        }
    }

    #[test]
    fn a_password_comes_from_the_url_pgpassword_or_the_password_file() {
        let file =
            "# comment\nother:5432:*:ann:nope\nlocalhost:5432:app:ann:pa\\:ss\n*:*:*:*:any\n";
        let env = PgEnv {
            password: None,
            passfile: Some(file.into()),
        };
        let pw = |url: &str, env: &PgEnv| match Location::parse(Path::new(url), None, env).unwrap()
        {
            Location::Postgres(u) => u.password,
            Location::File(_) => panic!(),
        };
        assert_eq!(
            pw("postgres://ann@localhost/app", &env).as_deref(),
            Some("pa:ss")
        );
        assert_eq!(
            pw("postgresql:///app?host=/run/pg&user=ann", &env).as_deref(),
            Some("pa:ss")
        );
        assert_eq!(pw("postgres://bob@db/x", &env).as_deref(), Some("any"));
        assert_eq!(pw("postgres://ann:inurl@localhost/app", &env), None);
        let env2 = PgEnv {
            password: Some("fromenv".into()),
            passfile: Some(file.into()),
        };
        assert_eq!(
            pw("postgres://ann@localhost/app", &env2).as_deref(),
            Some("fromenv")
        );
    }

    #[test]
    fn a_url_the_driver_and_the_mask_would_read_differently_is_refused_unquoted() {
        for bad in [
            "postgres://postgres:ab?SECRET@/review?host=/tmp",
            "postgres://u:ab/SECRET@127.0.0.1:1/db",
            "postgres://u:abc@SECRETPART@127.0.0.1:1/db",
            "postgresql:///db?user=me@corp",
        ] {
            let e = Location::parse(Path::new(bad), None, &PgEnv::default()).unwrap_err();
            assert_eq!(e.kind, Kind::Usage, "{bad}");
            assert!(!e.message.contains("SECRET"), "{}", e.message);
            assert!(!e.hints.iter().any(|h| h.contains("SECRET")));
        }
        // Escaped, the same passwords are fine, and masked.
        let ok = Location::parse(
            Path::new("postgres://u:ab%2FSECRET@127.0.0.1:1/db"),
            None,
            &PgEnv::default(),
        )
        .unwrap();
        assert!(!ok.to_string().contains("SECRET"), "{ok}");
    }

    #[test]
    fn one_database_however_spelt() {
        let p = |s: &str| match Location::parse(Path::new(s), None, &PgEnv::default()).unwrap() {
            Location::Postgres(u) => u,
            Location::File(_) => panic!(),
        };
        let a = p("postgresql:///review?host=/tmp/pg&user=postgres&schema=s1");
        let b = p("postgres://postgres@/review?host=/tmp/pg&schema=s1");
        let c = p("postgres://postgres@/review?host=/tmp/pg&schema=s2");
        assert!(a.same_database(&b));
        assert!(!a.same_database(&c));
    }

    #[test]
    fn masking_hides_every_password() {
        assert_eq!(mask("postgres://a:b@h/d"), "postgres://a:***@h/d");
        assert_eq!(mask("postgres://a@h/d"), "postgres://a@h/d");
        assert_eq!(
            mask("postgresql:///d?user=a&password=x%20y&host=/s"),
            "postgresql:///d?user=a&password=***&host=/s"
        );
        assert_eq!(
            mask("host=h password=pw user=u"),
            "host=h password=*** user=u"
        );
        assert_eq!(mask("no url here"), "no url here");
    }
}
