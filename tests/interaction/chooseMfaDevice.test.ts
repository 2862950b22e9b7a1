import { chooseMfaDevice } from '../../src/interaction/chooseMfaDevice';
import type { Ask, Question } from '../../src/interaction/terminalQuestion';
import { AwsenvError } from '../../src/core/errors';

const PHONE = { serial: 'arn:aws:iam::111111111111:mfa/alice-phone', enabledAt: new Date('2026-01-02T03:04:05Z') };
const KEY = { serial: 'arn:aws:iam::111111111111:mfa/alice-key' };

/** A person at a terminal who types these answers in turn; what was asked is kept. */
function person(...answers: string[]) {
  const asked: Question<unknown>[] = [];
  const ask = (async <T>(question: Question<T>) => {
    asked.push(question as Question<unknown>);
    for (const answer of answers) {
      const value = question.read(answer);
      if (value !== undefined) return value;
    }
    throw new AwsenvError('interaction', question.noAnswer);
  }) as Ask;
  return { ask, asked };
}

async function refusal(promise: Promise<unknown>): Promise<AwsenvError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AwsenvError);
  return error as AwsenvError;
}

describe(chooseMfaDevice.name, () => {
  it.each<{ name: string; devices: (typeof PHONE | typeof KEY)[]; serial?: string; answers?: string[]; chosen: string }>([
    { name: 'the only device, without asking', devices: [PHONE], chosen: PHONE.serial },
    { name: 'the only device, even with a terminal', devices: [PHONE], answers: [], chosen: PHONE.serial },
    { name: '--serial among several, without a terminal', devices: [PHONE, KEY], serial: KEY.serial, chosen: KEY.serial },
    { name: 'the number typed', devices: [PHONE, KEY], answers: ['2'], chosen: KEY.serial },
    { name: 'asked again after a number out of range or not a number', devices: [PHONE, KEY], answers: ['0', '3', 'one', '1.5', '1'], chosen: PHONE.serial },
  ])('$name', async ({ devices, serial, answers, chosen }) => {
    const terminal = answers && person(...answers);
    expect(await chooseMfaDevice(devices, 'alice', { serial, ask: terminal?.ask })).toBe(chosen);
    if (devices.length === 1 || serial) expect(terminal?.asked ?? []).toEqual([]);
  });

  it('shows a numbered list with the enable dates', async () => {
    const { ask, asked } = person('1');
    await chooseMfaDevice([PHONE, KEY], 'alice', { ask });
    expect(asked[0].preface).toBe(`The IAM user of profile "alice" has 2 MFA devices:\n  1) ${PHONE.serial} (enabled 2026-01-02)\n  2) ${KEY.serial}\n`);
    expect(asked[0].prompt).toBe('Which one should the profile use? [1-2]: ');
  });

  it.each<{ name: string; devices: (typeof PHONE | typeof KEY)[]; serial?: string; kind: string; detail: RegExp; hint: RegExp }>([
    { name: 'no device', devices: [], kind: 'config', detail: /has no MFA device$/, hint: /IAM console/ },
    { name: 'no device, whatever --serial says', devices: [], serial: PHONE.serial, kind: 'config', detail: /has no MFA device$/, hint: /IAM console/ },
    { name: 'several and no terminal', devices: [PHONE, KEY], kind: 'interaction', detail: /has 2 MFA devices \(.*alice-phone, .*alice-key\), and there is no terminal/, hint: /--serial ARN/ },
    { name: '--serial of another device', devices: [PHONE], serial: KEY.serial, kind: 'usage', detail: /^--serial .*alice-key is not an MFA device/, hint: /alice-phone/ },
  ])('refuses: $name', async ({ devices, serial, kind, detail, hint }) => {
    const error = await refusal(chooseMfaDevice(devices, 'alice', { serial }));
    expect(error.kind).toBe(kind);
    expect(error.profile).toBe('alice');
    expect(error.detail).toMatch(detail);
    expect(error.hint).toMatch(hint);
  });
});
