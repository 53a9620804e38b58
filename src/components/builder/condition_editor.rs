//! A condition as a small form: an operator menu and a value box, so a chip is edited in place
//! (and a field added) without typing JSON. Enter saves, Escape cancels.
use crate::builder::{Operator, build_condition, split_condition};
use serde_json::Value;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ConditionEditor`].
#[derive(Properties, PartialEq)]
pub struct ConditionEditorProps {
    /// What the form edits, for its accessible name ("Edit condition on detail.eventName").
    pub label: AttrValue,
    /// The condition to start from (none: an empty `equals`).
    #[prop_or_default]
    pub initial: Option<Value>,
    /// The button's text ("Save", "Add").
    #[prop_or(AttrValue::from("Save"))]
    pub save_label: AttrValue,
    /// Called with the condition the form makes.
    pub on_save: Callback<Value>,
    /// Called when the user gives up (Escape or Cancel); no Cancel button without it.
    #[prop_or_default]
    pub on_cancel: Option<Callback<()>>,
    /// Move focus into the form when it appears (editing a chip in place).
    #[prop_or_default]
    pub autofocus: bool,
}

/// The operator + value form.
#[component]
pub fn ConditionEditor(props: &ConditionEditorProps) -> Html {
    let start = props
        .initial
        .as_ref()
        .map(split_condition)
        .unwrap_or((Operator::Equals, String::new()));
    let operator = use_state(|| start.0);
    let text = use_state(|| start.1.clone());
    let error = use_state(|| None::<String>);
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        let autofocus = props.autofocus;
        use_effect_with((), move |_| {
            if autofocus && let Some(select) = select_ref.cast::<HtmlSelectElement>() {
                let _ = select.focus();
            }
        });
    }

    let save = {
        let (operator, text, error, on_save) = (
            operator.clone(),
            text.clone(),
            error.clone(),
            props.on_save.clone(),
        );
        move || match build_condition(*operator, &text) {
            Ok(condition) => {
                error.set(None);
                on_save.emit(condition);
            }
            Err(problem) => error.set(Some(problem.message)),
        }
    };
    let onsubmit = {
        let save = save.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            save();
        })
    };
    let onkeydown = {
        let on_cancel = props.on_cancel.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape"
                && let Some(on_cancel) = &on_cancel
            {
                e.prevent_default();
                e.stop_propagation();
                on_cancel.emit(());
            }
        })
    };
    let onoperator = {
        let (operator, error) = (operator.clone(), error.clone());
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(op) = Operator::from_id(&select.value()) {
                operator.set(op);
                error.set(None);
            }
        })
    };
    let ontext = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            text.set(input.value());
        })
    };
    let cancel = props.on_cancel.clone().map(|on_cancel| {
        html! {
            <button type="button" onclick={on_cancel.reform(|_: MouseEvent| ())}>{ "Cancel" }</button>
        }
    });
    let placeholder = match *operator {
        Operator::Numeric => "> 0, <= 100",
        Operator::Cidr => "10.0.0.0/24",
        Operator::Wildcard => "arn:aws:iam::*:role/Admin*",
        Operator::EqualsValue => "42, true, false or null",
        Operator::Json => r#"{"anything-but": ["a", "b"]}"#,
        _ => "value",
    };
    html! {
        <form class="condition-editor" aria-label={props.label.clone()} {onsubmit} {onkeydown}>
            <label class="ce-field">
                <span class="ce-label">{ "Operator" }</span>
                <select ref={select_ref} onchange={onoperator}>
                    { for Operator::ALL.into_iter().map(|op| html! {
                        <option value={op.id()} selected={op == *operator}>{ op.label() }</option>
                    }) }
                </select>
            </label>
            if operator.takes_value() {
                <label class="ce-field ce-value">
                    <span class="ce-label">{ "Value" }</span>
                    <input type="text" class="mono" value={(*text).clone()} oninput={ontext}
                        {placeholder} aria-invalid={error.is_some().to_string()} spellcheck="false" />
                </label>
            }
            <button type="submit" class="primary">{ props.save_label.clone() }</button>
            { cancel }
            if let Some(message) = &*error {
                <p class="ce-error" role="alert">{ message.clone() }</p>
            }
        </form>
    }
}
