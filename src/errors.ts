// The project's own error: one line for a user, with the file, the line where
// known, what is wrong and what to do. The CLI prints `format()` and exits
// with `exitCode`; anything else reaching the CLI is a bug.

export interface ZhpressErrorOptions {
  file?: string;
  line?: number;
  column?: number;
  /** What the user can do about it. */
  hint?: string;
  /** 1: the input or output is at fault; 2: the command line is. */
  exitCode?: number;
  cause?: unknown;
}

export class ZhpressError extends Error {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;
  readonly exitCode: number;

  constructor(message: string, options: ZhpressErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ZhpressError';
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.hint = options.hint;
    this.exitCode = options.exitCode ?? 1;
  }

  /** Same error, placed in a file (and line) if it was not already. */
  inFile(file: string, line?: number): ZhpressError {
    if (this.file) return this;
    return new ZhpressError(this.message, {
      file,
      line: this.line ?? line,
      column: this.column,
      hint: this.hint,
      exitCode: this.exitCode,
      cause: this.cause,
    });
  }

  /** "file:line:column: message (hint)" */
  format(): string {
    let where = '';
    if (this.file) {
      where = this.file;
      if (this.line !== undefined) where += `:${this.line}`;
      if (this.line !== undefined && this.column !== undefined) where += `:${this.column}`;
      where += ': ';
    }
    return `${where}${this.message}${this.hint ? ` (${this.hint})` : ''}`;
  }
}

export function isZhpressError(error: unknown): error is ZhpressError {
  return error instanceof ZhpressError;
}
