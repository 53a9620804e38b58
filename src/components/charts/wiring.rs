//! What the App needs to host the charts, kept out of app.rs: the worker computes the timeline
//! (with what the last edit changed) and the breakdown of the matched events in the selected
//! range, and sends them after each answer; this turns them into the charts' props, once per
//! reply.
use crate::derived::ByPtr;
use eventpen_playground::breakdown::Breakdown;
use eventpen_playground::session::ChartsView;
use eventpen_playground::timeline::Timeline;
use std::rc::Rc;
use yew::prelude::*;

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
    /// The timeline (`None` while the charts are off or nothing matched yet).
    pub timeline: Option<ByPtr<TimelineView>>,
    /// The matched events' top values in range (`None` while off or no pattern).
    pub breakdown: Option<ByPtr<Breakdown>>,
}

/// The charts of the worker's latest charts reply, while the charts are on.
#[hook]
pub fn use_charts(view: &Option<Rc<ChartsView>>, on: bool) -> Rc<Charts> {
    use_memo((view.clone().map(ByPtr), on), |(view, on)| {
        let view = view.as_ref().filter(|_| *on);
        Charts {
            timeline: view.map(|v| {
                ByPtr(Rc::new(TimelineView {
                    timeline: v.0.timeline.clone(),
                    change: v.0.change,
                }))
            }),
            breakdown: view.map(|v| ByPtr(Rc::new(v.0.breakdown.clone()))),
        }
    })
}
