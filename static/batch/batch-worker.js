// The batch view's worker: decides a CSV file with the batch build of the WebAssembly module (`CsvBatch`,
// see src/web/batch_api.rs) a slice of rows at a time, so the page never freezes and Cancel is heard
// between slices. Nothing leaves the browser.
import init, { CsvBatch, ruleIds, batchTemplate, siteTexts } from './pkg/batch/csp_eligibility.js';

const ready = init({ module_or_path: new URL('./pkg/batch/csp_eligibility_bg.wasm', import.meta.url) });
const SLICE = 4000;
let cancelled = false;

self.onmessage = async ({ data }) => {
  if (data.type === 'cancel') {
    cancelled = true;
    return;
  }
  try {
    await ready;
  } catch (error) {
    self.postMessage({ type: 'failed', message: String(error) });
    return;
  }
  if (data.type === 'texts') {
    self.postMessage({ type: 'texts', texts: JSON.parse(siteTexts(data.lang, 'batch.,verdict.,cloud.,ui.title')), rules: JSON.parse(ruleIds()), template: batchTemplate() });
  } else if (data.type === 'decide') {
    decide(data.text, data.lang);
  }
};

async function decide(text, lang) {
  cancelled = false;
  const started = performance.now();
  let batch;
  try {
    batch = new CsvBatch(text, lang);
  } catch (problems) {
    self.postMessage({ type: 'header', problems: JSON.parse(problems) });
    return;
  }
  const parts = [];
  const labels = [];
  const problems = [];
  const output = [batch.takeOutput()];
  let rows = 0;
  for (;;) {
    const codes = batch.next(SLICE);
    if (codes.length === 0) break;
    parts.push(codes);
    rows += codes.length / 14;
    labels.push(...JSON.parse(batch.takeLabels()));
    problems.push(...JSON.parse(batch.takeProblems()));
    output.push(batch.takeOutput());
    self.postMessage({ type: 'progress', rows, fraction: batch.progress() });
    // Let a Cancel arrive.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (cancelled) {
      batch.free();
      self.postMessage({ type: 'cancelled', rows });
      return;
    }
  }
  batch.free();
  const codes = new Uint32Array(rows * 14);
  let at = 0;
  for (const part of parts) {
    codes.set(part, at);
    at += part.length;
  }
  self.postMessage({ type: 'done', codes, labels, problems, csv: output.join(''), ms: performance.now() - started }, [codes.buffer]);
}
