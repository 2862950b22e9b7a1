import type { z } from 'zod/v3';
import type { SdkCallAbout } from './sdkCallAbout';
import { notTheService } from './unavailableError';

/**
 * A part of an output, read by `schema`. The SDK hands back whatever parsed, so a proxy's page or an empty body
 * comes out as an output with nothing in it: what lacks what the service always sends is some other server's answer.
 */
export function readAnswer<S extends z.ZodTypeAny>(call: SdkCallAbout, output: { $metadata: { httpStatusCode?: number } }, part: unknown, schema: S, noun: string): z.infer<S> {
  const parsed = schema.safeParse(part);
  if (!parsed.success) throw notTheService(call, output.$metadata.httpStatusCode, `an answer without ${noun}`);
  return parsed.data;
}
