import { describe, expect, it } from 'vitest';
import { createCooldown } from '../../src/discord/cooldown.js';

function clockAt(start: number) {
  let now = start;
  return { clock: () => now, advance: (ms: number) => (now += ms) };
}

describe('the per-user cooldown (4 questions per 10 seconds)', () => {
  it('lets four questions through, then refuses the fifth', () => {
    const time = clockAt(1_000_000);
    const cooldown = createCooldown({ questions: 4, seconds: 10, clock: time.clock });
    const verdicts = Array.from({ length: 5 }, () => cooldown.take('learner').allowed);
    expect(verdicts).toEqual([true, true, true, true, false]);
  });

  it('tells the user once per window, however many more they send', () => {
    const time = clockAt(0);
    const cooldown = createCooldown({ questions: 4, seconds: 10, clock: time.clock });
    const notices = Array.from({ length: 50 }, () => cooldown.take('learner')).filter(
      (v) => !v.allowed && v.notify,
    );
    expect(notices).toHaveLength(1);
  });

  it('says how long until the oldest question leaves the window', () => {
    const time = clockAt(0);
    const cooldown = createCooldown({ questions: 2, seconds: 10, clock: time.clock });
    cooldown.take('learner');
    time.advance(3_000);
    cooldown.take('learner');
    expect(cooldown.take('learner')).toEqual({ allowed: false, notify: true, retryAfterMs: 7_000 });
  });

  it('lets the user ask again once the window has moved on, and warns again next time', () => {
    const time = clockAt(0);
    const cooldown = createCooldown({ questions: 1, seconds: 10, clock: time.clock });
    cooldown.take('learner');
    expect(cooldown.take('learner')).toMatchObject({ allowed: false, notify: true });
    time.advance(10_000);
    expect(cooldown.take('learner')).toEqual({ allowed: true });
    expect(cooldown.take('learner')).toMatchObject({ allowed: false, notify: true });
  });

  it('keeps each user to their own window', () => {
    const time = clockAt(0);
    const cooldown = createCooldown({ questions: 1, seconds: 10, clock: time.clock });
    cooldown.take('learner');
    expect(cooldown.take('tutor')).toEqual({ allowed: true });
  });

  it('forgets users whose window is empty when swept', () => {
    const time = clockAt(0);
    const cooldown = createCooldown({ questions: 1, seconds: 10, clock: time.clock });
    cooldown.take('learner');
    cooldown.take('learner');
    time.advance(10_000);
    cooldown.sweep();
    expect(cooldown.take('learner')).toEqual({ allowed: true });
  });
});
