import type { Renderer } from './renderer';
import { unrepresentable } from './renderer';

/** The credential_process output, version 1, so awsenv can serve as another tool's credential_process. */
export const credentialProcess: Renderer = {
  render(plan) {
    const values = new Map(plan);
    const field = (name: string) => values.get(name) ?? undefined;
    if (!field('AWS_ACCESS_KEY_ID')) throw unrepresentable('process', 'AWS_ACCESS_KEY_ID', 'no value (it only carries credentials)');
    const output = {
      Version: 1,
      AccessKeyId: field('AWS_ACCESS_KEY_ID'),
      SecretAccessKey: field('AWS_SECRET_ACCESS_KEY'),
      SessionToken: field('AWS_SESSION_TOKEN'),
      Expiration: field('AWS_CREDENTIAL_EXPIRATION'),
    };
    return `${JSON.stringify(output, null, 2)}\n`;
  },
};
