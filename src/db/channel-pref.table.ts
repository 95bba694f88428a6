/** A person's chosen channel for reminders; absent means the channel used last. */
export interface PersonChannelPrefTable {
  person_id: number;
  channel: string;
  updated_at: Date;
}
