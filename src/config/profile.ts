import { z } from 'zod/v3';
import type { Section } from './mergeSharedFiles';

const text = z.string().trim().min(1);

/**
 * The profile keys awsenv reads, with the AWS CLI's names. Unknown keys pass through untouched:
 * a config file shared with other tools holds plenty that is none of our business.
 */
const profileSchema = z
  .object({
    aws_access_key_id: text.optional(),
    aws_secret_access_key: text.optional(),
    aws_session_token: text.optional(),
    mfa_serial: text.optional(),
    role_arn: text.optional(),
    source_profile: text.optional(),
    credential_source: text.optional(),
    external_id: text.optional(),
    role_session_name: text.optional(),
    source_identity: text.optional(),
    duration_seconds: z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a whole number of seconds')
      .transform(Number)
      .optional(),
    region: text.optional(),
    endpoint_url: text.optional(),
    services: text.optional(),
    ignore_configured_endpoint_urls: text.optional(),
    web_identity_token_file: text.optional(),
    credential_process: text.optional(),
    sso_session: text.optional(),
    sso_start_url: text.optional(),
    sso_account_id: text.optional(),
    sso_role_name: text.optional(),
    sso_region: text.optional(),
  })
  .passthrough();

export type Profile = z.infer<typeof profileSchema>;

/** Parses one profile section, naming the first bad key in the error so the user knows what to fix. */
export function parseProfile(section: Section): { ok: true; profile: Profile } | { ok: false; problem: string } {
  const result = profileSchema.safeParse(section);
  if (result.success) return { ok: true, profile: result.data };
  const issue = result.error.issues[0];
  return { ok: false, problem: `${issue.path.join('.')} ${issue.message}` };
}

export const hasStaticKeys = (p: Profile): boolean => Boolean(p.aws_access_key_id && p.aws_secret_access_key);

export const usesSso = (p: Profile): boolean => Boolean(p.sso_session || p.sso_start_url || p.sso_account_id);

