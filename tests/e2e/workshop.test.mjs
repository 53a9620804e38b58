// Workshops: open an example by its link, solve a challenge by editing the pattern, author a
// challenge and open its link in a fresh context, presenter view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { start, openPage, screenshot, setEditorText, editorText } from './harness.mjs';

const example = (id) => JSON.parse(readFileSync(new URL(`../../www/examples/${id}.json`, import.meta.url), 'utf8'));

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const patternBox = (page) => page.getByRole('textbox', { name: 'Event pattern' });
const challenge = (page) => page.getByRole('region', { name: /.+/ }).filter({ has: page.locator('#challenge-heading') });

test('the gallery lists the examples, each a link', async () => {
  const page = await openPage(env);
  await page.getByRole('button', { name: 'Examples' }).click();
  const dialog = page.getByRole('dialog', { name: 'Examples and challenges' });
  const links = dialog.getByRole('link');
  assert.ok(await links.count() >= 12);
  await screenshot(page, 'gallery');
  await dialog.getByRole('searchbox', { name: 'Search examples' }).fill('Lambda');
  await links.first().click();
  await page.waitForFunction(() => location.hash === '#ex=lambda-function-config-changes');
  await page.locator('#challenge-heading').waitFor();
  assert.deepEqual(page.problems, []);
});

test('solve the Lambda challenge from its link by editing the pattern', async () => {
  const page = await openPage(env, { hash: '#ex=lambda-function-config-changes' });
  const panel = challenge(page);
  await panel.waitFor();
  assert.match(await panel.textContent(), /Goal:/);
  assert.doesNotMatch(await panel.locator('.score').textContent(), /Solved/);
  await panel.getByRole('button', { name: /Show a hint/ }).click();
  await screenshot(page, 'challenge-in-progress');
  // Type the gallery's solution into the editor, as a learner who worked it out would.
  await setEditorText(patternBox(page), example('lambda-function-config-changes').solution);
  const score = panel.locator('.score');
  await score.waitFor();
  const submit = panel.getByRole('button', { name: /Submit/ });
  if (await submit.count()) await submit.click();
  await panel.getByText(/Score: (\d+) of \1 marked events right/).waitFor();
  assert.deepEqual(page.problems, []);
});

test('author a challenge and open its link in a fresh context', async () => {
  const page = await openPage(env);
  await page.getByRole('button', { name: 'Create challenge' }).click();
  await page.getByRole('textbox', { name: 'Goal' }).fill('Match launches, not terminations.');
  await page.getByRole('textbox', { name: /Hints/ }).fill('Look at detail.eventName\nUse an exact value');
  await page.getByRole('combobox', { name: 'Expected result for event 1' }).selectOption('match');
  await page.getByRole('combobox', { name: 'Expected result for event 2' }).selectOption('no-match');
  await page.getByRole('button', { name: 'Share challenge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this challenge' });
  await dialog.getByLabel(/Redact/).uncheck();
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue();
  const learner = await openPage(env, { hash: new URL(link).hash });
  const panel = challenge(learner);
  await panel.getByText('Match launches, not terminations.').waitFor();
  assert.equal(await editorText(patternBox(learner)), '', 'the solution never goes into the link');
  await setEditorText(patternBox(learner), '{"detail": {"eventName": ["RunInstances"]}}');
  await panel.getByText('Score: 2 of 2 marked events right').waitFor();
  assert.deepEqual(learner.problems, []);
});

test('presenter view: large type, summary in view', async () => {
  const page = await openPage(env, { hash: '#ex=ec2-run-instances-to-sns' });
  await page.getByRole('button', { name: 'Presenter view' }).click();
  assert.equal(await page.getByRole('button', { name: 'Presenter view' }).getAttribute('aria-pressed'), 'true');
  const size = await page.evaluate(() => getComputedStyle(document.body).fontSize);
  assert.equal(size, '18px');
  await screenshot(page, 'presenter');
  // The results summary stays on screen wherever the room scrolls.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const box = await page.locator('.summary').boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 800, `summary in view: ${JSON.stringify(box)}`);
  assert.deepEqual(page.problems, []);
});

test('every gallery example opens from its link with its events and goal', async () => {
  const dir = new URL('../../www/examples/', import.meta.url);
  const ids = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));
  assert.ok(ids.length >= 12, `${ids.length} examples`);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const id of ids) {
    const page = await openPage(env, { hash: `#ex=${id}`, context });
    const want = example(id);
    // Backtick spans in titles are drawn as code, without the backticks.
    const heading = page.locator('#challenge-heading');
    await heading.waitFor();
    assert.equal(await heading.textContent(), want.title.replaceAll('`', ''), id);
    if (want.title.includes('`')) assert.ok(await heading.locator('code').count() > 0, `${id}: code in the title`);
    await page.getByText(`${want.events.length} event${want.events.length === 1 ? '' : 's'} loaded`).waitFor();
    assert.equal(await editorText(patternBox(page)), want.start_pattern, id);
    assert.deepEqual(page.problems, [], id);
    await page.close();
  }
  await context.close();
});
