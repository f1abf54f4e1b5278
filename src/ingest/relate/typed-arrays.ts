/** Typed arrays for the relate stages: shared with worker threads, or grown as they fill. */

/**
 * A typed array of `length` zeros, over shared memory when asked, so worker threads read it without a
 * copy (and a worker's results reach the main thread without one).
 */
export function allocate<T extends Int32Array | Float64Array>(
  Kind: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = length * Kind.BYTES_PER_ELEMENT;
  return new Kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes), 0, length);
}

/** A copy of `array` at least `length` long, and at least twice as long, its tail zeros. */
export function grownTo(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}
