// In-browser benchmark (`make bench-app`, after `make dist`): for 1,000 / 10,000 / 100,000 /
// 200,000 generated CloudTrail events (eventpen-gen, the repo's generator) it measures
// - load: the file picked (its change event) → "N events loaded" on screen (MutationObserver), its
//   time and MB/s (MB = 10^6 bytes), and the longest main-thread task meanwhile (PerformanceObserver
//   `longtask`);
// - keystroke → results: the pattern alternated between two texts with different match counts
//   (each edit changes only the part that differs, as typing does), timed from the edit to the
//   results summary changing (MutationObserver) plus the next animation frame's callback (the
//   frame that draws them; its paint comes after the callback); median, p90 and the longest
//   main-thread task while typing; and `painted`, to the first task after that frame (its
//   paint and commit done: the results on screen but for the compositor). The keystrokes fall at points
//   spread evenly over a frame, as a user's do (PHASE=start puts each just after a frame starts,
//   as earlier versions of this bench did);
// - keystroke → charts (charts on): the same, to the timeline's summary changing (the charts
//   follow the results);
// - memory: the worker's WebAssembly memory (reported with every answer), the page's wasm memory
//   and its JS heap (`performance.memory`).
// Not a test: it asserts nothing about speed. SIZES, ROUNDS and CHARTS (on,off) are settable.
// TRACE=1 (TRACE_DIR=dir to keep the raw traces) also records a Chromium trace of the typing rounds and prints, per size and charts
// setting, where a keystroke's time goes (trace-breakdown.mjs: page script/style/layout/paint,
// the worker's busy time, the message hops, the answer's size). PROFILE=1 records a V8 CPU
// profile of the page's main thread over the typing rounds and prints the functions that took
// its script time (self and total, ms per keystroke; PROFILE_TOP=n lists more; build with names
// to see wasm functions). TIMES=1 prints every round's time, sorted: each is the wait for a frame
// after the work, so a keystroke's figure is its work plus up to a frame (16.7 ms at 60 Hz).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, openPage, recordLongTasks } from './harness.mjs';
import { CATEGORIES, breakdown, profileBreakdown } from './trace-breakdown.mjs';

const SIZES = (process.env.SIZES ?? '1000,10000,100000,200000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
const CHARTS = (process.env.CHARTS ?? 'on').split(',');
const GEN = process.env.EVENTPEN_GEN ?? 'eventpen-gen';
const TRACE = Boolean(process.env.TRACE);
const PROFILE = Boolean(process.env.PROFILE);
const PHASE = process.env.PHASE ?? 'spread';

// Two patterns with different match counts on the generated trail (so every round changes the
// summary): KMS decrypts, then decrypts and STS role assumptions.
const PATTERNS = [
  '{"detail": {"eventName": ["Decrypt"]}}',
  '{"detail": {"eventName": ["Decrypt", "AssumeRole"]}}',
];

/** Install the long-task recorder and the page-wasm handle before the app starts. */
async function instrument(context) {
  await recordLongTasks(context);
  await context.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__pageWasm = e.detail.wasm; });
    // The size of the worker's last answer to a query (its JSON text, or its bytes), for the
    // trace mode: not the replies that follow it (the preview, the facets).
    const Native = window.Worker;
    window.Worker = class extends Native {
      constructor(...args) {
        super(...args);
        this.addEventListener('message', (e) => {
          const data = e.data ?? {};
          if (data.json !== undefined && !data.json.startsWith('{"Answer"')) return;
          window.__replyBytes = data.json?.length ?? data.bytes?.byteLength ?? 0;
        });
      }
    };
  });
}

/**
 * Time a load in the page: from the file input's change event (the user's pick) to the mutation
 * that shows HEADING ("N events loaded"). Playwright's own wait polls every 500 ms after its
 * first tries, so timing around it would round a load up by as much as half a second.
 */
const watchLoad = (page, heading) => page.evaluate((heading) => {
  window.__loadStart = NaN;
  window.__loadDone = NaN;
  document.addEventListener('change', (e) => {
    if (e.target.type === 'file') window.__loadStart = performance.now();
  }, { capture: true, once: true });
  const shown = () => [...document.querySelectorAll('h3')].some((h) => h.textContent === heading);
  const obs = new MutationObserver(() => {
    if (shown()) { window.__loadDone = performance.now(); obs.disconnect(); }
  });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true });
}, heading);

const resetLongest = (page) => page.evaluate(() => { window.__longest = 0; });
const longest = (page) => page.evaluate(() => Math.round(window.__longest));

async function typeRounds(page) {
  return page.evaluate(async ({ patterns, rounds, spread }) => {
    const area = document.getElementById('pattern-text');
    // The CodeMirror editor takes the text as a user edit (its own input path, then the app's
    // on_change); a plain text area (older builds) through its input event.
    const setText = (text) => {
      const view = area.cmView;
      if (view) {
        // Only the part that differs, as a keystroke or a pasted word changes it (replacing the
        // whole text made the editor redraw every line, which typing never does).
        const old = view.state.doc.toString();
        let from = 0;
        while (from < old.length && from < text.length && old[from] === text[from]) from++;
        let tail = 0;
        while (tail < old.length - from && tail < text.length - from
          && old[old.length - 1 - tail] === text[text.length - 1 - tail]) tail++;
        const insert = text.slice(from, text.length - tail);
        view.dispatch({ changes: { from, to: old.length - tail, insert }, userEvent: 'input.type' });
      } else {
        area.value = text;
        area.dispatchEvent(new InputEvent('input', { bubbles: true }));
      }
    };
    const summary = () => document.querySelector('.summary');
    // A user types into a focused editor. Unfocused, CodeMirror reads the page's selection on
    // every update (it does not own it), which forces a style and layout pass: about 4 ms per
    // edit that a typing user never pays.
    area.cmView?.focus();
    setText(patterns[1]);
    await new Promise((r) => setTimeout(r, 1000));
    window.__longest = 0;
    // When the text of what `find` returns changes: the next frame's callback (before that
    // frame's paint), and the first task after that frame (painted and committed): a
    // user-blocking task posted from the frame callback runs after the frame's rendering and
    // before the page's own timers and messages queued meanwhile.
    const afterFrame = (f) => (globalThis.scheduler?.postTask
      ? scheduler.postTask(f, { priority: 'user-blocking' }) : setTimeout(f, 0));
    const changed = (find) => {
      const before = find()?.textContent;
      return new Promise((resolve) => {
        const obs = new MutationObserver(() => {
          if (find()?.textContent === before) return;
          obs.disconnect();
          requestAnimationFrame(() => {
            const frame = performance.now();
            afterFrame(() => resolve({ frame, painted: performance.now() }));
          });
        });
        obs.observe(document.body, { subtree: true, childList: true, characterData: true });
        setTimeout(() => { obs.disconnect(); resolve({ frame: NaN, painted: NaN }); }, 30000);
      });
    };
    // The charts follow the results (the worker counts them after posting the results, the
    // page draws them after the results' paint): their own figure, from the timeline's summary.
    const timeline = () => document.querySelector('.timeline .chart-summary');
    const out = { results: [], painted: [], charts: [] };
    for (let r = 0; r < rounds; r++) {
      const next = patterns[r % 2];
      const done = changed(summary);
      const charted = timeline() ? changed(timeline) : Promise.resolve({ frame: NaN });
      performance.mark(`key-${r}`);
      const t0 = performance.now();
      setText(next);
      const results = await done;
      out.results.push(results.frame - t0);
      out.painted.push(results.painted - t0);
      performance.mark(`key-${r}-done`);
      out.charts.push((await charted).frame - t0);
      await new Promise((r) => setTimeout(r, 50));
      // The next keystroke at a point of the frame: spread evenly over it (a user's keys come at
      // any point of a frame), or just after a frame starts (PHASE=start: the most time to be
      // drawn in that frame, and then the figure reads about 16 ms however fast the work was).
      const offset = spread ? (((r + 1) * 0.6180339887) % 1) * 16 : 0;
      if (spread) await new Promise((res) => requestAnimationFrame(() => setTimeout(res, offset)));
    }
    return out;
  }, { patterns: PATTERNS, rounds: ROUNDS, spread: PHASE === 'spread' });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'eventpen-bench-'));
const env = await start();
const rows = [];
const traces = [];
try {
  for (const size of SIZES) {
    const file = path.join(dir, `trail-${size}.json`);
    execFileSync(GEN, ['--events', String(size), '--format', 'cloudtrail', '-o', file]);
    // MB = 10^6 bytes, the unit of the "≥ 100 MB/s" (earlier versions of this bench
    // divided by 2^20 and printed MiB under the same names: 4.9% lower).
    const megabytes = statSync(file).size / 1e6;
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await instrument(context);
    const page = await openPage(env, { context });
    await page.getByRole('button', { name: 'Clear events' }).click();
    await page.waitForTimeout(500);
    await resetLongest(page);
    await watchLoad(page, `${size} events loaded`);
    await page.getByLabel('Add event files').setInputFiles(file);
    // Waited for in the page (its observer), not by polling the page's text from outside: that
    // polling runs on the page's main thread too, and its tasks would count as the load's.
    await page.waitForFunction(() => !Number.isNaN(window.__loadDone), null, { timeout: 600000 });
    const loadMs = await page.evaluate(() => window.__loadDone - window.__loadStart);
    // The first render of the loaded events (style, layout, paint) comes in the tasks after the
    // heading's: count them as the load's too.
    await page.waitForTimeout(1000);
    const loadLongest = await longest(page);
    for (const charts of CHARTS) {
      const toggle = page.getByRole('button', { name: 'Charts', exact: true });
      if ((await toggle.getAttribute('aria-pressed')) !== String(charts === 'on')) await toggle.click();
      if (TRACE) await env.browser.startTracing(page, { categories: CATEGORIES });
      const cdp = PROFILE ? await context.newCDPSession(page) : null;
      if (cdp) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
      }
      const typed = await typeRounds(page);
      const times = typed.results.sort((a, b) => a - b);
      const paintedTimes = typed.painted.sort((a, b) => a - b);
      const chartTimes = typed.charts.filter((t) => !Number.isNaN(t)).sort((a, b) => a - b);
      if (process.env.TIMES) {
        console.error(`times ${size} ${charts}:`, times.map((t) => t.toFixed(1)).join(' '));
        if (chartTimes.length) console.error(`charts ${size} ${charts}:`, chartTimes.map((t) => t.toFixed(1)).join(' '));
      }
      if (cdp) {
        const { profile } = await cdp.send('Profiler.stop');
        if (process.env.TRACE_DIR) writeFileSync(path.join(process.env.TRACE_DIR, `profile-${size}-${charts}.cpuprofile`), JSON.stringify(profile));
        const { self, total } = profileBreakdown(profile, ROUNDS, Number(process.env.PROFILE_TOP ?? 25));
        console.error(`page CPU profile, ${size} events, charts ${charts}: self`);
        console.table(self);
        console.error('total (inclusive)');
        console.table(total);
        await cdp.detach();
      }
      if (TRACE) {
        const raw = await env.browser.stopTracing();
        if (process.env.TRACE_DIR) writeFileSync(path.join(process.env.TRACE_DIR, `trace-${size}-${charts}.json`), raw);
        const trace = JSON.parse(raw.toString());
        const bytes = await page.evaluate(() => window.__replyBytes);
        traces.push({ events: size, charts, ...breakdown(trace, bytes) });
        console.error(JSON.stringify(traces.at(-1)));
      }
      const typingLongest = await longest(page);
      const memory = await page.evaluate(() => ({
        worker: window.eventpenWorkerMemory ?? NaN,
        page: window.__pageWasm?.memory?.buffer?.byteLength ?? NaN,
        js: performance.memory?.usedJSHeapSize ?? NaN,
      }));
      const mb = (bytes) => +(bytes / 1e6).toFixed(0);
      rows.push({
        events: size,
        input_mb: +megabytes.toFixed(1),
        phase: PHASE,
        charts,
        load_s: +(loadMs / 1000).toFixed(2),
        load_mb_s: +(megabytes / (loadMs / 1000)).toFixed(1),
        load_longest_task_ms: loadLongest,
        key_median_ms: +times[Math.floor(times.length / 2)].toFixed(1),
        key_p90_ms: +times[Math.floor(times.length * 0.9)].toFixed(1),
        painted_median_ms: +paintedTimes[Math.floor(paintedTimes.length / 2)].toFixed(1),
        charts_median_ms: chartTimes.length ? +chartTimes[Math.floor(chartTimes.length / 2)].toFixed(1) : '-',
        typing_longest_task_ms: typingLongest,
        worker_wasm_mb: mb(memory.worker),
        page_wasm_mb: mb(memory.page),
        js_heap_mb: mb(memory.js),
      });
      console.error(JSON.stringify(rows.at(-1)));
    }
    if (page.problems.length) console.error('problems:', page.problems);
    await context.close();
    rmSync(file);
  }
} finally {
  await env.close();
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
if (TRACE) console.table(traces);
