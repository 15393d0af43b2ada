// Assembles the unpacked extension: node extension/build.mjs [OUT] [--host-permission=PATTERN]
// OUT (default target/extension) gets manifest.json, ext/ (this folder's scripts, pages and
// styles), www/ (a copy of the page, its modules and its built wasm: the service worker, the panel
// and "Open in newslens" load them from there), vendor/ (Readability from node_modules) and
// ext/content/highlight.css, written from the page's palette in www/style.css so that the
// extension paints speakers in the page's colours, and ext/content/place.js, the page's card
// placement (www/place.js) as a content script. --host-permission adds a host permission (the
// browser tests' copy, which has no user gesture to grant activeTab). It does not build the wasm
// (./build.sh build does) nor zip the folder (./build.sh extension does).
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { highlightCss } from './palette.mjs';
import { placeCard } from '../www/place.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const args = process.argv.slice(2);
const out = path.resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? 'target/extension');
const host = args.find((a) => a.startsWith('--host-permission='))?.split('=')[1];

const need = [path.join(ROOT, 'www/pkg/newslens_bg.wasm'), path.join(HERE, 'node_modules/@mozilla/readability/Readability.js')];
for (const f of need) if (!existsSync(f)) throw new Error(`missing ${path.relative(ROOT, f)}: run ./build.sh extension`);

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

// the manifest, at the version of the crate
const manifest = JSON.parse(readFileSync(path.join(HERE, 'manifest.json'), 'utf8'));
manifest.version = readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "(\d+\.\d+\.\d+)"/m)[1];
if (host) manifest.host_permissions = [host];
writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

// the extension's own files: scripts, pages, styles (not the build's files nor node_modules)
const own = (name) => /\.(js|html|css)$/.test(name);
mkdirSync(path.join(out, 'ext/content'), { recursive: true });
for (const dir of ['', 'content']) {
  for (const f of readdirSync(path.join(HERE, dir))) if (own(f)) cpSync(path.join(HERE, dir, f), path.join(out, 'ext', dir, f));
}
writeFileSync(path.join(out, 'ext/content/highlight.css'), highlightCss(readFileSync(path.join(ROOT, 'www/style.css'), 'utf8')));
// the page's card placement for the content scripts, which cannot import a module: the function's
// own source (www/place.js keeps it self-contained), set on the content scripts' namespace
writeFileSync(path.join(out, 'ext/content/place.js'), `// Written by extension/build.mjs from www/place.js: do not edit.
(globalThis.newslensExt ??= {}).placeCard ??= ${placeCard.toString()};
`);

// the page as it is built (its modules, style, worker and wasm)
cpSync(path.join(ROOT, 'www'), path.join(out, 'www'), { recursive: true });

// Readability, with its licence
const lib = path.join(HERE, 'node_modules/@mozilla/readability');
mkdirSync(path.join(out, 'vendor'));
for (const f of ['Readability.js', 'Readability-readerable.js', 'LICENSE.md']) cpSync(path.join(lib, f), path.join(out, 'vendor', f));
const version = JSON.parse(readFileSync(path.join(lib, 'package.json'), 'utf8')).version;
console.error(`extension: ${path.relative(ROOT, out)} (Readability ${version}${host ? `, host permission ${host}` : ''})`);
