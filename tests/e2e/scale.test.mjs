// Scale: 100,000 events from a file and 10,000 by paste, with the evaluation core in the Web
// Worker. Typing stays responsive (the results follow each edit and no main-thread task while
// typing takes longer than 200 ms), and a reload restores the file's events from IndexedDB.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { start, openPage, screenshot, editorText, recordLongTasks } from './harness.mjs';

let env;
let dir;
before(async () => {
  env = await start();
  dir = mkdtempSync(path.join(os.tmpdir(), 'eventpen-scale-'));
});
after(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

const NAMES = ['RunInstances', 'TerminateInstances', 'StopInstances', 'CreateTags', 'DescribeInstances'];

/** CloudTrail record `i`: one name in five, two regions, a minute apart. */
function record(i) {
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'AssumedRole', arn: `arn:aws:sts::111122223333:assumed-role/Dev/user${i % 50}`, accountId: '111122223333' },
    eventTime: new Date(Date.UTC(2024, 4, 1) + i * 1000).toISOString().replace('.000', ''),
    eventSource: 'ec2.amazonaws.com',
    eventName: NAMES[i % NAMES.length],
    awsRegion: i % 2 ? 'eu-west-1' : 'us-east-1',
    sourceIPAddress: `198.51.100.${i % 250}`,
    requestParameters: { instancesSet: { items: [{ instanceId: `i-${i.toString(16).padStart(17, '0')}` }] } },
    eventID: `7a6b5c4d-3e2f-4a1b-9c8d-${String(i).padStart(12, '0')}`,
    readOnly: NAMES[i % NAMES.length] === 'DescribeInstances',
    eventType: 'AwsApiCall',
    recipientAccountId: '111122223333',
  };
}

const trail = (n) => JSON.stringify({ Records: Array.from({ length: n }, (_, i) => record(i)) });

/** Open the page with a long-task recorder installed before the app starts. */
async function openWatched() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  await recordLongTasks(context);
  const page = await openPage(env, { context });
  await page.getByRole('button', { name: 'Clear events' }).click();
  return page;
}

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const results = (page) => page.getByRole('region', { name: 'Results' });

/** Type a pattern key by key and check the results follow, with no long main-thread task. */
async function typeAndWatch(page, total, t) {
  await patternBox(page).fill('{"detail": {"eventName": ["RunInstances"]}}');
  await results(page).getByText(`${total / 5} of ${total} events match`).waitFor({ timeout: 60000 });
  await page.evaluate(() => { window.__longest = 0; });
  const box = patternBox(page);
  await box.press('End');
  // Turn ["RunInstances"] into ["RunInstances", "StopInstances"] one key at a time.
  for (let i = 0; i < 3; i++) await box.press('ArrowLeft');
  await box.pressSequentially(', "StopInstances"', { delay: 30 });
  await results(page).getByText(`${(2 * total) / 5} of ${total} events match`).waitFor({ timeout: 30000 });
  const longest = await page.evaluate(() => Math.round(window.__longest));
  t.diagnostic(`${total} events: longest main-thread task while typing ${longest} ms`);
  assert.ok(longest < 200, `longest main-thread task while typing: ${longest} ms`);
}

test('100,000 events from a file: progress, then typing stays responsive', async (t) => {
  const page = await openWatched();
  const file = path.join(dir, 'trail-100000.json');
  writeFileSync(file, trail(100_000));
  const started = Date.now();
  await page.getByLabel('Add event files').setInputFiles(file);
  await page.getByText('100000 events loaded', { exact: true }).waitFor({ timeout: 240000 });
  t.diagnostic(`100,000 events loaded in ${Date.now() - started} ms`);
  await typeAndWatch(page, 100_000, t);
  await screenshot(page, 'scale-100000');
  // The file went to IndexedDB after its load (never per keystroke): a reload restores it.
  await page.waitForTimeout(5000);
  await page.reload();
  await page.getByText('100000 events loaded', { exact: true }).waitFor({ timeout: 240000 });
  await results(page).getByText('40000 of 100000 events match').waitFor({ timeout: 60000 });
  assert.deepEqual(page.problems, []);
});

test('10,000 events pasted become an input of their own', async (t) => {
  const page = await openWatched();
  const text = trail(10_000);
  await page.getByRole('textbox', { name: 'Events' }).focus();
  await page.evaluate((pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    document.getElementById('events-text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
  await page.getByText('10000 events loaded', { exact: true }).waitFor({ timeout: 60000 });
  const files = page.getByRole('list', { name: 'Loaded files' });
  await files.getByText('pasted text').waitFor();
  assert.equal(await editorText(page.getByRole('textbox', { name: 'Events' })), '', 'the box stays empty');
  await typeAndWatch(page, 10_000, t);
  assert.deepEqual(page.problems, []);
});
