/** Invite-code failures of one bucket shared by many accounts (a platform, a code prefix, all). */
export interface LinkLimitTable {
  bucket: string;
  window_start: Date;
  failures: number;
  /** How many times in a row the bucket was blocked: each block lasts twice the one before. */
  strikes: number;
  blocked_until: Date | null;
}
