//! An event to build the pattern from: the event tree with every value clickable, the condition
//! menu for a picked value, and "Start from this event" (the walkthrough's skeleton).
//!
//! Clicking a value already in the pattern removes it at once; any other value opens the menu
//! right under it, "equals …" first, so adding an exact value is click + Enter.
use super::condition_menu::ConditionMenu;
use crate::builder::{pretty, quick_start, toggle_exact};
use crate::components::event_tree::{EventTree, Highlights, Pick};
use serde_json::{Map, Value};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Props of [`EventPicker`].
#[derive(Properties, PartialEq)]
pub struct EventPickerProps {
    /// The event.
    pub event: Rc<Value>,
    /// Paths the pattern reads and whether their condition passed.
    #[prop_or_default]
    pub highlights: Rc<Highlights>,
    /// The current (last valid) pattern.
    pub pattern: Option<Rc<Value>>,
    /// The pattern text is invalid: picking would overwrite the user's text, so it is off.
    #[prop_or_default]
    pub stale: bool,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
}

/// The picked value and the button it came from (to place the menu and give focus back).
#[derive(Clone, PartialEq)]
struct Open {
    pick: Pick,
    anchor: Option<HtmlElement>,
}

/// The event, pickable.
#[component]
pub fn EventPicker(props: &EventPickerProps) -> Html {
    let open = use_state(|| None::<Open>);
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let in_pattern: Rc<Vec<Pick>> = Rc::new(
        crate::builder::picks_in(&pattern)
            .into_iter()
            .map(|(path, value)| Pick { path, value })
            .collect(),
    );
    let on_pick = (!props.stale).then(|| {
        let (open, pattern, in_pattern, on_replace) = (
            open.clone(),
            pattern.clone(),
            in_pattern.clone(),
            props.on_replace.clone(),
        );
        Callback::from(move |pick: Pick| {
            if in_pattern.contains(&pick) {
                open.set(None);
                on_replace.emit(pretty(&toggle_exact(&pattern, &pick.path, &pick.value)));
                return;
            }
            let anchor = gloo::utils::document()
                .active_element()
                .and_then(|e| e.dyn_into::<HtmlElement>().ok());
            open.set(Some(Open { pick, anchor }));
        })
    });
    let on_close = {
        let open = open.clone();
        Callback::from(move |_| {
            if let Some(anchor) = open.as_ref().and_then(|o| o.anchor.clone()) {
                let _ = anchor.focus();
            }
            open.set(None);
        })
    };
    let start = {
        let (event, on_replace) = (props.event.clone(), props.on_replace.clone());
        Callback::from(move |_: MouseEvent| on_replace.emit(pretty(&quick_start(&event))))
    };
    let menu = open.as_ref().map(|o| {
        let style = o.anchor.as_ref().map(|a| {
            AttrValue::from(format!(
                "top: {}px; left: {}px;",
                a.offset_top() + a.offset_height() + 4,
                a.offset_left().max(0)
            ))
        });
        html! {
            <ConditionMenu pick={o.pick.clone()} pattern={pattern.clone()} on_replace={props.on_replace.clone()}
                on_close={on_close.clone()} {style} />
        }
    });
    html! {
        <div class="event-picker">
            <div class="picker-bar">
                <button type="button" onclick={start} disabled={props.stale}
                    title="Replace the pattern with source, detail-type, detail.eventSource and detail.eventName of this event">
                    { "Start a pattern from this event" }
                </button>
                <span class="hint">
                    if props.stale {
                        { "Fix the pattern's JSON to build from this event again." }
                    } else {
                        { "Click a value to add it to the pattern (or pick another condition); click it again to remove it." }
                    }
                </span>
            </div>
            <div class="picker-tree">
                <EventTree event={props.event.clone()} highlights={props.highlights.clone()} {on_pick} {in_pattern} />
                { for menu }
            </div>
        </div>
    }
}
