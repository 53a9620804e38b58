//! event-ruler's `MachineComplexityEvaluator` score for the wildcard patterns of one field,
//! computed on a model of the byte machine event-ruler builds for them.
//!
//! event-ruler matches a string value with its quotes (`"…"`), one UTF-8 byte at a time.
//! A literal byte is a transition to a new state; a `*` is a state's "transition for all
//! bytes" into a state that loops on every byte. Reading a value, the machine is in a set of
//! transitions at once (one per way the prefix read so far can continue). The score is the
//! largest such set reachable, counting for each transition also the star loop its target
//! state offers when that loop is not already in the set. So `9*9999` scores 5: after `"9`
//! and four more `9`s the machine is in the loop and in each of the four literal `9`s.
//!
//! Only the reachable sets are explored, and the search stops as soon as a set reaches the
//! cap, so an over-complex pattern (`*a` repeated over 2 KB) is refused after a few bytes.
//! Patterns whose sets stay small but are many (long patterns, few stars) are linear in
//! their length. Checked against event-ruler's own score on the calibration cases AWS
//! recorded and on thousands of generated patterns.

use std::collections::HashSet;

use super::Wildcard;

/// One step of a pattern: a literal byte, or a star.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Byte(u8),
    Star,
}

/// A transition the machine can be in: of pattern `pattern`, the one that consumed step
/// `step` (a literal byte, or — `looping` — a byte read by the star at `step`). `step` is
/// `None` for the start, before the opening quote.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Taken {
    pattern: usize,
    step: Option<usize>,
    looping: bool,
}

/// The steps of a pattern as event-ruler's machine reads them: quote, bytes and stars,
/// quote.
fn steps(w: &Wildcard) -> Vec<Step> {
    let mut out = vec![Step::Byte(b'"')];
    for (i, piece) in w.pieces.iter().enumerate() {
        if i > 0 {
            out.push(Step::Star);
        }
        out.extend(piece.bytes().map(Step::Byte));
    }
    out.push(Step::Byte(b'"'));
    out
}

/// The score of these wildcard patterns matched on one field, at most `cap`.
pub(crate) fn complexity(patterns: &[&Wildcard], cap: usize) -> usize {
    let programs: Vec<Vec<Step>> = patterns.iter().map(|w| steps(w)).collect();
    let mut alphabet: Vec<u8> = programs
        .iter()
        .flatten()
        .filter_map(|s| match s {
            Step::Byte(b) => Some(*b),
            Step::Star => None,
        })
        .collect();
    alphabet.sort_unstable();
    alphabet.dedup();
    // One byte that no pattern names stands for all of them.
    if let Some(other) = (0..=u8::MAX).find(|b| alphabet.binary_search(b).is_err()) {
        alphabet.push(other);
    }
    let star_at = |pattern: usize, step: usize| programs[pattern].get(step) == Some(&Step::Star);

    // What the state after `taken` can read next: star loops, then one literal byte.
    let next_steps = |taken: Taken, out: &mut Vec<(usize, bool)>| {
        out.clear();
        let mut step = match taken.step {
            Some(step) if taken.looping => {
                out.push((step, true));
                step + 1
            }
            Some(step) => step + 1,
            None => 0,
        };
        while let Some(kind) = programs[taken.pattern].get(step) {
            match kind {
                Step::Star => out.push((step, true)),
                Step::Byte(_) => {
                    out.push((step, false));
                    break;
                }
            }
            step += 1;
        }
    };
    let score = |set: &[Taken]| {
        let unlooped_stars = set
            .iter()
            .filter(|t| !t.looping)
            .filter_map(|t| {
                let star = t.step.map_or(0, |s| s + 1);
                star_at(t.pattern, star).then_some(Taken {
                    pattern: t.pattern,
                    step: Some(star),
                    looping: true,
                })
            })
            .filter(|star| set.binary_search(star).is_err())
            .count();
        set.len() + unlooped_stars
    };

    let start: Vec<Taken> = (0..programs.len())
        .map(|pattern| Taken {
            pattern,
            step: None,
            looping: false,
        })
        .collect();
    let mut seen: HashSet<Vec<Taken>> = HashSet::new();
    let mut todo = vec![start];
    let mut best = 0;
    let mut available = Vec::new();
    while let Some(set) = todo.pop() {
        for &byte in &alphabet {
            let mut next: Vec<Taken> = Vec::new();
            for &taken in &set {
                next_steps(taken, &mut available);
                for &(step, looping) in &available {
                    let reads = looping || programs[taken.pattern][step] == Step::Byte(byte);
                    if reads {
                        next.push(Taken {
                            pattern: taken.pattern,
                            step: Some(step),
                            looping,
                        });
                    }
                }
            }
            next.sort_unstable();
            next.dedup();
            if next.is_empty() || seen.contains(&next) {
                continue;
            }
            best = best.max(score(&next));
            if best >= cap {
                return cap;
            }
            seen.insert(next.clone());
            todo.push(next);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::{Wildcard, complexity};

    /// Scores event-ruler's evaluator gives (AWS's two recorded cases among them).
    #[test]
    fn scores_as_event_ruler_does() {
        #[rustfmt::skip]
        let cases: &[(&[&str], usize)] = &[
            (&["*"], 2),
            (&["t*"], 2),
            (&["*on"], 2),
            (&["plain"], 1),
            (&["9*9999"], 5),
            (&["P*u*t*O*j*ct"], 7),
            (&["/Users/*/dir/dir/dir/dir/dir/doc.txt"], 7),
            (&["9*9999999999"], 11),
            (&["*:*:*:*:*:event-bus/*"], 11),
        ];
        for &(patterns, expected) in cases {
            let parsed: Vec<Wildcard> = patterns
                .iter()
                .map(|p| Wildcard::parse(p).unwrap_or_else(|e| panic!("{p}: {e}")))
                .collect();
            let refs: Vec<&Wildcard> = parsed.iter().collect();
            assert_eq!(complexity(&refs, 100), expected, "{patterns:?}");
        }
    }

    #[test]
    fn stops_at_the_cap() {
        let long = Wildcard::parse(&"*a".repeat(1000)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(complexity(&[&long], 11), 11);
    }
}
