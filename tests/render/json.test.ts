import { json } from '../../src/render/json';
import { HOSTILE_VALUES } from './hostileValues';

describe('json renderer', () => {
  const plan = [
    ['Z', 'last letter first'],
    ['B', null],
    ...HOSTILE_VALUES.map(([, value], i) => [`V${i}`, value] as const),
  ] as const;
  const parsed = JSON.parse(json.render(plan)) as Record<string, unknown>;

  test('is one object: every value exactly, null for the names to unset', () => {
    expect(parsed).toEqual(Object.fromEntries(plan));
  });

  test('keeps the plan order', () => {
    expect(Object.keys(parsed)).toEqual(plan.map(([name]) => name));
  });

  test('ends in a newline', () => {
    expect(json.render([['A', 'x']]).endsWith('}\n')).toBe(true);
  });
});
