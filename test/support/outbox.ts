import type { MeetingPayload } from "../../src/messaging/outbox-message.js";

/**
 * A meeting notice's payload as the planner writes it (`meeting.reminder`, `group.meeting.reminder`):
 * the outbox refuses a row whose payload does not hold what its kind says.
 */
export function meetingNotice(overrides: Partial<MeetingPayload> & { step?: string } = {}): MeetingPayload & { step: string } {
  return {
    cell: "Chi bộ thôn Pò Lài",
    meeting: "1:2025-12-05",
    date: "2025-12-05",
    time: "19:30",
    place: "Nhà văn hóa",
    agenda: null,
    kind: "regular",
    step: "d0",
    ...overrides,
  };
}
