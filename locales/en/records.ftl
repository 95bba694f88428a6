## Village records and party development
cmd-hosothon = Village record per quarter (figures, organizations, workers)
cmd-phattrien = Party development: from outstanding citizen to full member

records-sex-m = male
records-sex-f = female
records-party-member = party member
records-not-party-member = not a member
records-role-cell_secretary = Cell secretary
records-role-village_head = { $unit ->
    [to_dan_pho] Residential group head
    [khu_pho] Quarter head
    [khom] Quarter head
    [ap] Hamlet head
    [ban] Hamlet head
    [buon] Hamlet head
    [soc] Hamlet head
    [xom] Hamlet head
   *[other] Village head
}
records-role-deputy_head = { $unit ->
    [to_dan_pho] Deputy residential group head
    [khu_pho] Deputy quarter head
    [khom] Deputy quarter head
    [ap] Deputy hamlet head
    [ban] Deputy hamlet head
    [buon] Deputy hamlet head
    [soc] Deputy hamlet head
    [xom] Deputy hamlet head
   *[other] Deputy village head
}
records-role-front_head = Front work board head
records-role-police = Village police
records-role-militia = Militia leader
records-role-health_worker = Village health worker
records-role-women_head = Women's union head
records-role-farmers_head = Farmers' union head
records-role-veterans_head = Veterans' union head
records-role-youth_secretary = Youth union secretary
records-role-other = Other
records-was = (was: { $value })
records-field-areaKm2 = Area (km²)
records-field-population = Population
records-field-households = Households
records-field-poorHouseholds = Poor households
records-organizations = Organizations and their members:
records-org-party = Party members
records-org-front = Front work board
records-org-women = Women's union
records-org-farmers = Farmers' union
records-org-veterans = Veterans' union
records-org-youth = Youth union
records-org-elderly = Elderly association
records-org-red_cross = Red Cross
records-workforce = People who work for the village ({ $count }):
records-added = (new)
records-removed = removed: { $worker }
records-head = Record of { $cell } — { $period }
records-from-none = No quarter recorded yet: type the figures to start the record.
records-from-same = This quarter's stored figures.
records-from = Figures of { $period } (last quarter):
records-save = Save
records-keep = No change
records-change-hint = Nothing changed: tap "No change" (or type "không thay đổi"). Something changed: type only what changed, one item per line, e.g.:
    dân số 630
    phụ nữ 90
    thêm: trưởng thôn, Nông Văn Hải, nam, 1980, Tày, 12/12, farming, đảng viên
    sửa 2: trình độ 12/12
    bỏ 3
records-more-hint = Type more changes, or tap "Save".
records-pick-quarter = Which quarter do you update?
records-saved = Saved the record of { $cell }, { $period }.
records-saved-changes = Saved the record of { $cell }, { $period }: { $count } changes from last quarter.
records-report-locked = This quarter's village report was already accepted and stays as it is; the village record is saved.
records-table-head = Village records { $period } — { $org }: { $done }/{ $total } villages updated
records-table-missing = not updated this quarter
records-table-line = { $population } people, { $households } households; { $changed } changes
records-table-fallback = This channel cannot send files. The office runs: chibo export villages --period { $period } --org CODE --out villages.xlsx
records-bad-quarter = I could not read the quarter. Type e.g. /village quý 3/2025
records-cancelled = Cancelled; the village record is unchanged.
records-stale-named = The record screen of { $cell }, { $period }, you pressed
records-stale-unnamed = The village record screen you pressed
records-stale-other = { $pressed } is out of date (its figures changed or a newer screen was shown), so I did not act on that button: nothing was saved, no report filed. The open record is just below: please check it and choose there.
records-stale-none = { $pressed } is out of date (saved, cancelled or replaced), so I did not act on that button: nothing changed. To update the village record, type /hosothon.
records-stale-saved = The record of { $cell }, { $period }, as this screen shows it was saved at { $time } on { $day }. No need to press again.
records-not-read = Nothing saved: a line could not be read.
records-bad-unknown = Line "{ $line }": which item is it? (e.g. dân số 630, hộ nghèo 12, phụ nữ 90)
records-bad-number = Line "{ $line }": not a valid number.
records-bad-worker_fields = Line "{ $line }": give a worker as title, full name, sex (nam/nữ), birth year, ethnicity, education, occupation, party member or not.
records-bad-worker_role = Line "{ $line }": unknown title (e.g. trưởng thôn, công an viên, y tế thôn, khác).
records-bad-worker_index = Line "{ $line }": there is no person with that number in the list.
records-bad-worker_field = Line "{ $line }": name the item and its new value, e.g. "sửa 2: trình độ 12/12".
records-bad-too_many_workers = Line "{ $line }": the list is already too long.
records-export-was = Last quarter ({ $period }): { $value }
records-status-first = First record
records-status-unchanged = No change
records-status-changed = { $count ->
    [one] { $count } change
   *[other] { $count } changes
}
records-status-count = { $done }/{ $total } villages updated
records-change-added = New
records-change-changed = Changed
records-change-removed = Left

dev-stage-identified = Outstanding citizen
dev-stage-certificate = Awareness class certificate
dev-stage-dossier = Dossier complete
dev-stage-admitted = Probationary member
dev-stage-full = Full member
dev-stage-dropped = No longer followed
dev-step-identified = Identified as an outstanding citizen
dev-step-certificate = Awareness class certificate
dev-step-dossier = Dossier complete
dev-step-admitted = Admission decision
dev-step-full = Recognized as a full member
dev-do-identified = Record the day identified
dev-do-certificate = Record the certificate's day
dev-do-dossier = Record the dossier's day
dev-do-admitted = Record the admission day
dev-do-full = Record full membership
dev-list-head = Party development — { $cell }: { $count } followed
dev-list-empty = Nobody is followed yet.
dev-add-hint = Add someone: /development add Full name, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh
dev-summary-of = Summary of { $org }
dev-add = Add a candidate
dev-add-ask = Type the full name, then (optional) sex, birth year, ethnicity, religion and groups, separated by commas. E.g.: Lương Thị Thu, nữ, 2007, dân tộc Nùng, đoàn viên, học sinh
dev-bad-name = I could not read the full name (family and given names, no digits).
dev-bad-part = I could not read "{ $part }" (leave it out, or write it differently). Sex: nam/nữ; birth year: 4 digits; "dân tộc …", "tôn giáo …"; groups: đoàn viên, học sinh, sinh viên, dtts.
dev-added = Added { $name }, an outstanding citizen from { $date }.
dev-religion = religion { $religion }
dev-groups = Groups: { $groups }
dev-group-women = women
dev-group-ethnic_minority = ethnic minority
dev-group-youth_union = youth union members
dev-group-students = pupils and students
dev-group-religious = religious
dev-certificate-valid = The certificate is valid until { $date }.
dev-probation-ends = 12 months of probation end on { $date }.
dev-dropped-on = Not followed since { $date }.
dev-drop = Stop following
dev-back = List
dev-dropped = No longer followed.
dev-ask-date = { $step } of { $name }: on which day? Type a date (e.g. 10/3/2026) or tap "Today".
dev-today = Today
dev-bad-date = I could not read the day. Type e.g. 10/3/2026, or "hôm nay".
dev-problem-future = { $date } has not come yet. Type a day that has passed.
dev-problem-before_previous = { $date } is before the previous step. Type the day again.
dev-problem-certificate_expired = The awareness class certificate is valid only until { $expires }: admission on { $date } is not recorded. The class must be taken again before admission.
dev-problem-probation_not_over = 12 months of probation end on { $ends }: full membership on { $date } is not recorded.
dev-problem-not_next = This is not the next step.
dev-done-identified = Recorded: { $name } is an outstanding citizen from { $date }.
dev-done-certificate = Recorded { $name }'s certificate of { $date }.
dev-done-dossier = Recorded { $name }'s dossier complete on { $date }.
dev-done-admitted = Recorded { $name }'s admission on { $date }: a probationary member of the cell until { $ends }; the cell and the office are reminded { $days } days before.
dev-done-full = Recorded { $name } as a full member from { $date }.
dev-summary-head = Party development { $year } — { $org }
dev-summary-admitted = Admitted: { $admitted } (no target set)
dev-summary-target = Admitted: { $admitted } of a target of { $target } ({ $percent }%)
dev-summary-stages = By step:
dev-summary-groups = By group (admitted this year / followed):
dev-summary-parts = By unit (admitted / followed):
dev-summary-part = { $admitted } / { $pending }
dev-target-set = Set the { $year } admissions target of { $org }: { $target } members.
dev-certificate-months-default = The awareness class certificate is valid for { $months } months from its date (the default of HD 01-HD/TW 2021, 3.1).
dev-certificate-months = The awareness class certificate is valid for { $months } months from its date (set by the province; default { $default } months).
dev-certificate-months-how = This applies to every cell: when admission is recorded and when a lapsing certificate is reminded. The province office changes it with /phattrien giaychungnhan MONTHS (from { $min } to { $max }), e.g. /phattrien giaychungnhan 36.
dev-certificate-months-out-of-range = { $months } months is out of bounds: choose from { $min } to { $max } months.
dev-certificate-months-same = The certificate validity is already { $months } months; nothing to change.
dev-certificate-months-confirm = Change the awareness class certificate validity from { $before } months to { $after } months? It applies at once to every cell of the province: when admission is recorded and when a lapsing certificate is reminded.
dev-certificate-months-yes = Change to { $months } months
dev-certificate-months-keep = Keep { $months } months
dev-certificate-months-set = Changed the certificate validity from { $before } months to { $after } months. The admission check and the lapsing-certificate reminder use it from now on.
dev-certificate-months-kept = Certificate validity kept: { $after } months.
dev-certificate-months-changed = The certificate validity was just changed to { $months } months, so this choice was not applied. Type /phattrien giaychungnhan to see it, then change it again if needed.

remind-certificate-title = Certificate about to lapse
remind-certificate = { $name } ({ $cell }) holds an awareness class certificate of { $certificate }, valid until { $expires }. Please have the cell consider admission before then, or have the class taken again.
privacy-what-village_workforce = viewed a village record (its workers)
privacy-what-candidates_list = viewed the party-development candidates
export-status-pipeline = Counted from the party-development records
report-from-pipeline = The cell follows its candidates with /development: the quarter's admissions are counted from them (check, then send; add anyone missing with /development).
import-done-villages = Imported { $rows } village record lines: { $created } quarters new, { $updated } updated, { $unchanged } unchanged ({ $seconds } s).
import-bad_quarter = '{ $value }' is not a valid quarter (e.g. Quý 3/2025, 2025-Q3)
import-bad_count = '{ $value }' is not a valid number (0 to { $max })
import-bad_worker_role = '{ $value }' is not a known title (e.g. Trưởng thôn, Công an viên, Y tế thôn, Khác)
import-not_a_village = '{ $value }' is not a village or residential group cell
import-village_conflict = '{ $value }' differs from the figure given for this village and quarter on line { $first }
import-village_locked = { $value }, Q{ $quarter }/{ $year } was accepted (locked) by the commune committee and cannot be overwritten. To change it, reopen the quarter first (/tonghop số liệu thôn quý { $quarter }/{ $year } → the cell → Mở lại) and import again, or leave this village's rows out of the file
import-overridden = Replaced { $count } values the cell itself reported or corrected by chat after the previous import:
import-overridden-record = { $village }, Q{ $quarter }/{ $year }: { $changes }
import-overridden-workers = the list of village workers
retention-kind-droppedCandidates = Candidates no longer followed (not admitted)
retention-kind-villageRecords = Village records by quarter
privacy-section-development = Party-development record (before admission):
records-changed-by = ⚠ Not saved: after you opened this record, { $by } saved the record of { $cell }, { $period } at { $time } on { $day }.
records-changed = ⚠ Not saved: after you opened this record, the record of { $cell }, { $period } was updated at { $time } on { $day }.
records-changed-same = Its figures are still the ones you opened.
records-changed-next = Below is the record as stored, with your changes laid over it (marked ✎). Please check it and press "Save", or "Cancel" to keep it as stored.
error-record_changed = This quarter's record was saved by someone else after you opened it, so nothing was saved. Please type /hosothon again to see the latest version.
