import { ReceivedRequest, SigV4Authorization, header, signatureMatches } from './sigv4';
import { uniqueId } from './stsCredentials';
import { StsError, invalidClientTokenId } from './stsError';
import { FakeUser, Identity, StsState } from './stsTypes';

export function userIdentity(user: FakeUser): Identity {
  return {
    arn: user.arn,
    userId: uniqueId('AIDA', user.arn),
    trustArn: user.arn,
    user,
    mfaAuthenticated: false,
    temporary: false,
  };
}

/** Checks the request the way STS does and returns who signed it, or throws the error STS would answer with. */
export async function authenticate(
  request: ReceivedRequest,
  authorization: SigV4Authorization | undefined,
  state: StsState,
): Promise<Identity> {
  if (header(request.headers, 'authorization') === undefined) {
    throw new StsError('MissingAuthenticationToken', 403, 'Request is missing Authentication Token');
  }
  if (!authorization) {
    throw new StsError(
      'IncompleteSignature',
      400,
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.",
    );
  }
  const signer = findSigner(state, authorization.accessKeyId);
  if (!signer) throw invalidClientTokenId();
  if (header(request.headers, 'x-amz-security-token') !== signer.sessionToken) throw invalidClientTokenId();
  if (!(await signatureMatches(request, authorization, signer.secretAccessKey))) {
    throw new StsError(
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match the signature you provided. '
        + 'Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    );
  }
  if (signer.expiration && (signer.expiration.getTime() <= Date.now() || state.expiredKeys.has(authorization.accessKeyId))) {
    throw new StsError('ExpiredToken', 403, 'The security token included in the request is expired');
  }
  return signer.identity;
}

interface Signer {
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
  identity: Identity;
}

function findSigner(state: StsState, accessKeyId: string): Signer | undefined {
  const user = state.users.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (user) return { secretAccessKey: user.secretAccessKey, identity: userIdentity(user) };
  return state.issued.find((candidate) => candidate.accessKeyId === accessKeyId);
}
