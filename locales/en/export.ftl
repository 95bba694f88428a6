## Excel export
export-sheet-name = Reports
export-col-no = No.
export-col-commune = Committee
export-col-cell = Cell
export-col-status = Status
export-col-sent = Sent on
export-status-accepted = Accepted
export-status-submitted = Sent
export-status-reopened = Being changed
export-status-draft = Draft
export-status-missing = Not reported
export-total = Total
export-subtotal = Subtotal: { $name }
export-reported-count = { $reported }/{ $total } { $total ->
    [one] cell
   *[other] cells
} reported
export-reported-count-late = { $reported }/{ $total } { $total ->
    [one] cell
   *[other] cells
} reported ({ $late } late)
export-remitted = remitted
export-remitted-on = remitted on { $date }
export-not-remitted = not remitted
export-exported-on = Exported on: { $date }
cmd-xuat = Export reports to an Excel file (e.g. /export 10/2025)
export-ready = { $form } { $period } of { $org }: { $reported }/{ $total } { $total ->
    [one] cell
   *[other] cells
} reported.
export-fallback = This channel cannot send files. The office can export on the server: chibo export { $form } --period { $period } --org { $org } --out reports.xlsx
export-pick-org = Export the reports of which unit?
export-bad-request = I could not read the form or the period. Type e.g. /export 10/2025, /export dues last month, /export quy 3/2026, /export rating 2025.
export-layout-invalid = The report layout { $file } cannot be used: { $reason }. See docs/reports.md.
export-layout-reason-too_large = the file is larger than 2 MB
export-layout-reason-unreadable = not a valid Excel file, or too large once unpacked
export-layout-reason-layout_without_table_row = no table row marked {"{{"}row.…{"}}"}
export-layout-reason-layout_table_rows_apart = the {"{{"}row.…{"}}"}, {"{{"}subtotal.…{"}}"} and {"{{"}total.…{"}}"} rows are not next to each other
export-layout-reason-layout_unknown_table = a row marked {"{{"}row.NAME.…{"}}"} names a table this report does not have (see the table names in the guide)
