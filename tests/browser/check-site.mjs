// Looks at the sites `plan site` wrote, in a real browser (Debian's chromium,
// headless, driven by puppeteer-core), the way a member of the steering group would:
//
// - axe-core with the WCAG 2.1 A and AA rules: no violation;
// - <html lang> set, one h1 first and no heading level skipped;
// - every internal link and #anchor resolves;
// - no request leaves 127.0.0.1, no console error;
// - no horizontal scrolling at 360 px and 1280 px, and at 360 px no table scrolling
//   inside its region either (their rows are cards);
// - each site's first object page prints to an A4 PDF, its small sections sharing
//   pages and the fastställande and each system's bilaga 3 on pages of their own.
//
// Usage: node check-site.mjs DIR... (each DIR a site). SCREENSHOTS=DIR saves the
// index (also 360 px wide) and one object page (its top and its bilaga 3) of the
// first site as PNGs there. Exit 1 on any problem.

import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const chromium = process.env.CHROMIUM || '/usr/bin/chromium';
const screenshots = process.env.SCREENSHOTS || '';
const problems = [];
const problem = (where, what) => problems.push(`${where}: ${what}`);

const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.ics': 'text/calendar', '.svg': 'image/svg+xml' };

function serve(root) {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const file = path.join(root, rel.endsWith('/') ? rel + 'index.html' : rel);
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end('not found'); return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(fs.readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function pages(root) {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

// The number of A4 pages the page prints to (0 when it does not print to a PDF).
async function printedPages(page) {
  const pdf = Buffer.from(await page.pdf({ format: 'A4', printBackground: true }));
  if (pdf.subarray(0, 5).toString() !== '%PDF-' || pdf.length < 2000) return 0;
  return (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) || []).length;
}

// An object page on paper: the small sections flow on from each other (fewer pages
// than sections), while the fastställande starts a page of its own and so does each
// system's bilaga 3 (taking them out of the page takes at least that many pages).
async function checkPrint(page, where) {
  const pages = await printedPages(page);
  if (!pages) { problem(where, 'does not print to a PDF'); return; }
  const sections = await page.$$eval('article.plan > section', (s) => s.length);
  const systems = await page.$$eval('#bilaga3 > h3', (h) => h.length);
  if (pages >= sections) problem(where, `prints to ${pages} pages for ${sections} sections: small sections should share pages`);
  await page.$eval('#bilaga3', (e) => e.remove());
  const withoutAppendix = await printedPages(page);
  if (pages - withoutAppendix < systems) problem(where, `bilaga 3 of ${systems} system(s) prints on ${pages - withoutAppendix} page(s) of its own: each system's should start a page`);
  await page.$eval('#fastestallande', (e) => e.remove());
  const body = await printedPages(page);
  if (withoutAppendix - body !== 1) problem(where, `the fastställande prints on ${withoutAppendix - body} page(s) of its own, not 1`);
  console.log(`${where} prints on ${pages} A4 pages: ${body} for the plan, 1 for the fastställande, ${pages - withoutAppendix} for bilaga 3`);
}

async function checkSite(browser, root, first) {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const ids = new Map(); // page path -> Set of ids
  const links = []; // [from, absolute url]
  let printed = false;
  for (const rel of pages(root)) {
    const where = `${path.basename(root)}/${rel}`;
    const page = await browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (r) => {
      const url = new URL(r.url());
      if (url.protocol !== 'data:' && url.hostname !== '127.0.0.1') {
        problem(where, `request leaves 127.0.0.1: ${r.url()}`);
        r.abort();
      } else r.continue();
    });
    page.on('console', (m) => { if (m.type() === 'error') problem(where, `console error: ${m.text()}`); });
    page.on('pageerror', (e) => problem(where, `page error: ${e.message}`));
    page.on('requestfailed', (r) => { if (new URL(r.url()).hostname === '127.0.0.1') problem(where, `request failed: ${r.url()}`); });
    page.on('response', (r) => { if (r.status() >= 400) problem(where, `${r.status()} for ${r.url()}`); });

    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(base + rel, { waitUntil: 'load' });
    if (screenshots && first && (rel === 'index.html' || rel === first)) {
      fs.mkdirSync(screenshots, { recursive: true });
      const name = rel === 'index.html' ? 'site-index.png' : 'site-object.png';
      await page.screenshot({ path: path.join(screenshots, name), fullPage: false });
      if (rel === 'index.html') {
        // The same page on a phone.
        await page.setViewport({ width: 360, height: 1100 });
        await page.screenshot({ path: path.join(screenshots, 'site-index-360.png'), fullPage: false });
        await page.setViewport({ width: 1280, height: 900 });
      } else {
        // Bilaga 3 of the plan, at its first deviation, as the steering group reads it.
        await page.evaluate(() => (document.querySelector('ol.questions dl') || document.getElementById('bilaga3')).scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: path.join(screenshots, 'site-bilaga3.png'), fullPage: false });
        await page.evaluate(() => window.scrollTo(0, 0));
      }
    }

    const facts = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      headings: [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map((h) => Number(h.tagName[1])),
      ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      links: [...document.querySelectorAll('a[href]')].map((a) => new URL(a.getAttribute('href'), document.baseURI).href),
      headerless: [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th[scope]')).length,
    }));
    if (!['sv', 'en'].includes(facts.lang)) problem(where, `html lang is ${facts.lang}`);
    if (facts.headings[0] !== 1 || facts.headings.filter((h) => h === 1).length !== 1) problem(where, `headings do not start with one h1: ${facts.headings}`);
    facts.headings.forEach((h, i) => { if (i > 0 && h > facts.headings[i - 1] + 1) problem(where, `heading h${h} follows h${facts.headings[i - 1]}`); });
    if (facts.headerless) problem(where, `${facts.headerless} table(s) without <th scope>`);
    ids.set(rel, new Set(facts.ids));
    for (const l of facts.links) links.push([where, l]);

    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
    for (const v of result.violations) {
      problem(where, `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`);
    }

    for (const width of [1280, 360]) {
      await page.setViewport({ width, height: 900 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problem(where, `scrolls sideways by ${overflow} px at ${width} px wide`);
      if (width === 360) {
        // On a phone every table's rows are cards: none scrolls inside its region.
        const tables = await page.evaluate(() => [...document.querySelectorAll('.scroll')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.getAttribute('aria-labelledby')));
        if (tables.length) problem(where, `table(s) scrolling sideways at 360 px instead of showing cards: ${tables.join(', ')}`);
      }
    }

    if (!printed && rel.startsWith('objects/')) {
      await checkPrint(page, where);
      printed = true;
    }
    await page.close();
  }
  if (!printed) problem(path.basename(root), 'no object page to print');
  for (const [from, href] of links) {
    const url = new URL(href);
    if (url.origin + '/' !== base) { problem(from, `link leaves the site: ${href}`); continue; }
    const rel = decodeURIComponent(url.pathname.slice(1));
    const file = path.join(root, rel);
    if (!fs.existsSync(file)) { problem(from, `broken link: ${rel}`); continue; }
    if (url.hash) {
      const target = ids.get(rel);
      const id = decodeURIComponent(url.hash.slice(1));
      if (!target || !target.has(id)) problem(from, `broken anchor: ${rel}${url.hash}`);
    }
  }
  server.close();
  return pages(root).length;
}

const dirs = process.argv.slice(2);
if (!dirs.length) { console.error('usage: node check-site.mjs DIR...'); process.exit(2); }
const userDataDir = fs.mkdtempSync(path.join(process.env.TMPDIR || '/tmp', 'plan-chromium-'));
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  userDataDir,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let count = 0;
try {
  for (const [i, dir] of dirs.entries()) {
    const root = path.resolve(dir);
    const objects = pages(root).filter((p) => p.startsWith('objects/'));
    count += await checkSite(browser, root, i === 0 ? (objects.find((p) => p === 'objects/raindance.html') || objects[0]) : null);
  }
} finally {
  await browser.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
for (const p of problems) console.log(p);
console.log(`${count} pages looked at in chromium, ${problems.length} problems`);
process.exit(problems.length ? 1 : 0);
