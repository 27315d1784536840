// What the tests need outside node_modules (scripts/system-packages.txt). Checked before any test runs:
// a missing one stops npm test at once, naming the packages and the one command that installs them.
const fs = require('fs');
const path = require('path');

function missingPackages(root) {
  const list = fs.readFileSync(path.join(root, 'scripts/system-packages.txt'), 'utf8');
  const missing = [];
  for (const line of list.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    const [pkg, file] = line.trim().split(/\s+/);
    if (!fs.existsSync(file)) missing.push(pkg);
  }
  return missing;
}

function assertPrerequisites(root) {
  const missing = missingPackages(root);
  if (missing.length === 0) return;
  throw new Error(
    `The tests need Debian packages that are not installed: ${missing.join(', ')}.\n` +
      `Install them and run every test with: bash scripts/test-all.sh\n` +
      `(or: sudo apt-get install ${missing.join(' ')})`,
  );
}

module.exports = { missingPackages, assertPrerequisites };
