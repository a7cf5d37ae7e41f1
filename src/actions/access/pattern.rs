//! Permission patterns (README "Permissions are events"): an event name, a family glob
//! (`media-*`), or `*` (the built-in `admin` only), any event name may end in `:own`
//! where the event has records someone owns. What a role grants is its patterns matched
//! against the catalogue, here and nowhere else.

use super::catalogue::{self, Grant, PERMISSIONS, Permission};
use crate::actions::nearest;
use crate::error::{Error, Result};
use crate::model::{RoleDef, Scope};

/// How far a grant reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reach {
    /// Only on records the actor owns (`NAME:own`).
    Own,
    /// On every record.
    All,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    All,
    Family(String),
    Event(&'static Permission, Reach),
}

fn parse(text: &str) -> Option<Pattern> {
    if text == "*" {
        return Some(Pattern::All);
    }
    if let Some(family) = text.strip_suffix("-*") {
        return catalogue::families()
            .contains(&text.to_string())
            .then(|| Pattern::Family(family.to_string()));
    }
    let (name, reach) = match text.strip_suffix(":own") {
        Some(name) => (name, Reach::Own),
        None => (text, Reach::All),
    };
    catalogue::get(name).map(|p| Pattern::Event(p, reach))
}

/// What the pattern `text` of a role of `scope` grants of `perm`. Built-in roles are
/// trusted with owner-only events; globs and `*` never reach identity events, and a
/// profile role reaches profile events only.
fn pattern_reach(text: &str, scope: Scope, builtin: bool, perm: &Permission) -> Option<Reach> {
    if perm.grant == Grant::Identity
        || (perm.grant == Grant::OwnerOnly && !builtin)
        || (scope == Scope::Profile && perm.scope == Scope::Global)
    {
        return None;
    }
    match parse(text)? {
        Pattern::All => Some(Reach::All),
        Pattern::Family(f) => {
            (catalogue::family(perm.name) == Some(f.as_str())).then_some(Reach::All)
        }
        Pattern::Event(p, reach) => (p.name == perm.name).then_some(reach),
    }
}

/// What a role grants of one permission, and the pattern that grants it (the widest).
pub fn reach<'a>(role: &'a RoleDef, perm: &Permission) -> Option<(Reach, &'a str)> {
    role.permissions
        .iter()
        .filter_map(|t| pattern_reach(t, role.scope, role.builtin, perm).map(|r| (r, t.as_str())))
        .max_by_key(|(r, _)| *r)
}

/// Every event a role grants, as `NAME` or `NAME:own`, in catalogue order: what
/// `role show` lists and what escalation compares.
pub fn expand(role: &RoleDef) -> Vec<(&'static Permission, Reach)> {
    PERMISSIONS
        .iter()
        .filter_map(|p| reach(role, p).map(|(r, _)| (p, r)))
        .collect()
}

pub fn expanded_names(role: &RoleDef) -> Vec<String> {
    expand(role)
        .into_iter()
        .map(|(p, r)| match r {
            Reach::All => p.name.to_string(),
            Reach::Own => format!("{}:own", p.name),
        })
        .collect()
}

/// Every pattern a custom role may be given: each event, each family glob, and `NAME:own`
/// where the event has owned records (for "did you mean" hints and completion).
pub fn names() -> Vec<String> {
    let mut out = catalogue::names();
    out.extend(catalogue::families());
    out.extend(
        PERMISSIONS
            .iter()
            .filter(|p| p.own.is_some())
            .map(|p| format!("{}:own", p.name)),
    );
    out
}

/// Checks the patterns given for a custom role of `scope` and returns them normalised
/// (trimmed, lower-case, each once, in the order given). Every refusal is 65 and names the
/// pattern.
pub fn check(scope: Scope, patterns: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for given in patterns {
        let text = given.trim().to_ascii_lowercase();
        let bad = |why: String| Error::invalid(format!("permission {given:?}: {why}"));
        let Some(pattern) = parse(&text) else {
            let candidates = names();
            let mut e = bad("matches no event".into());
            if let Some(near) = nearest(&text, &candidates) {
                e = e.hint(format!("did you mean {near:?}?"));
            }
            return Err(e.hint("`roster can USER --all` lists every event"));
        };
        match &pattern {
            Pattern::All => {
                return Err(bad("`*` is held by the built-in admin role only".into())
                    .hint("make the user a global admin with `roster user grant USER admin`"));
            }
            Pattern::Family(f) => {
                let any = PERMISSIONS.iter().any(|p| {
                    catalogue::family(p.name) == Some(f.as_str())
                        && pattern_reach(&text, scope, false, p).is_some()
                });
                if !any {
                    return Err(bad(format!(
                        "the {f} events are global; a profile role grants events within a profile only"
                    ))
                    .hint("define it with --scope global"));
                }
            }
            Pattern::Event(p, reach) => {
                match p.grant {
                    Grant::Identity => {
                        return Err(bad(format!(
                            "{} is decided by who the invitee is; no role grants it",
                            p.name
                        )));
                    }
                    Grant::OwnerOnly => {
                        return Err(bad(format!(
                            "{} belongs to the built-in owner role alone",
                            p.name
                        ))
                        .hint(
                            "make the member an owner with `roster member role PROFILE USER owner`",
                        ));
                    }
                    Grant::Role => {}
                }
                if scope == Scope::Profile && p.scope == Scope::Global {
                    return Err(bad(format!(
                        "{} is a global event; a profile role grants events within a profile only",
                        p.name
                    ))
                    .hint("define it with --scope global"));
                }
                if *reach == Reach::Own && p.own.is_none() {
                    let ownable: Vec<&str> = PERMISSIONS
                        .iter()
                        .filter(|p| p.own.is_some())
                        .map(|p| p.name)
                        .collect();
                    return Err(bad(format!("{} has no records anyone owns", p.name))
                        .hint(format!(":own applies to {}", ownable.join(", "))));
                }
            }
        }
        if !out.contains(&text) {
            out.push(text);
        }
    }
    Ok(out)
}

/// `role update --deny`: the patterns left once `denied` is taken away. A pattern in the
/// list goes; an event a glob of the list covers is taken out of the glob, which is then
/// written as the events it still grants. Denying what the role does not grant is 65 when
/// `strict` (the command); a seed converging (`strict` false) finds it already done, and
/// only a pattern that matches no event is refused.
pub fn deny(role: &RoleDef, denied: &[String], strict: bool) -> Result<Vec<String>> {
    let mut next = role.clone();
    for given in denied {
        let text = given.trim().to_ascii_lowercase();
        if let Some(at) = next.permissions.iter().position(|p| *p == text) {
            next.permissions.remove(at);
            continue;
        }
        let parsed = parse(&text);
        if !strict && parsed.is_some() && !matches!(parsed, Some(Pattern::Event(..))) {
            continue;
        }
        let Some(Pattern::Event(perm, _)) = parsed else {
            return Err(Error::invalid(format!(
                "--deny {given:?}: role {} has no such pattern",
                role.name
            ))
            .hint(format!("its patterns: {}", next.permissions.join(", "))));
        };
        let covering: Vec<String> = next
            .permissions
            .iter()
            .filter(|t| pattern_reach(t, role.scope, false, perm).is_some())
            .cloned()
            .collect();
        if covering.is_empty() {
            if !strict {
                continue;
            }
            return Err(Error::invalid(format!(
                "--deny {given:?}: role {} does not grant {}",
                role.name, perm.name
            )));
        }
        let mut rewritten = Vec::new();
        for t in &next.permissions {
            if !covering.contains(t) {
                rewritten.push(t.clone());
                continue;
            }
            // The glob (or the event itself) becomes every event it grants but this one.
            for p in PERMISSIONS {
                if p.name == perm.name {
                    continue;
                }
                if let Some(r) = pattern_reach(t, role.scope, false, p) {
                    let name = match r {
                        Reach::All => p.name.to_string(),
                        Reach::Own => format!("{}:own", p.name),
                    };
                    if !rewritten.contains(&name) && !next.permissions.contains(&name) {
                        rewritten.push(name);
                    }
                }
            }
        }
        next.permissions = rewritten;
    }
    Ok(next.permissions)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(scope: Scope, builtin: bool, patterns: &[&str]) -> RoleDef {
        RoleDef {
            scope,
            name: "r".into(),
            permissions: patterns.iter().map(|s| s.to_string()).collect(),
            description: None,
            builtin,
            created_at: String::new(),
            updated_at: String::new(),
            holders: None,
            events: None,
        }
    }

    #[test]
    fn builtins_expand_to_the_rules_of_the_readme() {
        let owner = role(
            Scope::Profile,
            true,
            &["profile-*", "member-*", "invite-*", "media-*"],
        );
        let names = expanded_names(&owner);
        assert!(names.contains(&"profile-delete".to_string()));
        assert!(!names.contains(&"invite-accept".to_string()));
        assert!(!names.contains(&"profile-create".to_string()));
        assert!(!names.contains(&"invite-prune".to_string()));
        let member = role(
            Scope::Profile,
            true,
            &[
                "member-list",
                "media-list",
                "media-show",
                "media-add",
                "media-remove:own",
            ],
        );
        assert_eq!(
            expanded_names(&member),
            [
                "member-list",
                "media-add",
                "media-list",
                "media-show",
                "media-remove:own"
            ]
        );
        let custom = role(Scope::Profile, false, &["profile-*"]);
        assert_eq!(expanded_names(&custom), ["profile-update"]);
    }

    #[test]
    fn check_refuses_what_a_custom_role_may_not_hold() {
        let bad = |scope, p: &str| check(scope, &[p.to_string()]).unwrap_err();
        assert!(bad(Scope::Global, "*").message.contains("built-in admin"));
        assert_eq!(
            bad(Scope::Global, "medai-add").hints[0],
            "did you mean \"media-add\"?"
        );
        assert!(
            bad(Scope::Profile, "user-list")
                .message
                .contains("global event")
        );
        assert!(bad(Scope::Profile, "user-*").message.contains("global"));
        assert!(
            bad(Scope::Profile, "profile-delete")
                .message
                .contains("owner")
        );
        assert!(
            bad(Scope::Global, "invite-accept")
                .message
                .contains("invitee")
        );
        assert!(
            bad(Scope::Profile, "member-add:own")
                .message
                .contains("owns")
        );
        assert_eq!(
            check(
                Scope::Profile,
                &["Media-*".into(), "media-*".into(), " member-list ".into()]
            )
            .unwrap(),
            ["media-*", "member-list"]
        );
    }

    #[test]
    fn deny_narrows_a_glob() {
        let r = role(Scope::Profile, false, &["media-*", "member-list"]);
        assert_eq!(
            deny(&r, &["media-remove".into()], true).unwrap(),
            ["media-add", "media-list", "media-show", "member-list"]
        );
        assert_eq!(
            deny(&r, &["member-list".into()], true).unwrap(),
            ["media-*"]
        );
        assert!(deny(&r, &["invite-send".into()], true).is_err());
        // Converging: what is already gone stays gone; a typo is still refused.
        assert_eq!(
            deny(&r, &["invite-send".into(), "user-*".into()], false).unwrap(),
            ["media-*", "member-list"]
        );
        assert!(deny(&r, &["medai-add".into()], false).is_err());
    }
}
