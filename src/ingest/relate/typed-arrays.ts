/** Typed arrays the relate stages share with worker threads. */

/** Typed arrays over shared memory when asked, so worker threads read them without a copy. */
export function allocate<T extends Int32Array | Float64Array>(
  Kind: { new (buffer: ArrayBufferLike): T; BYTES_PER_ELEMENT: number },
  length: number,
  shared: boolean,
): T {
  const bytes = Math.max(1, length) * Kind.BYTES_PER_ELEMENT;
  return new Kind(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
}
