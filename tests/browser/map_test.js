// The map in a real browser: Debian's Chromium, headless, driven by
// puppeteer-core. node tests/browser/map_test.js BASE_URL SCREENSHOT.png
// Prints TAP lines. Written for sitrep.
'use strict';
const path = require('path');
const puppeteer = require(path.resolve('.deps/node_modules/puppeteer-core'));

const base = process.argv[2];
const shot = process.argv[3];
let n = 0;
let failed = 0;
function ok(cond, what, extra) {
  n++;
  if (!cond) failed++;
  console.log((cond ? 'ok ' : 'not ok ') + n + ' - ' + what + (extra ? ' (' + extra + ')' : ''));
}

async function shown(page) {
  return +(await page.$eval('#map', (m) => m.dataset.shown));
}

async function waitLoaded(page) {
  await page.waitForFunction(() => document.getElementById('map').dataset.loaded !== '0', { timeout: 30000 });
  return page.$eval('#map', (m) => m.dataset.loaded);
}

(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1200, height: 800 });
    const errors = [];
    const outside = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith(base)) outside.push(r.url()); });
    await page.goto(base + '/', { waitUntil: 'load' });
    ok((await waitLoaded(page)) === '1', 'the page loads its events', errors.join('; '));
    ok(errors.length === 0, 'no script error', errors.join('; '));
    ok(outside.length === 0, 'nothing is fetched from another server', outside.slice(0, 3).join(' '));

    // every event with a point is drawn, as the API counts them
    const api = await page.evaluate(async () => {
      const r = await fetch('/api/events?format=geojson&limit=10000');
      const d = await r.json();
      return d.features.filter((f) => f.geometry).length;
    });
    const all = await shown(page);
    ok(all === api && all > 0, 'data-shown is the API\'s count of events with a point', all + ' vs ' + api);
    const borders = await page.$$eval('path.leaflet-interactive, path', (p) => p.length);
    ok(borders > 100, 'the basemap\'s country borders are drawn', borders + ' paths');

    // the slider: an earlier end shows fewer events, and who held what then
    const control0 = await page.$eval('#map', (m) => m.dataset.control + '|' + m.dataset.controlHolders);
    const max = +(await page.$eval('#t-to', (e) => e.max));
    await page.$eval('#t-to', (e, v) => { e.value = String(v); e.dispatchEvent(new Event('input')); },
      Math.floor(max / 3));
    await page.waitForFunction((c) => {
      const m = document.getElementById('map').dataset;
      return m.control + '|' + m.controlHolders !== c;
    }, { timeout: 10000 }, control0).catch(() => {});
    const part = await shown(page);
    ok(part < all, 'moving the slider\'s end back shows fewer events', part + ' of ' + all);
    const control1 = await page.$eval('#map', (m) => m.dataset.control + '|' + m.dataset.controlHolders);
    ok(control1 !== control0, 'the control layer follows the slider\'s end date', control0 + ' -> ' + control1);
    const hash = await page.evaluate(() => location.hash);
    ok(/from=\d{4}-\d\d-\d\d/.test(hash) && /to=\d{4}-\d\d-\d\d/.test(hash), 'the view is in the URL', hash);
    const csv = await page.$eval('#dl-csv', (a) => a.getAttribute('href'));
    ok(/format=csv/.test(csv) && /until=/.test(csv), 'the download link asks for this view', csv);

    // the URL opens the same view
    const page2 = await browser.newPage();
    await page2.goto(base + '/' + hash, { waitUntil: 'load' });
    await waitLoaded(page2);
    ok((await shown(page2)) === part, 'the shared URL opens the same view', (await shown(page2)) + ' vs ' + part);
    await page2.close();

    // a filter by type narrows the map
    await page.$eval('#t-to', (e) => { e.value = e.max; e.dispatchEvent(new Event('input')); });
    await page.select('#f-type', 'Battles');
    const battles = await shown(page);
    const apiBattles = await page.evaluate(async () => {
      const d = await (await fetch('/api/events?format=geojson&limit=10000&type=Battles')).json();
      return d.features.filter((f) => f.geometry).length;
    });
    ok(battles === apiBattles, 'the type filter shows the API\'s battles', battles + ' vs ' + apiBattles);
    await page.select('#f-type', '');

    // a click on a marker opens the event with its outlets and sentences
    await page.evaluate(() => {
      // zoom in on one event so that its marker stands alone
      const m = document.getElementById('map');
      m.dispatchEvent(new Event('sitrep-test'));
    });
    const clicked = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('path.leaflet-interactive')]
        .filter((p) => p.getAttribute('stroke') === '#222');
      if (!marks.length) return false;
      marks[0].dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: 1, clientY: 1 }));
      return true;
    });
    if (!clicked) {
      // all markers clustered: open a cluster, then click
      await page.click('.marker-cluster');
      await new Promise((r) => setTimeout(r, 800));
      await page.evaluate(() => {
        const p = [...document.querySelectorAll('path.leaflet-interactive')].filter((x) => x.getAttribute('stroke') === '#222')[0];
        if (p) p.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      });
    }
    await page.waitForSelector('.leaflet-popup-content .reports blockquote', { timeout: 10000 }).catch(() => {});
    const popup = await page.$eval('.leaflet-popup-content', (p) => p.innerText).catch(() => '');
    ok(/Fatalities/.test(popup) && popup.length > 80, 'a marker\'s popup shows the event and its sentences',
      popup.slice(0, 120).replace(/\n/g, ' / '));
    const link = await page.$eval('.leaflet-popup-content .reports a', (a) => a.textContent).catch(() => '');
    ok(link.length > 0, 'the popup names the outlet', link);

    await new Promise((r) => setTimeout(r, 600)); // the popup's fade
    await page.screenshot({ path: shot });
    ok(true, 'screenshot saved to ' + shot);
  } catch (e) {
    ok(false, 'the browser test ran to its end', e.message);
  } finally {
    await browser.close();
  }
  console.log('1..' + n);
  process.exit(failed ? 1 : 0);
})();
