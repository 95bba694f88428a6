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
export-reported-count = { $reported }/{ $total } { $total ->
    [one] cell
   *[other] cells
} reported
export-exported-on = Exported on: { $date }
cmd-xuat = Export reports to an Excel file (e.g. /export 10/2025)
export-ready = { $form } { $period } of { $org }: { $reported }/{ $total } { $total ->
    [one] cell
   *[other] cells
} reported.
export-fallback = This channel cannot send files. The office can export on the server: chibo export { $form } --period { $period } --org { $org } --out reports.xlsx
export-pick-org = Export the reports of which unit?
