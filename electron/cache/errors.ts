/** The cache could not be opened; `reason` lets a shell choose what to tell the user. */
export class CacheOpenError extends Error {
  constructor(
    readonly reason: 'wrong_key' | 'plaintext' | 'newer_schema' | 'corrupt' | 'read_only',
    message: string,
  ) {
    super(message);
    this.name = 'CacheOpenError';
  }
}
