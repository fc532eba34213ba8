/**
 * Typed arrays without an allocation per call. A typed array of more than a few numbers lives outside the heap and
 * costs about a microsecond to allocate, more than the work a short document's sentence or graph does with it; a
 * stage that makes dozens per document spends its time there. A view (subarray) of a buffer allocated earlier costs
 * a tenth of that.
 */

type Typed = Int32Array | Float64Array | Uint8Array;
type Maker<T extends Typed> = new (length: number) => T;

/**
 * One function's temporary array, reused from call to call: `take(n)` is valid until the next `take` of the same
 * Scratch, so a Scratch belongs to one function that neither re-enters nor lets the array outlive the call.
 */
export class Scratch<T extends Typed> {
  private buffer: T;

  constructor(private readonly make: Maker<T>) {
    this.buffer = new make(256);
  }

  /** `length` places, each set to `fill`. */
  take(length: number, fill = 0): T {
    if (this.buffer.length < length) this.buffer = new this.make(Math.max(length, 2 * this.buffer.length));
    return this.buffer.subarray(0, length).fill(fill) as T;
  }
}

/**
 * Arrays that outlive the call but not a document (a sentence's term vector): views carved from chunks, each
 * chunk allocated once and never reused, so every view starts zeroed and stays valid as long as it is held.
 */
export class Pool<T extends Typed> {
  private chunk: T;
  private used = 0;

  constructor(
    private readonly make: Maker<T>,
    private chunkLength = 1024,
  ) {
    this.chunk = new make(0);
  }

  /** `length` zeroed places. */
  take(length: number): T {
    if (this.used + length > this.chunk.length) {
      this.chunk = new this.make(Math.max(length, this.chunkLength));
      this.chunkLength *= 2;
      this.used = 0;
    }
    return this.chunk.subarray(this.used, (this.used += length)) as T;
  }
}
