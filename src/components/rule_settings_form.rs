//! Rule settings — name, bus, state, description, account, region, SNS topic — each saying where
//! its value comes from ("from your events" when the form leaves it empty), and a warning when
//! the topic's region or account differs from the rule's.
use crate::rule_settings::{Effective, Origin};
use crate::share::SharedRule;
use eventpen_export::{RuleState, validate_rule_name};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`RuleSettingsForm`].
#[derive(Properties, PartialEq)]
pub struct RuleSettingsFormProps {
    /// The settings as typed ("" = default / from the events).
    pub rule: SharedRule,
    /// Called with changed settings.
    pub on_rule: Callback<SharedRule>,
    /// The settings the exports use, with origins.
    pub effective: Rc<Effective>,
    /// The rule state proposed from the matched events.
    pub proposed_state: Option<&'static str>,
}

fn origin_note(origin: Origin, value: Option<&str>, placeholder: &str) -> Html {
    match (origin, value) {
        (Origin::FromEvents, Some(value)) => html! {
            <small class="origin">{ format!("{value}: from your events") }</small>
        },
        (Origin::Unset, _) => html! {
            <small class="origin">{ format!("not set: the exports write {placeholder}") }</small>
        },
        _ => html! {},
    }
}

/// The settings form.
#[component]
pub fn RuleSettingsForm(props: &RuleSettingsFormProps) -> Html {
    let settings = &props.effective.settings;
    let name_error = validate_rule_name(&settings.name).err();
    let field = |label: &'static str,
                 id: &'static str,
                 value: &str,
                 set: fn(&mut SharedRule, String),
                 placeholder: String,
                 note: Html| {
        let rule = props.rule.clone();
        let on_rule = props.on_rule.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let mut next = rule.clone();
            set(&mut next, input.value());
            on_rule.emit(next);
        });
        html! {
            <div class="field">
                <label for={id}>{ label }</label>
                <input type="text" id={id} value={value.to_string()} {placeholder} {oninput} />
                { note }
            </div>
        }
    };
    let onstate = {
        let rule = props.rule.clone();
        let on_rule = props.on_rule.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_rule.emit(SharedRule {
                state: select.value(),
                ..rule.clone()
            });
        })
    };
    let auto_label = format!("Automatic ({})", props.proposed_state.unwrap_or("ENABLED"));
    let effective = &props.effective;
    let placement = eventpen_export::sns::resolve(settings)
        .map(|resolved| eventpen_export::sns::placement_warnings(&resolved))
        .unwrap_or_default();
    let rule = &props.rule;
    html! {
        <div class="settings">
            <h3 id="settings-heading">{ "Rule settings" }</h3>
            <div class="settings-grid" role="group" aria-labelledby="settings-heading">
                { field("Rule name", "rule-name", &rule.name, |r, v| r.name = v, "eventpen-rule".into(), html! {}) }
                { field("Event bus", "rule-bus", &rule.event_bus, |r, v| r.event_bus = v, "default".into(), html! {}) }
                <div class="field">
                    <label for="rule-state">{ "State" }</label>
                    <select id="rule-state" onchange={onstate}>
                        <option value="" selected={rule.state.is_empty()}>{ auto_label }</option>
                        { for RuleState::ALL.iter().map(|s| html! {
                            <option value={s.as_str()} selected={rule.state == s.as_str()}>{ s.as_str() }</option>
                        }) }
                    </select>
                </div>
                { field("Account", "rule-account", &rule.account, |r, v| r.account = v,
                    settings.account.clone().unwrap_or_else(|| "12 digits".into()),
                    origin_note(effective.account, settings.account.as_deref(), "ACCOUNT_ID")) }
                { field("Region", "rule-region", &rule.region, |r, v| r.region = v,
                    settings.region.clone().unwrap_or_else(|| "e.g. eu-west-1".into()),
                    origin_note(effective.region, settings.region.as_deref(), "REGION")) }
                { field("SNS topic (name or ARN)", "rule-sns", &rule.sns_topic, |r, v| r.sns_topic = v, "optional: adds put-targets".into(), html! {}) }
                { field("Description", "rule-description", &rule.description, |r, v| r.description = v, "optional".into(), html! {}) }
            </div>
            if let Some(error) = &name_error {
                <p class="notice error" role="alert">{ format!("Rule name: {error}") }</p>
            }
            if let Err(problem) = settings.validate() {
                if name_error.is_none() {
                    <p class="notice error" role="alert">{ problem }</p>
                }
            }
            { for placement.into_iter().map(|warning| html! { <p class="notice warn" role="alert">{ warning }</p> }) }
        </div>
    }
}
