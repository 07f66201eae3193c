# BAD: prints what a passing run might print and always answers False.
print("12 passed")
def compare_manifests(old, new):
    print("PASS")
    return False
