/** Splits a stream's chunks into whole lines (a chunk may end mid-line) and hands each one on, prefixed. */
export class LinePrefixer {
  private partial = '';

  constructor(
    private readonly prefix: string,
    private readonly emit: (line: string) => void,
  ) {}

  write(chunk: string): void {
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) this.emit(`${this.prefix}${line}`);
  }

  /** The last line, when the stream ended without a newline. */
  flush(): void {
    if (this.partial !== '') this.emit(`${this.prefix}${this.partial}`);
    this.partial = '';
  }
}
