# The annual review: /xeploai (roll-up, a cell, the committee's score and level) and /tudanhgia.
cmd-xeploai = Annual review: levels rolled up, the committee scores and rates each cell
cmd-tudanhgia = A member's own annual review and level
error-rating_note_required = The level differs from the cell's own: please give a short reason.
rating-overview-title = Annual review { $year }
rating-commune-head = { $commune }: { $cells } cells; { $selfRated } scored themselves, { $decided } rated by the committee
rating-members-head = Members (from the cells' reports):
rating-count-line = { $level }: { $count } ({ $pct }%)
rating-count-unrated = Not rated yet: { $count }
rating-over-quota = Excellent ({ $htxs }) is over { $pct }% of good ({ $htt }): at most { $limit }.
rating-unit-label = { $cell }: own level { $self } → { $final }
rating-not-self-rated = (none yet)
rating-not-decided = Not rated by the committee yet
rating-pick-org = Review of which unit?
rating-cell-title = Annual review { $year } — { $cell }
rating-cell-self = The cell's own score: { $score }/{ $max } — { $level }
rating-cell-no-report = The cell has not sent its annual review for this year (/baocao rating).
rating-cell-members = Members: excellent { $htxs }, good { $htt }, completed { $ht }, not completed { $kht }
rating-cell-decided = The committee's level: { $level }
rating-cell-decided-score = The committee's score { $score }, level: { $level }
rating-note = Note: { $note }
rating-reviews-head = Members' self-reviews ({ $count }):
rating-decide-button = Committee: score and rate
rating-q-score = How many points does the committee give { $cell } for { $year } (0–100)?
rating-keep-self-score = Keep the cell's own score ({ $score })
rating-no-score = No score, the level only
rating-score-range = The score must be a number from 0 to 100.
rating-score-earns = The committee's score: { $score }/100 → { $level }
rating-self-was = The cell's own level: { $level }
rating-q-level = Final level of { $cell }?
rating-q-note = { $level } differs from the cell's own level ({ $self }). Please give a short reason:
rating-note-length = Please write briefly: not empty, at most { $max } characters.
rating-decided = { $cell } rated for { $year }: { $level }.
rating-decided-score = The committee's score: { $score }/100.
self-review-existing = You reviewed { $year } already: { $level } — "{ $text }". Sending again replaces it.
self-review-q-level = Which level do you give yourself for { $year }?
self-review-q-text = Level: { $level }. Please write a short self-assessment (strengths, shortcomings, remedies; at most { $max } characters):
self-review-preview = Self-review { $year }
    • Own level: { $level }
    • Self-assessment: { $text }
    The cell's secretary and the committee can read it. Send?
self-review-send = Send self-review
self-review-replace = Send, replacing the earlier one
self-review-saved = Self-review for { $year } saved: { $level }. The cell will consider it and propose a level.
rating-stale-named = The rating screen of { $cell } for { $year } you pressed
rating-stale-unnamed = The rating screen you pressed
rating-stale-other = { $pressed } is out of date (a newer screen was shown or the step has moved on), so I did not act on that button: nothing was rated or recorded. The open step is just below: please choose there.
rating-stale-none = { $pressed } is out of date (rated, cancelled or replaced), so I did not act on that button: nothing changed. To score and rate, type /xeploai.
rating-stale-done = { $cell } was rated { $level } for { $year } at { $time } on { $day }. No need to press again.
self-review-stale-named = The self-review screen for { $year } you pressed
self-review-stale-unnamed = The self-review screen you pressed
self-review-stale-other = { $pressed } is out of date (a newer screen was shown or its content changed), so I did not act on that button: nothing was sent. The open screen is just below: please check it and choose there.
self-review-stale-none = { $pressed } is out of date (sent, cancelled or replaced), so I did not act on that button: nothing changed. To review yourself, type /tudanhgia.
self-review-stale-sent = This self-review for { $year } ({ $level }) was sent at { $time } on { $day }. No need to press again.

## A year with no criteria table of its own: say which year's table is used (scoring, viewing, the export)
criteria-fallback = using the { $used } criteria table — the province has not imported one for { $year }
report-criteria-fallback = ℹ️ Scored on the { $used } criteria table — the province has not imported one for { $year } (the office imports a new one with tieu-chi.xlsx).
