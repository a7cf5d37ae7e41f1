//! `roster export`: the whole database as a version-1 seed document, in dependency order
//! (custom roles, users, profiles, members, invitations, media) and a stable order within each kind, so
//! that exporting, seeding into an empty database and exporting again gives the same
//! bytes. Timestamps (`created_at`, `updated_at`, `added_at`) and the audit log are not
//! part of it: a seed writes its own. Password hashes only with `with_secrets`.

use std::io::Write;

use serde_json::{Map, Value, json};

use crate::actions::access::{Place, Request};
use crate::actions::{Ctx, allow};
use crate::error::Result;
use crate::model::{Invitation, Media, Member, Profile, User};
use crate::seed::events::SeedEvent;
use crate::seed::events::invite::InviteSend;
use crate::seed::events::media::MediaAdd;
use crate::seed::events::member::MemberAdd;
use crate::seed::events::profile::ProfileCreate;
use crate::seed::events::role::RoleCreate;
use crate::seed::events::user::{UserCreate, UserRevoke};
use crate::store::Tx;

/// Inserts `key: value` unless the value is null, an empty array or an empty object.
fn put(map: &mut Map<String, Value>, key: &str, value: Value) {
    let empty = match &value {
        Value::Null => true,
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        _ => false,
    };
    if !empty {
        map.insert(key.to_string(), value);
    }
}

fn event(
    out: &mut dyn Write,
    first: &mut bool,
    name: &str,
    data: Map<String, Value>,
) -> Result<()> {
    if !*first {
        out.write_all(b",\n")?;
    }
    *first = false;
    let mut data = Value::Object(data);
    // A value that reads `${env:…}` is data, not a reference to the environment of
    // whoever seeds this export.
    crate::seed::env::escape(&mut data);
    let line = json!({ "event": name, "data": data });
    out.write_all(line.to_string().as_bytes())?;
    Ok(())
}

fn user_data(u: &User, with_secrets: bool) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), u.id.clone().into());
    put(&mut d, "email", json!(u.email));
    put(&mut d, "username", json!(u.username));
    put(&mut d, "phone", json!(u.phone));
    d.insert("name".into(), u.name.clone().into());
    put(&mut d, "image", json!(u.image));
    if u.kind != "person" {
        d.insert("type".into(), u.kind.clone().into());
    }
    put(&mut d, "roles", json!(u.roles));
    put(&mut d, "tags", json!(u.tags));
    put(&mut d, "metadata", Value::Object(u.metadata.clone()));
    if !u.active {
        d.insert("active".into(), false.into());
    }
    // Verified is a flag in a seed: the time it happened is not part of an export.
    if u.email_verified_at.is_some() {
        d.insert("email_verified".into(), true.into());
    }
    if u.phone_verified_at.is_some() {
        d.insert("phone_verified".into(), true.into());
    }
    if with_secrets {
        put(&mut d, "password_hash", json!(u.password_hash));
    }
    d
}

fn profile_data(p: Profile) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), p.id.into());
    d.insert("slug".into(), p.slug.into());
    d.insert("name".into(), p.name.into());
    put(&mut d, "logo", json!(p.logo));
    d.insert("color".into(), p.color.into());
    d.insert("member_limit".into(), p.member_limit.into());
    d.insert("invitation_limit".into(), p.invitation_limit.into());
    if p.require_verified_email {
        d.insert("require_verified_email".into(), true.into());
    }
    put(&mut d, "metadata", Value::Object(p.metadata));
    d
}

fn member_data(m: Member) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("profile".into(), m.profile_slug.into());
    d.insert("user".into(), m.user_id.into());
    d.insert("role".into(), m.role.as_str().into());
    d
}

fn invitation_data(i: Invitation) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), i.id.into());
    d.insert("profile".into(), i.profile_slug.into());
    d.insert("email".into(), i.email.into());
    d.insert("role".into(), i.role.as_str().into());
    d.insert("status".into(), i.status.as_str().into());
    d.insert("expires_at".into(), i.expires_at.into());
    put(&mut d, "inviter", json!(i.inviter_id));
    d
}

fn media_data(m: Media, slug: &str) -> Map<String, Value> {
    let mut d = Map::new();
    d.insert("id".into(), m.id.into());
    d.insert("profile".into(), slug.into());
    d.insert("type".into(), m.kind.as_str().into());
    d.insert("title".into(), m.title.into());
    put(&mut d, "year", json!(m.year));
    put(&mut d, "tmdb_id", json!(m.tmdb_id));
    put(&mut d, "imdb_id", json!(m.imdb_id));
    put(&mut d, "infohash", json!(m.infohash));
    put(&mut d, "path", json!(m.file_path));
    put(&mut d, "parent", json!(m.parent_id));
    put(&mut d, "season", json!(m.season_number));
    put(&mut d, "episode", json!(m.episode_number));
    d.insert("status".into(), m.status.into());
    put(&mut d, "added_by", json!(m.added_by));
    d
}

/// Refuses (77) anyone but the operator and global admins. [`export`] checks it too; a
/// caller that writes to a file checks it first, so that a refused export leaves no file.
pub fn authorize(tx: &Tx<'_>, ctx: &Ctx) -> Result<()> {
    allow(tx, ctx, Request::new("export").at(Place::Global))
}

/// Writes the export of the database to `out`. The operator and global admins only.
pub fn export(tx: &Tx<'_>, ctx: &Ctx, with_secrets: bool, out: &mut dyn Write) -> Result<u64> {
    authorize(tx, ctx)?;
    let mut first = true;
    let mut count = 0u64;
    out.write_all(b"{\"version\": 1, \"events\": [\n")?;

    // The first user a seed creates in an empty database becomes a global admin; if the
    // first one exported is not one, a user-revoke at the end restores that.
    let mut first_user_not_admin: Option<String> = None;
    let mut seen_user = false;
    // Custom roles first: users, members and invitations hold them.
    for r in tx.role_list()? {
        if r.builtin {
            continue;
        }
        let mut d = Map::new();
        d.insert("name".into(), r.name.into());
        d.insert("scope".into(), r.scope.as_str().into());
        d.insert("allow".into(), json!(r.permissions));
        put(&mut d, "description", json!(r.description));
        count += 1;
        event(out, &mut first, RoleCreate::NAME, d)?;
    }
    tx.users_each(&mut |u| {
        if !seen_user {
            seen_user = true;
            if !u.is_admin() {
                first_user_not_admin = Some(u.id.clone());
            }
        }
        count += 1;
        event(
            out,
            &mut first,
            UserCreate::NAME,
            user_data(&u, with_secrets),
        )
    })?;
    tx.profiles_each(&mut |p| {
        count += 1;
        event(out, &mut first, ProfileCreate::NAME, profile_data(p))
    })?;
    tx.members_each(&mut |m| {
        count += 1;
        event(out, &mut first, MemberAdd::NAME, member_data(m))
    })?;
    tx.invitations_each(&mut |i| {
        count += 1;
        event(out, &mut first, InviteSend::NAME, invitation_data(i))
    })?;
    tx.media_each(&mut |m, slug| {
        count += 1;
        event(out, &mut first, MediaAdd::NAME, media_data(m, slug))
    })?;
    if let Some(id) = first_user_not_admin {
        let mut d = Map::new();
        d.insert("user".into(), id.into());
        d.insert("roles".into(), json!(["admin"]));
        count += 1;
        event(out, &mut first, UserRevoke::NAME, d)?;
    }
    out.write_all(if first { b"]}\n" } else { b"\n]}\n" })?;
    out.flush()?;
    Ok(count)
}
