#!/usr/bin/env python3
"""Runs the commands in README.md's ```console blocks and compares their output.

A block's lines starting with "$ " are commands; the lines after each command,
up to the next command or the end of the block, are its expected output. Lines
that differ from run to run (timings, thread counts, dates of creation) are
compared after masking the numbers in them. A README that no longer tells the
truth fails this test.

usage: check_readme.py README.md CASESIM_BINARY_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

VOLATILE = [
    (re.compile(r"\d+(\.\d+)? s, [\d.]+ million events/s"), "<timing>"),
    (re.compile(r"\d+ threads?"), "<threads>"),
    (re.compile(r", [\d.]+ s$"), ", <seconds>"),
    (re.compile(r"\(/[^)]*/scenarios/"), "(<scenarios>/"),
    (re.compile(r"\(scenarios/"), "(<scenarios>/"),
    # A report's size follows its contents and the charting libraries' versions, not the program's truth.
    (re.compile(r"\(\d+(\.\d+)? MB, "), "(<size> MB, "),
]


def normalise(line):
    line = line.rstrip()
    for pattern, replacement in VOLATILE:
        line = pattern.sub(replacement, line)
    return line


def blocks(text):
    for match in re.finditer(r"```console\n(.*?)```", text, re.S):
        yield match.group(1).splitlines()


def main():
    readme, bin_dir = sys.argv[1], sys.argv[2]
    root = os.path.dirname(os.path.abspath(readme))
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    work = tempfile.mkdtemp(prefix="casesim-readme-")
    os.symlink(os.path.join(root, "scenarios"), os.path.join(work, "scenarios"))
    env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"])
    failures = 0
    commands = 0
    for block in blocks(text):
        i = 0
        while i < len(block):
            if not block[i].startswith("$ "):
                i += 1
                continue
            command = block[i][2:]
            expected = []
            i += 1
            while i < len(block) and not block[i].startswith("$ "):
                expected.append(block[i])
                i += 1
            commands += 1
            run = subprocess.run(command, shell=True, cwd=work, env=env, capture_output=True, text=True)
            got = (run.stdout + run.stderr).splitlines()
            if run.returncode != 0:
                print(f"FAIL: `{command}` exited {run.returncode}\n{run.stdout}{run.stderr}")
                failures += 1
                continue
            want = [normalise(l) for l in expected if l.strip() != "..."]
            have = [normalise(l) for l in got]
            if "..." in [l.strip() for l in expected]:
                # An abridged block: every shown line must appear, in order.
                pos = 0
                for line in want:
                    while pos < len(have) and have[pos] != line:
                        pos += 1
                    if pos == len(have):
                        print(f"FAIL: `{command}`: line not in output: {line!r}\noutput:\n" + "\n".join(got))
                        failures += 1
                        break
                    pos += 1
            elif want != have:
                print(f"FAIL: `{command}`: output differs from README.md")
                for a, b in zip(want + [""] * len(have), have + [""] * len(want)):
                    if a != b:
                        print(f"  README: {a!r}\n  actual: {b!r}")
                failures += 1
    shutil.rmtree(work, ignore_errors=True)
    print(f"{commands} README commands run, {failures} failed")
    if commands == 0:
        print("FAIL: no commands found in README.md")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
