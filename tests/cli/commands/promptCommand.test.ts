import { promptSegment } from '../../../src/cli/commands/promptCommand';

const NOW = new Date(Date.UTC(2026, 10, 25, 12, 0, 0));
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60e3).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe(promptSegment.name, () => {
  it.each<[string, Record<string, string>, string | undefined, string]>([
    ['nothing exported: nothing', {}, undefined, ''],
    ['nothing exported, with a format: nothing', { AWS_CREDENTIAL_EXPIRATION: at(42) }, '[{profile}] ', ''],
    ['an empty AWSENV_PROFILE: nothing', { AWSENV_PROFILE: '' }, undefined, ''],
    ['the profile and the time left', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(42) }, undefined, 'admin (42m)'],
    ['hours and minutes', { AWSENV_PROFILE: 'alice', AWS_CREDENTIAL_EXPIRATION: at(12 * 60 - 1) }, undefined, 'alice (11h59m)'],
    ['under a minute', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(0.5) }, undefined, 'admin (<1m)'],
    ['past the expiry', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(-1) }, undefined, 'admin (expired)'],
    ['at the expiry', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(0) }, undefined, 'admin (expired)'],
    ['long-term keys: the profile alone', { AWSENV_PROFILE: 'static' }, undefined, 'static'],
    ['an expiry that does not parse', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: 'stale' }, undefined, 'admin (?)'],
    ['the AWS CLI\'s "UTC" ending', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(42).replace(/Z$/, 'UTC') }, undefined, 'admin (42m)'],
    ['a format', { AWSENV_PROFILE: 'admin', AWS_CREDENTIAL_EXPIRATION: at(42) }, 'aws:{profile}[{left}] ', 'aws:admin[42m] '],
    ['a format, each placeholder as often as it comes', { AWSENV_PROFILE: 'a', AWS_CREDENTIAL_EXPIRATION: at(5) }, '{profile}{profile} {left}{left}', 'aa 5m5m'],
    ['a format, other braces kept', { AWSENV_PROFILE: 'a' }, '{region} {{profile}} %F{red}{left}%f', '{region} {a} %F{red}%f'],
    ['an empty format', { AWSENV_PROFILE: 'admin' }, '', ''],
    ['control characters in the name shown as ?', { AWSENV_PROFILE: 'x\u001b[31my' }, undefined, 'x?[31my'],
    // The name is given as it is: a placeholder in it is not read again.
    ['a placeholder in the name', { AWSENV_PROFILE: '{left}' }, '{profile}:{left}', '{left}:'],
  ])('%s', (_why, env, format, segment) => {
    expect(promptSegment(env, NOW, format)).toBe(segment);
  });
});
