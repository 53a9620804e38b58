//! The Export region: rule settings, a tab per format, each block with a Copy button (that says
//! "Copied"), and a Download for every file the commands need. The text comes from
//! `eventpen-export`, the same renderers the CLI's `eventpen export` uses.
use crate::clipboard::download_text;
use crate::components::copy_button::CopyButton;
use crate::components::rule_settings_form::RuleSettingsForm;
use crate::components::sql_export::{SQL_TAB, SqlExport};
use crate::rule_settings::Effective;
use crate::share::SharedRule;
use eventpen_export::{Format, render, validate_rule_name};
use std::rc::Rc;
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
    /// The settings the exports use, with where account and region came from.
    pub effective: Rc<Effective>,
}

/// Settings, format tabs and rendered blocks.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let format = Format::from_id(&props.format).unwrap_or(Format::CliFile);
    let settings = &props.effective.settings;
    let name_error = validate_rule_name(&settings.name).err();
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
            let rendered = render(format, pattern, settings);
            let mut files: Vec<(String, String)> = rendered
                .blocks
                .iter()
                .filter_map(|block| {
                    block
                        .file_name
                        .clone()
                        .map(|name| (name, block.text.clone()))
                })
                .collect();
            if !files.iter().any(|(name, _)| name == "pattern.json") {
                files.insert(
                    0,
                    (
                        "pattern.json".to_string(),
                        format!("{}\n", pattern.pretty()),
                    ),
                );
            }
            html! {
                <>
                    { for rendered.warnings.iter()
                        // The rule-name problem is already shown (as an alert) by the settings.
                        .filter(|w| name_error.as_ref().is_none_or(|e| !w.contains(e.as_str())))
                        .map(|w| html! { <p class="notice warn">{ w.clone() }</p> }) }
                    { for rendered.blocks.iter().map(|block| {
                        let title = block.file_name.clone().unwrap_or_else(|| block.title.clone());
                        html! {
                            <div class="code-block">
                                <div class="code-head">
                                    <span class="mono">{ title.clone() }</span>
                                    <CopyButton text={block.text.clone()} label={format!("Copy {title}")} />
                                </div>
                                <pre tabindex="0" aria-label={title}><code>{ block.text.clone() }</code></pre>
                            </div>
                        }
                    }) }
                    <div class="row downloads">
                        { for files.into_iter().map(|(name, text)| {
                            let label = format!("Download {name}");
                            html! {
                                <button type="button" onclick={Callback::from(move |_: MouseEvent| download_text(&name, &text))}>{ label }</button>
                            }
                        }) }
                    </div>
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
    let current = if props.format == SQL_TAB {
        SQL_TAB.to_string()
    } else {
        format.id().to_string()
    };
    let onkeydown = tab_keys(props.on_format.clone(), current);
    let (body, tab_id) = match (&props.pattern, props.format == SQL_TAB) {
        (Some(pattern), true) => {
            let all = settings.state
                == eventpen_export::RuleState::EnabledWithAllCloudTrailManagementEvents;
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
            <RuleSettingsForm rule={props.rule.clone()} on_rule={props.on_rule.clone()}
                effective={props.effective.clone()} proposed_state={props.proposed_state} />
            <div class="tabs" role="tablist" aria-label="Export format" {onkeydown}>{ for tabs }{ sql_tab }</div>
            <div id="export-output" role="tabpanel" aria-labelledby={tab_id}>{ body }</div>
        </div>
    }
}

/// The tab ids in order: every format, then SQL.
fn tab_ids() -> Vec<String> {
    Format::ALL
        .iter()
        .map(|f| f.id().to_string())
        .chain(std::iter::once(SQL_TAB.to_string()))
        .collect()
}

/// The ARIA tabs keys: Left/Right move to the previous/next tab (wrapping), Home/End to the
/// first/last; the tab is selected and focused.
fn tab_keys(on_format: Callback<String>, current: String) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let ids = tab_ids();
        let at = ids.iter().position(|id| *id == current).unwrap_or(0);
        let next = match e.key().as_str() {
            "ArrowRight" => (at + 1) % ids.len(),
            "ArrowLeft" => (at + ids.len() - 1) % ids.len(),
            "Home" => 0,
            "End" => ids.len() - 1,
            _ => return,
        };
        e.prevent_default();
        let id = ids[next].clone();
        on_format.emit(id.clone());
        // The tab exists already (every tab is always drawn): focus it now.
        if let Some(tab) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("tab-{id}")))
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
        {
            let _ = tab.focus();
        }
    })
}
