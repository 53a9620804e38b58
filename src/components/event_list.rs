//! The loaded events, one line each (name, source, time, account/region), each expandable into
//! the readable tree of the exact EventBridge event a rule sees. The rows and the open events
//! come from the worker a window at a time, into a virtualised list.
use crate::components::event_tree::{EventTree, Pick};
use crate::components::virtual_list::VirtualList;
use eventpen_playground::session::{EventDetail, RowsPage};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`EventList`].
#[derive(Properties, PartialEq)]
pub struct EventListProps {
    /// How many events are loaded.
    pub count: usize,
    /// The rows in the list's window.
    pub page: Rc<RowsPage>,
    /// The open events, in full (fetched with the window).
    pub details: Rc<Vec<EventDetail>>,
    /// Which events are open.
    pub open: Rc<BTreeSet<usize>>,
    /// Open or close event `n`.
    pub on_toggle: Callback<usize>,
    /// The window of rows (offset, count) last asked of the worker.
    #[prop_or_default]
    pub window: (usize, usize),
    /// Called with the window of rows to ask the worker for (the list scrolled).
    pub on_window: Callback<(usize, usize)>,
    /// Called when a leaf value in an open event is picked (builds the pattern).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Values already in the pattern.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
    /// The events are EventPen's samples (the walkthrough), not the user's.
    #[prop_or_default]
    pub samples: bool,
}

/// The list of loaded events.
#[component]
pub fn EventList(props: &EventListProps) -> Html {
    if props.count == 0 {
        return html! {};
    }
    let count = props.count;
    let page = props.page.clone();
    let (details, open, on_toggle) = (
        props.details.clone(),
        props.open.clone(),
        props.on_toggle.clone(),
    );
    let (on_pick, in_pattern) = (props.on_pick.clone(), props.in_pattern.clone());
    let render = Callback::from(move |i: usize| {
        let row = i
            .checked_sub(page.offset)
            .and_then(|at| page.rows.get(at))?;
        let detail = details.iter().find(|d| d.row.index == i);
        let is_open = open.contains(&i);
        let toggle = on_toggle.reform(move |_: MouseEvent| i);
        Some(html! {
            <div class="event-item">
                <button type="button" class="event-head" aria-expanded={is_open.to_string()} onclick={toggle}>
                    <span class="event-title">
                        <span class="chevron" aria-hidden="true">{ if is_open { "▾ " } else { "▸ " } }</span>
                        { format!("#{} {}", i + 1, row.title) }
                    </span>{ " " }
                    <span class="muted">{ row.source.clone() }</span>{ " " }
                    <span class="muted mono small">{ row.time.clone() }</span>{ " " }
                    <span class="muted small">{ row.place.clone() }</span>
                </button>
                if let (true, Some(detail)) = (is_open, detail) {
                    <p class="hint">{ format!("From {}", detail.origin) }</p>
                    <details class="original">
                        <summary>{ "Original input" }</summary>
                        <pre class="mono">{ detail.original.clone() }</pre>
                    </details>
                    <EventTree event={Rc::new(detail.event.clone())} on_pick={on_pick.clone()}
                        in_pattern={in_pattern.clone()} />
                }
            </div>
        })
    });
    html! {
        <div class="event-list-box">
            <h3>{ format!("{count} event{} loaded", if count == 1 { "" } else { "s" }) }</h3>
            if props.samples {
                <p class="hint sample-note"><span class="badge">{ "Sample events" }</span>
                    { " The AWS walkthrough's records, to try things on: add your own events and they step aside." }</p>
            }
            <VirtualList label="Loaded events" class="event-list" total={count} row_px={34.0}
                row={render} loaded={(props.page.offset, props.page.rows.len())} asked={props.window}
                on_window={props.on_window.clone()} generation={count as u64} />
        </div>
    }
}
