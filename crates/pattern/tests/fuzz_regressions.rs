//! Inputs the fuzz suite (`fuzz/`, `make fuzz`) found, kept as tests of this crate. Each names
//! what broke; one whose fix is on another branch is ignored with the reason until it merges.

use eventpen_pattern::check;
use serde_json::json;

/// All three match paths must agree; returns their answer.
fn agreed(pattern: &str, event: serde_json::Value) -> bool {
    let checked = check(pattern);
    let compiled = checked
        .pattern
        .unwrap_or_else(|| panic!("{pattern}: {:?}", checked.errors));
    let matched = compiled.matches(&event);
    assert_eq!(
        compiled.explain(&event).matched,
        matched,
        "explain, {pattern}"
    );
    let bytes = serde_json::to_vec(&event).unwrap_or_default();
    assert_eq!(
        compiled.matches_json(&bytes).ok(),
        Some(matched),
        "matches_json, {pattern}"
    );
    matched
}

/// Found by the `pattern` target (4 crashes in 33.4 M calls): `1u128 << 128` for a /0 IPv6 mask.
#[test]
fn ipv6_slash_zero_compiles_and_matches_every_ipv6_address() {
    #[rustfmt::skip]
    let cases = [
        (r#"{"ip":[{"cidr":"::/0"}]}"#, json!({"ip": "2001:db8::1"}), true),
        (r#"{"ip":[{"cidr":"::/0"}]}"#, json!({"ip": "::"}), true),
        (r#"{"ip":[{"cidr":"::/0"},{"cidr":"10.0.0.0/8"}]}"#, json!({"ip": "10.1.2.3"}), true),
        (r#"{"ip":[{"cidr":"::/0"}]}"#, json!({"ip": "not an address"}), false),
    ];
    for (pattern, event, expected) in cases {
        assert_eq!(agreed(pattern, event), expected, "{pattern}");
    }
}

/// Found by the `pattern` target (335 of 339 crashes in 41 M calls): a syntax error under a key
/// holding `]` without a matching `[` (`"[1]]"`, `"é]"`) panicked while its JSON path was read back.
#[test]
fn syntax_errors_under_keys_with_brackets_name_their_place() {
    #[rustfmt::skip]
    let cases = [
        (r#"{"[1fi]]": x"#, "json-syntax"),
        (r#"{"]": x"#, "json-syntax"),
        (r#"{"a]]}{": [1], "b": x"#, "json-syntax"),
        ("{\"\u{e9}}]i[\": x", "json-syntax"),
        (r#"{"[9][9] ]": x"#, "json-syntax"),
    ];
    for (pattern, code) in cases {
        let checked = check(pattern);
        let codes: Vec<&str> = checked.errors.iter().map(|e| e.code()).collect();
        assert_eq!(codes, [code], "{pattern}");
        assert!(!checked.errors[0].to_string().is_empty());
    }
}

/// Found by the `pattern` target (2 crashes in 1.1 M calls) the minute a byte-path change
/// compared a trie name's first byte before the rest: a field name that starts with a dot has
/// an empty first part, which has no first byte, so `matches_json` skipped the member.
#[test]
fn field_names_starting_with_a_dot_are_read_from_bytes() {
    #[rustfmt::skip]
    let cases = [
        (r#"{".a.b":[null,""]}"#, json!({".a.b": null}), true),
        (r#"{"detail":{".x":{"n":[{"numeric":[">",0,"<=",5]}]}}}"#, json!({"detail": [{".x": {"n": 7.7e-143}}, {}]}), true),
        (r#"{"detail":{".x":{"n":[{"numeric":[">",0,"<=",5]}]}}}"#, json!({"detail": {".x": {"n": 6}}}), false),
        (r#"{"a..b":["v"]}"#, json!({"a..b": "v"}), true),
        (r#"{"a..b":["v"]}"#, json!({"a": {"": {"b": "v"}}}), true),
    ];
    for (pattern, event, expected) in cases {
        assert_eq!(agreed(pattern, event), expected, "{pattern}");
    }
}
