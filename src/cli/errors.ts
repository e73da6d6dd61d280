// Exit codes (DESIGN.md conventions): 0 success; 2 bad input or usage; 1 anything else.
export class UsageError extends Error {
  readonly exitCode = 2;
}

/** Bad input: each line names its field path; nothing has been written to stdout. */
export class BadInputError extends Error {
  readonly exitCode = 2;
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
  }
}
