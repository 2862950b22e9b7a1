import { AwsenvError } from '../core/errors';

/** A command line awsenv cannot run; the hint says where to look unless a better one is given. */
export const usageError = (message: string, hint = 'Run "awsenv --help" for usage.') => new AwsenvError('usage', message, { hint });
