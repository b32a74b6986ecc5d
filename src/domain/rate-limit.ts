// A token bucket per key (here: per Telegram user): a burst of `capacity` commands, refilled
// steadily. Pure: the caller passes the time in.
export interface BucketPolicy {
  capacity: number;
  refillPerMinute: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly policy: BucketPolicy) {}

  /** Takes one token; false when the key has used its budget. */
  take(key: string, nowMs: number): boolean {
    const { capacity, refillPerMinute } = this.policy;
    const bucket = this.buckets.get(key) ?? { tokens: capacity, at: nowMs };
    const refilled = Math.min(capacity, bucket.tokens + ((nowMs - bucket.at) * refillPerMinute) / 60_000);
    const allowed = refilled >= 1;
    this.buckets.set(key, { tokens: allowed ? refilled - 1 : refilled, at: nowMs });
    // Full buckets carry no information: drop them so the map does not grow with every user.
    if (this.buckets.size > 10_000) {
      for (const [k, b] of this.buckets) if (b.tokens >= capacity - 1) this.buckets.delete(k);
    }
    return allowed;
  }
}
