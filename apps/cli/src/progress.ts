/** A progress line on stderr (redrawn in place on a terminal, a line every few seconds otherwise). */
export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total?: number,
    private readonly unit = 'events',
  ) {}

  update(done: number, extra = ''): void {
    const now = Date.now();
    const tty = process.stderr.isTTY;
    if (now - this.lastDraw < (tty ? 100 : 3000)) return;
    this.lastDraw = now;
    this.draw(done, extra, tty);
  }

  finish(done: number, extra = ''): void {
    this.draw(done, extra, process.stderr.isTTY);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }

  private draw(done: number, extra: string, tty: boolean): void {
    const seconds = (Date.now() - this.started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    let bar = '';
    if (this.total) {
      const width = 30;
      const filled = Math.min(width, Math.round((done / this.total) * width));
      bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.min(100, Math.round((done / this.total) * 100))}% `;
    }
    const line = `${this.label} ${bar}${done.toLocaleString('en-GB')} ${this.unit}, ${rate.toLocaleString('en-GB')}/s ${extra}`;
    process.stderr.write(tty ? `\r${line.padEnd(100)}` : `${line}\n`);
  }
}
