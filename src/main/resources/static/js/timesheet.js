// timesheet (issue 4)
