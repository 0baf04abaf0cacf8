// Text → small integer, for the matcher's hot path: which field a record key
// is, and which region a field's text value falls in.

/**
 * String → small integer by open addressing. The hash reads the length and
 * two characters — one at a position `tune` picks so the keys known at build
 * land in distinct slots — which beats Map.get (it hashes the whole string)
 * several times over on the short field names and enum values routing reads.
 */
export class StringTable {
  keys: (string | undefined)[] = new Array<string | undefined>(16).fill(undefined);
  values = new Int32Array(16);
  mask = 15;
  size = 0;
  position = 0;
  multiplier = 31;

  /** The value stored for `key`, or -1. */
  get(key: string): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = this.hash(key) & mask;
    for (;;) {
      const found = keys[slot];
      if (found === key) return this.values[slot]!;
      if (found === undefined) return -1;
      slot = (slot + 1) & mask;
    }
  }

  set(key: string, value: number): void {
    if ((this.size + 1) * 4 > this.keys.length) this.grow();
    let slot = this.hash(key) & this.mask;
    while (this.keys[slot] !== undefined && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    if (this.keys[slot] === undefined) this.size++;
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  /** Picks the hash's character and multiplier that spread `keys` best; call before setting them. */
  tune(keys: string[]): void {
    const distinct = [...new Set(keys)];
    while (distinct.length * 4 > this.keys.length) this.grow();
    let best: [number, number, number] = [Infinity, 0, 31];
    for (let position = 0; position < 6; position++) {
      for (let multiplier = 1; multiplier < 64; multiplier += 2) {
        this.position = position;
        this.multiplier = multiplier;
        const taken = new Set(distinct.map((key) => this.hash(key) & this.mask));
        const collisions = distinct.length - taken.size;
        if (collisions < best[0]) best = [collisions, position, multiplier];
        if (collisions === 0) break;
      }
      if (best[0] === 0) break;
    }
    this.position = best[1];
    this.multiplier = best[2];
  }

  private hash(key: string): number {
    const length = key.length;
    const position = this.position;
    // An empty key reads NaN, which `& mask` turns into slot 0.
    return length * this.multiplier + key.charCodeAt(position < length ? position : 0) * 7 + key.charCodeAt(length - 1);
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
