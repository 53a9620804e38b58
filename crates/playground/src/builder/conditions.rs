//! Which conditions fit a value, pre-filled from it, and how a condition reads on a chip.
//!
//! The suggestions are the ones people reach for with CloudTrail data: a prefix that drops the
//! API version Lambda and others append (`UpdateFunctionConfiguration20150331v2` →
//! `UpdateFunctionConfiguration`), the first word of a camel-case name (`Run` of
//! `RunInstances`), the network of an IP address (`/32`, `/24`, `/16`).
use serde_json::{Value, json};
use std::net::IpAddr;

/// The conditions that fit `value`, each with its label (also the button's accessible name):
/// the exact value first, then the operators, then exists / does not exist.
pub fn conditions_for(value: &Value) -> Vec<(String, Value)> {
    let mut out: Vec<Value> = vec![value.clone()];
    match value {
        Value::String(text) => {
            out.extend(prefixes(text).into_iter().map(|p| json!({ "prefix": p })));
            out.extend(suffixes(text).into_iter().map(|s| json!({ "suffix": s })));
            out.push(json!({ "equals-ignore-case": text }));
            out.push(json!({ "anything-but": text }));
            if let Some(pattern) = wildcard_for(text) {
                out.push(json!({ "wildcard": pattern }));
            }
            out.extend(cidrs(text).into_iter().map(|c| json!({ "cidr": c })));
        }
        Value::Number(number) => {
            out.push(json!({ "numeric": ["=", number] }));
            out.push(json!({ "numeric": [">", number] }));
            out.push(json!({ "numeric": ["<", number] }));
            let zero = Value::from(0);
            let range = if number.as_f64().is_some_and(|n| n < 0.0) {
                json!({ "numeric": [">=", number, "<=", zero] })
            } else {
                json!({ "numeric": [">=", zero, "<=", number] })
            };
            out.push(range);
            out.push(json!({ "anything-but": number }));
        }
        _ => {}
    }
    out.push(json!({ "exists": true }));
    out.push(json!({ "exists": false }));
    let mut labelled: Vec<(String, Value)> = Vec::new();
    for condition in out {
        if labelled.iter().all(|(_, c)| *c != condition) {
            let label = if condition.is_object() {
                describe(&condition)
            } else {
                format!("equals {condition}")
            };
            labelled.push((label, condition));
        }
    }
    labelled
}

/// A condition as a chip reads: `"RunInstances"`, `prefix "Run"`, `numeric > 0, <= 5`,
/// `exists`, `does not exist`, `cidr 10.0.0.0/24`.
pub fn describe(condition: &Value) -> String {
    let Value::Object(map) = condition else {
        return condition.to_string();
    };
    let mut entries = map.iter();
    let (Some((operator, operand)), None) = (entries.next(), entries.next()) else {
        return condition.to_string();
    };
    match (operator.as_str(), operand) {
        ("exists", Value::Bool(true)) => "exists".to_string(),
        ("exists", Value::Bool(false)) => "does not exist".to_string(),
        ("numeric", Value::Array(items)) => format!("numeric {}", numeric_text(items)),
        ("cidr", Value::String(range)) => format!("cidr {range}"),
        (_, Value::Object(_)) => format!("{operator} {}", describe(operand)),
        (_, operand) => format!("{operator} {}", spaced(operand)),
    }
}

/// `[">", 0, "<=", 5]` → `> 0, <= 5`.
pub(crate) fn numeric_text(items: &[Value]) -> String {
    items
        .chunks(2)
        .map(|pair| {
            pair.iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_string))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Compact JSON with a space after commas (`["a", "b"]`), as people write lists.
fn spaced(value: &Value) -> String {
    match value {
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(spaced).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// Useful prefixes of `text`, most specific first: without a trailing API version, up to the
/// last `/` or `:` (ARNs, paths), up to the first `.`, `-` or `_` (`t2.`, `i-`), the first
/// camel-case word.
fn prefixes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(base) = without_api_version(text) {
        out.push(base.to_string());
    }
    if let Some(cut) = text.trim_end_matches(['/', ':']).rfind(['/', ':']) {
        out.push(text[..=cut].to_string());
    }
    // `t2.`, `i-`: only for short ids, not inside ARNs and paths (`…:assumed-` helps nobody).
    if let Some(cut) = text
        .find(['.', '-', '_'])
        .filter(|&i| i > 0 && !text.contains([':', '/']))
    {
        out.push(text[..=cut].to_string());
    }
    if let Some(word) = first_camel_word(text) {
        out.push(word.to_string());
    }
    out.retain(|p| !p.is_empty() && p.len() < text.len());
    dedup(&mut out);
    if out.is_empty() && !text.is_empty() {
        out.push(text.to_string());
    }
    out.truncate(3);
    out
}

/// Useful suffixes: from the `@` of an address, from the last `.`, `/` or `:`, the last
/// camel-case word.
fn suffixes(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(at) = text.rfind('@').filter(|&i| i > 0) {
        out.push(text[at..].to_string());
    }
    if let Some(cut) = text
        .rfind(['.', '/', ':'])
        .filter(|&i| i > 0 && i + 1 < text.len())
    {
        out.push(text[cut..].to_string());
    }
    if let Some(word) = last_camel_word(text) {
        out.push(word.to_string());
    }
    out.retain(|s| !s.is_empty() && s.len() < text.len());
    dedup(&mut out);
    if out.is_empty() && !text.is_empty() {
        out.push(text.to_string());
    }
    out.truncate(2);
    out
}

fn dedup(items: &mut Vec<String>) {
    let mut seen = Vec::new();
    items.retain(|item| {
        let new = !seen.contains(item);
        seen.push(item.clone());
        new
    });
}

/// `CreateFunction20150331` / `UpdateFunctionConfiguration20150331v2` → the name without the
/// 8-digit API version and optional `vN`.
fn without_api_version(text: &str) -> Option<&str> {
    let trimmed = match text.rfind('v') {
        Some(v) if v + 1 < text.len() && text[v + 1..].bytes().all(|b| b.is_ascii_digit()) => {
            &text[..v]
        }
        _ => text,
    };
    let digits = trimmed.bytes().rev().take_while(u8::is_ascii_digit).count();
    (digits == 8 && trimmed.len() > 8).then(|| &trimmed[..trimmed.len() - 8])
}

/// `RunInstances` → `Run` (only for camel-case words of letters).
fn first_camel_word(text: &str) -> Option<&str> {
    if !text.starts_with(|c: char| c.is_ascii_uppercase()) {
        return None;
    }
    let end = text[1..].find(|c: char| c.is_ascii_uppercase())? + 1;
    text[..end]
        .chars()
        .all(|c| c.is_ascii_alphabetic())
        .then(|| &text[..end])
}

/// `RunInstances` → `Instances`.
fn last_camel_word(text: &str) -> Option<&str> {
    if !text.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let start = text
        .rfind(|c: char| c.is_ascii_uppercase())
        .filter(|&i| i > 0)?;
    Some(&text[start..])
}

/// A wildcard that keeps the text but lets its most telling number vary: a versioned API name
/// becomes `CreateFunction*`, an ARN's account `arn:aws:iam::*:role/Admin`, an address's last
/// part `198.51.100.*`. Text without digits gets its first prefix followed by `*`.
fn wildcard_for(text: &str) -> Option<String> {
    let escape = |part: &str| part.replace('\\', "\\\\").replace('*', "\\*");
    if let Some(base) = without_api_version(text) {
        return Some(format!("{}*", escape(base)));
    }
    if let (Ok(IpAddr::V4(_)), Some(dot)) = (text.parse::<IpAddr>(), text.rfind('.')) {
        return Some(format!("{}*", &text[..=dot]));
    }
    // The longest run of digits (the last of equals), as byte offsets.
    let mut best: Option<(usize, usize)> = None;
    let mut run_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_ascii_digit() && i < text.len(), run_start) {
            (true, None) => run_start = Some(i),
            (false, Some(start)) => {
                if best.is_none_or(|(s, e)| i - start >= e - s) {
                    best = Some((start, i));
                }
                run_start = None;
            }
            _ => {}
        }
    }
    if let Some((start, end)) = best
        && (start, end) != (0, text.len())
    {
        return Some(format!(
            "{}*{}",
            escape(&text[..start]),
            escape(&text[end..])
        ));
    }
    let base = prefixes(text).into_iter().find(|p| p.len() < text.len())?;
    Some(format!("{}*", escape(&base)))
}

/// Network ranges containing an IP address: the address itself, then wider.
fn cidrs(text: &str) -> Vec<String> {
    match text.parse::<IpAddr>() {
        Ok(IpAddr::V4(ip)) => [32u32, 24, 16]
            .into_iter()
            .map(|bits| {
                let mask = u32::MAX.checked_shl(32 - bits).unwrap_or(0);
                let network = std::net::Ipv4Addr::from(u32::from(ip) & mask);
                format!("{network}/{bits}")
            })
            .collect(),
        Ok(IpAddr::V6(ip)) => [128u32, 64, 48]
            .into_iter()
            .map(|bits| {
                let mask = u128::MAX.checked_shl(128 - bits).unwrap_or(0);
                let network = std::net::Ipv6Addr::from(u128::from(ip) & mask);
                format!("{network}/{bits}")
            })
            .collect(),
        Err(_) => Vec::new(),
    }
}
