import fs from 'node:fs';
import type { WebIdentityStep } from '../chain/types';
import { AwsenvError } from '../errors';
import type { Credentials } from './credentials';
import type { ProviderDeps } from './deps';
import { githubIdToken } from './githubToken';

/** STS AssumeRoleWithWebIdentity with a token read afresh on every fetch: CI tokens last minutes, files are rotated. */
export async function webIdentity(step: WebIdentityStep, deps: ProviderDeps): Promise<Credentials> {
  const token = step.token.source === 'github' ? await githubIdToken(step.token.audience, deps.env, step.profile) : readTokenFile(step.token.path, step.profile);
  const sts = await deps.sts(step.sts, undefined, { profile: step.profile, signedBy: step.profile });
  return sts.assumeRoleWithWebIdentity({
    RoleArn: step.roleArn,
    RoleSessionName: step.roleSessionName ?? `awsenv-${Math.floor(deps.now().getTime() / 1000)}`,
    WebIdentityToken: token,
    DurationSeconds: step.durationSeconds,
  });
}

function readTokenFile(path: string, profile: string): string {
  let token: string;
  try {
    token = fs.readFileSync(path, 'utf8').trim();
  } catch (error) {
    throw new AwsenvError('config', `cannot read the web identity token file ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, { profile, cause: error });
  }
  if (!token) throw new AwsenvError('config', `the web identity token file ${path} is empty`, { profile });
  return token;
}
