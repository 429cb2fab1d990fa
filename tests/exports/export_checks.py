"""What the export checks share: a collector of checks and a runner of the binary."""

import subprocess
import sys


class Checks:
    """Collects failures instead of stopping at the first, so one run shows them all."""

    def __init__(self):
        self.failures = []
        self.passed = 0

    def check(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.failures.append(message)
            print(f"FAIL: {message}", file=sys.stderr)
        return condition

    def equal(self, actual, expected, what):
        return self.check(actual == expected, f"{what}: got {actual!r}, expected {expected!r}")


def run(args, expect=0):
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if expect is not None and result.returncode != expect:
        raise RuntimeError(f"{' '.join(args)} exited {result.returncode}, expected {expect}\n"
                           f"stdout: {result.stdout[:2000]}\nstderr: {result.stderr[:2000]}")
    return result
