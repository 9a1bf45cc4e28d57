// Compiles apps/, libs/ and bench/ to dist/ with swc (≈1 s; tsc --noEmit is the type check).
// Path aliases (@tenderledger/*) are rewritten to relative requires at compile time,
// so the compiled tree runs with plain `node` and no resolver hook.
const { transformFileSync } = require('@swc/core');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'dist');
const roots = ['apps', 'libs', 'bench'];
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
delete swcrc.$schema;

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(p);
    else if (entry.name.endsWith('.ts') && !/\.(spec|test)\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield p;
  }
}

let count = 0;
const started = Date.now();
for (const r of roots) {
  const dir = path.join(root, r);
  if (!fs.existsSync(dir)) continue;
  for (const file of walk(dir)) {
    const { code, map } = transformFileSync(file, {
      ...swcrc,
      swcrc: false,
      filename: file,
      sourceMaps: true,
      jsc: {
        ...swcrc.jsc,
        baseUrl: root,
        paths: {
          '@tenderledger/domain-kit/testing': ['libs/domain-kit/src/testing/index.ts'],
          '@tenderledger/*': ['libs/*/src/index.ts'],
        },
      },
    });
    const target = path.join(out, path.relative(root, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, code + `\n//# sourceMappingURL=${path.basename(target)}.map`);
    if (map) fs.writeFileSync(target + '.map', map);
    count++;
  }
}
console.log(`built ${count} files into dist/ in ${Date.now() - started} ms`);
