//! "Start a pattern from this event": the AWS walkthrough's skeleton rule in one click.
use crate::builder::{pretty, quick_start};
use serde_json::Value;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`QuickStart`].
#[derive(Properties, PartialEq)]
pub struct QuickStartProps {
    /// The event to start from.
    pub event: Rc<Value>,
    /// Picking is off while the pattern text is invalid.
    #[prop_or_default]
    pub disabled: bool,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
}

/// "Start a pattern from this event": the walkthrough's skeleton in one click.
#[component]
pub fn QuickStart(props: &QuickStartProps) -> Html {
    let onclick = {
        let (event, on_replace) = (props.event.clone(), props.on_replace.clone());
        Callback::from(move |_: MouseEvent| on_replace.emit(pretty(&quick_start(&event))))
    };
    html! {
        <div class="quick-start">
            <button type="button" {onclick} disabled={props.disabled}
                title="Replace the pattern with this event's source, detail-type, detail.eventSource and detail.eventName (undo brings yours back)">
                { "Start a pattern from this event" }
            </button>
            <span class="hint">{ "source, detail-type, eventSource and eventName, as in the AWS walkthrough" }</span>
        </div>
    }
}
