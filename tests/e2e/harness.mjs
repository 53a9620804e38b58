// Shared end-to-end harness: serve the built dist/ on a free loopback port with Python's
// http.server, launch Debian's Chromium through playwright-core, and record every console error,
// page error, failed response and request to another origin (nothing may leave the page).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const DIST = path.resolve(process.env.DIST ?? 'dist');
export const SHOTS = path.resolve(process.env.SHOTS ?? 'target/screenshots');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function waitForPort(port, ms = 10000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise((r) => {
      const c = net.connect(port, '127.0.0.1', () => { c.end(); r(true); });
      c.on('error', () => r(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`port ${port} never opened`);
}

/** Start the server and the browser; returns { base, browser, close }. */
export async function start() {
  let server;
  let base = process.env.BASE_URL;
  if (!base) {
    const port = await freePort();
    server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', DIST],
      { stdio: 'ignore' });
    await waitForPort(port);
    base = `http://127.0.0.1:${port}/`;
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return {
    base,
    browser,
    async close() { await browser.close(); server?.kill(); },
  };
}

/** A new page (fresh context) that records problems in `page.problems`. */
export async function openPage(env, { width = 1280, height = 800, hash = '', context } = {}) {
  const ctx = context ?? await env.browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  const origin = new URL(env.base).origin;
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e}`));
  page.on('console', (m) => { if (m.type() === 'error') page.problems.push(`console: ${m.text()}`); });
  page.on('response', (r) => { if (r.status() >= 400) page.problems.push(`${r.status()} ${r.url()}`); });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
      page.problems.push(`request left the page: ${url}`);
    }
  });
  await page.goto(env.base + hash);
  await page.getByRole('heading', { name: 'EventPen', level: 1 }).waitFor({ timeout: 20000 });
  return page;
}

/**
 * Record the longest main-thread task (PerformanceObserver `longtask`) of every page `context`
 * opens, from before the app starts, into `window.__longest`.
 */
export async function recordLongTasks(context) {
  await context.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** Save a full-page screenshot under target/screenshots/NAME.png, once the worker has answered. */
export async function screenshot(page, name) {
  mkdirSync(SHOTS, { recursive: true });
  // A page just opened shows "Loading…" until the worker's first answer: picture the answer.
  await page.getByText('Loading…', { exact: true }).first().waitFor({ state: 'hidden', timeout: 20000 });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Replace the whole text of a code editor (a textbox locator: 'Event pattern', 'Events') the way
 * a paste does, through the editor's own input path, so the app sees an ordinary user edit.
 * Works for the CodeMirror editor and for a plain text area.
 */
export async function setEditorText(box, text) {
  await box.evaluate((el, value) => {
    if (el.cmView) {
      const view = el.cmView;
      view.focus();
      view.dispatch({
        changes: { from: 0, to: view.state.doc.length, insert: value },
        selection: { anchor: value.length },
        userEvent: 'input.paste',
        scrollIntoView: true,
      });
    } else {
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
    }
  }, text);
}

/** The whole text of a code editor (CodeMirror or a plain text area). */
export async function editorText(box) {
  return box.evaluate((el) => (el.cmView ? el.cmView.state.doc.toString() : el.value));
}
