"""Storage: the only code that reads or writes the store on disk."""
