## Meeting schedule, reminders, attendance (meeting, rsvp)

cmd-lichhop = See the next meeting; set the standing one (secretary, office)
cmd-doilich = Move or cancel a meeting (secretary, deputy)
cmd-diemdanh = Expected attendance, answer for a member (secretary, deputy)

meeting-place-unknown = (place not set)
meeting-no-reason = no reason given
meeting-agenda-line = Agenda: { $agenda }
meeting-none = The cell has no upcoming meeting scheduled.
meeting-no-cell = You are not in a cell with a meeting schedule.
meeting-next = { $cell }: meeting at { $time } on { $date }.
meeting-next-place = Place: { $place }
meeting-next-moved = Moved (regular date: { $from }). Reason: { $reason }
meeting-my-answer-yes = You answered: attending.
meeting-my-answer-no = You answered: absent ({ $reason }).

remind-meeting-title = Cell meeting reminder
remind-meeting = { $days ->
    [0] Today
    [1] Tomorrow
   *[other] In { $days } days
  }, { $cell } meets at { $time } on { $date } at { $place }.
remind-changed-title = Meeting changed
remind-changed = { $cell } moved its meeting of { $from } to { $time } on { $date } at { $place }. Reason: { $reason }.
remind-cancelled = { $cell } cancelled its meeting of { $date }. Reason: { $reason }. A new date will follow.
remind-holiday-title = Meeting on a holiday
remind-holiday = The meeting of { $cell } on { $date } falls on { $holiday }. Suggestion: move it to { $suggested }. To move it, type: /doilich { $suggestedShort } { $time } { $holiday }
remind-thematic-title = Thematic meeting
remind-thematic = { $cell } has held no thematic meeting in { $quarter } (at least one per quarter). Please plan one, possibly combined with next month's meeting.
remind-report-title = Report reminder
remind-report-due = The { $form } report of { $cell } for { $period } is due by { $due }. You can send it now in one message.
remind-report-overdue = The { $form } report of { $cell } for { $period } is overdue ({ $due }). Please send it soon.
remind-report-cadre = { $cell } (a cell you follow) has not sent its { $form } report for { $period }, due { $due }. Please follow up.
remind-digest-title = Reports not yet submitted
remind-digest = { $count ->
    [one] 1 cell
   *[other] { $count } cells
} of { $commune } have not sent the { $form } report for { $period } (due { $due }): { $cells }.

# Posts to a cell's group chat (linked with /lienket_nhom): no names, no absences, no reasons

group-rsvp-private = Please say whether you will attend in your private chat with the bot (type /lichhop), not in this group.
group-remind-changed = { $cell } moved its meeting of { $from } to { $time } on { $date } at { $place }.
group-remind-cancelled = { $cell } cancelled its meeting of { $date }. A new date will follow.
group-remind-holiday = The meeting of { $cell } on { $date } falls on { $holiday }. If it is moved, you will be told here and in private messages.

holiday-new-year = New Year's Day
holiday-tet = Lunar New Year (Tết)
holiday-hung-kings = Hung Kings' Commemoration Day
holiday-reunification = Reunification Day (30/4)
holiday-labour = Labour Day (1/5)
holiday-national-day = the National Day holiday (2/9)

rsvp-ask = Please say whether you will attend:
rsvp-yes = Attending
rsvp-no = Absent – with a reason
rsvp-saved-yes = Noted: you will attend the meeting on { $date }. Thank you.
rsvp-ask-reason = Why will you be absent from the meeting on { $date }? (one short message)
rsvp-saved-no = Noted: you will be absent from the meeting on { $date }, reason: { $reason }.
rsvp-reason-empty = Please type the reason (at most { $max } characters), or /huy to stop.
rsvp-not-expected = You are not on the list for this meeting.
rsvp-meeting-gone = This meeting is over, moved or cancelled. Type /lichhop for the current schedule.

reschedule-usage = Usage: /doilich DATE TIME REASON, e.g. /doilich 15/11 19:30 flooded roads. To cancel the meeting: /doilich huy REASON
reschedule-bad-date = "{ $value }" is not a date. Type it as day/month, e.g. 15/11.
reschedule-bad-time = "{ $value }" is not a time. Type it as 19:30 or 19h30.
reschedule-past = The new date must be from today and within the next { $days } days.
reschedule-no-meeting = The cell has no upcoming meeting to move.
reschedule-same = The meeting is already at that date and time.
meeting-cancelled-line = The meeting of { $date } is cancelled. Reason: { $reason }
reschedule-confirm-move = Move the meeting of { $cell }: from { $fromTime } on { $from } to { $time } on { $date }. Reason: { $reason }.
    Confirm to tell the members and the assigned committee member?
reschedule-confirm-cancel = Cancel the meeting of { $from } of { $cell }. Reason: { $reason }.
    When will the cell make it up? Type the date and time (e.g. 12/12 19:30) to move this meeting there, or choose below.
reschedule-ok-move = Move it and tell everyone
reschedule-ok-cancel = Cancel, no make-up date yet
reschedule-keep = Keep the date
reschedule-kept = The meeting date is unchanged; nobody was told.
reschedule-stale-move = The preview moving the meeting to { $time } on { $date }
reschedule-stale-cancel = The preview cancelling the meeting
reschedule-stale-unknown = This reschedule preview
reschedule-stale-other = { $pressed } is out of date: it was replaced by the one just below, so I did not act on that button. The meeting is unchanged and nobody was told. Please check the one below and choose there.
reschedule-stale-none = { $pressed } is out of date (that change was made, dropped or replaced), so I did not act on that button: nothing changed and nobody else was told. To move the meeting, type /doilich again.
reschedule-stale-done = The meeting was already moved to { $time } on { $date } (the notice to everyone was sent or scheduled). No need to press again.
reschedule-done = Moved the meeting of { $cell } from { $fromTime } on { $from } to { $time } on { $date }.
reschedule-cancelled = Cancelled the meeting of { $cell } on { $from }.
reschedule-notified = { $sent } people are told by message{ $groups }. The old reminders are withdrawn.
reschedule-queued = It is quiet hours (night), so nothing is sent now: the notice to { $sent } people{ $groups } is queued for { $time } on { $day }. The old reminders are withdrawn.
reschedule-nobody = Nobody can get the notice on Zalo/Telegram, so none is sent. The old reminders are withdrawn.
reschedule-notified-groups-only = Posted to { $groups ->
    [1] the cell's group chat
   *[other] the cell's { $groups } group chats
  }; nobody gets a message of their own. The old reminders are withdrawn.
reschedule-queued-groups-only = It is quiet hours (night), so nothing is sent now: the notice to { $groups ->
    [1] the cell's group chat
   *[other] the cell's { $groups } group chats
  } is queued for { $time } on { $day }; nobody gets a message of their own. The old reminders are withdrawn.
reschedule-too-late = The meeting comes before quiet hours end, so no notice can go out in time: tell everyone in person. The old reminders are withdrawn.
reschedule-groups = { $groups ->
    [1] and the cell's group chat
   *[other] and the cell's { $groups } group chats
  }
reschedule-untold = { $count } people cannot be told on Zalo/Telegram; tell them in person:
    { $names }
reschedule-untold-person = - { $name } ({ $reason ->
    [console_only] linked on the console only, which gets no messages
    [unreachable] their Zalo/Telegram account takes no messages
   *[none] no linked account
  })

attendance-title = Expected attendance on { $date }
attendance-counts = Expected: { $expected }. Attending: { $yes }. Absent: { $no }. No answer: { $unknown }.
attendance-invited-not-counted = Also { $count } invited, not counted as expected (the assigned committee member, members exempt from meetings).
attendance-absent-line = - { $name }: { $reason }
attendance-proxy-mark = (entered by the secretary)
attendance-absent-title = Absent with a reason:
attendance-proxy-button = Answer for a member
attendance-pick-member = Pick the member to answer for:
attendance-member-answer = { $name }: attending the meeting on { $date }?
attendance-proxy-saved = Recorded for { $name }: { $answer }.
attendance-answer-yes = attending
attendance-answer-no = absent ({ $reason })

## Standing meeting rule (/lichhop DAY TIME PLACE)
rule-weekday = { $weekday ->
    [0] Sunday
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
   *[6] Saturday
}
rule-day-of-month = day { $day } of each month
rule-lunar-day = lunar day { $day } of each month
rule-nth-weekday = { $nth ->
    [1] the first
    [2] the second
    [3] the third
    [4] the fourth
   *[other] the last
} { $weekday } of each month
rule-at = at { $time }
rule-place = at { $place }
rule-thematic = thematic meeting combined in the { $month ->
    [1] first
    [2] second
   *[other] last
} month of each quarter
lichhop-rule-own = Standing meeting of { $unit }: { $rule }.
lichhop-rule-inherited = Standing meeting of { $unit }: { $rule } (the committee's common rule).
lichhop-rule-default = Common rule for the village cells of { $unit }: { $rule }.
lichhop-rule-none = { $unit } has no standing meeting rule yet.
lichhop-set-how = To set or change the standing meeting, type /lichhop DAY TIME PLACE, e.g. /lichhop ngày 5 19:30 Nhà văn hóa thôn (also "thứ Bảy tuần đầu", "mùng 5 âm lịch"). To move one meeting: /doilich.
lichhop-usage = Could not read the rule "{ $value }". Type the day, the time, then the place, e.g. /lichhop ngày 5 19:30 Nhà văn hóa thôn; /lichhop thứ Bảy tuần đầu 19h30; /lichhop mùng 5 âm lịch 19:00.
lichhop-no-target = Only cell secretaries, deputies and the committee office set standing meetings. To see the next meeting: /lichhop
lichhop-pick-target = Set "{ $rule }" for which unit?
lichhop-target-default = Common rule: { $unit }
lichhop-preview = { $unit }: new standing meeting { $rule }.
lichhop-preview-default = { $unit }, common rule for village cells without their own: { $rule }.
lichhop-preview-dates = Next three meetings: { $dates }.
lichhop-preview-date-moved = { $date } (moved for this month with /doilich; regular date { $regular })
lichhop-preview-date-cancelled = { $date } (this meeting was cancelled with /doilich)
lichhop-preview-ask = Apply from today?
lichhop-confirm = Apply
lichhop-cancel = Cancel
lichhop-saved = Standing meeting of { $unit } set from today: { $rule }. { $cells ->
    [one] 1 cell meets
   *[other] { $cells } cells meet
} by it; reminders are planned again by the new rule.
lichhop-cancelled = Cancelled: the standing meeting stays as it was.
lichhop-stale-other = That button belongs to an older preview of the standing schedule, replaced by the one just below, so I did not act on it: the schedule is unchanged. Please check the one below and choose there.
lichhop-stale-none = That button belongs to an older preview of the standing schedule (applied, cancelled or replaced), so I did not act on it: nothing changed. To set the schedule, type /lichhop again.
