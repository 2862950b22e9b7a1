import type { MfaDevice } from '../aws/iamApi';
import { AwsenvError } from '../core/errors';
import type { Ask } from './terminalQuestion';

/**
 * The serial of the device `awsenv mfa setup` writes: the one --serial names (it must be one of the user's), the
 * only one, or the one the person picks from a numbered list on the terminal. Without a terminal and with several
 * devices it fails at once with their serials: a script must never wait for an answer.
 */
export async function chooseMfaDevice(devices: readonly MfaDevice[], profile: string, options: { serial?: string; ask?: Ask }): Promise<string> {
  const serials = devices.map((d) => d.serial);
  if (!devices.length) {
    throw new AwsenvError('config', 'the IAM user of these keys has no MFA device', {
      profile,
      hint: `Assign one in the IAM console (Users → your user → Security credentials → Assign MFA device; an authenticator app will do), then run "awsenv mfa setup ${profile}" again.`,
    });
  }
  if (options.serial !== undefined) {
    if (serials.includes(options.serial)) return options.serial;
    throw new AwsenvError('usage', `--serial ${options.serial} is not an MFA device of the IAM user of these keys`, { profile, hint: `Its devices: ${serials.join(', ')}.` });
  }
  if (devices.length === 1) return devices[0].serial;
  if (!options.ask) {
    throw new AwsenvError('interaction', `the IAM user of these keys has ${devices.length} MFA devices (${serials.join(', ')}), and there is no terminal to choose on`, {
      profile,
      hint: `Run "awsenv mfa setup ${profile}" on a terminal, or name the device with --serial ARN.`,
    });
  }
  const list = devices.map((d, i) => `  ${i + 1}) ${d.serial}${d.enabledAt ? ` (enabled ${d.enabledAt.toISOString().slice(0, 10)})` : ''}\n`).join('');
  const index = await options.ask({
    name: 'MFA device choice',
    preface: `The IAM user of profile "${profile}" has ${devices.length} MFA devices:\n${list}`,
    prompt: `Which one should the profile use? [1-${devices.length}]: `,
    read: (answer) => (/^\d+$/.test(answer) && Number(answer) >= 1 && Number(answer) <= devices.length ? Number(answer) - 1 : undefined),
    again: `Type a number from 1 to ${devices.length}.`,
    noAnswer: 'no MFA device was chosen',
  });
  return devices[index].serial;
}
