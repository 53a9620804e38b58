//! Caps on what one link may carry, applied while the JSON is read: a 10 KB link can name two
//! million empty inputs, and materialising them (then a file, a row and a problem each) would
//! freeze the tab. The first items up to each cap are kept, the rest are skipped unread
//! ([`serde::de::IgnoredAny`]), counted in [`LeftOut`] and told to the user.
//!
//! The same caps apply to the workspace kept in local storage (it is a snapshot too).

use super::{SharedChallenge, SharedInput, SharedRule, Snapshot};
use serde::de::{Deserialize, Deserializer, IgnoredAny, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Event inputs a link opens: the same number ingest reads at once.
pub const MAX_SHARED_INPUTS: usize = eventpen_ingest::MAX_INPUTS;
/// Hints a challenge may carry.
pub const MAX_SHARED_HINTS: usize = 50;
/// Per-event expectations a challenge may carry: one per event at most.
pub const MAX_SHARED_EXPECTATIONS: usize = eventpen_ingest::MAX_EVENTS;

/// What a link held beyond the caps and was not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeftOut {
    /// Event inputs past [`MAX_SHARED_INPUTS`].
    pub inputs: usize,
    /// Hidden challenge inputs past [`MAX_SHARED_INPUTS`].
    pub hidden: usize,
    /// Hints past [`MAX_SHARED_HINTS`].
    pub hints: usize,
    /// Expectations past [`MAX_SHARED_EXPECTATIONS`].
    pub expectations: usize,
}

impl LeftOut {
    /// One sentence per cap reached, for the page's notices (none when nothing was left out).
    pub fn notices(&self) -> Vec<String> {
        let said = |count: usize, what: &str, cap: usize| {
            (count > 0).then(|| {
                format!(
                    "This link carries {} {what}; EventPen opened the first {} and left out the rest.",
                    thousands(cap + count),
                    thousands(cap)
                )
            })
        };
        [
            said(self.inputs, "event inputs", MAX_SHARED_INPUTS),
            said(self.hidden, "hidden challenge inputs", MAX_SHARED_INPUTS),
            said(self.hints, "hints", MAX_SHARED_HINTS),
            said(self.expectations, "event marks", MAX_SHARED_EXPECTATIONS),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// `2000000` as `2,000,000`.
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A sequence read up to `N` items; the rest skipped and counted.
struct Capped<T, const N: usize> {
    kept: Vec<T>,
    dropped: usize,
}

impl<T, const N: usize> Default for Capped<T, N> {
    fn default() -> Self {
        Capped {
            kept: Vec::new(),
            dropped: 0,
        }
    }
}

impl<'de, T: Deserialize<'de>, const N: usize> Deserialize<'de> for Capped<T, N> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T, const N: usize>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>, const N: usize> Visitor<'de> for SeqVisitor<T, N> {
            type Value = Capped<T, N>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut capped = Capped::default();
                while capped.kept.len() < N {
                    match seq.next_element()? {
                        Some(item) => capped.kept.push(item),
                        None => return Ok(capped),
                    }
                }
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    capped.dropped += 1;
                }
                Ok(capped)
            }
        }
        deserializer.deserialize_seq(SeqVisitor(PhantomData))
    }
}

/// [`Snapshot`] as read from JSON: the same fields and names, lists capped.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
pub(super) struct WireSnapshot {
    p: String,
    e: Capped<SharedInput, MAX_SHARED_INPUTS>,
    s: Option<usize>,
    f: Option<String>,
    r: SharedRule,
    x: Option<String>,
    c: Option<WireChallenge>,
    g: Option<String>,
}

/// [`SharedChallenge`] as read from JSON.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct WireChallenge {
    g: String,
    h: Capped<String, MAX_SHARED_HINTS>,
    x: Capped<Option<bool>, MAX_SHARED_EXPECTATIONS>,
    k: Capped<SharedInput, MAX_SHARED_INPUTS>,
}

impl From<WireSnapshot> for Snapshot {
    fn from(wire: WireSnapshot) -> Snapshot {
        let mut left_out = LeftOut {
            inputs: wire.e.dropped,
            ..LeftOut::default()
        };
        let challenge = wire.c.map(|c| {
            left_out.hints = c.h.dropped;
            left_out.expectations = c.x.dropped;
            left_out.hidden = c.k.dropped;
            SharedChallenge {
                goal: c.g,
                hints: c.h.kept,
                expectations: c.x.kept,
                hidden: c.k.kept,
            }
        });
        Snapshot {
            pattern: wire.p,
            events: wire.e.kept,
            selected: wire.s,
            filter: wire.f,
            rule: wire.r,
            export_format: wire.x,
            challenge,
            example: wire.g,
            left_out,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_past_a_cap_are_counted_not_kept() {
        let many = |n: usize, item: &str| vec![item; n].join(",");
        #[rustfmt::skip]
        let cases: &[(String, usize, usize, usize)] = &[
            // JSON, inputs kept, inputs left out, hints left out
            (r#"{"e":[{}]}"#.to_string(), 1, 0, 0),
            (format!(r#"{{"e":[{}]}}"#, many(MAX_SHARED_INPUTS, "{}")), MAX_SHARED_INPUTS, 0, 0),
            (format!(r#"{{"e":[{}]}}"#, many(MAX_SHARED_INPUTS + 7, "{}")), MAX_SHARED_INPUTS, 7, 0),
            (format!(r#"{{"e":[{}],"c":{{"h":[{}]}}}}"#, many(2, "{\"t\":\"x\"}"), many(60, "\"h\"")), 2, 0, 10),
        ];
        for (json, kept, inputs, hints) in cases {
            let snapshot: Snapshot = serde_json::from_str(json).expect("valid snapshot JSON");
            assert_eq!(snapshot.events.len(), *kept, "{json:.60}");
            assert_eq!(snapshot.left_out.inputs, *inputs, "{json:.60}");
            assert_eq!(snapshot.left_out.hints, *hints, "{json:.60}");
        }
    }

    #[test]
    fn notices_name_the_count_and_the_cap() {
        let left_out = LeftOut {
            inputs: 1_999_000,
            hints: 1,
            ..LeftOut::default()
        };
        assert_eq!(
            left_out.notices(),
            [
                "This link carries 2,000,000 event inputs; EventPen opened the first 1,000 and left out the rest.",
                "This link carries 51 hints; EventPen opened the first 50 and left out the rest.",
            ]
        );
        assert!(LeftOut::default().notices().is_empty());
    }
}
