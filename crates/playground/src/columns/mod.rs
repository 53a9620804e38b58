//! Re-matching by column: verdicts for every stored event without walking each event.
//!
//! A compiled pattern reads few fields, and CloudTrail repeats their values endlessly. So each
//! leaf's conditions are evaluated once per distinct value of its field (the store's column
//! dictionaries), spread to per-event bitsets, and combined 64 events at a time through the
//! pattern's and/or tree. Where an event's facts leave array consistency open (values used
//! together from an array of objects, `exists: false` inside one), the pattern's own plan
//! decides from the facts, and only when that cannot, the event itself is matched
//! (`Pattern::matches_json_prevalidated` on its bytes). Patterns with a leaf replaced on some `$or` paths
//! only are matched per event, after ruling out events no path could match.
//!
//! Per-leaf results are cached by (field name, conditions): editing one clause recomputes
//! that clause only. The cache belongs to a [`ColumnMatcher`] and is dropped when the store
//! changes (another store, or more events).
//!
//! Every verdict equals `Pattern::matches` on the event; `tests/columns.rs` checks that on
//! generated patterns and events and on the shared conformance cases. See the
//! [store's example](crate::store).

mod bitset;
mod leaf;

use std::ops::Range;
use std::sync::Arc;

use eventpen_pattern::Pattern;
use eventpen_pattern::columns::{LeafRole, Plan, PlanNode};

pub use bitset::Bitset;
use leaf::LeafBits;

use crate::store::EventStore;

/// Cached leaves kept at most (the least recently used go first). A leaf costs 6 bits per
/// event (75 KB at 100,000 events), so the cache stays under 5 MB there; typing touches a
/// handful of leaves.
const CACHE_LEAVES: usize = 64;

/// How many loaded events satisfy one leaf of the pattern on its own (array consistency
/// aside): what the editor shows beside the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClauseCount {
    /// Span of the leaf's `[…]` list in the pattern text (the model leaf's `span`).
    pub span: Range<usize>,
    /// Span of the leaf's key.
    pub key_span: Range<usize>,
    /// The flattened field name (`detail.eventName`).
    pub name: String,
    /// Events with a value that satisfies a condition (or, with `exists: false`, no value).
    pub events: usize,
}

/// The verdicts of one pattern over a store.
#[derive(Debug, Clone)]
pub struct ColumnVerdicts {
    /// One bit per event: matched.
    pub matched: Bitset,
    /// One count per leaf of the pattern, in text order.
    pub clause_counts: Vec<ClauseCount>,
    /// Leaves evaluated over the columns for this call (the others came from the cache).
    pub leaves_computed: usize,
    /// Events decided from their leaves' facts because array consistency was open.
    pub decided_from_facts: usize,
    /// Events that had to be matched on their own bytes.
    pub matched_per_event: usize,
}

#[derive(Debug, Clone)]
struct CacheEntry {
    pattern: Pattern,
    leaf: usize,
    bits: Arc<LeafBits>,
    last_used: u64,
}

/// Matches patterns over an [`EventStore`], caching per-leaf results between calls.
#[derive(Debug, Clone, Default)]
pub struct ColumnMatcher {
    /// (store id, events) the cache was computed for.
    cached_for: (u64, usize),
    cache: Vec<CacheEntry>,
    clock: u64,
}

impl ColumnMatcher {
    /// A matcher with an empty cache.
    pub fn new() -> ColumnMatcher {
        ColumnMatcher::default()
    }

    /// Which events of `store` match `pattern`, with per-leaf counts.
    pub fn verdicts(&mut self, store: &EventStore, pattern: &Pattern) -> ColumnVerdicts {
        if self.cached_for != (store.id(), store.len()) {
            self.cache.clear();
            self.cached_for = (store.id(), store.len());
        }
        self.clock += 1;
        let plan = pattern.plan();
        let mut leaves_computed = 0;
        let leaves: Vec<Arc<LeafBits>> = (0..plan.leaf_count())
            .map(|index| {
                let (bits, computed) = self.leaf_bits(store, pattern, index);
                leaves_computed += usize::from(computed);
                bits
            })
            .collect();
        let clause_counts = plan
            .leaves()
            .zip(&leaves)
            .map(|(leaf, bits)| ClauseCount {
                span: leaf.span(),
                key_span: leaf.key_span(),
                name: leaf.name().to_string(),
                events: bits.passed.count(),
            })
            .collect();
        let mut verdicts = ColumnVerdicts {
            matched: Bitset::zeros(store.len()),
            clause_counts,
            leaves_computed,
            decided_from_facts: 0,
            matched_per_event: 0,
        };
        if plan.needs_events() {
            // Leaves replaced on some paths only count as satisfied: an upper bound.
            let possible = combine(&plan, plan.root(), store.len(), &|index| {
                (plan.leaf(index).role() == LeafRole::Counts).then(|| {
                    let mut possible = leaves[index].passed.clone();
                    possible.or_with(&leaves[index].constrained);
                    possible
                })
            });
            for event in possible.ones_iter() {
                verdicts.matched_per_event += 1;
                verdicts
                    .matched
                    .set(event, match_event(store, pattern, event));
            }
            return verdicts;
        }
        verdicts.matched = combine(&plan, plan.root(), store.len(), &|index| {
            (plan.leaf(index).role() == LeafRole::Counts).then(|| leaves[index].passed.clone())
        });
        let mut open = Bitset::zeros(store.len());
        for (index, bits) in leaves.iter().enumerate() {
            if plan.leaf(index).role() == LeafRole::Counts {
                open.or_with(&bits.constrained);
            }
        }
        for event in open.ones_iter() {
            let decided = plan.decide(&mut |index| leaves[index].facts(event));
            let verdict = match decided {
                Some(verdict) => {
                    verdicts.decided_from_facts += 1;
                    verdict
                }
                None => {
                    verdicts.matched_per_event += 1;
                    match_event(store, pattern, event)
                }
            };
            verdicts.matched.set(event, verdict);
        }
        verdicts
    }

    /// Leaf `index` of `pattern` from the cache, or computed (then `true`).
    fn leaf_bits(
        &mut self,
        store: &EventStore,
        pattern: &Pattern,
        index: usize,
    ) -> (Arc<LeafBits>, bool) {
        let plan = pattern.plan();
        let leaf = plan.leaf(index);
        let clock = self.clock;
        if let Some(entry) = self
            .cache
            .iter_mut()
            .find(|entry| entry.pattern.plan().leaf(entry.leaf).same_test(&leaf))
        {
            entry.last_used = clock;
            return (entry.bits.clone(), false);
        }
        let bits = Arc::new(LeafBits::compute(store, &leaf));
        if self.cache.len() >= CACHE_LEAVES
            && let Some(oldest) = (0..self.cache.len()).min_by_key(|&i| self.cache[i].last_used)
        {
            self.cache.swap_remove(oldest);
        }
        self.cache.push(CacheEntry {
            pattern: pattern.clone(),
            leaf: index,
            bits: bits.clone(),
            last_used: clock,
        });
        (bits, true)
    }

    /// Memory held by the cache, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.cache.iter().map(|e| e.bits.heap_bytes() + 64).sum()
    }
}

/// Node `id` of the tree as a bitset, from each leaf's bits (`None`: always satisfied).
fn combine(
    plan: &Plan<'_>,
    id: usize,
    len: usize,
    leaf: &dyn Fn(usize) -> Option<Bitset>,
) -> Bitset {
    match plan.node(id) {
        PlanNode::Leaf(index) => leaf(index).unwrap_or_else(|| Bitset::ones(len)),
        PlanNode::All(children) => {
            let mut all = Bitset::ones(len);
            for &child in children {
                all.and_with(&combine(plan, child, len, leaf));
            }
            all
        }
        PlanNode::Any(branches) => {
            let mut any = Bitset::zeros(len);
            for &branch in branches {
                any.or_with(&combine(plan, branch, len, leaf));
            }
            any
        }
    }
}

/// Matches one event on its own: the bytes through the pattern's byte path. The store's
/// bytes are serde_json's writing of each event (`EventStore::push`, or the tape reader,
/// which writes the same bytes and hands events with a repeated key to serde_json), so the
/// pre-validated entry point applies: what the pattern does not read is not re-checked.
fn match_event(store: &EventStore, pattern: &Pattern, event: usize) -> bool {
    match pattern.matches_json_prevalidated(store.bytes(event)) {
        Ok(verdict) => verdict,
        Err(_) => store.event(event).is_some_and(|e| pattern.matches(&e)),
    }
}
