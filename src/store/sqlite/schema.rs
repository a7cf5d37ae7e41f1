//! Migrations: append-only, applied in order inside one `BEGIN IMMEDIATE` transaction.
//! `user_version` holds the number of migrations applied. Never edit a migration that has
//! shipped; add a new one at the end.

/// Migration 8's forms, as SQL conditions on a column (`NEW.slug` in a trigger, `slug` in
/// the check of the rows already there, [`BAD_ROWS_8`]): what `actions::validate` stores.
/// Written with GLOB (SQLite has no regular expressions built in), which matches the whole
/// text and is case-sensitive.
///
/// A slug: `^[a-z0-9]+(-[a-z0-9]+)*$`, at most 64 characters (`validate::slug`).
macro_rules! slug_ok {
    ($c:literal) => {
        concat!(
            "(length(",
            $c,
            ") BETWEEN 1 AND 64 AND NOT ",
            $c,
            " GLOB '*[^a-z0-9-]*' AND NOT ",
            $c,
            " GLOB '-*' AND NOT ",
            $c,
            " GLOB '*-' AND NOT ",
            $c,
            " GLOB '*--*')"
        )
    };
}

/// A colour as stored: `#RRGGBB`, upper-case (`validate::color` normalises `#rgb` and
/// lower case to it).
macro_rules! color_ok {
    ($c:literal) => {
        concat!(
            "(",
            $c,
            " GLOB '#[0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F][0-9A-F]')"
        )
    };
}

/// An infohash as stored: null, or 40 or 64 lower-case hex digits
/// (`actions::media::validate::infohash`).
macro_rules! infohash_ok {
    ($c:literal) => {
        concat!(
            "(",
            $c,
            " IS NULL OR (length(",
            $c,
            ") IN (40, 64) AND NOT ",
            $c,
            " GLOB '*[^0-9a-f]*'))"
        )
    };
}

/// The messages the triggers of migration 8 abort with: the table and column, and the
/// form. (A constant text: SQLite before 3.48 takes nothing else in RAISE, and this
/// schema must stay readable by the `sqlite3` other programs have.)
macro_rules! slug_message {
    () => {
        "profiles.slug: must be lower-case letters and digits in words joined by single hyphens, at most 64 characters (^[a-z0-9]+(-[a-z0-9]+)*$)"
    };
}
macro_rules! color_message {
    () => {
        "profiles.color: must be #RRGGBB, six upper-case hex digits"
    };
}
macro_rules! infohash_message {
    () => {
        "media.infohash: must be 40 or 64 lower-case hex digits"
    };
}

/// Migration 8's checks of a profile row, the body of its two triggers.
macro_rules! profile_checks {
    () => {
        concat!(
            "    SELECT RAISE(ABORT, '",
            slug_message!(),
            "') WHERE NOT ",
            slug_ok!("NEW.slug"),
            ";\n",
            "    SELECT RAISE(ABORT, '",
            color_message!(),
            "') WHERE NOT ",
            color_ok!("NEW.color"),
            ";\n"
        )
    };
}

pub const MIGRATIONS: &[&str] = &[
    // 1: the data model of README "Storage: the schema is a contract".
    r#"
CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    email         TEXT UNIQUE,
    username      TEXT COLLATE NOCASE UNIQUE,
    phone         TEXT UNIQUE,
    name          TEXT NOT NULL CHECK (length(name) > 0),
    image         TEXT,
    type          TEXT NOT NULL DEFAULT 'person',
    roles         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
    tags          TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    metadata      TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
    active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    password_hash TEXT,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    CHECK (email IS NOT NULL OR username IS NOT NULL OR phone IS NOT NULL),
    CHECK (email IS NULL OR email = lower(email))
) STRICT;

CREATE TABLE profiles (
    id           TEXT PRIMARY KEY,
    slug         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL CHECK (length(name) > 0),
    logo         TEXT,
    color        TEXT NOT NULL DEFAULT '#6366F1',
    member_limit INTEGER NOT NULL DEFAULT 100 CHECK (member_limit >= 1),
    metadata     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(metadata) AND json_type(metadata) = 'object'),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE members (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (profile_id, user_id)
) STRICT;
CREATE INDEX members_by_user ON members(user_id);

CREATE TABLE invitations (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    email      TEXT NOT NULL CHECK (email = lower(email)),
    role       TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'admin', 'member')),
    status     TEXT NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'accepted', 'rejected', 'canceled', 'expired')),
    inviter_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX invitations_by_profile_email ON invitations(profile_id, email);
CREATE INDEX invitations_by_email ON invitations(email);
CREATE INDEX invitations_by_inviter ON invitations(inviter_id);
CREATE INDEX invitations_pending_by_expiry ON invitations(expires_at) WHERE status = 'pending';
CREATE UNIQUE INDEX invitations_one_pending ON invitations(profile_id, email) WHERE status = 'pending';

-- Media: `title` compares and sorts ignoring ASCII case (NOCASE), so the list order, the
-- keyset cursor and the (type, title, year) natural key all agree with one index each.
CREATE TABLE media (
    id             TEXT PRIMARY KEY,
    profile_id     TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    type           TEXT NOT NULL CHECK (type IN ('movie', 'show', 'episode')),
    title          TEXT NOT NULL COLLATE NOCASE CHECK (length(title) > 0),
    year           INTEGER,
    tmdb_id        INTEGER CHECK (tmdb_id IS NULL OR tmdb_id > 0),
    imdb_id        TEXT,
    infohash       TEXT CHECK (infohash IS NULL OR (infohash = lower(infohash) AND length(infohash) IN (40, 64))),
    file_path      TEXT,
    parent_id      TEXT REFERENCES media(id) ON DELETE CASCADE,
    season_number  INTEGER CHECK (season_number IS NULL OR season_number >= 0),
    episode_number INTEGER CHECK (episode_number IS NULL OR episode_number >= 1),
    status         TEXT NOT NULL DEFAULT 'pending',
    added_by       TEXT REFERENCES users(id) ON DELETE SET NULL,
    added_at       TEXT NOT NULL,
    CHECK (type = 'episode' OR (parent_id IS NULL AND season_number IS NULL AND episode_number IS NULL))
) STRICT;
CREATE UNIQUE INDEX media_unique_infohash ON media(profile_id, infohash) WHERE infohash IS NOT NULL;
CREATE UNIQUE INDEX media_unique_tmdb ON media(profile_id, type, tmdb_id) WHERE tmdb_id IS NOT NULL;
CREATE INDEX media_by_title ON media(profile_id, title, id);
CREATE INDEX media_by_type_title ON media(profile_id, type, title, id);
CREATE INDEX media_by_parent ON media(parent_id, season_number, episode_number);
CREATE INDEX media_by_added_by ON media(added_by);

-- Title search: a trigram index (case-insensitive substrings) over media.title. roster
-- indexes new rows itself (store::media_insert: an insert trigger would make FTS5 flush a
-- segment per row); the triggers below handle deletes and retitles. It holds no copy of
-- the titles (external content, keyed by media's rowid). Should a tool ever renumber media's rowids (a dump and reload), rebuild
-- it with: INSERT INTO media_fts(media_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE media_fts USING fts5(title, content = 'media', content_rowid = 'rowid', tokenize = 'trigram');
CREATE TRIGGER media_fts_delete AFTER DELETE ON media BEGIN
    INSERT INTO media_fts (media_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
END;
CREATE TRIGGER media_fts_update AFTER UPDATE OF title ON media BEGIN
    INSERT INTO media_fts (media_fts, rowid, title) VALUES ('delete', old.rowid, old.title);
    INSERT INTO media_fts (rowid, title) VALUES (new.rowid, new.title);
END;

CREATE TABLE audit (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    event     TEXT NOT NULL,
    subject   TEXT NOT NULL,
    data      TEXT NOT NULL CHECK (json_valid(data)),
    source    TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_by_event ON audit(event, seq);
CREATE INDEX audit_by_actor ON audit(actor, seq);
"#,
    // 2: whether each audit row's hash is a keyed MAC (ROSTER_AUDIT_KEY_FILE) or a plain
    // hash. Rows written before keys existed are unkeyed (0) and verify as they were.
    r#"
ALTER TABLE audit ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0 CHECK (keyed IN (0, 1));
"#,
    // 3: `member list` in its order — owners, admins, members (any other role ranks with
    // members), each by join time, then id — straight from an index, so that a page deep
    // in a large profile costs what the first does. The role's rank is an expression, and
    // the queries of store::sqlite::members spell it exactly so (SQLite matches an
    // expression index only on the same expression).
    r#"
CREATE INDEX members_in_list_order ON members(
    profile_id,
    (CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END),
    created_at,
    id
);
"#,
    // 4: roles (README "Roles"): what each role lets its holders do. The built-ins are
    // rows; a global role some user already held becomes a custom role granting nothing
    // (`roster doctor` says so). members.role and invitations.role accept any role name,
    // so those two tables are rebuilt without their fixed list (SQLite cannot alter a
    // CHECK); whether a name is defined is the actions' rule.
    r#"
CREATE TABLE roles (
    scope       TEXT NOT NULL CHECK (scope IN ('global', 'profile')),
    name        TEXT NOT NULL CHECK (length(name) <= 32 AND name GLOB '[a-z]*' AND NOT name GLOB '*[^a-z0-9_-]*'),
    permissions TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(permissions) AND json_type(permissions) = 'array'),
    description TEXT,
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    PRIMARY KEY (scope, name)
) STRICT, WITHOUT ROWID;

INSERT INTO roles (scope, name, permissions, description, builtin, created_at, updated_at)
SELECT scope, name, permissions, description, 1, now, now
FROM (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now),
     (SELECT 'global' AS scope, 'admin' AS name, '["*"]' AS permissions,
             'a global admin: every event, everywhere' AS description
      UNION ALL SELECT 'profile', 'owner', '["profile-*","member-*","invite-*","media-*"]',
             'every event of the profile, including deleting it and the owner role'
      UNION ALL SELECT 'profile', 'admin',
             '["profile-update","member-add","member-role","member-remove","member-list","invite-send","invite-cancel","invite-list","invite-show","media-*"]',
             'runs the profile: members, invitations, media; never the owner role'
      UNION ALL SELECT 'profile', 'member',
             '["member-list","media-list","media-show","media-add","media-remove:own"]',
             'uses the library: sees members, adds media, removes what they added');

INSERT OR IGNORE INTO roles (scope, name, permissions, description, builtin, created_at, updated_at)
SELECT DISTINCT 'global', j.value, '[]', 'held before roles were defined; grants nothing until `roster role update` gives it permissions', 0,
       strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM users, json_each(users.roles) AS j
WHERE j.type = 'text';

CREATE TABLE members_v4 (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role       TEXT NOT NULL DEFAULT 'member' CHECK (length(role) <= 32 AND role GLOB '[a-z]*' AND NOT role GLOB '*[^a-z0-9_-]*'),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (profile_id, user_id)
) STRICT;
INSERT INTO members_v4 (id, profile_id, user_id, role, created_at, updated_at)
SELECT id, profile_id, user_id, role, created_at, updated_at FROM members ORDER BY rowid;
DROP TABLE members;
ALTER TABLE members_v4 RENAME TO members;
CREATE INDEX members_by_user ON members(user_id);
CREATE INDEX members_in_list_order ON members(
    profile_id,
    (CASE role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 ELSE 2 END),
    created_at,
    id
);
CREATE INDEX members_by_role ON members(role);

CREATE TABLE invitations_v4 (
    id         TEXT PRIMARY KEY,
    profile_id TEXT NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
    email      TEXT NOT NULL CHECK (email = lower(email)),
    role       TEXT NOT NULL DEFAULT 'member' CHECK (length(role) <= 32 AND role GLOB '[a-z]*' AND NOT role GLOB '*[^a-z0-9_-]*'),
    status     TEXT NOT NULL DEFAULT 'pending'
               CHECK (status IN ('pending', 'accepted', 'rejected', 'canceled', 'expired')),
    inviter_id TEXT REFERENCES users(id) ON DELETE SET NULL,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
INSERT INTO invitations_v4 (id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at)
SELECT id, profile_id, email, role, status, inviter_id, expires_at, created_at, updated_at FROM invitations ORDER BY rowid;
DROP TABLE invitations;
ALTER TABLE invitations_v4 RENAME TO invitations;
CREATE INDEX invitations_by_profile_email ON invitations(profile_id, email);
CREATE INDEX invitations_by_email ON invitations(email);
CREATE INDEX invitations_by_inviter ON invitations(inviter_id);
CREATE INDEX invitations_pending_by_expiry ON invitations(expires_at) WHERE status = 'pending';
CREATE UNIQUE INDEX invitations_one_pending ON invitations(profile_id, email) WHERE status = 'pending';
CREATE INDEX invitations_pending_by_role ON invitations(role) WHERE status = 'pending';
"#,
    // 5: sessions (README "Sessions"): signed-in people, as a web application sharing the
    // database keeps them. Only a token's SHA-256 is stored. The verified state of each
    // sign-in identifier, and a profile's rule that invitees must have verified emails.
    r#"
ALTER TABLE users ADD COLUMN email_verified_at TEXT;
ALTER TABLE users ADD COLUMN phone_verified_at TEXT;
ALTER TABLE profiles ADD COLUMN require_verified_email INTEGER NOT NULL DEFAULT 0
    CHECK (require_verified_email IN (0, 1));

CREATE TABLE sessions (
    id                TEXT PRIMARY KEY,
    user_id           TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash        TEXT NOT NULL UNIQUE CHECK (length(token_hash) = 64 AND token_hash = lower(token_hash)),
    active_profile_id TEXT REFERENCES profiles(id) ON DELETE SET NULL,
    roles             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(roles) AND json_type(roles) = 'array'),
    origin            TEXT NOT NULL CHECK (origin IN ('login', 'issued', 'seed')),
    user_agent        TEXT,
    ip                TEXT,
    created_at        TEXT NOT NULL,
    expires_at        TEXT NOT NULL,
    last_used_at      TEXT,
    revoked_at        TEXT
) STRICT;
CREATE INDEX sessions_by_user ON sessions(user_id, created_at);
CREATE INDEX sessions_by_profile ON sessions(active_profile_id);
"#,
    // 6: a profile's invitation limit (README "Profiles"): how many pending, unexpired
    // invitations it may have at once; counted by profile through the index.
    r#"
ALTER TABLE profiles ADD COLUMN invitation_limit INTEGER NOT NULL DEFAULT 100
    CHECK (invitation_limit >= 1);
CREATE INDEX invitations_pending_by_profile ON invitations(profile_id, expires_at) WHERE status = 'pending';
"#,
    // 7: the outbox (README "Mail"): invitation emails written in the invitation's own
    // transaction and delivered after commit. `next_attempt_at` is the backoff's schedule;
    // `claimed_until` the lease a deliverer holds while it sends (so two never send one
    // message twice). Unsent messages are found through the partial index.
    r#"
CREATE TABLE outbox (
    id              TEXT PRIMARY KEY,
    invitation_id   TEXT NOT NULL REFERENCES invitations(id) ON DELETE CASCADE,
    recipient       TEXT NOT NULL CHECK (length(recipient) > 0),
    subject         TEXT NOT NULL,
    body_text       TEXT NOT NULL,
    body_html       TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error      TEXT,
    next_attempt_at TEXT NOT NULL,
    claimed_until   TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    CHECK ((status = 'sent') = (sent_at IS NOT NULL))
) STRICT;
CREATE INDEX outbox_by_invitation ON outbox(invitation_id);
CREATE INDEX outbox_unsent ON outbox(status, next_attempt_at) WHERE status <> 'sent';
CREATE INDEX outbox_by_created ON outbox(created_at, id);
"#,
    // 8: the forms roster validates, enforced for every program that writes the file
    // (README "Storage": migration 8), and two indexes: `user list` pages by
    // (created_at, id), and `audit --subject` reads one subject's rows in order. SQLite
    // cannot add a CHECK to a table, and rebuilding `profiles` and `media` (with
    // media's FTS triggers and rowids) is a risk for nothing: BEFORE triggers refuse the
    // rows instead, naming the column. Rows already there that break a form stop the
    // migration before it runs (`store::sqlite::bad_rows_8`: exit 78, nothing changed).
    concat!(
        "
CREATE INDEX users_by_created ON users(created_at, id);
CREATE INDEX audit_by_subject ON audit(subject, seq);
CREATE TRIGGER profiles_check_insert BEFORE INSERT ON profiles BEGIN
",
        profile_checks!(),
        "END;
CREATE TRIGGER profiles_check_update BEFORE UPDATE OF slug, color ON profiles BEGIN
",
        profile_checks!(),
        "END;
CREATE TRIGGER media_check_insert BEFORE INSERT ON media WHEN NOT ",
        infohash_ok!("NEW.infohash"),
        " BEGIN
    SELECT RAISE(ABORT, '",
        infohash_message!(),
        "');
END;
CREATE TRIGGER media_check_update BEFORE UPDATE OF infohash ON media WHEN NOT ",
        infohash_ok!("NEW.infohash"),
        " BEGIN
    SELECT RAISE(ABORT, '",
        infohash_message!(),
        "');
END;
"
    ),
    // 9: migration 8's two `media` triggers made each media insert a statement with its
    // own savepoint, where FTS5 flushes the trigram index's pending terms: a seed paid
    // a fifth of its time for them (BENCHMARKS.md, "Seeds"). The same form is now a
    // named CHECK, which needs no savepoint: SQLite cannot add one to a table, but it
    // can add a VIRTUAL generated column carrying one, tested against the rows already
    // there (none can fail: migration 8's triggers held them to it). The column,
    // `infohash_ok`, is 1 on every row; it takes no space and shows in `SELECT *`.
    concat!(
        "
DROP TRIGGER media_check_insert;
DROP TRIGGER media_check_update;
ALTER TABLE media ADD COLUMN infohash_ok INTEGER GENERATED ALWAYS AS (",
        infohash_ok!("infohash"),
        ") VIRTUAL CONSTRAINT media_infohash_form CHECK (infohash_ok);
"
    ),
];

/// The rows already in a database that migration 8's triggers would refuse: `(table, id,
/// column, value)`, by table, column and id, the first few of them, with how many there are
/// in all (every row repeats the count).
pub const BAD_ROWS_8: &str = concat!(
    "SELECT t, id, col, val, count(*) OVER () FROM (",
    "SELECT 'profiles' AS t, id, 'slug' AS col, slug AS val FROM profiles WHERE NOT coalesce(",
    slug_ok!("slug"),
    ", 0)",
    " UNION ALL SELECT 'profiles', id, 'color', color FROM profiles WHERE NOT coalesce(",
    color_ok!("color"),
    ", 0)",
    " UNION ALL SELECT 'media', id, 'infohash', infohash FROM media WHERE NOT coalesce(",
    infohash_ok!("infohash"),
    ", 0)",
    ") ORDER BY t, col, id LIMIT 5"
);

/// The schema version this roster writes.
pub const CURRENT: i64 = MIGRATIONS.len() as i64;
