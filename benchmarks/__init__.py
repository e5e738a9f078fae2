"""Speed and memory measurements of tyo (see README, Performance)."""
