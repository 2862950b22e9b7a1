import { signinRefusal } from '../../src/aws/signinRefusal';
import { signinBase } from '../../src/aws/signinApi';

describe(signinRefusal.name, () => {
  test.each<[number, unknown, 'refresh_token' | 'authorization_code', string, RegExp]>([
    [400, { error: 'TOKEN_EXPIRED' }, 'refresh_token', 'interaction', /has expired/],
    [400, { error: 'USER_CREDENTIALS_CHANGED' }, 'refresh_token', 'interaction', /password changed/],
    [403, { error: 'INSUFFICIENT_PERMISSIONS' }, 'refresh_token', 'aws', /not allowed/],
    [400, { error: 'AUTHCODE_EXPIRED' }, 'authorization_code', 'interaction', /took too long/],
    [400, { error: 'invalid_grant' }, 'refresh_token', 'interaction', /refused to refresh.*invalid_grant/],
    [400, { error: 'invalid_request' }, 'authorization_code', 'aws', /refused the sign-in/],
    [429, { error: 'rate_exceeded' }, 'refresh_token', 'unavailable', /throttling/],
    [500, { error: 'server_error' }, 'refresh_token', 'unavailable', /server error/],
    [403, undefined, 'refresh_token', 'unavailable', /not AWS Sign-In's/],
  ])('HTTP %i %j (%s): %s', (status, body, grant, kind, message) => {
    const error = signinRefusal(status, body, 'https://eu-west-1.signin.aws.amazon.com', 'console', grant);
    expect(error.kind).toBe(kind);
    expect(error.detail).toMatch(message);
    expect(error.profile).toBe('console');
  });
});

describe(signinBase.name, () => {
  test.each([
    [{ region: 'eu-west-1' }, 'https://eu-west-1.signin.aws.amazon.com'],
    [{ region: 'cn-north-1' }, 'https://cn-north-1.signin.amazonaws.cn'],
    [{ region: 'us-gov-west-1' }, 'https://us-gov-west-1.signin.amazonaws-us-gov.com'],
    [{ region: 'eu-west-1', endpoint: 'http://127.0.0.1:4566/' }, 'http://127.0.0.1:4566'],
  ])('%j: %s', (target, base) => {
    expect(signinBase(target)).toBe(base);
  });
});
