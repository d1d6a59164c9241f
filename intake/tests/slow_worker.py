"""A reader that never finishes in time (for the time-budget test of intake.jobs.parse)."""

import time

if __name__ == "__main__":
    time.sleep(60)
