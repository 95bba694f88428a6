# Digests after a reporting deadline (through the outbox, the day after the last deadline)

digest-commune-title = Cells that have not reported
digest-commune = { $commune }: { $count }/{ $cells } { $cells ->
    [one] cell has
   *[other] cells have
} not sent the { $form } report for { $period } (deadline { $due }): { $missing }.
digest-commune-followed = Of the { $cells ->
    [one] cell
   *[other] { $cells } cells
} you follow in { $commune }, { $count } { $count ->
    [one] has
   *[other] have
} not sent the { $form } report for { $period } (deadline { $due }): { $missing }.
digest-province-title = Reports by commune
digest-province = { $province }: { $count }/{ $cells } { $cells ->
    [one] cell has
   *[other] cells have
} not sent the { $form } report for { $period } (deadline { $due }).
digest-province-line = • { $commune }: { $count }/{ $cells } not sent
digest-province-line-done = • { $commune }: all { $cells } sent
digest-see-more = Details: /summary
digest-chart-caption = Reporting status
digest-chart-fallback = (Chart: type /summary to see it.)

## Look back (/lookback): from the province, a commune, a cell down to each report, any past month

cmd-xemlai = Look back at past months: province, commune, each cell and its reports
lookback-title = Look back
lookback-pick = Look back at which unit?
lookback-bad-month = I could not read the month (or it has not come yet). Type e.g. /lookback 10/2025 or /lookback t10.
lookback-org-head = { $org } — { $period }: { $reported }/{ $cells } { $cells ->
    [one] cell
   *[other] cells
} reported, { $late } overdue.
lookback-group-line = • { $name }: { $reported }/{ $cells } reported, { $late } overdue
lookback-status-late = overdue, no report (due { $due })
lookback-status-pending = not reported yet, due { $due }
lookback-status-none = no meeting scheduled
lookback-drill-group = Pick a party committee to see its cells:
lookback-drill-cell = Pick a cell to see its 12 months:
lookback-prev = ◀ { $period }
lookback-next = { $period } ▶
lookback-up = ▲ { $org }
lookback-cell-title = { $cell }: 12 months to { $period }
lookback-cell-summary = { $met } { $met ->
    [one] month
   *[other] months
} on time, { $late } late, { $missed } missed, { $none } with no meeting scheduled.
lookback-month-met = ✅ { $period }: on time — attendance { $rate }
lookback-month-late = ☑️ { $period }: sent late (due { $due }) — attendance { $rate }
lookback-month-missed = ❗ { $period }: no report (due { $due })
lookback-month-pending = ⏳ { $period }: not due yet (due { $due })
lookback-month-none = — { $period }: no meeting scheduled
lookback-open-report = Pick a month to see its report:
lookback-chart-title = Meeting attendance over 12 months
lookback-chart-caption = Attendance trend over 12 months

## Before the province started using chibo (or before the cell was founded): not tracked, never counted as missed
lookback-status-untracked = not tracked yet
lookback-untracked = { $count } { $count ->
    [one] cell
   *[other] cells
} not tracked this month (before the province started using chibo).
lookback-group-untracked = { $count } not tracked
lookback-cell-untracked = { $count } { $count ->
    [one] month
   *[other] months
} not tracked (before the province started using chibo), not counted.
lookback-month-untracked = · { $period }: not tracked yet
# A report for a month not tracked yet (or with no deadline): sent, neither on time nor late
lookback-month-sent = ☑️ { $period }: sent (no deadline to judge) — attendance { $rate }
lookback-cell-sent = { $count } { $count ->
    [one] month
   *[other] months
} sent with no deadline to judge (not tracked yet, or no deadline).
lookback-chart-untracked = not tracked
