import { SandboxError } from './sandbox-error.ts';

export type PluginHostErrorCode =
  | 'plugin_host_config'
  | 'plugin_host_closed'
  | 'plugin_not_loaded'
  | 'plugin_input_invalid';

/**
 * A caller's mistake in using the host (bad config, calling an unloaded plugin or a closed host,
 * inputs that cannot be copied). Plugin misbehaviour is never thrown: it comes back as a result.
 */
export class PluginHostError extends SandboxError {
  readonly code: PluginHostErrorCode;

  constructor(code: PluginHostErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
