## Announcements (/thongbao)
cmd-thongbao = Send an announcement to every member of a unit; see how it went out
announce-title = Send an announcement
announce-menu = Where should the announcement go? (Or type /announce followed by the text, or /announce UNIT-CODE.)
announce-pick-target = Text received. Where should this announcement go?
announce-to = Send to { $org }
announce-status-button = Delivery of earlier announcements
announce-ask-body = Type the announcement for { $org } (one message, at most { $max } characters). Type /cancel to stop.
announce-body-empty = The announcement is empty. Please type what to send.
announce-body-too-long = The text is { $length } characters, over the { $max } allowed for an announcement. Please shorten it and type it again.
announce-preview-title = Announcement preview
announce-preview-to = To: { $org } ({ $cells ->
    [0] no cells under it
    [one] 1 cell
   *[other] { $cells } cells
})
announce-preview-count = Recipients: { $total ->
    [one] 1 person
   *[other] { $total } people
}; { $reachable } can receive it on Zalo/Telegram{ $unlinked ->
    [0] .
   *[other] , { $unlinked } have no linked account and will not.
}
announce-preview-quiet = It is quiet hours: sending starts at { $from }.
announce-preview-body = Text:
announce-preview-ask = Check it, press "Send" to send, or type a new text to change it.
announce-nobody = No one in this unit has linked a Zalo/Telegram account yet, so nothing can be sent. The party office issues invite codes so members can link their accounts.
announce-send = Send
announce-edit = Change the text
announce-cancel = Cancel
announce-cancelled = Cancelled; nothing was sent.
announce-stale-named = The announcement preview "{ $excerpt }"
announce-stale-unnamed = This announcement preview
announce-stale-other = { $pressed } is out of date: it was replaced by the one just below, so I did not act on that button and nothing was sent. Please check the one below and choose there. To send the older text after all, type it again.
announce-stale-typing = { $pressed } is out of date, so I did not act on that button: nothing was sent. You are editing the text: please type the new announcement, or /huy to stop.
announce-stale-none = { $pressed } is out of date (sent, cancelled or replaced), so I did not act on that button: nothing more was sent. To send an announcement, type /thongbao.
announce-stale-sent = This announcement was already sent at { $time } on { $day } to { $org }, so I did not send it again. Type /thongbao and choose "Delivery of earlier announcements" to follow it.
announce-progress-title = Sending the announcement
announce-progress-title-done = Announcement sent
announce-progress = Sent { $sent }/{ $total }{ $unreachable ->
    [0] {""}
   *[other] , could not send { $unreachable }
}{ $pending ->
    [0] {""}
   *[other] , { $pending } waiting
}.
announce-progress-done = Done: { $sent }/{ $total } received it{ $unreachable ->
    [0] .
   *[other] , { $unreachable } did not.
}
announce-started-title = Announcement on its way
announce-started = The announcement is going to { $queued ->
    [one] 1 person
   *[other] { $queued } people
} with a Zalo/Telegram account (of { $total } recipients).
announce-held-title = Announcement scheduled
announce-held = It is quiet hours, so nothing goes yet: the announcement to { $queued ->
    [one] 1 person
   *[other] { $queued } people
} with a Zalo/Telegram account (of { $total } recipients) goes at { $time } on { $day }.
announce-started-edits = You get a summary when it is done; should sending take a while, the count of copies sent updates in this very message.
announce-started-later = You get a summary when it is done. Press "Show progress" or type /announce to check.
announce-refresh = Show progress
announce-heading = Announcement from { $org }
announce-stats-title = Announcement delivery
announce-stats = The announcement to { $org } has gone out.
    • Recipients: { $total }
    • Received: { $sent }
    • Could not send: { $unreachable }{ $unlinked ->
        [0] {""}
       *[other] {" "}(no linked account: { $unlinked })
    }
    • Still waiting: { $pending }
announce-status-title = Announcement delivery
announce-status-line = • { $date } — { $org }: "{ $excerpt }"
announce-none-yet = No announcement has been sent yet.
announce-console-try = On the console nothing is really sent. You can still press "Send" to see what each recipient gets and how the delivery went.
announce-console-copy-title = What each recipient sees (nothing is really sent from the console; { $count ->
    [one] 1 person receives it
   *[other] { $count } people receive it
} on Zalo/Telegram)
