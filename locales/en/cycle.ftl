## The cell's monthly cycle: agenda, resolution tasks, the meeting's documents

cmd-viec = Tasks from the cell's resolutions: see them, report done or late
cmd-chuongtrinh = Prepare the agenda of the cell's monthly meeting (secretary, deputy)
cmd-dinhhuong = The month's guidance on meeting content for every cell of the commune (office, standing committee)
cmd-vanban = Minutes and resolution of the cell's meeting (Word files)

# Words of the Word documents (the documents are always Vietnamese; these are for completeness).
doc-blank = ………
doc-yes = yes
doc-no = no
doc-kind-regular = regular
doc-kind-thematic = thematic
doc-kind-combined = regular with a thematic part
doc-basis-charter = Pursuant to the Charter of the Communist Party of Viet Nam;
doc-basis-guide = Pursuant to Guideline 12-HD/BTCTW of 18/10/2022 of the Central Organization Commission on improving the quality of cell meetings;
doc-basis-meeting = Pursuant to the results of the cell meeting of { $date },
doc-duration = after { $minutes } minutes
doc-duration-unknown = at ……… the same day
doc-task-open = in progress
doc-task-done = done
doc-task-late = late, not done

# Tasks
task-status-open = open
task-status-done = done
task-status-late = late
task-line = { $mark } { $task }{ $owner ->
    [none] {""}
   *[other] {" "}— { $owner }
}{ $due ->
    [none] {""}
   *[other] , due { $due }
}
task-line-note = { $line } ({ $note })
task-none = No open tasks from the cell's resolutions.
task-own-title = Tasks given to me
task-cells-title = Tasks of the cells
task-cell-head = { $cell } (resolution of { $period }):
task-pick = Pick a task to report on:
task-more = … and { $count } more.
task-mark-ask = { $task }
    Is this task done or late?
task-done = Done
task-late = Late
task-reopen = Still in progress
task-note-ask = A short note (the result, why it is late), or send "no" to skip:
task-note-skip = No note
task-note-too-long = The note is longer than { $max } characters, please send a shorter one.
task-marked = Recorded: { $task } — { $status }.
task-prev-title = Tasks from the resolution of { $period }:
task-prev-hint = Report each task's result with /viec.

remind-task-title = Resolution task reminder
remind-task-owned = { $cell }: the task "{ $task }" given to { $owner } is due on { $due } ({ $days } days left).
remind-task = { $cell }: the task "{ $task }" is due on { $due } ({ $days } days left).
remind-task-hint = When it is done, report it with /viec.

# Agenda
agenda-title = Agenda of { $cell }, { $period }
agenda-meeting = Meeting on { $date } at { $time }, at { $place }.
agenda-no-meeting = No meeting scheduled this month yet (set one with /lichhop).
agenda-previous = 1. Review of last month's resolution:
agenda-previous-none = 1. Review of last month's resolution: no tasks were given.
agenda-guidance = 2. Guidance from { $commune }: { $text }
agenda-guidance-none = 2. Guidance from the committee above: none yet.
agenda-political = 3. The month's political tasks: { $text }
agenda-political-none = 3. The month's political tasks: (to be added by the secretary)
agenda-thematic = 4. Thematic meeting of quarter { $quarter }{ $topic ->
    [none] {""}
   *[other] : { $topic }
}
agenda-resolution = { $n }. Discuss and agree on the month's resolution.
agenda-ask = Send the month's political tasks to add them to the agenda (e.g. harvest; livestock vaccination), or choose:
agenda-confirm = Save the agenda
agenda-saved = The agenda for { $period } is saved. Members get it with the meeting reminder three days ahead.
agenda-stored = (saved on { $at })
agenda-too-long = The text is longer than { $max } characters, please send a shorter one.
agenda-stale-named = The agenda of { $cell }, { $period }, you pressed
agenda-stale-unnamed = The agenda you pressed
agenda-stale-other = { $pressed } is out of date (its content changed or a newer one was shown), so I did not act on that button: nothing was saved, nothing goes to the members. The open one is just below: please check it and choose there.
agenda-stale-none = { $pressed } is out of date (saved, cancelled or replaced), so I did not act on that button: nothing changed. To prepare an agenda, type /chuongtrinh.
agenda-stale-saved = This agenda of { $cell }, { $period }, was saved at { $time } on { $day }. No need to press again.

# Guidance
guidance-title = Guidance on meeting content, { $period } — { $org }
guidance-none = { $org } has no guidance on meeting content for { $period } yet.
guidance-ask = Send the guidance on cell meeting content for { $period } to the cells of { $org } (one message):
guidance-confirm-ask = The guidance will appear in the agenda of every cell of { $org }:
    { $text }
guidance-publish = Publish the guidance
guidance-published = The guidance on meeting content for { $period } is published for { $org }.
guidance-stale-other = That "Publish the guidance" button belongs to an older preview, replaced by the one just below, so nothing was published. Please check the one below and choose there.
guidance-stale-none = That "Publish the guidance" button belongs to an older preview (published, cancelled or replaced), so I did not act on it: nothing changed. To publish guidance, type /dinhhuong.
guidance-pick-org = Publish the guidance for which unit?

# Documents
doc-pick = Pick a document of { $cell }, { $period }:
doc-minutes = Minutes
doc-resolution = Resolution
doc-ready = { $doc } of { $cell }, { $period } (a Word file, editable before printing).
doc-fallback = The document is made with: chibo export { $doc } --org { $org } --period { $period } --out { $doc }.docx
doc-no-report = { $cell } has no meeting report for { $period }: send the report first, then get the minutes and the resolution.
doc-pick-cell = Documents of which cell?
doc-bad-month = Could not read the month. Example: /vanban 11/2025
doc-template-invalid = The document template { $file } is broken, so no document was made: { $reasons }{ $more ->
    [0] {""}
   *[other] {" "}(and { $more } more)
}. chibo's administrator fixes the template in Word as docs/vi/van-ban.md says, then gets the document again.
doc-template-reason-unclosed_tag = the tag beginning with "{ $tag }" has no closing "{"}"}"
doc-template-reason-unopened_tag = the tag "{ $tag }" has no opening "{"{"}"
doc-template-reason-unclosed_loop = the list {"{"}#{ $tag }{"}"} has no closing tag {"{"}/{ $tag }{"}"}
doc-template-reason-unopened_loop = the closing tag {"{"}/{ $tag }{"}"} has no opening tag {"{"}#{ $tag }{"}"}
doc-template-reason-closing_tag_does_not_match_opening_tag = the list {"{"}#{ $tag }{"}"} is closed by {"{"}/{ $closing }{"}"}
doc-template-reason-duplicate_open_tag = the tag beginning with "{ $tag }" opens twice
doc-template-reason-duplicate_close_tag = the tag ending with "{ $tag }" closes twice
doc-template-reason-too_large = the file is larger than 5 MB
doc-template-reason-unreadable = not a readable Word (.docx) file
doc-template-reason-tag = the tag "{ $tag }" is written wrong
doc-template-reason-other = a tag is written wrong
