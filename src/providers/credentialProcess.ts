import { z } from 'zod/v3';
import type { ProcessStep } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';
import { runCommandLine } from '../core/runCommandLine';

/** The credential_process output, version 1, as the AWS CLI documents it. */
const outputSchema = z.object({
  Version: z.literal(1),
  AccessKeyId: z.string().min(1),
  SecretAccessKey: z.string().min(1),
  // An empty token is no token, and botocore reads any date its parser can: so do we.
  SessionToken: z.string().optional().transform((token) => token || undefined),
  Expiration: z.string().refine((text) => !Number.isNaN(Date.parse(text)), 'is not a date').optional(),
});

/** Runs the command as the AWS CLI does: split like a shell line, started without a shell, version-1 JSON on stdout. */
export async function credentialProcess(step: ProcessStep, now: Date): Promise<Credentials> {
  const fail = (why: string) => new AwsenvError('config', `credential_process ${why}`, { profile: step.profile });
  const { stdout, said } = await runCommandLine('credential_process', step.command, step.profile);
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    throw fail(`printed something other than JSON${said}`);
  }
  const parsed = outputSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw fail(`printed JSON that is not version-1 credentials (${issue.path.join('.') || 'the object'}: ${issue.message})`);
  }
  const out = parsed.data;
  if (out.Expiration && Date.parse(out.Expiration) <= now.getTime()) throw fail(`gave credentials that expired at ${out.Expiration}`);
  return { accessKeyId: out.AccessKeyId, secretAccessKey: out.SecretAccessKey, sessionToken: out.SessionToken, expiration: out.Expiration ? new Date(out.Expiration) : undefined };
}
