## Roll-up
cmd-tonghop = Summary: which cells reported, attendance
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
rollup-below-bar = (under the 85% bar)
rollup-unexcused = ({ $count } absent without reason)
rollup-cell-late = late, not reported (due { $due })
rollup-cell-pending = not reported yet, due { $due }
rollup-cell-no-due = not reported (no meeting scheduled)
rollup-repeated-names = Absent without reason at 3 meetings running: { $names } (for the cell to consider, not a decision)
rollup-repeated-count = { $count } members absent without reason at 3 meetings running
rollup-legend = ✅ accepted  ☑️ sent  ⏳ not yet due  ❗ late
rollup-drill = Pick a cell to see its report:
rollup-drill-commune = Pick a committee to see its cells:
rollup-group-line = • { $name }: { $reported }/{ $cells } reported, { $late } late, { $below } under 85%, mean attendance { $rate }
rollup-chart-caption = Attendance chart
rollup-chart-fallback = (The chart can be seen on Telegram; the figures are above.)
