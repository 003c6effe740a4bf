// The batch view: a CSV file in (chosen or pasted), decided in a worker (batch-worker.js), a summary per
// cloud and verdict, a filterable table that draws only the rows in view, and the results as a CSV file.
// Texts come from the package's message catalog in the page's language.

import { el, lang, languageSelect } from './site.js';

const CLOUDS = ['commercial', 'germany', 'us_government', 'vianet_21'];
const VERDICTS = ['allowed', 'denied', 'needs_action', 'unknown'];
const FIELDS_PER_ROW = 14;
const ROW_HEIGHT = 36;


const worker = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
const root = document.getElementById('batch');
let texts = {};
let rules = [];
let template = '';
let fileName = 'batch';

/** A catalog text with its `{}` placeholders filled in order. */
function t(key, ...parts) {
  let text = texts[key] ?? key;
  for (const part of parts) text = text.replace('{}', String(part));
  return text;
}

const number = new Intl.NumberFormat(lang);

worker.onmessage = ({ data }) => {
  if (data.type === 'texts') {
    ({ texts, rules, template } = data);
    render();
  } else if (data.type === 'progress') {
    ui.progress.value = data.fraction;
    ui.status.textContent = t('batch.progress', number.format(data.rows));
  } else if (data.type === 'cancelled') {
    running(false);
    ui.status.textContent = t('batch.cancelled', number.format(data.rows));
  } else if (data.type === 'header') {
    running(false);
    ui.status.textContent = '';
    ui.headerProblems.replaceChildren(el('p', {}, t('batch.header_problems')), el('ul', {}, data.problems.map((p) => el('li', {}, `${p.column ? `${t('batch.line')} ${p.line}, ${p.field}: ` : ''}${p.message}`))));
    ui.headerProblems.hidden = false;
    ui.headerProblems.focus();
  } else if (data.type === 'done') {
    running(false);
    show(data);
  } else if (data.type === 'failed') {
    running(false);
    ui.status.textContent = data.message;
  }
};
worker.postMessage({ type: 'texts', lang });

const ui = {};

function render() {
  document.title = `${t('batch.title')} — ${t('ui.title')}`;
  ui.file = el('input', { type: 'file', id: 'file', accept: '.csv,text/csv', onchange: () => { fileName = ui.file.files[0]?.name.replace(/\.csv$/i, '') ?? 'batch'; decide(); } });
  ui.paste = el('textarea', { id: 'paste', rows: 5, spellcheck: 'false', placeholder: template.split('\n').slice(0, 2).join('\n') });
  ui.decide = el('button', { type: 'button', id: 'decide', onclick: () => decide() }, t('batch.decide'));
  ui.cancel = el('button', { type: 'button', id: 'cancel', class: 'secondary', hidden: true, onclick: () => worker.postMessage({ type: 'cancel' }) }, t('batch.cancel'));
  ui.progress = el('progress', { id: 'progress', max: 1, value: 0, hidden: true, 'aria-label': t('batch.progress', '') });
  ui.status = el('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
  ui.headerProblems = el('div', { id: 'header-problems', class: 'header-problems', role: 'alert', tabindex: '-1', hidden: true });
  ui.results = el('section', { id: 'results', 'aria-labelledby': 'summary-title', hidden: true });
  const templateLink = el('a', { id: 'template', href: URL.createObjectURL(new Blob([template], { type: 'text/csv' })), download: 'csp-eligibility-template.csv' }, t('batch.template'));
  const language = languageSelect();
  root.replaceChildren(
    el('div', { class: 'top' }, el('h1', {}, t('batch.title')), el('p', { class: 'lang' }, el('a', { href: `./index.html?lang=${lang}` }, t('batch.back')), language)),
    el('p', { class: 'intro' }, t('batch.intro')),
    el('p', { class: 'private' }, t('batch.private')),
    el('div', { class: 'input' },
      el('label', { for: 'file' }, t('batch.file')), ui.file,
      el('label', { for: 'paste' }, t('batch.paste')), ui.paste,
      el('div', { class: 'actions' }, ui.decide, ui.cancel, templateLink)),
    el('div', { class: 'actions' }, ui.progress), ui.status, ui.headerProblems, ui.results,
  );
  root.removeAttribute('aria-busy');
}

function running(on) {
  ui.decide.disabled = on;
  ui.file.disabled = on;
  ui.cancel.hidden = !on;
  ui.progress.hidden = !on;
  root.setAttribute('aria-busy', String(on));
}

async function decide() {
  const file = ui.file.files[0];
  const text = ui.paste.value.trim() ? ui.paste.value : file ? await file.text() : '';
  if (!text) return;
  if (ui.paste.value.trim()) {
    fileName = 'batch';
    // A long text kept in the box slows every frame of the page (the results hold it anyway).
    if (text.length > 100000) ui.paste.value = '';
  }
  ui.headerProblems.hidden = true;
  ui.results.hidden = true;
  ui.progress.value = 0;
  performance.mark('csp-eligibility:batch-start');
  running(true);
  worker.postMessage({ type: 'decide', text, lang });
}

function show(data) {
  const { codes, labels, csv } = data;
  const count = codes.length / FIELDS_PER_ROW;
  const problemsByLine = new Map();
  for (const problem of data.problems) {
    const where = problem.column ? `${problem.field}: ` : '';
    problemsByLine.set(problem.line, [...(problemsByLine.get(problem.line) ?? []), `${where}${problem.message}`]);
  }
  // Counts per cloud and verdict.
  const counts = CLOUDS.map(() => [0, 0, 0, 0]);
  let bad = 0;
  for (let row = 0; row < count; row += 1) {
    const at = row * FIELDS_PER_ROW;
    if (codes[at + 1]) { bad += 1; continue; }
    for (let cloud = 0; cloud < 4; cloud += 1) counts[cloud][codes[at + 2 + cloud * 3]] += 1;
  }
  const decided = count - bad;
  const chart = el('div', { class: 'chart', id: 'chart' }, CLOUDS.map((cloud, c) => [
    el('span', {}, t(`cloud.${cloud}`)),
    el('div', { class: 'bar', role: 'img', 'aria-label': `${t(`cloud.${cloud}`)}: ${VERDICTS.map((v, i) => `${t(`verdict.${v}`)} ${counts[c][i]}`).join(', ')}` },
      VERDICTS.map((verdict, v) => counts[c][v] === 0 ? [] : el('span', { class: `v-${verdict}`, style: { width: `${(100 * counts[c][v]) / Math.max(1, decided)}%` }, title: `${t(`verdict.${verdict}`)}: ${counts[c][v]}` }, number.format(counts[c][v])))),
  ]));
  const legend = el('p', { class: 'legend' }, VERDICTS.map((verdict) => el('span', { class: `v-${verdict}` }, t(`verdict.${verdict}`))));
  const summaryLine = el('p', { id: 'summary' }, t('batch.rows', number.format(count), number.format(bad), (data.ms / 1000).toFixed(2)));
  // Filters and the table.
  const cloudFilter = el('select', { id: 'filter-cloud' }, el('option', { value: '' }, t('batch.any')), CLOUDS.map((cloud) => el('option', { value: cloud }, t(`cloud.${cloud}`))));
  const verdictFilter = el('select', { id: 'filter-verdict' }, el('option', { value: '' }, t('batch.any')), VERDICTS.map((verdict) => el('option', { value: verdict }, t(`verdict.${verdict}`))), el('option', { value: 'problems' }, t('batch.problems')));
  const download = el('a', { id: 'download', href: URL.createObjectURL(new Blob([csv], { type: 'text/csv' })), download: `${fileName}-decided.csv` }, t('batch.download'));
  const scroller = el('div', { class: 'scroller', id: 'rows', tabindex: '0', role: 'rowgroup' });
  const spacer = el('div', { class: 'spacer' });
  const empty = el('p', { class: 'empty', hidden: true }, t('batch.no_rows'));
  scroller.append(spacer);
  const head = el('div', { class: 'head', role: 'row' }, [t('batch.line'), t('batch.row'), ...CLOUDS.map((cloud) => t(`cloud.${cloud}`)), t('batch.problems')].map((name) => el('span', { role: 'columnheader' }, name)));
  let shown = [];
  const filter = () => {
    const cloud = CLOUDS.indexOf(cloudFilter.value);
    const wanted = verdictFilter.value;
    const verdict = VERDICTS.indexOf(wanted);
    shown = [];
    for (let row = 0; row < count; row += 1) {
      const at = row * FIELDS_PER_ROW;
      const isBad = codes[at + 1] === 1;
      if (wanted === 'problems') { if (isBad) shown.push(row); continue; }
      if (!wanted) { shown.push(row); continue; }
      if (isBad) continue;
      const matches = cloud >= 0 ? codes[at + 2 + cloud * 3] === verdict : [0, 1, 2, 3].some((c) => codes[at + 2 + c * 3] === verdict);
      if (matches) shown.push(row);
    }
    spacer.style.height = `${shown.length * ROW_HEIGHT}px`;
    scroller.style.height = `min(60vh, ${Math.max(1, shown.length) * ROW_HEIGHT + 2}px)`;
    empty.hidden = shown.length > 0;
    scroller.scrollTop = 0;
    draw();
  };
  const cell = (row, cloud) => {
    const at = row * FIELDS_PER_ROW + 2 + cloud * 3;
    const verdict = VERDICTS[codes[at]];
    const deciding = [codes[at + 1], codes[at + 2]].filter(Boolean).map((rule) => rules[rule - 1]).join(' ');
    return el('span', { role: 'cell', class: `v-${verdict}`, title: deciding }, t(`verdict.${verdict}`), deciding ? el('small', {}, deciding) : []);
  };
  // Only the rows in view (and a few around them) are in the DOM.
  let drawn = '';
  const draw = () => {
    const first = Math.max(0, Math.floor(scroller.scrollTop / ROW_HEIGHT) - 5);
    const last = Math.min(shown.length, first + Math.ceil(scroller.clientHeight / ROW_HEIGHT) + 10);
    const key = `${first}:${last}:${shown.length}`;
    if (key === drawn) return;
    drawn = key;
    const nodes = [];
    for (let i = first; i < last; i += 1) {
      const row = shown[i];
      const at = row * FIELDS_PER_ROW;
      const line = codes[at];
      const isBad = codes[at + 1] === 1;
      nodes.push(el('div', { class: 'row', role: 'row', style: { transform: `translateY(${i * ROW_HEIGHT}px)` }, 'data-line': line },
        el('span', { role: 'cell' }, String(line)),
        el('span', { role: 'cell', title: labels[row] }, labels[row]),
        isBad ? CLOUDS.map(() => el('span', { role: 'cell' })) : CLOUDS.map((_, c) => cell(row, c)),
        el('span', { role: 'cell', class: 'bad', title: (problemsByLine.get(line) ?? []).join('\n') }, (problemsByLine.get(line) ?? []).join('; '))));
    }
    spacer.replaceChildren(...nodes);
  };
  let frame = 0;
  scroller.addEventListener('scroll', () => { if (!frame) frame = requestAnimationFrame(() => { frame = 0; draw(); }); }, { passive: true });
  cloudFilter.addEventListener('change', filter);
  verdictFilter.addEventListener('change', filter);
  ui.results.replaceChildren(
    el('h2', { id: 'summary-title' }, t('batch.summary')), summaryLine, legend, chart,
    el('div', { class: 'filters' },
      el('label', { for: 'filter-cloud' }, t('batch.filter_cloud')), cloudFilter,
      el('label', { for: 'filter-verdict' }, t('batch.filter_verdict')), verdictFilter, download),
    el('div', { class: 'table hscroll', role: 'table', 'aria-label': t('batch.summary'), 'aria-rowcount': String(count + 1) }, el('div', { class: 'wide' }, head, scroller, empty)),
  );
  ui.results.hidden = false;
  ui.status.textContent = '';
  filter();
  performance.measure('csp-eligibility:batch-summary', 'csp-eligibility:batch-start');
  summaryLine.setAttribute('tabindex', '-1');
  summaryLine.focus();
}
