// The package as integrators install it: `npm pack` of the built package, installed into fresh projects
// made of README "Embedding"'s code blocks, built with each bundler command the README shows (Vite,
// webpack 5, esbuild, default configurations), loaded in Debian's Chromium under the README's
// Content-Security-Policy; the README's Node consumer run; its TypeScript consumer compiled with
// `tsc --strict` for Node and for bundlers. Usage: node tests/consumers/run.mjs <package folder>
import { check, finish, launchChromium } from '../e2e/harness.mjs';
import { execFileSync, execSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = resolve(process.argv[2] ?? `${root}pkg`);
const work = `${root}target/consumers`;
const tools = `${root}node_modules/.bin`;


/** README "Embedding"'s fenced blocks whose info string names a file or a bundler: `js main.js`, `sh vite`. */
function readmeBlocks() {
  const readme = readFileSync(`${root}README.md`, 'utf8');
  const section = readme.slice(readme.indexOf('\n## Embedding'), readme.indexOf('\n## ', readme.indexOf('\n## Embedding') + 4));
  const blocks = new Map();
  for (const [, , name, body] of section.matchAll(/```(\w+) ([\w.]+)\n([\s\S]*?)```/g)) blocks.set(name, body);
  return blocks;
}

const blocks = readmeBlocks();
const block = (name) => {
  assert.ok(blocks.has(name), `README "Embedding" has a block named ${name}`);
  return blocks.get(name);
};
const policy = readFileSync(`${root}README.md`, 'utf8').match(/Content-Security-Policy: (.+)/)[1];

/** Runs a README shell command in `cwd`, `npx` resolved to the project's pinned tools. */
function shell(command, cwd) {
  execSync(command.replaceAll('npx ', ''), { cwd, stdio: 'pipe', env: { ...process.env, PATH: `${tools}:${process.env.PATH}` } });
}

/** A fresh project holding `files`, with the packed tarball installed. */
function project(name, files, tarball) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${name}`, private: true, type: 'module' }, null, 2));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--offline', tarball], { cwd: dir, stdio: 'pipe' });
  return dir;
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** Serves `dir` on a free port with the README's policy; resolves to its address. */
function serve(dir) {
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url, 'http://x').pathname));
    const file = path.endsWith('/') ? join(path, 'index.html') : path;
    try {
      const body = readFileSync(file);
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': policy });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done({ server, url: `http://127.0.0.1:${server.address().port}/` })));
}

mkdirSync(work, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', pkg, '--json', '--pack-destination', work], { encoding: 'utf8' }))[0];
const tarball = join(work, packed.filename);

await check('npm pack: only the entries, their builds, types, README and LICENSE', async () => {
  // wasm-bindgen's snippets (the element's inline JS) sit beside each build's glue.
  const files = packed.files.map((file) => file.path.replace(/snippets\/[^/]+\/inline\d+\.js$/, 'snippets')).sort();
  assert.deepEqual([...new Set(files)], ['LICENSE', 'README.md', 'api.js', 'browser.js', 'browser/csp_eligibility.js', 'browser/csp_eligibility_bg.wasm',
    'browser/snippets', 'index.d.ts', 'node.js', 'node/csp_eligibility.js', 'node/csp_eligibility_bg.wasm', 'node/snippets', 'package.json']);
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  assert.equal(manifest.exports['.'].node, './node.js');
  assert.equal(manifest.exports['.'].browser, './browser.js');
  // What Vite's default build target rejects: top-level await in any module the entries load.
  for (const [entry, platform] of [['node.js', 'node'], ['browser.js', 'browser']]) {
    execFileSync(`${tools}/esbuild`, [join(pkg, entry), '--bundle', '--format=esm', '--target=es2020', `--platform=${platform}`,
      '--external:node:*', '--outfile=/dev/null', '--log-level=error'], { stdio: 'pipe' });
  }
  console.log(`     tarball ${packed.size} bytes, unpacked ${packed.unpackedSize} bytes`);
});

// The answer main.js shows, from the Node entry: the bundled browser build must agree with it.
const nodeApp = project('node', { 'app.mjs': block('app.mjs') }, tarball);
const expected = await (async () => {
  const { decide } = await import(join(nodeApp, 'node_modules/csp-eligibility/node.js'));
  const query = runInNewContext(`(${block('main.js').match(/decide\(([\s\S]*?)\);/)[1]})`);
  return decide(query).clouds.map((cloud) => `${cloud.cloud}: ${cloud.verdict}`).join(', ');
})();

await check('Node ESM consumer (README app.mjs) runs on the node entry without init', async () => {
  const output = execFileSync('node', ['app.mjs'], { cwd: nodeApp, encoding: 'utf8' }).trim().split('\n');
  assert.equal(output[0], 'commercial: needs_action, germany: unknown, us_government: denied, vianet_21: denied');
  assert.match(output[1], /sign_mpa/);
  assert.match(output[2], /^\d+ intervals$/);
  assert.match(output[3], /^[1-9]\d* problems$/);
  assert.match(output[4], /^\d{4}\.\d+\.\d+$/);
});

for (const tsconfig of [
  { name: 'node16', compilerOptions: { module: 'node16', moduleResolution: 'node16', target: 'es2022', lib: ['es2022'], types: ['node'] } },
  { name: 'bundler', compilerOptions: { module: 'esnext', moduleResolution: 'bundler', target: 'es2022', lib: ['es2022', 'dom'], types: [] } },
]) {
  await check(`tsc --strict consumer of every export (moduleResolution ${tsconfig.name}, skipLibCheck false)`, async () => {
    const config = { compilerOptions: { ...tsconfig.compilerOptions, strict: true, skipLibCheck: false, outDir: 'out', typeRoots: [`${root}node_modules/@types`] }, files: ['consumer.ts'] };
    const dir = project(`tsc-${tsconfig.name}`, { 'consumer.ts': block('consumer.ts'), 'tsconfig.json': JSON.stringify(config, null, 2) }, tarball);
    try {
      execFileSync(`${tools}/tsc`, ['-p', '.'], { cwd: dir, encoding: 'utf8' });
    } catch (error) {
      throw new Error(`tsc: ${error.stdout}`);
    }
    if (tsconfig.name === 'node16') {
      const output = execFileSync('node', ['out/consumer.js'], { cwd: dir, encoding: 'utf8' }).trim().split('\n');
      assert.deepEqual(output, ['allowed denied denied denied', 'true allowed allowed', '4 4', 'true true 1']);
    }
  });
}

const browser = await launchChromium();

const bundlers = ['vite', 'webpack', 'esbuild'];
const sizes = {};
for (const bundler of bundlers) {
  await check(`${bundler} (default configuration, README command) builds a page that answers and shows the element`, async () => {
    const dir = project(bundler, { 'index.html': block('index.html'), 'main.js': block('main.js') }, tarball);
    try {
      shell(block(bundler).trim(), dir);
    } catch (error) {
      throw new Error(`${block(bundler).trim()}\n${error.stderr}${error.stdout}`);
    }
    const dist = join(dir, 'dist');
    const wasm = readdirSync(dist, { recursive: true }).filter((file) => file.endsWith('.wasm'));
    assert.equal(wasm.length, 1, `one wasm file in dist: ${wasm}`);
    sizes[bundler] = statSync(join(dist, wasm[0])).size;
    const { server, url } = await serve(dist);
    const page = await browser.newPage();
    const errors = [];
    // The browser's own /favicon.ico request is not the app's.
    page.on('console', (m) => { if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP ${e.violatedDirective} ${e.blockedURI}`)));
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.getElementById('verdicts')?.textContent, null, { timeout: 20000 });
      assert.equal(await page.textContent('#verdicts'), expected);
      const cards = await page.waitForFunction(() => document.querySelector('csp-eligibility')?.shadowRoot?.querySelectorAll('[part~=card]').length, null, { timeout: 20000 });
      assert.equal(await cards.jsonValue(), 4, 'the element shows a card per cloud');
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
      server.close();
    }
  });
}
await browser.close();
console.log(`     browser wasm shipped by each bundle: ${JSON.stringify(sizes)} bytes`);

finish();
