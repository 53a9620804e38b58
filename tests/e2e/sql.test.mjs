// The Export panel's SQL tab: the pattern as Athena, CloudTrail Lake and DuckDB queries, each
// copyable, found by role and accessible name as a user finds them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, openPage, screenshot } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

for (const [width, height] of [[1280, 800], [390, 844]]) {
  test(`the SQL tab shows a query per dialect (${width}x${height})`, async () => {
    const page = await openPage(env, { width, height });
    const exportRegion = page.getByRole('region', { name: 'Export' });
    const tab = exportRegion.getByRole('tab', { name: 'SQL' });
    await tab.click();
    assert.equal(await tab.getAttribute('aria-selected'), 'true');
    const panel = exportRegion.getByRole('tabpanel');
    for (const [title, from] of [
      ['Athena (CloudTrail table) SQL', 'FROM cloudtrail_logs'],
      ['CloudTrail Lake SQL', 'FROM EVENT_DATA_STORE_ID'],
      ['DuckDB (log files) SQL', "read_json('AWSLogs/**/*.json.gz'"],
    ]) {
      const text = await panel.getByLabel(title, { exact: true }).textContent();
      assert.ok(text.includes(from), `${title} reads ${from}`);
      assert.ok(text.includes('GROUP BY 1, 2'), `${title} counts per day and eventName`);
      await panel.getByRole('button', { name: `Copy ${title}` }).waitFor();
    }
    await tab.scrollIntoViewIfNeeded();
    await screenshot(page, `export-sql-${width}`);
    assert.deepEqual(page.problems, []);
  });
}
