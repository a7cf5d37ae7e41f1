//! A streaming scanner for seed files. It walks the three accepted layouts (the version-1
//! document, a bare array, JSON Lines) one event at a time, keeping only the current event
//! in memory, and records the line and column of every event and of every field in its
//! `data`, so that errors can name `FILE:LINE:COLUMN`.

use std::io::Read;

use serde_json::Value;

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// A syntax error: the file cannot be read past this point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// One field of an event, with where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub key: String,
    pub key_pos: Pos,
    pub value: Value,
    pub value_pos: Pos,
}

/// One event as written: its top-level fields, and the fields of its `data` object.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RawEvent {
    pub pos: Pos,
    pub top: Vec<Field>,
    /// The fields of `data` when it is an object; `None` when `data` is absent or not one.
    pub data: Option<Vec<Field>>,
    /// Problems found in its values that do not stop the reading (a key given twice inside
    /// an object, an integer beyond 64 bits: see [`crate::json`]), reported with the
    /// event's other errors.
    pub problems: Vec<SyntaxError>,
    /// The event it was written as, when it was translated from another format (a
    /// Stackpress person's `profile-create`, read as a `user-create`): for messages.
    pub alias: Option<&'static str>,
}

impl RawEvent {
    pub fn top(&self, key: &str) -> Option<&Field> {
        self.top.iter().find(|f| f.key == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Document,
    Array,
    Lines,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    /// Inside the events array; `first` until an element was read.
    InArray {
        first: bool,
    },
    /// After the document's events array: remaining keys.
    AfterEvents,
    Done,
}

pub struct Scanner<R: Read> {
    src: R,
    buf: Vec<u8>,
    at: usize,
    len: usize,
    eof: bool,
    line: u32,
    col: u32,
    layout: Layout,
    state: State,
    /// Problems with the document's own keys (`version`, unknown keys), reported with the
    /// events' errors.
    pub doc_errors: Vec<SyntaxError>,
    saw_events: bool,
    saw_version: bool,
    keys_seen: usize,
    /// Problems in the values read since the last event (see [`RawEvent::problems`]).
    problems: Vec<SyntaxError>,
}

const BUF: usize = 64 * 1024;
/// The largest single value accepted (a guard against unbounded memory on bad input).
const MAX_VALUE: usize = 16 * 1024 * 1024;

impl<R: Read> Scanner<R> {
    pub fn new(src: R, layout: Option<Layout>) -> Self {
        Scanner {
            src,
            buf: vec![0; BUF],
            at: 0,
            len: 0,
            eof: false,
            line: 1,
            col: 1,
            layout: layout.unwrap_or(Layout::Document),
            state: State::Start,
            doc_errors: Vec::new(),
            saw_events: false,
            saw_version: false,
            keys_seen: 0,
            problems: Vec::new(),
        }
    }

    pub fn layout(&self) -> Layout {
        self.layout
    }

    /// The reader, to learn what it saw (how much, a digest) once scanning is done.
    pub fn into_inner(self) -> R {
        self.src
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, SyntaxError> {
        Err(SyntaxError {
            pos: self.pos(),
            message: message.into(),
        })
    }

    pub fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            col: self.col,
        }
    }

    #[inline]
    fn fill(&mut self) -> Result<(), SyntaxError> {
        if self.at < self.len || self.eof {
            return Ok(());
        }
        self.refill()
    }

    /// Reads the next block of input (the buffer is used up).
    #[cold]
    fn refill(&mut self) -> Result<(), SyntaxError> {
        loop {
            match self.src.read(&mut self.buf) {
                Ok(0) => {
                    self.eof = true;
                    self.len = 0;
                    self.at = 0;
                    return Ok(());
                }
                Ok(n) => {
                    self.len = n;
                    self.at = 0;
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return self.err(format!("read error: {e}")),
            }
        }
    }

    #[inline]
    fn peek(&mut self) -> Result<Option<u8>, SyntaxError> {
        self.fill()?;
        Ok((self.at < self.len).then(|| self.buf[self.at]))
    }

    #[inline]
    fn bump(&mut self) -> Result<Option<u8>, SyntaxError> {
        let b = self.peek()?;
        if let Some(b) = b {
            self.at += 1;
            if b == b'\n' {
                self.line += 1;
                self.col = 1;
            } else if b & 0xC0 != 0x80 {
                self.col += 1;
            }
        }
        Ok(b)
    }

    fn skip_ws(&mut self) -> Result<(), SyntaxError> {
        // Nearly always: no white space at all, or spaces within the buffer.
        if let Some(&b) = self.buf[..self.len].get(self.at)
            && !matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0xEF)
        {
            return Ok(());
        }
        while let Some(b) = self.peek()? {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.bump()?;
            } else if b == 0xEF && self.line == 1 && self.col == 1 {
                // A UTF-8 byte order mark at the very start.
                for _ in 0..3 {
                    self.bump()?;
                }
                self.col = 1;
            } else {
                break;
            }
        }
        Ok(())
    }

    fn expect(&mut self, want: u8, what: &str) -> Result<(), SyntaxError> {
        self.skip_ws()?;
        match self.peek()? {
            Some(b) if b == want => {
                self.bump()?;
                Ok(())
            }
            Some(b) => self.err(format!("expected {what}, found {}", show_byte(b))),
            None => self.err(format!("expected {what}, found the end of the file")),
        }
    }

    /// Copies the raw bytes of one JSON value into `out`, checking that brackets balance
    /// and strings end; the bytes are then parsed by serde_json.
    ///
    /// Longer than most functions here: it is the scanner's hot loop (every byte of every
    /// value goes through it), one state machine whose state (`depth`, `in_string`,
    /// `escaped`) stays in locals; split, that state would travel through a struct.
    fn capture(&mut self, out: &mut Vec<u8>) -> Result<(), SyntaxError> {
        self.skip_ws()?;
        let mut depth: Vec<u8> = Vec::new();
        let mut in_string = false;
        let mut escaped = false;
        let start = self.pos();
        // Where the string being read starts: errors inside a string point there.
        let mut string_start = start;
        loop {
            let Some(b) = self.peek()? else {
                return Err(SyntaxError {
                    pos: if in_string {
                        string_start
                    } else if !depth.is_empty() {
                        start
                    } else {
                        self.pos()
                    },
                    message: if in_string {
                        "a string that starts here never ends".into()
                    } else if !depth.is_empty() {
                        "a value that starts here never ends".into()
                    } else {
                        "expected a value, found the end of the file".into()
                    },
                });
            };
            if out.len() > MAX_VALUE {
                return Err(SyntaxError {
                    pos: start,
                    message: format!("a value larger than {} MiB starts here", MAX_VALUE >> 20),
                });
            }
            if in_string && !escaped && b != b'"' && b != b'\\' && b != b'\n' {
                // Fast path: copy the run of ordinary string bytes in the buffer at once.
                let run = &self.buf[self.at..self.len];
                let n = run
                    .iter()
                    .position(|&c| c == b'"' || c == b'\\' || c == b'\n')
                    .unwrap_or(run.len());
                out.extend_from_slice(&run[..n]);
                self.col += run[..n].iter().filter(|&&c| c & 0xC0 != 0x80).count() as u32;
                self.at += n;
                continue;
            }
            if in_string {
                if b == b'\n' {
                    return Err(SyntaxError {
                        pos: string_start,
                        message: "a string that starts here has a line break in it (write \\n)"
                            .into(),
                    });
                }
                self.bump()?;
                out.push(b);
                if escaped {
                    escaped = false;
                } else if b == b'\\' {
                    escaped = true;
                } else if b == b'"' {
                    in_string = false;
                    if depth.is_empty() {
                        return Ok(());
                    }
                }
                continue;
            }
            match b {
                b'"' => {
                    in_string = true;
                    string_start = self.pos();
                }
                b'{' => depth.push(b'}'),
                b'[' => depth.push(b']'),
                b'}' | b']' => {
                    if depth.is_empty() {
                        // The end of the enclosing container: the scalar before it is done.
                        return if out.is_empty() {
                            self.err(format!("expected a value, found {}", show_byte(b)))
                        } else {
                            Ok(())
                        };
                    }
                    if depth.pop() != Some(b) {
                        return self.err(format!("unexpected {}", show_byte(b)));
                    }
                    self.bump()?;
                    out.push(b);
                    if depth.is_empty() {
                        return Ok(());
                    }
                    continue;
                }
                b',' | b' ' | b'\t' | b'\n' | b'\r' if depth.is_empty() => {
                    return if out.is_empty() {
                        self.err(format!("expected a value, found {}", show_byte(b)))
                    } else {
                        Ok(())
                    };
                }
                _ => {}
            }
            self.bump()?;
            out.push(b);
        }
    }

    /// A string with no escapes that ends inside the buffer, read without a JSON parser:
    /// nearly every key and string value of a seed. `None` (nothing consumed) otherwise.
    fn plain_string(&mut self) -> Option<String> {
        let rest = self.buf.get(self.at..self.len)?;
        if rest.first() != Some(&b'"') {
            return None;
        }
        let body = &rest[1..];
        let end = memchr::memchr2(b'"', b'\\', body)?;
        if body[end] != b'"' {
            return None;
        }
        let text = &body[..end];
        // One pass over the bytes: any control character (then not plain), any byte
        // beyond ASCII (then UTF-8 to check and characters to count).
        let (control, high) = text
            .iter()
            .fold((false, 0u8), |(c, h), &b| (c | (b < 0x20), h | b));
        if control {
            return None;
        }
        let (text, chars) = if high < 0x80 {
            // ASCII: valid UTF-8, one character a byte.
            // SAFETY: every byte of `text` is below 0x80 (`high`), and ASCII is UTF-8.
            (unsafe { String::from_utf8_unchecked(text.to_vec()) }, end)
        } else {
            let s = std::str::from_utf8(text).ok()?;
            (s.to_string(), s.chars().count())
        };
        self.col += 2 + chars as u32;
        self.at += end + 2;
        Some(text)
    }

    /// A non-negative integer of at most 18 digits, without a leading zero, that ends
    /// inside the buffer: the years, ids and numbers of a seed, read without a JSON
    /// parser (serde_json reads it as the same `u64`). `None` (nothing consumed)
    /// otherwise: a fraction, an exponent, a sign or a longer number takes the parser.
    fn plain_integer(&mut self) -> Option<u64> {
        let rest = self.buf.get(self.at..self.len)?;
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits == 0 || digits > 18 || (digits > 1 && rest[0] == b'0') {
            return None;
        }
        // What follows must end the number here; the end of the buffer is not known to.
        if !matches!(
            rest.get(digits)?,
            b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
        ) {
            return None;
        }
        let n = rest[..digits]
            .iter()
            .fold(0u64, |n, &d| n * 10 + u64::from(d - b'0'));
        self.col += digits as u32;
        self.at += digits;
        Some(n)
    }

    /// One value, `name`d in messages. Objects, arrays and numbers are also checked for
    /// what serde_json accepts silently ([`crate::json::check`]); strings, nearly every
    /// value of a seed, are not looked at twice.
    fn value(&mut self, name: &str) -> Result<(Value, Pos), SyntaxError> {
        self.skip_ws()?;
        let pos = self.pos();
        if let Some(text) = self.plain_string() {
            return Ok((Value::String(text), pos));
        }
        if let Some(n) = self.plain_integer() {
            return Ok((Value::from(n), pos));
        }
        let mut raw = Vec::new();
        self.capture(&mut raw)?;
        let v = serde_json::from_slice(&raw).map_err(|e| SyntaxError {
            pos: offset(pos, e.line(), e.column()),
            message: format!("invalid JSON: {}", strip_position(&e.to_string())),
        })?;
        if matches!(raw.first(), Some(b'{' | b'[' | b'-' | b'0'..=b'9')) {
            for p in crate::json::check(&raw, name) {
                self.problems.push(SyntaxError {
                    pos: offset(pos, p.line, p.col),
                    message: p.message,
                });
            }
        }
        Ok((v, pos))
    }

    fn key(&mut self) -> Result<(String, Pos), SyntaxError> {
        self.skip_ws()?;
        let pos = self.pos();
        match self.peek()? {
            Some(b'"') => {}
            Some(b) => return self.err(format!("expected a quoted key, found {}", show_byte(b))),
            None => return self.err("expected a key, found the end of the file"),
        }
        let key = match self.plain_string() {
            Some(key) => key,
            None => {
                let mut raw = Vec::with_capacity(32);
                self.capture(&mut raw)?;
                serde_json::from_slice::<String>(&raw).map_err(|e| SyntaxError {
                    pos: offset(pos, e.line(), e.column()),
                    message: format!("invalid key: {}", strip_position(&e.to_string())),
                })?
            }
        };
        self.expect(b':', "':' after the key")?;
        Ok((key, pos))
    }

    /// Reads `{ "k": v, ... }` into fields with positions.
    fn object(&mut self) -> Result<Vec<Field>, SyntaxError> {
        self.expect(b'{', "'{'")?;
        let mut fields = Vec::new();
        self.skip_ws()?;
        if self.peek()? == Some(b'}') {
            self.bump()?;
            return Ok(fields);
        }
        loop {
            let (key, key_pos) = self.key()?;
            let (value, value_pos) = self.value(&key).map_err(|mut e| {
                e.message = format!("{key}: {}", e.message);
                e
            })?;
            fields.push(Field {
                key,
                key_pos,
                value,
                value_pos,
            });
            self.skip_ws()?;
            match self.bump()? {
                Some(b',') => continue,
                Some(b'}') => return Ok(fields),
                Some(b) => {
                    return self.err(format!("expected ',' or '}}', found {}", show_byte(b)));
                }
                None => return self.err("expected ',' or '}', found the end of the file"),
            }
        }
    }

    /// Reads one event object; its `data`, when an object, is split into fields.
    fn event(&mut self) -> Result<RawEvent, SyntaxError> {
        self.problems.clear();
        let mut ev = self.event_fields()?;
        ev.problems = std::mem::take(&mut self.problems);
        Ok(ev)
    }

    fn event_fields(&mut self) -> Result<RawEvent, SyntaxError> {
        self.skip_ws()?;
        let pos = self.pos();
        match self.peek()? {
            Some(b'{') => {}
            Some(b) => {
                return self.err(format!("expected an event object, found {}", show_byte(b)));
            }
            None => return self.err("expected an event, found the end of the file"),
        }
        self.bump()?;
        let mut ev = RawEvent {
            pos,
            ..RawEvent::default()
        };
        self.skip_ws()?;
        if self.peek()? == Some(b'}') {
            self.bump()?;
            return Ok(ev);
        }
        loop {
            let (key, key_pos) = self.key()?;
            self.skip_ws()?;
            let value_pos = self.pos();
            if key == "data" && self.peek()? == Some(b'{') {
                ev.data = Some(self.object()?);
                ev.top.push(Field {
                    key,
                    key_pos,
                    value: Value::Object(Default::default()),
                    value_pos,
                });
            } else {
                let (value, value_pos) = self.value(&key)?;
                ev.top.push(Field {
                    key,
                    key_pos,
                    value,
                    value_pos,
                });
            }
            self.skip_ws()?;
            match self.bump()? {
                Some(b',') => continue,
                Some(b'}') => return Ok(ev),
                Some(b) => {
                    return self.err(format!(
                        "expected ',' or '}}' in the event, found {}",
                        show_byte(b)
                    ));
                }
                None => return self.err("the event object never ends"),
            }
        }
    }

    /// Decides the layout from the first byte when it was not given: `[` is a bare array,
    /// `{` the document.
    fn start(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws()?;
        if self.layout == Layout::Lines {
            self.state = State::InArray { first: true };
            return Ok(());
        }
        match self.peek()? {
            Some(b'[') => {
                self.layout = Layout::Array;
                self.bump()?;
                self.state = State::InArray { first: true };
                Ok(())
            }
            Some(b'{') => {
                self.layout = Layout::Document;
                self.bump()?;
                self.document_keys()
            }
            Some(b) => self.err(format!(
                "expected a seed document '{{\"version\": 1, \"events\": [...]}}' or an array of events, found {}",
                show_byte(b)
            )),
            None => {
                self.state = State::Done;
                self.err("the file is empty")
            }
        }
    }

    /// Reads the document's keys up to (and into) the events array, or to its end.
    fn document_keys(&mut self) -> Result<(), SyntaxError> {
        loop {
            self.skip_ws()?;
            if self.keys_seen > 0 {
                match self.peek()? {
                    Some(b'}') => {
                        self.bump()?;
                        return self.finish_document();
                    }
                    Some(b',') => {
                        self.bump()?;
                    }
                    Some(b) => {
                        return self.err(format!(
                            "expected ',' or '}}' in the document, found {}",
                            show_byte(b)
                        ));
                    }
                    None => return self.err("the seed document never ends"),
                }
            } else if self.peek()? == Some(b'}') {
                self.bump()?;
                return self.finish_document();
            }
            let (key, key_pos) = self.key()?;
            self.keys_seen += 1;
            if self.document_key(&key, key_pos)? {
                return Ok(());
            }
            let problems = std::mem::take(&mut self.problems);
            self.doc_errors.extend(problems);
        }
    }

    /// Reads the value of one key of the document; true when it opened the events array.
    fn document_key(&mut self, key: &str, key_pos: Pos) -> Result<bool, SyntaxError> {
        match key {
            "events" => {
                if self.saw_events {
                    return Err(SyntaxError {
                        pos: key_pos,
                        message: "a second \"events\" array in the document".into(),
                    });
                }
                self.saw_events = true;
                self.expect(b'[', "'[' to start the events")?;
                self.state = State::InArray { first: true };
                return Ok(true);
            }
            "version" => {
                let (v, pos) = self.value("version")?;
                if self.saw_version {
                    self.doc_errors.push(SyntaxError {
                        pos: key_pos,
                        message: "key \"version\" is given twice in the seed document".into(),
                    });
                }
                self.saw_version = true;
                if v != 1 {
                    self.doc_errors.push(SyntaxError {
                        pos,
                        message: format!(
                            "version: {v} is not supported (this roster reads version 1)"
                        ),
                    });
                }
            }
            // Names the JSON Schema for editors (README "Seeds and export"); otherwise ignored.
            "$schema" => {
                let (v, pos) = self.value("$schema")?;
                if !v.is_string() {
                    self.doc_errors.push(SyntaxError {
                        pos,
                        message: "$schema: expected a string (the URL or path of the seed schema)"
                            .into(),
                    });
                }
            }
            other => {
                self.value(other)?;
                self.doc_errors.push(SyntaxError {
                    pos: key_pos,
                    message: if other == "event" || other == "data" || other == "as" {
                        format!(
                            "unknown key {other:?} in the seed document: this looks like JSON Lines (one event per line); name the file *.jsonl, or add --jsonl when reading stdin"
                        )
                    } else {
                        format!("unknown key {other:?} in the seed document (expected \"version\", \"events\" and an optional \"$schema\")")
                    },
                });
            }
        }
        Ok(false)
    }

    fn finish_document(&mut self) -> Result<(), SyntaxError> {
        self.state = State::Done;
        if !self.saw_events {
            self.doc_errors.push(SyntaxError {
                pos: self.pos(),
                message: "the seed document has no \"events\" array".into(),
            });
        }
        self.trailing()
    }

    fn trailing(&mut self) -> Result<(), SyntaxError> {
        self.skip_ws()?;
        match self.peek()? {
            None => Ok(()),
            Some(b) => self.err(format!(
                "unexpected {} after the end of the seed",
                show_byte(b)
            )),
        }
    }

    /// The next event, `None` at the end. After a syntax error the scanner is done.
    pub fn next_event(&mut self) -> Option<Result<RawEvent, SyntaxError>> {
        let r = self.advance();
        if let Some(Err(_)) = &r {
            self.state = State::Done;
        }
        r
    }

    fn advance(&mut self) -> Option<Result<RawEvent, SyntaxError>> {
        loop {
            match self.state {
                State::Done => return None,
                State::Start => {
                    if let Err(e) = self.start() {
                        return Some(Err(e));
                    }
                }
                State::AfterEvents => {
                    self.state = State::Done;
                    if let Err(e) = self.document_keys() {
                        return Some(Err(e));
                    }
                }
                State::InArray { first } => {
                    if let Err(e) = self.skip_ws() {
                        return Some(Err(e));
                    }
                    let next = match self.peek() {
                        Ok(b) => b,
                        Err(e) => return Some(Err(e)),
                    };
                    if self.layout == Layout::Lines {
                        return match next {
                            None => {
                                self.state = State::Done;
                                None
                            }
                            Some(_) => Some(self.event()),
                        };
                    }
                    match next {
                        Some(b']') => {
                            let _ = self.bump();
                            if self.layout == Layout::Document {
                                self.state = State::AfterEvents;
                                continue;
                            }
                            self.state = State::Done;
                            return self.trailing().err().map(Err);
                        }
                        Some(b',') if !first => {
                            let _ = self.bump();
                            return Some(self.event_then(false));
                        }
                        Some(_) if first => return Some(self.event_then(false)),
                        Some(b) => {
                            return Some(self.err(format!(
                                "expected ',' or ']' between events, found {}",
                                show_byte(b)
                            )));
                        }
                        None => return Some(self.err("the events array never ends")),
                    }
                }
            }
        }
    }

    fn event_then(&mut self, first: bool) -> Result<RawEvent, SyntaxError> {
        self.state = State::InArray { first };
        self.event()
    }
}

fn show_byte(b: u8) -> String {
    if b.is_ascii_graphic() {
        format!("'{}'", b as char)
    } else {
        format!("byte 0x{b:02x}")
    }
}

/// Shifts a serde_json (line, column) inside a value to file coordinates.
fn offset(base: Pos, line: usize, col: usize) -> Pos {
    if line <= 1 {
        Pos {
            line: base.line,
            col: base.col + col.saturating_sub(1) as u32,
        }
    } else {
        Pos {
            line: base.line + line as u32 - 1,
            col: col as u32,
        }
    }
}

fn strip_position(msg: &str) -> String {
    match msg.find(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(
        text: &str,
        layout: Option<Layout>,
    ) -> (Vec<RawEvent>, Option<SyntaxError>, Vec<SyntaxError>) {
        let mut s = Scanner::new(text.as_bytes(), layout);
        let mut out = Vec::new();
        let mut err = None;
        while let Some(r) = s.next_event() {
            match r {
                Ok(e) => out.push(e),
                Err(e) => {
                    err = Some(e);
                    break;
                }
            }
        }
        (out, err, s.doc_errors)
    }

    #[test]
    fn document_with_positions() {
        let text = "{\"version\": 1, \"events\": [\n  {\"event\": \"user-create\", \"data\": {\"email\": \"a@x.io\", \"name\": \"A\"}},\n  {\"event\": \"profile-create\", \"data\": {\"name\": \"F\"}}\n]}\n";
        let (evs, err, doc) = all(text, None);
        assert!(err.is_none(), "{err:?}");
        assert!(doc.is_empty(), "{doc:?}");
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[0].pos, Pos { line: 2, col: 3 });
        let data = evs[0].data.as_ref().unwrap();
        assert_eq!(data[0].key, "email");
        assert_eq!(data[0].key_pos, Pos { line: 2, col: 37 });
        assert_eq!(data[1].value, Value::from("A"));
        assert_eq!(
            evs[1].top("event").unwrap().value,
            Value::from("profile-create")
        );
    }

    #[test]
    fn version_after_events_and_unknown_keys() {
        let (evs, err, doc) = all("{\"events\": [], \"version\": 2, \"x\": 1}", None);
        assert!(evs.is_empty() && err.is_none());
        assert_eq!(doc.len(), 2, "{doc:?}");
        assert!(doc[0].message.contains("version"));
        assert!(doc[1].message.contains("\"x\""));
    }

    #[test]
    fn bare_array_and_lines() {
        let (evs, err, _) = all(
            "[{\"event\": \"a\"}, {\"event\": \"b\", \"data\": {}}]",
            None,
        );
        assert!(err.is_none());
        assert_eq!(evs.len(), 2);
        let (evs, err, _) = all(
            "{\"event\": \"a\"}\n\n{\"event\": \"b\"}\n",
            Some(Layout::Lines),
        );
        assert!(err.is_none(), "{err:?}");
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[1].pos.line, 3);
    }

    #[test]
    fn syntax_errors_have_positions() {
        let (_, err, _) = all("[{\"event\": \"a\",}]", None);
        assert!(err.is_some());
        let (evs, err, _) = all("[{\"event\": \"a\"}\n {\"event\": \"b\"}]", None);
        assert_eq!(evs.len(), 1);
        assert_eq!(err.unwrap().pos.line, 2);
        let (_, err, _) = all(
            "{\"events\": [{\"event\": \"a\", \"data\": {\"n\": tru}}]}",
            None,
        );
        assert!(err.unwrap().message.contains("invalid JSON"));
        let (_, err, _) = all("", None);
        assert!(err.unwrap().message.contains("empty"));
        let (_, err, _) = all("[{\"event\": \"a\"}] x", None);
        assert!(err.unwrap().message.contains("after the end"));
        let (_, err, _) = all("[{\"event\": \"unterminated}]", None);
        assert!(err.is_some());
        let (_, err, _) = all("\"just a string\"", None);
        assert!(err.is_some());
    }

    #[test]
    fn columns_count_characters_through_plain_and_escaped_strings() {
        // After "é…" (plain, two characters in five bytes) and "a\u00e9" (escaped), columns
        // still count characters: the error about the stray `x` is given once it is read,
        // at the column after it, as for ASCII-only lines.
        let text = "[{\"event\": \"é…\", \"k\": \"a\\u00e9\" x}]";
        let (_, err, _) = all(text, None);
        let err = err.expect("an error");
        let want = text.chars().position(|c| c == 'x').unwrap() as u32 + 2;
        assert_eq!((err.pos.line, err.pos.col), (1, want), "{err:?}");
        // A control character makes a string not plain: the parser refuses it, with its place.
        let (_, err, _) = all("[{\"event\": \"a\u{1}b\"}]", None);
        assert!(err.is_some());
    }

    #[test]
    fn numbers_read_without_the_parser_are_the_parsers_numbers() {
        // Every spelling, plain or not, gives serde_json's own value and the next key its
        // column; the ones that are no plain integer give the parser's verdict.
        for lit in [
            "0",
            "7",
            "1000",
            "123456789012345678",
            "1234567890123456789",
            "18446744073709551615",
            "-5",
            "-0",
            "1.5",
            "1e3",
            "2E-2",
            "01",
            "12x",
            "[1, 2]",
        ] {
            for sep in ["", " ", "\n "] {
                let text =
                    format!("[{{\"event\": \"a\", \"data\": {{\"n\": {lit}{sep}, \"k\": 1}}}}]");
                let (evs, err, _) = all(&text, None);
                match serde_json::from_str::<Value>(lit) {
                    Ok(want) => {
                        assert!(err.is_none(), "{lit:?}: {err:?}");
                        let data = evs[0].data.as_ref().expect("data");
                        assert_eq!(data[0].value, want, "{lit:?}");
                        assert_eq!(
                            serde_json::to_string(&data[0].value).unwrap(),
                            serde_json::to_string(&want).unwrap(),
                            "{lit:?}"
                        );
                        let col = text[..text.find("\"k\"").unwrap()]
                            .rsplit('\n')
                            .next()
                            .unwrap()
                            .chars()
                            .count() as u32
                            + 1;
                        assert_eq!(data[1].key_pos.col, col, "{lit:?} {sep:?}");
                    }
                    Err(_) => assert!(err.is_some(), "{lit:?} was read: {evs:?}"),
                }
            }
        }
        // A number cut by the end of the scanner's buffer is read whole.
        let pad = " ".repeat(BUF - 30);
        let text = format!("[{{\"event\": \"a\",{pad}\"data\": {{\"n\": 123456}}}}]");
        let (evs, err, _) = all(&text, None);
        assert!(err.is_none(), "{err:?}");
        assert_eq!(
            evs[0].data.as_ref().unwrap()[0].value,
            serde_json::json!(123456)
        );
    }

    #[test]
    fn strict_problems_do_not_stop_the_reading() {
        let text = "{\"version\": 1, \"events\": [\n{\"event\": \"a\", \"data\": {\"m\": {\"k\": 1, \"k\": 2}, \"n\": 1e3}},\n{\"event\": \"b\", \"data\": {\"n\": -99999999999999999999}}\n], \"version\": 1}";
        let (evs, err, doc) = all(text, None);
        assert!(err.is_none(), "{err:?}");
        assert_eq!(evs.len(), 2);
        assert_eq!(evs[0].problems.len(), 1, "{:?}", evs[0].problems);
        assert_eq!(evs[0].problems[0].pos, Pos { line: 2, col: 39 });
        assert_eq!(evs[0].problems[0].message, "m: key \"k\" is given twice");
        assert_eq!(evs[1].problems.len(), 1, "{:?}", evs[1].problems);
        assert!(evs[1].problems[0].message.starts_with("n: the integer"));
        assert_eq!(doc.len(), 1, "{doc:?}");
        assert!(doc[0].message.contains("\"version\" is given twice"));
    }

    #[test]
    fn never_panics_on_garbage() {
        for text in [
            "{",
            "[",
            "{\"events\":",
            "{\"events\": [",
            "[{",
            "[{\"a\"",
            "[{\"a\":",
            "[{\"a\":1",
            "]]]",
            "{}}",
            "[1,2]",
            "{\"events\": [], \"events\": []}",
            "\u{feff}[]",
        ] {
            let _ = all(text, None);
            let _ = all(text, Some(Layout::Lines));
        }
    }
}
