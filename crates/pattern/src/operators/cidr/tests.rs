//! Table tests of `cidr`: matching (within and across address families, at the edge mask
//! widths) and error messages.

use super::IpRange;
use crate::testing::{invalid, matching};

#[test]
fn matches_as_event_ruler_compares_digit_strings() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, bool)] = &[
        ("10.0.0.0/24", "10.0.0.255", true),
        ("10.0.0.0/24", "10.0.1.0", false),
        ("10.0.0.9/24", "10.0.0.0", true),
        ("10.0.0.0/24", "not an ip", false),
        ("10.0.0.0/8", "::ffff:10.1.2.3", false),
        ("10.0.0.0/8", "::ffff:a01:203", true),
        ("2001:db8::/32", "2001:db8:ffff::1", true),
        ("2001:db8::/32", "2001:db9::", false),
        ("10.0.0.0/8", "2001:db8::1", false),
        // Edge widths: /0 covers everything of its width, the longest mask two addresses.
        ("::/0", "2001:db8::1", true),
        ("::/0", "::", true),
        ("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
        ("0.0.0.0/0", "255.255.255.255", true),
        ("0.0.0.0/0", "0.0.0.0", true),
        ("::/127", "::1", true),
        ("::/127", "::2", false),
        ("0.0.0.0/31", "0.0.0.1", true),
        ("0.0.0.0/31", "0.0.0.2", false),
        // Across families: the first 8 hex digits of an IPv6 address are compared.
        ("0.0.0.0/0", "2001:db8::1", true),
        ("10.0.0.0/8", "a00::1", true),
        ("10.0.0.0/8", "b00::1", false),
        // An IPv4 address against an IPv6 range: strictly inside the range's first 8 digits.
        ("::/1", "10.0.0.1", true),
        ("::/1", "0.0.0.0", false),
        ("::/0", "10.0.0.1", true),
        ("::/0", "255.255.255.255", false),
        ("2001:db8::/32", "10.0.0.1", false),
        // Java reads groups by value, not by digit count.
        ("fe80::/16", "0fe80::1", true),
        ("fe80::/16", "00000fe80::1", true),
        ("fe80::/16", "1fe80::1", false),
    ];
    for &(range, address, expected) in cases {
        let pattern = format!(r#"{{"a": [{{"cidr": "{range}"}}]}}"#);
        let event = format!(r#"{{"a": "{address}"}}"#);
        assert_eq!(matching(&pattern, &event), expected, "{range} vs {address}");
    }
}

/// Event numbers reach the range machine as text when the field has no numeric condition.
#[test]
fn walks_number_text_as_event_ruler() {
    #[rustfmt::skip]
    let cases: &[(&str, &str, bool)] = &[
        (r#"[{"cidr": "0.0.0.0/0"}]"#, "421.7", true),
        (r#"[{"cidr": "0.0.0.0/0"}]"#, "0.5", false),
        (r#"[{"cidr": "0.0.0.0/0"}]"#, "-3", false),
        (r#"[{"cidr": "10.0.0.0/8"}]"#, "10", false),
        (r#"[{"cidr": "16.0.0.0/4"}]"#, "12345678", true),
        (r#"[{"cidr": "0.0.0.0/0"}, {"numeric": [">", 1000]}]"#, "421.7", false),
        (r#"[{"cidr": "0.0.0.0/0"}, 5]"#, "421.7", false),
    ];
    for &(conditions, number, expected) in cases {
        let pattern = format!(r#"{{"a": {conditions}}}"#);
        let event = format!(r#"{{"a": {number}}}"#);
        assert_eq!(
            matching(&pattern, &event),
            expected,
            "{conditions} vs {number}"
        );
    }
}

#[test]
fn other_family_reach() {
    #[rustfmt::skip]
    let cases: &[(&str, Option<(u128, u128)>)] = &[
        ("10.0.0.0/8", Some((0x0a00_0000 << 96, (0x0aff_ffff << 96) | (u128::MAX >> 32)))),
        ("::/1", Some((1, 0x7fff_fffe))),
        ("::/0", Some((1, 0xffff_fffe))),
        ("2001:db8::/32", None),
        ("2001:db8::/31", None),
        ("2001:db8::/30", Some((0x2001_0db9, 0x2001_0dba))),
    ];
    for &(range, expected) in cases {
        let parsed = IpRange::parse(range).map(|r| r.other_family());
        assert_eq!(parsed, Ok(expected), "{range}");
    }
}

#[test]
fn rejects_bad_forms() {
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        (r#""bad""#, "Malformed CIDR, one '/' required"),
        (r#""x/y""#, "Malformed CIDR, mask bits must be an integer"),
        (r#""xx.11.xx/8""#, "Nonstandard IP address: xx.11.xx"),
        (r#""10.0.0.0/32""#, "IPv4 mask bits must be < 32"),
        (r#""::/128""#, "IPv6 mask bits must be < 128"),
        (r#""10.0.0.0/-1""#, "Malformed CIDR, mask bits must not be negative"),
        (r#""999.0.0.0/8""#, "Invalid IP address: 999.0.0.0"),
        (r#""1ffff::/8""#, "Invalid IP address: 1ffff::"),
        (r#"["10.0.0.0/8"]"#, "prefix match pattern must be a string"),
    ];
    for &(operand, message) in cases {
        let pattern = format!(r#"{{"a": [{{"cidr": {operand}}}]}}"#);
        assert_eq!(invalid(&pattern), (message.to_string(), 16), "{pattern}");
    }
}
