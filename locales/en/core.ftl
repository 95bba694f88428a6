# chibo — English

## General
none = (none)
not-understood = I did not understand that message. Type /help to see the commands, or send your cell meeting report in one message.
unknown-command = There is no command /{ $command }. Type /help to see the commands.
unknown-command-suggest = There is no command /{ $command }. Did you mean /{ $suggestion }?
unsupported-content = I can only read text messages. Please type your message.
group-private-only = This command works only in a private chat with the bot, to keep personal information private.
choice-out-of-range = Please choose a number from 1 to { $max }.
choice-repeat = The choices:
channel-console = Console
channel-telegram = Telegram
channel-zalo = Zalo

## Errors
error-not_linked = This account is not linked yet. Type /link with the invite code from the party committee office or your cell secretary, e.g. /link ABCDE-FGHJK
error-forbidden = You are not allowed to see or change this.
error-report_unit_closed = { $successor ->
        [none] From { $date }, { $cell } was dissolved, so its reports can no longer be sent or changed. Nothing was saved; please contact the committee office if needed.
       *[other] From { $date }, { $cell } became { $successor } (merged, renamed or split). The earlier months of { $cell } are sent and corrected by the secretary or deputy secretary of { $successor }. Nothing was saved.
    }
error-not_found = Not found.
unit-code-unknown = No unit has the code "{ $code }". Please check the code (the party office keeps the list of unit codes).
error-invalid_input = That is not valid, please check it.
error-invite_unknown = That invite code is not right. Please check each character (10 characters, e.g. ABCDE-FGHJK).
error-invite_used = That invite code has already been used. Each code works once; ask the office or your cell secretary for a new one.
error-invite_expired = That invite code has expired. Ask the office or your cell secretary for a new one.
error-invite_rate_limited = Too many wrong attempts. Please try again in 15 minutes.
error-invite_busy = This invite code is locked for a while after many wrong attempts at codes like it. Please try again in a few minutes; if it is urgent, contact the party committee office.
error-already_linked = This account is already linked.
error-contact_not_own = Only your own phone number is accepted (press "Share my phone number"), not someone else's contact.
error-phone_unknown = This phone number is not on the office's list. Please link with an invite code.
error-phone_ambiguous = This phone number matches several people on the list. Please link with an invite code.
error-stale_choice = That list of choices has expired. Please send the command again to get a new list.
error-retry_later = The system is busy and your message was not saved. Please send it again in a few minutes.
error-too-long = The message is too long (at most { $max } characters). Please shorten it or split it.

## Commands
cmd-trogiup = Show the commands
cmd-lienket = Link your account with an invite code
cmd-ngonngu = Change language (Tiếng Việt / English)
cmd-huy = Cancel what you are doing
cmd-toi = My information
cmd-chibo = My party cell
cmd-phutrach = Units and households I follow

## Help
help-title = Party cell assistant — commands
help-intro-linked = You can use these commands (with or without diacritics):
help-intro-unlinked = To start, link your account with an invite code. Commands available now:
help-topic-cell = Cell, meetings, my tasks
help-topic-report = Reports, cell meetings
help-topic-office = Roll-ups and direction (committee, office)
help-topic-records = Village records, party development, rating
help-topic-households = Followed units, household visits
help-topic-account = Account, personal data, settings
help-more = More: { $topic }

## Linking
welcome-unlinked = Hello! This is the party cell assistant. To start, type /link with the invite code from the party committee office or your cell secretary (e.g. /link ABCDE-FGHJK). On Telegram, if the office has your phone number, you can also press "Share my phone number".
welcome-linked = Hello { $name }! Type /help to see the commands.
link-how = Type /link with your invite code, e.g. /link ABCDE-FGHJK. The party committee office or your cell secretary gives out codes.
link-done = This account is now linked to { $name }.
link-next-steps = Type /me for your information, /cell for your cell, /help for all commands.
link-already = This account is already linked to { $name }.
link-already-short = This account is already linked. Type /me to see your information.
link-private-only = Please link in a private chat with the bot; do not post invite codes in groups.
link-other-title = New account linked
link-other-notice = A { $channel } account was linked to you at { $time } on { $day }. If that was you, nothing to do. If it was not, tell the party committee office at once so they remove that account.
link-alert-title = Warning: many wrong invite codes
link-alert = In the last { $minutes } minutes { $failures } wrong invite codes were typed on { $platform }. Someone may be guessing codes, or a large training session is mistyping. Until { $time } on { $day }, each account may make only { $perAccount } wrong attempts per { $minutes } minutes; anyone typing a right code still links as usual. If no training session is under way, tell your technical staff.
link-alert-all = every channel (Zalo, Telegram)
share-phone-button = Share my phone number

## Language
language-ask = Choose a language:
language-set = Switched to English.

## Cancel
cancel-done = Cancelled.
cancel-nothing = Nothing to cancel.

## Me
me-title = My information
me-name = Name: { $name }
membership-full = Full party member
membership-probationary = Probationary party member
me-admitted = Admitted: { $date }
me-cell = Cell: { $cell }
me-exempt = Exempt from meetings
me-temp-attached = Temporarily attached
me-roles = Positions:
me-assignments = Following { $count } units/households (type /assigned to see them).
me-channels = Linked on: { $channels }
me-console-only = The console gets no reminders of meetings or report deadlines. To get them, link Zalo or Telegram too (/link with an invite code).

role-member = Party member
role-secretary = Secretary
role-deputy_secretary = Deputy secretary
role-cell_committee = Cell committee member
role-commune_committee = Commune committee member
role-commune_standing = Standing committee member
role-office_staff = Office staff

## Cell
cell-none = You do not belong to any cell in the system.
cell-pick = Choose a cell:
cell-parent = Under: { $parent }
cell-counts = Members: { $total } ({ $full } full, { $probationary } probationary; { $exempt } exempt from meetings)
cell-secretary = Secretary: { $names }
cell-deputy = Deputy secretary: { $names }
cell-cadre = Assigned committee member: { $names }
cell-no-cadre = not assigned
cell-next-meeting = Next regular meeting: { $date } at { $time }
cell-meeting-place = Place: { $place }
cell-members-button = Member list
cell-members-title = Members ({ $count })
mark-probationary = probationary
mark-exempt = exempt
mark-temp = temporarily attached


## Command line
console-demo-banner = No Telegram or Zalo token set: opening a console chat on the demo province as { $name } (secretary of the Pò Lài village cell). Type /help for the commands, Ctrl+D to quit.
console-real-data = This data folder holds an office's own data: the demo province is not added. Chat on the console as a person by their code, e.g. { $name } (secretary of { $cell }): npx chibo chat --as { $code }
console-real-data-no-secretary = This data folder holds an office's own data: the demo province is not added. Chat on the console as a person by a member code from the imported file: npx chibo chat --as CODE
start-no-token = Neither TELEGRAM_BOT_TOKEN nor ZALO_BOT_TOKEN is set, so the bot did not start: no channel, no reminders, no /healthz. Set a bot token (docs/deploy.md) and run chibo start again.
seed-demo-refused = The demo province was not created: this data folder (or database) holds an office's own data, and demo data never mixes with real data. To try the demo, use another folder: DATA_DIR=./data-demo npx chibo seed --demo
error-handling_failed = Sorry, the system hit an error handling this message, so it was not carried out. The error has been recorded to be fixed.
busy-will-handle = The system is briefly interrupted. Your message has been received and will be handled as soon as the system is back; there is no need to send it again.

help-intro-group = In a group these commands work; for the others, write to the bot privately:
question-answered-by = (The { $command } command answers this.)
question-suggest = I did not understand this message. Perhaps you need:
question-suggest-help = Type /help to see every command.
