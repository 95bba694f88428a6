## The cell's group chat (/lienket_nhom)
cmd-lienket_nhom = Link this group chat to the cell (secretary, deputy)
group-link-done = This group is now linked to { $cell }. Notices for the whole cell may be posted here; personal details are only sent in private chats with the bot.
group-link-already = This group is already linked to { $cell }.
group-link-refused = Sorry, only the cell's secretary or deputy secretary (with an account linked to the bot) can link a group to the cell.
group-link-in-group-only = Send /lienket_nhom in the cell's group chat (add the bot to the group first).
group-link-pick = Link this group to which cell?
