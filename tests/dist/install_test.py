#!/usr/bin/python3
"""What `cmake --install` and the .deb put on a user's machine.

Installs the built tree (stripped) into a temporary DESTDIR under /usr/local
and checks that:
  * exactly the binary, the manual page and the bash and zsh completions are
    installed, at the places man, bash-completion and zsh look (no library,
    no test; zsh's local folder differs from the package's);
  * the binary is stripped (no .debug sections) and runs `--version`;
  * the completions parse (`bash -n`; `zsh -n` where zsh is installed);
  * the manual page renders with groff without a warning;
  * every command `linkgraph --help` lists is in the manual page's COMMANDS
    and offered by both completions, and so are the report kinds and the
    --format values the commands' --help lists: they cannot drift apart;
  * with --deb: `cpack -G DEB` builds a package whose Depends were computed,
    holding usr/bin/linkgraph and the rest at /usr, stripped.

Usage: install_test.py CMAKE CPACK BUILD_DIR [--deb]
Exit status: 0 passed, 1 failed.
"""

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile

BINARY = "bin/linkgraph"
MANUAL = "share/man/man1/linkgraph.1.gz"
BASH_COMPLETION = "share/bash-completion/completions/linkgraph"
# zsh reads local completions and packages' from different folders.
ZSH_COMPLETION = "share/zsh/site-functions/_linkgraph"
ZSH_PACKAGE_COMPLETION = "share/zsh/vendor-completions/_linkgraph"

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)
    return condition


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def files_under(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def section(text, is_title):
    """The lines after the first line is_title accepts, up to the next blank line."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if is_title(line.strip()):
            block = []
            for following in lines[i + 1:]:
                if not following.strip():
                    break
                block.append(following)
            return block
    return []


def commands_in_help(help_text):
    """The commands `linkgraph --help` lists, one per line under its heading."""
    block = section(help_text, lambda line: line in ("Subcommands:", "Commands:"))
    return first_words(block)


def report_kinds_in_help(help_text):
    """The kinds `linkgraph report --help` lists under its "Kinds:" heading."""
    block = section(help_text, lambda line: line.endswith(":") and "kinds" in line.lower())
    return first_words(block)


def first_words(block):
    """The names a help list starts its entries with (not its wrapped lines)."""
    return [match.group(1) for match in (re.match(r"  ([a-z]\S*)", line) for line in block)
            if match]


def choices_in_help(help_text, option):
    """The values an option that takes one of a set lists: "--format FORMAT  a | b | c"."""
    match = re.search(re.escape(option) + r" [A-Z]+ +([a-z]+(?: \| [a-z]+)+)", help_text)
    return match.group(1).split(" | ") if match else []


def bash_completions(completion, *words):
    """What the bash completion offers after `linkgraph WORDS... <TAB>`."""
    script = (
        'source "$1"; shift; COMP_WORDS=(linkgraph "$@" ""); '
        "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _linkgraph; "
        'printf "%s\\n" "${COMPREPLY[@]}"')
    result = run(["bash", "-c", script, "bash", completion, *words])
    check(result.returncode == 0, "bash completion failed: " + result.stderr)
    return set(result.stdout.split())


def rendered_manual(manual_source):
    """The manual page as plain text, and groff's warnings."""
    result = run(["groff", "-man", "-Tutf8", "-ww", "-P-cbou"], input=manual_source)
    return result.stdout, result.stderr + ("" if result.returncode == 0 else
                                           "groff exited %d" % result.returncode)


def manual_section(text, title):
    """A top-level section of a rendered page: from its heading to the next."""
    match = re.search(r"^%s\n(.*?)(?=^[A-Z][A-Z ]+\n)" % title, text, re.M | re.S)
    return match.group(1) if match else ""


def check_installed_tree(prefix):
    binary = os.path.join(prefix, BINARY)
    sections = run(["readelf", "-S", "--wide", binary]).stdout
    check(".text" in sections, "readelf read no sections of " + binary)
    check(".debug_" not in sections, "installed binary keeps debug sections (not stripped)")
    check(".symtab" not in sections, "installed binary keeps its symbol table (not stripped)")
    version = run([binary, "--version"])
    check(version.returncode == 0 and version.stdout.startswith("linkgraph "),
          "installed linkgraph --version: %r %r" % (version.stdout, version.stderr))
    help_text = run([binary, "--help"]).stdout

    bash_completion = os.path.join(prefix, BASH_COMPLETION)
    zsh_completion = os.path.join(prefix, ZSH_COMPLETION)
    result = run(["bash", "-n", bash_completion])
    check(result.returncode == 0, "bash -n on the bash completion: " + result.stderr)
    if shutil.which("zsh"):
        result = run(["zsh", "-n", zsh_completion])
        check(result.returncode == 0, "zsh -n on the zsh completion: " + result.stderr)
    else:
        print("zsh not installed: zsh -n skipped")

    with gzip.open(os.path.join(prefix, MANUAL), "rt", encoding="utf-8") as page:
        manual_source = page.read()
    manual_text, warnings = rendered_manual(manual_source)
    check(not warnings, "groff warns about the manual page: " + warnings)
    for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "COMMANDS", "OPTIONS", "ENVIRONMENT",
                    "FILES", "EXIT STATUS", "EXAMPLES", "SEE ALSO"):
        check(re.search("^%s$" % heading, manual_text, re.M),
              "manual page has no %s section" % heading)
    manual_commands = manual_section(manual_text, "COMMANDS")

    with open(zsh_completion, encoding="utf-8") as script:
        zsh_script = script.read()

    commands = commands_in_help(help_text)
    check(len(commands) >= 7, "found no command list in linkgraph --help: " + help_text)
    offered = bash_completions(bash_completion)
    for command in commands:
        check(re.search(r"^ {7}%s\b" % command, manual_commands, re.M),
              "the manual page's COMMANDS does not describe " + command)
        check(command in offered, "the bash completion does not offer " + command)
        check("'%s:" % command in zsh_script, "the zsh completion does not offer " + command)

    kinds = report_kinds_in_help(run([binary, "report", "--help"]).stdout)
    check(kinds, "found no report kinds in linkgraph report --help")
    offered = bash_completions(bash_completion, "report")
    for kind in kinds:
        check(re.search(r"^ {14}%s\b" % kind, manual_commands, re.M),
              "the manual page does not describe report " + kind)
        check(kind in offered, "the bash completion does not offer report " + kind)
        check("'%s:" % kind in zsh_script, "the zsh completion does not offer report " + kind)

    for command in commands:
        formats = choices_in_help(run([binary, command, "--help"]).stdout, "--format")
        check(formats or command not in ("report", "export"),
              "found no --format values in linkgraph %s --help" % command)
        offered = bash_completions(bash_completion, command, "--format")
        for value in formats:
            check(value in offered,
                  "the bash completion does not offer %s --format %s" % (command, value))
            check(re.search(r"\b%s\b" % value, zsh_script),
                  "the zsh completion does not offer %s --format %s" % (command, value))
            check(re.search(r"\b%s\b" % value, manual_commands),
                  "the manual page does not name %s --format %s" % (command, value))


def check_install(cmake, build_dir, scratch):
    destdir = os.path.join(scratch, "install")
    result = run([cmake, "--install", build_dir, "--prefix", "/usr/local", "--strip"],
                 env=dict(os.environ, DESTDIR=destdir))
    if not check(result.returncode == 0, "cmake --install failed: " + result.stderr):
        return
    prefix = os.path.join(destdir, "usr/local")
    installed = files_under(destdir)
    expected = {os.path.join("usr/local", path)
                for path in (BINARY, MANUAL, BASH_COMPLETION, ZSH_COMPLETION)}
    check(installed == expected,
          "installed %s, expected %s" % (sorted(installed), sorted(expected)))
    if expected <= installed:
        check_installed_tree(prefix)


def check_deb(cpack, build_dir, scratch):
    if not shutil.which("dpkg-shlibdeps"):
        print("dpkg-shlibdeps (dpkg-dev) not installed: the .deb is not built")
        return
    out = os.path.join(scratch, "deb")
    result = run([cpack, "-G", "DEB", "-B", out,
                  "--config", os.path.join(build_dir, "CPackConfig.cmake")])
    debs = [name for name in os.listdir(out) if name.endswith(".deb")] if os.path.isdir(
        out) else []
    if not check(result.returncode == 0 and len(debs) == 1,
                 "cpack -G DEB failed: " + result.stdout + result.stderr):
        return
    deb = os.path.join(out, debs[0])
    fields = {field: run(["dpkg-deb", "-f", deb, field]).stdout.strip()
              for field in ("Package", "Depends", "Section", "Maintainer", "Description")}
    check(fields["Package"] == "linkgraph", "package name: " + fields["Package"])
    check(re.search(r"\blibc6\b", fields["Depends"]) and "libcurl" in fields["Depends"],
          "Depends not computed from the libraries: " + fields["Depends"])
    for field in ("Section", "Maintainer", "Description"):
        check(fields[field], "the .deb has no " + field)

    listing = run(["dpkg-deb", "-c", deb]).stdout
    check(re.search(r" \./usr/bin/linkgraph$", listing, re.M),
          "dpkg-deb -c lists no ./usr/bin/linkgraph: " + listing)
    root = os.path.join(scratch, "deb-root")
    result = run(["dpkg-deb", "-x", deb, root])
    check(result.returncode == 0, "dpkg-deb -x: " + result.stderr)
    expected = {os.path.join("usr", path)
                for path in (BINARY, MANUAL, BASH_COMPLETION, ZSH_PACKAGE_COMPLETION)}
    check(files_under(root) == expected,
          "the .deb holds %s, expected %s" % (sorted(files_under(root)), sorted(expected)))
    sections = run(["readelf", "-S", "--wide", os.path.join(root, "usr", BINARY)]).stdout
    check(".text" in sections and ".debug_" not in sections,
          "the .deb's binary is not stripped")


def main():
    if len(sys.argv) not in (4, 5) or (len(sys.argv) == 5 and sys.argv[4] != "--deb"):
        print(__doc__, file=sys.stderr)
        return 1
    cmake, cpack, build_dir = sys.argv[1:4]
    with tempfile.TemporaryDirectory(prefix="linkgraph-install-test-") as scratch:
        check_install(cmake, build_dir, scratch)
        if len(sys.argv) == 5:
            check_deb(cpack, build_dir, scratch)
    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("install: binary, manual page and completions in place and consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
