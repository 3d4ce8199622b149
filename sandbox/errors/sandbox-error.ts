/**
 * Base of every error the sandbox throws on purpose; anything else is a bug. The sandbox stands apart
 * from the engine, so this mirrors the engine's OrdergraphError instead of extending it: same `code`,
 * same JSON, and the CLI reports both alike.
 */
export abstract class SandboxError extends Error {
  abstract readonly code: string;

  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }

  toJSON(): { code: string; message: string } {
    return { code: this.code, message: this.message };
  }
}
