# chibo import units|people FILE: messages on the terminal.
import-usage = Usage: chibo import units|people|households|assignments|criteria|villages FILE [--dry-run] [--on DATE]   (FILE: .xlsx or .csv)
import-file-unsupported = Only .xlsx or .csv files can be imported.
import-file-not_excel = "{ $path }" is not an Excel file (.xlsx): perhaps a Word or other file renamed. Open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8".
import-file-not_found = File "{ $path }" not found.
import-file-unreadable = Cannot read "{ $path }": the file is damaged or not in that format.
import-file-empty = File "{ $path }" is empty.
import-file-too_large = File "{ $path }" is too large ({ $size } MB): at most { $max } MB can be imported. Please split it into smaller files.
import-file-unpacked_too_large = File "{ $path }" unpacks to more than { $max } MB, so it cannot be imported. Please save it again from Excel or split it.
import-file-too_many_rows = File "{ $path }" has more than { $max } rows: at most { $max } rows can be imported at once. Please split it.
import-file-bad_quote = File "{ $path }" is broken at line { $line }: a quote (") opened on that line is never closed. Please fix that line and import again.
import-encoding-1258 = The CSV file is not UTF-8; it was read as Windows Vietnamese (1258). Better save it as "CSV UTF-8".
import-ignored-columns = Columns not stored, ignored: { $columns }
import-issue-cell = Line { $line }, column '{ $column }': { $detail }
import-issue-line = Line { $line }: { $detail }
import-more-issues = … and { $count } more.
import-rejected = { $count ->
    [one] 1 error
   *[other] { $count } errors
}: nothing was written to the database. Fix the file and import it again.
import-done-units = Imported { $rows } unit rows: { $created } new, { $updated } updated, { $unchanged } unchanged ({ $seconds } s).
import-done-people = Imported { $rows } member rows: { $created } new, { $updated } updated, { $unchanged } unchanged; roles { $rolesAdded } added, { $rolesEnded } ended; { $moved } moved to another cell ({ $seconds } s).
import-dry-run = Dry run (--dry-run): the file is valid, nothing was written.
import-progress = Writing

import-no_header = no header row found; expected columns { $expected }
import-missing_column = column '{ $column }' is missing
import-duplicate_column = repeats column '{ $first }'
import-no_rows = the file has no data rows
import-too_many_rows = the file has more than { $max } rows; split it
import-required = is empty
import-too_long = '{ $value }' is longer than { $max } characters
import-bad_code = '{ $value }' is not a valid code (letters, digits and . _ / - only, no spaces)
import-bad_year = '{ $value }' is not a valid year ({ $min } to { $max })
import-bad_date = '{ $value }' is not a valid date (write dd/mm/yyyy)
import-future_date = '{ $value }' is in the future
import-bad_phone = '{ $value }' is not a valid Vietnamese phone number
import-bad_sex = '{ $value }' is not valid (Nam or Nữ)
import-bad_bool = '{ $value }' is not valid (x for yes, blank for no)
import-bad_membership = '{ $value }' is not valid (Chính thức or Dự bị)
import-bad_kind = '{ $value }' is not a known kind of party organization (Đảng bộ tỉnh, Đảng bộ xã, Đảng bộ cơ sở, Chi bộ cơ sở, Chi bộ trực thuộc, Chi bộ, Đảng ủy bộ phận, Tổ đảng)
import-bad_catchment = '{ $value }' is not valid (thôn, tổ dân phố, cơ quan, trường học, doanh nghiệp, lực lượng vũ trang)
import-bad_role = '{ $value }' holds an unknown role; use: { $accepted }
import-duplicate_code = code '{ $value }' already appears on line { $first }
import-unknown_cell = no cell with code '{ $value }' (import the units first: chibo import units)
import-not_a_cell = '{ $value }' is not a cell
import-unit_closed = unit '{ $value }' stopped on { $date }
import-unknown_parent = no unit with code '{ $value }' in the file or in the system
import-parent_required = the parent unit's code is needed
import-parent_cycle = parent unit '{ $value }' makes a loop
import-parent_kind = unit '{ $value }' cannot be the parent of this kind of unit
import-unknown_role_org = no unit '{ $value }' to hold the role
import-probationary_committee = a probationary member holds no { $role ->
    [secretary] secretary's post
    [deputy_secretary] deputy secretary's post
   *[other] cell committee post
} (Party Statute, art. 5: probationary members do not stand for or elect the party's leading bodies). Leave the post out of this row; add it once the member is a full member
import-second_secretary = cell '{ $value }' has a secretary, { $name } ({ $code }); one secretary per cell. To hand the post over, list { $name } in this file too with their new post or a blank "Chức vụ", from a date ("Tính từ ngày") no later than the new secretary's (or move them to another cell, or off the rolls in the "Biến động" column)
import-org_renamed = code '{ $value }' exists with the name '{ $stored }'. Units are not renamed in place: for a merge or a new name, create a new unit with a new code and close the old one
import-org_moved = code '{ $value }' already sits under '{ $stored }'. Units are not moved in place: create a new unit with a new code and close the old one
import-org_kind_changed = code '{ $value }' exists with another kind ({ $stored }). Create a new unit with a new code
import-org_closed = unit '{ $value }' stopped on { $date }; a unit formed by a merge needs a new code

# Go-live: meeting rules on units, households, assignments.
import-done-households = Imported { $rows } household rows: { $created } new, { $updated } updated, { $unchanged } unchanged; { $assigned } follow-ups started, { $unassigned } ended ({ $seconds } s).
import-done-assignments = Imported { $rows } assignment rows: { $created } new, { $updated } updated, { $unchanged } unchanged ({ $seconds } s).
import-rules-set = Standing meeting rules set or changed: { $rules }.
import-bad_meeting_day = '{ $value }' is not a known meeting day (e.g. ngày 5, thứ Bảy tuần đầu, Chủ nhật cuối tháng, mùng 5 âm lịch, rằm)
import-bad_meeting_time = '{ $value }' is not a valid time (e.g. 19:30, 19h30)
import-bad_thematic = '{ $value }' is not valid (e.g. tháng cuối quý, tháng đầu quý, tháng 3, 6, 9, 12)
import-meeting_day_required = a meeting day is needed to set a time, place or thematic month (the unit has no rule yet)
import-meeting_time_required = a meeting time is needed with the meeting day (the unit has no rule yet)
import-bad_people_count = '{ $value }' is not a valid number of people (1 to { $max })
import-unknown_person = no party member with code '{ $value }' (import people first: chibo import people)
import-unknown_household = no household with code '{ $value }' (import households first: chibo import households)
import-unknown_unit = no unit with code '{ $value }' (import units first: chibo import units)
import-target_required = a unit code or a household code is needed
import-target_twice = fill in only one: the unit code or the household code
import-bad_range = the end date must come after the start date
import-assignment_overlap = this person already follows it from { $date }, over the same time; fix the dates or drop the repeated row
import-second_province = this store already holds { $stored }; a store holds one province, so '{ $value }' is not added as a second one. Use a separate data folder (DATA_DIR) or database for another province
import-template_example = '{ $value }' { $count ->
        [0] is
       *[other] and { $count } other rows are
    } the chibo templates' example data (made-up people and phone numbers), not imported into the real data here ({ $province }). Delete the example rows, fill in your own and import again; to try the templates, use another, empty data folder (e.g. DATA_DIR=./data-try)
# Changes over time: effective dates, predecessors, members leaving (chibo import … --on DATE).
import-bad_change = '{ $value }' is not valid (Chuyển đi, Ra khỏi Đảng or Từ trần; blank while still a member)
import-unknown_predecessor = no unit with code '{ $value }' to continue
import-predecessor_closed = predecessor '{ $value }' closed on { $date }
import-predecessor_date = the founding date must come after predecessor '{ $value }' started ({ $date })
import-predecessor_needs_date = a founding date (the day the merge takes effect) is needed with predecessor '{ $value }'
import-predecessor_mismatch = predecessor '{ $value }' is of another kind (a cell continues only cells)
import-predecessor_repeated = predecessor '{ $value }' is already named on line { $first }
import-predecessor_of_existing = unit '{ $value }' exists already; its predecessors cannot change from a file (use chibo org merge)

# Criteria tables of the annual review (chibo import criteria).
import-done-criteria = Imported { $rows } criteria rows: { $created } new tables, { $updated } tables with a new version, { $unchanged } unchanged ({ $seconds } s).
import-bad_table_kind = '{ $value }' is not a known kind of table ({ $expected })
import-bad_group = '{ $value }' is not a known group (Tiêu chí chung, Kết quả thực hiện nhiệm vụ, Mức xếp loại)
import-bad_points = '{ $value }' is not a valid number of points (0 to { $max }, in quarters at the finest)
import-bad_percent = '{ $value }' is not a valid percentage (0 to 100)
import-bad_level = '{ $value }' is not a rating level (HTXS, HTT, HT, KHT)
import-criteria_total = the maximum points of the table's criteria add up to { $total }; they must make { $expected }
import-levels_missing = the table lacks the level(s) { $levels } (each table needs all four, group "Mức xếp loại", column "Điểm từ")
import-level_order = level { $level } from { $value } points must be below level { $higher } (from { $min } points)
import-level_floor = level KHT must start at 0 points, not { $value }
