import { answerHeader, sdkFields } from './sdkErrorFields';

/** An answer that did not come from the service, or not whole: what it was, and whether the service can have read the request. */
export interface ForeignAnswer {
  readonly what: string;
  /** False for a page a proxy or a network sign-in gave in the service's place: the request went no further. */
  readonly reachedService: boolean;
}

// The SDK names an error answer "Unknown" (or "UnknownError") when it names no error the service has.
const UNNAMED = new Set(['Unknown', 'UnknownError']);

/**
 * What came back, when it is not the service speaking: a redirect, an HTML page, a body that does not parse, an
 * error that names nothing the service has. undefined for the service's own answers, refusals and server errors.
 */
export function foreignAnswer(error: unknown): ForeignAnswer | undefined {
  const e = sdkFields(error);
  const status = e.$metadata?.httpStatusCode;
  if (status === undefined) return undefined;
  const html = /html/i.test(answerHeader(error, 'content-type') ?? '');
  if (status >= 300 && status < 400) {
    const location = answerHeader(error, 'location');
    return { what: location ? `a redirect to ${location}` : 'a redirect', reachedService: false };
  }
  if (html) return { what: 'an HTML page', reachedService: status >= 500 };
  // Without $fault the SDK could not read the answer at all: its parser or a value's (a date, a number) failed.
  if (!e.$fault) {
    const malformed = e.name === 'SyntaxError' || /parse error/i.test(e.message ?? '');
    return { what: malformed ? 'a body that is cut short or malformed' : 'a value that does not parse (a date or a number)', reachedService: true };
  }
  if (UNNAMED.has(e.name ?? '') && status < 500) return { what: 'an error without a code', reachedService: true };
  return undefined;
}
