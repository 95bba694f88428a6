/** At most this many turns in one "sent" statement. */
const MAX_GROUP = 500;

interface Waiting {
  id: string;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Marks handed to a batch group's write (`SentMarks.take`): deleted in its transaction, told how that ended. */
export interface CarriedMarks {
  ids: string[];
  /** The group committed: the turns' rows are gone. */
  written(): void;
  /** The group rolled back: the marks wait again (for the next group, or a write of their own). */
  returned(): void;
}

/**
 * The "all sent" marks of finished turns, written together: a mark asked for while another is on its
 * way waits for it and goes with the others that came meanwhile, in one statement. Under load that
 * turns one statement per answered message into one per group (the turns of a getUpdates batch finish
 * close together); alone, a mark goes at once (after the current tick). `mark` resolves once its turn's
 * row is gone, so a caller that awaited it knows the replies will not go out again.
 *
 * While batch groups are running (`hold`), marks wait for the next group's write instead
 * (`take`): deleted in that group's transaction, they cost no statement and no commit of their own;
 * what is left when the last group ends is written alone, as above.
 *
 * @example const marks = new SentMarks((ids) => deleteSentTurns(db, ids)); await marks.mark("42")
 */
export class SentMarks {
  private waiting: Waiting[] = [];
  private draining = false;
  /** Batch groups running, each of which will take the waiting marks into its write. */
  private holders = 0;

  constructor(private readonly write: (ids: string[]) => Promise<void>) {}

  mark(id: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id, resolve, reject });
      this.schedule();
    });
  }

  /** A batch group starts: marks asked for from now on wait for a group's write (`take`). Call `release` after it ends. */
  hold(): void {
    this.holders++;
  }

  /** A batch group ended (committed or rolled back): with none left, the marks still waiting are written alone. */
  release(): void {
    this.holders--;
    this.schedule();
  }

  /** The marks waiting now, for a group's write to carry (undefined when there are none). */
  take(): CarriedMarks | undefined {
    if (this.waiting.length === 0) return undefined;
    const taken = this.waiting.splice(0, MAX_GROUP);
    return {
      ids: taken.map((w) => w.id),
      written: () => {
        for (const w of taken) w.resolve();
      },
      returned: () => {
        this.waiting.unshift(...taken);
        this.schedule();
      },
    };
  }

  private schedule(): void {
    if (this.draining || this.holders > 0 || this.waiting.length === 0) return;
    this.draining = true;
    setImmediate(() => void this.drain());
  }

  private async drain(): Promise<void> {
    // A group that started meanwhile takes them; a write of their own only with none running.
    while (this.waiting.length > 0 && this.holders === 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      try {
        await this.write(group.map((w) => w.id));
        for (const w of group) w.resolve();
      } catch (error) {
        for (const w of group) w.reject(error);
      }
    }
    this.draining = false;
    this.schedule();
  }
}
