/**
 * Items ordered by weight, heaviest first, ties by lower item number, with one native sort of Float64
 * keys instead of a comparator sort (a call per comparison: ranking every article's terms that way was the
 * largest cost of grouping 100k articles).
 *
 * Each key is a positive double whose bits are, from the top: the weight's sign, exponent and leading
 * mantissa bits, complemented so that heavier sorts first, then the item number. Positive doubles sort as
 * their bit patterns do, so the native ascending sort gives the order. The item number takes the low
 * `itemBits` bits; the weight keeps 52 - itemBits of its 52 mantissa bits (33 for a vocabulary of 500k
 * terms): weights closer than that relative precision count as equal and go by item number.
 */

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const HIGH = LITTLE_ENDIAN ? 1 : 0;
const LOW = 1 - HIGH;
/** The largest high word of a finite positive double. */
const MAX_HIGH = 0x7fefffff;

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);
let keys = new Float64Array(1024);
let keyWords = new Uint32Array(keys.buffer);

/** Bits needed for item numbers below `limit`. */
export function itemBitsFor(limit: number): number {
  const bits = Math.max(1, Math.ceil(Math.log2(Math.max(2, limit))));
  if (bits > 31) throw new Error(`weight-order: item numbers up to ${limit} do not fit in 31 bits`);
  return bits;
}

/**
 * The `count` heaviest of `length` items (items[k] weighs weights[k]; weights positive and finite, item
 * numbers below 2^itemBits), heaviest first, ties by lower item number, into `out`; returns how many.
 */
export function heaviestFirst(
  items: ArrayLike<number>,
  weights: ArrayLike<number>,
  length: number,
  count: number,
  itemBits: number,
  out: Int32Array,
): number {
  if (keys.length < length) {
    keys = new Float64Array(Math.max(length, keys.length * 2));
    keyWords = new Uint32Array(keys.buffer);
  }
  const itemMask = 2 ** itemBits - 1;
  for (let k = 0; k < length; k++) {
    scratch[0] = weights[k] ?? 0;
    const high = scratchWords[HIGH] ?? 0;
    const low = scratchWords[LOW] ?? 0;
    keyWords[2 * k + HIGH] = MAX_HIGH - high;
    // The low word: the weight's next mantissa bits, complemented, above the item number.
    keyWords[2 * k + LOW] = ((~low & ~itemMask) | (items[k] ?? 0)) >>> 0;
  }
  const sorted = keys.subarray(0, length).sort();
  const kept = Math.min(count, length);
  for (let k = 0; k < kept; k++) {
    scratch[0] = sorted[k] ?? 0;
    out[k] = (scratchWords[LOW] ?? 0) & itemMask;
  }
  return kept;
}
