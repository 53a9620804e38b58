//! Deciding a pre-validated event's verdict before its end, as the `quamina` crate does by
//! reading only until it has seen every field its patterns name.
//!
//! For [`crate::Pattern::matches_json_prevalidated`]: valid JSON whose keys are written
//! without needless escapes (what every serialiser writes: serde_json, `JSON.stringify`,
//! Jackson). Repeated keys are allowed and count as [`crate::Pattern::matches_json`]
//! counts them (every occurrence adds values), so the two always agree on such bytes.
//!
//! Each time the reader keeps a value of a field the pattern reads, the field's outcome so
//! far is updated and the and/or tree is asked ([`crate::matching::decide`]) twice:
//! - *match for sure*: fields with a value that satisfies them, read outside any array
//!   and without `exists: false`, pass whatever follows (a later value only adds to "some
//!   value satisfies"); every other field is taken as failing. If the pattern still
//!   matches, it matches.
//! - *no match for sure*: fields known to get no more values (below) keep their outcome;
//!   every other field is taken as passing. If the pattern still fails, it fails.
//!
//! A field gets no more values after the cursor when none of its values came from inside
//! an array (a later element could add one) and no later key can reach it. A key reaching
//! `p1.p2.p3` is, at some level, a key whose text starts with one of its segments followed
//! by a dot or the closing quote (`"p2"`, `"p2.p3"`, `"p1.p2"`, a repeated `"p3"`); so when
//! none of `"p1`, `"p2`, `"p3` followed by `"` or `.` occurs in the rest of the bytes, the
//! field is complete. The search is over raw bytes, so a hit inside a string value only
//! delays the verdict. Once a segment is absent from the rest it stays absent further on,
//! so each is searched for at most once per event after it is found absent.

use memchr::memmem::Finder;

use super::Raw;
use crate::compile::{Compiled, Field};
use crate::matching::{FieldOutcome, decide, evaluate_value};

/// Most fields (and distinct name segments) a pattern may have for early verdicts: one
/// bit each in a word.
const MAX_TRACKED: usize = 64;

/// What deciding early needs from a pattern, built once with it.
#[derive(Debug, Clone)]
pub(crate) struct EarlyPlan {
    /// `"segment` for every distinct segment of the pattern's field names.
    needles: Vec<Finder<'static>>,
    /// Per field: the bit of its name's last segment's needle, and bit `i` set for every
    /// needle `i` that is one of its segments. The last segment is searched first: it is the
    /// one most likely to recur (`type`, `arn`), which settles the search at once.
    field_needles: Vec<(u64, u64)>,
    /// The fields with `exists: false` (absence satisfies them, so a later value can
    /// undo a pass).
    absence_fields: u64,
}

impl PartialEq for EarlyPlan {
    fn eq(&self, other: &Self) -> bool {
        let texts = |plan: &EarlyPlan| {
            plan.needles
                .iter()
                .map(|finder| finder.needle().to_vec())
                .collect::<Vec<_>>()
        };
        texts(self) == texts(other)
            && self.field_needles == other.field_needles
            && self.absence_fields == other.absence_fields
    }
}

impl EarlyPlan {
    /// The plan for these fields, or `None` where early verdicts are not supported: more
    /// than 64 fields or segments, an empty segment (`a..b`, `a.`, whose reachability
    /// event-ruler decides specially), or a segment with a byte a serialiser may escape
    /// (quote, backslash, control or non-ASCII), which the byte search could miss.
    pub(crate) fn of(fields: &[Field]) -> Option<EarlyPlan> {
        if fields.len() > MAX_TRACKED {
            return None;
        }
        let names = fields.iter().map(|field| field.name.as_str());
        let plain = |segment: &str| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| (0x20..0x7f).contains(&b) && b != b'"' && b != b'\\')
        };
        let mut segments: Vec<&str> = Vec::new();
        let mut field_needles = Vec::with_capacity(fields.len());
        for name in names {
            let (mut last, mut mask) = (0u64, 0u64);
            for segment in name.split('.') {
                if !plain(segment) {
                    return None;
                }
                let index = match segments.iter().position(|known| *known == segment) {
                    Some(index) => index,
                    None => {
                        segments.push(segment);
                        segments.len() - 1
                    }
                };
                if index >= MAX_TRACKED {
                    return None;
                }
                last = 1 << index;
                mask |= last;
            }
            field_needles.push((last, mask));
        }
        let needles = segments
            .iter()
            .map(|segment| Finder::new(&format!("\"{segment}")).into_owned())
            .collect();
        let absence_fields = (0..fields.len())
            .filter(|&index| fields[index].accepts_absence)
            .fold(0u64, |mask, index| mask | 1 << index);
        Some(EarlyPlan {
            needles,
            field_needles,
            absence_fields,
        })
    }
}

impl EarlyPlan {
    /// The bit of the needle for this name segment (0 when it has none).
    pub(super) fn needle_bit(&self, segment: &str) -> u64 {
        let quoted = |finder: &Finder<'_>| finder.needle().get(1..) == Some(segment.as_bytes());
        self.needles
            .iter()
            .position(quoted)
            .map_or(0, |index| 1 << index)
    }
}

/// One event's progress towards an early verdict. Bit `i` of each word is field `i`.
pub(super) struct Early<'c> {
    compiled: &'c Compiled,
    plan: &'c EarlyPlan,
    /// Fields with a value read.
    present: u64,
    /// Fields with a value read that satisfies one of their conditions.
    matched: u64,
    /// Fields with a value read inside an array (of the event or of the value itself):
    /// array consistency may matter, so their outcome is never used before the end.
    in_array: u64,
    /// Fields that get no value after the cursor.
    complete: u64,
    /// Needles known absent from the bytes after the cursor.
    absent: u64,
    /// The fields satisfied for good and the complete ones when "matches for sure" was
    /// last asked.
    asked_sure: (u64, u64),
    /// The verdict, once known.
    pub(super) verdict: Option<bool>,
}

/// A field taken as satisfied.
const PASSING: FieldOutcome = FieldOutcome {
    matched: true,
    matched_anywhere: true,
    present: true,
    in_array: false,
};

/// A field taken as failing (present, so `exists: false` fails too).
const FAILING: FieldOutcome = FieldOutcome {
    matched: false,
    matched_anywhere: false,
    present: true,
    in_array: false,
};

impl<'c> Early<'c> {
    pub(super) fn new(compiled: &'c Compiled, plan: &'c EarlyPlan) -> Self {
        Early {
            compiled,
            plan,
            present: 0,
            matched: 0,
            in_array: 0,
            complete: 0,
            absent: 0,
            asked_sure: (0, 0),
            verdict: None,
        }
    }

    /// Records a value of `fields` (the fields named by the leaf just read), read inside
    /// an array of the event or not, and tries to decide; `rest` is the bytes after it.
    pub(super) fn note(&mut self, fields: &[usize], value: &Raw<'_>, in_array: bool, rest: &[u8]) {
        // A value inside an array, or holding arrays of arrays (a polygon's points), makes
        // the field's outcome wait for the end: not worth evaluating twice.
        let nested = |items: &[Raw<'_>]| items.iter().any(|item| matches!(item, Raw::Array(_)));
        let waits = in_array || matches!(value, Raw::Array(items) if nested(items));
        for &index in fields {
            let bit = 1u64 << index;
            if waits || self.in_array & bit != 0 {
                self.in_array |= bit;
                continue;
            }
            let outcome = evaluate_value(&self.compiled.fields[index], value);
            if outcome.in_array {
                self.in_array |= bit;
            }
            if outcome.present {
                self.present |= bit;
            }
            if outcome.matched {
                self.matched |= bit;
            }
        }
        // Only a field read and not (for good) satisfied can make the pattern fail: those
        // whose name no later key can reach are complete.
        let before = self.complete;
        let mut candidates = self.present
            & !self.in_array
            & !self.complete
            & (!self.matched | self.plan.absence_fields);
        while candidates != 0 {
            let index = candidates.trailing_zeros() as usize;
            candidates &= candidates - 1;
            let (last, all) = self.plan.field_needles[index];
            if self.no_key_after(last, rest) && self.no_key_after(all, rest) {
                self.complete |= 1 << index;
            }
        }
        self.verdict = self.decide(before);
    }

    /// Records that an object outside any array has closed: every key at its level has
    /// been read, so the fields `under` it (read or not) are complete unless a later key
    /// can reach the object itself, that is unless one of the segments leading to it
    /// (`path_needles`) starts a key in `rest`. At the root `path_needles` is empty and
    /// everything is known.
    pub(super) fn closed(&mut self, under: u64, path_needles: u64, rest: &[u8]) {
        let candidates = under & !self.in_array & !self.complete;
        if candidates == 0 || !self.no_key_after(path_needles, rest) {
            return;
        }
        let before = self.complete;
        self.complete |= candidates;
        self.verdict = self.decide(before);
    }

    /// Fields satisfied whatever follows: a value read outside arrays satisfies them, and
    /// no `exists: false` could be undone by a later value.
    fn passes_for_good(&self) -> u64 {
        self.matched & !self.in_array & !self.plan.absence_fields
    }

    /// The outcome of a field that gets no more values.
    fn final_outcome(&self, bit: u64) -> FieldOutcome {
        let matched = self.matched & bit != 0;
        FieldOutcome {
            matched,
            matched_anywhere: matched,
            present: self.present & bit != 0,
            in_array: false,
        }
    }

    /// The verdict if known; `complete_before` is what was complete at the last call.
    fn decide(&mut self, complete_before: u64) -> Option<bool> {
        let passes_for_good = self.passes_for_good();
        // "Matches for sure" can only change when what it reads did since it last ran.
        let changed = (passes_for_good, self.complete) != self.asked_sure;
        self.asked_sure = (passes_for_good, self.complete);
        let sure = |index: usize| {
            let bit = 1u64 << index;
            if passes_for_good & bit != 0 {
                PASSING
            } else if self.complete & bit != 0 {
                self.final_outcome(bit)
            } else {
                FAILING
            }
        };
        if changed && decide(self.compiled, &mut { sure }) == Some(true) {
            return Some(true);
        }
        if self.complete == complete_before {
            return None;
        }
        let possible = |index: usize| {
            let bit = 1u64 << index;
            if self.complete & bit != 0 {
                self.final_outcome(bit)
            } else {
                PASSING
            }
        };
        match decide(self.compiled, &mut { possible }) {
            Some(false) => Some(false),
            _ => None,
        }
    }

    /// Whether none of these needles occurs in `rest` followed by a quote or a dot.
    fn no_key_after(&mut self, needles: u64, rest: &[u8]) -> bool {
        let mut unknown = needles & !self.absent;
        while unknown != 0 {
            let index = unknown.trailing_zeros() as usize;
            unknown &= unknown - 1;
            let finder = &self.plan.needles[index];
            let width = finder.needle().len();
            let key_starts = finder
                .find_iter(rest)
                .any(|at| matches!(rest.get(at + width), Some(b'"' | b'.')));
            if key_starts {
                return false;
            }
            self.absent |= 1 << index;
        }
        true
    }
}
