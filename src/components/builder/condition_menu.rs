//! The popup for a value picked in an event: every condition that fits it (`conditions_for`),
//! each a button named for what it adds (`prefix "Run"`), plus "remove" when the value is in
//! the pattern already. Focus moves into it; arrow keys move between items; Escape closes.
use crate::builder::{add_condition, conditions_for, dotted, pretty, toggle_exact};
use crate::components::event_tree::Pick;
use serde_json::{Map, Value};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

/// Props of [`ConditionMenu`].
#[derive(Properties, PartialEq)]
pub struct ConditionMenuProps {
    /// The picked field and value.
    pub pick: Pick,
    /// The current (valid) pattern.
    pub pattern: Option<Rc<Value>>,
    /// The exact values the pattern has, by event path (from the pattern model).
    pub in_pattern: Rc<Vec<Pick>>,
    /// Called with the new pattern text.
    pub on_replace: Callback<String>,
    /// Called when the menu should close: `true` after a choice, Escape or Close (focus goes
    /// back to the picked value), `false` when focus left it for something else.
    pub on_close: Callback<bool>,
    /// Inline style placing the popup (set by the event view).
    #[prop_or_default]
    pub style: Option<AttrValue>,
}

/// The condition menu.
#[component]
pub fn ConditionMenu(props: &ConditionMenuProps) -> Html {
    let menu_ref = use_node_ref();
    {
        let menu_ref = menu_ref.clone();
        use_effect_with(props.pick.clone(), move |_| {
            let first = menu_ref
                .cast::<Element>()
                .and_then(|menu| menu.query_selector("button").ok().flatten())
                .and_then(|b| b.dyn_into::<HtmlElement>().ok());
            if let Some(button) = first {
                let _ = button.focus();
            }
        });
    }
    let pattern = props
        .pattern
        .clone()
        .unwrap_or_else(|| Rc::new(Value::Object(Map::new())));
    let Pick { path, value } = props.pick.clone();
    let name = dotted(&path);
    let present = props
        .in_pattern
        .iter()
        .any(|pick| pick.path == path && pick.value == value);
    let choose = |next: Value| {
        let (on_replace, on_close) = (props.on_replace.clone(), props.on_close.clone());
        let text = pretty(&next);
        Callback::from(move |_: MouseEvent| {
            on_replace.emit(text.clone());
            on_close.emit(true);
        })
    };
    let remove = present.then(|| {
        let onclick = choose(toggle_exact(&pattern, &path, &value));
        html! {
            <li><button type="button" class="cm-remove" {onclick}>{ format!("remove {value} from the pattern") }</button></li>
        }
    });
    let items = conditions_for(&value)
        .into_iter()
        .filter(|(_, condition)| !(present && *condition == value))
        .map(|(label, condition)| {
            let onclick = choose(add_condition(&pattern, &path, condition));
            html! { <li><button type="button" {onclick}>{ label }</button></li> }
        });
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(true);
            }
            "ArrowDown" | "ArrowUp" => {
                e.prevent_default();
                move_focus(e.key() == "ArrowDown");
            }
            _ => {}
        })
    };
    let close = props.on_close.reform(|_: MouseEvent| true);
    let onfocusout = {
        let (on_close, menu_ref) = (props.on_close.clone(), menu_ref.clone());
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<Node>().ok())
                .zip(menu_ref.cast::<Node>())
                .is_some_and(|(target, menu)| menu.contains(Some(&target)));
            if !inside {
                on_close.emit(false);
            }
        })
    };
    let class = classes!(
        "condition-menu",
        props.style.is_none().then_some("floating")
    );
    html! {
        <div {class} role="dialog" aria-label={format!("Conditions for {name}")}
            ref={menu_ref} {onkeydown} {onfocusout} style={props.style.clone()}>
            <p class="cm-head">
                <span class="mono">{ name.clone() }</span>{ " = " }<span class="mono">{ value.to_string() }</span>
            </p>
            <ul class="cm-items">
                { for remove }
                { for items }
            </ul>
            <button type="button" class="cm-close" onclick={close}>{ "Close" }</button>
        </div>
    }
}

/// Move focus to the next (or previous) item button, wrapping around.
fn move_focus(forward: bool) {
    let Some(active) = gloo::utils::document().active_element() else {
        return;
    };
    let Some(item) = active.parent_element() else {
        return;
    };
    let sibling = if forward {
        item.next_element_sibling().or_else(|| {
            item.parent_element()
                .and_then(|list| list.first_element_child())
        })
    } else {
        item.previous_element_sibling().or_else(|| {
            item.parent_element()
                .and_then(|list| list.last_element_child())
        })
    };
    let button = sibling
        .and_then(|li| li.first_element_child())
        .and_then(|b| b.dyn_into::<HtmlElement>().ok());
    if let Some(button) = button {
        let _ = button.focus();
    }
}
