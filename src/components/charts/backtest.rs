//! Backtest results in the app: load the JSON `eventpen backtest --output json` wrote (a file
//! picker) and draw its matches per day or hour and its top values with the same timeline and
//! breakdown as the loaded events — months of history without loading the events.
use super::breakdown::BreakdownChart;
use super::timeline::TimelineChart;
use super::wiring::TimelineView;
use crate::derived::ByPtr;
use eventpen_playground::backtest::{BacktestView, read_report};
use eventpen_playground::timeline::TimeRange;
use serde_json::Value;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Props of [`BacktestPanel`].
#[derive(Properties, PartialEq)]
pub struct BacktestPanelProps {
    /// The current (last valid) pattern: breakdown clicks narrow it.
    pub pattern: Option<Rc<Value>>,
    /// The pattern text is invalid.
    pub stale: bool,
    /// Called with a new pattern text.
    pub on_replace: Callback<String>,
}

/// What was loaded: the report drawn, or why it could not be read.
#[derive(Clone, PartialEq)]
enum Loaded {
    Report {
        name: String,
        timeline: ByPtr<TimelineView>,
        view: Rc<BacktestView>,
        breakdown: ByPtr<eventpen_playground::breakdown::Breakdown>,
    },
    Problem(String),
}

/// The file picker and, once a report is loaded, its timeline and breakdown.
#[component]
pub fn BacktestPanel(props: &BacktestPanelProps) -> Html {
    let loaded = use_state(|| None::<Loaded>);
    let range = use_state(|| None::<TimeRange>);
    let onchange = {
        let (loaded, range) = (loaded.clone(), range.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let (loaded, range) = (loaded.clone(), range.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = file.name();
                let blob = gloo::file::Blob::from(file);
                let next = match gloo::file::futures::read_as_text(&blob).await {
                    Ok(text) => match read_report(&text) {
                        Ok(view) => Loaded::Report {
                            name,
                            timeline: ByPtr(Rc::new(TimelineView {
                                timeline: view.timeline.clone(),
                                change: None,
                            })),
                            breakdown: ByPtr(Rc::new(view.breakdown.clone())),
                            view: Rc::new(view),
                        },
                        Err(problem) => Loaded::Problem(format!("{name}: {problem}")),
                    },
                    Err(problem) => {
                        Loaded::Problem(format!("{name}: could not be read ({problem})"))
                    }
                };
                range.set(None);
                loaded.set(Some(next));
            });
        })
    };
    let on_range = {
        let range = range.clone();
        Callback::from(move |r| range.set(r))
    };
    let close = {
        let loaded = loaded.clone();
        Callback::from(move |_: MouseEvent| loaded.set(None))
    };
    html! {
        <div class="backtest">
            <label class="backtest-pick small">
                { "Load backtest results (eventpen backtest --output json): " }
                <input type="file" accept=".json,application/json" aria-label="Load backtest results" {onchange} />
            </label>
            { match &*loaded {
                None => html! {},
                Some(Loaded::Problem(problem)) => html! { <p class="badge bad" role="alert">{ problem.clone() }</p> },
                Some(Loaded::Report { name, timeline, view, breakdown }) => html! {
                    <section class="backtest-report" aria-labelledby="backtest-heading">
                        <div class="chart-head">
                            <h3 id="backtest-heading">{ "Backtest results" }</h3>
                            <span class="muted">{ format!("{name}: {} matches in {} records{}", view.matches, view.records,
                                if view.interrupted { " (interrupted: partial counts)" } else { "" }) }</span>
                            <button type="button" class="small" onclick={close}>{ "Close backtest results" }</button>
                        </div>
                        <p class="chart-summary">{ "Pattern: " }<code>{ view.pattern.clone() }</code></p>
                        <TimelineChart view={timeline.clone()} range={*range} on_range={on_range.clone()}
                            title="Backtest timeline" id="backtest-timeline" matches_only=true />
                        <BreakdownChart breakdown={breakdown.clone()} pattern={props.pattern.clone()} stale={props.stale}
                            ranged=false on_replace={props.on_replace.clone()}
                            title="Backtest breakdown" id="backtest-breakdown-heading" />
                    </section>
                },
            } }
        </div>
    }
}
