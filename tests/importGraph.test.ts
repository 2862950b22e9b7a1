import fs from 'node:fs';
import path from 'node:path';

// The layering the folders promise, checked on the sources themselves: each folder imports only from the folders
// before it in this list, the AWS SDK is imported only in aws/, and no file imports itself through others.
const LAYERS = ['core', 'config', 'chain', 'cache', 'aws', 'sso', 'interaction', 'providers', 'render', 'cli'];
const SRC = path.resolve(__dirname, '..', '..', 'src');
const IMPORT = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(full) : entry.name.endsWith('.ts') ? [path.relative(SRC, full)] : [];
  });
}

const files = sources(SRC);
// Type imports count: a cycle of types still ties the files' meanings together.
const imports = new Map(
  files.map((file) => {
    const text = fs.readFileSync(path.join(SRC, file), 'utf8');
    const specs = [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2]);
    return [file, specs] as const;
  }),
);
const local = (file: string, spec: string) => `${path.normalize(path.join(path.dirname(file), spec))}.ts`;
const ENTRY_POINTS = ['main.ts', 'launcher.ts'];
// The entry points stand above every layer.
const layerOf = (file: string) => (ENTRY_POINTS.includes(file) ? LAYERS.length : LAYERS.indexOf(file.split(path.sep)[0]));

test('the sources are where the layering expects them', () => {
  expect(files.length).toBeGreaterThan(50);
  const loose = files.filter((file) => layerOf(file) < 0);
  expect(loose).toEqual([]);
});

test('imports point down the layers only', () => {
  const upward = files.flatMap((file) =>
    imports.get(file)!.filter((spec) => spec.startsWith('.') && layerOf(local(file, spec)) > layerOf(file)).map((spec) => `${file} → ${spec}`),
  );
  expect(upward).toEqual([]);
});

test('only aws/ imports the AWS SDK', () => {
  const sdk = files.flatMap((file) => imports.get(file)!.filter((spec) => /^@aws-sdk\/|^@smithy\/credential-provider/.test(spec)).map((spec) => `${file} → ${spec}`));
  expect(sdk.length).toBeGreaterThan(0);
  expect(sdk.filter((line) => !line.startsWith(`aws${path.sep}`))).toEqual([]);
});

test('no import cycle, type imports included', () => {
  const graph = new Map(files.map((file) => [file, imports.get(file)!.filter((spec) => spec.startsWith('.')).map((spec) => local(file, spec)).filter((target) => files.includes(target))]));
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, trail: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file)!) visit(next, [...trail, file]);
    state.set(file, 'done');
  };
  files.forEach((file) => visit(file, []));
  expect(cycles).toEqual([]);
});

test('no source file is over 250 lines', () => {
  const long = files.map((file) => [file, fs.readFileSync(path.join(SRC, file), 'utf8').split('\n').length] as const).filter(([, lines]) => lines > 250);
  expect(long).toEqual([]);
});
