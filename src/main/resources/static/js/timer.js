// timer (issue 4)
