// The content script's work in slices, so that a huge or hostile page never
// gets a long task from us: each scan is a generator that yields at points
// where it may stop (after an anchor, a listing, a window of text, a badge),
// and a slice runs steps until its few milliseconds are used, then lets the
// page run (input, rendering, its own tasks) before the next slice.

/** How a job's steps are spread over tasks. */
export interface Slices {
  /** Starts a slice's clock. */
  begin(): void;
  /** Has this slice used its time? Asked after every step. */
  due(): boolean;
  /** Resolves in a later task, after the page had its turn. */
  pause(): Promise<void>;
}

/** A slice's length: well under the 50 ms of a long task, even with a slow step at the end. */
export const SLICE_MS = 8;

interface SchedulerLike {
  yield(): Promise<void>;
}

// Read once, as an own property of our world's global: a page's element named
// "scheduler" shows through the window's prototype only (and Firefox has none).
const g = globalThis as { scheduler?: SchedulerLike };
const scheduler = Object.hasOwn(g, 'scheduler') && typeof g.scheduler?.yield === 'function' ? g.scheduler : undefined;

/**
 * A new task. scheduler.yield() where present (the continuation runs before
 * other queued tasks of the same priority); else a MessageChannel message
 * (no 4 ms clamp like nested timers, no starving under load like idle callbacks).
 */
function nextTask(): Promise<void> {
  if (scheduler) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Slices of `ms` milliseconds of work each, timed with performance.now(). */
export function timeSlices(ms = SLICE_MS): Slices {
  let end = 0;
  return {
    begin: () => void (end = performance.now() + ms),
    due: () => performance.now() >= end,
    pause: nextTask,
  };
}

/** Everything in one go (unit tests of the protocol, benchmarks timing the scan alone). */
export const inOneGo: Slices = { begin() {}, due: () => false, pause: () => Promise.resolve() };

