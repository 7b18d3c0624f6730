"""Pass and fail counts shared by the browser tests."""


class Checks:
    """Call with a name and a condition; a failed check is printed and counted, and the run goes on."""

    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, name, condition):
        if condition:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL:", name)
