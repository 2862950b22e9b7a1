import type { SignInFlow, SsoSession } from '../chain/types';
import { noDisplay, type Env } from '../core/env';

/** Everything the choice of flow looks at, read by the caller: this file is pure. */
export interface FlowSituation {
  readonly session: Pick<SsoSession, 'name' | 'signInFlow'>;
  /** `awsenv login --use-device-code`. */
  readonly useDeviceCode: boolean;
  /** `awsenv login --redirect-port N`: the person has arranged for a browser to reach that port. */
  readonly redirectPort?: number;
  readonly env: Env;
  readonly platform: NodeJS.Platform;
  /** /.dockerenv or /run/.containerenv exists. */
  readonly inContainer: boolean;
}

export interface FlowChoice {
  readonly flow: SignInFlow;
  /** Why, for the one line on stderr and for --debug. */
  readonly reason: string;
  /** In an SSH session: the browser flow works through a tunnel, which the person may want to set up. */
  readonly overSsh?: boolean;
}

/**
 * The sign-in flow and why. The browser flow (authorization code with PKCE, as the AWS CLI 2.22+ uses for
 * sso-session) needs a browser on this machine that can reach awsenv's listener on 127.0.0.1; where none can, the
 * device code flow works from any browser anywhere. What the person said wins over what the machine looks like.
 */
export function chooseSignInFlow(s: FlowSituation): FlowChoice {
  const device = (reason: string, overSsh?: boolean): FlowChoice => ({ flow: 'deviceCode', reason, ...(overSsh && { overSsh }) });
  const browser = (reason: string): FlowChoice => ({ flow: 'authCode', reason });
  if (!s.session.name) return device('a legacy profile (sso_start_url without sso_session) signs in with a device code only');
  if (s.useDeviceCode) return device('--use-device-code');
  if (s.redirectPort !== undefined) return browser(`--redirect-port ${s.redirectPort}`);
  if (s.session.signInFlow === 'deviceCode') return device(`sso-session "${s.session.name}" sets awsenv_sign_in_flow = device-code`);
  if (s.session.signInFlow === 'authCode') return browser(`sso-session "${s.session.name}" sets awsenv_sign_in_flow = authorization-code`);
  const away = unreachable(s);
  return away ? device(`${away[0]}, so a browser may not reach awsenv on 127.0.0.1`, away[1]) : browser('a browser on this machine can come back to awsenv');
}

/** Why a browser here probably cannot reach the listener, in the order they are told; and whether over SSH. */
function unreachable({ env, platform, inContainer }: FlowSituation): [string, boolean] | undefined {
  if (env.SSH_CONNECTION || env.SSH_CLIENT || env.SSH_TTY) return ['this is an SSH session', true];
  if (env.CODESPACES === 'true') return ['this is a GitHub Codespace', false];
  if (env.AWS_EXECUTION_ENV === 'CloudShell') return ['this is AWS CloudShell', false];
  if (inContainer) return ['this is a container', false];
  if (noDisplay(env, platform)) return ['there is no display (neither DISPLAY nor WAYLAND_DISPLAY is set)', false];
  return undefined;
}

/** The port the SSH advice names: any free one does; a fixed one keeps the advice the same from one run to the next. */
export const SUGGESTED_REDIRECT_PORT = 8400;

/** How to make the browser flow work over SSH: forward a port of the person's machine to this one's loopback. */
export function sshTunnelAdvice(env: Env, profile: string, port = SUGGESTED_REDIRECT_PORT): string {
  // SSH_CONNECTION is "client-ip client-port server-ip server-port": the server is where the person reconnects to.
  const [, , host, sshPort] = (env.SSH_CONNECTION ?? '').split(' ');
  const target = `${env.USER ? `${env.USER}@` : ''}${host || 'HOST'}`;
  const portFlag = sshPort && sshPort !== '22' ? ` -p ${sshPort}` : '';
  return `for the browser sign-in, connect with "ssh -L ${port}:127.0.0.1:${port}${portFlag} ${target}" and run "awsenv login ${profile} --redirect-port ${port}"`;
}
