#!/usr/bin/env python3
"""The floors of the house, checked from the #include lines (docs/decisions.md §1).

Each top-level folder is a floor and may include only the floors below it and itself:

    base/         the base library: Status/Result, config, log, text, patterns, hashing, JSON
    db/           PostgreSQL: connections, migrations, repositories
    agreements/   the domain (never XML, HTTP, libcurl, templates or pages)
    mobilities/   the mobility domain beside it (may use agreements/, not the other way round)
    http/         the HTTP edge every surface stands on
    ewp-node/     the EWP protocol; never the pages
    portal/       the pages (the agreement tool's in portal/agreements/); never the EWP protocol
    ops/          the mobility executable and its wiring: everything

Usage: check_layers.py [ROOT]      exit 0 when every include keeps to the rules, 1 otherwise
       check_layers.py --self-test  shows that each rule catches what it forbids
"""
import pathlib
import re
import sys

# floor -> the project floors it may include (itself included)
ALLOWED = {
    "base": {"base"},
    "db": {"base", "db"},
    "agreements": {"base", "db", "agreements"},
    "mobilities": {"base", "db", "agreements", "mobilities"},
    "http": {"base", "http"},
    "ewp-node": {"base", "db", "agreements", "mobilities", "http", "ewp-node"},
    "portal": {"base", "db", "agreements", "mobilities", "http", "portal"},
    "ops": {"base", "db", "agreements", "mobilities", "http", "ewp-node", "portal", "ops"},
}
# floor -> system headers it must not include (the domain stays free of protocols and views)
FORBIDDEN_SYSTEM = {
    "base": ("libxml/", "curl/", "pistache/", "kainjow/"),
    "db": ("libxml/", "curl/", "pistache/", "kainjow/"),
    "agreements": ("libxml/", "curl/", "pistache/", "kainjow/"),
    "mobilities": ("libxml/", "curl/", "pistache/", "kainjow/"),
    "http": ("libxml/", "curl/", "kainjow/", "libpq-fe.h"),
}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = (".cpp", ".hpp", ".h", ".cc")


def problems_of(floor, path, lines):
    """Yields one message per include of `lines` (a file of `floor`) that breaks a rule."""
    for number, line in enumerate(lines, 1):
        match = INCLUDE.match(line)
        if not match:
            continue
        kind, target = match.groups()
        if kind == '"':
            top = target.split("/", 1)[0]
            if top in ALLOWED and top not in ALLOWED[floor]:
                allowed = ", ".join(sorted(ALLOWED[floor]))
                yield f"{path}:{number}: includes {target}, but {floor}/ may include only {allowed}"
        elif target.startswith(FORBIDDEN_SYSTEM.get(floor, ())) or target in FORBIDDEN_SYSTEM.get(floor, ()):
            yield f"{path}:{number}: includes <{target}>, which {floor}/ must not use"


def check(root):
    problems = []
    files = 0
    for floor in ALLOWED:
        for path in sorted((root / floor).rglob("*")):
            if path.suffix not in SOURCES:
                continue
            files += 1
            text = path.read_text(encoding="utf-8", errors="replace").splitlines()
            problems += problems_of(floor, path.relative_to(root), text)
    return files, problems


def self_test():
    cases = [
        ("base", '#include "db/pool.hpp"', True),
        ("db", '#include "agreements/iia.hpp"', True),
        ("agreements", '#include "http/message.hpp"', True),
        ("agreements", "#include <libxml/tree.h>", True),
        ("agreements", "#include <kainjow/mustache.hpp>", True),
        ("http", '#include "db/pool.hpp"', True),
        ("portal", '#include "ewp-node/client/ewp_client.hpp"', True),
        ("ewp-node", '#include "portal/web/site.hpp"', True),
        ("ewp-node", '#include "ops/cli/health.hpp"', True),
        ("portal", '#include "agreements/iia.hpp"', False),
        ("ops", '#include "ewp-node/ewp_node.hpp"', False),
        ("agreements", "#include <string>", False),
    ]
    failed = 0
    for floor, line, forbidden in cases:
        caught = any(problems_of(floor, "x.cpp", [line]))
        if caught != forbidden:
            failed += 1
            print(f"self-test: {floor}/ with {line}: {'not caught' if forbidden else 'wrongly refused'}")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2])
    files, problems = check(root)
    for problem in problems:
        print(problem)
    print(f"{files} files checked, {len(problems)} includes against the floors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
