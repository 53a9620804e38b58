//! The charts panel in the Results pane: a "Charts" switch (off: nothing is computed, for slow
//! machines and for comparing), the timeline and the breakdown of matches.
use super::backtest::BacktestPanel;
use super::breakdown::BreakdownChart;
use super::timeline::TimelineChart;
use super::wiring::TimelineView;
use crate::components::staged::Staged;
use crate::derived::ByPtr;
use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::timeline::TimeRange;
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ChartsPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// Whether the charts are on.
    pub on: bool,
    /// Called to turn them on or off.
    pub on_toggle: Callback<bool>,
    /// The timeline (none while off or before a pattern).
    pub timeline: Option<ByPtr<TimelineView>>,
    /// The breakdown (none while off or before a pattern).
    pub breakdown: Option<ByPtr<Breakdown>>,
    /// The selected time range.
    pub range: Option<TimeRange>,
    /// Called to select or clear a range.
    pub on_range: Callback<Option<TimeRange>>,
    /// The current (last valid) pattern.
    pub pattern: Option<Rc<Value>>,
    /// The pattern text is invalid.
    pub stale: bool,
    /// Called with a new pattern text.
    pub on_replace: Callback<String>,
    /// How many events are loaded: when it changes (a load, a clear) the charts are drawn anew,
    /// in stages after the lists (see [`Staged`]).
    pub loaded: usize,
}

/// Switch, timeline and breakdown.
#[component]
pub fn ChartsPanel(props: &ChartsPanelProps) -> Html {
    let toggle = {
        let (on_toggle, on) = (props.on_toggle.clone(), props.on);
        Callback::from(move |_: MouseEvent| on_toggle.emit(!on))
    };
    html! {
        <div class="charts">
            <button type="button" class="small charts-switch" aria-pressed={props.on.to_string()} onclick={toggle}>
                { "Charts" }
            </button>
            // Drawn a frame and two after other events arrive (a load's first answer), not in
            // that answer's task.
            if let Some(view) = &props.timeline {
                <Staged key={format!("timeline-{}", props.loaded)}>
                    <TimelineChart view={view.clone()} range={props.range} on_range={props.on_range.clone()} />
                </Staged>
            }
            if let Some(breakdown) = &props.breakdown {
                <Staged key={format!("breakdown-{}", props.loaded)} frames={2}>
                    <BreakdownChart breakdown={breakdown.clone()} pattern={props.pattern.clone()}
                        stale={props.stale} ranged={props.range.is_some()} on_replace={props.on_replace.clone()} />
                </Staged>
            }
            if props.on {
                <BacktestPanel pattern={props.pattern.clone()} stale={props.stale} on_replace={props.on_replace.clone()} />
            }
        </div>
    }
}
