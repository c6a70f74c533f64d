// rates (issue 4)
