//! The breakdown of the matched events: per dimension (eventName, principal, account, region,
//! sourceIPAddress, errorCode) the top values with counts and bars, each with "Only" (keep just
//! this value) and "Exclude" (`anything-but`) — so the chart is also a way to tighten the rule.
//! Each click is one `ReplacePattern` (one undo step) built by the core's narrowing edits.
use crate::builder::pretty;
use crate::derived::ByPtr;
use eventpen_playground::breakdown::{Breakdown, DimensionCounts, TopValue};
use eventpen_playground::builder::{exclude, keep_only};
use serde_json::{Map, Value};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`BreakdownChart`].
#[derive(Properties, PartialEq)]
pub struct BreakdownChartProps {
    /// The counts.
    pub breakdown: ByPtr<Breakdown>,
    /// The current (last valid) pattern.
    pub pattern: Option<Rc<Value>>,
    /// The pattern text is invalid: clicks would overwrite it, so they are off.
    pub stale: bool,
    /// Whether a time range limits the counts.
    pub ranged: bool,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
    /// Its heading (and the region's name).
    #[prop_or(AttrValue::Static("Breakdown of matches"))]
    pub title: AttrValue,
    /// Its heading's element id.
    #[prop_or(AttrValue::Static("breakdown-heading"))]
    pub id: AttrValue,
}

/// The breakdown panel.
#[component]
pub fn BreakdownChart(props: &BreakdownChartProps) -> Html {
    let breakdown = &props.breakdown;
    let scope = if props.ranged {
        " in the selected time range"
    } else {
        ""
    };
    let heading = format!(
        "top values of the {} matched event{}{scope}",
        breakdown.events,
        if breakdown.events == 1 { "" } else { "s" }
    );
    html! {
        <section class="breakdown" aria-labelledby={props.id.clone()}>
            <div class="chart-head">
                <h3 id={props.id.clone()}>{ props.title.clone() }</h3>
                <span class="muted">{ heading }</span>
            </div>
            if breakdown.events == 0 {
                <p class="hint">{ format!("No matched events{scope} to break down.") }</p>
            } else {
                <div class="breakdown-grid">
                    // A dimension the source never counted (a backtest has no errorCode) is left out.
                    { for breakdown.dimensions.iter().filter(|d| d.distinct + d.missing > 0).map(|d| dimension(props, d)) }
                </div>
            }
        </section>
    }
}

fn dimension(props: &BreakdownChartProps, counts: &DimensionCounts) -> Html {
    let name = counts.dimension.label();
    let note = match (counts.distinct, counts.missing) {
        (0, _) => "none".to_string(),
        (d, 0) => format!("{d} value{}", if d == 1 { "" } else { "s" }),
        (d, m) => format!("{d} value{}, {m} without", if d == 1 { "" } else { "s" }),
    };
    let widest = counts.top.first().map_or(1, |t| t.count).max(1);
    html! {
        <div class="breakdown-card">
            <table>
                <caption>
                    <span class="breakdown-name">{ name }</span>
                    <span class="muted">{ format!(" · {note}") }</span>
                </caption>
                <thead class="visually-hidden"><tr>
                    <th scope="col">{ "Value" }</th><th scope="col">{ "Share" }</th>
                    <th scope="col">{ "Count" }</th><th scope="col">{ "Narrow the rule" }</th>
                </tr></thead>
                <tbody>
                    { for counts.top.iter().map(|top| value_row(props, name, top, widest)) }
                </tbody>
            </table>
        </div>
    }
}

fn value_row(props: &BreakdownChartProps, name: &str, top: &TopValue, widest: usize) -> Html {
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let value = Value::String(top.value.clone());
    let path = top.path.clone();
    let dotted = top.path.join(".");
    // Whether excluding is possible is checked now (cheap); the new text is made on click.
    let exclude_problem = exclude(&pattern, &path, &value).err();
    let edit = |narrow: fn(&Value, &[String], &Value) -> Option<Value>| {
        let (pattern, path, value, on_replace) = (
            pattern.clone(),
            path.clone(),
            value.clone(),
            props.on_replace.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            if let Some(next) = narrow(&pattern, &path, &value) {
                on_replace.emit(pretty(&next));
            }
        })
    };
    let only_click = edit(|p, path, v| Some(keep_only(p, path, v)));
    let exclude_click = edit(|p, path, v| exclude(p, path, v).ok());
    let exclude_title = match &exclude_problem {
        None => format!("Add anything-but “{}” at {dotted}", top.value),
        Some(problem) => problem.message.clone(),
    };
    let width = top.count as f64 / widest as f64 * 100.0;
    html! {
        <tr>
            <th scope="row" class="breakdown-value" title={dotted.clone()}>{ top.value.clone() }</th>
            <td class="breakdown-bar">
                <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                    <rect width={format!("{width:.1}")} height="8" />
                </svg>
            </td>
            <td class="breakdown-count">{ top.count }</td>
            <td class="breakdown-actions">
                if !top.path.is_empty() {
                <button type="button" class="small" disabled={props.stale}
                    aria-label={format!("Only {name} {}", top.value)}
                    title={format!("Keep only {} at {dotted}", top.value)}
                    onclick={only_click}>{ "Only" }</button>
                <button type="button" class="small" disabled={props.stale || exclude_problem.is_some()}
                    aria-label={format!("Exclude {name} {}", top.value)} title={exclude_title}
                    onclick={exclude_click}>{ "Exclude" }</button>
                }
            </td>
        </tr>
    }
}
