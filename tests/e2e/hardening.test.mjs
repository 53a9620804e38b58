// Hostile input and the privacy promise, on the release build: the page's Content-Security-Policy
// makes the browser itself refuse requests to other origins, and links built to freeze the tab
// (millions of empty inputs, an exponential `$or`) leave it responsive, with a notice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { deflateSync } from 'node:zlib';
import { start, openPage, screenshot, recordLongTasks } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A share link (`#v1.` + base64url of zlib-deflated JSON), as EventPen writes them. */
function link(snapshot) {
  const json = typeof snapshot === 'string' ? snapshot : JSON.stringify(snapshot);
  return `#v1.${deflateSync(Buffer.from(json), { level: 9 }).toString('base64url')}`;
}

/** `{"e":[{},{},…]}`: `n` empty event inputs. */
const emptyInputs = (n) => `{"e":[${Array(n).fill('{}').join(',')}]}`;

/** The 451-byte pattern: ten sibling fields, each a three-way `$or` (3^10 combinations). */
const OR_BOMB = `{${Array.from({ length: 10 }, (_, i) => `"o${i}":{"$or":[{"a":[1]},{"b":[1]},{"c":[1]}]}`).join(',')}}`;

/** Open `hash` with a long-task observer installed before the app starts; returns the page. */
async function openWatched(hash) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordLongTasks(context);
  return openPage(env, { context, hash });
}

/** The longest main-thread task so far, after the page had time to finish what it started. */
async function longestTask(page, label) {
  await page.waitForTimeout(1500);
  const longest = await page.evaluate(() => window.__longest);
  console.log(`${label}: longest main-thread task ${Math.round(longest)} ms`);
  return longest;
}

test('the built page carries a strict Content-Security-Policy', async () => {
  const page = await openPage(env);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const part of ["default-src 'self'", "connect-src 'none'", "'wasm-unsafe-eval'", "object-src 'none'"]) {
    assert.ok(csp.includes(part), `${part} in ${csp}`);
  }
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.ok(!/'unsafe-eval'/.test(csp), csp);
  assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp), csp);
  assert.deepEqual(page.problems, []);
});

test('the browser itself blocks a request to another origin (CSP violation, nothing arrives)', async () => {
  const arrived = [];
  const other = http.createServer((req, res) => { arrived.push(req.url); res.end('leaked'); });
  await new Promise((resolve) => other.listen(0, '127.0.0.1', resolve));
  const target = `http://127.0.0.1:${other.address().port}`;
  try {
    const page = await openPage(env);
    assert.deepEqual(page.problems, [], 'the app itself runs without a violation');
    const outcome = await page.evaluate(async (target) => {
      const violations = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
      let fetched;
      try { await fetch(`${target}/fetch?secret=1`); fetched = 'sent'; } catch (e) { fetched = `refused: ${e.name}`; }
      const image = await new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('loaded');
        img.onerror = () => resolve('refused');
        img.src = `${target}/pixel?secret=2`;
      });
      let beacon;
      try { beacon = navigator.sendBeacon(`${target}/beacon`, 'secret=3') ? 'queued' : 'refused'; } catch { beacon = 'refused'; }
      await new Promise((r) => setTimeout(r, 300));
      return { fetched, image, beacon, violations };
    }, target);
    assert.equal(outcome.fetched, 'refused: TypeError');
    assert.equal(outcome.image, 'refused');
    assert.ok(outcome.violations.some((v) => v.startsWith(`connect-src ${target}/fetch`)), outcome.violations.join('\n'));
    assert.ok(outcome.violations.some((v) => v.startsWith(`img-src ${target}/pixel`)), outcome.violations.join('\n'));
    await new Promise((r) => setTimeout(r, 300));
    assert.deepEqual(arrived, [], 'no request reached the other origin');
  } finally {
    other.close();
  }
});

test('a 10 KB link with 2,000,000 empty inputs is refused with a notice; the tab stays responsive', async () => {
  const hash = link(emptyInputs(2_000_000));
  assert.ok(hash.length < 12 * 1024, `${hash.length} bytes`);
  const page = await openWatched(hash);
  await page.getByRole('alert').filter({ hasText: /expands to more than 1\.\d MiB/ }).waitFor();
  const longest = await longestTask(page, '2,000,000 empty inputs');
  assert.ok(longest < 200, `longest main-thread task ${longest} ms`);
  assert.deepEqual(page.problems, []);
});

test('a link with 300,000 empty inputs opens the first 1,000 with a notice; the tab stays responsive', async () => {
  const page = await openWatched(link(emptyInputs(300_000)));
  await page.getByRole('status').filter({ hasText: 'This link carries 300,000 event inputs; EventPen opened the first 1,000' }).waitFor();
  const longest = await longestTask(page, '300,000 empty inputs');
  await screenshot(page, 'link-many-inputs');
  assert.ok(longest < 200, `longest main-thread task ${longest} ms`);
  assert.deepEqual(page.problems, []);
});

// Fails until the `$or` tree evaluation (crates/pattern, another branch) is merged: expanding
// the 59,049 combinations takes far longer than 200 ms in the browser.
test('a link carrying the 451-byte $or pattern leaves the tab responsive', async () => {
  assert.equal(OR_BOMB.length, 451);
  const events = Array.from({ length: 20 }, (_, i) => JSON.stringify({ source: 'my.app', 'detail-type': 'x', detail: {}, o0: { a: i } })).join('\n');
  const page = await openWatched(link({ p: OR_BOMB, e: [{ n: 'pasted text', t: events }] }));
  await page.getByRole('textbox', { name: 'Event pattern' }).waitFor();
  const longest = await longestTask(page, '$or pattern');
  assert.ok(longest < 200, `longest main-thread task ${longest} ms`);
});
