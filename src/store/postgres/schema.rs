//! PostgreSQL's schema: the model of README "Storage: the schema is a contract" in this
//! engine's types, inside roster's own schema (`roster` unless the URL or
//! `ROSTER_PG_SCHEMA` names another; every statement runs with `search_path` set to it).
//!
//! Migrations are append-only, like SQLite's, and numbered on the same scale: PostgreSQL
//! support arrived at SQLite's version 5, so its first migration creates that schema
//! whole, and every later one is added to both backends at once. The version lives in the
//! marker table `roster_schema`, whose one row says the schema is roster's.
//!
//! Text columns are `COLLATE "C"`, so that comparisons and orders are byte-wise, as
//! SQLite's are, and outputs agree byte for byte. Where SQLite compares with `NOCASE`
//! (usernames, media titles), PostgreSQL compares `nocase(x)`, the same ASCII-only folding,
//! through expression indexes.

/// Migration 8's forms, as CHECK conditions (and the test of the rows already there,
/// [`BAD_ROWS_8`]): what `actions::validate` stores, as SQLite's migration 8 spells them
/// in GLOB. The columns are `COLLATE "C"`, so `[a-z]` is ASCII's.
macro_rules! slug_ok {
    () => {
        "(length(slug) <= 64 AND slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')"
    };
}
macro_rules! color_ok {
    () => {
        "(color ~ '^#[0-9A-F]{6}$')"
    };
}
macro_rules! infohash_ok {
    () => {
        "(infohash IS NULL OR infohash ~ '^([0-9a-f]{40}|[0-9a-f]{64})$')"
    };
}

/// The version PostgreSQL's first migration creates (SQLite's version then).
pub const BASE: i64 = 5;

/// `{fold}` is replaced by the collation search folds case under (see `fold_collation`).
pub const MIGRATIONS: &[&str] = &[
    // 5: everything, as SQLite's migrations 1-5 leave it.
    r#"
CREATE TABLE roster_schema (
    marker     text COLLATE "C" PRIMARY KEY CHECK (marker = 'roster'),
    version    bigint NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO roster_schema (marker, version) VALUES ('roster', 0);

-- SQLite's NOCASE: ASCII letters folded, nothing else.
CREATE FUNCTION nocase(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT translate($1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz') COLLATE "C" $$;
-- Title search's folding: every letter lower-cased (Unicode), as roster folds the term.
CREATE FUNCTION fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower($1 COLLATE {fold}) COLLATE "C" $$;

CREATE TABLE users (
    id                text COLLATE "C" PRIMARY KEY,
    email             text COLLATE "C" UNIQUE,
    username          text COLLATE "C",
    phone             text COLLATE "C" UNIQUE,
    name              text COLLATE "C" NOT NULL CHECK (length(name) > 0),
    image             text COLLATE "C",
    type              text COLLATE "C" NOT NULL DEFAULT 'person',
    roles             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(roles) = 'array'),
    tags              jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tags) = 'array'),
    metadata          json NOT NULL DEFAULT '{}' CHECK (json_typeof(metadata) = 'object'),
    active            boolean NOT NULL DEFAULT true,
    password_hash     text COLLATE "C",
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    email_verified_at timestamptz,
    phone_verified_at timestamptz,
    CHECK (email IS NOT NULL OR username IS NOT NULL OR phone IS NOT NULL),
    CHECK (email IS NULL OR email = nocase(email))
);
CREATE UNIQUE INDEX users_username_nocase ON users (nocase(username));
CREATE INDEX users_by_created ON users (created_at, id);

CREATE TABLE profiles (
    id                     text COLLATE "C" PRIMARY KEY,
    slug                   text COLLATE "C" NOT NULL UNIQUE,
    name                   text COLLATE "C" NOT NULL CHECK (length(name) > 0),
    logo                   text COLLATE "C",
    color                  text COLLATE "C" NOT NULL DEFAULT '#6366F1',
    member_limit           bigint NOT NULL DEFAULT 100 CHECK (member_limit >= 1),
    metadata               json NOT NULL DEFAULT '{}' CHECK (json_typeof(metadata) = 'object'),
    created_at             timestamptz NOT NULL,
    updated_at             timestamptz NOT NULL,
    require_verified_email boolean NOT NULL DEFAULT false
);

CREATE TABLE members (
    id         text COLLATE "C" PRIMARY KEY,
    profile_id text COLLATE "C" NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    user_id    text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       text COLLATE "C" NOT NULL DEFAULT 'member' CHECK (role ~ '^[a-z][a-z0-9_-]{0,31}$'),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (profile_id, user_id)
);
CREATE INDEX members_by_user ON members (user_id);
CREATE INDEX members_in_list_order ON members (
    profile_id,
    (CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END),
    created_at,
    id
);
CREATE INDEX members_by_role ON members (role);

CREATE TABLE invitations (
    id         text COLLATE "C" PRIMARY KEY,
    profile_id text COLLATE "C" NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    email      text COLLATE "C" NOT NULL CHECK (email = nocase(email)),
    role       text COLLATE "C" NOT NULL DEFAULT 'member' CHECK (role ~ '^[a-z][a-z0-9_-]{0,31}$'),
    status     text COLLATE "C" NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'accepted', 'rejected', 'canceled', 'expired')),
    inviter_id text COLLATE "C" REFERENCES users(id) ON DELETE SET NULL,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE INDEX invitations_by_profile_email ON invitations (profile_id, email);
CREATE INDEX invitations_by_email ON invitations (email);
CREATE INDEX invitations_by_inviter ON invitations (inviter_id);
CREATE INDEX invitations_pending_by_expiry ON invitations (expires_at) WHERE status = 'pending';
CREATE UNIQUE INDEX invitations_one_pending ON invitations (profile_id, email) WHERE status = 'pending';
CREATE INDEX invitations_pending_by_role ON invitations (role) WHERE status = 'pending';

CREATE TABLE media (
    id             text COLLATE "C" PRIMARY KEY,
    profile_id     text COLLATE "C" NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    type           text COLLATE "C" NOT NULL CHECK (type IN ('movie', 'show', 'episode')),
    title          text COLLATE "C" NOT NULL CHECK (length(title) > 0),
    year           bigint,
    tmdb_id        bigint CHECK (tmdb_id IS NULL OR tmdb_id > 0),
    imdb_id        text COLLATE "C",
    infohash       text COLLATE "C" CHECK (infohash IS NULL OR (infohash = nocase(infohash) AND length(infohash) IN (40, 64))),
    file_path      text COLLATE "C",
    parent_id      text COLLATE "C" REFERENCES media(id) ON DELETE CASCADE,
    season_number  bigint CHECK (season_number IS NULL OR season_number >= 0),
    episode_number bigint CHECK (episode_number IS NULL OR episode_number >= 1),
    status         text COLLATE "C" NOT NULL DEFAULT 'pending',
    added_by       text COLLATE "C" REFERENCES users(id) ON DELETE SET NULL,
    added_at       timestamptz NOT NULL,
    CHECK (type = 'episode' OR (parent_id IS NULL AND season_number IS NULL AND episode_number IS NULL))
);
CREATE UNIQUE INDEX media_unique_infohash ON media (profile_id, infohash) WHERE infohash IS NOT NULL;
CREATE UNIQUE INDEX media_unique_tmdb ON media (profile_id, type, tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE INDEX media_by_title ON media (profile_id, nocase(title), id);
CREATE INDEX media_by_type_title ON media (profile_id, type, nocase(title), id);
CREATE INDEX media_by_parent ON media (parent_id, season_number, episode_number);
CREATE INDEX media_by_added_by ON media (added_by);

CREATE TABLE audit (
    seq       bigint PRIMARY KEY CHECK (seq > 0),
    at        timestamptz NOT NULL,
    actor     text COLLATE "C" NOT NULL,
    event     text COLLATE "C" NOT NULL,
    subject   text COLLATE "C" NOT NULL,
    data      json NOT NULL,
    source    text COLLATE "C" NOT NULL,
    prev_hash text COLLATE "C" NOT NULL,
    hash      text COLLATE "C" NOT NULL,
    keyed     boolean NOT NULL DEFAULT false
);
CREATE INDEX audit_by_event ON audit (event, seq);
CREATE INDEX audit_by_actor ON audit (actor, seq);
-- The highest sequence number ever handed out, which survives rows deleted from the end of
-- the log (SQLite's sqlite_sequence): a row deleted there is then still noticed.
CREATE TABLE audit_high_water (
    one bigint PRIMARY KEY CHECK (one = 1),
    seq bigint NOT NULL
);
INSERT INTO audit_high_water VALUES (1, 0);
-- Once per statement (a COPY of a whole log updates it once, not once per row).
CREATE FUNCTION audit_raise_high_water() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE audit_high_water SET seq = greatest(seq, (SELECT max(seq) FROM inserted)) WHERE one = 1;
    RETURN NULL;
END $$;
CREATE TRIGGER audit_high_water_after_insert AFTER INSERT ON audit
    REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION audit_raise_high_water();

CREATE TABLE roles (
    scope       text COLLATE "C" NOT NULL CHECK (scope IN ('global', 'profile')),
    name        text COLLATE "C" NOT NULL CHECK (name ~ '^[a-z][a-z0-9_-]{0,31}$'),
    permissions jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(permissions) = 'array'),
    description text COLLATE "C",
    builtin     boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    PRIMARY KEY (scope, name)
);
INSERT INTO roles (scope, name, permissions, description, builtin, created_at, updated_at)
SELECT scope, name, permissions::jsonb, description, true, date_trunc('milliseconds', now()), date_trunc('milliseconds', now())
FROM (VALUES
    ('global', 'admin', '["*"]', 'a global admin: every event, everywhere'),
    ('profile', 'owner', '["profile-*","member-*","invite-*","media-*"]',
     'every event of the profile, including deleting it and the owner role'),
    ('profile', 'admin',
     '["profile-update","member-add","member-role","member-remove","member-list","invite-send","invite-cancel","invite-list","invite-show","media-*"]',
     'runs the profile: members, invitations, media; never the owner role'),
    ('profile', 'member',
     '["member-list","media-list","media-show","media-add","media-remove:own"]',
     'uses the library: sees members, adds media, removes what they added')
) AS b (scope, name, permissions, description);

CREATE TABLE sessions (
    id                text COLLATE "C" PRIMARY KEY,
    user_id           text COLLATE "C" NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash        text COLLATE "C" NOT NULL UNIQUE CHECK (length(token_hash) = 64 AND token_hash = nocase(token_hash)),
    active_profile_id text COLLATE "C" REFERENCES profiles(id) ON DELETE SET NULL,
    roles             jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(roles) = 'array'),
    origin            text COLLATE "C" NOT NULL CHECK (origin IN ('login', 'issued', 'seed')),
    user_agent        text COLLATE "C",
    ip                text COLLATE "C",
    created_at        timestamptz NOT NULL,
    expires_at        timestamptz NOT NULL,
    last_used_at      timestamptz,
    revoked_at        timestamptz
);
CREATE INDEX sessions_by_user ON sessions (user_id, created_at);
CREATE INDEX sessions_by_profile ON sessions (active_profile_id);
"#,
    // 6: a profile's invitation limit, as SQLite's migration 6.
    r#"
ALTER TABLE profiles ADD COLUMN invitation_limit bigint NOT NULL DEFAULT 100
    CHECK (invitation_limit >= 1);
CREATE INDEX invitations_pending_by_profile ON invitations (profile_id, expires_at) WHERE status = 'pending';
"#,
    // 7: the outbox, as SQLite's migration 7.
    r#"
CREATE TABLE outbox (
    id              text COLLATE "C" PRIMARY KEY,
    invitation_id   text COLLATE "C" NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    recipient       text COLLATE "C" NOT NULL CHECK (length(recipient) > 0),
    subject         text COLLATE "C" NOT NULL,
    body_text       text COLLATE "C" NOT NULL,
    body_html       text COLLATE "C" NOT NULL,
    status          text COLLATE "C" NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        bigint NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      text COLLATE "C",
    next_attempt_at timestamptz NOT NULL,
    claimed_until   timestamptz,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
);
CREATE INDEX outbox_by_invitation ON outbox (invitation_id);
CREATE INDEX outbox_unsent ON outbox (status, next_attempt_at) WHERE status <> 'sent';
CREATE INDEX outbox_by_created ON outbox (created_at, id);
"#,
    // 8: the forms roster validates, as CHECKs, and the index of `audit --subject`, as
    // SQLite's migration 8 (whose BEFORE triggers do what these constraints do; `user
    // list`'s index `users_by_created` is here since migration 5). Rows already there
    // that break a form stop the migration before it runs ([`BAD_ROWS_8`]: exit 78).
    concat!(
        "
CREATE INDEX audit_by_subject ON audit (subject, seq);
ALTER TABLE profiles ADD CONSTRAINT profiles_slug_form CHECK ",
        slug_ok!(),
        ";
ALTER TABLE profiles ADD CONSTRAINT profiles_color_form CHECK ",
        color_ok!(),
        ";
ALTER TABLE media ADD CONSTRAINT media_infohash_form CHECK ",
        infohash_ok!(),
        ";
"
    ),
    // 9: nothing. SQLite's migration 9 turns its infohash trigger into the CHECK that
    // migration 8 already made here; the versions stay one.
    "SELECT 1;",
];

/// The rows already in a schema that migration 8's CHECKs would refuse, as SQLite's
/// `BAD_ROWS_8`: `(table, id, column, value, how many in all)`, the first few.
pub const BAD_ROWS_8: &str = concat!(
    "SELECT t, id, col, val, count(*) OVER () FROM (",
    "SELECT 'profiles' AS t, id, 'slug' AS col, slug AS val FROM profiles WHERE NOT coalesce(",
    slug_ok!(),
    ", false)",
    " UNION ALL SELECT 'profiles', id, 'color', color FROM profiles WHERE NOT coalesce(",
    color_ok!(),
    ", false)",
    " UNION ALL SELECT 'media', id, 'infohash', infohash FROM media WHERE NOT coalesce(",
    infohash_ok!(),
    ", false)",
    ") AS bad ORDER BY t, col, id LIMIT 5"
);

/// Title search through `pg_trgm`, when the extension is there (or can be created):
/// `{trgm}` is the schema holding it. Created by the migration that finds it; `roster
/// doctor` notes when it is missing (search then scans the profile's titles).
pub const TRGM_INDEX: &str = "CREATE INDEX IF NOT EXISTS media_title_trgm ON media USING gin (fold(title) {trgm}.gin_trgm_ops)";

/// The version this roster writes (the same as SQLite's).
pub const CURRENT: i64 = BASE + MIGRATIONS.len() as i64 - 1;

#[cfg(test)]
mod tests {
    #[test]
    fn both_backends_are_at_one_version() {
        assert_eq!(super::CURRENT, crate::store::schema::CURRENT);
    }
}
