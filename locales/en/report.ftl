## Reports
cmd-baocao = Send a report (meeting, village data, admissions, dues, rating)
cmd-xembaocao = See your cell's reports
cmd-duyet = Accept reports sent by the cells

form-monthly-meeting = Cell meeting report
form-village-quarterly = Village data
form-admissions = New member admissions
form-party-dues = Party dues
form-annual-rating = Annual review and rating

period-month = { $index ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
period-quarter = Q{ $index } { $year }
period-year = year { $year }

yes = Yes
no = No
kind-regular = Regular
kind-thematic = Thematic
kind-combined = Regular and thematic combined

field-meeting_date = Meeting date
field-start_time = Start time
field-kind = Kind of meeting
field-members_expected = Members expected
field-present = Members present
field-absent_excused = Absent with reason
field-absent_unexcused = Absent without reason
field-absent_exempt = Absent (exempt)
field-absent_unknown = Absent, reason not given
field-cadre_present = Assigned committee member attended
field-duration_min = Duration (minutes)
field-place = Place
field-thematic_topic = Thematic topic
field-presenter = Presenter
field-absentees = Absentees
field-content_items = Content
field-resolutions = Resolutions
field-households = Households
field-population = Population
field-area_km2 = Area (km²)
field-poor_households = Poor households
field-members = Party members
field-probationary = Probationary members
field-women_union = Women's union members
field-farmers_union = Farmers' union members
field-veterans_union = Veterans' union members
field-youth_union = Youth union members
field-secretary_is_village_head = Secretary is also village head
field-admitted = New members admitted
field-women = Of whom women
field-ethnic_minority = Of whom ethnic minorities
field-students = Of whom pupils or students
field-religious = Of whom religious followers
field-made_full = Made full members
field-pending_full = Pending full membership
field-liable = Members liable for dues
field-paid = Members who paid
field-amount_vnd = Total amount
field-remitted_vnd = Remitted to the commune (VND)
field-retained_vnd = Kept by the cell (VND)
field-unpaid_names = Not paid yet
field-near_poor_households = Near-poor households
field-remitted_date = Remitted to the commune on
field-remitted = Remitted to the commune
field-general_score = General criteria score
field-task_score = Task results score
field-tasks_exceeded_30pct = Every task exceeded by 30%
field-disciplined_subunit = A unit or member was disciplined
field-committee_score = Committee's score
field-htxs = Members: excellent
field-htt = Members: good
field-ht = Members: completed
field-kht = Members: not completed
field-unrated = Not rated
field-cell_self_level = Cell's own level

report-q-meeting_date = On what date did the cell meet? (e.g. 5/11, yesterday)
report-q-start_time = What time did it start? (e.g. 19h30)
report-q-kind = Was it a regular or a thematic meeting?
report-q-members_expected = How many members were expected?
report-q-present = How many members were present?
report-q-absent_excused = How many were absent with a reason?
report-q-absent_unexcused = How many were absent without a reason?
report-q-cadre_present = Did the assigned committee member attend?
report-q-duration_min = How long did the meeting last? (in minutes, e.g. 90, or 1h30)
report-q-thematic_topic = What was the thematic topic?
report-q-content_items = The main content items? (separate with semicolons)
report-q-resolutions = The cell's resolution: one task per line (or separated by semicolons), with what, who and by when. For example (in Vietnamese): Thu đảng phí trước 20/11 - đ/c Mai; Sửa rãnh đường làng trước 30/11 - trưởng thôn
report-q-absentees = Who was absent? Type the whole list in one message, one person a line: full name (reason, with or without leave), in Vietnamese. For example:
    Nguyễn Văn An (ốm, có lý do)
    Trần Thị Bình (không lý do)
report-list-current = { $field } on file:
report-list-retype-absentees = Type the whole list again (you may copy the list above and change it). If nobody was absent, type: không ai vắng
report-list-retype-resolutions = Type the whole list again (you may copy the list above and change it). If there is no resolution, type: không có
report-list-keep = Keep as it is
report-list-none-absentees = Nobody absent
report-list-none-resolutions = None
report-list-unread = I could not read an absentee's name in: { $items }. Nothing was changed. Please type one person a line, the name first, e.g.: Trần Thị Bình (không lý do)
report-list-empty-absentees = I could not read any absentee. Please type one person a line, e.g.: Trần Thị Bình (không lý do). If nobody was absent, type: không ai vắng
# The words of a list shown to be typed again: Vietnamese, as the report's parser reads them back.
report-list-excused = có lý do
report-list-unexcused = không lý do
report-list-exempt = miễn sinh hoạt
report-list-owner = đ/c { $name }
report-list-due = hạn { $date }
report-q-households = How many households does the village have?
report-q-population = How many people?
report-q-area_km2 = Area in km²? (e.g. 5,2)
report-q-poor_households = How many poor households?
report-q-members = How many party members does the cell have?
report-q-probationary = Of whom probationary?
report-q-women_union = Women's union members?
report-q-farmers_union = Farmers' union members?
report-q-veterans_union = Veterans' union members?
report-q-youth_union = Youth union members?
report-q-secretary_is_village_head = Is the secretary also the village head?
report-q-admitted = How many new members were admitted this period?
report-q-women = Of whom women?
report-q-ethnic_minority = Of whom ethnic minorities?
report-q-students = Of whom pupils or students?
report-q-religious = Of whom religious followers?
report-q-made_full = How many were made full members?
report-q-liable = How many members owe dues?
report-q-paid = How many paid?
report-q-amount_vnd = Total amount collected? (e.g. 312.000)
report-q-remitted = Has the cell remitted the dues to the commune?
report-q-remitted_date = When was it remitted to the commune?
report-q-remitted_vnd = How much was remitted to the commune? (e.g. 156,000)
report-q-retained_vnd = How much does the cell keep? (e.g. 156,000)
report-q-unpaid_names = Who has not paid yet? (separate with semicolons)
report-q-near_poor_households = How many near-poor households?
report-q-general_score = The cell's own score on the general criteria (0–30)?
report-q-task_score = The cell's own score on task results (0–70)?
report-q-tasks_exceeded_30pct = Were all tasks done at least 30% above target?
report-q-disciplined_subunit = Was any unit or member disciplined this year?
report-q-htxs = How many members rated excellent?
report-q-htt = How many rated good?
report-q-ht = How many rated completed?
report-q-kht = How many rated not completed?
report-q-absent_exempt = How many members exempt from meetings were absent?
report-q-absent_unknown = How many were absent without a reason given yet?
report-q-place = Where did the cell meet?
report-q-presenter = Who presented?
report-q-pending_full = Who is being processed for full membership? (separate with semicolons)
report-q-committee_score = What score did the party committee give the cell (0–100)?
report-q-cell_self_level = At which level does the cell rate itself?
report-q-unrated = How many not rated (exempt, newly admitted)?

report-start = { $form } of { $cell }, { $period }. Answer one question at a time; /cancel stops.
report-understood-title = This is what I understood
report-ask-missing = { $count ->
    [one] One more item is needed:
   *[other] { $count } more items are needed:
}
report-keep = Keep: { $value }
report-skip = Skip
report-topic-none = No thematic topic: a regular meeting only
report-back = Back
report-cancel = Cancel
report-numeric-hint = (Type a number, or type one of the words below)
report-summary-head = { $form } — { $period }
report-summary-head-cell = { $form } of { $cell } — { $period }
report-was = (was: { $value })
report-has-errors = Cannot be sent because:
report-has-warnings = Please note:
report-names-as-typed = ℹ️ Not matched to exactly one member of the cell, so written into the records as typed: { $names }. To record full names, send the report again with them.
report-confirm-question = Please check and confirm sending the report.
report-update-question = Please check and confirm updating the report.
report-on-file = ℹ️ This period ({ $period }) already has a { $form }, sent at { $time } on { $date }.
report-on-file-by = ℹ️ This period ({ $period }) already has a { $form }, sent by { $by } at { $time } on { $date }.
report-update-effect = This message will UPDATE that report: only the items it states change (marked "was: …"); everything else stays as it is.
report-update-guided-effect = Sending will UPDATE that report (changed items are marked "was: …").
report-update-guided-start = The answers already sent are offered as suggestions; sending will UPDATE that report.
report-send = Send report
report-update-send = Update report
report-edit = Change an item
report-edit-which = Which item?
report-edit-back = Back to the preview
report-cancelled = Report cancelled; nothing was saved.
report-correction-cancelled = The change was dropped. The { $form } for { $period } on file stays as it was.
report-saved = Saved: { $form } of { $cell }, { $period }. Thank you!
report-updated = Updated: { $form } of { $cell }, { $period } (revision { $revision }). The change history is kept.
report-period-locked = { $form } of { $cell }, { $period } has been accepted by the commune and cannot be sent again. Ask the commune office to reopen it if it needs a change.
report-unsent-replaced = The unsent { $form } for { $period } is replaced by the new report below.
report-correction-replaced = The unsaved change to the { $form } for { $period } was dropped; the report on file stays as it was. Your new report is below.
report-use-choices = Please pick one of the choices below.
report-stale-named = { $screen ->
    [preview] The preview of { $form } for { $period }
   *[question] The question of { $form } for { $period }
}
report-stale-unnamed = { $screen ->
    [preview] This preview
   *[question] This question
}
report-stale-none = { $pressed } is out of date (that report was sent, cancelled or replaced by another), so the button you pressed was not carried out. Nothing was saved or changed. If you still need to send that report, please send the report message again.
report-stale-sent = This { $form } for { $period } was saved at { $time } on { $date }. No need to send it again.
report-stale-other = { $pressed } is out of date: another report replaced it, so the button you pressed was not carried out. Nothing was saved or changed. The report waiting for you is { $form } for { $period }, just below: please check it and choose there.
report-stale-changed = { $pressed } is out of date: the report was changed after it, so the button you pressed was not carried out. Nothing was saved. The latest version is just below: please check it and choose there.
report-pick-cell = Which cell is the report for?
report-pick-form = Which report do you want to send?
report-only-secretary = This looks like a cell meeting report. Only the cell's secretary or deputy can send reports.

report-answer-way-out = (To stop this report, type Cancel.)
report-resume-ask = The { $form } for { $period } you were filling in is kept. Please answer the question below, or type Cancel to stop.
report-answer-empty = Please type your answer.
report-answer-not_a_number = I could not read a number. Please type a number, e.g. 25.
report-answer-negative = The number cannot be negative.
report-answer-bad_date = I could not read a date. Please type e.g. 5/11, 05/11/2025 or "yesterday" (hôm qua).
report-answer-bad_time = I could not read a time. Please type e.g. 19h30.
report-answer-bad_bool = Please answer yes or no.
report-answer-bad_choice = Please pick one of the choices.
report-answer-quick_only = This item can only be filled from a quick report message.
report-answer-no_items = I could not read any task. Please type one task per line, e.g.: Thu đảng phí trước 20/11 - đ/c Mai

report-check-not_a_number = { $field }: must be a number.
report-check-not_whole = { $field }: must be a whole number.
report-check-negative = { $field }: cannot be negative.
report-check-too_small = { $field }: must be at least { $min }.
report-check-too_large = { $field }: { $value } is over the maximum of { $max }.
report-check-bad_date = { $field }: not a valid date.
report-check-bad_time = { $field }: not a valid time.
report-check-bad_bool = { $field }: must be yes or no.
report-check-bad_choice = { $field }: not a valid choice.
report-check-bad_text = { $field }: empty.
report-check-text_too_long = { $field }: too long (at most { $max } characters).
report-check-bad_list = { $field }: not a valid list.
report-check-date_in_future = { $field }: a report's date cannot be in the future.
report-check-unknown_field = An item does not belong to this form ({ $field }).
report-check-present_exceeds_expected = Present ({ $present }) is more than expected ({ $expected }).
report-check-attendance_mismatch = Present { $present } + absent { $absent } does not match the { $expected } members expected.
report-check-attendance_unaccounted = { $present } present of { $expected } expected: { $missing } absent, reason not given.
report-check-attendance_low = Attendance { $rate }%, not above 85% (HD 12-HD/BTCTW).
report-check-unexcused_absence = { $count ->
    [one] 1 member was absent without reason.
   *[other] { $count } members were absent without reason.
}
report-check-duration_short = { $duration } minutes, less than the { $minimum } minutes of HD 42-HD/BTCTW.
report-check-cadre_absent = The assigned committee member did not attend.
report-check-population_below_households = Population ({ $population }) is less than households ({ $households }).
report-check-part_exceeds_whole = { $field } ({ $part }) is more than the total ({ $whole }).
report-check-dues_unpaid = { $count ->
    [one] 1 member has not paid their dues.
   *[other] { $count } members have not paid their dues.
}
report-check-dues_split_mismatch = Kept ({ $retained } VND) plus remitted ({ $remitted } VND) is not the amount collected ({ $amount } VND).
report-dues-share-again = The amount collected changed from { $from } to { $to }, so the amount the cell keeps ({ $share }) needs to be given again.
report-dues-share-again-other = The amount remitted changed, so the amount the cell keeps ({ $share }) needs to be given again.
report-check-dues_unpaid_names = { $names } members named as not paid, more than those who have not paid ({ $count }).
report-unpaid-record = { $count ->
    [one] Name the member who has not paid
   *[other] Name the { $count } members who have not paid
}
report-unpaid-pick = { $count ->
    [one] Choose the member who has not paid their dues (1 left), or type the name:
   *[other] Choose the members who have not paid their dues ({ $count } left), or type the names:
}
report-unpaid-done = Done
report-unpaid-not-on-roll = "{ $name }" is not on the cell's member list (or matches more than one member). Choose from the list or type the full name.
report-check-htxs_quota = Excellent ({ $htxs }) exceeds { $pct }% of good (at most { $limit }).
report-check-level_differs = The cell rated itself { $stated } but its score earns { $earned }.
report-check-present_exceeds_roll = Present ({ $present }) is more than the cell's members ({ $roll }). Please check the cell and the number.
report-check-expected_far_from_roll = Expected ({ $expected }) is far from the cell's members ({ $roll }).
report-check-absence_reason_unknown = { $count } absent (reason not given yet): add the reasons if known.
report-check-date_not_scheduled = The meeting date { $date } is not the cell's scheduled meeting ({ $scheduled }). If the cell met that day, go on; if it is a slip, please change the meeting date before sending.
report-check-date_outside_period = The meeting date { $date } is in { $month }, not in the report's month { $period }. Please check the date or the month of the report.

error-report_locked = This report has been accepted by the commune and can no longer be changed. Ask the commune office to reopen it.
error-report_changed = The report for this period was sent or changed (perhaps by someone else) after the preview, so nothing was saved. Please send your message again to see the latest version.

## Viewing and accepting reports
report-status-draft = Status: draft
report-status-submitted = Status: sent, awaiting acceptance
report-status-accepted = Status: accepted
report-status-reopened = Status: reopened for changes
report-status-short-draft = draft
report-status-short-submitted = awaiting
report-status-short-accepted = accepted
report-status-short-reopened = reopened
report-revisions = Times sent or changed: { $count }
report-submitted-on = Sent on { $date }
report-sent-late = { $days ->
    [one] 1 day
   *[other] { $days } days
} late (due { $due })
report-sent-on-time = on time (due { $due })
report-sent-unjudged = deadline not tracked (a period before tracking, or no deadline)
report-changed-on = Last changed on { $date }
report-accept = Accept report
report-reopen = Reopen for changes
report-none-yet = The cell has no reports yet.
report-list-title = The cell's reports:
report-none-waiting = No reports are waiting for acceptance.
report-waiting-title = { $count } reports waiting for acceptance:
report-accepted = Accepted: { $form } { $period } of { $cell }. The report is now locked.
report-reopened = Reopened: { $form } { $period } of { $cell }, for the cell to change.

## The office pressed "Accept" or "Reopen" on a card of a report the cell changed since: nothing decided
report-changed-by-accept = ⚠ Not accepted: after you opened it, the cell changed this report ({ $by }, at { $time } on { $date }).
report-changed-accept = ⚠ Not accepted: after you opened it, this report was updated (at { $time } on { $date }).
report-changed-by-reopen = ⚠ Not reopened: after you opened it, the cell changed this report ({ $by }, at { $time } on { $date }).
report-changed-reopen = ⚠ Not reopened: after you opened it, this report was updated (at { $time } on { $date }).
report-changed-fields = What changed:
report-changed-next-accept = Please read the report below again and choose "Accept report" if you agree.
report-changed-next-reopen = Please read the report below again and choose "Reopen for changes" if it still needs changing.
report-changed-back-accept = The report was changed and then changed back: its content is now exactly the version you read. If you agree, choose "Accept report" below.
report-changed-back-reopen = The report was changed and then changed back: its content is now exactly the version you read. If it still needs changing, choose "Reopen for changes" below.
report-correction-changed-by = ⚠ Your { $change ->
        [update] update
       *[correction] change
    } was not saved: after you opened the preview, this report was changed ({ $by }, at { $time } on { $date }).
report-correction-changed = ⚠ Your { $change ->
        [update] update
       *[correction] change
    } was not saved: after you opened the preview, this report was updated (at { $time } on { $date }).
report-correction-changed-same = Its content is still the version you saw.
report-correction-changed-next = Below is your { $change ->
        [update] update
       *[correction] change
    }, laid over the latest report. Please check it again and choose "Update report".
report-decide-outdated-accept = ⚠ Not accepted: this button belongs to an older version of the report.
report-decide-outdated-reopen = ⚠ Not reopened: this button belongs to an older version of the report.
report-keep-all = No change
report-correction-unclear = I could not tell which item to change. Type e.g. "sửa lại: có mặt 24" (correction: present 24).
report-correct-pick-cell = Which cell's report are you correcting?
report-correct-cell-choice = { $cell } — { $period }
report-correction-none = There is no meeting report to correct yet. Please send the report first, e.g. "bc sh cb t11: họp tối 5/11 19h30, có mặt 25/27" (meeting report for November: met on the evening of 5/11 at 19:30, 25 of 27 present).
report-correct-pick-period = Which period's report are you correcting?
report-correction-no-period = There is no meeting report for { $period } open to correction (not sent, or already accepted).
report-notice-hint = I read the meeting notice. The cell's meeting schedule and reminders are sent automatically; see it with /meeting, move it with /doilich.
report-postpone-hint = To move the meeting and tell everyone, type: /doilich { $date } 19:30 reason …
report-postpone-hint-nodate = To move the meeting and tell everyone, type: /doilich DATE TIME reason … (e.g. /doilich 15/11 19:30 flood)
report-sensitive-not-stored = This is about an admission or a member under review: sensitive information that is not stored from chat. Please report it to the commune office through the proper procedure.

cmd-lichsu = See a report's change history
history-pick = Which report's history?
history-none = There is no report to show a history for yet.
history-title = History: { $form } of { $cell }, { $period }
history-empty = No change has been recorded.
history-entry = { $date } { $time } — { $who }: { $action }
history-someone = (outside the chat)
history-action-submit = sent the report
history-action-correct = corrected the report
history-action-resubmit = sent the report again
history-action-update = updated the report
history-action-accept = accepted (locked) the report
history-action-reopen = reopened it for changes
report-history-button = Change history
report-edit-button = Edit the report
report-names-other-cell = The report names { $cell }, but you are not its secretary or deputy, so you cannot send it for that cell. If it is your own cell's report, choose the cell below; if not, type /huy.

rating-level-HTXS = Excellent completion of duties
rating-level-HTT = Good completion of duties
rating-level-HT = Completed duties
rating-level-KHT = Did not complete duties
report-rating-total = Total score: { $total }/{ $max } — level: { $level }

# The annual rating scored on the organization's criteria table, criterion by criterion.
field-criteria_scores = Score of each criterion
field-criteria_table = Criteria table
rating-criterion-label = Criterion { $code }
rating-group-general = general criteria
rating-group-tasks = task results
rating-q-criterion = Criterion { $code } ({ $group }): { $name }
    How many points does the cell give itself (at most { $max })?
rating-running-total = Scored so far: { $total }/{ $max } points.
report-check-unknown_criterion = Criterion { $code } is not in the organization's criteria table.
report-check-criterion_too_large = Criterion { $code }: { $value } is over the maximum of { $max }.
report-check-criteria_sum = The general and task scores must be the sums of the criteria ({ $general } and { $tasks }).
