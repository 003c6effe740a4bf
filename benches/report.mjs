// The benchmark summary: native criterion results and throughput, the JS API and the page in headless
// Chromium, and download sizes, as one JSON document on stdout.
// Usage: node benches/report.mjs <base-url> <native-bench-output-file>
import { launchChromium } from '../tests/e2e/harness.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [base, nativeOutput] = process.argv.slice(2);
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
  const line = readFileSync(nativeOutput, 'utf8').split('\n').find((l) => l.startsWith('{"throughput"'));
  return { criterion: results, ...(line ? JSON.parse(line) : {}) };
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
    // From the change event to the moment the new verdict is in the DOM (observed, not polled).
    const select = document.getElementById('customer-country');
    const answer = document.getElementById('answer');
    const verdict = () => answer.querySelector('article[aria-labelledby=card-commercial] .verdict').textContent;
    const times = [];
    for (let i = 0; i < 60; i += 1) {
      const before = verdict();
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (verdict() !== before) { observer.disconnect(); resolve(performance.now()); }
        });
        observer.observe(answer, { subtree: true, childList: true, characterData: true });
      });
      const start = performance.now();
      select.value = i % 2 === 0 ? 'US' : 'FR';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      times.push((await changed) - start);
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    }
    return times;
  });
  const api = await page.evaluate(async () => {
    const pkg = await import('./pkg/browser.js');
    await pkg.init();
    const query = { api_version: 1, as_of: '2024-01-01', partner: { country: 'FR', model: 'indirect_reseller', has_partner_id: true, mpa_signed: true, provider_country: 'DE', programs: ['commercial'] }, customer: { country: 'ES', segment: 'commercial', relation: 'unrelated' } };
    for (let i = 0; i < 2000; i += 1) pkg.decide(query);
    const batches = [];
    const batch = 1000;
    for (let b = 0; b < 120; b += 1) {
      const start = performance.now();
      for (let i = 0; i < batch; i += 1) pkg.decide(query);
      batches.push(((performance.now() - start) * 1000) / batch);
    }
    return { calls: 120 * batch, batches };
  });
  await chrome.close();
  return {
    js_api_decide: { calls: api.calls, median_us_per_call: round(median(api.batches), 2), p99_us_per_call: round(percentile(api.batches, 99), 2), target_us: 20 },
    first_answer_ms: { median: round(median(firstAnswer), 1), runs: firstAnswer.map((x) => round(x, 1)), target_ms: 200 },
    rerender_after_change_ms: { median: round(median(rerender), 2), p99: round(percentile(rerender, 99), 2), changes: rerender.length, target_ms: 16 },
  };
}

const sizes = JSON.parse(execFileSync('node', [`${root}benches/sizes.mjs`, `${root}dist`], { stdio: ['ignore', 'pipe', 'ignore'] }).toString());
const summary = { native: { ...native(), target_median_us: 2 }, browser: await browser(), sizes };
writeFileSync(`${root}target/bench-summary.json`, JSON.stringify(summary, null, 2));
console.log(JSON.stringify(summary, null, 2));
