// EventPen's code editor: CodeMirror 6 behind a small API the Rust `Editor` component calls
// through wasm-bindgen (`window.EventPenEditor.create`). The app stays the owner of the text and
// of the undo history: every edit goes out through `onChange`, undo/redo keys go to `onHistory`
// (so builder clicks, fixes and typing share one history), and `setValue` brings the app's text
// back in as a minimal change, so the cursor stays where the user left it.
import { EditorState, Annotation } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
  placeholder as placeholderText,
} from '@codemirror/view';
import { json } from '@codemirror/lang-json';
import { defaultKeymap, indentWithTab, history as ownHistory, historyKeymap } from '@codemirror/commands';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { closeBrackets, closeBracketsKeymap, autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { search, searchKeymap, highlightSelectionMatches } from '@codemirror/search';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { completionSource } from './completion.js';
import { clauseCounts, setClauseCounts } from './clause_counts.js';
import { toLint, quickFixKeymap } from './diagnostics.js';

/** Marks a change that came from the app (not the user), so it is not echoed back. */
const fromApp = Annotation.define();

/** The smallest replacement turning `old` into `next` (common prefix and suffix kept). */
function minimalChange(old, next) {
  let start = 0;
  const shortest = Math.min(old.length, next.length);
  while (start < shortest && old.charCodeAt(start) === next.charCodeAt(start)) start++;
  let oldEnd = old.length;
  let nextEnd = next.length;
  while (oldEnd > start && nextEnd > start && old.charCodeAt(oldEnd - 1) === next.charCodeAt(nextEnd - 1)) {
    oldEnd--;
    nextEnd--;
  }
  return { from: start, to: oldEnd, insert: next.slice(start, nextEnd) };
}

/**
 * Run `run` once the next frame is painted: its animation frame, then a timer (a timer alone
 * can fire before the frame). Calls while one waits join it (`run` reads the latest pending
 * data). `wait` holds the frame and timer, for `cancelWait`.
 */
function afterPaint(wait, run) {
  if (wait.frame) return;
  wait.frame = requestAnimationFrame(() => {
    wait.timer = setTimeout(() => {
      wait.frame = null;
      wait.timer = null;
      run();
    }, 0);
  });
}

/** Stop what `afterPaint` holds in `wait`. */
function cancelWait(wait) {
  cancelAnimationFrame(wait.frame);
  clearTimeout(wait.timer);
}

/**
 * Create an editor in `parent`. Options: `id` (of the editable element), `labelledBy`,
 * `describedBy`, `placeholder`, `value`, `onChange(text)`, `onHistory(redo)` (optional: without
 * it CodeMirror keeps its own), `onFix(text)`, `completion` (bool), `onEdit(text)` (optional:
 * the new text of a user edit as soon as the edit is made, before the editor redraws, so work
 * that waits on it — the worker's re-match — starts a few milliseconds earlier).
 */
function create(parent, options) {
  const state = {
    catalog: null, diagnostics: [], pendingMarks: null, marksKey: '', marksDoc: null, marksWait: {},
    pendingCounts: null, countsWait: {},
  };
  const history = options.onHistory
    ? [
        { key: 'Mod-z', run: () => { options.onHistory(false); return true; } },
        { key: 'Mod-Shift-z', run: () => { options.onHistory(true); return true; } },
        { key: 'Mod-y', run: () => { options.onHistory(true); return true; } },
      ]
    : historyKeymap;
  const extensions = [
    lineNumbers(),
    foldGutter(),
    lintGutter(),
    highlightActiveLineGutter(),
    drawSelection(),
    indentOnInput(),
    // Token classes (`tok-string`, …), coloured by www/editor.css for light, dark and presenter.
    syntaxHighlighting(classHighlighter),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    json(),
    EditorView.lineWrapping,
    keymap.of([
      ...history,
      ...quickFixKeymap(() => state.diagnostics, (text) => options.onFix(text)),
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...foldKeymap,
      ...completionKeymap,
      indentWithTab,
    ]),
    EditorView.contentAttributes.of({
      id: options.id,
      'aria-labelledby': options.labelledBy,
      'aria-describedby': options.describedBy ?? '',
      'aria-multiline': 'true',
      // Contenteditable is focusable already; the explicit tabindex tells checkers (axe's
      // scrollable-region-focusable) that the scrolling editor can be reached by keyboard.
      tabindex: '0',
      spellcheck: 'false',
      autocapitalize: 'off',
      autocorrect: 'off',
    }),
    EditorState.transactionExtender.of((tr) => {
      if (options.onEdit && tr.docChanged && !tr.annotation(fromApp)) options.onEdit(tr.newDoc.toString());
      return null;
    }),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      if (update.transactions.every((tr) => tr.annotation(fromApp))) return;
      options.onChange(update.state.doc.toString());
    }),
    clauseCounts(),
  ];
  if (!options.onHistory) extensions.push(ownHistory());
  if (options.placeholder) extensions.push(placeholderText(options.placeholder));
  if (options.completion) {
    extensions.push(autocompletion({
      override: [completionSource(() => state.catalog)],
      icons: false,
      activateOnTyping: true,
    }));
  }
  const view = new EditorView({
    parent,
    state: EditorState.create({ doc: options.value ?? '', extensions }),
  });
  // Tests and the in-browser benchmark reach the view through the editable element.
  view.contentDOM.cmView = view;

  /** Apply the pending lint marks (see `setDiagnostics`). */
  const applyMarks = () => {
    const { list: next, doc } = state.pendingMarks;
    if (view.state.doc !== doc) return;
    const key = JSON.stringify(next);
    if (key === state.marksKey && (next.length === 0 || doc === state.marksDoc)) return;
    state.marksKey = key;
    state.marksDoc = doc;
    state.diagnostics = next;
    const invalid = String(next.some((d) => d.severity === 'error'));
    if (view.contentDOM.getAttribute('aria-invalid') !== invalid) view.contentDOM.setAttribute('aria-invalid', invalid);
    const length = doc.length;
    view.dispatch(setDiagnostics(view.state, next.map((d) => toLint(d, length, (text) => options.onFix(text)))));
  };

  return {
    /** Bring the app's text in (a no-op when it is already the editor's). */
    setValue(text) {
      const old = view.state.doc.toString();
      if (old === text) return;
      view.dispatch({ changes: minimalChange(old, text), annotations: fromApp.of(true) });
    },
    /**
     * Lint marks: `[{from, to, severity, message, fixTitle?, fixText?}]`, UTF-16 offsets. Applied
     * just after the results are drawn (a lint update reads the page's layout, which at
     * thousands of results would hold up every keystroke's paint), and skipped when nothing
     * changed; a list for a text the user has typed past since is dropped (a newer one follows).
     */
    setDiagnostics(list) {
      state.pendingMarks = { list, doc: view.state.doc };
      // After the next frame is painted: at 100,000 events the marks' layout of the page held
      // the results' paint back by 5 ms.
      afterPaint(state.marksWait, applyMarks);
    },
    /** The field catalog as JSON (`{ events, fields: [{ path, events, values: [[value, count]] }] }`). */
    setCatalog(text) {
      try {
        state.catalog = text ? JSON.parse(text) : null;
      } catch {
        state.catalog = null;
      }
    },
    /**
     * Per-clause match counts: `[{at, count, total}]` with `at` the UTF-16 end of the clause.
     * Drawn after the next frame is painted: they come with the worker's answer, and drawing
     * them in the answer's task made the editor read the selection back, which lays out the
     * whole page the answer had just changed (a second layout before the results showed).
     * Counts for a text the user has since edited are dropped (the next answer brings new ones).
     */
    setClauseCounts(list) {
      state.pendingCounts = { list, doc: view.state.doc };
      afterPaint(state.countsWait, () => {
        const { list: next, doc } = state.pendingCounts;
        if (view.state.doc === doc) view.dispatch({ effects: setClauseCounts.of(next) });
      });
    },
    /** Select `from..to` (UTF-16), scroll it into view and focus the editor. */
    select(from, to) {
      const length = view.state.doc.length;
      view.dispatch({
        selection: { anchor: Math.min(from, length), head: Math.min(to, length) },
        scrollIntoView: true,
      });
      view.focus();
    },
    focus() { view.focus(); },
    destroy() {
      cancelWait(state.marksWait);
      cancelWait(state.countsWait);
      view.destroy();
    },
  };
}

window.EventPenEditor = { create };
window.dispatchEvent(new Event('eventpen-editor-ready'));
