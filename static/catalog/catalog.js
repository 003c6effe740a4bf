// The rule catalog page: every rule and note of the tables (the JS API's `catalog`, from the batch
// build of the WebAssembly module), searchable, filtered by cloud and by the day it is in force,
// grouped by the clouds it applies to, each with its dates, cited section and how often it bites.
// A card's rule link opens it at `#rule-<ID>`; Back returns to the answer.
import init, { catalog, siteTexts } from './pkg/batch/csp_eligibility.js';
import { el, lang, languageSelect } from './site.js';

const CLOUDS = ['commercial', 'germany', 'us_government', 'vianet_21'];
const root = document.getElementById('catalog');

let texts = {};
/** A catalog text with its `{}` placeholders filled in order. */
function t(key, ...parts) {
  let text = texts[key] ?? key;
  for (const part of parts) text = text.replace('{}', String(part));
  return text;
}

const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
/** A day (`YYYY-MM-DD`) as the page's language writes it in a sentence. */
function day(iso) {
  const text = dates.format(new Date(iso));
  return lang === 'fr' && text.startsWith('1 ') ? `1er ${text.slice(2)}` : text;
}
/** A message with its ISO dates (`2020-02-01`) written as the page's language writes dates. */
const sentence = (text) => text.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => day(iso));
/** `label` followed by a colon as the page's language writes it (French puts a narrow space before). */
const labelled = (label) => `${label}${t('ui.colon')} `;
/** `text` lower-cased and without accents, so that "regle" finds "Règle". */
const fold = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase(lang);
const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });

/** The day before `iso` (an exclusive end, shown as the last day in force). */
function dayBefore(iso) {
  const date = new Date(iso);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

function effectiveText({ from, until }) {
  if (!from && !until) return t('catalog.always');
  return [from && t('ui.from', day(from)), until && t('ui.until', day(dayBefore(until)))].filter(Boolean).join(' ');
}

function entryView(entry) {
  const source = [entry.source_title, entry.section_heading].filter(Boolean).join(' › ');
  const kind = t(`catalog.kind_${entry.kind}`);
  const meta = [
    `${labelled(t('catalog.clouds'))}${entry.clouds.map((cloud) => t(`cloud.${cloud}`)).join(', ')}`,
    `${labelled(t('catalog.effective'))}${effectiveText(entry.effective)}`,
  ];
  const coverage = entry.coverage && entry.coverage[0] > 0
    ? el('p', { class: 'meta', title: t('catalog.coverage_counts', `${entry.coverage[0]} / ${entry.coverage[1]}`) },
      `${labelled(t('catalog.coverage'))}${t('catalog.coverage_share', percent.format(entry.coverage[1] / entry.coverage[0]))}`)
    : '';
  return el('article', { class: 'entry', id: `rule-${entry.id}`, tabindex: '-1' },
    el('h3', {}, el('code', {}, entry.id), el('span', { class: 'kind' }, kind)),
    el('p', {}, sentence(entry.message)),
    el('p', { class: 'meta' }, meta.join(' · ')),
    el('p', { class: 'meta' }, labelled(t('ui.source')), el('a', { href: entry.source_url, target: '_blank', rel: 'noopener noreferrer' }, source), ` · ${day(entry.source_date)}`),
    coverage);
}

/** The clouds a group of entries applies to, as its heading. */
function groupTitle(clouds) {
  return clouds.length === CLOUDS.length ? t('catalog.every_cloud') : clouds.map((cloud) => t(`cloud.${cloud}`)).join(', ');
}

function render(data) {
  const search = el('input', { type: 'search', id: 'catalog-search', autocomplete: 'off' });
  const cloud = el('select', { id: 'catalog-cloud' }, el('option', { value: '' }, t('ui.all_clouds')), CLOUDS.map((id) => el('option', { value: id }, t(`cloud.${id}`))));
  const onDay = el('input', { type: 'date', id: 'catalog-day' });
  const count = el('p', { class: 'count', role: 'status' });
  const list = el('div', { class: 'groups' });
  const back = el('a', { href: `./index.html?lang=${lang}`, onclick: (event) => {
    // Back to the answer the reader came from, with its query, when there is one.
    if (document.referrer.startsWith(`${location.origin}/`) && history.length > 1) {
      event.preventDefault();
      history.back();
    }
  } }, t('ui.back'));
  const language = languageSelect();

  const update = () => {
    const words = fold(search.value).split(/\s+/).filter(Boolean);
    const chosen = cloud.value;
    const when = onDay.value;
    const shown = data.entries.filter((entry) => {
      const haystack = fold([entry.id, sentence(entry.message), entry.source_title, entry.section_heading ?? ''].join(' '));
      const inForce = !when || ((!entry.effective.from || entry.effective.from <= when) && (!entry.effective.until || when < entry.effective.until));
      return words.every((word) => haystack.includes(word)) && (!chosen || entry.clouds.includes(chosen)) && inForce;
    });
    const groups = new Map();
    for (const entry of shown) {
      const key = entry.clouds.join(' ');
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(entry);
    }
    const order = [...groups.keys()].sort((a, b) => (b.split(' ').length === CLOUDS.length) - (a.split(' ').length === CLOUDS.length) || CLOUDS.indexOf(a.split(' ')[0]) - CLOUDS.indexOf(b.split(' ')[0]) || a.split(' ').length - b.split(' ').length);
    list.replaceChildren(...order.map((key) => el('section', { class: 'group' }, el('h2', {}, groupTitle(key.split(' '))), groups.get(key).map(entryView))));
    if (!shown.length) list.replaceChildren(el('p', { class: 'empty' }, t('catalog.no_match')));
    count.textContent = t('catalog.shown', shown.length, data.entries.length);
  };
  for (const control of [search, cloud, onDay]) control.addEventListener('input', update);

  const sourceMap = el('section', { class: 'source-map', 'aria-labelledby': 'source-map-title' },
    el('h2', { id: 'source-map-title' }, t('catalog.source_map')),
    el('p', { class: 'intro' }, t('catalog.source_map_intro')),
    data.sources.map((source) => {
      const sections = data.source_map.filter((section) => section.document === source.id);
      const title = data.entries.find((entry) => entry.citation.split('#')[0] === source.id)?.source_title ?? source.title;
      return el('details', {}, el('summary', {}, `${title} · ${day(source.version_date)}`),
        el('ul', {}, sections.map((section) => el('li', {},
          `${section.section ? section.heading ?? section.section : t('catalog.whole_page')} — `,
          section.cited_by.length ? section.cited_by.map((id, i) => [i ? ', ' : '', el('a', { href: `#rule-${id}` }, id)]) : el('span', { class: 'muted' }, t('catalog.source_map_uncited'))))));
    }));

  root.replaceChildren(
    el('div', { class: 'top' }, el('h1', {}, t('ui.catalog')), el('p', { class: 'lang' }, back, language)),
    el('p', { class: 'intro' }, t('catalog.catalog_intro'), ' ', el('a', { href: './decision-matrix.md', class: 'decision-matrix' }, t('catalog.decision_matrix'))),
    el('div', { class: 'catalog-controls', role: 'search' },
      el('label', { class: 'search', for: 'catalog-search' }, t('catalog.search'), search),
      el('label', { for: 'catalog-cloud' }, t('ui.cloud'), cloud),
      el('label', { for: 'catalog-day' }, t('catalog.in_force_on'), onDay)),
    count,
    list,
    el('p', { class: 'coverage-plain' }, t('catalog.coverage_plain')),
    sourceMap);
  update();
  root.setAttribute('aria-busy', 'false');
  showTarget();
}

/** Brings the rule the address names into view and focus, showing it whatever the filters hide. */
function showTarget() {
  const target = location.hash.startsWith('#rule-') && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  document.querySelectorAll('.entry.focused').forEach((entry) => entry.classList.remove('focused'));
  target.classList.add('focused');
  target.focus();
  target.scrollIntoView({ block: 'start' });
}
window.addEventListener('hashchange', showTarget);

try {
  await init({ module_or_path: new URL('./pkg/batch/csp_eligibility_bg.wasm', import.meta.url) });
  texts = JSON.parse(siteTexts(lang, 'catalog.,cloud.,ui.catalog,ui.back,ui.source,ui.from,ui.until,ui.all_clouds,ui.cloud,ui.colon'));
  document.title = t('ui.catalog');
  render(catalog(lang));
} catch (error) {
  root.replaceChildren(el('p', { class: 'header-problems', role: 'alert' }, String(error)));
  root.setAttribute('aria-busy', 'false');
}
