import { spawnSync } from 'node:child_process';
import type { Section } from '../../src/config/mergeSharedFiles';
import type { Peer } from './peers';

/** botocore, the AWS CLI's reader of the shared files, where the python3 on PATH can import it. */
export function botocorePeer(): Peer {
  const run = spawnSync('python3', ['-c', 'import sys, botocore; sys.stdout.write(sys.executable)'], { encoding: 'utf8' });
  return run.status === 0 && run.stdout ? { path: run.stdout } : { missing: 'python3 with botocore is not installed' };
}

/** The two files as botocore holds them, sub-properties flattened to "s3.name" as awsenv has them; or its error's class. */
export type BotocoreReading =
  | { readonly profiles: Record<string, Section>; readonly ssoSessions: Record<string, Section>; readonly services: Record<string, Section> }
  | { readonly error: string };

export interface SharedFileTexts {
  readonly config?: string | Buffer;
  readonly credentials?: string | Buffer;
}

// botocore.session.Session().full_config is what every AWS CLI command reads the files into.
const READER = `
import base64, json, os, sys, tempfile
import botocore.session

def flat(sections):
    return {name: dict(item for key, value in keys.items() for item in (
        [(key + '.' + sub, subvalue) for sub, subvalue in value.items()] if isinstance(value, dict) else [(key, value)]))
        for name, keys in sections.items()}

def reading(case, directory):
    paths = {}
    for kind in ('config', 'credentials'):
        paths[kind] = os.path.join(directory, kind)
        if os.path.exists(paths[kind]):
            os.remove(paths[kind])
        if case.get(kind) is not None:
            with open(paths[kind], 'wb') as f:
                f.write(base64.b64decode(case[kind]))
    session = botocore.session.Session()
    session.set_config_variable('config_file', paths['config'])
    session.set_config_variable('credentials_file', paths['credentials'])
    try:
        config = session.full_config
    except Exception as error:
        return {'error': type(error).__name__}
    return {'profiles': flat(config['profiles']), 'ssoSessions': flat(config.get('sso_sessions', {})), 'services': flat(config.get('services', {}))}

with tempfile.TemporaryDirectory() as directory:
    print(json.dumps([reading(case, directory) for case in json.load(sys.stdin)]))
`;

/** How botocore reads each pair of files, all in one python3 run. */
export function botocoreReadings(python: string, cases: readonly SharedFileTexts[]): BotocoreReading[] {
  const encode = (text: string | Buffer | undefined) => (text === undefined ? undefined : Buffer.from(text).toString('base64'));
  const input = JSON.stringify(cases.map((c) => ({ config: encode(c.config), credentials: encode(c.credentials) })));
  // A UTF-8 locale, as the AWS CLI has on any desktop: botocore reads the files in the locale's encoding.
  const run = spawnSync(python, ['-c', READER], { input, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', PYTHONUTF8: '1' } });
  if (run.status !== 0) throw new Error(`botocore's reading failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

export interface RegionCase extends SharedFileTexts {
  /** The environment beside the files: keys as an export leaves them, and any region variables. */
  readonly env: Readonly<Record<string, string>>;
}

// What the AWS CLI asks before every call: the session's region, from the environment and the scoped profile.
const REGION_READER = `
import base64, json, os, sys, tempfile
import botocore.session

def region(case, directory):
    for kind in ('config', 'credentials'):
        path = os.path.join(directory, kind)
        with open(path, 'wb') as f:
            f.write(base64.b64decode(case.get(kind) or ''))
        os.environ['AWS_CONFIG_FILE' if kind == 'config' else 'AWS_SHARED_CREDENTIALS_FILE'] = path
    for name in [n for n in os.environ if n.startswith('AWS_') and n not in ('AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE')]:
        del os.environ[name]
    os.environ.update(case['env'])
    return botocore.session.Session().get_config_variable('region')

with tempfile.TemporaryDirectory() as directory:
    print(json.dumps([region(case, directory) for case in json.load(sys.stdin)]))
`;

/** The region botocore finds for each case, or null where the AWS CLI would say "You must specify a region". */
export function botocoreRegions(python: string, cases: readonly RegionCase[]): (string | null)[] {
  const encode = (text: string | Buffer | undefined) => (text === undefined ? undefined : Buffer.from(text).toString('base64'));
  const input = JSON.stringify(cases.map((c) => ({ config: encode(c.config), credentials: encode(c.credentials), env: c.env })));
  const run = spawnSync(python, ['-c', REGION_READER], { input, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8', PYTHONUTF8: '1' } });
  if (run.status !== 0) throw new Error(`botocore's region failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}
