// The bench's meter (scripts/bench.mjs section 7), first in a metered content-script
// build (entry.ts): the content script's main-thread time as it measures itself, with no
// sampling profiler. Every way the browser calls our code back is wrapped, in our own
// world only (the page's globals are another world's): timers, animation frames, event
// listeners, mutation and resize observers, message ports, promise reactions, the
// extension's onMessage; each outermost call is timed with performance.now(). The
// bundle's start-up counts from start.js (its compiling included) to epilogue.ts. Not in any shipped build.
type Fn = (this: unknown, ...args: unknown[]) => unknown;
const now = performance.now.bind(performance);
// The clock starts in start.js, run just before this bundle in the same world (its compiling counts); else here.
const startedAt = (globalThis as { __coveredMeterStart?: unknown }).__coveredMeterStart;
export const meter = { topLevelMs: 0, callbacksMs: 0, callbacks: 0, started: typeof startedAt === 'number' ? startedAt : now() };
let depth = 1; // the bundle's evaluation is running
const wrapped = new WeakMap<Fn, Fn>();

function wrap<F>(fn: F): F {
  if (typeof fn !== 'function') return fn;
  const f = fn as unknown as Fn;
  let w = wrapped.get(f);
  if (!w) {
    w = function (this: unknown, ...args: unknown[]) {
      if (depth > 0) return f.apply(this, args);
      depth = 1;
      const t = now();
      try {
        return f.apply(this, args);
      } finally {
        meter.callbacksMs += now() - t;
        meter.callbacks++;
        depth = 0;
      }
    };
    wrapped.set(f, w);
  }
  return w as unknown as F;
}

const g = globalThis as unknown as Record<string, unknown> & typeof globalThis;
const setTimeout0 = g.setTimeout.bind(g);
g.setTimeout = ((fn: TimerHandler, ms?: number, ...a: unknown[]) => setTimeout0(wrap(fn), ms, ...a)) as typeof setTimeout;
const raf0 = g.requestAnimationFrame.bind(g);
g.requestAnimationFrame = (fn) => raf0(wrap(fn));
const add0 = EventTarget.prototype.addEventListener;
const remove0 = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type: string, fn: EventListenerOrEventListenerObject | null, o?: boolean | AddEventListenerOptions) {
  return add0.call(this, type, wrap(fn), o);
};
EventTarget.prototype.removeEventListener = function (type: string, fn: EventListenerOrEventListenerObject | null, o?: boolean | EventListenerOptions) {
  return remove0.call(this, type, (fn && typeof fn === 'function' && wrapped.get(fn as unknown as Fn)) || fn, o);
};
for (const name of ['MutationObserver', 'ResizeObserver'] as const) {
  const Base = g[name] as unknown as new (cb: Fn) => object;
  g[name] = class extends Base {
    constructor(cb: Fn) {
      super(wrap(cb));
    }
  } as never;
}
const onmessage = Object.getOwnPropertyDescriptor(MessagePort.prototype, 'onmessage')!;
Object.defineProperty(MessagePort.prototype, 'onmessage', { ...onmessage, set(v: unknown) { onmessage.set!.call(this, wrap(v)); } });
const then0 = Promise.prototype.then;
Promise.prototype.then = function (this: Promise<unknown>, a?: unknown, b?: unknown) {
  return then0.call(this, wrap(a) as never, wrap(b) as never);
} as typeof Promise.prototype.then;
const api = (Object.hasOwn(g, 'browser') ? g.browser : g.chrome) as { runtime: { onMessage: { addListener(fn: Fn): void } } };
const onMsg = api.runtime.onMessage;
const addListener0 = onMsg.addListener.bind(onMsg);
onMsg.addListener = (fn: Fn) => addListener0(wrap(fn));

/** Called by epilogue.ts once the bundle's evaluation (the content script's start-up) has run. */
export function evaluated(): void {
  meter.topLevelMs = now() - meter.started;
  depth = 0;
}
(g as Record<string, unknown>).__coveredMeter = meter;
