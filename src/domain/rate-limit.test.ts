import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit.ts';

describe('RateLimiter', () => {
  it('allows a burst, refuses the next, and refills over time, per key', () => {
    const limiter = new RateLimiter({ capacity: 3, refillPerMinute: 6 });
    expect([1, 2, 3, 4].map(() => limiter.take('a', 0))).toEqual([true, true, true, false]);
    expect(limiter.take('b', 0)).toBe(true);
    expect(limiter.take('a', 9_000)).toBe(false); // 0,9 token after 9 s
    expect(limiter.take('a', 10_000)).toBe(true); // one token every 10 s
    expect(limiter.take('a', 10_001)).toBe(false);
  });
});
