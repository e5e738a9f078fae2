"""What several commands share: gathering from the store what a domain rule needs.

A use case reads the store and calls the domain; it prints nothing and reads no clock
(``now`` is passed in), so that a command module never imports another command module.
"""
