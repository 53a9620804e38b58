//! Matches over time: each event's `time` as seconds, a bucket size chosen from the time span
//! (a minute to a day), and per bucket how many events matched, did not, and — after an edit —
//! how many the edit added to or removed from the matches.
//!
//! Why in the core: the app redraws the timeline on every keystroke, so this is one pass over the
//! verdicts with no allocation per event (times are parsed once per event set, not per edit).

use crate::columns::Bitset;

/// The bucket sizes offered, in seconds: 1, 5, 15 minutes, 1, 3, 6, 12 hours, a day.
pub const BUCKET_SIZES: [i64; 8] = [60, 300, 900, 3_600, 10_800, 21_600, 43_200, 86_400];

/// At most this many buckets before a bigger size is chosen (a day is used for any longer span).
pub const MAX_BUCKETS: i64 = 72;

/// Seconds since the Unix epoch of an RFC 3339 time (`2026-11-03T14:05:00Z`,
/// `…T14:05:00.123+02:00`); `None` for anything else.
pub fn parse_time(text: &str) -> Option<i64> {
    let bytes = text.as_bytes();
    let digits = |from: usize, len: usize| -> Option<i64> {
        let slice = bytes.get(from..from + len)?;
        slice.iter().try_fold(0i64, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + i64::from(b - b'0'))
        })
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(i, c)| bytes.get(i) != Some(&c))
        || !matches!(bytes.get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let (year, month, day) = (digits(0, 4)?, digits(5, 2)?, digits(8, 2)?);
    let (hour, minute, second) = (digits(11, 2)?, digits(14, 2)?, digits(17, 2)?);
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = 19;
    if bytes.get(rest) == Some(&b'.') {
        rest += 1;
        while bytes.get(rest).is_some_and(u8::is_ascii_digit) {
            rest += 1;
        }
    }
    let offset = match bytes.get(rest) {
        Some(b'Z' | b'z') if rest + 1 == bytes.len() => 0,
        Some(sign @ (b'+' | b'-')) if rest + 6 == bytes.len() && bytes[rest + 3] == b':' => {
            let minutes = digits(rest + 1, 2)? * 60 + digits(rest + 4, 2)?;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    Some(days * 86_400 + hour * 3_600 + minute * 60 + second - offset)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The smallest offered bucket size that covers `span` seconds in at most [`MAX_BUCKETS`].
pub fn bucket_size(span: i64) -> i64 {
    BUCKET_SIZES
        .iter()
        .copied()
        .find(|size| span / size < MAX_BUCKETS)
        .unwrap_or(86_400)
}

/// Where each event falls on the timeline, worked out once per event set (the span, the bucket
/// size, each event's bucket), so that a keystroke only adds each verdict to its bucket: the time
/// arithmetic per event was a tenth of a keystroke's evaluation at 100,000 events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineLayout {
    start: i64,
    bucket_seconds: i64,
    buckets: usize,
    /// Per event: its bucket, or [`UNTIMED`].
    bucket_of: Vec<u32>,
    /// Events per bucket, the untimed last: a keystroke then visits only the matched events
    /// and those the edit changed, not every event.
    totals: Vec<usize>,
}

/// An event without a time, in [`TimelineLayout`].
const UNTIMED: u32 = u32::MAX;

impl TimelineLayout {
    /// The layout of events with these times (`None` when no event has a time).
    pub fn of(times: &[Option<i64>]) -> Option<TimelineLayout> {
        let (first, last) = times
            .iter()
            .flatten()
            .fold(None, |span: Option<(i64, i64)>, &t| {
                Some(span.map_or((t, t), |(a, b)| (a.min(t), b.max(t))))
            })?;
        let bucket_seconds = bucket_size(last - first);
        let start = first.div_euclid(bucket_seconds) * bucket_seconds;
        let buckets = usize::try_from((last - start) / bucket_seconds + 1).unwrap_or(1);
        let mut layout = TimelineLayout {
            start,
            bucket_seconds,
            buckets,
            bucket_of: Vec::new(),
            totals: vec![0; buckets + 1],
        };
        let empty = layout.empty();
        layout.bucket_of = times
            .iter()
            .map(|time| time.map_or(UNTIMED, |t| empty.index_of(t) as u32))
            .collect();
        for &bucket in &layout.bucket_of {
            let slot = (bucket as usize).min(buckets);
            layout.totals[slot] += 1;
        }
        Some(layout)
    }

    /// The timeline with every bucket at zero.
    fn empty(&self) -> Timeline {
        Timeline {
            start: self.start,
            bucket_seconds: self.bucket_seconds,
            buckets: vec![Bucket::default(); self.buckets],
            untimed: Bucket::default(),
        }
    }

    /// The timeline of these verdicts (and of the change from `before`, when given; `before`
    /// of another length is ignored). Each bucket starts with all its events not matched, then
    /// only the matched events and those the edit changed are visited (at 100,000 events a
    /// keystroke touched every event three times: the verdicts as bools, the timeline and the
    /// change).
    pub fn count(&self, now: &Bitset, before: Option<&Bitset>) -> Timeline {
        let mut timeline = self.empty();
        for (slot, &total) in self.totals.iter().enumerate() {
            bucket_at(&mut timeline, slot).not_matched = total;
        }
        let slot_of = |i: usize| self.bucket_of.get(i).map_or(UNTIMED, |&b| b) as usize;
        for i in now.ones_iter() {
            let bucket = bucket_at(&mut timeline, slot_of(i));
            bucket.matched += 1;
            bucket.not_matched = bucket.not_matched.saturating_sub(1);
        }
        if let Some(before) = before.filter(|b| b.len() == now.len()) {
            let mut added = now.clone();
            added.and_not_with(before);
            for i in added.ones_iter() {
                bucket_at(&mut timeline, slot_of(i)).added += 1;
            }
            let mut removed = before.clone();
            removed.and_not_with(now);
            for i in removed.ones_iter() {
                bucket_at(&mut timeline, slot_of(i)).removed += 1;
            }
        }
        timeline
    }
}

/// Bucket `slot` of `timeline`; any slot past the buckets is the untimed one.
fn bucket_at(timeline: &mut Timeline, slot: usize) -> &mut Bucket {
    match timeline.buckets.get_mut(slot) {
        Some(bucket) => bucket,
        None => &mut timeline.untimed,
    }
}

/// Counts in one bucket.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Bucket {
    /// Events that match.
    pub matched: usize,
    /// Events that do not.
    pub not_matched: usize,
    /// Events that match now and did not before the edit.
    pub added: usize,
    /// Events that matched before the edit and do not now.
    pub removed: usize,
}

impl Bucket {
    /// Every event in the bucket.
    pub fn total(&self) -> usize {
        self.matched + self.not_matched
    }
}

/// An inclusive-exclusive range of seconds: `start <= t < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TimeRange {
    /// First second in the range.
    pub start: i64,
    /// First second after it.
    pub end: i64,
}

impl TimeRange {
    /// Whether `time` falls in the range (an event without a time never does).
    pub fn contains(&self, time: Option<i64>) -> bool {
        time.is_some_and(|t| self.start <= t && t < self.end)
    }
}

/// Matched and not matched events per time bucket.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Timeline {
    /// Start of the first bucket (a multiple of the bucket size).
    pub start: i64,
    /// Seconds per bucket.
    pub bucket_seconds: i64,
    /// The buckets, oldest first, with no gap.
    pub buckets: Vec<Bucket>,
    /// Events without a readable `time`, counted apart.
    pub untimed: Bucket,
}

impl Timeline {
    /// Counts per bucket from each event's time (see [`parse_time`]), its verdict now and,
    /// when given, its verdict before the last edit (one bit per event). `None` when no event
    /// has a time.
    pub fn build(times: &[Option<i64>], now: &Bitset, before: Option<&Bitset>) -> Option<Timeline> {
        Some(TimelineLayout::of(times)?.count(now, before))
    }

    /// The bucket `time` falls in (clamped to the timeline).
    pub fn index_of(&self, time: i64) -> usize {
        let index = (time - self.start).div_euclid(self.bucket_seconds);
        usize::try_from(index)
            .unwrap_or(0)
            .min(self.buckets.len().saturating_sub(1))
    }

    /// The time range of buckets `from..=to` (either order).
    pub fn range(&self, from: usize, to: usize) -> TimeRange {
        let (low, high) = (from.min(to) as i64, from.max(to) as i64);
        TimeRange {
            start: self.start + low * self.bucket_seconds,
            end: self.start + (high + 1) * self.bucket_seconds,
        }
    }

    /// Totals over every bucket and the untimed events.
    pub fn totals(&self) -> Bucket {
        self.buckets
            .iter()
            .chain([&self.untimed])
            .fold(Bucket::default(), |sum, b| Bucket {
                matched: sum.matched + b.matched,
                not_matched: sum.not_matched + b.not_matched,
                added: sum.added + b.added,
                removed: sum.removed + b.removed,
            })
    }

    /// The most events in one bucket (the chart's scale).
    pub fn peak(&self) -> usize {
        self.buckets.iter().map(Bucket::total).max().unwrap_or(0)
    }
}
