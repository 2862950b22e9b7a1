import { environmentRegion, isTrue, type Env } from '../core/env';
import type { AwsConfig } from './mergeSharedFiles';
import type { Profile } from './profile';

/** Where one AWS call goes: a region, and the endpoint URL when one is configured (else the SDK's default). */
export interface AwsTarget {
  readonly region: string;
  readonly endpoint?: string;
}

/**
 * The endpoint URL configured for one service, with the precedence of the AWS SDKs' "service-specific endpoints"
 * feature: AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL, the profile's services section, the profile's
 * endpoint_url; all of them ignored when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile key) says so.
 * undefined means the SDK's own default endpoint for the region.
 */
export function configuredEndpoint(
  serviceId: string,
  profile: Profile,
  config: AwsConfig,
  env: Env,
): string | undefined {
  const ignore = env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profile.ignore_configured_endpoint_urls;
  if (isTrue(ignore)) return undefined;
  const envKey = `AWS_ENDPOINT_URL_${serviceId.toUpperCase().replace(/ /g, '_')}`;
  const servicesKey = `${serviceId.toLowerCase().replace(/ /g, '_')}.endpoint_url`;
  const services = profile.services ? config.services[profile.services] : undefined;
  return env[envKey] || env.AWS_ENDPOINT_URL || services?.[servicesKey] || profile.endpoint_url || undefined;
}

/**
 * The region an AWS call for this profile goes to: the flag, then the environment before the profile as in the
 * SDKs, then us-east-1, where STS's global endpoint lives.
 */
export function callRegion(profile: Profile, env: Env, flag?: string): string {
  return flag || environmentRegion(env) || profile.region || 'us-east-1';
}

/** Where one service's calls for this profile go: the region given, and the configured endpoint when there is one. */
export function serviceTarget(serviceId: string, profile: Profile, config: AwsConfig, env: Env, region: string): AwsTarget {
  const endpoint = configuredEndpoint(serviceId, profile, config, env);
  return { region, ...(endpoint && { endpoint }) };
}

/** Where this profile's IAM calls go: IAM is global, so any region the profile gives picks its partition. */
export const iamTarget = (profile: Profile, config: AwsConfig, env: Env): AwsTarget => serviceTarget('iam', profile, config, env, callRegion(profile, env));

/** Where this profile's STS calls go. */
export const stsTarget = (profile: Profile, config: AwsConfig, env: Env, regionFlag?: string): AwsTarget =>
  serviceTarget('sts', profile, config, env, callRegion(profile, env, regionFlag));

/**
 * Where a console sign-in's calls go when its cache file names no region (and where `awsenv login` signs in): the
 * flag, then the profile's region before the environment's, as the JS SDK's login provider orders them.
 */
export const signinTarget = (profile: Profile, config: AwsConfig, env: Env, regionFlag?: string): AwsTarget =>
  serviceTarget('signin', profile, config, env, regionFlag || profile.region || environmentRegion(env) || 'us-east-1');
