/**
 * A small bounded LRU cache for pure parsers.
 * Map keeps insertion order, so the first key is the least recently used one;
 * a hit moves its key to the end. Values must be immutable (callers share them).
 */
export class LruMemo<V> {
  private readonly map = new Map<string, V>();

  constructor(readonly maxSize = 10_000) {}

  get size(): number {
    return this.map.size;
  }

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Refresh recency.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    if (this.maxSize <= 0) return;
    if (this.map.has(key)) this.map.delete(key);
    else if (this.map.size >= this.maxSize) {
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(key, value);
  }

  clear(): void {
    this.map.clear();
  }
}
