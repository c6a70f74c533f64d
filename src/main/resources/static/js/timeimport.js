// timeimport (issue 4)
