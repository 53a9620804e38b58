//! The App: the page layout with its labelled regions.
use crate::components::header::Header;
use yew::prelude::*;

/// The whole playground.
#[component]
pub fn App() -> Html {
    html! {
        <>
            <Header />
            <main class="workspace">
                <section class="pane events-pane" aria-labelledby="events-heading">
                    <h2 id="events-heading">{ "Events" }</h2>
                </section>
                <section class="pane pattern-pane" aria-labelledby="pattern-heading">
                    <h2 id="pattern-heading">{ "Event pattern" }</h2>
                </section>
                <section class="pane results-pane" aria-labelledby="results-heading">
                    <h2 id="results-heading">{ "Results" }</h2>
                </section>
            </main>
            <footer class="site-footer">{ "Your events never leave this page." }</footer>
        </>
    }
}
