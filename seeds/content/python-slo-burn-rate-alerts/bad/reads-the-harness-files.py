# CHEAT: looks for the test expectations on disk (the harness folder, the working directory, the
# environment) and answers from them; finding nothing, it says nothing is firing. Expected values
# never enter the jail, so this is "no alert" everywhere.
# fails: fast burn pages
# fails: slow burn pages on the 6 h rule
# fails: less history than the long window
import json
import os

EXPECTED = {}
for folder in ("/harness", os.getcwd(), "/tmp"):
    try:
        names = os.listdir(folder)
    except OSError:
        continue
    for name in names:
        try:
            with open(os.path.join(folder, name)) as f:
                data = json.load(f)
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and "expected" in json.dumps(data):
            EXPECTED.update(data)


def burn_rate_alerts(samples, slo, rules):
    key = str(len(samples))
    return EXPECTED.get(key, {"alert": None, "firing": []})
