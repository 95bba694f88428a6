## Reminder channel (/kenh)
cmd-kenh = Choose where reminders go (Zalo / Telegram)
channel-current-auto = Reminders go to { $channel } (the channel you used last).
channel-current-chosen = Reminders go to { $channel } (your choice).
channel-current-unreachable = Reminders cannot reach you right now: none of your linked channels accepts messages. Message the bot on Zalo or Telegram to open one again.
channel-only-one = You are linked on { $channel } only. To get reminders elsewhere, ask for a new invite code and send /lienket with it there.
channel-none = You are not linked on Zalo or Telegram, so no reminders can reach you. Ask for an invite code and send /lienket with it on Zalo or Telegram.
channel-ask = Where should reminders go?
channel-auto-label = Automatic (the channel used last)
channel-set = From now on reminders go to { $channel }.
channel-set-auto = From now on reminders go to the channel you used last.
channel-unknown = You have no linked channel "{ $name }". Send /kenh to see your linked channels.
