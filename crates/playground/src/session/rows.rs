//! Rows for the lists: a window of a filtered list (explanations only for the rows in it), one
//! event in full, and the challenge score over the loaded events.
use super::Session;
use super::views::{EventDetail, ListFilter, RowView, RowsPage};
use crate::timeline::TimeRange;
use serde_json::Value;

/// Rows one window may ask for: a screenful and its overscan, never the whole list.
pub const MAX_WINDOW: usize = 500;

impl Session {
    /// Rows `offset..offset + count` of the events `filter` and `range` keep, in order (with
    /// no verdicts yet, every event in range: there is nothing to filter by), each non-match
    /// with its reasons.
    pub fn rows(
        &self,
        filter: ListFilter,
        range: Option<TimeRange>,
        offset: usize,
        count: usize,
    ) -> RowsPage {
        self.window(filter, range, offset, count, true)
    }

    /// Rows `offset..offset + count` of the loaded events, without reasons: the events list
    /// shows neither verdicts nor reasons, and explaining its rows on every keystroke was
    /// wasted work.
    pub fn event_list_rows(&self, offset: usize, count: usize) -> RowsPage {
        self.window(ListFilter::All, None, offset, count, false)
    }

    fn window(
        &self,
        filter: ListFilter,
        range: Option<TimeRange>,
        offset: usize,
        count: usize,
        explain: bool,
    ) -> RowsPage {
        let count = count.min(MAX_WINDOW);
        let unfiltered =
            range.is_none() && (self.bits.is_none() || matches!(filter, ListFilter::All));
        if unfiltered {
            // Every event is kept: the window is a slice, no need to walk the whole list.
            let total = self.store.len();
            let rows = (offset.min(total)..offset.saturating_add(count).min(total))
                .map(|i| self.row(i, explain))
                .collect();
            return RowsPage {
                total,
                offset,
                rows,
            };
        }
        let verdict = |i: usize| self.bits.as_ref().map(|v| v.get(i));
        let kept = (0..self.store.len())
            .filter(|&i| range.is_none_or(|r| r.contains(self.times.get(i).copied().flatten())))
            .filter(|&i| match filter {
                _ if self.bits.is_none() => true,
                ListFilter::All => true,
                ListFilter::Matched => verdict(i) == Some(true),
                ListFilter::NotMatched => verdict(i) != Some(true),
            });
        let mut total = 0;
        let mut rows = Vec::new();
        for i in kept {
            if total >= offset && rows.len() < count {
                rows.push(self.row(i, explain));
            }
            total += 1;
        }
        RowsPage {
            total,
            offset,
            rows,
        }
    }

    /// Event `index` as a list row, with the reasons of a non-match when `explain`.
    fn row(&self, index: usize, explain: bool) -> RowView {
        let verdict = self.bits.as_ref().map(|v| v.get(index));
        let reasons = match (verdict, &self.pattern.last_valid) {
            (Some(false), Some(pattern)) if explain => self
                .with_parsed(index, |event| {
                    crate::reasons::failed_reasons(pattern, event)
                })
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let summary = self.store.summary(index);
        let (account, region) = (
            summary.account.unwrap_or_default(),
            summary.region.unwrap_or_default(),
        );
        let place = match (account.is_empty(), region.is_empty()) {
            (false, false) => format!("{account} / {region}"),
            (false, true) => account,
            (true, false) => region,
            (true, true) => String::new(),
        };
        let notes = self.store.meta(index).map_or_else(Vec::new, |meta| {
            meta.notes
                .iter()
                .map(|code| {
                    self.note_messages
                        .get(code)
                        .cloned()
                        .unwrap_or_else(|| code.to_string())
                })
                .collect()
        });
        RowView {
            index,
            title: summary.name.unwrap_or_else(|| "event".to_string()),
            source: summary.source.unwrap_or_default(),
            time: summary.time.unwrap_or_default(),
            place,
            verdict,
            reasons,
            notes,
        }
    }

    /// `f` of event `index` parsed, from the events parsed for earlier windows when it is
    /// there: a window's rows stay the same as the pattern changes (the whole list, or the
    /// same matches), and parsing them again was most of each keystroke's explaining.
    fn with_parsed<R>(&self, index: usize, f: impl FnOnce(&Value) -> R) -> Option<R> {
        self.parsed
            .with(self.events_version, Default::default, |parsed| {
                let mut parsed = parsed.borrow_mut();
                if !parsed.contains_key(&index) {
                    let event = self.store.event(index)?;
                    if parsed.len() >= MAX_WINDOW {
                        parsed.clear();
                    }
                    parsed.insert(index, event);
                }
                parsed.get(&index).map(f)
            })
    }

    /// Event `index` in full, with which fields the pattern read passed or failed.
    pub fn event(&self, index: usize) -> Option<EventDetail> {
        let event = self.store.event(index)?;
        let mut highlights: Vec<(Vec<String>, bool)> = Vec::new();
        if let Some(pattern) = &self.pattern.last_valid {
            for clause in pattern.explain(&event).clauses {
                match highlights.iter_mut().find(|(path, _)| *path == clause.path) {
                    Some((_, passed)) => *passed |= clause.passed,
                    None => highlights.push((clause.path, clause.passed)),
                }
            }
        }
        Some(EventDetail {
            row: self.row(index, true),
            origin: self.store.meta(index).map(|m| m.origin).unwrap_or_default(),
            original: self.original(index),
            event,
            highlights,
        })
    }

    /// The challenge score of the current pattern text over the loaded events.
    pub fn challenge_score(&self, expectations: &[Option<bool>]) -> crate::challenge::Score {
        let events: Vec<Value> = (0..self.store.len())
            .filter_map(|i| self.store.event(i))
            .collect();
        crate::challenge::score(&self.pattern.text, &events, expectations)
    }
}
