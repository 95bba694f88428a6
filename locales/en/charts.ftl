# Texts drawn on charts (src/charts/): callers pass them in.
chart-attendance-title = Members attending the cell meeting
chart-attendance-legend-ok = Above { $bar }
chart-attendance-legend-low = { $bar } or below
chart-attendance-no-report = no report
chart-reporting-title = Reports received
chart-reporting-reported = Reported
chart-reporting-pending = Not yet due
chart-reporting-late = Overdue
chart-attendance-untracked = not tracked
