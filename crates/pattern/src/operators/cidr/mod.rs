//! `{"cidr": "10.0.0.0/24"}`: strings that are IP addresses in a range, compared as
//! event-ruler compares them.
//!
//! event-ruler turns the range's lowest and highest address into hex-digit strings (8 digits
//! for IPv4, 32 for IPv6) and an event's address into one too, then walks them digit by
//! digit in a byte machine. So the families are not kept apart:
//! - an address at least as long as the range matches when its first digits fall in the
//!   range: `0.0.0.0/0` matches every IPv6 address, `10.0.0.0/8` matches `a00::1`;
//! - a shorter address (IPv4 against an IPv6 range) matches when it lies strictly between
//!   the range's ends cut to its length: `::/1` matches `10.0.0.1` but not `0.0.0.0`.
//!
//! The range machine also sees the text of event numbers (strings reach it quoted, so never
//! match): on a field with no numeric condition, a number whose digits walk into the range
//! matches, so `0.0.0.0/0` matches `421.7` (its first digit `4` lies strictly inside).
//! A string that is not an address does not match. Addresses are read as Java reads them
//! ([`address`]).

use crate::event::Scalar;

use super::{Matcher, string_operand};
use crate::compile::{Ctx, Stop};
use crate::reader::Node;

mod address;
#[cfg(test)]
mod tests;

pub(crate) use address::{Ip, parse_ip};
use address::{IpError, parse_ip_checked};

/// The operator name.
pub(crate) const OPERATOR: &str = "cidr";

/// An inclusive range of addresses, as the address it was written with is wide.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IpRange {
    pub v6: bool,
    pub low: u128,
    pub high: u128,
    pub text: String,
    /// The lowest and highest address as event-ruler's hex digits (8 or 32).
    bottom: Vec<u8>,
    top: Vec<u8>,
    /// Whether event numbers are walked as text (the field has no numeric condition, so
    /// event-ruler reads numbers as strings of bytes); see [`read_numbers_as_text`].
    numbers_as_text: bool,
}

/// event-ruler's hex digits of an address: 8 for IPv4, 32 for IPv6, upper case.
fn hex_digits(bits: u128, v6: bool) -> Vec<u8> {
    let digits = if v6 { 32 } else { 8 };
    (0..digits)
        .rev()
        .map(|i| b"0123456789ABCDEF"[((bits >> (4 * i)) & 0xf) as usize])
        .collect()
}

/// Whether `text` walks into the range [`bottom`, `top`] in event-ruler's range machine:
/// byte by byte, a byte strictly inside the bounds still in force matches at once, one on a
/// bound follows it, and the last digit's bounds are inclusive. A byte that is not a hex
/// digit, or running out of bytes first, does not match; bytes after the decision are never
/// read.
fn walks_into(text: &[u8], bottom: &[u8], top: &[u8]) -> bool {
    let hex = |b: u8| b.is_ascii_digit() || (b'A'..=b'F').contains(&b);
    let (mut on_bottom, mut on_top) = (true, true);
    for (i, (&low, &high)) in bottom.iter().zip(top).enumerate() {
        let Some(&c) = text.get(i).filter(|&&c| hex(c)) else {
            return false;
        };
        let last = i + 1 == bottom.len();
        let above_low = !on_bottom || c > low;
        let below_high = !on_top || c < high;
        if (on_bottom && c < low) || (on_top && c > high) {
            return false;
        }
        if above_low && below_high {
            return true;
        }
        if last {
            return true;
        }
        on_bottom = on_bottom && c == low;
        on_top = on_top && c == high;
    }
    false
}

/// Lets the `cidr` conditions of a field read event numbers as text, as event-ruler does
/// when the field has no numeric condition (with one, numbers are compared as numbers and
/// never reach the range).
pub(crate) fn read_numbers_as_text(matchers: &mut [Matcher]) {
    let numeric = matchers.iter().any(Matcher::reads_numbers);
    for matcher in matchers {
        if let Matcher::Cidr(range) = matcher {
            range.numbers_as_text = !numeric;
        }
    }
}

/// Whether an event's address equals an exact IP pattern, as event-ruler's one-address
/// range compares them: the event's first digits, as many as the pattern has.
pub(crate) fn same_address(pattern: Ip, event: Ip) -> bool {
    event.width() >= pattern.width()
        && leading_bits(event.bits, event.width(), pattern.width()) == pattern.bits
}

/// The top `width` bits of a `from`-bit value (`width <= from`).
fn leading_bits(bits: u128, from: u32, width: u32) -> u128 {
    bits.checked_shr(from - width).unwrap_or(0)
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
        let width = i64::from(ip.width());
        if bits > width - 1 {
            let family = if ip.v6 { "IPv6" } else { "IPv4" };
            return Err(format!("{family} mask bits must be < {width}"));
        }
        // 1..=width host bits: a shift by the full 128 would overflow, so shift the ones down.
        let host_bits = u32::try_from(width - bits).unwrap_or(1);
        let host_mask = u128::MAX >> (128 - host_bits);
        let (low, high) = (ip.bits & !host_mask, ip.bits | host_mask);
        Ok(IpRange {
            v6: ip.v6,
            low,
            high,
            text: text.to_string(),
            bottom: hex_digits(low, ip.v6),
            top: hex_digits(high, ip.v6),
            numbers_as_text: false,
        })
    }

    /// Whether the address matches, digit-string style (see the module comment).
    pub(crate) fn contains(&self, ip: Ip) -> bool {
        walks_into(&hex_digits(ip.bits, ip.v6), &self.bottom, &self.top)
    }

    /// The addresses of the other family this range matches, as an inclusive range of their
    /// bits, if any: every IPv6 address whose first 32 bits fall in an IPv4 range, and the
    /// IPv4 addresses strictly inside an IPv6 range's first 32 bits.
    pub(crate) fn other_family(&self) -> Option<(u128, u128)> {
        if self.v6 {
            let low = leading_bits(self.low, 128, 32);
            let high = leading_bits(self.high, 128, 32);
            (high - low >= 2).then(|| (low + 1, high - 1))
        } else {
            Some((self.low << 96, (self.high << 96) | (u128::MAX >> 32)))
        }
    }

    #[inline]
    pub(crate) fn matches(&self, value: Scalar<'_>) -> bool {
        match value {
            Scalar::Str(s) => parse_ip(s).is_some_and(|ip| self.contains(ip)),
            Scalar::Num(text) if self.numbers_as_text => {
                walks_into(text.as_bytes(), &self.bottom, &self.top)
            }
            _ => false,
        }
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
