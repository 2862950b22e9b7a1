#!/usr/bin/env node
/**
 * The bin: runs the bundled CLI with V8's code cache, written at build time beside each bundle, so Node need not
 * compile the bundles on every start. A cache that does not fit this Node is refused by V8 itself and the bundle is
 * compiled as usual.
 *
 * The CLI comes as two bundles (scripts/splitBundle.mjs): awsenv-main.js holds what a cached export runs and is always
 * loaded; awsenv-cold.js holds the rest and is loaded the first time the warm side asks for one of its modules. Each
 * side asks for the other's modules as `awsenv:cold/NAME` or `awsenv:warm/NAME`, answered here from the other
 * bundle's table.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

type Table = Record<string, () => unknown>;
/** What a bundle sees as `module`: its exports, and its file for messages. */
interface BundleModule {
  exports: unknown;
  readonly filename: string;
}
const COLD = 'awsenv:cold/';
const WARM = 'awsenv:warm/';

// The bundles sit beside this file, so this file's own require finds what they require (Node's built-ins and the
// packages left out of them) as theirs would. Not node:module's createRequire: loading node:module costs a start.
const nodeRequire = require;
const warm = bundleModule('awsenv-main.js');
let cold: BundleModule | undefined;

run(warm, (id) => (id.startsWith(COLD) ? fromTable(coldBundle(), 'coldModules', id.slice(COLD.length)) : nodeRequire(id)));

function coldBundle(): BundleModule {
  if (cold) return cold;
  cold = bundleModule('awsenv-cold.js');
  run(cold, (id) => (id.startsWith(WARM) ? fromTable(warm, 'warmModules', id.slice(WARM.length)) : nodeRequire(id)));
  return cold;
}

function fromTable(bundle: BundleModule, table: string, name: string): unknown {
  const load = (bundle.exports as Record<string, Table | undefined>)[table]?.[name];
  // Only a build that split the modules wrongly gets here.
  if (!load) throw new Error(`${path.basename(bundle.filename)} has no module ${name}`);
  return load();
}

function bundleModule(name: string): BundleModule {
  return { exports: {}, filename: path.join(__dirname, name) };
}

function run(mod: BundleModule, load: (id: string) => unknown) {
  const file = mod.filename;
  const cacheFile = `${file}.v8cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // Node's own module wrapper, as Module.wrap writes it.
  const source = `(function (exports, require, module, __filename, __dirname) { ${fs.readFileSync(file, 'utf8')}\n});`;
  // The script's name goes into the code cache and, from it, into every stack trace: a bare file name, so that neither
  // the build machine's directories nor the user's show there.
  const script = new vm.Script(source, { filename: path.basename(file), cachedData });
  // The build runs a command with this set to a bundle's name, then keeps what V8 compiled of that bundle for it.
  if (process.env.AWSENV_WRITE_CODE_CACHE === path.basename(file)) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
  // yargs looks at require.main, require.cache and require.resolve.
  const req = Object.assign(load, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions });
  script.runInThisContext()(mod.exports, req, mod, file, __dirname);
}
