/** A terminal stream as Node gives it: TTYs know their width. */
export interface ProgressStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface ProgressBar {
  update(done: number, total: number): void;
  /** Clear the bar's line. */
  stop(): void;
}

/** Redraws at most this often: a terminal drawing 5,000 updates slows the import it reports on. */
const REDRAW_MS = 100;

/**
 * A one-line progress bar on a terminal ("Đang ghi [██████░░░░]  62% 3.100/5.000"); does nothing
 * when the stream is not a TTY (piped, CI, a test), so output stays clean for scripts.
 */
export function progressBar(stream: ProgressStream, label: string, now: () => number = Date.now): ProgressBar {
  if (!stream.isTTY) return { update: () => {}, stop: () => {} };
  let last = -Infinity;
  let drawn = false;
  const format = new Intl.NumberFormat("vi-VN");
  return {
    update(done, total) {
      const t = now();
      if (done < total && t - last < REDRAW_MS) return;
      last = t;
      const fraction = total > 0 ? Math.min(1, done / total) : 1;
      const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 30));
      const filled = Math.round(fraction * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      stream.write(`\r${label} [${bar}] ${String(Math.round(fraction * 100)).padStart(3)}% ${format.format(done)}/${format.format(total)}`);
      drawn = true;
    },
    stop() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
