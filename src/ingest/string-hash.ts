/**
 * FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit number: a fast hash that is the same from one
 * build to the next, for sharding stories and cutting chunks.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * A 64-bit hash of a string's UTF-16 code units, as two unsigned 32-bit halves written to `out` (no
 * allocation: it runs once per output file of a build): FNV-1a and a multiply-xorshift hash with a final
 * mix, for keys whose collision would matter (the output record's file names and input keys).
 */
export function hash64(text: string, out: Uint32Array): void {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b);
  b = Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  out[0] = a >>> 0;
  out[1] = (b ^ (b >>> 16)) >>> 0;
}
