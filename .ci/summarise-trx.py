#!/usr/bin/env python3
"""Sums the outcome counters of every TRX file under a folder and prints 'N passed, N failed[, N skipped]'.

Exits 1 when any test failed or no test ran at all, so a silently empty run never counts as green."""
import pathlib
import sys
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def main(folder: str) -> int:
    passed = failed = skipped = 0
    files = sorted(pathlib.Path(folder).rglob("*.trx"))
    for trx in files:
        counters = ET.parse(trx).getroot().find("t:ResultSummary/t:Counters", NS)
        if counters is None:
            continue
        passed += int(counters.get("passed", 0))
        failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0)) + int(counters.get("aborted", 0))
        skipped += int(counters.get("notExecuted", 0))
    print(f"test projects reported: {len(files)}")
    line = f"{passed} passed, {failed} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "TestResults"))
