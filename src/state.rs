//! The playground's state: only what the user supplied, and the one reducer that changes it.
//!
//! Pure (no web APIs) so it is tested natively. Everything derived from it — parsed events, the
//! compiled pattern, match results, explanations, exports — is computed in the view with
//! `use_memo`, never stored here, so it can never go stale.
use crate::share::{
    LeftOut, MAX_SHARED_INPUTS, SharedChallenge, SharedInput, SharedRule, Snapshot,
};
use std::rc::Rc;
use yew::Reducible;

mod history;
use history::starts_new_undo_step;
pub use history::{History, UNDO_DEPTH};

/// The name of the pasted-text input, as problems and the share link call it.
pub const PASTED: &str = "pasted text";

/// One event input besides the paste box: a file, or an input from a link or an example.
/// Its events live in the worker; the page keeps its id, name and size, and its text only when
/// it came as text (links, examples, local storage) and is small.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFile {
    /// The id the worker knows it by (unique in this page).
    pub id: u32,
    /// The file name as the user picked or dropped it.
    pub name: String,
    /// Its size in bytes.
    pub size: usize,
    /// Its text, when the page has it (a loaded file's text stays in the worker).
    pub text: Option<Rc<str>>,
}

thread_local! {
    static NEXT_INPUT_ID: std::cell::Cell<u32> = const { std::cell::Cell::new(1) };
}

/// A fresh input id.
pub fn next_input_id() -> u32 {
    NEXT_INPUT_ID.with(|next| {
        let id = next.get();
        next.set(id.wrapping_add(1));
        id
    })
}

impl EventFile {
    /// An input whose text the page has.
    pub fn with_text(name: &str, text: &str) -> EventFile {
        EventFile {
            id: next_input_id(),
            name: name.to_string(),
            size: text.len(),
            text: Some(Rc::from(text)),
        }
    }
}

/// Which results the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every event.
    #[default]
    All,
    /// Only events the pattern matches.
    Matched,
    /// Only events it does not match.
    NotMatched,
}

impl Filter {
    /// The id used in links and storage.
    pub fn id(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Matched => "matched",
            Filter::NotMatched => "not-matched",
        }
    }

    /// The filter an id names (unknown ids mean "all").
    pub fn from_id(id: &str) -> Filter {
        match id {
            "matched" => Filter::Matched,
            "not-matched" => Filter::NotMatched,
            _ => Filter::All,
        }
    }
}

/// How serious a notice is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Good to know.
    Info,
    /// Something was not as expected but work goes on.
    Warning,
    /// Something failed.
    Error,
}

/// A message at the top of the page (a broken link, a file too large, …).
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// How serious.
    pub kind: NoticeKind,
    /// What to tell the user.
    pub text: String,
    /// A workspace the notice offers to load, with the button's label ("Restore my work").
    pub offer: Option<(String, Box<Snapshot>)>,
}

impl Notice {
    /// A plain notice.
    pub fn new(kind: NoticeKind, text: impl Into<String>) -> Notice {
        Notice {
            kind,
            text: text.into(),
            offer: None,
        }
    }

    /// A notice with a button that loads `snapshot`.
    pub fn with_offer(
        kind: NoticeKind,
        text: impl Into<String>,
        label: impl Into<String>,
        snapshot: Snapshot,
    ) -> Notice {
        Notice {
            kind,
            text: text.into(),
            offer: Some((label.into(), Box::new(snapshot))),
        }
    }
}

/// A challenge being solved or written: the goal, hints, and what a correct rule does with each
/// event. The solution is never part of it (an example's solution stays in the gallery).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ActiveChallenge {
    /// What the pattern must do, in words.
    pub goal: String,
    /// Hints, gentle to explicit.
    pub hints: Vec<String>,
    /// Per loaded event: must match, must not match, or unmarked.
    pub expectations: Vec<Option<bool>>,
    /// Events scored only on submit; their marks come from the gallery example.
    pub hidden: Vec<SharedInput>,
    /// The gallery example it came from.
    pub example: Option<String>,
    /// How many hints are shown.
    pub shown_hints: usize,
    /// Whether the learner submitted (hidden events revealed).
    pub submitted: bool,
    /// Whether the instructor is writing it (marks and goal editable).
    pub authoring: bool,
}

/// Everything the user supplied.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The event pattern text, exactly as typed.
    pub pattern: String,
    /// The text in the Events box (shared: it can be megabytes, and renders compare it).
    pub events_text: Rc<str>,
    /// Files picked or dropped.
    pub files: Vec<EventFile>,
    /// The selected event (index into the ingested events).
    pub selected: Option<usize>,
    /// Which results are listed.
    pub filter: Filter,
    /// Rule settings for export.
    pub rule: SharedRule,
    /// The export format id shown.
    pub export_format: String,
    /// Messages for the user.
    pub notices: Vec<Notice>,
    /// Earlier pattern texts (shared between states: copying a state copies a pointer).
    pub undo: History,
    /// Pattern texts undone.
    pub redo: History,
    /// The challenge being solved or written, if any.
    pub challenge: Option<ActiveChallenge>,
    /// The text in the Import box (kept until an import succeeds, so a failed one loses nothing).
    pub import_text: String,
    /// The Events box holds EventPen's sample events (the walkthrough), not the user's: they
    /// are marked as such, and the user's first own load replaces them (with a way back).
    pub samples: bool,
}

impl Default for State {
    fn default() -> Self {
        State {
            pattern: String::new(),
            events_text: Rc::from(""),
            files: Vec::new(),
            selected: None,
            filter: Filter::All,
            rule: SharedRule::default(),
            export_format: String::new(),
            notices: Vec::new(),
            undo: History::default(),
            redo: History::default(),
            challenge: None,
            import_text: String::new(),
            samples: false,
        }
    }
}

/// Everything that changes the state.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user typed in the pattern editor (runs of typing share one undo step).
    TypePattern(String),
    /// A visual edit replaced the pattern (always its own undo step).
    ReplacePattern(String),
    /// Back to the previous pattern.
    Undo,
    /// Forward again.
    Redo,
    /// The Events box changed.
    SetEventsText(String),
    /// Files were picked or dropped.
    AddFiles(Vec<EventFile>),
    /// Remove one file.
    RemoveFile(usize),
    /// Remove the input with this id (a load cancelled or refused).
    RemoveInput(u32),
    /// Remove every event: the box and the files.
    ClearEvents,
    /// Select an event (or none).
    Select(Option<usize>),
    /// Change the results filter.
    SetFilter(Filter),
    /// Change the rule settings.
    SetRule(SharedRule),
    /// Change the export format.
    SetExportFormat(String),
    /// Replace the whole workspace (a link, an example, local storage).
    Load(Box<Snapshot>),
    /// Show a notice.
    Notify(Notice),
    /// Hide notice number `n`.
    Dismiss(usize),
    /// Start writing a challenge from the loaded events.
    StartAuthoring,
    /// Set the challenge's goal.
    SetGoal(String),
    /// Set the challenge's hints.
    SetHints(Vec<String>),
    /// Mark event `n`: must match, must not match, or unmarked.
    Mark(usize, Option<bool>),
    /// Show one more hint.
    ShowHint,
    /// Submit: reveal and score the hidden events.
    Submit,
    /// Stop solving or writing the challenge.
    LeaveChallenge,
    /// The Import box changed.
    SetImportText(String),
    /// An existing rule was imported: its pattern (undoable, like any visual edit) and settings.
    Import {
        /// The pattern text.
        pattern: String,
        /// The rule's settings and target input.
        rule: SharedRule,
    },
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::TypePattern(text) => {
                if text == self.pattern {
                    return self;
                }
                if starts_new_undo_step(&self.pattern, &text) {
                    next.push_undo();
                }
                next.redo.clear();
                next.pattern = text;
            }
            Action::ReplacePattern(text) => {
                if text == self.pattern {
                    return self;
                }
                next.push_undo();
                next.redo.clear();
                next.pattern = text;
            }
            Action::Undo => {
                let Some(previous) = next.undo.pop() else {
                    return self;
                };
                let current = std::mem::replace(&mut next.pattern, previous);
                next.redo.push(current);
            }
            Action::Redo => {
                let Some(again) = next.redo.pop() else {
                    return self;
                };
                let current = std::mem::replace(&mut next.pattern, again);
                next.undo.push(current);
            }
            Action::SetEventsText(text) => {
                if *text == *self.events_text {
                    if !self.samples {
                        return self;
                    }
                    // Written over with the same text: the events are the user's now.
                    next.samples = false;
                    return Rc::new(next);
                }
                next.events_text = Rc::from(text);
                next.samples = false;
            }
            Action::AddFiles(mut files) => {
                if files.is_empty() {
                    return self;
                }
                // The paste box counts as one input: ingest reads MAX_SHARED_INPUTS in all.
                let room = MAX_SHARED_INPUTS.saturating_sub(next.files.len() + 1);
                if files.len() > room {
                    let not_added = files.len() - room;
                    files.truncate(room);
                    next.notices.push(Notice::new(
                        NoticeKind::Warning,
                        format!(
                            "EventPen holds at most {MAX_SHARED_INPUTS} inputs at once: {not_added} of the files were not added."
                        ),
                    ));
                }
                if next.samples {
                    // The user's own events replace the samples; the notice brings them back.
                    let before = self.to_snapshot();
                    next.notices.push(Notice::with_offer(
                        NoticeKind::Info,
                        "Your events replaced the sample events.",
                        "Bring the samples back",
                        before,
                    ));
                    next.events_text = Rc::from("");
                    next.samples = false;
                    next.selected = None;
                }
                next.files.extend(files);
            }
            Action::RemoveFile(index) => {
                if index >= next.files.len() {
                    return self;
                }
                next.files.remove(index);
                next.selected = None;
            }
            Action::RemoveInput(id) => {
                let Some(index) = next.files.iter().position(|f| f.id == id) else {
                    return self;
                };
                next.files.remove(index);
                next.selected = None;
            }
            Action::ClearEvents => {
                next.events_text = Rc::from("");
                next.files.clear();
                next.selected = None;
                next.samples = false;
            }
            Action::Select(selected) => {
                if selected == self.selected {
                    return self;
                }
                next.selected = selected;
            }
            Action::SetFilter(filter) => {
                if filter == self.filter {
                    return self;
                }
                next.filter = filter;
            }
            Action::SetRule(rule) => {
                if rule == self.rule {
                    return self;
                }
                next.rule = rule;
            }
            Action::SetImportText(text) => {
                if text == self.import_text {
                    return self;
                }
                next.import_text = text;
            }
            Action::Import { pattern, rule } => {
                if pattern != self.pattern {
                    next.push_undo();
                    next.redo.clear();
                    next.pattern = pattern;
                }
                next.rule = rule;
                next.import_text.clear();
            }
            Action::SetExportFormat(format) => {
                if format == self.export_format {
                    return self;
                }
                next.export_format = format;
            }
            Action::Load(snapshot) => {
                let notices = std::mem::take(&mut next.notices);
                let previous_pattern = std::mem::take(&mut next.pattern);
                let undo = std::mem::take(&mut next.undo);
                next = State::from_snapshot(&snapshot);
                next.notices = notices;
                next.undo = undo;
                // Bringing the walkthrough's events back brings back samples, not the user's.
                next.samples = !snapshot.events.is_empty()
                    && snapshot.events == crate::startup::default_snapshot().events;
                if previous_pattern != next.pattern && !previous_pattern.is_empty() {
                    // Loading is undoable for the pattern: a visitor can step back to their own text.
                    next.undo.push(previous_pattern);
                }
            }
            Action::Notify(notice) => {
                if next.notices.contains(&notice) {
                    return self;
                }
                next.notices.push(notice);
            }
            Action::Dismiss(index) => {
                if index >= next.notices.len() {
                    return self;
                }
                next.notices.remove(index);
            }
            Action::StartAuthoring => {
                let challenge = next.challenge.get_or_insert_with(ActiveChallenge::default);
                challenge.authoring = true;
                challenge.submitted = false;
            }
            Action::LeaveChallenge => {
                if next.challenge.take().is_none() {
                    return self;
                }
            }
            Action::SetGoal(_)
            | Action::SetHints(_)
            | Action::Mark(..)
            | Action::ShowHint
            | Action::Submit => {
                let Some(challenge) = next.challenge.as_mut() else {
                    return self;
                };
                match action {
                    Action::SetGoal(goal) => challenge.goal = goal,
                    Action::SetHints(hints) => challenge.hints = hints,
                    Action::Mark(index, mark) => {
                        if challenge.expectations.len() <= index {
                            challenge.expectations.resize(index + 1, None);
                        }
                        challenge.expectations[index] = mark;
                    }
                    Action::ShowHint => {
                        challenge.shown_hints =
                            (challenge.shown_hints + 1).min(challenge.hints.len())
                    }
                    _ => challenge.submitted = true,
                }
                if next.challenge == self.challenge {
                    return self;
                }
            }
        }
        Rc::new(next)
    }
}

impl State {
    fn push_undo(&mut self) {
        self.undo.push(self.pattern.clone());
    }

    /// The event inputs in order: the Events box first, then the files whose text the page holds.
    pub fn inputs(&self) -> Vec<SharedInput> {
        self.inputs_with(|_| None)
    }

    /// [`State::inputs`], with the text of a file the page does not hold (a loaded file: its
    /// text is in the worker) taken from `held` where it has it.
    fn inputs_with(&self, held: impl Fn(u32) -> Option<String>) -> Vec<SharedInput> {
        let mut inputs = Vec::with_capacity(self.files.len() + 1);
        if !self.events_text.trim().is_empty() {
            inputs.push(SharedInput {
                name: PASTED.to_string(),
                text: self.events_text.to_string(),
            });
        }
        inputs.extend(self.files.iter().filter_map(|file| {
            let text = match file.text.as_deref() {
                Some(text) => text.to_string(),
                None => held(file.id)?,
            };
            Some(SharedInput {
                name: file.name.clone(),
                text,
            })
        }));
        inputs
    }

    /// The workspace as a snapshot (for local storage and share links).
    pub fn to_snapshot(&self) -> Snapshot {
        self.to_snapshot_with(|_| None)
    }

    /// [`State::to_snapshot`], with the texts of loaded files taken from `held` where it has
    /// them (a share link carrying events the worker holds).
    pub fn to_snapshot_with(&self, held: impl Fn(u32) -> Option<String>) -> Snapshot {
        Snapshot {
            pattern: self.pattern.clone(),
            events: self.inputs_with(held),
            selected: self.selected,
            filter: (self.filter != Filter::All).then(|| self.filter.id().to_string()),
            rule: self.rule.clone(),
            export_format: (!self.export_format.is_empty()).then(|| self.export_format.clone()),
            challenge: self.challenge.as_ref().map(|c| SharedChallenge {
                goal: c.goal.clone(),
                hints: c.hints.clone(),
                expectations: c.expectations.clone(),
                hidden: c.hidden.clone(),
            }),
            example: self.challenge.as_ref().and_then(|c| c.example.clone()),
            left_out: LeftOut::default(),
        }
    }

    /// A fresh state holding a snapshot's workspace.
    pub fn from_snapshot(snapshot: &Snapshot) -> State {
        let mut state = State {
            pattern: snapshot.pattern.clone(),
            selected: snapshot.selected,
            filter: Filter::from_id(snapshot.filter.as_deref().unwrap_or("all")),
            rule: snapshot.rule.clone(),
            export_format: snapshot.export_format.clone().unwrap_or_default(),
            challenge: snapshot.challenge.as_ref().map(|c| ActiveChallenge {
                goal: c.goal.clone(),
                hints: c.hints.clone(),
                expectations: c.expectations.clone(),
                hidden: c.hidden.clone(),
                example: snapshot.example.clone(),
                ..ActiveChallenge::default()
            }),
            ..State::default()
        };
        for input in &snapshot.events {
            if input.name == PASTED && state.events_text.is_empty() && state.files.is_empty() {
                state.events_text = Rc::from(input.text.as_str());
            } else {
                state
                    .files
                    .push(EventFile::with_text(&input.name, &input.text));
            }
        }
        state
    }
}

#[cfg(test)]
mod tests;
