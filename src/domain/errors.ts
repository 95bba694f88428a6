/** Codes a service may refuse with; the bot maps each to the Fluent message `error-<code>`. */
export type ErrorCode =
  | "not_linked"
  | "forbidden"
  | "not_found"
  | "invalid_input"
  | "invite_unknown"
  | "invite_used"
  | "invite_expired"
  | "invite_rate_limited"
  | "already_linked"
  | "contact_not_own"
  | "phone_unknown"
  | "phone_ambiguous"
  | "stale_choice"
  | "retry_later"
  | "report_locked"
  | "report_changed"
  | "record_changed"
  | "rating_changed"
  | "report_unit_closed"
  | "rating_note_required";

/** A refusal a user should read about: small, named, with a literal-union code. */
export class ChiboError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly args: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = "ChiboError";
  }
}
