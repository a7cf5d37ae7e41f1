//! The clap definitions: every command, flag and help text. No behaviour lives here.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::output::Format;

const ABOUT: &str =
    "Administer users, profiles, memberships, invitations and media in one SQLite file";

const EXAMPLES: &str = "\
Examples:
  roster init                                   create ./roster.db
  roster user create --email ann@example.com --name Ann
  roster profile create --name 'The Smiths'     slug: the-smiths
  roster --json profile list                    machine-readable output

Environment: ROSTER_DB, ROSTER_AS, ROSTER_BUSY_TIMEOUT_MS, NO_COLOR (see the README).";

#[derive(Debug, Parser)]
#[command(name = "roster", version, about = ABOUT, after_help = EXAMPLES, max_term_width = 100)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// The database file
    #[arg(
        long,
        global = true,
        env = "ROSTER_DB",
        default_value = "roster.db",
        value_name = "PATH"
    )]
    pub db: PathBuf,
    /// Act as this user (id, email or username) under the rules; default: the operator
    #[arg(long = "as", global = true, env = "ROSTER_AS", value_name = "USER")]
    pub as_user: Option<String>,
    /// Output format [default: table on a terminal, json otherwise]
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
    /// Same as --format json
    #[arg(long, global = true, conflicts_with = "format")]
    pub json: bool,
    /// Answer yes to confirmations (needed for destructive commands without a terminal)
    #[arg(long, short = 'y', global = true)]
    pub yes: bool,
    /// Never prompt; a missing value is an error
    #[arg(long, global = true)]
    pub no_input: bool,
    /// No confirmations, notes or hints on success (data asked for still prints)
    #[arg(long, short = 'q', global = true)]
    pub quiet: bool,
    /// More detail on stderr
    #[arg(long, short = 'v', global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// When to use colours; give it before the command (NO_COLOR turns them off in auto)
    #[arg(long, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create or migrate the database, with onboarding on a terminal
    #[command(
        after_help = "On a terminal, a database without users starts the onboarding: the first admin\n\
        account, then the first profile (optional). --no-input, or no terminal, skips it.\n\n\
        Examples:\n  roster init\n  roster --db /srv/roster/roster.db --no-input init\n  \
        roster init --audit-key /etc/roster/audit.key   then set ROSTER_AUDIT_KEY_FILE to it"
    )]
    Init(InitArgs),
    /// Users: people who can sign in
    #[command(
        subcommand,
        after_help = "Examples:\n  roster user create --email ann@example.com --name 'Ann Smith'\n  \
        roster user list"
    )]
    User(UserCmd),
    /// Profiles: isolated groups, each with its own media library
    #[command(
        subcommand,
        after_help = "Examples:\n  roster profile create --name 'The Smiths'\n  roster profile list"
    )]
    Profile(ProfileCmd),
    /// Memberships: who belongs to a profile, with which role
    #[command(
        subcommand,
        after_help = "Examples:\n  roster member add the-smiths bob@example.com\n  \
        roster member list the-smiths"
    )]
    Member(super::member::MemberCmd),
    /// Invitations by email to join a profile
    #[command(
        subcommand,
        after_help = "Examples:\n  roster invite send the-smiths dan@example.com\n  \
        roster invite list --status pending"
    )]
    Invite(super::invite::InviteCmd),
    /// Media: each profile's library of movies, shows and episodes
    #[command(
        subcommand,
        after_help = "Examples:\n  roster media add the-smiths --type movie --title 'Arrival' --year 2016\n  \
            roster media list the-smiths --search arr"
    )]
    Media(super::media::MediaCmd),
    /// Load seed files: events applied atomically and idempotently
    Seed(super::seed::SeedArgs),
    /// Write the whole database as a seed document
    Export(super::seed::ExportArgs),
    /// The audit log of every change, and its verification
    Audit(AuditArgs),
    /// Check integrity, the audit chain and the invariants; suggest fixes
    #[command(after_help = "Examples:\n  roster doctor\n  \
        roster --json doctor | jq -r '.findings[].fix'   (the suggested fixes, one per line)")]
    Doctor,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(super::completions::CompletionsArgs),
}

// ---------------------------------------------------------------- users

#[derive(Debug, Subcommand)]
pub enum UserCmd {
    /// Create a user (the first user ever created becomes a global admin)
    #[command(
        after_help = "On a terminal, a missing email or name is asked for, then a password (hidden, typed\n\
        twice; an empty answer leaves the user without one).\n\n\
        Examples:\n  roster user create --email ann@example.com --name 'Ann Smith'\n  \
        printf '%s\\n' \"$PW\" | roster user create --email bob@example.com --name Bob --password-stdin --if-not-exists"
    )]
    Create(UserCreate),
    /// List users (a non-admin user sees only themself)
    #[command(
        after_help = "Examples:\n  roster user list\n  roster user list --format csv > users.csv"
    )]
    List,
    /// Show one user
    #[command(
        after_help = "Examples:\n  roster user show ann@example.com\n  roster --json user show ann"
    )]
    Show {
        /// Id, email or username
        user: String,
    },
    /// Change a user's name, image, tags or metadata (identity fields: global admins only)
    #[command(
        after_help = "Examples:\n  roster user update ann@example.com --name 'Ann B. Smith'\n  \
        roster --as ann user update ann --tag beta --metadata '{\"theme\":\"dark\"}'"
    )]
    Update(UserUpdate),
    /// Set a user's password (read from stdin; never from the command line)
    #[command(
        after_help = "Examples:\n  printf '%s\\n' \"$NEW\" | roster user passwd ann --password-stdin\n  \
        printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | roster --as ann user passwd ann --password-stdin   (yourself: current, then new)"
    )]
    Passwd {
        /// Id, email or username
        user: String,
        /// Read the password from the first line of stdin (yourself: current, then new, on two lines)
        #[arg(long)]
        password_stdin: bool,
    },
    /// Add global roles to a user (global admins only, never yourself)
    #[command(
        after_help = "Examples:\n  roster user grant bob@example.com admin\n  roster user grant bob support billing"
    )]
    Grant {
        /// Id, email or username
        user: String,
        /// Roles to add (lower-case words such as admin)
        #[arg(required = true, num_args = 1..)]
        roles: Vec<String>,
    },
    /// Remove global roles from a user (global admins only, never yourself)
    #[command(after_help = "Examples:\n  roster user revoke bob@example.com admin")]
    Revoke {
        /// Id, email or username
        user: String,
        /// Roles to remove
        #[arg(required = true, num_args = 1..)]
        roles: Vec<String>,
    },
    /// Disable a user: they can no longer act or accept invitations
    #[command(after_help = "Examples:\n  roster user disable bob@example.com")]
    Disable {
        /// Id, email or username
        user: String,
    },
    /// Enable a disabled user
    #[command(after_help = "Examples:\n  roster user enable bob@example.com")]
    Enable {
        /// Id, email or username
        user: String,
    },
    /// Delete a user and their memberships (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster user delete bob@example.com\n  roster --yes user delete bob"
    )]
    Delete {
        /// Id, email or username
        user: String,
    },
}

#[derive(Debug, Args)]
pub struct UserCreate {
    /// Email address (stored lower-case)
    #[arg(long)]
    pub email: Option<String>,
    /// Display name
    #[arg(long)]
    pub name: Option<String>,
    /// Username (2-32 of letters, digits, '.', '_', '-')
    #[arg(long)]
    pub username: Option<String>,
    /// Phone number in E.164 form, such as +14155550123
    #[arg(long)]
    pub phone: Option<String>,
    /// A global role; repeat for several
    #[arg(long = "role", value_name = "ROLE")]
    pub roles: Vec<String>,
    /// Avatar URL
    #[arg(long)]
    pub image: Option<String>,
    /// User type [default: person]
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// A tag; repeat for several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Metadata as a JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// Read the password from the first line of stdin
    #[arg(long)]
    pub password_stdin: bool,
    /// An explicit id ([A-Za-z0-9._-], at most 64)
    #[arg(long)]
    pub id: Option<String>,
    /// Succeed without change when the user already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct UserUpdate {
    /// Id, email or username
    pub user: String,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New avatar URL ('' removes it)
    #[arg(long)]
    pub image: Option<String>,
    /// Replace the tags; repeat for several
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// Remove every tag
    #[arg(long, conflicts_with = "tags")]
    pub clear_tags: bool,
    /// Replace the metadata with this JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// New email (global admins only; '' removes it)
    #[arg(long)]
    pub email: Option<String>,
    /// New username (global admins only; '' removes it)
    #[arg(long)]
    pub username: Option<String>,
    /// New phone (global admins only; '' removes it)
    #[arg(long)]
    pub phone: Option<String>,
    /// New user type (global admins only)
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
}

// ---------------------------------------------------------------- profiles

#[derive(Debug, Subcommand)]
pub enum ProfileCmd {
    /// Create a profile (global admins; a user who creates becomes its owner)
    #[command(
        after_help = "On a terminal, a missing name is asked for, then the slug (Enter keeps the derived one).\n\n\
        Examples:\n  roster profile create --name 'The Smiths'\n  \
        roster profile create --name Office --slug office --color '#0a0' --member-limit 25 --if-not-exists"
    )]
    Create(ProfileCreate),
    /// List profiles with their member counts (and `access` for a user)
    #[command(
        after_help = "Examples:\n  roster profile list\n  roster --as ann --json profile list"
    )]
    List,
    /// Show one profile
    #[command(after_help = "Examples:\n  roster profile show the-smiths")]
    Show {
        /// Slug or id
        profile: String,
    },
    /// Change a profile (its owners and admins, global admins)
    #[command(
        after_help = "Examples:\n  roster profile update the-smiths --name 'Smith family' --color '#f60'\n  \
        roster profile update office --member-limit 50"
    )]
    Update(ProfileUpdate),
    /// Delete a profile with its members, invitations and media (asks first; --yes skips)
    #[command(
        after_help = "Examples:\n  roster profile delete office\n  roster --yes profile delete office"
    )]
    Delete {
        /// Slug or id
        profile: String,
    },
}

#[derive(Debug, Args)]
pub struct ProfileCreate {
    /// Display name
    #[arg(long)]
    pub name: Option<String>,
    /// URL name [default: derived from the name]
    #[arg(long)]
    pub slug: Option<String>,
    /// Logo URL
    #[arg(long)]
    pub logo: Option<String>,
    /// Colour, #RRGGBB or #RGB [default: #6366F1]
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// Most members allowed [default: 100]
    #[arg(long, value_name = "N")]
    pub member_limit: Option<i64>,
    /// Metadata as a JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
    /// An explicit id ([A-Za-z0-9._-], at most 64)
    #[arg(long)]
    pub id: Option<String>,
    /// Succeed without change when the profile already exists
    #[arg(long)]
    pub if_not_exists: bool,
}

#[derive(Debug, Args)]
pub struct ProfileUpdate {
    /// Slug or id
    pub profile: String,
    /// New display name
    #[arg(long)]
    pub name: Option<String>,
    /// New slug
    #[arg(long)]
    pub slug: Option<String>,
    /// New logo URL ('' removes it)
    #[arg(long)]
    pub logo: Option<String>,
    /// New colour
    #[arg(long, value_name = "HEX")]
    pub color: Option<String>,
    /// New member limit
    #[arg(long, value_name = "N")]
    pub member_limit: Option<i64>,
    /// Replace the metadata with this JSON object
    #[arg(long, value_name = "JSON")]
    pub metadata: Option<String>,
}

// ---------------------------------------------------------------- init

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Also create a new audit key here: 32 random bytes, mode 0600; never overwrites a file
    #[arg(long, value_name = "FILE")]
    pub audit_key: Option<PathBuf>,
}

// ---------------------------------------------------------------- audit

#[derive(Debug, Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  roster audit --event user-create --limit 20\n  \
        roster audit --actor ann@example.com --since 24h\n  roster audit verify\n  \
        roster audit anchor >> /mnt/elsewhere/roster-anchors"
)]
pub struct AuditArgs {
    #[command(subcommand)]
    pub command: Option<AuditCmd>,
    /// Only changes by this actor: operator:NAME, user:ID, or a user's email or username
    #[arg(long)]
    pub actor: Option<String>,
    /// Only this event, such as user-create
    #[arg(long)]
    pub event: Option<String>,
    /// Only changes at or after this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)
    #[arg(long, value_name = "TIME")]
    pub since: Option<String>,
    /// Only the most recent N rows
    #[arg(long, value_name = "N")]
    pub limit: Option<u32>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// Check the hash chain: exits 1 and names the first bad row if any row was altered or removed
    #[command(
        after_help = "Keyed rows are checked with the key of ROSTER_AUDIT_KEY_FILE.\n\n\
        Examples:\n  roster audit verify\n  roster audit verify --anchor \"$(tail -1 /mnt/elsewhere/roster-anchors)\""
    )]
    Verify(VerifyArgs),
    /// Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`
    #[command(after_help = "Examples:\n  roster audit anchor\n  \
        roster audit anchor >> /mnt/elsewhere/roster-anchors")]
    Anchor,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Also fail when row SEQ is gone or its hash is not HASH (an anchor kept elsewhere)
    #[arg(long, value_name = "SEQ:HASH")]
    pub anchor: Option<String>,
}
