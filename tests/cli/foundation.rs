//! Store, global options, output formats and exit codes.

use crate::common::*;

#[test]
fn read_commands_refuse_a_missing_database_and_create_nothing() {
    let env = Env::new();
    let err = env.fails(66, &["user", "list"]);
    assert!(err.contains("database not found"), "{err}");
    assert!(err.contains("hint:"), "{err}");
    assert!(!env.db().exists());
}

#[test]
fn init_creates_a_private_database() {
    let env = Env::new();
    let v = env.json(&["init"]);
    assert_eq!(v["created"], true);
    assert_eq!(v["schema_version"], 1);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(env.db()).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let again = env.json(&["init"]);
    assert_eq!(again["created"], false);
}
