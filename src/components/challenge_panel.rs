//! The challenge panel: the goal, a live score (which marked events are right and which wrong),
//! hints revealed one at a time, Submit (reveals and scores the hidden events), the example's
//! lesson and solution, and — in author mode — the goal and hints to write and share.
use crate::challenge::Score;
use crate::examples::Example;
use crate::state::ActiveChallenge;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Props of [`ChallengePanel`].
#[derive(Properties, PartialEq)]
pub struct ChallengePanelProps {
    /// The challenge.
    pub challenge: ActiveChallenge,
    /// The gallery example it comes from (lesson and solution).
    pub example: Option<Example>,
    /// The live score of the visible events.
    pub score: Score,
    /// The score of the hidden events, once submitted.
    pub hidden_score: Option<Score>,
    /// Set the goal (author mode).
    pub on_goal: Callback<String>,
    /// Set the hints (author mode).
    pub on_hints: Callback<Vec<String>>,
    /// Show one more hint.
    pub on_hint: Callback<()>,
    /// Submit.
    pub on_submit: Callback<()>,
    /// Load the example's solution into the editor.
    pub on_solution: Callback<String>,
    /// Leave the challenge.
    pub on_leave: Callback<()>,
    /// Share the challenge (author mode).
    pub on_share: Callback<()>,
}

/// The challenge panel.
#[component]
pub fn ChallengePanel(props: &ChallengePanelProps) -> Html {
    let c = &props.challenge;
    let leave = props.on_leave.reform(|_: MouseEvent| ());
    let heading = match (&props.example, c.authoring) {
        (_, true) => "Writing a challenge".to_string(),
        (Some(example), _) => example.title.clone(),
        (None, false) => "Challenge".to_string(),
    };
    let score = &props.score;
    let all_solved = score.solved && props.hidden_score.as_ref().is_none_or(|h| h.solved);
    html! {
        <section class="challenge" aria-labelledby="challenge-heading">
            <div class="pane-head">
                <h2 id="challenge-heading">{ crate::components::prose::prose(&heading) }</h2>
                <button type="button" onclick={leave}>{ if c.authoring { "Stop writing" } else { "Leave challenge" } }</button>
            </div>
            if c.authoring { { author(props) } } else {
                <p class="goal"><strong>{ "Goal: " }</strong>{ crate::components::prose::prose(&c.goal) }</p>
            }
            <p class="score" role="status" aria-live="polite">
                if score.total == 0 {
                    { "Mark events as must match / must not match in Results to score a pattern." }
                } else if !score.valid_pattern {
                    { format!("Score: the pattern has errors — 0 of {} right", score.total) }
                } else {
                    <strong>{ format!("Score: {} of {} marked events right", score.correct, score.total) }</strong>
                }
                if all_solved && score.total > 0 && !c.authoring {
                    <span class="badge ok">{ if c.submitted || c.hidden.is_empty() { "Solved!" } else { "All visible events right — submit to check the hidden ones" } }</span>
                }
            </p>
            if let Some(hidden) = &props.hidden_score {
                <p class={classes!("notice", if hidden.solved { "" } else { "warn" })} role="status">
                    { format!("Hidden test events: {} of {} right.", hidden.correct, hidden.total) }
                    if !hidden.solved { { " Your pattern is too narrow or too broad for events you have not seen — think about what else a real account would send." } }
                </p>
            }
            if !c.authoring {
                { hints(props) }
                <div class="row">
                    if !c.hidden.is_empty() && !c.submitted {
                        <button type="button" class="primary" onclick={props.on_submit.reform(|_: MouseEvent| ())}>{ "Submit (check hidden events)" }</button>
                    }
                    if let Some(example) = &props.example {
                        <button type="button" onclick={{
                            let solution = example.solution.clone();
                            props.on_solution.reform(move |_: MouseEvent| solution.clone())
                        }}>{ "Show solution" }</button>
                    }
                </div>
                if let Some(example) = props.example.as_ref().filter(|_| c.submitted || score.solved) {
                    <details class="lesson" open=true>
                        <summary>{ "The lesson" }</summary>
                        <p>{ crate::components::prose::prose(&example.lesson) }</p>
                    </details>
                }
            }
        </section>
    }
}

fn hints(props: &ChallengePanelProps) -> Html {
    let c = &props.challenge;
    if c.hints.is_empty() {
        return html! {};
    }
    html! {
        <div class="hints">
            <ol>{ for c.hints.iter().take(c.shown_hints).map(|h| html! { <li>{ crate::components::prose::prose(h) }</li> }) }</ol>
            if c.shown_hints < c.hints.len() {
                <button type="button" onclick={props.on_hint.reform(|_: MouseEvent| ())}>
                    { format!("Show a hint ({} of {})", c.shown_hints + 1, c.hints.len()) }
                </button>
            }
        </div>
    }
}

fn author(props: &ChallengePanelProps) -> Html {
    let c = &props.challenge;
    let on_goal = props.on_goal.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        area.value()
    });
    let on_hints = props.on_hints.reform(|e: InputEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        area.value()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect()
    });
    html! {
        <div class="author">
            <p class="hint">{ "Mark each event in Results as must match or must not match, write the goal and hints, then share. The link carries the events, marks, goal and hints — not your pattern." }</p>
            <label for="challenge-goal">{ "Goal" }</label>
            <textarea id="challenge-goal" class="short" value={c.goal.clone()} oninput={on_goal}
                placeholder="Write a pattern that matches launches of t2.micro instances only." />
            <label for="challenge-hints">{ "Hints (one per line, gentle to explicit)" }</label>
            <textarea id="challenge-hints" class="short" value={c.hints.join("\n")} oninput={on_hints} />
            <button type="button" class="primary" onclick={props.on_share.reform(|_: MouseEvent| ())}>{ "Share challenge" }</button>
        </div>
    }
}
