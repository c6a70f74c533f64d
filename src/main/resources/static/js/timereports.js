// timereports (issue 4)
