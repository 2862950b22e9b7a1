import fc from 'fast-check';
import { IniIndex } from '../../src/config/indexIni';
import { indexSharedFile } from '../../src/config/indexSharedFile';
import { loadConfig } from '../../src/config/loadConfig';
import { IniReader } from '../../src/config/parseIni';
import { AwsenvError } from '../../src/core/errors';
import { iniFiles, loadIni, removeIniFiles, type IniTexts } from '../support/iniFiles';
import { recordingLogger } from '../support/recordingLogger';
import { readLazily, readListed, readWhole } from '../support/sharedFileReadings';

afterAll(removeIniFiles);

/** The lines parseIni's reader is given while `run` runs. */
function linesRead(run: () => unknown): string[] {
  const read = jest.spyOn(IniReader.prototype, 'read');
  try {
    run();
    return read.mock.calls.map(([raw]) => raw);
  } finally {
    read.mockRestore();
  }
}

const configError = (message: string) => expect.objectContaining({ constructor: AwsenvError, kind: 'config', message });

describe(indexSharedFile.name, () => {
  it('reads a section only when it is asked for: the lines of the others are neither warned of nor refused', () => {
    const log = recordingLogger();
    const env = iniFiles({ config: '[profile wanted]\nregion = eu-west-1\n[profile noisy]\nregion: eu-west-1\n[profile broken]\nnot a property\n' });
    const config = loadConfig(env, log);
    expect(linesRead(() => expect(config.profiles.wanted).toEqual({ region: 'eu-west-1' }))).toEqual(['[profile wanted]', 'region = eu-west-1']);
    expect(log.warnings).toEqual([]);
    expect(config.profiles.noisy).toEqual({ region: 'eu-west-1' });
    expect(log.warnings).toEqual([expect.stringMatching(new RegExp(`^${env.AWS_CONFIG_FILE} line 4: "region: …" is read as "region = …"`))]);
    expect(() => config.profiles.broken).toThrow(configError(`${env.AWS_CONFIG_FILE} line 6: expected "name = value"`));
  });

  it('reads one section of 20,000 and no line of the others, each section once however often it is asked for', () => {
    const text = Array.from({ length: 20000 }, (_, i) => `[profile p${i}]\nsso_session = corp\nsso_account_id = ${100000000000 + i}\n`).join('');
    const config = loadIni({ config: text });
    const lines = linesRead(() => {
      expect(config.profiles.p19999).toEqual({ sso_session: 'corp', sso_account_id: '100000019999' });
      expect(config.profiles.p19999).toBe(config.profiles.p19999);
    });
    expect(lines).toEqual(['[profile p19999]', 'sso_session = corp', 'sso_account_id = 100000019999', '']);
  });

  it('lists 20,000 names without searching the text for each (a regression: `list` took 10 s)', () => {
    const config = loadIni({ config: Array.from({ length: 20000 }, (_, i) => `[profile p${i}]\nregion = eu-west-1\n`).join('') });
    const search = jest.spyOn(IniIndex.prototype, 'startsOf');
    try {
      expect(Object.keys(config.profiles)).toHaveLength(20000);
      expect(Object.values(config.profiles).filter((p) => p.region === 'eu-west-1')).toHaveLength(20000);
      expect(search).not.toHaveBeenCalled();
    } finally {
      search.mockRestore();
    }
  });

  it('lists every name as the whole reading orders them, reading no section', () => {
    const texts: IniTexts = {
      config: '[profile b]\nx = 1\n[profile 10]\nx = 1\n[default]\nx = 1\n[profile "two words"]\nx = 1\n[sso-session s]\nx = 1\n[profile 2]\nx = 1\n[profile a]\nx = 1\n[profile b]\ny = 2\n',
      credentials: '[a]\nk = 1\n[c]\nk = 1\n[profile b]\nk = 1\n',
    };
    const config = loadIni(texts);
    const names: string[][] = [];
    expect(linesRead(() => names.push(Object.keys(config.profiles), Object.keys(config.ssoSessions)))).toEqual([]);
    expect(names).toEqual([['2', '10', 'b', 'default', 'two words', 'a', 'c', 'profile b'], ['s']]);
    expect(readWhole(texts)).toMatchObject({ names: { profiles: names[0], ssoSessions: names[1] } });
  });

  it('merges the sections of one name from all over the file, the later winning, with a note for each repetition', () => {
    const log = recordingLogger();
    const texts: IniTexts = {
      config: '[profile a]\nregion = eu-west-1\noutput = json\n[profile b]\nx = 1\n[profile "a"]\noutput = text\n[sso-session s]\nsso_region = us-east-1\n[profile a]\nregion = us-west-2\nmfa_serial = arn:aws:iam::111111111111:mfa/a\n',
    };
    // [profile a] and its repetition make one section, which [profile "a"] (a later header text) then wins over.
    expect(loadIni(texts, log).profiles.a).toEqual({ region: 'us-west-2', output: 'text', mfa_serial: 'arn:aws:iam::111111111111:mfa/a' });
    expect(log.warnings).toEqual([
      expect.stringMatching(/config line 10: \[profile a\] comes again \(first on line 1\)/),
      expect.stringMatching(/config line 11: "region" is set again in \[profile a\] \(first on line 2\)/),
    ]);
    expect(readWhole(texts)).toMatchObject({ config: { profiles: { a: loadIni(texts).profiles.a } } });
  });

  it('gives the notes of headers at once and those of a section when it is read', () => {
    const log = recordingLogger();
    const config = loadIni({ config: '[profilex foo]\nx = 1\n[ profile bar ]\ny = 2\n' }, log);
    expect(log.warnings).toEqual([expect.stringMatching(/config line 1: \[profilex foo\] is read as \[profile foo\]/)]);
    expect(config.profiles.bar).toEqual({ y: '2' });
    expect(log.warnings).toEqual([expect.anything(), expect.stringMatching(/config line 3: the spaces inside "\[ profile bar \]" are trimmed/)]);
  });

  it('checks every header at once, however far from the section asked for', () => {
    const text = `${Array.from({ length: 5000 }, (_, i) => `[profile p${i}]\nregion = eu-west-1\n`).join('')}[profile last\nregion = eu-west-1\n`;
    const env = iniFiles({ config: text });
    expect(() => loadConfig(env, recordingLogger())).toThrow(configError(`${env.AWS_CONFIG_FILE} line 10001: a section header must end with ']'`));
  });

  it('takes a [DEFAULT] anywhere in the file as the start of every section it reads', () => {
    const config = loadIni({ config: '[profile a]\nx = 1\n[DEFAULT]\nregion = eu-west-1\n[sso-session s]\nsso_region = us-east-1\n' });
    expect(config.profiles.a).toEqual({ region: 'eu-west-1', x: '1' });
    expect(config.ssoSessions.s).toEqual({ region: 'eu-west-1', sso_region: 'us-east-1' });
  });
});

test('files of headers that name the same sections in many ways: read lazily, what the whole reading gives', () => {
  const header = fc.constantFrom('[default]', '[DEFAULT]', '[profile default]', '[profile "default"]', '[ profile default ]', '[profile a]', "[profile 'a']", '[profilex a]', '[ a ]', '[a]', '[profile 1]', '[1]', '[sso-session a]', '[services a]', '[plugins]', '  [profile a]');
  const property = fc.constantFrom('region = eu-west-1', 'region = us-east-1', 'x: 1', 's3 =', '  max = 10', '', '# c', 'y = 2 # tail');
  const file = fc.array(fc.tuple(header, fc.array(property, { maxLength: 3 })), { maxLength: 12 }).map((sections) => sections.map(([h, ps]) => [h, ...ps].join('\n')).join('\n'));
  const seed = process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {};
  fc.assert(
    fc.property(file, file, (config, credentials) => {
      const whole = readWhole({ config, credentials });
      if ('error' in whole) return;
      for (const lazy of [readLazily({ config, credentials }), readListed({ config, credentials })]) {
        // The only difference: the notes of lines in sections that name nothing ([plugins]), which nobody can ask for.
        expect(lazy).toEqual({ ...whole, warnings: expect.any(Array) });
        expect(whole.warnings).toEqual(expect.arrayContaining('warnings' in lazy ? lazy.warnings : []));
      }
    }),
    { numRuns: 1500, ...seed },
  );
});
