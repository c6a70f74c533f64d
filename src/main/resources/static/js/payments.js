// payments
