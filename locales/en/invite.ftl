# /moi (/invite): invite codes from chat, one at a time or on a printable sheet.
cmd-moi = Invite members to the bot: codes, links, a printable sheet
invite-title = Invite to the cell assistant
invite-list-members = Members of { $org } without a linked account ({ $count }):
invite-list-secretaries = Secretaries and deputies of the cells under { $org } without a linked account ({ $count }):
invite-more = … and { $count } more (included in "All").
invite-pick = Pick one person for an invite code, or "All" for a sheet to print and hand out at the cell meeting.
invite-all = All
invite-none = Everyone on your list has a linked account already.
invite-already-linked = This person has a linked account already: no code needed.
invite-not-in-list = This person is not (any more) on your invite list.
invite-one =
    Invite code for { $name }: { $code }
    Single use, expires on { $date }.
invite-zalo-how = Zalo: send the bot "/lienket { $code }"
invite-zalo-how-name = Zalo: search for "{ $zaloName }" in Zalo, open that bot and send "/lienket { $code }"
invite-zalo-how-link = Zalo: open { $zaloLink } and send the bot "/lienket { $code }"
invite-zalo-how-name-link = Zalo: open { $zaloLink } (or search for "{ $zaloName }" in Zalo) and send the bot "/lienket { $code }"
invite-code-placeholder = CODE
invite-one-telegram = Telegram: { $link }
invite-forward-title = A message to forward by Zalo or SMS:
invite-forward = Dear { $name }, the cell invites you to use the cell assistant on your phone. Telegram: open { $link } and press Start. { $zalo }. The code works once and expires on { $date }.
invite-forward-zalo = Dear { $name }, the cell invites you to use the cell assistant on your phone. { $zalo }. The code works once and expires on { $date }.
invite-role-member = Member
invite-role-secretary = Secretary
invite-role-deputy_secretary = Deputy secretary
invite-sheet-caption = Invite sheet for { $org }: { $count ->
    [one] 1 person
   *[other] { $count } people
}, expiring on { $date }. Print it and hand it out at the cell meeting: each person scans the QR code with their phone (Telegram). { $zalo }.
invite-sheet-caption-zalo = Invite sheet for { $org }: { $count ->
    [one] 1 person
   *[other] { $count } people
}, expiring on { $date }. Print it and hand it out at the cell meeting. { $zalo }.
invite-sheet-no-files = This channel cannot send files, so there is no printable sheet (Excel) here; open the bot on Telegram and type /moi for the sheet with QR codes. The codes below ({ $count ->
    [one] 1 person
   *[other] { $count } people
}) work once and expire on { $date }:
invite-sheet-name = Invite codes
invite-sheet-title = INVITE CODES — { $org }
invite-sheet-how = Scan the QR code with a phone to open the bot on Telegram. { $zalo }. Each code works once and expires on { $date }.
invite-sheet-col-no = No.
invite-sheet-col-name = Full name
invite-sheet-col-role = Role
invite-sheet-col-code = Invite code
invite-sheet-col-qr = QR code (Telegram)
invite-sheet-no-link = (Telegram bot name not set)
