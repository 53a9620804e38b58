//! Reducer tests: one line per case where possible.
use super::*;

fn reduce(state: State, actions: &[Action]) -> Rc<State> {
    actions
        .iter()
        .fold(Rc::new(state), |s, a| s.reduce(a.clone()))
}

#[test]
fn no_op_actions_return_the_same_rc() {
    let state = Rc::new(State {
        pattern: "{}".into(),
        ..State::default()
    });
    for action in [
        Action::TypePattern("{}".into()),
        Action::ReplacePattern("{}".into()),
        Action::Undo,
        Action::Redo,
        Action::SetEventsText(String::new()),
        Action::AddFiles(vec![]),
        Action::RemoveFile(3),
        Action::Select(None),
        Action::SetFilter(Filter::All),
        Action::Dismiss(0),
    ] {
        let next = state.clone().reduce(action.clone());
        assert!(Rc::ptr_eq(&state, &next), "{action:?} should be a no-op");
    }
}

#[test]
fn typing_a_word_is_one_undo_step() {
    let typed = ["{", "{\"", "{\"s", "{\"so", "{\"sou", "{\"sour"];
    let actions: Vec<Action> = typed
        .iter()
        .map(|t| Action::TypePattern(t.to_string()))
        .collect();
    let state = reduce(State::default(), &actions);
    assert_eq!(state.pattern, "{\"sour");
    let undone = reduce((*state).clone(), &[Action::Undo]);
    assert_eq!(undone.pattern, "{\"", "back to before the word");
    let redone = reduce((*undone).clone(), &[Action::Redo]);
    assert_eq!(redone.pattern, "{\"sour");
}

#[test]
fn typing_a_word_fast_is_still_one_undo_step() {
    let typed = ["{\"", "{\"so", "{\"sour", "{\"source"];
    let actions: Vec<Action> = typed
        .iter()
        .map(|t| Action::TypePattern(t.to_string()))
        .collect();
    let state = reduce(State::default(), &actions);
    let undone = reduce((*state).clone(), &[Action::Undo]);
    assert_eq!(undone.pattern, "{\"", "back to before the word");
}

#[test]
fn undo_step_boundaries() {
    let cases: &[(&str, &str, bool)] = &[
        ("ab", "abc", false),
        ("abc", "ab", false),
        ("ab", "ab ", true),
        ("ab", "ab,", true),
        ("", "a", true),
        ("{\"", "{\"s", true),
        ("ab", "xyz", true),
        ("aé", "aè", true),
        ("a", "aé", false),
        ("abc", "aXbc", false),
        ("abc", "abc", true),
        // Two or three characters at once (a fast typist's, between two painted answers).
        ("ab", "abcd", false),
        ("abcd", "ab", false),
        ("aa", "aaaa", false),
        ("ab", "ab c", true),
        ("ab", "abc,", true),
        ("ab", "XabYZ", true),
        ("\"Decrypt\"", "\"Decrypt\", \"AssumeRole\"", true),
    ];
    for &(old, new, want) in cases {
        assert_eq!(starts_new_undo_step(old, new), want, "{old:?} -> {new:?}");
    }
}

#[test]
fn visual_edits_are_undoable_and_clear_redo() {
    let state = reduce(
        State::default(),
        &[
            Action::ReplacePattern("A".into()),
            Action::ReplacePattern("B".into()),
            Action::Undo,
            Action::ReplacePattern("C".into()),
        ],
    );
    assert_eq!(state.pattern, "C");
    assert!(state.redo.is_empty());
    assert_eq!(state.undo.to_vec(), vec!["".to_string(), "A".to_string()]);
}

#[test]
fn undo_depth_is_bounded() {
    let actions: Vec<Action> = (0..(UNDO_DEPTH + 50))
        .map(|i| Action::ReplacePattern(format!("p{i}")))
        .collect();
    let state = reduce(State::default(), &actions);
    assert_eq!(state.undo.len(), UNDO_DEPTH);
}

#[test]
fn files_and_selection() {
    let file = |n: &str| EventFile::with_text(n, "{}");
    let state = reduce(
        State::default(),
        &[
            Action::AddFiles(vec![file("a.json"), file("b.json")]),
            Action::Select(Some(1)),
            Action::RemoveFile(0),
        ],
    );
    assert_eq!(state.files.len(), 1);
    assert_eq!(state.files[0].name, "b.json");
    assert_eq!(state.selected, None, "indexes shift when a file goes");
    let cleared = reduce(
        (*state).clone(),
        &[Action::SetEventsText("x".into()), Action::ClearEvents],
    );
    assert!(cleared.files.is_empty() && cleared.events_text.is_empty());
}

#[test]
fn snapshot_round_trip_keeps_the_workspace() {
    let state = State {
        pattern: "{\"source\":[\"aws.ec2\"]}".into(),
        events_text: Rc::from("{\"a\":1}"),
        files: vec![EventFile::with_text("trail.json", "{\"Records\":[]}")],
        selected: Some(2),
        filter: Filter::NotMatched,
        export_format: "terraform".into(),
        ..State::default()
    };
    let mut back = State::from_snapshot(&state.to_snapshot());
    // Inputs get fresh ids (the worker's); everything else comes back as it was.
    back.files[0].id = state.files[0].id;
    assert_eq!(back, state);
}

#[test]
fn loading_keeps_notices_and_makes_the_old_pattern_undoable() {
    let notice = Notice::new(NoticeKind::Warning, "hi");
    let snapshot = Snapshot {
        pattern: "{\"new\":[1]}".into(),
        ..Snapshot::default()
    };
    let state = reduce(
        State::default(),
        &[
            Action::ReplacePattern("mine".into()),
            Action::Notify(notice.clone()),
            Action::Load(Box::new(snapshot)),
        ],
    );
    assert_eq!(state.pattern, "{\"new\":[1]}");
    assert_eq!(state.notices, vec![notice]);
    let undone = reduce((*state).clone(), &[Action::Undo]);
    assert_eq!(undone.pattern, "mine");
}

#[test]
fn filters_have_stable_ids() {
    for filter in [Filter::All, Filter::Matched, Filter::NotMatched] {
        assert_eq!(Filter::from_id(filter.id()), filter);
    }
    assert_eq!(Filter::from_id("bogus"), Filter::All);
}

#[test]
fn challenge_actions() {
    let state = reduce(
        State::default(),
        &[
            Action::StartAuthoring,
            Action::SetGoal("Match launches".into()),
            Action::SetHints(vec!["one".into(), "two".into()]),
            Action::Mark(2, Some(true)),
            Action::ShowHint,
            Action::ShowHint,
            Action::ShowHint,
        ],
    );
    let challenge = state.challenge.clone().expect("a challenge");
    assert!(challenge.authoring);
    assert_eq!(challenge.expectations, vec![None, None, Some(true)]);
    assert_eq!(challenge.shown_hints, 2, "never more hints than there are");
    let shared = state.to_snapshot().challenge.expect("shared");
    assert_eq!(shared.goal, "Match launches");
    let back = State::from_snapshot(&state.to_snapshot());
    assert_eq!(
        back.challenge.as_ref().map(|c| &c.expectations),
        Some(&challenge.expectations)
    );
    assert!(
        !back.challenge.unwrap().authoring,
        "a link opens for solving, not writing"
    );
    let left = reduce((*state).clone(), &[Action::LeaveChallenge]);
    assert!(left.challenge.is_none());
}

#[test]
fn challenge_actions_without_a_challenge_are_no_ops() {
    let state = Rc::new(State::default());
    for action in [
        Action::ShowHint,
        Action::Submit,
        Action::Mark(0, Some(true)),
        Action::LeaveChallenge,
    ] {
        assert!(Rc::ptr_eq(&state, &state.clone().reduce(action)));
    }
}

#[test]
fn files_past_the_input_cap_are_not_added_and_a_notice_says_so() {
    let file = |i: usize| EventFile::with_text(&format!("f{i}.json"), "{}");
    #[rustfmt::skip]
    let cases: &[(usize, usize, usize, Option<&str>)] = &[
        // files already there, files added, files after, notice
        (0, 3, 3, None),
        (0, MAX_SHARED_INPUTS - 1, MAX_SHARED_INPUTS - 1, None),
        (0, MAX_SHARED_INPUTS + 5, MAX_SHARED_INPUTS - 1, Some("EventPen holds at most 1000 inputs at once: 6 of the files were not added.")),
        (MAX_SHARED_INPUTS - 2, 3, MAX_SHARED_INPUTS - 1, Some("EventPen holds at most 1000 inputs at once: 2 of the files were not added.")),
    ];
    for &(before, added, after, notice) in cases {
        let state = State {
            files: (0..before).map(file).collect(),
            ..State::default()
        };
        let next = reduce(state, &[Action::AddFiles((0..added).map(file).collect())]);
        assert_eq!(next.files.len(), after, "{before} + {added}");
        let texts: Vec<&str> = next.notices.iter().map(|n| n.text.as_str()).collect();
        assert_eq!(
            texts,
            notice.into_iter().collect::<Vec<_>>(),
            "{before} + {added}"
        );
    }
}

#[test]
fn import_replaces_pattern_and_rule_undoably_and_keeps_failed_text() {
    let state = Rc::new(State {
        pattern: "{\"source\": [\"a\"]}".into(),
        ..State::default()
    });
    let state = state.reduce(Action::SetImportText("{\"Name\": broken".into()));
    assert_eq!(state.import_text, "{\"Name\": broken");
    let rule = SharedRule {
        name: "imported".into(),
        input_kind: "transformer".into(),
        ..SharedRule::default()
    };
    let state = state.reduce(Action::Import {
        pattern: "{\"source\": [\"b\"]}".into(),
        rule: rule.clone(),
    });
    assert_eq!(
        (
            state.pattern.as_str(),
            &state.rule,
            state.import_text.as_str()
        ),
        ("{\"source\": [\"b\"]}", &rule, "")
    );
    let state = state.reduce(Action::Undo);
    assert_eq!(state.pattern, "{\"source\": [\"a\"]}");
}

#[test]
fn the_users_own_events_replace_the_samples_with_a_way_back() {
    let samples = State::from_snapshot(&crate::startup::default_snapshot());
    let samples = State {
        samples: true,
        ..samples
    };
    let sample_text = samples.events_text.clone();
    let own = || Action::AddFiles(vec![EventFile::with_text("trail.json", "{}")]);
    // (state, action, events text after, samples after, notices added)
    let cases: Vec<(State, Action, &str, bool, usize)> = vec![
        (samples.clone(), own(), "", false, 1),
        (
            samples.clone(),
            Action::SetEventsText(sample_text.to_string()),
            &sample_text,
            false,
            0,
        ),
        (
            samples.clone(),
            Action::SetEventsText("{\"a\": 1}".into()),
            "{\"a\": 1}",
            false,
            0,
        ),
        (samples.clone(), Action::ClearEvents, "", false, 0),
        (
            State {
                samples: false,
                ..samples.clone()
            },
            own(),
            &sample_text,
            false,
            0,
        ),
    ];
    for (state, action, text, still_samples, notices) in cases {
        let before = state.notices.len();
        let next = reduce(state, std::slice::from_ref(&action));
        assert_eq!(&*next.events_text, text, "{action:?}");
        assert_eq!(next.samples, still_samples, "{action:?}");
        assert_eq!(next.notices.len() - before, notices, "{action:?}");
    }
    // The notice's offer brings the samples back, marked as samples again.
    let replaced = reduce(samples.clone(), &[own()]);
    let (label, snapshot) = replaced.notices[0].offer.clone().expect("an offer");
    assert_eq!(label, "Bring the samples back");
    let back = reduce((*replaced).clone(), &[Action::Load(snapshot)]);
    assert_eq!(back.events_text, sample_text);
    assert!(back.samples && back.files.is_empty());
}
