#!/usr/bin/env node
/**
 * The bin: runs the bundled CLI with V8's code cache, written at build time beside it, so Node need not compile the
 * bundle's half megabyte on every start (about a third of a cached run's time). A cache that does not fit this Node
 * is refused by V8 itself and the bundle is compiled as usual.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import Module from 'node:module';

const bundle = path.join(__dirname, 'awsenv-main.js');
const cacheFile = `${bundle}.v8cache`;
let cachedData: Buffer | undefined;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// The script's name goes into the code cache and, from it, into every stack trace: a bare file name, so that neither
// the build machine's directories nor the user's show there.
const script = new vm.Script(Module.wrap(fs.readFileSync(bundle, 'utf8')), { filename: path.basename(bundle), cachedData });
// The build runs one command with this set, then keeps what V8 compiled for it.
if (process.env.AWSENV_WRITE_CODE_CACHE) process.on('exit', () => fs.writeFileSync(cacheFile, script.createCachedData()));
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(__dirname);
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, __dirname);
