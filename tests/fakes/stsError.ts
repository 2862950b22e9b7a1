/** An STS error answer; the messages are AWS's own so clients see what they would see in production. */
export class StsError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function accessDenied(message: string): StsError {
  return new StsError('AccessDenied', 403, message);
}

export function notAuthorizedToAssume(callerArn: string, roleArn: string): StsError {
  return accessDenied(`User: ${callerArn} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`);
}

export function validationError(message: string): StsError {
  return new StsError('ValidationError', 400, message);
}

export function invalidClientTokenId(): StsError {
  return new StsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.');
}
