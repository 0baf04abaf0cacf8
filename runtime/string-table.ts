// Text → small integer, for the matcher's hot path: which field a record key
// is, and which region a field's text value falls in.

/**
 * String → small integer by open addressing, at most a quarter full. The hash
 * reads the length and three characters, which beats Map.get (it hashes the
 * whole string) several times over on the short field names and enum values
 * routing reads.
 */
export class StringTable {
  keys: (string | undefined)[] = new Array<string | undefined>(16).fill(undefined);
  values = new Int32Array(16);
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
    this.values = new Int32Array(keys.length * 2);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    keys.forEach((key, i) => key !== undefined && this.set(key, values[i]!));
  }
}

function hash(key: string): number {
  const length = key.length;
  // An empty key reads NaN, which `& mask` turns into slot 0.
  return length * 31 + key.charCodeAt(0) * 7 + key.charCodeAt(length >> 1) * 3 + key.charCodeAt(length - 1);
}
