//! The pattern side of a session: set the text, keep the verdicts current, and answer one
//! evaluation (counts, advice), its charts (timeline, breakdown) and preview for a time range.
use super::facts::FactsIndex;
use super::views::{Advice, ChartsView, EvaluationView, FacetsView};
use super::{PatternState, Session};
use crate::breakdown::BreakdownIndex;
use crate::columns::Bitset;
use crate::timeline::{TimeRange, TimelineLayout};
use crate::{Diagnostic, Facets, Severity};

/// Top values kept per breakdown dimension.
const TOP_VALUES: usize = 5;
/// Matched events the target-input preview shows.
const PREVIEW_EVENTS: usize = 10;
/// Values per field the facet panel receives (counts stay exact).
const FACET_VALUES: usize = 50;

impl Session {
    /// Set the pattern text; the verdicts follow (a broken text keeps the last valid
    /// pattern's verdicts, marked stale; an empty one has none). Returns whether anything
    /// changed.
    pub fn set_pattern(&mut self, text: &str) -> bool {
        if self.pattern.checked.is_some() && self.pattern.text == text {
            return false;
        }
        let checked = eventpen_pattern::check(text);
        let blank = text.trim().is_empty();
        let previous = std::mem::take(&mut self.pattern);
        let (last_valid, stale) = match (&checked.pattern, blank) {
            (_, true) => (None, false),
            (Some(pattern), false) => (Some(pattern.clone()), false),
            (None, false) => {
                let stale = previous.last_valid.is_some();
                (previous.last_valid, stale)
            }
        };
        self.pattern = PatternState {
            text: text.to_string(),
            checked: Some(checked),
            last_valid,
            stale,
        };
        let before = self.bits.take();
        self.rematch();
        if self.bits != before {
            self.previous = before;
            self.generation = self.generation.wrapping_add(1);
        }
        true
    }

    /// Recompute the verdicts of the current pattern over every event, by column: each
    /// condition once per distinct value of its field, per-clause results cached across edits.
    pub(super) fn rematch(&mut self) {
        let computed = self
            .pattern
            .last_valid
            .as_ref()
            .map(|pattern| self.matcher.verdicts(&self.store, pattern));
        // Per-clause counts are placed by span in the current text: a stale pattern's spans
        // belong to an older text.
        self.clause_counts = match &computed {
            Some(verdicts) if !self.pattern.stale => verdicts
                .clause_counts
                .iter()
                .map(|c| (c.span.start, c.span.end, c.events))
                .collect(),
            _ => Vec::new(),
        };
        self.bits = computed.map(|verdicts| verdicts.matched);
    }

    /// Which events fall in `range` (every event when `None`).
    fn in_range(&self, range: Option<TimeRange>) -> impl Fn(usize) -> bool + '_ {
        move |i| range.is_none_or(|r| r.contains(self.times.get(i).copied().flatten()))
    }

    /// Everything to show about the current pattern, for the events in `range`, less the
    /// charts ([`Session::charts`]: the costliest part, sent after it).
    pub fn evaluate(&self, range: Option<TimeRange>) -> EvaluationView {
        let total = self.store.len();
        let in_range = self.in_range(range);
        let bits = self.bits.as_ref();
        let matched = bits.map_or(0, Bitset::count);
        let range_counts = range.map(|_| {
            let kept = (0..total).filter(|&i| in_range(i));
            let matched_at = |i: usize| bits.is_some_and(|b| b.get(i));
            kept.fold((0, 0), |(n, m), i| (n + 1, m + usize::from(matched_at(i))))
        });
        let (listed, tips) = self.advice();
        EvaluationView {
            total,
            matched,
            in_range: range_counts,
            has_verdicts: bits.is_some(),
            stale: self.pattern.stale,
            listed,
            tips,
            read_only_matched: bits
                .is_some_and(|bits| self.with_facts(|facts| facts.any_noted_read_only(bits))),
            account: self.account.clone(),
            region: self.region.clone(),
            clause_counts: self.clause_counts.clone(),
        }
    }

    /// The timeline (all events, matched or not, with what the last edit changed) and the
    /// breakdown of the matched events in `range`; `None` without verdicts.
    pub fn charts(&self, range: Option<TimeRange>) -> Option<ChartsView> {
        let now = self.bits.as_ref()?;
        let before = self.previous.as_ref().filter(|b| b.len() == now.len());
        let timeline = self.with_timeline_layout(|layout| layout.count(now, before));
        let change = timeline
            .as_ref()
            .and(before)
            .map(|b| (now.count_and_not(b), b.count_and_not(now), self.generation));
        let mut counted = now.clone();
        if range.is_some() {
            let in_range = self.in_range(range);
            for i in now.ones_iter().filter(|&i| !in_range(i)) {
                counted.set(i, false);
            }
        }
        let breakdown = self.breakdown_index.with(
            self.events_version,
            || BreakdownIndex::of_store(&self.store),
            |index| index.breakdown(&self.store, &counted, TOP_VALUES),
        );
        Some(ChartsView {
            timeline,
            change,
            breakdown,
        })
    }

    /// Where the first matched events are (the target-input preview's), in order: the page is
    /// sent the events themselves only when these change.
    pub fn preview_indices(&self) -> Vec<usize> {
        self.bits.as_ref().map_or_else(Vec::new, |bits| {
            bits.ones_iter().take(PREVIEW_EVENTS).collect()
        })
    }

    /// The first matched events with their positions, in order (the target-input preview).
    /// Apart from [`Session::evaluate`]: ten whole events were two fifths of every answer, and
    /// the worker sends them after the results, only when they changed.
    pub fn preview(&self) -> Vec<(usize, serde_json::Value)> {
        self.preview_indices()
            .into_iter()
            .filter_map(|i| Some((i, self.store.event(i)?)))
            .collect()
    }

    /// The facet panel's fields: every event's, or only those in `range`.
    pub fn facets(&self, range: Option<TimeRange>) -> FacetsView {
        let facets = match range {
            None => self.facets.capped(FACET_VALUES),
            Some(_) => {
                let in_range = self.in_range(range);
                let kept: Vec<_> = (0..self.store.len())
                    .filter(|&i| in_range(i))
                    .filter_map(|i| self.store.event(i))
                    .collect();
                Facets::collect(&kept).capped(FACET_VALUES)
            }
        };
        FacetsView {
            paths: facets.paths(),
            facets,
        }
    }

    /// `f` of the timeline layout of the current events (worked out again only when they
    /// change); `None` when no event has a time.
    fn with_timeline_layout<T>(&self, f: impl FnOnce(&TimelineLayout) -> T) -> Option<T> {
        self.timeline_layout.with(
            self.events_version,
            || TimelineLayout::of(&self.times),
            |layout| layout.as_ref().map(f),
        )
    }

    /// `f` of the per-event facts of the current events (built again only when they change).
    fn with_facts<T>(&self, f: impl FnOnce(&FactsIndex) -> T) -> T {
        self.facts
            .with(self.events_version, || FactsIndex::of_store(&self.store), f)
    }

    /// The editor's list (errors, then warnings the events do not disprove) and the tips that
    /// need the events, from the evaluation core.
    fn advice(&self) -> (Vec<Advice>, Vec<Advice>) {
        let (Some(checked), false) = (&self.pattern.checked, self.pattern.text.trim().is_empty())
        else {
            return (Vec::new(), Vec::new());
        };
        let text = &self.pattern.text;
        let facts = self
            .bits
            .as_ref()
            .filter(|_| !self.pattern.stale)
            .map(|bits| self.with_facts(|facts| facts.facts(bits)));
        let index = (!self.store.is_empty()).then_some(&self.facets);
        let all = crate::diagnostics(text, checked, index, facts.as_ref());
        let (tips, listed): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
            all.iter().partition(|d| d.severity == Severity::Tip);
        let view = |d: &Diagnostic| advice_of(text, d);
        (
            listed.into_iter().map(view).collect(),
            tips.into_iter().map(view).collect(),
        )
    }
}

/// A diagnostic as the UI lists it, with its fix applied to `text`.
pub fn advice_of(text: &str, d: &Diagnostic) -> Advice {
    Advice {
        code: d.code().to_string(),
        is_error: d.severity == Severity::Error,
        span: (d.span.start, d.span.end),
        line: d.position.line,
        column: d.position.column,
        path: d.path.to_string(),
        message: d.message.clone(),
        fix: d
            .suggestion
            .as_ref()
            .and_then(|s| Some((s.title.clone(), s.apply(text)?))),
    }
}
