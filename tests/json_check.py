#!/usr/bin/env python3
"""json_check.py - Validate pulje's 360Giving JSON against tests/data/360giving-grant-schema.json.

Usage: json_check.py SCHEMA FILE. Prints "ok <grants> <sum of amountAwarded>
<sum of transaction values>" and exits 0 when the file is valid and every
grant's commitment transactions sum to its amountAwarded; prints the first
problem and exits 1 otherwise; exits 77 when python3-jsonschema is missing.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    print("python3-jsonschema is not installed")
    sys.exit(77)


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[2], encoding="utf-8") as f:
        doc = json.load(f)
    try:
        jsonschema.validate(doc, schema)
    except jsonschema.ValidationError as e:
        print("invalid: %s at %s" % (e.message, "/".join(str(p) for p in e.absolute_path)))
        return 1
    awarded = txs = 0
    for g in doc["grants"]:
        s = sum(t["value"] for t in g["commitmentTransaction"])
        if s != g["amountAwarded"]:
            print("invalid: %s: transactions %d != amountAwarded %d" % (g["id"], s, g["amountAwarded"]))
            return 1
        awarded += g["amountAwarded"]
        txs += s
    print("ok %d %d %d" % (len(doc["grants"]), awarded, txs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
