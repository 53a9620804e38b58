//! One consistent mapping from sensitive values to placeholders, shared by every event and the
//! pattern of one redaction.
//!
//! Redaction runs in two passes over the same text: the first only *notes* what it finds (and
//! which placeholder-shaped values already exist, so no new placeholder collides with them);
//! then placeholders are assigned in order of first appearance; the second pass replaces and
//! counts. Two passes let a value found in one place (an account in an ARN) be replaced
//! everywhere else it appears (in a bucket name, an error message), whatever the order.

use super::literals::Literals;
use std::collections::{HashMap, HashSet};

/// What kind of value a placeholder stands for; decides the placeholder's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// 12-digit AWS account id.
    Account,
    /// IPv4 address.
    Ipv4,
    /// IPv6 address.
    Ipv6,
    /// `AKIA…` / `ASIA…` access key id.
    AccessKey,
    /// Other IAM unique ids (`AIDA…` user, `AROA…` role, …).
    PrincipalId,
    /// IAM user (or federated user) name.
    User,
    /// IAM role name.
    Role,
    /// Role session name.
    Session,
    /// E-mail address.
    Email,
    /// A UUID-shaped request or event id.
    Uuid,
    /// A request or event id of any other shape.
    OtherId,
    /// A credential CloudTrail left in a record (a session token, a password).
    Secret,
}

impl Kind {
    /// The name shown to users in the list of changes.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Kind::Account => "account",
            Kind::Ipv4 | Kind::Ipv6 => "ip",
            Kind::AccessKey => "access-key",
            Kind::PrincipalId => "principal-id",
            Kind::User => "user",
            Kind::Role => "role",
            Kind::Session => "session",
            Kind::Email => "email",
            Kind::Uuid | Kind::OtherId => "id",
            Kind::Secret => "secret",
        }
    }

    /// Names are also looked for as whole words in free text once they are known.
    pub(crate) fn is_name(self) -> bool {
        matches!(self, Kind::User | Kind::Role | Kind::Session)
    }
}

/// A noted value and, once assigned, its placeholder and how often it was replaced.
#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) kind: Kind,
    pub(crate) original: String,
    pub(crate) replacement: String,
    pub(crate) count: usize,
}

/// The mapping of one redaction.
#[derive(Debug, Default)]
pub(crate) struct Mapper {
    /// Noted values in order of first appearance (so placeholders number in reading order).
    pub(crate) entries: Vec<Entry>,
    by_original: HashMap<String, usize>,
    /// Placeholder-shaped values present in the input, and placeholders handed out.
    taken: HashSet<String>,
    next: HashMap<Kind, u64>,
    /// False in the noting pass, true in the replacing pass.
    replacing: bool,
    /// Fragments the pattern spells out, kept around name placeholders.
    literals: Literals,
    /// Only finds: every value found becomes [`BLANK`] (see `Literals::of_pattern`).
    blanking: bool,
}

/// What a blanking mapper writes for every value it is given: not a fragment character.
pub(crate) const BLANK: &str = "\0";

impl Mapper {
    /// A mapper that keeps `literals` (from the pattern) around name placeholders.
    pub(crate) fn new(literals: Literals) -> Mapper {
        Mapper {
            literals,
            ..Mapper::default()
        }
    }

    /// A mapper that blanks every value it is given, safe or not, and takes every 12-digit
    /// run for an account: scanning with it leaves exactly the parts no redaction touches.
    pub(crate) fn blanking() -> Mapper {
        Mapper {
            blanking: true,
            ..Mapper::default()
        }
    }

    /// The value to write for `original` seen as `kind`. Keyed by the original text only, so a
    /// session named like a user keeps pointing at the same placeholder.
    pub(crate) fn map(&mut self, kind: Kind, original: &str) -> String {
        if self.blanking {
            return BLANK.to_string();
        }
        if original.is_empty() || self.is_safe(kind, original) {
            self.taken.insert(original.to_string());
            return original.to_string();
        }
        let index = match self.by_original.get(original) {
            Some(&index) => index,
            None => {
                self.by_original
                    .insert(original.to_string(), self.entries.len());
                self.entries.push(Entry {
                    kind,
                    original: original.to_string(),
                    replacement: String::new(),
                    count: 0,
                });
                if self.replacing {
                    // Not seen while noting (should not happen): assign on the spot.
                    self.assign_one(self.entries.len() - 1);
                }
                self.entries.len() - 1
            }
        };
        let entry = &mut self.entries[index];
        if !self.replacing {
            return original.to_string();
        }
        entry.count += 1;
        entry.replacement.clone()
    }

    /// Whether `original` was noted as `kind`-like (used to replace known values in free text).
    pub(crate) fn known(&self, original: &str, is: impl Fn(Kind) -> bool) -> bool {
        self.blanking
            || self
                .by_original
                .get(original)
                .is_some_and(|&i| is(self.entries[i].kind))
    }

    /// Known names to replace as words in free text, longest first (so `alice.admin` wins
    /// over `alice`). Only names that look like names (three characters or more, a letter):
    /// a user called `1` must not turn every `1` of a record into `user1`.
    pub(crate) fn known_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .entries
            .iter()
            .filter(|e| e.kind.is_name())
            .filter(|e| {
                e.original.chars().count() >= 3 && e.original.chars().any(char::is_alphabetic)
            })
            .map(|e| e.original.clone())
            .collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names
    }

    /// End of the noting pass: hand out placeholders in order of first appearance.
    pub(crate) fn start_replacing(&mut self) {
        for index in 0..self.entries.len() {
            self.assign_one(index);
        }
        self.replacing = true;
    }

    /// Already safe to share (see [`is_placeholder`]), or a name placeholder dressed with the
    /// pattern's fragments — whatever matcher finds it next time (`session1@corp.io`, dressed
    /// with a fragment `@corp.io`, is found as an e-mail address on a second redaction).
    fn is_safe(&self, kind: Kind, value: &str) -> bool {
        is_placeholder(kind, value)
            || (kind.is_name() && self.literals.spells(value))
            || self
                .literals
                .cores(value)
                .any(|core| is_placeholder(Kind::User, core))
    }

    fn assign_one(&mut self, index: usize) {
        let kind = self.entries[index].kind;
        let original = &self.entries[index].original;
        let width = original.len();
        loop {
            let counter = self.next.entry(kind).or_insert(0);
            *counter += 1;
            let base = placeholder(kind, *counter, original, width);
            let candidate = if kind.is_name() {
                self.literals.dress(original, &base)
            } else {
                base
            };
            if self.taken.insert(candidate.clone()) {
                self.entries[index].replacement = candidate;
                return;
            }
        }
    }
}

/// The `n`th placeholder (from 1) of a kind, shaped like the original where the kind allows.
fn placeholder(kind: Kind, n: u64, original: &str, width: usize) -> String {
    match kind {
        Kind::Account if n <= 9 => n.to_string().repeat(12),
        Kind::Account => format!("{n:012}"),
        Kind::Ipv4 => documentation_ipv4(n),
        Kind::Ipv6 => format!("2001:db8::{n:x}"),
        Kind::AccessKey | Kind::PrincipalId => {
            let prefix = original.get(..4).unwrap_or("AKIA");
            let digits = width.saturating_sub(4 + 7).max(1);
            format!("{prefix}{n:0digits$}EXAMPLE")
        }
        Kind::User => format!("user{n}"),
        Kind::Role => format!("role{n}"),
        Kind::Session => format!("session{n}"),
        Kind::Email => format!("user{n}@example.com"),
        Kind::Uuid => format!("00000000-0000-4000-8000-{n:012}"),
        Kind::OtherId => {
            let digits = width.saturating_sub(7).max(1);
            format!("EXAMPLE{n:0digits$}")
        }
        Kind::Secret => format!("REDACTED{n}"),
    }
}

/// 192.0.2.x, then 198.51.100.x, then 203.0.113.x (the three documentation /24s of RFC 5737),
/// then the 198.18.0.0/15 benchmarking range for very large inputs.
fn documentation_ipv4(n: u64) -> String {
    match n {
        1..=254 => format!("192.0.2.{n}"),
        255..=508 => format!("198.51.100.{}", n - 254),
        509..=762 => format!("203.0.113.{}", n - 508),
        _ => {
            let m = (n - 762) % (1 << 17);
            format!("198.{}.{}.{}", 18 + (m >> 16), (m >> 8) & 0xff, m & 0xff)
        }
    }
}

const ALL_KINDS: [Kind; 12] = [
    Kind::Account,
    Kind::Ipv4,
    Kind::Ipv6,
    Kind::AccessKey,
    Kind::PrincipalId,
    Kind::User,
    Kind::Role,
    Kind::Session,
    Kind::Email,
    Kind::Uuid,
    Kind::OtherId,
    Kind::Secret,
];

/// Values that are already safe to share: placeholders (ours or AWS documentation's) and
/// addresses that identify nobody. Leaving them alone makes redaction idempotent.
///
/// A name can hold any placeholder: values are mapped by their text, so a session named
/// `alice@corp.io` became the e-mail placeholder wherever the address was seen first.
fn is_placeholder(kind: Kind, value: &str) -> bool {
    if kind.is_name() {
        ALL_KINDS.iter().any(|&k| is_placeholder_of(k, value))
    } else {
        is_placeholder_of(kind, value)
    }
}

fn is_placeholder_of(kind: Kind, value: &str) -> bool {
    match kind {
        Kind::Account => {
            let first = value.as_bytes().first().copied();
            super::scan::is_account(value)
                && (value.bytes().all(|b| Some(b) == first) || value.starts_with("0000000"))
        }
        Kind::Ipv4 => value.parse::<std::net::Ipv4Addr>().is_ok_and(|ip| {
            let [a, b, c, _] = ip.octets();
            ip.is_unspecified()
                || ip.is_loopback()
                || ip.is_broadcast()
                || ip.is_documentation()
                || (a == 198 && (b == 18 || b == 19))
                || (a, b, c) == (169, 254, 169)
        }),
        Kind::Ipv6 => value.parse::<std::net::Ipv6Addr>().is_ok_and(|ip| {
            ip.is_unspecified() || ip.is_loopback() || ip.segments()[..2] == [0x2001, 0xdb8]
        }),
        Kind::AccessKey | Kind::PrincipalId => {
            value.ends_with("EXAMPLE")
                && super::scan::IAM_ID_PREFIXES
                    .iter()
                    .any(|p| value.starts_with(p))
                && value
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        }
        // Values CloudTrail itself writes in place of a name.
        Kind::User => {
            numbered(value, "user")
                || ["HIDDEN_DUE_TO_SECURITY_REASONS", "ANONYMOUS_PRINCIPAL"].contains(&value)
        }
        Kind::Role => numbered(value, "role"),
        Kind::Session => numbered(value, "session"),
        Kind::Email => ["@example.com", "@example.org", "@example.net"]
            .iter()
            .any(|domain| value.to_ascii_lowercase().ends_with(domain)),
        Kind::Uuid => value.starts_with("00000000-0000-4000-8000-"),
        Kind::OtherId => numbered(value, "EXAMPLE"),
        Kind::Secret => numbered(value, "REDACTED"),
    }
}

fn numbered(value: &str, prefix: &str) -> bool {
    value
        .strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}
