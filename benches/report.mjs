// The benchmark summary: native criterion results and throughput, the JS API and the page in headless
// Chromium, and download sizes, as one JSON document on stdout.
// Usage: node benches/report.mjs <base-url> <native-bench-output-file> <release-binary>
import { launchChromium } from '../tests/e2e/harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [base, nativeOutput, binary] = process.argv.slice(2);
const root = fileURLToPath(new URL('../', import.meta.url));
const median = (values) => { const s = [...values].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const percentile = (values, p) => { const s = [...values].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const round = (x, digits = 3) => Number(x.toFixed(digits));

function native() {
  const results = {};
  const criterion = `${root}target/criterion`;
  for (const name of existsSync(criterion) ? readdirSync(criterion) : []) {
    const dir = `${criterion}/${name}/new`;
    if (!existsSync(`${dir}/estimates.json`)) continue;
    const estimates = JSON.parse(readFileSync(`${dir}/estimates.json`, 'utf8'));
    const sample = JSON.parse(readFileSync(`${dir}/sample.json`, 'utf8'));
    const perIteration = sample.times.map((t, i) => t / sample.iters[i]);
    results[name] = { median_us: round(estimates.median.point_estimate / 1000), p99_us: round(percentile(perIteration, 99) / 1000) };
  }
  const lines = readFileSync(nativeOutput, 'utf8').split('\n');
  const line = lines.find((l) => l.startsWith('{"throughput"'));
  const spread = lines.find((l) => l.startsWith('{"nearest_generated"'));
  return { criterion: results, ...(line ? JSON.parse(line) : {}), ...(spread ? JSON.parse(spread) : {}) };
}

async function browser() {
  const chrome = await launchChromium();
  const page = await chrome.newPage();
  const query = 'api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=en';
  const firstAnswer = [];
  for (let run = 0; run < 5; run += 1) {
    await page.goto(`${base}/index.html?${query}`);
    await page.waitForSelector('.card');
    firstAnswer.push(await page.evaluate(() => performance.getEntriesByName('csp-eligibility:first-answer')[0]?.startTime ?? NaN));
  }
  const rerender = await page.evaluate(async () => {
    // From picking a country in the customer's combobox (Enter on the best match) to the moment the new
    // verdict is in the DOM (observed, not polled).
    const input = document.getElementById('customer-country');
    const answer = document.getElementById('answer');
    const verdict = () => answer.querySelector('article[aria-labelledby=card-commercial] .verdict').textContent;
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const times = [];
    for (let i = 0; i < 60; i += 1) {
      input.focus();
      input.value = i % 2 === 0 ? 'United States' : 'France';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await frame();
      const before = verdict();
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (verdict() !== before) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(answer, { subtree: true, childList: true, characterData: true });
      });
      const start = performance.now();
      input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      times.push((await changed) - start);
      await frame();
    }
    return times;
  });
  // The same timing function as in Node, sent as source text.
  const api = await page.evaluate(`(async () => {
    const pkg = await import('./pkg/browser.js');
    await pkg.init();
    return (${jsApiTimings.toString()})(pkg, ${JSON.stringify(benchQueries())}, () => performance.now());
  })()`);
  const batch = await batchView(chrome);
  await chrome.close();
  return {
    js_api: { ...api, targets: { full_us: 10, verdicts_us: 2, decide_many_verdicts_per_second: 1000000 } },
    batch_view: batch,
    first_answer_ms: { median: round(median(firstAnswer), 1), runs: firstAnswer.map((x) => round(x, 1)), target_ms: 200 },
    rerender_after_change_ms: { median: round(median(rerender), 2), p99: round(percentile(rerender, 99), 2), changes: rerender.length, target_ms: 16 },
  };
}

/** The anchor benchmark's kind of queries: the README scenarios' queries, the valid ones (decisions) and the others (errors). */
function benchQueries() {
  const queries = JSON.parse(readFileSync(`${root}tests/e2e/scenarios.json`, 'utf8')).map((scenario) => scenario.query);
  return { valid: queries.filter((query) => nodePkg.validate(query) === null), invalid: queries.filter((query) => nodePkg.validate(query) !== null) };
}

/**
 * Times the package's API (runs in Node and, as source text, in the browser): `decide` in full and with
 * `{ detail: 'verdicts' }`, one valid query per call in rotation (median of 40 batches of 500 calls, µs
 * per call), `decideMany` of 10 000 valid queries with verdicts (decisions per second, best of 5), and
 * `decide` of the invalid ones (the problem-collecting path).
 */
function jsApiTimings(pkg, { valid: queries, invalid }, now) {
  const med = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const perCall = (options, asked = queries) => {
    for (let i = 0; i < 3000; i += 1) pkg.decide(asked[i % asked.length], options);
    const batches = [];
    for (let b = 0; b < 40; b += 1) {
      const start = now();
      for (let i = 0; i < 500; i += 1) pkg.decide(asked[i % asked.length], options);
      batches.push(((now() - start) * 1000) / 500);
    }
    return Number(med(batches).toFixed(2));
  };
  const many = Array.from({ length: 10000 }, (_, i) => queries[i % queries.length]);
  let best = Infinity;
  for (let run = 0; run < 5; run += 1) {
    const start = now();
    pkg.decideMany(many, { detail: 'verdicts' });
    best = Math.min(best, now() - start);
  }
  return {
    queries: queries.length,
    decide_full_us: perCall(undefined),
    decide_verdicts_us: perCall({ detail: 'verdicts' }),
    decide_many_verdicts_per_second: Math.round(many.length / (best / 1000)),
    decide_invalid_us: perCall(undefined, invalid),
  };
}

/** The batch view with 100 000 rows: from Decide to the summary on screen, and frame times while the table scrolls. */
async function batchView(chrome) {
  const page = await chrome.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${base}/batch.html?lang=en`);
  await page.waitForSelector('#file');
  const template = readFileSync(`${root}data/batch-template.csv`, 'utf8').trim().split('\n');
  const rows = [template[0]];
  for (let i = 0; rows.length <= 100000; i += 1) rows.push(template[1 + (i % (template.length - 1))]);
  // Through the file input, as a user picks a file (choosing it starts the decision).
  await page.setInputFiles('#file', { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForSelector('#summary', { timeout: 120000 });
  const summaryMs = await page.evaluate(() => performance.getEntriesByName('csp-eligibility:batch-summary')[0].duration);
  const frames = await page.evaluate(async () => {
    const scroller = document.getElementById('rows');
    const times = [];
    let last = await new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 240; i += 1) {
      scroller.scrollTop += 240;
      const time = await new Promise((resolve) => requestAnimationFrame(resolve));
      times.push(time - last);
      last = time;
    }
    return times;
  });
  await page.close();
  return {
    rows: 100000,
    summary_ms: round(summaryMs, 1),
    target_summary_ms: 2000,
    scroll_frame_ms: { median: round(median(frames), 2), p95: round(percentile(frames, 95), 2), frames: frames.length },
    target_frame_ms: 16.7,
  };
}

/** The command line on 1 000 000 generated rows (the template's questions with varied countries and days), CSV in to CSV out. */
function cliBatch() {
  const file = `${root}target/bench-batch.csv`;
  const template = readFileSync(`${root}data/batch-template.csv`, 'utf8').trim().split('\n');
  const countries = ['FR', 'DE', 'ES', 'US', 'GB', 'CH', 'TR', 'JP', 'BR', 'IN', 'CN', 'IT', 'NL', 'PL', 'CA', 'AU'];
  const lines = [template[0]];
  for (let i = 0; i < 1000000; i += 1) {
    const cells = template[1 + (i % 5)].split(',');
    cells[10] = countries[(i * 7) % countries.length];
    cells[2] = `20${16 + (i % 11)}-0${1 + (i % 9)}-1${i % 10}`;
    lines.push(cells.join(','));
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
  const runs = [];
  for (let run = 0; run < 3; run += 1) {
    const start = process.hrtime.bigint();
    execFileSync(binary, ['batch', file], { stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
    runs.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const best = Math.min(...runs);
  return { rows: 1000000, bytes: statSync(file).size, best_seconds: round(best, 3), rows_per_second: Math.round(1000000 / best), target_rows_per_second: 1000000 };
}

const nodePkg = await import(`${root}pkg/node.js`);
const node = { js_api: jsApiTimings(nodePkg, benchQueries(), () => performance.now()) };
const sizes = JSON.parse(execFileSync('node', [`${root}benches/sizes.mjs`, `${root}dist`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
const summary = { native: { ...native(), target_median_us: 2, cli_batch: cliBatch() }, node, browser: await browser(), sizes };
writeFileSync(`${root}target/bench-summary.json`, JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
