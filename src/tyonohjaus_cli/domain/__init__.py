"""The domain: pure records (named tuples, some dataclasses) and functions. No I/O, no clock, no printing."""
