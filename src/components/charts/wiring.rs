//! What the App needs to host the charts, kept out of app.rs: each event's time (parsed once per
//! event set), which events fall in the selected time range, the timeline with what the last
//! edit changed, and the breakdown of the matched events in range — each one `use_memo`.
use crate::derived::{ByPtr, EventRow, Matching};
use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::timeline::{TimeRange, Timeline, change, parse_time};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Top values kept per breakdown dimension.
const TOP_VALUES: usize = 5;

/// The timeline and what the last edit did to the matches.
#[derive(Debug)]
pub struct TimelineView {
    /// Counts per bucket (`None` when no event has a readable time).
    pub timeline: Option<Timeline>,
    /// Events added to / removed from the matches by the last edit, and a number that changes
    /// with every edit (so the indicator shows afresh).
    pub change: Option<(usize, usize, u32)>,
}

/// Everything the charts draw.
pub struct Charts {
    /// Which events fall in the selected range (`None`: no range, every event counts).
    pub in_range: Option<ByPtr<Vec<bool>>>,
    /// The timeline (`None` while the charts are off or nothing matched yet).
    pub timeline: Option<ByPtr<TimelineView>>,
    /// The matched events' top values in range (`None` while off or no pattern).
    pub breakdown: Option<ByPtr<Breakdown>>,
}

/// The last matching seen, for the change indicator.
type Previous = Rc<RefCell<Option<(ByPtr<Vec<EventRow>>, ByPtr<Matching>, u32)>>>;

/// Derive the charts from the events, the verdicts and the selected range; nothing is computed
/// while `on` is false.
#[hook]
pub fn use_charts(
    rows: &ByPtr<Vec<EventRow>>,
    matching: &Option<ByPtr<Matching>>,
    range: Option<TimeRange>,
    on: bool,
) -> Charts {
    let times = use_memo(rows.clone(), |rows| {
        rows.iter()
            .map(|row| {
                row.event
                    .get("time")
                    .and_then(|t| t.as_str())
                    .and_then(parse_time)
            })
            .collect::<Vec<_>>()
    });
    let in_range = use_memo((ByPtr(times.clone()), range), |(times, range)| {
        range.map(|range| {
            ByPtr(Rc::new(
                times
                    .iter()
                    .map(|t| range.contains(*t))
                    .collect::<Vec<bool>>(),
            ))
        })
    });
    let previous: Previous = use_mut_ref(|| None);
    let timeline = use_memo(
        (ByPtr(times.clone()), rows.clone(), matching.clone(), on),
        move |(times, rows, matching, on)| {
            let matching = matching.as_ref().filter(|_| *on)?;
            let mut previous = previous.borrow_mut();
            let before = previous.as_ref().filter(|(r, m, _)| {
                r == rows && m != matching && m.matched.len() == matching.matched.len()
            });
            let generation = previous.as_ref().map_or(0, |p| p.2) + 1;
            let before_matched = before.map(|(_, m, _)| m.matched.clone());
            let change = before_matched.as_ref().map(|b| {
                let (added, removed) = change(b, &matching.matched);
                (added, removed, generation)
            });
            let timeline = Timeline::build(times, &matching.matched, before_matched.as_deref());
            *previous = Some((rows.clone(), matching.clone(), generation));
            Some(ByPtr(Rc::new(TimelineView { timeline, change })))
        },
    );
    let breakdown = use_memo(
        (rows.clone(), matching.clone(), (*in_range).clone(), on),
        |(rows, matching, in_range, on)| {
            let matching = matching.as_ref().filter(|_| *on)?;
            let counted = rows.iter().enumerate().filter(|(i, _)| {
                matching.matched.get(*i).copied().unwrap_or(false)
                    && in_range
                        .as_ref()
                        .is_none_or(|r| r.get(*i).copied().unwrap_or(false))
            });
            Some(ByPtr(Rc::new(Breakdown::collect(
                counted.map(|(_, row)| &*row.event),
                TOP_VALUES,
            ))))
        },
    );
    Charts {
        in_range: (*in_range).clone(),
        timeline: (*timeline).clone(),
        breakdown: (*breakdown).clone(),
    }
}
