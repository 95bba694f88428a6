## Assignments
cmd-ghinhan = Log a household visit (type /visit and pick the household)
cmd-phancong = Assign people to follow cells and households, or end an assignment
cmd-chuaphutrach = Communes, cells and households nobody follows
assigned-none = You are not assigned to follow any unit or household.
assigned-title = Units and households you follow ({ $count })
assigned-next-meeting = next meeting { $date } at { $time }
assigned-next-meeting-moved = next meeting { $date } at { $time } (rescheduled)
assigned-no-meeting = no meeting scheduled
assigned-last-report = last report { $period } ({ $status })
assigned-no-report = no report yet
assigned-household = Household of { $head }
assigned-last-visit = last visited { $date }
assigned-no-visit = no visit logged yet
assigned-pick-household = Pick a household to see and log visits:
household-title = Household of { $head } ({ $village })
household-no-visits = No visit logged yet.
household-log-button = Log a visit today
household-ask-note = Write a short note on how the household is doing (one message):
household-note-empty = The note is empty. Please write a few words about the household.
household-note-too-long = The note is too long (at most { $max } characters).
household-logged = Visit to the household of { $head } logged on { $date }.
household-how = Type /visit, the household code and a note, e.g. /visit HO-01 visited, family doing well (the codes come from the party committee office). Or type /assigned and pick a household.
household-pick = Which household did you visit?
gaps-title = Nobody assigned
gaps-cells = Cells with no committee member assigned: { $count }
gaps-households = Households no member follows: { $count }
gaps-more = … and { $count } more { $count ->
    [one] household
   *[other] households
}
gaps-none = Every cell and household has someone assigned.
assign-what = What would you like to do?
assign-new = New assignment
assign-end = End an assignment
assign-pick-target = Pick the cell or household to assign:
assign-pick-person = Who follows { $target }?
assign-no-candidates = Nobody suitable to assign.
assign-done = { $person } now follows { $target }, from today.
assign-none-active = No assignment is in force.
assign-pick-end = Pick the assignment to end:
assign-ended = Assignment ended today. Its history is kept.
assigned-level-commune = Communes followed ({ $count }):
assigned-level-cell = Cells and villages followed ({ $count }):
assigned-level-household = Households followed ({ $count }):
assigned-commune-cells = { $cells ->
    [one] 1 cell
   *[other] { $cells } cells
}, { $unfollowed } with no committee member following them
assigned-managed-title = Assignments in force under you ({ $count }):
assigned-managed-commune = Province cadres following communes ({ $count }):
assigned-managed-cell = Committee members following cells ({ $count }):
assigned-managed-household = Members following households ({ $count }):
assigned-managed-hint = Gaps: /chuaphutrach. Assign or end: /phancong.
gaps-communes = Communes with no province cadre following them: { $count }
gaps-more-rows = … and { $count } more
assign-any = Assign to any commune or cell
assign-pick-unit = Pick the commune or cell to assign:
assign-by-code = Or type /phancong CODE (a unit's or a household's code){ $example ->
    [none] .
   *[other] , e.g. /phancong { $example }.
}
assign-unknown-code = No unit or household in force has the code "{ $code }".
assign-already = { $person } already follows { $target }: nothing to add.
assign-household-target = the household of { $label }
cmd-thamho = Household visits: the latest ones, and households not visited lately (e.g. /visits 6: within 6 months)
visits-title = Household visits — { $count ->
    [one] 1 household
   *[other] { $count } households
} in your reach
visits-recent-title = Latest visits:
visits-recent-line = { $visitor } visited { $head }
visits-not-visited-title = Not visited in { $months ->
    [one] 1 month
   *[other] { $months } months
} (since { $since }): { $count } of { $total }
visits-pick = Choose a household to see its visits and log one:
visits-no-households = There are no households in your reach yet.
visits-usage = "{ $value }" is not a number of months. Type /visits or /visits N, with N from 1 to { $max }.
