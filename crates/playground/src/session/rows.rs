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
    /// no verdicts yet, every event in range: there is nothing to filter by).
    pub fn rows(
        &self,
        filter: ListFilter,
        range: Option<TimeRange>,
        offset: usize,
        count: usize,
    ) -> RowsPage {
        let verdict = |i: usize| self.verdicts.as_ref().map(|v| v[i]);
        let kept = (0..self.events.len())
            .filter(|&i| range.is_none_or(|r| r.contains(self.times.get(i).copied().flatten())))
            .filter(|&i| match filter {
                _ if self.verdicts.is_none() => true,
                ListFilter::All => true,
                ListFilter::Matched => verdict(i) == Some(true),
                ListFilter::NotMatched => verdict(i) != Some(true),
            });
        let mut total = 0;
        let mut rows = Vec::new();
        for i in kept {
            if total >= offset && rows.len() < count.min(MAX_WINDOW) {
                rows.push(self.row(i));
            }
            total += 1;
        }
        RowsPage {
            total,
            offset,
            rows,
        }
    }

    /// Event `index` as a list row, with the reasons of a non-match.
    fn row(&self, index: usize) -> RowView {
        let event = &self.events[index];
        let verdict = self.verdicts.as_ref().map(|v| v[index]);
        let reasons = match (verdict, &self.pattern.last_valid) {
            (Some(false), Some(pattern)) => crate::reasons::failed_reasons(pattern, &event.event),
            _ => Vec::new(),
        };
        let (title, source, time, place) = summary_of(&event.event);
        RowView {
            index,
            title,
            source,
            time,
            place,
            verdict,
            reasons,
            notes: event.notes.clone(),
        }
    }

    /// Event `index` in full, with which fields the pattern read passed or failed.
    pub fn event(&self, index: usize) -> Option<EventDetail> {
        let event = self.events.get(index)?;
        let mut highlights: Vec<(Vec<String>, bool)> = Vec::new();
        if let Some(pattern) = &self.pattern.last_valid {
            for clause in pattern.explain(&event.event).clauses {
                match highlights.iter_mut().find(|(path, _)| *path == clause.path) {
                    Some((_, passed)) => *passed |= clause.passed,
                    None => highlights.push((clause.path, clause.passed)),
                }
            }
        }
        Some(EventDetail {
            row: self.row(index),
            event: event.event.clone(),
            original: event.original.clone(),
            origin: event.origin.clone(),
            highlights,
        })
    }

    /// The challenge score of the current pattern text over the loaded events.
    pub fn challenge_score(&self, expectations: &[Option<bool>]) -> crate::challenge::Score {
        let events: Vec<Value> = self.events.iter().map(|e| e.event.clone()).collect();
        crate::challenge::score(&self.pattern.text, &events, expectations)
    }
}

/// A row's title, source, time and "account / region", read from the event.
pub fn summary_of(event: &Value) -> (String, String, String, String) {
    let text = |pointer: &str| {
        event
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string()
    };
    let title = [text("/detail/eventName"), text("/detail-type")]
        .into_iter()
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| "event".to_string());
    let (account, region) = (text("/account"), text("/region"));
    let place = match (account.is_empty(), region.is_empty()) {
        (false, false) => format!("{account} / {region}"),
        (false, true) => account,
        (true, false) => region,
        (true, true) => String::new(),
    };
    (title, text("/source"), text("/time"), place)
}
