import type { SsoProfilesOptions } from '../../src/cli/command';
import { ssoProfilesLine } from '../../src/cli/ssoProfilesLine';
import { hintedCommand } from '../support/hints';

describe(ssoProfilesLine.name, () => {
  it.each<SsoProfilesOptions>([
    { write: false },
    { profile: 'dev', write: true },
    { profile: 'it\'s mine', region: 'us-east-1', write: false },
    { startUrl: 'https://acme.awsapps.com/start', ssoRegion: 'eu-west-1', write: true },
    { startUrl: 'https://acme.awsapps.com/start#/', ssoRegion: 'eu-west-1', sessionName: 'acme prod', region: 'us-west-2', write: false },
    { startUrl: 'https://x.awsapps.com/start?a=1&b=$HOME', ssoRegion: 'eu-west-1', write: false },
  ])('parses back to the same options: %j', async (options) => {
    const command = await hintedCommand(`Run "${ssoProfilesLine(options)}".`);
    expect(command).toEqual({ name: 'ssoProfiles', options });
  });
});
