import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runProcess } from '../support/cli';

const BUILD = path.resolve(__dirname, '..', '..', '..', 'scripts', 'build.mjs');

// A project of awsenv's layout in a few lines, so each build takes a second, not the checkout's full build.
const NODE = 'declare const require: (id: string) => any;\ndeclare const __dirname: string;\n';
const WRITE_CACHE = "require('fs').writeFileSync(require('path').join(__dirname, '..', 'awsenv-main.js.v8cache'), 'cache');\n";
const PROJECT: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, types: [], rootDir: '.', outDir: 'dist' }, include: ['src', 'scripts'] }),
  // A character past ASCII, in a string and in a comment, as the real sources have.
  'src/main.ts': "/** old → new */\nexport const build = 'new →';\n",
  'src/launcher.ts': "export const launcher = 'new';\n",
  'scripts/writeCodeCache.ts': `${NODE}${WRITE_CACHE}`,
};
const TYPE_ERROR = { 'src/main.ts': "export const build: number = 'new';\n" };
const OLD_BUILD = { 'awsenv.js': 'old bin', 'awsenv-main.js': 'old bundle', 'src/main.js': 'old compiled' };

function project(changes: Record<string, string | null> = {}): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'awsenv-build-test-'));
  const files = { ...PROJECT, ...Object.fromEntries(Object.entries(OLD_BUILD).map(([name, text]) => [`dist/${name}`, text])), ...changes };
  for (const [name, text] of Object.entries(files)) {
    if (text === null) continue;
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

/** Every file under dir with its text, so a build that changed anything at all shows in the comparison. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((name) => fs.statSync(path.join(dir, name)).isFile())
      .sort()
      .map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]),
  );
}

const build = (root: string, ...args: string[]) => runProcess(process.execPath, [BUILD, ...args, '--root', root], { timeoutMs: 60000 });
const leftovers = (root: string) => fs.readdirSync(root).filter((name) => name.startsWith('dist.'));

afterAll(() => {
  for (const dir of fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith('awsenv-build-test-'))) fs.rmSync(path.join(os.tmpdir(), dir), { recursive: true, force: true });
});

describe('scripts/build.mjs', () => {
  test('builds in a directory of its own, then swaps it in for the old dist/ whole', async () => {
    // A build killed with SIGKILL leaves its directory behind (no pid is this large): the next build removes it.
    const root = project({ 'dist.tmp-99999999/src/main.js': 'half made' });
    const result = await build(root);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const built = tree(path.join(root, 'dist'));
    expect(Object.keys(built)).toEqual(['awsenv-cold.js', 'awsenv-main.js', 'awsenv-main.js.v8cache', 'awsenv.js', 'scripts/writeCodeCache.js', 'src/launcher.js', 'src/main.js']);
    expect(built['awsenv-main.js']).toContain('build="new \\u2192"');
    // V8 keeps a source with any other character as two-byte text, which is slower to read and to check.
    expect(/[^\x00-\x7f]/.test(built['awsenv-main.js'])).toBe(false);
    expect(built['awsenv-main.js.v8cache']).toBe('cache');
    expect(leftovers(root)).toEqual([]);
  }, 60000);

  // Each step can fail; the last one fails after every file of the new build is written.
  test.each([
    ['tsc', TYPE_ERROR],
    ['esbuild, after tsc', { 'src/launcher.ts': "import './missing';\n" }],
    ['the code cache, after both bundles', { 'scripts/writeCodeCache.ts': "throw new Error('no cache');\n" }],
  ])('a failure in %s leaves the old dist/ as it was and no directory of its own', async (_step, breakage) => {
    const root = project(breakage);
    const before = tree(path.join(root, 'dist'));
    const result = await build(root);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('build failed, dist/ left as it was');
    expect(tree(path.join(root, 'dist'))).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  }, 60000);

  test('bundle re-bundles the compiled sources of dist/ and swaps the result in the same way', async () => {
    const root = project({ 'dist/src/main.js': "exports.build = 'compiled earlier';\n", 'dist/src/launcher.js': '', 'dist/scripts/writeCodeCache.js': WRITE_CACHE });
    const result = await build(root, 'bundle');
    expect(result.code).toBe(0);
    const built = tree(path.join(root, 'dist'));
    expect(built['awsenv-main.js']).toContain('compiled earlier');
    expect(built['awsenv-main.js.v8cache']).toBe('cache');
    expect(leftovers(root)).toEqual([]);
  }, 60000);

  test('a build killed between its two renames leaves the last good build, and the next build puts it back', async () => {
    const root = project({ ...TYPE_ERROR, 'dist.old-99999999/awsenv.js': 'last good bin' });
    fs.rmSync(path.join(root, 'dist'), { recursive: true });
    const result = await build(root);
    expect(result.code).toBe(1);
    expect(tree(path.join(root, 'dist'))).toEqual({ 'awsenv.js': 'last good bin' });
    expect(leftovers(root)).toEqual([]);
  }, 60000);
});
