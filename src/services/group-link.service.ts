import { writeAudit } from "../db/audit.repository.js";
import { linkGroupChat } from "../db/cell-group-chat.repository.js";
import { findOrgById } from "../db/org.repository.js";
import type { Db } from "../db/schema.js";

export interface GroupLinkOutcome {
  cellName: string;
  /** The group was already this cell's group. */
  already: boolean;
}

/**
 * Make a group chat the cell's group (notices for the whole cell may be posted there), audited.
 * The caller has checked that the person leads the cell. Undefined when the cell does not exist.
 */
export async function linkGroupToCell(
  db: Db,
  link: { channel: string; chatId: string; cellId: number; linkedBy: number },
  at: Date,
): Promise<GroupLinkOutcome | undefined> {
  const org = await findOrgById(db, link.cellId);
  if (!org) return undefined;
  const before = await linkGroupChat(db, link, at);
  await writeAudit(db, {
    actorPersonId: link.linkedBy,
    action: "group.link",
    entity: "cell_group_chat",
    entityId: `${link.channel}:${link.chatId}`,
    before: before ? { cellId: before.cell_id } : null,
    after: { cellId: link.cellId },
    at,
  });
  return { cellName: org.name, already: before?.cell_id === link.cellId };
}
