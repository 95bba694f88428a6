# Personal data (Law on Personal Data Protection 91/2025/QH15)

cmd-dulieu = See my data chibo keeps, ask for a correction
cmd-huylienket = Unlink this chat account
cmd-yeucausua = Correction requests waiting for you
cmd-nhatkytruycap = Log of who viewed other people's personal details

privacy-notice-title = Personal data notice (version { $version })
privacy-notice =
    chibo (the party cell assistant) keeps this about you: name, year of birth, sex, ethnicity, phone number, date of admission, cell and roles; whether you said you attend a meeting or not (with the reason); reports you send; household visits you log; your annual self-review and level; tasks your cell's resolutions give you (due date, status, note); your party-development record from before your admission (religion, groups, the date of each step), if there is one; reminders sent to you.
    Why: for the work of your cell and the party committees above it (meeting reminders, reports, summaries). Nothing else.
    Who can see it: your cell's secretary, deputy and committee; cadres assigned to follow your cell; the commune and province offices and standing committees, each for their own area. Every view of a list naming other people is recorded.
    How long: member records, roles, reports, meeting answers and visits as the party organization keeps them (an admitted member's development record is part of their file); pending messages and conversation state are removed after a few days; reminders after { $finishedOutbox } days; the view log after { $accessLog } days; the change log after { $audit } days; self-reviews { $selfReviews } days after the year reviewed; tasks { $resolutionTasks } days after the resolution's month; quarterly village records (naming the village's workers) after { $villageRecords } days; candidates no longer followed after { $droppedCandidates } days, candidates still followed once their last step is more than { $staleCandidates } days old. When the province changes one of these periods, you are shown this notice again.
    Your rights: type /mydata to see and get a copy of your data, press "Ask for a correction" if something is wrong; type /unlink to unlink this chat account.
privacy-notice-full-title = Personal data notice in full (version { $version })
privacy-notice-short =
    To remind you of meetings, receive reports and sum them up for your cell and the committees above it, chibo keeps your member details (name, year of birth, phone number, cell, roles), your meeting answers, reports, tasks given to you and the reminders sent to you. Nothing else is done with them.
    Who can see them: your cell's committee, cadres assigned to follow your cell, the commune and province offices and standing committees.
    The full notice (every kind of data, how long it is kept, your rights) is in the message right below.
privacy-notice-answer-above = Please answer in the message above: press "I agree" or "I do not agree" (or type 1 or 2).
privacy-notice-answer-above-typed = Please answer in the message above: type 1 if you agree, 2 if you do not.
privacy-notice-ask = Do you agree, so that the account of { $name } can be linked?
privacy-notice-ask-linked = The notice has changed. Please read it and choose.
privacy-accept = I agree
privacy-refuse = I do not agree
privacy-accepted = Thank you. Your agreement is recorded (version { $version }).
privacy-refused-link = The account is not linked because you did not agree. Nothing new was stored. If you change your mind, type /link with your code again (it works until it expires).
privacy-refused-linked =
    Recorded: you do not agree to the new notice. Your account stays linked and no data was deleted.
    If you no longer want to use chibo, type /unlink (your member record stays with your cell). Type /mydata to see your data.
privacy-phone-received = Your phone number is received.
privacy-pending = Please press "I agree" or "I do not agree" above (or type 1 or 2).
privacy-pending-typed = Please type 1 if you agree, 2 if you do not.

privacy-title = Your data in chibo
privacy-section-profile = Profile:
privacy-line-code = Code: { $code }
privacy-line-name = Name: { $name }
privacy-line-sex = Sex: { $sex }
privacy-line-birth = Year of birth: { $year }
privacy-line-ethnicity = Ethnicity: { $ethnicity }
privacy-line-phone = Phone: { $phone }
privacy-line-membership = Membership: { $membership }
privacy-line-admitted = Admitted: { $date }
privacy-line-full = Full member since: { $date }
privacy-line-exempt = Exempt from meetings: yes
privacy-line-temp = Temporarily attached: yes
privacy-section-roles = Roles:
privacy-role-line = • { $role } — { $org } (from { $from }{ $to ->
        [none] {""}
       *[other] {" "}to { $to }
    })
privacy-section-accounts = Linked chat accounts:
privacy-account-line = • { $channel }, linked { $linked }{ $count ->
        [1] {""}
       *[other] {" "}({ $count } links)
    }
privacy-section-rsvps = Meeting answers ({ $count }):
privacy-rsvp-yes = • { $date } — { $org }: attending
privacy-rsvp-no = • { $date } — { $org }: absent, reason: { $reason }
privacy-rsvp-proxy = (entered by the secretary)
privacy-section-reports = Reports you sent ({ $count }):
privacy-report-line = • { $form } { $period } — { $org } ({ $status })
privacy-section-corrected = Report corrections: { $count }
privacy-section-follows = What you are assigned to follow ({ $count }):
privacy-follow-line = • { $what } — from { $from }{ $to ->
        [none] {""}
       *[other] {" "}to { $to }
    }
privacy-follow-household = household of { $head } ({ $code }), { $village }
privacy-section-visits = Household visits you logged ({ $count }):
privacy-section-self-reviews = Your annual self-reviews ({ $count }):
privacy-self-review-line = • { $year }: { $level } — { $text }
privacy-section-tasks = Tasks given to you by a cell resolution ({ $count }):
privacy-task-line = • { $period }, { $cell }: { $task } — { $status }
privacy-task-due = (due { $date })
privacy-visit-line = • { $date } — household of { $household }, { $village }
privacy-section-reminders = Reminders sent to you: { $count }
privacy-reminder-count = • { $kind }: { $count }
privacy-reminder-recent = Most recent:
privacy-reminder-line = • { $at } — { $kind }
privacy-kind-meeting_reminder = Cell meeting reminder
privacy-kind-meeting_changed = Meeting date changed
privacy-kind-meeting_cancelled = Meeting cancelled
privacy-kind-meeting_holiday = Meeting falls on a holiday
privacy-kind-meeting_thematic = Thematic meeting reminder
privacy-kind-report_due = Report deadline reminder
privacy-kind-report_overdue_cadre = Cells late with a report (assigned cadre)
privacy-kind-report_digest = Digest of cells late with a report
privacy-kind-digest_commune = Commune reporting digest
privacy-kind-digest_province = Reporting digest by commune
privacy-kind-member_probation_due = Probation ending reminder
privacy-kind-candidate_certificate_due = Awareness-class certificate expiring
privacy-kind-task_due = Assigned task due soon
privacy-kind-correction_answered = Outcome of a correction request
privacy-kind-group_meeting_reminder = Meeting reminder (group chat)
privacy-kind-group_meeting_changed = Meeting date changed (group chat)
privacy-kind-group_meeting_cancelled = Meeting cancelled (group chat)
privacy-kind-group_meeting_holiday = Meeting falls on a holiday (group chat)
privacy-kind-announcement = Party committee announcement
privacy-kind-announcement_stats = Announcement delivery report
privacy-kind-account_linked = Notice of a newly linked account
privacy-kind-link_alert = Wrong invite codes warning
privacy-section-consents = Personal data consent:
privacy-consent-line = • { $at } — { $channel }, version { $version }: { $decision }
privacy-decision-accepted = agreed
privacy-decision-refused = did not agree
privacy-decision-shown = shown
privacy-section-requests = Your correction requests:
privacy-request-line = • #{ $id } ({ $at }): { $status }
privacy-request-open = waiting
privacy-request-done = corrected
privacy-request-declined = not corrected
privacy-field-full_name = Full name
privacy-field-sex = Sex
privacy-field-birth_year = Year of birth
privacy-field-ethnicity = Ethnicity
privacy-field-phone = Phone
privacy-field-membership = Membership
privacy-field-admitted_on = Admitted
privacy-field-full_member_on = Full member since
privacy-field-exempt = Exempt from meetings
privacy-field-temp_attached = Temporarily attached
privacy-section-views = Times others viewed details naming you ({ $count } most recent):
privacy-view-line = • { $at } — { $viewer }: { $what }
privacy-viewer-role = { $viewer } ({ $role }, { $org })
privacy-view-org = { $what } — { $org }
privacy-view-report = { $what } — { $form } { $period }, { $org }
privacy-section-named-in = Reports naming you ({ $count }):
privacy-named-absent = • { $form } { $period }, { $cell }: absent — { $reason }
privacy-named-absent-no-reason = • { $form } { $period }, { $cell }: absent (no reason given)
privacy-named-owner = • { $form } { $period }, { $cell }: owner of the task "{ $task }"
privacy-named-as-absent = absent
privacy-named-as-owner = owner of the task
privacy-file-unavailable = Files cannot be sent on this channel; everything is above. For an Excel file, type /mydata on Telegram.
privacy-file-caption = A copy of your data (Excel file).
privacy-fix-button = Ask for a correction
privacy-fix-ask = Type what should be corrected in one message (e.g. "My year of birth is 1980"). Type /cancel to stop.
privacy-fix-empty = Empty or too long (at most { $max } characters). Please type what should be corrected, or /cancel.
privacy-fix-sent = Correction request #{ $id } sent to your cell secretary (or the party committee office). See its status with /mydata.

privacy-what-cell_members = viewed the member list
privacy-what-meeting_absentees = viewed absentees and reasons
privacy-what-person_profile = viewed a person's profile
privacy-what-export_names = exported a file naming people
privacy-what-correction_list = viewed correction requests
privacy-what-rating_self_reviews = viewed members' self-reviews
privacy-what-invite_list = viewed the people not yet linked (invitations)
privacy-what-meeting_proxy_list = viewed the attendance list to answer for members
privacy-what-report_names = viewed a report naming you (absentees and reasons, resolutions' owners)

unlink-ask = Unlink this chat account from { $name }? After that the bot will not message this account any more.
unlink-confirm = Unlink
unlink-keep = Keep it
unlink-kept = Nothing changed. The account stays linked.
unlink-done =
    Unlinked. Removed what belonged to this chat account: its chat id, conversation state and reminders not yet sent.
    Your member record, meeting answers, reports and household visits stay with your cell and party committee: they are the party organization's work records (Party Statute and member-record rules), not the chat account's. To correct your record, contact your cell secretary.
unlink-not-linked = This account is not linked; there is nothing to unlink.

corrections-title = Correction requests waiting ({ $count })
corrections-none = No correction request is waiting.
corrections-line = #{ $id } — { $name } ({ $at }): { $text }
corrections-handle-button = Handle #{ $id }
corrections-case = Request #{ $id } from { $name } ({ $at }): "{ $text }"
corrections-record = The record in chibo now: { $record }.
corrections-changed = Changed since the request: { $changes }.
corrections-unchanged = Nothing in the record has changed since the request.
corrections-change = { $field }: { $before } → { $after }
corrections-how-secretary = Members' records are changed by the office of { $office } (in the member roll, imported again into chibo). Tell the office what to correct; once it is done, press "Corrected".
corrections-how-office = Correct the member roll file (template dang-vien.xlsx) and import it again on the chibo machine: chibo import people FILE. Then press "Corrected".
corrections-office-unknown = the committee above
corrections-fixed-button = Corrected
corrections-declined-button = Not corrected
corrections-later-button = Later
corrections-later = The request is still waiting. Once corrected, type /yeucausua to report the outcome.
corrections-ask-done = The record in chibo has not changed. Type one sentence telling { $name } what was corrected (e.g. "The office corrected the year of birth to 1990"). Type /huy to stop.
corrections-ask-declined = Type why nothing is corrected, to tell { $name } (e.g. "The party record gives 1991 as the year of birth"). Type /huy to stop.
corrections-answer-empty = Empty or too long (at most { $max } characters). Please type it again, or /huy to stop.
corrections-closed-done = Request #{ $id } closed: corrected — { $answer }. The person is told (a message and /dulieu).
corrections-closed-declined = Request #{ $id } closed: not corrected — { $answer }. The person is told (a message and /dulieu).
correction-answered-title = Outcome of correction request #{ $id }
correction-answered-done =
    Your correction request #{ $id } ("{ $request }"): corrected.
    { $answer }
    Type /dulieu to see your data again.
correction-answered-declined =
    Your correction request #{ $id } ("{ $request }"): not corrected.
    Reason: { $answer }
    If you have questions, talk to your cell secretary, or send a new request with /dulieu.

access-log-title = Personal data view log — { $org } (last { $days } days)
access-log-none = No views in the last { $days } days.
access-log-line = • { $at } — { $viewer }: { $what }{ $org ->
        [none] {""}
       *[other] , { $org }
    }{ $count ->
        [none] {""}
       *[other] {" "}({ $count } people)
    }{ $subject ->
        [none] {""}
       *[other] {" "}— { $subject }
    }

cmd-luutru = How long data is kept (the province office may choose some)
retention-title = How long data is kept
retention-line = • { $what }: { $days } days
retention-line-settable = • { $what }: { $days } days (the province chooses { $min } to { $max }; code { $kind })
retention-how = The province party office changes one with: /retention CODE DAYS, e.g. /retention accessLog 730. Member records, reports, meeting answers, household visits and consents are kept as the party organization keeps its records.
retention-saved = Retention of { $kind } set to { $days } days. The daily clean-up uses it from its next run.
retention-notice-again = The personal-data notice quotes this period: everyone with a linked account is shown the notice once more, at their next message.
retention-unknown-kind = There is no "{ $kind }". Type /retention to see the codes and bounds.
retention-fixed = "{ $kind }" has a fixed period; the province cannot change it.
retention-out-of-range = The days for "{ $kind }" are out of bounds. Type /retention to see them.
retention-kind-inboundUpdates = Handled message keys (de-duplication)
retention-kind-conversations = Conversation state (after it expires)
retention-kind-linkAttempts = Wrong invite code attempts
retention-kind-progressMessages = Telegram progress messages
retention-kind-schedulerRuns = Scheduler runs
retention-kind-finishedInvites = Used or expired invite codes
retention-kind-finishedOutbox = Reminders and notices sent
retention-kind-accessLog = Personal data view log
retention-kind-audit = Change log (reports included)
retention-kind-doneCorrections = Handled correction requests
retention-kind-staleCandidates = Candidates still followed whose last step is old (counted from its date)
retention-kind-selfReviews = Members' annual self-reviews (after the year ends)
retention-kind-resolutionTasks = Tasks from a cell's resolution (after its month)
