/**
 * The demo's screen: lines as they happen, with a progress line kept under them when the output
 * is a terminal (colours too, unless NO_COLOR is set); plain lines otherwise (a file, a test).
 */
export interface Output {
  write(text: string): void;
  isTTY?: boolean;
  /** A terminal's width: the progress line is kept to one row of it. */
  columns?: number;
}

const CODES = {
  reset: '\x1b[0m',
  bold: '\x1b[1m',
  dim: '\x1b[2m',
  italic: '\x1b[3m',
  red: '\x1b[31m',
  green: '\x1b[32m',
  yellow: '\x1b[33m',
  blue: '\x1b[34m',
  magenta: '\x1b[35m',
  cyan: '\x1b[36m',
} as const;

export type Style = keyof typeof CODES;

export class Terminal {
  readonly colours: boolean;
  private progress = '';

  constructor(
    private readonly out: Output,
    colours = Boolean(out.isTTY) && !process.env.NO_COLOR,
  ) {
    this.colours = colours;
  }

  paint(text: string, ...styles: Style[]): string {
    if (!this.colours || styles.length === 0) return text;
    return `${styles.map((s) => CODES[s]).join('')}${text}${CODES.reset}`;
  }

  /** One line of the story; on a terminal the progress line is redrawn under it. */
  line(text = ''): void {
    if (this.out.isTTY && this.progress) this.out.write('\r\x1b[K');
    this.out.write(`${text}\n`);
    if (this.out.isTTY && this.progress) this.out.write(this.progress);
  }

  /** The progress line: kept at the bottom of a terminal, printed as a line of its own elsewhere. */
  setProgress(done: number, total: number, label: string): void {
    const width = 20;
    const filled = Math.round((done / total) * width);
    const full = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label}`;
    const bar = this.out.isTTY && this.out.columns ? full.slice(0, this.out.columns - 1) : full;
    if (this.out.isTTY) {
      this.progress = this.paint(bar, 'dim');
      this.out.write(`\r\x1b[K${this.progress}`);
    } else {
      this.out.write(`progress ${bar}\n`);
    }
  }

  clearProgress(): void {
    if (this.out.isTTY && this.progress) this.out.write('\r\x1b[K');
    this.progress = '';
  }
}
