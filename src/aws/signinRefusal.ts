import { AwsenvError } from '../core/errors';
import { isRecord } from '../core/jsonShape';

/**
 * What an answer of AWS Sign-In's token endpoint other than the credentials means for the person, in their words:
 * the codes are those botocore and the JS SDK tell apart (the service's `error` field); throttling, server errors
 * and answers that are not the service's (a proxy's page) mean "try again".
 */
export function signinRefusal(status: number, body: unknown, base: string, profile: string, grant: 'refresh_token' | 'authorization_code'): AwsenvError {
  const code = isRecord(body) && typeof body.error === 'string' ? body.error : undefined;
  const signInAgain = `Sign in again: awsenv login ${profile} (or aws login --profile ${profile}).`;
  if (status === 429 || status >= 500 || code === undefined) {
    const what = status === 429 ? 'is throttling requests' : status >= 500 ? `had a server error (HTTP ${status})` : `gave an answer that is not AWS Sign-In's (HTTP ${status})`;
    return new AwsenvError('unavailable', `AWS Sign-In (${base}) ${what}`, { profile, hint: 'Try again in a moment.' });
  }
  switch (code) {
    case 'TOKEN_EXPIRED':
      return new AwsenvError('interaction', 'the console sign-in has expired', { profile, hint: signInAgain });
    case 'USER_CREDENTIALS_CHANGED':
      return new AwsenvError('interaction', "the console sign-in ended: the identity's password changed", { profile, hint: `${signInAgain} Use the new password.` });
    case 'INSUFFICIENT_PERMISSIONS':
      return new AwsenvError('aws', 'the signed-in identity is not allowed to use its console sign-in from the command line', {
        profile,
        hint: 'Attach the SignInLocalDevelopmentAccess managed policy (or allow signin:CreateOAuth2Token) to it, then sign in again.',
      });
    case 'AUTHCODE_EXPIRED':
      return new AwsenvError('interaction', 'the sign-in took too long: its authorization code expired', { profile, hint: signInAgain });
    default:
      return grant === 'refresh_token'
        ? new AwsenvError('interaction', `AWS Sign-In refused to refresh the console sign-in (${code})`, { profile, hint: signInAgain })
        : new AwsenvError('aws', `AWS Sign-In refused the sign-in (${code})`, { profile, hint: signInAgain });
  }
}
