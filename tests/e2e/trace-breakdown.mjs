// The keystroke benchmark's trace mode (TRACE=1): a Chromium trace of the typing rounds, broken
// down per keystroke into what each thread did between the edit and the results on screen.
// The bench marks each round in the page (`key-N` … `key-N-done`, User Timing); this reads the
// trace's complete events ('X') on the page's main thread and the worker's thread, and for each
// round adds up the self time of every event class inside the round's window:
//   page: script (the editor, Yew, serde), style, layout, paint (pre-paint, paint, layerize,
//   commit), gc; worker: script (evaluate + serialise), gc; plus the edit's own task (from the
//   edit to its end), the worker's busy time (the answer, then its charts, facets, preview),
//   edit → worker task start, worker task start → the page's answer task (the worker's work
//   for the results and the message hop), that task, and the answer's size. A round's window
//   ends when the results are painted (the bench's `painted`).
// Printed as medians over the rounds. Not a test: it asserts nothing.

/** Trace categories: the timeline, User Timing marks, V8's GC and script events. */
export const CATEGORIES = [
  'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute',
  'toplevel', 'disabled-by-default-devtools.timeline.frame',
];

/** The class of a trace event, for the breakdown (`null`: a container, counted by its children). */
function classOf(name) {
  if (/^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|UpdateStyle)/.test(name)) return 'style';
  if (/^(Layout|UpdateLayerTree|IntersectionObserverController)/.test(name)) return 'layout';
  if (/^(Paint|PrePaint|Layerize|Commit|PaintImage|RasterTask|CompositeLayers|UpdateLayer)/.test(name)) return 'paint';
  if (/GC|Scavenge|MarkCompact|MinorMS/.test(name)) return 'gc';
  if (/^(FunctionCall|EvaluateScript|v8\.|V8\.|RunMicrotasks|EventDispatch|TimerFire|FireAnimationFrame|HandlePostMessage|XHR|ProfileCall)/.test(name)) return 'script';
  return null;
}

/** Self time per class of the complete events of one thread inside [from, to] (microseconds). */
function selfTimes(events, from, to) {
  const inside = events.filter((e) => e.ts >= from && e.ts + e.dur <= to).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const totals = {};
  const stack = [];
  const close = (until) => {
    while (stack.length && stack.at(-1).end <= until) stack.pop();
  };
  for (const e of inside) {
    close(e.ts);
    const cls = classOf(e.name);
    // Attribute this event's time to its class and take it from the enclosing classified event.
    if (cls) {
      totals[cls] = (totals[cls] ?? 0) + e.dur;
      const parent = [...stack].reverse().find((s) => s.cls);
      if (parent) totals[parent.cls] -= e.dur;
    }
    stack.push({ end: e.ts + e.dur, cls });
  }
  return totals;
}

/**
 * The top-level tasks of a thread in [from, to]. Chromium records each task twice, as `RunTask`
 * and as `ThreadControllerImpl::RunTask` nested in it: only the outermost is kept (counting both
 * doubled the worker's busy time).
 */
function tasks(events, from, to) {
  const all = events.filter((e) => (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    && e.ts + e.dur >= from && e.ts <= to && e.dur > 0).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const outer = [];
  for (const t of all) {
    const last = outer.at(-1);
    if (last && t.ts >= last.ts && t.ts + t.dur <= last.ts + last.dur) continue;
    outer.push(t);
  }
  return outer;
}

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

/** The per-keystroke breakdown of a trace (the JSON Chromium wrote), as a flat object of ms. */
export function breakdown(trace, answerBytes) {
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const marks = events.filter((e) => e.cat?.includes('blink.user_timing') && /^key-\d+(-done)?$/.test(e.name));
  const page = marks[0] && `${marks[0].pid}:${marks[0].tid}`;
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  // The worker: the page process's dedicated worker thread with the most events.
  const workerKey = [...byThread.keys()]
    .filter((k) => /DedicatedWorker/.test(names.get(k) ?? '') && k.split(':')[0] === page?.split(':')[0])
    .sort((a, b) => byThread.get(b).length - byThread.get(a).length)[0];
  const starts = new Map();
  const rounds = [];
  for (const m of marks) {
    const [, n, done] = m.name.match(/^key-(\d+)(-done)?$/);
    if (!done) { starts.set(n, m.ts); continue; }
    const from = starts.get(n);
    if (from === undefined) continue;
    const to = m.ts;
    const pageSelf = selfTimes(byThread.get(page) ?? [], from, to);
    const workerEvents = byThread.get(workerKey) ?? [];
    const workerSelf = selfTimes(workerEvents, from, to);
    const workerTasks = tasks(workerEvents, from, to).filter((t) => t.dur > 50);
    const first = workerTasks[0];
    const pageEvents = byThread.get(page) ?? [];
    const pageTasks = tasks(pageEvents, from, to).filter((t) => t.dur > 50);
    // The answer is the worker's first message of the round (the charts, facets and preview
    // follow it, from the same worker task): the first page task after the worker started that
    // handles a message.
    const handlesMessage = (t) => pageEvents.some((e) => e.name === 'HandlePostMessage'
      && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
    const answerTask = first && pageTasks.find((t) => t.ts >= first.ts && handlesMessage(t));
    // The task the edit ran in (the editor's update, up to the query sent and the editor drawn).
    const editTask = tasks(byThread.get(page) ?? [], from - 5000, from).find((t) => t.ts <= from && t.ts + t.dur > from);
    rounds.push({
      total: (to - from) / 1000,
      page_script: (pageSelf.script ?? 0) / 1000,
      page_style: (pageSelf.style ?? 0) / 1000,
      page_layout: (pageSelf.layout ?? 0) / 1000,
      page_paint: (pageSelf.paint ?? 0) / 1000,
      page_gc: (pageSelf.gc ?? 0) / 1000,
      edit_task: editTask ? (editTask.ts + editTask.dur - from) / 1000 : NaN,
      edit_to_worker: first ? (first.ts - from) / 1000 : NaN,
      worker_busy: workerTasks.reduce((s, t) => s + t.dur, 0) / 1000,
      worker_gc: (workerSelf.gc ?? 0) / 1000,
      worker_to_answer: first && answerTask ? (answerTask.ts - first.ts) / 1000 : NaN,
      answer_task: answerTask ? answerTask.dur / 1000 : NaN,
      after_answer_task: answerTask ? (to - answerTask.ts - answerTask.dur) / 1000 : NaN,
    });
  }
  const out = { rounds: rounds.length };
  for (const key of Object.keys(rounds[0] ?? {})) out[key] = +median(rounds.map((r) => r[key])).toFixed(2);
  if (answerBytes !== undefined) out.answer_kb = +(answerBytes / 1024).toFixed(1);
  return out;
}

/** The page's own script time by function, from a V8 CPU profile (CDP `Profiler.stop`). */
function frameName({ functionName, url, lineNumber }) {
  const file = url ? url.split('/').at(-1).split('?')[0] : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
}

/**
 * Where the page's script time went during a profile (PROFILE=1): per function, its self time
 * and its total time (each sample counted once per function on its stack), in ms per
 * keystroke over `rounds`, the `top` largest of each. Idle and the garbage collector are named as
 * V8 names them (`(idle)`, `(garbage collector)`, `(program)`: the browser's own work).
 */
export function profileBreakdown(profile, rounds, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map();
  const total = new Map();
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id);
    const name = frameName(node.callFrame);
    self.set(name, (self.get(name) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const frame = frameName(byId.get(at).callFrame);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + dt);
    }
  });
  const ranked = (map) => [...map].filter(([name]) => name !== '(root)').sort((a, b) => b[1] - a[1]).slice(0, top)
    .map(([name, ms]) => ({ function: name.slice(0, 110), ms_per_key: +(ms / rounds).toFixed(2) }));
  return { self: ranked(self), total: ranked(total) };
}
