"""Records what CPython 3 (through Jinja2, as dbt renders) prints for each expression of the
python-semantics case files, so TestPythonSemantics can hold Smelt's emulation of Python to it.

Each file under src/test/resources/python-semantics/*.tsv has one case a line, `expression<TAB>expected`;
lines starting with '#' are comments. This script reads the expression column, renders
`{{ expression }}` with Jinja2 and dbt's `modules` (re, datetime), and rewrites the expected column:
the output with backslash, tab and newline escaped, or `!ErrorName` when Python raises.
To add a case, add a line holding only the expression and run (from the repository root):

    python3 compiler/src/test/python/record_python_semantics.py

then review `git diff`. Needs Python 3 and Jinja2.
"""
import datetime
import itertools
import pathlib
import re
import sys

import jinja2

CASES = pathlib.Path(__file__).resolve().parents[1] / "resources" / "python-semantics"


def escape(text):
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def record(env, modules, expression):
    try:
        return escape(env.from_string("{{ " + expression + " }}").render(modules=modules))
    except Exception as e:  # the kind of error is the expectation
        return "!" + type(e).__name__


def main():
    env = jinja2.Environment(extensions=["jinja2.ext.do", "jinja2.ext.loopcontrols"])
    modules = {"re": re, "datetime": datetime, "itertools": itertools}
    files = sorted(CASES.glob("*.tsv")) if len(sys.argv) < 2 else [pathlib.Path(p) for p in sys.argv[1:]]
    for path in files:
        lines = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                lines.append(line)
                continue
            expression = line.split("\t", 1)[0]
            lines.append(expression + "\t" + record(env, modules, expression))
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{path.name}: {sum(1 for x in lines if x and not x.startswith('#'))} cases")


if __name__ == "__main__":
    main()
