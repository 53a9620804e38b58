// The charts as a user meets them: the walkthrough's two events plus a generated day of
// CloudTrail, the timeline (range selected by mouse and by keyboard, results and facets follow),
// the breakdown (a click excludes a value: the pattern and the counts change, "+0 / −N" shows),
// screenshots at 1280x800, 390x844, dark and presenter view, and an axe-core scan of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, openPage, screenshot, SHOTS, setEditorText, editorText } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const NAMES = ['RunInstances', 'DescribeInstances', 'StopInstances'];
const REGIONS = ['us-east-1', 'eu-west-1', 'eu-west-1', 'ap-southeast-2'];
const USERS = ['alice', 'bob', 'carol'];

/** Minute `i` of 2024-05-01 (UTC): one record, in a mix a real account could show. */
function record(i) {
  const role = i % 5 === 0;
  return {
    eventVersion: '1.09',
    userIdentity: role
      ? { type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/Deployer/ci', accountId: '111122223333',
        sessionContext: { sessionIssuer: { type: 'Role', userName: 'Deployer', arn: 'arn:aws:iam::111122223333:role/Deployer' } } }
      : { type: 'IAMUser', userName: USERS[i % 3], accountId: '111122223333', arn: `arn:aws:iam::111122223333:user/${USERS[i % 3]}` },
    eventTime: new Date(Date.UTC(2024, 4, 1, 0, i)).toISOString().replace('.000', ''),
    eventSource: 'ec2.amazonaws.com', eventName: NAMES[i % 3], awsRegion: REGIONS[i % 4],
    sourceIPAddress: `198.51.100.${i % 7}`, userAgent: 'aws-cli/2.15.0',
    ...(i % 11 === 0 ? { errorCode: 'Client.UnauthorizedOperation', errorMessage: 'denied' } : {}),
    requestParameters: null, responseElements: null,
    eventID: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    readOnly: NAMES[i % 3] === 'DescribeInstances', eventType: 'AwsApiCall', managementEvent: true,
    recipientAccountId: '111122223333', eventCategory: 'Management',
  };
}
const DAY = Array.from({ length: 1440 }, (_, i) => record(i));
const TOTAL = DAY.length + 2;
// The walkthrough rule matches RunInstances: every third minute, and the walkthrough's own record.
const runs = (from, to) => DAY.slice(from, to).filter((r) => r.eventName === 'RunInstances');
const MATCHED = runs(0, 1440).length + 1;
const USEAST_RUNS = runs(0, 1440).filter((r) => r.awsRegion === 'us-east-1').length;

const results = (page) => page.getByRole('region', { name: 'Results' });
const timeline = (page) => page.getByRole('region', { name: 'Timeline' });
const breakdown = (page) => page.getByRole('region', { name: 'Breakdown of matches' });
const plot = (page) => page.getByRole('group', { name: /^Timeline of events per hour/ });
const summary = (page) => results(page).locator('p.summary');
const facetsSummary = (page) => page.getByRole('region', { name: 'Fields and values' }).locator('.facet-summary');

async function withDay(options) {
  const page = await openPage(env, options);
  await results(page).getByText('1 of 2 events match').waitFor();
  // The walkthrough's events are samples, which a file replaces: written over, they are the
  // user's own and stay beside the day.
  const events = page.getByRole('textbox', { name: 'Events' });
  await setEditorText(events, `${await editorText(events)}\n`);
  await page.getByLabel('Add event files').setInputFiles({
    name: 'day.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ Records: DAY })),
  });
  await results(page).getByText(`${MATCHED} of ${TOTAL} events match`).waitFor();
  await timeline(page).waitFor();
  return page;
}

// Serious or critical axe-core violations on the page: none, in the charts or elsewhere.

async function axe(page, label) {
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)).flatMap((v) => v.nodes.map((n) => ({
      id: v.id, impact: v.impact, target: n.target.join(' '),
      inCharts: document.querySelector(n.target.join(' '))?.closest('.charts') != null,
    })));
  });
  const inCharts = found.filter((f) => f.inCharts).map((f) => `${f.id} (${f.impact}): ${f.target}`);
  assert.deepEqual(inCharts, [], `axe on the charts, ${label}`);
  const elsewhere = found.filter((f) => !f.inCharts).map((f) => `${f.id}: ${f.target}`);
  assert.deepEqual(elsewhere, [], `axe on the page, ${label}`);
  assert.ok(await page.locator('.charts').count() > 0, 'the charts were on the page scanned');
}

test('timeline: a range selected by mouse, then by keyboard, filters results and facets', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: 'Europe/Paris' });
  const page = await withDay({ context });
  // Local axis (Paris is UTC+2 in May): the first hour bucket reads 02:00; the table has UTC too.
  assert.match(await timeline(page).locator('.timeline-axis').textContent(), /^May 1 02:00/);
  assert.match(await timeline(page).textContent(), /Europe\/Paris/);
  await facetsSummary(page).getByText(`in ${TOTAL} events`).waitFor();

  // Drag across the first quarter of the day (hours 0–5: 24 buckets over the plot's width).
  const box = await plot(page).locator('svg').boundingBox();
  const x = (hour) => box.x + (hour + 0.5) / 24 * box.width;
  await page.mouse.move(x(0), box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(x(3), box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(x(5), box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await summary(page).getByText(`${runs(0, 360).length} of 360 events match`).waitFor();
  assert.match(await summary(page).textContent(), new RegExp(`in the selected time range \\(${MATCHED} of ${TOTAL} in all\\)`));
  await facetsSummary(page).getByText('in 360 events').waitFor();
  await breakdown(page).getByText(`top values of the ${runs(0, 360).length} matched events in the selected time range`).waitFor();
  await timeline(page).getByRole('button', { name: 'Clear range' }).click();
  await summary(page).getByText(`${MATCHED} of ${TOTAL} events match`).waitFor();

  // Keyboard: Home, Enter picks the first hour; Shift+ArrowRight twice widens it to three.
  await plot(page).focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('Enter');
  await summary(page).getByText(`${runs(0, 60).length} of 60 events match`).waitFor();
  await facetsSummary(page).getByText('in 60 events').waitFor();
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await summary(page).getByText(`${runs(0, 180).length} of 180 events match`).waitFor();
  assert.match(await timeline(page).getByRole('status').textContent(), /^Selected May 1 02:00 – 05:00 \(local time\): 180 events/);
  await page.keyboard.press('Escape');
  await summary(page).getByText(`${MATCHED} of ${TOTAL} events match`).waitFor();
  await facetsSummary(page).getByText(`in ${TOTAL} events`).waitFor();
  assert.deepEqual(page.problems, []);
  await context.close();
});

test('breakdown: excluding a region changes the pattern and the counts, and the timeline says by how much', async () => {
  const page = await withDay();
  const regions = breakdown(page).getByRole('table', { name: /^region/ });
  assert.match(await regions.getByRole('row', { name: /us-east-1/ }).textContent(), new RegExp(`us-east-1${USEAST_RUNS}`));
  await breakdown(page).getByRole('button', { name: 'Exclude region us-east-1' }).click();
  const pattern = await editorText(page.getByRole('textbox', { name: 'Event pattern' }));
  assert.deepEqual(JSON.parse(pattern).region, [{ 'anything-but': ['us-east-1'] }]);
  await summary(page).getByText(`${MATCHED - USEAST_RUNS} of ${TOTAL} events match`).waitFor();
  assert.equal(await timeline(page).locator('.change-badge').textContent(), `+0 / −${USEAST_RUNS}`);
  // One undo step puts the rule back.
  await page.getByRole('textbox', { name: 'Event pattern' }).press('Control+z');
  await summary(page).getByText(`${MATCHED} of ${TOTAL} events match`).waitFor();
  // "Only" keeps a single principal: the role behind the assumed-role sessions.
  await breakdown(page).getByRole('button', { name: 'Only principal Deployer' }).click();
  const only = JSON.parse(await editorText(page.getByRole('textbox', { name: 'Event pattern' })));
  assert.deepEqual(only.detail.userIdentity, { sessionContext: { sessionIssuer: { userName: ['Deployer'] } } });
  await summary(page).getByText(`${runs(0, 1440).filter((r) => r.userIdentity.type === 'AssumedRole').length} of ${TOTAL} events match`).waitFor();
  assert.deepEqual(page.problems, []);
});

test('charts switch off and on; one event without a time; screenshots and axe in light, dark and presenter view', async () => {
  for (const [name, width, height] of [['charts-1280', 1280, 800], ['charts-390', 390, 844]]) {
    // The page's Content-Security-Policy blocks inline scripts; the test injects axe-core
    // (a test tool, not part of the page), so this context alone bypasses the CSP.
    const context = await env.browser.newContext({ viewport: { width, height }, bypassCSP: true });
    const page = await withDay({ context });
    await axe(page, name);
    // The charts alone (the full page is many screens of results).
    const charts = async (shot) => page.locator('.charts').screenshot({ path: `${SHOTS}/${shot}.png` });
    await screenshot(page, name);
    await charts(`${name}-charts`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await axe(page, `${name} dark`);
    await charts(`${name}-charts-dark`);
    await page.getByRole('button', { name: 'Presenter view' }).click();
    await axe(page, `${name} presenter dark`);
    await page.emulateMedia({ colorScheme: 'light' });
    await axe(page, `${name} presenter`);
    await charts(`${name}-charts-presenter`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
  const page = await withDay();
  await page.getByRole('button', { name: 'Charts' }).click();
  await timeline(page).waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Charts' }).click();
  await timeline(page).waitFor();
  // A single event with no time: no timeline, an explanation instead.
  await page.getByRole('button', { name: 'Clear events' }).click();
  await setEditorText(page.getByRole('textbox', { name: 'Events' }), '{"source": "aws.ec2", "detail-type": "x", "detail": {}}');
  await setEditorText(page.getByRole('textbox', { name: 'Event pattern' }), '{"source": ["aws.ec2"]}');
  await timeline(page).getByText('No event has a readable time').waitFor();
  await breakdown(page).getByText('top values of the 1 matched event', { exact: true }).waitFor();
  await screenshot(page, 'charts-no-time');
  assert.deepEqual(page.problems, []);
});

test('backtest results: a report loads and draws its matches per day and top values', async () => {
  const page = await openPage(env);
  await results(page).getByText('1 of 2 events match').waitFor();
  await page.getByLabel('Load backtest results').setInputFiles('tests/e2e/backtest-sample.json');
  const report = page.getByRole('region', { name: 'Backtest results' });
  await report.getByText('backtest-sample.json: 1830 matches in 1250000 records').waitFor();
  const days = report.getByRole('region', { name: 'Backtest timeline' });
  assert.match(await days.locator('.chart-summary').textContent(), /^1830 matches between .* Busiest day: .*736 matches\./);
  await days.getByText('Timeline as a table').click();
  const table = days.getByRole('table', { name: 'Events per day' });
  assert.equal(await table.locator('tbody tr').count(), 7);
  const top = report.getByRole('region', { name: 'Backtest breakdown' });
  assert.match(await top.getByRole('row', { name: /us-east-1/ }).textContent(), /us-east-11400/);
  assert.equal(await top.getByRole('table', { name: /^errorCode/ }).count(), 0);
  await top.getByRole('button', { name: 'Exclude region us-east-1' }).click();
  const pattern = JSON.parse(await editorText(page.getByRole('textbox', { name: 'Event pattern' })));
  assert.deepEqual(pattern.region, [{ 'anything-but': ['us-east-1'] }]);
  await screenshot(page, 'charts-backtest');
  // A file that is not a report says so.
  await page.getByLabel('Load backtest results').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[1]') });
  await page.getByRole('alert').getByText('x.json: a backtest report is a JSON object at the top level').waitFor();
  assert.deepEqual(page.problems, []);
});
