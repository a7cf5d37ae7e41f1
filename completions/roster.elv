
use builtin;
use str;

set edit:completion:arg-completer[roster] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'roster'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'roster'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --color 'When to use colours; give it before the command (NO_COLOR turns them off in auto)'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create or migrate the database, with onboarding on a terminal'
            cand user 'Users: people who can sign in'
            cand profile 'Profiles: isolated groups, each with its own media library'
            cand member 'Memberships: who belongs to a profile, with which role'
            cand invite 'Invitations by email to join a profile'
            cand mail 'The outbox of invitation emails: deliver and list them'
            cand media 'Media: each profile''s library of movies, shows and episodes'
            cand role 'Roles: what each role lets its holders do'
            cand can 'Explain whether a user may do something, and why: one decision, or --all'
            cand login 'Sign a user in with their password: a session, and its token (printed once)'
            cand session 'Sessions: signed-in people, their active profile, revocation'
            cand whoami 'Who is acting: the operator, or the --as user with their roles and memberships'
            cand seed 'Load seed files: events applied atomically and idempotently'
            cand export 'Write the whole database as a seed document'
            cand copy 'Copy every row (audit log, sessions, secrets) into an empty database of either backend'
            cand backup 'A consistent copy of a live SQLite database (SQLite''s online backup), optionally verified'
            cand audit 'The audit log of every change, and its verification'
            cand doctor 'Check integrity, the audit chain and the invariants; suggest fixes'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;init'= {
            cand --audit-key 'Also create a new audit key here: 32 random bytes, mode 0600; never overwrites a file'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a user (the first user ever created becomes a global admin)'
            cand list 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)'
            cand show 'Show one user and the profiles they belong to'
            cand update 'Change a user''s name, image, tags or metadata (identity fields: global admins only)'
            cand passwd 'Set a user''s password (read from stdin; never from the command line)'
            cand grant 'Add global roles to a user (global admins only, never yourself)'
            cand revoke 'Remove global roles from a user (global admins only, never yourself)'
            cand disable 'Disable a user: they can no longer act or accept invitations'
            cand enable 'Enable a disabled user'
            cand delete 'Delete a user and their memberships (asks first; --yes skips)'
            cand verify 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;user;create'= {
            cand --email 'Email address (stored lower-case)'
            cand --name 'Display name'
            cand --username 'Username (2-32 of letters, digits, ''.'', ''_'', ''-'')'
            cand --phone 'Phone number in E.164 form, such as +14155550123'
            cand --role 'A global role; repeat for several'
            cand --image 'Avatar URL'
            cand --type 'User type [default: person]'
            cand --tag 'A tag; repeat for several'
            cand --metadata 'Metadata as a JSON object'
            cand --id 'An explicit id ([A-Za-z0-9._-], at most 64)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --if-not-exists 'Succeed without change when the user already exists'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;list'= {
            cand --search 'Only users whose email, username, name or phone contains this text, ignoring case'
            cand --limit 'Users per page, 1 to 1000 [default: every user; 50 with --after]'
            cand --after 'Continue after this cursor (the next_cursor a previous page gave)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;show'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;update'= {
            cand --name 'New display name'
            cand --image 'New avatar URL ('''' removes it)'
            cand --tag 'Replace the tags; repeat for several'
            cand --metadata 'Replace the metadata with this JSON object'
            cand --email 'New email (global admins only; '''' removes it)'
            cand --username 'New username (global admins only; '''' removes it)'
            cand --phone 'New phone (global admins only; '''' removes it)'
            cand --type 'New user type (global admins only)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --clear-tags 'Remove every tag'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;passwd'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from the first line of stdin (yourself: current, then new, on two lines)'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;grant'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;revoke'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;disable'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;enable'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;delete'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;verify'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --email 'The email address'
            cand --phone 'The phone number'
            cand --undo 'Mark it not verified'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;user;help'= {
            cand create 'Create a user (the first user ever created becomes a global admin)'
            cand list 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)'
            cand show 'Show one user and the profiles they belong to'
            cand update 'Change a user''s name, image, tags or metadata (identity fields: global admins only)'
            cand passwd 'Set a user''s password (read from stdin; never from the command line)'
            cand grant 'Add global roles to a user (global admins only, never yourself)'
            cand revoke 'Remove global roles from a user (global admins only, never yourself)'
            cand disable 'Disable a user: they can no longer act or accept invitations'
            cand enable 'Enable a disabled user'
            cand delete 'Delete a user and their memberships (asks first; --yes skips)'
            cand verify 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;user;help;create'= {
        }
        &'roster;user;help;list'= {
        }
        &'roster;user;help;show'= {
        }
        &'roster;user;help;update'= {
        }
        &'roster;user;help;passwd'= {
        }
        &'roster;user;help;grant'= {
        }
        &'roster;user;help;revoke'= {
        }
        &'roster;user;help;disable'= {
        }
        &'roster;user;help;enable'= {
        }
        &'roster;user;help;delete'= {
        }
        &'roster;user;help;verify'= {
        }
        &'roster;user;help;help'= {
        }
        &'roster;profile'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
            cand list 'List profiles with their member counts (and `access` for a user)'
            cand show 'Show one profile'
            cand update 'Change a profile (its owners and admins, global admins)'
            cand transfer 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
            cand delete 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;profile;create'= {
            cand --name 'Display name'
            cand --slug 'URL name [default: derived from the name]'
            cand --logo 'Logo URL'
            cand --color 'Colour, #RRGGBB or #RGB [default: #6366F1]'
            cand --member-limit 'Most members allowed [default: 100]'
            cand --invitation-limit 'Most pending invitations at once [default: 100]'
            cand --require-verified-email 'Invitees must have a verified email to accept (true or false) [default: false]'
            cand --metadata 'Metadata as a JSON object'
            cand --owner 'The owner: email, username or id [default: you, when acting as a user]'
            cand --id 'An explicit id ([A-Za-z0-9._-], at most 64)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --if-not-exists 'Succeed without change when the profile already exists'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;list'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;show'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;update'= {
            cand --name 'New display name'
            cand --slug 'New slug'
            cand --logo 'New logo URL ('''' removes it)'
            cand --color 'New colour'
            cand --member-limit 'New member limit'
            cand --invitation-limit 'New limit of pending invitations at once'
            cand --require-verified-email 'Invitees must have a verified email to accept: true or false'
            cand --metadata 'Replace the metadata with this JSON object'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;transfer'= {
            cand --keep-as 'What the previous owner becomes'
            cand --from 'Whose ownership moves, when you are not an owner yourself: id, email or username [default: the profile''s one owner]'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;delete'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;profile;help'= {
            cand create 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
            cand list 'List profiles with their member counts (and `access` for a user)'
            cand show 'Show one profile'
            cand update 'Change a profile (its owners and admins, global admins)'
            cand transfer 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
            cand delete 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;profile;help;create'= {
        }
        &'roster;profile;help;list'= {
        }
        &'roster;profile;help;show'= {
        }
        &'roster;profile;help;update'= {
        }
        &'roster;profile;help;transfer'= {
        }
        &'roster;profile;help;delete'= {
        }
        &'roster;profile;help;help'= {
        }
        &'roster;member'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add users to a profile (its owners and admins, global admins), all in one transaction'
            cand remove 'Remove users from a profile (a member may remove themself); asks first for several'
            cand leave 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
            cand list 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
            cand role 'Change a member''s role (anything touching `owner` needs an owner or a global admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;member;add'= {
            cand --role 'The role to give: owner, admin, member or a custom profile role'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --if-not-exists 'Succeed without change for users who are already members'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;member;remove'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;member;leave'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;member;list'= {
            cand --limit 'Members per page, 1 to 1000 [default: every member; 50 with --after]'
            cand --after 'Continue after this cursor (the next_cursor a previous page gave)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;member;role'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;member;help'= {
            cand add 'Add users to a profile (its owners and admins, global admins), all in one transaction'
            cand remove 'Remove users from a profile (a member may remove themself); asks first for several'
            cand leave 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
            cand list 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
            cand role 'Change a member''s role (anything touching `owner` needs an owner or a global admin)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;member;help;add'= {
        }
        &'roster;member;help;remove'= {
        }
        &'roster;member;help;leave'= {
        }
        &'roster;member;help;list'= {
        }
        &'roster;member;help;role'= {
        }
        &'roster;member;help;help'= {
        }
        &'roster;invite'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand send 'Invite emails to a profile (its owners and admins, global admins)'
            cand accept 'Accept an invitation (the invitee only: --as the invited email)'
            cand reject 'Decline an invitation, expired or not (the invitee only)'
            cand cancel 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)'
            cand show 'Show one invitation (its profile''s managers, global admins, the invitee)'
            cand list 'List invitations, of one profile or of all you may see'
            cand prune 'Mark pending invitations past their expiry as expired'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;invite;send'= {
            cand --csv 'Invite every row of this CSV file instead (''-'' reads standard input): a header row naming email and, if wanted, role and expires_in; all or nothing'
            cand --role 'The role the invitee will get: owner, admin, member or a custom profile role (with --csv: for rows that leave it empty)'
            cand --expires-in 'How long the invitation stays valid: 90s, 30m, 48h, 7d (with --csv: for rows that leave it empty)'
            cand --id 'An explicit invitation id (one email only; default: a random UUID v4)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --resend 'Extend an existing pending invitation (it keeps its role) instead of refusing'
            cand --no-notify 'Do not email the invitation, even with ROSTER_SMTP_URL set'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;accept'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;reject'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;cancel'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;show'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;list'= {
            cand --status 'Only this effective status'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;prune'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;invite;help'= {
            cand send 'Invite emails to a profile (its owners and admins, global admins)'
            cand accept 'Accept an invitation (the invitee only: --as the invited email)'
            cand reject 'Decline an invitation, expired or not (the invitee only)'
            cand cancel 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)'
            cand show 'Show one invitation (its profile''s managers, global admins, the invitee)'
            cand list 'List invitations, of one profile or of all you may see'
            cand prune 'Mark pending invitations past their expiry as expired'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;invite;help;send'= {
        }
        &'roster;invite;help;accept'= {
        }
        &'roster;invite;help;reject'= {
        }
        &'roster;invite;help;cancel'= {
        }
        &'roster;invite;help;show'= {
        }
        &'roster;invite;help;list'= {
        }
        &'roster;invite;help;prune'= {
        }
        &'roster;invite;help;help'= {
        }
        &'roster;mail'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand deliver 'Deliver the queued invitation emails that are due (the operator, global admins)'
            cand list 'List the outbox: each invitation email and where it stands (the operator, global admins)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;mail;deliver'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --all 'Every message not sent: queued ones not yet due, and failed ones'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;mail;list'= {
            cand --status 'Only messages in this status'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'roster;mail;help'= {
            cand deliver 'Deliver the queued invitation emails that are due (the operator, global admins)'
            cand list 'List the outbox: each invitation email and where it stands (the operator, global admins)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;mail;help;deliver'= {
        }
        &'roster;mail;help;list'= {
        }
        &'roster;mail;help;help'= {
        }
        &'roster;media'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand add 'Add an item to a profile''s library (its members, global admins)'
            cand list 'List a profile''s library in title order, a page at a time (its members, global admins)'
            cand show 'Show one media item (members of its profile, global admins)'
            cand remove 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;media;add'= {
            cand --type 'movie, show or episode'
            cand --title 'Title (1 to 500 characters)'
            cand --year 'Release year'
            cand --tmdb-id 'The Movie Database id (a positive number)'
            cand --imdb-id 'IMDb id, such as tt0133093'
            cand --infohash 'BitTorrent infohash: 40 or 64 hex digits (at most once per profile)'
            cand --path 'Path of the media file'
            cand --parent 'Episodes: the id of their show, in the same profile'
            cand --season 'Episodes: season number (0 for specials)'
            cand --episode 'Episodes: episode number (from 1)'
            cand --id 'An explicit id ([A-Za-z0-9._-], at most 64)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --if-not-exists 'Succeed without change when the item already exists'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;media;list'= {
            cand --type 'Only items of this type: movie, show or episode'
            cand --search 'Only titles containing this text, ignoring case'
            cand --limit 'Items per page, 1 to 1000 [default: 50]'
            cand --after 'Continue after this cursor (the next_cursor a previous page gave)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;media;show'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;media;remove'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;media;help'= {
            cand add 'Add an item to a profile''s library (its members, global admins)'
            cand list 'List a profile''s library in title order, a page at a time (its members, global admins)'
            cand show 'Show one media item (members of its profile, global admins)'
            cand remove 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;media;help;add'= {
        }
        &'roster;media;help;list'= {
        }
        &'roster;media;help;show'= {
        }
        &'roster;media;help;remove'= {
        }
        &'roster;media;help;help'= {
        }
        &'roster;role'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand create 'Define a role: the events it grants (needs every permission it carries)'
            cand list 'List every role, built-in and custom, with how many hold it'
            cand show 'Show a role: its patterns, the events they grant, and how many hold it'
            cand update 'Change a custom role: grant more (--allow) or less (--deny)'
            cand delete 'Delete a custom role nobody holds (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;role;create'= {
            cand --scope 'global: held by users, applies everywhere; profile: held in a profile'
            cand --allow 'Permission patterns it grants (repeat, or separate with commas)'
            cand --description 'What the role is for'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --if-not-exists 'Succeed without change when the role exists'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;role;list'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;role;show'= {
            cand --scope 'global or profile: needed for admin, which both scopes define'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;role;update'= {
            cand --scope 'global or profile: needed for a name both scopes define'
            cand --allow 'Patterns to add (repeat, or separate with commas)'
            cand --deny 'Patterns, or events a family glob covers, to take away'
            cand --description 'What the role is for ('''' clears it)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;role;delete'= {
            cand --scope 'global or profile: needed for a name both scopes define'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;role;help'= {
            cand create 'Define a role: the events it grants (needs every permission it carries)'
            cand list 'List every role, built-in and custom, with how many hold it'
            cand show 'Show a role: its patterns, the events they grant, and how many hold it'
            cand update 'Change a custom role: grant more (--allow) or less (--deny)'
            cand delete 'Delete a custom role nobody holds (asks first; --yes skips)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;role;help;create'= {
        }
        &'roster;role;help;list'= {
        }
        &'roster;role;help;show'= {
        }
        &'roster;role;help;update'= {
        }
        &'roster;role;help;delete'= {
        }
        &'roster;role;help;help'= {
        }
        &'roster;can'= {
            cand --record 'The record acted on: a user (user-* and member-* events), a media item''s id, an invitation''s id'
            cand --role 'The role granted (member-add, member-role, invite-send, user-grant): no escalation'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --all 'Every event, allowed or denied and by what: the user''s access matrix (in PROFILE, when given)'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;login'= {
            cand --profile 'The session''s active profile (the user must be a member) [default: their only one]'
            cand --expires-in 'How long the session lasts: 12h, 30d, 2w'
            cand --user-agent 'Recorded with the session, for the web application''s own use'
            cand --ip 'Recorded with the session, for the web application''s own use'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --password-stdin 'Read the password from the first line of stdin'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand issue 'Start a session for a user without their password (global admins): for scripts and tests'
            cand list 'List sessions: live ones, or every one with --all (a user sees their own)'
            cand show 'Show a session: its user, status, active profile, roles, and what it may do there'
            cand use 'Set a live session''s active profile, or clear it with --none'
            cand revoke 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
            cand prune 'Delete sessions that expired or were revoked more than 30 days ago'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;session;issue'= {
            cand --profile 'The session''s active profile (the user must be a member) [default: their only one]'
            cand --expires-in 'How long the session lasts: 12h, 30d, 2w'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;list'= {
            cand --user 'Only this user''s'
            cand --profile 'Only those whose active profile this is'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --all 'Expired and revoked ones too'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;show'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;use'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --none 'Clear the active profile'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;revoke'= {
            cand --user 'Every live session of this user'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;prune'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;session;help'= {
            cand issue 'Start a session for a user without their password (global admins): for scripts and tests'
            cand list 'List sessions: live ones, or every one with --all (a user sees their own)'
            cand show 'Show a session: its user, status, active profile, roles, and what it may do there'
            cand use 'Set a live session''s active profile, or clear it with --none'
            cand revoke 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
            cand prune 'Delete sessions that expired or were revoked more than 30 days ago'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;session;help;issue'= {
        }
        &'roster;session;help;list'= {
        }
        &'roster;session;help;show'= {
        }
        &'roster;session;help;use'= {
        }
        &'roster;session;help;revoke'= {
        }
        &'roster;session;help;prune'= {
        }
        &'roster;session;help;help'= {
        }
        &'roster;whoami'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;seed'= {
            cand --from 'Read the files as another tool writes them: stackpress (profile-create and auth-create events are people)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --schema 'Print the JSON Schema (draft 2020-12) of seed files, and exit'
            cand --dry-run 'Apply inside a transaction that is rolled back, and print the plan: the events that would change, then the totals (-v lists the unchanged ones too)'
            cand --check 'Like --dry-run but silent: exit 0 when nothing would change, 1 otherwise'
            cand --jsonl 'Standard input is JSON Lines (files ending in .jsonl always are)'
            cand --notify 'Email the invitations the seed sends (needs ROSTER_SMTP_URL); without it a seed never emails anyone'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'roster;export'= {
            cand -o 'Write to this file (created with mode 0600) instead of stdout (''-'' is stdout)'
            cand --output 'Write to this file (created with mode 0600) instead of stdout (''-'' is stdout)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --with-secrets 'Include password hashes'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;copy'= {
            cand --to 'The empty database to fill: a SQLite file (created, mode 0600) or a PostgreSQL URL'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;backup'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --verify 'Open the copy before it is put in place and run the integrity check and the audit chain verification on it; a copy that fails is not kept (exit 1)'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;audit'= {
            cand --actor 'Only changes by this actor: operator:NAME, user:ID, or a user''s email or username'
            cand --event 'Only this event, such as user-create'
            cand --subject 'Only rows about this: a user (id, email, username), a profile (slug, id), a role name, or a stored subject id'
            cand --profile 'Only rows about this profile: the profile itself, and its members, invitations, media and sessions'
            cand --since 'Only changes at or after this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)'
            cand --until 'Only changes before this time: RFC 3339, a date (2026-11-21), or an age (90m, 24h, 7d)'
            cand --limit 'Only the most recent N rows'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
            cand verify 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
            cand anchor 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;audit;verify'= {
            cand --anchor 'Also fail when row SEQ is gone or its hash is not HASH (an anchor kept elsewhere)'
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;audit;anchor'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;audit;help'= {
            cand verify 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
            cand anchor 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;audit;help;verify'= {
        }
        &'roster;audit;help;anchor'= {
        }
        &'roster;audit;help;help'= {
        }
        &'roster;doctor'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;completions'= {
            cand --db 'The database: a SQLite file, or a PostgreSQL URL (postgres://USER@HOST:PORT/DB)'
            cand --as 'Act as this user (id, email or username) under the rules; default: the operator'
            cand --format 'Output format [default: table on a terminal, json otherwise]'
            cand --json 'Same as --format json'
            cand -y 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --yes 'Answer yes to confirmations (needed for destructive commands without a terminal)'
            cand --no-input 'Never prompt; a missing value is an error'
            cand -q 'No confirmations, notes or hints on success (data asked for still prints)'
            cand --quiet 'No confirmations, notes or hints on success (data asked for still prints)'
            cand -v 'More detail on stderr'
            cand --verbose 'More detail on stderr'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'roster;help'= {
            cand init 'Create or migrate the database, with onboarding on a terminal'
            cand user 'Users: people who can sign in'
            cand profile 'Profiles: isolated groups, each with its own media library'
            cand member 'Memberships: who belongs to a profile, with which role'
            cand invite 'Invitations by email to join a profile'
            cand mail 'The outbox of invitation emails: deliver and list them'
            cand media 'Media: each profile''s library of movies, shows and episodes'
            cand role 'Roles: what each role lets its holders do'
            cand can 'Explain whether a user may do something, and why: one decision, or --all'
            cand login 'Sign a user in with their password: a session, and its token (printed once)'
            cand session 'Sessions: signed-in people, their active profile, revocation'
            cand whoami 'Who is acting: the operator, or the --as user with their roles and memberships'
            cand seed 'Load seed files: events applied atomically and idempotently'
            cand export 'Write the whole database as a seed document'
            cand copy 'Copy every row (audit log, sessions, secrets) into an empty database of either backend'
            cand backup 'A consistent copy of a live SQLite database (SQLite''s online backup), optionally verified'
            cand audit 'The audit log of every change, and its verification'
            cand doctor 'Check integrity, the audit chain and the invariants; suggest fixes'
            cand completions 'Print a shell completion script (bash, zsh, fish, powershell, elvish)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'roster;help;init'= {
        }
        &'roster;help;user'= {
            cand create 'Create a user (the first user ever created becomes a global admin)'
            cand list 'List users, oldest first; a page at a time with --limit (a non-admin sees only themself)'
            cand show 'Show one user and the profiles they belong to'
            cand update 'Change a user''s name, image, tags or metadata (identity fields: global admins only)'
            cand passwd 'Set a user''s password (read from stdin; never from the command line)'
            cand grant 'Add global roles to a user (global admins only, never yourself)'
            cand revoke 'Remove global roles from a user (global admins only, never yourself)'
            cand disable 'Disable a user: they can no longer act or accept invitations'
            cand enable 'Enable a disabled user'
            cand delete 'Delete a user and their memberships (asks first; --yes skips)'
            cand verify 'Mark a user''s email or phone verified, or not with --undo (global admins, never yourself)'
        }
        &'roster;help;user;create'= {
        }
        &'roster;help;user;list'= {
        }
        &'roster;help;user;show'= {
        }
        &'roster;help;user;update'= {
        }
        &'roster;help;user;passwd'= {
        }
        &'roster;help;user;grant'= {
        }
        &'roster;help;user;revoke'= {
        }
        &'roster;help;user;disable'= {
        }
        &'roster;help;user;enable'= {
        }
        &'roster;help;user;delete'= {
        }
        &'roster;help;user;verify'= {
        }
        &'roster;help;profile'= {
            cand create 'Create a profile (global admins; owned by --owner, else by a user who creates it)'
            cand list 'List profiles with their member counts (and `access` for a user)'
            cand show 'Show one profile'
            cand update 'Change a profile (its owners and admins, global admins)'
            cand transfer 'Hand a profile''s ownership to USER: they become an owner (added if need be) and the previous owner steps down (its owners, global admins)'
            cand delete 'Delete a profile with its members, invitations and media (asks first; --yes skips)'
        }
        &'roster;help;profile;create'= {
        }
        &'roster;help;profile;list'= {
        }
        &'roster;help;profile;show'= {
        }
        &'roster;help;profile;update'= {
        }
        &'roster;help;profile;transfer'= {
        }
        &'roster;help;profile;delete'= {
        }
        &'roster;help;member'= {
            cand add 'Add users to a profile (its owners and admins, global admins), all in one transaction'
            cand remove 'Remove users from a profile (a member may remove themself); asks first for several'
            cand leave 'Leave a profile: remove your own membership (as a user, with --as; the last owner transfers ownership first)'
            cand list 'List a profile''s members, owners first: all of them, or a page at a time with --limit (its members and global admins)'
            cand role 'Change a member''s role (anything touching `owner` needs an owner or a global admin)'
        }
        &'roster;help;member;add'= {
        }
        &'roster;help;member;remove'= {
        }
        &'roster;help;member;leave'= {
        }
        &'roster;help;member;list'= {
        }
        &'roster;help;member;role'= {
        }
        &'roster;help;invite'= {
            cand send 'Invite emails to a profile (its owners and admins, global admins)'
            cand accept 'Accept an invitation (the invitee only: --as the invited email)'
            cand reject 'Decline an invitation, expired or not (the invitee only)'
            cand cancel 'Withdraw a pending or expired invitation (the profile''s owners and admins, global admins)'
            cand show 'Show one invitation (its profile''s managers, global admins, the invitee)'
            cand list 'List invitations, of one profile or of all you may see'
            cand prune 'Mark pending invitations past their expiry as expired'
        }
        &'roster;help;invite;send'= {
        }
        &'roster;help;invite;accept'= {
        }
        &'roster;help;invite;reject'= {
        }
        &'roster;help;invite;cancel'= {
        }
        &'roster;help;invite;show'= {
        }
        &'roster;help;invite;list'= {
        }
        &'roster;help;invite;prune'= {
        }
        &'roster;help;mail'= {
            cand deliver 'Deliver the queued invitation emails that are due (the operator, global admins)'
            cand list 'List the outbox: each invitation email and where it stands (the operator, global admins)'
        }
        &'roster;help;mail;deliver'= {
        }
        &'roster;help;mail;list'= {
        }
        &'roster;help;media'= {
            cand add 'Add an item to a profile''s library (its members, global admins)'
            cand list 'List a profile''s library in title order, a page at a time (its members, global admins)'
            cand show 'Show one media item (members of its profile, global admins)'
            cand remove 'Remove a media item; a show''s episodes go with it (asks first; --yes skips)'
        }
        &'roster;help;media;add'= {
        }
        &'roster;help;media;list'= {
        }
        &'roster;help;media;show'= {
        }
        &'roster;help;media;remove'= {
        }
        &'roster;help;role'= {
            cand create 'Define a role: the events it grants (needs every permission it carries)'
            cand list 'List every role, built-in and custom, with how many hold it'
            cand show 'Show a role: its patterns, the events they grant, and how many hold it'
            cand update 'Change a custom role: grant more (--allow) or less (--deny)'
            cand delete 'Delete a custom role nobody holds (asks first; --yes skips)'
        }
        &'roster;help;role;create'= {
        }
        &'roster;help;role;list'= {
        }
        &'roster;help;role;show'= {
        }
        &'roster;help;role;update'= {
        }
        &'roster;help;role;delete'= {
        }
        &'roster;help;can'= {
        }
        &'roster;help;login'= {
        }
        &'roster;help;session'= {
            cand issue 'Start a session for a user without their password (global admins): for scripts and tests'
            cand list 'List sessions: live ones, or every one with --all (a user sees their own)'
            cand show 'Show a session: its user, status, active profile, roles, and what it may do there'
            cand use 'Set a live session''s active profile, or clear it with --none'
            cand revoke 'Revoke sessions, or every live session of a user with --user (asks first; --yes skips)'
            cand prune 'Delete sessions that expired or were revoked more than 30 days ago'
        }
        &'roster;help;session;issue'= {
        }
        &'roster;help;session;list'= {
        }
        &'roster;help;session;show'= {
        }
        &'roster;help;session;use'= {
        }
        &'roster;help;session;revoke'= {
        }
        &'roster;help;session;prune'= {
        }
        &'roster;help;whoami'= {
        }
        &'roster;help;seed'= {
        }
        &'roster;help;export'= {
        }
        &'roster;help;copy'= {
        }
        &'roster;help;backup'= {
        }
        &'roster;help;audit'= {
            cand verify 'Check the hash chain: exits 1 and names the first bad row if any row was altered or removed'
            cand anchor 'Print the head of a verified chain as SEQ:HASH, to keep elsewhere for `verify --anchor`'
        }
        &'roster;help;audit;verify'= {
        }
        &'roster;help;audit;anchor'= {
        }
        &'roster;help;doctor'= {
        }
        &'roster;help;completions'= {
        }
        &'roster;help;help'= {
        }
    ]
    $completions[$command]
}
