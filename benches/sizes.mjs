// Download size of the standalone page: gzip (level 9) and brotli (quality 11) bytes of every file the
// page loads, and the total. The text comes as language packs loaded for the language shown: the answer's
// pack before the first render, so the first view in a language is the total plus that pack (the budget
// holds for the largest); the later pack (the notes, collapsed on the cards, and the catalog's text) after the first answer.
// Usage: node benches/sizes.mjs [dist-folder]; prints a table, then JSON.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';

const dist = process.argv[2] || 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
// Attribute values may be quoted or not (trunk's release HTML is minified).
const referenced = [...html.matchAll(/(?:href|src)=["']?\.?\/?([^"'#?\s>]+)/g)].map((m) => m[1]).filter((f) => existsSync(join(dist, f)));
const files = ['index.html', ...new Set(referenced)];
for (const file of [...files]) {
  const text = readFileSync(join(dist, file), 'utf8');
  for (const m of text.matchAll(/['"]\.?\/?([\w.-]+\.(?:js|wasm))['"]/g)) {
    if (!files.includes(m[1]) && existsSync(join(dist, m[1]))) files.push(m[1]);
  }
}
const measure = (file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const rows = files.map(measure);
const packs = existsSync(join(dist, 'lang')) ? readdirSync(join(dist, 'lang')).sort().map((name) => measure(`lang/${name}`)) : [];
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
const line = (name, r) => `${name.padEnd(48)} ${String(r.raw).padStart(8)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`;
for (const r of rows) console.error(line(r.file, r));
console.error(line('total, before its language pack', total));
const firstViews = {};
for (const pack of packs) {
  const lang = pack.file.replace(/^lang\//, '').split('-')[0];
  if (pack.file.includes('-later-')) {
    console.error(line(`${pack.file} (after the first answer)`, pack));
    continue;
  }
  firstViews[lang] = total.gzip + pack.gzip;
  console.error(line(`${pack.file} (one per language)`, pack));
  console.error(`${`first view in ${lang}`.padEnd(48)} ${String(firstViews[lang]).padStart(21)} gzip`);
}
const largest = Math.max(...Object.values(firstViews));
console.log(JSON.stringify({ files: rows, packs, total, first_view_gzip: firstViews, budget_gzip: 150000, within_budget: largest <= 150000 }));
