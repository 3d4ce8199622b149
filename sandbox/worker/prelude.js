// Evaluated first in every plugin context. Its value is `install`, which the worker calls once with the
// plugin's source; the worker keeps the returned runner by Reference, so nothing here is reachable from
// plugin code. Plain JavaScript read as text: a transpiler must not inject helpers the isolate lacks.
(function install(pluginSource, maxResultChars, sliceMs, hostLookup) {
  // biome-ignore lint/suspicious/noRedundantUseStrict: the isolate evaluates this as a script, not a module.
  'use strict';

  // Captured before plugin code runs: a plugin that patches built-ins changes its own behaviour, never
  // how results are collected, classified and serialised.
  const global = globalThis;
  const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys } = Reflect;
  const { create, freeze, keys: enumerableKeys } = Object;
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
  const NativeWeakMap = WeakMap;
  const { get: weakGet, set: weakSet } = WeakMap.prototype;
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

  // Intl formats "now" when given no date: `new Intl.DateTimeFormat().format()` read the real clock.
  // `format` is a getter handing out a function bound to its formatter, one per formatter, as natively.
  const DateTimeFormatPrototype = Intl.DateTimeFormat.prototype;
  const nativeFormatGetter = getOwnPropertyDescriptor(DateTimeFormatPrototype, 'format').get;
  const nativeFormatToParts = DateTimeFormatPrototype.formatToParts;
  const boundFormats = new NativeWeakMap();
  const datePatches = {
    get format() {
      let format = apply(weakGet, boundFormats, [this]);
      if (format === undefined) {
        // Throws the native TypeError for anything but a DateTimeFormat.
        const nativeFormat = apply(nativeFormatGetter, this, []);
        format = (date) => nativeFormat(date === undefined ? now() : date);
        apply(weakSet, boundFormats, [this, format]);
      }
      return format;
    },
    formatToParts(date) {
      return apply(nativeFormatToParts, this, [date === undefined ? now() : date]);
    },
  };
  defineProperty(DateTimeFormatPrototype, 'format', {
    get: getOwnPropertyDescriptor(datePatches, 'format').get,
    configurable: true,
  });
  defineProperty(DateTimeFormatPrototype, 'formatToParts', {
    value: datePatches.formatToParts,
    writable: true,
    configurable: true,
  });

  // Built-ins are frozen, so no input's code changes what the next input's code, or this runner, finds
  // in them (an Object.prototype.toJSON would rewrite every later result). V8 keys its fast paths for
  // property lookup, array built-ins and regular expressions on the maps of three prototypes, and
  // freezing those made a typical plugin 2-3× slower (measured): they stay unfrozen and are compared
  // with a snapshot after each batch instead (changedBuiltIn).
  const watched = [
    ['Object.prototype', Object.prototype],
    ['Array.prototype', Array.prototype],
    ['RegExp.prototype', RegExp.prototype],
  ];

  // Assigning to a name that an object inherits from a frozen prototype fails (`this.name = 'MyError'`
  // in an Error subclass, the "override mistake"), so these become accessors whose setter defines the
  // name on the object assigned to, as a writable prototype would have.
  function allowOverride(target, key) {
    const { value, enumerable } = getOwnPropertyDescriptor(target, key);
    const accessors = {
      get() {
        return value;
      },
      set(replacement) {
        if (this === target) throw new TypeError(`Cannot assign to read only property '${toText(key)}'`);
        defineProperty(this, key, {
          value: replacement,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      },
    };
    defineProperty(target, key, { get: accessors.get, set: accessors.set, enumerable, configurable: false });
  }
  const errorTypes = [
    EvalError,
    RangeError,
    ReferenceError,
    SyntaxError,
    TypeError,
    URIError,
    AggregateError,
  ];
  for (const key of ['constructor', 'name', 'message', 'toString']) allowOverride(Error.prototype, key);
  for (const type of errorTypes) {
    for (const key of ['constructor', 'name', 'message']) allowOverride(type.prototype, key);
  }
  for (const key of ['constructor', 'toString']) allowOverride(Function.prototype, key);

  // Everything reachable from the globals, and the intrinsics only syntax reaches.
  const builtIns = [
    getPrototypeOf(function* () {}),
    getPrototypeOf(async () => {}),
    getPrototypeOf(async function* () {}),
    getPrototypeOf([][Symbol.iterator]()),
    getPrototypeOf(''[Symbol.iterator]()),
    getPrototypeOf(new Map()[Symbol.iterator]()),
    getPrototypeOf(new Set()[Symbol.iterator]()),
    getPrototypeOf(/./[Symbol.matchAll]('')),
    getPrototypeOf(new Intl.Segmenter().segment('')),
    getPrototypeOf(new Intl.Segmenter().segment('')[Symbol.iterator]()),
  ];
  for (const key of ownKeys(global)) {
    if (key !== 'globalThis') builtIns.push(getOwnPropertyDescriptor(global, key).value);
  }
  const seen = new Set([global]);
  while (builtIns.length > 0) {
    const value = builtIns.pop();
    const isObject = value !== null && (typeof value === 'object' || typeof value === 'function');
    if (!isObject || seen.has(value)) continue;
    seen.add(value);
    if (!watched.some(([, target]) => target === value)) freeze(value);
    builtIns.push(getPrototypeOf(value));
    for (const key of ownKeys(value)) {
      const { value: item, get, set } = getOwnPropertyDescriptor(value, key);
      builtIns.push(item, get, set);
    }
  }
  // The global object stays open for the plugin's own globals (`__plugin`, top-level `var`s); the
  // built-ins on it can no longer be replaced.
  for (const key of ownKeys(global)) {
    if (getOwnPropertyDescriptor(global, key).configurable) {
      defineProperty(global, key, { writable: false, configurable: false });
    }
  }

  // A watched prototype as it was before plugin code ran: its prototype and the value of each data
  // property. What one input's data can leave behind for the next is what assignment does (prototype
  // pollution): add an enumerable key (`toJSON`; a built-in has none) or replace a data property's value
  // (assignment cannot change an accessor). Checking just that takes plain reads and no allocation but
  // an empty array: 1.4 µs a batch, where comparing every descriptor took 5 (measured). Code that means
  // to hide a change can (defineProperty); it only ever hurts its own plugin's results.
  function snapshot(target) {
    const values = [];
    for (const key of ownKeys(target)) {
      const descriptor = getOwnPropertyDescriptor(target, key);
      if ('value' in descriptor) values.push(key, descriptor.value);
    }
    return { target, prototype: getPrototypeOf(target), values };
  }

  function unchanged(shot) {
    const { target, values } = shot;
    if (getPrototypeOf(target) !== shot.prototype || enumerableKeys(target).length !== 0) return false;
    for (let i = 0; i < values.length; i += 2) if (target[values[i]] !== values[i + 1]) return false;
    return true;
  }

  const snapshots = watched.map(([name, target]) => ({ name, shot: snapshot(target) }));

  /**
   * The name of a watched prototype that differs from its snapshot, or null. Runs after plugin code,
   * which may have replaced the very methods and iterators of Array.prototype: plain loops only.
   */
  function changedBuiltIn() {
    for (let i = 0; i < snapshots.length; i += 1) {
      if (!unchanged(snapshots[i].shot)) return snapshots[i].name;
    }
    return null;
  }

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

  /** One envelope entry; `unattributed` when another input of the batch may be to blame (see finish). */
  function rejected(failed, unattributed) {
    const flag = unattributed ? ',"unattributed":true' : '';
    return `{"ok":false,"code":"${failed.code}","message":${stringify(failed.message)}${flag}}`;
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
  const changedAtLoad = changedBuiltIn();
  if (changedAtLoad !== null) {
    return {
      error: {
        code: 'plugin_compile_error',
        message: `the code changes ${changedAtLoad}; built-ins are frozen for plugins`,
      },
    };
  }

  const neverSettled = rejected({
    code: 'plugin_timeout',
    message: 'the promise returned by run never settled',
  });

  // Each batch has its own record, so a continuation left over from a batch that was stopped writes into
  // that batch, never into the next one. `next` is the first input not started; `sliceStart` the first
  // of the current entry; `running` the input whose first turn is under way, or -1.
  let batch = null;

  function settle(current, index, thenable) {
    apply(thenPromise, apply(resolvePromise, NativePromise, [thenable]), [
      (value) => {
        current.entries[index] = serialise(value);
      },
      (thrown) => {
        current.entries[index] = rejected(failure(thrown, 'plugin_error', ''));
      },
    ]);
  }

  /** True when run returned a promise: its continuations run when the entry drains its microtasks. */
  function runOne(current, index, input) {
    try {
      const outcome = apply(run, plugin, [input, pluginContext]);
      if (outcome !== null && typeof outcome === 'object' && typeof outcome.then === 'function') {
        settle(current, index, outcome);
        return true;
      }
      current.entries[index] = serialise(outcome);
    } catch (thrown) {
      current.entries[index] = rejected(failure(thrown, 'plugin_error', ''));
    }
    return false;
  }

  function assemble(current) {
    let text = '[';
    for (let i = 0; i < current.count; i += 1) {
      const entry = current.entries[i];
      text += (i === 0 ? '' : ',') + (entry === undefined ? neverSettled : entry);
    }
    return `${text}]`;
  }

  // The worker's entry points. None ever throws a plugin value out of the isolate; null means the plugin
  // broke the runner itself and the worker fails the batch.

  // Runs inputs while less than sliceMs have passed since the entry began, until one returns a promise,
  // and returns the next input's index. The entry's timeout is the per-input budget plus sliceMs, so
  // every input starts with at least its whole budget left; a promise ends the entry so that its
  // continuations, which run as the entry drains its microtasks, are charged to it alone and see its
  // clock. The isolate has no timers or I/O: a promise still pending once its entry has drained never
  // settles.
  function runSlice(current, startedAt) {
    current.sliceStart = current.next;
    let pending = false;
    while (
      !pending &&
      current.next < current.count &&
      apply(nativeNow, NativeDate, []) - startedAt < sliceMs
    ) {
      const index = current.next;
      current.next = index + 1;
      const { clocks } = current;
      setClock(clocks === null ? null : clocks[clocks.length === 1 ? 0 : index]);
      current.running = index;
      pending = runOne(current, index, current.inputs[index]);
      current.running = -1;
    }
    return current.next;
  }

  /**
   * Parses a batch and, when `firstSlice`, runs its first slice in the same entry (the parse counts
   * against the slice); returns the next input's index. The other slices run in entries of their own.
   */
  function open(inputsJson, clocks, firstSlice) {
    try {
      const startedAt = apply(nativeNow, NativeDate, []);
      batch = null;
      const inputs = parse(inputsJson);
      batch = {
        inputs,
        clocks,
        entries: create(null),
        count: inputs.length,
        next: 0,
        sliceStart: 0,
        running: -1,
      };
      return firstSlice ? runSlice(batch, startedAt) : 0;
    } catch {
      return null;
    }
  }

  function next() {
    try {
      return runSlice(batch, apply(nativeNow, NativeDate, []));
    } catch {
      return null;
    }
  }

  // When a watched prototype changed during a batch, every result since may be wrong and which input
  // changed it is not known (in a batch of one, it was that input): the batch fails as a whole.
  function changedEnvelope(current, changed) {
    const entry = rejected(
      { code: 'plugin_error', message: `the plugin changed ${changed}; built-ins are frozen for plugins` },
      current.count > 1,
    );
    let text = '[';
    for (let i = 0; i < current.count; i += 1) text += (i === 0 ? '' : ',') + entry;
    return `${text}]`;
  }

  /**
   * After the last entry: the envelope, alone when the isolate may serve another batch, in a one-element
   * array when it must be retired (a stalled promise or a changed built-in). Only that rare answer is
   * an array: copying one out costs 3 µs more than a string (measured).
   */
  function collect() {
    try {
      const current = batch;
      batch = null;
      const changed = changedBuiltIn();
      if (changed !== null) return [changedEnvelope(current, changed)];
      let stalled = false;
      for (let i = 0; i < current.count; i += 1) if (current.entries[i] === undefined) stalled = true;
      return stalled ? [assemble(current)] : assemble(current);
    } catch {
      return null;
    }
  }

  // After an entry was stopped by the timeout, or returned having spent more CPU than its budget. An
  // input is blamed only when the CPU spent proves it (`proven`: a busy machine can stop an entry on the
  // clock before that) and it is known: the input whose first turn was running, or the entry's only
  // input; the ones after it never ran. Otherwise (several inputs' microtasks were draining, or the
  // machine was busy) none is: the input running and every later one get the failure, unattributed.
  // The inputs that finished keep their results. In a batch of one, that one is to blame.
  function finish(code, message, proven) {
    try {
      const current = batch;
      if (current === null) return null;
      batch = null;
      const { running, sliceStart, count } = current;
      const changed = count > 1 ? changedBuiltIn() : null;
      if (changed !== null) return changedEnvelope(current, changed);
      const alone = current.next - sliceStart === 1 ? sliceStart : -1;
      const culprit = count === 1 ? 0 : !proven ? -1 : running >= 0 ? running : alone;
      let from = running >= 0 ? running : sliceStart;
      let others = proven ? `${message}, in work no one input of the batch can be blamed for` : message;
      if (culprit >= 0) {
        current.entries[culprit] = rejected({ code, message });
        from = culprit + 1;
        others = `not run: input ${culprit} of the batch ${message}`;
      }
      const unattributed = rejected({ code, message: others }, true);
      for (let i = from; i < count; i += 1) current.entries[i] = unattributed;
      return assemble(current);
    } catch {
      return null;
    }
  }

  return { error: null, open, next, collect, finish };
});
