// Runs one measured job in a fresh process and prints {ms, maxRssMb} as JSON on stdout.
//   node measure.js load  <file>   — a bare exceljs load
//   node measure.js check <file>   — `thidua check <file> --json` (output discarded)
const path = require('path');
const [job, file] = process.argv.slice(2);
const root = path.resolve(__dirname, '../..');

async function run() {
  const t0 = process.hrtime.bigint();
  if (job === 'load') {
    const ExcelJS = require('exceljs');
    await new ExcelJS.Workbook().xlsx.readFile(file);
  } else {
    const { main } = require(path.join(root, 'build/src/cli/main.js'));
    let bytes = 0;
    const code = await main(['check', file, '--json'], { out: (s) => (bytes += s.length), err: () => {} });
    if (code !== 0 || bytes === 0) throw new Error(`check exited ${code}`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
run().catch((e) => {
  process.stderr.write(String(e && e.message));
  process.exitCode = 1;
});
