// Text → small integer, for the matcher's hot path: which field a record key is.

/**
 * String → small integer by open addressing, at most a quarter full: cheaper
 * than Map.get on the few short field names a router reads.
 */
export class StringTable {
  keys: (string | undefined)[] = new Array<string | undefined>(16).fill(undefined);
  values: number[] = new Array<number>(16).fill(0);
  mask = 15;
  size = 0;

  /** The value stored for `key`, or -1. */
  get(key: string): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = hash(key) & mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.values[slot]!;
      if (found === undefined) return -1;
      slot = (slot + 1) & mask;
    }
  }

  set(key: string, value: number): void {
    if ((this.size + 1) * 4 > this.keys.length) this.grow();
    let slot = hash(key) & this.mask;
    while (this.keys[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === undefined) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Array<string | undefined>(keys.length * 2).fill(undefined);
    this.values = new Array<number>(keys.length * 2).fill(0);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    keys.forEach((key, i) => key !== undefined && this.set(key, values[i]!));
  }
}

/**
 * The length alone: field names mostly differ in length, and the keys for-in
 * yields are internalised, so a probe is a pointer comparison. No
 * charCodeAt: once any program subclasses String (ioredis does), V8 stops
 * inlining String.prototype methods and each call costs ~20 ns.
 */
function hash(key: string): number {
  return key.length * 5;
}
