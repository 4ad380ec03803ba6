// Draws the app icons (PNG, as installable-app criteria ask) from static/favicon.svg with
// the system Chromium. Run again after changing the favicon: npx tsx scripts/make-icons.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = readFileSync('static/favicon.svg', 'utf8');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
// Maskable: the house inside the middle 80 % a phone may crop to a circle.
const icons = [
	{ file: 'icon-192.png', size: 192, inset: 0 },
	{ file: 'icon-512.png', size: 512, inset: 0 },
	{ file: 'apple-touch-icon.png', size: 180, inset: 0 },
	{ file: 'maskable-512.png', size: 512, inset: 0.2 }
];
for (const { file, size, inset } of icons) {
	const page = await browser.newPage({ viewport: { width: size, height: size } });
	const body = inset
		? `<div style="width:${size}px;height:${size}px;background:#b4532a;display:grid;place-items:center">${svg.replace('<svg ', `<svg width="${size * (1 - inset)}" height="${size * (1 - inset)}" `)}</div>`
		: svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
	await page.setContent(`<html><body style="margin:0;background:transparent">${body}</body></html>`);
	await page.screenshot({ path: `static/icons/${file}`, omitBackground: true });
	await page.close();
}
await browser.close();
