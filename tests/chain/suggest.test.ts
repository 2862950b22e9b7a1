import { closestName } from '../../src/chain/suggest';

const PROFILES = ['default', 'dev', 'prod', 'staging', 'production-eu-west', 'admin'];

describe(closestName.name, () => {
  it.each([
    { wanted: 'prdo', known: PROFILES, guess: 'prod' },
    { wanted: 'stagign', known: PROFILES, guess: 'staging' },
    { wanted: 'defualt', known: PROFILES, guess: 'default' },
    { wanted: 'PROD', known: PROFILES, guess: 'prod' },
    { wanted: 'Admin', known: PROFILES, guess: 'admin' },
    { wanted: 'production-us-west', known: PROFILES, guess: 'production-eu-west' },
    { wanted: 'devv', known: PROFILES, guess: 'dev' },
    // Ties go to the first known name: the one the caller listed first.
    { wanted: 'ab', known: ['ax', 'ay'], guess: 'ax' },
  ])('suggests "$guess" for "$wanted"', ({ wanted, known, guess }) => {
    expect(closestName(wanted, known)).toBe(guess);
  });

  it.each([
    { wanted: 'billing', known: PROFILES },
    { wanted: 'sandbox-account', known: PROFILES },
    { wanted: 'prod', known: [] },
  ])('suggests nothing for "$wanted" among $known.length names', ({ wanted, known }) => {
    expect(closestName(wanted, known)).toBeUndefined();
  });

  it('allows more typos in longer names', () => {
    // Four edits: too many for a short name, a plausible slip in an eighteen-letter one.
    expect(closestName('prod-xxxx', ['prod-abcd'])).toBeUndefined();
    expect(closestName('production-eu-xxxx', ['production-eu-west'])).toBe('production-eu-west');
  });
});
