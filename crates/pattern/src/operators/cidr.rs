//! `{"cidr": "10.0.0.0/24"}`: strings that are IP addresses (v4 or v6) in a range.
//!
//! Parsing follows event-ruler's `CIDR`: a string is only treated as an address if it looks
//! like one (four dotted decimal numbers, or hex digits and colons); an IPv4-mapped IPv6
//! address counts as IPv4, as Java's `InetAddress` makes it. The range is the whole
//! network: `10.0.0.5/24` covers 10.0.0.0–10.0.0.255 (event-ruler's tests check both ends).
//! A string that is not an address simply does not match.

use crate::event::Scalar;
use std::net::Ipv6Addr;

use super::{Matcher, string_operand};
use crate::compile::{Ctx, Stop};
use crate::reader::Node;

/// The operator name.
pub(crate) const OPERATOR: &str = "cidr";

/// An IP address: whether it is IPv6, and its bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ip {
    pub v6: bool,
    pub bits: u128,
}

fn looks_like_v4(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

fn looks_like_v6(s: &str) -> bool {
    s.contains(':') && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
}

/// Why a string that looks like an address is not one (`Invalid`), or why it does not look
/// like one (`Nonstandard`).
enum IpError {
    Nonstandard,
    Invalid,
}

fn parse_ip_checked(s: &str) -> Result<Ip, IpError> {
    if looks_like_v4(s) {
        let mut bits: u128 = 0;
        for part in s.split('.') {
            let octet: u32 = part.parse().map_err(|_| IpError::Invalid)?;
            if octet > 255 {
                return Err(IpError::Invalid);
            }
            bits = (bits << 8) | u128::from(octet);
        }
        return Ok(Ip { v6: false, bits });
    }
    if looks_like_v6(s) {
        let addr: Ipv6Addr = s.parse().map_err(|_| IpError::Invalid)?;
        if let Some(v4) = addr.to_ipv4_mapped() {
            return Ok(Ip {
                v6: false,
                bits: u128::from(u32::from(v4)),
            });
        }
        return Ok(Ip {
            v6: true,
            bits: u128::from(addr),
        });
    }
    Err(IpError::Nonstandard)
}

/// The address in `s`, if `s` is an IP address literal.
#[inline]
pub(crate) fn parse_ip(s: &str) -> Option<Ip> {
    let first = *s.as_bytes().first()?;
    if !(first.is_ascii_hexdigit() || first == b':') {
        return None;
    }
    parse_ip_checked(s).ok()
}

/// An inclusive range of addresses of one family.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IpRange {
    pub v6: bool,
    pub low: u128,
    pub high: u128,
    pub text: String,
}

impl IpRange {
    /// Parses `address/bits` with event-ruler's checks and messages.
    pub(crate) fn parse(text: &str) -> Result<IpRange, String> {
        let mut parts: Vec<&str> = text.split('/').collect();
        while parts.len() > 1 && parts.last() == Some(&"") {
            parts.pop();
        }
        if parts.len() != 2 {
            return Err("Malformed CIDR, one '/' required".to_string());
        }
        let bits: i64 =
            java_parse_int(parts[1]).ok_or("Malformed CIDR, mask bits must be an integer")?;
        if bits < 0 {
            return Err("Malformed CIDR, mask bits must not be negative".to_string());
        }
        let ip = match parse_ip_checked(parts[0]) {
            Ok(ip) => ip,
            Err(IpError::Nonstandard) => {
                return Err(format!("Nonstandard IP address: {}", parts[0]));
            }
            Err(IpError::Invalid) => return Err(format!("Invalid IP address: {}", parts[0])),
        };
        let width: i64 = if ip.v6 { 128 } else { 32 };
        if bits > width - 1 {
            let family = if ip.v6 { "IPv6" } else { "IPv4" };
            return Err(format!("{family} mask bits must be < {width}"));
        }
        let host_bits = (width - bits) as u32;
        let host_mask: u128 = if host_bits == 0 {
            0
        } else {
            (1u128 << host_bits) - 1
        };
        Ok(IpRange {
            v6: ip.v6,
            low: ip.bits & !host_mask,
            high: ip.bits | host_mask,
            text: text.to_string(),
        })
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        let Scalar::Str(s) = value else {
            return false;
        };
        parse_ip(s)
            .is_some_and(|ip| ip.v6 == self.v6 && self.low <= ip.bits && ip.bits <= self.high)
    }

    pub(crate) fn describe(&self) -> String {
        format!("an IP address in {}", self.text)
    }
}

/// Java's `Integer.parseInt`: an optional sign and ASCII digits, within `i32`.
fn java_parse_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = s.parse().ok()?;
    i32::try_from(value).ok().map(i64::from)
}

/// Reads the operand: a CIDR string.
pub(crate) fn parse_operand(ctx: &mut Ctx, operand: &Node, path: &str) -> Result<Matcher, Stop> {
    // event-ruler's message really says "prefix" here.
    let text = string_operand(ctx, operand, "prefix match pattern must be a string", path)?;
    IpRange::parse(text).map(Matcher::Cidr).map_err(|message| {
        ctx.problem(
            operand.span.clone(),
            operand.span.start,
            "cidr-syntax",
            message,
            path,
        )
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::{invalid, matching};

    #[test]
    fn matches_addresses_in_range() {
        let cases: &[(&str, &str, bool)] = &[
            (
                r#"{"a": [{"cidr": "10.0.0.0/24"}]}"#,
                r#"{"a": "10.0.0.255"}"#,
                true,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/24"}]}"#,
                r#"{"a": "10.0.1.0"}"#,
                false,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.9/24"}]}"#,
                r#"{"a": "10.0.0.0"}"#,
                true,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/24"}]}"#,
                r#"{"a": "not an ip"}"#,
                false,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/8"}]}"#,
                r#"{"a": "::ffff:10.1.2.3"}"#,
                false,
            ),
            (
                r#"{"a": [{"cidr": "2001:db8::/32"}]}"#,
                r#"{"a": "2001:db8:ffff::1"}"#,
                true,
            ),
            (
                r#"{"a": [{"cidr": "2001:db8::/32"}]}"#,
                r#"{"a": "2001:db9::"}"#,
                false,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/8"}]}"#,
                r#"{"a": "2001:db8::1"}"#,
                false,
            ),
        ];
        for &(pattern, event, expected) in cases {
            assert_eq!(matching(pattern, event), expected, "{pattern} vs {event}");
        }
    }

    #[test]
    fn rejects_bad_forms() {
        let cases: &[(&str, &str, usize)] = &[
            (
                r#"{"a": [{"cidr": "bad"}]}"#,
                "Malformed CIDR, one '/' required",
                16,
            ),
            (
                r#"{"a": [{"cidr": "x/y"}]}"#,
                "Malformed CIDR, mask bits must be an integer",
                16,
            ),
            (
                r#"{"a": [{"cidr": "xx.11.xx/8"}]}"#,
                "Nonstandard IP address: xx.11.xx",
                16,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/32"}]}"#,
                "IPv4 mask bits must be < 32",
                16,
            ),
            (
                r#"{"a": [{"cidr": "10.0.0.0/-1"}]}"#,
                "Malformed CIDR, mask bits must not be negative",
                16,
            ),
            (
                r#"{"a": [{"cidr": "999.0.0.0/8"}]}"#,
                "Invalid IP address: 999.0.0.0",
                16,
            ),
            (
                r#"{"a": [{"cidr": ["10.0.0.0/8"]}]}"#,
                "prefix match pattern must be a string",
                16,
            ),
        ];
        for &(pattern, message, offset) in cases {
            assert_eq!(invalid(pattern), (message.to_string(), offset), "{pattern}");
        }
    }
}
