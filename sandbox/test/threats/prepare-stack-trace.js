// Error.prepareStackTrace hands out CallSite objects, and `fn.caller` walks up the stack; in vm2 both
// reached host functions. Here Error is frozen, so no CallSite is ever handed out: the stack is text
// naming isolate frames only, and the runner's (strict mode) frames give away no function: no `caller`.
function run() {
  Error.prepareStackTrace = (_error, sites) =>
    sites.map((site) => `${site.getFileName()} ${typeof site.getFunction()} ${typeof site.getThis()}`);
  const installed = Error.prepareStackTrace !== undefined;
  return { installed, frames: new Error('probe').stack, caller: run.caller };
}
globalThis.__plugin = { run };
