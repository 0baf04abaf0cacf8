// Text → small integer, for the matcher's hot path: which field a record key is.

/**
 * String → small integer by open addressing, at most a quarter full: cheaper
 * than Map.get on the few short field names a router reads. Built once from
 * all its keys, so it never grows.
 */
export class StringTable {
  keys: (string | undefined)[];
  values: number[];
  mask: number;

  /** `keys[i]` → i. */
  constructor(keys: string[]) {
    let size = 16;
    while (size < keys.length * 4) size *= 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<number>(size).fill(0);
    this.mask = size - 1;
    keys.forEach((key, value) => {
      let slot = hash(key) & this.mask;
      while (this.keys[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.values[slot] = value;
    });
  }

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
