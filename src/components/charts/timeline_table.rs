//! The timeline as a table (for screen readers and exact numbers) and the words for its
//! buckets: their size ("15 minutes", "hour"), their spans and starts, local and UTC.
use super::time_labels::{label, span};
use eventpen_playground::timeline::Timeline;
use web_sys::Element;
use yew::prelude::*;

/// A bucket-size in words: "15 minutes", "hour", "day".
pub(super) fn bucket_words(seconds: i64) -> String {
    match seconds {
        s if s % 86_400 == 0 => plural(s / 86_400, "day"),
        s if s % 3_600 == 0 => plural(s / 3_600, "hour"),
        s => plural(s / 60, "minute"),
    }
}

fn plural(n: i64, unit: &str) -> String {
    if n == 1 {
        unit.to_string()
    } else {
        format!("{n} {unit}s")
    }
}

/// A bucket's times in words: its span (hover text) and its start (table), local and UTC.
pub(super) struct BucketLabels {
    pub(super) local_span: String,
    pub(super) utc_span: String,
    local_start: String,
    utc_start: String,
}

/// The words of `count` buckets of `size` seconds from `start`.
pub(super) fn bucket_labels(start: i64, size: i64, count: usize) -> Vec<BucketLabels> {
    (0..count as i64)
        .map(|i| {
            let from = start + i * size;
            BucketLabels {
                local_span: span(from, from + size, size, false),
                utc_span: span(from, from + size, size, true),
                local_start: label(from, size, false),
                utc_start: label(from, size, true),
            }
        })
        .collect()
}

/// The chart as a table, for screen readers and for reading exact numbers. Drawn only while
/// it is open: closed, its rows were a hundred nodes to diff and update on every keystroke
/// that nobody could see (the summary's click opens it at once; the toggle event keeps it in
/// step with the element however it was opened).
pub(super) fn table(
    timeline: &Timeline,
    labels: &[BucketLabels],
    matches_only: bool,
    open: &UseStateHandle<bool>,
) -> Html {
    let size = timeline.bucket_seconds;
    let onclick = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    html! {
        <details class="chart-table" {ontoggle}>
            <summary {onclick}>{ "Timeline as a table" }</summary>
            if **open {
            <table>
                <caption>{ format!("Events per {}", bucket_words(size)) }</caption>
                <thead><tr>
                    <th scope="col">{ "From (local)" }</th><th scope="col">{ "From (UTC)" }</th>
                    <th scope="col">{ "Matched" }</th>
                    if !matches_only { <th scope="col">{ "Not matched" }</th> }
                </tr></thead>
                <tbody>
                    { for timeline.buckets.iter().zip(labels).filter(|(b, _)| b.total() > 0).map(|(b, words)| {
                        html! { <tr>
                            <th scope="row">{ words.local_start.clone() }</th><td>{ words.utc_start.clone() }</td>
                            <td>{ b.matched }</td>
                            if !matches_only { <td>{ b.not_matched }</td> }
                        </tr> }
                    }) }
                </tbody>
            </table>
            }
        </details>
    }
}
