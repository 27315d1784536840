// Preloaded (`node -r`) into a measured child process: when the process exits, writes its peak RSS
// and its lifetime to the file named by BENCH_REPORT, so that stdout/stderr stay the program's own.
const fs = require('fs');
const { performance } = require('perf_hooks');

process.on('exit', () => {
  const file = process.env.BENCH_REPORT;
  if (!file) return;
  fs.writeFileSync(file, JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, lifeMs: performance.now() }));
});
