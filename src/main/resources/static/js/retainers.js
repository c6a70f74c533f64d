// retainers
