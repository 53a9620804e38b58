//! The pattern side of a session: set the text, keep the verdicts current, and answer one
//! evaluation (counts, verdict bits, advice, timeline, breakdown, preview) for a time range.
use super::views::{Advice, EvaluationView, FacetsView};
use super::{PatternState, Session};
use crate::breakdown::Breakdown;
use crate::timeline::{TimeRange, Timeline, change};
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
        let before = self.verdicts.take();
        self.rematch();
        if self.verdicts != before {
            self.previous = before;
            self.generation = self.generation.wrapping_add(1);
        }
        true
    }

    /// Recompute the verdicts of the current pattern over every event.
    pub(super) fn rematch(&mut self) {
        self.verdicts = self
            .pattern
            .last_valid
            .as_ref()
            .map(|pattern| crate::verdicts(pattern, &self.events));
    }

    /// Which events fall in `range` (every event when `None`).
    fn in_range(&self, range: Option<TimeRange>) -> impl Fn(usize) -> bool + '_ {
        move |i| range.is_none_or(|r| r.contains(self.times.get(i).copied().flatten()))
    }

    /// Everything to show about the current pattern, for the events in `range`; the timeline
    /// and breakdown only when `charts` is on (they are the costliest part).
    pub fn evaluate(&self, range: Option<TimeRange>, charts: bool) -> EvaluationView {
        let total = self.events.len();
        let in_range = self.in_range(range);
        let verdicts = self.verdicts.as_deref();
        let matched_at = |i: usize| verdicts.is_some_and(|v| v[i]);
        let matched = verdicts.map_or(0, |v| v.iter().filter(|m| **m).count());
        let range_counts = range.map(|_| {
            let kept = (0..total).filter(|&i| in_range(i));
            kept.fold((0, 0), |(n, m), i| (n + 1, m + usize::from(matched_at(i))))
        });
        let mut bits = vec![0u32; total.div_ceil(32)];
        for i in (0..total).filter(|&i| matched_at(i)) {
            bits[i / 32] |= 1 << (i % 32);
        }
        let (listed, tips) = self.advice();
        let timeline_and_change = verdicts.filter(|_| charts).and_then(|now| {
            let before = self.previous.as_deref().filter(|b| b.len() == now.len());
            let timeline = Timeline::build(&self.times, now, before)?;
            let change = before.map(|b| {
                let (added, removed) = change(b, now);
                (added, removed, self.generation)
            });
            Some((timeline, change))
        });
        let breakdown = verdicts.filter(|_| charts).map(|_| {
            let counted = (0..total).filter(|&i| matched_at(i) && in_range(i));
            Breakdown::collect(counted.map(|i| &self.events[i].event), TOP_VALUES)
        });
        let preview = (0..total)
            .filter(|&i| matched_at(i))
            .take(PREVIEW_EVENTS)
            .map(|i| (i, self.events[i].event.clone()))
            .collect();
        EvaluationView {
            total,
            matched,
            in_range: range_counts,
            has_verdicts: verdicts.is_some(),
            stale: self.pattern.stale,
            bits,
            listed,
            tips,
            read_only_matched: (0..total).any(|i| matched_at(i) && self.events[i].read_only),
            account: self.account.clone(),
            region: self.region.clone(),
            change: timeline_and_change.as_ref().and_then(|(_, c)| *c),
            timeline: timeline_and_change.map(|(t, _)| t),
            breakdown,
            preview,
        }
    }

    /// The facet panel's fields: every event's, or only those in `range`.
    pub fn facets(&self, range: Option<TimeRange>) -> FacetsView {
        let facets = match range {
            None => self.facets.capped(FACET_VALUES),
            Some(_) => {
                let in_range = self.in_range(range);
                let kept = (0..self.events.len()).filter(|&i| in_range(i));
                Facets::collect(kept.map(|i| &self.events[i].event)).capped(FACET_VALUES)
            }
        };
        FacetsView {
            paths: facets.paths(),
            facets,
        }
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
            .verdicts
            .as_ref()
            .filter(|_| !self.pattern.stale)
            .map(|v| crate::matched_facts(&self.events, v));
        let index = (!self.events.is_empty()).then_some(&self.facets);
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
