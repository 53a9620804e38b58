//! The timeline: loaded events per time bucket, matched and not matched stacked, axis in the
//! user's time zone (UTC on hover and in the table). Drag across it, or focus it and use the
//! arrow keys (Shift+arrows extend, Enter picks one bucket, Escape clears), to select a time
//! range that filters the results, facets and breakdown. After an edit the buckets whose
//! verdicts changed flash, next to "+12 / −340".
use super::time_labels::{label, span, zone_name};
use super::timeline_table::{bucket_labels, bucket_words, table};
use super::wiring::TimelineView;
use crate::derived::ByPtr;
use eventpen_playground::timeline::{Bucket, TimeRange, Timeline};
use std::fmt::Write as _;
use web_sys::Element;
use yew::prelude::*;

/// Width of one bucket column in SVG units (the height is 100).
const COLUMN: f64 = 10.0;
/// Fewer buckets than this are drawn centred at this many columns' width (no giant bars).
const MIN_COLUMNS: usize = 12;

/// Props of [`TimelineChart`].
#[derive(Properties, PartialEq)]
pub struct TimelineChartProps {
    /// The counts and the last edit's change.
    pub view: ByPtr<TimelineView>,
    /// The selected range.
    pub range: Option<TimeRange>,
    /// Called to select (or, with `None`, clear) a range.
    pub on_range: Callback<Option<TimeRange>>,
    /// Its heading (and the region's name).
    #[prop_or(AttrValue::Static("Timeline"))]
    pub title: AttrValue,
    /// Prefix of its element ids (two timelines on a page need two).
    #[prop_or(AttrValue::Static("timeline"))]
    pub id: AttrValue,
    /// Only matches were counted (a backtest report): no "not matched" in words or legend.
    #[prop_or_default]
    pub matches_only: bool,
}

fn counts(bucket: &Bucket, matches_only: bool) -> String {
    if matches_only {
        format!("{} matches", bucket.matched)
    } else {
        format!("{} events, {} matched", bucket.total(), bucket.matched)
    }
}

/// The timeline chart with its controls, summary and table.
#[component]
pub fn TimelineChart(props: &TimelineChartProps) -> Html {
    let drag = use_state(|| None::<(usize, usize)>);
    let cursor = use_state(|| None::<usize>);
    let anchor = use_state(|| None::<usize>);
    let zone = use_memo((), |_| zone_name());
    let table_open = use_state(|| false);
    let plot = use_node_ref();
    let matches_only = props.matches_only;
    let (heading_id, summary_id) = (
        format!("{}-heading", props.id),
        format!("{}-summary", props.id),
    );
    // The bucket's times in words depend on the buckets' positions only, not on the counts:
    // worked out once per timeline shape, not per keystroke (each is a few JavaScript `Date`s).
    let shape = props
        .view
        .timeline
        .as_ref()
        .map(|t| (t.start, t.bucket_seconds, t.buckets.len()));
    let labels = use_memo(shape, |shape| {
        shape.map_or_else(Vec::new, |s| bucket_labels(s.0, s.1, s.2))
    });
    let Some(timeline) = props.view.timeline.as_ref() else {
        return html! {
            <section class="timeline" aria-labelledby={heading_id.clone()}>
                <h3 id={heading_id}>{ props.title.clone() }</h3>
                <p class="hint">{ "No event has a readable time, so there is no timeline." }</p>
            </section>
        };
    };
    let n = timeline.buckets.len();
    let columns = n.max(MIN_COLUMNS);
    let offset = (columns - n) / 2;
    let size = timeline.bucket_seconds;
    let words = bucket_words(size);
    let selected: Option<(usize, usize)> = match *drag {
        Some((a, b)) => Some((a.min(b), a.max(b))),
        None => props
            .range
            .map(|r| (timeline.index_of(r.start), timeline.index_of(r.end - 1))),
    };
    let bucket_at = {
        let columns = columns as f64;
        let plot = plot.clone();
        // Yew delegates events to the app's root, so the plot is found by reference, not as
        // the event's current target.
        move |e: &PointerEvent| -> Option<usize> {
            let target: Element = plot.cast::<Element>()?;
            let rect = target.get_bounding_client_rect();
            let fraction = (f64::from(e.client_x()) - rect.left()) / rect.width().max(1.0);
            let column = (fraction * columns).floor() as i64 - offset as i64;
            Some(column.clamp(0, n as i64 - 1) as usize)
        }
    };
    let finish = {
        let (drag, on_range, timeline) = (drag.clone(), props.on_range.clone(), timeline.clone());
        move || {
            if let Some((a, b)) = *drag {
                on_range.emit(Some(timeline.range(a, b)));
                drag.set(None);
            }
        }
    };
    let onpointerdown = {
        let (drag, cursor, bucket_at) = (drag.clone(), cursor.clone(), bucket_at.clone());
        Callback::from(move |e: PointerEvent| {
            if let Some(i) = bucket_at(&e) {
                e.prevent_default();
                drag.set(Some((i, i)));
                cursor.set(Some(i));
            }
        })
    };
    let onpointermove = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            if let (Some((a, _)), Some(i)) = (*drag, bucket_at(&e)) {
                drag.set(Some((a, i)));
            }
        })
    };
    let onpointerup = {
        let finish = finish.clone();
        Callback::from(move |_: PointerEvent| finish())
    };
    let onpointerleave = Callback::from(move |_: PointerEvent| finish());
    let onkeydown = {
        let (cursor, anchor, on_range, timeline) = (
            cursor.clone(),
            anchor.clone(),
            props.on_range.clone(),
            timeline.clone(),
        );
        let selected_start = selected.map(|s| s.0);
        Callback::from(move |e: KeyboardEvent| {
            let here = cursor.or(selected_start).unwrap_or(0);
            let last = n - 1;
            let next = match e.key().as_str() {
                "ArrowRight" => here.saturating_add(1).min(last),
                "ArrowLeft" => here.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                "Enter" | " " => {
                    e.prevent_default();
                    anchor.set(Some(here));
                    on_range.emit(Some(timeline.range(here, here)));
                    return;
                }
                "Escape" => {
                    anchor.set(None);
                    on_range.emit(None);
                    return;
                }
                _ => return,
            };
            e.prevent_default();
            cursor.set(Some(next));
            if e.shift_key() {
                let from = anchor.unwrap_or(here);
                anchor.set(Some(from));
                on_range.emit(Some(timeline.range(from, next)));
            } else {
                anchor.set(Some(next));
            }
        })
    };
    let clear = {
        let (on_range, anchor) = (props.on_range.clone(), anchor.clone());
        Callback::from(move |_: MouseEvent| {
            anchor.set(None);
            on_range.emit(None);
        })
    };
    let status = match (*cursor, props.range) {
        (_, Some(range)) => {
            let inside: Bucket = sum(timeline, range);
            format!(
                "Selected {} (local time): {}",
                span(range.start, range.end, size, false),
                counts(&inside, matches_only)
            )
        }
        (Some(i), None) => {
            let start = timeline.start + i as i64 * size;
            format!(
                "{}: {}. Enter selects it, Shift+arrows select a range.",
                span(start, start + size, size, false),
                counts(&timeline.buckets[i], matches_only)
            )
        }
        (None, None) => String::new(),
    };
    let totals = timeline.totals();
    let busiest = (0..n)
        .max_by_key(|&i| (timeline.buckets[i].total(), usize::MAX - i))
        .unwrap_or(0);
    let end = timeline.start + n as i64 * size;
    let timed_share = if matches_only {
        format!("{} matches", totals.matched - timeline.untimed.matched)
    } else {
        format!(
            "{} of {} timed events match",
            totals.matched - timeline.untimed.matched,
            totals.total() - timeline.untimed.total()
        )
    };
    let summary = format!(
        "{timed_share} between {} and {} ({}). Busiest {words}: {}, {}.{}",
        label(timeline.start, size, false),
        label(end, size, false),
        *zone,
        label(timeline.start + busiest as i64 * size, size, false),
        counts(&timeline.buckets[busiest], matches_only),
        if timeline.untimed.total() > 0 {
            format!(
                " Without a time: {}.",
                counts(&timeline.untimed, matches_only)
            )
        } else {
            String::new()
        }
    );
    let peak = timeline.peak().max(1) as f64;
    let height = |count: usize| -> f64 {
        if count == 0 {
            0.0
        } else {
            (count as f64 / peak * 96.0).max(2.0)
        }
    };
    let x_of = |i: usize| (i + offset) as f64 * COLUMN;
    // Two paths (one per series) instead of two rects per bucket: the page redraws the bars on
    // every keystroke, and a short DOM is the cheap one to diff, lay out and paint.
    let (mut hits, mut misses) = (String::new(), String::new());
    for (i, bucket) in timeline.buckets.iter().enumerate() {
        let (hit, miss) = (height(bucket.matched), height(bucket.not_matched));
        let x = x_of(i) + 1.0;
        if miss > 0.0 {
            let _ = write!(misses, "M{x} {}h8v{miss}h-8z", 100.0 - hit - miss);
        }
        if hit > 0.0 {
            let _ = write!(hits, "M{x} {}h8v{hit}h-8z", 100.0 - hit);
        }
    }
    let hover = timeline.buckets.iter().zip(labels.iter()).enumerate().map(|(i, (bucket, words))| {
        let title = format!(
            "{} local ({} UTC): {}{}",
            words.local_span,
            words.utc_span,
            counts(bucket, matches_only),
            if matches_only { String::new() } else { format!(", {} not matched", bucket.not_matched) }
        );
        html! {
            <rect class="hit-area" x={x_of(i).to_string()} y="0" width={COLUMN.to_string()} height="100"><title>{ title }</title></rect>
        }
    });
    // The flash of what an edit changed fades as one HTML layer (its opacity animates on the
    // compositor), not as an animation per SVG rect, which repainted the page every frame for
    // three seconds after each keystroke.
    let width = columns as f64 * COLUMN;
    let flashes = props.view.change.map(|(_, _, generation)| {
        html! {
            <div class="timeline-flash" key={generation.to_string()} aria-hidden="true">
                { for timeline.buckets.iter().enumerate().filter(|(_, b)| b.added + b.removed > 0).map(|(i, b)| {
                    let class = if b.added >= b.removed { "flash-added" } else { "flash-removed" };
                    let style = format!("left:{}%;width:{}%", x_of(i) / width * 100.0, COLUMN / width * 100.0);
                    html! { <span class={class} {style}></span> }
                }) }
            </div>
        }
    });
    let selection = selected.map(|(a, b)| html! {
        <rect class="selection" x={x_of(a).to_string()} y="0" width={((b - a + 1) as f64 * COLUMN).to_string()} height="100" />
    });
    let cursor_mark = cursor.filter(|i| *i < n).map(|i| html! {
        <rect class="cursor" x={x_of(i).to_string()} y="0" width={COLUMN.to_string()} height="100" />
    });
    let axis = [0, n / 2, n - 1];
    let change = props.view.change.filter(|(a, r, _)| a + r > 0).map(|(added, removed, generation)| html! {
        <span class="change-badge" key={generation.to_string()} title="What the last edit did to the matches">
            { format!("+{added} / −{removed}") }
        </span>
    });
    html! {
        <section class="timeline" aria-labelledby={heading_id.clone()}>
            <div class="chart-head">
                <h3 id={heading_id}>{ props.title.clone() }</h3>
                <span class="muted">{ format!("per {words} · {}", *zone) }</span>
                { for change }
                if props.range.is_some() {
                    <button type="button" class="small" onclick={clear}>{ "Clear range" }</button>
                }
            </div>
            <div class="timeline-plot" tabindex="0" role="group" {onkeydown}
                aria-label={format!("{} of events per {words}: drag, or use the arrow keys with Shift, to select a time range", props.title)}
                aria-describedby={summary_id.clone()}>
                <svg ref={plot} viewBox={format!("0 0 {} 100", columns as f64 * COLUMN)} preserveAspectRatio="none"
                    aria-hidden="true" {onpointerdown} {onpointermove} {onpointerup} {onpointerleave}>
                    <path class="bar-miss" d={misses} />
                    <path class="bar-match" d={hits} />
                    { for hover }
                    { for selection }
                    { for cursor_mark }
                </svg>
                { for flashes }
            </div>
            <div class="timeline-axis" aria-hidden="true">
                { for axis.iter().map(|&i| html! { <span>{ label(timeline.start + i as i64 * size, size, false) }</span> }) }
            </div>
            <div class="chart-legend" aria-hidden="true">
                <span class="swatch swatch-match"></span>{ "matched" }
                if !matches_only {
                    <span class="swatch swatch-miss"></span>{ "not matched" }
                }
            </div>
            <p class="chart-status" role="status" aria-live="polite">{ status }</p>
            <p id={summary_id} class="chart-summary">{ summary }</p>
            { table(timeline, &labels, matches_only, &table_open) }
        </section>
    }
}

/// Counts over the buckets a range covers.
fn sum(timeline: &Timeline, range: TimeRange) -> Bucket {
    let (a, b) = (
        timeline.index_of(range.start),
        timeline.index_of(range.end - 1),
    );
    timeline.buckets[a..=b]
        .iter()
        .fold(Bucket::default(), |s, x| Bucket {
            matched: s.matched + x.matched,
            not_matched: s.not_matched + x.not_matched,
            added: s.added + x.added,
            removed: s.removed + x.removed,
        })
}
