//! A readable tree of one EventBridge event, with the fields the pattern reads highlighted
//! (green passed, red failed) and, when `on_pick` is given, every leaf value clickable so a
//! pattern can be built from it.
use serde_json::Value;
use std::collections::HashMap;
use std::rc::Rc;
use yew::prelude::*;

/// The outcome of the pattern's condition at a field path (array indexes are not part of paths).
pub type Highlights = HashMap<Vec<String>, bool>;

/// A leaf the user picked: its path (array indexes dropped, as patterns see it) and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Pick {
    /// Field path segments.
    pub path: Vec<String>,
    /// The scalar value.
    pub value: Value,
}

/// Props of [`EventTree`].
#[derive(Properties, PartialEq)]
pub struct EventTreeProps {
    /// The event.
    pub event: Rc<Value>,
    /// Paths the pattern reads and whether their condition passed.
    #[prop_or_default]
    pub highlights: Rc<Highlights>,
    /// Called when a leaf value is picked (enables the buttons).
    #[prop_or_default]
    pub on_pick: Option<Callback<Pick>>,
    /// Paths (with values) already in the pattern, shown pressed.
    #[prop_or_default]
    pub in_pattern: Rc<Vec<Pick>>,
}

/// The event as a tree.
#[component]
pub fn EventTree(props: &EventTreeProps) -> Html {
    let mut path = Vec::new();
    html! {
        <div class="tree mono">{ node(props, &props.event, &mut path) }</div>
    }
}

fn node(props: &EventTreeProps, value: &Value, path: &mut Vec<String>) -> Html {
    match value {
        Value::Object(map) if map.is_empty() => html! { <span class="punct">{ "{}" }</span> },
        Value::Array(items) if items.is_empty() => html! { <span class="punct">{ "[]" }</span> },
        Value::Object(map) => html! {
            <ul class="tree-object">
                { for map.iter().map(|(key, child)| {
                    path.push(key.clone());
                    let class = highlight_class(props, path);
                    let row = html! {
                        <li class={classes!("tree-row", class)}>
                            <span class="key">{ key.clone() }</span>
                            <span class="punct">{ ": " }</span>
                            { node(props, child, path) }
                        </li>
                    };
                    path.pop();
                    row
                }) }
            </ul>
        },
        Value::Array(items) => html! {
            <ol class="tree-array" start="0">
                { for items.iter().map(|child| html! {
                    <li class="tree-row">{ node(props, child, path) }</li>
                }) }
            </ol>
        },
        scalar => leaf(props, scalar, path),
    }
}

fn highlight_class(props: &EventTreeProps, path: &[String]) -> Option<&'static str> {
    props
        .highlights
        .get(path)
        .map(|passed| if *passed { "hl-ok" } else { "hl-bad" })
}

fn leaf(props: &EventTreeProps, value: &Value, path: &[String]) -> Html {
    let text = value.to_string();
    let kind = match value {
        Value::String(_) => "str",
        Value::Number(_) => "num",
        Value::Bool(_) => "bool",
        _ => "null",
    };
    let Some(on_pick) = &props.on_pick else {
        return html! { <span class={classes!("val", kind)}>{ text }</span> };
    };
    let pick = Pick {
        path: path.to_vec(),
        value: value.clone(),
    };
    let pressed = props.in_pattern.contains(&pick);
    let label = format!(
        "{} = {}: {}",
        path.join("."),
        text,
        if pressed {
            "in the pattern"
        } else {
            "add to the pattern"
        }
    );
    let onclick = {
        let on_pick = on_pick.clone();
        Callback::from(move |_: MouseEvent| on_pick.emit(pick.clone()))
    };
    html! {
        <button type="button" class={classes!("val", "pick", kind)} aria-pressed={pressed.to_string()}
            aria-label={label} title="Click to add this value to the pattern (again to remove it)"
            {onclick}>{ text }</button>
    }
}
