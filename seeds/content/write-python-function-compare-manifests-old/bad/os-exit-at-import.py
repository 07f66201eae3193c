# BAD: tries to end the run "successfully" before any test runs.
import os
print("PASS all tests")
os._exit(0)

def compare_manifests(old, new):
    return False
