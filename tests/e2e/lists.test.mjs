// Lists that scale: at 100,000 generated events (eventpen-gen, the repo's generator) the results
// and the loaded events are virtualised lists. Scrolling to the end shows the last event's row
// (aria-posinset = aria-setsize = the exact total), End / Home / arrows / Page Down move the focus
// through all rows, the rows in the DOM stay few, and the counts stay exact. Screenshots at
// 1280x800 and 390x844, light and dark, each with an axe-core scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, openPage, SHOTS, setEditorText } from './harness.mjs';

const TOTAL = 100_000;
let env;
let dir;
let file;
before(async () => {
  env = await start();
  dir = mkdtempSync(path.join(os.tmpdir(), 'eventpen-lists-'));
  file = path.join(dir, `trail-${TOTAL}.json`);
  // EVENTPEN_GEN names a built generator; else cargo builds and runs the workspace's own.
  const args = ['--events', String(TOTAL), '--format', 'cloudtrail', '-o', file];
  if (process.env.EVENTPEN_GEN) execFileSync(process.env.EVENTPEN_GEN, args);
  else execFileSync('cargo', ['run', '--quiet', '-p', 'eventpen-gen', '--', ...args], { stdio: 'inherit' });
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

const results = (page) => page.getByRole('region', { name: 'Results' });
const resultList = (page) => results(page).getByRole('list', { name: 'Result list' });
const eventList = (page) => page.getByRole('list', { name: 'Loaded events' });

/** The scroll box of a list (the list's parent). */
const scrollToEnd = (list) => list.evaluate((ul) => { ul.parentElement.scrollTop = ul.parentElement.scrollHeight; });

/** The focused row: its aria-posinset and its first button's text. */
const focusedRow = (page) => page.evaluate(() => {
  const row = document.activeElement?.closest('li[aria-posinset]');
  return row && { at: Number(row.getAttribute('aria-posinset')), text: row.querySelector('button')?.textContent ?? '' };
});

/** Wait until the focused row is row `at`, arrived (its button focused). */
async function focusIs(page, at) {
  try {
    await page.waitForFunction((want) => {
      const row = document.activeElement?.closest('li[aria-posinset]');
      return row?.getAttribute('aria-posinset') === String(want) && document.activeElement.tagName === 'BUTTON';
    }, at, { timeout: 20000 });
  } catch (e) {
    const seen = await page.evaluate(() => ({
      focused: `${document.activeElement?.tagName} ${document.activeElement?.textContent?.slice(0, 40)}`,
      rows: [...document.querySelectorAll('.vlist > ul')].map((ul) => [...ul.children].map((li) => li.getAttribute('aria-posinset')).join(',')),
    }));
    throw new Error(`focus never reached row ${at}: ${JSON.stringify(seen)}`);
  }
}

/** Rows in the DOM of each virtualised list, and every element of the page. */
const domCounts = (page) => page.evaluate(() => ({
  nodes: document.getElementsByTagName('*').length,
  lists: [...document.querySelectorAll('.vlist > ul')].map((ul) => ul.children.length),
}));

async function loaded(page) {
  await page.getByRole('button', { name: 'Clear events' }).click();
  await page.getByLabel('Add event files').setInputFiles(file);
  await page.getByText(`${TOTAL} events loaded`, { exact: true }).waitFor({ timeout: 240000 });
}

test('100,000 events: results and events scroll to the end, keys move through all rows, the DOM stays small', async (t) => {
  const page = await openPage(env);
  await loaded(page);
  await setEditorText(page.getByRole('textbox', { name: 'Event pattern' }), '{"detail": {"eventName": ["Decrypt"]}}');
  const summary = results(page).locator('p.summary');
  await summary.getByText(/ of 100000 events match/).waitFor({ timeout: 60000 });
  // The count of this pattern (not of a partial one): the same in two reads a second apart.
  const count = async () => Number((await summary.textContent()).match(/(\d+) of 100000/)[1]);
  let matched = await count();
  for (let before = -1; before !== matched; matched = await count()) {
    before = matched;
    await page.waitForTimeout(1000);
  }
  assert.ok(matched > 0 && matched < TOTAL, `some events match: ${matched}`);

  // All rows: the list says the exact total; scrolled to the end it shows event #100000.
  const list = resultList(page);
  await list.getByRole('listitem').first().waitFor();
  assert.equal(await list.getByRole('listitem').first().getAttribute('aria-setsize'), String(TOTAL));
  await scrollToEnd(list);
  const last = list.locator(`li[aria-posinset="${TOTAL}"]`);
  await last.getByRole('button', { name: new RegExp(`#${TOTAL} `) }).waitFor({ timeout: 20000 });
  assert.equal(await last.getAttribute('aria-setsize'), String(TOTAL));

  // Keys: Home goes to the first row, End to the last, arrows and Page Down step, all focused.
  await last.getByRole('button', { name: new RegExp(`#${TOTAL} `) }).focus();
  await page.keyboard.press('Home');
  await focusIs(page, 1);
  assert.match((await focusedRow(page)).text, /#1 /);
  await page.keyboard.press('ArrowDown');
  await focusIs(page, 2);
  await page.keyboard.press('PageDown');
  const paged = (await focusedRow(page)).at;
  assert.ok(paged > 3, `Page Down moved a screenful: row ${paged}`);
  await page.keyboard.press('End');
  await focusIs(page, TOTAL);
  await page.keyboard.press('ArrowUp');
  await focusIs(page, TOTAL - 1);
  assert.match((await focusedRow(page)).text, new RegExp(`#${TOTAL - 1} `));

  // Not matched: the exact count of rows, the last one reachable by End.
  await results(page).getByRole('button', { name: /^Not matched \(/ }).click();
  await list.locator(`li[aria-setsize="${TOTAL - matched}"]`).first().waitFor({ timeout: 20000 });
  await list.getByRole('button', { name: /^Not matched #/ }).first().focus();
  await page.keyboard.press('End');
  await focusIs(page, TOTAL - matched);
  assert.match((await focusedRow(page)).text, /^Not matched\s*#/);
  assert.equal(await summary.locator('strong').textContent(), `${matched} of ${TOTAL} events match`);

  // The loaded events: the same list, scrolled to its end.
  const events = eventList(page);
  assert.equal(await events.getByRole('listitem').first().getAttribute('aria-setsize'), String(TOTAL));
  await scrollToEnd(events);
  await events.getByRole('button', { name: new RegExp(`^#${TOTAL} `) }).waitFor({ timeout: 20000 });

  const counts = await domCounts(page);
  t.diagnostic(`100,000 events: ${counts.nodes} elements on the page, rows per list ${counts.lists.join(', ')}`);
  for (const rows of counts.lists) assert.ok(rows <= 60, `a list holds ${rows} rows`);
  assert.equal(await page.getByRole('button', { name: /^Show more/ }).count(), 0, 'no Show more button');
  assert.deepEqual(page.problems, []);
});

// Serious or critical axe-core violations: none on the whole page, an open event's tree and the
// code editors included.
async function axe(page, label) {
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact))
      .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
  assert.deepEqual(found, [], `axe, ${label}`);
}

test('virtualised lists: screenshots at 1280x800 and 390x844, light and dark, axe clean', async () => {
  for (const [width, height] of [[1280, 800], [390, 844]]) {
    for (const scheme of ['light', 'dark']) {
      const context = await env.browser.newContext({ viewport: { width, height }, colorScheme: scheme, bypassCSP: true });
      const page = await openPage(env, { context });
      await loaded(page);
      await setEditorText(page.getByRole('textbox', { name: 'Event pattern' }), '{"detail": {"eventName": ["Decrypt"]}}');
      await results(page).locator('p.summary').getByText(/ of 100000 events match/).waitFor({ timeout: 60000 });
      // Open one event in the middle of the list: a row taller than the rest.
      const events = eventList(page);
      await events.evaluate((ul) => { ul.parentElement.scrollTop = 1000; });
      await page.waitForTimeout(1000); // the rows drawn are measured, the list settles
      await events.locator('li:not([data-placeholder]) button.event-head').nth(3).click();
      await events.getByRole('button', { name: /add to the pattern/ }).first().waitFor();
      await resultList(page).evaluate((ul) => { ul.parentElement.scrollTop = 40000; });
      await resultList(page).locator('li:not([data-placeholder]) button').first().waitFor();
      const name = `lists-${width}-${scheme}`;
      await page.locator('.events-pane').screenshot({ path: path.join(SHOTS, `${name}-events.png`) });
      await page.locator('.results-pane').screenshot({ path: path.join(SHOTS, `${name}-results.png`) });
      await axe(page, name);
      assert.deepEqual(page.problems, []);
      await context.close();
    }
  }
});
