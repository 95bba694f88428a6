# chibo org … and chibo member …: changes of units and members over time (terminal).
org-usage =
    Usage:
      chibo org merge CODE CODE… --into NEW-CODE --name "New name" --on DATE [--leaders-from CODE] [--rule-from CODE] [--dry-run]
      chibo org split CODE --into CODE-1 --name "Name 1" --into CODE-2 --name "Name 2" --on DATE [--dry-run]
      chibo org rename CODE --name "New name" --on DATE [--dry-run]
      chibo org close CODE --on DATE [--dry-run]
      chibo org go-live [DATE]
    DATE: the day it takes effect (dd/mm/yyyy or yyyy-mm-dd); the old unit runs until the day before.
member-usage =
    Usage:
      chibo member transfer PERSON --to CELL-CODE --on DATE [--dry-run]
      chibo member leave PERSON --reason "chuyển đi|ra khỏi Đảng|từ trần" --on DATE [--dry-run]
      chibo member confirm PERSON --on DATE [--dry-run]        probationary → full
      chibo member post PERSON --post bi-thu|pho-bi-thu|chi-uy|khong --on DATE [--dry-run]
                                                               post in the cell (a new secretary…)
    PERSON: the person's code or id.
org-bad-date = '{ $value }' is not a valid date (write dd/mm/yyyy or yyyy-mm-dd).
org-bad-post = Post '{ $value }' is not valid; use: bi-thu (secretary), pho-bi-thu (deputy secretary), chi-uy (committee member), khong (no post).
org-bad-reason = Reason '{ $value }' is not valid; use: chuyển đi (transferred out), ra khỏi Đảng (expelled), từ trần (deceased).
org-change-rejected = Nothing was written to the database.
org-dry-run = Dry run (--dry-run): every check passed, nothing written.

org-done-merge = Merged from { $on }: { $closed } → { $created }.
org-done-split = Split from { $on }: { $closed } → { $created } (the first unit takes the members, roles and meeting rule; move people to the others with chibo member transfer).
org-done-rename = Renamed from { $on }: { $closed } → { $created }.
org-done-close = Dissolved from { $on }: { $closed }; { $rolesEnded } roles ended.
org-carried = Carried over to the new unit: { $members } members, { $roles } roles, { $rules } meeting rules, { $assignments } assignments, { $households } households, { $groups } group chats, { $children } units below; { $rolesEnded } roles ended.
org-history-kept = Reports and past roles stay with the old units: roll-ups of months before { $on } show the units as they were.
org-reports-after = Note: the old units filed { $count ->
org-reminders-cancelled = Cancelled { $count } queued meeting reminders of the old units (marked cancelled, not deleted); the new unit's reminders replace them.
org-open-drafts = Reports of the old units still being written or corrected ({ $count }): { $successor ->
        [none] the unit is dissolved, so they can no longer be sent.
       *[other] from the effective date, the secretary or deputy secretary of { $successor } sends or corrects them (typing the report again in chat); the person writing it in the old unit can no longer send it.
    }
org-open-draft-month = month { $month }
org-open-draft = • { $cell }, { $period }: { $state ->
        [correcting] being corrected
       *[unsent] not sent
    }{ $person ->
        [none] {""}
       *[other] {" "}({ $person })
    } — { $form }
    [one] 1 report
   *[other] { $count } reports
} for months from { $month }; they stay with the old units.

org-change-org_change_bad_date = '{ $value }' is not a valid date.
org-change-org_change_future = { $date } has not come yet: record a change once it takes effect.
org-change-org_change_unknown_unit = No unit with code '{ $value }'.
org-change-org_change_closed_unit = Unit '{ $value }' closed on { $date }.
org-change-org_change_before_start = Unit '{ $value }' started on { $date }: the change must come after that.
org-change-org_change_too_few = A merge needs at least 2 units (got { $count }).
org-change-org_change_repeated = Unit '{ $value }' is named twice.
org-change-org_change_mixed_kinds = Unit '{ $value }' is of another kind than the first: only units of one kind merge.
org-change-org_change_mixed_parents = Unit '{ $value }' is under another parent than the first: only units under one parent merge.
org-change-org_change_code_taken = Code '{ $value }' is already used by another unit.
org-change-org_change_bad_code = '{ $value }' is not a valid code (letters, digits and . _ -, no spaces, at most 40 characters).
org-change-org_change_bad_name = Name '{ $value }' is not valid (not blank, at most 200 characters).
org-change-org_change_same_name = The new name '{ $value }' is the current one.
org-change-org_change_not_a_source = '{ $value }' is not one of the merged units.
org-change-org_change_has_members = Unit '{ $value }' still has { $count ->
    [one] 1 member
   *[other] { $count } members
}: transfer them first (chibo member transfer) or merge it (chibo org merge).
org-change-org_change_has_children = Unit '{ $value }' still has { $count ->
    [one] 1 unit
   *[other] { $count } units
} below it in force.

member-done-transfer = Transferred from { $on }: { $name }, { $from } → { $to }; { $rolesEnded } roles in the old cell ended.
member-done-leave = Recorded from { $on }: { $name } ({ $reason }); { $rolesEnded } roles ended, { $accounts } chat accounts unlinked.
member-done-confirm = { $name } is a full member from { $on }.
member-done-post = From { $on }, { $name } ({ $cell }): { $post }. Before: { $before }.
member-post-unchanged = { $name } ({ $cell }) is already { $post }: nothing changes.
member-post-secretary = secretary
member-post-deputy_secretary = deputy secretary
member-post-cell_committee = cell committee member
member-post-none = member, no post
member-reason-transferred_out = transferred out
member-reason-expelled = left the Party
member-reason-deceased = deceased
member-none = —
member-change-member_unknown = No person '{ $value }'.
member-change-member_left = '{ $value }' left the rolls on { $date }.
member-change-member_not_in_cell = '{ $value }' belongs to no cell.
member-change-member_future = { $date } has not come yet: record a change once it takes effect.
member-change-member_before = { $date } must come after { $since }.
member-change-member_unknown_cell = No cell with code '{ $value }'.
member-change-member_not_a_cell = '{ $value }' is not a cell.
member-change-member_cell_closed = Cell '{ $value }' closed on { $date }.
member-change-member_same_cell = The member already belongs to cell '{ $value }'.
member-change-member_already_full = '{ $value }' is already a full member.
member-change-member_not_probationary = '{ $value }' is not a probationary member.
member-change-member_probationary_post = '{ $value }' is a probationary member: no post on the cell committee (Party Statute, art. 5: probationary members do not stand for or elect the Party's leading bodies).
member-change-member_second_secretary = The cell has a secretary, { $name } ({ $person }, since { $since }); one secretary per cell. Record the end of their term first, then run this again: chibo member post { $person } --post khong --on { $date } (or --post pho-bi-thu, --post chi-uy).

# Probation reminders (outbox) and the roll-up's overdue line.
remind-probation-title = Probation ending soon
remind-probation = { $name } ({ $cell }) was admitted on { $admitted }; 12 months of probation end on { $ends }. Please have the cell consider and propose full membership.
rollup-probation-overdue = Overdue for full membership: { $names }
rollup-probation-overdue-count = { $count ->
    [one] 1 member
   *[other] { $count } members
} overdue for full membership

## The day the province started using chibo: the periods before are "not tracked" (never missed, never reminded)
org-go-live-is = The province started using chibo on { $date }: periods before it show as "not tracked", not as missed, and are not reminded.
org-go-live-unset = No go-live date is set: every period since a cell was founded counts.
org-go-live-set = Go-live date set: { $date }. Periods before it show as "not tracked".

# /ngaytheodoi: the go-live date in chat (the province office changes it).
cmd-ngaytheodoi = The day the province started using chibo (the province office may change it)
golive-is = The province started using chibo on { $date }: periods before that day show as "not tracked", are not counted as missing and are not reminded.
golive-unset = No go-live date is set: every period since a cell was founded is counted.
golive-how = The province office changes it with /ngaytheodoi DD/MM/YYYY, e.g. /ngaytheodoi 01/10/2026.
golive-bad-date = Could not read the day "{ $value }". Type it as day/month/year, e.g. /ngaytheodoi 01/10/2026.
golive-future = { $date } has not come yet: choose today or a past day (a later day would make the periods being reported now "not tracked").
golive-same = The go-live date is already { $date }; nothing to change.
golive-confirm = Move the go-live date from { $before } to { $after }? It applies at once to every cell of the province: periods before the new day show as "not tracked", periods from it are counted and reminded.
golive-confirm-first = Set the go-live date to { $after }? It applies at once to every cell of the province: periods before that day show as "not tracked", are not counted as missing and are not reminded.
golive-yes = Set { $date }
golive-keep = Keep it
golive-set = Go-live date set: { $date }. Periods before that day show as "not tracked".
golive-kept = Go-live date kept.
golive-changed = The go-live date was just changed to { $date }, so this choice was not applied. Type /ngaytheodoi to see it, then change it again if needed.
