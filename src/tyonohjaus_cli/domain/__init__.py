"""The domain: pure dataclasses and functions. No I/O, no clock, no printing."""
