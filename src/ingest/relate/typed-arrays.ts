/** Typed arrays for the relate stages: shared with worker threads, or grown as they fill. */

/** Typed arrays over shared memory when asked, so worker threads read them without a copy. */
export function allocate<T extends Int32Array | Float64Array>(
  Kind: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = Math.max(1, length) * Kind.BYTES_PER_ELEMENT;
  return new Kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}

/** A copy of `array` at least `length` long, and at least twice as long, its tail zeros. */
export function grownTo(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(length, array.length * 2));
  bigger.set(array);
  return bigger;
}
