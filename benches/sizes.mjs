// Download size of the standalone page: gzip (level 9) and brotli (quality 11) bytes of every file the
// page loads, and the total. Usage: node benches/sizes.mjs [dist-folder]; prints a table, then JSON.
import { readFileSync, existsSync } from 'node:fs';
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
const rows = files.map((file) => {
  const bytes = readFileSync(join(dist, file));
  return {
    file,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
});
const total = rows.reduce((sum, r) => ({ raw: sum.raw + r.raw, gzip: sum.gzip + r.gzip, brotli: sum.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
for (const r of rows) console.error(`${r.file.padEnd(48)} ${String(r.raw).padStart(8)} raw ${String(r.gzip).padStart(8)} gzip ${String(r.brotli).padStart(8)} brotli`);
console.error(`${'total'.padEnd(48)} ${String(total.raw).padStart(8)} raw ${String(total.gzip).padStart(8)} gzip ${String(total.brotli).padStart(8)} brotli`);
console.log(JSON.stringify({ files: rows, total, budget_gzip: 150000, within_budget: total.gzip <= 150000 }));
