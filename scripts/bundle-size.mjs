// Initial JavaScript of `#/`: every script and modulepreload that dist/index.html
// loads before any lesson, gzipped; and the size of the page itself. Usage: npm run build && npm run size
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = 'dist';
let html;
try {
  html = readFileSync(join(dist, 'index.html'), 'utf8');
} catch {
  console.error('dist/index.html is missing: run `npm run build` first.');
  process.exit(1);
}
const urls = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]);
const kib = (n) => (n / 1024).toFixed(1);
let total = 0;
for (const url of urls) {
  const gz = gzipSync(readFileSync(join(dist, url)), { level: 9 }).length;
  total += gz;
  console.log(`${url.padEnd(44)} ${kib(gz).padStart(7)} KiB gz`);
}
console.log(`initial JavaScript of #/: ${kib(total)} KiB gzipped (budget 130 KiB)`);
// The page itself carries every route's prerendered page (scripts/prerender.ts).
const page = Buffer.from(html);
console.log(
  `index.html with its prerendered pages: ${kib(page.length)} KiB, ${kib(gzipSync(page, { level: 9 }).length)} KiB gzipped`,
);
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !urls.some((u) => u.endsWith(f)));
for (const f of lazy) {
  const gz = gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length;
  console.log(`  lazy ${f.padEnd(40)} ${kib(gz).padStart(7)} KiB gz`);
}
