import { z } from 'zod/v3';
import type { ProcessStep } from '../chain/types';
import { AwsenvError } from '../core/errors';
import type { Credentials } from '../core/credentials';
import { runCommand } from '../core/runCommand';
import { shellSplit } from '../core/shellSplit';

const TIMEOUT_MS = 60000;

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
  const fail = (why: string, cause?: unknown) => new AwsenvError('config', `credential_process ${why}`, { profile: step.profile, cause });
  let argv: string[];
  try {
    argv = shellSplit(step.command);
  } catch (error) {
    throw fail(`cannot be split into words: ${(error as Error).message}`);
  }
  if (!argv.length) throw fail('is empty');
  const { code, stdout, stderr, error } = await runCommand(argv, TIMEOUT_MS);
  const said = stderr.trim() ? `: ${stderr.trim().split('\n').slice(-5).join(' / ')}` : '';
  if (error) throw fail(`could not start ${argv[0]} (${error.code === 'ENOENT' ? 'not found' : error.message})`, error);
  if (code === null) throw fail(`did not finish within ${TIMEOUT_MS / 1000} s and was stopped${said}`);
  if (code !== 0) throw fail(`failed with exit code ${code}${said}`);
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
