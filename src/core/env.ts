
/** The environment awsenv runs in, passed down rather than read from process.env, so tests can give their own. */
export type Env = Readonly<Record<string, string | undefined>>;

/** The user's home, as the AWS CLI finds it; everything awsenv keeps lives under its .aws directory. */
// node:os is required only when neither variable is set: loading it costs every other run start-up time.
export const homeDir = (env: Env) => env.HOME || env.USERPROFILE || (require('node:os') as typeof import('node:os')).homedir();

/** A boolean setting as the AWS SDKs read one from the environment or a profile: "true" in any case. */
export const isTrue = (value: string | undefined) => value?.trim().toLowerCase() === 'true';

/** Linux without X or Wayland: a desktop browser cannot be started here (the open and sign-in-flow choices ask). */
export const noDisplay = (env: Env, platform: NodeJS.Platform = process.platform) => platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY;

/** The region the environment gives a tool: AWS_REGION (the SDKs' and the AWS CLI v2's), else AWS_DEFAULT_REGION (the AWS CLI's). */
export const environmentRegion = (env: Env): string | undefined => env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
