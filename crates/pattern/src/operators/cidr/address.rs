//! IP address literals as event-ruler reads them: its two shape checks, then Java's
//! `InetAddress` literal parsers (`IPAddressUtil.textToNumericFormatV4/V6`).
//!
//! Java's IPv6 reader limits each group by value (at most `0xffff`), not by digit count, so
//! `0fe80::1` is `fe80::1`; Rust's `Ipv6Addr` parser would refuse it. An IPv4-mapped IPv6
//! address becomes the IPv4 address, as `InetAddress` makes it.

/// An IP address: whether it is IPv6, and its bits (the low 32 for IPv4).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Ip {
    pub v6: bool,
    pub bits: u128,
}

impl Ip {
    /// How many bits the address has: 32 or 128.
    pub(crate) fn width(self) -> u32 {
        if self.v6 { 128 } else { 32 }
    }
}

/// Why a string that looks like an address is not one (`Invalid`), or why it does not look
/// like one (`Nonstandard`).
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum IpError {
    Nonstandard,
    Invalid,
}

/// event-ruler's `IPv4_REGEX`: four dot-separated runs of decimal digits.
fn looks_like_v4(s: &str) -> bool {
    let mut parts = 0;
    for part in s.split('.') {
        parts += 1;
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    parts == 4
}

/// event-ruler's `IPv6_REGEX`: hex digits and colons, at least one colon.
fn looks_like_v6(s: &str) -> bool {
    s.contains(':') && s.bytes().all(|b| b.is_ascii_hexdigit() || b == b':')
}

/// Java's `textToNumericFormatV4` for four dotted decimal parts: each at most 255, the
/// whole at most 15 characters.
fn java_v4(s: &str) -> Option<u32> {
    if s.len() > 15 {
        return None;
    }
    let mut bits: u32 = 0;
    for part in s.split('.') {
        let mut octet: u32 = 0;
        for digit in part.bytes() {
            octet = octet * 10 + u32::from(digit - b'0');
            if octet > 255 {
                return None;
            }
        }
        bits = (bits << 8) | octet;
    }
    Some(bits)
}

/// Java's `textToNumericFormatV6` for text of hex digits and colons (no embedded IPv4,
/// which the shape check excludes).
fn java_v6(s: &str) -> Option<u128> {
    let bytes = s.as_bytes();
    if bytes.len() < 2 {
        return None;
    }
    let mut groups: Vec<u16> = Vec::with_capacity(8);
    let mut gap: Option<usize> = None;
    let mut i = 0;
    if bytes[0] == b':' {
        if bytes[1] != b':' {
            return None;
        }
        i = 1;
    }
    let mut value: u32 = 0;
    let mut saw_digit = false;
    while i < bytes.len() {
        let byte = bytes[i];
        i += 1;
        if let Some(digit) = char::from(byte).to_digit(16) {
            value = (value << 4) | digit;
            if value > 0xffff {
                return None;
            }
            saw_digit = true;
            continue;
        }
        // Only ':' is left (the shape check allows nothing else).
        if !saw_digit {
            if gap.is_some() {
                return None;
            }
            gap = Some(groups.len());
            continue;
        }
        if i == bytes.len() || groups.len() == 8 {
            return None;
        }
        groups.push(u16::try_from(value).ok()?);
        saw_digit = false;
        value = 0;
    }
    if saw_digit {
        if groups.len() == 8 {
            return None;
        }
        groups.push(u16::try_from(value).ok()?);
    }
    if let Some(at) = gap {
        if groups.len() == 8 {
            return None;
        }
        let zeros = 8 - groups.len();
        groups.splice(at..at, std::iter::repeat_n(0, zeros));
    }
    if groups.len() != 8 {
        return None;
    }
    Some(
        groups
            .iter()
            .fold(0u128, |bits, &g| (bits << 16) | u128::from(g)),
    )
}

/// Parses an address as event-ruler's `CIDR.ipToBytes` does.
pub(crate) fn parse_ip_checked(s: &str) -> Result<Ip, IpError> {
    if looks_like_v4(s) {
        return java_v4(s)
            .map(|bits| Ip {
                v6: false,
                bits: u128::from(bits),
            })
            .ok_or(IpError::Invalid);
    }
    if looks_like_v6(s) {
        let bits = java_v6(s).ok_or(IpError::Invalid)?;
        // IPv4-mapped (::ffff:a.b.c.d) becomes the IPv4 address.
        if bits >> 32 == 0xffff {
            return Ok(Ip {
                v6: false,
                bits: bits & 0xffff_ffff,
            });
        }
        return Ok(Ip { v6: true, bits });
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

#[cfg(test)]
mod tests {
    use super::{Ip, IpError, parse_ip_checked};

    #[test]
    fn reads_addresses_as_java_does() {
        let v4 = |bits: u32| {
            Ok(Ip {
                v6: false,
                bits: u128::from(bits),
            })
        };
        let v6 = |bits: u128| Ok(Ip { v6: true, bits });
        #[rustfmt::skip]
        let cases: &[(&str, Result<Ip, IpError>)] = &[
            ("10.1.2.3", v4(0x0a01_0203)),
            ("010.001.002.003", v4(0x0a01_0203)),
            ("256.0.0.1", Err(IpError::Invalid)),
            ("0000000001.0.0.1", Err(IpError::Invalid)),
            ("2001:db8::1", v6(0x2001_0db8_0000_0000_0000_0000_0000_0001)),
            ("0fe80::1", v6(0xfe80_0000_0000_0000_0000_0000_0000_0001)),
            ("000000fe80::1", v6(0xfe80_0000_0000_0000_0000_0000_0000_0001)),
            ("1ffff::1", Err(IpError::Invalid)),
            ("::", v6(0)),
            ("::1", v6(1)),
            ("1::", v6(1 << 112)),
            ("1:", Err(IpError::Invalid)),
            (":1", Err(IpError::Invalid)),
            ("1::2::3", Err(IpError::Invalid)),
            ("1:2:3:4:5:6:7:8", v6(0x0001_0002_0003_0004_0005_0006_0007_0008)),
            ("1:2:3:4:5:6:7:8:9", Err(IpError::Invalid)),
            ("1:2:3:4::5:6:7:8", Err(IpError::Invalid)),
            ("::ffff:a01:203", v4(0x0a01_0203)),
            ("example.com", Err(IpError::Nonstandard)),
            ("1.2.3", Err(IpError::Nonstandard)),
        ];
        for (text, expected) in cases {
            assert_eq!(&parse_ip_checked(text), expected, "{text}");
        }
    }
}
