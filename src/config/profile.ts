import type { Section } from './mergeSharedFiles';

/**
 * The profile keys awsenv reads, with the AWS CLI's names, each trimmed and never empty. Checked by hand rather than
 * with a zod schema: this runs on every cached export, and zod's module set-up alone cost more than the whole check.
 */
const TEXT_KEYS = [
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'mfa_serial',
  'role_arn',
  'source_profile',
  'credential_source',
  'external_id',
  'role_session_name',
  'source_identity',
  'session_tags',
  'transitive_session_tags',
  'mfa_process',
  'region',
  'endpoint_url',
  'services',
  'ignore_configured_endpoint_urls',
  'web_identity_token_file',
  'credential_process',
  'sso_session',
  'sso_start_url',
  'sso_account_id',
  'sso_role_name',
  'sso_region',
  'login_session',
] as const;

type TextKey = (typeof TEXT_KEYS)[number];

/** Unknown keys pass through untouched: a config file shared with other tools holds plenty that is none of our business. */
export type Profile = { [K in TextKey]?: string } & { duration_seconds?: number } & { [key: string]: unknown };

/** Parses one profile section, naming the first bad key in the error so the user knows what to fix. */
export function parseProfile(section: Section): { ok: true; profile: Profile } | { ok: false; problem: string } {
  const profile: Profile = { ...section };
  for (const key of TEXT_KEYS) {
    const value = section[key];
    if (value === undefined) continue;
    const text = value.trim();
    if (!text) return { ok: false, problem: `${key} is empty: give it a value or remove the line` };
    profile[key] = text;
  }
  const duration = section.duration_seconds?.trim();
  if (duration !== undefined) {
    if (!/^\d+$/.test(duration)) return { ok: false, problem: 'duration_seconds must be a whole number of seconds' };
    profile.duration_seconds = Number(duration);
  }
  return { ok: true, profile };
}

export const hasStaticKeys = (p: Profile): boolean => Boolean(p.aws_access_key_id && p.aws_secret_access_key);

export const usesSso = (p: Profile): boolean => Boolean(p.sso_session || p.sso_start_url || p.sso_account_id);
