// Bytes made from other bytes, kept for reuse within the process (a watch rebuilds
// documents that are mostly what they were), up to a size: the least recently used
// go first.
import { createHash } from 'node:crypto';

/** Bytes kept at most by a cache, unless it is given its own limit. */
const LIMIT_BYTES = 24 * 1024 * 1024;

/** Below this, hashing and looking up cost about what deflating does. */
const SMALLEST = 2048;

/** A map from keys to byte arrays that forgets its least recently used entries past its limit. */
export class ByteCache<K> {
  private readonly entries = new Map<K, Uint8Array>();
  private size = 0;

  constructor(private readonly limit = LIMIT_BYTES) {}

  get(key: K): Uint8Array | undefined {
    const found = this.entries.get(key);
    if (found) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, found);
    }
    return found;
  }

  set(key: K, value: Uint8Array): void {
    if (value.byteLength > this.limit / 4) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.size -= old.byteLength;
    }
    this.entries.set(key, value);
    this.size += value.byteLength;
    for (const [oldest, bytes] of this.entries) {
      if (this.size <= this.limit) break;
      this.entries.delete(oldest);
      this.size -= bytes.byteLength;
    }
  }
}

/**
 * make(bytes), from `cache` when the same bytes (by SHA-256) were made before. `make`
 * must depend on nothing but the bytes (one cache per function and options).
 * Returns whether it was reused. The result is shared: its users must not change it.
 */
export function madeOnce<T extends Uint8Array>(cache: ByteCache<string>, bytes: Uint8Array, make: (bytes: Uint8Array) => T): { made: T; reused: boolean } {
  if (bytes.byteLength < SMALLEST) return { made: make(bytes), reused: false };
  const key = createHash('sha256').update(bytes).digest('base64');
  const found = cache.get(key);
  if (found) return { made: found as T, reused: true };
  const made = make(bytes);
  cache.set(key, made);
  return { made, reused: false };
}
