import { callRegion, configuredEndpoint } from '../../src/config/endpoints';
import type { Env } from '../../src/core/env';
import type { AwsConfig } from '../../src/config/mergeSharedFiles';
import { parseProfile, type Profile } from '../../src/config/profile';
import { loadIni, removeIniFiles } from '../support/iniFiles';

const CONFIG = `
[profile plain]
region = eu-west-1

[profile own-url]
endpoint_url = http://profile.local

[profile with-services]
services = local
endpoint_url = http://profile.local

[profile s3-only-services]
services = s3-only
endpoint_url = http://profile.local

[profile missing-services]
services = nowhere
endpoint_url = http://profile.local

[profile ignoring]
services = local
endpoint_url = http://profile.local
ignore_configured_endpoint_urls = true

[services local]
sts =
  endpoint_url = http://services-sts.local
s3 =
  endpoint_url = http://services-s3.local
secrets_manager =
  endpoint_url = http://services-secrets.local

[services s3-only]
s3 =
  endpoint_url = http://services-s3.local
`;

let config: AwsConfig;
beforeAll(async () => {
  config = await loadIni({ config: CONFIG });
});
afterAll(removeIniFiles);

function profileNamed(name: string): Profile {
  const parsed = parseProfile(config.profiles[name]);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.profile;
}

const STS_ENV = { AWS_ENDPOINT_URL_STS: 'http://env-sts.local' };
const GLOBAL_ENV = { AWS_ENDPOINT_URL: 'http://env-global.local' };

describe(configuredEndpoint.name, () => {
  it.each<{ why: string; profile: string; env: Env; endpoint: string | undefined; service?: string }>([
    { why: 'nothing configured: the SDK default', profile: 'plain', env: {}, endpoint: undefined },
    { why: 'the profile endpoint_url', profile: 'own-url', env: {}, endpoint: 'http://profile.local' },
    { why: 'the services section beats the profile endpoint_url', profile: 'with-services', env: {}, endpoint: 'http://services-sts.local' },
    { why: 'a services section for other services only', profile: 's3-only-services', env: {}, endpoint: 'http://profile.local' },
    { why: 'a services name with no section', profile: 'missing-services', env: {}, endpoint: 'http://profile.local' },
    { why: 'AWS_ENDPOINT_URL beats the services section', profile: 'with-services', env: GLOBAL_ENV, endpoint: 'http://env-global.local' },
    { why: 'AWS_ENDPOINT_URL_STS beats AWS_ENDPOINT_URL', profile: 'with-services', env: { ...GLOBAL_ENV, ...STS_ENV }, endpoint: 'http://env-sts.local' },
    { why: 'AWS_ENDPOINT_URL_STS with a plain profile', profile: 'plain', env: STS_ENV, endpoint: 'http://env-sts.local' },
    { why: 'another service\'s variable is not ours', profile: 'plain', env: { AWS_ENDPOINT_URL_S3: 'http://env-s3.local' }, endpoint: undefined },
    { why: 'an empty variable counts as unset', profile: 'own-url', env: { AWS_ENDPOINT_URL_STS: '', AWS_ENDPOINT_URL: '' }, endpoint: 'http://profile.local' },
    { why: 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true ignores them all', profile: 'with-services', env: { ...GLOBAL_ENV, ...STS_ENV, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' }, endpoint: undefined },
    { why: 'the ignore variable is case-insensitive', profile: 'own-url', env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: ' TRUE ' }, endpoint: undefined },
    { why: 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false changes nothing', profile: 'own-url', env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, endpoint: 'http://profile.local' },
    { why: 'the profile\'s ignore_configured_endpoint_urls ignores them all', profile: 'ignoring', env: STS_ENV, endpoint: undefined },
    { why: 'the environment\'s false overrides the profile\'s true', profile: 'ignoring', env: { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'false' }, endpoint: 'http://services-sts.local' },
    { why: 'a service id with a space, from its section', profile: 'with-services', env: {}, endpoint: 'http://services-secrets.local', service: 'Secrets Manager' },
    {
      why: 'a service id with a space, from its variable',
      profile: 'with-services',
      env: { AWS_ENDPOINT_URL_SECRETS_MANAGER: 'http://env-secrets.local' },
      endpoint: 'http://env-secrets.local',
      service: 'Secrets Manager',
    },
  ])('$why', ({ profile, env, endpoint, service = 'sts' }) => {
    expect(configuredEndpoint(service, profileNamed(profile), config, env)).toBe(endpoint);
  });
});

describe(callRegion.name, () => {
  const inProfile: Profile = { region: 'eu-west-1' };
  it.each<{ why: string; profile: Profile; env: Env; flag?: string; region: string }>([
    { why: 'the flag beats everything', profile: inProfile, env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1' }, flag: 'ap-south-1', region: 'ap-south-1' },
    { why: 'AWS_REGION beats AWS_DEFAULT_REGION and the profile', profile: inProfile, env: { AWS_REGION: 'us-west-2', AWS_DEFAULT_REGION: 'us-west-1' }, region: 'us-west-2' },
    { why: 'AWS_DEFAULT_REGION beats the profile', profile: inProfile, env: { AWS_DEFAULT_REGION: 'us-west-1' }, region: 'us-west-1' },
    { why: 'the profile region', profile: inProfile, env: {}, region: 'eu-west-1' },
    { why: 'us-east-1, where the global STS endpoint lives', profile: {}, env: {}, region: 'us-east-1' },
    { why: 'empty flag and variables count as unset', profile: inProfile, env: { AWS_REGION: '', AWS_DEFAULT_REGION: '' }, flag: '', region: 'eu-west-1' },
  ])('$why', ({ profile, env, flag, region }) => {
    expect(callRegion(profile, env, flag)).toBe(region);
  });
});
