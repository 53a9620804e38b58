//! The selected event, with the fields the pattern reads highlighted (green passed, red failed)
//! and, for a non-match, the reasons above the tree.
use crate::components::event_tree::{EventTree, Highlights, Pick};
use crate::components::results::failed_reasons;
use crate::derived::{ByPtr, EventRow, Matching};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SelectedEvent`].
#[derive(Properties, PartialEq)]
pub struct SelectedEventProps {
    /// Which event.
    pub index: usize,
    /// The loaded events.
    pub events: ByPtr<Vec<EventRow>>,
    /// The results.
    pub matching: Option<ByPtr<Matching>>,
    /// Close the view.
    pub on_close: Callback<()>,
    /// Called when a leaf value is picked (builds the pattern from this event).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Values already in the pattern.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
}

/// One event in detail.
#[component]
pub fn SelectedEvent(props: &SelectedEventProps) -> Html {
    let heading = use_node_ref();
    {
        // Opening an event (result #9 of 30 is far below the list) brings its detail into view
        // and moves focus to its heading, so keyboard and screen reader users land on it.
        let heading = heading.clone();
        use_effect_with(props.index, move |_| {
            if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Start);
                heading.scroll_into_view_with_scroll_into_view_options(&options);
                let _ = heading.focus();
            }
        });
    }
    let Some(row) = props.events.get(props.index) else {
        return html! {};
    };
    let mut highlights = Highlights::new();
    let mut reasons = Vec::new();
    let mut matched = None;
    if let Some(pattern) = props.matching.as_ref().and_then(|m| m.pattern.as_ref()) {
        let explanation = pattern.explain(&row.event);
        for clause in &explanation.clauses {
            let entry = highlights.entry(clause.path.clone()).or_insert(false);
            *entry |= clause.passed;
        }
        if !explanation.matched {
            reasons = failed_reasons(pattern, &row.event);
        }
        matched = Some(explanation.matched);
    }
    let close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <section class="selected-event" aria-labelledby="selected-heading">
            <div class="pane-head">
                <h3 id="selected-heading" tabindex="-1" ref={heading}>{ format!("Event #{}: {}", props.index + 1, row.summary.title) }</h3>
                <button type="button" onclick={close}>{ "Close" }</button>
            </div>
            if let Some(matched) = matched {
                <p><span class={classes!("badge", if matched { "ok" } else { "bad" })}>{ if matched { "Matched" } else { "Not matched" } }</span></p>
            }
            if !reasons.is_empty() {
                <ul class="reasons">{ for reasons.iter().map(|r| html! { <li>{ r.clone() }</li> }) }</ul>
            }
            <p class="hint">{ "Fields the pattern reads are marked: green passed, red failed. Click a value to add it to the pattern." }</p>
            <EventTree event={row.event.clone()} highlights={Rc::new(highlights)}
                on_pick={props.on_pick.clone()} in_pattern={props.in_pattern.clone()} />
        </section>
    }
}
