//! The narrow interface every backend implements: one pair of traits per record family,
//! reads and writes, which the actions reach through [`super::Tx`]. Every method is one
//! query or one statement; rules, permissions and the audit chain's arithmetic live above
//! (in `actions` and `audit_chain`), so that each backend holds only its SQL.

use std::collections::HashMap;

use super::{
    AuditFilter, AuditHead, HeadQuery, LabelKind, LapsedInvitation, MediaKey, MediaPlace,
    MediaQuery, MemberQuery, MisplacedMedia, OverfullProfile, OwnerlessProfile, ProfileContents,
    SearchPlan, SessionQuery, UserQuery,
};
use crate::error::Result;
use crate::model::{
    AuditEntry, Invitation, InviteStatus, MailStatus, Media, Member, OutboxMessage, Profile,
    ProfileRef, Role, RoleDef, Scope, Session, User,
};

/// Reads of users.
pub trait UserReads {
    fn user_by_id(&self, id: &str) -> Result<Option<User>>;

    /// `email` must already be lower-case.
    fn user_by_email(&self, email: &str) -> Result<Option<User>>;

    /// Usernames compare without regard to ASCII case.
    fn user_by_username(&self, username: &str) -> Result<Option<User>>;

    fn user_by_phone(&self, phone: &str) -> Result<Option<User>>;

    /// True when no user exists yet (the next one becomes a global admin).
    fn no_users(&self) -> Result<bool>;

    /// The users `q` asks for, oldest first (`created_at`, then id), from the index
    /// `users_by_created` whatever the page's depth.
    fn user_page(&self, q: &UserQuery<'_>) -> Result<Vec<User>>;

    /// Users holding the global role `admin`, oldest first (for `roster doctor`).
    fn user_global_admins(&self) -> Result<Vec<User>>;

    /// All emails and usernames, for "did you mean" suggestions.
    fn user_handles(&self) -> Result<Vec<String>>;
}

/// Writes of users.
pub trait UserWrites: UserReads {
    fn user_insert(&self, u: &User) -> Result<()>;

    /// Writes every column but `id` and `created_at`.
    fn user_update(&self, u: &User) -> Result<()>;

    /// Deletes a user; memberships cascade, invitations and media keep the row with the
    /// inviter or adder set to null.
    fn user_delete(&self, id: &str) -> Result<()>;
}

/// Reads of profiles.
pub trait ProfileReads {
    fn profile_by_id(&self, id: &str) -> Result<Option<Profile>>;

    fn profile_by_slug(&self, slug: &str) -> Result<Option<Profile>>;

    /// A profile's id and slug, by slug, without loading or counting anything else: for the hot
    /// paths (media) that only need its id and slug.
    fn profile_ref_by_slug(&self, slug: &str) -> Result<Option<ProfileRef>>;

    /// [`ProfileReads::profile_ref_by_slug`] by id.
    fn profile_ref_by_id(&self, id: &str) -> Result<Option<ProfileRef>>;

    /// Every profile, by slug.
    fn profile_list(&self) -> Result<Vec<Profile>>;

    fn profile_slugs(&self) -> Result<Vec<String>>;

    fn profile_contents(&self, id: &str) -> Result<ProfileContents>;
}

/// Writes of profiles.
pub trait ProfileWrites: ProfileReads {
    fn profile_insert(&self, p: &Profile) -> Result<()>;

    fn profile_update(&self, p: &Profile) -> Result<()>;

    /// Deletes a profile; its members, invitations and media cascade.
    fn profile_delete(&self, id: &str) -> Result<()>;
}

/// Reads of members.
pub trait MemberReads {
    fn member_get(&self, profile_id: &str, user_id: &str) -> Result<Option<Member>>;

    /// [`MemberReads::member_get`] of a profile (id and slug) and a user the caller has
    /// read in this transaction: a backend may read the membership's own row alone and
    /// label it with the slug and the user's email, username and name, the very values
    /// the join would give.
    fn member_of(&self, profile_id: &str, _slug: &str, user: &User) -> Result<Option<Member>> {
        self.member_get(profile_id, &user.id)
    }

    /// The actor's role in a profile, if a member: the hot path of every permission check.
    fn member_role(&self, profile_id: &str, user_id: &str) -> Result<Option<Role>>;

    /// Members of a profile in list order: owners first, then admins, then members, each
    /// by join time (`created_at`), then id.
    fn member_list(&self, profile_id: &str) -> Result<Vec<Member>>;

    /// One page of a profile's members in list order (that of [`MemberReads::member_list`]),
    /// from an index whatever the page's depth.
    fn member_page(&self, q: &MemberQuery<'_>) -> Result<Vec<Member>>;

    fn member_count(&self, profile_id: &str) -> Result<i64>;

    fn owner_count(&self, profile_id: &str) -> Result<i64>;

    /// Slugs of the profiles where this user is the only owner.
    fn profiles_solely_owned_by(&self, user_id: &str) -> Result<Vec<String>>;

    /// Every profile the user belongs to, with the role held there.
    fn memberships_of(&self, user_id: &str) -> Result<HashMap<String, Role>>;

    /// Every membership of a user, by the profile's slug (`user show`).
    fn member_of_user(&self, user_id: &str) -> Result<Vec<Member>>;
}

/// Writes of members.
pub trait MemberWrites: MemberReads {
    fn member_insert(&self, m: &Member) -> Result<()>;

    fn member_set_role(&self, id: &str, role: &Role, updated_at: &str) -> Result<()>;

    fn member_delete(&self, id: &str) -> Result<()>;
}

/// Reads of invitations.
pub trait InviteReads {
    fn invite_by_id(&self, id: &str) -> Result<Option<Invitation>>;

    /// Invitations whose id starts with `prefix` (the characters of an id:
    /// `[A-Za-z0-9._-]`, which the caller checks), by id, at most `limit`: a range of the
    /// primary key, since every such character sorts below '~'.
    fn invites_by_prefix(&self, prefix: &str, limit: i64) -> Result<Vec<Invitation>>;

    /// The stored-pending invitation of an email to a profile (it may have lapsed).
    fn invite_pending(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>>;

    /// The most recent invitation of an email to a profile, in any status.
    fn invite_latest(&self, profile_id: &str, email: &str) -> Result<Option<Invitation>>;

    /// Invitations, newest first, optionally of one profile and one effective status.
    fn invite_list(
        &self,
        profile_id: Option<&str>,
        status: Option<InviteStatus>,
        now: &str,
    ) -> Result<Vec<Invitation>>;

    /// Ids of pending invitations whose expiry has passed.
    fn invite_lapsed(&self, now: &str) -> Result<Vec<String>>;

    /// How many invitations of a profile are pending and unexpired at `now`: what its
    /// `invitation_limit` bounds.
    fn invite_pending_count(&self, profile_id: &str, now: &str) -> Result<i64>;

    /// Pending, unexpired invitations sent to people who are already members (doctor).
    fn invite_to_members(&self, now: &str) -> Result<Vec<Invitation>>;
}

/// Writes of invitations.
pub trait InviteWrites: InviteReads {
    fn invite_insert(&self, i: &Invitation) -> Result<()>;

    /// Writes the mutable fields: role, status, expiry.
    fn invite_update(&self, i: &Invitation) -> Result<()>;
}

/// Reads of the outbox (README "Mail").
pub trait OutboxReads {
    fn outbox_by_id(&self, id: &str) -> Result<Option<OutboxMessage>>;

    /// Messages by creation (`created_at`, then id), only those in `status` when given.
    fn outbox_list(&self, status: Option<MailStatus>) -> Result<Vec<OutboxMessage>>;

    /// Ids of the messages a deliverer may take at `now`, oldest first, at most `limit`:
    /// queued ones that are due (`next_attempt_at` at or before `now`) — with `all`, every
    /// queued or failed one — that no deliverer holds (`claimed_until` null or passed).
    fn outbox_due(&self, now: &str, all: bool, limit: i64) -> Result<Vec<String>>;

    /// Queued messages, counted, whose next attempt is after `now` (not due yet).
    fn outbox_waiting(&self, now: &str) -> Result<i64>;

    /// Messages still queued that were created at or before `before` (`roster doctor`).
    fn outbox_queued_since(&self, before: &str) -> Result<Vec<OutboxMessage>>;

    /// Every message, by id (for `roster copy`).
    fn outbox_each(&self, visit: &mut dyn FnMut(OutboxMessage) -> Result<()>) -> Result<()>;
}

/// Writes of the outbox.
pub trait OutboxWrites: OutboxReads {
    fn outbox_insert(&self, m: &OutboxMessage) -> Result<()>;

    /// Takes an unsent message that no deliverer holds at `now`: holds it until `until`
    /// and counts one more attempt. False when it is sent, gone, or held by another.
    fn outbox_claim(&self, id: &str, now: &str, until: &str) -> Result<bool>;

    /// Writes what an attempt came to: status, attempts, last error, next attempt, sent
    /// time, and releases the hold. False when the message is gone (its invitation was
    /// canceled meanwhile).
    fn outbox_record(&self, m: &OutboxMessage) -> Result<bool>;

    /// Deletes the messages of an invitation that were not sent; how many.
    fn outbox_drop_unsent(&self, invitation_id: &str) -> Result<usize>;
}

/// Reads of media items.
pub trait MediaReads {
    fn media_by_id(&self, id: &str) -> Result<Option<Media>>;

    /// The item of this profile holding an infohash (stored lower-case).
    fn media_by_infohash(&self, profile_id: &str, infohash: &str) -> Result<Option<Media>>;

    /// The item of this profile with this natural key, other than `except_id` (the first
    /// by id if several).
    fn media_find(
        &self,
        profile_id: &str,
        key: &MediaKey<'_>,
        except_id: &str,
    ) -> Result<Option<Media>>;

    /// How many items name this one as their parent, and how many of those were not added
    /// by `user_id` (all of them when `user_id` is None).
    fn media_children(&self, parent_id: &str, user_id: Option<&str>) -> Result<(i64, i64)>;

    /// Below this many trigram-index candidates a search uses the index: about √N for N
    /// items in the database (estimated by the largest rowid, an O(log N) lookup), within
    /// [`SEARCH_CAP_MIN`]..=[`SEARCH_CAP_MAX`].
    fn media_search_cap(&self) -> Result<i64>;

    /// Which plan answers a search for `term` (see the module documentation).
    fn media_search_plan(&self, term: &str) -> Result<SearchPlan>;

    /// One page of a profile's items in natural order ([`MediaPlace`]), each with its place,
    /// by one query that sorts every match: for searches the title index answers (few
    /// matches). `media list` walks [`MediaReads::media_heads`] and
    /// [`MediaReads::media_episodes`] otherwise.
    fn media_page(&self, q: &MediaQuery<'_>) -> Result<Vec<(Media, MediaPlace)>>;

    /// The items that head a group of `media list` (no parent: movies, shows, episodes of
    /// no show) in (title ignoring ASCII case, id) order after `q.after`, along the title
    /// index; each with whether its title contains `q.search` (true without one) and, when
    /// `q.episodes`, whether it is a show with episodes (matching `q.search`) to list.
    fn media_heads(&self, q: &HeadQuery<'_>) -> Result<Vec<(Media, bool, bool)>>;

    /// The (title, id) of the `size`th item of the profile after `after`, in (title
    /// ignoring ASCII case, id) order, counting every item (episodes too); None when fewer
    /// are left. A walk with a search reads its heads one such window at a time.
    fn media_window_end(
        &self,
        profile_id: &str,
        after: (&str, &str),
        size: i64,
    ) -> Result<Option<(String, String)>>;

    /// The page of a search (`q.search`) as the title index answers it, when the index has
    /// fewer than `candidates` candidates for the term: they are then looked up, filtered
    /// and sorted by one query. None when it has more, or cannot look the term up (shorter
    /// than three characters, no index): `media list` walks instead. Asking costs at most
    /// `candidates` steps of the index, and its answer is the page.
    fn media_index_page(
        &self,
        q: &MediaQuery<'_>,
        candidates: i64,
    ) -> Result<Option<Vec<(Media, MediaPlace)>>>;

    /// The episodes of the show `parent_id` of the profile `profile_id` in natural order
    /// (season, none first; number; id) after `after`, only those whose title contains
    /// `search` when given. The profile is asked for too: `parent_id` may come from a
    /// cursor, which anyone can write, naming a show of another profile.
    fn media_episodes(
        &self,
        profile_id: &str,
        parent_id: &str,
        search: Option<&str>,
        after: (i64, i64, &str),
        limit: i64,
    ) -> Result<Vec<Media>>;

    /// Every media item with its profile's slug, for export: movies, then shows, then
    /// episodes (a show before its episodes), each kind by id. One pass per kind walks
    /// the primary-key index, so nothing is sorted in memory.
    fn media_each(&self, visit: &mut dyn FnMut(Media, &str) -> Result<()>) -> Result<()>;
}

/// Writes of media items.
pub trait MediaWrites: MediaReads {
    fn media_insert(&self, m: &Media) -> Result<()>;

    /// Writes an item's descriptive fields (not its id, profile, type or who added it).
    fn media_update(&self, m: &Media) -> Result<()>;

    /// Deletes an item; a show's episodes cascade.
    fn media_delete(&self, id: &str) -> Result<()>;
}

/// Reads of the audit log.
pub trait AuditReads {
    /// The last row (`None` for an empty log), cached after the first read or insert of
    /// this transaction.
    fn audit_head(&mut self) -> Result<Option<&AuditHead>>;

    /// The first keyed row, if any (a full scan: only for messages).
    fn audit_first_keyed(&self) -> Result<Option<i64>>;

    fn audit_list(&self, f: &AuditFilter) -> Result<Vec<AuditEntry>>;
    /// The labels of these records of one kind, in one query: (id, label) of those that
    /// still exist (see [`LabelKind`]).
    fn audit_labels(&self, kind: LabelKind, ids: &[String]) -> Result<Vec<(String, String)>>;

    /// Visits every audit row in order, without loading them all.
    fn audit_each(&self, visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>) -> Result<()>;

    /// Visits the rows of these events in order, without loading them all.
    fn audit_each_of_events(
        &self,
        events: &[&str],
        visit: &mut dyn FnMut(&AuditEntry) -> Result<bool>,
    ) -> Result<()>;

    /// The highest sequence number ever handed out (from `sqlite_sequence`), which still
    /// counts rows that were deleted from the end of the log.
    fn audit_high_water(&self) -> Result<i64>;

    fn audit_count(&self) -> Result<i64>;
}

/// Writes of the audit log.
pub trait AuditWrites: AuditReads {
    /// Inserts one row as given (the chain is computed by the caller); it becomes the head.
    fn audit_insert(&mut self, e: AuditEntry) -> Result<()>;
}

/// Reads of `roster doctor`'s checks.
pub trait CheckReads {
    /// The engine's own checks, for `roster doctor`: on SQLite `integrity_check` then
    /// `foreign_key_check`; on PostgreSQL missing objects, invalid indexes, constraints not
    /// validated, disabled triggers, then rows referring to nothing. Lines starting
    /// `foreign_key_check: ` are orphan rows; the others damage.
    fn integrity_problems(&self) -> Result<Vec<String>>;

    /// What damage found by [`CheckReads::integrity_problems`] is about, and its fix, in
    /// this engine's words.
    fn integrity_remedy(&self) -> (&'static str, &'static str);

    /// Things `roster doctor` says without counting them as problems (PostgreSQL without
    /// `pg_trgm`: title search scans).
    fn doctor_notes(&self) -> Result<Vec<String>>;

    /// Profiles without an owner, by slug, with their member count.
    fn doctor_ownerless_profiles(&self) -> Result<Vec<OwnerlessProfile>>;

    /// Profiles holding more members than their limit, by slug.
    fn doctor_overfull_profiles(&self) -> Result<Vec<OverfullProfile>>;

    /// Invitations still stored as pending although `expires_at` is at or before `now`.
    fn doctor_lapsed_invitations(&self, now: &str) -> Result<Vec<LapsedInvitation>>;

    /// Media items whose parent lives in another profile or is not a show.
    fn doctor_misplaced_media(&self) -> Result<Vec<MisplacedMedia>>;

    /// How far the title search index is out of step with `media`: items it does not
    /// index (a program inserted rows without indexing them) and entries for rows that
    /// are gone. Read-only: compares rowids with the index's per-document table.
    fn doctor_search_index(&self) -> Result<(i64, i64)>;
}

/// Reads of whole tables, for `roster export`.
pub trait ExportReads: ProfileReads + MemberReads {
    /// Every user, by id.
    fn users_each(&self, visit: &mut dyn FnMut(User) -> Result<()>) -> Result<()>;

    /// Every profile, by id (the same on every backend: from the profile list).
    fn profiles_each(&self, visit: &mut dyn FnMut(Profile) -> Result<()>) -> Result<()> {
        let mut profiles = self.profile_list()?;
        profiles.sort_by(|a, b| a.id.cmp(&b.id));
        for p in profiles {
            visit(p)?;
        }
        Ok(())
    }

    /// Every membership, by profile slug and then user id (the same on every backend).
    fn members_each(&self, visit: &mut dyn FnMut(Member) -> Result<()>) -> Result<()> {
        let mut profiles = self.profile_list()?;
        profiles.sort_by(|a, b| a.slug.cmp(&b.slug));
        for p in profiles {
            let mut members = self.member_list(&p.id)?;
            members.sort_by(|a, b| a.user_id.cmp(&b.user_id));
            for m in members {
                visit(m)?;
            }
        }
        Ok(())
    }

    /// Every invitation, by id.
    fn invitations_each(&self, visit: &mut dyn FnMut(Invitation) -> Result<()>) -> Result<()>;
}

/// Reads of role definitions.
pub trait RoleReads {
    fn role_get(&self, scope: Scope, name: &str) -> Result<Option<RoleDef>>;

    /// Every role: built-ins first (global admin; owner, admin, member), then custom ones
    /// by scope and name.
    fn role_list(&self) -> Result<Vec<RoleDef>>;

    /// How many hold a role: users (global), or members and pending invitations (profile).
    fn role_holders(&self, scope: Scope, name: &str) -> Result<i64>;
}

/// Writes of role definitions. Built-in rows are never changed.
pub trait RoleWrites: RoleReads {
    fn role_insert(&self, r: &RoleDef) -> Result<()>;

    /// Writes `permissions`, `description` and `updated_at`.
    fn role_update(&self, r: &RoleDef) -> Result<()>;

    fn role_delete(&self, scope: Scope, name: &str) -> Result<()>;
}

/// Reads of sessions. No method returns a token hash.
pub trait SessionReads {
    fn session_by_id(&self, id: &str) -> Result<Option<Session>>;

    /// Sessions whose id starts with `prefix` (lower-case hex and '-'), only `user_id`'s
    /// when given, by id, at most `limit`.
    fn sessions_by_prefix(
        &self,
        prefix: &str,
        user_id: Option<&str>,
        limit: i64,
    ) -> Result<Vec<Session>>;

    fn session_by_token_hash(&self, hash: &str) -> Result<Option<Session>>;

    /// Sessions by start time: of one user, with one active profile, live ones only
    /// unless `all`.
    fn session_list(&self, q: &SessionQuery<'_>) -> Result<Vec<Session>>;

    /// Live sessions of disabled users (`roster doctor`: there should be none).
    fn sessions_of_disabled(&self, now: &str) -> Result<Vec<Session>>;

    /// Sessions whose active profile the user is not a member of, the user not being a
    /// global admin (`roster doctor`).
    fn sessions_outside_profile(&self) -> Result<Vec<Session>>;
}

/// Writes of sessions.
pub trait SessionWrites: SessionReads {
    fn session_insert(&self, s: &Session, token_hash: &str) -> Result<()>;

    fn session_set_profile(&self, id: &str, profile_id: Option<&str>) -> Result<()>;

    fn session_revoke(&self, id: &str, at: &str) -> Result<()>;

    /// Revokes every live session of a user; their ids.
    fn sessions_revoke_user(&self, user_id: &str, at: &str) -> Result<Vec<String>>;

    /// Clears `profile_id` as the active profile of the user's sessions; how many.
    fn sessions_clear_profile(&self, user_id: &str, profile_id: &str) -> Result<usize>;

    /// Makes `profile_id` the active profile of the user's live sessions that have none,
    /// when it is the user's only membership.
    fn sessions_adopt_profile(&self, user_id: &str, profile_id: &str, now: &str) -> Result<usize>;

    /// Deletes sessions expired, or revoked, before `before`; how many.
    fn sessions_prune(&self, before: &str) -> Result<usize>;
}

/// Reads of `roster copy`, which moves every row as it is stored.
pub trait CopyReads {
    /// Every session by id, with its token hash (the only read that returns one: a copy
    /// must keep sessions signed in).
    fn sessions_each_with_hash(
        &self,
        visit: &mut dyn FnMut(Session, String) -> Result<()>,
    ) -> Result<()>;

    /// How many rows each of roster's tables holds, in [`COPIED_TABLES`] order (roles:
    /// custom ones only, since every database has the built-ins).
    fn table_counts(&self) -> Result<Vec<(&'static str, i64)>>;
}

/// Writes of `roster copy`.
pub trait CopyWrites {
    /// Writes every row `src` holds — custom roles, users, profiles, members,
    /// invitations, the outbox, media, sessions with their token hashes, the audit log as it is —
    /// into this database, which must hold none of them. One backend inserts row by row,
    /// another streams each table (PostgreSQL's COPY); the rows are the same.
    fn load_from(&mut self, src: &dyn ReadTx) -> Result<()>;
}

/// The tables `roster copy` moves, in the order it writes them.
pub const COPIED_TABLES: &[&str] = &[
    "roles",
    "users",
    "profiles",
    "members",
    "invitations",
    "outbox",
    "media",
    "sessions",
    "audit",
];

/// Everything a read transaction offers: every family's reads.
pub trait ReadTx:
    UserReads
    + ProfileReads
    + MemberReads
    + InviteReads
    + OutboxReads
    + MediaReads
    + RoleReads
    + SessionReads
    + AuditReads
    + CheckReads
    + ExportReads
    + CopyReads
{
}
impl<
    T: UserReads
        + ProfileReads
        + MemberReads
        + InviteReads
        + OutboxReads
        + MediaReads
        + RoleReads
        + SessionReads
        + AuditReads
        + CheckReads
        + ExportReads
        + CopyReads,
> ReadTx for T
{
}

/// Everything a write transaction offers: every read, and every family's writes.
pub trait WriteTx:
    ReadTx
    + UserWrites
    + ProfileWrites
    + MemberWrites
    + InviteWrites
    + OutboxWrites
    + MediaWrites
    + RoleWrites
    + SessionWrites
    + AuditWrites
    + CopyWrites
{
}
impl<
    T: ReadTx
        + UserWrites
        + ProfileWrites
        + MemberWrites
        + InviteWrites
        + OutboxWrites
        + MediaWrites
        + RoleWrites
        + SessionWrites
        + AuditWrites
        + CopyWrites,
> WriteTx for T
{
}
