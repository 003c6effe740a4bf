// End-to-end checks in Debian's Chromium (playwright-core) against the served release bundle, and the
// npm package in Node against the native core. Usage: node tests/e2e/run.mjs <base-url> <native-cli>
import { check, finish, launchChromium } from './harness.mjs';
import { checkExample, readmeExamples } from './readme_examples.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const [base, nativeCli] = process.argv.slice(2);
const root = fileURLToPath(new URL('../../', import.meta.url));
const origin = new URL(base).origin;
const axeSource = readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');
const ownFiles = new Set(readdirSync(`${root}dist`, { recursive: true }).map((file) => `${origin}/${file}`));


const browser = await launchChromium();

/** Opens a page, collecting console errors, CSP violations and every request. */
async function open(path, { bypassCSP = false } = {}) {
  const context = await browser.newContext({ bypassCSP, viewport: { width: 1280, height: 1000 } });
  const page = await context.newPage();
  const log = { errors: [], violations: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') log.errors.push(m.text()); });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  page.on('request', (r) => log.requests.push(r.url()));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  log.violations = await page.evaluate(() => window.__violations);
  return { page, context, log };
}

async function axe(page) {
  await page.evaluate(axeSource);
  const report = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  return report.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const verdict = (page, cloud) => page.locator(`article[aria-labelledby=card-${cloud}] .verdict`).textContent();

/** Picks a country in a country combobox by typing `text` (a name or a code) and pressing Enter. */
async function pickCountry(page, selector, text) {
  await page.fill(selector, text);
  await page.press(selector, 'Enter');
  await page.waitForTimeout(200);
}

for (const path of ['/index.html', '/embed.html']) {
  await check(`${path} loads with no console error, no CSP violation, only its own files`, async () => {
    const { page, context, log } = await open(path);
    await page.waitForSelector(path === '/index.html' ? '.card' : '#log li');
    const before = log.requests.length;
    if (path === '/index.html') {
      await pickCountry(page, '#customer-country', 'DE');
      await page.waitForTimeout(200);
    } else {
      await page.selectOption('#first-country', 'US');
      await page.waitForTimeout(200);
    }
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(log.requests.filter((url) => !url.startsWith(origin)), [], 'requests outside the page origin');
    const afterLoad = log.requests.slice(before).map((url) => url.split('?')[0]);
    assert.deepEqual(afterLoad.filter((url) => !ownFiles.has(url)), [], 'requests after load for anything but the page\'s own files');
    await context.close();
  });
}

await check('keyboard only: Tab to the customer country, type a country, read the verdict', async () => {
  const { page, context } = await open('/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=en');
  assert.equal(await verdict(page, 'commercial'), '✔Allowed');
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) === 'customer-country') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'customer-country');
  // Issue 12 point 2: a combobox; typing a name and pressing Enter picks it.
  await page.keyboard.type('United States');
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#customer-country').inputValue(), 'United States (US)');
  assert.equal(await verdict(page, 'commercial'), '✖Denied');
  assert.match(await page.locator('#announcer').innerText(), /Commercial CSP: Denied\./);
  await context.close();
});

await check("the text arrives as the language's first pack, then its later one (notes, catalog): the page answers in the language the link asks for", async () => {
  for (const [lang, word] of [['en', 'Allowed'], ['fr', 'Autorisé'], ['de', 'Zulässig']]) {
    const { page, context, log } = await open(`/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=${lang}`);
    await page.waitForFunction((w) => document.querySelector('article[aria-labelledby=card-commercial] .verdict')?.textContent.includes(w), word);
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang);
    assert.match(page.url(), new RegExp(`lang=${lang}`), 'the address keeps the asked language while the pack loads');
    // The notes (collapsed on the cards) and the catalog's text come in a second pack after the first answer.
    await page.waitForFunction(() => [...document.querySelectorAll('.notes-block li')].some((li) => (li.childNodes[0]?.nodeType === 3 ? li.childNodes[0].textContent.trim().length : 0) > 20));
    const packs = log.requests.filter((url) => /\/lang\//.test(url)).map((url) => url.replace(/.*\/lang\//, ''));
    assert.equal(packs.length, 2, `two packs, the language shown: ${packs}`);
    assert.match(packs[0], new RegExp(`^${lang}-[0-9a-f]+\\.txt$`), `the ${lang} answer pack first`);
    assert.match(packs[1], new RegExp(`^${lang}-later-[0-9a-f]+\\.txt$`), `then the ${lang} notes and catalog text`);
    assert.deepEqual(log.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await context.close();
  }
});

await check('the page shows nearest yes and the verdict over time; one click on a proposal makes it allowed', async () => {
  const unsigned = '/index.html?api_version=1&as_of=2021-06-01&partner.country=DE&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=false&partner.programs=commercial&customer.country=DE&customer.segment=commercial&customer.relation=unrelated&lang=en';
  const { page, context, log } = await open(unsigned);
  const card = page.locator('article[aria-labelledby=card-commercial]');
  await card.locator('.verdict').filter({ hasText: 'Needs action' }).waitFor();
  // CSP-MPA-SIGNED holds from 2020-02-01: the band shows the change and names the rule.
  const band = await card.locator('.timeline li').allTextContents();
  assert.ok(band.length >= 2, `a timeline of at least two intervals: ${band}`);
  assert.ok(band.some((segment) => segment.includes('CSP-MPA-SIGNED')), band.join(' | '));
  const proposal = card.locator('.nearest button').first();
  assert.match(await proposal.textContent(), /sign/i);
  await proposal.click();
  await card.locator('.verdict').filter({ hasText: 'Allowed' }).waitFor();
  assert.match(page.url(), /partner\.mpa_signed=true/, 'the applied change is in the shareable link');
  assert.deepEqual(log.errors, []);
  await context.close();
});

await check('on a 390 px phone the four verdicts stay in view above the form, each jumps to its card, nothing scrolls sideways', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${base}/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=en`);
  const strip = page.locator('.verdict-strip');
  await strip.waitFor();
  const links = await strip.locator('a').allTextContents();
  assert.equal(links.length, 4);
  assert.match(links[0], /Allowed Commercial CSP/);
  assert.ok((await strip.boundingBox()).y < 844, 'the verdicts are on the first screen');
  await page.locator('#as_of').scrollIntoViewIfNeeded();
  const box = await strip.boundingBox();
  assert.ok(box.y >= -1 && box.y < 5, `the verdicts stay at the top while the form scrolls (y=${box.y})`);
  await strip.locator('a').nth(1).click();
  await page.waitForFunction(() => {
    const card = document.getElementById('card-germany').getBoundingClientRect();
    const strip = document.querySelector('.verdict-strip').getBoundingClientRect();
    return card.top >= strip.bottom - 1 && card.top < innerHeight;
  });
  assert.ok(await page.evaluate(() => document.scrollingElement.scrollWidth <= innerWidth), 'no horizontal overflow');
  await context.close();
});

await check("a link with a bad date marks the date at once and gives its message in the page's language", async () => {
  const { page, context, log } = await open('/index.html?api_version=1&as_of=2024-13-45&partner.country=FR&partner.model=direct_bill&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=fr');
  await page.waitForFunction(() => document.getElementById('as_of-error')?.textContent.trim().length > 10);
  assert.equal(await page.textContent('#as_of-error'), '« 2024-13-45 » n’est pas une date : choisissez un jour dans le calendrier.');
  assert.equal(await page.getAttribute('#as_of', 'aria-invalid'), 'true');
  assert.doesNotMatch(await page.textContent('#answer-title'), /2024-13-45/, 'the heading shows no date it cannot read');
  assert.deepEqual(log.errors, []);
  await context.close();
});

await check('batch view: a CSV through the real file input is decided in a worker; summary, a bad row in French, filter, download', async () => {
  // The page links to the batch view in its language.
  const start = await open('/index.html?lang=fr');
  await start.page.click('nav.toolbar a[href^="batch.html"]');
  await start.page.waitForSelector('#file');
  assert.match(start.page.url(), /batch\.html\?lang=fr$/);
  await start.context.close();
  const { page, context, log } = await open('/batch.html?lang=fr');
  await page.waitForSelector('#file');
  assert.match(await page.textContent('.private'), /Rien n’est envoyé/);
  // The template, with a broken copy of its first row at line 3, repeated to 2 000 rows.
  const template = readFileSync(`${root}data/batch-template.csv`, 'utf8').trim().split('\n');
  const rows = [template[0], template[1], template[1].replace(',FR,indirect_reseller', ',ZZ,indirect_reseller')];
  for (let i = 0; rows.length < 2001; i += 1) rows.push(template[1 + (i % (template.length - 1))]);
  await page.setInputFiles('#file', { name: 'deals.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
  await page.waitForSelector('#summary');
  assert.match(await page.textContent('#summary'), /^2\s000 lignes, dont 1 avec des problèmes/);
  // The chart counts the template's verdicts: Fabrikam's Spanish and Swiss customers are allowed, not Türkiye nor the US.
  assert.match(await page.getAttribute('#chart .bar', 'aria-label'), /^CSP commercial: Autorisé \d+, Refusé \d+, Action requise \d+, Inconnu 0$/);
  await page.selectOption('#filter-verdict', 'problems');
  const bad = page.locator('#rows .row');
  assert.equal(await bad.count(), 1);
  assert.equal(await bad.getAttribute('data-line'), '3');
  assert.match(await bad.textContent(), /partner\.country: `ZZ` n’est pas un code pays connu/);
  await page.selectOption('#filter-verdict', '');
  assert.ok((await page.locator('#rows .row').count()) < 60, 'only the rows in view are drawn');
  await page.locator('#rows').evaluate((el) => { el.scrollTop = el.scrollHeight; });
  await page.waitForSelector('#rows .row[data-line="2001"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  assert.equal(download.suggestedFilename(), 'deals-decided.csv');
  const lines = readFileSync(await download.path(), 'utf8').trim().split('\n');
  assert.equal(lines.length, 2001);
  assert.match(lines[0], /,commercial\.verdict,commercial\.portal,commercial\.deciding,.*,problems$/);
  assert.match(lines[1], /^Fabrikam France,Contoso Spain,.*,allowed,partner_center,,denied,partner_center_germany,GER-CLOSED,/);
  assert.match(lines[2], /,ZZ,.*partner\.country: `ZZ` n’est pas un code pays connu/);
  // A header that names no field right stops before any row, at its column.
  await page.fill('#paste', 'partner.contry,as_of\nFR,2024-01-01');
  await page.click('#decide');
  await page.waitForSelector('#header-problems:not([hidden])');
  assert.match(await page.textContent('#header-problems'), /partner\.contry.*champ inconnu/);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(await axe(page), []);
  await page.setViewportSize({ width: 390, height: 844 });
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'nothing scrolls sideways on a phone');
  await context.close();
});

await check('the cloud the asker names comes first', async () => {
  const { page, context } = await open('/index.html?api_version=1&as_of=2024-01-01&partner.country=US&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=US&customer.segment=us_state&customer.relation=unrelated&cloud=us_government&lang=en');
  await page.waitForSelector('.card');
  const order = await page.locator('.cards article').evaluateAll((cards) => cards.map((card) => card.getAttribute('aria-labelledby')));
  assert.deepEqual(order, ['card-us_government', 'card-commercial', 'card-germany', 'card-vianet_21']);
  await context.close();
});

await check('guidance fits the asker: a region denial names both regions; a denial no action can lift lists no action and says so (issue 12, point 3)', async () => {
  const french = '/index.html?api_version=1&as_of=2026-12-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=TR&customer.segment=commercial&customer.relation=unrelated&lang=fr';
  const { page, context, log } = await open(french);
  const commercial = page.locator('article[aria-labelledby=card-commercial]');
  await commercial.locator('.verdict').filter({ hasText: 'Refusé' }).waitFor();
  // COM-SAME-REGION-CUSTOMER (004#supported-partner-transactions-in-the-csp-program, scenario 7).
  assert.equal(await commercial.locator('.deciding .places').textContent(), 'France\u202f: région CSP Europe. Turquie\u202f: région CSP Moyen-Orient, Europe centrale et orientale.');
  assert.equal(await commercial.locator('.actions li').count(), 1, 'the way out of the region rule');
  await context.close();
  // A US partner and a US state agency: Microsoft Cloud Germany fails on both locations (000, FAQ).
  const us = await open('/index.html?api_version=1&as_of=2026-12-01&partner.country=US&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=US&customer.segment=us_state&customer.relation=unrelated&lang=en');
  const germany = us.page.locator('article[aria-labelledby=card-germany]');
  await germany.locator('.verdict').filter({ hasText: 'Denied' }).waitFor();
  assert.equal(await germany.locator('.actions').count(), 0, 'no "What to do" for a denial no action lifts');
  assert.equal(await germany.locator('.missing').count(), 0, 'no missing facts on a denial');
  assert.match(await germany.locator('.nearest').textContent(), /No change you control makes this allowed/);
  assert.deepEqual([...log.errors, ...us.log.errors], []);
  await us.context.close();
});

await check('citations for people, dates as the language writes them: section headings, localized documentation links, no file names (issue 12, points 9 and 10)', async () => {
  const query = 'api_version=1&as_of=2021-06-01&partner.country=DE&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=false&partner.programs=commercial&customer.country=DE&customer.segment=commercial&customer.relation=unrelated';
  const { page, context, log } = await open(`/index.html?${query}&lang=fr`);
  const card = page.locator('article[aria-labelledby=card-commercial]');
  await card.locator('.verdict').filter({ hasText: 'Action requise' }).waitFor();
  // CSP-MPA-SIGNED cites 004#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa.
  const citation = card.locator('.deciding .citation').first();
  // The section headings come with the later pack, right after the first answer.
  await citation.locator('.section').waitFor();
  assert.match(await citation.textContent(), /Configuration requise du programme CSP\s: signature de l’accord de partenariat Microsoft \(MPA\) · 12 mai 2020/);
  assert.equal(await citation.getAttribute('href'), 'https://learn.microsoft.com/fr-fr/partner-center/csp-supported-partner-relationships#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa');
  assert.match(await card.locator('.deciding').textContent(), /À compter du 1er février 2020|à compter du 1er février 2020|1er février 2020/);
  const everything = await page.evaluate(() => document.body.innerText + [...document.querySelectorAll('[title]')].map((el) => el.title).join(' '));
  // One name per cloud in French: the documents' own "Microsoft Cloud for US Government".
  assert.doesNotMatch(everything, /gouvernement américain/i);
  assert.match(await page.locator('article[aria-labelledby=card-us_government] .card-title').textContent(), /^Microsoft Cloud for US Government/);
  assert.doesNotMatch(everything, /\d{3}_[0-9a-f]{16}\.txt/, 'no internal file name anywhere');
  assert.doesNotMatch(await card.locator('.deciding').textContent(), /\d{4}-\d{2}-\d{2}/, 'no ISO date in the sentences');
  await context.close();
  const german = await open(`/index.html?${query}&lang=de`);
  const timeline = german.page.locator('article[aria-labelledby=card-commercial] .timeline');
  await timeline.waitFor();
  assert.match(await timeline.textContent(), /ab dem 1\. Februar 2020/);
  assert.equal(await german.page.locator('article[aria-labelledby=card-commercial] .deciding .citation').first().getAttribute('href'), 'https://learn.microsoft.com/de-de/partner-center/csp-supported-partner-relationships#csp-program-requirements-signing-the-microsoft-partner-agreement-mpa');
  assert.deepEqual([...log.errors, ...german.log.errors], []);
  await german.context.close();
});

await check('the rule catalog for partners: its own address from a card, search, cloud and in-force filters, grouped by cloud, coverage in words, Back to the answer (issue 12, points 6 and 11)', async () => {
  const answer = '/index.html?api_version=1&as_of=2021-06-01&partner.country=DE&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=false&partner.programs=commercial&customer.country=DE&customer.segment=commercial&customer.relation=unrelated&lang=fr';
  const { page, context, log } = await open(answer);
  const card = page.locator('article[aria-labelledby=card-commercial]');
  await card.locator('.verdict').filter({ hasText: 'Action requise' }).waitFor();
  await card.locator('details.why summary').click();
  await card.locator('.deciding a.rule-id').click();
  await page.waitForURL(/catalog\.html\?lang=fr#rule-CSP-MPA-SIGNED$/);
  const entry = page.locator('#rule-CSP-MPA-SIGNED');
  await entry.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'rule-CSP-MPA-SIGNED', 'the rule the card named has the focus');
  assert.match(await entry.innerText(), /1er février 2020/, 'dates as French writes them');
  assert.match(await entry.innerText(), /Couverture\u202f: échoue ou demande quelque chose dans [\d,]+\s% des cas/);
  const groups = await page.locator('.group h2').allTextContents();
  assert.equal(groups[0], 'Tous les clouds');
  assert.ok(groups.includes('Microsoft Cloud Allemagne') && groups.includes('21Vianet (Chine)'), groups.join(' | '));
  const count = () => page.locator('.count').textContent();
  const total = Number((await count()).split(' ')[2]);
  await page.fill('#catalog-search', 'SIGNE partenariat');
  const found = await page.locator('.entry h3 code').allTextContents();
  assert.ok(found.includes('CSP-MPA-SIGNED') && found.length < 5, `case- and accent-insensitive search over ID and message ("signé"): ${found}`);
  await page.fill('#catalog-search', '');
  await page.selectOption('#catalog-cloud', 'vianet_21');
  const vianet = await page.locator('.entry').evaluateAll((entries) => entries.map((e) => e.id));
  assert.ok(vianet.includes('rule-VNT-ENROLLED') && !vianet.includes('rule-GER-CLOSED') && !vianet.includes('rule-CSP-MPA-SIGNED'), vianet.join(' '));
  await page.selectOption('#catalog-cloud', '');
  await page.fill('#catalog-day', '2019-06-01');
  const in2019 = await page.locator('.entry').evaluateAll((entries) => entries.map((e) => e.id));
  assert.ok(in2019.includes('rule-GER-NO-NEW-CUSTOMERS') && !in2019.includes('rule-CSP-MPA-SIGNED') && !in2019.includes('rule-GER-CLOSED'), 'only what is in force on 2019-06-01');
  assert.ok(Number((await count()).split(' ')[0]) < total);
  assert.deepEqual(await axe(page), []);
  assert.deepEqual(log.errors, []);
  // Issue 21 point 4: the whole policy on one page, linked from the catalog and served as text.
  const matrix = await page.locator('a.decision-matrix').getAttribute('href');
  const served = await page.evaluate(async (href) => { const r = await fetch(href); return [r.status, r.headers.get('content-type'), await r.text()]; }, matrix);
  assert.equal(served[0], 200);
  assert.match(served[1], /^text\/plain; charset=utf-8/);
  assert.ok(served[2].includes('# Decision matrix') && served[2].includes('indirect_provider · other_partner_customer_tenant'), 'the decision matrix');
  // Back closes the catalog: the answer the reader came from, as it was.
  await page.locator('a', { hasText: 'Retour à la réponse' }).click();
  await page.waitForURL(/index\.html\?api_version=1&as_of=2021-06-01/);
  await card.locator('.verdict').filter({ hasText: 'Action requise' }).waitFor();
  // The section that was open is open again, and the focus is back on the rule link that was followed.
  await page.waitForFunction(() => document.activeElement?.classList.contains('rule-id'));
  assert.equal(await card.locator('details.why').evaluate((details) => details.open), true);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'CSP-MPA-SIGNED');
  await context.close();
  // On a phone the catalog keeps within the width.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const small = await phone.newPage();
  await small.goto(`${base}/catalog.html?lang=de`);
  await small.locator('.entry').first().waitFor();
  assert.equal(await small.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scroll');
  await phone.close();
});

await check('screenshots at 390 px and 1280 px in English, French and German, of the page, the embedding demo and the catalog: nothing scrolls sideways (issue 12)', async () => {
  const folder = `${root}target/screenshots`;
  mkdirSync(folder, { recursive: true });
  const question = 'api_version=1&as_of=2026-12-01&partner.country=FR&partner.model=indirect_reseller&partner.provider_country=DE&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=TR&customer.segment=commercial&customer.relation=unrelated&cloud=commercial';
  const overflowing = [];
  for (const width of [390, 1280]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const lang of ['en', 'fr', 'de']) {
      for (const [name, path, ready] of [['page', `/index.html?${question}&lang=${lang}`, '.card'], ['catalog', `/catalog.html?lang=${lang}`, '.entry'], ['embed', `/embed.html?lang=${lang}`, '#log li']]) {
        if (name === 'embed' && lang !== 'en') continue;
        await page.goto(`${base}${path}`);
        await page.waitForSelector(ready);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${folder}/${name}-${lang}-${width}.png`, fullPage: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) overflowing.push(`${name} ${lang} ${width}px: ${overflow}px`);
      }
    }
    await context.close();
  }
  assert.deepEqual(overflowing, [], 'horizontal overflow');
});

await check('mouse: tick 21Vianet and pick China, read the verdict', async () => {
  const { page, context } = await open('/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=CN&customer.segment=commercial&customer.relation=unrelated&lang=en');
  assert.equal(await verdict(page, 'vianet_21'), '!Needs action');
  await page.click('label[for=partner-programs-vianet_21]');
  await page.waitForTimeout(200);
  assert.equal(await verdict(page, 'vianet_21'), '✔Allowed');
  await page.click('article[aria-labelledby=card-vianet_21] summary');
  assert.match(await page.locator('article[aria-labelledby=card-vianet_21] .reasons').innerText(), /VNT-ENROLLED/);
  await context.close();
});

await check('back and forward restore the query, the form and the answer the address holds', async () => {
  const { page, context } = await open('/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=direct_bill&partner.has_partner_id=true&partner.mpa_signed=true&partner.programs=commercial&customer.country=FR&customer.segment=commercial&customer.relation=unrelated&lang=en');
  assert.equal(await verdict(page, 'commercial'), '✔Allowed');
  await pickCountry(page, '#customer-country', 'US');
  assert.equal(await verdict(page, 'commercial'), '✖Denied');
  assert.match(page.url(), /customer\.country=US/);
  await page.goBack();
  await page.waitForTimeout(300);
  assert.match(page.url(), /customer\.country=FR/);
  assert.equal(await page.locator('#customer-country').inputValue(), 'France (FR)');
  assert.equal(await verdict(page, 'commercial'), '✔Allowed');
  await page.goForward();
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#customer-country').inputValue(), 'United States (US)');
  assert.equal(await verdict(page, 'commercial'), '✖Denied');
  // Typing lists the matches only; leaving the box keeps the chosen country.
  await page.fill('#customer-country', 'fra');
  await page.waitForTimeout(200);
  const listed = await page.locator('#customer-country-list [role=option]').allTextContents();
  assert.equal(listed[0], 'France (FR)', `the best match first: ${listed}`);
  assert.ok(!listed.includes('United States (US)'), 'the chosen country is not listed when it does not match');
  await page.press('#customer-country', 'Tab');
  assert.equal(await page.locator('#customer-country').inputValue(), 'United States (US)');
  await context.close();
});

await check('the host page receives decision events with the right verdicts, per instance', async () => {
  const { page, context } = await open('/embed.html');
  await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
  const first = await page.locator('#log li[data-source=first]').last().getAttribute('data-verdicts');
  assert.equal(first, 'commercial=allowed germany=denied us_government=denied vianet_21=denied');
  const second = await page.locator('#log li[data-source=second]').last().getAttribute('data-verdicts');
  assert.match(second, /^commercial=allowed germany=denied us_government=unknown vianet_21=denied$/);
  await page.selectOption('#first-country', 'US');
  await page.waitForFunction(() => document.querySelector('#log li:last-child')?.dataset.verdicts.startsWith('commercial=denied'));
  // The event carries the deciding rules and the nearest ways to a yes, cloud by cloud.
  const last = page.locator('#log li:last-child');
  assert.match(await last.getAttribute('data-deciding'), /^COM-SAME-REGION-CUSTOMER /);
  assert.match(await last.getAttribute('data-nearest'), /^\d \d \d \d$/);
  await page.selectOption('#first-lang', 'fr');
  await page.waitForTimeout(200);
  assert.match(await page.locator('#first').evaluate((el) => el.shadowRoot.querySelector('#answer-title').textContent), /^Réponse/);
  const hostLetterSpacing = await page.locator('#first').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('h3')).letterSpacing);
  assert.equal(hostLetterSpacing, 'normal', 'host styles leaked into the widget');
  await page.click('#remove-second');
  await page.waitForTimeout(200);
  assert.equal(await page.locator('#second').count(), 0);
  await context.close();
});

await check('in a portal, the widget reports its own language switch and starts over from the host\'s presets', async () => {
  const { page, context, log } = await open('/embed.html');
  await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
  const inside = (selector) => page.locator('#second').evaluate((el, selector) => el.shadowRoot.querySelector(selector).value, selector);
  const set = (selector, value) => page.locator('#second').evaluate((el, [selector, value]) => {
    const control = el.shadowRoot.querySelector(selector);
    control.value = value;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, value]);
  // The language picked inside the widget: the host's lang attribute follows and the portal hears it.
  await set('#lang', 'de');
  await page.waitForSelector('#log li[data-source=second][data-lang=de]');
  assert.equal(await page.getAttribute('#second', 'lang'), 'de');
  assert.match(await page.locator('#second').evaluate((el) => el.shadowRoot.querySelector('#answer-title').textContent), /^Antwort/);
  // A language the host sets is no news to the host.
  await page.selectOption('#first-lang', 'fr');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#log li[data-source=first][data-lang]').count(), 0);
  // Start over keeps what the host preset (a US partner, a US state customer) and drops the edit.
  await page.locator('#second').evaluate((el) => {
    const control = el.shadowRoot.querySelector('#customer-country');
    control.focus();
    control.value = 'FR';
    control.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForTimeout(150);
  await page.locator('#second').evaluate((el) => el.shadowRoot.querySelector('#customer-country').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })));
  await page.waitForFunction(() => document.querySelector('#log li:last-child')?.dataset.verdicts?.includes('us_government=denied'));
  await page.locator('#second').evaluate((el) => el.shadowRoot.querySelector('nav.toolbar button.secondary').click());
  await page.waitForTimeout(300);
  assert.match(await inside('#customer-country'), /\(US\)$/);
  assert.equal(await inside('#customer-segment'), 'us_state');
  assert.match(await inside('#partner-country'), /\(US\)$/);
  assert.deepEqual(log.errors, []);
  await context.close();
});

await check("in a portal, the widget's Print prints that widget only", async () => {
  const { page, context, log } = await open('/embed.html');
  await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2);
  await page.evaluate(() => { window.print = () => {}; });
  await page.locator('#second').evaluate((el) => el.shadowRoot.querySelector('nav.toolbar button.print').click());
  assert.equal(await page.getAttribute('#second', 'data-csp-printing'), '');
  assert.equal(await page.getAttribute('#first', 'data-csp-printing'), null);
  await page.emulateMedia({ media: 'print' });
  const visibility = (selector) => page.locator(selector).evaluate((el) => getComputedStyle(el).visibility);
  const display = (selector) => page.locator(selector).evaluate((el) => getComputedStyle(el).display);
  assert.equal(await display('main > h1'), 'none', 'the portal\'s own content is not printed');
  assert.equal(await display('#first'), 'none', 'nor the other widget');
  assert.equal(await visibility('#second'), 'visible');
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one page');
  assert.equal(await page.locator('#second').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('#answer-title')).visibility), 'visible');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  assert.equal(await page.getAttribute('#second', 'data-csp-printing'), null, 'the mark goes once printed');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  await context.close();
});

await check('printing gives a one-page summary with the as-of date, the print date and the ruleset', async () => {
  const { page, context } = await open('/index.html?api_version=1&as_of=2024-01-01&partner.country=FR&partner.model=indirect_reseller&partner.provider_country=DE&partner.has_partner_id=true&partner.mpa_signed=false&partner.programs=commercial&customer.country=ES&customer.segment=commercial&customer.relation=unrelated&task=sell&partner.role=admin_agent&lang=en');
  await page.waitForSelector('.card');
  await page.emulateMedia({ media: 'print' });
  const header = await page.locator('.print-header').innerText();
  // Issue 12 point 12: dates as the page's language writes them, the question as text (no form
  // controls), the deciding rule IDs and the link that reproduces the query.
  assert.match(header, /Printed on [A-Z][a-z]+ \d{1,2}, \d{4} · Ruleset \d{4}\.\d+\.\d+ · Documents up to October 23, 2023/);
  assert.match(header, /Question: Partner country \(CSP tenant and PartnerID location\): France · Partner model: Indirect reseller · Indirect provider's country: Germany/);
  assert.match(header, /As of: January 1, 2024/);
  assert.match(header, /Commercial CSP: Needs action\. \(CSP-MPA-SIGNED\)/);
  const link = await page.locator('.print-link').innerText();
  assert.ok(link.startsWith(`${base}/index.html?`) && link.includes('partner.provider_country=DE') && link.includes('lang=en'), link);
  assert.equal(await page.locator('form.query').evaluate((form) => getComputedStyle(form).display), 'none', 'no form controls in print');
  assert.match(await page.locator('#answer-title').innerText(), /As of January 1, 2024/);
  const reseller = page.locator('article[aria-labelledby=card-commercial] .deciding');
  assert.match(await reseller.innerText(), /CSP-MPA-SIGNED/);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page[^s]/g) || []).length, 1, 'one page');
  await context.close();
});

for (const path of ['/index.html', '/embed.html']) {
  await check(`axe-core: no WCAG 2.1 AA violation on ${path}, before and after an answer`, async () => {
    const { page, context } = await open(path, { bypassCSP: true });
    await page.waitForSelector(path === '/index.html' ? '.card' : '#log li');
    assert.deepEqual(await axe(page), []);
    if (path === '/index.html') {
      await page.selectOption('#partner-mpa_signed', 'false');
      await page.click('article[aria-labelledby=card-commercial] summary');
    } else {
      await page.selectOption('#first-country', 'BR');
    }
    await page.waitForTimeout(200);
    assert.deepEqual(await axe(page), []);
    await context.close();
  });
}

await check('Node: the package decides exactly as the native core, for every scenario', async () => {
  const scenarios = JSON.parse(readFileSync(`${root}tests/e2e/scenarios.json`, 'utf8'));
  assert.ok(scenarios.length >= 20);
  const pkg = await import(`${root}pkg/node.js`);
  for (const { name, query } of scenarios) {
    let native;
    try {
      native = execFileSync(nativeCli, { input: JSON.stringify(query) }).toString();
    } catch (error) {
      native = error.stdout.toString();
    }
    assert.deepEqual(pkg.decide(query), JSON.parse(native), name);
  }
});

await check('Node: decideMany and the verdicts-only detail answer exactly as decide, query by query (compact crossing, js_api.rs)', async () => {
  const scenarios = JSON.parse(readFileSync(`${root}tests/e2e/scenarios.json`, 'utf8'));
  const pkg = await import(`${root}pkg/node.js`);
  const queries = [...scenarios.map((s) => s.query), { api_version: 1 }, JSON.stringify(scenarios[0].query), 'not json'];
  const single = queries.map((query) => pkg.decide(query));
  assert.deepEqual(pkg.decideMany(queries), single, 'full');
  const short = (answer) => (answer.problems ? answer : { api_version: answer.api_version, ruleset_version: answer.ruleset_version, as_of: answer.as_of,
    ...(answer.requested_cloud ? { requested_cloud: answer.requested_cloud } : {}), ...(answer.task ? { task: answer.task } : {}),
    clouds: answer.clouds.map(({ cloud, verdict, portal, deciding }) => ({ cloud, verdict, portal, deciding })) });
  assert.deepEqual(pkg.decideMany(queries, { detail: 'verdicts' }), single.map(short), 'verdicts');
  assert.deepEqual(queries.map((query) => pkg.decide(query, { detail: 'verdicts' })), single.map(short), 'decide with detail');
  assert.equal(single.at(-3).problems[0].path, 'as_of', 'a bad query in the batch gets its own problems');
  assert.deepEqual(pkg.decideMany([]), []);
  const reason = single[0].clouds[0].reasons[0];
  assert.ok(Object.isFrozen(reason), 'reasons are shared, frozen objects');
  assert.equal(pkg.decide(queries[0]).clouds[0].reasons[0], reason, 'the same object next time');
  const cloudVerdict = pkg.decide(queries[0], { detail: 'verdicts' }).clouds[0];
  assert.ok(Object.isFrozen(cloudVerdict) && Object.isFrozen(cloudVerdict.deciding) && Object.isFrozen(cloudVerdict.portal), 'a cloud verdict is frozen, with what it holds');
  assert.equal(pkg.decideMany([queries[1], queries[0]], { detail: 'verdicts' })[1].clouds[0], cloudVerdict, 'and shared');
  assert.throws(() => pkg.decide(queries[0], { detail: 'short' }), /options\.detail must be 'full' or 'verdicts'/);
  assert.throws(() => pkg.decideMany(queries[0]), /queries must be an array/);
  const cyclic = { ...scenarios[0].query };
  cyclic.self = cyclic;
  assert.ok(pkg.decideMany([cyclic, scenarios[0].query])[0].problems.length > 0, 'a query JSON cannot hold still gets its problems');
});

await check('Node: a query object read field by field (compact.rs read_query_words) answers exactly as its JSON text, for every scenario and thousands of broken variants', async () => {
  const pkg = await import(`${root}pkg/node.js`);
  const scenarios = JSON.parse(readFileSync(`${root}tests/e2e/scenarios.json`, 'utf8')).map((s) => s.query);
  // Each mutation breaks or bends one field the way callers do; the JSON text path is the reference.
  const odd = [undefined, null, 0, 1, true, false, '', 'FR', 'fr', 'ZZ', 'XK', '2021-02-30', '2024-01-01', '0999-01-01', 'commercial', 'direct_bill',
    'indirect_reseller', 'own_provider', 'new', 'existing', 'sell', 'migrate_germany_customer', 'global_admin', 'us_state', [], ['commercial'],
    ['commercial', 'commercial'], ['germany', 'mars'], [null], {}, { country: 'FR' }, NaN, 1.5, '1', Object.create(null)];
  const set = (query, path, value) => {
    const copy = structuredClone(query);
    const [head, tail] = path.split('.');
    if (tail === undefined) copy[head] = value;
    else if (copy[head] && typeof copy[head] === 'object') copy[head][tail] = value;
    return copy;
  };
  const paths = ['api_version', 'as_of', 'cloud', 'task', 'colour', 'partner', 'customer', 'partner.country', 'partner.model', 'partner.has_partner_id',
    'partner.mpa_signed', 'partner.provider_country', 'partner.programs', 'partner.us_gov_validated', 'partner.role', 'partner.european_account',
    'partner.european_tenant_country', 'partner.european_tenant_active', 'partner.colour', 'customer.country', 'customer.segment',
    'customer.relation', 'customer.national_cloud_customer', 'customer.colour'];
  const variants = [...scenarios];
  for (const query of scenarios) for (const path of paths) for (const value of odd) variants.push(set(query, path, value));
  class Asked { constructor(query) { Object.assign(this, query); } }
  variants.push(new Asked(scenarios[0]), Object.assign(Object.create(null), scenarios[0]));
  const sparse = structuredClone(scenarios[0]);
  sparse.partner.programs = ['commercial', , 'germany'];
  variants.push(sparse);
  assert.ok(variants.length > 20000, `${variants.length} variants`);
  let decided = 0;
  for (const detail of ['full', 'verdicts']) {
    const expected = variants.map((query) => pkg.decide(JSON.stringify(query) ?? 'undefined', { detail }));
    variants.forEach((query, i) => assert.deepEqual(pkg.decide(query, { detail }), expected[i], `${detail} ${JSON.stringify(query)}`));
    assert.deepEqual(pkg.decideMany(variants, { detail }), expected, `decideMany ${detail}`);
    decided = expected.filter((answer) => answer.clouds).length;
  }
  assert.ok(decided > 1500, `many variants are valid queries (${decided})`);
});

await check('Node: bad input gives a structured error and the next call still works', async () => {
  const pkg = await import(`${root}pkg/node.js`);
  const good = { api_version: 1, as_of: '2024-01-01', partner: { country: 'FR', model: 'direct_bill' }, customer: { country: 'FR', segment: 'commercial', relation: 'unrelated' } };
  let deep = {};
  for (let i = 0; i < 100000; i += 1) deep = { partner: deep };
  const cases = [42, null, undefined, 'not json', [], { ...good, as_of: 7 }, { ...good, partner: { country: 'x'.repeat(1 << 20), model: 'direct_bill' } }, deep, { ...good, partner: { ...good.partner, country: 'ZZ' } }, { ...good, extra: NaN }];
  for (const input of cases) {
    const answer = pkg.decide(input);
    assert.ok(Array.isArray(answer.problems) && answer.problems.length > 0, `problems for ${String(input).slice(0, 30)}`);
    assert.ok(answer.problems.every((p) => typeof p.path === 'string' && typeof p.message === 'string' && p.message.length < 400));
    assert.equal(pkg.decide(good).clouds.length, 4, 'next call works');
  }
  assert.equal(pkg.validate(good), null);
  assert.equal(pkg.version().api_version, 1);
  assert.ok(pkg.catalog('fr').entries.length > 30);
});

await check('Node: nearest yes and the timeline through the package, in the shapes the declarations give', async () => {
  const pkg = await import(`${root}pkg/node.js`);
  const unsigned = { api_version: 1, as_of: '2024-01-01', partner: { country: 'FR', model: 'direct_bill', has_partner_id: true, mpa_signed: false, programs: ['commercial'] }, customer: { country: 'FR', segment: 'commercial', relation: 'unrelated' } };
  const nearest = pkg.nearest(unsigned);
  assert.deepEqual(nearest.clouds[0].proposals[0].changes, [{ change: 'sign_mpa' }]);
  const applied = pkg.decide({ ...unsigned, partner: { ...unsigned.partner, mpa_signed: true } });
  assert.equal(applied.clouds[0].verdict, 'allowed', 'the proposal, applied, is a yes');
  const commercial = pkg.timeline(unsigned).clouds[0].intervals;
  assert.deepEqual(commercial.map((i) => [i.from ?? null, i.verdict]), [[null, 'allowed'], ['2020-02-01', 'needs_action']]);
  assert.deepEqual(pkg.decide(unsigned).clouds[0].deciding, ['CSP-MPA-SIGNED']);
  assert.ok(Array.isArray(pkg.timeline('{').problems), 'bad input is a QueryError');
});

await browser.close();
await check("README's JSON contract examples are what the package answers", async () => {
  const pkg = await import(`${root}pkg/node.js`);
  const examples = readmeExamples(readFileSync(`${root}README.md`, 'utf8'));
  assert.ok(examples.length >= 2, 'the README shows example answers');
  for (const example of examples) checkExample(example, pkg.decide(example.query));
  // The sentences under the examples.
  const [reseller] = examples;
  const dated = (query, as_of) => pkg.decide({ ...query, as_of });
  assert.equal(dated(reseller.query, '2019-06-01').clouds[0].verdict, 'allowed', 'Example 1 dated 2019-06-01');
  const uk = { api_version: 1, as_of: '2019-01-01',
    partner: { country: 'GB', model: 'direct_bill', has_partner_id: true, programs: ['commercial', 'germany'] },
    customer: { country: 'FR', segment: 'commercial', relation: 'unrelated', national_cloud_customer: 'new' } };
  const germany = (answer) => answer.clouds.find((cloud) => cloud.cloud === 'germany');
  const denied = germany(pkg.decide(uk));
  assert.equal(denied.verdict, 'denied', 'Example 2');
  assert.deepEqual(denied.deciding, ['GER-NO-NEW-CUSTOMERS']);
  assert.ok(denied.actions.some((action) => action.message_key === 'action.use_european_region'));
  assert.equal(germany(dated(uk, '2018-06-01')).verdict, 'allowed', 'Example 2 dated 2018-06-01');
  const existing = germany(pkg.decide({ ...uk, as_of: '2021-06-01', customer: { ...uk.customer, national_cloud_customer: 'existing' } }));
  assert.equal(existing.verdict, 'unknown', 'Example 2, an existing customer in 2021');
  assert.ok(existing.cautions.some((note) => note.message_key === 'caution.germany_uk_outside_eu'), JSON.stringify(existing.cautions));
});

finish();
