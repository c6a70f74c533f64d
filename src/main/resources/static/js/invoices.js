// invoices
