// Evaluated first in every plugin context. Its value is `install`, which the worker calls once with the
// plugin's source; the worker keeps the returned runner by Reference, so nothing here is reachable from
// plugin code. Plain JavaScript read as text: a transpiler must not inject helpers the isolate lacks.
(function install(pluginSource, maxResultChars, hostLookup) {
  // biome-ignore lint/suspicious/noRedundantUseStrict: the isolate evaluates this as a script, not a module.
  'use strict';

  // Captured before plugin code runs: a plugin that patches built-ins changes its own behaviour, never
  // how results are collected, classified and serialised.
  const global = globalThis;
  const { apply, construct, defineProperty } = Reflect;
  const { create, freeze } = Object;
  const NativeMath = Math;
  const { imul } = Math;
  const { parse, stringify } = JSON;
  const toText = String;
  const sliceText = String.prototype.slice;
  const replaceText = String.prototype.replace;
  const NativePromise = Promise;
  const resolvePromise = Promise.resolve;
  const thenPromise = Promise.prototype.then;
  const NativeDate = Date;
  const nativeNow = Date.now;
  const nativeRandom = Math.random;
  const dateToString = Date.prototype.toString;
  // Indirect, so plugin code runs at global scope as a classic script.
  // biome-ignore lint/security/noGlobalEval: evaluating the plugin's code is this file's job.
  const evaluateScript = eval;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them keeps messages to one log line.
  const controlCharacters = /[\u0000-\u001f\u007f]+/g;
  const maxMessageChars = 500;

  // Ways past the isolate's limits: WebAssembly.Memory grows outside the heap limit (measured: 4 GiB under
  // a 16 MB limit), shared memory and Atomics.wait can block a thread that no timeout reaches, and
  // finaliser callbacks run whenever the GC decides, outside any call and its budget.
  for (const name of ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef']) {
    delete global[name];
  }

  // Deterministic mode. Top-level code always runs frozen at instant 0 with seed 0, so nothing it captures
  // depends on when the isolate happened to be (re)built.
  let deterministic = true;
  let frozenNow = 0;
  let randomState = 0;

  function setClock(clock) {
    deterministic = clock !== null;
    if (clock !== null) {
      frozenNow = clock.nowMs;
      randomState = clock.seed | 0;
    }
  }

  function now() {
    return deterministic ? frozenNow : apply(nativeNow, NativeDate, []);
  }

  // mulberry32: small and fast, good enough for sampling and tie-breaking; not for secrets.
  function random() {
    if (!deterministic) return apply(nativeRandom, NativeMath, []);
    randomState = (randomState + 0x6d2b79f5) | 0;
    let t = imul(randomState ^ (randomState >>> 15), 1 | randomState);
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function ControlledDate(...args) {
    if (new.target === undefined) return apply(dateToString, construct(NativeDate, [now()]), []);
    return construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  }
  defineProperty(ControlledDate, 'name', { value: 'Date' });
  ControlledDate.prototype = NativeDate.prototype;
  ControlledDate.now = now;
  ControlledDate.parse = NativeDate.parse;
  ControlledDate.UTC = NativeDate.UTC;
  // Otherwise `new Date().constructor.now()` would read the real clock.
  defineProperty(NativeDate.prototype, 'constructor', {
    value: ControlledDate,
    writable: true,
    configurable: true,
  });
  global.Date = ControlledDate;
  NativeMath.random = random;

  // RangeErrors V8 throws when a resource runs out; anything else a plugin throws is its own error.
  const resourceMessages = freeze({
    __proto__: null,
    'Maximum call stack size exceeded': true,
    'Array buffer allocation failed': true,
    'Invalid string length': true,
  });

  // Runs inside the isolate, under the call's timeout: a thrown Proxy or a `message` getter that loops
  // is stopped here. Thrown across the boundary, isolated-vm would read it with no timeout at all.
  function messageOf(thrown) {
    try {
      const isObject = thrown !== null && (typeof thrown === 'object' || typeof thrown === 'function');
      const text = apply(sliceText, toText(isObject ? thrown.message : thrown), [0, maxMessageChars]);
      return apply(replaceText, text, [controlCharacters, ' ']);
    } catch {
      return 'the plugin threw a value that cannot be printed';
    }
  }

  function failure(thrown, code, prefix) {
    const message = messageOf(thrown);
    return { code: resourceMessages[message] === true ? 'plugin_memory' : code, message: prefix + message };
  }

  function rejected(failed) {
    return `{"ok":false,"code":"${failed.code}","message":${stringify(failed.message)}}`;
  }

  const tooLarge = freeze(create(null));

  function serialise(value) {
    let budget = maxResultChars;
    // Counted while serialising, so a result that would be 100 MB stops near the cap instead of filling
    // the heap; the exact length is checked after. Getters, proxies and toJSON run here, in the isolate.
    function count(key, item) {
      budget -= key.length + (typeof item === 'string' ? item.length : 1);
      if (budget < 0) throw tooLarge;
      return item;
    }
    const tooLargeFailure = {
      code: 'plugin_output_too_large',
      message: `result exceeds ${maxResultChars} characters of JSON`,
    };
    let json;
    try {
      json = stringify(value, count);
    } catch (thrown) {
      return rejected(
        thrown === tooLarge
          ? tooLargeFailure
          : failure(thrown, 'plugin_output_invalid', 'result is not JSON: '),
      );
    }
    if (typeof json !== 'string') {
      return rejected({
        code: 'plugin_output_invalid',
        message: 'run must return a JSON value, not undefined, a function or a symbol',
      });
    }
    if (json.length > maxResultChars) return rejected(tooLargeFailure);
    return `{"ok":true,"value":${json}}`;
  }

  // Lookups go through a host Callback that never throws: an error thrown by host code would carry the
  // host's stack and file paths into the isolate.
  const pluginContext = freeze({
    lookup(table, key) {
      if (typeof table !== 'string' || typeof key !== 'string') {
        throw new TypeError('lookup(table, key) takes two strings');
      }
      const answer = hostLookup(table, key);
      if (answer.error !== undefined) throw new Error(answer.error);
      return answer.value;
    },
  });

  let plugin;
  let run;
  try {
    evaluateScript(pluginSource);
    plugin = global.__plugin;
    run = plugin === null || plugin === undefined ? undefined : plugin.run;
  } catch (thrown) {
    return { error: failure(thrown, 'plugin_compile_error', '') };
  }
  if (typeof run !== 'function') {
    return {
      error: {
        code: 'plugin_compile_error',
        message: 'the code must set globalThis.__plugin = { run(input, ctx) { … } }',
      },
    };
  }

  // Each batch has its own record, so a continuation left over from a batch that timed out writes into
  // that batch, never into the next one.
  let batch = null;

  function settle(current, index, thenable) {
    const settled = (entry) => {
      current.entries[index] = entry;
      current.pending -= 1;
    };
    apply(thenPromise, apply(resolvePromise, NativePromise, [thenable]), [
      (value) => settled(serialise(value)),
      (thrown) => settled(rejected(failure(thrown, 'plugin_error', ''))),
    ]);
  }

  function runOne(current, index, input) {
    try {
      const outcome = apply(run, plugin, [input, pluginContext]);
      if (outcome !== null && typeof outcome === 'object' && typeof outcome.then === 'function') {
        current.pending += 1;
        settle(current, index, outcome);
      } else {
        current.entries[index] = serialise(outcome);
      }
    } catch (thrown) {
      current.entries[index] = rejected(failure(thrown, 'plugin_error', ''));
    }
  }

  function assemble(current, pendingEntry) {
    let text = '[';
    for (let i = 0; i < current.count; i += 1) {
      const entry = current.entries[i];
      text += (i === 0 ? '' : ',') + (entry === undefined ? pendingEntry : entry);
    }
    return `${text}]`;
  }

  // The worker's two entry points. Neither ever throws a plugin value out of the isolate; null means the
  // plugin broke the runner itself and the worker fails the batch.
  function start(inputsJson, clocks) {
    try {
      const inputs = parse(inputsJson);
      const current = { entries: create(null), count: inputs.length, pending: 0, returned: false };
      batch = current;
      for (let i = 0; i < current.count; i += 1) {
        setClock(clocks === null ? null : clocks[clocks.length === 1 ? 0 : i]);
        runOne(current, i, inputs[i]);
      }
      current.returned = true;
      return current.pending === 0 ? assemble(current, null) : undefined;
    } catch {
      return null;
    }
  }

  // After start returned undefined (promises still pending once microtasks drained) or was stopped by
  // the timeout: what finished keeps its result, the rest gets the failure the worker names. A timeout
  // after start had returned hit work the plugin left running (a microtask flood) with no input to blame,
  // so the whole batch fails.
  function finish(code, message, timedOut) {
    try {
      if (batch === null) return null;
      const failed = rejected({ code, message });
      return assemble(
        timedOut && batch.returned ? { count: batch.count, entries: create(null) } : batch,
        failed,
      );
    } catch {
      return null;
    }
  }

  return { error: null, start, finish };
});
