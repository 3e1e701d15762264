/**
 * `npm run conformance -- DIR`: runs the engine over every fixture file in DIR,
 * prints a count per file and ends with `N passed, N failed`. A case PyTorch
 * refuses passes only when the engine refuses it for the same reason. Exits 1 on
 * any failure.
 */
import { resolve } from 'node:path';
import { runDir } from '../tests/support/conformance';

const dir = resolve(process.argv[2] ?? 'tests/fixtures/pytorch');
const reports = runDir(dir);
let passed = 0;
let failed = 0;
let skipped = 0;
for (const r of reports) {
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  const counts = [`${r.passed} passed`, `${r.failed} failed`];
  const refusals = r.refusals > 0 ? ` (${r.refusals} refused for PyTorch's reason)` : '';
  console.log(`${r.file.padEnd(24)} ${counts.join(', ')}${refusals}`);
  if (r.skipped > 0) console.log(`${r.file.padEnd(24)} ${r.skipped} skipped (not implemented yet)`);
  for (const f of r.failures.slice(0, 10)) console.log(`  case ${f.index}: ${f.reason}`);
}
if (reports.length === 0) console.log(`no fixture files in ${dir}`);
if (skipped > 0) console.log(`skipped: ${skipped}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || reports.length === 0 ? 1 : 0);
