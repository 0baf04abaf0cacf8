// Converts UTF-16 offsets to 1-based lines and columns and back. Only the
// renderers (text, JSON, LSP) and test harnesses speak in lines.

export interface Position {
  /** 1-based line. */
  line: number;
  /** 1-based column in UTF-16 code units, as LSP counts them. */
  column: number;
}

export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  position(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.starts[low]! + 1 };
  }

  offset(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line - 1, this.starts.length - 1))]!;
    return Math.min(start + position.column - 1, this.lineEnd(position.line));
  }

  /** The line's text without its line break (and without a CR before it). */
  lineText(line: number): string {
    const start = this.starts[line - 1] ?? this.text.length;
    return this.text.slice(start, this.lineEnd(line));
  }

  private lineEnd(line: number): number {
    const next = this.starts[line];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > 0 && this.text.charCodeAt(end - 1) === 13 && end - 1 >= (this.starts[line - 1] ?? 0)) end -= 1;
    return end;
  }
}
