//! Warnings where event-ruler (and so AWS) behaves in a way the pattern's author may not
//! expect: a wildcard score AWS's answer is unknown for, and `cidr` ranges that also match
//! the other address family.

use super::Linter;
use crate::compile::Field;
use crate::operators::Matcher;
use crate::operators::anything_but::AnythingBut;
use crate::operators::cidr::IpRange;
use crate::operators::wildcard::{self, KNOWN_ACCEPTED, TOO_COMPLEX, Wildcard};

/// Wildcards scoring above what AWS is known to accept but below what it is known to refuse.
pub(super) fn wildcard_complexity(linter: &mut Linter, field: &Field, path: &str) {
    let mut patterns: Vec<&Wildcard> = Vec::new();
    for matcher in &field.matchers {
        match matcher {
            Matcher::Wildcard(w) => patterns.push(w),
            Matcher::AnythingBut(AnythingBut::Wildcards(ws)) => patterns.extend(ws.iter()),
            _ => {}
        }
    }
    if patterns.is_empty() {
        return;
    }
    let score = wildcard::complexity(&patterns, TOO_COMPLEX);
    if score > KNOWN_ACCEPTED && score < TOO_COMPLEX {
        linter.warn(
            "wildcard-complexity",
            field.span.clone(),
            path.to_string(),
            format!(
                "These wildcards score {score} on event-ruler's complexity measure: AWS accepted a rule scoring {KNOWN_ACCEPTED} and refused one scoring {TOO_COMPLEX} (\"Rule is too complex\"); whether it accepts {score} is not known. Fewer stars, or fewer repeated characters after a star, lower the score"
            ),
        );
    }
}

/// `cidr` ranges compared as hex digits reach addresses of the other family.
pub(super) fn cidr_other_family(
    linter: &mut Linter,
    range: &IpRange,
    span: std::ops::Range<usize>,
    path: &str,
) {
    let Some((low, high)) = range.other_family() else {
        return;
    };
    let message = if range.v6 {
        format!(
            "AWS compares cidr ranges as hex digits: {} also matches the IPv4 addresses {} to {}",
            range.text,
            std::net::Ipv4Addr::from(u32::try_from(low).unwrap_or(u32::MAX)),
            std::net::Ipv4Addr::from(u32::try_from(high).unwrap_or(u32::MAX)),
        )
    } else {
        format!(
            "AWS compares cidr ranges as hex digits: {} also matches the IPv6 addresses {} to {}",
            range.text,
            std::net::Ipv6Addr::from(low),
            std::net::Ipv6Addr::from(high),
        )
    };
    linter.warn("cidr-other-family", span, path.to_string(), message);
}
