import type { Env } from '../../src/core/env';
import { chooseSignInFlow, sshTunnelAdvice, type FlowSituation } from '../../src/sso/signInFlow';

const desktop: FlowSituation = { session: { name: 'corp' }, useDeviceCode: false, env: { DISPLAY: ':0' }, platform: 'linux', inContainer: false };

describe(chooseSignInFlow.name, () => {
  test.each<[string, Partial<FlowSituation>, 'authCode' | 'deviceCode', RegExp]>([
    ['an sso-session on a desktop', {}, 'authCode', /a browser on this machine/],
    ['macOS has no DISPLAY and needs none', { env: {}, platform: 'darwin' }, 'authCode', /a browser on this machine/],
    ['Wayland instead of X', { env: { WAYLAND_DISPLAY: 'wayland-0' } }, 'authCode', /a browser on this machine/],
    ['a legacy profile, whatever else', { session: { name: undefined, signInFlow: 'authCode' }, redirectPort: 8400 }, 'deviceCode', /legacy profile/],
    ['--use-device-code', { useDeviceCode: true }, 'deviceCode', /--use-device-code/],
    ['--use-device-code over the setting', { useDeviceCode: true, session: { name: 'corp', signInFlow: 'authCode' } }, 'deviceCode', /--use-device-code/],
    ['--redirect-port over SSH: the person has a tunnel', { redirectPort: 8400, env: { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22' } }, 'authCode', /--redirect-port 8400/],
    ['--redirect-port over the setting', { redirectPort: 8400, session: { name: 'corp', signInFlow: 'deviceCode' } }, 'authCode', /--redirect-port/],
    ['the setting: device-code on a desktop', { session: { name: 'corp', signInFlow: 'deviceCode' } }, 'deviceCode', /awsenv_sign_in_flow = device-code/],
    ['the setting: authorization-code in a container', { session: { name: 'corp', signInFlow: 'authCode' }, inContainer: true }, 'authCode', /awsenv_sign_in_flow = authorization-code/],
    ['SSH_CONNECTION', { env: { DISPLAY: ':0', SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22' } }, 'deviceCode', /SSH session/],
    ['SSH_CLIENT', { env: { DISPLAY: ':0', SSH_CLIENT: '10.0.0.1 50000 22' } }, 'deviceCode', /SSH session/],
    ['SSH_TTY', { env: { DISPLAY: ':0', SSH_TTY: '/dev/pts/1' } }, 'deviceCode', /SSH session/],
    ['no display on Linux', { env: {} }, 'deviceCode', /no display/],
    ['a container', { inContainer: true }, 'deviceCode', /container/],
    ['Codespaces', { env: { DISPLAY: ':0', CODESPACES: 'true' } }, 'deviceCode', /Codespace/],
    ['CloudShell', { env: { DISPLAY: ':0', AWS_EXECUTION_ENV: 'CloudShell' } }, 'deviceCode', /CloudShell/],
    ['another AWS_EXECUTION_ENV is no reason', { env: { DISPLAY: ':0', AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x' } }, 'authCode', /a browser on this machine/],
  ])('%s', (_name, situation, flow, reason) => {
    const choice = chooseSignInFlow({ ...desktop, ...situation });
    expect(choice.flow).toBe(flow);
    expect(choice.reason).toMatch(reason);
  });

  test('only an SSH session asks for the tunnel advice', () => {
    expect(chooseSignInFlow({ ...desktop, env: { SSH_TTY: '/dev/pts/1' } }).overSsh).toBe(true);
    expect(chooseSignInFlow({ ...desktop, inContainer: true }).overSsh).toBeUndefined();
    expect(chooseSignInFlow({ ...desktop, useDeviceCode: true, env: { SSH_TTY: '/dev/pts/1' } }).overSsh).toBeUndefined();
  });
});

describe(sshTunnelAdvice.name, () => {
  test.each<[string, Env, string]>([
    ['the server and user from SSH_CONNECTION', { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 22', USER: 'carol' }, 'ssh -L 8400:127.0.0.1:8400 carol@10.0.0.2'],
    ['a port other than 22', { SSH_CONNECTION: '10.0.0.1 50000 10.0.0.2 2222' }, 'ssh -L 8400:127.0.0.1:8400 -p 2222 10.0.0.2'],
    ['no SSH_CONNECTION', { SSH_TTY: '/dev/pts/1' }, 'ssh -L 8400:127.0.0.1:8400 HOST'],
  ])('%s', (_name, env, ssh) => {
    expect(sshTunnelAdvice(env, 'dev')).toBe(`for the browser sign-in, connect with "${ssh}" and run "awsenv login dev --redirect-port 8400"`);
  });
});
