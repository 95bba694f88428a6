## Roll-up
cmd-tonghop = Summary of reports: meetings, party dues, village data, admissions, rating
rollup-pick = Summary of which unit?
rollup-bad-month = I could not read the month. Type e.g. /summary 10/2025 or /summary t10.
rollup-head = { $period }: { $reported }/{ $cells } { $cells ->
    [one] cell
   *[other] cells
} reported, { $late } late, { $pending } not yet due; { $belowBar } { $belowBar ->
    [one] cell
   *[other] cells
} at or under 85% attendance.
rollup-cell-reported = reported, attendance { $rate }
rollup-cell-reported-late = reported, but { $days ->
    [one] 1 day
   *[other] { $days } days
} late (due { $due }), attendance { $rate }
rollup-cell-reported-unjudged = reported (deadline not tracked), attendance { $rate }
rollup-cell-sent-late = { $days ->
    [one] 1 day
   *[other] { $days } days
} late (due { $due })
rollup-cell-sent-unjudged = deadline not tracked
rollup-head-reported-late = { $count } { $count ->
    [one] cell
   *[other] cells
} reported after the deadline.
rollup-group-reported-late = { $count } late
rollup-below-bar = (under the 85% bar)
rollup-unexcused = ({ $count } absent without reason)
rollup-cell-late = late, not reported (due { $due })
rollup-cell-pending = not reported yet, due { $due }
rollup-cell-no-due = no meeting scheduled, no report due
rollup-repeated-names = Absent without reason at 3 meetings running: { $names } (for the cell to consider, not a decision)
rollup-repeated-count = { $count } members absent without reason at 3 meetings running
rollup-legend = ✅ accepted  ☑️ sent  ⏳ not yet due  ❗ late  ⏸ no meeting
rollup-drill = Pick a cell to see its report:
rollup-drill-commune = Pick a committee to see its cells:
rollup-group-line = • { $name }: { $reported }/{ $cells } reported, { $late } late, { $below } under 85%, attendance { $rate }
rollup-chart-caption = Attendance chart
rollup-chart-fallback = (The chart can be seen on Telegram; the figures are above.)
rollup-bad-request = I could not read the form or the period. Type e.g. /summary dues last month, /summary quy 3/2026, /summary rating 2025.
rollup-bad-period-month = { $form } is summed up by month. Type e.g. /summary 10/2025 or /summary last month.
rollup-bad-period-quarter = { $form } is summed up by quarter. Type e.g. /summary quy 3/2026 or /summary last quarter.
rollup-bad-period-year = { $form } is summed up by year. Type e.g. /summary 2025.
rollup-cell-cancelled = this period's meeting was cancelled, no report due
rollup-cell-not-reported = not reported
rollup-head-no-meeting = { $count } { $count ->
    [one] cell has
   *[other] cells have
} no meeting this period (none scheduled or cancelled).
rollup-group-no-meeting = { $count } without a meeting
rollup-form-head = { $form } { $period }: { $reported }/{ $cells } { $cells ->
    [one] cell
   *[other] cells
} reported, { $late } late, { $pending } not yet due.
rollup-other-forms-heading = Or see another form (you can also type, e.g. /summary dues):
rollup-other-forms = Other forms: tap a form's name or type e.g. /summary dues.
rollup-line-party-dues = { $paid }/{ $liable } members paid ({ $paid_pct }), collected { $amount_vnd } VND, remitted { $remitted_vnd } VND
rollup-line-party-dues-remitted-on = { $paid }/{ $liable } members paid ({ $paid_pct }), collected { $amount_vnd } VND, remitted on { $remitted_on }
rollup-line-party-dues-not-remitted = { $paid }/{ $liable } members paid ({ $paid_pct }), collected { $amount_vnd } VND, not remitted yet
rollup-line-village-quarterly = { $households } households, { $population } people, { $poor_households } poor households ({ $poor_pct }), { $members } members; women's union { $women_union }, farmers' union { $farmers_union }, veterans { $veterans_union }, youth union { $youth_union }
rollup-line-admissions = admitted { $admitted } (women { $women }, ethnic minorities { $ethnic_minority }, students { $students }); made full { $made_full }; pending full membership { $pending_full }
rollup-line-annual-rating-cell = { $cell_level }; members: excellent { $htxs }, good { $htt }, completed { $ht }, not completed { $kht }
rollup-line-annual-rating = cells excellent { $cells_htxs } ({ $cells_htxs_pct }), good { $cells_htt } ({ $cells_htt_pct }), completed { $cells_ht } ({ $cells_ht_pct }), not completed { $cells_kht } ({ $cells_kht_pct }); members rated good or better { $members_good_pct }
rollup-total-line = Total: { $line }
rollup-group-form-line = • { $name } ({ $reported }/{ $cells } reported, { $late } late)
rollup-own-cells = Cells directly under { $name }
rollup-chart-caption-reporting = Reporting status chart
rollup-status-accepted = Accepted
rollup-status-reported = Reported
rollup-status-pending = Not yet due
rollup-status-late = Late, not reported
rollup-status-no_schedule = No meeting scheduled
rollup-status-cancelled = Meeting cancelled
rollup-status-sent-late = { $status }, sent { $days ->
    [one] 1 day
   *[other] { $days } days
} late
rollup-status-sent-unjudged = { $status } (deadline not tracked)

## Before the province started using chibo (or before the cell was founded): not tracked, never counted as missing
rollup-cell-untracked = not tracked yet (before the province started using chibo)
rollup-head-untracked = { $count } { $count ->
    [one] cell
   *[other] cells
} not tracked this period (before the province started using chibo), not counted.
rollup-group-untracked = { $count } not tracked
rollup-status-untracked = Not tracked yet
