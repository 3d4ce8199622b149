/** An answer the server gave on purpose (4xx/5xx with `{error: {code, message, …}}`), or a network failure (status 0). */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    /** The ETag the answer carried: on a 409, the revision that is there now. */
    readonly etag?: string,
  ) {
    super(message);
  }

  get isConflict(): boolean {
    return this.status === 409;
  }
}
