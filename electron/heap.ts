import { setFlagsFromString } from 'node:v8';

/**
 * The main process's JavaScript heap grows by half of what survives a collection, not by V8's default (up to
 * four times): a first connection parses hundreds of feed pages, and their garbage would otherwise keep the
 * process at twice its live size (measured: 100,000 requests, peak RSS 329 → 252 MB, time within 5 %).
 * Both shells call it before the console starts.
 */
export function keepHeapTight(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
