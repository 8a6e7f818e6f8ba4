// A picture of the map as it first opens, for the README:
// node tests/browser/screenshot.js BASE_URL OUT.png (Chromium, headless)
'use strict';
const path = require('path');
const puppeteer = require(path.resolve('.deps/node_modules/puppeteer-core'));
(async () => {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 760 });
  await page.goto(process.argv[2] + '/', { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('map').dataset.loaded !== '0', { timeout: 30000 });
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: process.argv[3] });
  await browser.close();
})().catch((e) => { console.error(e.message); process.exit(1); });
