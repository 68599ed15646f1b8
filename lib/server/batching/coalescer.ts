import "server-only";
import DataLoader from "dataloader";

export type CoalescerOptions = {
  // Largest group sent as one statement.
  maxBatch?: number;
  // Groups in flight at once. While they are all busy, new work waits and joins the next group,
  // so under load each round trip carries more items instead of more round trips piling up.
  maxInFlight?: number;
};

// Coalesces concurrent calls into one call with many items (one database round trip instead of
// one per request). On this kind of machine a round trip's syscalls cost more CPU than the SQL
// they carry, so the public claim intake batches its statements across concurrent requests.
// `run` gets the items in arrival order and returns one result (or Error) per item, in order.
// Items are never cached or de-duplicated: each call is its own unit of work. When a group's
// call throws, each of its items is run again alone, so one bad item fails only its own caller.
export function createCoalescer<In, Out>(run: (items: readonly In[]) => Promise<(Out | Error)[]>, options: CoalescerOptions = {}) {
  const maxInFlight = options.maxInFlight ?? 2;
  // Groups scheduled or running; a group past the limit waits for one to finish.
  let slots = 0;
  const waiting: (() => void)[] = [];
  const take = (dispatch: () => void) => {
    slots++;
    setImmediate(dispatch);
  };
  const release = () => {
    slots--;
    const next = waiting.shift();
    if (next) take(next);
  };

  const loader = new DataLoader<In, Out>(
    async (items) => {
      try {
        return await run(items);
      } catch (error) {
        if (items.length === 1) return [asError(error)];
        return Promise.all(items.map((item) => run([item]).then((results) => results[0]!, asError)));
      } finally {
        release();
      }
    },
    {
      cache: false,
      maxBatchSize: options.maxBatch ?? 200,
      // A new group opens when the first item arrives; it closes (and runs) after the current
      // I/O phase if a slot is free, otherwise when one frees. setImmediate (not nextTick)
      // lets every request that arrived in the same event-loop turn join.
      batchScheduleFn: (dispatch) => {
        if (slots < maxInFlight) take(dispatch);
        else waiting.push(dispatch);
      },
    },
  );

  return (item: In): Promise<Out> => loader.load(item);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}
