// In-browser benchmark: keystroke-to-results time with 100 / 1,000 / 10,000 loaded CloudTrail
// events. Not a test (it asserts nothing about speed); run with `make bench-app` after `make dist`.
// For each size it loads generated CloudTrail records through the file picker, then alternates
// the pattern between two texts with different match counts, timing from the input event to the
// results summary changing (MutationObserver) plus the next animation frame (the paint).
import { start, openPage } from './harness.mjs';

const SIZES = (process.env.SIZES ?? '100,1000,10000').split(',').map(Number);
const ROUNDS = Number(process.env.ROUNDS ?? 15);
// The charts (timeline + breakdown) on and off, measured on the same loaded events.
const CHARTS = (process.env.CHARTS ?? 'on,off').split(',');
const NAMES = ['RunInstances', 'TerminateInstances', 'StopInstances', 'CreateTags', 'AttachVolume'];

function record(i) {
  const name = NAMES[i % NAMES.length];
  return {
    eventVersion: '1.09',
    userIdentity: { type: 'AssumedRole', principalId: `AROAEXAMPLE:${i}`, arn: `arn:aws:sts::111122223333:assumed-role/Dev/user${i % 50}`, accountId: '111122223333', accessKeyId: `ASIAEXAMPLE${String(i).padStart(8, '0')}` },
    eventTime: new Date(Date.UTC(2024, 4, 1, 12, 0, i % 60)).toISOString().replace('.000', ''),
    eventSource: 'ec2.amazonaws.com', eventName: name, awsRegion: i % 3 ? 'eu-west-1' : 'us-east-1',
    sourceIPAddress: `198.51.100.${i % 250}`, userAgent: 'aws-cli/2.15.0 Python/3.11.6 Linux/6.1',
    requestParameters: { instancesSet: { items: [{ imageId: 'ami-0abcdef1234567890', minCount: 1, maxCount: 1, instanceType: i % 7 ? 't3.micro' : 'm5.large' }] } },
    responseElements: { requestId: `req-${i}`, instancesSet: { items: [{ instanceId: `i-${i.toString(16).padStart(17, '0')}`, currentState: { code: 0, name: 'pending' } }] } },
    requestID: `0f5d4e3c-2b1a-4c9d-8e7f-${String(i).padStart(12, '0')}`, eventID: `7a6b5c4d-3e2f-4a1b-9c8d-${String(i).padStart(12, '0')}`,
    readOnly: false, eventType: 'AwsApiCall', managementEvent: true, recipientAccountId: '111122223333', eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: 'ec2.eu-west-1.amazonaws.com' },
  };
}

const PATTERNS = [
  '{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances"]}}',
  '{"source": ["aws.ec2"], "detail": {"eventName": ["RunInstances", "StopInstances"]}}',
];

const env = await start();
const rows = [];
try {
  for (const size of SIZES) {
    const page = await openPage(env);
    await page.getByRole('button', { name: 'Clear events' }).click();
    const text = { Records: Array.from({ length: size }, (_, i) => record(i)) };
    const loadStart = Date.now();
    await page.getByLabel('Add event files').setInputFiles({ name: `trail-${size}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(text)) });
    await page.getByText(`${size} events loaded`).waitFor({ timeout: 120000 });
    const loadMs = Date.now() - loadStart;
    console.error(`loaded ${size} events in ${loadMs} ms`);
    for (const charts of CHARTS) {
      const toggle = page.getByRole('button', { name: 'Charts', exact: true });
      if ((await toggle.getAttribute('aria-pressed')) !== String(charts === 'on')) await toggle.click();
      const times = await page.evaluate(async ({ patterns, rounds }) => {
        const area = document.getElementById('pattern-text');
        // The CodeMirror editor takes the text as a user edit (its own input path, then the
        // app's on_change); a plain text area (older builds) through its input event.
        const setText = (text) => {
          const view = area.cmView;
          if (view) {
            view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, userEvent: 'input.type' });
          } else {
            area.value = text;
            area.dispatchEvent(new InputEvent('input', { bubbles: true }));
          }
        };
        const summary = () => document.querySelector('.summary');
        const out = [];
        // Start from the second pattern so that every round changes the summary.
        setText(patterns[1]);
        await new Promise((r) => setTimeout(r, 500));
        for (let r = 0; r < rounds; r++) {
          const next = patterns[r % 2];
          const before = summary()?.textContent;
          const done = new Promise((resolve) => {
            const obs = new MutationObserver(() => {
              if (summary()?.textContent !== before) { obs.disconnect(); requestAnimationFrame(() => resolve(performance.now())); }
            });
            obs.observe(document.body, { subtree: true, childList: true, characterData: true });
            setTimeout(() => { obs.disconnect(); resolve(NaN); }, 20000);
          });
          const t0 = performance.now();
          setText(next);
          out.push((await done) - t0);
          await new Promise((r) => setTimeout(r, 30));
        }
        return out;
      }, { patterns: PATTERNS, rounds: ROUNDS });
      times.sort((a, b) => a - b);
      const median = times[Math.floor(times.length / 2)];
      const p90 = times[Math.floor(times.length * 0.9)];
      rows.push({ events: size, charts, load_ms: loadMs, keystroke_median_ms: +median.toFixed(1), keystroke_p90_ms: +p90.toFixed(1), max_ms: +times.at(-1).toFixed(1) });
    }
    if (page.problems.length) console.error('problems:', page.problems);
    await page.context().close();
  }
} finally {
  await env.close();
}
console.table(rows);
