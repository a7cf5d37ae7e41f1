
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'roster' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'roster'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'roster' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colours; give it before the command (NO_COLOR turns them off in auto)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or migrate the database, with onboarding on a terminal')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Users: people who can sign in')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profiles: isolated groups, each with its own media library')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Memberships: who belongs to a profile, with which role')
            [CompletionResult]::new('invite', 'invite', [CompletionResultType]::ParameterValue, 'Invitations by email to join a profile')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The outbox of invitation emails: deliver and list them')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Media: each profile''s library of movies, shows and episodes')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Roles: what each role lets its holders do')
            [CompletionResult]::new('can', 'can', [CompletionResultType]::ParameterValue, 'Explain whether a user may do something, and why: one decision, or --all')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign a user in with their password: a session, and its token (printed once)')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Sessions: signed-in people, their active profile, revocation')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who is acting: the operator, or the --as user with their roles and memberships')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Load seed files: events applied atomically and idempotently')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole database as a seed document')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every row (audit log, sessions, secrets) into an empty database of either backend')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'A consistent copy of a live SQLite database (SQLite''s online backup), optionally verified')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit log of every change, and its verification')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check integrity, the audit chain and the invariants; suggest fixes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;init' {
            [CompletionResult]::new('--audit-key', '--audit-key', [CompletionResultType]::ParameterName, 'Also create a new audit key here: 32 random bytes, mode 0600; never overwrites a file')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the first user ever created becomes a global admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and the profiles they belong to')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s name, image, tags or metadata (identity fields: global admins only)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password (read from stdin; never from the command line)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Add global roles to a user (global admins only, never yourself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove global roles from a user (global admins only, never yourself)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: they can no longer act or accept invitations')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user and their memberships (asks first; --yes skips)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;user;create' {
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address (stored lower-case)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'Username (2-32 of letters, digits, ''.'', ''_'', ''-'')')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number in E.164 form, such as +14155550123')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'A global role; repeat for several')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'Avatar URL')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'User type [default: person]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag; repeat for several')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Metadata as a JSON object')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'An explicit id ([A-Za-z0-9._-], at most 64)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change when the user already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;list' {
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only users whose email, username, name or phone contains this text, ignoring case')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Users per page, 1 to 1000 [default: every user; 50 with --after]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue after this cursor (the next_cursor a previous page gave)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--image', '--image', [CompletionResultType]::ParameterName, 'New avatar URL ('''' removes it)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Replace the tags; repeat for several')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Replace the metadata with this JSON object')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'New email (global admins only; '''' removes it)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'New username (global admins only; '''' removes it)')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'New phone (global admins only; '''' removes it)')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'New user type (global admins only)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--clear-tags', '--clear-tags', [CompletionResultType]::ParameterName, 'Remove every tag')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;passwd' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin (yourself: current, then new, on two lines)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;grant' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;disable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;enable' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;verify' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'The email address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'The phone number')
            [CompletionResult]::new('--undo', '--undo', [CompletionResultType]::ParameterName, 'Mark it not verified')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;user;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the first user ever created becomes a global admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and the profiles they belong to')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s name, image, tags or metadata (identity fields: global admins only)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password (read from stdin; never from the command line)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Add global roles to a user (global admins only, never yourself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove global roles from a user (global admins only, never yourself)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: they can no longer act or accept invitations')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user and their memberships (asks first; --yes skips)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;user;help;create' {
            break
        }
        'roster;user;help;list' {
            break
        }
        'roster;user;help;show' {
            break
        }
        'roster;user;help;update' {
            break
        }
        'roster;user;help;passwd' {
            break
        }
        'roster;user;help;grant' {
            break
        }
        'roster;user;help;revoke' {
            break
        }
        'roster;user;help;disable' {
            break
        }
        'roster;user;help;enable' {
            break
        }
        'roster;user;help;delete' {
            break
        }
        'roster;user;help;verify' {
            break
        }
        'roster;user;help;help' {
            break
        }
        'roster;profile' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile (global admins; owned by --owner, else by a user who creates it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles with their member counts (and `access` for a user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a profile (its owners and admins, global admins)')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile with its members, invitations and media (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;profile;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Display name')
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'URL name [default: derived from the name]')
            [CompletionResult]::new('--logo', '--logo', [CompletionResultType]::ParameterName, 'Logo URL')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour, #RRGGBB or #RGB [default: #6366F1]')
            [CompletionResult]::new('--member-limit', '--member-limit', [CompletionResultType]::ParameterName, 'Most members allowed [default: 100]')
            [CompletionResult]::new('--invitation-limit', '--invitation-limit', [CompletionResultType]::ParameterName, 'Most pending invitations at once [default: 100]')
            [CompletionResult]::new('--require-verified-email', '--require-verified-email', [CompletionResultType]::ParameterName, 'Invitees must have a verified email to accept (true or false) [default: false]')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Metadata as a JSON object')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'The owner: email, username or id [default: you, when acting as a user]')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'An explicit id ([A-Za-z0-9._-], at most 64)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change when the profile already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;update' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'New display name')
            [CompletionResult]::new('--slug', '--slug', [CompletionResultType]::ParameterName, 'New slug')
            [CompletionResult]::new('--logo', '--logo', [CompletionResultType]::ParameterName, 'New logo URL ('''' removes it)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'New colour')
            [CompletionResult]::new('--member-limit', '--member-limit', [CompletionResultType]::ParameterName, 'New member limit')
            [CompletionResult]::new('--invitation-limit', '--invitation-limit', [CompletionResultType]::ParameterName, 'New limit of pending invitations at once')
            [CompletionResult]::new('--require-verified-email', '--require-verified-email', [CompletionResultType]::ParameterName, 'Invitees must have a verified email to accept: true or false')
            [CompletionResult]::new('--metadata', '--metadata', [CompletionResultType]::ParameterName, 'Replace the metadata with this JSON object')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;transfer' {
            [CompletionResult]::new('--keep-as', '--keep-as', [CompletionResultType]::ParameterName, 'What the previous owner becomes')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Whose ownership moves, when you are not an owner yourself: id, email or username [default: the profile''s one owner]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;delete' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;profile;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile (global admins; owned by --owner, else by a user who creates it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles with their member counts (and `access` for a user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a profile (its owners and admins, global admins)')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile with its members, invitations and media (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;profile;help;create' {
            break
        }
        'roster;profile;help;list' {
            break
        }
        'roster;profile;help;show' {
            break
        }
        'roster;profile;help;update' {
            break
        }
        'roster;profile;help;transfer' {
            break
        }
        'roster;profile;help;delete' {
            break
        }
        'roster;profile;help;help' {
            break
        }
        'roster;member' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a profile (its owners and admins, global admins), all in one transaction')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a profile (a member may remove themself); asks first for several')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Change a member''s role (anything touching `owner` needs an owner or a global admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;member;add' {
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role to give: owner, admin, member or a custom profile role')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change for users who are already members')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;member;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;member;leave' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;member;list' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Members per page, 1 to 1000 [default: every member; 50 with --after]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue after this cursor (the next_cursor a previous page gave)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;member;role' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;member;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a profile (its owners and admins, global admins), all in one transaction')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a profile (a member may remove themself); asks first for several')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Change a member''s role (anything touching `owner` needs an owner or a global admin)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;member;help;add' {
            break
        }
        'roster;member;help;remove' {
            break
        }
        'roster;member;help;leave' {
            break
        }
        'roster;member;help;list' {
            break
        }
        'roster;member;help;role' {
            break
        }
        'roster;member;help;help' {
            break
        }
        'roster;invite' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Invite emails to a profile (its owners and admins, global admins)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept an invitation (the invitee only: --as the invited email)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Decline an invitation, expired or not (the invitee only)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invitation (its profile''s managers, global admins, the invitee)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invitations, of one profile or of all you may see')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Mark pending invitations past their expiry as expired')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;invite;send' {
            [CompletionResult]::new('--csv', '--csv', [CompletionResultType]::ParameterName, 'Invite every row of this CSV file instead (''-'' reads standard input): a header row naming email and, if wanted, role and expires_in; all or nothing')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role the invitee will get: owner, admin, member or a custom profile role (with --csv: for rows that leave it empty)')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'How long the invitation stays valid: 90s, 30m, 48h, 7d (with --csv: for rows that leave it empty)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'An explicit invitation id (one email only; default: a random UUID v4)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--resend', '--resend', [CompletionResultType]::ParameterName, 'Extend an existing pending invitation (it keeps its role) instead of refusing')
            [CompletionResult]::new('--no-notify', '--no-notify', [CompletionResultType]::ParameterName, 'Do not email the invitation, even with ROSTER_SMTP_URL set')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;accept' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;reject' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;cancel' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only this effective status')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;prune' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;invite;help' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Invite emails to a profile (its owners and admins, global admins)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept an invitation (the invitee only: --as the invited email)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Decline an invitation, expired or not (the invitee only)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invitation (its profile''s managers, global admins, the invitee)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invitations, of one profile or of all you may see')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Mark pending invitations past their expiry as expired')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;invite;help;send' {
            break
        }
        'roster;invite;help;accept' {
            break
        }
        'roster;invite;help;reject' {
            break
        }
        'roster;invite;help;cancel' {
            break
        }
        'roster;invite;help;show' {
            break
        }
        'roster;invite;help;list' {
            break
        }
        'roster;invite;help;prune' {
            break
        }
        'roster;invite;help;help' {
            break
        }
        'roster;mail' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver the queued invitation emails that are due (the operator, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the outbox: each invitation email and where it stands (the operator, global admins)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;mail;deliver' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every message not sent: queued ones not yet due, and failed ones')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;mail;list' {
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only messages in this status')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'roster;mail;help' {
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver the queued invitation emails that are due (the operator, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the outbox: each invitation email and where it stands (the operator, global admins)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;mail;help;deliver' {
            break
        }
        'roster;mail;help;list' {
            break
        }
        'roster;mail;help;help' {
            break
        }
        'roster;media' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an item to a profile''s library (its members, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s library in title order, a page at a time (its members, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one media item (members of its profile, global admins)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;media;add' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'movie, show or episode')
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'Title (1 to 500 characters)')
            [CompletionResult]::new('--year', '--year', [CompletionResultType]::ParameterName, 'Release year')
            [CompletionResult]::new('--tmdb-id', '--tmdb-id', [CompletionResultType]::ParameterName, 'The Movie Database id (a positive number)')
            [CompletionResult]::new('--imdb-id', '--imdb-id', [CompletionResultType]::ParameterName, 'IMDb id, such as tt0133093')
            [CompletionResult]::new('--infohash', '--infohash', [CompletionResultType]::ParameterName, 'BitTorrent infohash: 40 or 64 hex digits (at most once per profile)')
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Path of the media file')
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'Episodes: the id of their show, in the same profile')
            [CompletionResult]::new('--season', '--season', [CompletionResultType]::ParameterName, 'Episodes: season number (0 for specials)')
            [CompletionResult]::new('--episode', '--episode', [CompletionResultType]::ParameterName, 'Episodes: episode number (from 1)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'An explicit id ([A-Za-z0-9._-], at most 64)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change when the item already exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;media;list' {
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only items of this type: movie, show or episode')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Only titles containing this text, ignoring case')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page, 1 to 1000 [default: 50]')
            [CompletionResult]::new('--after', '--after', [CompletionResultType]::ParameterName, 'Continue after this cursor (the next_cursor a previous page gave)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;media;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;media;remove' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;media;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an item to a profile''s library (its members, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s library in title order, a page at a time (its members, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one media item (members of its profile, global admins)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;media;help;add' {
            break
        }
        'roster;media;help;list' {
            break
        }
        'roster;media;help;show' {
            break
        }
        'roster;media;help;remove' {
            break
        }
        'roster;media;help;help' {
            break
        }
        'roster;role' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a role: the events it grants (needs every permission it carries)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role, built-in and custom, with how many hold it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role: its patterns, the events they grant, and how many hold it')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a custom role: grant more (--allow) or less (--deny)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role nobody holds (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;role;create' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'global: held by users, applies everywhere; profile: held in a profile')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Permission patterns it grants (repeat, or separate with commas)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--if-not-exists', '--if-not-exists', [CompletionResultType]::ParameterName, 'Succeed without change when the role exists')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;role;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;role;show' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'global or profile: needed for admin, which both scopes define')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;role;update' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'global or profile: needed for a name both scopes define')
            [CompletionResult]::new('--allow', '--allow', [CompletionResultType]::ParameterName, 'Patterns to add (repeat, or separate with commas)')
            [CompletionResult]::new('--deny', '--deny', [CompletionResultType]::ParameterName, 'Patterns, or events a family glob covers, to take away')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the role is for ('''' clears it)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;role;delete' {
            [CompletionResult]::new('--scope', '--scope', [CompletionResultType]::ParameterName, 'global or profile: needed for a name both scopes define')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;role;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a role: the events it grants (needs every permission it carries)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role, built-in and custom, with how many hold it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role: its patterns, the events they grant, and how many hold it')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a custom role: grant more (--allow) or less (--deny)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role nobody holds (asks first; --yes skips)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;role;help;create' {
            break
        }
        'roster;role;help;list' {
            break
        }
        'roster;role;help;show' {
            break
        }
        'roster;role;help;update' {
            break
        }
        'roster;role;help;delete' {
            break
        }
        'roster;role;help;help' {
            break
        }
        'roster;can' {
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'The record acted on: a user (user-* and member-* events), a media item''s id, an invitation''s id')
            [CompletionResult]::new('--role', '--role', [CompletionResultType]::ParameterName, 'The role granted (member-add, member-role, invite-send, user-grant): no escalation')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every event, allowed or denied and by what: the user''s access matrix (in PROFILE, when given)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;login' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The session''s active profile (the user must be a member) [default: their only one]')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'How long the session lasts: 12h, 30d, 2w')
            [CompletionResult]::new('--user-agent', '--user-agent', [CompletionResultType]::ParameterName, 'Recorded with the session, for the web application''s own use')
            [CompletionResult]::new('--ip', '--ip', [CompletionResultType]::ParameterName, 'Recorded with the session, for the web application''s own use')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--password-stdin', '--password-stdin', [CompletionResultType]::ParameterName, 'Read the password from the first line of stdin')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Start a session for a user without their password (global admins): for scripts and tests')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions: live ones, or every one with --all (a user sees their own)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a session: its user, status, active profile, roles, and what it may do there')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Set a live session''s active profile, or clear it with --none')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete sessions that expired or were revoked more than 30 days ago')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;session;issue' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'The session''s active profile (the user must be a member) [default: their only one]')
            [CompletionResult]::new('--expires-in', '--expires-in', [CompletionResultType]::ParameterName, 'How long the session lasts: 12h, 30d, 2w')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;list' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Only this user''s')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Only those whose active profile this is')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Expired and revoked ones too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;use' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--none', '--none', [CompletionResultType]::ParameterName, 'Clear the active profile')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;revoke' {
            [CompletionResult]::new('--user', '--user', [CompletionResultType]::ParameterName, 'Every live session of this user')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;prune' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;session;help' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Start a session for a user without their password (global admins): for scripts and tests')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions: live ones, or every one with --all (a user sees their own)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a session: its user, status, active profile, roles, and what it may do there')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Set a live session''s active profile, or clear it with --none')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete sessions that expired or were revoked more than 30 days ago')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;session;help;issue' {
            break
        }
        'roster;session;help;list' {
            break
        }
        'roster;session;help;show' {
            break
        }
        'roster;session;help;use' {
            break
        }
        'roster;session;help;revoke' {
            break
        }
        'roster;session;help;prune' {
            break
        }
        'roster;session;help;help' {
            break
        }
        'roster;whoami' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;seed' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Read the files as another tool writes them: stackpress (profile-create and auth-create events are people)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--schema', '--schema', [CompletionResultType]::ParameterName, 'Print the JSON Schema (draft 2020-12) of seed files, and exit')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Apply inside a transaction that is rolled back, and print the plan: the events that would change, then the totals (-v lists the unchanged ones too)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Like --dry-run but silent: exit 0 when nothing would change, 1 otherwise')
            [CompletionResult]::new('--jsonl', '--jsonl', [CompletionResultType]::ParameterName, 'Standard input is JSON Lines (files ending in .jsonl always are)')
            [CompletionResult]::new('--notify', '--notify', [CompletionResultType]::ParameterName, 'Email the invitations the seed sends (needs ROSTER_SMTP_URL); without it a seed never emails anyone')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'roster;export' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of stdout (''-'' is stdout)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to this file (created with mode 0600) instead of stdout (''-'' is stdout)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--with-secrets', '--with-secrets', [CompletionResultType]::ParameterName, 'Include password hashes')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The empty database to fill: a SQLite file (created, mode 0600) or a PostgreSQL URL')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;backup' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Open the copy before it is put in place and run the integrity check and the audit chain verification on it; a copy that fails is not kept (exit 1)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;audit' {
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Only changes by this actor: operator:NAME, user:ID, or a user''s email or username')
            [CompletionResult]::new('--event', '--event', [CompletionResultType]::ParameterName, 'Only this event, such as user-create')
            [CompletionResult]::new('--subject', '--subject', [CompletionResultType]::ParameterName, 'Only rows about this: a user (id, email, username), a profile (slug, id), a role name, or a stored subject id')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Only rows about this profile: the profile itself, and its members, invitations, media and sessions')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only changes at or after this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Only changes before this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Only the most recent N rows')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;audit;verify' {
            [CompletionResult]::new('--anchor', '--anchor', [CompletionResultType]::ParameterName, 'Also fail when row SEQ is gone or its hash is not HASH (an anchor kept elsewhere)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;audit;anchor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;audit;help' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;audit;help;verify' {
            break
        }
        'roster;audit;help;anchor' {
            break
        }
        'roster;audit;help;help' {
            break
        }
        'roster;doctor' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;completions' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)')
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Act as this user (id, email or username) under the rules; default: the operator')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format [default: table on a terminal, json otherwise]')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Same as --format json')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Answer yes to confirmations (needed for destructive commands without a terminal)')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; a missing value is an error')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'No confirmations, notes or hints on success (data asked for still prints)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More detail on stderr')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'roster;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create or migrate the database, with onboarding on a terminal')
            [CompletionResult]::new('user', 'user', [CompletionResultType]::ParameterValue, 'Users: people who can sign in')
            [CompletionResult]::new('profile', 'profile', [CompletionResultType]::ParameterValue, 'Profiles: isolated groups, each with its own media library')
            [CompletionResult]::new('member', 'member', [CompletionResultType]::ParameterValue, 'Memberships: who belongs to a profile, with which role')
            [CompletionResult]::new('invite', 'invite', [CompletionResultType]::ParameterValue, 'Invitations by email to join a profile')
            [CompletionResult]::new('mail', 'mail', [CompletionResultType]::ParameterValue, 'The outbox of invitation emails: deliver and list them')
            [CompletionResult]::new('media', 'media', [CompletionResultType]::ParameterValue, 'Media: each profile''s library of movies, shows and episodes')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Roles: what each role lets its holders do')
            [CompletionResult]::new('can', 'can', [CompletionResultType]::ParameterValue, 'Explain whether a user may do something, and why: one decision, or --all')
            [CompletionResult]::new('login', 'login', [CompletionResultType]::ParameterValue, 'Sign a user in with their password: a session, and its token (printed once)')
            [CompletionResult]::new('session', 'session', [CompletionResultType]::ParameterValue, 'Sessions: signed-in people, their active profile, revocation')
            [CompletionResult]::new('whoami', 'whoami', [CompletionResultType]::ParameterValue, 'Who is acting: the operator, or the --as user with their roles and memberships')
            [CompletionResult]::new('seed', 'seed', [CompletionResultType]::ParameterValue, 'Load seed files: events applied atomically and idempotently')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write the whole database as a seed document')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy every row (audit log, sessions, secrets) into an empty database of either backend')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'A consistent copy of a live SQLite database (SQLite''s online backup), optionally verified')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'The audit log of every change, and its verification')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check integrity, the audit chain and the invariants; suggest fixes')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'roster;help;init' {
            break
        }
        'roster;help;user' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a user (the first user ever created becomes a global admin)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one user and the profiles they belong to')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a user''s name, image, tags or metadata (identity fields: global admins only)')
            [CompletionResult]::new('passwd', 'passwd', [CompletionResultType]::ParameterValue, 'Set a user''s password (read from stdin; never from the command line)')
            [CompletionResult]::new('grant', 'grant', [CompletionResultType]::ParameterValue, 'Add global roles to a user (global admins only, never yourself)')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Remove global roles from a user (global admins only, never yourself)')
            [CompletionResult]::new('disable', 'disable', [CompletionResultType]::ParameterValue, 'Disable a user: they can no longer act or accept invitations')
            [CompletionResult]::new('enable', 'enable', [CompletionResultType]::ParameterValue, 'Enable a disabled user')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a user and their memberships (asks first; --yes skips)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)')
            break
        }
        'roster;help;user;create' {
            break
        }
        'roster;help;user;list' {
            break
        }
        'roster;help;user;show' {
            break
        }
        'roster;help;user;update' {
            break
        }
        'roster;help;user;passwd' {
            break
        }
        'roster;help;user;grant' {
            break
        }
        'roster;help;user;revoke' {
            break
        }
        'roster;help;user;disable' {
            break
        }
        'roster;help;user;enable' {
            break
        }
        'roster;help;user;delete' {
            break
        }
        'roster;help;user;verify' {
            break
        }
        'roster;help;profile' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a profile (global admins; owned by --owner, else by a user who creates it)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List profiles with their member counts (and `access` for a user)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one profile')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a profile (its owners and admins, global admins)')
            [CompletionResult]::new('transfer', 'transfer', [CompletionResultType]::ParameterValue, 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a profile with its members, invitations and media (asks first; --yes skips)')
            break
        }
        'roster;help;profile;create' {
            break
        }
        'roster;help;profile;list' {
            break
        }
        'roster;help;profile;show' {
            break
        }
        'roster;help;profile;update' {
            break
        }
        'roster;help;profile;transfer' {
            break
        }
        'roster;help;profile;delete' {
            break
        }
        'roster;help;member' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add users to a profile (its owners and admins, global admins), all in one transaction')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove users from a profile (a member may remove themself); asks first for several')
            [CompletionResult]::new('leave', 'leave', [CompletionResultType]::ParameterValue, 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)')
            [CompletionResult]::new('role', 'role', [CompletionResultType]::ParameterValue, 'Change a member''s role (anything touching `owner` needs an owner or a global admin)')
            break
        }
        'roster;help;member;add' {
            break
        }
        'roster;help;member;remove' {
            break
        }
        'roster;help;member;leave' {
            break
        }
        'roster;help;member;list' {
            break
        }
        'roster;help;member;role' {
            break
        }
        'roster;help;invite' {
            [CompletionResult]::new('send', 'send', [CompletionResultType]::ParameterValue, 'Invite emails to a profile (its owners and admins, global admins)')
            [CompletionResult]::new('accept', 'accept', [CompletionResultType]::ParameterValue, 'Accept an invitation (the invitee only: --as the invited email)')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Decline an invitation, expired or not (the invitee only)')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one invitation (its profile''s managers, global admins, the invitee)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List invitations, of one profile or of all you may see')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Mark pending invitations past their expiry as expired')
            break
        }
        'roster;help;invite;send' {
            break
        }
        'roster;help;invite;accept' {
            break
        }
        'roster;help;invite;reject' {
            break
        }
        'roster;help;invite;cancel' {
            break
        }
        'roster;help;invite;show' {
            break
        }
        'roster;help;invite;list' {
            break
        }
        'roster;help;invite;prune' {
            break
        }
        'roster;help;mail' {
            [CompletionResult]::new('deliver', 'deliver', [CompletionResultType]::ParameterValue, 'Deliver the queued invitation emails that are due (the operator, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the outbox: each invitation email and where it stands (the operator, global admins)')
            break
        }
        'roster;help;mail;deliver' {
            break
        }
        'roster;help;mail;list' {
            break
        }
        'roster;help;media' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add an item to a profile''s library (its members, global admins)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a profile''s library in title order, a page at a time (its members, global admins)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one media item (members of its profile, global admins)')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)')
            break
        }
        'roster;help;media;add' {
            break
        }
        'roster;help;media;list' {
            break
        }
        'roster;help;media;show' {
            break
        }
        'roster;help;media;remove' {
            break
        }
        'roster;help;role' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Define a role: the events it grants (needs every permission it carries)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List every role, built-in and custom, with how many hold it')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a role: its patterns, the events they grant, and how many hold it')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a custom role: grant more (--allow) or less (--deny)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a custom role nobody holds (asks first; --yes skips)')
            break
        }
        'roster;help;role;create' {
            break
        }
        'roster;help;role;list' {
            break
        }
        'roster;help;role;show' {
            break
        }
        'roster;help;role;update' {
            break
        }
        'roster;help;role;delete' {
            break
        }
        'roster;help;can' {
            break
        }
        'roster;help;login' {
            break
        }
        'roster;help;session' {
            [CompletionResult]::new('issue', 'issue', [CompletionResultType]::ParameterValue, 'Start a session for a user without their password (global admins): for scripts and tests')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List sessions: live ones, or every one with --all (a user sees their own)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show a session: its user, status, active profile, roles, and what it may do there')
            [CompletionResult]::new('use', 'use', [CompletionResultType]::ParameterValue, 'Set a live session''s active profile, or clear it with --none')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)')
            [CompletionResult]::new('prune', 'prune', [CompletionResultType]::ParameterValue, 'Delete sessions that expired or were revoked more than 30 days ago')
            break
        }
        'roster;help;session;issue' {
            break
        }
        'roster;help;session;list' {
            break
        }
        'roster;help;session;show' {
            break
        }
        'roster;help;session;use' {
            break
        }
        'roster;help;session;revoke' {
            break
        }
        'roster;help;session;prune' {
            break
        }
        'roster;help;whoami' {
            break
        }
        'roster;help;seed' {
            break
        }
        'roster;help;export' {
            break
        }
        'roster;help;copy' {
            break
        }
        'roster;help;backup' {
            break
        }
        'roster;help;audit' {
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed')
            [CompletionResult]::new('anchor', 'anchor', [CompletionResultType]::ParameterValue, 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`')
            break
        }
        'roster;help;audit;verify' {
            break
        }
        'roster;help;audit;anchor' {
            break
        }
        'roster;help;doctor' {
            break
        }
        'roster;help;completions' {
            break
        }
        'roster;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
