//! The invariants of README "The last owner, and other invariants" under 16 concurrent
//! processes, on whichever backend the run uses (SQLite's one writer at a time; on
//! PostgreSQL, the advisory lock every roster write takes): every test ends with `audit
//! verify`, so the log stays one unbroken chain in commit order.

use serde_json::Value;

use crate::common::*;
use crate::members::{race, roles};

const N: usize = 16;

fn codes(outputs: &[std::process::Output]) -> Vec<Option<i32>> {
    outputs.iter().map(|o| o.status.code()).collect()
}

fn no_panic_nor_lock(outputs: &[std::process::Output]) {
    for out in outputs {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(!stderr.contains("internal"), "{stderr}");
        assert_ne!(out.status.code(), Some(75), "busy: {stderr}");
    }
}

/// A profile with `owners` owners (o00@…) and, when asked, `extra` users in no profile.
fn profile_with_owners(owners: usize, extra: usize) -> Env {
    let env = Env::init();
    env.user("root@example.com", "Root");
    env.profile("Race");
    for i in 0..owners {
        let e = format!("o{i:02}@example.com");
        env.user(&e, "Owner");
        env.ok(&["member", "add", "race", &e, "--role", "owner"]);
    }
    for i in 0..extra {
        env.user(&format!("u{i:02}@example.com"), "User");
    }
    env
}

#[test]
fn sixteen_demotions_of_sixteen_owners_leave_exactly_one() {
    let env = profile_with_owners(N, 0);
    let before = env.audit_len();
    let runs = (0..N)
        .map(|i| {
            let e = format!("o{i:02}@example.com");
            ["--json", "member", "role", "race", e.as_str(), "admin"]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let outputs = race(&env, runs);
    no_panic_nor_lock(&outputs);
    let c = codes(&outputs);
    assert_eq!(c.iter().filter(|c| **c == Some(0)).count(), N - 1, "{c:?}");
    assert_eq!(c.iter().filter(|c| **c == Some(68)).count(), 1, "{c:?}");
    let owners = roles(&env, "race")
        .values()
        .filter(|r| *r == "owner")
        .count();
    assert_eq!(owners, 1);
    assert_eq!(env.audit_len(), before + N - 1);
    env.ok(&["audit", "verify"]);
}

#[test]
fn the_last_two_owners_removing_each_other_at_once_leave_one() {
    for round in 0..3 {
        let env = profile_with_owners(2, 0);
        // Each owner removes the other, eight times over, all at once.
        let runs = (0..N)
            .map(|i| {
                let (actor, target) = if i % 2 == 0 {
                    ("o00@example.com", "o01@example.com")
                } else {
                    ("o01@example.com", "o00@example.com")
                };
                ["--json", "--as", actor, "member", "remove", "race", target]
                    .map(String::from)
                    .to_vec()
            })
            .collect();
        let outputs = race(&env, runs);
        for out in &outputs {
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{stderr}");
            assert_ne!(out.status.code(), Some(75), "busy: {stderr}");
            assert_ne!(out.status.code(), Some(70), "internal: {stderr}");
        }
        let c = codes(&outputs);
        assert_eq!(
            c.iter().filter(|c| **c == Some(0)).count(),
            1,
            "round {round}: {c:?}"
        );
        let left = roles(&env, "race");
        assert_eq!(left.len(), 1, "round {round}: {left:?}");
        assert_eq!(left.values().next().map(String::as_str), Some("owner"));
        env.ok(&["audit", "verify"]);
    }
}

/// Races `N` processes, each running `command` with its own email (`{prefix}NN@…`)
/// appended, against a limit that lets `fit` of them through: exactly `fit` succeed and
/// the rest get 68.
fn race_to_a_limit(env: &Env, command: &[&str], prefix: &str, fit: usize) {
    let runs = (0..N)
        .map(|i| {
            let mut args: Vec<String> = command.iter().map(|a| a.to_string()).collect();
            args.push(format!("{prefix}{i:02}@example.com"));
            args
        })
        .collect();
    let outputs = race(env, runs);
    no_panic_nor_lock(&outputs);
    let c = codes(&outputs);
    assert_eq!(c.iter().filter(|c| **c == Some(0)).count(), fit, "{c:?}");
    assert_eq!(
        c.iter().filter(|c| **c == Some(68)).count(),
        N - fit,
        "{c:?}"
    );
    env.ok(&["audit", "verify"]);
}

#[test]
fn sixteen_adds_never_pass_the_member_limit() {
    let env = profile_with_owners(1, N);
    env.ok(&["profile", "update", "race", "--member-limit", "5"]);
    // One owner holds a place: four more fit.
    race_to_a_limit(&env, &["--json", "member", "add", "race"], "u", 4);
    assert_eq!(roles(&env, "race").len(), 5);
}

#[test]
fn sixteen_invitations_never_pass_the_invitation_limit() {
    let env = profile_with_owners(1, 0);
    env.ok(&["profile", "update", "race", "--invitation-limit", "5"]);
    race_to_a_limit(&env, &["--json", "invite", "send", "race"], "i", 5);
    let pending = env.json(&["invite", "list", "race", "--status", "pending"]);
    assert_eq!(pending.as_array().map(Vec::len), Some(5));
}

#[test]
fn sixteen_processes_accepting_one_invitation_make_one_member() {
    let env = profile_with_owners(1, 0);
    env.user("dan@example.com", "Dan");
    let sent: Value = env.json(&["invite", "send", "race", "dan@example.com"]);
    let id = sent["id"]
        .as_str()
        .or_else(|| sent[0]["id"].as_str())
        .expect("invitation id")
        .to_string();
    let runs = (0..N)
        .map(|_| {
            [
                "--json",
                "--as",
                "dan@example.com",
                "invite",
                "accept",
                id.as_str(),
            ]
            .map(String::from)
            .to_vec()
        })
        .collect();
    let outputs = race(&env, runs);
    no_panic_nor_lock(&outputs);
    let c = codes(&outputs);
    assert_eq!(c.iter().filter(|c| **c == Some(0)).count(), 1, "{c:?}");
    assert_eq!(c.iter().filter(|c| **c == Some(68)).count(), N - 1, "{c:?}");
    assert_eq!(
        roles(&env, "race")
            .get("dan@example.com")
            .map(String::as_str),
        Some("member")
    );
    env.ok(&["audit", "verify"]);
}

#[test]
fn sixteen_writers_of_different_profiles_keep_one_audit_chain() {
    let env = Env::init();
    env.user("root@example.com", "Root");
    let runs = (0..N)
        .map(|i| {
            let name = format!("Profile {i:02}");
            ["--json", "profile", "create", "--name", name.as_str()]
                .map(String::from)
                .to_vec()
        })
        .collect();
    let before = env.audit_len();
    let outputs = race(&env, runs);
    no_panic_nor_lock(&outputs);
    assert!(codes(&outputs).iter().all(|c| *c == Some(0)));
    assert_eq!(env.audit_len(), before + N);
    let seqs: Vec<i64> = env
        .json(&["audit"])
        .as_array()
        .expect("array")
        .iter()
        .map(|r| r["seq"].as_i64().expect("seq"))
        .collect();
    assert!(seqs.windows(2).all(|w| w[1] == w[0] + 1), "{seqs:?}");
    env.ok(&["audit", "verify"]);
}
