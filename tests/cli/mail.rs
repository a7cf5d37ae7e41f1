//! Invitation emails (README "Mail"), against a real SMTP server: a small SMTP sink
//! written here ([`Sink`]), on a free loopback port, speaking enough of the protocol
//! (EHLO/HELO, AUTH PLAIN/LOGIN, MAIL FROM, RCPT TO, DATA, RSET, NOOP, QUIT) for lettre,
//! and recording what it received. The outbox is written with the invitation and delivered
//! after commit; a server that is down leaves the message queued (warning, exit 0) until
//! `roster mail deliver`; a rolled-back command queues nothing; seeds email only with
//! `--notify`; the SMTP password is never printed.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Output;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use serde_json::Value;

use crate::common::*;
use crate::members::{ADMIN, MEMBER, OWNER, family};
use crate::seeds::write;

/// One message the sink received.
#[derive(Debug, Clone)]
struct Received {
    from: String,
    to: Vec<String>,
    data: String,
}

/// A local SMTP server that accepts every message (or, with `reject_auth`, refuses the
/// credentials, quoting the password back as a careless server might).
struct Sink {
    port: u16,
    got: Arc<Mutex<Vec<Received>>>,
    /// Passwords clients signed in with.
    passwords: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Received {
    /// The message as a reader sees it: header lines unfolded, quoted-printable decoded.
    fn text(&self) -> String {
        let (head, body) = self
            .data
            .split_once("\r\n\r\n")
            .unwrap_or((self.data.as_str(), ""));
        let head = head.replace("\r\n ", " ");
        let body = body.replace("=\r\n", "");
        let mut out = String::new();
        let mut rest = body.as_str();
        while let Some(at) = rest.find('=') {
            out.push_str(&rest[..at]);
            match rest
                .get(at + 1..at + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                Some(b) => {
                    out.push(b as char);
                    rest = &rest[at + 3..];
                }
                None => {
                    out.push('=');
                    rest = &rest[at + 1..];
                }
            }
        }
        out.push_str(rest);
        format!("{head}\r\n\r\n{out}")
    }
}

impl Sink {
    fn start() -> Sink {
        Sink::on(0, false)
    }

    fn on(port: u16, reject_auth: bool) -> Sink {
        let listener = TcpListener::bind(("127.0.0.1", port)).expect("bind the SMTP sink");
        let port = listener.local_addr().unwrap().port();
        let got = Arc::new(Mutex::new(Vec::new()));
        let passwords = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (g, p, s) = (got.clone(), passwords.clone(), stop.clone());
        let thread = std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.load(Ordering::SeqCst) {
                    break;
                }
                let Ok(conn) = conn else { continue };
                let (g, p) = (g.clone(), p.clone());
                std::thread::spawn(move || {
                    let _ = session(conn, &g, &p, reject_auth);
                });
            }
        });
        Sink {
            port,
            got,
            passwords,
            stop,
            thread: Some(thread),
        }
    }

    /// `ROSTER_SMTP_URL` of this sink: no TLS (a local server).
    fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}?tls=none", self.port)
    }

    fn received(&self) -> Vec<Received> {
        self.got.lock().unwrap().clone()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn session(
    conn: TcpStream,
    got: &Mutex<Vec<Received>>,
    passwords: &Mutex<Vec<String>>,
    reject_auth: bool,
) -> std::io::Result<()> {
    conn.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let mut out = conn.try_clone()?;
    let mut lines = BufReader::new(conn);
    let mut say = |text: &str| out.write_all(format!("{text}\r\n").as_bytes());
    say("220 sink.test ESMTP ready")?;
    let (mut from, mut to) = (String::new(), Vec::new());
    let mut line = String::new();
    let decode = |b64: &str| -> String {
        use base64ct::Encoding;
        let bytes = base64ct::Base64::decode_vec(b64.trim()).unwrap_or_default();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let read = |lines: &mut BufReader<TcpStream>, line: &mut String| -> std::io::Result<bool> {
        line.clear();
        Ok(lines.read_line(line)? > 0)
    };
    while read(&mut lines, &mut line)? {
        let cmd = line.trim_end().to_string();
        let upper = cmd.to_ascii_uppercase();
        let auth = |password: String, say: &mut dyn FnMut(&str) -> std::io::Result<()>| {
            if reject_auth {
                say(&format!("535 5.7.8 bad credentials: {password}"))
            } else {
                passwords.lock().unwrap().push(password);
                say("235 2.7.0 authenticated")
            }
        };
        if upper.starts_with("EHLO") {
            say("250-sink.test")?;
            say("250-AUTH PLAIN LOGIN")?;
            say("250 8BITMIME")?;
        } else if upper.starts_with("HELO") {
            say("250 sink.test")?;
        } else if upper.starts_with("AUTH PLAIN") {
            let initial = cmd[10..].trim().to_string();
            let initial = if initial.is_empty() {
                say("334 ")?;
                read(&mut lines, &mut line)?;
                line.trim().to_string()
            } else {
                initial
            };
            let plain = decode(&initial);
            let password = plain.split('\0').nth(2).unwrap_or_default().to_string();
            auth(password, &mut say)?;
        } else if upper.starts_with("AUTH LOGIN") {
            say("334 VXNlcm5hbWU6")?;
            read(&mut lines, &mut line)?;
            say("334 UGFzc3dvcmQ6")?;
            read(&mut lines, &mut line)?;
            let password = decode(&line);
            auth(password, &mut say)?;
        } else if upper.starts_with("MAIL FROM:") {
            from = cmd[10..].trim().to_string();
            to.clear();
            say("250 2.1.0 ok")?;
        } else if upper.starts_with("RCPT TO:") {
            to.push(cmd[8..].trim().trim_matches(['<', '>']).to_string());
            say("250 2.1.5 ok")?;
        } else if upper == "DATA" {
            say("354 end with <CRLF>.<CRLF>")?;
            let mut data = String::new();
            loop {
                if !read(&mut lines, &mut line)? {
                    return Ok(());
                }
                if line == ".\r\n" || line == ".\n" {
                    break;
                }
                data.push_str(line.strip_prefix('.').unwrap_or(&line));
            }
            got.lock().unwrap().push(Received {
                from: from.clone(),
                to: std::mem::take(&mut to),
                data,
            });
            say("250 2.0.0 queued")?;
        } else if upper == "QUIT" {
            say("221 2.0.0 bye")?;
            return Ok(());
        } else {
            say("250 ok")?;
        }
    }
    Ok(())
}

/// A loopback port where nothing listens (the server is down).
fn closed_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

const LINK: &str = "https://media.example.com/accept-invitation/{id}";

/// Runs roster with the mail variables pointing at `url`, and `extra` variables.
fn mail_run(env: &Env, url: &str, extra: &[(&str, &str)], args: &[&str]) -> Output {
    let mut c = env.cmd();
    c.env("ROSTER_SMTP_URL", url)
        .env("ROSTER_MAIL_FROM", "Roster <no-reply@example.com>")
        .env("ROSTER_INVITE_LINK", LINK)
        .env("ROSTER_SMTP_TIMEOUT_MS", "5000");
    for (k, v) in extra {
        c.env(k, v);
    }
    c.args(args).output().expect("run roster")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// [`mail_run`], expecting `code`; (stdout, stderr).
fn mail_expect(
    env: &Env,
    url: &str,
    extra: &[(&str, &str)],
    code: i32,
    args: &[&str],
) -> (String, String) {
    let out = mail_run(env, url, extra, args);
    let (stdout, stderr) = (text(&out.stdout), text(&out.stderr));
    assert_eq!(
        out.status.code(),
        Some(code),
        "roster {args:?}\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout, stderr)
}

fn json_of(stdout: &str) -> Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"))
}

fn outbox(env: &Env) -> Vec<Value> {
    env.json(&["mail", "list"]).as_array().unwrap().clone()
}

fn audit_of(env: &Env, event: &str) -> Vec<Value> {
    env.json(&["audit", "--event", event])
        .as_array()
        .unwrap()
        .clone()
}

/// `ROSTER_NOW` this many seconds after the harness's clock.
fn later(seconds: i64) -> String {
    let start = chrono::DateTime::parse_from_rfc3339(NOW).unwrap();
    (start + chrono::Duration::seconds(seconds))
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn an_invitation_is_emailed_with_its_link_profile_inviter_role_and_expiry() {
    let env = family();
    let sink = Sink::start();
    let (stdout, stderr) = mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &[
            "--json",
            "--as",
            OWNER,
            "invite",
            "send",
            "family",
            "dan@example.com",
            "--role",
            "admin",
        ],
    );
    let v = json_of(&stdout);
    assert_eq!(v[0]["delivery"], "sent", "{v}\n{stderr}");
    let id = v[0]["id"].as_str().unwrap().to_string();
    let got = sink.received();
    assert_eq!(got.len(), 1, "{got:?}");
    let m = &got[0];
    assert_eq!(m.to, vec!["dan@example.com".to_string()]);
    assert!(m.from.contains("no-reply@example.com"), "{}", m.from);
    let m = &Received {
        data: m.text(),
        ..m.clone()
    };
    let link = format!("https://media.example.com/accept-invitation/{id}");
    assert!(m.data.contains(&link), "{}", m.data);
    assert!(m.data.contains("Family"), "{}", m.data);
    assert!(m.data.contains("as admin"), "{}", m.data);
    assert!(m.data.contains("Olive"), "the inviter: {}", m.data);
    assert!(m.data.contains("UTC"), "the expiry in UTC: {}", m.data);
    assert!(m.data.contains("multipart/alternative"), "{}", m.data);
    assert!(m.data.contains("text/html"), "{}", m.data);
    // The outbox row, and the audit row: recipient and invitation, no bodies.
    let rows = outbox(&env);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["status"], "sent");
    assert_eq!(rows[0]["invitation_id"], id.as_str());
    assert_eq!(rows[0]["attempts"], 1);
    let sent = audit_of(&env, "mail-sent");
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0]["data"]["recipient"], "dan@example.com");
    assert_eq!(sent[0]["data"]["invitation_id"], id.as_str());
    assert!(
        !sent[0].to_string().contains("accept-invitation"),
        "{}",
        sent[0]
    );
    // Nothing left to deliver.
    let (stdout, _) = mail_expect(&env, &sink.url(), &[], 0, &["--json", "mail", "deliver"]);
    assert_eq!(json_of(&stdout), serde_json::json!([]));
    assert_eq!(sink.received().len(), 1);
    env.ok(&["audit", "verify"]);
    // Table output says it was emailed.
    let (stdout, _) = mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &[
            "--format",
            "table",
            "invite",
            "send",
            "family",
            "eve@example.com",
        ],
    );
    assert!(stdout.contains("  emailed to eve@example.com"), "{stdout}");
}

#[test]
fn user_text_is_escaped_in_the_html_part_and_templates_may_be_overridden() {
    let env = Env::init();
    env.ok(&[
        "profile",
        "create",
        "--name",
        "Tom & Jerry <b>x</b>",
        "--slug",
        "tj",
    ]);
    let sink = Sink::start();
    mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &["invite", "send", "tj", "dan@example.com"],
    );
    let data = &sink.received()[0].text();
    assert!(
        data.contains("Tom &amp; Jerry &lt;b&gt;x&lt;/b&gt;"),
        "{data}"
    );
    assert!(data.contains("from an administrator"), "{data}");
    // Templates from files: a subject and a text part of one's own; the HTML stays.
    let dir = env.path("templates");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(
        dir.join("invite-subject.txt"),
        "Join {{ profile_slug }} now\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("invite.txt"),
        "Go to {{link}} before {{expires}}.\n",
    )
    .unwrap();
    let dirs = dir.display().to_string();
    let extra = [("ROSTER_MAIL_TEMPLATES", dirs.as_str())];
    let (stdout, _) = mail_expect(
        &env,
        &sink.url(),
        &extra,
        0,
        &["--json", "invite", "send", "tj", "eve@example.com"],
    );
    let id = json_of(&stdout)[0]["id"].as_str().unwrap().to_string();
    let data = &sink.received()[1].text();
    assert!(data.contains("Subject: Join tj now"), "{data}");
    assert!(
        data.contains(&format!(
            "Go to https://media.example.com/accept-invitation/{id} before 2026-11-"
        )),
        "{data}"
    );
    // An unknown variable is refused before anything is written.
    std::fs::write(dir.join("invite.html"), "<p>{{profle}}</p>").unwrap();
    let before = env.audit_len();
    let (_, stderr) = mail_expect(
        &env,
        &sink.url(),
        &extra,
        65,
        &["invite", "send", "tj", "fay@example.com"],
    );
    assert!(stderr.contains("unknown variable {{profle}}"), "{stderr}");
    assert!(stderr.contains("the variables are: profile,"), "{stderr}");
    assert_eq!(env.audit_len(), before);
    assert_eq!(sink.received().len(), 2);
}

#[test]
fn the_server_down_queues_warns_and_exits_0_then_deliver_sends_it_once() {
    let env = family();
    let port = closed_port();
    let down = format!("smtp://127.0.0.1:{port}?tls=none");
    let (stdout, stderr) = mail_expect(
        &env,
        &down,
        &[],
        0,
        &["--json", "invite", "send", "family", "dan@example.com"],
    );
    let v = json_of(&stdout);
    assert_eq!(v[0]["delivery"], "queued", "{v}");
    assert!(stderr.contains("warning: not delivered: "), "{stderr}");
    assert!(
        stderr.contains("— queued; retry with roster mail deliver"),
        "{stderr}"
    );
    // The invitation stands; its message waits, with the error.
    let id = v[0]["id"].as_str().unwrap().to_string();
    assert_eq!(env.json(&["invite", "show", &id])["status"], "pending");
    let queued = env.json(&["mail", "list", "--status", "queued"]);
    assert_eq!(queued.as_array().unwrap().len(), 1, "{queued}");
    assert_eq!(queued[0]["attempts"], 1);
    assert!(
        queued[0]["last_error"].as_str().unwrap().len() > 3,
        "{queued}"
    );
    assert_eq!(audit_of(&env, "mail-failed").len(), 1);

    // Up again, on the same port.
    let sink = Sink::on(port, false);
    // A second later the message is not due yet (the backoff): nothing is sent.
    let (_, stderr) = mail_expect(&env, &sink.url(), &[], 0, &["mail", "deliver"]);
    assert!(
        stderr.contains("1 queued message is not due yet"),
        "{stderr}"
    );
    assert_eq!(sink.received().len(), 0);
    // Two minutes on, it is: sent once; a second deliver sends nothing.
    let at = later(120);
    let (stdout, _) = mail_expect(
        &env,
        &sink.url(),
        &[("ROSTER_NOW", &at)],
        0,
        &["--format", "table", "mail", "deliver"],
    );
    assert!(
        stdout.contains("sent the invitation email to dan@example.com"),
        "{stdout}"
    );
    let at = later(180);
    let (stdout, stderr) = mail_expect(
        &env,
        &sink.url(),
        &[("ROSTER_NOW", &at)],
        0,
        &["--format", "table", "mail", "deliver"],
    );
    assert_eq!(stdout, "");
    assert!(stderr.contains("no messages to deliver"), "{stderr}");
    let got = sink.received();
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].text().contains(&id));
    assert_eq!(
        env.json(&["mail", "list", "--status", "sent"])[0]["attempts"],
        2
    );
    assert_eq!(audit_of(&env, "mail-sent").len(), 1);
    env.ok(&["audit", "verify"]);
}

#[test]
fn after_the_maximum_a_message_is_failed_and_only_all_retries_it() {
    let env = family();
    let down = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    mail_expect(
        &env,
        &down,
        &[],
        0,
        &["invite", "send", "family", "dan@example.com"],
    );
    // Four more attempts at once (--all ignores the schedule): 75 each time.
    for _ in 0..4 {
        let (_, stderr) = mail_expect(&env, &down, &[], 75, &["mail", "deliver", "--all"]);
        assert!(stderr.contains("could not be delivered"), "{stderr}");
    }
    let failed = env.json(&["mail", "list", "--status", "failed"]);
    assert_eq!(failed.as_array().unwrap().len(), 1, "{failed}");
    assert_eq!(failed[0]["attempts"], 5);
    let last = audit_of(&env, "mail-failed");
    assert_eq!(last.len(), 5);
    assert_eq!(last[4]["data"]["status"], "failed");
    // A plain deliver, however late, leaves it; --all sends it.
    let sink = Sink::start();
    let at = later(86_400);
    mail_expect(
        &env,
        &sink.url(),
        &[("ROSTER_NOW", &at)],
        0,
        &["mail", "deliver"],
    );
    assert_eq!(sink.received().len(), 0);
    mail_expect(
        &env,
        &sink.url(),
        &[("ROSTER_NOW", &at)],
        0,
        &["mail", "deliver", "--all"],
    );
    assert_eq!(sink.received().len(), 1);
    assert_eq!(
        env.json(&["mail", "list", "--status", "sent"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // With messages due and no server configured, deliver says what is missing.
    let down2 = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    mail_expect(
        &env,
        &down2,
        &[],
        0,
        &["invite", "send", "family", "eve@example.com"],
    );
    let stderr = env.fails(2, &["mail", "deliver", "--all"]);
    assert!(stderr.contains("ROSTER_SMTP_URL is not set"), "{stderr}");
}

#[test]
fn a_rolled_back_bulk_send_queues_nothing() {
    let env = family();
    let sink = Sink::start();
    // The second row invites a member: the whole file is refused.
    write(
        &env,
        "people.csv",
        &format!("email\ndan@example.com\n{MEMBER}\neve@example.com\n"),
    );
    let before = env.audit_len();
    mail_expect(
        &env,
        &sink.url(),
        &[],
        68,
        &["invite", "send", "family", "--csv", "people.csv"],
    );
    assert_eq!(env.audit_len(), before);
    assert!(outbox(&env).is_empty());
    assert!(sink.received().is_empty());
    // The same file without the member: one message a row.
    write(
        &env,
        "people.csv",
        "email\ndan@example.com\neve@example.com\n",
    );
    let (stdout, _) = mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &[
            "--json",
            "--as",
            ADMIN,
            "invite",
            "send",
            "family",
            "--csv",
            "people.csv",
        ],
    );
    let v = json_of(&stdout);
    assert!(
        v.as_array()
            .unwrap()
            .iter()
            .all(|i| i["delivery"] == "sent"),
        "{v}"
    );
    let mut to: Vec<String> = sink.received().iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, vec!["dan@example.com", "eve@example.com"]);
}

#[test]
fn no_notify_skips_mail_and_without_a_server_the_output_says_how_to_turn_it_on() {
    let env = family();
    let sink = Sink::start();
    let (stdout, stderr) = mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &[
            "--json",
            "invite",
            "send",
            "family",
            "dan@example.com",
            "--no-notify",
        ],
    );
    assert_eq!(json_of(&stdout)[0]["delivery"], Value::Null);
    assert!(!stderr.contains("ROSTER_SMTP_URL"), "{stderr}");
    assert!(outbox(&env).is_empty());
    // Without ROSTER_SMTP_URL: nothing queued, and a note says how to email.
    let out = env.run(&["--json", "invite", "send", "family", "eve@example.com"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_of(&text(&out.stdout))[0]["delivery"], Value::Null);
    assert!(
        text(&out.stderr).contains("set ROSTER_SMTP_URL, ROSTER_MAIL_FROM and ROSTER_INVITE_LINK"),
        "{}",
        text(&out.stderr)
    );
    assert!(outbox(&env).is_empty());
    // --resend with mail on: a new message with the new expiry.
    mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &["invite", "send", "family", "eve@example.com", "--resend"],
    );
    assert!(sink.received().len() == 1 && sink.received()[0].to == ["eve@example.com"]);
    // A setting missing is a usage error before anything is written.
    let out = {
        let mut c = env.cmd();
        c.env("ROSTER_SMTP_URL", sink.url())
            .args(["invite", "send", "family", "fay@example.com"]);
        c.output().unwrap()
    };
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("ROSTER_MAIL_FROM is not"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(sink.received().len(), 1);
}

#[test]
fn canceling_an_invitation_drops_its_unsent_message() {
    let env = family();
    let down = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    let (stdout, _) = mail_expect(
        &env,
        &down,
        &[],
        0,
        &[
            "--json",
            "invite",
            "send",
            "family",
            "dan@example.com",
            "eve@example.com",
        ],
    );
    let v = json_of(&stdout);
    assert_eq!(outbox(&env).len(), 2);
    let dan = v[0]["id"].as_str().unwrap();
    env.ok(&["invite", "cancel", dan]);
    let left = outbox(&env);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["recipient"], "eve@example.com");
    // Nothing goes to the canceled invitee.
    let sink = Sink::start();
    mail_expect(&env, &sink.url(), &[], 0, &["mail", "deliver", "--all"]);
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, vec!["eve@example.com".to_string()]);
}

#[test]
fn a_seed_emails_only_with_notify() {
    let env = Env::init();
    let sink = Sink::start();
    write(
        &env,
        "s.json",
        r#"{"version": 1, "events": [
            {"event": "profile-create", "data": {"name": "Family"}},
            {"event": "invite-send", "data": {"profile": "family", "email": "dan@example.com"}}
        ]}"#,
    );
    mail_expect(&env, &sink.url(), &[], 0, &["seed", "s.json"]);
    assert!(sink.received().is_empty());
    assert!(outbox(&env).is_empty());
    // With --notify, a new invitation is emailed once; run again, nothing more.
    write(
        &env,
        "t.json",
        r#"[{"event": "invite-send", "data": {"profile": "family", "email": "eve@example.com"}}]"#,
    );
    let (_, stderr) = mail_expect(&env, &sink.url(), &[], 0, &["seed", "--notify", "t.json"]);
    assert!(stderr.contains("emailed 1 of 1 invitation"), "{stderr}");
    mail_expect(&env, &sink.url(), &[], 0, &["seed", "--notify", "t.json"]);
    let got = sink.received();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].to, vec!["eve@example.com".to_string()]);
    // A dry run queues nothing that lasts, and sends nothing.
    write(
        &env,
        "u.json",
        r#"[{"event": "invite-send", "data": {"profile": "family", "email": "fay@example.com"}}]"#,
    );
    mail_expect(
        &env,
        &sink.url(),
        &[],
        0,
        &["seed", "--notify", "--dry-run", "u.json"],
    );
    assert_eq!(sink.received().len(), 1);
    assert_eq!(outbox(&env).len(), 1);
    // --notify without a server is a usage error.
    let stderr = env.fails(2, &["seed", "--notify", "u.json"]);
    assert!(stderr.contains("ROSTER_SMTP_URL is not set"), "{stderr}");
}

#[test]
fn a_seed_into_a_new_database_with_notify_emails_its_invitations() {
    // Into an empty PostgreSQL database a seed is loaded in bulk: the outbox rows too.
    let env = Env::new();
    let sink = Sink::start();
    write(
        &env,
        "s.json",
        r#"{"version": 1, "events": [
            {"event": "profile-create", "data": {"name": "Family"}},
            {"event": "invite-send", "data": {"profile": "family", "emails": ["dan@example.com", "eve@example.com"]}}
        ]}"#,
    );
    mail_expect(&env, &sink.url(), &[], 0, &["seed", "--notify", "s.json"]);
    assert_eq!(sink.received().len(), 2);
    let rows = outbox(&env);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["status"] == "sent"), "{rows:?}");
    env.ok(&["audit", "verify"]);
}

#[test]
fn the_smtp_password_is_never_printed() {
    let env = family();
    let sink = Sink::on(0, false);
    let url = format!("smtp://mailer:Sekr1tPw@127.0.0.1:{}?tls=none", sink.port);
    let (_, stderr) = mail_expect(
        &env,
        &url,
        &[],
        0,
        &["-v", "invite", "send", "family", "dan@example.com"],
    );
    assert!(stderr.contains("smtp://mailer:***@127.0.0.1"), "{stderr}");
    assert!(!stderr.contains("Sekr1tPw"), "{stderr}");
    // It was used to sign in, though.
    assert_eq!(
        sink.passwords.lock().unwrap().clone(),
        vec!["Sekr1tPw".to_string()]
    );
    assert_eq!(sink.received().len(), 1);
    // A server quoting the password back in its refusal: masked in the warning, in the
    // outbox and in the audit log.
    let rude = Sink::on(0, true);
    let url = format!("smtp://mailer:Sekr1tPw@127.0.0.1:{}?tls=none", rude.port);
    let (stdout, stderr) = mail_expect(
        &env,
        &url,
        &[],
        0,
        &[
            "-v",
            "--json",
            "invite",
            "send",
            "family",
            "eve@example.com",
        ],
    );
    assert!(stderr.contains("not delivered: "), "{stderr}");
    assert!(stderr.contains("***"), "{stderr}");
    for shown in [
        stdout,
        stderr,
        env.ok(&["--json", "mail", "list"]),
        env.ok(&["--json", "audit"]),
        env.ok(&["export"]),
    ] {
        assert!(!shown.contains("Sekr1tPw"), "{shown}");
    }
    // Nor in the error of a malformed URL.
    let (_, stderr) = mail_expect(
        &env,
        "smtp://mailer:Sekr1tPw@127.0.0.1:notaport",
        &[],
        2,
        &["invite", "send", "family", "fay@example.com"],
    );
    assert!(
        stderr.contains("ROSTER_SMTP_URL smtp://mailer:***@"),
        "{stderr}"
    );
    assert!(!stderr.contains("Sekr1tPw"), "{stderr}");
}

#[test]
fn doctor_reports_messages_queued_for_more_than_an_hour() {
    let env = family();
    let down = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    mail_expect(
        &env,
        &down,
        &[],
        0,
        &["invite", "send", "family", "dan@example.com"],
    );
    env.ok(&["doctor"]);
    let at = later(2 * 3600);
    let out = {
        let mut c = env.cmd();
        c.env("ROSTER_NOW", &at).args(["--json", "doctor"]);
        c.output().unwrap()
    };
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let v = json_of(&text(&out.stdout));
    let f = &v["findings"][0];
    assert_eq!(f["check"], "mail-queued", "{v}");
    assert!(
        f["message"].as_str().unwrap().contains("dan@example.com"),
        "{f}"
    );
    assert!(
        f["fix"].as_str().unwrap().contains("roster mail deliver"),
        "{f}"
    );
}

#[test]
fn two_delivers_at_once_send_each_message_once() {
    let env = family();
    let down = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    let emails: Vec<String> = (0..8).map(|i| format!("p{i}@example.com")).collect();
    let mut args = vec!["invite", "send", "family"];
    args.extend(emails.iter().map(String::as_str));
    mail_expect(&env, &down, &[], 0, &args);
    assert_eq!(outbox(&env).len(), 8);
    let sink = Sink::start();
    let url = sink.url();
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let mut c = env.roster();
            c.env("ROSTER_SMTP_URL", &url)
                .env("ROSTER_MAIL_FROM", "no-reply@example.com")
                .args(["--json", "mail", "deliver", "--all"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped());
            c.spawn().unwrap()
        })
        .collect();
    let outputs: Vec<Output> = runs
        .into_iter()
        .map(|c| c.wait_with_output().unwrap())
        .collect();
    for o in &outputs {
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    }
    let delivered: usize = outputs
        .iter()
        .map(|o| json_of(&text(&o.stdout)).as_array().unwrap().len())
        .sum();
    assert_eq!(delivered, 8);
    let mut to: Vec<String> = sink.received().iter().flat_map(|m| m.to.clone()).collect();
    to.sort();
    assert_eq!(to, emails, "each message exactly once");
    assert_eq!(audit_of(&env, "mail-sent").len(), 8);
    env.ok(&["audit", "verify"]);
}

#[test]
fn the_outbox_is_copied_and_its_commands_need_their_permissions() {
    let env = family();
    let down = format!("smtp://127.0.0.1:{}?tls=none", closed_port());
    mail_expect(
        &env,
        &down,
        &[],
        0,
        &["invite", "send", "family", "dan@example.com"],
    );
    for cmd in [&["mail", "list"][..], &["mail", "deliver"][..]] {
        let mut args = vec!["--as", OWNER];
        args.extend_from_slice(cmd);
        let stderr = env.fails(77, &args);
        assert!(stderr.contains("may not mail-"), "{stderr}");
    }
    let can = env.run(&["can", OWNER, "mail-deliver"]);
    assert_eq!(can.status.code(), Some(1));
    // roster copy moves the outbox with its invitation.
    let other = Env::new();
    env.ok(&["copy", "--to", &other.db_url()]);
    let rows = other.json(&["mail", "list"]);
    assert_eq!(rows, env.json(&["mail", "list"]));
    // Export leaves the outbox out: it is delivery state, not data.
    assert!(!env.ok(&["export"]).contains("outbox"));
}

/// `smtp://` without `?tls=none` requires STARTTLS: a server that does not offer it (the
/// sink speaks plain SMTP) gets nothing — no message in clear text, no password — and the
/// message stays queued.
#[test]
fn smtp_without_tls_none_requires_starttls_and_sends_nothing_in_the_clear() {
    let env = family();
    let sink = Sink::start();
    let plain = format!("smtp://roster:hunter2@127.0.0.1:{}", sink.port);
    let (stdout, stderr) = mail_expect(
        &env,
        &plain,
        &[],
        0,
        &["--json", "invite", "send", "family", "dan@example.com"],
    );
    assert_eq!(json_of(&stdout)[0]["delivery"], "queued", "{stdout}");
    assert!(stderr.contains("warning: not delivered: "), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    assert!(sink.received().is_empty(), "nothing sent without TLS");
    assert!(
        sink.passwords.lock().unwrap().is_empty(),
        "no password sent"
    );
    assert_eq!(
        env.json(&["mail", "list", "--status", "queued"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
