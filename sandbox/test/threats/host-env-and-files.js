// Every route to the host's environment and files that a Node programmer would try.
globalThis.__plugin = {
  async run() {
    let dynamicImport;
    try {
      await import('node:fs');
      dynamicImport = 'loaded';
    } catch (error) {
      dynamicImport = error.constructor.name;
    }
    return {
      env: typeof process === 'undefined' ? 'no process' : 'process exists',
      filename: typeof __filename,
      dirname: typeof __dirname,
      importMeta: (() => {
        try {
          // biome-ignore lint/security/noGlobalEval: import.meta is a syntax error in a script; eval lets it throw here.
          return typeof eval('import.meta');
        } catch (error) {
          return error.constructor.name;
        }
      })(),
      dynamicImport,
    };
  },
};
