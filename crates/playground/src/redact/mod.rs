//! Redaction before sharing events: CloudTrail records name accounts, people, addresses and
//! keys. Every sensitive value is replaced by a placeholder of the same kind (an account stays
//! 12 digits, an address stays an address in a documentation range, a key stays key-shaped, a
//! UUID stays a UUID), and the same value always gets the same placeholder within one
//! redaction, in the events and the pattern alike, so relationships and most match results
//! survive.
//!
//! ```
//! use eventpen_playground::redact::redact;
//! use eventpen_playground::NamedText;
//! let event = NamedText { name: "e".into(), text: r#"{"account":"123456789012"}"#.into() };
//! let r = redact(&[event], r#"{"account":["123456789012"]}"#);
//! assert_eq!(r.events[0].text, r#"{"account":"111111111111"}"#);
//! assert_eq!(r.pattern, r#"{"account":["111111111111"]}"#);
//! assert_eq!((r.changes[0].kind, r.changes[0].count), ("account", 2));
//! ```
//!
//! Inputs that parse as JSON (one value, several, JSON Lines) are redacted value by value and
//! written back in the same layout (pretty if the input spanned lines, one value per line for
//! JSON Lines); an input with nothing to redact is returned byte for byte. Text that does not
//! parse is redacted as text, with the same mapping. Values that already look like
//! placeholders are left alone, which makes redacting twice change nothing more.
//!
//! What is replaced: account ids (under account keys, in ARNs, and anywhere else once known),
//! IPv4/IPv6 addresses (also inside EC2 host names `ip-10-0-1-23…`), access key ids and other
//! IAM unique ids, user/role/session names (name keys, IAM and STS ARNs, and as words in free
//! text once known), e-mail addresses, request/event ids, and credentials CloudTrail left in
//! (`sessionToken`, `password`). Names keep the fragments a pattern's `prefix`, `suffix` and
//! `wildcard` values spell out, so those still match. Not replaced: other resource names
//! (buckets, functions, instance ids), free-form tags, and keys of objects.

mod literals;
mod mapper;
mod scan;
mod walk;

use crate::NamedText;
use literals::Literals;
use mapper::Mapper;
use scan::{Context, scan};
use serde_json::Value;

/// The redacted events and pattern, and what was replaced.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Redaction {
    /// The events: redacted texts, and names redacted like free text.
    pub events: Vec<NamedText>,
    /// The redacted pattern.
    pub pattern: String,
    /// One line per distinct value replaced, in order of first appearance.
    pub changes: Vec<Change>,
}

/// One distinct value and its placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `"account"`, `"ip"`, `"access-key"`, `"principal-id"`, `"user"`, `"role"`,
    /// `"session"`, `"email"`, `"id"` or `"secret"`.
    pub kind: &'static str,
    /// The value as it was.
    pub original: String,
    /// The placeholder written instead.
    pub replacement: String,
    /// How many times it was replaced (events and pattern together).
    pub count: usize,
}

/// Redact the event inputs and the pattern with one consistent mapping.
pub fn redact(events: &[NamedText], pattern: &str) -> Redaction {
    let mut mapper = Mapper::new(Literals::of_pattern(pattern));
    // Pass 1 notes what is sensitive everywhere; pass 2 replaces it everywhere.
    for text in events.iter().map(|e| e.text.as_str()).chain([pattern]) {
        redact_text(text, &mut mapper, &[]);
    }
    for event in events {
        scan(&event.name, Context::JsonString, &mut mapper, &[]);
    }
    mapper.start_replacing();
    let names = mapper.known_names();
    let redacted_events = events
        .iter()
        .map(|e| NamedText {
            // Tab names are the user's words (often a file name): same mapping, as text.
            name: scan(&e.name, Context::JsonString, &mut mapper, &names),
            text: redact_text(&e.text, &mut mapper, &names),
        })
        .collect();
    let redacted_pattern = redact_text(pattern, &mut mapper, &names);
    Redaction {
        events: redacted_events,
        pattern: redacted_pattern,
        changes: mapper
            .entries
            .into_iter()
            .filter(|e| e.count > 0)
            .map(|e| Change {
                kind: e.kind.label(),
                original: e.original,
                replacement: e.replacement,
                count: e.count,
            })
            .collect(),
    }
}

/// One input: structurally if it parses as a stream of JSON values, as text otherwise.
fn redact_text(text: &str, mapper: &mut Mapper, names: &[String]) -> String {
    let parsed: Result<Vec<Value>, _> = serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .collect();
    let values = match parsed {
        Ok(values) if !values.is_empty() => values,
        _ => return scan(text, Context::RawText, mapper, names),
    };
    let mut redacted = values.clone();
    for value in &mut redacted {
        walk::walk(value, mapper, names);
    }
    if redacted == values {
        return text.to_string();
    }
    write_like(text, &redacted)
}

/// Write values back in the input's layout: one compact value per line for JSON Lines (and
/// for a single-line input), pretty-printed otherwise.
fn write_like(original: &str, values: &[Value]) -> String {
    let lines = original.lines().filter(|l| !l.trim().is_empty()).count();
    let compact = lines == values.len();
    let write = |v: &Value| {
        if compact {
            serde_json::to_string(v)
        } else {
            serde_json::to_string_pretty(v)
        }
        .unwrap_or_default()
    };
    let mut out = values.iter().map(write).collect::<Vec<_>>().join("\n");
    if original.ends_with('\n') {
        out.push('\n');
    }
    out
}
