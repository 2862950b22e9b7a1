import { federationRefusal, loginUrl } from '../../src/aws/federationApi';

describe(federationRefusal.name, () => {
  it.each([
    { status: 400, kind: 'aws', detail: "the console's federation endpoint refused the credentials (HTTP 400)" },
    { status: 403, kind: 'aws', detail: "the console's federation endpoint refused the credentials (HTTP 403)" },
    { status: 200, kind: 'unavailable', detail: "the console's federation endpoint (https://f/federation) answered with an answer without a sign-in token" },
    { status: 302, kind: 'unavailable', detail: "the console's federation endpoint (https://f/federation) answered with HTTP 302" },
    { status: 503, kind: 'unavailable', detail: "the console's federation endpoint (https://f/federation) answered with HTTP 503" },
  ])('HTTP $status is $kind', ({ status, kind, detail }) => {
    const error = federationRefusal(status, 'https://f/federation', 'dev');
    expect([error.kind, error.detail, error.profile]).toEqual([kind, detail, 'dev']);
    expect(error.hint).toBeTruthy();
  });
});

describe(loginUrl.name, () => {
  it('carries the destination and the token, each encoded', () => {
    const url = new URL(loginUrl('https://signin.aws.amazon.com/federation', 'a+b/c=', 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1'));
    expect(Object.fromEntries(url.searchParams)).toEqual({ Action: 'login', Issuer: 'awsenv', Destination: 'https://eu-west-1.console.aws.amazon.com/s3/home?region=eu-west-1', SigninToken: 'a+b/c=' });
  });
});
