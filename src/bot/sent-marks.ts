/** At most this many turns in one "sent" statement. */
const MAX_GROUP = 500;

interface Waiting {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The "all sent" marks of finished turns, written together: a mark asked for while another is on its
 * way waits for it and goes with the others that came meanwhile, in one statement. Under load that
 * turns one statement per answered message into one per group (the turns of a getUpdates batch finish
 * close together); alone, a mark goes at once (after the current tick). `mark` resolves once its turn's
 * row is gone, so a caller that awaited it knows the replies will not go out again.
 *
 * @example const marks = new SentMarks((ids) => deleteSentTurns(db, ids)); await marks.mark("42")
 */
export class SentMarks {
  private waiting: Waiting[] = [];
  private draining = false;

  constructor(private readonly write: (ids: string[]) => Promise<void>) {}

  mark(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        await this.write(group.map((w) => w.id));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    this.draining = false;
  }
}
