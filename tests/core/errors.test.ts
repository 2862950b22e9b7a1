import fs from 'node:fs';
import path from 'node:path';
import { AwsenvError, configError, exitCodes, type ErrorOptions } from '../../src/core/errors';

// Tests run from dist/tests/core, three levels below the repository.
const README = path.resolve(__dirname, '..', '..', '..', 'README.md');

describe(AwsenvError.name, () => {
  it.each<{ why: string; options: ErrorOptions; message: string }>([
    { why: 'no profile: the detail alone', options: {}, message: 'it broke' },
    { why: 'no profile, a requested one is not named either', options: { requested: 'prod' }, message: 'it broke' },
    { why: 'the profile in front', options: { profile: 'dev' }, message: 'profile "dev": it broke' },
    { why: 'requested is the same profile: named once', options: { profile: 'dev', requested: 'dev' }, message: 'profile "dev": it broke' },
    { why: 'requested is another profile', options: { profile: 'base', requested: 'prod' }, message: 'profile "base" (on the way to "prod"): it broke' },
    { why: 'an empty requested is no requested', options: { profile: 'base', requested: '' }, message: 'profile "base": it broke' },
  ])('message: $why', ({ options, message }) => {
    const error = new AwsenvError('aws', 'it broke', options);
    expect(error.message).toBe(message);
    expect(error.detail).toBe('it broke');
    expect(error.profile).toBe(options.profile);
  });

  it('is an Error named AwsenvError, with the hint and the cause it was given', () => {
    const cause = new Error('underneath');
    const error = new AwsenvError('unavailable', 'down', { profile: 'p', hint: 'check the proxy', cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AwsenvError');
    expect(error.kind).toBe('unavailable');
    expect(error.hint).toBe('check the proxy');
    expect(error.cause).toBe(cause);
  });

  it('has no hint and no cause when none were given', () => {
    const error = new AwsenvError('usage', 'bad flag');
    expect(error.hint).toBeUndefined();
    expect(error.cause).toBeUndefined();
    expect(error.options).toEqual({});
  });

  describe('onTheWayTo', () => {
    it('names the profile asked for and keeps kind, detail, hint and cause', () => {
      const cause = new Error('underneath');
      const error = new AwsenvError('aws', 'access denied', { profile: 'base', hint: 'check the trust policy', cause });
      const routed = error.onTheWayTo('prod');
      expect(routed).not.toBe(error);
      expect(routed).toBeInstanceOf(AwsenvError);
      expect(routed.message).toBe('profile "base" (on the way to "prod"): access denied');
      expect(routed.kind).toBe('aws');
      expect(routed.detail).toBe('access denied');
      expect(routed.profile).toBe('base');
      expect(routed.hint).toBe('check the trust policy');
      expect(routed.cause).toBe(cause);
      expect(routed.options.requested).toBe('prod');
    });

    it('leaves the message alone when the failure is at the profile asked for', () => {
      const error = new AwsenvError('config', 'no keys', { profile: 'prod' });
      expect(error.onTheWayTo('prod').message).toBe('profile "prod": no keys');
    });

    it.each<{ why: string; options: ErrorOptions }>([
      { why: 'requested is already set', options: { profile: 'base', requested: 'middle' } },
      { why: 'there is no profile', options: { hint: 'h' } },
    ])('returns the same error when $why', ({ options }) => {
      const error = new AwsenvError('aws', 'refused', options);
      expect(error.onTheWayTo('prod')).toBe(error);
    });
  });
});

describe(configError.name, () => {
  it('is a config error with the profile and hint given', () => {
    const error = configError('unknown profile', 'prdo', 'Did you mean "prod"?');
    expect(error.kind).toBe('config');
    expect(error.message).toBe('profile "prdo": unknown profile');
    expect(error.hint).toBe('Did you mean "prod"?');
  });
});

describe('exitCodes', () => {
  /** The codes of the README's table under "Errors and exit codes": rows such as `| 3 | configuration: ...`. */
  function readmeExitCodes(): number[] {
    const readme = fs.readFileSync(README, 'utf8');
    const start = readme.indexOf('## Errors and exit codes');
    expect(start).toBeGreaterThanOrEqual(0);
    const end = readme.indexOf('\n## ', start + 1);
    const section = readme.slice(start, end < 0 ? undefined : end);
    return [...section.matchAll(/^\| (\d+) \|/gm)].map((match) => Number(match[1]));
  }

  it('are the codes the README lists, each once', () => {
    const documented = readmeExitCodes();
    const codes = Object.values(exitCodes);
    expect(new Set(documented).size).toBe(documented.length);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...documented].sort((a, b) => a - b)).toEqual([...codes].sort((a, b) => a - b));
  });

  it('keep 0 for success', () => {
    expect(Object.values(exitCodes)).not.toContain(0);
  });
});
