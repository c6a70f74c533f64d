// mail
