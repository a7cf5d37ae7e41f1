//! argon2id hashing and verification (README "Passwords and secrets").
//!
//! Hashing uses the OWASP parameters (m = 19456 KiB, t = 2, p = 1) and a salt from the
//! operating system; verification uses the parameters stored in the PHC string. Tests may
//! lower the cost with `ROSTER_TEST_FAST_HASH=1`, read here and nowhere else; no
//! command-line flag weakens hashing.

use std::sync::OnceLock;

use argon2::password_hash::PasswordVerifier;
use argon2::password_hash::phc::{Output, ParamsString, PasswordHash, Salt};
use argon2::{Algorithm, Argon2, Block, Params, Version};

use crate::error::{Error, Result};

pub const MIN_CHARS: usize = 8;
pub const MAX_BYTES: usize = 1024;

/// The environment variable that lowers the hashing cost for test suites.
pub const FAST_HASH_ENV: &str = "ROSTER_TEST_FAST_HASH";

fn params() -> &'static Params {
    static PARAMS: OnceLock<Params> = OnceLock::new();
    PARAMS.get_or_init(|| {
        let fast = std::env::var(FAST_HASH_ENV).is_ok_and(|v| v == "1");
        let (m, t) = if fast { (64, 1) } else { (19456, 2) };
        Params::new(m, t, 1, None).unwrap_or_default()
    })
}

/// The most work a stored hash may ask for: verifying it must not take minutes or
/// gigabytes (a hostile or mistaken `password_hash` in a seed would hang every later run).
pub const MAX_M_KIB: u32 = 262_144;
pub const MAX_T: u32 = 16;
pub const MAX_P: u32 = 16;

fn within_bounds(p: &Params) -> bool {
    p.m_cost() <= MAX_M_KIB && p.t_cost() <= MAX_T && p.p_cost() <= MAX_P
}

/// Checks the length rules: at least 8 characters, at most 1024 bytes.
pub fn validate(password: &str) -> Result<()> {
    if password.chars().count() < MIN_CHARS {
        return Err(Error::invalid(format!(
            "password: too short ({} characters; at least {MIN_CHARS} are needed)",
            password.chars().count()
        )));
    }
    if password.len() > MAX_BYTES {
        return Err(Error::invalid(format!(
            "password: too long ({} bytes; at most {MAX_BYTES})",
            password.len()
        )));
    }
    Ok(())
}

/// Hashes passwords, reusing one working memory (19 MiB with the OWASP parameters) from
/// one password to the next: mapping and faulting in fresh memory for every hash cost as
/// much as a third of the hashing itself. One per thread.
pub struct Hasher {
    argon: Argon2<'static>,
    blocks: Vec<Block>,
}

impl Default for Hasher {
    fn default() -> Self {
        Self::new()
    }
}

impl Hasher {
    pub fn new() -> Self {
        let params = params().clone();
        let blocks = vec![Block::default(); params.block_count()];
        Hasher {
            argon: Argon2::new(Algorithm::Argon2id, Version::V0x13, params),
            blocks,
        }
    }

    /// Hashes a password (checked against the length rules) into an argon2id PHC string,
    /// with a random salt from the operating system.
    pub fn hash(&mut self, password: &str) -> Result<String> {
        validate(password)?;
        let failed = |e: &dyn std::fmt::Display| {
            Error::internal(format!("hashing the password failed: {e}"))
        };
        let salt = Salt::generate();
        let mut out = [0u8; 32];
        self.argon
            .hash_password_into_with_memory(
                password.as_bytes(),
                salt.as_ref(),
                &mut out,
                &mut self.blocks,
            )
            .map_err(|e| failed(&e))?;
        let phc = PasswordHash {
            algorithm: Algorithm::Argon2id.ident(),
            version: Some(Version::V0x13.into()),
            params: ParamsString::try_from(params()).map_err(|e| failed(&e))?,
            salt: Some(salt),
            hash: Some(Output::new(&out).map_err(|e| failed(&e))?),
        };
        Ok(phc.to_string())
    }

    /// True when `password` matches the PHC string `phc`; reuses this hasher's memory when
    /// the string has this roster's parameters, else verifies as [`verify`] does.
    pub fn verify(&mut self, password: &str, phc: &str) -> bool {
        let Ok(parsed) = PasswordHash::new(phc) else {
            return false;
        };
        let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
            return false;
        };
        let same_params = Params::try_from(&parsed).is_ok_and(|p| p == *params())
            && parsed.algorithm.as_str() == "argon2id"
            && parsed.version == Some(Version::V0x13.into());
        if !same_params || expected.len() != 32 {
            return verify(password, phc);
        }
        let mut out = [0u8; 32];
        if self
            .argon
            .hash_password_into_with_memory(
                password.as_bytes(),
                salt.as_ref(),
                &mut out,
                &mut self.blocks,
            )
            .is_err()
        {
            return false;
        }
        // Constant time: every byte is compared whatever the first difference.
        out.iter()
            .zip(expected.as_bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

/// Hashes a (validated) password into an argon2id PHC string.
pub fn hash(password: &str) -> Result<String> {
    Hasher::new().hash(password)
}

/// True when `password` matches the PHC string `phc`.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    if !Params::try_from(&parsed).is_ok_and(|p| within_bounds(&p)) {
        return false;
    }
    Argon2::default()
        .verify_password(password.as_bytes(), phc)
        .is_ok()
}

/// Checks that a given `password_hash` is an argon2id PHC string.
pub fn check_phc(phc: &str) -> Result<()> {
    let bad = || {
        Error::invalid("password_hash: not an argon2id PHC string")
            .hint("expected the form $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>")
    };
    let parsed = PasswordHash::new(phc).map_err(|_| bad())?;
    if parsed.algorithm.as_str() != "argon2id" || parsed.hash.is_none() || parsed.salt.is_none() {
        return Err(bad());
    }
    // Parameters must be ones argon2 accepts, or verification could never succeed.
    let p = Params::try_from(&parsed).map_err(|_| bad())?;
    if !within_bounds(&p) {
        return Err(Error::invalid(format!(
            "password_hash: parameters m={},t={},p={} ask for more work than roster allows",
            p.m_cost(),
            p.t_cost(),
            p.p_cost()
        ))
        .hint(format!(
            "at most m={MAX_M_KIB} (KiB), t={MAX_T}, p={MAX_P}; roster itself uses m=19456,t=2,p=1"
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_and_verify_round_trip() {
        let h = hash("correct horse").unwrap();
        let mut hasher = Hasher::new();
        let again = hasher.hash("correct horse").unwrap();
        assert_ne!(h, again, "a fresh salt every time");
        assert!(verify("correct horse", &again));
        assert!(verify(
            "other horse!",
            &hasher.hash("other horse!").unwrap()
        ));
        assert!(hasher.verify("correct horse", &h));
        assert!(!hasher.verify("correct horsf", &h));
        assert!(!hasher.verify("correct horse", "not a hash"));
        assert!(h.starts_with("$argon2id$v=19$"));
        assert!(verify("correct horse", &h));
        assert!(!verify("wrong horse!", &h));
        check_phc(&h).unwrap();
    }

    #[test]
    fn length_rules() {
        assert_eq!(
            validate("1234567").unwrap_err().kind,
            crate::error::Kind::Invalid
        );
        validate("12345678").unwrap();
        validate(&"x".repeat(1024)).unwrap();
        assert!(validate(&"x".repeat(1025)).is_err());
        // Seven characters of four bytes each are still too short.
        assert!(validate("ééééééé").is_err());
    }

    #[test]
    fn phc_format_is_checked() {
        assert!(check_phc("plain").is_err());
        assert!(
            check_phc("$argon2i$v=19$m=16,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA").is_err()
        );
        assert!(!verify("x", "not a hash"));
    }
}
