/**
 * Runs an async function over a (possibly async) iterable with bounded look-ahead and yields the results in input
 * order. At most `window` items are read ahead of the consumer, so memory stays bounded however long the input.
 *
 * @example
 * for await (const outcome of inOrder(records, (record) => pool.run(taskOf(record)), 8)) print(outcome);
 */
export async function* inOrder<T, R>(
  source: Iterable<T> | AsyncIterable<T>,
  start: (item: T, index: number) => Promise<R>,
  window: number,
): AsyncGenerator<R> {
  const iterator =
    Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<T>)[Symbol.iterator]();
  const pending: Promise<R>[] = [];
  let index = 0;
  let done = false;
  try {
    while (true) {
      while (!done && pending.length < window) {
        const next = await iterator.next();
        if (next.done) done = true;
        else pending.push(start(next.value, index++));
      }
      const head = pending.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    // Stopped early (break, error): let started work settle and close the source.
    await Promise.allSettled(pending);
    if (!done) await iterator.return?.();
  }
}
