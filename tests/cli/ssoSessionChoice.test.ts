import { chooseSsoSession, defaultSessionName, portalOf, type WantedSession } from '../../src/cli/ssoSessionChoice';
import { ssoProfilesLine } from '../../src/cli/ssoProfilesLine';
import { AwsenvError } from '../../src/core/errors';
import { hintedCommand } from '../support/hints';
import { loadIni, removeIniFiles } from '../support/iniFiles';

afterAll(removeIniFiles);

const ACME = 'https://acme.awsapps.com/start';
const CONFIG = `[sso-session corp]\nsso_start_url = ${ACME}/\nsso_region = eu-west-1\n\n[sso-session acme]\nsso_start_url = https://other.awsapps.com/start\nsso_region = us-east-1\n`;
const again = (wanted: WantedSession) => (changes: Partial<WantedSession>) =>
  ssoProfilesLine({ startUrl: wanted.startUrl, ssoRegion: changes.region ?? wanted.region, sessionName: 'sessionName' in changes ? changes.sessionName : wanted.sessionName, write: true });

describe(defaultSessionName.name, () => {
  it.each([
    [ACME, 'acme'],
    ['https://d-1234567890.awsapps.com/start', 'd-1234567890'],
    ['https://ssoins-7223.portal.us-east-1.app.aws', 'ssoins-7223'],
    ['https://My_Corp.awsapps.com/start', 'my-corp'],
    ['not a url', 'sso'],
  ])('%s → %s', (url, name) => expect(defaultSessionName(url)).toBe(name));
});

describe(portalOf.name, () => {
  it.each([ACME, `${ACME}/`, `${ACME}#/`, ` ${ACME}/#/ `])('%j is the portal %s', (url) => expect(portalOf(url)).toBe(ACME));
});

describe(chooseSsoSession.name, () => {
  it.each<{ case: string; config: string; wanted: WantedSession; name: string; region: string; added: boolean }>([
    { case: 'reuses the session of the start URL, whatever its name', config: CONFIG, wanted: { startUrl: ACME }, name: 'corp', region: 'eu-west-1', added: false },
    { case: 'reuses it when the region agrees', config: CONFIG, wanted: { startUrl: ACME, region: 'eu-west-1' }, name: 'corp', region: 'eu-west-1', added: false },
    { case: 'a new one, named after the portal', config: '', wanted: { startUrl: ACME, region: 'eu-west-1' }, name: 'acme', region: 'eu-west-1', added: true },
    { case: 'a new one, whose name another portal\'s session has taken', config: CONFIG, wanted: { startUrl: 'https://acme.example.com/start', region: 'eu-west-1' }, name: 'acme-2', region: 'eu-west-1', added: true },
    { case: 'a new one named --session-name', config: CONFIG, wanted: { startUrl: 'https://new.awsapps.com/start', region: 'us-east-2', sessionName: 'mine' }, name: 'mine', region: 'us-east-2', added: true },
  ])('$case', ({ config, wanted, name, region, added }) => {
    const choice = chooseSsoSession(wanted, loadIni({ config }), again(wanted));
    expect({ name: choice.name, region: choice.region, added: Boolean(choice.section) }).toEqual({ name, region, added });
    if (added) expect(choice.section).toBe(`[sso-session ${name}]\nsso_start_url = ${wanted.startUrl}\nsso_region = ${region}\nsso_registration_scopes = sso:account:access\n`);
  });

  // Every refusal's hint is a line awsenv runs, and one that would not be refused the same way.
  it.each<{ case: string; wanted: WantedSession; message: RegExp }>([
    { case: '--session-name of another start URL', wanted: { startUrl: ACME, region: 'eu-west-1', sessionName: 'acme' }, message: /sso-session "acme" of the config signs in to https:\/\/other/ },
    { case: 'a region the session of the start URL does not sign in in', wanted: { startUrl: ACME, region: 'us-east-1' }, message: /signs in in eu-west-1, not us-east-1/ },
    { case: 'a --session-name no header can hold', wanted: { startUrl: 'https://new.awsapps.com/start', region: 'eu-west-1', sessionName: 'a b"' }, message: /cannot name a section/ },
  ])('refuses $case, with a hint that runs', async ({ wanted, message }) => {
    const config = loadIni({ config: CONFIG });
    let error: unknown;
    try {
      chooseSsoSession(wanted, config, again(wanted));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsenvError);
    expect((error as AwsenvError).detail).toMatch(message);
    const hinted = await hintedCommand((error as AwsenvError).hint);
    if (hinted.name !== 'ssoProfiles') throw new Error(`hint runs ${hinted.name}`);
    const fixed = hinted.options;
    expect(() => chooseSsoSession({ startUrl: fixed.startUrl!, region: fixed.ssoRegion, sessionName: fixed.sessionName }, config)).not.toThrow();
  });

  it('needs --sso-region for a start URL the config has no session of', () => {
    expect(() => chooseSsoSession({ startUrl: 'https://new.awsapps.com/start' }, loadIni({ config: CONFIG }))).toThrow(/needs --sso-region/);
  });
});
