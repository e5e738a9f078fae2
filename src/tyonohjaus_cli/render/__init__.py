"""Documents handed to a client: the words of an invoice and its PDF."""
