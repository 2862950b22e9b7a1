#!/usr/bin/env node
/**
 * `npm run build` (and `npm run bundle`): makes the whole build in a fresh directory beside dist/, then swaps it in
 * with renames, so dist/ is always one complete build, the old or the new. A test or an `npx awsenv` that runs while
 * a build is under way never finds dist/ half made, and a failed build leaves the last good one in place.
 *
 *   node scripts/build.mjs [build|bundle] [--root DIR]
 *
 * build   tsc into the new directory, bundle it with esbuild as a warm and a cold bundle (scripts/splitBundle.mjs),
 *         render the help pages (scripts/writeHelpPages.ts), write V8's code caches (scripts/writeCodeCache.ts)
 * bundle  the same from a copy of dist/'s compiled sources, without tsc
 * --root  the project to build (the checkout by default); its tests build a small fixture project this way
 *
 * Plain JavaScript, not TypeScript like the other scripts: it must run before anything is compiled, tsc included.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { splitBundle } from './splitBundle.mjs';

const require = createRequire(import.meta.url);
const NODE_TARGET = 'node20';
const NOT_BUNDLED = ['@aws-sdk/*', 'open', '@smithy/credential-provider-imds'];

const { mode, root } = parseArgs(process.argv.slice(2));
const dist = path.join(root, 'dist');
const temp = path.join(root, `dist.tmp-${process.pid}`);

removeLeftovers();
try {
  if (mode === 'bundle') {
    if (!fs.existsSync(path.join(dist, 'src'))) throw new Error('dist/src is missing: run `npm run build` first.');
    fs.cpSync(dist, temp, { recursive: true });
  } else {
    fs.mkdirSync(temp);
    await run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.json'), '--outDir', temp]);
  }
  await bundle(temp);
  if (fs.existsSync(path.join(temp, 'scripts', 'writeHelpPages.js'))) await run(process.execPath, [path.join(temp, 'scripts', 'writeHelpPages.js')]);
  await run(process.execPath, [path.join(temp, 'scripts', 'writeCodeCache.js')]);
  swapIn();
} catch (error) {
  fs.rmSync(temp, { recursive: true, force: true });
  console.error(`build failed, dist/ left as it was: ${error.message}`);
  process.exit(1);
}

function parseArgs(args) {
  const parsed = { mode: 'build', root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..') };
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--root' && i + 1 < args.length) parsed.root = path.resolve(args[++i]);
    else if (args[i] === 'build' || args[i] === 'bundle') parsed.mode = args[i];
    else {
      console.error(`usage: node scripts/build.mjs [build|bundle] [--root DIR] (not understood: "${args[i]}")`);
      process.exit(2);
    }
  }
  return parsed;
}

async function bundle(dir) {
  const esbuild = await import('esbuild');
  // Paths relative to the new directory, so the bundles' module comments do not carry the temporary name.
  // ASCII only and without comments: one character past ASCII makes V8 hold the whole source as two-byte text, which
  // doubled the time to read the bundle and to check its code cache on every start.
  const common = { absWorkingDir: dir, bundle: true, platform: 'node', target: NODE_TARGET, logLevel: 'warning', charset: 'ascii', minifyWhitespace: true };
  // The CLI as a warm and a cold bundle (scripts/splitBundle.mjs), the bin that runs them, each with a code cache.
  await splitBundle(esbuild, root, dir, { ...common, external: NOT_BUNDLED });
  await esbuild.build({ ...common, entryPoints: ['src/launcher.js'], outfile: 'awsenv.js' });
}

/**
 * Two renames: dist/ away, the new build in. Between them dist/ is missing for a moment, never partial; Node has no
 * atomic exchange of two directories.
 */
function swapIn() {
  const old = path.join(root, `dist.old-${process.pid}`);
  let hadOld = true;
  try {
    fs.renameSync(dist, old);
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    hadOld = false;
  }
  try {
    fs.renameSync(temp, dist);
  } catch (error) {
    if (hadOld) fs.renameSync(old, dist);
    throw error;
  }
  if (hadOld) fs.rmSync(old, { recursive: true, force: true });
}

/**
 * What builds that were killed left behind; a directory of a build still running is its own business. A build killed
 * between its two renames left the last good build as dist.old-PID: that one goes back to dist/.
 */
function removeLeftovers() {
  for (const name of fs.readdirSync(root)) {
    const match = /^dist\.(tmp|old)-(\d+)$/.exec(name);
    if (!match || alive(Number(match[2]))) continue;
    if (match[1] === 'old' && !fs.existsSync(dist)) fs.renameSync(path.join(root, name), dist);
    else fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function run(file, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(args[0])} ${signal ? `was killed by ${signal}` : `exited with ${code}`}`)),
    );
  });
}
