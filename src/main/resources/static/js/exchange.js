// exchange
