/**
 * Part of the build (scripts/build.mjs): bundles the compiled sources as two files, so that a cached export reads,
 * checks and runs only the code it uses.
 *
 *   awsenv-main.js  the warm bundle: every module src/main.ts reaches by static imports (the dispatcher, the config
 *                   reader, resolve, the credential cache, the renderers)
 *   awsenv-cold.js  the cold bundle: every module reached only through an `import()` (the SDK adapters, sign-in,
 *                   yargs' parser, the providers that call out, the commands that spawn)
 *
 * Each module lives in exactly one of them, so no state or class is ever doubled. Where one side uses a module of the
 * other, esbuild leaves a call `require("awsenv:cold/src/...js")` or `require("awsenv:warm/src/...js")`, which the
 * launcher (src/launcher.ts) answers from the other bundle's table of modules.
 *
 * The split comes from the TypeScript sources, where a static import and an `import()` still differ (in tsc's
 * CommonJS output both are require calls). Packages go with the side that imports them; one imported from both sides
 * stops the build, as it would be loaded twice.
 *
 * Plain JavaScript, like build.mjs: it runs before anything is compiled.
 */
import path from 'node:path';

export const COLD_PREFIX = 'awsenv:cold/';
export const WARM_PREFIX = 'awsenv:warm/';

/**
 * @param esbuild the esbuild module
 * @param root the project, whose src/main.ts is the entry
 * @param dir the build directory, holding tsc's output under src/
 * @param options esbuild options both bundles share
 */
export async function splitBundle(esbuild, root, dir, options) {
  const { warm, coldRoots } = await analyse(esbuild, root);
  const coldUsesWarm = new Set();
  const coldPackages = new Set();
  const cold = await esbuild.build({
    ...options,
    metafile: true,
    stdin: { contents: table('coldModules', [...coldRoots].sort()), resolveDir: dir, sourcefile: 'cold-entry.js', loader: 'js' },
    outfile: 'awsenv-cold.js',
    plugins: [crossing(dir, (rel) => warm.has(rel), WARM_PREFIX, coldUsesWarm)],
  });
  for (const input of Object.keys(cold.metafile.inputs)) if (input.includes('node_modules')) coldPackages.add(input);
  const warmBuild = await esbuild.build({
    ...options,
    metafile: true,
    stdin: {
      contents: `${table('warmModules', [...coldUsesWarm].sort())}require("./src/main.js");\n`,
      resolveDir: dir,
      sourcefile: 'warm-entry.js',
      loader: 'js',
    },
    outfile: 'awsenv-main.js',
    plugins: [crossing(dir, (rel) => rel.startsWith('src/') && !warm.has(rel), COLD_PREFIX, new Set())],
  });
  const both = Object.keys(warmBuild.metafile.inputs).filter((input) => coldPackages.has(input));
  if (both.length) throw new Error(`bundled on both sides of the warm/cold split, so it would load twice: ${both.join(', ')}`);
}

/** The modules of each side, by their compiled names ("src/cli/main.js"), from the TypeScript sources' imports. */
async function analyse(esbuild, root) {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/main.ts'],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    packages: 'external',
    outdir: 'analysis',
    logLevel: 'warning',
  });
  const inputs = result.metafile.inputs;
  const compiled = (file) => file.replace(/\.ts$/, '.js');
  const warm = new Set();
  const todo = ['src/main.ts'];
  while (todo.length) {
    const file = todo.pop();
    if (warm.has(compiled(file))) continue;
    warm.add(compiled(file));
    for (const edge of inputs[file].imports) if (!edge.external && edge.kind === 'import-statement') todo.push(edge.path);
  }
  const coldRoots = new Set();
  for (const file of Object.keys(inputs)) {
    if (!warm.has(compiled(file))) continue;
    for (const edge of inputs[file].imports) if (!edge.external && !warm.has(compiled(edge.path))) coldRoots.add(compiled(edge.path));
  }
  return { warm, coldRoots };
}

/** A module whose `name` export maps each module's compiled name to a function that loads it. */
function table(name, modules) {
  const rows = modules.map((rel) => `  ${JSON.stringify(rel)}: () => require(${JSON.stringify(`./${rel}`)}),`);
  return `exports.${name} = {\n${rows.join('\n')}\n};\n`;
}

/** An esbuild plugin that leaves each import of the other side's modules as a require of `prefix` + its name. */
function crossing(dir, otherSide, prefix, used) {
  const again = Symbol('resolving');
  return {
    name: 'awsenv-split',
    setup(build) {
      build.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === again) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: again });
        if (resolved.errors.length) return { errors: resolved.errors };
        const rel = path.relative(dir, resolved.path).split(path.sep).join('/');
        if (!otherSide(rel)) return { path: resolved.path };
        used.add(rel);
        return { path: `${prefix}${rel}`, external: true };
      });
    },
  };
}
