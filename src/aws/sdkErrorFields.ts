/** The fields of what the SDK throws that awsenv reads. Only aws/ looks at SDK errors. */
export type SdkError = {
  name?: string;
  code?: string;
  message?: string;
  error_description?: string;
  /** Set on the errors the service's protocol names ("client" or "server"); unset when the SDK could not read the answer. */
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  /** The raw answer: a hidden field, set whenever there was one. */
  $response?: { statusCode?: number; headers?: Record<string, string | undefined> };
};

export const sdkFields = (error: unknown) => (error ?? {}) as SdkError;

export const errorName = (error: unknown) => sdkFields(error).name ?? 'Error';

/** The error's message without the sentence the SDK adds for JavaScript programmers (where to find $response). */
export const errorMessage = (error: unknown) => (sdkFields(error).message ?? '').replace(/\s*Deserialization error: .*$/s, '');

/** The HTTP status of the answer, when there was one. */
export const httpStatus = (error: unknown) => sdkFields(error).$metadata?.httpStatusCode;

/** A header of the answer, by its lower-case name. */
export const answerHeader = (error: unknown, name: string) => sdkFields(error).$response?.headers?.[name];
