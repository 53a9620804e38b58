// The app loads from dist/, renders its regions, and nothing goes wrong or leaves the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('renders the shell with no console error and no outside request', async () => {
  const page = await openPage(env);
  for (const name of ['Events', 'Event pattern', 'Results']) {
    await page.getByRole('region', { name }).waitFor();
  }
  assert.match(await page.locator('footer').textContent(), /never leave this page/);
  await screenshot(page, 'smoke-1280');
  assert.deepEqual(page.problems, []);
});
