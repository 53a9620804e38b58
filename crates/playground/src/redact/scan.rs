//! Finding sensitive values inside one piece of text: a JSON string value, or a whole input
//! that is not JSON. Hand-written matchers for a handful of fixed shapes (ARN, UUID, e-mail,
//! IAM ids, IP addresses, account numbers) keep the app's WebAssembly free of a regex engine.

use super::mapper::{Kind, Mapper};
use std::net::{Ipv4Addr, Ipv6Addr};

/// The four letters that start IAM unique ids: access keys (`AKIA`, `ASIA`), users, roles,
/// groups, policies, instance profiles, certificates, public keys, bearer tokens, contexts.
pub(crate) const IAM_ID_PREFIXES: [&str; 12] = [
    "AKIA", "ASIA", "AIDA", "AROA", "AGPA", "ANPA", "ANVA", "AIPA", "ASCA", "APKA", "ABIA", "ACCA",
];

/// The longest ARN AWS allows.
const MAX_ARN: usize = 2048;
/// The longest IPv6 text (`ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255`).
const MAX_IPV6: usize = 45;

/// How much the text around a value tells us.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// Inside a JSON string: only 12-digit runs already known as accounts are replaced.
    JsonString,
    /// Raw text that did not parse: any standalone 12-digit run is taken for an account.
    RawText,
    /// The resource part of an ARN (like a JSON string, but an ARN cannot nest there).
    ArnResource,
    /// A pattern's `prefix`/`suffix`/`wildcard` value: like a JSON string, but names are kept
    /// as written (see `literals`).
    PatternLiteral,
}

/// Replace every sensitive value in `text`, noting or mapping through `mapper`.
pub(crate) fn scan(text: &str, context: Context, mapper: &mut Mapper, names: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut prev: Option<char> = None;
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let rest = &text[i..];
        if let Some((len, replacement)) = match_at(prev, rest, context, mapper, names) {
            out.push_str(&replacement);
            prev = rest[..len].chars().next_back();
            i += len;
        } else {
            out.push(c);
            prev = Some(c);
            i += c.len_utf8();
        }
    }
    out
}

/// The first matcher that recognises a value starting at `rest`: its length and replacement.
fn match_at(
    prev: Option<char>,
    rest: &str,
    context: Context,
    mapper: &mut Mapper,
    names: &[String],
) -> Option<(usize, String)> {
    let after_word = prev.is_some_and(is_word_char);
    if !after_word {
        if context != Context::ArnResource
            && let Some(found) = arn(rest, context, mapper, names)
        {
            return Some(found);
        }
        if let Some(len) = uuid(rest) {
            return Some((len, mapper.map(Kind::Uuid, &rest[..len])));
        }
        if let Some(len) = email(prev, rest) {
            return Some((len, mapper.map(Kind::Email, &rest[..len])));
        }
        if let Some((len, kind)) = iam_id(rest) {
            return Some((len, mapper.map(kind, &rest[..len])));
        }
        if let Some(len) = ipv6(prev, rest) {
            return Some((len, mapper.map(Kind::Ipv6, &rest[..len])));
        }
        if let Some(len) = ipv4(prev, rest) {
            return Some((len, mapper.map(Kind::Ipv4, &rest[..len])));
        }
        if let Some((len, dotted)) = ec2_host_ip(rest) {
            let mapped = mapper.map(Kind::Ipv4, &dotted);
            return Some((len, format!("ip-{}", mapped.replace('.', "-"))));
        }
    }
    if let Some(len) = account_digits(prev, rest) {
        let digits = &rest[..len];
        if context == Context::RawText || mapper.known(digits, |k| k == Kind::Account) {
            return Some((len, mapper.map(Kind::Account, digits)));
        }
    }
    if !after_word && context != Context::PatternLiteral {
        for name in names {
            let ends_word = |after: &str| !after.chars().next().is_some_and(is_word_char);
            if rest.strip_prefix(name.as_str()).is_some_and(ends_word) {
                return Some((name.len(), mapper.map(Kind::User, name)));
            }
        }
    }
    None
}

/// A known name is replaced where it stands as a word: `alice` in `alice-laptop`, `user/alice`
/// or `alice.smith`, not in `malice`. Names are tried longest first, so a user `deploy-bot` is
/// not mistaken for a user `deploy` followed by `-bot`.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// `arn:partition:service:region:account:resource`: the account, and for IAM/STS the user,
/// role and session names in the resource, are replaced; the rest is scanned like text.
fn arn(
    rest: &str,
    context: Context,
    mapper: &mut Mapper,
    names: &[String],
) -> Option<(usize, String)> {
    if !rest.starts_with("arn:") {
        return None;
    }
    // ARNs are at most 2048 characters; the bound also keeps `arn:arn:arn:…` linear.
    let len = run(rest, MAX_ARN, |c| {
        !(c.is_whitespace() || "\"'`,;()[]{}<>".contains(c))
    })
    .unwrap_or_else(|| {
        rest.char_indices()
            .nth(MAX_ARN)
            .map_or(rest.len(), |(i, _)| i)
    });
    let parts: Vec<&str> = rest[..len].splitn(6, ':').collect();
    if parts.len() < 5 {
        return None;
    }
    let (service, account) = (parts[2], parts[4]);
    let mut out = parts[..4].join(":");
    out.push(':');
    if is_account(account) {
        out.push_str(&mapper.map(Kind::Account, account));
    } else {
        out.push_str(account);
    }
    if let Some(resource) = parts.get(5) {
        out.push(':');
        if service == "iam" || service == "sts" {
            let keep_names = context == Context::PatternLiteral;
            out.push_str(&iam_resource(resource, keep_names, mapper, names));
        } else {
            out.push_str(&scan(resource, Context::ArnResource, mapper, names));
        }
    }
    Some((len, out))
}

/// `user/path/NAME`, `role/path/NAME`, `assumed-role/ROLE/SESSION`, `federated-user/NAME`.
/// Other segments (`mfa/alice-yubikey`, paths) are scanned like text, so known names in them
/// are replaced too.
fn iam_resource(resource: &str, keep_names: bool, mapper: &mut Mapper, names: &[String]) -> String {
    let segments: Vec<&str> = resource.split('/').collect();
    let last = segments.len() - 1;
    let kinds: Vec<Option<Kind>> = match segments[0] {
        "user" | "federated-user" => (0..=last)
            .map(|i| (i == last && i > 0).then_some(Kind::User))
            .collect(),
        "role" => (0..=last)
            .map(|i| (i == last && i > 0).then_some(Kind::Role))
            .collect(),
        "assumed-role" => (0..=last)
            .map(|i| match i {
                1 => Some(Kind::Role),
                2 => Some(Kind::Session),
                _ => None,
            })
            .collect(),
        _ => vec![None; segments.len()],
    };
    segments
        .iter()
        .zip(kinds)
        .map(|(segment, kind)| match kind {
            _ if keep_names => (*segment).to_string(),
            // IAM names cannot hold `*`: such a segment is a pattern's wildcard, kept as is.
            Some(_) if segment.contains('*') => (*segment).to_string(),
            Some(kind) => mapper.map(kind, segment),
            None => scan(segment, Context::ArnResource, mapper, names),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Byte length of the run of `accepted` characters starting `rest`, or `None` when the run is
/// longer than `limit` characters (then it is no value of the kind looked for). The bound keeps
/// scanning linear on hostile input such as a megabyte of `a.a.a.…`.
fn run(rest: &str, limit: usize, accepted: impl Fn(char) -> bool) -> Option<usize> {
    let mut len = 0;
    for (n, c) in rest.chars().enumerate() {
        if !accepted(c) {
            return Some(len);
        }
        if n == limit {
            return None;
        }
        len += c.len_utf8();
    }
    Some(len)
}

pub(crate) fn is_account(text: &str) -> bool {
    text.len() == 12 && text.bytes().all(|b| b.is_ascii_digit())
}

/// Exactly 12 digits not touching other digits.
fn account_digits(prev: Option<char>, rest: &str) -> Option<usize> {
    if prev.is_some_and(|p| p.is_ascii_digit()) {
        return None;
    }
    let digits = rest.bytes().take(13).take_while(u8::is_ascii_digit).count();
    (digits == 12).then_some(12)
}

/// `8-4-4-4-12` hexadecimal digits.
fn uuid(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    if bytes.len() < 36 {
        return None;
    }
    let shape_ok = bytes[..36].iter().enumerate().all(|(i, b)| match i {
        8 | 13 | 18 | 23 => *b == b'-',
        _ => b.is_ascii_hexdigit(),
    });
    let next_ok = !bytes
        .get(36)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-');
    (shape_ok && next_ok).then_some(36)
}

/// `local@domain.tld`, starting where the local part starts.
fn email(prev: Option<char>, rest: &str) -> Option<usize> {
    let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
    if prev.is_some_and(is_local) {
        return None;
    }
    let local = rest.find(|c: char| !is_local(c)).unwrap_or(rest.len());
    if local == 0 || !rest[local..].starts_with('@') {
        return None;
    }
    let domain_start = local + 1;
    let domain_len = rest[domain_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-'))
        .unwrap_or(rest.len() - domain_start);
    let domain = rest[domain_start..domain_start + domain_len].trim_end_matches('.');
    let tld = domain.rsplit('.').next().unwrap_or("");
    (domain.contains('.') && tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()))
        .then_some(domain_start + domain.len())
}

/// IAM unique ids: a known four-letter prefix and at least 12 more capitals or digits.
fn iam_id(rest: &str) -> Option<(usize, Kind)> {
    let prefix = rest.get(..4)?;
    if !IAM_ID_PREFIXES.contains(&prefix) {
        return None;
    }
    let len = rest
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        .count();
    if !(16..=128).contains(&len)
        || rest
            .as_bytes()
            .get(len)
            .is_some_and(|b| b.is_ascii_alphanumeric())
    {
        return None;
    }
    let kind = if prefix == "AKIA" || prefix == "ASIA" {
        Kind::AccessKey
    } else {
        Kind::PrincipalId
    };
    Some((len, kind))
}

/// Dotted quad, not part of a longer dotted number (version strings have fewer parts).
fn ipv4(prev: Option<char>, rest: &str) -> Option<usize> {
    if prev == Some('.') {
        return None;
    }
    let len = run(rest, 16, |c| c.is_ascii_digit() || c == '.')?;
    let candidate = rest[..len].trim_end_matches('.');
    if !ends_here(&rest[candidate.len()..], '.') {
        return None;
    }
    candidate.parse::<Ipv4Addr>().ok().map(|_| candidate.len())
}

/// An address ends where a word could not go on: `10.1.2.3.` ends a sentence, but
/// `10.1.2.3.x` is some other dotted thing (and may become one only after a name in it is
/// replaced, which would make redacting twice change more).
fn ends_here(after: &str, separator: char) -> bool {
    !after
        .trim_start_matches(separator)
        .starts_with(|c: char| is_word_char(c))
}

/// EC2's private host names spell the address with hyphens: `ip-10-0-1-23.ec2.internal`.
/// Returns the matched length and the dotted address, mapped like any other IPv4.
fn ec2_host_ip(rest: &str) -> Option<(usize, String)> {
    let digits = rest.strip_prefix("ip-")?;
    let len = run(digits, 16, |c| c.is_ascii_digit() || c == '-')?;
    let candidate = digits[..len].trim_end_matches('-');
    if !ends_here(&digits[candidate.len()..], '-') {
        return None;
    }
    let dotted = candidate.replace('-', ".");
    dotted
        .parse::<Ipv4Addr>()
        .ok()
        .map(|_| ("ip-".len() + candidate.len(), dotted))
}

/// Colon-separated hexadecimal (with an optional dotted IPv4 tail), as the standard library
/// parses it; needs a `::` or all eight groups, so times like `12:30:00` are left alone.
fn ipv6(prev: Option<char>, rest: &str) -> Option<usize> {
    if prev == Some(':') {
        return None;
    }
    // Cheap first look: an IPv6 address has a colon within its first five characters.
    let first_colon = rest.bytes().take(5).position(|b| b == b':')?;
    if !rest.as_bytes()[..first_colon]
        .iter()
        .all(u8::is_ascii_hexdigit)
    {
        return None;
    }
    let len = run(rest, MAX_IPV6, |c| {
        c.is_ascii_hexdigit() || c == ':' || c == '.'
    })?;
    let candidate = rest[..len].trim_end_matches('.');
    if candidate.matches(':').count() < 2 || !ends_here(&rest[candidate.len()..], '.') {
        return None;
    }
    candidate.parse::<Ipv6Addr>().ok().map(|_| candidate.len())
}
