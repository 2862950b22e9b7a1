import fc from 'fast-check';
import { renderers } from '../../src/render/formats';
import type { Plan } from '../../src/render/plan';
import { effectIn, evaluateIn, EVAL_FORMS } from './formatReaders';
import { BASH, FISH, POSIX_SH, ZSH, type Shell } from '../support/shellRun';

// Arbitrary strings through the shell renderers and a real shell, evaluated as the wrappers evaluate them: every
// value arrives as it was. Each run puts a batch of values in one plan, so a run is one shell process. The run
// counts are in docs/reliability.md; FC_SEED reproduces a run.

const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};
// Any Unicode text but NUL, which no shell variable can hold (the renderers refuse it: see renderers.test.ts).
const value = fc.string({ unit: 'binary', maxLength: 60 }).filter((v) => !v.includes('\0'));
const batch = fc.array(value, { minLength: 1, maxLength: 12 });
const planOf = (values: readonly string[]): Plan => values.map((v, i) => [`AWSENV_FUZZ_${i}`, v] as const);

const SHELLS: ReadonlyArray<[Shell, 'sh' | 'fish']> = [
  [BASH, 'sh'],
  [ZSH, 'sh'],
  [POSIX_SH, 'sh'],
  [FISH, 'fish'],
];

describe.each(SHELLS)('%s', (shell, format) => {
  test(`any values rendered as ${format} arrive whole, quoted form`, async () => {
    await fc.assert(
      fc.asyncProperty(batch, async (values) => {
        const plan = planOf(values);
        const names = plan.map(([name]) => name);
        const { result, created } = await evaluateIn(shell, renderers[format].render(plan), names, { preset: false });
        expect(created).toEqual([]);
        expect(effectIn(result, names)).toEqual(Object.fromEntries(plan));
      }),
      { numRuns: 40, ...seed },
    );
  }, 120000);

  // Unquoted, the shell splits the output into words: exact for what AWS issues and names without blanks or globs.
  test(`values shaped like what AWS issues arrive whole, every eval form (${EVAL_FORMS.join(', ')})`, async () => {
    const issued = fc.stringMatching(/^[A-Za-z0-9+/=:.-]{1,400}$/);
    await fc.assert(
      fc.asyncProperty(fc.array(issued, { minLength: 1, maxLength: 8 }), fc.constantFrom(...EVAL_FORMS), async (values, form) => {
        const plan = planOf(values);
        const names = plan.map(([name]) => name);
        const { result } = await evaluateIn(shell, renderers[format].render(plan), names, { preset: false, form });
        expect(effectIn(result, names)).toEqual(Object.fromEntries(plan));
      }),
      { numRuns: 25, ...seed },
    );
  }, 120000);
});
