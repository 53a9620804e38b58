//! The Export region: rule settings, a tab per format, each block with a copy button, and a
//! download of `pattern.json`. The text comes from `eventpen-export`, the same renderers the
//! CLI's `eventpen export` uses.
use crate::clipboard::{copy_text, download_text};
use crate::components::sql_export::{SQL_TAB, SqlExport};
use crate::share::SharedRule;
use eventpen_export::{Format, RuleSettings, RuleState, SnsTarget, render, validate_rule_name};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// Props of [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    /// The valid pattern, or None while the pattern has errors.
    pub pattern: Option<Rc<eventpen_pattern::PatternModel>>,
    /// Rule settings as the user typed them ("" = default).
    pub rule: SharedRule,
    /// Called with changed settings.
    pub on_rule: Callback<SharedRule>,
    /// The format id shown ("" = the default, the file:// form).
    pub format: AttrValue,
    /// Called to show another format.
    pub on_format: Callback<String>,
    /// The rule state proposed from the matched events (read-only events need the opt-in state).
    pub proposed_state: Option<&'static str>,
    /// The account of the loaded events, for the SNS topic ARN.
    pub account: Option<String>,
    /// The region of the loaded events, for the SNS topic ARN.
    pub region: Option<String>,
}

/// Settings, format tabs and rendered blocks.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let format = Format::from_id(&props.format).unwrap_or(Format::CliFile);
    let settings = settings_from(props);
    let name_error = validate_rule_name(&settings.name).err();
    let field = |label: &'static str,
                 id: &'static str,
                 value: &str,
                 set: fn(&mut SharedRule, String),
                 placeholder: &'static str| {
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
    let auto_label = match props.proposed_state {
        Some(state) => format!("Automatic ({state})"),
        None => "Automatic (ENABLED)".to_string(),
    };
    let tabs = Format::ALL.iter().map(|&f| {
        let on_format = props.on_format.clone();
        let selected = f == format && props.format != SQL_TAB;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} id={format!("tab-{}", f.id())}
                aria-controls="export-output" tabindex={if selected { "0" } else { "-1" }}
                onclick={Callback::from(move |_: MouseEvent| on_format.emit(f.id().to_string()))}>{ f.label() }</button>
        }
    });
    let body = match &props.pattern {
        None => {
            html! { <p class="empty">{ "The export appears here once the event pattern is valid." }</p> }
        }
        Some(pattern) => {
            let rendered = render(format, pattern, &settings);
            let download = {
                // The same text as the pattern.json block (trailing newline included).
                let text = rendered.file("pattern.json").map_or_else(
                    || format!("{}\n", pattern.pretty()),
                    |block| block.text.clone(),
                );
                Callback::from(move |_: MouseEvent| download_text("pattern.json", &text))
            };
            html! {
                <>
                    { for rendered.warnings.iter()
                        // The rule-name problem is already shown (as an alert) by the settings.
                        .filter(|w| name_error.as_ref().is_none_or(|e| !w.contains(e.as_str())))
                        .map(|w| html! { <p class="notice warn">{ w.clone() }</p> }) }
                    { for rendered.blocks.iter().map(|block| {
                        let text = block.text.clone();
                        let title = block.file_name.clone().unwrap_or_else(|| block.title.clone());
                        let copy = Callback::from(move |_: MouseEvent| copy_text(&text));
                        html! {
                            <div class="code-block">
                                <div class="code-head">
                                    <span class="mono">{ title.clone() }</span>
                                    <button type="button" aria-label={format!("Copy {title}")} onclick={copy}>{ "Copy" }</button>
                                </div>
                                <pre tabindex="0" aria-label={title}><code>{ block.text.clone() }</code></pre>
                            </div>
                        }
                    }) }
                    <button type="button" onclick={download}>{ "Download pattern.json" }</button>
                </>
            }
        }
    };
    let sql_tab = {
        let on_format = props.on_format.clone();
        let selected = props.format == SQL_TAB;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} id="tab-sql"
                aria-controls="export-output" tabindex={if selected { "0" } else { "-1" }}
                onclick={Callback::from(move |_: MouseEvent| on_format.emit(SQL_TAB.to_string()))}>{ "SQL" }</button>
        }
    };
    let (body, tab_id) = match (&props.pattern, props.format == SQL_TAB) {
        (Some(pattern), true) => {
            let all = settings.state == RuleState::EnabledWithAllCloudTrailManagementEvents;
            (
                html! { <SqlExport pattern={pattern.clone()} all_management_events={all} /> },
                "tab-sql".to_string(),
            )
        }
        (None, true) => (body, "tab-sql".to_string()),
        (_, false) => (body, format!("tab-{}", format.id())),
    };
    html! {
        <div class="export">
            <details class="settings">
                <summary>{ format!("Rule settings: {} on {}, {}", settings.name, settings.event_bus, settings.state.as_str()) }</summary>
                <div class="settings-grid">
                    { field("Rule name", "rule-name", &props.rule.name, |r, v| r.name = v, "eventpen-rule") }
                    { field("Event bus", "rule-bus", &props.rule.event_bus, |r, v| r.event_bus = v, "default") }
                    <div class="field">
                        <label for="rule-state">{ "State" }</label>
                        <select id="rule-state" onchange={onstate}>
                            <option value="" selected={props.rule.state.is_empty()}>{ auto_label }</option>
                            { for RuleState::ALL.iter().map(|s| html! {
                                <option value={s.as_str()} selected={props.rule.state == s.as_str()}>{ s.as_str() }</option>
                            }) }
                        </select>
                    </div>
                    { field("Description", "rule-description", &props.rule.description, |r, v| r.description = v, "optional") }
                    { field("SNS topic (name or ARN)", "rule-sns", &props.rule.sns_topic, |r, v| r.sns_topic = v, "optional: adds put-targets") }
                </div>
                if let Some(error) = &name_error {
                    <p class="notice error" role="alert">{ format!("Rule name: {error}") }</p>
                }
            </details>
            <div class="tabs" role="tablist" aria-label="Export format">{ for tabs }{ sql_tab }</div>
            <div id="export-output" role="tabpanel" aria-labelledby={tab_id}>{ body }</div>
        </div>
    }
}

/// The exporter's settings from the form, with defaults and the proposed state filled in.
fn settings_from(props: &ExportPanelProps) -> RuleSettings {
    let rule = &props.rule;
    let mut settings = RuleSettings::default();
    if !rule.name.trim().is_empty() {
        settings.name = rule.name.trim().to_string();
    }
    if !rule.event_bus.trim().is_empty() {
        settings.event_bus = rule.event_bus.trim().to_string();
    }
    let state = if rule.state.is_empty() {
        props.proposed_state.unwrap_or("ENABLED")
    } else {
        rule.state.as_str()
    };
    settings.state = RuleState::parse(state).unwrap_or(RuleState::Enabled);
    if !rule.description.trim().is_empty() {
        settings.description = Some(rule.description.trim().to_string());
    }
    if !rule.sns_topic.trim().is_empty() {
        settings.sns = Some(SnsTarget {
            topic: rule.sns_topic.trim().to_string(),
            account: props.account.clone(),
            region: props.region.clone(),
        });
    }
    settings
}
