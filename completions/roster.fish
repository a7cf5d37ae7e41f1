# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_roster_global_optspecs
    string join \n db= as= format= json y/yes no-input q/quiet v/verbose color= h/help V/version
end

function __fish_roster_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_roster_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_roster_using_subcommand
    set -l cmd (__fish_roster_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c roster -n "__fish_roster_needs_command" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_needs_command" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_needs_command" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_needs_command" -l color -d 'When to use colours; give it before the command (NO_COLOR turns them off in auto)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c roster -n "__fish_roster_needs_command" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_needs_command" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_needs_command" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_needs_command" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_needs_command" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_needs_command" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_needs_command" -s V -l version -d 'Print version'
complete -c roster -n "__fish_roster_needs_command" -f -a "init" -d 'Create or migrate the database, with onboarding on a terminal'
complete -c roster -n "__fish_roster_needs_command" -f -a "user" -d 'Users: people who can sign in'
complete -c roster -n "__fish_roster_needs_command" -f -a "profile" -d 'Profiles: isolated groups, each with its own media library'
complete -c roster -n "__fish_roster_needs_command" -f -a "member" -d 'Memberships: who belongs to a profile, with which role'
complete -c roster -n "__fish_roster_needs_command" -f -a "invite" -d 'Invitations by email to join a profile'
complete -c roster -n "__fish_roster_needs_command" -f -a "mail" -d 'The outbox of invitation emails: deliver and list them'
complete -c roster -n "__fish_roster_needs_command" -f -a "media" -d 'Media: each profile\'s library of movies, shows and episodes'
complete -c roster -n "__fish_roster_needs_command" -f -a "role" -d 'Roles: what each role lets its holders do'
complete -c roster -n "__fish_roster_needs_command" -f -a "can" -d 'Explain whether a user may do something, and why: one decision, or --all'
complete -c roster -n "__fish_roster_needs_command" -f -a "login" -d 'Sign a user in with their password: a session, and its token (printed once)'
complete -c roster -n "__fish_roster_needs_command" -f -a "session" -d 'Sessions: signed-in people, their active profile, revocation'
complete -c roster -n "__fish_roster_needs_command" -f -a "whoami" -d 'Who is acting: the operator, or the --as user with their roles and memberships'
complete -c roster -n "__fish_roster_needs_command" -f -a "seed" -d 'Load seed files: events applied atomically and idempotently'
complete -c roster -n "__fish_roster_needs_command" -f -a "export" -d 'Write the whole database as a seed document'
complete -c roster -n "__fish_roster_needs_command" -f -a "copy" -d 'Copy every row (audit log, sessions, secrets) into an empty database of either backend'
complete -c roster -n "__fish_roster_needs_command" -f -a "backup" -d 'A consistent copy of a live SQLite database (SQLite\'s online backup), optionally verified'
complete -c roster -n "__fish_roster_needs_command" -f -a "audit" -d 'The audit log of every change, and its verification'
complete -c roster -n "__fish_roster_needs_command" -f -a "doctor" -d 'Check integrity, the audit chain and the invariants; suggest fixes'
complete -c roster -n "__fish_roster_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c roster -n "__fish_roster_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand init" -l audit-key -d 'Also create a new audit key here: 32 random bytes, mode 0600; never overwrites a file' -r -F
complete -c roster -n "__fish_roster_using_subcommand init" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand init" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand init" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand init" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand init" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand init" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand init" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand init" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand init" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "create" -d 'Create a user (the first user ever created becomes a global admin)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "list" -d 'List users (a non-admin user sees only themself)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "show" -d 'Show one user'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "update" -d 'Change a user\'s name, image, tags or metadata (identity fields: global admins only)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "passwd" -d 'Set a user\'s password (read from stdin; never from the command line)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "grant" -d 'Add global roles to a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "revoke" -d 'Remove global roles from a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "disable" -d 'Disable a user: they can no longer act or accept invitations'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "enable" -d 'Enable a disabled user'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "delete" -d 'Delete a user and their memberships (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "verify" -d 'Mark a user\'s email or phone verified, or not with --undo (global admins, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and not __fish_seen_subcommand_from create list show update passwd grant revoke disable enable delete verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l email -d 'Email address (stored lower-case)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l name -d 'Display name' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l username -d 'Username (2-32 of letters, digits, \'.\', \'_\', \'-\')' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l phone -d 'Phone number in E.164 form, such as +14155550123' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l role -d 'A global role; repeat for several' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l image -d 'Avatar URL' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l type -d 'User type [default: person]' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l tag -d 'A tag; repeat for several' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l metadata -d 'Metadata as a JSON object' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l id -d 'An explicit id ([A-Za-z0-9._-], at most 64)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without change when the user already exists'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l name -d 'New display name' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l image -d 'New avatar URL (\'\' removes it)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l tag -d 'Replace the tags; repeat for several' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l metadata -d 'Replace the metadata with this JSON object' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l email -d 'New email (global admins only; \'\' removes it)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l username -d 'New username (global admins only; \'\' removes it)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l phone -d 'New phone (global admins only; \'\' removes it)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l type -d 'New user type (global admins only)' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l clear-tags -d 'Remove every tag'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l password-stdin -d 'Read the password from the first line of stdin (yourself: current, then new, on two lines)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from passwd" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from grant" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from disable" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from enable" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l email -d 'The email address'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l phone -d 'The phone number'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l undo -d 'Mark it not verified'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a user (the first user ever created becomes a global admin)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "list" -d 'List users (a non-admin user sees only themself)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one user'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a user\'s name, image, tags or metadata (identity fields: global admins only)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "passwd" -d 'Set a user\'s password (read from stdin; never from the command line)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "grant" -d 'Add global roles to a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Remove global roles from a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "disable" -d 'Disable a user: they can no longer act or accept invitations'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "enable" -d 'Enable a disabled user'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a user and their memberships (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Mark a user\'s email or phone verified, or not with --undo (global admins, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand user; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "create" -d 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "list" -d 'List profiles with their member counts (and `access` for a user)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "show" -d 'Show one profile'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "update" -d 'Change a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "transfer" -d 'Hand a profile\'s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "delete" -d 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand profile; and not __fish_seen_subcommand_from create list show update transfer delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l name -d 'Display name' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l slug -d 'URL name [default: derived from the name]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l logo -d 'Logo URL' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l color -d 'Colour, #RRGGBB or #RGB [default: #6366F1]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l member-limit -d 'Most members allowed [default: 100]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l invitation-limit -d 'Most pending invitations at once [default: 100]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l require-verified-email -d 'Invitees must have a verified email to accept (true or false) [default: false]' -r -f -a "true\t''
false\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l metadata -d 'Metadata as a JSON object' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l owner -d 'The owner: email, username or id [default: you, when acting as a user]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l id -d 'An explicit id ([A-Za-z0-9._-], at most 64)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without change when the profile already exists'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l name -d 'New display name' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l slug -d 'New slug' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l logo -d 'New logo URL (\'\' removes it)' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l color -d 'New colour' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l member-limit -d 'New member limit' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l invitation-limit -d 'New limit of pending invitations at once' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l require-verified-email -d 'Invitees must have a verified email to accept: true or false' -r -f -a "true\t''
false\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l metadata -d 'Replace the metadata with this JSON object' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l keep-as -d 'What the previous owner becomes' -r -f -a "admin\t''
member\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l from -d 'Whose ownership moves, when you are not an owner yourself: id, email or username [default: the profile\'s one owner]' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from transfer" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "list" -d 'List profiles with their member counts (and `access` for a user)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one profile'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "transfer" -d 'Hand a profile\'s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand profile; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "add" -d 'Add users to a profile (its owners and admins, global admins), all in one transaction'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "remove" -d 'Remove users from a profile (a member may remove themself); asks first for several'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "leave" -d 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "list" -d 'List a profile\'s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "role" -d 'Change a member\'s role (anything touching `owner` needs an owner or a global admin)'
complete -c roster -n "__fish_roster_using_subcommand member; and not __fish_seen_subcommand_from add remove leave list role help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l role -d 'The role to give: owner, admin, member or a custom profile role' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l if-not-exists -d 'Succeed without change for users who are already members'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from leave" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l limit -d 'Members per page, 1 to 1000 [default: every member; 50 with --after]' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l after -d 'Continue after this cursor (the next_cursor a previous page gave)' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from role" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add users to a profile (its owners and admins, global admins), all in one transaction'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove users from a profile (a member may remove themself); asks first for several'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "leave" -d 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a profile\'s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "role" -d 'Change a member\'s role (anything touching `owner` needs an owner or a global admin)'
complete -c roster -n "__fish_roster_using_subcommand member; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "send" -d 'Invite emails to a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "accept" -d 'Accept an invitation (the invitee only: --as the invited email)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "reject" -d 'Decline an invitation, expired or not (the invitee only)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "cancel" -d 'Withdraw a pending or expired invitation (the profile\'s owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "show" -d 'Show one invitation (its profile\'s managers, global admins, the invitee)'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "list" -d 'List invitations, of one profile or of all you may see'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "prune" -d 'Mark pending invitations past their expiry as expired'
complete -c roster -n "__fish_roster_using_subcommand invite; and not __fish_seen_subcommand_from send accept reject cancel show list prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l csv -d 'Invite every row of this CSV file instead (\'-\' reads standard input): a header row naming email and, if wanted, role and expires_in; all or nothing' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l role -d 'The role the invitee will get: owner, admin, member or a custom profile role (with --csv: for rows that leave it empty)' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l expires-in -d 'How long the invitation stays valid: 90s, 30m, 48h, 7d (with --csv: for rows that leave it empty)' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l id -d 'An explicit invitation id (one email only; default: a random UUID v4)' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l resend -d 'Extend an existing pending invitation (it keeps its role) instead of refusing'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l no-notify -d 'Do not email the invitation, even with ROSTER_SMTP_URL set'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from send" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from accept" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from reject" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from cancel" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l status -d 'Only this effective status' -r -f -a "pending\t''
accepted\t''
rejected\t''
canceled\t''
expired\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "send" -d 'Invite emails to a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "accept" -d 'Accept an invitation (the invitee only: --as the invited email)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "reject" -d 'Decline an invitation, expired or not (the invitee only)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "cancel" -d 'Withdraw a pending or expired invitation (the profile\'s owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one invitation (its profile\'s managers, global admins, the invitee)'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "list" -d 'List invitations, of one profile or of all you may see'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Mark pending invitations past their expiry as expired'
complete -c roster -n "__fish_roster_using_subcommand invite; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -f -a "deliver" -d 'Deliver the queued invitation emails that are due (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -f -a "list" -d 'List the outbox: each invitation email and where it stands (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand mail; and not __fish_seen_subcommand_from deliver list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l all -d 'Every message not sent: queued ones not yet due, and failed ones'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from deliver" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l status -d 'Only messages in this status' -r -f -a "queued\t'Waiting to be delivered (again, after a failed attempt, once it is due)'
sent\t''
failed\t'Every attempt failed: only `mail deliver --all` tries it again'"
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "deliver" -d 'Deliver the queued invitation emails that are due (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the outbox: each invitation email and where it stands (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand mail; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -f -a "add" -d 'Add an item to a profile\'s library (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -f -a "list" -d 'List a profile\'s library in title order, a page at a time (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -f -a "show" -d 'Show one media item (members of its profile, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -f -a "remove" -d 'Remove a media item; a show\'s episodes go with it (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand media; and not __fish_seen_subcommand_from add list show remove help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l type -d 'movie, show or episode' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l title -d 'Title (1 to 500 characters)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l year -d 'Release year' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l tmdb-id -d 'The Movie Database id (a positive number)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l imdb-id -d 'IMDb id, such as tt0133093' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l infohash -d 'BitTorrent infohash: 40 or 64 hex digits (at most once per profile)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l path -d 'Path of the media file' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l parent -d 'Episodes: the id of their show, in the same profile' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l season -d 'Episodes: season number (0 for specials)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l episode -d 'Episodes: episode number (from 1)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l id -d 'An explicit id ([A-Za-z0-9._-], at most 64)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l if-not-exists -d 'Succeed without change when the item already exists'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l type -d 'Only items of this type: movie, show or episode' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l search -d 'Only titles containing this text, ignoring case' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l limit -d 'Items per page, 1 to 1000 [default: 50]' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l after -d 'Continue after this cursor (the next_cursor a previous page gave)' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from remove" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add an item to a profile\'s library (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "list" -d 'List a profile\'s library in title order, a page at a time (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one media item (members of its profile, global admins)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "remove" -d 'Remove a media item; a show\'s episodes go with it (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand media; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "create" -d 'Define a role: the events it grants (needs every permission it carries)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "list" -d 'List every role, built-in and custom, with how many hold it'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "show" -d 'Show a role: its patterns, the events they grant, and how many hold it'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "update" -d 'Change a custom role: grant more (--allow) or less (--deny)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "delete" -d 'Delete a custom role nobody holds (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand role; and not __fish_seen_subcommand_from create list show update delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l scope -d 'global: held by users, applies everywhere; profile: held in a profile' -r -f -a "global\t''
profile\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l allow -d 'Permission patterns it grants (repeat, or separate with commas)' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l description -d 'What the role is for' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l if-not-exists -d 'Succeed without change when the role exists'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l scope -d 'global or profile: needed for admin, which both scopes define' -r -f -a "global\t''
profile\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l scope -d 'global or profile: needed for a name both scopes define' -r -f -a "global\t''
profile\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l allow -d 'Patterns to add (repeat, or separate with commas)' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l deny -d 'Patterns, or events a family glob covers, to take away' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l description -d 'What the role is for (\'\' clears it)' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l scope -d 'global or profile: needed for a name both scopes define' -r -f -a "global\t''
profile\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "create" -d 'Define a role: the events it grants (needs every permission it carries)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "list" -d 'List every role, built-in and custom, with how many hold it'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a role: its patterns, the events they grant, and how many hold it'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a custom role: grant more (--allow) or less (--deny)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a custom role nobody holds (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand role; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand can" -l record -d 'The record acted on: a user (user-* and member-* events), a media item\'s id, an invitation\'s id' -r
complete -c roster -n "__fish_roster_using_subcommand can" -l role -d 'The role granted (member-add, member-role, invite-send, user-grant): no escalation' -r
complete -c roster -n "__fish_roster_using_subcommand can" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand can" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand can" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand can" -l all -d 'Every event, allowed or denied and by what: the user\'s access matrix (in PROFILE, when given)'
complete -c roster -n "__fish_roster_using_subcommand can" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand can" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand can" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand can" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand can" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand can" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand login" -l profile -d 'The session\'s active profile (the user must be a member) [default: their only one]' -r
complete -c roster -n "__fish_roster_using_subcommand login" -l expires-in -d 'How long the session lasts: 12h, 30d, 2w' -r
complete -c roster -n "__fish_roster_using_subcommand login" -l user-agent -d 'Recorded with the session, for the web application\'s own use' -r
complete -c roster -n "__fish_roster_using_subcommand login" -l ip -d 'Recorded with the session, for the web application\'s own use' -r
complete -c roster -n "__fish_roster_using_subcommand login" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand login" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand login" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand login" -l password-stdin -d 'Read the password from the first line of stdin'
complete -c roster -n "__fish_roster_using_subcommand login" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand login" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand login" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand login" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand login" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand login" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "issue" -d 'Start a session for a user without their password (global admins): for scripts and tests'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "list" -d 'List sessions: live ones, or every one with --all (a user sees their own)'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "show" -d 'Show a session: its user, status, active profile, roles, and what it may do there'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "use" -d 'Set a live session\'s active profile, or clear it with --none'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "revoke" -d 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "prune" -d 'Delete sessions that expired or were revoked more than 30 days ago'
complete -c roster -n "__fish_roster_using_subcommand session; and not __fish_seen_subcommand_from issue list show use revoke prune help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l profile -d 'The session\'s active profile (the user must be a member) [default: their only one]' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l expires-in -d 'How long the session lasts: 12h, 30d, 2w' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from issue" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l user -d 'Only this user\'s' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l profile -d 'Only those whose active profile this is' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l all -d 'Expired and revoked ones too'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l none -d 'Clear the active profile'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from use" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l user -d 'Every live session of this user' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from prune" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "issue" -d 'Start a session for a user without their password (global admins): for scripts and tests'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "list" -d 'List sessions: live ones, or every one with --all (a user sees their own)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show a session: its user, status, active profile, roles, and what it may do there'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "use" -d 'Set a live session\'s active profile, or clear it with --none'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "prune" -d 'Delete sessions that expired or were revoked more than 30 days ago'
complete -c roster -n "__fish_roster_using_subcommand session; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand whoami" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand whoami" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand whoami" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand whoami" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand whoami" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand whoami" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand whoami" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand whoami" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand whoami" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand seed" -l from -d 'Read the files as another tool writes them: stackpress (profile-create and auth-create events are people)' -r -f -a "stackpress\t'A Stackpress populate list'"
complete -c roster -n "__fish_roster_using_subcommand seed" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand seed" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand seed" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand seed" -l schema -d 'Print the JSON Schema (draft 2020-12) of seed files, and exit'
complete -c roster -n "__fish_roster_using_subcommand seed" -l dry-run -d 'Apply inside a transaction that is rolled back, and print the plan: the events that would change, then the totals (-v lists the unchanged ones too)'
complete -c roster -n "__fish_roster_using_subcommand seed" -l check -d 'Like --dry-run but silent: exit 0 when nothing would change, 1 otherwise'
complete -c roster -n "__fish_roster_using_subcommand seed" -l jsonl -d 'Standard input is JSON Lines (files ending in .jsonl always are)'
complete -c roster -n "__fish_roster_using_subcommand seed" -l notify -d 'Email the invitations the seed sends (needs ROSTER_SMTP_URL); without it a seed never emails anyone'
complete -c roster -n "__fish_roster_using_subcommand seed" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand seed" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand seed" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand seed" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand seed" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand seed" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c roster -n "__fish_roster_using_subcommand export" -s o -l output -d 'Write to this file (created with mode 0600) instead of stdout (\'-\' is stdout)' -r -F
complete -c roster -n "__fish_roster_using_subcommand export" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand export" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand export" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand export" -l with-secrets -d 'Include password hashes'
complete -c roster -n "__fish_roster_using_subcommand export" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand export" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand export" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand export" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand export" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand export" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand copy" -l to -d 'The empty database to fill: a SQLite file (created, mode 0600) or a PostgreSQL URL' -r -F
complete -c roster -n "__fish_roster_using_subcommand copy" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand copy" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand copy" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand copy" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand copy" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand copy" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand copy" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand copy" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand copy" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand backup" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand backup" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand backup" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand backup" -l verify -d 'Open the copy before it is put in place and run the integrity check and the audit chain verification on it; a copy that fails is not kept (exit 1)'
complete -c roster -n "__fish_roster_using_subcommand backup" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand backup" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand backup" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand backup" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand backup" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand backup" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l actor -d 'Only changes by this actor: operator:NAME, user:ID, or a user\'s email or username' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l event -d 'Only this event, such as user-create' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l since -d 'Only changes at or after this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l limit -d 'Only the most recent N rows' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -f -a "verify" -d 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -f -a "anchor" -d 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
complete -c roster -n "__fish_roster_using_subcommand audit; and not __fish_seen_subcommand_from verify anchor help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l anchor -d 'Also fail when row SEQ is gone or its hash is not HASH (an anchor kept elsewhere)' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from anchor" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "anchor" -d 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
complete -c roster -n "__fish_roster_using_subcommand audit; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand doctor" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand doctor" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand doctor" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand doctor" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand doctor" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand doctor" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand doctor" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand doctor" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand doctor" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand completions" -l db -d 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)' -r -F
complete -c roster -n "__fish_roster_using_subcommand completions" -l as -d 'Act as this user (id, email or username) under the rules; default: the operator' -r
complete -c roster -n "__fish_roster_using_subcommand completions" -l format -d 'Output format [default: table on a terminal, json otherwise]' -r -f -a "table\t''
json\t''
jsonl\t''
csv\t''"
complete -c roster -n "__fish_roster_using_subcommand completions" -l json -d 'Same as --format json'
complete -c roster -n "__fish_roster_using_subcommand completions" -s y -l yes -d 'Answer yes to confirmations (needed for destructive commands without a terminal)'
complete -c roster -n "__fish_roster_using_subcommand completions" -l no-input -d 'Never prompt; a missing value is an error'
complete -c roster -n "__fish_roster_using_subcommand completions" -s q -l quiet -d 'No confirmations, notes or hints on success (data asked for still prints)'
complete -c roster -n "__fish_roster_using_subcommand completions" -s v -l verbose -d 'More detail on stderr'
complete -c roster -n "__fish_roster_using_subcommand completions" -s h -l help -d 'Print help'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "init" -d 'Create or migrate the database, with onboarding on a terminal'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "user" -d 'Users: people who can sign in'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "profile" -d 'Profiles: isolated groups, each with its own media library'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "member" -d 'Memberships: who belongs to a profile, with which role'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "invite" -d 'Invitations by email to join a profile'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "mail" -d 'The outbox of invitation emails: deliver and list them'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "media" -d 'Media: each profile\'s library of movies, shows and episodes'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "role" -d 'Roles: what each role lets its holders do'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "can" -d 'Explain whether a user may do something, and why: one decision, or --all'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "login" -d 'Sign a user in with their password: a session, and its token (printed once)'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "session" -d 'Sessions: signed-in people, their active profile, revocation'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "whoami" -d 'Who is acting: the operator, or the --as user with their roles and memberships'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "seed" -d 'Load seed files: events applied atomically and idempotently'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "export" -d 'Write the whole database as a seed document'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "copy" -d 'Copy every row (audit log, sessions, secrets) into an empty database of either backend'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "backup" -d 'A consistent copy of a live SQLite database (SQLite\'s online backup), optionally verified'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "audit" -d 'The audit log of every change, and its verification'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "doctor" -d 'Check integrity, the audit chain and the invariants; suggest fixes'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
complete -c roster -n "__fish_roster_using_subcommand help; and not __fish_seen_subcommand_from init user profile member invite mail media role can login session whoami seed export copy backup audit doctor completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "create" -d 'Create a user (the first user ever created becomes a global admin)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "list" -d 'List users (a non-admin user sees only themself)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "show" -d 'Show one user'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "update" -d 'Change a user\'s name, image, tags or metadata (identity fields: global admins only)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "passwd" -d 'Set a user\'s password (read from stdin; never from the command line)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "grant" -d 'Add global roles to a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "revoke" -d 'Remove global roles from a user (global admins only, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "disable" -d 'Disable a user: they can no longer act or accept invitations'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "enable" -d 'Enable a disabled user'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "delete" -d 'Delete a user and their memberships (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from user" -f -a "verify" -d 'Mark a user\'s email or phone verified, or not with --undo (global admins, never yourself)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "create" -d 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "list" -d 'List profiles with their member counts (and `access` for a user)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "show" -d 'Show one profile'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "update" -d 'Change a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "transfer" -d 'Hand a profile\'s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from profile" -f -a "delete" -d 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "add" -d 'Add users to a profile (its owners and admins, global admins), all in one transaction'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "remove" -d 'Remove users from a profile (a member may remove themself); asks first for several'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "leave" -d 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "list" -d 'List a profile\'s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from member" -f -a "role" -d 'Change a member\'s role (anything touching `owner` needs an owner or a global admin)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "send" -d 'Invite emails to a profile (its owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "accept" -d 'Accept an invitation (the invitee only: --as the invited email)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "reject" -d 'Decline an invitation, expired or not (the invitee only)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "cancel" -d 'Withdraw a pending or expired invitation (the profile\'s owners and admins, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "show" -d 'Show one invitation (its profile\'s managers, global admins, the invitee)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "list" -d 'List invitations, of one profile or of all you may see'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from invite" -f -a "prune" -d 'Mark pending invitations past their expiry as expired'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "deliver" -d 'Deliver the queued invitation emails that are due (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from mail" -f -a "list" -d 'List the outbox: each invitation email and where it stands (the operator, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "add" -d 'Add an item to a profile\'s library (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "list" -d 'List a profile\'s library in title order, a page at a time (its members, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "show" -d 'Show one media item (members of its profile, global admins)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from media" -f -a "remove" -d 'Remove a media item; a show\'s episodes go with it (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "create" -d 'Define a role: the events it grants (needs every permission it carries)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "list" -d 'List every role, built-in and custom, with how many hold it'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "show" -d 'Show a role: its patterns, the events they grant, and how many hold it'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "update" -d 'Change a custom role: grant more (--allow) or less (--deny)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from role" -f -a "delete" -d 'Delete a custom role nobody holds (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "issue" -d 'Start a session for a user without their password (global admins): for scripts and tests'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "list" -d 'List sessions: live ones, or every one with --all (a user sees their own)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "show" -d 'Show a session: its user, status, active profile, roles, and what it may do there'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "use" -d 'Set a live session\'s active profile, or clear it with --none'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "revoke" -d 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from session" -f -a "prune" -d 'Delete sessions that expired or were revoked more than 30 days ago'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "verify" -d 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
complete -c roster -n "__fish_roster_using_subcommand help; and __fish_seen_subcommand_from audit" -f -a "anchor" -d 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
